//! External tables: tables whose contents the host owns, as first-class values of the VM
//! (`Value::Extern`). Scripts index, assign, measure (`#`) and traverse them as tables
//! (`type` says `"table"`), but they hold only plain data: nil, booleans, numbers,
//! strings and other external tables, so that a host can read them without running Lua
//! code and a store can persist them.
//!
//! Owns the [`ExtTable`] object (its id and its contents: the built-in store, or host
//! data behind [`crate::host_data::HostData`] whose nested tables are the nodes of
//! `Value::Extern(table, node)`), reading, measuring and traversing either kind, storing
//! into one (a Lua table is copied deeply into new external tables; a function, a
//! coroutine or a cycle is an error naming the key path) and the `ext` library
//! (`ext.table()`). It must not give external tables metatables: they have none, by
//! design.

use std::cell::RefCell;

use crate::error::LuaError;
use crate::gc::{Gc, Marker, Trace};
use crate::host_data::{HostData, HostValue, Key};
use crate::table::{InvalidKey, Table};
use crate::value::Value;
use crate::vm::Vm;

/// An external table: an id the host can name it by, and its contents.
pub struct ExtTable {
    id: u64,
    contents: Contents,
}

/// Where an external table's contents are.
enum Contents {
    /// The built-in mutable store (`ext.table()`, `_io`, `_home`, copies of Lua tables),
    /// in the VM's own table representation (array and hash parts, Lua's border and
    /// traversal order). Only plain values and external tables are stored.
    Store(Gc<Table>),
    /// Data the host owns, read in place; a script sees each of its nodes as a table.
    Host(RefCell<Box<dyn HostData>>),
}

impl ExtTable {
    /// The table's id: unique among the external tables of one state.
    pub fn id(&self) -> u64 {
        self.id
    }
}

impl Trace for ExtTable {
    fn trace(&self, marker: &mut Marker) {
        // Host data holds no VM value.
        if let Contents::Store(table) = &self.contents {
            marker.mark(*table);
        }
    }
}

/// `key` as host data takes it: `None` for nil, NaN and reference types (no host
/// entry can have such a key).
fn host_key(key: &Value) -> Option<Key<'_>> {
    match key {
        Value::Bool(b) => Some(Key::Bool(*b)),
        Value::Int(i) => Some(Key::Int(*i)),
        Value::Float(f) => match crate::number::float_to_int_exact(*f) {
            Some(i) => Some(Key::Int(i)),
            None if f.is_nan() => None,
            None => Some(Key::Float(*f)),
        },
        Value::Str(s) => Some(Key::Str(s.as_bytes())),
        _ => None,
    }
}

impl Vm {
    /// A new, empty external table.
    pub fn new_ext_table(&mut self) -> Gc<ExtTable> {
        self.new_store().0
    }

    /// A new, empty external table and its contents.
    fn new_store(&mut self) -> (Gc<ExtTable>, Gc<Table>) {
        self.next_ext_id += 1;
        let data = self.heap.alloc(Table::new(0, 0));
        (self.heap.alloc(ExtTable { id: self.next_ext_id, contents: Contents::Store(data) }), data)
    }

    /// An external table whose contents are `data`, read in place (node 0 is the root).
    pub fn new_host_table(&mut self, data: Box<dyn HostData>) -> Gc<ExtTable> {
        self.next_ext_id += 1;
        self.heap.alloc(ExtTable { id: self.next_ext_id, contents: Contents::Host(RefCell::new(data)) })
    }

    /// `ext[key]` for node `node`, raw (external tables have no metatable).
    pub fn ext_get(&mut self, ext: Gc<ExtTable>, node: u32, key: Value) -> Value {
        match &ext.contents {
            Contents::Store(table) => table.get(key),
            Contents::Host(data) => {
                let Some(k) = host_key(&key) else { return Value::Nil };
                let data = data.borrow();
                let value = data.get(node, k);
                self.host_to_value(ext, value)
            }
        }
    }

    /// `#ext` for node `node`: a border.
    pub fn ext_len(&self, ext: Gc<ExtTable>, node: u32) -> i64 {
        match &ext.contents {
            Contents::Store(table) => table.len(),
            Contents::Host(data) => data.borrow().len(node),
        }
    }

    /// `next(ext, key)` for node `node`: the following entry, `None` at the end.
    pub fn ext_next(
        &mut self,
        ext: Gc<ExtTable>,
        node: u32,
        key: Value,
    ) -> Result<Option<(Value, Value)>, InvalidKey> {
        match &ext.contents {
            Contents::Store(table) => table.next(key),
            Contents::Host(data) => {
                let after = match key {
                    Value::Nil => None,
                    ref k => match host_key(k) {
                        Some(k) => Some(k),
                        None => return Err(InvalidKey),
                    },
                };
                let data = data.borrow();
                let Some((k, v)) = data.next(node, after) else { return Ok(None) };
                let k = match k {
                    Key::Bool(b) => Value::Bool(b),
                    Key::Int(i) => Value::Int(i),
                    Key::Float(f) => Value::Float(f),
                    Key::Str(s) => self.intern(s),
                };
                let v = self.host_to_value(ext, v);
                Ok(Some((k, v)))
            }
        }
    }

