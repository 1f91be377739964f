//! JSON documents as external tables, read in place (feature `json`).
//!
//! Owns [`JsonData`], the [`HostData`] over an owned `serde_json::Value`: handing a
//! parsed document to a state is O(1) and nothing is converted up front. A script sees
//! each nested object or array as an external table, a *node* of the document, whose
//! id is given the first time the script reaches it and kept, so `t.a == t.a` holds and
//! the bookkeeping grows only with the nodes visited. Also owns [`parse_json`] and the
//! mapping of `serde_json`'s errors into [`Error::Json`]. The conversions that copy
//! (JSON into external tables, Lua values into JSON) are `json_convert.rs`'s. It must
//! not use `unsafe`: nodes are found again by their path from the root.
//!
//! The mapping: objects are tables with string keys (traversed in the map's order),
//! arrays are tables with keys `1..n` (`#` and `ipairs` work), `null` is nil, an
//! integer that fits an `i64` is an integer and every other number a float.

use std::cell::RefCell;
use std::collections::HashMap;

use moonlet_vm::host_data::{HostData, HostValue, Key};
use serde_json::{Map, Value as Json};
use smallvec::SmallVec;

use crate::convert::IntoLua;
use crate::error::{Error, Result};
use crate::host_table::HostTable;
use crate::lua::Ctx;
use crate::value::{LuaString, Value};

/// Parses JSON text; a syntax error is [`Error::Json`] with its 1-based line and column.
///
/// ```
/// let v = moonlet::parse_json(br#"{"a": [1, 2.5, null]}"#).unwrap();
/// assert_eq!(v["a"][1], 2.5);
/// match moonlet::parse_json(b"{\n  \"a\": 1,\n  \"b\": x\n}") {
///     Err(moonlet::Error::Json { message, line, column }) => {
///         assert_eq!((message.as_str(), line, column), ("expected value", 3, 8))
///     }
///     other => panic!("{other:?}"),
/// }
/// let err = moonlet::parse_json("[1,\n 2\n").unwrap_err();
/// assert_eq!(err.to_string(), "EOF while parsing a list at line 2 column 3");
/// ```
pub fn parse_json(text: impl AsRef<[u8]>) -> Result<Json> {
    let text = text.as_ref();
    serde_json::from_slice(text).map_err(|e| match json_error(e) {
        // serde_json puts an error found just after a newline (the end of the text) at
        // column 0 of the next line: it is after the last character of the line before.
        Error::Json { message, line, column: 0 } if line > 1 => {
            let previous = text.split(|&c| c == b'\n').nth(line - 2).unwrap_or_default();
            // Columns count bytes, as serde_json counts them.
            let column = previous.len() + 1;
            Error::Json { message, line: line - 1, column }
        }
        other => other,
    })
}

/// `serde_json`'s error as [`Error::Json`]: the message without the position it
/// appends (the position is in `line` and `column`).
pub(crate) fn json_error(error: serde_json::Error) -> Error {
    let (line, column) = (error.line(), error.column());
    let text = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
    Error::Json { message, line, column }
}

/// A JSON document handed to a state as it is: scripts read it in place (see the
/// module documentation for the mapping). Read-only: assigning into it is a Lua error.
///
/// Put it into a state with [`IntoLua`] (`set_input`, `Table::set`, a function's
/// results...): an object or array root becomes an external table in O(1), a scalar
/// root becomes that scalar.
///
/// ```
/// use moonlet::{JsonData, Lua, Value};
///
/// let doc = serde_json::json!({ "items": [{ "price": 2 }, { "price": 3.5 }], "note": null });
/// let mut lua = Lua::new();
/// lua.set_input(JsonData::new(doc)).unwrap();
/// let r = lua.compute(r#"
///     local sum = 0
///     for _, item in ipairs(_io.input.items) do sum = sum + item.price end
///     return sum, #_io.input.items, _io.input.items == _io.input.items, _io.input.note
/// "#).unwrap();
/// assert_eq!(r, [Value::Number(5.5), Value::Integer(2), Value::Boolean(true), Value::Nil]);
/// ```
pub struct JsonData {
    root: Json,
    nodes: RefCell<Nodes>,
}

