//! Converting between JSON values and Lua values by copying (feature `json`).
//!
//! Owns `IntoLua`/`FromLua` for `serde_json::Value`, [`Ctx::to_json`] and
//! [`Ctx::output_json`]. Into Lua, a document is copied into external tables (objects
//! with string keys, arrays at keys `1..n`, null as nil), so scripts may change it; the
//! path that copies nothing is [`crate::JsonData`]. Out of Lua, a table whose keys are
//! exactly `1..n` is an array and any other table an object. It must not run Lua code:
//! tables are read raw, so a conversion cannot be interrupted by the collector.
//!
//! Choices, for what JSON cannot say:
//! - an empty table is an empty array `[]` (Lua cannot tell `{}` from `[]`; an empty
//!   list is the common case in results, and a reader expecting an object finds no
//!   member in `[]` either);
//! - object keys that are not strings are written as Lua's `tostring` writes them
//!   (`1`, `1.5`, `true`); two keys written alike (`t[1]` and `t["1"]`) are an error;
//! - NaN and infinities, strings that are not UTF-8, functions, coroutines, tables as
//!   keys and tables that contain themselves are errors naming the key path
//!   (`items[2].name`); a table shared by several keys is written at each;
//! - tables nest at most [`MAX_DEPTH`] deep, and shared tables may repeat at most
//!   [`MAX_REPEATED`] values in all (so a small structure sharing itself at every
//!   level cannot make an exponential document).

use std::collections::HashSet;
use std::fmt::Write;

use moonlet_vm::{Raw, RawTable, Scope};
use serde_json::{Map, Number, Value as Json};

use crate::convert::{FromLua, IntoLua};
use crate::error::{Error, Result};
use crate::json::scalar_value;
use crate::lua::Ctx;
use crate::value::Value;

/// How deeply tables may nest in a value converted to JSON.
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// let deep = lua.load("local t = {} for i = 1, 1000 do t = { t } end return t").eval().unwrap();
/// let err = lua.to_json(&deep).unwrap_err();
/// assert!(err.to_string().contains(&format!("more than {} deep", moonlet::JSON_MAX_DEPTH)), "{err}");
/// ```
pub const MAX_DEPTH: usize = 512;

/// How many values may be written again because a table is reached by more than one
/// path, in one conversion to JSON.
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// // 40 levels, each holding the level below twice: 2^40 values written out.
/// let v = lua.load("local t = {} for i = 1, 40 do t = { t, t } end return t").eval().unwrap();
/// let err = lua.to_json(&v).unwrap_err();
/// assert!(err.to_string().contains(&moonlet::JSON_MAX_REPEATED.to_string()), "{err}");
/// // Shared a few times, a table is simply written at each place.
/// let v = lua.load("local c = { 1 } return { a = c, b = c }").eval().unwrap();
/// assert_eq!(lua.to_json(&v).unwrap(), serde_json::json!({ "a": [1], "b": [1] }));
/// ```
pub const MAX_REPEATED: usize = 1 << 22;

impl IntoLua for Json {
    /// A copy in external tables (the root is plain if the document is a scalar).
    ///
    /// ```
    /// use moonlet::{Lua, Value};
    /// let mut lua = Lua::new();
    /// lua.set_input(serde_json::json!({"tags": ["a", "b"], "n": 1, "x": null})).unwrap();
    /// let r = lua.compute("_io.input.n = _io.input.n + 1 return #_io.input.tags, _io.input.n, _io.input.x").unwrap();
    /// assert_eq!(r, [Value::Integer(2), Value::Integer(2), Value::Nil]);
    /// ```
    fn into_lua(self, lua: &mut Ctx) -> Result<Value> {
        json_to_lua(lua, &self)
    }
}

impl IntoLua for &Json {
    /// As for an owned document (the host keeps its own).
    ///
    /// ```
    /// let doc = serde_json::json!([1, 2]);
    /// let mut lua = moonlet::Lua::new();
    /// let t = lua.to_value(&doc).unwrap();
    /// assert_eq!(lua.from_value::<Vec<i64>>(t).unwrap(), [1, 2]);
    /// ```
    fn into_lua(self, lua: &mut Ctx) -> Result<Value> {
        json_to_lua(lua, self)
    }
}

impl FromLua for Json {
    /// As [`Ctx::to_json`].
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let v: serde_json::Value = lua.load("return { ok = true, list = {1, 2.5} }").eval().unwrap();
    /// assert_eq!(v, serde_json::json!({ "ok": true, "list": [1, 2.5] }));
    /// ```
    fn from_lua(value: Value, lua: &mut Ctx) -> Result<Json> {
        lua.to_json(&value)
    }
}

