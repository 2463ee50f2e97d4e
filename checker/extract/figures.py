"""Turns number mentions into claims: a measure's kind and unit, ranges, hedges and
the counted subject."""
from __future__ import annotations

import regex

from ..model import Claim
from . import ages, money, percents, quantities
from .counted import counted_phrase
from .hedges import Hedge, change_before, hedge_after, hedge_before
from .measure import Measure
from .numbers import SCALES, Num, digits_value
from .patterns import TIMEOUT

# Order matters: "£5m" is money before it is anything else, "69 years old" an age
# before it is a duration.
_MEASURES = (money.match, percents.match, ages.match, quantities.match)

# "8- to 16-meter": a suspended hyphen before "to" is part of the joiner.
_JOINER = regex.compile(r"\s*(?:-\s*to|-|–|—|~|up\s+to|to|through|and|or)\s*", regex.IGNORECASE)
_RANGE_OPENER = regex.compile(r"(?<![\w])(between|from)\s+$", regex.IGNORECASE)
_AGED_BEFORE = regex.compile(r"(?<![\w])aged\s+$", regex.IGNORECASE)
# After a number only a unit, a scale or a suffix may stick to it; "60s", "3D", "1st" are not counts,
# and neither is a number that owns something: "Radio 4's", "OAO-1's", "one's".
_GLUED = regex.compile(r"[A-Za-z0-9]|['’]s\b")
_SCALE_WORD = regex.compile(rf"\b(?:{'|'.join(SCALES)})\b", regex.IGNORECASE)
_CODE_TAIL = regex.compile(r"\d[-–/]$")
# "a Boeing 737-800", "Barbarians 19-47 New Zealand", "Luczak 7-6 (7-5) 4-6 6-3": a figure
# pair after a name (a sentence's first word only with a name after the pair too: "Ages
# 18-24 are") or among other pairs is a model or a score.
_NAME_BEFORE = regex.compile(r"\b[A-Z][\w'’]*\s$")
_FIRST_WORD_BEFORE = regex.compile(r"(?:^|[.!?:\n]\s*)[A-Z][\w'’]*\s$")
_NAME_AFTER = regex.compile(r"\s[A-Z]")
_PAIR_BEFORE = regex.compile(r"\d[-–]\d+\)?\s\(?$")
_PAIR_AFTER = regex.compile(r"\s\(?\d+[-–]\d")
_RANK_BEFORE = regex.compile(r"(?<![\w])(?:number|No\.?)\s+$", regex.IGNORECASE)
_TIME_OR_CODE = regex.compile(r"[:/]\d|\s*(?:am|pm|a\.m\.|p\.m\.|GMT|BST)(?![\w])", regex.IGNORECASE)


def measure_of(text: str, num: Num, floor: int = 0) -> Measure | None:
    """The figure's measure, from nothing before ``floor``: a currency sign that the
    claim before has read is not this figure's too ("10 $ 30 $" is two amounts)."""
    for match in _MEASURES:
        measure = match(text, num, floor) if match is money.match else match(text, num)
        if measure is not None and measure.start >= floor:
            return measure
    return None


def build(text: str, nums: list[Num]) -> list[Claim]:
    measures = [measure_of(text, n) for n in nums]
    if any(n.needs_unit for n in nums):
        kept = [(n, m) for n, m in zip(nums, measures) if not n.needs_unit or m is not None and m.kind == "quantity"]
        nums, measures = [n for n, _ in kept], [m for _, m in kept]
    claims: list[Claim] = []
    i = 0
    while i < len(nums):
        if claims and nums[i].start < claims[-1].end:
            i += 1  # read as part of the claim before ("4e14 s-1", "one dollar and one")
            continue
        if claims and measures[i] is not None and measures[i].start < claims[-1].end:
            measures[i] = measure_of(text, nums[i], claims[-1].end)
        claim, used = _tolerance(text, nums, measures, i) or _range(text, nums, measures, i) \
            or _single(text, nums[i], measures[i])
        if claim is not None:
            claims.append(claim)
        i += used
    return _bounded_ranges(text, claims)


# "more than 100 and fewer than 300": a floor and a ceiling joined make one range.
_BOUNDS_JOINER = regex.compile(r"\s*(?:,|,?\s*(?:and|but))\s*", regex.IGNORECASE)


