//! The data model of a persisted `_home`: a [`Snapshot`] is a flat list of
//! [`StoredTable`]s (table 0 is `_home` itself) whose entries are [`Stored`] values; a
//! table value is an index into that list, so shared subtables and cycles are simply the
//! same index twice. This module owns the model and its validity rules
//! ([`Snapshot::validate`]); it knows nothing of the VM or of bytes.

use super::error::HomeError;

/// A plain value as persisted: what an external table may hold.
///
/// Equality compares floats by their bits, so a NaN equals itself and `0.0` differs
/// from `-0.0`: two equal `Stored` values encode to the same bytes.
///
/// ```
/// use moonlet::home::Stored;
/// assert_eq!(Stored::from("hi"), Stored::Str(b"hi".to_vec()));
/// assert_eq!(Stored::Float(f64::NAN), Stored::Float(f64::NAN));
/// assert_ne!(Stored::Float(0.0), Stored::Float(-0.0));
/// assert!(Stored::Int(1).is_valid_key() && !Stored::Nil.is_valid_key());
/// ```
#[derive(Debug, Clone)]
pub enum Stored {
    /// `nil` (only as a value).
    Nil,
    /// `true` or `false`.
    Bool(bool),
    /// A Lua integer.
    Int(i64),
    /// A Lua float, bits preserved (a NaN only as a value).
    Float(f64),
    /// A Lua string (arbitrary bytes).
    Str(Vec<u8>),
    /// A table: its index in [`Snapshot::tables`].
    Table(u32),
}

impl Stored {
    /// Whether this value may be a table key: not nil, not a table reference, not NaN.
    ///
    /// ```
    /// use moonlet::home::Stored;
    /// assert!(Stored::from("k").is_valid_key());
    /// assert!(!Stored::Table(0).is_valid_key());
    /// assert!(!Stored::Float(f64::NAN).is_valid_key());
    /// ```
    pub fn is_valid_key(&self) -> bool {
        self.key_problem().is_none()
    }

    /// Why this value may not be a key, if it may not.
    pub(crate) fn key_problem(&self) -> Option<&'static str> {
        match self {
            Stored::Nil => Some("nil key"),
            Stored::Table(_) => Some("table key"),
            Stored::Float(x) if x.is_nan() => Some("NaN key"),
            Stored::Bool(_) | Stored::Int(_) | Stored::Float(_) | Stored::Str(_) => None,
        }
    }
}

