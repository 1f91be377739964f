//! Lua tables: an array part for the keys `1..=n` and a hash part for every other key.
//!
//! Owns the table object: raw get and set (no metamethods: those are the interpreter's),
//! key normalisation, the border (`#`), traversal (`next`), the metatable pointer and
//! tracing. It must not call back into Lua, allocate on the [`crate::gc::Heap`] or run
//! metamethods.
//!
//! Layout. `array[i]` holds the key `i + 1`; it may hold nils (holes, or fields assigned
//! nil). Every other key lives in the hash part (`hash.rs`). Invariant: the hash part
//! never holds a live entry for the key `array.len() + 1`: setting that key appends to
//! the array, and every append or rebuild then pulls the following keys out of the hash
//! part ("migration"). So when the array's last element is non-nil, its length is a
//! border.
//!
//! Growth follows Lua's rules in spirit: appends push onto the array; when the hash part
//! is full, or when a full array that is less than half used would reallocate, the table
//! is rebuilt with Lua's `computesizes` choice of array size (the largest power of two
//! more than half filled by integer keys), dropping dead hash entries. Assigning nil
//! never restructures the table, so traversal survives it; adding a key during a
//! traversal may restructure (Lua leaves `next` undefined then; here it stays
//! memory-safe and panic-free).
//!
//! Interior mutability: a table is shared through `Gc<Table>`, so its methods take
//! `&self` and the contents sit in an `UnsafeCell`. Every access is a short `unsafe`
//! block whose argument is the same: the VM is single-threaded (`Table` is not `Sync`),
//! no method calls back into Lua or into another method of a table while it holds a
//! reference into the contents (key comparison dereferences strings only, never
//! tables), and values are returned by copy, never by reference. So no two references
//! to the contents are ever live at once.

mod hash;

use std::cell::UnsafeCell;
use std::fmt;

use crate::gc::{Gc, Marker, Trace};
use crate::number::float_to_int_exact;
use crate::string::LuaStr;
use crate::value::Value;
use hash::{HashPart, Lookup};

/// Why a raw set was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableError {
    /// The key was nil.
    NilKey,
    /// The key was a float NaN.
    NaNKey,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TableError::NilKey => "table index is nil",
            TableError::NaNKey => "table index is NaN",
        })
    }
}

impl std::error::Error for TableError {}

/// `next` was given a key that is not in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidKey;

impl fmt::Display for InvalidKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid key to 'next'")
    }
}

impl std::error::Error for InvalidKey {}

/// The largest size hint [`Table::new`] honours, so that a size from untrusted input
/// cannot make it allocate much before anything is stored.
pub const MAX_PREALLOCATION: usize = 1 << 20;

/// A full array is checked for density before reallocating only from this length on.
const DENSITY_CHECK_MIN: usize = 16;

/// A Lua table. See the module docs for the layout and the aliasing argument.
pub struct Table {
    inner: UnsafeCell<TableInner>,
    /// Weak keys, weak values (`__mode`).
    weak: std::cell::Cell<(bool, bool)>,
}

struct TableInner {
    array: Vec<Value>,
    hash: HashPart,
    metatable: Option<Gc<Table>>,
}

/// The array index of the integer key `key`, if it can be one (`key >= 1`).
#[inline]
fn array_index(key: i64) -> Option<usize> {
    usize::try_from(key.wrapping_sub(1)).ok().filter(|_| key >= 1)
}

/// The key as tables store it: integral floats become integers (`t[1.0]` is `t[1]`,
/// `t[-0.0]` is `t[0]`); nil and NaN are refused.
#[inline]
fn normalise(key: Value) -> Result<Value, TableError> {
    match key {
        Value::Nil => Err(TableError::NilKey),
        Value::Float(f) => match float_to_int_exact(f) {
            Some(i) => Ok(Value::Int(i)),
            None if f.is_nan() => Err(TableError::NaNKey),
            None => Ok(key),
        },
        _ => Ok(key),
    }
}

/// `ceil(log2(x))` for `x >= 1`: the slice of `nums` that counts the key `x`.
#[inline]
fn ceil_log2(x: u64) -> usize {
    (64 - (x - 1).leading_zeros()) as usize
}

