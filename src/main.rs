//! The `gongwen` command line: a thin shell over the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use gongwen::check::{self, Checker, Config, Located, Severity};
use gongwen::i18n::{self, tr, Lang};
use gongwen::input::{self, ReadOptions, Status};
use gongwen::msg;
use gongwen::output::csv::{AtomicFile, CsvTable};
use gongwen::output::diagnostics::{self, Style};
use gongwen::output::sink::{CsvDirSink, JsonlFileSink, JsonlSink};
use gongwen::output::tables::TableId;
use gongwen::output::xlsx::XlsxSink;
use gongwen::pipeline::{self, Context, Summary};
use gongwen::progress::Progress;
use gongwen::segment::Segmenter;
use gongwen::terms;
use gongwen::tokens_csv;

/// 公文阅读与核查工具：提取数字、发文字号与引用，检查常见差错，生成可导入表格的CSV。
#[derive(Parser, Debug)]
#[command(name = "gongwen", version, about, long_about = None)]
struct Cli {
    /// 消息语言：zh（中文，默认）或 en（英文）；也可设环境变量 GONGWEN_LANG
    #[arg(
        long,
        global = true,
        value_enum,
        env = "GONGWEN_LANG",
        ignore_case = true,
        default_value_t = MessageLang::Zh
    )]
    lang: MessageLang,
    #[command(subcommand)]
    command: Command,
}

/// The language of messages (`--lang`); column names and rule ids do not change with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum MessageLang {
    Zh,
    En,
}

impl From<MessageLang> for Lang {
    fn from(l: MessageLang) -> Lang {
        match l {
            MessageLang::Zh => Lang::Zh,
            MessageLang::En => Lang::En,
        }
    }
}

fn write_failed(e: impl std::fmt::Display) -> String {
    msg!(zh = "写入失败：{e}", en = "write failed: {e}")
}

#[derive(Subcommand, Debug)]
enum Command {
    /// 检查公文中的问题，按编译器格式列出（文件:行:列、级别、规则、说明）
    Check(CheckArgs),
    /// 提取全部表格（documents.csv、findings.csv 等）写入目录
    Extract(ExtractArgs),
    /// jieba分词：每个词一行（file,line,column,token,pos）
    Segment(SegmentArgs),
    /// 词频统计与关键词提取：写入 terms.csv（每个文件的前N个关键词及全部文件合计）
    Terms(TermsArgs),
    /// 列出全部检查规则；给出规则名时显示该规则的说明
    Rules {
        /// 规则名，如 docno-bracket-form
        id: Option<String>,
    },
    /// 在当前目录写入带注释的默认配置文件 gongwen.toml
    Init,
    /// 输出命令行补全脚本（bash、zsh、fish、powershell、elvish）
    Completions { shell: clap_complete::Shell },
    /// 输出 man 手册页（roff 格式）
    Man,
}

#[derive(Args, Debug)]
struct InputArgs {
    /// 文件、目录（递归读取）或 - 表示标准输入
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// 指定文本编码（如 gbk、gb18030、utf-16le、big5），不自动检测
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
    /// 单个文件大小上限（MB）
    #[arg(long, value_name = "MB", default_value_t = 256)]
    max_file_size: u64,
    /// 并行线程数（默认：全部CPU核）
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// 不输出进度与汇总信息
    #[arg(long, short)]
    quiet: bool,
    /// 配置文件（默认：在当前目录及上级目录中查找 gongwen.toml）
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// 本单位的文件登记簿（CSV：title,docnum,issuer,date,status），可重复
    #[arg(long, value_name = "FILE.csv")]
    registry: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    /// 每个表一个CSV文件（UTF-8带BOM）
    Csv,
    /// 一个 gongwen.jsonl，每行一个JSON对象，table 字段为表名
    Jsonl,
    /// 一个 gongwen.xlsx 工作簿，每个表一个工作表
    Xlsx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum HeaderLang {
    En,
    Zh,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// 输出目录（不存在时自动创建）
    #[arg(
        long,
        short,
        value_name = "DIR",
        required_unless_present = "stdin_jsonl"
    )]
    output: Option<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    format: TableFormat,
    /// 流式处理：从标准输入逐行读取 {"id": …, "text": …}，向标准输出逐行写出结果（JSON）
    #[arg(long, conflicts_with_all = ["paths", "output"])]
    stdin_jsonl: bool,
    /// 表头语言：en（英文列名，默认）或 zh（中文列名）；仅用于CSV与XLSX
    #[arg(long, value_enum, default_value_t = HeaderLang::En)]
    headers: HeaderLang,
    /// 不在CSV开头写入BOM
    #[arg(long)]
    no_bom: bool,
    #[command(flatten)]
    terms: TermArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TermMethod {
    Tfidf,
    Textrank,
}

