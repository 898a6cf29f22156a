//! Inputs shaped to make a step grow with the square of their size (see ../shared/stress):
//! at a few megabytes each, a quadratic step takes minutes; a linear run, seconds.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{bin, read_csv};

/// Han characters picked by a fixed sequence, so that titles differ.
fn han(seed: &mut u64, n: usize) -> String {
    (0..n)
        .map(|_| {
            *seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from_u32(0x4E00 + ((*seed >> 33) % 3000) as u32).unwrap()
        })
        .collect()
}

fn shapes() -> Vec<(&'static str, String)> {
    let mut seed = 1u64;
    let titles = |seed: &mut u64, n: usize, f: &dyn Fn(&mut u64) -> String| {
        let mut s = String::new();
        for i in 0..n {
            s += &format!("《{}》", f(seed));
            if i % 10 == 9 {
                s += "。\n";
            }
        }
        s + "。\n"
    };
    vec![
        (
            "digits_cjk",
            "2021年12月31日共受理案件123件其中办结98件办结率为79.6%".repeat(60_000),
        ),
        ("month_only_line", vec!["2020年13月"; 300_000].join("，")),
        ("paren_alt", "《）".repeat(600_000)),
        (
            "same_fact",
            "全县受理劳动人事争议仲裁案件214件。\n".repeat(80_000),
        ),
        (
            "collide_titles",
            titles(&mut seed, 40_000, &|s| {
                let extra = if *s % 2 == 0 { 7 } else { 8 };
                format!("云南省人民政府关于加强{}规定", han(s, extra))
            }),
        ),
        (
            "short_titles",
            titles(&mut seed, 80_000, &|s| format!("{}办法", han(s, 3))),
        ),
        (
            "informal_titles",
            titles(&mut seed, 40_000, &|s| {
                format!("云南省政府关于{}的通知", han(s, 6))
            }),
        ),
        (
            "same_docnum",
            (0..30_000)
                .map(|_| {
                    format!(
                        "根据《国务院关于{}的通知》（国发〔2020〕1号）。\n",
                        han(&mut seed, 8)
                    )
                })
                .collect(),
        ),
    ]
}

#[test]
fn hostile_shapes_of_megabytes_finish() {
    let dir = tempfile::tempdir().unwrap();
    let mut args: Vec<String> = vec!["extract".into()];
    for (name, text) in shapes() {
        let p = dir.path().join(format!("{name}.txt"));
        std::fs::write(&p, text).unwrap();
        args.push(p.to_string_lossy().into_owned());
    }
    let out = dir.path().join("out");
    let mut child = Command::new(bin())
        .args(&args)
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // A process-level limit, generous even for an unoptimised build: a quadratic step in any
    // of these shapes would run for many minutes.
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > Duration::from_secs(300) {
            child.kill().unwrap();
            child.wait().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let status = status.expect("the run did not finish in 300 s");
    assert!(status.success(), "{status}");
    let (header, rows) = read_csv(&out.join("documents.csv"));
    let st = header.iter().position(|h| h == "status").unwrap();
    assert_eq!(rows.len(), 8);
    assert!(rows.iter().all(|r| r[st] == "ok"), "{rows:?}");
    // Every month-only date of the long line is still accounted for: 200 listed, and one
    // finding that counts the rest (one rule lists at most 200 in a document).
    let (header, rows) = read_csv(&out.join("findings.csv"));
    let rule = header.iter().position(|h| h == "rule").unwrap();
    let file = header.iter().position(|h| h == "file").unwrap();
    let message = header.iter().position(|h| h == "message").unwrap();
    let dates: Vec<_> = rows
        .iter()
        .filter(|r| r[rule] == "date-invalid" && r[file].ends_with("month_only_line.txt"))
        .collect();
    assert_eq!(dates.len(), 201);
    let counted = dates
        .iter()
        .filter(|r| r[message].contains("另有299800处同类问题"))
        .count();
    assert_eq!(counted, 1);
}

/// The findings of `rule` in `text`, listed and counted, as the library reports them.
fn listed_and_counted(
    checker: &gongwen::check::Checker,
    text: &str,
    rule: &str,
) -> (usize, Vec<usize>) {
    use gongwen::pipeline::analyse;
    use gongwen::segment::Segmenter;
    let doc = gongwen::Document::from_text("slips.txt", text);
    let a = analyse(&doc, Segmenter::global(), checker);
    let found: Vec<_> = a.findings.iter().filter(|f| f.rule == rule).collect();
    let counted = found
        .iter()
        .filter_map(|f| {
            let rest = f.message.split_once("另有")?.1;
            let (n, after) = rest.split_once('处')?;
            after.starts_with("同类问题").then(|| n.parse().unwrap())
        })
        .collect();
    (found.len(), counted)
}

/// Texts of one slip repeated, each slip one finding: 的 after 的 (repeated-token), an opener
/// never closed (unpaired-marks; 5,000 of them are more than the rule holds open at once, and
/// every one is still reported). A rule lists 200 of them in a document and one more finding
/// counts the rest; `--verbose` lists every one.
#[test]
fn one_slip_repeated_lists_200_findings_and_counts_the_rest() {
    use gongwen::check::Checker;
    let cases = [
        // Every 的 after the first doubles the one before it.
        ("的", 3000, "repeated-token", 2999),
        ("（", 5000, "unpaired-marks", 5000),
        ("“", 5000, "unpaired-marks", 5000),
        ("《", 300, "unpaired-marks", 300),
    ];
    let (terse, verbose) = (
        Checker::default_rules(),
        Checker::default_rules().verbose(true),
    );
    for (slip, times, rule, every) in cases {
        let text = slip.repeat(times);
        let (listed, counted) = listed_and_counted(&verbose, &text, rule);
        assert_eq!((listed, counted), (every, vec![]), "{slip} --verbose");
        let (listed, counted) = listed_and_counted(&terse, &text, rule);
        assert_eq!((listed, counted), (201, vec![every - 200]), "{slip}");
    }
}

/// Allowed texts are dropped before the limit: they take none of the 200 places, and the count
/// of the rest leaves them out.
#[test]
fn allowed_slips_take_no_place_among_the_200() {
    use gongwen::check::{Checker, Config};
    let config = Config {
        allow: vec!["（".to_string()],
        ..Config::default()
    };
    let text = format!("{}{}", "（".repeat(300), "【".repeat(300));
    let (listed, counted) = listed_and_counted(&Checker::new(&config), &text, "unpaired-marks");
    assert_eq!((listed, counted), (201, vec![100]));
    let (listed, counted) = listed_and_counted(&Checker::default_rules(), &text, "unpaired-marks");
    assert_eq!((listed, counted), (201, vec![400]));
}
