//! Wording rules: confusable terms, 法治/法制, duplicated words, template leftovers, traditional
//! characters, abolished organs and fixed formulations. The word lists live in `dicts/`.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use super::text;
use crate::check::{Check, DocContext, Finding, Rule, Scope, Severity};
use crate::span::Span;

const PAIRS: &str = include_str!("../../../dicts/confusable-pairs.txt");
const CONFUSABLES: &str = include_str!("../../../dicts/confusables.csv");
const VARIANTS: &str = include_str!("../../../dicts/variants.csv");
const OUTDATED: &str = include_str!("../../../dicts/outdated-institutions.csv");
const PHRASES: &str = include_str!("../../../dicts/canonical-phrases.txt");

/// The entries of a word list: lines that are neither blank nor `#` notes.
fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `term-odd-one-out`: a phrase written once with the confusable partner of a word it uses
/// several times elsewhere.
pub static TERM_ODD_ONE_OUT: Rule = Rule {
    id: "term-odd-one-out",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "同一术语仅一处写法不同（易混字）",
    doc: "检查：一个词组在文中只出现一次，而把其中易混词换成另一半后的同一词组出现两次以上，如文中多处\n\
          “重大行政决策程序制度”，一处写作“重大行政决策程度制度”。易混词对见 dicts/confusable-pairs.txt\n\
          （程序/程度、法治/法制、制定/制订、截止/截至、权力/权利、部署/布署、其他/其它）。\n\
          原因：同一事物前后用字不一，多是输入法误选；用字以多数处为准。\n\
          错误：严肃落实重大行政决策程度制度（别处均为“程序制度”）\n\
          正确：严肃落实重大行政决策程序制度\n\
          不报告：比较的词组连同易混词须有六个以上汉字且易混词两侧都有字（“维护社会主义法制的统一”与\n          “社会主义法治国家”都对），两种写法各自多次出现时不报告。暂只在单个文件内比较。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）（用字准确）。",
    summary_en: "A term written differently in one place only (confusable characters)",
    doc_en: "Checks: a phrase that occurs once, while the same phrase with its confusable word replaced by the other of\n\
         the pair occurs twice or more, such as “重大行政决策程序制度” in several places and “重大行政决策程度制度”\n\
         in one. The pairs are in dicts/confusable-pairs.txt (程序/程度, 法治/法制, 制定/制订, 截止/截至, 权力/权利,\n\
         部署/布署, 其他/其它).\n\
         Why: the same thing written differently is usually a slip of the input method; the majority form is taken as right.\n\
         Wrong: 严肃落实重大行政决策程度制度 (“程序制度” everywhere else)\n\
         Right: 严肃落实重大行政决策程序制度\n\
         Not reported: the compared phrase must have at least six Chinese characters, confusable word included,\n\
         with characters on both sides of it (“维护社会主义法制的统一” and “社会主义法治国家” are both right); both\n\
         forms occurring several times. Only phrases within one file are compared for now.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4) (accurate wording).",
    check: Check::Doc(term_odd_one_out),
};

static PAIR_LIST: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    entries(PAIRS)
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((it.next()?.to_string(), it.next()?.to_string()))
        })
        .collect()
});

/// Up to `n` ideographs ending at byte `at`, and up to `m` starting at `to`.
fn han_context(text: &str, at: usize, to: usize, n: usize, m: usize) -> Option<(usize, usize)> {
    let mut s = at;
    for (k, c) in text[..at].char_indices().rev().take(n) {
        if !text::is_han(c) {
            return None;
        }
        s = k;
    }
    if text[s..at].chars().count() < n {
        return None;
    }
    let mut e = to;
    for (k, c) in text[to..].char_indices().take(m) {
        if !text::is_han(c) {
            return None;
        }
        e = to + k + c.len_utf8();
    }
    (text[to..e].chars().count() == m).then_some((s, e))
}

