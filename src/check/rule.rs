//! What a rule is: its id, severity, scope, documentation and function.

use super::finding::{Findings, Located, Severity};
use super::rules;
use super::{BatchDoc, DocContext};
use crate::i18n::Lang;

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

pub type DocRuleFn = fn(&DocContext, &mut Findings);
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

    pub(super) fn doc_fn(&self) -> Option<DocRuleFn> {
        match self.check {
            Check::Doc(f) | Check::Both(f, _) => Some(f),
            Check::Batch(_) => None,
        }
    }

    pub(super) fn batch_fn(&self) -> Option<BatchRuleFn> {
        match self.check {
            Check::Batch(f) | Check::Both(_, f) => Some(f),
            Check::Doc(_) => None,
        }
    }
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules::ALL.iter().find(|r| r.id == id).copied()
}
