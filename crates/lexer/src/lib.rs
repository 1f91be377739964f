//! The Lua 5.4 lexer of moonlet.
//!
//! Turns source bytes into [`Token`]s with byte spans, or into a [`LexError`] worded as
//! PUC Lua words it. This crate owns tokens, numerals, string escapes and line counting;
//! it knows nothing of grammar (that is `moonlet-parser`) and nothing of values.
//!
//! ```
//! use moonlet_lexer::{Lexer, Token, Numeral};
//! let tokens: Vec<Token> = Lexer::new(b"x = 0x10 .. 'a\\tb'").map(|t| t.unwrap().1).collect();
//! assert_eq!(tokens[0], Token::Name("x"));
//! assert_eq!(tokens[2], Token::Number(Numeral::Int(16)));
//! assert_eq!(tokens[4], Token::Str(b"a\tb".to_vec().into()));
//! ```

mod error;
mod lines;
mod numeral;
mod string;
mod token;

pub use error::{LexError, LexErrorKind};
pub use lines::LineMap;
pub use numeral::{str_to_number, Numeral};
pub use string::long_bracket_level;
pub use token::Token;

use logos::Logos;

/// A token with its byte span, as the parser consumes it: `(start, token, end)`.
pub type Spanned<'s> = (usize, Token<'s>, usize);

/// An iterator of spanned tokens over one chunk of Lua source.
pub struct Lexer<'s> {
    inner: logos::Lexer<'s, Token<'s>>,
}

impl<'s> Lexer<'s> {
    /// Lexes `source` from its first byte (as `load` does for a string chunk).
    pub fn new(source: &'s [u8]) -> Lexer<'s> {
        Lexer { inner: Token::lexer(source) }
    }

    /// Lexes the contents of a script file as `lua` loads one: a UTF-8 byte-order mark is
    /// skipped, then a first line that starts with `#` (so `#!/usr/bin/env lua` works)
    /// up to its `\n`. The line break stays, so line numbers are unchanged.
    ///
    /// ```
    /// use moonlet_lexer::{Lexer, Token};
    /// let mut lexer = Lexer::skipping_first_line_comment(b"#!/usr/bin/lua\nreturn");
    /// assert_eq!(lexer.next().unwrap().unwrap(), (15, Token::Return, 21));
    /// ```
    pub fn skipping_first_line_comment(source: &'s [u8]) -> Lexer<'s> {
        let mut lexer = Lexer::new(source);
        let bom = if source.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let skipped = if source.get(bom) == Some(&b'#') {
            source[bom..].iter().position(|&c| c == b'\n').map_or(source.len(), |line| bom + line)
        } else {
            bom
        };
        lexer.inner.bump(skipped);
        lexer
    }
}

impl<'s> Iterator for Lexer<'s> {
    type Item = Result<Spanned<'s>, LexError>;

    fn next(&mut self) -> Option<Self::Item> {
        let token = self.inner.next()?;
        let span = self.inner.span();
        Some(match token {
            Ok(token) => Ok((span.start, token, span.end)),
            // logos reports a byte that starts no token with the default error.
            Err(error) if error == LexError::default() => {
                let byte = self.inner.source().get(span.start).copied().unwrap_or(0);
                Ok((span.start, Token::Other(byte), span.start + 1))
            }
            Err(error) => Err(error),
        })
    }
}
