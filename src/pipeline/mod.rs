//! The per-document pipeline and the parallel driver.
//!
//! Documents are independent until the corpus stage, so runs of consecutive documents are read,
//! decoded and analysed on whichever thread is free, and their rows are handed to the sink in
//! input order. Output therefore never depends on the number of threads, and memory holds at
//! most a window of per-document results at a time.

mod memory;
mod schedule;
mod warm;

pub use crate::output::Sink;
pub use schedule::{
    batches, chunk_size, for_each_batch_ordered, for_each_input_batch_ordered, for_each_ordered,
};
pub use warm::warm_up;

use crate::check::{BatchCitation, BatchDoc, Checker, DocContext, Located, Location};
use crate::corpus::{self, IndexCitation, IndexDoc};
use crate::document::Document;
use crate::extract::citation::{self, Citation};
use crate::extract::docnum::{self, DocNum};
use crate::extract::figures::{self, Figure};
use crate::extract::meta::{self, DocMeta};
use crate::extract::{LeftOut, Limits};
use crate::input::{self, Failure, Input, ReadOptions, Status};
use crate::output::rows::{
    CitationIndexRow, CitationRow, DocnumRow, DocumentCounts, DocumentRow, EdgeRow, FigureRow,
    FindingRow, TableRow,
};
use crate::output::tables::TableId;
use crate::output::Row;
use crate::resolve::{self, Catalogue, DocDate, Status as LawStatus};
use crate::segment::{Numbering, Segmenter, Token, WordIds};
use crate::terms::{self, DocTerms};

/// What a run needs besides its inputs.
pub struct Context<'a> {
    pub read: ReadOptions,
    pub seg: &'a Segmenter,
    pub checker: &'a Checker,
    /// How to count terms; `None` for a run that writes no terms (`check`), which then does not
    /// count them.
    pub terms: Option<&'a terms::Options>,
}

/// Everything gongwen finds in one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub meta: DocMeta,
    /// Number of word tokens jieba produced.
    pub tokens: usize,
    pub figures: Vec<Figure>,
    pub docnums: Vec<DocNum>,
    pub citations: Vec<Citation>,
    /// Findings of the document rules, located, in position order.
    pub findings: Vec<Located>,
    /// What the batch rules need of this document.
    pub batch: BatchDoc,
    /// What the citation index needs of this document.
    pub index: IndexDoc,
    /// Term counts (a map of distinct terms) for terms.csv.
    pub terms: DocTerms,
    /// What extraction left out at the document's limits ([`Limits`]).
    pub left_out: LeftOut,
}

/// Analyses one decoded document, counting terms with the default options.
pub fn analyse(doc: &Document, seg: &Segmenter, checker: &Checker) -> Analysis {
    analyse_with(doc, seg, checker, default_terms())
}

fn default_terms() -> &'static terms::Options {
    static DEFAULT_TERMS: std::sync::OnceLock<terms::Options> = std::sync::OnceLock::new();
    DEFAULT_TERMS.get_or_init(Default::default)
}

/// Analyses one decoded document.
pub fn analyse_with(
    doc: &Document,
    seg: &Segmenter,
    checker: &Checker,
    term_options: &terms::Options,
) -> Analysis {
    let (tokens, ids, words_left_out) = cut_document(seg, &doc.text, term_options.numbering());
    analyse_tagged(
        doc,
        &tokens,
        ids,
        words_left_out,
        checker,
        Some(term_options),
    )
}

/// The tokens of a document's `text` up to its limit of words ([`Limits`]), with what
/// `numbering` asks of their words, and the first token left out.
pub fn cut_document(
    seg: &Segmenter,
    text: &str,
    numbering: Numbering,
) -> (Vec<Token>, WordIds, Option<crate::span::Span>) {
    seg.tag_at_most(text, Limits::for_len(text.len()).words, numbering)
}

