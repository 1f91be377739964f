//! The Lua state: heap, strings, globals, the value stack and the call frames.
//!
//! Owns the machinery of calls (entering a Lua or native function, returning its
//! results, varargs), errors with positions, garbage collection at safe points, and the entry points a host or native function uses to
//! run Lua (`load`, `call`). The instruction semantics are in `interp.rs`; operators and
//! metamethods in `ops.rs`; upvalues and to-be-closed variables in `upvalues.rs`.

use std::io::Write;
use std::sync::Arc;

use moonlet_compiler::Proto;

use crate::error::LuaError;
use crate::function::{FnProto, Function, NativeFn, NativeKind, UpVal};
use crate::gc::{Gc, Heap};
use crate::hook::HookState;
use crate::levels::NativeRecord;
use crate::protect::Protect;
use crate::string::{LuaStr, Strings};
use crate::table::Table;
use crate::thread::{CoStatus, Thread};
use crate::value::Value;

/// Stack slots a state may use (Lua's `LUAI_MAXSTACK`): past it, `stack overflow`.
pub(crate) const MAX_STACK: usize = 1_000_000;
/// Nested native calls (metamethods, `pcall`, …) allowed (Lua's `LUAI_MAXCCALLS`).
pub(crate) const MAX_NATIVE_DEPTH: u32 = 200;

/// One active Lua function call.
#[derive(Clone, Copy)]
pub(crate) struct Frame {
    pub(crate) closure: Gc<Function>,
    pub(crate) proto: Gc<FnProto>,
    /// Stack index of register 0.
    pub(crate) base: usize,
    /// Next instruction.
    pub(crate) pc: usize,
    /// Where the results go: the slot that held the called function.
    pub(crate) func_slot: usize,
    /// Results the caller wants (`-1`: all).
    pub(crate) wanted: i32,
    /// The extra arguments of a vararg function start here.
    pub(crate) varargs_start: usize,
    pub(crate) varargs: usize,
    /// `execute` returns to its Rust caller when this frame returns.
    pub(crate) is_entry: bool,
    /// Entered by a tail call (the debug library reports it; its caller is unknown).
    pub(crate) tail_call: bool,
    /// A metamethod called by the caller's current instruction: its first result
    /// completes that instruction when it returns (`Vm::finish_instruction`).
    pub(crate) finish: Finish,
    /// Metamethod frames (`finish`) at and below this one in its thread: with the Rust
    /// re-entries and protected calls, what Lua counts as C calls (`Vm::c_levels`).
    pub(crate) meta_depth: u8,
}

/// What a returning metamethod frame does with its result in its caller.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Finish {
    /// An ordinary call.
    None,
    /// The result completes the interrupted instruction.
    Result,
    /// Its negation does (`a <= b` computed as `not (b < a)`).
    NotResult,
}

/// Interned names the VM looks up often.
pub(crate) struct Names {
    pub(crate) index: Gc<LuaStr>,
    pub(crate) newindex: Gc<LuaStr>,
    pub(crate) call: Gc<LuaStr>,
    pub(crate) tostring: Gc<LuaStr>,
    pub(crate) name: Gc<LuaStr>,
    pub(crate) len: Gc<LuaStr>,
    pub(crate) eq: Gc<LuaStr>,
    pub(crate) lt: Gc<LuaStr>,
    pub(crate) le: Gc<LuaStr>,
    pub(crate) concat: Gc<LuaStr>,
    pub(crate) unm: Gc<LuaStr>,
    pub(crate) bnot: Gc<LuaStr>,
    pub(crate) metatable: Gc<LuaStr>,
    pub(crate) pairs: Gc<LuaStr>,
    pub(crate) close: Gc<LuaStr>,
    pub(crate) gc: Gc<LuaStr>,
    pub(crate) mode: Gc<LuaStr>,
    /// `__add`, `__sub`, … indexed like `ops::ArithOp`.
    pub(crate) arith: Vec<Gc<LuaStr>>,
    /// What `type` returns, by `Value::type_index`.
    pub(crate) types: Vec<Gc<LuaStr>>,
}

