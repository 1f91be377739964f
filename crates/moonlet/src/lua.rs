//! The state a host embeds: [`Lua`] (which owns it) and [`Ctx`] (what host code does with
//! it: loading code ([`Chunk`]), globals, host functions, where `print` goes).
//!
//! Owns the two types and their link to the VM. A `Lua` owns a `moonlet_vm::OwnedState`
//! and dereferences to a `Ctx`; a host function called from a script gets `&mut Ctx` for
//! the state it runs in. `Ctx` is unsized (`repr(transparent)` over the VM's unsized
//! `State`), so a host function cannot replace, move, drop or close the state under the
//! script that called it: `*ctx = …` does not compile. The embedding layer's own state
//! (the `_io` table, `_home`'s store, the last host error) lives in the VM's embedder
//! slot, typed as [`Embedder`]. It must not reach into the interpreter: everything goes
//! through the VM's public API.

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use moonlet_vm::{HeldValue, HostFnError, OwnedState, Ref, RunError, State};

use crate::convert::{FromLua, FromLuaMulti, IntoLua, IntoLuaMulti};
use crate::error::{Error, HostError, Result};
use crate::value::{Function, Table, Value};

pub use moonlet_vm::{Libs, Limits};

/// A Lua 5.4 state: globals, the heap, the `_io` and `_home` external tables.
///
/// `Lua::new()` opens the sandboxed libraries (no files, no processes, `debug.traceback`
/// only); [`Lua::with_libs`] adds what the host opts into. A `Lua` is `Send`: it can move
/// to another thread, and many states can run on many threads at once.
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// lua.globals().set(&mut lua, "n", 20).unwrap();
/// let sum: i64 = lua.load("local s = 0 for i = 1, n do s = s + i end return s").eval().unwrap();
/// assert_eq!(sum, 210);
/// assert_eq!(lua.printed(), "");
/// ```
///
/// Everything but making and closing a state is a method of [`Ctx`], which a `Lua`
/// dereferences to (and which host functions receive).
pub struct Lua {
    state: OwnedState,
}

/// What host code may do with a Lua state: a [`Lua`] dereferences to one, and a host
/// function made with [`Ctx::create_function`] gets `&mut Ctx` for the state that calls
/// it. A context cannot be replaced, moved or closed: it is unsized, so the state a
/// script runs in stays in place under it.
///
/// The program below (a host function that replaces the state running it, which
/// freed the state under the running script) does not compile: the function gets a
/// `&mut Ctx`, not the `Lua`.
///
/// ```compile_fail,E0631
/// use moonlet::Lua;
/// let mut lua = Lua::new();
/// let f = lua.create_function(|l: &mut Lua, ()| { *l = Lua::new(); Ok(()) }).unwrap();
/// let g = lua.globals();
/// g.set(&mut lua, "replace", f).unwrap();
/// lua.load("local t = {} for i = 1, 10 do t[i] = {i} end replace() return t[1][1]").eval::<i64>();
/// ```
///
/// Nor does any other way of putting a new state in its place (`Ctx` is unsized):
///
/// ```compile_fail,E0308
/// let mut lua = moonlet::Lua::new();
/// let f = lua.create_function(|l, ()| { *l = moonlet::Lua::new(); Ok(()) }).unwrap();
/// ```
///
/// ```compile_fail,E0277
/// let mut lua = moonlet::Lua::new();
/// let f = lua.create_function(|l, ()| { std::mem::swap(l, &mut moonlet::Lua::new()); Ok(()) });
/// ```
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// let f = lua.create_function(|ctx: &mut moonlet::Ctx, n: i64| {
///     ctx.load("counter = (counter or 0) + 1").exec()?;
///     Ok(n * 2)
/// }).unwrap();
/// lua.globals().set(&mut lua, "double", f).unwrap();
/// assert_eq!(lua.load("return double(21) + counter").eval::<i64>().unwrap(), 43);
/// ```
#[repr(transparent)]
pub struct Ctx {
    state: State,
}

impl std::ops::Deref for Lua {
    type Target = Ctx;
    fn deref(&self) -> &Ctx {
        Ctx::from_state_ref(&self.state)
    }
}

impl std::ops::DerefMut for Lua {
    fn deref_mut(&mut self) -> &mut Ctx {
        Ctx::from_state(&mut self.state)
    }
}

