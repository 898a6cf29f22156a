//! Extractors: small pure functions over borrowed text that return owned records with byte
//! spans. They normalise while matching (full-width digits, bracket variants) but never rewrite
//! the text.

pub mod citation;
pub mod docnum;
pub mod figures;
pub mod meta;
pub mod numerals;

/// The most items of each kind that one document yields: a base plus one per so many bytes of
/// its text. An item is a record, a row and entries of the batch summaries, so a text of nothing
/// but figures or titles would otherwise hold hundreds of times its size (8 MB of `1个` made 2.8
/// million figures and took 4.4 GB); extraction stops at the limit instead, and the document
/// says what was left out (the `left_out` column, and a finding where the first item left out
/// stands).
///
/// Chosen on the 3,539 texts of the shared bench (up to 313 KB each) so that none comes near:
/// the most figures in one text are 1,095 (the Criminal Law, 218 KB: its limit is 4,426, a
/// quarter used; the densest text has one per 77 bytes, 17 in 1.3 KB); the most citations 103
/// in 92 KB (limit 1,022; 101 in 38 KB, limit 1,009); the most document numbers 7 (in 30 KB,
/// limit 529). A citation costs the most, about 2 KB in all (8 MB of `《法》` peaked at 166 MiB
/// with 5,063 citations listed, 163 with 3,032), a figure about half a kilobyte (8 MB of one
/// sentence: 120 MiB with 20,255 figures, 109 with its digits made words), hence the rates. At
/// 8 MB: 20,256 figures, 8,628 numbers, 3,032 citations.
///
/// Words (jieba's tokens, spaces and marks included) are limited too: a token takes 8 bytes, and
/// a text of one letter and a space (`a a a …`) has one per byte, 8 times its size. No text of the
/// bench has more than one per 3 bytes (0.34 a byte: its SOURCES.md, a list in English; 0.28 in a
/// State Council reply full of spaces; 0.26 at most in Chinese prose), and none uses more than 40%
/// of its limit (6,253 words in 23 KB), so one per 2 bytes leaves them all whole and bounds tokens
/// at 4 times the text (and 6 with TextRank's word per token).
///
/// So are the lines the rules read line by line: each is 24 bytes in the table they share, and
/// the lines a rule picks out cost as much again, where a text of empty lines has one a byte. No
/// text of the bench or of ../shared/corpus/real uses more than 27% of 4,096 plus one per 32
/// bytes (3,456 lines in 272 KB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub figures: usize,
    pub docnums: usize,
    pub citations: usize,
    pub words: usize,
    pub lines: usize,
}

impl Limits {
    /// The limits for a text of `len` bytes.
    pub fn for_len(len: usize) -> Limits {
        Limits {
            figures: 4_000 + len / 512,
            docnums: 500 + len / 1024,
            citations: 1_000 + len / 4096,
            words: 4_096 + len / 2,
            lines: 4_096 + len / 32,
        }
    }

    /// No limit, for callers that want every item of a text they trust.
    pub const NONE: Limits = Limits {
        figures: usize::MAX,
        docnums: usize::MAX,
        citations: usize::MAX,
        words: usize::MAX,
        lines: usize::MAX,
    };
}

/// Cuts `items` (found up to one past `most`, in text order) to `most`: the first item left out,
/// when there is one, tells that the text holds more than the limit and where they begin.
pub fn cut_to<T>(items: &mut Vec<T>, most: usize) -> Option<T> {
    if items.len() > most {
        items.truncate(most + 1);
        items.pop()
    } else {
        None
    }
}

/// Where each kind of item that reached its [`Limits`] in a document has its first item left
/// out: what the documents table and the `extract-limit` rule tell the user.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub figures: Option<crate::span::Span>,
    pub docnums: Option<crate::span::Span>,
    pub citations: Option<crate::span::Span>,
    /// The first word not cut: the text from there on was not cut into words, so what reads
    /// words (repeated words, the metric of a figure, terms) saw the text before it only.
    pub words: Option<crate::span::Span>,
    /// The first line past the limit of lines: the rules that read the text line by line read
    /// the lines before it only.
    pub lines: Option<crate::span::Span>,
}

/// A kind of item a document's [`Limits`] bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitedKind {
    Figures,
    Docnums,
    Citations,
    Words,
    Lines,
}

impl LimitedKind {
    /// Its name in the user's language.
    pub fn name(self) -> &'static str {
        match self {
            LimitedKind::Figures => crate::i18n::tr("数字", "figures"),
            LimitedKind::Docnums => crate::i18n::tr("文号", "document numbers"),
            LimitedKind::Citations => crate::i18n::tr("引用", "citations"),
            LimitedKind::Words => crate::i18n::tr("词语", "words"),
            LimitedKind::Lines => crate::i18n::tr("文本行", "lines"),
        }
    }

    /// What the documents table's `left_out` says of this kind, with `n` kept.
    pub fn note(self, n: usize) -> String {
        let kind = self.name();
        match self {
            LimitedKind::Words => crate::msg!(
                zh = "{kind}只切分前{n}个，其后的文字未切分",
                en = "{kind}: the first {n} cut, the text after them not cut"
            ),
            LimitedKind::Lines => crate::msg!(
                zh = "{kind}只逐行检查前{n}行，其后的行未逐行检查",
                en = "{kind}: the first {n} checked line by line, the rest not"
            ),
            LimitedKind::Figures | LimitedKind::Docnums | LimitedKind::Citations => crate::msg!(
                zh = "{kind}只列出前{n}个，其余未列出",
                en = "{kind}: the first {n} listed, the rest left out"
            ),
        }
    }
}

impl LeftOut {
    /// One line per kind left out, `(where its first item left out starts, how many were kept,
    /// the kind)`; `kept` counts the figures, numbers, citations, words and lines kept.
    pub fn each(
        &self,
        kept: [usize; 5],
    ) -> impl Iterator<Item = (crate::span::Span, usize, LimitedKind)> {
        let kinds = [
            (self.figures, LimitedKind::Figures),
            (self.docnums, LimitedKind::Docnums),
            (self.citations, LimitedKind::Citations),
            (self.words, LimitedKind::Words),
            (self.lines, LimitedKind::Lines),
        ];
        kinds
            .into_iter()
            .zip(kept)
            .filter_map(|((at, kind), n)| at.map(|at| (at, n, kind)))
    }
}

/// The line of `text` that follows its first `most` lines, when it has more, found through the
/// document's line index.
pub fn line_after(
    text: &str,
    lines: &crate::span::LineIndex,
    most: usize,
) -> Option<crate::span::Span> {
    if lines.line_count() <= most {
        return None;
    }
    let start = lines.line_start(text, most + 1);
    let end = if lines.line_count() > most + 1 {
        lines.line_start(text, most + 2) - 1
    } else {
        text.len()
    };
    Some(crate::span::Span::new(start, end))
}
