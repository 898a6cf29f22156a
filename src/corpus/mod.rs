//! The corpus stage: the cross-document citation index.
//!
//! Citations that refer to the same document are grouped: equal titles once normalised (brackets,
//! dashes, the 中华人民共和国 prefix, an informal 省政府 for 省人民政府: [`title_key`]), declared
//! short forms, and the same document number when the titles carrying it are near-identical or
//! differ only by the issuer written before 关于. A generic title with no issuer and no number
//! (《纲要草案》, 《关于修改部分地方性法规的决定》: [`is_generic`]) is a different document in each
//! citing file; a document citing its own title or number is a `self` edge, not a cited document;
//! forms and certificates stay out. Titles that differ in
//! meaning (…规定 vs …实施细则, two years of a plan) stay apart: a number only joins titles of the
//! same form that differ by a few characters. Grouping is a union–find over title and number
//! keys; the only pairwise comparisons are between the few titles that share one number.

mod stage;

pub use stage::{run, CorpusResult};

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::extract::citation::{is_generic, title_key, CitationKind};
use crate::resolve;

/// A citation as the index sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexCitation {
    pub line: usize,
    pub column: usize,
    pub page: Option<usize>,
    pub title: String,
    pub normalized_title: String,
    /// The extractor's key (resolves declared short forms).
    pub key: String,
    pub kind: CitationKind,
    pub registry_status: String,
    pub docnum: Option<String>,
}

/// What the index needs of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexDoc {
    pub file: String,
    /// The document's own title, normalised.
    pub own_title: Option<String>,
    /// The document's own number, normalised.
    pub own_docnum: Option<String>,
    pub citations: Vec<IndexCitation>,
}

/// One row of citation_index.csv.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexRow {
    pub key: String,
    pub title: String,
    pub variants: Vec<String>,
    pub docnums: Vec<String>,
    pub kind: CitationKind,
    pub registry_status: String,
    /// The catalogue's status on the run's date, the repeal date and the successor (filled in
    /// by the stage, which knows the run's `--as-of`).
    pub law_status: String,
    pub repealed_on: String,
    pub replaced_by: String,
    pub citing_files: usize,
    pub citations: usize,
    pub first_file: String,
    pub first_line: usize,
    /// Files of the run whose own title or number is this document.
    pub in_corpus: Vec<String>,
}

/// What an edge says of its citing document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// Cites another document.
    Cites,
    /// Names itself: its own title or number.
    SelfCitation,
}

impl EdgeKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EdgeKind::Cites => "cites",
            EdgeKind::SelfCitation => "self",
        }
    }
}

/// One row of citation_edges.csv.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub citing_file: String,
    pub line: usize,
    pub column: usize,
    pub key: String,
    pub cited_file: String,
    pub kind: EdgeKind,
    pub page: Option<usize>,
}

/// The form in which titles of one document compare equal: the one [`title_key`].
pub fn canonical(normalized_title: &str) -> String {
    title_key(normalized_title)
}

struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller id wins, so that a group is named after its first-seen member.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
        }
    }
}

/// Edit distance between two short strings, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether two titles carrying the same number name one document: same closing word (文种 or
/// legislative form) and at most a tenth of the characters different.
fn same_document(a: &str, b: &str) -> bool {
    const FORMS: &[&str] = &[
        "通知", "意见", "决定", "办法", "规定", "条例", "细则", "规划", "纲要", "方案", "批复",
        "报告", "法", "解释", "函",
    ];
    let form = |t: &str| FORMS.iter().find(|f| t.ends_with(*f)).copied();
    if form(a) != form(b) {
        return false;
    }
    // `最高人民法院关于…的解释` and `关于…的解释` under one 法释 number: the issuer is written or
    // left to the reader.
    fn from_guanyu(t: &str) -> Option<&str> {
        t.find("关于").map(|i| &t[i..])
    }
    if from_guanyu(a).is_some_and(|x| Some(x) == from_guanyu(b)) {
        return true;
    }
    let longest = a.chars().count().max(b.chars().count());
    edit_distance(a, b) * 10 <= longest
}

