//! Command-line mistakes said in the language of messages. clap writes its errors in English;
//! each kind of mistake is said again here from the parts clap found (the option, the value, the
//! values allowed, its suggestion), so that a Chinese user reads Chinese and keeps the hint.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use gongwen::i18n::{self, Lang};
use gongwen::msg;

/// The language asked for before the arguments are parsed: `--lang X`, `--lang=X`, else
/// `GONGWEN_LANG`, else Chinese. A wrong value is clap's to report, in Chinese.
pub(super) fn early_lang(args: &[OsString]) -> Lang {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    let mut asked = None;
    while let Some(a) = it.next() {
        if a == "--lang" {
            asked = it.next().map(|v| v.to_string());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            asked = Some(v.to_string());
        }
    }
    asked
        .or_else(|| std::env::var("GONGWEN_LANG").ok())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default()
}

fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(i18n::tr("、", ", "))),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(i18n::tr("、", ", ")),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What is wrong, in the language of messages; `None` where clap's own text is all there is.
fn describe(err: &clap::Error) -> Option<String> {
    let get = |k| context(err, k).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    Some(match err.kind() {
        ErrorKind::UnknownArgument => {
            msg!(zh = "无法识别的选项“{arg}”", en = "unknown option “{arg}”")
        }
        ErrorKind::InvalidSubcommand => {
            let cmd = get(ContextKind::InvalidSubcommand);
            msg!(zh = "没有“{cmd}”这个命令", en = "no command “{cmd}”")
        }
        ErrorKind::MissingRequiredArgument => msg!(
            zh = "缺少必需的参数：{arg}",
            en = "a required argument is missing: {arg}"
        ),
        ErrorKind::MissingSubcommand => msg!(
            zh = "请给出一个命令（check、extract、segment、terms、rules……）",
            en = "give a command (check, extract, segment, terms, rules …)"
        ),
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            if value.is_empty() {
                msg!(zh = "{arg} 需要一个取值", en = "{arg} needs a value")
            } else if valid.is_empty() {
                msg!(
                    zh = "“{value}”不是 {arg} 的有效取值",
                    en = "“{value}” is not a valid value for {arg}"
                )
            } else {
                msg!(
                    zh = "“{value}”不是 {arg} 的有效取值（可选：{valid}）",
                    en = "“{value}” is not a valid value for {arg} (possible values: {valid})"
                )
            }
        }
        ErrorKind::ValueValidation => msg!(
            zh = "{arg} 的取值“{value}”无效",
            en = "the value “{value}” of {arg} is not valid"
        ),
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg);
            msg!(
                zh = "{arg} 不能与 {prior} 同时使用",
                en = "{arg} cannot be used with {prior}"
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            msg!(
                zh = "{arg} 的取值个数不对",
                en = "{arg} has the wrong number of values"
            )
        }
        _ => return None,
    })
}

/// Reports a command-line error (or prints help and version, which clap raises as errors) and
/// gives the exit code: 0 for help and version, 2 for a mistake.
pub(super) fn report(err: clap::Error) -> ExitCode {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        // A closed output is no reason to fail.
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    let Some(what) = describe(&err) else {
        // Kinds without a message of our own: clap's text, which names the problem.
        let _ = err.print();
        return ExitCode::from(2);
    };
    let mut lines = vec![msg!(
        zh = "gongwen: 错误：{what}",
        en = "gongwen: error: {what}"
    )];
    if let Some(s) = context(&err, ContextKind::SuggestedArg)
        .or_else(|| context(&err, ContextKind::SuggestedSubcommand))
        .or_else(|| context(&err, ContextKind::SuggestedValue))
    {
        lines.push(msg!(
            zh = "  提示：是否要用“{s}”？",
            en = "  tip: did you mean “{s}”?"
        ));
    }
    if let Some(usage) = context(&err, ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        lines.push(msg!(zh = "用法：{usage}", en = "Usage: {usage}"));
    }
    lines.push(
        i18n::tr(
            "运行 gongwen --help 查看全部命令与选项。",
            "Run gongwen --help for every command and option.",
        )
        .to_string(),
    );
    eprintln!("{}", lines.join("\n"));
    ExitCode::from(2)
}
