//! Lexing and parsing throughput on a large generated source: `benches/parse_template.lua`
//! repeated as function bodies (`_ = function(...) … end`) to about 2 MB.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use moonlet_lexer::Lexer;

const TEMPLATE: &str = include_str!("../../../benches/parse_template.lua");

/// The template repeated as function bodies until the source reaches `bytes`.
fn large_source(bytes: usize) -> Vec<u8> {
    let mut source = Vec::with_capacity(bytes + TEMPLATE.len() + 16);
    while source.len() < bytes {
        source.extend_from_slice(b"_ = function(...)\n");
        source.extend_from_slice(TEMPLATE.as_bytes());
        source.extend_from_slice(b"end\n");
    }
    source
}

fn bench_parse(c: &mut Criterion) {
    let source = large_source(2 << 20);
    let mut group = c.benchmark_group("front_end");
    group.throughput(Throughput::Bytes(source.len() as u64));
    group.sample_size(20);
    group.bench_function("lex_2MB", |b| {
        b.iter(|| Lexer::new(&source).filter(Result::is_ok).count());
    });
    group.bench_function("parse_2MB", |b| {
        b.iter(|| moonlet_parser::parse_chunk(&source, "bench").map(|block| block.stats.len()));
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
