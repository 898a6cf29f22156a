//! The tables of the output contract, with their stable column names.

/// Identifies one output table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    Documents,
    Figures,
    Docnums,
    Citations,
    Findings,
    CitationIndex,
    CitationEdges,
    Terms,
    /// Codebook counts; its columns are the codebook's terms, so it is opened with its header
    /// only when a run has a codebook, and is not in [`TableId::ALL`].
    TermCounts,
}

impl TableId {
    /// Tables in the order they are written.
    pub const ALL: [TableId; 8] = [
        TableId::Documents,
        TableId::Figures,
        TableId::Docnums,
        TableId::Citations,
        TableId::Findings,
        TableId::CitationIndex,
        TableId::CitationEdges,
        TableId::Terms,
    ];

    /// Base file name (`documents` → `documents.csv`) and JSON `table` value.
    pub fn name(&self) -> &'static str {
        match self {
            TableId::Documents => "documents",
            TableId::Figures => "figures",
            TableId::Docnums => "docnums",
            TableId::Citations => "citations",
            TableId::Findings => "findings",
            TableId::CitationIndex => "citation_index",
            TableId::CitationEdges => "citation_edges",
            TableId::Terms => "terms",
            TableId::TermCounts => "term_counts",
        }
    }

    /// The column names: the field names of the table's row type (see [`super::rows`]).
    pub fn header(&self) -> &'static [&'static str] {
        use super::rows::*;
        use std::sync::LazyLock;
        macro_rules! names {
            ($row:ty) => {{
                static NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(header::<$row>);
                NAMES.as_slice()
            }};
        }
        match self {
            TableId::Documents => names!(DocumentRow),
            TableId::Figures => names!(FigureRow),
            TableId::Docnums => names!(DocnumRow),
            TableId::Citations => names!(CitationRow),
            TableId::Findings => names!(FindingRow),
            TableId::CitationIndex => names!(CitationIndexRow),
            TableId::CitationEdges => names!(EdgeRow),
            TableId::Terms => names!(TermRow),
            // Its other columns are the run's codebook, given when the table is opened.
            TableId::TermCounts => &["file"],
        }
    }
}
