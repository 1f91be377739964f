//! The host data channel against mlua (issue 5, point 8), side by side in one run.
//!
//! (a) `records_1m`: the host has 1,000,000 records `{id, value}`; a script sums `value`
//! over `ipairs(_io.input.items)` and leaves `_io.output = { sum = s }`; the host reads
//! the sum. End to end (set input + compute + read output) for moonlet's zero-copy
//! `Records`, a native moonlet table the host builds, that table copied into `_io.input`,
//! mlua's `to_value` and an mlua userdata with `__index`/`__len`. `iterate_1m`: the loop
//! alone, data already in place (external vs native, for the 1.5x goal).
//! (b) `output_100k`: a script builds a 100,000-entry `_io.output` (an `ext.table()`
//! filled in a loop, or a Lua table copied on assignment) and the host sums it (through
//! `Table::get` or `pairs`), against the same in mlua.
//! `set_input_records`: `set_input` of `Records` of 10^3..10^6 records (the `Vec` is
//! built outside the timed part), to show it is O(1).
//!
//! Run with `cargo bench -p moonlet --bench io`; figures in `benches/RESULTS.md`.

use std::hint::black_box;
use std::rc::Rc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use mlua::{LuaSerdeExt, MetaMethod, UserData, UserDataFields, UserDataMethods};
use moonlet::{HostTable, HostValue, Record, Records, Value};
use serde::Serialize;

/// One host record.
#[derive(Clone, Serialize)]
struct Item {
    id: i64,
    value: f64,
}

impl Record for Item {
    const FIELDS: &'static [&'static str] = &["id", "value"];
    fn field(&self, index: usize) -> HostValue<'_> {
        match index {
            0 => HostValue::Int(self.id),
            1 => HostValue::Float(self.value),
            _ => HostValue::Nil,
        }
    }
}

const RECORDS: usize = 1_000_000;
const OUTPUT: usize = 100_000;

/// `n` records; the values are multiples of 0.5, so every sum is exact.
fn items(n: usize) -> Vec<Item> {
    (1..=n as i64).map(|id| Item { id, value: (id % 100) as f64 * 0.5 }).collect()
}

/// The sum every variant must find.
fn expected_sum(items: &[Item]) -> f64 {
    items.iter().map(|it| it.value).sum()
}

/// The script of (a); `ITEMS` names where the records are.
fn sum_script(items: &str) -> String {
    format!(
        "local s = 0
         for _, it in ipairs({items}) do s = s + it.value end
         _io.output = {{ sum = s }}"
    )
}

// ---------------------------------------------------------------------------- moonlet

fn moonlet_output_sum(lua: &mut moonlet::Lua) -> f64 {
    match lua.output_field("sum").expect("output") {
        Value::Number(f) => f,
        Value::Integer(i) => i as f64,
        other => panic!("sum is {other:?}"),
    }
}

/// `items` as a Lua table of Lua tables, built through the host API.
fn moonlet_lua_table(lua: &mut moonlet::Lua, items: &[Item]) -> moonlet::Table {
    let list = lua.create_table();
    for (i, it) in items.iter().enumerate() {
        let record = lua.create_table();
        record.set(lua, "id", it.id).expect("set");
        record.set(lua, "value", it.value).expect("set");
        list.set(lua, i as i64 + 1, record).expect("set");
    }
    list
}

// ---------------------------------------------------------------------------- mlua

/// The records as one mlua userdata: `items[i]` is a record userdata, `#items` the count.
struct MluaItems(Rc<Vec<Item>>);

/// Record `index` (0-based) of the shared vector, fields read on access.
struct MluaItem(Rc<Vec<Item>>, usize);

impl UserData for MluaItems {
    fn add_methods<M: UserDataMethods<Self>>(methods: &mut M) {
        methods.add_meta_method(MetaMethod::Index, |lua, this, i: i64| {
            if i >= 1 && i as usize <= this.0.len() {
                lua.create_userdata(MluaItem(Rc::clone(&this.0), i as usize - 1)).map(mlua::Value::UserData)
            } else {
                Ok(mlua::Value::Nil)
            }
        });
        methods.add_meta_method(MetaMethod::Len, |_, this, ()| Ok(this.0.len()));
    }
}

impl UserData for MluaItem {
    fn add_fields<F: UserDataFields<Self>>(fields: &mut F) {
        fields.add_field_method_get("id", |_, this| Ok(this.0[this.1].id));
        fields.add_field_method_get("value", |_, this| Ok(this.0[this.1].value));
    }
}

/// An mlua state with `_io = {}` as a plain global table.
fn mlua_state() -> mlua::Lua {
    let lua = mlua::Lua::new();
    lua.load("_io = {}").exec().expect("runs");
    lua
}

fn mlua_set_input(lua: &mlua::Lua, items: mlua::Value) {
    let input = lua.create_table().expect("table");
    input.set("items", items).expect("set");
    let io: mlua::Table = lua.globals().get("_io").expect("_io");
    io.set("input", input).expect("set");
}

