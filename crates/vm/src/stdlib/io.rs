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

use crate::error::LuaError;
use crate::function::{Function, NativeFn, NativeKind};
use crate::gc::Gc;
use crate::number;
use crate::stdlib::args::{arg_error, check_integer, check_string, type_error};
use crate::stdlib::io_read::{self, Format, Read};
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

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

pub(crate) fn open(vm: &mut Vm) {
    let io = crate::stdlib::new_library(
        vm,
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
    let methods = vm.new_table();
    let list: [(&'static str, NativeFn); 6] = [
        ("close", f_close),
        ("flush", f_flush),
        ("lines", f_lines),
        ("read", f_read),
        ("setvbuf", f_setvbuf),
        ("write", f_write),
    ];
    for (name, func) in list {
        let f = Value::Function(vm.heap.alloc(Function::native(name, func)));
        set(vm, methods, name, f);
    }
    let meta = vm.new_table();
    set(vm, meta, "__index", Value::Table(methods));
    let name = vm.intern(FILE_META);
    set(vm, meta, "__name", name);
    let tostring = Value::Function(vm.heap.alloc(Function::native("tostring", f_tostring)));
    set(vm, meta, "__tostring", tostring);
    registry_set(vm, FILE_META, Value::Table(meta));
    let streams = vm.new_table();
    registry_set(vm, STREAMS, Value::Table(streams));
    for (field, stream, number) in
        [("stdin", Stream::Stdin, 0), ("stdout", Stream::Stdout, 1), ("stderr", Stream::Stderr, 2)]
    {
        let file = vm.new_table();
        file.set_metatable(Some(meta));
        let _ = streams.set(Value::Table(file), Value::Int(number));
        set(vm, io, field, Value::Table(file));
        match stream {
            Stream::Stdin => registry_set(vm, INPUT, Value::Table(file)),
            Stream::Stdout => registry_set(vm, OUTPUT, Value::Table(file)),
            Stream::Stderr => {}
        }
    }
    crate::stdlib::package::register_loaded(vm, "io", Value::Table(io));
}

fn set(vm: &mut Vm, table: Gc<Table>, name: &str, value: Value) {
    let key = vm.intern(name.as_bytes());
    let _ = table.set(key, value);
}

fn registry_set(vm: &mut Vm, key: &[u8], value: Value) {
    let key = vm.intern(key);
    let _ = vm.registry.set(key, value);
}

fn registry_get(vm: &mut Vm, key: &[u8]) -> Value {
    let key = vm.intern(key);
    vm.registry.get(key)
}

/// The stream `value` is, if it is a file object.
fn stream_of(vm: &mut Vm, value: Value) -> Option<Stream> {
    let Value::Table(streams) = registry_get(vm, STREAMS) else { return None };
    match streams.get(value) {
        Value::Int(0) => Some(Stream::Stdin),
        Value::Int(1) => Some(Stream::Stdout),
        Value::Int(2) => Some(Stream::Stderr),
        _ => None,
    }
}

/// The name a method's argument errors use: its own when Lua code called it, `?` when a
/// native function (`pcall`) did, as Lua finds no global name for a method.
fn method_name(vm: &Vm, name: &'static str) -> &'static str {
    if vm.native.from_lua {
        name
    } else {
        "?"
    }
}

/// Argument 1 of a method: a file object (`FILE* expected, got table`). `name` is what
/// errors call the function (see [`method_name`]).
fn check_file(
    vm: &mut Vm,
    base: usize,
    count: usize,
    name: &'static str,
) -> Result<(Value, Stream), LuaError> {
    let value = vm.arg(base, count, 0);
    match stream_of(vm, value) {
        Some(stream) => Ok((value, stream)),
        None => Err(type_error(vm, 1, name, "FILE*", count, value)),
    }
}

/// The default input or output file (`io.input()`/`io.output()`).
fn default_file(vm: &mut Vm, key: &[u8]) -> (Value, Stream) {
    let file = registry_get(vm, key);
    let stream = stream_of(vm, file).unwrap_or(if key == INPUT { Stream::Stdin } else { Stream::Stdout });
    (file, stream)
}

/// `nil, message, errno`: a failed operation's results (`luaL_fileresult`).
fn push_failure(vm: &mut Vm, message: &str, errno: i64) -> usize {
    vm.push(Value::Nil);
    let message = vm.intern(message.as_bytes());
    vm.push(message);
    vm.push(Value::Int(errno));
    3
}

/// Results of an I/O error from the operating system.
fn push_io_error(vm: &mut Vm, error: &std::io::Error) -> usize {
    let errno = error.raw_os_error().map_or(0, i64::from);
    push_failure(vm, &crate::stdlib::load::os_message(error), errno)
}

/// A stream used the wrong way round (reading standard output): C's `EBADF`.
fn push_bad_descriptor(vm: &mut Vm) -> usize {
    push_failure(vm, "Bad file descriptor", 9)
}

// ---------------------------------------------------------------------------- writing

/// Writes arguments `first..` (strings, and numbers as `%.14g` / `%d`) to `stream`;
/// the file object `file` is the result.
fn write(
    vm: &mut Vm,
    base: usize,
    count: usize,
    first: usize,
    file: Value,
    stream: Stream,
    name: &'static str,
) -> Result<usize, LuaError> {
    let mut failed = None;
    for n in first..=count {
        let bytes = match vm.arg(base, count, n - 1) {
            Value::Int(i) => number::fmt_int(i).into_bytes(),
            Value::Float(f) => number::fmt_g(f, 14).into_bytes(),
            _ => check_string(vm, base, count, n, name)?.as_bytes().to_vec(),
        };
        let result = match stream {
            Stream::Stdout => vm.out.write_all(&bytes),
            Stream::Stderr => vm.host.stderr.write_all(&bytes),
            Stream::Stdin => Err(std::io::Error::from_raw_os_error(9)),
        };
        if let Err(e) = result {
            failed.get_or_insert(e);
        }
    }
    match failed {
        None => {
            vm.push(file);
            Ok(1)
        }
        Some(e) if stream == Stream::Stdin => {
            let _ = e;
            Ok(push_bad_descriptor(vm))
        }
        Some(e) => Ok(push_io_error(vm, &e)),
    }
}

fn io_write(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (file, stream) = default_file(vm, OUTPUT);
    write(vm, base, count, 1, file, stream, "write")
}

fn f_write(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (file, stream) = check_file(vm, base, count, method_name(vm, "write"))?;
    let name = method_name(vm, "write");
    write(vm, base, count, 2, file, stream, name)
}

fn flush(vm: &mut Vm, stream: Stream) -> std::io::Result<()> {
    match stream {
        Stream::Stdout => vm.out.flush(),
        Stream::Stderr => vm.host.stderr.flush(),
        Stream::Stdin => Ok(()),
    }
}

fn push_flushed(vm: &mut Vm, stream: Stream) -> usize {
    match flush(vm, stream) {
        Ok(()) => {
            vm.push(Value::Bool(true));
            1
        }
        Err(e) => push_io_error(vm, &e),
    }
}

fn io_flush(vm: &mut Vm, _base: usize, _count: usize) -> Result<usize, LuaError> {
    let (_, stream) = default_file(vm, OUTPUT);
    Ok(push_flushed(vm, stream))
}

fn f_flush(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (_, stream) = check_file(vm, base, count, method_name(vm, "flush"))?;
    Ok(push_flushed(vm, stream))
}

/// `setvbuf(mode [, size])`: the modes are checked; buffering is the host's sinks' own,
/// so a change only flushes what is pending.
fn f_setvbuf(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (_, stream) = check_file(vm, base, count, method_name(vm, "setvbuf"))?;
    let name = method_name(vm, "setvbuf");
    let mode = check_string(vm, base, count, 2, name)?;
    if !matches!(mode.as_bytes(), b"no" | b"full" | b"line") {
        let message = format!("invalid option '{}'", String::from_utf8_lossy(mode.as_bytes()));
        return Err(arg_error(vm, 2, name, &message));
    }
    if count >= 3 {
        check_integer(vm, base, count, 3, name)?;
    }
    Ok(push_flushed(vm, stream))
}

// ---------------------------------------------------------------------------- reading

/// Read format argument `n`: a count of bytes, or a string naming a format.
fn format_arg(
    vm: &mut Vm,
    base: usize,
    count: usize,
    n: usize,
    name: &'static str,
) -> Result<Format, LuaError> {
    match vm.arg(base, count, n - 1) {
        Value::Int(_) | Value::Float(_) => {
            // A negative count is a huge one, as C's `size_t` makes it.
            let size = check_integer(vm, base, count, n, name)?;
            Ok(Format::Count(u64::try_from(size).unwrap_or(u64::MAX)))
        }
        _ => {
            let spec = check_string(vm, base, count, n, name)?;
            match Format::parse(spec.as_bytes()) {
                Some(format) => Ok(format),
                None => Err(arg_error(vm, n, name, "invalid format")),
            }
        }
    }
}

/// Reads from `stream` with the formats in arguments `first..=count` (none: a line),
/// pushing one result per format up to the first that fails (whose result is nil; the
/// formats after it are not even checked, as in Lua); returns how many were pushed.
fn read(
    vm: &mut Vm,
    base: usize,
    count: usize,
    first: usize,
    stream: Stream,
    name: &'static str,
) -> Result<usize, LuaError> {
    if stream != Stream::Stdin {
        return Ok(push_bad_descriptor(vm));
    }
    let mut pushed = 0;
    for n in first..=count.max(first) {
        let format = if count < first { Format::Line } else { format_arg(vm, base, count, n, name)? };
        let value = match io_read::read(&mut *vm.host.stdin, format) {
            Ok(Read::Bytes(Some(bytes))) => vm.intern(&bytes),
            Ok(Read::Number(Some(number::Numeral::Int(i)))) => Value::Int(i),
            Ok(Read::Number(Some(number::Numeral::Float(f)))) => Value::Float(f),
            Ok(Read::Bytes(None) | Read::Number(None)) => Value::Nil,
            Err(e) => {
                // Drop what was read: the error is the result.
                let len = vm.stack.len() - pushed;
                vm.stack.truncate(len);
                return Ok(push_io_error(vm, &e));
            }
        };
        vm.push(value);
        pushed += 1;
        if value.is_nil() {
            break;
        }
    }
    Ok(pushed)
}

fn io_read(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (_, stream) = default_file(vm, INPUT);
    read(vm, base, count, 1, stream, "read")
}

fn f_read(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (_, stream) = check_file(vm, base, count, method_name(vm, "read"))?;
    let name = method_name(vm, "read");
    read(vm, base, count, 2, stream, name)
}

/// The iterator of `io.lines`/`file:lines`: its upvalue is a table holding the file at
/// 1, the formats from 2 on, and their number at 0.
fn lines_step(vm: &mut Vm, _base: usize, _count: usize) -> Result<usize, LuaError> {
    let Value::Table(state) = vm.native.upvalue else { return Ok(0) };
    let file = state.get_int(1);
    let n = match state.get_int(0) {
        Value::Int(n) => n,
        _ => 0,
    };
    // The formats become the arguments (from 2 on, after the file) a read checks.
    let args_base = vm.stack.len();
    vm.push(file);
    for i in 0..n {
        vm.push(state.get_int(i + 2));
    }
    let count = 1 + n as usize;
    let stream = stream_of(vm, file).unwrap_or(Stream::Stdin);
    let pushed = read(vm, args_base, count, 2, stream, "lines")?;
    let first = vm.stack.len() - pushed;
    let results: Vec<Value> = vm.stack.drain(first..).collect();
    vm.stack.truncate(args_base);
    if results.first().is_some_and(|v| !v.is_falsy()) {
        let n = results.len();
        vm.stack.extend(results);
        return Ok(n);
    }
    // A read error's message is raised; end of file ends the loop.
    match results.get(1) {
        Some(&Value::Str(message)) => {
            let text = String::from_utf8_lossy(message.as_bytes()).into_owned();
            Err(vm.lib_error(&text))
        }
        _ => Ok(0),
    }
}

/// An iterator reading `file` with the formats in arguments `first..=count`.
fn lines_iterator(
    vm: &mut Vm,
    base: usize,
    count: usize,
    first: usize,
    file: Value,
    name: &'static str,
) -> Result<usize, LuaError> {
    let n = (count + 1).saturating_sub(first);
    if n > MAX_FORMATS {
        return Err(arg_error(vm, MAX_FORMATS + 2, name, "too many arguments"));
    }
    let state = vm.new_table();
    state.set_int(0, Value::Int(n as i64));
    state.set_int(1, file);
    for i in 0..n {
        state.set_int(i as i64 + 2, vm.arg(base, count, first - 1 + i));
    }
    let step = Function::Native {
        name: "lines",
        func: lines_step,
        kind: NativeKind::Plain,
        upvalue: Value::Table(state),
        host: None,
    };
    let step = Value::Function(vm.heap.alloc(step));
    vm.push(step);
    Ok(1)
}

fn io_lines(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    if !vm.arg(base, count, 0).is_nil() {
        return Err(vm.lib_error("moonlet does not support opening files (io.lines with a file name)"));
    }
    let (file, _) = default_file(vm, INPUT);
    lines_iterator(vm, base, count.max(1), 2, file, "lines")
}

fn f_lines(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (file, _) = check_file(vm, base, count, method_name(vm, "lines"))?;
    let name = method_name(vm, "lines");
    lines_iterator(vm, base, count, 2, file, name)
}

// ---------------------------------------------------------------------------- the rest

/// `io.input([file])` / `io.output([file])`: sets the default file, returns it.
fn default_file_call(
    vm: &mut Vm,
    base: usize,
    count: usize,
    key: &[u8],
    name: &'static str,
) -> Result<usize, LuaError> {
    match vm.arg(base, count, 0) {
        Value::Nil => {}
        Value::Str(_) | Value::Int(_) | Value::Float(_) => {
            return Err(
                vm.lib_error(&format!("moonlet does not support opening files (io.{name} with a file name)"))
            );
        }
        file => {
            if stream_of(vm, file).is_none() {
                return Err(type_error(vm, 1, name, "FILE*", count, file));
            }
            registry_set(vm, key, file);
        }
    }
    let file = registry_get(vm, key);
    vm.push(file);
    Ok(1)
}

fn io_input(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    default_file_call(vm, base, count, INPUT, "input")
}

fn io_output(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    default_file_call(vm, base, count, OUTPUT, "output")
}

/// The standard files stay open: closing one fails, as in Lua.
fn io_close(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    if count == 0 {
        return Ok(push_close_failure(vm));
    }
    check_file(vm, base, count, "close")?;
    Ok(push_close_failure(vm))
}

fn f_close(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    check_file(vm, base, count, method_name(vm, "close"))?;
    Ok(push_close_failure(vm))
}

fn push_close_failure(vm: &mut Vm) -> usize {
    vm.push(Value::Nil);
    let message = vm.intern(b"cannot close standard file");
    vm.push(message);
    2
}

fn io_type(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let value = crate::stdlib::args::check_any(vm, base, count, 1, "type")?;
    let result = match stream_of(vm, value) {
        Some(_) => vm.intern(b"file"),
        None => Value::Nil,
    };
    vm.push(result);
    Ok(1)
}

fn f_tostring(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let (file, _) = check_file(vm, base, count, method_name(vm, "tostring"))?;
    let text = format!("file ({:#x})", file.gc_addr().unwrap_or(0));
    let text = vm.intern(text.as_bytes());
    vm.push(text);
    Ok(1)
}
