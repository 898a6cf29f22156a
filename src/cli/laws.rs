//! `gongwen laws NAME`: what the law catalogue knows of a law or regulation, for a quick check.

use std::io::Write;
use std::process::ExitCode;

use super::args::*;
use gongwen::msg;
use gongwen::resolve::{iso, Catalogue, History};

/// Texts listed when the name matches several.
const MAX_LISTED: usize = 20;

fn describe(h: &History) -> String {
    let mut out = format!("{}\n", h.title);
    let mut field = |zh: &str, en: &str, value: String| {
        if !value.is_empty() {
            let line = msg!(zh = "  {zh}：{value}\n", en = "  {en}: {value}\n");
            out.push_str(&line);
        }
    };
    field("层级", "level", h.level.clone());
    field("制定机关", "issuer", h.issuer.clone());
    field("令号", "number", h.number.clone());
    field(
        "通过/公布",
        "adopted",
        h.adopted.map(iso).unwrap_or_default(),
    );
    field(
        "施行",
        "in force from",
        h.in_force.map(iso).unwrap_or_default(),
    );
    field(
        "修改",
        "amended",
        h.amended
            .iter()
            .map(|d| iso(*d))
            .collect::<Vec<_>>()
            .join("、"),
    );
    field("废止", "repealed", h.repealed.map(iso).unwrap_or_default());
    field("取代文本", "replaced by", h.replaced_by.clone());
    let status = match h.repealed {
        Some(_) => msg!(zh = "已废止", en = "repealed"),
        None => msg!(zh = "现行有效", en = "in force"),
    };
    field("效力", "status", status);
    // Each fact with the sentence it was read from, so it can be checked at a glance.
    out.push_str(&msg!(zh = "  依据：\n", en = "  read from:\n"));
    for (source, sentence) in h.source.split(';').zip(h.evidence.split(" | ")) {
        out.push_str(&format!("    {source}  {sentence}\n"));
    }
    out
}

pub(crate) fn run_laws(name: String) -> Result<ExitCode, String> {
    let cat = Catalogue::global();
    let found: Vec<&History> = match cat.history(&name) {
        Some(h) => vec![h],
        None => cat.search(&name),
    };
    if found.is_empty() {
        return Err(msg!(
            zh = "法规目录中没有《{name}》；目录只收国家法律、行政法规、司法解释和部分规章，地方性法规请用 --registry 登记簿",
            en = "《{name}》 is not in the catalogue of laws; it holds national laws, administrative regulations, judicial interpretations and some rules (local regulations belong in a --registry file)"
        ));
    }
    let mut text = String::new();
    for (i, h) in found.iter().take(MAX_LISTED).enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&describe(h));
    }
    if found.len() > MAX_LISTED {
        text.push_str(&msg!(
            zh = "\n……另有 {} 部，请写出更完整的名称\n",
            en = "\n… and {} more; give a fuller name\n",
            found.len() - MAX_LISTED
        ));
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()) {
        Err(e) if !is_broken_pipe(&e) => Err(write_failed(e)),
        _ => Ok(ExitCode::SUCCESS),
    }
}
