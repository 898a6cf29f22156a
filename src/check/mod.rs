//! The check engine: a registry of rules with stable ids, run per document in parallel and once
//! over the whole batch, with configured severities and an allow-list.
//!
//! A document rule is a plain function over a [`DocContext`] that pushes [`Finding`]s located by
//! byte spans; the engine sets severities, drops allowed texts, and converts spans to lines and
//! columns. A batch rule sees a compact summary of every document ([`BatchDoc`]), never the texts.

pub mod accepted;
pub mod config;
pub mod finding;
pub mod rules;

/// The syllables the `typo` rule compares, for tools that make typos the way an input method
/// does (the development set's generator).
pub use rules::wording::typo::{fuzzy as fuzzy_syllable, syllables};

use std::collections::HashSet;

pub use config::{Config, Level};
pub use finding::{Excerpt, Finding, Located, Location, Severity};

use crate::document::Document;
use crate::extract::citation::Citation;
use crate::extract::docnum::DocNum;
use crate::extract::figures::Figure;
use crate::extract::meta::DocMeta;
use crate::i18n::Lang;
use crate::resolve::Register;
use crate::segment::Token;
use crate::span::Span;

/// Whether a rule needs one document or the whole batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Document,
    Batch,
    /// Checks within each document and across the batch.
    Both,
}

impl Scope {
    pub fn as_str(&self) -> &'static str {
        match self {
            Scope::Document => "doc",
            Scope::Batch => "batch",
            Scope::Both => "doc/batch",
        }
    }
}

/// What a document rule sees.
pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub tokens: &'a [Token],
    pub figures: &'a [Figure],
    pub docnums: &'a [DocNum],
    pub citations: &'a [Citation],
    pub meta: &'a DocMeta,
    /// What several rules derive from the text, made once on first use.
    pub shared: Shared<'a>,
}

