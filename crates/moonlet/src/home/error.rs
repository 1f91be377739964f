//! The error type of the `_home` persistence layer: [`HomeError`] (a corrupt or
//! unsupported file, a failed read or write, a snapshot that cannot be saved) and
//! [`CorruptReason`], the precise kind of corruption the decoder found. Messages say what
//! went wrong and where, e.g. `home file 'x.home' is corrupt: bad checksum (offset 120)`.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Everything that can go wrong loading or saving `_home`.
///
/// Decoding errors ([`HomeError::Corrupt`], [`HomeError::UnsupportedVersion`]) carry an
/// optional `origin`, a description of where the bytes came from (a store's
/// [`describe`](crate::home::HomeStore::describe)); [`HomeError::with_origin`] sets it.
///
/// ```
/// use moonlet::home::{decode, HomeError};
///
/// let err = decode(b"not a home file").unwrap_err().with_origin("home file 'x.home'");
/// assert!(matches!(err, HomeError::Corrupt { .. }));
/// assert_eq!(
///     err.to_string(),
///     "home file 'x.home' is corrupt: bad magic bytes, not a moonlet home file (offset 0)"
/// );
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum HomeError {
    /// The bytes are not a well-formed home file.
    Corrupt {
        /// Where the bytes came from, if known (e.g. `home file 'x.home'`).
        origin: Option<String>,
        /// What is wrong.
        reason: CorruptReason,
        /// The byte offset in the file where the problem was found.
        offset: usize,
    },
    /// The file is a home file of a format version this build cannot read.
    UnsupportedVersion {
        /// Where the bytes came from, if known.
        origin: Option<String>,
        /// The version the file declares.
        found: u16,
        /// The version this build reads and writes.
        supported: u16,
    },
    /// Reading or writing the store failed.
    Io {
        /// The file (or directory) the operation was on.
        path: PathBuf,
        /// What was being done, e.g. `"read"`, `"write"`, `"rename"` (see [`IoAction`]).
        action: IoAction,
        /// The underlying error.
        source: io::Error,
    },
    /// A snapshot that cannot be encoded faithfully (a nil, NaN or table key, a table
    /// reference out of range, too many tables); nothing was written.
    InvalidSnapshot {
        /// The index of the offending table in [`Snapshot::tables`](crate::home::Snapshot::tables).
        table: usize,
        /// The index of the offending entry in that table (0 when the problem is global).
        entry: usize,
        /// What is wrong.
        problem: &'static str,
    },
}

/// The file operation a [`HomeError::Io`] failed in.
///
/// ```
/// use moonlet::home::IoAction;
/// assert_eq!(IoAction::Rename.to_string(), "rename");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IoAction {
    /// Reading the home file.
    Read,
    /// Creating or writing the temporary file.
    Write,
    /// Flushing the temporary file to disk (`sync_all`).
    Sync,
    /// Renaming the temporary file over the home file.
    Rename,
    /// Flushing the directory after the rename (unix).
    SyncDir,
}

impl fmt::Display for IoAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IoAction::Read => "read",
            IoAction::Write => "write",
            IoAction::Sync => "sync",
            IoAction::Rename => "rename",
            IoAction::SyncDir => "sync the directory of",
        })
    }
}

/// The kind of corruption [`decode`](crate::home::decode) found.
///
/// ```
/// use moonlet::home::CorruptReason;
/// let reason = CorruptReason::BadChecksum { stored: 1, computed: 2 };
/// assert_eq!(reason.to_string(), "bad checksum");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CorruptReason {
    /// The data ends in the middle of an item.
    Truncated,
    /// The file does not start with the magic bytes `MLHOME`.
    BadMagic,
    /// A value's type tag is not one the format defines.
    BadTag(u8),
    /// The CRC-32 at the end does not match the bytes before it.
    BadChecksum {
        /// The checksum stored in the file.
        stored: u32,
        /// The checksum of the bytes before it.
        computed: u32,
    },
    /// A table reference names a table index not below the table count.
    TableRefOutOfRange {
        /// The index found.
        index: u64,
        /// The number of tables the file declares.
        tables: u64,
    },
    /// Bytes follow the checksum.
    TrailingBytes(usize),
    /// A key is nil.
    NilKey,
    /// A key is a table reference.
    TableKey,
    /// A key is a float NaN.
    NanKey,
    /// A LEB128 integer is longer than needed or does not fit in 64 bits.
    BadVarint,
    /// A count or length is larger than the bytes left could possibly hold.
    LengthTooLarge {
        /// The declared count or length.
        declared: u64,
        /// The number of bytes left.
        available: usize,
    },
    /// The table count does not fit the 32-bit table index.
    TooManyTables(u64),
}

