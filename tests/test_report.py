"""The report page as a document: structure, escaping, every claim and finding present,
and the `numcheck report` command (atomic write, never touching the draft)."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from checker import __version__, extract, lint
from checker import project, report
from checker.inputs import Source
from checker.lint import extract_source, lint_source
from checker.model import Claim, Finding, Span

from .conftest import ROOT

SEED = ROOT / "fixtures" / "drafts" / "kursk.txt"
REFERENCE = "2024-10-30"
VOID = {"meta", "link", "input", "br", "img", "hr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self, skip=lambda n: False) -> str:
        return "".join(c if isinstance(c, str) else ("" if skip(c) else c.text(skip)) for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag=None, cls=None, **attrs) -> list["Node"]:
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def find(self, tag=None, cls=None, **attrs) -> "Node":
        [node] = self.find_all(tag, cls, **attrs)
        return node


class Tree(HTMLParser):
    """A strict little DOM: every non-void element must be closed in order."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("#root", {})
        self.feed(html)
        self.close()
        assert self.node is self.root, f"unclosed <{self.node.tag}>"

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_endtag(self, tag):
        assert self.node.tag == tag, f"</{tag}> closes <{self.node.tag}>"
        self.node = self.node.parent

    def handle_data(self, data):
        self.node.children.append(data)


def is_backref(node) -> bool:
    return "backref" in node.classes


def page(text, claims=None, findings=None, **kw):
    if claims is None and findings is None:
        html = report.build(text, path=kw.pop("path", "draft.txt"), reference_date=kw.pop("reference_date", None))
    else:
        html = report.render(text, claims or [], findings or [], **kw)
    return html, Tree(html).root


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    html, root = page(text, path="fixtures/drafts/kursk.txt", reference_date=REFERENCE)
    return text, html, root


def test_seed_every_claim_is_marked_with_its_kind(seed):
    text, _, root = seed
    claims = extract(text, reference_date=REFERENCE)
    assert len(claims) == 8
    marked = root.find("article").find_all(cls="claim")
    assert [(n.attrs["id"], n.classes[1], n.text(is_backref)) for n in marked] == \
        [(f"c{i}", f"k-{c.kind}", c.text) for i, c in enumerate(claims, 1)]
    assert all(n.attrs["tabindex"] == "0" for n in marked)
    # The data the tooltip reads is each claim's contract dict, plus its label and interval.
    data = json.loads(root.find("script", id="numcheck-data").text())
    assert [{k: v for k, v in d.items() if k not in ("label", "interval")} for d in data["claims"]] == \
        [c.to_dict() for c in claims]
    assert [(d["label"], d["interval"]) for d in data["claims"][:4]] == \
        [("count", "180–200"), ("count", "2,000–99,999"), ("age", "69"), ("range", "10,000–12,000")]
    # ... and the table of all figures lists each one, linked to its place in the text.
    rows = root.find("details", id="all-claims").find_all("tr")[1:]
    assert [r.find("a").attrs["href"] for r in rows] == [f"#c{i}" for i in range(1, 9)]
    assert [td.text() for td in rows[3].find_all("td")] == \
        ["3:68", "range", "between 10,000 and 12,000", "", "10,000–12,000", "", "", "North Korean soldiers", ""]


def test_seed_finding_is_listed_and_linked_to_both_figures(seed):
    text, _, root = seed
    [finding] = lint(text, reference_date=REFERENCE)
    [item] = root.find_all("li", cls="finding")
    assert item.attrs["id"] == "finding-1" and "sev-warning" in item.classes
    button = item.find("button")
    assert button.attrs["data-finding"] == "1"
    assert button.find("span", cls="rule").text() == "count-conflict"
    assert button.find("span", cls="sev").text() == "warning"
    assert button.find("span", cls="msg").text() == finding.message
    assert button.find("span", cls="pos").text() == "line 5, col 129"
    article = root.find("article")
    flagged = [n for n in article.find_all(cls="hit") if "1" in n.attrs["data-flag"].split()]
    related = [n for n in article.find_all(cls="hit") if "1" in n.attrs["data-rel"].split()]
    assert "".join(n.text() for n in flagged) == finding.text == "approximately 3,000 North Korean fighters"
    assert "".join(n.text() for n in related) == "between 10,000 and 12,000 North Korean soldiers"
    backrefs = article.find_all("a", cls="backref")
    assert [(a.attrs["href"], a.attrs["aria-label"]) for a in backrefs] == \
        [("#finding-1", "finding 1 (related)"), ("#finding-1", "finding 1 (flagged)")]


