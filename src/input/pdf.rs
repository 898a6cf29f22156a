//! PDF with a text layer: the text drawn on each page, with its positions, handed to
//! [`layout::assemble`] for lines and paragraphs.
//!
//! The file is not read through its cross-reference table: objects are found by scanning the
//! bytes for `N G obj` (a later definition wins, as with incremental updates), and objects
//! packed into object streams are read from those. This reads damaged files whose offsets are
//! wrong as well as intact ones, in one pass. Only what text needs is decoded: page contents,
//! form XObjects, object streams and ToUnicode maps; fonts and images are never inflated.
//!
//! Every inflated byte and every byte of content interpreted is charged to one budget, the
//! reader's `limit`, so a small file that inflates to gigabytes, or forms drawing each other
//! thousands of times, ends in an error row rather than exhausting memory or time.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::rc::Rc;

use super::layout::{self, Run};
use super::{Extracted, ReadError};
use crate::i18n::tr;

/// Reads the text of a PDF file.
pub fn read(bytes: &[u8], limit: u64) -> Result<Extracted, ReadError> {
    // The reader is written not to panic; this is the last net, so that a mistake in it costs
    // one file's row and not the batch.
    match std::panic::catch_unwind(|| read_pdf(bytes, limit)) {
        Ok(r) => r,
        Err(_) => Err(ReadError::error(tr(
            "PDF文件损坏，无法解析",
            "the PDF file is damaged and cannot be parsed",
        ))),
    }
}

fn read_pdf(bytes: &[u8], limit: u64) -> Result<Extracted, ReadError> {
    let mut pdf = Pdf::scan(bytes, limit)?;
    if pdf.encrypted {
        return Err(ReadError::error(tr(
            "PDF文件已加密，无法读取其中文字（请先解除密码保护）",
            "the PDF file is encrypted; its text cannot be read (remove the password first)",
        )));
    }
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(damaged(tr("找不到任何页面", "no pages found")));
    }
    let mut all = Vec::with_capacity(pages.len());
    let mut shown = 0usize;
    let mut undecoded = 0usize;
    for (page, resources) in &pages {
        let mut ctx = Interp::default();
        let contents = page.get(b"Contents").cloned().unwrap_or(Obj::Null);
        let data = pdf.contents(&contents)?;
        pdf.interpret(&data, resources, &mut ctx, 0)?;
        shown += ctx.shown;
        undecoded += ctx.undecoded;
        all.push(ctx.runs);
    }
    let n = all.len();
    let out = layout::assemble(all);
    if out.text.trim().is_empty() {
        if shown > 0 && undecoded > 0 {
            return Err(ReadError::error(tr(
                "PDF中的文字无法解码（字体缺少ToUnicode映射）",
                "the PDF's text cannot be decoded (its fonts have no ToUnicode map)",
            )));
        }
        return Err(ReadError::skipped(msg!(
            zh = "扫描件，无文本层（共{}页），需先做文字识别（OCR）",
            en = "a scan with no text layer ({} pages); it needs OCR first",
            n
        )));
    }
    Ok(out)
}

fn damaged(detail: &str) -> ReadError {
    ReadError::error(msg!(
        zh = "PDF文件损坏：{}",
        en = "the PDF file is damaged: {}",
        detail
    ))
}

fn over_budget(limit: u64) -> ReadError {
    ReadError::error(msg!(
        zh = "PDF文件损坏或异常：解压或解析的内容超过上限 {:.1} MB（可用 --max-file-size 调整）",
        en = "the PDF file is damaged or abnormal: its inflated or interpreted content exceeds the limit of {:.1} MB (see --max-file-size)",
        limit as f64 / 1048576.0
    ))
}

// ---------------------------------------------------------------------------------------------
// Objects and their syntax.

type Dict = Vec<(Vec<u8>, Obj)>;

#[derive(Debug, Clone)]
enum Obj {
    Null,
    Bool,
    Num(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Arr(Vec<Obj>),
    Dict(Dict),
    Ref(u32),
    /// A stream's dictionary and the range of its raw data in the file.
    Stream(Dict, usize, usize),
}

impl Obj {
    fn get(&self, key: &[u8]) -> Option<&Obj> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, ..) => d.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn num(&self) -> Option<f64> {
        match self {
            Obj::Num(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }

    fn name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }

    fn is_name(&self, key: &[u8], value: &[u8]) -> bool {
        self.get(key).and_then(Obj::name) == Some(value)
    }
}

/// Nesting deeper than this is taken for damage: no document needs it, and parsing stays
/// within a fixed stack.
const MAX_DEPTH: usize = 32;

fn is_ws(c: u8) -> bool {
    matches!(c, 0 | 9 | 10 | 12 | 13 | 32)
}

fn is_delim(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(c: u8) -> bool {
    !is_ws(c) && !is_delim(c)
}

/// A token of PDF syntax: an object, or a keyword (an operator in a content stream).
enum Tok<'a> {
    Obj(Obj),
    Key(&'a [u8]),
    /// Closing brackets met out of place, or the end of the input.
    End,
}

struct Lexer<'a> {
    b: &'a [u8],
    pos: usize,
    /// Whether `N G R` is read as a reference (not in content streams).
    refs: bool,
}

impl<'a> Lexer<'a> {
    fn new(b: &'a [u8], pos: usize, refs: bool) -> Self {
        Lexer { b, pos, refs }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            if is_ws(c) {
                self.pos += 1;
            } else if c == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(is_regular) {
            self.pos += 1;
        }
        self.b.get(start..self.pos).unwrap_or_default()
    }

