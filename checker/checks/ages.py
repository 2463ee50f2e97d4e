"""age-conflict: one person given two ages, or an age at odds with a birth year or an
obituary's dates of birth and death."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import regex

from ..engine import Context, Rule, check
from ..extract.ages import RELATIVES
from ..format_numbers import fmt_interval
from ..sentences import sentence_around, sentence_end, title_end

_BORN = regex.compile(r"(?<![\w])(?:\(\s*)?(?:born|b\.)\s+(?:(?:in|on)\s+)?(?:[^.;()]{0,20}?\s)??(\d{4})(?![\w])",
                      regex.IGNORECASE)


# "Frank Doyle, 71, whose mother was born in 1925", "Jo Tandy, 33, has a son who was
# born in 2019": someone else's birth.
_SOMEONE_ELSES = regex.compile(
    rf"\b(?:whose|his|her|their)\s+[\w-]+,?\s+(?:(?:was|is|were)\s+)?$"
    rf"|\b(?:{RELATIVES}|child|children|baby|grandson|granddaughter|twins)\b[^.;]{{0,50}}$", regex.IGNORECASE)
# A year the sentence sets its age in: "born in 1928 and died in 2009, aged 81".
_YEAR = regex.compile(r"(?<![\w.,])(?:19|20)\d\d(?![\w]|[.,]\d)")


def _below(a: float | None, b: float | None) -> bool:
    """a < b, where None is unbounded ("more than 40 years old" has no ceiling)."""
    return a is not None and b is not None and a < b


# An age in months, weeks or days compared with one in years: "aged 18 months" is 1.5.
_PER_YEAR = {"year": 1, "month": 12, "week": 52.18, "day": 365.25}


def _in_years(age) -> tuple[float | None, float | None]:
    """An age as whole years, as "Sam, 1," would give it: an 18-month-old is 1."""
    per = _PER_YEAR.get(age.unit or "year", 1)
    if per == 1:
        return age.low, age.high
    return tuple(None if v is None else float(v // per) for v in (age.low, age.high))


def _said(age) -> str:
    unit = "" if age.unit in (None, "year") else f" {age.unit}s"
    return fmt_interval(age.low, age.high) + unit


def _disagree(a, b) -> bool:
    (a_low, a_high), (b_low, b_high) = _in_years(a), _in_years(b)
    return _below(a_high, b_low) or _below(b_high, a_low)


@check("age-conflict")
def age_conflict(rule: Rule, ctx: Context) -> None:
    body = title_end(ctx.text)
    born = list(_BORN_OPENING.finditer(ctx.text)) if ctx.groups.people else []
    for person, ages in ctx.groups.people.items():
        first = _anchor(ages, body)
        for age in ages:
            if age is not first and _disagree(age, first):
                ctx.report(rule, ctx.quote(age),
                           f'{person} is {_said(age)} here ("{age.text}", line {age.line}) '
                           f'but {_said(first)} on line {first.line} ("{first.text}")',
                           [ctx.quote(first)])
        if ctx.reference is not None:
            _birth_year(rule, ctx, person, ages)
        if len(born) == 1:
            _age_at_death(rule, ctx, person, ages, born[0])
    if ctx.groups.headline_age and _disagree(*ctx.groups.headline_age):
        head, first = ctx.groups.headline_age
        ctx.report(rule, ctx.quote(head),
                   f'the headline gives {_said(head)} ("{head.text}", line {head.line}) '
                   f'but the story first gives {_said(first)} on line {first.line} ("{first.text}")',
                   [ctx.quote(first)])


def _anchor(ages, body: int):
    """The age the others are held to: the one most mentions give, and of those the
    story's first (a headline's only when the story gives none), so that the odd one out
    is flagged ("Reid, 38, ... Reid, 44, ... the 38-year-old": the 44)."""
    counts = Counter(_in_years(a) for a in ages)
    return min(ages, key=lambda a: (-counts[_in_years(a)], a.start < body, a.start))


def _birth_year(rule: Rule, ctx: Context, person: str, ages) -> None:
    names = person.split()
    for age in ages:
        # The birth year must be said of this person, in the same sentence as the age.
        start = max(ctx.text.rfind(".", 0, age.start), ctx.text.rfind("\n", 0, age.start)) + 1
        end = min(x for x in (ctx.text.find(". ", age.end), ctx.text.find("\n", age.end), len(ctx.text)) if x >= 0)
        sentence = ctx.text[start:end]
        if not any(n in sentence for n in names):
            continue
        for m in _BORN.finditer(ctx.text, start, end):
            if _SOMEONE_ELSES.search(ctx.text, max(start, m.start() - 60), m.start()):
                continue
            year = int(m.group(1))
            # "aged 81" is the age at the sentence's other year, if it names one ("died in
            # 2009, aged 81"; with two, it is not known when); "Ellory, 81," is his age now.
            then = {y.group(0) for y in _YEAR.finditer(ctx.text, start, end) if y.start() != m.start(1)} \
                if age.text[:4].lower() == "aged" else set()
            if len(then) > 1:
                continue
            if then:
                at_year = int(then.pop())
                when = f"in {at_year}"
            else:
                at_year, when = ctx.reference.year, f"on {ctx.reference.isoformat()}"
            low, high = at_year - year - 1, at_year - year
            age_low, age_high = _in_years(age)
            if _below(age_high, low) or _below(high, age_low):
                ctx.report(rule, ctx.quote(age),
                           f"{person} is {_said(age)} here, but someone born in {year} is {low} or {high} {when}",
                           [ctx.span(m.start(1), m.end(1))])


# An obituary's "Born on 3 June 1921 in Lowmoor, ..." (a sentence that opens on "Born"
# is about the one who died) and its "He died ... on Sunday 11 December 2005".
_BORN_OPENING = regex.compile(r"(?:^|[.!?][\"”’]?\s+|\n\s*)Born\b")
_DIED_BEFORE = regex.compile(r"\b(?:died|dies)\b[^.;!?]{0,30}$", regex.IGNORECASE)
_DIED = regex.compile(r"\b(?:died|dies)\b", regex.IGNORECASE)
_BORN_WITHIN = 60  # characters after "Born" for its date ("Born in Luton, on 5 April 1920")


def _age_at_death(rule: Rule, ctx: Context, person: str, ages, born: regex.Match) -> None:
    """"has died aged 86" where the story's one "Born on 3 June 1921" (``born``) and
    "died on 11 December 2005" make 84 (with no date of death, the reference date's)."""
    # the obituary's own "has died aged 57", given before its "Born", not a mentor's
    # "who died in 1999 aged 88" (an age then)
    dying = [a for a in ages if a.start < born.start() and _DIED_BEFORE.search(ctx.text, max(0, a.start - 40), a.start)
             and not _YEAR.search(ctx.text, *sentence_around(ctx.text, a.start, a.end))]
    if not dying:
        return
    birth, birth_span = _date_after(ctx, born.end(), min(sentence_end(ctx.text, born.end()), born.end() + _BORN_WITHIN))
    if birth is None:
        return
    death = next((_day(c) for c in ctx.claims if _day(c) and _YEAR.search(c.text)
                  and _DIED.search(ctx.text, *sentence_around(ctx.text, c.start, c.end))), None)
    exact = death is not None
    if death is None:
        if ctx.reference is None:
            return
        death = ctx.reference
    years = death.year - birth.year
    if isinstance(birth, dt.date) and exact:
        low = high = years - ((death.month, death.day) < (birth.month, birth.day))
    else:  # a year of birth, or a death some time before the reference date
        low, high = years - 1, years
    for age in dying:
        age_low, age_high = _in_years(age)
        if _below(age_high, low) or _below(high, age_low):
            born_on = f"on {birth.day} {birth:%B %Y}" if isinstance(birth, dt.date) else f"in {birth.year}"
            at = f"was {fmt_interval(low, high)} on {death.day} {death:%B %Y}, the day the story says they died" \
                if exact else f"is {low} or {high} on {death.isoformat()}"
            ctx.report(rule, ctx.quote(age), f"{person} is {_said(age)} here, but someone born {born_on} {at}",
                       [birth_span])


def _date_after(ctx: Context, start: int, end: int):
    """The date or year of birth a "Born" sentence gives between two offsets: a date
    with its year, or a year alone (as a date with ``year`` only)."""
    for claim in ctx.claims:
        if start <= claim.start < end and _day(claim) and _YEAR.search(claim.text):
            return _day(claim), ctx.span(claim.start, claim.end)
    m = _YEAR.search(ctx.text, start, end)
    return (_Year(int(m.group(0))), ctx.span(m.start(), m.end())) if m else (None, None)


def _day(claim) -> dt.date | None:
    """A date claim's day, when it names one ("3 June 1921", not "June 1921")."""
    if claim.kind != "date" or not claim.valid or not claim.date or len(claim.date) != 10:
        return None
    return dt.date.fromisoformat(claim.date)


@dataclass(frozen=True)
class _Year:
    """A year of birth with no day."""
    year: int