/// Ideographs compared before and after a word, in order of preference. Context on both sides:
/// 社会主义法制 and 社会主义法治 are both right (法制的统一).
const WINDOWS: [(usize, usize); 7] = [(4, 2), (2, 4), (3, 2), (2, 3), (3, 1), (1, 3), (2, 2)];

/// Both words of every pair, pattern `2i` and `2i + 1` for pair `i`: one pass over a document
/// tells which pairs it holds at all.
static PAIR_WORDS: LazyLock<text::Needles> =
    LazyLock::new(|| text::Needles::new(PAIR_LIST.iter().flat_map(|(a, b)| [a, b])));

/// Where each pair word occurs (by pattern number), in text order, from the shared pass over
/// the word lists' `starts`: no pair word overlaps itself (a test holds the list to that), so
/// these are the places `match_indices` finds.
fn pair_places(text: &str, starts: &[(usize, char)]) -> Vec<Vec<usize>> {
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); PAIR_LIST.len() * 2];
    for (pattern, p) in PAIR_WORDS.find_overlapping_at(text, starts) {
        at[pattern].push(p);
    }
    at
}

fn term_odd_one_out(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    let at = pair_places(text, ctx.list_starts());
    for (i, (a, b)) in PAIR_LIST.iter().enumerate() {
        let (at_a, at_b) = (&at[2 * i], &at[2 * i + 1]);
        if at_a.is_empty() || at_b.is_empty() {
            continue;
        }
        let (ca, cb) = (contexts(text, a, at_a), contexts(text, b, at_b));
        for (common, odd, cc, co, at_odd) in [(a, b, &ca, &cb, at_b), (b, a, &cb, &ca, at_a)] {
            for &p in at_odd {
                let end = p + odd.len();
                let hit = WINDOWS.iter().enumerate().find_map(|(w, &(l, r))| {
                    let (s, e) = han_context(text, p, end, l, r)?;
                    let key = (w, &text[s..p], &text[end..e]);
                    if co.get(&key).map(|c| c.0) != Some(1) {
                        return None;
                    }
                    let &(n, first) = cc.get(&key)?;
                    let other = format!("{}{common}{}", key.1, key.2);
                    (n >= 2).then(|| (text[s..e].to_string(), other, first, n))
                });
                if let Some((written, other, first, n)) = hit {
                    out.push(
                        text::finding(
                            TERM_ODD_ONE_OUT.id,
                            p,
                            end,
                            msg!(
                                zh = "“{written}”仅此一处，文中另有{n}处写作“{other}”：“{odd}”疑为“{common}”之误",
                                en = "“{written}” occurs only here, while the text writes “{other}” in {n} places: “{odd}” is likely a mistake for “{common}”"
                            ),
                        )
                        .with_related(Span::new(first, first + other.len())),
                    );
                }
            }
        }
    }
}

/// Context key of an occurrence: which window, the ideographs before and after.
type ContextKey<'t> = (usize, &'t str, &'t str);

/// For every occurrence of `word` (at the offsets `at`, in order) and every context window
/// around it, how often the word occurs in that same context and where the first such phrase
/// starts — counted in one pass over the occurrences, instead of searching the whole text for
/// each phrase.
fn contexts<'t>(
    text: &'t str,
    word: &str,
    at: &[usize],
) -> FxHashMap<ContextKey<'t>, (usize, usize)> {
    let mut map: FxHashMap<ContextKey<'t>, (usize, usize)> = FxHashMap::default();
    for &p in at {
        let end = p + word.len();
        for (w, &(l, r)) in WINDOWS.iter().enumerate() {
            if let Some((s, e)) = han_context(text, p, end, l, r) {
                map.entry((w, &text[s..p], &text[end..e]))
                    .or_insert((0, s))
                    .0 += 1;
            }
        }
    }
    map
}

