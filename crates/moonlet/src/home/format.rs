//! The binary format of a persisted `_home`: [`encode`] turns a [`Snapshot`] into bytes
//! and [`decode`] turns bytes back into a [`Snapshot`], rejecting anything malformed with
//! a [`HomeError`] that says what and at which byte offset. This module also owns the
//! CRC-32 ([`crc32`]) the format uses.
//!
//! # Layout (format version 1)
//!
//! All fixed-width integers are little-endian. `uleb` is an unsigned LEB128 integer:
//! 7 bits per byte, least significant group first, high bit set on every byte but the
//! last; at most 10 bytes, no redundant trailing `0x00` group (each number has exactly
//! one encoding).
//!
//! | offset | size | field |
//! |--------|------|-------|
//! | 0      | 6    | magic `MLHOME` (`4D 4C 48 4F 4D 45`) |
//! | 6      | 2    | format version, `u16` = `1` |
//! | 8      | uleb | table count `T` (at most 2³²) |
//! | …      |      | `T` tables, table 0 first (it is `_home`) |
//! | end−4  | 4    | CRC-32 of every byte before it, `u32` |
//!
//! A table is its `id` (`uleb`), its entry count `E` (`uleb`), then `E` entries, each a
//! key value followed by a value value. A value is a one-byte tag and its payload:
//!
//! | tag    | type      | payload |
//! |--------|-----------|---------|
//! | `0x00` | nil       | none |
//! | `0x01` | false     | none |
//! | `0x02` | true      | none |
//! | `0x03` | integer   | 8 bytes, `i64` two's complement |
//! | `0x04` | float     | 8 bytes, the `f64` bits (NaN payloads kept) |
//! | `0x05` | string    | length `L` (`uleb`), then `L` raw bytes |
//! | `0x06` | table_ref | index (`uleb`) into the tables, below `T` |
//!
//! A key is never nil, a table_ref or a NaN float. The CRC-32 is the common one
//! (IEEE 802.3, as in zip and PNG: reflected polynomial `0xEDB88320`, initial value and
//! final xor `0xFFFFFFFF`).
//!
//! Example: the empty snapshot (no tables) is `4D 4C 48 4F 4D 45  01 00  00` and then the
//! CRC-32 of those 9 bytes.
//!
//! # Decoding guarantees
//!
//! [`decode`] never panics, and never allocates more than a small multiple of the input
//! size: every count and length is checked against the bytes left before anything is
//! reserved (a table takes at least 2 bytes, an entry at least 2). Structure is parsed
//! first, then the checksum is verified, so a truncated file is reported as truncated;
//! any single-bit change anywhere is an error (CRC-32 detects every single-bit error).

use super::error::{CorruptReason, HomeError};
use super::snapshot::{Snapshot, Stored, StoredTable};

/// The magic bytes every home file starts with.
///
/// ```
/// use moonlet::home::{encode, Snapshot, MAGIC};
/// assert!(encode(&Snapshot::default()).starts_with(MAGIC));
/// ```
pub const MAGIC: &[u8; 6] = b"MLHOME";

/// The format version [`encode`] writes and [`decode`] reads.
///
/// ```
/// use moonlet::home::{encode, Snapshot, FORMAT_VERSION};
/// assert_eq!(encode(&Snapshot::default())[6..8], FORMAT_VERSION.to_le_bytes());
/// ```
pub const FORMAT_VERSION: u16 = 1;

const TAG_NIL: u8 = 0x00;
const TAG_FALSE: u8 = 0x01;
const TAG_TRUE: u8 = 0x02;
const TAG_INT: u8 = 0x03;
const TAG_FLOAT: u8 = 0x04;
const TAG_STR: u8 = 0x05;
const TAG_TABLE: u8 = 0x06;

/// The fewest bytes a table can take (a one-byte id and a one-byte entry count).
const MIN_TABLE_BYTES: u64 = 2;
/// The fewest bytes an entry can take (two payload-less tags).
const MIN_ENTRY_BYTES: u64 = 2;
/// The size of the trailing checksum.
const CHECKSUM_BYTES: usize = 4;