/// A Lua state (the host sees it as [`crate::State`]).
pub(crate) struct Vm {
    pub(crate) heap: Heap,
    pub(crate) strings: Strings,
    pub(crate) globals: Gc<Table>,
    /// Library state scripts cannot name (as Lua's registry): `_LOADED` and the like.
    pub(crate) registry: Gc<Table>,
    /// The metatable every string shares (`__index` is the `string` table).
    pub(crate) string_meta: Option<Gc<Table>>,
    pub(crate) stack: Vec<Value>,
    pub(crate) frames: Vec<Frame>,
    /// Open upvalues, by increasing stack index.
    pub(crate) open_upvalues: Vec<Gc<UpVal>>,
    /// End of the values left by the last multi-result instruction.
    pub(crate) top: usize,
    /// Stack slots of the active to-be-closed variables, innermost last.
    pub(crate) tbc: Vec<usize>,
    /// Protected calls in progress, innermost last.
    pub(crate) protected: Vec<Protect>,
    /// Nested `execute` invocations (Rust re-entries) in progress.
    pub(crate) exec_depth: u32,
    /// The running thread, and the main one.
    pub(crate) current: Gc<Thread>,
    pub(crate) main_thread: Gc<Thread>,
    /// Values in flight between coroutines: `resume`'s arguments, `yield`'s values, a
    /// finished coroutine's results.
    pub(crate) yield_values: Vec<Value>,
    /// The last yield signal, kept so that the next yield does not allocate one.
    pub(crate) spare_yield_signal: Option<LuaError>,
    /// Scratch space of `..` (kept to save an allocation per concatenation).
    pub(crate) concat_buffer: Vec<u8>,
    /// A metamethod called now would be for the instruction the innermost Lua frame is
    /// executing, straight from the interpreter loop: it can run as a frame of that loop
    /// (so it may yield) instead of through a Rust call. Set by the interpreter before
    /// its slow paths, cleared by every native and Rust call.
    pub(crate) meta_as_frame: bool,
    /// The last metamethod-frame signal, kept so that the next one does not allocate.
    pub(crate) spare_meta_signal: Option<LuaError>,
    /// The host's resource limits and the budget of the run (`limits.rs`).
    pub(crate) limits: crate::limits::LimitState,
    /// Values the host holds (`Vm::pin`).
    pub(crate) pins: crate::pins::Pins,
    /// What the embedding layer keeps in the state (the `moonlet` crate's `_home`
    /// store and the like); the VM never looks inside.
    pub embedder: Option<Box<dyn std::any::Any + Send>>,
    /// The id of the last external table made.
    pub(crate) next_ext_id: u64,
    /// Tables with weak keys or values (cleared of dead entries at each collection).
    pub(crate) weak_tables: Vec<Gc<Table>>,
    /// Tables whose metatable had `__gc` when it was set, in registration order.
    pub(crate) finalizable: Vec<Gc<Table>>,
    /// The iterator function `ipairs` returns.
    pub(crate) ipairs_step: Value,
    pub(crate) native_depth: u32,
    pub(crate) names: Names,
    /// Where `print` writes.
    pub(crate) out: Box<dyn Write + Send>,
    /// What the host lets scripts reach beyond the sandbox (`stdlib/host.rs`).
    pub(crate) host: crate::sandbox::Host,
    /// What `collectgarbage("incremental"/"generational")` reports as the previous mode.
    pub(crate) gc_mode: &'static str,
    /// The native function running, and how it was called (for `luaL_error`-style
    /// positions and `bad argument … to 'name'`).
    pub(crate) native: NativeCall,
    /// The native functions running on this thread, innermost last (for the debug
    /// library and tracebacks: they have no frame).
    pub(crate) natives: Vec<NativeRecord>,
    /// The running thread's debug hook.
    pub(crate) hook: HookState,
    /// Metatables `debug.setmetatable` gave to nil, booleans, numbers, functions and
    /// threads (indexed by [`Vm::type_meta_index`]).
    pub(crate) type_metas: [Option<Gc<Table>>; 5],
    /// The native function that raised the latest error, with a number errors refer to
    /// it by (`LuaError::raised_by`).
    pub(crate) raiser: (u32, Option<NativeRecord>),
}

