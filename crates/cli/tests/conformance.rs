//! Conformance: moonlet must say what `lua5.4` says.
//!
//! Every `conformance/**/*.lua` case has expectations produced by the reference
//! interpreter (`conformance/regenerate.py`): `CASE.expected` (stdout) and, when lua5.4
//! failed, `CASE.error` (its message). Cases run from the `conformance/` directory so
//! chunk names are the same relative paths lua5.4 saw.
//!
//! The `syntax/` cases never run code: each is checked with `moonlet -p`, which must
//! accept exactly the files lua5.4 loaded and report exactly lua5.4's syntax errors.

use std::path::{Path, PathBuf};
use std::process::Command;

fn conformance_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance")
}

fn cases_under(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            cases_under(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "lua") {
            found.push(path);
        }
    }
}

/// Checks one syntax case; returns a description of the mismatch, if any.
fn check_syntax_case(root: &Path, case: &Path) -> Option<String> {
    let relative = case.strip_prefix(root).expect("case under conformance/");
    let expected_error = std::fs::read_to_string(case.with_extension("error")).ok();
    let output = Command::new(env!("CARGO_BIN_EXE_moonlet"))
        .arg("-p")
        .arg(relative)
        .current_dir(root)
        .output()
        .expect("run moonlet");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let actual_error = stderr.strip_prefix("moonlet: ").map(str::to_owned);
    match (expected_error, output.status.success()) {
        (None, true) => None,
        (None, false) => Some(format!("{}: lua5.4 accepts it, moonlet says: {stderr}", relative.display())),
        (Some(expected), true) => {
            Some(format!("{}: moonlet accepts it, lua5.4 says: {expected}", relative.display()))
        }
        (Some(expected), false) if actual_error.as_deref() == Some(expected.as_str()) => None,
        (Some(expected), false) => Some(format!(
            "{}:\n  lua5.4:  {}\n  moonlet: {}",
            relative.display(),
            expected.trim_end(),
            stderr.trim_end()
        )),
    }
}

#[test]
fn syntax_cases_match_lua() {
    let root = conformance_dir();
    let mut cases = Vec::new();
    cases_under(&root.join("syntax"), &mut cases);
    assert!(cases.len() >= 150, "expected the syntax corpus, found {} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|case| check_syntax_case(&root, case)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} syntax cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
