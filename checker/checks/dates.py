"""weekday-mismatch and invalid-date."""
from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import regex

from ..engine import Context, Rule, check
from ..sentences import sentence_around


@check("weekday-mismatch")
def weekday_mismatch(rule: Rule, ctx: Context) -> None:
    past_cue = _past_cue(rule)
    for claim in ctx.claims:
        if claim.kind != "date" or claim.weekday is None or claim.extra.get("weekday_span") is None:
            continue
        real = claim.extra.get("real")
        if real is None or claim.extra.get("ambiguous"):
            continue  # no year to go on, or day and month could be either way round
        if calendar.day_name[real.weekday()] == claim.weekday or _named_year_fits(ctx, claim, real) \
                or _nearer_year_fits(ctx, claim, real, past_cue):
            continue
        wstart, wend = claim.extra["weekday_span"]
        date_start, date_end = claim.extra.get("date_span") or (wend, claim.end)
        while date_start < date_end and not ctx.text[date_start].isalnum():
            date_start += 1
        # What the reference date or an earlier date filled in: the year ("7 October"),
        # or the month and year ("Thursday the 21st", "Monday 6 December ... Thursday 8").
        assumed = "month_from" in claim.extra and f"{calendar.month_name[real.month]} {real.year}" \
            or claim.extra.get("read_as") or ("" if claim.extra.get("has_year") else str(real.year))
        note = f" (reading it as {assumed})" if assumed else ""
        ctx.report(rule, ctx.span(wstart, wend),
                   f'"{claim.text}" (line {claim.line}): {ctx.text[date_start:date_end]}{note} is a '
                   f"{calendar.day_name[real.weekday()]}, not a {claim.weekday}",
                   [ctx.span(date_start, date_end)])


_YEAR_CUE = regex.compile(r"\b(?:(?P<year>1[89]\d\d|20\d\d)|(?P<when>last|next)\s+year)\b", regex.IGNORECASE)


def _named_year_fits(ctx: Context, claim, real: dt.date) -> bool:
    """A date written without its year takes the reference date's, unless its sentence
    names another ("The 2023 final, on Saturday 3 June", "Last year's bonfire night, on
    Sunday 5 November") or the draft names the month's ("next June"): whether the
    weekday fits a year so named."""
    if claim.extra.get("has_year") or claim.extra.get("read_as"):
        return False
    years = [int(m.group("year")) if m.group("year") else real.year + (1 if m.group("when").lower() == "next" else -1)
             for m in _YEAR_CUE.finditer(ctx.text, *sentence_around(ctx.text, claim.start, claim.end))]
    # "... two nights at Kingsbridge Stadium next June. ... The tour opens on Wednesday 1
    # June": the draft names the month's year anywhere.
    month = calendar.month_name[real.month]
    years += [real.year + (1 if m.group(1).lower() == "next" else -1)
              for m in regex.finditer(rf"\b(next|last)\s+{month}\b", ctx.text, regex.IGNORECASE)]
    for year in years:
        try:
            if calendar.day_name[real.replace(year=year).weekday()] == claim.weekday:
                return True
        except ValueError:  # 29 February
            continue
    return False


# How far ahead or back a date without a year may be the coming or the past one: half a year.
_NEAR = dt.timedelta(days=183)


@cache
def _past_cue_of(words: tuple[str, ...]):
    # a past tense: a listed word, or "-ed" not after a form of "be" ("is scheduled")
    return regex.compile(rf"\b(?:{'|'.join(words)})\b|(?<!\b(?:is|are|be|been|being)\s+)\b[a-z]{{3,}}ed\b", regex.IGNORECASE)


def _past_cue(rule: Rule):
    return _past_cue_of(tuple(rule.params.get("past_cues", ())))


def _nearer_year_fits(ctx: Context, claim, real: dt.date, past_cue) -> bool:
    """A date without a year may be the coming one when it is more than half a year
    behind the reference date in its year ("The report is due on Thursday 9 January",
    written in November), or last year's when it is still to come in that year and its
    sentence is told in the past tense ("was launched on Wednesday 1 September", "On
    Thursday 7 October, the council announced ...", written in March): when the weekday
    fits it."""
    if claim.extra.get("has_year") or claim.extra.get("read_as") or ctx.reference is None:
        return False
    try:
        if real > ctx.reference and past_cue.search(ctx.text, *sentence_around(ctx.text, claim.start, claim.end)):
            nearer = real.replace(year=real.year - 1)
        elif real < ctx.reference - _NEAR:
            nearer = real.replace(year=real.year + 1)
            if nearer - ctx.reference > _NEAR:
                return False
        else:
            return False
    except ValueError:  # 29 February
        return False
    return calendar.day_name[nearer.weekday()] == claim.weekday


@check("invalid-date")
def invalid_date(rule: Rule, ctx: Context) -> None:
    for claim in ctx.claims:
        if claim.kind != "date" or claim.valid is not False:
            continue
        if "day_end" in claim.extra:
            why = "the range ends before it starts"
        else:
            month = int(claim.date[-5:-3]) if claim.date else 0
            if 1 <= month <= 12:
                year = claim.date[:4] if claim.date and not claim.date.startswith("--") else None
                days = calendar.monthrange(int(year) if year else 2000, month)[1]
                when = f"{calendar.month_name[month]} {year}" if year else calendar.month_name[month]
                why = f"{when} has {days} days"
            else:
                why = "there is no such month"
        ctx.report(rule, ctx.span(claim.start, claim.end),
                   f'"{claim.text}" (line {claim.line}) is not a real date: {why}')
