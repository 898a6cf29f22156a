//! Word frequencies and keywords (词频统计, 关键词提取).
//!
//! Counting happens per document, over the tokens the pipeline already has, into a small map of
//! terms ([`DocTerms`]). The ranking needs every document first when the IDF comes from the run,
//! so [`Corpus`] keeps one map of all distinct terms (totals, document frequency) and spills each
//! document's counts to a temporary file; [`Corpus::finish`] reads them back and ranks. Memory
//! therefore grows with the number of distinct terms, not with the number of documents.

use std::io::{BufReader, BufWriter, Read, Seek, Write};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::input::{self, Input, ReadOptions};
use crate::output::rows::{TableRow, TermRow};
use crate::output::tables::TableId;
use crate::output::{Cell, Row};
use crate::pipeline::{self, Sink, Summary};
use crate::segment::{Distinct, Numbering, Segmenter, Token, WordIds};

/// Common Chinese stop words and function words.
pub const STOP_WORDS: &str = include_str!("../../dicts/stopwords.txt");
/// Words of official style that occur in nearly every document (进一步, 加强, 推进 …).
pub const BOILERPLATE: &str = include_str!("../../dicts/boilerplate.txt");

/// Below this many documents, a run's own document frequencies say little, and jieba-rs's
/// built-in IDF table (computed over a large general corpus) is used instead.
pub const MIN_DOCS_FOR_CORPUS_IDF: usize = 20;

/// How the terms of a document are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    #[default]
    TfIdf,
    TextRank,
}

/// What counts as a term and how many are reported.
#[derive(Debug, Clone)]
pub struct Options {
    /// Terms per document (and in the corpus block); 0 lists all.
    pub top: usize,
    pub method: Method,
    /// Numbers (`2025`, `3.5%`, 三) count as terms.
    pub numbers: bool,
    /// Single characters count as terms.
    pub single_chars: bool,
    /// Terms counted as plain substrings in every document (`term_counts.csv`).
    pub codebook: Vec<String>,
    stop: FxHashSet<Box<str>>,
    /// New whenever `stop` changes (see [`new_stamp`]).
    stamp: u64,
}

impl Options {
    /// What counting terms with these options needs of the segmenter.
    pub fn numbering(&self) -> Numbering {
        match self.method {
            Method::TfIdf => Numbering::Counts,
            Method::TextRank => Numbering::Sequence,
        }
    }

    /// How many of `n` ranked terms are reported: `top`, or all when `top` is 0.
    fn kept(&self, n: usize) -> usize {
        if self.top == 0 {
            n
        } else {
            self.top
        }
    }
}

impl Default for Options {
    /// The bundled stop words; boilerplate kept; top 50 by TF-IDF.
    fn default() -> Self {
        let mut o = Options {
            top: 50,
            method: Method::TfIdf,
            numbers: false,
            single_chars: false,
            codebook: Vec::new(),
            stop: FxHashSet::default(),
            stamp: new_stamp(),
        };
        o.add_stop_words(STOP_WORDS);
        o
    }
}

/// Words of a list file: one per line (a jieba-style line keeps its first field); `#` starts a
/// note.
pub fn parse_word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|l| {
        let l = l.trim().trim_start_matches('\u{feff}');
        if l.starts_with('#') {
            return None;
        }
        l.split_whitespace().next()
    })
}

impl Options {
    /// Adds the words of a list (see [`parse_word_list`]) to the words that are never terms.
    pub fn add_stop_words(&mut self, list: &str) {
        self.stop.extend(parse_word_list(list).map(Box::from));
        self.stamp = new_stamp();
    }

    /// Drops the boilerplate of official documents too.
    pub fn drop_boilerplate(&mut self) {
        self.add_stop_words(BOILERPLATE);
    }

    /// Whether `word`, tagged `pos`, is counted as a term.
    pub fn is_term(&self, word: &str, pos: &str) -> bool {
        self.verdict(self.facts(word), pos) == Verdict::Term
    }

    /// What the verdict on a word needs to know of its text, in one byte.
    fn facts(&self, word: &str) -> u8 {
        let mut f = FACTS_KNOWN;
        // Punctuation, spaces and symbols: nothing to read.
        if word.chars().any(is_word_char) {
            f |= FACT_WORD;
        }
        if self.stop.contains(word) {
            f |= FACT_STOP;
        }
        if is_number(word) {
            f |= FACT_NUMBER;
        }
        if is_plan(word) {
            f |= FACT_PLAN;
        }
        if word.chars().nth(1).is_none() {
            f |= FACT_SINGLE;
        }
        f
    }