def test_seed_header_counts_reference_date_and_version(seed):
    _, _, root = seed
    header = root.find("header")
    kinds = [li.text() for li in header.find("ul", id="kind-counts").find_all("li")]
    assert kinds == ["count 3", "range 1", "age 1", "date 3", "percentage 0", "money 0", "quantity 0"]
    sevs = [li.text() for li in header.find("ul", id="severity-counts").find_all("li")]
    assert sevs == ["error 0", "warning 1", "info 0"]
    assert header.find(id="reference-date").text() == REFERENCE
    assert header.find(id="version").text() == __version__
    assert header.find("span", cls="path").text() == "fixtures/drafts/kursk.txt"
    # The legend names every kind, each in its own class (its own underline style).
    legend = root.find("section", id="legend")
    assert [(n.classes[1], n.text()) for n in legend.find_all(cls="claim")] == \
        [(f"k-{k}", label) for k, label in report.KINDS.items()]


def test_seed_paragraphs_are_the_draft_lines_in_order(seed):
    text, _, root = seed
    paras = root.find("article").find_all("p")
    assert [p.text(is_backref) for p in paras] == text.split("\n")


# The seed as Markdown and as HTML: where `numcheck lint` puts the finding in each file,
# and the reference date each gives (front matter in Markdown; none in the HTML).
MARKUP_SEEDS = {"kursk.md": ("line 15, col 175", "2024-10-30"), "kursk.html": ("line 17, col 189", "none given")}


@pytest.fixture(scope="module", params=sorted(MARKUP_SEEDS))
def markup_seed(request):
    path = SEED.with_name(request.param)
    text = path.read_text(encoding="utf-8")
    html, root = page(text, path=str(path))  # no reference date: the draft's own, if any
    return path, text, html, root


def test_markup_seed_shows_the_prose_in_the_markup_paragraphs(markup_seed):
    path, _, _, root = markup_seed
    paras = [p.text(is_backref) for p in root.find("article").find_all("p")]
    lines = SEED.read_text(encoding="utf-8").split("\n")
    if path.suffix == ".md":
        # The Markdown has inline code in one paragraph: not prose, so not shown.
        [n] = [i for i, line in enumerate(lines) if "soldiers from fighting" in line]
        lines[n] = lines[n].replace("soldiers from", "soldiers (the hotline’s code name is ) from")
    assert paras == lines
    shown = "\n".join(paras)
    # No markup, no front matter, nothing lint does not read (code, comments, script,
    # style, title, link destinations): their figures are absent too.
    for absent in ("#", "<", ">", "&", "*", "`", "](", "http", "title:", "tags:", "---",
                   "Wire copy", "superseded", "50,000", "60,000", "70,000", "40,000", "20,000"):
        assert absent not in shown, absent


def test_markup_seed_marks_every_claim_where_lint_reads_it(markup_seed):
    path, text, _, root = markup_seed
    claims = extract_source(text, path=str(path))
    assert [c.text for c in claims] == [c.text for c in extract(SEED.read_text(encoding="utf-8"))]
    marked = root.find("article").find_all(cls="claim")
    assert [(n.attrs["id"], n.classes[1], n.text(is_backref)) for n in marked] == \
        [(f"c{i}", f"k-{c.kind}", c.text) for i, c in enumerate(claims, 1)]
    # The tooltip and the table give the claims' lines and columns in the file as written.
    data = json.loads(root.find("script", id="numcheck-data").text())
    assert [(d["line"], d["column"], d["start"]) for d in data["claims"]] == \
        [(c.line, c.column, c.start) for c in claims]
    rows = root.find("details", id="all-claims").find_all("tr")[1:]
    range_at = {".md": "11:133", ".html": "13:71"}[path.suffix]
    assert [td.text() for td in rows[3].find_all("td")][:3] == [range_at, "range", "between 10,000 and 12,000"]
    assert text[claims[3].start:claims[3].end] == "between 10,000 and 12,000"


