//! `repeated-token`: the same word twice in a row (的的, 进一步进一步), a leftover of an edit.

use crate::check::rules::text;
use crate::check::{Check, DocContext, Finding, Rule, Scope, Severity};

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
