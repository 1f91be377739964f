//! The basic library: `print`, `type`, `tostring`, `tonumber`, `pairs`, `ipairs`, `next`,
//! `select`, the `raw*` functions, metatables, `assert`, `error`, `pcall`, `xpcall`
//! and `collectgarbage` (`unpack` is only listed: Lua 5.4 has no global `unpack`).
//!
//! Owns these functions' behaviour and their argument errors (`bad argument #1 to
//! 'setmetatable' (table expected, got number)`). It uses only the public face of the VM:
//! arguments on the stack, results pushed.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::function::NativeKind;
use crate::number;
use crate::stdlib::args::{arg_error, check_any, check_integer, check_table, type_error};
use crate::value::Value;

/// Installs the basic library into the globals.
pub(crate) fn open(ctx: &mut Ctx<'_>) {
    let functions: [(&'static str, crate::function::NativeFn); 20] = [
        ("print", print),
        ("type", lua_type),
        ("tostring", tostring),
        ("tonumber", tonumber),
        ("pairs", pairs),
        ("ipairs", ipairs),
        ("next", next),
        ("select", select),
        ("rawget", rawget),
        ("rawset", rawset),
        ("rawequal", rawequal),
        ("rawlen", rawlen),
        ("setmetatable", setmetatable),
        ("getmetatable", getmetatable),
        ("assert", assert),
        ("error", error),
        ("pcall", pcall),
        ("xpcall", xpcall),
        ("collectgarbage", collectgarbage),
        ("unpack", unpack),
    ];
    for (name, f) in functions {
        match name {
            "unpack" => {}
            // The interpreter runs these itself; `f` is never called.
            "pcall" | "xpcall" => {
                let kind = if name == "pcall" { NativeKind::Pcall } else { NativeKind::Xpcall };
                let function = ctx.new_protected_call(name, f, kind);
                ctx.set_global(name, function);
            }
            _ => ctx.register(name, f),
        }
    }
    let globals = Value::Table(ctx.globals());
    ctx.set_global("_G", globals);
    let version = ctx.intern(b"Lua 5.4");
    ctx.set_global("_VERSION", version);
    let step = ctx.new_native("ipairs_step", ipairs_step);
    ctx.set_ipairs_step(step);
}

fn print(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let mut line = Vec::new();
    for i in 0..count {
        if i > 0 {
            line.push(b'\t');
        }
        let value = ctx.arg(i);
        match ctx.tostring(value)? {
            Value::Str(s) => line.extend_from_slice(s.as_bytes()),
            _ => return Err(ctx.lib_error("'tostring' must return a string to 'print'")),
        }
    }
    line.push(b'\n');
    if ctx.write_output(&line).is_err() {
        return Err(ctx.lib_error("cannot write to the output"));
    }
    Ok(0)
}

fn lua_type(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = check_any(ctx, 1, "type")?;
    // Type names are interned once, at startup (indexing is safe: one per type index).
    let name = ctx.names().types[value.type_index()];
    ctx.push(Value::Str(name));
    Ok(1)
}

fn tostring(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = check_any(ctx, 1, "tostring")?;
    let s = ctx.tostring(value)?;
    ctx.push(s);
    Ok(1)
}

fn tonumber(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let value = ctx.arg(0);
    let radix = ctx.arg(1);
    if radix.is_nil() {
        if count == 0 {
            return Err(arg_error(ctx, 1, "tonumber", "value expected"));
        }
        let result = crate::ops::to_number(value).unwrap_or(Value::Nil);
        ctx.push(result);
        return Ok(1);
    }
    let radix = check_integer(ctx, 2, "tonumber")?;
    let Value::Str(s) = value else {
        return Err(type_error(ctx, 1, "tonumber", "string", value));
    };
    if !(2..=36).contains(&radix) {
        return Err(arg_error(ctx, 2, "tonumber", "base out of range"));
    }
    let result = number::str_to_int_base(s.as_bytes(), radix as u32).map_or(Value::Nil, Value::Int);
    ctx.push(result);
    Ok(1)
}

fn next(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let key = ctx.arg(1);
    let entry = match ctx.arg(0) {
        Value::Extern(e, node) => ctx.ext_next(e, node, key),
        _ => check_table(ctx, 1, "next")?.next(key),
    };
    match entry {
        Ok(Some((k, v))) => {
            ctx.push(k);
            ctx.push(v);
            Ok(2)
        }
        Ok(None) => {
            ctx.push(Value::Nil);
            Ok(1)
        }
        Err(_) => Err(ctx.lib_error("invalid key to 'next'")),
    }
}

fn pairs(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = check_any(ctx, 1, "pairs")?;
    let handler = ctx.metamethod(value, ctx.names().pairs);
    if !handler.is_nil() {
        let results = ctx.call(handler, &[value])?;
        for i in 0..3 {
            ctx.push(results.get(i).copied().unwrap_or(Value::Nil));
        }
        return Ok(3);
    }
    let key = ctx.intern_str(b"next");
    let next = ctx.globals().get_str(key);
    let next = match next {
        Value::Function(_) => next,
        _ => ctx.new_native("next", self::next),
    };
    ctx.push(next);
    ctx.push(value);
    ctx.push(Value::Nil);
    Ok(3)
}

fn ipairs_step(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let table = ctx.arg(0);
    let i = match ctx.arg(1) {
        Value::Int(i) => i.wrapping_add(1),
        _ => 1,
    };
    let value = match table {
        Value::Table(t) if t.metatable().is_none() => t.get_int(i),
        other => ctx.index(other, Value::Int(i))?,
    };
    if value.is_nil() {
        ctx.push(Value::Nil);
        return Ok(1);
    }
    ctx.push(Value::Int(i));
    ctx.push(value);
    Ok(2)
}

fn ipairs(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = check_any(ctx, 1, "ipairs")?;
    // Every call returns the same iterator function, as in Lua.
    let step = ctx.ipairs_step();
    ctx.push(step);
    ctx.push(value);
    ctx.push(Value::Int(0));
    Ok(3)
}

fn select(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let n = ctx.arg(0);
    if let Value::Str(s) = n {
        if s.as_bytes() == b"#" {
            ctx.push(Value::Int(count.saturating_sub(1) as i64));
            return Ok(1);
        }
    }
    let n = check_integer(ctx, 1, "select")?;
    let available = count.saturating_sub(1) as i64;
    let start = if n < 0 {
        // `n < -available`, not `-n > available`: `-math.mininteger` overflows.
        if n < -available {
            return Err(arg_error(ctx, 1, "select", "index out of range"));
        }
        available + n
    } else if n == 0 {
        return Err(arg_error(ctx, 1, "select", "index out of range"));
    } else {
        (n - 1).min(available)
    };
    let values: Vec<Value> = (start..available).map(|i| ctx.arg(1 + i as usize)).collect();
    let results = values.len();
    for v in values {
        ctx.push(v);
    }
    Ok(results)
}

fn rawget(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = match ctx.arg(0) {
        Value::Extern(e, node) => {
            let key = check_any(ctx, 2, "rawget")?;
            ctx.ext_get(e, node, key)
        }
        _ => {
            let table = check_table(ctx, 1, "rawget")?;
            check_any(ctx, 2, "rawget")?;
            table.get(ctx.arg(1))
        }
    };
    ctx.push(value);
    Ok(1)
}

fn rawset(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    if let Value::Extern(e, node) = ctx.arg(0) {
        let key = check_any(ctx, 2, "rawset")?;
        let value = check_any(ctx, 3, "rawset")?;
        ctx.ext_set(e, node, key, value)?;
        ctx.push(Value::Extern(e, node));
        return Ok(1);
    }
    let table = check_table(ctx, 1, "rawset")?;
    let key = check_any(ctx, 2, "rawset")?;
    let value = check_any(ctx, 3, "rawset")?;
    ctx.raw_set(table, key, value)?;
    ctx.push(Value::Table(table));
    Ok(1)
}

fn rawequal(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let a = check_any(ctx, 1, "rawequal")?;
    let b = check_any(ctx, 2, "rawequal")?;
    ctx.push(Value::Bool(Value::raw_eq(a, b)));
    Ok(1)
}

fn rawlen(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let n = match ctx.arg(0) {
        Value::Table(t) => t.len(),
        Value::Extern(e, node) => ctx.ext_len(e, node),
        Value::Str(s) => s.len() as i64,
        other => return Err(type_error(ctx, 1, "rawlen", "table or string", other)),
    };
    ctx.push(Value::Int(n));
    Ok(1)
}

fn setmetatable(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    if let Value::Extern(..) = ctx.arg(0) {
        return Err(arg_error(ctx, 1, "setmetatable", "external tables have no metatable"));
    }
    let table = check_table(ctx, 1, "setmetatable")?;
    let mt = match ctx.arg(1) {
        Value::Nil if count >= 2 => None,
        Value::Table(t) => Some(t),
        other => return Err(type_error(ctx, 2, "setmetatable", "nil or table", other)),
    };
    if !ctx.metamethod(Value::Table(table), ctx.names().metatable).is_nil() {
        return Err(ctx.lib_error("cannot change a protected metatable"));
    }
    ctx.set_metatable(table, mt);
    ctx.push(Value::Table(table));
    Ok(1)
}

fn getmetatable(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = check_any(ctx, 1, "getmetatable")?;
    let result = match ctx.metatable_of(value) {
        None => Value::Nil,
        Some(mt) => {
            let protected = mt.get_str(ctx.names().metatable);
            if protected.is_nil() {
                Value::Table(mt)
            } else {
                protected
            }
        }
    };
    ctx.push(result);
    Ok(1)
}

fn assert(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let value = check_any(ctx, 1, "assert")?;
    if !value.is_falsy() {
        let values: Vec<Value> = (0..count).map(|i| ctx.arg(i)).collect();
        for v in values {
            ctx.push(v);
        }
        return Ok(count);
    }
    // As `error(message)` called where `assert` was called (strings get a position).
    let message = if count >= 2 { ctx.arg(1) } else { ctx.intern(b"assertion failed!") };
    match message {
        Value::Str(s) => {
            let text = String::from_utf8_lossy(s.as_bytes()).into_owned();
            Err(ctx.lib_error(&text))
        }
        other => Err(LuaError::new(other)),
    }
}

fn error(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = ctx.arg(0);
    let level = match ctx.arg(1) {
        Value::Nil => 1,
        _ => check_integer(ctx, 2, "error")?,
    };
    if let Value::Str(s) = value {
        if let Some(position) = ctx.position_of_level(level) {
            let mut text = format!("{position} ").into_bytes();
            text.extend_from_slice(s.as_bytes());
            return Err(LuaError::new(ctx.intern(&text)));
        }
    }
    Err(LuaError::new(value))
}

// `pcall` and `xpcall` as called from Rust (`Vm::call`); called from Lua, the
// interpreter runs them itself (`protect.rs`).
fn pcall(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let f = check_any(ctx, 1, "pcall")?;
    let args = ctx.args_from(1);
    protected(ctx, f, Value::Nil, args)
}

fn xpcall(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (f, handler) = (ctx.arg(0), ctx.arg(1));
    let args = ctx.args_from(2);
    protected(ctx, f, handler, args)
}

/// Calls `f(args)`, pushing `true` and its results, or `false` and the error (passed
/// through `handler` unless it is nil).
fn protected(ctx: &mut Ctx<'_>, f: Value, handler: Value, args: Vec<Value>) -> Result<usize, LuaError> {
    match ctx.call(f, &args) {
        Ok(results) => {
            ctx.push(Value::Bool(true));
            let n = results.len();
            for v in results {
                ctx.push(v);
            }
            Ok(n + 1)
        }
        // A limit hit is not caught: it goes back to the host.
        Err(e) if ctx.limit_exceeded().is_some() => Err(e),
        Err(e) => {
            let error = if handler.is_nil() {
                e.value
            } else {
                match ctx.call(handler, &[e.value]) {
                    Ok(results) => results.first().copied().unwrap_or(Value::Nil),
                    Err(_) => ctx.intern(b"error in error handling"),
                }
            };
            ctx.push(Value::Bool(false));
            ctx.push(error);
            Ok(2)
        }
    }
}

fn unpack(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let list = ctx.arg(0);
    let first = match ctx.arg(1) {
        Value::Nil => 1,
        _ => check_integer(ctx, 2, "unpack")?,
    };
    let last = match ctx.arg(2) {
        Value::Nil => ctx.length(list).map(|v| match v {
            Value::Int(i) => i,
            _ => 0,
        })?,
        _ => check_integer(ctx, 3, "unpack")?,
    };
    if first > last {
        return Ok(0);
    }
    let n = (last as i128 - first as i128 + 1) as u128;
    if n >= 1_000_000 {
        return Err(ctx.lib_error("too many results to unpack"));
    }
    for i in first..=last {
        let v = match list {
            Value::Table(t) if t.metatable().is_none() => t.get_int(i),
            other => ctx.index(other, Value::Int(i))?,
        };
        ctx.push(v);
    }
    Ok(n as usize)
}

fn collectgarbage(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let option = match ctx.arg(0) {
        Value::Nil => b"collect".to_vec(),
        Value::Str(s) => s.as_bytes().to_vec(),
        other => return Err(type_error(ctx, 1, "collectgarbage", "string", other)),
    };
    let result = match option.as_slice() {
        b"collect" => {
            ctx.collect();
            Value::Int(0)
        }
        b"count" => Value::Float(ctx.memory_kb()),
        b"step" => {
            ctx.collect();
            Value::Bool(true)
        }
        b"isrunning" => Value::Bool(true),
        b"incremental" | b"generational" => {
            let previous =
                ctx.set_gc_mode(if option == b"incremental" { "incremental" } else { "generational" });
            ctx.intern(previous.as_bytes())
        }
        b"stop" | b"restart" | b"setpause" | b"setstepmul" => Value::Int(0),
        _ => {
            let shown = String::from_utf8_lossy(&option).into_owned();
            return Err(arg_error(ctx, 1, "collectgarbage", &format!("invalid option '{shown}'")));
        }
    };
    ctx.push(result);
    Ok(1)
}
