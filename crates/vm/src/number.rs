//! Lua 5.4 numeric semantics as pure functions on `i64`, `f64` and byte strings.
//!
//! This module owns the arithmetic of the two number subtypes (wrapping integer
//! arithmetic, floor division and modulo for both, Lua's shifts), the conversions between
//! them (exact, floor and ceiling float-to-integer, `for` loop limits), exact comparisons
//! between an integer and a float, number formatting (`tostring`'s `%.14g`) and string
//! conversions (`tonumber` with and without a base, string coercion for integer operands).
//! The reference is PUC Lua 5.4 (`lvm.c`, `lobject.c`, `lbaselib.c`, `lmathlib.c`).
//!
//! It must not know about values, the heap, error messages or the VM: every function
//! takes and returns plain numbers, and failures come back as `None` or a small error enum
//! for the caller to turn into Lua's wording. String parsing itself (`luaO_str2num`) lives
//! in the lexer and is reused here, not duplicated.

use std::fmt::Write as _;

pub use moonlet_lexer::Numeral;

// ---------------------------------------------------------------------------------------
// Integer arithmetic
// ---------------------------------------------------------------------------------------

/// `a + b` on integers: wraps around modulo 2^64, as Lua does.
#[inline]
pub fn int_add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

/// `a - b` on integers: wraps around modulo 2^64.
#[inline]
pub fn int_sub(a: i64, b: i64) -> i64 {
    a.wrapping_sub(b)
}

/// `a * b` on integers: wraps around modulo 2^64.
#[inline]
pub fn int_mul(a: i64, b: i64) -> i64 {
    a.wrapping_mul(b)
}

/// `-a` on integers: wraps, so `-math.mininteger == math.mininteger`.
#[inline]
pub fn int_neg(a: i64) -> i64 {
    a.wrapping_neg()
}

/// `a // b` on integers (`luaV_idiv`): the floor of the quotient, `None` when `b == 0`
/// (Lua 5.4.4 then raises `attempt to divide by zero`). `math.mininteger // -1` wraps to
/// `math.mininteger`.
///
/// ```
/// use moonlet_vm::number::int_floor_div;
/// assert_eq!(int_floor_div(7, -2), Some(-4));
/// assert_eq!(int_floor_div(i64::MIN, -1), Some(i64::MIN));
/// assert_eq!(int_floor_div(1, 0), None);
/// ```
#[inline]
pub fn int_floor_div(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let q = a.wrapping_div(b);
    // Truncation rounded towards zero; a negative non-integer quotient needs one less.
    if (a ^ b) < 0 && a.wrapping_rem(b) != 0 {
        Some(q.wrapping_sub(1))
    } else {
        Some(q)
    }
}

/// `a % b` on integers (`luaV_mod`): the remainder takes the sign of `b`; `None` when
/// `b == 0` (Lua raises `attempt to perform 'n%%0'`). `math.mininteger % -1 == 0`.
///
/// ```
/// use moonlet_vm::number::int_mod;
/// assert_eq!(int_mod(-7, 3), Some(2));
/// assert_eq!(int_mod(7, -3), Some(-2));
/// assert_eq!(int_mod(i64::MIN, -1), Some(0));
/// assert_eq!(int_mod(1, 0), None);
/// ```
#[inline]
pub fn int_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.wrapping_rem(b);
    if r != 0 && (r ^ b) < 0 {
        Some(r.wrapping_add(b))
    } else {
        Some(r)
    }
}

/// `math.fmod` on two integers: C's truncating remainder (sign of `a`); `None` when
/// `b == 0` (Lua raises `bad argument #2 to 'fmod' (zero)`).
///
/// ```
/// use moonlet_vm::number::int_fmod;
/// assert_eq!(int_fmod(-5, 3), Some(-2));
/// assert_eq!(int_fmod(i64::MIN, -1), Some(0));
/// ```
#[inline]
pub fn int_fmod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        None
    } else {
        Some(a.wrapping_rem(b))
    }
}

// ---------------------------------------------------------------------------------------
// Float arithmetic
// ---------------------------------------------------------------------------------------

/// `a / b`: plain IEEE division, for integers too (after converting both to floats).
#[inline]
pub fn float_div(a: f64, b: f64) -> f64 {
    a / b
}

