"""percent-mismatch: a percentage at odds with the figures it describes."""
from __future__ import annotations

import bisect
from collections import defaultdict

import regex

from ..engine import Context, Rule, check
from ..format_numbers import fmt
from ..rounding import half_place
from ..sentences import sentence_end, sentence_start
from .directions import THEN_FROM, TO, change_words, direction_of

# A fall, or a loss, which is a fall of profit ("... with the loss of 310 jobs").
_FALL = change_words("fall", extra=("loss", "lost"))

_FROM = regex.compile(r"[^.;!?]{0,30}?\bfrom\s+$", regex.IGNORECASE)
# "3,000 of the 12,000 fans, or 25%", "3,000 out of 12,000 (25%)"
_OF_WHOLE = regex.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?$", regex.IGNORECASE)
_THEN_SHARE = regex.compile(r"[^.;!?()\d]{0,40}?(?:,\s*or|\(|\s[—–]|,\s*(?:that\s+is|i\.e\.))\s*$", regex.IGNORECASE)
# "Turnout was 55%, with 12,345 of the 22,450 voters casting a ballot"
_WITH = regex.compile(r",?\s*with\s+$", regex.IGNORECASE)
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
    judged = set()  # the percentages whose levels a pattern below found (by id)
    for i, pct in enumerate(claims):
        if not _plain_percent(pct):
            continue
        window = claims[i + 1:i + 3]
        if len(window) == 2 and (_changes(ctx, pct, *window, rule, tolerance)
                                 or _changes_to_from(ctx, pct, *window, rule, tolerance)):
            judged.add(id(pct))
            continue
        if len(window) >= 1:
            _share(ctx, pct, window, rule, tolerance)
    judged |= _change_after(ctx, rule, tolerance)
    _change_in_sentence(ctx, rule, tolerance, judged)
    _amount_and_percent(ctx, rule, tolerance)
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


def _change_after(ctx, rule, tolerance) -> set[int]:
    """"from $639m to $1.13bn, a rise of 76%"; the ids of the percentages judged."""
    claims = ctx.claims
    judged = set()
    for i in range(len(claims) - 2):
        a, b, pct = claims[i:i + 3]
        if not _plain_percent(pct) or not _comparable(a, b):
            continue
        before_a = ctx.text[max(0, a.start - 6):a.start].lower()
        if "from" in before_a and (TO.fullmatch(ctx.text, a.end, b.start) or _NOUN_TO.fullmatch(ctx.text, a.quote_end, b.start)) \
                and (_CHANGE_OF.fullmatch(ctx.text, b.end, pct.start)
                     or _A.fullmatch(ctx.text, b.end, pct.start) and _said_change(ctx.text, pct)):
            _judge_levels(ctx, rule, tolerance, pct, a, b)
            judged.add(id(pct))
    for first, second in zip(claims, claims[1:]):
        if _points(second) and first.unit == "percent" and _from_range(first, ctx.text) \
                and _CHANGE_OF.fullmatch(ctx.text, first.end, second.start):
            _judge_points(ctx, rule, tolerance, second, first)  # "from 22% to 35%, a rise of 13 percentage points"
        elif _plain_percent(second) and _from_range(first, ctx.text) and _CHANGE_OF.fullmatch(ctx.text, first.end, second.start):
            _judge_range(ctx, rule, tolerance, second, first)  # "went from 2,000 to 3,000, a rise of 50%"
            judged.add(id(second))
        elif _plain_percent(first) and _from_range(second, ctx.text) and ctx.text[first.end:second.start].isspace():
            _judge_range(ctx, rule, tolerance, first, second)  # "rose 50% from 2,000 to 3,000"
            judged.add(id(first))
    return judged


# "from 240,000 to 180,000, a 25% reduction": the change named after its percentage
_A = regex.compile(r"\s*,\s*(?:a|an)\s+", regex.IGNORECASE)
# "from 240,000 cars a year to 180,000": the first level's noun and period before "to"
_NOUN_TO = regex.compile(r"(?:\s+(?:a|an|per|each)\s+(?:year|month|week|day))?\s+to\s+", regex.IGNORECASE)
# A percentage that says a change: "up 28%", "grew by 28%", "an increase of 28%", "a 28%
# rise", "28% higher than".
_CHANGE_WORD_BEFORE = regex.compile(r"\b(\p{L}+)\s+(?:of\s+|by\s+)?(?:some\s+|about\s+|nearly\s+|almost\s+|just\s+)?$",
                                    regex.IGNORECASE)
