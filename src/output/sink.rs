//! Sinks that write the tables of a run into a directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::io::Write;

use super::csv::CsvTable;
use super::headers;
use super::staging::Staging;
use super::tables::TableId;
use super::Sink;
use super::{Cell, Row};

/// One CSV file per table in a directory; the files appear at the end, all together and
/// complete, or not at all.
pub struct CsvDirSink {
    staging: Staging,
    bom: bool,
    chinese_headers: bool,
    tables: BTreeMap<TableId, CsvTable<std::fs::File>>,
}

impl CsvDirSink {
    pub fn create(dir: &Path, bom: bool, chinese_headers: bool) -> std::io::Result<Self> {
        Self::create_tables(dir, bom, chinese_headers, &TableId::ALL)
    }

    /// Only the given tables; rows of others are ignored.
    pub fn create_tables(
        dir: &Path,
        bom: bool,
        chinese_headers: bool,
        tables: &[TableId],
    ) -> std::io::Result<Self> {
        let mut sink = CsvDirSink {
            staging: Staging::create(dir)?,
            bom,
            chinese_headers,
            tables: BTreeMap::new(),
        };
        for t in tables {
            sink.open(*t, t.header())?;
        }
        Ok(sink)
    }
}

/// The JSON object of a row: a `table` field, then the columns by their English names.
pub fn json_row(table: TableId, row: &Row) -> serde_json::Value {
    json_row_named(table, table.header(), row)
}

fn json_row_named(table: TableId, header: &[impl AsRef<str>], row: &Row) -> serde_json::Value {
    let mut obj = serde_json::Map::with_capacity(row.len() + 1);
    obj.insert("table".into(), table.name().into());
    for (name, cell) in header.iter().zip(row) {
        let v = match cell {
            Cell::Empty => serde_json::Value::Null,
            Cell::Text(s) => s.as_str().into(),
            Cell::Int(i) => (*i).into(),
            Cell::Float(f) => serde_json::Number::from_f64(*f)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
        };
        obj.insert(name.as_ref().into(), v);
    }
    serde_json::Value::Object(obj)
}

/// JSON lines to any writer, one object per row.
pub struct JsonlSink<W: Write> {
    out: W,
    /// Headers of tables whose columns are known only at run time (`term_counts`).
    opened: BTreeMap<TableId, Vec<String>>,
}

impl<W: Write> JsonlSink<W> {
    pub fn new(out: W) -> Self {
        JsonlSink {
            out,
            opened: BTreeMap::new(),
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    /// Names the columns of `table` for the rows that follow, as [`Sink::open`] does.
    pub fn open(&mut self, table: TableId, header: &[&str]) {
        self.opened
            .insert(table, header.iter().map(|h| h.to_string()).collect());
    }

    pub fn write_row(&mut self, table: TableId, row: &Row) -> std::io::Result<()> {
        let v = match self.opened.get(&table) {
            Some(header) => json_row_named(table, header, row),
            None => json_row(table, row),
        };
        serde_json::to_writer(&mut self.out, &v)?;
        self.out.write_all(b"\n")
    }
}

/// `gongwen.jsonl` in a directory, appearing complete at the end.
pub struct JsonlFileSink {
    inner: JsonlSink<std::io::BufWriter<std::fs::File>>,
    staging: Staging,
}

impl JsonlFileSink {
    pub fn create(dir: &Path) -> std::io::Result<Self> {
        let staging = Staging::create(dir)?;
        let file = std::fs::File::create(staging.path("gongwen.jsonl"))?;
        Ok(JsonlFileSink {
            inner: JsonlSink::new(std::io::BufWriter::with_capacity(1 << 16, file)),
            staging,
        })
    }
}

impl Sink for JsonlFileSink {
    fn open(&mut self, table: TableId, header: &[&str]) -> std::io::Result<()> {
        self.inner.open(table, header);
        Ok(())
    }

    fn row(&mut self, table: TableId, row: &Row) -> std::io::Result<()> {
        self.inner.write_row(table, row)
    }

    fn finish(self: Box<Self>) -> std::io::Result<()> {
        let w = self.inner.into_inner();
        w.into_inner().map_err(|e| e.into_error())?;
        self.staging.commit()
    }
}

impl Sink for CsvDirSink {
    fn open(&mut self, table: TableId, header: &[&str]) -> std::io::Result<()> {
        let path: PathBuf = self.staging.path(&format!("{}.csv", table.name()));
        let w = std::fs::File::create(&path)?;
        let header: Vec<&str> = header
            .iter()
            .map(|n| {
                if self.chinese_headers {
                    headers::zh_column(table, n)
                } else {
                    n
                }
            })
            .collect();
        self.tables
            .insert(table, CsvTable::new(w, &header, self.bom)?);
        Ok(())
    }

    fn row(&mut self, table: TableId, row: &Row) -> std::io::Result<()> {
        match self.tables.get_mut(&table) {
            Some(t) => t.write_row(row),
            None => Ok(()),
        }
    }

    fn finish(self: Box<Self>) -> std::io::Result<()> {
        // Every table is flushed before any is switched in, so that a failure leaves no new
        // table behind.
        for (_, t) in self.tables {
            t.finish()?;
        }
        self.staging.commit()
    }
}
