//! `string.gsub`: replacing the matches of a pattern.
//!
//! Owns the three kinds of replacement (a string with `%0`-`%9` and `%%`, a table
//! indexed by the first capture, a function called with the captures), the rule that a
//! false or nil replacement keeps the match, and the replacement count. Matching is
//! `pattern.rs`'s job.
//!
//! A table's `__index` or a replacement function runs Lua code, so the collector may
//! run during the loop: the subject and pattern are pushed on the stack first to stay
//! rooted (they may be strings made from numbers that no stack slot holds).

use super::pattern::{Captured, Matcher};
use super::{capture_value, pattern_error, slice};
use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::gc::Gc;
use crate::number;
use crate::stdlib::args::{check_string, opt_integer, type_error};
use crate::string::LuaStr;
use crate::value::Value;

/// What replaces a match.
#[derive(Clone, Copy)]
enum Replacement {
    /// A string (or a number, converted), with `%` escapes.
    Text(Gc<LuaStr>),
    /// A table indexed with the first capture.
    Table(Value),
    /// A function called with every capture.
    Function(Value),
}

/// `string.gsub(s, pattern, repl [, n])`: the new string and the number of matches
/// replaced.
pub(super) fn gsub(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "gsub")?;
    let p = check_string(ctx, 2, "gsub")?;
    let len = s.len();
    let max = opt_integer(ctx, 4, "gsub", len as i64 + 1)?;
    let replacement = match ctx.arg(2) {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => Replacement::Text(check_string(ctx, 3, "gsub")?),
        table @ Value::Table(_) => Replacement::Table(table),
        function @ Value::Function(_) => Replacement::Function(function),
        other => return Err(type_error(ctx, 3, "gsub", "string/function/table", other)),
    };
    ctx.push(Value::Str(s));
    ctx.push(Value::Str(p));
    let (src, pat) = (s.as_bytes(), p.as_bytes());
    let (anchored, pat) = match pat.strip_prefix(b"^") {
        Some(rest) => (true, rest),
        None => (false, pat),
    };
    let mut matcher = Matcher::new(src, pat);
    let mut out = Vec::new();
    let mut position = 0;
    let mut last_match = None;
    let mut replaced: i64 = 0;
    let mut changed = false;
    while replaced < max {
        let end = matcher.match_at(position).map_err(|e| pattern_error(ctx, e))?;
        match end {
            Some(end) if Some(end) != last_match => {
                replaced += 1;
                changed |= add_value(ctx, &matcher, &mut out, position, end, replacement)?;
                position = end;
                last_match = Some(end);
            }
            _ => match src.get(position) {
                Some(&c) => {
                    out.push(c);
                    position += 1;
                }
                None => break,
            },
        }
        if anchored {
            break;
        }
    }
    let result = if changed {
        out.extend_from_slice(slice(src, position, len));
        ctx.intern(&out)
    } else {
        Value::Str(s)
    };
    ctx.push(result);
    ctx.push(Value::Int(replaced));
    Ok(2)
}

/// Appends the replacement of the match `start..end` to `out`; whether it changed the
/// text (a false or nil value from a table or function keeps the match).
fn add_value(
    ctx: &mut Ctx<'_>,
    matcher: &Matcher<'_>,
    out: &mut Vec<u8>,
    start: usize,
    end: usize,
    replacement: Replacement,
) -> Result<bool, LuaError> {
    let value = match replacement {
        Replacement::Text(text) => {
            add_text(ctx, matcher, out, start, end, text.as_bytes())?;
            return Ok(true);
        }
        Replacement::Table(table) => {
            let key = capture_value(ctx, matcher, 0, start, end)?;
            ctx.index(table, key)?
        }
        Replacement::Function(function) => {
            let n = matcher.capture_count(true);
            let mut args = Vec::with_capacity(n);
            for i in 0..n {
                args.push(capture_value(ctx, matcher, i, start, end)?);
            }
            ctx.call(function, &args)?.first().copied().unwrap_or(Value::Nil)
        }
    };
    match value {
        Value::Str(text) => out.extend_from_slice(text.as_bytes()),
        Value::Int(i) => out.extend_from_slice(number::fmt_int(i).as_bytes()),
        Value::Float(f) => out.extend_from_slice(number::fmt_float(f).as_bytes()),
        kept if kept.is_falsy() => {
            out.extend_from_slice(slice(matcher.subject(), start, end));
            return Ok(false);
        }
        other => {
            let message = format!("invalid replacement value (a {})", other.type_name());
            return Err(ctx.lib_error(&message));
        }
    }
    Ok(true)
}

/// Appends a replacement string, expanding `%0` (the match), `%1`-`%9` (captures) and
/// `%%`.
fn add_text(
    ctx: &mut Ctx<'_>,
    matcher: &Matcher<'_>,
    out: &mut Vec<u8>,
    start: usize,
    end: usize,
    text: &[u8],
) -> Result<(), LuaError> {
    let mut rest = text;
    while let Some(at) = rest.iter().position(|&c| c == b'%') {
        out.extend_from_slice(slice(rest, 0, at));
        // A '%' ends the text: Lua sees the NUL after it.
        let escaped = rest.get(at + 1).copied().unwrap_or(0);
        match escaped {
            b'%' => out.push(b'%'),
            b'0' => out.extend_from_slice(slice(matcher.subject(), start, end)),
            b'1'..=b'9' => match matcher.capture(usize::from(escaped - b'1'), start, end) {
                Ok(Captured::Range(a, b)) => out.extend_from_slice(slice(matcher.subject(), a, b)),
                Ok(Captured::Position(position)) => out.extend_from_slice(position.to_string().as_bytes()),
                Err(error) => return Err(pattern_error(ctx, error)),
            },
            _ => return Err(ctx.lib_error("invalid use of '%' in replacement string")),
        }
        rest = rest.get(at + 2..).unwrap_or(&[]);
    }
    out.extend_from_slice(rest);
    Ok(())
}
