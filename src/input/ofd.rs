//! OFD (GB/T 33190), the national format of electronic official documents: a zip of XML.

use super::{Extracted, ReadError};
use crate::i18n::tr;

/// Whether a zip package is an OFD one (its root holds `OFD.xml`).
pub fn is_ofd(_bytes: &[u8]) -> bool {
    false
}

pub fn read(_bytes: &[u8], _limit: u64) -> Result<Extracted, ReadError> {
    Err(ReadError::error(tr(
        "不支持的格式：OFD文件暂不能读取，请另存为.docx或文本",
        "format not supported: OFD is not read yet; save it as .docx or text",
    )))
}
