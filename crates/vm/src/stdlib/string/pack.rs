//! `string.pack`, `string.unpack` and `string.packsize`: Lua 5.4's binary serialisation
//! of integers, floats and strings.
//!
//! Owns the format language (`< > = ![n] b B h H l L j J T i[n] I[n] f d n s[n] z x
//! X<op> c<n>` and spaces), alignment, the byte layouts and every error of these three
//! functions, worded as `lstrlib.c`. Native sizes and alignment are those of a 64-bit
//! Linux build of PUC-Rio Lua (`int` 4, `long` and `size_t` 8, maximum alignment 8). It
//! must not touch other string functions.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::stdlib::args::{
    arg_error, check_float, check_integer, check_string, lib_error_bytes, opt_integer,
};
use crate::value::Value;

/// The widest integer an option may ask for, in bytes.
const MAX_INT_SIZE: usize = 16;
/// Bytes of a Lua integer.
const INT_SIZE: usize = 8;
/// `sizeof(int)`, the default of `i`, `I`.
const C_INT_SIZE: usize = 4;
/// `sizeof(size_t)`, the default of `s` and the size of `T`.
const SIZE_T: usize = 8;
/// The alignment `!` sets without a number (the strictest native alignment).
const NATIVE_ALIGN: usize = 8;
/// The largest total size (`INT_MAX`, as Lua limits sizes that must fit an `int`).
const MAX_SIZE: usize = i32::MAX as usize;
/// Lua's stack limit, which `string.unpack`'s results must fit in.
const MAX_RESULTS: usize = 1_000_000;

/// What an option does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A signed integer.
    Int,
    /// An unsigned integer.
    Uint,
    /// A 4-byte float.
    Float,
    /// An 8-byte float (`d` and `n`).
    Double,
    /// A fixed-size string (`c<n>`).
    Char,
    /// A string after its length (`s<n>`).
    Str,
    /// A zero-terminated string.
    Zstr,
    /// One byte of padding (`x`).
    Padding,
    /// Padding up to an alignment (`X<op>`).
    AlignPad,
    /// Endianness, alignment or a space.
    Nop,
}

/// The state a format carries from option to option.
struct Reader<'a> {
    fmt: &'a [u8],
    at: usize,
    little: bool,
    max_align: usize,
    /// The function's name for argument errors.
    name: &'static str,
}

/// One option with its size and the padding that aligns it.
struct Item {
    kind: Kind,
    size: usize,
    align_pad: usize,
}

impl<'a> Reader<'a> {
    fn new(fmt: &'a [u8], name: &'static str) -> Self {
        // Lua reads the format as a C string: it ends at the first zero byte.
        let end = fmt.iter().position(|&c| c == 0).unwrap_or(fmt.len());
        Reader {
            fmt: fmt.get(..end).unwrap_or_default(),
            at: 0,
            little: cfg!(target_endian = "little"),
            max_align: 1,
            name,
        }
    }

    fn done(&self) -> bool {
        self.at >= self.fmt.len()
    }

    /// A decimal number at the cursor, or `default` if there is none. Like Lua, stops
    /// reading digits once the value passes `(INT_MAX - 9) / 10`.
    fn number(&mut self, default: usize) -> usize {
        if !self.fmt.get(self.at).is_some_and(u8::is_ascii_digit) {
            return default;
        }
        let mut n = 0;
        while let Some(&c) = self.fmt.get(self.at).filter(|c| c.is_ascii_digit()) {
            n = n * 10 + usize::from(c - b'0');
            self.at += 1;
            if n > (MAX_SIZE - 9) / 10 {
                break;
            }
        }
        n
    }

    /// An integer size at the cursor (or `default`), which must be in [1, 16].
    fn size_limit(&mut self, ctx: &mut Ctx<'_>, default: usize) -> Result<usize, LuaError> {
        let size = self.number(default);
        if size == 0 || size > MAX_INT_SIZE {
            return Err(ctx.lib_error(&format!("integral size ({size}) out of limits [1,{MAX_INT_SIZE}]")));
        }
        Ok(size)
    }

