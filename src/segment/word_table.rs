//! A thread's table of the words it has tagged, looked up once per token: a plain hash map.
//! An open-addressing table that fetched a later token's slot ahead of time (with `unsafe`
//! prefetch) was measured against this in whole `extract` runs over the bench corpus and bought
//! about 5% (README, Performance): below what a speed trick must buy to stay. The map is
//! hashbrown's rather than std's only for `entry_ref`: one hash and probe per token, where std's
//! API needs a second to hand back the entry of a word it has just learnt.

use hashbrown::hash_map::EntryRef;
use rustc_hash::FxBuildHasher;

/// The words of one thread, with what it knows of each.
#[derive(Default)]
pub(super) struct WordTable {
    words: hashbrown::HashMap<Box<str>, Known, FxBuildHasher>,
}

impl WordTable {
    pub(super) fn len(&self) -> usize {
        self.words.len()
    }

    /// The entry of the word `text[start..end]`, made by `learn` when the word is new.
    #[inline]
    pub(super) fn get_or_learn(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        learn: impl FnOnce() -> Known,
    ) -> &mut Known {
        match self.words.entry_ref(&text[start..end]) {
            EntryRef::Occupied(e) => e.into_mut(),
            EntryRef::Vacant(e) => e.insert(learn()),
        }
    }
}

/// What a thread knows of a word: its tag and id, and its number in the text being cut (valid
/// while `text` equals the thread's current text number).
#[derive(Clone, Copy)]
pub(super) struct Known {
    pub(super) word: u32,
    pub(super) text: u32,
    pub(super) local: u32,
    /// `pos_id` of the tag.
    pub(super) pos: u16,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_learnt_once() {
        let mut t = WordTable::default();
        let text = "加强法治政府建设，加强监督";
        let known = |word| Known {
            word,
            text: 0,
            local: 0,
            pos: 0,
        };
        assert_eq!(t.get_or_learn(text, 0, 6, || known(7)).word, 7);
        let again = text.find("，加强").unwrap() + "，".len();
        assert_eq!(
            t.get_or_learn(text, again, again + 6, || panic!("加强 is known"))
                .word,
            7
        );
        assert_eq!(t.len(), 1);
    }
}
