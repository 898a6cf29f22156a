//! `check --format html|sarif|github` on the bundled corpus: the page is self-contained and its
//! counts are the findings'; the SARIF log has one result per finding at the finding's place;
//! one annotation per finding. Where Chromium is installed (`scripts/install-browser.sh`), the
//! page is loaded headless, filtered through its address, and photographed.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{bin, root};

fn check(format: &str, out: Option<&Path>) -> String {
    let mut c = Command::new(bin());
    c.args(["check", "corpus", "-q", "--format", format]);
    c.current_dir(root());
    if let Some(o) = out {
        c.arg("-o").arg(o);
    }
    String::from_utf8(c.output().unwrap().stdout).unwrap()
}

/// The findings of the corpus as CSV rows: file, line, column, rule, severity, …
fn rows() -> Vec<Vec<String>> {
    let csv = check("csv", None);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    r.records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect()
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn html_report_is_one_page_with_every_finding_and_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    check("html", Some(&page));
    let html = std::fs::read_to_string(&page).unwrap();
    let rows = rows();
    assert!(rows.len() >= 10);
    // Self-contained: nothing is fetched.
    for outside in [
        "src=\"http",
        "href=\"http",
        "<link",
        "src=\"//",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert_eq!(count(&html, "<div class=\"f "), rows.len());
    for sev in ["error", "warning", "info"] {
        let n = rows.iter().filter(|r| r[4] == sev).count();
        assert_eq!(count(&html, &format!("data-sev=\"{sev}\" data-rule=")), n);
    }
    // The per-rule total of the top table, for the rule with most findings.
    let mut per_rule = std::collections::BTreeMap::<&str, usize>::new();
    for r in &rows {
        *per_rule.entry(r[3].as_str()).or_default() += 1;
    }
    for (rule, n) in &per_rule {
        let row_start = html
            .find(&format!("<tr data-rule=\"{rule}\">"))
            .unwrap_or_else(|| panic!("{rule}"));
        let row = &html[row_start..row_start + html[row_start..].find("</tr>").unwrap()];
        assert!(
            row.ends_with(&format!("<td class=\"n total\">{n}</td>")),
            "{row}"
        );
    }
    // A finding's flagged text is marked, and its fix shown.
    let r = rows.iter().find(|r| r[3] == "cjk-one-as-dash").unwrap();
    assert!(html.contains(&format!("<mark>{}</mark>", r[6])));
    assert!(html.contains(&format!("<b>{}</b>", r[10])));
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

#[test]
fn html_report_filters_in_a_headless_browser() {
    let Some(browser) = chromium() else {
        println!("report: skipped, no chromium (scripts/install-browser.sh installs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    check("html", Some(&page));
    let rows = rows();
    let url = |hash: &str| format!("file://{}#{hash}", page.display());
    let dom = |hash: &str| {
        let out = Command::new(&browser)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
            .arg(url(hash))
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let shown = |dom: &str| -> usize {
        let at = dom.find("<span id=\"shown\">").unwrap() + "<span id=\"shown\">".len();
        dom[at..at + dom[at..].find('<').unwrap()].parse().unwrap()
    };
    let all = dom("");
    assert_eq!(shown(&all), rows.len());
    let rule = "cjk-one-as-dash";
    let filtered = dom(&format!("rule={rule}"));
    let want = rows.iter().filter(|r| r[3] == rule).count();
    assert!(want > 0);
    assert_eq!(shown(&filtered), want);
    // Findings shown: all of them but the hidden ones (hidden sections of files are not).
    let hidden = count(&filtered, " hidden\"") - count(&filtered, "class=\"file hidden\"");
    assert_eq!(count(&filtered, "class=\"f ") - hidden, want);
    let errors = dom("sev=error");
    assert_eq!(
        shown(&errors),
        rows.iter().filter(|r| r[4] == "error").count()
    );
    let shot = dir.path().join("report.png");
    let status = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg("--window-size=1200,1400")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(url(""))
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{}",
        png.len()
    );
}

#[test]
fn sarif_log_has_one_result_per_finding_at_its_place() {
    let log: serde_json::Value = serde_json::from_str(&check("sarif", None)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "gongwen");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    let rows = rows();
    assert_eq!(results.len(), rows.len());
    for (res, row) in results.iter().zip(&rows) {
        let i = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], res["ruleId"]);
        assert_eq!(res["ruleId"], row[3].as_str());
        let loc = &res["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], row[0].as_str());
        let region = &loc["region"];
        for (key, col) in [
            ("startLine", 1),
            ("startColumn", 2),
            ("endLine", 8),
            ("endColumn", 9),
        ] {
            assert_eq!(region[key].to_string(), row[col], "{key}");
        }
        let level = match row[4].as_str() {
            "info" => "note",
            s => s,
        };
        assert_eq!(res["level"], level);
        match res.get("fixes") {
            Some(f) => assert_eq!(
                f[0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
                row[10].as_str()
            ),
            None => assert_eq!(row[10], ""),
        }
    }
}

#[test]
fn github_annotations_one_per_finding() {
    let out = check("github", None);
    let rows = rows();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), rows.len());
    for (l, r) in lines.iter().zip(&rows) {
        let command = match r[4].as_str() {
            "info" => "notice",
            s => s,
        };
        assert!(
            l.starts_with(&format!(
                "::{command} file={},line={},col={},",
                r[0], r[1], r[2]
            )),
            "{l}"
        );
        assert!(l.contains(&format!(",title={}::", r[3])), "{l}");
    }
}

/// The SARIF log validates against the SARIF 2.1.0 schema of OASIS (tests/fixtures/sarif/, see
/// its SOURCES.md), in both languages and with every occurrence listed; a log broken on purpose
/// does not, so the schema is really applied.
#[test]
fn sarif_log_validates_against_the_sarif_2_1_0_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/sarif/sarif-schema-2.1.0.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .unwrap();
    let mut results = 0;
    for extra in [&[][..], &["--lang", "en"], &["--verbose"]] {
        let out = Command::new(bin())
            .current_dir(root())
            .args([
                "check",
                "corpus",
                "tests/fixtures/annotate",
                "-q",
                "--format",
                "sarif",
            ])
            .args(extra)
            .output()
            .unwrap();
        let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{extra:?}: {errors:#?}");
        results += log["runs"][0]["results"].as_array().unwrap().len();
        let mut broken = log.clone();
        broken["runs"][0]["results"][0]["level"] = "fatal".into();
        assert!(!validator.is_valid(&broken));
        let mut broken = log;
        broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
            ["startLine"] = 0.into();
        assert!(!validator.is_valid(&broken));
    }
    assert!(results > 300, "{results}");
}
