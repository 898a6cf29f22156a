//! The rows of every table, typed once: a struct per table whose field names are the table's
//! column names, in order. CSV, JSON lines and XLSX render the same rows through [`cells`];
//! the header of a table is the field names of its struct ([`header`]), and the Chinese headers
//! are a table of those names (`headers.rs`).

use serde::ser::{self, Impossible, Serialize};

use super::{Cell, Row};
use crate::check::Located;
use crate::corpus::{Edge, IndexRow};
use crate::document::Document;
use crate::extract::citation::Citation;
use crate::extract::docnum::{self, DocNum};
use crate::extract::figures::Figure;
use crate::input::{Failure, Status};

/// A table's row type.
pub trait TableRow: Serialize + Default {
    /// The row's cells, in column order.
    fn cells(&self) -> Row {
        cells(self)
    }
}

/// One row of `documents.csv`. Counts are empty for an input that was not read.
#[derive(Debug, Default, serde::Serialize)]
pub struct DocumentRow {
    pub file: String,
    pub status: &'static str,
    pub encoding: String,
    pub format: String,
    pub chars: Option<usize>,
    pub lines: Option<usize>,
    pub title: String,
    pub docnum: String,
    pub year: Option<i64>,
    pub figures: Option<usize>,
    pub docnums: Option<usize>,
    pub citations: Option<usize>,
    pub findings: Option<usize>,
    pub error: String,
    pub undecodable_bytes: Option<usize>,
    /// Pages, for paged formats (PDF, OFD).
    pub pages: Option<usize>,
    /// Which kinds of item reached the document's limit (`crate::extract::Limits`), with how
    /// many were listed; empty when nothing was left out.
    pub left_out: String,
}

/// One row of `figures.csv`.
#[derive(Debug, Default, serde::Serialize)]
pub struct FigureRow {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub value: f64,
    pub unit: String,
    pub base_unit: String,
    pub kind: &'static str,
    pub qualifier: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub metric: String,
    pub sentence: String,
    pub change: &'static str,
    pub basis: String,
    pub period: String,
    pub page: Option<usize>,
}

/// One row of `docnums.csv`.
#[derive(Debug, Default, serde::Serialize)]
pub struct DocnumRow {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub normalized: String,
    pub issuer_code: String,
    pub year: Option<i64>,
    pub serial: Option<i64>,
    pub form: &'static str,
    pub problems: String,
    pub role: &'static str,
    pub issuer: String,
    pub page: Option<usize>,
}

/// One row of `citations.csv`.
#[derive(Debug, Default, serde::Serialize)]
pub struct CitationRow {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub title: String,
    pub normalized_title: String,
    pub key: String,
    pub kind: &'static str,
    pub issuer: String,
    pub docnum: String,
    pub docnum_normalized: String,
    pub registry_status: String,
    pub law_status: String,
    pub repealed_on: String,
    pub replaced_by: String,
    pub page: Option<usize>,
}

/// One row of `findings.csv` (and of `check --format csv`).
#[derive(Debug, Default, serde::Serialize)]
pub struct FindingRow {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub rule: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub text: String,
    pub related: String,
    pub end_line: usize,
    pub end_column: usize,
    pub replacement: String,
    pub page: Option<usize>,
    /// `safe` where `gongwen fix` applies `replacement`, `review` where a person should read it
    /// first, empty where there is no fix; so an empty `replacement` (a deletion) is told
    /// from no fix at all.
    pub fix: &'static str,
}

/// One row of `citation_index.csv`.
#[derive(Debug, Default, serde::Serialize)]
pub struct CitationIndexRow {
    pub key: String,
    pub title: String,
    pub variants: String,
    pub docnums: String,
    pub kind: &'static str,
    pub registry_status: String,
    pub citing_files: usize,
    pub citations: usize,
    pub first_file: String,
    pub first_line: usize,
    pub in_corpus: String,
    pub law_status: String,
    pub repealed_on: String,
    pub replaced_by: String,
}

/// One row of `citation_edges.csv`.
#[derive(Debug, Default, serde::Serialize)]
pub struct EdgeRow {
    pub citing_file: String,
    pub line: usize,
    pub column: usize,
    pub key: String,
    pub cited_file: String,
    pub kind: &'static str,
    pub page: Option<usize>,
}