/// Builds the index rows (most cited first) and one edge per citation.
pub fn build(docs: &[IndexDoc]) -> (Vec<IndexRow>, Vec<Edge>) {
    // Forms and certificates are not documents the index follows; a document naming itself is
    // not a citation of another one.
    let own_keys: Vec<Option<String>> = docs
        .iter()
        .map(|d| d.own_title.as_deref().map(canonical))
        .collect();
    // By title only where the citation carries no number: a regulation repealing its former
    // version cites it by the same title with the old number (《机动车登记规定》（公安部令第102号）
    // 同时废止).
    let is_self = |d: &IndexDoc, own: &Option<String>, c: &IndexCitation| match &c.docnum {
        Some(n) => d.own_docnum.as_ref() == Some(n),
        None => own
            .as_deref()
            .is_some_and(|t| t == canonical(&c.normalized_title)),
    };
    let mut self_edges: Vec<Edge> = Vec::new();
    let filtered: Vec<IndexDoc> = docs
        .iter()
        .zip(&own_keys)
        .map(|(d, own)| {
            let mut kept = Vec::with_capacity(d.citations.len());
            for c in &d.citations {
                if c.kind == CitationKind::Form {
                    continue;
                }
                if is_self(d, own, c) {
                    self_edges.push(Edge {
                        citing_file: d.file.clone(),
                        line: c.line,
                        column: c.column,
                        page: c.page,
                        key: d
                            .own_docnum
                            .clone()
                            .or_else(|| own.clone())
                            .unwrap_or_default(),
                        cited_file: d.file.clone(),
                        kind: EdgeKind::SelfCitation,
                    });
                    continue;
                }
                kept.push(c.clone());
            }
            IndexDoc {
                citations: kept,
                ..d.clone()
            }
        })
        .collect();
    let (rows, edges) = build_filtered(&filtered);
    // Edges in the order the citations are written in each document.
    let mut all = edges;
    all.extend(self_edges);
    let order: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.file.as_str(), i))
        .collect();
    all.sort_by_key(|e| {
        (
            order
                .get(e.citing_file.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            e.line,
            e.column,
        )
    });
    (rows, all)
}

