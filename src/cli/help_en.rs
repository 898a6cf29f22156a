//! The command line's help in English (`--lang en --help`). The Chinese help is the doc comments
//! of the argument structs; this table gives each command and option its English text, and
//! `english` puts them on the command tree before it is parsed.

use clap::Command;

/// The English about-line of a command (`""`: the program itself).
fn about(command: &str) -> Option<&'static str> {
    Some(match command {
        "" => "Reads Chinese government documents (公文): extracts figures, document numbers and citations, checks common slips, writes tables that open in spreadsheets.",
        "check" => "Check documents and list the findings like a compiler (file:line:column, severity, rule, message)",
        "fix" => "Apply the safe fixes (punctuation widths, brackets of document numbers …): a diff by default, --write rewrites the files",
        "extract" => "Write every table (documents.csv, findings.csv …) into a directory",
        "segment" => "jieba segmentation: one token per row (file,line,column,token,pos,page)",
        "terms" => "Word frequencies and keywords: writes terms.csv (each file's top N keywords and the totals of all files)",
        "rules" => "List every rule; with a rule id, print that rule's documentation",
        "laws" => "Look a law or regulation up in the catalogue: adopted, in force, amended and repealed on, and what replaced it",
        "init" => "Write a commented default gongwen.toml into the current directory",
        "completions" => "Print a shell completion script (bash, zsh, fish, powershell, elvish)",
        "man" => "Print the man page (roff)",
        _ => return None,
    })
}

/// The English help of option `id` of `command`.
fn help(command: &str, id: &str) -> Option<&'static str> {
    Some(match (command, id) {
        ("extract", "output") => "Output directory (created if missing)",
        ("terms", "output") => "Output directory (terms.csv, and term_counts.csv with --terms-from)",
        ("segment" | "check", "output") => "Write to this file (default: standard output)",
        ("segment", "no_bom") => "No BOM at the start of the CSV (a file gets one by default)",
        ("check", "format") => "Output format",
        ("extract", "format") => "Output format: csv (one CSV file per table, UTF-8 with a BOM), jsonl (one gongwen.jsonl, a JSON object per row), xlsx (one gongwen.xlsx workbook, a sheet per table)",
        ("extract", "headers") => "Column names: en (English, the default) or zh (Chinese); CSV and XLSX only",
        ("terms", "headers") => "Column names: en (English, the default) or zh (Chinese)",
        (_, "lang") => "Language of messages: zh (Chinese, the default) or en (English); or set GONGWEN_LANG",
        (_, "paths") => "Files, directories (read recursively) or - for standard input",
        (_, "encoding") => "Read text in this encoding (gbk, gb18030, utf-16le, big5 …) instead of detecting it",
        (_, "max_file_size") => "Largest file read (MB)",
        (_, "threads") => "Threads (default: every core)",
        (_, "quiet") => "No progress or summary (files that cannot be read are still named)",
        (_, "config") => "Configuration file (default: gongwen.toml in the current directory or a parent)",
        (_, "registry") => "The unit's register of documents (CSV: title,docnum,issuer,date,status); may be repeated",
        (_, "no_bom") => "No BOM at the start of the CSV",
        (_, "stdin_jsonl") => "Stream: read {\"id\": …, \"text\": …} lines from standard input, write results as JSON lines",
        (_, "top") => "Keywords listed per file (0: all)",
        (_, "method") => "How keywords are ranked",
        (_, "no_boilerplate") => "Leave out document boilerplate (进一步, 加强, 推进, 工作, 有关 …; see dicts/boilerplate.txt)",
        (_, "stopwords") => "Add a stop-word list (one word a line); may be repeated",
        (_, "dict") => "Add a jieba user dictionary (word frequency tag); may be repeated",
        (_, "terms_from") => "Count the words of this list (one a line) in each file, into term_counts.csv",
        (_, "with_numbers") => "Count numbers as words too",
        (_, "with_single_chars") => "Count single characters as words too",
        (_, "fail_on") => "Findings at or above this level make the exit status 1 (default: the configuration's, else error)",
        (_, "verbose") => "List every place of a style used throughout a document (by default: once, at the first, with the count)",
        (_, "accept_current") => "Accept every current finding (written to .gongwen-accepted); later checks list only new ones",
        ("fix", "diff") => "Only list the changes (unified diff) and leave the files as they are (the default)",
        ("fix", "write") => "Rewrite text files in place, keeping the originals as .bak; for a Word document (.docx) write X.fixed.docx beside it with the fixes as tracked changes, the original untouched",
        (_, "statistics") => "Count findings per rule instead of listing them: one row per rule (findings, files), most findings first",
        (_, "annotate") => "Write into this directory, for each input, a Word document with one comment per finding on the flagged text",
        (_, "annotate_mode") => "How --annotate marks the findings: comments (one comment per finding, the default) or revisions (safe fixes as tracked changes, the rest as comments)",
        (_, "id") => "Rule id, such as docno-bracket-form",
        (_, "shell") => "The shell",
        (_, "name") => "Name of the law or regulation, full or short, such as 合同法 or 中华人民共和国行政诉讼法",
        (_, "as_of") => "Judge the citations of a document that states no date of its own on this date (YYYY-MM-DD; default today)",
        _ => return None,
    })
}

fn translate(mut cmd: Command, name: &str) -> Command {
    if let Some(a) = about(name) {
        cmd = cmd.about(a);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(h) = help(name, &id) {
            cmd = cmd.mut_arg(id, |a| a.help(h));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        cmd = cmd.mut_subcommand(s.clone(), |c| translate(c, &s));
    }
    cmd
}

/// `cmd` with its help in English.
pub(super) fn english(cmd: Command) -> Command {
    translate(cmd, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option of the program has its English text.
    #[test]
    fn every_command_and_option_has_english_help() {
        fn walk(cmd: &Command, name: &str, missing: &mut Vec<String>) {
            if about(name).is_none() {
                missing.push(format!("command {name:?}"));
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if a.get_help().is_some() && help(name, id).is_none() {
                    missing.push(format!("{name} --{id}"));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, s.get_name(), missing);
            }
        }
        let mut missing = Vec::new();
        walk(
            &<super::super::Cli as clap::CommandFactory>::command(),
            "",
            &mut missing,
        );
        assert!(missing.is_empty(), "{missing:?}");
    }
}
