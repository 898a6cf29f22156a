//! The catalogue of national laws, administrative regulations and judicial interpretations
//! (`dicts/national-laws.csv`), and the in-force / repealed status of a cited title.
//!
//! The catalogue is partial: a title missing from it is `unknown`, never "does not exist".

use std::collections::HashMap;
use std::sync::LazyLock;

const CATALOGUE: &str = include_str!("../../dicts/national-laws.csv");
const HISTORY: &str = include_str!("../../dicts/law-history.csv");

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

/// A calendar day, (year, month, day).
pub type Date = (i32, u32, u32);

/// Status of a citation against the catalogue, on the citing document's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    InForce,
    Repealed,
    /// The citation names a 修正/修订 version that a later amendment had replaced by then.
    AmendedSince,
    NotYetInForce,
    Unknown,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::InForce => "in-force",
            Status::Repealed => "repealed",
            Status::AmendedSince => "amended-since",
            Status::NotYetInForce => "not-yet-in-force",
            Status::Unknown => "unknown",
        }
    }

    /// The three-valued `registry_status` of the tables: in force, repealed or unknown.
    pub fn registry(&self) -> Status {
        match self {
            Status::AmendedSince => Status::InForce,
            Status::NotYetInForce => Status::Unknown,
            s => *s,
        }
    }
}

/// What the catalogue's history knows of one text (`dicts/law-history.csv`, mined from the
/// texts themselves by `scripts/mine-law-history.py`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Full title (laws with the 中华人民共和国 prefix).
    pub title: String,
    pub level: String,
    pub issuer: String,
    /// 令 number, when the text was issued by one.
    pub number: String,
    pub adopted: Option<Date>,
    pub in_force: Option<Date>,
    /// Amendments and new versions, oldest first.
    pub amended: Vec<Date>,
    pub repealed: Option<Date>,
    pub replaced_by: String,
    /// Where the facts were read: bench path and line, `;`-separated.
    pub source: String,
    /// The sentences the facts came from, ` | `-separated.
    pub evidence: String,
}

/// When the citing document was written: a day when it says so, else the year of its number
/// (any day of it), else the run's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate {
    pub earliest: Date,
    pub latest: Date,
    /// The citation index's view of the run's date: a text the catalogue marks expired on a
    /// day nobody recorded counts as repealed only there.
    pub today: bool,
}

impl DocDate {
    pub fn day(d: Date) -> DocDate {
        DocDate {
            earliest: d,
            latest: d,
            today: false,
        }
    }

    pub fn year(y: i32) -> DocDate {
        DocDate {
            earliest: (y, 1, 1),
            latest: (y, 12, 31),
            today: false,
        }
    }

    /// The run's date as the citation index sees it.
    pub fn today_view(d: Date) -> DocDate {
        DocDate {
            today: true,
            ..DocDate::day(d)
        }
    }
}

/// The status of one citation, with the repeal it rests on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    pub status: Option<Status>,
    pub repealed_on: Option<Date>,
    pub replaced_by: String,
}

/// `YYYY-MM-DD`.
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

/// Today's date (UTC), from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

/// The Gregorian date `days` after 1970-01-01 (H. Hinnant's civil-from-days).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// Parses `YYYY-MM-DD` (the form of `--as-of` and of the catalogue's dates).
pub fn parse_date(s: &str) -> Option<Date> {
    let d = date(s)?;
    let leap = d.0 % 4 == 0 && (d.0 % 100 != 0 || d.0 % 400 == 0);
    let days = match d.1 {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d.2).then_some(d)
}

/// The catalogue, indexed by normalised name.
pub struct Catalogue {
    entries: Vec<Entry>,
    by_key: HashMap<String, Vec<usize>>,
    histories: Vec<History>,
    history_by_key: HashMap<String, usize>,
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

static VERSION: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\(([0-9]{4})年?(?:修正|修订|修改)(?:本|文本)?\)$").unwrap()
});