    /// Runs `f` on this thread's table of facts by word id (0: not judged yet).
    fn with_facts<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        thread_local! {
            static FACTS: std::cell::RefCell<(u64, Vec<u8>)> = Default::default();
        }
        FACTS.with(|cache| {
            let mut cache = cache.borrow_mut();
            let (stamp, facts) = &mut *cache;
            if *stamp != self.stamp {
                // Other stop words: the cached facts are another list's.
                *stamp = self.stamp;
                facts.clear();
            }
            f(facts)
        })
    }

    fn verdict(&self, facts: u8, pos: &str) -> Verdict {
        let has = |f: u8| facts & f != 0;
        if !has(FACT_WORD) {
            return Verdict::NotAWord;
        }
        if has(FACT_STOP) || (has(FACT_SINGLE) && !self.single_chars) {
            return Verdict::NotATerm;
        }
        // Closed classes of function words: conjunctions, prepositions, particles, interjections,
        // modal particles, onomatopoeia.
        if matches!(
            pos,
            "c" | "p" | "u" | "ud" | "ug" | "uj" | "ul" | "uv" | "uz" | "e" | "y" | "o"
        ) {
            return Verdict::NotATerm;
        }
        // Numerals and measure words (一批, 万辆, 一处) are quantities, not subjects; 十四五 is
        // tagged a numeral too, hence the test on the characters.
        if !self.numbers
            && (has(FACT_NUMBER) || (matches!(pos, "m" | "mq" | "q") && !has(FACT_PLAN)))
        {
            return Verdict::NotATerm;
        }
        Verdict::Term
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    NotAWord,
    NotATerm,
    Term,
}

const FACTS_KNOWN: u8 = 1;
const FACT_WORD: u8 = 2;
const FACT_STOP: u8 = 4;
const FACT_NUMBER: u8 = 8;
const FACT_PLAN: u8 = 16;
const FACT_SINGLE: u8 = 32;

/// Distinguishes stop-word lists, so that a thread's cached facts are never another list's.
fn new_stamp() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A number written in digits or Chinese numerals (`2025`, `3.5%`, `１２`, 三十, 第一), but not
/// the names of five-year plans (十四五), which read like numerals and are policy vocabulary.
pub fn is_number(word: &str) -> bool {
    !is_plan(word)
        && word.trim_start_matches('第').chars().all(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || ".．%％,，:：+-~～〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟点几"
                    .contains(c)
        })
        && !word.is_empty()
        && word != "第"
}

/// A letter, digit or ideograph: what makes a token a word rather than punctuation. The common
/// ideographs are answered before the general Unicode tables, which are slow for them.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_alphanumeric()
    }
}

/// 十三五, 十四五, 十五五: five-year plans.
fn is_plan(word: &str) -> bool {
    word.chars().count() == 3 && word.starts_with('十') && word.ends_with('五')
}

/// What one term is in one document.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TermStat {
    pub count: u32,
    pub pos: &'static str,
    /// TextRank weight (0 when the method is TF-IDF).
    pub textrank: f64,
}

/// The term counts of one document: each distinct term once, in order of first occurrence.
/// The terms' text is kept in one string, so a document costs two allocations, not one per term.
#[derive(Debug, Clone, Default)]
pub struct DocTerms {
    /// Word tokens (not punctuation or space): the base of `per_10k`.
    pub words: u32,
    names: String,
    /// End of each term's name in `names`, its word id (see [`crate::segment::word_id`]), and
    /// its statistics.
    stats: Vec<(u32, u32, TermStat)>,
    /// Occurrences of each codebook term, in codebook order.
    pub codebook: Vec<u32>,
}

impl DocTerms {
    /// Each distinct term with its statistics.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &TermStat)> {
        self.iter_ids().map(|(t, _, s)| (t, s))
    }

    /// Each distinct term with its word id and statistics.
    fn iter_ids(&self) -> impl Iterator<Item = (&str, u32, &TermStat)> {
        let starts = std::iter::once(0).chain(self.stats.iter().map(|(end, _, _)| *end as usize));
        starts.zip(&self.stats).map(|(start, (end, id, s))| {
            (self.names.get(start..*end as usize).unwrap_or(""), *id, s)
        })
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.stats.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stats.is_empty()
    }

    /// The statistics of `term`, if the document has it.
    pub fn get(&self, term: &str) -> Option<&TermStat> {
        self.iter().find(|(t, _)| *t == term).map(|(_, s)| s)
    }
}

