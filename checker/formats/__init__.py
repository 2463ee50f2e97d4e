"""Output formats for findings, one module per format, and the claim listings of `extract`.

Every lint format is a ``render(report) -> str`` over the same :class:`Report`; the
text and JSON formats are contracts (README "Output") and stay byte-for-byte stable.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..engine import Rule
from ..model import Finding

Results = list[tuple[str, list[Finding]]]


@dataclass
class Report:
    """What a lint run found: each file's findings in order, the rules that ran (SARIF
    describes them) and each file's text (rdjsonl counts columns in UTF-8 bytes)."""

    files: Results
    rules: list[Rule] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)


def summary(results: Results) -> dict:
    findings = [f for _, fs in results for f in fs]
    return {
        "files": len(results),
        "findings": len(findings),
        "by_severity": dict(Counter(f.severity for f in findings)),
        "by_rule": dict(Counter(f.rule for f in findings)),
    }


def end_of(line: int, column: int, text: str) -> tuple[int, int]:
    """Line and column just past ``text`` when it starts at (line, column): the
    exclusive end that SARIF, GitHub and reviewdog regions take."""
    newlines = text.count("\n")
    if not newlines:
        return line, column + len(text)
    return line + newlines, len(text) - text.rfind("\n")


# The format modules import Report and the helpers above, so they load after them.
from . import claims, github, json, junit, rdjsonl, sarif, text  # noqa: E402,F401

RENDERERS = {"text": text.render, "json": json.render, "sarif": sarif.render,
             "github": github.render, "junit": junit.render, "rdjsonl": rdjsonl.render}


def render(name: str, report: Report) -> str:
    return RENDERERS[name](report)
