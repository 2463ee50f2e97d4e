"""`--format rdjsonl`: reviewdog's Diagnostic, one JSON object a line
(`reviewdog -f=rdjsonl`). reviewdog counts columns in UTF-8 bytes, so columns are
recomputed from the file's text; the end is exclusive."""
from __future__ import annotations

import json

from . import Report, end_of

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def render(report: Report) -> str:
    lines = []
    for path, findings in report.files:
        text = report.texts.get(path)
        for f in findings:
            lines.append(json.dumps({
                "message": f.message,
                "location": {"path": path, "range": {"start": _position(text, f.start, f.line, f.column),
                                                     "end": _position(text, f.end, *end_of(f.line, f.column, f.text))}},
                "severity": SEVERITIES[f.severity],
                "source": {"name": "numcheck"},
                "code": {"value": f.rule},
            }, ensure_ascii=False))
    return "\n".join(lines)


def _position(text: str | None, offset: int, line: int, column: int) -> dict:
    """(line, UTF-8 byte column) of a character offset; the code-point column if the text is unknown."""
    if text is not None:
        line_start = text.rfind("\n", 0, offset) + 1
        column = len(text[line_start:offset].encode("utf-8")) + 1
    return {"line": line, "column": column}
