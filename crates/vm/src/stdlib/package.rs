//! `require` and the `package` library: `loaded`, `preload`, `searchers`, `config`, and,
//! when the host opens [`Libs::FILES`](crate::Libs), `path`, `cpath` and `searchpath`.
//!
//! Owns finding a module (asking each searcher in turn and collecting their "not found"
//! reasons into Lua's `module 'x' not found:` message), running its loader once and
//! recording the result in `package.loaded`. The sandbox searches `package.preload` and
//! the host's module loader; with files, `package.path` as `lua` does. C modules are never
//! loaded: the C searchers only report what they looked for.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::gc::Gc;
use crate::sandbox::ModuleSource;
use crate::stdlib::args::{check_string, opt_string};
use crate::table::Table;
use crate::value::Value;

/// Registry keys of the tables `require` uses, whatever scripts do to `package`.
const LOADED: &[u8] = b"_LOADED";
const PRELOAD: &[u8] = b"_PRELOAD";

/// Libraries recorded in `package.loaded` when they are open.
const LIBRARIES: [&str; 10] =
    ["_G", "coroutine", "debug", "io", "math", "os", "package", "string", "table", "utf8"];

/// Installs `require` and `package` (call after the other libraries: their tables are
/// recorded in `package.loaded`).
pub(crate) fn open(ctx: &mut Ctx<'_>) {
    let package = crate::stdlib::new_library(ctx, "package", &[]);
    let loaded = registry_table(ctx, LOADED);
    let preload = registry_table(ctx, PRELOAD);
    set_field(ctx, package, "loaded", Value::Table(loaded));
    set_field(ctx, package, "preload", Value::Table(preload));
    let config = ctx.intern(b"/\n;\n?\n!\n-\n");
    set_field(ctx, package, "config", config);
    let require = native(ctx, "require", require, Value::Table(package));
    ctx.set_global("require", require);
    set_searchers(ctx, package);
    for name in LIBRARIES {
        let key = ctx.intern(name.as_bytes());
        if let library @ Value::Table(_) = ctx.globals().get(key) {
            let _ = loaded.set(key, library);
        }
    }
}

/// `package.path`, `package.cpath`, `package.searchpath` and the file searchers. The
/// paths are `lua`'s relative entries; the CLI applies `LUA_PATH`/`LUA_CPATH`.
pub(crate) fn open_files(ctx: &mut Ctx<'_>) {
    let Some(package) = package_table(ctx) else { return };
    let path = ctx.intern(b"./?.lua;./?/init.lua");
    set_field(ctx, package, "path", path);
    let cpath = ctx.intern(b"./?.so");
    set_field(ctx, package, "cpath", cpath);
    let searchpath = native(ctx, "package.searchpath", search_path, Value::Nil);
    set_field(ctx, package, "searchpath", searchpath);
    set_searchers(ctx, package);
}

/// Records an opened library in `package.loaded` (for libraries opened after `package`).
pub(crate) fn register_loaded(ctx: &mut Ctx<'_>, name: &str, library: Value) {
    let loaded = registry_table(ctx, LOADED);
    let key = ctx.intern(name.as_bytes());
    let _ = loaded.set(key, library);
}

/// Rebuilds `package.searchers` after the host set a module loader.
pub(crate) fn loader_changed(ctx: &mut Ctx<'_>) {
    if let Some(package) = package_table(ctx) {
        set_searchers(ctx, package);
    }
}

fn package_table(ctx: &mut Ctx<'_>) -> Option<Gc<Table>> {
    let loaded = registry_table(ctx, LOADED);
    let key = ctx.intern(b"package");
    match loaded.get(key) {
        Value::Table(t) => Some(t),
        _ => None,
    }
}

