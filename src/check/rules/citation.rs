//! Citation and title rules (rules.md §B): how a document is cited (title first, then its number
//! in full-width parentheses), whether the quoted title is the document's exact title, and the
//! punctuation of 书名号.
//!
//! "The same document" is decided by the normalised title (brackets, dashes and spaces unified,
//! informal organ names restored to 人民政府) together with the numbers written after it, so one
//! document quoted with 省政府办公厅 once and 省人民政府办公厅 once is one document, and each slip
//! in quoting it is a finding of its own.

pub mod law_currency;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::check::{
    BatchDoc, Check, DocContext, Finding, Located, Location, Rule, Scope, Severity,
};
use crate::extract::citation::{normalize_title, title_issuer, CitationKind};
use crate::extract::docnum::{self, Role};
use crate::i18n::tr;
use crate::span::Span;

pub static CITATION_ORDER: Rule = Rule {
    id: "citation-order",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "引用公文先写了发文字号后写标题，或只写字号未写标题",
    doc: "检查：发文字号写在所引标题之前（根据国发〔2018〕27号《……》）；或以“根据/按照/依据/依照”引出发文字号，\n\
          而全文从未写出该字号所属文件的标题。\n\
          原因：引用公文应先引标题，后引发文字号，字号括注在标题之后。\n\
          错误：根据澄财预〔2020〕53号《江澄省财政厅关于……的通知》\n\
          正确：根据《江澄省财政厅关于……的通知》（澄财预〔2020〕53号）\n\
          不报告：全文已按“标题（字号）”完整引用过之后，再以“××号文件”简称该文件；本文自身的字号。\n\
          依据：《国家行政机关公文处理办法》（2000年，已废止）第二十五条，至今仍为通行惯例，故定为警告。",
    summary_en: "Document cited by its number before its title, or by its number alone",
    doc_en: "Checks: a document number written before the cited title (根据国发〔2018〕27号《……》); or a document number\n\
         introduced by “根据/按照/依据/依照” when the title of that document is never given in the text.\n\
         Why: a document is cited by its title first, with its number in parentheses after the title.\n\
         Wrong: 根据澄财预〔2020〕53号《江澄省财政厅关于……的通知》\n\
         Right: 根据《江澄省财政厅关于……的通知》（澄财预〔2020〕53号）\n\
         Not reported: a short reference such as “××号文件” after one full citation as “title (number)”; the\n\
         document's own number.\n\
         Source: 《国家行政机关公文处理办法》 (2000, repealed) article 25, still the common practice; hence a warning.",
    check: Check::Doc(citation_order),
};

pub static CITATION_PAREN_WIDTH: Rule = Rule {
    id: "citation-paren-width",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "标题后括注发文字号用了半角括号",
    doc: "检查：书名号标题后括注发文字号或令号时使用了半角括号 ( ) 或全半角混用。\n\
          原因：中文行文中的括号用全角（）。\n\
          错误：《……办法》(临川市人民政府令第58号)\n\
          正确：《……办法》（临川市人民政府令第58号）\n\
          依据：GB/T 15834-2011《标点符号用法》4.9；GB/T 9704-2012 第9章。",
    summary_en: "Half-width parentheses around a document number after a title",
    doc_en: "Checks: half-width parentheses ( ), or a mix of half- and full-width ones, around the document number or\n\
         令 number after a title in 《》.\n\
         Why: parentheses in Chinese text are full-width （）.\n\
         Wrong: 《……办法》(临川市人民政府令第58号)\n\
         Right: 《……办法》（临川市人民政府令第58号）\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.9; GB/T 9704-2012 chapter 9.",
    check: Check::Doc(citation_paren_width),
};

pub static TITLE_AGENCY_INFORMAL: Rule = Rule {
    id: "title-agency-informal",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "书名号内文件标题的发文机关用了简称",
    doc: "检查：书名号内所引文件标题开头的发文机关名称用了非正式简称：×省政府、×市政府办公室、×市府办、×县政府办。\n\
          原因：文件标题由发文机关名称、事由和文种组成，发文机关名称是标题的一部分；地方人民政府的法定名称是\n\
          “×人民政府”，引用时须照录原标题。\n\
          错误：《江澄省政府关于……的实施意见》 · 《云南省政府办公厅关于……的实施意见》\n\
          正确：《江澄省人民政府关于……的实施意见》 · 《云南省人民政府办公厅关于……的实施意见》\n\
          不报告：书名号外的“省政府”“市政府”（正文中的简称是正常的）；《政府工作报告》一类标题（“政府”不是机关名称）；\n\
          特别行政区政府。同一写法在文中多次出现只报告第一次。\n\
          依据：《党政机关公文处理工作条例》第九条（七）、第二十条（四）。",
    summary_en: "Short name of the issuing organ in a cited title",
    doc_en: "Checks: an informal short name of the issuing organ at the head of a title cited in 《》: ×省政府,\n\
         ×市政府办公室, ×市府办, ×县政府办.\n\
         Why: a title is made of the issuing organ, the subject and the kind of document, so the organ's name is\n\
         part of the title; the legal name of a local government is “×人民政府”, and a cited title is copied as it is.\n\
         Wrong: 《江澄省政府关于……的实施意见》 · 《云南省政府办公厅关于……的实施意见》\n\
         Right: 《江澄省人民政府关于……的实施意见》 · 《云南省人民政府办公厅关于……的实施意见》\n\
         Not reported: “省政府”, “市政府” outside 《》 (short names are normal in running text); titles such as\n\
         《政府工作报告》 (“政府” is not an organ's name there); governments of special administrative regions.\n\
         A form repeated in the text is reported at its first occurrence only.\n\
         Source: 《党政机关公文处理工作条例》 article 9 (7), article 20 (4).",
    check: Check::Doc(title_agency_informal),
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
          表示另一文件的词，或年份、届次数字；多出的字紧接在地名之后（《江澄省消防条例》与《江澄省森林消防条例》\n\
          是两部法规）；两个标题各自括注了发文字号；“关于修改（废止）……的决定”（所改法规可能已更名）。只有一字之差而非多字少字的两个标题（《道路运输条例》与\n\
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
         name another document, such as “暂行”, “试行”, “实施”, “若干”, or numbers of years and sessions; extra\n\
         characters right after a place name (《江澄省消防条例》 and 《江澄省森林消防条例》 are two regulations); both\n\
         titles followed by their own document numbers; “关于修改（废止）……的决定” (the amended law may have been\n\
         renamed). Two titles that differ by one replaced character rather than added ones (《道路运输条例》 and\n\
         《水路运输条例》) are not reported. The rarer one (the shorter one, on a tie) is reported, with the place of the other.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Both(near_duplicate_doc, near_duplicate_batch),
};

