//! The catalogue of national laws, administrative regulations and judicial interpretations
//! (`dicts/national-laws.csv`), and the in-force / repealed status of a cited title.
//!
//! The catalogue is partial: a title missing from it is `unknown`, never "does not exist".

use std::collections::HashMap;
use std::sync::LazyLock;

const CATALOGUE: &str = include_str!("../../dicts/national-laws.csv");

/// One version of a catalogued text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub level: String,
    /// As commonly cited (laws without the 中华人民共和国 prefix).
    pub name: String,
    pub published: Option<(i32, u32, u32)>,
    pub valid_from: Option<(i32, u32, u32)>,
    pub expired: bool,
}

/// Status of a citation against the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    InForce,
    Repealed,
    Unknown,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::InForce => "in-force",
            Status::Repealed => "repealed",
            Status::Unknown => "unknown",
        }
    }
}

/// The catalogue, indexed by normalised name.
pub struct Catalogue {
    entries: Vec<Entry>,
    /// `key` of each entry's name, made once: finding a successor compares it with every entry.
    keys: Vec<String>,
    by_key: HashMap<String, Vec<usize>>,
}

fn date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}

/// The comparison key of a title: the one title key of the index (catalogue names carry no
/// informal organ names, so its expansion of them changes nothing here).
pub fn key(title: &str) -> String {
    crate::extract::citation::title_key(title)
}

impl Catalogue {
    fn parse(text: &str) -> Catalogue {
        let mut entries = Vec::new();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for rec in reader.records().flatten() {
            let get = |i: usize| rec.get(i).unwrap_or("").to_string();
            entries.push(Entry {
                level: get(0),
                name: get(1),
                published: date(&get(2)),
                valid_from: date(&get(3)),
                expired: get(4).trim() == "1",
            });
        }
        let keys: Vec<String> = entries.iter().map(|e| key(&e.name)).collect();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_key.entry(keys[i].clone()).or_default().push(i);
            // Parts of a code are catalogued as "民法典 总则"; the code itself is cited whole.
            if let Some((whole, _)) = e.name.split_once(' ') {
                by_key.entry(key(whole)).or_default().push(i);
            }
        }
        for v in by_key.values_mut() {
            v.sort_by_key(|&i| entries[i].published);
            v.dedup();
        }
        Catalogue {
            entries,
            keys,
            by_key,
        }
    }

    /// The embedded catalogue, parsed on first use.
    pub fn global() -> &'static Catalogue {
        static CAT: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::parse(CATALOGUE));
        &CAT
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every version catalogued under `title`, oldest first.
    pub fn versions(&self, title: &str) -> Vec<&Entry> {
        self.by_key
            .get(&key(title))
            .map(|v| v.iter().map(|&i| &self.entries[i]).collect())
            .unwrap_or_default()
    }

    /// Status of `title` as cited in a document of `year`: in force if a version was in force
    /// then (or is now, when the year is unknown); repealed if every version has expired and,
    /// when a successor is known, the successor had taken effect by that year.
    pub fn status(&self, title: &str, year: Option<i32>) -> Status {
        let versions = self.versions(title);
        if versions.is_empty() {
            return Status::Unknown;
        }
        if let Some(y) = year {
            // Every catalogued version is younger than the citing document: the version it
            // cites is not in the catalogue.
            if versions
                .iter()
                .all(|v| v.published.is_some_and(|(py, _, _)| py > y))
            {
                return Status::Unknown;
            }
        }
        if versions.iter().any(|v| !v.expired) {
            return Status::InForce;
        }
        match (year, self.successor(title)) {
            (Some(y), Some(s)) => {
                let took_effect = s.valid_from.or(s.published).map(|(sy, _, _)| sy);
                if took_effect.is_some_and(|sy| sy > y) {
                    Status::InForce
                } else {
                    Status::Repealed
                }
            }
            _ => Status::Repealed,
        }
    }

    /// An in-force text that replaced a repealed one: same form (…条例, …法, …规定) and the same
    /// subject stem, published later (信访条例 → 信访工作条例).
    pub fn successor(&self, title: &str) -> Option<&Entry> {
        let versions = self.versions(title);
        let last = versions.last()?;
        let name = key(&last.name);
        const FORMS: &[&str] = &["条例", "法", "规定", "办法", "细则", "解释", "规则"];
        let form = FORMS.iter().find(|f| name.ends_with(*f))?;
        let stem = name.strip_suffix(form)?;
        let stem = stem.strip_suffix("暂行").unwrap_or(stem);
        if stem.chars().count() < 2 {
            return None;
        }
        self.entries
            .iter()
            .zip(&self.keys)
            .filter(|(e, k)| !e.expired && **k != name)
            .filter(|(_, k)| k.ends_with(form) && k.contains(stem))
            .map(|(e, _)| e)
            .filter(|e| e.published >= last.published)
            .min_by_key(|e| (e.published, e.name.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_from_the_catalogue() {
        let cat = Catalogue::global();
        assert!(cat.len() > 1500);
        assert_eq!(cat.status("信访条例", Some(2022)), Status::Repealed);
        assert_eq!(
            cat.successor("信访条例").map(|e| e.name.as_str()),
            Some("信访工作条例")
        );
        assert_eq!(cat.status("信访工作条例", Some(2022)), Status::InForce);
        assert_eq!(
            cat.status("中华人民共和国行政诉讼法", Some(2022)),
            Status::InForce
        );
        assert_eq!(cat.status("民法典", None), Status::InForce);
        // Amended laws stay in force: the old version expired when the new one came.
        assert_eq!(cat.status("民事诉讼法", Some(2022)), Status::InForce);
        assert_eq!(cat.status("云南省优化营商环境条例", None), Status::Unknown);
        // Before the successor took effect, the old regulation was in force.
        assert_eq!(cat.status("信访条例", Some(2010)), Status::InForce);
    }
}
