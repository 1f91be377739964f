//! The `io` library over the state's standard streams, for hosts that open
//! [`Libs::IO`](crate::Libs) (the `moonlet` command does): `io.write`, `io.read`,
//! `io.lines()`, `io.input`/`io.output`, `io.close`, `io.flush`, `io.type`, and the file
//! objects `io.stdin`, `io.stdout`, `io.stderr` with their methods (`read`, `write`,
//! `lines`, `flush`, `setvbuf`, `close`).
//!
//! Owns the file objects and the library's results and errors, worded as `liolib.c`.
//! moonlet has no userdata, so a file object is a table with the `FILE*` metatable
//! (`tostring` shows `file (0x...)`, but `type` says `table`). Standard output is the
//! sink `print` writes to (`Vm::set_output`), standard input and error the host's
//! (`Vm::set_stdin`, `Vm::set_stderr`). Opening files (`io.open`, `io.popen`,
//! `io.tmpfile`, `io.lines(name)`) is not supported: those are absent or an error.
//! The read formats are `io_read.rs`'s.

use std::io::Write;

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::function::NativeFn;
use crate::gc::Gc;
use crate::number;
use crate::stdlib::args::{arg_error, check_integer, check_string, type_error};
use crate::stdlib::io_read::{self, Format, Read};
use crate::table::Table;
use crate::value::Value;

/// Registry keys: the file metatable, the file objects' stream numbers, the defaults.
const FILE_META: &[u8] = b"FILE*";
const STREAMS: &[u8] = b"_IO_streams";
const INPUT: &[u8] = b"_IO_input";
const OUTPUT: &[u8] = b"_IO_output";

/// Which standard stream a file object is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stream {
    Stdin,
    Stdout,
    Stderr,
}

/// Most read formats one call takes (Lua's `MAXARGLINE` for `lines`).
const MAX_FORMATS: usize = 250;

pub(crate) fn open(ctx: &mut Ctx<'_>) {
    let io = crate::stdlib::new_library(
        ctx,
        "io",
        &[
            ("io.close", io_close),
            ("io.flush", io_flush),
            ("io.input", io_input),
            ("io.lines", io_lines),
            ("io.output", io_output),
            ("io.read", io_read),
            ("io.type", io_type),
            ("io.write", io_write),
        ],
    );
    let methods = ctx.new_table();
    let list: [(&'static str, NativeFn); 6] = [
        ("close", f_close),
        ("flush", f_flush),
        ("lines", f_lines),
        ("read", f_read),
        ("setvbuf", f_setvbuf),
        ("write", f_write),
    ];
    for (name, func) in list {
        let f = ctx.new_native(name, func);
        set(ctx, methods, name, f);
    }
    let meta = ctx.new_table();
    set(ctx, meta, "__index", Value::Table(methods));
    let name = ctx.intern(FILE_META);
    set(ctx, meta, "__name", name);
    let tostring = ctx.new_native("tostring", f_tostring);
    set(ctx, meta, "__tostring", tostring);
    registry_set(ctx, FILE_META, Value::Table(meta));
    let streams = ctx.new_table();
    registry_set(ctx, STREAMS, Value::Table(streams));
    for (field, stream, number) in
        [("stdin", Stream::Stdin, 0), ("stdout", Stream::Stdout, 1), ("stderr", Stream::Stderr, 2)]
    {
        let file = ctx.new_table();
        file.set_metatable(Some(meta));
        let _ = streams.set(Value::Table(file), Value::Int(number));
        set(ctx, io, field, Value::Table(file));
        match stream {
            Stream::Stdin => registry_set(ctx, INPUT, Value::Table(file)),
            Stream::Stdout => registry_set(ctx, OUTPUT, Value::Table(file)),
            Stream::Stderr => {}
        }
    }
    crate::stdlib::package::register_loaded(ctx, "io", Value::Table(io));
}

fn set(ctx: &mut Ctx<'_>, table: Gc<Table>, name: &str, value: Value) {
    let key = ctx.intern(name.as_bytes());
    let _ = table.set(key, value);
}

fn registry_set(ctx: &mut Ctx<'_>, key: &[u8], value: Value) {
    let key = ctx.intern(key);
    let _ = ctx.registry().set(key, value);
}

fn registry_get(ctx: &mut Ctx<'_>, key: &[u8]) -> Value {
    let key = ctx.intern(key);
    ctx.registry().get(key)
}

/// The stream `value` is, if it is a file object.
fn stream_of(ctx: &mut Ctx<'_>, value: Value) -> Option<Stream> {
    let Value::Table(streams) = registry_get(ctx, STREAMS) else { return None };
    match streams.get(value) {
        Value::Int(0) => Some(Stream::Stdin),
        Value::Int(1) => Some(Stream::Stdout),
        Value::Int(2) => Some(Stream::Stderr),
        _ => None,
    }
}

/// The name a method's argument errors use: its own when Lua code called it, `?` when a
/// native function (`pcall`) did, as Lua finds no global name for a method.
fn method_name(ctx: &Ctx<'_>, name: &'static str) -> &'static str {
    if ctx.called_from_lua() {
        name
    } else {
        "?"
    }
}