    /// Reads one option: its kind and size.
    fn option(&mut self, ctx: &mut Ctx<'_>) -> Result<(Kind, usize), LuaError> {
        let Some(&option) = self.fmt.get(self.at) else {
            return Ok((Kind::Nop, 0));
        };
        self.at += 1;
        Ok(match option {
            b'b' => (Kind::Int, 1),
            b'B' => (Kind::Uint, 1),
            b'h' => (Kind::Int, 2),
            b'H' => (Kind::Uint, 2),
            b'l' | b'j' => (Kind::Int, 8),
            b'L' | b'J' => (Kind::Uint, 8),
            b'T' => (Kind::Uint, SIZE_T),
            b'f' => (Kind::Float, 4),
            b'n' | b'd' => (Kind::Double, 8),
            b'i' => (Kind::Int, self.size_limit(ctx, C_INT_SIZE)?),
            b'I' => (Kind::Uint, self.size_limit(ctx, C_INT_SIZE)?),
            b's' => (Kind::Str, self.size_limit(ctx, SIZE_T)?),
            b'c' => match self.fmt.get(self.at) {
                Some(c) if c.is_ascii_digit() => (Kind::Char, self.number(0)),
                _ => return Err(ctx.lib_error("missing size for format option 'c'")),
            },
            b'z' => (Kind::Zstr, 0),
            b'x' => (Kind::Padding, 1),
            b'X' => (Kind::AlignPad, 0),
            b' ' => (Kind::Nop, 0),
            b'<' => {
                self.little = true;
                (Kind::Nop, 0)
            }
            b'>' => {
                self.little = false;
                (Kind::Nop, 0)
            }
            b'=' => {
                self.little = cfg!(target_endian = "little");
                (Kind::Nop, 0)
            }
            b'!' => {
                self.max_align = self.size_limit(ctx, NATIVE_ALIGN)?;
                (Kind::Nop, 0)
            }
            _ => {
                let mut message = b"invalid format option '".to_vec();
                message.push(option);
                message.push(b'\'');
                return Err(lib_error_bytes(ctx, &message));
            }
        })
    }

    /// Reads one option and the padding that aligns it at offset `total`.
    fn item(&mut self, ctx: &mut Ctx<'_>, total: usize) -> Result<Item, LuaError> {
        let (kind, size) = self.option(ctx)?;
        let mut align = size;
        if kind == Kind::AlignPad {
            // `X` aligns to the size of the option after it, which it consumes.
            let next = if self.done() { None } else { Some(self.option(ctx)?) };
            match next {
                Some((next_kind, next_size)) if next_kind != Kind::Char && next_size != 0 => {
                    align = next_size
                }
                _ => return Err(arg_error(ctx, 1, self.name, "invalid next option for option 'X'")),
            }
        }
        let mut align_pad = 0;
        if align > 1 && kind != Kind::Char {
            align = align.min(self.max_align);
            if !align.is_power_of_two() {
                return Err(arg_error(ctx, 1, self.name, "format asks for alignment not power of 2"));
            }
            align_pad = (align - (total & (align - 1))) & (align - 1);
        }
        Ok(Item { kind, size, align_pad })
    }
}