/// Analyses one decoded document already cut into `tokens` (by [`cut_document`]), up to
/// `words_left_out` when its words reached their limit; its terms are counted only with
/// `term_options`.
pub fn analyse_tagged(
    doc: &Document,
    tokens: &[Token],
    ids: WordIds,
    words_left_out: Option<crate::span::Span>,
    checker: &Checker,
    term_options: Option<&terms::Options>,
) -> Analysis {
    let terms = term_options.map_or_else(DocTerms::default, |o| {
        terms::count(&doc.text, tokens, &ids, o)
    });
    // The words counted serve the counting alone: let go before the rest of the analysis.
    drop(ids);
    let limits = Limits::for_len(doc.text.len());
    let (figures, figures_left_out) =
        figures::extract_figures_at_most(&doc.text, tokens, limits.figures);
    let (mut docnums, docnums_left_out) =
        docnum::extract_docnums_at_most(&doc.text, limits.docnums);
    let (mut citations, citations_left_out) =
        citation::extract_citations_at_most(&doc.text, &mut docnums, limits.citations);
    let left_out = LeftOut {
        figures: figures_left_out,
        docnums: docnums_left_out,
        citations: citations_left_out,
        words: words_left_out,
        lines: crate::extract::line_after(&doc.text, &doc.lines, limits.lines),
    };
    let meta = meta::detect_doc(doc, &docnums);
    let on = match (meta.date, meta.year) {
        (Some(d), _) => DocDate::day(d),
        (None, Some(y)) => DocDate::year(y),
        (None, None) => DocDate::day(checker.as_of.unwrap_or_else(resolve::today)),
    };
    for c in &mut citations {
        if resolve::applies_to(c.kind) {
            // The catalogue loads on the first citation that needs it, not for every run.
            let r = Catalogue::global().resolve(&c.title, on);
            let status = r.status.unwrap_or(LawStatus::Unknown);
            c.registry_status = status.registry().as_str().to_string();
            c.law_status = status.as_str().to_string();
            c.repealed_on = r.repealed_on.map(resolve::iso).unwrap_or_default();
            c.replaced_by = r.replaced_by;
        }
        // A user's register knows its own documents better than the national catalogue.
        let num = c
            .docnum
            .and_then(|i| docnums.get(i))
            .map(|d| d.normalized.as_str());
        if let Some(status) = checker
            .registers
            .iter()
            .find_map(|r| r.lookup(&c.title, num).and_then(|e| e.status))
        {
            c.registry_status = status.as_str().to_string();
            c.law_status = status.as_str().to_string();
            if status != LawStatus::Repealed {
                c.repealed_on.clear();
                c.replaced_by.clear();
            }
        }
    }
    let ctx = DocContext {
        doc,
        tokens,
        figures: &figures,
        docnums: &docnums,
        citations: &citations,
        meta: &meta,
        left_out,
        shared: Default::default(),
    };
    let findings = checker.check_document(&ctx);
    let metrics = crate::check::rules::batch_metrics(&ctx);
    // The rules' tables of lines and places (some times the text's size on a long document)
    // are let go before the citations are copied out below.
    drop(ctx);
    let batch = BatchDoc {
        register: false,
        file: doc.file.clone(),
        year: meta.year,
        citations: citations
            .iter()
            .map(|c| batch_citation(doc, c, &docnums))
            .collect(),
        own: own_citation(doc, &meta, &docnums),
        metrics,
    };
    let index = IndexDoc {
        file: doc.file.clone(),
        own_title: meta.title.as_deref().map(citation::normalize_title),
        own_docnum: docnums
            .iter()
            .find(|d| d.role == docnum::Role::SelfNumber)
            .map(|d| d.normalized.clone()),
        // Same citations in the same order as the batch summary: reuse its locations.
        citations: citations
            .iter()
            .zip(&batch.citations)
            .map(|(c, b)| IndexCitation {
                line: b.at.line,
                column: b.at.column,
                page: b.at.page,
                title: c.title.clone(),
                normalized_title: c.normalized_title.clone(),
                key: c.key.clone(),
                kind: c.kind,
                registry_status: c.registry_status.clone(),
                docnum: c
                    .docnum
                    .and_then(|i| docnums.get(i))
                    .map(|d| d.normalized.clone()),
            })
            .collect(),
    };
    Analysis {
        meta,
        tokens: tokens.len(),
        figures,
        docnums,
        citations,
        findings,
        batch,
        index,
        terms,
        left_out,
    }
}

