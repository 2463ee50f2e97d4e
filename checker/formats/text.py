"""`path:line:col: severity rule message`, one finding a line; colour and a summary
line only for a terminal (the caller decides)."""
from __future__ import annotations

import typer

from . import Report, Results, summary

# Colours by severity, as ruff and Vale use them.
COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(report: Report, *, colour: bool = False) -> str:
    lines = []
    for path, findings in report.files:
        for f in findings:
            if colour:
                lines.append(f"{typer.style(path, bold=True)}:{f.line}:{f.column}: "
                             f"{typer.style(f.severity, fg=COLOURS[f.severity], bold=True)} "
                             f"{typer.style(f.rule, dim=True)} {f.message}")
            else:
                lines.append(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
    return "\n".join(lines)


def summary_line(results: Results, *, baselined: int = 0) -> str:
    s = summary(results)
    kept = f", {baselined} in the baseline" if baselined else ""
    if not s["findings"]:
        return f"{s['files']} file(s) checked, no findings{kept}"
    parts = ", ".join(f"{n} {sev}" for sev, n in sorted(s["by_severity"].items()))
    return f"{s['files']} file(s) checked, {s['findings']} finding(s) ({parts}){kept}"
