//! The rules' summaries and documentation in English (`--lang en`), by rule id. They render the
//! Chinese texts beside each rule, which stay the reference; examples are kept in Chinese because
//! they are what a document says. Kept apart from the rules so that changing a rule's logic never
//! touches its translation.

/// Id, one-line summary, documentation.
pub(super) static EN: &[(&str, &str, &str)] = &[
    (
        "docno-bracket-form",
        "Year of a document number not in the tortoise-shell brackets 〔〕",
        "Checks: the year of a document number in brackets other than 〔〕 (﹝﹞〖〗【】［］[]（）()), or in none (临政发2025年36号).\n\
         Why: a document number is made of the issuer's code, the year and the serial number, and the year\n\
         goes in the tortoise-shell brackets 〔〕; look-alikes such as ﹝﹞ come from symbol pickers or text copied from PDF.\n\
         Wrong: 保政发﹝2022﹞10号 · 澄政发［2020］44号 · 临政发2025年36号\n\
         Right: 保政发〔2022〕10号 · 澄政发〔2020〕44号 · 临政发〔2025〕36号\n\
         Not reported: court case numbers such as （2021）澄03行初118号 (their year takes round brackets by rule),\n\
         author notes such as 〔唐〕杜甫, 令 numbers.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    ),
    (
        "docno-year-full",
        "Year of a document number not written as four Arabic digits",
        "Checks: a year in the brackets of a document number that is not four half-width Arabic digits: 〔25〕, 〔二〇二五〕, 〔２０２５〕, 〔2025年〕.\n\
         Why: the year of a document number is written in full, in Arabic numerals.\n\
         Wrong: 澄教发〔25〕19号 · 澄教发〔二〇二五〕19号\n\
         Right: 澄教发〔2025〕19号\n\
         Not reported: other dates, such as the date of a document (the date rules check those).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    ),
    (
        "docno-serial-di",
        "“第” before the serial number of a document number",
        "Checks: “第” before the serial number of a document number: 临政发〔2025〕第8号.\n\
         Why: the serial number takes no “第”.\n\
         Wrong: 临政发〔2025〕第8号\n\
         Right: 临政发〔2025〕8号\n\
         Not reported: 令 numbers (国务院令第722号, 临川市人民政府令第58号, 主席令), numbers of announcements\n\
         (××公告2024年第4号), issue numbers (第6期).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    ),
    (
        "docno-serial-leading-zero",
        "Serial number of a document number padded with leading zeros",
        "Checks: a serial number padded with 0: 桐政发〔2025〕003号.\n\
         Why: serial numbers are not padded: 1 is not written 001.\n\
         Wrong: 桐政发〔2025〕003号\n\
         Right: 桐政发〔2025〕3号\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    ),
    (
        "docno-missing-hao",
        "Document number without the closing “号”",
        "Checks: no “号” after the serial number, for instance a parenthesis closing right after it: （澄卫发〔2020〕41）.\n\
         Why: a document number ends in “号”.\n\
         Wrong: （澄卫发〔2020〕41）\n\
         Right: （澄卫发〔2020〕41号）\n\
         Not reported: strings of digits followed by other words (they are not taken for document numbers).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    ),
    (
        "docno-spacing",
        "Spaces inside a document number",
        "Checks: spaces inside a document number: 澄人社发 〔2025〕 12 号.\n\
         Why: a document number is one unit written without spaces; the spaces usually come from tools that\n\
         space out mixed Chinese and Latin text, and break the number apart in print.\n\
         Wrong: 澄人社发 〔2025〕 12 号\n\
         Right: 澄人社发〔2025〕12号\n\
         Source: the unspaced form of GB/T 9704-2012 《党政机关公文格式》 7.2.5; typesetting practice for documents.",
    ),
    (
        "docno-agency-mismatch",
        "Issuer code of a document number does not fit the issuing organ of the cited title",
        "Checks: a cited document whose title names an issuing organ that does not fit the code of the document\n\
         number after it: a general office (办公厅/办公室) with a government code (×政发, ×府发, 国发), a people's\n\
         government (or the State Council) with an office code (×政办发, ×府办发, 国办发), a Party committee or its\n\
         office with a government code.\n\
         Why: the number and the title belong to the same document and a citation must be exact; a mismatch\n\
         usually means the number or the title was miscopied.\n\
         Wrong: 《桐溪区人民政府关于……的通知》（桐府办发〔2025〕29号） · 《中共临川市委办公室关于……的通知》（临政发〔2025〕31号）\n\
         Right: ……（桐府发〔2025〕29号） · ……（临办发〔2025〕31号）\n\
         Not reported: only the organ of the outer title is compared (not the inner title of a document issued or\n\
         forwarded); for joint documents only the lead organ counts; department codes (×司发, ×财预 and the like)\n\
         are not judged; a document cited here with two different numbers is reported once, by title-docno-conflict.\n\
         Source: 《党政机关公文处理工作条例》 article 9 (5), article 20 (4).",
    ),
    (
        "docno-title-conflict",
        "One document number given different titles",
        "Checks: the same document number (compared with brackets unified and “第”, leading zeros and spaces removed)\n\
         given different titles in this document or in other documents of the batch, a document's own title and\n\
         number included.\n\
         Why: a document number belongs to one document only, so either the number or the title is miscopied.\n\
         Wrong: document A cites 《临川市人民政府关于加强政务数据共享管理的通知》（临政发〔2018〕42号）,\n\
         document B 《临川市人民政府关于提升基层应急管理能力的实施意见》（临政发〔2018〕42号）\n\
         Right: one number, one title.\n\
         Not reported: the same title written with different punctuation, brackets or a short name of the organ\n\
         (title-variant-punct and title-agency-informal report those); 令 numbers; titles too short and generic\n\
         to identify a document (such as 《通知》).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    ),
    (
        "title-docno-conflict",
        "One title given different document numbers",
        "Checks: the same document (titles equal once punctuation and brackets are unified and short names of\n\
         organs restored) cited with different document numbers in this document or in other documents of the batch.\n\
         Why: a document has exactly one document number, and a citation must be exact.\n\
         Wrong: 《云南省人民政府办公厅关于……的实施意见》（云政办发〔2019〕67号）…… the same document again with （云政发〔2019〕67号）\n\
         Right: every citation gives the same number (云政办发〔2019〕67号).\n\
         Not reported: two 令 numbers (rules and regulations are republished under a new 令 when revised); titles\n\
         too short and generic to identify a document (such as 《通知》).\n\
         A conflict is reported once per document, at the citation that disagrees with the others, with the place\n\
         of the other; when the issuing organ tells which number is right, the number that fits the organ wins.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    ),
    (
        "docno-year-future",
        "Cited document number dated later than this document",
        "Checks: a cited document number whose year is later than the year this document was written (the year of\n\
         its own number or of its signing date); when only the year reported on is known, later than the year after it.\n\
         Why: a document not yet issued cannot be cited; the year is usually miscopied.\n\
         Wrong: a summary signed 2025年1月20日 citing 临政发〔2026〕14号\n\
         Right: cited numbers are dated no later than this document.\n\
         Not reported: the document's own number; documents whose year cannot be determined.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    ),
    (
        "citation-order",
        "Document cited by its number before its title, or by its number alone",
        "Checks: a document number written before the cited title (根据国发〔2018〕27号《……》); or a document number\n\
         introduced by “根据/按照/依据/依照” when the title of that document is never given in the text.\n\
         Why: a document is cited by its title first, with its number in parentheses after the title.\n\
         Wrong: 根据澄财预〔2020〕53号《江澄省财政厅关于……的通知》\n\
         Right: 根据《江澄省财政厅关于……的通知》（澄财预〔2020〕53号）\n\
         Not reported: a short reference such as “××号文件” after one full citation as “title (number)”; the\n\
         document's own number.\n\
         Source: 《国家行政机关公文处理办法》 (2000, repealed) article 25, still the common practice; hence a warning.",
    ),
    (
        "citation-paren-width",
        "Half-width parentheses around a document number after a title",
        "Checks: half-width parentheses ( ), or a mix of half- and full-width ones, around the document number or\n\
         令 number after a title in 《》.\n\
         Why: parentheses in Chinese text are full-width （）.\n\
         Wrong: 《……办法》(临川市人民政府令第58号)\n\
         Right: 《……办法》（临川市人民政府令第58号）\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.9; GB/T 9704-2012 chapter 9.",
    ),
    (
        "title-agency-informal",
        "Short name of the issuing organ in a cited title",
        "Checks: an informal short name of the issuing organ at the head of a title cited in 《》: ×省政府,\n\
         ×市政府办公室, ×市府办, ×县政府办.\n\
         Why: a title is made of the issuing organ, the subject and the kind of document, so the organ's name is\n\
         part of the title; the legal name of a local government is “×人民政府”, and a cited title is copied as it is.\n\
         Wrong: 《江澄省政府关于……的实施意见》 · 《云南省政府办公厅关于……的实施意见》\n\
         Right: 《江澄省人民政府关于……的实施意见》 · 《云南省人民政府办公厅关于……的实施意见》\n\
         Not reported: “省政府”, “市政府” outside 《》 (short names are normal in running text); titles such as\n\
         《政府工作报告》 (“政府” is not an organ's name there); governments of special administrative regions.\n\
         A form repeated in the text is reported at its first occurrence only.\n\
         Source: 《党政机关公文处理工作条例》 article 9 (7), article 20 (4).",
    ),
    (
        "title-near-duplicate",
        "Two titles that differ by a word or two, likely one miscopied title",
        "Checks: two titles in 《》 of the same kind in this document or the batch, one with 1 to 3 more characters in\n\
         the middle than the other (such as a missing “程序”).\n\
         Why: a cited title must match the original to the character; a title with a character missing or added\n\
         points to a document that does not exist.\n\
         Wrong: both 《云南省重大行政决策规定》 and 《云南省重大行政决策程序规定》\n\
         Right: the exact full title 《云南省重大行政决策程序规定》 throughout.\n\
         Not reported: both titles in the catalogue of laws (such as 《信访条例》 and 《信访工作条例》); extra words that\n\
         name another document, such as “暂行”, “试行”, “实施”, “若干”, or numbers of years and sessions; extra\n\
         characters right after a place name (《江澄省消防条例》 and 《江澄省森林消防条例》 are two regulations); both\n\
         titles followed by their own document numbers; “关于修改（废止）……的决定” (the amended law may have been\n\
         renamed). Two titles that differ by one replaced character rather than added ones (《道路运输条例》 and\n\
         《水路运输条例》) are not reported. The rarer one (the shorter one, on a tie) is reported, with the place of the other.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    ),
    (
        "title-variant-punct",
        "One title written with different brackets, dashes or spaces",
        "Checks: the same title (equal once full- and half-width brackets, the dashes —/－/-/～ and the numeral “一”,\n\
         brackets around years and spaces are unified) written in different ways in this document or the batch.\n\
         Why: a title is copied as it is, and the same document is cited the same way throughout.\n\
         Wrong: 《法治保山建设规划(2021一2025年)》 and 《法治保山建设规划2021—2025年》\n\
         Right: one form throughout, the issuer's original, such as 《法治保山建设规划（2021—2025年）》.\n\
         Not reported: differences from short names of organs (title-agency-informal reports those). Each\n\
         deviating form is reported at its first occurrence, with the place of the usual form; the usual form\n\
         is the most frequent one, or on a tie the standard one with full-width brackets and the dash “—”.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4); GB/T 15834-2011 4.9, 4.13.",
    ),
    (
        "abbrev-undeclared",
        "Undeclared non-standard short name in 《》",
        "Checks: a short name in 《》 that is neither the usual short name of a law nor declared with “以下简称”:\n\
         a law's name with words cut out (《采购法》 for 《政府采购法》), or the last few characters of another title\n\
         of this document used as its name (《实施纲要》 for 《××法治政府建设实施纲要》).\n\
         Why: a non-standard short name may be used only after the full name, with the short name declared.\n\
         Wrong: 对照《采购法》开展检查\n\
         Right: 《中华人民共和国政府采购法》（以下简称《政府采购法》）…… then 《政府采购法》\n\
         Not reported: laws without “中华人民共和国” (law-name-prefix reports those); short names declared with\n\
         “以下简称” or “简称”; short names without a place or organ name; titles in the catalogue of laws; a tail\n\
         used right after the only full title it can stand for (a government work report reviewing\n\
         《××规划纲要（草案）》 and then saying 《纲要（草案）》). Each short name is reported once.\n\
         Source: GB/T 15834-2011 4.15.3.4; 《国家行政机关公文处理办法》 (2000, repealed) article 25.",
    ),
    (
        "law-name-prefix",
        "First citation of a law without the full name “中华人民共和国…”",
        "Checks: a national law cited only by its short name (《安全生产法》) with no 《中华人民共和国安全生产法》 earlier in the text.\n\
         Why: a law is cited by its full name the first time, by its short name afterwards.\n\
         Wrong: 依照《安全生产法》开展执法检查 (its first and only occurrence)\n\
         Right: 依照《中华人民共和国安全生产法》开展执法检查\n\
         Not reported: usual short names such as 《宪法》 and 《民法典》; laws given in full earlier in the text;\n\
         titles not in the catalogue of laws. Each law is reported once.\n\
         Source: the wording of law names in 《立法技术规范（试行）（一）》 of the Legislative Affairs Commission\n\
         of the NPC Standing Committee; common practice.",
    ),
    (
        "law-currency",
        "Citation of a repealed law, administrative regulation or judicial interpretation",
        "Checks: a cited law, administrative regulation or judicial interpretation that the catalogue of laws marks\n\
         as repealed (or replaced by a new text), where the citation is not about its repeal.\n\
         Why: a document must agree with the texts in force; citing a text no longer valid misleads those who apply it.\n\
         Wrong: (in a 2022 report) 学习了《信访条例》\n\
         Right: 学习了《信访工作条例》\n\
         Not reported: sentences saying that it is repealed, void or replaced (“同时废止”, “原《……》”); citing\n\
         documents dated before the new text took effect. The catalogue is incomplete: texts it lacks are not reported.\n\
         Source: 《党政机关公文处理工作条例》 article 19, article 20 (2).",
    ),
    (
        "title-nested-marks",
        "Double title marks or angle brackets inside 《》",
        "Checks: an inner title marked with double title marks 《》 (or half-width < >) inside 《》.\n\
         Why: a title inside a title takes the single title marks 〈〉.\n\
         Wrong: 《关于印发《江澄省政务公开工作细则》的通知》\n\
         Right: 《关于印发〈江澄省政务公开工作细则〉的通知》\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.15.",
    ),
    (
        "title-marks-misuse",
        "Title marks 《》 around the name of an event, meeting or award",
        "Checks: a name in 《》 followed by “活动”, “大会”, “会议”, “比赛”, “竞赛”, “大赛”, “评选”, “行动”, “奖”,\n\
         “证书” or “培训班”, where the name itself is not a work such as a law, regulation, document or plan.\n\
         Why: title marks mark the names of works (books, articles, documents); names of events, meetings, awards\n\
         and certificates are not works and take quotation marks.\n\
         Wrong: 举办《行政执法技能大比武》活动\n\
         Right: 举办“行政执法技能大比武”活动\n\
         Not reported: names of laws or documents (the title marks in 《宪法》宣传活动 and 《民法典》大会 are right).\n\
         Source: the supplementary rules on title marks of GB/T 15834-2011 《标点符号用法》.",
    ),
    (
        "title-enum-dunhao",
        "Enumeration comma “、” between titles in a series",
        "Checks: the enumeration comma between titles in a series: 》、《.\n\
         Why: items in title marks listed in a series usually take no enumeration comma between them.\n\
         Wrong: 《行政处罚法》、《行政强制法》\n\
         Right: 《行政处罚法》《行政强制法》\n\
         Not reported: items each followed by a parenthesis (《甲》（2017年）、《乙》（2020年）), where the comma is right.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.5.3.5.",
    ),
    (
        "halfwidth-punct-in-cjk",
        "Half-width punctuation in Chinese text",
        "Checks: half-width , . ; : ? ! ( ) next to Chinese characters or full-width punctuation.\n\
         Why: documents use the full-width punctuation of GB/T 15834; half-width commas and parentheses look cramped\n\
         on the page and are not standard. When a document uses half-width punctuation throughout, it is reported\n\
         once, at the first place, with the count of each mark.\n\
         Wrong: 按期完成台账销号;四是…… · 2022年,市政府…… · 规划(2021—2025年)\n\
         Right: 按期完成台账销号；四是…… · 2022年，市政府…… · 规划（2021—2025年）\n\
         Not reported: decimals 4.5, thousands separators 24,150, times 14:30, web addresses, standard numbers,\n\
         Latin abbreviations, the point of an item number “1.”; straight quotes (quote-form), colons after labels\n\
         such as 附件 and 联系人 (attachment-note-form, fullwidth-colon), numbers such as “一.”\n\
         (heading-number-form) and “...” (ellipsis-form) are reported by their own rules.\n\
         Source: GB/T 15834-2011 《标点符号用法》; GB/T 9704-2012 chapter 9.",
    ),
    (
        "cjk-one-as-dash",
        "Chinese numeral “一” used as a dash between numbers",
        "Checks: the Chinese character “一” (U+4E00) between two Arabic numbers to mark a range, as in 2021一2025年.\n\
         Why: ranges of time and quantity take the dash “—” or the wave dash “～”; “一” looks like the dash and is\n\
         often picked by mistake in the input method, and in print reads as “二〇二一一二〇二五”.\n\
         Wrong: 2021一2025年 · 3一6月\n\
         Right: 2021—2025年 · 3—6月\n\
         Not reported: strings of Chinese numerals (二〇一六年): both sides must be Arabic numbers.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.13 (connecting marks).",
    ),
    (
        "range-mark-form",
        "Hyphen, double dash or half-width tilde in a range of numbers or dates",
        "Checks: a hyphen -, a double dash —— or a half-width ~ marking a range between two numbers, as in\n\
         2016-2020年, 3——6月.\n\
         Why: ranges of time and quantity take the dash “—” or the wave dash “～”; the hyphen belongs in codes and\n\
         numeric dates, and the double dash is not a connecting mark.\n\
         Wrong: 2016-2020年 · 3——6月 · 20~30人\n\
         Right: 2016—2020年 · 3—6月 · 20～30人\n\
         Not reported: dates such as 2025-04-30, telephone numbers, standard numbers (GB/T 15835-2011), codes,\n\
         subtitles such as “——2025年1月22日在……会议上”, the full-width “－” (法治政府建设实施纲要（2021－2025年））;\n\
         the second number must be followed by a unit or by 年, 月, 日.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.13 (connecting marks).",
    ),
    (
        "quote-form",
        "Wrong quotation marks (straight, corner, or double within double)",
        "Checks: straight quotes \" ' in Chinese text, the corner quotes 「」『』 in simplified Chinese text, and double\n\
         quotes inside double quotes.\n\
         Why: horizontal Chinese text takes the curly quotes “”, and a quotation within a quotation the single\n\
         quotes ‘’. When a document uses straight quotes throughout, it is reported once, at the first place.\n\
         Wrong: \"最多跑一次\"改革 · 「放管服」 · “他说“可以””\n\
         Right: “最多跑一次”改革 · “放管服” · “他说‘可以’”\n\
         Not reported: straight quotes with no Chinese on either side (English, code); nesting in a paragraph whose\n\
         quotes do not pair up (unpaired-marks reports that).\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.8 (quotation marks).",
    ),
    (
        "unpaired-marks",
        "Title marks, parentheses or quotation marks not in pairs",
        "Checks: 《》 （） “” 〈〉 【】 without their other half within a paragraph (half-width parentheses pair like\n\
         full-width ones).\n\
         Why: with half a pair missing, readers cannot tell where a quotation or a parenthesis ends; usually a\n\
         mark was left behind or forgotten in an edit.\n\
         Wrong: 应当及时调整（调整程序另行通知；逾期未调整的……\n\
         Right: 应当及时调整（调整程序另行通知）；逾期未调整的……\n\
         Not reported: quotations running over paragraphs (a paragraph left open and the next starting with “, or\n\
         closed within 60 paragraphs); parentheses and title marks closed within 12 lines (wrapped titles, notes\n\
         under the title of a regulation); item numbers “1）”, “一）” at the start of a line; metadata lines of web pages.\n\
         Source: GB/T 15834-2011 《标点符号用法》 (quotation marks, parentheses and title marks come in pairs).",
    ),
    (
        "duplicate-punct",
        "Repeated or conflicting punctuation",
        "Checks: two pause or stop marks in a row, such as 。。 ，， 、、, or conflicting ones such as ，。 ；。 、，.\n\
         Why: one pause takes one mark; doubled marks are usually left over from an edit.\n\
         Wrong: 予以公布。。 · 各单位，。\n\
         Right: 予以公布。 · 各单位，\n\
         Not reported: three or more full stops (ellipsis-form reports those); ？！ together (a question that is\n\
         also an exclamation).\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.1–4.7 (pause and stop marks).",
    ),
    (
        "heading-trailing-period",
        "Full stop at the end of a title or of a heading on its own line",
        "Checks: a document title (关于……的通知) or a first-level heading (一、) on a line of its own that ends in a full stop.\n\
         Why: a title is not a sentence and takes no full stop.\n\
         Wrong: 关于加强临川市营商环境建设的通知。 · 二、重点任务。\n\
         Right: 关于加强临川市营商环境建设的通知 · 二、重点任务\n\
         Not reported: headings run into their paragraph （（一）加强……。正文……）; whole-sentence items with commas or\n\
         semicolons; list items ending in “的”; documents where most “一、” items end in a full stop and contain\n\
         commas (the items are sentences, as in the State Council's working rules); second and lower levels:\n\
         “（一）指导思想。” is a run-in heading with its text in the same paragraph (web pages often move the text to\n\
         the next line), and items of the third and fourth levels are often whole sentences.\n\
         Source: 《国家行政机关公文处理办法》 (2000) article 10; the practice of GB/T 15834 that titles take no full stop.",
    ),
    (
        "ellipsis-form",
        "Wrong form of the ellipsis, or an ellipsis with “等”",
        "Checks: ... or 。。。 for an ellipsis, a single …, and ……等 or 等…… together.\n\
         Why: the ellipsis is two “…” (six dots, two character widths); the ellipsis and “等”, “等等” do the same\n\
         job and are not used together.\n\
         Wrong: 落实... · 落实…… 等 · 市场监管、税务……等部门\n\
         Right: 落实…… · 市场监管、税务等部门\n\
         Not reported: dot leaders of a table of contents (a run of dots followed by a page number), web addresses.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.11 (ellipsis).",
    ),
    (
        "fullwidth-colon",
        "Half-width colon after the addressee or a label such as “联系人”",
        "Checks: a half-width colon “:” at the end of the addressee line, or after labels such as 抄送, 联系人,\n\
         联系电话, 传真, 地址.\n\
         Why: the addressee is followed by a full-width colon, and so are the labels of the imprint and contact details.\n\
         Wrong: 各乡（镇）人民政府: · 联系人:王某\n\
         Right: 各乡（镇）人民政府： · 联系人：王某\n\
         Not reported: times such as 14:30; metadata lines of web pages. The colon of the attachment note is\n\
         reported by attachment-note-form.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.2 (addressee).",
    ),
    (
        "space-in-cjk",
        "Space between Chinese characters, or between a character and a number",
        "Checks: spaces (half-width, full-width or non-breaking) between two Chinese characters, or between a\n\
         Chinese character and an Arabic number, in body text.\n\
         Why: documents are set on a grid of characters with no space between them; spaces are usually left over\n\
         from copying or layout. Spacing such as “中文 94 份” is a web-page habit that does not apply to documents.\n\
         When a document does this throughout, it is reported once, at the first place.\n\
         Wrong: 共 94 份 · 依法 行政\n\
         Right: 共94份 · 依法行政\n\
         Not reported: spaces after “第一条　” or “1.2.1　”; spaces inside title marks or quotation marks (titles and\n\
         slogans often separate two phrases with a space: “好客山东 好品山东”); the first five lines of a document\n\
         (title, subtitle, speaker); note lines starting with a parenthesis; short lines under 20 characters such\n\
         as signatures and dates; table or aligned lines with several runs of spaces; metadata lines of web pages.\n\
         Source: typesetting practice for the character grid of GB/T 9704-2012.",
    ),
    (
        "heading-number-form",
        "Wrong punctuation in a heading number",
        "Checks: the punctuation of an item number at the start of a paragraph: 一. 一， 三． （一）、 （一）. 1、 1， （1）、 ①、 第一、.\n\
         Why: the levels of structure are numbered “一、”, “（一）”, “1.”, “（1）”; a number in parentheses takes no\n\
         further mark, and “第一” takes a comma. A wrong form used throughout is reported once, at the first place.\n\
         Wrong: （一）、责任分工 · 1、摸清底数 · 二．强化…… · 第一、\n\
         Right: （一）责任分工 · 1.摸清底数 · 二、强化…… · 第一，\n\
         Not reported: article numbers such as “第一条”; numbers such as 1.5万, 1、2月; “1．” (a full-width point,\n\
         common in typesetting). Half-width parentheses “(一)” are reported by halfwidth-punct-in-cjk.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.3; the notes on ordinal words of GB/T 15834-2011.",
    ),
    (
        "heading-number-sequence",
        "Heading numbers of one level skipped, repeated or out of order",
        "Checks: numbers of one level under the same parent that skip or repeat (一、二、四、 · （一）（二）（二）),\n\
         and the same in runs of “一是、二是” within a paragraph (一是……三是).\n\
         Why: a skipped or repeated number makes readers think something is missing or added, and breaks\n\
         references such as “the third item”.\n\
         Wrong: 一、 三、 四、 · （一） （二） （二） · 一是……三是……\n\
         Right: 一、 二、 三、 · （一） （二） （三） · 一是……二是……\n\
         Not reported: numbering that restarts from 1 after a higher-level number, or continues the numbers under\n\
         the previous parent (State Council documents often number （一） to （三十） straight through); notes\n\
         “注：1、……” starting a group of their own; attachment pages numbered afresh; a table of contents and the\n\
         body each numbered once; articles such as “第一条” (regulations often have “第××条之一”). A run of “一是”\n\
         starts again at each new heading.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.3.",
    ),
    (
        "heading-level-order",
        "Heading levels inverted",
        "Checks: a higher-level number under a lower-level one within the same parent, such as 1. after （1）, or （一） under 1.\n\
         Why: the levels go “一、”, “（一）”, “1.”, “（1）”; inverted, they no longer show what belongs to what.\n\
         Wrong: （一）…… （1）…… 1.…… · 1.…… （一）……\n\
         Right: （一）…… 1.…… （1）……\n\
         Not reported: a skipped level (1. right under 一、), which many documents do and is not wrong; numbers\n\
         under chapters, sections and articles; attachment pages.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.3.",
    ),
    (
        "year-abbrev",
        "Year abbreviated to two digits",
        "Checks: two-digit years used as dates, such as 24年底, 24年新招录, 于24年, ’24.\n\
         Why: a year is not abbreviated; it is written with all four digits.\n\
         Wrong: 对24年新招录的辅警开展培训 · 24年底前完成\n\
         Right: 对2024年新招录的辅警开展培训 · 2024年底前完成\n\
         Not reported: lengths of time such as “17年来”, “服役17年”, “17年间”; only two-digit years followed by 年底,\n\
         年初, 年末, 年度, 上半年, 下半年, 新招录, 新入职, or preceded by “于”, “在”, “至” are reported.\n\
         Source: GB/T 9704-2012 7.3.5.4; GB/T 15835-2011 5.1.4.",
    ),
    (
        "date-zero-padding",
        "Month or day of a date padded with 0",
        "Checks: a month or day starting with 0 in a date written with 年月日, such as 2025年04月30日.\n\
         Why: months and days in the date of a document and in the text are not padded: 1 is not written 01.\n\
         A document doing this throughout is reported once, at the first place.\n\
         Wrong: 2025年04月30日 · 2025年4月08日\n\
         Right: 2025年4月30日 · 2025年4月8日\n\
         Not reported: the form 2025-04-30 (allowed by GB/T 7408, common in tables); metadata lines of web pages\n\
         and page lines of newspapers (the site's format).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.5.4.",
    ),
    (
        "signoff-date-chinese",
        "Date of a document or of its printing in Chinese numerals",
        "Checks: a date of writing or printing on a line of its own written in Chinese numerals, such as 二〇二五年一月二十二日.\n\
         Why: since GB/T 9704-2012 the date of a document is written in Arabic numerals; the 1999 edition used\n\
         Chinese numerals, and old templates still do.\n\
         Wrong: 二〇二五年一月二十二日\n\
         Right: 2025年1月22日\n\
         Not reported: documents from before 1 July 2012 (the standard of the time required Chinese numerals);\n\
         dates in the parenthesised note under the title of a regulation; dates in the body text.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.5.4.",
    ),
    (
        "date-invalid",
        "Date that does not exist",
        "Checks: dates that do not exist: month 13, 2月30日, 9月31日, 2月29日 of a common year.\n\
         Why: a slip in a date leaves deadlines and time limits undetermined.\n\
         Wrong: 2025年2月29日 · 9月31日\n\
         Right: 2025年2月28日 · 9月30日\n\
         Not reported: 2月29日 without a year (a leap year cannot be ruled out).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4) (accurate times).",
    ),
    (
        "zero-glyph",
        "Zero of a year in Chinese numerals written “○”, “O” or “零”",
        "Checks: a year in Chinese numerals whose zero is the circle “○” (U+25CB), the letter O, the digit 0 or “零”.\n\
         Why: the zero in numbers and years is the character “〇” (U+3007); “○” is a symbol, and “零” is used in quantities.\n\
         Wrong: 二○二四年 · 二零二四年 · 二O二四年\n\
         Right: 二〇二四年\n\
         Not reported: “零” in quantities (三千零五十二).\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.2.5.",
    ),
    (
        "fullwidth-digits",
        "Full-width Arabic digits",
        "Checks: the full-width digits ０ to ９.\n\
         Why: Arabic numerals are written half-width; full-width digits do not match half-width ones in search and\n\
         statistics. A document doing this throughout is reported once, at the first place.\n\
         Wrong: ３４７２０件\n\
         Right: 34720件\n\
         Not reported: metadata lines of web pages.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.1.7.",
    ),
    (
        "numeral-mixing",
        "Arabic numerals combined with “十”, “百”, “千”",
        "Checks: an Arabic number followed by “十”, “百” or “千” as a place value, such as 6千余份, 3百零5, 3千万.\n\
         Why: Arabic numerals combine only with “万” and “亿”; with 十, 百, 千 they mix two kinds of numerals.\n\
         Wrong: 6千余份 · 3百名\n\
         Right: 6000余份 / 六千余份 · 300名\n\
         Not reported: 2.7万户, 10亿元; units such as 千米, 千克, 千瓦, 千伏; 百分点, 百分比; the computing unit “百亿亿次”.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.3.",
    ),
    (
        "range-unit-omission",
        "First number of a range without its “%”, “万” or “亿”",
        "Checks: “%”, “万” or “亿” written only on the second number of a range, as in 20～35%, 6～11亿.\n\
         Why: without it the first number means something else (20～35% reads “20 to 35 percent”), so %, 万 and 亿\n\
         are written on both numbers.\n\
         Wrong: 20～35% · 6～11亿 · 8～12万元\n\
         Right: 20%～35% · 6亿～11亿 · 8万元～12万元\n\
         Not reported: ordinary units of measure (3～5天, 100～150千克), which may be written on the second number only.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.1.3.",
    ),
    (
        "approx-adjacent-dunhao",
        "Enumeration comma or Arabic numerals in two adjacent numbers giving an estimate",
        "Checks: two adjacent numbers giving an estimate with an enumeration comma between them, such as 5、6个街道, 七、八米.\n\
         Why: estimates are written in Chinese numerals with no comma between the two numbers: 五六个, 七八米.\n\
         Wrong: 约有5、6个街道 · 六、七十户\n\
         Right: 约有五六个街道 · 六七十户\n\
         Not reported: ordinals and lists (第1、2季度, 1、2月份, 一、二级, 三、四类); lists of three or more.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 4.2.2, 5.2.1.",
    ),
    (
        "numeric-wording",
        "Redundant or illogical wording of quantities (“约……左右”, “减少N倍”)",
        "Checks: doubled estimates such as 约……左右, 大约……上下, 超过……以上, 近……余, and “减少/降低/缩短 N倍”.\n\
         Why: “约” and “左右” both mark an estimate, so only one is used; a decrease cannot be counted in multiples,\n\
         it is stated as a fraction or a percentage.\n\
         Wrong: 约460户左右 · 超过300人以上 · 办理时限减少了3倍\n\
         Right: 约460户 / 460户左右 · 超过300人 · 办理时限缩短了四分之三\n\
         Not reported: “增加N倍”, “提高N倍”.\n\
         Source: GB/T 15835-2011 4.3 (“约300人” and “300人左右” are two forms, not to be combined).",
    ),
    (
        "yu-position",
        "“余” in the wrong place (“7余万元”)",
        "Checks: “余” between a single non-zero digit and “万” or “亿”, as in 7余万元.\n\
         Why: “余” marks a remainder and follows the whole place value: 7万余元 (over seventy thousand) or\n\
         70余万元 (over seven hundred thousand).\n\
         Wrong: 7余万元 · 3余亿元\n\
         Right: 7万余元 / 70余万元\n\
         Not reported: 10余万, 30余万 (“余” after a round ten is right).\n\
         Source: the writing of estimates in GB/T 15835-2011.",
    ),
    (
        "session-numerals",
        "Arabic numerals in the number of a congress, session or plenary meeting",
        "Checks: Arabic numerals in the numbers of Party congresses, people's congresses and CPPCC committees, their\n\
         sessions and plenary meetings, such as 第8次党代会, 第9届委员会第4次会议, 党的20大, 十九届5中全会.\n\
         Why: these numbers are fixed titles written in Chinese numerals (十一届全国人大一次会议).\n\
         Wrong: 中共临川市第8次代表大会 · 平江县政协第9届委员会第4次会议\n\
         Right: 中共临川市第八次代表大会 · 平江县政协第九届委员会第四次会议\n\
         Not reported: numbers of executive and office meetings (国务院第15次常务会议 customarily takes Arabic\n\
         numerals); editions of fairs and other events.\n\
         Source: the examples of GB/T 15835-2011 《出版物上数字用法》 4.3.",
    ),
    (
        "rate-overflow",
        "A rate such as a completion, coverage or pass rate over 100%, or shares of one whole adding up to over 100%",
        "Checks: rates whose denominator is what was due, such as 办结率, 结案率, 覆盖率, 合格率, 达标率, 出庭应诉率,\n\
         审查率, 知晓率, 参保率, 答复率, written as over 100%; and the shares of parts of one whole, listed with\n\
         “分别占…” or “其中A占…、B占…”, adding up to over 100%.\n\
         Why: the numerator of such a rate is part of its denominator, so it cannot exceed 100%, and the shares\n\
         of the parts cannot exceed the whole. Usually a figure was miscopied or numerator and denominator swapped.\n\
         Wrong: 按时结案率为101.6% · 第一、二、三产业增加值分别占地区生产总值的9.1%、41.5%、52.3%\n\
         Right: 按时结案率为98.6% · 分别占9.1%、38.6%、52.3%\n\
         Not reported: growth rates and ratios (增长150%, 同比增长135%, 较上年提高120%); completion rates of plans,\n\
         investment and debt reduction, bed occupancy rates, gross enrolment rates (these can exceed 100% when a\n\
         target is overfulfilled or counted against standard beds or school-age population; “完成率达120%” is common\n\
         in real government work reports); debt ratios and shares of debt; sums of shares marked “约”, “左右” or\n\
         “以上”; lists without “占” between the items (they may be shares of different wholes).\n\
         Source: the definition of a rate; the “accurate data” required by 《党政机关公文处理工作条例》 article 20 (4).",
    ),
    (
        "sum-mismatch",
        "Parts of “共N件，其中a件、b件……” that do not add up to the total",
        "Checks: in “共/共计/合计/累计/总计/全年 N units, 其中 a units, b units……”, parts in the same unit as the total,\n\
         without “等”, whose sum is not the total.\n\
         Why: a complete list of parts adds up to the total; if it does not, the total or one of the parts was miscopied.\n\
         Wrong: 共作出行政处罚73起，其中警告41起、罚款19起、没收违法所得6起、责令停产停业4起 (70 in all)\n\
         Right: 共作出行政处罚70起，其中警告41起、罚款19起、没收违法所得6起、责令停产停业4起\n\
         Not reported: parts ending in “等” (the list is not complete); parts containing “含”, “包括”, “另有” or a\n\
         second “其中” (overlapping categories); parts or totals marked “约”, “余” or “以上”; parts where numbers\n\
         in another unit come between numbers in the same unit; changes such as “同比” or “增长” among the parts;\n\
         sums that differ from the total by more than a quarter (most likely only some parts are listed, as in\n\
         “共办理建议120件，其中重点建议15件、督办件8件”); decimals that agree once rounded to the last place.\n\
         Source: the “accurate data” of 《党政机关公文处理工作条例》 article 20 (4).",
    ),
    (
        "metric-inconsistent",
        "One statistic of the same subject and period given two different values",
        "Checks: the same statistic of the same subject (全县, 本市, 临川市……) and the same period given different\n\
         exact values within one document or across documents of the batch.\n\
         Why: a figure in a report, summary or bulletin must be the same wherever it appears; if it is not, at\n\
         least one place is miscopied.\n\
         Wrong: a report says “全县受理劳动人事争议仲裁案件214件”, a summary “全县受理劳动人事争议仲裁案件241件”\n\
         Right: both give the same value.\n\
         Only compared: two statistics that start with their subject (within a document: 全省, 全市, 全县, 本市, 我县\n\
         and the like, or a place name ending in 省, 市, 县; across documents: place names only, because “全县” or\n\
         “本市” of different organs are different subjects), with the same wording of subject and statistic, the\n\
         same unit, both exact, and the same words of period in their paragraphs (2024年, 上半年, 一季度, 去年,\n\
         “十四五” and the like); across documents, the two documents must also be of the same year, or their\n\
         paragraphs must state the same year.\n\
         Not reported: different places or scopes (临川市 and 平江县, 市政府 and 全市各级); numbers marked “约”,\n\
         “余”, “以上”, “左右”; changes such as growth, decline, year on year; planned figures (“力争”, “预计”,\n\
         “目标”); numbers listed with “分别”; statistics without a stated subject (the subject cannot be known to\n\
         be the same). Better to miss one than to report a false one.\n\
         Source: the “accurate data” of 《党政机关公文处理工作条例》 article 20 (4).",
    ),
    (
        "thousands-separator",
        "Inconsistent thousands separators, or a separator in a four-digit number",
        "Checks: a document with both separated numbers such as 24,150 and unseparated numbers of five digits or\n\
         more such as 31760; or a four-digit integer with a separator (1,500).\n\
         Why: separators are used throughout or not at all; integers of four digits or fewer take none.\n\
         Wrong: 补助资金24,150元，另拨付31760元\n\
         Right: 24150元 … 31760元\n\
         Not reported: documents using the half-width comma as punctuation throughout (“14,500” may be two numbers;\n\
         halfwidth-punct-in-cjk reports it); years, codes, telephone numbers and other numbers without a unit.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.1.1.",
    ),
    (
        "term-odd-one-out",
        "A term written differently in one place only (confusable characters)",
        "Checks: a phrase that occurs once, while the same phrase with its confusable word replaced by the other of\n\
         the pair occurs twice or more, such as “重大行政决策程序制度” in several places and “重大行政决策程度制度”\n\
         in one. The pairs are in dicts/confusable-pairs.txt (程序/程度, 法治/法制, 制定/制订, 截止/截至, 权力/权利,\n\
         部署/布署, 其他/其它).\n\
         Why: the same thing written differently is usually a slip of the input method; the majority form is taken as right.\n\
         Wrong: 严肃落实重大行政决策程度制度 (“程序制度” everywhere else)\n\
         Right: 严肃落实重大行政决策程序制度\n\
         Not reported: the compared phrase must have at least six Chinese characters, confusable word included,\n\
         with characters on both sides of it (“维护社会主义法制的统一” and “社会主义法治国家” are both right); both\n\
         forms occurring several times. Only phrases within one file are compared for now.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4) (accurate wording).",
    ),
    (
        "fazhi-vs-fazhi",
        "“法制” where the term is “法治”",
        "Checks: phrases whose current form uses “法治” written with “法制”: 法制政府, 法制国家, 法制社会, 法制中国,\n\
         法制思想, 法制轨道, 法制化, 法制建设.\n\
         Why: the 15th Party Congress set the goal of “依法治国，建设社会主义法治国家”, and since the fourth plenary\n\
         session of the 18th Central Committee “法治政府”, “法治社会”, “法治建设” and the like are the standard\n\
         terms; “法制” means the legal system itself.\n\
         Wrong: 加快建设法制社会 · 推进法制政府建设\n\
         Right: 加快建设法治社会 · 推进法治政府建设\n\
         Not reported: 法制审核, 法制机构, 法制日报, 原××法制办, “民主法制建设”; titles in 《》; documents from before 2014.\n\
         Source: the wording of current documents such as 《法治政府建设实施纲要（2021—2025年）》.",
    ),
    (
        "confusable-lexicon",
        "Confusable words (“截止”/“截至”, “其它”/“其他”, “布署”/“部署” and others)",
        "Checks: the confusable words of dicts/confusables.csv: “截止” followed by a time (截止今年6月末), 其它, 布署 and others.\n\
         Why: “截至” means up to a time and is followed by it; “截止” means to close and takes no object. “其他” is\n\
         the standard form, and “布署” a miswritten word.\n\
         Wrong: 截止今年6月末 · 布署 · 其它事项\n\
         Right: 截至今年6月末 · 部署 · 其他事项\n\
         Not reported: 截止日期, 报名截止 (no time as object); titles in 《》.\n\
         Source: 《现代汉语词典》; the recommended forms of 《第一批异形词整理表》 (GF 1001-2001).",
    ),
    (
        "repeated-token",
        "Word repeated by mistake (“的的”, “进一步进一步”)",
        "Checks: the same word twice in a row after segmentation: a word of several characters (进一步进一步,\n\
         开展开展) or a function word (的的, 了了, 和和).\n\
         Why: usually left over from an edit; it does not read.\n\
         Wrong: 修订乡镇的的考核办法 · 进一步进一步加强\n\
         Right: 修订乡镇的考核办法 · 进一步加强\n\
         Not reported: reduplicated words (常常, 层层, 一一, 事事, 看看) and doubled one-character content words;\n\
         numbers and letters; words that are both noun and verb (“国家有关规定规定应当公开”).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4) (correct use of words).",
    ),
    (
        "placeholder-residue",
        "Template placeholder left in (“××”, “XX”, “□□”, “【待补】”)",
        "Checks: placeholders left from a template: ××, XX, □□, ○○, 【待补】, 【待定】, （此处……）, TODO.\n\
         Why: a placeholder left in means the document is unfinished, and an error once it is issued.\n\
         Wrong: 由××局牵头 · 截至XX月底\n\
         Right: 由平江县市场监督管理局牵头 · 截至6月底\n\
         Not reported: X joined to other Latin letters (XXL, model codes); “○○” in years in Chinese numerals\n\
         (zero-glyph reports those).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    ),
    (
        "traditional-variant-chars",
        "Traditional or variant characters, or non-recommended word forms",
        "Checks: the traditional characters (務, 開, 們……) and non-recommended word forms (惟一, 部份, 帐户) listed in\n\
         dicts/variants.csv.\n\
         Why: documents use the standard characters of 《通用规范汉字表》 and the recommended forms of\n\
         《第一批异形词整理表》. A document in traditional characters throughout is reported once, at the first place.\n\
         Wrong: 政務公開 · 惟一来源\n\
         Right: 政务公开 · 唯一来源\n\
         Not reported: characters that are standard in some words (於, 乾, 後 and the like are not listed).\n\
         Source: 《中华人民共和国国家通用语言文字法》; 《通用规范汉字表》 (2013); GF 1001-2001.",
    ),
    (
        "outdated-institution",
        "Name of an abolished institution",
        "Checks: names of institutions abolished or merged in the 2018–2019 institutional reform, listed in\n\
         dicts/outdated-institutions.csv (政府法制办, 工商局, 国土资源局, 环保局, 卫计委, 安监局, 国税局, 地税局 and\n\
         others), in documents written after the reform.\n\
         Why: after the reform the duties passed to new bodies; the old names leave unclear who is responsible.\n\
         Wrong: 由县国土资源局负责审批 (in a 2024 document)\n\
         Right: 由县自然资源局负责审批\n\
         Not reported: historical mentions with “原” before the name; titles in 《》; documents written no later\n\
         than the reform year, or whose year cannot be determined.\n\
         Source: the 2018 《深化党和国家机构改革方案》 and the local reform plans.",
    ),
    (
        "canonical-phrase",
        "Miswritten character in a fixed political phrase",
        "Checks: a phrase of the same length as a fixed phrase of dicts/canonical-phrases.txt (习近平法治思想, “两个维护”,\n\
         “四个意识”, 全过程人民民主 and others) that differs from it by one character.\n\
         Why: a fixed phrase must be exact to the character; a wrong character in one is a serious error.\n\
         Wrong: 做到“两个拥护” · 习近平法制思想\n\
         Right: 做到“两个维护” · 习近平法治思想\n\
         Not reported: a different first or last character (“的发展格局” is another word joined to “发展格局”); different\n\
         numerals (“三位一体” is another phrase); forms that are another phrase of the list; phrases that are also\n\
         right with one character changed (全面依法治省) are not listed.\n\
         Source: the standard wording of central documents.",
    ),
    (
        "attachment-note-form",
        "Wrong form of the attachment note",
        "Checks: in the attachment note (附件：××), a half-width colon, a number on a single attachment, punctuation\n\
         after a name, numbers out of sequence or not written “1.”.\n\
         Why: the attachment note is written “附件：name”; several attachments are numbered in Arabic numerals “1.××”;\n\
         an attachment's name takes no punctuation after it.\n\
         Wrong: 附件:1.临川市公共信用信息修复管理细则。 (a single attachment)\n\
         Right: 附件：临川市公共信用信息修复管理细则\n\
         Not reported: download links of web pages (names with extensions such as .doc, .pdf).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.4 (attachment note).",
    ),
    (
        "attachment-note-mismatch",
        "Number or title of an attachment page differs from the attachment note",
        "Checks: the number or title of an attachment page (first line “附件” or “附件N”) that differs from the\n\
         attachment note after the body.\n\
         Why: the note and the attachments correspond one to one, with names identical to the character;\n\
         otherwise nobody can tell which document is attached.\n\
         Wrong: note “临川市公共信用信息修复管理细则”, attachment page titled “临川市公共信用修复细则”\n\
         Right: the two names identical\n\
         Not reported: documents without an attachment note or attachment pages (web pages often give only a link);\n\
         differences in spaces, title marks and punctuation after the name (attachment-note-form reports the\n\
         latter); titles wrapped onto two lines.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.7 (attachments).",
    ),
];

/// The English summary and documentation of a rule.
pub(crate) fn lookup(id: &str) -> Option<(&'static str, &'static str)> {
    EN.iter()
        .find(|(i, _, _)| *i == id)
        .map(|(_, s, d)| (*s, *d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::text::is_han;
    use crate::check::rules::ALL;
    use crate::i18n::{unquoted, Lang};

    #[test]
    fn every_rule_has_english_texts_and_nothing_else_does() {
        for r in ALL {
            let (summary, doc) = lookup(r.id).unwrap_or_else(|| panic!("{}: no English", r.id));
            assert_eq!(r.summary_in(Lang::En), summary);
            assert_eq!(r.doc_in(Lang::En), doc);
            assert_eq!(r.summary_in(Lang::Zh), r.summary);
            assert!(!summary.trim().is_empty(), "{}", r.id);
            let bare = unquoted(summary);
            assert!(
                !bare.chars().any(is_han),
                "{}: Chinese outside quotes in the English summary: {bare}",
                r.id
            );
            for section in ["Checks: ", "Why: ", "Source: "] {
                assert!(doc.contains(section), "{}: no {section:?}", r.id);
            }
        }
        for (id, _, _) in EN {
            assert_eq!(
                ALL.iter().filter(|r| r.id == *id).count(),
                1,
                "{id}: not a rule, or listed twice"
            );
        }
        assert_eq!(EN.len(), ALL.len());
    }

    #[test]
    fn quoted_fragments_are_left_out_of_the_check() {
        assert_eq!(unquoted("A “法制” b 《法》 c"), "A  b  c");
        assert!(unquoted("a 法制").chars().any(is_han));
    }
}
