//! Lua values: the 16-byte, `Copy` representation every register, table slot and upvalue
//! holds.
//!
//! Owns the [`Value`] enum and the operations that need nothing but the value itself:
//! type names, truthiness, raw equality and tracing for the collector. It must not do
//! arithmetic or conversions (see [`crate::number`]), look at metatables or allocate:
//! those belong to the interpreter.
//!
//! Adding a variant (functions, threads, external tables): extend [`Value::type_name`],
//! [`Value::gc_addr`] and [`Value::trace`] (all exhaustive, so the compiler points at
//! them). Raw equality and table-key hashing fall back to object identity through
//! `gc_addr` for every reference type other than strings.

use crate::external::ExtTable;
use crate::function::Function;
use crate::gc::{Gc, Marker};
use crate::number::eq_int_float;
use crate::string::{str_eq, LuaStr};
use crate::table::Table;
use crate::thread::Thread;

/// A Lua value. Copying one copies a pointer at most: no reference counts.
///
/// `Value` deliberately does not implement `PartialEq`: Lua has several equalities
/// (raw, with `__eq`, table-key), so callers name the one they mean ([`Value::raw_eq`]).
#[derive(Clone, Copy, Debug, Default)]
pub enum Value {
    /// `nil`.
    #[default]
    Nil,
    /// `true` or `false`.
    Bool(bool),
    /// An integer (the `integer` subtype of `number`).
    Int(i64),
    /// A float (the `float` subtype of `number`).
    Float(f64),
    /// A byte string.
    Str(Gc<LuaStr>),
    /// A table.
    Table(Gc<Table>),
    /// A Lua or native function.
    Function(Gc<Function>),
    /// A coroutine.
    Thread(Gc<Thread>),
    /// An external table: contents the host owns (`type` says `"table"`). The number
    /// is the node within host data (nested tables of one source share its object); 0
    /// for the built-in store and the root of host data.
    Extern(Gc<ExtTable>, u32),
}

const _: () = assert!(std::mem::size_of::<Value>() <= 16);

/// The names `type` returns, indexed by [`Value::type_index`].
pub const TYPE_NAMES: [&str; 7] = ["nil", "boolean", "number", "string", "table", "function", "thread"];