impl Ctx {
    /// The context of the VM state `state`.
    pub(crate) fn from_state(state: &mut State) -> &mut Ctx {
        // SAFETY: `Ctx` is `repr(transparent)` over `State`, an unsized type: a pointer to
        // a `State` is a valid pointer to a `Ctx` with the same metadata, for the same
        // lifetime and with the same exclusive access.
        unsafe { &mut *(std::ptr::from_mut::<State>(state) as *mut Ctx) }
    }

    fn from_state_ref(state: &State) -> &Ctx {
        // SAFETY: as in `from_state`, for a shared reference.
        unsafe { &*(std::ptr::from_ref::<State>(state) as *const Ctx) }
    }

    /// The VM state under this context.
    pub(crate) fn state(&mut self) -> &mut State {
        &mut self.state
    }
}

/// The embedding layer's state inside the VM.
#[derive(Default)]
pub(crate) struct Embedder {
    /// The `_io` table (pinned: scripts may rebind the global, the host keeps its own).
    pub(crate) io: Option<Ref>,
    /// Where `print` writes when the host set no sink.
    pub(crate) printed: PrintBuffer,
    /// The last error a host function returned: chained as `source` if it comes out
    /// of the script unhandled.
    pub(crate) host_error: Option<(String, HostError)>,
    /// `_home`, and its store when the host attached one.
    pub(crate) home: Option<crate::persist::Home>,
}

/// A buffer `print` writes into, shareable with the host (clones share the bytes).
///
/// ```
/// use std::io::Write;
/// let mut buffer = moonlet::PrintBuffer::default();
/// buffer.write_all(b"x").unwrap();
/// assert_eq!(buffer.clone().take(), b"x");
/// assert!(buffer.take().is_empty());
/// ```
#[derive(Clone, Default)]
pub struct PrintBuffer(Arc<Mutex<Vec<u8>>>);

impl PrintBuffer {
    /// Takes what was printed so far.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl Write for PrintBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Default for Lua {
    fn default() -> Lua {
        Lua::new()
    }
}

impl Lua {
    /// A state with the sandboxed libraries: basic, string, table, math, utf8,
    /// coroutine, os (clock, time, date, difftime), `load`, `require` through a host
    /// loader, `ext`, `debug.traceback`; and the `_io` table. `print` writes into a
    /// buffer ([`Ctx::printed`]) until [`Ctx::set_print_sink`] says otherwise.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.load("print('hi', 1.0)").exec().unwrap();
    /// assert_eq!(lua.printed(), "hi\t1.0\n");
    /// ```
    pub fn new() -> Lua {
        Lua::with_libs(Libs::NONE)
    }

    /// A state with the sandboxed libraries plus `libs` (`Libs::ALL` is what the
    /// `moonlet` command gives scripts: stdin/stdout I/O, files for `require`, `debug`).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::with_libs(moonlet::Libs::DEBUG);
    /// let n: i64 = lua.load("return debug.getinfo(1, 'l').currentline").eval().unwrap();
    /// assert_eq!(n, 1);
    /// ```
    pub fn with_libs(libs: Libs) -> Lua {
        let mut state = OwnedState::new();
        state.open_libs(libs);
        let printed = PrintBuffer::default();
        state.set_output(Box::new(printed.clone()));
        *state.embedder() = Some(Box::new(Embedder { printed, ..Embedder::default() }));
        let mut lua = Lua { state };
        let io = lua.io_table();
        lua.set_global_ref("_io", &io);
        let home = lua.home_root();
        lua.set_global_ref("_home", &home);
        lua
    }

    /// Closes the state as `lua_close` does: the finalizers (`__gc`) of every object that
    /// still has one pending run. Dropping a `Lua` does the same; this names it.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let out = moonlet::PrintBuffer::default();
    /// lua.set_print_sink(out.clone());
    /// lua.load("keep = setmetatable({}, { __gc = function() print('bye') end })").exec().unwrap();
    /// lua.close();
    /// assert_eq!(out.take(), b"bye\n");
    /// ```
    pub fn close(self) {
        drop(self);
    }
}

impl Ctx {
    /// The embedding layer's state (made afresh if something replaced it).
    pub(crate) fn embedder(&mut self) -> &mut Embedder {
        let slot = self.state.embedder();
        if !slot.as_ref().is_some_and(|e| e.is::<Embedder>()) {
            *slot = Some(Box::new(Embedder::default()));
        }
        match slot.as_mut().and_then(|e| e.downcast_mut::<Embedder>()) {
            Some(embedder) => embedder,
            // Made just above when it was anything else.
            None => unreachable!("the embedder slot holds an Embedder"),
        }
    }

