//! Word segmentation with jieba-rs.
//!
//! One jieba instance, built once with the default dictionary plus the policy vocabulary of
//! `dicts/userwords.txt`, is shared read-only by every thread.

use std::sync::{Arc, Mutex, OnceLock};

use jieba_rs::Jieba;
use rustc_hash::FxHashMap;

use crate::span::Span;

/// The policy vocabulary shipped with gongwen.
mod word_table;

use word_table::{Known, WordTable};

pub const USER_WORDS: &str = include_str!("../../dicts/userwords.txt");

/// A token: its byte span in the text and its part-of-speech tag (jieba's tag set). Which
/// word it is, for counting, comes beside the tokens when asked for ([`WordIds`]).
///
/// A document of some megabytes has a token for every five or six bytes of its text (and one
/// for every byte of some texts) and keeps them all while it is analysed, so a token is packed
/// into 8 bytes (README, Memory): a 32-bit offset (texts are cut only up to 4 GiB, see
/// [`Segmenter::tag`]), a 16-bit length (no token is longer than a block, [`BLOCK_BYTES`]) and
/// the tag's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    len: u16,
    /// [`pos_id`] of the tag.
    pos: u16,
}

/// The distinct words of a text, counted as it is cut: what counting terms needs, and only
/// that, so it is made only for it ([`Segmenter::tag_with_ids`]) and let go once terms are
/// counted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WordIds {
    /// Each distinct word of the text, in order of first occurrence.
    pub distinct: Vec<Distinct>,
    /// For each token, its word's index in [`WordIds::distinct`]: only where it was asked for
    /// ([`Numbering::Sequence`]), since it takes 4 bytes a token and only TextRank, which links
    /// the words near each other, reads it.
    pub local: Vec<u32>,
}

/// One distinct word of a text ([`WordIds`]).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Distinct {
    /// Its tokens.
    pub count: u32,
    /// The index of its first token.
    pub first: u32,
    /// Its id in the process (see [`word_id`]).
    pub id: u32,
}

/// What [`Segmenter::tag_at_most`] tells of the words besides the tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// Nothing.
    None,
    /// The distinct words, counted ([`WordIds::distinct`]).
    Counts,
    /// The distinct words and which of them each token is ([`WordIds::local`]).
    Sequence,
}

impl Token {
    fn new(start: usize, end: usize, pos: u16) -> Self {
        debug_assert!(start <= end && end - start <= BLOCK_BYTES && end <= MAX_TEXT);
        Token {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            len: u16::try_from(end.saturating_sub(start)).unwrap_or(u16::MAX),
            pos,
        }
    }

    /// The token's byte span in its text.
    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span::new(start, start + usize::from(self.len))
    }

    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span().text(text)
    }

    /// Its part-of-speech tag (jieba's tag set, or a tag of a user dictionary).
    pub fn pos(&self) -> &'static str {
        match POS_TAGS.get(usize::from(self.pos)) {
            Some(tag) => tag,
            None => {
                thread_local! {
                    static SEEN: std::cell::RefCell<Vec<&'static str>> = const {
                        std::cell::RefCell::new(Vec::new())
                    };
                }
                SEEN.with(|seen| pos_str(self.pos, &mut seen.borrow_mut()))
            }
        }
    }
}

/// How much text jieba cuts at a time. jieba keeps a list of every token of what it is given
/// (48 bytes a token), so giving it a whole document of megabytes took several times the
/// document's size; a block bounds that list. It also bounds a token's length (see [`Token`]).
pub const BLOCK_BYTES: usize = 32 * 1024;

/// The longest text cut: token offsets are 32-bit. The cap on a file's size keeps texts far
/// below it; a longer text passed to [`Segmenter::tag`] is cut up to here only.
const MAX_TEXT: usize = u32::MAX as usize;

/// Whether jieba may join `c` to the character after it. jieba cuts a text into runs of its
/// word characters (CJK ideographs, ASCII letters and digits, `+#&._%-`) and cuts each run on
/// its own; every other character is a token by itself, except `\r` before `\n`. So a text cut
/// after any other character gives the same tokens as the text cut whole. The CJK ranges here
/// are wider than jieba's, so that a character it might take for a word character never ends
/// a block.
fn may_join_next(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-' | '\r')
        || ('\u{3400}'..='\u{9FFF}').contains(&c)
        || ('\u{F900}'..='\u{FAFF}').contains(&c)
        || ('\u{20000}'..='\u{3FFFF}').contains(&c)
}