fn batch_citation(doc: &Document, c: &Citation, docnums: &[DocNum]) -> BatchCitation {
    let num = c.docnum.and_then(|i| docnums.get(i));
    BatchCitation {
        at: Location::in_doc(doc, c.span.start),
        title: c.title.clone(),
        normalized_title: c.normalized_title.clone(),
        key: c.key.clone(),
        docnum: num.map(|d| docnum::surface(&doc.text, d)),
        docnum_normalized: num.map(|d| d.normalized.clone()),
    }
}

/// The document's own title with its own number, shaped like a citation of itself.
fn own_citation(doc: &Document, meta: &DocMeta, docnums: &[DocNum]) -> Option<BatchCitation> {
    let title = meta.title.as_deref()?;
    let d = docnums
        .iter()
        .find(|d| d.role == docnum::Role::SelfNumber && d.year.is_some())?;
    let normalized_title = citation::normalize_title(title);
    Some(BatchCitation {
        at: Location::in_doc(doc, d.span.start),
        title: title.to_string(),
        key: d.normalized.clone(),
        normalized_title,
        docnum: Some(docnum::surface(&doc.text, d)),
        docnum_normalized: Some(d.normalized.clone()),
    })
}

/// The findings.csv row of a finding.
pub fn finding_row(f: &Located) -> Row {
    FindingRow::new(f).cells()
}

/// Rows for every table produced by one input, made in the worker, or for a document with many
/// rows, what makes them as they are written (see [`RENDER_AHEAD_ROWS`]).
#[derive(Debug, Clone, Default)]
pub struct TableRows {
    rows: Vec<(TableId, Row)>,
    later: Option<Box<Later>>,
}

/// What a document's figures, numbers and citations rows are made of. Its rows took ~1.3 KB a
/// figure, several times what the figure takes (an 8 MB text of figures gave 487 MB of
/// figures.csv), so they are made one at a time as the writer reaches them.
#[derive(Debug, Clone)]
struct Later {
    doc: Document,
    figures: Vec<Figure>,
    docnums: Vec<DocNum>,
    citations: Vec<Citation>,
    /// Rows after the findings (the codebook counts).
    tail: Vec<(TableId, Row)>,
}

impl TableRows {
    pub fn push(&mut self, table: TableId, row: Row) {
        self.rows.push((table, row));
    }
}

/// Past this many rows, a document's rows are made as they are written rather than by the
/// worker: a window of results then never holds more than some megabytes of rows however
/// dense its documents, and the writer makes rows for few documents (the largest document of
/// the bench has 1,116 rows; 8 of its 3,539 have more than 256).
pub(crate) const RENDER_AHEAD_ROWS: usize = 256;

/// The outcome of one input.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub file: String,
    pub status: Status,
    /// Bytes of text processed (for progress reports).
    pub bytes: usize,
    /// Why the input was not read, when it was not.
    pub reason: Option<String>,
    /// Its rows, written with [`FileResult::write_rows`].
    pub rows: TableRows,
    pub findings: Vec<Located>,
    pub batch: Option<BatchDoc>,
    pub index: Option<IndexDoc>,
    pub terms: Option<DocTerms>,
    /// Hash of the document's text, encoding and format, and the text's length, by which
    /// identical copies are told apart.
    pub content: Option<(u64, usize)>,
}

impl FileResult {
    /// Hands every row of the input to `write`, table by table in the order of the output
    /// contract; rows not made by the worker are made here, one at a time.
    pub fn write_rows(
        &self,
        mut write: impl FnMut(TableId, &Row) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        for (t, row) in &self.rows.rows {
            write(*t, row)?;
        }
        let Some(later) = &self.rows.later else {
            return Ok(());
        };
        later.each_row(&self.findings, |t, row| write(t, &row))
    }
}