/// What a distinct token of a document is, decided once per document.
const NOT_A_WORD: u32 = u32::MAX;
const NOT_A_TERM: u32 = u32::MAX - 1;

/// Counts the terms of `text` from its tokens.
///
/// `ids` count the distinct words of the text, as it was cut ([`WordIds::distinct`]), so no
/// token is read again here, and none is hashed by its text. What decides whether a word
/// is a term (stop word, number, single character) is learnt once per thread and word id, so a
/// document's distinct words cost a byte lookup each. Owned strings are made only for the
/// distinct terms.
pub fn count(text: &str, tokens: &[Token], ids: &WordIds, opts: &Options) -> DocTerms {
    // Occurrences of each distinct word, the index of its first token and its id, counted as
    // the text was cut: the words' text is read once per distinct word.
    let counts = &ids.distinct;
    let max_id = counts.iter().map(|d| d.id).max().unwrap_or(0);
    let textrank_on = opts.method == Method::TextRank;
    debug_assert!(!textrank_on || ids.local.len() == tokens.len());
    let mut slots: Vec<u32> = Vec::with_capacity(if textrank_on { counts.len() } else { 0 });
    let mut found: Vec<(&str, u32, TermStat)> = Vec::new();
    let mut words = 0u32;
    opts.with_facts(|facts| {
        if !counts.is_empty() && max_id as usize >= facts.len() {
            facts.resize(max_id as usize + 1, 0);
        }
        // The table is indexed by process-wide ids and larger than the CPU caches: reading all
        // entries first, in a loop with nothing depending on them, overlaps the misses.
        let known: Vec<u8> = counts.iter().map(|c| facts[c.id as usize]).collect();
        for (
            &Distinct {
                count: n,
                first,
                id,
            },
            mut f,
        ) in counts.iter().zip(known)
        {
            let slot = match tokens.get(first as usize) {
                Some(t) if n > 0 => {
                    let w = t.span().text(text);
                    if f == 0 {
                        f = opts.facts(w);
                        facts[id as usize] = f;
                    }
                    match opts.verdict(f, t.pos()) {
                        Verdict::NotAWord => NOT_A_WORD,
                        Verdict::NotATerm => NOT_A_TERM,
                        Verdict::Term => {
                            found.push((
                                w,
                                id,
                                TermStat {
                                    count: n,
                                    pos: t.pos(),
                                    textrank: 0.0,
                                },
                            ));
                            (found.len() - 1) as u32
                        }
                    }
                }
                _ => NOT_A_WORD,
            };
            if slot != NOT_A_WORD {
                words = words.saturating_add(n);
            }
            if textrank_on {
                slots.push(slot);
            }
        }
    });
    if textrank_on {
        let sequence: Vec<u32> = ids.local.iter().map(|&l| slots[l as usize]).collect();
        let weights = textrank(&sequence, found.len());
        for (s, w) in found.iter_mut().zip(weights) {
            s.2.textrank = w;
        }
    }
    let codebook = opts
        .codebook
        .iter()
        .map(|c| u32::try_from(text.matches(c.as_str()).count()).unwrap_or(u32::MAX))
        .collect();
    DocTerms {
        words,
        names: found.iter().map(|(w, _, _)| *w).collect(),
        stats: found
            .iter()
            .scan(0u32, |end, (w, id, s)| {
                *end = end.saturating_add(w.len() as u32);
                Some((*end, *id, *s))
            })
            .collect(),
        codebook,
    }
}