/// Options of terms.csv, shared by `extract` and `terms`.
#[derive(Args, Debug)]
struct TermArgs {
    /// 每个文件列出的关键词数（0 表示全部）
    #[arg(long, value_name = "N", default_value_t = 50)]
    top: usize,
    /// 关键词排序方法
    #[arg(long, value_enum, default_value_t = TermMethod::Tfidf)]
    method: TermMethod,
    /// 去掉公文套话（进一步、加强、推进、工作、有关……，见 dicts/boilerplate.txt）
    #[arg(long)]
    no_boilerplate: bool,
    /// 追加停用词表（每行一个词），可重复
    #[arg(long, value_name = "FILE")]
    stopwords: Vec<PathBuf>,
    /// 追加jieba格式的用户词典（词 词频 词性），可重复
    #[arg(long, value_name = "FILE")]
    dict: Vec<PathBuf>,
    /// 统计给定词表（每行一个词）在每个文件中出现的次数，写入 term_counts.csv
    #[arg(long, value_name = "FILE")]
    terms_from: Option<PathBuf>,
    /// 把数字也算作词
    #[arg(long)]
    with_numbers: bool,
    /// 把单字也算作词
    #[arg(long)]
    with_single_chars: bool,
}

#[derive(Args, Debug)]
struct TermsArgs {
    #[command(flatten)]
    input: InputArgs,
    /// 输出目录（写入 terms.csv，给出 --terms-from 时还有 term_counts.csv）
    #[arg(long, short, value_name = "DIR")]
    output: PathBuf,
    /// 表头语言：en（英文列名，默认）或 zh（中文列名）
    #[arg(long, value_enum, default_value_t = HeaderLang::En)]
    headers: HeaderLang,
    /// 不在CSV开头写入BOM
    #[arg(long)]
    no_bom: bool,
    #[command(flatten)]
    terms: TermArgs,
}

fn read_text(p: &Path, what: &str) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| {
        msg!(
            zh = "无法读取{what} {}：{e}",
            en = "cannot read the {what} {}: {e}",
            p.display()
        )
    })
}

fn term_options(a: &TermArgs) -> Result<terms::Options, String> {
    let mut o = terms::Options::default();
    o.top = a.top;
    o.method = match a.method {
        TermMethod::Tfidf => terms::Method::TfIdf,
        TermMethod::Textrank => terms::Method::TextRank,
    };
    o.numbers = a.with_numbers;
    o.single_chars = a.with_single_chars;
    if a.no_boilerplate {
        o.drop_boilerplate();
    }
    for p in &a.stopwords {
        o.add_stop_words(&read_text(p, tr("停用词表", "stop-word list"))?);
    }
    if let Some(p) = &a.terms_from {
        let text = read_text(p, tr("词表", "word list"))?;
        let mut seen = std::collections::HashSet::new();
        o.codebook = terms::parse_word_list(&text)
            .filter(|w| seen.insert(w.to_string()))
            .map(String::from)
            .collect();
        if o.codebook.is_empty() {
            return Err(msg!(
                zh = "词表 {} 中没有词",
                en = "the word list {} has no words",
                p.display()
            ));
        }
    }
    Ok(o)
}

#[derive(Args, Debug)]
struct SegmentArgs {
    #[command(flatten)]
    input: InputArgs,
    /// 输出文件（默认：标准输出）
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// 不在CSV开头写入BOM（写入文件时默认带BOM）
    #[arg(long)]
    no_bom: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Text,
    Csv,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Args, Debug)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// 写入文件（默认：标准输出）
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// 达到该级别的问题使退出状态为1（默认取配置文件，否则为 error）
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// 不在CSV开头写入BOM
    #[arg(long)]
    no_bom: bool,
    /// 逐处列出通篇一致的写法问题（默认只在首处报告一次并给出总数）
    #[arg(long)]
    verbose: bool,
}

fn output_failed(e: impl std::fmt::Display) -> String {
    msg!(
        zh = "写入输出失败：{e}",
        en = "writing the output failed: {e}"
    )
}

fn cannot_create(path: &Path, e: impl std::fmt::Display) -> String {
    msg!(
        zh = "无法创建输出文件 {}：{e}",
        en = "cannot create the output file {}: {e}",
        path.display()
    )
}

