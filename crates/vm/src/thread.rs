//! Coroutines: a thread's own stack and frames, and switching between threads.
//!
//! Owns what a suspended coroutine keeps (its stack, call frames, open upvalues,
//! to-be-closed variables and protected calls) and the swap that makes a thread the
//! running one. The running thread's state lives in the `Vm` itself (where the
//! interpreter reaches it fastest); every other thread's lives in its [`Thread`] object.
//! Resuming and yielding are in `stdlib/coroutine.rs`.

use std::cell::{Cell, RefCell};

use crate::function::UpVal;
use crate::gc::{Gc, Marker, Trace};
use crate::hook::HookState;
use crate::levels::NativeRecord;
use crate::protect::Protect;
use crate::value::Value;
use crate::vm::{Frame, Vm};

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