    /// Sets global `name` to the object `r` (raw).
    pub(crate) fn set_global_ref(&mut self, name: &str, r: &Ref) {
        self.state.scope(|s| {
            if let Ok(value) = s.held(r) {
                s.set_global(name, value);
            }
        });
    }

    /// Sends `print` output (and `io.write` when the host opened `Libs::IO`) to `sink`.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let buffer = moonlet::PrintBuffer::default();
    /// lua.set_print_sink(buffer.clone());
    /// lua.load("print(1 + 1)").exec().unwrap();
    /// assert_eq!(buffer.take(), b"2\n");
    /// ```
    pub fn set_print_sink(&mut self, sink: impl Write + Send + 'static) {
        self.state.set_output(Box::new(sink));
    }

    /// What `print` wrote into the state's own buffer since the last call (empty once a
    /// sink is set).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.load("print('a') print('b')").exec().unwrap();
    /// assert_eq!(lua.printed(), "a\nb\n");
    /// assert_eq!(lua.printed(), "");
    /// ```
    pub fn printed(&mut self) -> String {
        let _ = self.state.flush_output();
        String::from_utf8_lossy(&self.embedder().printed.take()).into_owned()
    }

    /// Prepares `source` to run: name it, then `exec`, `eval` or turn it into a function.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.load("x = 6 * 7").name("setup").exec().unwrap();
    /// let x: i64 = lua.globals().get(&mut lua, "x").unwrap();
    /// assert_eq!(x, 42);
    /// ```
    pub fn load(&mut self, source: impl AsRef<[u8]>) -> Chunk<'_> {
        Chunk { lua: self, source: source.as_ref().to_vec(), name: None }
    }

    /// The table of global variables.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let globals = lua.globals();
    /// globals.set(&mut lua, "greeting", "hello").unwrap();
    /// assert_eq!(lua.load("return greeting").eval::<String>().unwrap(), "hello");
    /// ```
    pub fn globals(&mut self) -> Table {
        Table(self.make_table(|s| s.globals()))
    }

    /// A new, empty Lua table.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let t = lua.create_table();
    /// t.set(&mut lua, 1, "one").unwrap();
    /// assert_eq!(t.len(&mut lua).unwrap(), 1);
    /// ```
    pub fn create_table(&mut self) -> Table {
        Table(self.make_table(|s| s.new_table()))
    }

    /// A new, empty external table (as `ext.table()` makes in Lua): its contents are
    /// plain data the host reads without running code.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let t = lua.create_ext_table();
    /// assert!(t.id(&mut lua).unwrap().is_some());
    /// ```
    pub fn create_ext_table(&mut self) -> Table {
        Table(self.make_table(|s| s.new_ext_table()))
    }

    /// A Lua function running the Rust closure `f`. Its arguments convert from Lua with
    /// [`FromLuaMulti`] (a tuple, one value, or `()`), its results with
    /// [`IntoLuaMulti`]. An `Err` it returns is raised as a Lua error in the script (its
    /// message as the error value); if no script code catches it, the host gets
    /// [`Error::Callback`] with the original error as `source()`.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let add = lua.create_function(|_, (a, b): (i64, i64)| Ok(a + b)).unwrap();
    /// lua.globals().set(&mut lua, "add", add).unwrap();
    /// assert_eq!(lua.load("return add(2, 3)").eval::<i64>().unwrap(), 5);
    /// let err = lua.load("return add(2)").name("main").eval::<i64>().unwrap_err();
    /// assert!(err.to_string().contains("bad argument #2"), "{err}");
    /// ```
    pub fn create_function<A, R, F>(&mut self, f: F) -> Result<Function>
    where
        A: FromLuaMulti,
        R: IntoLuaMulti,
        F: Fn(&mut Ctx, A) -> Result<R> + Send + 'static,
    {
        let host = move |state: &mut State, args: Vec<HeldValue>| -> Result<Vec<HeldValue>, HostFnError> {
            let ctx = Ctx::from_state(state);
            let args = args.into_iter().map(Value::from_held).collect();
            let results = A::from_lua_multi(args, ctx)
                .and_then(|args| f(ctx, args))
                .and_then(|results| results.into_lua_multi(ctx));
            match results {
                Ok(values) => Ok(values.iter().map(Value::to_held).collect()),
                Err(e) => Err(ctx.raise(e)),
            }
        };
        let function = self.state.new_host_function("?", Box::new(host));
        Ok(Function(crate::value::Handle(function)))
    }

    /// A new table (made by `make` in a scope), as a handle.
    fn make_table(
        &mut self,
        make: impl for<'s> FnOnce(&mut moonlet_vm::Scope<'s>) -> moonlet_vm::RawTable<'s>,
    ) -> crate::value::Handle {
        self.state.scope(|s| {
            let table = make(s);
            crate::value::Handle(s.hold_table(table))
        })
    }

    /// How a host function's `Err` is raised in the script: worded and positioned as the
    /// standard library's errors are. The host error is kept so that it can be chained
    /// if the error comes back out to the host.
    fn raise(&mut self, error: Error) -> HostFnError {
        let text = match &error {
            // Argument errors read as the standard library's (`bad argument #2 to 'f'`).
            Error::BadArgument { position, message } => self.state.bad_argument_text(*position, message),
            // Positioned at the calling line, as `luaL_error` in a C function.
            other => self.state.error_text(&other.to_string()),
        };
        let source: HostError = match error {
            Error::External(e) => e,
            other => Box::new(other),
        };
        self.embedder().host_error = Some((text.clone(), source));
        HostFnError::Value(HeldValue::Str(text.into_bytes()))
    }

    /// The host form of an error coming out of the VM.
    pub(crate) fn runtime_error(&mut self, error: RunError) -> Error {
        let RunError { message, traceback, limit, .. } = error;
        if let Some(limit) = limit {
            return Error::Limit { limit, message, traceback };
        }
        match self.embedder().host_error.take() {
            Some((text, source)) if text == message => Error::Callback { message, traceback, source },
            _ => Error::Runtime { message, traceback },
        }
    }

    /// Calls a VM function with host arguments; the results as host values.
    pub(crate) fn call_vm(&mut self, func: &Ref, args: Vec<Value>) -> Result<Vec<Value>> {
        match self.run_vm(func, &args) {
            Ok(results) => Ok(results.into_iter().map(Value::from_held).collect()),
            Err(e) => Err(self.runtime_error(e)),
        }
    }

    /// Calls a VM function with host arguments as a run of the host's: the VM's results
    /// or its error.
    pub(crate) fn run_vm(&mut self, func: &Ref, args: &[Value]) -> Result<Vec<HeldValue>, RunError> {
        let args: Vec<HeldValue> = args.iter().map(Value::to_held).collect();
        self.embedder().host_error = None;
        // A run the host starts gets a fresh budget; a call from inside a host function
        // goes on with the budget of the run it is part of.
        if !self.state.is_running() {
            self.state.start_limits();
        }
        self.state.call(func, &args)
    }

    /// Caps what each run (each `exec`, `eval`, `compute`, function call... the host
    /// starts) may use: instructions, heap bytes, wall time. Going past one is
    /// [`Error::Limit`]; scripts cannot catch it (`pcall` lets it through) and the state
    /// stays usable for the next run.
    ///
    /// ```
    /// use moonlet::{Error, Limits, Lua};
    /// let mut lua = Lua::new();
    /// lua.set_limits(Limits { instructions: Some(100_000), ..Limits::default() });
    /// let err = lua.load("while true do pcall(function() end) end").exec().unwrap_err();
    /// assert!(matches!(err, Error::Limit { limit: "instruction limit exceeded", .. }));
    /// assert_eq!(lua.load("return 1 + 1").eval::<i64>().unwrap(), 2);
    /// ```
    pub fn set_limits(&mut self, limits: Limits) {
        self.state.set_limits(limits);
    }

    /// Runs a full garbage collection.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.load("local t = {} for i = 1, 1000 do t[i] = {} end").exec().unwrap();
    /// lua.collect_garbage();
    /// ```
    pub fn collect_garbage(&mut self) {
        self.state.collect();
    }

    /// Converts a host value into a Lua value of this state.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let v = lua.to_value(vec![1, 2, 3]).unwrap();
    /// assert_eq!(v.type_name(), "table");
    /// ```
    pub fn to_value(&mut self, value: impl IntoLua) -> Result<Value> {
        value.into_lua(self)
    }

    /// Converts a Lua value into a host type.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let v = lua.load("return {1, 2, 3}").eval::<moonlet::Value>().unwrap();
    /// let numbers: Vec<i64> = lua.from_value(v).unwrap();
    /// assert_eq!(numbers, [1, 2, 3]);
    /// ```
    pub fn from_value<T: FromLua>(&mut self, value: Value) -> Result<T> {
        T::from_lua(value, self)
    }
}

