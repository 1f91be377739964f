//! The Lua pattern matcher: character classes, sets, quantifiers, anchors, captures
//! (position captures included), `%b`, `%f` and back-references, over byte strings.
//!
//! Owns matching one pattern against one subject at one position and the captures that
//! match leaves behind. It knows nothing of the VM: errors come back as
//! [`PatternError`] with Lua's wording, and the callers (`find.rs`, `gsub.rs`) turn
//! captures into values. It must not allocate Lua values or call back into Lua.
//!
//! The algorithm is Lua's backtracking matcher. Recursion happens only where Lua's
//! does (captures, `?`, `*`, `+`, `-`) and is bounded by [`MAX_DEPTH`], so a pattern can
//! never exhaust the Rust stack: past the bound matching fails with `pattern too
//! complex`, as in Lua. Reading at or past the end of the pattern or the subject yields
//! a 0 byte, which is what Lua's C code sees there (its strings end with a NUL).
//! Character classes are those of the C locale (ASCII).
//!
//! ```text
//! let mut m = Matcher::new(b"key = value", b"(%w+)%s*=%s*(%w+)");
//! assert_eq!(m.match_at(0).ok().flatten(), Some(11));
//! ```

/// Most captures a pattern may have (Lua's `LUA_MAXCAPTURES`).
pub(crate) const MAX_CAPTURES: usize = 32;

/// Most nested matcher calls for one match attempt (Lua's `MAXCCALLS`).
const MAX_DEPTH: u32 = 200;

/// The escape character of patterns.
const ESC: u8 = b'%';

/// A pattern error, worded as Lua words it (`malformed pattern (missing ']')`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternError(pub(crate) String);

fn error<T>(message: &str) -> Result<T, PatternError> {
    Err(PatternError(message.to_owned()))
}

/// What a capture holds so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CapLen {
    /// Opened by `(`, not closed yet.
    Unfinished,
    /// A position capture `()`.
    Position,
    /// A closed capture of this many bytes.
    Len(usize),
}

#[derive(Clone, Copy, Debug)]
struct Capture {
    start: usize,
    len: CapLen,
}

/// The value of one capture after a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Captured {
    /// The bytes `start..end` of the subject.
    Range(usize, usize),
    /// A position capture: the 1-based position in the subject.
    Position(usize),
}

/// The state of matching one pattern against one subject.
pub(crate) struct Matcher<'a> {
    src: &'a [u8],
    pat: &'a [u8],
    level: usize,
    captures: [Capture; MAX_CAPTURES],
    depth: u32,
}

