//! The language of messages meant for people: findings, rule documentation, diagnostics,
//! input failures and the command line's own lines. Chinese unless a program chooses English.
//!
//! The language is passed in by whoever starts the work — [`crate::check::Checker::with_lang`] for
//! findings, [`with_lang`] around a command — and holds for the thread doing that work; the
//! ordered driver of the pipeline hands it on to its workers. Message sites read it with
//! [`lang`], so rules keep their plain signatures, and two runs in one process may use two
//! languages side by side.
//!
//! Column names, rule ids, severities in machine formats and the quoted fragments of a document
//! are the same in every language.

use std::cell::Cell;

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

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Zh) };
}

/// Runs `f` with messages in `lang` on this thread; the language before is back afterwards, even
/// if `f` unwinds.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            LANG.with(|l| l.set(self.0));
        }
    }
    let _restore = Restore(LANG.with(|l| l.replace(lang)));
    f()
}

/// The language of messages on this thread: Chinese unless a caller chose another with
/// [`with_lang`].
pub fn lang() -> Lang {
    LANG.with(Cell::get)
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
    fn the_language_holds_for_its_scope_only() {
        assert_eq!(lang(), Lang::Zh);
        let n = 2;
        let en = with_lang(Lang::En, || msg!(zh = "共{n}处", en = "{n} places"));
        assert_eq!(en, "2 places");
        assert_eq!(lang(), Lang::Zh);
        let unwound = std::panic::catch_unwind(|| with_lang(Lang::En, || panic!("inside")));
        assert!(unwound.is_err());
        assert_eq!(lang(), Lang::Zh);
        // Another thread starts in Chinese whatever this one uses.
        with_lang(Lang::En, || {
            assert_eq!(std::thread::spawn(lang).join().unwrap(), Lang::Zh);
        });
    }

    #[test]
    fn chinese_unless_chosen() {
        assert_eq!(lang(), Lang::Zh);
        assert_eq!(tr("错误", "error"), "错误");
        let n = 3;
        assert_eq!(msg!(zh = "共{n}处", en = "{n} places"), "共3处");
        assert_eq!(msg!(zh = "共{}处", en = "{} places", n + 1), "共4处");
    }
}
