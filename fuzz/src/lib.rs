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
