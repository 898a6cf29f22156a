//! One workbook (`gongwen.xlsx`), one sheet per table: numbers stored as numbers, text as text
//! (so `0010` stays `0010` and a text starting with `=` is never run), a frozen header row, an
//! autofilter, and column widths that count Chinese characters as two.
//!
//! Sheets are written in constant-memory mode: rows stream to temporary files, so a large run
//! does not hold its tables in memory.

use std::collections::BTreeMap;
use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::headers;
use super::staging::Staging;
use super::tables::TableId;
use super::Sink;
use super::{Cell, Row};

/// Widest column, in character cells; long sentences wrap in the cell instead.
const MAX_WIDTH: f64 = 60.0;

fn to_io(e: XlsxError) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

struct Sheet {
    index: usize,
    rows: u32,
    widths: Vec<f64>,
}

/// Writes every table into one workbook in a directory.
pub struct XlsxSink {
    workbook: Workbook,
    sheets: BTreeMap<TableId, Sheet>,
    staging: Staging,
    chinese_headers: bool,
}

fn width(s: &str) -> f64 {
    (UnicodeWidthStr::width(s) as f64 + 2.0).min(MAX_WIDTH)
}

impl XlsxSink {
    pub fn create(dir: &Path, chinese_headers: bool) -> std::io::Result<Self> {
        let staging = Staging::create(dir)?;
        let workbook = Workbook::new();
        let mut sink = XlsxSink {
            workbook,
            sheets: BTreeMap::new(),
            staging,
            chinese_headers,
        };
        for t in TableId::ALL {
            sink.add_sheet(t, t.header())?;
        }
        Ok(sink)
    }

    /// Adds the sheet of `table`, with its header row.
    fn add_sheet(&mut self, table: TableId, header: &[&str]) -> std::io::Result<()> {
        let bold = Format::new().set_bold();
        let index = self.sheets.len();
        let ws = self
            .workbook
            .add_worksheet_with_constant_memory()
            .map_err(to_io)?;
        ws.set_name(table.name()).map_err(to_io)?;
        let header: Vec<&str> = header
            .iter()
            .map(|n| {
                if self.chinese_headers {
                    headers::zh(n)
                } else {
                    n
                }
            })
            .collect();
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold)
                .map_err(to_io)?;
        }
        ws.set_freeze_panes(1, 0).map_err(to_io)?;
        self.sheets.insert(
            table,
            Sheet {
                index,
                rows: 1,
                widths: header.iter().map(|h| width(h)).collect(),
            },
        );
        Ok(())
    }
}

impl Sink for XlsxSink {
    fn open(&mut self, table: TableId, header: &[&str]) -> std::io::Result<()> {
        if self.sheets.contains_key(&table) {
            return Ok(());
        }
        self.add_sheet(table, header)
    }

    fn row(&mut self, table: TableId, row: &Row) -> std::io::Result<()> {
        let Some(sheet) = self.sheets.get_mut(&table) else {
            return Ok(());
        };
        let ws = self
            .workbook
            .worksheet_from_index(sheet.index)
            .map_err(to_io)?;
        let r = sheet.rows;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let shown = match cell {
                Cell::Empty => continue,
                Cell::Text(s) => {
                    ws.write_string(r, col, s).map_err(to_io)?;
                    width(s)
                }
                Cell::Int(i) => {
                    ws.write_number(r, col, *i as f64).map_err(to_io)?;
                    width(&i.to_string())
                }
                Cell::Float(f) => {
                    ws.write_number(r, col, *f).map_err(to_io)?;
                    width(&cell.render())
                }
            };
            if let Some(w) = sheet.widths.get_mut(c) {
                *w = w.max(shown);
            }
        }
        sheet.rows += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> std::io::Result<()> {
        for (t, sheet) in &self.sheets {
            let ws = self
                .workbook
                .worksheet_from_index(sheet.index)
                .map_err(to_io)?;
            let last_col = t.header().len() as u16 - 1;
            ws.autofilter(0, 0, sheet.rows.saturating_sub(1), last_col)
                .map_err(to_io)?;
            for (c, w) in sheet.widths.iter().enumerate() {
                ws.set_column_width(c as u16, *w).map_err(to_io)?;
            }
        }
        let mut file =
            std::io::BufWriter::new(std::fs::File::create(self.staging.path("gongwen.xlsx"))?);
        self.workbook.save_to_writer(&mut file).map_err(to_io)?;
        file.into_inner().map_err(|e| e.into_error())?;
        self.staging.commit()
    }
}