/// The key a citation is looked up under, and the year of the version it names: 《行政复议法
/// (2017年修正)》 is the 行政复议法 as amended in 2017; a 编 of the civil code (合同编) is the code.
pub fn lookup_key(title: &str) -> (String, Option<i32>) {
    let k = key(title);
    let (k, version) = match VERSION.captures(&k) {
        Some(c) => (
            k[..c.get(0).map_or(k.len(), |m| m.start())].to_string(),
            c[1].parse().ok(),
        ),
        None => (k, None),
    };
    if let Some(rest) = k.strip_prefix("民法典") {
        if rest.trim_start_matches(['·', '•', '・']).ends_with('编') {
            return ("民法典".to_string(), version);
        }
    }
    (k, version)
}

fn dates(s: &str) -> Vec<Date> {
    let mut v: Vec<Date> = s.split(';').filter_map(date).collect();
    v.sort_unstable();
    v.dedup();
    v
}

impl History {
    /// Status on the citing document's date, of the version named (by year) or of the text.
    fn resolve(&self, version: Option<i32>, on: DocDate) -> Resolution {
        let status = |s| Resolution {
            status: Some(s),
            ..Default::default()
        };
        if let Some(r) = self.repealed.filter(|r| *r <= on.earliest) {
            return Resolution {
                status: Some(Status::Repealed),
                repealed_on: Some(r),
                replaced_by: self.replaced_by.clone(),
            };
        }
        // Written before the text existed: it cites some other text of that name.
        if self
            .adopted
            .or(self.in_force)
            .is_some_and(|start| on.latest < start)
        {
            return status(Status::Unknown);
        }
        // Between adoption and taking effect; once amended, the in-force date is the current
        // version's, not the first one's.
        if self.amended.is_empty() && self.in_force.is_some_and(|f| on.latest < f) {
            return status(Status::NotYetInForce);
        }
        if let Some(v) = version {
            if self.amended.iter().any(|a| a.0 > v && *a <= on.earliest) {
                return status(Status::AmendedSince);
            }
        }
        status(Status::InForce)
    }
}

impl Catalogue {
    fn parse(text: &str, history: &str) -> Catalogue {
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
        let mut histories = Vec::new();
        let mut history_by_key = HashMap::new();
        let mut reader = csv::Reader::from_reader(history.as_bytes());
        for rec in reader.records().flatten() {
            let get = |i: usize| rec.get(i).unwrap_or("").to_string();
            let h = History {
                title: get(0),
                level: get(1),
                issuer: get(2),
                number: get(3),
                adopted: date(&get(4)),
                in_force: date(&get(5)),
                amended: dates(&get(6)),
                repealed: date(&get(7)),
                replaced_by: get(8),
                source: get(9),
                evidence: get(10),
            };
            history_by_key.insert(key(&h.title), histories.len());
            histories.push(h);
        }
        Catalogue {
            entries,
            by_key,
            histories,
            history_by_key,
        }
    }

