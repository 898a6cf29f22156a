//! `typo`: 错别字, the characters a pinyin input method or a slip of the eye put in place of the
//! right ones (贯撤 for 贯彻, 规犯 for 规范, 己 for 已).
//!
//! A typo usually breaks a word, so jieba cannot join its characters: they come out as single
//! characters or as a word its dictionary lacks. For each such character, the rule tries the
//! characters that sound alike (same syllable, tones ignored, or a syllable an input method
//! confuses: zh/z, ch/c, sh/s, n/l, in/ing, en/eng, an/ang) or look alike (`dicts/typo-shapes.txt`)
//! and keeps a candidate only when it makes a word of `dicts/typo-words.txt` where the text has
//! none, and the character model of government prose (`dicts/typo-lm.bin`, built by
//! `scripts/typo-model.py`) prefers the corrected text by a clear margin. Both files are read
//! from the program's own image on first use, so a run without the rule never touches them.

use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

use pinyin::ToPinyinMulti;
use rustc_hash::{FxHashMap, FxHashSet};

use super::entries;
use crate::check::rules::text::{self, is_han};
use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::segment::Segmenter;

const MODEL: &[u8] = include_bytes!("../../../../dicts/typo-lm.bin");
const WORDS: &str = include_str!("../../../../dicts/typo-words.txt");
const SHAPES: &str = include_str!("../../../../dicts/typo-shapes.txt");

/// How much more likely (natural log) the model must find the corrected text, for a correction
/// that makes a word seen `WORD_NORM` times. Chosen on the development set and the rest of its
/// held-out law files for precision first (see the README).
const MARGIN: f64 = 13.5;

/// Word-level evidence: a slip that breaks a frequent word (法律, 数据) is likelier than one
/// that breaks a rare one, and a rare "correction" is most often a reading of a rare but
/// meant word (瘠地 read as 基地). Each e-fold of the corrected word's count above or below
/// `WORD_NORM` moves the score by this much.
const WORD_WEIGHT: f64 = 2.5;
const WORD_NORM: f64 = 1000.0;

/// A correction by a character that only sounds near or looks alike is a less likely slip of an
/// input method than a same-syllable one, so it must win by more.
const NEAR_PENALTY: f64 = 2.0;
const SHAPE_PENALTY: f64 = 2.0;

/// A character that makes with both its neighbours pairs seen more often than this in the
/// model's text is no typo.
const RARE_PAIR: u32 = 10;

/// How often a correction's word must occur in the model's text: a rare word is a poor reason
/// to call a text wrong.
const MIN_WORD: u32 = 50;

/// An input method offers common characters: a typo is one of the model's most frequent.
const COMMON: u16 = 3000;

/// The one-character names of the provinces (皖, 闽, 渝……): in reports they begin names and
/// new words (闽企, 渝港) that no model of past text knows.
const PROVINCES: &str =
    "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台滇黔蜀陇秦甬";

/// Function characters of the written language (国之大者, 之所以, 一是……二是): their pairs
/// with anything are too many for a model to know, so they are never taken for typos.
const FUNCTION: &str = "之也是的了和与在有为而以及其或于所者乃亦即则但又还都就不很已此";

/// Numerals: a correction to or from one changes a number (一是 is no 一十), which no model of
/// prose can judge.
const NUMERALS: &str = "〇零一二两三四五六七八九十百千万亿";

/// Characters on either side of the suspect that the model reads.
const CONTEXT: usize = 5;

