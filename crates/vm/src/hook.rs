//! Debug hooks (`debug.sethook`): when the running thread's hook is called, and with what.
//!
//! Owns the per-thread hook state and its dispatch: while `hook.armed` is set, the
//! interpreter runs its traced loop, which calls [`Vm::hook_instruction`] before each
//! instruction (the untraced loop has no test per instruction), and `precall` runs
//! native functions through [`Vm::hooked_native`]. Events follow Lua's `luaG_traceexec`/`luaD_hook`:
//! `call`/`tail call` on entering a function, `return` before it returns, `line` when an
//! instruction starts a new line or jumps back, `count` every N instructions. The hook
//! function itself lives in the registry (`_HOOKKEY`, keyed by thread), as in Lua; the
//! library side is `stdlib/debug_hook.rs`.

use moonlet_compiler::OpCode;

use crate::error::LuaError;
use crate::function::NativeFn;
use crate::gc::Gc;
use crate::levels::NativeRecord;
use crate::thread::Thread;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const MASK_CALL: u8 = 1;
pub(crate) const MASK_RETURN: u8 = 2;
pub(crate) const MASK_LINE: u8 = 4;
pub(crate) const MASK_COUNT: u8 = 8;

/// The registry field holding the table of hook functions by thread.
pub(crate) const HOOK_KEY: &[u8] = b"_HOOKKEY";

/// A thread's hook settings and tracing position.
#[derive(Clone, Copy, Default)]
pub(crate) struct HookState {
    /// A hook is set and not running: the interpreter must call in.
    pub(crate) armed: bool,
    pub(crate) mask: u8,
    /// `count` of `sethook`, and instructions left before the next count event.
    pub(crate) base_count: u32,
    pub(crate) count: u32,
    /// The hook function is running (hooks are off meanwhile).
    pub(crate) running: bool,
    /// The instruction last traced, and the frame it was in (depth, base): a line event
    /// happens when the next one is on another line or not after it.
    pub(crate) old_pc: usize,
    pub(crate) last_frame: (usize, usize),
    /// While the hook function runs: the frame and native counts when it was called
    /// (it is the next level up; the one below is the level it is about).
    pub(crate) marker: Option<(usize, usize)>,
    /// `ftransfer`/`ntransfer` of the call or return event being reported.
    pub(crate) transfer: (usize, usize),
    /// The interpreter left its loop because `armed` changed: it must go on in the
    /// other instance of the loop (see `Vm::execute`).
    pub(crate) switch: bool,
}

impl HookState {
    /// Sets the events (`mask`) and the count; a zero mask turns the hook off.
    pub(crate) fn set(&mut self, mask: u8, count: u32) {
        self.mask = mask;
        self.base_count = count;
        self.count = count;
        self.armed = mask != 0 && !self.running;
    }
}

impl Vm {
    /// Sets the hook events and count of `thread` (the running one when `None`). The
    /// running thread traces from the current instruction on.
    pub(crate) fn set_thread_hook(&mut self, thread: Option<Gc<Thread>>, mask: u8, count: u32) {
        let target = thread.unwrap_or(self.current);
        if Gc::ptr_eq(target, self.current) {
            self.hook.set(mask, count);
            // Tracing goes on from the call of `sethook` (as Lua's return hook sets it).
            if let Some(frame) = self.frames.last() {
                self.hook.old_pc = frame.pc.saturating_sub(1);
                self.hook.last_frame = (self.frames.len(), frame.base);
            }
        } else if let Ok(mut saved) = target.saved.try_borrow_mut() {
            saved.hook.set(mask, count);
        }
    }

    /// The hook settings of `thread`.
    pub(crate) fn hook_of(&self, thread: Gc<Thread>) -> HookState {
        if Gc::ptr_eq(thread, self.current) {
            self.hook
        } else {
            thread.saved.try_borrow().map(|s| s.hook).unwrap_or_default()
        }
    }

