//! `extract-limit`: a document with more figures, document numbers, citations or words than a
//! document of its length may yield (see `crate::extract::Limits`), of which only the first
//! were read, listed and checked.
//!
//! Fixtures (tests/fixtures/rules/extract-limit): wrong.txt is a sentence of
//! ../shared/corpus/real/gzbg-shanxi-2026-zhengfugongzuobaogao.txt repeated 2,200 times (4,400
//! figures in 112 KB, where 4,219 may be read), then 6,000 times `a ` (12,000 words in 12 KB,
//! where 10,096 may be cut), then 6,500 lines of `甲乙丙` (in 65 KB, where 6,127 lines may be
//! read line by line); right.txt has that sentence once, and two of gzbg-jilin-2026 and
//! gzbg-zhejiang-2026.

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::extract::LimitedKind;

/// `extract-limit`: the place from which a document's figures, numbers, citations, words or lines
/// were not read.
pub static EXTRACT_LIMIT: Rule = Rule {
    id: "extract-limit",
    severity: Severity::Info,
    scope: Scope::Document,
    summary: "数字、文号、引用、词语或文本行过密，超出部分未读取、未检查",
    doc: "检查：一份文件的数字、文号或《》引用多于同样长度的文件所能有的（数字每份4000个另加每512字节1个，文号500个另加每1024字节1个，引用1000个另加每4096字节1个），超出部分既不列入表格，也不经规则检查；分词所得的词语（含空格、标点）多于每份4096个另加每2字节1个时，其后的文字不再分词，依赖分词的检查（重复词、数字的指标等）在那里不进行；文本行多于每份4096行另加每32字节1行时，逐行检查的规则只检查此前的行。在第一个未读取之处报告一次。\n\
          原因：这样的文本（同一个数字或引用反复出现成千上万次，或“a a a……”这样每个字节一个词，或每行只有一两个字节）不是公文，逐一列出会使内存和输出成倍于文件本身；但未读完的文件不能当作已检查无误。documents 表的 left_out 列写明各类只列出了多少个。\n\
          错误：把“全年办理案件1件，同比增长2.5%，”重复上万次的文本\n\
          正确：任何一份已发布的公文（基准语料3542份文件中最多的一份有1095个数字、103个引用；词语最密的约每3字节1个，文本行最密的不到限度的三成）\n\
          不报告：未超出限度的文件。\n\
          依据：本工具的输入限度（README“Memory”）。",
    summary_en: "More figures, document numbers, citations, words or lines than a document may hold: the rest were not read or checked",
    doc_en: "Checks: a document with more figures, document numbers or 《》 citations than a document of its\n\
         length may yield (figures: 4,000 plus one per 512 bytes; numbers: 500 plus one per 1,024 bytes;\n\
         citations: 1,000 plus one per 4,096 bytes); those past the limit are neither listed nor checked by\n\
         the rules. With more words (jieba's tokens, spaces and marks included) than 4,096 plus one per 2\n\
         bytes, the text past them is not cut into words, and what reads words (repeated words, the metrics\n\
         of figures) is not checked there. With more lines than 4,096 plus one per 32 bytes, the rules that\n\
         read the text line by line read the lines before that only. Reported once, where the first item\n\
         not read begins.\n\
         Why: such a text (one figure or citation repeated tens of thousands of times, `a a a …` with a\n\
         word per byte, or a line every byte or two) is not an official document, and listing each would\n\
         take memory and output many times the file's size; but a file not read to the end must not pass\n\
         for checked. The left_out column of the documents table says how many of each kind were listed.\n\
         Wrong: a text of “全年办理案件1件，同比增长2.5%，” repeated ten thousand times\n\
         Right: any published document (of the 3,542 files of the bench, the richest has 1,095 figures and\n\
         103 citations; the densest in words has about one per 3 bytes, and none uses 30% of its limit of lines)\n\
         Not reported: a document within the limits.\n\
         Source: this tool's input limits (README, Memory).",
    check: Check::Doc(extract_limit),
    safe_fix: false,
};

fn extract_limit(ctx: &DocContext, out: &mut Findings) {
    let kept = [
        ctx.figures.len(),
        ctx.docnums.len(),
        ctx.citations.len(),
        ctx.tokens.len(),
        crate::extract::Limits::for_len(ctx.doc.text.len()).lines,
    ];
    for (at, n, limited) in ctx.left_out.each(kept) {
        let kind = limited.name();
        let message = match limited {
            LimitedKind::Lines => msg!(
                zh = "本文件行数过多（多于4096行另加每32字节1行），只逐行检查前{n}行；此处之后的行未逐行检查",
                en = "more lines than a document of this length may have (4,096 plus one per 32 bytes): the first {n} were checked line by line; the lines from here on were not"
            ),
            LimitedKind::Words => msg!(
                zh = "本文件{kind}过密，只切分前{n}个；此处之后的文字未切分，重复词、数字的指标等依赖分词的检查未进行",
                en = "more {kind} than a document of this length may yield: the first {n} were cut; the text from here on was not, so what reads words (repeated words, the metrics of figures) was not checked there"
            ),
            LimitedKind::Figures | LimitedKind::Docnums | LimitedKind::Citations => msg!(
                zh = "本文件{kind}过密，只读取前{n}个；从此处起的{kind}未列出，也未检查",
                en = "more {kind} than a document of this length may yield: the first {n} were read; those from here on are neither listed nor checked"
            ),
        };
        out.push(text::finding(EXTRACT_LIMIT.id, at.start, at.end, message));
    }
}