impl PartialEq for Stored {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Stored::Nil, Stored::Nil) => true,
            (Stored::Bool(a), Stored::Bool(b)) => a == b,
            (Stored::Int(a), Stored::Int(b)) => a == b,
            (Stored::Float(a), Stored::Float(b)) => a.to_bits() == b.to_bits(),
            (Stored::Str(a), Stored::Str(b)) => a == b,
            (Stored::Table(a), Stored::Table(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Stored {}

impl From<bool> for Stored {
    fn from(b: bool) -> Self {
        Stored::Bool(b)
    }
}

impl From<i64> for Stored {
    fn from(i: i64) -> Self {
        Stored::Int(i)
    }
}

impl From<f64> for Stored {
    fn from(x: f64) -> Self {
        Stored::Float(x)
    }
}

impl From<&str> for Stored {
    fn from(s: &str) -> Self {
        Stored::Str(s.as_bytes().to_vec())
    }
}

impl From<&[u8]> for Stored {
    fn from(s: &[u8]) -> Self {
        Stored::Str(s.to_vec())
    }
}

impl From<Vec<u8>> for Stored {
    fn from(s: Vec<u8>) -> Self {
        Stored::Str(s)
    }
}

impl From<String> for Stored {
    fn from(s: String) -> Self {
        Stored::Str(s.into_bytes())
    }
}

/// One persisted table: the id its external table had and its entries, in any order.
///
/// Keys are never nil, NaN or tables (see [`Stored::is_valid_key`]). Keys are not checked
/// for duplicates; a loader inserting entries in order keeps the last.
///
/// ```
/// use moonlet::home::{Stored, StoredTable};
/// let mut t = StoredTable::new(7);
/// t.entries.push(("count".into(), Stored::Int(3)));
/// assert_eq!(t.get(&"count".into()), Some(&Stored::Int(3)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredTable {
    /// The table's id when it was saved (opaque to this module).
    pub id: u64,
    /// The `(key, value)` pairs.
    pub entries: Vec<(Stored, Stored)>,
}

impl StoredTable {
    /// An empty table with the given id.
    ///
    /// ```
    /// let t = moonlet::home::StoredTable::new(1);
    /// assert!(t.entries.is_empty());
    /// ```
    pub fn new(id: u64) -> Self {
        StoredTable { id, entries: Vec::new() }
    }

    /// The value of the last entry whose key equals `key` (a linear scan, for tests and
    /// small tables).
    ///
    /// ```
    /// use moonlet::home::{Stored, StoredTable};
    /// let t = StoredTable { id: 1, entries: vec![(Stored::Int(1), Stored::Bool(true))] };
    /// assert_eq!(t.get(&Stored::Int(1)), Some(&Stored::Bool(true)));
    /// assert_eq!(t.get(&Stored::Int(2)), None);
    /// ```
    pub fn get(&self, key: &Stored) -> Option<&Stored> {
        self.entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// A whole persisted `_home`: table 0 is `_home` itself, and every [`Stored::Table`]
/// indexes into `tables`. No tables at all means an empty `_home`.
///
/// ```
/// use moonlet::home::{Snapshot, Stored, StoredTable};
/// // _home = { name = "x", self = _home }
/// let root = StoredTable {
///     id: 1,
///     entries: vec![("name".into(), "x".into()), ("self".into(), Stored::Table(0))],
/// };
/// let snap = Snapshot { tables: vec![root] };
/// assert!(snap.validate().is_ok());
/// assert_eq!(snap.root().map(|t| t.entries.len()), Some(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// The tables; index 0 is the root.
    pub tables: Vec<StoredTable>,
}

impl Snapshot {
    /// The largest number of tables a snapshot can hold (indices are `u32`).
    ///
    /// ```
    /// assert_eq!(moonlet::home::Snapshot::MAX_TABLES, 1 << 32);
    /// ```
    pub const MAX_TABLES: u64 = u32::MAX as u64 + 1;

    /// The root table (`_home`), if there is one.
    ///
    /// ```
    /// assert!(moonlet::home::Snapshot::default().root().is_none());
    /// ```
    pub fn root(&self) -> Option<&StoredTable> {
        self.tables.first()
    }

    /// The table a [`Stored::Table`] index names, if it exists.
    ///
    /// ```
    /// use moonlet::home::{Snapshot, StoredTable};
    /// let snap = Snapshot { tables: vec![StoredTable::new(1)] };
    /// assert_eq!(snap.table(0).map(|t| t.id), Some(1));
    /// assert!(snap.table(1).is_none());
    /// ```
    pub fn table(&self, index: u32) -> Option<&StoredTable> {
        // u32 -> usize is lossless on the 32- and 64-bit targets Rust supports here.
        self.tables.get(index as usize)
    }

    /// Checks what [`decode`](crate::home::decode) would reject, so that a snapshot that
    /// passes always reads back: no nil, NaN or table keys, every table reference in
    /// range, at most [`Snapshot::MAX_TABLES`] tables.
    ///
    /// ```
    /// use moonlet::home::{HomeError, Snapshot, Stored, StoredTable};
    /// let bad = Snapshot {
    ///     tables: vec![StoredTable { id: 1, entries: vec![(Stored::Int(1), Stored::Table(5))] }],
    /// };
    /// assert!(matches!(bad.validate(), Err(HomeError::InvalidSnapshot { table: 0, entry: 0, .. })));
    /// ```
    pub fn validate(&self) -> Result<(), HomeError> {
        let count = self.tables.len();
        if count as u64 > Self::MAX_TABLES {
            return Err(HomeError::InvalidSnapshot { table: 0, entry: 0, problem: "too many tables" });
        }
        for (t, table) in self.tables.iter().enumerate() {
            for (e, (key, value)) in table.entries.iter().enumerate() {
                if let Some(problem) = key.key_problem() {
                    return Err(HomeError::InvalidSnapshot { table: t, entry: e, problem });
                }
                if let Stored::Table(index) = value {
                    if *index as usize >= count {
                        let problem = "table reference out of range";
                        return Err(HomeError::InvalidSnapshot { table: t, entry: e, problem });
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_reports_each_problem_with_its_place() {
        let problem = |entries: Vec<(Stored, Stored)>| {
            let snap = Snapshot { tables: vec![StoredTable::new(1), StoredTable { id: 2, entries }] };
            match snap.validate() {
                Err(HomeError::InvalidSnapshot { table: 1, entry, problem }) => Some((entry, problem)),
                Ok(()) => None,
                Err(other) => panic!("unexpected {other}"),
            }
        };
        let ok = (Stored::Int(1), Stored::Nil);
        assert_eq!(problem(vec![ok.clone(), (Stored::Nil, Stored::Int(1))]), Some((1, "nil key")));
        assert_eq!(problem(vec![ok.clone(), (Stored::Table(0), Stored::Int(1))]), Some((1, "table key")));
        assert_eq!(problem(vec![(Stored::Float(f64::NAN), Stored::Int(1))]), Some((0, "NaN key")));
        assert_eq!(
            problem(vec![(Stored::Int(1), Stored::Table(2))]),
            Some((0, "table reference out of range"))
        );
        assert_eq!(
            problem(vec![ok, (Stored::Int(2), Stored::Table(1)), (Stored::Int(3), Stored::Float(f64::NAN))]),
            None
        );
    }

    #[test]
    fn empty_snapshot_is_valid() {
        assert!(Snapshot::default().validate().is_ok());
    }
}
