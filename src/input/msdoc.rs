//! Word 97–2003 (.doc) and WPS (.wps) documents: OLE compound files holding a WordDocument
//! stream.

use super::{Extracted, ReadError};
use crate::i18n::tr;

pub fn read(_bytes: &[u8], _limit: u64) -> Result<Extracted, ReadError> {
    Err(ReadError::error(tr(
        "不支持的格式：旧版Office文件（.doc/.wps/.xls）暂不能读取，请另存为.docx",
        "format not supported: old Office files (.doc/.wps/.xls) are not read yet; save it as .docx",
    )))
}