impl fmt::Display for CorruptReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorruptReason::Truncated => f.write_str("truncated"),
            CorruptReason::BadMagic => f.write_str("bad magic bytes, not a moonlet home file"),
            CorruptReason::BadTag(tag) => write!(f, "unknown type tag 0x{tag:02x}"),
            CorruptReason::BadChecksum { .. } => f.write_str("bad checksum"),
            CorruptReason::TableRefOutOfRange { index, tables } => {
                write!(f, "table reference {index} out of range ({tables} tables)")
            }
            CorruptReason::TrailingBytes(n) => write!(f, "{n} trailing bytes after the checksum"),
            CorruptReason::NilKey => f.write_str("nil key"),
            CorruptReason::TableKey => f.write_str("table key"),
            CorruptReason::NanKey => f.write_str("NaN key"),
            CorruptReason::BadVarint => f.write_str("malformed LEB128 integer"),
            CorruptReason::LengthTooLarge { declared, available } => {
                write!(f, "length {declared} larger than the {available} bytes left")
            }
            CorruptReason::TooManyTables(n) => write!(f, "table count {n} exceeds the format's limit"),
        }
    }
}

impl HomeError {
    /// Records where the bytes came from (usually a store's
    /// [`describe`](crate::home::HomeStore::describe)) in a decoding error, so its message
    /// names the file. Other errors are returned unchanged.
    ///
    /// ```
    /// use moonlet::home::decode;
    /// let err = decode(b"MLHOME").unwrap_err().with_origin("home file 'a.home'");
    /// assert_eq!(err.to_string(), "home file 'a.home' is corrupt: truncated (offset 6)");
    /// ```
    pub fn with_origin(mut self, new_origin: impl Into<String>) -> Self {
        match &mut self {
            HomeError::Corrupt { origin, .. } | HomeError::UnsupportedVersion { origin, .. } => {
                *origin = Some(new_origin.into());
            }
            HomeError::Io { .. } | HomeError::InvalidSnapshot { .. } => {}
        }
        self
    }

    /// The corruption kind, if this is a [`HomeError::Corrupt`].
    ///
    /// ```
    /// use moonlet::home::{decode, CorruptReason};
    /// assert_eq!(decode(b"").unwrap_err().corrupt_reason(), Some(&CorruptReason::Truncated));
    /// ```
    pub fn corrupt_reason(&self) -> Option<&CorruptReason> {
        match self {
            HomeError::Corrupt { reason, .. } => Some(reason),
            _ => None,
        }
    }
}

impl fmt::Display for HomeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HomeError::Corrupt { origin, reason, offset } => {
                let origin = origin.as_deref().unwrap_or("home data");
                write!(f, "{origin} is corrupt: {reason} (offset {offset})")
            }
            HomeError::UnsupportedVersion { origin, found, supported } => {
                let origin = origin.as_deref().unwrap_or("home data");
                write!(f, "{origin} has format version {found}; this build reads version {supported}")
            }
            HomeError::Io { path, action, source } => {
                write!(f, "cannot {action} home file '{}': {source}", path.display())
            }
            HomeError::InvalidSnapshot { table, entry, problem } => {
                write!(f, "cannot save home: {problem} (table {table}, entry {entry})")
            }
        }
    }
}

impl std::error::Error for HomeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HomeError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    #[test]
    fn io_error_message_and_source() {
        let err = HomeError::Io {
            path: PathBuf::from("x.home.tmp"),
            action: IoAction::Write,
            source: io::Error::new(io::ErrorKind::PermissionDenied, "denied"),
        };
        assert_eq!(err.to_string(), "cannot write home file 'x.home.tmp': denied");
        assert!(err.source().is_some());
    }

    #[test]
    fn corrupt_message_names_origin_reason_and_offset() {
        let err = HomeError::Corrupt {
            origin: None,
            reason: CorruptReason::BadChecksum { stored: 0, computed: 1 },
            offset: 120,
        };
        assert_eq!(err.to_string(), "home data is corrupt: bad checksum (offset 120)");
        let err = err.with_origin("home file 'x.home'");
        assert_eq!(err.to_string(), "home file 'x.home' is corrupt: bad checksum (offset 120)");
        assert!(err.source().is_none());
    }

    #[test]
    fn version_and_invalid_messages() {
        let err = HomeError::UnsupportedVersion { origin: None, found: 9, supported: 1 }.with_origin("f");
        assert_eq!(err.to_string(), "f has format version 9; this build reads version 1");
        let err = HomeError::InvalidSnapshot { table: 2, entry: 3, problem: "nil key" };
        assert_eq!(err.to_string(), "cannot save home: nil key (table 2, entry 3)");
    }
}
