//! Host data: contents of an external table that stay in the host's own structures.
//!
//! Owns the [`HostData`] trait through which a host exposes data it already has (a
//! `Vec` of records, a parsed JSON document) as external tables without converting it,
//! and the borrowed [`Key`]/[`HostValue`] types that cross it. A host-data source is a
//! tree of *nodes* the host numbers as it likes (node 0 is the root); a script sees each
//! node as an external table (`Value::Extern(table, node)`), so handing over a million
//! records is O(1) and each access reads the host's structure in place. This module must
//! not know any concrete host type: implementations live with the host (the `moonlet`
//! crate has those for `serde_json::Value` and for records).

/// A key as a script indexes host data with: never nil or NaN, and a float key with an
/// integral value arrives as [`Key::Int`] (`t[1.0]` is `t[1]`, as in tables).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key<'a> {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a [u8]),
}

/// A value host data holds. Strings are borrowed from the host (the VM copies them
/// into Lua strings when a script reads them); [`HostValue::Node`] is a nested table of
/// the same source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HostValue<'a> {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a [u8]),
    Node(u32),
}

/// Data a host exposes to scripts as external tables, read in place.
///
/// Every method gets the node a script is looking at (0 for the root; other numbers are
/// the ones this source returned as [`HostValue::Node`]). Reads take `&self`; the VM
/// never calls back into the host while a call is in progress, so an implementation may
/// keep caches in `RefCell`s. No method may panic on a node or key it does not know:
/// answer `Nil`, `0` or `None`.
///
/// ```
/// use moonlet_vm::host_data::{HostData, HostValue, Key};
///
/// /// The squares 1, 4, 9, ... as a read-only array of `n` numbers.
/// struct Squares(i64);
///
/// impl HostData for Squares {
///     fn get(&self, _node: u32, key: Key<'_>) -> HostValue<'_> {
///         match key {
///             Key::Int(i) if (1..=self.0).contains(&i) => HostValue::Int(i * i),
///             _ => HostValue::Nil,
///         }
///     }
///     fn len(&self, _node: u32) -> i64 {
///         self.0
///     }
///     fn next(&self, _node: u32, after: Option<Key<'_>>) -> Option<(Key<'_>, HostValue<'_>)> {
///         let i = match after {
///             None => 1,
///             Some(Key::Int(i)) => i + 1,
///             Some(_) => return None,
///         };
///         (i <= self.0).then(|| (Key::Int(i), HostValue::Int(i * i)))
///     }
/// }
/// assert_eq!(Squares(3).get(0, Key::Int(2)), HostValue::Int(4));
/// ```
pub trait HostData: Send + 'static {
    /// `node[key]` (`Nil` when absent).
    fn get(&self, node: u32, key: Key<'_>) -> HostValue<'_>;

    /// A border of `node`, as `#` gives it: for an array, its length.
    fn len(&self, node: u32) -> i64;

    /// The entry after `after` in `node` (the first for `None`), for `next` and `pairs`:
    /// `None` at the end. Every entry must come once, in an order that stays the same
    /// while the data does not change.
    fn next(&self, node: u32, after: Option<Key<'_>>) -> Option<(Key<'_>, HostValue<'_>)>;

    /// `node[key] = value`. The default refuses: host data is read-only unless its type
    /// says otherwise. Tables cannot be stored into host data (`value` is never a node).
    fn set(&mut self, node: u32, key: Key<'_>, value: HostValue<'_>) -> Result<(), String> {
        let _ = (node, key, value);
        Err("external table is read-only".to_owned())
    }
}
