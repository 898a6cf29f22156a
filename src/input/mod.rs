//! Reading inputs: listing paths, reading bytes, recognising the format and decoding.

pub mod decode;
pub mod docx;
pub mod html;
pub mod jsonl;
pub mod layout;
pub mod msdoc;
pub mod ofd;
pub mod pdf;
pub mod walk;

use std::io::Read;

use crate::document::{Document, Format};
use crate::i18n::tr;
pub use walk::{expand, expand_excluding, Input};

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Forced encoding for text and HTML files (`--encoding`).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Largest input file accepted, in bytes.
    pub max_file_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            max_file_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Outcome of reading one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// The input could not be read, decoded or unpacked.
    Error,
    /// Read, but not a document we handle (binary, empty).
    Skipped,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
            Status::Skipped => "skipped",
        }
    }
}

/// An input that did not become a document, with the reason shown to users.
#[derive(Debug, Clone)]
pub struct Failure {
    pub file: String,
    pub status: Status,
    pub format: String,
    pub encoding: String,
    pub reason: String,
}

fn fail(file: &str, status: Status, format: &str, reason: impl Into<String>) -> Failure {
    Failure {
        file: file.to_string(),
        status,
        format: format.to_string(),
        encoding: String::new(),
        reason: reason.into(),
    }
}

/// Text taken out of a container format (PDF, OFD, .doc/.wps) by its reader.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub text: String,
    /// Byte offsets in `text` where each page starts, the first at 0; empty where the format
    /// has no pages.
    pub pages: Vec<usize>,
    /// The title the file's own metadata gives, where it gives one.
    pub title: Option<String>,
}

/// Why a container reader gave no text: the status of the input's row, and the reason shown
/// to users (in the message language).
#[derive(Debug, Clone)]
pub struct ReadError {
    pub status: Status,
    pub reason: String,
}

impl ReadError {
    /// The file is damaged, encrypted or of a version not read.
    pub fn error(reason: impl Into<String>) -> Self {
        ReadError {
            status: Status::Error,
            reason: reason.into(),
        }
    }

    /// The file was read but holds no text to work on (a scan).
    pub fn skipped(reason: impl Into<String>) -> Self {
        ReadError {
            status: Status::Skipped,
            reason: reason.into(),
        }
    }
}

/// Reads and decodes one input.
pub fn load(input: &Input, opts: &ReadOptions) -> Result<Document, Failure> {
    match input {
        Input::Unlistable { display, reason } => Err(fail(display, Status::Error, "", reason)),
        Input::Passed { display, reason } => Err(fail(display, Status::Skipped, "", reason)),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(opts.max_file_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| fail("-", Status::Error, "", walk::io_reason(&e)))?;
            if bytes.len() as u64 > opts.max_file_bytes {
                return Err(too_large("-", bytes.len() as u64, opts.max_file_bytes));
            }
            from_bytes("-", "", &bytes, opts)
        }
        Input::File {
            path,
            display,
            walked,
        } => {
            // Metadata follows links, so a link to a device is judged as the device. Opening a
            // FIFO would block until a writer comes, and a device can read forever: only
            // regular files are opened.
            let meta = std::fs::metadata(path)
                .map_err(|e| fail(display, Status::Error, "", walk::io_reason(&e)))?;
            if !meta.is_file() {
                return Err(not_a_regular_file(display, &meta));
            }
            if meta.len() > opts.max_file_bytes {
                return Err(too_large(display, meta.len(), opts.max_file_bytes));
            }
            let file = std::fs::File::open(path)
                .map_err(|e| fail(display, Status::Error, "", walk::io_reason(&e)))?;
            // The length said by metadata can be wrong (files under /proc, a file still being
            // written), so the read itself stops one byte past the limit.
            let mut bytes = Vec::with_capacity(meta.len().min(opts.max_file_bytes) as usize + 1);
            file.take(opts.max_file_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| fail(display, Status::Error, "", walk::io_reason(&e)))?;
            if bytes.len() as u64 > opts.max_file_bytes {
                return Err(too_large_read(display, opts.max_file_bytes));
            }
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            let doc = from_bytes(display, &ext, &bytes, opts)?;
            match chinese_share(&doc.text) {
                Some(share) if *walked && share < MIN_CHINESE_SHARE => Err(fail(
                    display,
                    Status::Skipped,
                    doc.format.as_str(),
                    msg!(
                        zh = "汉字只占{:.0}%，不像公文，目录中的此类文件不读取（需要时请直接指定该文件）",
                        en = "only {:.0}% of it is Chinese characters: not a document; such files are not read from a directory (name the file to read it)",
                        share * 100.0
                    ),
                )),
                _ => Ok(doc),
            }
        }
    }
}

