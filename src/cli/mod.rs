//! The command line: arguments, one file per command, and the exit code. The library does the
//! work; this module turns options into a run and a run into messages and an exit status.

mod args;
mod check;
mod errors;
mod extract;
mod fix;
mod help_en;
mod laws;
mod progress;
mod rules;
mod segment;
mod terms;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use args::{is_broken_pipe, write_failed};
use gongwen::i18n::{self, Lang};
use gongwen::msg;

/// 公文阅读与核查工具：提取数字、发文字号与引用，检查常见差错，生成可导入表格的CSV。
#[derive(Parser, Debug)]
#[command(name = "gongwen", version, long_about = None)]
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

#[derive(Subcommand, Debug)]
enum Command {
    /// 检查公文中的问题，按编译器格式列出（文件:行:列、级别、规则、说明）
    Check(check::CheckArgs),
    /// 应用安全修正（标点全半角、发文字号括号等）：默认列出差异，--write 改写文件
    Fix(fix::FixArgs),
    /// 提取全部表格（documents.csv、findings.csv 等）写入目录
    Extract(extract::ExtractArgs),
    /// jieba分词：每个词一行（file,line,column,token,pos,page）
    Segment(segment::SegmentArgs),
    /// 词频统计与关键词提取：写入 terms.csv（每个文件的前N个关键词及全部文件合计）
    Terms(terms::TermsArgs),
    /// 列出全部检查规则；给出规则名时显示该规则的说明
    Rules {
        /// 规则名，如 docno-bracket-form
        id: Option<String>,
    },
    /// 查询法规目录：法律、行政法规等的通过、施行、修改、废止日期及取代文本
    Laws {
        /// 法规名称，全称或简称均可，如 合同法、中华人民共和国行政诉讼法
        name: String,
    },
    /// 在当前目录写入带注释的默认配置文件 gongwen.toml
    Init,
    /// 输出命令行补全脚本（bash、zsh、fish、powershell、elvish）
    Completions { shell: clap_complete::Shell },
    /// 输出 man 手册页（roff 格式）
    Man,
}

/// The command-line definition, its help in `lang`.
fn command_in(lang: Lang) -> clap::Command {
    let cmd = <Cli as clap::CommandFactory>::command();
    match lang {
        Lang::En => help_en::english(cmd),
        Lang::Zh => cmd,
    }
}

/// Parses the command line, runs the command and says how it ended.
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early = errors::early_lang(&args);
    let parsed = command_in(early)
        .try_get_matches_from(&args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return i18n::with_lang(early, || errors::report(e)),
    };
    let lang: Lang = cli.lang.into();
    // Ctrl-C ends a run at once, but not before the temporary files of unfinished tables are
    // removed: the previous tables stay, and no partial file is left beside them.
    let _ = ctrlc::set_handler(|| {
        gongwen::output::staging::remove_pending();
        std::process::exit(130);
    });
    i18n::with_lang(lang, || dispatch(cli.command, lang))
}

fn dispatch(command: Command, lang: Lang) -> ExitCode {
    let result = match command {
        Command::Check(a) => check::run_check(a, lang),
        Command::Extract(a) => extract::run_extract(a, lang),
        Command::Fix(a) => fix::run_fix(a, lang),
        Command::Segment(a) => segment::run_segment(a),
        Command::Terms(a) => terms::run_terms(a),
        Command::Rules { id } => rules::run_rules(id),
        Command::Laws { name } => laws::run_laws(name),
        Command::Init => rules::run_init(),
        Command::Completions { shell } => {
            // Generated into memory first: clap_complete panics on a failed write, and a
            // closed or full standard output is the reader's choice, not a fault of ours.
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "gongwen", &mut script);
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&script).and_then(|_| stdout.flush()) {
                Ok(()) => Ok(ExitCode::SUCCESS),
                Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
                Err(e) => Err(write_failed(e)),
            }
        }
        Command::Man => {
            let cmd = command_in(lang);
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
