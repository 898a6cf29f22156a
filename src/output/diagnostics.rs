//! Compiler-style diagnostics for the terminal:
//!
//! ```text
//! corpus/a.txt:9:42: 错误[docno-bracket-form] 发文字号年份应使用六角括号〔〕……
//!    |
//!  9 | …制发了保政发﹝2022﹞10号文。
//!    |        ^^^^^^^^^^^^^^^^^^
//!    = 相关位置：corpus/a.txt:12:5
//! ```
//!
//! The words around the message (severity, 相关位置, the summary) follow the language of messages.
//!
//! Carets are placed by display width, so they line up under Chinese characters, which take two
//! columns on a terminal.

use unicode_width::UnicodeWidthStr;

use crate::check::{Located, Severity};
use crate::i18n::tr;

/// Whether to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

fn paint(s: &str, code: &str, style: Style) -> String {
    if style.color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn severity_code(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

/// Terminal width of text; tabs count as one column each (they are shown as a space).
fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s.replace('\t', " ").as_str())
}

/// Renders one finding.
pub fn render(f: &Located, style: Style) -> String {
    // Editors read `file:line:column`; the page of a PDF or OFD follows, for the reader who
    // has the printed document in hand.
    let place = match f.at.page {
        Some(p) => format!("{}{}", f.at, msg!(zh = "（第{}页）", en = " (page {})", p)),
        None => f.at.to_string(),
    };
    let head = format!(
        "{}: {} {}",
        paint(&place, "1", style),
        paint(
            &format!("{}[{}]", f.severity.label(), f.rule),
            severity_code(f.severity),
            style
        ),
        f.message
    );
    let mut out = head;
    out.push('\n');
    let gutter = f.at.line.to_string().len();
    let pad = " ".repeat(gutter);
    if let Some(e) = &f.excerpt {
        let bar = paint("|", "1;34", style);
        let line = format!("{}{}{}", e.before, e.target, e.after).replace('\t', " ");
        out.push_str(&format!("{pad} {bar}\n"));
        out.push_str(&format!(
            "{} {bar} {line}\n",
            paint(&f.at.line.to_string(), "1;34", style)
        ));
        let carets = "^".repeat(width(&e.target).max(1));
        out.push_str(&format!(
            "{pad} {bar} {}{}\n",
            " ".repeat(width(&e.before)),
            paint(&carets, severity_code(f.severity), style)
        ));
    }
    if !f.related.is_empty() {
        // A folded style finding can list dozens of places; the terminal shows a few, the
        // machine formats carry them all.
        const SHOWN: usize = 3;
        let related: Vec<String> = f
            .related
            .iter()
            .take(SHOWN)
            .map(|l| l.to_string())
            .collect();
        let total = f.related.len();
        let more = if total > SHOWN {
            msg!(zh = " 等{total}处", en = " and others, {total} in all")
        } else {
            String::new()
        };
        let related = related.join(tr("；", "; "));
        out.push_str(&msg!(
            zh = "{pad} = 相关位置：{related}{more}\n",
            en = "{pad} = related: {related}{more}\n"
        ));
    }
    out
}

/// The closing summary line.
pub fn summary(c: &CheckCounts) -> String {
    let CheckCounts {
        errors,
        warnings,
        infos,
        files,
        unread,
        skipped,
        clean,
    } = *c;
    let read = files - unread - skipped;
    let file_s = plural(files, "file", "files");
    // What was not read comes first: a file that was not read is never counted as clean.
    let mut head = Vec::new();
    if unread > 0 {
        head.push(msg!(
            zh = "{unread} 个无法读取或格式不支持（见上）",
            en = "{unread} could not be read or are in a format not supported (listed above)"
        ));
    }
    if skipped > 0 {
        head.push(msg!(
            zh = "{skipped} 个已跳过（见上）",
            en = "{skipped} skipped (listed above)"
        ));
    }
    let found = errors + warnings + infos;
    let tail = if found == 0 {
        match (head.is_empty(), read) {
            (true, _) => {
                return msg!(
                    zh = "检查了 {files} 个文件，未发现问题。",
                    en = "Checked {files} {file_s}: no problems found."
                )
            }
            (false, 0) => String::new(),
            (false, _) => msg!(
                zh = "读取的 {read} 个未发现问题",
                en = "no problems found in the {read} read"
            ),
        }
    } else {
        let (error_s, warning_s) = (
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
        );
        let counts = msg!(
            zh = "错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个",
            en = "{errors} {error_s}, {warnings} {warning_s}, {infos} info"
        );
        if clean == 0 {
            counts
        } else {
            let clean_s = plural(clean, "file", "files");
            msg!(
                zh = "{counts}（{clean} 个文件未发现问题）",
                en = "{counts} ({clean} {clean_s} without problems)"
            )
        }
    };
    let parts: Vec<String> = head
        .into_iter()
        .chain(Some(tail).filter(|t| !t.is_empty()))
        .collect();
    msg!(
        zh = "检查了 {files} 个文件：{}。",
        en = "Checked {files} {file_s}: {}.",
        parts.join(crate::i18n::tr("；", "; "))
    )
}

