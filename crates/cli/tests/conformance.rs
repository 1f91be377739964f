//! Conformance: moonlet must say what `lua5.4` says.
//!
//! Every `conformance/**/*.lua` case has expectations produced by the reference
//! interpreter (`conformance/regenerate.py`): `CASE.expected` (stdout) and, when lua5.4
//! failed, `CASE.error` (its message). Cases run from the `conformance/` directory so
//! chunk names are the same relative paths lua5.4 saw.
//!
//! The `syntax/` cases never run code: each is checked with `moonlet -p`, which must
//! accept exactly the files lua5.4 loaded and report exactly lua5.4's syntax errors.
//! Every other case runs as `moonlet CASE.lua`: its stdout must equal `CASE.expected`
//! and, when lua5.4 failed, its error message (stderr without the `moonlet: ` prefix and
//! the traceback) must equal `CASE.error`.
//!
//! Files under a directory named `_modules` are not cases: they are modules cases load
//! with `require` (`package.path = "load/_modules/?.lua"`). Cases run with `TZ=UTC`.
//!
//! The `real/` cases run third-party libraries as Debian installs them under
//! `/usr/share/lua/`; `real/PACKAGES` names the package each needs and a file of it (written
//! by `conformance/real_packages.py`). A case whose files are absent is skipped, naming the
//! packages to install, so that the suite passes on a machine with only the Rust
//! toolchain; `.ci/run` installs them, so CI runs every case.
//!
//! `conformance/PENDING` lists the cases moonlet does not pass yet, one path per line. It
//! only ever shrinks: a pending case that starts passing fails the test until it is
//! removed from the list, so the list stays exact.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
            // `_modules` directories hold files the cases `require`, not cases.
            if path.file_name().is_some_and(|n| n == "_modules") {
                continue;
            }
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

/// How long one case may run before it counts as hung.
const CASE_TIMEOUT: Duration = Duration::from_secs(20);

/// Runs one case; returns a description of the mismatch, if any.
fn check_run_case(root: &Path, case: &Path) -> Option<String> {
    let relative = case.strip_prefix(root).expect("case under conformance/");
    let expected_out = std::fs::read(case.with_extension("expected")).unwrap_or_default();
    let expected_error = std::fs::read_to_string(case.with_extension("error")).ok();
    let mut child = Command::new(env!("CARGO_BIN_EXE_moonlet"))
        .arg(relative)
        .current_dir(root)
        // Local time is UTC in moonlet; lua5.4 ran with TZ=UTC too (regenerate.py).
        .env("TZ", "UTC")
        .env_remove("LUA_INIT")
        .env_remove("LUA_INIT_5_4")
        .env_remove("LUA_PATH")
        .env_remove("LUA_PATH_5_4")
        .env_remove("LUA_CPATH")
        .env_remove("LUA_CPATH_5_4")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run moonlet");
    // Read both pipes on threads so a chatty case cannot block on a full pipe.
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = String::new();
        let _ = stderr.read_to_string(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for moonlet") {
            break Some(status);
        }
        if start.elapsed() > CASE_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    let Some(status) = status else {
        return Some(format!("{}: still running after {CASE_TIMEOUT:?}", relative.display()));
    };
    if out != expected_out {
        return Some(format!(
            "{}: stdout differs\n--- lua5.4\n{}--- moonlet\n{}",
            relative.display(),
            String::from_utf8_lossy(&expected_out),
            String::from_utf8_lossy(&out)
        ));
    }
    let message = err.split("\nstack traceback:").next().unwrap_or("");
    let message = message.strip_prefix("moonlet: ").unwrap_or(message).trim_end();
    match (expected_error, status.success()) {
        (None, true) => None,
        (None, false) => {
            Some(format!("{}: lua5.4 succeeds, moonlet fails: {}", relative.display(), err.trim_end()))
        }
        (Some(expected), false) if expected.trim_end() == message => None,
        (Some(expected), _) => Some(format!(
            "{}:\n  lua5.4:  {}\n  moonlet: {}",
            relative.display(),
            expected.trim_end(),
            err.trim_end()
        )),
    }
}

