//! `gongwen rules` and `gongwen init`: the rules' documentation and a default configuration.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::args::*;
use gongwen::check::{self, Severity};
use gongwen::i18n;
use gongwen::msg;

pub(crate) fn run_rules(id: Option<String>) -> Result<ExitCode, String> {
    let lang = i18n::lang();
    let mut out = std::io::stdout().lock();
    let res = match id {
        Some(id) => {
            let r = check::rule(&id).ok_or_else(|| check::config::unknown_rule(&id))?;
            let fix = if r.safe_fix {
                i18n::tr(
                    "修正：安全，gongwen fix 自动改正本规则给出的改法。",
                    "Fix: safe; gongwen fix applies the replacements this rule states.",
                )
            } else {
                i18n::tr(
                    "修正：须人工判断，gongwen fix 不自动改正（改法见检查结果的 replacement 列）。",
                    "Fix: needs a person; gongwen fix leaves it (the replacement column of the findings gives the fix, where known).",
                )
            };
            writeln!(
                out,
                "{}\t{}\t{}\n{}\n\n{}\n{fix}",
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

pub(crate) fn run_init() -> Result<ExitCode, String> {
    let path = Path::new(check::config::FILE_NAME);
    if path.exists() {
        return Err(msg!(
            zh = "{} 已存在，未覆盖；如需重新生成，请先删除或改名",
            en = "{} already exists; not overwritten (delete or rename it to write a new one)",
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
