//! The context a native function runs in: everything the standard library may do with
//! the state, and nothing more.
//!
//! A native function (`fn(&mut Ctx) -> Result<usize, LuaError>`) reads its arguments,
//! pushes its results and returns how many, raises errors worded and positioned as
//! Lua's, calls Lua, and creates strings, tables, functions and coroutines, all through
//! a [`Ctx`]. The context holds the state privately: a library cannot reach the value
//! stack, the call frames, the heap, the protected calls or the collector's bookkeeping,
//! so it cannot leave them inconsistent. Values it keeps across a call into Lua must be
//! reachable from the collector's roots (its arguments are; [`Ctx::push`] makes any value
//! so until the native function returns).
//!
//! This module owns that surface; the machinery behind it stays in the core modules
//! (`vm.rs`, `ops.rs`, `levels.rs`, `coroutines.rs`, `loader.rs`, …).

use std::io::Write;

use crate::error::{HostFnError, LuaError};
use crate::function::{Function, NativeFn, NativeKind};
use crate::gc::Gc;
use crate::held::HeldValue;
use crate::levels::StackView;
use crate::ops::Operand;
use crate::sandbox::Host;
use crate::string::LuaStr;
use crate::table::Table;
use crate::thread::Thread;
use crate::value::Value;
use crate::vm::{Names, Vm};

/// The running native function's view of the state: its arguments, its results, and
/// the operations a library may perform.
pub(crate) struct Ctx<'a> {
    vm: &'a mut Vm,
    /// Stack index of the first argument.
    base: usize,
    /// How many arguments there are.
    count: usize,
}

