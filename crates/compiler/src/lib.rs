//! The moonlet bytecode compiler: turns the parser's AST into register-machine
//! prototypes, and owns the instruction set.
//!
//! `opcode.rs` defines every instruction; `proto.rs` the compiled function; `compile/`
//! the translation; `listing.rs` the readable form `moonlet --dump` prints. This crate
//! must not depend on the VM; the VM depends on it.
//!
//! ```
//! let source = b"local t = {} t.x = 1 return t.x";
//! let block = moonlet_parser::parse_chunk(source, "demo").unwrap();
//! let proto = moonlet_compiler::compile(&block, source, "demo").unwrap();
//! assert!(moonlet_compiler::listing(&proto).contains("SetField"));
//! ```

mod compile;
mod listing;
pub mod opcode;
pub mod proto;
mod verify;

pub use compile::{compile, CompileError};
pub use listing::listing;
pub use opcode::{Instr, OpCode};
pub use proto::{Constant, LocalInfo, Proto, UpvalDesc};
pub use verify::{verify, VerifyError};
