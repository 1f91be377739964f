//! Numerals: how far one extends in the source, and what number it denotes.
//!
//! Owns Lua's numeral rules (`llex.c: read_numeral` for the extent, `lobject.c:
//! luaO_str2num` for the value): decimal and hex integers (hex wrapping modulo 2^64,
//! decimal overflowing into a float), decimal floats, hex floats with `p` exponents.
//! [`str_to_number`] is also what string-to-number coercion uses, so it accepts the
//! surrounding spaces and sign that `tonumber` allows.

use crate::error::{LexError, LexErrorKind};
use crate::token::Token;

/// A numeric literal's value: Lua 5.4 keeps integers and floats apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Numeral {
    Int(i64),
    Float(f64),
}

/// logos callback: extends the matched `[0-9]` or `.[0-9]` to the whole numeral.
pub(crate) fn scan_numeral<'s>(lex: &mut logos::Lexer<'s, Token<'s>>) -> Result<Numeral, LexError> {
    let start = lex.span().start;
    let text = &lex.source()[start..];
    let len = numeral_extent(text);
    lex.bump(len.saturating_sub(lex.span().len()));
    let text = &text[..len];
    str_to_number(text).ok_or_else(|| LexError::new(LexErrorKind::MalformedNumber, start, text))
}

/// How many bytes of `text` (which starts with a digit or `.digit`) Lua reads as one numeral:
/// hex digits, dots and exponents with signs, plus one touching letter to force an error.
fn numeral_extent(text: &[u8]) -> usize {
    let mut i = usize::from(text.first() == Some(&b'.'));
    let first = text.get(i).copied();
    i += 1;
    let mut exponent_marks: &[u8] = b"Ee";
    if first == Some(b'0') && matches!(text.get(i), Some(b'x' | b'X')) {
        i += 1;
        exponent_marks = b"Pp";
    }
    while let Some(&c) = text.get(i) {
        if exponent_marks.contains(&c) {
            i += 1;
            if matches!(text.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
        } else if c.is_ascii_hexdigit() || c == b'.' {
            i += 1;
        } else {
            break;
        }
    }
    if matches!(text.get(i), Some(c) if c.is_ascii_alphabetic() || *c == b'_') {
        i += 1;
    }
    i.min(text.len())
}

/// Converts a string to a number as Lua does (`luaO_str2num`): optional surrounding
/// whitespace and sign, integer if it fits, float otherwise; `None` if it is no numeral.
///
/// ```
/// use moonlet_lexer::{str_to_number, Numeral};
/// assert_eq!(str_to_number(b" 0x10 "), Some(Numeral::Int(16)));
/// assert_eq!(str_to_number(b"0xffffffffffffffff"), Some(Numeral::Int(-1)));
/// assert_eq!(str_to_number(b"9223372036854775808"), Some(Numeral::Float(9223372036854775808.0)));
/// assert_eq!(str_to_number(b"0x1p4"), Some(Numeral::Float(16.0)));
/// assert_eq!(str_to_number(b"1e"), None);
/// ```
pub fn str_to_number(text: &[u8]) -> Option<Numeral> {
    if let Some(i) = str_to_int(text) {
        return Some(Numeral::Int(i));
    }
    str_to_float(text).map(Numeral::Float)
}

fn is_lua_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

fn trim(text: &[u8]) -> &[u8] {
    let start = text.iter().position(|&c| !is_lua_space(c)).unwrap_or(text.len());
    let end = text.iter().rposition(|&c| !is_lua_space(c)).map_or(start, |e| e + 1);
    &text[start..end.max(start)]
}

/// Splits an optional sign off; `true` when negative.
fn split_sign(text: &[u8]) -> (bool, &[u8]) {
    match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

fn hex_value(c: u8) -> Option<u32> {
    char::from(c).to_digit(16)
}

/// `l_str2int`: decimal (failing on overflow) or hex (wrapping) integers.
fn str_to_int(text: &[u8]) -> Option<i64> {
    let (negative, body) = split_sign(trim(text));
    let value: u64 = if let Some(hex) = body.strip_prefix(b"0x").or_else(|| body.strip_prefix(b"0X")) {
        if hex.is_empty() {
            return None;
        }
        let mut acc: u64 = 0;
        for &c in hex {
            acc = acc.wrapping_mul(16).wrapping_add(u64::from(hex_value(c)?));
        }
        acc
    } else {
        if body.is_empty() {
            return None;
        }
        let mut acc: u64 = 0;
        // The largest magnitude allowed: 2^63 - 1, or 2^63 when negative.
        let limit = if negative { 1u64 << 63 } else { (1u64 << 63) - 1 };
        for &c in body {
            if !c.is_ascii_digit() {
                return None;
            }
            acc = acc.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
            if acc > limit {
                return None;
            }
        }
        acc
    };
    // Two's complement reinterpretation is exactly Lua's wrap-around for hex numerals.
    let value = value as i64;
    Some(if negative { value.wrapping_neg() } else { value })
}

/// `l_str2d`: decimal floats (via Rust's parser, which accepts what `strtod` accepts once
/// `inf`/`nan` are excluded) and hex floats.
fn str_to_float(text: &[u8]) -> Option<f64> {
    let text = trim(text);
    if text.iter().any(|&c| c == b'n' || c == b'N') {
        return None; // rejects 'inf' and 'nan', as Lua does
    }
    let (negative, body) = split_sign(text);
    let value = if body.starts_with(b"0x") || body.starts_with(b"0X") {
        hex_float(&body[2..])?
    } else {
        if !body.first().is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
            return None;
        }
        std::str::from_utf8(body).ok()?.parse::<f64>().ok()?
    };
    Some(if negative { -value } else { value })
}

/// The digits after `0x` of a hex float (`A.8p-1`), converted with correct rounding, as
/// C's `strtod` converts them.
fn hex_float(text: &[u8]) -> Option<f64> {
    // The digits as an exact integer `mantissa * 2^exponent`; digits past 124 bits only
    // matter as a "something non-zero was dropped" bit for rounding.
    let mut mantissa: u128 = 0;
    let mut exponent: i64 = 0;
    let mut dropped_nonzero = false;
    let mut any_digit = false;
    let mut seen_dot = false;
    let mut i = 0;
    while let Some(&c) = text.get(i) {
        if c == b'.' {
            if seen_dot {
                break;
            }
            seen_dot = true;
        } else if let Some(d) = hex_value(c) {
            any_digit = true;
            if mantissa >> 124 == 0 {
                mantissa = mantissa << 4 | u128::from(d);
                if seen_dot {
                    exponent -= 4;
                }
            } else {
                dropped_nonzero |= d != 0;
                if !seen_dot {
                    exponent += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if matches!(text.get(i), Some(b'p' | b'P')) {
        let (negative, digits) = split_sign(&text[i + 1..]);
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut e: i64 = 0;
        for &c in digits {
            e = e.saturating_mul(10).saturating_add(i64::from(c - b'0'));
        }
        exponent = exponent.saturating_add(if negative { -e } else { e });
        i = text.len();
    }
    if i != text.len() {
        return None;
    }
    Some(round_to_f64(mantissa, exponent, dropped_nonzero))
}

/// `mantissa * 2^exponent` (plus a little more when `sticky`) rounded to the nearest f64,
/// ties to even, with gradual underflow.
fn round_to_f64(mantissa: u128, exponent: i64, sticky: bool) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let bits = i64::from(128 - mantissa.leading_zeros());
    // The value lies in [2^top, 2^(top+1)).
    let top = exponent.saturating_add(bits - 1);
    if top > 1023 {
        return f64::INFINITY;
    }
    // Significand bits available at this magnitude: 53, fewer for subnormals.
    let precision = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if precision < 0 {
        return 0.0;
    }
    let shift = bits - precision; // low bits of `mantissa` that do not fit
    let mut significand = if shift <= 0 {
        mantissa << -shift
    } else {
        let kept = if shift >= 128 { 0 } else { mantissa >> shift };
        let half = 1u128 << (shift - 1).min(127);
        let rest = if shift >= 128 { mantissa } else { mantissa & ((1u128 << shift) - 1) };
        let round_up = rest > half || (rest == half && (sticky || kept & 1 == 1));
        kept + u128::from(round_up)
    };
    let mut unit = top - (precision - 1); // the weight of the significand's last bit
    if significand >> 53 != 0 {
        significand >>= 1; // rounding carried into a new bit; the dropped bit is 0
        unit += 1;
        if unit + 52 > 1023 {
            return f64::INFINITY;
        }
    }
    // `significand < 2^53` converts exactly; scaling by a power of two is exact here
    // because the rounding above already accounted for subnormal precision.
    scale_by_power_of_two(significand as f64, unit)
}

/// `x * 2^e` without intermediate overflow (C's `ldexp`).
fn scale_by_power_of_two(mut x: f64, mut e: i64) -> f64 {
    const STEP: i64 = 1000;
    while e > STEP && x.is_finite() && x != 0.0 {
        x *= 2f64.powi(STEP as i32);
        e -= STEP;
    }
    while e < -STEP && x != 0.0 {
        // Split so that no intermediate result is subnormal (which would round twice).
        x *= 2f64.powi(-STEP as i32);
        e += STEP;
    }
    // |e| <= STEP here unless x became 0 or infinite, where the clamp changes nothing.
    x * 2f64.powi(e.clamp(-STEP, STEP) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extents_follow_read_numeral() {
        assert_eq!(numeral_extent(b"3x"), 2);
        assert_eq!(numeral_extent(b"3abc+"), 4);
        assert_eq!(numeral_extent(b"1e+5+1"), 4);
        assert_eq!(numeral_extent(b"0x1p-4)"), 6);
        assert_eq!(numeral_extent(b"1..2"), 4);
        assert_eq!(numeral_extent(b".5e3"), 4);
        assert_eq!(numeral_extent(b"12_"), 3);
    }

    #[test]
    fn values_follow_str2num() {
        assert_eq!(str_to_number(b"9223372036854775807"), Some(Numeral::Int(i64::MAX)));
        assert_eq!(str_to_number(b"-9223372036854775808"), Some(Numeral::Int(i64::MIN)));
        assert_eq!(str_to_number(b"0x7fffffffffffffff1"), Some(Numeral::Int(-15)));
        assert_eq!(str_to_number(b"0x.8"), Some(Numeral::Float(0.5)));
        assert_eq!(str_to_number(b"0xA.8p-1"), Some(Numeral::Float(5.25)));
        assert_eq!(str_to_number(b"5."), Some(Numeral::Float(5.0)));
        assert_eq!(str_to_number(b".5"), Some(Numeral::Float(0.5)));
        assert_eq!(str_to_number(b"1e400"), Some(Numeral::Float(f64::INFINITY)));
        assert_eq!(str_to_number(b"0x1p99999999999999999999"), Some(Numeral::Float(f64::INFINITY)));
        assert_eq!(str_to_number(b"0x1p-99999"), Some(Numeral::Float(0.0)));
        for bad in [&b"inf"[..], b"nan", b"0x", b"1e", b"..", b"1..2", b"", b" ", b"0xp1", b"0x1p", b"1 2"] {
            assert_eq!(str_to_number(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }
}