/// Copies `json` into external tables, breadth first with an explicit list of the
/// tables still to fill (no recursion, so no depth limit).
fn json_to_lua(lua: &mut Ctx, json: &Json) -> Result<Value> {
    if let Some(scalar) = scalar_value(json) {
        return Ok(scalar);
    }
    if !matches!(json, Json::Array(_) | Json::Object(_)) {
        // A number outside what serde_json can give as i64 or f64.
        return Ok(Value::Nil);
    }
    let root = lua.state().scope(|s| -> Result<_> {
        let root = s.new_ext_table();
        let mut pending = vec![(root, json)];
        while let Some((table, json)) = pending.pop() {
            let entries: Vec<(Raw<'_>, &Json)> = match json {
                Json::Array(items) => {
                    items.iter().enumerate().map(|(i, v)| (Raw::Int(i as i64 + 1), v)).collect()
                }
                Json::Object(map) => map.iter().map(|(k, v)| (s.intern(k.as_bytes()), v)).collect(),
                _ => continue,
            };
            for (key, member) in entries {
                let value = match member {
                    Json::Array(_) | Json::Object(_) => {
                        let child = s.new_ext_table();
                        pending.push((child, member));
                        Raw::Table(child)
                    }
                    Json::String(text) => s.intern(text.as_bytes()),
                    scalar => match scalar_value(scalar) {
                        Some(Value::Boolean(b)) => Raw::Bool(b),
                        Some(Value::Integer(i)) => Raw::Int(i),
                        Some(Value::Number(f)) => Raw::Float(f),
                        _ => Raw::Nil,
                    },
                };
                if !value.is_nil() {
                    s.set(table, key, value)
                        .map_err(|message| Error::Runtime { message, traceback: None })?;
                }
            }
        }
        Ok(s.hold_table(root))
    })?;
    Ok(Value::Table(crate::value::Table(crate::value::Handle(root))))
}

impl Ctx {
    /// `value` as JSON: see the module's rules (`json_convert.rs`): nil is `null`, a
    /// table with keys exactly `1..n` an array, any other table an object, an empty
    /// table `[]`.
    ///
    /// ```
    /// use serde_json::json;
    /// let mut lua = moonlet::Lua::new();
    /// let v = lua.load("return { 10, 20, name = 'x', [1.5] = true }").eval().unwrap();
    /// assert_eq!(lua.to_json(&v).unwrap(), json!({ "1": 10, "2": 20, "name": "x", "1.5": true }));
    /// let v = lua.load("return { {}, { 1, 2 } }").eval().unwrap();
    /// assert_eq!(lua.to_json(&v).unwrap(), json!([[], [1, 2]]));
    /// let v = lua.load("return { f = { print } }").eval().unwrap();
    /// let err = lua.to_json(&v).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot convert a function to JSON: field 'f[1]'");
    /// ```
    pub fn to_json(&mut self, value: &Value) -> Result<Json> {
        let value = value.to_held();
        self.state().scope(|s| {
            let value = s.unhold(&value).map_err(|_| Error::WrongState)?;
            let mut writer = JsonWriter {
                scope: s,
                path: String::new(),
                visiting: Vec::new(),
                expanded: HashSet::new(),
                repeated: 0,
            };
            writer.value(value, false)
        })
    }

    /// `_io.output` as JSON (`null` when the script set none), by [`Ctx::to_json`].
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.compute("_io.output = { sum = 6, items = {1, 2, 3}, empty = {} }").unwrap();
    /// assert_eq!(lua.output_json().unwrap(), serde_json::json!({ "sum": 6, "items": [1, 2, 3], "empty": [] }));
    /// ```
    pub fn output_json(&mut self) -> Result<Json> {
        let output = self.output();
        self.to_json(&output)
    }
}

/// One conversion to JSON in progress.
struct JsonWriter<'a, 's> {
    scope: &'a mut Scope<'s>,
    /// The key path to the value being converted (`a.b[3]`), for messages.
    path: String,
    /// The tables being converted, outermost first (a table met again is a cycle).
    visiting: Vec<(usize, u32)>,
    /// The tables converted once already (a table met again is shared).
    expanded: HashSet<(usize, u32)>,
    /// Values written again under shared tables.
    repeated: usize,
}

