//! Start-up work moved off the calling thread: while it builds jieba-rs's dictionary (most of
//! the start-up of a run on one small file), another thread builds what the first document
//! would otherwise build on it.

use crate::check::{Checker, DocContext};
use crate::document::Document;
use crate::extract::{citation, docnum, figures, meta};

/// The seed report: a 公文 whose analysis reaches most of the extractors' and rules' tables.
const SAMPLE: &str = include_str!("../../corpus/baoshan-fzzf-report-2022.txt");

/// Starts a thread that loads jieba-rs's model for the part of speech of unknown words
/// ([`crate::segment::load_unknown_word_tags`]) and then builds the tables the extractors and
/// the rules on by default build on first use (compiled patterns, word lists, indexes). On the
/// seed report, `gongwen extract` ran 581 M instructions on the calling thread, 427 M of them
/// jieba-rs's dictionary; this moves 62 M of them to the other thread, which had 196 M to do
/// (README, Performance).
///
/// Nothing it computes is kept but those tables, which are the same whoever builds them; a
/// table the calling thread needs first is built by whichever thread gets there first, the
/// other waits for it. The law catalogue and the typo model are not touched: they load only
/// for documents that need them.
pub fn warm_up() {
    std::thread::spawn(|| {
        crate::segment::load_unknown_word_tags();
        build_tables();
    });
}

/// Runs the extractors and the default rules over [`SAMPLE`], without tokens (the dictionary
/// is what the calling thread is building) and without citations (which would load the law
/// catalogue), and drops what they find.
fn build_tables() {
    let doc = Document::from_text("-", SAMPLE);
    let figures = figures::extract_figures(&doc.text, &[]);
    let mut docnums = docnum::extract_docnums(&doc.text);
    drop(citation::extract_citations(&doc.text, &mut docnums));
    let meta = meta::detect_doc(&doc, &docnums);
    let ctx = DocContext {
        doc: &doc,
        tokens: &[],
        figures: &figures,
        docnums: &docnums,
        citations: &[],
        meta: &meta,
        left_out: Default::default(),
        shared: Default::default(),
    };
    drop(Checker::default_rules().check_document(&ctx));
}

#[cfg(test)]
mod tests {
    #[test]
    fn building_the_tables_without_tokens_or_citations_finds_and_breaks_nothing() {
        // Tables built twice, and by a run that then analyses a document, are the same tables.
        super::build_tables();
        super::build_tables();
    }
}