/// TextRank as jieba does it: terms are linked when they occur within five tokens of each other,
/// and the weights are 20 sweeps of PageRank (damping 0.85) over that graph, scaled so that the
/// best term has 1. `sequence` holds each token's term index (or a value ≥ `n` for a token that
/// is not a term); indices follow first occurrence in the text, so the sums, and the weights,
/// do not depend on hashing or threads.
fn textrank(sequence: &[u32], n: usize) -> Vec<f64> {
    const SPAN: usize = 5;
    if n == 0 {
        return Vec::new();
    }
    let is_term = |i: u32| (i as usize) < n;
    let mut edges: FxHashMap<(u32, u32), f64> = FxHashMap::default();
    for (i, &a) in sequence.iter().enumerate() {
        if !is_term(a) {
            continue;
        }
        for &b in sequence.iter().skip(i + 1).take(SPAN - 1) {
            if is_term(b) {
                *edges.entry((a.min(b), a.max(b))).or_default() += 1.0;
            }
        }
    }
    let mut sorted: Vec<((u32, u32), f64)> = edges.into_iter().collect();
    sorted.sort_unstable_by_key(|e| e.0);
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for ((a, b), w) in sorted {
        let (a, b) = (a as usize, b as usize);
        adj[a].push((b, w));
        if a != b {
            adj[b].push((a, w));
        }
    }
    let out: Vec<f64> = adj.iter().map(|e| e.iter().map(|x| x.1).sum()).collect();
    let d = 0.85;
    let mut ws = vec![1.0 / n as f64; n];
    for _ in 0..20 {
        for i in 0..n {
            let s: f64 = adj[i]
                .iter()
                .filter(|(j, _)| out[*j] > 0.0)
                .map(|(j, w)| w / out[*j] * ws[*j])
                .sum();
            ws[i] = (1.0 - d) + d * s;
        }
    }
    let (min, max) = ws
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), w| (lo.min(*w), hi.max(*w)));
    let floor = min / 10.0;
    ws.iter()
        .map(|w| {
            if max - floor > 0.0 {
                (w - floor) / (max - floor)
            } else {
                1.0
            }
        })
        .collect()
}

/// The `term_counts.csv` header for a codebook.
pub fn codebook_header(codebook: &[String]) -> Vec<&str> {
    std::iter::once("file")
        .chain(codebook.iter().map(String::as_str))
        .collect()
}

/// The `term_counts.csv` row of one document.
pub fn codebook_row(file: &str, t: &DocTerms) -> Row {
    std::iter::once(Cell::text(file))
        .chain(t.codebook.iter().map(|c| Cell::Int(i64::from(*c))))
        .collect()
}

/// One distinct term of the run.
struct Global {
    term: Box<str>,
    pos: &'static str,
    /// Its word id; the sums are kept by word id while documents come in.
    word: u32,
    total: u64,
    docs: u32,
}

/// What the run knows of a word id: the term's index in `Corpus::terms` plus one (0: not met
/// yet), and its running sums. Kept together so that a document's term costs one memory
/// access, not one for the index and one for the sums.
#[derive(Clone, Copy, Default)]
struct ByWord {
    index: u32,
    docs: u32,
    total: u64,
}

/// The corpus-wide term statistics of a run, and each document's counts on disk until the end.
pub struct Corpus<'a> {
    opts: &'a Options,
    /// Indexed by word id. Indices into `terms` follow the input order of documents, so they are
    /// the same whatever the threads did.
    by_word: Vec<ByWord>,
    terms: Vec<Global>,
    docs: usize,
    words: u64,
    spill: BufWriter<std::fs::File>,
    /// One document's spilled terms, written to `spill` at once.
    record: Vec<u8>,
}

/// Where a spilled document record ends up: (file, words, [(term id, count, textrank)]).
type Record = (String, u32, Vec<(u32, u32, f64)>);

impl<'a> Corpus<'a> {
    pub fn new(opts: &'a Options) -> std::io::Result<Self> {
        Ok(Corpus {
            opts,
            by_word: Vec::new(),
            terms: Vec::new(),
            docs: 0,
            words: 0,
            spill: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            record: Vec::new(),
        })
    }

    /// Adds one document; documents must come in input order, which makes the first part of
    /// speech seen for a term the same on every run.
    pub fn add(&mut self, file: &str, doc: &DocTerms) -> std::io::Result<()> {
        self.docs += 1;
        self.words += u64::from(doc.words);
        write_bytes(&mut self.spill, file.as_bytes())?;
        self.spill.write_all(&doc.words.to_le_bytes())?;
        self.spill.write_all(&(doc.len() as u32).to_le_bytes())?;
        let max = doc.stats.iter().map(|(_, id, _)| *id as usize + 1).max();
        if let Some(max) = max.filter(|m| *m > self.by_word.len()) {
            self.by_word.resize(max, ByWord::default());
        }
        // The table is indexed by process-wide word ids and outgrows the CPU's nearest caches:
        // reading the document's entries first, in a loop that nothing waits on, overlaps the
        // misses that the loop below would otherwise take one after another.
        let new_terms = doc
            .stats
            .iter()
            .filter(|(_, id, _)| self.by_word[*id as usize].index == 0)
            .count();
        self.terms.reserve(new_terms);
        for (term, word, s) in doc.iter_ids() {
            let b = &mut self.by_word[word as usize];
            if b.index == 0 {
                self.terms.push(Global {
                    term: term.into(),
                    pos: s.pos,
                    word,
                    total: 0,
                    docs: 0,
                });
                b.index = self.terms.len() as u32;
            }
            b.total += u64::from(s.count);
            b.docs += 1;
            let id = b.index - 1;
            self.record.extend_from_slice(&id.to_le_bytes());
            self.record.extend_from_slice(&s.count.to_le_bytes());
            self.record.extend_from_slice(&s.textrank.to_le_bytes());
        }
        self.spill.write_all(&self.record)?;
        self.record.clear();
        Ok(())
    }

