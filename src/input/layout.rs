//! From positioned text on pages (PDF, OFD) to the document's text: lines in reading order,
//! paragraphs broken by the layout joined again, running headers, footers and page numbers left
//! out.

use std::collections::HashMap;

use super::Extracted;

/// A run of text drawn at one place on a page. Coordinates grow rightwards and downwards
/// (readers of formats that grow upwards flip them), in any unit as long as a page uses one.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    /// The baseline.
    pub y: f32,
    /// Advance width of the whole run.
    pub width: f32,
    /// Font size, the height of a line of this text.
    pub size: f32,
    pub text: String,
}

/// One line of a page, its runs joined.
#[derive(Debug, Clone)]
struct Line {
    x: f32,
    right: f32,
    size: f32,
    text: String,
}

/// Builds the document's text from its pages' runs.
pub fn assemble(pages: Vec<Vec<Run>>) -> Extracted {
    let mut pages: Vec<Vec<Line>> = pages.into_iter().map(page_lines).collect();
    for lines in &mut pages {
        lines.retain(|l| !is_page_number(&l.text));
    }
    drop_running_lines(&mut pages);
    let block = Block::of(&pages);
    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    let mut prev: Option<&Line> = None;
    for lines in &pages {
        // A page starts at its first line; a page with none, where the text stands.
        if lines.is_empty() {
            starts.push(text.len());
        }
        for (i, line) in lines.iter().enumerate() {
            if prev.is_some_and(|p| block.joins(p, line)) {
                // Latin words broken at a line end were apart; Chinese characters are not.
                if text.ends_with(|c: char| c.is_ascii_alphabetic())
                    && line.text.starts_with(|c: char| c.is_ascii_alphabetic())
                {
                    text.push(' ');
                }
            } else if !text.is_empty() {
                text.push('\n');
            }
            if i == 0 {
                starts.push(text.len());
            }
            text.push_str(&line.text);
            prev = Some(line);
        }
    }
    if !text.is_empty() {
        text.push('\n');
    }
    Extracted {
        text,
        pages: starts,
        title: None,
    }
}

/// The text block of the document: its left and right edges, and whether its paragraphs begin
/// with an indent.
struct Block {
    left: f32,
    right: f32,
    indented: bool,
    /// The size of most lines: the body text.
    body: f32,
}

impl Block {
    fn of(pages: &[Vec<Line>]) -> Self {
        let lines: Vec<&Line> = pages.iter().flatten().collect();
        // Justified lines all end at the right edge, so the most common right end (to about a
        // point) among lines of some length is the edge; a table or a stray line past it does
        // not move it.
        let mut ends: HashMap<i64, usize> = HashMap::new();
        for l in lines.iter().filter(|l| l.text.chars().count() >= 8) {
            *ends.entry(l.right.round() as i64).or_default() += 1;
        }
        let max_right = lines
            .iter()
            .map(|l| l.right)
            .fold(f32::NEG_INFINITY, f32::max);
        let right = ends
            .iter()
            .filter(|(_, &n)| n >= 2)
            .max_by_key(|(&r, &n)| (n, r))
            .map_or(max_right, |(&r, _)| r as f32);
        // The left edge is where full lines begin: those are the continuation lines of
        // paragraphs, and first lines when paragraphs are not indented.
        let full = |l: &&&Line| l.right >= right - l.size * 1.5;
        let left = lines
            .iter()
            .filter(full)
            .map(|l| l.x)
            .fold(f32::INFINITY, f32::min);
        let left = if left.is_finite() {
            left
        } else {
            lines.iter().map(|l| l.x).fold(f32::INFINITY, f32::min)
        };
        // Indented paragraphs begin about two characters in.
        let indents = lines
            .iter()
            .filter(|l| {
                let d = (l.x - left) / l.size;
                (1.5..=2.6).contains(&d)
            })
            .count();
        let mut sizes: HashMap<i64, usize> = HashMap::new();
        for l in &lines {
            *sizes.entry((l.size * 4.0).round() as i64).or_default() += 1;
        }
        let body = sizes
            .into_iter()
            .max_by_key(|&(s, n)| (n, s))
            .map_or(0.0, |(s, _)| s as f32 / 4.0);
        Block {
            left,
            right,
            indented: indents * 20 >= lines.len() && indents > 0,
            body,
        }
    }

    fn is_full(&self, l: &Line) -> bool {
        l.right >= self.right - l.size * 1.5
    }

    fn is_indented(&self, l: &Line) -> bool {
        l.x > self.left + l.size * 1.2
    }

    /// Whether a line is centred in the block, as titles are.
    fn is_centred(&self, l: &Line) -> bool {
        let (before, after) = (l.x - self.left, self.right - l.right);
        before > l.size && after > l.size && (before - after).abs() <= l.size
    }

    /// Whether `line` goes on with the paragraph of `prev`, the line before it.
    fn joins(&self, prev: &Line, line: &Line) -> bool {
        if (prev.size - line.size).abs() > 0.2 * line.size.max(prev.size) {
            return false;
        }
        let open = !ends_sentence(&prev.text);
        if self.is_indented(line) {
            // A title too long for one line is set as centred lines; the first one fills the
            // width.
            return self.is_full(prev) && self.is_centred(line) && open;
        }
        if self.is_full(prev) {
            // Where paragraphs are indented, a line at the left edge after a full one is
            // always the same paragraph, even when the line happens to end with a full stop.
            return self.indented || open;
        }
        // Body text set flush left breaks before a number or a word that does not fit, leaving
        // the line a few characters short. (Not so the rows of a table or a box in smaller
        // type, which end short by design.)
        open && (prev.size - self.body).abs() <= 0.1 * self.body
            && prev.right >= self.right - prev.size * 5.0
    }
}

