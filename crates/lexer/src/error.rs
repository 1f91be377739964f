//! Lexical errors, worded as PUC Lua's lexer words them.
//!
//! This module owns the error type and the `near` text of each error. It knows nothing of
//! chunk names or line numbers: the parser turns an offset into `chunk:line:`.

use std::fmt;

use crate::lines::LineMap;
use crate::token::quote;

/// What went wrong while reading a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LexErrorKind {
    /// A byte that starts no token (reported by the parser as an unexpected symbol).
    #[default]
    UnexpectedSymbol,
    /// A short string reaches a newline or the end of the source.
    UnfinishedString,
    /// A long string `[[ … ]]` is never closed; the line where it starts.
    UnfinishedLongString { start_line: u32 },
    /// A long comment `--[[ … ]]` is never closed; the line where it starts.
    UnfinishedLongComment { start_line: u32 },
    /// `[=` not followed by `[`.
    InvalidLongDelimiter,
    /// A numeral Lua cannot convert (`3x`, `0x`, `1e`).
    MalformedNumber,
    /// `\q` and other unknown escapes.
    InvalidEscape,
    /// `\x` not followed by two hex digits.
    HexDigitExpected,
    /// `\ddd` above 255.
    DecimalEscapeTooLarge,
    /// `\u{…}` above 2^31.
    Utf8ValueTooLarge,
    /// `\u` not followed by `{`.
    MissingOpenBrace,
    /// `\u{…` not closed by `}`.
    MissingCloseBrace,
}

/// A lexical error: its kind, the byte offset Lua would report its line from, and the
/// text Lua shows after `near`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LexError {
    pub kind: LexErrorKind,
    /// Byte offset in the source where the error is detected.
    pub offset: usize,
    /// `'…'` quoted token text, or `<eof>`.
    pub near: String,
}

impl LexError {
    /// An error whose `near` text is the given token bytes, quoted.
    pub fn new(kind: LexErrorKind, offset: usize, near: &[u8]) -> LexError {
        LexError { kind, offset, near: quote(near) }
    }

    /// An error detected at the end of the source (`near <eof>`).
    pub fn at_eof(kind: LexErrorKind, offset: usize) -> LexError {
        LexError { kind, offset, near: "<eof>".to_owned() }
    }

    /// An unclosed long string or comment opened at `start`, detected at `offset`.
    pub fn unfinished_long(comment: bool, source: &[u8], start: usize, offset: usize) -> LexError {
        let start_line = LineMap::new(source).line_of(start);
        let kind = if comment {
            LexErrorKind::UnfinishedLongComment { start_line }
        } else {
            LexErrorKind::UnfinishedLongString { start_line }
        };
        LexError::at_eof(kind, offset)
    }

    /// The message without position: `unfinished string near '"abc'`.
    pub fn message(&self) -> String {
        format!("{} near {}", self.kind, self.near)
    }
}

impl fmt::Display for LexErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LexErrorKind::UnexpectedSymbol => f.write_str("unexpected symbol"),
            LexErrorKind::UnfinishedString => f.write_str("unfinished string"),
            LexErrorKind::UnfinishedLongString { start_line } => {
                write!(f, "unfinished long string (starting at line {start_line})")
            }
            LexErrorKind::UnfinishedLongComment { start_line } => {
                write!(f, "unfinished long comment (starting at line {start_line})")
            }
            LexErrorKind::InvalidLongDelimiter => f.write_str("invalid long string delimiter"),
            LexErrorKind::MalformedNumber => f.write_str("malformed number"),
            LexErrorKind::InvalidEscape => f.write_str("invalid escape sequence"),
            LexErrorKind::HexDigitExpected => f.write_str("hexadecimal digit expected"),
            LexErrorKind::DecimalEscapeTooLarge => f.write_str("decimal escape too large"),
            LexErrorKind::Utf8ValueTooLarge => f.write_str("UTF-8 value too large"),
            LexErrorKind::MissingOpenBrace => f.write_str("missing '{'"),
            LexErrorKind::MissingCloseBrace => f.write_str("missing '}'"),
        }
    }
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for LexError {}
