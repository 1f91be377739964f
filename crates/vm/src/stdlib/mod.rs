//! The standard library: one module per Lua library, plus `args.rs`, the argument
//! checks they share.
//!
//! Owns the functions scripts call by name. Library functions use only the public face
//! of the VM (arguments on the stack, results pushed, `Vm::call` for callbacks); they
//! must not reach into the interpreter loop or the collector.

pub(crate) mod args;
pub(crate) mod base;
pub(crate) mod coroutine;
pub(crate) mod debug;
pub(crate) mod debug_hook;

use crate::function::{Function, NativeFn};
use crate::gc::Gc;
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

/// Installs every library into the globals.
pub(crate) fn open(vm: &mut Vm) {
    base::open(vm);
    coroutine::open(vm);
    // The full debug library is for the CLI; an embedded state should get only
    // `debug.traceback` (`debug::open_traceback`) once library options exist.
    debug::open(vm);
}

/// Creates the global table `library` holding `functions`, or adds them to it if it
/// exists. Each function is named `library.name` (`string.sub`): the qualified name
/// `bad argument` errors use when the function is called from another native function.
pub(crate) fn new_library(vm: &mut Vm, library: &str, functions: &[(&'static str, NativeFn)]) -> Gc<Table> {
    let key = vm.intern(library.as_bytes());
    let table = match vm.globals.get(key) {
        Value::Table(t) => t,
        _ => {
            let t = vm.new_table();
            vm.set_global(library, Value::Table(t));
            t
        }
    };
    for &(qualified, func) in functions {
        let short = qualified.rsplit('.').next().unwrap_or(qualified);
        let key = vm.intern(short.as_bytes());
        let f = Value::Function(vm.heap.alloc(Function::native(qualified, func)));
        let _ = table.set(key, f);
    }
    table
}
