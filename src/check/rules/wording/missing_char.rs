//! `missing-char`: 漏字, a fixed phrase of government prose written with one or two of its
//! characters left out (行政机关人出庭应诉 for 行政机关负责人出庭应诉).
//!
//! The phrases are those of `dicts/fixed-phrases.txt`, `dicts/canonical-phrases.txt`,
//! `dicts/formulations.txt` and `dicts/userwords.txt`. Every phrase with one or two characters
//! dropped from inside it is looked for; a shortened form is reported only when government prose
//! never writes it: at the place the characters went missing, the three characters in a row
//! are unknown to the character model of the `typo` rule (`dicts/typo-lm.bin`). 规范文件 is
//! 规范性文件 without 性, and also a phrase of its own, so it is left alone.
//!
//! Fixtures (tests/fixtures/rules/missing-char): the seed report
//! (corpus/baoshan-fzzf-report-2022.txt, line 9) and bench files
//! (lawrefbook/difang-fagui/beijing/00180.txt line 3, lawrefbook/xingzheng-fagui/00100.txt
//! lines 313 and 399, guowuyuan/yijian-guobanting-2018-guobanfa129.txt line 23).

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{entries, typo};
use crate::check::rules::text::{self, is_han};
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::segment::Segmenter;

const FIXED: &str = include_str!("../../../../dicts/fixed-phrases.txt");
const CANONICAL: &str = include_str!("../../../../dicts/canonical-phrases.txt");
const FORMULATIONS: &str = include_str!("../../../../dicts/formulations.txt");
const USERWORDS: &str = include_str!("../../../../dicts/userwords.txt");

/// A shortened form shorter than this is too likely a word of its own.
const MIN_SHORT: usize = 4;

/// `missing-char`: a fixed phrase with characters left out.
pub static MISSING_CHAR: Rule = Rule {
    id: "missing-char",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "固定词组漏字",
    doc: "检查：固定词组（dicts/fixed-phrases.txt、canonical-phrases.txt、formulations.txt、\n\
          userwords.txt 所列，五字以上）中间漏掉一两个字的写法。\n\
          原因：输入时漏字，词组就不成话，意思也变了（“行政机关人”不是“行政机关负责人”）。\n\
          方法：只在漏字之处前后三个字连写、在政府公文语料中从未出现时才报告，\n\
          所以漏字后仍是常见说法的（“规范性文件”漏“性”成“规范文件”）不报告。\n\
          错误：落实行政机关人出庭应诉制度 · 推行执法全过程记制度\n\
          正确：落实行政机关负责人出庭应诉制度 · 推行执法全过程记录制度\n\
          不报告：首字或末字缺失（无法与相邻词区分）；漏字后不足四字；漏字后仍是表中另一词组或其一部分；\n\
          漏掉的是整词（“全国统一大市场”少“统一”或“大”仍成话）；漏字后分词仍全是词语（行政性文件）；\n\
          漏字后的写法在公文语料中出现过。\n\
          依据：《党政机关公文处理工作条例》第二十六条（文字准确）；《中华人民共和国行政诉讼法》第三条。",
    summary_en: "A fixed phrase with a character left out",
    doc_en: "Checks: a fixed phrase (of dicts/fixed-phrases.txt, canonical-phrases.txt, formulations.txt and\n\
         userwords.txt, five characters or more) written with one or two characters dropped from inside it.\n\
         Why: a dropped character breaks the phrase and changes what it says (行政机关人 is not 行政机关负责人).\n\
         How: reported only where the three characters around the gap never occur in a row in the\n\
         government prose of the character model, so a shortened form that is a phrase of its own\n\
         (规范文件 from 规范性文件) is left alone.\n\
         Wrong: 落实行政机关人出庭应诉制度 · 推行执法全过程记制度\n\
         Right: 落实行政机关负责人出庭应诉制度 · 推行执法全过程记录制度\n\
         Not reported: a missing first or last character (it cannot be told from the next word); a\n\
         shortened form under four characters, or one that is another listed phrase or part of one;\n\
         a shortened form government prose writes.\n\
         Source: 《党政机关公文处理工作条例》 Article 26 (accurate wording); Administrative Litigation Law Article 3.",
    check: Check::Doc(missing_char),
    safe_fix: false,
};

/// A phrase with characters left out: the full phrase and where, in the short form, the gap is.
struct Short {
    full: String,
    short: Vec<char>,
    written: String,
    gap: usize,
    /// Whether the dropped characters are part of a word of the full phrase, not a word of
    /// their own: 全国统一大市场 without 统一 or 大 is still a phrase (全国统一市场), 行政机关负责人
    /// without 负责 is not.
    breaks_word: bool,
}

/// The character offsets where jieba's words of `phrase` begin and end. A phrase that is a
/// word of the dictionaries itself (全国统一大市场) is read by the words inside it.
fn word_bounds(phrase: &str) -> Vec<usize> {
    let jieba = Segmenter::global().jieba();
    let mut tokens = jieba.cut(phrase, false);
    if tokens.len() == 1 {
        tokens = jieba.cut_for_search(phrase, false);
        tokens.retain(|t| t.word != phrase);
    }
    let mut bounds: Vec<usize> = vec![0, phrase.chars().count()];
    for t in tokens {
        bounds.extend([t.start, t.end]);
    }
    bounds.sort_unstable();
    bounds.dedup();
    bounds
}

