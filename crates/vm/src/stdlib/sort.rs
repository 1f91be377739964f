//! `table.sort`: an in-place quicksort through the table's own get/set operations.
//!
//! Owns the sort algorithm. It follows the shape of Lua 5.4's (median of three, then a
//! partition around the pivot kept at `up - 1`, recursion on the smaller side) so that a
//! comparator that is not a strict order is caught where Lua catches it
//! (`invalid order function for sorting`), `__index`/`__newindex` see the same kind of
//! accesses, and every comparator — however inconsistent — ends: indices never leave
//! `[lo, up]` and each round shrinks the range.
//!
//! GC: the comparator may run Lua code, and the values being compared may be held
//! nowhere else (the comparator can clear the table). The pivot and the two values in
//! hand live in three slots `sort` pushes for the whole sort.
//! Element access goes through `table.rs`; it must not touch table internals.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::stdlib::args::{arg_error, type_error};
use crate::stdlib::table::{check_table_like, get_index, length_of, set_index, READ_WRITE_LEN};
use crate::value::Value;

/// Below this range size the pivot is the middle element, never a random one.
const RANDOM_PIVOT_LIMIT: i64 = 100;

/// Arrays must be shorter than this (Lua's `INT_MAX`, the range of its indices).
const MAX_SORT: i64 = i32::MAX as i64;

pub(crate) fn sort(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let table = check_table_like(ctx, 1, "sort", READ_WRITE_LEN)?;
    let n = length_of(ctx, table)?;
    if n > 1 {
        if n >= MAX_SORT {
            return Err(arg_error(ctx, 1, "sort", "array too big"));
        }
        let comparator = ctx.arg(1);
        if !matches!(comparator, Value::Nil | Value::Function(_)) {
            return Err(type_error(ctx, 2, "sort", "function", comparator));
        }
        let slots = ctx.pushed();
        for _ in 0..3 {
            ctx.push(Value::Nil);
        }
        let mut sorter = Sorter { table, comparator, slots };
        sorter.sort(ctx, 1, n, 0)?;
        ctx.truncate_pushed(slots);
    }
    Ok(0)
}

/// The stack slots of the values the sort holds.
#[derive(Clone, Copy)]
enum Slot {
    Pivot = 0,
    A = 1,
    B = 2,
}

struct Sorter {
    table: Value,
    /// A function, or nil for `<`.
    comparator: Value,
    /// The first of the three slots, counted among the values `sort` pushed.
    slots: usize,
}

impl Sorter {
    /// `t[i]`, kept in `slot`.
    fn get(&self, ctx: &mut Ctx<'_>, i: i64, slot: Slot) -> Result<Value, LuaError> {
        let value = get_index(ctx, self.table, i)?;
        ctx.set_pushed_value(self.slots + slot as usize, value);
        Ok(value)
    }

    fn set(&self, ctx: &mut Ctx<'_>, i: i64, value: Value) -> Result<(), LuaError> {
        set_index(ctx, self.table, i, value)
    }

    /// `a < b` by the comparator (or the `<` operator, with `__lt`).
    fn less(&self, ctx: &mut Ctx<'_>, a: Value, b: Value) -> Result<bool, LuaError> {
        if self.comparator.is_nil() {
            return ctx.less(a, b, false);
        }
        let results = ctx.call(self.comparator, &[a, b])?;
        Ok(results.first().is_some_and(|v| !v.is_falsy()))
    }