fn need_paths(a: &InputArgs) -> Result<(), String> {
    if a.paths.is_empty() {
        Err(tr(
            "请给出至少一个文件或目录（- 表示标准输入）",
            "give at least one file or directory (- for standard input)",
        )
        .to_string())
    } else {
        Ok(())
    }
}

fn read_options(a: &InputArgs) -> Result<ReadOptions, String> {
    let encoding = match &a.encoding {
        Some(label) => Some(input::decode::encoding_for_label(label).ok_or_else(|| {
            msg!(
                zh = "不认识的编码名称：{label}",
                en = "unknown encoding name: {label}"
            )
        })?),
        None => None,
    };
    Ok(ReadOptions {
        encoding,
        max_file_bytes: a.max_file_size.saturating_mul(1024 * 1024),
    })
}

fn load_config(a: &InputArgs) -> Result<Config, String> {
    let known = |id: &str| check::rule(id).is_some();
    let path = match &a.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| Config::discover(&d)),
    };
    match path {
        Some(p) => Config::load(&p, known).map_err(|e| e.to_string()),
        None => Ok(Config::default()),
    }
}

/// The segmenter of a run: the shared default, or one with the configured dictionaries and
/// those given on the command line.
fn segmenter(config: &Config, extra: &[PathBuf]) -> Result<&'static Segmenter, String> {
    if config.dicts.is_empty() && extra.is_empty() {
        return Ok(Segmenter::global());
    }
    let mut texts = Vec::new();
    for p in config.dicts.iter().chain(extra) {
        texts.push(std::fs::read_to_string(p).map_err(|e| {
            msg!(
                zh = "无法读取词典 {}：{e}",
                en = "cannot read the dictionary {}: {e}",
                p.display()
            )
        })?);
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let seg = Segmenter::with_dicts(&refs).map_err(|e| e.to_string())?;
    Ok(Box::leak(Box::new(seg)))
}

/// The checker of a run: configured rules plus the users' registers.
fn checker(config: &Config, a: &InputArgs) -> Result<Checker, String> {
    let mut registers = Vec::new();
    for p in config.registries.iter().chain(&a.registry) {
        registers.push(gongwen::registry::Register::load(p)?);
    }
    Ok(Checker::new(config).with_registers(registers))
}

