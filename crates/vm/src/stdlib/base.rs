//! The basic library: `print`, `type`, `tostring`, `tonumber`, `pairs`, `ipairs`, `next`,
//! `select`, the `raw*` functions, metatables, `assert`, `error`, `pcall`, `xpcall`
//! and `collectgarbage` (`unpack` is only listed: Lua 5.4 has no global `unpack`).
//!
//! Owns these functions' behaviour and their argument errors (`bad argument #1 to
//! 'setmetatable' (table expected, got number)`). It uses only the public face of the VM:
//! arguments on the stack, results pushed.

use std::io::Write;

use crate::error::LuaError;
use crate::function::{Function, NativeKind};
use crate::number;
use crate::stdlib::args::{arg_error, check_any, check_integer, check_table, type_error};
use crate::value::Value;
use crate::vm::Vm;

/// Installs the basic library into the globals.
pub(crate) fn open(vm: &mut Vm) {
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
                let function =
                    vm.heap.alloc(Function::Native { name, func: f, kind, upvalue: Value::Nil, host: None });
                vm.set_global(name, Value::Function(function));
            }
            _ => vm.register(name, f),
        }
    }
    let globals = Value::Table(vm.globals);
    vm.set_global("_G", globals);
    let version = vm.intern(b"Lua 5.4");
    vm.set_global("_VERSION", version);
    vm.ipairs_step = Value::Function(vm.heap.alloc(Function::native("ipairs_step", ipairs_step)));
}

fn print(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let mut line = Vec::new();
    for i in 0..count {
        if i > 0 {
            line.push(b'\t');
        }
        let value = vm.arg(base, count, i);
        match vm.tostring(value)? {
            Value::Str(s) => line.extend_from_slice(s.as_bytes()),
            _ => return Err(vm.lib_error("'tostring' must return a string to 'print'")),
        }
    }
    line.push(b'\n');
    if vm.out.write_all(&line).is_err() {
        return Err(vm.lib_error("cannot write to the output"));
    }
    Ok(0)
}

fn lua_type(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = check_any(vm, base, count, 1, "type")?;
    // Type names are interned once, at startup (indexing is safe: one per type index).
    let name = vm.names.types[value.type_index()];
    vm.push(Value::Str(name));
    Ok(1)
}

fn tostring(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = check_any(vm, base, count, 1, "tostring")?;
    let s = vm.tostring(value)?;
    vm.push(s);
    Ok(1)
}

fn tonumber(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = vm.arg(base, count, 0);
    let radix = vm.arg(base, count, 1);
    if radix.is_nil() {
        if count == 0 {
            return Err(arg_error(vm, 1, "tonumber", "value expected"));
        }
        let result = crate::ops::to_number(value).unwrap_or(Value::Nil);
        vm.push(result);
        return Ok(1);
    }
    let radix = check_integer(vm, base, count, 2, "tonumber")?;
    let Value::Str(s) = value else {
        return Err(type_error(vm, 1, "tonumber", "string", count, value));
    };
    if !(2..=36).contains(&radix) {
        return Err(arg_error(vm, 2, "tonumber", "base out of range"));
    }
    let result = number::str_to_int_base(s.as_bytes(), radix as u32).map_or(Value::Nil, Value::Int);
    vm.push(result);
    Ok(1)
}

fn next(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let key = vm.arg(base, count, 1);
    let entry = match vm.arg(base, count, 0) {
        Value::Extern(e, node) => vm.ext_next(e, node, key),
        _ => check_table(vm, base, count, 1, "next")?.next(key),
    };
    match entry {
        Ok(Some((k, v))) => {
            vm.push(k);
            vm.push(v);
            Ok(2)
        }
        Ok(None) => {
            vm.push(Value::Nil);
            Ok(1)
        }
        Err(_) => Err(vm.lib_error("invalid key to 'next'")),
    }
}

fn pairs(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = check_any(vm, base, count, 1, "pairs")?;
    let handler = vm.metamethod(value, vm.names.pairs);
    if !handler.is_nil() {
        let results = vm.call(handler, &[value])?;
        for i in 0..3 {
            vm.push(results.get(i).copied().unwrap_or(Value::Nil));
        }
        return Ok(3);
    }
    let next = vm.globals.get_str(vm.strings.intern(&mut vm.heap, b"next"));
    let next = match next {
        Value::Function(_) => next,
        _ => Value::Function(vm.heap.alloc(Function::native("next", self::next))),
    };
    vm.push(next);
    vm.push(value);
    vm.push(Value::Nil);
    Ok(3)
}

