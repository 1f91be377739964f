//! The table library: `table.concat`, `insert`, `remove`, `move`, `pack`, `unpack` and
//! `sort` (the sort itself is in `sort.rs`).
//!
//! Owns these functions' behaviour and error messages, and the element access they share
//! with `sort.rs`: like Lua's `lua_geti`/`lua_seti`/`luaL_len`, reads, writes and lengths
//! go through `__index`, `__newindex` and `__len`, so a proxy table works as an array.
//! It must not touch table internals: plain tables are read and written with the raw
//! `get_int`/`set_int`, everything else through the VM's metamethod-aware operations.

use crate::error::LuaError;
use crate::number::{self, Numeral};
use crate::ops::Operand;
use crate::stdlib::args::{arg_error, check_integer, opt_integer, opt_string, type_error};
use crate::table::{Table, MAX_PREALLOCATION};
use crate::value::Value;
use crate::vm::Vm;

/// Installs the `table` library.
pub(crate) fn open(vm: &mut Vm) {
    crate::stdlib::new_library(
        vm,
        "table",
        &[
            ("table.concat", concat),
            ("table.insert", insert),
            ("table.remove", remove),
            ("table.move", tmove),
            ("table.pack", pack),
            ("table.unpack", unpack),
            ("table.sort", crate::stdlib::sort::sort),
        ],
    );
}

/// What a table argument must support (`checktab` in Lua): a value that is not a table
/// is accepted when its metatable has the matching metamethods.
#[derive(Clone, Copy)]
pub(crate) struct Access {
    pub(crate) read: bool,
    pub(crate) write: bool,
    pub(crate) length: bool,
}

pub(crate) const READ: Access = Access { read: true, write: false, length: false };
pub(crate) const WRITE: Access = Access { read: false, write: true, length: false };
pub(crate) const READ_LEN: Access = Access { read: true, write: false, length: true };
pub(crate) const READ_WRITE_LEN: Access = Access { read: true, write: true, length: true };

/// Argument `n` as a table, or a value whose metatable provides `access`
/// (`bad argument #1 to 'insert' (table expected, got nil)` otherwise).
pub(crate) fn check_table_like(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &str,
    access: Access,
) -> Result<Value, LuaError> {
    let value = vm.arg(base, count, n - 1);
    if let Value::Table(_) | Value::Extern(..) = value {
        return Ok(value);
    }
    if let Some(mt) = vm.metatable_of(value) {
        let has = |event| !mt.get_str(event).is_nil();
        if (!access.read || has(vm.names.index))
            && (!access.write || has(vm.names.newindex))
            && (!access.length || has(vm.names.len))
        {
            return Ok(value);
        }
    }
    Err(type_error(vm, n, name, "table", count, value))
}

/// `t[i]` with `__index` (`lua_geti`).
pub(crate) fn get_index(vm: &mut Vm, t: Value, i: i64) -> Result<Value, LuaError> {
    match t {
        Value::Table(table) if table.metatable().is_none() => Ok(table.get_int(i)),
        _ => vm.index(t, Value::Int(i), Operand::Anonymous),
    }
}

/// `t[i] = v` with `__newindex` (`lua_seti`).
pub(crate) fn set_index(vm: &mut Vm, t: Value, i: i64, v: Value) -> Result<(), LuaError> {
    match t {
        Value::Table(table) if table.metatable().is_none() => {
            table.set_int(i, v);
            Ok(())
        }
        _ => vm.set_index(t, Value::Int(i), v, Operand::Anonymous),
    }
}

/// `#t` with `__len`, which must give an integer (`luaL_len`).
pub(crate) fn length_of(vm: &mut Vm, t: Value) -> Result<i64, LuaError> {
    if let Value::Table(table) = t {
        if table.metatable().is_none() {
            return Ok(table.len());
        }
    }
    let length = vm.length(t, Operand::Anonymous)?;
    let integer = match length {
        Value::Int(i) => Some(i),
        Value::Float(f) => number::float_to_int_exact(f),
        Value::Str(s) => match number::str_to_num(s.as_bytes()) {
            Some(Numeral::Int(i)) => Some(i),
            Some(Numeral::Float(f)) => number::float_to_int_exact(f),
            None => None,
        },
        _ => None,
    };
    integer.ok_or_else(|| vm.lib_error("object length is not an integer"))
}

fn concat(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let t = check_table_like(vm, base, count, 1, "concat", READ_LEN)?;
    let length = length_of(vm, t)?;
    let separator =
        opt_string(vm, base, count, 2, "concat")?.map(|s| s.as_bytes().to_vec()).unwrap_or_default();
    let mut i = opt_integer(vm, base, count, 3, "concat", 1)?;
    let last = opt_integer(vm, base, count, 4, "concat", length)?;
    let mut out = Vec::new();
    while i < last {
        add_field(vm, t, i, &mut out)?;
        out.extend_from_slice(&separator);
        i += 1;
    }
    if i == last {
        add_field(vm, t, i, &mut out)?;
    }
    let result = vm.intern(&out);
    vm.push(result);
    Ok(1)
}