/// `fazhi-vs-fazhi`: 法制 where current usage is 法治.
pub static FAZHI_VS_FAZHI: Rule = Rule {
    id: "fazhi-vs-fazhi",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "应为“法治”的地方写成了“法制”",
    doc: "检查：现行提法为“法治”的词组写成“法制”：法制政府、法制国家、法制社会、法制中国、法制思想、\n\
          法制轨道、法制化、法制建设。\n\
          原因：党的十五大提出“依法治国，建设社会主义法治国家”，党的十八届四中全会后统一使用“法治政府”\n\
          “法治社会”“法治建设”等；“法制”指法律制度本身。\n\
          错误：加快建设法制社会 · 推进法制政府建设\n\
          正确：加快建设法治社会 · 推进法治政府建设\n\
          不报告：法制审核、法制机构、法制日报、原××法制办、“民主法制建设”；书名号内的标题；2014年以前的文件。\n\
          依据：《法治政府建设实施纲要（2021—2025年）》等现行文件的用语。",
    summary_en: "“法制” where the term is “法治”",
    doc_en: "Checks: phrases whose current form uses “法治” written with “法制”: 法制政府, 法制国家, 法制社会, 法制中国,\n\
         法制思想, 法制轨道, 法制化, 法制建设.\n\
         Why: the 15th Party Congress set the goal of “依法治国，建设社会主义法治国家”, and since the fourth plenary\n\
         session of the 18th Central Committee “法治政府”, “法治社会”, “法治建设” and the like are the standard\n\
         terms; “法制” means the legal system itself.\n\
         Wrong: 加快建设法制社会 · 推进法制政府建设\n\
         Right: 加快建设法治社会 · 推进法治政府建设\n\
         Not reported: 法制审核, 法制机构, 法制日报, 原××法制办, “民主法制建设”; titles in 《》; documents from before 2014.\n\
         Source: the wording of current documents such as 《法治政府建设实施纲要（2021—2025年）》.",
    check: Check::Doc(fazhi_vs_fazhi),
};

static FAZHI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"法制(政府|国家|社会|中国|思想|轨道|化|建设)").unwrap());

fn fazhi_vs_fazhi(ctx: &DocContext, out: &mut Vec<Finding>) {
    if ctx.meta.year.is_some_and(|y| y < 2014) {
        return;
    }
    let text = &ctx.doc.text;
    let titles = ctx.title_ranges();
    for m in FAZHI.find_iter(text) {
        let before = &text[..m.start()];
        if text::in_ranges(titles, m.start()) || before.ends_with("民主") || before.ends_with('原')
        {
            continue;
        }
        let s = m.as_str();
        out.push(text::finding(
            FAZHI_VS_FAZHI.id,
            m.start(),
            m.end(),
            msg!(
                zh = "“{s}”应写作“{}”：现行提法用“法治”",
                en = "Write “{}”, not “{s}”: the current term is “法治” (rule of law)",
                s.replacen("法制", "法治", 1)
            ),
        ));
    }
}

/// `confusable-lexicon`: curated confusables with their context.
pub static CONFUSABLE_LEXICON: Rule = Rule {
    id: "confusable-lexicon",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "易混用词（截止/截至、其它/其他、布署/部署等）",
    doc: "检查：dicts/confusables.csv 所列易混词：“截止”后接时间（截止今年6月末）、其它、布署等。\n\
          原因：“截至”表示到某一时间为止，后接时间；“截止”表示到期停止，不带宾语。“其他”为规范用法，\n\
          “布署”是错字。\n\
          错误：截止今年6月末 · 布署 · 其它事项\n\
          正确：截至今年6月末 · 部署 · 其他事项\n\
          不报告：截止日期、报名截止（不带时间宾语）；书名号内的标题。\n\
          依据：《现代汉语词典》；《第一批异形词整理表》(GF 1001-2001) 的推荐词形。",
    summary_en: "Confusable words (“截止”/“截至”, “其它”/“其他”, “布署”/“部署” and others)",
    doc_en: "Checks: the confusable words of dicts/confusables.csv: “截止” followed by a time (截止今年6月末), 其它, 布署 and others.\n\
         Why: “截至” means up to a time and is followed by it; “截止” means to close and takes no object. “其他” is\n\
         the standard form, and “布署” a miswritten word.\n\
         Wrong: 截止今年6月末 · 布署 · 其它事项\n\
         Right: 截至今年6月末 · 部署 · 其他事项\n\
         Not reported: 截止日期, 报名截止 (no time as object); titles in 《》.\n\
         Source: 《现代汉语词典》; the recommended forms of 《第一批异形词整理表》 (GF 1001-2001).",
    check: Check::Doc(confusable_lexicon),
};