/// The end of the block of `text` that starts at `start`: the last place at most
/// [`BLOCK_BYTES`] on where jieba cuts anyway (see [`may_join_next`]), so that cutting block by
/// block gives the tokens of cutting the text whole. A run of word characters longer than a
/// block (some 11,000 ideographs without a punctuation mark or a space, which no document
/// has) is cut at the block's length instead: there, and only there, the tokens may differ.
pub fn block_end(text: &str, start: usize) -> usize {
    if text.len() - start <= BLOCK_BYTES {
        return text.len();
    }
    let mut limit = start + BLOCK_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    match text[start..limit]
        .char_indices()
        .rev()
        .find(|&(_, c)| !may_join_next(c))
    {
        Some((i, c)) => start + i + c.len_utf8(),
        None => limit,
    }
}

const SHARD_BITS: u32 = 6;

/// Distinct words of the process, split into shards so that threads meeting new words at the
/// same time rarely wait for each other.
struct Words {
    shards: Vec<Mutex<Shard>>,
}

#[derive(Default)]
struct Shard {
    ids: FxHashMap<Arc<str>, u32>,
    words: Vec<Arc<str>>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        shards: (0..1 << SHARD_BITS).map(|_| Mutex::default()).collect(),
    })
}

/// The process-wide id of `word`: the same word always has the same id, so counting words
/// needs no hashing of their text. Ids depend on the order in which threads first meet words,
/// so they are keys only: nothing written out may be ordered by them.
pub fn word_id(word: &str) -> u32 {
    use std::hash::BuildHasher;
    let h = rustc_hash::FxBuildHasher.hash_one(word);
    // The high bits: FxHash mixes them best.
    let shard = (h >> (64 - SHARD_BITS)) as u32;
    let mut s = words().shards[shard as usize]
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(id) = s.ids.get(word) {
        return *id;
    }
    let id = ((s.words.len() as u32) << SHARD_BITS) | shard;
    let w: Arc<str> = word.into();
    s.words.push(w.clone());
    s.ids.insert(w, id);
    id
}

/// The word whose id is `id`.
pub fn word_text(id: u32) -> Option<Arc<str>> {
    let shard = words()
        .shards
        .get((id & ((1 << SHARD_BITS) - 1)) as usize)?;
    let s = shard.lock().unwrap_or_else(|e| e.into_inner());
    s.words.get((id >> SHARD_BITS) as usize).cloned()
}

/// Starts loading jieba-rs's model for the part of speech of words its dictionary lacks, on a
/// thread of its own. Nearly every document has such a word, and the model takes a third as
/// long to load as the dictionary, which the calling thread builds meanwhile.
pub fn prewarm_unknown_word_tags() {
    std::thread::spawn(load_unknown_word_tags);
}

/// Loads jieba-rs's model for the part of speech of unknown words (see
/// [`prewarm_unknown_word_tags`]).
pub fn load_unknown_word_tags() {
    // An empty dictionary knows no word, so tagging any Chinese word asks the model.
    Jieba::empty().tag("公文", true);
}

/// A segmenter holding a jieba instance.
pub struct Segmenter {
    jieba: Jieba,
}

/// Why a user dictionary could not be loaded.
#[derive(Debug)]
pub struct DictError {
    pub line: usize,
    pub text: String,
}

impl std::fmt::Display for DictError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (line, text) = (self.line, &self.text);
        f.write_str(&msg!(
            zh = "词典第{line}行格式错误：{text}",
            en = "malformed dictionary line {line}: {text}"
        ))
    }
}

impl std::error::Error for DictError {}

/// Adds jieba-format lines (`word [freq] [pos]`) to `jieba`. Lines starting with `#` are notes.
pub fn add_words(jieba: &mut Jieba, dict: &str) -> Result<usize, DictError> {
    let mut n = 0;
    for (i, line) in dict.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let word = parts.next().unwrap_or_default();
        let freq = match parts.next() {
            Some(f) => Some(f.parse::<usize>().map_err(|_| DictError {
                line: i + 1,
                text: line.to_string(),
            })?),
            None => None,
        };
        let tag = parts.next();
        jieba.add_word(word, freq, tag);
        n += 1;
    }
    Ok(n)
}

impl Segmenter {
    /// jieba's default dictionary plus gongwen's policy vocabulary.
    pub fn new() -> Self {
        Self::with_dicts(&[]).expect("the bundled dictionary is well-formed")
    }

