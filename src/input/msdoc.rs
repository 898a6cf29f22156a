//! Word 97–2003 (.doc) and WPS (.wps) documents: OLE compound files holding a WordDocument
//! stream. WPS Office (2005 and later) writes .wps files in the same binary layout.
//!
//! The text is that of the main document — not footnotes, headers or text boxes — taken
//! through the piece table in the order of its character positions. As in the .docx reader,
//! field instructions and text deleted under tracked changes are left out, because a reader of
//! the printed document does not see them; each paragraph becomes one line, and so does each
//! table cell that holds text.
//!
//! Every offset and size is read from untrusted bytes: each one is checked against the stream
//! it points into before use, the text given back is capped by the caller's limit, and the
//! container library runs under `catch_unwind` so that a fault in it costs one file, not the
//! batch.

use std::io::{Cursor, Read};

use super::{Extracted, ReadError};
use crate::i18n::tr;

/// Reads the text of a .doc or .wps file.
pub fn read(bytes: &[u8], limit: u64) -> Result<Extracted, ReadError> {
    std::panic::catch_unwind(|| read_ole(bytes, limit)).unwrap_or_else(|_| {
        Err(damaged(tr(
            "OLE复合文件结构异常",
            "the OLE compound file is malformed",
        )))
    })
}

fn damaged(detail: impl std::fmt::Display) -> ReadError {
    ReadError::error(msg!(
        zh = "Word文档已损坏或不完整：{}",
        en = "damaged or incomplete Word document: {}",
        detail
    ))
}

fn encrypted() -> ReadError {
    ReadError::error(tr(
        "文件已加密（设有打开密码），无法读取",
        "the file is encrypted (it has an open password) and cannot be read",
    ))
}

fn too_large(limit: u64) -> ReadError {
    ReadError::error(msg!(
        zh = "文档内容超过上限 {:.1} MB（可用 --max-file-size 调整）",
        en = "the document's content goes past the limit of {:.1} MB (see --max-file-size)",
        limit as f64 / 1048576.0
    ))
}

fn read_ole(bytes: &[u8], limit: u64) -> Result<Extracted, ReadError> {
    // The container's header alone takes 512 bytes.
    if bytes.len() < 512 {
        return Err(damaged(msg!(
            zh = "文件只有 {} 字节，不是完整的OLE复合文件",
            en = "the file has only {} bytes, too few for an OLE compound file",
            bytes.len()
        )));
    }
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| {
        damaged(msg!(
            zh = "OLE复合文件无法打开（{}）",
            en = "the OLE compound file cannot be opened ({})",
            e
        ))
    })?;
    let file_len = bytes.len() as u64;
    let Some(word) = stream(&mut cf, "WordDocument", file_len, limit)? else {
        return Err(not_word(&cf));
    };
    let fib = Fib::parse(&word)?;
    let table_name = if fib.which_table { "1Table" } else { "0Table" };
    let Some(table) = stream(&mut cf, table_name, file_len, limit)? else {
        return Err(damaged(msg!(
            zh = "缺少表流 {}",
            en = "the {} stream is missing",
            table_name
        )));
    };
    let pieces = pieces(&fib, &table)?;
    let deleted = deleted_ranges(&fib, &table, &word);
    let text = main_text(&fib, &pieces, &deleted, &word, limit)?;
    Ok(Extracted {
        text,
        pages: Vec::new(),
        title: None,
    })
}

