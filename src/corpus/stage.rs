//! The cross-document stage, run once per run after the last document: the batch rules over
//! every document's summary, and the citation index with its edges. `check` and `extract` both
//! come through here; `check` has no use for the index and leaves it out.

use super::{build, Edge, IndexDoc, IndexRow};
use crate::check::{BatchDoc, Checker, Located};

/// What the stage finds across documents.
#[derive(Debug, Default)]
pub struct CorpusResult {
    /// Findings of the batch rules, in the order the rules produce them.
    pub findings: Vec<Located>,
    pub index: Vec<IndexRow>,
    pub edges: Vec<Edge>,
}

/// Runs the batch rules over `batch` and, when `index` is given, builds the citation index. The
/// two are independent and run side by side; each frees its input where it was used.
pub fn run(checker: &Checker, batch: Vec<BatchDoc>, index: Option<Vec<IndexDoc>>) -> CorpusResult {
    let (findings, (index, edges)) = rayon::join(
        move || checker.check_batch(&batch),
        move || index.map(|docs| build(&docs)).unwrap_or_default(),
    );
    CorpusResult {
        findings,
        index,
        edges,
    }
}