/// Where a node is in its parent.
enum Segment {
    /// Position in an array (0-based).
    Index(usize),
    /// Key in an object.
    Key(Box<str>),
}

/// The nodes given an id so far, and traversal state.
struct Nodes {
    /// Node `i` is at `place[i]`: its parent node and where it is in it (`place[0]`,
    /// the root, is never read). A parent's id is always smaller than its child's.
    place: Vec<(u32, Segment)>,
    /// The ids of array elements, by (parent, index).
    by_index: HashMap<(u32, usize), u32>,
    /// The ids of object members, by parent then key.
    by_key: HashMap<u32, HashMap<Box<str>, u32>>,
    /// The key order of the large objects traversed lately (most recent last), so that
    /// `next` finds the key after another without scanning the object.
    orders: Vec<KeyOrder>,
}

/// The keys of an object node in its map's order, and where the last `next` was.
struct KeyOrder {
    node: u32,
    keys: Vec<Box<str>>,
    at: usize,
}

/// Objects with at most this many keys are scanned by `next` rather than indexed.
const SCAN_KEYS: usize = 16;
/// How many objects' key orders are kept.
const ORDERS_KEPT: usize = 8;

/// A segment to look up, borrowed.
#[derive(Clone, Copy)]
enum SegmentRef<'a> {
    Index(usize),
    Key(&'a str),
}

impl JsonData {
    /// Wraps a document (nothing is converted or copied).
    ///
    /// ```
    /// let data = moonlet::JsonData::new(serde_json::json!([1, 2, 3]));
    /// assert_eq!(data.nodes_visited(), 0);
    /// ```
    pub fn new(root: Json) -> JsonData {
        let nodes = Nodes {
            place: vec![(0, Segment::Index(0))],
            by_index: HashMap::new(),
            by_key: HashMap::new(),
            orders: Vec::new(),
        };
        JsonData { root, nodes: RefCell::new(nodes) }
    }

    /// Parses JSON text into a document (errors as [`parse_json`]).
    ///
    /// ```
    /// let data = moonlet::JsonData::parse(r#"{"n": 1}"#).unwrap();
    /// assert_eq!(data.value()["n"], 1);
    /// assert!(matches!(moonlet::JsonData::parse("[1,"), Err(moonlet::Error::Json { .. })));
    /// ```
    pub fn parse(text: impl AsRef<[u8]>) -> Result<JsonData> {
        parse_json(text).map(JsonData::new)
    }

    /// The document.
    ///
    /// ```
    /// let data = moonlet::JsonData::new(serde_json::json!({"a": true}));
    /// assert_eq!(data.value()["a"], true);
    /// ```
    pub fn value(&self) -> &Json {
        &self.root
    }

    /// The document back, for the host to keep.
    ///
    /// ```
    /// let data = moonlet::JsonData::new(serde_json::json!("text"));
    /// assert_eq!(data.into_value(), "text");
    /// ```
    pub fn into_value(self) -> Json {
        self.root
    }

    /// How many nested objects and arrays have an id so far: the ones scripts reached
    /// (the root is not counted).
    ///
    /// ```
    /// use moonlet::{HostData, Key};
    /// let data = moonlet::JsonData::new(serde_json::json!({"a": {"b": 1}, "c": [1]}));
    /// assert_eq!(data.nodes_visited(), 0);
    /// let a = data.get(0, Key::Str(b"a"));
    /// assert_eq!(data.get(0, Key::Str(b"a")), a);
    /// assert_eq!(data.nodes_visited(), 1);
    /// ```
    pub fn nodes_visited(&self) -> usize {
        self.nodes.borrow().place.len() - 1
    }