/// How the running native function was called.
#[derive(Clone, Copy)]
pub(crate) struct NativeCall {
    /// A native function is running (not a Lua function it called).
    pub(crate) active: bool,
    /// The name its argument errors use.
    pub(crate) name: &'static str,
    /// Called by a Lua function's instruction (its errors get that function's position),
    /// not from Rust (`pcall`, a metamethod, the host).
    pub(crate) from_lua: bool,
    /// Where its results go and how many are wanted (what `coroutine.yield` suspends).
    pub(crate) func_slot: usize,
    pub(crate) wanted: i32,
    /// The native closure's upvalue.
    pub(crate) upvalue: Value,
}

impl NativeCall {
    pub(crate) fn idle() -> NativeCall {
        NativeCall { active: false, name: "?", from_lua: false, func_slot: 0, wanted: 0, upvalue: Value::Nil }
    }
}

/// Who makes a call, which decides how errors in a called native are reported.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CallSite {
    /// A `Call` instruction.
    Lua,
    /// The `TForCall` of a generic `for` (errors name the function `for iterator`).
    ForIterator,
    /// `pcall`/`xpcall` run by the interpreter: the callee's caller is a native function.
    Protected,
    /// A metamethod, called by the VM for the running Lua function's operation.
    Meta,
    /// Rust code: the host, `pcall`, a metamethod.
    Rust,
}

impl Vm {
    /// A state with no library opened, printing to standard output (`state.rs` opens
    /// the libraries onto it).
    pub(crate) fn bare() -> Vm {
        let mut heap = Heap::new();
        let mut strings = Strings::new();
        let globals = heap.alloc(Table::new(0, 64));
        let registry = heap.alloc(Table::new(0, 8));
        let main_thread = heap.alloc(Thread::new(Value::Nil, CoStatus::Running));
        let mut intern = |s: &str| strings.intern(&mut heap, s.as_bytes());
        let arith = crate::ops::ARITH_EVENTS.iter().map(|e| intern(e)).collect();
        let types = crate::value::TYPE_NAMES.iter().map(|t| intern(t)).collect();
        let names = Names {
            index: intern("__index"),
            newindex: intern("__newindex"),
            call: intern("__call"),
            tostring: intern("__tostring"),
            name: intern("__name"),
            len: intern("__len"),
            eq: intern("__eq"),
            lt: intern("__lt"),
            le: intern("__le"),
            concat: intern("__concat"),
            unm: intern("__unm"),
            bnot: intern("__bnot"),
            metatable: intern("__metatable"),
            pairs: intern("__pairs"),
            close: intern("__close"),
            gc: intern("__gc"),
            mode: intern("__mode"),
            arith,
            types,
        };
        Vm {
            heap,
            strings,
            globals,
            registry,
            string_meta: None,
            stack: Vec::with_capacity(1024),
            frames: Vec::new(),
            open_upvalues: Vec::new(),
            top: 0,
            tbc: Vec::new(),
            protected: Vec::new(),
            exec_depth: 0,
            current: main_thread,
            main_thread,
            yield_values: Vec::new(),
            spare_yield_signal: None,
            concat_buffer: Vec::new(),
            meta_as_frame: false,
            spare_meta_signal: None,
            next_ext_id: 0,
            weak_tables: Vec::new(),
            finalizable: Vec::new(),
            ipairs_step: Value::Nil,
            native_depth: 0,
            names,
            out: Box::new(std::io::stdout()),
            host: crate::sandbox::Host::sandbox(),
            gc_mode: "generational",
            native: NativeCall::idle(),
            natives: Vec::new(),
            pins: crate::pins::Pins::new(),
            limits: crate::limits::LimitState::default(),
            embedder: None,
            hook: HookState::default(),
            type_metas: [None; 5],
            raiser: (0, None),
        }
    }

