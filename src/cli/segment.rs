//! `gongwen segment`: one row per token.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::args::*;
use gongwen::i18n::tr;
use gongwen::input::{self, Status};
use gongwen::msg;
use gongwen::output::csv::AtomicFile;
use gongwen::output::tokens;
use gongwen::pipeline::{self, Summary};

#[derive(Args, Debug)]
pub(crate) struct SegmentArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// 输出文件（默认：标准输出）
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// 不在CSV开头写入BOM（写入文件时默认带BOM）
    #[arg(long)]
    pub(crate) no_bom: bool,
}

/// Documents of this many bytes or more have their rows written as they are made.
const LONG: usize = 1 << 20;

pub(crate) fn run_segment(a: SegmentArgs) -> Result<ExitCode, String> {
    need_paths(&a.input)?;
    let read = read_options(&a.input)?;
    let config = load_config(&a.input)?;
    setup_threads(a.input.threads);
    gongwen::segment::prewarm_unknown_word_tags();
    let inputs = input::expand(&a.input.paths);
    let seg = segmenter(&config, &[])?;
    let mut summary = Summary::default();
    let mut failures = Vec::new();
    let mut write_all = |out: &mut dyn Write, bom: bool| -> std::io::Result<()> {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        out.write_all(tokens::HEADER.as_bytes())?;
        // Windows bounded by --max-file-size in bytes, as for `extract`; a short document's rows
        // are made by the worker threads, a long one's (several times its size) by the writer as
        // it writes them.
        pipeline::for_each_input_batch_ordered(
            &inputs,
            read.max_file_bytes,
            |batch| {
                batch
                    .iter()
                    .map(|inp| match input::load(inp, &read) {
                        Ok(doc) if doc.text.len() >= LONG => Ok(Err(doc)),
                        Ok(doc) => {
                            let mut buf = Vec::with_capacity(doc.text.len() * 4);
                            tokens::render(&doc, seg, &mut buf);
                            Ok(Ok(buf))
                        }
                        Err(f) => Err(f),
                    })
                    .collect()
            },
            |res| match res {
                Ok(rows) => {
                    summary.add(Status::Ok);
                    match rows {
                        Ok(buf) => out.write_all(&buf),
                        Err(doc) => {
                            let mut buf = Vec::with_capacity(2 << 20);
                            tokens::render_spilling(&doc, seg, &mut buf, |b| {
                                out.write_all(b)?;
                                b.clear();
                                Ok(())
                            })?;
                            out.write_all(&buf)
                        }
                    }
                }
                Err(f) => {
                    summary.add(f.status);
                    failures.push(f);
                    Ok(())
                }
            },
        )?;
        out.flush()
    };
    let dest = match &a.output {
        Some(path) => {
            let mut file = AtomicFile::create(path).map_err(|e| cannot_create(path, e))?;
            {
                let mut w = std::io::BufWriter::with_capacity(1 << 20, &mut file);
                write_all(&mut w, !a.no_bom).map_err(|e| output_failed(path, e))?;
            }
            file.commit().map_err(|e| output_failed(path, e))?;
            path.display().to_string()
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
            match write_all(&mut w, false) {
                Ok(()) => {}
                Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
                Err(e) => return Err(write_failed(e)),
            }
            tr("标准输出", "standard output").to_string()
        }
    };
    if !a.input.quiet {
        for f in &failures {
            let (file, reason, status) = (&f.file, &f.reason, f.status.as_str());
            eprintln!(
                "{}",
                msg!(
                    zh = "{file}：{reason}（{status}）",
                    en = "{file}: {reason} ({status})"
                )
            );
        }
    }
    report(&summary, a.input.quiet, &dest);
    Ok(exit_for(&summary))
}
