//! The errors of the library: each names the file, and the line where there is one, and says in
//! the language of messages what is wrong. Inputs that cannot be read are not errors of this
//! kind: they become rows with a status and a reason (see [`crate::input::Failure`]), and a
//! batch goes on.

use std::path::PathBuf;

pub use crate::check::config::ConfigError;
pub use crate::segment::DictError;

/// Why something a run needs besides its inputs (configuration, registers, dictionaries) could
/// not be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Dict(#[from] DictError),
    #[error(transparent)]
    Register(#[from] RegisterError),
    #[error(transparent)]
    Units(#[from] UnitsError),
}

/// A user's register of documents (`--registry FILE.csv`) that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.describe())]
pub struct RegisterError {
    pub file: PathBuf,
    /// 1-based; 0 for the file as a whole.
    pub line: usize,
    pub problem: RegisterProblem,
}

/// What is wrong with a register.
#[derive(Debug)]
pub enum RegisterProblem {
    Unreadable(std::io::Error),
    Malformed(String),
    NoTitleColumn,
    NoTitle,
    UnknownDocnum(String),
    UnknownStatus(String),
}

impl RegisterError {
    fn describe(&self) -> String {
        let (file, line) = (self.file.display(), self.line);
        match &self.problem {
            RegisterProblem::Unreadable(e) => msg!(
                zh = "无法读取登记簿 {file}：{e}",
                en = "cannot read the register {file}: {e}"
            ),
            RegisterProblem::Malformed(e) => msg!(
                zh = "登记簿 {file} 第{line}行无法读取：{e}",
                en = "register {file}, line {line}: cannot read: {e}"
            ),
            RegisterProblem::NoTitleColumn => msg!(
                zh = "登记簿 {file} 第1行缺少 title 列（应为 title,docnum,issuer,date,status）",
                en = "register {file}, line 1: no title column (expected title,docnum,issuer,date,status)"
            ),
            RegisterProblem::NoTitle => msg!(
                zh = "登记簿 {file} 第{line}行缺少标题（title）",
                en = "register {file}, line {line}: no title"
            ),
            RegisterProblem::UnknownDocnum(d) => msg!(
                zh = "登记簿 {file} 第{line}行的发文字号“{d}”无法识别",
                en = "register {file}, line {line}: the document number “{d}” is not recognised"
            ),
            RegisterProblem::UnknownStatus(s) => msg!(
                zh = "登记簿 {file} 第{line}行的状态“{s}”无法识别（应为 in-force/现行有效 或 repealed/已废止）",
                en = "register {file}, line {line}: the status “{s}” is not recognised (expected in-force/现行有效 or repealed/已废止)"
            ),
        }
    }
}

/// A malformed line of a unit dictionary (`dicts/units.csv`).
#[derive(Debug, thiserror::Error)]
#[error("{}", msg!(zh = "单位表第{}行格式错误：{}", en = "units line {}: {}", self.line, self.text))]
pub struct UnitsError {
    pub line: usize,
    pub text: String,
}