/// `string.pack(fmt, v1, v2, ...)`.
pub(crate) fn pack(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    const NAME: &str = "pack";
    let fmt = check_string(ctx, 1, NAME)?.as_bytes().to_vec();
    let mut reader = Reader::new(&fmt, NAME);
    let mut out: Vec<u8> = Vec::new();
    let mut arg = 1;
    while !reader.done() {
        let Item { kind, size, align_pad } = reader.item(ctx, out.len())?;
        out.resize(out.len() + align_pad, 0);
        arg += 1;
        if arg > count && !matches!(kind, Kind::Padding | Kind::AlignPad | Kind::Nop) {
            // Lua has pushed a nil after the arguments: a missing one is "nil", not "no value".
            let expected =
                if matches!(kind, Kind::Char | Kind::Str | Kind::Zstr) { "string" } else { "number" };
            return Err(arg_error(ctx, arg, NAME, &format!("{expected} expected, got nil")));
        }
        match kind {
            Kind::Int => {
                let n = check_integer(ctx, arg, NAME)?;
                if size < INT_SIZE {
                    let limit = 1i64 << (size * 8 - 1);
                    if !(-limit..limit).contains(&n) {
                        return Err(arg_error(ctx, arg, NAME, "integer overflow"));
                    }
                }
                put_int(&mut out, n as u64, reader.little, size, n < 0);
            }
            Kind::Uint => {
                let n = check_integer(ctx, arg, NAME)?;
                if size < INT_SIZE && (n as u64) >= 1u64 << (size * 8) {
                    return Err(arg_error(ctx, arg, NAME, "unsigned overflow"));
                }
                put_int(&mut out, n as u64, reader.little, size, false);
            }
            Kind::Float => {
                let f = check_float(ctx, arg, NAME)? as f32;
                let bytes = if reader.little { f.to_le_bytes() } else { f.to_be_bytes() };
                out.extend_from_slice(&bytes);
            }
            Kind::Double => {
                let f = check_float(ctx, arg, NAME)?;
                let bytes = if reader.little { f.to_le_bytes() } else { f.to_be_bytes() };
                out.extend_from_slice(&bytes);
            }
            Kind::Char => {
                let s = check_string(ctx, arg, NAME)?;
                if s.len() > size {
                    return Err(arg_error(ctx, arg, NAME, "string longer than given size"));
                }
                out.extend_from_slice(s.as_bytes());
                out.resize(out.len() + size - s.len(), 0);
            }
            Kind::Str => {
                let s = check_string(ctx, arg, NAME)?;
                let len = s.len() as u64;
                if size < SIZE_T && len >= 1u64 << (size * 8) {
                    return Err(arg_error(ctx, arg, NAME, "string length does not fit in given size"));
                }
                put_int(&mut out, len, reader.little, size, false);
                out.extend_from_slice(s.as_bytes());
            }
            Kind::Zstr => {
                let s = check_string(ctx, arg, NAME)?;
                if s.as_bytes().contains(&0) {
                    return Err(arg_error(ctx, arg, NAME, "string contains zeros"));
                }
                out.extend_from_slice(s.as_bytes());
                out.push(0);
            }
            Kind::Padding => {
                out.push(0);
                arg -= 1;
            }
            Kind::AlignPad | Kind::Nop => arg -= 1,
        }
    }
    let result = ctx.intern(&out);
    ctx.push(result);
    Ok(1)
}

/// Appends the low `size` bytes of `n` in the given byte order; bytes beyond a Lua
/// integer are its sign extension (`negative`) or zeros.
fn put_int(out: &mut Vec<u8>, n: u64, little: bool, size: usize, negative: bool) {
    let start = out.len();
    for i in 0..size {
        let byte = match n.checked_shr(8 * i as u32) {
            Some(shifted) if i < INT_SIZE => shifted as u8,
            _ if negative => 0xff,
            _ => 0,
        };
        out.push(byte);
    }
    if !little {
        if let Some(bytes) = out.get_mut(start..) {
            bytes.reverse();
        }
    }
}

/// `string.packsize(fmt)`.
pub(crate) fn packsize(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    const NAME: &str = "packsize";
    let fmt = check_string(ctx, 1, NAME)?.as_bytes().to_vec();
    let mut reader = Reader::new(&fmt, NAME);
    let mut total: usize = 0;
    while !reader.done() {
        let item = reader.item(ctx, total)?;
        if matches!(item.kind, Kind::Str | Kind::Zstr) {
            return Err(arg_error(ctx, 1, NAME, "variable-length format"));
        }
        let size = item.size + item.align_pad;
        if total > MAX_SIZE - size.min(MAX_SIZE) || size > MAX_SIZE {
            return Err(arg_error(ctx, 1, NAME, "format result too large"));
        }
        total += size;
    }
    ctx.push(Value::Int(total as i64));
    Ok(1)
}

