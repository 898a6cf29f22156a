//! Where the time of `extract` goes, stage by stage and rule by rule, over one folder of text
//! files, in one thread. Not part of CI.
//!
//!   cargo run --release --example stage_times -- ../shared/bench

use std::time::{Duration, Instant};

use gongwen::check::rules::ALL;
use gongwen::check::{Check, DocContext, Findings};
use gongwen::extract::meta;
use gongwen::extract::{citation, docnum, figures};
use gongwen::segment::Segmenter;
use gongwen::{terms, Document};

fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

// The allocator of the gongwen binary, so that stages cost here what they cost there.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let mut paths = Vec::new();
    files(std::path::Path::new(&dir), &mut paths);
    let docs: Vec<Document> = paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some(Document::from_text(p.display().to_string(), text))
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let t = Instant::now();
    let seg = Segmenter::global();
    let load = t.elapsed();

    let mut stages: Vec<(&str, Duration)> = vec![("dictionary load", load)];
    let mut rules: Vec<(&str, Duration)> = ALL.iter().map(|r| (r.id, Duration::ZERO)).collect();
    let mut add = |name: &'static str, d: Duration| match stages.iter_mut().find(|s| s.0 == name) {
        Some(s) => s.1 += d,
        None => stages.push((name, d)),
    };
    let term_opts = terms::Options::default();
    let mut corpus = terms::Corpus::new(&term_opts).unwrap();
    let (mut distinct, mut ntokens) = (0usize, 0usize);
    let allow = std::collections::HashSet::new();
    for doc in &docs {
        let t = Instant::now();
        let _cut = seg.cut(&doc.text);
        add("cut (spans only)", t.elapsed());
        let t = Instant::now();
        let (tokens, ids, _) =
            gongwen::pipeline::cut_document(seg, &doc.text, term_opts.numbering());
        add("tag", t.elapsed());
        let t = Instant::now();
        let dt = terms::count(&doc.text, &tokens, &ids, &term_opts);
        add("terms count", t.elapsed());
        let t = Instant::now();
        corpus.add(&doc.file, &dt).unwrap();
        distinct += dt.len();
        ntokens += tokens.len();
        add("terms corpus add", t.elapsed());
        let t = Instant::now();
        let figs = figures::extract_figures(&doc.text, &tokens);
        add("figures", t.elapsed());
        let t = Instant::now();
        let mut nums = docnum::extract_docnums(&doc.text);
        add("docnums", t.elapsed());
        let t = Instant::now();
        let cites = citation::extract_citations(&doc.text, &mut nums);
        add("citations", t.elapsed());
        let t = Instant::now();
        let m = meta::detect_with(&doc.text, &nums);
        add("meta", t.elapsed());
        let ctx = DocContext {
            doc,
            tokens: &tokens,
            figures: &figs,
            docnums: &nums,
            citations: &cites,
            meta: &m,
            left_out: Default::default(),
            shared: Default::default(),
        };
        // Made lazily by the first rule that needs them: timed apart so that no rule is charged.
        let t = Instant::now();
        ctx.text_lines();
        add("rules' shared lines", t.elapsed());
        let t = Instant::now();
        ctx.list_starts();
        add("word lists' starts", t.elapsed());
        for (i, r) in ALL.iter().enumerate() {
            let f = match r.check {
                Check::Doc(f) | Check::Both(f, _) => f,
                Check::Batch(_) => continue,
            };
            let t = Instant::now();
            // Every finding kept, as `--verbose` keeps them.
            let mut found = Findings::new(r.id, &doc.text, &allow, usize::MAX);
            f(&ctx, &mut found);
            rules[i].1 += t.elapsed();
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {mb:.1} MB, {ntokens} tokens, {distinct} distinct terms summed over documents",
        docs.len()
    );
    for (name, d) in &stages {
        println!(
            "{name:>20} {:>8.3} s {:>8.1} MB/s",
            d.as_secs_f64(),
            mb / d.as_secs_f64()
        );
    }
    let total: Duration = rules.iter().map(|r| r.1).sum();
    println!(
        "{:>20} {:>8.3} s",
        "all document rules",
        total.as_secs_f64()
    );
    rules.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (id, d) in rules.iter().take_while(|r| !r.1.is_zero()) {
        println!("{id:>28} {:>8.3} s", d.as_secs_f64());
    }
}
