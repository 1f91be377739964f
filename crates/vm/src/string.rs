//! Lua strings: immutable byte strings with a cached hash, and the interner that makes
//! each short string unique.
//!
//! Owns [`LuaStr`] (the heap object) and [`Strings`] (the interner). Every string object
//! is created by [`Strings::intern`], which is what makes pointer equality exact for
//! short strings; nothing else can construct a `LuaStr`. The interner never keeps a
//! string alive: the collector calls [`Strings::remove_unmarked`] between
//! [`Heap::mark`] and [`Heap::sweep`]. This module does not know about values or
//! tables.

use std::hash::{BuildHasher, Hasher};

use ahash::RandomState;

use crate::gc::{Gc, Heap, Marker, Trace};

/// Strings of at most this many bytes are interned (Lua's `LUAI_MAXSHORTLEN`).
pub const MAX_SHORT_LEN: usize = 40;

/// The string hash: ahash with fixed keys, so hashes (and so table layouts and
/// traversal orders) are the same on every run.
static HASH_STATE: RandomState = RandomState::with_seeds(
    0x243f_6a88_85a3_08d3,
    0x1319_8a2e_0370_7344,
    0xa409_3822_299f_31d0,
    0x082e_fa98_ec4e_6c89,
);

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = HASH_STATE.build_hasher();
    hasher.write(bytes);
    hasher.finish()
}

/// An immutable Lua string: arbitrary bytes (not necessarily UTF-8) and their hash.
pub struct LuaStr {
    /// The content hash; for a long string, computed the first time it is asked for
    /// (0 until then), since most long strings are never table keys.
    hash: std::cell::Cell<u64>,
    /// Short strings live inside the object: one allocation per string.
    bytes: smallvec::SmallVec<[u8; INLINE_LEN]>,
}

/// Bytes stored inside a string object (longer ones get a buffer of their own).
const INLINE_LEN: usize = 24;

impl LuaStr {
    /// The string's bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The length in bytes (`#s`).
    #[inline]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the string is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The content hash (computed once).
    #[inline]
    pub fn hash(&self) -> u64 {
        match self.hash.get() {
            0 => {
                // A hash of 0 is stored as 1, so 0 always means "not computed yet".
                let hash = hash_bytes(&self.bytes).max(1);
                self.hash.set(hash);
                hash
            }
            hash => hash,
        }
    }

    fn new(hash: u64, bytes: &[u8]) -> LuaStr {
        LuaStr { hash: std::cell::Cell::new(hash), bytes: smallvec::SmallVec::from_slice(bytes) }
    }

    /// Whether this string is interned (and so equal to another only if identical).
    #[inline]
    pub fn is_short(&self) -> bool {
        self.bytes.len() <= MAX_SHORT_LEN
    }
}

impl std::fmt::Debug for LuaStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(&self.bytes))
    }
}

impl Trace for LuaStr {
    fn trace(&self, _marker: &mut Marker) {}

    fn extra_bytes(&self) -> usize {
        if self.bytes.spilled() {
            self.bytes.len()
        } else {
            0
        }
    }
}

/// Lua string equality. Short strings are interned, so identity decides; long strings
/// compare by hash, then length and bytes.
#[inline]
pub fn str_eq(a: Gc<LuaStr>, b: Gc<LuaStr>) -> bool {
    if Gc::ptr_eq(a, b) {
        return true;
    }
    // Two distinct short strings differ (interned), and a short string never equals a
    // long one (lengths differ), so only two long strings need a content comparison.
    !a.is_short() && a.bytes.len() == b.bytes.len() && a.hash() == b.hash() && a.bytes == b.bytes
}

/// One interner slot: the string's hash beside it, so a probe rejects a mismatch
/// without touching the string object.
#[derive(Clone, Copy)]
struct Entry {
    hash: u64,
    string: Option<Gc<LuaStr>>,
}

const EMPTY: Entry = Entry { hash: 0, string: None };

/// The string interner: an open-addressing hash set (linear probing, power-of-two
/// capacity, at most 3/4 full) of every live short string, keyed by content.
pub struct Strings {
    slots: Vec<Entry>,
    count: usize,
}

impl Default for Strings {
    fn default() -> Self {
        Strings::new()
    }
}

/// Smallest non-empty interner capacity.
const MIN_CAPACITY: usize = 64;

impl Strings {
    /// An empty interner.
    pub fn new() -> Strings {
        Strings { slots: Vec::new(), count: 0 }
    }