    /// The next token; nested arrays and dictionaries are read whole.
    fn token(&mut self, depth: usize) -> Tok<'a> {
        self.skip_ws();
        let Some(c) = self.peek() else {
            return Tok::End;
        };
        match c {
            b'/' => {
                self.pos += 1;
                let raw = self.regular();
                Tok::Obj(Obj::Name(unescape_name(raw)))
            }
            b'(' => {
                self.pos += 1;
                Tok::Obj(Obj::Str(self.literal()))
            }
            b'<' if self.b.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                if depth >= MAX_DEPTH {
                    self.pos = self.b.len();
                    return Tok::End;
                }
                Tok::Obj(Obj::Dict(self.dict(depth + 1)))
            }
            b'<' => {
                self.pos += 1;
                Tok::Obj(Obj::Str(self.hex()))
            }
            b'[' => {
                self.pos += 1;
                if depth >= MAX_DEPTH {
                    self.pos = self.b.len();
                    return Tok::End;
                }
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        _ => {}
                    }
                    match self.token(depth + 1) {
                        Tok::Obj(o) => items.push(o),
                        Tok::Key(k) => items.push(keyword_obj(k)),
                        Tok::End => {
                            // A stray `>` or `)`: step over it rather than loop on it.
                            self.pos += 1;
                        }
                    }
                }
                Tok::Obj(Obj::Arr(items))
            }
            b']' | b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                Tok::End
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let raw = self.regular();
                let n = parse_num(raw);
                if self.refs && raw.iter().all(u8::is_ascii_digit) {
                    if let Some(r) = self.try_ref(raw) {
                        return Tok::Obj(r);
                    }
                }
                Tok::Obj(Obj::Num(n))
            }
            _ => {
                let k = self.regular();
                if k.is_empty() {
                    self.pos += 1;
                    return Tok::End;
                }
                Tok::Key(k)
            }
        }
    }

    /// `N G R` after the number `N` just read.
    fn try_ref(&mut self, num: &[u8]) -> Option<Obj> {
        let save = self.pos;
        self.skip_ws();
        let gen = self.regular();
        if !gen.is_empty() && gen.iter().all(u8::is_ascii_digit) {
            self.skip_ws();
            if self.regular() == b"R" {
                let n = std::str::from_utf8(num).ok()?.parse::<u32>().ok();
                if let Some(n) = n {
                    return Some(Obj::Ref(n));
                }
            }
        }
        self.pos = save;
        None
    }

    fn dict(&mut self, depth: usize) -> Dict {
        let mut d = Dict::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None => break,
                Some(b'>') => {
                    self.pos += 1;
                    if self.peek() == Some(b'>') {
                        self.pos += 1;
                    }
                    break;
                }
                Some(b'/') => {}
                Some(_) => {
                    // Not a key: skipped; every token read advances.
                    self.token(depth);
                    continue;
                }
            }
            let key = match self.token(depth) {
                Tok::Obj(Obj::Name(k)) => k,
                _ => continue,
            };
            self.skip_ws();
            if self.peek() == Some(b'>') {
                continue;
            }
            let value = match self.token(depth) {
                Tok::Obj(o) => o,
                Tok::Key(k) => keyword_obj(k),
                Tok::End => continue,
            };
            d.push((key, value));
        }
        d
    }

    fn literal(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut nest = 0usize;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'(' => {
                    nest += 1;
                    out.push(c);
                }
                b')' => {
                    if nest == 0 {
                        break;
                    }
                    nest -= 1;
                    out.push(c);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        _ => out.push(e),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            let Some(v) = (c as char).to_digit(16) else {
                continue;
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v as u8),
                None => high = Some(v as u8),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }
}

fn keyword_obj(k: &[u8]) -> Obj {
    match k {
        b"true" | b"false" => Obj::Bool,
        _ => Obj::Null,
    }
}

fn parse_num(raw: &[u8]) -> f64 {
    // Producers write `--5`, `5.` and `.5`; what does not parse counts as 0, as readers do.
    let s = std::str::from_utf8(raw).unwrap_or("0");
    let s = s.trim_start_matches('+');
    let s = if s.starts_with("--") { &s[1..] } else { s };
    s.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .unwrap_or(0.0)
}

fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' {
            let hex = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The file: its objects, found by scanning.

#[derive(Clone, Copy)]
enum Loc {
    /// Offset of the object's body in the file.
    File(usize),
    /// Object stream (index into `Pdf::objstms`) and offset in its inflated data.
    Packed(usize, usize),
}

struct Pdf<'a> {
    bytes: &'a [u8],
    locs: HashMap<u32, Loc>,
    objstms: Vec<Vec<u8>>,
    cache: HashMap<u32, Rc<Obj>>,
    /// Fonts read, by object number: pages share them.
    fonts: HashMap<u32, Rc<Font>>,
    root: Option<Obj>,
    encrypted: bool,
    /// Work left: bytes that may still be inflated or interpreted.
    budget: u64,
    limit: u64,
}

impl<'a> Pdf<'a> {
    fn scan(bytes: &'a [u8], limit: u64) -> Result<Self, ReadError> {
        let mut pdf = Pdf {
            bytes,
            locs: HashMap::new(),
            objstms: Vec::new(),
            cache: HashMap::new(),
            fonts: HashMap::new(),
            root: None,
            encrypted: false,
            budget: limit,
            limit,
        };
        // Object streams, with the file position that orders them among direct objects.
        let mut packed: Vec<(usize, Obj)> = Vec::new();
        let mut direct_pos: HashMap<u32, usize> = HashMap::new();
        let mut catalog: Option<u32> = None;
        let finder = memchr::memmem::Finder::new(b"obj");
        let mut endstream = EndFinder::default();
        let mut pos = 0usize;
        while let Some(hit) = finder
            .find(bytes.get(pos..).unwrap_or_default())
            .map(|i| i + pos)
        {
            pos = hit + 3;
            let Some(num) = object_header(bytes, hit) else {
                continue;
            };
            if bytes.get(hit + 3).is_some_and(|&c| is_regular(c)) {
                continue;
            }
            let mut lx = Lexer::new(bytes, hit + 3, true);
            let obj = match lx.token(0) {
                Tok::Obj(o) => o,
                _ => Obj::Null,
            };
            let mut end = lx.pos;
            let obj = match obj {
                Obj::Dict(d) => {
                    lx.skip_ws();
                    if bytes
                        .get(lx.pos..)
                        .unwrap_or_default()
                        .starts_with(b"stream")
                    {
                        let mut start = lx.pos + 6;
                        if bytes.get(start) == Some(&b'\r') {
                            start += 1;
                        }
                        if bytes.get(start) == Some(&b'\n') {
                            start += 1;
                        }
                        let stop = stream_end(bytes, &d, start, &mut endstream);
                        end = stop;
                        Obj::Stream(d, start, stop)
                    } else {
                        Obj::Dict(d)
                    }
                }
                o => o,
            };
            pos = end.max(hit + 3);
            if obj.is_name(b"Type", b"XRef") {
                pdf.note_trailer(&obj);
            }
            if obj.is_name(b"Type", b"Catalog") {
                catalog = Some(num);
            }
            if obj.is_name(b"Type", b"ObjStm") {
                packed.push((hit, obj));
            }
            pdf.locs.insert(num, Loc::File(hit + 3));
            direct_pos.insert(num, hit);
        }
        // Classic trailers.
        let finder = memchr::memmem::Finder::new(b"trailer");
        for hit in finder.find_iter(bytes) {
            let mut lx = Lexer::new(bytes, hit + 7, true);
            if let Tok::Obj(t @ Obj::Dict(_)) = lx.token(0) {
                pdf.note_trailer(&t);
            }
        }
        for (at, stm) in packed {
            pdf.unpack(at, &stm, &direct_pos)?;
        }
        if pdf.root.is_none() {
            pdf.root = catalog.map(Obj::Ref);
        }
        if pdf.locs.is_empty() {
            return Err(damaged(tr(
                "找不到任何对象（文件被截断或不是PDF）",
                "no objects found (the file is truncated or not a PDF)",
            )));
        }
        Ok(pdf)
    }

    fn note_trailer(&mut self, t: &Obj) {
        if t.get(b"Encrypt").is_some_and(|e| !matches!(e, Obj::Null)) {
            self.encrypted = true;
        }
        if let Some(r) = t.get(b"Root") {
            self.root = Some(r.clone());
        }
    }

