//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel and WPS do not guess a legacy
//! code page and show mojibake), RFC 4180 quoting, and text cells that a spreadsheet would run as
//! a formula prefixed with an apostrophe.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Cell, NumBuf, Row};

/// Text that Excel, WPS or LibreOffice would evaluate when the file is opened.
pub fn is_formula_like(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// Writes one CSV table to any writer: fields separated by commas, rows ended by CRLF, and a
/// field quoted (its quotes doubled) only when it holds a comma, a quote or a line break, as
/// RFC 4180 has it and as the csv crate writes.
pub struct CsvTable<W: Write> {
    out: std::io::BufWriter<W>,
    nums: NumBuf,
}

impl<W: Write> CsvTable<W> {
    pub fn new(out: W, header: &[&str], bom: bool) -> std::io::Result<Self> {
        let mut t = CsvTable {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            nums: NumBuf::default(),
        };
        if bom {
            t.out.write_all("\u{feff}".as_bytes())?;
        }
        for (i, h) in header.iter().enumerate() {
            t.field(i, header.len(), b"", h)?;
        }
        t.out.write_all(b"\r\n")?;
        Ok(t)
    }

    pub fn write_row(&mut self, row: &Row) -> std::io::Result<()> {
        for (i, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(s) if is_formula_like(s) => self.field(i, row.len(), b"'", s)?,
                // Cells are written straight from the row, numbers from a buffer reused for
                // every row: copying them into a string each was most of the cost of a table.
                other => {
                    let text = other.text_in(&mut self.nums);
                    write_field(&mut self.out, i, row.len(), b"", text)?;
                }
            }
        }
        self.out.write_all(b"\r\n")
    }

    fn field(&mut self, i: usize, n: usize, prefix: &[u8], text: &str) -> std::io::Result<()> {
        write_field(&mut self.out, i, n, prefix, text)
    }

    pub fn finish(self) -> std::io::Result<W> {
        self.out.into_inner().map_err(|e| e.into_error())
    }
}

/// Field `i` of a row of `n`: `prefix` and `text`, quoted where needed. An empty field that
/// is a whole row is quoted, or the row would read as no field at all.
fn write_field(
    out: &mut impl Write,
    i: usize,
    n: usize,
    prefix: &[u8],
    text: &str,
) -> std::io::Result<()> {
    if i > 0 {
        out.write_all(b",")?;
    }
    let b = text.as_bytes();
    let quote = memchr::memchr3(b',', b'"', b'\n', b).is_some()
        || memchr::memchr(b'\r', b).is_some()
        || (n == 1 && prefix.is_empty() && b.is_empty());
    if !quote {
        out.write_all(prefix)?;
        return out.write_all(b);
    }
    out.write_all(b"\"")?;
    out.write_all(prefix)?;
    let mut rest = b;
    while let Some(q) = memchr::memchr(b'"', rest) {
        out.write_all(&rest[..=q])?;
        out.write_all(b"\"")?;
        rest = &rest[q + 1..];
    }
    out.write_all(rest)?;
    out.write_all(b"\"")
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