/// Lua's `computesizes`: given `nums[i]` = number of integer keys in `(2^(i-1), 2^i]`
/// and their total, the optimal array size (the largest power of two `n` such that more
/// than `n / 2` of the keys `1..=n` are present) and how many keys it would hold.
fn compute_sizes(nums: &[usize; 65], int_keys: usize) -> (usize, usize) {
    let (mut below, mut in_array, mut optimal) = (0, 0, 0);
    let mut two_to_i: usize = 1;
    for &count in nums {
        if int_keys <= two_to_i / 2 {
            break;
        }
        below += count;
        if below > two_to_i / 2 {
            optimal = two_to_i;
            in_array = below;
        }
        match two_to_i.checked_mul(2) {
            Some(next) => two_to_i = next,
            None => break,
        }
    }
    (optimal, in_array)
}

impl TableInner {
    /// Sets a normalised key.
    #[inline]
    fn set(&mut self, key: Value, value: Value) {
        if let Value::Int(k) = key {
            if let Some(i) = array_index(k) {
                if let Some(slot) = self.array.get_mut(i) {
                    *slot = value;
                    return;
                }
                if i == self.array.len() {
                    // Not in the hash part (module invariant): a new key.
                    if !value.is_nil() {
                        self.append(value);
                    }
                    return;
                }
            }
        }
        match self.hash.find(&key) {
            Lookup::Live(i) => self.hash.set_at(i, value),
            Lookup::Vacant(_) if value.is_nil() => {}
            Lookup::Vacant(Some(i)) if self.hash.can_occupy(i) => self.hash.occupy(i, key, value),
            Lookup::Vacant(_) => {
                self.rehash(&key);
                self.place_new(key, value);
            }
        }
    }

    /// Appends the key `array.len() + 1` (absent) with a non-nil value.
    fn append(&mut self, value: Value) {
        let len = self.array.len();
        if len == self.array.capacity() && len >= DENSITY_CHECK_MIN {
            // Reallocating: first make sure the array is worth growing (a queue that
            // pushes at the end and pops at the front would otherwise grow forever).
            // Amortised O(1): this scan happens once per doubling.
            let present = self.array.iter().filter(|v| !v.is_nil()).count();
            if (present + 1) * 2 <= len + 1 {
                let key = Value::Int(len as i64 + 1);
                self.rehash(&key);
                self.place_new(key, value);
                return;
            }
        }
        self.array.push(value);
        self.migrate();
    }

    /// Stores a new key (absent, value non-nil) right after a rebuild, without another.
    fn place_new(&mut self, key: Value, value: Value) {
        if let Value::Int(k) = key {
            if let Some(i) = array_index(k) {
                if let Some(slot) = self.array.get_mut(i) {
                    *slot = value;
                    return;
                }
                if i == self.array.len() {
                    self.array.push(value);
                    self.migrate();
                    return;
                }
            }
        }
        self.hash.insert_new(key, value);
    }

    /// Moves the keys `array.len() + 1, + 2, ...` from the hash part to the array part,
    /// restoring the module invariant after the array grew.
    fn migrate(&mut self) {
        let mut moved = false;
        while self.hash.live() > 0 {
            match self.hash.take_int(self.array.len() as i64 + 1) {
                Some(value) => {
                    self.array.push(value);
                    moved = true;
                }
                None => break,
            }
        }
        if moved && self.hash.live() == 0 {
            // Only dead slots are left: release them.
            self.hash.clear();
        }
    }

