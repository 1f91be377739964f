//! What a host that runs scripts as a command does (the `moonlet` binary): the state's
//! standard streams, where `require` finds modules, loading files as `loadfile`,
//! `tostring`, running a chunk with errors as the `lua` command reports them, and closing
//! the state.
//!
//! Owns these methods of [`Lua`]; the streams and loaders themselves are the VM's. It
//! must go through the VM's public API only, and it must not print: what to show a user
//! is the host's call.

use std::io::{BufRead, Write};

use crate::convert::{IntoLuaMulti, MultiValue};
use crate::error::{Error, Result};
use crate::lua::Ctx;
use moonlet_vm::HeldValue;

use crate::value::{Function, Handle, LuaString, Value};

pub use moonlet_vm::ModuleSource;

/// The traceback `lua` shows for an error raised where there was none (as its message
/// handler's `luaL_traceback` of an empty stack).
const EMPTY_TRACEBACK: &str = "stack traceback:\n\t[C]: in ?";

impl Ctx {
    /// What `io.read`, `io.lines()` and [`Ctx::load_file`]`(None)` read (with
    /// [`crate::Libs::IO`]; the process's standard input by default there).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::with_libs(moonlet::Libs::IO);
    /// lua.set_stdin(std::io::Cursor::new("first\nsecond\n"));
    /// let line: String = lua.load("return io.read('l')").eval().unwrap();
    /// assert_eq!(line, "first");
    /// ```
    pub fn set_stdin(&mut self, input: impl BufRead + Send + 'static) {
        self.state().set_stdin(Box::new(input));
    }

    /// Reads a line, newline included, from the state's standard input (the reader
    /// `io.read` uses, so a host's prompt loop and scripts share buffered input); 0 at
    /// the end.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.set_stdin(std::io::Cursor::new("a\nb"));
    /// let mut line = Vec::new();
    /// assert_eq!(lua.read_stdin_line(&mut line).unwrap(), 2);
    /// assert_eq!(line, b"a\n");
    /// ```
    pub fn read_stdin_line(&mut self, line: &mut Vec<u8>) -> std::io::Result<usize> {
        self.state().read_stdin_line(line)
    }

    /// What `io.stderr:write` writes to (with [`crate::Libs::IO`]).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::with_libs(moonlet::Libs::IO);
    /// let errors = moonlet::PrintBuffer::default();
    /// lua.set_stderr(errors.clone());
    /// lua.load("io.stderr:write('oops')").exec().unwrap();
    /// assert_eq!(errors.take(), b"oops");
    /// ```
    pub fn set_stderr(&mut self, err: impl Write + Send + 'static) {
        self.state().set_stderr(Box::new(err));
    }

    /// Where `require` finds modules after `package.preload` (and, with
    /// [`crate::Libs::FILES`], after `package.path`): `loader(name)` gives a module's
    /// source, which `require` compiles and runs as Lua runs a module file.
    ///
    /// ```
    /// use moonlet::ModuleSource;
    /// let mut lua = moonlet::Lua::new();
    /// lua.set_module_loader(|name: &str| {
    ///     (name == "greet").then(|| ModuleSource {
    ///         name: "greet.lua".to_owned(),
    ///         source: b"return { hello = function() return 'hi' end }".to_vec(),
    ///     })
    /// });
    /// assert_eq!(lua.load("return require('greet').hello()").eval::<String>().unwrap(), "hi");
    /// ```
    pub fn set_module_loader(&mut self, loader: impl FnMut(&str) -> Option<ModuleSource> + Send + 'static) {
        self.state().set_module_loader(Box::new(loader));
    }

