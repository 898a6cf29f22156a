//! `repeated-token`: the same word twice in a row (的的, 进一步进一步), a leftover of an edit.

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::span::Span;

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
          不报告：叠词（常常、层层、一一、事事、看看）和单字实词的重叠；数字、字母；兼作名词和动词的词\n          （“国家有关规定规定应当公开”“集体经济组织组织开展”）；\n          两个词相接而成（保管保管物、对对账单）。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）（文字使用正确）。",
    summary_en: "Word repeated by mistake (“的的”, “进一步进一步”)",
    doc_en: "Checks: the same word twice in a row after segmentation: a word of several characters (进一步进一步,\n\
         开展开展) or a function word (的的, 了了, 和和).\n\
         Why: usually left over from an edit; it does not read.\n\
         Wrong: 修订乡镇的的考核办法 · 进一步进一步加强\n\
         Right: 修订乡镇的考核办法 · 进一步加强\n\
         Not reported: reduplicated words (常常, 层层, 一一, 事事, 看看) and doubled one-character content words;\n\
         numbers and letters; words that are both noun and verb (“国家有关规定规定应当公开”, “集体经济组织组织开展”);\n\
         two words that meet (保管保管物, 对对账单).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4) (correct use of words).",
    check: Check::Doc(repeated_token),
    safe_fix: false,
};

/// Single-character function words that are never doubled on purpose.
const FUNCTION_CHARS: &str = "的了和与在是对将把被及并为从向按以之其";
/// Two-character words that do repeat on purpose.
const REDUPLICATED: &[&str] = &["研究研究", "讨论讨论", "商量商量", "了解了解", "学习学习"];
/// Nouns that are also verbs: 国家有关规定规定…… is a noun followed by its verb.
const NOUN_VERB: &[&str] = &[
    "规定", "要求", "决定", "建议", "安排", "通知", "批准", "许可", "报告", "命令",
    // 集体经济组织组织开展, 专业组织组织利用: an organisation that organises.
    "组织",
];

/// Whether the doubled word is two words that meet: the first ends a word begun before it (党组织
/// 组织开展) or the second begins a word that goes on after it (对对账单, 保管保管物). jieba cuts such
/// text into the repeated word because it prefers the more frequent split, so the dictionary
/// is asked about the longer words.
fn words_meet(text: &str, tokens: &[crate::segment::Token], i: usize) -> bool {
    let jieba = crate::segment::Segmenter::global().jieba();
    let (a, b) = (tokens[i].span(), tokens[i + 1].span());
    let joined = |from: usize, to: usize| {
        let w = &text[from..to];
        w.chars().count() <= 6 && jieba.has_word(w)
    };
    let before = i
        .checked_sub(1)
        .map(|p| tokens[p].span())
        .filter(|p| p.end == a.start)
        .is_some_and(|p| joined(p.start, a.end));
    // A one-character noun suffix after the second word makes a word the dictionary may lack
    // (保管物, 保管费).
    const NOUN_SUFFIXES: &str = "物费人者品单员金款期场所方量率权证书表类项";
    let after = tokens
        .get(i + 2)
        .map(|n| n.span())
        .filter(|n| n.start == b.end)
        .is_some_and(|n| {
            let next = &text[n.start..n.end];
            // The second word with the whole next token or its first characters: 对对账单 is
            // 对 + 对账单, and the dictionary knows 对账.
            let joins = next
                .char_indices()
                .skip(1)
                .map(|(k, _)| n.start + k)
                .chain([n.end])
                .any(|end| joined(b.start, end));
            joins || (next.chars().count() == 1 && NOUN_SUFFIXES.contains(next))
        });
    before || after
}

/// Whether two tokens are the same word. Adjacent tokens are mostly single characters of
/// the same length, which their last bytes tell apart without a call to compare them whole.
fn same_word(text: &[u8], a: Span, b: Span) -> bool {
    let (x, y) = (&text[a.start..a.end], &text[b.start..b.end]);
    x.len() == y.len() && x.last() == y.last() && x == y
}

fn repeated_token(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    for (i, w) in ctx.tokens.windows(2).enumerate() {
        let (a, b) = (w[0].span(), w[1].span());
        if a.end != b.start || !same_word(text.as_bytes(), a, b) {
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
        if flagged && !words_meet(text, ctx.tokens, i) {
            out.push(
                text::finding(
                    REPEATED_TOKEN.id,
                    a.start,
                    b.end,
                    msg!(
                        zh = "“{word}”重复：“{word}{word}”应为“{word}”",
                        en = "“{word}” is repeated: write “{word}”, not “{word}{word}”"
                    ),
                )
                .with_replacement(word),
            );
        }
    }
}