struct Confusable {
    wrong: String,
    right: String,
    after_time: bool,
}

static CONFUSABLE_LIST: LazyLock<Vec<Confusable>> = LazyLock::new(|| {
    entries(CONFUSABLES)
        .filter_map(|l| {
            let mut it = l.split(',');
            Some(Confusable {
                wrong: it.next()?.trim().to_string(),
                right: it.next()?.trim().to_string(),
                after_time: it.next().is_some_and(|c| c.trim() == "after-time"),
            })
        })
        .filter(|c| !c.wrong.is_empty() && !c.right.is_empty())
        .collect()
});

static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(到|至)?\s*(目前|今年|去年|本年|当年|上年|年底|年末|本月|月底|发稿|报告期|上半年|前三季度|[0-9]{4}|[0-9]{1,2}月|二〇|[一二三四五六七八九十]{1,2}月)").unwrap()
});

fn confusable_lexicon(ctx: &DocContext, out: &mut Vec<Finding>) {
    static WRONG: LazyLock<text::Needles> =
        LazyLock::new(|| text::Needles::new(CONFUSABLE_LIST.iter().map(|c| &c.wrong)));
    let text = &ctx.doc.text;
    let titles = ctx.title_ranges();
    for (i, p) in WRONG.match_indices_each(text) {
        let c = &CONFUSABLE_LIST[i];
        let end = p + c.wrong.len();
        if text::in_ranges(titles, p) || (c.after_time && !TIME_AFTER.is_match(&text[end..])) {
            continue;
        }
        out.push(text::finding(
            CONFUSABLE_LEXICON.id,
            p,
            end,
            msg!(
                zh = "“{}”应写作“{}”",
                en = "Write “{1}”, not “{0}”",
                c.wrong,
                c.right
            ),
        ));
    }
}

/// `repeated-token`: the same word twice in a row.
pub static REPEATED_TOKEN: Rule = Rule {
    id: "repeated-token",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "词语误重复（的的、进一步进一步）",
    doc: "检查：分词后紧挨着重复的同一个词：多字词（进一步进一步、开展开展），或虚词（的的、了了、和和）。\n\
          原因：多是删改时遗留，读来不通。\n\
          错误：修订乡镇的的考核办法 · 进一步进一步加强\n\
          正确：修订乡镇的考核办法 · 进一步加强\n\
          不报告：叠词（常常、层层、一一、事事、看看）和单字实词的重叠；数字、字母；兼作名词和动词的词\n          （“国家有关规定规定应当公开”）。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）（文字使用正确）。",
    summary_en: "Word repeated by mistake (“的的”, “进一步进一步”)",
    doc_en: "Checks: the same word twice in a row after segmentation: a word of several characters (进一步进一步,\n\
         开展开展) or a function word (的的, 了了, 和和).\n\
         Why: usually left over from an edit; it does not read.\n\
         Wrong: 修订乡镇的的考核办法 · 进一步进一步加强\n\
         Right: 修订乡镇的考核办法 · 进一步加强\n\
         Not reported: reduplicated words (常常, 层层, 一一, 事事, 看看) and doubled one-character content words;\n\
         numbers and letters; words that are both noun and verb (“国家有关规定规定应当公开”).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4) (correct use of words).",
    check: Check::Doc(repeated_token),
};

/// Single-character function words that are never doubled on purpose.
const FUNCTION_CHARS: &str = "的了和与在是对将把被及并为从向按以之其";
/// Two-character words that do repeat on purpose.
const REDUPLICATED: &[&str] = &["研究研究", "讨论讨论", "商量商量", "了解了解", "学习学习"];
/// Nouns that are also verbs: 国家有关规定规定…… is a noun followed by its verb.
const NOUN_VERB: &[&str] = &[
    "规定", "要求", "决定", "建议", "安排", "通知", "批准", "许可", "报告", "命令",
];

