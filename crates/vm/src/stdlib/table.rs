//! The table library: `table.concat`, `insert`, `remove`, `move`, `pack`, `unpack` and
//! `sort` (the sort itself is in `sort.rs`).
//!
//! Owns these functions' behaviour and error messages, and the element access they share
//! with `sort.rs`: like Lua's `lua_geti`/`lua_seti`/`luaL_len`, reads, writes and lengths
//! go through `__index`, `__newindex` and `__len`, so a proxy table works as an array.
//! It must not touch table internals: plain tables are read and written with the raw
//! `get_int`/`set_int`, everything else through the VM's metamethod-aware operations.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::number::{self, Numeral};
use crate::stdlib::args::{arg_error, check_integer, opt_integer, opt_string, type_error};
use crate::table::MAX_PREALLOCATION;
use crate::value::Value;

/// Installs the `table` library.
pub(crate) fn open(ctx: &mut Ctx<'_>) {
    crate::stdlib::new_library(
        ctx,
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
    ctx: &mut Ctx<'_>,
    n: usize,
    name: &str,
    access: Access,
) -> Result<Value, LuaError> {
    let value = ctx.arg(n - 1);
    if let Value::Table(_) | Value::Extern(..) = value {
        return Ok(value);
    }
    if let Some(mt) = ctx.metatable_of(value) {
        let has = |event| !mt.get_str(event).is_nil();
        if (!access.read || has(ctx.names().index))
            && (!access.write || has(ctx.names().newindex))
            && (!access.length || has(ctx.names().len))
        {
            return Ok(value);
        }
    }
    Err(type_error(ctx, n, name, "table", value))
}

/// `t[i]` with `__index` (`lua_geti`).
pub(crate) fn get_index(ctx: &mut Ctx<'_>, t: Value, i: i64) -> Result<Value, LuaError> {
    match t {
        Value::Table(table) if table.metatable().is_none() => Ok(table.get_int(i)),
        _ => ctx.index(t, Value::Int(i)),
    }
}

/// `t[i] = v` with `__newindex` (`lua_seti`).
pub(crate) fn set_index(ctx: &mut Ctx<'_>, t: Value, i: i64, v: Value) -> Result<(), LuaError> {
    match t {
        Value::Table(table) if table.metatable().is_none() => {
            table.set_int(i, v);
            Ok(())
        }
        _ => ctx.set_index(t, Value::Int(i), v),
    }
}

/// `#t` with `__len`, which must give an integer (`luaL_len`).
pub(crate) fn length_of(ctx: &mut Ctx<'_>, t: Value) -> Result<i64, LuaError> {
    if let Value::Table(table) = t {
        if table.metatable().is_none() {
            return Ok(table.len());
        }
    }
    let length = ctx.length(t)?;
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
    integer.ok_or_else(|| ctx.lib_error("object length is not an integer"))
}

fn concat(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let t = check_table_like(ctx, 1, "concat", READ_LEN)?;
    let length = length_of(ctx, t)?;
    let separator = opt_string(ctx, 2, "concat")?.map(|s| s.as_bytes().to_vec()).unwrap_or_default();
    let mut i = opt_integer(ctx, 3, "concat", 1)?;
    let last = opt_integer(ctx, 4, "concat", length)?;
    let mut out = Vec::new();
    while i < last {
        add_field(ctx, t, i, &mut out)?;
        out.extend_from_slice(&separator);
        i += 1;
    }
    if i == last {
        add_field(ctx, t, i, &mut out)?;
    }
    let result = ctx.intern(&out);
    ctx.push(result);
    Ok(1)
}

/// Appends `t[i]`, which must be a string or a number, for `concat`.
fn add_field(ctx: &mut Ctx<'_>, t: Value, i: i64, out: &mut Vec<u8>) -> Result<(), LuaError> {
    let value = get_index(ctx, t, i)?;
    match value {
        Value::Str(s) => out.extend_from_slice(s.as_bytes()),
        Value::Int(n) => out.extend_from_slice(number::fmt_int(n).as_bytes()),
        Value::Float(f) => out.extend_from_slice(number::fmt_float(f).as_bytes()),
        other => {
            let message = format!("invalid value ({}) at index {i} in table for 'concat'", other.type_name());
            return Err(ctx.lib_error(&message));
        }
    }
    Ok(())
}

fn insert(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let t = check_table_like(ctx, 1, "insert", READ_WRITE_LEN)?;
    // The first empty slot (wrapping as Lua's integer arithmetic does).
    let end = length_of(ctx, t)?.wrapping_add(1);
    let position = match count {
        2 => end,
        3 => {
            let position = check_integer(ctx, 2, "insert")?;
            // `position` must be in [1, end] (compared as unsigned, as Lua does).
            if (position as u64).wrapping_sub(1) >= end as u64 {
                return Err(arg_error(ctx, 2, "insert", "position out of bounds"));
            }
            let mut i = end;
            while i > position {
                let moved = get_index(ctx, t, i - 1)?;
                set_index(ctx, t, i, moved)?;
                i -= 1;
            }
            position
        }
        _ => return Err(ctx.lib_error("wrong number of arguments to 'insert'")),
    };
    let value = ctx.arg(count - 1);
    set_index(ctx, t, position, value)?;
    Ok(0)
}

fn remove(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let t = check_table_like(ctx, 1, "remove", READ_WRITE_LEN)?;
    let size = length_of(ctx, t)?;
    let mut position = opt_integer(ctx, 2, "remove", size)?;
    // A given position must be in [1, size + 1] (compared as unsigned, as Lua does).
    if position != size && (position as u64).wrapping_sub(1) > size as u64 {
        return Err(arg_error(ctx, 1, "remove", "position out of bounds"));
    }
    let removed = get_index(ctx, t, position)?;
    // On the stack, the result stays rooted while metamethods run below.
    ctx.push(removed);
    while position < size {
        let moved = get_index(ctx, t, position + 1)?;
        set_index(ctx, t, position, moved)?;
        position += 1;
    }
    set_index(ctx, t, position, Value::Nil)?;
    Ok(1)
}

fn tmove(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let first = check_integer(ctx, 2, "move")?;
    let last = check_integer(ctx, 3, "move")?;
    let target = check_integer(ctx, 4, "move")?;
    let destination_arg = if ctx.arg(4).is_nil() { 1 } else { 5 };
    let source = check_table_like(ctx, 1, "move", READ)?;
    let destination = check_table_like(ctx, destination_arg, "move", WRITE)?;
    if last >= first {
        if !(first > 0 || last < i64::MAX + first) {
            return Err(arg_error(ctx, 3, "move", "too many elements to move"));
        }
        // Cannot overflow: the check above bounds `last - first` below `i64::MAX`.
        let n = last - first + 1;
        if target > i64::MAX - n + 1 {
            return Err(arg_error(ctx, 4, "move", "destination wrap around"));
        }
        let forward =
            target > last || target <= first || (destination_arg != 1 && !ctx.equals(source, destination)?);
        if forward {
            for i in 0..n {
                let value = get_index(ctx, source, first + i)?;
                set_index(ctx, destination, target + i, value)?;
            }
        } else {
            for i in (0..n).rev() {
                let value = get_index(ctx, source, first + i)?;
                set_index(ctx, destination, target + i, value)?;
            }
        }
    }
    ctx.push(destination);
    Ok(1)
}

fn pack(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let table = ctx.new_table_with(count.min(MAX_PREALLOCATION), 1);
    for i in 0..count {
        table.set_int(i as i64 + 1, ctx.arg(i));
    }
    let key = ctx.intern(b"n");
    ctx.raw_set(table, key, Value::Int(count as i64))?;
    ctx.push(Value::Table(table));
    Ok(1)
}

/// Most values `unpack` returns (Lua's limit is its stack size).
const MAX_UNPACK: u64 = 1_000_000;

fn unpack(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let list = ctx.arg(0);
    let first = opt_integer(ctx, 2, "unpack", 1)?;
    let last = match ctx.arg(2) {
        Value::Nil => length_of(ctx, list)?,
        _ => check_integer(ctx, 3, "unpack")?,
    };
    if first > last {
        return Ok(0);
    }
    // The number of results minus one, computed without overflow.
    let n = (last as u64).wrapping_sub(first as u64);
    if n >= MAX_UNPACK - 1 {
        return Err(ctx.lib_error("too many results to unpack"));
    }
    // Each value goes on the stack as it is read: results stay rooted.
    let mut i = first;
    while i < last {
        let value = get_index(ctx, list, i)?;
        ctx.push(value);
        i += 1;
    }
    let value = get_index(ctx, list, last)?;
    ctx.push(value);
    Ok(n as usize + 1)
}
