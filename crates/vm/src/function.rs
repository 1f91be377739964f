//! Functions: loaded prototypes, Lua closures with their upvalues, native functions.
//!
//! Owns the runtime form of compiled code ([`FnProto`]: a prototype with its constants
//! turned into values) and of callable values ([`Function`]). It does not call anything;
//! the interpreter does.

use std::cell::Cell;
use std::sync::Arc;

use moonlet_compiler::{Constant, Proto};

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::gc::{Gc, Heap, Marker, Trace};
use crate::string::Strings;
use crate::thread::Thread;
use crate::value::Value;

/// A prototype ready to run: its constants as values, its nested prototypes loaded.
pub struct FnProto {
    pub proto: Arc<Proto>,
    pub constants: Box<[Value]>,
    pub children: Box<[Gc<FnProto>]>,
}

impl FnProto {
    /// Loads `proto` and its nested prototypes onto the heap.
    pub fn load(heap: &mut Heap, strings: &mut Strings, proto: Arc<Proto>) -> Gc<FnProto> {
        let constants = proto
            .constants
            .iter()
            .map(|k| match k {
                Constant::Nil => Value::Nil,
                Constant::Bool(b) => Value::Bool(*b),
                Constant::Int(i) => Value::Int(*i),
                Constant::Float(f) => Value::Float(*f),
                Constant::Str(s) => Value::Str(strings.intern(heap, s)),
            })
            .collect();
        let children = proto.protos.iter().map(|p| FnProto::load(heap, strings, p.clone())).collect();
        heap.alloc(FnProto { proto, constants, children })
    }
}

impl Trace for FnProto {
    fn trace(&self, marker: &mut Marker) {
        for k in self.constants.iter() {
            k.trace(marker);
        }
        for child in self.children.iter() {
            marker.mark(*child);
        }
    }

    fn extra_bytes(&self) -> usize {
        self.constants.len() * std::mem::size_of::<Value>() + self.proto.code.len() * 8
    }
}

/// An upvalue: open while the variable it captures still lives in a stack register,
/// closed (holding the value itself) once that register's scope has ended.
pub struct UpVal {
    state: Cell<UpState>,
}

/// Where an upvalue's value is.
#[derive(Clone, Copy)]
pub enum UpState {
    /// In the stack of `thread` (which may not be the running one) at `index`.
    Open {
        thread: Gc<Thread>,
        index: usize,
    },
    Closed(Value),
}

impl UpVal {
    pub fn open(thread: Gc<Thread>, index: usize) -> UpVal {
        UpVal { state: Cell::new(UpState::Open { thread, index }) }
    }

    pub fn closed(value: Value) -> UpVal {
        UpVal { state: Cell::new(UpState::Closed(value)) }
    }

    pub fn state(&self) -> UpState {
        self.state.get()
    }

    pub fn set_state(&self, state: UpState) {
        self.state.set(state);
    }
}

impl Trace for UpVal {
    fn trace(&self, marker: &mut Marker) {
        // An open upvalue's value is in its thread's stack, traced with the thread.
        match self.state.get() {
            UpState::Closed(value) => value.trace(marker),
            UpState::Open { thread, .. } => marker.mark(thread),
        }
    }
}

/// The signature of a function written in Rust: it reads its arguments from its
/// context, pushes its results there and returns how many.
pub(crate) type NativeFn = fn(ctx: &mut Ctx<'_>) -> Result<usize, LuaError>;

/// The `func` of a host closure: runs the `host` closure of the native function running.
fn call_host(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    ctx.run_host_function()
}

/// A closure's upvalues: up to two inside the closure object (most closures capture
/// few), more in a buffer of their own.
pub type Upvalues = smallvec::SmallVec<[Cell<Gc<UpVal>>; 2]>;

/// A callable value.
// `NativeFn` takes the crate's private `Ctx`: only the crate makes native functions.
#[allow(private_interfaces)]
pub enum Function {
    /// Its upvalues are cells so that `debug.upvaluejoin` can replace one.
    Lua { proto: Gc<FnProto>, upvalues: Upvalues },
    /// `upvalue` is the one value a native closure keeps (the coroutine of a
    /// `coroutine.wrap` function); nil for most. `host` is a closure of the host's
    /// (`func` is then `call_host`, which runs it).
    Native {
        name: &'static str,
        func: NativeFn,
        kind: NativeKind,
        upvalue: Value,
        host: Option<Box<crate::state::HostFn>>,
    },
}

/// Native functions the interpreter runs itself, because they must not hold a Rust
/// frame while Lua code runs under them (so that a coroutine can yield through them).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NativeKind {
    /// An ordinary function: `func` runs to completion.
    Plain,
    /// `pcall`: calls its first argument in protected mode.
    Pcall,
    /// `xpcall`: the same, with a message handler.
    Xpcall,
}

impl Function {
    /// An ordinary native function.
    pub(crate) fn native(name: &'static str, func: NativeFn) -> Function {
        Function::Native { name, func, kind: NativeKind::Plain, upvalue: Value::Nil, host: None }
    }

    /// A function running a host closure. Its `name` shows in tracebacks and argument
    /// errors when the call site gives none.
    pub(crate) fn host(name: &'static str, func: Box<crate::state::HostFn>) -> Function {
        Function::Native {
            name,
            func: call_host,
            kind: NativeKind::Plain,
            upvalue: Value::Nil,
            host: Some(func),
        }
    }
}

impl Trace for Function {
    fn trace(&self, marker: &mut Marker) {
        match self {
            Function::Lua { proto, upvalues } => {
                marker.mark(*proto);
                for upvalue in upvalues.iter() {
                    marker.mark(upvalue.get());
                }
            }
            Function::Native { upvalue, .. } => upvalue.trace(marker),
        }
    }

    fn extra_bytes(&self) -> usize {
        match self {
            Function::Lua { upvalues, .. } if upvalues.spilled() => {
                upvalues.len() * std::mem::size_of::<Cell<Gc<UpVal>>>()
            }
            Function::Lua { .. } => 0,
            Function::Native { .. } => 0,
        }
    }
}
