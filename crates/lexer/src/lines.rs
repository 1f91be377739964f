//! Byte offsets to line numbers, counting line breaks as Lua does.
//!
//! Lua counts `\n`, `\r`, `\r\n` and `\n\r` each as one line break. This module owns that
//! rule; everything that prints a line number (syntax errors, the compiler's line info)
//! goes through [`LineMap`].

/// The starting offset of every line of a source, for offset → line lookups.
#[derive(Debug, Clone)]
pub struct LineMap {
    /// `starts[i]` is the byte offset where line `i + 1` begins; `starts[0] == 0`.
    starts: Vec<usize>,
}

impl LineMap {
    /// Indexes the line breaks of `source`.
    ///
    /// ```
    /// let map = moonlet_lexer::LineMap::new(b"a\r\nb\n\rc\rd");
    /// assert_eq!(map.line_of(0), 1);
    /// assert_eq!(map.line_of(3), 2);
    /// assert_eq!(map.line_of(6), 3);
    /// assert_eq!(map.line_of(8), 4);
    /// ```
    pub fn new(source: &[u8]) -> LineMap {
        let mut starts = vec![0];
        let mut i = 0;
        while i < source.len() {
            match LineMap::leading_break_len(&source[i..]) {
                0 => i += 1,
                n => {
                    i += n;
                    starts.push(i);
                }
            }
        }
        LineMap { starts }
    }

    /// The length (0, 1 or 2) of the line break `text` starts with: `\n`, `\r`, `\r\n` or
    /// `\n\r`, never `\n\n` or `\r\r`.
    pub fn leading_break_len(text: &[u8]) -> usize {
        match text {
            [a @ (b'\n' | b'\r'), b @ (b'\n' | b'\r'), ..] if a != b => 2,
            [b'\n' | b'\r', ..] => 1,
            _ => 0,
        }
    }

    /// The 1-based line holding byte `offset` (the end of the source counts as the last line).
    pub fn line_of(&self, offset: usize) -> u32 {
        let line = self.starts.partition_point(|&start| start <= offset);
        u32::try_from(line).unwrap_or(u32::MAX)
    }

    /// The 1-based column of byte `offset` within its line.
    pub fn column_of(&self, offset: usize) -> u32 {
        let line = self.starts.partition_point(|&start| start <= offset);
        // `line >= 1` because `starts[0] == 0 <= offset`.
        let start = self.starts[line.saturating_sub(1)];
        u32::try_from(offset - start + 1).unwrap_or(u32::MAX)
    }

    /// How many lines the source has.
    pub fn line_count(&self) -> u32 {
        u32::try_from(self.starts.len()).unwrap_or(u32::MAX)
    }
}
