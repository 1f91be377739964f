//! `string.format`: Lua 5.4's `printf`-like formatting, written in Rust so that every
//! conversion prints what PUC-Rio Lua (on glibc) prints.
//!
//! Owns reading a conversion specification and checking it as `lstrlib.c` does (which
//! flags each conversion accepts, widths and precisions of at most two digits, the
//! `invalid conversion` messages), converting arguments, and the output of `%d %i %u %c
//! %o %x %X %a %A %e %E %f %g %G %p %q %s %%`. Float digits come from Rust's exact,
//! correctly rounded formatting (ties to even, as glibc); the layout around them (signs,
//! exponents, padding, `#`) is built here. It must not touch other string functions.

use std::borrow::Cow;

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::number;
use crate::stdlib::args::{arg_error, check_float, check_integer, check_string, lib_error_bytes};
use crate::value::Value;

/// Name of the function in argument errors.
const NAME: &str = "format";

/// Flags accepted by the float conversions (`a A e E f g G`).
const FLAGS_FLOAT: &[u8] = b"-+#0 ";
/// Flags accepted by `o x X`.
const FLAGS_HEX: &[u8] = b"-#0";
/// Flags accepted by `d i`.
const FLAGS_INT: &[u8] = b"-+0 ";
/// Flags accepted by `u`.
const FLAGS_UNSIGNED: &[u8] = b"-0";
/// Flags accepted by `c p s`.
const FLAGS_CHAR: &[u8] = b"-";

/// A specification longer than this (flags, width and precision) is "too long" (Lua's
/// `MAX_FORMAT - 10`, counting the conversion letter).
const MAX_SPEC: usize = 22;

/// A string argument of `%s` at least this long, given no precision, is copied whole.
const LONG_STRING: usize = 100;

/// `string.format(fmt, ...)`.
pub(crate) fn format(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    // A copy: the format string may be a converted number nothing roots, and `%s` can
    // run Lua code (`__tostring`).
    let fmt = check_string(ctx, 1, NAME)?.as_bytes().to_vec();
    // Room for a few conversions, so most results need no reallocation.
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len() + 64);
    let mut arg = 1;
    let mut i = 0;
    while let Some(&c) = fmt.get(i) {
        i += 1;
        if c != b'%' {
            out.push(c);
            continue;
        }
        if fmt.get(i) == Some(&b'%') {
            out.push(b'%');
            i += 1;
            continue;
        }
        arg += 1;
        if arg > count {
            return Err(arg_error(ctx, arg, NAME, "no value"));
        }
        // The specification: flags, digits and '.' (checked per conversion below), then
        // the conversion byte (NUL past the end, as C sees it).
        let rest = fmt.get(i..).unwrap_or_default();
        let spanned =
            rest.iter().take_while(|&&c| matches!(c, b'-' | b'+' | b'#' | b' ' | b'.' | b'0'..=b'9')).count();
        if spanned + 1 >= MAX_SPEC {
            return Err(ctx.lib_error("invalid format (too long)"));
        }
        let conversion = rest.get(spanned).copied().unwrap_or(0);
        // The specification as written: from the '%' (at `i - 1`) through the conversion
        // byte, which is left out when the format ends first.
        let form_end = if conversion == 0 { i + spanned } else { i + spanned + 1 };
        let form = fmt.get(i - 1..form_end).unwrap_or_default();
        i += spanned + 1;
        convert(ctx, &mut out, form, conversion, arg)?;
    }
    let result = ctx.intern(&out);
    ctx.push(result);
    Ok(1)
}

