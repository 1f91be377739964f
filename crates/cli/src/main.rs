//! The `moonlet` command: a Lua 5.4 interpreter for the terminal, used as `lua` is.
//!
//! `moonlet [options] [script [args]]` with `lua`'s options (`-e stat`, `-l mod`,
//! `-l g=mod`, `-i`, `-v`, `-E`, `-W`, `--`, `-` for a script on standard input), the
//! `arg` table as `lua` builds it, `LUA_INIT`/`LUA_PATH`/`LUA_CPATH`, and moonlet's own
//! `-p FILE...` (parse and compile only, like `luac -p`) and `--dump FILE` (list the
//! bytecode). Scripts run with every library a `lua` user expects ([`Libs::ALL`]: I/O on
//! the standard streams, files for `require`/`dofile`, the debug library).
//!
//! Owns command-line handling, how errors are reported and the exit status; the
//! interactive loop is `repl.rs`'s, all language work the library crates'.

mod repl;

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use moonlet_vm::value::Value;
use moonlet_vm::{Libs, LuaError, Vm};

const VERSION: &str = concat!("moonlet ", env!("CARGO_PKG_VERSION"), " (Lua 5.4)");

const USAGE: &str = "usage: moonlet [options] [script [args]]
Available options are:
  -e stat   execute string 'stat'
  -i        enter interactive mode after executing 'script'
  -l mod    require library 'mod' into global 'mod'
  -l g=mod  require library 'mod' into global 'g'
  -v        show version information
  -E        ignore environment variables
  -W        turn warnings on
  --        stop handling options
  -         stop handling options and execute stdin
  -p FILE...  parse and compile FILEs ('-' is stdin), report the first error
  --dump FILE list the bytecode of FILE";

