//! The language of messages meant for people: findings, rule documentation, diagnostics,
//! input failures and the command line's own lines. Chinese unless a program chooses English.
//!
//! The language is a process-wide setting read by every message site, so that rules keep their
//! plain signatures. A program sets it once, before any work starts (and before the rayon pool
//! runs), so every thread sees the same language and output stays deterministic.
//!
//! Column names, rule ids, severities in machine formats and the quoted fragments of a document
//! are the same in every language.

use std::sync::atomic::{AtomicU8, Ordering};

/// A language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The language named by `zh` or `en` (any case, surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of messages for the whole process.
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The language of messages; Chinese unless [`set_lang`] chose another.
pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == Lang::En as u8 {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// Whether messages are in English.
pub fn is_en() -> bool {
    lang() == Lang::En
}

/// One of two fixed texts, by the language of messages.
pub fn tr<'a>(zh: &'a str, en: &'a str) -> &'a str {
    match lang() {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Formats the message of the current language only: `msg!(zh = "…{x}…", en = "…{x}…")`.
/// Both texts may capture variables; extra arguments after them are shared by both.
#[macro_export]
macro_rules! msg {
    (zh = $zh:literal, en = $en:literal $(,)?) => {
        if $crate::i18n::is_en() {
            format!($en)
        } else {
            format!($zh)
        }
    };
    (zh = $zh:literal, en = $en:literal, $($arg:tt)+) => {
        if $crate::i18n::is_en() {
            format!($en, $($arg)+)
        } else {
            format!($zh, $($arg)+)
        }
    };
}

/// `s` without its quoted fragments (“…”, 《…》): in an English message those hold the
/// document's own Chinese, and what is left must be English.
pub fn unquoted(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '“' | '《' => depth += 1,
            '”' | '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse() {
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn chinese_unless_chosen() {
        // Unit tests share the process: the setting is never changed here, so this holds for
        // every message test of the library.
        assert_eq!(lang(), Lang::Zh);
        assert_eq!(tr("错误", "error"), "错误");
        let n = 3;
        assert_eq!(msg!(zh = "共{n}处", en = "{n} places"), "共3处");
        assert_eq!(msg!(zh = "共{}处", en = "{} places", n + 1), "共4处");
    }
}
