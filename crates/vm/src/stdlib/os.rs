//! The safe part of the `os` library: `clock`, `time`, `date`, `difftime`.
//!
//! Owns reading and writing date tables (`os.time{...}`, `os.date("*t")`) and the
//! argument errors of these functions, worded as Lua 5.4's `loslib.c`. Calendar
//! arithmetic and `strftime` are `date.rs`'s. Local time is UTC (moonlet reads no
//! time-zone database): scripts see what `lua` shows with `TZ=UTC`. `os.clock` counts
//! wall-clock seconds since the state was created, standing in for processor time.
//! Process and file functions (`execute`, `exit`, `getenv`, `remove`, `rename`,
//! `tmpname`) are absent: a sandboxed script must not reach the machine.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::gc::Gc;
use crate::stdlib::args::{check_integer, check_string, type_error};
use crate::stdlib::date::{self, Fields, Tm};
use crate::table::Table;
use crate::value::Value;

pub(crate) fn open(ctx: &mut Ctx<'_>) {
    crate::stdlib::new_library(
        ctx,
        "os",
        &[("os.clock", clock), ("os.date", date), ("os.difftime", difftime), ("os.time", time)],
    );
}

fn clock(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let seconds = ctx.host().started.elapsed().as_secs_f64();
    ctx.push(Value::Float(seconds));
    Ok(1)
}

/// Seconds since the epoch, now.
fn now() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        // A clock set before 1970.
        Err(e) => {
            let d = e.duration();
            let whole = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
            -whole - i64::from(d.subsec_nanos() > 0)
        }
    }
}

fn cannot_represent(ctx: &mut Ctx<'_>, what: &str) -> LuaError {
    ctx.lib_error(&format!("{what} result cannot be represented in this installation"))
}

fn date(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let format = match ctx.arg(0) {
        Value::Nil => b"%c".to_vec(),
        _ => check_string(ctx, 1, "date")?.as_bytes().to_vec(),
    };
    let t = match ctx.arg(1) {
        Value::Nil => now(),
        _ => check_integer(ctx, 2, "date")?,
    };
    // `!` asks for UTC; local time is UTC as well, only `%Z` tells them apart.
    let (utc, spec) = match format.strip_prefix(b"!") {
        Some(rest) => (true, rest),
        None => (false, &format[..]),
    };
    let Some(tm) = date::gmtime(t) else {
        return Err(cannot_represent(ctx, "date"));
    };
    // Lua compares C strings: a NUL ends the format here.
    if spec.split(|&c| c == 0).next() == Some(b"*t") {
        let table = ctx.new_table();
        ctx.push(Value::Table(table));
        set_all_fields(ctx, table, &tm)?;
        return Ok(1);
    }
    let mut out = Vec::with_capacity(spec.len() + 16);
    let mut i = 0;
    while let Some(&c) = spec.get(i) {
        if c != b'%' {
            out.push(c);
            i += 1;
            continue;
        }
        let rest = spec.get(i + 1..).unwrap_or_default();
        let Some(len) = date::conversion_len(rest) else {
            // The message quotes the rest of the format (up to a NUL, as C does).
            let shown: Vec<u8> = rest.iter().copied().take_while(|&b| b != 0).collect();
            let message = format!("invalid conversion specifier '%{}'", String::from_utf8_lossy(&shown));
            return Err(crate::stdlib::args::arg_error(ctx, 1, "date", &message));
        };
        date::strftime(&mut out, rest.get(..len).unwrap_or_default(), &tm, utc);
        i += 1 + len;
    }
    let result = ctx.intern(&out);
    ctx.push(result);
    Ok(1)
}

/// Writes every field of `tm` into `table` as `os.date("*t")` and `os.time` do.
fn set_all_fields(ctx: &mut Ctx<'_>, table: Gc<Table>, tm: &Tm) -> Result<(), LuaError> {
    let fields = [
        ("year", tm.year),
        ("month", tm.month),
        ("day", tm.day),
        ("hour", tm.hour),
        ("min", tm.min),
        ("sec", tm.sec),
        ("yday", tm.yday + 1),
        ("wday", tm.wday + 1),
    ];
    for (name, value) in fields {
        let key = ctx.intern(name.as_bytes());
        ctx.set_index(Value::Table(table), key, Value::Int(value))?;
    }
    let key = ctx.intern(b"isdst");
    ctx.set_index(Value::Table(table), key, Value::Bool(false))
}

/// Field `key` of the date table: an integer that, less `delta`, fits C's `int`;
/// `default` when absent (`None`: the field is required).
fn get_field(
    ctx: &mut Ctx<'_>,
    table: Gc<Table>,
    key: &str,
    default: Option<i64>,
    delta: i64,
) -> Result<i64, LuaError> {
    let name = ctx.intern(key.as_bytes());
    let value = ctx.index(Value::Table(table), name)?;
    let integer = match value {
        Value::Int(i) => Some(i),
        Value::Float(f) => crate::number::float_to_int_exact(f),
        Value::Str(_) => crate::ops::to_number(value).and_then(crate::ops::to_integer),
        _ => None,
    };
    match integer {
        Some(i) => {
            let fits =
                if i >= 0 { i - delta <= i64::from(i32::MAX) } else { i64::from(i32::MIN) + delta <= i };
            if !fits {
                return Err(ctx.lib_error(&format!("field '{key}' is out-of-bound")));
            }
            Ok(i - delta)
        }
        None if !value.is_nil() => Err(ctx.lib_error(&format!("field '{key}' is not an integer"))),
        None => match default {
            Some(d) => Ok(d),
            None => Err(ctx.lib_error(&format!("field '{key}' missing in date table"))),
        },
    }
}

fn time(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let t = match ctx.arg(0) {
        Value::Nil => now(),
        Value::Table(table) => {
            // As C's `struct tm`: years since 1900 and 0-based months, then back.
            let fields = Fields {
                year: get_field(ctx, table, "year", None, 1900)? + 1900,
                month: get_field(ctx, table, "month", None, 1)? + 1,
                day: get_field(ctx, table, "day", None, 0)?,
                hour: get_field(ctx, table, "hour", Some(12), 0)?,
                min: get_field(ctx, table, "min", Some(0), 0)?,
                sec: get_field(ctx, table, "sec", Some(0), 0)?,
                isdst: {
                    let key = ctx.intern(b"isdst");
                    !ctx.index(Value::Table(table), key)?.is_falsy()
                },
            };
            let Some((t, tm)) = date::mktime(&fields) else {
                return Err(cannot_represent(ctx, "time"));
            };
            set_all_fields(ctx, table, &tm)?;
            // C's `mktime` returns -1 for errors, so Lua refuses that time too.
            if t == -1 {
                return Err(cannot_represent(ctx, "time"));
            }
            t
        }
        other => return Err(type_error(ctx, 1, "time", "table", other)),
    };
    ctx.push(Value::Int(t));
    Ok(1)
}

fn difftime(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let t1 = check_integer(ctx, 1, "difftime")?;
    let t2 = check_integer(ctx, 2, "difftime")?;
    ctx.push(Value::Float(t1 as f64 - t2 as f64));
    Ok(1)
}
