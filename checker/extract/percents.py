"""Percentages: "25%", "76 per cent", "twenty percent", "3 percentage points"."""
from __future__ import annotations

import regex

from .measure import Measure
from .numbers import Num
from .patterns import TIMEOUT

_AFTER = regex.compile(
    r"\s*(?:(%)|(per\s*cent(?:s)?|percent(?:s)?|pc)(?![\w])|(percentage\s+points?)(?![\w]))",
    regex.IGNORECASE,
)


def match(text: str, num: Num) -> Measure | None:
    m = _AFTER.match(text, num.end, min(len(text), num.end + 24), timeout=TIMEOUT)
    if not m:
        return None
    unit = "percentage_point" if m.group(3) else "percent"
    return Measure("percent", num.start, m.end(), unit=unit)
