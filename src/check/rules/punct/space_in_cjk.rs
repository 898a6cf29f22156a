//! `space-in-cjk`: a space between Chinese characters, or between a character and a number,
//! in body text.

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `space-in-cjk`: a space between Chinese characters, or between Chinese and digits.
pub static SPACE_IN_CJK: Rule = Rule {
    id: "space-in-cjk",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "正文汉字之间或汉字与数字之间有空格",
    doc: "检查：正文中汉字与汉字、汉字与阿拉伯数字之间的空格（半角、全角或不换行空格）。\n\
          原因：公文按字格排版，正文字间不留空；空格多是复制粘贴或排版遗留。“中文 94 份”式的中西文间距\n\
          是网页排版习惯，不适用于公文。通篇如此时只在首处报告一次。\n\
          错误：共 94 份 · 依法 行政\n\
          正确：共94份 · 依法行政\n\
          不报告：“第一条　”“第一千零一条　”“第十七条之一　”“1.2.1　”“附件二　”后的空格（条号中的字误写为“－”“笫”时，\
          错在条号而非空格）；标准编号与标准名称之间（GB 18667 道路交通事故……），以标准编号开头的行（标准名称的主标题与分标题之间有空格）；一行排列的目录（第一章 总则 第二章 ……）；\n          印发机关与印发日期之间的空格；“文/”开头的署名行；书名号、引号内（标题、口号常以空格分隔两个短语：“好客山东 好品山东”）；\n\
          文件开头五行（标题、副题、报告人）；以括号开头的题注行；署名、日期等不足20字的短行；有多处连续空格的表格、对齐行；网页元数据行。\n\
          依据：GB/T 9704-2012 版面字格的排版惯例。",
    summary_en: "Space between Chinese characters, or between a character and a number",
    doc_en: "Checks: spaces (half-width, full-width or non-breaking) between two Chinese characters, or between a\n\
         Chinese character and an Arabic number, in body text.\n\
         Why: documents are set on a grid of characters with no space between them; spaces are usually left over\n\
         from copying or layout. Spacing such as “中文 94 份” is a web-page habit that does not apply to documents.\n\
         When a document does this throughout, it is reported once, at the first place.\n\
         Wrong: 共 94 份 · 依法 行政\n\
         Right: 共94份 · 依法行政\n\
         Not reported: spaces after “第一条　”, “第一千零一条　”, “第十七条之一　”, “1.2.1　” or “附件二　” (where an article\n\
         number has “－” or “笫” for a character, the slip is in the number, not the space); between a standard's code and\n\
         its name (GB 18667 道路交通事故……), and lines that start with a standard's code (a standard's title separates\n\
         its main and part titles with a space); a table of contents on one line\n         (第一章 总则 第二章 ……); the space between the 印发 office and the 印发 date; bylines starting “文/”; spaces inside title marks or quotation marks (titles and\n\
         slogans often separate two phrases with a space: “好客山东 好品山东”); the first five lines of a document\n\
         (title, subtitle, speaker); note lines starting with a parenthesis; short lines under 20 characters such\n\
         as signatures and dates; table or aligned lines with several runs of spaces; metadata lines of web pages.\n\
         Source: typesetting practice for the character grid of GB/T 9704-2012.",
    check: Check::Doc(space_in_cjk),
    safe_fix: false,
};

/// Byte ranges inside “” on one line (slogans and names quoted as written).
fn quote_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(s) = open.take() {
                    out.push((s, i + c.len_utf8()));
                }
            }
            '\n' => open = None,
            _ => {}
        }
    }
    out
}

/// Runs of spaces (ASCII, ideographic U+3000, no-break U+00A0) in `s`: (start, end, chars).
/// A quarter of all lines hold a space, so this is a byte loop, not a regex search. The runs
/// come one at a time: a line of a million spaced characters would otherwise hold a list of
/// them several times its size.
fn space_runs(s: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let b = s.as_bytes();
    let space_at = |i: usize| match b[i] {
        b' ' => 1,
        0xC2 if b.get(i + 1) == Some(&0xA0) => 2,
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    };
    // A run starts only at one of these bytes; a SIMD search skips the rest of the line.
    let mut after = 0;
    memchr::memchr3_iter(b' ', 0xC2, 0xE3, b).filter_map(move |start| {
        if start < after {
            return None;
        }
        let (mut i, mut chars, mut n) = (start, 0, space_at(start));
        if n == 0 {
            return None;
        }
        while n > 0 {
            i += n;
            chars += 1;
            n = if i < b.len() { space_at(i) } else { 0 };
        }
        after = i;
        Some((start, i, chars))
    })
}
static ARTICLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^[0-9]+(\.[0-9]+)+|[第笫][一二三四五六七八九十百千零〇0-9－]+[条章节编款](之[一二三四五六七八九十]+)?|附件[0-9一二三四五六七八九十]*|附录|目录|[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日|\b[A-Z]{2,4}(/T|／T)?\s?[0-9]+(\.[0-9]+)?(-[0-9]{2,4})?)$").unwrap()
});
/// What may follow a space by layout: the next chapter of a table of contents on one line
/// (第一章 总则 第二章 ……), or the date of the 印发 footer (××办公厅 2019年8月20日印发).
static LAYOUT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(第[一二三四五六七八九十百千零〇0-9]+[章节编]|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日(印发|印)?$)").unwrap()
});