_CHANGE_WORD_AFTER = regex.compile(r"\s+(\p{L}+)\b", regex.IGNORECASE)
_HIGHER, _LOWER = regex.compile(r"higher|more|up", regex.I), regex.compile(r"lower|less|down", regex.I)
# The earlier level of a change: "from £200m", "on last year's £200m", "than the 1.2
# million", "compared with £200m", "(2003: £200m)"; not "compared with forecasts of £118m".
_OLD_BEFORE = regex.compile(
    r"(?:\b(?:from|on|than|against|versus|compared\s+(?:with|to))\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?:last|the\s+previous|a\s+year\s+earlier|the\s+same\s+period)\s+(?:year|quarter|month|week)?['’]s\s+)?"
    r"|\(\s*(?:19|20)\d\d\s*:\s*)$", regex.IGNORECASE)
_OLD_AFTER = regex.compile(r"\s+(?:a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|year\s+before)\b)", regex.IGNORECASE)
# "increased by 12,500 from last year's 100,000": the size of the change, not a level.
_BY_BEFORE = regex.compile(r"\bby\s+(?:(?:about|around|some|nearly|almost|more\s+than|just\s+over|just\s+under)\s+)?$",
                           regex.IGNORECASE)
# A clause of its own: "fell by 6.3% over the year, as the cost of petrol dropped from
# €1.79 to €1.66" gives the change of another thing.
_OTHER_CLAUSE = regex.compile(r";|,\s*(?:as|while|whereas|but|and|with)\b|\s(?:while|whereas|but)\s", regex.IGNORECASE)


def _said_change(text: str, pct) -> str | None:
    """"rise" or "fall" when the words right by a percentage say it is a change."""
    before = _CHANGE_WORD_BEFORE.search(text, max(0, pct.quote_start - 40), pct.quote_start)
    after = _CHANGE_WORD_AFTER.match(text, pct.quote_end)
    return next((d for m in (before, after) if m and (d := _direction(m.group(1)))), None)


def _direction(word: str) -> str | None:
    """A change's word, or a comparison's ("28% higher than", "up 24p")."""
    return "rise" if _HIGHER.fullmatch(word) else "fall" if _LOWER.fullmatch(word) else direction_of(word)


