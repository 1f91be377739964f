//! The state as a host sees it: [`OwnedState`], which owns a Lua state, and [`State`],
//! what the host (and every host function called back from a script) may do with it.
//!
//! Owns the public face of the VM and why it is sound. The host never holds a VM
//! value: it holds [`HeldValue`]s and [`Ref`]s (copies and pins), or reads and builds
//! values in a [`Scope`] that runs nothing. A host function gets `&mut State`, which
//! cannot be replaced, moved, dropped or closed: `State` is unsized (a one-element
//! slice of the state, like `Path` over `OsStr`), so `*state = …`, `mem::swap` and
//! `mem::replace` do not compile, and only [`OwnedState`] can close a state (by being
//! dropped). Errors come out as [`RunError`], with their message already text.
//!
//! This module must not give out a `Value`, a `Gc` or anything that points into the
//! heap without a pin.

use std::io::{BufRead, Write};

use moonlet_compiler::Proto;

use crate::error::{HostFnError, LuaError, RunError};
use crate::held::{HeldValue, Ref, WrongState};
use crate::limits::Limits;
use crate::sandbox::{Libs, ModuleLoader};
use crate::scope::Scope;
use crate::value::Value;
use crate::vm::Vm;

/// A Lua state the host owns. Dropping it closes the state as `lua_close` does
/// (pending finalizers run). It dereferences to [`State`], where everything else is.
///
/// ```
/// let mut state = moonlet_vm::OwnedState::new();
/// let f = state.load_text(b"return 6 * 7", b"=answer").unwrap();
/// assert_eq!(state.call(&f, &[]).unwrap(), [moonlet_vm::HeldValue::Int(42)]);
/// ```
pub struct OwnedState {
    vm: Box<Vm>,
}

// SAFETY: an `OwnedState` owns its whole heap: every object pointer inside the VM points
// into objects only this state reaches, and none leaves it through the public API (the
// host holds `Ref`s, which are pin indices with thread-safe bookkeeping, and copies of
// plain data; raw values exist only inside a `Scope`, which borrows the state
// mutably). Everything else the VM stores is `Send` by its type (output sinks, loaders,
// host functions, host data, the embedder slot). So moving an `OwnedState` to another
// thread moves everything that can touch its heap with it; it is not `Sync`, and `&mut`
// access keeps one thread at a time inside it. `State` itself is neither `Send` nor
// `Sync` (the VM's cells), so a host function cannot hand its `&mut State` to another
// thread. Exercised by `tests/host.rs` (`a_state_moves_to_another_thread`).
unsafe impl Send for OwnedState {}

impl OwnedState {
    /// A sandboxed state: the base, string, table, math, utf8, coroutine libraries, the
    /// safe part of `os`, `load` of text, `require` through a host loader, `ext`, and
    /// `debug.traceback`. Printing goes to standard output until
    /// [`State::set_output`] says otherwise.
    pub fn new() -> OwnedState {
        let mut vm = Box::new(Vm::bare());
        crate::stdlib::open(&mut crate::ctx::Ctx::opening(&mut vm));
        OwnedState { vm }
    }
}

impl Default for OwnedState {
    fn default() -> Self {
        OwnedState::new()
    }
}

impl Drop for OwnedState {
    fn drop(&mut self) {
        self.vm.close();
        let _ = self.vm.flush_output();
    }
}

impl std::ops::Deref for OwnedState {
    type Target = State;
    fn deref(&self) -> &State {
        State::from_vm_ref(&self.vm)
    }
}

impl std::ops::DerefMut for OwnedState {
    fn deref_mut(&mut self) -> &mut State {
        State::from_vm(&mut self.vm)
    }
}

/// What a host may do with a Lua state: through an [`OwnedState`], or in a host
/// function called back from a script (which gets `&mut State` and cannot replace,
/// move or close it).
///
/// ```compile_fail
/// // A host function cannot replace the state it runs in: `State` is unsized.
/// fn replace(state: &mut moonlet_vm::State) {
///     *state = *moonlet_vm::OwnedState::new();
/// }
/// ```
#[repr(transparent)]
pub struct State {
    /// Always exactly one: the slice only makes the type unsized.
    vm: [Vm],
}