/// The name errors are reported under (`moonlet: message`).
const PROGNAME: &str = "moonlet";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    match argv.get(1).map(String::as_str) {
        Some("-p") if argv.len() > 2 => return check_files(&argv[2..]),
        Some("-p") => return fail("no input files given"),
        Some("--dump") if argv.len() == 3 => return dump(&argv[2]),
        Some("--dump") => return fail("--dump takes one file"),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("--version") => {
            println!("{VERSION}");
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let options = match Options::parse(&argv) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{PROGNAME}: {message}\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let mut vm = Vm::new();
    vm.open_libs(Libs::ALL);
    let status = if run(&mut vm, &argv, &options) { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    // As `lua` does when it closes the state: pending finalizers run.
    vm.close();
    status
}

/// An action of the command line, in order.
enum Action {
    /// `-e stat`.
    Execute(String),
    /// `-l mod` or `-l g=mod`.
    Require(String),
}

/// What the command line asks for (as `lua.c`'s `collectargs`).
struct Options {
    actions: Vec<Action>,
    interactive: bool,
    version: bool,
    ignore_env: bool,
    warnings: bool,
    /// Index in `argv` of the script (`-` is standard input), if any.
    script: Option<usize>,
}

impl Options {
    fn parse(argv: &[String]) -> Result<Options, String> {
        let mut options = Options {
            actions: Vec::new(),
            interactive: false,
            version: false,
            ignore_env: false,
            warnings: false,
            script: None,
        };
        let mut i = 1;
        while let Some(arg) = argv.get(i) {
            if !arg.starts_with('-') || arg == "-" {
                options.script = Some(i);
                break;
            }
            match arg.as_str() {
                "--" => {
                    options.script = (i + 1 < argv.len()).then_some(i + 1);
                    break;
                }
                "-E" => options.ignore_env = true,
                "-W" => options.warnings = true,
                "-i" => {
                    options.interactive = true;
                    options.version = true;
                }
                "-v" => options.version = true,
                _ if arg.starts_with("-e") || arg.starts_with("-l") => {
                    let attached = &arg[2..];
                    let value = if attached.is_empty() {
                        i += 1;
                        match argv.get(i) {
                            Some(next) if !next.starts_with('-') => next.clone(),
                            _ => return Err(format!("'{}' needs argument", &arg[..2])),
                        }
                    } else {
                        attached.to_owned()
                    };
                    options.actions.push(if arg.starts_with("-e") {
                        Action::Execute(value)
                    } else {
                        Action::Require(value)
                    });
                }
                _ => return Err(format!("unrecognized option '{arg}'")),
            }
            i += 1;
        }
        Ok(options)
    }
}

/// Runs what the command line asks for; false after a reported error.
fn run(vm: &mut Vm, argv: &[String], options: &Options) -> bool {
    if options.version {
        println!("{VERSION}");
    }
    set_arg_table(vm, argv, options.script);
    if !options.ignore_env {
        set_paths(vm);
        if !run_init(vm) {
            return false;
        }
    }
    if options.warnings {
        let warn = vm.get_global("warn");
        if matches!(warn, Value::Function(_)) {
            let on = vm.intern(b"@on");
            let _ = vm.call(warn, &[on]);
        }
    }
    for action in &options.actions {
        let ok = match action {
            Action::Execute(code) => {
                let result = vm.load_text(code.as_bytes(), b"=(command line)").and_then(|f| vm.call(f, &[]));
                report(vm, result.map(drop))
            }
            Action::Require(spec) => {
                let (global, module) = spec.split_once('=').unwrap_or((spec, spec));
                let result = require(vm, global, module);
                report(vm, result)
            }
        };
        if !ok {
            return false;
        }
    }
    if let Some(index) = options.script {
        let args = argv.get(index + 1..).unwrap_or_default();
        if !run_script(vm, &argv[index], index > 0 && argv[index - 1] == "--", args) {
            return false;
        }
    }
    if options.interactive {
        repl::run(vm);
    } else if options.script.is_none() && options.actions.is_empty() && !options.version {
        if std::io::stdin().is_terminal() {
            println!("{VERSION}");
            repl::run(vm);
        } else {
            return run_script(vm, "-", false, &[]);
        }
    }
    true
}

/// `arg`: the script at 0, its arguments from 1, the interpreter and options below 0.
fn set_arg_table(vm: &mut Vm, argv: &[String], script: Option<usize>) {
    let script = script.unwrap_or(0);
    let table = vm.new_table();
    for (i, a) in argv.iter().enumerate() {
        let value = vm.intern(a.as_bytes());
        table.set_int(i as i64 - script as i64, value);
    }
    vm.set_global("arg", Value::Table(table));
}

/// `package.path` and `package.cpath` from `LUA_PATH_5_4`/`LUA_PATH` (and the `CPATH`
/// ones), where `;;` stands for the default path.
fn set_paths(vm: &mut Vm) {
    for (field, variable) in [("path", "LUA_PATH"), ("cpath", "LUA_CPATH")] {
        let value = std::env::var(format!("{variable}_5_4")).or_else(|_| std::env::var(variable));
        let Ok(value) = value else { continue };
        let package = vm.get_global("package");
        let Value::Table(package) = package else { return };
        let key = vm.intern(field.as_bytes());
        let default = match package.get(key) {
            Value::Str(s) => String::from_utf8_lossy(s.as_bytes()).into_owned(),
            _ => String::new(),
        };
        let path = match value.find(";;") {
            None => value,
            Some(at) => {
                let (prefix, suffix) = (&value[..at], &value[at + 2..]);
                let mut path = String::new();
                if !prefix.is_empty() {
                    path.push_str(prefix);
                    path.push(';');
                }
                path.push_str(&default);
                if !suffix.is_empty() {
                    path.push(';');
                    path.push_str(suffix);
                }
                path
            }
        };
        let path = vm.intern(path.as_bytes());
        let _ = package.set(key, path);
    }
}

/// `LUA_INIT_5_4` or `LUA_INIT`: code to run first (`@file` runs a file).
fn run_init(vm: &mut Vm) -> bool {
    let (name, code) = match std::env::var("LUA_INIT_5_4") {
        Ok(code) => ("=LUA_INIT_5_4", code),
        Err(_) => match std::env::var("LUA_INIT") {
            Ok(code) => ("=LUA_INIT", code),
            Err(_) => return true,
        },
    };
    let loaded = match code.strip_prefix('@') {
        Some(file) => vm.load_file(Some(file)),
        None => vm.load_text(code.as_bytes(), name.as_bytes()),
    };
    let result = loaded.and_then(|f| vm.call(f, &[]));
    report(vm, result.map(drop))
}

/// `-l g=mod`: `g = require(mod)`.
fn require(vm: &mut Vm, global: &str, module: &str) -> Result<(), LuaError> {
    let require = vm.get_global("require");
    let name = vm.intern(module.as_bytes());
    let results = vm.call(require, &[name])?;
    vm.set_global(global, results.first().copied().unwrap_or(Value::Nil));
    Ok(())
}

/// Runs the script `file` (`-` is standard input unless it follows `--`) with `args`.
fn run_script(vm: &mut Vm, file: &str, after_dashes: bool, args: &[String]) -> bool {
    let path = if file == "-" && !after_dashes { None } else { Some(file) };
    let main = match vm.load_file(path) {
        Ok(main) => main,
        Err(error) => return report(vm, Err(error)),
    };
    let args: Vec<Value> = args.iter().map(|a| vm.intern(a.as_bytes())).collect();
    let result = vm.call(main, &args).map(drop);
    report(vm, result)
}

/// Prints an error as `lua` does (`moonlet: message` and the traceback); true if none.
fn report(vm: &mut Vm, result: Result<(), LuaError>) -> bool {
    match result {
        Ok(()) => true,
        Err(error) => {
            eprintln!("{PROGNAME}: {}", error_text(vm, &error));
            false
        }
    }
}

/// An uncaught error as `lua` prints it: strings and numbers as text with the
/// traceback, objects with `__tostring` through it, anything else as
/// `(error object is a X value)` with the traceback.
fn error_text(vm: &mut Vm, error: &LuaError) -> String {
    let traceback = || error.traceback.clone().unwrap_or_else(|| "stack traceback:\n\t[C]: in ?".to_owned());
    match error.value {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => {
            let text = vm.tostring(error.value).map(|v| value_text(&v)).unwrap_or_default();
            // Errors raised before any code ran (syntax errors, missing files) have no
            // traceback.
            match &error.traceback {
                Some(_) => format!("{text}\n{}", traceback()),
                None => text,
            }
        }
        Value::Table(_) if vm.has_tostring(error.value) => {
            vm.tostring(error.value).map(|v| value_text(&v)).unwrap_or_default()
        }
        _ => format!("(error object is a {} value)\n{}", error.value.type_name(), traceback()),
    }
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Str(s) => String::from_utf8_lossy(s.as_bytes()).into_owned(),
        _ => String::new(),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{PROGNAME}: {message}");
    ExitCode::FAILURE
}

/// `luac -p`: parse and compile each file in turn, stop at the first error.
fn check_files(files: &[String]) -> ExitCode {
    for file in files {
        if let Err(message) = compile_file(file) {
            return fail(&message);
        }
    }
    ExitCode::SUCCESS
}

/// `--dump`: the bytecode listing of a file.
fn dump(file: &str) -> ExitCode {
    match compile_file(file) {
        Ok(proto) => {
            print!("{}", moonlet_compiler::listing(&proto));
            ExitCode::SUCCESS
        }
        Err(message) => fail(&message),
    }
}

/// Reads, parses and compiles a file; the error as the CLI reports it.
fn compile_file(file: &str) -> Result<moonlet_compiler::Proto, String> {
    let (source, chunk) = read_source(file)?;
    let block = moonlet_parser::parse_file(&source, &chunk).map_err(|e| e.to_string())?;
    let proto =
        moonlet_compiler::compile(&block, &source, &chunk).map_err(|e| e.to_string()).and_then(|proto| {
            // A compiler bug must not reach the interpreter: check the code it produced.
            moonlet_compiler::verify(&proto).map(|()| proto).map_err(|e| format!("{chunk}: {e}"))
        });
    // The process ends soon: freeing a large tree node by node would only cost time.
    std::mem::forget(block);
    proto
}

/// The bytes of `file` (`-` is standard input) and its chunk name as Lua shows it.
fn read_source(file: &str) -> Result<(Vec<u8>, String), String> {
    if file == "-" {
        let mut source = Vec::new();
        std::io::stdin().read_to_end(&mut source).map_err(|e| format!("cannot read stdin: {e}"))?;
        return Ok((source, "stdin".to_owned()));
    }
    let source = std::fs::read(file).map_err(|e| format!("cannot open {file}: {}", os_message(&e)))?;
    Ok((source, file.to_owned()))
}

/// An I/O error as C's `strerror` words it (Rust appends ` (os error N)`).
fn os_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}
