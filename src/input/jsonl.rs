//! The lines of `--stdin-jsonl`: each line of the stream is read with its length capped, and
//! becomes a document or the reason it is none, so that one bad line never ends the stream.

use std::io::BufRead;

use super::{Failure, Status};
use crate::document::Document;

/// One line of the stream: its bytes, without the line break, or its length where it is
/// longer than the limit (then none of it was kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Bytes(Vec<u8>),
    TooLong(u64),
}

/// The non-blank lines of a stream, numbered from 1 as in the input (blank lines count), with
/// a byte-order mark at the start of line 1 dropped.
pub struct Lines<R> {
    input: R,
    cap: u64,
    n: usize,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `input`, each kept only up to `cap` bytes.
    pub fn new(input: R, cap: u64) -> Self {
        Lines { input, cap, n: 0 }
    }

    /// The next non-blank line and its number; `None` at the end of the input.
    pub fn next_line(&mut self) -> std::io::Result<Option<(usize, Line)>> {
        loop {
            let Some(mut line) = read_line(&mut self.input, self.cap)? else {
                return Ok(None);
            };
            self.n += 1;
            if self.n == 1 {
                if let Line::Bytes(b) = &mut line {
                    if b.starts_with(b"\xEF\xBB\xBF") {
                        b.drain(..3);
                    }
                }
            }
            if matches!(&line, Line::Bytes(b) if b.trim_ascii().is_empty()) {
                continue;
            }
            return Ok(Some((self.n, line)));
        }
    }
}

/// Reads one line, keeping at most `cap` bytes of it; `None` at the end of the input. A last
/// line without a line break is a line.
fn read_line(r: &mut impl BufRead, cap: u64) -> std::io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let mut len = 0u64;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            if !any {
                return Ok(None);
            }
            break;
        }
        any = true;
        let (part, used, end) = match memchr::memchr(b'\n', avail) {
            Some(i) => (&avail[..i], i + 1, true),
            None => (avail, avail.len(), false),
        };
        len += part.len() as u64;
        if len <= cap {
            bytes.extend_from_slice(part);
        } else {
            // Past the limit nothing more is kept: the line is refused, whatever its length.
            bytes = Vec::new();
        }
        r.consume(used);
        if end {
            break;
        }
    }
    if len > cap {
        return Ok(Some(Line::TooLong(len)));
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(Some(Line::Bytes(bytes)))
}

/// One line of `--stdin-jsonl` input.
#[derive(serde::Deserialize)]
struct JsonDoc {
    id: serde_json::Value,
    text: String,
}

/// The document of line `n`, or the reason it is none.
pub fn document(n: usize, line: &Line, cap: u64) -> Result<Document, Failure> {
    let bad = |reason: String| Failure {
        file: format!("<stdin>:{n}"),
        status: Status::Error,
        format: "jsonl".into(),
        encoding: String::new(),
        reason,
    };
    let bytes = match line {
        Line::Bytes(b) => b,
        Line::TooLong(len) => {
            return Err(bad(msg!(
                zh = "第{n}行长{:.1} MB，超过上限 {:.1} MB（可用 --max-file-size 调整）",
                en = "line {n} is {:.1} MB long, over the limit of {:.1} MB (see --max-file-size)",
                *len as f64 / 1048576.0,
                cap as f64 / 1048576.0
            )))
        }
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        bad(msg!(
            zh = "第{n}行不是有效的UTF-8（第{}字节起）",
            en = "line {n} is not valid UTF-8 (from byte {})",
            e.valid_up_to() + 1
        ))
    })?;
    // serde reads a struct from an array as well as from an object; a line is a document
    // only as an object.
    if !text.trim_start().starts_with('{') {
        return Err(bad(msg!(
            zh = "第{n}行不是JSON对象 {{\"id\", \"text\"}}",
            en = "line {n} is not a JSON object {{\"id\", \"text\"}}"
        )));
    }
    match serde_json::from_str::<JsonDoc>(text) {
        Ok(d) => {
            let id = match d.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            Ok(Document::from_text(id, d.text))
        }
        Err(e) => Err(bad(msg!(
            zh = "第{n}行不是有效的 {{\"id\", \"text\"}} JSON：{e}",
            en = "line {n} is not valid {{\"id\", \"text\"}} JSON: {e}"
        ))),
    }
}
