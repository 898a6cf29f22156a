//! From positioned text on pages (PDF, OFD) to the document's text: lines in reading order,
//! paragraphs broken by the layout joined again, running headers, footers and page numbers left
//! out.

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
    let pages: Vec<Vec<Line>> = pages.into_iter().map(page_lines).collect();
    let margins = Margins::of(&pages);
    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    let mut open = false;
    for lines in &pages {
        starts.push(text.len());
        let body: Vec<&Line> = lines.iter().filter(|l| !is_furniture(&l.text)).collect();
        for line in body {
            if open && !starts_paragraph(line, &margins) {
                // The paragraph goes on from the previous line.
            } else if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&line.text);
            open = continues(line, &margins);
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

/// The left and right edges of the text block, from the lines of all pages.
struct Margins {
    left: f32,
    right: f32,
}

impl Margins {
    fn of(pages: &[Vec<Line>]) -> Self {
        let mut left = f32::INFINITY;
        let mut right = f32::NEG_INFINITY;
        for l in pages.iter().flatten() {
            left = left.min(l.x);
            right = right.max(l.right);
        }
        Margins { left, right }
    }
}

/// A line starts a paragraph when it is indented (公文 paragraphs begin two characters in).
fn starts_paragraph(line: &Line, m: &Margins) -> bool {
    line.x > m.left + line.size * 1.2
}

/// A line leaves its paragraph open when it runs to the right edge and does not end a sentence.
fn continues(line: &Line, m: &Margins) -> bool {
    let ends_sentence = line
        .text
        .trim_end()
        .ends_with(['。', '！', '？', '；', '：', '”', '」', '』', '）', ')']);
    !ends_sentence && line.right >= m.right - line.size * 1.5
}

/// Page numbers and similar furniture: `－ 3 －`, `- 3 -`, `第3页 共10页`, a bare number.
fn is_furniture(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t.trim_matches(['－', '-', '—', '–']);
    if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        if digits.len() < rest.len() && (digits == "页" || digits.starts_with("页共")) {
            return true;
        }
    }
    false
}

/// Groups a page's runs into lines, top to bottom, each left to right.
fn page_lines(mut runs: Vec<Run>) -> Vec<Line> {
    runs.retain(|r| !r.text.is_empty() && r.x.is_finite() && r.y.is_finite());
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
                // A gap wider than a character between two runs of Latin text is a space.
                let gap = r.x - right;
                if right.is_finite()
                    && gap > r.size * 0.25
                    && text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && r.text.starts_with(|c: char| c.is_ascii_alphanumeric())
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
                text: text.trim_end().to_string(),
            }
        })
        .filter(|l| !l.text.trim().is_empty())
        .collect()
}
