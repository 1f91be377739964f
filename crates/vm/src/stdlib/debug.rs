//! The debug library: `traceback`, `getinfo`, `getlocal`/`setlocal`, upvalue access
//! (`getupvalue`, `setupvalue`, `upvalueid`, `upvaluejoin`), raw metatables of any type,
//! `getregistry`, and the user-value functions (moonlet has no userdata). Hooks
//! (`sethook`/`gethook`) are in `debug_hook.rs`; `debug.debug` (interactive) is absent.
//!
//! Owns the Lua-facing argument handling and result tables of these functions. Reading
//! the call stack is `levels.rs`'s job, naming functions `debuginfo.rs`'s; this module
//! must not reach into the interpreter.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::function::Function;
use crate::gc::Gc;
use crate::levels::{parameter_name, Info};
use crate::stdlib::args::{arg_error, check_any, check_integer, opt_integer, opt_string, type_error};
use crate::table::Table;
use crate::thread::Thread;
use crate::value::Value;

/// The full library (the CLI's); a sandbox gets only `traceback` ([`open_traceback`]).
pub(crate) fn open(ctx: &mut Ctx<'_>) {
    crate::stdlib::new_library(
        ctx,
        "debug",
        &[
            ("debug.traceback", traceback),
            ("debug.getinfo", getinfo),
            ("debug.getlocal", getlocal),
            ("debug.setlocal", setlocal),
            ("debug.getupvalue", getupvalue),
            ("debug.setupvalue", setupvalue),
            ("debug.upvalueid", upvalueid),
            ("debug.upvaluejoin", upvaluejoin),
            ("debug.getmetatable", getmetatable),
            ("debug.setmetatable", setmetatable),
            ("debug.getregistry", getregistry),
            ("debug.getuservalue", getuservalue),
            ("debug.setuservalue", setuservalue),
            ("debug.setcstacklimit", setcstacklimit),
            ("debug.sethook", crate::stdlib::debug_hook::sethook),
            ("debug.gethook", crate::stdlib::debug_hook::gethook),
        ],
    );
}

/// Only `debug.traceback`: what a sandboxed state gets.
pub(crate) fn open_traceback(ctx: &mut Ctx<'_>) {
    crate::stdlib::new_library(ctx, "debug", &[("debug.traceback", traceback)]);
}

/// The optional thread first argument: the thread (`None`: the running one) and the
/// index of the next argument (0-based).
pub(crate) fn thread_arg(ctx: &Ctx<'_>) -> (Option<Gc<Thread>>, usize) {
    match ctx.arg(0) {
        Value::Thread(t) => (Some(t), 1),
        _ => (None, 0),
    }
}

/// Whether `thread` is the running thread.
fn is_running(ctx: &Ctx<'_>, thread: Option<Gc<Thread>>) -> bool {
    thread.is_none_or(|t| Gc::ptr_eq(t, ctx.current_thread()))
}

/// The text of a string or number argument, `None` for others.
fn text_of(ctx: &mut Ctx<'_>, value: Value) -> Result<Option<Vec<u8>>, LuaError> {
    Ok(match value {
        Value::Str(s) => Some(s.as_bytes().to_vec()),
        Value::Int(_) | Value::Float(_) => match ctx.tostring(value)? {
            Value::Str(s) => Some(s.as_bytes().to_vec()),
            _ => None,
        },
        _ => None,
    })
}

fn traceback(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(ctx);
    let message = ctx.arg(arg);
    let text = text_of(ctx, message)?;
    if text.is_none() && !message.is_nil() {
        // Not a string: returned untouched.
        ctx.push(message);
        return Ok(1);
    }
    let default = if is_running(ctx, thread) { 1 } else { 0 };
    let level = opt_integer(ctx, arg + 2, "traceback", default)?;
    let mut out = Vec::new();
    if let Some(text) = text {
        out.extend_from_slice(&text);
        out.push(b'\n');
    }
    match usize::try_from(level) {
        Ok(level) => out.extend_from_slice(&ctx.traceback_text(thread, level)),
        Err(_) => out.extend_from_slice(b"stack traceback:"),
    }
    let value = ctx.intern(&out);
    ctx.push(value);
    Ok(1)
}

/// The characters `getinfo` accepts in its `what` argument.
const INFO_OPTIONS: &[u8] = b"SlnrutfL";

