//! Loading code: turning source text into a function through the parser and compiler
//! ([`Vm::load_text`], [`Vm::load_file`], and what `load`, `loadfile`, `dofile` and
//! `require` use), as `luaL_loadbufferx`/`luaL_loadfilex` do for PUC Lua.
//!
//! Owns chunk names as Lua shows them (`[string "..."]`, `=name`, `@file`, shortened as
//! `luaO_chunkid` does), the mode check (`attempt to load a binary chunk (mode is 't')`)
//! and the file prefix `lua` skips. moonlet runs no binary chunks: text only. The
//! library functions themselves are `stdlib/load.rs`'s.

use std::io::Read;

use crate::error::LuaError;
use crate::value::Value;
use crate::vm::Vm;

/// Room for a chunk name in messages, as Lua's `LUA_IDSIZE` (with its NUL).
const ID_SIZE: usize = 60;

/// The name Lua shows for chunk name `name` (`luaO_chunkid`): `=stdin` is `stdin`,
/// `@file.lua` is `file.lua` (its tail if long), anything else is source text shown as
/// `[string "first line..."]`.
///
/// ```
/// use moonlet_vm::chunk_id;
/// assert_eq!(chunk_id(b"=stdin"), "stdin");
/// assert_eq!(chunk_id(b"@script.lua"), "script.lua");
/// assert_eq!(chunk_id(b"x = 1"), "[string \"x = 1\"]");
/// assert_eq!(chunk_id(b"local a\nreturn a"), "[string \"local a...\"]");
/// ```
pub fn chunk_id(name: &[u8]) -> String {
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    match name.split_first() {
        Some((b'=', rest)) => {
            // Cut to fit, keeping the start.
            text(rest.get(..ID_SIZE - 1).unwrap_or(rest))
        }
        Some((b'@', rest)) => {
            if name.len() <= ID_SIZE {
                text(rest)
            } else {
                // Keep the end of a long file name.
                let keep = ID_SIZE - 4;
                format!("...{}", text(rest.get(rest.len() - keep..).unwrap_or(rest)))
            }
        }
        _ => {
            let room = ID_SIZE - "[string \"...\"]".len() - 1;
            let newline = name.iter().position(|&c| c == b'\n');
            if name.len() < room && newline.is_none() {
                format!("[string \"{}\"]", text(name))
            } else {
                let len = newline.unwrap_or(name.len()).min(room);
                format!("[string \"{}...\"]", text(name.get(..len).unwrap_or(name)))
            }
        }
    }
}

/// Whether `source` is a binary chunk (it starts with Lua's signature byte, ESC).
fn is_binary(source: &[u8]) -> bool {
    source.first() == Some(&0x1b)
}

/// How a chunk's text is read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// From a string or reader (`load`): every byte is code.
    Text,
    /// From a file: a UTF-8 byte-order mark and a first line starting with `#` are
    /// skipped, as `lua` skips `#!/usr/bin/env lua`.
    File,
}

impl Vm {
    /// Compiles Lua source text into a function, as Lua's `luaL_loadbuffer`. `chunk_name`
    /// follows Lua's convention (`=name` shown as is, `@file` a file name, anything else
    /// source text, see [`chunk_id`]). A syntax error is a [`LuaError`] holding Lua's
    /// message (`[string "x ="]:1: unexpected symbol near <eof>`).
    pub fn load_text(&mut self, source: &[u8], chunk_name: &[u8]) -> Result<Value, LuaError> {
        self.compile_chunk(source, chunk_name, None, Kind::Text).map_err(LuaError::new)
    }

    /// Reads and compiles a Lua file as `loadfile` does (a first `#` line is skipped);
    /// its chunk name is `@path`; `None` reads the state's standard input (`=stdin`). A
    /// missing file is `cannot open path: No such file or directory`.
    pub fn load_file(&mut self, path: Option<&str>) -> Result<Value, LuaError> {
        self.load_file_mode(path, None).map_err(LuaError::new)
    }

    /// `luaL_loadfilex`: `path` or, for `None`, the state's standard input (`=stdin`).
    pub(crate) fn load_file_mode(&mut self, path: Option<&str>, mode: Option<&[u8]>) -> Result<Value, Value> {
        let (source, chunk_name) = match path {
            Some(path) => match std::fs::read(path) {
                Ok(source) => (source, format!("@{path}")),
                Err(e) => {
                    let what = if e.kind() == std::io::ErrorKind::NotFound { "open" } else { "read" };
                    let message = format!("cannot {what} {path}: {}", os_message(&e));
                    return Err(self.intern(message.as_bytes()));
                }
            },
            None => {
                let mut source = Vec::new();
                if let Err(e) = self.host.stdin.read_to_end(&mut source) {
                    let message = format!("cannot read stdin: {}", os_message(&e));
                    return Err(self.intern(message.as_bytes()));
                }
                (source, "=stdin".to_owned())
            }
        };
        self.compile_chunk(&source, chunk_name.as_bytes(), mode, Kind::File)
    }

    /// Compiles `source`; the error value is the message `load` returns.
    pub(crate) fn compile_chunk(
        &mut self,
        source: &[u8],
        chunk_name: &[u8],
        mode: Option<&[u8]>,
        kind: Kind,
    ) -> Result<Value, Value> {
        // Chunk names are C strings in Lua: a NUL ends them.
        let chunk_name = chunk_name.split(|&c| c == 0).next().unwrap_or_default();
        let shown = chunk_id(chunk_name);
        let code = if kind == Kind::File { skip_prefix(source) } else { source };
        let (what, letter) = if is_binary(code) { ("binary", b'b') } else { ("text", b't') };
        if let Some(mode) = mode {
            if !mode.contains(&letter) {
                let mode = String::from_utf8_lossy(mode);
                let message = format!("attempt to load a {what} chunk (mode is '{mode}')");
                return Err(self.intern(message.as_bytes()));
            }
        }
        if letter == b'b' {
            let message = format!("{shown}: moonlet does not support binary chunks");
            return Err(self.intern(message.as_bytes()));
        }
        let parsed = match kind {
            Kind::Text => moonlet_parser::parse_chunk(source, &shown),
            Kind::File => moonlet_parser::parse_file(source, &shown),
        };
        let compiled = match parsed {
            Ok(block) => moonlet_compiler::compile(&block, source, &shown).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match compiled {
            Ok(proto) => self.load_proto(proto).map_err(|e| e.value),
            Err(message) => Err(self.intern(message.as_bytes())),
        }
    }
}

/// What `lua` skips before a file's code: a byte-order mark, then a `#` first line.
fn skip_prefix(source: &[u8]) -> &[u8] {
    let source = source.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(source);
    if source.first() == Some(&b'#') {
        let end = source.iter().position(|&c| c == b'\n').unwrap_or(source.len());
        source.get(end..).unwrap_or_default()
    } else {
        source
    }
}

/// An I/O error as C's `strerror` words it (Rust appends ` (os error N)`).
pub(crate) fn os_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}
