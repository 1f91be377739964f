//! The Lua 5.4 token set and the logos rules that recognise it.
//!
//! This module owns *which* byte sequences are which token. How numerals, strings and
//! long brackets are scanned once recognised lives in `numeral.rs` and `string.rs`; this
//! file must not grow scanning logic of its own beyond the comment skipper.

use std::borrow::Cow;

use logos::{FilterResult, Logos};

use crate::error::{LexError, LexErrorKind};
use crate::numeral::{scan_numeral, Numeral};
use crate::string::{long_bracket_level, scan_long_bracket, scan_short_string};

/// One Lua token. Names borrow the source; strings borrow it when they hold no escape.
#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(utf8 = false)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\n\r\x0B\x0C]+")]
pub enum Token<'s> {
    #[token("and")]
    And,
    #[token("break")]
    Break,
    #[token("do")]
    Do,
    #[token("else")]
    Else,
    #[token("elseif")]
    Elseif,
    #[token("end")]
    End,
    #[token("false")]
    False,
    #[token("for")]
    For,
    #[token("function")]
    Function,
    #[token("goto")]
    Goto,
    #[token("if")]
    If,
    #[token("in")]
    In,
    #[token("local")]
    Local,
    #[token("nil")]
    Nil,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("repeat")]
    Repeat,
    #[token("return")]
    Return,
    #[token("then")]
    Then,
    #[token("true")]
    True,
    #[token("until")]
    Until,
    #[token("while")]
    While,

    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("^")]
    Caret,
    #[token("#")]
    Hash,
    #[token("&")]
    Ampersand,
    #[token("~")]
    Tilde,
    #[token("|")]
    Pipe,
    #[token("<<")]
    ShiftLeft,
    #[token(">>")]
    ShiftRight,
    #[token("==")]
    Eq,
    #[token("~=")]
    Ne,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("=")]
    Assign,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("::")]
    DoubleColon,
    #[token(";")]
    Semi,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(".")]
    Dot,
    #[token("..")]
    Concat,
    #[token("...")]
    Dots,

    /// An identifier (ASCII letters, digits and `_`, not starting with a digit).
    #[regex(r"[A-Za-z_][A-Za-z0-9_]*", |lex| std::str::from_utf8(lex.slice()).map_err(|_| LexError::default()))]
    Name(&'s str),

    /// An integer or float numeral, converted as Lua converts it.
    #[regex(r"[0-9]", scan_numeral)]
    #[regex(r"\.[0-9]", scan_numeral)]
    Number(Numeral),

    /// A string literal (short or long), as the bytes it denotes.
    #[token("\"", scan_short_string)]
    #[token("'", scan_short_string)]
    #[regex(r"\[=*\[", scan_long_bracket)]
    Str(Cow<'s, [u8]>),

    /// `[=` not followed by a second `[`: always an error.
    #[regex(r"\[=+", invalid_long_delimiter)]
    InvalidLongDelimiter,

    /// A comment: skipped, never produced.
    #[token("--", skip_comment)]
    Comment,

    /// A byte that starts no token. Lua's lexer passes such bytes to the parser, which
    /// reports them (`unexpected symbol near '@'`, `'then' expected near '@'`).
    Other(u8),
}

fn invalid_long_delimiter<'s>(lex: &mut logos::Lexer<'s, Token<'s>>) -> Result<(), LexError> {
    Err(LexError::new(LexErrorKind::InvalidLongDelimiter, lex.span().start, lex.slice()))
}

/// Skips a `--` comment: a long comment when a long bracket follows, else the rest of the line.
fn skip_comment<'s>(lex: &mut logos::Lexer<'s, Token<'s>>) -> FilterResult<(), LexError> {
    let rest = lex.remainder();
    if let Some(level) = long_bracket_level(rest) {
        let start = lex.span().end;
        return match crate::string::find_long_close(rest, level) {
            Some(len) => {
                lex.bump(len);
                FilterResult::Skip
            }
            None => {
                FilterResult::Error(LexError::unfinished_long(true, lex.source(), start, lex.source().len()))
            }
        };
    }
    let line_len = rest.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(rest.len());
    lex.bump(line_len);
    FilterResult::Skip
}

impl Token<'_> {
    /// The fixed spelling of keywords and symbols; `None` for names, numerals and strings.
    pub fn fixed_text(&self) -> Option<&'static str> {
        use Token::*;
        Some(match self {
            And => "and",
            Break => "break",
            Do => "do",
            Else => "else",
            Elseif => "elseif",
            End => "end",
            False => "false",
            For => "for",
            Function => "function",
            Goto => "goto",
            If => "if",
            In => "in",
            Local => "local",
            Nil => "nil",
            Not => "not",
            Or => "or",
            Repeat => "repeat",
            Return => "return",
            Then => "then",
            True => "true",
            Until => "until",
            While => "while",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            DoubleSlash => "//",
            Percent => "%",
            Caret => "^",
            Hash => "#",
            Ampersand => "&",
            Tilde => "~",
            Pipe => "|",
            ShiftLeft => "<<",
            ShiftRight => ">>",
            Eq => "==",
            Ne => "~=",
            Le => "<=",
            Ge => ">=",
            Lt => "<",
            Gt => ">",
            Assign => "=",
            LParen => "(",
            RParen => ")",
            LBrace => "{",
            RBrace => "}",
            LBracket => "[",
            RBracket => "]",
            DoubleColon => "::",
            Semi => ";",
            Colon => ":",
            Comma => ",",
            Dot => ".",
            Concat => "..",
            Dots => "...",
            Name(_) | Number(_) | Str(_) | InvalidLongDelimiter | Comment | Other(_) => return None,
        })
    }

    /// What Lua prints after `near` for this token: `'end'`, `'x'`, `'3.5'`, `'"abc"'`.
    ///
    /// `source_text` is the token's own slice of the source; names and numerals are shown
    /// as written, strings as Lua's lexer buffered them (escapes already processed).
    pub fn near_text(&self, source_text: &[u8]) -> String {
        if let Some(fixed) = self.fixed_text() {
            return format!("'{fixed}'");
        }
        match self {
            Token::Str(content) => {
                let (open, close) = match source_text.first() {
                    Some(b'[') => {
                        let level = long_bracket_level(source_text).unwrap_or(0);
                        (level + 2, level + 2)
                    }
                    _ => (1, 1),
                };
                let mut shown = Vec::with_capacity(content.len() + open + close);
                shown.extend_from_slice(&source_text[..open.min(source_text.len())]);
                shown.extend_from_slice(content);
                shown.extend_from_slice(&source_text[source_text.len().saturating_sub(close)..]);
                quote(&shown)
            }
            // Lua shows a stray byte as itself when printable, else as `<\ddd>`.
            Token::Other(byte) if byte.is_ascii_graphic() => format!("'{}'", char::from(*byte)),
            Token::Other(byte) => format!("'<\\{byte}>'"),
            _ => quote(source_text),
        }
    }
}

/// `'text'`, with the bytes shown as Lua would print them (lossy for invalid UTF-8).
/// Lua builds this text with C's `%s`, so it stops at the first NUL byte.
pub(crate) fn quote(text: &[u8]) -> String {
    let text = text.split(|&b| b == 0).next().unwrap_or_default();
    format!("'{}'", String::from_utf8_lossy(text))
}
