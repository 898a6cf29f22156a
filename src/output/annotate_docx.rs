//! A copy of a Word document with each finding as a comment (批注) on exactly its characters.
//!
//! Every part of the package is copied byte for byte except word/document.xml, where only the
//! comment marks are inserted (a run is split where a flagged text starts or ends inside it, both
//! halves keeping its properties), word/comments.xml, the body's relationships and the content
//! types. The characters are found through the reader's own walk of the body
//! ([`crate::input::docx::walk_body`]), so a finding's line and column mean here what they meant
//! when it was found. A finding on characters the reader made itself (a line end) is anchored on
//! its whole paragraph instead.

use std::io::{Cursor, Read, Write as _};
use std::ops::Range;

use crate::check::Located;
use crate::i18n::tr;
use crate::input::docx::{walk_body, Source, Step};

use super::annotate::comment_text;

const W_MAIN: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const REL_COMMENTS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const REL_COMMENTS_STRICT: &str =
    "http://purl.oclc.org/ooxml/officeDocument/relationships/comments";
const CT_COMMENTS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const BODY: &str = "word/document.xml";
const RELS: &str = "word/_rels/document.xml.rels";
const TYPES: &str = "[Content_Types].xml";

/// A run (`w:r`) of the body.
struct Run {
    tag: Range<usize>,
    /// Its properties, copied onto each half when it is split.
    rpr: Option<Range<usize>>,
    content_start: usize,
    /// Start and end of the closing tag.
    close: Range<usize>,
    /// Inside a tracked change already there, where no other can go.
    in_change: bool,
}

/// A text element (`w:t`) that is a child of a run.
struct TextEl {
    run: usize,
    tag: Range<usize>,
    close: Range<usize>,
}

struct Para {
    content_start: usize,
    close_start: usize,
    depth: usize,
    story: usize,
}

#[derive(Clone, Copy)]
enum Frame {
    Run(usize),
    RPr(usize),
    T(usize),
    P(usize),
    PPr(usize),
    Story,
    /// A tracked change (insertion, deletion or move).
    Change,
    Other,
}

/// Characters of the text and where they come from.
struct Piece {
    out: usize,
    out_end: usize,
    xml: Range<usize>,
    source: Source,
    /// The run and text element holding them, when they are in one the marks can split.
    run: Option<usize>,
    text_el: Option<usize>,
    /// Raw and read differ in length (a CR normalised): only the ends are places.
    uneven: bool,
    story: usize,
}

/// What the walk learns of the body.
#[derive(Default)]
struct Map {
    runs: Vec<Run>,
    texts: Vec<TextEl>,
    paras: Vec<Para>,
    pieces: Vec<Piece>,
    /// Per line of the text: the first paragraph opened in it and the one that closed it.
    lines: Vec<(Option<usize>, Option<usize>)>,
}

/// A place in the XML where comment marks can go.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Spot {
    /// Between elements of paragraph level: the marks alone.
    At(usize),
    /// Between two children of a run: the run is closed and opened again around the marks.
    Child { pos: usize, run: usize },
    /// Inside the characters of a text element.
    InText {
        pos: usize,
        run: usize,
        text_el: usize,
    },
}

impl Spot {
    fn pos(self) -> usize {
        match self {
            Spot::At(p) | Spot::Child { pos: p, .. } | Spot::InText { pos: p, .. } => p,
        }
    }
}

fn walk(xml: &str, w: &str) -> Result<(String, Map), String> {
    let name = |local: &str| format!("{w}{local}");
    let (r, rpr, t, p, ppr, story) = (
        name("r"),
        name("rPr"),
        name("t"),
        name("p"),
        name("pPr"),
        name("txbxContent"),
    );
    let changes = [name("ins"), name("del"), name("moveFrom"), name("moveTo")];
    let mut in_changes = 0usize;
    let mut m = Map::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut stories: Vec<usize> = vec![0];
    let mut next_story = 1;
    let mut para_depth = 0usize;
    let mut line_first: Option<usize> = None;
    let mut last_closed: Option<usize> = None;
    let text = walk_body(xml, &mut |step| match step {
        Step::Open(n, at) => {
            let parent = stack.last().copied();
            let frame = if n == r {
                m.runs.push(Run {
                    content_start: at.end,
                    tag: at,
                    rpr: None,
                    close: usize::MAX..usize::MAX,
                    in_change: in_changes > 0,
                });
                Frame::Run(m.runs.len() - 1)
            } else if n == rpr {
                match parent {
                    Some(Frame::Run(i)) if m.runs[i].rpr.is_none() => {
                        m.runs[i].rpr = Some(at.start..at.end);
                        Frame::RPr(i)
                    }
                    _ => Frame::Other,
                }
            } else if n == t {
                match parent {
                    Some(Frame::Run(i)) => {
                        m.texts.push(TextEl {
                            run: i,
                            tag: at,
                            close: usize::MAX..usize::MAX,
                        });
                        Frame::T(m.texts.len() - 1)
                    }
                    _ => Frame::Other,
                }
            } else if n == p {
                para_depth += 1;
                m.paras.push(Para {
                    content_start: at.end,
                    close_start: usize::MAX,
                    depth: para_depth,
                    story: *stories.last().unwrap_or(&0),
                });
                line_first.get_or_insert(m.paras.len() - 1);
                Frame::P(m.paras.len() - 1)
            } else if n == ppr {
                match parent {
                    Some(Frame::P(i)) => Frame::PPr(i),
                    _ => Frame::Other,
                }
            } else if n == story {
                stories.push(next_story);
                next_story += 1;
                Frame::Story
            } else if changes.iter().any(|c| c == n) {
                in_changes += 1;
                Frame::Change
            } else {
                Frame::Other
            };
            stack.push(frame);
        }
        Step::Leaf(n, at) => match stack.last().copied() {
            Some(Frame::Run(i)) if n == rpr && m.runs[i].rpr.is_none() => {
                m.runs[i].content_start = at.end;
                m.runs[i].rpr = Some(at);
            }
            Some(Frame::P(i)) if n == ppr => m.paras[i].content_start = at.end,
            _ => {}
        },
        Step::Close(_, at) => match stack.pop() {
            Some(Frame::Run(i)) => m.runs[i].close = at,
            Some(Frame::RPr(i)) => {
                if let Some(x) = &mut m.runs[i].rpr {
                    x.end = at.end;
                }
                m.runs[i].content_start = at.end;
            }
            Some(Frame::T(i)) => m.texts[i].close = at,
            Some(Frame::P(i)) => {
                m.paras[i].close_start = at.start;
                para_depth = para_depth.saturating_sub(1);
                last_closed = Some(i);
            }
            Some(Frame::PPr(i)) => m.paras[i].content_start = at.end,
            Some(Frame::Story) => {
                stories.pop();
            }
            Some(Frame::Change) => in_changes = in_changes.saturating_sub(1),
            _ => {}
        },
        Step::Emit {
            out,
            xml: at,
            source,
        } => {
            let top = stack.last().copied();
            let (run, text_el) = match (source, top) {
                (Source::Text | Source::Ref | Source::CData, Some(Frame::T(i))) => {
                    (Some(m.texts[i].run), Some(i))
                }
                (Source::Element, Some(Frame::Run(i))) => (Some(i), None),
                _ => (None, None),
            };
            if source == Source::Break {
                // The cell's close ends the line of its last paragraph.
                let closing = match top {
                    Some(Frame::P(i)) => Some(i),
                    _ => last_closed,
                };
                m.lines.push((line_first.take(), closing));
            }
            m.pieces.push(Piece {
                uneven: source == Source::Text && out.len() != at.len(),
                out: out.start,
                out_end: out.end,
                xml: at,
                source,
                run,
                text_el,
                story: *stories.last().unwrap_or(&0),
            });
        }
    })
    .map_err(|e| e.to_string())?;
    Ok((text, m))
}

