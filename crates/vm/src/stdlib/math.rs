//! The math library: `math.abs`, `ceil`, `floor`, `fmod`, `modf`, `tointeger`, `type`,
//! `ult`, `sqrt`, `exp`, `log`, the trigonometric functions, `deg`, `rad`, `max`, `min`,
//! the constants `huge`, `pi`, `maxinteger`, `mininteger`, and the 5.3 compatibility
//! functions the reference lua5.4 is built with (`atan2`, `cosh`, `sinh`, `tanh`, `pow`,
//! `frexp`, `ldexp`, `log10`). `random` and `randomseed` are in `random.rs`.
//!
//! Owns which results are integers and which floats, as in Lua 5.4 (`math.floor(3.7)` is
//! the integer `3`, `math.sqrt(4)` the float `2.0`), and these functions' argument errors.
//! Numeric conversions come from `number.rs`; it must not format numbers itself.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::number::{self, Numeral};
use crate::stdlib::args::{arg_error, check_any, check_float, check_integer};
use crate::value::Value;

/// Installs the `math` library.
pub(crate) fn open(ctx: &mut Ctx<'_>) {
    let math = crate::stdlib::new_library(
        ctx,
        "math",
        &[
            ("math.abs", abs),
            ("math.ceil", ceil),
            ("math.floor", floor),
            ("math.fmod", fmod),
            ("math.modf", modf),
            ("math.tointeger", tointeger),
            ("math.type", math_type),
            ("math.ult", ult),
            ("math.sqrt", sqrt),
            ("math.exp", exp),
            ("math.log", log),
            ("math.sin", sin),
            ("math.cos", cos),
            ("math.tan", tan),
            ("math.asin", asin),
            ("math.acos", acos),
            ("math.atan", atan),
            ("math.max", max),
            ("math.min", min),
            ("math.deg", deg),
            ("math.rad", rad),
            // Lua 5.3's functions that lua5.4 keeps when built with LUA_COMPAT_MATHLIB,
            // as the reference interpreter is.
            ("math.cosh", cosh),
            ("math.sinh", sinh),
            ("math.tanh", tanh),
            ("math.pow", pow),
            ("math.frexp", frexp),
            ("math.ldexp", ldexp),
            ("math.log10", log10),
        ],
    );
    let constants = [
        ("maxinteger", Value::Int(i64::MAX)),
        ("mininteger", Value::Int(i64::MIN)),
        ("huge", Value::Float(f64::INFINITY)),
        ("pi", Value::Float(std::f64::consts::PI)),
    ];
    // `atan2` is the very same function as `atan`, as in Lua.
    let atan = ctx.intern(b"atan");
    let atan = math.get(atan);
    let key = ctx.intern(b"atan2");
    let _ = math.set(key, atan);
    for (name, value) in constants {
        let key = ctx.intern(name.as_bytes());
        let _ = math.set(key, value);
    }
    crate::stdlib::random::open(ctx, math);
}

/// A float result as an integer when it has an exact integer value that fits
/// (`pushnumint`), else as a float.
fn int_or_float(f: f64) -> Value {
    match number::float_to_int_exact(f) {
        Some(i) => Value::Int(i),
        None => Value::Float(f),
    }
}

/// Pushes one float computed from the first argument.
fn unary(ctx: &mut Ctx<'_>, name: &str, f: impl Fn(f64) -> f64) -> Result<usize, LuaError> {
    let x = check_float(ctx, 1, name)?;
    ctx.push(Value::Float(f(x)));
    Ok(1)
}

fn abs(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    // Only an integer value keeps its subtype: a numeric string becomes a float.
    let result = match ctx.arg(0) {
        Value::Int(i) => Value::Int(i.wrapping_abs()),
        _ => Value::Float(check_float(ctx, 1, "abs")?.abs()),
    };
    ctx.push(result);
    Ok(1)
}

