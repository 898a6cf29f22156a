//! Text of a Word .docx file (also as written by WPS).
//!
//! Each paragraph of the body becomes one line; each table cell becomes one line. Deleted text
//! of tracked changes, field instructions and the duplicate fallback copies of text boxes are
//! left out, because a reader of the printed document does not see them.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::i18n::tr;

/// Why a .docx could not be read. The messages are shown to users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    NotZip(String),
    NoBody,
    TooLarge { size: u64, limit: u64 },
    Inflate(String),
    Xml { pos: u64, msg: String },
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            DocxError::NotZip(e) => msg!(
                zh = "不是有效的docx文件（zip压缩包已损坏或被截断）：{e}",
                en = "not a valid .docx file (the zip archive is corrupt or truncated): {e}"
            ),
            DocxError::NoBody => tr(
                "docx文件中缺少正文部分（word/document.xml）",
                "the .docx file has no body part (word/document.xml)",
            )
            .to_string(),
            DocxError::TooLarge { size, limit } => msg!(
                zh = "docx正文解压后为{size}字节，超过上限{limit}字节，可能是压缩炸弹，已拒绝处理",
                en = "the .docx body unpacks to {size} bytes, over the limit of {limit} bytes; possibly a zip bomb, so it was refused"
            ),
            DocxError::Inflate(e) => msg!(
                zh = "docx正文无法解压：{e}",
                en = "the .docx body cannot be unpacked: {e}"
            ),
            DocxError::Xml { pos, msg } => msg!(
                zh = "docx正文的XML格式错误（第{pos}字节附近）：{msg}",
                en = "malformed XML in the .docx body (near byte {pos}): {msg}"
            ),
        })
    }
}

impl std::error::Error for DocxError {}

/// Extracts the visible text of a .docx held in memory.
pub fn docx_text(bytes: &[u8], max_xml_bytes: u64) -> Result<String, DocxError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::NotZip(e.to_string()))?;
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|_| DocxError::NoBody)?;
    // The declared size can lie; the read below is capped as well.
    if entry.size() > max_xml_bytes {
        return Err(DocxError::TooLarge {
            size: entry.size(),
            limit: max_xml_bytes,
        });
    }
    let mut raw = Vec::with_capacity(entry.size() as usize);
    (&mut entry)
        .take(max_xml_bytes + 1)
        .read_to_end(&mut raw)
        .map_err(|e| DocxError::Inflate(e.to_string()))?;
    if raw.len() as u64 > max_xml_bytes {
        return Err(DocxError::TooLarge {
            size: raw.len() as u64,
            limit: max_xml_bytes,
        });
    }
    let xml = match String::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => super::decode::decode_auto(e.as_bytes()).text,
    };
    body_text(&xml)
}

/// The character of one of XML's five predefined entities.
pub(crate) fn entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// Walks WordprocessingML and collects the text as lines.
fn body_text(xml: &str) -> Result<String, DocxError> {
    walk_body(xml, &mut |_| {})
}

/// What the characters of one [`Step::Emit`] come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Character data of a text element, taken as it stands in the XML (line ends normalised).
    Text,
    /// One character or entity reference (`&amp;`, `&#x4E00;`).
    Ref,
    /// A CDATA section.
    CData,
    /// An empty element read as a character (`w:tab`, `w:noBreakHyphen`).
    Element,
    /// The line end made at the close of a paragraph or table cell.
    Break,
}

