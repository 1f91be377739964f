//! Reading and writing tables from the host.
//!
//! Owns the methods of [`Table`] handles: raw `get`/`set` (no metamethods run, so
//! nothing the host does from here executes Lua code), `len` (a border, as `#`),
//! `pairs` and the external-table id. A Lua table stored into an external table is
//! copied deeply, as in scripts. It must not hold VM values past a call.

use moonlet_vm::value::Value as VmValue;

use crate::convert::{FromLua, IntoLua};
use crate::error::{Error, Result};
use crate::lua::Lua;
use crate::value::{Table, Value};

impl Table {
    fn target(&self, lua: &mut Lua) -> Result<VmValue> {
        lua.vm.pinned(&(self.0).0).ok_or(Error::WrongState)
    }

    /// `t[key]`, raw, converted into `V`.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let t: moonlet::Table = lua.load("return {x = 1.5, 'a'}").eval().unwrap();
    /// assert_eq!(t.get::<f64>(&mut lua, "x").unwrap(), 1.5);
    /// assert_eq!(t.get::<String>(&mut lua, 1).unwrap(), "a");
    /// assert_eq!(t.get::<Option<i64>>(&mut lua, "missing").unwrap(), None);
    /// ```
    pub fn get<V: FromLua>(&self, lua: &mut Lua, key: impl IntoLua) -> Result<V> {
        let target = self.target(lua)?;
        let key = key.into_lua(lua)?;
        let key = lua.vm_value(&key)?;
        let value = match target {
            VmValue::Table(t) => t.get(key),
            VmValue::Extern(e, node) => lua.vm.ext_get(e, node, key),
            _ => VmValue::Nil,
        };
        let value = lua.host_value(value);
        V::from_lua(value, lua)
    }

    /// `t[key] = value`, raw. Into an external table, a Lua table is copied deeply
    /// (functions and cycles are refused, naming the key path).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let out = lua.create_ext_table();
    /// out.set(&mut lua, "items", vec![1, 2, 3]).unwrap();
    /// let items: moonlet::Table = out.get(&mut lua, "items").unwrap();
    /// assert_eq!(items.len(&mut lua).unwrap(), 3);
    /// assert!(items.id(&mut lua).unwrap().is_some());
    /// ```
    pub fn set(&self, lua: &mut Lua, key: impl IntoLua, value: impl IntoLua) -> Result<()> {
        let target = self.target(lua)?;
        let key = key.into_lua(lua)?;
        let value = value.into_lua(lua)?;
        let key = lua.vm_value(&key)?;
        let value = lua.vm_value(&value)?;
        let result = match target {
            VmValue::Table(t) => match t.set(key, value) {
                Ok(()) => return Ok(()),
                Err(e) => Err(lua.vm.error(&e.to_string())),
            },
            VmValue::Extern(e, node) => lua.vm.ext_set(e, node, key, value),
            _ => return Err(Error::WrongState),
        };
        result.map_err(|e| lua.runtime_error(e))
    }

    /// A border of the table, as `#t` (raw).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let t: moonlet::Table = lua.load("return {1, 2, 3}").eval().unwrap();
    /// assert_eq!(t.len(&mut lua).unwrap(), 3);
    /// ```
    pub fn len(&self, lua: &mut Lua) -> Result<i64> {
        Ok(match self.target(lua)? {
            VmValue::Table(t) => t.len(),
            VmValue::Extern(e, node) => lua.vm.ext_len(e, node),
            _ => 0,
        })
    }

    /// Every entry, in `next` order.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let t: moonlet::Table = lua.load("return {10, 20}").eval().unwrap();
    /// let entries = t.pairs(&mut lua).unwrap();
    /// assert_eq!(entries[1], (moonlet::Value::Integer(2), moonlet::Value::Integer(20)));
    /// ```
    pub fn pairs(&self, lua: &mut Lua) -> Result<Vec<(Value, Value)>> {
        let target = self.target(lua)?;
        let mut entries = Vec::new();
        let mut key = VmValue::Nil;
        loop {
            let next = match target {
                VmValue::Table(t) => t.next(key),
                VmValue::Extern(e, node) => lua.vm.ext_next(e, node, key),
                _ => Ok(None),
            };
            // The keys come from the table itself, so `next` accepts them.
            let Ok(Some((k, v))) = next else { break };
            let entry = (lua.host_value(k), lua.host_value(v));
            entries.push(entry);
            key = k;
        }
        Ok(entries)
    }

    /// The id of an external table (unique in its state; `_io`'s is
    /// [`Lua::io_table_id`]); `None` for a Lua table.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let t = lua.create_table();
    /// assert_eq!(t.id(&mut lua).unwrap(), None);
    /// ```
    pub fn id(&self, lua: &mut Lua) -> Result<Option<u64>> {
        Ok(match self.target(lua)? {
            VmValue::Extern(e, _) => Some(e.id()),
            _ => None,
        })
    }
}