/// The bytes of a stream at the root of the container; `None` where there is no such stream.
fn stream(
    cf: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &str,
    file_len: u64,
    limit: u64,
) -> Result<Option<Vec<u8>>, ReadError> {
    let path = format!("/{name}");
    let len = match cf.entry(&path) {
        Ok(e) if e.is_stream() => e.len(),
        _ => return Ok(None),
    };
    // Streams are stored inside the file, so one longer than the file says a false length.
    if len > file_len {
        return Err(damaged(msg!(
            zh = "{}流声称长 {} 字节，超过文件本身",
            en = "the {} stream claims {} bytes, more than the file holds",
            name,
            len
        )));
    }
    if len > limit {
        return Err(too_large(limit));
    }
    let mut data = Vec::with_capacity(len as usize);
    cf.open_stream(&path)
        .and_then(|s| s.take(len).read_to_end(&mut data))
        .map_err(|e| {
            damaged(msg!(
                zh = "{}流无法读取（{}）",
                en = "the {} stream cannot be read ({})",
                name,
                e
            ))
        })?;
    if (data.len() as u64) < len {
        return Err(damaged(msg!(
            zh = "{}流被截断",
            en = "the {} stream is truncated",
            name
        )));
    }
    Ok(Some(data))
}

/// Why an OLE file without a WordDocument stream is not read: what it is, where its streams
/// tell.
fn not_word(cf: &cfb::CompoundFile<Cursor<&[u8]>>) -> ReadError {
    let names: Vec<String> = cf
        .read_root_storage()
        .map(|e| e.name().to_string())
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    // A password-protected .docx (or .xlsx) is an OLE file holding the encrypted package.
    if has("EncryptedPackage") {
        return encrypted();
    }
    let (zh, en) = if has("Workbook") || has("Book") {
        (
            "Excel工作簿，不是Word文档",
            "an Excel workbook, not a Word document",
        )
    } else if has("PowerPoint Document") {
        (
            "PowerPoint演示文稿，不是Word文档",
            "a PowerPoint presentation, not a Word document",
        )
    } else if has("VisioDocument") {
        (
            "Visio绘图，不是Word文档",
            "a Visio drawing, not a Word document",
        )
    } else {
        (
            "OLE复合文件中没有Word正文（WordDocument流）：不是Word 97–2003文档（也可能是2005年以前的WPS文件）",
            "an OLE compound file without a WordDocument stream: not a Word 97–2003 document (perhaps a WPS file from before 2005)",
        )
    };
    ReadError::error(tr(zh, en))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// `len` bytes of `b` from `at`, where both are untrusted.
fn slice(b: &[u8], at: u64, len: u64) -> Option<&[u8]> {
    let end = at.checked_add(len)?;
    if end > b.len() as u64 {
        return None;
    }
    Some(&b[at as usize..end as usize])
}

/// What is needed of the File Information Block at the start of the WordDocument stream.
struct Fib {
    /// The table stream is 1Table rather than 0Table.
    which_table: bool,
    /// Characters of the main document, the first range of character positions.
    ccp_text: u32,
    fc_clx: u32,
    lcb_clx: u32,
    fc_bte_chpx: u32,
    lcb_bte_chpx: u32,
}

/// The first nFib of Word 97; Word 6.0 and 95 wrote 101 to 105, with another layout.
const NFIB_WORD97: u16 = 0x00C0;

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, ReadError> {
        let short = || {
            damaged(tr(
                "文件信息块（FIB）不完整",
                "the file information block (FIB) is incomplete",
            ))
        };
        let ident = u16_at(word, 0).ok_or_else(short)?;
        if ident != 0xA5EC && ident != 0xA5DC {
            return Err(damaged(tr(
                "WordDocument流的开头不是Word文件头",
                "the WordDocument stream does not start with a Word header",
            )));
        }
        let nfib = u16_at(word, 2).ok_or_else(short)?;
        if nfib < NFIB_WORD97 {
            let version = if nfib >= 101 {
                "Word 6.0/95"
            } else {
                "Word 2.0"
            };
            return Err(ReadError::error(msg!(
                zh = "旧版Word格式（{}，nFib={}）暂不能读取，请另存为.docx",
                en = "an old Word format ({}, nFib={}) is not read; save it as .docx",
                version,
                nfib
            )));
        }
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        // fEncrypted, and fObfuscated (XOR obfuscation, meaningful only with fEncrypted but
        // never set on a readable file).
        if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
            return Err(encrypted());
        }
        // After the fixed 32-byte base come three arrays, each preceded by its count, whose
        // lengths are read rather than assumed so that later versions' longer arrays are
        // stepped over.
        let mut at = 0x20usize;
        let csw = u16_at(word, at).ok_or_else(short)? as usize;
        at += 2 + csw * 2;
        let cslw = u16_at(word, at).ok_or_else(short)? as usize;
        at += 2;
        if cslw < 4 {
            return Err(short());
        }
        let ccp_text = u32_at(word, at + 3 * 4).ok_or_else(short)?;
        at += cslw * 4;
        let cb_fc_lcb = u16_at(word, at).ok_or_else(short)? as usize;
        at += 2;
        if cb_fc_lcb < 34 {
            return Err(short());
        }
        let pair = |i: usize| -> Option<(u32, u32)> {
            Some((u32_at(word, at + i * 8)?, u32_at(word, at + i * 8 + 4)?))
        };
        let (fc_bte_chpx, lcb_bte_chpx) = pair(12).ok_or_else(short)?;
        let (fc_clx, lcb_clx) = pair(33).ok_or_else(short)?;
        Ok(Fib {
            which_table: flags & 0x0200 != 0,
            ccp_text,
            fc_clx,
            lcb_clx,
            fc_bte_chpx,
            lcb_bte_chpx,
        })
    }
}

