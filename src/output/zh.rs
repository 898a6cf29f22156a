//! Tables for Chinese readers (`--headers zh`): the enumerated values under the Chinese headers
//! in Chinese too (状态 成功, 级别 警告, 类别 法律), so that a sheet reads in one language. The
//! sink it wraps names the columns; this one rewrites the values of the enumerated columns.

use super::headers::zh_value;
use super::tables::TableId;
use super::{Cell, Row, Sink};

/// Passes rows to `inner` with their enumerated values in Chinese.
pub struct ChineseValues {
    inner: Box<dyn Sink>,
}

impl ChineseValues {
    pub fn new(inner: Box<dyn Sink>) -> Self {
        ChineseValues { inner }
    }
}

/// `row` of `table` with each enumerated value in Chinese; `None` when none changes.
fn translated(table: TableId, row: &Row) -> Option<Row> {
    let header = table.header();
    let mut out: Option<Row> = None;
    for (i, (name, cell)) in header.iter().zip(row).enumerate() {
        let Cell::Text(v) = cell else { continue };
        if let Some(zh) = zh_value(name, v) {
            out.get_or_insert_with(|| row.clone())[i] = Cell::text(zh);
        }
    }
    out
}

impl Sink for ChineseValues {
    fn open(&mut self, table: TableId, header: &[&str]) -> std::io::Result<()> {
        self.inner.open(table, header)
    }

    fn row(&mut self, table: TableId, row: &Row) -> std::io::Result<()> {
        match translated(table, row) {
            Some(r) => self.inner.row(table, &r),
            None => self.inner.row(table, row),
        }
    }

    fn finish(self: Box<Self>) -> std::io::Result<()> {
        self.inner.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::rows::{DocumentRow, TableRow};

    #[test]
    fn enumerated_values_are_translated_and_free_text_is_not() {
        let row = DocumentRow {
            file: "ok".into(),
            status: "skipped",
            error: "ok".into(),
            ..Default::default()
        }
        .cells();
        let t = translated(TableId::Documents, &row).unwrap();
        assert_eq!(t[0], Cell::text("ok"));
        assert_eq!(t[1], Cell::text("已跳过"));
        assert_eq!(t[13], Cell::text("ok"));
    }
}
