//! Options shared by the commands, and turning them into what a run needs: read options, the
//! configuration, the segmenter, the checker, the thread pool.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use gongwen::check::{self, Checker, Config};
use gongwen::i18n::{tr, Lang};
use gongwen::input::{self, ReadOptions};
use gongwen::msg;
use gongwen::output::diagnostics;
use gongwen::pipeline::Summary;
use gongwen::segment::Segmenter;
use gongwen::terms;

#[derive(Args, Debug)]
pub(crate) struct InputArgs {
    /// 文件、目录（递归读取）或 - 表示标准输入
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// 指定文本编码（如 gbk、gb18030、utf-16le、big5），不自动检测
    #[arg(long, value_name = "LABEL")]
    pub(crate) encoding: Option<String>,
    /// 单个文件大小上限（MB）
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub(crate) max_file_size: u64,
    /// 并行线程数（默认：全部CPU核）
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) threads: Option<usize>,
    /// 不输出进度与汇总信息
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// 配置文件（默认：在当前目录及上级目录中查找 gongwen.toml）
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// 本单位的文件登记簿（CSV：title,docnum,issuer,date,status），可重复
    #[arg(long, value_name = "FILE.csv")]
    pub(crate) registry: Vec<PathBuf>,
    /// 文件未写明日期时，按此日期（YYYY-MM-DD）判断所引法规的效力（默认：今天）
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
    pub(crate) as_of: Option<gongwen::resolve::Date>,
}

