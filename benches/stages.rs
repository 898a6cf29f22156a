//! Per-stage throughput on 1-, 10- and 100-page inputs made of the bundled corpus, in bytes per
//! second, beside raw jieba-rs `cut` on the same text. `cargo bench --bench stages`.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use gongwen::input::{decode, ReadOptions};
use gongwen::segment::Segmenter;
use gongwen::Document;

fn main() {
    divan::main();
}

/// About 2 KB of text is one printed page of a 公文.
const PAGE: usize = 2048;

fn corpus_text(pages: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| !p.to_string_lossy().contains("gb18030"))
        .collect();
    names.sort();
    let all: String = names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut out = String::new();
    while out.len() < pages * PAGE {
        out.push_str(&all);
    }
    let mut end = pages * PAGE;
    while !out.is_char_boundary(end) {
        end += 1;
    }
    out.truncate(end);
    out
}

const SIZES: [usize; 3] = [1, 10, 100];

#[divan::bench(args = SIZES)]
fn decode_gb18030(bencher: Bencher, pages: usize) {
    let bytes = encoding_rs::GB18030
        .encode(&corpus_text(pages))
        .0
        .into_owned();
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| decode::decode_auto(black_box(&bytes)));
}

#[divan::bench(args = SIZES)]
fn decode_utf8(bencher: Bencher, pages: usize) {
    let bytes = corpus_text(pages).into_bytes();
    let opts = ReadOptions::default();
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| gongwen::input::from_bytes("b.txt", "txt", black_box(&bytes), &opts));
}

#[divan::bench(args = SIZES)]
fn raw_jieba_cut(bencher: Bencher, pages: usize) {
    let text = corpus_text(pages);
    let jieba = Segmenter::global().jieba();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| jieba.cut(black_box(&text), true).len());
}

#[divan::bench(args = SIZES)]
fn segment_tag(bencher: Bencher, pages: usize) {
    let text = corpus_text(pages);
    let seg = Segmenter::global();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| seg.tag(black_box(&text)).len());
}

#[divan::bench(args = SIZES)]
fn segment_csv_rows(bencher: Bencher, pages: usize) {
    let doc = Document::from_text("bench.txt", corpus_text(pages));
    let seg = Segmenter::global();
    bencher.counter(BytesCount::new(doc.text.len())).bench(|| {
        let mut out = Vec::new();
        gongwen::output::tokens::render(black_box(&doc), seg, &mut out);
        out.len()
    });
}

#[divan::bench(args = SIZES)]
fn analyse_document(bencher: Bencher, pages: usize) {
    let doc = Document::from_text("bench.txt", corpus_text(pages));
    let seg = Segmenter::global();
    let checker = gongwen::check::Checker::default_rules();
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| gongwen::pipeline::analyse(black_box(&doc), seg, &checker));
}

#[divan::bench(args = SIZES)]
fn figures(bencher: Bencher, pages: usize) {
    let text = corpus_text(pages);
    let tokens = Segmenter::global().tag(&text);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| gongwen::extract::figures::extract_figures(black_box(&text), &tokens).len());
}

#[divan::bench(args = SIZES)]
fn docnums_and_citations(bencher: Bencher, pages: usize) {
    let text = corpus_text(pages);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let mut d = gongwen::extract::docnum::extract_docnums(black_box(&text));
        gongwen::extract::citation::extract_citations(&text, &mut d).len()
    });
}
