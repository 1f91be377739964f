//! Token-level tests of the lexer, with expectations taken from PUC Lua 5.4.4.
//!
//! Every expectation is written out by hand. When `lua5.4` / `luac5.4` are installed, the
//! same inputs are also run through them and the results compared (error messages and
//! lines via `luac5.4 -p -`, string bytes and numeral values via `lua5.4 -`); without them
//! those cross-checks are skipped with a printed note.

use std::borrow::Cow;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use moonlet_lexer::{LexError, Lexer, LineMap, Numeral, Token};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn show(src: &[u8]) -> String {
    src.escape_ascii().to_string()
}

/// All tokens of `src`, panicking on a lexical error.
#[track_caller]
fn tokens(src: &[u8]) -> Vec<Token<'_>> {
    spanned(src).into_iter().map(|(_, t, _)| t).collect()
}

#[track_caller]
fn spanned(src: &[u8]) -> Vec<(usize, Token<'_>, usize)> {
    Lexer::new(src)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("lexing {} failed: {} at {}", show(src), e.message(), e.offset))
}

#[track_caller]
fn assert_tokens(src: &[u8], expected: &[Token<'_>]) {
    assert_eq!(tokens(src), expected, "tokens of {}", show(src));
}

/// The single token of `src`.
#[track_caller]
fn single(src: &[u8]) -> Token<'_> {
    let mut all = tokens(src);
    assert_eq!(all.len(), 1, "expected one token in {}: {all:?}", show(src));
    all.remove(0)
}

/// The first lexical error of `src`.
#[track_caller]
fn first_error(src: &[u8]) -> LexError {
    for item in Lexer::new(src) {
        if let Err(e) = item {
            return e;
        }
    }
    panic!("no lexical error in {}", show(src))
}

fn name(s: &str) -> Token<'_> {
    Token::Name(s)
}

fn int(i: i64) -> Token<'static> {
    Token::Number(Numeral::Int(i))
}

fn float(f: f64) -> Token<'static> {
    Token::Number(Numeral::Float(f))
}

fn string(bytes: &[u8]) -> Token<'_> {
    Token::Str(Cow::Borrowed(bytes))
}

