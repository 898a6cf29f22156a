//! `title-near-duplicate`: two titles that differ by a word or two, one likely a miscopied title.

use std::collections::{HashMap, HashSet};

use super::{
    batch_located, canonical_title, core, in_catalogue, on_history_line, Titled, PLACE_PREFIX,
};
use crate::check::{
    BatchDoc, Check, DocContext, Finding, Findings, Located, Rule, Scope, Severity,
};

pub static TITLE_NEAR_DUPLICATE: Rule = Rule {
    id: "title-near-duplicate",
    severity: Severity::Warning,
    scope: Scope::Both,
    summary: "两个标题仅差一两个词，疑为同一文件标题抄错",
    doc: "检查：本文或本批文件中两个书名号标题文种相同，一个比另一个在中间多出1—3个字（如漏写“程序”）。\n\
          原因：引用文件标题须与原标题一字不差；漏字、添字后标题指向一份并不存在的文件。\n\
          错误：《云南省重大行政决策规定》与《云南省重大行政决策程序规定》并见\n\
          正确：统一为准确的全称《云南省重大行政决策程序规定》。\n\
          不报告：两个标题都在法规目录中（如《信访条例》与《信访工作条例》）；多出的是“暂行”“试行”“实施”“若干”等\n\
          表示另一文件的词，或年份、届次数字；不同文件中的条例、法多出的是“管理”“保护”“监督”“监察”“促进”（法规重新\
          制定时常改名，如《浙江省旅游管理条例》与《浙江省旅游条例》是新旧两部法规）；法规沿革行中的修改决定；多出的字在书名号内所引的法律名称中（实施〈水法〉办法与实施〈水土保持法〉办法）；多出的字紧接在地名之后（《江澄省消防条例》与《江澄省森林消防条例》\n\
          是两部法规）；两个标题各自括注了发文字号；标题中含“关于修改（废止）”的决定（所改法规可能已更名）。只有一字之差而非多字少字的两个标题（《道路运输条例》与\n\
          《水路运输条例》）不报告。较少出现的（次数相同时较短的）一处报告，并给出另一处的位置。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "Two titles that differ by a word or two, likely one miscopied title",
    doc_en: "Checks: two titles in 《》 of the same kind in this document or the batch, one with 1 to 3 more characters in\n\
         the middle than the other (such as a missing “程序”).\n\
         Why: a cited title must match the original to the character; a title with a character missing or added\n\
         points to a document that does not exist.\n\
         Wrong: both 《云南省重大行政决策规定》 and 《云南省重大行政决策程序规定》\n\
         Right: the exact full title 《云南省重大行政决策程序规定》 throughout.\n\
         Not reported: both titles in the catalogue of laws (such as 《信访条例》 and 《信访工作条例》); extra words that\n\
         name another document, such as “暂行”, “试行”, “实施”, “若干”, or numbers of years and sessions; across\n\
         documents, a 条例 or 法 with “管理”, “保护”, “监督”, “监察”, “促进” (a regulation rewritten under a new name: 《浙江省旅游管理条例》 and\n\
         《浙江省旅游条例》 are the old and the new one); the amending decisions of a revision-history line; extra\n\
         characters inside the name of the law a title implements (实施〈水法〉办法 and 实施〈水土保持法〉办法); extra\n\
         characters right after a place name (《江澄省消防条例》 and 《江澄省森林消防条例》 are two regulations); both\n\
         titles followed by their own document numbers; decisions whose title holds “关于修改（废止）” (the amended law may have been\n\
         renamed). Two titles that differ by one replaced character rather than added ones (《道路运输条例》 and\n\
         《水路运输条例》) are not reported. The rarer one (the shorter one, on a tie) is reported, with the place of the other.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Both(near_duplicate_doc, near_duplicate_batch),
    safe_fix: false,
};

/// Words whose insertion makes another document, not a misquote: 《条例》 and 《暂行条例》.
const OTHER_DOCUMENT_WORDS: &[&str] = &[
    "暂行",
    "试行",
    "实施",
    "若干",
    "补充",
    "修订",
    "修正",
    "草案",
    "征求意见稿",
    "送审稿",
    "细则",
    "规定",
    "办法",
    "意见",
    "通知",
    "决定",
];

/// Words that a regulation gains or loses when it is replaced by a new one under a new name.
const RENAMING_WORDS: &[&str] = &["管理", "保护", "监督", "监察", "促进"];

/// Genre endings two near-duplicate titles must share.
const GENRES: &[&str] = &[
    "规定", "办法", "条例", "意见", "规划", "通知", "纲要", "方案", "细则", "决定", "规则", "制度",
    "计划", "措施", "法",
];

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十百千两".contains(c)
}

