//! Returns in the interpreter: placing a returning function's results for its caller,
//! popping its frame, finishing the instruction a metamethod frame interrupted, and
//! making closures. Called from the loop in `interp.rs` only.

use moonlet_compiler::OpCode;

use crate::error::LuaError;
use crate::function::Function;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// A function returns `n` values from stack slot `first`: place them for the caller,
    /// pop the frame. Returns whether it was the entry frame (leave `execute`).
    #[inline]
    pub(crate) fn finish_call(&mut self, first: usize, n: usize) -> Result<bool, LuaError> {
        let Some(frame) = self.frames.last() else { return Ok(true) };
        let (base, func_slot, wanted, is_entry, finish) =
            (frame.base, frame.func_slot, frame.wanted, frame.is_entry, frame.finish);
        if !self.open_upvalues.is_empty() {
            self.close_upvalues(base);
        }
        if !self.tbc.is_empty() {
            // `__close` handlers run with the frame still in place (for their positions).
            self.close_tbc(base, Value::Nil)?;
        }
        let depth = self.frames.len() - 1;
        self.frames.truncate(depth);
        if wanted == 1 && n >= 1 {
            // The common case: one result wanted and available.
            let value = self.stack[first];
            self.stack[func_slot] = value;
            self.top = func_slot + 1;
        } else {
            self.place_results(first, n, func_slot, wanted)?;
        }
        while self.protected_call_ends_at(depth) {
            self.finish_protected();
        }
        if is_entry {
            return Ok(true);
        }
        if finish != crate::vm::Finish::None {
            self.finish_instruction(func_slot, finish);
        }
        self.resume_caller()?;
        Ok(false)
    }

    /// The common return, without `finish_call`'s general machinery: a Lua function
    /// (frame `fi`, the innermost) returning `n` values from stack slot `first` to the
    /// Lua function that called it, with no upvalue or to-be-closed variable of its own
    /// to close, no protected call ending with it and its caller's registers all in the
    /// stack. Places the results and pops the frame; returns `false`, changing nothing,
    /// when `finish_call` must do the return.
    #[inline(always)]
    pub(crate) fn return_fast(&mut self, fi: usize, first: usize, n: usize) -> bool {
        debug_assert_eq!(fi + 1, self.frames.len());
        // SAFETY: `fi` is the innermost frame's index (the interpreter's `fi`).
        let frame = unsafe { self.frames.get_unchecked(fi) };
        let (base, dest, wanted) = (frame.base, frame.func_slot, frame.wanted);
        // An entry frame returns to Rust; a metamethod frame completes an instruction.
        if frame.is_entry || frame.finish != crate::vm::Finish::None {
            return false;
        }
        if self.open_upvalues.last().is_some_and(|u| match u.state() {
            crate::function::UpState::Open { index, .. } => index >= base,
            crate::function::UpState::Closed(_) => true,
        }) || self.tbc.last().is_some_and(|&slot| slot >= base)
            || self.protected_call_ends_at(fi)
        {
            return false;
        }
        // Not an entry frame: its caller is a Lua frame below it.
        debug_assert!(fi > 0);
        // SAFETY: `fi > 0` (a frame that is not an entry frame has a caller frame).
        let caller = unsafe { self.frames.get_unchecked(fi - 1) };
        let keep = if wanted < 0 { n } else { wanted as usize };
        // The caller's registers (and so `dest + keep`, which the caller's `Call` puts
        // in its registers, or below `first + n` for all results) must be in the stack.
        if caller.base + usize::from(caller.proto.proto.max_stack) > self.stack.len() {
            return false;
        }
        debug_assert!(dest + keep <= self.stack.len() && first + n <= self.stack.len());
        // SAFETY: `dest + keep` is in the stack (checked just above, see the assertion),
        // and `first + j` with `j < n` is a register of the returning frame.
        unsafe {
            if keep == 1 && n >= 1 {
                // The common case on its own: one 16-byte copy.
                *self.stack.get_unchecked_mut(dest) = *self.stack.get_unchecked(first);
            } else {
                for j in 0..keep {
                    let v = if j < n { *self.stack.get_unchecked(first + j) } else { Value::Nil };
                    *self.stack.get_unchecked_mut(dest + j) = v;
                }
            }
        }
        self.top = dest + keep;
        self.frames.truncate(fi);
        true
    }

    /// A metamethod frame returned its result to `slot`: complete the caller's
    /// interrupted instruction with it, as Lua's `luaV_finishOp` does. Results go to the
    /// instruction's register; a comparison skips the next instruction or not.
    #[cold]
    pub(crate) fn finish_instruction(&mut self, slot: usize, finish: crate::vm::Finish) {
        let result = self.stack.get(slot).copied().unwrap_or(Value::Nil);
        let Some(caller) = self.frames.last_mut() else { return };
        let Some(&i) = caller.pc.checked_sub(1).and_then(|pc| caller.proto.proto.code.get(pc)) else {
            return;
        };
        match i.op() {
            OpCode::Eq | OpCode::Lt | OpCode::Le | OpCode::LtI | OpCode::LeI | OpCode::GtI | OpCode::GeI => {
                let truth = result.is_falsy() == (finish == crate::vm::Finish::NotResult);
                if truth != i.k() {
                    caller.pc += 1;
                }
            }
            OpCode::SetTabUp | OpCode::SetTable | OpCode::SetI | OpCode::SetField => {}
            _ => {
                let register = caller.base + i.a();
                if let Some(place) = self.stack.get_mut(register) {
                    *place = result;
                }
            }
        }
    }

    /// Back in the caller after a call: its registers must all exist again.
    pub(crate) fn resume_caller(&mut self) -> Result<(), LuaError> {
        if let Some(caller) = self.frames.last() {
            let size = caller.base + usize::from(caller.proto.proto.max_stack);
            let keep = self.top;
            self.ensure_stack(size.max(keep))?;
            self.top = keep;
        }
        Ok(())
    }

    /// A new closure of nested prototype `index`, capturing its upvalues.
    pub(crate) fn make_closure(
        &mut self,
        parent: crate::gc::Gc<crate::function::FnProto>,
        parent_upvalues: &[std::cell::Cell<crate::gc::Gc<crate::function::UpVal>>],
        index: usize,
        base: usize,
    ) -> Value {
        let Some(&child) = parent.children.get(index) else { return Value::Nil };
        let upvalues: crate::function::Upvalues = child
            .proto
            .upvalues
            .iter()
            .map(|desc| {
                let index = usize::from(desc.index);
                if desc.in_stack {
                    self.find_upvalue(base + index)
                } else {
                    parent_upvalues.get(index).map_or_else(|| self.find_upvalue(base), std::cell::Cell::get)
                }
            })
            .map(std::cell::Cell::new)
            .collect();
        let f = self.heap.alloc(Function::Lua { proto: child, upvalues });
        Value::Function(f)
    }
}
