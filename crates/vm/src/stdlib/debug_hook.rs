//! `debug.sethook` and `debug.gethook`: setting a thread's hook function, its events
//! (`"c"`, `"r"`, `"l"` and a count) and reading them back.
//!
//! Owns the Lua-facing side of hooks: the hook functions table in the registry (keyed by
//! thread, weak keys, as Lua's `HOOKKEY`) and the mask strings. When hooks fire and what
//! they receive is `hook.rs`'s.

use crate::error::LuaError;
use crate::gc::Gc;
use crate::hook::{HookState, HOOK_KEY, MASK_CALL, MASK_COUNT, MASK_LINE, MASK_RETURN};
use crate::stdlib::args::{check_string, opt_integer, type_error};
use crate::stdlib::debug::thread_arg;
use crate::table::Table;
use crate::thread::Thread;
use crate::value::Value;
use crate::vm::Vm;

/// The registry's table of hook functions by thread, created on first use.
fn hook_table(vm: &mut Vm) -> Gc<Table> {
    let key = vm.intern(HOOK_KEY);
    if let Value::Table(t) = vm.registry.get(key) {
        return t;
    }
    let table = vm.new_table();
    let _ = vm.registry.set(key, Value::Table(table));
    // Threads that are gone take their hook with them.
    let mode_key = Value::Str(vm.names.mode);
    let mode = vm.intern(b"k");
    let _ = table.set(mode_key, mode);
    table.set_metatable(Some(table));
    vm.note_metatable(table, Some(table));
    table
}

pub(crate) fn sethook(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(vm, base, count);
    let func = vm.arg(base, count, arg);
    let (mask, hook_count) = if func.is_nil() {
        (0, 0)
    } else {
        let events = check_string(vm, base, count, arg + 2, "sethook")?;
        if !matches!(func, Value::Function(_)) {
            return Err(type_error(vm, arg + 1, "sethook", "function", count, func));
        }
        let n = opt_integer(vm, base, count, arg + 3, "sethook", 0)?;
        let n = u32::try_from(n.clamp(0, i64::from(i32::MAX))).unwrap_or(0);
        let events = events.as_bytes();
        let mut mask = 0;
        for (letter, bit) in [(b'c', MASK_CALL), (b'r', MASK_RETURN), (b'l', MASK_LINE)] {
            if events.contains(&letter) {
                mask |= bit;
            }
        }
        if n > 0 {
            mask |= MASK_COUNT;
        }
        (mask, n)
    };
    let target = thread.unwrap_or(vm.current);
    let table = hook_table(vm);
    let _ = table.set(Value::Thread(target), if mask == 0 { Value::Nil } else { func });
    if Gc::ptr_eq(target, vm.current) {
        vm.hook.set(mask, hook_count);
        // Tracing goes on from the call of `sethook` (as Lua's return hook sets it).
        if let Some(frame) = vm.frames.last() {
            vm.hook.old_pc = frame.pc.saturating_sub(1);
            vm.hook.last_frame = (vm.frames.len(), frame.base);
        }
    } else if let Ok(mut saved) = target.saved.try_borrow_mut() {
        saved.hook.set(mask, hook_count);
    }
    Ok(0)
}

pub(crate) fn gethook(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (thread, _) = thread_arg(vm, base, count);
    let target = thread.unwrap_or(vm.current);
    let state = hook_state(vm, target);
    if state.mask == 0 {
        vm.push(Value::Nil);
        return Ok(1);
    }
    let table = hook_table(vm);
    let func = table.get(Value::Thread(target));
    let mut events = Vec::new();
    for (letter, bit) in [(b'c', MASK_CALL), (b'r', MASK_RETURN), (b'l', MASK_LINE)] {
        if state.mask & bit != 0 {
            events.push(letter);
        }
    }
    let events = vm.intern(&events);
    vm.push(func);
    vm.push(events);
    vm.push(Value::Int(i64::from(state.base_count)));
    Ok(3)
}

fn hook_state(vm: &Vm, thread: Gc<Thread>) -> HookState {
    if Gc::ptr_eq(thread, vm.current) {
        vm.hook
    } else {
        thread.saved.try_borrow().map(|s| s.hook).unwrap_or_default()
    }
}
