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
    /// On, at the severity the configuration gives it elsewhere or its default (an override's
    /// `enable`).
    Default,
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
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    typo: RawTypo,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTypo {
    #[serde(default)]
    allow: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    paths: Vec<String>,
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    enable: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
}

/// Rules set differently for some files (`[[overrides]]` in `gongwen.toml`): `paths` are globs
/// matched against an input's path as given or found (`法规/**`, `*.md`); later overrides win.
#[derive(Debug, Clone)]
pub struct Override {
    pub paths: Vec<String>,
    globs: globset::GlobSet,
    /// Each rule's level for the matching files.
    pub rules: BTreeMap<String, Level>,
}

impl Override {
    pub fn matches(&self, file: &str) -> bool {
        self.globs.is_match(file)
    }
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
    /// Rules set differently for some files, in the order written.
    pub overrides: Vec<Override>,
    /// Words the `typo` rule never takes for typos (`[typo] allow`).
    pub typo_allow: Vec<String>,
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

/// The message for a rule id that does not exist, with the nearest id when one is close.
pub fn unknown_rule(id: &str) -> String {
    match super::rules::nearest_id(id) {
        Some(near) => msg!(
            zh = "没有名为“{id}”的规则，是否要用“{near}”？（gongwen rules 列出全部规则）",
            en = "no rule named “{id}”; did you mean “{near}”? (gongwen rules lists them all)"
        ),
        None => msg!(
            zh = "没有名为“{id}”的规则（gongwen rules 列出全部规则）",
            en = "no rule named “{id}” (gongwen rules lists them all)"
        ),
    }
}

impl Config {
    /// Parses a configuration; `known_rule` tells whether a rule id exists.
    pub fn parse(
        text: &str,
        path: &Path,
        known_rule: impl Fn(&str) -> bool,
    ) -> Result<Config, ConfigError> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            // Where, in the language of messages; the parser's own words (English) follow as a
            // detail for whoever knows TOML.
            let at = e.span().map(|s| {
                let before = &text[..s.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, column)
            });
            let detail = e.message().trim();
            ConfigError::Parse {
                path: path.to_path_buf(),
                msg: match at {
                    Some((line, column)) => msg!(
                        zh = "第{line}行第{column}列不是有效的TOML写法，请检查该处的方括号、引号和等号（{detail}）",
                        en = "line {line}, column {column} is not valid TOML; check the brackets, quotes and equals signs there ({detail})"
                    ),
                    None => msg!(
                        zh = "不是有效的TOML写法（{detail}）",
                        en = "not valid TOML ({detail})"
                    ),
                },
            }
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
        let known = |id: &str| {
            if known_rule(id) {
                Ok(())
            } else {
                Err(invalid(unknown_rule(id)))
            }
        };
        let level_of = |id: &str, level: &str| -> Result<Level, ConfigError> {
            known(id)?;
            if level.trim().eq_ignore_ascii_case("off") {
                return Ok(Level::Off);
            }
            Severity::parse(level).map(Level::On).ok_or_else(|| {
                invalid(msg!(
                    zh = "规则 {id} 的级别应为 error、warning、info 或 off，而不是“{level}”",
                    en =
                        "the level of rule {id} must be error, warning, info or off, not “{level}”"
                ))
            })
        };
        let mut rules = BTreeMap::new();
        for (id, level) in raw.rules {
            let level = level_of(&id, &level)?;
            rules.insert(id, level);
        }
        let mut overrides = Vec::new();
        for o in raw.overrides {
            let mut set = globset::GlobSetBuilder::new();
            for p in &o.paths {
                let glob = globset::Glob::new(p).map_err(|e| {
                    invalid(msg!(
                        zh = "overrides 的路径模式“{p}”无效：{e}",
                        en = "the path pattern “{p}” of overrides is not valid: {e}"
                    ))
                })?;
                set.add(glob);
            }
            let globs = set.build().map_err(|e| invalid(e.to_string()))?;
            let mut levels = BTreeMap::new();
            for id in &o.disable {
                known(id)?;
                levels.insert(id.clone(), Level::Off);
            }
            for (id, level) in &o.severity {
                levels.insert(id.clone(), level_of(id, level)?);
            }
            for id in &o.enable {
                known(id)?;
                // On at its configured or default severity: resolved by the checker.
                levels.entry(id.clone()).or_insert(Level::Default);
            }
            overrides.push(Override {
                paths: o.paths,
                globs,
                rules: levels,
            });
        }
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            fail_on,
            allow: raw.allow,
            dicts: raw.dicts.into_iter().map(|d| base.join(d)).collect(),
            registries: raw.registries.into_iter().map(|d| base.join(d)).collect(),
            rules,
            overrides,
            typo_allow: raw.typo.allow,
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
    s.push_str(crate::i18n::tr(
        "\n# 对部分文件另行设置（路径模式按输入时的路径匹配，后写的优先），例如：\n\
         # [[overrides]]\n\
         # paths = [\"法规/**\"]\n\
         # disable = [\"space-in-cjk\"]\n\
         # severity = { \"heading-number-sequence\" = \"info\" }\n",
        "\n# Settings for some files only (patterns match the inputs' paths; later ones win), for example:\n\
         # [[overrides]]\n\
         # paths = [\"法规/**\"]\n\
         # disable = [\"space-in-cjk\"]\n\
         # severity = { \"heading-number-sequence\" = \"info\" }\n",
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_set_rules_for_matching_files() {
        let known = |id: &str| ["space-in-cjk", "year-abbrev"].contains(&id);
        let text = "[rules]\nyear-abbrev = \"off\"\n\
                    [[overrides]]\npaths = [\"法规/**\", \"*.md\"]\ndisable = [\"space-in-cjk\"]\n\
                    enable = [\"year-abbrev\"]\n";
        let c = Config::parse(text, Path::new("g.toml"), known).unwrap();
        let o = &c.overrides[0];
        assert!(o.matches("法规/条例.txt") && o.matches("草稿/说明.md"));
        assert!(!o.matches("草稿/通知.txt"));
        assert_eq!(o.rules["space-in-cjk"], Level::Off);
        assert_eq!(o.rules["year-abbrev"], Level::Default);
        let bad = "[[overrides]]\npaths = [\"x\"]\ndisable = [\"nope\"]\n";
        assert!(Config::parse(bad, Path::new("g.toml"), known).is_err());
    }

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