def test_markup_seed_has_the_one_finding_where_lint_puts_it(markup_seed):
    path, text, _, root = markup_seed
    position, reference = MARKUP_SEEDS[path.name]
    [finding] = project.lint_file(Source(str(path), text))
    [item] = root.find_all("li", cls="finding")
    assert item.find("span", cls="pos").text() == position == f"line {finding.line}, col {finding.column}"
    assert item.find("span", cls="msg").text() == finding.message
    article = root.find("article")
    flagged = "".join(n.text() for n in article.find_all(cls="hit") if "1" in n.attrs["data-flag"].split())
    related = "".join(n.text() for n in article.find_all(cls="hit") if "1" in n.attrs["data-rel"].split())
    assert (flagged, related) == ("approximately 3,000 North Korean fighters",
                                  "between 10,000 and 12,000 North Korean soldiers")
    assert len(article.find_all("a", cls="backref")) == 2
    assert root.find("header").find(id="reference-date").text() == reference


def test_markup_seed_reports_the_same_from_the_command_line(markup_seed):
    path, text, html, _ = markup_seed
    r = run("report", str(path), "-o", "-")
    assert (r.returncode, r.stderr) == (0, "") and r.stdout == html


def test_a_figure_split_by_markup_is_marked_whole():
    text = ("Between 10,000 and 12,000 North Korean soldiers have been deployed.\n\n"
            "Zelensky confirmed *approximately* **3,000** North Korean fighters&nbsp;in Kursk, "
            "says [the source](https://x.org/5000).\n")
    [finding] = lint_source(text, kind="markdown")
    _, root = page(text, path="draft.md")
    article = root.find("article")
    assert [p.text(is_backref) for p in article.find_all("p")] == \
        ["Between 10,000 and 12,000 North Korean soldiers have been deployed.",
         "Zelensky confirmed approximately 3,000 North Korean fighters\xa0in Kursk, says the source."]
    flagged = "".join(n.text() for n in article.find_all(cls="hit") if "1" in n.attrs["data-flag"].split())
    assert flagged == finding.text == "approximately 3,000 North Korean fighters"
    assert [c.text(is_backref) for c in article.find_all(cls="claim")] == \
        ["Between 10,000 and 12,000", "approximately 3,000"]
    assert root.find("span", cls="pos").text() == "line 3, col 21"


def test_markup_drafts_stay_escaped():
    # Entities decode to "<script>" in the prose; it must show as text, never as an element.
    text = ("<p>&lt;script&gt;alert(1)&lt;/script&gt; Some 3,000 people &amp; "
            "&lt;img src=x onerror=alert(2)&gt; came.</p><script>alert(3)</script>")
    html, root = page(text, path="draft.html")
    article = root.find("article")
    assert article.find_all("script") == article.find_all("img") == []
    assert [p.text(is_backref) for p in article.find_all("p")] == \
        ["<script>alert(1)</script> Some 3,000 people & <img src=x onerror=alert(2)> came."]
    assert "alert(3)" not in html and html.count("<script") == 2


@pytest.mark.parametrize("text, blocks, spans", [
    ("# Title 2024\n\nSome *40* people  \ncame.\n\n```\n50 x\n```\n\n- 3 items\n- 4 more\n",
     ["Title 2024", "Some 40 people\ncame.", "3 items", "4 more"],
     {"Title 2024": "Title 2024", "40": "40", "Some *40* people": "Some 40 people", "*40*": "40",
      "people  \ncame": "people\ncame", "4 more": "4 more", "50 x": ""}),
    ("---\ndate: 2024-10-30\n---\n> quoted 7\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
     ["quoted 7", "a", "b", "1", "2"],
     {"quoted 7": "quoted 7", "date: 2024-10-30": "", "> quoted": "quoted", "1 | 2": "1\n\n2"}),
])
def test_displayable_markdown_paragraphs_and_offsets(text, blocks, spans):
    shown = report.displayable(text, "draft.md")
    assert [shown.text[s:e] for s, e in shown.blocks] == blocks
    # A source span shows as the prose it holds; markup at its edges is left out.
    for source, prose in spans.items():
        at = text.index(source)
        assert shown.text[shown.at(at):max(shown.at(at), shown.at_end(at + len(source)))] == prose, source


