//! OFD (GB/T 33190), the national format of electronic official documents: a zip of XML.
//!
//! `OFD.xml` names each document's root (`DocBody/DocRoot`) and its metadata (`DocInfo`); the
//! document lists its pages (`Pages/Page BaseLoc`); each page's content holds text objects whose
//! boundary places them on the page and whose text codes place every character. The positioned
//! runs go to [`layout::assemble`], which rebuilds lines and paragraphs as for PDF. Template
//! pages, which carry running headers and footers, and annotations are not read.

use std::borrow::Cow;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use rustc_hash::FxHashMap;

use super::layout::{self, Run};
use super::{Extracted, ReadError};
use crate::i18n::tr;

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Whether a zip package is an OFD one (its root holds `OFD.xml`). Only the central directory
/// is read.
pub fn is_ofd(bytes: &[u8]) -> bool {
    let Ok(zip) = Zip::new(Cursor::new(bytes)) else {
        return false;
    };
    let found = zip
        .file_names_raw()
        .any(|n| normalize(&String::from_utf8_lossy(n)).eq_ignore_ascii_case("OFD.xml"));
    found
}

/// Reads the text of every page of every document in the package, and the title its metadata
/// gives. `limit` caps the unpacked size of all the parts read together.
pub fn read(bytes: &[u8], limit: u64) -> Result<Extracted, ReadError> {
    let mut pkg = Package::open(bytes, limit)?;
    let entry = pkg
        .find("", "OFD.xml")
        .ok_or_else(|| ReadError::error(no_entry()))?;
    let ofd = pkg.part(entry, "OFD.xml")?;
    let info = parse_entry(&ofd, "OFD.xml")?;
    if info.roots.is_empty() {
        return Err(ReadError::error(tr(
            "OFD.xml中没有文档根节点（DocRoot），无法找到正文",
            "OFD.xml names no document root (DocRoot); the body cannot be found",
        )));
    }
    let mut pages: Vec<Vec<Run>> = Vec::new();
    for root in &info.roots {
        let index = pkg
            .find("", root)
            .ok_or_else(|| ReadError::error(missing(root, "OFD.xml")))?;
        let doc_path = pkg.name(index);
        let xml = pkg.part(index, &doc_path)?;
        let locs = parse_document(&xml, &doc_path)?;
        let dir = folder(&doc_path);
        for loc in &locs {
            let index = pkg
                .find(&dir, loc)
                .ok_or_else(|| ReadError::error(missing(loc, &doc_path)))?;
            let path = pkg.name(index);
            let xml = pkg.part(index, &path)?;
            pages.push(parse_page(&xml, &path)?);
        }
    }
    if pages
        .iter()
        .all(|p| p.iter().all(|r| r.text.trim().is_empty()))
    {
        return Err(ReadError::skipped(tr(
            "扫描件，无文本层（OFD中没有文字对象）",
            "a scan with no text layer (the OFD holds no text objects)",
        )));
    }
    let mut out = layout::assemble(pages);
    out.title = info.title;
    Ok(out)
}

fn no_entry() -> String {
    tr(
        "不是OFD文件：zip包根目录中没有OFD.xml",
        "not an OFD file: the zip package has no OFD.xml at its root",
    )
    .to_string()
}

fn missing(path: &str, from: &str) -> String {
    msg!(
        zh = "OFD文件已损坏：缺少{from}所指的部件“{path}”",
        en = "the OFD file is damaged: the part \"{path}\" named by {from} is missing"
    )
}

fn xml_error(path: &str, pos: u64, e: impl std::fmt::Display) -> ReadError {
    ReadError::error(msg!(
        zh = "OFD部件{path}的XML格式错误（第{pos}字节附近）：{e}",
        en = "malformed XML in the OFD part {path} (near byte {pos}): {e}"
    ))
}