/// When `long` is `short` with 1–3 characters inserted inside, the inserted text.
fn inserted<'a>(short: &str, long: &'a str) -> Option<&'a str> {
    let s: Vec<char> = short.chars().collect();
    let l: Vec<char> = long.chars().collect();
    let d = l.len().checked_sub(s.len())?;
    if !(1..=3).contains(&d) || s.len() < 6 {
        return None;
    }
    let p = s.iter().zip(&l).take_while(|(a, b)| a == b).count();
    let q = s
        .iter()
        .rev()
        .zip(l.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    // The inserted run sits between the common prefix and suffix; with repeated characters
    // several places fit, and the one after the longest common prefix is taken.
    if p + q < s.len() || p == 0 {
        return None;
    }
    let start = p;
    let byte = |i: usize| l.iter().take(i).map(|c| c.len_utf8()).sum::<usize>();
    Some(&long[byte(start)..byte(start + d)])
}

/// Whether two distinct normalised titles look like one title misquoted.
fn near_duplicate(a: &str, b: &str, across_documents: bool) -> Option<String> {
    let (ca, cb) = (core(a), core(b));
    if ca == cb {
        return None;
    }
    let (short, long) = if ca.chars().count() <= cb.chars().count() {
        (ca, cb)
    } else {
        (cb, ca)
    };
    let genre = GENRES.iter().find(|g| short.ends_with(*g))?;
    if !long.ends_with(genre) {
        return None;
    }
    // Amending and repealing decisions name the old title of a law, which may since have changed,
    // and their own titles differ by what they do (国务院关于修改部分行政法规的决定 and 国务院关于
    // 废止和修改部分行政法规的决定 are decisions of different years).
    if ["关于修改", "关于废止"]
        .iter()
        .any(|p| a.contains(p) || b.contains(p))
    {
        return None;
    }
    let ins = inserted(short, long)?;
    // 旅游条例 and 旅游管理条例, 专利条例 and 专利保护条例 in two documents: a regulation renamed
    // when it was rewritten, both titles real, one repealed by the other. Within one document
    // the pair is far likelier a slip.
    // Legislation (条例, 法) is what is re-enacted under a new name; a 办法 or a 规定 that
    // lost 管理 in another draft is a slip.
    let legislation = long.ends_with("条例") || long.ends_with('法') && !long.ends_with("办法");
    if across_documents && legislation && RENAMING_WORDS.contains(&ins) {
        return None;
    }
    // 实施〈水法〉办法 and 实施〈水土保持法〉办法 implement two different laws.
    if let Some(at) = long.find(ins) {
        let before = &long[..at];
        if before.matches(['〈', '《', '<']).count() > before.matches(['〉', '》', '>']).count()
        {
            return None;
        }
    }
    if ins.chars().any(is_numeral)
        || OTHER_DOCUMENT_WORDS
            .iter()
            .any(|w| ins.contains(w) || w.contains(ins))
        || ins.contains(['(', ')', '《', '》'])
    {
        return None;
    }
    // Inserted right after the place name: another scope, another regulation.
    if let Some(m) = PLACE_PREFIX.find(short) {
        let at = long.find(ins).unwrap_or(0);
        if at == m.end() {
            return None;
        }
    }
    if in_catalogue(short) && in_catalogue(long) {
        return None;
    }
    Some(ins.to_string())
}