    /// Sends `print` output to `out`.
    pub fn set_output(&mut self, out: Box<dyn Write + Send>) {
        self.out = out;
    }

    /// Interns a string.
    pub fn intern(&mut self, bytes: &[u8]) -> Value {
        Value::Str(self.strings.intern(&mut self.heap, bytes))
    }

    /// A new empty table.
    pub fn new_table(&mut self) -> Gc<Table> {
        self.heap.alloc(Table::new(0, 0))
    }

    /// Sets a global variable.
    pub fn set_global(&mut self, name: &str, value: Value) {
        let key = self.strings.intern(&mut self.heap, name.as_bytes());
        self.globals.set_str(key, value);
    }

    /// The table of global variables.
    pub fn globals_table(&self) -> Gc<Table> {
        self.globals
    }

    /// A function running the host closure `func` (see [`crate::function::HostFn`]).
    pub(crate) fn new_host_function(
        &mut self,
        name: &'static str,
        func: Box<crate::state::HostFn>,
    ) -> Gc<Function> {
        self.heap.alloc(Function::host(name, func))
    }

    /// `luaL_argerror` for the native function running: `bad argument #n to 'name'
    /// (message)`, named as the call site names it.
    pub fn argument_error(&mut self, n: usize, message: &str) -> LuaError {
        let name = self.native_name();
        self.arg_error(n, name, message)
    }

    /// `bad argument #n to 'name' (message)`, as `luaL_argerror` words it: called by a Lua
    /// function, the function goes by the name of the call (`f` in `local f = string.rep;
    /// f()`), and in a method call (`s:rep()`) `self` is not counted (`calling 'rep' on
    /// bad self` when it is the bad one).
    pub(crate) fn arg_error(&mut self, n: usize, name: &str, message: &str) -> LuaError {
        let native = self.native_name();
        if native == "for iterator" {
            return self.lib_error(&format!("bad argument #{n} to '{native}' ({message})"));
        }
        match self.call_site_name() {
            Some(("method", called)) => {
                if n <= 1 {
                    return self.lib_error(&format!("calling '{called}' on bad self ({message})"));
                }
                self.lib_error(&format!("bad argument #{} to '{called}' ({message})", n - 1))
            }
            Some((_, called)) => self.lib_error(&format!("bad argument #{n} to '{called}' ({message})")),
            None => {
                // Called from a native function (`pcall`), a library function goes by its
                // qualified name.
                let qualified = !self.native.from_lua && native.ends_with(name) && native.contains('.');
                let name = if qualified { native } else { name };
                self.lib_error(&format!("bad argument #{n} to '{name}' ({message})"))
            }
        }
    }

    /// How the Lua function calling the running native function names it: the kind and
    /// name of the register its `Call` instruction calls (`("method", "rep")`), if any.
    fn call_site_name(&self) -> Option<(&'static str, String)> {
        if !self.native.from_lua {
            return None;
        }
        let frame = self.frames.last()?;
        let pc = frame.pc.checked_sub(1)?;
        let instr = *frame.proto.proto.code.get(pc)?;
        let reg = self.native.func_slot.checked_sub(frame.base)?;
        if !matches!(instr.op(), moonlet_compiler::OpCode::Call | moonlet_compiler::OpCode::TailCall)
            || instr.a() != reg
        {
            return None;
        }
        crate::debuginfo::register_name(&frame.proto, pc, reg)
    }

    /// Whether code is running (the host is called back from a script).
    pub fn is_running(&self) -> bool {
        !self.frames.is_empty() || self.exec_depth > 0
    }

