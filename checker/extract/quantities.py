"""Quantities with physical units ("10 km", "38mph", "12,900 acres", "-5C"),
normalized with pint; the unit lexicon is rules/units.toml."""
from __future__ import annotations

from functools import cache

import regex

from ..rules_data import load
from .measure import Measure, phrase_pattern
from .numbers import Num
from .patterns import TIMEOUT


@cache
def _patterns():
    data = load("units")["units"]
    exact = data["exact"]
    anycase = {k.lower(): v for k, v in data["anycase"].items()}
    # "20 (kg)": a bracketed symbol keeps its closing bracket in the span.
    exact_re = regex.compile(rf"\s?(?P<open>[(\[{{])?({phrase_pattern(exact)})(?(open)[)\]}}])(?![\w°/^²])", regex.V0)
    # Plurals are the listed form plus "s"/"es" ("kilometres", "inches").
    any_re = regex.compile(rf"(?:\s*-\s*|\s*)({phrase_pattern(anycase)})(?:e?s)?(?![\w])", regex.IGNORECASE)
    return exact, exact_re, anycase, any_re


@cache
def registry():
    """pint's registry, built on first use: most runs never need it."""
    import pint

    return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


@cache
def canonical(expr: str) -> str:
    """pint's canonical name for a unit expression ("km / h" -> "kilometer / hour")."""
    return str(registry().parse_units(expr))


def match(text: str, num: Num) -> Measure | None:
    exact, exact_re, anycase, any_re = _patterns()
    limit = min(len(text), num.end + 40)
    m = any_re.match(text, num.end, limit, timeout=TIMEOUT)
    if m:
        expr = anycase[" ".join(m.group(1).lower().split())]
        return Measure("quantity", num.start, m.end(), unit=expr)
    m = exact_re.match(text, num.end, limit, timeout=TIMEOUT)
    if m:
        end = m.end()
        symbol = m.group(2)
        if symbol in ("in", "am", "pm", "s", "t", "C", "F", "K", "g", "l", "m") and " " in text[num.end:m.start(2)]:
            # Spaced one-letter and word-like symbols read as prose far more often
            # ("2 in the morning", "at 5 am"): only take them attached, or clearly a measure.
            if symbol not in ("m", "in", "am", "pm", "g", "l") or not _clearly_measure(text, m.end(2)):
                return None
        return Measure("quantity", num.start, end, unit=exact[symbol])
    return None


def _clearly_measure(text: str, end: int) -> bool:
    # "1 m 1 m", "2 in." or "2.1 pm." at a sentence end read as units.
    rest = text[end:end + 3]
    return rest == "" or rest[0] in ".,;)" or regex.match(r"\s+(?:x|\d|tall|long|high|wide|deep)", rest) is not None


def unit_name(measure: Measure) -> str:
    return canonical(measure.unit)