def _bounded_ranges(text: str, claims: list[Claim]) -> list[Claim]:
    out: list[Claim] = []
    for claim in claims:
        prior = out[-1] if out else None
        if prior is not None and _one_sided(prior) and _one_sided(claim) \
                and _BOUNDS_JOINER.fullmatch(text, prior.end, claim.start, timeout=TIMEOUT):
            low = prior.low if prior.low is not None else claim.low
            high = prior.high if prior.high is not None else claim.high
            if low is not None and high is not None and low < high:
                merged = Claim("range", text[prior.start:claim.end], prior.start, claim.end,
                               low=low, high=high, hedge=f"{prior.hedge}, {claim.hedge}",
                               subject=claim.subject, quote_start=prior.quote_start,
                               quote_end=claim.quote_end)
                out[-1] = merged
                continue
        out.append(claim)
    return out


def _one_sided(claim: Claim) -> bool:
    return claim.kind == "number" and claim.hedge is not None and (claim.low is None) != (claim.high is None)


def _single(text: str, num: Num, measure: Measure | None) -> tuple[Claim | None, int]:
    if measure is None:
        end = num.end
        if end < len(text) and _GLUED.match(text, end) or _TIME_OR_CODE.match(text, end):
            return None, 1
        if num.start > 0 and text[num.start - 1] in ":" or _CODE_TAIL.search(text, max(0, num.start - 2), num.start):
            return None, 1  # "2:00"; the "03" of "2001-03" once the date took "2001"
        measure = Measure("number", num.start, num.end)
    value = measure.value if measure.value is not None else num.value
    claim = Claim(kind=measure.kind, text=text[measure.start:measure.end], start=measure.start,
                  end=measure.end, value=value, unit=_unit(measure), extra=dict(measure.extra))
    if num.written == "fraction":
        claim.extra["fraction"] = True
    _hedge(text, claim, value - num.precision, value + num.precision)
    return claim, 1


_PLUS_MINUS = regex.compile(r"\s*(?:±|\+/[-−])\s*")


def _tolerance(text: str, nums: list[Num], measures: list, i: int):
    """"2,000.45±0.01 pounds", "5.2 +/- 0.3": a figure and its stated margin, the unit
    written once after the margin or after both."""
    if i + 1 >= len(nums):
        return None
    a, b = nums[i], nums[i + 1]
    ma, mb = measures[i], measures[i + 1]
    gap = text[ma.end if ma else a.end:b.start]
    if "±" not in gap and "+/" not in gap or not _PLUS_MINUS.fullmatch(gap, timeout=TIMEOUT):
        return None
    if ma and not (mb and ma.kind == mb.kind and ma.unit == mb.unit) or mb and mb.start != b.start \
            or mb and mb.value is not None or b.value < 0:
        return None
    end = mb.end if mb else b.end
    if not mb and (end < len(text) and _GLUED.match(text, end)):
        return None
    claim = Claim(kind=mb.kind if mb else "number", text=text[a.start:end], start=a.start, end=end,
                  value=a.value, unit=_unit(mb), extra=dict(mb.extra) if mb else {})
    _hedge(text, claim, a.value - b.value, a.value + b.value)
    return claim, 2