/// Source text on its way to running: see [`Ctx::load`].
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// let chunk: moonlet::Chunk<'_> = lua.load("return ...");
/// assert_eq!(chunk.name("args").eval::<Option<i64>>().unwrap(), None);
/// ```
pub struct Chunk<'lua> {
    lua: &'lua mut Ctx,
    source: Vec<u8>,
    name: Option<String>,
}

impl Chunk<'_> {
    /// The name error messages and tracebacks give the chunk (`name:line:`). Without
    /// one, the chunk is named by its text, as Lua's `load` does
    /// (`[string "x = 1"]:1:`).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let err = lua.load("error('no')").name("job").exec().unwrap_err();
    /// assert_eq!(err.to_string(), "job:1: no");
    /// let err = lua.load("error('no')").exec().unwrap_err();
    /// assert_eq!(err.to_string(), "[string \"error('no')\"]:1: no");
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Compiles the chunk into a function (nothing runs).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let f = lua.load("return 1 + ...").into_function().unwrap();
    /// assert_eq!(f.call::<i64>(&mut lua, 41).unwrap(), 42);
    /// ```
    pub fn into_function(mut self) -> Result<Function> {
        let func = self.compile()?;
        Ok(Function(crate::value::Handle(func)))
    }

    fn compile(&mut self) -> Result<Ref> {
        let chunk_name = match &self.name {
            Some(name) => format!("={name}").into_bytes(),
            None => self.source.clone(),
        };
        // A chunk that does not compile never ran: its error is a syntax error.
        let lua = &mut *self.lua;
        lua.state.load_text(&self.source, &chunk_name).map_err(|e| Error::Syntax { message: e.message })
    }

    /// Runs the chunk, discarding its results.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.load("counter = (counter or 0) + 1").exec().unwrap();
    /// ```
    pub fn exec(self) -> Result<()> {
        self.eval::<()>()
    }

    /// Runs the chunk and converts its results into `R` (one value, a tuple, a `Vec`
    /// of all of them with [`crate::MultiValue`]...).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let (a, b): (i64, String) = lua.load("return 1, 'two'").eval().unwrap();
    /// assert_eq!((a, b.as_str()), (1, "two"));
    /// ```
    pub fn eval<R: FromLuaMulti>(mut self) -> Result<R> {
        let func = self.compile()?;
        let results = self.lua.call_vm(&func, Vec::new())?;
        R::from_lua_multi(results, self.lua)
    }
}

