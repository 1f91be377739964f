//! String literals: short strings with every Lua 5.4 escape, and long brackets.
//!
//! Owns the scanning of `"…"`, `'…'` and `[==[…]==]` (also used for long comments) into
//! the bytes they denote, and the exact wording and `near` text of their errors
//! (`llex.c: read_string`, `read_long_string`). Strings are byte strings: `"\xff"` is one
//! byte, `"\u{7FFFFFFF}"` is six.

use std::borrow::Cow;

use crate::error::{LexError, LexErrorKind};
use crate::lines::LineMap;
use crate::token::Token;

/// logos callback for `"` and `'`: scans to the closing quote, processing escapes.
pub(crate) fn scan_short_string<'s>(
    lex: &mut logos::Lexer<'s, Token<'s>>,
) -> Result<Cow<'s, [u8]>, LexError> {
    let start = lex.span().start;
    let source: &'s [u8] = lex.source();
    let (content, len) = short_string(source, start)?;
    lex.bump(len - 1);
    Ok(content)
}

/// Scans the short string whose opening quote is at `start`; returns its bytes and its
/// whole length in the source, quotes included.
fn short_string(source: &[u8], start: usize) -> Result<(Cow<'_, [u8]>, usize), LexError> {
    let quote = source[start];
    let body = start + 1;
    // Fast path: no escape before the closing quote, so the source bytes are the string.
    let mut i = body;
    while let Some(&c) = source.get(i) {
        if c == quote {
            return Ok((Cow::Borrowed(&source[body..i]), i + 1 - start));
        }
        if c == b'\\' || c == b'\n' || c == b'\r' {
            break;
        }
        i += 1;
    }
    let mut buf = source[body..i].to_vec();
    // What Lua's buffer shows in an error: the quote, the bytes so far, the escape being read.
    let near = |buf: &[u8], raw: &[u8]| {
        let mut shown = vec![quote];
        shown.extend_from_slice(buf);
        shown.extend_from_slice(raw);
        shown
    };
    loop {
        let Some(&c) = source.get(i) else {
            return Err(LexError::at_eof(LexErrorKind::UnfinishedString, i));
        };
        match c {
            _ if c == quote => return Ok((Cow::Owned(buf), i + 1 - start)),
            b'\n' | b'\r' => {
                return Err(LexError::new(LexErrorKind::UnfinishedString, i, &near(&buf, b"")));
            }
            b'\\' => {
                let escape_start = i;
                // The raw escape text up to and including byte `upto`, for error messages.
                let fail = |kind, upto: usize, buf: &[u8]| {
                    let end = (upto + 1).min(source.len());
                    LexError::new(kind, upto.min(source.len()), &near(buf, &source[escape_start..end]))
                };
                i += 1;
                let Some(&e) = source.get(i) else {
                    continue; // reported as an unfinished string at the end of the source
                };
                match e {
                    b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\' | b'"' | b'\'' => {
                        buf.push(match e {
                            b'a' => 0x07,
                            b'b' => 0x08,
                            b'f' => 0x0C,
                            b'n' => b'\n',
                            b'r' => b'\r',
                            b't' => b'\t',
                            b'v' => 0x0B,
                            other => other,
                        });
                        i += 1;
                    }
                    b'\n' | b'\r' => {
                        buf.push(b'\n');
                        i += 1;
                        if matches!(source.get(i), Some(&n) if (n == b'\n' || n == b'\r') && n != e) {
                            i += 1;
                        }
                    }
                    b'x' => {
                        let mut value = 0u8;
                        for k in 1..=2 {
                            match source.get(i + k).and_then(|&h| char::from(h).to_digit(16)) {
                                // Two hex digits never exceed 0xFF.
                                Some(d) => value = value * 16 + d as u8,
                                None => return Err(fail(LexErrorKind::HexDigitExpected, i + k, &buf)),
                            }
                        }
                        buf.push(value);
                        i += 3;
                    }
                    b'z' => {
                        i += 1;
                        while matches!(source.get(i), Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)) {
                            i += 1;
                        }
                    }
                    b'0'..=b'9' => {
                        let mut value: u32 = 0;
                        let mut digits = 0;
                        while digits < 3 {
                            match source.get(i) {
                                Some(&d) if d.is_ascii_digit() => {
                                    value = value * 10 + u32::from(d - b'0');
                                    digits += 1;
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        match u8::try_from(value) {
                            Ok(byte) => buf.push(byte),
                            Err(_) => return Err(fail(LexErrorKind::DecimalEscapeTooLarge, i, &buf)),
                        }
                    }
                    b'u' => {
                        i += 1;
                        if source.get(i) != Some(&b'{') {
                            return Err(fail(LexErrorKind::MissingOpenBrace, i, &buf));
                        }
                        i += 1;
                        let mut value: u32 = match source.get(i).and_then(|&h| char::from(h).to_digit(16)) {
                            Some(d) => d,
                            None => return Err(fail(LexErrorKind::HexDigitExpected, i, &buf)),
                        };
                        i += 1;
                        while let Some(d) = source.get(i).and_then(|&h| char::from(h).to_digit(16)) {
                            if value > (0x7FFF_FFFF >> 4) {
                                return Err(fail(LexErrorKind::Utf8ValueTooLarge, i, &buf));
                            }
                            value = (value << 4) + d;
                            i += 1;
                        }
                        if source.get(i) != Some(&b'}') {
                            return Err(fail(LexErrorKind::MissingCloseBrace, i, &buf));
                        }
                        i += 1;
                        push_utf8(&mut buf, value);
                    }
                    _ => return Err(fail(LexErrorKind::InvalidEscape, i, &buf)),
                }
            }
            _ => {
                buf.push(c);
                i += 1;
            }
        }
    }
}

/// Lua's extended UTF-8 (`luaO_utf8esc`): code points up to 2^31 - 1 in at most six bytes.
fn push_utf8(buf: &mut Vec<u8>, mut x: u32) {
    if x < 0x80 {
        buf.push(x as u8);
        return;
    }
    let mut tail = [0u8; 6];
    let mut n = 0;
    let mut first_max: u32 = 0x3f; // largest value that fits in the first byte
    loop {
        tail[n] = 0x80 | (x & 0x3f) as u8;
        n += 1;
        x >>= 6;
        first_max >>= 1;
        if x <= first_max {
            break;
        }
    }
    // `!first_max << 1` sets the leading length bits of the first byte.
    buf.push(((!first_max << 1) | x) as u8);
    buf.extend(tail[..n].iter().rev());
}

/// If `text` starts with a long bracket `[==[`, its level (the number of `=`).
pub fn long_bracket_level(text: &[u8]) -> Option<usize> {
    if text.first() != Some(&b'[') {
        return None;
    }
    let level = text[1..].iter().take_while(|&&c| c == b'=').count();
    (text.get(level + 1) == Some(&b'[')).then_some(level)
}

/// Given `text` starting with an opening long bracket of `level`, the length up to and
/// including the matching closing bracket, if there is one.
pub(crate) fn find_long_close(text: &[u8], level: usize) -> Option<usize> {
    let mut i = level + 2;
    while i < text.len() {
        if text[i] == b']' {
            let eqs = text[i + 1..].iter().take_while(|&&c| c == b'=').count();
            if eqs == level && text.get(i + 1 + level) == Some(&b']') {
                return Some(i + level + 2);
            }
            i += 1 + eqs;
        } else {
            i += 1;
        }
    }
    None
}

/// logos callback for `[[`, `[=[`, …: the long string's content, first newline dropped and
/// every line break (`\r\n`, `\n\r`, `\r`) read as `\n`.
pub(crate) fn scan_long_bracket<'s>(
    lex: &mut logos::Lexer<'s, Token<'s>>,
) -> Result<Cow<'s, [u8]>, LexError> {
    let start = lex.span().start;
    let source: &'s [u8] = lex.source();
    let level = lex.span().len() - 2;
    let Some(len) = find_long_close(&source[start..], level) else {
        return Err(LexError::unfinished_long(false, source, start, source.len()));
    };
    lex.bump(len - lex.span().len());
    let mut content = &source[start + level + 2..start + len - level - 2];
    // Skip a first line break, whichever of the four spellings it is.
    let skip = LineMap::leading_break_len(content);
    content = &content[skip..];
    if !content.contains(&b'\r') {
        return Ok(Cow::Borrowed(content));
    }
    let mut out = Vec::with_capacity(content.len());
    let mut i = 0;
    while i < content.len() {
        let n = LineMap::leading_break_len(&content[i..]);
        if n > 0 {
            out.push(b'\n');
            i += n;
        } else {
            out.push(content[i]);
            i += 1;
        }
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf8(x: u32) -> Vec<u8> {
        let mut v = Vec::new();
        push_utf8(&mut v, x);
        v
    }

    #[test]
    fn utf8_escapes_match_lua() {
        assert_eq!(utf8(0x41), b"A");
        assert_eq!(utf8(0xE9), "é".as_bytes());
        assert_eq!(utf8(0x20AC), "€".as_bytes());
        assert_eq!(utf8(0x1F600), "😀".as_bytes());
        assert_eq!(utf8(0x7FFF_FFFF), [0xFD, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF]);
    }

    #[test]
    fn long_brackets() {
        assert_eq!(long_bracket_level(b"[[x"), Some(0));
        assert_eq!(long_bracket_level(b"[==[x"), Some(2));
        assert_eq!(long_bracket_level(b"[=x"), None);
        assert_eq!(find_long_close(b"[==[a]=]]==]b", 2), Some(12));
        assert_eq!(find_long_close(b"[[a]=]", 0), None);
    }
}
