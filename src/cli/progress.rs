//! A progress bar on standard error for long runs: files done of total and MB/s. It appears only
//! after a second, only on a terminal, and never with `-q`, so short runs and pipes stay clean.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    bytes: u64,
    shown: bool,
}

impl Progress {
    /// A progress report for `total` inputs; `enabled` is false for `-q`.
    pub fn new(total: usize, enabled: bool) -> Progress {
        let on_terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
        let bar = (enabled && on_terminal).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template(gongwen::i18n::tr(
                    "{bar:40.cyan/blue} {pos}/{len} 个文件 {msg} 已用 {elapsed}",
                    "{bar:40.cyan/blue} {pos}/{len} files {msg} elapsed {elapsed}",
                ))
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            bytes: 0,
            shown: false,
        }
    }

    /// One more input done, with this many bytes of text.
    pub fn inc(&mut self, bytes: usize) {
        let Some(bar) = &self.bar else { return };
        self.bytes += bytes as u64;
        let elapsed = self.start.elapsed();
        if !self.shown && elapsed > Duration::from_secs(1) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        let mbps = self.bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-3);
        bar.set_message(format!("{mbps:.1} MB/s"));
        bar.inc(1);
    }

    /// Writes a line on standard error above the bar, which stays whole.
    pub fn note(&self, line: &str) {
        match &self.bar {
            Some(bar) if self.shown => bar.println(line),
            _ => eprintln!("{line}"),
        }
    }

    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
