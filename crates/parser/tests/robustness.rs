//! Robustness of the parser against arbitrary input: no source text may make it panic or
//! overflow the stack. Deep nesting must end in Lua's `C stack overflow` syntax error, and
//! long flat constructs (which Lua parses in a loop) must parse, and drop, without
//! recursion trouble.
//!
//! Everything here is deterministic: the random inputs come from a fixed-seed PRNG.

use std::panic::{self, AssertUnwindSafe};

use moonlet_parser::{parse_chunk, parse_file, SyntaxErrorKind};

/// xorshift64* (Vigna), enough for generating test inputs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A value in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Token spellings and fragments that stress the lexer and the parser.
const POOL: &[&str] = &[
    "and",
    "break",
    "do",
    "else",
    "elseif",
    "end",
    "false",
    "for",
    "function",
    "goto",
    "if",
    "in",
    "local",
    "nil",
    "not",
    "or",
    "repeat",
    "return",
    "then",
    "true",
    "until",
    "while",
    "x",
    "y",
    "f",
    "_ENV",
    "self",
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "^",
    "#",
    "&",
    "~",
    "|",
    "<<",
    ">>",
    "==",
    "~=",
    "<=",
    ">=",
    "<",
    ">",
    "=",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "::",
    ";",
    ":",
    ",",
    ".",
    "..",
    "...",
    "[[",
    "]]",
    "[=[",
    "]=]",
    "[==[",
    "]==]",
    "--",
    "--[[",
    "--[==[",
    "\"",
    "'",
    "\\",
    "\\n",
    "\\z",
    "\\x",
    "\\x4",
    "\\xg",
    "\\u{",
    "\\u{7FFFFFFF}",
    "\\u{80000000}",
    "\\999",
    "\\255",
    "}",
    "0",
    "1",
    "9",
    "0x",
    "0X1p",
    "0xffffffffffffffffff",
    "1e",
    "e+",
    "e-",
    "1e308",
    "1e400",
    ".5",
    "3.",
    "0x.p1",
    "9223372036854775807",
    "9223372036854775808",
    "<const>",
    "<close>",
    "<foo>",
    "\r",
    "\n",
    "\r\n",
    "\n\r",
    " ",
    "\t",
    "\x0b",
    "\x0c",
    "\0",
    "\u{e9}",
    "\u{1F600}",
    "\u{fffd}",
    "#!",
    "=\n",
];

/// Arbitrary bytes, plus a few that matter to the lexer.
const BYTES: &[u8] = b"\x00\x80\xff\xc3\xe2\r\n\t \\\"'[]=-{}()";

/// Parses `source` with both entry points, failing with the input if the parser panics,
/// and checks the shape of any error.
fn check(source: &[u8]) {
    for file in [false, true] {
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            let result = if file { parse_file(source, "chunk") } else { parse_chunk(source, "chunk") };
            result.err().map(|e| (e.kind, e.to_string()))
        }));
        match outcome {
            Err(_) => panic!("parser panicked on {:?}", String::from_utf8_lossy(source)),
            Ok(None) => {}
            Ok(Some((kind, text))) => {
                assert!(!text.is_empty(), "empty error message for {:?}", String::from_utf8_lossy(source));
                assert!(
                    text == "C stack overflow" || text.starts_with("chunk:"),
                    "malformed error {text:?} for {:?}",
                    String::from_utf8_lossy(source)
                );
                assert_eq!(
                    kind == SyntaxErrorKind::TooDeep,
                    text == "C stack overflow",
                    "kind {kind:?} with message {text:?} for {:?}",
                    String::from_utf8_lossy(source)
                );
            }
        }
    }
}

#[test]
fn byte_soup() {
    let mut rng = Rng::new(0x5EED_0001);
    let mut source = Vec::new();
    for round in 0..4000 {
        source.clear();
        let len = rng.below(200);
        // Some rounds are raw bytes, most mix bytes and token spellings.
        let token_percent = if round % 8 == 0 { 0 } else { 70 };
        while source.len() < len {
            if rng.chance(token_percent) {
                source.extend_from_slice(rng.pick(POOL).as_bytes());
                if rng.chance(40) {
                    source.push(b' ');
                }
            } else if rng.chance(50) {
                source.push(*rng.pick(BYTES));
            } else {
                source.push(rng.below(256) as u8);
            }
        }
        check(&source);
    }
}

