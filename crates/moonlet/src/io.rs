//! The compute-unit API: the `_io` external table and the ways a host drives a script
//! through it.
//!
//! Owns what the seed documents' JavaScript API did, for a Rust host: `compute`,
//! `set_input`/`set_input_field`, `output`/`output_field`, `set_meta`, `clear_io`,
//! `io_table_id`, and the wrapper patterns `compute_with_io`, `process_stream` and
//! `request`. `_io.input`, `_io.output` and `_io.meta` are fields of one external table
//! the host keeps pinned, so a script rebinding the global `_io` does not lose the
//! host's. Values go in as [`IntoLua`] (a Lua table is copied into external tables,
//! host data behind [`crate::HostData`] is handed over as it is) and come out as
//! handles, read in place (see `Table`). It must not convert whole structures unless asked
//! (`output` returns a handle; `output_into`, `output_json` and `output_as` convert).

use moonlet_vm::{Raw, Ref};

use crate::convert::{FromLuaMulti, IntoLua};
use crate::error::{Error, Result};
use crate::lua::Ctx;
use crate::value::Value;

/// What a run through `_io` gave: the chunk's return values, then `_io.output` and
/// `_io.meta` as the script left them.
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// let r: moonlet::IoResult = lua.compute_with_io("_io.meta.seen = true return 1", moonlet::Value::Nil, vec![0]).unwrap();
/// assert_eq!(r.returns, [moonlet::Value::Integer(1)]);
/// assert!(r.output.is_nil());
/// ```
#[derive(Clone, Debug)]
pub struct IoResult {
    pub returns: Vec<Value>,
    pub output: Value,
    pub meta: Value,
}

impl Ctx {
    /// The `_io` table, made on first use.
    pub(crate) fn io_table(&mut self) -> Ref {
        if let Some(io) = self.embedder().io.clone() {
            return io;
        }
        let io = self.state().scope(|s| {
            let io = s.new_ext_table();
            s.hold_table(io)
        });
        self.embedder().io = Some(io.clone());
        io
    }

    fn io_get(&mut self, field: &str) -> Value {
        let io = self.io_table();
        let value = self.state().scope(|s| match s.held(&io) {
            Ok(Raw::Table(io)) => {
                let key = s.intern(field.as_bytes());
                let value = s.get(io, key);
                s.hold(value)
            }
            _ => moonlet_vm::HeldValue::Nil,
        });
        Value::from_held(value)
    }

    fn io_set(&mut self, field: &str, value: impl IntoLua) -> Result<()> {
        let value = value.into_plain(self)?;
        let io = self.io_table();
        self.state().scope(|s| {
            let Ok(Raw::Table(io)) = s.held(&io) else { return Err(Error::WrongState) };
            // Sequences and maps of host values become external tables directly.
            let value = crate::table::write_plain(s, &value, true)?;
            let key = s.intern(field.as_bytes());
            s.set(io, key, value).map_err(|message| Error::Runtime { message, traceback: None })
        })
    }

    /// Runs `code` (named `compute` in messages) and returns its results. Input, output
    /// and metadata stay as they are: set them before, read them after.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.set_input(vec![1, 2, 3, 4, 5]).unwrap();
    /// let r = lua.compute("local s = 0 for _, n in ipairs(_io.input) do s = s + n end return s").unwrap();
    /// assert_eq!(r, [moonlet::Value::Integer(15)]);
    /// ```
    pub fn compute(&mut self, code: &str) -> Result<Vec<Value>> {
        let all: crate::MultiValue = self.load(code).name("compute").eval()?;
        Ok(all.0)
    }

    /// Sets `_io.input`, replacing what was there. A Lua table or `Vec`/`HashMap` is
    /// copied into external tables; an external table (and host data made with
    /// [`crate::HostTable`]) is stored by reference, without copying.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.set_input("hello").unwrap();
    /// assert_eq!(lua.compute("return _io.input:upper()").unwrap()[0], moonlet::Value::String("HELLO".into()));
    /// ```
    pub fn set_input(&mut self, value: impl IntoLua) -> Result<()> {
        self.io_set("input", value)
    }

    /// The input as the script sees it now.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// assert!(lua.input().is_nil());
    /// ```
    pub fn input(&mut self) -> Value {
        self.io_get("input")
    }

