"""Inline suppression, alike in plain text, Markdown and HTML."""
import pytest

from checker.lint import lint_source, select_rules

from .conftest import ROOT

DRAFTS = ROOT / "fixtures" / "drafts"
FLAGGED = "approximately 3,000 North Korean fighters"


def _seed(name: str) -> str:
    return (DRAFTS / name).read_text(encoding="utf-8")


def _before(text: str, marker: str, insert: str) -> str:
    """``insert`` placed just before the block (line) that holds ``marker``."""
    at = text.rfind("\n", 0, text.index(marker)) + 1
    return text[:at] + insert + text[at:]


def _rules(findings):
    return [(f.rule, f.text) for f in findings]


# The paragraph holding the flagged figure, as each format begins it.
PARAGRAPH_5 = "Ukrainian President"


@pytest.mark.parametrize("name, directive", [
    ("kursk.txt", "<!-- numcheck: ignore count-conflict -->\n"),
    ("kursk.txt", "numcheck: ignore\n"),
    ("kursk.md", "<!-- numcheck: ignore count-conflict -->\n"),
    ("kursk.md", "<!-- numcheck: ignore -->\n\n"),
    ("kursk.html", "<!-- numcheck: ignore count-conflict -->\n"),
])
def test_ignore_silences_the_next_paragraph(name, directive):
    text = _before(_seed(name), PARAGRAPH_5, directive)
    assert lint_source(text, path=name) == []


@pytest.mark.parametrize("name", ["kursk.txt", "kursk.md", "kursk.html"])
def test_ignore_line(name):
    text = _seed(name)
    end = text.index(FLAGGED) + len(FLAGGED)
    marked = text[:end] + " <!-- numcheck: ignore-line count-conflict -->" + text[end:]
    assert lint_source(marked, path=name) == []
    # The line before is not the line of the finding.
    line_before = _before(text, PARAGRAPH_5, "<!-- numcheck: ignore-line -->\n")
    assert _rules(lint_source(line_before, path=name)) == [
        ("unused-suppression", "<!-- numcheck: ignore-line -->"), ("count-conflict", FLAGGED)]


@pytest.mark.parametrize("name, separator", [("kursk.md", "\n\n"), ("kursk.html", "\n"), ("kursk.txt", "\n")])
def test_off_on_region(name, separator):
    text = _seed(name)
    region = _before(text, PARAGRAPH_5, f"<!-- numcheck: off -->{separator}")
    assert lint_source(region, path=name) == []
    closed = _before(region, PARAGRAPH_5, f"<!-- numcheck: on -->{separator}")
    assert _rules(lint_source(closed, path=name)) == [
        ("unused-suppression", "<!-- numcheck: off -->"), ("count-conflict", FLAGGED)]


def test_ignore_names_the_rules_it_silences():
    text = _before(_seed("kursk.md"), PARAGRAPH_5, "<!-- numcheck: ignore invalid-date, age-conflict -->\n\n")
    findings = lint_source(text, path="kursk.md")
    assert _rules(findings) == [("unused-suppression", "<!-- numcheck: ignore invalid-date, age-conflict -->"),
                                ("count-conflict", FLAGGED)]
    assert findings[0].severity == "info"
    assert findings[0].message == ("numcheck: ignore suppresses nothing: no finding of invalid-date or "
                                   "age-conflict in the next paragraph")


def test_unknown_rule_is_reported():
    text = "It happened on Feb 30, 2014. <!-- numcheck: ignore-line invalid-dates -->"
    [kept, wrong] = lint_source(text, reference_date="2024-01-01")
    assert (kept.rule, wrong.rule) == ("invalid-date", "unused-suppression")
    assert wrong.message == "numcheck: ignore-line names no known rule: invalid-dates (see 'numcheck rules')"
    assert text[wrong.start:wrong.end] == "<!-- numcheck: ignore-line invalid-dates -->"
    assert (wrong.line, wrong.column) == (1, 30)


def test_markup_reads_directives_only_in_comments():
    # Shown in a code block or in running text, a directive is documentation, not a directive.
    shown = "```\n<!-- numcheck: off -->\n```\n\nWrite `numcheck: ignore-line` to silence a line.\n\n"
    text = shown + _seed("kursk.md").split("---\n", 2)[2]
    assert _rules(lint_source(text, path="x.md")) == [("count-conflict", FLAGGED)]
    html = "<pre>numcheck: off</pre><p>numcheck: ignore-line It happened on Feb 30, 2014.</p>"
    assert _rules(lint_source(html, path="x.html", reference_date="2024-01-01")) == [("invalid-date", "Feb 30, 2014")]


def test_unused_is_judged_against_every_rule():
    text = "It happened on Feb 30, 2014. <!-- numcheck: ignore-line invalid-date -->"
    # invalid-date is not selected, but the directive still silences something it would find.
    assert lint_source(text, rules=select_rules(["count-conflict", "unused-suppression"])) == []
    assert lint_source(text, rules=select_rules(["invalid-date"])) == []
    clean = "It happened on Feb 28, 2014. <!-- numcheck: ignore-line invalid-date -->"
    assert _rules(lint_source(clean, rules=select_rules(["count-conflict", "unused-suppression"]))) == [
        ("unused-suppression", "<!-- numcheck: ignore-line invalid-date -->")]
    assert lint_source(clean, rules=select_rules(ignore=["unused-suppression"])) == []


def test_a_silenced_finding_is_gone_but_its_related_figure_may_be_anywhere():
    # Only the flagged figure's place matters: silencing the related figure's paragraph does nothing.
    text = _before(_seed("kursk.md"), "According to", "<!-- numcheck: ignore count-conflict -->\n\n")
    assert _rules(lint_source(text, path="kursk.md")) == [
        ("unused-suppression", "<!-- numcheck: ignore count-conflict -->"), ("count-conflict", FLAGGED)]


def test_a_comment_is_a_directive_only_when_it_holds_nothing_else():
    # Words after the directive are rule names: a misspelt or prose one is reported.
    text = "It happened on Feb 30, 2014. <!-- numcheck: ignore-line invalid-date as the source says -->"
    [unused] = lint_source(text, path="a.md", reference_date="2024-01-01")
    assert unused.message == "numcheck: ignore-line names no known rule: as, the, source, says (see 'numcheck rules')"
    # Anything else in the comment (here a full stop) and it is a plain comment.
    text = "It happened on Feb 30, 2014. <!-- numcheck: ignore-line invalid-date. -->"
    assert [f.rule for f in lint_source(text, path="a.md", reference_date="2024-01-01")] == ["invalid-date"]