impl Map {
    /// The place just before the character at byte `b` of the text (`end` false), or just after
    /// the one ending at `b` (`end` true), with its story (body or a text box).
    fn spot(&self, b: usize, end: bool) -> Option<(Spot, usize)> {
        let inside = if end { b.checked_sub(1)? } else { b };
        let i = self
            .pieces
            .partition_point(|p| p.out <= inside)
            .checked_sub(1)?;
        let piece = &self.pieces[i];
        if inside >= piece.out_end {
            return None;
        }
        let run = piece.run?;
        let k = b - piece.out;
        let raw = match piece.source {
            Source::Break => return None,
            Source::Element => {
                let pos = if end { piece.xml.end } else { piece.xml.start };
                return Some((self.child(run, pos), piece.story));
            }
            Source::Text if !piece.uneven => piece.xml.start + k,
            // Pieces read otherwise than they stand can only be cut at their ends.
            _ if k == 0 => piece.xml.start,
            _ if k == piece.out_end - piece.out => piece.xml.end,
            _ => return None,
        };
        let text_el = piece.text_el?;
        let te = &self.texts[text_el];
        let spot = if raw <= te.tag.end {
            self.child(run, te.tag.start)
        } else if raw >= te.close.start {
            self.child(run, te.close.end)
        } else {
            Spot::InText {
                pos: raw,
                run,
                text_el,
            }
        };
        Some((spot, piece.story))
    }

    /// The characters at bytes `s..e` of the text as bytes `a..b` of the XML inside text
    /// elements, one range per element in text order: (text element, a, b). None where any of
    /// them is not in a text element (a tab, a line end). An empty range is the place before the
    /// character at `s` or after the one ending there.
    fn text_ranges(&self, s: usize, e: usize) -> Option<Vec<(usize, usize, usize)>> {
        let raw = |b: usize, end: bool| -> Option<(usize, usize)> {
            let inside = if end { b.checked_sub(1)? } else { b };
            let i = self
                .pieces
                .partition_point(|p| p.out <= inside)
                .checked_sub(1)?;
            let p = &self.pieces[i];
            if inside >= p.out_end {
                return None;
            }
            let k = b - p.out;
            let pos = match p.source {
                Source::Text if !p.uneven => p.xml.start + k,
                // An entity, or characters read otherwise than they stand: whole only.
                Source::Text | Source::Ref if k == 0 => p.xml.start,
                Source::Text | Source::Ref if k == p.out_end - p.out => p.xml.end,
                _ => return None,
            };
            Some((p.text_el?, pos))
        };
        if s == e {
            let (t, p) = raw(s, false).or_else(|| raw(s, true))?;
            return Some(vec![(t, p, p)]);
        }
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        let first = self.pieces.partition_point(|p| p.out <= s).checked_sub(1)?;
        let mut at = s;
        for p in &self.pieces[first..] {
            if at >= e {
                break;
            }
            // The pieces cover the text without gaps; a piece that does not hold `at` is none.
            if p.out > at || p.out_end <= at {
                return None;
            }
            let end = e.min(p.out_end);
            let ((ta, a), (tb, b)) = (raw(at, false)?, raw(end, true)?);
            if ta != tb || a > b {
                return None;
            }
            match out.last_mut() {
                Some(last) if last.0 == ta => last.2 = b,
                _ => out.push((ta, a, b)),
            }
            at = end;
        }
        (at >= e).then_some(out)
    }

