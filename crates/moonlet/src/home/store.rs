//! Where persisted `_home` bytes live: the [`HomeStore`] trait (load the last saved bytes,
//! save new ones) and its two implementations, [`FileStore`] (a file, replaced
//! atomically and durably on every save) and [`MemoryStore`] (bytes in memory, shared
//! between clones, for tests and hosts). Stores move opaque bytes; encoding and decoding
//! are [`format`](mod@super::format)'s business.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use super::error::{HomeError, IoAction};

/// A place persisted `_home` bytes are loaded from and saved to.
///
/// `load` returns `None` when nothing was ever saved. A store does not interpret the
/// bytes; [`load_snapshot`](crate::home::load_snapshot) and
/// [`save_snapshot`](crate::home::save_snapshot) pair a store with the format.
///
/// ```
/// use moonlet::home::{HomeError, HomeStore};
///
/// /// A store that never keeps anything.
/// struct Forgetful;
///
/// impl HomeStore for Forgetful {
///     fn load(&mut self) -> Result<Option<Vec<u8>>, HomeError> {
///         Ok(None)
///     }
///     fn save(&mut self, _bytes: &[u8]) -> Result<(), HomeError> {
///         Ok(())
///     }
///     fn describe(&self) -> String {
///         "forgetful home".to_string()
///     }
/// }
///
/// let mut store: Box<dyn HomeStore> = Box::new(Forgetful);
/// store.save(b"x").unwrap();
/// assert_eq!(store.load().unwrap(), None);
/// ```
pub trait HomeStore: Send {
    /// The bytes saved last, or `None` if nothing was saved yet.
    fn load(&mut self) -> Result<Option<Vec<u8>>, HomeError>;

    /// Replaces the stored bytes with `bytes`. After an error, the store holds either the
    /// old bytes or the new ones, never a mix.
    fn save(&mut self, bytes: &[u8]) -> Result<(), HomeError>;

    /// Names the store in messages, e.g. `home file 'x.home'`.
    fn describe(&self) -> String;
}

impl<S: HomeStore + ?Sized> HomeStore for Box<S> {
    fn load(&mut self) -> Result<Option<Vec<u8>>, HomeError> {
        (**self).load()
    }

    fn save(&mut self, bytes: &[u8]) -> Result<(), HomeError> {
        (**self).save(bytes)
    }

    fn describe(&self) -> String {
        (**self).describe()
    }
}

/// A store backed by one file.
///
/// `save` writes the bytes to `<path>.tmp` in the same directory, flushes it to disk
/// (`sync_all`), renames it over `<path>`, then (on unix) flushes the directory, so a
/// crash or a kill at any moment leaves either the old file or the new one, never a torn
/// one. A leftover `<path>.tmp` from an interrupted save is ignored by `load` and
/// overwritten by the next `save`. The file's permissions are carried over to the new
/// file; a symbolic link at `<path>` is replaced by a regular file.
///
/// One path should have one writer at a time: two processes saving the same path
/// concurrently share the temporary file and may interfere.
///
/// ```
/// use moonlet::home::{FileStore, HomeStore};
///
/// let dir = std::env::temp_dir().join(format!("moonlet-doc-filestore-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let mut store = FileStore::new(dir.join("state.home"));
/// assert_eq!(store.load().unwrap(), None); // absent: nothing saved yet
/// store.save(b"first").unwrap();
/// store.save(b"second").unwrap();
/// assert_eq!(store.load().unwrap().as_deref(), Some(&b"second"[..]));
/// assert!(store.describe().starts_with("home file '"));
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone)]
pub struct FileStore {
    path: PathBuf,
}

impl FileStore {
    /// A store for the file at `path` (which need not exist yet; its directory must exist
    /// when saving).
    ///
    /// ```
    /// let store = moonlet::home::FileStore::new("state.home");
    /// assert_eq!(store.path(), std::path::Path::new("state.home"));
    /// ```
    pub fn new(path: impl Into<PathBuf>) -> Self {
        FileStore { path: path.into() }
    }

