"""Extraction: text -> claims.  ``extract`` runs the per-kind parsers in this package
and returns every figure with its span, value, interval and subject."""
from __future__ import annotations

import bisect
import datetime as dt
import html
import unicodedata

import regex

from ..model import Claim, LineIndex
from . import ages, dates, figures, money
from .counted import counted_phrase
from .hedges import find_vague
from .numbers import find_numbers
from .patterns import lowered, scan

# Text that is not prose: the figures in a URL ("%28", "?id=305"), an email address or
# a character reference left by a CMS ("communiqu&#233;") are no claims, so these spans
# are blanked before any parser runs: offsets are kept, and no figure or hedge reads
# into or across a blank (see _blank).
_NON_PROSE = regex.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|&#(?:\d+|x[0-9a-f]+);",
    regex.IGNORECASE)


def _without_non_prose(text: str) -> str:
    """The text with its non-prose spans blanked, read window by window (scan): one
    ``sub`` over the whole text is one regex call, whose timeout a long document (10 MB)
    outlasts."""
    parts, last = [], 0
    for m in scan(_NON_PROSE, text):
        parts += [text[last:m.start()], _blank(m)]
        last = m.end()
    return "".join(parts) + text[last:]


def _blank(m) -> str:
    # A reference to punctuation or a space ("&#8220;200 people&#8221;") is blanked with
    # DEL, neither a word character nor a space, so that the figure beside it stays one
    # and nothing reads across it (and, being Latin-1, it keeps a Latin-1 text one byte a
    # character); a letter or a currency sign ("&#163;5m") as a word, so that no figure
    # is read without what it stood for.
    decoded = html.unescape(m.group())[:1] if m.group().startswith("&#") else ""
    if decoded and unicodedata.category(decoded)[0] in "PZ":
        return "\x7f" * len(m.group())
    return "_" * len(m.group())


def extract(text: str, *, reference_date: dt.date | str | None = None) -> list[Claim]:
    """Every numeric claim in ``text``, in order of position."""
    reference = as_date(reference_date)
    if "@" in text or "://" in text or "&#" in text or "www." in lowered(text):
        text = _without_non_prose(text)
    claims = _date_claims(text, reference)
    taken = _Coverage(claims)
    for start, end, low, high, person in ages.decade_ages(text):
        if not taken.overlaps(start, end):
            claim = Claim("age", text[start:end], start, end, low=low, high=high, unit="year",
                          subject=person, quote_start=start, quote_end=end)
            claims.append(claim)
            taken.add(start, end)
    nums = [n for n in find_numbers(text) if not taken.overlaps(n.start, n.end)]
    glued = [n for n in money.glued_figures(text) if not taken.overlaps(n.start, n.end)]
    if glued:
        nums = sorted(nums + glued, key=lambda n: n.start)
    for claim in figures.build(text, nums):
        claims.append(claim)
        taken.add(claim.quote_start, claim.end)
    claims.extend(_vague_claims(text, taken))
    claims.sort(key=lambda c: (c.start, c.end))
    _link_conversions(text, claims)
    lines = LineIndex(text)
    for claim in claims:
        claim.line, claim.column = lines.position(claim.start)
    return claims


def as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


class _Coverage:
    """Spans already claimed, so that a figure is read once."""

    def __init__(self, claims):
        self.spans = sorted((c.start, c.end) for c in claims)

    def add(self, start: int, end: int) -> None:
        # Kept sorted by insertion, not by re-sorting: re-sorting on every add made
        # extraction quadratic in the number of figures.
        bisect.insort(self.spans, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.spans, (end, end))
        return any(s < end and start < e for s, e in self.spans[max(0, i - 3):i])


def _date_claims(text: str, reference: dt.date | None) -> list[Claim]:
    claims = []
    for d in dates.find_dates(text, reference):
        iso, valid, real = dates.iso_of(d, reference)
        weekday = dates.calendar.day_name[d.weekday] if d.weekday is not None else None
        claim = Claim("date", text[d.start:d.end], d.start, d.end, date=iso, weekday=weekday,
                      valid=valid, quote_start=d.start, quote_end=d.end)
        claim.extra.update(d.extra)
        claim.extra["real"] = real
        claim.extra["weekday_span"] = d.weekday_span
        claim.extra["has_year"] = d.year is not None and "read_as" not in d.extra
        claims.append(claim)
    return claims


def _vague_claims(text: str, taken: _Coverage) -> list[Claim]:
    claims = []
    for start, end, phrase, low, high in find_vague(text):
        if taken.overlaps(start, end):
            continue
        claim = Claim("number", text[start:end].rstrip(), start, start + len(text[start:end].rstrip()),
                      low=low, high=high, hedge=phrase, quote_start=start, quote_end=end)
        if phrase.endswith(" of"):
            claim.text = text[start:end - 2].rstrip()
            claim.end = start + len(claim.text)
        subject = counted_phrase(text, end)
        if subject is not None:
            claim.subject = subject[0]
            claim.quote_end = subject[2]
        claims.append(claim)
    return claims


def _link_conversions(text: str, claims: list[Claim]) -> None:
    """"10km (6 miles)", "$2bn (1.53bn euros; £1.05bn)": each bracketed quantity or sum
    in another unit converts the figure before the bracket; "1.2m by 1.8m (4ft by 6ft)"
    converts the pair in order."""
    for i in range(1, len(claims)):
        prev, claim = claims[i - 1], claims[i]
        gap = text[prev.end:claim.quote_start].strip()  # the hedge is inside: "(about 6 miles)"
        if gap == "(":
            source = prev
            if i >= 2 and _by_pair(text, claims[i - 2], prev):
                source = claims[i - 2]
                source.extra["by_next"] = prev  # the bracket's second figure converts it
        elif gap in (";", ","):
            source = prev.extra.get("converts")
        elif gap == "by" and (first := prev.extra.get("converts")) is not None:
            source = first.extra.get("by_next")  # "(4ft by 6ft)": the second of the pair
        else:
            source = None
        if source is not None and claim.kind == source.kind and claim.kind in ("quantity", "money") \
                and claim.unit != source.unit:
            source.extra.setdefault("conversions", []).append(claim)
            claim.extra["converts"] = source


def _by_pair(text: str, first: Claim, second: Claim) -> bool:
    """"1.2m by 1.8m": two measures of one unit that a bracket after them converts in order."""
    return first.kind == "quantity" and first.unit == second.unit and text[first.end:second.quote_start].strip() == "by"
