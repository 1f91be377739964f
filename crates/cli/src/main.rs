//! The `moonlet` command.
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files = match args.first().map(String::as_str) {
        Some("-p") => &args[1..],
        _ => {
            eprintln!("usage: moonlet -p FILE...");
            return ExitCode::FAILURE;
        }
    };
    for file in files {
        let source = match std::fs::read(file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("moonlet: cannot open {file}: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = moonlet_parser::parse_file(&source, file) {
            eprintln!("moonlet: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
