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

    pub fn header(&self) -> &'static [&'static str] {
        match self {
            TableId::Documents => &[
                "file",
                "status",
                "encoding",
                "format",
                "chars",
                "lines",
                "title",
                "docnum",
                "year",
                "figures",
                "docnums",
                "citations",
                "findings",
                "error",
                "undecodable_bytes",
            ],
            TableId::Figures => &[
                "file",
                "line",
                "column",
                "text",
                "value",
                "unit",
                "base_unit",
                "kind",
                "qualifier",
                "low",
                "high",
                "metric",
                "sentence",
            ],
            TableId::Docnums => &[
                "file",
                "line",
                "column",
                "text",
                "normalized",
                "issuer_code",
                "year",
                "serial",
                "form",
                "problems",
                "role",
            ],
            TableId::Citations => &[
                "file",
                "line",
                "column",
                "title",
                "normalized_title",
                "key",
                "kind",
                "issuer",
                "docnum",
                "docnum_normalized",
                "registry_status",
            ],
            TableId::Findings => &[
                "file", "line", "column", "rule", "severity", "message", "text", "related",
            ],
            TableId::CitationIndex => &[
                "key",
                "title",
                "variants",
                "docnums",
                "kind",
                "registry_status",
                "citing_files",
                "citations",
                "first_file",
                "first_line",
                "in_corpus",
            ],
            TableId::CitationEdges => &["citing_file", "line", "column", "key", "cited_file"],
            TableId::Terms => &[
                "file", "term", "pos", "count", "per_10k", "tfidf", "rank", "docs",
            ],
            TableId::TermCounts => &["file"],
        }
    }
}