fn ipairs_step(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let table = vm.arg(base, count, 0);
    let i = match vm.arg(base, count, 1) {
        Value::Int(i) => i.wrapping_add(1),
        _ => 1,
    };
    let value = match table {
        Value::Table(t) if t.metatable().is_none() => t.get_int(i),
        other => vm.index(other, Value::Int(i), crate::ops::Operand::Anonymous)?,
    };
    if value.is_nil() {
        vm.push(Value::Nil);
        return Ok(1);
    }
    vm.push(Value::Int(i));
    vm.push(value);
    Ok(2)
}

fn ipairs(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = check_any(vm, base, count, 1, "ipairs")?;
    // Every call returns the same iterator function, as in Lua.
    let step = vm.ipairs_step;
    vm.push(step);
    vm.push(value);
    vm.push(Value::Int(0));
    Ok(3)
}

fn select(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let n = vm.arg(base, count, 0);
    if let Value::Str(s) = n {
        if s.as_bytes() == b"#" {
            vm.push(Value::Int(count.saturating_sub(1) as i64));
            return Ok(1);
        }
    }
    let n = check_integer(vm, base, count, 1, "select")?;
    let available = count.saturating_sub(1) as i64;
    let start = if n < 0 {
        // `n < -available`, not `-n > available`: `-math.mininteger` overflows.
        if n < -available {
            return Err(arg_error(vm, 1, "select", "index out of range"));
        }
        available + n
    } else if n == 0 {
        return Err(arg_error(vm, 1, "select", "index out of range"));
    } else {
        (n - 1).min(available)
    };
    let values: Vec<Value> = (start..available).map(|i| vm.arg(base, count, 1 + i as usize)).collect();
    let results = values.len();
    for v in values {
        vm.push(v);
    }
    Ok(results)
}

fn rawget(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = match vm.arg(base, count, 0) {
        Value::Extern(e, node) => {
            let key = check_any(vm, base, count, 2, "rawget")?;
            vm.ext_get(e, node, key)
        }
        _ => {
            let table = check_table(vm, base, count, 1, "rawget")?;
            check_any(vm, base, count, 2, "rawget")?;
            table.get(vm.arg(base, count, 1))
        }
    };
    vm.push(value);
    Ok(1)
}

fn rawset(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    if let Value::Extern(e, node) = vm.arg(base, count, 0) {
        let key = check_any(vm, base, count, 2, "rawset")?;
        let value = check_any(vm, base, count, 3, "rawset")?;
        vm.ext_set(e, node, key, value)?;
        vm.push(Value::Extern(e, node));
        return Ok(1);
    }
    let table = check_table(vm, base, count, 1, "rawset")?;
    let key = check_any(vm, base, count, 2, "rawset")?;
    let value = check_any(vm, base, count, 3, "rawset")?;
    vm.raw_set(table, key, value)?;
    vm.push(Value::Table(table));
    Ok(1)
}

fn rawequal(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let a = check_any(vm, base, count, 1, "rawequal")?;
    let b = check_any(vm, base, count, 2, "rawequal")?;
    vm.push(Value::Bool(Value::raw_eq(a, b)));
    Ok(1)
}

fn rawlen(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let n = match vm.arg(base, count, 0) {
        Value::Table(t) => t.len(),
        Value::Extern(e, node) => vm.ext_len(e, node),
        Value::Str(s) => s.len() as i64,
        other => return Err(type_error(vm, 1, "rawlen", "table or string", count, other)),
    };
    vm.push(Value::Int(n));
    Ok(1)
}

fn setmetatable(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    if let Value::Extern(..) = vm.arg(base, count, 0) {
        return Err(arg_error(vm, 1, "setmetatable", "external tables have no metatable"));
    }
    let table = check_table(vm, base, count, 1, "setmetatable")?;
    let mt = match vm.arg(base, count, 1) {
        Value::Nil if count >= 2 => None,
        Value::Table(t) => Some(t),
        other => return Err(type_error(vm, 2, "setmetatable", "nil or table", count, other)),
    };
    if !vm.metamethod(Value::Table(table), vm.names.metatable).is_nil() {
        return Err(vm.lib_error("cannot change a protected metatable"));
    }
    table.set_metatable(mt);
    vm.note_metatable(table, mt);
    vm.push(Value::Table(table));
    Ok(1)
}

fn getmetatable(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = check_any(vm, base, count, 1, "getmetatable")?;
    let result = match vm.metatable_of(value) {
        None => Value::Nil,
        Some(mt) => {
            let protected = mt.get_str(vm.names.metatable);
            if protected.is_nil() {
                Value::Table(mt)
            } else {
                protected
            }
        }
    };
    vm.push(result);
    Ok(1)
}