/// A line that lists a standard (GB/T 16180 劳动能力鉴定 职工工伤与职业病致残等级): a standard's
/// title separates its main title from its part title with a space.
static STANDARD_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]{2,4}(/T|／T)?\s?[0-9]+").unwrap());

fn space_in_cjk(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    // Most documents have no space inside a body line: the ranges are made only when needed.
    let ranges = std::cell::OnceCell::new();
    let ranges = || ranges.get_or_init(|| (ctx.title_ranges(), quote_ranges(text)));
    let mut found = text::Folding::default();
    // The head of a document (title, subtitle, speaker), its first five lines that are not
    // blank, is laid out with spaces.
    let head_end = text::lines(text)
        .filter(|(_, l)| !l.trim().is_empty())
        .nth(5)
        .map_or(text.len(), |(s, _)| s);
    // Only the drafter's lines that hold a space at all are read.
    static SPACES: LazyLock<text::Needles> =
        LazyLock::new(|| text::Needles::new([" ", "\u{3000}", "\u{a0}"]));
    for (start, line) in ctx.lines_with(&SPACES) {
        let body = line.trim_matches([' ', '\t', '\u{3000}', '\u{a0}']);
        // Nearly every paragraph is indented with spaces, so most lines come here: finding the
        // runs is a byte search, and most lines have none inside.
        if space_runs(body).next().is_none() {
            continue;
        }
        // A law's 题注 （……公布　根据……修订） is laid out with spaces too, and so is an article's
        // byline (文/××法院 法官助理 ××).
        if start < head_end
            || body.starts_with(['（', '('])
            || body.starts_with("文/")
            || body.starts_with("文／")
            || STANDARD_LINE.is_match(body)
            || body.chars().count() < 20
        {
            continue;
        }
        if space_runs(body).any(|r| r.2 >= 2) {
            continue;
        }
        let off = start + (body.as_ptr() as usize - line.as_ptr() as usize);
        for (m_start, m_end, _) in space_runs(body) {
            let (Some(l), Some(r)) = (text::char_before(body, m_start), text::char_at(body, m_end))
            else {
                continue;
            };
            let ok = |c: char| text::is_han(c) || c.is_ascii_digit();
            if !(ok(l) && ok(r)) || (l.is_ascii_digit() && r.is_ascii_digit()) {
                continue;
            }
            // A title may separate its phrases with a space (《推进“四化”联动 提升公开效能》).
            if ARTICLE_BEFORE.is_match(&body[..m_start])
                || LAYOUT_AFTER.is_match(&body[m_end..])
                || text::in_ranges(ranges().0, off + m_start)
                || text::in_ranges(&ranges().1, off + m_start)
            {
                continue;
            }
            found.push(text::finding(
                SPACE_IN_CJK.id,
                off + m_start,
                off + m_end,
                msg!(
                    zh = "“{l}”与“{r}”之间多了空格，公文正文字间不留空，应删去",
                    en = "A space between “{l}” and “{r}”: the body text of a document has no spaces between characters; delete it"
                ),
            )
            .with_replacement(""));
        }
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处汉字之间或汉字与数字之间有空格，公文正文字间不留空，应删去；此处为首处",
            en = "{n} places in this document have a space between Chinese characters or between a character and a number; the body text has no such spaces, so delete them; this is the first"
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs of spaces as a byte-by-byte walk finds them.
    #[test]
    fn space_runs_match_a_walk_over_every_byte() {
        fn walk(s: &str) -> Vec<(usize, usize, usize)> {
            let mut runs: Vec<(usize, usize, usize)> = Vec::new();
            for (i, c) in s.char_indices() {
                if !matches!(c, ' ' | '\u{a0}' | '\u{3000}') {
                    continue;
                }
                match runs.last_mut() {
                    Some(r) if r.1 == i => (r.1, r.2) = (i + c.len_utf8(), r.2 + 1),
                    _ => runs.push((i, i + c.len_utf8(), 1)),
                }
            }
            runs
        }
        let mut lines: Vec<String> = crate::corpus_texts()
            .iter()
            .flat_map(|t| t.lines().map(String::from))
            .collect();
        lines.push("　　一 二\u{a0}\u{a0}三　 四。、 ".into());
        let mut spaces = 0;
        for l in &lines {
            assert_eq!(space_runs(l).collect::<Vec<_>>(), walk(l), "{l}");
            spaces += walk(l).len();
        }
        assert!(spaces > 100, "{spaces}");
    }
}
