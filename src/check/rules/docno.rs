//! 发文字号 rules (rules.md §A): the written form of a number (GB/T 9704-2012 7.2.5), its code
//! against the issuer named in the cited title, and one number ↔ one title across the batch.
//!
//! The extractor already knows every written form of a number and records which form rules it
//! breaks (`DocNum::problems`); the form rules only turn those records into findings, so a look-alike
//! the extractor refuses (court case numbers, 令 numbers' 第, 期号) can never be reported here.

use std::collections::HashMap;

use crate::check::rules::citation::{canonical_title, group_conflicts, title_issuer_of, Cite};
use crate::check::{BatchDoc, Check, DocContext, Finding, Located, Rule, Scope, Severity};
use crate::extract::docnum::{self, DocNum, Role};
use crate::i18n::tr;
use crate::span::Span;

pub static BRACKET_FORM: Rule = Rule {
    id: "docno-bracket-form",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号年份未用六角括号〔〕",
    doc: "检查：发文字号中的年份用了六角括号〔〕以外的括号（﹝﹞〖〗【】［］[]（）()），或没有括号（临政发2025年36号）。\n\
          原因：发文字号由机关代字、年份、发文顺序号组成，年份须用六角括号〔〕括入；﹝﹞等字形相近，\n\
          多由符号面板或从PDF复制带入。\n\
          错误：保政发﹝2022﹞10号 · 澄政发［2020］44号 · 临政发2025年36号\n\
          正确：保政发〔2022〕10号 · 澄政发〔2020〕44号 · 临政发〔2025〕36号\n\
          不报告：法院案号（2021）澄03行初118号（年份按规定用圆括号）、〔唐〕杜甫一类的作者标注、令号。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "Year of a document number not in the tortoise-shell brackets 〔〕",
    doc_en: "Checks: the year of a document number in brackets other than 〔〕 (﹝﹞〖〗【】［］[]（）()), or in none (临政发2025年36号).\n\
         Why: a document number is made of the issuer's code, the year and the serial number, and the year\n\
         goes in the tortoise-shell brackets 〔〕; look-alikes such as ﹝﹞ come from symbol pickers or text copied from PDF.\n\
         Wrong: 保政发﹝2022﹞10号 · 澄政发［2020］44号 · 临政发2025年36号\n\
         Right: 保政发〔2022〕10号 · 澄政发〔2020〕44号 · 临政发〔2025〕36号\n\
         Not reported: court case numbers such as （2021）澄03行初118号 (their year takes round brackets by rule),\n\
         author notes such as 〔唐〕杜甫, 令 numbers.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(bracket_form),
};

pub static YEAR_FULL: Rule = Rule {
    id: "docno-year-full",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号年份未写全四位阿拉伯数字",
    doc: "检查：发文字号括号内的年份不是四位半角阿拉伯数字：〔25〕、〔二〇二五〕、〔２０２５〕、〔2025年〕。\n\
          原因：发文字号的年份应标全称，用阿拉伯数字。\n\
          错误：澄教发〔25〕19号 · 澄教发〔二〇二五〕19号\n\
          正确：澄教发〔2025〕19号\n\
          不报告：成文日期等其他日期（由日期规则检查）。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "Year of a document number not written as four Arabic digits",
    doc_en: "Checks: a year in the brackets of a document number that is not four half-width Arabic digits: 〔25〕, 〔二〇二五〕, 〔２０２５〕, 〔2025年〕.\n\
         Why: the year of a document number is written in full, in Arabic numerals.\n\
         Wrong: 澄教发〔25〕19号 · 澄教发〔二〇二五〕19号\n\
         Right: 澄教发〔2025〕19号\n\
         Not reported: other dates, such as the date of a document (the date rules check those).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(year_full),
};

pub static SERIAL_DI: Rule = Rule {
    id: "docno-serial-di",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号顺序号前加了“第”",
    doc: "检查：发文字号的发文顺序号前加“第”：临政发〔2025〕第8号。\n\
          原因：发文顺序号不加“第”字。\n\
          错误：临政发〔2025〕第8号\n\
          正确：临政发〔2025〕8号\n\
          不报告：令号（国务院令第722号、临川市人民政府令第58号、主席令）、公告号（××公告2024年第4号）、期号（第6期）。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "“第” before the serial number of a document number",
    doc_en: "Checks: “第” before the serial number of a document number: 临政发〔2025〕第8号.\n\
         Why: the serial number takes no “第”.\n\
         Wrong: 临政发〔2025〕第8号\n\
         Right: 临政发〔2025〕8号\n\
         Not reported: 令 numbers (国务院令第722号, 临川市人民政府令第58号, 主席令), numbers of announcements\n\
         (××公告2024年第4号), issue numbers (第6期).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(serial_di),
};

