//! Text helpers shared by the punctuation, numbering, number, wording and attachment rules:
//! character classes, lines with their offsets, the lines that are not body text, and the
//! folding of a document-wide style into one finding.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::check::{Finding, Findings};
use crate::span::Span;

/// A CJK ideograph (the characters body text is made of).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// Full-width punctuation of Chinese text: what ASCII punctuation next to it shows is Chinese.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF1F}'
        | '“' | '”' | '‘' | '’' | '…' | '—')
}

pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Chinese numerals used in ordinals (一 … 十, 〇 excluded).
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// Whether the text after an ordinal `n` followed by 、 goes on with the next numeral as a
/// count, as in 一、二级医院, 三、四类企业, 第一、二、三产业: a list of numbers that starts a
/// sentence, not a heading. The next numeral must be followed by 、 or by a word that counts
/// (级, 类, 产业 …), so that a heading such as 二、三农工作 stays a heading.
pub fn is_numeral_list(n: u32, rest: &str) -> bool {
    const NEXT: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    /// What follows a number that counts or ranks things, in the lists that start sentences.
    const COUNTED: &[&str] = &[
        "、", "级", "类", "等", "星", "产", "批", "期", "档", "线", "季", "年", "月", "次", "层",
        "轮", "种", "型", "孩", "胎", "把手", "代", "版", "号", "名", "位", "个",
    ];
    // NEXT[n] is the numeral after n.
    let Some(&next) = NEXT.get(n as usize) else {
        return false;
    };
    rest.strip_prefix(next)
        .is_some_and(|r| COUNTED.iter().any(|w| r.starts_with(w)))
}

/// Value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三).
pub fn cn_number(s: &str) -> Option<u32> {
    let ds: Vec<u32> = s.chars().map(cn_digit).collect::<Option<_>>()?;
    match ds.as_slice() {
        [d] => Some(*d),
        [10, d] if *d < 10 => Some(10 + d),
        [d, 10] if *d < 10 => Some(d * 10),
        [a, 10, b] if *a < 10 && *b < 10 => Some(a * 10 + b),
        _ => None,
    }
}

/// Each line of `text` with the byte offset of its start, without the line break.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // The memchr crate's search: `str::split` on a character uses the standard library's,
    // which is several times slower, and rules walk the lines of every document.
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    std::iter::from_fn(move || {
        let end = ends.next()?;
        let (s, l) = (start, &text[start..end]);
        start = end + 1;
        Some((s, l.strip_suffix('\r').unwrap_or(l)))
    })
}

/// Blank characters at the start of a line (indentation, including the ideographic space).
pub fn indent_len(line: &str) -> usize {
    line.len()
        - line
            .trim_start_matches([' ', '\t', '\u{3000}', '\u{a0}'])
            .len()
}

static SCRAPE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(来\s*源|时\s*间|发布时间|发布日期|成文日期|发文日期|索\s*引\s*号|主题分类|发文机关|发文字号|主\s*题\s*词|作\s*者|责任编辑|编辑|字号|浏览次数|打印|关闭|分享)\s*[:：]",
    )
    .unwrap()
});
static PAPER_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第\s*[0-9０-９]{1,3}\s*版\s*[）)]|日报记者|新华社记者|[（(]?记者\s|摄[）)]?$")
        .unwrap()
});

/// A line that is not body text: a web page's metadata box (tab-separated cells or labels such as
/// 来源： / 时间：) a newspaper page line (《××日报》（2026年01月05日 第01版）) or a photo caption (××日报记者 某某 摄). Such lines
/// follow the site's conventions, not the drafter's, so style rules skip them.
pub fn is_scrape_line(line: &str) -> bool {
    // Every label is followed by a colon, and every newspaper pattern holds 版, 记者 or 摄: the
    // byte searches settle most lines before a pattern runs.
    // `str::contains` of a CJK character looks for its last byte, which is everywhere in CJK
    // text; a substring search does better.
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 4]> = LazyLock::new(|| {
        ["：", "版", "者", "摄"].map(|s| memchr::memmem::Finder::new(s.as_bytes()))
    });
    let has = |i: usize| FINDERS[i].find(line.as_bytes()).is_some();
    let b = line.as_bytes();
    memchr::memchr(b'\t', b).is_some()
        || ((memchr::memchr(b':', b).is_some() || has(0)) && SCRAPE_LABEL.is_match(line))
        || (line.len() < 300
            && (has(1) || has(2) || has(3))
            && PAPER_PAGE.is_match(line.trim_end()))
}