/// Argument 1 of a method: a file object (`FILE* expected, got table`). `name` is what
/// errors call the function (see [`method_name`]).
fn check_file(ctx: &mut Ctx<'_>, name: &'static str) -> Result<(Value, Stream), LuaError> {
    let value = ctx.arg(0);
    match stream_of(ctx, value) {
        Some(stream) => Ok((value, stream)),
        None => Err(type_error(ctx, 1, name, "FILE*", value)),
    }
}

/// The default input or output file (`io.input()`/`io.output()`).
fn default_file(ctx: &mut Ctx<'_>, key: &[u8]) -> (Value, Stream) {
    let file = registry_get(ctx, key);
    let stream = stream_of(ctx, file).unwrap_or(if key == INPUT { Stream::Stdin } else { Stream::Stdout });
    (file, stream)
}

/// `nil, message, errno`: a failed operation's results (`luaL_fileresult`).
fn push_failure(ctx: &mut Ctx<'_>, message: &str, errno: i64) -> usize {
    ctx.push(Value::Nil);
    let message = ctx.intern(message.as_bytes());
    ctx.push(message);
    ctx.push(Value::Int(errno));
    3
}

/// Results of an I/O error from the operating system.
fn push_io_error(ctx: &mut Ctx<'_>, error: &std::io::Error) -> usize {
    let errno = error.raw_os_error().map_or(0, i64::from);
    push_failure(ctx, &crate::loader::os_message(error), errno)
}

/// A stream used the wrong way round (reading standard output): C's `EBADF`.
fn push_bad_descriptor(ctx: &mut Ctx<'_>) -> usize {
    push_failure(ctx, "Bad file descriptor", 9)
}

// ---------------------------------------------------------------------------- writing

/// Writes arguments `first..` (strings, and numbers as `%.14g` / `%d`) to `stream`;
/// the file object `file` is the result.
fn write(
    ctx: &mut Ctx<'_>,
    first: usize,
    file: Value,
    stream: Stream,
    name: &'static str,
) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let mut failed = None;
    for n in first..=count {
        let bytes = match ctx.arg(n - 1) {
            Value::Int(i) => number::fmt_int(i).into_bytes(),
            Value::Float(f) => number::fmt_g(f, 14).into_bytes(),
            _ => check_string(ctx, n, name)?.as_bytes().to_vec(),
        };
        let result = match stream {
            Stream::Stdout => ctx.write_output(&bytes),
            Stream::Stderr => ctx.host().stderr.write_all(&bytes),
            Stream::Stdin => Err(std::io::Error::from_raw_os_error(9)),
        };
        if let Err(e) = result {
            failed.get_or_insert(e);
        }
    }
    match failed {
        None => {
            ctx.push(file);
            Ok(1)
        }
        Some(e) if stream == Stream::Stdin => {
            let _ = e;
            Ok(push_bad_descriptor(ctx))
        }
        Some(e) => Ok(push_io_error(ctx, &e)),
    }
}

fn io_write(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (file, stream) = default_file(ctx, OUTPUT);
    write(ctx, 1, file, stream, "write")
}

fn f_write(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (file, stream) = check_file(ctx, method_name(ctx, "write"))?;
    let name = method_name(ctx, "write");
    write(ctx, 2, file, stream, name)
}

fn flush(ctx: &mut Ctx<'_>, stream: Stream) -> std::io::Result<()> {
    match stream {
        Stream::Stdout => ctx.flush_output(),
        Stream::Stderr => ctx.host().stderr.flush(),
        Stream::Stdin => Ok(()),
    }
}