pub static SERIAL_LEADING_ZERO: Rule = Rule {
    id: "docno-serial-leading-zero",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号顺序号编了虚位（前导0）",
    doc: "检查：发文顺序号前补0：桐政发〔2025〕003号。\n\
          原因：发文顺序号不编虚位，即1不编为001。\n\
          错误：桐政发〔2025〕003号\n\
          正确：桐政发〔2025〕3号\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "Serial number of a document number padded with leading zeros",
    doc_en: "Checks: a serial number padded with 0: 桐政发〔2025〕003号.\n\
         Why: serial numbers are not padded: 1 is not written 001.\n\
         Wrong: 桐政发〔2025〕003号\n\
         Right: 桐政发〔2025〕3号\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(serial_leading_zero),
};

pub static MISSING_HAO: Rule = Rule {
    id: "docno-missing-hao",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号缺少“号”字",
    doc: "检查：发文顺序号后没有“号”字，如括注中直接以右括号结束：（澄卫发〔2020〕41）。\n\
          原因：发文字号以“号”结尾。\n\
          错误：（澄卫发〔2020〕41）\n\
          正确：（澄卫发〔2020〕41号）\n\
          不报告：顺序号后接其他文字的数字串（不认作发文字号）。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "Document number without the closing “号”",
    doc_en: "Checks: no “号” after the serial number, for instance a parenthesis closing right after it: （澄卫发〔2020〕41）.\n\
         Why: a document number ends in “号”.\n\
         Wrong: （澄卫发〔2020〕41）\n\
         Right: （澄卫发〔2020〕41号）\n\
         Not reported: strings of digits followed by other words (they are not taken for document numbers).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(missing_hao),
};

pub static SPACING: Rule = Rule {
    id: "docno-spacing",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "发文字号内有空格",
    doc: "检查：发文字号内部有空格：澄人社发 〔2025〕 12 号。\n\
          原因：发文字号是一个整体，标准写法紧排；空格多由中英文混排工具自动插入，打印后出现断开。\n\
          错误：澄人社发 〔2025〕 12 号\n\
          正确：澄人社发〔2025〕12号\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 的紧排写法；公文排版惯例。",
    summary_en: "Spaces inside a document number",
    doc_en: "Checks: spaces inside a document number: 澄人社发 〔2025〕 12 号.\n\
         Why: a document number is one unit written without spaces; the spaces usually come from tools that\n\
         space out mixed Chinese and Latin text, and break the number apart in print.\n\
         Wrong: 澄人社发 〔2025〕 12 号\n\
         Right: 澄人社发〔2025〕12号\n\
         Source: the unspaced form of GB/T 9704-2012 《党政机关公文格式》 7.2.5; typesetting practice for documents.",
    check: Check::Doc(spacing),
};

pub static AGENCY_MISMATCH: Rule = Rule {
    id: "docno-agency-mismatch",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "机关代字与所引标题的发文机关不符",
    doc: "检查：引用文件时，标题开头的发文机关与括注发文字号的机关代字不相称：办公厅（室）文件配政府代字\n\
          （×政发、×府发、国发），人民政府（国务院）文件配办公厅（室）代字（×政办发、×府办发、国办发），\n\
          党委或党委办公厅（室）文件配政府代字。\n\
          原因：发文字号与标题同属一份文件，引文须准确；代字与机关不符，多是抄错了字号或标题。\n\
          错误：《桐溪区人民政府关于……的通知》（桐府办发〔2025〕29号） · 《中共临川市委办公室关于……的通知》（临政发〔2025〕31号）\n\
          正确：……（桐府发〔2025〕29号） · ……（临办发〔2025〕31号）\n\
          不报告：只比较外层标题的发文机关（印发、转发的内层标题不比较）；联合发文只看主办机关；\n\
          部门代字（×司发、×财预等）不作判断；同一文件在本文中以不同字号引用时由 title-docno-conflict 报告一次。\n\
          依据：《党政机关公文处理工作条例》第九条（五）、第二十条（四）。",
    summary_en: "Issuer code of a document number does not fit the issuing organ of the cited title",
    doc_en: "Checks: a cited document whose title names an issuing organ that does not fit the code of the document\n\
         number after it: a general office (办公厅/办公室) with a government code (×政发, ×府发, 国发), a people's\n\
         government (or the State Council) with an office code (×政办发, ×府办发, 国办发), a Party committee or its\n\
         office with a government code.\n\
         Why: the number and the title belong to the same document and a citation must be exact; a mismatch\n\
         usually means the number or the title was miscopied.\n\
         Wrong: 《桐溪区人民政府关于……的通知》（桐府办发〔2025〕29号） · 《中共临川市委办公室关于……的通知》（临政发〔2025〕31号）\n\
         Right: ……（桐府发〔2025〕29号） · ……（临办发〔2025〕31号）\n\
         Not reported: only the organ of the outer title is compared (not the inner title of a document issued or\n\
         forwarded); for joint documents only the lead organ counts; department codes (×司发, ×财预 and the like)\n\
         are not judged; a document cited here with two different numbers is reported once, by title-docno-conflict.\n\
         Source: 《党政机关公文处理工作条例》 article 9 (5), article 20 (4).",
    check: Check::Doc(agency_mismatch),
};