    /// Whether the IDF comes from the documents of this run.
    pub fn corpus_idf(&self) -> bool {
        self.docs >= MIN_DOCS_FOR_CORPUS_IDF
    }

    /// Ranks every document's terms and writes the `terms.csv` rows: each document's block in
    /// input order, then the corpus block (`file` = `*`).
    pub fn finish(mut self, seg: &Segmenter, sink: &mut dyn Sink) -> std::io::Result<()> {
        for g in &mut self.terms {
            let b = self.by_word[g.word as usize];
            (g.total, g.docs) = (b.total, b.docs);
        }
        let idf: Vec<f64> = if self.corpus_idf() {
            let n = self.docs as f64;
            self.terms
                .iter()
                .map(|g| (n / f64::from(g.docs.max(1))).ln())
                .collect()
        } else {
            builtin_idf(seg, self.terms.iter().map(|g| &*g.term))
        };
        let mut file = self.spill.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        let mut r = BufReader::with_capacity(1 << 16, file);
        let ranker = Ranker {
            terms: &self.terms,
            idf: &idf,
            opts: self.opts,
        };
        let docs = self.docs;
        let mut rank_next = move || -> std::io::Result<RankedDoc> {
            let (name, words, entries) = read_record(&mut r)?;
            Ok((name, words, ranker.rank(&entries)))
        };
        let write_doc = |sink: &mut dyn Sink, (name, words, ranked): RankedDoc| {
            for (rank, (tfidf, count, id)) in ranked.into_iter().enumerate() {
                let g = &self.terms[id as usize];
                sink.row(
                    TableId::Terms,
                    &term_row(&name, g, u64::from(count), words.into(), Some(tfidf), rank),
                )?;
            }
            Ok::<_, std::io::Error>(())
        };
        // The corpus block, most frequent first.
        let corpus_order = || {
            let mut order: Vec<usize> = (0..self.terms.len()).collect();
            order.sort_by(|a, b| {
                let (a, b) = (&self.terms[*a], &self.terms[*b]);
                b.total.cmp(&a.total).then_with(|| a.term.cmp(&b.term))
            });
            order
        };
        for _ in 0..docs {
            write_doc(sink, rank_next()?)?;
        }
        let order = corpus_order();
        for (rank, i) in order
            .into_iter()
            .take(self.opts.kept(self.terms.len()))
            .enumerate()
        {
            let g = &self.terms[i];
            sink.row(
                TableId::Terms,
                &term_row("*", g, g.total, self.words, None, rank),
            )?;
        }
        Ok(())
    }
}

/// A document's name, counted words and ranked terms: (TF-IDF, count, term index), best first.
type RankedDoc = (String, u32, Vec<(f64, u32, u32)>);

/// What ranking one document's terms needs of the corpus.
#[derive(Clone, Copy)]
struct Ranker<'c> {
    terms: &'c [Global],
    idf: &'c [f64],
    opts: &'c Options,
}

impl Ranker<'_> {
    /// The document's terms to report, best first.
    fn rank(&self, entries: &[(u32, u32, f64)]) -> Vec<(f64, u32, u32)> {
        let total: u64 = entries.iter().map(|e| u64::from(e.1)).sum();
        let mut ranked: Vec<(f64, f64, u32, u32)> = entries
            .iter()
            .map(|&(id, count, tr)| {
                let tfidf = f64::from(count) / total.max(1) as f64 * self.idf[id as usize];
                let score = match self.opts.method {
                    Method::TfIdf => tfidf,
                    Method::TextRank => tr,
                };
                (score, tfidf, count, id)
            })
            .collect();
        // Ids are distinct within a document and name distinct terms, so this order is
        // total: picking the first `keep` and sorting only them gives the same rows as
        // sorting all, for a fraction of the comparisons.
        let order = |a: &(f64, f64, u32, u32), b: &(f64, f64, u32, u32)| {
            b.0.total_cmp(&a.0).then(b.2.cmp(&a.2)).then_with(|| {
                self.terms[a.3 as usize]
                    .term
                    .cmp(&self.terms[b.3 as usize].term)
            })
        };
        let keep = self.opts.kept(ranked.len());
        if keep < ranked.len() {
            ranked.select_nth_unstable_by(keep, order);
            ranked.truncate(keep);
        }
        ranked.sort_by(order);
        ranked
            .into_iter()
            .map(|(_, tfidf, count, id)| (tfidf, count, id))
            .collect()
    }
}

