//! Tables through their API: keys of every type, normalisation, borders,
//! traversal, churn against a model, and collection.

use std::collections::{HashMap, HashSet};

use crate::gc::{Gc, Heap};
use crate::string::{LuaStr, Strings};
use crate::table::{InvalidKey, Table, TableError};
use crate::value::Value;

struct Env {
    heap: Heap,
    strings: Strings,
}

impl Env {
    fn new() -> Env {
        Env { heap: Heap::new(), strings: Strings::new() }
    }

    fn str(&mut self, s: &[u8]) -> Gc<LuaStr> {
        self.strings.intern(&mut self.heap, s)
    }

    fn table(&mut self) -> Gc<Table> {
        self.heap.alloc(Table::new(0, 0))
    }
}

fn int(v: Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(i),
        _ => None,
    }
}

/// Checks that `n` is a border of `t`.
fn assert_border(t: &Table) {
    let n = t.len();
    assert!(n >= 0);
    assert!(n == 0 || !t.get_int(n).is_nil(), "t[{n}] is nil");
    assert!(t.get_int(n + 1).is_nil(), "t[{}] is not nil", n + 1);
}

/// All fields by `next`, checking no key repeats.
fn traverse(t: &Table) -> Vec<(Value, Value)> {
    let mut out: Vec<(Value, Value)> = Vec::new();
    let mut seen = HashSet::new();
    let mut key = Value::Nil;
    while let Some((k, v)) = t.next(key).expect("valid key") {
        assert!(!v.is_nil());
        assert!(seen.insert(Key::of(k)), "key visited twice");
        out.push((k, v));
        key = k;
    }
    out
}

#[test]
fn get_and_set_with_every_key_type() {
    let mut env = Env::new();
    let t = env.table();
    let other = env.table();
    let short = env.str(b"name");
    let long_bytes = vec![b'L'; 100];
    let long = env.str(&long_bytes);
    let keys = [
        Value::Int(1),
        Value::Int(0),
        Value::Int(-7),
        Value::Int(i64::MAX),
        Value::Int(i64::MIN),
        Value::Float(1.5),
        Value::Float(-1e300),
        Value::Float(f64::INFINITY),
        Value::Float(f64::NEG_INFINITY),
        Value::Bool(true),
        Value::Bool(false),
        Value::Str(short),
        Value::Str(long),
        Value::Table(other),
        Value::Table(t),
    ];
    for (i, key) in keys.iter().enumerate() {
        assert!(t.get(*key).is_nil());
        t.set(*key, Value::Int(i as i64 * 10)).unwrap();
    }
    for (i, key) in keys.iter().enumerate() {
        assert_eq!(int(t.get(*key)), Some(i as i64 * 10), "key {key:?}");
    }
    assert_eq!(int(t.get_int(i64::MIN)), Some(40));
    assert_eq!(int(t.get_str(short)), Some(110));
    assert_eq!(traverse(&t).len(), keys.len());
    // Overwrite, then remove.
    for key in &keys {
        t.set(*key, Value::Bool(true)).unwrap();
        assert!(matches!(t.get(*key), Value::Bool(true)));
        t.set(*key, Value::Nil).unwrap();
        assert!(t.get(*key).is_nil());
    }
    assert!(traverse(&t).is_empty());
    assert!(t.is_empty());
    assert_eq!(t.len(), 0);
    // Removing an absent key is a no-op.
    t.set(Value::Int(99), Value::Nil).unwrap();
    t.set_str(short, Value::Nil);
    assert!(t.is_empty());
}

#[test]
fn float_keys_with_integer_values_are_integers() {
    let t = Table::new(0, 0);
    t.set(Value::Float(1.0), Value::Int(1)).unwrap();
    assert_eq!(int(t.get_int(1)), Some(1));
    assert_eq!(int(t.get(Value::Int(1))), Some(1));
    t.set(Value::Int(2), Value::Int(2)).unwrap();
    assert_eq!(int(t.get(Value::Float(2.0))), Some(2));
    let two53 = 1i64 << 53;
    t.set(Value::Float(two53 as f64), Value::Int(53)).unwrap();
    assert_eq!(int(t.get_int(two53)), Some(53));
    assert!(t.get_int(two53 + 1).is_nil());
    t.set(Value::Float(-0.0), Value::Int(0)).unwrap();
    assert_eq!(int(t.get_int(0)), Some(0));
    assert_eq!(int(t.get(Value::Float(0.0))), Some(0));
    // 2^63 is not an integer; -2^63 is.
    t.set(Value::Float(9_223_372_036_854_775_808.0), Value::Int(63)).unwrap();
    assert!(t.get_int(i64::MAX).is_nil());
    t.set(Value::Float(-9_223_372_036_854_775_808.0), Value::Int(-63)).unwrap();
    assert_eq!(int(t.get_int(i64::MIN)), Some(-63));
    // Keys come back as integers.
    let keys: Vec<Value> = traverse(&t).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys.iter().filter(|k| matches!(k, Value::Int(_))).count(), 5);
    assert_eq!(keys.iter().filter(|k| matches!(k, Value::Float(_))).count(), 1);
    // `next` accepts the float spelling of an integer key.
    assert!(t.next(Value::Float(1.0)).is_ok());
}