fn getinfo(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(ctx);
    let options = match opt_string(ctx, arg + 2, "getinfo")? {
        Some(s) => s.as_bytes().to_vec(),
        None => b"flnSrtu".to_vec(),
    };
    if options.first() == Some(&b'>') {
        return Err(arg_error(ctx, arg + 2, "getinfo", "invalid option '>'"));
    }
    let target = ctx.arg(arg);
    let info = if let Value::Function(_) = target {
        Info::of_function(target)
    } else {
        let level = check_integer(ctx, arg + 1, "getinfo")?;
        let found = usize::try_from(level).ok().and_then(|level| {
            ctx.with_stack(thread, |view| {
                let levels = view.levels();
                view.info(&levels, level)
            })
        });
        match found {
            Some(info) => info,
            None => {
                ctx.push(Value::Nil);
                return Ok(1);
            }
        }
    };
    if !options.iter().all(|c| INFO_OPTIONS.contains(c)) {
        return Err(arg_error(ctx, arg + 2, "getinfo", "invalid option"));
    }
    let table = ctx.new_table();
    // The table is pushed first so that it stays reachable while it fills.
    ctx.push(Value::Table(table));
    for &option in &options {
        fill_info(ctx, table, &info, option);
    }
    Ok(1)
}

/// Sets the fields of `getinfo` option `option` in `table`.
fn fill_info(ctx: &mut Ctx<'_>, table: Gc<Table>, info: &Info, option: u8) {
    let int = |n: usize| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    match option {
        b'S' => {
            let source = ctx.intern(info.source.as_bytes());
            set(ctx, table, "source", source);
            let short_src = ctx.intern(info.short_src.as_bytes());
            set(ctx, table, "short_src", short_src);
            let what = ctx.intern(info.what.as_bytes());
            set(ctx, table, "what", what);
            set(ctx, table, "linedefined", Value::Int(info.line_defined));
            set(ctx, table, "lastlinedefined", Value::Int(info.last_line_defined));
        }
        b'l' => set(ctx, table, "currentline", Value::Int(info.current_line)),
        b'u' => {
            set(ctx, table, "nups", int(info.nups));
            set(ctx, table, "nparams", int(info.nparams));
            set(ctx, table, "isvararg", Value::Bool(info.is_vararg));
        }
        b'n' => {
            let (namewhat, name) = match &info.name {
                Some((kind, name)) => (*kind, ctx.intern(name.as_bytes())),
                None => ("", Value::Nil),
            };
            set(ctx, table, "name", name);
            let namewhat = ctx.intern(namewhat.as_bytes());
            set(ctx, table, "namewhat", namewhat);
        }
        b'r' => {
            set(ctx, table, "ftransfer", int(info.transfer.0));
            set(ctx, table, "ntransfer", int(info.transfer.1));
        }
        b't' => set(ctx, table, "istailcall", Value::Bool(info.is_tail_call)),
        b'f' => set(ctx, table, "func", info.func),
        b'L' => {
            if let Some(lines) = &info.active_lines {
                let active = ctx.new_table();
                set(ctx, table, "activelines", Value::Table(active));
                for &line in lines {
                    active.set_int(i64::from(line), Value::Bool(true));
                }
            }
        }
        _ => {}
    }
}

fn set(ctx: &mut Ctx<'_>, table: Gc<Table>, key: &str, value: Value) {
    let key = ctx.intern(key.as_bytes());
    let _ = table.set(key, value);
}

/// Level `level` of `thread` exists.
fn level_exists(ctx: &Ctx<'_>, thread: Option<Gc<Thread>>, level: i64) -> bool {
    usize::try_from(level).is_ok_and(|level| ctx.with_stack(thread, |view| level < view.levels().len()))
}

/// Name and stack slot of local `n` at `level` (which exists).
fn find_local(
    ctx: &Ctx<'_>,
    thread: Option<Gc<Thread>>,
    level: i64,
    n: i64,
) -> Option<(String, usize, Value)> {
    let level = usize::try_from(level).ok()?;
    ctx.with_stack(thread, |view| {
        let levels = view.levels();
        let (name, slot) = view.local(&levels, level, n)?;
        Some((name, slot, view.stack.get(slot).copied().unwrap_or(Value::Nil)))
    })
}

fn getlocal(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(ctx);
    let n = check_integer(ctx, arg + 2, "getlocal")?;
    let target = ctx.arg(arg);
    if let Value::Function(_) = target {
        // A function's parameter names (no value: it is not running).
        let name = match parameter_name(target, n) {
            Some(name) => ctx.intern(name.as_bytes()),
            None => Value::Nil,
        };
        ctx.push(name);
        return Ok(1);
    }
    let level = check_integer(ctx, arg + 1, "getlocal")?;
    if !level_exists(ctx, thread, level) {
        return Err(arg_error(ctx, arg + 1, "getlocal", "level out of range"));
    }
    match find_local(ctx, thread, level, n) {
        Some((name, _, value)) => {
            let name = ctx.intern(name.as_bytes());
            ctx.push(name);
            ctx.push(value);
            Ok(2)
        }
        None => {
            ctx.push(Value::Nil);
            Ok(1)
        }
    }
}

