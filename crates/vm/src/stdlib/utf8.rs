//! The utf8 library: `utf8.char`, `charpattern`, `codepoint`, `codes`, `len` and
//! `offset`, with Lua 5.4's extended UTF-8 (sequences of up to six bytes, code points up
//! to 0x7FFFFFFF) accepted in lax mode and only proper Unicode (at most 0x10FFFF, no
//! surrogates) in strict mode.
//!
//! Owns decoding and encoding of UTF-8 and these functions' position rules and errors.
//! Strings are plain byte strings; nothing here assumes they are valid UTF-8.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::function::NativeFn;
use crate::stdlib::args::{arg_error, check_integer, check_string, opt_integer};
use crate::value::Value;

/// The largest Unicode code point.
const MAX_UNICODE: u32 = 0x10FFFF;
/// The largest code point the extended encoding represents.
const MAX_UTF: u32 = 0x7FFF_FFFF;

/// Values a native function may leave on the stack (Lua's `LUAI_MAXSTACK`).
const MAX_RESULTS: usize = 1_000_000;

/// Matches exactly one UTF-8 byte sequence (with the string library's patterns).
const CHARPATTERN: &[u8] = b"[\x00-\x7F\xC2-\xFD][\x80-\xBF]*";

/// Installs the `utf8` library.
pub(crate) fn open(ctx: &mut Ctx<'_>) {
    let utf8 = crate::stdlib::new_library(
        ctx,
        "utf8",
        &[("utf8.char", char), ("utf8.codepoint", codepoint), ("utf8.len", len), ("utf8.offset", offset)],
    );
    let iterators = ctx.new_table();
    for (i, step) in [(1, next_code_strict as NativeFn), (2, next_code_lax)] {
        let f = ctx.new_native("codes_step", step);
        iterators.set_int(i, f);
    }
    let codes = ctx.new_native_closure("utf8.codes", codes, Value::Table(iterators));
    let key = ctx.intern(b"codes");
    let _ = utf8.set(key, codes);
    let key = ctx.intern(b"charpattern");
    let pattern = ctx.intern(CHARPATTERN);
    let _ = utf8.set(key, pattern);
}

/// Whether `s[i]` is a continuation byte (past the end reads as a terminating NUL).
fn is_continuation(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(|&b| b & 0xC0 == 0x80)
}

/// Decodes the sequence at `s[i..]`: its code point and the index just past it, or
/// `None` for an invalid sequence (bad continuation, overlong form, too large; with
/// `strict`, also above 0x10FFFF or a surrogate).
fn decode(s: &[u8], i: usize, strict: bool) -> Option<(u32, usize)> {
    // The smallest code point each sequence length may encode (shorter is overlong).
    const LIMITS: [u32; 6] = [u32::MAX, 0x80, 0x800, 0x1_0000, 0x20_0000, 0x400_0000];
    let first = u32::from(*s.get(i)?);
    let mut code;
    let mut count = 0;
    if first < 0x80 {
        code = first;
    } else {
        code = 0;
        let mut c = first;
        // Each 1 bit after the leading one announces a continuation byte.
        while c & 0x40 != 0 {
            count += 1;
            if count > 5 {
                return None;
            }
            let next = u32::from(s.get(i + count).copied().unwrap_or(0));
            if next & 0xC0 != 0x80 {
                return None;
            }
            code = (code << 6) | (next & 0x3F);
            c <<= 1;
        }
        // The payload bits of the first byte (count <= 5, so the shift is at most 25).
        code |= (c & 0x7F) << (count * 5);
        if code > MAX_UTF || code < LIMITS.get(count).copied().unwrap_or(u32::MAX) {
            return None;
        }
    }
    if strict && (code > MAX_UNICODE || (0xD800..=0xDFFF).contains(&code)) {
        return None;
    }
    Some((code, i + count + 1))
}