    /// The home file's path.
    ///
    /// ```
    /// let store = moonlet::home::FileStore::new("a/b.home");
    /// assert_eq!(store.path().file_name().unwrap(), "b.home");
    /// ```
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The temporary file `save` writes before renaming: the path with `.tmp` appended.
    ///
    /// ```
    /// let store = moonlet::home::FileStore::new("dir/x.home");
    /// assert_eq!(store.temp_path(), std::path::Path::new("dir/x.home.tmp"));
    /// ```
    pub fn temp_path(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".tmp");
        PathBuf::from(name)
    }

    fn io_error(path: &Path, action: IoAction) -> impl FnOnce(io::Error) -> HomeError + '_ {
        move |source| HomeError::Io { path: path.to_path_buf(), action, source }
    }

    /// Writes and flushes the temporary file.
    fn write_temp(&self, tmp: &Path, bytes: &[u8]) -> Result<(), HomeError> {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(tmp)
            .map_err(Self::io_error(tmp, IoAction::Write))?;
        file.write_all(bytes).map_err(Self::io_error(tmp, IoAction::Write))?;
        if let Ok(meta) = fs::metadata(&self.path) {
            // Best effort: a file we cannot re-mode is still a correct home file.
            let _ = file.set_permissions(meta.permissions());
        }
        file.sync_all().map_err(Self::io_error(tmp, IoAction::Sync))
    }

    /// Flushes the directory holding the home file, so the rename itself is durable.
    #[cfg(unix)]
    fn sync_dir(&self) -> Result<(), HomeError> {
        let dir = match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        File::open(dir).and_then(|d| d.sync_all()).map_err(Self::io_error(dir, IoAction::SyncDir))
    }

    /// Directories cannot be flushed portably elsewhere; the rename is already atomic.
    #[cfg(not(unix))]
    fn sync_dir(&self) -> Result<(), HomeError> {
        Ok(())
    }
}

impl HomeStore for FileStore {
    fn load(&mut self) -> Result<Option<Vec<u8>>, HomeError> {
        match fs::read(&self.path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(HomeError::Io { path: self.path.clone(), action: IoAction::Read, source }),
        }
    }

    fn save(&mut self, bytes: &[u8]) -> Result<(), HomeError> {
        let tmp = self.temp_path();
        if let Err(e) = self.write_temp(&tmp, bytes) {
            let _ = fs::remove_file(&tmp); // Cleanup only; the home file is untouched.
            return Err(e);
        }
        if let Err(source) = fs::rename(&tmp, &self.path) {
            let _ = fs::remove_file(&tmp);
            return Err(HomeError::Io { path: self.path.clone(), action: IoAction::Rename, source });
        }
        self.sync_dir()
    }

    fn describe(&self) -> String {
        format!("home file '{}'", self.path.display())
    }
}

/// A store that keeps the bytes in memory. Clones share the same bytes, so a host can
/// hand one clone to a `Lua` state and read what it saved through another.
///
/// ```
/// use moonlet::home::{HomeStore, MemoryStore};
///
/// let mut store = MemoryStore::new();
/// let observer = store.clone();
/// assert_eq!(store.load().unwrap(), None);
/// store.save(b"state").unwrap();
/// assert_eq!(observer.bytes().as_deref(), Some(&b"state"[..]));
/// assert_eq!(store.describe(), "home in memory");
/// ```
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    bytes: Arc<Mutex<Option<Vec<u8>>>>,
}

impl MemoryStore {
    /// An empty store: `load` gives `None` until the first `save`.
    ///
    /// ```
    /// assert!(moonlet::home::MemoryStore::new().bytes().is_none());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that already holds `bytes` (as if they had been saved).
    ///
    /// ```
    /// use moonlet::home::{HomeStore, MemoryStore};
    /// let mut store = MemoryStore::with_bytes(b"abc".to_vec());
    /// assert_eq!(store.load().unwrap(), Some(b"abc".to_vec()));
    /// ```
    pub fn with_bytes(bytes: Vec<u8>) -> Self {
        MemoryStore { bytes: Arc::new(Mutex::new(Some(bytes))) }
    }

    /// A copy of the bytes saved last, if any.
    ///
    /// ```
    /// use moonlet::home::{HomeStore, MemoryStore};
    /// let mut store = MemoryStore::new();
    /// store.save(&[1, 2]).unwrap();
    /// assert_eq!(store.bytes(), Some(vec![1, 2]));
    /// ```
    pub fn bytes(&self) -> Option<Vec<u8>> {
        self.lock().clone()
    }

    /// The shared bytes. A panic while holding the lock cannot leave them half-written
    /// (every write is one assignment), so a poisoned lock is safe to use.
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Vec<u8>>> {
        self.bytes.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl HomeStore for MemoryStore {
    fn load(&mut self) -> Result<Option<Vec<u8>>, HomeError> {
        Ok(self.lock().clone())
    }

    fn save(&mut self, bytes: &[u8]) -> Result<(), HomeError> {
        *self.lock() = Some(bytes.to_vec());
        Ok(())
    }

    fn describe(&self) -> String {
        "home in memory".to_string()
    }
}
