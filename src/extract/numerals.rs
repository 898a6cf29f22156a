//! Numeral parsing: Arabic (half- and full-width, decimals, thousands separators), Chinese
//! (小写 and 大写, positional digit strings such as 二〇二二, colloquial 四百五), mixed forms
//! (1.2万, 3千万), 点 decimals, fractions and percentages (三分之一, 百分之三十, 三成).
//!
//! Values are computed as exact decimals (`u128` mantissa and a power of ten) and converted to
//! `f64` once, so `0.94万` is exactly `9400.0` and never `9400.000000000002`. Anything that does
//! not fit is reported as [`NumError::Overflow`] instead of wrapping.

/// Why a string is not a number we can represent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumError {
    Empty,
    Invalid,
    Overflow,
}

/// An exact decimal `mantissa × 10^exp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: u128,
    pub exp: i32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        exp: 0,
    };

    pub fn int(v: u128) -> Decimal {
        Decimal {
            mantissa: v,
            exp: 0,
        }
    }

    /// Multiplies by `10^k` (the scale words 万 = 4, 亿 = 8).
    pub fn scale(self, k: i32) -> Result<Decimal, NumError> {
        let exp = self.exp.checked_add(k).ok_or(NumError::Overflow)?;
        if exp > 60 {
            return Err(NumError::Overflow);
        }
        Ok(Decimal { exp, ..self })
    }

    /// The nearest `f64`. Going through the decimal text lets the standard library's correctly
    /// rounded parser do the work, so a value equals the literal a person would write.
    pub fn to_f64(self) -> f64 {
        if self.mantissa == 0 {
            return 0.0;
        }
        let mut buf = [0u8; 64];
        let s = write_decimal(&mut buf, self);
        s.parse::<f64>().unwrap_or(f64::NAN)
    }
}

fn write_decimal(buf: &mut [u8; 64], d: Decimal) -> &str {
    // u128 has at most 39 digits; "e-2147483648" is 12 more: fits in 64.
    let mut digits = [0u8; 40];
    let mut n = d.mantissa;
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut pos = 0;
    for i in (0..len).rev() {
        buf[pos] = digits[i];
        pos += 1;
    }
    buf[pos] = b'e';
    pos += 1;
    let mut e = i64::from(d.exp);
    if e < 0 {
        buf[pos] = b'-';
        pos += 1;
        e = -e;
    }
    let mut edigits = [0u8; 20];
    let mut elen = 0;
    loop {
        edigits[elen] = b'0' + (e % 10) as u8;
        elen += 1;
        e /= 10;
        if e == 0 {
            break;
        }
    }
    for i in (0..elen).rev() {
        buf[pos] = edigits[i];
        pos += 1;
    }
    std::str::from_utf8(&buf[..pos]).unwrap_or("NaN")
}

/// The value of a Chinese digit character (小写 or 大写), including 两 and 〇.
pub fn cn_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The power of ten of a Chinese unit character within a section (十 百 千).
fn cn_small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// The value of an ASCII or full-width digit.
pub fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Parses an Arabic number: digits (half- or full-width), optional `,` thousands separators and
/// an optional decimal part after `.` or `．`.
pub fn parse_arabic(s: &str) -> Result<Decimal, NumError> {
    let mut mantissa: u128 = 0;
    let mut exp: i32 = 0;
    let mut seen_digit = false;
    let mut in_frac = false;
    let mut prev_sep = false;
    // Digits since the last thousands separator; `None` before the first one.
    let mut group: Option<u32> = None;
    let bad_group = |g: Option<u32>| g.is_some_and(|g| g != 3);
    for c in s.chars() {
        if let Some(d) = arabic_digit(c) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(d)))
                .ok_or(NumError::Overflow)?;
            if in_frac {
                exp -= 1;
            } else if let Some(g) = group.as_mut() {
                *g += 1;
            }
            seen_digit = true;
            prev_sep = false;
        } else if (c == '.' || c == '．') && !in_frac && seen_digit {
            if bad_group(group) {
                return Err(NumError::Invalid);
            }
            in_frac = true;
            prev_sep = true;
        } else if c == ',' && !in_frac && seen_digit && !prev_sep {
            if bad_group(group) {
                return Err(NumError::Invalid);
            }
            group = Some(0);
            prev_sep = true;
        } else {
            return Err(NumError::Invalid);
        }
    }
    if !seen_digit {
        return Err(NumError::Empty);
    }
    if prev_sep || (!in_frac && bad_group(group)) {
        return Err(NumError::Invalid);
    }
    Ok(Decimal { mantissa, exp })
}

