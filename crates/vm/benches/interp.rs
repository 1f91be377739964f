//! Hot paths of the interpreter: calls, numeric loops, table reads and writes, closures,
//! method calls through metatables, string building. Each bench runs one small program
//! from `load_proto` to its last return.

use criterion::{criterion_group, criterion_main, Criterion};
use moonlet_vm::OwnedState;

const PROGRAMS: &[(&str, &str)] = &[
    ("calls_fib20", "local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end return fib(20)"),
    ("loop_arith_1e5", "local s = 0 for i = 1, 100000 do s = s + i % 7 * 2 end return s"),
    (
        "table_rw_1e5",
        "local t = {} for i = 1, 100000 do t[i] = i end local s = 0 for i = 1, #t do s = s + t[i] end return s",
    ),
    (
        "closures_1e4",
        "local s = 0 for i = 1, 10000 do local f = function() return i end s = s + f() end return s",
    ),
    (
        "methods_1e4",
        "local C = {} C.__index = C function C:get() return self.v end \
         local o = setmetatable({v = 2}, C) local s = 0 for i = 1, 10000 do s = s + o:get() end return s",
    ),
    ("concat_1e3", "local s = '' for i = 1, 1000 do s = s .. 'x' end return #s"),
];

fn bench_programs(c: &mut Criterion) {
    let mut group = c.benchmark_group("interp");
    for (name, source) in PROGRAMS {
        let block = moonlet_parser::parse_chunk(source.as_bytes(), name).expect("parses");
        let proto = moonlet_compiler::compile(&block, source.as_bytes(), name).expect("compiles");
        let mut vm = OwnedState::new();
        let main = vm.load_proto(proto).expect("verifies");
        group.bench_function(*name, |b| b.iter(|| vm.call(&main, &[]).expect("runs")));
    }
    group.finish();
}

criterion_group!(benches, bench_programs);
criterion_main!(benches);
