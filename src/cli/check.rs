//! `gongwen check`: findings as a compiler-style report, CSV or JSON lines, and the exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::args::checker as checker_for;
use super::args::*;
use gongwen::check::accepted::{self, Accepted};
use gongwen::check::{Located, Severity};
use gongwen::corpus;
use gongwen::i18n::tr;
use gongwen::i18n::Lang;
use gongwen::input::{self, Status};
use gongwen::msg;
use gongwen::output::csv::{AtomicFile, CsvTable};
use gongwen::output::diagnostics::{self, Style};
use gongwen::output::report;
use gongwen::output::rows::FindingRow;
use gongwen::output::tables::TableId;
use gongwen::pipeline::{self, Context, Summary};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    Text,
    Csv,
    Jsonl,
    // One self-contained page (`-o report.html`).
    Html,
    // SARIF 2.1.0, for code-scanning tools.
    Sarif,
    // GitHub Actions workflow annotations.
    Github,
}

/// How `--annotate` marks the findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AnnotateMode {
    // Every finding a comment.
    Comments,
    // Safe fixes as tracked changes, the rest comments.
    Revisions,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub(crate) format: CheckFormat,
    /// 写入文件（默认：标准输出）
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// 达到该级别的问题使退出状态为1（默认取配置文件，否则为 error）
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
    /// 不在CSV开头写入BOM
    #[arg(long)]
    pub(crate) no_bom: bool,
    /// 逐处列出通篇一致的写法问题（默认只在首处报告一次并给出总数）
    #[arg(long)]
    pub(crate) verbose: bool,
    /// 把当前全部问题记为已接受（写入 .gongwen-accepted），此后再检查只列出新出现的问题
    #[arg(long)]
    pub(crate) accept_current: bool,
    /// 为每个输入在该目录中写一份带批注的Word文档（每个问题一条批注，标在出问题的文字上）
    #[arg(long, value_name = "DIR")]
    pub(crate) annotate: Option<PathBuf>,
    /// --annotate 的标注方式：comments（每个问题一条批注，默认）或 revisions（可安全修正之处作为修订，其余为批注）
    #[arg(long, value_enum, default_value_t = AnnotateMode::Comments, requires = "annotate")]
    pub(crate) annotate_mode: AnnotateMode,
    /// 不逐条列出问题，改为按规则统计：每条规则一行（问题数、涉及文件数），按问题数排序
    #[arg(long)]
    pub(crate) statistics: bool,
}