    /// Adds the objects of an object stream found at `at`, where no direct definition later in
    /// the file replaces them.
    fn unpack(
        &mut self,
        at: usize,
        stm: &Obj,
        direct_pos: &HashMap<u32, usize>,
    ) -> Result<(), ReadError> {
        let Some(data) = self.stream_data(stm)? else {
            return Ok(());
        };
        let first = stm.get(b"First").and_then(Obj::num).unwrap_or(0.0).max(0.0) as usize;
        let n = stm.get(b"N").and_then(Obj::num).unwrap_or(0.0).max(0.0) as usize;
        let index = self.objstms.len();
        let mut lx = Lexer::new(&data[..first.min(data.len())], 0, false);
        for _ in 0..n.min(data.len()) {
            let (Tok::Obj(Obj::Num(num)), Tok::Obj(Obj::Num(off))) = (lx.token(0), lx.token(0))
            else {
                break;
            };
            if !(0.0..=u32::MAX as f64).contains(&num) || off < 0.0 {
                continue;
            }
            let num = num as u32;
            if direct_pos.get(&num).is_some_and(|&p| p > at) {
                continue;
            }
            self.locs
                .insert(num, Loc::Packed(index, first.saturating_add(off as usize)));
        }
        self.objstms.push(data);
        Ok(())
    }

    fn object(&mut self, num: u32) -> Rc<Obj> {
        if let Some(o) = self.cache.get(&num) {
            return o.clone();
        }
        let obj = match self.locs.get(&num).copied() {
            None => Obj::Null,
            Some(Loc::File(at)) => {
                let mut lx = Lexer::new(self.bytes, at, true);
                match lx.token(0) {
                    Tok::Obj(Obj::Dict(d)) => {
                        lx.skip_ws();
                        if self
                            .bytes
                            .get(lx.pos..)
                            .unwrap_or_default()
                            .starts_with(b"stream")
                        {
                            let mut start = lx.pos + 6;
                            if self.bytes.get(start) == Some(&b'\r') {
                                start += 1;
                            }
                            if self.bytes.get(start) == Some(&b'\n') {
                                start += 1;
                            }
                            let stop = stream_end(self.bytes, &d, start, &mut EndFinder::default());
                            Obj::Stream(d, start, stop)
                        } else {
                            Obj::Dict(d)
                        }
                    }
                    Tok::Obj(o) => o,
                    _ => Obj::Null,
                }
            }
            Some(Loc::Packed(i, at)) => {
                let data = &self.objstms[i];
                if at < data.len() {
                    match Lexer::new(data, at, true).token(0) {
                        Tok::Obj(o) => o,
                        _ => Obj::Null,
                    }
                } else {
                    Obj::Null
                }
            }
        };
        let obj = Rc::new(obj);
        self.cache.insert(num, obj.clone());
        obj
    }

    /// The object itself where `o` refers to one (a chain of references is followed a few
    /// steps).
    fn resolve(&mut self, o: &Obj) -> Rc<Obj> {
        let mut cur = match o {
            Obj::Ref(n) => self.object(*n),
            other => return Rc::new(other.clone()),
        };
        for _ in 0..8 {
            match &*cur {
                Obj::Ref(n) => {
                    let n = *n;
                    cur = self.object(n);
                }
                _ => return cur,
            }
        }
        Rc::new(Obj::Null)
    }

    fn charge(&mut self, n: u64) -> Result<(), ReadError> {
        if n > self.budget {
            self.budget = 0;
            return Err(over_budget(self.limit));
        }
        self.budget -= n;
        Ok(())
    }

    /// A stream's decoded data; `None` where its filters are not ones that carry text.
    fn stream_data(&mut self, o: &Obj) -> Result<Option<Vec<u8>>, ReadError> {
        let Obj::Stream(dict, start, end) = o else {
            return Ok(None);
        };
        let raw = &self.bytes[(*start).min(*end)..*end];
        let filters: Vec<Vec<u8>> = match dict
            .iter()
            .find(|(k, _)| k == b"Filter")
            .map(|(_, f)| f)
            .map(|f| self.resolve(f))
            .as_deref()
        {
            None | Some(Obj::Null) => Vec::new(),
            Some(Obj::Name(n)) => vec![n.clone()],
            Some(Obj::Arr(a)) => a
                .iter()
                .filter_map(|f| f.name().map(<[u8]>::to_vec))
                .collect(),
            Some(_) => return Ok(None),
        };
        let mut data = raw.to_vec();
        for f in filters.iter().take(8) {
            data = match f.as_slice() {
                b"FlateDecode" | b"Fl" => self.inflate(&data)?,
                b"ASCIIHexDecode" | b"AHx" => Lexer::new(&data, 0, false).hex(),
                _ => return Ok(None),
            };
        }
        Ok(Some(data))
    }

    fn inflate(&mut self, data: &[u8]) -> Result<Vec<u8>, ReadError> {
        let mut out = Vec::new();
        let cap = self.budget.saturating_add(1);
        let mut dec = flate2::read::ZlibDecoder::new(data).take(cap);
        // A damaged stream keeps what inflated before the damage, as viewers show it.
        let _ = dec.read_to_end(&mut out);
        self.charge(out.len() as u64)?;
        Ok(out)
    }

    /// The pages in order, each with the resources it has or inherits.
    fn pages(&mut self) -> Vec<(Rc<Obj>, Obj)> {
        let mut out = Vec::new();
        let root = match self.root.clone() {
            Some(r) => self.resolve(&r),
            None => Rc::new(Obj::Null),
        };
        let Some(top) = root.get(b"Pages").cloned() else {
            return self.loose_pages();
        };
        let mut seen: HashSet<u32> = HashSet::new();
        // Kids are pushed in reverse so that pages come out in order.
        let mut stack: Vec<(Obj, Obj, usize)> = vec![(top, Obj::Null, 0)];
        while let Some((node_ref, inherited, depth)) = stack.pop() {
            if let Obj::Ref(n) = node_ref {
                if !seen.insert(n) {
                    continue;
                }
            }
            let node = self.resolve(&node_ref);
            let resources = match node.get(b"Resources") {
                Some(r) => self.resolve(r).as_ref().clone(),
                None => inherited,
            };
            match node.get(b"Kids").map(|k| self.resolve(k)) {
                Some(kids) if depth < 64 => {
                    if let Obj::Arr(kids) = &*kids {
                        for k in kids.iter().rev() {
                            stack.push((k.clone(), resources.clone(), depth + 1));
                        }
                    }
                }
                Some(_) => {}
                None => {
                    if matches!(&*node, Obj::Dict(_)) {
                        out.push((node, resources));
                    }
                }
            }
        }
        if out.is_empty() {
            return self.loose_pages();
        }
        out
    }

    /// Pages found without a page tree (a damaged catalog): every page object, in the order of
    /// their numbers.
    fn loose_pages(&mut self) -> Vec<(Rc<Obj>, Obj)> {
        let mut nums: Vec<u32> = self.locs.keys().copied().collect();
        nums.sort_unstable();
        let mut out = Vec::new();
        for n in nums {
            let o = self.object(n);
            if o.is_name(b"Type", b"Page") {
                let res = match o.get(b"Resources") {
                    Some(r) => self.resolve(r).as_ref().clone(),
                    None => Obj::Null,
                };
                out.push((o, res));
            }
        }
        out
    }

