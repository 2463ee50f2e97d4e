"""Dates: "25 October 2024", "October 25, 2024", "Oct. 25", "25/10/2024", "2024-10-25",
weekdays attached to them ("Monday, 25 October", "Thursday the 21st"), bare weekdays,
relative days ("on Monday", "last week", "yesterday", "two days later", "the 20th of next
month") resolved against a reference date.

Speed: a cheap anchor pattern (digits, month and weekday names, ordinal words, relative
words) marks short windows of the text; the date patterns run only inside them.  Each
pattern proposes candidates; the longest non-overlapping ones win, as in
Recognizers-Text's merge of its date extractors.

Conservatism: a date's span is taken before numbers are read, so forms that look like
ordinary figures ("on 15", "4.22", "4-22", "the 27th") need a date-like context: a
weekday, a preposition before them and nothing but punctuation after."""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

import regex

from .numbers import TENS, UNITS
from .patterns import LazyPattern, lowered, prefix_tree, scan

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"mo": 0, "tu": 1, "tue": 1, "tues": 1, "we": 2, "th": 3, "thu": 3, "thur": 3,
                 "thurs": 3, "fr": 4, "sa": 5, "su": 6, "weds": 2})


def _ordinal(word: str) -> str:
    irregular = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                 "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
    return irregular.get(word) or (word[:-1] + "ieth" if word.endswith("y") else word + "th")


# Day-of-month words: "first" .. "nineteenth", "twentieth", "thirtieth" (compounds such
# as "twenty second" are a tens word before one of these), and the cardinals likewise.
ORDINAL_WORDS = {_ordinal(w): v for w, v in UNITS.items() if 1 <= v <= 19}
ORDINAL_WORDS.update({_ordinal(w): v for w, v in TENS.items() if v <= 30})
CARDINAL_WORDS = {w: v for w, v in UNITS.items() if 1 <= v <= 19}
CARDINAL_WORDS.update({w: v for w, v in TENS.items() if v <= 30})
NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
       "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
PERIOD_DAYS = {"day": 1, "week": 7, "fortnight": 14}


def _alt(names) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


def _names(table, full) -> str:
    """Full names, or abbreviations with their optional dot ("Oct." but not "October.")."""
    abbreviations = [n for n in table if n not in full]
    return rf"(?:{_alt(full)}|(?:{_alt(abbreviations)})\.?)"


_FULL_MONTHS = [m.lower() for m in calendar.month_name if m]
_FULL_DAYS = [d.lower() for d in calendar.day_name]
_MONTH_NAME = _names(MONTHS, _FULL_MONTHS)
_WEEKDAY_NAME = _names(WEEKDAYS, _FULL_DAYS)
_TENS_DAY = r"(?:twenty|thirty)(?:-|\s)"
_ORD_WORD = rf"(?:{_TENS_DAY})?(?:{_alt(ORDINAL_WORDS)})"
_CARD_WORD = rf"(?:{_TENS_DAY})?(?:{_alt(CARDINAL_WORDS)})"
_DAY_DIGITS = r"[0-3]?\d(?:st|nd|rd|th)?"
# "told The Sun, 5 May": after "the" an abbreviation is a name, not a weekday; and
# "Sheffield Wednesday, 15th" is a football club in 15th place.
_NOT_A_DAY = r"(?<!\bsheffield\s)"  # the patterns run on lower-cased text
_WD = rf"{_NOT_A_DAY}(?P<weekday>{_alt(_FULL_DAYS)}|(?<!\bthe\s){_WEEKDAY_NAME})(?:\s*[,–-]\s*|\s+)"
_UNITS_9 = _alt(w for w, v in UNITS.items() if 1 <= v <= 9)
_NUM_99 = rf"(?:(?:{_alt(TENS)})(?:[\s-]+(?:{_UNITS_9}))?|{_alt(w for w, v in UNITS.items() if v >= 1)})"
# Years in words: "nineteen seventy-eight", "nineteen oh five", "nineteen hundred and one",
# "one thousand nine hundred and seventy eight", "two thousand and eighteen".  Only a
# teens pair ("nineteen seventy") cannot be a count; the rest ("5 May, two thousand
# people", "twenty five") must end the clause.
_TEENS = _alt(w for w, v in UNITS.items() if v >= 11)
_YEAR_PAIR = rf"(?:{_TEENS})[\s-]+(?:oh\s+(?:{_UNITS_9})|(?:{_alt(TENS)})(?:[\s-]+(?:{_UNITS_9}))?|{_TEENS}|ten)"
_YEAR_WORDS = (
    rf"(?:(?:one|two)\s+thousand(?:\s+(?:and\s+)?(?:{_UNITS_9})\s+hundred)?(?:\s+(?:and\s+)?{_NUM_99})?"
    rf"|(?:{_TEENS}|twenty)(?:\s+hundred(?:\s+(?:and\s+)?{_NUM_99})?|[\s-]+(?:oh\s+(?:{_UNITS_9})|{_NUM_99})))"
)
# "Tuesday, 1 March 1945 GMT": a 24-hour time, not a year.
_YEAR = (rf"(?:,?\s*(?:of\s+)?(?:(?P<year>\d{{4}})(?!\d|\s*(?:gmt|bst|utc|hrs|hours|local)\b)"
         rf"|(?P<yearw>{_YEAR_PAIR}(?![\w])|{_YEAR_WORDS}(?=\s*(?:[.,;:!?)\]]|$)))))")
