//! The hash part of a table: an open-addressing map from normalised keys to values.
//!
//! Owns the slot array and its probing. Linear probing over a power-of-two slot array,
//! at most 3/4 full, indexed by Fibonacci hashing of the key hash. It knows nothing of
//! the array part, metatables or key normalisation: [`super::Table`] hands it keys that
//! are never nil, NaN or integral floats.
//!
//! Removal leaves a *dead* slot (key kept, value nil) rather than emptying it, so that
//! `next` can find a key assigned nil during a traversal and continue from its slot, as
//! Lua does. Dead slots are dropped when the part is rebuilt. A dead key is not traced,
//! so the object it points to may have been collected: a dead key is only ever compared
//! by identity (its bits), never dereferenced.
//!
//! Invariant used by lookups: for any key, the live slot holding it (if any) comes before
//! every dead slot with the same bits in its probe sequence, because an insertion takes
//! the first dead-or-empty slot of the sequence. So the first slot whose key matches
//! decides.

use crate::gc::{Gc, Marker};
use crate::string::LuaStr;
use crate::value::Value;

/// One entry. `key` nil: empty (never used since the last rebuild). `key` set, `value`
/// nil: dead. Both set: live.
#[derive(Clone, Copy)]
struct Slot {
    key: Value,
    value: Value,
}

const EMPTY: Slot = Slot { key: Value::Nil, value: Value::Nil };

/// 2^64 / φ: multiplying by it and keeping the top bits spreads sequential keys.
const FIBONACCI: u64 = 0x9e37_79b9_7f4a_7c15;

/// The smallest non-empty capacity (keeps the shift in `home` below 64).
const MIN_CAPACITY: usize = 4;

/// The hash of a normalised key. Equal keys (per [`Value::raw_eq`] on normalised keys)
/// hash equally; floats reaching here are never integral, so `Int`/`Float` agree.
#[inline]
fn key_hash(key: &Value) -> u64 {
    match *key {
        Value::Int(i) => i as u64,
        Value::Float(f) => f.to_bits().rotate_left(17),
        Value::Bool(b) => 0x5bd1_e995_u64 + b as u64,
        Value::Str(s) => s.hash(),
        Value::Extern(e, node) => e.addr() as u64 ^ u64::from(node).rotate_left(40),
        // Every other reference type: identity.
        ref other => other.gc_addr().map_or(0, |a| a as u64),
    }
}

/// Equality of a live key with a normalised key: [`Value::raw_eq`] without the
/// integer/float cross-comparison, which normalised keys never need. Inlined so that
/// lookups with a key of known type compile to one comparison.
#[inline(always)]
fn live_key_eq(slot: &Value, key: &Value) -> bool {
    match (slot, key) {
        (Value::Int(a), Value::Int(b)) => a == b,
        (Value::Str(a), Value::Str(b)) => crate::string::str_eq(*a, *b),
        (Value::Float(a), Value::Float(b)) => a == b,
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Extern(a, m), Value::Extern(b, n)) => crate::gc::Gc::ptr_eq(*a, *b) && m == n,
        (a, b) => a.gc_addr().is_some() && identical(a, b),
    }
}

/// Whether two keys have the same bits: the only comparison allowed against a dead key.
#[inline]
fn identical(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Nil, Value::Nil) => true,
        (Value::Extern(a, m), Value::Extern(b, n)) => crate::gc::Gc::ptr_eq(*a, *b) && m == n,
        (a, b) => {
            a.gc_addr().is_some()
                && a.gc_addr() == b.gc_addr()
                && std::mem::discriminant(a) == std::mem::discriminant(b)
        }
    }
}

/// Where a key is, or where it would go.
pub(super) enum Lookup {
    /// The live slot holding the key.
    Live(usize),
    /// The key is absent; a new entry would take this slot (the first dead or empty slot
    /// of its probe sequence), or `None` when there is no slot at all.
    Vacant(Option<usize>),
}

/// The hash part. See the module docs.
pub(super) struct HashPart {
    slots: Vec<Slot>,
    /// `64 - log2(capacity)`: `home` keeps the top bits of the mixed hash.
    shift: u32,
    /// Live and dead slots.
    used: usize,
    /// Live slots.
    live: usize,
}