    fn child(&self, run: usize, pos: usize) -> Spot {
        let r = &self.runs[run];
        if pos <= r.content_start {
            Spot::At(r.tag.start)
        } else if pos >= r.close.start {
            Spot::At(r.close.end)
        } else {
            Spot::Child { pos, run }
        }
    }

    /// The whole of lines `first..=last` as the reader made them: from the start of the first
    /// paragraph to the end of the last, both in one story.
    fn paragraphs(&self, first: usize, last: usize) -> Option<(Spot, Spot)> {
        let find = |line: usize| {
            let line = line.min(self.lines.len().checked_sub(1)?);
            self.lines[..=line]
                .iter()
                .rev()
                .find(|l| l.1.is_some() || l.0.is_some())
                .copied()
        };
        let (start_first, start_close) = find(first)?;
        let (_, end_close) = find(last)?;
        let end_p = end_close.or(start_close).or(start_first)?;
        let end = &self.paras[end_p];
        let start_p = [start_first, start_close]
            .into_iter()
            .flatten()
            .find(|&i| {
                let p = &self.paras[i];
                i <= end_p && p.depth == end.depth && p.story == end.story
            })
            .unwrap_or(end_p);
        let close = end.close_start.max(end.content_start);
        Some((
            Spot::At(self.paras[start_p].content_start.min(close)),
            Spot::At(close),
        ))
    }
}

/// The prefix bound to the WordprocessingML namespace on the root element, with its colon.
fn w_prefix(xml: &str) -> Option<(String, bool)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event().ok()? {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                for a in e.attributes().flatten() {
                    let key = a.key.into_inner();
                    let Some(prefix) = key.strip_prefix("xmlns:") else {
                        continue;
                    };
                    let value = a.value.as_bytes();
                    if value == W_MAIN.as_bytes() || value == W_STRICT.as_bytes() {
                        return Some((format!("{prefix}:"), value == W_STRICT.as_bytes()));
                    }
                }
                return None;
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}

/// Byte offsets in `text` of each finding's start and end (line and column, in characters),
/// found in one pass over the text.
pub fn byte_spans(text: &str, findings: &[Located]) -> Vec<(usize, usize)> {
    // (line, column, finding, is end)
    let mut points: Vec<(usize, usize, usize, bool)> = Vec::with_capacity(findings.len() * 2);
    for (i, f) in findings.iter().enumerate() {
        let end = if (f.end_line, f.end_column) < (f.at.line, f.at.column) {
            (f.at.line, f.at.column)
        } else {
            (f.end_line, f.end_column)
        };
        points.push((f.at.line, f.at.column, i, false));
        points.push((end.0, end.1, i, true));
    }
    points.sort_unstable();
    let mut out = vec![(0, 0); findings.len()];
    let (mut line, mut col, mut byte) = (1usize, 1usize, 0usize);
    let mut chars = text.char_indices().peekable();
    for (pl, pc, i, is_end) in points {
        // Walk to the point, stopping at its line's end when the column is past it.
        while (line, col) < (pl, pc) {
            match chars.peek() {
                None => break,
                Some(&(_, '\n')) if line == pl => break,
                Some(&(b, c)) => {
                    chars.next();
                    byte = b + c.len_utf8();
                    if c == '\n' {
                        line += 1;
                        col = 1;
                    } else {
                        col += 1;
                    }
                }
            }
        }
        if is_end {
            out[i].1 = byte.max(out[i].0);
        } else {
            out[i].0 = byte;
        }
    }
    out
}

/// A finding copied into another file of its batch names a place only; where that place holds
/// the same text, the comment covers it.
pub fn widen_copies(text: &str, findings: &mut [Located]) {
    let spans = byte_spans(text, findings);
    for (f, (s, e)) in findings.iter_mut().zip(spans) {
        if s == e && !f.text.is_empty() && text.get(s..).is_some_and(|t| t.starts_with(&f.text)) {
            (f.end_line, f.end_column) = Located::end_of(&f.at, &f.text);
        }
    }
}

fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, String> {
    let Ok(entry) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut raw = Vec::new();
    entry
        .take(limit + 1)
        .read_to_end(&mut raw)
        .map_err(|e| e.to_string())?;
    if raw.len() as u64 > limit {
        return Err(msg!(
            zh = "{name} 解压后超过上限{limit}字节",
            en = "{name} unpacks to more than the limit of {limit} bytes"
        ));
    }
    String::from_utf8(raw).map(Some).map_err(|_| {
        msg!(
            zh = "{name} 不是UTF-8编码",
            en = "{name} is not encoded in UTF-8"
        )
    })
}

/// The value of attribute `name` in the tag `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let i = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &tag[i..];
    Some(&rest[..rest.find('"')?])
}

/// The highest comment id used in `xml` (marks of the body or comments of comments.xml).
fn max_comment_id(xml: &str) -> Option<i64> {
    let re = regex::Regex::new(
        r#"<(?:[\w.-]+:)?comment(?:RangeStart|RangeEnd|Reference)?\s[^>]*?\b(?:[\w.-]+:)?id="(-?\d{1,18})""#,
    )
    .ok()?;
    re.captures_iter(xml)
        .filter_map(|c| c[1].parse::<i64>().ok())
        .max()
}