/// `typo`: characters typed in place of others that sound or look alike.
pub static TYPO: Rule = Rule {
    id: "typo",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "疑似错别字（同音、近音、形近字误用）",
    doc: "检查：拼音输入法打出的同音字、近音字和形近字（贯撤→贯彻、规犯→规范、协条→协调）。\n\
          原因：错别字是公文差错中最常见的一类，拆开了词语，机读与人读都会误解。\n\
          方法：分词后不能成词的单字，逐一换成读音相同或相近（不计声调；z/zh、c/ch、s/sh、n/l、\n\
          in/ing、en/eng、an/ang）或字形相近的常用字；换后成词、且由政府公文语料建立的字模型\n\
          明显更认可换后的文字时，才报告，并给出建议的正确写法。宁可漏报，不可误报。\n\
          错误：认真贯撤落实 · 进一步规犯管理 · 协条配合\n\
          正确：认真贯彻落实 · 进一步规范管理 · 协调配合\n\
          不报告：人名、地名、机构名；发文字号、书名号内的标题、数字与外文；\n\
          gongwen.toml 中 [typo] allow 所列词语和用户词典（dicts）中的词语。\n\
          默认关闭：在已发布文件上误报仍多（基准语料上报告的56处中只有1处是真的错别字），需在 gongwen.toml 中用\
          [rules] typo = \"warning\" 或 [[overrides]] 的 enable 开启。\n\
          依据：《党政机关公文处理工作条例》第二十六条（文字准确）；GB/T 9704-2012。",
    summary_en: "Suspected typos (characters that sound or look like the right ones)",
    doc_en: "Checks: characters a pinyin input method puts in place of others that sound or look alike\n\
         (贯撤 for 贯彻, 规犯 for 规范, 协条 for 协调).\n\
         Why: typos are the commonest slip in official documents; they break words and mislead readers.\n\
         How: each character that segmentation cannot join into a word is replaced in turn by common\n\
         characters of the same or a near syllable (tones ignored; z/zh, c/ch, s/sh, n/l, in/ing,\n\
         en/eng, an/ang) or of a similar shape; it is reported, with the correction, only when the\n\
         replacement makes a word and a character model of government prose clearly prefers the\n\
         corrected text. It would rather miss a typo than cry wolf.\n\
         Wrong: 认真贯撤落实 · 进一步规犯管理 · 协条配合\n\
         Right: 认真贯彻落实 · 进一步规范管理 · 协调配合\n\
         Not reported: names of people, places and organisations; document numbers, titles in 《》,\n\
         numbers and foreign words; the words of [typo] allow in gongwen.toml and of user dictionaries.\n\
         Off by default: on published documents it still flags rare but correct words (1 of the 56\n\
         findings on the bench is a real typo); turn it on with [rules] typo = \"warning\" in gongwen.toml or an\n\
         [[overrides]] enable.\n\
         Source: 《党政机关公文处理工作条例》 Article 26 (accurate wording); GB/T 9704-2012.",
    check: Check::Doc(typo),
    safe_fix: false,
};

thread_local! {
    /// Words never taken for typos: `[typo] allow` and the words of the user dictionaries, set
    /// by the checker around each document.
    static ALLOW: RefCell<Arc<[String]>> = RefCell::new(Arc::from(Vec::new()));
}

/// Runs `f` with `allow` as the words the rule leaves alone on this thread.
pub(crate) fn with_allowed<R>(allow: &Arc<[String]>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<[String]>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(old) = self.0.take() {
                ALLOW.with(|a| *a.borrow_mut() = old);
            }
        }
    }
    let _restore = Restore(Some(ALLOW.with(|a| a.replace(allow.clone()))));
    f()
}