pub static TITLE_VARIANT_PUNCT: Rule = Rule {
    id: "title-variant-punct",
    severity: Severity::Warning,
    scope: Scope::Both,
    summary: "同一标题的括号、连接号、空格写法不一致",
    doc: "检查：同一标题（统一全半角括号、连接号—/－/-/～/汉字“一”、年份外括号和空格后相同）在本文或本批文件中\n\
          写成了不同样子。\n\
          原因：标题须照录原文，同一文件前后应一致。\n\
          错误：《法治保山建设规划(2021一2025年)》 与 《法治保山建设规划2021—2025年》\n\
          正确：全文统一为一种写法，以发文机关原文为准，如《法治保山建设规划（2021—2025年）》。\n\
          不报告：机关名称简称造成的差异（由 title-agency-informal 报告）。每种不一致的写法只报告第一次出现处，\n\
          并给出通行写法所在位置；通行写法取出现最多的，次数相同时取全角括号、一字线的规范写法。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）；GB/T 15834-2011 4.9、4.13。",
    summary_en: "One title written with different brackets, dashes or spaces",
    doc_en: "Checks: the same title (equal once full- and half-width brackets, the dashes —/－/-/～ and the numeral “一”,\n\
         brackets around years and spaces are unified) written in different ways in this document or the batch.\n\
         Why: a title is copied as it is, and the same document is cited the same way throughout.\n\
         Wrong: 《法治保山建设规划(2021一2025年)》 and 《法治保山建设规划2021—2025年》\n\
         Right: one form throughout, the issuer's original, such as 《法治保山建设规划（2021—2025年）》.\n\
         Not reported: differences from short names of organs (title-agency-informal reports those). Each\n\
         deviating form is reported at its first occurrence, with the place of the usual form; the usual form\n\
         is the most frequent one, or on a tie the standard one with full-width brackets and the dash “—”.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4); GB/T 15834-2011 4.9, 4.13.",
    check: Check::Both(variant_punct_doc, variant_punct_batch),
};

pub static ABBREV_UNDECLARED: Rule = Rule {
    id: "abbrev-undeclared",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "书名号内用了未经说明的非规范简称",
    doc: "检查：书名号内的简称既不是法律的通行简称，也未用“以下简称”说明：一是法律名称截去了实词（《采购法》之于\n\
          《政府采购法》）；二是截取本文另一标题的末尾几个字作为简称（《实施纲要》之于《××法治政府建设实施纲要》）。\n\
          原因：非规范简称须先写全称并注明简称后才能使用。\n\
          错误：对照《采购法》开展检查\n\
          正确：《中华人民共和国政府采购法》（以下简称《政府采购法》）……此后用《政府采购法》\n\
          不报告：去掉“中华人民共和国”的法律简称（由 law-name-prefix 提示）；已用“以下简称”“简称”说明的简称；\n\
          去掉地名、机关名后的简称；法规目录中的标题；紧随唯一一个可对应的全称之后使用的末尾简称（政府工作报告中
          审议《××规划纲要（草案）》后称《纲要（草案）》）。同一简称只报告第一次。\n\
          依据：GB/T 15834-2011 4.15.3.4；《国家行政机关公文处理办法》（2000年，已废止）第二十五条。",
    summary_en: "Undeclared non-standard short name in 《》",
    doc_en: "Checks: a short name in 《》 that is neither the usual short name of a law nor declared with “以下简称”:\n\
         a law's name with words cut out (《采购法》 for 《政府采购法》), or the last few characters of another title\n\
         of this document used as its name (《实施纲要》 for 《××法治政府建设实施纲要》).\n\
         Why: a non-standard short name may be used only after the full name, with the short name declared.\n\
         Wrong: 对照《采购法》开展检查\n\
         Right: 《中华人民共和国政府采购法》（以下简称《政府采购法》）…… then 《政府采购法》\n\
         Not reported: laws without “中华人民共和国” (law-name-prefix reports those); short names declared with\n\
         “以下简称” or “简称”; short names without a place or organ name; titles in the catalogue of laws; a tail\n\
         used right after the only full title it can stand for (a government work report reviewing\n\
         《××规划纲要（草案）》 and then saying 《纲要（草案）》). Each short name is reported once.\n\
         Source: GB/T 15834-2011 4.15.3.4; 《国家行政机关公文处理办法》 (2000, repealed) article 25.",
    check: Check::Doc(abbrev_undeclared),
};

