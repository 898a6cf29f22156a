//! Findings for people and tools outside the terminal: a self-contained HTML page, SARIF 2.1.0
//! for code-scanning tools, and GitHub workflow annotations.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::check::{self, Located, Severity};
use crate::i18n::tr;

fn esc(s: &str) -> String {
    super::escape_markup(s)
}

const STYLE: &str = r#"
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table.counts{border-collapse:collapse;margin:.5rem 2rem .5rem 0;display:inline-table;vertical-align:top}
table.counts td,table.counts th{border:1px solid #ddd;padding:.2rem .6rem;text-align:left}
table.counts td.n{text-align:right}
.filters{background:#f5f5f5;padding:.6rem 1rem;margin:1rem 0;position:sticky;top:0}
.filters label{margin-right:1rem}
.f{border-left:4px solid #999;padding:.4rem .8rem;margin:.6rem 0;background:#fafafa}
.f.error{border-color:#c62828}.f.warning{border-color:#ef8f00}.f.info{border-color:#1e6fc2}
.sev{font-weight:bold}.error .sev{color:#c62828}.warning .sev{color:#b36b00}.info .sev{color:#1e6fc2}
.loc{color:#555;font-family:monospace}.rule{font-family:monospace;color:#444}
.line{font-family:"Noto Serif CJK SC",serif;background:#fff;border:1px solid #eee;padding:.3rem .5rem;margin:.3rem 0}
mark{background:#ffe08a;border-bottom:2px solid #c62828}
.fix{color:#2e7d32}.fix b{background:#e3f6e5;font-weight:normal;padding:0 .2rem}
.hidden{display:none}
"#;

const SCRIPT: &str = r#"
function applyFilters(){
  var sev={};document.querySelectorAll('input[data-sev]').forEach(function(c){sev[c.dataset.sev]=c.checked;});
  var rule=document.getElementById('rule').value;var shown=0;
  document.querySelectorAll('.f').forEach(function(f){
    var on=sev[f.dataset.sev]&&(rule===''||f.dataset.rule===rule);
    f.classList.toggle('hidden',!on);if(on)shown++;});
  document.querySelectorAll('section.file').forEach(function(s){
    s.classList.toggle('hidden',s.querySelectorAll('.f:not(.hidden)').length===0);});
  document.getElementById('shown').textContent=shown;
}
document.querySelectorAll('.filters input,.filters select').forEach(function(e){e.addEventListener('change',applyFilters);});
// A link can carry a filter: report.html#rule=cjk-one-as-dash&sev=error,warning
(function(){
  var h=new URLSearchParams(location.hash.slice(1));
  if(h.has('rule'))document.getElementById('rule').value=h.get('rule');
  if(h.has('sev')){var on=h.get('sev').split(',');
    document.querySelectorAll('input[data-sev]').forEach(function(c){c.checked=on.indexOf(c.dataset.sev)>=0;});}
  applyFilters();
})();
"#;

/// The findings as one HTML page that needs nothing but a browser: styles and script inline,
/// no request leaves the page. Grouped by file then line; counts per rule and per file at the
/// top; filters by severity and rule. `summary` is the line saying what was checked.
pub fn html(findings: &[Located], summary: &str) -> String {
    let mut by_file: BTreeMap<&str, Vec<&Located>> = BTreeMap::new();
    for f in findings {
        by_file.entry(f.at.file.as_str()).or_default().push(f);
    }
    for v in by_file.values_mut() {
        v.sort_by(|a, b| (a.at.line, a.at.column, a.rule).cmp(&(b.at.line, b.at.column, b.rule)));
    }
    let file_index: BTreeMap<&str, usize> =
        by_file.keys().enumerate().map(|(i, f)| (*f, i)).collect();
    let mut rules: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for f in findings {
        rules.entry(f.rule).or_default()[sev_index(f.severity)] += 1;
    }
    let lang = if crate::i18n::lang() == crate::i18n::Lang::En {
        "en"
    } else {
        "zh-CN"
    };
    let mut h = String::new();
    let title = tr("gongwen 检查报告", "gongwen check report");
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    let _ = writeln!(h, "<p id=\"summary\">{}</p>", esc(summary));
    // Counts per rule and per file.
    let _ = writeln!(
        h,
        "<table class=\"counts\" id=\"rule-counts\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        tr("规则", "rule"),
        Severity::Error.label(),
        Severity::Warning.label(),
        Severity::Info.label(),
        tr("合计", "total")
    );
    for (rule, n) in &rules {
        let _ = writeln!(
            h,
            "<tr data-rule=\"{r}\"><td class=\"rule\">{r}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n total\">{}</td></tr>",
            n[2],
            n[1],
            n[0],
            n.iter().sum::<usize>(),
            r = esc(rule)
        );
    }
    h.push_str("</table>\n");
    let _ = writeln!(
        h,
        "<table class=\"counts\" id=\"file-counts\"><tr><th>{}</th><th>{}</th></tr>",
        tr("文件", "file"),
        tr("问题", "findings")
    );
    for (file, v) in &by_file {
        let _ = writeln!(
            h,
            "<tr><td><a href=\"#file-{}\">{}</a></td><td class=\"n\">{}</td></tr>",
            file_index[file],
            esc(file),
            v.len()
        );
    }
    h.push_str("</table>\n");
    // Filters.
    h.push_str("<div class=\"filters\">");
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        let _ = write!(
            h,
            "<label><input type=\"checkbox\" data-sev=\"{}\" checked> {}</label>",
            s.as_str(),
            s.label()
        );
    }
    let _ = write!(
        h,
        "<label>{} <select id=\"rule\"><option value=\"\">{}</option>",
        tr("规则", "rule"),
        tr("全部", "all")
    );
    for rule in rules.keys() {
        let _ = write!(h, "<option value=\"{r}\">{r}</option>", r = esc(rule));
    }
    let _ = writeln!(
        h,
        "</select></label> {} <span id=\"shown\">{}</span></div>",
        tr("显示：", "shown:"),
        findings.len()
    );
    // The findings, by file then line.
    for (file, v) in &by_file {
        let i = file_index[file];
        let _ = writeln!(
            h,
            "<section class=\"file\" id=\"file-{i}\"><h2>{}</h2>",
            esc(file)
        );
        let mut last_line = 0;
        for f in v {
            let anchor = if f.at.line != last_line {
                last_line = f.at.line;
                format!(" id=\"L{i}-{}\"", f.at.line)
            } else {
                String::new()
            };
            let _ = writeln!(
                h,
                "<div class=\"f {s}\" data-sev=\"{s}\" data-rule=\"{r}\"{anchor}>\
                 <span class=\"loc\">{}:{}:{}</span> <span class=\"sev\">{}</span> \
                 <span class=\"rule\">[{r}]</span> <span class=\"msg\">{}</span>",
                esc(file),
                f.at.line,
                f.at.column,
                f.severity.label(),
                esc(&f.message),
                s = f.severity.as_str(),
                r = esc(f.rule)
            );
            if let Some(x) = &f.excerpt {
                let _ = writeln!(
                    h,
                    "<div class=\"line\">{}<mark>{}</mark>{}</div>",
                    esc(&x.before),
                    esc(&x.target),
                    esc(&x.after)
                );
            }
            if let Some(r) = &f.replacement {
                let what = if r.is_empty() {
                    tr("删去", "delete it").to_string()
                } else {
                    format!("<b>{}</b>", esc(r))
                };
                let _ = writeln!(
                    h,
                    "<div class=\"fix\">{} {what}</div>",
                    tr("改为：", "Fix:")
                );
            }
            if !f.related.is_empty() {
                let links: Vec<String> = f
                    .related
                    .iter()
                    .map(|l| match file_index.get(l.file.as_str()) {
                        Some(j) if by_file[l.file.as_str()].iter().any(|g| g.at.line == l.line) => {
                            format!("<a href=\"#L{j}-{}\">{}</a>", l.line, esc(&l.to_string()))
                        }
                        Some(j) => format!("<a href=\"#file-{j}\">{}</a>", esc(&l.to_string())),
                        None => esc(&l.to_string()),
                    })
                    .collect();
                let _ = writeln!(
                    h,
                    "<div class=\"related\">{} {}</div>",
                    tr("相关位置：", "Related:"),
                    links.join(tr("、", ", "))
                );
            }
            h.push_str("</div>\n");
        }
        h.push_str("</section>\n");
    }
    let _ = write!(h, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    h
}

fn sev_index(s: Severity) -> usize {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The findings as a SARIF 2.1.0 log: one run, every rule of the catalogue in the driver,
/// columns counted in characters (`unicodeCodePoints`), fixes where a rule states one.
pub fn sarif(findings: &[Located]) -> serde_json::Value {
    use serde_json::json;
    let lang = crate::i18n::lang();
    let all = check::rules::ALL;
    let rules: Vec<serde_json::Value> = all
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": {"text": r.summary_in(lang)},
                "fullDescription": {"text": r.doc_in(lang)},
                "defaultConfiguration": {"level": sarif_level(r.severity)},
                "properties": {"safeFix": r.safe_fix},
            })
        })
        .collect();
    let region = |f: &Located| {
        json!({
            "startLine": f.at.line,
            "startColumn": f.at.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
        })
    };
    let results: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let mut r = json!({
                "ruleId": f.rule,
                "ruleIndex": all.iter().position(|r| r.id == f.rule).unwrap_or(0),
                "level": sarif_level(f.severity),
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.at.file},
                        "region": region(f),
                    }
                }],
            });
            if !f.related.is_empty() {
                r["relatedLocations"] = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        json!({
                            "id": i,
                            "physicalLocation": {
                                "artifactLocation": {"uri": l.file},
                                "region": {"startLine": l.line, "startColumn": l.column},
                            }
                        })
                    })
                    .collect();
            }
            if let Some(text) = &f.replacement {
                r["fixes"] = json!([{
                    "description": {"text": f.message},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": f.at.file},
                        "replacements": [{
                            "deletedRegion": region(f),
                            "insertedContent": {"text": text},
                        }],
                    }],
                }]);
            }
            r
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "gongwen",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// Escapes the message of a workflow command.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property of a workflow command.
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One finding as a GitHub Actions workflow command (an annotation on the file and line).
pub fn github(f: &Located) -> String {
    let command = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut message = f.message.clone();
    if let Some(r) = &f.replacement {
        message.push_str(&msg!(zh = "（改为“{r}”）", en = " (fix: “{r}”)"));
    }
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        gh_property(&f.at.file),
        f.at.line,
        f.at.column,
        f.end_line,
        f.end_column,
        gh_property(f.rule),
        gh_data(&message)
    )
}