/// The character n-gram model: counts of characters, pairs and triples read straight from the
/// bytes of `dicts/typo-lm.bin` (format in `scripts/typo-model.py`).
struct Model {
    ids: FxHashMap<char, u16>,
    uni: Vec<u32>,
    total: f64,
    /// The pairs in a hash table: they are looked up for nearly every character checked.
    bi: FxHashMap<u32, u32>,
    tri_keys: &'static [u8],
    tri_counts: &'static [u8],
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

fn u64_at(b: &[u8], i: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(a)
}

/// The index of `key` among `n` sorted keys read by `at`.
fn search(n: usize, key: u64, at: impl Fn(usize) -> u64) -> Option<usize> {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match at(mid).cmp(&key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The parts of `dicts/typo-lm.bin` (format in `scripts/typo-model.py`): a header, the
/// characters with their counts (8 bytes each), the pairs' sorted keys and their counts, the
/// triples' sorted keys and their counts.
struct Sections {
    total: u64,
    chars: &'static [u8],
    bi_keys: &'static [u8],
    bi_counts: &'static [u8],
    tri_keys: &'static [u8],
    tri_counts: &'static [u8],
}

impl Sections {
    fn of(b: &'static [u8]) -> Option<Sections> {
        if b.get(..4)? != b"GWLM" || u32_at(b, 4) != 1 {
            return None;
        }
        let (nc, nb, nt) = (
            u32_at(b, 8) as usize,
            u32_at(b, 12) as usize,
            u32_at(b, 16) as usize,
        );
        let mut at = 28;
        let mut take = |len: usize| {
            let s = b.get(at..at + len);
            at += len;
            s
        };
        Some(Sections {
            total: u64_at(b, 20),
            chars: take(nc * 8)?,
            bi_keys: take(nb * 4)?,
            bi_counts: take(nb * 4)?,
            tri_keys: take(nt * 8)?,
            tri_counts: take(nt * 2)?,
        })
    }

    /// Each character's id (its place in the table) and count.
    fn chars(&self) -> impl Iterator<Item = Option<(char, u16, u32)>> + '_ {
        (0..self.chars.len() / 8).map(|i| {
            let c = char::from_u32(u32_at(self.chars, i * 8))?;
            Some((c, i as u16, u32_at(self.chars, i * 8 + 4)))
        })
    }
}

/// The count of the triple `a b c` in the sorted tables `keys` and `counts`.
fn tri_count(keys: &[u8], counts: &[u8], a: u16, b: u16, c: u16) -> u32 {
    let key = u64::from(a) << 32 | u64::from(b) << 16 | u64::from(c);
    search(keys.len() / 8, key, |i| u64_at(keys, i * 8)).map_or(0, |i| {
        u32::from(u16::from_le_bytes([counts[i * 2], counts[i * 2 + 1]]))
    })
}

impl Model {
    fn parse(b: &'static [u8]) -> Option<Model> {
        let s = Sections::of(b)?;
        let mut ids = FxHashMap::default();
        let mut uni = Vec::new();
        for c in s.chars() {
            let (c, id, n) = c?;
            ids.insert(c, id);
            uni.push(n);
        }
        let bi = (0..s.bi_keys.len() / 4)
            .map(|i| (u32_at(s.bi_keys, i * 4), u32_at(s.bi_counts, i * 4)))
            .collect();
        Some(Model {
            ids,
            uni,
            total: s.total as f64,
            bi,
            tri_keys: s.tri_keys,
            tri_counts: s.tri_counts,
        })
    }

    fn id(&self, c: char) -> Option<u16> {
        self.ids.get(&c).copied()
    }

    fn bi(&self, a: u16, b: u16) -> u32 {
        self.bi
            .get(&(u32::from(a) << 16 | u32::from(b)))
            .copied()
            .unwrap_or(0)
    }

    fn tri(&self, a: u16, b: u16, c: u16) -> u32 {
        tri_count(self.tri_keys, self.tri_counts, a, b, c)
    }

    /// ln P(c | a b), by stupid backoff (factor 0.4) down to characters; a character the model
    /// never saw counts as seen half a time.
    fn logp(&self, a: Option<u16>, b: Option<u16>, c: Option<u16>) -> f64 {
        const BACKOFF: f64 = -0.916_290_731_874_155; // ln 0.4
        let Some(c) = c else {
            return (0.5 / self.total).ln() + 2.0 * BACKOFF;
        };
        if let (Some(a), Some(b)) = (a, b) {
            let ab = self.bi(a, b);
            let abc = if ab > 0 { self.tri(a, b, c) } else { 0 };
            if abc > 0 {
                return (f64::from(abc) / f64::from(ab)).ln();
            }
            return BACKOFF + self.logp(None, Some(b), Some(c));
        }
        if let Some(b) = b {
            let bc = self.bi(b, c);
            if bc > 0 {
                return (f64::from(bc) / f64::from(self.uni[usize::from(b)])).ln();
            }
            return BACKOFF + self.logp(None, None, Some(c));
        }
        (f64::from(self.uni[usize::from(c)]) / self.total).ln()
    }

    /// ln P of `ids[from..=to]` given the characters before them.
    fn score(&self, ids: &[Option<u16>], from: usize, to: usize) -> f64 {
        (from..=to)
            .map(|i| {
                let a = if i >= 2 { ids[i - 2] } else { None };
                let b = if i >= 1 { ids[i - 1] } else { None };
                // At the start of a run there is no context: back off as the counts did.
                match (i >= 2, i >= 1) {
                    (true, _) => self.logp(a, b, ids[i]),
                    (false, true) => self.logp(None, b, ids[i]),
                    _ => self.logp(None, None, ids[i]),
                }
            })
            .sum()
    }
}

/// A window of two to four characters packed into one key, by model id (id + 1, so 0 is no
/// character); `HOLE` marks the place a correction fills. Numbers hash and compare far faster
/// than strings, and the rule looks windows up for every character it suspects.
const HOLE: u64 = 0xFFFF;

fn pack(ids: &[Option<u16>], hole: Option<usize>) -> Option<u64> {
    let mut key = 0u64;
    for (i, id) in ids.iter().enumerate() {
        let code = if hole == Some(i) {
            HOLE
        } else {
            u64::from(id.map(|id| id + 1)?)
        };
        key |= code << (16 * i);
    }
    Some(key)
}

/// A character that fills a hole, with its id and the count of the word it makes.
struct Fill {
    c: char,
    id: Option<u16>,
    count: u32,
}

struct Data {
    model: Model,
    /// The known words, with their counts in the model's text.
    words: FxHashMap<&'static str, u32>,
    /// The same words of two to four characters, by packed key.
    packed: FxHashMap<u64, u32>,
    /// For each word with a hole, the characters that fill it to make a word seen at least
    /// `MIN_WORD` times.
    fills: FxHashMap<u64, Vec<Fill>>,
    /// Each character's syllables, by id: looked up for every candidate.
    sounds: Vec<Sounds>,
    /// Each character's look-alike group.
    shapes: FxHashMap<char, usize>,
    /// By character id: never taken for a typo (rare, a province, a function word, a numeral).
    never: Vec<bool>,
}

static DATA: LazyLock<Option<Data>> = LazyLock::new(|| {
    let model = Model::parse(MODEL)?;
    let mut words = FxHashMap::default();
    let mut packed = FxHashMap::default();
    let mut fills: FxHashMap<u64, Vec<Fill>> = FxHashMap::default();
    for line in entries(WORDS) {
        let mut cols = line.split('\t');
        let (Some(word), Some(count)) = (cols.next(), cols.next()) else {
            continue;
        };
        let count: u32 = count.parse().unwrap_or(0);
        words.insert(word, count);
        let chars: Vec<char> = word.chars().collect();
        if !(2..=4).contains(&chars.len()) {
            continue;
        }
        let ids: Vec<Option<u16>> = chars.iter().map(|c| model.id(*c)).collect();
        let Some(key) = pack(&ids, None) else {
            continue;
        };
        packed.insert(key, count);
        if count < MIN_WORD {
            continue;
        }
        for (i, c) in chars.iter().enumerate() {
            if NUMERALS.contains(*c) {
                continue;
            }
            if let Some(key) = pack(&ids, Some(i)) {
                fills.entry(key).or_default().push(Fill {
                    c: *c,
                    id: ids[i],
                    count,
                });
            }
        }
    }
    let mut sounds: Vec<Sounds> = (0..model.uni.len()).map(|_| Sounds::default()).collect();
    for (c, id) in &model.ids {
        sounds[usize::from(*id)] = Sounds::of(*c);
    }
    let mut shapes = FxHashMap::default();
    for (g, line) in entries(SHAPES).enumerate() {
        for c in line.chars() {
            shapes.insert(c, g);
        }
    }
    let mut never = vec![true; model.uni.len()];
    for (c, id) in &model.ids {
        never[usize::from(*id)] = *id >= COMMON
            || PROVINCES.contains(*c)
            || FUNCTION.contains(*c)
            || NUMERALS.contains(*c);
    }
    Some(Data {
        model,
        words,
        packed,
        fills,
        sounds,
        shapes,
        never,
    })
});

/// How a candidate relates to the character it would replace.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Sound,
    NearSound,
    Shape,
}

/// The syllables of `c`, tones ignored.
pub fn syllables(c: char) -> Vec<&'static str> {
    c.to_pinyin_multi()
        .map(|m| m.into_iter().map(|p| p.plain()).collect())
        .unwrap_or_default()
}