fn floor(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let result = match ctx.arg(0) {
        value @ Value::Int(_) => value,
        _ => int_or_float(check_float(ctx, 1, "floor")?.floor()),
    };
    ctx.push(result);
    Ok(1)
}

fn ceil(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let result = match ctx.arg(0) {
        value @ Value::Int(_) => value,
        _ => int_or_float(check_float(ctx, 1, "ceil")?.ceil()),
    };
    ctx.push(result);
    Ok(1)
}

fn fmod(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let result = match (ctx.arg(0), ctx.arg(1)) {
        (Value::Int(a), Value::Int(b)) => match number::int_fmod(a, b) {
            Some(r) => Value::Int(r),
            None => return Err(arg_error(ctx, 2, "fmod", "zero")),
        },
        _ => {
            // lua5.4 (built with gcc) checks the second argument first.
            let b = check_float(ctx, 2, "fmod")?;
            let a = check_float(ctx, 1, "fmod")?;
            // Rust's `%` on floats is C's `fmod`.
            Value::Float(a % b)
        }
    };
    ctx.push(result);
    Ok(1)
}

fn modf(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (whole, fraction) = match ctx.arg(0) {
        value @ Value::Int(_) => (value, 0.0),
        _ => {
            let x = check_float(ctx, 1, "modf")?;
            // Rounds toward zero; infinities have no fractional part.
            let whole = if x < 0.0 { x.ceil() } else { x.floor() };
            let fraction = if x == whole { 0.0 } else { x - whole };
            (int_or_float(whole), fraction)
        }
    };
    ctx.push(whole);
    ctx.push(Value::Float(fraction));
    Ok(2)
}

fn tointeger(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let result = match ctx.arg(0) {
        Value::Int(i) => Some(i),
        Value::Float(f) => number::float_to_int_exact(f),
        Value::Str(s) => match number::str_to_num(s.as_bytes()) {
            Some(Numeral::Int(i)) => Some(i),
            Some(Numeral::Float(f)) => number::float_to_int_exact(f),
            None => None,
        },
        _ => None,
    };
    let result = match result {
        Some(i) => Value::Int(i),
        None => {
            check_any(ctx, 1, "tointeger")?;
            Value::Nil
        }
    };
    ctx.push(result);
    Ok(1)
}

fn math_type(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = check_any(ctx, 1, "type")?;
    let result = match value {
        Value::Int(_) => ctx.intern(b"integer"),
        Value::Float(_) => ctx.intern(b"float"),
        _ => Value::Nil,
    };
    ctx.push(result);
    Ok(1)
}

fn ult(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let a = check_integer(ctx, 1, "ult")?;
    let b = check_integer(ctx, 2, "ult")?;
    ctx.push(Value::Bool((a as u64) < (b as u64)));
    Ok(1)
}

fn sqrt(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "sqrt", f64::sqrt)
}

fn exp(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "exp", f64::exp)
}

fn sin(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "sin", f64::sin)
}

fn cos(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "cos", f64::cos)
}

fn tan(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "tan", f64::tan)
}

fn asin(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "asin", f64::asin)
}

fn acos(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "acos", f64::acos)
}

fn atan(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let y = check_float(ctx, 1, "atan")?;
    let x = match ctx.arg(1) {
        Value::Nil => 1.0,
        _ => check_float(ctx, 2, "atan")?,
    };
    ctx.push(Value::Float(y.atan2(x)));
    Ok(1)
}

fn log(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let x = check_float(ctx, 1, "log")?;
    let result = match ctx.arg(1) {
        Value::Nil => x.ln(),
        _ => {
            let b = check_float(ctx, 2, "log")?;
            // Exact for powers of 2 and 10, as C's log2/log10 are.
            if b == 2.0 {
                x.log2()
            } else if b == 10.0 {
                x.log10()
            } else {
                x.ln() / b.ln()
            }
        }
    };
    ctx.push(Value::Float(result));
    Ok(1)
}