/// What a `check` run found, for its summary line.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Inputs in all, read or not.
    pub files: usize,
    /// Inputs that could not be read or are in a format not read.
    pub unread: usize,
    /// Inputs passed over on purpose (not documents, empty).
    pub skipped: usize,
    /// Inputs read with no finding.
    pub clean: usize,
}

/// The English word for `n` of something.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_never_calls_an_unread_file_clean() {
        let c = |files, unread, skipped, errors, clean| CheckCounts {
            errors,
            warnings: 0,
            infos: 0,
            files,
            unread,
            skipped,
            clean,
        };
        assert_eq!(summary(&c(3, 0, 0, 0, 3)), "检查了 3 个文件，未发现问题。");
        assert_eq!(
            summary(&c(4, 4, 0, 0, 0)),
            "检查了 4 个文件：4 个无法读取或格式不支持（见上）。"
        );
        assert_eq!(
            summary(&c(3, 1, 1, 0, 1)),
            "检查了 3 个文件：1 个无法读取或格式不支持（见上）；1 个已跳过（见上）；读取的 1 个未发现问题。"
        );
        assert_eq!(
            summary(&c(3, 1, 0, 2, 1)),
            "检查了 3 个文件：1 个无法读取或格式不支持（见上）；错误 2 个，警告 0 个，提示 0 个（1 个文件未发现问题）。"
        );
        assert_eq!(
            summary(&c(1, 0, 0, 2, 0)),
            "检查了 1 个文件：错误 2 个，警告 0 个，提示 0 个。"
        );
        let en = crate::i18n::with_lang(crate::i18n::Lang::En, || summary(&c(2, 2, 0, 0, 0)));
        assert_eq!(
            en,
            "Checked 2 files: 2 could not be read or are in a format not supported (listed above)."
        );
    }
    use crate::check::{Excerpt, Location};
    use crate::span::Span;

    #[test]
    fn carets_line_up_under_wide_characters() {
        let line = "督办了事项，制发了保政发﹝2022﹞10号文。";
        let start = line.find('保').unwrap();
        let end = line.find('文').unwrap();
        let f = Located {
            at: Location {
                file: "a.txt".into(),
                line: 9,
                column: 10,
                page: None,
            },
            span: Span::new(start, end),
            rule: "docno-bracket-form",
            severity: Severity::Error,
            message: "消息".into(),
            text: line[start..end].into(),
            related: vec![Location {
                file: "b.txt".into(),
                line: 1,
                column: 2,
                page: None,
            }],
            excerpt: Some(Excerpt::new(line, start, end)),
            end_line: 9,
            end_column: 28,
            replacement: None,
        };
        let s = render(&f, Style { color: false });
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "a.txt:9:10: 错误[docno-bracket-form] 消息");
        assert_eq!(lines[2], "9 | 督办了事项，制发了保政发﹝2022﹞10号文。");
        // 9 wide characters before the number: 18 columns; the number is 6+2+4+2+2+2 = 18 wide.
        assert_eq!(
            lines[3],
            format!("  | {}{}", " ".repeat(18), "^".repeat(18))
        );
        assert_eq!(lines[4], "  = 相关位置：b.txt:1:2");

        let mut paged = f.clone();
        paged.at.page = Some(3);
        let s = render(&paged, Style { color: false });
        assert!(s.starts_with("a.txt:9:10（第3页）: 错误"), "{s}");
        let s = crate::i18n::with_lang(crate::i18n::Lang::En, || {
            render(&paged, Style { color: false })
        });
        assert!(s.starts_with("a.txt:9:10 (page 3): "), "{s}");
    }
}
