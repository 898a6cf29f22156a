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

/// One line of `--stdin-jsonl` input.
#[derive(serde::Deserialize)]
struct JsonDoc {
    id: serde_json::Value,
    text: String,
}

/// Streams documents from standard input to JSON lines on standard output, a chunk at a time,
/// so memory does not grow with the input. There is no batch stage: each line stands alone,
/// and a line that is no document gets its own error record while the stream goes on.
fn run_stdin_jsonl(ctx: &Context) -> Result<ExitCode, String> {
    use rayon::prelude::*;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = JsonlSink::new(std::io::BufWriter::new(stdout.lock()));
    let mut summary = Summary::default();
    let chunk = pipeline::chunk_size();
    let cap = ctx.read.max_file_bytes;
    let mut n = 0usize;
    let mut done = false;
    while !done {
        let mut batch = Vec::with_capacity(chunk);
        while batch.len() < chunk {
            let Some(line) = read_line(&mut input, cap).map_err(|e| {
                msg!(
                    zh = "读取标准输入失败：{e}",
                    en = "reading standard input failed: {e}"
                )
            })?
            else {
                done = true;
                break;
            };
            n += 1;
            let mut line = line;
            if n == 1 {
                if let Line::Bytes(b) = &mut line {
                    if b.starts_with(b"\xEF\xBB\xBF") {
                        b.drain(..3);
                    }
                }
            }
            if matches!(&line, Line::Bytes(b) if b.trim_ascii().is_empty()) {
                continue;
            }
            batch.push((n, line));
        }
        let lang = i18n::lang();
        let results: Vec<_> = batch
            .par_iter()
            .map(|(n, line)| {
                i18n::with_lang(lang, || {
                    pipeline::process_loaded(json_document(*n, line, cap), ctx)
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

/// One line of standard input: its bytes, without the line break, or its length where it is
/// longer than the limit (then only that much of it was kept).
enum Line {
    Bytes(Vec<u8>),
    TooLong(u64),
}

/// Reads one line, keeping at most `cap` bytes of it; `None` at the end of the input. A last
/// line without a line break is a line.
fn read_line(r: &mut impl std::io::BufRead, cap: u64) -> std::io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let mut len = 0u64;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            if !any {
                return Ok(None);
            }
            break;
        }
        any = true;
        let (part, used, end) = match memchr::memchr(b'\n', avail) {
            Some(i) => (&avail[..i], i + 1, true),
            None => (avail, avail.len(), false),
        };
        len += part.len() as u64;
        if len <= cap {
            bytes.extend_from_slice(part);
        } else {
            // Past the limit nothing more is kept: the line is refused, whatever its length.
            bytes = Vec::new();
        }
        r.consume(used);
        if end {
            break;
        }
    }
    if len > cap {
        return Ok(Some(Line::TooLong(len)));
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(Some(Line::Bytes(bytes)))
}

/// The document of line `n`, or the reason it is none.
fn json_document(n: usize, line: &Line, cap: u64) -> Result<gongwen::Document, input::Failure> {
    let bad = |reason: String| input::Failure {
        file: format!("<stdin>:{n}"),
        status: Status::Error,
        format: "jsonl".into(),
        encoding: String::new(),
        reason,
    };
    let bytes = match line {
        Line::Bytes(b) => b,
        Line::TooLong(len) => {
            return Err(bad(msg!(
                zh = "第{n}行长{:.1} MB，超过上限 {:.1} MB（可用 --max-file-size 调整）",
                en = "line {n} is {:.1} MB long, over the limit of {:.1} MB (see --max-file-size)",
                *len as f64 / 1048576.0,
                cap as f64 / 1048576.0
            )))
        }
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        bad(msg!(
            zh = "第{n}行不是有效的UTF-8（第{}字节起）",
            en = "line {n} is not valid UTF-8 (from byte {})",
            e.valid_up_to() + 1
        ))
    })?;
    // serde reads a struct from an array as well as from an object; a line is a document
    // only as an object.
    if !text.trim_start().starts_with('{') {
        return Err(bad(msg!(
            zh = "第{n}行不是JSON对象 {{\"id\", \"text\"}}",
            en = "line {n} is not a JSON object {{\"id\", \"text\"}}"
        )));
    }
    match serde_json::from_str::<JsonDoc>(text) {
        Ok(d) => {
            let id = match d.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            Ok(gongwen::Document::from_text(id, d.text))
        }
        Err(e) => Err(bad(msg!(
            zh = "第{n}行不是有效的 {{\"id\", \"text\"}} JSON：{e}",
            en = "line {n} is not valid {{\"id\", \"text\"}} JSON: {e}"
        ))),
    }
}
