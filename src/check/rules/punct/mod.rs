//! Punctuation rules (GB/T 15834-2011). Two things are shared: web addresses, whose marks
//! are not punctuation of the text, and the colons after labels, which `fullwidth-colon`
//! reports and `halfwidth-punct-in-cjk` therefore leaves alone.

pub mod cjk_one_as_dash;
pub mod duplicate_punct;
pub mod ellipsis_form;
pub mod fullwidth_colon;
pub mod halfwidth_punct_in_cjk;
pub mod heading_trailing_period;
pub mod quote_form;
pub mod range_mark_form;
pub mod space_in_cjk;
pub mod unpaired_marks;

use std::sync::LazyLock;

use regex::Regex;

use super::{attachment, text};

pub(super) static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(https?://|www\.)[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+").unwrap()
});
pub(super) static LABEL_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s\u{3000}，、；,;])(主送|抄送|联系人|联系电话|电话|传真|邮编|邮政编码|通讯地址|地址|电子邮箱|邮箱|签发人)\s*(:)").unwrap()
});
pub(super) static RECIPIENT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*(各[^。《》:：]{1,80}|[^。《》:：]{0,60}(人民政府|委员会|办公厅|办公室|党委|局|厅|委|部|院|同志))\s*(:)\s*$").unwrap()
});

/// Byte offsets, in order, of ASCII colons after labels and 主送机关 lines, owned by `fullwidth-colon`,
/// and after 附件, owned by `attachment-note-form`.
pub(super) fn label_colons(text: &str) -> Vec<usize> {
    let mut v = Vec::new();
    for (start, line) in text::lines(text) {
        if !line.contains(':') {
            continue;
        }
        for c in LABEL_COLON.captures_iter(line) {
            v.push(start + c.get(2).unwrap().start());
        }
        if let Some(c) = RECIPIENT_LINE.captures(line) {
            if !line.contains("如下") && !line.contains("下列") {
                v.push(start + c.get(3).unwrap().start());
            }
        }
        if let Some(i) = attachment::note_colon(line) {
            v.push(start + i);
        }
    }
    // Sorted, so that a rule asks about each colon by binary search: a line of many labels
    // would make a linear search per colon quadratic.
    v.sort_unstable();
    v.dedup();
    v
}