pub static TITLE_CONFLICT: Rule = Rule {
    id: "docno-title-conflict",
    severity: Severity::Error,
    scope: Scope::Both,
    summary: "同一发文字号对应了不同标题",
    doc: "检查：同一个发文字号（统一括号、去掉“第”、前导0和空格后比较）在本文或本批其他文件中配了不同的标题，\n\
          包括某文件自身的标题与字号。\n\
          原因：一个发文字号只对应一份文件，字号或标题必有一处抄错。\n\
          错误：甲文《临川市人民政府关于加强政务数据共享管理的通知》（临政发〔2018〕42号），\n\
          乙文《临川市人民政府关于提升基层应急管理能力的实施意见》（临政发〔2018〕42号）\n\
          正确：一个字号对应一个标题。\n\
          不报告：仅标点、括号、机关简称写法不同的同一标题（由 title-variant-punct、title-agency-informal 报告）；\n\
          令号不作比较；过短的泛称标题（如《通知》）不作比较。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "One document number given different titles",
    doc_en: "Checks: the same document number (compared with brackets unified and “第”, leading zeros and spaces removed)\n\
         given different titles in this document or in other documents of the batch, a document's own title and\n\
         number included.\n\
         Why: a document number belongs to one document only, so either the number or the title is miscopied.\n\
         Wrong: document A cites 《临川市人民政府关于加强政务数据共享管理的通知》（临政发〔2018〕42号）,\n\
         document B 《临川市人民政府关于提升基层应急管理能力的实施意见》（临政发〔2018〕42号）\n\
         Right: one number, one title.\n\
         Not reported: the same title written with different punctuation, brackets or a short name of the organ\n\
         (title-variant-punct and title-agency-informal report those); 令 numbers; titles too short and generic\n\
         to identify a document (such as 《通知》).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Both(title_conflict_doc, title_conflict_batch),
};

pub static TITLE_DOCNO_CONFLICT: Rule = Rule {
    id: "title-docno-conflict",
    severity: Severity::Error,
    scope: Scope::Both,
    summary: "同一标题对应了不同发文字号",
    doc: "检查：同一文件（标题统一标点、括号并把机关简称还原为全称后相同）在本文或本批其他文件中括注了不同的发文字号。\n\
          原因：一份文件只有一个发文字号，引文须准确。\n\
          错误：《云南省人民政府办公厅关于……的实施意见》（云政办发〔2019〕67号）……同一文件又注（云政发〔2019〕67号）\n\
          正确：每次引用都注同一字号（云政办发〔2019〕67号）。\n\
          不报告：两个字号都是令号（规章、法规修订后以新令公布）；过短的泛称标题（如《通知》）。\n\
          同一问题在同一文件中只报告一次，报在与其他引用不一致的那一处，并给出另一处的位置；\n\
          能从发文机关判断哪个字号正确时，以与机关相符的字号为准。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "One title given different document numbers",
    doc_en: "Checks: the same document (titles equal once punctuation and brackets are unified and short names of\n\
         organs restored) cited with different document numbers in this document or in other documents of the batch.\n\
         Why: a document has exactly one document number, and a citation must be exact.\n\
         Wrong: 《云南省人民政府办公厅关于……的实施意见》（云政办发〔2019〕67号）…… the same document again with （云政发〔2019〕67号）\n\
         Right: every citation gives the same number (云政办发〔2019〕67号).\n\
         Not reported: two 令 numbers (rules and regulations are republished under a new 令 when revised); titles\n\
         too short and generic to identify a document (such as 《通知》).\n\
         A conflict is reported once per document, at the citation that disagrees with the others, with the place\n\
         of the other; when the issuing organ tells which number is right, the number that fits the organ wins.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Both(title_docno_conflict_doc, title_docno_conflict_batch),
};