/// The highest id of any annotation of the body (comments, bookmarks, tracked changes).
fn max_any_id(xml: &str) -> Option<i64> {
    let re = regex::Regex::new(r#"\s(?:[\w.-]+:)?id="(-?\d{1,18})""#).ok()?;
    re.captures_iter(xml)
        .filter_map(|c| c[1].parse::<i64>().ok())
        .max()
}

/// One comment of `comments.xml`, `w` the document's prefix for the WordprocessingML namespace.
pub(super) fn comment_xml(out: &mut String, w: &str, id: i64, f: &Located) {
    use std::fmt::Write as _;
    let _ = write!(
        out,
        "<{w}comment {w}id=\"{id}\" {w}author=\"gongwen\" {w}initials=\"GW\">"
    );
    for l in comment_text(f) {
        let _ = write!(
            out,
            "<{w}p><{w}r><{w}t xml:space=\"preserve\">{}</{w}t></{w}r></{w}p>",
            super::escape_markup(&l)
        );
    }
    let _ = write!(out, "</{w}comment>");
}

/// An annotated copy.
pub struct Annotated {
    pub bytes: Vec<u8>,
    /// Findings anchored on their whole paragraph, their characters having no place of their
    /// own in the XML.
    pub on_paragraph: usize,
    /// Edits made tracked changes.
    pub revised: usize,
}

/// A tracked change: (text element, XML bytes replaced, replacement, the edit's span of the text).
type Change<'a> = (usize, Range<usize>, &'a str, (usize, usize));

/// The author of the comments and tracked changes.
const AUTHOR: &str = "gongwen";
/// The date of every tracked change: fixed, so that the same input gives the same file.
pub const REVISION_DATE: &str = "2000-01-01T00:00:00Z";

/// The shortest part of `old` that differs from `new`, with its replacement: (bytes cut from the
/// start, bytes cut from the end, replacement).
fn trimmed<'a>(old: &str, new: &'a str) -> (usize, usize, &'a str) {
    let p = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    // A prefix common in characters is common in bytes.
    let (o, n) = (&old[p..], &new[p..]);
    let q = o
        .chars()
        .rev()
        .zip(n.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    (p, q, &n[..n.len() - q])
}

/// The parts of `old` that differ from `new`, each with its replacement: (start, end in bytes of
/// `old`, replacement), so that a clerk sees `(2021一2025年)` become `（2021—2025年）` as three
/// small changes. Characters are compared one by one in short texts only (the cost grows with
/// the product of the lengths); a long one is one change less what both begin and end with.
fn changed_parts<'a>(old: &str, new: &'a str) -> Vec<(usize, usize, &'a str)> {
    const SHORT: usize = 64;
    let oc: Vec<(usize, char)> = old.char_indices().collect();
    let nc: Vec<(usize, char)> = new.char_indices().collect();
    if oc.len() > SHORT || nc.len() > SHORT {
        let (p, q, n) = trimmed(old, new);
        return vec![(p, old.len() - q, n)];
    }
    let (oa, na): (Vec<char>, Vec<char>) = (
        oc.iter().map(|c| c.1).collect(),
        nc.iter().map(|c| c.1).collect(),
    );
    let byte = |v: &[(usize, char)], i: usize, len: usize| v.get(i).map_or(len, |c| c.0);
    let mut out: Vec<(usize, usize, &str)> = Vec::new();
    // The open part: start and end in `old`'s and in `new`'s characters.
    let mut open: Option<(usize, usize, usize, usize)> = None;
    let mut close = |o: Option<(usize, usize, usize, usize)>| {
        if let Some((os, oe, ns, ne)) = o {
            out.push((
                byte(&oc, os, old.len()),
                byte(&oc, oe, old.len()),
                &new[byte(&nc, ns, new.len())..byte(&nc, ne, new.len())],
            ));
        }
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &oa, &na) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            close(open.take());
            continue;
        }
        open = Some(match open {
            Some((os, _, ns, _)) => (os, o.end, ns, n.end),
            None => (o.start, o.end, n.start, n.end),
        });
    }
    close(open);
    out
}

