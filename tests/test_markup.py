"""Markdown and HTML are read as the prose a reader sees, with positions in the file."""
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.lint import extract_source, lint_source
from checker.markup import kind_of, parse

from .conftest import ROOT

DRAFTS = ROOT / "fixtures" / "drafts"
FLAGGED = "approximately 3,000 North Korean fighters"
RELATED = "between 10,000 and 12,000 North Korean soldiers"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize("name, line, related_line", [
    ("kursk.txt", 5, 3), ("kursk.md", 15, 11), ("kursk.html", 17, 13)])
def test_seed_gives_one_finding_in_every_format(name, line, related_line):
    text = (DRAFTS / name).read_text(encoding="utf-8")
    [finding] = lint_source(text, path=name)
    assert (finding.rule, finding.text, [r.text for r in finding.related]) == (
        "count-conflict", FLAGGED, [RELATED])
    # The position is the figure's place in the file as written, markup and all.
    assert text[finding.start:finding.end] == FLAGGED
    assert (finding.line, finding.column) == _line_col(text, finding.start) == (line, _line_col(text, text.index(FLAGGED))[1])
    [related] = finding.related
    assert text[related.start:related.end] == RELATED
    assert (related.line, related.column) == _line_col(text, text.index(RELATED))
    assert related.line == related_line
    # Messages name the file's lines.
    assert f"(line {line})" in finding.message and f"(line {related_line})" in finding.message


@pytest.mark.parametrize("name", ["kursk.txt", "kursk.md", "kursk.html"])
def test_windows_line_endings(name):
    text = (DRAFTS / name).read_text(encoding="utf-8").replace("\n", "\r\n")
    [finding] = lint_source(text, path=name)
    assert text[finding.start:finding.end] == FLAGGED
    assert (finding.line, finding.column) == _line_col(text, finding.start)


def test_markdown_code_and_front_matter_are_not_prose():
    text = (DRAFTS / "kursk.md").read_text(encoding="utf-8")
    unfenced = text.replace("```text\n", "").replace("```\n", "")
    assert [f.text for f in lint_source(unfenced, path="x.md")] == [FLAGGED, "50,000 North Korean soldiers"]
    uncoded = text.replace("`40,000 North Korean soldiers`", "40,000 North Korean soldiers")
    assert [f.text for f in lint_source(uncoded, path="x.md")] == [FLAGGED, "40,000 North Korean soldiers"]
    claims = [c.text for c in extract_source(text, path="kursk.md")]
    assert "50,000" not in claims and "40,000" not in claims and "12,000" not in claims  # nor the link's URL/title


def test_markdown_front_matter_date_is_the_reference_date():
    text = (DRAFTS / "kursk.md").read_text(encoding="utf-8")
    mondays = [c for c in extract_source(text, path="kursk.md") if c.text == "Monday"]
    assert [c.date for c in mondays] == ["2024-10-28", "2024-10-28"]
    assert [c.date for c in extract_source(text, path="kursk.md", reference_date="2024-11-06")
            if c.text == "Monday"] == ["2024-11-04", "2024-11-04"]
    # Without front matter nothing resolves "Monday".
    body = text.split("---\n", 2)[2]
    assert [c.date for c in extract_source(body, path="kursk.md") if c.text == "Monday"] == [None, None]


def test_html_hidden_text_comments_and_preformatted_are_not_prose():
    text = (DRAFTS / "kursk.html").read_text(encoding="utf-8")
    claims = {c.text for c in extract_source(text, path="kursk.html")}
    assert not claims & {"50,000", "20,000", "40,000", "60,000", "70,000"}
    visible = re.sub(r"<!--|-->|<pre><code>|</code></pre>", "", text)
    assert [f.text for f in lint_source(visible, path="x.html")] == [
        "60,000 North Korean soldiers", "70,000 North Korean soldiers", FLAGGED]


def test_html_entities_and_tags_map_back():
    text = "<p>It&rsquo;s <b>about</b>\n   <i>5&nbsp;km</i> away, on 31 April&#160;2014.</p>"
    doc = parse(text, "html")
    assert doc.prose == "It’s about 5\xa0km away, on 31 April\xa02014.\n\n"
    [finding] = lint_source(text, path="a.html", reference_date="2024-01-01")
    assert finding.rule == "invalid-date"
    assert text[finding.start:finding.end] == "31 April&#160;2014"
    assert finding.text == "31 April\xa02014"  # as a reader sees it
    assert (finding.line, finding.column) == (2, text.split("\n")[1].index("31") + 1)