fn term_row(
    file: &str,
    g: &Global,
    count: u64,
    words: u64,
    tfidf: Option<f64>,
    rank: usize,
) -> Row {
    let per_10k = if words == 0 {
        0.0
    } else {
        count as f64 * 10_000.0 / words as f64
    };
    TermRow {
        file: file.to_string(),
        term: g.term.to_string(),
        pos: g.pos,
        count,
        per_10k: round(per_10k, 2),
        tfidf: tfidf.map(|t| round(t, 6)),
        rank: rank + 1,
        docs: g.docs as usize,
    }
    .cells()
}

/// Rounds for reading; also keeps the last bits of floating-point sums out of the output.
fn round(v: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

fn write_bytes(w: &mut impl Write, b: &[u8]) -> std::io::Result<()> {
    w.write_all(&(b.len() as u32).to_le_bytes())?;
    w.write_all(b)
}

fn read_u32(r: &mut impl Read) -> std::io::Result<u32> {
    let mut b = [0; 4];
    r.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

fn read_record(r: &mut impl Read) -> std::io::Result<Record> {
    let len = read_u32(r)? as usize;
    let mut name = vec![0; len];
    r.read_exact(&mut name)?;
    let words = read_u32(r)?;
    let n = read_u32(r)? as usize;
    let mut entries = Vec::with_capacity(n);
    for _ in 0..n {
        let id = read_u32(r)?;
        let count = read_u32(r)?;
        let mut b = [0; 8];
        r.read_exact(&mut b)?;
        entries.push((id, count, f64::from_le_bytes(b)));
    }
    Ok((String::from_utf8_lossy(&name).into_owned(), words, entries))
}

/// jieba-rs's built-in IDF table (the crate's `idf.txt`), one `word idf` line per word sorted by
/// the bytes of the word, written by `scripts/jieba-idf.sh`. Looking words up in the embedded
/// text costs nothing at start-up; the crate's own `TfIdf` builds a hash table of all 270,000
/// words first, which took as long as the dictionary and shared the processor with it.
const BUILTIN_IDF: &str = include_str!("../../dicts/jieba-idf.txt");
/// The lower median of the table's values, which jieba-rs gives a word the table lacks.
const BUILTIN_MEDIAN_IDF: f64 = 11.9547675029;

/// The IDF of `word` in [`BUILTIN_IDF`], by binary search over its lines.
fn builtin_idf_entry(word: &str) -> Option<f64> {
    let table = BUILTIN_IDF.as_bytes();
    // `lo` is always at the start of a line; `hi` at the start of one or at the end.
    let (mut lo, mut hi) = (0, table.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &table[lo..mid]).map_or(lo, |i| lo + i + 1);
        let end = memchr::memchr(b'\n', &table[start..hi]).map_or(hi, |i| start + i);
        let line = &BUILTIN_IDF[start..end];
        let (w, idf) = line.split_once(' ')?;
        match w.as_bytes().cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return idf.parse().ok(),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

/// jieba-rs's built-in IDF of each term, as its TF-IDF extraction weighs a text that is the term
/// alone: the term's IDF when jieba keeps it as one word, the median otherwise (a term it would
/// split, or one the table lacks), which is what jieba's own extraction gives a word it never sees.
pub fn builtin_idf<'t>(seg: &Segmenter, terms: impl Iterator<Item = &'t str>) -> Vec<f64> {
    terms
        .map(|t| match seg.jieba().cut(t, true).as_slice() {
            [one] if one.word == t => builtin_idf_entry(t).unwrap_or(BUILTIN_MEDIAN_IDF),
            _ => BUILTIN_MEDIAN_IDF,
        })
        .collect()
}

/// `gongwen terms`: reads and segments the inputs and writes `terms.csv` (and `term_counts.csv`
/// for a codebook) only, without the other extraction.
pub fn run(
    inputs: &[Input],
    read: &ReadOptions,
    seg: &Segmenter,
    opts: &Options,
    sink: &mut dyn Sink,
) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut corpus = Corpus::new(opts)?;
    if !opts.codebook.is_empty() {
        sink.open(TableId::TermCounts, &codebook_header(&opts.codebook))?;
    }
    pipeline::for_each_ordered(
        inputs,
        |inp| {
            input::load(inp, read).map(|doc| {
                let (tokens, ids) = seg.tag_with_ids(&doc.text);
                let t = count(&doc.text, &tokens, &ids, opts);
                (doc.file, t)
            })
        },
        |res| match res {
            Ok((file, t)) => {
                summary.add(input::Status::Ok);
                if !opts.codebook.is_empty() {
                    sink.row(TableId::TermCounts, &codebook_row(&file, &t))?;
                }
                corpus.add(&file, &t)
            }
            Err(f) => {
                summary.add(f.status);
                Ok(())
            }
        },
    )?;
    corpus.finish(seg, sink)?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str, opts: &Options) -> Vec<(String, u32)> {
        let (tokens, ids) = Segmenter::global().tag_with_ids(text);
        let mut v: Vec<(String, u32)> = count(text, &tokens, &ids, opts)
            .iter()
            .map(|(k, s)| (k.to_string(), s.count))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn stop_words_numbers_punctuation_and_single_characters_are_not_terms() {
        let text = "我们要进一步优化营商环境，2025年完成3.5%的增长目标。营商环境持续向好。";
        let c = counts(text, &Options::default());
        let terms: Vec<&str> = c.iter().map(|(t, _)| t.as_str()).collect();
        assert!(terms.contains(&"营商环境"));
        assert!(c.contains(&("营商环境".to_string(), 2)));
        for not in ["我们", "的", "2025", "3.5", "%", "，", "年", "要"] {
            assert!(!terms.contains(&not), "{not} in {terms:?}");
        }
        // Boilerplate stays unless dropped.
        assert!(terms.contains(&"进一步"));
        let mut o = Options::default();
        o.drop_boilerplate();
        assert!(!counts(text, &o).iter().any(|(t, _)| t == "进一步"));
        o.numbers = true;
        o.single_chars = true;
        let terms: Vec<String> = counts(text, &o).into_iter().map(|(t, _)| t).collect();
        assert!(terms.contains(&"2025".to_string()) && terms.contains(&"年".to_string()));
    }

    #[test]
    fn each_stop_list_judges_words_afresh() {
        // A thread remembers what it learnt of each word: that must never leak from one list of
        // stop words to another, in either direction, nor to a list changed after use.
        let text = "优化营商环境，建设法治政府。";
        let has = |o: &Options, w: &str| counts(text, o).iter().any(|(t, _)| t == w);
        let plain = Options::default();
        let mut stop = Options::default();
        stop.add_stop_words("营商环境\n");
        assert!(has(&plain, "营商环境"));
        assert!(!has(&stop, "营商环境"));
        assert!(has(&plain, "营商环境"));
        stop.add_stop_words("法治政府");
        assert!(!has(&stop, "法治政府") && has(&plain, "法治政府"));
        assert!(has(&stop, "优化"));
    }

    #[test]
    fn numbers() {
        for n in ["2025", "3.5%", "１２", "三十", "第一", "百分之"] {
            assert_eq!(is_number(n), n != "百分之", "{n}");
        }
        for w in ["十四五", "一批", "第", "", "合法性审核"] {
            assert!(!is_number(w), "{w}");
        }
    }

    #[test]
    fn long_terms_and_first_occurrence_order_survive_storage() {
        let text = "完成合法性审核率统计，营商环境。合法性审核率高。";
        let (tokens, ids) = Segmenter::global().tag_with_ids(text);
        let t = count(text, &tokens, &ids, &Options::default());
        let terms: Vec<(&str, u32)> = t.iter().map(|(k, s)| (k, s.count)).collect();
        assert_eq!(
            terms,
            [
                ("完成", 1),
                ("合法性审核率", 2),
                ("统计", 1),
                ("营商环境", 1)
            ]
        );
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn word_counts_for_per_10k_leave_out_punctuation() {
        let text = "优化营商环境，优化营商环境。";
        let (tokens, ids) = Segmenter::global().tag_with_ids(text);
        let t = count(text, &tokens, &ids, &Options::default());
        assert_eq!(t.words, 4);
    }

    #[test]
    fn codebook_counts_substrings() {
        let o = Options {
            codebook: vec!["营商环境".into(), "放管服".into(), "无此词".into()],
            ..Default::default()
        };
        let text = "深化放管服改革，优化营商环境，营商环境更好。";
        let (tokens, ids) = Segmenter::global().tag_with_ids(text);
        assert_eq!(count(text, &tokens, &ids, &o).codebook, vec![2, 1, 0]);
    }

    #[test]
    fn builtin_idf_table_is_sorted_by_the_bytes_of_its_words() {
        // A checkout that turned line ends into CR LF would make every value unreadable.
        assert!(!BUILTIN_IDF.contains('\r'));
        let mut prev: Option<&str> = None;
        for line in BUILTIN_IDF.lines() {
            let (w, idf) = line.split_once(' ').expect("`word idf`");
            assert!(idf.parse::<f64>().is_ok(), "{line}");
            assert!(
                prev.is_none_or(|p| p.as_bytes() < w.as_bytes()),
                "{prev:?} {w}"
            );
            prev = Some(w);
        }
        assert_eq!(BUILTIN_IDF.lines().count(), 270_132);
    }

    /// jieba-rs's own weighting: the TF-IDF weight of a text that is one word is that word's
    /// IDF, the median for a word its table lacks, and nothing single for a text it splits.
    fn jieba_tfidf_weight(tfidf: &jieba_rs::TfIdf, seg: &Segmenter, w: &str) -> Option<f64> {
        use jieba_rs::KeywordExtract;
        match tfidf
            .extract_keywords(seg.jieba(), w, 2, Vec::new())
            .as_slice()
        {
            [one] if one.keyword == w => Some(one.weight),
            _ => None,
        }
    }

    #[test]
    fn builtin_idf_equals_jieba_tf_idf_for_every_word_of_its_table_and_of_the_corpus() {
        let seg = Segmenter::global();
        let mut tfidf = jieba_rs::TfIdf::default();
        *tfidf.config_mut() = jieba_rs::KeywordExtractConfig::builder()
            .set_stop_words(Default::default())
            .min_keyword_length(1)
            .use_hmm(true)
            .build();
        let median = jieba_tfidf_weight(&tfidf, seg, "zzqxjv").unwrap();
        assert_eq!(median.to_bits(), BUILTIN_MEDIAN_IDF.to_bits());
        let mut words: Vec<&str> = BUILTIN_IDF
            .lines()
            .filter_map(|l| l.split(' ').next())
            .collect();
        let corpus = crate::corpus_texts();
        for text in &corpus {
            words.extend(
                seg.tag(text)
                    .iter()
                    .map(|t| &text[t.span().start..t.span().end]),
            );
        }
        // Words the table lacks, words jieba splits, a word at each end of the table.
        words.extend([
            "zzqxjv",
            "十四五",
            "营商环境优化提升",
            "一",
            "龢",
            "",
            "一一二三",
        ]);
        let ours = builtin_idf(seg, words.iter().copied());
        let mut in_table = 0;
        for (w, idf) in words.iter().zip(ours) {
            let theirs = jieba_tfidf_weight(&tfidf, seg, w).unwrap_or(median);
            assert_eq!(idf.to_bits(), theirs.to_bits(), "{w}: {idf} vs {theirs}");
            in_table += usize::from(builtin_idf_entry(w).is_some());
        }
        assert!(in_table > 270_000, "{in_table}");
    }

    #[test]
    fn builtin_idf_ranks_rare_words_above_common_ones() {
        let idf = builtin_idf(
            Segmenter::global(),
            ["推进", "十四五", "营商环境"].into_iter(),
        );
        assert!(idf[0] > 1.0 && idf[1] > idf[0], "{idf:?}");
        assert!(idf[2] > 0.0);
    }

    #[test]
    fn textrank_weights_the_central_term_highest() {
        let o = Options {
            method: Method::TextRank,
            ..Default::default()
        };
        let text = "营商环境优化，营商环境改善，营商环境评价，营商环境监测，企业满意。";
        let (tokens, ids) = Segmenter::global().tag_with_ids(text);
        let t = count(text, &tokens, &ids, &o);
        let best = t
            .iter()
            .max_by(|a, b| a.1.textrank.total_cmp(&b.1.textrank))
            .map(|(k, _)| k);
        assert_eq!(best, Some("营商环境"));
        assert_eq!(t.get("营商环境").map(|s| s.count), Some(4));
    }
}
