//! One workbook (`gongwen.xlsx`), one sheet per table: numbers stored as numbers, text as text
//! (so `0010` stays `0010` and a text starting with `=` is never run), a frozen header row, an
//! autofilter, and column widths that count Chinese characters as two.
//!
//! Sheets are written in constant-memory mode: rows stream to temporary files, so a large run
//! does not hold its tables in memory.
//!
//! Excel's limits are kept rather than failing the whole workbook: a text over 32,767
//! characters is cut with a marked ellipsis (CSV and JSON lines keep it whole), and a table
//! over 1,048,575 rows goes on in a second sheet (`figures_2`, …). The run is told of both
//! through [`XlsxSink::notes`].

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::headers;
use super::staging::Staging;
use super::tables::TableId;
use super::Sink;
use super::{Cell, Row};
use crate::i18n::tr;

/// Widest column, in character cells; long sentences wrap in the cell instead.
const MAX_WIDTH: f64 = 60.0;

fn to_io(e: XlsxError) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// Rows of a sheet, header included (Excel's limit).
const MAX_ROWS: u32 = 1_048_576;

/// Characters of a cell, counted in UTF-16 units as Excel counts them (Excel's limit).
const MAX_CELL: usize = 32_767;

struct Sheet {
    /// The worksheets of the table and the rows written in each, header included: one, and
    /// more where the table is longer than a sheet.
    parts: Vec<(usize, u32)>,
    header: Vec<String>,
    widths: Vec<f64>,
}

/// Writes every table into one workbook in a directory.
pub struct XlsxSink {
    workbook: Workbook,
    sheets: BTreeMap<TableId, Sheet>,
    staging: Staging,
    chinese_headers: bool,
    /// Cells cut to Excel's limit.
    cut: u64,
    /// Number formats for decimals: whole numbers with thousands separators (5,300,000,000,000
    /// rather than Excel's general 5.3E+12), and fractions with their digits kept.
    whole: Format,
    fraction: Format,
    notes: Arc<Mutex<Vec<String>>>,
}

fn width(s: &str) -> f64 {
    (UnicodeWidthStr::width(s) as f64 + 2.0).min(MAX_WIDTH)
}

impl XlsxSink {
    pub fn create(dir: &Path, chinese_headers: bool) -> std::io::Result<Self> {
        let staging = Staging::create(dir)?;
        let mut workbook = Workbook::new();
        // A fixed creation time, so that the same run writes the same bytes.
        let epoch = ExcelDateTime::from_ymd(2000, 1, 1).map_err(to_io)?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
        let mut sink = XlsxSink {
            workbook,
            sheets: BTreeMap::new(),
            staging,
            chinese_headers,
            cut: 0,
            whole: Format::new().set_num_format("#,##0"),
            fraction: Format::new().set_num_format("#,##0.0##############"),
            notes: Arc::default(),
        };
        for t in TableId::ALL {
            sink.add_sheet(t, t.header())?;
        }
        Ok(sink)
    }

    /// What the run should be told when the workbook is done: tables continued on a second
    /// sheet, cells cut short. Filled by [`Sink::finish`].
    pub fn notes(&self) -> Arc<Mutex<Vec<String>>> {
        Arc::clone(&self.notes)
    }

    /// Adds the sheet of `table`, with its header row.
    fn add_sheet(&mut self, table: TableId, header: &[&str]) -> std::io::Result<()> {
        let header: Vec<String> = header
            .iter()
            .map(|n| {
                if self.chinese_headers {
                    headers::zh_column(table, n)
                } else {
                    n
                }
                .to_string()
            })
            .collect();
        let index = self.add_worksheet(table.name(), &header)?;
        self.sheets.insert(
            table,
            Sheet {
                parts: vec![(index, 1)],
                widths: header.iter().map(|h| width(h)).collect(),
                header,
            },
        );
        Ok(())
    }

    fn add_worksheet(&mut self, name: &str, header: &[String]) -> std::io::Result<usize> {
        let bold = Format::new().set_bold();
        let ws = self
            .workbook
            .add_worksheet_with_constant_memory()
            .map_err(to_io)?;
        ws.set_name(name).map_err(to_io)?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)
                .map_err(to_io)?;
        }
        ws.set_freeze_panes(1, 0).map_err(to_io)?;
        Ok(self.workbook.worksheets().len() - 1)
    }
}

/// `s` cut to Excel's limit with a marked ellipsis, or `None` when it fits.
fn cut_to_limit(s: &str) -> Option<String> {
    if s.len() <= MAX_CELL || s.encode_utf16().count() <= MAX_CELL {
        return None;
    }
    let mark = tr(
        "…〔超长已截断，全文见CSV或JSONL〕",
        "…[cut: over Excel's limit; the full text is in CSV or JSONL]",
    );
    let room = MAX_CELL - mark.encode_utf16().count();
    let mut units = 0;
    let end = s
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > room
        })
        .map_or(s.len(), |(i, _)| i);
    Some(format!("{}{mark}", &s[..end]))
}

