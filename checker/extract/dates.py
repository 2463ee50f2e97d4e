"""Dates: "25 October 2024", "October 25, 2024", "Oct. 25", "25/10/2024", "2024-10-25",
weekdays attached to them ("Monday, 25 October"), bare weekdays and relative days
("on Monday", "last week", "yesterday") resolved against a reference date."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

import regex

from .patterns import TIMEOUT

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"mo": 0, "tu": 1, "tue": 1, "tues": 1, "we": 2, "th": 3, "thu": 3, "thur": 3,
                 "thurs": 3, "fr": 4, "sa": 5, "su": 6, "weds": 2})


def _alt(names) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


def _names(table, full) -> str:
    """Full names, or abbreviations with their optional dot ("Oct." but not "October.")."""
    abbreviations = [n for n in table if n not in full]
    return rf"(?:{_alt(full)}|(?:{_alt(abbreviations)})\.?)"


_FULL_MONTHS = [m.lower() for m in calendar.month_name if m]
_FULL_DAYS = [d.lower() for d in calendar.day_name]
_MONTH = rf"(?P<month>{_names(MONTHS, _FULL_MONTHS)})"
_WEEKDAY = rf"(?P<weekday>{_names(WEEKDAYS, _FULL_DAYS)})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"

DATE_RE = regex.compile(
    rf"(?<![\w])(?:"
    # Monday, 25 October 2024 / 7th of October
    rf"{_WD_PREFIX}{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?"
    # Monday, October 25, 2024 / Oct. 25 / January 10 – 1, 2016
    rf"|{_WD_PREFIX}{_MONTH},?\s+{_DAY}(?:\s*[–—-]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?(?:,?\s+{_YEAR})?"
    # 2024-10-25
    rf"|{_WD_PREFIX}(?P<iy>\d{{4}})-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)"
    # 25/10/2024, 10/27/2040, 31/10 (needs a weekday without a year)
    rf"|{_WD_PREFIX}(?P<n1>[0-3]?\d)/(?P<n2>[0-3]?\d)(?:/(?P<ny>\d{{4}}|\d{{2}}))?"
    # October 2024
    rf"|{_MONTH}\s+(?P<myear>\d{{4}})"
    rf")(?![\w/])",
    regex.IGNORECASE | regex.V0,
)
RELATIVE_RE = regex.compile(
    rf"(?<![\w])(?:(?P<rel>yesterday|today|tomorrow)"
    rf"|(?P<when>last|next|this)\s+(?P<period>week|month|year|{_alt(WEEKDAYS)})"
    rf"|(?P<on>on|last|next|this|since|by|until|from)\s+(?P<bare>{_alt(n for n in WEEKDAYS if len(n) > 3)})"
    # "in 2010", "since 1998": a year on its own
    rf"|(?P<yprep>in|since|by|until|from|during|before|after|between|of|to|and)\s+(?P<year>1[89]\d\d|20\d\d)(?![\w]|[,.]\d|\s*(?:%|per\s*cent)))"
    rf"(?![\w])",
    regex.IGNORECASE | regex.V0,
)


@dataclass
class DateMatch:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    weekday_span: tuple[int, int] | None = None
    iso: str | None = None  # when resolved from a relative expression
    extra: dict = field(default_factory=dict)


def _weekday_of(m) -> tuple[int | None, tuple[int, int] | None]:
    if m.group("weekday"):
        return WEEKDAYS[m.group("weekday").lower().rstrip(".")], m.span("weekday")
    return None, None


def find_dates(text: str, reference: dt.date | None) -> list[DateMatch]:
    found = []
    for m in DATE_RE.finditer(text, timeout=TIMEOUT):
        weekday, wspan = _weekday_of(m)
        extra = {}
        if m.group("myear"):
            # "May 2005" is rarely a date in the month sense of "may"; need a capital.
            if m.group("month")[0].islower():
                continue
            found.append(DateMatch(m.start(), m.end(), int(m.group("myear")), MONTHS[m.group("month").lower().rstrip(".")], None, None))
            continue
        if m.group("iy"):
            year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        elif m.group("n1"):
            a, b = int(m.group("n1")), int(m.group("n2"))
            ny = m.group("ny")
            if ny is None and weekday is None:
                continue  # "3/4" alone is a fraction far more often than a date
            year = (int(ny) + (2000 if int(ny) < 50 else 1900) if len(ny) == 2 else int(ny)) if ny else None
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                month, day = a, b
            else:
                # Both readings possible: take day/month, but say it is ambiguous.
                day, month = a, b
                extra["ambiguous"] = a != b
        else:
            month_word = m.group("month")
            if month_word[0].islower() and month_word.lower() in ("may", "march", "mar"):
                continue  # the verb "may", the verb "march"
            month = MONTHS[month_word.lower().rstrip(".")]
            day = int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else None
            if m.group("day2"):
                extra["day_end"] = int(m.group("day2"))
        found.append(DateMatch(m.start(), m.end(), year, month, day, weekday, wspan, extra=extra))
    taken = [(d.start, d.end) for d in found]
    for m in RELATIVE_RE.finditer(text, timeout=TIMEOUT):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found.append(_relative(m, reference))
    found.sort(key=lambda d: d.start)
    return found


def _relative(m, reference: dt.date | None) -> DateMatch:
    start, end = m.span()
    weekday = None
    iso = None
    if m.group("year"):
        year = int(m.group("year"))
        return DateMatch(m.start("year"), end, year, None, None, None)
    if m.group("rel"):
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("rel").lower()]
        if reference:
            iso = (reference + dt.timedelta(days=offset)).isoformat()
    elif m.group("period"):
        when, period = m.group("when").lower(), m.group("period").lower()
        step = {"last": -1, "next": 1, "this": 0}[when]
        if period in WEEKDAYS:
            weekday = WEEKDAYS[period]
            if reference:
                iso = _weekday_near(reference, weekday, step).isoformat()
        elif reference:
            iso = _period(reference, period, step)
    else:
        start = m.start("bare")
        weekday = WEEKDAYS[m.group("bare").lower()]
        if reference:
            # News copy speaks of the most recent such day ("on Monday").
            iso = _weekday_near(reference, weekday, -1 if m.group("on").lower() != "next" else 1, include_today=True).isoformat()
    return DateMatch(start, end, None, None, None, weekday, None, iso=iso)


def _weekday_near(reference: dt.date, weekday: int, step: int, include_today: bool = False) -> dt.date:
    if step == 0:
        return reference + dt.timedelta(days=weekday - reference.weekday())
    delta = (weekday - reference.weekday()) % 7 if step > 0 else -((reference.weekday() - weekday) % 7)
    if delta == 0 and not include_today:
        delta = 7 * step
    return reference + dt.timedelta(days=delta)


def _period(reference: dt.date, period: str, step: int) -> str:
    if period == "week":
        year, week, _ = (reference + dt.timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        month = reference.month - 1 + step
        return f"{reference.year + month // 12}-{month % 12 + 1:02d}"
    return str(reference.year + step)


def iso_of(d: DateMatch, reference: dt.date | None) -> tuple[str | None, bool, dt.date | None]:
    """(ISO string, valid, the real date when it exists) of a calendar date."""
    if d.iso is not None:
        return d.iso, True, dt.date.fromisoformat(d.iso) if len(d.iso) == 10 else None
    if d.month is None:
        return (f"{d.year:04d}" if d.year is not None else None), True, None
    if d.day is None:
        return f"{d.year:04d}-{d.month:02d}", True, None
    year = d.year if d.year is not None else (reference.year if reference else None)
    if not 1 <= d.month <= 12:
        return None, False, None
    leap_year = year if year is not None else 2000  # 29 February is valid in some year
    valid = 1 <= d.day <= calendar.monthrange(leap_year, d.month)[1]
    if "day_end" in d.extra and d.extra["day_end"] < d.day:
        valid = False
    if year is None:
        return f"--{d.month:02d}-{d.day:02d}", valid, None
    iso = f"{year:04d}-{d.month:02d}-{d.day:02d}"
    return iso, valid, dt.date(year, d.month, d.day) if valid else None