def test_configuration_and_front_matter_apply_as_in_lint(tmp_path):
    draft = tmp_path / "kursk.md"
    draft.write_bytes(SEED.with_name("kursk.md").read_bytes())
    (tmp_path / "numcheck.toml").write_text(
        'reference-date = 2020-01-01\n[rules.count-conflict]\nseverity = "error"\n')
    _, root = page(draft.read_text(encoding="utf-8"), path=str(draft))
    assert root.find("span", cls="sev").text() == "error"
    assert root.find(id="severity-counts").find_all("li")[0].text() == "error 1"
    assert root.find(id="reference-date").text() == "2024-10-30"  # front matter before the configuration
    _, root = page(draft.read_text(encoding="utf-8"), path=str(draft), reference_date="2024-11-04")
    assert root.find(id="reference-date").text() == "2024-11-04"  # and the caller's before both
    html_draft = tmp_path / "kursk.html"
    html_draft.write_bytes(SEED.with_name("kursk.html").read_bytes())
    _, root = page(html_draft.read_text(encoding="utf-8"), path=str(html_draft))
    assert root.find(id="reference-date").text() == "2020-01-01"  # no front matter: the configuration's
    quiet = tmp_path / "quiet"  # a folder whose own configuration ignores the rule
    quiet.mkdir()
    (quiet / "numcheck.toml").write_text('ignore = ["count-conflict"]\n')
    _, root = page(draft.read_text(encoding="utf-8"), path=str(quiet / "kursk.md"))
    assert root.find_all("li", cls="finding") == [] and root.find(id="finding-count").text() == "0"


def test_cli_report_bad_configuration_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "draft.md").write_text("Some 3,000 people.")
    (tmp_path / "numcheck.toml").write_text('[rules.count-conflict]\nseverity = "fatal"\n')
    r = run("report", str(tmp_path / "draft.md"), "-o", str(tmp_path / "r.html"))
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == (f"numcheck: {tmp_path / 'numcheck.toml'}: rules.count-conflict.severity: "
                        "expected one of info, warning, error, got 'fatal'\n")
    assert not (tmp_path / "r.html").exists()


def test_no_reference_date_is_said_so():
    _, root = page("On Monday 40 people came.")
    assert root.find(id="reference-date").text() == "none given"


