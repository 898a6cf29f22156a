//! The check engine: a registry of rules with stable ids, run per document in parallel and once
//! over the whole batch, with configured severities and an allow-list.
//!
//! A document rule is a plain function over a [`DocContext`] that pushes [`Finding`]s located by
//! byte spans; the engine sets severities, drops allowed texts, and converts spans to lines and
//! columns. A batch rule sees a compact summary of every document ([`BatchDoc`]), never the texts.

pub mod accepted;
mod batch;
pub mod config;
mod context;
pub mod finding;
mod place;
mod rule;
pub mod rules;

pub use batch::{BatchCitation, BatchDoc, BatchMetric};
pub use context::{DocContext, Shared};
pub use place::yields_to;
pub use rule::{rule, BatchRuleFn, Check, DocRuleFn, Rule, Scope, OFF_BY_DEFAULT};

/// The syllables the `typo` rule compares, for tools that make typos the way an input method
/// does (the development set's generator).
pub use rules::wording::typo::{fuzzy as fuzzy_syllable, syllables};

use std::collections::HashSet;

pub use config::{Config, Level};
pub use finding::{Excerpt, Finding, Findings, Located, Location, Severity};

use crate::i18n::Lang;
use crate::resolve::Register;

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
        /// No published document of the bench has more than 12 findings of one rule.
        const MOST_PER_RULE: usize = 200;
        let mut out = Vec::new();
        // Past the most one rule lists in one document, the rest are counted into one finding
        // at the first of them (`--verbose` lists them all).
        let most = if self.verbose {
            usize::MAX
        } else {
            MOST_PER_RULE
        };
        for (rule, severity) in self.rules_for(&ctx.doc.file).iter() {
            let Some(f) = rule.doc_fn() else { continue };
            let mut found = Findings::new(rule.id, &ctx.doc.text, &self.allow, most);
            f(ctx, &mut found);
            let (listed, unlisted, first_unlisted) = found.into_parts();
            for finding in listed {
                let text = ctx.doc.slice(finding.span).to_string();
                out.push(locate(ctx, rule.id, *severity, finding, text));
            }
            if let Some(mut finding) = first_unlisted {
                let text = ctx.doc.slice(finding.span).to_string();
                finding.message = msg!(
                    zh = "本文件另有{unlisted}处同类问题，未逐一列出（加 --verbose 可全部列出）",
                    en = "{unlisted} more of the same in this file, not listed one by one (--verbose lists them all)"
                );
                finding.related_spans.clear();
                finding.related.clear();
                finding.replacement = None;
                out.push(locate(ctx, rule.id, *severity, finding, text));
            }
        }
        place::one_finding_per_place(&mut out);
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
                .map(batch::register_doc)
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

/// A rule's finding placed in its document: line and column, end, related places, excerpt.
fn locate(
    ctx: &DocContext,
    rule: &'static str,
    severity: Severity,
    finding: Finding,
    text: String,
) -> Located {
    let lc = ctx.doc.line_col(finding.span.start);
    let end = ctx.doc.line_col(finding.span.end);
    let mut related: Vec<Location> = finding
        .related_spans
        .iter()
        .map(|s| Location::in_doc(ctx.doc, s.start))
        .collect();
    related.extend(finding.related);
    let line_start = ctx.doc.lines.line_start(&ctx.doc.text, lc.line);
    let line = ctx.doc.lines.line_text(&ctx.doc.text, finding.span.start);
    let excerpt = Excerpt::new(
        line,
        finding.span.start - line_start,
        finding.span.end.saturating_sub(line_start),
    );
    Located {
        at: Location::in_doc(ctx.doc, finding.span.start),
        span: finding.span,
        rule,
        severity,
        message: finding.message,
        text,
        related,
        excerpt: Some(excerpt),
        end_line: end.line,
        end_column: end.column,
        replacement: finding.replacement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

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