/// Byte ranges inside 《》 (titles quoted as written), for rules that must not rewrite a title.
pub fn title_ranges(text: &str) -> Vec<(u32, u32)> {
    // 《 and 》 are E3 80 8A and E3 80 8B in UTF-8: a SIMD search for their lead byte and for
    // line breaks finds them without reading every character.
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in memchr::memchr2_iter(b'\n', 0xE3, b) {
        match b[i] {
            b'\n' => open = None,
            0xE3 if i + 2 < b.len() && b[i + 1] == 0x80 => match b[i + 2] {
                0x8A => open = Some(i),
                0x8B => {
                    if let Some(s) = open.take() {
                        // Texts are under 4 GiB (see `crate::segment::Token`).
                        out.push((s as u32, (i + 3) as u32));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// A list of strings to find in Chinese text, faster than a general automaton: byte-level
/// prefilters see nothing rare in CJK bytes, so an Aho-Corasick pass reads about 0.4 GB/s there.
/// A few strings are found by a SIMD substring search each; more, by one pass over the
/// characters that tests each against a bitmap of the strings' first characters (8 KB, in the
/// nearest cache) and compares the strings that start with it.
///
/// Measured against the aho-corasick crate doing the same work (a standard automaton for the
/// overlapping and per-string searches, a leftmost-longest one for the variants, one pass per
/// list): on a 2.1 MB slice of the bench (callgrind, one thread) `check` took 1.971 G
/// instructions with the crate and 1.731 G with this, `extract` 2.052 G and 1.810 G — a quarter
/// more work per document once the 0.76 G of start-up is set apart, so this stays.
pub struct Needles {
    strings: Vec<Box<str>>,
    /// One per string when there are few of them.
    finders: Vec<memchr::memmem::Finder<'static>>,
    /// Bit `c` set when a string starts with the character `c` (Basic Multilingual Plane).
    first_bits: Vec<u64>,
    /// The strings starting with each character, by index.
    by_first: FxHashMap<char, Vec<usize>>,
}

impl Needles {
    /// Up to this many strings, one substring search each beats one pass over the characters.
    pub const FEW: usize = 8;

    /// The strings must not be empty.
    pub fn new<S: AsRef<str>>(strings: impl IntoIterator<Item = S>) -> Self {
        let strings: Vec<Box<str>> = strings.into_iter().map(|s| s.as_ref().into()).collect();
        assert!(strings.iter().all(|s| !s.is_empty()));
        let finders = if strings.len() <= Self::FEW {
            strings
                .iter()
                .map(|s| memchr::memmem::Finder::new(s.as_bytes()).into_owned())
                .collect()
        } else {
            Vec::new()
        };
        let mut first_bits = vec![0u64; 1 << 10];
        let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (i, s) in strings.iter().enumerate() {
            let c = s.chars().next().unwrap_or_default();
            if let Some(w) = first_bits.get_mut(c as usize >> 6) {
                *w |= 1 << (c as u32 & 63);
            }
            by_first.entry(c).or_default().push(i);
        }
        Needles {
            strings,
            finders,
            first_bits,
            by_first,
        }
    }

    /// Calls `f(string index, start)` for every occurrence of every string, overlapping ones
    /// included, by start and then index.
    /// Which of `lines` (each line's start in `text` and its text, in order, disjoint) hold the
    /// start of one of the strings. The occurrences are not kept, and once a line holds one the
    /// search goes on after it: a line of megabytes thick with a string (a space in `a a a …`)
    /// costs one search and a flag, not 16 bytes an occurrence.
    pub fn lines_holding(&self, text: &str, lines: &[(usize, &str)]) -> Vec<bool> {
        let mut hit = vec![false; lines.len()];
        // The first line from `from` on that ends at or after `p` (lines and `p` go forward).
        let line_at =
            |p: usize, from: usize| from + lines[from..].partition_point(|(s, l)| s + l.len() < p);
        if self.finders.is_empty() {
            let mut i = 0;
            self.each_occurrence(text, |_, at| {
                i = line_at(at, i);
                if let Some(h) = hit.get_mut(i).filter(|_| lines[i].0 <= at) {
                    *h = true;
                }
            });
            return hit;
        }
        let hay = text.as_bytes();
        for f in &self.finders {
            let (mut pos, mut i) = (0, 0);
            while let Some(p) = hay.get(pos..).and_then(|h| f.find(h)).map(|p| pos + p) {
                i = line_at(p, i);
                let Some(&(s, _)) = lines.get(i) else { break };
                if s <= p {
                    hit[i] = true;
                    i += 1;
                }
                // On at the next line: after this one, or at the one after the break `p` is in.
                pos = match lines.get(i) {
                    Some(&(next, _)) => next.max(p + 1),
                    None => break,
                };
            }
        }
        hit
    }

    fn each_occurrence(&self, text: &str, f: impl FnMut(usize, usize)) {
        self.each_occurrence_among(text, text.char_indices(), f)
    }

    /// Like `each_occurrence`, looking only at the characters of `positions`, which must hold
    /// every character of the text that starts one of the strings.
    fn each_occurrence_among(
        &self,
        text: &str,
        positions: impl Iterator<Item = (usize, char)>,
        mut f: impl FnMut(usize, usize),
    ) {
        for (at, c) in positions {
            if !may_start(&self.first_bits, c) {
                continue;
            }
            let Some(list) = self.by_first.get(&c) else {
                continue;
            };
            for &i in list {
                if text[at..].starts_with(&*self.strings[i]) {
                    f(i, at);
                }
            }
        }
    }

    /// Every occurrence of every string, overlapping ones included: (string index, start), by
    /// start and then index.
    pub fn find_overlapping(&self, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        self.each_occurrence(text, |i, at| found.push((i, at)));
        found
    }

    /// [`Needles::find_overlapping`] with the starts of a [`Starts`] made for these strings.
    pub fn find_overlapping_at(&self, text: &str, starts: &[u32]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        self.each_occurrence_among(text, chars_at(text, starts), |i, at| found.push((i, at)));
        found
    }

    /// What a leftmost-longest automaton finds: from left to right, the longest string starting
    /// at the first place where any starts, then on after it. (string index, start).
    pub fn find_leftmost_longest(&self, text: &str) -> Vec<(usize, usize)> {
        self.leftmost_longest_among(text, text.char_indices())
    }

    /// [`Needles::find_leftmost_longest`] with the starts of a [`Starts`] made for these
    /// strings.
    pub fn find_leftmost_longest_at(&self, text: &str, starts: &[u32]) -> Vec<(usize, usize)> {
        self.leftmost_longest_among(text, chars_at(text, starts))
    }

    fn leftmost_longest_among(
        &self,
        text: &str,
        positions: impl Iterator<Item = (usize, char)>,
    ) -> Vec<(usize, usize)> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut end = 0;
        let mut best: Option<(usize, usize)> = None;
        let strings = &self.strings;
        self.each_occurrence_among(text, positions, |i, at| {
            if at < end {
                return;
            }
            match best {
                Some((b, s)) if s == at => {
                    if strings[i].len() > strings[b].len() {
                        best = (at >= end).then_some((i, at));
                    }
                }
                Some((b, s)) => {
                    // A later start: the best at the earlier one is taken, if this one is clear of it.
                    found.push((b, s));
                    end = s + strings[b].len();
                    best = (at >= end).then_some((i, at));
                }
                None => best = Some((i, at)),
            }
        });
        if let Some((b, s)) = best {
            found.push((b, s));
        }
        found
    }

    /// Every occurrence of each string, as `text.match_indices(s)` gives them string by string:
    /// (string index, start), ordered by string and then start.
    pub fn match_indices_each(&self, text: &str) -> Vec<(usize, usize)> {
        self.match_indices_among(text, || text.char_indices())
    }

    /// [`Needles::match_indices_each`] with the starts of a [`Starts`] made for these strings.
    pub fn match_indices_each_at(&self, text: &str, starts: &[u32]) -> Vec<(usize, usize)> {
        self.match_indices_among(text, || chars_at(text, starts))
    }

    fn match_indices_among<I: Iterator<Item = (usize, char)>>(
        &self,
        text: &str,
        positions: impl FnOnce() -> I,
    ) -> Vec<(usize, usize)> {
        if !self.finders.is_empty() {
            return self
                .finders
                .iter()
                .enumerate()
                .flat_map(|(i, f)| f.find_iter(text.as_bytes()).map(move |p| (i, p)))
                .collect();
        }
        let mut last_end = vec![0usize; self.strings.len()];
        let mut found = Vec::new();
        self.each_occurrence_among(text, positions(), |i, at| {
            // A string's occurrences come by start: taking each one that starts after the
            // previous one taken ends is what `match_indices` does.
            if at >= last_end[i] {
                last_end[i] = at + self.strings[i].len();
                found.push((i, at));
            }
        });
        found.sort_unstable();
        found
    }
}

/// The characters of a text that start a string of any of several [`Needles`], by their byte
/// offsets: one pass over a document's characters serves every list, and each then reads only
/// these (a tenth of the characters for the word lists of the wording rules; but every
/// character of a text made of one listed character, so an offset is kept in 4 bytes and its
/// character read again from the text, not kept beside it in 16).
pub struct Starts {
    /// The union of the lists' bitmaps of first characters.
    first_bits: Vec<u64>,
}

impl Starts {
    pub fn of(lists: &[&Needles]) -> Self {
        let mut first_bits = vec![0u64; 1 << 10];
        for list in lists {
            for (w, l) in first_bits.iter_mut().zip(&list.first_bits) {
                *w |= l;
            }
        }
        Starts { first_bits }
    }

    /// The offset of every character of `text` that may start a string of the lists (see
    /// `may_start`). Texts are shorter than 4 GiB (the largest `--max-file-size` is 2047 MB).
    pub fn scan(&self, text: &str) -> Vec<u32> {
        text.char_indices()
            .filter(|&(_, c)| may_start(&self.first_bits, c))
            .filter_map(|(i, _)| u32::try_from(i).ok())
            .collect()
    }
}

/// The characters at `starts`, offsets of characters in `text` (see [`Starts::scan`]).
pub fn chars_at<'t>(text: &'t str, starts: &'t [u32]) -> impl Iterator<Item = (usize, char)> + 't {
    starts.iter().filter_map(move |&at| {
        let at = at as usize;
        Some((at, text.get(at..)?.chars().next()?))
    })
}

/// Whether `c` may start a string, by a bitmap of first characters: its bit is set, or it is
/// outside the Basic Multilingual Plane, which the bitmap does not cover. [`Needles`] and
/// [`Starts`] must agree on this for a shared scan to miss nothing.
fn may_start(first_bits: &[u64], c: char) -> bool {
    first_bits
        .get(c as usize >> 6)
        .is_none_or(|w| w & (1 << (c as u32 & 63)) != 0)
}

/// Two ascending sequences of offsets as one, in order: memchr searches for at most three
/// bytes at once, and some rules need more.
pub fn merged(
    a: impl Iterator<Item = usize>,
    b: impl Iterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

#[cfg(test)]
#[test]
fn numeral_lists_are_told_from_headings() {
    assert!(is_numeral_list(1, "二级医院和三、四类企业"));
    assert!(is_numeral_list(1, "二、三产业增加值"));
    assert!(is_numeral_list(3, "四类企业"));
    assert!(!is_numeral_list(2, "三农工作取得新进展"));
    assert!(!is_numeral_list(1, "三级医院"));
    assert!(!is_numeral_list(1, "强化责任落实"));
    assert!(!is_numeral_list(10, "一、二"));
}

pub fn in_ranges<T: Offset>(ranges: &[(T, T)], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.1.at() <= at);
    ranges.get(i).is_some_and(|r| r.0.at() <= at)
}

/// A byte offset in a text, kept in 32 bits where a list of them may be as long as the text
/// (the titles of 8 MB of `《法》`: 16 MB in 64-bit pairs).
pub trait Offset: Copy {
    fn at(self) -> usize;
}

impl Offset for usize {
    fn at(self) -> usize {
        self
    }
}

impl Offset for u32 {
    fn at(self) -> usize {
        self as usize
    }
}

/// When set, a style used throughout a document is reported at every occurrence instead of once
/// (see [`crate::check::Checker::verbose`]).
pub fn verbose() -> bool {
    crate::check::verbose()
}

/// How many occurrences of one kind of slip make a document-wide style.
pub const STYLE_MIN: usize = 4;

/// Most places listed as related to a folded finding. Every place of a real document is
/// listed (the most seen on the bench is a few hundred); the bound keeps a file that is one long
/// run of ASCII commas from costing many times its size in locations.
const RELATED_MAX: usize = 2000;

/// The findings of one document-wide slip, as a rule finds them. They are kept whole only
/// while they may still be reported one by one (fewer than [`STYLE_MIN`], or verbose mode);
/// after that only their places are kept, up to [`RELATED_MAX`], so that a document with a
/// slip every few bytes does not hold a finding (some hundreds of bytes) for each.
#[derive(Default)]
pub struct Folding {
    kept: Vec<Finding>,
    places: Vec<Span>,
    n: usize,
}

impl Folding {
    pub fn push(&mut self, f: Finding) {
        self.n += 1;
        if self.kept.len() < STYLE_MIN || verbose() {
            self.kept.push(f);
        } else if self.places.len() < RELATED_MAX {
            self.places.push(f.span);
        }
    }
}

/// Pushes `found`, or, when there are at least [`STYLE_MIN`] of them and not in verbose mode,
/// one finding at the first with `summary(count)` as its message and the others as related
/// places: a clerk wants to hear once that a document uses ASCII commas, not 300 times.
pub fn push_folded(out: &mut Findings, found: Folding, summary: impl FnOnce(usize) -> String) {
    let Folding { kept, places, n } = found;
    if n < STYLE_MIN || verbose() {
        out.extend(kept);
        return;
    }
    let mut it = kept.into_iter();
    let Some(mut first) = it.next() else {
        return;
    };
    first.message = summary(n);
    for span in it.map(|f| f.span).chain(places).take(RELATED_MAX) {
        first = first.with_related(span);
    }
    out.push(first);
}

/// A finding whose span is `start..end`.
pub fn finding(rule: &'static str, start: usize, end: usize, msg: impl Into<String>) -> Finding {
    Finding::new(rule, Span::new(start, end), msg)
}

/// The mark a range takes in place of `mark` (GB/T 15834-2011 4.13): the wave dash for a
/// half-width tilde, the dash — for a hyphen or a doubled dash; any other mark as it is.
pub fn range_mark(mark: &str) -> &str {
    match mark {
        "~" => "～",
        "-" | "——" | "－－" | "--" => "—",
        _ => mark,
    }
}

/// The character before byte `at`, if any.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character at byte `at`, if any.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_the_pieces_between_line_breaks() {
        let mut texts: Vec<String> = ["", "\n", "一", "一\n", "\n\n二\r\n", "甲\r\n乙\r", "\r"]
            .map(String::from)
            .into();
        texts.extend(crate::corpus_texts());
        for text in &texts {
            let mut start = 0;
            let want: Vec<(usize, &str)> = text
                .split('\n')
                .map(|l| {
                    let s = start;
                    start += l.len() + 1;
                    (s, l.strip_suffix('\r').unwrap_or(l))
                })
                .collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn needles_find_what_match_indices_finds() {
        let seed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/baoshan-fzzf-report-2022.txt"
        ))
        .unwrap();
        let text = format!("的的的，国土资源局国土资源厅。𠀀资源局{seed}");
        let few = ["的的", "资源局", "国土资源局", "政府", "》《"];
        let many = [
            "的的",
            "资源局",
            "国土资源局",
            "政府",
            "》《",
            "法治",
            "依法",
            "行政",
            "决策",
            "规定",
            "〔",
            "年",
        ];
        for list in [&few[..], &many[..]] {
            let needles = Needles::new(list);
            assert_eq!(!needles.finders.is_empty(), list.len() <= Needles::FEW);
            let want: Vec<(usize, usize)> = list
                .iter()
                .enumerate()
                .flat_map(|(i, s)| text.match_indices(s).map(move |(p, _)| (i, p)))
                .collect();
            assert!(want.len() > 40, "{}", want.len());
            assert_eq!(needles.match_indices_each(&text), want);

            // All occurrences, and leftmost-longest, as Aho-Corasick finds them.
            let ac = aho_corasick::AhoCorasick::new(list).unwrap();
            let mut all: Vec<(usize, usize)> = ac
                .find_overlapping_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect();
            all.sort_by_key(|&(i, p)| (p, i));
            assert_eq!(needles.find_overlapping(&text), all);
            let longest = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(list)
                .unwrap();
            let want: Vec<(usize, usize)> = longest
                .find_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect();
            assert_eq!(needles.find_leftmost_longest(&text), want);

            // The same from the starts of one scan made for this list and another.
            let other = Needles::new(["发展", "改革", "𠀀资源"]);
            let starts = Starts::of(&[&needles, &other]).scan(&text);
            assert!(starts.len() < text.chars().count() / 3, "{}", starts.len());
            assert_eq!(
                needles.find_overlapping_at(&text, &starts),
                needles.find_overlapping(&text)
            );
            assert_eq!(needles.find_leftmost_longest_at(&text, &starts), want);
            assert_eq!(
                needles.match_indices_each_at(&text, &starts),
                needles.match_indices_each(&text)
            );
            assert_eq!(
                other.find_overlapping_at(&text, &starts),
                other.find_overlapping(&text)
            );
            assert!(!other.find_overlapping(&text).is_empty());
        }
    }

    #[test]
    fn numbers_and_ranges() {
        assert_eq!(cn_number("十二"), Some(12));
        assert_eq!(cn_number("二十"), Some(20));
        assert_eq!(cn_number("二十三"), Some(23));
        assert_eq!(cn_number("一二"), None);
        let t = "甲《乙》丙《丁\n》";
        let r = title_ranges(t);
        assert_eq!(r.len(), 1);
        assert!(in_ranges(&r, t.find('乙').unwrap()));
        assert!(!in_ranges(&r, t.find('丙').unwrap()));
        assert!(is_scrape_line("来源：安徽日报"));
        assert!(!is_scrape_line("现将有关事项通知如下："));
    }
}

#[cfg(test)]
#[test]
fn lines_holding_a_string_are_those_that_contain_one() {
    let text = [
        include_str!("../../../corpus/baoshan-fzzf-report-2022.txt"),
        "a a a a a a a a\n\n的的的\n",
    ]
    .concat();
    // Every other line, so that some matches fall between the lines asked about.
    let lines: Vec<(usize, &str)> = lines(&text).step_by(2).collect();
    let few = ["的", " ", "。", "法治"];
    let many = [
        "的",
        " ",
        "。",
        "法治",
        "政府",
        "行政",
        "复议",
        "执法",
        "审核",
        "合法性",
        "a",
    ];
    assert!(few.len() <= Needles::FEW && many.len() > Needles::FEW);
    for list in [&few[..], &many[..]] {
        let needles = Needles::new(list);
        let want: Vec<bool> = lines
            .iter()
            .map(|(_, l)| list.iter().any(|s| l.contains(s)))
            .collect();
        assert_eq!(needles.lines_holding(&text, &lines), want);
        let hits = want.iter().filter(|&&h| h).count();
        assert!(hits > 5 && hits < want.len(), "{hits} of {}", want.len());
    }
}