/// `a // b` on floats (`luai_numidiv`): `floor(a / b)`, so `1 // 0.0` is `inf`,
/// `0.0 // -1` is `-0.0` and anything involving NaN is NaN.
///
/// ```
/// use moonlet_vm::number::float_floor_div;
/// assert_eq!(float_floor_div(7.0, -2.0), -4.0);
/// assert_eq!(float_floor_div(1.0, 0.0), f64::INFINITY);
/// assert!(float_floor_div(-5.0, f64::INFINITY).is_sign_negative());
/// ```
#[inline]
pub fn float_floor_div(a: f64, b: f64) -> f64 {
    (a / b).floor()
}

/// `a % b` on floats (`luai_nummod`): C's `fmod`, then moved into `b`'s sign when the two
/// differ, so `5.5 % -2 == -0.5`, `-5 % math.huge == math.huge`, and `x % 0.0` is NaN.
///
/// ```
/// use moonlet_vm::number::float_mod;
/// assert_eq!(float_mod(5.5, -2.0), -0.5);
/// assert_eq!(float_mod(-5.5, 2.0), 0.5);
/// assert_eq!(float_mod(5.0, f64::INFINITY), 5.0);
/// assert_eq!(float_mod(-5.0, f64::INFINITY), f64::INFINITY);
/// assert!(float_mod(1.0, 0.0).is_nan());
/// ```
#[inline]
pub fn float_mod(a: f64, b: f64) -> f64 {
    // Rust's `%` on floats is C's `fmod` (truncating, exact, sign of `a`).
    let r = a % b;
    if (r > 0.0 && b < 0.0) || (r < 0.0 && b > 0.0) {
        r + b
    } else {
        r
    }
}

/// `a ^ b` (`luai_numpow`): C's `pow`, with `b == 2` computed as `a * a` as Lua does.
///
/// ```
/// use moonlet_vm::number::float_pow;
/// assert_eq!(float_pow(2.0, 10.0), 1024.0);
/// ```
#[inline]
pub fn float_pow(a: f64, b: f64) -> f64 {
    if b == 2.0 {
        a * a
    } else {
        a.powf(b)
    }
}

// ---------------------------------------------------------------------------------------
// Shifts
// ---------------------------------------------------------------------------------------

/// `a << n` (`luaV_shiftl`): a logical shift; a negative `n` shifts right, and
/// `|n| >= 64` gives 0.
///
/// ```
/// use moonlet_vm::number::shift_left;
/// assert_eq!(shift_left(1, 63), i64::MIN);
/// assert_eq!(shift_left(1, 64), 0);
/// assert_eq!(shift_left(-1, -1), i64::MAX);
/// ```
#[inline]
pub fn shift_left(a: i64, n: i64) -> i64 {
    let bits = a as u64; // reinterpret: Lua shifts the unsigned bit pattern
    if n <= -64 || n >= 64 {
        0
    } else if n < 0 {
        (bits >> n.unsigned_abs()) as i64
    } else {
        (bits << n) as i64
    }
}

/// `a >> n`: a logical right shift, i.e. `shift_left(a, -n)` (with `-n` wrapping, so
/// `n == math.mininteger` gives 0).
///
/// ```
/// use moonlet_vm::number::shift_right;
/// assert_eq!(shift_right(-1, 1), i64::MAX);
/// assert_eq!(shift_right(2, -1), 4);
/// ```
#[inline]
pub fn shift_right(a: i64, n: i64) -> i64 {
    shift_left(a, n.wrapping_neg())
}

// ---------------------------------------------------------------------------------------
// Float -> integer conversions
// ---------------------------------------------------------------------------------------

/// How a float with a fractional part becomes an integer (`F2Imod` in `lvm.h`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Only floats with an exact integer value convert (`F2Ieq`).
    Exact,
    /// Take the floor (`F2Ifloor`).
    Floor,
    /// Take the ceiling (`F2Iceil`).
    Ceil,
}

