//! Byte spans and the line index.
//!
//! Everything inside gongwen works in byte offsets into the original decoded text. Users see
//! 1-based lines and 1-based columns counted in Unicode characters; this module is the only
//! place where one is turned into the other.

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text under the span. Panics if the span is not on character boundaries, which would
    /// be a bug in the extractor that produced it.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Bytes per checkpoint of the cumulative character count. Bounds the cost of one lookup, so that
/// a 50 MB document without a newline does not make each lookup scan the whole line.
const CHECKPOINT: usize = 4096;

/// Maps byte offsets to lines and character columns.
///
/// Where each line starts is kept once per [`CHECKPOINT`] bytes, not for every line: a text of
/// short lines has one every byte or two, and four bytes for each took four times the text. A
/// lookup counts the line breaks of at most one checkpoint's bytes.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// For the first byte of each checkpoint, the 0-based line that holds it and where that line
    /// starts (32 bits: texts are under 4 GiB, see `crate::segment::Token`).
    checkpoints: Vec<(u32, u32)>,
    /// Number of lines.
    lines: usize,
    /// `chars_before[k]` = number of characters in `text[..k * CHECKPOINT]`.
    chars_before: Vec<usize>,
}

pub(crate) fn count_chars(bytes: &[u8]) -> usize {
    // A character starts at every byte that is not a UTF-8 continuation byte (10xxxxxx). Eight
    // bytes at a time: shifting left by one puts each byte's bit 6 under its bit 7, so a byte
    // keeps its top bit below only if it is a continuation byte.
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
        continuation += (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
    }
    let rest = chunks.remainder();
    bytes.len() - continuation - rest.iter().filter(|&&b| (b & 0xC0) == 0x80).count()
}

/// Whether one of the eight bytes of `w` is `c`: the bytes equal to `c` become zero, and a zero
/// byte is the only one whose top bit survives subtracting one from every byte and masking out
/// the bytes that had their top bit set.
pub(crate) fn word_has_byte(w: u64, c: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = w ^ (ONES * u64::from(c));
    x.wrapping_sub(ONES) & !x & 0x8080_8080_8080_8080 != 0
}

/// Whether one of the eight bytes of `w` is an ASCII digit: a byte strictly between 0x2F and
/// 0x3A, found without a branch per byte (bytes of 0x80 and above never count).
pub(crate) fn word_has_ascii_digit(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let below = (ONES * (127 + 0x3A)).wrapping_sub(w & LOW7);
    let above = (w & LOW7) + ONES * (127 - 0x2F);
    below & !w & above & 0x8080_8080_8080_8080 != 0
}

