//! Syntax errors, worded as PUC Lua 5.4 words them.
//!
//! Owns [`SyntaxError`] and the translation of an LR parse failure into Lua's message.
//! Lua's recursive-descent parser says what it was looking for (`'then' expected`,
//! `unexpected symbol`, `syntax error`); an LR parser knows instead the set of tokens
//! it could have accepted. [`describe`] reads that set the way Lua's parser would have
//! stood at that point, so the two agree.

use std::fmt;

use lalrpop_util::ParseError;
use moonlet_lexer::{LexError, Lexer, LineMap, Token};

use crate::stream::{OpenerKind, TokenStream};

/// Why parsing stopped, as reported by the token stream or by a grammar action.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// A lexical error.
    Lex(LexError),
    /// The source nests deeper than Lua allows.
    TooDeep,
    /// An expression statement that is not a call (`x`, `a.b`) ending at this offset.
    NotAStatement(usize),
    /// `local x <foo>`, the attribute ending at this offset.
    UnknownAttribute(String, usize),
    /// `local a <close>, b <close>`, the statement ending at this offset.
    MultipleToBeClosed(usize),
}

/// What kind of syntax error this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The source is not a valid Lua 5.4 token sequence or program.
    Syntax,
    /// The source nests too deeply (`C stack overflow`, reported without a position).
    TooDeep,
    /// The source is 4 GiB or larger.
    TooLarge,
}

/// A syntax error: `chunk:line: message`, exactly as Lua prints it.
///
/// ```
/// let err = moonlet_parser::parse_chunk(b"if x end", "test.lua").unwrap_err();
/// assert_eq!(err.to_string(), "test.lua:1: 'then' expected near 'end'");
/// assert_eq!((err.line, err.column), (1, 6));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// The chunk name as shown in messages (`test.lua`, `stdin`, `[string "x = 1"]`).
    pub chunk: String,
    /// 1-based line Lua reports the error on.
    pub line: u32,
    /// 1-based column of the offending token (not part of Lua's message).
    pub column: u32,
    /// The message without the `chunk:line:` prefix.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            SyntaxErrorKind::TooDeep => f.write_str(&self.message),
            _ => write!(f, "{}:{}: {}", self.chunk, self.line, self.message),
        }
    }
}

impl std::error::Error for SyntaxError {}

/// Builds the syntax error for a failed parse of `source`, given the stream as it stood.
pub(crate) fn describe(
    error: ParseError<usize, Token<'_>, Failure>,
    stream: &TokenStream<'_>,
    source: &[u8],
    chunk: &str,
) -> SyntaxError {
    let lines = LineMap::new(source);
    // An error about the token `l..r`: Lua reports the line where the token ends; the
    // column is where it starts. A single offset `o` is the range `o..o + 1`.
    let at = |l: usize, r: usize, message: String| SyntaxError {
        kind: SyntaxErrorKind::Syntax,
        chunk: chunk.to_owned(),
        line: lines.line_of(token_end(l, r)),
        column: lines.column_of(l),
        message,
    };
    // Lua reports a check made by an action against the token after the construct (its
    // lookahead); the LR parser may have reduced before reading it, so read it again.
    let lookahead = |offset: usize| match Lexer::new(&source[offset..]).next() {
        Some(Ok((l, token, r))) => {
            Ok((offset + l, offset + r, token.near_text(&source[offset + l..offset + r])))
        }
        Some(Err(mut e)) => {
            e.offset += offset;
            Err(e)
        }
        None => Ok((source.len(), source.len() + 1, "<eof>".to_owned())),
    };
    let after = |offset: usize, message: &dyn Fn(&str) -> String| match lookahead(offset) {
        Ok((l, r, near)) => at(l, r, message(&near)),
        Err(e) => at(e.offset, e.offset + 1, e.message()),
    };
    match error {
        ParseError::User { error } => match error {
            Failure::Lex(e) => at(e.offset, e.offset + 1, e.message()),
            Failure::TooDeep => SyntaxError {
                kind: SyntaxErrorKind::TooDeep,
                chunk: chunk.to_owned(),
                line: lines.line_of(stream.last_start),
                column: 0,
                message: "C stack overflow".to_owned(),
            },
            Failure::NotAStatement(end) => after(end, &|near| format!("syntax error near {near}")),
            Failure::UnknownAttribute(name, end) => after(end, &|_| format!("unknown attribute '{name}'")),
            Failure::MultipleToBeClosed(end) => {
                after(end, &|_| "multiple to-be-closed variables in local list".to_owned())
            }
        },
        ParseError::UnrecognizedEof { expected, .. } => {
            let offset = source.len();
            let message = expectation(None, &expected, stream, &lines, lines.line_of(offset));
            at(offset, offset + 1, format!("{message} near <eof>"))
        }
        ParseError::UnrecognizedToken { token: (l, token, r), expected } => {
            let line = lines.line_of(token_end(l, r));
            let message = expectation(Some(&token), &expected, stream, &lines, line);
            if token == Token::Other(0) {
                // Lua's token 0 means "no token": its message has no `near` part.
                return at(l, r, message);
            }
            at(l, r, format!("{message} near {}", token.near_text(&source[l..r])))
        }
        ParseError::ExtraToken { token: (l, token, r) } => {
            at(l, r, format!("<eof> expected near {}", token.near_text(&source[l..r])))
        }
        ParseError::InvalidToken { location } => at(location, location + 1, "unexpected symbol".to_owned()),
    }
}