fn setup_threads(n: Option<usize>) {
    if let Some(n) = n.filter(|n| *n > 0) {
        // Only fails if the pool was already built, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
}

fn is_broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

fn report(summary: &Summary, quiet: bool, dest: &str) {
    if quiet {
        return;
    }
    let files = summary.ok + summary.skipped + summary.errors;
    let file_s = diagnostics::plural(files, "file", "files");
    let (ok, skipped, failed) = (summary.ok, summary.skipped, summary.errors);
    eprintln!(
        "{}",
        msg!(
            zh = "已处理 {files} 个文件：成功 {ok}，跳过 {skipped}，失败 {failed}；结果：{dest}",
            en = "Processed {files} {file_s}: {ok} ok, {skipped} skipped, {failed} failed; output: {dest}"
        )
    );
}

fn exit_for(summary: &Summary) -> ExitCode {
    if summary.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_extract(a: ExtractArgs) -> Result<ExitCode, String> {
    let read = read_options(&a.input)?;
    let config = load_config(&a.input)?;
    setup_threads(a.input.threads);
    gongwen::segment::prewarm_unknown_word_tags();
    let listed = (a.output.is_some() && !a.stdin_jsonl).then(|| input::expand(&a.input.paths));
    let seg = segmenter(&config, &a.terms.dict)?;
    let term_opts = term_options(&a.terms)?;
    let checker = checker(&config, &a.input)?;
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
    let mut progress = Progress::new(inputs.len(), !a.input.quiet);
    let summary = pipeline::extract(&inputs, &ctx, sink, &mut |r| progress.inc(r.bytes))
        .map_err(output_failed)?;
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
        let results: Vec<_> = batch
            .par_iter()
            .map(|(n, line)| {
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

/// Where `check` writes its findings.
enum FindingOut<'w> {
    Text(&'w mut dyn Write, Style),
    Csv(Box<CsvTable<&'w mut dyn Write>>),
    Jsonl(&'w mut dyn Write),
}

impl FindingOut<'_> {
    fn write(&mut self, f: &Located) -> std::io::Result<()> {
        match self {
            FindingOut::Text(w, style) => {
                writeln!(w, "{}", diagnostics::render(f, *style))
            }
            FindingOut::Csv(t) => t.write_row(&pipeline::finding_row(f)),
            FindingOut::Jsonl(w) => {
                let related: Vec<String> = f.related.iter().map(|l| l.to_string()).collect();
                let v = serde_json::json!({
                    "file": f.at.file, "line": f.at.line, "column": f.at.column,
                    "rule": f.rule, "severity": f.severity.as_str(), "message": f.message,
                    "text": f.text, "related": related.join(";"),
                });
                writeln!(w, "{v}")
            }
        }
    }

    fn finish(self) -> std::io::Result<()> {
        match self {
            FindingOut::Text(w, _) | FindingOut::Jsonl(w) => w.flush(),
            FindingOut::Csv(t) => (*t).finish()?.flush(),
        }
    }
}

#[derive(Default)]
struct Counts {
    error: usize,
    warning: usize,
    info: usize,
    fail: bool,
}

fn run_check(a: CheckArgs) -> Result<ExitCode, String> {
    need_paths(&a.input)?;
    if a.verbose {
        check::rules::VERBOSE.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let read = read_options(&a.input)?;
    let mut config = load_config(&a.input)?;
    if let Some(f) = a.fail_on {
        config.fail_on = Some(match f {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        });
    }
    setup_threads(a.input.threads);
    gongwen::segment::prewarm_unknown_word_tags();
    let seg = segmenter(&config, &[])?;
    let checker = checker(&config, &a.input)?;
    let inputs = input::expand(&a.input.paths);
    let term_opts = terms::Options::default();
    let ctx = Context {
        read,
        seg,
        checker: &checker,
        terms: &term_opts,
    };
    let mut summary = Summary::default();
    let mut counts = Counts::default();
    let quiet = a.input.quiet;
    let run = |out: &mut dyn Write,
               summary: &mut Summary,
               counts: &mut Counts,
               style: Style|
     -> std::io::Result<()> {
        let mut fo = match a.format {
            CheckFormat::Text => FindingOut::Text(out, style),
            CheckFormat::Csv => FindingOut::Csv(Box::new(CsvTable::new(
                out,
                TableId::Findings.header(),
                !a.no_bom && a.output.is_some(),
            )?)),
            CheckFormat::Jsonl => FindingOut::Jsonl(out),
        };
        let mut batch = Vec::new();
        let emit = |f: &Located, fo: &mut FindingOut, counts: &mut Counts| {
            match f.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
            counts.fail |= f.severity >= checker.fail_on;
            fo.write(f)
        };
        pipeline::for_each_batch_ordered(
            &pipeline::batches(&inputs),
            |b| pipeline::process_batch(b, &ctx),
            |res| {
                summary.add(res.status);
                if let (Some(reason), false) = (&res.reason, quiet) {
                    let what = if res.status == Status::Skipped {
                        tr("已跳过", "skipped")
                    } else {
                        tr("无法读取", "cannot read")
                    };
                    eprintln!("{}: {what}{}{reason}", res.file, tr("：", ": "));
                }
                for f in &res.findings {
                    emit(f, &mut fo, counts)?;
                }
                batch.extend(res.batch);
                Ok(())
            },
        )?;
        for f in checker.check_batch(&batch) {
            emit(&f, &mut fo, counts)?;
        }
        fo.finish()
    };
    let files = |s: &Summary| s.ok + s.skipped + s.errors;
    match &a.output {
        Some(path) => {
            let mut file = AtomicFile::create(path).map_err(|e| cannot_create(path, e))?;
            {
                let mut w = std::io::BufWriter::new(&mut file);
                run(&mut w, &mut summary, &mut counts, Style { color: false })
                    .map_err(write_failed)?;
                w.flush().map_err(write_failed)?;
            }
            file.commit().map_err(write_failed)?;
        }
        None => {
            let stdout = std::io::stdout();
            let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut w = std::io::BufWriter::new(stdout.lock());
            match run(&mut w, &mut summary, &mut counts, Style { color }) {
                Ok(()) => {}
                Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
                Err(e) => return Err(write_failed(e)),
            }
        }
    }
    if !quiet {
        eprintln!(
            "{}",
            diagnostics::summary(counts.error, counts.warning, counts.info, files(&summary))
        );
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(2)
    } else if counts.fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_segment(a: SegmentArgs) -> Result<ExitCode, String> {
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
        out.write_all(tokens_csv::HEADER.as_bytes())?;
        pipeline::for_each_ordered(
            &inputs,
            |inp| match input::load(inp, &read) {
                Ok(doc) => {
                    let mut buf = Vec::with_capacity(doc.text.len() * 4);
                    tokens_csv::render(&doc, seg, &mut buf);
                    Ok(buf)
                }
                Err(f) => Err(f),
            },
            |res| match res {
                Ok(buf) => {
                    summary.add(Status::Ok);
                    out.write_all(&buf)
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
                write_all(&mut w, !a.no_bom).map_err(write_failed)?;
            }
            file.commit().map_err(write_failed)?;
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

fn run_terms(a: TermsArgs) -> Result<ExitCode, String> {
    let read = read_options(&a.input)?;
    let config = load_config(&a.input)?;
    setup_threads(a.input.threads);
    gongwen::segment::prewarm_unknown_word_tags();
    let inputs = input::expand(&a.input.paths);
    let seg = segmenter(&config, &a.terms.dict)?;
    let opts = term_options(&a.terms)?;
    let mut sink = CsvDirSink::create_tables(
        &a.output,
        !a.no_bom,
        a.headers == HeaderLang::Zh,
        &[TableId::Terms],
    )
    .map_err(|e| {
        msg!(
            zh = "无法创建输出目录 {}：{e}",
            en = "cannot create the output directory {}: {e}",
            a.output.display()
        )
    })?;
    let summary = terms::run(&inputs, &read, seg, &opts, &mut sink)
        .and_then(|s| pipeline::Sink::finish(Box::new(sink)).map(|()| s))
        .map_err(output_failed)?;
    report(&summary, a.input.quiet, &a.output.display().to_string());
    Ok(exit_for(&summary))
}

fn run_rules(id: Option<String>) -> Result<ExitCode, String> {
    let lang = i18n::lang();
    let mut out = std::io::stdout().lock();
    let res = match id {
        Some(id) => {
            let r = check::rule(&id).ok_or_else(|| {
                msg!(
                    zh = "没有名为“{id}”的规则（gongwen rules 列出全部规则）",
                    en = "no rule named “{id}” (gongwen rules lists them all)"
                )
            })?;
            writeln!(
                out,
                "{}\t{}\t{}\n{}\n\n{}",
                r.id,
                r.severity,
                r.scope.as_str(),
                r.summary_in(lang),
                r.doc_in(lang)
            )
        }
        None => check::rules::ALL.iter().try_for_each(|r| {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                r.id,
                r.severity,
                r.scope.as_str(),
                r.summary_in(lang)
            )
        }),
    };
    match res {
        Err(e) if !is_broken_pipe(&e) => Err(write_failed(e)),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn run_init() -> Result<ExitCode, String> {
    let path = Path::new(check::config::FILE_NAME);
    if path.exists() {
        return Err(msg!(
            zh = "{} 已存在，未覆盖",
            en = "{} already exists; not overwritten",
            path.display()
        ));
    }
    let rules: Vec<(&str, Severity, &str)> = check::rules::ALL
        .iter()
        .map(|r| (r.id, r.severity, r.summary_in(i18n::lang())))
        .collect();
    std::fs::write(path, check::config::default_file(&rules)).map_err(|e| {
        msg!(
            zh = "无法写入 {}：{e}",
            en = "cannot write {}: {e}",
            path.display()
        )
    })?;
    eprintln!(
        "{}",
        msg!(zh = "已写入 {}", en = "Wrote {}", path.display())
    );
    Ok(ExitCode::SUCCESS)
}

/// mimalloc rather than the system allocator: segmenting, checking and tabulating allocate and
/// free millions of small vectors and strings, which glibc's allocator made a twentieth of the
/// run, and its free lists are per thread.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Before any work, so that every thread formats in the same language.
    i18n::set_lang(cli.lang.into());
    let result = match cli.command {
        Command::Check(a) => run_check(a),
        Command::Extract(a) => run_extract(a),
        Command::Segment(a) => run_segment(a),
        Command::Terms(a) => run_terms(a),
        Command::Rules { id } => run_rules(id),
        Command::Init => run_init(),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "gongwen", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd)
                .render(&mut std::io::stdout())
                .map(|_| ExitCode::SUCCESS)
                .or_else(|e| {
                    if is_broken_pipe(&e) {
                        Ok(ExitCode::SUCCESS)
                    } else {
                        Err(write_failed(e))
                    }
                })
        }
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!(
                "{}",
                msg!(zh = "gongwen: 错误：{msg}", en = "gongwen: error: {msg}")
            );
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_definition_is_consistent() {
        <Cli as clap::CommandFactory>::command().debug_assert();
    }
}