fn repeated_token(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    for w in ctx.tokens.windows(2) {
        let (a, b) = (w[0].span, w[1].span);
        // Equal words have equal ids: an integer comparison instead of a string comparison
        // for every pair of tokens.
        if a.end != b.start || w[0].word != w[1].word {
            continue;
        }
        let word = a.text(text);
        let n = word.chars().count();
        if !word.chars().all(text::is_han) {
            continue;
        }
        let flagged = if n == 1 {
            FUNCTION_CHARS.contains(word)
        } else {
            !REDUPLICATED.contains(&format!("{word}{word}").as_str()) && !NOUN_VERB.contains(&word)
        };
        if flagged {
            out.push(text::finding(
                REPEATED_TOKEN.id,
                a.start,
                b.end,
                msg!(
                    zh = "“{word}”重复：“{word}{word}”应为“{word}”",
                    en = "“{word}” is repeated: write “{word}”, not “{word}{word}”"
                ),
            ));
        }
    }
}

/// `placeholder-residue`: template leftovers.
pub static PLACEHOLDER_RESIDUE: Rule = Rule {
    id: "placeholder-residue",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "模板占位符未替换（××、XX、□□、【待补】）",
    doc: "检查：模板遗留的占位符：××、XX、□□、○○、【待补】【待定】、（此处……）、TODO。\n\
          原因：占位符未替换，说明文件尚未写完，印发后造成差错。\n\
          错误：由××局牵头 · 截至XX月底\n\
          正确：由平江县市场监督管理局牵头 · 截至6月底\n\
          不报告：与其他拉丁字母相连的 X（XXL、XX型号代码）；汉字年份中的“○○”（由 zero-glyph 报告）。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "Template placeholder left in (“××”, “XX”, “□□”, “【待补】”)",
    doc_en: "Checks: placeholders left from a template: ××, XX, □□, ○○, 【待补】, 【待定】, （此处……）, TODO.\n\
         Why: a placeholder left in means the document is unfinished, and an error once it is issued.\n\
         Wrong: 由××局牵头 · 截至XX月底\n\
         Right: 由平江县市场监督管理局牵头 · 截至6月底\n\
         Not reported: X joined to other Latin letters (XXL, model codes); “○○” in years in Chinese numerals\n\
         (zero-glyph reports those).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Doc(placeholder_residue),
};

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"×{2,}|X{2,}|Ｘ{2,}|x{2,}|□{2,}|○{2,}|【待[^】\n]{0,10}】|[（(]此处[^）)\n]{0,20}[）)]|TODO|TBD").unwrap()
});

fn placeholder_residue(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    for m in PLACEHOLDER.find_iter(text) {
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if m.as_str().starts_with(['X', 'x', 'T'])
            && (latin(text::char_before(text, m.start())) || latin(text::char_at(text, m.end())))
        {
            continue;
        }
        // 二○○四年 is a year with the wrong zero (zero-glyph), not a placeholder.
        let numeral = |c: Option<char>| c.is_some_and(|c| "〇○零一二三四五六七八九十".contains(c));
        if m.as_str().starts_with('○')
            && (numeral(text::char_before(text, m.start()))
                || numeral(text::char_at(text, m.end())))
        {
            continue;
        }
        out.push(text::finding(
            PLACEHOLDER_RESIDUE.id,
            m.start(),
            m.end(),
            msg!(
                zh = "模板占位符“{}”未替换为实际内容",
                en = "The template placeholder “{}” has not been replaced with the actual content",
                m.as_str()
            ),
        ));
    }
}