fn assert(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = check_any(vm, base, count, 1, "assert")?;
    if !value.is_falsy() {
        let values: Vec<Value> = (0..count).map(|i| vm.arg(base, count, i)).collect();
        for v in values {
            vm.push(v);
        }
        return Ok(count);
    }
    // As `error(message)` called where `assert` was called (strings get a position).
    let message = if count >= 2 { vm.arg(base, count, 1) } else { vm.intern(b"assertion failed!") };
    match message {
        Value::Str(s) => {
            let text = String::from_utf8_lossy(s.as_bytes()).into_owned();
            Err(vm.lib_error(&text))
        }
        other => Err(LuaError::new(other)),
    }
}

fn error(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = vm.arg(base, count, 0);
    let level = match vm.arg(base, count, 1) {
        Value::Nil => 1,
        _ => check_integer(vm, base, count, 2, "error")?,
    };
    if let Value::Str(s) = value {
        if let Some(position) = vm.error_position(level) {
            let mut text = format!("{position} ").into_bytes();
            text.extend_from_slice(s.as_bytes());
            return Err(LuaError::new(vm.intern(&text)));
        }
    }
    Err(LuaError::new(value))
}

// `pcall` and `xpcall` as called from Rust (`Vm::call`); called from Lua, the
// interpreter runs them itself (`protect.rs`).
fn pcall(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let f = check_any(vm, base, count, 1, "pcall")?;
    protected(vm, f, Value::Nil, (1..count).map(|i| vm.arg(base, count, i)).collect())
}

fn xpcall(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (f, handler) = (vm.arg(base, count, 0), vm.arg(base, count, 1));
    protected(vm, f, handler, (2..count).map(|i| vm.arg(base, count, i)).collect())
}

/// Calls `f(args)`, pushing `true` and its results, or `false` and the error (passed
/// through `handler` unless it is nil).
fn protected(vm: &mut Vm, f: Value, handler: Value, args: Vec<Value>) -> Result<usize, LuaError> {
    match vm.call(f, &args) {
        Ok(results) => {
            vm.push(Value::Bool(true));
            let n = results.len();
            for v in results {
                vm.push(v);
            }
            Ok(n + 1)
        }
        // A limit hit is not caught: it goes back to the host.
        Err(e) if vm.limit_exceeded().is_some() => Err(e),
        Err(e) => {
            let error = if handler.is_nil() {
                e.value
            } else {
                match vm.call(handler, &[e.value]) {
                    Ok(results) => results.first().copied().unwrap_or(Value::Nil),
                    Err(_) => vm.intern(b"error in error handling"),
                }
            };
            vm.push(Value::Bool(false));
            vm.push(error);
            Ok(2)
        }
    }
}

fn unpack(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let list = vm.arg(base, count, 0);
    let first = match vm.arg(base, count, 1) {
        Value::Nil => 1,
        _ => check_integer(vm, base, count, 2, "unpack")?,
    };
    let last = match vm.arg(base, count, 2) {
        Value::Nil => vm.length(list, crate::ops::Operand::Anonymous).map(|v| match v {
            Value::Int(i) => i,
            _ => 0,
        })?,
        _ => check_integer(vm, base, count, 3, "unpack")?,
    };
    if first > last {
        return Ok(0);
    }
    let n = (last as i128 - first as i128 + 1) as u128;
    if n >= 1_000_000 {
        return Err(vm.lib_error("too many results to unpack"));
    }
    for i in first..=last {
        let v = match list {
            Value::Table(t) if t.metatable().is_none() => t.get_int(i),
            other => vm.index(other, Value::Int(i), crate::ops::Operand::Anonymous)?,
        };
        vm.push(v);
    }
    Ok(n as usize)
}

fn collectgarbage(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let option = match vm.arg(base, count, 0) {
        Value::Nil => b"collect".to_vec(),
        Value::Str(s) => s.as_bytes().to_vec(),
        other => return Err(type_error(vm, 1, "collectgarbage", "string", count, other)),
    };
    let result = match option.as_slice() {
        b"collect" => {
            vm.collect();
            Value::Int(0)
        }
        b"count" => Value::Float(vm.memory_kb()),
        b"step" => {
            vm.collect();
            Value::Bool(true)
        }
        b"isrunning" => Value::Bool(true),
        b"incremental" | b"generational" => {
            let previous = std::mem::replace(
                &mut vm.gc_mode,
                if option == b"incremental" { "incremental" } else { "generational" },
            );
            vm.intern(previous.as_bytes())
        }
        b"stop" | b"restart" | b"setpause" | b"setstepmul" => Value::Int(0),
        _ => {
            let shown = String::from_utf8_lossy(&option).into_owned();
            return Err(arg_error(vm, 1, "collectgarbage", &format!("invalid option '{shown}'")));
        }
    };
    vm.push(result);
    Ok(1)
}
