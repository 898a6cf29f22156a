//! `gongwen.toml`: per-rule severity or `off`, the fail level, texts never flagged, and extra
//! dictionaries.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::finding::Severity;

/// The configuration file's name, looked up in the current directory and its parents.
pub const FILE_NAME: &str = "gongwen.toml";

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    fail_on: Option<String>,
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    dicts: Vec<PathBuf>,
    #[serde(default)]
    registries: Vec<PathBuf>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
}

/// The checked configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Lowest severity that makes `check` exit 1 (default: error).
    pub fail_on: Option<Severity>,
    /// Exact texts that are never flagged.
    pub allow: Vec<String>,
    /// Extra jieba dictionaries, resolved against the configuration file's directory.
    pub dicts: Vec<PathBuf>,
    /// Users' registers of documents (CSV), resolved likewise.
    pub registries: Vec<PathBuf>,
    pub rules: BTreeMap<String, Level>,
    /// Where the configuration came from, if from a file.
    pub source: Option<PathBuf>,
}

/// Why a configuration could not be used; shown to users.
#[derive(Debug)]
pub enum ConfigError {
    Read { path: PathBuf, err: std::io::Error },
    Parse { path: PathBuf, msg: String },
    Invalid { path: PathBuf, msg: String },
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            ConfigError::Read { path, err } => {
                let path = path.display();
                msg!(
                    zh = "无法读取配置文件 {path}：{err}",
                    en = "cannot read the configuration file {path}: {err}"
                )
            }
            ConfigError::Parse { path, msg } => {
                let path = path.display();
                msg!(
                    zh = "配置文件 {path} 格式错误：{msg}",
                    en = "malformed configuration file {path}: {msg}"
                )
            }
            ConfigError::Invalid { path, msg } => {
                let path = path.display();
                msg!(
                    zh = "配置文件 {path}：{msg}",
                    en = "configuration file {path}: {msg}"
                )
            }
        })
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Read { err, .. } => Some(err),
            _ => None,
        }
    }
}

impl Config {
    /// Parses a configuration; `known_rule` tells whether a rule id exists.
    pub fn parse(
        text: &str,
        path: &Path,
        known_rule: impl Fn(&str) -> bool,
    ) -> Result<Config, ConfigError> {
        let raw: Raw = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            msg: e.to_string(),
        })?;
        let invalid = |msg: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            msg,
        };
        let fail_on = match raw.fail_on {
            Some(s) => Some(Severity::parse(&s).ok_or_else(|| {
                invalid(msg!(
                    zh = "fail_on 应为 error、warning 或 info，而不是“{s}”",
                    en = "fail_on must be error, warning or info, not “{s}”"
                ))
            })?),
            None => None,
        };
        let mut rules = BTreeMap::new();
        for (id, level) in raw.rules {
            if !known_rule(&id) {
                return Err(invalid(msg!(
                    zh = "没有名为“{id}”的规则（gongwen rules 列出全部规则）",
                    en = "no rule named “{id}” (gongwen rules lists them all)"
                )));
            }
            let level = if level.trim().eq_ignore_ascii_case("off") {
                Level::Off
            } else {
                Level::On(Severity::parse(&level).ok_or_else(|| {
                    invalid(msg!(
                        zh = "规则 {id} 的级别应为 error、warning、info 或 off，而不是“{level}”",
                        en = "the level of rule {id} must be error, warning, info or off, not “{level}”"
                    ))
                })?)
            };
            rules.insert(id, level);
        }
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            fail_on,
            allow: raw.allow,
            dicts: raw.dicts.into_iter().map(|d| base.join(d)).collect(),
            registries: raw.registries.into_iter().map(|d| base.join(d)).collect(),
            rules,
            source: Some(path.to_path_buf()),
        })
    }

    /// Reads a configuration file.
    pub fn load(path: &Path, known_rule: impl Fn(&str) -> bool) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|err| ConfigError::Read {
            path: path.to_path_buf(),
            err,
        })?;
        Config::parse(&text, path, known_rule)
    }

    /// `gongwen.toml` in `start` or the nearest parent that has one.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }
}

/// The commented default written by `gongwen init`, its comments in the language of messages.
pub fn default_file(rules: &[(&str, Severity, &str)]) -> String {
    let mut s = String::from(crate::i18n::tr(
        "# gongwen 配置文件（gongwen check 与 gongwen extract 会在当前目录及上级目录中查找）\n\
         \n\
         # 达到该级别的问题使 gongwen check 以状态码 1 退出：error、warning 或 info\n\
         fail_on = \"error\"\n\
         \n\
         # 永不报告的原文（与问题所在文字完全相同时忽略），例如本单位惯用的写法\n\
         allow = []\n\
         \n\
         # 额外的分词词典（jieba 格式：词语 [词频] [词性]），路径相对于本文件\n\
         dicts = []\n\
         \n\
         # 本单位的文件登记簿（CSV：title,docnum,issuer,date,status），引用将与之核对\n\
         registries = []\n\
         \n\
         # 各规则的级别：error、warning、info 或 off（关闭）。默认值如下，删除 # 即可修改。\n\
         [rules]\n",
        "# gongwen configuration (gongwen check and gongwen extract look for it in the current directory and its parents)\n\
         \n\
         # Findings of this level or above make gongwen check exit with status 1: error, warning or info\n\
         fail_on = \"error\"\n\
         \n\
         # Texts never reported (a finding whose text is exactly one of these is dropped), such as the unit's own usage\n\
         allow = []\n\
         \n\
         # Extra segmentation dictionaries (jieba format: word [frequency] [tag]), relative to this file\n\
         dicts = []\n\
         \n\
         # The unit's registers of documents (CSV: title,docnum,issuer,date,status); citations are checked against them\n\
         registries = []\n\
         \n\
         # The level of each rule: error, warning, info or off. The defaults follow; remove the # to change one.\n\
         [rules]\n",
    ));
    for (id, sev, summary) in rules {
        s.push_str(&format!("# {id} = \"{sev}\"    # {summary}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_levels_and_rejects_unknown_rules() {
        let known = |id: &str| id == "docno-spacing";
        let c = Config::parse(
            "fail_on = \"warning\"\nallow = [\"一规划两纲要\"]\n[rules]\ndocno-spacing = \"off\"\n",
            Path::new("/x/gongwen.toml"),
            known,
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(Severity::Warning));
        assert_eq!(c.rules["docno-spacing"], Level::Off);
        assert_eq!(c.allow, vec!["一规划两纲要"]);
        let err =
            Config::parse("[rules]\nno-such = \"off\"\n", Path::new("g.toml"), known).unwrap_err();
        assert!(err.to_string().contains("no-such"));
        assert!(Config::parse("fail_on = 3", Path::new("g.toml"), known).is_err());
    }
}
