//! The interactive loop (`moonlet -i`, or `moonlet` on a terminal), as `lua`'s: each
//! line is tried as an expression (`return line;`) and then as statements; a chunk whose
//! syntax error is at `<eof>` is incomplete and continues on the next line (prompt
//! `>>`). Results are printed with the global `print`; errors go to standard error with
//! their traceback. `_PROMPT` and `_PROMPT2` replace the prompts.
//!
//! Owns only the loop; lines come from the state's standard input (the reader `io.read`
//! uses, so neither steals the other's buffered input).

use std::io::Write;

use moonlet::{Error, Function, Lua, MultiValue, Value};

/// Runs the loop until the end of standard input.
pub(crate) fn run(lua: &mut Lua) {
    while let Some(line) = read_line(lua, "_PROMPT", "> ") {
        let Some(chunk) = complete_chunk(lua, line) else { continue };
        match chunk.and_then(|function| lua.call_as_script(&function, ())) {
            Ok(results) if !results.0.is_empty() => print_results(lua, results),
            Ok(_) => {}
            Err(error) => eprintln!("{}", crate::error_text(&error)),
        }
    }
    println!();
}

/// Shows the prompt (the global `prompt_global` if set) and reads a line without its
/// newline; `None` at end of input.
fn read_line(lua: &mut Lua, prompt_global: &str, default: &str) -> Option<String> {
    let prompt = match lua.globals().get::<Value>(lua, prompt_global) {
        Ok(Value::Nil) | Err(_) => default.to_owned(),
        Ok(value) => match lua.tostring(&value) {
            Ok(text) => text.to_string_lossy(),
            Err(_) => default.to_owned(),
        },
    };
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    let mut line = Vec::new();
    match lua.read_stdin_line(&mut line) {
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
fn complete_chunk(lua: &mut Lua, line: String) -> Option<Result<Function, Error>> {
    // `=expr` is `return expr`, as in Lua 5.2.
    let line = match line.strip_prefix('=') {
        Some(rest) => format!("return {rest}"),
        None => line,
    };
    if let Ok(function) = lua.load(format!("return {line};")).name("stdin").into_function() {
        return Some(Ok(function));
    }
    let mut code = line;
    loop {
        match lua.load(&code).name("stdin").into_function() {
            Err(Error::Syntax { message }) if message.ends_with("<eof>") => {
                let more = read_line(lua, "_PROMPT2", ">> ")?;
                code.push('\n');
                code.push_str(&more);
            }
            result => return Some(result),
        }
    }
}

fn print_results(lua: &mut Lua, results: MultiValue) {
    let print = lua.globals().get::<Function>(lua, "print");
    if let Err(error) = print.and_then(|print| print.call::<()>(lua, results)) {
        eprintln!("error calling 'print' ({error})");
    }
}