def _change_in_sentence(ctx, rule, tolerance, judged: set[int]) -> None:
    """A percentage change and the two levels its sentence gives, in any order, the
    earlier one marked ("Pre-tax profits were £236m, up 18% on last year's £200m", "Sales
    of 1.5 million were 25% higher than the 1.2 million sold last year", "rose from 170p
    to 194p, a 14% increase"): only when the sentence has no other percentage and no
    other figure of their kind and unit, all three stand in one clause, and the levels
    are within a factor of ten (not "the top 100 tours ... up 10% on 2003") and neither
    is the change itself ("increased by 12,500 from last year's 100,000")."""
    text = ctx.text
    starts = [c.start for c in ctx.claims]  # in text order: a sentence's claims by bisection
    for pct in ctx.claims:
        if id(pct) in judged or not _plain_percent(pct) or (direction := _said_change(text, pct)) is None:
            continue
        start, end = sentence_start(text, pct.start), sentence_end(text, pct.end)
        in_sentence = ctx.claims[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        if any(c.kind == "percent" and c is not pct for c in in_sentence):
            continue
        by_unit = defaultdict(list)
        for c in in_sentence:
            if c.kind in ("money", "number", "quantity") and not _a_year(c):
                by_unit[c.kind, c.unit].append(c)
        if len(by_unit) != 1:
            continue
        [levels] = by_unit.values()
        first, last = min(pct.start, levels[0].start), max(pct.end, levels[-1].end)
        if _OTHER_CLAUSE.search(text, first, last):
            continue
        if len(levels) == 1 and _from_range(levels[0], text):  # "rose from 170p to 194p, a 14% increase"
            _judge_range(ctx, rule, tolerance, pct, levels[0], falling=direction == "fall")
        if len(levels) != 2 or not _comparable(*levels) or not levels[1].value \
                or not 0.1 <= levels[0].value / levels[1].value <= 10 \
                or any(_BY_BEFORE.search(text, max(0, c.quote_start - 20), c.quote_start) for c in levels):
            continue
        old = [c for c in levels if _OLD_BEFORE.search(text, max(0, c.quote_start - 40), c.quote_start)
               or _OLD_AFTER.match(text, c.quote_end)]
        if len(old) == 1:
            new = next(c for c in levels if c is not old[0])
            _judge_levels(ctx, rule, tolerance, pct, old[0], new, falling=direction == "fall")


def _a_year(claim) -> bool:
    """"up 10% on 2003": a year read as a number."""
    return claim.kind == "number" and claim.subject is None and claim.text.isdigit() and len(claim.text) == 4 \
        and 1900 <= claim.value <= 2100


# "up 24p, or 17%, at 165p", "fell 20p (12%) to 150p": the change, its percentage and
# the level it came to.
_AT_LEVEL = regex.compile(r"\)?,?\s+(?:at|to)\s+$", regex.IGNORECASE)


def _amount_and_percent(ctx, rule, tolerance) -> None:
    text = ctx.text
    for amount, pct, level in zip(ctx.claims, ctx.claims[1:], ctx.claims[2:]):
        if not (_plain_percent(pct) and _comparable(amount, level) and _OR.fullmatch(text, amount.quote_end, pct.quote_start)
                and _AT_LEVEL.fullmatch(text, pct.quote_end, level.quote_start)):
            continue
        m = _CHANGE_WORD_BEFORE.search(text, max(0, amount.quote_start - 40), amount.quote_start)
        direction = m and _direction(m.group(1))
        if direction is None:
            continue
        sign = -1 if direction == "rise" else 1
        before = tuple(v + sign * amount.value for v in _level(level))
        if min(before) <= 0:
            continue
        _judge_change(ctx, rule, tolerance, pct, before, _level(level),
                      f'a change of "{amount.text}" to "{level.text}"', [ctx.span(amount.start, amount.end), ctx.span(level.start, level.end)],
                      falling=direction == "fall")


def _level(claim) -> tuple:
    """A level's value and the interval its rounding or hedge allows."""
    return (claim.value, *_bounds(claim))


def _judge_change(ctx, rule, tolerance, pct, before, after, what, related, falling: bool | None = None) -> None:
    """``before``/``after``: (value, low, high) of the levels either side of the change
    that ``what`` describes; ``falling``, when known, whether it is said to be a fall."""
    changes = [(y - x) / x * 100 for x in before[1:] for y in after[1:] if x]
    if falling is None:
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


def _judge_levels(ctx, rule, tolerance, pct, a, b, falling: bool | None = None) -> None:
    """Two figures: "from $639m to $1.13bn"."""
    _judge_change(ctx, rule, tolerance, pct, _level(a), _level(b), f'the change from "{a.text}" to "{b.text}"',
                  [ctx.span(a.start, a.end), ctx.span(b.start, b.end)], falling)


def _from_range(claim, text: str) -> bool:
    """"went from 2,000 to 3,000" is read as a range; with a percentage change next to
    it, its ends are the levels before and after."""
    return claim.value is None and claim.low is not None and claim.high is not None and claim.low > 0 \
        and (claim.text[:5].lower() == "from " or text[max(0, claim.start - 5):claim.start].lower() == "from ")


def _points(claim) -> bool:
    return claim.kind == "percent" and claim.unit == "percentage_point" and claim.value is not None and not claim.hedge


def _judge_points(ctx, rule, tolerance, points, r) -> None:
    """"from 22% to 35%, a rise of 13 percentage points": the gap between the two
    shares, to the precision each is written to."""
    gap = abs(r.high - r.low)
    if abs(gap - points.value) < _precision(points) + 2 * _precision(r) + tolerance:
        return
    ctx.report(rule, ctx.span(points.start, points.end),
               f'"{points.text}" (line {points.line}) does not match the change "{r.text}": '
               f"that is {fmt(round(gap, 2))} percentage points", [ctx.span(r.start, r.end)])


def _judge_range(ctx, rule, tolerance, pct, r, falling: bool | None = None) -> None:
    _judge_change(ctx, rule, tolerance, pct, (r.low,) * 3, (r.high,) * 3, f'the change "{r.text}"',
                  [ctx.span(r.start, r.end)], falling)


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
        elif _plain_percent(y) and _OR.fullmatch(ctx.text, x.quote_end, y.start) \
                and _THEN_OF_WHOLE.fullmatch(ctx.text, y.end, z.start):
            part, pct, whole = x, y, z  # "12,345 votes, or 55%, of the 22,450 cast"
        elif _plain_percent(x) and _WITH.fullmatch(ctx.text, x.end, y.start) and _OF_WHOLE.fullmatch(ctx.text, y.end, z.start):
            pct, part, whole = x, y, z  # "Turnout was 55%, with 12,345 of the 22,450 voters ..."
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
