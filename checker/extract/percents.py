"""Percentages: "25%", "76 per cent", "twenty percent", "a 10-percent rise", wire copy's
"5 pct", "3 percentage points", "a 0.25 percentage-point cut", and the inverted "per
cent of 210"."""
from __future__ import annotations

import regex

from .measure import Measure
from .numbers import SCALES, TENS, UNITS, Num
from .patterns import TIMEOUT, before_space, first_after

_AFTER = regex.compile(
    r"\s*(?:(%)|-?(per(?:\s*|-)cent(?:s)?|percent(?:s)?|pct?)(?![\w])|(percentage(?:\s+|\s*-\s*)points?)(?![\w])"
    r"|(percentage)(?![\w]))",
    regex.IGNORECASE,
)
# "per cent of 210": the figure after the word, when no figure comes before it.
_BEFORE = regex.compile(r"(?<![\w%])(?:per\s*cents?|percents?)\s+of\s+$", regex.IGNORECASE)
_LAST_WORD = regex.compile(r"(\w+)\W*$")
_NUMBER_WORDS = frozenset([*UNITS, *TENS, *SCALES])


def match(text: str, num: Num) -> Measure | None:
    limit = min(len(text), num.end + 24)
    # Each pattern runs only where its first (or last) letters are: most figures have neither.
    m = first_after(text, num.end, limit, "-") in ("%", "p") and \
        _AFTER.match(text, num.end, limit, timeout=TIMEOUT)
    if m:
        unit = "percentage_point" if m.group(3) else "percent"
        return Measure("percent", num.start, m.end(), unit=unit)
    window = max(0, num.start - 24)
    m = before_space(text, window, num.start)[-2:].lower() == "of" and \
        _BEFORE.search(text, window, num.start, timeout=TIMEOUT)
    if m and not _figure_before(text, m.start()):
        return Measure("percent", m.start(), num.end, unit="percent")
    return None


def _figure_before(text: str, start: int) -> bool:
    """Whether a figure ends right before ``start`` ("5 per cent of 210")."""
    before = text[max(0, start - 24):start].rstrip()
    if not before:
        return False
    if before[-1].isdigit():
        return True
    word = _LAST_WORD.search(before)
    return bool(word and word.group(1).lower() in _NUMBER_WORDS)