    /// A page's content: one stream or several joined.
    fn contents(&mut self, c: &Obj) -> Result<Vec<u8>, ReadError> {
        let c = self.resolve(c);
        let parts: Vec<Obj> = match &*c {
            Obj::Arr(a) => a.clone(),
            Obj::Stream(..) => vec![c.as_ref().clone()],
            _ => Vec::new(),
        };
        let mut out = Vec::new();
        for p in parts {
            let p = self.resolve(&p);
            if let Some(d) = self.stream_data(&p)? {
                out.extend_from_slice(&d);
                out.push(b'\n');
            }
        }
        Ok(out)
    }
}

/// Remembers where the next `endstream` is, so that many streams with indirect lengths cost
/// one pass over the file.
#[derive(Default)]
struct EndFinder {
    from: usize,
    found: Option<usize>,
    searched: bool,
}

impl EndFinder {
    fn next(&mut self, bytes: &[u8], start: usize) -> usize {
        if self.searched && start >= self.from && self.found.is_none_or(|f| f >= start) {
            return self.found.unwrap_or(bytes.len());
        }
        let found =
            memchr::memmem::find(&bytes[start.min(bytes.len())..], b"endstream").map(|i| i + start);
        self.from = start;
        self.found = found;
        self.searched = true;
        found.unwrap_or(bytes.len())
    }
}

/// Where a stream's data ends: its `/Length` where that is a number that lands on
/// `endstream`, else the next `endstream`.
fn stream_end(bytes: &[u8], d: &Dict, start: usize, ends: &mut EndFinder) -> usize {
    let start = start.min(bytes.len());
    let len = d
        .iter()
        .find(|(k, _)| k == b"Length")
        .and_then(|(_, v)| v.num());
    if let Some(len) = len.filter(|&l| l >= 0.0 && l <= (bytes.len() - start) as f64) {
        let stop = start + len as usize;
        let mut lx = Lexer::new(bytes, stop, false);
        lx.skip_ws();
        if bytes
            .get(lx.pos..)
            .unwrap_or_default()
            .starts_with(b"endstream")
        {
            return stop;
        }
    }
    ends.next(bytes, start)
}

/// The object number of `N G obj` whose `obj` keyword is at `at`.
fn object_header(b: &[u8], at: usize) -> Option<u32> {
    let mut i = at;
    let back_ws = |i: &mut usize| {
        let s = *i;
        while *i > 0 && is_ws(b[*i - 1]) {
            *i -= 1;
        }
        *i < s
    };
    let back_digits = |i: &mut usize| {
        let s = *i;
        while *i > 0 && b[*i - 1].is_ascii_digit() && s - *i < 10 {
            *i -= 1;
        }
        (*i < s).then_some(*i..s)
    };
    if !back_ws(&mut i) {
        return None;
    }
    back_digits(&mut i)?;
    if !back_ws(&mut i) {
        return None;
    }
    let num = back_digits(&mut i)?;
    if i > 0 && is_regular(b[i - 1]) {
        return None;
    }
    std::str::from_utf8(&b[num]).ok()?.parse().ok()
}

// ---------------------------------------------------------------------------------------------
// Fonts: from codes to text and widths.

struct Font {
    /// Code lengths in bytes, from the code space ranges: (length, low, high) of each range.
    ranges: Vec<(usize, u32, u32)>,
    unicode: ToUnicode,
    fallback: Fallback,
    widths: Widths,
}

enum Fallback {
    /// Codes are UTF-16 (the Uni…-UCS2/UTF16 CMaps).
    Utf16,
    /// Codes are GBK or GB 2312 bytes (the …-EUC CMaps).
    Gbk,
    /// One byte a code: standard Latin encoding, with `/Differences` where given.
    Latin(HashMap<u32, char>),
    /// Glyph numbers without a map to characters.
    Unknown,
}

#[derive(Default)]
struct ToUnicode {
    single: HashMap<u32, String>,
    /// (low, high, first character's UTF-16 units), sorted by low.
    ranges: Vec<(u32, u32, Vec<u16>)>,
}

impl ToUnicode {
    fn get(&self, code: u32) -> Option<String> {
        if let Some(s) = self.single.get(&code) {
            return Some(s.clone());
        }
        let i = self.ranges.partition_point(|r| r.0 <= code);
        let (lo, hi, base) = self.ranges.get(i.checked_sub(1)?)?;
        if code > *hi {
            return None;
        }
        let mut units = base.clone();
        let last = units.last_mut()?;
        *last = last.wrapping_add((code - lo) as u16);
        Some(String::from_utf16_lossy(&units))
    }
}

struct Widths {
    /// Glyph space units (thousandths of the font size) by code.
    single: HashMap<u32, f64>,
    ranges: Vec<(u32, u32, f64)>,
    default: Option<f64>,
}

impl Widths {
    fn get(&self, code: u32, text: &str) -> f64 {
        if let Some(w) = self.single.get(&code) {
            return *w;
        }
        let i = self.ranges.partition_point(|r| r.0 <= code);
        if let Some((_, hi, w)) = i.checked_sub(1).and_then(|i| self.ranges.get(i)) {
            if code <= *hi {
                return *w;
            }
        }
        if let Some(d) = self.default {
            return d;
        }
        // No width given: a full-width character is one em, others half.
        match text.chars().next() {
            Some(c) if (c as u32) >= 0x2E80 => 1000.0,
            _ => 500.0,
        }
    }
}

impl Font {
    fn code_len(&self, s: &[u8]) -> usize {
        for &(len, lo, hi) in &self.ranges {
            if s.len() >= len {
                let code = be(&s[..len]);
                if (lo..=hi).contains(&code) {
                    return len;
                }
            }
        }
        self.ranges.first().map_or(1, |r| r.0).clamp(1, 4)
    }

    /// The codes of a string, each with its text.
    fn decode(&self, s: &[u8]) -> Vec<(u32, usize, Option<String>)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let len = match self.fallback {
                Fallback::Gbk if self.ranges.is_empty() => {
                    if s[i] >= 0x81 {
                        2
                    } else {
                        1
                    }
                }
                _ => self.code_len(&s[i..]),
            }
            .min(s.len() - i);
            let bytes = &s[i..i + len];
            let code = be(bytes);
            let text = self.unicode.get(code).or_else(|| match &self.fallback {
                Fallback::Utf16 => {
                    let u = [code as u16];
                    Some(String::from_utf16_lossy(&u))
                }
                Fallback::Gbk => {
                    let (t, _, bad) = encoding_rs::GBK.decode(bytes);
                    (!bad).then(|| t.into_owned())
                }
                Fallback::Latin(diff) => diff.get(&code).map(|c| c.to_string()).or_else(|| {
                    let (t, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                    Some(t.into_owned()).filter(|t| !t.chars().any(char::is_control))
                }),
                Fallback::Unknown => None,
            });
            out.push((code, len, text));
            i += len;
        }
        out
    }
}

fn be(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |v, &x| v << 8 | u32::from(x))
}

