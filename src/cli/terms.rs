//! `gongwen terms`: word frequencies and keywords only.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::args::*;
use gongwen::input;
use gongwen::msg;
use gongwen::output::sink::CsvDirSink;
use gongwen::output::tables::TableId;
use gongwen::pipeline;
use gongwen::terms;

#[derive(Args, Debug)]
pub(crate) struct TermsArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// 输出目录（写入 terms.csv，给出 --terms-from 时还有 term_counts.csv）
    #[arg(long, short, value_name = "DIR")]
    pub(crate) output: PathBuf,
    /// 表头语言：en（英文列名，默认）或 zh（中文列名）
    #[arg(long, value_enum, default_value_t = HeaderLang::En)]
    pub(crate) headers: HeaderLang,
    /// 不在CSV开头写入BOM
    #[arg(long)]
    pub(crate) no_bom: bool,
    #[command(flatten)]
    pub(crate) terms: TermArgs,
}

pub(crate) fn run_terms(a: TermsArgs) -> Result<ExitCode, String> {
    let read = read_options(&a.input)?;
    let config = load_config(&a.input)?;
    setup_threads(a.input.threads);
    gongwen::segment::prewarm_unknown_word_tags();
    let inputs = input::expand_excluding(&a.input.paths, std::slice::from_ref(&a.output));
    stdin_hint(&a.input);
    let seg = segmenter(&config, &a.terms.dict)?;
    let opts = term_options(&a.terms)?;
    let mut sink = CsvDirSink::create_tables(
        &a.output,
        !a.no_bom,
        a.headers == HeaderLang::Zh,
        &[TableId::Terms],
    )
    .map_err(|e| {
        msg!(
            zh = "无法创建输出目录 {}：{e}",
            en = "cannot create the output directory {}: {e}",
            a.output.display()
        )
    })?;
    let summary = terms::run(&inputs, &read, seg, &opts, &mut sink)
        .and_then(|s| pipeline::Sink::finish(Box::new(sink)).map(|()| s))
        .map_err(|e| output_failed(&a.output, e))?;
    report(&summary, a.input.quiet, &a.output.display().to_string());
    Ok(exit_for(&summary))
}