/// One row of `terms.csv`.
#[derive(Debug, Default, serde::Serialize)]
pub struct TermRow {
    pub file: String,
    pub term: String,
    pub pos: &'static str,
    pub count: u64,
    pub per_10k: f64,
    pub tfidf: Option<f64>,
    pub rank: usize,
    pub docs: usize,
}

impl TableRow for DocumentRow {}
impl TableRow for FigureRow {}
impl TableRow for DocnumRow {}
impl TableRow for CitationRow {}
impl TableRow for FindingRow {}
impl TableRow for CitationIndexRow {}
impl TableRow for EdgeRow {}
impl TableRow for TermRow {}

impl FigureRow {
    pub fn new(doc: &Document, f: &Figure) -> Self {
        let lc = doc.line_col(f.span.start);
        FigureRow {
            file: doc.file.clone(),
            line: lc.line,
            column: lc.column,
            text: doc.slice(f.span).to_string(),
            value: f.value,
            unit: f.unit.to_string(),
            base_unit: f.base_unit.to_string(),
            kind: f.kind.as_str(),
            qualifier: f.qualifier.as_str().to_string(),
            low: f.low,
            high: f.high,
            metric: f.metric.to_string(),
            sentence: doc.slice(f.sentence).to_string(),
            change: f.change.as_str(),
            basis: f.basis.clone(),
            period: f.period.clone(),
            page: doc.page_of(f.span.start),
        }
    }
}

impl DocnumRow {
    pub fn new(doc: &Document, d: &DocNum) -> Self {
        let lc = doc.line_col(d.span.start);
        DocnumRow {
            file: doc.file.clone(),
            line: lc.line,
            column: lc.column,
            text: docnum::surface(&doc.text, d),
            normalized: d.normalized.clone(),
            issuer_code: d.issuer_code.clone(),
            year: d.year.map(i64::from),
            serial: d.serial.map(i64::from),
            form: if d.standard {
                "standard"
            } else {
                "nonstandard"
            },
            problems: d.problems.join(";"),
            role: d.role.as_str(),
            issuer: d.issuer.clone(),
            page: doc.page_of(d.span.start),
        }
    }
}

impl CitationRow {
    /// `docnums`: the document's numbers, which the citation's number indexes.
    pub fn new(doc: &Document, c: &Citation, docnums: &[DocNum]) -> Self {
        let lc = doc.line_col(c.span.start);
        let num = c.docnum.and_then(|i| docnums.get(i));
        CitationRow {
            file: doc.file.clone(),
            line: lc.line,
            column: lc.column,
            title: c.title.clone(),
            normalized_title: c.normalized_title.clone(),
            key: c.key.clone(),
            kind: c.kind.as_str(),
            issuer: c.issuer.clone(),
            docnum: num
                .map(|d| docnum::surface(&doc.text, d))
                .unwrap_or_default(),
            docnum_normalized: num.map(|d| d.normalized.clone()).unwrap_or_default(),
            registry_status: c.registry_status.clone(),
            law_status: c.law_status.clone(),
            repealed_on: c.repealed_on.clone(),
            replaced_by: c.replaced_by.clone(),
            page: doc.page_of(c.span.start),
        }
    }
}

impl FindingRow {
    pub fn new(f: &Located) -> Self {
        let related: Vec<String> = f.related.iter().map(|l| l.to_string()).collect();
        FindingRow {
            file: f.at.file.clone(),
            line: f.at.line,
            column: f.at.column,
            rule: f.rule,
            severity: f.severity.as_str(),
            message: f.message.clone(),
            text: f.text.clone(),
            related: related.join(";"),
            end_line: f.end_line,
            end_column: f.end_column,
            replacement: f.replacement.clone().unwrap_or_default(),
            page: f.at.page,
            fix: match &f.replacement {
                None => "",
                Some(_) if crate::check::rule(f.rule).is_some_and(|r| r.safe_fix) => "safe",
                Some(_) => "review",
            },
        }
    }
}

impl DocumentRow {
    /// The row of an input that was not read: its status and reason, no counts.
    pub fn failed(f: &Failure) -> Self {
        DocumentRow {
            file: f.file.clone(),
            status: f.status.as_str(),
            encoding: f.encoding.clone(),
            format: f.format.clone(),
            error: f.reason.clone(),
            ..Default::default()
        }
    }

