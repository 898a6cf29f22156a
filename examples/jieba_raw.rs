//! Baseline for throughput comparisons: raw jieba-rs `cut` (default dictionary, HMM on) over
//! every file under the given paths, split over N threads, and nothing else.
//!
//! `cargo run --release --example jieba_raw -- [--threads N] PATH...`
//! prints `bytes=… seconds=… mb_per_s=…` for the cutting alone (files already in memory).

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

fn files(path: &PathBuf, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for e in &entries {
            files(e, out);
        }
    } else {
        out.push(path.clone());
    }
}

// The allocator gongwen itself uses, so that the comparison is of the work done, not of the
// allocators.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut threads = 1;
    if let Some(i) = args.iter().position(|a| a == "--threads") {
        threads = args[i + 1].parse().expect("thread count");
        args.drain(i..i + 2);
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .unwrap();
    let mut paths = Vec::new();
    for a in &args {
        files(&PathBuf::from(a), &mut paths);
    }
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let jieba = jieba_rs::Jieba::new();
    let start = Instant::now();
    let tokens: usize = texts.par_iter().map(|t| jieba.cut(t, true).len()).sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "bytes={bytes} tokens={tokens} seconds={secs:.3} mb_per_s={:.1}",
        bytes as f64 / 1e6 / secs
    );
}
