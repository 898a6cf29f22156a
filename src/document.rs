//! The decoded document every stage works on.

use crate::span::{LineCol, LineIndex, Span};

/// The container a document's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
    Html,
    Pdf,
    Ofd,
    /// Word 97–2003 binary document.
    Doc,
    /// WPS Office document (the binary layout of Word 97–2003 in an OLE container).
    Wps,
}

impl Format {
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Ofd => "ofd",
            Format::Doc => "doc",
            Format::Wps => "wps",
        }
    }
}

/// A decoded document. `text` is exactly what was decoded (and, for .docx/.html, extracted):
/// extractors normalise while matching but never rewrite it, so every span points at what the
/// user wrote.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path as given or found, with `/` separators (`-` for standard input).
    pub file: String,
    pub text: String,
    pub encoding: String,
    pub format: Format,
    /// Bytes that could not be decoded and were replaced by U+FFFD.
    pub undecodable: usize,
    /// Said when the encoding was a guess made with little to go on (see `Decoded::doubt_note`).
    pub encoding_note: Option<String>,
    pub lines: LineIndex,
    /// Byte offsets where each page of a paged format (PDF, OFD) starts, the first at 0; empty
    /// for formats without pages.
    pub pages: Vec<usize>,
    /// The title the file's own metadata gives (OFD), where it gives one.
    pub meta_title: Option<String>,
}

impl Document {
    pub fn new(
        file: impl Into<String>,
        text: String,
        encoding: impl Into<String>,
        format: Format,
    ) -> Self {
        let lines = LineIndex::new(&text);
        Document {
            file: file.into(),
            text,
            encoding: encoding.into(),
            format,
            undecodable: 0,
            encoding_note: None,
            lines,
            pages: Vec::new(),
            meta_title: None,
        }
    }

    /// The 1-based page holding `byte`, for paged formats.
    pub fn page_of(&self, byte: usize) -> Option<usize> {
        if self.pages.is_empty() {
            return None;
        }
        Some(self.pages.partition_point(|&start| start <= byte).max(1))
    }

    /// A document made from a string, for tests and for library users.
    pub fn from_text(file: impl Into<String>, text: impl Into<String>) -> Self {
        Document::new(file, text.into(), "UTF-8", Format::Text)
    }

    pub fn line_col(&self, byte: usize) -> LineCol {
        self.lines.line_col(&self.text, byte)
    }

    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}
