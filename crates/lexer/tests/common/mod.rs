//! Helpers shared by the lexer tests: tokenising, expectations, and cross-checks against
//! `lua5.4`/`luac5.4` when they are installed (skipped with a note when not).

#![allow(dead_code)] // each test file uses a different subset

use moonlet_lexer::{LexError, Lexer, LineMap, Numeral, Token};
use std::borrow::Cow;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

pub fn show(src: &[u8]) -> String {
    src.escape_ascii().to_string()
}

/// All tokens of `src`, panicking on a lexical error.
#[track_caller]
pub fn tokens(src: &[u8]) -> Vec<Token<'_>> {
    spanned(src).into_iter().map(|(_, t, _)| t).collect()
}

#[track_caller]
pub fn spanned(src: &[u8]) -> Vec<(usize, Token<'_>, usize)> {
    Lexer::new(src)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("lexing {} failed: {} at {}", show(src), e.message(), e.offset))
}

#[track_caller]
pub fn assert_tokens(src: &[u8], expected: &[Token<'_>]) {
    assert_eq!(tokens(src), expected, "tokens of {}", show(src));
}

/// The single token of `src`.
#[track_caller]
pub fn single(src: &[u8]) -> Token<'_> {
    let mut all = tokens(src);
    assert_eq!(all.len(), 1, "expected one token in {}: {all:?}", show(src));
    all.remove(0)
}

/// The first lexical error of `src`.
#[track_caller]
pub fn first_error(src: &[u8]) -> LexError {
    for item in Lexer::new(src) {
        if let Err(e) = item {
            return e;
        }
    }
    panic!("no lexical error in {}", show(src))
}

pub fn name(s: &str) -> Token<'_> {
    Token::Name(s)
}

pub fn int(i: i64) -> Token<'static> {
    Token::Number(Numeral::Int(i))
}

pub fn float(f: f64) -> Token<'static> {
    Token::Number(Numeral::Float(f))
}

pub fn string(bytes: &[u8]) -> Token<'_> {
    Token::Str(Cow::Borrowed(bytes))
}

/// Runs `program` (`luac5.4` or `lua5.4`) with `args`, feeding `stdin`; `None` if the
/// program is not installed (a note is printed once per program).
pub fn run_lua(program: &'static str, args: &[&str], stdin: &[u8]) -> Option<Output> {
    static LUAC: OnceLock<bool> = OnceLock::new();
    static LUA: OnceLock<bool> = OnceLock::new();
    let cell = if program == "luac5.4" { &LUAC } else { &LUA };
    let available = *cell.get_or_init(|| {
        let ok = Command::new(program).arg("-v").output().is_ok_and(|o| o.status.success());
        if !ok {
            println!("note: {program} is not installed; skipping the cross-checks against it");
        }
        ok
    });
    if !available {
        return None;
    }
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lua");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    Some(child.wait_with_output().unwrap())
}

/// `luac5.4 -p -` on `src`: `None` without luac5.4, `Some(None)` if it compiles,
/// else `Some(Some((line, message)))`, the message without `luac5.4: stdin:LINE: `.
pub fn luac_error(src: &[u8]) -> Option<Option<(u32, String)>> {
    let out = run_lua("luac5.4", &["-p", "-"], src)?;
    if out.status.success() {
        return Some(None);
    }
    let text = String::from_utf8_lossy(&out.stderr);
    let rest = text.strip_prefix("luac5.4: stdin:").unwrap_or_else(|| panic!("odd luac output {text:?}"));
    let (line, message) = rest.split_once(": ").unwrap();
    let message = message.strip_suffix('\n').unwrap_or(message);
    Some(Some((line.parse().unwrap(), message.to_owned())))
}

#[track_caller]
pub fn assert_luac_accepts(src: &[u8]) {
    if let Some(Some((line, message))) = luac_error(src) {
        panic!("luac5.4 rejects {}: {line}: {message}", show(src));
    }
}

/// The first error of `src` has this message, offset and line, and luac5.4 agrees on the
/// message and the line.
#[track_caller]
pub fn assert_error(src: &[u8], offset: usize, line: u32, message: &str) {
    let err = first_error(src);
    assert_eq!(err.message(), message, "message for {}", show(src));
    assert_eq!(err.offset, offset, "offset for {}", show(src));
    assert_eq!(LineMap::new(src).line_of(err.offset), line, "line for {}", show(src));
    if let Some(lua) = luac_error(src) {
        let (lua_line, lua_message) =
            lua.unwrap_or_else(|| panic!("luac5.4 accepts {} but moonlet fails", show(src)));
        assert_eq!((lua_line, lua_message.as_str()), (line, message), "luac5.4 on {}", show(src));
    }
}

/// The bytes lua5.4 makes of the string literal `literal` (`io.write(literal)`).
pub fn lua_string_bytes(literal: &[u8]) -> Option<Vec<u8>> {
    let program = [&b"io.write("[..], literal, b")"].concat();
    let out = run_lua("lua5.4", &["-"], &program)?;
    assert!(
        out.status.success(),
        "lua5.4 failed on {}: {}",
        show(literal),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out.stdout)
}

/// `src` is one string literal denoting `expected`, as lua5.4 agrees.
#[track_caller]
pub fn assert_string(src: &[u8], expected: &[u8]) {
    assert_eq!(single(src), string(expected), "string {}", show(src));
    if let Some(lua) = lua_string_bytes(src) {
        assert_eq!(lua, expected, "lua5.4 bytes of {}", show(src));
    }
}

/// `src` is one string literal lexed without copying.
#[track_caller]
pub fn assert_borrowed(src: &[u8]) {
    match single(src) {
        Token::Str(Cow::Borrowed(_)) => {}
        other => panic!("{} should be a borrowed string, got {other:?}", show(src)),
    }
}

#[track_caller]
pub fn assert_owned(src: &[u8]) {
    match single(src) {
        Token::Str(Cow::Owned(_)) => {}
        other => panic!("{} should be an owned string, got {other:?}", show(src)),
    }
}

/// What lua5.4 makes of the numeral `src`.
pub fn lua_numeral(src: &str) -> Option<Numeral> {
    let program = format!(
        "local n = {src}\nif math.type(n) == 'integer' then io.write('i', string.format('%d', n)) \
         else io.write('f', string.format('%.17g', n)) end"
    );
    let out = run_lua("lua5.4", &["-"], program.as_bytes())?;
    assert!(out.status.success(), "lua5.4 failed on {src}: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    Some(match text.split_at(1) {
        ("i", i) => Numeral::Int(i.parse().unwrap()),
        ("f", f) => Numeral::Float(f.parse().unwrap()),
        _ => panic!("odd lua5.4 output {text:?}"),
    })
}

pub fn same_numeral(a: Numeral, b: Numeral) -> bool {
    match (a, b) {
        (Numeral::Int(x), Numeral::Int(y)) => x == y,
        (Numeral::Float(x), Numeral::Float(y)) => x.to_bits() == y.to_bits(),
        _ => false,
    }
}

/// `src` is one numeral of value `expected` (bit-exact for floats), as lua5.4 agrees.
#[track_caller]
pub fn assert_numeral(src: &str, expected: Numeral) {
    match single(src.as_bytes()) {
        Token::Number(n) => assert!(same_numeral(n, expected), "{src}: got {n:?}, expected {expected:?}"),
        other => panic!("{src}: expected a numeral, got {other:?}"),
    }
    if let Some(lua) = lua_numeral(src) {
        assert!(same_numeral(lua, expected), "{src}: lua5.4 says {lua:?}, expected {expected:?}");
    }
}