/// The argument `max` (`want_max`) or `min` picks with `<` (metamethods included); the
/// first one among equals.
fn extreme(ctx: &mut Ctx<'_>, name: &str, want_max: bool) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    if count < 1 {
        return Err(arg_error(ctx, 1, name, "value expected"));
    }
    let mut best = ctx.arg(0);
    for i in 1..count {
        let candidate = ctx.arg(i);
        let better =
            if want_max { ctx.less(best, candidate, false)? } else { ctx.less(candidate, best, false)? };
        if better {
            best = candidate;
        }
    }
    ctx.push(best);
    Ok(1)
}

fn max(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    extreme(ctx, "max", true)
}

fn min(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    extreme(ctx, "min", false)
}

fn deg(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "deg", |x| x * (180.0 / std::f64::consts::PI))
}

fn rad(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "rad", |x| x * (std::f64::consts::PI / 180.0))
}

fn cosh(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "cosh", f64::cosh)
}

fn sinh(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "sinh", f64::sinh)
}

fn tanh(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "tanh", f64::tanh)
}

fn log10(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    unary(ctx, "log10", f64::log10)
}

fn pow(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let x = check_float(ctx, 1, "pow")?;
    let y = check_float(ctx, 2, "pow")?;
    ctx.push(Value::Float(number::float_pow(x, y)));
    Ok(1)
}

fn frexp(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let x = check_float(ctx, 1, "frexp")?;
    let (mantissa, exponent) = split_exponent(x);
    ctx.push(Value::Float(mantissa));
    ctx.push(Value::Int(i64::from(exponent)));
    Ok(2)
}

fn ldexp(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let x = check_float(ctx, 1, "ldexp")?;
    // Lua casts the exponent to a C `int`: only its low 32 bits count.
    let exponent = check_integer(ctx, 2, "ldexp")? as i32;
    ctx.push(Value::Float(scale(x, exponent)));
    Ok(1)
}

/// C's `frexp`: `x = m * 2^e` with `0.5 <= |m| < 1`; zero, infinities and NaN give
/// themselves and 0.
fn split_exponent(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    if biased == 0 {
        // Subnormal: normalise first.
        let (m, e) = split_exponent(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let mantissa = f64::from_bits((bits & !(0x7FF << 52)) | (1022 << 52));
    (mantissa, biased - 1022)
}

/// C's `ldexp`: `x * 2^n`, rounded once (subnormal results included).
fn scale(x: f64, n: i32) -> f64 {
    let two_1023 = f64::from_bits(0x7FE0_0000_0000_0000);
    // 2^-969: scaling down by it keeps a normal value normal, so only the last
    // multiplication rounds.
    let two_minus_969 = f64::from_bits(0x0360_0000_0000_0000);
    let (mut x, mut n) = (x, n);
    if n > 1023 {
        for _ in 0..2 {
            if n > 1023 {
                x *= two_1023;
                n -= 1023;
            }
        }
        n = n.min(1023);
    } else if n < -1022 {
        for _ in 0..2 {
            if n < -1022 {
                x *= two_minus_969;
                n += 969;
            }
        }
        n = n.max(-1022);
    }
    x * f64::from_bits(((0x3FF + n) as u64) << 52)
}

#[cfg(test)]
mod tests {
    use super::{scale, split_exponent};

    #[test]
    fn frexp_and_ldexp_are_inverses() {
        for x in [1.0, -8.0, 0.75, 5e-324, 1e308, 3.0 * 2f64.powi(-1000), 123.456] {
            let (m, e) = split_exponent(x);
            assert!((0.5..1.0).contains(&m.abs()), "{x}");
            assert_eq!(scale(m, e), x);
        }
        assert_eq!(scale(1.0, -1075), 0.0);
        assert_eq!(scale(1.0, 1024), f64::INFINITY);
        assert_eq!(scale(1e-300, 1100), 1e-300 * 2f64.powi(1000) * 2f64.powi(100));
    }
}