#[test]
fn nil_and_nan_keys() {
    let t = Table::new(0, 0);
    assert_eq!(t.set(Value::Nil, Value::Int(1)), Err(TableError::NilKey));
    assert_eq!(t.set(Value::Float(f64::NAN), Value::Int(1)), Err(TableError::NaNKey));
    assert_eq!(TableError::NilKey.to_string(), "table index is nil");
    assert_eq!(TableError::NaNKey.to_string(), "table index is NaN");
    assert!(t.get(Value::Nil).is_nil());
    assert!(t.get(Value::Float(f64::NAN)).is_nil());
    assert!(t.is_empty());
    assert_eq!(t.next(Value::Float(f64::NAN)).err(), Some(InvalidKey));
    assert_eq!(InvalidKey.to_string(), "invalid key to 'next'");
}

#[test]
fn borders() {
    let t = Table::new(0, 0);
    assert_eq!(t.len(), 0);
    for i in 1..=100 {
        t.set_int(i, Value::Int(i));
        assert_eq!(t.len(), i);
    }
    // Removals at the end.
    for i in (1..=100).rev() {
        t.set_int(i, Value::Nil);
        assert_eq!(t.len(), i - 1);
    }
    // Holes: any border will do.
    for i in 1..=50 {
        t.set_int(i, Value::Int(i));
    }
    for i in [3, 10, 20, 49] {
        t.set_int(i, Value::Nil);
        assert_border(&t);
    }
    // Filled in reverse: the hash part migrates into the array when 1 arrives.
    let r = Table::new(0, 0);
    for i in (1..=1000).rev() {
        r.set_int(i, Value::Int(i));
        assert_border(&r);
    }
    assert_eq!(r.len(), 1000);
    assert_eq!(r.array_len(), 1000);
    assert_eq!(r.hash_capacity(), 0);
    // Stack use: push with t[#t+1], pop with t[#t] = nil.
    let s = Table::new(0, 0);
    for round in 0..3 {
        for i in 0..200 {
            s.set_int(s.len() + 1, Value::Int(i));
        }
        for _ in 0..150 + round {
            s.set_int(s.len(), Value::Nil);
            assert_border(&s);
        }
    }
    // Hash-only tables and mixed ones.
    let h = Table::new(0, 4);
    h.set(Value::Bool(true), Value::Int(1)).unwrap();
    assert_eq!(h.len(), 0);
    h.set_int(2, Value::Int(2));
    assert_border(&h);
    h.set_int(1, Value::Int(1));
    assert_eq!(h.len(), 2);
}

#[test]
fn next_visits_each_key_once_even_when_fields_are_cleared() {
    let mut env = Env::new();
    let t = env.table();
    let mut expected = 0;
    for i in 1..=300 {
        t.set_int(i, Value::Int(i));
        expected += 1;
    }
    for i in 0..300 {
        let s = env.str(format!("key{i}").as_bytes());
        t.set_str(s, Value::Int(i));
        t.set(Value::Float(i as f64 + 0.5), Value::Int(i)).unwrap();
        expected += 2;
    }
    let long = env.str(&[b'z'; 64]);
    t.set_str(long, Value::Int(-1));
    t.set_int(-5, Value::Int(-5));
    t.set_int(1000, Value::Int(1000));
    expected += 3;
    assert_eq!(traverse(&t).len(), expected);

    // Clear every visited field (and sometimes an unvisited one) while traversing.
    let mut seen = HashSet::new();
    let mut key = Value::Nil;
    while let Some((k, _)) = t.next(key).unwrap() {
        assert!(seen.insert(Key::of(k)), "key visited twice");
        t.set(k, Value::Nil).unwrap();
        // Overwriting an existing field is allowed too.
        if let Value::Int(i) = k {
            if i > 0 && i < 300 {
                t.set_int(i + 1, Value::Int(0));
            }
        }
        key = k;
    }
    assert_eq!(seen.len(), expected);
    assert!(t.is_empty());
    assert!(traverse(&t).is_empty());

    // A key that was never there.
    assert_eq!(t.next(Value::Int(5000)).err(), Some(InvalidKey));
    let absent = env.str(b"absent");
    assert_eq!(t.next(Value::Str(absent)).err(), Some(InvalidKey));
    assert_eq!(Table::new(0, 0).next(Value::Bool(true)).err(), Some(InvalidKey));
}