fn push_flushed(ctx: &mut Ctx<'_>, stream: Stream) -> usize {
    match flush(ctx, stream) {
        Ok(()) => {
            ctx.push(Value::Bool(true));
            1
        }
        Err(e) => push_io_error(ctx, &e),
    }
}

fn io_flush(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (_, stream) = default_file(ctx, OUTPUT);
    Ok(push_flushed(ctx, stream))
}

fn f_flush(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (_, stream) = check_file(ctx, method_name(ctx, "flush"))?;
    Ok(push_flushed(ctx, stream))
}

/// `setvbuf(mode [, size])`: the modes are checked; buffering is the host's sinks' own,
/// so a change only flushes what is pending.
fn f_setvbuf(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let (_, stream) = check_file(ctx, method_name(ctx, "setvbuf"))?;
    let name = method_name(ctx, "setvbuf");
    let mode = check_string(ctx, 2, name)?;
    if !matches!(mode.as_bytes(), b"no" | b"full" | b"line") {
        let message = format!("invalid option '{}'", String::from_utf8_lossy(mode.as_bytes()));
        return Err(arg_error(ctx, 2, name, &message));
    }
    if count >= 3 {
        check_integer(ctx, 3, name)?;
    }
    Ok(push_flushed(ctx, stream))
}

// ---------------------------------------------------------------------------- reading

/// Read format argument `n`: a count of bytes, or a string naming a format.
fn format_arg(ctx: &mut Ctx<'_>, n: usize, name: &'static str) -> Result<Format, LuaError> {
    match ctx.arg(n - 1) {
        Value::Int(_) | Value::Float(_) => {
            // A negative count is a huge one, as C's `size_t` makes it.
            let size = check_integer(ctx, n, name)?;
            Ok(Format::Count(u64::try_from(size).unwrap_or(u64::MAX)))
        }
        _ => {
            let spec = check_string(ctx, n, name)?;
            match Format::parse(spec.as_bytes()) {
                Some(format) => Ok(format),
                None => Err(arg_error(ctx, n, name, "invalid format")),
            }
        }
    }
}

/// Reads from `stream` with the formats in arguments `first..=count` (none: a line),
/// pushing one result per format up to the first that fails (whose result is nil; the
/// formats after it are not even checked, as in Lua); returns how many were pushed.
fn read(ctx: &mut Ctx<'_>, first: usize, stream: Stream, name: &'static str) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    if stream != Stream::Stdin {
        return Ok(push_bad_descriptor(ctx));
    }
    let mut pushed = 0;
    for n in first..=count.max(first) {
        let format = if count < first { Format::Line } else { format_arg(ctx, n, name)? };
        let value = match io_read::read(&mut *ctx.host().stdin, format) {
            Ok(Read::Bytes(Some(bytes))) => ctx.intern(&bytes),
            Ok(Read::Number(Some(number::Numeral::Int(i)))) => Value::Int(i),
            Ok(Read::Number(Some(number::Numeral::Float(f)))) => Value::Float(f),
            Ok(Read::Bytes(None) | Read::Number(None)) => Value::Nil,
            Err(e) => {
                // Drop what was read: the error is the result.
                let keep = ctx.pushed() - pushed;
                ctx.truncate_pushed(keep);
                return Ok(push_io_error(ctx, &e));
            }
        };
        ctx.push(value);
        pushed += 1;
        if value.is_nil() {
            break;
        }
    }
    Ok(pushed)
}

fn io_read(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (_, stream) = default_file(ctx, INPUT);
    read(ctx, 1, stream, "read")
}

fn f_read(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (_, stream) = check_file(ctx, method_name(ctx, "read"))?;
    let name = method_name(ctx, "read");
    read(ctx, 2, stream, name)
}