def test_self_contained_and_the_policy_admits_only_the_inline_code(seed):
    _, _, root = seed
    assert not [n for n in root.iter() if "src" in n.attrs]
    assert all(n.attrs["href"].startswith(("#", "data:")) for n in root.iter() if "href" in n.attrs)
    policy = root.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in policy
    [style] = root.find_all("style")
    code = [s for s in root.find_all("script") if "type" not in s.attrs]
    assert len(code) == 1
    for node, directive in ((style, "style-src"), (code[0], "script-src")):
        digest = base64.b64encode(hashlib.sha256(node.text().encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy


def test_no_url_anywhere_in_the_page(seed):
    _, html, _ = seed
    assert re.findall(r"https?://", html) == []


def test_draft_markup_is_escaped_text():
    hostile = ('<script>alert(1)</script> Some 3,000 people <img src=x onerror=alert(2)> came '
               '& said "</p><b>x</b>" \'quoted\'.')
    html, root = page(hostile)
    assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
    article = root.find("article")
    assert article.find_all("script") == article.find_all("img") == article.find_all("b") == []
    assert [p.text(is_backref) for p in article.find_all("p")] == [hostile]
    assert [c.text() for c in article.find_all("span", cls="claim")] == ["1", "Some 3,000", "2"]


def test_every_field_from_the_draft_is_escaped_also_in_data_and_messages():
    evil = "</script><script>alert(1)</script>"
    text = f"About 12 {evil} and 40 more."
    claim = Claim("number", "About 12", 0, 8, value=12, low=10, high=14, hedge="about", subject=evil)
    finding = Finding("count-conflict", "warning", f"{evil} conflicts", 0, 8, 1, 1, "About 12",
                      [Span(43, 50, 1, 44, "40 more")])
    html, root = page(text, [claim], [finding], path=evil)
    assert html.count("<script") == 2  # the data block and the page's own code
    assert json.loads(root.find("script", id="numcheck-data").text())["claims"][0]["subject"] == evil
    assert root.find("span", cls="msg").text() == f"{evil} conflicts"
    assert root.find("title").text() == f"numcheck report — {evil}"
    assert root.find("span", cls="path").text() == evil
    assert root.find("article").find("p").text(is_backref) == text


def test_findings_are_listed_by_position_and_overlapping_spans_keep_the_text_whole():
    text = "Some 10 cats, 20 dogs and 30 cats met 40 dogs."
    claims = extract(text)
    assert [c.text for c in claims] == ["Some 10", "20", "30", "40"]

    def f(rule, start, end, related):
        return Finding(rule, "error", rule, start, end, 1, start + 1, text[start:end],
                       [Span(s, e, 1, s + 1, text[s:e]) for s, e in related])
    later = f("b-rule", 14, 21, [(26, 33)])     # "20 dogs", related "30 cats"
    earlier = f("a-rule", 0, 12, [(5, 16)])     # "Some 10 cats", related "10 cats, 20" (crosses a claim)
    _, root = page(text, claims, [later, earlier])
    assert [li.find("span", cls="rule").text() for li in root.find_all("li", cls="finding")] == ["a-rule", "b-rule"]
    article = root.find("article")
    assert article.find("p").text(is_backref) == text
    for n, finding in ((1, earlier), (2, later)):
        flag = "".join(h.text() for h in article.find_all(cls="hit") if str(n) in h.attrs["data-flag"].split())
        rel = "".join(h.text() for h in article.find_all(cls="hit") if str(n) in h.attrs["data-rel"].split())
        assert (flag, rel) == (finding.text, finding.related[0].text)
    # A claim cut by finding boundaries is still one element with the claim's whole text.
    assert [c.text() for c in article.find_all(cls="claim")] == ["Some 10", "20", "30", "40"]
    # Each span gets its back-link where it ends, never inside a claim.
    assert all(not a.parent.classes or "claim" not in a.parent.classes for a in article.find_all(cls="backref"))
    assert len(article.find_all(cls="backref")) == 4


def test_overlapping_claims_stay_in_the_table():
    text = "It cost 10 km and more."
    outer = Claim("quantity", "10 km", 8, 13, value=10, unit="kilometer")
    inner = Claim("number", "10", 8, 10, value=10)
    _, root = page(text, [outer, inner], [])
    assert [c.attrs["id"] for c in root.find("article").find_all(cls="claim")] == ["c1"]
    assert len(root.find("details", id="all-claims").find_all("tr")) == 3


@pytest.mark.parametrize("text, blocks", [
    ("one\ntwo\n", ["one", "two"]),
    ("one\nstill one\n\n  \ntwo\n", ["one\nstill one", "two"]),
    ("\n\nalone", ["alone"]),
    ("", []),
    ("a\r\nb", ["a", "b"]),
])
def test_paragraphs(text, blocks):
    assert [text[s:e] for s, e in report.paragraphs(text)] == blocks


def test_displayable_maps_plain_text_to_itself():
    shown = report.displayable("Some 3,000 people.", "draft.txt")
    assert shown.text == "Some 3,000 people." and [shown.at(i) for i in (0, 5, 18)] == [0, 5, 18]


def test_write_is_atomic_and_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    report.write(target, "first")
    assert target.read_text() == "first"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())

    def broken(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        report.write(target, "second")
    assert target.read_text() == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_cli_writes_the_report_and_leaves_the_draft_alone(tmp_path):
    draft = tmp_path / "kursk.txt"
    draft.write_bytes(SEED.read_bytes())
    before = (draft.read_bytes(), draft.stat().st_mtime_ns)
    out = tmp_path / "report.html"
    out.write_text("old report")
    r = run("report", str(draft), "-o", str(out), "--reference-date", REFERENCE)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kursk.txt", "report.html"]
    html = out.read_text(encoding="utf-8")
    assert html == report.build(SEED.read_text(encoding="utf-8"), path=str(draft), reference_date=REFERENCE)


def test_cli_report_to_stdout():
    r = run("report", "fixtures/drafts/kursk.txt", "-o", "-")
    assert r.returncode == 0 and r.stdout.startswith("<!DOCTYPE html>") and r.stdout.rstrip().endswith("</html>")


@pytest.mark.parametrize("make, args, message", [
    (None, ["report", "{tmp}/missing.txt", "-o", "{tmp}/r.html"], "missing.txt: no such file or directory"),
    (b"caf\xe9 3,000", ["report", "{tmp}/draft.txt", "-o", "{tmp}/r.html"], "not valid UTF-8"),
    (b"3,000 people", ["report", "{tmp}/draft.txt", "-o", "{tmp}/draft.txt"], "is the draft itself"),
    (b"3,000 people", ["report", "{tmp}/draft.txt", "-o", "{tmp}/nodir/r.html"], "no such directory"),
    (b"3,000 people", ["report", "{tmp}/draft.txt", "-o", "{tmp}/r.html", "--reference-date", "30/10"],
     "bad --reference-date"),
])
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path, make, args, message):
    if make is not None:
        (tmp_path / "draft.txt").write_bytes(make)
    r = run(*[a.format(tmp=tmp_path) for a in args])
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.splitlines()) == 1 and message in r.stderr and r.stderr.startswith("numcheck: ")
    if make is not None:
        assert (tmp_path / "draft.txt").read_bytes() == make
    assert not (tmp_path / "r.html").exists()


