//! The read formats of `io.read`, `file:read` and `io.lines`, over any buffered reader:
//! `"l"`/`"L"` (a line without/with its newline), `"a"` (the rest), `"n"` (a numeral, read
//! as `liolib.c`'s `l_getn` does: at most 200 characters, one look-ahead character left
//! unread) and a count of bytes (0: a test for end of file).
//!
//! Owns only the reading; which stream is read and how results and argument errors reach
//! Lua is `io.rs`'s.

use std::io::{self, BufRead, Read as _};

use crate::number::{self, Numeral};

/// What one format read: `None` is a failure (end of file, or not a numeral).
pub(crate) enum Read {
    Bytes(Option<Vec<u8>>),
    Number(Option<Numeral>),
}

/// One read format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Number,
    Line,
    LineWithNewline,
    All,
    Count(u64),
}

impl Format {
    /// The format a string names (`"n"`, `"*l"`, ...: only the first letter after an
    /// optional `*` counts, as in Lua).
    pub(crate) fn parse(spec: &[u8]) -> Option<Format> {
        let spec = spec.strip_prefix(b"*").unwrap_or(spec);
        match spec.first() {
            Some(b'n') => Some(Format::Number),
            Some(b'l') => Some(Format::Line),
            Some(b'L') => Some(Format::LineWithNewline),
            Some(b'a') => Some(Format::All),
            _ => None,
        }
    }
}

/// Reads one format from `input`.
pub(crate) fn read(input: &mut dyn BufRead, format: Format) -> io::Result<Read> {
    Ok(match format {
        Format::Number => Read::Number(read_number(input)?),
        Format::Line => Read::Bytes(read_line(input, false)?),
        Format::LineWithNewline => Read::Bytes(read_line(input, true)?),
        Format::All => {
            let mut all = Vec::new();
            input.read_to_end(&mut all)?;
            Read::Bytes(Some(all))
        }
        Format::Count(0) => Read::Bytes((!input.fill_buf()?.is_empty()).then(Vec::new)),
        Format::Count(n) => {
            let mut bytes = Vec::new();
            (&mut *input).take(n).read_to_end(&mut bytes)?;
            Read::Bytes((!bytes.is_empty()).then_some(bytes))
        }
    })
}

fn read_line(input: &mut dyn BufRead, keep_newline: bool) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    if input.read_until(b'\n', &mut line)? == 0 {
        return Ok(None);
    }
    if !keep_newline && line.last() == Some(&b'\n') {
        line.pop();
    }
    Ok(Some(line))
}

/// Longest numeral `"n"` reads (Lua's `L_MAXLENNUM`).
const MAX_NUMERAL: usize = 200;

/// A numeral being read: the characters taken so far and the look-ahead character.
struct Scanner<'a> {
    input: &'a mut dyn BufRead,
    text: Vec<u8>,
    /// The current (not yet taken) character; `None` at end of file.
    current: Option<u8>,
    /// Too long: the read fails.
    overflow: bool,
}

impl Scanner<'_> {
    fn peek(input: &mut dyn BufRead) -> io::Result<Option<u8>> {
        Ok(input.fill_buf()?.first().copied())
    }

    /// Takes the current character into the numeral and looks at the next one.
    fn take(&mut self) -> io::Result<bool> {
        let Some(c) = self.current else { return Ok(false) };
        if self.text.len() >= MAX_NUMERAL {
            self.overflow = true;
            return Ok(false);
        }
        self.text.push(c);
        self.input.consume(1);
        self.current = Self::peek(self.input)?;
        Ok(true)
    }

    /// Takes the current character if it is one of `options`.
    fn accept(&mut self, options: &[u8]) -> io::Result<bool> {
        match self.current {
            Some(c) if options.contains(&c) => self.take(),
            _ => Ok(false),
        }
    }

    /// Takes digits (hexadecimal ones if `hex`); how many.
    fn digits(&mut self, hex: bool) -> io::Result<usize> {
        let mut n = 0;
        while let Some(c) = self.current {
            let is_digit = if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() };
            if !is_digit || !self.take()? {
                break;
            }
            n += 1;
        }
        Ok(n)
    }
}

/// `"n"`: skips white space, then takes the longest prefix that looks like a numeral
/// (sign, `0x`, digits, point, exponent) and converts it as Lua does; the character
/// after it stays unread.
fn read_number(input: &mut dyn BufRead) -> io::Result<Option<Numeral>> {
    let mut current = Scanner::peek(input)?;
    while let Some(c) = current {
        if !matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            break;
        }
        input.consume(1);
        current = Scanner::peek(input)?;
    }
    let mut n = Scanner { input, text: Vec::new(), current, overflow: false };
    n.accept(b"-+")?;
    let mut count = 0;
    let mut hex = false;
    if n.accept(b"0")? {
        if n.accept(b"xX")? {
            hex = true;
        } else {
            count = 1;
        }
    }
    count += n.digits(hex)?;
    if n.accept(b".")? {
        count += n.digits(hex)?;
    }
    if count > 0 && n.accept(if hex { b"pP" } else { b"eE" })? {
        n.accept(b"-+")?;
        n.digits(false)?;
    }
    if n.overflow {
        return Ok(None);
    }
    Ok(number::str_to_num(&n.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<Option<Numeral>> {
        let mut input = text.as_bytes();
        (0..3).map(|_| read_number(&mut input).unwrap()).collect()
    }

    #[test]
    fn numerals_as_lua_reads_them() {
        assert_eq!(
            numbers("12 0x1F -3.5e2"),
            [Some(Numeral::Int(12)), Some(Numeral::Int(31)), Some(Numeral::Float(-350.0))]
        );
        // A failed numeral consumes what looked like one.
        assert_eq!(numbers("1e+x 5"), [None, None, None]);
        let mut input: &[u8] = b"0x1p4z";
        assert_eq!(read_number(&mut input).unwrap(), Some(Numeral::Float(16.0)));
        assert_eq!(input, b"z");
    }

    #[test]
    fn lines_and_counts() {
        let mut input: &[u8] = b"ab\ncd";
        assert!(
            matches!(read(&mut input, Format::LineWithNewline).unwrap(), Read::Bytes(Some(l)) if l == b"ab\n")
        );
        assert!(matches!(read(&mut input, Format::Count(0)).unwrap(), Read::Bytes(Some(l)) if l.is_empty()));
        assert!(matches!(read(&mut input, Format::Count(5)).unwrap(), Read::Bytes(Some(l)) if l == b"cd"));
        assert!(matches!(read(&mut input, Format::Line).unwrap(), Read::Bytes(None)));
        assert!(matches!(read(&mut input, Format::All).unwrap(), Read::Bytes(Some(l)) if l.is_empty()));
    }
}