impl Later {
    /// Its rows, table by table in the order of the output contract, with `findings` after the
    /// citations: made here whether the worker makes them or the writer.
    fn each_row(
        &self,
        findings: &[Located],
        mut emit: impl FnMut(TableId, Row) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let doc = &self.doc;
        for f in &self.figures {
            emit(TableId::Figures, FigureRow::new(doc, f).cells())?;
        }
        for d in &self.docnums {
            emit(TableId::Docnums, DocnumRow::new(doc, d).cells())?;
        }
        for c in &self.citations {
            emit(
                TableId::Citations,
                CitationRow::new(doc, c, &self.docnums).cells(),
            )?;
        }
        for f in findings {
            emit(TableId::Findings, finding_row(f))?;
        }
        for (t, row) in &self.tail {
            emit(*t, row.clone())?;
        }
        Ok(())
    }
}

/// Plain-language note for a decode that had to replace bytes.
pub fn lossy_note(undecodable: usize, encoding: &str) -> String {
    msg!(
        zh = "按{encoding}解码时有{undecodable}个字节无法识别，已替换为�；可用 --encoding 指定编码",
        en = "bytes not decodable as {encoding}: {undecodable}, replaced with �; use --encoding to name the encoding"
    )
}

fn document_row(doc: &Document, a: &Analysis) -> Row {
    let lossy = (doc.undecodable > 0).then(|| lossy_note(doc.undecodable, &doc.encoding));
    let note = [doc.encoding_note.clone(), lossy]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(crate::i18n::tr("；", "; "));
    let counts = DocumentCounts {
        title: a.meta.title.clone().unwrap_or_default(),
        docnum: a.meta.docnum.clone().unwrap_or_default(),
        year: a.meta.year,
        figures: a.figures.len(),
        docnums: a.docnums.len(),
        citations: a.citations.len(),
        findings: a.findings.len(),
        left_out: a
            .left_out
            .each([
                a.figures.len(),
                a.docnums.len(),
                a.citations.len(),
                a.tokens,
                Limits::for_len(doc.text.len()).lines,
            ])
            .map(|(_, n, limited)| limited.note(n))
            .collect::<Vec<_>>()
            .join(crate::i18n::tr("；", "; ")),
    };
    DocumentRow::read(doc, counts, note).cells()
}

/// Reads, analyses and renders one input.
pub fn process(input: &Input, ctx: &Context) -> FileResult {
    process_loaded(input::load(input, &ctx.read), ctx)
}

/// How much text [`process_batch`] cuts before it analyses what it has cut.
pub(crate) const CUT_AHEAD_BYTES: usize = 512 * 1024;

/// Reads, analyses and renders consecutive inputs, as [`process`] does each. Their texts are cut
/// together, some hundreds of kilobytes at a time, before any is analysed: cutting reads
/// jieba's dictionary trie all over, analysing reads the rules' tables, and doing each for many
/// documents in a row keeps what it reads in the processor's caches (README, Performance).
pub fn process_batch(inputs: &[Input], ctx: &Context) -> Vec<FileResult> {
    process_batch_cutting_ahead(inputs, ctx, CUT_AHEAD_BYTES, RENDER_AHEAD_ROWS)
}

fn process_batch_cutting_ahead(
    inputs: &[Input],
    ctx: &Context,
    cut_ahead: usize,
    render_ahead: usize,
) -> Vec<FileResult> {
    let mut out = Vec::with_capacity(inputs.len());
    let mut cut: Vec<(Result<Document, Failure>, Tagged)> = Vec::new();
    let mut bytes = 0;
    for (i, input) in inputs.iter().enumerate() {
        let loaded = input::load(input, &ctx.read);
        let tokens = tag_loaded(&loaded, ctx);
        bytes += loaded.as_ref().map_or(0, |doc| doc.text.len());
        cut.push((loaded, tokens));
        if bytes >= cut_ahead || i + 1 == inputs.len() {
            for (loaded, tokens) in cut.drain(..) {
                out.push(process_tagged(loaded, tokens, ctx, render_ahead));
            }
            bytes = 0;
        }
    }
    out
}