impl Value {
    /// The name `type(v)` returns.
    pub fn type_name(&self) -> &'static str {
        TYPE_NAMES[self.type_index()]
    }

    /// The position of this value's type name in [`TYPE_NAMES`].
    #[inline]
    pub fn type_index(&self) -> usize {
        match self {
            Value::Nil => 0,
            Value::Bool(_) => 1,
            Value::Int(_) | Value::Float(_) => 2,
            Value::Str(_) => 3,
            Value::Table(_) | Value::Extern(..) => 4,
            Value::Function(_) => 5,
            Value::Thread(_) => 6,
        }
    }

    /// Whether this is `nil`.
    #[inline]
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// Whether Lua treats the value as false in a condition: `nil` and `false` only.
    #[inline]
    pub fn is_falsy(&self) -> bool {
        matches!(self, Value::Nil | Value::Bool(false))
    }

    /// Lua's raw equality (`rawequal`, and `==` before `__eq` is consulted): numbers by
    /// mathematical value across subtypes, exactly (`1 == 1.0`, but `2^53 + 1` differs
    /// from the float `2^53`), strings by content, every other reference type by
    /// identity.
    #[inline]
    pub fn raw_eq(a: Value, b: Value) -> bool {
        match (a, b) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(x), Value::Bool(y)) => x == y,
            (Value::Int(x), Value::Int(y)) => x == y,
            (Value::Float(x), Value::Float(y)) => x == y,
            (Value::Int(i), Value::Float(f)) | (Value::Float(f), Value::Int(i)) => eq_int_float(i, f),
            (Value::Str(x), Value::Str(y)) => str_eq(x, y),
            (Value::Extern(x, m), Value::Extern(y, n)) => Gc::ptr_eq(x, y) && m == n,
            // Every other reference type: identity, and only within the same type.
            (a, b) => match (a.gc_addr(), b.gc_addr()) {
                (Some(x), Some(y)) => x == y && std::mem::discriminant(&a) == std::mem::discriminant(&b),
                _ => false,
            },
        }
    }

    /// The address of the object a reference value points to (`None` for nil, booleans
    /// and numbers): identity for raw equality, table-key hashing and `tostring`.
    pub fn gc_addr(&self) -> Option<usize> {
        match self {
            Value::Nil | Value::Bool(_) | Value::Int(_) | Value::Float(_) => None,
            Value::Str(s) => Some(s.addr()),
            Value::Table(t) => Some(t.addr()),
            Value::Function(f) => Some(f.addr()),
            Value::Thread(t) => Some(t.addr()),
            Value::Extern(e, _) => Some(e.addr()),
        }
    }

    /// Marks the object this value points to, if any.
    #[inline]
    pub fn trace(&self, marker: &mut Marker) {
        match *self {
            Value::Nil | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {}
            Value::Str(s) => marker.mark(s),
            Value::Table(t) => marker.mark(t),
            Value::Function(f) => marker.mark(f),
            Value::Thread(t) => marker.mark(t),
            Value::Extern(e, _) => marker.mark(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::Heap;
    use crate::string::Strings;

    #[test]
    fn type_names_and_truthiness() {
        let mut heap = Heap::new();
        let mut strings = Strings::new();
        let s = Value::Str(strings.intern(&mut heap, b"x"));
        let t = Value::Table(heap.alloc(Table::new(0, 0)));
        let names: Vec<_> = [Value::Nil, Value::Bool(true), Value::Int(1), Value::Float(1.5), s, t]
            .map(|v| v.type_name())
            .into();
        assert_eq!(names, ["nil", "boolean", "number", "number", "string", "table"]);
        assert!(Value::Nil.is_falsy());
        assert!(Value::Bool(false).is_falsy());
        assert!(!Value::Bool(true).is_falsy());
        assert!(!Value::Int(0).is_falsy());
        assert!(!s.is_falsy());
        assert!(Value::default().is_nil());
    }

    #[test]
    fn raw_equality() {
        use Value::*;
        assert!(Value::raw_eq(Nil, Nil));
        assert!(Value::raw_eq(Int(1), Float(1.0)));
        assert!(Value::raw_eq(Float(1.0), Int(1)));
        assert!(Value::raw_eq(Int(0), Float(-0.0)));
        assert!(!Value::raw_eq(Int(1), Float(1.5)));
        assert!(!Value::raw_eq(Float(f64::NAN), Float(f64::NAN)));
        let two53 = 1i64 << 53;
        assert!(Value::raw_eq(Int(two53), Float(two53 as f64)));
        assert!(!Value::raw_eq(Int(two53 + 1), Float(two53 as f64)));
        assert!(!Value::raw_eq(Int(i64::MAX), Float(i64::MAX as f64)));
        assert!(Value::raw_eq(Int(i64::MIN), Float(i64::MIN as f64)));
        assert!(!Value::raw_eq(Bool(false), Nil));
        assert!(!Value::raw_eq(Int(0), Bool(false)));

        let mut heap = Heap::new();
        let mut strings = Strings::new();
        let long = vec![b'a'; 100];
        let a = strings.intern(&mut heap, &long);
        let b = strings.intern(&mut heap, &long);
        assert!(!Gc::ptr_eq(a, b));
        assert!(Value::raw_eq(Str(a), Str(b)));
        assert!(Value::raw_eq(Str(strings.intern(&mut heap, b"k")), Str(strings.intern(&mut heap, b"k"))));
        assert!(!Value::raw_eq(Str(a), Str(strings.intern(&mut heap, b"k"))));
        let t1 = heap.alloc(crate::table::Table::new(0, 0));
        let t2 = heap.alloc(crate::table::Table::new(0, 0));
        assert!(Value::raw_eq(Table(t1), Table(t1)));
        assert!(!Value::raw_eq(Table(t1), Table(t2)));
        assert!(!Value::raw_eq(Table(t1), Str(a)));
    }
}
