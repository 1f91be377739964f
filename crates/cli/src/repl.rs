//! The interactive loop (`moonlet -i`, or `moonlet` on a terminal), as `lua`'s: each
//! line is tried as an expression (`return line;`) and then as statements; a chunk whose
//! syntax error is at `<eof>` is incomplete and continues on the next line (prompt
//! `>>`). Results are printed with the global `print`; errors go to standard error with
//! their traceback. `_PROMPT` and `_PROMPT2` replace the prompts.
//!
//! Owns only the loop; lines come from the state's standard input (the reader `io.read`
//! uses, so neither steals the other's buffered input).

use std::io::Write;

use moonlet_vm::value::Value;
use moonlet_vm::{LuaError, Vm};

/// Runs the loop until the end of standard input.
pub(crate) fn run(vm: &mut Vm) {
    while let Some(line) = read_line(vm, "_PROMPT", "> ") {
        let Some(chunk) = complete_chunk(vm, line) else { continue };
        match chunk {
            Ok(function) => match vm.call(function, &[]) {
                Ok(results) if !results.is_empty() => print_results(vm, &results),
                Ok(_) => {}
                Err(error) => report(vm, &error),
            },
            Err(error) => report(vm, &error),
        }
    }
    println!();
}

/// Shows the prompt (the global `prompt_global` if set) and reads a line without its
/// newline; `None` at end of input.
fn read_line(vm: &mut Vm, prompt_global: &str, default: &str) -> Option<String> {
    let prompt = match vm.get_global(prompt_global) {
        Value::Nil => default.to_owned(),
        value => match vm.tostring(value) {
            Ok(Value::Str(s)) => String::from_utf8_lossy(s.as_bytes()).into_owned(),
            _ => default.to_owned(),
        },
    };
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    let mut line = Vec::new();
    match vm.read_stdin_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => {
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            Some(String::from_utf8_lossy(&line).into_owned())
        }
    }
}

/// Compiles `line`, reading more lines while the chunk is incomplete. `None` when the
/// input ended in the middle of a chunk.
fn complete_chunk(vm: &mut Vm, line: String) -> Option<Result<Value, LuaError>> {
    // `=expr` is `return expr`, as in Lua 5.2.
    let line = match line.strip_prefix('=') {
        Some(rest) => format!("return {rest}"),
        None => line,
    };
    if let Ok(function) = vm.load_text(format!("return {line};").as_bytes(), b"=stdin") {
        return Some(Ok(function));
    }
    let mut code = line;
    loop {
        match vm.load_text(code.as_bytes(), b"=stdin") {
            Err(error) if error.to_string().ends_with("<eof>") => {
                let more = read_line(vm, "_PROMPT2", ">> ")?;
                code.push('\n');
                code.push_str(&more);
            }
            result => return Some(result),
        }
    }
}

fn print_results(vm: &mut Vm, results: &[Value]) {
    let print = vm.get_global("print");
    if let Err(error) = vm.call(print, results) {
        eprintln!("error calling 'print' ({error})");
    }
}

fn report(vm: &mut Vm, error: &LuaError) {
    let text = match error.value {
        Value::Str(_) => error.to_string(),
        Value::Int(_) | Value::Float(_) => match vm.tostring(error.value) {
            Ok(Value::Str(s)) => String::from_utf8_lossy(s.as_bytes()).into_owned(),
            _ => error.to_string(),
        },
        Value::Table(_) if vm.has_tostring(error.value) => match vm.tostring(error.value) {
            Ok(Value::Str(s)) => String::from_utf8_lossy(s.as_bytes()).into_owned(),
            _ => error.to_string(),
        },
        _ => error.to_string(),
    };
    match &error.traceback {
        Some(traceback) => eprintln!("{text}\n{traceback}"),
        None => eprintln!("{text}"),
    }
}
