//! Coroutines: a thread's own stack and frames, and switching between threads.
//!
//! Owns what a suspended coroutine keeps (its stack, call frames, open upvalues,
//! to-be-closed variables and protected calls) and the swap that makes a thread the
//! running one. The running thread's state lives in the `Vm` itself (where the
//! interpreter reaches it fastest); every other thread's lives in its [`Thread`] object.
//! Also resuming (running a coroutine until it returns, fails or yields), yielding (a
//! signal that travels out of the interpreter to the `resume` running the coroutine, so
//! it passes `pcall`, which the interpreter runs without a Rust frame, but not a Rust
//! call) and closing a coroutine: the `coroutine` library is a thin layer over these.

use std::cell::{Cell, RefCell};

use crate::error::LuaError;
use crate::function::UpVal;
use crate::gc::{Gc, Marker, Trace};
use crate::hook::HookState;
use crate::levels::NativeRecord;
use crate::protect::Protect;
use crate::value::Value;
use crate::vm::{Frame, NativeCall, Vm};

/// A coroutine's status, as `coroutine.status` names it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CoStatus {
    Suspended,
    Running,
    /// It resumed another coroutine and waits for it.
    Normal,
    Dead,
}

impl CoStatus {
    pub fn name(self) -> &'static str {
        match self {
            CoStatus::Suspended => "suspended",
            CoStatus::Running => "running",
            CoStatus::Normal => "normal",
            CoStatus::Dead => "dead",
        }
    }
}

/// The execution state a thread keeps while it is not running.
#[derive(Default)]
pub(crate) struct ExecState {
    pub(crate) stack: Vec<Value>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) open_upvalues: Vec<Gc<UpVal>>,
    pub(crate) tbc: Vec<usize>,
    pub(crate) protected: Vec<Protect>,
    pub(crate) top: usize,
    pub(crate) natives: Vec<NativeRecord>,
    pub(crate) hook: HookState,
}

/// A coroutine (or the main thread).
pub struct Thread {
    pub(crate) status: Cell<CoStatus>,
    /// The function it runs; nil once started.
    pub(crate) body: Cell<Value>,
    /// Where the values of the next `resume` go: the slot and wanted count of the
    /// `coroutine.yield` call it is suspended in.
    pub(crate) resume_point: Cell<Option<(usize, i32)>>,
    /// The error it died with (for `coroutine.close`); nil otherwise.
    pub(crate) error: Cell<Value>,
    pub(crate) saved: RefCell<ExecState>,
}

impl Thread {
    pub(crate) fn new(body: Value, status: CoStatus) -> Thread {
        Thread {
            status: Cell::new(status),
            body: Cell::new(body),
            resume_point: Cell::new(None),
            error: Cell::new(Value::Nil),
            saved: RefCell::new(ExecState::default()),
        }
    }

    pub fn status(&self) -> CoStatus {
        self.status.get()
    }
}

impl Trace for Thread {
    fn trace(&self, marker: &mut Marker) {
        self.body.get().trace(marker);
        self.error.get().trace(marker);
        // A running thread's state is in the VM (a root); `try_borrow` never fails here
        // because marking does not run while a swap holds the borrow.
        if let Ok(saved) = self.saved.try_borrow() {
            for value in &saved.stack {
                value.trace(marker);
            }
            for frame in &saved.frames {
                marker.mark(frame.closure);
            }
            for record in &saved.natives {
                marker.mark(record.func);
            }
            for upvalue in &saved.open_upvalues {
                marker.mark(*upvalue);
            }
            for p in &saved.protected {
                p.handler.trace(marker);
            }
        }
    }

    fn extra_bytes(&self) -> usize {
        self.saved.try_borrow().map_or(0, |s| s.stack.capacity() * std::mem::size_of::<Value>())
    }
}

impl Vm {
    /// Makes `thread` the running one: the running thread's state goes into its own
    /// object, `thread`'s comes out of its object into the VM.
    pub(crate) fn switch_to(&mut self, thread: Gc<Thread>) {
        use std::mem::swap;
        // Swaps, not `take` and assignment: a suspended thread's fields are empty once its
        // state is in the VM, so no drop code runs on the way.
        for saved in [self.current, thread] {
            let mut saved = saved.saved.borrow_mut();
            swap(&mut self.stack, &mut saved.stack);
            swap(&mut self.frames, &mut saved.frames);
            swap(&mut self.open_upvalues, &mut saved.open_upvalues);
            swap(&mut self.tbc, &mut saved.tbc);
            swap(&mut self.protected, &mut saved.protected);
            swap(&mut self.top, &mut saved.top);
            swap(&mut self.natives, &mut saved.natives);
            swap(&mut self.hook, &mut saved.hook);
        }
        self.current = thread;
    }
}

impl Vm {
    /// A new suspended coroutine running `body`.
    pub(crate) fn new_thread(&mut self, body: Value) -> Gc<Thread> {
        self.heap.alloc(Thread::new(body, CoStatus::Suspended))
    }

    /// Resumes `co` with the stack values `args` (a range of the running thread's stack)
    /// as arguments until it returns, yields or fails: the values it returned or yielded,
    /// pushed on the stack (`Ok(Ok(count))`), or the error it died of (`Ok(Err(value))`,
    /// also for a coroutine that cannot be resumed). The outer `Err` is an error of the
    /// resume itself (a limit hit).
    pub(crate) fn resume(
        &mut self,
        co: Gc<Thread>,
        args: std::ops::Range<usize>,
    ) -> Result<Result<usize, Value>, LuaError> {
        self.set_transfer(args);
        match self.resume_thread(co)? {
            Ok(()) => {
                let n = self.yield_values.len();
                self.stack.extend_from_slice(&self.yield_values);
                self.yield_values.clear();
                Ok(Ok(n))
            }
            Err(error) => Ok(Err(error)),
        }
    }

