//! The `moonlet` command: a Lua 5.4 interpreter for the terminal, used as `lua` is.
//!
//! `moonlet [options] [script [args]]` with `lua`'s options (`-e stat`, `-l mod`,
//! `-l g=mod`, `-i`, `-v`, `-E`, `-W`, `--`, `-` for a script on standard input), the
//! `arg` table as `lua` builds it, `LUA_INIT`/`LUA_PATH`/`LUA_CPATH`, and moonlet's own
//! `-p FILE...` (parse and compile only, like `luac -p`), `--dump FILE` (list the
//! bytecode) and the `_io` options (`--input`, `--meta`, `--output`: see `io_files.rs`).
//! Scripts run in a [`moonlet::Lua`] state with every library a `lua` user expects
//! ([`Libs::ALL`]: I/O on the standard streams, files for `require`/`dofile`, the debug
//! library).
//!
//! Owns command-line handling, how errors are reported and the exit status; the
//! interactive loop is `repl.rs`'s, the JSON files `io_files.rs`'s, all language work
//! the library crates'. `-p` and `--dump` use the front end (parser and compiler)
//! directly: they never run code.

mod io_files;
mod repl;

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use moonlet::{Error, Libs, Limits, Lua, MultiValue, Value};

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
  --input FILE   set _io.input from the JSON file FILE ('-' is stdin)
  --meta FILE    set _io.meta from the JSON file FILE
  --output FILE  write _io.output as JSON to FILE after the run
                 (default: to stdout, when the script set it)
  --home FILE    load _home from FILE and save it there after the run
  --max-instructions N   stop a chunk after about N VM instructions
  --max-memory BYTES     stop a chunk whose heap grows past BYTES
  --timeout SECS         stop a chunk after SECS seconds
  -p FILE...  parse and compile FILEs ('-' is stdin), report the first error
  --dump FILE list the bytecode of FILE";

/// The name errors are reported under (`moonlet: message`).
const PROGNAME: &str = "moonlet";