/// Whether `bytes` holds an ASCII digit, eight bytes at a time.
pub(crate) fn has_ascii_digit(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    chunks.any(|c| word_has_ascii_digit(u64::from_le_bytes(c.try_into().unwrap_or_default())))
        || chunks.remainder().iter().any(u8::is_ascii_digit)
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let (mut line, mut start) = (0u32, 0u32);
        let mut breaks = memchr::memchr_iter(b'\n', bytes).peekable();
        for k in 0..=bytes.len() / CHECKPOINT {
            while let Some(i) = breaks.next_if(|&i| i < k * CHECKPOINT) {
                line += 1;
                start = (i + 1) as u32;
            }
            checkpoints.push((line, start));
        }
        let lines = (line as usize) + breaks.count() + 1;
        let mut chars_before = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut acc = 0;
        chars_before.push(0);
        for chunk in bytes.chunks(CHECKPOINT) {
            acc += count_chars(chunk);
            chars_before.push(acc);
        }
        LineIndex {
            checkpoints,
            lines,
            chars_before,
        }
    }

    /// Number of lines (a final line without a newline counts; an empty text has one line).
    pub fn line_count(&self) -> usize {
        self.lines
    }

    /// Byte offset where the 1-based `line` of `text` starts (the end of the text past its last
    /// line).
    pub fn line_start(&self, text: &str, line: usize) -> usize {
        let want = line.saturating_sub(1);
        let k = self
            .checkpoints
            .partition_point(|&(l, _)| l as usize <= want)
            .saturating_sub(1);
        let Some(&(first, start)) = self.checkpoints.get(k) else {
            return 0;
        };
        if first as usize == want {
            return start as usize;
        }
        // The line starts after this checkpoint and before the next one's first byte.
        let from = k * CHECKPOINT;
        let to = ((k + 1) * CHECKPOINT).min(text.len());
        memchr::memchr_iter(b'\n', &text.as_bytes()[from..to])
            .nth(want - first as usize - 1)
            .map_or(text.len(), |i| from + i + 1)
    }

    /// The 0-based line holding `byte` (at most the text's length) and where it starts.
    fn line_and_start(&self, text: &str, byte: usize) -> (usize, usize) {
        let k = byte / CHECKPOINT;
        let (first, start) = self.checkpoints.get(k).copied().unwrap_or_default();
        let from = k * CHECKPOINT;
        let (mut line, mut start) = (first as usize, start as usize);
        for i in memchr::memchr_iter(b'\n', &text.as_bytes()[from.min(byte)..byte]) {
            line += 1;
            start = from + i + 1;
        }
        (line, start)
    }

    fn chars_up_to(&self, text: &str, byte: usize) -> usize {
        let k = byte / CHECKPOINT;
        self.chars_before[k] + count_chars(&text.as_bytes()[k * CHECKPOINT..byte])
    }

    /// Line and column of the character starting at `byte`.
    pub fn line_col(&self, text: &str, byte: usize) -> LineCol {
        let byte = byte.min(text.len());
        let (line, start) = self.line_and_start(text, byte);
        // Most lines are short: counting the line's own characters reads less than counting
        // from two checkpoints.
        let column = if byte - start <= CHECKPOINT {
            count_chars(&text.as_bytes()[start..byte])
        } else {
            self.chars_up_to(text, byte) - self.chars_up_to(text, start)
        } + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The text of the line containing `byte`, without its line terminator.
    pub fn line_text<'a>(&self, text: &'a str, byte: usize) -> &'a str {
        let byte = byte.min(text.len());
        let (_, start) = self.line_and_start(text, byte);
        // The line ends in the last checkpoint whose first byte it still holds: found by the
        // checkpoints, so that a long line is not read to its end.
        let k = byte / CHECKPOINT;
        let last = k + self.checkpoints[(k + 1).min(self.checkpoints.len())..]
            .partition_point(|&(_, s)| s as usize == start);
        let from = (last * CHECKPOINT).max(byte);
        let to = ((last + 1) * CHECKPOINT).min(text.len());
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[from.min(to)..to]).map_or(to, |i| from + i);
        text[start..end].trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_digits_are_found_in_any_byte() {
        for len in 0..20 {
            for at in 0..len {
                for b in 0u8..=255 {
                    let mut v = vec![b'x'; len];
                    v[at] = b;
                    assert_eq!(has_ascii_digit(&v), b.is_ascii_digit(), "{v:?}");
                }
            }
        }
        assert!(!has_ascii_digit("二〇二四年，１０号".as_bytes()));
        for at in 0..8 {
            for b in 0u8..=255 {
                let mut w = [b'x'; 8];
                w[at] = b;
                let w = u64::from_le_bytes(w);
                for c in [0u8, b',', b'"', 0xBC, 0xFF] {
                    assert_eq!(word_has_byte(w, c), b == c, "{b} {c}");
                }
            }
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "第一行\n保政发〔2022〕10号文\n";
        let idx = LineIndex::new(text);
        let at = text.find("〔").unwrap();
        assert_eq!(idx.line_col(text, at), LineCol { line: 2, column: 4 });
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_text(text, at), "保政发〔2022〕10号文");
        assert_eq!(idx.line_count(), 3);
    }

    #[test]
    fn character_counts_match_the_standard_library() {
        let text = "第一行 abc\n保政发〔2022〕10号文 𠀀é\r\n".repeat(7);
        for start in 0..text.len() {
            for end in start..text.len().min(start + 40) {
                let bytes = &text.as_bytes()[start..end];
                let expected = bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
                assert_eq!(count_chars(bytes), expected, "{start}..{end}");
            }
        }
        let idx = LineIndex::new(&text);
        for (at, _) in text.char_indices() {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let column = text[line_start..at].chars().count() + 1;
            assert_eq!(idx.line_col(&text, at).column, column, "{at}");
        }
    }

    #[test]
    fn long_lines_cross_checkpoints() {
        let text: String = "法治".repeat(10_000) + "\n" + &"a".repeat(9000) + "〔";
        let idx = LineIndex::new(&text);
        let at = text.find('〔').unwrap();
        assert_eq!(
            idx.line_col(&text, at),
            LineCol {
                line: 2,
                column: 9001
            }
        );
        let mid = "法治".len() * 5000;
        assert_eq!(idx.line_col(&text, mid).column, 10_001);
    }

    /// Every lookup, against the lines found by splitting the text: texts of lines shorter and
    /// longer than a checkpoint, empty lines, `\r\n`, several-byte characters, a break at a
    /// checkpoint's first byte and at the text's end.
    #[test]
    fn lookups_agree_with_the_lines_of_the_text() {
        let mut texts = vec![String::new(), "\n".into(), "a".into(), "\n\n\n".into()];
        let lens = [0usize, 1, 3, 7, 100, 4095, 4096, 4097, 9000];
        let mut seed = 7u64;
        for round in 0..12 {
            let mut t = String::new();
            while t.len() < 3 * CHECKPOINT + round * 977 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let n = lens[(seed >> 33) as usize % lens.len()];
                let unit = ["a", "法", "〔"][(seed >> 40) as usize % 3];
                t.push_str(&unit.repeat(n / unit.len()));
                t.push_str(if seed >> 62 == 0 { "\r\n" } else { "\n" });
            }
            texts.push(t);
        }
        let mut exact = "a".repeat(CHECKPOINT - 1);
        exact.push('\n');
        exact.push_str(&"b".repeat(CHECKPOINT));
        exact.push('\n');
        texts.push(exact);
        for text in &texts {
            let idx = LineIndex::new(text);
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            assert_eq!(idx.line_count(), starts.len());
            for (n, &s) in starts.iter().enumerate() {
                assert_eq!(idx.line_start(text, n + 1), s, "line {}", n + 1);
            }
            let step = text.len() / 3000 + 1;
            for (at, _) in text.char_indices().step_by(step).chain([(text.len(), ' ')]) {
                let line = starts.partition_point(|&s| s <= at);
                let start = starts[line - 1];
                let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
                let lc = idx.line_col(text, at);
                assert_eq!(lc.line, line, "{at}");
                assert_eq!(lc.column, text[start..at].chars().count() + 1, "{at}");
                assert_eq!(
                    idx.line_text(text, at),
                    text[start..end].trim_end_matches('\r'),
                    "{at}"
                );
            }
        }
    }
}