impl<'a> Matcher<'a> {
    /// A matcher of `pat` (without a leading `^` anchor, which callers handle) in `src`.
    pub(crate) fn new(src: &'a [u8], pat: &'a [u8]) -> Matcher<'a> {
        Matcher {
            src,
            pat,
            level: 0,
            captures: [Capture { start: 0, len: CapLen::Unfinished }; MAX_CAPTURES],
            depth: MAX_DEPTH,
        }
    }

    /// The subject.
    pub(crate) fn subject(&self) -> &'a [u8] {
        self.src
    }

    /// Tries to match the whole pattern starting at byte `start` of the subject: the
    /// end of the match, or `None`. Captures of an earlier attempt are forgotten.
    pub(crate) fn match_at(&mut self, start: usize) -> Result<Option<usize>, PatternError> {
        self.level = 0;
        self.depth = MAX_DEPTH;
        self.do_match(start, 0)
    }

    /// How many values the captures of the last match make: the captures, or the whole
    /// match when there are none and `whole` is set.
    pub(crate) fn capture_count(&self, whole: bool) -> usize {
        if self.level == 0 && whole {
            1
        } else {
            self.level
        }
    }

    /// Capture `i` (0-based) of the last match `start..end`; with no captures, capture 0
    /// is the whole match.
    pub(crate) fn capture(&self, i: usize, start: usize, end: usize) -> Result<Captured, PatternError> {
        if i >= self.level {
            if i != 0 {
                return Err(PatternError(format!("invalid capture index %{}", i + 1)));
            }
            return Ok(Captured::Range(start, end));
        }
        let capture = self.captures[i];
        match capture.len {
            CapLen::Unfinished => error("unfinished capture"),
            CapLen::Position => Ok(Captured::Position(capture.start + 1)),
            CapLen::Len(len) => Ok(Captured::Range(capture.start, capture.start + len)),
        }
    }

    #[inline]
    fn pat_at(&self, i: usize) -> u8 {
        self.pat.get(i).copied().unwrap_or(0)
    }

    #[inline]
    fn src_at(&self, i: usize) -> u8 {
        self.src.get(i).copied().unwrap_or(0)
    }

    /// One matcher call: counts against the depth bound around [`Matcher::match_here`].
    fn do_match(&mut self, s: usize, p: usize) -> Result<Option<usize>, PatternError> {
        if self.depth == 0 {
            return error("pattern too complex");
        }
        self.depth -= 1;
        let result = self.match_here(s, p);
        self.depth += 1;
        result
    }

    /// Matches the pattern from `p` against the subject from `s`. Steps that Lua's C
    /// code takes as tail calls loop here instead of recursing.
    fn match_here(&mut self, mut s: usize, mut p: usize) -> Result<Option<usize>, PatternError> {
        loop {
            if p >= self.pat.len() {
                return Ok(Some(s));
            }
            let next = self.pat_at(p + 1);
            match self.pat_at(p) {
                b'(' if next == b')' => return self.start_capture(s, p + 2, CapLen::Position),
                b'(' => return self.start_capture(s, p + 1, CapLen::Unfinished),
                b')' => return self.end_capture(s, p + 1),
                b'$' if p + 1 == self.pat.len() => return Ok((s == self.src.len()).then_some(s)),
                ESC if next == b'b' => match self.match_balance(s, p + 2)? {
                    Some(end) => {
                        s = end;
                        p += 4;
                    }
                    None => return Ok(None),
                },
                ESC if next == b'f' => {
                    p += 2;
                    if self.pat_at(p) != b'[' {
                        return error("missing '[' after '%f' in pattern");
                    }
                    let ep = self.class_end(p)?;
                    let previous = if s == 0 { 0 } else { self.src_at(s - 1) };
                    let current = self.src_at(s);
                    if self.match_bracket(previous, p, ep - 1) || !self.match_bracket(current, p, ep - 1) {
                        return Ok(None);
                    }
                    p = ep;
                }
                ESC if next.is_ascii_digit() => match self.match_back_reference(s, next)? {
                    Some(end) => {
                        s = end;
                        p += 2;
                    }
                    None => return Ok(None),
                },
                _ => {
                    let ep = self.class_end(p)?;
                    let suffix = self.pat_at(ep);
                    if !self.single_match(s, p, ep) {
                        if matches!(suffix, b'*' | b'?' | b'-') {
                            p = ep + 1;
                            continue;
                        }
                        return Ok(None);
                    }
                    match suffix {
                        b'?' => {
                            if let Some(end) = self.do_match(s + 1, ep + 1)? {
                                return Ok(Some(end));
                            }
                            p = ep + 1;
                        }
                        b'+' => return self.max_expand(s + 1, p, ep),
                        b'*' => return self.max_expand(s, p, ep),
                        b'-' => return self.min_expand(s, p, ep),
                        _ => {
                            s += 1;
                            p = ep;
                        }
                    }
                }
            }
        }
    }

    /// Where the single-character class at `p` ends (its optional suffix starts).
    fn class_end(&self, p: usize) -> Result<usize, PatternError> {
        let first = self.pat_at(p);
        let mut p = p + 1;
        match first {
            ESC => {
                if p >= self.pat.len() {
                    return error("malformed pattern (ends with '%')");
                }
                Ok(p + 1)
            }
            b'[' => {
                if self.pat_at(p) == b'^' {
                    p += 1;
                }
                // The first character of a set is never its end: `[]]` is the set of ']'.
                loop {
                    if p >= self.pat.len() {
                        return error("malformed pattern (missing ']')");
                    }
                    let c = self.pat_at(p);
                    p += 1;
                    if c == ESC && p < self.pat.len() {
                        p += 1;
                    }
                    if self.pat_at(p) == b']' {
                        return Ok(p + 1);
                    }
                }
            }
            _ => Ok(p),
        }
    }

    /// Whether subject byte `s` matches the single-character class `p..ep`.
    fn single_match(&self, s: usize, p: usize, ep: usize) -> bool {
        let Some(&c) = self.src.get(s) else {
            return false;
        };
        match self.pat_at(p) {
            b'.' => true,
            ESC => match_class(c, self.pat_at(p + 1)),
            b'[' => self.match_bracket(c, p, ep - 1),
            literal => literal == c,
        }
    }

    /// Whether `c` is in the set that opens at `p` (`[`) and closes at `end` (`]`).
    fn match_bracket(&self, c: u8, p: usize, end: usize) -> bool {
        let mut p = p;
        let mut inside = true;
        if self.pat_at(p + 1) == b'^' {
            inside = false;
            p += 1;
        }
        loop {
            p += 1;
            if p >= end {
                return !inside;
            }
            let item = self.pat_at(p);
            if item == ESC {
                p += 1;
                if match_class(c, self.pat_at(p)) {
                    return inside;
                }
            } else if self.pat_at(p + 1) == b'-' && p + 2 < end {
                p += 2;
                if item <= c && c <= self.pat_at(p) {
                    return inside;
                }
            } else if item == c {
                return inside;
            }
        }
    }

    /// Greedy repetition: as many matches of `p..ep` as possible from `s`, then back off.
    fn max_expand(&mut self, s: usize, p: usize, ep: usize) -> Result<Option<usize>, PatternError> {
        let mut count = 0;
        while self.single_match(s + count, p, ep) {
            count += 1;
        }
        loop {
            if let Some(end) = self.do_match(s + count, ep + 1)? {
                return Ok(Some(end));
            }
            if count == 0 {
                return Ok(None);
            }
            count -= 1;
        }
    }

    /// Lazy repetition: as few matches of `p..ep` as the rest of the pattern allows.
    fn min_expand(&mut self, mut s: usize, p: usize, ep: usize) -> Result<Option<usize>, PatternError> {
        loop {
            if let Some(end) = self.do_match(s, ep + 1)? {
                return Ok(Some(end));
            }
            if !self.single_match(s, p, ep) {
                return Ok(None);
            }
            s += 1;
        }
    }

    fn start_capture(&mut self, s: usize, p: usize, what: CapLen) -> Result<Option<usize>, PatternError> {
        if self.level >= MAX_CAPTURES {
            return error("too many captures");
        }
        self.captures[self.level] = Capture { start: s, len: what };
        self.level += 1;
        let result = self.do_match(s, p)?;
        if result.is_none() {
            self.level -= 1;
        }
        Ok(result)
    }

    fn end_capture(&mut self, s: usize, p: usize) -> Result<Option<usize>, PatternError> {
        let Some(open) = (0..self.level).rev().find(|&l| self.captures[l].len == CapLen::Unfinished) else {
            return error("invalid pattern capture");
        };
        self.captures[open].len = CapLen::Len(s - self.captures[open].start);
        let result = self.do_match(s, p)?;
        if result.is_none() {
            self.captures[open].len = CapLen::Unfinished;
        }
        Ok(result)
    }

    /// `%b xy`: a balanced run from `x` to its matching `y`.
    fn match_balance(&self, s: usize, p: usize) -> Result<Option<usize>, PatternError> {
        if p + 1 >= self.pat.len() {
            return error("malformed pattern (missing arguments to '%b')");
        }
        let (open, close) = (self.pat_at(p), self.pat_at(p + 1));
        if s >= self.src.len() || self.src_at(s) != open {
            return Ok(None);
        }
        let mut depth = 1usize;
        for (i, &c) in self.src.iter().enumerate().skip(s + 1) {
            if c == close {
                depth -= 1;
                if depth == 0 {
                    return Ok(Some(i + 1));
                }
            } else if c == open {
                depth += 1;
            }
        }
        Ok(None)
    }

    /// `%1`..`%9` in a pattern: the text of an earlier, closed capture again.
    fn match_back_reference(&self, s: usize, digit: u8) -> Result<Option<usize>, PatternError> {
        let index = i32::from(digit) - i32::from(b'1');
        let capture = usize::try_from(index).ok().filter(|&l| l < self.level).map(|l| self.captures[l]);
        let len = match capture.map(|c| c.len) {
            None | Some(CapLen::Unfinished) => {
                return Err(PatternError(format!("invalid capture index %{}", index + 1)))
            }
            // A position capture never matches text (Lua compares a huge length).
            Some(CapLen::Position) => return Ok(None),
            Some(CapLen::Len(len)) => len,
        };
        let start = capture.map_or(0, |c| c.start);
        let wanted = self.src.get(start..start + len);
        let here = self.src.get(s..s + len);
        Ok(match (wanted, here) {
            (Some(a), Some(b)) if a == b => Some(s + len),
            _ => None,
        })
    }
}