    /// Rebuilds both parts for the current keys plus `extra` (about to be inserted):
    /// Lua's `rehash`. Dead hash entries are dropped.
    fn rehash(&mut self, extra: &Value) {
        let mut nums = [0usize; 65];
        let mut int_keys = 0;
        for (i, v) in self.array.iter().enumerate() {
            if !v.is_nil() {
                nums[ceil_log2(i as u64 + 1)] += 1;
                int_keys += 1;
            }
        }
        // Every key counts once in `total`: the array's, the hash part's and `extra`.
        let total = int_keys + 1 + self.hash.live();
        let mut count_key = |key: &Value| {
            if let Value::Int(k) = *key {
                if k >= 1 {
                    nums[ceil_log2(k as u64)] += 1;
                    int_keys += 1;
                }
            }
        };
        for (key, _) in self.hash.iter() {
            count_key(&key);
        }
        count_key(extra);
        let (optimal, in_array) = compute_sizes(&nums, int_keys);

        let old_array = std::mem::take(&mut self.array);
        let old_hash = std::mem::replace(&mut self.hash, HashPart::with_capacity(total - in_array));
        // `optimal` is at most twice the number of integer keys, so this is bounded by
        // the memory the table already holds.
        let mut array = vec![Value::Nil; optimal];
        let entries = old_array
            .into_iter()
            .enumerate()
            .filter(|(_, v)| !v.is_nil())
            .map(|(i, v)| (Value::Int(i as i64 + 1), v))
            .chain(old_hash.iter());
        for (key, value) in entries {
            let index = match key {
                Value::Int(k) => array_index(k).filter(|&i| i < optimal),
                _ => None,
            };
            match index {
                Some(i) => array[i] = value, // `i < optimal == array.len()`
                None => self.hash.insert_new(key, value),
            }
        }
        // Trailing nils are not worth keeping, except up to `extra` if it goes there.
        let mut keep = array.iter().rposition(|v| !v.is_nil()).map_or(0, |i| i + 1);
        if let Value::Int(k) = *extra {
            if let Some(i) = array_index(k).filter(|&i| i < optimal) {
                keep = keep.max(i + 1);
            }
        }
        array.truncate(keep);
        self.array = array;
        self.migrate();
    }

    /// A border (`#`), as `luaH_getn`.
    fn border(&self) -> usize {
        let array = &self.array;
        let n = array.len();
        match array.last() {
            Some(last) if last.is_nil() => {
                if n >= 2 && !array[n - 2].is_nil() {
                    return n - 1;
                }
                // Binary search with `i == 0 || array[i - 1]` present and `array[j - 1]`
                // absent; `0 < m < j <= n`, so `m - 1` is in range.
                let (mut i, mut j) = (0, n);
                while j - i > 1 {
                    let m = (i + j) / 2;
                    if array[m - 1].is_nil() {
                        j = m;
                    } else {
                        i = m;
                    }
                }
                i
            }
            // Empty, or the last element is present: the key `n + 1` is not in the hash
            // part (module invariant), so `n` is a border.
            _ => {
                debug_assert!(self.hash.get_int(n as i64 + 1).is_nil());
                n
            }
        }
    }
}

impl Table {
    /// An empty table whose array part has `array_capacity` (nil) slots, with room for
    /// `hash_capacity` other keys (the sizes in `NEWTABLE`). Each size is capped at
    /// [`MAX_PREALLOCATION`], beyond which the table grows as it fills.
    pub fn new(array_capacity: usize, hash_capacity: usize) -> Table {
        Table {
            inner: UnsafeCell::new(TableInner {
                // As in Lua, the array part has its slots from the start (nil), so a
                // constructor like `{1, nil, 3}` fills it and `#` sees 3.
                array: vec![Value::Nil; array_capacity.min(MAX_PREALLOCATION)],
                hash: HashPart::with_capacity(hash_capacity.min(MAX_PREALLOCATION)),
                metatable: None,
            }),
            weak: std::cell::Cell::new((false, false)),
        }
    }

    /// Shared access to the contents for one short read.
    #[inline]
    fn read<R>(&self, f: impl FnOnce(&TableInner) -> R) -> R {
        // SAFETY: see the module docs: single-threaded, `f` is one of this module's
        // readers, which neither re-enter a table nor let the reference escape (`R` is
        // a copy), so no mutable reference to the contents is live meanwhile.
        f(unsafe { &*self.inner.get() })
    }

    /// Exclusive access to the contents for one short update.
    #[inline]
    fn write<R>(&self, f: impl FnOnce(&mut TableInner) -> R) -> R {
        // SAFETY: see the module docs: single-threaded, `f` is one of this module's
        // writers, which never call another table method or back into Lua and do not
        // let the reference escape, so this is the only reference to the contents.
        f(unsafe { &mut *self.inner.get() })
    }