pub static LAW_NAME_PREFIX: Rule = Rule {
    id: "law-name-prefix",
    severity: Severity::Info,
    scope: Scope::Document,
    summary: "首次引用法律未写“中华人民共和国”全称",
    doc: "检查：全国性法律只以简称（《安全生产法》）引用，文中此前没有《中华人民共和国安全生产法》。\n\
          原因：引用法律时，首次出现应写全称，之后可用简称。\n\
          错误：依照《安全生产法》开展执法检查（首次也是唯一一次出现）\n\
          正确：依照《中华人民共和国安全生产法》开展执法检查\n\
          不报告：《宪法》《民法典》等通行简称；文中此前已写全称；法规目录中没有的标题。每部法律只提示一次。\n\
          依据：全国人大常委会法工委《立法技术规范（试行）（一）》引用法律名称的表述；通行做法。",
    summary_en: "First citation of a law without the full name “中华人民共和国…”",
    doc_en: "Checks: a national law cited only by its short name (《安全生产法》) with no 《中华人民共和国安全生产法》 earlier in the text.\n\
         Why: a law is cited by its full name the first time, by its short name afterwards.\n\
         Wrong: 依照《安全生产法》开展执法检查 (its first and only occurrence)\n\
         Right: 依照《中华人民共和国安全生产法》开展执法检查\n\
         Not reported: usual short names such as 《宪法》 and 《民法典》; laws given in full earlier in the text;\n\
         titles not in the catalogue of laws. Each law is reported once.\n\
         Source: the wording of law names in 《立法技术规范（试行）（一）》 of the Legislative Affairs Commission\n\
         of the NPC Standing Committee; common practice.",
    check: Check::Doc(law_name_prefix),
};

pub static TITLE_NESTED_MARKS: Rule = Rule {
    id: "title-nested-marks",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "书名号内套用了双书名号或尖括号",
    doc: "检查：书名号内又用双书名号《》（或半角 < >）标示内层标题。\n\
          原因：书名号中还要用书名号时，里面一层用单书名号〈〉。\n\
          错误：《关于印发《江澄省政务公开工作细则》的通知》\n\
          正确：《关于印发〈江澄省政务公开工作细则〉的通知》\n\
          依据：GB/T 15834-2011《标点符号用法》4.15。",
    summary_en: "Double title marks or angle brackets inside 《》",
    doc_en: "Checks: an inner title marked with double title marks 《》 (or half-width < >) inside 《》.\n\
         Why: a title inside a title takes the single title marks 〈〉.\n\
         Wrong: 《关于印发《江澄省政务公开工作细则》的通知》\n\
         Right: 《关于印发〈江澄省政务公开工作细则〉的通知》\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.15.",
    check: Check::Doc(title_nested_marks),
};

pub static TITLE_MARKS_MISUSE: Rule = Rule {
    id: "title-marks-misuse",
    severity: Severity::Info,
    scope: Scope::Document,
    summary: "活动、会议、奖项名称用了书名号",
    doc: "检查：书名号括起的名称后紧跟“活动”“大会”“会议”“比赛”“竞赛”“大赛”“评选”“行动”“奖”“证书”“培训班”，\n\
          而名称本身不是法律、法规、文件、规划一类作品。\n\
          原因：书名号标示书名、篇名、文件名等作品名称；活动、会议、奖项、证件名称不是作品，用引号。\n\
          错误：举办《行政执法技能大比武》活动\n\
          正确：举办“行政执法技能大比武”活动\n\
          不报告：名称是法律法规或文件（《宪法》宣传活动、《民法典》大会中的书名号是对的）。\n\
          依据：GB/T 15834-2011《标点符号用法》书名号使用的补充规则。",
    summary_en: "Title marks 《》 around the name of an event, meeting or award",
    doc_en: "Checks: a name in 《》 followed by “活动”, “大会”, “会议”, “比赛”, “竞赛”, “大赛”, “评选”, “行动”, “奖”,\n\
         “证书” or “培训班”, where the name itself is not a work such as a law, regulation, document or plan.\n\
         Why: title marks mark the names of works (books, articles, documents); names of events, meetings, awards\n\
         and certificates are not works and take quotation marks.\n\
         Wrong: 举办《行政执法技能大比武》活动\n\
         Right: 举办“行政执法技能大比武”活动\n\
         Not reported: names of laws or documents (the title marks in 《宪法》宣传活动 and 《民法典》大会 are right).\n\
         Source: the supplementary rules on title marks of GB/T 15834-2011 《标点符号用法》.",
    check: Check::Doc(title_marks_misuse),
};

pub static TITLE_ENUM_DUNHAO: Rule = Rule {
    id: "title-enum-dunhao",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "并列的书名号之间用了顿号",
    doc: "检查：并列的书名号标题之间用顿号：》、《。\n\
          原因：标有书名号的并列成分之间通常不用顿号。\n\
          错误：《行政处罚法》、《行政强制法》\n\
          正确：《行政处罚法》《行政强制法》\n\
          不报告：各项后有括注时（《甲》（2017年）、《乙》（2020年）），顿号可用。\n\
          依据：GB/T 15834-2011《标点符号用法》4.5.3.5。",
    summary_en: "Enumeration comma “、” between titles in a series",
    doc_en: "Checks: the enumeration comma between titles in a series: 》、《.\n\
         Why: items in title marks listed in a series usually take no enumeration comma between them.\n\
         Wrong: 《行政处罚法》、《行政强制法》\n\
         Right: 《行政处罚法》《行政强制法》\n\
         Not reported: items each followed by a parenthesis (《甲》（2017年）、《乙》（2020年）), where the comma is right.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.5.3.5.",
    check: Check::Doc(title_enum_dunhao),
};

// ---------------------------------------------------------------------------------------------
// Shared by the 发文字号 rules.