/// Analyses and renders an input already read (or the reason it could not be).
pub fn process_loaded(loaded: Result<Document, Failure>, ctx: &Context) -> FileResult {
    let tokens = tag_loaded(&loaded, ctx);
    process_tagged(loaded, tokens, ctx, RENDER_AHEAD_ROWS)
}

/// A document's tokens, with which word each is where terms are counted, and the first token
/// left out at its limit of words.
type Tagged = (Vec<Token>, WordIds, Option<crate::span::Span>);

/// The tokens of a document read, none for an input that could not be.
fn tag_loaded(loaded: &Result<Document, Failure>, ctx: &Context) -> Tagged {
    match loaded {
        Ok(doc) => {
            // The file's bytes, read and decoded into the text, were just let go.
            memory::give_back(doc.text.len());
            cut_document(
                ctx.seg,
                &doc.text,
                ctx.terms.map_or(Numbering::None, terms::Options::numbering),
            )
        }
        Err(_) => Default::default(),
    }
}

/// [`process_loaded`] for a document already cut into `tokens`; past `render_ahead` rows, its
/// rows are left to be made as they are written.
fn process_tagged(
    loaded: Result<Document, Failure>,
    (tokens, ids, words_left_out): Tagged,
    ctx: &Context,
    render_ahead: usize,
) -> FileResult {
    let mut rows = TableRows::default();
    match loaded {
        Ok(doc) => {
            let mut analysis =
                analyse_tagged(&doc, &tokens, ids, words_left_out, ctx.checker, ctx.terms);
            // The tokens (8 bytes for every few bytes of text) are let go before the rows
            // are made, so that a long document never holds both (README, Memory).
            drop(tokens);
            memory::give_back(doc.text.len());
            rows.push(TableId::Documents, document_row(&doc, &analysis));
            let mut tail = Vec::new();
            if ctx.terms.is_some_and(|t| !t.codebook.is_empty()) {
                let row = terms::codebook_row(&doc.file, &analysis.terms);
                tail.push((TableId::TermCounts, row));
            }
            let content = Some((content_hash(&doc), doc.text.len()));
            let bytes = doc.text.len();
            let file = doc.file.clone();
            let findings = std::mem::take(&mut analysis.findings);
            let a = &mut analysis;
            let many = a.figures.len() + a.docnums.len() + a.citations.len() + findings.len();
            let later = Later {
                figures: std::mem::take(&mut a.figures),
                docnums: std::mem::take(&mut a.docnums),
                citations: std::mem::take(&mut a.citations),
                doc,
                tail,
            };
            if many > render_ahead {
                rows.later = Some(Box::new(later));
            } else {
                // Pushing into a list cannot fail.
                let _ = later.each_row(&findings, |t, row| {
                    rows.push(t, row);
                    Ok(())
                });
            }
            FileResult {
                content,
                bytes,
                file,
                status: Status::Ok,
                reason: None,
                rows,
                findings,
                batch: Some(analysis.batch),
                index: Some(analysis.index),
                terms: Some(analysis.terms),
            }
        }
        Err(f) => {
            rows.push(TableId::Documents, DocumentRow::failed(&f).cells());
            FileResult {
                bytes: 0,
                file: f.file,
                status: f.status,
                reason: Some(f.reason),
                rows,
                findings: Vec::new(),
                batch: None,
                index: None,
                terms: None,
                content: None,
            }
        }
    }
}

/// The text with how it was read: the same text in two encodings or formats is two files
/// (a GB18030 original and its UTF-8 conversion), not a copy.
fn content_hash(doc: &Document) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&doc.text, &doc.encoding, doc.format.as_str()).hash(&mut h);
    h.finish()
}

