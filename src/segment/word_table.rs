//! A thread's table of the words it has tagged: looked up once per token, so its speed is
//! part of tagging's. Words of up to 15 bytes are their own key, held in an open-addressing
//! table whose slot for a later token can be fetched ahead of time; longer words go to a hash
//! map. Behind [`WordTable::get_or_learn`] and [`WordTable::prefetch`] nothing else of it shows.

use rustc_hash::FxHashMap;

/// The words of one thread, with what it knows of each.
#[derive(Default)]
pub(super) struct WordTable {
    short: ShortTable,
    long: FxHashMap<Box<str>, Known>,
}

impl WordTable {
    pub(super) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The entry of the word `text[start..end]`, made by `learn` when the word is new.
    pub(super) fn get_or_learn(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        learn: impl FnOnce() -> Known,
    ) -> &mut Known {
        match short_key_at(text, start, end) {
            Some(key) => self.short.get_or_insert_with(key, learn),
            None => {
                let word = &text[start..end];
                if !self.long.contains_key(word) {
                    self.long.insert(word.into(), learn());
                }
                self.long.get_mut(word).expect("inserted above")
            }
        }
    }

    /// Asks for the slot of the word `text[start..end]` ahead of its lookup.
    pub(super) fn prefetch(&self, text: &str, start: usize, end: usize) {
        if let Some(key) = short_key_at(text, start, end) {
            self.short.prefetch(key);
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

/// A slot of [`ShortTable`]: 32 bytes on a 32-byte boundary, so a slot never straddles two
/// cache lines and one fetch brings the whole of it.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    key: u128,
    known: Known,
}

/// A thread's words of at most 15 bytes by [`short_key`]: open addressing with linear probing,
/// at most half full, so that the slot a word will need can be fetched ahead of time (see
/// [`ShortTable::prefetch`]), which a general-purpose hash map does not allow.
struct ShortTable {
    /// Key 0 marks a free slot: no word's key is 0, since a word has at least one byte.
    slots: Vec<Slot>,
    len: usize,
    /// 64 minus the base-2 logarithm of the number of slots.
    shift: u32,
}

impl Default for ShortTable {
    fn default() -> Self {
        Self::with_slots_log2(12)
    }
}

impl ShortTable {
    fn with_slots_log2(bits: u32) -> Self {
        let free = Slot {
            key: 0,
            known: Known {
                word: 0,
                text: 0,
                local: 0,
                pos: 0,
            },
        };
        ShortTable {
            slots: vec![free; 1 << bits],
            len: 0,
            shift: 64 - bits,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The slot where the search for `key` starts: the key's two halves mixed, and the top bits
    /// of their product with a large odd constant (Fibonacci hashing).
    fn home(&self, key: u128) -> usize {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let x = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(K).rotate_left(32);
        (x.wrapping_mul(K) >> self.shift) as usize
    }

    /// Asks the processor to bring `key`'s slot into the cache without waiting for it.
    fn prefetch(&self, key: u128) {
        let slot = self.slots.as_ptr().wrapping_add(self.home(key));
        #[cfg(target_arch = "x86_64")]
        // SAFETY: a prefetch is a hint that never reads memory into the program, and cannot
        // fault whatever the address; `slot` is in bounds anyway.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch::<_MM_HINT_T0>(slot.cast());
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = slot;
    }

    /// `key`'s entry, made by `make` when the key is new. `key` must not be 0.
    fn get_or_insert_with(&mut self, key: u128, make: impl FnOnce() -> Known) -> &mut Known {
        debug_assert_ne!(key, 0);
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            match self.slots[i].key {
                k if k == key => return &mut self.slots[i].known,
                0 => {
                    self.slots[i] = Slot { key, known: make() };
                    self.len += 1;
                    return &mut self.slots[i].known;
                }
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn grow(&mut self) {
        let bits = 64 - self.shift + 1;
        let old = std::mem::replace(self, Self::with_slots_log2(bits));
        let mask = self.slots.len() - 1;
        for slot in old.slots.into_iter().filter(|s| s.key != 0) {
            let mut i = self.home(slot.key);
            while self.slots[i].key != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
        self.len = old.len;
    }
}

/// `word` packed with its length into 16 bytes when it has 1 to 15: two distinct words never
/// share a key, since the length byte tells trailing zeros of the text from padding.
fn short_key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    let mut key = [0u8; 16];
    key[..b.len()].copy_from_slice(b);
    key[15] = b.len() as u8;
    Some(u128::from_le_bytes(key))
}

/// [`short_key`] of `text[start..end]`, read straight from the text: sixteen bytes at once
/// with those past the word masked off, where the text has them.
fn short_key_at(text: &str, start: usize, end: usize) -> Option<u128> {
    let len = end - start;
    if len == 0 || len > 15 {
        return None;
    }
    let Some(bytes) = text.as_bytes().get(start..start + 16) else {
        return short_key(&text[start..end]);
    };
    let raw = u128::from_le_bytes(bytes.try_into().ok()?);
    Some((raw & ((1u128 << (8 * len)) - 1)) | ((len as u128) << 120))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    #[test]
    fn a_key_read_from_the_text_is_the_key_of_the_word() {
        let mut short = 0;
        for text in crate::corpus_texts() {
            // Words at the very end too, where sixteen bytes are not there to read.
            let text = format!("{text}中华人民共和国法治政府");
            for t in Segmenter::global().jieba.cut(&text, true) {
                let want = short_key(t.word);
                short += usize::from(want.is_some());
                assert_eq!(
                    short_key_at(&text, t.byte_start, t.byte_end),
                    want,
                    "{}",
                    t.word
                );
            }
        }
        assert!(short > 50_000, "{short}");
        assert_ne!(short_key("一"), short_key("一\0"));
    }

    #[test]
    fn the_short_table_keeps_every_word_through_its_growth() {
        let mut table = ShortTable::default();
        let known = |i: u32| Known {
            word: i,
            text: 0,
            local: 0,
            pos: 0,
        };
        let words: Vec<String> = (0..100_000).map(|i| format!("词{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            let k = table.get_or_insert_with(short_key(w).unwrap(), || known(i as u32));
            assert_eq!(k.word, i as u32);
        }
        assert_eq!(table.len(), words.len());
        assert!(table.slots.len() >= 2 * words.len());
        for (i, w) in words.iter().enumerate() {
            let k = table.get_or_insert_with(short_key(w).unwrap(), || panic!("{w} is known"));
            assert_eq!(k.word, i as u32, "{w}");
        }
        assert_eq!(table.len(), words.len());
    }
}
