//! The string library (`string.*`) and the string metatable that makes `s:upper()` work.
//!
//! Owns registering the library, the position arithmetic its functions share (Lua's
//! negative and out-of-range indices) and turning pattern captures into values. The
//! functions themselves live beside it: `basic.rs` (byte, char, len, lower, upper, rep,
//! reverse, sub), `find.rs` (find, match, gmatch), `gsub.rs` and the matcher in
//! `pattern.rs`, `format.rs` (`string.format`) and `pack.rs` (binary packing).

mod basic;
mod find;
pub(crate) mod format;
mod gsub;
pub(crate) mod pack;
mod pattern;

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::value::Value;

use pattern::{Captured, Matcher, PatternError};

/// Installs the `string` table and the string metatable (`__index` is the table).
pub(crate) fn open(ctx: &mut Ctx<'_>) {
    let table = crate::stdlib::new_library(
        ctx,
        "string",
        &[
            ("string.byte", basic::byte),
            ("string.char", basic::char),
            ("string.len", basic::len),
            ("string.lower", basic::lower),
            ("string.upper", basic::upper),
            ("string.rep", basic::rep),
            ("string.reverse", basic::reverse),
            ("string.sub", basic::sub),
            ("string.find", find::find),
            ("string.match", find::lua_match),
            ("string.gmatch", find::gmatch),
            ("string.gsub", gsub::gsub),
            ("string.format", format::format),
            ("string.pack", pack::pack),
            ("string.unpack", pack::unpack),
            ("string.packsize", pack::packsize),
        ],
    );
    let meta = match ctx.string_meta() {
        Some(meta) => meta,
        None => {
            let meta = ctx.new_table();
            ctx.set_string_meta(Some(meta));
            meta
        }
    };
    meta.set_str(ctx.names().index, Value::Table(table));
}

/// A start position as Lua's `posrelatI` computes it: 1-based, negative counts from the
/// end, 0 and positions before the start become 1. It may be past the end.
fn start_position(pos: i64, len: usize) -> usize {
    if pos > 0 {
        usize::try_from(pos).unwrap_or(usize::MAX)
    } else if pos == 0 || pos.unsigned_abs() > len as u64 {
        1
    } else {
        // -len <= pos < 0, so this is in 1..=len.
        len - pos.unsigned_abs() as usize + 1
    }
}

/// An end position as Lua's `getendpos` computes it: 1-based, negative counts from the
/// end, clamped to `0..=len`.
fn end_position(pos: i64, len: usize) -> usize {
    if pos >= 0 {
        usize::try_from(pos).map_or(len, |p| p.min(len))
    } else if pos.unsigned_abs() > len as u64 {
        0
    } else {
        len - pos.unsigned_abs() as usize + 1
    }
}

/// Bytes `start..end` of `bytes` (empty if out of range, which callers never ask for).
fn slice(bytes: &[u8], start: usize, end: usize) -> &[u8] {
    bytes.get(start..end).unwrap_or(&[])
}

/// A pattern error raised as a Lua error with the caller's position.
fn pattern_error(ctx: &mut Ctx<'_>, error: PatternError) -> LuaError {
    ctx.lib_error(&error.0)
}

/// Capture `i` of the match `start..end` as a value: a string, or an integer for a
/// position capture.
fn capture_value(
    ctx: &mut Ctx<'_>,
    matcher: &Matcher<'_>,
    i: usize,
    start: usize,
    end: usize,
) -> Result<Value, LuaError> {
    match matcher.capture(i, start, end) {
        Ok(Captured::Range(a, b)) => Ok(ctx.intern(slice(matcher.subject(), a, b))),
        Ok(Captured::Position(position)) => Ok(Value::Int(position as i64)),
        Err(error) => Err(pattern_error(ctx, error)),
    }
}

/// Pushes the captures of the match `start..end` (the whole match if there are none
/// and `whole` is set) and returns how many.
fn push_captures(
    ctx: &mut Ctx<'_>,
    matcher: &Matcher<'_>,
    start: usize,
    end: usize,
    whole: bool,
) -> Result<usize, LuaError> {
    let n = matcher.capture_count(whole);
    for i in 0..n {
        let value = capture_value(ctx, matcher, i, start, end)?;
        ctx.push(value);
    }
    Ok(n)
}
