//! What a host lets scripts reach beyond the sandbox: the optional libraries ([`Libs`]),
//! the streams the `io` library reads and writes, and the loader `require` asks for
//! modules when scripts may not read files.
//!
//! A new [`Vm`] is a sandbox: the base, string, table, math, utf8, coroutine libraries,
//! the safe part of `os` (`clock`, `time`, `date`, `difftime`), `load` of text chunks and
//! `require` through `package.preload` and the host's module loader. Everything else is
//! opt-in with [`Vm::open_libs`]; the `moonlet` command opens [`Libs::ALL`], as `lua`.
//!
//! Owns the host-facing switches and the state behind them; the libraries themselves
//! live in `stdlib/` (`io.rs`, `load.rs`, `package.rs`). It must not change the sandbox's
//! default.

use std::io::{BufRead, Write};
use std::time::Instant;

use crate::vm::Vm;

/// A set of optional libraries, combined with `|`.
///
/// ```
/// use moonlet_vm::Libs;
/// let libs = Libs::IO | Libs::FILES;
/// assert!(libs.contains(Libs::IO) && !libs.contains(Libs::DEBUG));
/// assert!(Libs::ALL.contains(libs));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Libs(pub(crate) u8);

impl Libs {
    /// Nothing beyond the sandbox.
    pub const NONE: Libs = Libs(0);
    /// The `io` library over the state's standard streams: `io.write`, `io.read`,
    /// `io.lines()`, `io.stdin`/`io.stdout`/`io.stderr` (no `io.open`/`io.popen`).
    pub const IO: Libs = Libs(1);
    /// Reading Lua files: `loadfile`, `dofile`, and `require` searching `package.path`.
    pub const FILES: Libs = Libs(2);
    /// The whole `debug` library (the sandbox has only `debug.traceback`).
    pub const DEBUG: Libs = Libs(4);
    /// Everything `lua` offers that moonlet supports: what the `moonlet` command runs with.
    pub const ALL: Libs = Libs(7);

    /// Whether every library of `other` is in `self`.
    pub fn contains(self, other: Libs) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for Libs {
    type Output = Libs;
    fn bitor(self, other: Libs) -> Libs {
        Libs(self.0 | other.0)
    }
}

/// A module the host hands to `require`: its source text and the chunk name its
/// messages show (`mymod.lua:3: ...`), which is also the loader's second argument.
pub struct ModuleSource {
    pub name: String,
    pub source: Vec<u8>,
}

/// The host's module loader: the source of module `name`, or `None` if it has none.
pub type ModuleLoader = Box<dyn FnMut(&str) -> Option<ModuleSource> + Send>;

/// The state behind the host's switches (one field of [`Vm`]).
pub(crate) struct Host {
    /// The optional libraries opened so far.
    pub(crate) libs: Libs,
    /// What `io.read`/`io.lines` read (empty until the host opens `io` or sets one).
    pub(crate) stdin: Box<dyn BufRead + Send>,
    /// What `io.stderr` writes to.
    pub(crate) stderr: Box<dyn Write + Send>,
    /// Where `require` looks after `package.preload` in the sandbox.
    pub(crate) loader: Option<ModuleLoader>,
    /// When the state was created: `os.clock` counts from here.
    pub(crate) started: Instant,
}

impl Host {
    pub(crate) fn sandbox() -> Host {
        Host {
            libs: Libs::NONE,
            stdin: Box::new(std::io::empty()),
            stderr: Box::new(std::io::stderr()),
            loader: None,
            started: Instant::now(),
        }
    }
}

impl Vm {
    /// What `io.read` and `io.lines()` read from.
    pub fn set_stdin(&mut self, input: Box<dyn BufRead + Send>) {
        self.host.stdin = input;
    }

    /// Reads a line (with its newline) from the state's standard input, the reader
    /// `io.read` uses: for a host's own prompt loop that shares input with scripts.
    pub fn read_stdin_line(&mut self, line: &mut Vec<u8>) -> std::io::Result<usize> {
        self.host.stdin.read_until(b'\n', line)
    }

    /// What `io.stderr:write` writes to.
    pub fn set_stderr(&mut self, err: Box<dyn Write + Send>) {
        self.host.stderr = err;
    }
}