/// `package.searchers` for what the host allows: `package.preload`, then the Lua files
/// of `package.path` and the C searchers (with files), then the host's loader (if any).
fn set_searchers(ctx: &mut Ctx<'_>, package: Gc<Table>) {
    let mut searchers: Vec<(&'static str, crate::function::NativeFn)> = vec![("searcher", search_preload)];
    if ctx.host().libs.contains(crate::Libs::FILES) {
        searchers.push(("searcher", search_lua));
        searchers.push(("searcher", search_c));
        searchers.push(("searcher", search_c_root));
    }
    if ctx.host().loader.is_some() {
        searchers.push(("searcher", search_host));
    }
    let list = ctx.new_table();
    for (i, (name, func)) in searchers.into_iter().enumerate() {
        let f = native(ctx, name, func, Value::Table(package));
        list.set_int(i as i64 + 1, f);
    }
    set_field(ctx, package, "searchers", Value::Table(list));
}

/// A native closure whose upvalue is `upvalue` (the `package` table for searchers).
fn native(ctx: &mut Ctx<'_>, name: &'static str, func: crate::function::NativeFn, upvalue: Value) -> Value {
    ctx.new_native_closure(name, func, upvalue)
}

fn set_field(ctx: &mut Ctx<'_>, table: Gc<Table>, name: &str, value: Value) {
    let key = ctx.intern(name.as_bytes());
    let _ = table.set(key, value);
}

/// The registry table under `key`, created if needed.
fn registry_table(ctx: &mut Ctx<'_>, key: &[u8]) -> Gc<Table> {
    let key = ctx.intern(key);
    if let Value::Table(t) = ctx.registry().get(key) {
        return t;
    }
    let t = ctx.new_table();
    let _ = ctx.registry().set(key, Value::Table(t));
    t
}

fn require(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let name = check_string(ctx, 1, "require")?;
    let name_value = Value::Str(name);
    let loaded = Value::Table(registry_table(ctx, LOADED));
    let existing = ctx.index(loaded, name_value)?;
    if !existing.is_falsy() {
        ctx.push(existing);
        return Ok(1);
    }
    let (loader, extra) = find_loader(ctx, name_value)?;
    // Keep both on the stack (rooted) while the loader and metamethods run.
    ctx.push(loader);
    ctx.push(extra);
    let result = ctx.call(loader, &[name_value, extra])?.first().copied().unwrap_or(Value::Nil);
    if !result.is_nil() {
        ctx.set_index(loaded, name_value, result)?;
    }
    let mut module = ctx.index(loaded, name_value)?;
    if module.is_nil() {
        module = Value::Bool(true);
        ctx.set_index(loaded, name_value, module)?;
    }
    ctx.push(module);
    ctx.push(extra);
    Ok(2)
}

/// Asks each searcher for module `name`: the first loader found and its extra value, or
/// `module 'name' not found:` with every searcher's reason.
fn find_loader(ctx: &mut Ctx<'_>, name: Value) -> Result<(Value, Value), LuaError> {
    let package = ctx.upvalue();
    let key = ctx.intern(b"searchers");
    let searchers = match ctx.index(package, key)? {
        Value::Table(t) => t,
        _ => return Err(ctx.lib_error("'package.searchers' must be a table")),
    };
    ctx.push(Value::Table(searchers));
    let mut reasons = Vec::new();
    for i in 1.. {
        let searcher = searchers.get_int(i);
        if searcher.is_nil() {
            break;
        }
        let results = ctx.call(searcher, &[name])?;
        let first = results.first().copied().unwrap_or(Value::Nil);
        match first {
            Value::Function(_) => {
                ctx.pop();
                return Ok((first, results.get(1).copied().unwrap_or(Value::Nil)));
            }
            Value::Str(_) | Value::Int(_) | Value::Float(_) => {
                reasons.extend_from_slice(b"\n\t");
                reasons.extend_from_slice(&ctx.string_bytes(first).unwrap_or_default());
            }
            _ => {}
        }
    }
    let name = ctx.string_bytes(name).unwrap_or_default();
    let message = format!(
        "module '{}' not found:{}",
        String::from_utf8_lossy(&name),
        String::from_utf8_lossy(&reasons)
    );
    Err(ctx.lib_error(&message))
}

fn search_preload(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let name = check_string(ctx, 1, "searcher")?;
    let preload = registry_table(ctx, PRELOAD);
    let loader = ctx.index(Value::Table(preload), Value::Str(name))?;
    if loader.is_nil() {
        let message = format!("no field package.preload['{}']", String::from_utf8_lossy(name.as_bytes()));
        let message = ctx.intern(message.as_bytes());
        ctx.push(message);
        return Ok(1);
    }
    ctx.push(loader);
    let extra = ctx.intern(b":preload:");
    ctx.push(extra);
    Ok(2)
}

/// `package.<field>` (`path` or `cpath`), which must be a string.
fn path_field(ctx: &mut Ctx<'_>, field: &str) -> Result<Vec<u8>, LuaError> {
    let key = ctx.intern(field.as_bytes());
    let value = ctx.index(ctx.upvalue(), key)?;
    match value {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => Ok(ctx.string_bytes(value).unwrap_or_default()),
        _ => Err(ctx.lib_error(&format!("'package.{field}' must be a string"))),
    }
}

/// `searchpath`: the first readable file of `path` (`;`-separated templates whose `?`
/// is `name` with each `sep` replaced by `rep`), or the `no file '...'` lines.
fn find_file(name: &[u8], path: &[u8], sep: &[u8], rep: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
    let name =
        if !sep.is_empty() && name.contains(&sep[0]) { replace(name, sep, rep) } else { name.to_vec() };
    let candidates = replace(path, b"?", &name);
    for file in candidates.split(|&c| c == b';') {
        let readable = std::str::from_utf8(file).is_ok_and(|f| std::fs::File::open(f).is_ok());
        if readable {
            return Ok(file.to_vec());
        }
    }
    let mut message = b"no file '".to_vec();
    message.extend_from_slice(&replace(&candidates, b";", b"'\n\tno file '"));
    message.push(b'\'');
    Err(message)
}

/// `text` with every occurrence of `pattern` (non-empty) replaced by `with`.
fn replace(text: &[u8], pattern: &[u8], with: &[u8]) -> Vec<u8> {
    if pattern.is_empty() {
        return text.to_vec();
    }
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with(pattern) {
            out.extend_from_slice(with);
            i += pattern.len();
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    out
}

fn search_path(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    // Checked last to first, as the C compiler Lua is built with evaluates the checks.
    let rep = opt_string(ctx, 4, "searchpath")?.map_or(b"/".to_vec(), |s| s.as_bytes().to_vec());
    let sep = opt_string(ctx, 3, "searchpath")?.map_or(b".".to_vec(), |s| s.as_bytes().to_vec());
    let path = check_string(ctx, 2, "searchpath")?.as_bytes().to_vec();
    let name = check_string(ctx, 1, "searchpath")?.as_bytes().to_vec();
    match find_file(&name, &path, &sep, &rep) {
        Ok(file) => {
            let file = ctx.intern(&file);
            ctx.push(file);
            Ok(1)
        }
        Err(message) => {
            ctx.push(Value::Nil);
            let message = ctx.intern(&message);
            ctx.push(message);
            Ok(2)
        }
    }
}

/// `error loading module 'x' from file 'f':\n\treason`.
fn load_error(ctx: &mut Ctx<'_>, name: &[u8], file: &[u8], reason: &str) -> LuaError {
    let message = format!(
        "error loading module '{}' from file '{}':\n\t{reason}",
        String::from_utf8_lossy(name),
        String::from_utf8_lossy(file)
    );
    ctx.lib_error(&message)
}

fn search_lua(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let name = check_string(ctx, 1, "searcher")?.as_bytes().to_vec();
    let path = path_field(ctx, "path")?;
    let file = match find_file(&name, &path, b".", b"/") {
        Ok(file) => file,
        Err(message) => {
            let message = ctx.intern(&message);
            ctx.push(message);
            return Ok(1);
        }
    };
    let file_name = String::from_utf8_lossy(&file).into_owned();
    match ctx.load_file(Some(&file_name), None) {
        Ok(loader) => {
            ctx.push(loader);
            let file = ctx.intern(&file);
            ctx.push(file);
            Ok(2)
        }
        Err(error) => {
            let reason = LuaError::new(error).to_string();
            Err(load_error(ctx, &name, &file, &reason))
        }
    }
}

/// A C module found on `package.cpath` cannot be loaded; one not found is reported.
fn search_c_path(ctx: &mut Ctx<'_>, name: &[u8], module: &[u8]) -> Result<usize, LuaError> {
    let cpath = path_field(ctx, "cpath")?;
    match find_file(module, &cpath, b".", b"/") {
        Ok(file) => Err(load_error(ctx, name, &file, "moonlet does not load C modules")),
        Err(message) => {
            let message = ctx.intern(&message);
            ctx.push(message);
            Ok(1)
        }
    }
}

fn search_c(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let name = check_string(ctx, 1, "searcher")?.as_bytes().to_vec();
    search_c_path(ctx, &name, &name)
}

/// The C "all-in-one" searcher: for `a.b.c`, the library of the root `a`.
fn search_c_root(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let name = check_string(ctx, 1, "searcher")?.as_bytes().to_vec();
    match name.iter().position(|&c| c == b'.') {
        Some(dot) => search_c_path(ctx, &name, &name[..dot]),
        None => Ok(0),
    }
}

/// The host's module loader: the module's source compiled as a chunk named after it.
fn search_host(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let name = check_string(ctx, 1, "searcher")?;
    let text = String::from_utf8_lossy(name.as_bytes()).into_owned();
    let Some(mut loader) = ctx.host().loader.take() else { return Ok(0) };
    let found = loader(&text);
    ctx.host().loader = Some(loader);
    let Some(ModuleSource { name: chunk, source }) = found else {
        let message = ctx.intern(format!("no module '{text}' in the host's modules").as_bytes());
        ctx.push(message);
        return Ok(1);
    };
    match ctx.load(&source, format!("@{chunk}").as_bytes(), None) {
        Ok(loader) => {
            ctx.push(loader);
            let chunk = ctx.intern(chunk.as_bytes());
            ctx.push(chunk);
            Ok(2)
        }
        Err(error) => {
            let reason = LuaError::new(error).to_string();
            Err(load_error(ctx, text.as_bytes(), chunk.as_bytes(), &reason))
        }
    }
}