fn build_filtered(docs: &[IndexDoc]) -> (Vec<IndexRow>, Vec<Edge>) {
    // Nodes: one per distinct canonical title, in first-seen order.
    let mut node_of: HashMap<String, usize> = HashMap::new();
    let mut node_title: Vec<String> = Vec::new();
    let mut node = |k: String, node_title: &mut Vec<String>| -> usize {
        *node_of.entry(k.clone()).or_insert_with(|| {
            node_title.push(k);
            node_title.len() - 1
        })
    };
    let mut cite_node = Vec::new();
    for d in docs {
        // A short form declared in one document (《纲要草案》) names different documents in
        // different files, so it never gets a node of its own: it takes the node of the full
        // title it stands for in its document.
        let mut by_num: HashMap<&str, usize> = HashMap::new();
        let mut nodes = Vec::with_capacity(d.citations.len());
        for c in &d.citations {
            let key = canonical(&c.normalized_title);
            // A generic title is scoped to its citing file.
            let key = if c.docnum.is_none() && c.key == c.normalized_title && is_generic(&c.title) {
                format!("{key}@{}", d.file)
            } else {
                key
            };
            let n = node(key, &mut node_title);
            if let Some(num) = &c.docnum {
                by_num.entry(num.as_str()).or_insert(n);
            }
            nodes.push(n);
        }
        for (c, n) in d.citations.iter().zip(nodes.iter_mut()) {
            if c.docnum.is_some() || c.key == c.normalized_title {
                continue;
            }
            *n = match by_num.get(c.key.as_str()) {
                Some(&full) => full,
                None => node(canonical(&c.key), &mut node_title),
            };
        }
        cite_node.push(nodes);
    }
    let mut dsu = Dsu((0..node_title.len()).collect());
    // Titles that share a number, joined when they are near-identical.
    let mut by_number: BTreeMap<&str, (Vec<usize>, HashSet<usize>)> = BTreeMap::new();
    for (d, nodes) in docs.iter().zip(&cite_node) {
        for (c, &n) in d.citations.iter().zip(nodes) {
            if let Some(num) = &c.docnum {
                let (v, seen) = by_number.entry(num.as_str()).or_default();
                if seen.insert(n) {
                    v.push(n);
                }
            }
        }
    }
    // Each title of a number is compared with the first MAX_TITLES_COMPARED titles of that
    // number: one number cited with more titles than that is no slip of the pen, and comparing
    // all pairs would grow with the square of their number. Pairs already joined are not
    // compared again; which pair joins first does not matter, as a group is named after its
    // first-seen member.
    for (nodes, _) in by_number.values() {
        for (i, &a) in nodes.iter().enumerate().take(MAX_TITLES_COMPARED) {
            for &b in &nodes[i + 1..] {
                if dsu.find(a) != dsu.find(b) && same_document(&node_title[a], &node_title[b]) {
                    dsu.union(a, b);
                }
            }
        }
    }

    struct Acc {
        variants: Vec<(String, usize)>,
        docnums: Vec<(String, usize)>,
        kind: CitationKind,
        files: Vec<usize>,
        citations: usize,
        first: (usize, usize),
        canon: Vec<String>,
        /// Where each value of `variants`, `docnums` and `canon` is, so that a group with many
        /// does not search them for each citation.
        at: HashMap<(u8, String), usize>,
    }
    let mut groups: BTreeMap<usize, Acc> = BTreeMap::new();
    let mut cite_group = Vec::new();
    for (di, (d, nodes)) in docs.iter().zip(&cite_node).enumerate() {
        let mut gs = Vec::with_capacity(nodes.len());
        for (c, &n) in d.citations.iter().zip(nodes) {
            let g = dsu.find(n);
            gs.push(g);
            let acc = groups.entry(g).or_insert_with(|| Acc {
                variants: Vec::new(),
                docnums: Vec::new(),
                kind: c.kind,
                files: Vec::new(),
                citations: 0,
                first: (di, c.line),
                canon: Vec::new(),
                at: HashMap::new(),
            });
            bump(&mut acc.variants, &mut acc.at, 0, &c.title);
            if let Some(num) = &c.docnum {
                bump(&mut acc.docnums, &mut acc.at, 1, num);
            }
            if acc.files.last() != Some(&di) {
                acc.files.push(di);
            }
            acc.citations += 1;
            let canon = &node_title[n];
            let next = acc.canon.len();
            if let std::collections::hash_map::Entry::Vacant(e) = acc.at.entry((2, canon.clone())) {
                e.insert(next);
                acc.canon.push(canon.clone());
            }
        }
        cite_group.push(gs);
    }

    // Documents of the run, by their own number and title.
    let mut own_by_number: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut own_by_title: HashMap<&str, Vec<usize>> = HashMap::new();
    let own_titles: Vec<Option<String>> = docs
        .iter()
        .map(|d| d.own_title.as_deref().map(canonical))
        .collect();
    for (i, d) in docs.iter().enumerate() {
        if let Some(n) = &d.own_docnum {
            own_by_number.entry(n.as_str()).or_default().push(i);
        }
        if let Some(t) = &own_titles[i] {
            own_by_title.entry(t.as_str()).or_default().push(i);
        }
    }

    let mut rows: Vec<(usize, IndexRow)> = Vec::with_capacity(groups.len());
    let mut docnum_counts: HashMap<usize, Vec<(String, usize)>> = HashMap::new();
    for (g, acc) in groups {
        // The fullest written form names the document (短 forms and informal organ names are
        // shorter than the title they stand for).
        let title = acc
            .variants
            .iter()
            .map(|(v, _)| v)
            .fold(None::<&String>, |best, v| match best {
                Some(b) if b.chars().count() >= v.chars().count() => Some(b),
                _ => Some(v),
            })
            .cloned()
            .unwrap_or_default();
        // A document of the run is this one when its own number is among the numbers cited;
        // titles decide only where no number is known on either side, since a title alone does
        // not tell the versions of a regulation apart.
        let by_title = |i: &usize| acc.docnums.is_empty() || docs[*i].own_docnum.is_none();
        let mut in_corpus: Vec<usize> = acc
            .docnums
            .iter()
            .flat_map(|(n, _)| own_by_number.get(n.as_str()).cloned().unwrap_or_default())
            .chain(
                acc.canon
                    .iter()
                    .flat_map(|t| own_by_title.get(t.as_str()).cloned().unwrap_or_default())
                    .filter(by_title)
                    .filter(|_| acc.docnums.is_empty()),
            )
            .collect();
        in_corpus.sort_unstable();
        in_corpus.dedup();
        let in_corpus: Vec<String> = in_corpus.iter().map(|&i| docs[i].file.clone()).collect();
        if !acc.docnums.is_empty() {
            docnum_counts.insert(g, acc.docnums.clone());
        }
        rows.push((
            g,
            IndexRow {
                key: String::new(),
                title: title.clone(),
                variants: acc.variants.into_iter().map(|(v, _)| v).collect(),
                docnums: acc.docnums.into_iter().map(|(v, _)| v).collect(),
                kind: acc.kind,
                // The index says what holds today; citations.csv says what held when cited.
                registry_status: if resolve::applies_to(acc.kind) {
                    resolve::Catalogue::global()
                        .status(&title, None)
                        .as_str()
                        .to_string()
                } else {
                    String::new()
                },
                law_status: String::new(),
                repealed_on: String::new(),
                replaced_by: String::new(),
                citing_files: acc.files.len(),
                citations: acc.citations,
                first_file: docs[acc.first.0].file.clone(),
                first_line: acc.first.1,
                in_corpus,
            },
        ));
    }
    rows.sort_by(|(ga, a), (gb, b)| {
        (b.citing_files, b.citations)
            .cmp(&(a.citing_files, a.citations))
            .then(ga.cmp(gb))
    });
    // The key is the number the document is cited with most, unless a more cited document
    // already holds that number (one number carried by two different titles); then its title.
    let mut used = std::collections::HashSet::new();
    let mut key_of: HashMap<usize, (String, String)> = HashMap::new();
    for (g, r) in &mut rows {
        let by_number = docnum_counts.get(g).map(|c| most_frequent(c));
        r.key = match by_number.filter(|n| !used.contains(n)) {
            Some(n) => n,
            None => node_title[*g].clone(),
        };
        used.insert(r.key.clone());
        key_of.insert(*g, (r.key.clone(), r.in_corpus.join(";")));
    }

    let mut edges = Vec::new();
    for (d, gs) in docs.iter().zip(&cite_group) {
        for (c, g) in d.citations.iter().zip(gs) {
            let (key, cited) = &key_of[g];
            edges.push(Edge {
                citing_file: d.file.clone(),
                line: c.line,
                column: c.column,
                page: c.page,
                key: key.clone(),
                cited_file: cited.clone(),
                kind: EdgeKind::Cites,
            });
        }
    }
    (rows.into_iter().map(|(_, r)| r).collect(), edges)
}

