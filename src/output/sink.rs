//! Sinks that write the tables of a run into a directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::csv::{AtomicFile, CsvTable};
use super::tables::TableId;
use super::Row;
use crate::pipeline::Sink;

/// One CSV file per table in a directory; every file appears at the end, complete, or not at all.
pub struct CsvDirSink {
    tables: BTreeMap<TableId, CsvTable<std::io::BufWriter<AtomicFile>>>,
}

impl CsvDirSink {
    pub fn create(dir: &Path, bom: bool) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let mut tables = BTreeMap::new();
        for t in TableId::ALL {
            let path: PathBuf = dir.join(format!("{}.csv", t.name()));
            let file = AtomicFile::create(&path)?;
            let w = std::io::BufWriter::with_capacity(1 << 16, file);
            tables.insert(t, CsvTable::new(w, t.header(), bom)?);
        }
        Ok(CsvDirSink { tables })
    }
}

impl Sink for CsvDirSink {
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