    /// The JSON value of node `node`, found by walking its path from the root.
    fn resolve(&self, node: u32) -> Option<&Json> {
        if node == 0 {
            return Some(&self.root);
        }
        let nodes = self.nodes.borrow();
        let mut chain: SmallVec<[u32; 16]> = SmallVec::new();
        let mut at = node;
        while at != 0 {
            chain.push(at);
            let parent = nodes.place.get(at as usize)?.0;
            // Parents are older than their children: the walk ends at the root.
            if parent >= at {
                return None;
            }
            at = parent;
        }
        let mut value = &self.root;
        for id in chain.iter().rev() {
            value = match &nodes.place.get(*id as usize)?.1 {
                Segment::Index(i) => value.as_array()?.get(*i)?,
                Segment::Key(k) => value.as_object()?.get(&**k)?,
            };
        }
        Some(value)
    }

    /// The id of the child of `parent` at `segment`, given on first use.
    fn child_id(&self, parent: u32, segment: SegmentRef<'_>) -> Option<u32> {
        let mut nodes = self.nodes.borrow_mut();
        let known = match segment {
            SegmentRef::Index(i) => nodes.by_index.get(&(parent, i)).copied(),
            SegmentRef::Key(k) => nodes.by_key.get(&parent).and_then(|m| m.get(k)).copied(),
        };
        if known.is_some() {
            return known;
        }
        let id = u32::try_from(nodes.place.len()).ok()?;
        match segment {
            SegmentRef::Index(i) => {
                nodes.place.push((parent, Segment::Index(i)));
                nodes.by_index.insert((parent, i), id);
            }
            SegmentRef::Key(k) => {
                nodes.place.push((parent, Segment::Key(k.into())));
                nodes.by_key.entry(parent).or_default().insert(k.into(), id);
            }
        }
        Some(id)
    }

    /// A member of node `parent` as a script sees it.
    fn host_value<'a>(&self, parent: u32, segment: SegmentRef<'_>, value: &'a Json) -> HostValue<'a> {
        match value {
            Json::Null => HostValue::Nil,
            Json::Bool(b) => HostValue::Bool(*b),
            Json::Number(n) => number(n).unwrap_or(HostValue::Nil),
            Json::String(s) => HostValue::Str(s.as_bytes()),
            // Beyond 2^32 nodes (far more than memory holds) a member reads as nil.
            Json::Array(_) | Json::Object(_) => match self.child_id(parent, segment) {
                Some(id) => HostValue::Node(id),
                None => HostValue::Nil,
            },
        }
    }

    /// The member after key `after` in object node `node`, in the map's order.
    fn next_member<'a>(
        &self,
        node: u32,
        map: &'a Map<String, Json>,
        after: &[u8],
    ) -> Option<(&'a str, &'a Json)> {
        if map.len() <= SCAN_KEYS {
            let mut entries = map.iter();
            entries.by_ref().find(|(k, _)| k.as_bytes() == after)?;
            return entries.find(|(_, v)| !v.is_null()).map(|(k, v)| (k.as_str(), v));
        }
        let mut nodes = self.nodes.borrow_mut();
        let orders = &mut nodes.orders;
        let index = match orders.iter().position(|o| o.node == node) {
            Some(index) => index,
            None => {
                if orders.len() >= ORDERS_KEPT {
                    orders.remove(0);
                }
                let keys = map.keys().map(|k| Box::from(k.as_str())).collect();
                orders.push(KeyOrder { node, keys, at: 0 });
                orders.len() - 1
            }
        };
        // The most recent traversal last, so that the oldest is dropped first.
        let mut order = orders.remove(index);
        let found = if order.keys.get(order.at).is_some_and(|k| k.as_bytes() == after) {
            Some(order.at)
        } else {
            order.keys.iter().position(|k| k.as_bytes() == after)
        };
        let mut result = None;
        if let Some(at) = found {
            for position in at + 1..order.keys.len() {
                let Some(key) = order.keys.get(position) else { break };
                match map.get_key_value(&**key) {
                    Some((_, v)) if v.is_null() => continue,
                    Some((k, v)) => {
                        order.at = position;
                        result = Some((k.as_str(), v));
                        break;
                    }
                    None => break,
                }
            }
        }
        orders.push(order);
        result
    }
}

