//! Invariants shared by the fuzz targets.

use gongwen::span::Span;

/// Panics unless `span` lies within `text` on character boundaries, so that a bad span is
/// reported where it was produced rather than where some later stage slices with it.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on character boundaries"
    );
}

/// `inner` lies within `outer`.
pub fn check_within(inner: Span, outer: Span, what: &str) {
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what}: span {inner:?} outside {outer:?}"
    );
}

use std::sync::LazyLock;

use gongwen::check::Checker;
use gongwen::document::Document;
use gongwen::input::{Failure, ReadOptions};
use gongwen::pipeline::{self, Context};
use gongwen::segment::Segmenter;
use gongwen::terms;

static CHECKER: LazyLock<Checker> = LazyLock::new(Checker::default_rules);
static TERMS: LazyLock<terms::Options> = LazyLock::new(Default::default);

/// Texts longer than this are read but not analysed: the readers are the layer under test, and
/// segmenting a long text would slow every execution without reaching new code.
pub const ANALYSE_MAX: usize = 64 * 1024;

/// Checks what a reader returned and, for a short text, runs the whole per-document analysis
/// (segment, extract, every rule, every row) over it as the command line would.
pub fn check_and_analyse(loaded: Result<Document, Failure>, read: &ReadOptions) {
    if let Ok(doc) = &loaded {
        check_document(doc, read.max_file_bytes);
        if doc.text.len() > ANALYSE_MAX {
            return;
        }
    }
    let ctx = Context {
        read: read.clone(),
        seg: Segmenter::global(),
        checker: &CHECKER,
        terms: Some(&TERMS),
    };
    let text = loaded.as_ref().ok().map(|d| d.text.clone());
    let res = pipeline::process_loaded(loaded, &ctx);
    if let Some(text) = text {
        for f in &res.findings {
            check_span(&text, f.span, f.rule);
        }
    }
}

/// A document read within its limit: page starts ascending from 0, on character boundaries.
pub fn check_document(doc: &Document, limit: u64) {
    assert!(
        doc.text.len() as u64 <= limit.saturating_mul(4),
        "text of {} bytes from a limit of {limit}",
        doc.text.len()
    );
    if let Some(&first) = doc.pages.first() {
        assert_eq!(first, 0, "first page starts at {first}");
    }
    for w in doc.pages.windows(2) {
        assert!(w[0] <= w[1], "pages not ascending: {:?}", doc.pages);
    }
    for &p in &doc.pages {
        assert!(
            p <= doc.text.len() && doc.text.is_char_boundary(p),
            "page start {p} in a text of {} bytes",
            doc.text.len()
        );
    }
}

/// What a container reader gives: pages start on character boundaries, in order, the first at
/// 0, and the text is within a small multiple of the cap (the readers cap what they inflate and
/// draw at `limit`; joining lines adds no more than it removes).
pub fn check_extracted(x: &gongwen::input::Extracted, limit: u64) {
    assert!(
        x.text.len() as u64 <= 4 * limit,
        "text of {} bytes for a cap of {limit}",
        x.text.len()
    );
    if let Some(&first) = x.pages.first() {
        assert_eq!(first, 0, "first page starts at {first}");
    }
    for w in x.pages.windows(2) {
        assert!(w[0] <= w[1], "pages out of order: {:?}", x.pages);
    }
    for &p in &x.pages {
        assert!(
            p <= x.text.len() && x.text.is_char_boundary(p),
            "page start {p} off the text"
        );
    }
}
