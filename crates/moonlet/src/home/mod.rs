//! Persistence of `_home`, the external table that survives across runs, minus the VM:
//! the data model ([`Snapshot`], in [`snapshot`]), its versioned, checksummed binary
//! format ([`encode`]/[`decode`], in [`mod@format`]), the stores the bytes live in
//! ([`HomeStore`], [`FileStore`], [`MemoryStore`], in [`store`]) and the error type
//! ([`HomeError`], in [`error`]). Converting between a snapshot and the VM's external
//! tables is the embedding API's job; [`load_snapshot`] and [`save_snapshot`] are the
//! two calls it needs.
//!
//! ```
//! use moonlet::home::{load_snapshot, save_snapshot, MemoryStore, Snapshot, Stored, StoredTable};
//!
//! let mut store = MemoryStore::new();
//! assert_eq!(load_snapshot(&mut store).unwrap(), None); // first run: nothing saved
//!
//! // _home = { runs = 1, history = { "a" } }
//! let root = StoredTable {
//!     id: 1,
//!     entries: vec![("runs".into(), Stored::Int(1)), ("history".into(), Stored::Table(1))],
//! };
//! let history = StoredTable { id: 2, entries: vec![(Stored::Int(1), "a".into())] };
//! let snap = Snapshot { tables: vec![root, history] };
//! save_snapshot(&mut store, &snap).unwrap();
//! assert_eq!(load_snapshot(&mut store).unwrap(), Some(snap));
//! ```

pub mod error;
pub mod format;
pub mod snapshot;
pub mod store;

#[cfg(test)]
mod tests;

pub use error::{CorruptReason, HomeError, IoAction};
pub use format::{crc32, decode, encode, FORMAT_VERSION, MAGIC};
pub use snapshot::{Snapshot, Stored, StoredTable};
pub use store::{FileStore, HomeStore, MemoryStore};

/// Loads and decodes the snapshot in `store`: `None` if nothing was saved yet. A decoding
/// error names the store (its [`describe`](HomeStore::describe)). Loading never modifies
/// the store, so a corrupt file stays as it is for inspection; a caller must not save
/// over it unless asked to.
///
/// ```
/// use moonlet::home::{load_snapshot, MemoryStore};
/// let mut store = MemoryStore::with_bytes(b"garbage".to_vec());
/// let err = load_snapshot(&mut store).unwrap_err();
/// assert_eq!(err.to_string(), "home in memory is corrupt: bad magic bytes, not a moonlet home file (offset 0)");
/// assert_eq!(store.bytes(), Some(b"garbage".to_vec()));
/// ```
pub fn load_snapshot<S: HomeStore + ?Sized>(store: &mut S) -> Result<Option<Snapshot>, HomeError> {
    match store.load()? {
        None => Ok(None),
        Some(bytes) => decode(&bytes).map(Some).map_err(|e| e.with_origin(store.describe())),
    }
}

/// Validates `snapshot` ([`Snapshot::validate`]), encodes it and saves it to `store`. An
/// invalid snapshot is an error and nothing is written.
///
/// ```
/// use moonlet::home::{save_snapshot, MemoryStore, Snapshot, Stored, StoredTable};
/// let mut store = MemoryStore::new();
/// let bad = Snapshot { tables: vec![StoredTable { id: 1, entries: vec![(Stored::Nil, Stored::Int(1))] }] };
/// assert!(save_snapshot(&mut store, &bad).is_err());
/// assert_eq!(store.bytes(), None);
/// ```
pub fn save_snapshot<S: HomeStore + ?Sized>(store: &mut S, snapshot: &Snapshot) -> Result<(), HomeError> {
    snapshot.validate()?;
    store.save(&encode(snapshot))
}
