//! Writing tables: the cell model shared by every format, and the table definitions.

pub mod annotate;
pub mod annotate_docx;
pub mod csv;
pub mod diagnostics;
pub mod headers;
pub mod report;
pub mod rows;
pub mod sink;
pub mod staging;
pub mod tables;
pub mod tokens;
pub mod xlsx;
pub mod zh;

/// One cell of an output table. Keeping numbers apart from text lets spreadsheet writers store
/// numbers as numbers and lets CSV neutralise only text that a spreadsheet would execute.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Float(f64),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    pub fn opt_int(v: Option<i64>) -> Cell {
        v.map(Cell::Int).unwrap_or(Cell::Empty)
    }

    pub fn opt_float(v: Option<f64>) -> Cell {
        v.map(Cell::Float).unwrap_or(Cell::Empty)
    }

    /// The cell as it appears in CSV or JSON text (before formula neutralisation).
    pub fn render(&self) -> String {
        self.text_in(&mut NumBuf::default()).to_string()
    }

    /// Like [`Cell::render`], with a number written into `buf` instead of a new string: tables
    /// are written a row at a time, hundreds of thousands of numbers per run.
    pub fn text_in<'a>(&'a self, buf: &'a mut NumBuf) -> &'a str {
        match self {
            Cell::Empty => "",
            Cell::Text(s) => s,
            Cell::Int(i) => buf.int.format(*i),
            Cell::Float(f) => float_in(*f, buf),
        }
    }
}

/// Room to write a number in (see [`Cell::text_in`]).
#[derive(Default)]
pub struct NumBuf {
    int: itoa::Buffer,
    float: ryu::Buffer,
    wide: String,
}

/// [`format_float`] into `buf`. ryu writes the shortest digits that read back as the same
/// value, as `Display` does, several times faster; the two differ only where that is ambiguous
/// (two candidates equally near, which needs 16 digits or more) and in ryu's exponent for very
/// small and very large magnitudes, which `Display` never writes. Those few go through
/// `Display`.
fn float_in(f: f64, buf: &mut NumBuf) -> &str {
    if !f.is_finite() {
        return "";
    }
    if f == f.trunc() && f.abs() < 1e17 {
        return buf.int.format(f as i64);
    }
    let s = buf.float.format_finite(f);
    let significant = s
        .trim_start_matches(['-', '0', '.'])
        .bytes()
        .filter(u8::is_ascii_digit)
        .count();
    if significant <= 15 && !s.contains('e') {
        return s;
    }
    buf.wide = format!("{f}");
    &buf.wide
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::text(s)
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::text(s)
    }
}

impl From<usize> for Cell {
    fn from(v: usize) -> Cell {
        Cell::Int(v as i64)
    }
}

/// Shortest decimal form that reads back as the same number, without exponent for the sizes
/// that occur in reports (`13730000`, `80.3`, `0.024`).
pub fn format_float(f: f64) -> String {
    float_in(f, &mut NumBuf::default()).to_string()
}

/// A row of cells.
pub type Row = Vec<Cell>;

/// Receives table rows in order and writes them somewhere.
pub trait Sink {
    /// Starts a table whose columns are known only at run time (`term_counts`); a sink that
    /// does not write such tables ignores it.
    fn open(&mut self, _table: tables::TableId, _header: &[&str]) -> std::io::Result<()> {
        Ok(())
    }
    fn row(&mut self, table: tables::TableId, row: &Row) -> std::io::Result<()>;
    /// Makes the output visible; nothing is visible before.
    fn finish(self: Box<Self>) -> std::io::Result<()>;
}

/// Escapes text for XML and HTML content and attribute values, leaving out the characters
/// XML 1.0 does not allow (control characters but tab and line breaks), which no reader wants.
pub(crate) fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_render_plainly() {
        assert_eq!(format_float(13730000.0), "13730000");
        assert_eq!(format_float(80.3), "80.3");
        assert_eq!(format_float(0.024), "0.024");
        assert_eq!(format_float(f64::NAN), "");
        assert_eq!(format_float(-0.0), "0");
        assert_eq!(format_float(1e-7), "0.0000001");
        assert_eq!(format_float(1.5e300), format!("{}", 1.5e300));
    }

    /// The written number is `Display`'s: whole numbers without a point, every other finite
    /// value with the same digits, over values spread across every magnitude.
    #[test]
    fn floats_render_as_display_writes_them() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut buf = NumBuf::default();
        for i in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Raw bit patterns cover every exponent; scaled integers the values tables hold
            // (percentages, amounts, weights rounded to a few places); the rest values with
            // 16 or 17 digits, where two candidates can be equally near.
            let f = match i % 3 {
                0 => f64::from_bits(x),
                1 => (x % 100_000_000) as f64 / 10f64.powi((x % 9) as i32),
                _ => (x >> 11) as f64 / 4.0 + 1e15,
            };
            let want = if !f.is_finite() {
                String::new()
            } else if f == f.trunc() && f.abs() < 1e17 {
                format!("{}", f as i64)
            } else {
                format!("{f}")
            };
            assert_eq!(float_in(f, &mut buf), want, "{f:e}");
        }
    }
}