impl<'a> Ctx<'a> {
    /// The context of a native function whose `count` arguments start at stack index
    /// `base` (the core calls this; libraries only receive contexts).
    pub(crate) fn new(vm: &'a mut Vm, base: usize, count: usize) -> Ctx<'a> {
        Ctx { vm, base, count }
    }

    /// A context with no arguments above the current stack, for opening libraries.
    pub(crate) fn opening(vm: &'a mut Vm) -> Ctx<'a> {
        let base = vm.stack.len();
        Ctx { vm, base, count: 0 }
    }

    // ------------------------------------------------------------ arguments, results

    /// How many arguments the function got.
    pub(crate) fn nargs(&self) -> usize {
        self.count
    }

    /// Argument `i` (0-based); nil past the last.
    pub(crate) fn arg(&self, i: usize) -> Value {
        if i < self.count {
            self.vm.stack.get(self.base + i).copied().unwrap_or(Value::Nil)
        } else {
            Value::Nil
        }
    }

    /// The arguments from `from` (0-based) on, copied.
    pub(crate) fn args_from(&self, from: usize) -> Vec<Value> {
        let start = self.base + from.min(self.count);
        self.vm.stack.get(start..self.base + self.count).map(<[Value]>::to_vec).unwrap_or_default()
    }

    /// Pushes a result (or a value to keep reachable while the function runs).
    pub(crate) fn push(&mut self, value: Value) {
        self.vm.stack.push(value);
    }

    /// Pushes every value of `values`.
    pub(crate) fn push_all(&mut self, values: &[Value]) {
        self.vm.stack.extend_from_slice(values);
    }

    /// Removes the last value this function pushed (never an argument or anything below).
    pub(crate) fn pop(&mut self) -> Option<Value> {
        if self.vm.stack.len() > self.base + self.count {
            self.vm.stack.pop()
        } else {
            None
        }
    }

    /// How many values this function has pushed so far.
    pub(crate) fn pushed(&self) -> usize {
        self.vm.stack.len().saturating_sub(self.base + self.count)
    }

    /// Pushed value `i` (0-based, in push order); nil if there is none.
    pub(crate) fn pushed_value(&self, i: usize) -> Value {
        self.vm.stack.get(self.base + self.count + i).copied().unwrap_or(Value::Nil)
    }

    /// Replaces pushed value `i` (0-based), if it exists: a slot that keeps a value
    /// reachable while the function runs.
    pub(crate) fn set_pushed_value(&mut self, i: usize, value: Value) {
        if let Some(slot) = self.vm.stack.get_mut(self.base + self.count + i) {
            *slot = value;
        }
    }

    /// Keeps only the first `n` values this function pushed.
    pub(crate) fn truncate_pushed(&mut self, n: usize) {
        let keep = self.base + self.count + n;
        if keep < self.vm.stack.len() {
            self.vm.stack.truncate(keep);
        }
    }

    /// A context whose arguments are the values this function pushed from `first` (0-
    /// based) on: a library function calling another one's implementation with
    /// arguments of its own making.
    pub(crate) fn with_pushed_as_args(&mut self, first: usize) -> Ctx<'_> {
        let base = (self.base + self.count + first).min(self.vm.stack.len());
        let count = self.vm.stack.len() - base;
        Ctx { vm: self.vm, base, count }
    }

    /// Stack slots in use (a function with many results checks there is room).
    pub(crate) fn stack_size(&self) -> usize {
        self.vm.stack.len()
    }

    /// Runs the host closure of the running host function (see [`crate::function::HostFn`]).
    pub(crate) fn run_host_function(&mut self) -> Result<usize, LuaError> {
        // `precall` records every native function it runs, so the last record is this one.
        let Some(record) = self.vm.natives.last() else {
            return Err(self.vm.error("host function called outside a call"));
        };
        let function = record.func;
        let Function::Native { host: Some(host), .. } = &*function else {
            return Err(self.vm.error("host function called outside a call"));
        };
        let args: Vec<HeldValue> = (0..self.count).map(|i| self.vm.hold(self.arg(i))).collect();
        match host(crate::state::State::from_vm(self.vm), args) {
            Ok(results) => {
                for result in &results {
                    match self.vm.unhold(result) {
                        Ok(value) => self.vm.stack.push(value),
                        Err(_) => {
                            return Err(self
                                .vm
                                .lib_error("a host function returned a value of another state"))
                        }
                    }
                }
                Ok(results.len())
            }
            Err(HostFnError::BadArgument { position, message }) => {
                Err(self.vm.argument_error(position, &message))
            }
            Err(HostFnError::Message(message)) => Err(self.vm.lib_error(&message)),
            Err(HostFnError::Value(value)) => match self.vm.unhold(&value) {
                Ok(value) => Err(LuaError::new(value)),
                Err(_) => Err(self.vm.lib_error("a host function raised a value of another state")),
            },
        }
    }

    // ------------------------------------------------------------ errors

    /// An error as `luaL_error` raises it: positioned at the calling Lua line when a Lua
    /// function called this one.
    pub(crate) fn lib_error(&mut self, message: &str) -> LuaError {
        self.vm.lib_error(message)
    }

    /// An error whose value is `value` itself, unpositioned (`lua_error`).
    pub(crate) fn raise(&mut self, value: Value) -> LuaError {
        LuaError::new(value)
    }

    /// `bad argument #n to 'name' (message)`, named as the call site names the function.
    pub(crate) fn arg_error(&mut self, n: usize, name: &str, message: &str) -> LuaError {
        self.vm.arg_error(n, name, message)
    }

    /// Whether a Lua function's instruction called this function (not `pcall`, a
    /// metamethod or the host).
    pub(crate) fn called_from_lua(&self) -> bool {
        self.vm.native.from_lua
    }

    /// `chunk:line:` of level `level` of the call stack, as `luaL_where` finds it.
    pub(crate) fn position_of_level(&self, level: i64) -> Option<String> {
        self.vm.error_position(level)
    }

    /// The limit this run hit, if any.
    pub(crate) fn limit_exceeded(&self) -> Option<&'static str> {
        self.vm.limit_exceeded()
    }

    // ------------------------------------------------------------ objects

    /// An interned string value.
    pub(crate) fn intern(&mut self, bytes: &[u8]) -> Value {
        self.vm.intern(bytes)
    }

    /// An interned string.
    pub(crate) fn intern_str(&mut self, bytes: &[u8]) -> Gc<LuaStr> {
        self.vm.strings.intern(&mut self.vm.heap, bytes)
    }

    /// A new empty table.
    pub(crate) fn new_table(&mut self) -> Gc<Table> {
        self.vm.new_table()
    }

    /// A new table with room for `array` items and `hash` entries.
    pub(crate) fn new_table_with(&mut self, array: usize, hash: usize) -> Gc<Table> {
        self.vm.heap.alloc(Table::new(array, hash))
    }

    /// A new, empty external table.
    pub(crate) fn new_ext_table(&mut self) -> Gc<crate::external::ExtTable> {
        self.vm.new_ext_table()
    }

