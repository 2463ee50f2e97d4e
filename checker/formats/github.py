"""`--format github`: GitHub Actions workflow commands, which annotate the lines in a
pull request's diff: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`."""
from __future__ import annotations

from . import Report, end_of

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(report: Report) -> str:
    lines = []
    for path, findings in report.files:
        for f in findings:
            end_line, end_column = end_of(f.line, f.column, f.text)
            props = {"file": path, "line": f.line, "col": f.column, "endLine": end_line,
                     "endColumn": end_column, "title": f.rule}
            joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
            lines.append(f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.message)}")
    return "\n".join(lines)


def escape_data(value: str) -> str:
    """The runner's escaping for a command's message (actions/toolkit's escapeData)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Property values also escape the separators ':' and ',' (actions/toolkit's escapeProperty)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
