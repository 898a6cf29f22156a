//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel and WPS do not guess a legacy
//! code page and show mojibake), RFC 4180 quoting, and text cells that a spreadsheet would run as
//! a formula prefixed with an apostrophe.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Cell, NumBuf, Row};

/// Text that Excel, WPS or LibreOffice would evaluate when the file is opened. A lone `-` is
/// not: a spreadsheet keeps it as text, and it is the name of standard input in the `file`
/// column, where `'-` would read as another file.
pub fn is_formula_like(s: &str) -> bool {
    s != "-"
        && matches!(
            s.as_bytes().first(),
            Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
        )
}

/// Writes one CSV table to any writer with the csv crate: fields separated by commas, rows ended
/// by CRLF, and a field quoted (its quotes doubled) only when it holds a comma, a quote or a line
/// break, as RFC 4180 has it. A row of another length than the header's is refused, not written
/// as a table that would read shifted.
pub struct CsvTable<W: Write> {
    out: ::csv::Writer<W>,
    nums: NumBuf,
    /// A guarded text cell (`'` and the text), reused from row to row.
    guarded: String,
    /// Fields per row: the header's. Checked before a row is begun, since the csv crate
    /// checks only at its end, when the fields are in its buffer.
    width: usize,
}

impl<W: Write> CsvTable<W> {
    pub fn new(mut out: W, header: &[&str], bom: bool) -> std::io::Result<Self> {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut out = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .buffer_capacity(1 << 16)
            .from_writer(out);
        out.write_record(header)?;
        Ok(CsvTable {
            out,
            nums: NumBuf::default(),
            guarded: String::new(),
            width: header.len(),
        })
    }

    pub fn write_row(&mut self, row: &Row) -> std::io::Result<()> {
        if row.len() != self.width {
            return Err(std::io::Error::other(format!(
                "found record with {} fields, but the previous record has {} fields",
                row.len(),
                self.width
            )));
        }
        for cell in row {
            match cell {
                Cell::Text(s) if is_formula_like(s) => {
                    self.guarded.clear();
                    self.guarded.push('\'');
                    self.guarded.push_str(s);
                    self.out.write_field(&self.guarded)?;
                }
                // Numbers are written in a buffer reused for every row: a string for each was
                // most of the cost of a table.
                other => self.out.write_field(other.text_in(&mut self.nums))?,
            }
        }
        // An empty iterator ends the record begun field by field.
        self.out.write_record(None::<&[u8]>)?;
        Ok(())
    }

    pub fn finish(self) -> std::io::Result<W> {
        self.out.into_inner().map_err(|e| e.into_error())
    }
}

/// Whether `b` holds a comma, a quote or a line break: what makes the csv crate quote a field.
pub(crate) fn needs_quotes(b: &[u8]) -> bool {
    b.iter().any(|c| matches!(c, b',' | b'"' | b'\n' | b'\r'))
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
        let dir = dir.unwrap_or(Path::new("."));
        super::staging::remove_stale(dir);
        let temp = tempfile::Builder::new()
            .prefix(&super::staging::temp_prefix())
            .suffix(".tmp")
            .tempfile_in(dir)?;
        super::staging::register(temp.path());
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
        let path = self.temp.path().to_path_buf();
        let r = self
            .temp
            .persist(&self.target)
            .map(|_| ())
            .map_err(|e| e.error);
        super::staging::unregister(&path);
        r
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

    /// A lone hyphen (standard input's name) is text to a spreadsheet; a hyphen that starts
    /// longer text is guarded as before.
    #[test]
    fn a_lone_hyphen_is_no_formula() {
        assert!(!is_formula_like("-"));
        assert!(is_formula_like("-1+2"));
        assert!(is_formula_like("--"));
        let mut t = CsvTable::new(Vec::new(), &["file", "text"], false).unwrap();
        t.write_row(&vec![Cell::text("-"), Cell::text("-A1")])
            .unwrap();
        assert_eq!(t.finish().unwrap(), b"file,text\r\n-,'-A1\r\n");
    }

    /// Rows read back by the csv crate as written, whatever bytes their fields hold.
    #[test]
    fn fields_read_back_as_written() {
        let pieces = [
            "",
            ",",
            "\"",
            "\n",
            "\r",
            "x",
            "云政办发〔2019〕67号",
            "12345678",
            "=1",
        ];
        let mut rows = Vec::new();
        let mut x: u32 = 7;
        for _ in 0..2000 {
            let mut row = Vec::new();
            for _ in 0..3 {
                let mut s = String::new();
                for _ in 0..x % 20 {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    s.push_str(pieces[(x >> 16) as usize % pieces.len()]);
                }
                row.push(s);
            }
            rows.push(row);
        }
        let mut t = CsvTable::new(Vec::new(), &["a", "b", "c"], false).unwrap();
        for row in &rows {
            t.write_row(&row.iter().map(|s| Cell::Text(s.clone())).collect())
                .unwrap();
        }
        let bytes = t.finish().unwrap();
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(bytes.as_slice());
        let read: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        let want: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|s| {
                        if is_formula_like(s) {
                            format!("'{s}")
                        } else {
                            s.clone()
                        }
                    })
                    .collect()
            })
            .collect();
        assert_eq!(read, want);
        // A lone empty field is quoted, or the row would read as none; a row of another width
        // than the header's is refused.
        let mut t = CsvTable::new(Vec::new(), &["a"], false).unwrap();
        t.write_row(&vec![Cell::Empty]).unwrap();
        assert!(t.write_row(&vec![Cell::Empty, Cell::Int(1)]).is_err());
        assert_eq!(t.finish().unwrap(), b"a\r\n\"\"\r\n");
    }
}