/// The zip package, its parts found by normalised path, and what is left of the budget of
/// unpacked bytes.
struct Package<'a> {
    zip: Zip<'a>,
    /// Lower-cased normalised path of each entry, to its index.
    names: FxHashMap<String, usize>,
    /// Normalised path of each entry.
    paths: Vec<String>,
    budget: u64,
    limit: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8], limit: u64) -> Result<Self, ReadError> {
        let zip = Zip::new(Cursor::new(bytes)).map_err(|e| {
            ReadError::error(msg!(
                zh = "不是有效的OFD文件（zip压缩包已损坏或被截断）：{e}",
                en = "not a valid OFD file (the zip package is corrupt or truncated): {e}"
            ))
        })?;
        let mut names = FxHashMap::default();
        let mut paths = Vec::with_capacity(zip.len());
        for (i, raw) in zip.file_names_raw().enumerate() {
            let path = normalize(&String::from_utf8_lossy(raw));
            names.entry(path.to_lowercase()).or_insert(i);
            paths.push(path);
        }
        Ok(Package {
            zip,
            names,
            paths,
            budget: limit,
            limit,
        })
    }

    /// The entry a reference names: relative to the folder of the part that names it, or from
    /// the root when it starts with `/`. Producers also write root-relative paths without the
    /// slash, and names that differ in case from the entry's; those are found too.
    fn find(&self, dir: &str, loc: &str) -> Option<usize> {
        let loc = loc.trim();
        if loc.is_empty() {
            return None;
        }
        let absolute = loc.starts_with(['/', '\\']);
        let joined = if absolute || dir.is_empty() {
            normalize(loc)
        } else {
            normalize(&format!("{dir}/{loc}"))
        };
        let get = |p: &str| self.names.get(&p.to_lowercase()).copied();
        get(&joined).or_else(|| if absolute { None } else { get(&normalize(loc)) })
    }

    fn name(&self, index: usize) -> String {
        self.paths.get(index).cloned().unwrap_or_default()
    }

    /// The text of one part, its unpacked size taken from the budget.
    fn part(&mut self, index: usize, path: &str) -> Result<String, ReadError> {
        let too_large = |limit: u64| {
            ReadError::error(msg!(
                zh = "OFD各部件解压后超过上限{limit}字节，可能是压缩炸弹，已拒绝处理",
                en = "the parts of the OFD file unpack to more than the limit of {limit} bytes; possibly a zip bomb, so it was refused"
            ))
        };
        let unreadable = |e: &dyn std::fmt::Display| {
            ReadError::error(msg!(
                zh = "OFD部件{path}无法解压：{e}",
                en = "the OFD part {path} cannot be unpacked: {e}"
            ))
        };
        let (encrypted, declared) = match self.zip.by_index_raw(index) {
            Ok(f) => (f.encrypted(), f.size()),
            Err(e) => return Err(unreadable(&e)),
        };
        if encrypted {
            return Err(ReadError::error(msg!(
                zh = "OFD文件已加密（部件{path}需要密码），无法读取",
                en = "the OFD file is encrypted (the part {path} needs a password); it cannot be read"
            )));
        }
        // The declared size can lie; the read below is capped as well.
        if declared > self.budget {
            return Err(too_large(self.limit));
        }
        let mut entry = self.zip.by_index(index).map_err(|e| unreadable(&e))?;
        let mut raw = Vec::with_capacity(declared as usize);
        (&mut entry)
            .take(self.budget + 1)
            .read_to_end(&mut raw)
            .map_err(|e| unreadable(&e))?;
        if raw.len() as u64 > self.budget {
            return Err(too_large(self.limit));
        }
        self.budget -= raw.len() as u64;
        Ok(match String::from_utf8(raw) {
            Ok(s) => s,
            Err(e) => super::decode::decode_auto(e.as_bytes()).text,
        })
    }
}

