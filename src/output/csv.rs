//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel and WPS do not guess a legacy
//! code page and show mojibake), RFC 4180 quoting, and text cells that a spreadsheet would run as
//! a formula prefixed with an apostrophe.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Cell, Row};

/// Text that Excel, WPS or LibreOffice would evaluate when the file is opened.
pub fn is_formula_like(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// The cell as written to CSV. Text is borrowed: most cells of every row are text, and copying
/// each was a fifth of the cost of writing a row.
pub fn csv_field(cell: &Cell) -> std::borrow::Cow<'_, str> {
    match cell {
        Cell::Text(s) if is_formula_like(s) => format!("'{s}").into(),
        Cell::Text(s) => s.as_str().into(),
        other => other.render().into(),
    }
}

/// Writes one CSV table to any writer.
pub struct CsvTable<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> CsvTable<W> {
    pub fn new(mut out: W, header: &[&str], bom: bool) -> std::io::Result<Self> {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut inner = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        inner.write_record(header).map_err(to_io)?;
        Ok(CsvTable { inner })
    }

    pub fn write_row(&mut self, row: &Row) -> std::io::Result<()> {
        for cell in row {
            self.inner
                .write_field(csv_field(cell).as_bytes())
                .map_err(to_io)?;
        }
        // An empty record ends the row whose fields were just written.
        self.inner.write_record(None::<&[u8]>).map_err(to_io)
    }

    pub fn finish(self) -> std::io::Result<W> {
        self.inner.into_inner().map_err(|e| e.into_error())
    }
}

fn to_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// A file that appears under its final name only when complete: rows go to a temporary file in
/// the same directory, which is renamed at the end. An interrupted run leaves the previous file
/// (or none), never half a table.
pub struct AtomicFile {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
}

impl AtomicFile {
    pub fn create(target: &Path) -> std::io::Result<Self> {
        let dir = target.parent().filter(|p| !p.as_os_str().is_empty());
        let temp = tempfile::Builder::new()
            .prefix(".gongwen-")
            .suffix(".tmp")
            .tempfile_in(dir.unwrap_or(Path::new(".")))?;
        Ok(AtomicFile {
            temp,
            target: target.to_path_buf(),
        })
    }

    pub fn writer(&mut self) -> &mut std::fs::File {
        self.temp.as_file_mut()
    }

    /// Renames the file into place. The rename is what makes the table appear whole; there is no
    /// fsync, which would cost seconds on the large token tables and protects only against a
    /// power loss, not against an interrupted run.
    pub fn commit(self) -> std::io::Result<()> {
        // Temporary files are private (0600); a table is an ordinary file for its reader.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            self.temp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))?;
        }
        self.temp
            .persist(&self.target)
            .map(|_| ())
            .map_err(|e| e.error)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.temp.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        let mut t = CsvTable::new(Vec::new(), &["a", "b", "c"], true).unwrap();
        t.write_row(&vec![
            Cell::text("=SUM(A1)"),
            Cell::Int(-5),
            Cell::text("含,逗号\n与换行"),
        ])
        .unwrap();
        let bytes = t.finish().unwrap();
        let s = String::from_utf8(bytes).unwrap();
        assert_eq!(s, "\u{feff}a,b,c\r\n'=SUM(A1),-5,\"含,逗号\n与换行\"\r\n");
    }
}
