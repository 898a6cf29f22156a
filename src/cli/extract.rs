//! `gongwen extract`: every table of a run into a directory, or a stream of JSON lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::args::*;
use super::progress::Progress;
use gongwen::i18n::Lang;
use gongwen::input::jsonl::{self, Line, Lines};
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
    /// 输出格式：csv（每个表一个CSV文件，UTF-8带BOM）、jsonl（一个 gongwen.jsonl，每行一个JSON对象）、xlsx（一个 gongwen.xlsx 工作簿，每个表一个工作表）
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
    gongwen::pipeline::warm_up();
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
        terms: Some(&term_opts),
    };
    let Some(output) = a.output.filter(|_| !a.stdin_jsonl) else {
        return run_stdin_jsonl(&ctx);
    };
    need_paths(&a.input)?;
    let inputs = listed.unwrap_or_default();
    let zh = a.headers == HeaderLang::Zh;
    let mut notes = None;
    let sink: Box<dyn pipeline::Sink> = match a.format {
        TableFormat::Csv => CsvDirSink::create(&output, !a.no_bom, zh).map(|s| Box::new(s) as _),
        TableFormat::Jsonl => JsonlFileSink::create(&output).map(|s| Box::new(s) as _),
        TableFormat::Xlsx => XlsxSink::create(&output, zh).map(|s| {
            notes = Some(s.notes());
            Box::new(s) as _
        }),
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
    // What did not fit a workbook is said even under -q: the workbook differs from the
    // other formats there.
    for note in notes
        .iter()
        .flat_map(|n| n.lock().map(|n| n.clone()).unwrap_or_default())
    {
        eprintln!("{}", msg!(zh = "注意：{note}", en = "note: {note}"));
    }
    report(&summary, a.input.quiet, &output.display().to_string());
    Ok(exit_for(&summary))
}

/// Streams documents from standard input to JSON lines on standard output, a chunk at a time,
/// so memory does not grow with the input. There is no batch stage: each line stands alone,
/// and a line that is no document gets its own error record while the stream goes on.
fn run_stdin_jsonl(ctx: &Context) -> Result<ExitCode, String> {
    let stdin = std::io::stdin();
    let mut lines = Lines::new(stdin.lock(), ctx.read.max_file_bytes);
    let stdout = std::io::stdout();
    let mut out = JsonlSink::new(std::io::BufWriter::new(stdout.lock()));
    let mut summary = Summary::default();
    let chunk = pipeline::chunk_size();
    let cap = ctx.read.max_file_bytes;
    let mut done = false;
    // A line read but left for the next batch, which it would have taken over its budget.
    let mut carried = None;
    while !done {
        let mut batch = Vec::with_capacity(chunk);
        // A batch holds at most `cap` bytes of lines as well as `chunk` lines (one longer line
        // goes alone), so that memory stays a multiple of the cap: 64 lines each under the
        // cap once took 64 times the memory of one.
        let mut bytes = 0u64;
        while batch.len() < chunk {
            let next = match carried.take() {
                Some(l) => Some(l),
                None => lines.next_line().map_err(|e| {
                    msg!(
                        zh = "读取标准输入失败：{e}",
                        en = "reading standard input failed: {e}"
                    )
                })?,
            };
            let Some((n, line)) = next else {
                done = true;
                break;
            };
            let len = match &line {
                Line::Bytes(b) => b.len() as u64,
                Line::TooLong(_) => 0,
            };
            if !batch.is_empty() && bytes + len > cap {
                carried = Some((n, line));
                break;
            }
            bytes += len;
            batch.push((n, line));
        }
        // The one ordered driver of every command, a batch of lines at a time. Each line is
        // taken out of its slot by the worker that reads it, so that its bytes are let go
        // before its text is analysed.
        let slots: Vec<(usize, std::sync::Mutex<Line>)> = batch
            .into_iter()
            .map(|(n, line)| (n, std::sync::Mutex::new(line)))
            .collect();
        let written = pipeline::for_each_ordered(
            &slots,
            |(n, slot)| {
                let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
                let line = std::mem::replace(&mut *slot, Line::Bytes(Vec::new()));
                drop(slot);
                let doc = jsonl::document(*n, &line, cap);
                drop(line);
                pipeline::process_loaded(doc, ctx)
            },
            |r| {
                summary.add(r.status);
                r.write_rows(|t, row| out.write_row(t, row))
            },
        );
        match written {
            Ok(()) => {}
            Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
            Err(e) => return Err(write_failed(e)),
        }
    }
    match out.into_inner().flush() {
        Err(e) if !is_broken_pipe(&e) => return Err(write_failed(e)),
        _ => {}
    }
    Ok(exit_for(&summary))
}