/// A run of text: character positions from `cp` on, stored from byte `fc` of the WordDocument
/// stream, one byte per character where `compressed`, else two (UTF-16LE).
#[derive(Debug, Clone, Copy)]
struct Piece {
    cp_start: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The piece table, from the CLX in the table stream.
fn pieces(fib: &Fib, table: &[u8]) -> Result<Vec<Piece>, ReadError> {
    let bad = || {
        damaged(tr(
            "文本片段表（CLX）损坏",
            "the piece table (CLX) is damaged",
        ))
    };
    let clx = slice(table, fib.fc_clx.into(), fib.lcb_clx.into()).ok_or_else(bad)?;
    // Formatting blocks (Prc, 0x01) come first, then the piece table (Pcdt, 0x02). Every step
    // moves forward, so the loop ends.
    let mut i = 0usize;
    let plc = loop {
        match clx.get(i) {
            Some(1) => {
                let cb = u16_at(clx, i + 1).ok_or_else(bad)? as i16;
                if cb < 0 {
                    return Err(bad());
                }
                i += 3 + cb as usize;
            }
            Some(2) => {
                let lcb = u32_at(clx, i + 1).ok_or_else(bad)?;
                break slice(clx, i as u64 + 5, lcb.into()).ok_or_else(bad)?;
            }
            _ => return Err(bad()),
        }
    };
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(bad());
    }
    let n = (plc.len() - 4) / 12;
    let cp = |k: usize| u32_at(plc, k * 4).unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let (cp_start, cp_end) = (cp(k), cp(k + 1));
        if cp_end < cp_start {
            return Err(bad());
        }
        let fc = u32_at(plc, (n + 1) * 4 + k * 8 + 2).ok_or_else(bad)?;
        out.push(Piece {
            cp_start,
            cp_end,
            fc: fc & 0x3FFF_FFFF,
            compressed: fc & 0x4000_0000 != 0,
        });
    }
    Ok(out)
}