impl Sink for XlsxSink {
    fn open(&mut self, table: TableId, header: &[&str]) -> std::io::Result<()> {
        if self.sheets.contains_key(&table) {
            return Ok(());
        }
        self.add_sheet(table, header)
    }

    fn row(&mut self, table: TableId, row: &Row) -> std::io::Result<()> {
        let Some(sheet) = self.sheets.get(&table) else {
            return Ok(());
        };
        if sheet.parts.last().is_some_and(|p| p.1 >= MAX_ROWS) {
            let name = format!("{}_{}", table.name(), sheet.parts.len() + 1);
            let header = sheet.header.clone();
            let index = self.add_worksheet(&name, &header)?;
            if let Some(sheet) = self.sheets.get_mut(&table) {
                sheet.parts.push((index, 1));
            }
        }
        let Some(sheet) = self.sheets.get_mut(&table) else {
            return Ok(());
        };
        let Some(part) = sheet.parts.last_mut() else {
            return Ok(());
        };
        let ws = self.workbook.worksheet_from_index(part.0).map_err(to_io)?;
        let r = part.1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let shown = match cell {
                Cell::Empty => continue,
                Cell::Text(s) => {
                    match cut_to_limit(s) {
                        Some(cut) => {
                            ws.write_string(r, col, &cut).map_err(to_io)?;
                            self.cut += 1;
                        }
                        None => {
                            ws.write_string(r, col, s).map_err(to_io)?;
                        }
                    }
                    width(s)
                }
                Cell::Int(i) => {
                    ws.write_number(r, col, *i as f64).map_err(to_io)?;
                    width(&i.to_string())
                }
                Cell::Float(f) => {
                    let format = if f.fract() == 0.0 && f.abs() < 1e15 {
                        &self.whole
                    } else {
                        &self.fraction
                    };
                    ws.write_number_with_format(r, col, *f, format)
                        .map_err(to_io)?;
                    width(&cell.render())
                }
            };
            if let Some(w) = sheet.widths.get_mut(c) {
                *w = w.max(shown);
            }
        }
        part.1 += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> std::io::Result<()> {
        let mut notes = Vec::new();
        for (t, sheet) in &self.sheets {
            let last_col = sheet.header.len().max(1) as u16 - 1;
            for &(index, rows) in &sheet.parts {
                let ws = self.workbook.worksheet_from_index(index).map_err(to_io)?;
                ws.autofilter(0, 0, rows.saturating_sub(1), last_col)
                    .map_err(to_io)?;
                for (c, w) in sheet.widths.iter().enumerate() {
                    ws.set_column_width(c as u16, *w).map_err(to_io)?;
                }
            }
            if sheet.parts.len() > 1 {
                notes.push(msg!(
                    zh = "表 {} 超过Excel每个工作表1,048,575行的上限，分写在{}个工作表中（{}、{}_2 …）",
                    en = "table {} is longer than Excel's 1,048,575 rows per sheet; it is written over {} sheets ({}, {}_2, …)",
                    t.name(),
                    sheet.parts.len(),
                    t.name(),
                    t.name()
                ));
            }
        }
        if self.cut > 0 {
            notes.push(msg!(
                zh = "{}个单元格超过Excel每格32,767字符的上限，在gongwen.xlsx中已截断（末尾有标记）；全文见CSV或JSONL输出",
                en = "{} cells are longer than Excel's 32,767 characters; they are cut in gongwen.xlsx (marked at the end); the full text is in the CSV or JSONL output",
                self.cut
            ));
        }
        let mut file =
            std::io::BufWriter::new(std::fs::File::create(self.staging.path("gongwen.xlsx"))?);
        self.workbook.save_to_writer(&mut file).map_err(to_io)?;
        file.into_inner().map_err(|e| e.into_error())?;
        self.staging.commit()?;
        self.notes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend(notes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_to_the_limit_with_a_mark() {
        assert_eq!(cut_to_limit("法治"), None);
        let fits = "法".repeat(MAX_CELL);
        assert_eq!(cut_to_limit(&fits), None);
        // Characters outside the basic plane count twice, as Excel counts them.
        let over = "𠀀".repeat(MAX_CELL / 2 + 1);
        let cut = cut_to_limit(&over).unwrap();
        assert!(cut.encode_utf16().count() <= MAX_CELL);
        assert!(cut.starts_with("𠀀𠀀") && cut.ends_with('〕'));
    }

    /// A table longer than a sheet goes on in a second sheet with its header.
    #[test]
    fn a_table_over_the_row_limit_continues_on_a_second_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let mut sink = Box::new(XlsxSink::create(dir.path(), false).unwrap());
        let notes = sink.notes();
        for i in 0..MAX_ROWS as i64 + 9 {
            sink.row(TableId::ALL[0], &vec![Cell::Int(i)]).unwrap();
        }
        sink.finish().unwrap();
        assert_eq!(notes.lock().unwrap().len(), 1);
        let bytes = std::fs::read(dir.path().join("gongwen.xlsx")).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut book = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut book)
            .unwrap();
        let second = format!("name=\"{}_2\"", TableId::ALL[0].name());
        assert!(book.contains(&second), "{book}");
    }
}
