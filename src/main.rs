//! The `gongwen` command line: a thin shell over the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use gongwen::input::{self, ReadOptions, Status};
use gongwen::output::sink::CsvDirSink;
use gongwen::pipeline::{self, Summary};
use gongwen::segment::Segmenter;
use gongwen::tokens_csv;

/// 公文阅读与核查工具：提取数字、发文字号与引用，生成可导入表格的CSV。
#[derive(Parser, Debug)]
#[command(name = "gongwen", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// 提取全部表格（documents.csv 等）写入目录
    Extract(ExtractArgs),
    /// jieba分词：每个词一行（file,line,column,token,pos）
    Segment(SegmentArgs),
}

#[derive(Args, Debug)]
struct InputArgs {
    /// 文件、目录（递归读取）或 - 表示标准输入
    #[arg(required = true, value_name = "PATH")]
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
    /// 不在CSV开头写入BOM
    #[arg(long)]
    no_bom: bool,
    /// 不输出进度与汇总信息
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// 输出目录（不存在时自动创建）
    #[arg(long, short, value_name = "DIR")]
    output: PathBuf,
}

#[derive(Args, Debug)]
struct SegmentArgs {
    #[command(flatten)]
    input: InputArgs,
    /// 输出文件（默认：标准输出）
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

fn read_options(a: &InputArgs) -> Result<ReadOptions, String> {
    let encoding = match &a.encoding {
        Some(label) => Some(
            input::decode::encoding_for_label(label)
                .ok_or_else(|| format!("不认识的编码名称：{label}"))?,
        ),
        None => None,
    };
    Ok(ReadOptions {
        encoding,
        max_file_bytes: a.max_file_size.saturating_mul(1024 * 1024),
    })
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
    eprintln!(
        "已处理 {} 个文件：成功 {}，跳过 {}，失败 {}；结果：{}",
        summary.ok + summary.skipped + summary.errors,
        summary.ok,
        summary.skipped,
        summary.errors,
        dest
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
    setup_threads(a.input.threads);
    let inputs = input::expand(&a.input.paths);
    let sink = CsvDirSink::create(&a.output, !a.input.no_bom)
        .map_err(|e| format!("无法创建输出目录 {}：{e}", a.output.display()))?;
    let summary = pipeline::extract(&inputs, &read, Segmenter::global(), Box::new(sink))
        .map_err(|e| format!("写入输出失败：{e}"))?;
    report(&summary, a.input.quiet, &a.output.display().to_string());
    Ok(exit_for(&summary))
}

fn run_segment(a: SegmentArgs) -> Result<ExitCode, String> {
    let read = read_options(&a.input)?;
    setup_threads(a.input.threads);
    let inputs = input::expand(&a.input.paths);
    let seg = Segmenter::global();
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
            let mut file = gongwen::output::csv::AtomicFile::create(path)
                .map_err(|e| format!("无法创建输出文件 {}：{e}", path.display()))?;
            {
                let mut w = std::io::BufWriter::with_capacity(1 << 20, &mut file);
                write_all(&mut w, !a.input.no_bom).map_err(|e| format!("写入失败：{e}"))?;
            }
            file.commit().map_err(|e| format!("写入失败：{e}"))?;
            path.display().to_string()
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
            match write_all(&mut w, false) {
                Ok(()) => {}
                Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
                Err(e) => return Err(format!("写入失败：{e}")),
            }
            "标准输出".to_string()
        }
    };
    if !a.input.quiet {
        for f in &failures {
            eprintln!("{}：{}（{}）", f.file, f.reason, f.status.as_str());
        }
    }
    report(&summary, a.input.quiet, &dest);
    Ok(exit_for(&summary))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => run_extract(a),
        Command::Segment(a) => run_segment(a),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("gongwen: 错误：{msg}");
            ExitCode::from(2)
        }
    }
}
