//! Findings: what a rule reports.

use std::collections::HashSet;
use std::fmt;

use crate::span::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn zh(&self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }

    /// The word for people, in the language of messages.
    pub fn label(&self) -> &'static str {
        crate::i18n::tr(self.zh(), self.as_str())
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" | "提示" => Some(Severity::Info),
            "warning" | "warn" | "警告" => Some(Severity::Warning),
            "error" | "错误" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a document as users see it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The page, in paged formats (PDF, OFD).
    pub page: Option<usize>,
}

impl Location {
    /// The place of byte `at` of `doc`.
    pub fn in_doc(doc: &crate::document::Document, at: usize) -> Self {
        let lc = doc.line_col(at);
        Location {
            file: doc.file.clone(),
            line: lc.line,
            column: lc.column,
            page: doc.page_of(at),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// A finding of a document rule, located by a byte span in that document.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    /// What is wrong and what is right, in the language of messages.
    pub message: String,
    /// Byte spans of other places in the same document involved (the other citation of a pair).
    pub related_spans: Vec<Span>,
    /// Places in other documents involved.
    pub related: Vec<Location>,
    /// The exact text that should stand in place of the span, where the rule knows it; `None`
    /// where a person must decide.
    pub replacement: Option<String>,
}

impl Finding {
    /// A finding with the rule's default severity; the engine applies configured overrides.
    pub fn new(rule: &'static str, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            span,
            message: message.into(),
            related_spans: Vec::new(),
            related: Vec::new(),
            replacement: None,
        }
    }

    /// States the text that should replace the span.
    pub fn with_replacement(mut self, text: impl Into<String>) -> Finding {
        self.replacement = Some(text.into());
        self
    }

    /// States the text that should replace the span where `known`: a rule that knows the fix
    /// only for text as written on one line (not joined across a break) says so here.
    pub fn with_replacement_if(self, known: bool, text: impl Into<String>) -> Finding {
        if known {
            self.with_replacement(text)
        } else {
            self
        }
    }

    pub fn with_related(mut self, span: Span) -> Finding {
        self.related_spans.push(span);
        self
    }
}

/// Where a document rule puts its findings. The engine lists at most a fixed number of one
/// rule's findings in one document and counts the rest into one finding; the collector applies
/// that (and drops spans off the text and allowed texts) as each finding comes, so that a text
/// made of nothing but one slip costs a count past the limit, not a finding (some hundreds of
/// bytes) for every character.
pub struct Findings<'a> {
    rule: &'static str,
    text: &'a str,
    allow: &'a HashSet<String>,
    most: usize,
    listed: Vec<Finding>,
    unlisted: usize,
    first_unlisted: Option<Finding>,
}

impl<'a> Findings<'a> {
    /// A collector for `rule`'s findings in `text` that lists `most` of them and counts the
    /// rest.
    pub fn new(
        rule: &'static str,
        text: &'a str,
        allow: &'a HashSet<String>,
        most: usize,
    ) -> Findings<'a> {
        Findings {
            rule,
            text,
            allow,
            most,
            listed: Vec::new(),
            unlisted: 0,
            first_unlisted: None,
        }
    }

    pub fn push(&mut self, finding: Finding) {
        // A rule's span off the text is a bug in that rule; it must not take the whole run
        // down, so the finding is dropped (and tests, built with debug assertions, fail on it).
        let (t, s) = (self.text, finding.span);
        let valid = s.start <= s.end
            && s.end <= t.len()
            && t.is_char_boundary(s.start)
            && t.is_char_boundary(s.end);
        debug_assert!(valid, "{}: span {:?} off the text", self.rule, s);
        if !valid || (!self.allow.is_empty() && self.allow.contains(s.text(t))) {
            return;
        }
        if self.listed.len() < self.most {
            self.listed.push(finding);
        } else {
            self.unlisted += 1;
            self.first_unlisted.get_or_insert(finding);
        }
    }

    pub fn extend(&mut self, found: impl IntoIterator<Item = Finding>) {
        for f in found {
            self.push(f);
        }
    }

    /// The findings to list, how many more there were, and the first of those.
    pub fn into_parts(self) -> (Vec<Finding>, usize, Option<Finding>) {
        (self.listed, self.unlisted, self.first_unlisted)
    }
}

/// The part of a line around a finding, for diagnostics: text before, the flagged text, text
/// after. Long lines are cut to a window, marked with `…`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    pub before: String,
    pub target: String,
    pub after: String,
}

/// Characters of context kept on each side of a flagged text.
const CONTEXT_CHARS: usize = 20;
/// Longest flagged text shown whole.
const TARGET_CHARS: usize = 60;

impl Excerpt {
    /// The excerpt of `span` in `line`, where `span` is relative to the line's start.
    pub fn new(line: &str, start: usize, end: usize) -> Excerpt {
        let end = end.min(line.len()).max(start);
        // Walk only as far as the window needs: lines can be megabytes long.
        let before_all = &line[..start];
        let cut = before_all
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let mut before = before_all[cut..].to_string();
        if cut > 0 {
            before.insert(0, '…');
        }
        let target_all = &line[start..end];
        let mut target: String = target_all.chars().take(TARGET_CHARS).collect();
        if target_all.chars().nth(TARGET_CHARS).is_some() {
            target.push('…');
        }
        let after_all = &line[end..];
        let mut after: String = after_all.chars().take(CONTEXT_CHARS).collect();
        if after_all.chars().nth(CONTEXT_CHARS).is_some() {
            after.push('…');
        }
        Excerpt {
            before,
            target,
            after,
        }
    }
}

/// A finding ready for output: located by file, line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub at: Location,
    /// Byte span in the document, kept so that diagnostics can show the line.
    pub span: Span,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub text: String,
    pub related: Vec<Location>,
    /// The line around the finding, when the text is at hand.
    pub excerpt: Option<Excerpt>,
    /// Where the flagged text ends (exclusive, in characters, like `at.column`).
    pub end_line: usize,
    pub end_column: usize,
    /// The text that should stand in place of the flagged one, where the rule knows it.
    pub replacement: Option<String>,
}

impl Located {
    /// The end of a flagged text that starts at `at`, for findings whose text is not at hand as
    /// a span of the document (batch rules): a text on one line ends where its characters end.
    pub fn end_of(at: &Location, text: &str) -> (usize, usize) {
        match text.rfind('\n') {
            None => (at.line, at.column + text.chars().count()),
            Some(i) => (
                at.line + text.matches('\n').count(),
                1 + text[i + 1..].chars().count(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past the limit a finding is only counted, the first of them kept for the summary; an
    /// allowed text takes no place and is not counted.
    #[test]
    fn findings_past_the_limit_are_counted_not_kept() {
        let text = "的的（的的（的的";
        let allow: HashSet<String> = ["（".to_string()].into();
        let mut found = Findings::new("t", text, &allow, 3);
        for (i, c) in text.char_indices() {
            found.push(Finding::new("t", Span::new(i, i + c.len_utf8()), c));
        }
        let (listed, unlisted, first) = found.into_parts();
        let starts: Vec<usize> = listed.iter().map(|f| f.span.start).collect();
        assert_eq!(starts, [0, 3, 9]);
        assert_eq!(unlisted, 3);
        assert_eq!(first.map(|f| f.span.start), Some(12));
    }
}
