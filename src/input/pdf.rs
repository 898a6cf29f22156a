//! PDF with a text layer.

use super::{Extracted, ReadError};
use crate::i18n::tr;

pub fn read(_bytes: &[u8], _limit: u64) -> Result<Extracted, ReadError> {
    Err(ReadError::error(tr(
        "不支持的格式：PDF文件暂不能读取，请先另存为.docx或文本",
        "format not supported: PDF is not read yet; save it as .docx or text first",
    )))
}