/// The offset of a token's last byte (Lua's line counter stands there after reading it).
fn token_end(l: usize, r: usize) -> usize {
    r.saturating_sub(1).max(l)
}

/// What Lua's parser would say it expected, given the unexpected token (`None` at the end
/// of the source) and the tokens the LR parser could have accepted there.
fn expectation(
    token: Option<&Token<'_>>,
    expected: &[String],
    stream: &TokenStream<'_>,
    lines: &LineMap,
    error_line: u32,
) -> String {
    let has = |name: &str| expected.iter().any(|e| e.trim_matches('"') == name);
    let is = |t: Token<'static>| token == Some(&t);
    // Where the parser stood: at a statement, in an expression, after a prefix expression.
    let statement_start = has("local");
    let expression_start = has("Number");
    // After a prefix expression: an index or call arguments could continue it.
    let after_prefix = has("[") && has(":") && has("String");
    let operator_allowed = has("+");
    let block_follow =
        token.is_none() || is(Token::End) || is(Token::Else) || is(Token::Elseif) || is(Token::Until);

    // `(to close 'while' at line 3)` when the opener is on another line than the error
    // (never for a parameter list, which Lua closes without naming it).
    let closing = |what: &str, pred: fn(OpenerKind) -> bool| -> String {
        match stream.innermost(pred) {
            Some(opener)
                if opener.kind != OpenerKind::Params && lines.line_of(opener.offset) != error_line =>
            {
                format!(
                    "'{what}' expected (to close '{}' at line {})",
                    opener.kind.spelling(),
                    lines.line_of(opener.offset)
                )
            }
            _ => format!("'{what}' expected"),
        }
    };
    // The block ends here: say which closer it needs.
    let block_closer = || {
        if has("end") {
            closing("end", OpenerKind::closed_by_end)
        } else if has("until") {
            closing("until", |k| k == OpenerKind::Repeat)
        } else {
            "<eof> expected".to_owned()
        }
    };

    if expected.is_empty() || (statement_start && block_follow) {
        return block_closer();
    }
    if after_prefix && !operator_allowed && (is(Token::Assign) || is(Token::Comma)) {
        return "syntax error".to_owned(); // assignment to something that is not a variable
    }
    if after_prefix && !operator_allowed && !statement_start && !has("=") {
        return "syntax error".to_owned(); // a call where a variable must be (`a, f() ..`)
    }
    if has("=") && after_prefix && statement_start {
        return "syntax error".to_owned(); // an expression statement that is not a call
    }
    if statement_start || expression_start {
        return "unexpected symbol".to_owned();
    }
    if has(";") && !has("}") {
        return block_closer(); // after `return …`, only the block's end may come
    }
    if has("Name") && has("(") && !after_prefix {
        return "unexpected symbol".to_owned(); // a variable was expected
    }
    if has("=") && has("in") {
        return "'=' or 'in' expected".to_owned();
    }
    if has("...") && has("Name") {
        return "<name> or '...' expected".to_owned();
    }
    if has("(") && has("String") && !after_prefix {
        return "function arguments expected".to_owned();
    }
    for what in ["then", "do", ")", "}", "]", "::", ">", "=", "(", "in", ",", "end", "until"] {
        // `>` closes an attribute (`<const>`), unless it is just one of the operators.
        // `(` after a prefix expression would only continue it as a call.
        if has(what) && !(what == ">" && operator_allowed) && !(what == "(" && after_prefix) {
            return match what {
                ")" => closing(")", |k| matches!(k, OpenerKind::Paren | OpenerKind::Params)),
                "}" => closing("}", |k| k == OpenerKind::Brace),
                "end" | "until" => block_closer(),
                _ => format!("'{what}' expected"),
            };
        }
    }
    if has("Name") {
        return "<name> expected".to_owned();
    }
    "unexpected symbol".to_owned()
}
