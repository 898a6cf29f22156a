//! gongwen reads Chinese government documents (公文) and tells what is in them and what is wrong
//! with them.
//!
//! A document goes through these stages, one folder each, and data flows one way:
//!
//! 1. [`input`] — walk the paths, sniff the format, read .docx/HTML/text and decode it (UTF-8,
//!    GB18030, UTF-16, Big5 …) into a [`Document`], recording what it decided;
//! 2. [`segment`] — jieba-rs segmentation and part-of-speech tags, with the policy vocabulary;
//! 3. [`extract`] — figures, document numbers (发文字号), 《》 citations and the document's own
//!    title, number and year ([`extract::meta`]): pure functions of the text and its tokens;
//! 4. [`resolve`] — resolve citations against the law catalogue and users' registers;
//! 5. [`check`] — the rules, one file each under `check/rules/<group>/`, over one document;
//! 6. [`corpus`] — the one cross-document stage: batch rules, the citation index and its edges;
//! 7. [`terms`] — word counts and keywords over the run;
//! 8. [`output`] — the rows of every table, typed once ([`output::rows`]), written as CSV, JSON
//!    lines or XLSX, atomically.
//!
//! [`pipeline`] drives them: [`pipeline::analyse`] runs stages 2–5 on one document, and its
//! ordered parallel driver runs every command over many, handing results back in input order.
//! The command line (`src/cli/`) only turns options into a run. Everything works in byte
//! [`span::Span`]s over the decoded text; lines and columns are computed when rows are written.
//!
//! ```
//! use gongwen::check::Checker;
//! use gongwen::i18n::Lang;
//! use gongwen::pipeline::analyse;
//! use gongwen::segment::Segmenter;
//! use gongwen::Document;
//!
//! let doc = Document::from_text("draft.txt", "根据保政发﹝2022﹞10号文件，完成合法性审核212件。");
//! let checker = Checker::default_rules().with_lang(Lang::En);
//! let a = analyse(&doc, Segmenter::global(), &checker);
//! assert_eq!(a.docnums[0].normalized, "保政发〔2022〕10号");
//! assert_eq!(a.figures[0].value, 212.0);
//! let finding = a.findings.iter().find(|f| f.rule == "docno-bracket-form").unwrap();
//! assert_eq!((finding.at.line, finding.at.column), (1, 3));
//! assert!(finding.message.contains("〔〕"));
//! ```

// First, so that `msg!` is in scope in every module below.
#[macro_use]
pub mod i18n;

pub mod check;
pub mod corpus;
pub mod document;
pub mod error;
pub mod extract;
pub mod fix;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod resolve;
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