/// Below this share of Chinese characters a file found in a directory is not taken for a
/// document. Published documents measure 30% and more (a reply that is mostly a table of
/// figures), most above 60%; a folder's README or list of sources, under 10%.
const MIN_CHINESE_SHARE: f64 = 0.15;

/// The share of Chinese characters among the first 100,000 characters that are not white
/// space; `None` for a text too short to judge.
fn chinese_share(text: &str) -> Option<f64> {
    let (mut han, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()).take(100_000) {
        all += 1;
        han += usize::from(matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'));
    }
    (all >= 100).then(|| han as f64 / all as f64)
}

/// The row of a path that is not a regular file: what it is, and that it was not read.
fn not_a_regular_file(file: &str, meta: &std::fs::Metadata) -> Failure {
    let ft = meta.file_type();
    let (zh, en) = if ft.is_dir() {
        ("这是一个目录，不是文件", "a directory, not a file")
    } else {
        special_kind(&ft)
    };
    fail(
        file,
        Status::Skipped,
        "",
        msg!(
            zh = "{}，不是普通文件，未读取",
            en = "{}, not a regular file; not read",
            tr(zh, en)
        ),
    )
}

#[cfg(unix)]
fn special_kind(ft: &std::fs::FileType) -> (&'static str, &'static str) {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        ("命名管道（FIFO）", "a named pipe (FIFO)")
    } else if ft.is_socket() {
        ("套接字", "a socket")
    } else if ft.is_char_device() {
        ("字符设备", "a character device")
    } else if ft.is_block_device() {
        ("块设备", "a block device")
    } else {
        ("特殊文件", "a special file")
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> (&'static str, &'static str) {
    ("特殊文件", "a special file")
}

/// A file whose read went past the limit although its metadata said it was within it.
fn too_large_read(file: &str, limit: u64) -> Failure {
    fail(
        file,
        Status::Error,
        "",
        msg!(
            zh = "文件超过上限 {:.1} MB，已停止读取（可用 --max-file-size 调整）",
            en = "the file goes on past the limit of {:.1} MB; reading stopped (see --max-file-size)",
            limit as f64 / 1048576.0
        ),
    )
}

fn too_large(file: &str, size: u64, limit: u64) -> Failure {
    fail(
        file,
        Status::Error,
        "",
        msg!(
            zh = "文件过大（{:.1} MB），超过上限 {:.1} MB（可用 --max-file-size 调整）",
            en = "file too large ({:.1} MB), over the limit of {:.1} MB (see --max-file-size)",
            size as f64 / 1048576.0,
            limit as f64 / 1048576.0
        ),
    )
}

/// What the first bytes say about a file that is not text, and how it counts: a document in a
/// format not read yet was meant to be checked, so it is an input not read (`error`, exit
/// status 2); a picture or an archive in a folder of drafts is passed over (`skipped`). PDF,
/// OFD and OLE files have readers of their own ([`container_reader`]).
fn binary_kind(bytes: &[u8]) -> Option<(&'static str, Status)> {
    const IMAGE: (&str, &str) = ("图片文件，不是文本", "an image, not text");
    const ARCHIVE: (&str, &str) = ("压缩文件，不是文本", "an archive, not text");
    const MAGIC: &[(&[u8], (&str, &str))] = &[
        (b"\x89PNG", IMAGE),
        (b"\xFF\xD8\xFF", IMAGE),
        (b"GIF8", IMAGE),
        (
            b"\x1F\x8B",
            ("gzip压缩文件，不是文本", "a gzip archive, not text"),
        ),
        (
            b"\x7FELF",
            ("可执行程序，不是文本", "an executable program, not text"),
        ),
        (b"Rar!", ARCHIVE),
        (b"7z\xBC\xAF", ARCHIVE),
        (
            b"{\\rtf",
            (
                "不支持的格式：RTF文件暂不能读取，请另存为.docx或文本",
                "format not supported: RTF is not read yet; save it as .docx or text",
            ),
        ),
    ];
    /// The documents among them: RTF.
    const DOCUMENTS: &[&[u8]] = &[b"{\\rtf"];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(m, (zh, en))| {
            let status = if DOCUMENTS.contains(m) {
                Status::Error
            } else {
                Status::Skipped
            };
            (tr(zh, en), status)
        })
}

type Reader = fn(&[u8], u64) -> Result<Extracted, ReadError>;

/// A document from a container reader's text, or the row saying why there is none.
fn read_container(
    file: &str,
    bytes: &[u8],
    (format, read): (Format, Reader),
    opts: &ReadOptions,
) -> Result<Document, Failure> {
    match read(bytes, opts.max_file_bytes) {
        Ok(x) => {
            let mut doc = Document::new(file, x.text, "UTF-8", format);
            doc.pages = x.pages;
            doc.meta_title = x.title;
            Ok(doc)
        }
        Err(e) => Err(fail(file, e.status, format.as_str(), e.reason)),
    }
}

/// The reader of a zip-based format other than .docx: OFD, told by its extension or by the
/// `OFD.xml` entry at the root of the package.
fn zip_reader(ext: &str, bytes: &[u8]) -> Option<(Format, Reader)> {
    (bytes.starts_with(b"PK\x03\x04") && (ext == "ofd" || ofd::is_ofd(bytes)))
        .then_some((Format::Ofd, ofd::read as Reader))
}

/// The reader of a non-zip container, told by its first bytes: PDF, or an OLE compound file
/// (.doc, .wps; the extension names which).
fn container_reader(ext: &str, bytes: &[u8]) -> Option<(Format, Reader)> {
    if bytes.starts_with(b"%PDF") {
        return Some((Format::Pdf, pdf::read as Reader));
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        let format = if ext == "wps" {
            Format::Wps
        } else {
            Format::Doc
        };
        return Some((format, msdoc::read as Reader));
    }
    None
}

fn looks_like_html(ext: &str, bytes: &[u8]) -> bool {
    if matches!(ext, "html" | "htm" | "xhtml" | "shtml") {
        return true;
    }
    let head = &bytes[..bytes.len().min(512)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Share of decoded characters that are control characters other than tab and line breaks.
fn control_share(text: &str) -> f64 {
    // Over the first 100,000 characters, counted on bytes rather than decoded: a character
    // starts at every byte that is not a continuation byte, and the control characters
    // (U+0000–U+001F, U+007F–U+009F) are single bytes but for U+0080–U+009F, C2 80–C2 9F.
    let end = if text.len() <= 100_000 {
        text.len()
    } else {
        text.char_indices()
            .nth(100_000)
            .map_or(text.len(), |(i, _)| i)
    };
    let b = &text.as_bytes()[..end];
    let total = crate::span::count_chars(b);
    // Single-byte controls are tested byte by byte with no branch, which the compiler turns
    // into vector code; the two-byte ones are looked for only where their lead byte is.
    let is_control = |x: u8| {
        ((x < 0x20) & (x != b'\t') & (x != b'\n') & (x != b'\r') & (x != 0x0C)) | (x == 0x7F)
    };
    // Counted in bytes per block of 255, which cannot overflow one.
    let single: usize = b
        .chunks(255)
        .map(|c| c.iter().fold(0u8, |n, &x| n + u8::from(is_control(x))) as usize)
        .sum();
    let double = memchr::memchr_iter(0xC2, b)
        .filter(|&i| matches!(b.get(i + 1), Some(0x80..=0x9F)))
        .count();
    let control = single + double;
    if total == 0 {
        0.0
    } else {
        control as f64 / total as f64
    }
}

/// Bytes judged before a file is decoded whole.
const SNIFF_BYTES: usize = 64 * 1024;

fn decode(bytes: &[u8], opts: &ReadOptions) -> decode::Decoded {
    match opts.encoding {
        Some(enc) => decode::decode_forced(bytes, enc),
        None => decode::decode_auto(bytes),
    }
}

/// Text files do not contain control characters; a file full of them, or of bytes no
/// encoding reads, is binary data, which no decoding would turn into a document.
fn looks_binary(decoded: &decode::Decoded, len: usize, opts: &ReadOptions) -> bool {
    let bad_share = decoded.undecodable as f64 / len as f64;
    control_share(&decoded.text) > 0.02 || (opts.encoding.is_none() && bad_share > 0.2)
}

/// Recognises the format of `bytes` and turns them into a document.
pub fn from_bytes(
    file: &str,
    ext: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<Document, Failure> {
    if bytes.is_empty() {
        return Err(fail(
            file,
            Status::Skipped,
            "",
            tr("文件为空", "empty file"),
        ));
    }
    if let Some(reader) = zip_reader(ext, bytes) {
        return read_container(file, bytes, reader, opts);
    }
    if bytes.starts_with(b"PK\x03\x04") || matches!(ext, "docx" | "docm" | "dotx") {
        // The body part is the only one that matters; its unpacked size is capped by the same
        // limit as a file's, so that a crafted file cannot exhaust memory.
        let limit = opts.max_file_bytes;
        return match docx::docx_text(bytes, limit) {
            Ok(text) => Ok(Document::new(file, text, "UTF-8", Format::Docx)),
            // OFD, the national format of electronic documents, is a zip of XML too.
            Err(docx::DocxError::NoBody) if ext == "ofd" => Err(fail(
                file,
                Status::Error,
                "",
                tr(
                    "不支持的格式：OFD文件暂不能读取，请另存为.docx或文本",
                    "format not supported: OFD is not read yet; save it as .docx or text",
                ),
            )),
            Err(docx::DocxError::NoBody) if !matches!(ext, "docx" | "docm" | "dotx") => Err(fail(
                file,
                Status::Skipped,
                "",
                tr(
                    "zip压缩文件，不是Word文档或文本",
                    "a zip archive, not a Word document or text",
                ),
            )),
            Err(e) => Err(fail(file, Status::Error, "docx", e.to_string())),
        };
    }
    if let Some(reader) = container_reader(ext, bytes) {
        return read_container(file, bytes, reader, opts);
    }
    if let Some((reason, status)) = binary_kind(bytes) {
        return Err(fail(file, status, "", reason));
    }
    let is_html = looks_like_html(ext, bytes);
    let format = if is_html { "html" } else { "text" };
    let binary = || {
        fail(
            file,
            Status::Skipped,
            format,
            tr(
                "二进制文件，不是文本（含大量控制字符或无法识别的字节）",
                "binary data, not text (many control characters or unrecognisable bytes)",
            ),
        )
    };
    // A bounded prefix decides first, so that binary data is never decoded whole just to be
    // skipped.
    if bytes.len() > SNIFF_BYTES
        && looks_binary(&decode(&bytes[..SNIFF_BYTES], opts), SNIFF_BYTES, opts)
    {
        return Err(binary());
    }
    let decoded = decode(bytes, opts);
    if looks_binary(&decoded, bytes.len(), opts) {
        return Err(binary());
    }
    let encoding_note = decoded.doubt_note();
    let (text, fmt) = if is_html {
        (html::html_text(&decoded.text), Format::Html)
    } else {
        (decoded.text, Format::Text)
    };
    let mut doc = Document::new(file, text, decoded.encoding, fmt);
    doc.undecodable = decoded.undecodable;
    doc.encoding_note = encoding_note;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The share of control characters among the first 100,000 characters, as decoding them
    /// one by one gives it.
    #[test]
    fn control_share_counts_characters() {
        fn decoded(text: &str) -> f64 {
            let (mut total, mut control) = (0usize, 0usize);
            for c in text.chars().take(100_000) {
                total += 1;
                if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
                    control += 1;
                }
            }
            if total == 0 {
                0.0
            } else {
                control as f64 / total as f64
            }
        }
        let mut texts = crate::corpus_texts();
        texts.push("法\u{0}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}¢\t\n\r\u{c}治".into());
        texts.push("法".repeat(60_000) + "\u{85}\u{1}");
        texts.push("\u{1}".repeat(99_999) + "法\u{1}\u{1}");
        texts.push(String::new());
        for t in &texts {
            assert_eq!(control_share(t), decoded(t), "{}", t.len());
        }
        assert!(control_share(&texts[texts.len() - 4]) > 0.3);
    }
}