/// The copy of the .docx `bytes`, whose reader's text is `text`, with `revisions` (edits of that
/// text) as tracked changes where each one's characters lie in one text element, and
/// `findings` (located in that text) as comments, but for findings of safe rules whose
/// characters a tracked change replaces. Parts are read up to `limit` bytes each. The error is
/// said to users.
pub fn docx_copy(
    bytes: &[u8],
    text: &str,
    all_findings: &[Located],
    revisions: &[crate::fix::Edit],
    limit: u64,
) -> Result<Annotated, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let body = read_part(&mut zip, BODY, limit)?.ok_or_else(|| {
        tr(
            "缺少正文部分（word/document.xml）",
            "no body part (word/document.xml)",
        )
        .to_string()
    })?;
    let types = read_part(&mut zip, TYPES, limit)?
        .ok_or_else(|| tr("缺少[Content_Types].xml", "no [Content_Types].xml").to_string())?;
    let rels = read_part(&mut zip, RELS, limit)?;
    let (w, strict) = w_prefix(&body).ok_or_else(|| {
        tr(
            "正文未用带前缀的WordprocessingML命名空间",
            "the body does not use a prefixed WordprocessingML namespace",
        )
        .to_string()
    })?;
    let (read, map) = walk(&body, &w)?;
    if read != text {
        return Err(tr("正文与读取时不一致", "the body differs from the one read").to_string());
    }

    // Where the comments go: the part the body already names, else a new one.
    let rel_type = if strict {
        REL_COMMENTS_STRICT
    } else {
        REL_COMMENTS
    };
    let rel_re =
        regex::Regex::new(r"<(?:[\w.-]+:)?Relationship\s[^>]*>").map_err(|e| e.to_string())?;
    let existing = rels.as_deref().and_then(|r| {
        rel_re
            .find_iter(r)
            .map(|m| m.as_str())
            .find(|tag| {
                attr(tag, "Type").is_some_and(|t| t == REL_COMMENTS || t == REL_COMMENTS_STRICT)
            })
            .and_then(|tag| attr(tag, "Target"))
            .map(|t| match t.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("word/{}", t.trim_start_matches("./")),
            })
    });
    let names: Vec<&[u8]> = zip.file_names_raw().collect();
    let comments_part = match &existing {
        Some(p) => p.clone(),
        None => (0..)
            .map(|n| {
                if n == 0 {
                    "word/comments.xml".to_string()
                } else {
                    format!("word/comments{n}.xml")
                }
            })
            .find(|n| !names.contains(&n.as_bytes()))
            .unwrap_or_default(),
    };
    let old_comments = match &existing {
        Some(p) => read_part(&mut zip, p, limit)?,
        None => None,
    };
    let first_id = max_comment_id(&body)
        .max(old_comments.as_deref().and_then(max_comment_id))
        .map_or(0, |m| m.saturating_add(1));
    if first_id.saturating_add(all_findings.len() as i64) > i64::from(i32::MAX) {
        return Err(tr("批注编号已用尽", "no comment ids left").to_string());
    }

    // The tracked changes: (text element, XML bytes replaced, replacement, text replaced); an
    // edit over several text elements is a deletion in each and its insertion in the first.
    let mut changes: Vec<Change> = Vec::new();
    for e in revisions {
        let Some(old) = text.get(e.span.start..e.span.end) else {
            continue;
        };
        if e.text.contains(['\t', '\n', '\r']) {
            continue;
        }
        // Every part of the edit placed, or none.
        let mut placed: Vec<(usize, Range<usize>, &str)> = Vec::new();
        let all = changed_parts(old, &e.text).into_iter().all(|(p, q, new)| {
            let Some(parts) = map.text_ranges(e.span.start + p, e.span.start + q) else {
                return false;
            };
            for (k, (te, a, b)) in parts.into_iter().enumerate() {
                placed.push((te, a..b, if k == 0 { new } else { "" }));
            }
            true
        });
        if all
            && !placed
                .iter()
                .any(|(te, _, _)| map.runs[map.texts[*te].run].in_change)
        {
            let span = (e.span.start, e.span.end);
            changes.extend(placed.into_iter().map(|(te, r, n)| (te, r, n, span)));
        }
    }
    // In body order (a text box's text may be read after the body around it); an edit with a
    // part overlapping another's is left out whole, both of them.
    changes.sort_by_key(|c| (c.1.start, c.1.end));
    let mut clash: Vec<(usize, usize)> = Vec::new();
    let mut reach: Option<(usize, (usize, usize))> = None;
    for c in &changes {
        match reach {
            Some((end, span)) if c.1.start < end && span != c.3 => {
                clash.extend([span, c.3]);
            }
            _ => {}
        }
        if reach.is_none_or(|r| c.1.end >= r.0) {
            reach = Some((c.1.end, c.3));
        }
    }
    clash.sort_unstable();
    changes.retain(|c| clash.binary_search(&c.3).is_err());
    // The spans of the text they replace, in text order.
    let mut covered: Vec<(usize, usize)> = changes.iter().map(|c| c.3).collect();
    covered.sort_unstable();
    covered.dedup();
    let spans_all = byte_spans(text, all_findings);
    let (findings, spans): (Vec<&Located>, Vec<(usize, usize)>) = all_findings
        .iter()
        .zip(spans_all)
        .filter(|(f, (s, e))| {
            // A tracked change stands for the finding of a safe rule it replaces.
            let i = covered.partition_point(|c| c.0 <= *s);
            !(crate::fix::is_safe(f.rule) && i > 0 && covered[i - 1].1 >= *e)
        })
        .unzip();
    let first_change_id = first_id
        .saturating_add(findings.len() as i64)
        .max(max_any_id(&body).map_or(0, |m| m.saturating_add(1)));
    if first_change_id.saturating_add(2 * changes.len() as i64) > i64::from(i32::MAX) {
        return Err(tr("修订编号已用尽", "no revision ids left").to_string());
    }

    // The marks, by place.
    let line_of = {
        let mut starts: Vec<usize> = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        move |b: usize| starts.partition_point(|&s| s <= b).saturating_sub(1)
    };
    // (spot, order: 0 end, 1 start, 2 end of an empty range, id)
    let mut marks: Vec<(Spot, u8, i64)> = Vec::with_capacity(findings.len() * 2);
    let mut anchored_on_paragraph = 0usize;
    for (i, &(s, e)) in spans.iter().enumerate() {
        let id = first_id + i as i64;
        let exact = if s < e {
            match (map.spot(s, false), map.spot(e, true)) {
                (Some((a, sa)), Some((b, sb))) if sa == sb => Some((a, 1, b, 0)),
                _ => None,
            }
        } else {
            map.spot(s, false)
                .or_else(|| map.spot(s, true))
                .map(|(a, _)| (a, 1, a, 2))
        };
        let placed = exact.or_else(|| {
            anchored_on_paragraph += 1;
            let (a, b) = map.paragraphs(line_of(s), line_of(e.saturating_sub(1).max(s)))?;
            Some((a, 1, b, if a == b { 2 } else { 0 }))
        });
        if let Some((a, ka, b, kb)) = placed {
            marks.push((a, ka, id));
            marks.push((b, kb, id));
        }
    }
    // A mark inside characters a tracked change replaces moves to the change's edge.
    for m in &mut marks {
        if let Spot::InText { pos, run, text_el } = m.0 {
            let i = changes.partition_point(|c| c.1.start < pos);
            if let Some(c) = i.checked_sub(1).map(|i| &changes[i]) {
                if c.1.end > pos {
                    let pos = if m.1 == 1 { c.1.start } else { c.1.end };
                    m.0 = Spot::InText { pos, run, text_el };
                }
            }
        }
    }
    marks.sort_unstable_by_key(|&(spot, order, id)| (spot.pos(), order, id));

    // The body with the marks: one pass, each place's marks together.
    let mut doc = String::with_capacity(body.len() + marks.len() * 120);
    let mut at = 0;
    let mut preserved: Vec<usize> = Vec::new();
    for m in &marks {
        if let Spot::InText { text_el, .. } = m.0 {
            preserved.push(text_el);
        }
    }
    preserved.extend(changes.iter().map(|c| c.0));
    preserved.sort_unstable();
    preserved.dedup();
    // Text elements cut in two keep their spaces: their start tag says so.
    let mut edits: Vec<(usize, usize, String)> = preserved
        .iter()
        .map(|&t| {
            let tag = &map.texts[t].tag;
            (tag.start, tag.end, format!("<{w}t xml:space=\"preserve\">"))
        })
        .collect();
    let mut i = 0;
    while i < marks.len() {
        let spot = marks[i].0;
        let mut group = String::new();
        while i < marks.len() && marks[i].0.pos() == spot.pos() {
            let (_, order, id) = marks[i];
            if order == 1 {
                group.push_str(&format!("<{w}commentRangeStart {w}id=\"{id}\"/>"));
            } else {
                group.push_str(&format!(
                    "<{w}commentRangeEnd {w}id=\"{id}\"/><{w}r><{w}commentReference {w}id=\"{id}\"/></{w}r>"
                ));
            }
            i += 1;
        }
        let reopen = |run: usize| {
            let r = &map.runs[run];
            let rpr = r.rpr.clone().map_or("", |x| &body[x]);
            format!("{}{rpr}", &body[r.tag.clone()])
        };
        let insert = match spot {
            Spot::At(_) => group,
            Spot::Child { run, .. } => format!("</{w}r>{group}{}", reopen(run)),
            Spot::InText { run, .. } => format!(
                "</{w}t></{w}r>{group}{}<{w}t xml:space=\"preserve\">",
                reopen(run)
            ),
        };
        edits.push((spot.pos(), spot.pos(), insert));
    }
    for (k, (te, at, new, _)) in changes.iter().enumerate() {
        let run = &map.runs[map.texts[*te].run];
        let rpr = run.rpr.clone().map_or("", |x| &body[x]);
        let id = first_change_id + 2 * k as i64;
        let mark = |tag: &str, id: i64| {
            format!("<{w}{tag} {w}id=\"{id}\" {w}author=\"{AUTHOR}\" {w}date=\"{REVISION_DATE}\">")
        };
        let mut x = format!("</{w}t></{w}r>");
        if !at.is_empty() {
            x.push_str(&format!(
                "{}<{w}r>{rpr}<{w}delText xml:space=\"preserve\">{}</{w}delText></{w}r></{w}del>",
                mark("del", id),
                &body[at.clone()]
            ));
        }
        if !new.is_empty() {
            x.push_str(&format!(
                "{}<{w}r>{rpr}<{w}t xml:space=\"preserve\">{}</{w}t></{w}r></{w}ins>",
                mark("ins", id + 1),
                super::escape_markup(new)
            ));
        }
        x.push_str(&format!(
            "{}{rpr}<{w}t xml:space=\"preserve\">",
            &body[run.tag.clone()]
        ));
        edits.push((at.start, at.end, x));
    }
    // Insertions before the replacement of a tag starting at the same byte.
    edits.sort_by_key(|e| (e.0, e.1 > e.0));
    for (from, to, s) in edits {
        if from < at || to > body.len() {
            return Err(tr("批注位置无法确定", "the comment places overlap").to_string());
        }
        doc.push_str(&body[at..from]);
        doc.push_str(&s);
        at = to;
    }
    doc.push_str(&body[at..]);

    // comments.xml, new or with the new comments appended.
    let comments = match &old_comments {
        Some(old) => {
            let cw = w_prefix(old).map_or(w.clone(), |p| p.0);
            let close = format!("</{cw}comments>");
            let Some(end) = old.rfind(&close) else {
                return Err(
                    tr("已有的批注部分格式错误", "the comments part is malformed").to_string(),
                );
            };
            let mut s = String::with_capacity(old.len() + findings.len() * 300);
            s.push_str(&old[..end]);
            for (i, f) in findings.iter().enumerate() {
                comment_xml(&mut s, &cw, first_id + i as i64, f);
            }
            s.push_str(&old[end..]);
            s
        }
        None => {
            let ns = if strict { W_STRICT } else { W_MAIN };
            let bare = w.trim_end_matches(':');
            let mut s = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<{w}comments xmlns:{bare}=\"{ns}\">"
            );
            for (i, f) in findings.iter().enumerate() {
                comment_xml(&mut s, &w, first_id + i as i64, f);
            }
            s.push_str(&format!("</{w}comments>"));
            s
        }
    };

    // The relationship and the content type, where missing.
    let target = comments_part.trim_start_matches("word/");
    let rels = match (&existing, rels) {
        (Some(_), Some(_)) => None,
        (_, Some(r)) => {
            let ids: Vec<&str> = rel_re
                .find_iter(&r)
                .filter_map(|m| attr(m.as_str(), "Id"))
                .collect();
            let id = (1..)
                .map(|n| format!("rId{n}"))
                .find(|c| !ids.contains(&c.as_str()))
                .unwrap_or_default();
            let Some(end) = r.rfind("</Relationships>") else {
                return Err(tr(
                    "正文关系部分格式错误",
                    "the body's relationships are malformed",
                )
                .to_string());
            };
            Some(format!(
                "{}<Relationship Id=\"{id}\" Type=\"{rel_type}\" Target=\"{target}\"/>{}",
                &r[..end],
                &r[end..]
            ))
        }
        (_, None) => Some(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"{rel_type}\" Target=\"{target}\"/></Relationships>"
        )),
    };
    let part_name = format!("/{comments_part}");
    let has_override = regex::Regex::new(r"<(?:[\w.-]+:)?Override\s[^>]*>")
        .map_err(|e| e.to_string())?
        .find_iter(&types)
        .any(|m| attr(m.as_str(), "PartName").is_some_and(|p| p.eq_ignore_ascii_case(&part_name)));
    let types = if has_override {
        None
    } else {
        let Some(end) = types.rfind("</Types>") else {
            return Err(tr(
                "[Content_Types].xml格式错误",
                "[Content_Types].xml is malformed",
            )
            .to_string());
        };
        Some(format!(
            "{}<Override PartName=\"{part_name}\" ContentType=\"{CT_COMMENTS}\"/>{}",
            &types[..end],
            &types[end..]
        ))
    };

    // The package: every part in its place, those not changed copied as they are stored.
    let mut changed: Vec<(&str, String)> = vec![(BODY, doc)];
    // Tracked changes alone need no comments part.
    if !findings.is_empty() || revisions.is_empty() {
        changed.push((comments_part.as_str(), comments));
        if let Some(r) = rels {
            changed.push((RELS, r));
        }
        if let Some(t) = types {
            changed.push((TYPES, t));
        }
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() + 4096)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let io = |e: zip::result::ZipError| e.to_string();
    for n in 0..zip.len() {
        let entry = zip.by_index_raw(n).map_err(io)?;
        if let Some(k) = changed
            .iter()
            .position(|c| c.0.as_bytes() == entry.name_raw())
        {
            let (name, content) = changed.swap_remove(k);
            drop(entry);
            out.start_file(name, options).map_err(io)?;
            out.write_all(content.as_bytes())
                .map_err(|e| e.to_string())?;
        } else {
            out.raw_copy_file(entry).map_err(io)?;
        }
    }
    for (name, content) in changed {
        out.start_file(name, options).map_err(io)?;
        out.write_all(content.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    Ok(Annotated {
        bytes: out.finish().map_err(io)?.into_inner(),
        on_paragraph: anchored_on_paragraph,
        revised: covered.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Location, Severity};
    use crate::input::docx::docx_text;

    fn package(body: &str, comments: Option<&str>) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        let mut put = |name: &str, s: &str| {
            z.start_file(name, o).unwrap();
            z.write_all(s.as_bytes()).unwrap();
        };
        put(TYPES, "<Types xmlns=\"t\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
        put(
            BODY,
            &format!("<w:document xmlns:w=\"{W_MAIN}\"><w:body>{body}</w:body></w:document>"),
        );
        if let Some(c) = comments {
            put(RELS, &format!("<Relationships xmlns=\"r\"><Relationship Id=\"rId1\" Type=\"{REL_COMMENTS}\" Target=\"comments.xml\"/></Relationships>"));
            put("word/comments.xml", c);
        }
        put("word/styles.xml", "<w:styles/>");
        z.finish().unwrap().into_inner()
    }

    /// A finding on `flagged`, found in `text` by its byte offset.
    fn finding(text: &str, flagged: &str, nth: usize) -> Located {
        let (at, _) = text.match_indices(flagged).nth(nth).unwrap();
        let loc = |b: usize| {
            let before = &text[..b];
            let line = before.matches('\n').count() + 1;
            let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            (line, col)
        };
        let (line, column) = loc(at);
        let (end_line, end_column) = loc(at + flagged.len());
        Located {
            at: Location {
                file: "a.docx".into(),
                line,
                column,
                page: None,
            },
            span: Default::default(),
            rule: "test-rule",
            severity: Severity::Error,
            message: "m".into(),
            text: flagged.into(),
            related: Vec::new(),
            excerpt: None,
            end_line,
            end_column,
            replacement: None,
        }
    }

    /// The annotated body and the text of each range, in the order of the comment ids.
    fn annotate(body: &str, flagged: &[(&str, usize)]) -> (String, Vec<String>, usize) {
        let bytes = package(body, None);
        let text = docx_text(&bytes, 1 << 20).unwrap();
        let findings: Vec<Located> = flagged.iter().map(|(f, n)| finding(&text, f, *n)).collect();
        let a = docx_copy(&bytes, &text, &findings, &[], 1 << 20).unwrap();
        assert_eq!(docx_text(&a.bytes, 1 << 20).unwrap(), text);
        let mut z = zip::ZipArchive::new(Cursor::new(a.bytes.as_slice())).unwrap();
        let mut doc = String::new();
        z.by_name(BODY).unwrap().read_to_string(&mut doc).unwrap();
        let mut starts = std::collections::HashMap::new();
        let mut ranges = vec![String::new(); findings.len()];
        let mut end = 0;
        let read = walk_body(&doc, &mut |s| match s {
            Step::Emit { out, .. } => end = out.end,
            Step::Leaf(n, at) if n.starts_with("w:commentRange") => {
                let id: usize = doc[at].split('"').nth(1).unwrap().parse().unwrap();
                if n == "w:commentRangeStart" {
                    starts.insert(id, end);
                } else {
                    ranges[id] = format!("{}..{}", starts[&id], end);
                }
            }
            _ => {}
        })
        .unwrap();
        let ranges = ranges
            .iter()
            .map(|r| {
                let (s, e) = r.split_once("..").unwrap();
                read[s.parse::<usize>().unwrap()..e.parse::<usize>().unwrap()].to_string()
            })
            .collect();
        (doc, ranges, a.on_paragraph)
    }

    #[test]
    fn a_run_is_split_where_the_span_starts_and_ends_keeping_its_properties() {
        let body = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>劳社部发[2008]3号</w:t></w:r></w:p>";
        let (doc, ranges, para) = annotate(body, &[("[2008]", 0)]);
        assert_eq!(ranges, ["[2008]"]);
        assert_eq!(para, 0);
        assert_eq!(doc.matches("<w:rPr><w:b/></w:rPr>").count(), 3);
        assert!(doc.contains(
            "<w:t xml:space=\"preserve\">劳社部发</w:t></w:r><w:commentRangeStart w:id=\"0\"/>"
        ));
    }

    #[test]
    fn entities_tabs_cells_and_tracked_changes_map_exactly() {
        let body = "<w:p><w:r><w:t>根据《A&amp;B》</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del>\
            <w:ins><w:r><w:tab/><w:t>XXX元</w:t></w:r></w:ins></w:p>\
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元</w:t></w:r></w:p><w:p><w:r><w:t>格一</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        let (doc, ranges, para) = annotate(
            body,
            &[
                ("&B", 0),
                ("》\tXXX", 0),
                ("元格", 0),
                ("XXX", 0),
                ("《A", 0),
            ],
        );
        assert_eq!(ranges, ["&B", "》\tXXX", "元格", "XXX", "《A"]);
        assert_eq!(para, 0);
        assert!(doc.contains("<w:delText>删掉</w:delText>"));
    }

    #[test]
    fn a_span_on_a_line_end_is_anchored_on_its_paragraph() {
        let body = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t>第一段</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p>";
        let (doc, ranges, para) = annotate(body, &[("段\n", 0), ("段\n第", 0)]);
        assert_eq!(para, 1);
        // A span over a paragraph's end whose characters all have a place is exact.
        assert_eq!(ranges, ["第一段", "段\n第"]);
        assert!(doc.contains("</w:pPr><w:commentRangeStart w:id=\"0\"/>"));
    }

    #[test]
    fn comments_already_there_are_kept_and_new_ids_follow_them() {
        let body = "<w:p><w:commentRangeStart w:id=\"7\"/><w:r><w:t>其它事项</w:t></w:r><w:commentRangeEnd w:id=\"7\"/></w:p>";
        let old = format!("<w:comments xmlns:w=\"{W_MAIN}\"><w:comment w:id=\"7\" w:author=\"张三\"><w:p/></w:comment></w:comments>");
        let bytes = package(body, Some(&old));
        let text = docx_text(&bytes, 1 << 20).unwrap();
        let a = docx_copy(&bytes, &text, &[finding(&text, "其它", 0)], &[], 1 << 20).unwrap();
        let mut z = zip::ZipArchive::new(Cursor::new(a.bytes.as_slice())).unwrap();
        let mut c = String::new();
        z.by_name("word/comments.xml")
            .unwrap()
            .read_to_string(&mut c)
            .unwrap();
        assert!(c.contains("w:author=\"张三\""));
        assert!(c.contains("<w:comment w:id=\"8\" w:author=\"gongwen\""));
        let mut rels = String::new();
        z.by_name(RELS).unwrap().read_to_string(&mut rels).unwrap();
        assert_eq!(rels.matches("<Relationship ").count(), 1);
        let mut styles = String::new();
        z.by_name("word/styles.xml")
            .unwrap()
            .read_to_string(&mut styles)
            .unwrap();
        assert_eq!(styles, "<w:styles/>");
    }

    #[test]
    fn edits_become_tracked_changes_on_exactly_the_characters_that_change() {
        use crate::fix::Edit;
        use crate::span::Span;
        let body = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>临政发﹝2025</w:t></w:r><w:r><w:t>﹞36号,其它&amp;</w:t></w:r></w:p>";
        let bytes = package(body, None);
        let text = docx_text(&bytes, 1 << 20).unwrap();
        let edit = |old: &str, new: &str| {
            let s = text.find(old).unwrap();
            Edit {
                span: Span::new(s, s + old.len()),
                text: new.into(),
                rule: "docno-bracket-form",
            }
        };
        // Over two runs; a mark; two characters of which one changes.
        let edits = [
            edit("﹝2025﹞", "〔2025〕"),
            edit(",", "，"),
            edit("其它", "其他"),
        ];
        // A finding of a rule that needs a person, over a change, stays a comment.
        let mut f = finding(&text, "5﹞36", 0);
        f.rule = "title-near-duplicate";
        let a = docx_copy(&bytes, &text, &[f], &edits, 1 << 20).unwrap();
        assert_eq!(a.revised, 3);
        let accepted = docx_text(&a.bytes, 1 << 20).unwrap();
        assert_eq!(accepted, "临政发〔2025〕36号，其他&\n");
        let mut z = zip::ZipArchive::new(Cursor::new(a.bytes.as_slice())).unwrap();
        let mut doc = String::new();
        z.by_name(BODY).unwrap().read_to_string(&mut doc).unwrap();
        let dels: Vec<&str> = doc
            .split("<w:delText xml:space=\"preserve\">")
            .skip(1)
            .map(|s| &s[..s.find('<').unwrap()])
            .collect();
        assert_eq!(dels, ["﹝", "﹞", ",", "它"]);
        // The part in the bold run stays bold, deleted and inserted.
        assert!(doc.contains("<w:r><w:rPr><w:b/></w:rPr><w:delText xml:space=\"preserve\">﹝"));
        assert!(doc.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">〔"));
        assert_eq!(doc.matches("w:author=\"gongwen\" w:date=").count(), 8);
        assert_eq!(doc.matches("<w:commentReference ").count(), 1);
    }

    #[test]
    fn positions_are_found_in_one_pass() {
        let text = "甲乙\n丙丁戊\n";
        let f = finding(text, "丁戊", 0);
        assert_eq!(byte_spans(text, &[f]), [(10, 16)]);
    }
}