/// Near-duplicate pairs (odd one, other, inserted text) over distinct titles, reported once per
/// pair: at the rarer title (the shorter on a tie, since a dropped word is the common slip).
fn near_duplicate_pairs(items: &[Titled], skip_co_occurring: bool) -> Vec<(usize, usize, String)> {
    // distinct normalised title → (first index, count, docs, numbered)
    let mut distinct: Vec<(String, usize, usize, HashSet<usize>, bool)> = Vec::new();
    let mut pos: HashMap<&str, usize> = HashMap::new();
    for (i, t) in items.iter().enumerate() {
        match pos.get(t.normalized.as_str()) {
            Some(&k) => {
                distinct[k].2 += 1;
                distinct[k].3.insert(t.doc);
                distinct[k].4 |= t.numbered;
            }
            None => {
                pos.insert(&t.normalized, distinct.len());
                distinct.push((
                    t.normalized.clone(),
                    i,
                    1,
                    HashSet::from([t.doc]),
                    t.numbered,
                ));
            }
        }
    }
    // Comparing every pair of titles grows with the square of their number, and so does
    // comparing those that share a first or last half (titles of one issuer share their start).
    // A near duplicate is the other with a run of 1–3 characters inserted: deleting that run
    // from the longer core gives the shorter. So each core of 6 characters or more is indexed
    // by a hash of its characters, and each longer core looks up every core it gives with a run
    // of 1–3 characters deleted; the pairs found are then compared as before (a hash that
    // collides only adds a pair that the comparison rejects).
    let cores: Vec<Vec<char>> = distinct
        .iter()
        .map(|d| core(&d.0).chars().collect())
        .collect();
    let hashes: Vec<PrefixHash> = cores.iter().map(|c| PrefixHash::new(c)).collect();
    let mut index: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, c) in cores.iter().enumerate() {
        if c.len() >= 6 {
            index
                .entry((c.len(), hashes[i].of(0, c.len())))
                .or_default()
                .push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (j, c) in cores.iter().enumerate() {
        let m = c.len();
        let h = &hashes[j];
        for d in 1..=3 {
            let Some(n) = m.checked_sub(d).filter(|&n| n >= 6) else {
                continue;
            };
            for k in 0..=n {
                let key = h.joined(k, k + d, m);
                for &i in index.get(&(n, key)).into_iter().flatten() {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut out = Vec::new();
    for (x, y) in pairs {
        let (a, b) = (&distinct[x], &distinct[y]);
        if a.4 && b.4 {
            continue;
        }
        if skip_co_occurring && !a.3.is_disjoint(&b.3) {
            continue;
        }
        let Some(ins) = near_duplicate(&a.0, &b.0, skip_co_occurring) else {
            continue;
        };
        let odd_is_a = match a.2.cmp(&b.2) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Greater => false,
            std::cmp::Ordering::Equal => a.0.chars().count() <= b.0.chars().count(),
        };
        let (odd, other) = if odd_is_a { (a.1, b.1) } else { (b.1, a.1) };
        out.push((odd, other, ins));
    }
    out
}

/// Polynomial hashes of the prefixes of a sequence of characters, so that the hash of any
/// part of it, or of it with a run taken out, costs a few multiplications.
struct PrefixHash {
    prefix: Vec<u64>,
    power: Vec<u64>,
}

impl PrefixHash {
    const BASE: u64 = 0x100_0000_01b3;

    fn new(c: &[char]) -> PrefixHash {
        let mut prefix = Vec::with_capacity(c.len() + 1);
        let mut power = Vec::with_capacity(c.len() + 1);
        let (mut h, mut p) = (0u64, 1u64);
        prefix.push(h);
        power.push(p);
        for &ch in c {
            h = h.wrapping_mul(Self::BASE).wrapping_add(u64::from(ch) + 1);
            p = p.wrapping_mul(Self::BASE);
            prefix.push(h);
            power.push(p);
        }
        PrefixHash { prefix, power }
    }

    /// The hash of characters `a..b`.
    fn of(&self, a: usize, b: usize) -> u64 {
        self.prefix[b].wrapping_sub(self.prefix[a].wrapping_mul(self.power[b - a]))
    }

    /// The hash of characters `..a` followed by `b..end`, as `new` would give it.
    fn joined(&self, a: usize, b: usize, end: usize) -> u64 {
        self.of(0, a)
            .wrapping_mul(self.power[end - b])
            .wrapping_add(self.of(b, end))
    }
}

fn near_duplicate_message(odd: &Titled, other: &Titled, ins: &str) -> String {
    let shorter = odd.normalized.chars().count() < other.normalized.chars().count();
    let how = if shorter {
        msg!(zh = "少了“{ins}”", en = "lacks “{ins}”")
    } else {
        msg!(zh = "多了“{ins}”", en = "has an extra “{ins}”")
    };
    msg!(
        zh = "《{}》与另一处的《{}》相比{how}，疑为同一文件的标题抄错；引用标题须与原文一致，应核对原文后统一为准确全称",
        en = "《{}》 {how} compared with 《{}》 elsewhere, likely a miscopied title of the same document; a cited title must match the original, so check it and use the exact full title throughout",
        odd.written, other.written
    )
}

fn titled_of_doc(ctx: &DocContext) -> Vec<Titled> {
    ctx.citations
        .iter()
        .filter(|c| !on_history_line(ctx.doc, c.span.start))
        .map(|c| Titled {
            doc: 0,
            normalized: canonical_title(&c.normalized_title),
            written: c.title.clone(),
            numbered: c.docnum.is_some(),
            span: Some(c.span),
            at: None,
        })
        .collect()
}

fn titled_of_batch(docs: &[BatchDoc]) -> Vec<Titled> {
    let mut out = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        for c in &d.citations {
            out.push(Titled {
                doc: i,
                normalized: canonical_title(&c.normalized_title),
                written: c.title.clone(),
                numbered: c.docnum.is_some(),
                span: None,
                at: Some(c.at.clone()),
            });
        }
    }
    out
}

fn near_duplicate_doc(ctx: &DocContext, out: &mut Findings) {
    let items = titled_of_doc(ctx);
    for (odd, other, ins) in near_duplicate_pairs(&items, false) {
        let (o, t) = (&items[odd], &items[other]);
        if let (Some(s), Some(r)) = (o.span, t.span) {
            out.push(
                Finding::new(
                    TITLE_NEAR_DUPLICATE.id,
                    s,
                    near_duplicate_message(o, t, &ins),
                )
                .with_related(r),
            );
        }
    }
}

fn near_duplicate_batch(docs: &[BatchDoc], out: &mut Vec<Located>) {
    let items = titled_of_batch(docs);
    for (odd, other, ins) in near_duplicate_pairs(&items, true) {
        let (o, t) = (&items[odd], &items[other]);
        if let (Some(a), Some(r)) = (&o.at, &t.at) {
            out.push(batch_located(
                TITLE_NEAR_DUPLICATE.id,
                a,
                r,
                format!("《{}》", o.written),
                near_duplicate_message(o, t, &ins),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn near_duplicate_pairs_are_those_of_every_pair() {
        // Titles cited in real documents, and each of some of them with characters inserted at
        // the start, inside and at the end, and dropped.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let title = Regex::new(r"《([^《》\n]{2,60})》").unwrap();
        let mut titles: Vec<String> = Vec::new();
        for dir in [root.join("corpus"), root.join("../shared/corpus/real")] {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    titles.extend(title.captures_iter(&t).map(|c| c[1].to_string()));
                }
            }
        }
        let mut seen = HashSet::new();
        titles.retain(|t| seen.insert(t.clone()));
        let base: Vec<Vec<char>> = titles
            .iter()
            .take(300)
            .map(|t| t.chars().collect())
            .collect();
        for t in base.iter().filter(|t| t.len() >= 6) {
            let n = t.len();
            for (at, ins) in [
                (0, "省"),
                (n / 2, "实施"),
                (n - 2, "管理"),
                (n, "办法"),
                (1, "市级"),
            ] {
                let mut v = t.clone();
                v.splice(at..at, ins.chars());
                titles.push(v.into_iter().collect());
            }
            titles.push(t[..n / 2].iter().chain(&t[n / 2 + 1..]).collect());
        }
        let mut uniq = HashSet::new();
        titles.retain(|t| uniq.insert(t.clone()));
        let items: Vec<Titled> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| Titled {
                doc: i % 7,
                normalized: t.clone(),
                written: t.clone(),
                numbered: i % 11 == 0,
                span: None,
                at: None,
            })
            .collect();
        let mut want = Vec::new();
        for x in 0..items.len() {
            for y in x + 1..items.len() {
                let (a, b) = (&items[x], &items[y]);
                if a.numbered && b.numbered {
                    continue;
                }
                if let Some(ins) = near_duplicate(&a.normalized, &b.normalized, false) {
                    let a_odd = a.normalized.chars().count() <= b.normalized.chars().count();
                    want.push(if a_odd { (x, y, ins) } else { (y, x, ins) });
                }
            }
        }
        // 97 pairs from corpus/ alone, more with the shared corpus beside the checkout.
        assert!(want.len() > 50, "{}", want.len());
        assert_eq!(near_duplicate_pairs(&items, false), want);
    }

    #[test]
    fn a_core_with_a_run_deleted_hashes_as_the_shorter_core() {
        let long: Vec<char> = "云南省重大行政决策程序规定".chars().collect();
        let short: Vec<char> = "云南省重大行政决策规定".chars().collect();
        let (hl, hs) = (PrefixHash::new(&long), PrefixHash::new(&short));
        assert_eq!(hl.joined(9, 11, long.len()), hs.of(0, short.len()));
        assert_ne!(hl.joined(8, 10, long.len()), hs.of(0, short.len()));
    }

    #[test]
    fn near_duplicates_and_their_guards() {
        assert_eq!(
            near_duplicate("云南省重大行政决策规定", "云南省重大行政决策程序规定", true).as_deref(),
            Some("程序")
        );
        // Renamed when rewritten: two real regulations across documents, a slip within one.
        assert_eq!(
            near_duplicate("浙江省旅游条例", "浙江省旅游管理条例", true),
            None
        );
        assert_eq!(
            near_duplicate("浙江省旅游条例", "浙江省旅游管理条例", false).as_deref(),
            Some("管理")
        );
        for (a, b) in [
            ("江澄省消防条例", "江澄省森林消防条例"),
            ("江澄省道路运输条例", "江澄省水路运输条例"),
            ("信访条例", "信访工作条例"),
            ("江澄省安全生产条例", "江澄省安全生产暂行条例"),
            ("第十四个五年规划纲要", "第十五个五年规划纲要"),
            ("临川市物业管理办法", "临川市物业管理规定"),
            (
                "国务院关于修改部分行政法规的决定",
                "国务院关于废止和修改部分行政法规的决定",
            ),
        ] {
            assert_eq!(near_duplicate(a, b, false), None, "{a} {b}");
        }
    }
}