    /// `ext[key]` for node `node` of an external table.
    pub(crate) fn ext_get(&mut self, ext: Gc<crate::external::ExtTable>, node: u32, key: Value) -> Value {
        self.vm.ext_get(ext, node, key)
    }

    /// `ext[key] = value` (a Lua table is copied deeply; functions and cycles are errors).
    pub(crate) fn ext_set(
        &mut self,
        ext: Gc<crate::external::ExtTable>,
        node: u32,
        key: Value,
        value: Value,
    ) -> Result<(), LuaError> {
        self.vm.ext_set(ext, node, key, value)
    }

    /// `#ext` (a border).
    pub(crate) fn ext_len(&self, ext: Gc<crate::external::ExtTable>, node: u32) -> i64 {
        self.vm.ext_len(ext, node)
    }

    /// The entry after `key` of an external table (`next`).
    pub(crate) fn ext_next(
        &mut self,
        ext: Gc<crate::external::ExtTable>,
        node: u32,
        key: Value,
    ) -> Result<Option<(Value, Value)>, crate::table::InvalidKey> {
        self.vm.ext_next(ext, node, key)
    }

    /// A native function value named `name` (the name its argument errors use).
    pub(crate) fn new_native(&mut self, name: &'static str, func: NativeFn) -> Value {
        Value::Function(self.vm.heap.alloc(Function::native(name, func)))
    }

    /// A native closure keeping one value (what [`Ctx::upvalue`] returns while it runs).
    pub(crate) fn new_native_closure(&mut self, name: &'static str, func: NativeFn, upvalue: Value) -> Value {
        let function = Function::Native { name, func, kind: NativeKind::Plain, upvalue, host: None };
        Value::Function(self.vm.heap.alloc(function))
    }

    /// `pcall` or `xpcall` (the interpreter runs them itself; `func` runs only when a
    /// native function calls them).
    pub(crate) fn new_protected_call(
        &mut self,
        name: &'static str,
        func: NativeFn,
        kind: NativeKind,
    ) -> Value {
        let function = Function::Native { name, func, kind, upvalue: Value::Nil, host: None };
        Value::Function(self.vm.heap.alloc(function))
    }

    /// Sets global `name` to a new native function.
    pub(crate) fn register(&mut self, name: &'static str, func: NativeFn) {
        self.vm.register(name, func);
    }

    /// The value the running native closure keeps (nil for most functions).
    pub(crate) fn upvalue(&self) -> Value {
        self.vm.native.upvalue
    }

    /// A new coroutine running `body`.
    pub(crate) fn new_thread(&mut self, body: Value) -> Gc<Thread> {
        self.vm.new_thread(body)
    }

    /// Resumes `co` with the arguments from `from` (0-based) on: the values it yielded or
    /// returned, pushed (`Ok(Ok(count))`), or the error it died of (`Ok(Err(value))`).
    pub(crate) fn resume(&mut self, co: Gc<Thread>, from: usize) -> Result<Result<usize, Value>, LuaError> {
        let args = self.base + from.min(self.count)..self.base + self.count;
        self.vm.resume(co, args)
    }

    /// Yields the running coroutine with the arguments from `from` (0-based) on: the
    /// signal the native function returns as its error (or the error of yielding from
    /// the main thread).
    pub(crate) fn yield_with(&mut self, from: usize) -> LuaError {
        let args = self.base + from.min(self.count)..self.base + self.count;
        self.vm.yield_with(args)
    }

    /// `coroutine.close(co)` (see `Vm::close_thread`).
    pub(crate) fn close_thread(&mut self, co: Gc<Thread>) -> Result<Option<Value>, crate::thread::CoStatus> {
        self.vm.close_thread(co)
    }

    // ------------------------------------------------------------ the state

    /// The table of globals.
    pub(crate) fn globals(&self) -> Gc<Table> {
        self.vm.globals
    }

    /// Sets global `name` (raw).
    pub(crate) fn set_global(&mut self, name: &str, value: Value) {
        self.vm.set_global(name, value);
    }

    /// The registry: library state scripts cannot name.
    pub(crate) fn registry(&self) -> Gc<Table> {
        self.vm.registry
    }

    /// Interned metamethod and type names.
    pub(crate) fn names(&self) -> &Names {
        &self.vm.names
    }

    /// The metatable strings share.
    pub(crate) fn string_meta(&self) -> Option<Gc<Table>> {
        self.vm.string_meta
    }

