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
/// Workers take the next input as soon as they finish one, so a long document holds up no one,
/// and the caller writes results while the workers go on. A worker does not start an input more
/// than [`chunk_size`] places ahead of the last one written, which bounds the results waiting
/// for their turn. With one thread everything runs in turn on the calling thread.
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
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{mpsc, Condvar, Mutex};

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
    /// How far the writer has got, and whether the run is over for the workers.
    struct Gate {
        written: usize,
        stop: bool,
    }
    let gate = (
        Mutex::new(Gate {
            written: 0,
            stop: false,
        }),
        Condvar::new(),
    );
    fn lock(m: &Mutex<Gate>) -> std::sync::MutexGuard<'_, Gate> {
        m.lock().unwrap_or_else(|e| e.into_inner())
    }
    let stop = || {
        lock(&gate.0).stop = true;
        gate.1.notify_all();
    };
    /// Stops the other workers when a worker unwinds, so that none waits for a result that
    /// will never be written.
    struct StopOnPanic<'g, F: Fn()>(&'g F);
    impl<F: Fn()> Drop for StopOnPanic<'_, F> {
        fn drop(&mut self) {
            if std::thread::panicking() {
                (self.0)();
            }
        }
    }
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Vec<T>)>();
    // Workers write messages in the caller's language.
    let lang = crate::i18n::lang();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (gate, next, work, stop) = (&gate, &next, &work, &stop);
            scope.spawn(move || {
                crate::i18n::with_lang(lang, || {
                    let _guard = StopOnPanic(stop);
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&input) = batches.get(i) else { break };
                        let mut g = lock(&gate.0);
                        while !g.stop && i >= g.written + window {
                            g = gate.1.wait(g).unwrap_or_else(|e| e.into_inner());
                        }
                        if g.stop {
                            break;
                        }
                        drop(g);
                        if tx.send((i, work(input))).is_err() {
                            break;
                        }
                    }
                })
            });
        }
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut written = 0;
        for (i, r) in rx.iter() {
            waiting.insert(i, r);
            let before = written;
            while let Some(rs) = waiting.remove(&written) {
                for r in rs {
                    if let Err(e) = emit(r) {
                        stop();
                        return Err(e);
                    }
                }
                written += 1;
            }
            if written != before {
                lock(&gate.0).written = written;
                gate.1.notify_all();
            }
        }
        Ok(())
    })
}