/// `traditional-variant-chars`: traditional characters and non-recommended variant words.
pub static TRADITIONAL_VARIANT_CHARS: Rule = Rule {
    id: "traditional-variant-chars",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "使用了繁体字、异体字或非推荐词形",
    doc: "检查：dicts/variants.csv 所列繁体字（務、開、們……）和非推荐词形（惟一、部份、帐户）。\n\
          原因：公文使用《通用规范汉字表》的规范汉字和《第一批异形词整理表》的推荐词形。通篇繁体时只在首处\n\
          报告一次。\n\
          错误：政務公開 · 惟一来源\n\
          正确：政务公开 · 唯一来源\n\
          不报告：在某些词中也是规范字的字（於、乾、後等不在表中）。\n\
          依据：《中华人民共和国国家通用语言文字法》；《通用规范汉字表》(2013)；GF 1001-2001。",
    summary_en: "Traditional or variant characters, or non-recommended word forms",
    doc_en: "Checks: the traditional characters (務, 開, 們……) and non-recommended word forms (惟一, 部份, 帐户) listed in\n\
         dicts/variants.csv.\n\
         Why: documents use the standard characters of 《通用规范汉字表》 and the recommended forms of\n\
         《第一批异形词整理表》. A document in traditional characters throughout is reported once, at the first place.\n\
         Wrong: 政務公開 · 惟一来源\n\
         Right: 政务公开 · 唯一来源\n\
         Not reported: characters that are standard in some words (於, 乾, 後 and the like are not listed).\n\
         Source: 《中华人民共和国国家通用语言文字法》; 《通用规范汉字表》 (2013); GF 1001-2001.",
    check: Check::Doc(traditional_variant_chars),
};

static VARIANT_LIST: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    entries(VARIANTS)
        .filter_map(|l| {
            let (a, b) = l.split_once(',')?;
            Some((a.trim().to_string(), b.trim().to_string()))
        })
        .collect()
});

/// All variant forms found in one pass over the text instead of one per form.
static VARIANT_MATCHER: LazyLock<text::Needles> =
    LazyLock::new(|| text::Needles::new(VARIANT_LIST.iter().map(|(v, _)| v.as_str())));

fn traditional_variant_chars(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    let mut found = Vec::new();
    for (pattern, start) in VARIANT_MATCHER.find_leftmost_longest_at(text, ctx.list_starts()) {
        let (v, s) = &VARIANT_LIST[pattern];
        found.push(text::finding(
            TRADITIONAL_VARIANT_CHARS.id,
            start,
            start + v.len(),
            msg!(
                zh = "“{v}”不是规范字形，应写作“{s}”",
                en = "“{v}” is not the standard form: write “{s}”"
            ),
        ));
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处使用繁体字或非推荐词形，公文应使用规范汉字；此处为首处",
            en = "{n} places in this document use traditional characters or non-recommended forms; documents use standard simplified characters; this is the first"
        )
    });
}

/// `outdated-institution`: an organ abolished by the 2018 reforms named as acting now.
pub static OUTDATED_INSTITUTION: Rule = Rule {
    id: "outdated-institution",
    severity: Severity::Info,
    scope: Scope::Document,
    summary: "使用了已撤销机构的名称",
    doc: "检查：dicts/outdated-institutions.csv 所列已在2018—2019年机构改革中撤销、合并的机构名称\n\
          （政府法制办、工商局、国土资源局、环保局、卫计委、安监局、国税局、地税局等），出现在改革之后的文件中。\n\
          原因：机构改革后职责已转到新机构，继续使用旧名会使职责主体不明。\n\
          错误：由县国土资源局负责审批（2024年的文件）\n\
          正确：由县自然资源局负责审批\n\
          不报告：前有“原”字的历史表述；书名号内的标题；成文年份不晚于改革年份或无法确定年份的文件。\n\
          依据：2018年《深化党和国家机构改革方案》及各地机构改革方案。",
    summary_en: "Name of an abolished institution",
    doc_en: "Checks: names of institutions abolished or merged in the 2018–2019 institutional reform, listed in\n\
         dicts/outdated-institutions.csv (政府法制办, 工商局, 国土资源局, 环保局, 卫计委, 安监局, 国税局, 地税局 and\n\
         others), in documents written after the reform.\n\
         Why: after the reform the duties passed to new bodies; the old names leave unclear who is responsible.\n\
         Wrong: 由县国土资源局负责审批 (in a 2024 document)\n\
         Right: 由县自然资源局负责审批\n\
         Not reported: historical mentions with “原” before the name; titles in 《》; documents written no later\n\
         than the reform year, or whose year cannot be determined.\n\
         Source: the 2018 《深化党和国家机构改革方案》 and the local reform plans.",
    check: Check::Doc(outdated_institution),
};

