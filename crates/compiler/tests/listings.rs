//! Bytecode listings of representative functions, reviewed as insta snapshots.
//!
//! Reviewing a snapshot means reading the listing as the VM will run it: registers,
//! jump targets (`; to N`), constants and upvalues.

fn listing(source: &str) -> String {
    let block = moonlet_parser::parse_chunk(source.as_bytes(), "listing")
        .unwrap_or_else(|e| panic!("does not parse: {e}\n{source}"));
    let proto = moonlet_compiler::compile(&block, source.as_bytes(), "listing")
        .unwrap_or_else(|e| panic!("does not compile: {e}\n{source}"));
    moonlet_compiler::listing(&proto)
}

macro_rules! snapshot {
    ($name:ident, $source:expr) => {
        #[test]
        fn $name() {
            let source: &str = $source;
            insta::assert_snapshot!(stringify!($name), listing(source), source);
        }
    };
}

snapshot!(recursive_fib, "local function fib(n)\n  if n < 2 then return n end\n  return fib(n - 1) + fib(n - 2)\nend\nprint(fib(20))");
snapshot!(
    numeric_for_loops,
    "local s = 0\nfor i = 1, 10 do s = s + i end\nfor x = 1.0, 0, -0.25 do s = s - x end\nreturn s"
);
snapshot!(generic_for_and_break, "for k, v in pairs(t) do\n  if v == nil then break end\n  print(k)\nend");
snapshot!(closures_share_upvalues, "local function counter()\n  local n = 0\n  return function() n = n + 1 return n end, function() return n end\nend\nlocal inc, get = counter()");
snapshot!(fresh_local_per_iteration, "local fs = {}\nfor i = 1, 3 do fs[i] = function() return i end end\nlocal j = 0\nwhile j < 3 do local k = j fs[#fs + 1] = function() return k end j = j + 1 end");
snapshot!(
    table_constructors,
    "local t = {1, 2, 3, x = 'a', ['y z'] = 4, [5] = 6, f(), ...}\nlocal u = {f()}\nlocal v = {(f())}"
);
snapshot!(method_calls_and_self, "local obj = {}\nfunction obj:get(k) return self[k] end\nfunction obj.static(a, b) return a .. b end\nreturn obj:get('x'), obj.static('a', 'b')");
snapshot!(varargs_and_multiple_results, "local function f(...)\n  local a, b = ...\n  local n = select('#', ...)\n  return n, ..., a\nend\nreturn f(1, 2, 3)");
snapshot!(and_or_and_comparisons, "local a, b, c = x, y, z\nlocal v = a and b or c\nif a < b and not (b >= 10) or c == 'k' then v = a ~= b end\nreturn v, 1 < 2, a > 5");
snapshot!(
    multiple_assignment_order,
    "local i, t = 1, {}\ni, t[i] = i + 1, 20\nt[i], i = 30, i + 1\na, b = b, a"
);
snapshot!(
    goto_continue,
    "for i = 1, 3 do\n  if i == 2 then goto continue end\n  local x = i\n  print(x)\n  ::continue::\nend"
);
snapshot!(
    to_be_closed_and_const,
    "do\n  local x <const> = 10\n  local h <close> = setmetatable({}, {__close = print})\n  print(x)\nend"
);
snapshot!(
    repeat_until_with_upvalue,
    "local fs = {}\nrepeat\n  local i = #fs\n  fs[#fs + 1] = function() return i end\nuntil i >= 2"
);
snapshot!(
    tail_calls,
    "local function loop(n) if n == 0 then return 'done' end return loop(n - 1) end\nreturn loop(10)"
);
snapshot!(arithmetic_forms, "local a, b = 3, 4\nreturn a + 1, a - 200, a * 2.5, a // b, a % 3, a ^ 2, a / b, a & 0xff, a | b, a ~ b, a << 2, a >> b, -a, ~a, #a, a .. b .. 'c'");
snapshot!(globals_and_env_local, "x = 1\nlocal _ENV = {y = 2}\ny = y + 1");