/// Parses a Chinese integer (no 点): 一千三百七十三万, 四百五 (= 450), 一万二 (= 12000),
/// 二〇二二 (positional, = 2022), 壹佰贰拾, 十五, 万亿 scale combinations.
pub fn parse_chinese_int(s: &str) -> Result<u128, NumError> {
    if s.is_empty() {
        return Err(NumError::Empty);
    }
    // A string of digits only (二〇二二, 一九八一) is positional.
    let all_digits = s.chars().all(|c| cn_digit(c).is_some());
    if all_digits {
        let mut v: u128 = 0;
        for c in s.chars() {
            let d = cn_digit(c).unwrap_or(0);
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(u128::from(d)))
                .ok_or(NumError::Overflow)?;
        }
        return Ok(v);
    }
    let ovf = NumError::Overflow;
    let mut total: u128 = 0; // the part at or above 亿 (already multiplied)
    let mut mid: u128 = 0; // the 万 part since the last 亿 (already multiplied)
    let mut section: u128 = 0; // below 万
    let mut num: Option<u128> = None; // a digit waiting for its unit
    let mut last_unit: Option<u32> = None; // power of ten of the unit just seen
    let mut zero_seen = false;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            if num.is_some() {
                // Two digits in a row without a unit (三四十) is not a single value.
                return Err(NumError::Invalid);
            }
            if d == 0 {
                zero_seen = true;
                last_unit = None;
                continue;
            }
            num = Some(u128::from(d));
        } else if let Some(p) = cn_small_unit(c) {
            let n = num.take().unwrap_or(1);
            section = section
                .checked_add(n.checked_mul(10u128.pow(p)).ok_or(ovf)?)
                .ok_or(ovf)?;
            last_unit = Some(p);
            zero_seen = false;
        } else if c == '万' {
            let n = section.checked_add(num.take().unwrap_or(0)).ok_or(ovf)?;
            let n = if n == 0 && mid == 0 { 1 } else { n };
            mid = mid
                .checked_add(n)
                .and_then(|m| m.checked_mul(10_000))
                .ok_or(ovf)?;
            section = 0;
            last_unit = Some(4);
            zero_seen = false;
        } else if c == '亿' {
            let n = mid
                .checked_add(section)
                .and_then(|v| v.checked_add(num.take().unwrap_or(0)))
                .ok_or(ovf)?;
            let n = if n == 0 && total == 0 { 1 } else { n };
            total = total
                .checked_add(n)
                .and_then(|t| t.checked_mul(100_000_000))
                .ok_or(ovf)?;
            mid = 0;
            section = 0;
            last_unit = Some(8);
            zero_seen = false;
        } else {
            return Err(NumError::Invalid);
        }
    }
    let mut tail = num.unwrap_or(0);
    // 四百五 = 450, 一万二 = 12000: a trailing digit right after a unit other than 十 counts in
    // the next lower place, unless a 零 came between (一百零五 = 105).
    if let (Some(n), Some(p), false) = (num, last_unit, zero_seen) {
        if p >= 2 {
            tail = n.checked_mul(10u128.pow(p - 1)).ok_or(ovf)?;
        }
    }
    total
        .checked_add(mid)
        .and_then(|v| v.checked_add(section))
        .and_then(|v| v.checked_add(tail))
        .ok_or(ovf)
}

/// Parses a Chinese number that may have a 点 decimal part (三点五, 二点四万).
pub fn parse_chinese(s: &str) -> Result<Decimal, NumError> {
    let (int_part, rest) = match s.find('点') {
        Some(i) => (&s[..i], Some(&s[i + '点'.len_utf8()..])),
        None => (s, None),
    };
    let Some(rest) = rest else {
        return parse_chinese_int(int_part).map(Decimal::int);
    };
    // Digits after 点, then an optional trailing scale word (二点四万).
    let frac_end = rest
        .char_indices()
        .find(|(_, c)| cn_digit(*c).is_none())
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let (frac, scale) = rest.split_at(frac_end);
    if frac.is_empty() {
        return Err(NumError::Invalid);
    }
    let int = if int_part.is_empty() {
        0
    } else {
        parse_chinese_int(int_part)?
    };
    let mut m = int;
    let mut exp = 0i32;
    for c in frac.chars() {
        let d = cn_digit(c).ok_or(NumError::Invalid)?;
        m = m
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(d)))
            .ok_or(NumError::Overflow)?;
        exp -= 1;
    }
    let k = if scale.is_empty() {
        0
    } else {
        scale_power(scale).ok_or(NumError::Invalid)?
    };
    Decimal { mantissa: m, exp }.scale(k)
}

/// The power of ten of a scale word written after a number (1.2万, 3千万, 4.93万亿).
pub fn scale_power(s: &str) -> Option<i32> {
    Some(match s {
        "十" => 1,
        "百" => 2,
        "千" => 3,
        "万" => 4,
        "十万" => 5,
        "百万" => 6,
        "千万" => 7,
        "亿" => 8,
        "十亿" => 9,
        "百亿" => 10,
        "千亿" => 11,
        "万亿" => 12,
        _ => return None,
    })
}