    /// Flushes `print`'s sink.
    pub fn flush_output(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    /// Registers a native function as a global.
    pub(crate) fn register(&mut self, name: &'static str, func: NativeFn) {
        let f = self.heap.alloc(Function::native(name, func));
        self.set_global(name, Value::Function(f));
    }

    /// Turns a compiled chunk into a function value (its `_ENV` upvalue is the globals).
    /// The prototype is verified first: the interpreter trusts verified code's operands.
    pub fn load_proto(&mut self, proto: Proto) -> Result<Value, LuaError> {
        if let Err(e) = moonlet_compiler::verify(&proto) {
            return Err(LuaError::new(self.intern(e.to_string().as_bytes())));
        }
        let proto = FnProto::load(&mut self.heap, &mut self.strings, Arc::new(proto));
        let env = self.heap.alloc(UpVal::closed(Value::Table(self.globals)));
        let upvalues: crate::function::Upvalues =
            (0..proto.proto.upvalues.len()).map(|_| std::cell::Cell::new(env)).collect();
        Ok(Value::Function(self.heap.alloc(Function::Lua { proto, upvalues })))
    }

    // ------------------------------------------------------------------ native helpers

    /// A runtime error of an operation, as `luaG_runerror` makes it: `chunk:line:` of the
    /// running function when that is a Lua function (none inside a native function).
    pub fn error(&mut self, message: &str) -> LuaError {
        self.positioned_error(message, !self.native.active)
    }

    /// An error raised by a library function, as `luaL_error` makes it: `chunk:line:` of
    /// the Lua function that called it (none if a native function such as `pcall` did).
    pub fn lib_error(&mut self, message: &str) -> LuaError {
        self.positioned_error(message, !self.native.active || self.native.from_lua)
    }

    fn positioned_error(&mut self, message: &str, positioned: bool) -> LuaError {
        let text = match self.position(0).filter(|_| positioned) {
            Some(position) => format!("{position} {message}"),
            None => message.to_owned(),
        };
        LuaError::new(self.intern(text.as_bytes()))
    }

    /// The name argument errors of the running native use.
    pub(crate) fn native_name(&self) -> &'static str {
        self.native.name
    }

    /// `chunk:line:` for `error(msg, level)`, as `luaL_where` finds it: level 0 is `error`
    /// itself, 1 the function that called it, each further level its caller, counting
    /// native functions (`pcall`, `table.sort`) as levels of their own, without a
    /// position (see `levels.rs`).
    pub(crate) fn error_position(&self, level: i64) -> Option<String> {
        let level = usize::try_from(level).ok().filter(|&l| l > 0)?;
        let index = self.with_stack(None, |view| match view.levels().get(level) {
            Some(&crate::levels::Level::Lua(index)) => Some(index),
            _ => None,
        })?;
        self.position(self.frames.len().checked_sub(index + 1)?)
    }

    /// `chunk:line:` of the Lua frame `level` frames below the innermost (0: innermost).
    pub(crate) fn position(&self, level: usize) -> Option<String> {
        let frame = self.frames.len().checked_sub(level.checked_add(1)?).and_then(|i| self.frames.get(i))?;
        let proto = &frame.proto.proto;
        let line = proto.lines.get(frame.pc.saturating_sub(1)).copied().unwrap_or(0);
        Some(format!("{}:{line}:", proto.source))
    }

    // ------------------------------------------------------------------ the stack

    /// Makes the stack at least `len` slots long.
    #[inline]
    pub(crate) fn ensure_stack(&mut self, len: usize) -> Result<(), LuaError> {
        if len <= self.stack.len() {
            return Ok(());
        }
        self.grow_stack(len)
    }

    #[cold]
    #[inline(never)]
    fn grow_stack(&mut self, len: usize) -> Result<(), LuaError> {
        if len > MAX_STACK {
            return Err(self.error("stack overflow"));
        }
        self.stack.resize(len, Value::Nil);
        Ok(())
    }