def _range(text: str, nums: list[Num], measures: list, i: int):
    if i + 1 >= len(nums):
        return None
    a, b = nums[i], nums[i + 1]
    ma, mb = measures[i], measures[i + 1]
    if ma and ma.kind == "age" and ma.end == a.end and 0 < b.value <= 130 and _years_or_none(mb, b):
        # "aged 18 to 24", "aged 11 to 16 years": an age's unit written once, or as a duration
        mb = Measure("age", b.start, mb.end if mb else b.end, unit=mb.unit if mb else ma.unit, extra=dict(ma.extra))
    a_end = ma.end if ma else a.end
    # "£3m-£4m", "$24-$26": the joiner runs up to the second figure's currency sign.
    b_start = mb.start if mb else b.start
    b_value = b.value
    if _dash_not_sign(text, a, b, ma, mb, a_end):
        b_start, b_value = b.start + 1, -b.value
    joiner = _JOINER.fullmatch(text, a_end, b_start, timeout=TIMEOUT)
    if not joiner:
        return None
    word = " ".join(joiner.group(0).lower().split())
    opener = _RANGE_OPENER.search(text, max(0, a.start - 9), (ma.start if ma else a.start))
    if word == "up to" and not (opener and opener.group(1).lower() == "from"):
        return None  # "from 1,000 up to 2,000" is a range; "1,000 up to 2,000" two figures
    if b_start < b.start and word not in ("-", "–", "—", "and"):
        return None  # "rose $1.64 to $47.10", "from $639m to $1.13bn": a change and a level
    if word == "and" and not (opener and opener.group(1).lower() == "between"):
        return None
    if word == "or" or word == "to" and not opener and change_before(text, ma.start if ma else a.start):
        return None  # "rose 32,000 to 1.41 million": a change and a level
    if ma and mb and (ma.kind != mb.kind or ma.unit != mb.unit):
        return None
    if ma and not mb:
        return None
    low, high = a.value, b_value
    if mb is not None and mb.value is not None and b.value:  # "50p to 70p", "£10-15m"
        # the second measure's factor applies to the first figure, unless it has its own
        # measure's value or its own scale ("£2.5m-3m")
        factor = 1 if a.precision else mb.value / b.value
        low, high = (ma.value if ma and ma.value is not None else low * factor), mb.value
    # "10 to 12 million": the scale written once applies to both.
    if b.precision and not a.precision and a.written == b.written == "digits" and high / max(abs(low), 1e-9) > 50:
        scale = high / _unscaled(text, b)
        low *= scale
    elif a.written == b.written == "words" and not _SCALE_WORD.search(text, a.start, a.end):
        scale_word = _SCALE_WORD.search(text, b.start, b.end)  # "five to six hundred"
        if scale_word and scale_word.end() == b.end and low < high / SCALES[scale_word.group().lower()]:
            low *= SCALES[scale_word.group().lower()]
    tight_dash = joiner.group(0) in ("-", "–")
    if tight_dash and a.written != b.written and "words" in (a.written, b.written):
        return None  # "7-Eleven": a name; no one writes a range half in digits, half in words
    # "10-12,000 troops", "$50-100,000": the thousands written once, on the second figure.
    if tight_dash and a.written == b.written == "digits" and text.endswith(",000", b.start, b.end) \
            and float(low).is_integer() and 0 < low < high / 1000:
        low *= 1000
    if tight_dash and not ma and not mb and (not low < high or _looks_like_code(text, a, b)
                                              or _looks_like_score(text, a, b)):
        return None, 2  # "won 3-1" is a score, "2004-05" a season, "1995-01" a month: no figures
    if ma and mb and high < low < 0:  # "-18 °C to -34 °C": negative measures listed by size
        low, high = high, low
    if not low < high:
        return None
    # A count's range covers "from"; a measure's, as in quantulum3, only "between".
    if opener and mb and opener.group(1).lower() == "from":
        opener = None
    start = opener.start(1) if opener else (ma.start if ma else a.start)
    end = mb.end if mb else b.end
    if not mb and (end < len(text) and _GLUED.match(text, end) or _TIME_OR_CODE.match(text, end)):
        return None  # "4-6pm", "4 - 6:30 pm": the second figure is part of a time
    kind = mb.kind if mb else "range"
    if kind == "range" and _AGED_BEFORE.search(text, max(0, start - 8), start):
        kind, mb = "age", Measure("age", b.start, b.end, unit="year", extra={"person": None})  # "aged between 18 and 24"
    claim = Claim(kind=kind, text=text[start:end], start=start, end=end, value=None,
                  unit=_unit(mb) if mb else None, extra=dict(mb.extra) if mb else {})
    # A range states its own ends: "5k-20k" is 5,000-20,000, and "about 20-100" is
    # already as loose as the writer meant it, so an approximate hedge is only recorded.
    claim.low, claim.high = low, high
    claim.quote_start, claim.quote_end = start, end
    hedge = hedge_before(text, start)
    if hedge:
        claim.hedge = hedge.phrase
        if hedge.kind != "approximate":
            claim.low, claim.high = hedge.interval(claim.low, claim.high)
        claim.quote_start = hedge.start
    _subject(text, claim)
    return claim, 2


def _years_or_none(measure: Measure | None, num: Num) -> bool:
    return measure is None or measure.kind == "quantity" and measure.start == num.start \
        and measure.unit in ("year", "month", "week", "day")