fn mlua_output(lua: &mlua::Lua) -> mlua::Table {
    let io: mlua::Table = lua.globals().get("_io").expect("_io");
    io.get("output").expect("output")
}

// ---------------------------------------------------------------------------- (a)

fn records_end_to_end(c: &mut Criterion) {
    let data = items(RECORDS);
    let expected = expected_sum(&data);
    let io_script = sum_script("_io.input.items");
    let global_script = sum_script("items");
    let mut group = c.benchmark_group("records_1m");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));

    // moonlet: the host's Vec handed over as it is.
    let mut lua = moonlet::Lua::new();
    group.bench_function("moonlet_records", |b| {
        b.iter_batched(
            || data.clone(),
            |vec| {
                lua.set_input_field("items", HostTable::new(Records(vec))).expect("set");
                lua.compute(&io_script).expect("runs");
                assert_eq!(moonlet_output_sum(&mut lua), expected);
            },
            BatchSize::PerIteration,
        )
    });
    drop(lua);

    // moonlet: the host builds a native Lua table, the script reads it as a global.
    let mut lua = moonlet::Lua::new();
    group.bench_function("moonlet_native_table", |b| {
        b.iter(|| {
            let table = moonlet_lua_table(&mut lua, &data);
            lua.globals().set(&mut lua, "items", table).expect("set");
            lua.compute(&global_script).expect("runs");
            assert_eq!(moonlet_output_sum(&mut lua), expected);
        })
    });
    drop(lua);

    // moonlet: the same native table stored into `_io.input` (copied into external tables).
    let mut lua = moonlet::Lua::new();
    group.bench_function("moonlet_table_copied_to_io", |b| {
        b.iter(|| {
            let table = moonlet_lua_table(&mut lua, &data);
            lua.set_input_field("items", table).expect("set");
            lua.compute(&io_script).expect("runs");
            assert_eq!(moonlet_output_sum(&mut lua), expected);
        })
    });
    drop(lua);

    // mlua: serde conversion of the Vec into Lua tables.
    let lua = mlua_state();
    group.bench_function("mlua_to_value", |b| {
        b.iter(|| {
            let value = lua.to_value(&data).expect("converts");
            mlua_set_input(&lua, value);
            lua.load(&io_script).exec().expect("runs");
            assert_eq!(mlua_output(&lua).get::<f64>("sum").expect("sum"), expected);
        })
    });
    drop(lua);

    // mlua: the Vec behind a userdata with `__index`/`__len`, records as userdata too.
    let lua = mlua_state();
    group.bench_function("mlua_userdata", |b| {
        b.iter_batched(
            || data.clone(),
            |vec| {
                let value = lua.create_userdata(MluaItems(Rc::new(vec))).expect("userdata");
                mlua_set_input(&lua, mlua::Value::UserData(value));
                lua.load(&io_script).exec().expect("runs");
                assert_eq!(mlua_output(&lua).get::<f64>("sum").expect("sum"), expected);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn records_iteration(c: &mut Criterion) {
    let data = items(RECORDS);
    let expected = expected_sum(&data);
    let io_script = sum_script("_io.input.items");
    let global_script = sum_script("items");
    let mut group = c.benchmark_group("iterate_1m");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));

    let mut lua = moonlet::Lua::new();
    lua.set_input_field("items", HostTable::new(Records(data.clone()))).expect("set");
    group.bench_function("moonlet_records", |b| {
        b.iter(|| {
            lua.compute(&io_script).expect("runs");
            assert_eq!(moonlet_output_sum(&mut lua), expected);
        })
    });
    drop(lua);

    let mut lua = moonlet::Lua::new();
    let table = moonlet_lua_table(&mut lua, &data);
    lua.set_input_field("items", table).expect("set");
    group.bench_function("moonlet_ext_store", |b| {
        b.iter(|| {
            lua.compute(&io_script).expect("runs");
            assert_eq!(moonlet_output_sum(&mut lua), expected);
        })
    });
    drop(lua);

    let mut lua = moonlet::Lua::new();
    let table = moonlet_lua_table(&mut lua, &data);
    lua.globals().set(&mut lua, "items", table).expect("set");
    group.bench_function("moonlet_native_table", |b| {
        b.iter(|| {
            lua.compute(&global_script).expect("runs");
            assert_eq!(moonlet_output_sum(&mut lua), expected);
        })
    });
    drop(lua);

    let lua = mlua_state();
    let value = lua.to_value(&data).expect("converts");
    mlua_set_input(&lua, value);
    group.bench_function("mlua_native_table", |b| {
        b.iter(|| {
            lua.load(&io_script).exec().expect("runs");
            assert_eq!(mlua_output(&lua).get::<f64>("sum").expect("sum"), expected);
        })
    });
    drop(lua);

    let lua = mlua_state();
    let value = lua.create_userdata(MluaItems(Rc::new(data.clone()))).expect("userdata");
    mlua_set_input(&lua, mlua::Value::UserData(value));
    group.bench_function("mlua_userdata", |b| {
        b.iter(|| {
            lua.load(&io_script).exec().expect("runs");
            assert_eq!(mlua_output(&lua).get::<f64>("sum").expect("sum"), expected);
        })
    });
    group.finish();
}

/// `set_input` of `Records` alone, at 10^3..10^6 records: the `Vec` is cloned in the
/// untimed setup, and the previous input is collected there too. `after_clone/N` times
/// the call right after that clone, which leaves more of the caches to the new records
/// (and less to the state) as N grows; `cold/N` first writes a 64 MiB buffer (more than
/// this machine's L3), so that every size starts from the same cold caches.
fn set_input_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("set_input_records");
    group.sample_size(20).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    let mut sweep = vec![0u8; 64 << 20];
    for (series, cold) in [("after_clone", false), ("cold", true)] {
        for n in [1_000, 10_000, 100_000, 1_000_000] {
            let data = items(n);
            let mut lua = moonlet::Lua::new();
            group.bench_function(format!("{series}/{n}"), |b| {
                // Setup and routine both need the state: timed by hand, one call at a
                // time (criterion sizes its samples by the closure's wall time, setup
                // included).
                b.iter_custom(|iterations| {
                    let mut timed = Duration::ZERO;
                    for _ in 0..iterations {
                        lua.set_input(Value::Nil).expect("set");
                        lua.load("collectgarbage()").exec().expect("runs");
                        let vec = data.clone();
                        if cold {
                            sweep.iter_mut().for_each(|byte| *byte = byte.wrapping_add(1));
                            black_box(&mut sweep);
                        }
                        let start = Instant::now();
                        lua.set_input(HostTable::new(Records(vec))).expect("set");
                        timed += start.elapsed();
                    }
                    timed
                })
            });
            let count = lua.compute("return #_io.input").expect("runs");
            assert_eq!(count, [Value::Integer(n as i64)]);
        }
    }
    group.finish();
}

// ---------------------------------------------------------------------------- (b)

/// The sum of the 100,000 entries `i * 0.5` (exact).
fn output_expected() -> f64 {
    (1..=OUTPUT).map(|i| i as f64 * 0.5).sum()
}

fn output_build_and_read(c: &mut Criterion) {
    let expected = output_expected();
    let ext_script =
        format!("local out = ext.table() for i = 1, {OUTPUT} do out[i] = i * 0.5 end _io.output = out");
    let copy_script =
        format!("local out = {{}} for i = 1, {OUTPUT} do out[i] = i * 0.5 end _io.output = out");
    let mut group = c.benchmark_group("output_100k");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));

    let moonlet_output = |lua: &mut moonlet::Lua| match lua.output() {
        Value::Table(t) => t,
        other => panic!("output is {other:?}"),
    };
    let mut lua = moonlet::Lua::new();
    for (name, script) in [("moonlet_ext_table", &ext_script), ("moonlet_lua_table_copied", &copy_script)] {
        group.bench_function(format!("{name}/get"), |b| {
            b.iter(|| {
                lua.compute(script).expect("runs");
                let out = moonlet_output(&mut lua);
                let n = out.len(&mut lua).expect("len");
                let mut sum = 0.0;
                for i in 1..=n {
                    sum += out.get::<f64>(&mut lua, i).expect("get");
                }
                assert_eq!(sum, expected);
            })
        });
        group.bench_function(format!("{name}/pairs"), |b| {
            b.iter(|| {
                lua.compute(script).expect("runs");
                let out = moonlet_output(&mut lua);
                let mut sum = 0.0;
                for (_, v) in out.pairs(&mut lua).expect("pairs") {
                    let Value::Number(f) = v else { panic!("entry is {v:?}") };
                    sum += f;
                }
                assert_eq!(sum, expected);
            })
        });
    }
    drop(lua);

    let lua = mlua_state();
    group.bench_function("mlua_lua_table/get", |b| {
        b.iter(|| {
            lua.load(&copy_script).exec().expect("runs");
            let out = mlua_output(&lua);
            let n = out.raw_len();
            let mut sum = 0.0;
            for i in 1..=n {
                sum += out.get::<f64>(i).expect("get");
            }
            assert_eq!(sum, expected);
        })
    });
    group.bench_function("mlua_lua_table/pairs", |b| {
        b.iter(|| {
            lua.load(&copy_script).exec().expect("runs");
            let out = mlua_output(&lua);
            let mut sum = 0.0;
            for entry in out.pairs::<i64, f64>() {
                sum += entry.expect("entry").1;
            }
            assert_eq!(sum, expected);
        })
    });
    group.finish();
}

criterion_group!(benches, records_end_to_end, records_iteration, set_input_scaling, output_build_and_read);
criterion_main!(benches);