/// A syllable with the distinctions an input method's fuzzy matching ignores taken out.
pub fn fuzzy(s: &str) -> String {
    let mut s = s.to_string();
    for (from, to) in [("zh", "z"), ("ch", "c"), ("sh", "s")] {
        if let Some(rest) = s.strip_prefix(from) {
            s = format!("{to}{rest}");
        }
    }
    if let Some(rest) = s.strip_prefix('n') {
        if !rest.is_empty() {
            s = format!("l{rest}");
        }
    }
    for (from, to) in [("ing", "in"), ("eng", "en"), ("ang", "an")] {
        if let Some(head) = s.strip_suffix(from) {
            s = format!("{head}{to}");
        }
    }
    s
}

/// A character's syllables, and the same with the fuzzy distinctions taken out.
#[derive(Default)]
struct Sounds {
    plain: Vec<&'static str>,
    fuzzy: Vec<String>,
}

impl Sounds {
    fn of(c: char) -> Sounds {
        let plain = syllables(c);
        let fuzzy = plain.iter().map(|s| fuzzy(s)).collect();
        Sounds { plain, fuzzy }
    }
}

fn kind(data: &Data, wrong_sounds: &Sounds, wrong: char, right: char) -> Option<Kind> {
    kind_of(data, wrong_sounds, &Sounds::of(right), wrong, right)
}

