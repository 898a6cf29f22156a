//! Sinks that write the tables of a run into a directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::csv::{AtomicFile, CsvTable};
use super::tables::TableId;
use super::Row;
use crate::pipeline::Sink;

/// One CSV file per table in a directory; every file appears at the end, complete, or not at all.
pub struct CsvDirSink {
    dir: PathBuf,
    bom: bool,
    tables: BTreeMap<TableId, CsvTable<std::io::BufWriter<AtomicFile>>>,
}

impl CsvDirSink {
    pub fn create(dir: &Path, bom: bool) -> std::io::Result<Self> {
        Self::create_tables(dir, bom, &TableId::ALL)
    }

    /// Only the given tables; rows of others are ignored.
    pub fn create_tables(dir: &Path, bom: bool, tables: &[TableId]) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let mut sink = CsvDirSink {
            dir: dir.to_path_buf(),
            bom,
            tables: BTreeMap::new(),
        };
        for t in tables {
            sink.open(*t, t.header())?;
        }
        Ok(sink)
    }
}

impl Sink for CsvDirSink {
    fn open(&mut self, table: TableId, header: &[&str]) -> std::io::Result<()> {
        let path: PathBuf = self.dir.join(format!("{}.csv", table.name()));
        let file = AtomicFile::create(&path)?;
        let w = std::io::BufWriter::with_capacity(1 << 16, file);
        self.tables
            .insert(table, CsvTable::new(w, header, self.bom)?);
        Ok(())
    }

    fn row(&mut self, table: TableId, row: &Row) -> std::io::Result<()> {
        match self.tables.get_mut(&table) {
            Some(t) => t.write_row(row),
            None => Ok(()),
        }
    }

    fn finish(self: Box<Self>) -> std::io::Result<()> {
        // Flush every table before renaming any, so that a failure leaves no new table behind.
        let mut files = Vec::new();
        for (_, t) in self.tables {
            let w = t.finish()?;
            files.push(w.into_inner().map_err(|e| e.into_error())?);
        }
        for f in files {
            f.commit()?;
        }
        Ok(())
    }
}