/// `string.unpack(fmt, s [, init])`: the values, then the position after them.
pub(crate) fn unpack(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    const NAME: &str = "unpack";
    let fmt = check_string(ctx, 1, NAME)?.as_bytes().to_vec();
    // A copy: a converted number is not rooted, and results are allocated while reading.
    let data = check_string(ctx, 2, NAME)?.as_bytes().to_vec();
    let init = opt_integer(ctx, 3, NAME, 1)?;
    let len = data.len();
    let mut pos = start_position(init, len) - 1;
    if pos > len {
        return Err(arg_error(ctx, 3, NAME, "initial position out of string"));
    }
    let mut reader = Reader::new(&fmt, NAME);
    let mut results = 0;
    while !reader.done() {
        let Item { kind, size, align_pad } = reader.item(ctx, pos)?;
        if align_pad + size > len - pos {
            return Err(arg_error(ctx, 2, NAME, "data string too short"));
        }
        pos += align_pad;
        if ctx.stack_size() + 2 > MAX_RESULTS {
            return Err(ctx.lib_error("stack overflow (too many results)"));
        }
        // In bounds: `pos + size <= len` was checked above.
        let field = data.get(pos..pos + size).unwrap_or_default();
        let value = match kind {
            Kind::Int | Kind::Uint => Value::Int(get_int(ctx, field, reader.little, kind == Kind::Int)?),
            Kind::Float => {
                let bytes: [u8; 4] = field.try_into().unwrap_or_default();
                let f = if reader.little { f32::from_le_bytes(bytes) } else { f32::from_be_bytes(bytes) };
                Value::Float(f64::from(f))
            }
            Kind::Double => {
                let bytes: [u8; 8] = field.try_into().unwrap_or_default();
                Value::Float(if reader.little {
                    f64::from_le_bytes(bytes)
                } else {
                    f64::from_be_bytes(bytes)
                })
            }
            Kind::Char => ctx.intern(field),
            Kind::Str => {
                let length = get_int(ctx, field, reader.little, false)? as u64;
                let available = (len - pos - size) as u64;
                if length > available {
                    return Err(arg_error(ctx, 2, NAME, "data string too short"));
                }
                let start = pos + size;
                // In bounds: `length <= len - start`.
                let s = data.get(start..start + length as usize).unwrap_or_default();
                pos += length as usize;
                ctx.intern(s)
            }
            Kind::Zstr => {
                let rest = data.get(pos..).unwrap_or_default();
                let Some(end) = rest.iter().position(|&c| c == 0) else {
                    return Err(arg_error(ctx, 2, NAME, "unfinished string for format 'z'"));
                };
                let s = rest.get(..end).unwrap_or_default();
                pos += end + 1;
                ctx.intern(s)
            }
            Kind::Padding | Kind::AlignPad | Kind::Nop => {
                pos += size;
                continue;
            }
        };
        pos += size;
        ctx.push(value);
        results += 1;
    }
    ctx.push(Value::Int(pos as i64 + 1));
    Ok(results + 1)
}

/// `unpack`'s 1-based start from `init`: negative counts from the end, and positions
/// before the start clamp to 1.
fn start_position(init: i64, len: usize) -> usize {
    if init > 0 {
        usize::try_from(init).unwrap_or(usize::MAX)
    } else if init == 0 || init.unsigned_abs() > len as u64 {
        1
    } else {
        len - init.unsigned_abs() as usize + 1
    }
}

/// Reads an integer of `field.len()` bytes: sign-extended when `signed` and shorter than
/// a Lua integer; when longer, the extra bytes must only extend the sign.
fn get_int(ctx: &mut Ctx<'_>, field: &[u8], little: bool, signed: bool) -> Result<i64, LuaError> {
    let size = field.len();
    // Byte `i` counting from the least significant.
    let byte = |i: usize| -> u8 {
        let index = if little { i } else { size - 1 - i };
        field.get(index).copied().unwrap_or(0)
    };
    let mut n: u64 = 0;
    for i in (0..size.min(INT_SIZE)).rev() {
        n = (n << 8) | u64::from(byte(i));
    }
    if size < INT_SIZE {
        if signed {
            let mask = 1u64 << (size * 8 - 1);
            n = (n ^ mask).wrapping_sub(mask);
        }
    } else if size > INT_SIZE {
        let extension = if signed && (n as i64) < 0 { 0xff } else { 0 };
        if (INT_SIZE..size).any(|i| byte(i) != extension) {
            return Err(ctx.lib_error(&format!("{size}-byte integer does not fit into Lua Integer")));
        }
    }
    Ok(n as i64)
}
