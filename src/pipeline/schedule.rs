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
    sized_batches(inputs, u64::MAX).0
}

/// [`batches`], with the bytes each run may read: its files' sizes, each at most `cap` (a larger
/// file is refused unread), and `cap` for standard input, whose size is not known ahead. A
/// .docx may unpack to more than its size, up to the cap; it is counted at its size, as most
/// unpack to a few times theirs.
fn sized_batches(inputs: &[Input], cap: u64) -> (Vec<&[Input]>, Vec<u64>) {
    let threads = rayon::current_num_threads();
    let most = if threads <= 1 {
        32
    } else {
        (inputs.len() / (threads * 8)).clamp(1, 32)
    };
    let size = |input: &Input| match input {
        Input::File { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len()),
        Input::Stdin => cap,
        Input::Unlistable { .. } | Input::Passed { .. } => 0,
    };
    let (mut out, mut sizes) = (Vec::new(), Vec::new());
    let (mut start, mut bytes, mut held) = (0, 0u64, 0u64);
    for (i, input) in inputs.iter().enumerate() {
        let n = size(input);
        bytes = bytes.saturating_add(n);
        held = held.saturating_add(n.min(cap));
        if i + 1 - start == most || bytes >= CUT_AHEAD_BYTES as u64 || i + 1 == inputs.len() {
            out.push(&inputs[start..=i]);
            sizes.push(held);
            (start, bytes, held) = (i + 1, 0, 0);
        }
    }
    (out, sizes)
}

/// [`for_each_batch_ordered`] over [`batches`] of `inputs`, with what a window reads bounded by
/// `cap` bytes (`--max-file-size`) as well as in inputs: at most one document near the cap is
/// analysed or waits to be written at a time, with small ones beside it while the window has
/// room, so that memory is a multiple of the cap however many large files a folder holds.
pub fn for_each_input_batch_ordered<T, W, E>(
    inputs: &[Input],
    cap: u64,
    work: W,
    emit: E,
) -> std::io::Result<()>
where
    T: Send,
    W: Fn(&[Input]) -> Vec<T> + Sync,
    E: FnMut(T) -> std::io::Result<()>,
{
    let (batches, bytes) = sized_batches(inputs, cap);
    for_each_batch_ordered_within(&batches, &bytes, cap, work, emit)
}

/// [`for_each_ordered`] for work done on runs of consecutive inputs (`batches`, in order, each
/// non-empty), which returns one result per input, in order.
pub fn for_each_batch_ordered<I, T, W, E>(batches: &[&[I]], work: W, emit: E) -> std::io::Result<()>
where
    I: Sync,
    T: Send,
    W: Fn(&[I]) -> Vec<T> + Sync,
    E: FnMut(T) -> std::io::Result<()>,
{
    let bytes = vec![0; batches.len()];
    for_each_batch_ordered_within(batches, &bytes, u64::MAX, work, emit)
}

/// [`for_each_batch_ordered`] where batch `i` reads `bytes[i]`: a window ends before the batch
/// that would bring it past `budget` (a batch over it goes alone). Windows run one after the
/// other, so two batches that together pass the budget never run at the same time.
pub(crate) fn for_each_batch_ordered_within<I, T, W, E>(
    batches: &[&[I]],
    bytes: &[u64],
    budget: u64,
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
    let mut start = 0;
    while start < batches.len() {
        let (mut end, mut held) = (start, 0u64);
        while end < batches.len() && end - start < window {
            let n = bytes.get(end).copied().unwrap_or(0);
            if end > start && held.saturating_add(n) > budget {
                break;
            }
            held = held.saturating_add(n);
            end += 1;
        }
        let results: Vec<Vec<T>> = batches[start..end]
            .par_iter()
            .map(|&b| crate::i18n::with_lang(lang, || work(b)))
            .collect();
        for r in results.into_iter().flatten() {
            emit(r)?;
        }
        start = end;
    }
    Ok(())
}