    /// Sorts `t[lo..=up]`; `rnd` picks pivots in large ranges once a partition was
    /// badly unbalanced (0: middle pivots).
    fn sort(&mut self, ctx: &mut Ctx<'_>, lo: i64, up: i64, rnd: u32) -> Result<(), LuaError> {
        let (mut lo, mut up, mut rnd) = (lo, up, rnd);
        while lo < up {
            // Order t[lo] and t[up].
            let a = self.get(ctx, lo, Slot::A)?;
            let b = self.get(ctx, up, Slot::B)?;
            if self.less(ctx, b, a)? {
                self.set(ctx, lo, b)?;
                self.set(ctx, up, a)?;
            }
            if up - lo == 1 {
                return Ok(());
            }
            let mut p = if up - lo < RANDOM_PIVOT_LIMIT || rnd == 0 {
                (lo + up) / 2
            } else {
                choose_pivot(lo, up, rnd)
            };
            // Order t[lo], t[p] and t[up].
            let a = self.get(ctx, p, Slot::A)?;
            let b = self.get(ctx, lo, Slot::B)?;
            if self.less(ctx, a, b)? {
                self.set(ctx, p, b)?;
                self.set(ctx, lo, a)?;
            } else {
                let b = self.get(ctx, up, Slot::B)?;
                if self.less(ctx, b, a)? {
                    self.set(ctx, p, b)?;
                    self.set(ctx, up, a)?;
                }
            }
            if up - lo == 2 {
                return Ok(());
            }
            // The pivot goes to up - 1, out of the partition's way.
            let pivot = self.get(ctx, p, Slot::Pivot)?;
            let b = self.get(ctx, up - 1, Slot::B)?;
            self.set(ctx, p, b)?;
            self.set(ctx, up - 1, pivot)?;
            p = self.partition(ctx, lo, up, pivot)?;
            // Recurse into the smaller side, loop on the larger.
            let smaller;
            if p - lo < up - p {
                self.sort(ctx, lo, p - 1, rnd)?;
                smaller = p - lo;
                lo = p + 1;
            } else {
                self.sort(ctx, p + 1, up, rnd)?;
                smaller = up - p;
                up = p - 1;
            }
            if (up - lo) / 128 > smaller {
                rnd = random_pivot_seed();
            }
        }
        Ok(())
    }

    /// Partitions `t[lo..=up]` around `pivot` (at `up - 1`; `t[lo] <= pivot <= t[up]`):
    /// returns its final index, with smaller elements below and larger above.
    fn partition(&mut self, ctx: &mut Ctx<'_>, lo: i64, up: i64, pivot: Value) -> Result<i64, LuaError> {
        let mut i = lo;
        let mut j = up - 1;
        loop {
            // Advance i while t[i] < pivot; t[up - 1] is the pivot, so reaching it
            // means the comparator said pivot < pivot.
            let mut a;
            loop {
                i += 1;
                a = self.get(ctx, i, Slot::A)?;
                if !self.less(ctx, a, pivot)? {
                    break;
                }
                if i == up - 1 {
                    return Err(ctx.lib_error("invalid order function for sorting"));
                }
            }
            // Retreat j while pivot < t[j]; passing i means t[i] is both >= and < pivot.
            let mut b;
            loop {
                j -= 1;
                b = self.get(ctx, j, Slot::B)?;
                if !self.less(ctx, pivot, b)? {
                    break;
                }
                if j < i {
                    return Err(ctx.lib_error("invalid order function for sorting"));
                }
            }
            if j < i {
                // Put the pivot between the two parts.
                self.set(ctx, up - 1, a)?;
                self.set(ctx, i, pivot)?;
                return Ok(i);
            }
            self.set(ctx, i, b)?;
            self.set(ctx, j, a)?;
        }
    }
}

/// A pivot index in the middle half of `[lo, up]`, picked by `rnd`.
fn choose_pivot(lo: i64, up: i64, rnd: u32) -> i64 {
    let quarter = (up - lo) / 4;
    // `up - lo >= RANDOM_PIVOT_LIMIT`, so `quarter * 2` is not zero.
    i64::from(rnd) % (quarter * 2).max(1) + lo + quarter
}

/// A fresh, unpredictable seed for pivot choice (Lua mixes the clock and the time).
fn random_pivot_seed() -> u32 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0x9e37_79b9);
    let mixed = nanos ^ (nanos >> 29) ^ (nanos << 7);
    (mixed as u32) | 1
}