fn kind_of(
    data: &Data,
    wrong_sounds: &Sounds,
    right_sounds: &Sounds,
    wrong: char,
    right: char,
) -> Option<Kind> {
    let (a, b) = (&wrong_sounds.plain, &right_sounds.plain);
    // An input method offers a character under its common reading: one of the two must be read
    // as its first reading, or rare readings (零 as lián) make strangers sound alike.
    let meet = |same: &dyn Fn(&str, &str) -> bool| {
        a.first().is_some_and(|x| b.iter().any(|y| same(x, y)))
            || b.first().is_some_and(|y| a.iter().any(|x| same(x, y)))
    };
    if meet(&|x, y| x == y) {
        return Some(Kind::Sound);
    }
    let fb = &right_sounds.fuzzy;
    let fa = &wrong_sounds.fuzzy;
    if fa.first().is_some_and(|x| fb.contains(x)) || fb.first().is_some_and(|y| fa.contains(y)) {
        return Some(Kind::NearSound);
    }
    match (data.shapes.get(&wrong), data.shapes.get(&right)) {
        (Some(x), Some(y)) if x == y => Some(Kind::Shape),
        _ => None,
    }
}

/// Tags of names: people, places, organisations and other proper nouns.
fn is_name_tag(pos: &str) -> bool {
    matches!(pos, "nr" | "nrfg" | "nrt" | "ns" | "nt" | "nz")
}

/// The best correction of `w[k]`: the replacement, the word it makes (start, length) and how
/// much the model prefers it, less the penalty of its kind.
/// `loose[i]` tells whether `w[i]` stands in a token jieba could not make a word of: a
/// correction mends such characters only, and never takes a character from a word.
fn best_fix(
    data: &Data,
    w: &[char],
    loose: impl Fn(usize) -> bool,
    k: usize,
) -> Option<(char, usize, usize, f64)> {
    // First the windows alone, which turn most characters away without the model.
    let ids: Vec<Option<u16>> = w.iter().map(|c| data.model.id(*c)).collect();
    let mut windows: Vec<(usize, usize, &Vec<Fill>)> = Vec::new();
    for len in 2..=4usize {
        for start in (k + 1).saturating_sub(len)..=k {
            if start + len > w.len() {
                continue;
            }
            let window = &ids[start..start + len];
            if pack(window, None).is_some_and(|key| data.packed.contains_key(&key)) {
                // The character already makes a word here: nothing to mend in this reading.
                return None;
            }
            if let Some(fills) = pack(window, Some(k - start)).and_then(|key| data.fills.get(&key))
            {
                windows.push((start, len, fills));
            }
        }
    }
    windows.retain(|(start, len, _)| (*start..start + len).all(&loose));
    if windows.is_empty() {
        return None;
    }
    let to = (k + 2).min(w.len() - 1);
    let before = data.model.score(&ids, k, to);
    let wrong_sounds = match ids[k] {
        Some(id) => &data.sounds[usize::from(id)],
        None => return None,
    };
    let mut best: Option<(char, usize, usize, f64)> = None;
    let mut tried: Vec<char> = Vec::new();
    let mut fixed = ids.clone();
    for (start, len, fills) in windows {
        for fill in fills {
            let c = fill.c;
            if c == w[k] || tried.contains(&c) {
                continue;
            }
            tried.push(c);
            let Some(id) = fill.id else { continue };
            let Some(kind) = kind_of(data, wrong_sounds, &data.sounds[usize::from(id)], w[k], c)
            else {
                continue;
            };
            fixed[k] = Some(id);
            let gain = data.model.score(&fixed, k, to) - before
                + WORD_WEIGHT * (f64::from(fill.count) / WORD_NORM).ln()
                - match kind {
                    Kind::Sound => 0.0,
                    Kind::NearSound => NEAR_PENALTY,
                    Kind::Shape => SHAPE_PENALTY,
                };
            if best.is_none_or(|b| gain > b.3) {
                best = Some((c, start, len, gain));
            }
        }
    }
    best
}

/// The screens that need only the character and its two neighbours, which turn away most
/// characters before anything costlier is done.
fn could_be_typo(data: &Data, text: &str, p: usize, c: char) -> bool {
    let Some(id) = data.model.id(c) else {
        return false;
    };
    if data.never[usize::from(id)] {
        return false;
    }
    // A typo makes pairs the model has (almost) never seen; a character in pairs it knows well
    // on both sides is most likely meant, even where jieba leaves it alone.
    let prev = text[..p].chars().next_back().and_then(|b| data.model.id(b));
    let next = text[p + c.len_utf8()..]
        .chars()
        .next()
        .and_then(|n| data.model.id(n));
    !matches!((prev, next), (Some(a), Some(b))
        if data.model.bi(a, id) > RARE_PAIR && data.model.bi(id, b) > RARE_PAIR)
}

