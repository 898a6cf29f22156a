//! `gongwen fix`: the safe fixes as a unified diff, or written into the files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::args::*;
use gongwen::document::Format;
use gongwen::i18n::{tr, Lang};
use gongwen::input::{self, Input, Status};
use gongwen::msg;
use gongwen::pipeline;

#[derive(Args, Debug)]
pub(crate) struct FixArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// 只列出修改（统一差异格式），不改文件（默认）
    #[arg(long, conflicts_with = "write")]
    pub(crate) diff: bool,
    /// 直接改写文本文件，原文件另存为 .bak；Word文档（.docx）另写出以修订标出修改的 X.fixed.docx，原文件不动
    #[arg(long)]
    pub(crate) write: bool,
}

/// What became of one input.
enum Outcome {
    /// Not read, with the reason (and whether it was only skipped).
    NotRead(Status, String),
    /// Read; the fixed text differs or not.
    Fixed {
        old: String,
        fixed: gongwen::fix::Fixed,
        doc_format: Format,
        encoding: String,
        undecodable: usize,
    },
}

pub(crate) fn run_fix(a: FixArgs, lang: Lang) -> Result<ExitCode, String> {
    need_paths(&a.input)?;
    let read = read_options(&a.input)?;
    let config = load_config(&a.input)?;
    setup_threads(a.input.threads);
    let seg = segmenter(&config, &[])?;
    // Every occurrence is a finding of its own, and so a fix of its own.
    let checker = checker(&config, &a.input, lang)?.verbose(true);
    let inputs = input::expand(&a.input.paths);
    // Documents are read and fixed on the run's threads, and handled here in input order.
    let work = |i: &Input| {
        let path = match i {
            Input::File { path, .. } => Some(path.clone()),
            _ => None,
        };
        let outcome = match input::load(i, &read) {
            Err(f) => Outcome::NotRead(f.status, f.reason),
            Ok(doc) => Outcome::Fixed {
                fixed: gongwen::fix::fix_text(&doc.file, &doc.text, seg, &checker),
                doc_format: doc.format,
                encoding: doc.encoding.clone(),
                undecodable: doc.undecodable,
                old: doc.text,
            },
        };
        (i.display().to_string(), path, outcome)
    };
    let mut stdout = std::io::stdout().lock();
    let (mut changed, mut fixes, mut failed) = (0usize, 0usize, 0usize);
    // Word documents given a revised copy, and the tracked changes in them.
    let (mut revised, mut revisions) = (0usize, 0usize);
    let handled = pipeline::for_each_ordered(
        &inputs,
        work,
        |(file, path, outcome): (String, Option<PathBuf>, Outcome)| {
            let (old, fixed, doc_format, encoding, undecodable) = match outcome {
                Outcome::NotRead(status, reason) => {
                    if status != Status::Skipped || !a.input.quiet {
                        eprintln!("{}", not_read_line(&file, status, &reason));
                    }
                    failed += usize::from(status == Status::Error);
                    return Ok(());
                }
                Outcome::Fixed {
                    old,
                    fixed,
                    doc_format,
                    encoding,
                    undecodable,
                } => (old, fixed, doc_format, encoding, undecodable),
            };
            if fixed.text == old {
                return Ok(());
            }
            let n = fixed.counts.iter().map(|(_, n)| n).sum::<usize>();
            if !a.write {
                changed += 1;
                fixes += n;
                let diff = gongwen::fix::unified_diff(&file, &old, &fixed.text);
                return stdout.write_all(diff.as_bytes());
            }
            let why_not = match (doc_format, &path) {
                (_, None) => Some(tr(
                    "标准输入无法改写，请用 --diff",
                    "standard input cannot be rewritten; use --diff",
                )),
                // Only a text file is its own text: any other container would be overwritten by
                // what was read out of it.
                (Format::Pdf | Format::Ofd, _) => Some(tr(
                    "PDF、OFD文件只读出了文字，无法在原处改写，请用 --diff 查看修改后在原文件中改正",
                    "only the text of a PDF or OFD file is read, so it cannot be rewritten; use --diff and make the changes in the original",
                )),
                (Format::Doc | Format::Wps, _) => Some(tr(
                    "仅支持.docx格式的Word文档；.doc、.wps文件请用 --diff 查看修改后在Word中改正，或另存为.docx",
                    "only .docx Word documents are revised; for .doc and .wps use --diff and make the changes in Word, or save them as .docx",
                )),
                (Format::Html, _) => Some(tr(
                    "网页只读出了文字，无法在原处改写，请用 --diff",
                    "only the text of a web page is read, so it cannot be rewritten; use --diff",
                )),
                _ if undecodable > 0 => Some(tr(
                    "文件含无法解码的字节，改写会丢失它们，请用 --diff",
                    "the file has bytes that could not be decoded and rewriting would lose them; use --diff",
                )),
                _ => None,
            };
            if let (None, Format::Docx, Some(p)) = (why_not, doc_format, &path) {
                match write_revised(p, &old, &fixed.edits, read.max_file_bytes) {
                    Ok((to, placed)) => {
                        revised += 1;
                        revisions += placed;
                        if !a.input.quiet {
                            let to = to.display();
                            eprintln!(
                                "{}",
                                msg!(
                                    zh = "{file}：修订稿写入 {to}（{placed} 处修订）",
                                    en = "{file}: revised copy written to {to} ({placed} tracked changes)"
                                )
                            );
                        }
                        if placed < fixed.edits.len() {
                            let left = fixed.edits.len() - placed;
                            eprintln!(
                                "{}",
                                msg!(
                                    zh = "{file}：另有 {left} 处修改无法在文档中作为修订标出（跨越制表符、段落或已有修订），请用 --diff 查看",
                                    en = "{file}: {left} more changes could not be marked as tracked changes (across a tab, a paragraph or an existing change); see --diff"
                                )
                            );
                        }
                    }
                    Err(reason) => {
                        eprintln!(
                            "{}",
                            msg!(
                                zh = "{file}：未写出修订稿：{reason}",
                                en = "{file}: no revised copy written: {reason}"
                            )
                        );
                        failed += 1;
                    }
                }
                return Ok(());
            }
            // Standard input (no path) always has a reason not to be rewritten.
            let refused = match why_not {
                Some(reason) => Some(reason.to_string()),
                None => path.and_then(|p| write_back(&p, &old, &fixed.text, &encoding).err()),
            };
            if let Some(reason) = refused {
                eprintln!(
                    "{}",
                    msg!(
                        zh = "{file}：未改写：{reason}",
                        en = "{file}: not rewritten: {reason}"
                    )
                );
                failed += 1;
            } else {
                // Counted only once written: a file refused is not among those rewritten.
                changed += 1;
                fixes += n;
            }
            Ok(())
        },
    );
    match handled {
        Ok(()) => {}
        Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(write_failed(e)),
    }
    stdout.flush().map_err(write_failed)?;
    if !a.input.quiet && revised > 0 {
        eprintln!(
            "{}",
            msg!(
                zh = "已为 {revised} 个Word文档另写出修订稿（*.fixed.docx），共 {revisions} 处修订；原文件未改动。",
                en = "Wrote revised copies (*.fixed.docx) of {revised} Word documents, {revisions} tracked changes; the originals are untouched."
            )
        );
    }
    if !a.input.quiet && (revised == 0 || changed > 0) {
        let line = if a.write {
            msg!(
                zh = "已改写 {changed} 个文件，共 {fixes} 处（原文件另存为 .bak）。",
                en = "Rewrote {changed} files, {fixes} fixes (the originals are kept as .bak)."
            )
        } else {
            msg!(
                zh = "{changed} 个文件共有 {fixes} 处可安全修正；加 --write 即改写。",
                en = "{changed} files have {fixes} safe fixes; add --write to apply them."
            )
        };
        eprintln!("{line}");
    }
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The name of the revised copy of the Word document `path`: `X.docx` gives `X.fixed.docx`
/// beside it.
pub(crate) fn revised_name(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let ext = path
        .extension()
        .map_or("docx".into(), |e| e.to_string_lossy());
    path.with_file_name(format!("{stem}.fixed.{ext}"))
}

/// Writes beside the Word document `path`, whose text is `text`, a copy with `edits` (of that
/// text) as tracked changes; the original is never written. The copy's path and the number of
/// edits it marks.
fn write_revised(
    path: &Path,
    text: &str,
    edits: &[gongwen::fix::Edit],
    limit: u64,
) -> Result<(PathBuf, usize), String> {
    use std::io::Read as _;
    // Read again, so capped again: the file may have grown since.
    let mut original = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut original))
        .map_err(|e| e.to_string())?;
    if original.len() as u64 > limit {
        return Err(msg!(
            zh = "文件超过大小上限（{limit}字节）",
            en = "the file is larger than the limit ({limit} bytes)"
        ));
    }
    let copy = gongwen::output::annotate_docx::docx_copy(&original, text, &[], edits, limit)?;
    let to = revised_name(path);
    std::fs::write(&to, copy.bytes)
        .map_err(|e| msg!(zh = "{}：{e}", en = "{}: {e}", to.display()))?;
    Ok((to, copy.revised))
}