/// The cases listed in `conformance/PENDING`.
fn pending(root: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(root.join("PENDING"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Writes a line to the test's standard error even when the test passes (the harness
/// captures `eprintln!`, not the stream itself): a skipped case must be seen.
fn report(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// What `real/PACKAGES` says: for each case (by file stem), the packages it needs, each
/// with a file the package installs.
fn real_packages(root: &Path) -> std::collections::BTreeMap<String, Vec<(String, PathBuf)>> {
    let mut needs = std::collections::BTreeMap::<String, Vec<(String, PathBuf)>>::new();
    let text = std::fs::read_to_string(root.join("real/PACKAGES")).expect("read conformance/real/PACKAGES");
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [case, package, file] = fields[..] else { panic!("real/PACKAGES: bad line {line:?}") };
        needs.entry(case.to_owned()).or_default().push((package.to_owned(), PathBuf::from(file)));
    }
    needs
}

/// The packages a `real/` case needs that are not installed (`Err`: the case is not in
/// `real/PACKAGES`).
fn missing_packages(
    needs: &std::collections::BTreeMap<String, Vec<(String, PathBuf)>>,
    root: &Path,
    case: &Path,
) -> Result<Vec<String>, String> {
    let relative = case.strip_prefix(root).expect("case under conformance/");
    if !relative.starts_with("real") {
        return Ok(Vec::new());
    }
    let stem = case.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let Some(packages) = needs.get(&stem) else {
        return Err(format!(
            "{}: not in real/PACKAGES (run conformance/real_packages.py)",
            relative.display()
        ));
    };
    Ok(packages.iter().filter(|(_, file)| !file.exists()).map(|(package, _)| package.clone()).collect())
}

#[test]
fn run_cases_match_lua() {
    let root = conformance_dir();
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&root).expect("read conformance/") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() && path.file_name().is_some_and(|n| n != "syntax") {
            cases_under(&path, &mut cases);
        }
    }
    cases.sort();
    assert!(cases.len() >= 250, "expected the run corpus, found {} cases", cases.len());
    let pending = pending(&root);
    let needs = real_packages(&root);
    let mut skipped = BTreeSet::new();
    let mut failures = Vec::new();
    let mut now_passing = Vec::new();
    let mut known: BTreeSet<String> = BTreeSet::new();
    for case in &cases {
        let relative = case.strip_prefix(&root).expect("case under conformance/").display().to_string();
        known.insert(relative.clone());
        match missing_packages(&needs, &root, case) {
            Err(failure) => {
                failures.push(failure);
                continue;
            }
            Ok(missing) if !missing.is_empty() => {
                report(&format!("skipped {relative}: install {}", missing.join(" ")));
                skipped.extend(missing);
                continue;
            }
            Ok(_) => {}
        }
        match (check_run_case(&root, case), pending.contains(&relative)) {
            (Some(failure), false) => failures.push(failure),
            (None, true) => now_passing.push(relative),
            _ => {}
        }
    }
    if !skipped.is_empty() {
        let list: Vec<&str> = skipped.iter().map(String::as_str).collect();
        report(&format!(
            "some real/ cases were skipped: their libraries are not installed \
             (apt-get install {}; see the README's Tests section)",
            list.join(" ")
        ));
    }
    let stale: Vec<&String> = pending.iter().filter(|p| !known.contains(*p)).collect();
    assert!(stale.is_empty(), "conformance/PENDING names cases that do not exist: {stale:?}");
    assert!(
        now_passing.is_empty(),
        "these cases pass now; remove them from conformance/PENDING:\n{}",
        now_passing.join("\n")
    );
    assert!(
        failures.is_empty(),
        "{} of {} run cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
