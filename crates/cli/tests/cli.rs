//! The `moonlet` command as a user drives it: options, the `arg` table, standard input
//! read by `io.read`/`io.lines`, scripts from standard input, `require` of files next to
//! the current directory, the interactive loop, and exit statuses. Each expectation is
//! what `lua5.4` does with the same command line (checked by hand when written).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The result of one run: exit success, standard output, standard error.
struct Run {
    ok: bool,
    out: String,
    err: String,
}

/// Runs `moonlet args` in `dir` with `input` on standard input.
fn run_in(dir: &Path, args: &[&str], input: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_moonlet"))
        .args(args)
        .current_dir(dir)
        .env_remove("LUA_INIT")
        .env_remove("LUA_INIT_5_4")
        .env_remove("LUA_PATH")
        .env_remove("LUA_PATH_5_4")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run moonlet");
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(input.as_bytes()).expect("write stdin");
    drop(stdin);
    let output = child.wait_with_output().expect("wait for moonlet");
    Run {
        ok: output.status.success(),
        out: String::from_utf8_lossy(&output.stdout).into_owned(),
        err: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn run(args: &[&str], input: &str) -> Run {
    run_in(&std::env::temp_dir(), args, input)
}

/// A fresh directory for files a test needs.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("moonlet-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch directory");
    dir
}

#[test]
fn io_read_takes_several_formats_from_stdin() {
    let r = run(
        &[
            "-e",
            r#"print(io.read("n", "n", "l")) print(io.read("*n")) print(io.read("L")) print(io.read(3, 0))"#,
        ],
        "12 0x1F rest\n3.5e2\nline two\n",
    );
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "12\t31\t rest\n350.0\n\n\nlin\t\n");
}

#[test]
fn io_read_stops_at_the_first_failed_format() {
    let r = run(
        &["-e", r#"print(io.read("n", "l")) print(io.read("l")) print(io.read("a")) print(io.read("l"))"#],
        "word\n",
    );
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "nil\nword\n\nnil\n");
}

