#!/usr/bin/env python3
"""Mine the history of national laws and regulations from the LawRefBook texts.

Usage: scripts/mine-law-history.py BENCH_DIR [dicts/national-laws.csv] > dicts/law-history.csv

BENCH_DIR is the benchmark corpus (../shared/bench): its lawrefbook/ folders hold the national
laws, administrative regulations, judicial interpretations and departmental rules as text, and
INDEX.tsv names the LawRefBook file each one came from. Three kinds of fact are read:

* the dated lines under a text's title: adopted (通过 / 公布 / 发布), in force (施行), amended
  (修正 / 修订), and the 令 number;
* the clause that ends a text — 本法自…起施行。《…》同时废止 (also 即行废止, 同时失效, and
  自本规定施行之日起，《…》即行废止): every title named there was repealed on the day the new
  text took effect, and the new text replaced it. A repealed title equal to the new one is a new
  version of the same text, recorded as an amendment;
* a text that LawRefBook's metadata (national-laws.csv, column `expired`) marks as no longer in
  force and that a text of the same form and subject replaced (信访条例 → 信访工作条例): repealed
  on the day the later text took effect, as its own closing clause says.

Each row keeps the sentences its facts came from (`evidence`) and where (`source`, bench path and
line), so a test can check the facts against them. Local regulations (difang-fagui) and cases are
left out: the catalogue is national; users' registers hold local texts.
"""

import csv
import os
import re
import sys

FOLDER_LEVEL = {
    "xianfa": "宪法",
    "xianfa-xiangguanfa": "法律",
    "minfadian": "法律",
    "minfa-shangfa": "法律",
    "xingzhengfa": "法律",
    "jingjifa": "法律",
    "shehuifa": "法律",
    "xingfa": "法律",
    "susong-feisusong": "法律",
    "xingzheng-fagui": "行政法规",
    "sifa-jieshi": "司法解释",
    "bumen-guizhang": "部门规章",
}

CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

