//! Values as the host holds them.
//!
//! Owns [`Value`] and the handles inside it ([`Table`], [`Function`], [`Thread`]):
//! tables and functions stay in the state and the host holds a pinned reference to
//! them (the VM's `Ref`: plain data, so handles are `Send` and never dangle: the
//! collector keeps a pinned object alive until the last handle is dropped). Strings are
//! copied out as bytes. This module must not run code or touch the VM's values;
//! operations on tables live in `table.rs`.

use moonlet_vm::{HeldValue, Ref, RefKind};

/// A Lua value held by the host.
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// let v: moonlet::Value = lua.load("return 'hi', 2").eval().unwrap();
/// assert_eq!(v, moonlet::Value::String("hi".into()));
/// ```
#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Nil,
    Boolean(bool),
    Integer(i64),
    Number(f64),
    String(LuaString),
    /// A Lua table or an external table (both have `type` `"table"`).
    Table(Table),
    Function(Function),
    Thread(Thread),
}

impl Value {
    /// The name `type(v)` gives in Lua.
    ///
    /// ```
    /// assert_eq!(moonlet::Value::Integer(1).type_name(), "number");
    /// ```
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "nil",
            Value::Boolean(_) => "boolean",
            Value::Integer(_) | Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Table(_) => "table",
            Value::Function(_) => "function",
            Value::Thread(_) => "thread",
        }
    }

    /// Whether this is `nil`.
    ///
    /// ```
    /// assert!(moonlet::Value::Nil.is_nil() && !moonlet::Value::Boolean(false).is_nil());
    /// ```
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }
}

impl PartialEq for Value {
    /// Lua's raw equality for plain values (`1 == 1.0`); handles are equal when they
    /// name the same object.
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Boolean(a), Value::Boolean(b)) => a == b,
            (Value::Integer(a), Value::Integer(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::Integer(i), Value::Number(f)) | (Value::Number(f), Value::Integer(i)) => *i as f64 == *f,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Table(a), Value::Table(b)) => a.0 .0 == b.0 .0,
            (Value::Function(a), Value::Function(b)) => a.0 .0 == b.0 .0,
            (Value::Thread(a), Value::Thread(b)) => a.0 .0 == b.0 .0,
            _ => false,
        }
    }
}

/// A Lua string: bytes, usually but not necessarily UTF-8.
///
/// ```
/// let s = moonlet::LuaString::from("héllo");
/// assert_eq!(s.to_str(), Some("héllo"));
/// assert_eq!(s.as_bytes().len(), 6);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct LuaString(pub Vec<u8>);

impl LuaString {
    /// The bytes (also: `to_str` for UTF-8 text, `to_string_lossy`; see the type's
    /// example).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The text, if the bytes are UTF-8.
    pub fn to_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.0).ok()
    }

    /// The text, with invalid UTF-8 replaced.
    pub fn to_string_lossy(&self) -> String {
        String::from_utf8_lossy(&self.0).into_owned()
    }
}

impl std::fmt::Debug for LuaString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(&self.0))
    }
}

impl From<&str> for LuaString {
    fn from(s: &str) -> LuaString {
        LuaString(s.as_bytes().to_vec())
    }
}

impl From<String> for LuaString {
    fn from(s: String) -> LuaString {
        LuaString(s.into_bytes())
    }
}

/// A pinned object of one state: the VM's [`Ref`] (which keeps it alive and knows its
/// identity).
#[derive(Clone, Debug)]
pub(crate) struct Handle(pub(crate) Ref);

/// A table (a Lua table or an external table) held by the host. Its methods
/// (`get`, `set`, `len`, `pairs`, `id`) take the state it belongs to.
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// let t: moonlet::Table = lua.load("return { answer = 42 }").eval().unwrap();
/// assert_eq!(t.get::<i64>(&mut lua, "answer").unwrap(), 42);
/// ```
#[derive(Clone, Debug)]
pub struct Table(pub(crate) Handle);

/// A function held by the host: call it with [`Function::call`].
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// let f: moonlet::Function = lua.load("return math.max").eval().unwrap();
/// assert_eq!(f.call::<i64>(&mut lua, (3, 9, 4)).unwrap(), 9);
/// ```
#[derive(Clone, Debug)]
pub struct Function(pub(crate) Handle);

/// A coroutine held by the host (it can be passed back to scripts).
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// let co: moonlet::Value = lua.load("return coroutine.create(print)").eval().unwrap();
/// assert!(matches!(co, moonlet::Value::Thread(_)));
/// ```
#[derive(Clone, Debug)]
pub struct Thread(pub(crate) Handle);

impl Value {
    /// The host form of a value the VM handed out.
    pub(crate) fn from_held(value: HeldValue) -> Value {
        match value {
            HeldValue::Nil => Value::Nil,
            HeldValue::Bool(b) => Value::Boolean(b),
            HeldValue::Int(i) => Value::Integer(i),
            HeldValue::Float(f) => Value::Number(f),
            HeldValue::Str(s) => Value::String(LuaString(s)),
            HeldValue::Table(r) => Value::Table(Table(Handle(r))),
            HeldValue::Function(r) => Value::Function(Function(Handle(r))),
            HeldValue::Thread(r) => Value::Thread(Thread(Handle(r))),
        }
    }

    /// The form the VM takes (strings copied, handles cloned).
    pub(crate) fn to_held(&self) -> HeldValue {
        match self {
            Value::Nil => HeldValue::Nil,
            Value::Boolean(b) => HeldValue::Bool(*b),
            Value::Integer(i) => HeldValue::Int(*i),
            Value::Number(f) => HeldValue::Float(*f),
            Value::String(s) => HeldValue::Str(s.0.clone()),
            Value::Table(Table(h)) | Value::Function(Function(h)) | Value::Thread(Thread(h)) => {
                match h.0.kind() {
                    RefKind::Table => HeldValue::Table(h.0.clone()),
                    RefKind::Function => HeldValue::Function(h.0.clone()),
                    RefKind::Thread => HeldValue::Thread(h.0.clone()),
                }
            }
        }
    }
}
