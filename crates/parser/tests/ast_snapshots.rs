//! AST snapshots: one per construct of the Lua 5.4 grammar, printed with `dump_block`.
//!
//! Each snapshot is the parse of a short snippet; reviewing a snapshot means checking the
//! tree structure it shows (operators fully parenthesised, suffix chains flat).

use moonlet_parser::{dump_block, parse_chunk};

fn dump(source: &str) -> String {
    match parse_chunk(source.as_bytes(), "snippet") {
        Ok(block) => dump_block(&block),
        Err(e) => panic!("snippet failed to parse: {e}\n{source}"),
    }
}

macro_rules! snapshot {
    ($name:ident, $source:expr) => {
        #[test]
        fn $name() {
            let source: &str = $source;
            insta::assert_snapshot!(stringify!($name), dump(source), source);
        }
    };
}

snapshot!(empty_chunk, "");
snapshot!(semicolons_vanish, ";;; x = 1; ; y = 2 ;");
snapshot!(
    locals_and_attributes,
    "local a\nlocal b, c = 1, 2\nlocal d <const>, e <close> = f()\nlocal g <const> = 'k'"
);
snapshot!(multiple_assignment, "a, b.c, d[1] = 1, 2\n(f).x, g()[2] = ...");
snapshot!(
    literals,
    "x = nil, true, false, ..., 1, 1.5, 0x10, 0xA.8p1, 1e3, 9223372036854775808, 'a\\tb', [[long]]"
);
snapshot!(strings_are_bytes, "x = '\\xff\\0\\u{48}\\65', [==[\n]]\n]==]");
snapshot!(arithmetic_precedence, "x = 1 + 2 * 3 - 4 / 5 // 6 % 7");
snapshot!(left_assoc_runs_are_flat, "x = a - b + c - d\ny = a * b / c // d % e");
snapshot!(right_assoc_concat_and_pow, "x = a .. b .. c\ny = 2 ^ 3 ^ 2");
snapshot!(
    unary_binds_below_pow,
    "x = -x ^ 2\ny = 2 ^ -3\nz = 2 ^ -3 ^ 2\nw = not a == b\nv = #t + 1\nu = - - ~ x"
);
snapshot!(comparison_and_logic, "x = a < b and b <= c or d > e and not (f >= g) or h == i or j ~= k");
snapshot!(bitwise_precedence, "x = a | b ~ c & d << e >> f .. g\ny = ~a & b | c ~ d");
snapshot!(all_tiers_in_one, "x = a or b and c < d | e ~ f & g << h .. i + j * -k ^ l");
snapshot!(parenthesised_expressions, "x = (a + b) * c\ny = ((f()))\nz = (...)");
snapshot!(suffix_chains_are_flat, "x = a.b[c]:d(e)(f){g}'h'.i");
snapshot!(call_statements, "f()\nf(1, 2)\nf{1}\nf'x'\nf[[y]]\no:m(1)\no.p:q{}\nf()()\n(f)()");
snapshot!(string_and_table_call_sugar, "require 'mod'\nlocal t = setmetatable {} {}\nprint \"a\" \"b\"");
snapshot!(
    table_constructors,
    "t = {}\nt = {1, 2, 3,}\nt = {x = 1; y = 2; [k] = v, f(), ...}\nt = {[1] = {a = {}}; 'z'}"
);
snapshot!(
    function_statements,
    "function f() end\nfunction a.b.c() end\nfunction a.b:m(x, ...) return self end\nfunction g(...) end"
);
snapshot!(local_function, "local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end");
snapshot!(anonymous_functions, "f = function(a, b, ...) return a, b, ... end\ng = function() end");
snapshot!(do_blocks, "do local x = 1 do local y = 2 end end");
snapshot!(while_loop, "while i < 10 do i = i + 1 if i == 5 then break end end");
snapshot!(repeat_until_sees_body_locals, "repeat local done = step() until done");
snapshot!(if_elseif_else, "if a then x() elseif b then y() elseif c then z() else w() end\nif d then end");
snapshot!(numeric_for, "for i = 1, 10 do f(i) end\nfor i = 10, 1, -1 do end\nfor x = 0.5, 1.5, 0.25 do end");
snapshot!(generic_for, "for k, v in pairs(t) do print(k, v) end\nfor line in io.lines() do end\nfor a, b, c in f, s, i, close do end");
snapshot!(goto_and_labels, "::top:: goto continue\n::continue::\ngoto top");
snapshot!(returns, "return\n");
snapshot!(return_values, "do return 1, f(), ... end return;");
snapshot!(method_call_on_string_literal, "x = ('%d'):format(5)\ny = (\"x\"):rep(3)");
snapshot!(paren_statement_after_non_prefix, "x = 1\n(f)()\nlocal t = {}\n(g)()\ndo end\n(h)()\n;(i)()");
snapshot!(call_continues_after_prefix, "a = b\n(f)()\nlocal y = t.k\n(g)()\nx = 1 + c\n(h)()");
snapshot!(call_after_repeat_until_prefix, "repeat until x\n(f)()");
snapshot!(
    paren_after_function_and_literals,
    "x = function() end\n(f)()\ny = 'str'\n(g)()\nz = ...\n(h)()\nw = nil\n(k)()"
);
snapshot!(shebang_free_long_comment, "--[==[ comment ]] still\n]==] x = 1 -- line\n--[[ ]] y = 2");
snapshot!(integer_division_and_modulo, "q = 7 // 2\nr = -7 % 3\ns = 7.5 // 2");
snapshot!(
    nested_functions_and_upvalues,
    "local function counter() local n = 0 return function() n = n + 1 return n end end"
);
snapshot!(vararg_uses, "local a, b = ...\nlocal t = {...}\nlocal n = select('#', ...)\nf(...)");