/// Byte ranges of the WordDocument stream whose characters are marked deleted (tracked
/// changes not yet accepted), sorted and merged. Formatting that cannot be read leaves the
/// text in: a damaged run of properties is no reason to lose the document.
fn deleted_ranges(fib: &Fib, table: &[u8], word: &[u8]) -> Vec<(u32, u32)> {
    let Some(plc) = slice(table, fib.fc_bte_chpx.into(), fib.lcb_bte_chpx.into()) else {
        return Vec::new();
    };
    if plc.len() < 4 || (plc.len() - 4) % 8 != 0 {
        return Vec::new();
    }
    let n = (plc.len() - 4) / 8;
    // Each formatting page is read once however many entries name it, so the work is bounded
    // by the stream's size.
    let mut pages: Vec<u32> = (0..n)
        .filter_map(|i| u32_at(plc, (n + 1) * 4 + i * 4))
        .map(|pn| pn & 0x3F_FFFF)
        .collect();
    pages.sort_unstable();
    pages.dedup();
    let mut ranges = Vec::new();
    for pn in pages {
        let Some(page) = slice(word, u64::from(pn) * 512, 512) else {
            continue;
        };
        chpx_page_deletions(page, &mut ranges);
    }
    ranges.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// sprmCFRMarkDel: the run is deleted text of a tracked change.
const SPRM_C_FR_MARK_DEL: u16 = 0x0800;

/// The deleted runs of one character-formatting page (ChpxFkp).
fn chpx_page_deletions(page: &[u8], ranges: &mut Vec<(u32, u32)>) {
    let crun = page[511] as usize;
    if crun == 0 || 4 * (crun + 1) + crun > 511 {
        return;
    }
    for i in 0..crun {
        let (Some(start), Some(end)) = (u32_at(page, i * 4), u32_at(page, i * 4 + 4)) else {
            return;
        };
        let off = page[4 * (crun + 1) + i] as usize * 2;
        if off == 0 || end <= start {
            continue;
        }
        let Some(&cb) = page.get(off) else { continue };
        let Some(grpprl) = page.get(off + 1..(off + 1 + cb as usize).min(511)) else {
            continue;
        };
        if sprm_value(grpprl, SPRM_C_FR_MARK_DEL).is_some_and(|v| v == 1 || v == 0x81) {
            ranges.push((start, end));
        }
    }
}

/// The first operand byte of `wanted` in a list of properties (Prl), if it is there.
fn sprm_value(grpprl: &[u8], wanted: u16) -> Option<u8> {
    let mut j = 0usize;
    while let Some(sprm) = u16_at(grpprl, j) {
        if sprm == wanted {
            return grpprl.get(j + 2).copied();
        }
        // The operand's size is told by the top three bits of the property's code.
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => 1 + *grpprl.get(j + 2)? as usize,
        };
        j += 2 + size;
    }
    None
}

/// Windows-1252 at 0x80–0x9F, which is how Word reads a compressed (one byte per character)
/// piece; other bytes are their own code points.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

/// The main document's text, piece by piece in character-position order.
fn main_text(
    fib: &Fib,
    pieces: &[Piece],
    deleted: &[(u32, u32)],
    word: &[u8],
    limit: u64,
) -> Result<String, ReadError> {
    let mut pieces = pieces.to_vec();
    pieces.sort_by_key(|p| p.cp_start);
    let mut sink = Sink::default();
    for p in &pieces {
        if p.cp_start >= fib.ccp_text {
            break;
        }
        let n = u64::from(p.cp_end.min(fib.ccp_text) - p.cp_start);
        let (start, width) = if p.compressed {
            (u64::from(p.fc / 2), 1)
        } else {
            (u64::from(p.fc), 2)
        };
        let Some(bytes) = slice(word, start, n * width) else {
            return Err(damaged(tr(
                "文本片段超出WordDocument流",
                "a piece of text lies past the end of the WordDocument stream",
            )));
        };
        // The deleted ranges from the first one that could cover this piece on; offsets only
        // grow within a piece.
        let mut d = deleted.partition_point(|r| u64::from(r.1) <= start);
        let mut is_deleted = |offset: u64| {
            while d < deleted.len() && u64::from(deleted[d].1) <= offset {
                d += 1;
            }
            d < deleted.len() && u64::from(deleted[d].0) <= offset
        };
        if p.compressed {
            for (k, &b) in bytes.iter().enumerate() {
                if is_deleted(start + k as u64) {
                    continue;
                }
                let c = match b {
                    0x80..=0x9F => char::from_u32(CP1252_HIGH[b as usize - 0x80].into()),
                    _ => Some(char::from(b)),
                };
                sink.push(c.unwrap_or('\u{FFFD}'));
            }
        } else {
            let units = bytes
                .chunks_exact(2)
                .enumerate()
                .filter(|(k, _)| !is_deleted(start + 2 * *k as u64))
                .map(|(_, u)| u16::from_le_bytes([u[0], u[1]]));
            for c in char::decode_utf16(units) {
                sink.push(c.unwrap_or('\u{FFFD}'));
            }
        }
        if sink.out.len() as u64 > limit {
            return Err(too_large(limit));
        }
    }
    Ok(sink.out)
}

