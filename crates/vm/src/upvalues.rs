//! Variables that outlive or close with their scope: open upvalues (captured stack
//! slots, shared by the closures that capture them until the slot's scope ends and
//! they are closed) and to-be-closed variables (`<close>`, whose `__close` runs when
//! the scope ends, normally or by an error).
//!
//! Owns finding, reading, writing and closing upvalues, a function's upvalues by number
//! as the debug library and `load` see them (Lua's `lua_getupvalue`, `lua_setupvalue`,
//! `lua_upvalueid`, `lua_upvaluejoin`), and marking and closing to-be-closed slots. It
//! must not decide when a scope ends: the interpreter and the call machinery (`vm.rs`)
//! call in.

use crate::error::LuaError;
use crate::function::{Function, UpState, UpVal};
use crate::gc::Gc;
use crate::thread::Thread;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The open upvalue for stack slot `index`, created if needed.
    pub(crate) fn find_upvalue(&mut self, index: usize) -> Gc<UpVal> {
        let position = self.open_upvalues.partition_point(|u| match u.state() {
            UpState::Open { index: i, .. } => i < index,
            UpState::Closed(_) => true,
        });
        if let Some(&existing) = self.open_upvalues.get(position) {
            if matches!(existing.state(), UpState::Open { index: i, .. } if i == index) {
                return existing;
            }
        }
        let upvalue = self.heap.alloc(UpVal::open(self.current, index));
        self.open_upvalues.insert(position, upvalue);
        upvalue
    }

    /// Closes the open upvalues of slots `level` and above: they take their values.
    pub(crate) fn close_upvalues(&mut self, level: usize) {
        while let Some(&upvalue) = self.open_upvalues.last() {
            match upvalue.state() {
                UpState::Open { index: i, .. } if i >= level => {
                    let value = self.stack.get(i).copied().unwrap_or(Value::Nil);
                    upvalue.set_state(UpState::Closed(value));
                    self.open_upvalues.pop();
                }
                _ => break,
            }
        }
    }

    #[inline(always)]
    pub(crate) fn upvalue_get(&self, upvalue: Gc<UpVal>) -> Value {
        match upvalue.state() {
            UpState::Closed(v) => v,
            UpState::Open { thread, index } if Gc::ptr_eq(thread, self.current) => {
                match self.stack.get(index) {
                    Some(&v) => v,
                    None => Value::Nil,
                }
            }
            UpState::Open { thread, index } => Self::saved_upvalue(thread, index),
        }
    }

    /// A local of a thread that is not running (it resumed this one, or is suspended):
    /// its stack is saved in its object.
    #[cold]
    #[inline(never)]
    fn saved_upvalue(thread: Gc<Thread>, index: usize) -> Value {
        thread.saved.try_borrow().ok().and_then(|s| s.stack.get(index).copied()).unwrap_or(Value::Nil)
    }

    pub(crate) fn upvalue_set(&mut self, upvalue: Gc<UpVal>, value: Value) {
        match upvalue.state() {
            UpState::Open { thread, index } if Gc::ptr_eq(thread, self.current) => {
                if let Some(slot) = self.stack.get_mut(index) {
                    *slot = value;
                }
            }
            UpState::Open { thread, index } => {
                if let Ok(mut saved) = thread.saved.try_borrow_mut() {
                    if let Some(slot) = saved.stack.get_mut(index) {
                        *slot = value;
                    }
                }
            }
            UpState::Closed(_) => upvalue.set_state(UpState::Closed(value)),
        }
    }

    // ------------------------------------------------------------------ to-be-closed

    /// `Tbc`: the variable in `slot` (register `reg`) is to be closed; it must be false,
    /// nil or have a `__close` metamethod.
    pub(crate) fn mark_tbc(&mut self, slot: usize, reg: usize) -> Result<(), LuaError> {
        let value = self.stack.get(slot).copied().unwrap_or(Value::Nil);
        if value.is_falsy() {
            return Ok(());
        }
        if self.metamethod(value, self.names.close).is_nil() {
            let name = self
                .frames
                .last()
                .and_then(|f| f.proto.proto.local_name(reg, f.pc.saturating_sub(1)).map(str::to_owned))
                .unwrap_or_else(|| "?".to_owned());
            return Err(self.error(&format!("variable '{name}' got a non-closable value")));
        }
        self.tbc.push(slot);
        Ok(())
    }

    /// Calls `__close(value, error)` for the to-be-closed variables at `level` and
    /// above, innermost first.
    pub(crate) fn close_tbc(&mut self, level: usize, error: Value) -> Result<(), LuaError> {
        while let Some(&slot) = self.tbc.last() {
            if slot < level {
                break;
            }
            self.tbc.pop();
            let value = self.stack.get(slot).copied().unwrap_or(Value::Nil);
            let handler = self.metamethod(value, self.names.close);
            if handler.is_nil() {
                return Err(self.error("attempt to call a nil value (metamethod 'close')"));
            }
            self.call(handler, &[value, error])?;
        }
        Ok(())
    }

    /// `Close`: upvalues and to-be-closed variables of `level` and above.
    pub(crate) fn close_scope(&mut self, level: usize) -> Result<(), LuaError> {
        self.close_upvalues(level);
        self.close_tbc(level, Value::Nil)
    }
}