/// Scale words in the order to try them (longest first).
pub const SCALES: &[&str] = &[
    "万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万", "千", "百",
];

/// Parses an Arabic or Chinese number, optionally followed by a scale word (1.2万, 12.5亿, 3千万,
/// 一千三百七十三万). Mixed Arabic + Chinese digits other than scale words are invalid.
pub fn parse_number(s: &str) -> Result<Decimal, NumError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(NumError::Empty);
    }
    let first = s.chars().next().ok_or(NumError::Empty)?;
    if arabic_digit(first).is_some() {
        let end = s
            .char_indices()
            .find(|(_, c)| arabic_digit(*c).is_none() && !matches!(c, '.' | '．' | ','))
            .map(|(i, _)| i)
            .unwrap_or(s.len());
        let (num, scale) = s.split_at(end);
        let d = parse_arabic(num)?;
        if scale.is_empty() {
            return Ok(d);
        }
        let k = scale_power(scale).ok_or(NumError::Invalid)?;
        return d.scale(k);
    }
    parse_chinese(s)
}

/// What a fraction-like form denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ratio {
    /// 百分之三十: the value is in percent.
    Percent,
    /// 千分之二点四: the value is in per mille.
    Permille,
    /// 三分之一: the value is the ratio itself.
    Fraction,
}

/// Parses `X分之Y` (百分之三十 = 30 percent, 千分之二点四 = 2.4 per mille, 三分之一 = 0.333…).
pub fn parse_fraction(s: &str) -> Result<(f64, Ratio), NumError> {
    let i = s.find("分之").ok_or(NumError::Invalid)?;
    let (den, num) = (&s[..i], &s[i + "分之".len()..]);
    let n = parse_number(num)?.to_f64();
    match den {
        "百" => Ok((n, Ratio::Percent)),
        "千" => Ok((n, Ratio::Permille)),
        _ => {
            let d = parse_number(den)?.to_f64();
            if d == 0.0 || !d.is_finite() || !n.is_finite() {
                return Err(NumError::Invalid);
            }
            Ok((n / d, Ratio::Fraction))
        }
    }
}

/// Bounds of a vague numeral: 三四十万 → (300000, 400000), 十几 → (11, 19), 几十 → (20, 90),
/// 一两百 → (100, 200). `None` when `s` is not vague.
pub fn parse_vague(s: &str) -> Option<(f64, f64)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    // 几 stands for an unknown digit: 1–9 after 十 (十几 = 11–19), else 2–9 (几十 = 20–90).
    if let Some(k) = chars.iter().position(|(_, c)| *c == '几') {
        // A lone 几 (几个问题) has no magnitude to bound.
        let next_is_unit = chars
            .get(k + 1)
            .is_some_and(|(_, c)| cn_small_unit(*c).is_some() || matches!(c, '万' | '亿'));
        let prev_is_unit = k > 0 && cn_small_unit(chars[k - 1].1).is_some();
        if !next_is_unit && !prev_is_unit {
            return None;
        }
        let i = chars[k].0;
        let after_ten = k > 0 && matches!(chars[k - 1].1, '十' | '拾');
        let lo_digit = if after_ten { "一" } else { "二" };
        let lo = replace_at(s, i, '几'.len_utf8(), lo_digit)?;
        let hi = replace_at(s, i, '几'.len_utf8(), "九")?;
        let lo = parse_chinese(&lo).ok()?.to_f64();
        let hi = parse_chinese(&hi).ok()?.to_f64();
        return (lo < hi).then_some((lo, hi));
    }
    // Two adjacent consecutive digits (三四, 七八, 一两) followed by a unit character.
    for w in chars.windows(3) {
        let (a, b, next) = (w[0].1, w[1].1, w[2].1);
        let (Some(da), Some(db)) = (cn_digit(a), cn_digit(b)) else {
            continue;
        };
        if da == 0 || db != da + 1 {
            continue;
        }
        if cn_small_unit(next).is_none() && next != '万' && next != '亿' {
            continue;
        }
        let i = w[0].0;
        let pair = a.len_utf8() + b.len_utf8();
        let mut lo_s = String::with_capacity(s.len());
        lo_s.push_str(&s[..i]);
        lo_s.push(a);
        lo_s.push_str(&s[i + pair..]);
        let mut hi_s = String::with_capacity(s.len());
        hi_s.push_str(&s[..i]);
        hi_s.push(b);
        hi_s.push_str(&s[i + pair..]);
        let lo = parse_chinese(&lo_s).ok()?.to_f64();
        let hi = parse_chinese(&hi_s).ok()?.to_f64();
        return (lo < hi).then_some((lo, hi));
    }
    None
}

