//! The moonlet virtual machine: values, the heap and its garbage collector, tables, the
//! interpreter loop and the standard library.
//!
//! The public face is [`OwnedState`]/[`State`] (`state.rs`): the host holds values as
//! [`HeldValue`]s and [`Ref`]s (`held.rs`: copies and pins) or reads and builds them in
//! a [`Scope`] that runs nothing (`scope.rs`), and gets errors as [`RunError`]. Nothing
//! public points into the heap unguarded, so safe code cannot use a collected object.
//!
//! Inside, three layers. The objects: `gc.rs` owns object lifetime,
//! `value.rs`/`string.rs`/`table/`/`function.rs` the objects, `external.rs` external
//! tables (`host_data.rs` the trait for host-owned contents), `number.rs` numeric
//! semantics. The core: `vm.rs` the state and calls, `interp.rs` the instruction loop
//! (`interp_calls.rs` returns, `interp_rare.rs` its out-of-line parts), `ops.rs`
//! operators and metamethods, `protect.rs` pcall/xpcall, `thread.rs` coroutines,
//! `loader.rs` compiling source text, `upvalues.rs` upvalues and to-be-closed variables,
//! `collect.rs` garbage collection of the state, `pins.rs` values the host holds,
//! `limits.rs` resource limits, `sandbox.rs` what the host lets scripts reach,
//! `debuginfo.rs` names of variables and called functions from code, `levels.rs` the
//! call stack as tracebacks and the debug library see it, `hook.rs` debug hooks. Above
//! the core, `ctx.rs` is all the libraries may use: `stdlib/` (the standard library and
//! `ext`) sees the state only through a `Ctx`.
//!
//! ```
//! let source = b"local t = {} for i = 1, 10 do t[i] = i * i end return t[10]";
//! let block = moonlet_parser::parse_chunk(source, "demo").unwrap();
//! let proto = moonlet_compiler::compile(&block, source, "demo").unwrap();
//! let mut state = moonlet_vm::OwnedState::new();
//! let f = state.load_proto(proto).unwrap();
//! let results = state.call(&f, &[]).unwrap();
//! assert_eq!(results, [moonlet_vm::HeldValue::Int(100)]);
//! ```

mod collect;
mod ctx;
mod debuginfo;
mod error;
mod external;
mod function;
mod gc;
mod held;
mod hook;
pub mod host_data;
mod interp;
mod interp_calls;
mod interp_rare;
mod levels;
mod limits;
mod loader;
pub mod number;
mod ops;
mod pins;
mod protect;
mod sandbox;
mod scope;
mod state;
mod stdlib;
mod string;
mod table;
mod thread;
mod upvalues;
mod value;
mod vm;

pub use error::{HostFnError, RunError};
pub use held::{HeldValue, Ref, RefKind, WrongState};
pub use limits::Limits;
pub use loader::chunk_id;
pub use sandbox::{Libs, ModuleLoader, ModuleSource};
pub use scope::{Raw, RawObject, RawStr, RawTable, Scope};
pub use state::{HostFn, OwnedState, State};

#[cfg(test)]
mod tests {
    use moonlet_compiler::{Instr, OpCode};

    #[test]
    fn unverified_code_is_refused() {
        let source = b"return 1";
        let block = moonlet_parser::parse_chunk(source, "t").unwrap();
        let mut proto = moonlet_compiler::compile(&block, source, "t").unwrap();
        proto.code.insert(0, Instr::abc(OpCode::Move, 200, 0, 0, false));
        proto.lines.insert(0, 1);
        let mut vm = crate::vm::Vm::new();
        assert!(vm.load_proto(proto).is_err());
    }
}
