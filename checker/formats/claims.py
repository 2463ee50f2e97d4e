"""What `numcheck extract` prints: the claims as JSON (a contract) or as a table."""
from __future__ import annotations

import json

from ..model import Claim
from .json import VERSION


def extract_json(results: list[tuple[str, list[Claim]]]) -> str:
    return json.dumps({
        "version": VERSION,
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
