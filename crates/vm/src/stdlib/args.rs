//! Argument checking for library functions, worded as Lua's `luaL_check*` family:
//! `bad argument #1 to 'sub' (number expected, got nil)`.
//!
//! Owns how an argument is read and converted (numbers to strings, strings to numbers,
//! floats to integers) and the wording of argument errors. Arguments are numbered from 1,
//! as in the messages; a native function's arguments are `vm.arg(base, count, n - 1)`.

use moonlet_compiler::OpCode;

use crate::error::LuaError;
use crate::gc::Gc;
use crate::number;
use crate::string::LuaStr;
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

/// `bad argument #n to 'name' (message)`, as `luaL_argerror` words it: called by a Lua
/// function, the function goes by the name of the call (`f` in `local f = string.rep;
/// f()`), and in a method call (`s:rep()`) `self` is not counted (`calling 'rep' on
/// bad self` when it is the bad one).
pub(crate) fn arg_error(vm: &mut Vm, n: usize, name: &str, message: &str) -> LuaError {
    let native = vm.native_name();
    if native == "for iterator" {
        return vm.lib_error(&format!("bad argument #{n} to '{native}' ({message})"));
    }
    match call_site_name(vm) {
        Some(("method", called)) => {
            if n <= 1 {
                return vm.lib_error(&format!("calling '{called}' on bad self ({message})"));
            }
            vm.lib_error(&format!("bad argument #{} to '{called}' ({message})", n - 1))
        }
        Some((_, called)) => vm.lib_error(&format!("bad argument #{n} to '{called}' ({message})")),
        None => {
            // Called from a native function (`pcall`), a library function goes by its
            // qualified name.
            let qualified = !vm.native.from_lua && native.ends_with(name) && native.contains('.');
            let name = if qualified { native } else { name };
            vm.lib_error(&format!("bad argument #{n} to '{name}' ({message})"))
        }
    }
}

/// How the Lua function calling the running native function names it: the kind and
/// name of the register its `Call` instruction calls (`("method", "rep")`), if any.
fn call_site_name(vm: &Vm) -> Option<(&'static str, String)> {
    if !vm.native.from_lua {
        return None;
    }
    let frame = vm.frames.last()?;
    let pc = frame.pc.checked_sub(1)?;
    let instr = *frame.proto.proto.code.get(pc)?;
    let reg = vm.native.func_slot.checked_sub(frame.base)?;
    if !matches!(instr.op(), OpCode::Call | OpCode::TailCall) || instr.a() != reg {
        return None;
    }
    crate::debuginfo::register_name(&frame.proto, pc, reg)
}

/// `(table expected, got nil)` style type errors; `no value` for a missing argument.
pub(crate) fn type_error(
    vm: &mut Vm,
    n: usize,
    name: &str,
    expected: &str,
    count: usize,
    value: Value,
) -> LuaError {
    let got = if n > count { "no value".to_owned() } else { vm.type_name_of(value) };
    arg_error(vm, n, name, &format!("{expected} expected, got {got}"))
}

/// Any value, but present (`value expected`).
pub(crate) fn check_any(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &str,
) -> Result<Value, LuaError> {
    if count < n {
        return Err(arg_error(vm, n, name, "value expected"));
    }
    Ok(vm.arg(base, count, n - 1))
}

pub(crate) fn check_table(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &str,
) -> Result<Gc<Table>, LuaError> {
    match vm.arg(base, count, n - 1) {
        Value::Table(t) => Ok(t),
        other => Err(type_error(vm, n, name, "table", count, other)),
    }
}

/// An integer: floats with an exact integer value and numeric strings convert.
pub(crate) fn check_integer(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &str,
) -> Result<i64, LuaError> {
    let value = vm.arg(base, count, n - 1);
    match crate::ops::to_number(value) {
        Some(Value::Int(i)) => Ok(i),
        Some(Value::Float(f)) => number::float_to_int_exact(f)
            .ok_or_else(|| arg_error(vm, n, name, "number has no integer representation")),
        _ => Err(type_error(vm, n, name, "number", count, value)),
    }
}

/// An optional integer: `default` when the argument is nil or absent.
pub(crate) fn opt_integer(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &str,
    default: i64,
) -> Result<i64, LuaError> {
    match vm.arg(base, count, n - 1) {
        Value::Nil => Ok(default),
        _ => check_integer(vm, base, count, n, name),
    }
}

/// A number, keeping its subtype (`Value::Int` or `Value::Float`); numeric strings convert.
pub(crate) fn check_number(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &str,
) -> Result<Value, LuaError> {
    let value = vm.arg(base, count, n - 1);
    match crate::ops::to_number(value) {
        Some(number) => Ok(number),
        None => Err(type_error(vm, n, name, "number", count, value)),
    }
}

/// A number as a float (`luaL_checknumber`).
pub(crate) fn check_float(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &str,
) -> Result<f64, LuaError> {
    match check_number(vm, base, count, n, name)? {
        Value::Int(i) => Ok(i as f64),
        Value::Float(f) => Ok(f),
        other => Err(type_error(vm, n, name, "number", count, other)),
    }
}

/// A string; numbers convert to their text as in Lua (`luaL_checklstring`).
pub(crate) fn check_string(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &str,
) -> Result<Gc<LuaStr>, LuaError> {
    match vm.arg(base, count, n - 1) {
        Value::Str(s) => Ok(s),
        value @ (Value::Int(_) | Value::Float(_)) => match vm.tostring(value)? {
            Value::Str(s) => Ok(s),
            other => Err(type_error(vm, n, name, "string", count, other)),
        },
        other => Err(type_error(vm, n, name, "string", count, other)),
    }
}

/// An optional string: `None` when the argument is nil or absent.
pub(crate) fn opt_string(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &str,
) -> Result<Option<Gc<LuaStr>>, LuaError> {
    match vm.arg(base, count, n - 1) {
        Value::Nil => Ok(None),
        _ => check_string(vm, base, count, n, name).map(Some),
    }
}

/// [`Vm::lib_error`] for a message that may hold bytes that are not UTF-8 (a format
/// option or conversion quoted from a byte string), passed through unchanged as Lua does.
pub(crate) fn lib_error_bytes(vm: &mut Vm, message: &[u8]) -> LuaError {
    if let Ok(text) = std::str::from_utf8(message) {
        return vm.lib_error(text);
    }
    // `lib_error` takes text: let it build the `chunk:line: ` prefix, then add the bytes.
    let prefix = vm.lib_error("");
    let mut bytes = match prefix.value {
        Value::Str(s) => s.as_bytes().to_vec(),
        _ => Vec::new(),
    };
    bytes.extend_from_slice(message);
    LuaError::new(vm.intern(&bytes))
}