_COUNT = rf"(?:\d{{1,3}}|an?|(?:{_alt(TENS)})(?:[-\s](?:{_UNITS_9}))?|{_alt(UNITS)})"
_PERIOD = r"(?:days?|weeks?|fortnights?|months?|years?)"
_REL_DAY = r"(?:yesterday|today|tomorrow)"
_END = r"(?![.,:/-]?\d)(?=\s*(?:[.,;:!?)\]]|$))"  # nothing but punctuation follows
_PREPS = r"(?:on|for|by|until|till|from|since|before|after)"


def _rx(pattern: str):
    # A date does not run across a blank line ("Tuesday, 1 March\n\n1945 ..."): its spaces
    # hold at most one line break.  Run on lower-cased text (see find_dates): no
    # IGNORECASE, which is several times slower.  Compiled when first needed: together
    # they take ~40 ms to compile, and most drafts need only some.
    pattern = pattern.replace(r"\s+", r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)")
    pattern = pattern.replace(r"\s*", r"[^\S\n]*(?:\n[^\S\n]*)?")
    return LazyPattern(rf"(?<![\w]){pattern}", regex.V0)


PATTERNS = {
    # Monday, 25 October 2024 / 7th of October / 28-nov / second of Aug / 16. Nov. 2016
    "day_month": _rx(
        rf"(?:{_WD})?(?P<the>the\s+)?(?P<day>{_DAY_DIGITS}|{_ORD_WORD}|{_CARD_WORD})"
        rf"(?P<sep>\s+of\s+|\s*-\s*|\.\s*|\s+)(?P<month>{_MONTH_NAME}){_YEAR}?(?![\w])"),
    # Monday, October 25, 2024 / Oct. 25 / jan-1 / may the eleventh / January 10 – 1, 2016
    "month_day": _rx(
        rf"(?:{_WD})?(?P<month>{_MONTH_NAME})(?P<sep>\s*[-/]\s*|\.?(?P<comma>,)?\s+(?P<the>the\s+)?)"
        rf"(?P<day>{_DAY_DIGITS}|{_ORD_WORD}|{_CARD_WORD})(?![\w])"
        rf"(?:\s*[–—-]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\w]))?{_YEAR}?(?![\w])"),
    # 2024-10-25, 2015/08/12, 2019-sep-1
    "iso": _rx(
        rf"(?:{_WD})?(?P<iy>\d{{4}})(?P<sep>[-/.])(?:(?P<im>[01]?\d)|(?P<month>{_MONTH_NAME}))"
        rf"(?P=sep)(?P<id>[0-3]?\d)(?![\w]|[.,/-]\d)"),
    # 25/10/2024, 02/22/2016, 9-18-15, 13.5.2015, 11/12,2016
    "numeric": _rx(
        rf"(?:{_WD})?(?P<n1>[0-3]?\d)(?P<sep>[/.-])(?P<n2>[0-3]?\d)(?:(?P=sep)|(?P<comma>,\s?))"
        rf"(?P<ny>\d{{4}}|\d{{2}})(?![\w]|[.,/-]\d)"),
    # 31/10, on 4.22, in 4-22, friday 7.6: no year, so only in a date-like context
    "numeric_short": _rx(
        rf"(?:{_WD}|(?P<prep>on|in|by|from|until|till|since|before|after)\s+)?"
        rf"(?P<n1>[0-3]?\d)(?P<sep>[/.-])(?P<n2>[0-3]?\d)(?![\w%]|[.,/:-]\d)"),
    # Thursday the 21st, Friday the fifteen, Monday 21st, Monday 21 (ending the clause)
    "weekday_day": _rx(
        rf"{_WD}(?:(?P<the>the\s+)(?P<day>{_DAY_DIGITS}|{_ORD_WORD}|{_CARD_WORD})"
        rf"|(?P<day>{_DAY_DIGITS}))(?![\w]|[.,:/-]\d)"),
    # on 15, on 22nd, for the 27, on the second, the 20th of next month
    "day_only": _rx(
        rf"(?:(?P<prep>{_PREPS})\s+)?(?P<the>the\s+)?(?P<day>{_DAY_DIGITS}|{_ORD_WORD})"
        rf"(?:(?:\s+of)?\s+(?P<when>this|next|last)\s+month(?![\w])|{_END})"),
    # second Sunday, the first friday of july, the last Monday in this month
    "nth_weekday": _rx(
        rf"(?P<the>the\s+)?(?P<nth>{_alt(NTH)})\s+(?P<weekday>{_alt(_FULL_DAYS)})(?![\w])"
        rf"(?:\s+(?:of|in)\s+(?:(?P<month>{_MONTH_NAME})|(?P<when>this|next|last|the)\s+month)(?![\w]))?"),
    # yesterday, the day after tomorrow, two days before yesterday
    "relative_day": _rx(
        rf"(?:(?:the\s+day|(?P<count>{_COUNT})\s+(?P<period>{_PERIOD}))\s+(?P<dir>before|after)\s+)?"
        rf"(?P<rel>{_REL_DAY})(?![\w])"),
    # the next day, last day, the following day
    "adjacent_day": _rx(r"(?:the\s+)?(?P<which>next|following|previous|last)\s+day(?![\w])(?!\s+of\b)"),
    # a month ago, two weeks from now, 1 month 21 days ago, two sundays from now
    # ... and "in three days", "in a week": a time from now
    "duration": _rx(
        rf"(?:(?P<in>in)\s+)?(?P<parts>{_COUNT}\s+(?:{_PERIOD}|(?P<weekday>{_alt(_FULL_DAYS)})s)"
        rf"(?:,?\s+(?:and\s+)?{_COUNT}\s+{_PERIOD}){{0,3}})"
        r"(?:\s+(?P<dir>ago|earlier|later|from\s+(?:now|today)|hence))?(?![\w])"),
    # next Sunday, this week Friday, on Friday next week, Tuesday of next week
    "relative_weekday": _rx(
        rf"(?:(?P<when>last|next|this|past)\s+(?:(?P<week>week)\s+(?:on\s+)?)?(?P<weekday>{_alt(_FULL_DAYS)}|{_alt(n for n in WEEKDAYS if len(n) > 3)})"
        rf"|(?:on\s+)?(?P<weekday2>{_alt(_FULL_DAYS)})\s+(?:of\s+)?(?P<when2>last|next|this)\s+week)(?![\w])"),
    # on Friday, Tuesday, on tues, on Sat.: full names anywhere, abbreviations after "on"
    "weekday": _rx(
        rf"(?:{_NOT_A_DAY}(?P<weekday>{_alt(_FULL_DAYS)})|(?<=\b(?:on|by|until|from|since)\s+)"
        rf"(?P<abbr>{_alt(n for n in WEEKDAYS if len(n) >= 3 and n not in _FULL_DAYS)})(?!['’]))(?![\w])"),
    # last week, next month, this year
    "relative_period": _rx(r"(?P<when>last|next|this)\s+(?P<period>week|month|year)(?![\w])"),
    # October 2024
    "month_year": _rx(rf"(?P<month>{_MONTH_NAME})\s+(?P<year>\d{{4}})(?![\w])"),
    # "in 2010", "since 1998": a year on its own
    "year": _rx(
        r"(?P<prep>in|since|by|until|from|during|before|after|between|of|to|and)\s+"
        r"(?P<year>1[89]\d\d|20\d\d|21\d0)(?![\w]|[,.]\d|\s*(?:%|per\s*cent|gmt|bst|utc|hrs|hours)\b)"),
}