    /// Before the instruction the running frame's `pc` points past: the events it
    /// causes, in Lua's order (call, count, line, return).
    #[cold]
    #[inline(never)]
    pub(crate) fn hook_instruction(&mut self) -> Result<(), LuaError> {
        let Some(&frame) = self.frames.last() else { return Ok(()) };
        let proto = frame.proto;
        let p = frame.pc.saturating_sub(1);
        let Some(instr) = proto.proto.code.get(p).copied() else { return Ok(()) };
        let here = (self.frames.len(), frame.base);
        let mask = self.hook.mask;
        if p == 0 {
            self.hook.old_pc = 0;
            self.hook.last_frame = here;
            if mask & MASK_CALL != 0 {
                let event = if frame.tail_call { "tail call" } else { "call" };
                self.run_hook(event, None, (1, usize::from(proto.proto.num_params)))?;
            }
            if instr.op() == OpCode::VarArgPrep {
                // Tracing starts after it; the next instruction counts as a new line.
                self.hook.old_pc = 1;
                return Ok(());
            }
        } else if self.hook.last_frame != here {
            // Back in this frame after a call: the call was the last instruction traced.
            self.hook.old_pc = p - 1;
            self.hook.last_frame = here;
        }
        if mask & MASK_COUNT != 0 {
            self.hook.count = self.hook.count.saturating_sub(1);
            if self.hook.count == 0 {
                self.hook.count = self.hook.base_count;
                self.run_hook("count", None, (0, 0))?;
            }
        }
        if mask & MASK_LINE != 0 {
            let lines = &proto.proto.lines;
            let old = if self.hook.old_pc < lines.len() { self.hook.old_pc } else { 0 };
            let line = lines.get(p).copied().unwrap_or(0);
            if p <= old || lines.get(old).copied().unwrap_or(0) != line {
                self.run_hook("line", Some(i64::from(line)), (0, 0))?;
            }
            self.hook.old_pc = p;
        }
        if mask & MASK_RETURN != 0 {
            let a = instr.a();
            let results = match instr.op() {
                OpCode::Return if instr.b() == 0 => Some(self.top.saturating_sub(frame.base + a)),
                OpCode::Return => Some(instr.b() - 1),
                OpCode::Return0 => Some(0),
                OpCode::Return1 => Some(1),
                _ => None,
            };
            if let Some(n) = results {
                self.run_hook("return", None, (a + 1, n))?;
            }
        }
        Ok(())
    }

    /// Runs native `func` (its record already pushed) after its call event.
    #[cold]
    #[inline(never)]
    pub(crate) fn hooked_native(
        &mut self,
        func: NativeFn,
        base: usize,
        nargs: usize,
    ) -> Result<usize, LuaError> {
        if self.hook.mask & MASK_CALL != 0 {
            self.run_hook("call", None, (1, nargs))?;
        }
        func(&mut crate::ctx::Ctx::new(self, base, nargs))
    }

    /// The return event of a native function whose arguments started at `base`, once it
    /// pushed its `count` results.
    #[cold]
    #[inline(never)]
    pub(crate) fn native_return_hook(&mut self, count: usize, base: usize) -> Result<usize, LuaError> {
        if self.hook.mask & MASK_RETURN != 0 {
            let first = self.stack.len().saturating_sub(count);
            self.run_hook("return", None, ((first + 1).saturating_sub(base), count))?;
        }
        Ok(count)
    }

    /// A resumed coroutine's `yield` (its function in `slot`) returns the values from
    /// `first` to the stack's end: its return event.
    pub(crate) fn yield_return_hook(&mut self, slot: usize, first: usize) -> Result<(), LuaError> {
        if self.hook.mask & MASK_RETURN == 0 {
            return Ok(());
        }
        let Some(&Value::Function(func)) = self.stack.get(slot) else { return Ok(()) };
        self.natives.push(NativeRecord { func, func_slot: slot, frames: self.frames.len() });
        let count = self.stack.len().saturating_sub(first);
        let result = self.run_hook("return", None, (first.saturating_sub(slot), count));
        self.natives.pop();
        result
    }

    /// Calls the running thread's hook function with the event's name and line; the
    /// hook is off while it runs.
    fn run_hook(&mut self, event: &str, line: Option<i64>, transfer: (usize, usize)) -> Result<(), LuaError> {
        let hooks = self.intern(HOOK_KEY);
        let func = match self.registry.get(hooks) {
            Value::Table(t) => t.get(Value::Thread(self.current)),
            _ => Value::Nil,
        };
        if !matches!(func, Value::Function(_)) {
            return Ok(());
        }
        let event = self.intern(event.as_bytes());
        let line = line.map_or(Value::Nil, Value::Int);
        let saved = self.hook;
        let top = self.top;
        self.hook.running = true;
        self.hook.armed = false;
        self.hook.marker = Some((self.frames.len(), self.natives.len()));
        // Lua records transfer information only when values are transferred.
        self.hook.transfer = if transfer.1 == 0 { (0, 0) } else { transfer };
        let result = self.call(func, &[event, line]);
        // Keep what the hook changed with `sethook`; restore the tracing position.
        self.hook.running = false;
        self.hook.marker = None;
        self.hook.transfer = (0, 0);
        self.hook.old_pc = saved.old_pc;
        self.hook.last_frame = saved.last_frame;
        self.hook.armed = self.hook.mask != 0;
        self.top = top;
        result.map(|_| ())
    }
}