/// Writes `new` over `path` in the file's own encoding, keeping the original as `.bak`. Only an
/// encoding that gives back the original bytes from `old` is trusted to write `new`.
fn write_back(path: &Path, old: &str, new: &str, encoding: &str) -> Result<(), String> {
    let original = std::fs::read(path).map_err(|e| e.to_string())?;
    let encode = |s: &str| -> Option<Vec<u8>> {
        match encoding {
            "UTF-8" => Some(s.as_bytes().to_vec()),
            "UTF-8-BOM" => Some([b"\xEF\xBB\xBF", s.as_bytes()].concat()),
            label => {
                let enc = input::decode::encoding_for_label(label)?;
                let (bytes, _, unmappable) = enc.encode(s);
                (!unmappable && enc.output_encoding() == enc).then(|| bytes.into_owned())
            }
        }
    };
    if encode(old).as_deref() != Some(original.as_slice()) {
        return Err(msg!(
            zh = "无法按原编码（{encoding}）写回，请用 --diff",
            en = "cannot be written back in its encoding ({encoding}); use --diff"
        ));
    }
    let bytes = encode(new).ok_or_else(|| {
        msg!(
            zh = "修正后的文字无法用原编码（{encoding}）表示",
            en = "the fixed text cannot be written in its encoding ({encoding})"
        )
    })?;
    let mut bak = path.as_os_str().to_owned();
    bak.push(".bak");
    std::fs::write(&bak, &original).map_err(|e| e.to_string())?;
    std::fs::write(path, bytes).map_err(|e| e.to_string())
}
