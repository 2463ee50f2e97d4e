"""Hedges around a figure ("nearly 200", "200 or more") and vague magnitudes
("thousands of"), with the intervals they assert, read from rules/hedges.toml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..rules_data import load
from .numbers import TENS, UNITS
from .patterns import TIMEOUT, ends_with, endings, first_after, lowered, scan_candidates, word_candidates

_NUMBER_START = rf"[-−]?\d|(?:a|an|{'|'.join([*UNITS, *TENS])})\b"


@dataclass(frozen=True)
class Hedge:
    phrase: str
    start: int
    end: int
    low: float | None  # factor on the figure; None is unbounded
    high: float | None
    kind: str = ""  # the hedges.toml table: "approximate", "at_least", "inclusive", ...

    def interval(self, low: float, high: float) -> tuple[float | None, float | None]:
        """The interval a hedged figure spanning [low, high] asserts."""
        lo = None if self.low is None else low * self.low
        hi = None if self.high is None else high * self.high
        if lo is not None and hi is not None and lo > hi:  # negative figures
            lo, hi = hi, lo
        return lo, hi

    @property
    def one_sided(self) -> bool:
        return (self.low is None) != (self.high is None)


def _phrase_pattern(phrases) -> str:
    """Word phrases must start a word; symbols ("<", ">=") may touch the word before
    ("x>10"); hedge_before drops one that closes an HTML tag ("<b>500")."""
    def alternation(items):
        return "|".join(sorted((regex.escape(p).replace(r"\ ", r"\s+") for p in items), key=len, reverse=True))
    words = [p for p in phrases if p[:1].isalnum()]
    symbols = [p for p in phrases if not p[:1].isalnum()]
    pattern = rf"(?<![\w-])(?:{alternation(words)})"
    return rf"{pattern}|{alternation(symbols)}" if symbols else pattern


@cache
def _tables():
    data = load("hedges")
    before, after = {}, {}
    for name, entry in data.items():
        if name in ("vague", "change", "preposition"):
            continue
        bounds = (entry.get("low"), entry.get("high"), name)
        for phrase in entry.get("before", []):
            before[phrase.lower()] = bounds
        for phrase in entry.get("after", []):
            after[phrase.lower()] = bounds
    before_re = regex.compile(rf"({_phrase_pattern(before)})\s*$", regex.IGNORECASE)
    # "200 or greater than" ends the figure, "200 or greater than 190" does not.
    after_re = regex.compile(
        rf"\s*({_phrase_pattern(after)})(?![\w])(?!\s*(?:(?:than|to)\s*)?(?:{_NUMBER_START}))", regex.IGNORECASE)
    vague = {k.lower(): tuple(v) for k, v in data["vague"].items() if k != "doc"}
    vague_re = regex.compile(rf"(?<![\w-])(?:{_phrase_pattern(vague)})(?![\w-])", regex.IGNORECASE)
    return before, after, before_re, after_re, vague, vague_re


@cache
def _change_re():
    return regex.compile(rf"(?:{_phrase_pattern(load('hedges')['change']['before'])})\s+$", regex.IGNORECASE)


def change_before(text: str, start: int) -> bool:
    """Whether a verb of change ("rose", "fell by") ends right before ``start``."""
    return _change_re().search(text, max(0, start - 16), start, timeout=TIMEOUT) is not None


# "<b>500": the ">" closes an HTML tag.
_TAG_OPEN = regex.compile(r"<[/A-Za-z!][^<>\n]*$")


def _key(phrase: str) -> str:
    return " ".join(phrase.casefold().split())  # casefold: IGNORECASE matches "ſome" as "some"


@cache
def _before_ends():
    """The last words of the hedges before a figure: no hedge ends where none does."""
    return endings({phrase.split()[-1] for phrase in _tables()[0]})


def hedge_before(text: str, start: int) -> Hedge | None:
    """The hedge ending right before ``start``, if any."""
    before, _, before_re, _, _, _ = _tables()
    window_start = max(0, start - 40)
    if not ends_with(_before_ends(), text, window_start, start):
        return None
    m = before_re.search(text, window_start, start, timeout=TIMEOUT)
    if not m or not m.group(1)[0].isalnum() and _TAG_OPEN.search(text, max(0, m.start() - 80), m.start()):
        return None
    if _key(m.group(1)) == "over" and _over_as_preposition().search(text, max(0, m.start() - 24), m.start()):
        return None  # "jailed over £1.2m fraud", "flew over 300 homes"
    low, high, kind = before[_key(m.group(1))]
    return Hedge(_key(m.group(1)), m.start(1), m.end(1), low, high, kind)


@cache
def _over_as_preposition():
    return regex.compile(rf"\b(?:{'|'.join(load('hedges')['preposition']['over_after'])})\s+$", regex.IGNORECASE)


def hedge_after(text: str, end: int) -> Hedge | None:
    """The hedge starting right after ``end`` ("or more"), if any."""
    _, after, _, after_re, _, _ = _tables()
    limit = min(len(text), end + 30)
    m = first_after(text, end, limit) in _after_first() and after_re.match(text, end, limit, timeout=TIMEOUT)
    if not m:
        return None
    low, high, kind = after[_key(m.group(1))]
    return Hedge(_key(m.group(1)), m.start(1), m.end(1), low, high, kind)


@cache
def _after_first():
    """The first characters of the hedges after a figure, case folded: most figures are
    followed by none."""
    return {phrase[0].casefold() for phrase in _tables()[1]}


@cache
def _vague_start():
    return word_candidates(_tables()[4])


def find_vague(text: str):
    """Vague magnitudes ("thousands of") as (start, end, phrase, low, high)."""
    _, _, _, _, vague, vague_re = _tables()
    for m in scan_candidates(_vague_start(), vague_re, text, lowered(text)):
        low, high = vague[_key(m.group(0))]
        yield m.start(), m.end(), _key(m.group(0)), float(low), float(high)
