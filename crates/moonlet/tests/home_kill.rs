//! Crash safety of `FileStore`: a process killed (SIGKILL on unix) at a random moment
//! while saving snapshots in a tight loop must leave a home file that decodes and is
//! self-consistent, the old state or the new, never a torn mix. Also: a corrupt file is
//! an error on load and is left exactly as it was.
//!
//! The child saves through a `moonlet::Lua` state (`with_home`, `save_home`), so the
//! whole path from `_home` to the file is what gets killed.
//!
//! The test re-runs its own binary as the child: `child_saves_forever` does nothing unless
//! the environment variable `MOONLET_HOME_KILL_CHILD` names the file to save to.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use moonlet::home::{
    encode, load_snapshot, save_snapshot, FileStore, HomeError, Snapshot, Stored, StoredTable,
};

/// Set in the child's environment to the home file's path.
const CHILD_ENV: &str = "MOONLET_HOME_KILL_CHILD";
/// Set in the child's environment to the first `n` it saves.
const START_ENV: &str = "MOONLET_HOME_KILL_START";
/// Printed by the child once its first save is done.
const READY: &str = "MOONLET_HOME_KILL_READY";
/// Snapshot sizes cycle through 1..=MAX_N entries (files of up to ~100 KB).
const MAX_N: u64 = 4_000;
const ROUNDS: u32 = 40;

/// The snapshot for `n`: a root with `n` integer entries all equal to `n`, a string of
/// length `n`, and a subtable that holds `n` and points back at the root.
fn snapshot_of(n: u64) -> Snapshot {
    let value = Stored::Int(n as i64);
    let mut entries: Vec<(Stored, Stored)> =
        (1..=n as i64).map(|i| (Stored::Int(i), value.clone())).collect();
    entries.push(("s".into(), Stored::Str(vec![b'x'; n as usize])));
    entries.push(("sub".into(), Stored::Table(1)));
    let sub = StoredTable { id: 2, entries: vec![("n".into(), value), ("root".into(), Stored::Table(0))] };
    Snapshot { tables: vec![StoredTable { id: 1, entries }, sub] }
}

/// Checks that `snap` is `snapshot_of(n)` for some `n`, in any entry order (the child
/// saves through a `Lua` state, which orders entries as its tables do), and returns `n`.
fn consistent_n(snap: &Snapshot) -> Result<u64, String> {
    let root = snap.root().ok_or("no root")?;
    let sub_index = match root.get(&"sub".into()) {
        Some(Stored::Table(i)) => *i,
        other => return Err(format!("sub is {other:?}")),
    };
    let sub = snap.table(sub_index).ok_or("no subtable")?;
    let n = match sub.get(&"n".into()) {
        Some(Stored::Int(n)) if *n >= 0 => *n as u64,
        other => return Err(format!("subtable n is {other:?}")),
    };
    let mut expected = snapshot_of(n);
    let mut actual = snap.clone();
    for table in expected.tables.iter_mut().chain(actual.tables.iter_mut()) {
        table.id = 0;
        table.entries.sort_by_key(|(k, _)| format!("{k:?}"));
    }
    if sub_index != 1 || actual != expected {
        return Err(format!("snapshot is not self-consistent for n = {n}"));
    }
    Ok(n)
}

/// The child role: a `Lua` state with a file home that makes its `_home` the state of
/// `snapshot_of(n)` for n = start, start + 1, … (wrapping) and saves it, forever.
#[test]
fn child_saves_forever() {
    let Ok(path) = std::env::var(CHILD_ENV) else { return };
    let mut n: u64 = std::env::var(START_ENV).ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut lua = moonlet::Lua::with_home(FileStore::new(path)).unwrap();
    let mut announced = false;
    loop {
        n = n % MAX_N + 1;
        let script = format!(
            "for k in pairs(_home) do _home[k] = nil end
             for i = 1, {n} do _home[i] = {n} end
             _home.s = string.rep('x', {n})
             _home.sub = {{ n = {n} }}
             _home.sub.root = _home"
        );
        lua.load(script).exec().unwrap();
        lua.save_home().unwrap();
        if !announced {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{READY}").unwrap();
            out.flush().unwrap();
            announced = true;
        }
    }
}

/// A fresh directory under Cargo's per-test temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn killed_mid_save_leaves_the_old_or_the_new_file() {
    let dir = TempDir::new("home-kill");
    let path = dir.0.join("kill.home");
    save_snapshot(&mut FileStore::new(&path), &snapshot_of(0)).unwrap();

    let seed = SystemTime::now().duration_since(UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1;
    let mut state = seed;
    let mut random = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let mut seen = std::collections::BTreeSet::new();
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["--exact", "child_saves_forever", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .env(START_ENV, (random() % MAX_N).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child is in its save loop (the harness prints `test name ... `
        // before the marker, on the same line), then let it run for 0-25 ms.
        let stdout = child.stdout.take().unwrap();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let ready = BufReader::new(stdout).lines().map_while(Result::ok).any(|line| line.contains(READY));
            let _ = ready_tx.send(ready);
        });
        if ready_rx.recv_timeout(Duration::from_secs(30)) != Ok(true) {
            let _ = child.kill();
            panic!("round {round}: the child never reported its first save: {:?}", child.wait());
        }
        std::thread::sleep(Duration::from_micros(random() % 25_000));
        child.kill().unwrap();
        child.wait().unwrap();

        let loaded = load_snapshot(&mut FileStore::new(&path))
            .unwrap_or_else(|e| panic!("round {round} (seed {seed}): {e}"))
            .unwrap_or_else(|| panic!("round {round} (seed {seed}): the home file is gone"));
        let n = consistent_n(&loaded).unwrap_or_else(|e| panic!("round {round} (seed {seed}): {e}"));
        seen.insert(n);
    }
    // Every round's child saved at least once, from its own random start.
    assert!(seen.len() > 1, "the children never changed the file: {seen:?}");
    eprintln!("{ROUNDS} kills in {:?}, {} distinct states seen", started.elapsed(), seen.len());
}

#[test]
fn a_corrupt_file_is_an_error_and_stays_untouched() {
    let dir = TempDir::new("home-corrupt");
    let path = dir.0.join("bad.home");
    let good = encode(&snapshot_of(10));
    let damaged = [
        {
            let mut b = good.clone();
            b[good.len() / 2] ^= 0x08;
            b
        },
        good[..good.len() - 1].to_vec(),
        b"".to_vec(),
        b"MLHOME\x07\x00".to_vec(),
    ];
    for bytes in damaged {
        std::fs::write(&path, &bytes).unwrap();
        let mut store = FileStore::new(&path);
        let err = load_snapshot(&mut store).unwrap_err();
        assert!(matches!(err, HomeError::Corrupt { .. } | HomeError::UnsupportedVersion { .. }), "{err}");
        assert!(err.to_string().starts_with(&format!("home file '{}'", path.display())), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "load modified the corrupt file");
        assert!(!store.temp_path().exists());
    }
}
