//! The moonlet virtual machine: values, the heap and its garbage collector, tables, the
//! interpreter loop and the standard library.
//!
//! `gc.rs` owns object lifetime, `value.rs`/`string.rs`/`table/`/`function.rs` the
//! objects, `external.rs` external tables (`host_data.rs` the trait for host-owned
//! contents), `pins.rs` values the host holds, `limits.rs` resource limits,
//! `number.rs` numeric semantics, `vm.rs` the state and calls, `scopes.rs` upvalues and
//! to-be-closed variables, `interp.rs` the instruction loop (`interp_calls.rs` returns,
//! `interp_rare.rs` its out-of-line parts), `protect.rs` pcall/xpcall,
//! `collect.rs` garbage collection of the state, `ops.rs` operators and metamethods,
//! `debuginfo.rs` names of variables and called functions from code, `levels.rs` the
//! call stack as tracebacks and the debug library see it, `hook.rs` debug hooks,
//! `stdlib/` the standard library. The VM runs the compiler's prototypes; source text
//! reaches it only through `stdlib/load.rs`
//! (`load`, `require`, [`Vm::load_text`]), which hands it to the parser and compiler.
//!
//! ```
//! let source = b"local t = {} for i = 1, 10 do t[i] = i * i end return t[10]";
//! let block = moonlet_parser::parse_chunk(source, "demo").unwrap();
//! let proto = moonlet_compiler::compile(&block, source, "demo").unwrap();
//! let mut vm = moonlet_vm::Vm::new();
//! let f = vm.load_proto(proto).unwrap();
//! let results = vm.call(f, &[]).unwrap();
//! assert!(matches!(results[0], moonlet_vm::value::Value::Int(100)));
//! ```

mod collect;
mod ctx;
mod debuginfo;
mod error;
pub mod external;
pub mod function;
pub mod gc;
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
mod scopes;
mod stdlib;
pub mod string;
pub mod table;
pub mod thread;
pub mod value;
mod vm;

pub use error::{ErrorData, LuaError};
pub use limits::Limits;
pub use loader::chunk_id;
pub use pins::Pin;
pub use sandbox::{Libs, ModuleLoader, ModuleSource};
pub use vm::Vm;

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
        let mut vm = crate::Vm::new();
        assert!(vm.load_proto(proto).is_err());
    }
}
