//! Chinese column names (`--headers zh`) for every column of every table, and Chinese words for
//! the enumerated values under them.

use super::tables::TableId;

/// The Chinese name of a column, or the English name when none is defined.
pub fn zh(column: &str) -> &str {
    match column {
        "file" => "文件",
        "status" => "状态",
        "encoding" => "编码",
        "format" => "格式",
        "chars" => "字数",
        "lines" => "行数",
        "title" => "标题",
        "docnum" => "发文字号",
        "year" => "年份",
        "figures" => "数字数",
        "docnums" => "文号数",
        "citations" => "引用数",
        "findings" => "问题数",
        "error" => "说明",
        "undecodable_bytes" => "无法解码字节数",
        "pages" => "页数",
        "left_out" => "未列出",
        "page" => "页",
        "fix" => "修改方式",
        "line" => "行",
        "column" => "列",
        "text" => "原文",
        "value" => "数值",
        "unit" => "单位",
        "base_unit" => "基本单位",
        "kind" => "类别",
        "qualifier" => "限定",
        "low" => "下限",
        "high" => "上限",
        "metric" => "指标",
        "sentence" => "所在句",
        "change" => "变动",
        "basis" => "比较基准",
        "period" => "时期",
        "normalized" => "规范写法",
        "issuer_code" => "机关代字",
        "serial" => "序号",
        "form" => "形式",
        "problems" => "问题",
        "role" => "作用",
        "normalized_title" => "规范标题",
        "key" => "标识",
        "issuer" => "发文机关",
        "docnum_normalized" => "规范文号",
        "registry_status" => "效力状态",
        "law_status" => "引用时效力",
        "repealed_on" => "废止日期",
        "replaced_by" => "取代文本",
        "rule" => "规则",
        "severity" => "级别",
        "message" => "说明",
        "related" => "相关位置",
        "end_line" => "结束行",
        "end_column" => "结束列",
        "replacement" => "建议改为",
        "variants" => "写法",
        "citing_files" => "引用文件数",
        "first_file" => "首次引用文件",
        "first_line" => "首次引用行",
        "in_corpus" => "本批文件",
        "citing_file" => "引用文件",
        "cited_file" => "被引文件",
        "term" => "词语",
        "pos" => "词性",
        "count" => "次数",
        "per_10k" => "每万词次数",
        "tfidf" => "TF-IDF权重",
        "rank" => "排名",
        "docs" => "使用文件数",
        other => other,
    }
}

/// The Chinese name of a column of `table`: as [`zh`], but where one English name means two
/// things in two tables (`docnums` counts numbers in `documents`, lists them in
/// `citation_index`).
pub fn zh_column(table: TableId, column: &str) -> &str {
    match (table, column) {
        (TableId::CitationIndex, "docnums") => "发文字号",
        (TableId::CitationIndex, "citations") => "引用次数",
        _ => zh(column),
    }
}

/// The Chinese word for an enumerated value of a column (`status` ok, `severity` warning,
/// `kind` law …), for tables written with Chinese headers; `None` for free text.
pub fn zh_value(column: &str, value: &str) -> Option<&'static str> {
    Some(match (column, value) {
        ("status", "ok") => "成功",
        ("status", "error") => "失败",
        ("status", "skipped") => "已跳过",
        ("severity", "error") => "错误",
        ("severity", "warning") => "警告",
        ("severity", "info") => "提示",
        ("form", "standard") => "规范",
        ("form", "nonstandard") => "不规范",
        ("role", "self") => "本文文号",
        ("role", "citation") => "引用",
        ("role", "reference") => "提及",
        ("qualifier", "approx") => "约数",
        ("qualifier", "more_than") => "以上",
        ("qualifier", "less_than") => "以下",
        ("qualifier", "range") => "范围",
        ("change", "increase") => "增加",
        ("change", "decrease") => "减少",
        ("change", "none") => "无",
        ("registry_status", "in-force") => "现行有效",
        ("registry_status", "repealed") => "已废止",
        ("registry_status", "unknown") => "未知",
        ("law_status", "in-force") => "有效",
        ("law_status", "repealed") => "已废止",
        ("law_status", "amended-since") => "已修改",
        ("law_status", "not-yet-in-force") => "尚未施行",
        ("law_status", "unknown") => "未知",
        ("kind", "count") => "计数",
        ("kind", "money") => "金额",
        ("kind", "percent") => "百分比",
        ("kind", "measure") => "计量",
        ("kind", "number") => "数值",
        ("kind", "law") => "法律",
        ("kind", "regulation") => "行政法规",
        ("kind", "rule") => "规章",
        ("kind", "local-regulation") => "地方性法规",
        ("kind", "normative-document") => "规范性文件",
        ("kind", "plan") => "规划",
        ("kind", "judicial-interpretation") => "司法解释",
        ("kind", "standard") => "标准",
        ("kind", "form") => "表证书",
        ("kind", "other") => "其他",
        ("kind", "cites") => "引用",
        ("kind", "self") => "引用本文",
        ("fix", "safe") => "可自动修改",
        ("fix", "review") => "需人工确认",
        _ => return None,
    })
}

/// The header of a table in the requested language.
pub fn header(table: TableId, chinese: bool) -> Vec<String> {
    table
        .header()
        .iter()
        .map(|n| if chinese { zh_column(table, n) } else { n }.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_chinese_name_and_names_are_unique_per_table() {
        for t in TableId::ALL {
            let h = header(t, true);
            for (en, zh_name) in t.header().iter().zip(&h) {
                assert!(!zh_name.is_ascii(), "{en} in {}", t.name());
            }
            let mut seen = std::collections::HashSet::new();
            assert!(h.iter().all(|c| seen.insert(c)), "{}: {h:?}", t.name());
        }
    }
}