    /// Raw get (`rawget`): no metamethods. Nil and NaN keys find nil.
    pub fn get(&self, key: Value) -> Value {
        match key {
            Value::Int(i) => self.get_int(i),
            Value::Str(s) => self.get_str(s),
            Value::Nil => Value::Nil,
            Value::Float(f) => match float_to_int_exact(f) {
                Some(i) => self.get_int(i),
                None if f.is_nan() => Value::Nil,
                None => self.read(|t| t.hash.get(&key)),
            },
            _ => self.read(|t| t.hash.get(&key)),
        }
    }

    /// Raw get with an integer key: a bounds check and a copy on the array part.
    #[inline]
    pub fn get_int(&self, key: i64) -> Value {
        self.read(|t| match array_index(key).and_then(|i| t.array.get(i)) {
            Some(v) => *v,
            None => t.hash.get_int(key),
        })
    }

    /// Raw get with a string key.
    #[inline]
    pub fn get_str(&self, key: Gc<LuaStr>) -> Value {
        self.read(|t| t.hash.get_str(key))
    }

    /// Raw set (`rawset`): no metamethods. Integral float keys are stored as integers;
    /// assigning nil removes the field. Nil and NaN keys are refused.
    pub fn set(&self, key: Value, value: Value) -> Result<(), TableError> {
        let key = normalise(key)?;
        self.write(|t| t.set(key, value));
        Ok(())
    }

    /// Raw set with an integer key.
    #[inline]
    pub fn set_int(&self, key: i64, value: Value) {
        self.write(|t| {
            match array_index(key).and_then(|i| t.array.get_mut(i)) {
                Some(slot) => *slot = value,
                None => t.set(Value::Int(key), value),
            };
        })
    }

    /// Raw set with a string key.
    #[inline]
    pub fn set_str(&self, key: Gc<LuaStr>, value: Value) {
        self.write(|t| t.set(Value::Str(key), value))
    }

    /// A border of the table (`#t`, `rawlen`): `n` with `t[n] ~= nil` (or `n == 0`)
    /// and `t[n + 1] == nil`.
    pub fn len(&self) -> i64 {
        // A border is at most the array length, which fits in an `i64`.
        self.read(|t| t.border()) as i64
    }

    /// Whether the table has no non-nil field.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.read(|t| t.hash.live() == 0 && t.array.iter().all(Value::is_nil))
    }

    /// Lua's `next`: the field after `key` (nil: the first), or `None` after the last.
    /// Order: the array part, then the hash part. Fields assigned nil during a
    /// traversal do not disturb it. A key not in the table is an error.
    pub fn next(&self, key: Value) -> Result<Option<(Value, Value)>, InvalidKey> {
        self.read(|t| {
            let len = t.array.len();
            // The position to examine next, in array-then-hash order.
            let start = match key {
                Value::Nil => 0,
                _ => {
                    let key = normalise(key).map_err(|_| InvalidKey)?;
                    match key {
                        Value::Int(k) if array_index(k).is_some_and(|i| i < len) => k as usize,
                        _ => len + t.hash.position(&key).ok_or(InvalidKey)? + 1,
                    }
                }
            };
            if let Some(rest) = t.array.get(start..) {
                if let Some(offset) = rest.iter().position(|v| !v.is_nil()) {
                    let index = start + offset;
                    // `index < len`, which came from a `Vec` length and fits in an `i64`.
                    return Ok(Some((Value::Int(index as i64 + 1), rest[offset])));
                }
            }
            Ok(t.hash.next_live(start.saturating_sub(len)).map(|(_, k, v)| (k, v)))
        })
    }

    /// The metatable, if any.
    pub fn metatable(&self) -> Option<Gc<Table>> {
        self.read(|t| t.metatable)
    }

    /// Sets or removes the metatable.
    pub fn set_metatable(&self, metatable: Option<Gc<Table>>) {
        self.write(|t| t.metatable = metatable)
    }

    /// Length of the array part (its slots, nil or not).
    #[cfg(test)]
    pub fn array_len(&self) -> usize {
        self.read(|t| t.array.len())
    }

    /// Slots allocated for the array part.
    #[cfg(test)]
    pub fn array_capacity(&self) -> usize {
        self.read(|t| t.array.capacity())
    }

    /// Slots allocated for the hash part.
    #[cfg(test)]
    pub fn hash_capacity(&self) -> usize {
        self.read(|t| t.hash.capacity())
    }

    /// Whether the keys and the values are weak (from `__mode` when the metatable was set).
    pub fn weak_mode(&self) -> (bool, bool) {
        self.weak.get()
    }

    /// Sets the weakness of keys and values (the VM reads `__mode` on `setmetatable`).
    pub fn set_weak_mode(&self, weak_keys: bool, weak_values: bool) {
        self.weak.set((weak_keys, weak_values));
    }
}