/// Whether `c` is in the class named by `class` (`a`, `d`, `S`…, or a literal).
fn match_class(c: u8, class: u8) -> bool {
    let result = match class.to_ascii_lowercase() {
        b'a' => c.is_ascii_alphabetic(),
        b'c' => c.is_ascii_control(),
        b'd' => c.is_ascii_digit(),
        b'g' => c.is_ascii_graphic(),
        b'l' => c.is_ascii_lowercase(),
        b'p' => c.is_ascii_punctuation(),
        // C's isspace: space, \t \n \v \f \r (Rust's is_ascii_whitespace omits \v).
        b's' => matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
        b'u' => c.is_ascii_uppercase(),
        b'w' => c.is_ascii_alphanumeric(),
        b'x' => c.is_ascii_hexdigit(),
        // Deprecated in Lua 5.2 but still understood by 5.4: the zero byte.
        b'z' => c == 0,
        _ => return class == c,
    };
    if class.is_ascii_uppercase() {
        !result
    } else {
        result
    }
}

/// Whether a pattern has no magic characters, so `find` can search for it as is.
pub(crate) fn is_plain(pattern: &[u8]) -> bool {
    !pattern.iter().any(|c| b"^$*+?.([%-".contains(c))
}

/// The first occurrence of `needle` in `haystack` at or after `from`.
pub(crate) fn find_plain(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let rest = haystack.get(from..)?;
    let Some(&first) = needle.first() else {
        return Some(from);
    };
    let mut i = 0;
    // `i + needle.len() <= rest.len()` with a non-empty needle keeps `i` in bounds.
    while i + needle.len() <= rest.len() {
        match rest[i..].iter().position(|&c| c == first) {
            None => return None,
            Some(offset) => {
                let at = i + offset;
                if rest.get(at..at + needle.len()) == Some(needle) {
                    return Some(from + at);
                }
                i = at + 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(src: &str, pat: &str) -> Result<Option<(usize, usize)>, PatternError> {
        let (anchored, pat) = match pat.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, pat),
        };
        let mut m = Matcher::new(src.as_bytes(), pat.as_bytes());
        for start in 0..=src.len() {
            if let Some(end) = m.match_at(start)? {
                return Ok(Some((start, end)));
            }
            if anchored {
                break;
            }
        }
        Ok(None)
    }

    #[test]
    fn classes_sets_and_quantifiers() {
        assert_eq!(find("hello world", "o w"), Ok(Some((4, 7))));
        assert_eq!(find("abc123", "%d+"), Ok(Some((3, 6))));
        assert_eq!(find("abc123", "[%a_]*"), Ok(Some((0, 3))));
        assert_eq!(find("x = 10", "[^%s=]+$"), Ok(Some((4, 6))));
        assert_eq!(find("aaa", "a-b"), Ok(None));
        assert_eq!(find("<a><b>", "<.->"), Ok(Some((0, 3))));
        assert_eq!(find("abc", "^b"), Ok(None));
        assert_eq!(find("]", "[]]"), Ok(Some((0, 1))));
        assert_eq!(find("a-z", "[a%-]+"), Ok(Some((0, 2))));
    }

    #[test]
    fn captures_balance_frontier_backrefs() {
        let mut m = Matcher::new(b"f(a(b)c) d", b"%b()");
        assert_eq!(m.match_at(1), Ok(Some(8)));
        let mut m = Matcher::new(b"the cat", b"%f[%w]%w+");
        assert_eq!(m.match_at(4), Ok(Some(7)));
        assert_eq!(m.match_at(5), Ok(None));
        let mut m = Matcher::new(b"say \"hi\" ok", b"([\"'])(.-)%1");
        assert_eq!(m.match_at(4), Ok(Some(8)));
        assert_eq!(m.capture(1, 4, 8), Ok(Captured::Range(5, 7)));
        let mut m = Matcher::new(b"ab", b"()a()");
        assert_eq!(m.match_at(0), Ok(Some(1)));
        assert_eq!(m.capture(1, 0, 1), Ok(Captured::Position(2)));
    }

    #[test]
    fn errors_and_depth_bound() {
        assert_eq!(find("a", "%"), Err(PatternError("malformed pattern (ends with '%')".into())));
        assert_eq!(find("a", "[a"), Err(PatternError("malformed pattern (missing ']')".into())));
        assert_eq!(find("a", "a)"), Err(PatternError("invalid pattern capture".into())));
        let src = "a".repeat(300);
        let pat = "a?".repeat(300);
        assert_eq!(find(&src, &pat), Err(PatternError("pattern too complex".into())));
        let src = "a".repeat(199);
        assert_eq!(find(&src, &"a?".repeat(199)), Ok(Some((0, 199))));
    }
}