    /// Sets the metatable strings share.
    pub(crate) fn set_string_meta(&mut self, meta: Option<Gc<Table>>) {
        self.vm.string_meta = meta;
    }

    /// Registers the iterator `ipairs` returns (the interpreter steps it inline).
    pub(crate) fn set_ipairs_step(&mut self, step: Value) {
        self.vm.ipairs_step = step;
    }

    /// The iterator `ipairs` returns.
    pub(crate) fn ipairs_step(&self) -> Value {
        self.vm.ipairs_step
    }

    /// What the host lets scripts reach (streams, loader, opened libraries).
    pub(crate) fn host(&mut self) -> &mut Host {
        &mut self.vm.host
    }

    /// Writes to `print`'s sink.
    pub(crate) fn write_output(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.vm.out.write_all(bytes)
    }

    /// Flushes `print`'s sink.
    pub(crate) fn flush_output(&mut self) -> std::io::Result<()> {
        self.vm.out.flush()
    }

    // ------------------------------------------------------------ operations

    /// `object[key]`, with metamethods.
    pub(crate) fn index(&mut self, object: Value, key: Value) -> Result<Value, LuaError> {
        self.vm.index(object, key, Operand::Anonymous)
    }

    /// `object[key] = value`, with metamethods.
    pub(crate) fn set_index(&mut self, object: Value, key: Value, value: Value) -> Result<(), LuaError> {
        self.vm.set_index(object, key, value, Operand::Anonymous)
    }

    /// `table[key] = value`, raw (an error for a nil or NaN key).
    pub(crate) fn raw_set(&mut self, table: Gc<Table>, key: Value, value: Value) -> Result<(), LuaError> {
        self.vm.raw_set(table, key, value)
    }

    /// `a == b`, with `__eq`.
    pub(crate) fn equals(&mut self, a: Value, b: Value) -> Result<bool, LuaError> {
        self.vm.equals(a, b)
    }

    /// `a < b` (or `a <= b`), with metamethods.
    pub(crate) fn less(&mut self, a: Value, b: Value, or_equal: bool) -> Result<bool, LuaError> {
        self.vm.less(a, b, or_equal)
    }

    /// `#value`, with `__len`.
    pub(crate) fn length(&mut self, value: Value) -> Result<Value, LuaError> {
        self.vm.length(value, Operand::Anonymous)
    }

    /// `tostring(value)`, with `__tostring` and `__name`.
    pub(crate) fn tostring(&mut self, value: Value) -> Result<Value, LuaError> {
        self.vm.tostring(value)
    }

    /// The text of a string or a number (`lua_tolstring`), `None` for other values.
    pub(crate) fn string_bytes(&self, value: Value) -> Option<Vec<u8>> {
        self.vm.string_bytes(value)
    }

    /// The type name errors use (`__name` of a metatable counts).
    pub(crate) fn type_name_of(&self, value: Value) -> String {
        self.vm.type_name_of(value)
    }

    /// The metatable of any value.
    pub(crate) fn metatable_of(&self, value: Value) -> Option<Gc<Table>> {
        self.vm.metatable_of(value)
    }

    /// Metamethod `event` of `value` (nil if none).
    pub(crate) fn metamethod(&self, value: Value, event: Gc<LuaStr>) -> Value {
        self.vm.metamethod(value, event)
    }

    /// Sets a table's metatable, with the bookkeeping of `__mode` and `__gc`.
    pub(crate) fn set_metatable(&mut self, table: Gc<Table>, metatable: Option<Gc<Table>>) {
        table.set_metatable(metatable);
        self.vm.note_metatable(table, metatable);
    }

    /// Sets the metatable every value of `value`'s type shares (nil, booleans, numbers,
    /// strings, functions, threads: `debug.setmetatable`).
    pub(crate) fn set_type_metatable(&mut self, value: Value, metatable: Option<Gc<Table>>) {
        if let Value::Str(_) = value {
            self.vm.string_meta = metatable;
        } else if let Some(slot) = self.vm.type_metas.get_mut(Vm::type_meta_index(value)) {
            *slot = metatable;
        }
    }

    // ------------------------------------------------------------ calls

    /// Calls `func` with `args`; its results.
    pub(crate) fn call(&mut self, func: Value, args: &[Value]) -> Result<Vec<Value>, LuaError> {
        self.vm.call(func, args)
    }

    // ------------------------------------------------------------ loading

