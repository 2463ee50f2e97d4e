"""The data that flows through numcheck: claims found in text and findings about them."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


# The keys of Claim.to_dict(), in order: the extraction contract others score against.
CLAIM_KEYS = (
    "kind", "text", "start", "end", "line", "column", "value", "low", "high",
    "hedge", "unit", "subject", "date", "weekday", "valid",
)


@dataclass
class Claim:
    """One figure in the text, with the interval it asserts.

    ``start``/``end`` are Python str offsets (end exclusive); ``low``/``high`` are the
    interval after hedges (``None`` means unbounded on that side).
    """

    kind: str  # number | range | age | date | percent | money | quantity
    text: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    hedge: str | None = None
    unit: str | None = None
    subject: str | None = None
    date: str | None = None
    weekday: str | None = None
    valid: bool | None = None
    line: int = 0
    column: int = 0
    # Not serialized: where the quoted figure begins and ends (hedge and subject
    # included) and hints parsers leave for subject resolution and the rules.
    quote_start: int = -1
    quote_end: int = -1
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {key: _plain(getattr(self, key)) for key in CLAIM_KEYS}


def _plain(value: Any) -> Any:
    # Integral floats print as ints so that "3000" never reads as "3000.0" in JSON.
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


@dataclass
class Span:
    """A place in the text a finding points at."""

    start: int
    end: int
    line: int
    column: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "line": self.line,
                "column": self.column, "text": self.text}


@dataclass
class Finding:
    rule: str
    severity: str  # error | warning | info
    message: str
    start: int
    end: int
    line: int
    column: int
    text: str
    related: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "severity": self.severity, "message": self.message,
            "line": self.line, "column": self.column, "start": self.start,
            "end": self.end, "text": self.text,
            "related": [span.to_dict() for span in self.related],
        }


class LineIndex:
    """Maps str offsets to 1-based (line, column) pairs."""

    def __init__(self, text: str):
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