/// How often the model's text has the three characters `a b c` in a row, or `None` when the
/// model could not be read. For the `missing-char` rule: a string with a character dropped
/// makes triples that government prose does not write.
pub(super) fn triple_count(a: char, b: char, c: char) -> Option<u32> {
    let counts = COUNTS.as_ref()?;
    match (counts.ids.get(&a), counts.ids.get(&b), counts.ids.get(&c)) {
        (Some(&a), Some(&b), Some(&c)) => Some(counts.tri(a, b, c)),
        _ => Some(0),
    }
}

/// The model's counts of triples, read in place from its bytes: all that `missing-char` asks
/// of the model. Building [`Data`] (the pairs' hash table, the words, their fills) for it made
/// `gongwen extract` on the seed report, whose text has a shortened phrase, cost a tenth more
/// (865 M instructions, 88 M of them that); this builds the table of characters alone.
struct Counts {
    ids: FxHashMap<char, u16>,
    bi_keys: &'static [u8],
    tri_keys: &'static [u8],
    tri_counts: &'static [u8],
}

impl Counts {
    fn parse(b: &'static [u8]) -> Option<Counts> {
        let s = Sections::of(b)?;
        let ids = s
            .chars()
            .map(|c| c.map(|(c, id, _)| (c, id)))
            .collect::<Option<_>>()?;
        Some(Counts {
            ids,
            bi_keys: s.bi_keys,
            tri_keys: s.tri_keys,
            tri_counts: s.tri_counts,
        })
    }

    /// The count of `a b c`, as [`Model::tri`] reads it: none where the pair `a b` is unknown.
    fn tri(&self, a: u16, b: u16, c: u16) -> u32 {
        let pair = u32::from(a) << 16 | u32::from(b);
        let known = search(self.bi_keys.len() / 4, u64::from(pair), |i| {
            u64::from(u32_at(self.bi_keys, i * 4))
        });
        if known.is_none() {
            return 0;
        }
        tri_count(self.tri_keys, self.tri_counts, a, b, c)
    }
}

static COUNTS: LazyLock<Option<Counts>> = LazyLock::new(|| Counts::parse(MODEL));

/// The digits an article number is written with.
const DIGITS: &str = "一二三四五六七八九";

/// Whether `n` is a well-formed article number (四十七, 一百零五, 十二), not a string of
/// digits (一七) that a "correction" of a word (第一期项目) would make.
fn is_article_number(n: &[char]) -> bool {
    let digit = |c: char| DIGITS.contains(c);
    let mut i = 0;
    for unit in ['千', '百'] {
        if n.len() > i + 1 && digit(n[i]) && n[i + 1] == unit {
            i += 2;
            if n.get(i) == Some(&'零') {
                i += 1;
            }
        }
    }
    if n.get(i).is_some_and(|c| digit(*c)) && n.get(i + 1) == Some(&'十') {
        i += 2;
    } else if n.get(i) == Some(&'十') {
        i += 1;
    }
    if n.get(i).is_some_and(|c| digit(*c)) {
        i += 1;
    }
    i > 0 && i == n.len()
}