    /// A value read from host data, as a script sees it.
    fn host_to_value(&mut self, ext: Gc<ExtTable>, value: HostValue<'_>) -> Value {
        match value {
            HostValue::Nil => Value::Nil,
            HostValue::Bool(b) => Value::Bool(b),
            HostValue::Int(i) => Value::Int(i),
            HostValue::Float(f) => Value::Float(f),
            HostValue::Str(s) => self.intern(s),
            HostValue::Node(node) => Value::Extern(ext, node),
        }
    }

    /// `ext[key] = value` for node `node`: the value is converted for storing (Lua
    /// tables copied deeply) and stored without metamethods.
    pub fn ext_set(
        &mut self,
        ext: Gc<ExtTable>,
        node: u32,
        key: Value,
        value: Value,
    ) -> Result<(), LuaError> {
        // A nil or NaN key fails as in a table (`table index is nil`).
        if !is_plain(key) && !key.is_nil() {
            let message = format!("cannot use a {} as a key in an external table", self.type_name_of(key));
            return Err(self.error(&message));
        }
        match &ext.contents {
            Contents::Store(table) => {
                // The key path is kept as keys and written out only for an error: storing
                // plain values is the common case and must not format anything.
                let stored = match value {
                    Value::Table(_) | Value::Function(_) | Value::Thread(_) => {
                        self.external_copy(value, &mut vec![key], &mut Vec::new())?
                    }
                    plain => plain,
                };
                self.raw_set(*table, key, stored)
            }
            Contents::Host(data) => {
                let Some(k) = host_key(&key) else {
                    let reason = if key.is_nil() { "table index is nil" } else { "table index is NaN" };
                    return Err(self.error(reason));
                };
                let v = match value {
                    Value::Nil => HostValue::Nil,
                    Value::Bool(b) => HostValue::Bool(b),
                    Value::Int(i) => HostValue::Int(i),
                    Value::Float(f) => HostValue::Float(f),
                    Value::Str(ref s) => HostValue::Str(s.as_bytes()),
                    other => {
                        let message = format!(
                            "cannot store a {} in host data (field '{}')",
                            self.type_name_of(other),
                            key_path(&[key])
                        );
                        return Err(self.error(&message));
                    }
                };
                let result = data.borrow_mut().set(node, k, v);
                result.map_err(|reason| self.error(&format!("{reason} (field '{}')", key_path(&[key]))))
            }
        }
    }

    /// `value` as an external table holds it. No Lua code runs here, so the new tables,
    /// held only by this function until they are stored, cannot be collected meanwhile.
    /// `path` holds the keys from the assignment down to `value`, for error messages.
    fn external_copy(
        &mut self,
        value: Value,
        path: &mut Vec<Value>,
        visiting: &mut Vec<Gc<Table>>,
    ) -> Result<Value, LuaError> {
        let table = match value {
            Value::Table(t) => t,
            Value::Function(_) | Value::Thread(_) => {
                let message = format!(
                    "cannot store a {} in an external table (field '{}')",
                    self.type_name_of(value),
                    key_path(path)
                );
                return Err(self.error(&message));
            }
            plain => return Ok(plain),
        };
        if visiting.iter().any(|v| Gc::ptr_eq(*v, table)) {
            let message = format!(
                "cannot store a table with a cycle in an external table (field '{}')",
                key_path(path)
            );
            return Err(self.error(&message));
        }
        visiting.push(table);
        let (copy, data) = self.new_store();
        let mut key = Value::Nil;
        while let Ok(Some((k, v))) = table.next(key) {
            path.push(k);
            if !is_plain(k) {
                let message = format!(
                    "cannot use a {} as a key in an external table (field '{}')",
                    self.type_name_of(k),
                    key_path(path)
                );
                return Err(self.error(&message));
            }
            let stored = self.external_copy(v, path, visiting)?;
            path.pop();
            self.raw_set(data, k, stored)?;
            key = k;
        }
        visiting.pop();
        Ok(Value::Extern(copy, 0))
    }
}

/// A key an external table accepts: a string, a number or a boolean.
fn is_plain(key: Value) -> bool {
    matches!(key, Value::Str(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_))
}

/// A key path as error messages show it: `a.b`, `items[3]`.
fn key_path(keys: &[Value]) -> String {
    let mut path = String::new();
    for key in keys {
        push_key(&mut path, *key);
    }
    path
}

/// Appends `key` to a key path: `a.b`, `items[3]`.
fn push_key(path: &mut String, key: Value) {
    match key {
        Value::Str(s) => {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&String::from_utf8_lossy(s.as_bytes()));
        }
        Value::Int(i) => path.push_str(&format!("[{i}]")),
        Value::Float(f) => path.push_str(&format!("[{}]", crate::number::fmt_float(f))),
        Value::Bool(b) => path.push_str(&format!("[{b}]")),
        other => path.push_str(&format!("[{}]", other.type_name())),
    }
}

/// How `tostring` shows node `node` of `ext`: `table: 0x…` as for any table, with the
/// node after a colon for the nested tables of host data (distinct nodes are distinct
/// tables).
pub(crate) fn address_text(ext: Gc<ExtTable>, node: u32) -> String {
    if node == 0 {
        format!("table: {:#x}", ext.addr())
    } else {
        format!("table: {:#x}:{node}", ext.addr())
    }
}
