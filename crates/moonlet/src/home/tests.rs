//! Tests of the `home` module as a whole: snapshots round-trip through the format and the
//! stores bit for bit, and every kind of corrupt input (truncation anywhere, any single
//! bit flip, each structural fault) is an error with the right reason, never a panic.

use super::*;
use std::path::PathBuf;

/// A snapshot with every value kind, a shared subtable, a cycle and a self-reference.
fn sample() -> Snapshot {
    let root = StoredTable {
        id: u64::MAX,
        entries: vec![
            ("nil".into(), Stored::Nil),
            ("f".into(), Stored::Bool(false)),
            ("t".into(), Stored::Bool(true)),
            (Stored::Int(i64::MIN), Stored::Int(i64::MAX)),
            (Stored::Int(-1), Stored::Int(0)),
            (Stored::Float(0.5), Stored::Float(-0.0)),
            (Stored::Float(f64::INFINITY), Stored::Float(f64::NEG_INFINITY)),
            (Stored::Bool(true), Stored::Float(f64::from_bits(0x7FF8_0000_DEAD_BEEF))),
            (Stored::Str(vec![]), Stored::Str(vec![0, 255, b'\n', 0x80])),
            ("a".into(), Stored::Table(1)),
            ("b".into(), Stored::Table(1)),
            ("self".into(), Stored::Table(0)),
        ],
    };
    let shared = StoredTable {
        id: 2,
        entries: vec![(Stored::Int(1), "x".into()), (Stored::Int(2), Stored::Table(2))],
    };
    let back = StoredTable { id: 0, entries: vec![("up".into(), Stored::Table(1))] };
    Snapshot { tables: vec![root, shared, back, StoredTable::new(300)] }
}

fn round_trip(snap: &Snapshot) {
    let bytes = encode(snap);
    let back = decode(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&back, snap);
    assert_eq!(encode(&back), bytes, "encoding is deterministic");
}

/// `body` (magic, version, tables) followed by its correct checksum.
fn with_crc(mut body: Vec<u8>) -> Vec<u8> {
    let crc = crc32(&body);
    body.extend_from_slice(&crc.to_le_bytes());
    body
}

/// A file whose header declares `tables` tables, followed by `rest` and a good checksum.
fn file(tables: u8, rest: &[u8]) -> Vec<u8> {
    let mut body = b"MLHOME\x01\x00".to_vec();
    body.push(tables);
    body.extend_from_slice(rest);
    with_crc(body)
}

fn corrupt(bytes: &[u8]) -> (CorruptReason, usize) {
    match decode(bytes) {
        Err(HomeError::Corrupt { reason, offset, origin: None }) => (reason, offset),
        other => panic!("expected corruption, got {other:?}"),
    }
}

#[test]
fn round_trips_every_value_kind_shared_tables_and_cycles() {
    let snap = sample();
    round_trip(&snap);
    let back = decode(&encode(&snap)).unwrap();
    let root = back.root().unwrap();
    // The two fields still name the same table, and the cycle closes.
    assert_eq!(root.get(&"a".into()), Some(&Stored::Table(1)));
    assert_eq!(root.get(&"b".into()), Some(&Stored::Table(1)));
    assert_eq!(back.table(2).unwrap().get(&"up".into()), Some(&Stored::Table(1)));
    // NaN payload and negative zero keep their bits.
    let nan = root.get(&Stored::Bool(true)).unwrap();
    assert!(matches!(nan, Stored::Float(x) if x.to_bits() == 0x7FF8_0000_DEAD_BEEF));
    assert!(
        matches!(root.get(&Stored::Float(0.5)), Some(Stored::Float(x)) if x.to_bits() == (-0.0f64).to_bits())
    );
}

#[test]
fn round_trips_empty_snapshots() {
    round_trip(&Snapshot::default());
    round_trip(&Snapshot { tables: vec![StoredTable::new(0)] });
    assert_eq!(encode(&Snapshot::default()).len(), 6 + 2 + 1 + 4);
}