    /// Sets one field of `_io.input`, making `_io.input` an empty external table first
    /// if it is not a table.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.set_input_field("userId", 123).unwrap();
    /// lua.set_input_field("action", "update").unwrap();
    /// let r = lua.compute("return _io.input.action .. ':' .. _io.input.userId").unwrap();
    /// assert_eq!(r[0], moonlet::Value::String("update:123".into()));
    /// ```
    pub fn set_input_field(&mut self, key: impl IntoLua, value: impl IntoLua) -> Result<()> {
        let input = match self.input() {
            Value::Table(t) => t,
            _ => {
                let t = self.create_ext_table();
                self.set_input(t.clone())?;
                t
            }
        };
        input.set(self, key, value)
    }

    /// `_io.output` as a handle (a table is read in place: see [`crate::Table`]); `Nil` when the
    /// script set none.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.compute("_io.output = { sum = 15, items = {1, 2, 3} }").unwrap();
    /// let moonlet::Value::Table(out) = lua.output() else { panic!() };
    /// assert_eq!(out.get::<i64>(&mut lua, "sum").unwrap(), 15);
    /// ```
    pub fn output(&mut self) -> Value {
        self.io_get("output")
    }

    /// One field of `_io.output`, without converting the rest (`Nil` if there is no
    /// output or no such field).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.compute("_io.output = { status = 'ok', data = { huge = 'dataset' } }").unwrap();
    /// assert_eq!(lua.output_field("status").unwrap(), moonlet::Value::String("ok".into()));
    /// assert!(lua.output_field("missing").unwrap().is_nil());
    /// ```
    pub fn output_field(&mut self, key: impl IntoLua) -> Result<Value> {
        match self.output() {
            Value::Table(t) => t.get(self, key),
            _ => Ok(Value::Nil),
        }
    }

    /// Sets `_io.meta` (request ids, versions...): scripts read and extend it.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.set_meta(std::collections::HashMap::from([("requestId", "req-1")])).unwrap();
    /// lua.compute("_io.meta.itemsProcessed = 100").unwrap();
    /// let moonlet::Value::Table(meta) = lua.meta() else { panic!() };
    /// assert_eq!(meta.get::<String>(&mut lua, "requestId").unwrap(), "req-1");
    /// assert_eq!(meta.get::<i64>(&mut lua, "itemsProcessed").unwrap(), 100);
    /// ```
    pub fn set_meta(&mut self, value: impl IntoLua) -> Result<()> {
        self.io_set("meta", value)
    }

    /// `_io.meta` as the script left it.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.compute("_io.meta = { step = 2 }").unwrap();
    /// let moonlet::Value::Table(meta) = lua.meta() else { panic!() };
    /// assert_eq!(meta.get::<i64>(&mut lua, "step").unwrap(), 2);
    /// ```
    pub fn meta(&mut self) -> Value {
        self.io_get("meta")
    }

    /// Sets `_io.input`, `_io.output` and `_io.meta` to nil (between requests, so that
    /// nothing leaks from one to the next). `_home` is untouched.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.set_input(1).unwrap();
    /// lua.set_meta(2).unwrap();
    /// lua.compute("_io.output = 3").unwrap();
    /// lua.clear_io().unwrap();
    /// let r = lua.compute("return _io.input, _io.output, _io.meta").unwrap();
    /// assert!(r.iter().all(|v| v.is_nil()));
    /// ```
    pub fn clear_io(&mut self) -> Result<()> {
        for field in ["input", "output", "meta"] {
            self.io_set(field, Value::Nil)?;
        }
        Ok(())
    }

    /// The id of the `_io` external table (every external table has one: see
    /// [`crate::Table::id`]).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let id = lua.io_table_id();
    /// let io: moonlet::Table = lua.load("return _io").eval().unwrap();
    /// assert_eq!(io.id(&mut lua).unwrap(), Some(id));
    /// ```
    pub fn io_table_id(&mut self) -> u64 {
        let io = self.io_table();
        self.state().scope(|s| match s.held(&io) {
            Ok(Raw::Table(io)) => io.ext_id().unwrap_or(0),
            _ => 0,
        })
    }

