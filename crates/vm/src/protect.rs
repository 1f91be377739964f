//! Protected calls: `pcall` and `xpcall` run by the interpreter.
//!
//! Owns how a protected call is entered (the callee runs like any call, with a record of
//! the protection), completed (`true` in front of the results) and how an error unwinds
//! to the innermost protection of the running `execute` (`false, error`, through the
//! `xpcall` handler). No Rust frame stays between a `pcall` and the code it protects,
//! which is what lets a coroutine yield across it.

use crate::error::LuaError;
use crate::value::Value;
use crate::vm::{CallSite, NativeCall, Vm, MAX_STACK};

/// Stack slots a message handler may need: with less room left, it runs after the
/// stack is unwound.
const HANDLER_ROOM: usize = 1000;

/// A protected call (`pcall`/`xpcall`) in progress.
#[derive(Clone, Copy)]
pub(crate) struct Protect {
    /// `frames.len()` when the protected function was called: its frame (if it is a Lua
    /// function) is the one at this index.
    pub(crate) frames: usize,
    /// The slot of `pcall` itself, where `true`/`false` and the results go.
    pub(crate) func_slot: usize,
    /// Results the caller of `pcall` wants.
    pub(crate) wanted: i32,
    /// The message handler of `xpcall` (nil for `pcall`).
    pub(crate) handler: Value,
    /// The `execute` invocation that runs it (errors are caught in that one).
    pub(crate) exec: u32,
}

impl Vm {
    /// `pcall(f, …)` / `xpcall(f, handler, …)` at `func_slot`: calls `f` one slot up and
    /// records the protection; the results get `true` in front when `f` returns
    /// ([`Vm::finish_protected`]) and errors come back as `false, error` ([`Vm::recover`]).
    pub(crate) fn protected_call(
        &mut self,
        func_slot: usize,
        nargs: usize,
        wanted: i32,
        site: CallSite,
        is_xpcall: bool,
        name: &'static str,
    ) -> Result<bool, LuaError> {
        let required = if is_xpcall { 2 } else { 1 };
        let handler_ok = !is_xpcall || matches!(self.stack.get(func_slot + 2), Some(Value::Function(_)));
        if nargs < required || !handler_ok {
            let caller = std::mem::replace(
                &mut self.native,
                NativeCall {
                    active: true,
                    name,
                    from_lua: matches!(site, CallSite::Lua | CallSite::ForIterator),
                    ..NativeCall::idle()
                },
            );
            let message = if is_xpcall && !handler_ok {
                let got = if nargs < 2 {
                    "no value".to_owned()
                } else {
                    let handler = self.stack[func_slot + 2];
                    self.type_name_of(handler)
                };
                format!("bad argument #2 to '{name}' (function expected, got {got})")
            } else {
                format!("bad argument #{} to '{name}' (value expected)", nargs + 1)
            };
            let error = self.lib_error(&message);
            self.native = caller;
            return Err(error);
        }
        // Each protected call is a C call in lua5.4: nesting them is bounded as natives
        // are (raised by `pcall` itself, so without a position).
        if let Some(message) = self.c_stack_full() {
            return Err(LuaError::new(self.intern(message.as_bytes())));
        }
        let mut nargs = nargs - 1;
        let mut handler = Value::Nil;
        if is_xpcall {
            // Move the handler out of the argument list: f, args… must be contiguous.
            handler = self.stack[func_slot + 2];
            self.stack.remove(func_slot + 2);
            nargs -= 1;
        }
        let exec = self.exec_depth;
        self.protected.push(Protect { frames: self.frames.len(), func_slot, wanted, handler, exec });
        let inner_wanted = if wanted < 0 { -1 } else { (wanted - 1).max(0) };
        if self.precall(func_slot + 1, nargs, inner_wanted, CallSite::Protected)? {
            return Ok(true);
        }
        self.finish_protected();
        Ok(false)
    }

    /// The protected function returned normally: `true` goes in front of its results.
    pub(crate) fn finish_protected(&mut self) {
        if let Some(p) = self.protected.pop() {
            self.stack[p.func_slot] = Value::Bool(true);
            if p.wanted < 0 {
                // `top` was set by the results placed one slot up.
            } else {
                self.top = p.func_slot + p.wanted as usize;
            }
        }
    }

    /// Whether the frame about to be popped (now `frames.len()` deep) ends a protected call.
    pub(crate) fn ends_protected_call(&self) -> bool {
        self.protected_call_ends_at(self.frames.len())
    }

    /// Whether the frames are now `depth` deep because the innermost protected call ended.
    #[inline]
    pub(crate) fn protected_call_ends_at(&self, depth: usize) -> bool {
        self.protected.last().is_some_and(|p| p.frames == depth && p.exec == self.exec_depth)
    }

    /// An error inside the running `execute`: if a protected call it made is in
    /// progress, unwind to it and give its caller `false, error` (returns `Ok`);
    /// otherwise the error goes on.
    pub(crate) fn recover(&mut self, error: LuaError) -> Result<(), LuaError> {
        // A limit hit is not caught: it goes back to the host.
        if error.yielding || self.limit_exceeded().is_some() {
            return Err(error);
        }
        let Some(p) = self.protected.last().copied() else { return Err(error) };
        if p.exec != self.exec_depth {
            return Err(error);
        }
        // The message handler runs where the error happened, before unwinding (as in
        // Lua: `debug.traceback` as a handler shows the failing functions), with the
        // native function that raised it back on the stack of levels. After a stack
        // overflow there is no room for it there: it runs after unwinding.
        let room = self.stack.len() + HANDLER_ROOM <= MAX_STACK;
        let handled = if p.handler.is_nil() || !room {
            None
        } else {
            let pushed = self.push_raiser(&error);
            let value = self.handle(p.handler, error.value);
            if pushed {
                self.natives.pop();
            }
            Some(value)
        };
        self.protected.pop();
        if let (Some(value), Some(slot)) = (handled, self.stack.get_mut(p.func_slot)) {
            // Kept where the collector sees it while `__close` handlers run.
            *slot = value;
        }
        let original = error.value;
        let error = self.unwind_with(p.frames, p.func_slot + 1, error);
        let value = match handled {
            // No room for the handler before, or a `__close` that failed replaced the
            // error: it goes through the handler now.
            None if !p.handler.is_nil() => self.handle(p.handler, error.value),
            Some(_) if !Value::raw_eq(original, error.value) => self.handle(p.handler, error.value),
            Some(_) => self.stack.get(p.func_slot).copied().unwrap_or(Value::Nil),
            None => error.value,
        };
        self.ensure_stack(p.func_slot + 2)?;
        self.stack[p.func_slot] = Value::Bool(false);
        self.stack[p.func_slot + 1] = value;
        self.place_results(p.func_slot, 2, p.func_slot, p.wanted)?;
        // `pcall(pcall, f)`: the outer call completes with the inner one.
        while self.ends_protected_call() {
            self.finish_protected();
        }
        self.resume_caller()
    }

    /// The value a message handler makes of `error` ("error in error handling" if it fails).
    fn handle(&mut self, handler: Value, error: Value) -> Value {
        // The handler runs one C level up, as in lua5.4 (where the level whose call failed
        // with `C stack overflow` still counts): it has the extra room of that error.
        self.native_depth += 1;
        let handled = self.call(handler, &[error]);
        self.native_depth -= 1;
        match handled {
            Ok(results) => results.first().copied().unwrap_or(Value::Nil),
            Err(_) => self.intern(b"error in error handling"),
        }
    }
}