impl HashPart {
    /// A part with room for `entries` entries without growing.
    pub(super) fn with_capacity(entries: usize) -> HashPart {
        if entries == 0 {
            return HashPart { slots: Vec::new(), shift: 64, used: 0, live: 0 };
        }
        let mut capacity = MIN_CAPACITY;
        while entries * 4 > capacity * 3 {
            capacity *= 2;
        }
        HashPart { slots: vec![EMPTY; capacity], shift: 64 - capacity.trailing_zeros(), used: 0, live: 0 }
    }

    /// Number of live entries.
    #[inline]
    pub(super) fn live(&self) -> usize {
        self.live
    }

    /// Number of slots.
    #[cfg(test)]
    pub(super) fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// Heap bytes held by the slots.
    pub(super) fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<Slot>()
    }

    /// The first slot of `hash`'s probe sequence. Only called with a non-zero capacity.
    #[inline]
    fn home(&self, hash: u64) -> usize {
        // `shift` is `64 - log2(capacity)` with capacity >= 4, so the result is below
        // the capacity.
        (hash.wrapping_mul(FIBONACCI) >> self.shift) as usize
    }

    /// Whether one more slot may turn from empty to used without passing 3/4.
    #[inline]
    fn has_room(&self) -> bool {
        (self.used + 1) * 4 <= self.slots.len() * 3
    }

    /// Raw get with an integer key.
    #[inline]
    pub(super) fn get_int(&self, key: i64) -> Value {
        if self.live == 0 {
            return Value::Nil;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key as u64);
        // At least a quarter of the slots are empty, so the loop ends on one; the bound
        // only guarantees termination.
        for _ in 0..self.slots.len() {
            let slot = &self.slots[i]; // `i` is below the capacity (home, then masked)
            match slot.key {
                Value::Nil => return Value::Nil,
                // A dead match holds nil, which is the right answer (module invariant).
                Value::Int(k) if k == key => return slot.value,
                _ => i = (i + 1) & mask,
            }
        }
        Value::Nil
    }

    /// Raw get with a string key.
    #[inline]
    pub(super) fn get_str(&self, key: Gc<LuaStr>) -> Value {
        if self.live == 0 {
            return Value::Nil;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key.hash());
        for _ in 0..self.slots.len() {
            // `i` is masked to the capacity, so in range.
            let slot = &self.slots[i & mask];
            match slot.key {
                Value::Nil => return Value::Nil,
                // Identity is safe on dead keys and decides for short strings.
                Value::Str(s) if Gc::ptr_eq(s, key) => return slot.value,
                // Content comparison only on live keys (a dead key may point to a freed
                // string), and only for long strings (short ones are interned).
                Value::Str(s) if !slot.value.is_nil() && !key.is_short() && crate::string::str_eq(s, key) => {
                    return slot.value
                }
                _ => i = (i + 1) & mask,
            }
        }
        Value::Nil
    }

    /// Raw get with any normalised key.
    pub(super) fn get(&self, key: &Value) -> Value {
        match self.find(key) {
            Lookup::Live(i) => self.slots[i].value, // `find` returns in-range indexes
            Lookup::Vacant(_) => Value::Nil,
        }
    }

    /// Finds a normalised key among the live slots.
    #[inline]
    pub(super) fn find(&self, key: &Value) -> Lookup {
        if self.slots.is_empty() {
            return Lookup::Vacant(None);
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key_hash(key));
        let mut first_dead = None;
        for _ in 0..self.slots.len() {
            let slot = &self.slots[i]; // `i` is below the capacity
            if slot.key.is_nil() {
                return Lookup::Vacant(Some(first_dead.unwrap_or(i)));
            }
            if slot.value.is_nil() {
                // Dead: never dereference its key; remember it as the insertion point.
                first_dead.get_or_insert(i);
            } else if live_key_eq(&slot.key, key) {
                return Lookup::Live(i);
            }
            i = (i + 1) & mask;
        }
        Lookup::Vacant(first_dead)
    }

    /// Whether a new key may be put in slot `i` (from [`Lookup::Vacant`]) without
    /// breaking the load bound: a dead slot is reused, an empty one needs room.
    pub(super) fn can_occupy(&self, i: usize) -> bool {
        match self.slots.get(i) {
            Some(slot) => !slot.key.is_nil() || self.has_room(),
            None => false,
        }
    }

    /// Puts a new live entry in slot `i`, which [`HashPart::can_occupy`] allowed.
    pub(super) fn occupy(&mut self, i: usize, key: Value, value: Value) {
        debug_assert!(!value.is_nil());
        if let Some(slot) = self.slots.get_mut(i) {
            if slot.key.is_nil() {
                self.used += 1;
            }
            *slot = Slot { key, value };
            self.live += 1;
        }
    }

    /// Sets the value of the live slot `i` (from [`Lookup::Live`]); nil makes it dead.
    pub(super) fn set_at(&mut self, i: usize, value: Value) {
        if let Some(slot) = self.slots.get_mut(i) {
            match (slot.value.is_nil(), value.is_nil()) {
                (false, true) => self.live -= 1,
                (true, false) => self.live += 1,
                _ => {}
            }
            slot.value = value;
        }
    }

    /// Adds an entry whose key is known to be absent, growing the part if needed.
    pub(super) fn insert_new(&mut self, key: Value, value: Value) {
        if !self.has_room() {
            self.resize(self.live + 1);
        }
        if let Lookup::Vacant(Some(i)) = self.find(&key) {
            self.occupy(i, key, value);
        }
    }

    /// Rebuilds with room for `entries`, dropping dead slots.
    fn resize(&mut self, entries: usize) {
        let old = std::mem::replace(self, HashPart::with_capacity(entries.max(self.live)));
        for slot in old.slots.iter().filter(|s| !s.value.is_nil()) {
            self.insert_new(slot.key, slot.value);
        }
    }

    /// Removes the live integer key `key` (leaving a dead slot) and returns its value.
    pub(super) fn take_int(&mut self, key: i64) -> Option<Value> {
        match self.find(&Value::Int(key)) {
            Lookup::Live(i) => {
                let value = self.slots[i].value; // `find` returns in-range indexes
                self.set_at(i, Value::Nil);
                Some(value)
            }
            Lookup::Vacant(_) => None,
        }
    }

    /// Frees every slot (the part holds no live entry worth keeping).
    pub(super) fn clear(&mut self) {
        *self = HashPart::with_capacity(0);
    }

    /// The slot of `key` for `next`: a live slot with an equal key, or a dead slot with
    /// the same bits (a key assigned nil during the traversal).
    pub(super) fn position(&self, key: &Value) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key_hash(key));
        for _ in 0..self.slots.len() {
            let slot = &self.slots[i]; // `i` is below the capacity
            if slot.key.is_nil() {
                return None;
            }
            let found =
                if slot.value.is_nil() { identical(&slot.key, key) } else { live_key_eq(&slot.key, key) };
            if found {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// The first live entry at slot `from` or after, with its slot.
    pub(super) fn next_live(&self, from: usize) -> Option<(usize, Value, Value)> {
        let rest = self.slots.get(from..)?;
        let offset = rest.iter().position(|s| !s.value.is_nil())?;
        let slot = &rest[offset]; // `position` found it in `rest`
        Some((from + offset, slot.key, slot.value))
    }

    /// The live entries, in slot order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.slots.iter().filter(|s| !s.value.is_nil()).map(|s| (s.key, s.value))
    }

    /// Marks the keys and values of the live entries (dead keys are not traced).
    /// Marks the keys and values, except the weak side(s).
    pub(super) fn trace(&self, marker: &mut Marker, weak_keys: bool, weak_values: bool) {
        for (key, value) in self.iter() {
            // Strings are values, never removed from weak tables: always marked.
            if !weak_keys || matches!(key, Value::Str(_)) {
                key.trace(marker);
            }
            // With weak keys the values wait for their keys (ephemerons: see `collect.rs`).
            if !(weak_values || weak_keys) || matches!(value, Value::Str(_)) {
                value.trace(marker);
            }
        }
    }
}
