//! moonlet: embed Lua 5.4 in a Rust program as a compute unit.
//!
//! A host hands a script structured data through the external table `_io`
//! (`_io.input`, `_io.meta`), runs it, and reads `_io.output` back, with no
//! serialization step: external tables are values of the VM, so `ipairs`, `#` and
//! indexing run on host-owned data in place. [`HostTable`] hands over the host's own
//! structures (a `Vec` of [`Record`]s, a `serde_json::Value` with the `json` feature)
//! without converting them.
//!
//! ```
//! use moonlet::{Lua, Value};
//!
//! let mut lua = Lua::new();
//! lua.set_input_field("numbers", vec![1, 2, 3, 4, 5]).unwrap();
//! lua.compute(r#"
//!     local sum = 0
//!     for _, n in ipairs(_io.input.numbers) do sum = sum + n end
//!     _io.output = { sum = sum, count = #_io.input.numbers }
//! "#).unwrap();
//! assert_eq!(lua.output_field("sum").unwrap(), Value::Integer(15));
//! assert_eq!(lua.output_field("count").unwrap(), Value::Integer(5));
//! ```
//!
//! The general embedding API is in the style of `mlua`: [`Ctx::load`] with `exec`/
//! `eval`, [`Ctx::globals`], [`Ctx::create_function`] with [`FromLua`]/[`IntoLua`]
//! conversions, one [`Error`] type. Handles ([`Table`], [`Function`]) are plain data:
//! their methods take the state (`t.get(&mut lua, "k")`).
//!
//! Modules: `lua.rs` the state, loading and host functions; `value.rs` host-side
//! values and handles; `convert.rs` conversions; `table.rs` table access; `io.rs` the
//! `_io` API; `host_table.rs` and `records.rs` host data; `error.rs` errors; `persist.rs`
//! and `home/` `_home` and its store and file format;
//! `host_env.rs` what a command-line host needs (streams, `load_file`, errors as `lua`
//! reports them). With the feature `json`: `json.rs` (`JsonData`, a `serde_json::Value`
//! read in place) and `json_convert.rs` (JSON values copied in and out:
//! `Lua::to_json`, `Lua::output_json`); with `serde`: `serde_value.rs` (`Serde`,
//! `Lua::output_as`).

mod convert;
mod error;
pub mod home;
mod host_env;
mod host_table;
mod io;
#[cfg(feature = "json")]
mod json;
#[cfg(feature = "json")]
mod json_convert;
mod lua;
mod persist;
mod records;
#[cfg(feature = "serde")]
mod serde_value;
mod table;
mod value;

pub use convert::{FromLua, FromLuaMulti, IntoLua, IntoLuaMulti, MultiValue};
pub use error::{Error, HostError, Result};
pub use host_env::ModuleSource;
pub use host_table::HostTable;
pub use io::IoResult;
#[cfg(feature = "json")]
pub use json::{parse_json, JsonData};
#[cfg(feature = "json")]
pub use json_convert::{MAX_DEPTH as JSON_MAX_DEPTH, MAX_REPEATED as JSON_MAX_REPEATED};
pub use lua::{Chunk, Ctx, Libs, Limits, Lua, PrintBuffer};
pub use moonlet_parser::SyntaxError;
pub use moonlet_vm::host_data::{HostData, HostValue, Key};
pub use records::{Record, Records};
#[cfg(feature = "serde")]
pub use serde_value::Serde;
pub use value::{Function, LuaString, Table, Thread, Value};

/// Parses `source` as a Lua 5.4 chunk named `chunk_name`, reporting the first syntax
/// error as Lua would (`chunk_name:line: message near 'token'`).
///
/// ```
/// assert!(moonlet::check_syntax(b"local x <const> = 1", "chunk").is_ok());
/// let err = moonlet::check_syntax(b"x = = 1", "chunk").unwrap_err();
/// assert_eq!(err.to_string(), "chunk:1: unexpected symbol near '='");
/// ```
pub fn check_syntax(source: &[u8], chunk_name: &str) -> Result<(), SyntaxError> {
    moonlet_parser::parse_chunk(source, chunk_name).map(drop)
}
