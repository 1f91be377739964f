//! The math library: `math.abs`, `ceil`, `floor`, `fmod`, `modf`, `tointeger`, `type`,
//! `ult`, `sqrt`, `exp`, `log`, the trigonometric functions, `deg`, `rad`, `max`, `min`,
//! the constants `huge`, `pi`, `maxinteger`, `mininteger`, and the 5.3 compatibility
//! functions the reference lua5.4 is built with (`atan2`, `cosh`, `sinh`, `tanh`, `pow`,
//! `frexp`, `ldexp`, `log10`). `random` and `randomseed` are in `random.rs`.
//!
//! Owns which results are integers and which floats, as in Lua 5.4 (`math.floor(3.7)` is
//! the integer `3`, `math.sqrt(4)` the float `2.0`), and these functions' argument errors.
//! Numeric conversions come from `number.rs`; it must not format numbers itself.

use crate::error::LuaError;
use crate::number::{self, Numeral};
use crate::stdlib::args::{arg_error, check_any, check_float, check_integer};
use crate::value::Value;
use crate::vm::Vm;

/// Installs the `math` library.
pub(crate) fn open(vm: &mut Vm) {
    let math = crate::stdlib::new_library(
        vm,
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
    let atan = vm.intern(b"atan");
    let atan = math.get(atan);
    let key = vm.intern(b"atan2");
    let _ = math.set(key, atan);
    for (name, value) in constants {
        let key = vm.intern(name.as_bytes());
        let _ = math.set(key, value);
    }
    crate::stdlib::random::open(vm, math);
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
fn unary(
    vm: &mut Vm,
    base: usize,
    count: usize,
    name: &str,
    f: impl Fn(f64) -> f64,
) -> Result<usize, LuaError> {
    let x = check_float(vm, base, count, 1, name)?;
    vm.push(Value::Float(f(x)));
    Ok(1)
}

fn abs(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    // Only an integer value keeps its subtype: a numeric string becomes a float.
    let result = match vm.arg(base, count, 0) {
        Value::Int(i) => Value::Int(i.wrapping_abs()),
        _ => Value::Float(check_float(vm, base, count, 1, "abs")?.abs()),
    };
    vm.push(result);
    Ok(1)
}

fn floor(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let result = match vm.arg(base, count, 0) {
        value @ Value::Int(_) => value,
        _ => int_or_float(check_float(vm, base, count, 1, "floor")?.floor()),
    };
    vm.push(result);
    Ok(1)
}

fn ceil(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let result = match vm.arg(base, count, 0) {
        value @ Value::Int(_) => value,
        _ => int_or_float(check_float(vm, base, count, 1, "ceil")?.ceil()),
    };
    vm.push(result);
    Ok(1)
}

fn fmod(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let result = match (vm.arg(base, count, 0), vm.arg(base, count, 1)) {
        (Value::Int(a), Value::Int(b)) => match number::int_fmod(a, b) {
            Some(r) => Value::Int(r),
            None => return Err(arg_error(vm, 2, "fmod", "zero")),
        },
        _ => {
            // lua5.4 (built with gcc) checks the second argument first.
            let b = check_float(vm, base, count, 2, "fmod")?;
            let a = check_float(vm, base, count, 1, "fmod")?;
            // Rust's `%` on floats is C's `fmod`.
            Value::Float(a % b)
        }
    };
    vm.push(result);
    Ok(1)
}

fn modf(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (whole, fraction) = match vm.arg(base, count, 0) {
        value @ Value::Int(_) => (value, 0.0),
        _ => {
            let x = check_float(vm, base, count, 1, "modf")?;
            // Rounds toward zero; infinities have no fractional part.
            let whole = if x < 0.0 { x.ceil() } else { x.floor() };
            let fraction = if x == whole { 0.0 } else { x - whole };
            (int_or_float(whole), fraction)
        }
    };
    vm.push(whole);
    vm.push(Value::Float(fraction));
    Ok(2)
}

fn tointeger(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let result = match vm.arg(base, count, 0) {
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
            check_any(vm, base, count, 1, "tointeger")?;
            Value::Nil
        }
    };
    vm.push(result);
    Ok(1)
}

fn math_type(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = check_any(vm, base, count, 1, "type")?;
    let result = match value {
        Value::Int(_) => vm.intern(b"integer"),
        Value::Float(_) => vm.intern(b"float"),
        _ => Value::Nil,
    };
    vm.push(result);
    Ok(1)
}

fn ult(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let a = check_integer(vm, base, count, 1, "ult")?;
    let b = check_integer(vm, base, count, 2, "ult")?;
    vm.push(Value::Bool((a as u64) < (b as u64)));
    Ok(1)
}

fn sqrt(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "sqrt", f64::sqrt)
}

fn exp(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "exp", f64::exp)
}

fn sin(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "sin", f64::sin)
}

fn cos(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "cos", f64::cos)
}

fn tan(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "tan", f64::tan)
}

fn asin(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "asin", f64::asin)
}

fn acos(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "acos", f64::acos)
}

fn atan(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let y = check_float(vm, base, count, 1, "atan")?;
    let x = match vm.arg(base, count, 1) {
        Value::Nil => 1.0,
        _ => check_float(vm, base, count, 2, "atan")?,
    };
    vm.push(Value::Float(y.atan2(x)));
    Ok(1)
}

fn log(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let x = check_float(vm, base, count, 1, "log")?;
    let result = match vm.arg(base, count, 1) {
        Value::Nil => x.ln(),
        _ => {
            let b = check_float(vm, base, count, 2, "log")?;
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
    vm.push(Value::Float(result));
    Ok(1)
}

/// The argument `max` (`want_max`) or `min` picks with `<` (metamethods included); the
/// first one among equals.
fn extreme(vm: &mut Vm, base: usize, count: usize, name: &str, want_max: bool) -> Result<usize, LuaError> {
    if count < 1 {
        return Err(arg_error(vm, 1, name, "value expected"));
    }
    let mut best = vm.arg(base, count, 0);
    for i in 1..count {
        let candidate = vm.arg(base, count, i);
        let better =
            if want_max { vm.less(best, candidate, false)? } else { vm.less(candidate, best, false)? };
        if better {
            best = candidate;
        }
    }
    vm.push(best);
    Ok(1)
}

fn max(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    extreme(vm, base, count, "max", true)
}

fn min(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    extreme(vm, base, count, "min", false)
}

fn deg(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "deg", |x| x * (180.0 / std::f64::consts::PI))
}

fn rad(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "rad", |x| x * (std::f64::consts::PI / 180.0))
}

fn cosh(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "cosh", f64::cosh)
}

fn sinh(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "sinh", f64::sinh)
}

fn tanh(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "tanh", f64::tanh)
}

fn log10(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    unary(vm, base, count, "log10", f64::log10)
}

fn pow(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let x = check_float(vm, base, count, 1, "pow")?;
    let y = check_float(vm, base, count, 2, "pow")?;
    vm.push(Value::Float(number::float_pow(x, y)));
    Ok(1)
}

fn frexp(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let x = check_float(vm, base, count, 1, "frexp")?;
    let (mantissa, exponent) = split_exponent(x);
    vm.push(Value::Float(mantissa));
    vm.push(Value::Int(i64::from(exponent)));
    Ok(2)
}

fn ldexp(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let x = check_float(vm, base, count, 1, "ldexp")?;
    // Lua casts the exponent to a C `int`: only its low 32 bits count.
    let exponent = check_integer(vm, base, count, 2, "ldexp")? as i32;
    vm.push(Value::Float(scale(x, exponent)));
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
