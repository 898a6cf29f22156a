//! Writing tables: the cell model shared by every format, and the table definitions.

pub mod csv;
pub mod diagnostics;
pub mod headers;
pub mod sink;
pub mod tables;
pub mod xlsx;

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
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => format_float(*f),
        }
    }
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
    if !f.is_finite() {
        return String::new();
    }
    if f == f.trunc() && f.abs() < 1e17 {
        return format!("{}", f as i64);
    }
    let s = format!("{f}");
    if s.contains('e') {
        format!("{f:.}")
    } else {
        s
    }
}

/// A row of cells.
pub type Row = Vec<Cell>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_render_plainly() {
        assert_eq!(format_float(13730000.0), "13730000");
        assert_eq!(format_float(80.3), "80.3");
        assert_eq!(format_float(0.024), "0.024");
        assert_eq!(format_float(f64::NAN), "");
    }
}