#[test]
fn next_continues_from_a_cleared_key_with_a_copied_long_string() {
    let mut env = Env::new();
    let t = env.table();
    let bytes = [b'q'; 80];
    let key = env.str(&bytes);
    t.set_str(key, Value::Int(1));
    t.set_int(10, Value::Int(10));
    // A distinct object with the same content finds the live field.
    let copy = env.str(&bytes);
    assert!(!Gc::ptr_eq(key, copy));
    assert_eq!(int(t.get_str(copy)), Some(1));
    assert!(t.next(Value::Str(copy)).is_ok());
    t.set_str(copy, Value::Int(2));
    assert_eq!(int(t.get_str(key)), Some(2));
    assert_eq!(traverse(&t).len(), 2);
    t.set_str(copy, Value::Nil);
    assert!(t.get_str(key).is_nil());
    // The cleared key itself still continues the traversal.
    assert!(t.next(Value::Str(key)).is_ok());
}

#[test]
fn long_string_keys_compare_by_content() {
    let mut env = Env::new();
    let t = env.table();
    for i in 0..500 {
        let k = env.str(format!("{i:0>60}").as_bytes());
        t.set_str(k, Value::Int(i));
    }
    for i in 0..500 {
        let k = env.str(format!("{i:0>60}").as_bytes());
        assert_eq!(int(t.get(Value::Str(k))), Some(i));
    }
    assert_eq!(traverse(&t).len(), 500);
}

/// A key by content (strings) or identity (tables), for models and duplicate checks.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Int(i64),
    Float(u64),
    Bool(bool),
    Str(Vec<u8>),
    Table(usize),
}