impl State {
    /// The state of `vm`, as host code sees it.
    pub(crate) fn from_vm(vm: &mut Vm) -> &mut State {
        let one: &mut [Vm] = std::slice::from_mut(vm);
        // SAFETY: `State` is `repr(transparent)` over `[Vm]`, so a pointer to a slice of
        // `Vm` is a valid pointer to a `State` with the same metadata (a length of 1),
        // for the same lifetime and with the same exclusive access.
        unsafe { &mut *(std::ptr::from_mut::<[Vm]>(one) as *mut State) }
    }

    fn from_vm_ref(vm: &Vm) -> &State {
        let one: &[Vm] = std::slice::from_ref(vm);
        // SAFETY: as in `from_vm`, for a shared reference.
        unsafe { &*(std::ptr::from_ref::<[Vm]>(one) as *const State) }
    }

    fn vm(&mut self) -> &mut Vm {
        // Index 0 exists: a `State` is only ever made from a one-element slice.
        &mut self.vm[0]
    }

    fn vm_ref(&self) -> &Vm {
        &self.vm[0]
    }

    // ------------------------------------------------------------ configuration

    /// Opens optional libraries on top of the sandbox (see [`Libs`]). Opening
    /// [`Libs::IO`] connects `io.read` to the process's standard input
    /// ([`State::set_stdin`] afterwards replaces it). Opening a library twice is harmless.
    pub fn open_libs(&mut self, libs: Libs) {
        let vm = self.vm();
        let new = Libs(libs.0 & !vm.host.libs.0);
        vm.host.libs = vm.host.libs | libs;
        if new.contains(Libs::IO) {
            vm.host.stdin = Box::new(std::io::BufReader::new(std::io::stdin()));
        }
        crate::stdlib::open_optional(&mut crate::ctx::Ctx::opening(vm), new);
    }

    /// The optional libraries opened so far.
    pub fn libs(&self) -> Libs {
        self.vm_ref().host.libs
    }

    /// Sends `print` output (and `io.write` with [`Libs::IO`]) to `out`.
    pub fn set_output(&mut self, out: Box<dyn Write + Send>) {
        self.vm().set_output(out);
    }

    /// Flushes `print`'s sink.
    pub fn flush_output(&mut self) -> std::io::Result<()> {
        self.vm().flush_output()
    }

    /// What `io.read` and `io.lines()` read from.
    pub fn set_stdin(&mut self, input: Box<dyn BufRead + Send>) {
        self.vm().set_stdin(input);
    }

    /// Reads a line (with its newline) from the state's standard input, the reader
    /// `io.read` uses: for a host's own prompt loop that shares input with scripts.
    pub fn read_stdin_line(&mut self, line: &mut Vec<u8>) -> std::io::Result<usize> {
        self.vm().read_stdin_line(line)
    }

    /// What `io.stderr:write` writes to.
    pub fn set_stderr(&mut self, err: Box<dyn Write + Send>) {
        self.vm().set_stderr(err);
    }

    /// The loader `require` consults after `package.preload` (and, with
    /// [`Libs::FILES`], after `package.path`): it returns a module's source, which
    /// `require` compiles and runs as Lua does a module file.
    ///
    /// ```
    /// use moonlet_vm::{HeldValue, ModuleSource, OwnedState};
    /// let mut state = OwnedState::new();
    /// state.set_module_loader(Box::new(|name: &str| {
    ///     (name == "greet").then(|| ModuleSource {
    ///         name: "greet.lua".to_owned(),
    ///         source: b"return { hello = function() return 'hi' end }".to_vec(),
    ///     })
    /// }));
    /// let f = state.load_text(b"return require('greet').hello()", b"=t").unwrap();
    /// assert_eq!(state.call(&f, &[]).unwrap(), [HeldValue::Str(b"hi".to_vec())]);
    /// ```
    pub fn set_module_loader(&mut self, loader: ModuleLoader) {
        let vm = self.vm();
        vm.host.loader = Some(loader);
        crate::stdlib::package::loader_changed(&mut crate::ctx::Ctx::opening(vm));
    }

    /// The slot where the embedding layer keeps its own state (the `moonlet` crate's
    /// `_io` and `_home`); the VM never looks inside.
    pub fn embedder(&mut self) -> &mut Option<Box<dyn std::any::Any + Send>> {
        &mut self.vm().embedder
    }

    // ------------------------------------------------------------ limits and memory