impl Pdf<'_> {
    fn font(&mut self, f: &Obj) -> Result<Font, ReadError> {
        let f = self.resolve(f);
        let subtype = f.get(b"Subtype").and_then(Obj::name).unwrap_or(b"");
        let mut unicode = ToUnicode::default();
        let mut ranges = Vec::new();
        if let Some(tu) = f.get(b"ToUnicode") {
            let tu = self.resolve(tu);
            if let Some(data) = self.stream_data(&tu)? {
                self.charge(data.len() as u64)?;
                let (u, r) = parse_cmap(&data);
                unicode = u;
                ranges = r;
            }
        }
        if subtype == b"Type0" {
            let enc = f.get(b"Encoding").map(|e| self.resolve(e));
            let enc_name = enc.as_deref().and_then(Obj::name).unwrap_or(b"").to_vec();
            let mut fallback = Fallback::Unknown;
            if enc_name.starts_with(b"Identity") {
                ranges = vec![(2, 0, 0xFFFF)];
            } else if enc_name.windows(4).any(|w| w == b"UCS2" || w == b"TF16") {
                ranges = vec![(2, 0, 0xFFFF)];
                fallback = Fallback::Utf16;
            } else if enc_name.windows(3).any(|w| w == b"EUC" || w == b"GBK") {
                ranges = Vec::new();
                fallback = Fallback::Gbk;
            } else if let Some(data) = match enc.as_deref() {
                Some(s @ Obj::Stream(..)) => self.stream_data(s)?,
                _ => None,
            } {
                self.charge(data.len() as u64)?;
                let (_, r) = parse_cmap(&data);
                if !r.is_empty() {
                    ranges = r;
                }
            }
            if ranges.is_empty() && !matches!(fallback, Fallback::Gbk) {
                ranges = vec![(2, 0, 0xFFFF)];
            }
            let widths = match f
                .get(b"DescendantFonts")
                .map(|d| self.resolve(d))
                .as_deref()
            {
                Some(Obj::Arr(a)) if !a.is_empty() => {
                    let d = self.resolve(&a[0]);
                    self.cid_widths(&d)
                }
                _ => Widths {
                    single: HashMap::new(),
                    ranges: Vec::new(),
                    default: Some(1000.0),
                },
            };
            return Ok(Font {
                ranges,
                unicode,
                fallback,
                widths,
            });
        }
        // Simple fonts: one byte a code.
        let mut diff = HashMap::new();
        if let Some(enc) = f.get(b"Encoding") {
            let enc = self.resolve(enc);
            if let Some(Obj::Arr(d)) = enc.get(b"Differences").map(|d| self.resolve(d)).as_deref() {
                let mut code = 0u32;
                for item in d.iter().take(256 * 4) {
                    match item {
                        Obj::Num(n) => code = n.clamp(0.0, 255.0) as u32,
                        Obj::Name(g) => {
                            if let Some(c) = glyph_char(g) {
                                diff.insert(code, c);
                            }
                            code = code.saturating_add(1);
                        }
                        _ => {}
                    }
                }
            }
        }
        let mut single = HashMap::new();
        let first = f.get(b"FirstChar").and_then(Obj::num).unwrap_or(0.0);
        if let Some(Obj::Arr(w)) = f.get(b"Widths").map(|w| self.resolve(w)).as_deref() {
            for (i, w) in w.iter().take(256).enumerate() {
                if let Some(w) = w.num() {
                    single.insert(first.clamp(0.0, 255.0) as u32 + i as u32, w);
                }
            }
        }
        let missing = match f.get(b"FontDescriptor").map(|d| self.resolve(d)).as_deref() {
            Some(d) => d.get(b"MissingWidth").and_then(Obj::num),
            None => None,
        };
        // A subset font's codes are its own: where it maps them to characters, a code it leaves
        // out is not a Latin letter.
        let fallback = if unicode.single.is_empty() && unicode.ranges.is_empty() {
            Fallback::Latin(diff)
        } else {
            Fallback::Unknown
        };
        Ok(Font {
            ranges: vec![(1, 0, 0xFF)],
            unicode,
            fallback,
            widths: Widths {
                single,
                ranges: Vec::new(),
                default: missing.filter(|&m| m > 0.0),
            },
        })
    }

    fn cid_widths(&mut self, d: &Obj) -> Widths {
        let default = d.get(b"DW").and_then(Obj::num).unwrap_or(1000.0);
        let mut single = HashMap::new();
        let mut ranges = Vec::new();
        if let Some(Obj::Arr(w)) = d.get(b"W").map(|w| self.resolve(w)).as_deref() {
            let mut i = 0;
            while i < w.len() {
                let Some(first) = w[i].num() else {
                    i += 1;
                    continue;
                };
                let first = first.clamp(0.0, u32::MAX as f64) as u32;
                match w.get(i + 1) {
                    Some(Obj::Arr(ws)) => {
                        for (k, x) in ws.iter().enumerate() {
                            if let Some(x) = x.num() {
                                single.insert(first.saturating_add(k as u32), x);
                            }
                        }
                        i += 2;
                    }
                    Some(Obj::Num(last)) => {
                        let last = last.clamp(0.0, u32::MAX as f64) as u32;
                        if let Some(x) = w.get(i + 2).and_then(Obj::num) {
                            ranges.push((first, last, x));
                        }
                        i += 3;
                    }
                    _ => i += 1,
                }
            }
        }
        ranges.sort_by_key(|r| r.0);
        Widths {
            single,
            ranges,
            default: Some(default),
        }
    }
}