#[test]
fn round_trips_big_strings_and_length_boundaries() {
    for len in [127, 128, 16_383, 16_384, 1 << 20, 3 << 20] {
        let s: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let root = StoredTable { id: 1, entries: vec![(Stored::Str(s.clone()), Stored::Str(s))] };
        round_trip(&Snapshot { tables: vec![root] });
    }
}

#[test]
fn round_trips_many_tables_and_entries() {
    // A chain of 20,000 tables, each pointing at the next, the last back at the root.
    let n = 20_000u32;
    let tables = (0..n)
        .map(|i| StoredTable {
            id: u64::from(i) * 1_000_003,
            entries: vec![
                ("next".into(), Stored::Table((i + 1) % n)),
                (Stored::Int(i64::from(i)), Stored::Float(f64::from(i) / 3.0)),
            ],
        })
        .collect();
    round_trip(&Snapshot { tables });
    let entries = (0..100_000).map(|i| (Stored::Int(i), Stored::Int(-i))).collect();
    round_trip(&Snapshot { tables: vec![StoredTable { id: 1, entries }] });
}

#[test]
fn truncation_at_every_offset_is_an_error() {
    let bytes = encode(&sample());
    for len in 0..bytes.len() {
        let err = decode(&bytes[..len]).err().unwrap_or_else(|| panic!("prefix of {len} bytes decoded"));
        assert!(matches!(err, HomeError::Corrupt { .. }), "len {len}: {err}");
    }
    // Cutting inside the header or the checksum says "truncated" at the end of the data.
    for len in [0, 3, 6, 7, bytes.len() - 4, bytes.len() - 1] {
        assert_eq!(corrupt(&bytes[..len]), (CorruptReason::Truncated, len), "len {len}");
    }
}

#[test]
fn every_single_bit_flip_is_an_error() {
    let bytes = encode(&sample());
    let mut flipped = bytes.clone();
    for i in 0..bytes.len() {
        for bit in 0..8 {
            flipped[i] ^= 1 << bit;
            assert!(decode(&flipped).is_err(), "flip of bit {bit} at offset {i} went unnoticed");
            flipped[i] ^= 1 << bit;
        }
    }
    assert_eq!(flipped, bytes);
}

#[test]
fn random_damage_never_panics() {
    // xorshift64*, fixed seed: reproducible damage of 1 to 8 random bytes, plus random cuts.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let bytes = encode(&sample());
    for _ in 0..20_000 {
        let mut damaged = bytes.clone();
        for _ in 0..=(next() % 8) {
            let at = (next() % damaged.len() as u64) as usize;
            damaged[at] = next() as u8;
        }
        if next() % 4 == 0 {
            damaged.truncate((next() % damaged.len() as u64) as usize);
        }
        let _ = decode(&damaged);
    }
}

#[test]
fn bad_magic_and_unsupported_version() {
    assert_eq!(corrupt(b"MLHOMX\x01\x00\x00"), (CorruptReason::BadMagic, 0));
    assert_eq!(corrupt(b"{\"json\": true}"), (CorruptReason::BadMagic, 0));
    assert_eq!(corrupt(b"ML"), (CorruptReason::Truncated, 2));
    let mut bytes = encode(&sample());
    bytes[6] = 2;
    match decode(&bytes) {
        Err(err @ HomeError::UnsupportedVersion { found: 2, supported: 1, .. }) => {
            assert_eq!(err.to_string(), "home data has format version 2; this build reads version 1");
        }
        other => panic!("{other:?}"),
    }
    bytes[6] = 0;
    assert!(matches!(decode(&bytes), Err(HomeError::UnsupportedVersion { found: 0, .. })));
}

#[test]
fn bad_checksum_names_the_checksum_offset() {
    let mut bytes = encode(&sample());
    let at = bytes.len() - 4;
    bytes[at] ^= 0x10;
    let (reason, offset) = corrupt(&bytes);
    assert!(matches!(reason, CorruptReason::BadChecksum { .. }));
    assert_eq!(offset, at);
    // A damaged body with an intact structure is also a checksum mismatch.
    let mut bytes = encode(&sample());
    let up = bytes.windows(2).position(|w| w == b"up").unwrap();
    bytes[up + 1] ^= 0x01; // "up" becomes "uq"
    assert!(matches!(corrupt(&bytes), (CorruptReason::BadChecksum { .. }, o) if o == at));
}