    /// The row of a document read: `note` says what decoding had to replace, if anything.
    pub fn read(doc: &Document, counts: DocumentCounts, note: String) -> Self {
        DocumentRow {
            file: doc.file.clone(),
            status: Status::Ok.as_str(),
            encoding: doc.encoding.clone(),
            format: doc.format.as_str().to_string(),
            chars: Some(doc.chars()),
            lines: Some(doc.lines.line_count()),
            title: counts.title,
            docnum: counts.docnum,
            year: counts.year.map(i64::from),
            figures: Some(counts.figures),
            docnums: Some(counts.docnums),
            citations: Some(counts.citations),
            findings: Some(counts.findings),
            error: note,
            undecodable_bytes: Some(doc.undecodable),
            pages: (!doc.pages.is_empty()).then_some(doc.pages.len()),
            left_out: counts.left_out,
        }
    }
}

/// What `documents.csv` says of a document's contents.
pub struct DocumentCounts {
    pub title: String,
    pub docnum: String,
    pub year: Option<i32>,
    pub figures: usize,
    pub docnums: usize,
    pub citations: usize,
    pub findings: usize,
    /// What was left out at the document's limits, in words; empty when nothing was.
    pub left_out: String,
}

impl From<&IndexRow> for CitationIndexRow {
    fn from(r: &IndexRow) -> Self {
        CitationIndexRow {
            key: r.key.clone(),
            title: r.title.clone(),
            variants: r.variants.join(";"),
            docnums: r.docnums.join(";"),
            kind: r.kind.as_str(),
            registry_status: r.registry_status.clone(),
            citing_files: r.citing_files,
            citations: r.citations,
            first_file: r.first_file.clone(),
            first_line: r.first_line,
            in_corpus: r.in_corpus.join(";"),
            law_status: r.law_status.clone(),
            repealed_on: r.repealed_on.clone(),
            replaced_by: r.replaced_by.clone(),
        }
    }
}

impl From<&Edge> for EdgeRow {
    fn from(e: &Edge) -> Self {
        EdgeRow {
            citing_file: e.citing_file.clone(),
            line: e.line,
            column: e.column,
            key: e.key.clone(),
            cited_file: e.cited_file.clone(),
            kind: e.kind.as_str(),
            page: e.page,
        }
    }
}

/// The column names of `T`: its field names, in order.
pub fn header<T: TableRow>() -> Vec<&'static str> {
    let mut s = CellSerializer::default();
    T::default()
        .serialize(&mut s)
        .expect("a row struct serializes");
    s.names
}

/// The cells of a row, in column order: text as text (empty text as an empty cell), whole
/// numbers as integers, other numbers as floats, `None` as an empty cell.
pub fn cells<T: Serialize + ?Sized>(row: &T) -> Row {
    let mut s = CellSerializer::default();
    row.serialize(&mut s).expect("a row struct serializes");
    s.cells
}

/// Turns one struct of plain fields into cells and their names; anything else is an error, so
/// a row type that does not fit the table model fails its first test.
#[derive(Default)]
struct CellSerializer {
    names: Vec<&'static str>,
    cells: Row,
}

#[derive(Debug)]
struct NotARow(String);

impl std::fmt::Display for NotARow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotARow {}

impl ser::Error for NotARow {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        NotARow(msg.to_string())
    }
}

fn not_a_cell<T>(what: &str) -> Result<T, NotARow> {
    Err(NotARow(format!("{what} is not a table cell")))
}