/// Appends the conversion `form` (`%-5.2f`) of argument number `arg` to `out`.
fn convert(
    ctx: &mut Ctx<'_>,
    out: &mut Vec<u8>,
    form: &[u8],
    conversion: u8,
    arg: usize,
) -> Result<(), LuaError> {
    let value = ctx.arg(arg - 1);
    match conversion {
        b'c' => {
            let spec = check_spec(ctx, form, FLAGS_CHAR, false)?;
            let n = check_integer(ctx, arg, NAME)?;
            // C passes the integer as an `int` and prints it as an `unsigned char`.
            pad(out, &spec, b"", b"", &[n as u8], false);
        }
        b'd' | b'i' => {
            let n = check_integer(ctx, arg, NAME)?;
            let spec = check_spec(ctx, form, FLAGS_INT, true)?;
            let sign = sign_of(&spec, n < 0);
            let mut buf = [0; DIGITS_BUF];
            let digits = with_precision(&spec, radix_digits(n.unsigned_abs(), 10, false, &mut buf));
            integer(out, &spec, sign, b"", &digits);
        }
        b'u' | b'o' | b'x' | b'X' => {
            let n = check_integer(ctx, arg, NAME)? as u64;
            let flags = if conversion == b'u' { FLAGS_UNSIGNED } else { FLAGS_HEX };
            let spec = check_spec(ctx, form, flags, true)?;
            unsigned(out, &spec, conversion, n);
        }
        b'a' | b'A' => {
            let spec = check_spec(ctx, form, FLAGS_FLOAT, true)?;
            let f = check_float(ctx, arg, NAME)?;
            float(out, &spec, conversion, f);
        }
        b'e' | b'E' | b'f' | b'g' | b'G' => {
            let f = check_float(ctx, arg, NAME)?;
            let spec = check_spec(ctx, form, FLAGS_FLOAT, true)?;
            float(out, &spec, conversion, f);
        }
        b'p' => {
            let spec = check_spec(ctx, form, FLAGS_CHAR, false)?;
            let text = match value.gc_addr() {
                Some(addr) => format!("{addr:#x}"),
                None => "(null)".to_owned(),
            };
            pad(out, &spec, b"", b"", text.as_bytes(), false);
        }
        b'q' => {
            if form.len() > 2 {
                return Err(ctx.lib_error("specifier '%q' cannot have modifiers"));
            }
            literal(ctx, out, arg, value)?;
        }
        b's' => {
            // No Lua code runs (so no collection) from here on: the string stays alive.
            let string = match ctx.tostring(value)? {
                Value::Str(s) => Some(s),
                _ => None,
            };
            let text = string.as_ref().map_or(&[][..], |s| s.as_bytes());
            if form.len() == 2 {
                out.extend_from_slice(text);
            } else {
                if text.contains(&0) {
                    return Err(arg_error(ctx, arg, NAME, "string contains zeros"));
                }
                let spec = check_spec(ctx, form, FLAGS_CHAR, true)?;
                match spec.precision {
                    None if text.len() >= LONG_STRING => out.extend_from_slice(text),
                    precision => {
                        let shown = text.get(..precision.unwrap_or(text.len())).unwrap_or(text);
                        pad(out, &spec, b"", b"", shown, false);
                    }
                }
            }
        }
        _ => {
            let mut message = b"invalid conversion '".to_vec();
            message.extend_from_slice(form);
            message.extend_from_slice(b"' to 'format'");
            return Err(lib_error_bytes(ctx, &message));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Specifications
// ---------------------------------------------------------------------------------------

/// A checked conversion specification.
#[derive(Default)]
struct Spec {
    /// `-`: pad on the right.
    left: bool,
    /// `+`: a plus sign on non-negative numbers.
    plus: bool,
    /// ` `: a space on non-negative numbers (when no `+`).
    space: bool,
    /// `#`: the alternate form (`0x` prefix, a point always).
    alt: bool,
    /// `0`: pad numbers with zeros after the sign and prefix.
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// Checks `form` as `lstrlib.c` does (only `flags`, a width of at most two digits not
/// starting with 0, a precision of at most two digits if `precision`) and reads it.
fn check_spec(ctx: &mut Ctx<'_>, form: &[u8], flags: &[u8], precision: bool) -> Result<Spec, LuaError> {
    let body = form.get(1..).unwrap_or_default();
    let mut spec = Spec::default();
    let mut at = 0;
    while let Some(&c) = body.get(at).filter(|c| flags.contains(c)) {
        match c {
            b'-' => spec.left = true,
            b'+' => spec.plus = true,
            b' ' => spec.space = true,
            b'#' => spec.alt = true,
            _ => spec.zero = true,
        }
        at += 1;
    }
    if body.get(at) != Some(&b'0') {
        spec.width = two_digits(body, &mut at);
        if precision && body.get(at) == Some(&b'.') {
            at += 1;
            spec.precision = Some(two_digits(body, &mut at));
        }
    }
    if !body.get(at).is_some_and(u8::is_ascii_alphabetic) {
        let mut message = b"invalid conversion specification: '".to_vec();
        message.extend_from_slice(form);
        message.push(b'\'');
        return Err(lib_error_bytes(ctx, &message));
    }
    Ok(spec)
}

/// Reads up to two decimal digits at `*at` (none: 0).
fn two_digits(body: &[u8], at: &mut usize) -> usize {
    let mut n = 0;
    for _ in 0..2 {
        match body.get(*at) {
            Some(c) if c.is_ascii_digit() => {
                n = n * 10 + usize::from(c - b'0');
                *at += 1;
            }
            _ => break,
        }
    }
    n
}

/// The sign a number gets: `-` when negative, else `+` or ` ` if the flags ask.
fn sign_of(spec: &Spec, negative: bool) -> &'static [u8] {
    if negative {
        b"-"
    } else if spec.plus {
        b"+"
    } else if spec.space {
        b" "
    } else {
        b""
    }
}

/// Appends `sign`, `prefix` and `body`, padded to the width: on the right with `-`, with
/// zeros between prefix and body when `zeros` (the `0` flag applies), else on the left.
fn pad(out: &mut Vec<u8>, spec: &Spec, sign: &[u8], prefix: &[u8], body: &[u8], zeros: bool) {
    let len = sign.len() + prefix.len() + body.len();
    let fill = spec.width.saturating_sub(len);
    if spec.left {
        out.extend_from_slice(sign);
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
        out.resize(out.len() + fill, b' ');
    } else if zeros && spec.zero {
        out.extend_from_slice(sign);
        out.extend_from_slice(prefix);
        out.resize(out.len() + fill, b'0');
        out.extend_from_slice(body);
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(sign);
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
    }
}

// ---------------------------------------------------------------------------------------
// Integers
// ---------------------------------------------------------------------------------------

/// Room for the digits of any `u64` in any radix [`radix_digits`] takes (22 in octal).
const DIGITS_BUF: usize = 24;

/// The digits of `n` in `radix` (8, 10 or 16; lowercase or `upper` hex digits), written
/// at the end of `buf`, without an allocation.
fn radix_digits(mut n: u64, radix: u64, upper: bool, buf: &mut [u8; DIGITS_BUF]) -> &[u8] {
    let alphabet: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut at = buf.len();
    // A u64 has at most 22 digits in radix 8 or more, so `at` stays in the buffer.
    while let Some(slot) = at.checked_sub(1).and_then(|i| buf.get_mut(i)) {
        *slot = alphabet.get((n % radix) as usize).copied().unwrap_or(b'0');
        at -= 1;
        n /= radix;
        if n == 0 {
            break;
        }
    }
    buf.get(at..).unwrap_or_default()
}

/// An integer's `digits` with C's precision rule: at least that many digits, none for 0
/// with precision 0. Borrows `digits` when the precision changes nothing.
fn with_precision<'a>(spec: &Spec, digits: &'a [u8]) -> Cow<'a, [u8]> {
    match spec.precision {
        Some(0) if digits == b"0" => Cow::Borrowed(b""),
        Some(precision) if digits.len() < precision => {
            let mut padded = vec![b'0'; precision - digits.len()];
            padded.extend_from_slice(digits);
            Cow::Owned(padded)
        }
        _ => Cow::Borrowed(digits),
    }
}

/// Appends an integer's sign, prefix and digits (precision applied); a precision turns
/// the `0` flag off.
fn integer(out: &mut Vec<u8>, spec: &Spec, sign: &[u8], prefix: &[u8], digits: &[u8]) {
    pad(out, spec, sign, prefix, digits, spec.precision.is_none());
}

/// `%u`, `%o`, `%x`, `%X` of the integer's bits.
fn unsigned(out: &mut Vec<u8>, spec: &Spec, conversion: u8, n: u64) {
    let (radix, upper) = match conversion {
        b'u' => (10, false),
        b'o' => (8, false),
        b'x' => (16, false),
        _ => (16, true),
    };
    let mut buf = [0; DIGITS_BUF];
    let mut digits = with_precision(spec, radix_digits(n, radix, upper, &mut buf));
    let mut prefix: &[u8] = b"";
    if spec.alt {
        match conversion {
            // `#o` makes the first digit a 0 (raising the precision by one if needed).
            b'o' if digits.first() != Some(&b'0') => digits.to_mut().insert(0, b'0'),
            b'x' if n != 0 => prefix = b"0x",
            b'X' if n != 0 => prefix = b"0X",
            _ => {}
        }
    }
    integer(out, spec, b"", prefix, &digits);
}

// ---------------------------------------------------------------------------------------
// Floats
// ---------------------------------------------------------------------------------------

/// `%a %A %e %E %f %g %G` of `f`.
fn float(out: &mut Vec<u8>, spec: &Spec, conversion: u8, f: f64) {
    let upper = conversion.is_ascii_uppercase();
    let sign = sign_of(spec, f.is_sign_negative());
    if !f.is_finite() {
        let text: &[u8] = match (f.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        pad(out, spec, sign, b"", text, false);
        return;
    }
    let x = f.abs();
    let body = match conversion.to_ascii_lowercase() {
        b'a' => {
            let body = hex_float(x, spec.precision, spec.alt, upper);
            let prefix: &[u8] = if upper { b"0X" } else { b"0x" };
            pad(out, spec, sign, prefix, body.as_bytes(), true);
            return;
        }
        b'e' => exponent_form(x, spec.precision.unwrap_or(6), spec.alt, upper),
        b'f' => fixed_form(x, spec.precision.unwrap_or(6), spec.alt),
        _ => general_form(x, spec.precision.unwrap_or(6), spec.alt, upper),
    };
    pad(out, spec, sign, b"", body.as_bytes(), true);
}

/// `%.<precision>e` of a finite `x >= 0`: `d.ddde+XX`.
fn exponent_form(x: f64, precision: usize, alt: bool, upper: bool) -> String {
    let (mut text, exponent) = scientific(x, precision);
    if alt && precision == 0 {
        text.push('.');
    }
    text.push(if upper { 'E' } else { 'e' });
    text.push(if exponent < 0 { '-' } else { '+' });
    text.push_str(&format!("{:02}", exponent.unsigned_abs()));
    text
}

/// Rust's correctly rounded `d.ddd` with `precision` decimals, and the decimal exponent.
fn scientific(x: f64, precision: usize) -> (String, i32) {
    let text = format!("{x:.precision$e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) => (mantissa.to_owned(), exponent.parse().unwrap_or(0)),
        None => (text, 0),
    }
}

/// The decimal exponent of `x` before any rounding: a double's exact decimal expansion
/// has fewer than 800 significant digits, so this many cannot round up.
fn exact_exponent(x: f64) -> i32 {
    scientific(x, 800).1
}

/// `%.<precision>f` of a finite `x >= 0`.
fn fixed_form(x: f64, precision: usize, alt: bool) -> String {
    let mut text = format!("{x:.precision$}");
    if alt && precision == 0 {
        text.push('.');
    }
    text
}

/// `%.<precision>g` of a finite `x >= 0`: fixed or exponent form by the exponent the
/// rounded value has; without `#`, trailing zeros (and a bare point) go.
fn general_form(x: f64, precision: usize, alt: bool, upper: bool) -> String {
    if !alt {
        // Formatted once, by the routine `tostring` uses (`%.14g`).
        let mut text = String::new();
        number::write_g(&mut text, x, precision);
        if upper {
            text.make_ascii_uppercase();
        }
        return text;
    }
    // `#`: trailing zeros stay, and there is always a point.
    let p = precision.max(1);
    let (_, exponent) = scientific(x, p - 1);
    if i64::from(exponent) == p as i64 && exact_exponent(x) == exponent - 1 {
        // glibc's quirk: when rounding carries a number that needed no decimals in fixed
        // form (999999.5 with `%#g`) into exponent form, it keeps zero decimals: `1.e+06`.
        return exponent_form(x, 0, true, upper);
    }
    let mut text = if exponent >= -4 && i64::from(exponent) < p as i64 {
        // `exponent < p` here, so the subtraction cannot go below zero.
        let decimals = (p as i64 - 1 - i64::from(exponent)).max(0) as usize;
        fixed_form(x, decimals, true)
    } else {
        exponent_form(x, p - 1, true, upper)
    };
    if !text.contains('.') {
        // Only the exponent form can lack the point here (`fixed_form` added it).
        let at = text.find(['e', 'E']).unwrap_or(text.len());
        text.insert(at, '.');
    }
    text
}

/// glibc's `%a` of a finite `x >= 0` without the `0x` prefix: `1.8p+1`; subnormals as
/// `0.<digits>p-1022`. Without a precision, as many hex digits as needed; with one, the
/// digits rounded to nearest, ties to even (a carry can make the first digit 2).
fn hex_float(x: f64, precision: Option<usize>, alt: bool, upper: bool) -> String {
    const FRACTION_DIGITS: usize = 13;
    let bits = x.to_bits();
    let biased = (bits >> 52) & 0x7ff;
    let fraction = bits & ((1u64 << 52) - 1);
    let (lead, exponent) = match (biased, fraction) {
        (0, 0) => (0, 0),
        (0, _) => (0, -1022),
        _ => (1, biased as i64 - 1023),
    };
    let (lead, digits) = match precision {
        None => {
            let mut digits = format!("{fraction:013x}");
            while digits.ends_with('0') {
                digits.pop();
            }
            (lead, digits)
        }
        Some(p) if p < FRACTION_DIGITS => {
            let shift = 4 * (FRACTION_DIGITS - p) as u32;
            let whole = (lead << 52) | fraction;
            let mut kept = whole >> shift;
            let rest = whole & ((1u64 << shift) - 1);
            let half = 1u64 << (shift - 1);
            if rest > half || (rest == half && kept & 1 == 1) {
                kept += 1;
            }
            let digit_bits = 4 * p as u32;
            let digits =
                if p == 0 { String::new() } else { format!("{:0p$x}", kept & ((1u64 << digit_bits) - 1)) };
            (kept >> digit_bits, digits)
        }
        Some(p) => (lead, format!("{fraction:013x}{:0<1$}", "", p - FRACTION_DIGITS)),
    };
    let mut text = format!("{lead:x}");
    if !digits.is_empty() || alt {
        text.push('.');
    }
    text.push_str(&digits);
    text.push_str(&format!("p{exponent:+}"));
    if upper {
        text.make_ascii_uppercase();
    }
    text
}

// ---------------------------------------------------------------------------------------
// %q
// ---------------------------------------------------------------------------------------

/// `%q`: the value as a Lua literal that reads back as the same value.
fn literal(ctx: &mut Ctx<'_>, out: &mut Vec<u8>, arg: usize, value: Value) -> Result<(), LuaError> {
    match value {
        Value::Str(s) => quoted(out, s.as_bytes()),
        // The minimum integer has no decimal literal (it would read as a float).
        Value::Int(i64::MIN) => out.extend_from_slice(b"0x8000000000000000"),
        Value::Int(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Value::Float(f) if f == f64::INFINITY => out.extend_from_slice(b"1e9999"),
        Value::Float(f) if f == f64::NEG_INFINITY => out.extend_from_slice(b"-1e9999"),
        Value::Float(f) if f.is_nan() => out.extend_from_slice(b"(0/0)"),
        Value::Float(f) => {
            if f.is_sign_negative() {
                out.push(b'-');
            }
            out.extend_from_slice(b"0x");
            out.extend_from_slice(hex_float(f.abs(), None, false, false).as_bytes());
        }
        Value::Nil => out.extend_from_slice(b"nil"),
        Value::Bool(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
        _ => return Err(arg_error(ctx, arg, NAME, "value has no literal form")),
    }
    Ok(())
}

/// A string between double quotes with `"`, `\` and newline escaped by a backslash and
/// other control bytes as decimal escapes (three digits when a digit follows).
fn quoted(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    for (i, &c) in s.iter().enumerate() {
        match c {
            b'"' | b'\\' | b'\n' => {
                out.push(b'\\');
                out.push(c);
            }
            0..=31 | 127 => {
                let escape = if s.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    format!("\\{c:03}")
                } else {
                    format!("\\{c}")
                };
                out.extend_from_slice(escape.as_bytes());
            }
            _ => out.push(c),
        }
    }
    out.push(b'"');
}