/// 2^63 as a float: the first value above `i64`'s range.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// `luaV_flttointns`: the float rounded per `mode`, or `None` when the result is not in
/// `i64`'s range (or NaN, or not integral under [`Rounding::Exact`]).
#[inline]
pub fn float_to_int(f: f64, mode: Rounding) -> Option<i64> {
    let floor = f.floor();
    let value = if f == floor {
        floor
    } else {
        match mode {
            Rounding::Exact => return None,
            Rounding::Floor => floor,
            Rounding::Ceil => floor + 1.0,
        }
    };
    // NaN fails both comparisons; the cast is exact inside this range.
    if (-TWO_POW_63..TWO_POW_63).contains(&value) {
        Some(value as i64)
    } else {
        None
    }
}

/// The integer equal to `f`, if any (`3.0 -> 3`, `-0.0 -> 0`, `3.5`, `2^63`, NaN and
/// infinities -> `None`): table keys, bitwise operands, `math.tointeger`, equality.
///
/// ```
/// use moonlet_vm::number::float_to_int_exact;
/// assert_eq!(float_to_int_exact(3.0), Some(3));
/// assert_eq!(float_to_int_exact(-0.0), Some(0));
/// assert_eq!(float_to_int_exact(3.5), None);
/// assert_eq!(float_to_int_exact(9223372036854775808.0), None);
/// assert_eq!(float_to_int_exact(-9223372036854775808.0), Some(i64::MIN));
/// ```
#[inline]
pub fn float_to_int_exact(f: f64) -> Option<i64> {
    float_to_int(f, Rounding::Exact)
}

/// `floor(f)` as an integer, `None` when out of range or NaN.
#[inline]
pub fn float_to_int_floor(f: f64) -> Option<i64> {
    float_to_int(f, Rounding::Floor)
}

/// `ceil(f)` as an integer, `None` when out of range or NaN.
#[inline]
pub fn float_to_int_ceil(f: f64) -> Option<i64> {
    float_to_int(f, Rounding::Ceil)
}

/// Whether every integer of this magnitude converts to a float exactly (|i| <= 2^53).
#[inline]
fn int_fits_float(i: i64) -> bool {
    const LIMIT: u64 = 1 << 53;
    (i as u64).wrapping_add(LIMIT) <= 2 * LIMIT
}

// ---------------------------------------------------------------------------------------
// Numeric `for` loops
// ---------------------------------------------------------------------------------------

/// `forlimit` for an integer loop (integer `init` and non-zero `step`) whose limit is a
/// float: the integer limit to use (floor for ascending loops, ceiling for descending
/// ones, clamped to `i64`'s range), or `None` when the loop must not run at all.
///
/// A NaN limit skips ascending loops but, as in Lua 5.4, a descending loop then runs
/// towards `math.mininteger`.
///
/// ```
/// use moonlet_vm::number::for_limit_float;
/// assert_eq!(for_limit_float(2, 2.5, 1), Some(2));
/// assert_eq!(for_limit_float(3, 2.5, 1), None);
/// assert_eq!(for_limit_float(-2, -2.5, -1), Some(-2));
/// assert_eq!(for_limit_float(1, 1e100, 1), Some(i64::MAX));
/// assert_eq!(for_limit_float(1, 1e100, -1), None);
/// ```
pub fn for_limit_float(init: i64, limit: f64, step: i64) -> Option<i64> {
    let converted = if step < 0 { float_to_int_ceil(limit) } else { float_to_int_floor(limit) };
    let limit = match converted {
        Some(l) => l,
        // Out of range (or NaN): above or below every integer.
        None if limit > 0.0 => {
            if step < 0 {
                return None;
            }
            i64::MAX
        }
        None => {
            if step > 0 {
                return None;
            }
            i64::MIN
        }
    };
    let skip = if step > 0 { init > limit } else { init < limit };
    if skip {
        None
    } else {
        Some(limit)
    }
}