fn setlocal(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(ctx);
    let level = check_integer(ctx, arg + 1, "setlocal")?;
    let n = check_integer(ctx, arg + 2, "setlocal")?;
    if !level_exists(ctx, thread, level) {
        return Err(arg_error(ctx, arg + 1, "setlocal", "level out of range"));
    }
    let value = check_any(ctx, arg + 3, "setlocal")?;
    let result = match find_local(ctx, thread, level, n) {
        Some((name, slot, _)) => {
            ctx.set_stack_slot(thread, slot, value);
            ctx.intern(name.as_bytes())
        }
        None => Value::Nil,
    };
    ctx.push(result);
    Ok(1)
}

/// The function argument `n` (1-based) of `name`.
fn check_function(ctx: &mut Ctx<'_>, n: usize, name: &str) -> Result<Gc<Function>, LuaError> {
    match ctx.arg(n - 1) {
        Value::Function(f) => Ok(f),
        other => Err(type_error(ctx, n, name, "function", other)),
    }
}

fn getupvalue(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let n = check_integer(ctx, 2, "getupvalue")?;
    let f = check_function(ctx, 1, "getupvalue")?;
    match ctx.function_upvalue(f, n) {
        Some((name, value)) => {
            let name = ctx.intern(name.as_bytes());
            ctx.push(name);
            ctx.push(value);
            Ok(2)
        }
        None => Ok(0),
    }
}

fn setupvalue(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = check_any(ctx, 3, "setupvalue")?;
    let n = check_integer(ctx, 2, "setupvalue")?;
    let f = check_function(ctx, 1, "setupvalue")?;
    let Some((name, _)) = ctx.function_upvalue(f, n) else { return Ok(0) };
    if !ctx.set_function_upvalue(f, n, value) {
        return Err(ctx.lib_error("moonlet does not support changing the upvalue of a native function"));
    }
    let name = ctx.intern(name.as_bytes());
    ctx.push(name);
    Ok(1)
}

fn upvalueid(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let n = check_integer(ctx, 2, "upvalueid")?;
    let f = check_function(ctx, 1, "upvalueid")?;
    // moonlet has no light userdata: the identity is an integer, equal for shared upvalues.
    let id = ctx
        .function_upvalue_id(f, n)
        .map_or(Value::Nil, |a| Value::Int(i64::try_from(a).unwrap_or(i64::MAX)));
    ctx.push(id);
    Ok(1)
}

/// Function argument `f` with a valid upvalue index in argument `f + 1`.
fn check_upvalue(ctx: &mut Ctx<'_>, f: usize) -> Result<(Gc<Function>, i64), LuaError> {
    let n = check_integer(ctx, f + 1, "upvaluejoin")?;
    let func = check_function(ctx, f, "upvaluejoin")?;
    if ctx.function_upvalue_id(func, n).is_none() {
        return Err(arg_error(ctx, f + 1, "upvaluejoin", "invalid upvalue index"));
    }
    Ok((func, n))
}

fn upvaluejoin(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (f1, n1) = check_upvalue(ctx, 1)?;
    let (f2, n2) = check_upvalue(ctx, 3)?;
    if !ctx.is_lua_function(f1) || !ctx.is_lua_function(f2) {
        let which = if ctx.is_lua_function(f1) { 3 } else { 1 };
        return Err(arg_error(ctx, which, "upvaluejoin", "Lua function expected"));
    }
    // Both indices were checked by `check_upvalue`.
    ctx.join_upvalues(f1, n1, f2, n2);
    Ok(0)
}

fn getmetatable(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = check_any(ctx, 1, "getmetatable")?;
    let mt = ctx.metatable_of(value).map_or(Value::Nil, Value::Table);
    ctx.push(mt);
    Ok(1)
}

fn setmetatable(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let mt = match ctx.arg(1) {
        Value::Nil if count >= 2 => None,
        Value::Table(t) => Some(t),
        other => return Err(type_error(ctx, 2, "setmetatable", "nil or table", other)),
    };
    let value = ctx.arg(0);
    match value {
        Value::Table(t) => ctx.set_metatable(t, mt),
        other => ctx.set_type_metatable(other, mt),
    }
    ctx.push(value);
    Ok(1)
}

fn getregistry(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    ctx.push(Value::Table(ctx.registry()));
    Ok(1)
}

// moonlet has no userdata: these behave as Lua's do for every other value.

fn getuservalue(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    opt_integer(ctx, 2, "getuservalue", 1)?;
    ctx.push(Value::Nil);
    Ok(1)
}

fn setuservalue(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    opt_integer(ctx, 3, "setuservalue", 1)?;
    let value = ctx.arg(0);
    Err(type_error(ctx, 1, "setuservalue", "userdata", value))
}

/// Deprecated in Lua 5.4, where it changes nothing and returns the fixed limit of
/// nested native calls; moonlet's limit is the same 200.
fn setcstacklimit(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    check_integer(ctx, 1, "setcstacklimit")?;
    ctx.push(Value::Int(i64::from(crate::vm::MAX_NATIVE_DEPTH)));
    Ok(1)
}
