//! `debug.sethook` and `debug.gethook`: setting a thread's hook function, its events
//! (`"c"`, `"r"`, `"l"` and a count) and reading them back.
//!
//! Owns the Lua-facing side of hooks: the hook functions table in the registry (keyed by
//! thread, weak keys, as Lua's `HOOKKEY`) and the mask strings. When hooks fire and what
//! they receive is `hook.rs`'s.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::gc::Gc;
use crate::hook::{HOOK_KEY, MASK_CALL, MASK_COUNT, MASK_LINE, MASK_RETURN};
use crate::stdlib::args::{check_string, opt_integer, type_error};
use crate::stdlib::debug::thread_arg;
use crate::table::Table;
use crate::value::Value;

/// The registry's table of hook functions by thread, created on first use.
fn hook_table(ctx: &mut Ctx<'_>) -> Gc<Table> {
    let key = ctx.intern(HOOK_KEY);
    if let Value::Table(t) = ctx.registry().get(key) {
        return t;
    }
    let table = ctx.new_table();
    let _ = ctx.registry().set(key, Value::Table(table));
    // Threads that are gone take their hook with them.
    let mode_key = Value::Str(ctx.names().mode);
    let mode = ctx.intern(b"k");
    let _ = table.set(mode_key, mode);
    ctx.set_metatable(table, Some(table));
    table
}

pub(crate) fn sethook(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(ctx);
    let func = ctx.arg(arg);
    let (mask, hook_count) = if func.is_nil() {
        (0, 0)
    } else {
        let events = check_string(ctx, arg + 2, "sethook")?;
        if !matches!(func, Value::Function(_)) {
            return Err(type_error(ctx, arg + 1, "sethook", "function", func));
        }
        let n = opt_integer(ctx, arg + 3, "sethook", 0)?;
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
    let target = thread.unwrap_or(ctx.current_thread());
    let table = hook_table(ctx);
    let _ = table.set(Value::Thread(target), if mask == 0 { Value::Nil } else { func });
    ctx.set_hook(Some(target), mask, hook_count);
    Ok(0)
}

pub(crate) fn gethook(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (thread, _) = thread_arg(ctx);
    let target = thread.unwrap_or(ctx.current_thread());
    let state = ctx.hook_of(target);
    if state.mask == 0 {
        ctx.push(Value::Nil);
        return Ok(1);
    }
    let table = hook_table(ctx);
    let func = table.get(Value::Thread(target));
    let mut events = Vec::new();
    for (letter, bit) in [(b'c', MASK_CALL), (b'r', MASK_RETURN), (b'l', MASK_LINE)] {
        if state.mask & bit != 0 {
            events.push(letter);
        }
    }
    let events = ctx.intern(&events);
    ctx.push(func);
    ctx.push(events);
    ctx.push(Value::Int(i64::from(state.base_count)));
    Ok(3)
}
