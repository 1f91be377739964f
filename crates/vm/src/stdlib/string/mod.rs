//! The string library. This file only registers the functions; each concept lives in
//! its own module (`format.rs`: `string.format`; `pack.rs`: binary packing).

pub(crate) mod format;
pub(crate) mod pack;

use crate::vm::Vm;

/// Installs the string functions into the global table `string`.
pub(crate) fn open(vm: &mut Vm) {
    crate::stdlib::new_library(
        vm,
        "string",
        &[
            ("string.format", format::format),
            ("string.pack", pack::pack),
            ("string.unpack", pack::unpack),
            ("string.packsize", pack::packsize),
        ],
    );
}