/// `forprep` for an integer loop: how many more times the body runs after the first
/// iteration (Lua's unsigned iteration counter), or `None` when the loop does not run.
/// `None` too for `step == 0`, which the caller must already have reported as
/// `'for' step is zero`.
///
/// ```
/// use moonlet_vm::number::for_count;
/// assert_eq!(for_count(1, 10, 1), Some(9));
/// assert_eq!(for_count(1, 10, 4), Some(2)); // 1, 5, 9
/// assert_eq!(for_count(10, 1, -3), Some(3)); // 10, 7, 4, 1
/// assert_eq!(for_count(i64::MIN, i64::MAX, 1), Some(u64::MAX));
/// assert_eq!(for_count(2, 1, 1), None);
/// ```
pub fn for_count(init: i64, limit: i64, step: i64) -> Option<u64> {
    // Unsigned differences and divisions avoid any overflow, as in lvm.c.
    if step > 0 {
        if init > limit {
            return None;
        }
        Some((limit as u64).wrapping_sub(init as u64) / step.unsigned_abs())
    } else if step < 0 {
        if init < limit {
            return None;
        }
        Some((init as u64).wrapping_sub(limit as u64) / step.unsigned_abs())
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------
// Mixed integer/float comparisons
// ---------------------------------------------------------------------------------------

/// `i < f`, exactly (`LTintfloat`): no rounding of `i` near 2^53 or 2^63; false for NaN.
///
/// ```
/// use moonlet_vm::number::lt_int_float;
/// assert!(lt_int_float(i64::MAX, 9223372036854775808.0));
/// assert!(!lt_int_float((1 << 53) + 1, 9007199254740992.0));
/// assert!(!lt_int_float(0, f64::NAN));
/// ```
#[inline]
pub fn lt_int_float(i: i64, f: f64) -> bool {
    if int_fits_float(i) {
        (i as f64) < f
    } else {
        // i < f  <=>  i < ceil(f)
        match float_to_int_ceil(f) {
            Some(c) => i < c,
            None => f > 0.0,
        }
    }
}

/// `i <= f`, exactly (`LEintfloat`); false for NaN.
#[inline]
pub fn le_int_float(i: i64, f: f64) -> bool {
    if int_fits_float(i) {
        (i as f64) <= f
    } else {
        // i <= f  <=>  i <= floor(f)
        match float_to_int_floor(f) {
            Some(c) => i <= c,
            None => f > 0.0,
        }
    }
}

/// `f < i`, exactly (`LTfloatint`); false for NaN.
#[inline]
pub fn lt_float_int(f: f64, i: i64) -> bool {
    if int_fits_float(i) {
        f < (i as f64)
    } else {
        // f < i  <=>  floor(f) < i
        match float_to_int_floor(f) {
            Some(c) => c < i,
            None => f < 0.0,
        }
    }
}

/// `f <= i`, exactly (`LEfloatint`); false for NaN.
#[inline]
pub fn le_float_int(f: f64, i: i64) -> bool {
    if int_fits_float(i) {
        f <= (i as f64)
    } else {
        // f <= i  <=>  ceil(f) <= i
        match float_to_int_ceil(f) {
            Some(c) => c <= i,
            None => f < 0.0,
        }
    }
}

/// `i == f`, exactly: true only when `f` has an integer value equal to `i`, so
/// `math.maxinteger + 0.0 == math.maxinteger` is false (the float is 2^63).
///
/// ```
/// use moonlet_vm::number::eq_int_float;
/// assert!(eq_int_float(3, 3.0));
/// assert!(!eq_int_float(i64::MAX, i64::MAX as f64));
/// assert!(eq_int_float(i64::MIN, -9223372036854775808.0));
/// ```
#[inline]
pub fn eq_int_float(i: i64, f: f64) -> bool {
    float_to_int_exact(f) == Some(i)
}

// ---------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------

/// An integer as `tostring` writes it (`%d`).
///
/// ```
/// assert_eq!(moonlet_vm::number::fmt_int(i64::MIN), "-9223372036854775808");
/// ```
pub fn fmt_int(i: i64) -> String {
    i.to_string()
}

/// A float as `tostring` writes it: `%.14g`, plus `.0` when that looks like an integer;
/// `inf`, `-inf`, `nan` and `-nan` (NaN's sign bit shows, as glibc prints it).
///
/// ```
/// use moonlet_vm::number::fmt_float;
/// assert_eq!(fmt_float(1.0), "1.0");
/// assert_eq!(fmt_float(0.1), "0.1");
/// assert_eq!(fmt_float(1e15), "1e+15");
/// assert_eq!(fmt_float(2f64.powi(53)), "9.007199254741e+15");
/// assert_eq!(fmt_float(-0.0), "-0.0");
/// assert_eq!(fmt_float(f64::NEG_INFINITY), "-inf");
/// ```
pub fn fmt_float(f: f64) -> String {
    let mut out = String::new();
    write_float(&mut out, f);
    out
}

/// Appends [`fmt_float`]'s text to `out`, without an intermediate allocation.
pub fn write_float(out: &mut String, f: f64) {
    let start = out.len();
    write_g(out, f, 14);
    if out[start..].bytes().all(|c| c == b'-' || c.is_ascii_digit()) {
        out.push_str(".0");
    }
}

/// C's `printf("%.*g", precision, f)` with no flags (as `string.format("%.5g", x)`); a
/// precision of 0 means 1, and precisions above 99 (which Lua rejects) are capped.
///
/// ```
/// use moonlet_vm::number::fmt_g;
/// assert_eq!(fmt_g(0.0001, 6), "0.0001");
/// assert_eq!(fmt_g(1e-5, 6), "1e-05");
/// assert_eq!(fmt_g(123456789.0, 6), "1.23457e+08");
/// assert_eq!(fmt_g(100.0, 6), "100");
/// ```
pub fn fmt_g(f: f64, precision: usize) -> String {
    let mut out = String::new();
    write_g(&mut out, f, precision);
    out
}

/// Appends [`fmt_g`]'s text to `out`.
pub fn write_g(out: &mut String, f: f64, precision: usize) {
    if f.is_sign_negative() {
        out.push('-');
    }
    if f.is_nan() {
        out.push_str("nan");
        return;
    }
    if f.is_infinite() {
        out.push_str("inf");
        return;
    }
    let precision = precision.clamp(1, 99);
    // Correctly rounded (ties to even on the exact binary value, as glibc): d.ddd…e<X>.
    let mut sci = Buf::new();
    // Writing into a fixed buffer only fails on overflow, which 99 digits cannot reach.
    let _ = write!(sci, "{:.*e}", precision - 1, f.abs());
    let text = sci.as_bytes();
    let e_pos = text.iter().position(|&c| c == b'e').unwrap_or(text.len());
    let exponent: i32 = std::str::from_utf8(&text[(e_pos + 1).min(text.len())..])
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    // The significant digits, without the point.
    let mut digits = Buf::new();
    for &c in &text[..e_pos] {
        if c.is_ascii_digit() {
            digits.push(c);
        }
    }
    let digits = digits.as_bytes();
    let p = i32::try_from(precision).unwrap_or(99);
    if exponent < -4 || exponent >= p {
        // Exponent notation: d.ddd (trailing zeros removed) e±XX.
        let (lead, rest) = digits.split_first().unwrap_or((&b'0', &[]));
        let frac = trim_zeros(rest);
        out.push(char::from(*lead));
        if !frac.is_empty() {
            out.push('.');
            push_ascii(out, frac);
        }
        let _ = write!(out, "e{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.unsigned_abs());
    } else if exponent >= 0 {
        // Fixed notation with the point after `exponent + 1` digits.
        let split = usize::try_from(exponent).unwrap_or(0) + 1;
        let (int_part, frac) = digits.split_at(split.min(digits.len()));
        push_ascii(out, int_part);
        let frac = trim_zeros(frac);
        if !frac.is_empty() {
            out.push('.');
            push_ascii(out, frac);
        }
    } else {
        // Fixed notation below 1: 0.000ddd.
        out.push_str("0.");
        for _ in 0..exponent.unsigned_abs() - 1 {
            out.push('0');
        }
        push_ascii(out, trim_zeros(digits));
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let end = digits.iter().rposition(|&c| c != b'0').map_or(0, |i| i + 1);
    &digits[..end]
}

fn push_ascii(out: &mut String, bytes: &[u8]) {
    out.extend(bytes.iter().map(|&c| char::from(c)));
}

/// A small stack buffer for `%e` text, so formatting a number does not allocate.
struct Buf {
    bytes: [u8; 128],
    len: usize,
}

impl Buf {
    fn new() -> Self {
        Buf { bytes: [0; 128], len: 0 }
    }

    fn push(&mut self, c: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = c;
            self.len += 1;
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl std::fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Strings -> numbers
// ---------------------------------------------------------------------------------------

/// A string's number for arithmetic coercion and `tonumber(s)` (`luaO_str2num`):
/// surrounding whitespace, a sign, decimal and hex integers and floats; decimal integers
/// that overflow become floats, hex ones wrap. `None` if the whole string is not a numeral.
///
/// ```
/// use moonlet_vm::number::{str_to_num, Numeral};
/// assert_eq!(str_to_num(b" 10 "), Some(Numeral::Int(10)));
/// assert_eq!(str_to_num(b"3.0"), Some(Numeral::Float(3.0)));
/// assert_eq!(str_to_num(b"0x10"), Some(Numeral::Int(16)));
/// assert_eq!(str_to_num(b"1e"), None);
/// ```
#[inline]
pub fn str_to_num(s: &[u8]) -> Option<Numeral> {
    moonlet_lexer::str_to_number(s)
}

/// Why a string does not give an integer under [`str_to_int_coerce`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntCoerceError {
    /// Not a numeral at all (Lua: `number expected, got string`).
    NotNumber,
    /// A float numeral without an integer value (`number has no integer representation`).
    NoIntRepr,
}

/// A string as an integer, the way `luaL_checkinteger`/`lua_tointegerx` coerce it
/// (`string.rep("x", "2.0")`, `math.tointeger("3")`): a numeral whose value is an integer.
/// Note that Lua 5.4's bitwise operators do *not* coerce strings (`"3" | 0` is an error).
///
/// ```
/// use moonlet_vm::number::{str_to_int_coerce, IntCoerceError};
/// assert_eq!(str_to_int_coerce(b"3"), Ok(3));
/// assert_eq!(str_to_int_coerce(b"3.0"), Ok(3));
/// assert_eq!(str_to_int_coerce(b"3.5"), Err(IntCoerceError::NoIntRepr));
/// assert_eq!(str_to_int_coerce(b"abc"), Err(IntCoerceError::NotNumber));
/// ```
pub fn str_to_int_coerce(s: &[u8]) -> Result<i64, IntCoerceError> {
    match str_to_num(s) {
        Some(Numeral::Int(i)) => Ok(i),
        Some(Numeral::Float(f)) => float_to_int_exact(f).ok_or(IntCoerceError::NoIntRepr),
        None => Err(IntCoerceError::NotNumber),
    }
}

/// C's `isspace` in the C locale, which `tonumber(s, base)` skips around the digits.
fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// `tonumber(s, base)` (`luaB_tonumber`'s `b_str2int`): optional spaces, optional `-`
/// or `+`, at least one digit or letter (case-insensitive) below `base`, optional spaces,
/// and nothing else. Overflow wraps modulo 2^64. `None` for a bad numeral, or a `base`
/// outside 2..=36 (which the caller reports as `base out of range` first).
///
/// ```
/// use moonlet_vm::number::str_to_int_base;
/// assert_eq!(str_to_int_base(b" -ff ", 16), Some(-255));
/// assert_eq!(str_to_int_base(b"ffffffffffffffffff", 16), Some(-1));
/// assert_eq!(str_to_int_base(b"z", 36), Some(35));
/// assert_eq!(str_to_int_base(b"1e1", 10), None);
/// assert_eq!(str_to_int_base(b"", 10), None);
/// ```
pub fn str_to_int_base(s: &[u8], base: u32) -> Option<i64> {
    if !(2..=36).contains(&base) {
        return None;
    }
    let mut rest = s;
    while let [c, tail @ ..] = rest {
        if !is_c_space(*c) {
            break;
        }
        rest = tail;
    }
    let negative = match rest.first() {
        Some(b'-') => {
            rest = &rest[1..];
            true
        }
        Some(b'+') => {
            rest = &rest[1..];
            false
        }
        _ => false,
    };
    let digits_len = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if digits_len == 0 {
        return None;
    }
    let (digits, tail) = rest.split_at(digits_len);
    if !tail.iter().all(|&c| is_c_space(c)) {
        return None;
    }
    let mut n: u64 = 0;
    for &c in digits {
        let d = char::from(c).to_digit(36)?;
        if d >= base {
            return None;
        }
        n = n.wrapping_mul(u64::from(base)).wrapping_add(u64::from(d));
    }
    let n = if negative { n.wrapping_neg() } else { n };
    Some(n as i64) // two's complement reinterpretation, as Lua's cast
}