/// One citation (or a document's own title and number) as the conflict rules compare it.
#[derive(Debug, Clone)]
pub(crate) struct Cite {
    /// Index of the document in the batch (0 within one document).
    pub doc: usize,
    /// The 《…》 span, within one document.
    pub span: Option<Span>,
    /// The number's span, within one document.
    pub num_span: Option<Span>,
    /// Location, in the batch.
    pub at: Option<Location>,
    pub title: String,
    pub canonical: String,
    pub number: Option<String>,
    pub number_written: Option<String>,
    pub code: Option<String>,
    /// From a user's register of documents: the reference, never the odd one.
    pub authoritative: bool,
}

/// A value and the indices of the cites that hold it.
type Valued = (String, Vec<usize>);

/// Pairs (odd one, reference) among cites that share a key but differ in value. Within one
/// document: each differing value once, at its first place, against the reference value. Across
/// the batch: only where the document holding the odd value does not hold the reference itself
/// (that case is the document part's). The reference is the value of a `preferred` cite when
/// exactly one value has one, else the most frequent, else the first.
pub(crate) fn group_conflicts(
    cites: &[Cite],
    key_of: impl Fn(&Cite) -> Option<String>,
    value_of: impl Fn(&Cite) -> Option<String>,
    preferred: impl Fn(&Cite) -> bool,
    within_doc: bool,
) -> Vec<(usize, usize)> {
    // key → value → indices, in first-seen order.
    let mut groups: Vec<(String, Vec<Valued>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, c) in cites.iter().enumerate() {
        let (Some(k), Some(v)) = (key_of(c), value_of(c)) else {
            continue;
        };
        let g = *index.entry(k.clone()).or_insert_with(|| {
            groups.push((k, Vec::new()));
            groups.len() - 1
        });
        let values = &mut groups[g].1;
        match values.iter_mut().find(|(val, _)| *val == v) {
            Some((_, idx)) => idx.push(i),
            None => values.push((v, vec![i])),
        }
    }
    let mut out = Vec::new();
    for (_, values) in &groups {
        if values.len() < 2 {
            continue;
        }
        let with_pref: Vec<usize> = (0..values.len())
            .filter(|&v| values[v].1.iter().any(|&i| preferred(&cites[i])))
            .collect();
        let registered =
            (0..values.len()).find(|&v| values[v].1.iter().any(|&i| cites[i].authoritative));
        let reference = if let Some(r) = registered {
            r
        } else if with_pref.len() == 1 {
            with_pref[0]
        } else {
            let max = values.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
            values.iter().position(|(_, v)| v.len() == max).unwrap_or(0)
        };
        let ref_first = values[reference].1[0];
        for (v, (_, idx)) in values.iter().enumerate() {
            if v == reference {
                continue;
            }
            if within_doc {
                out.push((idx[0], ref_first));
                continue;
            }
            let ref_docs: HashSet<usize> =
                values[reference].1.iter().map(|&i| cites[i].doc).collect();
            let mut seen_docs = HashSet::new();
            for &i in idx {
                if cites[i].authoritative {
                    continue;
                }
                let d = cites[i].doc;
                if ref_docs.contains(&d) || !seen_docs.insert(d) {
                    continue;
                }
                out.push((i, ref_first));
            }
        }
    }
    out
}

/// The organ(s) at the head of a cited title (before 关于), or empty.
pub(crate) fn title_issuer_of(title: &str) -> String {
    title_issuer(title)
}

/// Administrative levels whose government is legally named ×人民政府.
const LEVELS: &[char] = &['省', '市', '县', '区', '州', '盟', '旗', '乡', '镇'];

/// Informal organ names in the head of a title: (byte range in `head`, written, official).
fn informal_names(head: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (i, _) in head.match_indices("政府") {
        let before = &head[..i];
        if before.ends_with("人民") {
            continue;
        }
        let Some(level) = before.chars().next_back() else {
            continue;
        };
        // 香港特区政府 / 特别行政区政府: not a 人民政府.
        if !LEVELS.contains(&level) || before.ends_with("特区") || before.ends_with("行政区") {
            continue;
        }
        let rest = &head[i + "政府".len()..];
        let (written_len, official) = if rest.starts_with("办公厅") || rest.starts_with("办公室")
        {
            (
                "政府办公厅".len(),
                format!("人民政府{}", &rest[..'办'.len_utf8() + "公厅".len()]),
            )
        } else if rest.starts_with('办') {
            ("政府办".len(), "人民政府办公室".to_string())
        } else {
            ("政府".len(), "人民政府".to_string())
        };
        out.push((i, i + written_len, official));
    }
    for (i, _) in head.match_indices("府办") {
        let before = &head[..i];
        if before
            .chars()
            .next_back()
            .is_some_and(|c| LEVELS.contains(&c))
        {
            out.push((i, i + "府办".len(), "人民政府办公室".to_string()));
        }
    }
    out.sort();
    out
}

/// The normalised title with informal organ names in its head written in full, so that a
/// document quoted both ways is recognised as one.
pub(crate) fn canonical_title(normalized: &str) -> String {
    let issuer = title_issuer(normalized);
    if issuer.is_empty() {
        return normalized.to_string();
    }
    let Some(head_end) = normalized.find("关于") else {
        return normalized.to_string();
    };
    let head = &normalized[..head_end];
    let names = informal_names(head);
    if names.is_empty() {
        return normalized.to_string();
    }
    let mut s = String::with_capacity(normalized.len() + 16);
    let mut at = 0;
    for (a, b, official) in names {
        if a < at {
            continue;
        }
        s.push_str(&head[at..a]);
        s.push_str(&official);
        at = b;
    }
    s.push_str(&normalized[at..]);
    s
}

