//! Visible text of an HTML page: tags dropped, block elements become lines, table cells are
//! separated by tabs, character references decoded, and script/style/head content left out.

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "nav",
    "aside",
    "main",
    "form",
    "figure",
    "figcaption",
    "address",
    "center",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "body",
    "html",
];
const HIDDEN: &[&str] = &["script", "style", "head", "noscript", "template", "title"];

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" => "\u{a0}",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "ldquo" => "“",
        "rdquo" => "”",
        "lsquo" => "‘",
        "rsquo" => "’",
        "mdash" => "—",
        "ndash" => "–",
        "hellip" => "…",
        "middot" => "·",
        "times" => "×",
        "emsp" => "\u{2003}",
        "ensp" => "\u{2002}",
        "thinsp" => "\u{2009}",
        "ideographicspace" => "\u{3000}",
        "copy" => "©",
        "reg" => "®",
        "deg" => "°",
        "permil" => "‰",
        "plusmn" => "±",
        _ => return None,
    })
}

/// Decodes one character reference starting at `s` (just after `&`). Returns the text and how
/// many bytes of `s` it consumed, or `None` when `&` is literal.
fn char_ref(s: &str) -> Option<(String, usize)> {
    let end = s.char_indices().take(32).find(|(_, c)| *c == ';')?.0;
    let body = &s[..end];
    let text = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        char::from_u32(code).filter(|c| *c != '\0')?.to_string()
    } else {
        named_entity(body)?.to_string()
    };
    Some((text, end + 1))
}

/// Where the tag that `after` (the text after a `<`) starts ends, at its `>`; `None` when the
/// `<` is text. As in HTML a tag name starts with an ASCII letter (`<<标题>>`, `1<2` are
/// text); further, a tag whose unquoted part holds a character beyond ASCII or another `<`,
/// or that never ends, is text too: `指标 a<b 时，…` is a sentence, not an element `b`
/// whose attributes swallow the paragraph.
fn tag_end(after: &str) -> Option<usize> {
    let b = after.as_bytes();
    let name = usize::from(b.first() == Some(&b'/'));
    match b.get(name) {
        Some(c) if c.is_ascii_alphabetic() => {}
        // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>
        Some(b'!' | b'?') if name == 0 => return memchr::memchr(b'>', b),
        _ => return None,
    }
    let mut i = name;
    while let Some(&c) = b.get(i) {
        match c {
            b'>' => return Some(i),
            b'<' => return None,
            b'"' | b'\'' => i += 1 + memchr::memchr(c, &b[i + 1..])?,
            0x80.. => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// Extracts the visible text of an HTML document.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut hidden: Option<String> = None; // name of the hidden element we are inside
    let mut rest = html;
    let mut pending_space = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            if let Some(comment) = after.strip_prefix("!--") {
                rest = comment.find("-->").map(|i| &comment[i + 3..]).unwrap_or("");
                continue;
            }
            if let Some(close) = tag_end(after) {
                let tag = &after[..close];
                rest = &after[close + 1..];
                let is_end = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if let Some(h) = &hidden {
                    if is_end && *h == name {
                        hidden = None;
                    }
                    continue;
                }
                if !is_end && !tag.ends_with('/') && HIDDEN.contains(&name.as_str()) {
                    hidden = Some(name);
                    continue;
                }
                if name == "td" || name == "th" {
                    if is_end {
                        out.push('\t');
                    }
                    pending_space = false;
                } else if BLOCK.contains(&name.as_str()) {
                    // Trailing tab of the last cell of a row is not content.
                    while out.ends_with('\t') || out.ends_with(' ') {
                        out.pop();
                    }
                    if !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    pending_space = false;
                }
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        if hidden.is_some() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c.is_ascii_whitespace() {
            pending_space = true;
            rest = &rest[1..];
            continue;
        }
        if pending_space && !out.is_empty() && !out.ends_with(['\n', '\t']) {
            out.push(' ');
        }
        pending_space = false;
        if c == '&' {
            if let Some((text, used)) = char_ref(&rest[1..]) {
                out.push_str(&text);
                rest = &rest[1 + used..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    tidy_lines(&out)
}

/// Trims each line and drops empty ones: in HTML, vertical space between blocks is styling,
/// not content.
fn tidy_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let line = line.trim_matches([' ', '\t']);
        if line.is_empty() {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cells_entities_and_hidden_parts() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\n<h1>国务院关于\n印发的通知</h1><p>国发&#x3014;2018&#12309;38号&nbsp;&amp;</p><!-- 注释 --><script>var a='<p>';</script><table><tr><td>指标</td><td>262件</td></tr></table><p>完<br>结</p></body></html>";
        assert_eq!(
            html_text(html),
            "国务院关于 印发的通知\n国发〔2018〕38号\u{a0}&\n指标\t262件\n完\n结\n"
        );
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in [
            "<",
            "<p",
            "&#xFFFFFFFF;",
            "&#0;",
            "a&",
            "<script>never closed",
            "<!--",
        ] {
            let _ = html_text(s);
        }
    }

    /// A `<` that starts no tag is text, and what follows it stays.
    #[test]
    fn a_literal_angle_bracket_keeps_the_text_after_it() {
        let html = "<html><body><p>根据<<中华人民共和国行政许可法>>第十二条，共受理案件100件。</p><p>指标 a<b 时，办结率为98%。后续：共办理120件。</p><p>1<2 且 <a href=\"x>y\" title='标题'>链接</a>末尾 <</p></body></html>";
        assert_eq!(
            html_text(html),
            "根据<<中华人民共和国行政许可法>>第十二条，共受理案件100件。\n指标 a<b 时，办结率为98%。后续：共办理120件。\n1<2 且 链接末尾 <\n"
        );
        // A `<` with no `>` after it keeps the rest of the page.
        let tail = format!("<p>甲<乙{}</p>", "共办理120件。".repeat(1000));
        assert!(html_text(&tail).ends_with("共办理120件。\n"));
        assert!(html_text(&tail).starts_with("甲<乙共办理"));
    }
}