#[test]
fn io_lines_iterates_over_stdin() {
    let r = run(&["-e", r#"for l in io.lines() do io.write("[", l, "]") end print()"#], "a\n\nb\nlast");
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "[a][][b][last]\n");
    let r = run(&["-e", r#"for a, b in io.lines(nil, 1, "L") do io.write(a, "|", b) end"#], "ab\ncd\n");
    assert_eq!(r.out, "a|b\nc|d\n");
    let r = run(&["-e", r#"for n in io.stdin:lines("n") do print(n * 2) end"#], "1 2.5\n0x10 x 7");
    assert_eq!(r.out, "2\n5.0\n32\n");
}

#[test]
fn execute_options_run_in_order() {
    let r = run(&["-e", "x = 1", "-e", "print(x + 1)", "-ey=5", "-e", "print(y)"], "");
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "2\n5\n");
    let r = run(&["-e", "print(arg[0] ~= nil, arg[-1], arg[1], arg[2], #arg)"], "");
    assert_eq!(r.out, "true\tnil\t-e\tprint(arg[0] ~= nil, arg[-1], arg[1], arg[2], #arg)\t2\n");
}

#[test]
fn errors_are_reported_with_status_1() {
    let r = run(&["-e", "error('boom')"], "");
    assert!(!r.ok);
    assert!(r.err.starts_with("moonlet: (command line):1: boom\nstack traceback:\n"), "{}", r.err);
    let r = run(&["-e", "x ="], "");
    assert!(!r.ok);
    assert_eq!(r.err, "moonlet: (command line):1: unexpected symbol near <eof>\n");
    let r = run(&["-e", "error(setmetatable({}, {__tostring = function() return 'custom' end}))"], "");
    assert_eq!(r.err, "moonlet: custom\n");
    let r = run(&["no_such_script.lua"], "");
    assert!(!r.ok);
    assert_eq!(r.err, "moonlet: cannot open no_such_script.lua: No such file or directory\n");
}

#[test]
fn bad_options_print_the_usage() {
    let r = run(&["-x"], "");
    assert!(!r.ok);
    assert!(r.err.starts_with("moonlet: unrecognized option '-x'\nusage: moonlet [options]"), "{}", r.err);
    let r = run(&["-e"], "");
    assert!(r.err.starts_with("moonlet: '-e' needs argument\n"), "{}", r.err);
    let r = run(&["-l"], "");
    assert!(r.err.starts_with("moonlet: '-l' needs argument\n"), "{}", r.err);
}

#[test]
fn version_option() {
    let r = run(&["-v"], "");
    assert!(r.ok);
    assert!(r.out.starts_with("moonlet ") && r.out.contains("Lua 5.4"), "{}", r.out);
    let r = run(&["-v", "-e", "print(1)"], "");
    assert_eq!(r.out.lines().nth(1), Some("1"));
}

#[test]
fn scripts_get_arg_and_varargs() {
    let dir = scratch("args");
    std::fs::write(dir.join("s.lua"), "#!/usr/bin/env moonlet\nprint(#arg, arg[0], arg[-1] ~= nil, ...)\n")
        .expect("write script");
    let r = run_in(&dir, &["s.lua", "a", "b"], "");
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "2\ts.lua\ttrue\ta\tb\n");
    let r = run_in(&dir, &["-e", "x = 1", "--", "s.lua", "c"], "");
    assert_eq!(r.out, "1\ts.lua\ttrue\tc\n");
    let r = run_in(&dir, &["-", "x", "y"], "print(arg[0], arg[-1] ~= nil, ...)");
    assert_eq!(r.out, "-\ttrue\tx\ty\n");
    // With no script and input that is not a terminal, standard input is the script.
    let r = run_in(&dir, &[], "print('from stdin', ...)");
    assert_eq!(r.out, "from stdin\n");
    let r = run_in(&dir, &["-"], "error('in stdin')");
    assert!(r.err.starts_with("moonlet: stdin:1: in stdin\n"), "{}", r.err);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn require_and_dofile_use_files() {
    let dir = scratch("require");
    std::fs::create_dir_all(dir.join("pkg")).expect("create pkg");
    std::fs::write(
        dir.join("greet.lua"),
        "local name = ... return { hello = function() return 'hi ' .. name end }",
    )
    .expect("write");
    std::fs::write(dir.join("pkg/init.lua"), "return 'pkg ' .. select(2, ...)").expect("write");
    let r = run_in(&dir, &["-e", "print(require('greet').hello(), require('pkg'))"], "");
    assert!(r.ok, "{}", r.err);
    assert_eq!(r.out, "hi greet\tpkg ./pkg/init.lua\t./pkg/init.lua\n");
    let r = run_in(&dir, &["-l", "greet", "-l", "g=greet", "-e", "print(greet == g, g.hello())"], "");
    assert_eq!(r.out, "true\thi greet\n");
    let r = run_in(&dir, &["-e", "print(dofile('greet.lua'))"], "");
    assert!(r.out.starts_with("table: "), "{}", r.out);
    let r = run_in(&dir, &["-e", "dofile()"], "print('dofile reads stdin')");
    assert_eq!(r.out, "dofile reads stdin\n");
    let r = run_in(&dir, &["-e", "require('absent')"], "");
    assert!(!r.ok);
    assert!(
        r.err.contains(
            "module 'absent' not found:\n\tno field package.preload['absent']\n\tno file './absent.lua'"
        ),
        "{}",
        r.err
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lua_path_variables_change_the_search() {
    let dir = scratch("luapath");
    std::fs::create_dir_all(dir.join("lib")).expect("create lib");
    std::fs::write(dir.join("lib/m.lua"), "return 'from lib'").expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_moonlet"))
        .args(["-e", "print(require('m'), package.path)"])
        .current_dir(&dir)
        .env("LUA_PATH", "lib/?.lua;;")
        .env_remove("LUA_PATH_5_4")
        .stdout(Stdio::piped())
        .spawn()
        .expect("run moonlet");
    let mut out = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().expect("stdout"), &mut out).expect("read");
    let _ = child.wait();
    assert_eq!(out, "from lib\tlib/?.lua;./?.lua;./?/init.lua\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn interactive_loop_prints_results() {
    let r = run(
        &["-i"],
        "x = 1\nx + 1\nfor i = 1, 2 do\nprint(i)\nend\n= 'eq'\nreturn 1, 2\nprint(io.read())\nline\n",
    );
    assert!(r.ok, "{}", r.err);
    let expected = "> > 2\n> >> >> 1\n2\n> eq\n> 1\t2\n> line\n> \n";
    assert_eq!(r.out.split_once('\n').map(|(_, rest)| rest), Some(expected));
    let r = run(&["-i"], "x =\n\n= = =\n");
    assert!(r.err.contains("stdin:3: unexpected symbol near '='"), "{}", r.err);
}

#[test]
fn io_write_and_print_share_stdout() {
    let r =
        run(&["-e", "io.write('a') print('b') io.stdout:write('c'):write('\\n') io.stderr:write('err')"], "");
    assert_eq!(r.out, "ab\nc\n");
    assert_eq!(r.err, "err");
}