const PROGRAMS: &[&str] = &[
    // Closures, varargs, <const>, method calls, table constructors with every field form.
    r#"local function counter(start, ...)
  local n <const> = select('#', ...)
  local count = start or 0
  return function(step)
    count = count + (step or 1) + n
    return count
  end
end
local Account = {}
Account.__index = Account
function Account.new(balance)
  return setmetatable({balance = balance, ["kind"] = 'basic'; 1, 2, 3,}, Account)
end
function Account:deposit(v) self.balance = self.balance + v; return self end
local a = Account.new(100):deposit(50):deposit(25)
local t = {[1] = "one", two = 2, "three"; f = function(...) return ... end, {nested = {deeper = {}}}}
print(a.balance, t.f(1, 2, 3), #t, counter(1, 'x', "y")(2), t["two"], t[#t])
"#,
    // goto/labels, numeric and generic for, repeat-until, while, integer division, bitwise ops.
    r#"local sum = 0
for i = 10, 1, -1 do
  for j = 1, i do
    if (i * j) % 3 == 0 then goto continue end
    sum = sum + i // j + (i & j) | (i ~ j) << 1 >> 2 ~ ~j
    ::continue::
  end
end
local k = 0
repeat
  local done = k >= 5
  k = k + 1
until done
while true do
  k = k - 1
  if k < 0 then break elseif k == 2 then k = k - 1 else k = k + 0 end
end
for key, value in pairs({a = 1, b = 2}) do sum = sum + value end
goto done
::done::
print(sum, 7 // 2, 7.0 // 2, 2^10, -2^2, 1e10, 0x1p4, 0xff, 3 % -2, "a" .. "b" .. 1, 1 <= 2, 3 > 2)
"#,
    // Long strings, escapes, comments, <close>, recursion, varargs at the top level.
    r#"local s = [[
line one
line "two"]]
local s2 = [==[ contains ]] and ]=] ]==]
local e = "tab\tnew\nline\\ \"q\" \x41\65\u{48}\u{7FFFFFFF} \z
     continued" .. 'single \'quoted\' \
next line'
--[[ block
comment ]] --[==[ another ]] ]==]
-- line comment
do
  local x <close> = setmetatable({}, {__close = function(o, err) print("closed", err) end})
  local y <const>, z = 10, 20
end
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(#s, s2, e, fib(10), ("x"):rep(3), #{...}, select(2, ...))
return s, s2;
"#,
    // Nested functions and upvalues, coroutines, calls with string and table arguments.
    r#"local function outer()
  local a = 1
  local function middle()
    local b = 2
    return function()
      local c = 3
      a, b, c = c, a, b
      return a + b * c - (a - b) / c
    end
  end
  return middle()
end
local co = coroutine.wrap(function(...)
  local args = table.pack(...)
  for i = 1, args.n do coroutine.yield(args[i]) end
end)
print(co(1, 2, 3), co(), outer()())
local obj = {data = {1, 2, 3}}
function obj.data.helper(x) return x end
function obj:method(...) return self.data[1], ... end
print(obj:method "str", obj.method{1}, not nil == true, a and b or c, x ~= y, #"len", -x ^ 2)
local t = {} t.x, t.y = 1, 2; (print)(t.x)
"#,
];

#[test]
fn valid_programs_parse() {
    for program in PROGRAMS {
        if let Err(e) = parse_chunk(program.as_bytes(), "chunk") {
            panic!("{e}\nin:\n{program}");
        }
    }
}

#[test]
fn truncated_programs() {
    for program in PROGRAMS {
        let bytes = program.as_bytes();
        for end in 0..=bytes.len() {
            check(&bytes[..end]);
        }
    }
}

/// Splits `source` into rough token spans: runs of word characters, runs of spaces, and
/// single other bytes.
fn spans(source: &[u8]) -> Vec<(usize, usize)> {
    let class = |b: u8| match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' => 0,
        b' ' | b'\t' | b'\n' | b'\r' => 1,
        _ => 2,
    };
    let mut out = Vec::new();
    let mut start = 0;
    while start < source.len() {
        let c = class(source[start]);
        let mut end = start + 1;
        if c != 2 {
            while end < source.len() && class(source[end]) == c {
                end += 1;
            }
        }
        out.push((start, end));
        start = end;
    }
    out
}

fn mutate(rng: &mut Rng, source: &[u8], spans: &[(usize, usize)]) -> Vec<u8> {
    let mut out = source.to_vec();
    let (start, end) = *rng.pick(spans);
    match rng.below(7) {
        // Replace one byte.
        0 => {
            let at = rng.below(out.len());
            out[at] = rng.below(256) as u8;
        }
        // Delete one byte.
        1 => {
            out.remove(rng.below(out.len()));
        }
        // Duplicate one byte.
        2 => {
            let at = rng.below(out.len());
            out.insert(at, out[at]);
        }
        // Delete a token span.
        3 => {
            out.drain(start..end);
        }
        // Duplicate a token span.
        4 => {
            let copy = source[start..end].to_vec();
            out.splice(end..end, copy);
        }
        // Replace a token span with a pool spelling.
        5 => {
            out.splice(start..end, rng.pick(POOL).bytes());
        }
        // Move a token span elsewhere.
        _ => {
            let copy: Vec<u8> = out.drain(start..end).collect();
            let at = rng.below(out.len() + 1);
            out.splice(at..at, copy);
        }
    }
    out
}

