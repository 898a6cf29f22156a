//! Expanding the user's paths into the list of inputs, in a stable order.

use std::path::{Path, PathBuf};

use crate::i18n::tr;

/// One input named by the user or found under a directory the user named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk; `display` is the path as given or found, with `/` separators.
    File { path: PathBuf, display: String },
    /// Standard input (`-`).
    Stdin,
    /// Something that could not be listed (missing path, unreadable directory, link loop).
    Unlistable { display: String, reason: String },
}

impl Input {
    pub fn display(&self) -> &str {
        match self {
            Input::File { display, .. } | Input::Unlistable { display, .. } => display,
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

/// Expands paths: files as given, directories walked recursively in sorted order, skipping
/// hidden entries and paths matched by `.gongwenignore` files.
pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
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
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(path)
            .standard_filters(false)
            .hidden(true)
            .add_custom_ignore_filename(".gongwenignore")
            .follow_links(true)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
                    if !is_dir {
                        inputs.push(Input::File {
                            display: display_path(e.path()),
                            path: e.into_path(),
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
        NotFound => tr("文件或目录不存在", "no such file or directory").to_string(),
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
