//! What a document rule sees of its document, and the views of it that several rules share.

use super::rules;
use crate::document::Document;
use crate::extract::citation::Citation;
use crate::extract::docnum::DocNum;
use crate::extract::figures::Figure;
use crate::extract::meta::DocMeta;
use crate::extract::LeftOut;
use crate::segment::Token;

/// What a document rule sees.
pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub tokens: &'a [Token],
    pub figures: &'a [Figure],
    pub docnums: &'a [DocNum],
    pub citations: &'a [Citation],
    pub meta: &'a DocMeta,
    /// Where the figures, document numbers or citations past the document's limits begin
    /// (none in any published document): the rules saw only those before.
    pub left_out: LeftOut,
    /// What several rules derive from the text, made once on first use.
    pub shared: Shared<'a>,
}

/// Views of a document that several rules need, computed lazily once per document.
#[derive(Default)]
pub struct Shared<'a> {
    pub(crate) body_lines: std::cell::OnceCell<Vec<(usize, std::borrow::Cow<'a, str>)>>,
    /// Every line with its offset, but a web page's or newspaper's own lines.
    pub(crate) text_lines: std::cell::OnceCell<Vec<(usize, &'a str)>>,
    titles: std::cell::OnceCell<Vec<(u32, u32)>>,
    digit_lines: std::cell::OnceCell<Vec<(usize, &'a str)>>,
    list_starts: std::cell::OnceCell<Vec<u32>>,
}

impl<'a> DocContext<'a> {
    /// The lines of the text written by the drafter (see `text::is_scrape_line`), with the byte
    /// offset of each; made once per document.
    pub fn text_lines(&self) -> &[(usize, &'a str)] {
        let text: &'a str = &self.doc.text;
        self.shared.text_lines.get_or_init(|| {
            // Up to the document's limit of lines (`crate::extract::Limits`), without the line
            // break before the first line left out.
            let text = &text[..self.left_out.lines.map_or(text.len(), |l| l.start - 1)];
            // Made at the size of every line, not doubled as it fills: a text of short lines
            // has one every few bytes.
            let most = crate::extract::Limits::for_len(self.doc.text.len()).lines;
            let mut out = Vec::with_capacity(self.doc.lines.line_count().min(most));
            out.extend(rules::text::lines(text).filter(|(_, l)| !rules::text::is_scrape_line(l)));
            out
        })
    }

    /// Whether the line starting at byte `start` is one of the drafter's (see
    /// [`DocContext::text_lines`]): the test is made once per line and document.
    pub fn is_text_line(&self, start: usize) -> bool {
        self.text_lines()
            .binary_search_by_key(&start, |(s, _)| *s)
            .is_ok()
    }

    /// Where a string of one of the wording rules' word lists may start (see
    /// [`rules::text::Starts`]), found in one pass over the text for all of them: byte offsets,
    /// read with [`rules::text::chars_at`].
    pub fn list_starts(&self) -> &[u32] {
        self.shared
            .list_starts
            .get_or_init(|| rules::wording::LIST_STARTS.scan(&self.doc.text))
    }

    /// The drafter's lines that hold an ASCII digit: all that the rules on figures written in
    /// digits need to read, and in policy documents a small part of the lines.
    pub fn digit_lines(&self) -> &[(usize, &'a str)] {
        self.shared.digit_lines.get_or_init(|| {
            // Made at the size of the lines it is taken from, not doubled as it fills.
            let mut out = Vec::with_capacity(self.text_lines().len());
            out.extend(
                self.text_lines()
                    .iter()
                    .filter(|(_, l)| crate::span::has_ascii_digit(l.as_bytes())),
            );
            out
        })
    }

    /// The drafter's lines in which `re` matches, found by one search of the whole text instead
    /// of one search per line, which costs more than the search itself on short lines. `re` must
    /// not be able to match a line break or use anchors: then it matches inside a line just as it
    /// matches in the line alone, and a rule that searches these lines finds what it would find
    /// in all of them.
    pub fn lines_matching(&self, re: &regex::Regex) -> Vec<(usize, &'a str)> {
        self.lines_at(re.find_iter(&self.doc.text).map(|m| m.start()))
    }

    /// The drafter's lines that hold one of `needles` (see [`rules::text::Needles`]).
    pub fn lines_with(&self, needles: &rules::text::Needles) -> Vec<(usize, &'a str)> {
        let lines = self.text_lines();
        needles
            .lines_holding(&self.doc.text, lines)
            .into_iter()
            .zip(lines)
            .filter_map(|(hit, &line)| hit.then_some(line))
            .collect()
    }

    /// The drafter's lines that hold one of `bytes`, with SIMD searches that resume after each
    /// line found: a line thick with these bytes (figures, English) costs one search, not one
    /// step per byte, as walking every offset with [`DocContext::lines_at`] would.
    pub fn lines_with_bytes(&self, bytes: &[u8]) -> Vec<(usize, &'a str)> {
        let hay = self.doc.text.as_bytes();
        let groups: Vec<&[u8]> = bytes.chunks(3).collect();
        let find = |g: &[u8], from: usize| {
            let h = &hay[from.min(hay.len())..];
            let i = match *g {
                [a] => memchr::memchr(a, h),
                [a, b] => memchr::memchr2(a, b, h),
                [a, b, c, ..] => memchr::memchr3(a, b, c, h),
                [] => None,
            };
            i.map_or(usize::MAX, |i| from + i)
        };
        // The next offset each search has found; one is searched again only once passed.
        let mut next: Vec<usize> = groups.iter().map(|g| find(g, 0)).collect();
        let lines = self.text_lines();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&p) = next.iter().min().filter(|&&p| p != usize::MAX) {
            while lines.get(i).is_some_and(|(s, l)| s + l.len() < p) {
                i += 1;
            }
            let Some(&(s, l)) = lines.get(i) else { break };
            // Before the line: the byte is in a line that is not the drafter's.
            let resume = if s <= p {
                out.push((s, l));
                i += 1;
                s + l.len()
            } else {
                s
            };
            for (n, g) in next.iter_mut().zip(&groups) {
                if *n < resume {
                    *n = find(g, resume);
                }
            }
        }
        out
    }

    /// The drafter's lines in which the byte offsets `at`, in increasing order, fall.
    pub(crate) fn lines_at(&self, at: impl Iterator<Item = usize>) -> Vec<(usize, &'a str)> {
        let lines = self.text_lines();
        let mut out: Vec<(usize, &'a str)> = Vec::new();
        let mut i = 0;
        for p in at {
            // Lines are in text order, as are the offsets: skip the lines that end before it.
            while lines.get(i).is_some_and(|(s, l)| s + l.len() < p) {
                i += 1;
            }
            let Some(&(s, l)) = lines.get(i) else { break };
            if s <= p && out.last().is_none_or(|last| last.0 != s) {
                out.push((s, l));
            }
        }
        out
    }

    /// The byte ranges of the titles in 《》 (see `text::title_ranges`); made once per document.
    pub fn title_ranges(&self) -> &[(u32, u32)] {
        self.shared
            .titles
            .get_or_init(|| rules::text::title_ranges(&self.doc.text))
    }
}

#[cfg(test)]
impl<'a> DocContext<'a> {
    /// A context holding the text alone, for tests of what is read from the text only.
    pub(crate) fn text_only(doc: &'a Document) -> Self {
        static META: std::sync::LazyLock<DocMeta> = std::sync::LazyLock::new(Default::default);
        DocContext {
            doc,
            tokens: &[],
            figures: &[],
            docnums: &[],
            citations: &[],
            meta: &META,
            left_out: LeftOut::default(),
            shared: Default::default(),
        }
    }
}