/// The iterator of `io.lines`/`file:lines`: its upvalue is a table holding the file at
/// 1, the formats from 2 on, and their number at 0.
fn lines_step(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let Value::Table(state) = ctx.upvalue() else { return Ok(0) };
    let file = state.get_int(1);
    let n = match state.get_int(0) {
        Value::Int(n) => n,
        _ => 0,
    };
    // The formats become the arguments (from 2 on, after the file) a read checks.
    let mark = ctx.pushed();
    ctx.push(file);
    for i in 0..n {
        ctx.push(state.get_int(i + 2));
    }
    let stream = stream_of(ctx, file).unwrap_or(Stream::Stdin);
    let pushed = read(&mut ctx.with_pushed_as_args(mark), 2, stream, "lines")?;
    let first = ctx.pushed() - pushed;
    let results: Vec<Value> = (first..first + pushed).map(|i| ctx.pushed_value(i)).collect();
    ctx.truncate_pushed(mark);
    if results.first().is_some_and(|v| !v.is_falsy()) {
        let n = results.len();
        ctx.push_all(&results);
        return Ok(n);
    }
    // A read error's message is raised; end of file ends the loop.
    match results.get(1) {
        Some(&Value::Str(message)) => {
            let text = String::from_utf8_lossy(message.as_bytes()).into_owned();
            Err(ctx.lib_error(&text))
        }
        _ => Ok(0),
    }
}

/// An iterator reading `file` with the formats in arguments `first..=count`.
fn lines_iterator(
    ctx: &mut Ctx<'_>,
    first: usize,
    file: Value,
    name: &'static str,
) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let n = (count + 1).saturating_sub(first);
    if n > MAX_FORMATS {
        return Err(arg_error(ctx, MAX_FORMATS + 2, name, "too many arguments"));
    }
    let state = ctx.new_table();
    state.set_int(0, Value::Int(n as i64));
    state.set_int(1, file);
    for i in 0..n {
        state.set_int(i as i64 + 2, ctx.arg(first - 1 + i));
    }
    let step = ctx.new_native_closure("lines", lines_step, Value::Table(state));
    ctx.push(step);
    Ok(1)
}

fn io_lines(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    if !ctx.arg(0).is_nil() {
        return Err(ctx.lib_error("moonlet does not support opening files (io.lines with a file name)"));
    }
    let (file, _) = default_file(ctx, INPUT);
    lines_iterator(ctx, 2, file, "lines")
}

fn f_lines(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (file, _) = check_file(ctx, method_name(ctx, "lines"))?;
    let name = method_name(ctx, "lines");
    lines_iterator(ctx, 2, file, name)
}

// ---------------------------------------------------------------------------- the rest

/// `io.input([file])` / `io.output([file])`: sets the default file, returns it.
fn default_file_call(ctx: &mut Ctx<'_>, key: &[u8], name: &'static str) -> Result<usize, LuaError> {
    match ctx.arg(0) {
        Value::Nil => {}
        Value::Str(_) | Value::Int(_) | Value::Float(_) => {
            return Err(ctx
                .lib_error(&format!("moonlet does not support opening files (io.{name} with a file name)")));
        }
        file => {
            if stream_of(ctx, file).is_none() {
                return Err(type_error(ctx, 1, name, "FILE*", file));
            }
            registry_set(ctx, key, file);
        }
    }
    let file = registry_get(ctx, key);
    ctx.push(file);
    Ok(1)
}

fn io_input(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    default_file_call(ctx, INPUT, "input")
}

fn io_output(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    default_file_call(ctx, OUTPUT, "output")
}

/// The standard files stay open: closing one fails, as in Lua.
fn io_close(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    if count == 0 {
        return Ok(push_close_failure(ctx));
    }
    check_file(ctx, "close")?;
    Ok(push_close_failure(ctx))
}

fn f_close(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    check_file(ctx, method_name(ctx, "close"))?;
    Ok(push_close_failure(ctx))
}

fn push_close_failure(ctx: &mut Ctx<'_>) -> usize {
    ctx.push(Value::Nil);
    let message = ctx.intern(b"cannot close standard file");
    ctx.push(message);
    2
}

fn io_type(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let value = crate::stdlib::args::check_any(ctx, 1, "type")?;
    let result = match stream_of(ctx, value) {
        Some(_) => ctx.intern(b"file"),
        None => Value::Nil,
    };
    ctx.push(result);
    Ok(1)
}

fn f_tostring(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let (file, _) = check_file(ctx, method_name(ctx, "tostring"))?;
    let text = format!("file ({:#x})", file.gc_addr().unwrap_or(0));
    let text = ctx.intern(text.as_bytes());
    ctx.push(text);
    Ok(1)
}
