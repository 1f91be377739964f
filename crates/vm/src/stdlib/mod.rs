//! The standard library: one module per Lua library (a large one split by concept:
//! `sort.rs` for `table.sort`, `random.rs` for `math.random`), plus `args.rs`, the
//! argument checks they share.
//!
//! Owns the functions scripts call by name. Library functions use only the public face
//! of the VM (arguments on the stack, results pushed, `Vm::call` for callbacks); they
//! must not reach into the interpreter loop or the collector.

pub(crate) mod args;
pub(crate) mod base;
pub(crate) mod coroutine;
pub(crate) mod date;
pub(crate) mod debug;
pub(crate) mod debug_hook;
pub(crate) mod host;
pub(crate) mod io;
pub(crate) mod io_read;
pub(crate) mod load;
pub(crate) mod math;
pub(crate) mod os;
pub(crate) mod package;
pub(crate) mod random;
pub(crate) mod sort;
pub(crate) mod string;
pub(crate) mod table;
pub(crate) mod utf8;

use crate::function::{Function, NativeFn};
use crate::gc::Gc;
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

/// Installs every library into the globals.
pub(crate) fn open(vm: &mut Vm) {
    base::open(vm);
    coroutine::open(vm);
    string::open(vm);
    table::open(vm);
    math::open(vm);
    utf8::open(vm);
    os::open(vm);
    load::open(vm);
    // The sandbox has only `debug.traceback`; `Vm::open_libs(Libs::DEBUG)` adds the rest.
    debug::open_traceback(vm);
    crate::external::open(vm);
    // Last: `package.loaded` records the libraries opened above.
    package::open(vm);
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
