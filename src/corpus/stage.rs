//! The cross-document stage, run once per run after the last document: the batch rules over
//! every document's summary, and the citation index with its edges. `check` and `extract` both
//! come through here; `check` has no use for the index and leaves it out.

use super::{build, Edge, IndexDoc, IndexRow};
use crate::check::{BatchDoc, Checker, Located};
use crate::resolve::{self, DocDate};

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
    let on = DocDate::today_view(checker.as_of.unwrap_or_else(resolve::today));
    let (findings, (mut index, edges)) = rayon::join(
        move || checker.check_batch(&batch),
        move || index.map(|docs| build(&docs)).unwrap_or_default(),
    );
    // The index says what holds on the run's date; citations.csv says what held when cited.
    for row in index.iter_mut().filter(|r| resolve::applies_to(r.kind)) {
        // Asked only here, so that a run with no such citation never loads the catalogue.
        let r = resolve::Catalogue::global().resolve(&row.title, on);
        let status = r.status.unwrap_or(resolve::Status::Unknown);
        row.registry_status = status.registry().as_str().to_string();
        row.law_status = status.as_str().to_string();
        row.repealed_on = r.repealed_on.map(resolve::iso).unwrap_or_default();
        row.replaced_by = r.replaced_by;
    }
    CorpusResult {
        findings,
        index,
        edges,
    }
}
