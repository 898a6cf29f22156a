//! The one ordered parallel driver: work on inputs runs on the run's threads, results come
//! back to the calling thread in input order, and what waits for its turn is bounded. Every
//! command that reads inputs goes through it.

use crate::input::Input;

use super::CUT_AHEAD_BYTES;

/// How far analysis may run ahead of writing, in inputs (and how many lines of
/// `--stdin-jsonl` are read at a time).
pub fn chunk_size() -> usize {
    (rayon::current_num_threads() * 16).max(64)
}

/// Runs `work` over `inputs` on the run's threads and hands the results to `emit` in input
/// order, on the calling thread.
///
/// Inputs are taken a window of [`chunk_size`] at a time: rayon works the window on the run's
/// threads, then its results are written in order, which bounds the results waiting for their
/// turn. A scheduler of its own that let workers run on while the caller wrote (and so kept
/// them busy at the end of a window) bought 2% of an `extract` run with two threads and none of
/// a `check` run (README, Performance), so it gave way to this. With one thread everything
/// runs in turn on the calling thread.
pub fn for_each_ordered<I, T, W, E>(inputs: &[I], work: W, emit: E) -> std::io::Result<()>
where
    I: Sync,
    T: Send,
    W: Fn(&I) -> T + Sync,
    E: FnMut(T) -> std::io::Result<()>,
{
    let batches: Vec<&[I]> = inputs.chunks(1).collect();
    for_each_batch_ordered(&batches, |batch| batch.iter().map(&work).collect(), emit)
}

/// `inputs` split into runs of consecutive inputs for [`super::process_batch`]: a run ends after 32
/// inputs or at the file that brings its files to [`CUT_AHEAD_BYTES`], so that a run of large
/// files holds up neither the progress report nor much memory; and with several threads, runs
/// are short enough that every thread gets several.
pub fn batches(inputs: &[Input]) -> Vec<&[Input]> {
    let threads = rayon::current_num_threads();
    let most = if threads <= 1 {
        32
    } else {
        (inputs.len() / (threads * 8)).clamp(1, 32)
    };
    let size = |input: &Input| match input {
        Input::File { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len()),
        Input::Stdin | Input::Unlistable { .. } | Input::Passed { .. } => 0,
    };
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, input) in inputs.iter().enumerate() {
        bytes += size(input);
        if i + 1 - start == most || bytes >= CUT_AHEAD_BYTES as u64 || i + 1 == inputs.len() {
            out.push(&inputs[start..=i]);
            (start, bytes) = (i + 1, 0);
        }
    }
    out
}

/// [`for_each_ordered`] for work done on runs of consecutive inputs (`batches`, in order, each
/// non-empty), which returns one result per input, in order.
pub fn for_each_batch_ordered<I, T, W, E>(
    batches: &[&[I]],
    work: W,
    mut emit: E,
) -> std::io::Result<()>
where
    I: Sync,
    T: Send,
    W: Fn(&[I]) -> Vec<T> + Sync,
    E: FnMut(T) -> std::io::Result<()>,
{
    use rayon::prelude::*;
    let threads = rayon::current_num_threads();
    if threads <= 1 || batches.len() <= 1 {
        for &b in batches {
            for r in work(b) {
                emit(r)?;
            }
        }
        return Ok(());
    }
    // In runs: about as many inputs as for single inputs, and at least four runs a thread.
    let longest = batches.iter().map(|b| b.len()).max().unwrap_or(1).max(1);
    let window = (chunk_size() / longest).max(threads * 4);
    // Workers write messages in the caller's language.
    let lang = crate::i18n::lang();
    for group in batches.chunks(window) {
        let results: Vec<Vec<T>> = group
            .par_iter()
            .map(|&b| crate::i18n::with_lang(lang, || work(b)))
            .collect();
        for r in results.into_iter().flatten() {
            emit(r)?;
        }
    }
    Ok(())
}
