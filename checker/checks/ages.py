"""age-conflict: one person given two ages, or an age at odds with a birth year."""
from __future__ import annotations

import regex

from ..engine import Context, Rule, check
from ..format_numbers import fmt_interval

_BORN = regex.compile(r"(?<![\w])(?:\(\s*)?(?:born|b\.)\s+(?:(?:in|on)\s+)?(?:[^.;()]{0,20}?\s)?(\d{4})(?![\w])",
                      regex.IGNORECASE)


def _below(a: float | None, b: float | None) -> bool:
    """a < b, where None is unbounded ("more than 40 years old" has no ceiling)."""
    return a is not None and b is not None and a < b


@check("age-conflict")
def age_conflict(rule: Rule, ctx: Context) -> None:
    for person, ages in ctx.groups.people.items():
        first = ages[0]
        for age in ages[1:]:
            if _below(age.high, first.low) or _below(first.high, age.low):
                ctx.report(rule, ctx.quote(age),
                           f'{person} is {fmt_interval(age.low, age.high)} here ("{age.text}", line {age.line}) '
                           f'but {fmt_interval(first.low, first.high)} on line {first.line} ("{first.text}")',
                           [ctx.quote(first)])
        if ctx.reference is not None:
            _birth_year(rule, ctx, person, ages)


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
            year = int(m.group(1))
            low, high = ctx.reference.year - year - 1, ctx.reference.year - year
            if _below(age.high, low) or _below(high, age.low):
                ctx.report(rule, ctx.quote(age),
                           f"{person} is {fmt_interval(age.low, age.high)} here, but someone born in {year} "
                           f"is {low} or {high} on {ctx.reference.isoformat()}",
                           [ctx.span(m.start(1), m.end(1))])