def _dash_not_sign(text: str, a: Num, b: Num, ma, mb, a_end: int) -> bool:
    """"75 -300mm": a hyphen spaced from the first figure only, before the second's
    unit, is a range's dash when the figures then rise, and so is one spaced on both
    sides between two counts ("20 - 30 people") or one right between two like measures
    ("5%-10%"); "FTSE 100 -0.5%" and a golfer's "68 -4" keep their sign."""
    if text[b.start] not in "-–" or not 0 <= a.value < -b.value:
        return False
    if ma is not None:
        return a_end == b.start and mb is not None and mb.start == b.start and (ma.kind, ma.unit) == (mb.kind, mb.unit)
    if not (a_end < b.start and text[a_end:b.start].isspace()):
        return False
    if mb is None:
        return text[b.start + 1:b.start + 2].isspace()
    return mb.value is None and mb.start == b.start


def _unscaled(text: str, num: Num) -> float:
    m = regex.match(r"[-−–]?[\d,.\s\u00a0\u202f]*\d", text[num.start:num.end])
    return digits_value(m.group(0)) or 1.0


def _looks_like_code(text: str, a: Num, b: Num) -> bool:
    # "1995-01", "+1-222-2222": zero-padded or phone-like runs are not ranges.
    second = text[b.start:b.end]
    return second.startswith("0") and len(second) > 1 or a.start > 0 and text[a.start - 1] in "+-"


def _looks_like_score(text: str, a: Num, b: Num) -> bool:
    if _PAIR_BEFORE.search(text, max(0, a.start - 12), a.start) or _PAIR_AFTER.match(text, b.end, b.end + 12):
        return True
    if not _NAME_BEFORE.search(text, max(0, a.start - 30), a.start):
        return False
    return not _FIRST_WORD_BEFORE.search(text, max(0, a.start - 32), a.start) or bool(_NAME_AFTER.match(text, b.end))


def _unit(measure: Measure | None) -> str | None:
    if measure is None or measure.unit is None:
        return None
    if measure.kind == "quantity":
        return quantities.canonical(measure.unit)
    return measure.unit


def _hedge(text: str, claim: Claim, low: float, high: float) -> None:
    """Applies the hedge around a single figure and records what it counts."""
    claim.low, claim.high = low, high
    claim.quote_start, claim.quote_end = claim.start, claim.end
    spans = _hedges(hedge_before(text, claim.start), hedge_after(text, claim.end))
    if spans:
        hedge = spans[0]
        claim.hedge = " ".join(h.phrase for h in spans)
        # A bound is the figure as stated: "more than 3 million" is over 3,000,000, not
        # over the 2,500,000 that "3 million" rounds from.
        claim.low, claim.high = hedge.interval(*((claim.value, claim.value) if hedge.one_sided else (low, high)))
        first, last = min(h.start for h in spans), max(h.end for h in spans)
        if claim.kind == "number":
            # A count's span is the whole asserted figure, hedge included
            # ("more than thirty"); a measure's span is the measure itself.
            claim.start, claim.end = min(claim.start, first), max(claim.end, last)
            claim.text = text[claim.start:claim.end]
        claim.quote_start = min(claim.quote_start, first)
        claim.quote_end = max(claim.quote_end, last)
    _subject(text, claim)


def _hedges(before: Hedge | None, after: Hedge | None) -> list[Hedge]:
    """The hedges a figure keeps, the one that sets its interval first.

    "more than 5000 or equal to" keeps both with the first's interval; "equal to
    5000 or less" and "about 500 or more" take the interval from the one after, and
    an approximation before a bound is dropped (the bound is what is asserted)."""
    if after is not None and after.kind == "inclusive":
        return [before, after] if before is not None and before.one_sided else []
    if before is None or after is None:
        return [h for h in (before, after) if h is not None]
    if before.kind == "exact":
        return [after, before]
    if before.kind == "approximate" and after.one_sided:
        return [after]
    return [before]


def _subject(text: str, claim: Claim) -> None:
    if claim.kind == "age":
        claim.subject = claim.extra.get("person")
        return
    # A share ("one in three Turks", "two thirds of voters") is no count of them, and a
    # rank ("world number five Guillermo Coria", "No 1 seed") counts nothing.
    if claim.kind not in ("number", "range") or claim.extra.get("fraction") \
            or _RANK_BEFORE.search(text, max(0, claim.start - 8), claim.start):
        return
    phrase = counted_phrase(text, claim.end)
    if phrase is not None:
        claim.subject = phrase[0]
        claim.quote_end = phrase[2]
