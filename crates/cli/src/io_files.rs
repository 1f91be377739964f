//! The command line's JSON files for `_io`: `--input FILE` (`-` is standard input) and
//! `--meta FILE` fill `_io.input` and `_io.meta` before any code runs, `--output FILE`
//! says where `_io.output` goes after a successful run (standard output by default, and
//! only when the script set it). `--home FILE` loads `_home` from FILE (an empty `_home`
//! when FILE does not exist yet) and saves it there after a successful run.
//!
//! Owns the options, reading and writing the files and their error messages
//! (`data.json:3:7: expected value`). `--input` is handed over as a
//! [`moonlet::JsonData`]: the parsed document is read in place, with no copy into the
//! state, so a large input costs one parse; it is read-only to scripts. `--meta` is
//! copied into external tables, as it is small and scripts extend it
//! (`_io.meta.processed = n`).

use std::io::{Read, Write};

use moonlet::{Error, JsonData, Lua};

/// The `_io` options of one command line.
#[derive(Default)]
pub(crate) struct IoFiles {
    input: Option<String>,
    meta: Option<String>,
    output: Option<String>,
    home: Option<String>,
}

impl IoFiles {
    /// Takes `arg` if it is one of these options (`--input FILE` or `--input=FILE`):
    /// how many arguments it used, `None` if it is not one of them.
    pub(crate) fn parse_option(&mut self, arg: &str, next: Option<&String>) -> Result<Option<usize>, String> {
        let slots = [
            ("--input", &mut self.input),
            ("--meta", &mut self.meta),
            ("--output", &mut self.output),
            ("--home", &mut self.home),
        ];
        for (flag, slot) in slots {
            if arg == flag {
                let value = next.ok_or_else(|| format!("'{flag}' needs argument"))?;
                *slot = Some(value.clone());
                return Ok(Some(2));
            }
            if let Some(value) = arg.strip_prefix(flag).and_then(|rest| rest.strip_prefix('=')) {
                *slot = Some(value.to_owned());
                return Ok(Some(1));
            }
        }
        Ok(None)
    }

    /// Whether `--input` reads standard input.
    pub(crate) fn input_is_stdin(&self) -> bool {
        self.input.as_deref() == Some("-")
    }

    /// Reads the files into `_io` and `_home`: the message of the first failure. A
    /// corrupt home file stops the run here, so it is never saved over.
    pub(crate) fn load(&self, lua: &mut Lua) -> Result<(), String> {
        if let Some(file) = &self.home {
            lua.attach_home(moonlet::home::FileStore::new(file)).map_err(|e| e.to_string())?;
        }
        if let Some(file) = &self.input {
            let data = JsonData::parse(read(file)?).map_err(|e| json_message(file, e))?;
            lua.set_input(data).map_err(|e| format!("--input {file}: {e}"))?;
        }
        if let Some(file) = &self.meta {
            let json = moonlet::parse_json(read(file)?).map_err(|e| json_message(file, e))?;
            lua.set_meta(json).map_err(|e| format!("--meta {file}: {e}"))?;
        }
        Ok(())
    }

    /// After a successful run: saves `_home` to the `--home` file, then writes
    /// `_io.output` as JSON, on one line: to the `--output` file (`null` when the script
    /// set none, so the file is this run's), or to standard output when the script set
    /// it.
    pub(crate) fn write_output(&self, lua: &mut Lua) -> Result<(), String> {
        if self.home.is_some() {
            lua.save_home().map_err(|e| e.to_string())?;
        }
        let to_file = self.output.as_deref().filter(|f| *f != "-");
        if to_file.is_none() && lua.output().is_nil() {
            return Ok(());
        }
        let json = lua.output_json().map_err(|e| format!("_io.output: {e}"))?;
        let mut text = json.to_string();
        text.push('\n');
        match to_file {
            Some(file) => std::fs::write(file, text)
                .map_err(|e| format!("cannot write {file}: {}", crate::os_message(&e))),
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(text.as_bytes())
                    .and_then(|()| out.flush())
                    .map_err(|e| format!("cannot write the output: {}", crate::os_message(&e)))
            }
        }
    }
}

/// The bytes of `file` (`-` is standard input).
fn read(file: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let read = if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(drop)
    } else {
        std::fs::read(file).map(|b| bytes = b)
    };
    let name = if file == "-" { "stdin" } else { file };
    read.map(|()| bytes).map_err(|e| format!("cannot open {name}: {}", crate::os_message(&e)))
}

/// A JSON error as `file:line:column: message` (`stdin` for `-`).
fn json_message(file: &str, error: Error) -> String {
    let name = if file == "-" { "stdin" } else { file };
    match error {
        Error::Json { message, line, column } => format!("{name}:{line}:{column}: {message}"),
        other => format!("{name}: {other}"),
    }
}