    /// How many short strings are interned.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.count
    }

    /// Returns the one string object for these bytes if `bytes.len() <=`
    /// [`MAX_SHORT_LEN`] (interned: same bytes, same `Gc`), a fresh object otherwise.
    pub fn intern(&mut self, heap: &mut Heap, bytes: &[u8]) -> Gc<LuaStr> {
        if bytes.len() > MAX_SHORT_LEN {
            return heap.alloc(LuaStr::new(0, bytes));
        }
        let hash = hash_bytes(bytes).max(1);
        if (self.count + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len() - 1; // `grow` made the capacity a non-zero power of two
        let mut i = hash as usize & mask;
        // The set is at most 3/4 full, so the probe meets an empty slot within `len` steps.
        for _ in 0..self.slots.len() {
            let entry = self.slots[i]; // `i` is masked to the capacity
            match entry.string {
                None => {
                    let string = heap.alloc(LuaStr::new(hash, bytes));
                    self.slots[i] = Entry { hash, string: Some(string) };
                    self.count += 1;
                    return string;
                }
                // The string is alive: interned strings are removed before they are swept.
                Some(s) if entry.hash == hash && *s.bytes == *bytes => return s,
                Some(_) => i = (i + 1) & mask,
            }
        }
        // Unreachable while the load bound holds; a fresh object is still correct for
        // content-compared callers, and never a panic.
        heap.alloc(LuaStr::new(hash, bytes))
    }

    /// Between [`Heap::mark`] and [`Heap::sweep`]: forgets the interned strings that
    /// were not marked, so the interner never keeps a string alive and never holds a
    /// freed one. Must be called at every collection.
    pub fn remove_unmarked(&mut self) {
        if self.slots.is_empty() {
            return;
        }
        let survivors: Vec<Entry> =
            self.slots.iter().copied().filter(|e| e.string.is_some_and(|s| s.is_marked())).collect();
        // Shrink while the survivors would fill less than an eighth of the set.
        let mut capacity = self.slots.len();
        while capacity > MIN_CAPACITY && survivors.len() * 8 < capacity {
            capacity /= 2;
        }
        self.rebuild(capacity, &survivors);
    }

    fn grow(&mut self) {
        let capacity = (self.slots.len() * 2).max(MIN_CAPACITY);
        let old = std::mem::take(&mut self.slots);
        self.rebuild(capacity, &old);
    }

    /// Refills the set with `entries` (distinct strings) at `capacity`, a power of two
    /// larger than their number (so every probe below finds an empty slot).
    fn rebuild(&mut self, capacity: usize, entries: &[Entry]) {
        self.slots.clear();
        self.slots.resize(capacity, EMPTY);
        self.count = 0;
        let mask = capacity - 1;
        for entry in entries.iter().filter(|e| e.string.is_some()) {
            let mut i = entry.hash as usize & mask;
            while self.slots[i].string.is_some() {
                i = (i + 1) & mask;
            }
            self.slots[i] = *entry;
            self.count += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_strings_are_interned_long_ones_are_not() {
        let mut heap = Heap::new();
        let mut strings = Strings::new();
        let a = strings.intern(&mut heap, b"hello");
        let b = strings.intern(&mut heap, b"hello");
        assert!(Gc::ptr_eq(a, b));
        assert_eq!(a.as_bytes(), b"hello");
        assert_eq!(a.len(), 5);
        let empty = strings.intern(&mut heap, b"");
        assert!(empty.is_empty() && Gc::ptr_eq(empty, strings.intern(&mut heap, b"")));
        let edge = [b'x'; MAX_SHORT_LEN];
        assert!(Gc::ptr_eq(strings.intern(&mut heap, &edge), strings.intern(&mut heap, &edge)));
        let long = [b'y'; MAX_SHORT_LEN + 1];
        let l1 = strings.intern(&mut heap, &long);
        let l2 = strings.intern(&mut heap, &long);
        assert!(!Gc::ptr_eq(l1, l2));
        assert!(str_eq(l1, l2));
        assert_eq!(l1.hash(), l2.hash());
        let mut other = long;
        other[MAX_SHORT_LEN] = b'z';
        assert!(!str_eq(l1, strings.intern(&mut heap, &other)));
        assert!(!str_eq(a, strings.intern(&mut heap, b"hellp")));
        // Byte strings, not UTF-8.
        let bin = strings.intern(&mut heap, &[0, 255, 128]);
        assert_eq!(bin.as_bytes(), &[0, 255, 128]);
        assert_eq!(heap.object_count(), 8);
        assert_eq!(strings.len(), 5);
    }

    #[test]
    fn many_strings_stay_unique() {
        let mut heap = Heap::new();
        let mut strings = Strings::new();
        let first: Vec<_> =
            (0..10_000).map(|i| strings.intern(&mut heap, format!("s{i}").as_bytes())).collect();
        for (i, s) in first.iter().enumerate() {
            assert!(Gc::ptr_eq(*s, strings.intern(&mut heap, format!("s{i}").as_bytes())));
        }
        assert_eq!(strings.len(), 10_000);
        assert_eq!(heap.object_count(), 10_000);
    }

    #[test]
    fn the_interner_does_not_keep_strings_alive() {
        let mut heap = Heap::new();
        let mut strings = Strings::new();
        let kept: Vec<_> = (0..1000).map(|i| strings.intern(&mut heap, format!("k{i}").as_bytes())).collect();
        for i in 0..5000 {
            strings.intern(&mut heap, format!("garbage{i}").as_bytes());
        }
        heap.mark(|m| kept.iter().for_each(|s| m.mark(*s)));
        strings.remove_unmarked();
        assert_eq!(heap.sweep(), 5000);
        assert_eq!(strings.len(), 1000);
        assert_eq!(heap.object_count(), 1000);
        // Survivors are still found; freed ones are made afresh.
        for (i, s) in kept.iter().enumerate() {
            assert!(Gc::ptr_eq(*s, strings.intern(&mut heap, format!("k{i}").as_bytes())));
        }
        let again = strings.intern(&mut heap, b"garbage1");
        assert_eq!(again.as_bytes(), b"garbage1");
        assert_eq!(heap.object_count(), 1001);
    }
}
