//! Writes the development set of the `typo` rule: sentences of the bench files held out of its
//! model (`dicts/typo-lm.heldout.txt`, marked `devset`), half of them with one or two typos put
//! in the way a pinyin input method makes them. Deterministic: a fixed seed, sorted inputs.
//!
//!   cargo run --example typo_devset -- ../shared/bench > tests/fixtures/typo-devset.tsv
//!
//! Each line: `label<TAB>sentence<TAB>typos<TAB>file`, where label is 1 for a sentence with
//! typos and typos lists `index:wrong:right` (index in characters, from 0) joined by `;`.
//!
//! A typo replaces one character of a word of two or more characters (never inside 《》) by a
//! common character (among the 3,000 most frequent of the model) that has the same syllable,
//! tones ignored (six in ten), a near syllable an input method's fuzzy matching confuses (a
//! quarter), or a similar shape (`dicts/typo-shapes.txt`; the rest, or a same-syllable one when
//! the character has no look-alike). Like an input method, it offers the frequent characters
//! first: the replacement is drawn from the five most frequent candidates.

use std::collections::{BTreeMap, BTreeSet};

use gongwen::check::{fuzzy_syllable as fuzzy, syllables};
use gongwen::segment::Segmenter;

const SENTENCES: usize = 1200;
const SEED: u64 = 0x2026_1206_0027_5eed;

/// xorshift64*: small, fixed and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The model's characters, most frequent first.
fn common_chars(root: &std::path::Path) -> Vec<char> {
    let b = std::fs::read(root.join("dicts/typo-lm.bin")).expect("dicts/typo-lm.bin");
    let n = u32::from_le_bytes(b[8..12].try_into().unwrap()) as usize;
    (0..n)
        .filter_map(|i| {
            let at = 28 + i * 8;
            char::from_u32(u32::from_le_bytes(b[at..at + 4].try_into().unwrap()))
        })
        .collect()
}

fn main() {
    let bench = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/bench".into()),
    );
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let held = std::fs::read_to_string(root.join("dicts/typo-lm.heldout.txt")).unwrap();
    let files: BTreeSet<&str> = held
        .lines()
        .filter_map(|l| l.strip_suffix("\tdevset"))
        .collect();
    let pool: Vec<char> = common_chars(root).into_iter().take(3000).collect();
    let rank: BTreeMap<char, usize> = pool.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let shapes: Vec<Vec<char>> = std::fs::read_to_string(root.join("dicts/typo-shapes.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.trim().chars().collect())
        .collect();

    let mut sentences: Vec<(String, &str)> = Vec::new();
    let mut seen = BTreeSet::new();
    for f in &files {
        let text = std::fs::read_to_string(bench.join(f)).unwrap_or_default();
        for s in text.split(['。', '！', '？', '；', '\n']) {
            let s = s.trim();
            let n = s.chars().count();
            let han = s.chars().filter(|c| is_han(*c)).count();
            if (15..=80).contains(&n) && han * 10 >= n * 8 && seen.insert(s.to_string()) {
                sentences.push((s.to_string(), f));
            }
        }
    }
    let mut rng = Rng(SEED);
    // Fisher–Yates over the sorted sentences: the same sample whatever the file system order.
    for i in (1..sentences.len()).rev() {
        sentences.swap(i, rng.below(i + 1));
    }
    sentences.truncate(SENTENCES);

    let seg = Segmenter::global();
    for (n, (s, file)) in sentences.iter().enumerate() {
        let chars: Vec<char> = s.chars().collect();
        if n % 2 == 0 {
            println!("0\t{s}\t\t{file}");
            continue;
        }
        // Character index of each byte offset, and where the titles are.
        let byte_to_char: BTreeMap<usize, usize> = s
            .char_indices()
            .enumerate()
            .map(|(i, (b, _))| (b, i))
            .collect();
        let mut in_title = vec![false; chars.len()];
        let mut depth = 0;
        for (i, c) in chars.iter().enumerate() {
            match c {
                '《' => depth += 1,
                '》' => depth = (depth as i32 - 1).max(0) as usize,
                _ => {}
            }
            in_title[i] = depth > 0 || *c == '》';
        }
        let spots: Vec<usize> = seg
            .cut(s)
            .iter()
            .filter(|t| {
                let w = t.text(s);
                w.chars().count() >= 2 && w.chars().all(is_han)
            })
            .flat_map(|t| {
                let first = byte_to_char[&t.start];
                first..first + t.text(s).chars().count()
            })
            .filter(|i| !in_title[*i] && rank.contains_key(&chars[*i]))
            .collect();
        let want = if rng.below(10) < 7 { 1 } else { 2 };
        let mut typos: Vec<(usize, char, char)> = Vec::new();
        let mut tries = 0;
        while typos.len() < want && tries < 50 && !spots.is_empty() {
            tries += 1;
            let i = spots[rng.below(spots.len())];
            if typos.iter().any(|(j, _, _)| i.abs_diff(*j) < 2) {
                continue;
            }
            let right = chars[i];
            let roll = rng.below(100);
            let sy = syllables(right);
            let fz: Vec<String> = sy.iter().map(|s| fuzzy(s)).collect();
            let same = |c: &char| syllables(*c).iter().any(|s| sy.contains(s));
            let near = |c: &char| !same(c) && syllables(*c).iter().any(|s| fz.contains(&fuzzy(s)));
            let shape: Vec<char> = shapes
                .iter()
                .filter(|g| g.contains(&right))
                .flat_map(|g| g.iter().copied())
                .filter(|c| *c != right)
                .collect();
            let mut cands: Vec<char> = if roll >= 85 && !shape.is_empty() {
                shape
            } else if (60..85).contains(&roll) {
                pool.iter()
                    .copied()
                    .filter(|c| *c != right && near(c))
                    .collect()
            } else {
                pool.iter()
                    .copied()
                    .filter(|c| *c != right && same(c))
                    .collect()
            };
            cands.truncate(5);
            if cands.is_empty() {
                continue;
            }
            typos.push((i, right, cands[rng.below(cands.len())]));
        }
        if typos.is_empty() {
            println!("0\t{s}\t\t{file}");
            continue;
        }
        typos.sort();
        let mut out = chars.clone();
        for (i, _, wrong) in &typos {
            out[*i] = *wrong;
        }
        let out: String = out.into_iter().collect();
        let list: Vec<String> = typos
            .iter()
            .map(|(i, right, wrong)| format!("{i}:{wrong}:{right}"))
            .collect();
        println!("1\t{out}\t{}\t{file}", list.join(";"));
    }
}
