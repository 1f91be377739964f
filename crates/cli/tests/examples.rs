//! The shipped examples run through the command line, as the README shows them, and
//! their output is reviewed as insta snapshots. (`crates/moonlet/tests/examples.rs`
//! drives the same scripts through the embedding API.)

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `moonlet ARGS` from the repository's top directory: its standard output.
fn moonlet(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_moonlet"))
        .args(args)
        .current_dir(root())
        .env_remove("LUA_INIT")
        .env_remove("LUA_INIT_5_4")
        .output()
        .expect("run moonlet");
    assert!(output.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A scratch directory of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("moonlet-examples-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temporary path")
}

#[test]
fn hello() {
    insta::assert_snapshot!("hello", moonlet(&["examples/hello.lua"]));
}

#[test]
fn request_response() {
    insta::assert_snapshot!(
        "request",
        moonlet(&["--input", "examples/data/request.json", "examples/request.lua"])
    );
}

#[test]
fn batch_statistics_over_100000_items() {
    let dir = scratch("batch");
    let items = dir.join("items.json");
    std::fs::write(&items, moonlet(&["examples/data/make_items.lua", "100000"])).unwrap();
    insta::assert_snapshot!("batch_stats", moonlet(&["--input", path(&items), "examples/batch_stats.lua"]));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_step_pipeline() {
    let dir = scratch("pipeline");
    let step1 = dir.join("step1.json");
    let first = moonlet(&[
        "--input",
        "examples/data/people.json",
        "--output",
        path(&step1),
        "examples/pipeline_filter.lua",
    ]);
    let step1_text = std::fs::read_to_string(&step1).unwrap();
    let second = moonlet(&["--input", path(&step1), "examples/pipeline_transform.lua"]);
    insta::assert_snapshot!("pipeline", format!("{first}{step1_text}{second}"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn aggregation_and_grouping() {
    insta::assert_snapshot!(
        "group",
        moonlet(&["--input", "examples/data/transactions.json", "examples/group.lua"])
    );
}

#[test]
fn incremental_input_fields() {
    let out = moonlet(&["--input", "examples/data/incremental.json", "examples/incremental.lua"]);
    insta::assert_snapshot!("incremental", out);
}

#[test]
fn structured_error_handling() {
    insta::assert_snapshot!(
        "errors",
        moonlet(&["--input", "examples/data/divide.json", "examples/errors.lua"])
    );
}

#[test]
fn metadata() {
    let out = moonlet(&[
        "--input",
        "examples/data/request.json",
        "--meta",
        "examples/data/meta.json",
        "examples/metadata.lua",
    ]);
    insta::assert_snapshot!("metadata", out);
}

#[test]
fn a_home_counter_survives_three_runs() {
    let dir = scratch("counter");
    let home = dir.join("counter.home");
    let runs: Vec<String> =
        (0..3).map(|_| moonlet(&["--home", path(&home), "examples/counter.lua"])).collect();
    insta::assert_snapshot!("counter", runs.concat());
    let _ = std::fs::remove_dir_all(&dir);
}
