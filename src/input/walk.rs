//! Expanding the user's paths into the list of inputs, in a stable order.

use std::path::{Path, PathBuf};

use crate::i18n::tr;

/// One input named by the user or found under a directory the user named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk; `display` is the path as given or found, with `/` separators; `walked`
    /// when a directory walk found it rather than the user naming it.
    File {
        path: PathBuf,
        display: String,
        walked: bool,
    },
    /// Standard input (`-`).
    Stdin,
    /// Something that could not be listed (missing path, unreadable directory, link loop).
    Unlistable { display: String, reason: String },
    /// Found by a directory walk and deliberately not read: a data file, or a directory of an
    /// earlier run's tables. It still gets its row, with the reason, so nothing vanishes.
    Passed { display: String, reason: String },
}

impl Input {
    pub fn display(&self) -> &str {
        match self {
            Input::File { display, .. }
            | Input::Unlistable { display, .. }
            | Input::Passed { display, .. } => display,
            Input::Stdin => "-",
        }
    }
}

fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s.to_string()
    }
}

fn walk_error_reason(err: &ignore::Error) -> String {
    if is_loop(err) {
        return tr(
            "符号链接形成循环，已跳过",
            "symbolic links form a loop; skipped",
        )
        .to_string();
    }
    match err.io_error() {
        Some(io) => io_reason(io),
        None => msg!(
            zh = "无法读取目录：{err}",
            en = "cannot read the directory: {err}"
        ),
    }
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

/// Extensions of tables and data: a folder of documents often holds a file list or an export
/// beside them, which is no document and whose tabs and numbers would read as defects.
const DATA_EXTENSIONS: &[&str] = &[
    "csv", "tsv", "json", "jsonl", "ndjson", "xml", "yaml", "yml", "toml", "xlsx", "xlsm", "xls",
    "et", "ods",
];

/// Whether a directory holds the tables of an earlier `extract` run (or is this run's output):
/// reading them back would report every row of the last run as a document of this one.
fn holds_tables(dir: &Path) -> bool {
    (dir.join("documents.csv").is_file() && dir.join("findings.csv").is_file())
        || dir.join("gongwen.jsonl").is_file()
        || dir.join("gongwen.xlsx").is_file()
}

fn is_data_file(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| DATA_EXTENSIONS.contains(&e.as_str()))
}

/// Expands paths: files as given, directories walked recursively in sorted order, skipping
/// hidden entries and paths matched by `.gongwenignore` files.
///
/// A walk reads documents only: data files (see [`DATA_EXTENSIONS`]) and directories holding an
/// earlier run's tables are listed as [`Input::Passed`] with the reason, never read; a data file
/// named on the command line is read.
pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    expand_excluding(paths, &[])
}

/// [`expand`], with the files and directories in `exclude` (a run's own output) left out of
/// every walk, silently: they are where this run writes.
pub fn expand_excluding(paths: &[PathBuf], exclude: &[PathBuf]) -> Vec<Input> {
    use std::sync::{Arc, Mutex};
    let exclude: Arc<Vec<PathBuf>> = Arc::new(
        exclude
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect(),
    );
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                inputs.push(Input::Unlistable {
                    display: display_path(path),
                    reason: io_reason(&e),
                });
                continue;
            }
        };
        if !meta.is_dir() {
            inputs.push(Input::File {
                path: path.clone(),
                display: display_path(path),
                walked: false,
            });
            continue;
        }
        // Directories passed over, in the order the walk met them: the walk asks the filter
        // about a directory before it yields anything below or after it.
        let passed: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
        let root = path.clone();
        let walker = {
            let (passed, exclude) = (Arc::clone(&passed), Arc::clone(&exclude));
            ignore::WalkBuilder::new(path)
                .standard_filters(false)
                .hidden(true)
                .add_custom_ignore_filename(".gongwenignore")
                .follow_links(true)
                .sort_by_file_name(|a, b| a.cmp(b))
                .filter_entry(move |e| {
                    let own = !exclude.is_empty()
                        && std::fs::canonicalize(e.path()).is_ok_and(|c| exclude.contains(&c));
                    if own {
                        return false;
                    }
                    if !e.file_type().is_some_and(|t| t.is_dir()) {
                        return true;
                    }
                    if e.path() != root && holds_tables(e.path()) {
                        passed
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .push(e.path().to_path_buf());
                        return false;
                    }
                    true
                })
                .build()
        };
        let drain = |inputs: &mut Vec<Input>| {
            for dir in passed.lock().unwrap_or_else(|p| p.into_inner()).drain(..) {
                inputs.push(Input::Passed {
                    display: display_path(&dir),
                    reason: tr(
                        "目录中是此前运行生成的表格，不作为输入读取",
                        "a directory of tables written by an earlier run; not read as input",
                    )
                    .to_string(),
                });
            }
        };
        for entry in walker {
            drain(&mut inputs);
            match entry {
                Ok(e) => {
                    let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
                    if is_dir {
                        continue;
                    }
                    if e.path().extension().is_some_and(|x| x == "bak") {
                        // The originals `gongwen fix --write` keeps: the fixed file is beside.
                        inputs.push(Input::Passed {
                            display: display_path(e.path()),
                            reason: tr(
                                "备份文件（.bak），目录中的此类文件不读取（需要时请直接指定该文件）",
                                "a backup (.bak): such files are not read from a directory (name the file to read it)",
                            )
                            .to_string(),
                        });
                    } else if is_data_file(e.path()) {
                        inputs.push(Input::Passed {
                            display: display_path(e.path()),
                            reason: tr(
                                "表格或数据文件，不是公文，目录中的此类文件不读取（需要时请直接指定该文件）",
                                "a table or data file, not a document: such files are not read from a directory (name the file to read it)",
                            )
                            .to_string(),
                        });
                    } else {
                        inputs.push(Input::File {
                            display: display_path(e.path()),
                            path: e.into_path(),
                            walked: true,
                        });
                    }
                }
                Err(err) => {
                    let display = error_path(&err)
                        .map(|p| display_path(&p))
                        .unwrap_or_else(|| display_path(path));
                    inputs.push(Input::Unlistable {
                        display,
                        reason: walk_error_reason(&err),
                    });
                }
            }
        }
        drain(&mut inputs);
    }
    inputs
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        _ => None,
    }
}

/// Plain-language reason for an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => tr(
            "文件或目录不存在，请检查路径是否正确",
            "no such file or directory; check the path",
        )
        .to_string(),
        PermissionDenied => tr("没有读取权限", "permission denied").to_string(),
        IsADirectory => tr("这是一个目录，不是文件", "a directory, not a file").to_string(),
        _ if e.raw_os_error() == Some(40) => tr(
            "符号链接形成循环，无法读取",
            "symbolic links form a loop; cannot read",
        )
        .to_string(),
        _ => msg!(zh = "读取失败：{e}", en = "read failed: {e}"),
    }
}