def test_blocks_do_not_run_together():
    doc = parse("<p>one</p><p>two</p><ul><li>three</li></ul>", "html")
    assert doc.prose.split() == ["one", "two", "three"] and doc.prose.count("\n\n") == 3
    source = "# Head\n\npara *one*\nstill one\n\n- item\n"
    md = parse(source, "markdown")
    assert md.prose == "Head\n\npara one still one\n\nitem\n\n"
    assert [source[a:b] for a, b in md.blocks] == ["Head", "para *one*\nstill one", "item"]


def test_urls_are_not_prose():
    for text, kind in [("See https://example.com/3000-jobs and www.x.org/12 now.", "text"),
                       ("See <https://example.com/3000-jobs> and www.x.org/12 now.", "markdown"),
                       ('<p>See <a href="https://e.com/5">https://example.com/3000-jobs</a> now.</p>', "html")]:
        assert [c.text for c in extract_source(text, kind=kind)] == []


@pytest.mark.parametrize("name, kind", [("a.md", "markdown"), ("B.MARKDOWN", "markdown"), ("x.html", "html"),
                                        ("x.htm", "html"), ("notes.txt", "text"), ("-", "text"), (None, "text")])
def test_kind_of(name, kind):
    assert kind_of(name) == kind


# Markup fragments that stress the parsers: unclosed constructs, nesting, odd declarations.
_MARKDOWN_BITS = ["*", "**", "_", "`", "```", "~~~", "[", "]", "(", ")", "![", "<", ">", "<!--", "-->", "\\",
                  "&amp;", "&#", "#", "> ", "- ", "1. ", "|", "---", "\n", "\n\n", "    ", "http://x.y/3", "<b>",
                  "3,000 troops", "between 10 and 12", "on Monday, 7 October 2014", "[a](<b c> \"t\")", "&nbsp;"]
_HTML_BITS = ["<p>", "</p>", "<div", ">", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "<![if x]>",
              "<!DOCTYPE", "<?xml", "&", "&amp", "&#x", "&#99999999;", "</", "<br/>", "<pre>", "'", '"', "=",
              "\n", "3,000 troops", "30 February 2014", "<a href='http://x/5'>", "<td>", "<!", "<![", "]]>"]


def _fragments(bits):
    return st.lists(st.one_of(st.sampled_from(bits), st.text(max_size=6)), max_size=60).map("".join)


def _check(text: str, kind: str) -> None:
    doc = parse(text, kind)
    for offset in range(0, len(doc.prose), max(1, len(doc.prose) // 50)):
        assert 0 <= doc.map.start(offset) <= len(text)
    for finding in lint_source(text, kind=kind, reference_date="2024-10-30"):
        assert 0 <= finding.start <= finding.end <= len(text)
        assert (finding.line, finding.column) == _line_col(text, finding.start)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_fragments(_MARKDOWN_BITS))
def test_pathological_markdown(text):
    _check(text, "markdown")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_fragments(_HTML_BITS))
def test_pathological_html(text):
    _check(text, "html")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_as_any_markup(data):
    text = data.decode("utf-8", errors="replace")
    for kind in ("text", "markdown", "html"):
        _check(text, kind)


_SLOW_INPUTS = {  # each once quadratic or worse somewhere in a parser
    "unclosed links": ("[" * 20000 + "a" + "](" * 20000, "markdown"),
    "unclosed emphasis": ("*a " * 30000, "markdown"),
    "deep quotes": ("> " * 5000 + "3,000 troops", "markdown"),
    "unclosed comments in markdown": ("<!--\n" * 20000, "markdown"),
    "backticks": ("`" * 40000, "markdown"),
    "deep divs": ("<div>" * 20000 + "3,000 troops", "html"),
    "unclosed comments": ("<!--" * 20000, "html"),
    "unclosed tags": ("<a " * 30000, "html"),
    "unclosed end tags": ("</" * 40000, "html"),
    "unclosed processing instructions": ("<?" * 40000, "html"),
    "bare ampersands": ("&amp" * 30000, "html"),
    "long whitespace without a break": ("<p>" + " \t" * 50000 + "</p>", "html"),
    "unclosed attribute": ("<a href='" + "x" * 100000, "html"),
}


@pytest.mark.parametrize("name", list(_SLOW_INPUTS))
def test_deep_or_unclosed_markup_finishes_quickly(name):
    text, kind = _SLOW_INPUTS[name]
    began = time.perf_counter()
    _check(text, kind)
    assert time.perf_counter() - began < 10  # a hang guard, not a benchmark


def test_html_text_after_the_last_tag_is_decoded_and_an_unclosed_tag_hidden():
    from checker import markup

    assert markup.parse("<p>x</p><br>and 50 more &amp; 3", "html").prose.split() == ["x", "and", "50", "more", "&", "3"]
    assert markup.parse("<p>x</p>tail <a href", "html").prose.split() == ["x", "tail"]