// ---------------------------------------------------------------------------------------------
// The national catalogue of laws and regulations (names only).

struct Catalogue {
    /// Every normalised name.
    all: HashSet<String>,
    /// Laws (法律, 宪法) by their name without 中华人民共和国.
    laws: HashSet<String>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let mut all = HashSet::new();
    let mut laws = HashSet::new();
    for line in include_str!("../../../dicts/national-law-names.txt").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (law, name) = match line.strip_prefix("L ") {
            Some(n) => (true, n),
            None => (false, line),
        };
        let n = normalize_title(name);
        if law {
            laws.insert(n.clone());
        }
        all.insert(n);
    }
    Catalogue { all, laws }
});

fn strip_state(t: &str) -> &str {
    t.strip_prefix("中华人民共和国").unwrap_or(t)
}

fn in_catalogue(normalized: &str) -> bool {
    let c = &*CATALOGUE;
    c.all.contains(normalized) || c.all.contains(strip_state(normalized))
}

// ---------------------------------------------------------------------------------------------
// Document rules.

fn citation_order(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    let cited: HashSet<&str> = ctx
        .docnums
        .iter()
        .filter(|d| d.role == Role::Citation)
        .map(|d| d.normalized.as_str())
        .collect();
    for d in ctx.docnums.iter().filter(|d| d.role != Role::SelfNumber) {
        let written = docnum::surface(text, d);
        let after = text[d.span.end..].trim_start_matches([' ', '\u{3000}']);
        if after.starts_with('《') {
            // The title right after: 根据国发〔2018〕27号《…》.
            // An unclosed 《 is unpaired-marks' finding; there is no title to move.
            let Some(close) = after.find('》').map(|i| i + '》'.len_utf8()) else {
                continue;
            };
            let title = &after[..close];
            if title.chars().count() > 162 {
                continue;
            }
            let end = text.len() - after.len() + title.len();
            out.push(Finding::new(
                CITATION_ORDER.id,
                Span::new(d.span.start, end),
                msg!(
                    zh = "引用公文应先引标题、后引发文字号：“{written}{title}”应写作“{title}（{written}）”",
                    en = "Cite a document by its title first, then its number: write “{title}（{written}）”, not “{written}{title}”"
                ),
            ));
            continue;
        }
        if d.role != Role::Reference || d.year.is_none() || cited.contains(d.normalized.as_str()) {
            continue;
        }
        let before = text[..d.span.start].trim_end_matches([' ', '\u{3000}']);
        let basis = ["根据", "按照", "依据", "依照"]
            .iter()
            .find(|w| before.ends_with(*w));
        if let Some(w) = basis {
            out.push(Finding::new(
                CITATION_ORDER.id,
                d.span,
                msg!(
                    zh = "“{w}{written}”只写了发文字号：引用公文应先引标题、后引字号，写作“{w}《（文件标题）》（{written}）”；全文完整引用一次后，方可用“{written}文件”简称",
                    en = "“{w}{written}” gives only the document number: cite the title first, then the number, as “{w}《(title)》（{written}）”; only after one full citation may “{written}文件” stand for it"
                ),
            ));
        }
    }
}

fn citation_paren_width(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    for c in ctx.citations {
        let Some(d) = c.docnum.and_then(|i| ctx.docnums.get(i)) else {
            continue;
        };
        let Some(between) = text.get(c.span.end..d.span.start) else {
            continue;
        };
        let Some(open_rel) = between.find(['(', '（']) else {
            continue;
        };
        let open = c.span.end + open_rel;
        let open_c = text[open..].chars().next().unwrap_or('（');
        let tail = &text[d.span.end..];
        let trimmed = tail.trim_start_matches([' ', '\u{3000}']);
        let close_c = trimmed.chars().next();
        let close_end = match close_c {
            Some(ch @ (')' | '）')) => Some(text.len() - trimmed.len() + ch.len_utf8()),
            _ => None,
        };
        let half = open_c == '(' || close_c == Some(')');
        if !half {
            continue;
        }
        let end = close_end.unwrap_or(d.span.end);
        let written = &text[open..end];
        let inner = docnum::surface(text, d);
        out.push(Finding::new(
            CITATION_PAREN_WIDTH.id,
            Span::new(open, end),
            msg!(
                zh = "标题后括注发文字号应使用全角括号：“{written}”应写作“（{inner}）”",
                en = "A document number after a title takes full-width parentheses: write “（{inner}）”, not “{written}”"
            ),
        ));
    }
}

fn title_agency_informal(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    let mut reported: HashSet<&str> = HashSet::new();
    for c in ctx.citations {
        let issuer = title_issuer(&c.title);
        if issuer.is_empty() {
            continue;
        }
        let Some(head_end) = c.title.find("关于") else {
            continue;
        };
        let names = informal_names(&c.title[..head_end]);
        if names.is_empty() || !reported.insert(c.title.as_str()) {
            continue;
        }
        let canonical = canonical_title(&c.normalized_title);
        // The same document quoted with the official name elsewhere in this document.
        let formal = ctx.citations.iter().find(|o| {
            o.span != c.span
                && canonical_title(&o.normalized_title) == canonical
                && informal_names(o.title.find("关于").map_or("", |i| &o.title[..i])).is_empty()
        });
        let inner_start = c.span.start + '《'.len_utf8();
        let as_written =
            text.get(inner_start..c.span.end - '》'.len_utf8()) == Some(c.title.as_str());
        for (a, b, official) in names {
            let span = if as_written {
                Span::new(inner_start, inner_start + b)
            } else {
                c.span
            };
            let organ_written = &c.title[..b];
            let organ_official = format!("{}{official}", &c.title[..a]);
            let seen = if formal.is_some() {
                tr(
                    "；本文另一处即引作全称",
                    "; elsewhere this document cites it with the full name",
                )
            } else {
                ""
            };
            let mut f = Finding::new(
                TITLE_AGENCY_INFORMAL.id,
                span,
                msg!(
                    zh = "引用文件标题时发文机关应写法定全称：“{organ_written}”应写作“{organ_official}”{seen}",
                    en = "A cited title names its issuing organ by the full official name: write “{organ_official}”, not “{organ_written}”{seen}"
                ),
            );
            if let Some(o) = formal {
                f = f.with_related(o.span);
            }
            out.push(f);
        }
    }
}

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

