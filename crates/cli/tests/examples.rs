//! The shipped examples run, and their output is reviewed as insta snapshots.

use std::path::Path;
use std::process::Command;

fn run_example(name: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = Command::new(env!("CARGO_BIN_EXE_moonlet"))
        .arg(Path::new("examples").join(name))
        .current_dir(&root)
        .output()
        .expect("run moonlet");
    assert!(output.status.success(), "{name} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn hello() {
    insta::assert_snapshot!("hello", run_example("hello.lua"));
}
