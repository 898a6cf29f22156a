//! `extract-limit`: a document with more figures, document numbers or citations than a
//! document of its length may yield (see `crate::extract::Limits`), of which only the first
//! were read, listed and checked.
//!
//! Fixtures (tests/fixtures/rules/extract-limit): wrong.txt is a sentence of
//! ../shared/corpus/real/gzbg-shanxi-2026-zhengfugongzuobaogao.txt repeated 2,200 times (4,400
//! figures in 112 KB, where 4,219 may be read); right.txt has that sentence once, and two of
//! gzbg-jilin-2026 and gzbg-zhejiang-2026.

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `extract-limit`: the place from which a document's figures, numbers or citations were not read.
pub static EXTRACT_LIMIT: Rule = Rule {
    id: "extract-limit",
    severity: Severity::Info,
    scope: Scope::Document,
    summary: "数字、文号或引用过密，超出部分未读取、未检查",
    doc: "检查：一份文件的数字、文号或《》引用多于同样长度的文件所能有的（数字每份4000个另加每512字节1个，文号500个另加每1024字节1个，引用1000个另加每4096字节1个），超出部分既不列入表格，也不经规则检查；在第一个未读取之处报告一次。\n\
          原因：这样的文本（同一个数字或引用反复出现成千上万次）不是公文，逐一列出会使内存和输出成倍于文件本身；但未读完的文件不能当作已检查无误。documents 表的 left_out 列写明各类只列出了多少个。\n\
          错误：把“全年办理案件1件，同比增长2.5%，”重复上万次的文本\n\
          正确：任何一份已发布的公文（基准语料3542份文件中最多的一份有1095个数字、103个引用）\n\
          不报告：未超出限度的文件。\n\
          依据：本工具的输入限度（README“Memory”）。",
    summary_en: "More figures, document numbers or citations than a document may hold: the rest were not read or checked",
    doc_en: "Checks: a document with more figures, document numbers or 《》 citations than a document of its\n\
         length may yield (figures: 4,000 plus one per 512 bytes; numbers: 500 plus one per 1,024 bytes;\n\
         citations: 1,000 plus one per 4,096 bytes); those past the limit are neither listed nor checked by\n\
         the rules. Reported once, where the first item not read begins.\n\
         Why: such a text (one figure or citation repeated tens of thousands of times) is not an official\n\
         document, and listing each would take memory and output many times the file's size; but a file\n\
         not read to the end must not pass for checked. The left_out column of the documents table says\n\
         how many of each kind were listed.\n\
         Wrong: a text of “全年办理案件1件，同比增长2.5%，” repeated ten thousand times\n\
         Right: any published document (of the 3,542 files of the bench, the richest has 1,095 figures and\n\
         103 citations)\n\
         Not reported: a document within the limits.\n\
         Source: this tool's input limits (README, Memory).",
    check: Check::Doc(extract_limit),
    safe_fix: false,
};

fn extract_limit(ctx: &DocContext, out: &mut Findings) {
    let kept = [ctx.figures.len(), ctx.docnums.len(), ctx.citations.len()];
    for (at, n, kind) in ctx.left_out.each(kept) {
        out.push(text::finding(
            EXTRACT_LIMIT.id,
            at.start,
            at.end,
            msg!(
                zh = "本文件{kind}过密，只读取前{n}个；从此处起的{kind}未列出，也未检查",
                en = "more {kind} than a document of this length may yield: the first {n} were read; those from here on are neither listed nor checked"
            ),
        ));
    }
}
