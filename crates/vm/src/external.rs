//! External tables: tables whose contents the host owns, as first-class values of the VM
//! (`Value::Extern`). Scripts index, assign, measure (`#`) and traverse them as tables
//! (`type` says `"table"`), but they hold only plain data: nil, booleans, numbers,
//! strings and other external tables, so that a host can read them without running Lua
//! code and a store can persist them.
//!
//! Owns the [`ExtTable`] object (its id and its contents), storing into one (a Lua table
//! is copied deeply into new external tables; a function, a coroutine or a cycle is an
//! error naming the key path) and the `ext` library (`ext.table()`). It must not give
//! external tables metatables: they have none, by design.

use crate::error::LuaError;
use crate::gc::{Gc, Marker, Trace};
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

/// An external table: an id the host can name it by, and its contents.
pub struct ExtTable {
    id: u64,
    /// The contents, in the VM's own table representation (array and hash parts, Lua's
    /// border and traversal order). Only plain values and external tables are stored.
    data: Gc<Table>,
}

impl ExtTable {
    /// The table's id: unique among the external tables of one state.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Raw read.
    pub fn get(&self, key: Value) -> Value {
        self.data.get(key)
    }

    /// A border, as `#` gives it.
    pub fn len(&self) -> i64 {
        self.data.len()
    }

    /// Whether the table holds no field.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The contents (for `next` and the raw functions).
    pub(crate) fn data(&self) -> Gc<Table> {
        self.data
    }
}

impl Trace for ExtTable {
    fn trace(&self, marker: &mut Marker) {
        marker.mark(self.data);
    }
}

impl Vm {
    /// A new, empty external table.
    pub fn new_ext_table(&mut self) -> Gc<ExtTable> {
        self.next_ext_id += 1;
        let data = self.heap.alloc(Table::new(0, 0));
        self.heap.alloc(ExtTable { id: self.next_ext_id, data })
    }

    /// `ext[key] = value`: the value is converted for storing (Lua tables copied deeply)
    /// and stored without metamethods.
    pub(crate) fn ext_set(&mut self, ext: Gc<ExtTable>, key: Value, value: Value) -> Result<(), LuaError> {
        // A nil or NaN key fails as in a table (`table index is nil`).
        if !is_plain(key) && !key.is_nil() {
            let message = format!("cannot use a {} as a key in an external table", self.type_name_of(key));
            return Err(self.error(&message));
        }
        let mut path = String::new();
        push_key(&mut path, key);
        let mut visiting = Vec::new();
        let stored = self.external_copy(value, &mut path, &mut visiting)?;
        self.raw_set(ext.data, key, stored)
    }

    /// `value` as an external table holds it. No Lua code runs here, so the new tables,
    /// held only by this function until they are stored, cannot be collected meanwhile.
    fn external_copy(
        &mut self,
        value: Value,
        path: &mut String,
        visiting: &mut Vec<Gc<Table>>,
    ) -> Result<Value, LuaError> {
        let table = match value {
            Value::Table(t) => t,
            Value::Function(_) | Value::Thread(_) => {
                let message = format!(
                    "cannot store a {} in an external table (field '{path}')",
                    self.type_name_of(value)
                );
                return Err(self.error(&message));
            }
            plain => return Ok(plain),
        };
        if visiting.iter().any(|v| Gc::ptr_eq(*v, table)) {
            let message = format!("cannot store a table with a cycle in an external table (field '{path}')");
            return Err(self.error(&message));
        }
        visiting.push(table);
        let copy = self.new_ext_table();
        let mut key = Value::Nil;
        while let Ok(Some((k, v))) = table.next(key) {
            let length = path.len();
            push_key(path, k);
            if !is_plain(k) {
                let message = format!(
                    "cannot use a {} as a key in an external table (field '{path}')",
                    self.type_name_of(k)
                );
                return Err(self.error(&message));
            }
            let stored = self.external_copy(v, path, visiting)?;
            path.truncate(length);
            self.raw_set(copy.data, k, stored)?;
            key = k;
        }
        visiting.pop();
        Ok(Value::Extern(copy))
    }
}

/// A key an external table accepts: a string, a number or a boolean.
fn is_plain(key: Value) -> bool {
    matches!(key, Value::Str(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_))
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

/// The `ext` library: `ext.table()` makes an empty external table.
pub(crate) fn open(vm: &mut Vm) {
    crate::stdlib::new_library(vm, "ext", &[("ext.table", ext_table)]);
}

fn ext_table(vm: &mut Vm, _base: usize, _count: usize) -> Result<usize, LuaError> {
    let table = vm.new_ext_table();
    vm.push(Value::Extern(table));
    Ok(1)
}