/// One step of the walk over document.xml, each with the byte range of the XML it stands for,
/// so that a writer can find in the XML the characters of the text the reader makes.
#[derive(Debug)]
pub enum Step<'a> {
    Open(&'a str, std::ops::Range<usize>),
    Close(&'a str, std::ops::Range<usize>),
    Leaf(&'a str, std::ops::Range<usize>),
    /// Bytes `out` of the text were made from bytes `xml` of the XML.
    Emit {
        out: std::ops::Range<usize>,
        xml: std::ops::Range<usize>,
        source: Source,
    },
}

/// Walks WordprocessingML, collecting the text as lines and telling `on` each element and each
/// piece of text made, in document order (a line end is told before the close that makes it).
pub fn walk_body(xml: &str, on: &mut dyn FnMut(Step<'_>)) -> Result<String, DocxError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false; // inside <w:t>
    let mut skip_depth = 0usize; // inside elements whose text is not shown
    let mut cell_depth = 0usize; // inside <w:tc>
    let mut line_has_text = false;
    loop {
        let from = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| DocxError::Xml {
            pos: reader.error_position(),
            msg: e.to_string(),
        })?;
        let xml_at = from..reader.buffer_position() as usize;
        let before = out.len();
        let mut source = Source::Text;
        match event {
            Event::Start(e) => {
                on(Step::Open(e.name().into_inner(), xml_at.clone()));
                match e.local_name().as_ref() {
                    "t" if skip_depth == 0 => in_text = true,
                    "delText" | "instrText" | "Fallback" | "footnoteReference" => skip_depth += 1,
                    "tc" => cell_depth += 1,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                on(Step::Leaf(e.name().into_inner(), xml_at.clone()));
                source = Source::Element;
                if skip_depth == 0 {
                    match e.local_name().as_ref() {
                        "tab" => {
                            out.push('\t');
                            line_has_text = true;
                        }
                        "noBreakHyphen" => {
                            out.push('-');
                            line_has_text = true;
                        }
                        _ => {}
                    }
                }
            }
            Event::End(e) => {
                source = Source::Break;
                match e.local_name().as_ref() {
                    "t" => in_text = false,
                    "delText" | "instrText" | "Fallback" | "footnoteReference" => {
                        skip_depth = skip_depth.saturating_sub(1)
                    }
                    // A paragraph ends a line, except inside a table cell where the cell does.
                    "p" if cell_depth == 0 && skip_depth == 0 => {
                        out.push('\n');
                        line_has_text = false;
                    }
                    "tc" => {
                        cell_depth = cell_depth.saturating_sub(1);
                        if line_has_text {
                            out.push('\n');
                            line_has_text = false;
                        }
                    }
                    _ => {}
                }
                if out.len() > before {
                    on(Step::Emit {
                        out: before..out.len(),
                        xml: xml_at.clone(),
                        source,
                    });
                }
                on(Step::Close(e.name().into_inner(), xml_at));
                continue;
            }
            Event::Text(t) if in_text && skip_depth == 0 => {
                let s = t.xml10_content();
                if !s.is_empty() {
                    out.push_str(&s);
                    line_has_text = true;
                }
            }
            Event::CData(t) if in_text && skip_depth == 0 => {
                source = Source::CData;
                out.push_str(&t.xml10_content());
                line_has_text = true;
            }
            Event::GeneralRef(r) if in_text && skip_depth == 0 => {
                source = Source::Ref;
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => entity(&r),
                };
                if let Some(c) = c {
                    out.push(c);
                    line_has_text = true;
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if out.len() > before {
            on(Step::Emit {
                out: before..out.len(),
                xml: xml_at,
                source,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_cells_and_tracked_changes() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="x"><w:body>
<w:p><w:r><w:t>保政发〔2022〕10号</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">根据《A</w:t></w:r><w:r><w:t>&amp;B》</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:tab/><w:t>完</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元</w:t></w:r></w:p><w:p><w:r><w:t>格一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>262件</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:fldChar/><w:instrText>PAGE</w:instrText><w:t>&#x4E00;</w:t></w:r></w:p>
</w:body></w:document>"#;
        let text = body_text(xml).unwrap();
        assert_eq!(
            text,
            "保政发〔2022〕10号\n根据《A&B》\t完\n单元格一\n262件\n一\n"
        );
    }

    #[test]
    fn malformed_xml_is_an_error() {
        assert!(matches!(
            body_text("<w:p><w:t>文</w:t></w:p><w:r"),
            Err(DocxError::Xml { .. })
        ));
    }

    #[test]
    fn not_a_zip() {
        assert!(matches!(
            docx_text(b"PK\x03\x04garbage", 1 << 20),
            Err(DocxError::NotZip(_))
        ));
    }
}
