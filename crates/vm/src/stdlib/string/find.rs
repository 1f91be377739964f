//! `string.find`, `string.match` and `string.gmatch`: searching a subject for a pattern.
//!
//! Owns where a search starts (`init`), plain searches, the `^` anchor and what each
//! function returns (positions, captures). Matching itself is `pattern.rs`'s job.
//! The iterator `gmatch` returns keeps its state (subject, pattern, position, end of
//! the last match) in a table held as the native closure's upvalue.

use super::pattern::{find_plain, is_plain, Matcher};
use super::{pattern_error, push_captures, start_position};
use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::stdlib::args::{check_string, opt_integer};
use crate::value::Value;

/// `string.find(s, pattern [, init [, plain]])`.
pub(super) fn find(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    search(ctx, true)
}

/// `string.match(s, pattern [, init])`.
pub(super) fn lua_match(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    search(ctx, false)
}

/// The search `find` and `match` share: `find` returns the match's positions and then
/// its captures, `match` the captures (or the whole match).
fn search(ctx: &mut Ctx<'_>, find: bool) -> Result<usize, LuaError> {
    let name = if find { "find" } else { "match" };
    let s = check_string(ctx, 1, name)?;
    let p = check_string(ctx, 2, name)?;
    let init = opt_integer(ctx, 3, name, 1)?;
    let (src, pat) = (s.as_bytes(), p.as_bytes());
    let init = start_position(init, src.len()) - 1;
    if init > src.len() {
        ctx.push(Value::Nil);
        return Ok(1);
    }
    if find && (!ctx.arg(3).is_falsy() || is_plain(pat)) {
        if let Some(at) = find_plain(src, pat, init) {
            ctx.push(Value::Int(at as i64 + 1));
            ctx.push(Value::Int((at + pat.len()) as i64));
            return Ok(2);
        }
    } else {
        let (anchored, pat) = match pat.strip_prefix(b"^") {
            Some(rest) => (true, rest),
            None => (false, pat),
        };
        let mut matcher = Matcher::new(src, pat);
        let mut start = init;
        loop {
            if let Some(end) = matcher.match_at(start).map_err(|e| pattern_error(ctx, e))? {
                if !find {
                    return push_captures(ctx, &matcher, start, end, true);
                }
                ctx.push(Value::Int(start as i64 + 1));
                ctx.push(Value::Int(end as i64));
                return Ok(push_captures(ctx, &matcher, start, end, false)? + 2);
            }
            start += 1;
            if anchored || start > src.len() {
                break;
            }
        }
    }
    ctx.push(Value::Nil);
    Ok(1)
}

/// Slots of the state table of a `gmatch` iterator.
const SUBJECT: i64 = 1;
const PATTERN: i64 = 2;
const POSITION: i64 = 3;
const LAST_MATCH: i64 = 4;

/// `string.gmatch(s, pattern [, init])`: an iterator over the matches. As in Lua 5.4,
/// `^` is an ordinary character here, and an empty match right where the previous
/// match ended is skipped.
pub(super) fn gmatch(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let s = check_string(ctx, 1, "gmatch")?;
    let p = check_string(ctx, 2, "gmatch")?;
    let init = opt_integer(ctx, 3, "gmatch", 1)?;
    let len = s.len();
    let init = (start_position(init, len) - 1).min(len + 1);
    let state = ctx.new_table();
    state.set_int(SUBJECT, Value::Str(s));
    state.set_int(PATTERN, Value::Str(p));
    state.set_int(POSITION, Value::Int(init as i64));
    let iterator = ctx.new_native_closure("gmatch_aux", gmatch_step, Value::Table(state));
    ctx.push(iterator);
    Ok(1)
}

/// One step of a `gmatch` iterator: the captures of the next match, or nothing.
fn gmatch_step(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let Value::Table(state) = ctx.upvalue() else {
        return Ok(0);
    };
    let (Value::Str(s), Value::Str(p), Value::Int(position)) =
        (state.get_int(SUBJECT), state.get_int(PATTERN), state.get_int(POSITION))
    else {
        return Ok(0);
    };
    let last_match = match state.get_int(LAST_MATCH) {
        Value::Int(end) => usize::try_from(end).ok(),
        _ => None,
    };
    let mut matcher = Matcher::new(s.as_bytes(), p.as_bytes());
    let mut start = usize::try_from(position).unwrap_or(usize::MAX);
    while start <= s.len() {
        let end = matcher.match_at(start).map_err(|e| pattern_error(ctx, e))?;
        if let Some(end) = end.filter(|&end| Some(end) != last_match) {
            state.set_int(POSITION, Value::Int(end as i64));
            state.set_int(LAST_MATCH, Value::Int(end as i64));
            return push_captures(ctx, &matcher, start, end, true);
        }
        start += 1;
    }
    Ok(0)
}
