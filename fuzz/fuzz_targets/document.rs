#![no_main]

use std::sync::LazyLock;

use gongwen::check::Checker;
use gongwen::input::{from_bytes, ReadOptions};
use gongwen::pipeline::{self, Context};
use gongwen::segment::Segmenter;
use gongwen::terms;
use gongwen_fuzz::check_span;
use libfuzzer_sys::fuzz_target;

static CHECKER: LazyLock<Checker> = LazyLock::new(Checker::default_rules);
static TERMS: LazyLock<terms::Options> = LazyLock::new(Default::default);

fuzz_target!(|data: &[u8]| {
    let ctx = Context {
        read: ReadOptions::default(),
        seg: Segmenter::global(),
        checker: &CHECKER,
        terms: Some(&TERMS),
    };
    // Exactly what the command line does with one file whose name says nothing about its
    // format: recognise, decode, analyse, render every row.
    let loaded = from_bytes("fuzz", "", data, &ctx.read);
    let text = loaded.as_ref().ok().map(|d| d.text.clone());
    let res = pipeline::process_loaded(loaded, &ctx);
    if let Some(text) = text {
        for f in &res.findings {
            check_span(&text, f.span, f.rule);
            assert_eq!(f.text, &text[f.span.start..f.span.end], "{}", f.rule);
        }
        // The batch stage runs over the document's summary too.
        let batch: Vec<_> = res.batch.into_iter().collect();
        let _ = CHECKER.check_batch(&batch);
        let index: Vec<_> = res.index.into_iter().collect();
        let _ = gongwen::corpus::build(&index);
    }
});
