"""Inline suppression: directives in a draft that silence findings.

    numcheck: ignore-line [RULE ...]   findings on this line
    numcheck: ignore [RULE ...]        findings in the next paragraph
    numcheck: off [RULE ...]           findings from here to "numcheck: on" (or the end)
    numcheck: on

With no RULE a directive silences every rule.  In Markdown and HTML a directive
is read only inside a comment (``<!-- numcheck: ignore count-conflict -->``), so
code blocks that show the syntax are left alone; in plain text it may stand
anywhere, with or without the comment marks.  A directive that silences nothing,
or names no known rule, is itself reported as ``unused-suppression``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markup import Document
from .model import Finding

RULE_ID = "unused-suppression"

# Rule ids are words joined by single hyphens, so "count-conflict-->" stops before "-->".
_BODY = r"numcheck:[ \t]*(?P<kind>ignore-line|ignore|off|on)\b(?P<rules>(?:[ \t,]+[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*)"
_IN_TEXT = re.compile(r"(?:<!--[ \t]*)?" + _BODY + r"(?:[ \t]*-->)?")
_IN_COMMENT = re.compile(r"\s*" + _BODY)


@dataclass
class Directive:
    kind: str  # ignore-line | ignore | off
    rules: tuple[str, ...]  # empty: every rule
    start: int  # the directive (its whole comment in markup), in the original text
    end: int
    scope: tuple[int, int] = (0, 0)  # original offsets whose findings it silences
    used: bool = False
    unknown: tuple[str, ...] = field(default=())

    def covers(self, finding: Finding) -> bool:
        return (not self.rules or finding.rule in self.rules) and self.scope[0] <= finding.start < self.scope[1]


def directives(doc: Document, known_rules) -> list[Directive]:
    """Every suppression in ``doc``, with the span of text it silences."""
    found: list[tuple[str, tuple[str, ...], int, int]] = []
    if doc.comments is None:
        # A substring test first: scanning every draft with the pattern was ~5% of lint.
        if "numcheck:" in doc.original:
            for m in _IN_TEXT.finditer(doc.original):
                found.append((m["kind"], _names(m["rules"]), m.start(), m.end()))
    else:
        for start, end, body in doc.comments:
            m = _IN_COMMENT.match(body)
            if m and not body[m.end():].strip():  # nothing else in the comment
                found.append((m["kind"], _names(m["rules"]), start, end))
    result: list[Directive] = []
    open_offs: list[Directive] = []
    text = doc.original
    for kind, rules, start, end in found:
        if kind == "on":
            for d in open_offs:
                d.scope = (d.scope[0], start)
            open_offs = []
            continue
        d = Directive(kind, rules, start, end, unknown=tuple(r for r in rules if r not in known_rules))
        if kind == "ignore-line":
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            d.scope = (line_start, len(text) if line_end < 0 else line_end)
        elif kind == "ignore":
            d.scope = (end, _next_paragraph_end(doc, end))
        else:
            d.scope = (end, len(text))
            open_offs.append(d)
        result.append(d)
    return result


def _names(rules: str) -> tuple[str, ...]:
    return tuple(r for r in re.split(r"[ \t,]+", rules) if r)


def _next_paragraph_end(doc: Document, pos: int) -> int:
    """The end of the first paragraph with text after ``pos`` (``pos`` if none)."""
    for start, end in doc.blocks:
        if end > pos and doc.original[max(start, pos):end].strip():
            return end
    return pos


def apply(findings: list[Finding], found: list[Directive]) -> list[Finding]:
    """The findings no directive silences; marks the directives that silenced one."""
    kept = []
    for finding in findings:
        silencing = [d for d in found if d.covers(finding)]
        for d in silencing:
            d.used = True
        if not silencing:
            kept.append(finding)
    return kept


_WHERE = {"ignore-line": "on its line", "ignore": "in the next paragraph", "off": "in its region"}


def unused(found: list[Directive], rule, doc: Document) -> list[Finding]:
    """An ``unused-suppression`` finding for each directive that silenced nothing or names no rule."""
    findings = []
    for d in found:
        if d.unknown:
            message = f"numcheck: {d.kind} names no known rule: {', '.join(d.unknown)} (see 'numcheck rules')"
        elif not d.used:
            what = " or ".join(d.rules) if d.rules else "any rule"
            message = f"numcheck: {d.kind} suppresses nothing: no finding of {what} {_WHERE[d.kind]}"
        else:
            continue
        line, column = doc.map.lines.position(d.start)
        findings.append(Finding(rule.id, rule.severity, message, d.start, d.end, line, column,
                                doc.original[d.start:d.end]))
    return findings