    /// The embedded catalogue, parsed on first use.
    pub fn global() -> &'static Catalogue {
        static CAT: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::parse(CATALOGUE, HISTORY));
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

    /// What the history knows of `title` (any form: short, with the prefix, a named version).
    pub fn history(&self, title: &str) -> Option<&History> {
        let (k, _) = lookup_key(title);
        self.history_by_key.get(&k).map(|&i| &self.histories[i])
    }

    /// The catalogue's texts whose key contains `part`, for a lookup by part of a name.
    pub fn search(&self, part: &str) -> Vec<&History> {
        let part = key(part);
        let mut found: Vec<&History> = self
            .histories
            .iter()
            .filter(|h| key(&h.title).contains(&part))
            .collect();
        found.sort_by_key(|h| (key(&h.title) != part, h.title.chars().count()));
        found
    }

    /// Status of `title` as cited in a document written `on`.
    pub fn resolve(&self, title: &str, on: DocDate) -> Resolution {
        let (k, version) = lookup_key(title);
        if let Some(h) = self.history_by_key.get(&k).map(|&i| &self.histories[i]) {
            return h.resolve(version, on);
        }
        let status = |s| Resolution {
            status: Some(s),
            ..Default::default()
        };
        let versions: Vec<&Entry> = self
            .by_key
            .get(&k)
            .map(|v| v.iter().map(|&i| &self.entries[i]).collect())
            .unwrap_or_default();
        if versions.is_empty()
            || versions
                .iter()
                .all(|v| v.published.is_some_and(|p| p > on.latest))
        {
            return status(Status::Unknown);
        }
        if versions.iter().any(|v| !v.expired) {
            return status(Status::InForce);
        }
        // Expired, but on a day nobody recorded: only today's view can call it repealed.
        status(if on.today {
            Status::Repealed
        } else {
            Status::Unknown
        })
    }

    /// Status of `title` as cited in a document of `year` (today when unknown).
    pub fn status(&self, title: &str, year: Option<i32>) -> Status {
        let on = year.map_or_else(|| DocDate::today_view(today()), DocDate::year);
        self.resolve(title, on).status.unwrap_or(Status::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(y: i32, m: u32, d: u32) -> DocDate {
        DocDate::day((y, m, d))
    }

    #[test]
    fn statuses_on_the_citing_date() {
        let cat = Catalogue::global();
        assert!(cat.len() > 1500);
        let r = cat.resolve("信访条例", on(2022, 8, 1));
        assert_eq!(r.status, Some(Status::Repealed));
        assert_eq!(r.repealed_on, Some((2022, 5, 1)));
        assert_eq!(r.replaced_by, "信访工作条例");
        // Before the successor took effect, the old regulation was in force.
        assert_eq!(
            cat.resolve("信访条例", on(2010, 3, 1)).status,
            Some(Status::InForce)
        );
        // A year only: repealed when the repeal came before the whole year.
        assert_eq!(cat.status("信访条例", Some(2022)), Status::InForce);
        assert_eq!(cat.status("信访条例", Some(2023)), Status::Repealed);
        assert_eq!(cat.status("信访工作条例", Some(2022)), Status::InForce);
        assert_eq!(
            cat.status("中华人民共和国行政诉讼法", Some(2022)),
            Status::InForce
        );
        assert_eq!(cat.status("民法典", None), Status::InForce);
        // Amended laws stay in force, whatever the year of the citing document.
        assert_eq!(cat.status("民事诉讼法", Some(2022)), Status::InForce);
        assert_eq!(cat.status("民事诉讼法", Some(2008)), Status::InForce);
        assert_eq!(cat.status("云南省优化营商环境条例", None), Status::Unknown);
    }

    #[test]
    fn short_and_historical_forms() {
        let cat = Catalogue::global();
        let r = cat.resolve("合同法", on(2022, 3, 1));
        assert_eq!(r.status, Some(Status::Repealed));
        assert_eq!(r.repealed_on, Some((2021, 1, 1)));
        assert_eq!(r.replaced_by, "中华人民共和国民法典");
        assert_eq!(
            cat.resolve("中华人民共和国合同法", on(2019, 3, 1)).status,
            Some(Status::InForce)
        );
        assert_eq!(
            lookup_key("中华人民共和国行政复议法（2017年修正）"),
            ("行政复议法".to_string(), Some(2017))
        );
        assert_eq!(lookup_key("民法典·合同编").0, "民法典");
        assert_eq!(lookup_key("中华人民共和国民法典合同编").0, "民法典");
        assert_eq!(
            cat.resolve("民法典合同编", on(2022, 1, 1)).status,
            Some(Status::InForce)
        );
        // A named version that a later amendment replaced before the citing document.
        assert_eq!(
            cat.resolve("民事诉讼法（2017年修正）", on(2022, 6, 1))
                .status,
            Some(Status::AmendedSince)
        );
        assert_eq!(
            cat.resolve("民事诉讼法（2017年修正）", on(2019, 6, 1))
                .status,
            Some(Status::InForce)
        );
        // The trial version is a text of its own, replaced by the final law.
        let r = cat.resolve("企业破产法（试行）", on(2010, 1, 1));
        assert_eq!(r.status, Some(Status::Repealed));
        assert_eq!(r.replaced_by, "中华人民共和国企业破产法");
        // Adopted, not yet in force.
        assert_eq!(
            cat.resolve("民法典", on(2020, 8, 1)).status,
            Some(Status::NotYetInForce)
        );
    }

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("2024/01/01"), None);
    }
}