static OUTDATED_LIST: LazyLock<Vec<(String, String, i32)>> = LazyLock::new(|| {
    entries(OUTDATED)
        .filter_map(|l| {
            let mut it = l.split(',');
            Some((
                it.next()?.trim().to_string(),
                it.next()?.trim().to_string(),
                it.next()?.trim().parse().ok()?,
            ))
        })
        .collect()
});

static OLD: LazyLock<text::Needles> =
    LazyLock::new(|| text::Needles::new(OUTDATED_LIST.iter().map(|o| &o.0)));

/// The word lists read character by character (the others are few strings, each found by a
/// substring search): one scan of a document finds where any of their strings may start.
pub(crate) static LIST_STARTS: LazyLock<text::Starts> =
    LazyLock::new(|| text::Starts::of(&[&PAIR_WORDS, &VARIANT_MATCHER, &OLD, &PHRASE_HALVES]));

fn outdated_institution(ctx: &DocContext, out: &mut Vec<Finding>) {
    let Some(year) = ctx.meta.year else { return };
    let text = &ctx.doc.text;
    let titles = ctx.title_ranges();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (i, p) in OLD.match_indices_each_at(text, ctx.list_starts()) {
        let (old, new, since) = &OUTDATED_LIST[i];
        if year <= *since {
            continue;
        }
        let end = p + old.len();
        if text::in_ranges(titles, p) || taken.iter().any(|&(s, e)| s < end && p < e) {
            continue;
        }
        // 原××局: the organ's name before the reform, said as such.
        let lead: String = text[..p]
            .chars()
            .rev()
            .take_while(|c| text::is_han(*c))
            .take(8)
            .collect();
        if lead.contains('原') {
            continue;
        }
        taken.push((p, end));
        out.push(text::finding(
            OUTDATED_INSTITUTION.id,
            p,
            end,
            msg!(
                zh = "“{old}”已在{since}年机构改革中撤销，现为“{new}”；如指改革前的机构，宜写作“原{old}”",
                en = "“{old}” was abolished in the {since} institutional reform and is now “{new}”; for the body before the reform, write “原{old}”"
            ),
        ));
    }
}

/// `canonical-phrase`: a near miss of a fixed formulation.
pub static CANONICAL_PHRASE: Rule = Rule {
    id: "canonical-phrase",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "固定政治表述有错字",
    doc: "检查：与 dicts/canonical-phrases.txt 所列固定表述（习近平法治思想、“两个维护”、“四个意识”、\n\
          全过程人民民主等）长度相同、只差一个字的写法。\n\
          原因：固定表述一字不能错，错字属于严重差错。\n\
          错误：做到“两个拥护” · 习近平法制思想\n\
          正确：做到“两个维护” · 习近平法治思想\n\
          不报告：首尾字不同（“的发展格局”是别的词连着“发展格局”）；数目字不同（“三位一体”是另一提法）；\n          差一个字后仍是表中另一条表述的写法；一字之差也正确的表述（全面依法治省）不收入表中。\n\
          依据：中央文件的规范表述。",
    summary_en: "Miswritten character in a fixed political phrase",
    doc_en: "Checks: a phrase of the same length as a fixed phrase of dicts/canonical-phrases.txt (习近平法治思想, “两个维护”,\n\
         “四个意识”, 全过程人民民主 and others) that differs from it by one character.\n\
         Why: a fixed phrase must be exact to the character; a wrong character in one is a serious error.\n\
         Wrong: 做到“两个拥护” · 习近平法制思想\n\
         Right: 做到“两个维护” · 习近平法治思想\n\
         Not reported: a different first or last character (“的发展格局” is another word joined to “发展格局”); different\n\
         numerals (“三位一体” is another phrase); forms that are another phrase of the list; phrases that are also\n\
         right with one character changed (全面依法治省) are not listed.\n\
         Source: the standard wording of central documents.",
    check: Check::Doc(canonical_phrase),
};