fn ends_sentence(text: &str) -> bool {
    // A closing quote or bracket ends a sentence only after a mark that does (……。” but not
    // 推进“应公开尽公开”, which goes on on the next line).
    text.trim_end()
        .trim_end_matches(['”', '」', '』', '’', '）', ')'])
        .ends_with(['。', '！', '？', '；', '：', '.', '!', '?', ';', ':'])
}

/// Page numbers: `－ 3 －`, `- 3 -`, `—3—`, `第3页 共10页`, `第 3 页`, `3/10`, a bare number.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t.trim_matches(['－', '-', '—', '–', '·']);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(inner) {
        return true;
    }
    if let Some((a, b)) = inner.split_once('/') {
        if digits(a) && digits(b) {
            return true;
        }
    }
    if let Some(rest) = t.strip_prefix('第') {
        let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        if after.len() < rest.len() {
            if after == "页" {
                return true;
            }
            if let Some(total) = after.strip_prefix("页共") {
                return total
                    .strip_suffix('页')
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
            }
        }
    }
    false
}

/// Leaves out running headers and footers: a first or last line of a page that comes back,
/// its numbers aside, at the same place on at least half of the pages (and on two at least).
fn drop_running_lines(pages: &mut [Vec<Line>]) {
    if pages.len() < 2 {
        return;
    }
    let key = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
            .collect()
    };
    for top in [true, false] {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for lines in pages.iter() {
            let edge = if top { lines.first() } else { lines.last() };
            if let Some(l) = edge {
                *counts.entry(key(l)).or_default() += 1;
            }
        }
        let needed = pages.len().div_ceil(2).max(2);
        for lines in pages.iter_mut() {
            let edge = if top { lines.first() } else { lines.last() };
            let Some(l) = edge else { continue };
            if counts.get(&key(l)).is_some_and(|&n| n >= needed) {
                if top {
                    lines.remove(0);
                } else {
                    lines.pop();
                }
            }
        }
    }
}

/// Groups a page's runs into lines, top to bottom, each left to right.
fn page_lines(mut runs: Vec<Run>) -> Vec<Line> {
    runs.retain(|r| !r.text.is_empty() && r.x.is_finite() && r.y.is_finite() && r.size.is_finite());
    runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Run>> = Vec::new();
    for run in runs {
        match lines.last_mut() {
            Some(line) if (line[0].y - run.y).abs() <= line[0].size.max(run.size) * 0.5 => {
                line.push(run)
            }
            _ => lines.push(vec![run]),
        }
    }
    lines
        .into_iter()
        .map(|mut runs| {
            runs.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut text = String::new();
            let mut right = f32::NEG_INFINITY;
            for r in &runs {
                // A gap of a sixth of a character or more between two runs of Latin text is a
                // space (a word space is a quarter to a third; kerning, far less).
                let gap = r.x - right;
                if right.is_finite()
                    && gap > r.size * 0.15
                    && text.ends_with(|c: char| {
                        c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | ';' | ':' | ')')
                    })
                    && r.text
                        .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '(')
                {
                    text.push(' ');
                }
                text.push_str(&r.text);
                right = right.max(r.x + r.width);
            }
            Line {
                x: runs[0].x,
                right,
                size: runs.iter().map(|r| r.size).fold(0.0, f32::max),
                text: text.trim().to_string(),
            }
        })
        .filter(|l| !l.text.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs of 16-point characters on a 28-character line starting at x = 0.
    fn line(y: f32, indent: usize, text: &str) -> Run {
        let n = text.chars().count() as f32;
        Run {
            x: indent as f32 * 16.0,
            y,
            width: n * 16.0,
            size: 16.0,
            text: text.to_string(),
        }
    }

    #[test]
    fn paragraphs_broken_by_the_layout_are_joined() {
        let full = "一二三四五六七八九十一二三四五六七八九十一二三四五六七。";
        let page1 = vec![
            line(100.0, 2, &full[..full.len() - 3 * 3]),
            line(128.0, 0, full),
            line(156.0, 0, "完。"),
            line(184.0, 2, "二、短标题"),
            line(800.0, 13, "－ 1 －"),
        ];
        let page2 = vec![line(100.0, 0, "续行。"), line(800.0, 13, "－ 2 －")];
        let x = assemble(vec![page1, page2]);
        let mut joined = full[..full.len() - 9].to_string();
        joined.push_str(full);
        joined.push_str("完。");
        assert_eq!(x.text, format!("{joined}\n二、短标题\n续行。\n"));
        assert_eq!(x.pages, vec![0, x.text.find("续行").unwrap()]);
    }

    #[test]
    fn page_numbers_and_running_headers_are_left_out() {
        for t in ["－ 3 －", "- 3 -", "第3页 共10页", "第 3 页", "3/10", "12"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["第3条", "3月", "2022年"] {
            assert!(!is_page_number(t), "{t}");
        }
        let body = ["一是提高站位。", "二是跟进学习。", "三是建章立制。"];
        let page = |n: usize| {
            vec![
                line(40.0, 8, &format!("保山市人民政府办公室文件 {n}")),
                line(100.0, 2, body[n]),
                line(800.0, 12, &format!("第 {} 页 共 3 页", n + 1)),
            ]
        };
        let x = assemble(vec![page(0), page(1), page(2)]);
        assert_eq!(x.text, body.map(|b| format!("{b}\n")).concat());
    }
}
