"""What a number measures, as found by the per-kind parsers (money, percent, age, quantity)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Measure:
    kind: str
    start: int  # the measure's span, which contains the number's
    end: int
    unit: str | None = None
    value: float | None = None  # when the measure changes the number's value ("50p")
    extra: dict[str, Any] = field(default_factory=dict)


def phrase_pattern(phrases) -> str:
    """An alternation matching any phrase, longest first, spaces flexible."""
    import regex

    alts = sorted((regex.escape(p).replace(r"\ ", r"\s*") for p in phrases), key=len, reverse=True)
    return "|".join(alts)