fn main() -> ExitCode {
    // Arguments that are not UTF-8 are taken with replacement characters, not refused.
    let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    match argv.get(1).map(String::as_str) {
        Some("-p") if argv.len() > 2 => return check_files(argv.get(2..).unwrap_or_default()),
        Some("-p") => return fail("no input files given"),
        Some("--dump") if argv.len() == 3 => return dump(argv.get(2).map_or("", String::as_str)),
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
    let mut lua = Lua::with_libs(Libs::ALL);
    lua.set_print_sink(std::io::stdout());
    lua.set_limits(options.limits);
    let status = if run(&mut lua, &argv, &options) { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    // As `lua` does when it closes the state: pending finalizers run.
    lua.close();
    status
}

/// Takes `arg` if it is a limit (`--timeout 2.5` or `--timeout=2.5`): how many arguments
/// it used, `None` if it is not one.
fn parse_limit(limits: &mut Limits, arg: &str, next: Option<&String>) -> Result<Option<usize>, String> {
    for flag in ["--max-instructions", "--max-memory", "--timeout"] {
        let (value, taken) = if arg == flag {
            (next.ok_or_else(|| format!("'{flag}' needs argument"))?.as_str(), 2)
        } else if let Some(value) = arg.strip_prefix(flag).and_then(|rest| rest.strip_prefix('=')) {
            (value, 1)
        } else {
            continue;
        };
        let bad = || format!("'{flag}' needs a positive number, not '{value}'");
        match flag {
            "--timeout" => {
                let seconds: f64 = value.parse().map_err(|_| bad())?;
                let time = std::time::Duration::try_from_secs_f64(seconds).map_err(|_| bad())?;
                limits.time = Some(time);
            }
            "--max-memory" => limits.memory = Some(value.parse().map_err(|_| bad())?),
            _ => limits.instructions = Some(value.parse().map_err(|_| bad())?),
        }
        return Ok(Some(taken));
    }
    Ok(None)
}

/// An action of the command line, in order.
enum Action {
    /// `-e stat`.
    Execute(String),
    /// `-l mod` or `-l g=mod`.
    Require(String),
}

/// What the command line asks for (as `lua.c`'s `collectargs`, plus the `_io` files).
struct Options {
    actions: Vec<Action>,
    interactive: bool,
    version: bool,
    ignore_env: bool,
    warnings: bool,
    /// Index in `argv` of the script (`-` is standard input), if any.
    script: Option<usize>,
    io: io_files::IoFiles,
    /// `--max-instructions`, `--max-memory`, `--timeout`.
    limits: Limits,
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
            io: io_files::IoFiles::default(),
            limits: Limits::default(),
        };
        let mut i = 1;
        while let Some(arg) = argv.get(i) {
            if !arg.starts_with('-') || arg == "-" {
                options.script = Some(i);
                break;
            }
            if let Some(taken) = options.io.parse_option(arg, argv.get(i + 1))? {
                i += taken;
                continue;
            }
            if let Some(taken) = parse_limit(&mut options.limits, arg, argv.get(i + 1))? {
                i += taken;
                continue;
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
                    let (flag, attached) = arg.split_at(2);
                    let value = if attached.is_empty() {
                        i += 1;
                        match argv.get(i) {
                            Some(next) if !next.starts_with('-') => next.clone(),
                            _ => return Err(format!("'{flag}' needs argument")),
                        }
                    } else {
                        attached.to_owned()
                    };
                    options.actions.push(if flag == "-e" {
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

    /// Whether the script is standard input (`-`, unless it follows `--`).
    fn script_is_stdin(&self, argv: &[String]) -> bool {
        let Some(index) = self.script else { return false };
        let after_dashes = index > 0 && argv.get(index - 1).is_some_and(|a| a == "--");
        argv.get(index).is_some_and(|s| s == "-") && !after_dashes
    }
}

/// Runs what the command line asks for; false after a reported error.
fn run(lua: &mut Lua, argv: &[String], options: &Options) -> bool {
    if options.io.input_is_stdin() && options.script_is_stdin(argv) {
        eprintln!("{PROGNAME}: standard input cannot be both the script and --input");
        return false;
    }
    // The `_io` files are read before any code runs: a bad one stops everything.
    if let Err(message) = options.io.load(lua) {
        eprintln!("{PROGNAME}: {message}");
        return false;
    }
    if options.version {
        println!("{VERSION}");
    }
    if report(set_arg_table(lua, argv, options.script)).is_none() {
        return false;
    }
    if !options.ignore_env {
        set_paths(lua);
        if report(run_init(lua)).is_none() {
            return false;
        }
    }
    if options.warnings {
        if let Ok(Value::Function(warn)) = lua.globals().get::<Value>(lua, "warn") {
            let _ = warn.call::<()>(lua, "@on");
        }
    }
    for action in &options.actions {
        let result = match action {
            Action::Execute(code) => {
                lua.load(code).name("(command line)").into_function().and_then(|f| lua.call_as_script(&f, ()))
            }
            Action::Require(spec) => {
                let (global, module) = spec.split_once('=').unwrap_or((spec, spec));
                require(lua, global, module)
            }
        };
        if report(result).is_none() {
            return false;
        }
    }
    if let Some(index) = options.script {
        let args = argv.get(index + 1..).unwrap_or_default();
        let file = argv.get(index).map_or("-", String::as_str);
        if !run_script(lua, file, options.script_is_stdin(argv), args) {
            return false;
        }
    }
    if options.interactive {
        repl::run(lua);
    } else if options.script.is_none() && options.actions.is_empty() && !options.version {
        if std::io::stdin().is_terminal() {
            println!("{VERSION}");
            repl::run(lua);
        } else if options.io.input_is_stdin() {
            eprintln!("{PROGNAME}: no script to run (standard input is the --input)");
            return false;
        } else if !run_script(lua, "-", true, &[]) {
            return false;
        }
    }
    // The run succeeded: `_io.output` goes where --output says.
    if let Err(message) = options.io.write_output(lua) {
        eprintln!("{PROGNAME}: {message}");
        return false;
    }
    true
}

/// `arg`: the script at 0, its arguments from 1, the interpreter and options below 0.
fn set_arg_table(lua: &mut Lua, argv: &[String], script: Option<usize>) -> moonlet::Result<()> {
    let script = script.unwrap_or(0) as i64;
    let table = lua.create_table();
    for (i, a) in argv.iter().enumerate() {
        table.set(lua, i as i64 - script, a.as_str())?;
    }
    lua.globals().set(lua, "arg", table)
}

/// `package.path` and `package.cpath` from `LUA_PATH_5_4`/`LUA_PATH` (and the `CPATH`
/// ones), where `;;` stands for the default path.
fn set_paths(lua: &mut Lua) {
    for (field, variable) in [("path", "LUA_PATH"), ("cpath", "LUA_CPATH")] {
        let value = std::env::var(format!("{variable}_5_4")).or_else(|_| std::env::var(variable));
        let Ok(value) = value else { continue };
        let Ok(Value::Table(package)) = lua.globals().get::<Value>(lua, "package") else { return };
        let default = match package.get::<Value>(lua, field) {
            Ok(Value::String(s)) => s.to_string_lossy(),
            _ => String::new(),
        };
        let path = match value.split_once(";;") {
            None => value,
            Some((prefix, suffix)) => {
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
        let _ = package.set(lua, field, path);
    }
}

/// `LUA_INIT_5_4` or `LUA_INIT`: code to run first (`@file` runs a file).
fn run_init(lua: &mut Lua) -> moonlet::Result<MultiValue> {
    let (name, code) = match std::env::var("LUA_INIT_5_4") {
        Ok(code) => ("LUA_INIT_5_4", code),
        Err(_) => match std::env::var("LUA_INIT") {
            Ok(code) => ("LUA_INIT", code),
            Err(_) => return Ok(MultiValue::default()),
        },
    };
    let function = match code.strip_prefix('@') {
        Some(file) => lua.load_file(Some(file))?,
        None => lua.load(&code).name(name).into_function()?,
    };
    lua.call_as_script(&function, ())
}

/// `-l g=mod`: `g = require(mod)`.
fn require(lua: &mut Lua, global: &str, module: &str) -> moonlet::Result<MultiValue> {
    let require = lua.globals().get::<moonlet::Function>(lua, "require")?;
    let results = lua.call_as_script(&require, module)?;
    let first = results.0.first().cloned().unwrap_or(Value::Nil);
    lua.globals().set(lua, global, first)?;
    Ok(results)
}

/// Runs the script `file` (standard input when `stdin`) with `args`.
fn run_script(lua: &mut Lua, file: &str, stdin: bool, args: &[String]) -> bool {
    let main = match lua.load_file(if stdin { None } else { Some(file) }) {
        Ok(main) => main,
        Err(error) => return report::<()>(Err(error)).is_some(),
    };
    let args = MultiValue(args.iter().map(|a| Value::String(a.as_str().into())).collect());
    report(lua.call_as_script(&main, args)).is_some()
}

/// Prints an error as `lua` does (`moonlet: message`, then the traceback when there is
/// one); `None` after an error.
fn report<T>(result: moonlet::Result<T>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            eprintln!("{PROGNAME}: {}", error_text(&error));
            None
        }
    }
}

/// An error's message and, when it has one, its traceback on the following lines.
pub(crate) fn error_text(error: &Error) -> String {
    match error.traceback() {
        Some(traceback) => format!("{error}\n{traceback}"),
        None => error.to_string(),
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
pub(crate) fn os_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error ") {
        Some(cut) => text.get(..cut).unwrap_or(&text).to_owned(),
        None => text,
    }
}
