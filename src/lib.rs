//! gongwen reads Chinese government documents (公文) and tells what is in them.
//!
//! The stages, each a module:
//!
//! * [`input`] lists paths, reads bytes, recognises .docx/.html/text and decodes (UTF-8, GB18030,
//!   UTF-16, …) into a [`Document`], recording what it decided;
//! * [`segment`] segments text with jieba-rs plus the policy vocabulary of `dicts/`;
//! * [`terms`] counts terms per document and ranks keywords over the run;
//! * [`meta`] finds a document's own title, number and year;
//! * [`pipeline`] runs the per-document work in parallel and hands rows to a sink in input order;
//! * [`output`] writes the tables of the output contract (CSV with BOM, atomic files).
//!
//! Everything works in byte [`span::Span`]s over the original decoded text; [`span::LineIndex`]
//! converts to 1-based line and character column only when rows are written.
//!
//! ```
//! use gongwen::{Document, segment::Segmenter};
//! let doc = Document::from_text("a.txt", "完成合法性审核212件。");
//! let words: Vec<&str> = Segmenter::global()
//!     .cut(&doc.text)
//!     .iter()
//!     .map(|s| doc.slice(*s))
//!     .collect();
//! assert!(words.contains(&"合法性审核"));
//! ```

// First, so that `msg!` is in scope in every module below.
#[macro_use]
pub mod i18n;

pub mod check;
pub mod corpus;
pub mod document;
pub mod error;
pub mod extract;
pub mod input;
pub mod meta;
pub mod output;
pub mod pipeline;
pub mod registry;
pub mod segment;
pub mod span;
pub mod terms;

pub use document::{Document, Format};

/// The texts of the bundled `corpus/`, in file-name order: the real documents unit tests read.
#[cfg(test)]
pub(crate) fn corpus_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/")
        .map(|e| e.expect("corpus/ entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}
