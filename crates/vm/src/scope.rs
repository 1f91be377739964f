//! Scopes: reading and building values in place from the host, without pins or copies.
//!
//! Owns [`Scope`] and the values it hands out ([`Raw`], [`RawStr`], [`RawTable`],
//! [`RawObject`]). Inside [`State::scope`](crate::State::scope) the host reads tables,
//! walks them with `next`, interns strings and builds tables and external tables
//! through the VM's own values, as fast as the VM does. It is sound because of two
//! facts the types enforce:
//!
//! - nothing a scope offers runs Lua code or collects garbage (reads, raw stores,
//!   allocation), so every object a raw value names stays alive for the whole scope;
//! - a raw value is branded with the scope's own lifetime (`'s`, invariant, chosen anew
//!   by each call of `State::scope`), so it cannot leave the scope, outlive it, or be
//!   used in another state's scope. To keep a value past the scope, hold it
//!   ([`Scope::hold`]: strings copied, objects pinned).
//!
//! It must not grow an operation that runs code (metamethods, calls) or collects.

use std::marker::PhantomData;

use crate::external::ExtTable;
use crate::gc::Gc;
use crate::held::{HeldValue, Ref, WrongState};
use crate::host_data::HostData;
use crate::string::LuaStr;
use crate::value::Value;
use crate::vm::Vm;

/// The brand of one scope: invariant in `'s`, so values of two scopes never unify.
type Brand<'s> = PhantomData<fn(&'s ()) -> &'s ()>;

/// Access to a state in which nothing runs and nothing is collected: see the module
/// documentation and [`State::scope`](crate::State::scope).
pub struct Scope<'s> {
    vm: &'s mut Vm,
    brand: Brand<'s>,
}

/// A value of the VM, valid for the scope `'s` it came from.
///
/// ```
/// use moonlet_vm::Raw;
/// let mut state = moonlet_vm::OwnedState::new();
/// let n = state.scope(|s| {
///     let t = s.new_table();
///     let key = s.intern(b"x");
///     s.set(t, key, Raw::Int(5)).unwrap();
///     match s.get(t, key) { Raw::Int(n) => n, _ => 0 }
/// });
/// assert_eq!(n, 5);
/// ```
#[derive(Clone, Copy, Debug)]
pub enum Raw<'s> {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(RawStr<'s>),
    /// A Lua table or an external table.
    Table(RawTable<'s>),
    Function(RawObject<'s>),
    Thread(RawObject<'s>),
}

/// A string of the scope `'s`.
#[derive(Clone, Copy, Debug)]
pub struct RawStr<'s> {
    string: Gc<LuaStr>,
    brand: Brand<'s>,
}

/// A table (Lua or external) of the scope `'s`.
#[derive(Clone, Copy, Debug)]
pub struct RawTable<'s> {
    value: Value,
    brand: Brand<'s>,
}

/// A function or coroutine of the scope `'s`.
#[derive(Clone, Copy, Debug)]
pub struct RawObject<'s> {
    value: Value,
    brand: Brand<'s>,
}

impl<'s> RawStr<'s> {
    /// The bytes (alive for the whole scope).
    pub fn as_bytes(&self) -> &'s [u8] {
        let string: &'s LuaStr = gc_ref(self.string);
        string.as_bytes()
    }
}

/// The object behind `gc` for the scope `'s`.
fn gc_ref<'s, T>(gc: Gc<T>) -> &'s T {
    // SAFETY: a raw value exists only inside the scope it was made in (its brand), and
    // nothing in a scope collects garbage, so the object `gc` points to is not freed
    // before the scope ends; objects never move. The reference is shared and the
    // object's own interior mutability (cells) is what every other user goes through.
    unsafe { &*std::ptr::from_ref::<T>(&*gc) }
}

impl RawTable<'_> {
    /// The id of an external table (unique in its state), `None` for a Lua table.
    pub fn ext_id(&self) -> Option<u64> {
        match self.value {
            Value::Extern(ext, _) => Some(ext.id()),
            _ => None,
        }
    }

    /// Its identity: the object's address and, for host data, the node.
    pub fn identity(&self) -> (usize, u32) {
        let node = if let Value::Extern(_, node) = self.value { node } else { 0 };
        (self.value.gc_addr().unwrap_or(0), node)
    }
}

impl RawObject<'_> {
    /// Its identity: the object's address.
    pub fn identity(&self) -> usize {
        self.value.gc_addr().unwrap_or(0)
    }
}

impl<'s> Raw<'s> {
    /// The raw form of a VM value (the caller is inside the scope `'s`).
    fn of(value: Value) -> Raw<'s> {
        let brand = PhantomData;
        match value {
            Value::Nil => Raw::Nil,
            Value::Bool(b) => Raw::Bool(b),
            Value::Int(i) => Raw::Int(i),
            Value::Float(f) => Raw::Float(f),
            Value::Str(string) => Raw::Str(RawStr { string, brand }),
            Value::Table(_) | Value::Extern(..) => Raw::Table(RawTable { value, brand }),
            Value::Function(_) => Raw::Function(RawObject { value, brand }),
            Value::Thread(_) => Raw::Thread(RawObject { value, brand }),
        }
    }

    /// The VM value.
    fn value(self) -> Value {
        match self {
            Raw::Nil => Value::Nil,
            Raw::Bool(b) => Value::Bool(b),
            Raw::Int(i) => Value::Int(i),
            Raw::Float(f) => Value::Float(f),
            Raw::Str(s) => Value::Str(s.string),
            Raw::Table(RawTable { value, .. }) | Raw::Function(RawObject { value, .. }) => value,
            Raw::Thread(RawObject { value, .. }) => value,
        }
    }

    /// The name `type(v)` gives.
    pub fn type_name(&self) -> &'static str {
        self.value().type_name()
    }

    /// Whether it is nil.
    pub fn is_nil(&self) -> bool {
        matches!(self, Raw::Nil)
    }
}