# Words that mark a window worth looking at, by class; each pattern runs only in windows
# holding its class (NEEDS), and every date has such an anchor at most _MARGIN characters
# from its start and from the next anchor.  The words are one prefix tree for the standard
# library's engine (a literal tree cannot backtrack, and it reads the text several times
# faster than ``regex`` or a flat alternation); a word's class is the first that lists it.
# Two-letter weekdays ("Mo, 7 October") come with a month.
_ANCHORS = {
    "digit": [],
    "month": list(MONTHS),
    "weekday": [*(n for n in WEEKDAYS if len(n) > 2), *(d + "s" for d in _FULL_DAYS)],
    "ordinal": list(ORDINAL_WORDS),
    "rel": ["yesterday", "today", "tomorrow"],
    "period": ["day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months", "year", "years"],
    # Only to keep a long year in words inside its date's window.
    "year_words": ["hundred", "thousand", *(w for w, v in UNITS.items() if v >= 11)],
}
_ANCHOR_CLASS = {word: name for name, words in reversed(_ANCHORS.items()) for word in words}
# Anchor words are letters between word boundaries, so a match is a whole word and its
# class does not depend on the order of the branches.
ANCHOR_RE = re.compile(rf"(?P<digit>\d+)|\b{prefix_tree(_ANCHOR_CLASS)}\b")
NEEDS = {
    "day_month": {"month"}, "month_day": {"month"}, "month_year": {"month"}, "iso": {"digit"},
    "numeric": {"digit"}, "numeric_short": {"digit"}, "year": {"digit"}, "day_only": {"digit", "ordinal"},
    "weekday_day": {"weekday"}, "nth_weekday": {"weekday"}, "relative_weekday": {"weekday"},
    "weekday": {"weekday"}, "relative_day": {"rel"}, "adjacent_day": {"period"},
    "duration": {"period", "weekday"}, "relative_period": {"period"},
}
# What every date of a kind contains, its builder's conditions included: a window
# without it is not read with that kind's pattern (cheap, as most windows hold a plain
# figure).  Run on the lower-cased text; "\\W" stands for the pattern's white space.
# A day with no month ("on 15") needs a preposition (see _day_only).
GATES = {kind: re.compile(gate) for kind, gate in {
    "iso": r"\d{4}[-/.]", "numeric": r"\d[/.-]\d\d?[/.,-]", "numeric_short": r"\d[/.-]\d",
    "year": r"\W(?:1[89]|2[01])\d\d", "month_year": r"\W\d{4}",
    "day_only": rf"month|(?<![a-z0-9_]){_PREPS}\W", "weekday_day": r"\d|the\W",
    "nth_weekday": _alt(NTH), "relative_weekday": "last|next|this|past", "adjacent_day": "next|following|previous|last",
    "relative_period": "last|next|this", "duration": r"ago|earlier|later|now|today|hence|\bin\W",
}.items()}
_MARGIN = 20
# The verbs "may" and "march" and the idiom "24/7" are far more common than the dates.
_VERB_MONTHS = ("may", "march", "mar")
_NOT_DATES = {"24/7"}


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