/// A copy of a document read earlier in the run becomes a skipped row naming the first:
/// counted twice, its figures and citations would weigh twice in every total, and each of its
/// self-citations would list every copy (4,000 copies made a 608 MB citation_edges.csv).
fn as_copy_of(res: &mut FileResult, first: &str) {
    let f = Failure {
        file: res.file.clone(),
        status: Status::Skipped,
        format: String::new(),
        encoding: String::new(),
        reason: msg!(
            zh = "与 {first} 内容完全相同，只读取一次",
            en = "the same text as {first}; read once"
        ),
    };
    let mut rows = TableRows::default();
    rows.push(TableId::Documents, DocumentRow::failed(&f).cells());
    res.rows = rows;
    res.status = Status::Skipped;
    res.reason = Some(f.reason);
    res.findings = Vec::new();
    res.batch = None;
    res.index = None;
    res.terms = None;
}

/// Counts of a run, for the exit code and the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub ok: usize,
    pub skipped: usize,
    pub errors: usize,
}

impl Summary {
    pub fn add(&mut self, s: Status) {
        match s {
            Status::Ok => self.ok += 1,
            Status::Skipped => self.skipped += 1,
            Status::Error => self.errors += 1,
        }
    }
}

/// Runs the extraction over all inputs into `sink`: per-document rows as documents complete,
/// then the rows of the batch stage. `progress` hears of each input as it is written.
pub fn extract(
    inputs: &[Input],
    ctx: &Context,
    mut sink: Box<dyn Sink>,
    progress: &mut dyn FnMut(&FileResult),
) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut batch = Vec::new();
    let mut index = Vec::new();
    let term_options = match ctx.terms {
        Some(t) => t,
        None => default_terms(),
    };
    let mut term_corpus = terms::Corpus::new(term_options)?;
    let mut first_of: rustc_hash::FxHashMap<(u64, usize), String> = Default::default();
    if !term_options.codebook.is_empty() {
        sink.open(
            TableId::TermCounts,
            &terms::codebook_header(&term_options.codebook),
        )?;
    }
    for_each_input_batch_ordered(
        inputs,
        ctx.read.max_file_bytes,
        |b| process_batch(b, ctx),
        |mut res| {
            if let Some(key) = res.content {
                match first_of.get(&key) {
                    Some(first) => as_copy_of(&mut res, first),
                    None => {
                        first_of.insert(key, res.file.clone());
                    }
                }
            }
            summary.add(res.status);
            progress(&res);
            res.write_rows(|t, row| sink.row(t, row))?;
            batch.extend(res.batch);
            index.extend(res.index);
            if let Some(t) = &res.terms {
                term_corpus.add(&res.file, t)?;
            }
            Ok(())
        },
    )?;
    let across = corpus::run(ctx.checker, batch, Some(index));
    for f in &across.findings {
        sink.row(TableId::Findings, &finding_row(f))?;
    }
    for r in &across.index {
        sink.row(TableId::CitationIndex, &CitationIndexRow::from(r).cells())?;
    }
    for e in &across.edges {
        sink.row(TableId::CitationEdges, &EdgeRow::from(e).cells())?;
    }
    drop(across);
    term_corpus.finish(ctx.seg, &mut *sink)?;
    sink.finish()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn inputs(n: usize) -> Vec<Input> {
        (0..n)
            .map(|i| Input::Unlistable {
                display: i.to_string(),
                reason: String::new(),
            })
            .collect()
    }

    fn index(input: &Input) -> usize {
        input.display().parse().unwrap()
    }

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    #[test]
    fn results_come_in_input_order_and_workers_stay_within_the_window() {
        let all = inputs(500);
        let written = AtomicUsize::new(0);
        let ahead = AtomicUsize::new(0);
        let mut got = Vec::new();
        pool(4)
            .install(|| {
                let window = chunk_size();
                for_each_ordered(
                    &all,
                    |input| {
                        let i = index(input);
                        // Uneven work, so that results arrive out of order.
                        std::thread::sleep(std::time::Duration::from_micros(
                            (i * 7919 % 13) as u64 * 50,
                        ));
                        ahead
                            .fetch_max(i - written.load(Ordering::SeqCst).min(i), Ordering::SeqCst);
                        assert!(i < written.load(Ordering::SeqCst) + window);
                        i
                    },
                    |i| {
                        got.push(i);
                        written.store(got.len(), Ordering::SeqCst);
                        Ok(())
                    },
                )
            })
            .unwrap();
        assert_eq!(got, (0..500).collect::<Vec<_>>());
        assert!(
            ahead.load(Ordering::SeqCst) > 0,
            "the workers never ran ahead"
        );
    }

    #[test]
    fn batches_come_whole_and_in_input_order() {
        let all = inputs(500);
        let mut got = Vec::new();
        pool(4)
            .install(|| {
                let batches: Vec<&[Input]> = all.chunks(7).collect();
                for_each_batch_ordered(
                    &batches,
                    |batch| {
                        let first = index(&batch[0]);
                        assert_eq!(first % 7, 0);
                        assert!(batch.len() == 7 || first + batch.len() == 500);
                        // Uneven work, so that results arrive out of order.
                        std::thread::sleep(std::time::Duration::from_micros(
                            (first * 7919 % 13) as u64 * 50,
                        ));
                        batch.iter().map(index).collect()
                    },
                    |i| {
                        got.push(i);
                        Ok(())
                    },
                )
            })
            .unwrap();
        assert_eq!(got, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn runs_end_at_32_inputs_or_half_a_megabyte() {
        let dir = tempfile::tempdir().unwrap();
        let sizes: Vec<usize> = [vec![1000; 40], vec![600_000], vec![1000; 5]].concat();
        let all: Vec<Input> = sizes
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                let path = dir.path().join(format!("{i:03}.txt"));
                std::fs::write(&path, "字".repeat(n / 3)).unwrap();
                Input::File {
                    display: path.display().to_string(),
                    path,
                    walked: true,
                }
            })
            .collect();
        let lens = |threads| {
            pool(threads).install(|| batches(&all).iter().map(|b| b.len()).collect::<Vec<_>>())
        };
        assert_eq!(lens(1), [32, 9, 5]);
        // With two threads, 46 inputs make runs of at most 46 / 16 = 2.
        assert!(lens(2).iter().all(|&n| n <= 2) && lens(2).iter().sum::<usize>() == 46);
        assert_eq!(
            batches(&all)
                .concat()
                .iter()
                .map(Input::display)
                .collect::<Vec<_>>(),
            all.iter().map(Input::display).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_batch_gives_what_its_inputs_give_one_by_one() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut all: Vec<Input> = crate::input::expand(&[dir.into()]);
        all.insert(
            3,
            Input::Unlistable {
                display: "missing.txt".into(),
                reason: "no such file".into(),
            },
        );
        let checker = Checker::new(&Default::default());
        let term_options = terms::Options::default();
        let ctx = Context {
            read: ReadOptions::default(),
            seg: Segmenter::global(),
            checker: &checker,
            terms: Some(&term_options),
        };
        let one_by_one: Vec<String> = all
            .iter()
            .map(|i| format!("{:?}", process(i, &ctx)))
            .collect();
        assert!(all.len() >= 10 && one_by_one[3].contains("no such file"));
        // Analysing after every document, after several, and only at the end.
        for cut_ahead in [1, 40_000, usize::MAX] {
            let batched: Vec<String> =
                process_batch_cutting_ahead(&all, &ctx, cut_ahead, RENDER_AHEAD_ROWS)
                    .iter()
                    .map(|r| format!("{r:?}"))
                    .collect();
            assert!(batched == one_by_one, "cutting {cut_ahead} bytes ahead");
        }
    }

    #[test]
    fn rows_made_as_they_are_written_are_the_rows_made_ahead() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let all: Vec<Input> = crate::input::expand(&[dir.into()]);
        let checker = Checker::new(&Default::default());
        let mut term_options = terms::Options::default();
        term_options.codebook = vec!["法治".into(), "政府".into()];
        let ctx = Context {
            read: ReadOptions::default(),
            seg: Segmenter::global(),
            checker: &checker,
            terms: Some(&term_options),
        };
        let written = |render_ahead| {
            let results = process_batch_cutting_ahead(&all, &ctx, 1, render_ahead);
            let later = results.iter().filter(|r| r.rows.later.is_some()).count();
            let mut rows = Vec::new();
            for r in &results {
                r.write_rows(|t, row| {
                    rows.push(format!("{t:?} {row:?}"));
                    Ok(())
                })
                .unwrap();
            }
            (rows, later)
        };
        let (ahead, none_later) = written(usize::MAX);
        let (as_written, all_later) = written(0);
        assert_eq!(none_later, 0);
        // Every document read has a figure, a number, a citation or a finding.
        assert!(all_later >= 10, "{all_later} of {} made later", all.len());
        assert!(ahead.len() > 500 && ahead.iter().any(|r| r.starts_with("TermCounts")));
        assert!(as_written == ahead);
    }

    #[test]
    fn a_window_reads_at_most_the_cap_and_one_large_file_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let cap = 10_000u64;
        // Files over half the cap, among small ones, and one over the cap (refused unread).
        let sizes: Vec<u64> = (0..60)
            .map(|i| match i % 10 {
                3 | 7 => 6_000,
                9 if i == 49 => 50_000,
                _ => 100,
            })
            .collect();
        let all: Vec<Input> = sizes
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                let path = dir.path().join(format!("{i:03}.txt"));
                std::fs::write(&path, vec![b'a'; n as usize]).unwrap();
                Input::File {
                    display: i.to_string(),
                    path,
                    walked: true,
                }
            })
            .collect();
        // Bytes of inputs begun and not yet written, and how many of them were large.
        let held = std::sync::Mutex::new((0u64, 0usize));
        let (mut most_held, mut most_large, mut most_inputs) = (0, 0, 0);
        let mut got = Vec::new();
        let mut inputs_held = 0usize;
        pool(4)
            .install(|| {
                for_each_input_batch_ordered(
                    &all,
                    cap,
                    |batch| {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                        batch
                            .iter()
                            .map(|input| {
                                let i = index(input);
                                let mut h = held.lock().unwrap();
                                h.0 += sizes[i].min(cap);
                                h.1 += usize::from(sizes[i] > cap / 2);
                                i
                            })
                            .collect()
                    },
                    |i| {
                        let mut h = held.lock().unwrap();
                        most_held = most_held.max(h.0);
                        most_large = most_large.max(h.1);
                        inputs_held += 1;
                        most_inputs = most_inputs.max(inputs_held);
                        h.0 -= sizes[i].min(cap);
                        h.1 -= usize::from(sizes[i] > cap / 2);
                        if h.0 == 0 {
                            inputs_held = 0;
                        }
                        got.push(i);
                        Ok(())
                    },
                )
            })
            .unwrap();
        assert_eq!(got, (0..60).collect::<Vec<_>>());
        assert!(most_held <= cap, "{most_held} bytes held at once");
        assert_eq!(most_large, 1);
        // Small files still go several at a time.
        assert!(most_inputs > 4, "at most {most_inputs} inputs at once");
    }

    #[test]
    fn a_write_error_ends_the_run() {
        let all = inputs(300);
        let mut n = 0;
        let r = pool(3).install(|| {
            for_each_ordered(&all, index, |_| {
                n += 1;
                if n == 10 {
                    Err(std::io::Error::other("disk full"))
                } else {
                    Ok(())
                }
            })
        });
        assert_eq!(r.unwrap_err().to_string(), "disk full");
        assert_eq!(n, 10);
    }

    #[test]
    fn a_panicking_worker_ends_the_run_without_a_hang() {
        let all = inputs(300);
        let r = std::panic::catch_unwind(|| {
            pool(3).install(|| {
                for_each_ordered(
                    &all,
                    |input| {
                        assert_ne!(index(input), 5, "bad input");
                        index(input)
                    },
                    |_| Ok(()),
                )
            })
        });
        assert!(r.is_err());
    }
}
