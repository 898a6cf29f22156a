//! What batch rules see of each document of a run: no text, only what they compare.

use super::finding::{Excerpt, Location};
use crate::resolve::Register;
use crate::span::Span;

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

/// A register as a batch document whose citations are its entries.
pub(super) fn register_doc(r: &Register) -> BatchDoc {
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