#[test]
fn bad_tag_with_a_good_checksum() {
    // One table, id 1, one entry whose key has tag 7.
    assert_eq!(corrupt(&file(1, &[1, 1, 7, 0])), (CorruptReason::BadTag(7), 11));
    assert_eq!(corrupt(&file(1, &[1, 1, 2, 0xFF])), (CorruptReason::BadTag(0xFF), 12));
}

#[test]
fn table_ref_out_of_range() {
    // Two tables; the root's value refers to table 2.
    let bytes = file(2, &[1, 1, 2, 6, 2, 2, 0]);
    assert_eq!(corrupt(&bytes), (CorruptReason::TableRefOutOfRange { index: 2, tables: 2 }, 13));
    assert!(decode(&file(2, &[1, 1, 2, 6, 1, 2, 0])).is_ok());
}

#[test]
fn trailing_bytes_after_the_checksum() {
    let mut bytes = encode(&sample());
    let end = bytes.len();
    bytes.extend_from_slice(b"xyz");
    assert_eq!(corrupt(&bytes), (CorruptReason::TrailingBytes(3), end));
}

#[test]
fn nil_table_and_nan_keys_are_corruption() {
    assert_eq!(corrupt(&file(1, &[1, 1, 0, 2])), (CorruptReason::NilKey, 11));
    assert_eq!(corrupt(&file(1, &[1, 1, 6, 0, 2])), (CorruptReason::TableKey, 11));
    let mut nan_key = vec![1, 1, 4];
    nan_key.extend_from_slice(&f64::NAN.to_bits().to_le_bytes());
    nan_key.push(2);
    assert_eq!(corrupt(&file(1, &nan_key)), (CorruptReason::NanKey, 11));
    // NaN as a value is fine.
    let mut nan_value = vec![1, 1, 2, 4];
    nan_value.extend_from_slice(&f64::NAN.to_bits().to_le_bytes());
    assert!(decode(&file(1, &nan_value)).is_ok());
}

#[test]
fn huge_counts_and_lengths_are_rejected_before_allocating() {
    // 2^32 tables declared in a 13-byte file.
    let mut body = b"MLHOME\x01\x00".to_vec();
    body.extend_from_slice(&[0x80, 0x80, 0x80, 0x80, 0x10]);
    let (reason, offset) = corrupt(&with_crc(body));
    assert_eq!(offset, 8);
    assert!(matches!(reason, CorruptReason::LengthTooLarge { declared: 0x1_0000_0000, .. }));
    // 2^32 + 1 tables is beyond the index range.
    let mut body = b"MLHOME\x01\x00".to_vec();
    body.extend_from_slice(&[0x81, 0x80, 0x80, 0x80, 0x10]);
    assert_eq!(corrupt(&with_crc(body)), (CorruptReason::TooManyTables(0x1_0000_0001), 8));
    // u64::MAX entries in one table.
    let mut rest = vec![1];
    rest.extend_from_slice(&[0xFF; 9]);
    rest.push(0x01);
    assert!(matches!(
        corrupt(&file(1, &rest)),
        (CorruptReason::LengthTooLarge { declared: u64::MAX, .. }, 10)
    ));
    // A string longer than the file.
    let (reason, offset) = corrupt(&file(1, &[1, 1, 2, 5, 0xFF, 0xFF, 0x03, b'a']));
    assert_eq!(offset, 13);
    assert_eq!(reason, CorruptReason::LengthTooLarge { declared: 65_535, available: 5 });
}