/// The cell of upvalue `n` (1-based) of a Lua function.
fn upvalue_cell(f: &Function, n: i64) -> Option<Gc<UpVal>> {
    let index = usize::try_from(n).ok()?.checked_sub(1)?;
    match f {
        Function::Lua { upvalues, .. } => upvalues.get(index).map(std::cell::Cell::get),
        Function::Native { .. } => None,
    }
}

impl Vm {
    /// Upvalue `n` (1-based) of `f`: its name (`(no name)` for a stripped one, empty for
    /// a native closure's one value) and value (`lua_getupvalue`).
    pub(crate) fn function_upvalue(&self, f: Gc<Function>, n: i64) -> Option<(String, Value)> {
        let index = usize::try_from(n).ok()?.checked_sub(1)?;
        match &*f {
            Function::Lua { proto, .. } => {
                let cell = upvalue_cell(&f, n)?;
                let name = proto.proto.upvalues.get(index).map_or("(no name)", |u| &*u.name);
                let name = if name.is_empty() { "(no name)" } else { name };
                Some((name.to_owned(), self.upvalue_get(cell)))
            }
            // A native closure's one upvalue has no name.
            Function::Native { upvalue, .. } => {
                (index == 0 && !upvalue.is_nil()).then(|| (String::new(), *upvalue))
            }
        }
    }

    /// Sets upvalue `n` of a Lua function (`lua_setupvalue`); whether it has one.
    pub(crate) fn set_function_upvalue(&mut self, f: Gc<Function>, n: i64, value: Value) -> bool {
        match upvalue_cell(&f, n) {
            Some(cell) => {
                self.upvalue_set(cell, value);
                true
            }
            None => false,
        }
    }

    /// The identity of upvalue `n` of `f` (`lua_upvalueid`): the address of the
    /// variable's cell, equal for closures that share it.
    pub(crate) fn function_upvalue_id(&self, f: Gc<Function>, n: i64) -> Option<usize> {
        match &*f {
            Function::Lua { .. } => upvalue_cell(&f, n).map(Gc::addr),
            Function::Native { upvalue, .. } => (n == 1 && !upvalue.is_nil()).then(|| f.addr()),
        }
    }

    /// Makes upvalue `n1` of `f1` refer to upvalue `n2` of `f2` (`lua_upvaluejoin`); both
    /// must be Lua functions with those upvalues.
    pub(crate) fn join_upvalues(&mut self, f1: Gc<Function>, n1: i64, f2: Gc<Function>, n2: i64) -> bool {
        let (Function::Lua { upvalues, .. }, Some(shared)) = (&*f1, upvalue_cell(&f2, n2)) else {
            return false;
        };
        match usize::try_from(n1).ok().and_then(|n| n.checked_sub(1)).and_then(|i| upvalues.get(i)) {
            Some(cell) => {
                cell.set(shared);
                true
            }
            None => false,
        }
    }
}