/// Genre endings two near-duplicate titles must share.
const GENRES: &[&str] = &[
    "规定", "办法", "条例", "意见", "规划", "通知", "纲要", "方案", "细则", "决定", "规则", "制度",
    "计划", "措施", "法",
];

static PLACE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}]{2,8}?(?:省|自治区|市|自治州|县|区|特别行政区|镇|乡)")
        .expect("valid regex")
});

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十百千两".contains(c)
}

/// The core of a normalised title: trailing (…) qualifiers and year spans dropped.
fn core(t: &str) -> &str {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\([^()]*\)|[0-9]{4}(?:-[0-9]{4})?年?)+$").expect("valid regex")
    });
    match TAIL.find(t) {
        Some(m) if m.start() > 0 => &t[..m.start()],
        _ => t,
    }
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
fn near_duplicate(a: &str, b: &str) -> Option<String> {
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
    // Amending and repealing decisions name the old title of a law, which may since have changed.
    if ["关于修改", "关于废止"]
        .iter()
        .any(|p| a.starts_with(p) || b.starts_with(p))
    {
        return None;
    }
    let ins = inserted(short, long)?;
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

struct Titled {
    doc: usize,
    normalized: String,
    written: String,
    numbered: bool,
    span: Option<Span>,
    at: Option<Location>,
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
    // Comparing every pair of titles grows with the square of their number. A near duplicate is
    // the other with 1–3 characters inserted, and of the shorter core's L ≥ 6 characters its
    // common prefix and suffix with the longer cover all: one of them is at least ⌈L/2⌉ long.
    // So titles are indexed by the first and the last ⌈L/2⌉ characters of their core, and only
    // the pairs meeting there are compared, in the order of the full loop.
    let cores: Vec<Vec<char>> = distinct
        .iter()
        .map(|d| core(&d.0).chars().collect())
        .collect();
    let mut index: HashMap<(usize, bool, &[char]), Vec<usize>> = HashMap::new();
    for (i, c) in cores.iter().enumerate() {
        let n = c.len();
        if n >= 6 {
            let h = n.div_ceil(2);
            index.entry((n, true, &c[..h])).or_default().push(i);
            index.entry((n, false, &c[n - h..])).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (j, c) in cores.iter().enumerate() {
        let m = c.len();
        for n in m.saturating_sub(3).max(6)..m {
            let h = n.div_ceil(2);
            for key in [(n, true, &c[..h]), (n, false, &c[m - h..])] {
                for &i in index.get(&key).into_iter().flatten() {
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
        let Some(ins) = near_duplicate(&a.0, &b.0) else {
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

fn near_duplicate_doc(ctx: &DocContext, out: &mut Vec<Finding>) {
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

fn batch_located(
    rule: &'static str,
    at: &Location,
    related: &Location,
    text: String,
    message: String,
) -> Located {
    Located {
        at: at.clone(),
        span: Span::new(0, 0),
        rule,
        severity: Severity::Warning,
        message,
        text,
        related: vec![related.clone()],
        excerpt: None,
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

/// How far a written title is from the standard punctuation: half-width brackets and a CJK 一 or
/// hyphen in a year span count against it.
fn untidiness(written: &str) -> usize {
    static BAD_SPAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[0-9][一\-－~～][0-9]").expect("valid regex"));
    written.matches(['(', ')', '[', ']']).count()
        + BAD_SPAN.find_iter(written).count()
        + written.matches(char::is_whitespace).count()
}

/// (odd, reference) pairs among titles with one normalised form and several written forms.
fn variant_pairs(items: &[Titled], within_doc: bool) -> Vec<(usize, usize)> {
    let cites: Vec<Cite> = items
        .iter()
        .map(|t| Cite {
            doc: t.doc,
            span: t.span,
            num_span: None,
            at: t.at.clone(),
            title: t.written.clone(),
            canonical: t.normalized.clone(),
            number: None,
            number_written: None,
            code: None,
            authoritative: false,
        })
        .collect();
    // The cleanest written form is preferred when it is the only clean one.
    let min_untidy: HashMap<&str, usize> = cites.iter().fold(HashMap::new(), |mut m, c| {
        let u = untidiness(&c.title);
        let e = m.entry(c.canonical.as_str()).or_insert(u);
        *e = (*e).min(u);
        m
    });
    group_conflicts(
        &cites,
        |c| Some(c.canonical.clone()),
        |c| Some(c.title.clone()),
        |c| min_untidy.get(c.canonical.as_str()) == Some(&untidiness(&c.title)),
        within_doc,
    )
}

fn variant_message(odd: &Titled, reference: &Titled) -> String {
    msg!(
        zh = "同一标题写法不一致：此处为《{}》，另一处为《{}》，仅括号、连接号或空格不同；应统一为一种写法（以发文机关原文为准）",
        en = "The same title is written two ways: 《{}》 here, 《{}》 elsewhere, differing only in brackets, dashes or spaces; use one form throughout (the issuer's original)",
        odd.written, reference.written
    )
}

fn variant_items_doc(ctx: &DocContext) -> Vec<Titled> {
    ctx.citations
        .iter()
        .map(|c| Titled {
            doc: 0,
            normalized: c.normalized_title.clone(),
            written: c.title.clone(),
            numbered: c.docnum.is_some(),
            span: Some(c.span),
            at: None,
        })
        .collect()
}

fn variant_punct_doc(ctx: &DocContext, out: &mut Vec<Finding>) {
    let items = variant_items_doc(ctx);
    for (odd, reference) in variant_pairs(&items, true) {
        let (o, r) = (&items[odd], &items[reference]);
        if let (Some(s), Some(rs)) = (o.span, r.span) {
            out.push(
                Finding::new(TITLE_VARIANT_PUNCT.id, s, variant_message(o, r)).with_related(rs),
            );
        }
    }
}

fn variant_punct_batch(docs: &[BatchDoc], out: &mut Vec<Located>) {
    let mut items = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        for c in &d.citations {
            items.push(Titled {
                doc: i,
                normalized: c.normalized_title.clone(),
                written: c.title.clone(),
                numbered: c.docnum.is_some(),
                span: None,
                at: Some(c.at.clone()),
            });
        }
    }
    for (odd, reference) in variant_pairs(&items, false) {
        let (o, r) = (&items[odd], &items[reference]);
        if let (Some(a), Some(ra)) = (&o.at, &r.at) {
            out.push(batch_located(
                TITLE_VARIANT_PUNCT.id,
                a,
                ra,
                format!("《{}》", o.written),
                variant_message(o, r),
            ));
        }
    }
}

/// Normalised short forms the document declares (以下简称《…》, 简称《…》).
fn declared_short_forms<'a>(ctx: &DocContext<'a>) -> HashSet<&'a str> {
    let text = &ctx.doc.text;
    ctx.citations
        .iter()
        .filter(|c| {
            let before = text[..c.span.start].trim_end_matches(['：', ':', '为', ' ']);
            before.ends_with("简称") || before.ends_with("简称“")
        })
        .map(|c| c.normalized_title.as_str())
        .collect()
}

fn is_law_short(t: &str) -> bool {
    t.ends_with('法')
        && !t.ends_with("办法")
        && !t.ends_with("方法")
        && !t.starts_with("中华人民共和国")
}

fn abbrev_undeclared(ctx: &DocContext, out: &mut Vec<Finding>) {
    let declared = declared_short_forms(ctx);
    let cat = &*CATALOGUE;
    // A title is judged at its first use; later uses repeat that judgement. Distinct titles with
    // their cores, in order of first use, keep the work proportional to distinct titles rather
    // than to the square of the citations.
    let mut checked: HashSet<&str> = HashSet::new();
    let mut distinct: Vec<(&str, &str, usize)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for o in ctx.citations {
        let t = o.normalized_title.as_str();
        if seen.insert(t) {
            distinct.push((t, core(t), o.span.start));
        }
    }
    for c in ctx.citations {
        let t = c.normalized_title.as_str();
        if !checked.insert(t) || declared.contains(t) || in_catalogue(t) {
            continue;
        }
        if PLACE_PREFIX.is_match(t) || !title_issuer(&c.title).is_empty() || t.contains("关于") {
            continue;
        }
        // (1) A law's name with words cut out of it: 《采购法》 for 《政府采购法》.
        if c.kind == CitationKind::Law && is_law_short(t) && t.chars().count() >= 3 {
            let mut fulls: Vec<&String> = cat
                .laws
                .iter()
                .filter(|l| l.len() > t.len() && l.ends_with(t) && !l.contains('('))
                .collect();
            fulls.sort_by_key(|l| (l.chars().count(), l.as_str()));
            if let Some(full) = fulls.first() {
                out.push(Finding::new(
                    ABBREV_UNDECLARED.id,
                    c.span,
                    msg!(
                        zh = "《{}》不是规范简称：应写全称《中华人民共和国{full}》，或首次引用时写全称并注明（以下简称《{full}》）",
                        en = "《{}》 is not a standard short name: write the full name 《中华人民共和国{full}》, or give the full name at the first citation and declare the short one (“以下简称《{full}》”)",
                        c.title
                    ),
                ));
                continue;
            }
        }
        // (2) The tail of another title of this document used as a name: 《实施纲要》.
        let core_t = core(t);
        if core_t.chars().count() < 2 || core_t.chars().count() > 8 {
            continue;
        }
        let full_core = |oc: &str| {
            oc.len() > core_t.len() + 3 && oc.ends_with(core_t) && !derivable(oc, core_t)
        };
        // A tail of the one full title just cited is clear enough; a tail used before any full
        // title, or after two full titles it could stand for, names nothing.
        let earlier = distinct
            .iter()
            .filter(|(_, oc, first)| *first < c.span.start && full_core(oc))
            .count();
        if earlier == 1 {
            continue;
        }
        let is_full =
            |o: &&crate::extract::citation::Citation| full_core(core(&o.normalized_title));
        let full = ctx.citations.iter().find(is_full);
        if let Some(full) = full {
            out.push(
                Finding::new(
                    ABBREV_UNDECLARED.id,
                    c.span,
                    msg!(
                        zh = "《{}》是截取标题末尾的非规范简称，指代不明：应写全称《{}》，或首次引用时写全称并注明（以下简称《{}》）",
                        en = "《{}》 is the tail of a title used as an undeclared short name and is ambiguous: write the full title 《{}》, or give the full title at the first citation and declare the short one (“以下简称《{}》”)",
                        c.title, full.title, c.title
                    ),
                )
                .with_related(full.span),
            );
        }
    }
}

/// A short form made by dropping only the place or state name at the start is conventional.
fn derivable(full: &str, short: &str) -> bool {
    let head = &full[..full.len() - short.len()];
    head == "中华人民共和国"
        || PLACE_PREFIX
            .find(full)
            .is_some_and(|m| m.end() == head.len())
}

/// Short forms everyone knows without introduction.
const UNIVERSAL_SHORT_FORMS: &[&str] = &["宪法", "民法典"];

fn law_name_prefix(ctx: &DocContext, out: &mut Vec<Finding>) {
    let cat = &*CATALOGUE;
    let mut seen_full: HashSet<&str> = HashSet::new();
    let mut reported: HashSet<&str> = HashSet::new();
    for c in ctx.citations {
        let t = c.normalized_title.as_str();
        if let Some(short) = t.strip_prefix("中华人民共和国") {
            seen_full.insert(short);
            continue;
        }
        if c.kind != CitationKind::Law
            || !cat.laws.contains(t)
            || UNIVERSAL_SHORT_FORMS.contains(&t)
            || seen_full.contains(t)
            || !reported.insert(t)
        {
            continue;
        }
        out.push(Finding::new(
            LAW_NAME_PREFIX.id,
            c.span,
            msg!(
                zh = "首次引用法律应写全称：《{}》应写作《中华人民共和国{}》，此后可用简称",
                en = "The first citation of a law gives its full name: write 《中华人民共和国{1}》, not 《{0}》; the short name may follow",
                c.title, c.title
            ),
        ));
    }
}

fn title_nested_marks(ctx: &DocContext, out: &mut Vec<Finding>) {
    for c in ctx.citations {
        if !c.title.contains(['《', '<', '>']) {
            continue;
        }
        let fixed: String = c
            .title
            .chars()
            .map(|ch| match ch {
                '《' | '<' => '〈',
                '》' | '>' => '〉',
                other => other,
            })
            .collect();
        out.push(Finding::new(
            TITLE_NESTED_MARKS.id,
            c.span,
            msg!(
                zh = "书名号内的书名应改用单书名号〈〉：应写作《{fixed}》",
                en = "A title inside 《》 takes the single title marks 〈〉: write 《{fixed}》"
            ),
        ));
    }
}

/// Words after a 书名号 name that show it names an event, a prize or a certificate.
const EVENT_WORDS: &[&str] = &[
    "活动",
    "大会",
    "会议",
    "比赛",
    "竞赛",
    "大赛",
    "评选",
    "行动",
    "奖",
    "证书",
    "培训班",
];

fn title_marks_misuse(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    for c in ctx.citations {
        if c.kind != CitationKind::Other || c.docnum.is_some() {
            continue;
        }
        let rest = &text[c.span.end..];
        let Some(word) = EVENT_WORDS.iter().find(|w| rest.starts_with(*w)) else {
            continue;
        };
        // 奖 in 奖励/奖补 and 行动 in 行动计划 are not names of prizes and campaigns.
        if rest[word.len()..].starts_with(['励', '补', '惩', '金', '计', '方', '纲']) {
            continue;
        }
        out.push(Finding::new(
            TITLE_MARKS_MISUSE.id,
            c.span,
            msg!(
                zh = "活动、会议、奖项等名称不是作品，不用书名号：“《{}》{word}”应写作““{}”{word}”",
                en = "Names of events, meetings or awards are not works and take no title marks 《》: write ““{1}”{word}”, not “《{0}》{word}”",
                c.title, c.title
            ),
        ));
    }
}

static ENUM_DUNHAO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"》[ \u{3000}]*、[ \u{3000}]*《").expect("valid regex"));

fn title_enum_dunhao(ctx: &DocContext, out: &mut Vec<Finding>) {
    for m in ENUM_DUNHAO.find_iter(&ctx.doc.text) {
        out.push(Finding::new(
            TITLE_ENUM_DUNHAO.id,
            Span::new(m.start(), m.end()),
            tr(
                "并列的书名号之间不用顿号：“》、《”应写作“》《”（各项后有括注时才用顿号）",
                "No enumeration comma 、 between titles in a series: write “》《”, not “》、《” (the comma is used only when each title is followed by a parenthesis)",
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn informal_organ_names_are_restored_in_the_head_only() {
        assert_eq!(
            canonical_title("云南省政府办公厅关于某事的实施意见"),
            "云南省人民政府办公厅关于某事的实施意见"
        );
        assert_eq!(
            canonical_title("平江县政府办关于某事的通知"),
            "平江县人民政府办公室关于某事的通知"
        );
        assert_eq!(
            canonical_title("临川市府办关于某事的通知"),
            "临川市人民政府办公室关于某事的通知"
        );
        for t in [
            "临川市政府工作报告",
            "江澄省人民政府关于某事的意见",
            "香港特区政府关于某事的公告",
        ] {
            assert_eq!(canonical_title(t), t);
        }
    }

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
                if let Some(ins) = near_duplicate(&a.normalized, &b.normalized) {
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
    fn near_duplicates_and_their_guards() {
        assert_eq!(
            near_duplicate("云南省重大行政决策规定", "云南省重大行政决策程序规定").as_deref(),
            Some("程序")
        );
        for (a, b) in [
            ("江澄省消防条例", "江澄省森林消防条例"),
            ("江澄省道路运输条例", "江澄省水路运输条例"),
            ("信访条例", "信访工作条例"),
            ("江澄省安全生产条例", "江澄省安全生产暂行条例"),
            ("第十四个五年规划纲要", "第十五个五年规划纲要"),
            ("临川市物业管理办法", "临川市物业管理规定"),
        ] {
            assert_eq!(near_duplicate(a, b), None, "{a} {b}");
        }
    }
}