#[test]
fn mutated_programs() {
    let mut rng = Rng::new(0x5EED_0002);
    for program in PROGRAMS {
        let bytes = program.as_bytes();
        let spans = spans(bytes);
        for _ in 0..1000 {
            let mut mutated = mutate(&mut rng, bytes, &spans);
            // Sometimes stack a second mutation on the first.
            if rng.chance(25) && !mutated.is_empty() {
                let more = self::spans(&mutated);
                mutated = mutate(&mut rng, &mutated, &more);
            }
            check(&mutated);
        }
    }
}

/// A source nesting a construct `depth` times: `open` repeated, then `core`, then `close`
/// repeated, all inside `prefix`.
struct Nest {
    name: &'static str,
    prefix: &'static str,
    open: &'static str,
    core: &'static str,
    close: &'static str,
}

const NESTS: &[Nest] = &[
    Nest { name: "parentheses", prefix: "x = ", open: "(", core: "1", close: ")" },
    Nest { name: "table constructors", prefix: "x = ", open: "{", core: "", close: "}" },
    Nest { name: "index brackets", prefix: "x = ", open: "a[", core: "1", close: "]" },
    Nest { name: "calls", prefix: "", open: "f(", core: "1", close: ")" },
    Nest { name: "do blocks", prefix: "", open: "do ", core: "", close: " end" },
    Nest { name: "while loops", prefix: "", open: "while true do ", core: "", close: " end" },
    Nest { name: "if statements", prefix: "", open: "if x then ", core: "", close: " end" },
    Nest {
        name: "function expressions",
        prefix: "x = ",
        open: "function() return ",
        core: "1",
        close: " end",
    },
    Nest { name: "repeat loops", prefix: "", open: "repeat ", core: "", close: " until x" },
    Nest { name: "unary minus", prefix: "x = ", open: "- ", core: "1", close: "" },
    Nest { name: "not", prefix: "x = ", open: "not ", core: "x", close: "" },
    Nest { name: "concatenation", prefix: "x = ", open: "a .. ", core: "a", close: "" },
    Nest { name: "power", prefix: "x = ", open: "2 ^ ", core: "2", close: "" },
];

fn nested(nest: &Nest, depth: usize) -> String {
    let mut s = String::with_capacity(nest.prefix.len() + depth * (nest.open.len() + nest.close.len()) + 8);
    s.push_str(nest.prefix);
    for _ in 0..depth {
        s.push_str(nest.open);
    }
    s.push_str(nest.core);
    for _ in 0..depth {
        s.push_str(nest.close);
    }
    s
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for nest in NESTS {
        let shallow = nested(nest, 50);
        if let Err(e) = parse_chunk(shallow.as_bytes(), "chunk") {
            panic!("{} at depth 50: {e}", nest.name);
        }
        let deep = nested(nest, 100_000);
        match parse_chunk(deep.as_bytes(), "chunk") {
            Ok(_) => panic!("{} at depth 100000 parsed", nest.name),
            Err(e) => {
                assert_eq!(e.kind, SyntaxErrorKind::TooDeep, "{}: {e}", nest.name);
                assert_eq!(e.to_string(), "C stack overflow", "{}", nest.name);
            }
        }
    }
}

/// `head`, then `item` `count` times, then `tail`.
fn flat(head: &str, item: &str, count: usize, tail: &str) -> String {
    let mut s = String::with_capacity(head.len() + item.len() * count + tail.len());
    s.push_str(head);
    for _ in 0..count {
        s.push_str(item);
    }
    s.push_str(tail);
    s
}

#[test]
fn long_flat_constructs_parse_and_drop() {
    let cases = [
        ("sum of 200000 terms", flat("x = 1", " + 1", 199_999, "")),
        ("chain of 200000 fields", flat("x = a", ".b", 200_000, "")),
        ("chain of 100000 calls", flat("f", "()", 100_000, "")),
        ("100000 statements", flat("", "x = 1\n", 100_000, "")),
        ("table of 200000 items", flat("x = {", "1, ", 200_000, "}")),
        ("20000 elseifs", flat("if x then y = 1", " elseif x then y = 2", 20_000, " else y = 3 end")),
    ];
    for (name, source) in &cases {
        match parse_chunk(source.as_bytes(), "chunk") {
            // The AST drops here, at the end of the arm.
            Ok(block) => drop(block),
            Err(e) => panic!("{name}: {e}"),
        }
    }
}
