//! Chinese column names (`--headers zh`) for every column of every table.

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
        "rule" => "规则",
        "severity" => "级别",
        "message" => "说明",
        "related" => "相关位置",
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

/// The header of a table in the requested language.
pub fn header(names: &[&'static str], chinese: bool) -> Vec<String> {
    names
        .iter()
        .map(|n| if chinese { zh(n) } else { n }.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::tables::TableId;

    #[test]
    fn every_column_has_a_chinese_name_and_names_are_unique_per_table() {
        for t in TableId::ALL {
            let h = header(t.header(), true);
            for (en, zh_name) in t.header().iter().zip(&h) {
                assert!(!zh_name.is_ascii(), "{en} in {}", t.name());
            }
            let mut seen = std::collections::HashSet::new();
            assert!(h.iter().all(|c| seen.insert(c)), "{}: {h:?}", t.name());
        }
    }
}
