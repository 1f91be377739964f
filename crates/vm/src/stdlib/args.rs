//! Argument checking for library functions, worded as Lua's `luaL_check*` family:
//! `bad argument #1 to 'sub' (number expected, got nil)`.
//!
//! Owns how an argument is read and converted (numbers to strings, strings to numbers,
//! floats to integers) and the wording of argument errors. Arguments are numbered from 1,
//! as in the messages; a native function's arguments are `ctx.arg(n - 1)`.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::gc::Gc;
use crate::number;
use crate::string::LuaStr;
use crate::table::Table;
use crate::value::Value;

/// `bad argument #n to 'name' (message)` (`luaL_argerror`, see [`Ctx::arg_error`]).
pub(crate) fn arg_error(ctx: &mut Ctx<'_>, n: usize, name: &str, message: &str) -> LuaError {
    ctx.arg_error(n, name, message)
}

/// `(table expected, got nil)` style type errors; `no value` for a missing argument.
pub(crate) fn type_error(ctx: &mut Ctx<'_>, n: usize, name: &str, expected: &str, value: Value) -> LuaError {
    let got = if n > ctx.nargs() { "no value".to_owned() } else { ctx.type_name_of(value) };
    arg_error(ctx, n, name, &format!("{expected} expected, got {got}"))
}

/// Any value, but present (`value expected`).
pub(crate) fn check_any(ctx: &mut Ctx<'_>, n: usize, name: &str) -> Result<Value, LuaError> {
    if ctx.nargs() < n {
        return Err(arg_error(ctx, n, name, "value expected"));
    }
    Ok(ctx.arg(n - 1))
}

pub(crate) fn check_table(ctx: &mut Ctx<'_>, n: usize, name: &str) -> Result<Gc<Table>, LuaError> {
    match ctx.arg(n - 1) {
        Value::Table(t) => Ok(t),
        other => Err(type_error(ctx, n, name, "table", other)),
    }
}

/// An integer: floats with an exact integer value and numeric strings convert.
pub(crate) fn check_integer(ctx: &mut Ctx<'_>, n: usize, name: &str) -> Result<i64, LuaError> {
    let value = ctx.arg(n - 1);
    match crate::ops::to_number(value) {
        Some(Value::Int(i)) => Ok(i),
        Some(Value::Float(f)) => number::float_to_int_exact(f)
            .ok_or_else(|| arg_error(ctx, n, name, "number has no integer representation")),
        _ => Err(type_error(ctx, n, name, "number", value)),
    }
}

/// An optional integer: `default` when the argument is nil or absent.
pub(crate) fn opt_integer(ctx: &mut Ctx<'_>, n: usize, name: &str, default: i64) -> Result<i64, LuaError> {
    match ctx.arg(n - 1) {
        Value::Nil => Ok(default),
        _ => check_integer(ctx, n, name),
    }
}

/// A number, keeping its subtype (`Value::Int` or `Value::Float`); numeric strings convert.
pub(crate) fn check_number(ctx: &mut Ctx<'_>, n: usize, name: &str) -> Result<Value, LuaError> {
    let value = ctx.arg(n - 1);
    match crate::ops::to_number(value) {
        Some(number) => Ok(number),
        None => Err(type_error(ctx, n, name, "number", value)),
    }
}

/// A number as a float (`luaL_checknumber`).
pub(crate) fn check_float(ctx: &mut Ctx<'_>, n: usize, name: &str) -> Result<f64, LuaError> {
    match check_number(ctx, n, name)? {
        Value::Int(i) => Ok(i as f64),
        Value::Float(f) => Ok(f),
        other => Err(type_error(ctx, n, name, "number", other)),
    }
}

/// A string; numbers convert to their text as in Lua (`luaL_checklstring`).
pub(crate) fn check_string(ctx: &mut Ctx<'_>, n: usize, name: &str) -> Result<Gc<LuaStr>, LuaError> {
    match ctx.arg(n - 1) {
        Value::Str(s) => Ok(s),
        value @ (Value::Int(_) | Value::Float(_)) => match ctx.tostring(value)? {
            Value::Str(s) => Ok(s),
            other => Err(type_error(ctx, n, name, "string", other)),
        },
        other => Err(type_error(ctx, n, name, "string", other)),
    }
}

/// An optional string: `None` when the argument is nil or absent.
pub(crate) fn opt_string(ctx: &mut Ctx<'_>, n: usize, name: &str) -> Result<Option<Gc<LuaStr>>, LuaError> {
    match ctx.arg(n - 1) {
        Value::Nil => Ok(None),
        _ => check_string(ctx, n, name).map(Some),
    }
}

/// [`Vm::lib_error`] for a message that may hold bytes that are not UTF-8 (a format
/// option or conversion quoted from a byte string), passed through unchanged as Lua does.
pub(crate) fn lib_error_bytes(ctx: &mut Ctx<'_>, message: &[u8]) -> LuaError {
    if let Ok(text) = std::str::from_utf8(message) {
        return ctx.lib_error(text);
    }
    // `lib_error` takes text: let it build the `chunk:line: ` prefix, then add the bytes.
    let prefix = ctx.lib_error("");
    let mut bytes = match prefix.value {
        Value::Str(s) => s.as_bytes().to_vec(),
        _ => Vec::new(),
    };
    bytes.extend_from_slice(message);
    LuaError::new(ctx.intern(&bytes))
}
