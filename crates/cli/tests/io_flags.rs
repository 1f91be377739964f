//! The `_io` options of the `moonlet` command: `--input FILE` (`-` for standard input)
//! and `--meta FILE` fill `_io.input` and `_io.meta` from JSON, `--output FILE` says where
//! `_io.output` goes (standard output by default, when set). Bad JSON is an error with
//! the file, line and column, and exit status 1.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::json;

struct Run {
    ok: bool,
    out: String,
    err: String,
}

fn run_in(dir: &Path, args: &[&str], input: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_moonlet"))
        .args(args)
        .current_dir(dir)
        .env_remove("LUA_INIT")
        .env_remove("LUA_INIT_5_4")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run moonlet");
    let mut stdin = child.stdin.take().expect("piped stdin");
    // moonlet may exit without reading its input (a refused command line).
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    let output = child.wait_with_output().expect("wait for moonlet");
    Run {
        ok: output.status.success(),
        out: String::from_utf8_lossy(&output.stdout).into_owned(),
        err: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A fresh directory with `files` written in it.
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("moonlet-io-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch directory");
    for (file, text) in files {
        std::fs::write(dir.join(file), text).expect("write file");
    }
    dir
}

const ORDER: &str =
    r#"{"id": 7, "items": [{"name": "tea", "price": 2}, {"name": "cake", "price": 3.5}], "note": null}"#;

#[test]
fn input_and_meta_fill_io_and_the_output_is_printed_as_json() {
    let dir = scratch("basic", &[("order.json", ORDER), ("meta.json", r#"{"requestId": "r-1"}"#)]);
    let script = r#"
        local total = 0
        for _, item in ipairs(_io.input.items) do total = total + item.price end
        _io.meta.items = #_io.input.items
        print('computed')
        _io.output = { id = _io.input.id, total = total, note = _io.input.note,
                       same = _io.input.items == _io.input.items, meta = _io.meta, none = {} }"#;
    let r = run_in(&dir, &["--input", "order.json", "--meta", "meta.json", "-e", script], "");
    assert!(r.ok, "{}", r.err);
    let (printed, json_line) = r.out.split_once('\n').expect("two lines");
    assert_eq!(printed, "computed");
    let output: serde_json::Value = serde_json::from_str(json_line).expect("JSON on stdout");
    let expected = json!({ "id": 7, "total": 5.5, "same": true, "meta": { "requestId": "r-1", "items": 2 }, "none": [] });
    assert_eq!(output, expected);
    // The `--opt=FILE` form, and a script file with arguments after the options.
    std::fs::write(dir.join("s.lua"), "_io.output = { n = #_io.input.items, arg = ... }").expect("write");
    let r = run_in(&dir, &["--input=order.json", "s.lua", "x"], "");
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "{\"arg\":\"x\",\"n\":2}\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn nothing_is_printed_without_output_and_nothing_after_an_error() {
    let dir = scratch("none", &[("order.json", ORDER)]);
    let r = run_in(&dir, &["--input", "order.json", "-e", "print(_io.input.items[2].name)"], "");
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "cake\n");
    let r = run_in(&dir, &["-e", "_io.output = { x = 1 } error('late')"], "");
    assert!(!r.ok);
    assert_eq!(r.out, "");
    assert!(r.err.starts_with("moonlet: (command line):1: late\n"), "{}", r.err);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_goes_to_the_file_named() {
    let dir = scratch("output", &[("order.json", ORDER)]);
    let r = run_in(
        &dir,
        &["--input", "order.json", "--output", "out.json", "-e", "print('hi') _io.output = _io.input"],
        "",
    );
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "hi\n");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out.json")).expect("out.json"))
            .expect("JSON");
    assert_eq!(
        written,
        json!({ "id": 7, "items": [{"name": "tea", "price": 2}, {"name": "cake", "price": 3.5}] })
    );
    // With no output, the file says so (it is this run's, not a stale one).
    let r = run_in(&dir, &["--output", "out.json", "-e", "x = 1"], "");
    assert!(r.ok, "{}", r.err);
    assert_eq!(std::fs::read_to_string(dir.join("out.json")).expect("out.json"), "null\n");
    // `-` is standard output.
    let r = run_in(&dir, &["--output", "-", "-e", "_io.output = 'text'"], "");
    assert_eq!(r.out, "\"text\"\n");
    let r = run_in(&dir, &["--output", "no/such/dir/out.json", "-e", "_io.output = 1"], "");
    assert!(!r.ok);
    assert_eq!(r.err, "moonlet: cannot write no/such/dir/out.json: No such file or directory\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn input_from_stdin() {
    let dir = scratch("stdin", &[("s.lua", "_io.output = { sum = _io.input[1] + _io.input[2] }")]);
    let r = run_in(&dir, &["--input", "-", "s.lua"], "[40, 2]");
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "{\"sum\":42}\n");
    // Scripts read an empty standard input after it.
    let r = run_in(&dir, &["--input", "-", "-e", "print(_io.input, io.read('a'))"], "\"doc\"");
    assert_eq!(r.out, "doc\t\n");
    // Standard input cannot be both the script and the input.
    let r = run_in(&dir, &["--input", "-", "-"], "[1]");
    assert!(!r.ok);
    assert_eq!(r.err, "moonlet: standard input cannot be both the script and --input\n");
    let r = run_in(&dir, &["--input", "-"], "[1]");
    assert!(!r.ok);
    assert_eq!(r.err, "moonlet: no script to run (standard input is the --input)\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_json_is_an_error_with_file_line_and_column() {
    let dir = scratch("bad", &[("bad.json", "{\n  \"a\": 1,\n  \"b\": ]\n}\n"), ("ok.json", "{}")]);
    let r = run_in(&dir, &["--input", "bad.json", "-e", "print('ran')"], "");
    assert!(!r.ok);
    assert_eq!(r.out, "", "no code runs");
    assert_eq!(r.err, "moonlet: bad.json:3:8: expected value\n");
    let r = run_in(&dir, &["--input", "ok.json", "--meta", "bad.json", "-e", "1"], "");
    assert_eq!(r.err, "moonlet: bad.json:3:8: expected value\n");
    let r = run_in(&dir, &["--input", "-", "-e", "1"], "[1, 2\n");
    assert!(!r.ok);
    assert_eq!(r.err, "moonlet: stdin:1:6: EOF while parsing a list\n");
    let r = run_in(&dir, &["--input", "missing.json", "-e", "1"], "");
    assert!(!r.ok);
    assert_eq!(r.err, "moonlet: cannot open missing.json: No such file or directory\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn input_is_read_only_and_meta_and_output_must_be_json() {
    let dir = scratch("rules", &[("order.json", ORDER), ("meta.json", "[1]")]);
    let r = run_in(&dir, &["--input", "order.json", "-e", "_io.input.id = 8"], "");
    assert!(!r.ok);
    assert!(
        r.err.starts_with("moonlet: (command line):1: external table is read-only (field 'id')\n"),
        "{}",
        r.err
    );
    let r = run_in(&dir, &["--meta", "meta.json", "-e", "_io.meta[2] = 2 _io.output = _io.meta"], "");
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "[1,2]\n");
    let r = run_in(&dir, &["-e", "_io.output = { bad = 0/0 }"], "");
    assert!(!r.ok);
    assert_eq!(
        r.err,
        "moonlet: _io.output: cannot convert a number to JSON: NaN and infinities have no JSON form (field 'bad')\n"
    );
    let r = run_in(&dir, &["--input"], "");
    assert!(!r.ok);
    assert!(r.err.starts_with("moonlet: '--input' needs argument\nusage:"), "{}", r.err);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn home_persists_across_runs_only_after_success_and_a_corrupt_file_stops_the_run() {
    let dir = scratch("home", &[]);
    let count = "_home.n = (_home.n or 0) + 1 print(_home.n)";
    for expected in ["1\n", "2\n", "3\n"] {
        let r = run_in(&dir, &["--home", "state.home", "-e", count], "");
        assert!(r.ok, "{}", r.err);
        assert_eq!(r.out, expected);
    }
    // A failing run does not save.
    let r = run_in(&dir, &["--home", "state.home", "-e", "_home.n = 100 error('stop')"], "");
    assert!(!r.ok);
    let r = run_in(&dir, &["--home", "state.home", "-e", count], "");
    assert_eq!(r.out, "4\n");
    // A corrupt file: an error naming it, exit 1, and the file is left as it was.
    let path = dir.join("state.home");
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&path, &bytes).unwrap();
    let r = run_in(&dir, &["--home", "state.home", "-e", count], "");
    assert!(!r.ok);
    assert!(r.err.starts_with("moonlet: home file 'state.home' is corrupt: bad checksum"), "{}", r.err);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn limits_stop_a_chunk_with_an_error_and_exit_status_1() {
    let dir = scratch("limits", &[]);
    let cases = [
        (vec!["--max-instructions", "100000", "-e", "while true do end"], "instruction limit exceeded"),
        (vec!["--timeout=0.1", "-e", "while true do pcall(function() end) end"], "time limit exceeded"),
        (
            vec!["--max-memory", "4000000", "-e", "local t = {} for i = 1, 1e7 do t[i] = {} end"],
            "not enough memory",
        ),
    ];
    for (args, limit) in cases {
        let r = run_in(&dir, &args, "");
        assert!(!r.ok, "{args:?}");
        assert!(
            r.err.starts_with(&format!("moonlet: (command line):1: {limit}\nstack traceback:")),
            "{}",
            r.err
        );
    }
    let r = run_in(&dir, &["--max-instructions", "1000000", "-e", "print(1 + 1)"], "");
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "2\n");
    let r = run_in(&dir, &["--timeout", "soon", "-e", "1"], "");
    assert!(
        r.err.starts_with("moonlet: '--timeout' needs a positive number, not 'soon'\nusage:"),
        "{}",
        r.err
    );
    let _ = std::fs::remove_dir_all(&dir);
}
