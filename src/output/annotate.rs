//! A Word document of a text with each finding as a comment (批注) anchored on the characters
//! it flags: one paragraph per line, author gongwen, text = severity, rule, message, fix.

use std::fmt::Write as _;
use std::io::Write as _;

use crate::check::Located;
use crate::i18n::tr;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn esc(s: &str) -> String {
    super::escape_markup(s)
}

/// A run of text: tabs become Word's tab marks.
fn run(out: &mut String, text: &str) {
    for (i, part) in text.split('\t').enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:tab/></w:r>");
        }
        if !part.is_empty() {
            let _ = write!(
                out,
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                esc(part)
            );
        }
    }
}

/// What a comment says: severity, rule and message; the fix; the related places.
pub fn comment_text(f: &Located) -> Vec<String> {
    let mut lines = vec![format!("{} [{}] {}", f.severity.label(), f.rule, f.message)];
    if let Some(r) = &f.replacement {
        lines.push(if r.is_empty() {
            tr("改为：删去", "Fix: delete it").to_string()
        } else {
            format!("{}{r}", tr("改为：", "Fix: "))
        });
    }
    if !f.related.is_empty() {
        let places: Vec<String> = f.related.iter().map(|l| l.to_string()).collect();
        lines.push(format!(
            "{}{}",
            tr("相关位置：", "Related: "),
            places.join(tr("、", ", "))
        ));
    }
    lines
}

/// The byte offset in `line` of the character at the 1-based `column`, clamped to the line.
fn byte_at(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

/// The .docx of `text` with `revisions` (edits of it) as tracked changes and `findings` as
/// comments, but for those the changes stand for (see [`super::annotate_docx::docx_copy`]).
pub fn text_docx_revised(
    text: &str,
    findings: &[Located],
    revisions: &[crate::fix::Edit],
    limit: u64,
) -> std::io::Result<Vec<u8>> {
    if revisions.is_empty() {
        return text_docx(text, findings);
    }
    // The document of the text alone, read back as the reader reads any .docx, then marked as
    // an existing one would be.
    let plain = text_docx(text, &[])?;
    match crate::input::docx::docx_text(&plain, limit) {
        // Line ends closing the last paragraphs are all it may add; places before them hold.
        Ok(read)
            if read
                .strip_prefix(text)
                .is_some_and(|r| r.bytes().all(|b| b == b'\n')) =>
        {
            super::annotate_docx::docx_copy(&plain, &read, findings, revisions, limit)
                .map(|a| a.bytes)
                .map_err(std::io::Error::other)
        }
        // Where the reader would read it otherwise, the places of the changes are unknown.
        _ => text_docx(text, findings),
    }
}

/// The .docx of `text` with `findings` (located in that text by line and column) as comments.
pub fn text_docx(text: &str, findings: &[Located]) -> std::io::Result<Vec<u8>> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    // Marks per line: (byte in line, 0 = range end / 1 = range start, comment id).
    let mut marks: Vec<Vec<(usize, u8, usize)>> = vec![Vec::new(); lines.len()];
    for (id, f) in findings.iter().enumerate() {
        let (sl, el) = (f.at.line.max(1) - 1, f.end_line.max(f.at.line).max(1) - 1);
        let (Some(start_line), Some(end_line)) = (lines.get(sl), lines.get(el)) else {
            continue;
        };
        marks[sl].push((byte_at(start_line, f.at.column), 1, id));
        let end = byte_at(end_line, f.end_column);
        // An empty span still gets a range, its end after its start.
        marks[el].push((
            end,
            if sl == el && end <= byte_at(start_line, f.at.column) {
                2
            } else {
                0
            },
            id,
        ));
    }
    let mut body = String::with_capacity(text.len() * 2);
    for (line, mut m) in lines.iter().zip(marks) {
        m.sort_unstable();
        body.push_str("<w:p>");
        let mut at = 0;
        for (pos, kind, id) in m {
            if pos > at {
                run(&mut body, &line[at..pos]);
                at = pos;
            }
            if kind == 1 {
                let _ = write!(body, "<w:commentRangeStart w:id=\"{id}\"/>");
            } else {
                let _ = write!(
                    body,
                    "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
                );
            }
        }
        run(&mut body, &line[at..]);
        body.push_str("</w:p>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W}\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut comments = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W}\">"
    );
    for (id, f) in findings.iter().enumerate() {
        super::annotate_docx::comment_xml(&mut comments, "w:", id as i64, f);
    }
    comments.push_str("</w:comments>");
    let parts: [(&str, &str); 5] = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
             <Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>\
             </Types>",
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
             </Relationships>",
        ),
        (
            "word/_rels/document.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>\
             </Relationships>",
        ),
        ("word/document.xml", &document),
        ("word/comments.xml", &comments),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}