/// Appends the extended UTF-8 encoding of `x` (at most 0x7FFFFFFF).
fn encode(out: &mut Vec<u8>, x: u32) {
    if x < 0x80 {
        out.push(x as u8);
        return;
    }
    let mut tail = [0u8; 6];
    let mut n = 0;
    let mut x = x;
    // The largest value that still fits in the first byte beside its length marker.
    let mut first_max = 0x3F;
    while x > first_max {
        tail[n] = 0x80 | (x & 0x3F) as u8;
        n += 1;
        x >>= 6;
        first_max >>= 1;
    }
    out.push(((!first_max << 1) | x) as u8);
    out.extend(tail[..n].iter().rev());
}

/// A string position as Lua reads it: negative counts back from the end (`-1` is the
/// last byte); before the start becomes 0.
fn relative(position: i64, len: usize) -> i64 {
    if position >= 0 {
        position
    } else if position.unsigned_abs() > len as u64 {
        0
    } else {
        len as i64 + position + 1
    }
}

fn char(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let mut out = Vec::new();
    for n in 1..=count {
        let code = check_integer(ctx, n, "char")? as u64;
        if code > u64::from(MAX_UTF) {
            return Err(arg_error(ctx, n, "char", "value out of range"));
        }
        encode(&mut out, code as u32);
    }
    let result = ctx.intern(&out);
    ctx.push(result);
    Ok(1)
}

fn codepoint(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "codepoint")?;
    let len = s.len();
    let first = relative(opt_integer(ctx, 2, "codepoint", 1)?, len);
    let last = relative(opt_integer(ctx, 3, "codepoint", first)?, len);
    let lax = !ctx.arg(3).is_falsy();
    if first < 1 {
        return Err(arg_error(ctx, 2, "codepoint", "out of bounds"));
    }
    if last > len as i64 {
        return Err(arg_error(ctx, 3, "codepoint", "out of bounds"));
    }
    if first > last {
        return Ok(0);
    }
    // Both are in [1, len] now. Each byte may be a result: Lua's stack must hold them.
    if (last - first) as usize + ctx.stack_size() >= MAX_RESULTS {
        return Err(ctx.lib_error("stack overflow (string slice too long)"));
    }
    let bytes = s.as_bytes();
    let (mut i, end) = (first as usize - 1, last as usize);
    let mut codes = Vec::new();
    while i < end {
        match decode(bytes, i, !lax) {
            Some((code, next)) => {
                codes.push(code);
                i = next;
            }
            None => return Err(ctx.lib_error("invalid UTF-8 code")),
        }
    }
    let n = codes.len();
    for code in codes {
        ctx.push(Value::Int(i64::from(code)));
    }
    Ok(n)
}

fn len(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "len")?;
    let len = s.len() as i64;
    let first = relative(opt_integer(ctx, 2, "len", 1)?, len as usize);
    let last = relative(opt_integer(ctx, 3, "len", -1)?, len as usize);
    let lax = !ctx.arg(3).is_falsy();
    if !(1 <= first && first - 1 <= len) {
        return Err(arg_error(ctx, 2, "len", "initial position out of bounds"));
    }
    if last > len {
        return Err(arg_error(ctx, 3, "len", "final position out of bounds"));
    }
    // 0-based from here: characters starting in [i, last - 1].
    let bytes = s.as_bytes();
    let mut i = first - 1;
    let mut n = 0i64;
    while i < last {
        match decode(bytes, i as usize, !lax) {
            Some((_, next)) => {
                i = next as i64;
                n += 1;
            }
            None => {
                ctx.push(Value::Nil);
                ctx.push(Value::Int(i + 1));
                return Ok(2);
            }
        }
    }
    ctx.push(Value::Int(n));
    Ok(1)
}

