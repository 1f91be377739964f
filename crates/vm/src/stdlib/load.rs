//! The loading functions of the basic library: `load` (text chunks from a string or a
//! reader function, with a mode and an `env`), and, when the host opens
//! [`Libs::FILES`](crate::Libs), `loadfile` and `dofile`.
//!
//! Owns their arguments and results; compiling is the core's (`loader.rs`, through
//! [`Ctx::load`]).

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::stdlib::args::{check_string, opt_string, type_error};
use crate::value::Value;

pub(crate) fn open(ctx: &mut Ctx<'_>) {
    ctx.register("load", load);
}

/// `loadfile` and `dofile`: only for hosts that let scripts read files.
pub(crate) fn open_files(ctx: &mut Ctx<'_>) {
    ctx.register("loadfile", loadfile);
    ctx.register("dofile", dofile);
}

/// Gives a freshly loaded chunk `env` as its first upvalue (its `_ENV`).
fn set_env(ctx: &mut Ctx<'_>, function: Value, env: Value) {
    if let Value::Function(f) = function {
        ctx.set_function_upvalue(f, 1, env);
    }
}

/// `load`'s and `loadfile`'s results: the function, or nil and the message.
fn push_loaded(ctx: &mut Ctx<'_>, loaded: Result<Value, Value>, env: Option<Value>) -> usize {
    match loaded {
        Ok(function) => {
            if let Some(env) = env {
                set_env(ctx, function, env);
            }
            ctx.push(function);
            1
        }
        Err(message) => {
            ctx.push(Value::Nil);
            ctx.push(message);
            2
        }
    }
}

fn load(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let chunk = ctx.arg(0);
    let mode = opt_string(ctx, 3, "load")?.map(|m| m.as_bytes().to_vec());
    let mode = mode.unwrap_or_else(|| b"bt".to_vec());
    let env = (count >= 4).then(|| ctx.arg(3));
    let loaded = match chunk {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => {
            let source = check_string(ctx, 1, "load")?;
            let name = match opt_string(ctx, 2, "load")? {
                Some(name) => name,
                None => source,
            };
            let (source, name) = (source.as_bytes().to_vec(), name.as_bytes().to_vec());
            ctx.load(&source, &name, Some(&mode))
        }
        _ => {
            let name = opt_string(ctx, 2, "load")?.map(|n| n.as_bytes().to_vec());
            let name = name.unwrap_or_else(|| b"=(load)".to_vec());
            if !matches!(chunk, Value::Function(_)) {
                return Err(type_error(ctx, 1, "load", "function", chunk));
            }
            match read_pieces(ctx, chunk) {
                Ok(source) => ctx.load(&source, &name, Some(&mode)),
                Err(error) => Err(error.value),
            }
        }
    };
    Ok(push_loaded(ctx, loaded, env))
}

/// Calls `reader` until it returns nil or an empty string; the pieces joined.
fn read_pieces(ctx: &mut Ctx<'_>, reader: Value) -> Result<Vec<u8>, LuaError> {
    let mut source = Vec::new();
    loop {
        let piece = ctx.call(reader, &[])?.first().copied().unwrap_or(Value::Nil);
        match piece {
            Value::Nil => return Ok(source),
            Value::Str(s) if s.is_empty() => return Ok(source),
            Value::Str(s) => source.extend_from_slice(s.as_bytes()),
            Value::Int(_) | Value::Float(_) => {
                source.extend_from_slice(&ctx.string_bytes(piece).unwrap_or_default());
            }
            _ => return Err(LuaError::new(ctx.intern(b"reader function must return a string"))),
        }
    }
}

fn loadfile(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let count = ctx.nargs();
    let path = opt_string(ctx, 1, "loadfile")?;
    let path = path.map(|p| String::from_utf8_lossy(p.as_bytes()).into_owned());
    let mode = opt_string(ctx, 2, "loadfile")?.map(|m| m.as_bytes().to_vec());
    let env = (count >= 3).then(|| ctx.arg(2));
    let loaded = ctx.load_file(path.as_deref(), mode.as_deref());
    Ok(push_loaded(ctx, loaded, env))
}

fn dofile(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let path = opt_string(ctx, 1, "dofile")?;
    let path = path.map(|p| String::from_utf8_lossy(p.as_bytes()).into_owned());
    let function = ctx.load_file(path.as_deref(), None).map_err(LuaError::new)?;
    // Keep the function on the stack while it runs.
    ctx.push(function);
    let results = ctx.call(function, &[])?;
    ctx.pop();
    let n = results.len();
    for v in results {
        ctx.push(v);
    }
    Ok(n)
}