    /// Like [`Segmenter::new`], with user dictionaries added on top.
    pub fn with_dicts(extra: &[&str]) -> Result<Self, DictError> {
        let mut jieba = Jieba::new();
        add_words(&mut jieba, USER_WORDS)?;
        for dict in extra {
            add_words(&mut jieba, dict)?;
        }
        Ok(Segmenter { jieba })
    }

    /// The shared default segmenter, built on first use.
    pub fn global() -> &'static Segmenter {
        static GLOBAL: OnceLock<Segmenter> = OnceLock::new();
        GLOBAL.get_or_init(Segmenter::new)
    }

    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Tokens with part-of-speech tags, exactly as jieba-rs `tag` (HMM on) gives them for the
    /// whole text at once: what [`Segmenter::tag`] is checked against.
    pub fn tag_exact(&self, text: &str) -> Vec<Token> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Token::new(t.byte_start, t.byte_end, pos_id(t.tag)))
            .collect()
    }

    /// [`WordIds`] as [`Segmenter::tag_exact`] would number them: what
    /// [`Segmenter::tag_with_ids`] is checked against.
    #[cfg(test)]
    fn word_ids_exact(&self, text: &str) -> WordIds {
        let mut ids = WordIds::default();
        let mut local: FxHashMap<&str, u32> = FxHashMap::default();
        for (i, t) in self.jieba.tag(text, true).into_iter().enumerate() {
            let n = local.len() as u32;
            let l = *local.entry(t.word).or_insert(n);
            if l == n {
                ids.distinct.push(Distinct {
                    count: 0,
                    first: i as u32,
                    id: word_id(t.word),
                });
            }
            ids.distinct[l as usize].count += 1;
            ids.local.push(l);
        }
        ids
    }

    /// Tokens with part-of-speech tags (HMM on for words not in the dictionary), the same as
    /// [`Segmenter::tag_exact`] gives (see [`block_end`] for the one exception).
    ///
    /// jieba's tag of a word does not depend on its context: a dictionary word has its
    /// dictionary tag, and an unknown word gets a tag guessed from its characters alone by an
    /// HMM that is costly to run (it made tagging three times slower than cutting). So the text
    /// is cut, a block at a time, and each distinct word is tagged once per thread and
    /// remembered, with its id.
    pub fn tag(&self, text: &str) -> Vec<Token> {
        self.tag_numbering(text, None, usize::MAX).0
    }

    /// [`Segmenter::tag`], with its distinct words and which of them each token is.
    pub fn tag_with_ids(&self, text: &str) -> (Vec<Token>, WordIds) {
        let (tokens, ids, _) = self.tag_at_most(text, usize::MAX, Numbering::Sequence);
        (tokens, ids)
    }

    /// The first `most` tokens of [`Segmenter::tag`], with what `numbering` asks of their
    /// words, and the span of the first token left out when there are more: the cut stops
    /// there.
    pub fn tag_at_most(
        &self,
        text: &str,
        most: usize,
        numbering: Numbering,
    ) -> (Vec<Token>, WordIds, Option<Span>) {
        let mut ids = WordIds::default();
        let wanted = match numbering {
            Numbering::None => None,
            Numbering::Counts => Some((&mut ids, false)),
            Numbering::Sequence => Some((&mut ids, true)),
        };
        let (tokens, left_out) = self.tag_numbering(text, wanted, most);
        (tokens, ids, left_out)
    }

    /// The tokens, up to `most`; with `ids`, the text's distinct words counted, and which each
    /// token is when its flag is set.
    fn tag_numbering(
        &self,
        text: &str,
        mut ids: Option<(&mut WordIds, bool)>,
        most: usize,
    ) -> (Vec<Token>, Option<Span>) {
        /// The thread's words, with the tag and id of each.
        #[derive(Default)]
        struct Cache {
            text: u32,
            words: WordTable,
        }
        thread_local! {
            static CACHE: std::cell::RefCell<Cache> = Default::default();
        }
        let mut cut_to = text.len().min(MAX_TEXT);
        while !text.is_char_boundary(cut_to) {
            cut_to -= 1;
        }
        let text = &text[..cut_to];
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let Cache {
                text: current,
                words,
            } = &mut *cache;
            if words.len() > 1_000_000 || *current == u32::MAX {
                *words = WordTable::default();
                *current = 0;
            }
            *current += 1;
            let current = *current;
            let mut distinct = 0u32;
            let mut tokens: Vec<Token> = Vec::new();
            let mut start = 0;
            while start < text.len() {
                let end = block_end(text, start);
                let block = &text[start..end];
                let mut line = LineTags::default();
                let cut = self.jieba.cut(block, true);
                reserve_for(&mut tokens, cut.len(), end, text.len(), most);
                if let Some((ids, true)) = ids.as_mut() {
                    // Sized as the tokens are: doubled as it fills, it took twice their 4 bytes
                    // each.
                    ids.local
                        .reserve_exact(tokens.capacity().saturating_sub(ids.local.len()));
                }
                for t in cut {
                    let (s, e) = (t.byte_start, t.byte_end);
                    if tokens.len() >= most {
                        tokens.shrink_to_fit();
                        return (tokens, Some(Span::new(start + s, start + e)));
                    }
                    let known = words.get_or_learn(block, s, e, || Known {
                        pos: self
                            .word_tag(t.word)
                            .unwrap_or_else(|| self.tag_in_line(block, s, e, &mut line)),
                        word: word_id(t.word),
                        text: 0,
                        local: 0,
                    });
                    // The entry was just looked up, so numbering the word here costs little,
                    // where a table indexed by word id later would miss the cache.
                    if let Some((ids, sequence)) = ids.as_mut() {
                        if known.text != current {
                            known.text = current;
                            known.local = distinct;
                            distinct += 1;
                            ids.distinct.push(Distinct {
                                count: 0,
                                first: tokens.len() as u32,
                                id: known.word,
                            });
                        }
                        if let Some(d) = ids.distinct.get_mut(known.local as usize) {
                            d.count = d.count.saturating_add(1);
                        }
                        if *sequence {
                            ids.local.push(known.local);
                        }
                    }
                    tokens.push(Token::new(start + s, start + e, known.pos));
                }
                start = end;
            }
            tokens.shrink_to_fit();
            (tokens, None)
        })
    }

    /// Token spans only, which is cheaper than [`Segmenter::tag`].
    pub fn cut(&self, text: &str) -> Vec<Span> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .map(|t| Span::new(t.byte_start, t.byte_end))
            .collect()
    }

    /// The tag (its [`pos_id`]) jieba gives `word` when the word alone comes out as one token.
    fn word_tag(&self, word: &str) -> Option<u16> {
        match self.jieba.tag(word, true).as_slice() {
            [one] => Some(pos_id(one.tag)),
            _ => None,
        }
    }

    /// The tag (its [`pos_id`]) of the token at `start..end` of `block` when its line is
    /// tagged. jieba cuts a line on its own (see [`may_join_next`]), so the line reproduces
    /// the token's context; it is the line within the block, which is enough for the same
    /// reason and keeps a line of megabytes from being tagged whole. The line is tagged once,
    /// on its first such token: tokens come in order, and a long line with many unknown words
    /// would otherwise be tagged again for each.
    fn tag_in_line(&self, block: &str, start: usize, end: usize, line: &mut LineTags) -> u16 {
        if !line.tagged || !(line.start..=line.end).contains(&start) {
            let line_start = block[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = block[end..].find('\n').map_or(block.len(), |i| end + i);
            *line = LineTags {
                tagged: true,
                start: line_start,
                end: line_end,
                tags: self
                    .jieba
                    .tag(&block[line_start..line_end], true)
                    .into_iter()
                    .map(|t| {
                        (
                            t.byte_start + line_start,
                            t.byte_end + line_start,
                            pos_id(t.tag),
                        )
                    })
                    .collect(),
            };
        }
        let at = line.tags.partition_point(|t| t.0 < start);
        line.tags
            .get(at)
            .filter(|t| t.0 == start && t.1 == end)
            .map_or_else(|| pos_id("x"), |t| t.2)
    }
}

