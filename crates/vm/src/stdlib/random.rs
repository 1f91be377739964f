//! `math.random` and `math.randomseed`: Lua 5.4's xoshiro256** generator.
//!
//! Owns the generator, its seeding and how a 64-bit draw becomes a float in [0, 1) or an
//! integer in [m, n], all as in Lua 5.4.4, so that `math.randomseed(n)` gives the same
//! sequence as lua5.4 for the same seed. The state (four 64-bit words) lives in a table
//! both functions hold as their upvalue; scripts cannot reach it.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::function::NativeFn;
use crate::gc::Gc;
use crate::stdlib::args::{arg_error, check_integer, opt_integer};
use crate::table::Table;
use crate::value::Value;

/// Adds `random` and `randomseed` to the `math` table and seeds the generator from the
/// time and an address, as Lua does at startup.
pub(crate) fn open(ctx: &mut Ctx<'_>, math: Gc<Table>) {
    let state = ctx.new_table();
    let (n1, n2) = entropy(ctx);
    save(state, seeded(n1, n2));
    let functions: [(&'static str, &str, NativeFn); 2] =
        [("math.random", "random", random), ("math.randomseed", "randomseed", randomseed)];
    for (qualified, short, func) in functions {
        let f = ctx.new_native_closure(qualified, func, Value::Table(state));
        let key = ctx.intern(short.as_bytes());
        let _ = math.set(key, f);
    }
}

/// The generator's state.
type State = [u64; 4];

/// The next 64-bit value (xoshiro256**), advancing `s`.
fn next(s: &mut State) -> u64 {
    let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
    let t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = s[3].rotate_left(45);
    result
}

/// The state `randomseed(n1, n2)` sets: the seeds spread by discarding 16 values.
fn seeded(n1: u64, n2: u64) -> State {
    let mut s = [n1, 0xff, n2, 0];
    for _ in 0..16 {
        next(&mut s);
    }
    s
}

/// Two seeds that differ from run to run: the time and an address.
fn entropy(ctx: &Ctx<'_>) -> (u64, u64) {
    let time = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() ^ u64::from(d.subsec_nanos()).rotate_left(32))
        .unwrap_or(0);
    (time, ctx.state_address() as u64)
}

/// The state kept in the upvalue table (fields 1..4); zeros if it is missing.
fn load(ctx: &Ctx<'_>) -> (Option<Gc<Table>>, State) {
    let Value::Table(t) = ctx.upvalue() else { return (None, [0; 4]) };
    let mut s = [0u64; 4];
    for (i, word) in s.iter_mut().enumerate() {
        if let Value::Int(v) = t.get_int(i as i64 + 1) {
            *word = v as u64;
        }
    }
    (Some(t), s)
}

fn save(t: Gc<Table>, s: State) {
    for (i, word) in s.iter().enumerate() {
        t.set_int(i as i64 + 1, Value::Int(*word as i64));
    }
}

/// A float in [0, 1) from the 53 high bits of a draw.
fn to_float(x: u64) -> f64 {
    (x >> 11) as f64 * (0.5f64).powi(53)
}

/// `random` in `[0, n]`: the draw masked to the smallest `2^b - 1 >= n`, drawing again
/// while the result exceeds `n` (as Lua's `project`).
fn project(mut random: u64, n: u64, s: &mut State) -> u64 {
    if n & n.wrapping_add(1) == 0 {
        // n + 1 is a power of 2 (or n is the whole range).
        return random & n;
    }
    let mut mask = n;
    for shift in [1, 2, 4, 8, 16, 32] {
        mask |= mask >> shift;
    }
    loop {
        random &= mask;
        if random <= n {
            return random;
        }
        random = next(s);
    }
}

fn random(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (table, mut s) = load(ctx);
    // The draw happens before the arguments are checked, as in Lua.
    let draw = next(&mut s);
    let result = random_value(ctx, draw, &mut s);
    if let Some(t) = table {
        save(t, s);
    }
    ctx.push(result?);
    Ok(1)
}

fn random_value(ctx: &mut Ctx<'_>, draw: u64, s: &mut State) -> Result<Value, LuaError> {
    let count = ctx.nargs();
    let (low, up) = match count {
        0 => return Ok(Value::Float(to_float(draw))),
        1 => {
            let up = check_integer(ctx, 1, "random")?;
            if up == 0 {
                // `random(0)`: all 64 bits.
                return Ok(Value::Int(draw as i64));
            }
            (1, up)
        }
        2 => (check_integer(ctx, 1, "random")?, check_integer(ctx, 2, "random")?),
        _ => return Err(ctx.lib_error("wrong number of arguments")),
    };
    if low > up {
        return Err(arg_error(ctx, 1, "random", "interval is empty"));
    }
    let offset = project(draw, (up as u64).wrapping_sub(low as u64), s);
    Ok(Value::Int(offset.wrapping_add(low as u64) as i64))
}

fn randomseed(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let (n1, n2) = if count == 0 {
        entropy(ctx)
    } else {
        let n1 = check_integer(ctx, 1, "randomseed")?;
        let n2 = opt_integer(ctx, 2, "randomseed", 0)?;
        (n1 as u64, n2 as u64)
    };
    if let (Some(t), _) = load(ctx) {
        save(t, seeded(n1, n2));
    }
    ctx.push(Value::Int(n1 as i64));
    ctx.push(Value::Int(n2 as i64));
    Ok(2)
}

#[cfg(test)]
mod tests {
    use super::{next, project, seeded, to_float};

    #[test]
    fn seeded_sequence_matches_lua() {
        // lua5.4: math.randomseed(42); print(math.random(1, 100), math.random())
        let mut s = seeded(42, 0);
        let draw = next(&mut s);
        assert_eq!(project(draw, 99, &mut s) + 1, 50);
        assert_eq!(format!("{:.14}", to_float(next(&mut s))), "0.54688311243421");
    }
}