/// A path inside the package with `.`, `..`, empty segments and backslashes resolved; no
/// leading slash. `..` never climbs above the root.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The folder of a part, the base of the relative paths it holds.
fn folder(path: &str) -> String {
    path.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

/// What `OFD.xml` says: the documents' roots and the title.
#[derive(Debug, Default)]
struct EntryInfo {
    roots: Vec<String>,
    title: Option<String>,
}

/// Custom data names under which 公文 systems store the title when `DocInfo/Title` is empty.
const TITLE_NAMES: &[&str] = &["标题", "文件标题", "公文标题", "title"];

fn parse_entry(xml: &str, path: &str) -> Result<EntryInfo, ReadError> {
    let mut info = EntryInfo::default();
    let mut custom_title = None;
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    // The element whose text is being collected, and the text so far.
    let mut field: Option<(Field, String)> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(path, reader.error_position(), e))?;
        match event {
            Event::Start(e) => {
                field = match e.local_name().as_ref() {
                    "DocRoot" => Some((Field::Root, String::new())),
                    "Title" => Some((Field::Title, String::new())),
                    "CustomData" => {
                        let name = attr(&e, "Name").unwrap_or_default();
                        let is_title = TITLE_NAMES
                            .iter()
                            .any(|t| name.trim().eq_ignore_ascii_case(t));
                        is_title.then(|| (Field::CustomTitle, String::new()))
                    }
                    _ => None,
                }
            }
            Event::Text(t) => {
                if let Some((_, s)) = field.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some((_, s)) = field.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let (Some((_, s)), Some(c)) = (field.as_mut(), reference(&r)) {
                    s.push(c);
                }
            }
            Event::End(_) => {
                if let Some((f, s)) = field.take() {
                    let s = s.trim().to_string();
                    if !s.is_empty() {
                        match f {
                            Field::Root => info.roots.push(s),
                            Field::Title => {
                                info.title.get_or_insert(s);
                            }
                            Field::CustomTitle => {
                                custom_title.get_or_insert(s);
                            }
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    info.title = info.title.or(custom_title);
    Ok(info)
}

#[derive(Debug, Clone, Copy)]
enum Field {
    Root,
    Title,
    CustomTitle,
}

/// The page content locations a document lists, in page order. Template pages are not pages.
fn parse_document(xml: &str, path: &str) -> Result<Vec<String>, ReadError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut in_pages = false;
    let mut locs = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(path, reader.error_position(), e))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == "Pages" => in_pages = true,
            Event::End(e) if e.local_name().as_ref() == "Pages" => in_pages = false,
            Event::Start(e) | Event::Empty(e) if in_pages && e.local_name().as_ref() == "Page" => {
                if let Some(loc) = attr(&e, "BaseLoc") {
                    locs.push(loc.into_owned());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(locs)
}

/// The value of an attribute, named without its prefix.
fn attr<'b>(e: &'b BytesStart, name: &str) -> Option<Cow<'b, str>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
}

fn reference(r: &quick_xml::events::BytesRef) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    super::docx::entity(r.as_ref())
}

/// Numbers of an attribute (`Boundary`, `CTM`), separated by spaces or commas.
fn numbers(s: &str) -> impl Iterator<Item = f32> + '_ {
    s.split([' ', ',', '\t', '\n', '\r'])
        .filter(|t| !t.is_empty())
        .map(|t| t.parse::<f32>().unwrap_or(f32::NAN))
}

/// A text object being read: where its coordinate space lies on the page, and its font size.
#[derive(Debug, Clone)]
struct TextObject {
    /// Origin of the boundary on the page.
    x: f32,
    y: f32,
    /// Height of the boundary, the font size when `Size` is missing.
    h: f32,
    /// `[a b c d e f]`: object space to boundary space.
    ctm: [f32; 6],
    size: f32,
    /// Where the next text code starts when it gives no `X` or `Y` (object space).
    next_x: f32,
    next_y: f32,
}

impl TextObject {
    fn of(e: &BytesStart) -> Self {
        let b: Vec<f32> = attr(e, "Boundary")
            .map(|s| numbers(&s).take(4).collect())
            .unwrap_or_default();
        let get = |i: usize| b.get(i).copied().filter(|v| v.is_finite()).unwrap_or(0.0);
        let mut ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        if let Some(s) = attr(e, "CTM") {
            let v: Vec<f32> = numbers(&s).take(6).collect();
            if v.len() == 6 && v.iter().all(|x| x.is_finite()) {
                ctm.copy_from_slice(&v);
            }
        }
        let h = get(3);
        let size = attr(e, "Size")
            .and_then(|s| s.trim().parse::<f32>().ok())
            .filter(|v| v.is_finite() && *v > 0.0)
            .unwrap_or(h);
        TextObject {
            x: get(0),
            y: get(1),
            h,
            ctm,
            size,
            next_x: 0.0,
            next_y: 0.0,
        }
    }

    /// A point of object space on the page.
    fn place(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.ctm;
        (self.x + a * x + c * y + e, self.y + b * x + d * y + f)
    }

    /// The font size on the page: the CTM scales glyphs as it scales their positions.
    fn page_size(&self) -> f32 {
        let [a, b, c, d, ..] = self.ctm;
        let scale = (a * d - b * c).abs().sqrt();
        let size = if self.size > 0.0 { self.size } else { self.h };
        if scale.is_finite() && scale > 0.0 {
            size * scale
        } else {
            size
        }
    }
}

/// The positioned runs of one page's content. Text objects nest inside page blocks and
/// layers to any depth; the reader is a flat loop, so depth costs nothing.
fn parse_page(xml: &str, path: &str) -> Result<Vec<Run>, ReadError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut runs = Vec::new();
    let mut object: Option<TextObject> = None;
    // The open text code: its attributes and text so far.
    let mut code: Option<(Code, String)> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(path, reader.error_position(), e))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "TextObject" => object = Some(TextObject::of(&e)),
                "TextCode" if object.is_some() => code = Some((Code::of(&e), String::new())),
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "TextObject" => object = None,
            Event::Text(t) => {
                if let Some((_, s)) = code.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some((_, s)) = code.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let (Some((_, s)), Some(c)) = (code.as_mut(), reference(&r)) {
                    s.push(c);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "TextCode" => {
                    if let (Some((c, text)), Some(obj)) = (code.take(), object.as_mut()) {
                        code_runs(obj, &c, &text, &mut runs);
                    }
                }
                "TextObject" => {
                    object = None;
                    code = None;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(runs)
}

/// A text code's attributes.
#[derive(Debug, Clone)]
struct Code {
    x: Option<f32>,
    y: Option<f32>,
    delta_x: Option<String>,
    delta_y: Option<String>,
}

impl Code {
    fn of(e: &BytesStart) -> Self {
        let num = |name| {
            attr(e, name)
                .and_then(|s| s.trim().parse::<f32>().ok())
                .filter(|v| v.is_finite())
        };
        Code {
            x: num("X"),
            y: num("Y"),
            delta_x: attr(e, "DeltaX").map(Cow::into_owned),
            delta_y: attr(e, "DeltaY").map(Cow::into_owned),
        }
    }
}

/// The advances of a `DeltaX`/`DeltaY` list: numbers, where `g N v` stands for `v` repeated
/// `N` times. At most `n` values are produced, whatever `N` says.
fn deltas(spec: &str, n: usize) -> Vec<f32> {
    let mut out = Vec::with_capacity(n.min(spec.len()));
    let mut tokens = spec.split_ascii_whitespace();
    while out.len() < n {
        let Some(t) = tokens.next() else { break };
        if t == "g" {
            let count = tokens.next().and_then(|c| c.parse::<usize>().ok());
            let value = tokens.next().and_then(|v| v.parse::<f32>().ok());
            match (count, value) {
                (Some(count), Some(v)) => {
                    let take = count.min(n - out.len());
                    out.extend(std::iter::repeat_n(v, take));
                }
                _ => break,
            }
        } else {
            match t.parse::<f32>() {
                Ok(v) => out.push(v),
                Err(_) => break,
            }
        }
    }
    out
}

/// The advance of a character whose position the file does not give: a full em for CJK and
/// full-width forms, half of it for the rest.
fn advance(c: char, size: f32) -> f32 {
    let wide = matches!(c,
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}' | '\u{20000}'..='\u{3FFFD}');
    if wide {
        size
    } else {
        size * 0.5
    }
}

/// Turns one text code into runs: one per stretch of characters on one baseline (a text code
/// of vertical text, with `DeltaY`, gives one run per character).
fn code_runs(obj: &mut TextObject, code: &Code, text: &str, runs: &mut Vec<Run>) {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return;
    }
    let gaps = chars.len() - 1;
    let dx = code
        .delta_x
        .as_deref()
        .map_or_else(Vec::new, |s| deltas(s, gaps));
    let dy = code
        .delta_y
        .as_deref()
        .map_or_else(Vec::new, |s| deltas(s, gaps));
    let size = if obj.size > 0.0 { obj.size } else { obj.h };
    let page_size = obj.page_size();
    let mut x = code.x.unwrap_or(obj.next_x);
    let mut y = code.y.unwrap_or(obj.next_y);
    let mut start = 0;
    let (mut x0, mut y0) = (x, y);
    for i in 0..chars.len() {
        let step_x = dx
            .get(i)
            .copied()
            .unwrap_or_else(|| advance(chars[i], size));
        let step_y = dy.get(i).copied().unwrap_or(0.0);
        let last = i + 1 == chars.len();
        // A run ends at the last character and where the baseline moves.
        if last || step_y != 0.0 {
            let end_x = x + advance(chars[i], size);
            let seg: String = chars[start..=i].iter().collect();
            if !seg.trim().is_empty() {
                let (px, py) = obj.place(x0, y0);
                let (ex, _) = obj.place(end_x, y0);
                runs.push(Run {
                    x: px,
                    y: py,
                    width: (ex - px).abs(),
                    size: page_size,
                    text: seg,
                });
            }
            start = i + 1;
            x0 = x + step_x;
            y0 = y + step_y;
        }
        x += step_x;
        y += step_y;
    }
    obj.next_x = x;
    obj.next_y = y;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in parts {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    const ENTRY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1" DocType="OFD"><ofd:DocBody>
<ofd:DocInfo><ofd:DocID>x</ofd:DocID><ofd:Title> </ofd:Title>
<ofd:CustomDatas><ofd:CustomData Name="发文机关">保山市人民政府</ofd:CustomData><ofd:CustomData Name="标题">关于A&amp;B的通知</ofd:CustomData></ofd:CustomDatas>
</ofd:DocInfo><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#;

    const DOCUMENT: &str = r#"<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData>
<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>
<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>
<ofd:Pages><ofd:Page ID="3" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="4" BaseLoc="./Pages/../Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>"#;

    /// A header on the template, which pages draw beneath their own content.
    const TEMPLATE: &str = r#"<ofd:Page xmlns:ofd="o"><ofd:Content><ofd:Layer>
<ofd:TextObject ID="1" Boundary="28 10 100 10" Size="4"><ofd:TextCode X="0" Y="5">机密文件页眉</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;

    /// Page 1: a title drawn with a CTM that scales object space by 2, a paragraph over two
    /// lines inside nested page blocks, listed bottom line first; a page number.
    const PAGE_0: &str = r#"<ofd:Page xmlns:ofd="o"><ofd:Template TemplateID="2"/><ofd:Content><ofd:Layer ID="5">
<ofd:TextObject ID="6" Boundary="60 30 100 20" Size="2.82" CTM="2 0 0 2 0 0"><ofd:TextCode X="0" Y="5" DeltaX="g 7 2.82">关于加强管理的通知</ofd:TextCode></ofd:TextObject>
<ofd:PageBlock><ofd:PageBlock>
<ofd:TextObject ID="8" Boundary="28 70 160 10" Size="5.64"><ofd:TextCode X="0" Y="5" DeltaX="g 5 5.64 5.64 2.82 2.82 2.82 g 3 5.64">市政府完成了2022年目标</ofd:TextCode></ofd:TextObject>
</ofd:PageBlock>
<ofd:TextObject ID="7" Boundary="28 60 160 10" Size="5.64"><ofd:TextCode X="11.28" Y="5" DeltaX="g 24 5.64">全市各级各部门认真贯彻落实相关决策部署，推动工作</ofd:TextCode></ofd:TextObject>
</ofd:PageBlock>
<ofd:PathObject ID="9" Boundary="0 0 10 10"><ofd:AbbreviatedData>M 0 0 L 10 10</ofd:AbbreviatedData></ofd:PathObject>
<ofd:TextObject ID="10" Boundary="95 270 30 8" Size="4.94"><ofd:TextCode X="0" Y="5">－ 1 －</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;

    /// Page 2: one character per text code, with no X on all but the first (the position
    /// follows on).
    const PAGE_1: &str = r#"<ofd:Page xmlns:ofd="o"><ofd:Content><ofd:Layer ID="5">
<ofd:TextObject ID="11" Boundary="28 40 160 10" Size="5.64"><ofd:TextCode X="11.28" Y="5">特</ofd:TextCode><ofd:TextCode>此</ofd:TextCode><ofd:TextCode>通</ofd:TextCode><ofd:TextCode>知。</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;

    fn sample() -> Vec<u8> {
        package(&[
            ("OFD.xml", ENTRY),
            ("Doc_0/Document.xml", DOCUMENT),
            ("Doc_0/Tpls/Tpl_0/Content.xml", TEMPLATE),
            ("Doc_0/Pages/Page_0/Content.xml", PAGE_0),
            ("Doc_0/Pages/Page_1/Content.xml", PAGE_1),
        ])
    }

    #[test]
    fn pages_in_reading_order_without_template_or_page_numbers() {
        let bytes = sample();
        assert!(is_ofd(&bytes));
        let x = read(&bytes, 1 << 20).unwrap();
        let lines: Vec<&str> = x.text.lines().collect();
        assert_eq!(lines[0], "关于加强管理的通知");
        assert_eq!(
            lines[1],
            "全市各级各部门认真贯彻落实相关决策部署，推动工作市政府完成了2022年目标"
        );
        assert!(!x.text.contains("页眉"), "{}", x.text);
        assert!(!x.text.contains("－ 1 －"), "{}", x.text);
        assert_eq!(x.pages.len(), 2);
        assert!(
            x.text[x.pages[1]..].trim_start().starts_with("特此通知。"),
            "{}",
            x.text
        );
        assert_eq!(x.title.as_deref(), Some("关于A&B的通知"));
    }

    #[test]
    fn a_ctm_scales_positions_and_size() {
        let runs = parse_page(PAGE_0, "p").unwrap();
        let title = runs.iter().find(|r| r.text.starts_with("关于")).unwrap();
        assert_eq!((title.x, title.y), (60.0, 40.0));
        assert!((title.size - 5.64).abs() < 1e-4);
        // Nine characters: seven advances given, the eighth the em of the size, and the last
        // character's em, all scaled by 2.
        assert!(
            (title.width - 2.0 * 9.0 * 2.82).abs() < 1e-3,
            "{}",
            title.width
        );
        let year = runs.iter().find(|r| r.text.contains("2022")).unwrap();
        assert_eq!((year.x, year.y), (28.0, 75.0));
    }

    #[test]
    fn vertical_text_is_one_run_a_character() {
        let page = r#"<ofd:Page><ofd:TextObject Boundary="5 100 10 60" Size="5"><ofd:TextCode X="0" Y="5" DeltaY="6 6">附注栏</ofd:TextCode></ofd:TextObject></ofd:Page>"#;
        let runs = parse_page(page, "p").unwrap();
        let at: Vec<(f32, f32, &str)> = runs.iter().map(|r| (r.x, r.y, r.text.as_str())).collect();
        assert_eq!(
            at,
            vec![(5.0, 105.0, "附"), (10.0, 111.0, "注"), (15.0, 117.0, "栏")]
        );
    }

    #[test]
    fn g_compression_expands_and_stops_at_the_text() {
        assert_eq!(
            deltas("g 3 5.2 1 g 2 0.5", 10),
            vec![5.2, 5.2, 5.2, 1.0, 0.5, 0.5]
        );
        assert_eq!(deltas("g 4000000000 1", 3), vec![1.0; 3]);
        assert_eq!(deltas("1 x 2", 5), vec![1.0]);
        assert_eq!(deltas("g 2", 5), Vec::<f32>::new());
    }

    #[test]
    fn paths_relative_absolute_and_odd() {
        assert_eq!(
            normalize("/Doc_0/./Pages/../Document.xml"),
            "Doc_0/Document.xml"
        );
        assert_eq!(normalize("..\\..\\OFD.xml"), "OFD.xml");
        assert_eq!(folder("Doc_0/Document.xml"), "Doc_0");
        assert_eq!(folder("OFD.xml"), "");
    }

    #[test]
    fn damaged_packages_give_reasons() {
        let bytes = sample();
        // Truncated anywhere: an error, never a panic.
        for cut in (0..bytes.len()).step_by(7) {
            let _ = read(&bytes[..cut], 1 << 20);
            let _ = is_ofd(&bytes[..cut]);
        }
        let e = read(&bytes[..bytes.len() / 2], 1 << 20).unwrap_err();
        assert_eq!(e.status, super::super::Status::Error);
        assert!(!e.reason.is_empty());
        // Not an OFD: a zip without OFD.xml.
        let other = package(&[("word/document.xml", "<w:document/>")]);
        assert!(!is_ofd(&other));
        assert!(read(&other, 1 << 20)
            .unwrap_err()
            .reason
            .contains("OFD.xml"));
        assert!(!is_ofd(b"not a zip at all"));
        // A page the document lists is missing.
        let gap = package(&[
            ("OFD.xml", ENTRY),
            ("Doc_0/Document.xml", DOCUMENT),
            ("Doc_0/Pages/Page_0/Content.xml", PAGE_0),
        ]);
        assert!(read(&gap, 1 << 20).unwrap_err().reason.contains("Page_1"));
        // Malformed XML.
        let bad = package(&[
            ("OFD.xml", ENTRY),
            (
                "Doc_0/Document.xml",
                "<ofd:Document><ofd:Pages><ofd:Page BaseLoc=\"x",
            ),
        ]);
        assert!(read(&bad, 1 << 20).unwrap_err().reason.contains("XML"));
        // No DocRoot.
        let rootless = package(&[("OFD.xml", "<ofd:OFD><ofd:DocBody/></ofd:OFD>")]);
        assert!(read(&rootless, 1 << 20)
            .unwrap_err()
            .reason
            .contains("DocRoot"));
        // Pages without text: a scan.
        let scan = package(&[
            ("OFD.xml", ENTRY),
            ("Doc_0/Document.xml", DOCUMENT),
            ("Doc_0/Pages/Page_0/Content.xml", "<ofd:Page/>"),
            ("Doc_0/Pages/Page_1/Content.xml", "<ofd:Page/>"),
        ]);
        assert_eq!(
            read(&scan, 1 << 20).unwrap_err().status,
            super::super::Status::Skipped
        );
    }

    #[test]
    fn a_bomb_is_refused_by_the_limit() {
        // A page that unpacks to 8 MB from a few kilobytes.
        let filler = format!("<ofd:Page>{}</ofd:Page>", " ".repeat(8 << 20));
        let bomb = package(&[
            ("OFD.xml", ENTRY),
            ("Doc_0/Document.xml", DOCUMENT),
            ("Doc_0/Pages/Page_0/Content.xml", &filler),
            ("Doc_0/Pages/Page_1/Content.xml", PAGE_1),
        ]);
        assert!(bomb.len() < 64 * 1024);
        let e = read(&bomb, 1 << 20).unwrap_err();
        assert!(e.reason.contains("1048576"), "{}", e.reason);
        // The same page listed many times counts each time it is read.
        let pages: String = (0..2000)
            .map(|_| r#"<ofd:Page BaseLoc="Pages/Page_1/Content.xml"/>"#)
            .collect();
        let repeated = package(&[
            ("OFD.xml", ENTRY),
            (
                "Doc_0/Document.xml",
                &format!("<ofd:Document><ofd:Pages>{pages}</ofd:Pages></ofd:Document>"),
            ),
            ("Doc_0/Pages/Page_1/Content.xml", PAGE_1),
        ]);
        assert!(read(&repeated, 100_000).is_err());
        assert!(read(&repeated, 10 << 20).is_ok());
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        let depth = 200_000;
        let page = format!(
            "<ofd:Page><ofd:Content><ofd:Layer>{}<ofd:TextObject Boundary=\"28 40 160 10\" Size=\"5\"><ofd:TextCode X=\"0\" Y=\"5\">深处的文字</ofd:TextCode></ofd:TextObject>{}</ofd:Layer></ofd:Content></ofd:Page>",
            "<ofd:PageBlock>".repeat(depth),
            "</ofd:PageBlock>".repeat(depth)
        );
        let deep = package(&[
            ("OFD.xml", ENTRY),
            (
                "Doc_0/Document.xml",
                r#"<ofd:Document><ofd:Pages><ofd:Page BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#,
            ),
            ("Doc_0/Pages/Page_0/Content.xml", &page),
        ]);
        assert_eq!(read(&deep, 64 << 20).unwrap().text, "深处的文字\n");
    }
}
