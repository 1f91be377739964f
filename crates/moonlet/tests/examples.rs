//! The shipped examples (`examples/`), driven through the public API the way a host
//! would drive them, with their outputs reviewed as insta snapshots. The same examples
//! run through the command line in `crates/cli/tests/examples.rs`; both must agree.

use std::path::PathBuf;

use moonlet::home::MemoryStore;
use moonlet::{HostTable, HostValue, JsonData, Lua, Record, Records};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn script(name: &str) -> String {
    std::fs::read_to_string(root().join("examples").join(name)).expect("example script")
}

fn data(name: &str) -> JsonData {
    let text = std::fs::read(root().join("examples/data").join(name)).expect("example data");
    JsonData::parse(text).expect("example data is JSON")
}

/// Runs `name` with `input` and what `prepare` adds; what it printed, then its output
/// as JSON.
fn run(lua: &mut Lua, name: &str) -> String {
    lua.load(script(name)).name(name).exec().expect("example runs");
    let output = lua.output_json().expect("output converts to JSON");
    format!("{}{output}\n", lua.printed())
}

#[test]
fn request_response() {
    let mut lua = Lua::new();
    lua.set_input(data("request.json")).unwrap();
    insta::assert_snapshot!("request", run(&mut lua, "request.lua"));
}

/// The items of `make_items.lua`, as host records: the same generator.
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

fn items(n: i64) -> Vec<Item> {
    let mut x: i64 = 12345;
    (1..=n)
        .map(|id| {
            x = (1103515245 * x + 12345) % 2147483648;
            // As `string.format('%.2f')` then JSON parsing: the value to two decimals.
            let value: f64 = format!("{:.2}", (x % 1000000) as f64 / 100.0).parse().unwrap_or(0.0);
            Item { id, value }
        })
        .collect()
}

#[test]
fn batch_statistics_over_100000_host_records() {
    let mut lua = Lua::new();
    lua.set_input_field("items", HostTable::new(Records(items(100_000)))).unwrap();
    insta::assert_snapshot!("batch_stats", run(&mut lua, "batch_stats.lua"));
}

#[test]
fn two_step_pipeline() {
    let mut lua = Lua::new();
    lua.set_input(data("people.json")).unwrap();
    let step1 = run(&mut lua, "pipeline_filter.lua");
    // Step 2 reads step 1's output in place: the external table is handed back as input.
    let output = lua.output();
    lua.clear_io().unwrap();
    lua.set_input(output).unwrap();
    let step2 = run(&mut lua, "pipeline_transform.lua");
    insta::assert_snapshot!("pipeline", format!("{step1}{step2}"));
}

#[test]
fn aggregation_and_grouping() {
    let mut lua = Lua::new();
    lua.set_input(data("transactions.json")).unwrap();
    insta::assert_snapshot!("group", run(&mut lua, "group.lua"));
}

#[test]
fn incremental_input_fields() {
    let mut lua = Lua::new();
    let config = moonlet::parse_json(r#"{ "config": { "maxItems": 100, "timeout": 30 } }"#).unwrap();
    lua.set_input(config).unwrap();
    let user = moonlet::parse_json(r#"{ "id": 123, "name": "Alice" }"#).unwrap();
    lua.set_input_field("currentUser", user).unwrap();
    insta::assert_snapshot!("incremental", run(&mut lua, "incremental.lua"));
}

#[test]
fn structured_error_handling() {
    let mut lua = Lua::new();
    lua.set_input(data("divide.json")).unwrap();
    let division_by_zero = run(&mut lua, "errors.lua");
    lua.set_input(moonlet::parse_json(r#"{ "operation": "divide", "a": 10, "b": 4 }"#).unwrap()).unwrap();
    let ok = run(&mut lua, "errors.lua");
    lua.set_input(moonlet::parse_json(r#"{ "operation": "pow" }"#).unwrap()).unwrap();
    let bad_operation = run(&mut lua, "errors.lua");
    insta::assert_snapshot!("errors", format!("{division_by_zero}{ok}{bad_operation}"));
}

#[test]
fn metadata() {
    let mut lua = Lua::new();
    lua.set_input(data("request.json")).unwrap();
    lua.set_meta(moonlet::parse_json(r#"{ "requestId": "req-12345", "version": "1.0.0" }"#).unwrap())
        .unwrap();
    let text = run(&mut lua, "metadata.lua");
    let meta = lua.meta();
    let meta = lua.to_json(&meta).unwrap();
    insta::assert_snapshot!("metadata", format!("{text}meta: {meta}\n"));
}

#[test]
fn a_home_counter_survives_three_runs() {
    let store = MemoryStore::new();
    let mut text = String::new();
    for _ in 0..3 {
        let mut lua = Lua::with_home(store.clone()).unwrap();
        text.push_str(&run(&mut lua, "counter.lua"));
        lua.save_home().unwrap();
    }
    insta::assert_snapshot!("counter", text);
}