fn offset(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "offset")?;
    let len = s.len();
    let mut n = check_integer(ctx, 2, "offset")?;
    let default = if n >= 0 { 1 } else { len as i64 + 1 };
    let position = relative(opt_integer(ctx, 3, "offset", default)?, len);
    if !(1 <= position && position - 1 <= len as i64) {
        return Err(arg_error(ctx, 3, "offset", "position out of bounds"));
    }
    let bytes = s.as_bytes();
    // 0-based, in [0, len].
    let mut i = position as usize - 1;
    if n == 0 {
        // The start of the character holding byte i.
        while i > 0 && is_continuation(bytes, i) {
            i -= 1;
        }
    } else {
        if is_continuation(bytes, i) {
            return Err(ctx.lib_error("initial position is a continuation byte"));
        }
        if n < 0 {
            while n < 0 && i > 0 {
                // Back to the start of the previous character.
                i -= 1;
                while i > 0 && is_continuation(bytes, i) {
                    i -= 1;
                }
                n += 1;
            }
        } else {
            // The first character is the one at i.
            n -= 1;
            while n > 0 && i < len {
                i += 1;
                while is_continuation(bytes, i) {
                    i += 1;
                }
                n -= 1;
            }
        }
    }
    if n == 0 {
        ctx.push(Value::Int(i as i64 + 1));
    } else {
        ctx.push(Value::Nil);
    }
    Ok(1)
}

fn codes(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let lax = !ctx.arg(1).is_falsy();
    check_string(ctx, 1, "codes")?;
    let subject = ctx.arg(0);
    // The same two iterator functions every time, as in Lua.
    let iterator = match ctx.upvalue() {
        Value::Table(t) => t.get_int(if lax { 2 } else { 1 }),
        _ => Value::Nil,
    };
    ctx.push(iterator);
    ctx.push(subject);
    ctx.push(Value::Int(0));
    Ok(3)
}

fn next_code_strict(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    next_code(ctx, true)
}

fn next_code_lax(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    next_code(ctx, false)
}

/// One step of `utf8.codes`: the character at or after 0-based byte `control` (the
/// 1-based position of the previous character), skipping continuation bytes first, as
/// Lua 5.4.4 does (so stray continuation bytes are passed over, not reported).
fn next_code(ctx: &mut Ctx<'_>, strict: bool) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "codes")?;
    let bytes = s.as_bytes();
    // As `lua_tointeger`: numeric strings convert, anything else is 0. A negative
    // control is huge as unsigned: the iteration is over.
    let control = crate::ops::to_number(ctx.arg(1)).and_then(crate::ops::to_integer).unwrap_or(0);
    let Ok(mut i) = usize::try_from(control) else { return Ok(0) };
    while i < bytes.len() && is_continuation(bytes, i) {
        i += 1;
    }
    if i >= bytes.len() {
        return Ok(0);
    }
    match decode(bytes, i, strict) {
        Some((code, _)) => {
            ctx.push(Value::Int(i as i64 + 1));
            ctx.push(Value::Int(i64::from(code)));
            Ok(2)
        }
        None => Err(ctx.lib_error("invalid UTF-8 code")),
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};

    #[test]
    fn encoding_round_trips_at_every_length() {
        for code in [0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x1_0000, 0x10_FFFF, 0x20_0000, 0x7FFF_FFFF] {
            let mut bytes = Vec::new();
            encode(&mut bytes, code);
            assert_eq!(decode(&bytes, 0, false), Some((code, bytes.len())), "{code:#x}");
        }
        let mut euro = Vec::new();
        encode(&mut euro, 0x20AC);
        assert_eq!(euro, "€".as_bytes());
    }

    #[test]
    fn invalid_sequences_are_refused() {
        assert_eq!(decode(b"\xC0\x80", 0, false), None); // overlong
        assert_eq!(decode(b"\xE2\x82", 0, false), None); // truncated
        assert_eq!(decode(b"\x80", 0, false), None); // lone continuation
        assert_eq!(decode(b"\xFF\x80\x80\x80\x80\x80\x80\x80", 0, false), None);
        assert_eq!(decode(b"\xED\xA0\x80", 0, true), None); // surrogate, strict
        assert_eq!(decode(b"\xED\xA0\x80", 0, false), Some((0xD800, 3)));
        assert_eq!(decode(b"\xF4\x90\x80\x80", 0, true), None); // above 0x10FFFF
    }
}