def find_dates(text: str, reference: dt.date | None) -> list[DateMatch]:
    low = lowered(text)
    candidates = []
    for start, end, classes in _windows(low):
        for kind, pattern, build in _readers(frozenset(classes)):
            gate = GATES.get(kind)
            if gate is not None and not gate.search(low, start, end):
                continue
            for m in scan(pattern.compiled, low, start, end):
                d = build(m, text, reference)
                if d is not None:
                    candidates.append(d)
    # Longest first, then leftmost; a candidate overlapping a kept one is dropped.
    candidates.sort(key=lambda d: (d.start - d.end, d.start))
    kept: list[DateMatch] = []
    starts: list[int] = []  # of the kept ones, which never overlap, so ends sort alike
    for d in candidates:
        i = bisect.bisect_left(starts, d.start)
        if (i < len(kept) and kept[i].start < d.end) or (i > 0 and kept[i - 1].end > d.start):
            continue
        kept.insert(i, d)
        starts.insert(i, d.start)
    for d in kept:
        # "on 8th Feb.": an abbreviation's dot that ends the sentence is its full stop.
        if text[d.end - 1:d.end] == "." and _SENTENCE_GOES_ON.match(text, d.end) is None:
            d.end -= 1
    return _merge_weekday_asides(text, _months_from_before(text, _listed_days(text, kept)))


_SENTENCE_GOES_ON = regex.compile(r"[^\S\n]*[a-z0-9,;(]")


# "3 and 4 May", "3, 4 and 5 May", "4-6 June": days listed before the month they share.
_DAYS_BEFORE = regex.compile(
    r"(?<![\w.,/-])[0-3]?\d(?:st|nd|rd|th)?(?:\s*,\s*[0-3]?\d(?:st|nd|rd|th)?)*"
    r"(?:\s*,\s*|,?\s+(?:and|or|to)\s+|\s*[-–]\s*)$")
_LISTED_DAY = regex.compile(r"(\d+)(?:st|nd|rd|th)?")


