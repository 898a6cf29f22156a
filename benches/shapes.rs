//! The whole per-document analysis (segment, extract, every document rule) on hostile shapes of
//! one document, at a size n and at 4n. Linear work takes about 4 times as long at 4n; a step
//! whose cost grows with the square of its input takes up to 16 times as long. The shapes are
//! those that once grew faster than their input: one long line repeating a statement of fact,
//! one long line of unknown words, one organ name repeated, many dates on one line.
//! `cargo bench --bench shapes`.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use gongwen::segment::Segmenter;
use gongwen::Document;

fn main() {
    divan::main();
}

/// Base counts of repetition; each shape is measured at n and 4n.
const SCALES: [usize; 2] = [1, 4];

fn run(bencher: Bencher, text: String) {
    let doc = Document::from_text("shape.txt", text);
    let seg = Segmenter::global();
    let checker = gongwen::check::Checker::default_rules();
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| gongwen::pipeline::analyse(black_box(&doc), seg, &checker));
}

/// The same statement of fact on one line, 2,500 × scale times.
#[divan::bench(args = SCALES)]
fn same_fact_line(bencher: Bencher, scale: usize) {
    run(
        bencher,
        "全县受理劳动人事争议仲裁案件214件，".repeat(2_500 * scale),
    );
}

/// One line of distinct three-character words unknown to the dictionary, joined by 的.
#[divan::bench(args = SCALES)]
fn tagless_line(bencher: Bencher, scale: usize) {
    // Characters from a rare block, combined deterministically so that words rarely repeat.
    let chars: Vec<char> = ('\u{4e00}'..='\u{9fa5}').step_by(97).collect();
    let words: Vec<String> = (0..5_000 * scale)
        .map(|i| {
            let a = chars[i % chars.len()];
            let b = chars[(i / chars.len()) % chars.len()];
            let c = chars[(i * 7 + 3) % chars.len()];
            format!("{a}{b}{c}")
        })
        .collect();
    run(bencher, words.join("的"));
}

/// An abolished organ's name repeated through a dated report.
#[divan::bench(args = SCALES)]
fn outdated_institution(bencher: Bencher, scale: usize) {
    let mut text = String::from("2024年工作报告\n");
    text.push_str(&"工商行政管理局、".repeat(5_000 * scale));
    run(bencher, text);
}

/// Many dates on one line.
#[divan::bench(args = SCALES)]
fn dates_line(bencher: Bencher, scale: usize) {
    let text: String = (0..2_500 * scale)
        .map(|i| format!("{}年{}月{}日，", 2000 + i % 25, 1 + i % 12, 1 + i % 28))
        .collect();
    run(bencher, text);
}