/// Where `check` writes its findings.
enum FindingOut<'w> {
    Text(&'w mut dyn Write, Style),
    Csv(Box<CsvTable<&'w mut dyn Write>>),
    Jsonl(&'w mut dyn Write),
    Github(&'w mut dyn Write),
    /// Pages and logs written whole at the end, from every finding.
    Whole(&'w mut dyn Write, CheckFormat, Vec<Located>),
    /// `--statistics`: one row per rule, written at the end.
    Statistics(&'w mut dyn Write, CheckFormat, Lang, bool, RuleCounts),
}

/// Per rule: findings, the files they are in, the highest severity given.
type RuleCounts =
    std::collections::BTreeMap<&'static str, (usize, std::collections::HashSet<String>, Severity)>;

/// The rows of `--statistics`: most findings first, then by rule id.
fn statistics_rows(counts: &RuleCounts) -> Vec<(&'static str, usize, usize, Severity)> {
    let mut rows: Vec<_> = counts
        .iter()
        .map(|(rule, (n, files, sev))| (*rule, *n, files.len(), *sev))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    rows
}

/// One row of `check --statistics --format csv|jsonl`.
#[derive(serde::Serialize)]
struct StatisticsRow<'a> {
    rule: &'a str,
    severity: &'a str,
    findings: usize,
    files: usize,
    summary: &'a str,
}

fn write_statistics(
    w: &mut dyn Write,
    format: CheckFormat,
    lang: Lang,
    bom: bool,
    counts: &RuleCounts,
) -> std::io::Result<()> {
    let rows = statistics_rows(counts);
    let summary = |rule: &str| {
        gongwen::check::rule(rule)
            .map(|r| r.summary_in(lang))
            .unwrap_or("")
    };
    match format {
        CheckFormat::Csv => {
            let mut t = CsvTable::new(
                w,
                &["rule", "severity", "findings", "files", "summary"],
                bom,
            )?;
            for (rule, n, files, sev) in &rows {
                t.write_row(&gongwen::output::rows::cells(&StatisticsRow {
                    rule,
                    severity: sev.as_str(),
                    findings: *n,
                    files: *files,
                    summary: summary(rule),
                }))?;
            }
            t.finish()?.flush()
        }
        CheckFormat::Jsonl => {
            for (rule, n, files, sev) in &rows {
                let v = serde_json::to_string(&StatisticsRow {
                    rule,
                    severity: sev.as_str(),
                    findings: *n,
                    files: *files,
                    summary: summary(rule),
                })
                .map_err(std::io::Error::other)?;
                writeln!(w, "{v}")?;
            }
            w.flush()
        }
        _ => {
            let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
            let (n_head, f_head) = match lang {
                Lang::Zh => ("问题数", "文件数"),
                Lang::En => ("findings", "files"),
            };
            // Right-aligned by display width: a Chinese character takes two columns.
            let pad = |s: &str| {
                " ".repeat(8usize.saturating_sub(unicode_width::UnicodeWidthStr::width(s))) + s
            };
            writeln!(w, "{} {}  {}", pad(n_head), pad(f_head), tr("规则", "rule"))?;
            for (rule, n, files, sev) in &rows {
                writeln!(
                    w,
                    "{n:>8} {files:>8}  {rule:width$}  [{}] {}",
                    sev.label(),
                    summary(rule)
                )?;
            }
            w.flush()
        }
    }
}

impl FindingOut<'_> {
    fn write(&mut self, f: &Located) -> std::io::Result<()> {
        match self {
            FindingOut::Text(w, style) => {
                writeln!(w, "{}", diagnostics::render(f, *style))
            }
            FindingOut::Csv(t) => t.write_row(&pipeline::finding_row(f)),
            FindingOut::Jsonl(w) => {
                let v =
                    serde_json::to_string(&FindingRow::new(f)).map_err(std::io::Error::other)?;
                writeln!(w, "{v}")
            }
            FindingOut::Github(w) => writeln!(w, "{}", report::github(f)),
            FindingOut::Whole(_, _, all) => {
                all.push(f.clone());
                Ok(())
            }
            FindingOut::Statistics(_, _, _, _, counts) => {
                let e = counts
                    .entry(f.rule)
                    .or_insert_with(|| (0, Default::default(), f.severity));
                e.0 += 1;
                e.2 = e.2.max(f.severity);
                if !e.1.contains(&f.at.file) {
                    e.1.insert(f.at.file.clone());
                }
                Ok(())
            }
        }
    }

    fn finish(self, summary: &str) -> std::io::Result<()> {
        match self {
            FindingOut::Text(w, _) | FindingOut::Jsonl(w) | FindingOut::Github(w) => w.flush(),
            FindingOut::Whole(w, format, all) => {
                if format == CheckFormat::Html {
                    w.write_all(report::html(&all, summary).as_bytes())?;
                } else {
                    // Made whole first: writing through serde_json would wrap a closed pipe in its
                    // own error, and `check … | head` must stay quiet.
                    let json = serde_json::to_string_pretty(&report::sarif(&all))
                        .map_err(std::io::Error::other)?;
                    writeln!(w, "{json}")?;
                }
                w.flush()
            }
            FindingOut::Csv(t) => (*t).finish()?.flush(),
            FindingOut::Statistics(w, format, lang, bom, counts) => {
                write_statistics(w, format, lang, bom, &counts)
            }
        }
    }
}

#[derive(Default)]
struct Counts {
    error: usize,
    warning: usize,
    info: usize,
    fail: bool,
    /// Files with at least one finding.
    flagged: std::collections::HashSet<String>,
    /// Findings left out because they were accepted before.
    accepted: usize,
    /// Findings reported, by rule.
    by_rule: std::collections::BTreeMap<&'static str, usize>,
    /// With --accept-current: every finding, to be written as accepted.
    all: Vec<Located>,
    /// With --annotate: the findings reported, by file.
    by_file: std::collections::HashMap<String, Vec<Located>>,
}

pub(crate) fn run_check(a: CheckArgs, lang: Lang) -> Result<ExitCode, String> {
    need_paths(&a.input)?;
    if a.statistics
        && !matches!(
            a.format,
            CheckFormat::Text | CheckFormat::Csv | CheckFormat::Jsonl
        )
    {
        return Err(msg!(
            zh = "--statistics 只能与 --format text、csv 或 jsonl 一起使用",
            en = "--statistics goes with --format text, csv or jsonl only"
        ));
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
    gongwen::pipeline::warm_up();
    let seg = segmenter(&config, &[])?;
    let checker = checker_for(&config, &a.input, lang)?.verbose(a.verbose);
    let own: Vec<std::path::PathBuf> = a.output.iter().cloned().collect();
    let inputs = input::expand_excluding(&a.input.paths, &own);
    // check writes no terms, so it does not count them.
    let ctx = Context {
        read,
        seg,
        checker: &checker,
        terms: None,
    };
    // Accepted findings live beside the configuration, else in the current directory.
    let accepted_path = config
        .source
        .as_deref()
        .and_then(std::path::Path::parent)
        .unwrap_or(std::path::Path::new("."))
        .join(gongwen::check::accepted::FILE_NAME);
    let accepted = if a.accept_current {
        Accepted::default()
    } else {
        Accepted::load(&accepted_path).map_err(|e| {
            msg!(
                zh = "无法读取已接受问题清单 {}：{e}",
                en = "cannot read the list of accepted findings {}: {e}",
                accepted_path.display()
            )
        })?
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
            _ if a.statistics => FindingOut::Statistics(
                out,
                a.format,
                lang,
                !a.no_bom && a.output.is_some(),
                Default::default(),
            ),
            CheckFormat::Text => FindingOut::Text(out, style),
            CheckFormat::Csv => FindingOut::Csv(Box::new(CsvTable::new(
                out,
                TableId::Findings.header(),
                !a.no_bom && a.output.is_some(),
            )?)),
            CheckFormat::Jsonl => FindingOut::Jsonl(out),
            CheckFormat::Github => FindingOut::Github(out),
            CheckFormat::Html | CheckFormat::Sarif => FindingOut::Whole(out, a.format, Vec::new()),
        };
        let mut batch = Vec::new();
        let emit = |f: &Located, fo: &mut FindingOut, counts: &mut Counts| {
            if a.accept_current {
                counts.all.push(f.clone());
                return Ok(());
            }
            if accepted.contains(f) {
                counts.accepted += 1;
                return Ok(());
            }
            match f.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
            counts.fail |= f.severity >= checker.fail_on;
            *counts.by_rule.entry(f.rule).or_default() += 1;
            if !counts.flagged.contains(&f.at.file) {
                counts.flagged.insert(f.at.file.clone());
            }
            if a.annotate.is_some() {
                counts
                    .by_file
                    .entry(f.at.file.clone())
                    .or_default()
                    .push(f.clone());
                // A batch finding also belongs to the other files it names.
                for r in f.related.iter().filter(|r| r.file != f.at.file) {
                    let mut there = f.clone();
                    there.related = vec![f.at.clone()];
                    there.at = r.clone();
                    there.end_line = r.line;
                    there.end_column = r.column;
                    there.replacement = None;
                    counts
                        .by_file
                        .entry(r.file.clone())
                        .or_default()
                        .push(there);
                }
            }
            fo.write(f)
        };
        pipeline::for_each_input_batch_ordered(
            &inputs,
            ctx.read.max_file_bytes,
            |b| pipeline::process_batch(b, &ctx),
            |res| {
                summary.add(res.status);
                // A file not read is always said, even with -q: silence would read as "clean".
                if let Some(reason) = &res.reason {
                    if res.status != Status::Skipped || !quiet {
                        eprintln!("{}", not_read_line(&res.file, res.status, reason));
                    }
                }
                for f in &res.findings {
                    emit(f, &mut fo, counts)?;
                }
                batch.extend(res.batch);
                Ok(())
            },
        )?;
        for f in corpus::run(&checker, batch, None).findings {
            emit(&f, &mut fo, counts)?;
        }
        let line = diagnostics::summary(&diagnostics::CheckCounts {
            errors: counts.error,
            warnings: counts.warning,
            infos: counts.info,
            files: summary.ok + summary.skipped + summary.errors,
            unread: summary.errors,
            skipped: summary.skipped,
            clean: summary.ok.saturating_sub(counts.flagged.len()),
        });
        fo.finish(&line)
    };
    let files = |s: &Summary| s.ok + s.skipped + s.errors;
    match &a.output {
        Some(path) => {
            let mut file = AtomicFile::create(path).map_err(|e| cannot_create(path, e))?;
            {
                let mut w = std::io::BufWriter::new(&mut file);
                run(&mut w, &mut summary, &mut counts, Style { color: false })
                    .map_err(|e| output_failed(path, e))?;
                w.flush().map_err(|e| output_failed(path, e))?;
            }
            file.commit().map_err(|e| output_failed(path, e))?;
        }
        None => {
            let stdout = std::io::stdout();
            let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut w = std::io::BufWriter::new(stdout.lock());
            match run(&mut w, &mut summary, &mut counts, Style { color }) {
                Ok(()) => {}
                // The reader stopped (`check … | head`): what it read still decides the code.
                Err(e) if is_broken_pipe(&e) => {
                    return Ok(if counts.fail {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    })
                }
                Err(e) => return Err(write_failed(e)),
            }
        }
    }
    if a.accept_current {
        std::fs::write(&accepted_path, accepted::render(&counts.all))
            .map_err(|e| output_failed(&accepted_path, e))?;
        eprintln!(
            "{}",
            msg!(
                zh = "已把当前的 {} 个问题记为已接受，写入 {}；此后再检查只列出新出现的问题（删去其中一行即可重新列出）",
                en = "Accepted the {} current findings in {}; later checks list only new ones (delete a line to see one again)",
                counts.all.len(),
                accepted_path.display()
            )
        );
        return Ok(if summary.errors > 0 {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        });
    }
    if let Some(dir) = &a.annotate {
        // Tracked changes are every safe fix, each occurrence its own.
        let fixer = match a.annotate_mode {
            AnnotateMode::Revisions => Some(checker_for(&config, &a.input, lang)?.verbose(true)),
            AnnotateMode::Comments => None,
        };
        let fixer = fixer.as_ref().map(|c| (seg, c));
        annotate(dir, &inputs, &ctx.read, fixer, &mut counts.by_file)?;
    }
    if !quiet {
        let read = summary.ok;
        eprintln!(
            "{}",
            diagnostics::summary(&diagnostics::CheckCounts {
                errors: counts.error,
                warnings: counts.warning,
                infos: counts.info,
                files: files(&summary),
                unread: summary.errors,
                skipped: summary.skipped,
                clean: read.saturating_sub(counts.flagged.len()),
            })
        );
        if counts.by_rule.len() > 1 && !a.statistics {
            eprintln!("{}", top_rules(&counts.by_rule));
        }
        if counts.accepted > 0 {
            eprintln!(
                "{}",
                msg!(
                    zh = "另有 {} 个已接受的问题未列出（见 {}）。",
                    en = "{} accepted findings are not listed (see {}).",
                    counts.accepted,
                    accepted_path.display()
                )
            );
        }
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(2)
    } else if counts.fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The line after the summary naming the rules with most findings.
fn top_rules(by_rule: &std::collections::BTreeMap<&'static str, usize>) -> String {
    let mut rules: Vec<(&str, usize)> = by_rule.iter().map(|(r, n)| (*r, *n)).collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = rules
        .iter()
        .take(3)
        .map(|(r, n)| msg!(zh = "{r}（{n}）", en = "{r} ({n})"))
        .collect();
    msg!(
        zh = "问题最多的规则：{}；各规则的统计见 --statistics。",
        en = "Rules with most findings: {}; see --statistics for every rule.",
        top.join(tr("、", ", "))
    )
}

/// Writes, for each input, a Word document with its findings as comments into `dir`, under the
/// input's path: for a .docx, a copy of it under the same name; for text or a web page, a new
/// document of its text with `.docx` added.
fn annotate(
    dir: &std::path::Path,
    inputs: &[input::Input],
    read: &input::ReadOptions,
    fixer: Option<(&gongwen::segment::Segmenter, &gongwen::check::Checker)>,
    by_file: &mut std::collections::HashMap<String, Vec<Located>>,
) -> Result<(), String> {
    use gongwen::document::Format;
    use gongwen::output::annotate_docx;
    for i in inputs {
        let input::Input::File { display, path, .. } = i else {
            continue;
        };
        let Ok(doc) = input::load(i, read) else {
            continue;
        };
        let mut findings = by_file.remove(display.as_str()).unwrap_or_default();
        findings.sort_by(|a, b| (&a.at, a.rule).cmp(&(&b.at, b.rule)));
        annotate_docx::widen_copies(&doc.text, &mut findings);
        let revisions = fixer.map_or_else(Vec::new, |(seg, checker)| {
            gongwen::fix::fix_text(&doc.file, &doc.text, seg, checker).edits
        });
        let relative = display.trim_start_matches('/').replace("../", "");
        let is_docx = doc.format == Format::Docx;
        let out = dir.join(if is_docx {
            relative
        } else {
            format!("{relative}.docx")
        });
        let not_written = |reason: &str| {
            eprintln!(
                "{}",
                msg!(
                    zh = "{display}：未写出批注副本：{reason}",
                    en = "{display}: no annotated copy written: {reason}"
                )
            )
        };
        let bytes = if is_docx {
            // The copy never replaces its original.
            if matches!(
                (std::fs::canonicalize(&out), std::fs::canonicalize(path)),
                (Ok(a), Ok(b)) if a == b
            ) {
                not_written(tr(
                    "目标就是原文件，请另选目录",
                    "it would replace the original; choose another directory",
                ));
                continue;
            }
            let original = match std::fs::read(path) {
                Ok(b) if b.len() as u64 <= read.max_file_bytes => b,
                Ok(_) => continue,
                Err(e) => {
                    not_written(&e.to_string());
                    continue;
                }
            };
            match annotate_docx::docx_copy(
                &original,
                &doc.text,
                &findings,
                &revisions,
                read.max_file_bytes,
            ) {
                Ok(a) => a.bytes,
                Err(reason) => {
                    not_written(&reason);
                    continue;
                }
            }
        } else {
            gongwen::output::annotate::text_docx_revised(
                &doc.text,
                &findings,
                &revisions,
                read.max_file_bytes,
            )
            .map_err(|e| output_failed(&out, e))?
        };
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent).map_err(|e| cannot_create(parent, e))?;
        }
        std::fs::write(&out, bytes).map_err(|e| output_failed(&out, e))?;
    }
    Ok(())
}
