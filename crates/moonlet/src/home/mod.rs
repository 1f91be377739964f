//! Persistence of `_home`, the external table that survives across runs, minus the VM:
//! the data model ([`Snapshot`], in [`snapshot`]), its versioned, checksummed binary
//! format ([`encode`]/[`decode`], in [`mod@format`]) and the error type ([`HomeError`], in
//! [`error`]).

pub mod error;
pub mod format;
pub mod snapshot;

pub use error::{CorruptReason, HomeError, IoAction};
pub use format::{crc32, decode, encode, FORMAT_VERSION, MAGIC};
pub use snapshot::{Snapshot, Stored, StoredTable};