/// Typos inside the number of an article or paragraph (第四事七条 for 第四十七条): a character
/// that is no numeral, between 第 and 条 or 款 among numerals, and that sounds like the one
/// numeral that makes a well-formed number there. A number needs no word to be judged, so the
/// character model is not asked.
fn article_numbers(data: &Data, text: &str, titles: &[(u32, u32)], found: &mut Suspects) {
    // Measure words that stand after a number in their own right (第十期项目, 第三批).
    const MEASURES: &str = "期批届次轮号个类级年月日季部";
    for (at, _) in text.match_indices('第') {
        if text::in_ranges(titles, at) {
            continue;
        }
        let after = &text[at + '第'.len_utf8()..];
        let n: Vec<(usize, char)> = after.char_indices().take(9).collect();
        let Some(end) = n
            .iter()
            .position(|(_, c)| !NUMERALS.contains(*c) && !is_han(*c) || "条款".contains(*c))
        else {
            continue;
        };
        if end < 2 || !"条款".contains(n[end].1) {
            continue;
        }
        let body = &n[..end];
        let odd: Vec<usize> = (0..end)
            .filter(|&i| !NUMERALS.contains(body[i].1))
            .collect();
        let [x] = odd[..] else { continue };
        let wrong = body[x].1;
        if MEASURES.contains(wrong) || !is_han(wrong) {
            continue;
        }
        let sounds = Sounds::of(wrong);
        let mut fits: Vec<(Kind, char)> = Vec::new();
        for d in NUMERALS.chars().filter(|c| !"〇零两亿万".contains(*c)) {
            let mut num: Vec<char> = body.iter().map(|(_, c)| *c).collect();
            num[x] = d;
            if !is_article_number(&num) {
                continue;
            }
            if let Some(k @ (Kind::Sound | Kind::NearSound)) = kind(data, &sounds, wrong, d) {
                fits.push((k, d));
            }
        }
        let sound: Vec<char> = fits
            .iter()
            .filter(|(k, _)| *k == Kind::Sound)
            .map(|(_, d)| *d)
            .collect();
        let right = match (&sound[..], &fits[..]) {
            ([d], _) => *d,
            ([], [(_, d)]) => *d,
            _ => continue,
        };
        let p = at + '第'.len_utf8() + body[x].0;
        if found.starts.contains(&p) {
            continue;
        }
        let number: String = body.iter().map(|(_, c)| *c).collect();
        let fixed: String = body
            .iter()
            .map(|(_, c)| if *c == wrong { right } else { *c })
            .collect();
        let (wrong_text, fixed_text) = (
            format!("第{number}{}", n[end].1),
            format!("第{fixed}{}", n[end].1),
        );
        found.push(
            wrong_text.clone(),
            text::finding(
                TYPO.id,
                p,
                p + wrong.len_utf8(),
                msg!(
                    zh = "疑似错别字：“{wrong_text}”应为“{fixed_text}”",
                    en = "Suspected typo: “{wrong_text}” should be “{fixed_text}”"
                ),
            )
            .with_replacement(right.to_string()),
        );
    }
}

/// The suspects of one document. A slip is made once; the same "typo" again and again in one
/// document is a word the model does not know (a name, a new term), written on purpose. So a
/// wrong word keeps its finding only while it is seen once, and a text that repeats one
/// suspect holds one finding and the places taken, not a finding per occurrence.
#[derive(Default)]
struct Suspects {
    /// Where a suspect was found, so that one place is reported once.
    starts: FxHashSet<usize>,
    /// Each wrong word's slot in `first`.
    words: FxHashMap<String, usize>,
    /// The finding of each wrong word in the order first seen; `None` once seen again.
    first: Vec<Option<Finding>>,
}

impl Suspects {
    fn push(&mut self, wrong: String, f: Finding) {
        self.starts.insert(f.span.start);
        match self.words.get(&wrong) {
            Some(&i) => self.first[i] = None,
            None => {
                self.words.insert(wrong, self.first.len());
                self.first.push(Some(f));
            }
        }
    }
}