    /// Copies the stack values `values` into `yield_values`, the transfer buffer.
    fn set_transfer(&mut self, values: std::ops::Range<usize>) {
        self.yield_values.clear();
        self.yield_values.extend_from_slice(self.stack.get(values).unwrap_or_default());
    }

    /// Runs `co` with the values in `yield_values` as arguments until it returns, yields
    /// (`Ok`, with the values it returned or yielded in `yield_values`) or fails (`Err`
    /// with the error value). The buffer carries values both ways without allocating.
    fn resume_thread(&mut self, co: Gc<Thread>) -> Result<Result<(), Value>, LuaError> {
        match co.status() {
            CoStatus::Suspended => {}
            CoStatus::Dead => return Ok(Err(self.intern(b"cannot resume dead coroutine"))),
            _ => return Ok(Err(self.intern(b"cannot resume non-suspended coroutine"))),
        }
        let previous = self.current;
        previous.status.set(CoStatus::Normal);
        co.status.set(CoStatus::Running);
        self.switch_to(co);
        let native = std::mem::replace(&mut self.native, NativeCall::idle());
        let body = co.body.replace(Value::Nil);
        let outcome = if !body.is_nil() {
            // First resume: call the body with the arguments at the bottom of its stack.
            self.stack.clear();
            self.stack.push(body);
            self.stack.extend_from_slice(&self.yield_values);
            self.call_at(0, self.yield_values.len())
        } else {
            self.continue_after_yield(co)
        };
        self.native = native;
        let result = match outcome {
            Ok(()) => {
                co.status.set(CoStatus::Dead);
                self.yield_values.clear();
                let top = self.top.min(self.stack.len());
                self.yield_values.extend_from_slice(&self.stack[..top]);
                Ok(())
            }
            Err(e) if e.yielding => {
                co.status.set(CoStatus::Suspended);
                // The values are in `yield_values`; the signal is kept for the next yield.
                self.spare_yield_signal = Some(e);
                Ok(())
            }
            Err(e) => {
                co.status.set(CoStatus::Dead);
                co.error.set(e.value);
                // Its stack stays as the error left it (`debug.traceback(co)`), with the
                // native function that raised it.
                self.push_raiser(&e);
                Err(e.value)
            }
        };
        self.switch_to(previous);
        previous.status.set(CoStatus::Running);
        Ok(result)
    }

    /// Back in `co` (now running) from a yield: the values in `yield_values` are the
    /// results of its `yield` call; the interpreter goes on from there.
    fn continue_after_yield(&mut self, co: Gc<Thread>) -> Result<(), LuaError> {
        let (slot, wanted) = co.resume_point.take().unwrap_or((0, -1));
        let first = self.stack.len();
        let count = self.yield_values.len();
        self.stack.extend_from_slice(&self.yield_values);
        if self.hook.armed {
            self.yield_return_hook(slot, first)?;
        }
        self.place_results(first, count, slot, wanted)?;
        // The protected calls it was in now belong to the `execute` below.
        let depth = self.exec_depth + 1;
        for p in &mut self.protected {
            p.exec = depth;
        }
        self.exec_depth += 1;
        while self.ends_protected_call() {
            self.finish_protected();
        }
        self.exec_depth -= 1;
        self.resume_caller()?;
        self.native_depth += 1;
        let result = self.execute();
        self.native_depth -= 1;
        result
    }

    /// `coroutine.yield(...)` with the stack values `values`, called from the native
    /// function running at the top of the running coroutine: the signal to return (the
    /// `resume` running the coroutine receives the values), or the error of yielding
    /// from the main thread.
    pub(crate) fn yield_with(&mut self, values: std::ops::Range<usize>) -> LuaError {
        if Gc::ptr_eq(self.current, self.main_thread) {
            // Raised by the runtime inside `yield` itself: no position.
            return LuaError::new(self.intern(b"attempt to yield from outside a coroutine"));
        }
        self.set_transfer(values);
        self.current.resume_point.set(Some((self.native.func_slot, self.native.wanted)));
        self.spare_yield_signal.take().unwrap_or_else(LuaError::yield_signal)
    }

    /// `coroutine.close(co)`: closes the pending to-be-closed variables of a suspended or
    /// dead coroutine (with the error it died of) and kills it. `Ok(None)` when it ends
    /// cleanly, `Ok(Some(error))` with the error it died of or a `__close` raised;
    /// `Err(status)` if it is running or normal (it cannot be closed).
    pub(crate) fn close_thread(&mut self, co: Gc<Thread>) -> Result<Option<Value>, CoStatus> {
        let state = if Gc::ptr_eq(co, self.current) { CoStatus::Running } else { co.status() };
        match state {
            CoStatus::Suspended | CoStatus::Dead => {}
            other => return Err(other),
        }
        // Close its pending to-be-closed variables, running in it.
        let error = co.error.replace(Value::Nil);
        let previous = self.current;
        self.switch_to(co);
        let closed = self.close_tbc(0, error);
        self.close_upvalues(0);
        self.frames.clear();
        self.natives.clear();
        self.stack.clear();
        self.switch_to(previous);
        co.status.set(CoStatus::Dead);
        co.body.set(Value::Nil);
        Ok(match closed {
            Ok(()) if error.is_nil() => None,
            Ok(()) => Some(error),
            Err(e) => Some(e.value),
        })
    }
}
