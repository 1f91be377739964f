//! Reading and writing tables from the host.
//!
//! Owns the methods of [`Table`] handles: raw `get`/`set` (no metamethods run, so
//! nothing the host does from here executes Lua code), `len` (a border, as `#`),
//! `pairs` and the external-table id. A Lua table stored into an external table is
//! copied deeply, as in scripts. It must not hold VM values past a call.

use moonlet_vm::{HeldValue, Raw, RawTable, Scope, WrongState};

use crate::convert::{FromLua, IntoLua};
use crate::error::{Error, Result};
use crate::lua::Ctx;
use crate::value::{Table, Value};

impl Table {
    /// Runs `f` on this table in a scope of `lua` (`WrongState` for another state's).
    fn with<R>(
        &self,
        lua: &mut Ctx,
        f: impl for<'s> FnOnce(&mut Scope<'s>, RawTable<'s>) -> Result<R, WrongState>,
    ) -> Result<R> {
        let r = &(self.0).0;
        lua.state()
            .scope(|s| match s.held(r)? {
                Raw::Table(t) => f(s, t),
                _ => Err(WrongState),
            })
            .map_err(|_| Error::WrongState)
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
    pub fn get<V: FromLua>(&self, lua: &mut Ctx, key: impl IntoLua) -> Result<V> {
        let key = key.into_lua(lua)?.to_held();
        let value = self.with(lua, |s, t| {
            let key = s.unhold(&key)?;
            let value = s.get(t, key);
            Ok(s.hold(value))
        })?;
        V::from_lua(Value::from_held(value), lua)
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
    pub fn set(&self, lua: &mut Ctx, key: impl IntoLua, value: impl IntoLua) -> Result<()> {
        let key = key.into_lua(lua)?.to_held();
        let value = value.into_lua(lua)?.to_held();
        let stored = self.with(lua, |s, t| {
            let key = s.unhold(&key)?;
            let value = s.unhold(&value)?;
            Ok(s.set(t, key, value))
        })?;
        stored.map_err(|message| Error::Runtime { message, traceback: None })
    }

    /// A border of the table, as `#t` (raw).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let t: moonlet::Table = lua.load("return {1, 2, 3}").eval().unwrap();
    /// assert_eq!(t.len(&mut lua).unwrap(), 3);
    /// ```
    pub fn len(&self, lua: &mut Ctx) -> Result<i64> {
        self.with(lua, |s, t| Ok(s.len(t)))
    }

    /// Every entry, in `next` order.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let t: moonlet::Table = lua.load("return {10, 20}").eval().unwrap();
    /// let entries = t.pairs(&mut lua).unwrap();
    /// assert_eq!(entries[1], (moonlet::Value::Integer(2), moonlet::Value::Integer(20)));
    /// ```
    pub fn pairs(&self, lua: &mut Ctx) -> Result<Vec<(Value, Value)>> {
        let entries: Vec<(HeldValue, HeldValue)> = self.with(lua, |s, t| {
            let mut entries = Vec::new();
            let mut key = Raw::Nil;
            // The keys come from the table itself, so `next` accepts them.
            while let Ok(Some((k, v))) = s.next(t, key) {
                let entry = (s.hold(k), s.hold(v));
                entries.push(entry);
                key = k;
            }
            Ok(entries)
        })?;
        Ok(entries.into_iter().map(|(k, v)| (Value::from_held(k), Value::from_held(v))).collect())
    }

    /// The id of an external table (unique in its state; `_io`'s is
    /// [`Lua::io_table_id`]); `None` for a Lua table.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let t = lua.create_table();
    /// assert_eq!(t.id(&mut lua).unwrap(), None);
    /// ```
    pub fn id(&self, lua: &mut Ctx) -> Result<Option<u64>> {
        self.with(lua, |_, t| Ok(t.ext_id()))
    }
}
