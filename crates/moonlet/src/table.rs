//! Reading and writing tables from the host.
//!
//! Owns the methods of [`Table`] handles: raw `get`/`set` (no metamethods run, so
//! nothing the host does from here executes Lua code), `len` (a border, as `#`),
//! `pairs` and the external-table id. A Lua table stored into an external table is
//! copied deeply, as in scripts. It must not hold VM values past a call.

use moonlet_vm::{HeldValue, Raw, RawTable, Scope, WrongState};

use crate::convert::{FromLua, IntoLua, Plain};
use crate::error::{Error, Result};
use crate::lua::Ctx;
use crate::value::Handle;
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
        let key = key.into_plain(lua)?;
        let value = value.into_plain(lua)?;
        self.with(lua, |s, t| {
            // Into an external table, sequences and maps are written as external tables.
            let external = t.ext_id().is_some();
            let stored = write_plain(s, &key, external).and_then(|key| {
                let value = write_plain(s, &value, external)?;
                s.set(t, key, value).map_err(|message| Error::Runtime { message, traceback: None })
            });
            Ok(stored)
        })?
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
    /// [`Ctx::io_table_id`]); `None` for a Lua table.
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

impl Ctx {
    /// Writes `plain` into the state as Lua tables; the value.
    pub(crate) fn write_plain(&mut self, plain: &Plain) -> Result<Value> {
        let held = self.state().scope(|s| {
            let value = write_plain(s, plain, false)?;
            Ok::<_, Error>(s.hold(value))
        })?;
        Ok(Value::from_held(held))
    }
}

/// Writes `plain` in a scope: its sequences and maps as new tables (external ones when
/// `external`), in one pass, without pins. Recursion follows the nesting of the host's
/// own types.
pub(crate) fn write_plain<'s>(s: &mut Scope<'s>, plain: &Plain, external: bool) -> Result<Raw<'s>> {
    let new_table = |s: &mut Scope<'s>| if external { s.new_ext_table() } else { s.new_table() };
    let stored =
        |r: std::result::Result<(), String>| r.map_err(|message| Error::Runtime { message, traceback: None });
    Ok(match plain {
        Plain::Value(value) => raw_of(s, value)?,
        Plain::Seq(items) => {
            let table = new_table(s);
            for (i, item) in items.iter().enumerate() {
                let item = write_plain(s, item, external)?;
                stored(s.set(table, Raw::Int(i as i64 + 1), item))?;
            }
            Raw::Table(table)
        }
        Plain::Map(entries) => {
            let table = new_table(s);
            for (k, v) in entries {
                let k = write_plain(s, k, external)?;
                let v = write_plain(s, v, external)?;
                stored(s.set(table, k, v))?;
            }
            Raw::Table(table)
        }
    })
}

/// A host value in a scope: strings interned, handles looked up.
fn raw_of<'s>(s: &mut Scope<'s>, value: &Value) -> Result<Raw<'s>> {
    Ok(match value {
        Value::Nil => Raw::Nil,
        Value::Boolean(b) => Raw::Bool(*b),
        Value::Integer(i) => Raw::Int(*i),
        Value::Number(f) => Raw::Float(*f),
        Value::String(bytes) => s.intern(bytes.as_bytes()),
        Value::Table(crate::value::Table(Handle(r)))
        | Value::Function(crate::value::Function(Handle(r)))
        | Value::Thread(crate::value::Thread(Handle(r))) => s.held(r).map_err(|_| Error::WrongState)?,
    })
}
