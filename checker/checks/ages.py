"""age-conflict: one person given two ages, or an age at odds with a birth year."""
from __future__ import annotations

from collections import Counter

import regex

from ..engine import Context, Rule, check
from ..extract.ages import RELATIVES
from ..format_numbers import fmt_interval
from ..sentences import title_end

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