/// Runs `program` (`luac5.4` or `lua5.4`) with `args`, feeding `stdin`; `None` if the
/// program is not installed (a note is printed once per program).
fn run_lua(program: &'static str, args: &[&str], stdin: &[u8]) -> Option<Output> {
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
fn luac_error(src: &[u8]) -> Option<Option<(u32, String)>> {
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
fn assert_luac_accepts(src: &[u8]) {
    if let Some(Some((line, message))) = luac_error(src) {
        panic!("luac5.4 rejects {}: {line}: {message}", show(src));
    }
}

/// The first error of `src` has this message, offset and line, and luac5.4 agrees on the
/// message and the line.
#[track_caller]
fn assert_error(src: &[u8], offset: usize, line: u32, message: &str) {
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
fn lua_string_bytes(literal: &[u8]) -> Option<Vec<u8>> {
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
fn assert_string(src: &[u8], expected: &[u8]) {
    assert_eq!(single(src), string(expected), "string {}", show(src));
    if let Some(lua) = lua_string_bytes(src) {
        assert_eq!(lua, expected, "lua5.4 bytes of {}", show(src));
    }
}

/// `src` is one string literal lexed without copying.
#[track_caller]
fn assert_borrowed(src: &[u8]) {
    match single(src) {
        Token::Str(Cow::Borrowed(_)) => {}
        other => panic!("{} should be a borrowed string, got {other:?}", show(src)),
    }
}

#[track_caller]
fn assert_owned(src: &[u8]) {
    match single(src) {
        Token::Str(Cow::Owned(_)) => {}
        other => panic!("{} should be an owned string, got {other:?}", show(src)),
    }
}

/// What lua5.4 makes of the numeral `src`.
fn lua_numeral(src: &str) -> Option<Numeral> {
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

fn same_numeral(a: Numeral, b: Numeral) -> bool {
    match (a, b) {
        (Numeral::Int(x), Numeral::Int(y)) => x == y,
        (Numeral::Float(x), Numeral::Float(y)) => x.to_bits() == y.to_bits(),
        _ => false,
    }
}

/// `src` is one numeral of value `expected` (bit-exact for floats), as lua5.4 agrees.
#[track_caller]
fn assert_numeral(src: &str, expected: Numeral) {
    match single(src.as_bytes()) {
        Token::Number(n) => assert!(same_numeral(n, expected), "{src}: got {n:?}, expected {expected:?}"),
        other => panic!("{src}: expected a numeral, got {other:?}"),
    }
    if let Some(lua) = lua_numeral(src) {
        assert!(same_numeral(lua, expected), "{src}: lua5.4 says {lua:?}, expected {expected:?}");
    }
}

// ---------------------------------------------------------------------------------------
// 1. Keywords and symbols
// ---------------------------------------------------------------------------------------

fn keywords() -> Vec<(&'static str, Token<'static>)> {
    use Token::*;
    vec![
        ("and", And),
        ("break", Break),
        ("do", Do),
        ("else", Else),
        ("elseif", Elseif),
        ("end", End),
        ("false", False),
        ("for", For),
        ("function", Function),
        ("goto", Goto),
        ("if", If),
        ("in", In),
        ("local", Local),
        ("nil", Nil),
        ("not", Not),
        ("or", Or),
        ("repeat", Repeat),
        ("return", Return),
        ("then", Then),
        ("true", True),
        ("until", Until),
        ("while", While),
    ]
}

fn symbols() -> Vec<(&'static str, Token<'static>)> {
    use Token::*;
    vec![
        ("+", Plus),
        ("-", Minus),
        ("*", Star),
        ("/", Slash),
        ("//", DoubleSlash),
        ("%", Percent),
        ("^", Caret),
        ("#", Hash),
        ("&", Ampersand),
        ("~", Tilde),
        ("|", Pipe),
        ("<<", ShiftLeft),
        (">>", ShiftRight),
        ("==", Eq),
        ("~=", Ne),
        ("<=", Le),
        (">=", Ge),
        ("<", Lt),
        (">", Gt),
        ("=", Assign),
        ("(", LParen),
        (")", RParen),
        ("{", LBrace),
        ("}", RBrace),
        ("[", LBracket),
        ("]", RBracket),
        ("::", DoubleColon),
        (";", Semi),
        (":", Colon),
        (",", Comma),
        (".", Dot),
        ("..", Concat),
        ("...", Dots),
    ]
}

#[test]
fn every_keyword() {
    let all = keywords();
    assert_eq!(all.len(), 22);
    for (text, token) in &all {
        assert_eq!(spanned(text.as_bytes()), [(0, token.clone(), text.len())], "{text}");
        assert_eq!(token.fixed_text(), Some(*text));
    }
    let joined = all.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ");
    let expected: Vec<_> = all.into_iter().map(|(_, t)| t).collect();
    assert_tokens(joined.as_bytes(), &expected);
}

#[test]
fn every_symbol() {
    let all = symbols();
    assert_eq!(all.len(), 33);
    for (text, token) in &all {
        assert_eq!(spanned(text.as_bytes()), [(0, token.clone(), text.len())], "{text}");
        assert_eq!(token.fixed_text(), Some(*text));
    }
    let joined = all.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ");
    let expected: Vec<_> = all.into_iter().map(|(_, t)| t).collect();
    assert_tokens(joined.as_bytes(), &expected);
}

#[test]
fn longest_match() {
    use Token::*;
    let cases: Vec<(&str, Vec<Token>)> = vec![
        ("a//b", vec![name("a"), DoubleSlash, name("b")]),
        ("a/ /b", vec![name("a"), Slash, Slash, name("b")]),
        ("///", vec![DoubleSlash, Slash]),
        (">>>", vec![ShiftRight, Gt]),
        (">>=", vec![ShiftRight, Assign]),
        ("> =", vec![Gt, Assign]),
        ("><", vec![Gt, Lt]),
        ("<<<", vec![ShiftLeft, Lt]),
        ("<<=", vec![ShiftLeft, Assign]),
        ("<=<", vec![Le, Lt]),
        ("<>", vec![Lt, Gt]),
        ("~=", vec![Ne]),
        ("~==", vec![Ne, Assign]),
        ("~~", vec![Tilde, Tilde]),
        ("~ =", vec![Tilde, Assign]),
        ("=~", vec![Assign, Tilde]),
        ("===", vec![Eq, Assign]),
        ("====", vec![Eq, Eq]),
        (":::", vec![DoubleColon, Colon]),
        ("::::", vec![DoubleColon, DoubleColon]),
        (": :", vec![Colon, Colon]),
        ("....", vec![Dots, Dot]),
        (".....", vec![Dots, Concat]),
        ("......", vec![Dots, Dots]),
        (". ..", vec![Dot, Concat]),
        ("a.b", vec![name("a"), Dot, name("b")]),
        ("a..b", vec![name("a"), Concat, name("b")]),
        ("a...b", vec![name("a"), Dots, name("b")]),
        // `..` followed by a digit is still the concat operator (llex.c checks `..` first).
        ("..5", vec![Concat, int(5)]),
        ("...5", vec![Dots, int(5)]),
        (".5", vec![float(0.5)]),
        ("a.5", vec![name("a"), float(0.5)]),
        ("1 ..2", vec![int(1), Concat, int(2)]),
        ("1 .. 2", vec![int(1), Concat, int(2)]),
        ("->", vec![Minus, Gt]),
        ("- -1", vec![Minus, Minus, int(1)]),
        ("-1", vec![Minus, int(1)]),
        ("[ [", vec![LBracket, LBracket]),
        ("[]", vec![LBracket, RBracket]),
        ("a[b[1]]", vec![name("a"), LBracket, name("b"), LBracket, int(1), RBracket, RBracket]),
        ("a[[b]]", vec![name("a"), string(b"b")]),
        ("x[=[y]=]", vec![name("x"), string(b"y")]),
        ("!=", vec![Other(b'!'), Assign]),
        ("a\x0b\x0cb\t\r\n c", vec![name("a"), name("b"), name("c")]),
    ];
    for (src, expected) in cases {
        assert_tokens(src.as_bytes(), &expected);
    }
    // lua5.4 agrees that `..5` is a concatenation and `1..2` a (bad) numeral.
    assert_luac_accepts(b"x = 'a'..5");
    assert_error(b"x = 1..2", 4, 1, "malformed number near '1..2'");
}

#[test]
fn spans() {
    use Token::*;
    let src = b"local x <const> = 10 -- c\nreturn x..'s'";
    assert_eq!(
        spanned(src),
        [
            (0, Local, 5),
            (6, name("x"), 7),
            (8, Lt, 9),
            (9, name("const"), 14),
            (14, Gt, 15),
            (16, Assign, 17),
            (18, int(10), 20),
            (26, Return, 32),
            (33, name("x"), 34),
            (34, Concat, 36),
            (36, string(b"s"), 39),
        ]
    );
    assert_eq!(spanned(b"[==[a]==] --[[x]] 0x1p4"), [(0, string(b"a"), 9), (18, float(16.0), 23)]);
}

// ---------------------------------------------------------------------------------------
// 2. Names and stray bytes
// ---------------------------------------------------------------------------------------

#[test]
fn names() {
    for n in ["_", "_x1", "x", "X_Y_9", "__index", "_ENV", "andy", "ends", "iff", "nil_", "do1", "returned"] {
        assert_eq!(spanned(n.as_bytes()), [(0, name(n), n.len())], "{n}");
    }
    // Keywords are case-sensitive.
    for n in ["And", "END", "Nil", "TRUE", "Function"] {
        assert_eq!(single(n.as_bytes()), name(n));
    }
    // Every keyword followed by a name character is a name.
    for (kw, _) in keywords() {
        for suffix in ["_", "x", "1", "Z"] {
            let n = format!("{kw}{suffix}");
            assert_eq!(single(n.as_bytes()), name(&n));
        }
    }
    assert_tokens(b"a.b:c", &[name("a"), Token::Dot, name("b"), Token::Colon, name("c")]);
}

#[test]
fn bytes_that_start_no_token() {
    use Token::*;
    // Non-ASCII bytes are not name characters in Lua: each is a token of its own.
    assert_eq!(spanned("é".as_bytes()), [(0, Other(0xC3), 1), (1, Other(0xA9), 2)]);
    assert_eq!(spanned(b"x\xffy"), [(0, name("x"), 1), (1, Other(0xFF), 2), (2, name("y"), 3)]);
    assert_eq!(spanned(b"\x80"), [(0, Other(0x80), 1)]);
    for b in [b'@', b'$', b'!', b'?', b'`', b'\\', 0u8, 0x01, 0x7F] {
        assert_eq!(spanned(&[b]), [(0, Other(b), 1)], "byte {b}");
    }
    assert_tokens(b"a@b", &[name("a"), Other(b'@'), name("b")]);
    // lua5.4 passes them on to the parser, which reports them.
    if let Some(Some((1, message))) = luac_error(b"x = @") {
        assert_eq!(message, "unexpected symbol near '@'");
    }
}

// ---------------------------------------------------------------------------------------
// 3. Numerals
// ---------------------------------------------------------------------------------------

#[test]
fn decimal_integers() {
    assert_numeral("0", Numeral::Int(0));
    assert_numeral("3", Numeral::Int(3));
    assert_numeral("345", Numeral::Int(345));
    assert_numeral("08", Numeral::Int(8));
    assert_numeral("007", Numeral::Int(7));
    assert_numeral("9223372036854775807", Numeral::Int(i64::MAX));
    // Too large for an integer: a float.
    assert_numeral("9223372036854775808", Numeral::Float(9223372036854775808.0));
    assert_numeral("18446744073709551616", Numeral::Float(18446744073709551616.0));
    assert_numeral("100000000000000000000000", Numeral::Float(1e23));
}

#[test]
fn hex_integers_wrap_around() {
    assert_numeral("0xff", Numeral::Int(255));
    assert_numeral("0XA", Numeral::Int(10));
    assert_numeral("0xaBcD", Numeral::Int(0xABCD));
    assert_numeral("0x0", Numeral::Int(0));
    assert_numeral("0x7fffffffffffffff", Numeral::Int(i64::MAX));
    assert_numeral("0x8000000000000000", Numeral::Int(i64::MIN));
    assert_numeral("0xffffffffffffffff", Numeral::Int(-1));
    assert_numeral("0x7fffffffffffffff1", Numeral::Int(-15));
    assert_numeral("0x10000000000000000", Numeral::Int(0));
    assert_numeral("0x10000000000000005", Numeral::Int(5));
    // In a hex numeral `e` is a digit, not an exponent: `0xe+1` is `0xe + 1`.
    assert_tokens(b"0xe+1", &[int(14), Token::Plus, int(1)]);
    assert_tokens(b"0x1E-1", &[int(30), Token::Minus, int(1)]);
}

#[test]
fn decimal_floats() {
    assert_numeral("1e10", Numeral::Float(1e10));
    assert_numeral("1E-3", Numeral::Float(1e-3));
    assert_numeral("3.", Numeral::Float(3.0));
    assert_numeral("3.0", Numeral::Float(3.0));
    assert_numeral(".5", Numeral::Float(0.5));
    assert_numeral("5e+2", Numeral::Float(500.0));
    assert_numeral("1.e5", Numeral::Float(1e5));
    assert_numeral(".5e1", Numeral::Float(5.0));
    assert_numeral("0.1", Numeral::Float(0.1));
    assert_numeral("1.23456789012345678", Numeral::Float(1.234_567_890_123_456_7));
    assert_numeral("1e400", Numeral::Float(f64::INFINITY));
    assert_numeral("1e-400", Numeral::Float(0.0));
    assert_numeral("2.5E+0", Numeral::Float(2.5));
}

#[test]
fn hex_floats() {
    assert_numeral("0x1p4", Numeral::Float(16.0));
    assert_numeral("0x.8", Numeral::Float(0.5));
    assert_numeral("0xA.8p-1", Numeral::Float(5.25));
    assert_numeral("0x1P+2", Numeral::Float(4.0));
    assert_numeral("0x1p-2", Numeral::Float(0.25));
    assert_numeral("0x1.8", Numeral::Float(1.5));
    assert_numeral("0x1.", Numeral::Float(1.0));
    assert_numeral("0X.1P4", Numeral::Float(1.0));
    assert_numeral("0x10p0", Numeral::Float(16.0));
    assert_numeral("0x1p1024", Numeral::Float(f64::INFINITY));
    assert_numeral("0x1p-1074", Numeral::Float(f64::from_bits(1)));
    assert_numeral("0x1.fffffffffffffp1023", Numeral::Float(f64::MAX));
    assert_numeral("0x123456789abcdef123p0", Numeral::Float(f64::from_bits(0x4432_3456_789a_bcdf)));
}

#[test]
fn hex_floats_with_many_digits_round_once() {
    // Exactly 1 + 2^-53 + 2^-60: above the halfway point, so it rounds up to 1 + 2^-52.
    assert_numeral("0x1.000000000000081p0", Numeral::Float(1.0 + f64::EPSILON));
    // 0x1.0f3942fc69c39p+71 in lua5.4; moonlet is one ulp below.
    assert_numeral("0x879ca17e34e1c4031b.0", Numeral::Float(f64::from_bits(0x4460_f394_2fc6_9c39)));
}

#[test]
fn malformed_numbers() {
    let cases: [(&str, usize, &str); 18] = [
        ("x = 3x", 4, "3x"),
        ("x = 3abc", 4, "3abc"),
        ("x = 0x", 4, "0x"),
        ("x = 1e", 4, "1e"),
        ("x = 1e+", 4, "1e+"),
        ("x = 0xg", 4, "0xg"),
        ("x = 1.2.3", 4, "1.2.3"),
        ("x = 1..2", 4, "1..2"),
        ("x = 3..x", 4, "3..x"),
        ("x = .0x5", 4, ".0x5"),
        ("x = 3_", 4, "3_"),
        ("x = 0x1p", 4, "0x1p"),
        ("x = 1e5e", 4, "1e5e"),
        ("x = 0x1p+", 4, "0x1p+"),
        ("x = 12abcz", 4, "12abcz"),
        ("x = 00x1", 4, "00x"),
        ("x = 0x.p1", 4, "0x.p1"),
        ("x = 1 y = 2 z = 3f", 16, "3f"),
    ];
    for (src, offset, near) in cases {
        assert_error(src.as_bytes(), offset, 1, &format!("malformed number near '{near}'"));
    }
    assert_error(b"x = 1\r\ny = 2\nz = 9e-", 17, 3, "malformed number near '9e-'");
    // `08` is fine: a decimal 8.
    assert_luac_accepts(b"x = 08");
    // Only one touching letter belongs to the numeral.
    let err = first_error(b"3xyz");
    assert_eq!((err.offset, err.near.as_str()), (0, "'3x'"));
}

// ---------------------------------------------------------------------------------------
// 4. Short strings
// ---------------------------------------------------------------------------------------

#[test]
fn short_strings_without_escapes_are_borrowed() {
    assert_string(br#""abc""#, b"abc");
    assert_string(b"'abc'", b"abc");
    assert_string(br#""""#, b"");
    assert_string(b"''", b"");
    assert_string(br#""it's""#, b"it's");
    assert_string(br#"'say "hi"'"#, b"say \"hi\"");
    assert_string(b"'[[x]] --'", b"[[x]] --");
    for src in [&br#""abc""#[..], b"''", br#""it's""#, b"'\xff\x80'", b"'a\tb\x00c\x0bd'"] {
        assert_borrowed(src);
    }
    assert_eq!(spanned(br#"x"ab"y"#), [(0, name("x"), 1), (1, string(b"ab"), 5), (5, name("y"), 6)]);
}

#[test]
fn simple_escapes() {
    assert_string(br#""\a\b\f\n\r\t\v\\\"\'""#, b"\x07\x08\x0C\n\r\t\x0B\\\"'");
    assert_string(br#"'\a\b\f\n\r\t\v\\\"\''"#, b"\x07\x08\x0C\n\r\t\x0B\\\"'");
    assert_string(br#""a\nb""#, b"a\nb");
    assert_string(br#""\\n""#, b"\\n");
    assert_owned(br#""\n""#);
    assert_owned(br#""a\\""#);
}

#[test]
fn z_escape_skips_whitespace() {
    assert_string(b"\"a\\z   \n\t  b\"", b"ab");
    assert_string(b"\"a\\zb\"", b"ab");
    assert_string(b"\"a\\z\"", b"a");
    assert_string(b"\"a\\z \r\n\n\r \x0b\x0c b\"", b"ab");
    assert_string(b"\"a\\z  \\n\"", b"a\n");
    // Line numbers after a `\z` spanning lines follow the source.
    let src = b"x = \"a\\z\n\n  b\" .. 3x";
    assert_error(src, 18, 3, "malformed number near '3x'");
}

#[test]
fn hex_escapes() {
    assert_string(br#""\x41\x7a\xFF\x00\x0a""#, b"Az\xFF\x00\n");
    assert_string(br#""\x410""#, b"A0");
    assert_string(br#""\xfF""#, b"\xff");
}

#[test]
fn decimal_escapes() {
    assert_string(br#""\0""#, b"\0");
    assert_string(br#""\00\000""#, b"\0\0");
    assert_string(br#""\65\065\9""#, b"AA\t");
    assert_string(br#""\255""#, b"\xff");
    assert_string(br#""\2555""#, b"\xff5");
    assert_string(br#""\0012""#, b"\x012");
    assert_string(br#""\1a""#, b"\x01a");
    assert_string(br#""\1\2\3""#, b"\x01\x02\x03");
}

#[test]
fn utf8_escapes() {
    let cases: [(&str, &[u8]); 19] = [
        ("0", &[0]),
        ("41", b"A"),
        ("00000041", b"A"),
        ("000000041", b"A"),
        ("7F", &[0x7F]),
        ("80", &[0xC2, 0x80]),
        ("E9", "é".as_bytes()),
        ("7FF", &[0xDF, 0xBF]),
        ("800", &[0xE0, 0xA0, 0x80]),
        ("20AC", "€".as_bytes()),
        ("D800", &[0xED, 0xA0, 0x80]),
        ("FFFF", &[0xEF, 0xBF, 0xBF]),
        ("10000", &[0xF0, 0x90, 0x80, 0x80]),
        ("10FFFF", &[0xF4, 0x8F, 0xBF, 0xBF]),
        ("110000", &[0xF4, 0x90, 0x80, 0x80]),
        ("1FFFFF", &[0xF7, 0xBF, 0xBF, 0xBF]),
        ("200000", &[0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("4000000", &[0xFC, 0x84, 0x80, 0x80, 0x80, 0x80]),
        ("7FFFFFFF", &[0xFD, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF]),
    ];
    for (hex, bytes) in cases {
        assert_string(format!("\"\\u{{{hex}}}\"").as_bytes(), bytes);
    }
    assert_string(br#""\u{3FFFFFF}""#, &[0xFB, 0xBF, 0xBF, 0xBF, 0xBF]);
    assert_string(br#""<\u{1F600}>""#, "<😀>".as_bytes());
    assert_string(br#""\u{7ff}""#, &[0xDF, 0xBF]);
}

#[test]
fn escaped_line_breaks_are_one_newline() {
    for brk in [&b"\n"[..], b"\r", b"\r\n", b"\n\r"] {
        let src = [&b"\"a\\"[..], brk, b"b\""].concat();
        assert_string(&src, b"a\nb");
    }
    // Two breaks are two lines: the second is an unescaped newline.
    assert_error(b"x = \"a\\\n\nb\"", 8, 2, "unfinished string near '\"a\n'");
    assert_string(b"\"a\\\n\\\nb\"", b"a\n\nb");
    assert_string(b"\"a\\\r\n\\\n\rb\"", b"a\n\nb");
}

#[test]
fn raw_bytes_are_kept() {
    assert_string(b"\"\x80\xff\xc3\xa9\"", b"\x80\xff\xc3\xa9");
    assert_string(b"'\xfe\\n\xff'", b"\xfe\n\xff");
    assert_string("'日本'".as_bytes(), "日本".as_bytes());
    assert_string(b"'a\x00b'", b"a\x00b");
    assert_string(b"'\x0b\x0c\t'", b"\x0b\x0c\t");
}

// ---------------------------------------------------------------------------------------
// 5. Long strings and comments
// ---------------------------------------------------------------------------------------

#[test]
fn long_strings_of_each_level() {
    assert_string(b"[[abc]]", b"abc");
    assert_string(b"[[]]", b"");
    assert_string(b"[=[a]]b]=]", b"a]]b");
    assert_string(b"[=[]]]=]", b"]]");
    assert_string(b"[==[x]=]y]]]==]", b"x]=]y]]");
    assert_string(b"[===[ ]] ]==] ]====] ]===]", b" ]] ]==] ]====] ");
    assert_string(b"[[a]=]b]]", b"a]=]b");
    assert_string(b"[[\\n\\t\"']]", b"\\n\\t\"'");
    assert_string(b"[==[[[nested]]]==]", b"[[nested]]");
    assert_string(b"[[\xff\x80]]", b"\xff\x80");
    for src in [&b"[[abc]]"[..], b"[=[a]]b]=]", b"[[\na\nb]]", b"[[\r\nab]]"] {
        assert_borrowed(src);
    }
    assert_tokens(b"[[a]]]", &[string(b"a"), Token::RBracket]);
    assert_tokens(b"[=[a]=]]=]", &[string(b"a"), Token::RBracket, Token::Assign, Token::RBracket]);
    assert_eq!(
        spanned(b"x = [==[a]==] y"),
        [(0, name("x"), 1), (2, Token::Assign, 3), (4, string(b"a"), 13), (14, name("y"), 15)]
    );
}

#[test]
fn long_string_first_line_break_dropped() {
    for brk in [&b"\n"[..], b"\r", b"\r\n", b"\n\r"] {
        assert_string(&[&b"[["[..], brk, b"abc]]"].concat(), b"abc");
        assert_string(&[&b"[==["[..], brk, b"abc]==]"].concat(), b"abc");
        assert_string(&[&b"[["[..], brk, b"]]"].concat(), b"");
    }
    assert_string(b"[[\n\nabc]]", b"\nabc");
    assert_string(b"[[\r\rabc]]", b"\nabc");
    assert_string(b"[[\n\r\nabc]]", b"\nabc");
    assert_string(b"[[ \nabc]]", b" \nabc");
}

#[test]
fn long_string_line_breaks_normalised() {
    assert_string(b"[[a\r\nb\n\rc\rd\ne]]", b"a\nb\nc\nd\ne");
    assert_string(b"[[a\n\nb]]", b"a\n\nb");
    assert_string(b"[[a\r\r]]", b"a\n\n");
    assert_string(b"[[a\r\n\r\nb]]", b"a\n\nb");
    assert_string(b"[[a\n\r\nb]]", b"a\n\nb");
    assert_owned(b"[[a\rb]]");
}

#[test]
fn comments() {
    use Token::*;
    let cases: Vec<(&[u8], Vec<Token>)> = vec![
        (b"-- line\nx", vec![name("x")]),
        (b"--\nx", vec![name("x")]),
        (b"-- line\rx", vec![name("x")]),
        (b"a--b\nc", vec![name("a"), name("c")]),
        (b"--[[ long\n still ]] x", vec![name("x")]),
        (b"--[[]]x", vec![name("x")]),
        (b"--[==[ ]] ]=] ]==] x", vec![name("x")]),
        (b"--[=[\n]]\n]=]x", vec![name("x")]),
        (b"--[[a]]--[[b]]c", vec![name("c")]),
        // `--[` without a long bracket is a line comment.
        (b"--[ not long ]]\nx", vec![name("x")]),
        (b"--[=x\ny", vec![name("y")]),
        (b"--[==\ny", vec![name("y")]),
        (b"-- [[ not long\nx", vec![name("x")]),
        (b"---[[\nx", vec![name("x")]),
        (b"-- ]] \nx", vec![name("x")]),
        // Comments at the end of the source, with no newline.
        (b"x -- comment at eof", vec![name("x")]),
        (b"x --", vec![name("x")]),
        (b"x --[[ closed ]]", vec![name("x")]),
        (b"x --[= not long", vec![name("x")]),
        (b"- -x", vec![Minus, Minus, name("x")]),
        (b"1--2", vec![int(1)]),
    ];
    for (src, expected) in cases {
        assert_tokens(src, &expected);
        // luac5.4 agrees when the only token left is a name: it must be the whole expression.
        if let [Name(_)] = expected[..] {
            assert_luac_accepts(&[&b"local _ = "[..], src].concat());
        }
    }
    assert_tokens(b"-- only a comment", &[]);
    assert_tokens(b"--[[ only a comment ]]", &[]);
    // Offsets after a multi-line long comment point at the right line.
    let src = b"--[[\r\n\n]] x";
    let (start, _, _) = spanned(src)[0];
    assert_eq!((start, LineMap::new(src).line_of(start)), (10, 3));
}

// ---------------------------------------------------------------------------------------
// 6. Lexical errors, compared to luac5.4 -p
// ---------------------------------------------------------------------------------------

#[test]
fn unfinished_strings() {
    assert_error(b"x = \"abc\n\"", 8, 1, "unfinished string near '\"abc'");
    assert_error(b"x = \"abc\r\n\"", 8, 1, "unfinished string near '\"abc'");
    assert_error(b"x = 'abc\r", 8, 1, "unfinished string near ''abc'");
    assert_error(b"x = \"abc", 8, 1, "unfinished string near <eof>");
    assert_error(b"x = \"", 5, 1, "unfinished string near <eof>");
    assert_error(b"x = \"abc\\", 9, 1, "unfinished string near <eof>");
    assert_error(b"x = \"a\\z\n", 9, 2, "unfinished string near <eof>");
    // The partial string is shown as Lua buffered it, escapes processed.
    assert_error(b"x = \"a\\tb\\65\n", 12, 1, "unfinished string near '\"a\tbA'");
    assert_error(b"x = 'a\"b\n", 8, 1, "unfinished string near ''a\"b'");
    assert_error(b"x = 1\r\ny = 2\r\nz = \"abc\r\n", 22, 3, "unfinished string near '\"abc'");
    assert_error(b"x = \"\n", 5, 1, "unfinished string near '\"'");
}

#[test]
fn unfinished_long_strings_and_comments() {
    assert_error(b"x = [[abc", 9, 1, "unfinished long string (starting at line 1) near <eof>");
    assert_error(b"x = [[abc\n", 10, 2, "unfinished long string (starting at line 1) near <eof>");
    assert_error(b"x = [[abc]", 10, 1, "unfinished long string (starting at line 1) near <eof>");
    assert_error(b"x = [=[abc]]", 12, 1, "unfinished long string (starting at line 1) near <eof>");
    assert_error(b"x = 1\ny = [==[\nabc\n", 19, 4, "unfinished long string (starting at line 2) near <eof>");
    assert_error(b"--[[", 4, 1, "unfinished long comment (starting at line 1) near <eof>");
    assert_error(b"x = 1\n--[==[ abc\n\n", 18, 4, "unfinished long comment (starting at line 2) near <eof>");
    assert_error(
        b"x = 1\r\n\r\n--[[ ]=] ]",
        19,
        3,
        "unfinished long comment (starting at line 3) near <eof>",
    );
}

#[test]
fn invalid_long_delimiters() {
    assert_error(b"x = [=", 4, 1, "invalid long string delimiter near '[='");
    assert_error(b"x = [==x", 4, 1, "invalid long string delimiter near '[=='");
    assert_error(b"x = [=]", 4, 1, "invalid long string delimiter near '[='");
    assert_error(b"x = [= [", 4, 1, "invalid long string delimiter near '[='");
    assert_error(b"x = 1\nt[==1]", 7, 2, "invalid long string delimiter near '[=='");
}

#[test]
fn invalid_escapes() {
    assert_error(br#"x = "a\q""#, 7, 1, r#"invalid escape sequence near '"a\q'"#);
    assert_error(br#"x = "\c""#, 6, 1, r#"invalid escape sequence near '"\c'"#);
    assert_error(br#"x = "\ ""#, 6, 1, r#"invalid escape sequence near '"\ '"#);
    assert_error(br#"x = "\U{41}""#, 6, 1, r#"invalid escape sequence near '"\U'"#);
    assert_error(br#"x = "\n\X41""#, 8, 1, "invalid escape sequence near '\"\n\\X'");
    assert_error(b"x = \"a\\\n\\q\"", 9, 2, "invalid escape sequence near '\"a\n\\q'");
    // A non-UTF-8 byte in `near` is shown lossily (Lua prints the raw byte).
    assert_error(b"x = \"\\\xff\"", 6, 1, "invalid escape sequence near '\"\\\u{FFFD}'");
}

#[test]
fn hex_digit_expected() {
    assert_error(br#"x = "\xg""#, 7, 1, r#"hexadecimal digit expected near '"\xg'"#);
    assert_error(br#"x = "\x1g""#, 8, 1, r#"hexadecimal digit expected near '"\x1g'"#);
    assert_error(br#"x = "\x""#, 7, 1, r#"hexadecimal digit expected near '"\x"'"#);
    assert_error(br#"x = "\x"#, 7, 1, r#"hexadecimal digit expected near '"\x'"#);
    assert_error(br#"x = "\x4"#, 8, 1, r#"hexadecimal digit expected near '"\x4'"#);
    assert_error(b"x = \"\\x\n\"", 7, 1, "hexadecimal digit expected near '\"\\x\n'");
    assert_error(br#"x = "ab\u{}""#, 10, 1, r#"hexadecimal digit expected near '"ab\u{}'"#);
    assert_error(br#"x = "\u{g}""#, 8, 1, r#"hexadecimal digit expected near '"\u{g'"#);
    assert_error(br#"x = "\u{"#, 8, 1, r#"hexadecimal digit expected near '"\u{'"#);
}

#[test]
fn decimal_escape_too_large() {
    assert_error(br#"x = "\256""#, 9, 1, r#"decimal escape too large near '"\256"'"#);
    assert_error(br#"x = "\999""#, 9, 1, r#"decimal escape too large near '"\999"'"#);
    assert_error(br#"x = "ab\2560""#, 11, 1, r#"decimal escape too large near '"ab\2560'"#);
    assert_error(br#"x = "\300"#, 9, 1, r#"decimal escape too large near '"\300'"#);
    assert_error(b"x = \"\\1\\2\n", 9, 1, "unfinished string near '\"\x01\x02'");
}

#[test]
fn utf8_escape_errors() {
    assert_error(br#"x = "\u{80000000}""#, 15, 1, r#"UTF-8 value too large near '"\u{80000000'"#);
    assert_error(br#"x = "\u{FFFFFFFFF}""#, 15, 1, r#"UTF-8 value too large near '"\u{FFFFFFFF'"#);
    assert_error(br#"x = "\u{100000000}""#, 16, 1, r#"UTF-8 value too large near '"\u{100000000'"#);
    assert_error(br#"x = "\u41""#, 7, 1, r#"missing '{' near '"\u4'"#);
    assert_error(br#"x = "\u""#, 7, 1, r#"missing '{' near '"\u"'"#);
    assert_error(br#"x = "\u"#, 7, 1, r#"missing '{' near '"\u'"#);
    assert_error(br#"x = "\u{41""#, 10, 1, r#"missing '}' near '"\u{41"'"#);
    assert_error(br#"x = "\u{41 }""#, 10, 1, r#"missing '}' near '"\u{41 '"#);
    assert_error(br#"x = "\u{41"#, 10, 1, r#"missing '}' near '"\u{41'"#);
    assert_error(br#"x = "\u{7FFFFFFFg}""#, 16, 1, r#"missing '}' near '"\u{7FFFFFFFg'"#);
}

#[test]
fn near_text_stops_at_nul() {
    assert_error(b"x = \"a\\0b\n", 9, 1, "unfinished string near '\"a'");
    assert_error(b"x = \"a\0b\n", 8, 1, "unfinished string near '\"a'");
    assert_error(b"x = 'a\\0\\q'", 9, 1, "invalid escape sequence near ''a'");
}

// ---------------------------------------------------------------------------------------
// 7. The first-line comment of script files
// ---------------------------------------------------------------------------------------

#[test]
fn first_line_comment_skipped() {
    use Token::*;
    let src = b"#!/usr/bin/env lua\nreturn 1";
    let all: Vec<_> = Lexer::skipping_first_line_comment(src).map(Result::unwrap).collect();
    assert_eq!(all, [(19, Return, 25), (26, int(1), 27)]);
    assert_eq!(LineMap::new(src).line_of(19), 2);

    let skipped = |src: &'static [u8]| -> Vec<Token<'static>> {
        Lexer::skipping_first_line_comment(src).map(|t| t.unwrap().1).collect()
    };
    // `#` without `!` is skipped too, and the line break is kept.
    assert_eq!(skipped(b"# comment\nx"), [name("x")]);
    assert_eq!(skipped(b"#x\r\ny"), [name("y")]);
    assert_eq!(skipped(b"#"), []);
    assert_eq!(skipped(b"#!"), []);
    assert_eq!(skipped(b"#!lua -- x = 'unfinished"), []);
    assert_eq!(skipped(b"#\n#x"), [Hash, name("x")]);
    // Only a first line that starts with `#`.
    assert_eq!(skipped(b" #x"), [Hash, name("x")]);
    assert_eq!(skipped(b"\n#x"), [Hash, name("x")]);
    assert_eq!(skipped(b"x # y"), [name("x"), Hash, name("y")]);

    // Lines are preserved: luac5.4 (which skips the line too) reports the same line.
    let src = b"#!/usr/bin/lua\n\nx = 3x";
    let err = Lexer::skipping_first_line_comment(src).find_map(Result::err).unwrap();
    assert_eq!((err.offset, LineMap::new(src).line_of(err.offset)), (20, 3));
    if let Some(lua) = luac_error(src) {
        assert_eq!(lua, Some((3, err.message())));
    }
}

#[test]
fn no_first_line_skip_in_new() {
    use Token::*;
    assert_tokens(
        b"#!/usr/bin/lua",
        &[Hash, Other(b'!'), Slash, name("usr"), Slash, name("bin"), Slash, name("lua")],
    );
    assert_tokens(b"# x\ny", &[Hash, name("x"), name("y")]);
}

#[test]
fn first_line_comment_ends_only_at_newline() {
    // `printf '#!x\rprint(1)\nprint(2)' | lua5.4 -` prints only 2.
    let src = b"#!x\ry = 1\nz";
    let all: Vec<_> = Lexer::skipping_first_line_comment(src).map(|t| t.unwrap().1).collect();
    assert_eq!(all, [name("z")]);
}

// ---------------------------------------------------------------------------------------
// 8. Line counting
// ---------------------------------------------------------------------------------------

#[test]
fn line_map_counts_breaks_as_lua() {
    for brk in [&b"\n"[..], b"\r", b"\r\n", b"\n\r"] {
        let src = [&b"a"[..], brk, b"b"].concat();
        let map = LineMap::new(&src);
        assert_eq!(map.line_count(), 2, "{}", show(&src));
        assert_eq!(map.line_of(0), 1);
        assert_eq!(map.line_of(1), 1);
        assert_eq!(map.line_of(src.len() - 1), 2);
        assert_eq!(map.column_of(src.len() - 1), 1);
    }
    for (src, lines) in [
        (&b"\n\n"[..], 3),
        (b"\r\r", 3),
        (b"\r\n\r\n", 3),
        (b"\n\r\n\r", 3),
        (b"\n\r\n", 3),
        (b"\r\n\r", 3),
        (b"\n\r\r\n", 3),
        (b"", 1),
        (b"abc", 1),
    ] {
        assert_eq!(LineMap::new(src).line_count(), lines, "{}", show(src));
    }
    let map = LineMap::new(b"ab\ncd\n");
    assert_eq!((map.line_of(4), map.column_of(4)), (2, 2));
    assert_eq!(map.line_of(6), 3); // the end of the source
}

#[test]
fn line_map_agrees_with_luac() {
    for (breaks, line) in [
        (&b"\n"[..], 2),
        (b"\r", 2),
        (b"\r\n", 2),
        (b"\n\r", 2),
        (b"\n\n", 3),
        (b"\r\r", 3),
        (b"\n\r\n", 3),
        (b"\r\n\r\n\n\r\r\n\r", 6),
    ] {
        let src = [&b"x = 1"[..], breaks, b"y = 3x"].concat();
        let offset = 5 + breaks.len() + 4;
        assert_error(&src, offset, line, "malformed number near '3x'");
    }
}
