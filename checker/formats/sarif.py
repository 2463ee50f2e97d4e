"""`--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it.

The rules that ran are described in tool.driver.rules from their documentation in
rules/*.toml; each finding is a result at the flagged figure, with the figures it
conflicts with as relatedLocations. Columns count code points (run.columnKind), as
numcheck's do everywhere.
"""
from __future__ import annotations

import json
import os
from pathlib import PurePath
from urllib.parse import quote

from .. import __version__
from ..baseline import fingerprint
from ..engine import Rule, load_rules
from ..model import Finding, Span
from . import Report, end_of

SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/numcheck/"


def render(report: Report) -> str:
    rules = _rules(report)
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = [_result(path, f, index) for path, findings in report.files for f in findings]
    return json.dumps({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "numcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": [_descriptor(r) for r in rules]}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }, ensure_ascii=False, indent=2)


def _rules(report: Report) -> list[Rule]:
    """The rules that ran, and any other rule a finding names (so every result has its metadata)."""
    rules = list(report.rules)
    known, catalogue = {r.id for r in rules}, load_rules()
    for _, findings in report.files:
        for f in findings:
            if f.rule not in known and f.rule in catalogue:
                rules.append(catalogue[f.rule])
                known.add(f.rule)
    return rules


def _descriptor(rule: Rule) -> dict:
    what, why = rule.doc["what"].strip(), rule.doc["why"].strip()
    fails, passes = rule.doc["fail"].strip(), rule.doc["pass"].strip()
    return {
        "id": rule.id,
        "name": "".join(word.capitalize() for word in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "help": {
            "text": f"{what}\n\nWhy: {why}\n\nFails: {fails}\nPasses: {passes}",
            "markdown": f"{what}\n\n**Why.** {why}\n\n**Fails:** {fails}\n\n**Passes:** {passes}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["numcheck", rule.severity]},
    }


def _result(path: str, f: Finding, index: dict[str, int]) -> dict:
    result = {"ruleId": f.rule}
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    result.update({
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": _physical(path, Span(f.start, f.end, f.line, f.column, f.text))}],
    })
    if f.related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(path, span), "message": {"text": span.text}}
            for i, span in enumerate(f.related, 1)]
    result["partialFingerprints"] = {"numcheckFigures/v1": fingerprint(f)}
    return result


def _physical(path: str, span: Span) -> dict:
    end_line, end_column = end_of(span.line, span.column, span.text)
    return {
        "artifactLocation": {"uri": artifact_uri(path)},
        "region": {"startLine": span.line, "startColumn": span.column, "endLine": end_line, "endColumn": end_column,
                   "charOffset": span.start, "charLength": span.end - span.start, "snippet": {"text": span.text}},
    }


def artifact_uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it against the repository);
    an absolute one becomes a file: URI. Either is percent-encoded."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(path.replace(os.sep, "/"))
