"""`--format json`: the README's contract, version 1."""
from __future__ import annotations

import json

from . import Report, summary

VERSION = 1


def render(report: Report) -> str:
    return json.dumps({
        "version": VERSION,
        "files": [{"path": path, "findings": [f.to_dict() for f in findings]} for path, findings in report.files],
        "summary": summary(report.files),
    }, ensure_ascii=False, indent=2)