def test_cli_report_shows_one_draft(tmp_path):
    (tmp_path / "a.txt").write_text("3,000 people")
    (tmp_path / "b.md").write_text("40 people")
    r = run("report", str(tmp_path), "-o", str(tmp_path / "r.html"))
    assert (r.returncode, r.stderr) == (2, f"numcheck: {tmp_path}: holds 2 drafts; a report shows one\n")
    (tmp_path / "b.md").unlink()
    assert run("report", str(tmp_path), "-o", str(tmp_path / "r.html")).returncode == 0
    assert "3,000" in (tmp_path / "r.html").read_text()


def test_render_marks_every_figure_of_a_dense_paragraph():
    # One paragraph, 20,000 figures and 10,000 findings (a quadratic sweep took minutes
    # here; speed is measured by benchmarks, not asserted in tests).
    text = " ".join(f"{i:05d} x" for i in range(20_000))
    claims = [Claim("number", text[8 * i:8 * i + 5], 8 * i, 8 * i + 5, value=i) for i in range(20_000)]
    findings = [Finding("count-conflict", "warning", "m", 16 * i, 16 * i + 7, 1, 16 * i + 1, "",
                        [Span(16 * i + 8, 16 * i + 13, 1, 1, "")]) for i in range(10_000)]
    html = report.render(text, claims, findings)
    assert html.count(' data-claim="') == 20_000 and html.count('class="backref"') == 20_000


def test_cli_open_hands_the_written_file_to_the_browser(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import webbrowser

    from checker import cli
    opened = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli.app, ["report", str(SEED), "-o", str(out), "--open"])
    assert result.exit_code == 0
    assert opened == [out.resolve().as_uri()] and out.exists()


def test_report_assets_ship_in_regular_installs():
    import fnmatch
    import tomllib
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["checker"]
    assets = [p.relative_to(ROOT / "checker").as_posix() for p in (ROOT / "checker" / "report_assets").iterdir()]
    assert sorted(assets) == ["report_assets/report.css", "report_assets/report.js"]
    assert all(any(fnmatch.fnmatch(a, g) for g in globs) for a in assets)