/// Turns the characters of the document into lines of text.
#[derive(Default)]
struct Sink {
    out: String,
    /// One entry per open field: whether its instruction part is still being read.
    fields: Vec<bool>,
    /// How many open fields are in their instruction part; text is shown only at zero.
    in_instruction: usize,
    line_has_text: bool,
}

impl Sink {
    fn push(&mut self, c: char) {
        match c {
            // Field begin, separator (instruction ends, result begins) and end.
            '\u{13}' => {
                self.fields.push(true);
                self.in_instruction += 1;
            }
            '\u{14}' => {
                if let Some(top) = self.fields.last_mut() {
                    if *top {
                        *top = false;
                        self.in_instruction -= 1;
                    }
                }
            }
            '\u{15}' => {
                if self.fields.pop() == Some(true) {
                    self.in_instruction -= 1;
                }
            }
            _ if self.in_instruction > 0 => {}
            // Paragraph end, line break, page or section break, column break.
            '\r' | '\u{0B}' | '\u{0C}' | '\u{0E}' => self.newline(),
            // Cell end and row end: a cell with text is a line, as in the .docx reader; an
            // empty cell or the end of a row adds none.
            '\u{07}' => {
                if self.line_has_text {
                    self.newline();
                }
            }
            // Non-breaking hyphen.
            '\u{1E}' => self.text('-'),
            '\t' => self.text('\t'),
            // Optional hyphens, object anchors, footnote marks and other control characters
            // are not text.
            c if c.is_control() => {}
            c => self.text(c),
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.line_has_text = false;
    }

    fn text(&mut self, c: char) {
        self.out.push(c);
        self.line_has_text = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// An OLE compound file holding the given streams at its root.
    fn ole(streams: &[(&str, &[u8])]) -> Vec<u8> {
        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        for (name, data) in streams {
            let mut s = cf.create_stream(format!("/{name}")).unwrap();
            s.write_all(data).unwrap();
            s.flush().unwrap();
        }
        cf.flush().unwrap();
        cf.into_inner().into_inner()
    }

    fn put16(b: &mut [u8], at: usize, v: u16) {
        b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    }

    fn put32(b: &mut [u8], at: usize, v: u32) {
        b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }

    fn utf16(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    /// A Word 97 document laid out as Word lays it out: `ascii` in a compressed piece stored
    /// after `rest`, a UTF-16 piece (`rest`, then `after`, text past the main document such
    /// as footnotes), and the characters of `rest` in `deleted` marked as deleted text.
    struct Doc<'a> {
        nfib: u16,
        flags: u16,
        ascii: &'a [u8],
        rest: &'a str,
        after: &'a str,
        deleted: std::ops::Range<usize>,
    }

    impl Default for Doc<'_> {
        fn default() -> Self {
            Doc {
                nfib: 0xC1,
                flags: 0x0200,
                ascii: b"",
                rest: "",
                after: "",
                deleted: 0..0,
            }
        }
    }

    const FIB_FC_LCB: usize = 0x9A;

    impl Doc<'_> {
        fn streams(&self) -> (Vec<u8>, Vec<u8>) {
            let rest = utf16(&(self.rest.to_string() + self.after));
            let mut word = vec![0u8; 1024];
            put16(&mut word, 0, 0xA5EC);
            put16(&mut word, 2, self.nfib);
            put16(&mut word, 0x0A, self.flags);
            put16(&mut word, 0x20, 14);
            put16(&mut word, 0x3E, 22);
            let ccp = self.ascii.len() + self.rest.encode_utf16().count();
            put32(&mut word, 0x4C, ccp as u32);
            put16(&mut word, 0x98, 34);
            word.extend_from_slice(&rest);
            let ascii_at = word.len();
            word.extend_from_slice(self.ascii);
            word.resize(word.len().div_ceil(512) * 512, 0);
            // One page of character formatting: the deleted run.
            let pn = word.len() / 512;
            let mut page = [0u8; 512];
            put32(&mut page, 0, (1024 + 2 * self.deleted.start) as u32);
            put32(&mut page, 4, (1024 + 2 * self.deleted.end) as u32);
            page[8] = 128;
            page[256..260].copy_from_slice(&[3, 0x00, 0x08, 0x01]);
            page[511] = 1;
            word.extend_from_slice(&page);

            let mut table = Vec::new();
            let cps = [
                0,
                self.ascii.len() as u32,
                (self.ascii.len() + rest.len() / 2) as u32,
            ];
            let mut plc = Vec::new();
            for cp in cps {
                plc.extend_from_slice(&cp.to_le_bytes());
            }
            for fc in [(ascii_at as u32 * 2) | 0x4000_0000, 1024] {
                plc.extend_from_slice(&[0, 0]);
                plc.extend_from_slice(&fc.to_le_bytes());
                plc.extend_from_slice(&[0, 0]);
            }
            table.push(2);
            table.extend_from_slice(&(plc.len() as u32).to_le_bytes());
            table.extend_from_slice(&plc);
            let clx_len = table.len();
            let bte_at = table.len();
            table.extend_from_slice(&(1024 + 2 * self.deleted.start as u32).to_le_bytes());
            table.extend_from_slice(&(1024 + 2 * self.deleted.end as u32).to_le_bytes());
            table.extend_from_slice(&(pn as u32).to_le_bytes());
            put32(&mut word, FIB_FC_LCB + 12 * 8, bte_at as u32);
            put32(&mut word, FIB_FC_LCB + 12 * 8 + 4, 12);
            put32(&mut word, FIB_FC_LCB + 33 * 8, 0);
            put32(&mut word, FIB_FC_LCB + 33 * 8 + 4, clx_len as u32);
            (word, table)
        }

        fn file(&self) -> Vec<u8> {
            let (word, table) = self.streams();
            ole(&[("WordDocument", &word), ("1Table", &table)])
        }
    }