#[test]
fn malformed_varints() {
    // A redundant zero group in the table count.
    assert_eq!(corrupt(&file(0x81, &[0x00])), (CorruptReason::BadVarint, 8));
    // A table id longer than 64 bits.
    let mut rest = vec![0xFF; 10];
    rest.push(0x01);
    assert_eq!(corrupt(&file(1, &rest)), (CorruptReason::BadVarint, 9));
}

#[test]
fn corrupt_messages_name_the_store() {
    let mut store = MemoryStore::with_bytes(file(1, &[1, 1, 0, 2]));
    let err = load_snapshot(&mut store).unwrap_err();
    assert_eq!(err.to_string(), "home in memory is corrupt: nil key (offset 11)");
    let mut store = MemoryStore::with_bytes(encode(&sample()));
    assert_eq!(load_snapshot(&mut store).unwrap(), Some(sample()));
}

/// A fresh directory under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("moonlet-home-{name}-{}", std::process::id()));
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
fn file_store_round_trip_and_replacement() {
    let dir = TempDir::new("file-round-trip");
    let path = dir.0.join("x.home");
    let mut store = FileStore::new(&path);
    assert_eq!(load_snapshot(&mut store).unwrap(), None);
    save_snapshot(&mut store, &sample()).unwrap();
    assert_eq!(load_snapshot(&mut store).unwrap(), Some(sample()));
    save_snapshot(&mut store, &Snapshot::default()).unwrap();
    assert_eq!(load_snapshot(&mut FileStore::new(&path)).unwrap(), Some(Snapshot::default()));
    assert!(!store.temp_path().exists(), "the temporary file is renamed away");
    // A leftover temporary file from an interrupted save is ignored, then overwritten.
    std::fs::write(store.temp_path(), b"torn").unwrap();
    assert_eq!(load_snapshot(&mut store).unwrap(), Some(Snapshot::default()));
    save_snapshot(&mut store, &sample()).unwrap();
    assert_eq!(load_snapshot(&mut store).unwrap(), Some(sample()));
}

#[test]
fn file_store_errors_name_the_file_and_leave_it_alone() {
    let dir = TempDir::new("file-errors");
    // Saving into a missing directory fails on the temporary file.
    let mut store = FileStore::new(dir.0.join("missing").join("x.home"));
    match store.save(b"data") {
        Err(HomeError::Io { action: IoAction::Write, path, .. }) => assert_eq!(path, store.temp_path()),
        other => panic!("{other:?}"),
    }
    // A directory where the file should be cannot be read.
    let mut store = FileStore::new(&dir.0);
    let err = store.load().unwrap_err();
    assert!(matches!(err, HomeError::Io { action: IoAction::Read, .. }), "{err}");
    assert!(err.to_string().starts_with("cannot read home file '"), "{err}");
    // A corrupt file is reported with its name and not modified.
    let path = dir.0.join("bad.home");
    let mut bytes = encode(&sample());
    bytes[20] ^= 0x40;
    std::fs::write(&path, &bytes).unwrap();
    let err = load_snapshot(&mut FileStore::new(&path)).unwrap_err();
    let expected = format!("home file '{}' is corrupt: ", path.display());
    assert!(err.to_string().starts_with(&expected), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn invalid_snapshots_are_not_saved() {
    let dir = TempDir::new("invalid");
    let path = dir.0.join("x.home");
    let mut store = FileStore::new(&path);
    save_snapshot(&mut store, &sample()).unwrap();
    let mut bad = sample();
    bad.tables[1].entries.push((Stored::Table(0), Stored::Int(1)));
    let err = save_snapshot(&mut store, &bad).unwrap_err();
    assert_eq!(err.to_string(), "cannot save home: table key (table 1, entry 2)");
    assert_eq!(load_snapshot(&mut store).unwrap(), Some(sample()));
}

#[test]
fn boxed_stores_are_stores() {
    let shared = MemoryStore::new();
    let mut boxed: Box<dyn HomeStore> = Box::new(shared.clone());
    save_snapshot(&mut boxed, &sample()).unwrap();
    assert_eq!(boxed.describe(), "home in memory");
    assert_eq!(shared.bytes(), Some(encode(&sample())));
}
