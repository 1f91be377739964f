//! Host records as external tables: a `Vec` of the host's own structs, read in place.
//!
//! Owns [`Record`] (a host struct naming its fields) and [`Records`], the [`HostData`]
//! that shows a `Vec<R>` as an array of tables without converting anything: `items[i]`
//! is node `i`, `items[i].field` reads the struct's field when the script asks. It must
//! not copy records.

use moonlet_vm::host_data::{HostData, HostValue, Key};

/// A host struct whose fields scripts may read by name.
///
/// ```
/// use moonlet::{HostValue, Record};
///
/// struct Point { x: i64, y: i64 }
///
/// impl Record for Point {
///     const FIELDS: &'static [&'static str] = &["x", "y"];
///     fn field(&self, index: usize) -> HostValue<'_> {
///         match index {
///             0 => HostValue::Int(self.x),
///             1 => HostValue::Int(self.y),
///             _ => HostValue::Nil,
///         }
///     }
/// }
/// assert_eq!(Point { x: 1, y: 2 }.field(1), HostValue::Int(2));
/// ```
pub trait Record: Send + 'static {
    /// The field names, in the order `pairs` gives them.
    const FIELDS: &'static [&'static str];

    /// The value of field `FIELDS[index]` (strings borrowed from the record; a record
    /// holds no nested tables).
    fn field(&self, index: usize) -> HostValue<'_>;
}

/// A `Vec` of records as a read-only array of tables (see [`crate::HostTable`]).
///
/// ```
/// use moonlet::{HostTable, HostValue, Lua, Record, Records};
///
/// struct Item { id: i64, value: f64 }
/// impl Record for Item {
///     const FIELDS: &'static [&'static str] = &["id", "value"];
///     fn field(&self, index: usize) -> HostValue<'_> {
///         match index {
///             0 => HostValue::Int(self.id),
///             1 => HostValue::Float(self.value),
///             _ => HostValue::Nil,
///         }
///     }
/// }
///
/// let items: Vec<Item> = (1..=1000).map(|i| Item { id: i, value: 0.5 }).collect();
/// let mut lua = Lua::new();
/// lua.set_input_field("items", HostTable::new(Records(items))).unwrap();
/// let r = lua.compute("local s = 0 for _, it in ipairs(_io.input.items) do s = s + it.value end return s").unwrap();
/// assert_eq!(r[0], moonlet::Value::Number(500.0));
/// ```
pub struct Records<R: Record>(pub Vec<R>);

impl<R: Record> Records<R> {
    fn record(&self, node: u32) -> Option<&R> {
        // Node i (1-based) is record i; node 0 is the array itself.
        let index = usize::try_from(node).ok()?.checked_sub(1)?;
        self.0.get(index)
    }
}

impl<R: Record> HostData for Records<R> {
    fn get(&self, node: u32, key: Key<'_>) -> HostValue<'_> {
        if node == 0 {
            return match key {
                Key::Int(i) if i >= 1 && (i as u64) <= self.0.len() as u64 && i <= i64::from(u32::MAX) => {
                    HostValue::Node(i as u32)
                }
                _ => HostValue::Nil,
            };
        }
        let (Some(record), Key::Str(name)) = (self.record(node), key) else { return HostValue::Nil };
        match R::FIELDS.iter().position(|f| f.as_bytes() == name) {
            Some(index) => record.field(index),
            None => HostValue::Nil,
        }
    }

    fn len(&self, node: u32) -> i64 {
        // Records have no array part; the array's length is capped by the node range.
        if node == 0 {
            self.0.len().min(u32::MAX as usize) as i64
        } else {
            0
        }
    }

    fn next(&self, node: u32, after: Option<Key<'_>>) -> Option<(Key<'_>, HostValue<'_>)> {
        if node == 0 {
            let i = match after {
                None => 1,
                Some(Key::Int(i)) => i.checked_add(1)?,
                Some(_) => return None,
            };
            return match self.get(0, Key::Int(i)) {
                HostValue::Nil => None,
                value => Some((Key::Int(i), value)),
            };
        }
        let record = self.record(node)?;
        let start = match after {
            None => 0,
            Some(Key::Str(name)) => R::FIELDS.iter().position(|f| f.as_bytes() == name)? + 1,
            Some(_) => return None,
        };
        // Fields that are nil are skipped, as `next` skips absent keys.
        (start..R::FIELDS.len()).find_map(|i| match record.field(i) {
            HostValue::Nil => None,
            value => R::FIELDS.get(i).map(|name| (Key::Str(name.as_bytes()), value)),
        })
    }
}
