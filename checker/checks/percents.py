"""percent-mismatch: a percentage at odds with the figures it describes."""
from __future__ import annotations

import regex

from ..engine import Context, Rule, check
from ..format_numbers import fmt
from ..rounding import half_place
from ..sentences import sentence_start
from .directions import THEN_FROM, TO, change_words

# A fall, or a loss, which is a fall of profit ("... with the loss of 310 jobs").
_FALL = change_words("fall", extra=("loss", "lost"))

_FROM = regex.compile(r"[^.;!?]{0,30}?\bfrom\s+$", regex.IGNORECASE)
# "3,000 of the 12,000 fans, or 25%", "3,000 out of 12,000 (25%)"
_OF_WHOLE = regex.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?$", regex.IGNORECASE)
_THEN_SHARE = regex.compile(r"[^.;!?()\d]{0,40}?(?:,\s*or|\(|\s[—–]|,\s*(?:that\s+is|i\.e\.))\s*$", regex.IGNORECASE)
# "3,000, or 25%, of the 12,000 fans"
_OR = regex.compile(r"\s*(?:,\s*or|\()\s*$", regex.IGNORECASE)
# "one in four adults (25%)": a share, what it is a share of, and its percentage
_SHARE_OR = regex.compile(r"(?:\s+[a-z]+){0,2}\s*(?:,\s*or|\()\s*$", regex.IGNORECASE)
_THEN_OF_WHOLE = regex.compile(r"\)?,?\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?$", regex.IGNORECASE)
_OF = regex.compile(r"\s+of\s+(?:the\s+)?$", regex.IGNORECASE)
_RESTATED = regex.compile(r"[^.;!?]{0,20}?(?:[—–(:]|\s-|,\s*(?:or|that\s+is|i\.e\.)?)\s*(?:or\s+|some\s+|about\s+)?$",
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


def _plain_percent(claim) -> bool:
    return claim.kind == "percent" and claim.unit == "percent" and claim.value is not None and not claim.hedge


@check("percent-mismatch")
def percent_mismatch(rule: Rule, ctx: Context) -> None:
    tolerance = rule.params.get("absolute_tolerance_points", 0.5)
    claims = ctx.claims
    for i, pct in enumerate(claims):
        if not _plain_percent(pct):
            continue
        window = claims[i + 1:i + 3]
        if len(window) == 2 and (_changes(ctx, pct, *window, rule, tolerance)
                                 or _changes_to_from(ctx, pct, *window, rule, tolerance)):
            continue
        if len(window) >= 1:
            _share(ctx, pct, window, rule, tolerance)
    _change_after(ctx, rule, tolerance)
    _share_of_part(ctx, rule, tolerance)
    _share_as_percent(ctx, rule, tolerance)


def _comparable(a, b) -> bool:
    return a.kind == b.kind and a.unit == b.unit and a.kind in ("money", "number", "quantity") \
        and a.value is not None and b.value is not None and a.value != 0


def _changes(ctx, pct, a, b, rule, tolerance) -> bool:
    """"rose 76% from $639m to $1.13bn"."""
    if not (_comparable(a, b) and _FROM.fullmatch(ctx.text, pct.end, a.start)
            and TO.fullmatch(ctx.text, a.end, b.start)):
        return False
    _judge_levels(ctx, rule, tolerance, pct, a, b)
    return True


def _changes_to_from(ctx, pct, b, a, rule, tolerance) -> bool:
    """"fell 12% to £4.4bn from £5bn", "rose 50% to £300m, up from £150m"."""
    if not (_comparable(a, b) and TO.fullmatch(ctx.text, pct.end, b.start)
            and THEN_FROM.fullmatch(ctx.text, b.end, a.start)):
        return False
    _judge_levels(ctx, rule, tolerance, pct, a, b)
    return True


def _change_after(ctx, rule, tolerance) -> None:
    """"from $639m to $1.13bn, a rise of 76%"."""
    claims = ctx.claims
    for i in range(len(claims) - 2):
        a, b, pct = claims[i:i + 3]
        if not _plain_percent(pct) or not _comparable(a, b):
            continue
        before_a = ctx.text[max(0, a.start - 6):a.start].lower()
        if "from" in before_a and TO.fullmatch(ctx.text, a.end, b.start) \
                and _CHANGE_OF.fullmatch(ctx.text, b.end, pct.start):
            _judge_levels(ctx, rule, tolerance, pct, a, b)
    for first, second in zip(claims, claims[1:]):
        if _plain_percent(second) and _from_range(first) and _CHANGE_OF.fullmatch(ctx.text, first.end, second.start):
            _judge_range(ctx, rule, tolerance, second, first)  # "went from 2,000 to 3,000, a rise of 50%"
        elif _plain_percent(first) and _from_range(second) and ctx.text[first.end:second.start].isspace():
            _judge_range(ctx, rule, tolerance, first, second)  # "rose 50% from 2,000 to 3,000"


def _level(claim) -> tuple:
    """A level's value and the interval its rounding or hedge allows."""
    return (claim.value, *_bounds(claim))


def _judge_change(ctx, rule, tolerance, pct, before, after, what, related) -> None:
    """``before``/``after``: (value, low, high) of the levels either side of the change
    that ``what`` describes."""
    changes = [(y - x) / x * 100 for x in before[1:] for y in after[1:] if x]
    # (the words of its own sentence: not "... with the loss of 310 jobs. Sales rose 3%")
    start = min(pct.start, related[0].start)
    sentence = ctx.text[max(start - 40, sentence_start(ctx.text, start)):max(pct.end, related[-1].end)]
    falling = bool(_FALL.search(sentence))
    stated = -pct.value if falling else pct.value
    slack = _precision(pct) + tolerance
    if min(changes) - slack <= stated <= max(changes) + slack:
        return
    actual = (after[0] - before[0]) / before[0] * 100
    ctx.report(rule, ctx.span(pct.start, pct.end),
               f'"{pct.text}" (line {pct.line}) does not match {what}: '
               f"that is {'a rise' if actual >= 0 else 'a fall'} of {abs(actual):.1f}%",
               related)


def _judge_levels(ctx, rule, tolerance, pct, a, b) -> None:
    """Two figures: "from $639m to $1.13bn"."""
    _judge_change(ctx, rule, tolerance, pct, _level(a), _level(b), f'the change from "{a.text}" to "{b.text}"',
                  [ctx.span(a.start, a.end), ctx.span(b.start, b.end)])


def _from_range(claim) -> bool:
    """"went from 2,000 to 3,000" is read as a range; with a percentage change next to
    it, its ends are the levels before and after."""
    return claim.value is None and claim.low is not None and claim.high is not None and claim.low > 0 \
        and claim.text[:5].lower() == "from "


def _judge_range(ctx, rule, tolerance, pct, r) -> None:
    _judge_change(ctx, rule, tolerance, pct, (r.low,) * 3, (r.high,) * 3, f'the change "{r.text}"',
                  [ctx.span(r.start, r.end)])


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


def _share_of_part(ctx, rule, tolerance) -> None:
    """"3,000 of the 12,000 fans, or 25%", "3,000, or 25%, of the 12,000 fans": a part
    of a whole and the share it is said to be."""
    claims = ctx.claims
    for i in range(len(claims) - 2):
        x, y, z = claims[i:i + 3]
        if _plain_percent(z) and _OF_WHOLE.fullmatch(ctx.text, x.end, y.start) \
                and _THEN_SHARE.fullmatch(ctx.text, y.end, z.start):
            part, whole, pct = x, y, z
        elif _plain_percent(y) and _OR.fullmatch(ctx.text, x.end, y.start) \
                and _THEN_OF_WHOLE.fullmatch(ctx.text, y.end, z.start):
            part, pct, whole = x, y, z
        else:
            continue
        if not _comparable(part, whole) or part.extra.get("fraction"):
            continue  # "One in four (25%) of the 400 staff" is a share, not a part
        p_low, p_high = _bounds(part)
        w_low, w_high = _bounds(whole)
        if w_low <= 0:
            continue
        slack = _precision(pct) + tolerance
        if p_low / w_high * 100 - slack <= pct.value <= p_high / w_low * 100 + slack:
            continue
        ctx.report(rule, ctx.span(pct.start, pct.end),
                   f'"{pct.text}" (line {pct.line}) does not match "{part.text}" of "{whole.text}": '
                   f"that is {part.value / whole.value * 100:.1f}%",
                   [ctx.span(part.start, part.end), ctx.span(whole.start, whole.end)])


def _share_as_percent(ctx, rule, tolerance) -> None:
    """"3,000 out of 12,000 (25%)", "one in three, or 33%": a share and its percentage.
    A share in words names the nearest simple fraction ("two-thirds (65%)"), so it is
    given the width of the rule's word_share_points either side."""
    for share, pct in zip(ctx.claims, ctx.claims[1:]):
        if not (share.extra.get("fraction") and _plain_percent(pct) and _SHARE_OR.fullmatch(ctx.text, share.end, pct.start)):
            continue
        # A one-sided hedge leaves the share open on that side: "more than half (55%)".
        low = 100 * (share.low or 0)
        high = 100 * (share.high if share.high is not None else 1)
        slack = _precision(pct) + tolerance
        if not any(ch.isdigit() for ch in share.text):
            slack += rule.params.get("word_share_points", 2.5)
        if low - slack <= pct.value <= high + slack:
            continue
        share_is = f"{share.value * 100:.1f}%"
        if share.hedge:
            share_is = f"{share.hedge.lower()} {share_is}"
        ctx.report(rule, ctx.span(pct.start, pct.end),
                   f'"{pct.text}" (line {pct.line}) does not match "{share.text}": that is {share_is}',
                   [ctx.span(share.start, share.end)])
