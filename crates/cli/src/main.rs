//! The `moonlet` command: a Lua 5.4 interpreter for the terminal.
//!
//! Owns command-line handling and process exit codes; all language work is done by the
//! library crates. Today it checks syntax (`moonlet -p FILE...`, like `luac -p`); running
//! scripts arrives with the VM and is refused with a clear message until then.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str =
    "usage: moonlet -p FILE...      parse and compile FILEs ('-' is stdin), report the first error
       moonlet --dump FILE    list the bytecode of FILE
       moonlet -v             show version information";

const VERSION: &str = concat!("moonlet ", env!("CARGO_PKG_VERSION"), " (Lua 5.4)");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-p") if args.len() > 1 => check_files(&args[1..]),
        Some("-p") => fail("no input files given"),
        Some("--dump") if args.len() == 2 => dump(&args[1]),
        Some("--dump") => fail("--dump takes one file"),
        Some("-v" | "--version") => {
            println!("{VERSION}");
            ExitCode::SUCCESS
        }
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(_) => run_script(&args),
        None => {
            eprintln!("{USAGE}");
            ExitCode::FAILURE
        }
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("moonlet: {message}");
    ExitCode::FAILURE
}

/// `luac -p`: parse and compile each file in turn, stop at the first error.
fn check_files(files: &[String]) -> ExitCode {
    for file in files {
        if let Err(message) = load(file) {
            return fail(&message);
        }
    }
    ExitCode::SUCCESS
}

/// `moonlet script.lua args...`: runs the script with `arg` set as `lua` sets it.
fn run_script(args: &[String]) -> ExitCode {
    let script = &args[0];
    let proto = match load(script) {
        Ok(proto) => proto,
        Err(message) => return fail(&message),
    };
    let mut vm = moonlet_vm::Vm::new();
    let arg_table = vm.new_table();
    for (i, a) in args.iter().enumerate() {
        let value = vm.intern(a.as_bytes());
        arg_table.set_int(i as i64, value);
    }
    let program = vm.intern(b"moonlet");
    arg_table.set_int(-1, program);
    vm.set_global("arg", moonlet_vm::value::Value::Table(arg_table));
    let main = match vm.load_proto(proto) {
        Ok(main) => main,
        Err(error) => return fail(&error.to_string()),
    };
    let script_args: Vec<_> = args[1..].iter().map(|a| vm.intern(a.as_bytes())).collect();
    let status = match vm.call(main, &script_args) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            let traceback =
                error.traceback.clone().unwrap_or_else(|| "stack traceback:\n\t[C]: in ?".to_owned());
            eprintln!("moonlet: {}\n{traceback}", error_text(&mut vm, error));
            ExitCode::FAILURE
        }
    };
    // As `lua` does when it closes the state: pending finalizers run.
    vm.close();
    status
}

/// An uncaught error as `lua` prints it: strings and numbers as text, objects with
/// `__tostring` through it, anything else as `(error object is a X value)`.
fn error_text(vm: &mut moonlet_vm::Vm, error: moonlet_vm::LuaError) -> String {
    use moonlet_vm::value::Value;
    let shown = match error.value {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => vm.tostring(error.value).ok(),
        Value::Table(_) if vm.has_tostring(error.value) => vm.tostring(error.value).ok(),
        _ => None,
    };
    match shown {
        Some(Value::Str(s)) => String::from_utf8_lossy(s.as_bytes()).into_owned(),
        _ => format!("(error object is a {} value)", error.value.type_name()),
    }
}

/// `--dump`: the bytecode listing of a file.
fn dump(file: &str) -> ExitCode {
    match load(file) {
        Ok(proto) => {
            print!("{}", moonlet_compiler::listing(&proto));
            ExitCode::SUCCESS
        }
        Err(message) => fail(&message),
    }
}

/// Reads, parses and compiles a file; the error as the CLI reports it.
fn load(file: &str) -> Result<moonlet_compiler::Proto, String> {
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
