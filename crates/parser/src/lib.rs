//! The Lua 5.4 parser of moonlet: source text to an AST with spans, or a syntax error
//! worded exactly as PUC Lua words it.
//!
//! The grammar is `grammar/lua.lalrpop` (LR(1), generated at build time); tokens come
//! from `moonlet-lexer`. This crate owns syntax only: scoping, `goto` resolution and
//! constant checks belong to the compiler.
//!
//! ```
//! use moonlet_parser::{parse_chunk, ast::StatKind};
//! let block = parse_chunk(b"local x = 1\nprint(x)", "example").unwrap();
//! assert_eq!(block.stats.len(), 2);
//! assert!(matches!(block.stats[1].kind, StatKind::Call(_)));
//! ```

mod actions;
pub mod ast;
mod dump;
mod error;
mod precedence;
mod stream;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_parens, dead_code)]
    grammar,
    "/lua.rs"
);

pub use dump::dump_block;
pub use error::{Failure, SyntaxError, SyntaxErrorKind};

use moonlet_lexer::Lexer;
use stream::TokenStream;

/// Parses a Lua 5.4 chunk. `chunk` is the name used in error messages (`test.lua`,
/// `stdin`, `[string "…"]`).
pub fn parse_chunk<'s>(source: &'s [u8], chunk: &str) -> Result<ast::Block<'s>, SyntaxError> {
    parse_with(Lexer::new(source), source, chunk)
}

/// Parses a script file's contents: like [`parse_chunk`], but a first line starting with
/// `#` (such as `#!/usr/bin/env lua`) is skipped, as `lua` skips it.
///
/// ```
/// assert!(moonlet_parser::parse_file(b"#!/usr/bin/env lua\nprint(1)", "script.lua").is_ok());
/// ```
pub fn parse_file<'s>(source: &'s [u8], chunk: &str) -> Result<ast::Block<'s>, SyntaxError> {
    parse_with(Lexer::skipping_first_line_comment(source), source, chunk)
}

fn parse_with<'s>(lexer: Lexer<'s>, source: &'s [u8], chunk: &str) -> Result<ast::Block<'s>, SyntaxError> {
    if u32::try_from(source.len()).is_err() {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::TooLarge,
            chunk: chunk.to_owned(),
            line: 1,
            column: 1,
            message: "source too large (4 GiB or more)".to_owned(),
        });
    }
    let mut stream = TokenStream::new(lexer);
    grammar::ChunkParser::new()
        .parse(&mut stream)
        .map_err(|error| error::describe(error, &stream, source, chunk))
}
