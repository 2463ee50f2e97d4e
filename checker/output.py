"""Output formats for findings and claims."""
from __future__ import annotations

import json
from collections import Counter

from .model import Claim, Finding

JSON_VERSION = 1


def lint_text(results: list[tuple[str, list[Finding]]]) -> str:
    lines = []
    for path, findings in results:
        for f in findings:
            lines.append(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
    return "\n".join(lines)


def summary(results: list[tuple[str, list[Finding]]]) -> dict:
    findings = [f for _, fs in results for f in fs]
    return {
        "files": len(results),
        "findings": len(findings),
        "by_severity": dict(Counter(f.severity for f in findings)),
        "by_rule": dict(Counter(f.rule for f in findings)),
    }


def lint_json(results: list[tuple[str, list[Finding]]]) -> str:
    return json.dumps({
        "version": JSON_VERSION,
        "files": [{"path": path, "findings": [f.to_dict() for f in findings]} for path, findings in results],
        "summary": summary(results),
    }, ensure_ascii=False, indent=2)


def summary_line(results: list[tuple[str, list[Finding]]]) -> str:
    s = summary(results)
    if not s["findings"]:
        return f"{s['files']} file(s) checked, no findings"
    parts = ", ".join(f"{n} {sev}" for sev, n in sorted(s["by_severity"].items()))
    return f"{s['files']} file(s) checked, {s['findings']} finding(s) ({parts})"


def extract_json(results: list[tuple[str, list[Claim]]]) -> str:
    return json.dumps({
        "version": JSON_VERSION,
        "files": [{"path": path, "claims": [c.to_dict() for c in claims]} for path, claims in results],
    }, ensure_ascii=False, indent=2)


def extract_table(results: list[tuple[str, list[Claim]]]) -> str:
    rows = []
    for path, claims in results:
        for c in claims:
            if c.kind == "date":
                meaning = " ".join(x for x in (c.date or "?", c.weekday or "", "" if c.valid is not False else "INVALID") if x)
            else:
                value = "" if c.value is None else f"{_num(c.value)}"
                interval = f"[{_num(c.low)}, {_num(c.high)}]"
                meaning = " ".join(x for x in (value, interval, c.unit or "", f"hedge={c.hedge}" if c.hedge else "",
                                               f"subject={c.subject!r}" if c.subject else "") if x)
            rows.append(f"{path}:{c.line}:{c.column}: {c.kind:<8} {c.text!r} {meaning}")
    return "\n".join(rows)


def _num(x):
    if x is None:
        return "-"
    return f"{int(x)}" if float(x).is_integer() else f"{x:g}"