/// A JSON number as Lua reads it: an integer if it fits an `i64`, a float otherwise.
fn number(n: &serde_json::Number) -> Option<HostValue<'static>> {
    match n.as_i64() {
        Some(i) => Some(HostValue::Int(i)),
        None => n.as_f64().map(HostValue::Float),
    }
}

impl HostData for JsonData {
    fn get(&self, node: u32, key: Key<'_>) -> HostValue<'_> {
        let member = match (self.resolve(node), key) {
            (Some(Json::Array(items)), Key::Int(i)) => usize::try_from(i)
                .ok()
                .and_then(|i| i.checked_sub(1))
                .and_then(|index| Some((SegmentRef::Index(index), items.get(index)?))),
            (Some(Json::Object(map)), Key::Str(bytes)) => std::str::from_utf8(bytes)
                .ok()
                .and_then(|k| map.get_key_value(k))
                .map(|(k, v)| (SegmentRef::Key(k.as_str()), v)),
            _ => None,
        };
        match member {
            Some((segment, value)) => self.host_value(node, segment, value),
            None => HostValue::Nil,
        }
    }

    fn len(&self, node: u32) -> i64 {
        match self.resolve(node) {
            // A border: trailing nulls are nil, so they are not counted.
            Some(Json::Array(items)) => {
                items.iter().rposition(|v| !v.is_null()).map_or(0, |last| last as i64 + 1)
            }
            _ => 0,
        }
    }

    fn next(&self, node: u32, after: Option<Key<'_>>) -> Option<(Key<'_>, HostValue<'_>)> {
        match self.resolve(node)? {
            Json::Array(items) => {
                let start = match after {
                    None => 0,
                    Some(Key::Int(i)) if i >= 1 => usize::try_from(i).ok()?,
                    Some(_) => return None,
                };
                let offset = items.get(start..)?.iter().position(|v| !v.is_null())?;
                let index = start + offset;
                let value = items.get(index)?;
                let key = i64::try_from(index).ok()?.checked_add(1)?;
                Some((Key::Int(key), self.host_value(node, SegmentRef::Index(index), value)))
            }
            Json::Object(map) => {
                let (k, v) = match after {
                    None => map.iter().find(|(_, v)| !v.is_null()).map(|(k, v)| (k.as_str(), v))?,
                    Some(Key::Str(after)) => self.next_member(node, map, after)?,
                    Some(_) => return None,
                };
                Some((Key::Str(k.as_bytes()), self.host_value(node, SegmentRef::Key(k), v)))
            }
            _ => None,
        }
    }
}

impl IntoLua for JsonData {
    /// An object or array root as an external table read in place; a scalar root as
    /// that value.
    fn into_lua(self, lua: &mut Ctx) -> Result<Value> {
        match &self.root {
            Json::Array(_) | Json::Object(_) => HostTable::new(self).into_lua(lua),
            scalar => Ok(scalar_value(scalar).unwrap_or(Value::Nil)),
        }
    }
}

/// A JSON scalar as a Lua value; `None` for arrays and objects (and nil for null).
pub(crate) fn scalar_value(json: &Json) -> Option<Value> {
    Some(match json {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Boolean(*b),
        Json::Number(n) => match number(n)? {
            HostValue::Int(i) => Value::Integer(i),
            HostValue::Float(f) => Value::Number(f),
            _ => return None,
        },
        Json::String(s) => Value::String(LuaString::from(s.as_str())),
        Json::Array(_) | Json::Object(_) => return None,
    })
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