def _listed_days(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """Each listed day as a date in the month the last one names; a day read alone
    before it ("on 3, 4 and 5 May" had "on 3" this month) gives way."""
    out: list[DateMatch] = []
    for d in found:
        m = None
        if d.day is not None and d.month is not None and d.weekday is None and text[d.start:d.start + 1].isdigit():
            m = _DAYS_BEFORE.search(text, max(0, d.start - 24), d.start)
        days = [(g.start(), g.end(), int(g.group(1))) for g in _LISTED_DAY.finditer(text, m.start(), m.end())] if m else []
        if days and all(a[2] < b[2] for a, b in zip(days, [*days[1:], (0, 0, d.day)])) and days[0][2] >= 1:
            while out and out[-1].end > days[0][0]:
                out.pop()
            out.extend(DateMatch(a, b, d.year, d.month, day, None, extra=dict(d.extra)) for a, b, day in days)
        out.append(d)
    return out


_MONTH_CARRIES = 250  # characters, within a paragraph, over which a date's month carries


def _months_from_before(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """"on Monday 6 December ... on Thursday 9": a day written without its month takes
    the month (and year) of the date just before it in its paragraph, not the reference
    date's; the next month when the day comes before that date's and, given a weekday,
    only the next month fits it ("30 January ... Saturday 5" is 5 February)."""
    named = None
    for d in found:
        if not d.extra.get("no_month"):
            if d.month is not None and d.day is not None:
                named = d
            continue
        if named is None or d.start - named.end > _MONTH_CARRIES or "\n\n" in text[named.end:d.start]:
            continue
        months = [(named.year, named.month), _next_month(named.year, named.month)]
        if d.day < named.day:
            months.reverse()
        if d.weekday is not None:
            fitting = [(y, m) for y, m in months if _weekday_fits(y, m, d.day, d.weekday)]
            months = fitting + [ym for ym in months if ym not in fitting]
        d.year, d.month = months[0]
        d.iso = None
        d.extra.pop("read_as", None)
        d.extra["month_from"] = named.start
    return found


def _next_month(year: int | None, month: int) -> tuple[int | None, int]:
    if month < 12:
        return year, month + 1
    return (None if year is None else year + 1), 1


def _weekday_fits(year: int | None, month: int, day: int, weekday: int) -> bool:
    """Whether a day of a month falls on a weekday (in some year near 2000 when no year is given)."""
    years = [year] if year is not None else range(2000, 2028)
    return any(day <= calendar.monthrange(y, month)[1] and dt.date(y, month, day).weekday() == weekday for y in years)


@cache
def _readers(classes: frozenset[str]):
    """(kind, pattern, builder) of each kind a window holding ``classes`` may hold."""
    return [(kind, pattern, _BUILDERS[kind])
            for kind, pattern in PATTERNS.items() if not classes.isdisjoint(NEEDS[kind])]


def _windows(text: str):
    """Merged spans around the anchors, widened to whole words, with their anchor classes."""
    spans = []
    for m in ANCHOR_RE.finditer(text):
        start, end = max(0, m.start() - _MARGIN), min(len(text), m.end() + _MARGIN)
        kind = m.lastgroup or _ANCHOR_CLASS[m.group()]
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
            spans[-1][2].add(kind)
        else:
            spans.append([start, end, {kind}])
    for span in spans:
        while span[1] < len(text) and text[span[1]].isalnum():
            span[1] += 1
    return spans


# "7 November, a Friday,", "7 November, which is a Friday": a weekday in apposition.
_A_WEEKDAY_AFTER = regex.compile(r",\s*(?:which\s+(?:is|was)\s+)?an?\s+", regex.IGNORECASE)


def _merge_weekday_asides(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """"this friday(jun-15)", "June 15 (Friday)", "7 November, a Friday": a weekday and
    a date, one in brackets or in apposition after the other, are one date, so that the
    weekday can be checked against it."""
    merged = []
    for d in found:
        prev = merged[-1] if merged else None
        bracketed = prev is not None and text[prev.end:d.start].strip() == "(" and text[d.end:d.end + 1] == ")"
        aside = prev is not None and prev.weekday is None and d.weekday is not None and d.day is None \
            and _A_WEEKDAY_AFTER.fullmatch(text, prev.end, d.start) is not None
        if (bracketed or aside) and (prev.weekday is None) != (d.weekday is None):
            day, named = (prev, d) if d.weekday is not None else (d, prev)
            if day.day is not None and named.day is None:
                merged[-1] = DateMatch(prev.start, d.end + bracketed, day.year, day.month, day.day, named.weekday,
                                       named.weekday_span, extra={**day.extra, "date_span": (day.start, day.end)})
                continue
        merged.append(d)
    return merged


# --- reading the parts ----------------------------------------------------------------

def _day_value(word: str) -> int | None:
    """21 from "21", "21st", "twenty first", "twenty-one"; None past 31."""
    if word[0].isdigit():
        value = int(word.rstrip("stndrh"))
    else:
        parts = regex.split(r"[-\s]+", word)
        value = sum(TENS.get(p) or ORDINAL_WORDS.get(p) or CARDINAL_WORDS.get(p) or 0 for p in parts)
        if len(parts) == 2 and (parts[0] not in TENS or TENS.get(parts[1]) or ORDINAL_WORDS.get(parts[1], 0) > 9
                                or CARDINAL_WORDS.get(parts[1], 0) > 9):
            return None  # "twenty twelfth"
    return value if 1 <= value <= 31 else None


def _ordinal_word(day: str) -> bool:
    """"second", "twenty-first": an ordinal in words (which "twenty two" is not)."""
    return not day[0].isdigit() and regex.split(r"[-\s]+", day)[-1] in ORDINAL_WORDS


def _month_value(word: str) -> int:
    return MONTHS[word.rstrip(".")]


def _weekday(m, group: str = "weekday") -> tuple[int | None, tuple[int, int] | None]:
    if m.group(group):
        return WEEKDAYS[m.group(group).rstrip(".s")], m.span(group)
    return None, None


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    return sum(TENS.get(p) or UNITS.get(p) or 0 for p in regex.split(r"[-\s]+", word))


def _ends_clause(text: str, end: int) -> bool:
    return regex.match(r"\s*(?:[.,;:!?)\]]|$)", text[end:end + 3]) is not None


def _verb_month(m, text: str, tie: str) -> bool:
    """Lower-case "may"/"march" ("we may first need", "4 may be") read as a month only when
    tied to the day ("fourth of may", "may the eleventh"), a year or the end of a clause."""
    word = text[m.start("month"):m.end("month")]
    if word[0].isupper() or word.lower().rstrip(".") not in _VERB_MONTHS:
        return False
    return not (_year_of(m) or tie or _ends_clause(text, m.end()))


def _year_of(m) -> int | None:
    """The year written after a day and month, in digits or words, if any."""
    if m.group("year"):
        return int(m.group("year"))
    if not m.group("yearw"):
        return None
    words = regex.split(r"[-\s]+", m.group("yearw"))
    if "hundred" not in words and "thousand" not in words:
        # "nineteen seventy-eight", "nineteen oh five": centuries, then the rest
        return _count(words[0]) * 100 + _count(" ".join(w for w in words[1:] if w != "oh"))
    total = current = 0
    for word in words:
        if word == "hundred":
            current *= 100
        elif word == "thousand":
            total, current = total + current * 1000, 0
        else:
            current += _count(word) if word != "and" else 0
    year = total + current
    return year if 1000 <= year <= 2999 else None


def _year2(ny: str) -> int:
    return int(ny) + (2000 if int(ny) < 50 else 1900) if len(ny) == 2 else int(ny)


def _order(a: int, b: int, extra: dict) -> tuple[int, int] | None:
    """(day, month) of two numbers; day first when either reading works (noted as ambiguous)."""
    if a > 12 >= b >= 1:
        return a, b
    if b > 12 >= a >= 1:
        return b, a
    if 1 <= a <= 12 and 1 <= b <= 12:
        extra["ambiguous"] = a != b
        return a, b
    return None


# --- one builder per pattern ------------------------------------------------------------

def _day_month(m, text, reference):
    if _verb_month(m, text, "of" in m.group("sep")):
        return None
    day = _day_value(m.group("day"))
    sep = m.group("sep").strip()
    if day is None or (sep == "." and not m.group("year")):
        return None  # "scored 16. Nov" is two sentences unless a year follows
    weekday, wspan = _weekday(m)
    if weekday is None and not m.group("day")[0].isdigit() and not _ordinal_word(m.group("day")):
        return None  # "one of May's ministers"; "Monday, twenty two of January" is a date
    year = _year_of(m)
    # "the 4th of July" is one phrase; in "the 11 September attacks" "the" is the noun's.
    start = m.start("day") if m.group("the") and weekday is None and m.group("day")[-1].isdigit() else m.start()
    return DateMatch(start, m.end(), year, _month_value(m.group("month")), day, weekday, wspan)


def _month_day(m, text, reference):
    day_word = m.group("day")
    ordinal = _ordinal_word(day_word)
    suffix = day_word[0].isdigit() and not day_word[-1].isdigit()
    # "may 22" cannot be the verb (a modal is never followed by a number); "march 5 miles" can.
    if _verb_month(m, text, m.group("the") or (m.group("month") == "may" and day_word[0].isdigit())):
        return None
    if m.group("the") and (not (ordinal or suffix) or m.group("sep")[0] == "."):
        return None  # "in May. The fourth series"
    if m.group("comma") and not (ordinal or suffix or m.group("day2") or _year_of(m)):
        return None  # "In March, 15 people died"
    if not day_word[0].isdigit() and not (_year_of(m) or _ends_clause(text, m.end())):
        return None  # "In June two people died", "In November, first half profits"
    day = _day_value(day_word)
    if day is None:
        return None
    weekday, wspan = _weekday(m)
    year = _year_of(m)
    extra = {"day_end": int(m.group("day2"))} if m.group("day2") else {}
    return DateMatch(m.start(), m.end(), year, _month_value(m.group("month")), day, weekday, wspan, extra=extra)


def _iso(m, text, reference):
    weekday, wspan = _weekday(m)
    month = int(m.group("im")) if m.group("im") else _month_value(m.group("month"))
    return DateMatch(m.start(), m.end(), int(m.group("iy")), month, int(m.group("id")), weekday, wspan)


def _numeric(m, text, reference):
    if m.group("sep") == "." and len(m.group("ny")) == 2:
        return None  # "2.6.18" is a version number
    if m.group("comma") and m.group("sep") != "/":
        return None
    extra = {}
    order = _order(int(m.group("n1")), int(m.group("n2")), extra)
    if order is None:
        return None
    weekday, wspan = _weekday(m)
    return DateMatch(m.start(), m.end(), _year2(m.group("ny")), order[1], order[0], weekday, wspan, extra=extra)


def _numeric_short(m, text, reference):
    sep, prep = m.group("sep"), m.group("prep") or ""
    weekday, wspan = _weekday(m)
    start = m.start("n1") if prep else m.start()
    if text[m.start("n1"):m.end()] in _NOT_DATES:
        return None
    extra = {}
    order = _order(int(m.group("n1")), int(m.group("n2")), extra)
    if order is None or order[0] > calendar.monthrange(2000, order[1])[1]:
        return None  # "on 38-1" is a cricket score: a year-less short date must be a real one
    if weekday is None:
        # Scores, decimals and fractions look the same: want a preposition (only "on" for
        # "4.22"), nothing but punctuation after, and only one reading of day and month.
        if "ambiguous" in extra or not _ends_clause(text, m.end()) or not prep:
            return None  # "his figures were 4/31": a bowler's, not a date
        if (sep == "." and prep != "on") or (sep == "-" and prep not in ("on", "in")):
            return None
        if sep != "/" and int(m.group("n1")) > 12 and not (sep == "-" and prep == "on"):
            return None  # "on 4.22" is a date, "on 22.04" a price, "ended in 27-10" a score
    elif sep == ".":
        # "friday 7.6" is month first, like "4.22"; either reading is a guess.  Minutes
        # have two digits: "Saturday 12.30" is a kick-off time.
        order = (int(m.group("n2")), int(m.group("n1")))
        if order[1] > 12 or len(m.group("n2")) == 2:
            return None
    return DateMatch(start, m.end(), None, order[1], order[0], weekday, wspan, extra=extra)


def _weekday_day(m, text, reference):
    day_word = m.group("day")
    # Words ("on Sunday the first team") and a bare number ("Monday 21 people") must end
    # the clause; "the 21st", "21st" and "the 21" are days wherever they stand.
    loose = not day_word[0].isdigit() or (not m.group("the") and day_word[-1].isdigit())
    if loose and not _ends_clause(text, m.end()):
        return None
    day = _day_value(day_word)
    if day is None:
        return None
    weekday, wspan = _weekday(m)
    d = DateMatch(m.start(), m.end(), None, None, day, weekday, wspan, extra={"no_month": True})
    if reference is not None:
        _month_of_weekday_day(d, reference)
    return d


def _month_of_weekday_day(d: DateMatch, reference: dt.date) -> None:
    """"Thursday the 21st": the reference month, or the month before or after it when
    that one fits the weekday ("I'll go back Mon 13th" said on 1 May is 13 June); the
    side the day falls on is tried first (last month's 28th, next month's 2nd)."""
    here = (reference.year, reference.month)
    near = -1 if d.day > reference.day else 1
    others = (_add_months(reference.year, reference.month, near), _add_months(reference.year, reference.month, -near))
    having = [(y, m) for y, m in (here, *others) if d.day <= calendar.monthrange(y, m)[1]]
    fitting = [(y, m) for y, m in having if dt.date(y, m, d.day).weekday() == d.weekday]
    if not having:
        return  # no 31st either side: leave it unresolved
    chosen = (fitting or having)[0]
    d.year, d.month = chosen
    d.extra["read_as"] = f"{calendar.month_name[chosen[1]]} {chosen[0]}"


def _day_only(m, text, reference):
    prep, the, when = m.group("prep") or "", m.group("the"), m.group("when")
    day_word = m.group("day")
    digits = day_word[0].isdigit()
    suffix = digits and not day_word[-1].isdigit()
    if when is None:
        # A bare day: "on 15", "on twenty second", "by 22nd", "for the 27", "on the second".
        if not prep or not (the or suffix or prep == "on"):
            return None
    elif digits and not suffix:
        return None  # "20th of next month" needs the ordinal
    day = _day_value(day_word)
    if day is None:
        return None
    start = m.start("the") if the else m.start("day")
    d = DateMatch(start, m.end(), None, None, day, None, extra={} if when else {"no_month": True})
    if reference is not None:
        step = {"last": -1, "next": 1, "this": 0}[when] if when else 0
        year, month = _add_months(reference.year, reference.month, step)
        if when or day <= calendar.monthrange(year, month)[1]:
            # A bare "the 31st" in a short month is some other month's, not an impossible date.
            d.year, d.month = year, month
            d.extra["read_as"] = f"{calendar.month_name[month]} {year}"
    return d


def _nth_weekday(m, text, reference):
    nth = NTH[m.group("nth")]
    weekday = WEEKDAYS[m.group("weekday")]
    tail = m.group("month") or m.group("when")
    if nth == -1 and not tail:
        return None  # "last Friday" is a relative weekday
    d = DateMatch(m.start(), m.end(), None, None, None, weekday)
    if reference is not None:
        year, month = reference.year, reference.month
        if m.group("month"):
            month = _month_value(m.group("month"))
        elif m.group("when") and m.group("when") in ("next", "last"):
            year, month = _add_months(year, month, 1 if m.group("when") == "next" else -1)
        days = [day for day in range(1, calendar.monthrange(year, month)[1] + 1)
                if dt.date(year, month, day).weekday() == weekday]
        if nth <= len(days):
            d.iso = dt.date(year, month, days[nth - 1 if nth > 0 else -1]).isoformat()
    return d


def _relative_day(m, text, reference):
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("rel")]
    if m.group("dir"):
        sign = -1 if m.group("dir") == "before" else 1
        if m.group("period"):
            period = m.group("period").rstrip("s")
            if period not in PERIOD_DAYS:
                return None
            offset += sign * _count(m.group("count")) * PERIOD_DAYS[period]
        else:
            offset += sign
    iso = (reference + dt.timedelta(days=offset)).isoformat() if reference else None
    return DateMatch(m.start(), m.end(), None, None, None, None, iso=iso)


def _adjacent_day(m, text, reference):
    offset = -1 if m.group("which") in ("previous", "last") else 1
    iso = (reference + dt.timedelta(days=offset)).isoformat() if reference else None
    return DateMatch(m.start(), m.end(), None, None, None, None, iso=iso)


# "due in three days", "will close in a week": "in" a time is a date from now after a
# word of the future; "its lowest level in three years" and "rose 5% in two years" are
# periods.
_FUTURE_BEFORE = regex.compile(
    r"\b(?:will|'ll|shall|due|back|again|expected|scheduled|set\s+to|ready|returns?|opens?|closes?|"
    r"ends?|starts?|begins?|finish(?:es)?|expires?|resumes?|meet|call)\b[^.;!?\d%]{0,30}$", regex.IGNORECASE)


def _duration(m, text, reference):
    if not m.group("dir") and not (m.group("in") and _FUTURE_BEFORE.search(text, max(0, m.start() - 40), m.start())):
        return None
    sign = -1 if m.group("dir") in ("ago", "earlier") else 1
    weekday = WEEKDAYS[m.group("weekday")] if m.group("weekday") else None
    d = DateMatch(m.start(), m.end(), None, None, None, weekday)
    if reference is None:
        return d
    if weekday is not None:
        # "two sundays from now": the second Sunday after today.
        n = _count(m.group("parts").split()[0])
        first = _weekday_near(reference, weekday, sign)
        d.iso = (first + dt.timedelta(weeks=sign * (n - 1))).isoformat()
        return d
    days = months = 0
    for count, period in regex.findall(rf"({_COUNT})\s+({_PERIOD})", m.group("parts")):
        period = period.rstrip("s")
        if period in PERIOD_DAYS:
            days += _count(count) * PERIOD_DAYS[period]
        else:
            months += _count(count) * (12 if period == "year" else 1)
    year, month = _add_months(reference.year, reference.month, sign * months)
    moved = dt.date(year, month, min(reference.day, calendar.monthrange(year, month)[1]))
    d.iso = (moved + dt.timedelta(days=sign * days)).isoformat()
    return d


def _relative_weekday(m, text, reference):
    if m.group("weekday"):
        group, when, week = "weekday", m.group("when"), m.group("week")
    else:
        group, when, week = "weekday2", m.group("when2"), "week"
    weekday, wspan = _weekday(m, group)
    iso = None
    if reference is not None:
        step = {"last": -1, "past": -1, "next": 1, "this": 0}[when]
        if week:
            iso = _weekday_near(reference + dt.timedelta(weeks=step), weekday, 0).isoformat()
        else:
            iso = _weekday_near(reference, weekday, step).isoformat()
    return DateMatch(m.start(), m.end(), None, None, None, weekday, wspan, iso=iso)


def _bare_weekday(m, text, reference):
    group = "weekday" if m.group("weekday") else "abbr"
    weekday, wspan = _weekday(m, group)
    iso = None
    if reference is not None:
        # News copy speaks of the most recent such day ("on Monday").
        iso = _weekday_near(reference, weekday, -1, include_today=True).isoformat()
    return DateMatch(m.start(group), m.end(), None, None, None, weekday, wspan, iso=iso)


def _relative_period(m, text, reference):
    iso = None
    if reference is not None:
        step = {"last": -1, "next": 1, "this": 0}[m.group("when")]
        iso = _period(reference, m.group("period"), step)
    return DateMatch(m.start(), m.end(), None, None, None, None, iso=iso)


def _month_year(m, text, reference):
    # "May 2005" is rarely a date in the month sense of "may"; need a capital.
    if text[m.start("month")].islower():
        return None
    return DateMatch(m.start(), m.end(), int(m.group("year")), _month_value(m.group("month")), None, None)


def _year(m, text, reference):
    return DateMatch(m.start("year"), m.end(), int(m.group("year")), None, None, None)


_BUILDERS = {
    "day_month": _day_month, "month_day": _month_day, "iso": _iso, "numeric": _numeric,
    "numeric_short": _numeric_short, "weekday_day": _weekday_day, "day_only": _day_only,
    "nth_weekday": _nth_weekday, "relative_day": _relative_day, "adjacent_day": _adjacent_day,
    "duration": _duration, "relative_weekday": _relative_weekday, "weekday": _bare_weekday,
    "relative_period": _relative_period, "month_year": _month_year, "year": _year,
}


# --- calendar arithmetic ----------------------------------------------------------------

def _add_months(year: int, month: int, step: int) -> tuple[int, int]:
    month = month - 1 + step
    return year + month // 12, month % 12 + 1


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
        year, month = _add_months(reference.year, reference.month, step)
        return f"{year}-{month:02d}"
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