fn parse_as_of(s: &str) -> Result<gongwen::resolve::Date, String> {
    gongwen::resolve::parse_date(s).ok_or_else(|| {
        msg!(
            zh = "日期应写作 YYYY-MM-DD，如 2024-05-01",
            en = "a date is written YYYY-MM-DD, for example 2024-05-01"
        )
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableFormat {
    Csv,
    Jsonl,
    Xlsx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum HeaderLang {
    En,
    Zh,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TermMethod {
    Tfidf,
    Textrank,
}

/// Options of terms.csv, shared by `extract` and `terms`.
#[derive(Args, Debug)]
pub(crate) struct TermArgs {
    /// 每个文件列出的关键词数（0 表示全部）
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub(crate) top: usize,
    /// 关键词排序方法
    #[arg(long, value_enum, default_value_t = TermMethod::Tfidf)]
    pub(crate) method: TermMethod,
    /// 去掉公文套话（进一步、加强、推进、工作、有关……，见 dicts/boilerplate.txt）
    #[arg(long)]
    pub(crate) no_boilerplate: bool,
    /// 追加停用词表（每行一个词），可重复
    #[arg(long, value_name = "FILE")]
    pub(crate) stopwords: Vec<PathBuf>,
    /// 追加jieba格式的用户词典（词 词频 词性），可重复
    #[arg(long, value_name = "FILE")]
    pub(crate) dict: Vec<PathBuf>,
    /// 统计给定词表（每行一个词）在每个文件中出现的次数，写入 term_counts.csv
    #[arg(long, value_name = "FILE")]
    pub(crate) terms_from: Option<PathBuf>,
    /// 把数字也算作词
    #[arg(long)]
    pub(crate) with_numbers: bool,
    /// 把单字也算作词
    #[arg(long)]
    pub(crate) with_single_chars: bool,
}

pub(crate) fn write_failed(e: impl std::fmt::Display) -> String {
    msg!(zh = "写入失败：{e}", en = "write failed: {e}")
}

/// Writing `path` failed: the path, the system's reason, and what to look at.
pub(crate) fn output_failed(path: &Path, e: std::io::Error) -> String {
    let e = write_reason(&e);
    msg!(
        zh = "写入 {} 失败：{e}；请检查该位置是否可写、磁盘空间是否充足",
        en = "writing {} failed: {e}; check that it is writable and that the disk has room",
        path.display()
    )
}

/// Why a write failed, in the language of messages where the system's reason is a common one.
fn write_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => tr("所在目录不存在", "its directory does not exist").to_string(),
        PermissionDenied => tr("没有写入权限", "permission denied").to_string(),
        IsADirectory => tr("这是一个目录，不是文件", "a directory, not a file").to_string(),
        NotADirectory => tr(
            "路径中有一段是文件而不是目录",
            "a part of the path is a file, not a directory",
        )
        .to_string(),
        StorageFull => tr("磁盘空间不足", "the disk is full").to_string(),
        ReadOnlyFilesystem => tr("文件系统只读", "the file system is read-only").to_string(),
        _ => e.to_string(),
    }
}

/// The line that says an input was not read, and why.
pub(crate) fn not_read_line(file: &str, status: gongwen::input::Status, reason: &str) -> String {
    let what = if status == gongwen::input::Status::Skipped {
        tr("已跳过", "skipped")
    } else {
        tr("无法读取", "cannot read")
    };
    format!("{file}: {what}{}{reason}", tr("：", ": "))
}

pub(crate) fn cannot_create(path: &Path, e: std::io::Error) -> String {
    let e = write_reason(&e);
    msg!(
        zh = "无法创建输出文件 {}：{e}；请检查路径与写入权限",
        en = "cannot create the output file {}: {e}; check the path and the permissions",
        path.display()
    )
}

pub(crate) fn read_text(p: &Path, what: &str) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| {
        msg!(
            zh = "无法读取{what} {}：{e}",
            en = "cannot read the {what} {}: {e}",
            p.display()
        )
    })
}

pub(crate) fn term_options(a: &TermArgs) -> Result<terms::Options, String> {
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

pub(crate) fn need_paths(a: &InputArgs) -> Result<(), String> {
    if a.paths.is_empty() {
        Err(tr(
            "请给出至少一个文件或目录（- 表示标准输入）",
            "give at least one file or directory (- for standard input)",
        )
        .to_string())
    } else {
        stdin_hint(a);
        Ok(())
    }
}

/// Says that the run waits for standard input when `-` is given and that is a terminal:
/// otherwise it waits without a word, and looks hung.
pub(crate) fn stdin_hint(a: &InputArgs) {
    use std::io::IsTerminal;
    if a.paths.iter().any(|p| p.as_os_str() == "-") && std::io::stdin().is_terminal() {
        eprintln!(
            "{}",
            tr(
                "正在从标准输入读取…（输入结束后按 Ctrl-D）",
                "reading from standard input… (press Ctrl-D at the end)"
            )
        );
    }
}

/// The largest `--max-file-size`: token offsets are 32-bit (`gongwen::segment::Token`), and
/// decoding a legacy encoding may make a text up to twice its file's size.
const MAX_FILE_SIZE_MB: u64 = 2047;

pub(crate) fn read_options(a: &InputArgs) -> Result<ReadOptions, String> {
    if a.max_file_size > MAX_FILE_SIZE_MB {
        let (given, max) = (a.max_file_size, MAX_FILE_SIZE_MB);
        return Err(msg!(
            zh = "--max-file-size {given} 过大：最大为 {max}（MB）",
            en = "--max-file-size {given} is too large: at most {max} (MB)"
        ));
    }
    let encoding = match &a.encoding {
        Some(label) => Some(input::decode::encoding_for_label(label).ok_or_else(|| {
            msg!(
                zh = "不认识的编码名称：{label}（可用 gb18030、gbk、big5、utf-8、utf-16le、utf-16be 等）",
                en = "unknown encoding name: {label} (use gb18030, gbk, big5, utf-8, utf-16le, utf-16be …)"
            )
        })?),
        None => None,
    };
    Ok(ReadOptions {
        encoding,
        max_file_bytes: a.max_file_size.saturating_mul(1024 * 1024),
    })
}

pub(crate) fn load_config(a: &InputArgs) -> Result<Config, String> {
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
pub(crate) fn segmenter(config: &Config, extra: &[PathBuf]) -> Result<&'static Segmenter, String> {
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
pub(crate) fn checker(config: &Config, a: &InputArgs, lang: Lang) -> Result<Checker, String> {
    let mut registers = Vec::new();
    for p in config.registries.iter().chain(&a.registry) {
        registers.push(gongwen::resolve::Register::load(p).map_err(|e| e.to_string())?);
    }
    // A word a user puts in a dictionary is a word, not a typo; an unreadable dictionary was
    // already reported by the segmenter.
    let dict_words: Vec<String> = config
        .dicts
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|t| {
            t.lines()
                .map(|l| l.trim().trim_start_matches('\u{feff}'))
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.split_whitespace().next().map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect();
    Ok(Checker::new(config)
        .with_registers(registers)
        .with_as_of(a.as_of)
        .with_typo_words(dict_words)
        .with_lang(lang))
}

pub(crate) fn setup_threads(n: Option<usize>) {
    if let Some(n) = n.filter(|n| *n > 0) {
        // Only fails if the pool was already built, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
}

pub(crate) fn is_broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

pub(crate) fn report(summary: &Summary, quiet: bool, dest: &str) {
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

pub(crate) fn exit_for(summary: &Summary) -> ExitCode {
    if summary.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