/// How many titles of one number are compared with all others (see `build`).
const MAX_TITLES_COMPARED: usize = 64;

/// Counts `v` in `list` (in first-seen order); `at` finds it there by (`which`, value).
fn bump(
    list: &mut Vec<(String, usize)>,
    at: &mut HashMap<(u8, String), usize>,
    which: u8,
    v: &str,
) {
    match at.get(&(which, v.to_string())) {
        Some(&i) => list[i].1 += 1,
        None => {
            at.insert((which, v.to_string()), list.len());
            list.push((v.to_string(), 1));
        }
    }
}

/// The most frequent value; ties go to the first seen.
fn most_frequent(list: &[(String, usize)]) -> String {
    let mut best: Option<&(String, usize)> = None;
    for item in list {
        if best.is_none_or(|b| item.1 > b.1) {
            best = Some(item);
        }
    }
    best.map(|b| b.0.clone()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(line: usize, title: &str, docnum: Option<&str>) -> IndexCitation {
        let n = crate::extract::citation::normalize_title(title);
        IndexCitation {
            line,
            column: 1,
            page: None,
            title: title.into(),
            key: docnum.map(String::from).unwrap_or_else(|| n.clone()),
            normalized_title: n,
            kind: crate::extract::citation::classify(title),
            registry_status: String::new(),
            docnum: docnum.map(String::from),
        }
    }

    #[test]
    fn self_citations_generic_titles_and_forms() {
        let doc = |file: &str, own: Option<&str>, cites: Vec<IndexCitation>| IndexDoc {
            file: file.into(),
            own_title: own.map(crate::extract::citation::normalize_title),
            own_docnum: None,
            citations: cites,
        };
        let docs = vec![
            doc(
                "a.txt",
                Some("甲省河道管理办法"),
                vec![
                    cite(1, "甲省河道管理办法", None),
                    cite(2, "关于修改部分地方性法规的决定", None),
                    cite(3, "受理通知书", None),
                    cite(4, "纲要草案", None),
                ],
            ),
            doc(
                "b.txt",
                None,
                vec![
                    cite(1, "甲省河道管理办法", None),
                    cite(2, "关于修改部分地方性法规的决定", None),
                    cite(4, "纲要草案", None),
                ],
            ),
        ];
        let (rows, edges) = build(&docs);
        let kinds: Vec<(&str, usize, &str)> = edges
            .iter()
            .map(|e| (e.citing_file.as_str(), e.line, e.kind.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("a.txt", 1, "self"),
                ("a.txt", 2, "cites"),
                ("a.txt", 4, "cites"),
                ("b.txt", 1, "cites"),
                ("b.txt", 2, "cites"),
                ("b.txt", 4, "cites"),
            ]
        );
        assert_eq!(edges[0].cited_file, "a.txt");
        // The 办法 is cited by b only; each file's generic titles are its own rows; no form.
        assert_eq!(rows.len(), 5);
        assert!(rows.iter().all(|r| r.citing_files == 1));
        assert!(rows
            .iter()
            .any(|r| r.key == "关于修改部分地方性法规的决定@a.txt"));
        assert!(rows.iter().all(|r| r.title != "受理通知书"));
    }

    #[test]
    fn one_judicial_interpretation_with_and_without_its_issuer() {
        let docs = vec![IndexDoc {
            file: "a.txt".into(),
            citations: vec![
                cite(
                    1,
                    "最高人民法院关于审理某类案件若干问题的解释",
                    Some("法释〔2015〕11号"),
                ),
                cite(
                    2,
                    "关于审理某类案件若干问题的解释",
                    Some("法释〔2015〕11号"),
                ),
            ],
            ..Default::default()
        }];
        let (rows, _) = build(&docs);
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn informal_agency_names_and_prefixes_group_together() {
        assert_eq!(
            canonical("云南省政府办公厅关于X的实施意见"),
            canonical("云南省人民政府办公厅关于X的实施意见")
        );
        assert_eq!(
            canonical("中华人民共和国行政诉讼法"),
            canonical("行政诉讼法")
        );
        assert_ne!(
            canonical("X市政府采购办法"),
            canonical("X市人民政府采购办法2")
        );
    }

    #[test]
    fn numbers_join_only_near_identical_titles() {
        let docs = vec![
            IndexDoc {
                file: "a.txt".into(),
                own_title: None,
                own_docnum: None,
                citations: vec![
                    cite(
                        1,
                        "临川市人民政府关于加强政务数据共享管理的通知",
                        Some("临政发〔2018〕42号"),
                    ),
                    cite(
                        2,
                        "临川市人民政府关于加强政务数据共享管理工作的通知",
                        Some("临政发〔2018〕42号"),
                    ),
                    cite(
                        3,
                        "临川市人民政府关于提升基层应急管理能力的实施意见",
                        Some("临政发〔2018〕42号"),
                    ),
                ],
            },
            IndexDoc {
                file: "b.txt".into(),
                own_title: Some("临川市人民政府关于加强政务数据共享管理的通知".into()),
                own_docnum: None,
                citations: vec![],
            },
            IndexDoc {
                file: "c.txt".into(),
                own_title: None,
                own_docnum: Some("临政发〔2018〕42号".into()),
                citations: vec![cite(
                    5,
                    "临川市人民政府关于加强政务数据共享管理的通知",
                    None,
                )],
            },
        ];
        let (rows, edges) = build(&docs);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].variants.len(), 2);
        assert_eq!((rows[0].citing_files, rows[0].citations), (2, 3));
        assert_eq!(rows[0].key, "临政发〔2018〕42号");
        // b.txt states the title but no number: with a number cited, only numbers decide.
        assert_eq!(rows[0].in_corpus, vec!["c.txt"]);
        assert_eq!(
            rows[1].variants,
            vec!["临川市人民政府关于提升基层应急管理能力的实施意见"]
        );
        assert_eq!(
            rows[1].key,
            "临川市人民政府关于提升基层应急管理能力的实施意见"
        );
        assert_eq!(edges.len(), 4);
        assert_eq!(edges[0].cited_file, "c.txt");
        assert!(edges.iter().all(|e| e.kind == EdgeKind::Cites));
        let plain = vec![
            IndexDoc {
                file: "c.txt".into(),
                citations: vec![cite(1, "平江县河道管理办法", None)],
                ..Default::default()
            },
            IndexDoc {
                file: "d.txt".into(),
                own_title: Some("平江县河道管理办法".into()),
                ..Default::default()
            },
        ];
        let (rows, edges) = build(&plain);
        assert_eq!(rows[0].in_corpus, vec!["d.txt"]);
        assert_eq!(edges[0].cited_file, "d.txt");
    }
}