/// The character a glyph name stands for, for the names used in `/Differences`.
fn glyph_char(g: &[u8]) -> Option<char> {
    let g = std::str::from_utf8(g).ok()?;
    if let Some(h) = g.strip_prefix("uni").or_else(|| g.strip_prefix('u')) {
        if (4..=6).contains(&h.len()) {
            if let Some(c) = u32::from_str_radix(h, 16).ok().and_then(char::from_u32) {
                return Some(c);
            }
        }
    }
    let mut cs = g.chars();
    if let (Some(c), None) = (cs.next(), cs.clone().next()) {
        if c.is_ascii_alphabetic() {
            return Some(c);
        }
    }
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("period", '.'),
        ("comma", ','),
        ("colon", ':'),
        ("semicolon", ';'),
        ("hyphen", '-'),
        ("minus", '-'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("slash", '/'),
        ("percent", '%'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
    ];
    NAMES.iter().find(|(n, _)| *n == g).map(|(_, c)| *c)
}

/// Reads a CMap: its character map (ToUnicode) and its code space ranges.
fn parse_cmap(data: &[u8]) -> (ToUnicode, Vec<(usize, u32, u32)>) {
    let mut tu = ToUnicode::default();
    let mut space = Vec::new();
    let mut lx = Lexer::new(data, 0, false);
    let mut operands: Vec<Obj> = Vec::new();
    let mut mode: &[u8] = b"";
    loop {
        match lx.token(0) {
            Tok::End if lx.pos >= data.len() => break,
            Tok::End => {}
            Tok::Obj(o) => {
                if !mode.is_empty() {
                    operands.push(o);
                }
            }
            Tok::Key(k) => match k {
                b"begincodespacerange"
                | b"beginbfchar"
                | b"beginbfrange"
                | b"begincidchar"
                | b"begincidrange" => {
                    mode = k;
                    operands.clear();
                }
                b"endcodespacerange" => {
                    for p in operands.chunks(2) {
                        if let [Obj::Str(lo), Obj::Str(hi)] = p {
                            if (1..=4).contains(&lo.len()) {
                                space.push((lo.len(), be(lo), be(hi)));
                            }
                        }
                    }
                    mode = b"";
                    operands.clear();
                }
                b"endbfchar" => {
                    for p in operands.chunks(2) {
                        if let [Obj::Str(src), dst] = p {
                            if let Some(s) = cmap_dst(dst) {
                                tu.single.insert(be(src), s);
                            }
                        }
                    }
                    mode = b"";
                    operands.clear();
                }
                b"endbfrange" => {
                    for p in operands.chunks(3) {
                        let [Obj::Str(lo), Obj::Str(hi), dst] = p else {
                            continue;
                        };
                        let (lo, hi) = (be(lo), be(hi));
                        if hi < lo {
                            continue;
                        }
                        match dst {
                            Obj::Str(d) => {
                                let units: Vec<u16> = d
                                    .chunks(2)
                                    .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                                    .collect();
                                if !units.is_empty() {
                                    tu.ranges.push((lo, hi, units));
                                }
                            }
                            Obj::Arr(items) => {
                                for (k, it) in items.iter().enumerate() {
                                    let code = lo.saturating_add(k as u32);
                                    if code > hi {
                                        break;
                                    }
                                    if let Some(s) = cmap_dst(it) {
                                        tu.single.insert(code, s);
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    mode = b"";
                    operands.clear();
                }
                _ => {
                    if k.starts_with(b"end") {
                        mode = b"";
                        operands.clear();
                    }
                }
            },
        }
    }
    tu.ranges.sort_by_key(|r| r.0);
    // Longer codes are tried first only where their range says so; shorter first is the rule.
    space.sort_by_key(|r| r.0);
    (tu, space)
}

fn cmap_dst(o: &Obj) -> Option<String> {
    match o {
        Obj::Str(d) => {
            let units: Vec<u16> = d
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            Some(String::from_utf16_lossy(&units))
        }
        Obj::Name(g) => glyph_char(g).map(String::from),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Content streams.

type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

struct Interp {
    runs: Vec<Run>,
    gs: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    /// Fonts loaded on this page, by resource name.
    fonts: HashMap<Vec<u8>, Rc<Font>>,
    /// Codes shown, and those without a character.
    shown: usize,
    undecoded: usize,
}

impl Default for Interp {
    fn default() -> Self {
        Interp {
            runs: Vec::new(),
            gs: GState::default(),
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            fonts: HashMap::new(),
            shown: 0,
            undecoded: 0,
        }
    }
}

/// Forms drawn inside forms deeper than this are left out.
const MAX_FORM_DEPTH: usize = 8;

impl Pdf<'_> {
    fn interpret(
        &mut self,
        data: &[u8],
        resources: &Obj,
        st: &mut Interp,
        depth: usize,
    ) -> Result<(), ReadError> {
        self.charge(data.len() as u64)?;
        let resources = self.resolve(resources);
        let mut lx = Lexer::new(data, 0, false);
        let mut ops: Vec<Obj> = Vec::new();
        loop {
            let k = match lx.token(0) {
                Tok::End if lx.pos >= data.len() => break,
                Tok::End => continue,
                Tok::Obj(o) => {
                    // Operators take at most a handful of operands; more is damage, and is not
                    // kept.
                    if ops.len() < 64 {
                        ops.push(o);
                    }
                    continue;
                }
                Tok::Key(k) => k,
            };
            let n = |i: usize| -> f64 {
                ops.len()
                    .checked_sub(i + 1)
                    .and_then(|j| ops.get(j))
                    .and_then(Obj::num)
                    .unwrap_or(0.0)
            };
            match k {
                b"q" if st.stack.len() < 256 => st.stack.push(st.gs.clone()),
                b"Q" => {
                    if let Some(g) = st.stack.pop() {
                        st.gs = g;
                    }
                }
                b"cm" => {
                    let m = [n(5), n(4), n(3), n(2), n(1), n(0)];
                    st.gs.ctm = mul(&m, &st.gs.ctm);
                }
                b"BT" => {
                    st.tm = IDENTITY;
                    st.tlm = IDENTITY;
                }
                b"Tf" => {
                    st.gs.size = n(0);
                    if let Some(Obj::Name(name)) = ops.len().checked_sub(2).map(|i| &ops[i]) {
                        st.gs.font = Some(self.page_font(name, &resources, st)?);
                    }
                }
                b"Tc" => st.gs.char_space = n(0),
                b"Tw" => st.gs.word_space = n(0),
                b"Tz" => st.gs.scale = n(0) / 100.0,
                b"TL" => st.gs.leading = n(0),
                b"Ts" => st.gs.rise = n(0),
                b"Td" => {
                    st.tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(1), n(0)], &st.tlm);
                    st.tm = st.tlm;
                }
                b"TD" => {
                    st.gs.leading = -n(0);
                    st.tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(1), n(0)], &st.tlm);
                    st.tm = st.tlm;
                }
                b"Tm" => {
                    st.tlm = [n(5), n(4), n(3), n(2), n(1), n(0)];
                    st.tm = st.tlm;
                }
                b"T*" => next_line(st),
                b"Tj" => {
                    if let Some(Obj::Str(s)) = ops.last() {
                        show(st, &[Obj::Str(s.clone())]);
                    }
                }
                b"'" => {
                    next_line(st);
                    if let Some(Obj::Str(s)) = ops.last() {
                        show(st, &[Obj::Str(s.clone())]);
                    }
                }
                b"\"" => {
                    st.gs.word_space = n(2);
                    st.gs.char_space = n(1);
                    next_line(st);
                    if let Some(Obj::Str(s)) = ops.last() {
                        show(st, &[Obj::Str(s.clone())]);
                    }
                }
                b"TJ" => {
                    if let Some(Obj::Arr(a)) = ops.last() {
                        show(st, a);
                    }
                }
                b"Do" => {
                    if let Some(Obj::Name(name)) = ops.last() {
                        let name = name.clone();
                        self.form(&name, &resources, st, depth)?;
                    }
                }
                b"BI" => skip_inline_image(&mut lx),
                _ => {}
            }
            ops.clear();
        }
        Ok(())
    }

    fn page_font(
        &mut self,
        name: &[u8],
        resources: &Obj,
        st: &mut Interp,
    ) -> Result<Rc<Font>, ReadError> {
        if let Some(f) = st.fonts.get(name) {
            return Ok(f.clone());
        }
        let fonts = match resources.get(b"Font") {
            Some(f) => self.resolve(f),
            None => Rc::new(Obj::Null),
        };
        let font = match fonts.get(name) {
            Some(Obj::Ref(n)) if self.fonts.contains_key(n) => self.fonts[n].clone(),
            Some(f) => {
                let font = Rc::new(self.font(f)?);
                if let Obj::Ref(n) = f {
                    self.fonts.insert(*n, font.clone());
                }
                font
            }
            None => Rc::new(Font {
                ranges: vec![(1, 0, 0xFF)],
                unicode: ToUnicode::default(),
                fallback: Fallback::Latin(HashMap::new()),
                widths: Widths {
                    single: HashMap::new(),
                    ranges: Vec::new(),
                    default: None,
                },
            }),
        };
        // A page naming thousands of fonts is not a reason to keep them all.
        if st.fonts.len() < 1024 {
            st.fonts.insert(name.to_vec(), font.clone());
        }
        Ok(font)
    }

    fn form(
        &mut self,
        name: &[u8],
        resources: &Obj,
        st: &mut Interp,
        depth: usize,
    ) -> Result<(), ReadError> {
        if depth >= MAX_FORM_DEPTH {
            return Ok(());
        }
        let xobjects = match resources.get(b"XObject") {
            Some(x) => self.resolve(x),
            None => return Ok(()),
        };
        let Some(x) = xobjects.get(name).cloned() else {
            return Ok(());
        };
        let x = self.resolve(&x);
        if !x.is_name(b"Subtype", b"Form") {
            return Ok(());
        }
        let Some(data) = self.stream_data(&x)? else {
            return Ok(());
        };
        let own = match x.get(b"Resources") {
            Some(r) => self.resolve(r).as_ref().clone(),
            None => resources.clone(),
        };
        let m = match x.get(b"Matrix").map(|m| self.resolve(m)).as_deref() {
            Some(Obj::Arr(a)) if a.len() == 6 => {
                let v: Vec<f64> = a.iter().map(|x| x.num().unwrap_or(0.0)).collect();
                [v[0], v[1], v[2], v[3], v[4], v[5]]
            }
            _ => IDENTITY,
        };
        let saved = (
            st.gs.clone(),
            st.stack.len(),
            st.tm,
            st.tlm,
            // Font names are local to the form's resources; the page's come back after it.
            std::mem::take(&mut st.fonts),
        );
        st.gs.ctm = mul(&m, &st.gs.ctm);
        let r = self.interpret(&data, &own, st, depth + 1);
        st.gs = saved.0;
        st.stack.truncate(saved.1);
        st.tm = saved.2;
        st.tlm = saved.3;
        st.fonts = saved.4;
        r
    }
}

fn next_line(st: &mut Interp) {
    st.tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -st.gs.leading], &st.tlm);
    st.tm = st.tlm;
}

/// A gap in a `TJ` array wider than this share of an em ends a run, so that words set apart by
/// kerning rather than by a space come out apart.
const RUN_GAP: f64 = 0.15;

/// Shows strings and the spacing between them (`Tj`, `TJ`), adding a run per stretch of text.
fn show(st: &mut Interp, items: &[Obj]) {
    let Some(font) = st.gs.font.clone() else {
        return;
    };
    let size = st.gs.size;
    let th = st.gs.scale;
    let mut text = String::new();
    let mut start: Option<Matrix> = None;
    let mut advance = 0.0;
    for item in items {
        match item {
            Obj::Num(adj) => {
                let tx = -adj / 1000.0 * size * th;
                if -adj / 1000.0 > RUN_GAP {
                    flush(st, &mut text, &mut start, advance);
                    advance = 0.0;
                }
                st.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &st.tm);
                if start.is_some() {
                    advance += tx;
                }
            }
            Obj::Str(s) => {
                for (code, len, t) in font.decode(s) {
                    st.shown += 1;
                    if start.is_none() {
                        start = Some(st.tm);
                    }
                    let t = t.unwrap_or_else(|| {
                        st.undecoded += 1;
                        String::new()
                    });
                    let w = font.widths.get(code, &t) / 1000.0;
                    let space = if len == 1 && code == 32 {
                        st.gs.word_space
                    } else {
                        0.0
                    };
                    let tx = (w * size + st.gs.char_space + space) * th;
                    // Control characters and the private use area (symbols drawn by a font of
                    // its own) are not text.
                    text.extend(
                        t.chars()
                            .filter(|c| !c.is_control() && !('\u{E000}'..='\u{F8FF}').contains(c)),
                    );
                    st.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &st.tm);
                    advance += tx;
                }
            }
            _ => {}
        }
    }
    flush(st, &mut text, &mut start, advance);
}

