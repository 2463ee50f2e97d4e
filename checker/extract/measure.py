"""What a number measures, as found by the per-kind parsers (money, percent, age, quantity)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from .patterns import prefix_tree


@dataclass
class Measure:
    kind: str
    start: int  # the measure's span, which contains the number's
    end: int
    unit: str | None = None
    value: float | None = None  # when the measure changes the number's value ("50p")
    extra: dict[str, Any] = field(default_factory=dict)


def phrase_pattern(phrases) -> str:
    """A pattern matching any phrase, the longest that fits first, spaces flexible,
    written as a prefix tree ("k(?:m(?:/h)?|g)"): a lexicon of hundreds of units is
    tried right after every figure, and a tree tries a few characters there instead of
    every phrase."""
    return prefix_tree(phrases, r"\s*", regex.escape)
