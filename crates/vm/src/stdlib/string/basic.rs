//! The string functions that need no pattern: `byte`, `char`, `len`, `lower`, `upper`,
//! `rep`, `reverse` and `sub`.
//!
//! Owns their argument checks and limits (`value out of range`, `resulting string too
//! large`). Strings are byte strings; case mapping is the C locale's (ASCII only).

use super::{end_position, slice, start_position};
use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::stdlib::args::{arg_error, check_integer, check_string, opt_integer, opt_string};
use crate::value::Value;

/// The longest string `rep` builds (Lua's `MAXSIZE`: what fits in a C `int`).
const MAX_STRING: u64 = i32::MAX as u64;

/// Most values one call may leave on the stack (Lua's `LUAI_MAXSTACK`).
const MAX_RESULTS: usize = 1_000_000;

/// `string.byte(s [, i [, j]])`: the byte values of `s[i..j]`.
pub(super) fn byte(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "byte")?;
    let len = s.len();
    let i = opt_integer(ctx, 2, "byte", 1)?;
    // The end defaults to `i` as given, before it is adjusted (`s:byte(-10)` of a
    // shorter string is nothing).
    let last = end_position(opt_integer(ctx, 3, "byte", i)?, len);
    let first = start_position(i, len);
    if first > last {
        return Ok(0);
    }
    let n = last - first + 1;
    if n >= i32::MAX as usize {
        return Err(ctx.lib_error("string slice too long"));
    }
    if ctx.stack_size() + n >= MAX_RESULTS {
        return Err(ctx.lib_error("stack overflow (string slice too long)"));
    }
    for &b in slice(s.as_bytes(), first - 1, last) {
        ctx.push(Value::Int(i64::from(b)));
    }
    Ok(n)
}

/// `string.char(...)`: the string of these byte values.
pub(super) fn char(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let mut bytes = Vec::with_capacity(count);
    for n in 1..=count {
        let code = check_integer(ctx, n, "char")?;
        match u8::try_from(code) {
            Ok(b) => bytes.push(b),
            Err(_) => return Err(arg_error(ctx, n, "char", "value out of range")),
        }
    }
    let s = ctx.intern(&bytes);
    ctx.push(s);
    Ok(1)
}

/// `string.len(s)`.
pub(super) fn len(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "len")?;
    ctx.push(Value::Int(s.len() as i64));
    Ok(1)
}

/// `string.lower(s)`.
pub(super) fn lower(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "lower")?;
    let result = ctx.intern(&s.as_bytes().to_ascii_lowercase());
    ctx.push(result);
    Ok(1)
}

/// `string.upper(s)`.
pub(super) fn upper(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "upper")?;
    let result = ctx.intern(&s.as_bytes().to_ascii_uppercase());
    ctx.push(result);
    Ok(1)
}

/// `string.reverse(s)`.
pub(super) fn reverse(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "reverse")?;
    let mut bytes = s.as_bytes().to_vec();
    bytes.reverse();
    let result = ctx.intern(&bytes);
    ctx.push(result);
    Ok(1)
}

/// `string.rep(s, n [, sep])`: `n` copies of `s` separated by `sep`.
pub(super) fn rep(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "rep")?;
    let n = check_integer(ctx, 2, "rep")?;
    let sep = opt_string(ctx, 3, "rep")?;
    let sep: &[u8] = match &sep {
        Some(sep) => sep.as_bytes(),
        None => b"",
    };
    if n <= 0 {
        let empty = ctx.intern(b"");
        ctx.push(empty);
        return Ok(1);
    }
    let n = n as u64;
    let unit = (s.len() + sep.len()) as u64;
    if unit > MAX_STRING / n {
        return Err(ctx.lib_error("resulting string too large"));
    }
    // `unit * n` is below MAX_STRING, so every length here fits in usize.
    let unit = unit as usize;
    let copies = n as usize;
    let mut bytes = Vec::new();
    // Up to 2 GiB may be asked for: a failed allocation is a Lua error, not an abort.
    if bytes.try_reserve_exact((unit * copies).saturating_sub(sep.len())).is_err() {
        return Err(ctx.lib_error("not enough memory"));
    }
    bytes.extend_from_slice(s.as_bytes());
    if copies > 1 && unit > 0 {
        // The rest is `sep .. s` repeated: write it once, then double what is there.
        let start = bytes.len();
        bytes.extend_from_slice(sep);
        bytes.extend_from_slice(s.as_bytes());
        let mut have = 1;
        while have < copies - 1 {
            let take = have.min(copies - 1 - have);
            // `take <= have` and `have` units follow `start`, so the range exists.
            bytes.extend_from_within(start..start + take * unit);
            have += take;
        }
    }
    let result = ctx.intern(&bytes);
    ctx.push(result);
    Ok(1)
}

/// `string.sub(s, i [, j])`: the substring from `i` to `j`, with Lua's index rules.
pub(super) fn sub(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "sub")?;
    let len = s.len();
    let first = start_position(check_integer(ctx, 2, "sub")?, len);
    let last = end_position(opt_integer(ctx, 3, "sub", -1)?, len);
    let result =
        if first <= last { ctx.intern(slice(s.as_bytes(), first - 1, last)) } else { ctx.intern(b"") };
    ctx.push(result);
    Ok(1)
}
