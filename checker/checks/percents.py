"""percent-mismatch: a percentage at odds with the figures it describes."""
from __future__ import annotations

import regex

from ..engine import Context, Rule, check
from ..format_numbers import fmt
from ..rounding import half_place

_FALL = regex.compile(r"\b(?:fell|fall|falls|falling|drop|dropped|drops|down|declin\w*|decrease\w*|cut|"
                      r"lower|slump\w*|shrank|shrink\w*|plunge\w*|loss|lost|reduc\w*)\b", regex.IGNORECASE)
_FROM = regex.compile(r"[^.;!?]{0,30}?\bfrom\s+$", regex.IGNORECASE)
_TO = regex.compile(r"\s+to\s+$", regex.IGNORECASE)
_OF = regex.compile(r"\s+of\s+(?:the\s+)?$", regex.IGNORECASE)
_RESTATED = regex.compile(r"[^.;!?]{0,20}?(?:[—–(:]|,\s*(?:or|that\s+is|i\.e\.)?)\s*(?:or\s+|some\s+|about\s+)?$",
                          regex.IGNORECASE)
_CHANGE_OF = regex.compile(r"[^.;!?]{0,30}?\b(?:rise|increase|jump|growth|gain|fall|drop|decline|decrease|cut|"
                           r"loss|up|down)\s+(?:of\s+|by\s+)?(?:some\s+|about\s+|nearly\s+|almost\s+)?$",
                           regex.IGNORECASE)


def _precision(pct) -> float:
    """Half the place of a percentage's last written digit ("12.5%" is ±0.05); a
    percentage in words ("five per cent") is taken to the unit."""
    return half_place(pct, zeros_count=True) or 0.5


def _bounds(claim):
    return (claim.low if claim.low is not None else claim.value,
            claim.high if claim.high is not None else claim.value)


@check("percent-mismatch")
def percent_mismatch(rule: Rule, ctx: Context) -> None:
    tolerance = rule.params.get("absolute_tolerance_points", 0.5)
    claims = ctx.claims
    for i, pct in enumerate(claims):
        if pct.kind != "percent" or pct.unit != "percent" or pct.value is None or pct.hedge:
            continue
        window = claims[i + 1:i + 3]
        if len(window) == 2 and _changes(ctx, pct, *window, rule, tolerance):
            continue
        if len(window) >= 1:
            _share(ctx, pct, window, rule, tolerance)
    _change_after(ctx, rule, tolerance)


def _comparable(a, b) -> bool:
    return a.kind == b.kind and a.unit == b.unit and a.kind in ("money", "number", "quantity") \
        and a.value is not None and b.value is not None and a.value != 0


def _changes(ctx, pct, a, b, rule, tolerance) -> bool:
    """"rose 76% from $639m to $1.13bn"."""
    if not (_comparable(a, b) and _FROM.fullmatch(ctx.text, pct.end, a.start)
            and _TO.fullmatch(ctx.text, a.end, b.start)):
        return False
    _judge_change(ctx, rule, tolerance, pct, a, b)
    return True


def _change_after(ctx, rule, tolerance) -> None:
    """"from $639m to $1.13bn, a rise of 76%"."""
    claims = ctx.claims
    for i in range(len(claims) - 2):
        a, b, pct = claims[i:i + 3]
        if pct.kind != "percent" or pct.unit != "percent" or pct.hedge or not _comparable(a, b):
            continue
        before_a = ctx.text[max(0, a.start - 6):a.start].lower()
        if "from" in before_a and _TO.fullmatch(ctx.text, a.end, b.start) \
                and _CHANGE_OF.fullmatch(ctx.text, b.end, pct.start):
            _judge_change(ctx, rule, tolerance, pct, a, b)


def _judge_change(ctx, rule, tolerance, pct, a, b) -> None:
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    changes = [(y - x) / x * 100 for x in (a_low, a_high) for y in (b_low, b_high) if x]
    sentence = ctx.text[max(0, pct.start - 40):b.end]
    falling = bool(_FALL.search(sentence))
    stated = -pct.value if falling else pct.value
    slack = _precision(pct) + tolerance
    if min(changes) - slack <= stated <= max(changes) + slack:
        return
    actual = (b.value - a.value) / a.value * 100
    ctx.report(rule, ctx.span(pct.start, pct.end),
               f'"{pct.text}" (line {pct.line}) does not match the change from "{a.text}" to "{b.text}": '
               f"that is {'a rise' if actual >= 0 else 'a fall'} of {abs(actual):.1f}%",
               [ctx.span(a.start, a.end), ctx.span(b.start, b.end)])


def _share(ctx, pct, window, rule, tolerance) -> None:
    """"25% of 12,000 — 6,000"."""
    whole = window[0]
    if whole.kind not in ("number", "money", "quantity") or whole.value is None \
            or not _OF.fullmatch(ctx.text, pct.end, whole.start) or len(window) < 2:
        return
    part = window[1]
    if part.kind != whole.kind or part.unit != whole.unit or part.value is None \
            or not _RESTATED.fullmatch(ctx.text, whole.quote_end, part.quote_start):
        return
    w_low, w_high = _bounds(whole)
    p_low, p_high = _bounds(part)
    slack = (_precision(pct) + tolerance) / 100
    lowest, highest = (pct.value / 100 - slack) * w_low, (pct.value / 100 + slack) * w_high
    if p_high < lowest or p_low > highest:
        ctx.report(rule, ctx.span(pct.start, pct.end),
                   f'"{pct.text} of {whole.text}" (line {pct.line}) is {fmt(round(pct.value / 100 * whole.value, 2))}, '
                   f'not "{part.text}"',
                   [ctx.span(whole.start, whole.end), ctx.span(part.start, part.end)])
