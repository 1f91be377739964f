//! The coroutine library: `create`, `resume`, `yield`, `status`, `wrap`, `isyieldable`,
//! `running`, `close`.
//!
//! Owns the Lua-facing side (argument checks, results, error wording). Resuming,
//! yielding and closing are the core's ([`Ctx::resume`], [`Ctx::yield_with`],
//! [`Ctx::close_thread`]), as `lcorolib.c` sits on `lua_resume`.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::gc::Gc;
use crate::stdlib::args::type_error;
use crate::thread::{CoStatus, Thread};
use crate::value::Value;

pub(crate) fn open(ctx: &mut Ctx<'_>) {
    crate::stdlib::new_library(
        ctx,
        "coroutine",
        &[
            ("coroutine.create", create),
            ("coroutine.resume", resume),
            ("coroutine.yield", lua_yield),
            ("coroutine.status", status),
            ("coroutine.wrap", wrap),
            ("coroutine.isyieldable", isyieldable),
            ("coroutine.running", running),
            ("coroutine.close", close),
        ],
    );
}

fn check_thread(ctx: &mut Ctx<'_>, name: &str) -> Result<Gc<Thread>, LuaError> {
    match ctx.arg(0) {
        Value::Thread(t) => Ok(t),
        other => Err(type_error(ctx, 1, name, "thread", other)),
    }
}

fn new_thread(ctx: &mut Ctx<'_>, name: &str) -> Result<Gc<Thread>, LuaError> {
    match ctx.arg(0) {
        f @ Value::Function(_) => Ok(ctx.new_thread(f)),
        other => Err(type_error(ctx, 1, name, "function", other)),
    }
}

fn create(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let thread = new_thread(ctx, "create")?;
    ctx.push(Value::Thread(thread));
    Ok(1)
}

fn resume(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let co = check_thread(ctx, "resume")?;
    // `true` goes in front of the values the coroutine passes back.
    ctx.push(Value::Bool(true));
    match ctx.resume(co, 1)? {
        Ok(count) => Ok(count + 1),
        Err(error) => {
            ctx.pop();
            ctx.push(Value::Bool(false));
            ctx.push(error);
            Ok(2)
        }
    }
}

fn lua_yield(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    Err(ctx.yield_with(0))
}

fn status(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let co = check_thread(ctx, "status")?;
    let name = if Gc::ptr_eq(co, ctx.current_thread()) { "running" } else { co.status().name() };
    let s = ctx.intern(name.as_bytes());
    ctx.push(s);
    Ok(1)
}

fn wrap(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let thread = new_thread(ctx, "wrap")?;
    let f = ctx.new_native_closure("wrap", wrapped_call, Value::Thread(thread));
    ctx.push(f);
    Ok(1)
}

/// The function `coroutine.wrap` returns: resumes its coroutine, raising its errors.
fn wrapped_call(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let Value::Thread(co) = ctx.upvalue() else {
        return Err(ctx.lib_error("cannot resume non-suspended coroutine"));
    };
    match ctx.resume(co, 0)? {
        Ok(count) => Ok(count),
        // A string error gets the caller's position in front, as `lua_error` from a
        // C function called by Lua code does.
        Err(Value::Str(s)) => {
            let message = String::from_utf8_lossy(s.as_bytes()).into_owned();
            Err(ctx.lib_error(&message))
        }
        Err(other) => Err(ctx.raise(other)),
    }
}

fn isyieldable(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let yieldable = !ctx.in_main_thread();
    ctx.push(Value::Bool(yieldable));
    Ok(1)
}

fn running(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let is_main = ctx.in_main_thread();
    let current = ctx.current_thread();
    ctx.push(Value::Thread(current));
    ctx.push(Value::Bool(is_main));
    Ok(2)
}

fn close(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let co = check_thread(ctx, "close")?;
    match ctx.close_thread(co) {
        Ok(None) => {
            ctx.push(Value::Bool(true));
            Ok(1)
        }
        Ok(Some(error)) => {
            ctx.push(Value::Bool(false));
            ctx.push(error);
            Ok(2)
        }
        Err(state) => Err(ctx.lib_error(&format!("cannot close a {} coroutine", state_name(state)))),
    }
}

fn state_name(state: CoStatus) -> &'static str {
    state.name()
}
