//! `gongwen extract`: every table of a run into a directory, or a stream of JSON lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::args::*;
use super::progress::Progress;
use gongwen::i18n::{self, Lang};
use gongwen::input::{self, Status};
use gongwen::msg;
use gongwen::output::sink::{CsvDirSink, JsonlFileSink, JsonlSink};
use gongwen::output::xlsx::XlsxSink;
use gongwen::output::zh::ChineseValues;
use gongwen::pipeline::{self, Context, Summary};

#[derive(Args, Debug)]
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// 输出目录（不存在时自动创建）
    #[arg(
        long,
        short,
        value_name = "DIR",
        required_unless_present = "stdin_jsonl"
    )]
    pub(crate) output: Option<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    pub(crate) format: TableFormat,
    /// 流式处理：从标准输入逐行读取 {"id": …, "text": …}，向标准输出逐行写出结果（JSON）
    #[arg(long, conflicts_with_all = ["paths", "output"])]
    pub(crate) stdin_jsonl: bool,
    /// 表头语言：en（英文列名，默认）或 zh（中文列名）；仅用于CSV与XLSX
    #[arg(long, value_enum, default_value_t = HeaderLang::En)]
    pub(crate) headers: HeaderLang,
    /// 不在CSV开头写入BOM
    #[arg(long)]
    pub(crate) no_bom: bool,
    #[command(flatten)]
    pub(crate) terms: TermArgs,
}

pub(crate) fn run_extract(a: ExtractArgs, lang: Lang) -> Result<ExitCode, String> {
    let read = read_options(&a.input)?;
    let config = load_config(&a.input)?;
    setup_threads(a.input.threads);
    gongwen::segment::prewarm_unknown_word_tags();
    let listed = match (&a.output, a.stdin_jsonl) {
        (Some(out), false) => Some(input::expand_excluding(
            &a.input.paths,
            std::slice::from_ref(out),
        )),
        _ => None,
    };
    let seg = segmenter(&config, &a.terms.dict)?;
    let term_opts = term_options(&a.terms)?;
    let checker = checker(&config, &a.input, lang)?;
    let ctx = Context {
        read,
        seg,
        checker: &checker,
        terms: &term_opts,
    };
    let Some(output) = a.output.filter(|_| !a.stdin_jsonl) else {
        return run_stdin_jsonl(&ctx);
    };
    need_paths(&a.input)?;
    let inputs = listed.unwrap_or_default();
    let zh = a.headers == HeaderLang::Zh;
    let sink: Box<dyn pipeline::Sink> = match a.format {
        TableFormat::Csv => CsvDirSink::create(&output, !a.no_bom, zh).map(|s| Box::new(s) as _),
        TableFormat::Jsonl => JsonlFileSink::create(&output).map(|s| Box::new(s) as _),
        TableFormat::Xlsx => XlsxSink::create(&output, zh).map(|s| Box::new(s) as _),
    }
    .map_err(|e| {
        msg!(
            zh = "无法在 {} 中创建输出：{e}",
            en = "cannot create the output in {}: {e}",
            output.display()
        )
    })?;
    // JSON lines are for programs: their values stay the contract's English.
    let sink = if zh && a.format != TableFormat::Jsonl {
        Box::new(ChineseValues::new(sink))
    } else {
        sink
    };
    let mut progress = Progress::new(inputs.len(), !a.input.quiet);
    let quiet = a.input.quiet;
    let summary = pipeline::extract(&inputs, &ctx, sink, &mut |r| {
        progress.inc(r.bytes);
        // A file not read is always named, even with -q; its row in documents.csv says it too.
        if let Some(reason) = &r.reason {
            if r.status != Status::Skipped || !quiet {
                progress.note(&not_read_line(&r.file, r.status, reason));
            }
        }
    })
    .map_err(|e| output_failed(&output, e))?;
    progress.finish();
    report(&summary, a.input.quiet, &output.display().to_string());
    Ok(exit_for(&summary))
}

/// One line of `--stdin-jsonl` input.
#[derive(serde::Deserialize)]
struct JsonDoc {
    id: serde_json::Value,
    text: String,
}

/// Streams documents from standard input to JSON lines on standard output, a chunk at a time,
/// so memory does not grow with the input. There is no batch stage: each line stands alone.
fn run_stdin_jsonl(ctx: &Context) -> Result<ExitCode, String> {
    use rayon::prelude::*;
    use std::io::BufRead;
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines().enumerate();
    let stdout = std::io::stdout();
    let mut out = JsonlSink::new(std::io::BufWriter::new(stdout.lock()));
    let mut summary = Summary::default();
    let chunk = pipeline::chunk_size();
    loop {
        let mut batch = Vec::with_capacity(chunk);
        for (n, line) in lines.by_ref() {
            let line = line.map_err(|e| {
                msg!(
                    zh = "读取标准输入失败：{e}",
                    en = "reading standard input failed: {e}"
                )
            })?;
            if line.trim().is_empty() {
                continue;
            }
            batch.push((n + 1, line));
            if batch.len() == chunk {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let lang = i18n::lang();
        let results: Vec<_> = batch
            .par_iter()
            .map(|(n, line)| {
                i18n::with_lang(lang, || {
                    let loaded = match serde_json::from_str::<JsonDoc>(line) {
                        Ok(d) => {
                            let id = match d.id {
                                serde_json::Value::String(s) => s,
                                other => other.to_string(),
                            };
                            Ok(gongwen::Document::from_text(id, d.text))
                        }
                        Err(e) => Err(input::Failure {
                            file: format!("<stdin>:{n}"),
                            status: Status::Error,
                            format: "jsonl".into(),
                            encoding: String::new(),
                            reason: msg!(
                                zh = "第{n}行不是有效的 {{\"id\", \"text\"}} JSON：{e}",
                                en = "line {n} is not valid {{\"id\", \"text\"}} JSON: {e}"
                            ),
                        }),
                    };
                    pipeline::process_loaded(loaded, ctx)
                })
            })
            .collect();
        for r in results {
            summary.add(r.status);
            for (t, row) in r.rows.iter() {
                match out.write_row(*t, row) {
                    Ok(()) => {}
                    Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
                    Err(e) => return Err(write_failed(e)),
                }
            }
        }
    }
    match out.into_inner().flush() {
        Err(e) if !is_broken_pipe(&e) => return Err(write_failed(e)),
        _ => {}
    }
    Ok(exit_for(&summary))
}
