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

/// A token: its byte span in the text, its part-of-speech tag (jieba's tag set), the id of its
/// word in the process (see [`word_id`]) and in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub pos: &'static str,
    pub word: u32,
    /// The word's number among the distinct words of the text it was cut from, in order of
    /// first occurrence (0, 1, 2, …): what counting needs, dense and small.
    pub local: u32,
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
    std::thread::spawn(|| {
        // An empty dictionary knows no word, so tagging any Chinese word asks the model.
        Jieba::empty().tag("公文", true);
    });
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

    /// Tokens with part-of-speech tags, exactly as jieba-rs `tag` (HMM on) gives them.
    pub fn tag_exact(&self, text: &str) -> Vec<Token> {
        let mut local: FxHashMap<&str, u32> = FxHashMap::default();
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| {
                let n = local.len() as u32;
                Token {
                    span: Span::new(t.byte_start, t.byte_end),
                    pos: intern_pos(t.tag),
                    word: word_id(t.word),
                    local: *local.entry(t.word).or_insert(n),
                }
            })
            .collect()
    }

    /// Tokens with part-of-speech tags (HMM on for words not in the dictionary).
    ///
    /// jieba's tag of a word does not depend on its context: a dictionary word has its
    /// dictionary tag, and an unknown word gets a tag guessed from its characters alone by an
    /// HMM that is costly to run (it made tagging three times slower than cutting). So the text
    /// is cut, and each distinct word is tagged once per thread and remembered, with its id.
    pub fn tag(&self, text: &str) -> Vec<Token> {
        /// The thread's words, with the tag and id of each.
        #[derive(Default)]
        struct Cache {
            text: u32,
            words: WordTable,
            /// The extra tags as this thread last saw them, so that a token with one does not
            /// take the process-wide lock.
            extra: Vec<&'static str>,
        }
        thread_local! {
            static CACHE: std::cell::RefCell<Cache> = Default::default();
        }
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let Cache {
                text: current,
                words,
                extra,
            } = &mut *cache;
            if words.len() > 1_000_000 || *current == u32::MAX {
                *words = WordTable::default();
                *current = 0;
            }
            *current += 1;
            let current = *current;
            let mut distinct = 0u32;
            let line_tags = std::cell::RefCell::new(LineTags::default());
            let learn = |word: &str, start: usize, end: usize| Known {
                pos: pos_id(self.word_tag(word).unwrap_or_else(|| {
                    self.tag_in_line(text, start, end, &mut line_tags.borrow_mut())
                })),
                word: word_id(word),
                text: 0,
                local: 0,
            };
            let cut = self.jieba.cut(text, true);
            let mut tokens = Vec::with_capacity(cut.len());
            for t in &cut {
                let known = words.get_or_learn(text, t.byte_start, t.byte_end, || {
                    learn(t.word, t.byte_start, t.byte_end)
                });
                // The entry was just looked up, so numbering the word here costs nothing,
                // where a table indexed by word id later would miss the cache.
                if known.text != current {
                    known.text = current;
                    known.local = distinct;
                    distinct += 1;
                }
                tokens.push(Token {
                    span: Span::new(t.byte_start, t.byte_end),
                    pos: pos_str(known.pos, extra),
                    word: known.word,
                    local: known.local,
                });
            }
            tokens
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

    /// The tag jieba gives `word` when the word alone comes out as one token.
    fn word_tag(&self, word: &str) -> Option<&'static str> {
        match self.jieba.tag(word, true).as_slice() {
            [one] => Some(intern_pos(one.tag)),
            _ => None,
        }
    }

    /// The tag of the token at `start..end` when its line is tagged. jieba splits text into
    /// blocks at line breaks before segmenting, so the line reproduces the token's context.
    /// The line is tagged once, on its first such token: tokens come in order, and a long line
    /// with many unknown words would otherwise be tagged again for each.
    fn tag_in_line(
        &self,
        text: &str,
        start: usize,
        end: usize,
        line: &mut LineTags,
    ) -> &'static str {
        if !(line.start..=line.end).contains(&start) || line.tags.is_empty() && line.end == 0 {
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            *line = LineTags {
                start: line_start,
                end: line_end,
                tags: self
                    .jieba
                    .tag(&text[line_start..line_end], true)
                    .into_iter()
                    .map(|t| {
                        (
                            t.byte_start + line_start,
                            t.byte_end + line_start,
                            intern_pos(t.tag),
                        )
                    })
                    .collect(),
            };
        }
        let at = line.tags.partition_point(|t| t.0 < start);
        line.tags
            .get(at)
            .filter(|t| t.0 == start && t.1 == end)
            .map_or("x", |t| t.2)
    }
}

/// The tags of the last line tagged whole, for the unknown words of that line.
#[derive(Default)]
struct LineTags {
    start: usize,
    end: usize,
    /// (start, end, tag) of each token, in order.
    tags: Vec<(usize, usize, &'static str)>,
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
            seen[i]
        }
    }
}

/// Maps a tag borrowed from a jieba instance to a static string, so tokens do not borrow the
/// segmenter.
fn intern_pos(tag: &str) -> &'static str {
    pos_str(pos_id(tag), &mut Vec::new())
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
                .map(|t| (t.span.text(text), t.pos))
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
        let words: Vec<&str> = seg.tag(text).iter().map(|t| t.span.text(text)).collect();
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
            for (a, b) in fast.iter().zip(&exact) {
                assert_eq!(a, b, "{}", a.span.text(&text));
            }
            checked += fast.len();
        }
        assert!(checked > 50_000);
    }

    #[test]
    fn word_ids_name_words() {
        let text = "营商环境营商环境，优化";
        let tokens = Segmenter::global().tag(text);
        assert_eq!(tokens[0].word, tokens[1].word);
        assert_ne!(tokens[0].word, tokens[2].word);
        for t in &tokens {
            assert_eq!(word_text(t.word).as_deref(), Some(t.span.text(text)));
            assert_eq!(word_id(t.span.text(text)), t.word);
        }
    }
}