fn replace_at(s: &str, i: usize, len: usize, with: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len() + with.len());
    out.push_str(s.get(..i)?);
    out.push_str(with);
    out.push_str(s.get(i + len..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn num(s: &str) -> f64 {
        parse_number(s)
            .unwrap_or_else(|e| panic!("{s}: {e:?}"))
            .to_f64()
    }

    #[test]
    fn table() {
        let cases: &[(&str, f64)] = &[
            ("12,680", 12680.0),
            ("80.3", 80.3),
            ("１２３", 123.0),
            ("１２．５", 12.5),
            ("0.94万", 9400.0),
            ("1.2万", 12000.0),
            ("12.5亿", 1_250_000_000.0),
            ("3千万", 30_000_000.0),
            ("4.93万亿", 4_930_000_000_000.0),
            ("1373万", 13_730_000.0),
            ("7093.8万", 70_938_000.0),
            ("零", 0.0),
            ("十", 10.0),
            ("十五", 15.0),
            ("二十", 20.0),
            ("一百零五", 105.0),
            ("四百五", 450.0),
            ("三千五", 3500.0),
            ("一万二", 12000.0),
            ("一亿五", 150_000_000.0),
            ("一千三百七十三万", 13_730_000.0),
            ("十二万三千四百五十六", 123_456.0),
            ("三万亿", 3e12),
            ("一亿二千万", 120_000_000.0),
            ("两千", 2000.0),
            ("壹佰贰拾", 120.0),
            ("贰仟零伍", 2005.0),
            ("二〇二二", 2022.0),
            ("一九八一", 1981.0),
            ("三点五", 3.5),
            ("二点四万", 24000.0),
            ("零点五", 0.5),
            ("万", 10000.0),
            ("千", 1000.0),
        ];
        for (s, v) in cases {
            assert_eq!(num(s), *v, "{s}");
        }
    }

    #[test]
    fn fractions() {
        assert_eq!(
            parse_fraction("百分之三十").unwrap(),
            (30.0, Ratio::Percent)
        );
        assert_eq!(
            parse_fraction("千分之二点四").unwrap(),
            (2.4, Ratio::Permille)
        );
        assert_eq!(
            parse_fraction("三分之一").unwrap(),
            (1.0 / 3.0, Ratio::Fraction)
        );
        assert_eq!(parse_fraction("百分之80.5").unwrap().0, 80.5);
        assert!(parse_fraction("零分之一").is_err());
    }

    #[test]
    fn vague() {
        assert_eq!(parse_vague("三四十万"), Some((300_000.0, 400_000.0)));
        assert_eq!(parse_vague("十几万"), Some((110_000.0, 190_000.0)));
        assert_eq!(parse_vague("几十"), Some((20.0, 90.0)));
        assert_eq!(parse_vague("一两百"), Some((100.0, 200.0)));
        assert_eq!(parse_vague("三十"), None);
    }

    #[test]
    fn invalid_and_overflow() {
        assert_eq!(parse_number(""), Err(NumError::Empty));
        assert_eq!(parse_number("三四十"), Err(NumError::Invalid));
        assert_eq!(parse_number("1,2"), Err(NumError::Invalid));
        assert_eq!(parse_number("1,2345"), Err(NumError::Invalid));
        assert_eq!(
            parse_number("12,345,678.5"),
            Ok(Decimal {
                mantissa: 123456785,
                exp: -1
            })
        );
        assert_eq!(parse_number("12."), Err(NumError::Invalid));
        assert_eq!(parse_number("abc"), Err(NumError::Invalid));
        let huge = "9".repeat(60);
        assert_eq!(parse_number(&huge), Err(NumError::Overflow));
        assert_eq!(
            parse_number(&"亿".repeat(10)),
            Err(NumError::Overflow),
            "nested 亿 overflow"
        );
        assert_eq!(
            parse_number(&format!("{}万亿", "9".repeat(40))),
            Err(NumError::Overflow)
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,24}") {
            let _ = parse_number(&s);
            let _ = parse_fraction(&s);
            let _ = parse_vague(&s);
        }

        #[test]
        fn never_panics_on_numeral_alphabet(s in "[0-9０-９.,．零〇一二两三四五六七八九十百千万亿几点分之壹贰叁拾佰仟]{0,30}") {
            if let Ok(d) = parse_number(&s) {
                let v = d.to_f64();
                prop_assert!(v.is_finite() && v >= 0.0, "{} -> {}", s, v);
            }
            let _ = parse_fraction(&s);
            let _ = parse_vague(&s);
        }

        #[test]
        fn arabic_round_trips(n in 0u64..10_000_000_000u64) {
            prop_assert_eq!(parse_number(&n.to_string()).unwrap().to_f64(), n as f64);
        }
    }
}