fn typo(ctx: &DocContext, out: &mut Findings) {
    let Some(data) = DATA.as_ref() else { return };
    let text = &ctx.doc.text;
    let titles = ctx.title_ranges();
    let jieba = Segmenter::global().jieba();
    let allow = ALLOW.with(|a| a.borrow().clone());
    let mut docnums: Vec<(usize, usize)> = ctx
        .docnums
        .iter()
        .map(|d| (d.span.start, d.span.end))
        .collect();
    docnums.sort_unstable();
    thread_local! {
        /// Whether a word is Han characters jieba could not make a word of: tokens
        /// repeat, and the dictionaries are costlier to ask than this table.
        static LOOSE: RefCell<FxHashMap<Box<str>, bool>> = RefCell::default();
    }
    let suspect = |t: &crate::segment::Token| {
        if is_name_tag(t.pos()) {
            return false;
        }
        // One character needs no dictionary: most tokens left alone are single characters,
        // and the table below is costlier to ask than this.
        let mut chars = t.span().text(text).chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return is_han(c);
        }
        LOOSE.with(|l| {
            let mut l = l.borrow_mut();
            if l.len() > 1_000_000 {
                l.clear();
            }
            let word = t.span().text(text);
            if let Some(&loose) = l.get(word) {
                return loose;
            }
            let loose = word.chars().all(is_han)
                && !(jieba.has_word(word) || data.words.contains_key(word));
            l.insert(word.into(), loose);
            loose
        })
    };
    // Whether the token holding byte `b` is a suspect.
    let loose_at = |b: usize| {
        let i = ctx.tokens.partition_point(|t| t.span().end <= b);
        ctx.tokens
            .get(i)
            .is_some_and(|t| t.span().start <= b && suspect(t))
    };
    let mut last_end = 0;
    let mut found = Suspects::default();
    for t in ctx.tokens {
        let word = t.span().text(text);
        if t.span().start < last_end
            || !suspect(t)
            || text::in_ranges(titles, t.span().start)
            || text::in_ranges(&docnums, t.span().start)
        {
            continue;
        }
        for (off, c) in word.char_indices() {
            let p = t.span().start + off;
            if !could_be_typo(data, text, p, c) {
                continue;
            }
            let before: Vec<(usize, char)> = text[..p]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_han(*c))
                .take(CONTEXT)
                .collect();
            let after: Vec<(usize, char)> = text[p..]
                .char_indices()
                .map(|(i, c)| (p + i, c))
                .take_while(|(_, c)| is_han(*c))
                .take(CONTEXT + 1)
                .collect();
            let k = before.len();
            let w: Vec<char> = before.iter().rev().chain(&after).map(|(_, c)| *c).collect();
            if w.len() < 2 {
                continue;
            }
            let at: Vec<usize> = before.iter().rev().chain(&after).map(|(b, _)| *b).collect();
            let Some((right, start, len, gain)) = best_fix(data, &w, |i| loose_at(at[i]), k) else {
                continue;
            };
            if gain < MARGIN {
                continue;
            }
            let wrong: String = w[start..start + len].iter().collect();
            let window_start = before.last().map_or(p, |(i, _)| *i);
            let window: String = w.iter().collect();
            let k_byte = p - window_start;
            let covered = allow.iter().any(|a| {
                window
                    .match_indices(a.as_str())
                    .any(|(i, m)| i <= k_byte && k_byte < i + m.len())
            });
            if covered {
                continue;
            }
            let mut fixed = w[start..start + len].to_vec();
            fixed[k - start] = right;
            let fixed: String = fixed.iter().collect();
            let end = p + c.len_utf8();
            last_end = end;
            found.push(
                wrong.clone(),
                text::finding(
                    TYPO.id,
                    p,
                    end,
                    msg!(
                        zh = "疑似错别字：“{wrong}”应为“{fixed}”",
                        en = "Suspected typo: “{wrong}” should be “{fixed}”"
                    ),
                )
                .with_replacement(right.to_string()),
            );
            // One finding per token: a second suspect in the same broken word is most often
            // the first one's neighbour, read against the typo itself.
            break;
        }
    }
    article_numbers(data, text, titles, &mut found);
    out.extend(found.first.into_iter().flatten());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_in_place_agree_with_the_model() {
        let data = DATA.as_ref().expect("model");
        let text = include_str!("../../../../corpus/baoshan-fzzf-report-2022.txt");
        let chars: Vec<char> = text.chars().filter(|c| is_han(*c)).collect();
        let mut seen = 0;
        // Every triple of the seed report, and each with its middle character replaced by the
        // next character of the text, so that unseen triples and unknown pairs are met too.
        for w in chars.windows(4) {
            for (a, b, c) in [(w[0], w[1], w[2]), (w[0], w[3], w[2])] {
                let model = &data.model;
                let want = match (model.id(a), model.id(b), model.id(c)) {
                    (Some(a), Some(b), Some(c)) if model.bi(a, b) > 0 => model.tri(a, b, c),
                    _ => 0,
                };
                assert_eq!(triple_count(a, b, c), Some(want), "{a}{b}{c}");
                seen += usize::from(want > 0);
            }
        }
        assert!(seen > 1000, "{seen} triples seen");
    }

    #[test]
    fn fuzzy_syllables_meet() {
        assert_eq!(fuzzy("zhong"), fuzzy("zong"));
        assert_eq!(fuzzy("xin"), fuzzy("xing"));
        assert_eq!(fuzzy("nan"), fuzzy("lang"));
        assert_ne!(fuzzy("fan"), fuzzy("fen"));
    }

    #[test]
    fn article_numbers_are_well_formed() {
        let ok = |s: &str| is_article_number(&s.chars().collect::<Vec<_>>());
        for n in ["四十七", "十二", "一百零五", "一百二十", "九"] {
            assert!(ok(n), "{n}");
        }
        for n in ["一七", "十十", "百", "四十七八"] {
            assert!(!ok(n), "{n}");
        }
    }

    #[test]
    fn the_model_loads_and_knows_common_pairs() {
        let data = DATA.as_ref().expect("dicts/typo-lm.bin is well-formed");
        let id = |c| data.model.id(c).unwrap();
        assert!(data.model.bi(id('贯'), id('彻')) > 100);
        assert_eq!(kind(data, &Sounds::of('撤'), '撤', '彻'), Some(Kind::Sound));
        assert_eq!(kind(data, &Sounds::of('己'), '己', '已'), Some(Kind::Shape));
        assert_eq!(
            kind(data, &Sounds::of('陈'), '陈', '程'),
            Some(Kind::NearSound)
        );
    }
}