/// Encodes a snapshot in the format described in the [module docs](self).
///
/// Encoding never fails; a snapshot that [`Snapshot::validate`] rejects (a nil key, a
/// dangling table reference…) encodes to bytes that [`decode`] rejects, so validate first
/// (as [`save_snapshot`](crate::home::save_snapshot) does) when the snapshot may be
/// invalid.
///
/// ```
/// use moonlet::home::{decode, encode, Snapshot, Stored, StoredTable};
/// let root = StoredTable { id: 1, entries: vec![("n".into(), Stored::Int(42))] };
/// let snap = Snapshot { tables: vec![root] };
/// let bytes = encode(&snap);
/// assert!(bytes.starts_with(b"MLHOME"));
/// assert_eq!(decode(&bytes).unwrap(), snap);
/// ```
pub fn encode(snapshot: &Snapshot) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    write_uleb(&mut out, snapshot.tables.len() as u64);
    for table in &snapshot.tables {
        write_uleb(&mut out, table.id);
        write_uleb(&mut out, table.entries.len() as u64);
        for (key, value) in &table.entries {
            write_value(&mut out, key);
            write_value(&mut out, value);
        }
    }
    let checksum = crc32(&out);
    out.extend_from_slice(&checksum.to_le_bytes());
    out
}

/// Decodes bytes written by [`encode`], checking everything described in the
/// [module docs](self). Errors are [`HomeError::Corrupt`] (with the offset of the bad
/// byte) or [`HomeError::UnsupportedVersion`]; they carry no origin yet (see
/// [`HomeError::with_origin`]).
///
/// ```
/// use moonlet::home::{decode, encode, CorruptReason, Snapshot};
/// let mut bytes = encode(&Snapshot::default());
/// assert_eq!(decode(&bytes).unwrap(), Snapshot::default());
/// let last = bytes.len() - 1;
/// bytes[last] ^= 1;
/// let err = decode(&bytes).unwrap_err();
/// assert!(matches!(err.corrupt_reason(), Some(CorruptReason::BadChecksum { .. })));
/// assert_eq!(err.to_string(), "home data is corrupt: bad checksum (offset 9)");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Snapshot, HomeError> {
    let mut r = Reader { bytes, pos: 0 };
    r.magic()?;
    let version = r.u16_le()?;
    if version != FORMAT_VERSION {
        return Err(HomeError::UnsupportedVersion {
            origin: None,
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let count_at = r.pos;
    let count = r.uleb()?;
    if count > Snapshot::MAX_TABLES {
        return Err(r.corrupt_at(count_at, CorruptReason::TooManyTables(count)));
    }
    r.check_count(count, MIN_TABLE_BYTES, count_at)?;
    // Bounded by the bytes left (checked just above), so the reservation is safe.
    let mut tables = Vec::with_capacity(count as usize);
    for _ in 0..count {
        tables.push(r.table(count)?);
    }
    let body_end = r.pos;
    let left = r.left();
    if left < CHECKSUM_BYTES {
        return Err(r.corrupt_at(bytes.len(), CorruptReason::Truncated));
    }
    if left > CHECKSUM_BYTES {
        let extra = left - CHECKSUM_BYTES;
        return Err(r.corrupt_at(body_end + CHECKSUM_BYTES, CorruptReason::TrailingBytes(extra)));
    }
    let stored = r.u32_le()?;
    let computed = crc32(bytes.get(..body_end).unwrap_or_default());
    if stored != computed {
        return Err(r.corrupt_at(body_end, CorruptReason::BadChecksum { stored, computed }));
    }
    Ok(Snapshot { tables })
}

/// The CRC-32 (IEEE 802.3) of `bytes`, as zip, PNG and this format use it.
///
/// ```
/// assert_eq!(moonlet::home::crc32(b"123456789"), 0xCBF4_3926);
/// assert_eq!(moonlet::home::crc32(b""), 0);
/// ```
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        // The index is masked to 0..=255, inside the 256-entry table.
        crc = CRC_TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// The byte-at-a-time lookup table for the reflected polynomial `0xEDB88320`.
const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
}

fn write_uleb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let low = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn write_value(out: &mut Vec<u8>, value: &Stored) {
    match value {
        Stored::Nil => out.push(TAG_NIL),
        Stored::Bool(false) => out.push(TAG_FALSE),
        Stored::Bool(true) => out.push(TAG_TRUE),
        Stored::Int(i) => {
            out.push(TAG_INT);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Stored::Float(x) => {
            out.push(TAG_FLOAT);
            out.extend_from_slice(&x.to_bits().to_le_bytes());
        }
        Stored::Str(s) => {
            out.push(TAG_STR);
            write_uleb(out, s.len() as u64);
            out.extend_from_slice(s);
        }
        Stored::Table(index) => {
            out.push(TAG_TABLE);
            write_uleb(out, u64::from(*index));
        }
    }
}

/// A cursor over the input; `pos` never exceeds `bytes.len()`.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn corrupt_at(&self, offset: usize, reason: CorruptReason) -> HomeError {
        HomeError::Corrupt { origin: None, reason, offset }
    }

    fn left(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    /// The next `n` bytes, or `Truncated` at the end of the data.
    fn take(&mut self, n: usize) -> Result<&[u8], HomeError> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.bytes.len());
        match end.and_then(|end| self.bytes.get(self.pos..end)) {
            Some(slice) => {
                self.pos += n;
                Ok(slice)
            }
            None => Err(self.corrupt_at(self.bytes.len(), CorruptReason::Truncated)),
        }
    }

    fn byte(&mut self) -> Result<u8, HomeError> {
        let b =
            *self.bytes.get(self.pos).ok_or_else(|| self.corrupt_at(self.pos, CorruptReason::Truncated))?;
        self.pos += 1;
        Ok(b)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], HomeError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?); // `take` returned exactly N bytes.
        Ok(out)
    }

    fn u16_le(&mut self) -> Result<u16, HomeError> {
        self.array().map(u16::from_le_bytes)
    }

    fn u32_le(&mut self) -> Result<u32, HomeError> {
        self.array().map(u32::from_le_bytes)
    }

    fn u64_le(&mut self) -> Result<u64, HomeError> {
        self.array().map(u64::from_le_bytes)
    }

    fn magic(&mut self) -> Result<(), HomeError> {
        for &expected in MAGIC {
            let at = self.pos;
            match self.bytes.get(at) {
                None => return Err(self.corrupt_at(at, CorruptReason::Truncated)),
                Some(&b) if b != expected => return Err(self.corrupt_at(0, CorruptReason::BadMagic)),
                Some(_) => self.pos += 1,
            }
        }
        Ok(())
    }

    /// An unsigned LEB128 integer: at most 10 bytes, fitting in 64 bits, canonical.
    fn uleb(&mut self) -> Result<u64, HomeError> {
        let start = self.pos;
        let mut value = 0u64;
        for i in 0..10u32 {
            let b = self.byte()?;
            let group = u64::from(b & 0x7F);
            // The 10th byte holds bit 63 only.
            if i == 9 && group > 1 {
                return Err(self.corrupt_at(start, CorruptReason::BadVarint));
            }
            value |= group << (7 * i);
            if b & 0x80 == 0 {
                // A final zero group after the first byte is a redundant encoding.
                if i > 0 && group == 0 {
                    return Err(self.corrupt_at(start, CorruptReason::BadVarint));
                }
                return Ok(value);
            }
        }
        Err(self.corrupt_at(start, CorruptReason::BadVarint))
    }

    /// Rejects a count of items of at least `min_bytes` each that the rest cannot hold.
    fn check_count(&self, count: u64, min_bytes: u64, at: usize) -> Result<(), HomeError> {
        let available = self.left();
        if count.saturating_mul(min_bytes) > available as u64 {
            return Err(self.corrupt_at(at, CorruptReason::LengthTooLarge { declared: count, available }));
        }
        Ok(())
    }

    fn table(&mut self, table_count: u64) -> Result<StoredTable, HomeError> {
        let id = self.uleb()?;
        let count_at = self.pos;
        let count = self.uleb()?;
        self.check_count(count, MIN_ENTRY_BYTES, count_at)?;
        // Bounded by the bytes left (checked just above).
        let mut entries = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let key_at = self.pos;
            let key = self.value(table_count)?;
            let reason = match key {
                Stored::Nil => Some(CorruptReason::NilKey),
                Stored::Table(_) => Some(CorruptReason::TableKey),
                Stored::Float(x) if x.is_nan() => Some(CorruptReason::NanKey),
                _ => None,
            };
            if let Some(reason) = reason {
                return Err(self.corrupt_at(key_at, reason));
            }
            let value = self.value(table_count)?;
            entries.push((key, value));
        }
        Ok(StoredTable { id, entries })
    }

    fn value(&mut self, table_count: u64) -> Result<Stored, HomeError> {
        let tag_at = self.pos;
        Ok(match self.byte()? {
            TAG_NIL => Stored::Nil,
            TAG_FALSE => Stored::Bool(false),
            TAG_TRUE => Stored::Bool(true),
            TAG_INT => Stored::Int(self.u64_le()? as i64),
            TAG_FLOAT => Stored::Float(f64::from_bits(self.u64_le()?)),
            TAG_STR => {
                let len_at = self.pos;
                let len = self.uleb()?;
                let available = self.left();
                if len > available as u64 {
                    return Err(
                        self.corrupt_at(len_at, CorruptReason::LengthTooLarge { declared: len, available })
                    );
                }
                // `len <= available`, a usize.
                Stored::Str(self.take(len as usize)?.to_vec())
            }
            TAG_TABLE => {
                let index_at = self.pos;
                let index = self.uleb()?;
                if index >= table_count {
                    let reason = CorruptReason::TableRefOutOfRange { index, tables: table_count };
                    return Err(self.corrupt_at(index_at, reason));
                }
                // `index < table_count <= 2^32`, so it fits in a u32.
                Stored::Table(index as u32)
            }
            tag => return Err(self.corrupt_at(tag_at, CorruptReason::BadTag(tag))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_known_vectors() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"a"), 0xE8B7_BE43);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    fn uleb_round_trip(n: u64) -> (Vec<u8>, u64) {
        let mut out = Vec::new();
        write_uleb(&mut out, n);
        let mut r = Reader { bytes: &out, pos: 0 };
        let back = r.uleb().unwrap();
        assert_eq!(r.pos, out.len());
        (out, back)
    }

    #[test]
    fn uleb_round_trips_and_sizes() {
        for (n, len) in [(0, 1), (127, 1), (128, 2), (300, 2), (u32::MAX as u64, 5), (u64::MAX, 10)] {
            let (bytes, back) = uleb_round_trip(n);
            assert_eq!(back, n);
            assert_eq!(bytes.len(), len, "{n}");
        }
        assert_eq!(uleb_round_trip(300).0, [0xAC, 0x02]);
    }

    #[test]
    fn uleb_rejects_overlong_overflowing_and_truncated() {
        let read = |bytes: &[u8]| Reader { bytes, pos: 0 }.uleb().map_err(|e| e.corrupt_reason().cloned());
        assert_eq!(read(&[0x80, 0x00]), Err(Some(CorruptReason::BadVarint)));
        assert_eq!(
            read(&[0xFF; 9].iter().copied().chain([0x02]).collect::<Vec<_>>()),
            Err(Some(CorruptReason::BadVarint))
        );
        assert_eq!(read(&[0x80; 11]), Err(Some(CorruptReason::BadVarint)));
        assert_eq!(read(&[0x80]), Err(Some(CorruptReason::Truncated)));
        assert_eq!(read(&[0xFF; 9].iter().copied().chain([0x01]).collect::<Vec<_>>()), Ok(u64::MAX));
    }

    #[test]
    fn empty_snapshot_bytes_are_as_documented() {
        let bytes = encode(&Snapshot::default());
        assert_eq!(&bytes[..9], b"MLHOME\x01\x00\x00");
        assert_eq!(bytes[9..], crc32(&bytes[..9]).to_le_bytes());
    }
}