    fn text_of(bytes: &[u8]) -> String {
        match read_ole(bytes, 1 << 20) {
            Ok(x) => x.text,
            Err(e) => panic!("{}", e.reason),
        }
    }

    fn reason_of(bytes: &[u8]) -> String {
        match read_ole(bytes, 1 << 20) {
            Ok(x) => panic!("read: {:?}", x.text),
            Err(e) => {
                assert_eq!(e.status, super::super::Status::Error);
                e.reason
            }
        }
    }

    #[test]
    fn pieces_fields_and_special_characters() {
        let doc = Doc {
            ascii: b"Fig. 1 \x93x\x94\r",
            rest: "第一段\u{13} HYPERLINK \"http://a\" \u{14}链接\u{15}文字\u{13}PAGE\u{15}\r\
                   单元\u{7}格\u{7}\u{7}\u{7}行末\u{b}换行\u{1e}号\u{1f}\u{1}\u{8}\r\
                   \u{13}嵌套\u{13}内\u{14}隐\u{15}\u{14}结果\u{15}\u{c}\u{1F600}\r",
            after: "脚注文字\r",
            ..Doc::default()
        };
        assert_eq!(
            text_of(&doc.file()),
            "Fig. 1 \u{201C}x\u{201D}\n第一段链接文字\n单元\n格\n行末\n换行-号\n结果\n\u{1F600}\n"
        );
    }