impl<'s> Scope<'s> {
    /// A scope over `vm` (see [`State::scope`](crate::State::scope)).
    pub(crate) fn new(vm: &'s mut Vm) -> Scope<'s> {
        Scope { vm, brand: PhantomData }
    }

    /// The message of an error raised by a raw store.
    fn message(error: crate::error::LuaError) -> String {
        error.to_string()
    }

    // ------------------------------------------------------------ moving in and out

    /// The object `r` holds, in this scope (`Err` if it is another state's).
    pub fn held(&self, r: &Ref) -> Result<Raw<'s>, WrongState> {
        self.vm.held_object(r).map(Raw::of)
    }

    /// `value` in this scope: strings interned, refs looked up.
    pub fn unhold(&mut self, value: &HeldValue) -> Result<Raw<'s>, WrongState> {
        self.vm.unhold(value).map(Raw::of)
    }

    /// `value` as the host keeps it past the scope: strings copied, objects pinned.
    pub fn hold(&mut self, value: Raw<'s>) -> HeldValue {
        self.vm.hold(value.value())
    }

    /// A ref on a table, function or coroutine of this scope (`None` for other values).
    pub fn hold_ref(&mut self, value: Raw<'s>) -> Option<Ref> {
        self.vm.hold_object(value.value())
    }

    /// A ref on a table of this scope.
    pub fn hold_table(&mut self, table: RawTable<'s>) -> Ref {
        self.vm.hold_table(table.value)
    }

    // ------------------------------------------------------------ making values

    /// An interned string.
    pub fn intern(&mut self, bytes: &[u8]) -> Raw<'s> {
        Raw::of(self.vm.intern(bytes))
    }

    /// A new empty Lua table.
    pub fn new_table(&mut self) -> RawTable<'s> {
        RawTable { value: Value::Table(self.vm.new_table()), brand: PhantomData }
    }

    /// A new empty external table.
    pub fn new_ext_table(&mut self) -> RawTable<'s> {
        RawTable { value: Value::Extern(self.vm.new_ext_table(), 0), brand: PhantomData }
    }

    /// An external table whose contents are `data`, read in place.
    pub fn new_host_table(&mut self, data: Box<dyn HostData>) -> RawTable<'s> {
        let ext: Gc<ExtTable> = self.vm.new_host_table(data);
        RawTable { value: Value::Extern(ext, 0), brand: PhantomData }
    }

    /// The table of globals.
    pub fn globals(&self) -> RawTable<'s> {
        RawTable { value: Value::Table(self.vm.globals_table()), brand: PhantomData }
    }

    // ------------------------------------------------------------ raw table access

    /// `table[key]`, raw (no metamethods run).
    pub fn get(&mut self, table: RawTable<'s>, key: Raw<'s>) -> Raw<'s> {
        let key = key.value();
        Raw::of(match table.value {
            Value::Table(t) => t.get(key),
            Value::Extern(ext, node) => self.vm.ext_get(ext, node, key),
            _ => Value::Nil,
        })
    }

    /// `table[key] = value`, raw. Into an external table a Lua table is copied deeply
    /// into external tables; a function, a coroutine or a cycle is an error naming the
    /// key path, as in scripts.
    pub fn set(&mut self, table: RawTable<'s>, key: Raw<'s>, value: Raw<'s>) -> Result<(), String> {
        let (key, value) = (key.value(), value.value());
        match table.value {
            Value::Table(t) => self.vm.raw_set(t, key, value).map_err(Self::message),
            Value::Extern(ext, node) => self.vm.ext_set(ext, node, key, value).map_err(Self::message),
            _ => Ok(()),
        }
    }

    /// A border of the table, as `#` (raw).
    pub fn len(&self, table: RawTable<'s>) -> i64 {
        match table.value {
            Value::Table(t) => t.len(),
            Value::Extern(ext, node) => self.vm.ext_len(ext, node),
            _ => 0,
        }
    }

    /// The entry after `key` (the first after nil), as `next`; `None` at the end, `Err`
    /// for a key that is not in the table.
    pub fn next(&mut self, table: RawTable<'s>, key: Raw<'s>) -> Result<Option<(Raw<'s>, Raw<'s>)>, String> {
        let key = key.value();
        let entry = match table.value {
            Value::Table(t) => t.next(key),
            Value::Extern(ext, node) => self.vm.ext_next(ext, node, key),
            _ => Ok(None),
        };
        match entry {
            Ok(entry) => Ok(entry.map(|(k, v)| (Raw::of(k), Raw::of(v)))),
            Err(_) => Err("invalid key to 'next'".to_owned()),
        }
    }

    /// Sets global `name` (raw).
    pub fn set_global(&mut self, name: &str, value: Raw<'s>) {
        self.vm.set_global(name, value.value());
    }

    /// The text of a number as `tostring` writes it (`%.14g` for floats, `1.0` style).
    pub fn number_text(&mut self, value: Raw<'s>) -> Option<Vec<u8>> {
        match value {
            Raw::Int(_) | Raw::Float(_) => self.vm.string_bytes(value.value()),
            _ => None,
        }
    }
}