    /// Reads and compiles a Lua file as `loadfile` does: a byte-order mark and a first
    /// line starting with `#` are skipped, messages name the chunk by its path, and
    /// `None` reads the state's standard input (chunk `stdin`). A file that cannot be
    /// read is [`Error::External`] with an `std::io::Error` worded as `lua` words it
    /// (`cannot open x.lua: No such file or directory`); code that does not compile is
    /// [`Error::Syntax`].
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("moonlet-doc-{}.lua", std::process::id()));
    /// std::fs::write(&path, "#!/usr/bin/env moonlet\nreturn 1 + ...").unwrap();
    /// let mut lua = moonlet::Lua::new();
    /// let f = lua.load_file(path.to_str()).unwrap();
    /// assert_eq!(f.call::<i64>(&mut lua, 41).unwrap(), 42);
    /// let _ = std::fs::remove_file(&path);
    ///
    /// let err = lua.load_file(Some("no/such/file.lua")).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot open no/such/file.lua: No such file or directory");
    /// ```
    pub fn load_file(&mut self, path: Option<&str>) -> Result<Function> {
        match self.state().load_file(path) {
            Ok(function) => Ok(Function(Handle(function))),
            Err(error) => {
                let message = error.message;
                // The VM's I/O failures are worded `cannot open|read NAME: reason`; a
                // syntax error starts with the chunk's name instead.
                let name = path.unwrap_or("stdin");
                let kind = if message.starts_with(&format!("cannot open {name}: ")) {
                    Some(std::io::ErrorKind::NotFound)
                } else if message.starts_with(&format!("cannot read {name}: ")) {
                    Some(std::io::ErrorKind::Other)
                } else {
                    None
                };
                Err(match kind {
                    Some(kind) => Error::external(std::io::Error::new(kind, message)),
                    None => Error::Syntax { message },
                })
            }
        }
    }

    /// `tostring(value)` as Lua gives it (through `__tostring` and `__name`, so Lua code
    /// may run): `1.0` for a float one, `table: 0x…` for a table.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// assert_eq!(lua.tostring(&moonlet::Value::Number(1.0)).unwrap().to_str(), Some("1.0"));
    /// let v = lua.load("return setmetatable({}, { __tostring = function() return 'point' end })").eval().unwrap();
    /// assert_eq!(lua.tostring(&v).unwrap().to_str(), Some("point"));
    /// ```
    pub fn tostring(&mut self, value: &Value) -> Result<LuaString> {
        match self.state().tostring(&value.to_held()) {
            Ok(bytes) => Ok(LuaString(bytes)),
            Err(e) => Err(self.runtime_error(e)),
        }
    }

    /// Calls `function` as the `lua` command runs a chunk: an uncaught error comes back
    /// as `lua` reports it. Its message is the error value as text (through
    /// `__tostring` for an object that has one, `(error object is a nil value)` for
    /// one that has none) and its traceback is there except for an object with
    /// `__tostring`, which `lua` prints alone.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let f = lua.load("error(setmetatable({}, { __tostring = function() return 'custom' end }))").into_function().unwrap();
    /// let err = lua.call_as_script(&f, ()).unwrap_err();
    /// assert_eq!((err.to_string().as_str(), err.traceback()), ("custom", None));
    /// let f = lua.load("error({})").into_function().unwrap();
    /// let err = lua.call_as_script(&f, ()).unwrap_err();
    /// assert_eq!(err.to_string(), "(error object is a table value)");
    /// assert!(err.traceback().unwrap().starts_with("stack traceback:"));
    /// let f = lua.load("return ...").into_function().unwrap();
    /// assert_eq!(lua.call_as_script(&f, (1, 2)).unwrap().0.len(), 2);
    /// ```
    pub fn call_as_script(&mut self, function: &Function, args: impl IntoLuaMulti) -> Result<MultiValue> {
        let args = args.into_lua_multi(self)?;
        let error = match self.run_vm(&function.0 .0, &args) {
            Ok(results) => return Ok(MultiValue(results.into_iter().map(Value::from_held).collect())),
            Err(error) => error,
        };
        let plain = matches!(error.value, HeldValue::Str(_) | HeldValue::Int(_) | HeldValue::Float(_));
        let described = error.described;
        let shown = |traceback: Option<String>| match (plain, described) {
            (true, _) => traceback,
            (false, true) => None,
            (false, false) => Some(traceback.unwrap_or_else(|| EMPTY_TRACEBACK.to_owned())),
        };
        Err(match self.runtime_error(error) {
            Error::Runtime { message, traceback } => Error::Runtime { message, traceback: shown(traceback) },
            Error::Callback { message, traceback, source } => {
                Error::Callback { message, traceback: shown(traceback), source }
            }
            other => other,
        })
    }
}