    /// The whole cycle in one call: clears `_io`, sets input and metadata, runs `code`,
    /// and returns its results with the output and metadata it left.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let r = lua.compute_with_io("_io.output = { n = #_io.input } return 'done'", vec![5, 6], "m").unwrap();
    /// assert_eq!(r.returns[0], moonlet::Value::String("done".into()));
    /// let moonlet::Value::Table(out) = r.output else { panic!() };
    /// assert_eq!(out.get::<i64>(&mut lua, "n").unwrap(), 2);
    /// assert_eq!(r.meta, moonlet::Value::String("m".into()));
    /// ```
    pub fn compute_with_io(
        &mut self,
        code: &str,
        input: impl IntoLua,
        meta: impl IntoLua,
    ) -> Result<IoResult> {
        self.clear_io()?;
        self.set_input(input)?;
        self.set_meta(meta)?;
        let returns = self.compute(code)?;
        Ok(IoResult { returns, output: self.output(), meta: self.meta() })
    }

    /// Runs `code` once per batch of `batch_size` items: each run sees the batch as
    /// `_io.input.batch` (an external table of its items) and
    /// `_io.meta = { batchIndex = i, batchCount = n, batchSize = size }` (1-based), and
    /// the outputs come back in order. A `batch_size` of 0 is taken as 1.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let code = "local s = 0 for _, x in ipairs(_io.input.batch) do s = s + x end _io.output = s";
    /// let outs = lua.process_stream(code, 1..=10, 4).unwrap();
    /// let sums: Vec<i64> = outs.into_iter().map(|v| lua.from_value(v).unwrap()).collect();
    /// assert_eq!(sums, [10, 26, 19]);
    /// ```
    pub fn process_stream<I>(&mut self, code: &str, items: I, batch_size: usize) -> Result<Vec<Value>>
    where
        I: IntoIterator,
        I::Item: IntoLua,
    {
        let batch_size = batch_size.max(1);
        let function = self.load(code).name("compute").into_function()?;
        let items: Vec<I::Item> = items.into_iter().collect();
        let batch_count = items.len().div_ceil(batch_size);
        let mut outputs = Vec::with_capacity(batch_count);
        let mut items = items.into_iter();
        for index in 1..=batch_count {
            self.clear_io()?;
            let batch = self.create_ext_table();
            for (i, item) in items.by_ref().take(batch_size).enumerate() {
                batch.set(self, i as i64 + 1, item)?;
            }
            let input = self.create_ext_table();
            input.set(self, "batch", batch)?;
            self.set_input(input)?;
            let meta = self.create_ext_table();
            meta.set(self, "batchIndex", index)?;
            meta.set(self, "batchCount", batch_count)?;
            meta.set(self, "batchSize", batch_size)?;
            self.set_meta(meta)?;
            function.call::<()>(self, ())?;
            outputs.push(self.output());
        }
        Ok(outputs)
    }

    /// Calls the global function `method` with `params` as its argument and as
    /// `_io.input` (output cleared first), RPC style. A global that is not a function is
    /// [`Error::UnknownMethod`].
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.load("function add(p) _io.output = { sum = p.a + p.b } return 'ok' end").exec().unwrap();
    /// let params = std::collections::HashMap::from([("a", 2), ("b", 3)]);
    /// let r = lua.request("add", params).unwrap();
    /// assert_eq!(r.returns[0], moonlet::Value::String("ok".into()));
    /// assert!(matches!(lua.request("nope", moonlet::Value::Nil), Err(moonlet::Error::UnknownMethod(_))));
    /// ```
    pub fn request(&mut self, method: &str, params: impl IntoLua) -> Result<IoResult> {
        let globals = self.globals();
        let Value::Function(function) = globals.get::<Value>(self, method)? else {
            return Err(Error::UnknownMethod(method.to_owned()));
        };
        self.io_set("output", Value::Nil)?;
        self.set_input(params)?;
        let input = self.input();
        let all: crate::MultiValue = function.call(self, input)?;
        Ok(IoResult { returns: all.0, output: self.output(), meta: self.meta() })
    }

    /// Converts `_io.output` into `T` with [`FromLuaMulti`]'s rules (see also
    /// `output_as` with the `serde` feature).
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.compute("_io.output = {3, 4}").unwrap();
    /// assert_eq!(lua.output_into::<Vec<i64>>().unwrap(), [3, 4]);
    /// ```
    pub fn output_into<T: FromLuaMulti>(&mut self) -> Result<T> {
        let output = self.output();
        T::from_lua_multi(vec![output], self)
    }
}