    /// `attempt to call a nil value (global 'f')` for the value in `func_slot`, called
    /// from `site` (only a Lua caller gives the error a position and a variable name).
    pub(crate) fn call_error(&mut self, func_slot: usize, site: CallSite) -> LuaError {
        let value = self.stack.get(func_slot).copied().unwrap_or(Value::Nil);
        let who = match self.frames.last() {
            Some(frame) if func_slot >= frame.base && site == CallSite::Lua => {
                crate::ops::Operand::Reg(func_slot - frame.base)
            }
            _ => crate::ops::Operand::Anonymous,
        };
        let kind = if site == CallSite::ForIterator {
            " (for iterator 'for iterator')".to_owned()
        } else {
            self.describe(who)
        };
        let message = format!("attempt to call a {} value{kind}", self.type_name_of(value));
        self.positioned_error(&message, matches!(site, CallSite::Lua | CallSite::ForIterator))
    }

    // ------------------------------------------------------------------ calls

    /// Starts the call of the value in `func_slot` with the `nargs` values above it.
    /// A Lua function gets a frame (the interpreter continues in it); a native function
    /// runs to completion and its results are placed at `func_slot`. Returns whether a
    /// Lua frame was pushed.
    pub(crate) fn precall(
        &mut self,
        func_slot: usize,
        nargs: usize,
        wanted: i32,
        site: CallSite,
    ) -> Result<bool, LuaError> {
        let mut nargs = nargs;
        let mut callee = self.stack.get(func_slot).copied().unwrap_or(Value::Nil);
        // `__call`: the metamethod is called with the object as its first argument.
        let mut guard = 0;
        let function = loop {
            match callee {
                Value::Function(f) => break f,
                other => {
                    let handler = self.metamethod(other, self.names.call);
                    if handler.is_nil() || guard > 100 {
                        return Err(self.call_error(func_slot, site));
                    }
                    self.ensure_stack(func_slot + nargs + 2)?;
                    self.stack.insert(func_slot, handler);
                    self.stack.truncate(func_slot + nargs + 2);
                    nargs += 1;
                    callee = handler;
                    guard += 1;
                }
            }
        };
        match &*function {
            Function::Lua { proto, .. } => {
                let p = &proto.proto;
                let params = usize::from(p.num_params);
                let size = usize::from(p.max_stack);
                let (base, varargs_start, varargs) = if p.is_vararg {
                    // Extra arguments stay below; the function and its fixed parameters
                    // are copied above them.
                    let extra = nargs.saturating_sub(params);
                    let new_func = func_slot + 1 + nargs;
                    self.ensure_stack(new_func + 1 + size.max(params))?;
                    self.stack[new_func] = self.stack[func_slot];
                    for i in 0..params {
                        self.stack[new_func + 1 + i] =
                            if i < nargs { self.stack[func_slot + 1 + i] } else { Value::Nil };
                    }
                    (new_func + 1, func_slot + 1 + params, extra)
                } else {
                    let base = func_slot + 1;
                    self.ensure_stack(base + size.max(params))?;
                    for i in nargs..params {
                        self.stack[base + i] = Value::Nil;
                    }
                    (base, base, 0)
                };
                let proto = *proto;
                self.frames.push(Frame {
                    closure: function,
                    proto,
                    base,
                    pc: 0,
                    func_slot,
                    wanted,
                    varargs_start,
                    varargs,
                    is_entry: false,
                    tail_call: false,
                    finish: Finish::None,
                    meta_depth: self.frames.last().map_or(0, |f| f.meta_depth),
                });
                Ok(true)
            }
            // From Lua code the interpreter runs `pcall` itself (no Rust frame stays under the
            // protected code); from Rust, `func` does it recursively.
            Function::Native { kind: NativeKind::Pcall | NativeKind::Xpcall, name, .. }
                if matches!(site, CallSite::Lua | CallSite::ForIterator | CallSite::Protected) =>
            {
                let is_xpcall = matches!(&*function, Function::Native { kind: NativeKind::Xpcall, .. });
                self.protected_call(func_slot, nargs, wanted, site, is_xpcall, name)
            }
            Function::Native { func, name, upvalue, .. } => {
                let func = *func;
                let upvalue = *upvalue;
                let name = if site == CallSite::ForIterator { "for iterator" } else { *name };
                if let Some(message) = self.c_stack_full() {
                    return Err(self.error(message));
                }
                self.native_depth += 1;
                let base = func_slot + 1;
                self.stack.truncate(base + nargs);
                self.meta_as_frame = false;
                let from_lua = matches!(site, CallSite::Lua | CallSite::ForIterator | CallSite::Meta);
                let running = NativeCall { active: true, name, from_lua, func_slot, wanted, upvalue };
                let caller = std::mem::replace(&mut self.native, running);
                self.natives.push(NativeRecord { func: function, func_slot, frames: self.frames.len() });
                let mut result = if self.hook.armed {
                    self.hooked_native(func, base, nargs)
                } else {
                    func(&mut crate::ctx::Ctx::new(self, base, nargs))
                };
                // (A hook `func` just set sees its return, as in Lua.)
                if self.hook.armed {
                    if let Ok(count) = result {
                        result = self.native_return_hook(count, base);
                    }
                }
                let record = self.natives.pop();
                self.native = caller;
                self.native_depth -= 1;
                let count = match result {
                    Ok(count) => count,
                    Err(mut error) => {
                        // The innermost native function an error leaves is the one that
                        // raised it: tracebacks show it.
                        if error.raised_by == 0 && !error.yielding {
                            if let Some(record) = record {
                                error.raised_by = self.note_raiser(record);
                            }
                        }
                        return Err(error);
                    }
                };
                let first = self.stack.len().saturating_sub(count);
                self.place_results(first, count, func_slot, wanted)?;
                Ok(false)
            }
        }
    }