DATE = re.compile(
    r"([0-9]{4}|[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
TITLE = re.compile(r"《([^《》]{2,80})》")
REPEAL = re.compile(r"(同时|即行|予以|一并)(废止|失效)")
IN_FORCE = re.compile(
    r"本(?:法|条例|规定|办法|细则|解释|规则|决定|规范|准则|实施细则|实施条例)(?:修订|修正)?"
    r"(?:自|从)(.{0,30}?)(?:起|开始)?(?:施行|实施|生效|执行)"
)


def cn_number(s):
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (CN_DIGIT.get(ones, 0) if ones else 0)
    n = 0
    for c in s:
        if c not in CN_DIGIT:
            return None
        n = n * 10 + CN_DIGIT[c]
    return n


def parse_date(m):
    y, mo, d = (cn_number(g) for g in m.groups())
    if None in (y, mo, d) or not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def dates_in(s):
    return [d for d in (parse_date(m) for m in DATE.finditer(s.translate(FULLWIDTH))) if d]


def clean_title(t):
    t = t.translate(FULLWIDTH).replace("〈", "<").replace("〉", ">")
    return re.sub(r"\s+", "", t)


def short(t):
    return t[len("中华人民共和国"):] if t.startswith("中华人民共和国") else t


class Law:
    def __init__(self, title):
        self.title = title
        self.level = ""
        self.issuer = ""
        self.number = ""
        self.adopted = ""
        self.in_force = ""
        self.amended = set()
        self.repealed = ""
        self.replaced_by = ""
        self.sources = []
        self.own_latest = ""
        self.evidence = []

    def cite(self, source, sentence):
        if source not in self.sources:
            self.sources.append(source)
            self.evidence.append(sentence.replace("|", "｜").strip())


def header_lines(lines):
    """(line number, text) of the dated lines under the title, before the body starts."""
    out = []
    for i, line in enumerate(lines[1:40], start=2):
        s = line.strip().lstrip("（(").strip()
        if not s:
            continue
        if re.match(r"第[一1１]\s*[章编条节]|第一部分|[一1１][、.．]", s) or len(s) > 200:
            break
        if DATE.match(s.translate(FULLWIDTH)):
            out.append((i, line.strip()))
    return out


def issuer_of(level, text):
    if level in ("法律", "宪法"):
        return "全国人民代表大会常务委员会" if "常务委员会" in text else "全国人民代表大会"
    if level == "行政法规":
        return "国务院"
    m = re.search(r"(最高人民法院|最高人民检察院|中华人民共和国[^\s，。令]{1,12}?部|公安部|[^\s，。]{2,10}?(?:部|总局|委员会))令", text)
    if m:
        return m.group(1)
    for org in ("最高人民法院", "最高人民检察院"):
        if org in text:
            return org
    return ""


def repeal_clauses(text):
    """(line, sentence, titles, date text) of each sentence repealing other texts by name."""
    out = []
    for lineno, para in enumerate(text.split("\n"), start=1):
        if not REPEAL.search(para):
            continue
        sentences = re.split(r"(?<=[。；])", para)
        for k, sent in enumerate(sentences):
            m = REPEAL.search(sent)
            if not m:
                continue
            before = sent[: m.start()]
            # Only the titles the clause names whole: a gap such as 中有关…的规定 or 第…条 after a
            # title repeals part of it, which is not a repeal of the text.
            titles = []
            ms = list(TITLE.finditer(before))
            for j, tm in enumerate(ms):
                lead = before[ms[j - 1].end() if j else 0: tm.start()]
                gap_end = ms[j + 1].start() if j + 1 < len(ms) else len(before)
                gap = re.sub(r"[（(][^（）()]*[）)]", "", before[tm.end():gap_end])
                if re.search(r"中|有关|部分|条|款|规定|办法|施行之日", gap):
                    continue
                # 2001年6月13日国务院公布的《…》: the day the repealed text itself was issued.
                issued = dates_in(lead) if re.search(r"发布|公布|通过|印发|颁布", lead) else []
                titles.append((clean_title(tm.group(1)), issued[0] if issued else ""))
            if not titles:
                continue
            context = "".join(sentences[max(0, k - 1): k + 1])
            out.append((lineno, context.strip(), titles))
    return out


def in_force_date(text_of_clause, law):
    """The day the repealing text took effect, as its clause says."""
    m = IN_FORCE.search(text_of_clause)
    if m:
        d = dates_in(m.group(1))
        if d:
            return d[0]
        if "公布" in m.group(1) or "发布" in m.group(1):
            # A law adopted in plenary with no 公布 line of its own is published that day
            # (主席令 follows the vote), so its adoption dates the repeal.
            return law.adopted_published or law.adopted
    if "施行之日" in text_of_clause:
        return law.in_force
    return ""


def main():
    bench = sys.argv[1]
    national = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "dicts", "national-laws.csv")
    laws = {}

    def law(title):
        key = short(title)
        if key not in laws:
            laws[key] = Law(title)
        elif title.startswith("中华人民共和国") and not laws[key].title.startswith("中华人民共和国"):
            laws[key].title = title
        return laws[key]

    files = []
    with open(os.path.join(bench, "INDEX.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            parts = row["file"].split("/")
            if parts[0] == "lawrefbook" and parts[1] in FOLDER_LEVEL:
                files.append((row["file"], FOLDER_LEVEL[parts[1]]))
    files.sort()
    texts = []
    for path, level in files:
        with open(os.path.join(bench, path), encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        title = clean_title(lines[0])
        # Parts of the civil code (人格权编, 附则) are files of their own under the code's title.
        l = law(title)
        l.level = l.level or level
        header = header_lines(lines)
        l.adopted_published = ""
        if header:
            l.own_latest = max([l.own_latest] + [dates_in(h)[0] for _, h in header])
        for lineno, line in header:
            d = dates_in(line)[0]
            norm = line.translate(FULLWIDTH)
            src = f"{path}:{lineno}"
            if re.search(r"修正|修订|修改", norm):
                if d != l.adopted:
                    l.amended.add(d)
                    l.cite(src, line)
                continue
            if re.search(r"通过|公布|发布|批准|颁布|审议", norm):
                if not l.adopted or d < l.adopted:
                    l.adopted = d
                if re.search(r"公布|发布|颁布", norm):
                    l.adopted_published = l.adopted_published or d
                    n = re.search(r"令\s*(?:（[^）]*）)?第\s*([0-9]+)\s*号", norm)
                    if n and not l.number:
                        org = norm[: n.start()].split()[-1] if norm[: n.start()].split() else ""
                        org = re.sub(r"^[0-9年月日]+", "", org)
                        l.number = f"{org}令第{n.group(1)}号" if org else f"令第{n.group(1)}号"
                l.cite(src, line)
            elif re.search(r"施行|实施", norm):
                l.in_force = l.in_force or d
                l.cite(src, line)
        if not l.issuer:
            l.issuer = issuer_of(level, "\n".join(h for _, h in header) or text[:2000])
        texts.append((path, l, text))

    # The in-force clause of each text, for those whose header does not say it.
    for path, l, text in texts:
        if l.in_force:
            continue
        for lineno, para in enumerate(text.split("\n"), start=1):
            m = IN_FORCE.search(para)
            if not m or not para.lstrip().startswith("第"):
                continue
            d = dates_in(m.group(1))
            if d:
                l.in_force = d[0]
            elif ("公布" in m.group(1) or "发布" in m.group(1)) and getattr(l, "adopted_published", ""):
                l.in_force = l.adopted_published
            else:
                continue
            l.cite(f"{path}:{lineno}", para.strip())

    for path, new, text in texts:
        for lineno, sentence, titles in repeal_clauses(text):
            when = in_force_date(sentence, new)
            if not when:
                continue
            for t, issued in titles:
                old = law(t)
                if issued and (not old.adopted or issued < old.adopted):
                    old.adopted = issued
                src = f"{path}:{lineno}"
                if short(t) == short(new.title):
                    # A text re-enacted under the same title: a new version, not a repeal.
                    if when != old.adopted:
                        old.amended.add(when)
                        old.cite(src, sentence)
                    continue
                if old.repealed and old.repealed != when:
                    continue
                if old.own_latest > when:
                    # Its own text is younger than the repeal: re-enacted under the old title.
                    continue
                old.repealed = when
                old.replaced_by = new.title
                # A text known only from the clause that repealed it: a …法 is a law; anything
                # else is taken to be of the level of the text that replaced it.
                if not old.level:
                    old.level = "法律" if short(t).endswith("法") else (
                        new.level if new.level in ("行政法规", "司法解释", "部门规章") else "")
                old.cite(src, sentence)
                if when not in dates_in(sentence):
                    # 自本规定施行之日起 / 自公布之日起: the day is on the repealing text's own line.
                    for s2, e2 in zip(list(new.sources), list(new.evidence)):
                        if when in dates_in(e2):
                            old.cite(s2, e2)
                            break

    # LawRefBook's own metadata: texts marked expired that a later text of the same form and
    # subject replaced, repealed when the later one took effect.
    forms = ["条例", "法", "规定", "办法", "细则", "解释", "规则"]
    current = {}
    expired = {}
    with open(national, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = short(clean_title(row["name"]))
            if row["expired"].strip() == "1":
                expired.setdefault(name, row)
            else:
                current[name] = row
    for name, row in sorted(expired.items()):
        if name in current or name not in laws and any(name == short(k) for k in current):
            continue
        old = laws.get(name)
        if old and old.repealed:
            continue
        form = next((f for f in forms if name.endswith(f)), None)
        if not form:
            continue
        stem = name[: -len(form)]
        stem = stem[: -2] if stem.endswith("暂行") else stem
        if len(stem) < 2:
            continue
        candidates = [
            laws[k] for k in sorted(current)
            if k in laws and k != name and k.endswith(form) and stem in k and laws[k].in_force
            and (not row["published"] or laws[k].adopted >= row["published"])
        ]
        if len(candidates) != 1:
            continue
        new = candidates[0]
        old = law(name)
        old.level = old.level or row["level"]
        old.repealed = new.in_force
        old.replaced_by = new.title
        i = new.sources.index(next(s for s, e in zip(new.sources, new.evidence) if new.in_force in dates_in(e)))
        old.cite("national-laws.csv:expired", f"LawRefBook 标注《{name}》已失效")
        old.cite(new.sources[i], new.evidence[i])

    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["title", "level", "issuer", "number", "adopted", "in_force", "amended",
                "repealed", "replaced_by", "source", "evidence"])
    for key in sorted(laws):
        l = laws[key]
        if not (l.adopted or l.in_force or l.amended or l.repealed):
            continue
        w.writerow([l.title, l.level, l.issuer, l.number, l.adopted, l.in_force,
                    ";".join(sorted(l.amended)), l.repealed, l.replaced_by,
                    ";".join(l.sources), " | ".join(l.evidence)])


if __name__ == "__main__":
    main()