impl Key {
    fn of(v: Value) -> Key {
        match v {
            Value::Int(i) => Key::Int(i),
            Value::Float(f) => Key::Float(f.to_bits()),
            Value::Bool(b) => Key::Bool(b),
            Value::Str(s) => Key::Str(s.as_bytes().to_vec()),
            other => Key::Table(other.gc_addr().expect("a reference key")),
        }
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn churn_matches_a_model() {
    let mut env = Env::new();
    let t = env.table();
    let mut model: HashMap<Key, i64> = HashMap::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for step in 0..100_000i64 {
        let (key, model_key) = match rng.below(10) {
            0..=4 => {
                let k = rng.below(600) as i64 - 20;
                (Value::Int(k), Key::Int(k))
            }
            5 => {
                let f = rng.below(200) as f64 + 0.25;
                (Value::Float(f), Key::Float(f.to_bits()))
            }
            6 => {
                let k = rng.below(300) as i64;
                (Value::Float(k as f64), Key::Int(k))
            }
            7 => {
                let b = rng.below(2) == 0;
                (Value::Bool(b), Key::Bool(b))
            }
            _ => {
                let n = rng.below(400);
                let bytes = if n & 1 == 0 { format!("s{n}") } else { format!("{n:_>50}") }.into_bytes();
                (Value::Str(env.str(&bytes)), Key::Str(bytes))
            }
        };
        if rng.below(3) == 0 {
            t.set(key, Value::Nil).unwrap();
            model.remove(&model_key);
        } else {
            t.set(key, Value::Int(step)).unwrap();
            model.insert(model_key.clone(), step);
        }
        assert_eq!(int(t.get(key)), model.get(&model_key).copied());
        if step % 1000 == 0 {
            assert_border(&t);
            assert_eq!(traverse(&t).len(), model.len());
        }
    }
    for (key, value) in &model {
        let v = match key {
            Key::Int(i) => t.get_int(*i),
            Key::Float(bits) => t.get(Value::Float(f64::from_bits(*bits))),
            Key::Bool(b) => t.get(Value::Bool(*b)),
            Key::Str(bytes) => {
                let s = env.str(bytes);
                t.get_str(s)
            }
            Key::Table(_) => unreachable!("the churn uses no table keys"),
        };
        assert_eq!(int(v), Some(*value));
    }
    assert_eq!(traverse(&t).len(), model.len());
    // Clear everything through a traversal.
    let mut key = Value::Nil;
    while let Some((k, _)) = t.next(key).unwrap() {
        t.set(k, Value::Nil).unwrap();
        key = k;
    }
    assert!(t.is_empty());
}

#[test]
fn many_sequential_insertions_and_removals() {
    let t = Table::new(0, 0);
    let n = 100_000;
    for i in 1..=n {
        t.set_int(i, Value::Int(i * 2));
    }
    assert_eq!(t.len(), n);
    assert_eq!(t.array_len(), n as usize);
    assert!((1..=n).all(|i| int(t.get_int(i)) == Some(i * 2)));
    for i in (1..=n).filter(|i| i % 2 == 0) {
        t.set_int(i, Value::Nil);
    }
    assert_border(&t);
    assert_eq!(traverse(&t).len(), n as usize / 2);
    for i in 1..=n {
        t.set_int(i, Value::Nil);
    }
    assert_eq!(t.len(), 0);
    assert!(t.is_empty());
}

#[test]
fn a_queue_does_not_grow_without_bound() {
    let t = Table::new(0, 0);
    let (mut head, mut tail) = (1i64, 0i64);
    for _ in 0..200_000 {
        tail += 1;
        t.set_int(tail, Value::Int(tail));
        if tail - head >= 100 {
            assert_eq!(int(t.get_int(head)), Some(head));
            t.set_int(head, Value::Nil);
            head += 1;
        }
    }
    assert!(t.array_capacity() + t.hash_capacity() < 2000, "{} {}", t.array_capacity(), t.hash_capacity());
    assert!((head..=tail).all(|i| int(t.get_int(i)) == Some(i)));
    assert_eq!(traverse(&t).len(), (tail - head + 1) as usize);
}

#[test]
fn metatables() {
    let mut env = Env::new();
    let t = env.table();
    let mt = env.table();
    assert!(t.metatable().is_none());
    t.set_metatable(Some(mt));
    assert!(Gc::ptr_eq(t.metatable().unwrap(), mt));
    t.set_metatable(None);
    assert!(t.metatable().is_none());
    assert_eq!(t.weak_mode(), (false, false));
}

#[test]
fn a_reachable_table_keeps_its_contents_alive() {
    let mut env = Env::new();
    let root = env.table();
    let child = env.table();
    let mt = env.table();
    root.set_metatable(Some(mt));
    root.set_int(1, Value::Table(child));
    let key = env.str(b"key");
    let value = env.str(&[b'v'; 100]);
    root.set_str(key, Value::Str(value));
    let table_key = env.table();
    root.set(Value::Table(table_key), Value::Bool(true)).unwrap();
    // Cycles: child -> root.
    child.set_int(1, Value::Table(root));
    // Garbage: an unreachable cycle and strings.
    let g1 = env.table();
    let g2 = env.table();
    g1.set_int(1, Value::Table(g2));
    g2.set_int(1, Value::Table(g1));
    let gs = env.str(b"garbage");
    g1.set_str(gs, Value::Int(0));
    // A field assigned nil no longer keeps its key or value alive.
    let dead_key = env.str(b"dead");
    let dead_value = env.table();
    root.set_str(dead_key, Value::Table(dead_value));
    root.set_str(dead_key, Value::Nil);

    assert_eq!(env.heap.object_count(), 11);
    env.heap.mark(|m| m.mark(root));
    env.strings.remove_unmarked();
    assert_eq!(env.heap.sweep(), 5);
    assert_eq!(env.heap.object_count(), 6);
    // Everything reachable is intact.
    assert!(Gc::ptr_eq(root.metatable().unwrap(), mt));
    assert!(matches!(root.get_int(1), Value::Table(c) if Gc::ptr_eq(c, child)));
    assert!(matches!(root.get_str(key), Value::Str(s) if s.as_bytes() == [b'v'; 100]));
    assert!(matches!(root.get(Value::Table(table_key)), Value::Bool(true)));
    assert!(root.get_str(env.str(b"dead")).is_nil());
    assert_eq!(traverse(&root).len(), 3);
    // Unreachable root: everything goes.
    env.heap.mark(|_| {});
    env.strings.remove_unmarked();
    env.heap.sweep();
    assert_eq!(env.heap.object_count(), 0);
}

#[test]
fn huge_size_hints_do_not_allocate_or_panic() {
    let t = Table::new(usize::MAX, usize::MAX);
    assert!(t.array_capacity() <= crate::table::MAX_PREALLOCATION);
    t.set_int(1, Value::Int(1));
    t.set(Value::Bool(true), Value::Int(2)).unwrap();
    assert_eq!(t.len(), 1);
    assert_eq!(traverse(&t).len(), 2);
}
