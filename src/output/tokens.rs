//! Rendering of `gongwen segment` rows: `file,line,column,token,pos,page`.
//!
//! Rows are rendered to bytes in the worker threads, so that the single writer only copies
//! buffers; the line and column of each token are tracked incrementally as tokens arrive in
//! text order, instead of looking each one up.

use crate::document::Document;
use crate::output::csv::{is_formula_like, needs_quotes};
use crate::segment::Segmenter;

pub const HEADER: &str = "file,line,column,token,pos,page\r\n";

fn push_field(out: &mut Vec<u8>, s: &str) {
    let needs_quotes = needs_quotes(s.as_bytes()) || s.starts_with(' ') || s.ends_with(' ');
    let formula = is_formula_like(s);
    if !needs_quotes && !formula {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    out.push(b'"');
    if formula {
        out.push(b'\'');
    }
    for b in s.bytes() {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

/// CSV rows for every non-blank token of `doc`.
pub fn render(doc: &Document, seg: &Segmenter, out: &mut Vec<u8>) {
    // Nothing is handed on, so nothing can fail.
    let _ = render_spilling(doc, seg, out, |_| Ok(()));
}

/// [`render`], handing `out` to `spill` (which empties it) whenever it passes a mebibyte: a
/// long document's rows, several times its size, are written as they are made. The text is cut
/// a block at a time (see [`crate::segment::block_end`]), which gives the tokens of the whole
/// text, so its tokens are not held either.
pub fn render_spilling(
    doc: &Document,
    seg: &Segmenter,
    out: &mut Vec<u8>,
    mut spill: impl FnMut(&mut Vec<u8>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let text = doc.text.as_str();
    let mut file_field = Vec::new();
    push_field(&mut file_field, &doc.file);
    let mut line = 1usize;
    let mut column = 1usize;
    let mut itoa = itoa::Buffer::new();
    // Pages are passed in text order like lines: `page` is the count of page starts passed.
    let mut page = 0usize;
    let mut block = 0;
    while block < text.len() {
        let end = crate::segment::block_end(text, block);
        for tok in seg.tag(&text[block..end]) {
            let at = block + tok.span().start;
            let word = &text[at..block + tok.span().end];
            if word.trim().is_empty() {
                for c in word.chars() {
                    if c == '\n' {
                        line += 1;
                        column = 1;
                    } else {
                        column += 1;
                    }
                }
                continue;
            }
            out.extend_from_slice(&file_field);
            out.push(b',');
            out.extend_from_slice(itoa.format(line).as_bytes());
            out.push(b',');
            out.extend_from_slice(itoa.format(column).as_bytes());
            out.push(b',');
            push_field(out, word);
            out.push(b',');
            out.extend_from_slice(tok.pos().as_bytes());
            out.push(b',');
            if !doc.pages.is_empty() {
                while doc.pages.get(page).is_some_and(|&s| s <= at) {
                    page += 1;
                }
                out.extend_from_slice(itoa.format(page.max(1)).as_bytes());
            }
            out.extend_from_slice(b"\r\n");
            // A word that is not blank holds no line break: only its characters move the column.
            column += word.bytes().filter(|&b| (b & 0xC0) != 0x80).count();
        }
        block = end;
        if out.len() >= 1 << 20 {
            spill(out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows written a mebibyte at a time as they are made are the rows made whole.
    #[test]
    fn rows_spilled_as_they_are_made_are_the_rows_made_whole() {
        let seed = include_str!("../../corpus/baoshan-fzzf-report-2022.txt");
        let doc = Document::from_text("long.txt", seed.repeat(100));
        let mut whole = Vec::new();
        render(&doc, Segmenter::global(), &mut whole);
        let (mut spilled, mut out, mut spills) = (Vec::new(), Vec::new(), 0);
        render_spilling(&doc, Segmenter::global(), &mut out, |b| {
            spilled.extend_from_slice(b);
            b.clear();
            spills += 1;
            Ok(())
        })
        .unwrap();
        spilled.extend_from_slice(&out);
        assert!(spills >= 2, "{spills}");
        assert!(whole == spilled);
    }

    #[test]
    fn rows_carry_line_and_character_column() {
        let doc = Document::from_text("a b.txt", "第一行\n完成审核212件，\"好\"");
        let mut out = Vec::new();
        render(&doc, Segmenter::global(), &mut out);
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].starts_with("a b.txt,1,1,"), "{s}");
        assert!(
            lines.iter().any(|l| l.starts_with("a b.txt,2,1,完成,")),
            "{s}"
        );
        assert!(
            lines.iter().any(|l| l.starts_with("a b.txt,2,5,212,m")),
            "{s}"
        );
        assert!(lines.iter().any(|l| l.contains(",\"\"\"\",")), "{s}");
        assert!(lines.iter().all(|l| l.ends_with(',')), "{s}");
    }

    #[test]
    fn rows_of_a_paged_document_carry_their_page() {
        let mut doc = Document::from_text("a.pdf", "第一页\n第二页");
        doc.pages = vec![0, "第一页\n".len()];
        let mut out = Vec::new();
        render(&doc, Segmenter::global(), &mut out);
        let s = String::from_utf8(out).unwrap();
        let pages: Vec<&str> = s.lines().map(|l| l.rsplit(',').next().unwrap()).collect();
        assert_eq!(pages.first(), Some(&"1"), "{s}");
        assert_eq!(pages.last(), Some(&"2"), "{s}");
    }
}