/// Makes room in `tokens` for `more` tokens cut from the text up to byte `done` of `total`.
/// The list is sized for the whole text at the rate of tokens seen so far, with an eighth to
/// spare, rather than doubled as it fills: doubling a list of tens of megabytes left up to
/// half of it unused, and the allocator kept the copy it moved out of. It never holds more than
/// `most`, the tokens the text may yield.
fn reserve_for(tokens: &mut Vec<Token>, more: usize, done: usize, total: usize, most: usize) {
    let need = (tokens.len() + more).min(most);
    if need <= tokens.capacity() {
        return;
    }
    let rate = need as f64 / done.max(1) as f64;
    let guess = (rate * total as f64 * 1.125) as usize + 64;
    // A token has at least one byte.
    let cap = guess.min(total).min(most).max(need);
    tokens.reserve_exact(cap - tokens.len());
}

/// The tags of the last line tagged whole, for the unknown words of that line.
#[derive(Default)]
struct LineTags {
    tagged: bool,
    start: usize,
    end: usize,
    /// (start, end, tag) of each token, in order.
    tags: Vec<(usize, usize, u16)>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

/// jieba's tag set, which is small and fixed.
const POS_TAGS: &[&str] = &[
    "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j",
    "k", "l", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q",
    "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd",
    "vg", "vi", "vn", "vq", "x", "y", "z", "zg",
];

/// Tags beyond [`POS_TAGS`] (from a user dictionary), each leaked once and then reused.
fn extra_tags() -> std::sync::MutexGuard<'static, Vec<&'static str>> {
    static EXTRA: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    EXTRA
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

/// A number for a tag borrowed from a jieba instance, so that a thread's word table holds two
/// bytes per word for it: its place in [`POS_TAGS`], or after them among the extra tags.
fn pos_id(tag: &str) -> u16 {
    if let Some(i) = POS_TAGS.iter().position(|k| *k == tag) {
        return i as u16;
    }
    let mut extra = extra_tags();
    let i = match extra.iter().position(|k| *k == tag) {
        Some(i) => i,
        None => {
            extra.push(Box::leak(tag.to_string().into_boxed_str()));
            extra.len() - 1
        }
    };
    (POS_TAGS.len() + i) as u16
}

/// The tag numbered `id` by [`pos_id`]. `seen` is the caller's copy of the extra tags, brought
/// up to date only when it lacks `id`, so that a thread does not take the lock for every token.
fn pos_str(id: u16, seen: &mut Vec<&'static str>) -> &'static str {
    match POS_TAGS.get(usize::from(id)) {
        Some(tag) => tag,
        None => {
            let i = usize::from(id) - POS_TAGS.len();
            if i >= seen.len() {
                *seen = extra_tags().clone();
            }
            seen.get(i).copied().unwrap_or("x")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_dictionary_tag_reaches_the_tokens() {
        let seg = Segmenter::with_dicts(&["营商环境甲乙 100 zz-policy\n放管服丙丁 100 zz-other"])
            .unwrap();
        for text in [
            "优化营商环境甲乙，深化放管服丙丁。",
            "放管服丙丁与营商环境甲乙",
        ] {
            let tags: Vec<(&str, &str)> = seg
                .tag(text)
                .iter()
                .map(|t| (t.span().text(text), t.pos()))
                .filter(|(_, pos)| pos.starts_with("zz-"))
                .collect();
            let mut tags = tags;
            tags.sort();
            assert_eq!(
                tags,
                [("放管服丙丁", "zz-other"), ("营商环境甲乙", "zz-policy")],
                "{text}"
            );
        }
    }

    #[test]
    fn tag_numbers_name_tags() {
        for tag in POS_TAGS
            .iter()
            .copied()
            .chain(["zz-user-tag", "nrfg", "zz-other"])
        {
            assert_eq!(pos_str(pos_id(tag), &mut Vec::new()), tag);
            assert_eq!(pos_id(tag), pos_id(tag));
        }
        assert_ne!(pos_id("zz-user-tag"), pos_id("zz-other"));
    }

    #[test]
    fn policy_words_are_single_tokens() {
        let seg = Segmenter::global();
        let text = "深化放管服改革，优化营商环境，完成合法性审核212件。";
        let words: Vec<&str> = seg.tag(text).iter().map(|t| t.span().text(text)).collect();
        for w in ["营商环境", "合法性审核"] {
            assert!(words.contains(&w), "{w} missing in {words:?}");
        }
        assert_eq!(words.concat(), text);
    }

    #[test]
    fn cached_tags_equal_jieba_tags_on_the_corpus() {
        let seg = Segmenter::global();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut checked = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let Ok(text) = std::fs::read_to_string(e.unwrap().path()) else {
                continue;
            };
            let (fast, exact) = (seg.tag(&text), seg.tag_exact(&text));
            assert_eq!(fast.len(), exact.len());
            let (counted, ids) = seg.tag_with_ids(&text);
            assert_eq!(counted, fast);
            assert_eq!(ids, seg.word_ids_exact(&text));
            for (a, b) in fast.iter().zip(&exact) {
                assert_eq!(a, b, "{}", a.span().text(&text));
            }
            checked += fast.len();
        }
        assert!(checked > 50_000);
    }

    #[test]
    fn word_ids_name_words() {
        let text = "营商环境营商环境，优化";
        let (tokens, ids) = Segmenter::global().tag_with_ids(text);
        assert_eq!(ids.local, [0, 0, 1, 2]);
        let counts: Vec<(u32, u32)> = ids.distinct.iter().map(|d| (d.count, d.first)).collect();
        assert_eq!(counts, [(2, 0), (1, 2), (1, 3)]);
        for (t, &l) in tokens.iter().zip(&ids.local) {
            let word = ids.distinct[l as usize].id;
            assert_eq!(word_text(word).as_deref(), Some(t.span().text(text)));
            assert_eq!(word_id(t.span().text(text)), word);
        }
        assert_eq!(Segmenter::global().tag(text), tokens);
        // Counting alone keeps no word per token, and counts the same.
        let (counted, alone, _) =
            Segmenter::global().tag_at_most(text, usize::MAX, Numbering::Counts);
        assert_eq!(counted, tokens);
        assert_eq!(alone.distinct, ids.distinct);
        assert!(alone.local.is_empty());
    }
    /// The corpus's texts with their line breaks taken out: one line of some hundreds of
    /// kilobytes, where jieba's only breaks are its punctuation and spaces.
    fn corpus_as_one_line() -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        let mut text = String::new();
        for p in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            if let Ok(t) = std::fs::read_to_string(p) {
                text.extend(t.split(['\r', '\n']));
            }
        }
        text
    }

    #[test]
    fn a_long_line_cut_block_by_block_has_the_tokens_of_the_line_cut_whole() {
        let seg = Segmenter::global();
        let text = corpus_as_one_line();
        assert!(text.len() > 8 * BLOCK_BYTES, "{}", text.len());
        let (blocks, whole) = (seg.tag(&text), seg.tag_exact(&text));
        assert_eq!(blocks.len(), whole.len());
        for (a, b) in blocks.iter().zip(&whole) {
            assert_eq!(a, b, "{}", a.text(&text));
        }
    }

    #[test]
    fn blocks_end_where_jieba_cuts_anyway() {
        let text = corpus_as_one_line();
        let (mut start, mut n) = (0, 0);
        while start < text.len() {
            let end = block_end(&text, start);
            assert!(end > start && end - start <= BLOCK_BYTES);
            if end < text.len() {
                let last = text[..end].chars().next_back().unwrap();
                assert!(!may_join_next(last), "{last:?}");
                // The break is the last one the block could take.
                let mut limit = start + BLOCK_BYTES;
                while !text.is_char_boundary(limit) {
                    limit -= 1;
                }
                assert!(text[end..limit].chars().all(may_join_next));
            }
            (start, n) = (end, n + 1);
        }
        assert!(n > 8);
        // \r\n is one token of jieba's: a block never ends between the two.
        let crlf = "一，\r\n".repeat(BLOCK_BYTES);
        let mut start = 0;
        while start < crlf.len() {
            let end = block_end(&crlf, start);
            assert!(!crlf[..end].ends_with('\r'));
            start = end;
        }
    }

    #[test]
    fn a_run_of_ideographs_longer_than_a_block_is_cut_at_the_block_length() {
        let seg = Segmenter::global();
        // Some 150 KB of Chinese text with every mark and space taken out.
        let text: String = corpus_as_one_line()
            .chars()
            .filter(|&c| may_join_next(c) && c != '\r')
            .take(50_000)
            .collect();
        let tokens = seg.tag(&text);
        let mut at = 0;
        for t in &tokens {
            assert_eq!(t.span().start, at);
            assert!(t.span().len() <= BLOCK_BYTES);
            at = t.span().end;
        }
        assert_eq!(at, text.len());
        // Each block is cut on its own, so a token never crosses a block's end.
        let mut start = 0;
        while start < text.len() {
            let end = block_end(&text, start);
            assert!(end > start && text.len() - end < text.len() - start);
            assert!(tokens
                .iter()
                .all(|t| t.span().start >= end || t.span().end <= end));
            start = end;
        }
    }

    #[test]
    fn a_token_takes_8_bytes() {
        // A document keeps a token for every five or six bytes of its text (README, Memory):
        // a larger token makes every long document cost more.
        assert!(std::mem::size_of::<Token>() <= 8);
    }
}