impl<'s> JsonWriter<'_, 's> {
    fn fail(&self, from: &'static str, what: &str) -> Error {
        let message = match (what.is_empty(), self.path.is_empty()) {
            (_, true) => what.to_owned(),
            (true, false) => format!("field '{}'", self.path),
            (false, false) => format!("{what} (field '{}')", self.path),
        };
        Error::Conversion { from, to: "JSON", message }
    }

    /// `value`; `shared` when it is reached again through a table converted before.
    fn value(&mut self, value: Raw<'s>, shared: bool) -> Result<Json> {
        Ok(match value {
            Raw::Nil => Json::Null,
            Raw::Bool(b) => Json::Bool(b),
            Raw::Int(i) => Json::Number(i.into()),
            Raw::Float(f) => match Number::from_f64(f) {
                Some(n) => Json::Number(n),
                None => return Err(self.fail("number", "NaN and infinities have no JSON form")),
            },
            Raw::Str(s) => match std::str::from_utf8(s.as_bytes()) {
                Ok(text) => Json::String(text.to_owned()),
                Err(_) => return Err(self.fail("string", "not valid UTF-8")),
            },
            Raw::Table(table) => self.table(table, shared)?,
            Raw::Function(_) => return Err(self.fail("function", "")),
            Raw::Thread(_) => return Err(self.fail("thread", "")),
        })
    }

    fn table(&mut self, table: RawTable<'s>, shared: bool) -> Result<Json> {
        let id = table.identity();
        if self.visiting.contains(&id) {
            return Err(self.fail("table", "it contains itself"));
        }
        if self.visiting.len() >= MAX_DEPTH {
            return Err(self.fail("table", &format!("tables nest more than {MAX_DEPTH} deep")));
        }
        let shared = !self.expanded.insert(id) || shared;
        let entries = self.entries(table);
        if shared {
            self.repeated = self.repeated.saturating_add(entries.len());
            if self.repeated > MAX_REPEATED {
                let what = format!("shared tables repeat more than {MAX_REPEATED} values");
                return Err(self.fail("table", &what));
            }
        }
        self.visiting.push(id);
        let result =
            if is_array(&entries) { self.array(entries, shared) } else { self.object(entries, shared) };
        self.visiting.pop();
        result
    }

    /// Every entry of a table, raw, in `next` order.
    fn entries(&mut self, table: RawTable<'s>) -> Vec<(Raw<'s>, Raw<'s>)> {
        let mut entries = Vec::new();
        let mut key = Raw::Nil;
        // The keys come from the table itself, so `next` accepts them.
        while let Ok(Some((k, v))) = self.scope.next(table, key) {
            entries.push((k, v));
            key = k;
        }
        entries
    }

    fn array(&mut self, entries: Vec<(Raw<'s>, Raw<'s>)>, shared: bool) -> Result<Json> {
        let mut items = vec![Json::Null; entries.len()];
        for (key, value) in entries {
            let Raw::Int(i) = key else { continue };
            let length = self.path.len();
            let _ = write!(self.path, "[{i}]");
            let item = self.value(value, shared)?;
            self.path.truncate(length);
            if let Some(slot) = usize::try_from(i - 1).ok().and_then(|i| items.get_mut(i)) {
                *slot = item;
            }
        }
        Ok(Json::Array(items))
    }

    fn object(&mut self, entries: Vec<(Raw<'s>, Raw<'s>)>, shared: bool) -> Result<Json> {
        let mut map = Map::new();
        for (key, value) in entries {
            let length = self.path.len();
            let name = match key {
                Raw::Str(s) => match std::str::from_utf8(s.as_bytes()) {
                    Ok(text) => text.to_owned(),
                    Err(_) => {
                        push_segment(&mut self.path, &String::from_utf8_lossy(s.as_bytes()));
                        return Err(self.fail("string", "a key that is not valid UTF-8"));
                    }
                },
                Raw::Int(i) => i.to_string(),
                Raw::Float(f) => moonlet_vm::number::fmt_float(f),
                Raw::Bool(b) => b.to_string(),
                other => {
                    push_segment(&mut self.path, &format!("[{}]", other.type_name()));
                    return Err(
                        self.fail(other.type_name(), "a table key must be a string, number or boolean")
                    );
                }
            };
            push_segment(&mut self.path, &name);
            if map.contains_key(&name) {
                return Err(self.fail("table", "two keys are both written as this one"));
            }
            let member = self.value(value, shared)?;
            self.path.truncate(length);
            map.insert(name, member);
        }
        Ok(Json::Object(map))
    }
}

/// Appends an object key to a key path (`a.b`).
fn push_segment(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// Whether a table's keys are exactly `1..n` (an empty table is an array too).
fn is_array(entries: &[(Raw<'_>, Raw<'_>)]) -> bool {
    let n = entries.len() as i64;
    entries.iter().all(|(k, _)| matches!(k, Raw::Int(i) if (1..=n).contains(i)))
}
