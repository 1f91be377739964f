//! moonlet: embed Lua 5.4 in a Rust program as a compute unit.
//!
//! This is the crate a host depends on. Today it offers syntax checking of Lua source
//! through [`check_syntax`]; the embedding API (`Lua`, external tables, `_io`, `_home`)
//! grows here as the VM lands.
//!
//! ```
//! assert!(moonlet::check_syntax(b"local x <const> = 1", "chunk").is_ok());
//! let err = moonlet::check_syntax(b"x = = 1", "chunk").unwrap_err();
//! assert_eq!(err.to_string(), "chunk:1: unexpected symbol near '='");
//! ```

pub mod home;

pub use moonlet_parser::SyntaxError;

/// Parses `source` as a Lua 5.4 chunk named `chunk_name`, reporting the first syntax
/// error as Lua would (`chunk_name:line: message near 'token'`).
pub fn check_syntax(source: &[u8], chunk_name: &str) -> Result<(), SyntaxError> {
    moonlet_parser::parse_chunk(source, chunk_name).map(drop)
}