static PHRASE_LIST: LazyLock<Vec<Vec<char>>> = LazyLock::new(|| {
    entries(PHRASES)
        .map(|l| l.chars().collect::<Vec<_>>())
        .filter(|p| p.len() >= 4)
        .collect()
});

/// The first and the second half of every phrase, patterns `2i` and `2i + 1` for phrase `i`:
/// a phrase with one wrong character still has one half intact, and one pass over a document
/// finds every such half of every phrase.
static PHRASE_HALVES: LazyLock<text::Needles> = LazyLock::new(|| {
    text::Needles::new(PHRASE_LIST.iter().flat_map(|p| {
        let half = p.len() / 2;
        [
            p[..half].iter().collect::<String>(),
            p[half..].iter().collect::<String>(),
        ]
    }))
});

fn canonical_phrase(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    // Where each phrase could start, by phrase: an earlier phrase of the list wins a place.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (pattern, start) in PHRASE_HALVES.find_overlapping_at(text, ctx.list_starts()) {
        let i = pattern / 2;
        if pattern % 2 == 0 {
            candidates.push((i, start));
        } else {
            let half = PHRASE_LIST[i].len() / 2;
            let back = text[..start].char_indices().rev().nth(half - 1);
            candidates.extend(back.map(|(k, _)| (i, k)));
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut seen: Vec<usize> = Vec::new();
    for (i, s) in candidates {
        let phrase = &PHRASE_LIST[i];
        let n = phrase.len();
        let window: Vec<char> = text[s..].chars().take(n).collect();
        if window.len() != n {
            continue;
        }
        let diff: Vec<usize> = (0..n).filter(|&k| window[k] != phrase[k]).collect();
        // An edge character belongs to the neighbouring word (的发展格局), and a different
        // count (“三位一体”) is a different formulation.
        let numeral = |c: char| "一二三四五六七八九十两".contains(c);
        if diff.len() != 1
            || diff[0] == 0
            || diff[0] == n - 1
            || !text::is_han(window[diff[0]])
            || (numeral(window[diff[0]]) && numeral(phrase[diff[0]]))
            || PHRASE_LIST.contains(&window)
        {
            continue;
        }
        if seen.contains(&s) {
            continue;
        }
        seen.push(s);
        let written: String = window.iter().collect();
        let right: String = phrase.iter().collect();
        out.push(text::finding(
            CANONICAL_PHRASE.id,
            s,
            s + written.len(),
            msg!(
                zh = "固定表述有错字：“{written}”应为“{right}”",
                en = "A miswritten set phrase: write “{right}”, not “{written}”"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_pair_word_overlaps_itself() {
        for (a, b) in PAIR_LIST.iter() {
            for w in [a, b] {
                let cs: Vec<char> = w.chars().collect();
                for k in 1..cs.len() {
                    assert_ne!(cs[..k], cs[cs.len() - k..], "{w}");
                }
            }
        }
    }

    #[test]
    fn the_shared_pass_finds_what_match_indices_finds() {
        let mut seen = 0;
        for text in crate::corpus_texts() {
            let at = pair_places(&text, &LIST_STARTS.scan(&text));
            for (i, (a, b)) in PAIR_LIST.iter().enumerate() {
                for (w, found) in [(a, &at[2 * i]), (b, &at[2 * i + 1])] {
                    let want: Vec<usize> = text.match_indices(w.as_str()).map(|m| m.0).collect();
                    assert_eq!(found, &want, "{w}");
                    seen += want.len();
                }
            }
        }
        assert!(seen > 50, "{seen}");
    }
}