    #[test]
    fn deleted_runs_are_left_out() {
        let rest = "保留删除的文字保留\r";
        let doc = Doc {
            rest,
            deleted: 2..7,
            ..Doc::default()
        };
        assert_eq!(text_of(&doc.file()), "保留保留\n");
        let kept = Doc {
            rest,
            ..Doc::default()
        };
        assert_eq!(text_of(&kept.file()), "保留删除的文字保留\n");
    }

    #[test]
    fn the_table_stream_is_the_one_the_flag_names() {
        let doc = Doc {
            rest: "正文\r",
            ..Doc::default()
        };
        let (word, table) = doc.streams();
        let swapped = ole(&[("WordDocument", &word), ("0Table", &table)]);
        assert!(reason_of(&swapped).contains("1Table"));
        let mut word0 = word.clone();
        put16(&mut word0, 0x0A, 0);
        assert_eq!(
            text_of(&ole(&[("WordDocument", &word0), ("0Table", &table)])),
            "正文\n"
        );
    }

    #[test]
    fn encrypted_and_obfuscated_files_say_so() {
        for flag in [0x0100, 0x8000] {
            let doc = Doc {
                flags: 0x0200 | flag,
                rest: "正文\r",
                ..Doc::default()
            };
            assert!(reason_of(&doc.file()).contains("加密"), "{flag:#x}");
        }
        // A password-protected .docx travels in an OLE file too.
        let package = ole(&[("EncryptionInfo", b"\x04\x00"), ("EncryptedPackage", b"x")]);
        assert!(reason_of(&package).contains("加密"));
    }

    #[test]
    fn old_versions_and_other_office_files_are_named() {
        let word95 = Doc {
            nfib: 104,
            rest: "正文\r",
            ..Doc::default()
        };
        assert!(reason_of(&word95.file()).contains("Word 6.0/95"));
        let xls = ole(&[
            ("Workbook", &[9, 8, 16, 0][..]),
            ("\u{5}SummaryInformation", b""),
        ]);
        assert!(reason_of(&xls).contains("Excel"));
        let ppt = ole(&[("PowerPoint Document", b"x"), ("Current User", b"y")]);
        assert!(reason_of(&ppt).contains("PowerPoint"));
        let other = ole(&[("Contents", b"x")]);
        assert!(reason_of(&other).contains("WordDocument"));
    }

    #[test]
    fn pieces_past_the_stream_and_overlapping_pieces_are_refused() {
        let doc = Doc {
            rest: "正文\r",
            ..Doc::default()
        };
        let (mut word, table) = doc.streams();
        // The main text claims more characters than its piece holds, and the piece runs past
        // the stream.
        put32(&mut word, 0x4C, 1 << 28);
        // The third character position of the piece table, after its tag and length.
        let mut table = table;
        put32(&mut table, 1 + 4 + 8, 1 << 28);
        let reason = reason_of(&ole(&[("WordDocument", &word), ("1Table", &table)]));
        assert!(reason.contains("超出"), "{reason}");

        // Many pieces over the same bytes: the text grows past the limit and is refused.
        let body = "法".repeat(200);
        let doc = Doc {
            rest: &body,
            ..Doc::default()
        };
        let (mut word, _) = doc.streams();
        let n = 1000u32;
        let mut plc = Vec::new();
        for k in 0..=n {
            plc.extend_from_slice(&(k * 200).to_le_bytes());
        }
        for _ in 0..n {
            plc.extend_from_slice(&[0, 0]);
            plc.extend_from_slice(&1024u32.to_le_bytes());
            plc.extend_from_slice(&[0, 0]);
        }
        let mut table = vec![2];
        table.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        table.extend_from_slice(&plc);
        put32(&mut word, 0x4C, n * 200);
        put32(&mut word, FIB_FC_LCB + 33 * 8 + 4, table.len() as u32);
        put32(&mut word, FIB_FC_LCB + 12 * 8 + 4, 0);
        let file = ole(&[("WordDocument", &word), ("1Table", &table)]);
        assert_eq!(
            read_ole(&file, 1 << 20).unwrap().text.chars().count(),
            200_000
        );
        let reason = read_ole(&file, 100_000).unwrap_err().reason;
        assert!(reason.contains("上限"), "{reason}");
    }