pub static YEAR_FUTURE: Rule = Rule {
    id: "docno-year-future",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "所引发文字号的年份晚于本文年份",
    doc: "检查：引用的发文字号年份晚于本文的成文年份（本文字号或落款日期的年份）；只知报告年度时，晚于报告年度的次年。\n\
          原因：不能引用尚未制发的文件，多是年份抄错。\n\
          错误：落款2025年1月20日的总结引用临政发〔2026〕14号\n\
          正确：所引字号年份不晚于本文年份。\n\
          不报告：本文自身的字号；无法确定本文年份的文件。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "Cited document number dated later than this document",
    doc_en: "Checks: a cited document number whose year is later than the year this document was written (the year of\n\
         its own number or of its signing date); when only the year reported on is known, later than the year after it.\n\
         Why: a document not yet issued cannot be cited; the year is usually miscopied.\n\
         Wrong: a summary signed 2025年1月20日 citing 临政发〔2026〕14号\n\
         Right: cited numbers are dated no later than this document.\n\
         Not reported: the document's own number; documents whose year cannot be determined.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Doc(year_future),
};

fn form_rule(ctx: &DocContext, out: &mut Vec<Finding>, rule: &'static Rule, what: &str) {
    let text = &ctx.doc.text;
    for d in ctx.docnums.iter().filter(|d| d.problems.contains(&rule.id)) {
        let written = docnum::surface(text, d);
        let right = corrected(&written, d);
        out.push(Finding::new(
            rule.id,
            d.span,
            msg!(
                zh = "{what}：“{written}”应写作“{right}”",
                en = "{what}: write “{right}”, not “{written}”"
            ),
        ));
    }
}

/// The number written in the standard form. 令 numbers keep their organ as written (the
/// normalised form drops 中华人民共和国); only spaces and padding zeros are removed.
fn corrected(written: &str, d: &DocNum) -> String {
    if d.year.is_none() {
        let compact: String = written
            .chars()
            .filter(|c| !matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}'))
            .collect();
        return match (compact.rfind('第'), d.serial) {
            (Some(i), Some(n)) => format!("{}第{n}号", &compact[..i]),
            _ => compact,
        };
    }
    d.normalized.clone()
}

fn bracket_form(ctx: &DocContext, out: &mut Vec<Finding>) {
    form_rule(
        ctx,
        out,
        &BRACKET_FORM,
        tr(
            "发文字号的年份应用六角括号〔〕括入",
            "The year in a document number takes the tortoise-shell brackets 〔〕",
        ),
    );
}

fn year_full(ctx: &DocContext, out: &mut Vec<Finding>) {
    form_rule(
        ctx,
        out,
        &YEAR_FULL,
        tr(
            "发文字号的年份应写全四位阿拉伯数字",
            "The year in a document number is written in full, as four Arabic digits",
        ),
    );
}

fn serial_di(ctx: &DocContext, out: &mut Vec<Finding>) {
    form_rule(
        ctx,
        out,
        &SERIAL_DI,
        tr(
            "发文字号的顺序号前不加“第”",
            "The serial number of a document number takes no “第” before it",
        ),
    );
}

fn serial_leading_zero(ctx: &DocContext, out: &mut Vec<Finding>) {
    form_rule(
        ctx,
        out,
        &SERIAL_LEADING_ZERO,
        tr(
            "发文字号的顺序号不编虚位（不补0）",
            "The serial number of a document number is not padded with leading zeros",
        ),
    );
}

fn missing_hao(ctx: &DocContext, out: &mut Vec<Finding>) {
    form_rule(
        ctx,
        out,
        &MISSING_HAO,
        tr(
            "发文字号缺少“号”字",
            "The document number lacks the closing “号”",
        ),
    );
}

fn spacing(ctx: &DocContext, out: &mut Vec<Finding>) {
    form_rule(
        ctx,
        out,
        &SPACING,
        tr(
            "发文字号内不应有空格",
            "A document number is written without spaces",
        ),
    );
}

/// What kind of organ a title's lead issuer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Organ {
    Government,
    GovernmentOffice,
    Party,
    Other,
}

fn organ_of(issuer: &str) -> Organ {
    // Joint documents carry the lead organ's number: compare the first organ only.
    let lead = issuer.split([' ', '、']).next().unwrap_or_default();
    let party = lead.starts_with("中共") || lead.starts_with("中国共产党");
    if party
        && (lead.ends_with('委')
            || lead.ends_with("委员会")
            || lead.ends_with("委办公厅")
            || lead.ends_with("委办公室")
            || lead == "中共中央"
            || lead == "中共中央办公厅")
    {
        return Organ::Party;
    }
    if party {
        return Organ::Other;
    }
    if lead.ends_with("人民政府办公厅")
        || lead.ends_with("人民政府办公室")
        || lead.ends_with("政府办公厅")
        || lead.ends_with("政府办公室")
        || lead == "国务院办公厅"
    {
        return Organ::GovernmentOffice;
    }
    if lead.ends_with("人民政府") || lead.ends_with("政府") || lead == "国务院" {
        return Organ::Government;
    }
    Organ::Other
}