/// The methods for values that are not one cell (lists, maps, enums with data), each an error.
macro_rules! reject_compound {
    ($what:literal) => {
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), NotARow> {
            not_a_cell($what)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotARow> {
            not_a_cell($what)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotARow> {
            not_a_cell($what)
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, NotARow> {
            not_a_cell($what)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotARow> {
            not_a_cell($what)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotARow> {
            not_a_cell($what)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotARow> {
            not_a_cell($what)
        }
    };
}

/// Methods that widen a whole number to `i64`.
macro_rules! widen {
    ($($name:ident($ty:ty)),*) => {
        $(fn $name(self, v: $ty) -> Result<(), NotARow> {
            self.serialize_i64(v.into())
        })*
    };
}

/// Serializes one field's value into one cell.
struct CellValue<'a>(&'a mut Row);

impl ser::Serializer for CellValue<'_> {
    type Ok = ();
    type Error = NotARow;
    type SerializeSeq = Impossible<(), NotARow>;
    type SerializeTuple = Impossible<(), NotARow>;
    type SerializeTupleStruct = Impossible<(), NotARow>;
    type SerializeTupleVariant = Impossible<(), NotARow>;
    type SerializeMap = Impossible<(), NotARow>;
    type SerializeStruct = Impossible<(), NotARow>;
    type SerializeStructVariant = Impossible<(), NotARow>;

    fn serialize_bool(self, v: bool) -> Result<(), NotARow> {
        self.0.push(Cell::text(if v { "true" } else { "false" }));
        Ok(())
    }
    // Every whole number narrower than 64 bits is an integer cell.
    widen!(serialize_i8(i8), serialize_i16(i16), serialize_i32(i32));
    widen!(serialize_u8(u8), serialize_u16(u16), serialize_u32(u32));
    fn serialize_i64(self, v: i64) -> Result<(), NotARow> {
        self.0.push(Cell::Int(v));
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), NotARow> {
        self.serialize_i64(i64::try_from(v).unwrap_or(i64::MAX))
    }
    fn serialize_f32(self, v: f32) -> Result<(), NotARow> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), NotARow> {
        self.0.push(Cell::Float(v));
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), NotARow> {
        self.0.push(Cell::text(v.to_string()));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), NotARow> {
        self.0.push(Cell::text(v));
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), NotARow> {
        not_a_cell("bytes")
    }
    fn serialize_none(self) -> Result<(), NotARow> {
        self.0.push(Cell::Empty);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), NotARow> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), NotARow> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotARow> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), NotARow> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), NotARow> {
        v.serialize(self)
    }
    reject_compound!("a value that is not a plain cell");
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotARow> {
        not_a_cell("a nested struct")
    }
}

/// Methods of a serializer that accepts nothing of these kinds.
macro_rules! reject {
    ($what:literal: $($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<(), NotARow> {
            not_a_cell($what)
        })*
    };
}

impl ser::Serializer for &mut CellSerializer {
    type Ok = ();
    type Error = NotARow;
    type SerializeSeq = Impossible<(), NotARow>;
    type SerializeTuple = Impossible<(), NotARow>;
    type SerializeTupleStruct = Impossible<(), NotARow>;
    type SerializeTupleVariant = Impossible<(), NotARow>;
    type SerializeMap = Impossible<(), NotARow>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), NotARow>;

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Self, NotARow> {
        self.names.reserve(len);
        self.cells.reserve(len);
        Ok(self)
    }

    reject!("a row that is not a struct":
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
        serialize_str(&str), serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), NotARow> {
        not_a_cell("a row that is not a struct")
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), NotARow> {
        v.serialize(self)
    }
    reject_compound!("a row that is not a struct");
}

impl ser::SerializeStruct for &mut CellSerializer {
    type Ok = ();
    type Error = NotARow;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), NotARow> {
        self.names.push(name);
        value.serialize(CellValue(&mut self.cells))
    }

    fn end(self) -> Result<(), NotARow> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_its_fields_in_order() {
        let row = FigureRow {
            file: "a.txt".into(),
            line: 3,
            column: 7,
            text: "80.3%".into(),
            value: 80.3,
            unit: "%".into(),
            low: None,
            high: Some(90.0),
            ..Default::default()
        };
        let c = cells(&row);
        assert_eq!(c.len(), header::<FigureRow>().len());
        assert_eq!(
            &header::<FigureRow>()[..5],
            ["file", "line", "column", "text", "value"]
        );
        assert_eq!(c[0], Cell::Text("a.txt".into()));
        assert_eq!(c[1], Cell::Int(3));
        assert_eq!(c[4], Cell::Float(80.3));
        // Empty text and None are both empty cells.
        assert_eq!(c[6], Cell::Empty);
        assert_eq!(c[9], Cell::Empty);
        assert_eq!(c[10], Cell::Float(90.0));
    }
}
