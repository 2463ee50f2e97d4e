"""Money: "£3m", "$1.13bn", "331bn euros", "US$ 150 million", "50p"."""
from __future__ import annotations

from functools import cache

import regex

from ..rules_data import load
from .measure import Measure, phrase_pattern
from .numbers import Num
from .patterns import TIMEOUT


@cache
def _patterns():
    data = load("currencies")
    before = data["before"]
    after = {k.lower(): v for k, v in data["after"].items()}
    before_re = regex.compile(rf"(?<![\w$£€¥₹])({phrase_pattern(before)})\s*$", regex.V0)
    before_ci = {k.lower().replace(" ", ""): v for k, v in before.items()}
    after_re = regex.compile(rf"\s*({phrase_pattern(after)})(?![\w])", regex.IGNORECASE)
    return before_re, before_ci, before, after_re, after


def match(text: str, num: Num) -> Measure | None:
    before_re, before_ci, before, after_re, after = _patterns()
    m = before_re.search(text, max(0, num.start - 8), num.start, timeout=TIMEOUT)
    if m:
        symbol = m.group(1)
        code = before.get(symbol) or before_ci.get(symbol.lower().replace(" ", ""))
        if code:
            end = num.end
            # "$5 million dollars" never, but "€10M" keeps any scale the number carried.
            return Measure("money", m.start(1), end, unit=code)
    m = after_re.match(text, num.end, min(len(text), num.end + 24), timeout=TIMEOUT)
    if m:
        code = after[" ".join(m.group(1).lower().split())]
        value = None
        if code.endswith(("-cent", "-penny")):
            code = code.split("-")[0]
            value = num.value / 100
        return Measure("money", num.start, m.end(1), unit=code, value=value)
    return None