/// A code of a government itself: ×政发, ×府发, ×政函, ×府规, 国发, 国函 — no 办.
fn government_code(code: &str) -> bool {
    if code.contains('办') || code.contains('厅') {
        return false;
    }
    let chars: Vec<char> = code.chars().collect();
    let n = chars.len();
    if n < 2 || !matches!(chars[n - 1], '发' | '函' | '规') {
        return false;
    }
    matches!(chars[n - 2], '政' | '府') || code == "国发" || code == "国函"
}

/// A code of a government's office: ×政办发, ×府办发, ×政办函, 国办发, 国办函.
fn government_office_code(code: &str) -> bool {
    ["政办", "府办", "国办"].iter().any(|p| code.contains(p))
}

/// A code of any government body (the party must not use one).
fn any_government_code(code: &str) -> bool {
    government_code(code) || government_office_code(code)
}

/// The right kind of code for an organ, when a code of the other kind was used.
fn mismatch(organ: Organ, code: &str) -> Option<&'static str> {
    match organ {
        Organ::GovernmentOffice if government_code(code) => {
            Some(tr(
                "办公厅（室）文件的机关代字应含“办”（如×政办发、×府办发、国办发）",
                "a document of a general office (“办公厅”, “办公室”) takes a code with “办” (such as “×政办发”, “×府办发”, “国办发”)",
            ))
        }
        Organ::Government if government_office_code(code) => {
            Some(tr(
                "人民政府文件的机关代字不应含“办”（应为×政发、×府发、国发一类）",
                "a document of a people's government (“人民政府”) takes a code without “办” (such as “×政发”, “×府发”, “国发”)",
            ))
        }
        Organ::Party if any_government_code(code) => {
            Some(tr(
                "党委及其办公厅（室）文件应使用党委的机关代字（如×发、×办发），不用政府代字",
                "a document of a Party committee or its office takes the committee's code (such as “×发”, “×办发”), not a government code",
            ))
        }
        _ => None,
    }
}

/// Whether the cited number's code fits the organ at the head of the title.
pub(super) fn code_fits_issuer(issuer: &str, code: &str) -> Option<bool> {
    let organ = organ_of(issuer);
    if organ == Organ::Other || code.ends_with('令') {
        return None;
    }
    Some(mismatch(organ, code).is_none())
}

fn agency_mismatch(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    // A document cited here with more than one number is reported once by title-docno-conflict.
    let mut numbers: HashMap<String, Vec<&str>> = HashMap::new();
    for c in ctx.citations {
        if let Some(d) = c.docnum.and_then(|i| ctx.docnums.get(i)) {
            let v = numbers
                .entry(canonical_title(&c.normalized_title))
                .or_default();
            if !v.contains(&d.normalized.as_str()) {
                v.push(&d.normalized);
            }
        }
    }
    for c in ctx.citations {
        let Some(d) = c.docnum.and_then(|i| ctx.docnums.get(i)) else {
            continue;
        };
        if numbers
            .get(&canonical_title(&c.normalized_title))
            .is_some_and(|v| v.len() > 1)
        {
            continue;
        }
        let issuer = title_issuer_of(&c.title);
        if issuer.is_empty() {
            continue;
        }
        let Some(right) = mismatch(organ_of(&issuer), &d.issuer_code) else {
            continue;
        };
        let written = docnum::surface(text, d);
        out.push(
            Finding::new(
                AGENCY_MISMATCH.id,
                d.span,
                msg!(
                    zh = "发文字号“{written}”的机关代字“{}”与标题的发文机关“{issuer}”不符：{right}；请核对字号或标题",
                    en = "The issuer code “{}” of document number “{written}” does not match the issuing organ “{issuer}” named in the title: {right}; check the number or the title",
                    d.issuer_code
                ),
            )
            .with_related(c.span),
        );
    }
}

/// The citations of one document as the conflict rules compare them.
fn cites_of(ctx: &DocContext) -> Vec<Cite> {
    let text = &ctx.doc.text;
    ctx.citations
        .iter()
        .map(|c| {
            let d = c.docnum.and_then(|i| ctx.docnums.get(i));
            Cite {
                doc: 0,
                span: Some(c.span),
                num_span: d.map(|d| d.span),
                at: None,
                title: c.title.clone(),
                canonical: canonical_title(&c.normalized_title),
                number: d.map(|d| d.normalized.clone()),
                number_written: d.map(|d| docnum::surface(text, d)),
                code: d.map(|d| d.issuer_code.clone()),
                authoritative: false,
            }
        })
        .collect()
}