fn flush(st: &mut Interp, text: &mut String, start: &mut Option<Matrix>, advance: f64) {
    let Some(tm) = start.take() else {
        text.clear();
        return;
    };
    if text.trim().is_empty() {
        text.clear();
        return;
    }
    let m = mul(&tm, &st.gs.ctm);
    let x = st.gs.rise * m[2] + m[4];
    let y = st.gs.rise * m[3] + m[5];
    let vscale = (m[2] * m[2] + m[3] * m[3]).sqrt();
    let hscale = (m[0] * m[0] + m[1] * m[1]).sqrt();
    let size = (st.gs.size * vscale).abs();
    let run = Run {
        x: x as f32,
        // Pages grow upwards; the layout reads downwards.
        y: -y as f32,
        width: (advance * hscale) as f32,
        size: size as f32,
        text: std::mem::take(text),
    };
    if run.x.is_finite() && run.y.is_finite() && run.width.is_finite() && run.size.is_finite() {
        st.runs.push(run);
    }
}

/// Skips an inline image's data, from `ID` to `EI`.
fn skip_inline_image(lx: &mut Lexer) {
    let b = lx.b;
    let Some(id) = memchr::memmem::find(b.get(lx.pos..).unwrap_or_default(), b"ID") else {
        lx.pos = b.len();
        return;
    };
    let mut at = lx.pos + id + 2;
    loop {
        let Some(ei) = memchr::memmem::find(b.get(at..).unwrap_or_default(), b"EI") else {
            lx.pos = b.len();
            return;
        };
        let p = at + ei;
        let before = p > 0 && is_ws(b[p - 1]);
        let after = b.get(p + 2).is_none_or(|&c| is_ws(c));
        if before && after {
            lx.pos = p + 2;
            return;
        }
        at = p + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A PDF file with the given objects (numbered from 1) and a trailer naming object 1 as
    /// the catalog, with a correct cross-reference table.
    fn pdf(objects: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            writeln!(out, "{} 0 obj", i + 1).unwrap();
            out.extend_from_slice(o);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
        for o in offsets {
            writeln!(out, "{o:010} 00000 n ").unwrap();
        }
        write!(
            out,
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .unwrap();
        out
    }

    fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut o = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        o.extend_from_slice(data);
        o.extend_from_slice(b"\nendstream");
        o
    }

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// A one-page document whose content is `content`, with a Type0 Identity-H font mapping
    /// codes 1, 2, 3 to 国, 务, 院 and a Latin font.
    fn document(content: &[u8], compress: bool) -> Vec<u8> {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
            1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0001> <56FD> <0002> <52A1> endbfchar\n\
            1 beginbfrange <0003> <0004> <9662> endbfrange\n\
            endcmap CMapName currentdict /CMap defineresource pop end end";
        let (content, filter) = if compress {
            (deflate(content), "/Filter /FlateDecode")
        } else {
            (content.to_vec(), "")
        };
        pdf(
            &[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
                stream(filter, &content),
                b"<< /Type /Font /Subtype /Type0 /BaseFont /FangSong /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".to_vec(),
                b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FangSong /DW 1000 /W [1 [1000 1000] 3 4 1000] >>".to_vec(),
                stream("", cmap),
                b"<< /Type /Font /Subtype /TrueType /BaseFont /Times /FirstChar 32 /LastChar 126 /Encoding /WinAnsiEncoding >>".to_vec(),
            ],
            "",
        )
    }

    #[test]
    fn reads_cid_text_through_its_tounicode_map() {
        let content = b"BT /F1 16 Tf 1 0 0 1 72 700 Tm <000100020003> Tj /F2 16 Tf (2022) Tj ET\n\
            BT /F1 16 Tf 104 680 Td [<0001> -1000 <0002>] TJ ET";
        for compress in [false, true] {
            let x = read(&document(content, compress), 1 << 20).unwrap();
            assert_eq!(x.text, "国务院2022\n国务\n", "{compress}");
            assert_eq!(x.pages, vec![0]);
        }
    }

    #[test]
    fn damaged_offsets_and_stray_syntax_are_read_past() {
        let content = b"BT /F1 16 Tf 72 700 Td <000100020003> Tj ET";
        let mut bytes = document(content, true);
        // Offsets in the table are now all wrong: the scan does not use them.
        bytes.splice(9..9, b"% padding comment\n".iter().copied());
        assert_eq!(read(&bytes, 1 << 20).unwrap().text, "国务院\n");
        let odd = b"] ) >> BT /F1 16 Tf 72 700 Td [(x) <0001> ] TJ } ET EI ID";
        assert!(read(&document(odd, false), 1 << 20).is_ok());
    }

    #[test]
    fn a_page_without_text_is_a_scan() {
        let content = b"q 595 0 0 842 0 0 cm /Im1 Do Q";
        let e = read(&document(content, true), 1 << 20).unwrap_err();
        assert_eq!(e.status, super::super::Status::Skipped);
        assert!(e.reason.contains("扫描件"), "{}", e.reason);
    }

    #[test]
    fn encrypted_files_are_errors_with_the_reason() {
        let mut bytes = document(b"BT ET", false);
        let at = memchr::memmem::rfind(&bytes, b"/Root 1 0 R").unwrap();
        bytes.splice(
            at..at,
            b"/Encrypt << /Filter /Standard /V 2 /R 3 >> "
                .iter()
                .copied(),
        );
        let e = read(&bytes, 1 << 20).unwrap_err();
        assert_eq!(e.status, super::super::Status::Error);
        assert!(e.reason.contains("加密"), "{}", e.reason);
    }

    #[test]
    fn truncated_and_corrupt_files_are_errors_not_panics() {
        let bytes = document(b"BT /F1 16 Tf 72 700 Td <000100020003> Tj ET", true);
        for cut in (0..bytes.len()).step_by(7) {
            if let Err(e) = read(&bytes[..cut], 1 << 20) {
                assert!(!e.reason.is_empty());
            }
        }
        let e = read(b"%PDF-1.4\n garbage", 1 << 20).unwrap_err();
        assert!(e.reason.contains("损坏"), "{}", e.reason);
        // Nesting far deeper than any document: refused without exhausting the stack.
        let mut deep = b"%PDF-1.4\n1 0 obj ".to_vec();
        deep.extend(std::iter::repeat_n(b'[', 200_000));
        deep.extend_from_slice(b" endobj");
        assert!(read(&deep, 1 << 20).is_err());
        let mut dicts = b"%PDF-1.4\n1 0 obj ".to_vec();
        dicts.extend(std::iter::repeat_n(b"<</A ".as_slice(), 100_000).flatten());
        assert!(read(&dicts, 1 << 20).is_err());
    }

    #[test]
    fn a_compressed_stream_inflating_past_the_limit_is_stopped() {
        // 64 MB of zeros compress to about 64 KB; with a limit of 1 MB the reader must stop at
        // the limit and say so, quickly and without holding the whole.
        let zeros = vec![b' '; 64 << 20];
        let bomb = deflate(&zeros);
        let bytes = document(b"", false);
        let content_at = memchr::memmem::find(&bytes, b"4 0 obj").unwrap();
        let end = memchr::memmem::find(&bytes[content_at..], b"endobj").unwrap() + content_at;
        let mut crafted = bytes[..content_at].to_vec();
        crafted.extend_from_slice(b"4 0 obj\n");
        crafted.extend(stream("/Filter /FlateDecode", &bomb));
        crafted.extend_from_slice(b"\n");
        crafted.extend_from_slice(&bytes[end..]);
        let t = std::time::Instant::now();
        let e = read(&crafted, 1 << 20).unwrap_err();
        assert!(e.reason.contains("上限"), "{}", e.reason);
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn forms_drawing_forms_are_bounded() {
        // Each form draws the next one ten times: ten levels would be 10^10 draws.
        let mut objects = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>".to_vec(),
            stream("", b"/X Do"),
        ];
        let body = b"/X Do /X Do /X Do /X Do /X Do /X Do /X Do /X Do /X Do /X Do";
        for i in 0..10 {
            objects.push(stream(
                &format!(
                    "/Type /XObject /Subtype /Form /Resources << /XObject << /X {} 0 R >> >>",
                    6 + i
                ),
                body,
            ));
        }
        let t = std::time::Instant::now();
        let e = read(&pdf(&objects, ""), 1 << 20).unwrap_err();
        assert!(t.elapsed().as_secs() < 5);
        assert!(!e.reason.is_empty());
    }

    #[test]
    fn object_streams_are_read() {
        let pages = b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>";
        let page = b"<< /Type /Page /Parent 5 0 R /Contents 2 0 R /Resources << /Font << /F1 3 0 R >> >> >>";
        let header = format!("5 0 6 {} ", pages.len() + 1);
        let mut data = header.clone().into_bytes();
        data.extend_from_slice(pages);
        data.push(b' ');
        data.extend_from_slice(page);
        let objstm = stream(
            &format!(
                "/Type /ObjStm /N 2 /First {} /Filter /FlateDecode",
                header.len()
            ),
            &deflate(&data),
        );
        let bytes = pdf(
            &[
                b"<< /Type /Catalog /Pages 5 0 R >>".to_vec(),
                stream("", b"BT /F1 12 Tf 10 10 Td (Hello) Tj ET"),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
                objstm,
            ],
            "",
        );
        assert_eq!(read(&bytes, 1 << 20).unwrap().text, "Hello\n");
    }
}

#[cfg(test)]
mod fuzz_regressions {
    /// Inputs the `pdf` fuzz target found: each must give an answer, text or a reason.
    #[test]
    fn fuzzed_files_are_read_or_refused() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/readers/pdf/fuzz");
        let mut n = 0;
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let bytes = std::fs::read(e.path()).unwrap();
            // Past the net of `read`: a panic fails the test. (A dictionary closing at the very
            // end of the file was once read past it.)
            let _ = super::read_pdf(&bytes, 1 << 20);
            n += 1;
        }
        assert!(n > 0);
    }
}
