//! Values as a host holds them between calls: [`HeldValue`] (plain data copied out,
//! objects behind a [`Ref`]) and [`Ref`] (a pinned object with its identity).
//!
//! Owns the conversion between the VM's own values and held ones. A held value never
//! points into the heap unguarded: strings are copied bytes, and every object is kept
//! alive by its pin until the last clone of its `Ref` is dropped (on any thread). It must
//! not run code or allocate anything but the strings and pins it converts.

use crate::function::Function;
use crate::gc::Gc;
use crate::pins::Pin;
use crate::value::Value;
use crate::vm::Vm;

/// An object of one state (a table, external table, function, coroutine) that the host
/// holds: the collector keeps it alive until the last clone is dropped. Two refs are
/// equal when they name the same object (for host data, the same node).
///
/// ```
/// let mut state = moonlet_vm::OwnedState::new();
/// let t = state.scope(|s| { let t = s.new_table(); s.hold_table(t) });
/// assert_eq!(t.clone(), t);
/// ```
#[derive(Clone, Debug)]
pub struct Ref {
    pub(crate) pin: Pin,
    /// The object's address (stable: objects do not move, and the pin keeps it).
    addr: usize,
    /// The node within host data; 0 otherwise.
    node: u32,
    kind: RefKind,
}

/// What a [`Ref`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// A Lua table or an external table (`type` says `"table"` for both).
    Table,
    Function,
    Thread,
}

impl PartialEq for Ref {
    fn eq(&self, other: &Ref) -> bool {
        self.addr == other.addr && self.node == other.node
    }
}

impl Eq for Ref {}

impl Ref {
    /// What the object is.
    pub fn kind(&self) -> RefKind {
        self.kind
    }

    /// The object's identity: its address and its node in host data (stable while held).
    pub fn identity(&self) -> (usize, u32) {
        (self.addr, self.node)
    }
}

/// A Lua value held by the host: plain values and strings copied, objects pinned.
///
/// ```
/// use moonlet_vm::HeldValue;
/// let mut state = moonlet_vm::OwnedState::new();
/// let f = state.load_text(b"return 'a' .. ..., 2", b"=demo").unwrap();
/// let results = state.call(&f, &[HeldValue::Int(1)]).unwrap();
/// assert_eq!(results, [HeldValue::Str(b"a1".to_vec()), HeldValue::Int(2)]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub enum HeldValue {
    #[default]
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Vec<u8>),
    Table(Ref),
    Function(Ref),
    Thread(Ref),
}

impl HeldValue {
    /// The name `type(v)` gives.
    pub fn type_name(&self) -> &'static str {
        match self {
            HeldValue::Nil => "nil",
            HeldValue::Bool(_) => "boolean",
            HeldValue::Int(_) | HeldValue::Float(_) => "number",
            HeldValue::Str(_) => "string",
            HeldValue::Table(_) => "table",
            HeldValue::Function(_) => "function",
            HeldValue::Thread(_) => "thread",
        }
    }
}

/// A held value or ref that belongs to another state (or was made by a state that no
/// longer exists).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrongState;

impl std::fmt::Display for WrongState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value of another Lua state")
    }
}

impl std::error::Error for WrongState {}

impl Vm {
    /// Pins an object: the host's handle on it.
    pub(crate) fn hold_object(&mut self, value: Value) -> Option<Ref> {
        let kind = match value {
            Value::Table(_) | Value::Extern(..) => RefKind::Table,
            Value::Function(_) => RefKind::Function,
            Value::Thread(_) => RefKind::Thread,
            _ => return None,
        };
        let node = if let Value::Extern(_, node) = value { node } else { 0 };
        let addr = value.gc_addr().unwrap_or(0);
        Some(Ref { pin: self.pin(value), addr, node, kind })
    }

    /// Pins a table or an external table (`value` is one: see `RawTable`).
    pub(crate) fn hold_table(&mut self, value: Value) -> Ref {
        let node = if let Value::Extern(_, node) = value { node } else { 0 };
        let addr = value.gc_addr().unwrap_or(0);
        Ref { pin: self.pin(value), addr, node, kind: RefKind::Table }
    }

    /// Pins a function.
    pub(crate) fn hold_function(&mut self, function: Gc<Function>) -> Ref {
        let value = Value::Function(function);
        Ref { pin: self.pin(value), addr: function.addr(), node: 0, kind: RefKind::Function }
    }

    /// The held form of a value: strings copied, objects pinned.
    pub(crate) fn hold(&mut self, value: Value) -> HeldValue {
        match value {
            Value::Nil => HeldValue::Nil,
            Value::Bool(b) => HeldValue::Bool(b),
            Value::Int(i) => HeldValue::Int(i),
            Value::Float(f) => HeldValue::Float(f),
            Value::Str(s) => HeldValue::Str(s.as_bytes().to_vec()),
            object => match self.hold_object(object) {
                Some(r) => match r.kind {
                    RefKind::Table => HeldValue::Table(r),
                    RefKind::Function => HeldValue::Function(r),
                    RefKind::Thread => HeldValue::Thread(r),
                },
                None => HeldValue::Nil,
            },
        }
    }

    /// The object a ref names, if it is one of this state's.
    pub(crate) fn held_object(&self, r: &Ref) -> Result<Value, WrongState> {
        self.pinned(&r.pin).ok_or(WrongState)
    }

    /// A held value as a value of this state (strings interned). No collection happens
    /// before the caller uses it: the VM collects only while running code.
    pub(crate) fn unhold(&mut self, value: &HeldValue) -> Result<Value, WrongState> {
        Ok(match value {
            HeldValue::Nil => Value::Nil,
            HeldValue::Bool(b) => Value::Bool(*b),
            HeldValue::Int(i) => Value::Int(*i),
            HeldValue::Float(f) => Value::Float(*f),
            HeldValue::Str(s) => self.intern(s),
            HeldValue::Table(r) | HeldValue::Function(r) | HeldValue::Thread(r) => self.held_object(r)?,
        })
    }
}