    /// Sets the limits of every run from now on, and starts a run's budget.
    ///
    /// ```
    /// use moonlet_vm::{Limits, OwnedState};
    /// let mut state = OwnedState::new();
    /// state.set_limits(Limits { instructions: Some(10_000), ..Limits::default() });
    /// let f = state.load_text(b"while true do end", b"=spin").unwrap();
    /// let err = state.call(&f, &[]).unwrap_err();
    /// assert_eq!(err.limit, Some("instruction limit exceeded"));
    /// ```
    pub fn set_limits(&mut self, limits: Limits) {
        self.vm().set_limits(limits);
    }

    /// Starts a new run's budget: the instruction count and the clock start again and
    /// a limit hit before is forgotten.
    pub fn start_limits(&mut self) {
        self.vm().start_limits();
    }

    /// The limit this run hit, if any.
    pub fn limit_exceeded(&self) -> Option<&'static str> {
        self.vm_ref().limit_exceeded()
    }

    /// Whether code is running (the host is called back from a script).
    pub fn is_running(&self) -> bool {
        self.vm_ref().is_running()
    }

    /// A full garbage collection.
    pub fn collect(&mut self) {
        self.vm().collect();
    }

    /// Kilobytes in use, as `collectgarbage("count")` reports them.
    pub fn memory_kb(&self) -> f64 {
        self.vm_ref().memory_kb()
    }

    // ------------------------------------------------------------ code

    /// Compiles Lua source text into a function, as Lua's `luaL_loadbuffer`.
    /// `chunk_name` follows Lua's convention (`=name` shown as is, `@file` a file name,
    /// anything else source text, see [`crate::chunk_id`]). A syntax error's message is
    /// Lua's (`[string "x ="]:1: unexpected symbol near <eof>`).
    pub fn load_text(&mut self, source: &[u8], chunk_name: &[u8]) -> Result<Ref, RunError> {
        let loaded = self.vm().load_text(source, chunk_name);
        self.function_ref(loaded)
    }

    /// Reads and compiles a Lua file as `loadfile` does (a first `#` line is skipped);
    /// `None` reads the state's standard input (`=stdin`). A missing file is `cannot
    /// open path: No such file or directory`.
    pub fn load_file(&mut self, path: Option<&str>) -> Result<Ref, RunError> {
        let loaded = self.vm().load_file(path);
        self.function_ref(loaded)
    }

    /// Turns a compiled chunk into a function (its `_ENV` is the globals). The prototype
    /// is verified first (the interpreter trusts verified code's operands), so a
    /// hand-made prototype the verifier refuses is an error, not undefined behaviour.
    pub fn load_proto(&mut self, proto: Proto) -> Result<Ref, RunError> {
        let loaded = self.vm().load_proto(proto);
        self.function_ref(loaded)
    }

    fn function_ref(&mut self, loaded: Result<Value, LuaError>) -> Result<Ref, RunError> {
        match loaded {
            Ok(Value::Function(function)) => Ok(self.vm().hold_function(function)),
            Ok(_) => Err(RunError::text("not a function")),
            Err(error) => Err(self.run_error(error)),
        }
    }

    /// Calls `func` with `args`: its results, or the error it raised.
    pub fn call(&mut self, func: &Ref, args: &[HeldValue]) -> Result<Vec<HeldValue>, RunError> {
        let vm = self.vm();
        let func = vm.held_object(func).map_err(|_| RunError::wrong_state())?;
        let mut values = Vec::with_capacity(args.len());
        for arg in args {
            values.push(vm.unhold(arg).map_err(|_| RunError::wrong_state())?);
        }
        match vm.call(func, &values) {
            Ok(results) => Ok(results.into_iter().map(|v| vm.hold(v)).collect()),
            Err(error) => Err(self.run_error(error)),
        }
    }

    /// A Lua function that runs `func` (see [`HostFn`]); `name` is what argument
    /// errors and tracebacks call it when the call site gives no name.
    ///
    /// ```
    /// use moonlet_vm::{HeldValue, OwnedState};
    /// let mut state = OwnedState::new();
    /// let double = state.new_host_function("double", Box::new(|_, args| match args.first() {
    ///     Some(HeldValue::Int(n)) => Ok(vec![HeldValue::Int(n * 2)]),
    ///     _ => Err(moonlet_vm::HostFnError::BadArgument { position: 1, message: "number expected".into() }),
    /// }));
    /// let f = state.load_text(b"local double = ... return double(21)", b"=t").unwrap();
    /// assert_eq!(state.call(&f, &[HeldValue::Function(double)]).unwrap(), [HeldValue::Int(42)]);
    /// ```
    pub fn new_host_function(&mut self, name: &'static str, func: Box<HostFn>) -> Ref {
        let vm = self.vm();
        let function = vm.new_host_function(name, func);
        vm.hold_function(function)
    }

    /// The message of `bad argument #position to 'name' (message)` as the standard
    /// library raises it from the running function (named as its call site names it),
    /// for a host function to raise (with [`HostFnError::Value`]).
    pub fn bad_argument_text(&mut self, position: usize, message: &str) -> String {
        let error = self.vm().argument_error(position, message);
        error.to_string()
    }

    /// `message` positioned as `luaL_error` positions it (`chunk:line: message`, at the
    /// line of the Lua function that called the running function).
    pub fn error_text(&mut self, message: &str) -> String {
        let error = self.vm().lib_error(message);
        error.to_string()
    }

    /// `tostring(value)` as Lua gives it (through `__tostring` and `__name`, so Lua code
    /// may run).
    pub fn tostring(&mut self, value: &HeldValue) -> Result<Vec<u8>, RunError> {
        let vm = self.vm();
        let value = vm.unhold(value).map_err(|_| RunError::wrong_state())?;
        match vm.tostring(value) {
            Ok(Value::Str(s)) => Ok(s.as_bytes().to_vec()),
            Ok(_) => Ok(Vec::new()),
            Err(error) => Err(self.run_error(error)),
        }
    }

    /// `stack traceback:` and the levels of the running thread, as `lua` prints it.
    pub fn traceback(&mut self) -> String {
        self.vm().traceback()
    }

    /// Reads and builds values in place: `f` gets a [`Scope`] in which nothing runs and
    /// nothing is collected, and whose values cannot leave it (see `scope.rs`).
    ///
    /// ```
    /// use moonlet_vm::{OwnedState, Raw};
    /// let mut state = OwnedState::new();
    /// let f = state.load_text(b"return { 1, 2, 3, x = 'y' }", b"=t").unwrap();
    /// let moonlet_vm::HeldValue::Table(t) = &state.call(&f, &[]).unwrap()[0] else { panic!() };
    /// let sum = state.scope(|s| {
    ///     let Ok(Raw::Table(t)) = s.held(t) else { return 0 };
    ///     (1..=s.len(t)).map(|i| match s.get(t, Raw::Int(i)) { Raw::Int(n) => n, _ => 0 }).sum()
    /// });
    /// assert_eq!(sum, 6);
    /// ```
    pub fn scope<R>(&mut self, f: impl for<'s> FnOnce(&mut Scope<'s>) -> R) -> R {
        f(&mut Scope::new(self.vm()))
    }

    /// The host form of an error coming out of the VM: its message as `lua` shows it
    /// (strings and numbers as text, objects with `__tostring` through it, others as
    /// `(error object is a X value)`).
    fn run_error(&mut self, error: LuaError) -> RunError {
        let vm = self.vm();
        let value = error.value;
        let plain = matches!(value, Value::Str(_) | Value::Int(_) | Value::Float(_));
        let described = !plain && vm.has_tostring(value);
        let text = |v: Result<Value, LuaError>| match v {
            Ok(Value::Str(s)) => String::from_utf8_lossy(s.as_bytes()).into_owned(),
            _ => String::new(),
        };
        let message = if plain || described {
            let shown = vm.tostring(value);
            text(shown)
        } else {
            format!("(error object is a {} value)", value.type_name())
        };
        RunError {
            message,
            traceback: error.traceback.clone(),
            limit: vm.limit_exceeded(),
            value: vm.hold(value),
            described,
        }
    }
}

#[cfg(test)]
impl Vm {
    /// A state with the sandboxed libraries, for the crate's own tests.
    pub(crate) fn new() -> Vm {
        let mut vm = Vm::bare();
        crate::stdlib::open(&mut crate::ctx::Ctx::opening(&mut vm));
        vm
    }
}

impl RunError {
    fn wrong_state() -> RunError {
        RunError::text(&WrongState.to_string())
    }
}

/// A function the host made: called with the arguments of the call, it returns the
/// results (or an error, raised in the script as [`HostFnError`] says). It gets the
/// state it runs in, which it may use (call Lua, read tables) but not replace.
pub type HostFn = dyn Fn(&mut State, Vec<HeldValue>) -> Result<Vec<HeldValue>, HostFnError> + Send;