    /// Compiles source text (`load`): the function, or the message `load` returns. The
    /// chunk name follows Lua's convention (see [`crate::chunk_id`]); `mode` is `load`'s.
    pub(crate) fn load(
        &mut self,
        source: &[u8],
        chunk_name: &[u8],
        mode: Option<&[u8]>,
    ) -> Result<Value, Value> {
        self.vm.compile_chunk(source, chunk_name, mode, crate::loader::Kind::Text)
    }

    /// Reads and compiles a file (`loadfile`; `None`: the state's standard input).
    pub(crate) fn load_file(&mut self, path: Option<&str>, mode: Option<&[u8]>) -> Result<Value, Value> {
        self.vm.load_file_mode(path, mode)
    }

    // ------------------------------------------------------------ the collector

    /// A full collection.
    pub(crate) fn collect(&mut self) {
        self.vm.collect();
    }

    /// Kilobytes in use.
    pub(crate) fn memory_kb(&self) -> f64 {
        self.vm.memory_kb()
    }

    /// Switches the collector's reported mode; the previous one.
    pub(crate) fn set_gc_mode(&mut self, mode: &'static str) -> &'static str {
        std::mem::replace(&mut self.vm.gc_mode, mode)
    }

    // ------------------------------------------------------------ the call stack

    /// Upvalue `n` (1-based) of `f`: its name and value (`debug.getupvalue`).
    pub(crate) fn function_upvalue(&self, f: Gc<Function>, n: i64) -> Option<(String, Value)> {
        self.vm.function_upvalue(f, n)
    }

    /// Sets upvalue `n` of a Lua function; whether it has one.
    pub(crate) fn set_function_upvalue(&mut self, f: Gc<Function>, n: i64, value: Value) -> bool {
        self.vm.set_function_upvalue(f, n, value)
    }

    /// The identity of upvalue `n` of `f` (`debug.upvalueid`).
    pub(crate) fn function_upvalue_id(&self, f: Gc<Function>, n: i64) -> Option<usize> {
        self.vm.function_upvalue_id(f, n)
    }

    /// Makes upvalue `n1` of `f1` refer to upvalue `n2` of `f2`; false unless both are
    /// upvalues of Lua functions.
    pub(crate) fn join_upvalues(&mut self, f1: Gc<Function>, n1: i64, f2: Gc<Function>, n2: i64) -> bool {
        self.vm.join_upvalues(f1, n1, f2, n2)
    }

    /// Whether `f` is a Lua function (not a native one).
    pub(crate) fn is_lua_function(&self, f: Gc<Function>) -> bool {
        matches!(&*f, Function::Lua { .. })
    }

    /// Sets the debug hook of `thread` (the running one when `None`): its event mask
    /// and count.
    pub(crate) fn set_hook(&mut self, thread: Option<Gc<Thread>>, mask: u8, count: u32) {
        self.vm.set_thread_hook(thread, mask, count);
    }

    /// The debug hook settings of `thread`.
    pub(crate) fn hook_of(&self, thread: Gc<Thread>) -> crate::hook::HookState {
        self.vm.hook_of(thread)
    }

    /// A number that tells this state from others (a seed for `math.random`).
    pub(crate) fn state_address(&self) -> usize {
        std::ptr::from_ref::<Vm>(self.vm) as usize
    }

    /// Runs `f` on the call stack of `thread` (the running one when `None`).
    pub(crate) fn with_stack<R>(&self, thread: Option<Gc<Thread>>, f: impl FnOnce(&StackView) -> R) -> R {
        self.vm.with_stack(thread, f)
    }

    /// Sets stack slot `slot` of `thread` (a local `debug.setlocal` found there).
    pub(crate) fn set_stack_slot(&mut self, thread: Option<Gc<Thread>>, slot: usize, value: Value) {
        self.vm.set_stack_slot(thread, slot, value);
    }

    /// `stack traceback:` and the levels of `thread` from `level` on.
    pub(crate) fn traceback_text(&mut self, thread: Option<Gc<Thread>>, level: usize) -> Vec<u8> {
        self.vm.traceback_text(thread, level)
    }

    /// The running coroutine.
    pub(crate) fn current_thread(&self) -> Gc<Thread> {
        self.vm.current
    }

    /// Whether the running coroutine is the main thread.
    pub(crate) fn in_main_thread(&self) -> bool {
        Gc::ptr_eq(self.vm.current, self.vm.main_thread)
    }
}