impl Trace for Table {
    fn trace(&self, marker: &mut Marker) {
        // Marking only queues objects (`Marker::mark` does not trace them now), so no
        // other table is read while this one is.
        self.read(|t| {
            let (weak_keys, weak_values) = self.weak.get();
            for value in &t.array {
                if !weak_values || matches!(value, Value::Str(_)) {
                    value.trace(marker);
                }
            }
            t.hash.trace(marker, weak_keys, weak_values);
            if let Some(mt) = t.metatable {
                marker.mark(mt);
            }
        })
    }

    fn extra_bytes(&self) -> usize {
        self.read(|t| t.array.capacity() * std::mem::size_of::<Value>() + t.hash.heap_bytes())
    }
}

/// The interpreter's fast path for `table[key]`, when no metamethod can be involved: a
/// table without a metatable, or with the key present. `None` sends the access to
/// `Vm::index`. Both operands by reference: the interpreter passes its registers in
/// place, so their tags and payloads are read separately (see `interp.rs`, `at_ref`).
#[inline(always)]
pub(crate) fn get_raw(table: &Value, key: &Value) -> Option<Value> {
    if let Value::Table(t) = *table {
        let v = match *key {
            Value::Int(i) => t.get_int(i),
            Value::Str(s) => t.get_str(s),
            key => t.get(key),
        };
        if !v.is_nil() || t.metatable().is_none() {
            return Some(v);
        }
    }
    None
}

/// The interpreter's fast path for `table[key] = value`: a table without a metatable and
/// an integer or string key; `false` sends the assignment to `Vm::set_index`
/// (metamethods, float and invalid keys).
#[inline(always)]
pub(crate) fn set_raw(table: &Value, key: &Value, value: Value) -> bool {
    if let Value::Table(t) = *table {
        if t.metatable().is_none() {
            match *key {
                Value::Int(i) => t.set_int(i, value),
                Value::Str(s) => t.set_str(s, value),
                _ => return false,
            }
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compute_sizes_picks_the_largest_half_full_power_of_two() {
        let mut nums = [0usize; 65];
        // Keys 1, 3, 4 and 5.
        for k in [1u64, 3, 4, 5] {
            nums[ceil_log2(k)] += 1;
        }
        assert_eq!(compute_sizes(&nums, 4), (4, 3));
        // Keys 1..=600.
        let mut nums = [0usize; 65];
        (1..=600u64).for_each(|k| nums[ceil_log2(k)] += 1);
        assert_eq!(compute_sizes(&nums, 600), (1024, 600));
        // Only far keys: no array part.
        let mut nums = [0usize; 65];
        (1000..1100u64).for_each(|k| nums[ceil_log2(k)] += 1);
        assert_eq!(compute_sizes(&nums, 100), (0, 0));
        assert_eq!(compute_sizes(&[0; 65], 0), (0, 0));
        assert_eq!((ceil_log2(1), ceil_log2(2), ceil_log2(3), ceil_log2(4), ceil_log2(5)), (0, 1, 2, 2, 3));
        assert_eq!(ceil_log2(i64::MAX as u64), 63);
    }

    #[test]
    fn keys_are_normalised() {
        assert_eq!(normalise(Value::Nil).err(), Some(TableError::NilKey));
        assert_eq!(normalise(Value::Float(f64::NAN)).err(), Some(TableError::NaNKey));
        assert!(matches!(normalise(Value::Float(-0.0)), Ok(Value::Int(0))));
        assert!(matches!(normalise(Value::Float(2.5)), Ok(Value::Float(_))));
        assert!(matches!(normalise(Value::Float(f64::INFINITY)), Ok(Value::Float(_))));
        assert_eq!(array_index(0), None);
        assert_eq!(array_index(i64::MIN), None);
        assert_eq!(array_index(1), Some(0));
    }
}

#[cfg(test)]
mod api_tests;