fn cites_of_batch(docs: &[BatchDoc]) -> Vec<Cite> {
    let mut out = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        for c in d.citations.iter().chain(d.own.iter()) {
            out.push(Cite {
                doc: i,
                span: None,
                num_span: None,
                at: Some(c.at.clone()),
                title: c.title.clone(),
                canonical: canonical_title(&c.normalized_title),
                number: c.docnum_normalized.clone(),
                number_written: c.docnum.clone(),
                code: c
                    .docnum_normalized
                    .as_deref()
                    .and_then(|n| n.split_once('〔').map(|(code, _)| code.to_string())),
                authoritative: d.register,
            });
        }
    }
    out
}

/// Generic titles (《通知》《实施意见》) name many documents; they identify nothing.
fn identifying(title: &str) -> bool {
    title.chars().count() >= 8
}

fn is_ling(number: &str) -> bool {
    !number.contains('〔')
}

/// Findings for one group of cites sharing a key (a number or a title) with differing values.
fn conflict_findings(
    cites: &[Cite],
    key_of: impl Fn(&Cite) -> Option<String>,
    value_of: impl Fn(&Cite) -> Option<String>,
    preferred: impl Fn(&Cite) -> bool,
    within_doc: bool,
    message: impl Fn(&Cite, &Cite) -> String,
    mut emit: impl FnMut(&Cite, &Cite, String),
) {
    for (wrong, right) in group_conflicts(cites, key_of, value_of, preferred, within_doc) {
        let m = message(&cites[wrong], &cites[right]);
        emit(&cites[wrong], &cites[right], m);
    }
}

fn title_docno_message(wrong: &Cite, right: &Cite) -> String {
    msg!(
        zh = "同一文件《{}》引用了不同的发文字号：此处为“{}”，另一处为“{}”；一份文件只有一个字号，应统一为正确的字号{}",
        en = "The same document 《{}》 is cited with different document numbers: “{}” here, “{}” elsewhere; a document has one number, so use the correct one throughout{}",
        wrong.title,
        wrong.number_written.as_deref().unwrap_or_default(),
        right.number_written.as_deref().unwrap_or_default(),
        fit_note(wrong, right),
    )
}

/// Says which number fits the issuer, when the title tells.
fn fit_note(wrong: &Cite, right: &Cite) -> String {
    let issuer = title_issuer_of(&wrong.title);
    let (Some(wc), Some(rc)) = (wrong.code.as_deref(), right.code.as_deref()) else {
        return String::new();
    };
    match (code_fits_issuer(&issuer, wc), code_fits_issuer(&issuer, rc)) {
        (Some(false), Some(true)) => {
            msg!(
                zh = "（发文机关为“{issuer}”，机关代字应为“{rc}”，“{wc}”不符）",
                en = " (the issuer is “{issuer}”, so the code should be “{rc}”; “{wc}” does not fit)"
            )
        }
        _ => String::new(),
    }
}

fn docno_title_message(wrong: &Cite, right: &Cite) -> String {
    msg!(
        zh = "发文字号“{}”对应了不同的标题：此处为《{}》，另一处为《{}》；一个字号只对应一份文件，应核对字号或标题",
        en = "Document number “{}” is given different titles: 《{}》 here, 《{}》 elsewhere; a number belongs to one document only, so check the number or the title",
        wrong.number_written.as_deref().unwrap_or_default(),
        wrong.title,
        right.title,
    )
}

fn number_key(c: &Cite) -> Option<String> {
    c.number.clone().filter(|n| !is_ling(n))
}

fn title_key(c: &Cite) -> Option<String> {
    c.number.as_ref()?;
    identifying(&c.canonical).then(|| c.canonical.clone())
}

fn title_number(c: &Cite) -> Option<String> {
    c.number.clone().filter(|n| !is_ling(n))
}

fn fits(c: &Cite) -> bool {
    let issuer = title_issuer_of(&c.title);
    c.code
        .as_deref()
        .and_then(|code| code_fits_issuer(&issuer, code))
        .unwrap_or(false)
}

fn doc_emit<'a>(
    out: &'a mut Vec<Finding>,
    rule: &'static str,
    use_number_span: bool,
) -> impl FnMut(&Cite, &Cite, String) + 'a {
    move |wrong: &Cite, right: &Cite, m: String| {
        let span = if use_number_span {
            wrong.num_span.or(wrong.span)
        } else {
            wrong.span
        };
        let related = if use_number_span {
            right.num_span.or(right.span)
        } else {
            right.span
        };
        let (Some(span), Some(rel)) = (span, related) else {
            return;
        };
        out.push(Finding::new(rule, span, m).with_related(rel));
    }
}