impl Function {
    /// Calls the function with `args` (one value, a tuple or `()`), converting its
    /// results into `R`.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let f: moonlet::Function = lua.load("return function(a, b) return a .. b end").eval().unwrap();
    /// let s: String = f.call(&mut lua, ("moon", "let")).unwrap();
    /// assert_eq!(s, "moonlet");
    /// ```
    pub fn call<R: FromLuaMulti>(&self, lua: &mut Ctx, args: impl IntoLuaMulti) -> Result<R> {
        let args = args.into_lua_multi(lua)?;
        let results = lua.call_vm(&self.0 .0, args)?;
        R::from_lua_multi(results, lua)
    }
}

impl FromLua for Function {
    fn from_lua(value: Value, _: &mut Ctx) -> Result<Function> {
        match value {
            Value::Function(f) => Ok(f),
            other => {
                Err(Error::Conversion { from: other.type_name(), to: "function", message: String::new() })
            }
        }
    }
}

impl IntoLua for Function {
    fn into_lua(self, _: &mut Ctx) -> Result<Value> {
        Ok(Value::Function(self))
    }
}

impl FromLua for Table {
    fn from_lua(value: Value, _: &mut Ctx) -> Result<Table> {
        match value {
            Value::Table(t) => Ok(t),
            other => Err(Error::Conversion { from: other.type_name(), to: "table", message: String::new() }),
        }
    }
}

impl IntoLua for Table {
    fn into_lua(self, _: &mut Ctx) -> Result<Value> {
        Ok(Value::Table(self))
    }
}