static SHORTS: LazyLock<Vec<Short>> = LazyLock::new(|| {
    let han = |l: &str| -> String { l.chars().filter(|c| is_han(*c)).collect() };
    let mut phrases: Vec<String> = entries(FIXED)
        .chain(entries(CANONICAL))
        .chain(entries(FORMULATIONS))
        .map(han)
        .chain(
            entries(USERWORDS)
                .filter_map(|l| l.split_whitespace().next())
                .map(han),
        )
        .filter(|p| p.chars().count() > MIN_SHORT)
        .collect();
    phrases.sort();
    phrases.dedup();
    let mut by_short: FxHashMap<String, Option<Short>> = FxHashMap::default();
    for p in &phrases {
        let chars: Vec<char> = p.chars().collect();
        let n = chars.len();
        let bounds = word_bounds(p);
        for drop in 1..=2 {
            // Keep the first and the last character: without them the phrase cannot be told
            // from its neighbours.
            for gap in 1..n.saturating_sub(drop) {
                let short: Vec<char> = chars[..gap]
                    .iter()
                    .chain(&chars[gap + drop..])
                    .copied()
                    .collect();
                if short.len() < MIN_SHORT {
                    continue;
                }
                let s: String = short.iter().collect();
                // Part of a listed phrase (or one itself) is written on purpose.
                if phrases.iter().any(|q| q.contains(&s)) {
                    continue;
                }
                by_short
                    .entry(s)
                    .and_modify(|e| {
                        // Two phrases shortened alike: which one was meant is unknown.
                        if e.as_ref().is_some_and(|x| x.full != *p) {
                            *e = None;
                        }
                    })
                    .or_insert_with(|| {
                        Some(Short {
                            full: p.clone(),
                            written: short.iter().collect(),
                            short,
                            gap,
                            breaks_word: !(bounds.contains(&gap) && bounds.contains(&(gap + drop))),
                        })
                    });
            }
        }
    }
    let mut shorts: Vec<Short> = by_short
        .into_values()
        .flatten()
        .filter(|s| s.breaks_word && leaves_single(s))
        .collect();
    shorts.sort_by(|a, b| a.short.cmp(&b.short));
    shorts
});

pub(super) static SHORT_NEEDLES: LazyLock<text::Needles> =
    LazyLock::new(|| text::Needles::new(SHORTS.iter().map(|s| s.short.iter().collect::<String>())));

/// The short forms by their first four characters: many share their first characters
/// (行政……), and comparing each at every 行 of a text would cost more than the rest of the rule.
static BY_HEAD: LazyLock<FxHashMap<[char; MIN_SHORT], Vec<usize>>> = LazyLock::new(|| {
    let mut by_head: FxHashMap<[char; MIN_SHORT], Vec<usize>> = FxHashMap::default();
    for (i, s) in SHORTS.iter().enumerate() {
        let mut head = ['\0'; MIN_SHORT];
        head.copy_from_slice(&s.short[..MIN_SHORT]);
        by_head.entry(head).or_default().push(i);
    }
    by_head
});

static FIRST: LazyLock<FxHashSet<char>> =
    LazyLock::new(|| SHORTS.iter().map(|s| s.short[0]).collect());

/// Whether a character next to the gap is left alone by jieba in the short form: a phrase
/// missing a piece leaves a broken word (行政机关人: 人 stands alone), one that is a phrase of
/// its own (行政性文件) is all words.
fn leaves_single(s: &Short) -> bool {
    let short: String = s.short.iter().collect();
    let bounds = word_bounds(&short);
    bounds
        .windows(2)
        .any(|w| w[1] - w[0] == 1 && (w[0] + 1 == s.gap || w[0] == s.gap))
}

/// Whether government prose never writes `short` at its gap: a triple of characters across it
/// that the model has not seen.
fn unheard(s: &Short) -> bool {
    let c = &s.short;
    let g = s.gap;
    let mut triples = Vec::new();
    if g >= 2 {
        triples.push((c[g - 2], c[g - 1], c[g]));
    }
    if g + 1 < c.len() {
        triples.push((c[g - 1], c[g], c[g + 1]));
    }
    triples
        .iter()
        .any(|&(a, b, d)| typo::triple_count(a, b, d) == Some(0))
}

fn missing_char(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    let mut last_end = 0;
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (at, c) in text::chars_at(text, ctx.list_starts()) {
        if !FIRST.contains(&c) {
            continue;
        }
        let mut head = ['\0'; MIN_SHORT];
        let mut chars = text[at..].chars();
        for h in &mut head {
            *h = chars.next().unwrap_or('\0');
        }
        let Some(list) = BY_HEAD.get(&head) else {
            continue;
        };
        for &i in list {
            if text[at..].starts_with(&SHORTS[i].written) {
                found.push((i, at));
            }
        }
    }
    // The longest form at each place first.
    found.sort_by_key(|&(i, at)| (at, std::cmp::Reverse(SHORTS[i].short.len())));
    let mut seen: FxHashSet<usize> = FxHashSet::default();
    for (i, at) in found {
        let s = &SHORTS[i];
        if at < last_end || seen.contains(&at) || text[at..].starts_with(&s.full) || !unheard(s) {
            continue;
        }
        seen.insert(at);
        let written = &s.written;
        let end = at + written.len();
        last_end = end;
        let full = &s.full;
        out.push(
            text::finding(
                MISSING_CHAR.id,
                at,
                end,
                msg!(
                    zh = "疑似漏字：“{written}”应为“{full}”",
                    en = "Suspected missing character: “{written}” should be “{full}”"
                ),
            )
            .with_replacement(full.as_str()),
        );
    }
}