    fn fixture(name: &str) -> Vec<u8> {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readers/doc");
        std::fs::read(dir.join(name)).unwrap()
    }

    /// The streams of a real .doc, to be damaged and put back in a container.
    fn real_streams() -> (Vec<u8>, Vec<u8>) {
        let bytes = fixture("fuhan-guobanting-1996-guobanhan16.doc");
        let mut cf = cfb::CompoundFile::open(Cursor::new(&bytes[..])).unwrap();
        let fib = Fib::parse(
            &stream(&mut cf, "WordDocument", 1 << 30, 1 << 30)
                .unwrap()
                .unwrap(),
        );
        let table = if fib.unwrap().which_table {
            "1Table"
        } else {
            "0Table"
        };
        let word = stream(&mut cf, "WordDocument", 1 << 30, 1 << 30)
            .unwrap()
            .unwrap();
        let table = stream(&mut cf, table, 1 << 30, 1 << 30).unwrap().unwrap();
        (word, table)
    }

    /// A reproducible sequence of numbers for damaging files.
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn truncated_files_and_streams_give_a_reason() {
        let bytes = fixture("fuhan-guobanting-1996-guobanhan16.doc");
        for cut in (0..bytes.len()).step_by(97) {
            let e = read_ole(&bytes[..cut], 1 << 20).unwrap_err();
            assert!(!e.reason.is_empty());
        }
        let (word, table) = real_streams();
        let name = if Fib::parse(&word).unwrap().which_table {
            "1Table"
        } else {
            "0Table"
        };
        let mut refused = 0;
        for cut in (0..word.len()).step_by(61) {
            let file = ole(&[("WordDocument", &word[..cut]), (name, &table)]);
            refused += usize::from(read_ole(&file, 1 << 20).is_err());
        }
        for cut in (0..table.len()).step_by(7) {
            let file = ole(&[("WordDocument", &word), (name, &table[..cut])]);
            refused += usize::from(read_ole(&file, 1 << 20).is_err());
        }
        assert!(refused > 0);
    }

    #[test]
    fn damaged_bytes_never_panic() {
        let bytes = fixture("fuhan-guobanting-1996-guobanhan16.doc");
        let (word, table) = real_streams();
        let name = if Fib::parse(&word).unwrap().which_table {
            "1Table"
        } else {
            "0Table"
        };
        let mut seed = 30;
        for _ in 0..300 {
            let mut b = bytes.clone();
            for _ in 0..1 + lcg(&mut seed) % 8 {
                let at = lcg(&mut seed) as usize % b.len();
                b[at] = lcg(&mut seed) as u8;
            }
            let _ = read_ole(&b, 1 << 20);
        }
        for _ in 0..300 {
            let (mut w, mut t) = (word.clone(), table.clone());
            for _ in 0..1 + lcg(&mut seed) % 4 {
                // The file information block and the tables are where sizes are.
                let at = lcg(&mut seed) as usize % 0x200;
                w[at] = lcg(&mut seed) as u8;
                let at = lcg(&mut seed) as usize % t.len();
                t[at] = lcg(&mut seed) as u8;
            }
            let _ = read_ole(&ole(&[("WordDocument", &w), (name, &t)]), 1 << 20);
        }
    }
}