/// Views of a document that several rules need, computed lazily once per document.
#[derive(Default)]
pub struct Shared<'a> {
    pub(crate) body_lines: std::cell::OnceCell<Vec<(usize, std::borrow::Cow<'a, str>)>>,
    /// Every line with its offset, but a web page's or newspaper's own lines.
    pub(crate) text_lines: std::cell::OnceCell<Vec<(usize, &'a str)>>,
    titles: std::cell::OnceCell<Vec<(usize, usize)>>,
    digit_lines: std::cell::OnceCell<Vec<(usize, &'a str)>>,
    list_starts: std::cell::OnceCell<Vec<(usize, char)>>,
}

impl<'a> DocContext<'a> {
    /// The lines of the text written by the drafter (see `text::is_scrape_line`), with the byte
    /// offset of each; made once per document.
    pub fn text_lines(&self) -> &[(usize, &'a str)] {
        let text: &'a str = &self.doc.text;
        self.shared.text_lines.get_or_init(|| {
            rules::text::lines(text)
                .filter(|(_, l)| !rules::text::is_scrape_line(l))
                .collect()
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
    /// [`rules::text::Starts`]), found in one pass over the text for all of them.
    pub fn list_starts(&self) -> &[(usize, char)] {
        self.shared
            .list_starts
            .get_or_init(|| rules::wording::LIST_STARTS.scan(&self.doc.text))
    }

    /// The drafter's lines that hold an ASCII digit: all that the rules on figures written in
    /// digits need to read, and in policy documents a small part of the lines.
    pub fn digit_lines(&self) -> &[(usize, &'a str)] {
        self.shared.digit_lines.get_or_init(|| {
            self.text_lines()
                .iter()
                .filter(|(_, l)| crate::span::has_ascii_digit(l.as_bytes()))
                .copied()
                .collect()
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
        let mut at: Vec<usize> = needles
            .match_indices_each(&self.doc.text)
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        at.sort_unstable();
        self.lines_at(at.into_iter())
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
    pub fn title_ranges(&self) -> &[(usize, usize)] {
        self.shared
            .titles
            .get_or_init(|| rules::text::title_ranges(&self.doc.text))
    }
}

/// A citation as batch rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchCitation {
    pub at: Location,
    /// As written between 《》.
    pub title: String,
    pub normalized_title: String,
    pub key: String,
    pub docnum: Option<String>,
    pub docnum_normalized: Option<String>,
}

/// What batch rules see of one document: no text, only what the rules compare.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchDoc {
    pub file: String,
    pub year: Option<i32>,
    pub citations: Vec<BatchCitation>,
    /// The document's own title and number, when its header states both: what other documents
    /// citing that number must call it.
    pub own: Option<BatchCitation>,
    /// A user's register of documents (`--registry`): its entries are the reference that
    /// citations are held to, never the odd one out.
    pub register: bool,
    /// Statistics stated with an explicit subject, compared across documents.
    pub metrics: Vec<BatchMetric>,
}

/// A statistic as batch rules see it: the same key in two documents names the same metric of
/// the same subject and period.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchMetric {
    pub at: Location,
    pub span: Span,
    /// Subject and metric, base unit, period.
    pub key: String,
    pub value: f64,
    /// The figure as written.
    pub text: String,
    pub excerpt: Excerpt,
}

pub type DocRuleFn = fn(&DocContext, &mut Vec<Finding>);
pub type BatchRuleFn = fn(&[BatchDoc], &mut Vec<Located>);

/// The function of a rule.
#[derive(Clone, Copy)]
pub enum Check {
    Doc(DocRuleFn),
    Batch(BatchRuleFn),
    Both(DocRuleFn, BatchRuleFn),
}

/// Rules that run only where a configuration turns them on: their precision on published
/// documents is still below what a clerk can trust.
pub const OFF_BY_DEFAULT: &[&str] = &["typo"];

/// A rule: a stable id from the catalogue, its default severity, and its documentation.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub scope: Scope,
    /// One line, in Chinese, for `gongwen rules`.
    pub summary: &'static str,
    /// What it detects, why, a wrong and a right example, what is not reported, the source
    /// clause (`gongwen rules ID`), in Chinese: the reference text.
    pub doc: &'static str,
    /// [`Rule::summary`] in English. Examples stay in Chinese: they are what a document says.
    pub summary_en: &'static str,
    /// [`Rule::doc`] in English.
    pub doc_en: &'static str,
    pub check: Check,
    /// Whether the replacements this rule states may be applied without a person reading them
    /// (`gongwen fix`): the rule only changes the form of what is written (punctuation widths,
    /// brackets, digits), never a word a person chose.
    pub safe_fix: bool,
}

impl Rule {
    /// The one-line summary in `lang`.
    pub fn summary_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.summary,
            Lang::En => self.summary_en,
        }
    }

    /// The documentation in `lang`.
    pub fn doc_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.doc,
            Lang::En => self.doc_en,
        }
    }

    fn doc_fn(&self) -> Option<DocRuleFn> {
        match self.check {
            Check::Doc(f) | Check::Both(f, _) => Some(f),
            Check::Batch(_) => None,
        }
    }

    fn batch_fn(&self) -> Option<BatchRuleFn> {
        match self.check {
            Check::Batch(f) | Check::Both(_, f) => Some(f),
            Check::Doc(_) => None,
        }
    }
}

/// A register as a batch document whose citations are its entries.
fn register_doc(r: &Register) -> BatchDoc {
    BatchDoc {
        file: r.file.clone(),
        year: None,
        citations: r
            .entries
            .iter()
            .map(|e| {
                let normalized_title = crate::extract::citation::normalize_title(&e.title);
                BatchCitation {
                    at: Location {
                        file: r.file.clone(),
                        line: e.line,
                        column: 1,
                        page: None,
                    },
                    title: e.title.clone(),
                    key: e
                        .docnum_normalized
                        .clone()
                        .unwrap_or_else(|| normalized_title.clone()),
                    normalized_title,
                    docnum: e.docnum.clone(),
                    docnum_normalized: e.docnum_normalized.clone(),
                }
            })
            .collect(),
        own: None,
        register: true,
        metrics: Vec::new(),
    }
}

/// Pairs of rules that can flag the same characters, the general one first: where both flag
/// overlapping text, only the specific one is reported, so that a place gets one finding and
/// never two fixes that disagree.
const YIELDS_TO: &[(&str, &str)] = &[
    // 4.5-5%: the specific fix (4.5%—5%) mends the mark too.
    ("range-mark-form", "range-unit-omission"),
    // The parentheses of a citation's edition note: the citation rule says what they enclose.
    ("halfwidth-punct-in-cjk", "citation-paren-width"),
    // 其它 once among 其他: the word's norm is the reason, the document's usage only a hint.
    ("term-odd-one-out", "confusable-lexicon"),
];

/// The rules whose finding replaces one of rule `id` at the same place.
pub fn yields_to(id: &str) -> impl Iterator<Item = &'static str> + '_ {
    YIELDS_TO
        .iter()
        .filter(move |(general, _)| *general == id)
        .map(|(_, specific)| *specific)
}

/// Drops each finding of a general rule whose span overlaps a finding of a rule it yields to.
fn one_finding_per_place(out: &mut Vec<Located>) {
    for (general, specific) in YIELDS_TO {
        let mut spans: Vec<Span> = out
            .iter()
            .filter(|l| l.rule == *specific)
            .map(|l| l.span)
            .collect();
        if spans.is_empty() || !out.iter().any(|l| l.rule == *general) {
            continue;
        }
        spans.sort_by_key(|s| s.start);
        // The furthest end among the spans starting up to each one: a general span overlaps
        // some specific span iff one starting before its end reaches past its start.
        let reach: Vec<usize> = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        out.retain(|l| {
            if l.rule != *general {
                return true;
            }
            let before_end = spans.partition_point(|s| s.start < l.span.end.max(l.span.start + 1));
            before_end == 0 || reach[before_end - 1] <= l.span.start
        });
    }
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules::ALL.iter().find(|r| r.id == id).copied()
}

thread_local! {
    static VERBOSE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the checker running on this thread reports a style used throughout a document at
/// every occurrence (see [`Checker::verbose`]).
pub(crate) fn verbose() -> bool {
    VERBOSE.with(std::cell::Cell::get)
}

/// The rules of a run with their effective severities.
pub struct Checker {
    active: Vec<(&'static Rule, Severity)>,
    allow: HashSet<String>,
    pub fail_on: Severity,
    /// Users' registers of documents, the reference for citations.
    pub registers: Vec<Register>,
    /// The date citations are judged on when a document states none (`--as-of`); today when unset.
    pub as_of: Option<crate::resolve::Date>,
    lang: Lang,
    verbose: bool,
    /// Every rule with its severity where the configuration leaves it on, for the overrides.
    base: Vec<(&'static Rule, Option<Severity>)>,
    overrides: Vec<config::Override>,
    /// Words the `typo` rule leaves alone.
    typo_allow: std::sync::Arc<[String]>,
}

impl Checker {
    pub fn new(config: &Config) -> Checker {
        let base: Vec<(&'static Rule, Option<Severity>)> = rules::ALL
            .iter()
            .map(|r| match config.rules.get(r.id) {
                Some(Level::Off) => (*r, None),
                Some(Level::On(s)) => (*r, Some(*s)),
                Some(Level::Default) => (*r, Some(r.severity)),
                None => (*r, (!OFF_BY_DEFAULT.contains(&r.id)).then_some(r.severity)),
            })
            .collect();
        let active = base
            .iter()
            .filter_map(|(r, s)| s.map(|s| (*r, s)))
            .collect();
        Checker {
            base,
            overrides: config.overrides.clone(),
            active,
            allow: config.allow.iter().cloned().collect(),
            fail_on: config.fail_on.unwrap_or(Severity::Error),
            registers: Vec::new(),
            as_of: None,
            lang: Lang::Zh,
            verbose: false,
            typo_allow: config.typo_allow.clone().into(),
        }
    }

    /// Adds words the `typo` rule leaves alone (those of the user dictionaries).
    pub fn with_typo_words(mut self, words: impl IntoIterator<Item = String>) -> Checker {
        let mut all = self.typo_allow.to_vec();
        all.extend(words);
        self.typo_allow = all.into();
        self
    }

    /// Findings' messages in `lang` (Chinese by default).
    pub fn with_lang(mut self, lang: Lang) -> Checker {
        self.lang = lang;
        self
    }

    /// Reports a style used throughout a document (such as half-width punctuation) at every
    /// occurrence instead of once with the count.
    pub fn verbose(mut self, verbose: bool) -> Checker {
        self.verbose = verbose;
        self
    }

    /// The rules on for `file`, with their severities: the configuration's, changed by the
    /// overrides whose paths match the file, in order.
    fn rules_for(&self, file: &str) -> std::borrow::Cow<'_, [(&'static Rule, Severity)]> {
        let matching: Vec<&config::Override> =
            self.overrides.iter().filter(|o| o.matches(file)).collect();
        if matching.is_empty() {
            return std::borrow::Cow::Borrowed(&self.active);
        }
        let rules = self
            .base
            .iter()
            .filter_map(|&(r, configured)| {
                let mut level = configured;
                for o in &matching {
                    match o.rules.get(r.id) {
                        Some(Level::Off) => level = None,
                        Some(Level::On(s)) => level = Some(*s),
                        Some(Level::Default) => level = Some(configured.unwrap_or(r.severity)),
                        None => {}
                    }
                }
                level.map(|s| (r, s))
            })
            .collect();
        std::borrow::Cow::Owned(rules)
    }

    /// Runs `f` with this checker's language and verbosity on the current thread.
    fn scoped<R>(&self, f: impl FnOnce() -> R) -> R {
        struct Restore(bool);
        impl Drop for Restore {
            fn drop(&mut self) {
                VERBOSE.with(|v| v.set(self.0));
            }
        }
        let _restore = Restore(VERBOSE.with(|v| v.replace(self.verbose)));
        rules::wording::typo::with_allowed(&self.typo_allow, || {
            crate::i18n::with_lang(self.lang, f)
        })
    }

    /// Judges citations of undated documents on `date` instead of today.
    pub fn with_as_of(mut self, date: Option<crate::resolve::Date>) -> Checker {
        self.as_of = date;
        self
    }

    /// Adds users' registers: their entries join the batch as the reference for citations.
    pub fn with_registers(mut self, registers: Vec<Register>) -> Checker {
        self.registers = registers;
        self
    }

    /// Every rule at its default severity.
    pub fn default_rules() -> Checker {
        Checker::new(&Config::default())
    }

    /// Every rule at its default severity, those off by default included.
    pub fn all_rules() -> Checker {
        let mut config = Config::default();
        for id in OFF_BY_DEFAULT {
            config
                .rules
                .insert((*id).to_string(), config::Level::Default);
        }
        Checker::new(&config)
    }

    fn allowed(&self, text: &str) -> bool {
        !self.allow.is_empty() && self.allow.contains(text)
    }

    /// Runs the document rules and locates their findings, ordered by position then rule.
    pub fn check_document(&self, ctx: &DocContext) -> Vec<Located> {
        self.scoped(|| self.check_document_here(ctx))
    }

    fn check_document_here(&self, ctx: &DocContext) -> Vec<Located> {
        let mut out = Vec::new();
        let mut found = Vec::new();
        for (rule, severity) in self.rules_for(&ctx.doc.file).iter() {
            let Some(f) = rule.doc_fn() else { continue };
            found.clear();
            f(ctx, &mut found);
            for finding in found.drain(..) {
                // A rule's span off the text is a bug in that rule; it must not take the whole
                // run down, so the finding is dropped (and tests, built with debug assertions,
                // fail on it).
                let t = &ctx.doc.text;
                let valid = finding.span.end <= t.len()
                    && t.is_char_boundary(finding.span.start)
                    && t.is_char_boundary(finding.span.end);
                debug_assert!(valid, "{}: span {:?} off the text", rule.id, finding.span);
                if !valid {
                    continue;
                }
                let text = ctx.doc.slice(finding.span).to_string();
                if self.allowed(&text) {
                    continue;
                }
                let lc = ctx.doc.line_col(finding.span.start);
                let end = ctx.doc.line_col(finding.span.end);
                let mut related: Vec<Location> = finding
                    .related_spans
                    .iter()
                    .map(|s| Location::in_doc(ctx.doc, s.start))
                    .collect();
                related.extend(finding.related);
                let line_start = ctx.doc.lines.line_start(lc.line);
                let line = ctx.doc.lines.line_text(&ctx.doc.text, finding.span.start);
                let excerpt = Excerpt::new(
                    line,
                    finding.span.start - line_start,
                    finding.span.end.saturating_sub(line_start),
                );
                out.push(Located {
                    at: Location::in_doc(ctx.doc, finding.span.start),
                    span: finding.span,
                    rule: rule.id,
                    severity: *severity,
                    message: finding.message,
                    text,
                    related,
                    excerpt: Some(excerpt),
                    end_line: end.line,
                    end_column: end.column,
                    replacement: finding.replacement,
                });
            }
        }
        one_finding_per_place(&mut out);
        out.sort_by(|a, b| (&a.at, a.rule).cmp(&(&b.at, b.rule)));
        out
    }

    /// Runs the batch rules over the summaries of every document of the run.
    pub fn check_batch(&self, docs: &[BatchDoc]) -> Vec<Located> {
        self.scoped(|| self.check_batch_here(docs))
    }

    fn check_batch_here(&self, docs: &[BatchDoc]) -> Vec<Located> {
        let with_registers: Vec<BatchDoc>;
        let docs = if self.registers.is_empty() {
            docs
        } else {
            with_registers = self
                .registers
                .iter()
                .map(register_doc)
                .chain(docs.iter().cloned())
                .collect();
            &with_registers
        };
        let mut out = Vec::new();
        // A batch rule runs when some file may have it on; each finding then takes the level
        // its own file has.
        let on_somewhere = |r: &Rule| {
            self.active.iter().any(|(a, _)| a.id == r.id)
                || self
                    .overrides
                    .iter()
                    .any(|o| matches!(o.rules.get(r.id), Some(Level::On(_) | Level::Default)))
        };
        for (rule, _) in &self.base {
            let Some(f) = rule.batch_fn() else { continue };
            if !on_somewhere(rule) {
                continue;
            }
            let start = out.len();
            f(docs, &mut out);
            for l in &mut out[start..] {
                l.rule = rule.id;
            }
        }
        let mut levels: std::collections::HashMap<String, Vec<(&'static str, Severity)>> =
            std::collections::HashMap::new();
        out.retain_mut(|l| {
            if self.allowed(&l.text) {
                return false;
            }
            let rules = levels.entry(l.at.file.clone()).or_insert_with(|| {
                self.rules_for(&l.at.file)
                    .iter()
                    .map(|(r, s)| (r.id, *s))
                    .collect()
            });
            match rules.iter().find(|(id, _)| *id == l.rule) {
                Some((_, s)) => {
                    l.severity = *s;
                    true
                }
                None => false,
            }
        });
        out
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
            shared: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_place_gets_one_finding() {
        for (general, specific) in YIELDS_TO {
            assert!(
                rule(general).is_some() && rule(specific).is_some(),
                "{general}"
            );
        }
        let checker = Checker::new(&Config::default());
        let seg = crate::segment::Segmenter::global();
        let rules_at = |text: &str| -> Vec<&'static str> {
            let doc = Document::from_text("a.txt", text);
            crate::pipeline::analyse(&doc, seg, &checker)
                .findings
                .iter()
                .map(|l| l.rule)
                .collect()
        };
        assert_eq!(rules_at("全年增长4.5-5%。\n"), ["range-unit-omission"]);
        // Apart, each is reported.
        assert_eq!(
            rules_at("全年增长4.5%-5%，完成8%—10%。\n"),
            ["range-mark-form"]
        );
    }

    #[test]
    fn line_prefilters_pick_the_lines_a_search_of_every_line_picks() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut checked = 0;
        let re = regex::Regex::new(r"[0-9]+(年|月|日|件|%)|、|二").unwrap();
        let needles = rules::text::Needles::new(["○", "、", "年"]);
        for e in std::fs::read_dir(root).unwrap().flatten() {
            let Ok(text) = std::fs::read_to_string(e.path()) else {
                continue;
            };
            // A scraped page's line holding a match, and a match on the last line.
            let doc =
                Document::from_text("t.txt", format!("来源：国务院 2、3个\n{text}\n二○二四年"));
            let ctx = DocContext::text_only(&doc);
            let want_re: Vec<_> = ctx
                .text_lines()
                .iter()
                .filter(|(_, l)| re.is_match(l))
                .copied()
                .collect();
            let want_needles: Vec<_> = ctx
                .text_lines()
                .iter()
                .filter(|(_, l)| ["○", "、", "年"].iter().any(|n| l.contains(n)))
                .copied()
                .collect();
            let want_digits: Vec<_> = ctx
                .text_lines()
                .iter()
                .filter(|(_, l)| l.chars().any(|c| c.is_ascii_digit()))
                .copied()
                .collect();
            checked += want_re.len().min(want_needles.len());
            for bytes in [&b",.;:?!()"[..], b"(", b"\xE3", b"0123456789"] {
                let every = memchr::memchr_iter(bytes[0], doc.text.as_bytes());
                let every = bytes[1..].iter().fold(
                    Box::new(every) as Box<dyn Iterator<Item = usize>>,
                    |all, &b| {
                        Box::new(rules::text::merged(
                            all,
                            memchr::memchr_iter(b, doc.text.as_bytes()),
                        ))
                    },
                );
                let want: Vec<_> = ctx
                    .text_lines()
                    .iter()
                    .filter(|(_, l)| l.bytes().any(|b| bytes.contains(&b)))
                    .copied()
                    .collect();
                assert_eq!(ctx.lines_with_bytes(bytes), want, "{bytes:?}");
                assert_eq!(ctx.lines_at(every), want, "{bytes:?}");
            }
            assert_eq!(ctx.lines_matching(&re), want_re);
            assert_eq!(ctx.lines_with(&needles), want_needles);
            assert_eq!(ctx.digit_lines(), want_digits);
        }
        assert!(checked > 100, "{checked}");
    }
}
