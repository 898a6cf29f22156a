//! `--lang en`: every message meant for people in English, the findings themselves (rules,
//! places, texts), column names and rule ids the same as in the Chinese default.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{bin, read_csv, root};

const SEED: &str = "corpus/baoshan-fzzf-report-2022.txt";

/// Runs gongwen from the project's root with the language chosen on the command line only.
fn gongwen(lang: Option<&str>, args: &[&str]) -> Output {
    let mut c = Command::new(bin());
    c.current_dir(root()).env_remove("GONGWEN_LANG");
    if let Some(l) = lang {
        c.args(["--lang", l]);
    }
    c.args(args).output().expect("run gongwen")
}

use gongwen::i18n::unquoted;

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn assert_english(what: &str, s: &str) {
    let bare = unquoted(s);
    assert!(
        !bare.chars().any(is_han),
        "{what}: Chinese outside quoted fragments: {s}"
    );
}

fn findings(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn message_at(found: &[serde_json::Value], rule: &str, line: u64, column: u64) -> String {
    found
        .iter()
        .find(|f| f["rule"] == rule && f["line"] == line && f["column"] == column)
        .unwrap_or_else(|| panic!("no {rule} at {line}:{column}"))["message"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn seed_report_findings_in_english_are_the_chinese_findings() {
    let zh = gongwen(None, &["check", SEED, "--format", "jsonl", "-q"]);
    let en = gongwen(Some("en"), &["check", SEED, "--format", "jsonl", "-q"]);
    assert_eq!(zh.status.code(), Some(1));
    assert_eq!(en.status.code(), Some(1));
    let (zh, en) = (findings(&zh), findings(&en));
    assert!(zh.len() >= 10, "{}", zh.len());
    assert_eq!(zh.len(), en.len());
    for (z, e) in zh.iter().zip(&en) {
        for key in [
            "file", "line", "column", "rule", "severity", "text", "related",
        ] {
            assert_eq!(z[key], e[key], "{key} of {z}");
        }
        assert_ne!(z["message"], e["message"]);
        assert_english(e["rule"].as_str().unwrap(), e["message"].as_str().unwrap());
    }
    assert_eq!(
        message_at(&zh, "docno-bracket-form", 9, 203),
        "发文字号的年份应用六角括号〔〕括入：“保政发﹝2022﹞10号”应写作“保政发〔2022〕10号”"
    );
    assert_eq!(
        message_at(&en, "docno-bracket-form", 9, 203),
        "The year in a document number takes the tortoise-shell brackets 〔〕: \
         write “保政发〔2022〕10号”, not “保政发﹝2022﹞10号”"
    );
    assert_eq!(
        message_at(&en, "title-docno-conflict", 17, 89),
        "The same document 《云南省人民政府办公厅关于全面推行行政规范性文件合法性审核机制的实施意见》 \
         is cited with different document numbers: “云政发〔2019〕67号” here, “云政办发〔2019〕67号” \
         elsewhere; a document has one number, so use the correct one throughout \
         (the issuer is “云南省人民政府办公厅”, so the code should be “云政办发”; “云政发” does not fit)"
    );
    assert_eq!(
        message_at(&en, "law-currency", 5, 79),
        "《信访条例》 was repealed on 2022-05-01 and replaced by 《信访工作条例》; \
         check whether the current text should be cited"
    );
}

#[test]
fn whole_corpus_checks_the_same_in_english_with_english_words_around() {
    let zh = gongwen(None, &["check", "corpus", "--format", "jsonl"]);
    let en = gongwen(Some("en"), &["check", "corpus", "--format", "jsonl"]);
    let (zf, ef) = (findings(&zh), findings(&en));
    assert_eq!(zf.len(), ef.len());
    let rules: std::collections::BTreeSet<&str> =
        ef.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(rules.len() >= 12, "{rules:?}");
    for (z, e) in zf.iter().zip(&ef) {
        assert_eq!(
            (&z["file"], &z["line"], &z["column"], &z["rule"]),
            (&e["file"], &e["line"], &e["column"], &e["rule"])
        );
        assert_english(e["rule"].as_str().unwrap(), e["message"].as_str().unwrap());
    }
    let summary = String::from_utf8(en.stderr).unwrap();
    assert!(summary.starts_with("Checked 12 files: "), "{summary}");
    assert!(!summary.chars().any(is_han), "{summary}");
    assert!(String::from_utf8(zh.stderr)
        .unwrap()
        .starts_with("检查了 12 个文件："));
}

/// The wrong examples of every rule's documentation, one a line: a text most rules fire on.
fn wrong_examples() -> String {
    let mut text = String::new();
    // A rule whose example needs its context (a term written one way elsewhere) fires on its
    // fixtures, which hold that context.
    for r in gongwen::check::rules::ALL {
        let fixture = root()
            .join("tests/fixtures/rules")
            .join(r.id)
            .join("wrong.txt");
        if let Ok(examples) = std::fs::read_to_string(fixture) {
            for line in examples.lines().filter(|l| l.trim() != "---") {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    for r in gongwen::check::rules::ALL {
        for line in r
            .doc
            .lines()
            .filter_map(|l| l.trim().strip_prefix("错误："))
        {
            for example in line.split(" · ") {
                text.push_str(example);
                text.push('\n');
            }
        }
    }
    text
}

/// What the wrong examples alone do not show: figures compared within a report, one number
/// with two titles, an attachment page against its note.
const REPORT: &str = "临川市2024年法治政府建设情况报告
一、总体情况
2024年，全县受理劳动人事争议仲裁案件214件。共作出行政处罚73起，其中警告41起、罚款19起、没收违法所得6起、责令停产停业4起。
二、工作成效
2024年，全县受理劳动人事争议仲裁案件241件。
《临川市人民政府关于加强政务数据共享管理的通知》（临政发〔2018〕42号），《临川市人民政府关于提升基层应急管理能力的实施意见》（临政发〔2018〕42号）。

附件：临川市公共信用信息修复管理细则

附件
临川市公共信用修复细则
";

#[test]
fn every_rule_firing_on_its_wrong_examples_speaks_english() {
    let dir = tempfile::tempdir().unwrap();
    let (wrong, report) = (dir.path().join("wrong.txt"), dir.path().join("report.txt"));
    std::fs::write(&wrong, wrong_examples()).unwrap();
    std::fs::write(&report, REPORT).unwrap();
    let args = [
        "check",
        wrong.to_str().unwrap(),
        report.to_str().unwrap(),
        "--format",
        "jsonl",
        "-q",
    ];
    let zh = findings(&gongwen(None, &args));
    let en = findings(&gongwen(Some("en"), &args));
    assert_eq!(zh.len(), en.len());
    let rules: std::collections::BTreeSet<&str> =
        en.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(rules.len() >= 55, "{} rules: {rules:?}", rules.len());
    for rule in [
        "sum-mismatch",
        "metric-inconsistent",
        "docno-title-conflict",
        "attachment-note-mismatch",
    ] {
        assert!(rules.contains(rule), "{rule}");
    }
    for (z, e) in zh.iter().zip(&en) {
        assert_eq!(
            (&z["file"], &z["line"], &z["column"], &z["rule"], &z["text"]),
            (&e["file"], &e["line"], &e["column"], &e["rule"], &e["text"])
        );
        assert_english(e["rule"].as_str().unwrap(), e["message"].as_str().unwrap());
    }
}

#[test]
fn terminal_diagnostics_in_english() {
    let o = gongwen(Some("en"), &["check", SEED]);
    let out = String::from_utf8(o.stdout).unwrap();
    let head = out
        .lines()
        .find(|l| l.contains("[docno-bracket-form]"))
        .unwrap();
    assert!(
        head.starts_with(&format!("{SEED}:9:203: error[docno-bracket-form] The year")),
        "{head}"
    );
    assert!(out.contains("warning[law-currency]"));
    assert!(out.contains("  = related: "), "{out}");
    assert!(!out.contains("相关位置") && !out.contains("错误["));
    for l in out
        .lines()
        .filter(|l| l.trim_start().starts_with("= related"))
    {
        assert!(!l.chars().any(is_han), "{l}");
    }
}

#[test]
fn environment_variable_chooses_english_and_the_option_wins() {
    let run = |env: &str, args: &[&str]| {
        Command::new(bin())
            .current_dir(root())
            .env("GONGWEN_LANG", env)
            .args(args)
            .output()
            .unwrap()
    };
    let o = run("en", &["check", SEED, "--format", "jsonl", "-q"]);
    let found = findings(&o);
    assert!(message_at(&found, "docno-bracket-form", 9, 203).starts_with("The year"));
    let o = run(
        "en",
        &["--lang", "zh", "check", SEED, "--format", "jsonl", "-q"],
    );
    let found = findings(&o);
    assert!(message_at(&found, "docno-bracket-form", 9, 203).starts_with("发文字号"));
    let o = run("fr", &["rules"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn rules_list_and_documentation_in_english() {
    let zh = String::from_utf8(gongwen(None, &["rules"]).stdout).unwrap();
    let en = String::from_utf8(gongwen(Some("en"), &["rules"]).stdout).unwrap();
    assert_eq!(zh.lines().count(), en.lines().count());
    assert!(en.lines().count() >= 60);
    for (z, e) in zh.lines().zip(en.lines()) {
        let zc: Vec<&str> = z.split('\t').collect();
        let ec: Vec<&str> = e.split('\t').collect();
        assert_eq!(zc[..3], ec[..3], "id, severity and scope stay");
        assert_eq!(ec.len(), 4, "{e}");
        assert!(!ec[3].trim().is_empty(), "{e}");
        assert_english(ec[0], ec[3]);
    }
    let o = gongwen(Some("en"), &["rules", "docno-bracket-form"]);
    let doc = String::from_utf8(o.stdout).unwrap();
    assert!(doc.starts_with(
        "docno-bracket-form\terror\tdoc\nYear of a document number not in the tortoise-shell brackets 〔〕\n\nChecks: "
    ));
    for section in [
        "\nWhy: ",
        "\nWrong: 保政发﹝2022﹞10号",
        "\nRight: ",
        "\nSource: ",
    ] {
        assert!(doc.contains(section), "{section:?} in {doc}");
    }
    let o = gongwen(None, &["rules", "docno-bracket-form"]);
    assert!(String::from_utf8(o.stdout).unwrap().contains("\n检查："));
    let o = gongwen(Some("en"), &["rules", "no-such-rule"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap().trim_end(),
        "gongwen: error: no rule named “no-such-rule” (gongwen rules lists them all)"
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn input_failures_and_notes_in_english_with_the_same_columns() {
    let input = tempfile::tempdir().unwrap();
    let d = input.path();
    write(d, "empty.txt", b"");
    write(
        d,
        "binary.bin",
        &(0..2048u32)
            .map(|i| (i * 31 % 256) as u8)
            .collect::<Vec<_>>(),
    );
    write(d, "not-a-zip.docx", b"this is not a zip file at all");
    write(d, "report.pdf", b"%PDF-1.7 rest of a pdf");
    let mut invalid = std::fs::read(root().join(SEED)).unwrap();
    invalid.insert(3, 0xFF);
    write(d, "invalid-utf8.txt", &invalid);
    let extract = |lang: Option<&str>, out: &Path| {
        gongwen(
            lang,
            &[
                "extract",
                d.to_str().unwrap(),
                "-q",
                "-o",
                out.to_str().unwrap(),
            ],
        )
    };
    let (zh_out, en_out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert_eq!(extract(None, zh_out.path()).status.code(), Some(2));
    assert_eq!(extract(Some("en"), en_out.path()).status.code(), Some(2));
    let (zh_header, zh_rows) = read_csv(&zh_out.path().join("documents.csv"));
    let (header, rows) = read_csv(&en_out.path().join("documents.csv"));
    assert_eq!(
        header, zh_header,
        "column names do not change with the language"
    );
    assert_eq!(rows.len(), zh_rows.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (file, status, error) = (col("file"), col("status"), col("error"));
    let reason = |suffix: &str| {
        let r = rows.iter().find(|r| r[file].ends_with(suffix)).unwrap();
        (r[status].clone(), r[error].clone())
    };
    assert_eq!(
        reason("/empty.txt"),
        ("skipped".into(), "empty file".into())
    );
    assert_eq!(
        reason("/binary.bin"),
        (
            "skipped".into(),
            "binary data, not text (many control characters or unrecognisable bytes)".into()
        )
    );
    assert_eq!(
        reason("/report.pdf"),
        (
            "error".into(),
            "the PDF file is damaged: no objects found (the file is truncated or not a PDF)".into()
        )
    );
    let (s, e) = reason("/not-a-zip.docx");
    assert_eq!(s, "error");
    assert!(
        e.starts_with("not a valid .docx file (the zip archive is corrupt"),
        "{e}"
    );
    let (s, e) = reason("/invalid-utf8.txt");
    assert_eq!(s, "ok");
    assert!(
        e.starts_with("bytes not decodable as UTF-8: 1, replaced with �"),
        "{e}"
    );
    for r in &rows {
        assert!(!r[error].chars().any(is_han), "{}", r[error]);
    }
    let (f_header, en_findings) = read_csv(&en_out.path().join("findings.csv"));
    let message = f_header.iter().position(|h| h == "message").unwrap();
    assert!(!en_findings.is_empty());
    for r in &en_findings {
        assert_english("findings.csv", &r[message]);
    }
}

#[test]
fn command_line_messages_in_english() {
    let stderr = |o: &Output| String::from_utf8(o.stderr.clone()).unwrap();
    let o = gongwen(Some("en"), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "gongwen: error: give at least one file or directory (- for standard input)"
    );
    let out = tempfile::tempdir().unwrap();
    let o = gongwen(
        Some("en"),
        &[
            "extract",
            "corpus",
            "--encoding",
            "klingon",
            "-o",
            out.path().to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "gongwen: error: unknown encoding name: klingon (use gb18030, gbk, big5, utf-8, utf-16le, utf-16be …)"
    );
    let blocker = out.path().join("file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let target = blocker.join("out");
    let o = gongwen(
        Some("en"),
        &["extract", SEED, "-o", target.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("gongwen: error: cannot create the output in "),
        "{}",
        stderr(&o)
    );
    let dest = out.path().join("tables");
    let o = gongwen(Some("en"), &["extract", SEED, "-o", dest.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stderr(&o).trim_end(),
        format!(
            "Processed 1 file: 1 ok, 0 skipped, 0 failed; output: {}",
            dest.display()
        )
    );
    let config = out.path().join("gongwen.toml");
    std::fs::write(&config, "[rules]\nno-such = \"off\"\n").unwrap();
    let o = gongwen(
        Some("en"),
        &["check", SEED, "--config", config.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        format!(
            "gongwen: error: configuration file {}: no rule named “no-such” \
             (gongwen rules lists them all)",
            config.display()
        )
    );
    let here = tempfile::tempdir().unwrap();
    let o = Command::new(bin())
        .current_dir(here.path())
        .env("GONGWEN_LANG", "en")
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(stderr(&o).trim_end(), "Wrote gongwen.toml");
    let written = std::fs::read_to_string(here.path().join("gongwen.toml")).unwrap();
    assert!(written.starts_with("# gongwen configuration"), "{written}");
    assert!(written.contains(
        "# docno-bracket-form = \"error\"    # Year of a document number not in the tortoise-shell brackets 〔〕\n"
    ));
    let o = gongwen(Some("en"), &["check", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with(
            "no/such/file.txt: cannot read: no such file or directory; check the path\n"
        ),
        "{}",
        stderr(&o)
    );
}

/// The language and verbosity travel with the checker: two checkers in one process, on one
/// thread, say the same findings in two languages, and neither changes what the other says.
#[test]
fn the_checker_carries_its_language_and_verbosity() {
    use gongwen::check::Checker;
    use gongwen::i18n::Lang;
    use gongwen::pipeline::analyse;
    use gongwen::segment::Segmenter;
    use gongwen::Document;

    let text = std::fs::read_to_string(root().join(SEED)).unwrap();
    let doc = Document::from_text("seed.txt", text);
    let seg = Segmenter::global();
    let zh = analyse(&doc, seg, &Checker::default_rules()).findings;
    let en = analyse(&doc, seg, &Checker::default_rules().with_lang(Lang::En)).findings;
    let zh_again = analyse(&doc, seg, &Checker::default_rules()).findings;
    assert!(zh.len() > 10, "{}", zh.len());
    assert_eq!(zh.len(), en.len());
    for (z, e) in zh.iter().zip(&en) {
        assert_eq!((&z.at, z.rule, &z.text), (&e.at, e.rule, &e.text));
        assert_english(z.rule, &e.message);
        assert_ne!(z.message, e.message, "{}", z.rule);
    }
    assert_eq!(
        zh.iter().map(|f| &f.message).collect::<Vec<_>>(),
        zh_again.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    // The seed report uses ASCII punctuation throughout: folded once by default, every
    // occurrence when verbose.
    let verbose = analyse(&doc, seg, &Checker::default_rules().verbose(true)).findings;
    let count = |fs: &[gongwen::check::Located]| {
        fs.iter()
            .filter(|f| f.rule == "halfwidth-punct-in-cjk")
            .count()
    };
    assert!(
        count(&verbose) > 10 * count(&zh),
        "{} {}",
        count(&verbose),
        count(&zh)
    );
    assert_eq!(count(&zh), count(&zh_again));
}

/// Mistakes on the command line are said in the language of messages, with clap's hint kept.
#[test]
fn command_line_mistakes_follow_the_language() {
    let zh = gongwen(None, &["check", "--fial-on", "error", "x.txt"]);
    let text = String::from_utf8_lossy(&zh.stderr);
    assert_eq!(zh.status.code(), Some(2));
    assert!(text.contains("无法识别的选项“--fial-on”"), "{text}");
    assert!(text.contains("是否要用“--fail-on”"), "{text}");
    let en = gongwen(Some("en"), &["check", "--fial-on", "error", "x.txt"]);
    let text = String::from_utf8_lossy(&en.stderr);
    assert_eq!(en.status.code(), Some(2));
    assert!(text.contains("unknown option “--fial-on”"), "{text}");
    assert_english("usage error", &text);
    let missing = gongwen(None, &["extract", "corpus"]);
    let text = String::from_utf8_lossy(&missing.stderr);
    assert!(text.contains("缺少必需的参数：--output"), "{text}");
    let bad = gongwen(None, &["check", "--fail-on", "bogus", "x.txt"]);
    let text = String::from_utf8_lossy(&bad.stderr);
    assert!(text.contains("“bogus”不是 --fail-on"), "{text}");
    assert!(text.contains("error、warning、info"), "{text}");
}

/// `--help` and the man page follow the language: English with `--lang en` (Chinese only in the
/// examples of document words it quotes), Chinese by default.
#[test]
fn help_follows_the_language() {
    let han_lines = |o: &Output| -> Vec<String> {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| l.chars().any(is_han))
            // Words of documents quoted as examples.
            .filter(|l| !l.contains("(公文)") && !l.contains("进一步"))
            .map(String::from)
            .collect()
    };
    for cmd in [
        "check",
        "extract",
        "segment",
        "terms",
        "rules",
        "init",
        "completions",
    ] {
        let en = gongwen(Some("en"), &[cmd, "--help"]);
        assert_eq!(en.status.code(), Some(0));
        assert!(han_lines(&en).is_empty(), "{cmd}: {:?}", han_lines(&en));
        let zh = gongwen(None, &[cmd, "--help"]);
        assert!(!han_lines(&zh).is_empty(), "{cmd}");
    }
    assert!(han_lines(&gongwen(Some("en"), &["--help"])).is_empty());
    assert!(han_lines(&gongwen(Some("en"), &["man"])).is_empty());
}