/// Appends `t[i]`, which must be a string or a number, for `concat`.
fn add_field(vm: &mut Vm, t: Value, i: i64, out: &mut Vec<u8>) -> Result<(), LuaError> {
    let value = get_index(vm, t, i)?;
    match value {
        Value::Str(s) => out.extend_from_slice(s.as_bytes()),
        Value::Int(n) => out.extend_from_slice(number::fmt_int(n).as_bytes()),
        Value::Float(f) => out.extend_from_slice(number::fmt_float(f).as_bytes()),
        other => {
            let message = format!("invalid value ({}) at index {i} in table for 'concat'", other.type_name());
            return Err(vm.lib_error(&message));
        }
    }
    Ok(())
}

fn insert(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let t = check_table_like(vm, base, count, 1, "insert", READ_WRITE_LEN)?;
    // The first empty slot (wrapping as Lua's integer arithmetic does).
    let end = length_of(vm, t)?.wrapping_add(1);
    let position = match count {
        2 => end,
        3 => {
            let position = check_integer(vm, base, count, 2, "insert")?;
            // `position` must be in [1, end] (compared as unsigned, as Lua does).
            if (position as u64).wrapping_sub(1) >= end as u64 {
                return Err(arg_error(vm, 2, "insert", "position out of bounds"));
            }
            let mut i = end;
            while i > position {
                let moved = get_index(vm, t, i - 1)?;
                set_index(vm, t, i, moved)?;
                i -= 1;
            }
            position
        }
        _ => return Err(vm.lib_error("wrong number of arguments to 'insert'")),
    };
    let value = vm.arg(base, count, count - 1);
    set_index(vm, t, position, value)?;
    Ok(0)
}

fn remove(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let t = check_table_like(vm, base, count, 1, "remove", READ_WRITE_LEN)?;
    let size = length_of(vm, t)?;
    let mut position = opt_integer(vm, base, count, 2, "remove", size)?;
    // A given position must be in [1, size + 1] (compared as unsigned, as Lua does).
    if position != size && (position as u64).wrapping_sub(1) > size as u64 {
        return Err(arg_error(vm, 1, "remove", "position out of bounds"));
    }
    let removed = get_index(vm, t, position)?;
    // On the stack, the result stays rooted while metamethods run below.
    vm.push(removed);
    while position < size {
        let moved = get_index(vm, t, position + 1)?;
        set_index(vm, t, position, moved)?;
        position += 1;
    }
    set_index(vm, t, position, Value::Nil)?;
    Ok(1)
}

fn tmove(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let first = check_integer(vm, base, count, 2, "move")?;
    let last = check_integer(vm, base, count, 3, "move")?;
    let target = check_integer(vm, base, count, 4, "move")?;
    let destination_arg = if vm.arg(base, count, 4).is_nil() { 1 } else { 5 };
    let source = check_table_like(vm, base, count, 1, "move", READ)?;
    let destination = check_table_like(vm, base, count, destination_arg, "move", WRITE)?;
    if last >= first {
        if !(first > 0 || last < i64::MAX + first) {
            return Err(arg_error(vm, 3, "move", "too many elements to move"));
        }
        // Cannot overflow: the check above bounds `last - first` below `i64::MAX`.
        let n = last - first + 1;
        if target > i64::MAX - n + 1 {
            return Err(arg_error(vm, 4, "move", "destination wrap around"));
        }
        let forward =
            target > last || target <= first || (destination_arg != 1 && !vm.equals(source, destination)?);
        if forward {
            for i in 0..n {
                let value = get_index(vm, source, first + i)?;
                set_index(vm, destination, target + i, value)?;
            }
        } else {
            for i in (0..n).rev() {
                let value = get_index(vm, source, first + i)?;
                set_index(vm, destination, target + i, value)?;
            }
        }
    }
    vm.push(destination);
    Ok(1)
}

fn pack(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let table = vm.heap.alloc(Table::new(count.min(MAX_PREALLOCATION), 1));
    for i in 0..count {
        table.set_int(i as i64 + 1, vm.arg(base, count, i));
    }
    let key = vm.intern(b"n");
    vm.raw_set(table, key, Value::Int(count as i64))?;
    vm.push(Value::Table(table));
    Ok(1)
}

/// Most values `unpack` returns (Lua's limit is its stack size).
const MAX_UNPACK: u64 = 1_000_000;

fn unpack(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let list = vm.arg(base, count, 0);
    let first = opt_integer(vm, base, count, 2, "unpack", 1)?;
    let last = match vm.arg(base, count, 2) {
        Value::Nil => length_of(vm, list)?,
        _ => check_integer(vm, base, count, 3, "unpack")?,
    };
    if first > last {
        return Ok(0);
    }
    // The number of results minus one, computed without overflow.
    let n = (last as u64).wrapping_sub(first as u64);
    if n >= MAX_UNPACK - 1 {
        return Err(vm.lib_error("too many results to unpack"));
    }
    // Each value goes on the stack as it is read: results stay rooted.
    let mut i = first;
    while i < last {
        let value = get_index(vm, list, i)?;
        vm.push(value);
        i += 1;
    }
    let value = get_index(vm, list, last)?;
    vm.push(value);
    Ok(n as usize + 1)
}
