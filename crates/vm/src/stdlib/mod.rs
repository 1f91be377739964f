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
pub(crate) mod ext;
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

use crate::ctx::Ctx;
use crate::function::NativeFn;
use crate::gc::Gc;
use crate::table::Table;
use crate::value::Value;

/// Installs every library into the globals.
pub(crate) fn open(ctx: &mut Ctx<'_>) {
    base::open(ctx);
    coroutine::open(ctx);
    string::open(ctx);
    table::open(ctx);
    math::open(ctx);
    utf8::open(ctx);
    os::open(ctx);
    load::open(ctx);
    // The sandbox has only `debug.traceback`; `Vm::open_libs(Libs::DEBUG)` adds the rest.
    debug::open_traceback(ctx);
    ext::open(ctx);
    // Last: `package.loaded` records the libraries opened above.
    package::open(ctx);
}

/// Opens the optional libraries of `libs` (ones not opened before) onto the sandbox.
pub(crate) fn open_optional(ctx: &mut Ctx<'_>, libs: crate::Libs) {
    if libs.contains(crate::Libs::IO) {
        io::open(ctx);
    }
    if libs.contains(crate::Libs::FILES) {
        load::open_files(ctx);
        package::open_files(ctx);
    }
    if libs.contains(crate::Libs::DEBUG) {
        debug::open(ctx);
        let key = ctx.intern(b"debug");
        let library = ctx.globals().get(key);
        package::register_loaded(ctx, "debug", library);
    }
}

/// Creates the global table `library` holding `functions`, or adds them to it if it
/// exists. Each function is named `library.name` (`string.sub`): the qualified name
/// `bad argument` errors use when the function is called from another native function.
pub(crate) fn new_library(
    ctx: &mut Ctx<'_>,
    library: &str,
    functions: &[(&'static str, NativeFn)],
) -> Gc<Table> {
    let key = ctx.intern(library.as_bytes());
    let table = match ctx.globals().get(key) {
        Value::Table(t) => t,
        _ => {
            let t = ctx.new_table();
            ctx.set_global(library, Value::Table(t));
            t
        }
    };
    for &(qualified, func) in functions {
        let short = qualified.rsplit('.').next().unwrap_or(qualified);
        let key = ctx.intern(short.as_bytes());
        let f = ctx.new_native(qualified, func);
        let _ = table.set(key, f);
    }
    table
}