fn batch_emit<'a>(
    out: &'a mut Vec<Located>,
    rule: &'static str,
) -> impl FnMut(&Cite, &Cite, String) + 'a {
    move |wrong: &Cite, right: &Cite, m: String| {
        let (Some(at), Some(rel)) = (wrong.at.clone(), right.at.clone()) else {
            return;
        };
        out.push(Located {
            at,
            span: Span::new(0, 0),
            rule,
            severity: Severity::Error,
            message: m,
            text: format!("《{}》", wrong.title),
            related: vec![rel],
            excerpt: None,
        });
    }
}

fn title_docno_conflict_doc(ctx: &DocContext, out: &mut Vec<Finding>) {
    let cites = cites_of(ctx);
    conflict_findings(
        &cites,
        title_key,
        title_number,
        fits,
        true,
        title_docno_message,
        doc_emit(out, TITLE_DOCNO_CONFLICT.id, true),
    );
}

fn title_docno_conflict_batch(docs: &[BatchDoc], out: &mut Vec<Located>) {
    let cites = cites_of_batch(docs);
    conflict_findings(
        &cites,
        title_key,
        title_number,
        fits,
        false,
        title_docno_message,
        batch_emit(out, TITLE_DOCNO_CONFLICT.id),
    );
}

fn docno_title_value(c: &Cite) -> Option<String> {
    identifying(&c.canonical).then(|| c.canonical.clone())
}

fn title_conflict_doc(ctx: &DocContext, out: &mut Vec<Finding>) {
    let cites = cites_of(ctx);
    conflict_findings(
        &cites,
        number_key,
        docno_title_value,
        |_| false,
        true,
        docno_title_message,
        doc_emit(out, TITLE_CONFLICT.id, false),
    );
}

fn title_conflict_batch(docs: &[BatchDoc], out: &mut Vec<Located>) {
    let cites = cites_of_batch(docs);
    conflict_findings(
        &cites,
        number_key,
        docno_title_value,
        |_| false,
        false,
        docno_title_message,
        batch_emit(out, TITLE_CONFLICT.id),
    );
}

/// The year a document was written, when the text states it firmly (its own number, or a
/// signing date on one of the last lines), else the report year with a year's grace: a report on
/// 2022 is written in 2023 and may cite 2023 numbers.
fn latest_citable_year(ctx: &DocContext) -> Option<i32> {
    if let Some(y) = ctx
        .docnums
        .iter()
        .find(|d| d.role == Role::SelfNumber)
        .and_then(|d| d.year)
    {
        return Some(y);
    }
    if let Some(y) = signoff_year(&ctx.doc.text) {
        return Some(y);
    }
    ctx.meta.year.map(|y| y + 1)
}

fn signoff_year(text: &str) -> Option<i32> {
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^((?:19|20)[0-9]{2})\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日$")
            .expect("valid regex")
    });
    text.lines()
        .rev()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .take(4)
        .find_map(|l| DATE.captures(l).and_then(|c| c[1].parse().ok()))
}