    /// What Lua counts as C calls in progress (its `nCcalls`), which may not pass
    /// [`MAX_NATIVE_DEPTH`]: Rust re-entries (native functions running, nested
    /// `execute`s, resumed coroutines), and in the running thread its metamethod frames
    /// and protected calls (each of which lua5.4 runs through a C call).
    pub(crate) fn c_levels(&self) -> u32 {
        let meta = u32::from(self.frames.last().map_or(0, |f| f.meta_depth));
        let protected = u32::try_from(self.protected.len()).unwrap_or(u32::MAX);
        self.native_depth.saturating_add(meta).saturating_add(protected)
    }

    /// Whether one more C level may start, as `luaE_checkcstack` decides: at exactly
    /// [`MAX_NATIVE_DEPTH`] levels `C stack overflow`; past it there is a tenth more room
    /// for handling that error (a message handler, `__close`), then `error in error
    /// handling`.
    pub(crate) fn c_stack_full(&self) -> Option<&'static str> {
        let levels = self.c_levels();
        if levels == MAX_NATIVE_DEPTH {
            Some("C stack overflow")
        } else if levels >= MAX_NATIVE_DEPTH / 10 * 11 {
            Some("error in error handling")
        } else {
            None
        }
    }

    /// Moves `count` results from `first` to `dest`, adjusted to `wanted` (`-1`: all,
    /// setting `top`).
    pub(crate) fn place_results(
        &mut self,
        first: usize,
        count: usize,
        dest: usize,
        wanted: i32,
    ) -> Result<(), LuaError> {
        let keep = if wanted < 0 { count } else { wanted as usize };
        self.ensure_stack(dest + keep)?;
        for i in 0..keep {
            self.stack[dest + i] = if i < count { self.stack[first + i] } else { Value::Nil };
        }
        self.top = dest + keep;
        Ok(())
    }

    /// Calls `func` with `args` from Rust (a native function, a metamethod, the host) and
    /// returns its results.
    pub fn call(&mut self, func: Value, args: &[Value]) -> Result<Vec<Value>, LuaError> {
        self.call_from(func, args, CallSite::Rust)
    }

    /// [`Vm::call`] on behalf of `site`: a metamethod runs as if the Lua function whose
    /// operation triggered it had called it (for error positions and levels).
    pub(crate) fn call_from(
        &mut self,
        func: Value,
        args: &[Value],
        site: CallSite,
    ) -> Result<Vec<Value>, LuaError> {
        let func_slot = self.call_in_place(func, args, site)?;
        let results = self.stack[func_slot.min(self.top)..self.top].to_vec();
        self.stack.truncate(func_slot);
        Ok(results)
    }

    /// Like [`Vm::call_from`], keeping only the first result (a metamethod's), without
    /// collecting the results in a vector.
    pub(crate) fn call_first(
        &mut self,
        func: Value,
        args: &[Value],
        site: CallSite,
    ) -> Result<Value, LuaError> {
        let func_slot = self.call_in_place(func, args, site)?;
        let first = if self.top > func_slot { self.stack[func_slot] } else { Value::Nil };
        self.stack.truncate(func_slot);
        Ok(first)
    }

    /// Calls `func` with `args` pushed above the stack; on success its results are in
    /// `func_slot..top` (the returned `func_slot`), for the caller to take and cut off.
    fn call_in_place(&mut self, func: Value, args: &[Value], site: CallSite) -> Result<usize, LuaError> {
        let func_slot = self.stack.len();
        self.stack.push(func);
        self.stack.extend_from_slice(args);
        let frames = self.frames.len();
        let result = self.call_site_at(func_slot, args.len(), site);
        // Back in Rust code: a metamethod it triggers must be called from Rust.
        self.meta_as_frame = false;
        match result {
            Ok(()) => Ok(func_slot),
            Err(error) if error.yielding => {
                // A yield cannot pass a Rust frame (a metamethod, a sort comparator…).
                self.yield_values.clear();
                let error = self.error("attempt to yield across a C-call boundary");
                Err(self.unwind_with(frames, func_slot, error))
            }
            Err(mut error) => {
                // The outermost call, or one no `pcall` protects (the error will reach
                // the host): record where the error happened before unwinding.
                let unprotected = self.protected.is_empty() && Gc::ptr_eq(self.current, self.main_thread);
                if (self.native_depth == 0 || unprotected) && error.traceback.is_none() {
                    error.traceback = Some(self.error_traceback(&error));
                }
                Err(self.unwind_with(frames, func_slot, error))
            }
        }
    }

    /// Runs the call at `func_slot` to completion; results end at `self.top`.
    pub(crate) fn call_at(&mut self, func_slot: usize, nargs: usize) -> Result<(), LuaError> {
        self.call_site_at(func_slot, nargs, CallSite::Rust)
    }

    fn call_site_at(&mut self, func_slot: usize, nargs: usize, site: CallSite) -> Result<(), LuaError> {
        if let Some(message) = self.c_stack_full() {
            return Err(self.error(message));
        }
        if self.precall(func_slot, nargs, -1, site)? {
            if let Some(frame) = self.frames.last_mut() {
                frame.is_entry = true;
            }
            self.native_depth += 1;
            let caller = std::mem::replace(&mut self.native, NativeCall::idle());
            let result = self.execute();
            self.native = caller;
            self.native_depth -= 1;
            result?;
        }
        Ok(())
    }

    /// After an error: drops the frames above `frames`, closes upvalues of the dropped
    /// stack, and cuts the stack at `stack_len`.
    pub(crate) fn unwind(&mut self, frames: usize, stack_len: usize) {
        self.close_upvalues(stack_len);
        self.frames.truncate(frames);
        self.stack.truncate(stack_len);
    }

    /// After an error caught at `stack_len`: closes the to-be-closed variables above it
    /// with the error object, then unwinds. A `__close` that fails replaces the error.
    pub(crate) fn unwind_with(&mut self, frames: usize, stack_len: usize, error: LuaError) -> LuaError {
        let mut error = error;
        while self.tbc.last().is_some_and(|&slot| slot >= stack_len) {
            if let Err(e) = self.close_tbc(stack_len, error.value) {
                error = e;
            }
        }
        self.unwind(frames, stack_len);
        error
    }
}