fn year_future(ctx: &DocContext, out: &mut Vec<Finding>) {
    let Some(limit) = latest_citable_year(ctx) else {
        return;
    };
    let text = &ctx.doc.text;
    for d in ctx.docnums.iter().filter(|d| d.role != Role::SelfNumber) {
        let Some(y) = d.year else { continue };
        if y <= limit {
            continue;
        }
        let written = docnum::surface(text, d);
        out.push(Finding::new(
            YEAR_FUTURE.id,
            d.span,
            msg!(
                zh = "所引发文字号“{written}”的年份{y}年晚于本文的年份，应不晚于{limit}年（不能引用尚未制发的文件）；请核对年份",
                en = "The cited document number “{written}” is dated {y}, later than this document; it can be {limit} at the latest (a document not yet issued cannot be cited); check the year"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Checker;
    use crate::extract::citation::extract_citations;
    use crate::extract::docnum::extract_docnums;
    use crate::meta;
    use crate::Document;

    fn run(text: &str, rule: &str) -> Vec<String> {
        let doc = Document::from_text("t.txt", text);
        let mut nums = extract_docnums(text);
        let cites = extract_citations(text, &mut nums);
        let meta = meta::detect_with(text, &nums);
        Checker::default_rules()
            .check_document(&DocContext {
                doc: &doc,
                tokens: &[],
                figures: &[],
                docnums: &nums,
                citations: &cites,
                meta: &meta,
                shared: Default::default(),
            })
            .into_iter()
            .filter(|f| f.rule == rule)
            .map(|f| format!("{}:{} {}", f.at.line, f.at.column, f.text))
            .collect()
    }

    #[test]
    fn form_rules_follow_the_extractor() {
        let text = "按保政发﹝2022﹞10号、澄教发〔25〕19号、临政发〔2025〕第8号、桐政发〔2025〕003号办理（澄卫发〔2020〕41）。\n澄人社发 〔2025〕 12 号\n";
        assert_eq!(run(text, "docno-bracket-form"), ["1:2 保政发﹝2022﹞10号"]);
        assert_eq!(run(text, "docno-year-full"), ["1:15 澄教发〔25〕19号"]);
        assert_eq!(run(text, "docno-serial-di"), ["1:26 临政发〔2025〕第8号"]);
        assert_eq!(
            run(text, "docno-serial-leading-zero"),
            ["1:39 桐政发〔2025〕003号"]
        );
        assert_eq!(run(text, "docno-missing-hao"), ["1:55 澄卫发〔2020〕41"]);
        assert_eq!(run(text, "docno-spacing"), ["2:1 澄人社发 〔2025〕 12 号"]);
    }

    #[test]
    fn look_alikes_are_not_reported() {
        let text = "依照《临川市物业管理办法》（临川市人民政府令第58号）和国务院令第722号，（2021）澄03行初118号行政判决，简报〔2024〕第6期，〔唐〕杜甫。\n";
        for rule in [
            "docno-bracket-form",
            "docno-serial-di",
            "docno-year-full",
            "docno-missing-hao",
        ] {
            assert!(run(text, rule).is_empty(), "{rule}: {:?}", run(text, rule));
        }
    }

    #[test]
    fn agency_codes_against_the_title() {
        let text = "《桐溪区人民政府关于加强河道管理的通知》（桐府办发〔2025〕29号）、《中共临川市委办公室关于做好值班工作的通知》（临政发〔2025〕31号）、《临川市人民政府办公室关于做好防汛工作的通知》（临政发〔2025〕32号）。\n《桐溪区人民政府关于做好春耕的通知》（桐府发〔2025〕30号）《中共临川市委办公室关于某事的通知》（临办发〔2025〕33号）《国务院办公厅关于某事的通知》（国办发〔2025〕1号）\n";
        assert_eq!(
            run(text, "docno-agency-mismatch"),
            [
                "1:22 桐府办发〔2025〕29号",
                "1:60 临政发〔2025〕31号",
                "1:98 临政发〔2025〕32号"
            ]
        );
    }

    #[test]
    fn one_title_two_numbers_is_one_finding_at_the_odd_one() {
        let text = "《临川市人民政府关于加强河道管理的通知》（临政发〔2025〕3号）\n再次《临川市人民政府关于加强河道管理的通知》（临政办发〔2025〕3号）\n又见《临川市人民政府关于加强河道管理的通知》（临政办发〔2025〕3号）\n";
        assert_eq!(
            run(text, "title-docno-conflict"),
            ["2:24 临政办发〔2025〕3号"]
        );
        assert!(run(text, "docno-agency-mismatch").is_empty());
        let same = "《临川市人民政府关于加强河道管理的通知》（临政发〔2025〕3号）\n《临川市人民政府关于加强河道管理的通知》（临政发﹝2025﹞3号）\n";
        assert!(run(same, "title-docno-conflict").is_empty());
        let ling = "《临川市物业管理办法》（临川市人民政府令第58号）\n《临川市物业管理办法》（临川市人民政府令第71号）\n";
        assert!(run(ling, "title-docno-conflict").is_empty());
    }

    #[test]
    fn one_number_two_titles() {
        let text = "《临川市人民政府关于加强政务数据共享管理的通知》（临政发〔2018〕42号）\n《临川市人民政府关于提升基层应急管理能力的实施意见》（临政发﹝2018﹞42号）\n";
        assert_eq!(
            run(text, "docno-title-conflict"),
            ["2:1 《临川市人民政府关于提升基层应急管理能力的实施意见》"]
        );
    }

    #[test]
    fn future_years() {
        let text = "临川市人民政府关于某事的报告\n按临政发〔2026〕14号和临政发〔2024〕3号办理。\n\n临川市人民政府\n2025年1月20日\n";
        assert_eq!(run(text, "docno-year-future"), ["2:2 临政发〔2026〕14号"]);
        let report = "临川市2024年法治政府建设情况报告\n按临政发〔2025〕14号办理。\n";
        assert!(run(report, "docno-year-future").is_empty());
    }
}
