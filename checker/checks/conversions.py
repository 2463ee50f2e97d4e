"""conversion-mismatch ("10km (3 miles)", checked with pint) and exchange-rate-mismatch
("$19.5m (£14.9m)" where the rest of the draft converts dollars at £0.53)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations, product

import regex

from ..engine import Context, Rule, check
from ..extract.quantities import registry
from ..format_numbers import fmt, sig
from ..model import Claim, Span
from ..rounding import half_place, written_like
from ..rules_data import load
from ..sentences import sentence_around


@check("conversion-mismatch")
def conversion_mismatch(rule: Rule, ctx: Context) -> None:
    tolerance = rule.params.get("relative_tolerance", 0.02)
    for before, claim in zip([None, *ctx.claims], ctx.claims):
        for other in claim.extra.get("conversions", ()):
            if claim.kind != "quantity":
                continue
            if before is not None and before.kind == "quantity" and _COMPOUND.fullmatch(ctx.text, before.end, claim.start):
                # "3 miles and 2½ furlongs (about 5.3km)", "11st 13lb 8oz (76kg)" convert the
                # whole, summed by pint
                whole = _whole(before, claim)
                if whole is not None and other.value is not None:
                    _check_units(rule, ctx, claim, other, [(whole, other.value)], tolerance,
                                 ctx.span(before.start, claim.end))
            elif (one := _A_UNIT_AND.search(ctx.text, max(0, claim.start - 24), claim.start)) \
                    and (whole := _summed(1, one.group(1).lower(), claim)) is not None and other.value is not None:
                # "a mile and four furlongs (2,414m)": one of the larger unit and the rest, as above
                _check_units(rule, ctx, claim, other, [(whole, other.value)], tolerance,
                             ctx.span(one.start(), claim.end))
            elif claim.value is not None and other.value is not None:
                _check_units(rule, ctx, claim, other, [(claim.value, other.value)], tolerance)
            elif _plain_range(claim) and _plain_range(other):  # "10-12km (6-7 miles)": end to end
                _check_units(rule, ctx, claim, other, [(claim.low, other.low), (claim.high, other.high)], tolerance)


_COMPOUND = regex.compile(r"\s*(?:and|,)\s*|\s+")  # "3 miles 2½ furlongs", "11st 13lb 8oz"


def _whole(larger: Claim, smaller: Claim) -> float | None:
    """"3 miles and 2½ furlongs" in furlongs (26.5): a figure in a larger unit and the
    rest in a smaller one, or None when they are no such pair ("5km, 10km (6.2 miles)"
    is a list)."""
    if None in (larger.value, smaller.value) or larger.unit == smaller.unit:
        return None
    return _summed(larger.value, larger.unit, smaller)


def _summed(value: float, unit: str, smaller: Claim) -> float | None:
    """``value`` of a larger ``unit`` and the smaller figure after it, in the smaller
    unit; None when the unit is no larger one of the same kind (or no unit at all)."""
    try:
        one = registry().Quantity(1, unit).to(smaller.unit).magnitude
    except Exception:  # pint: not a unit, or of another dimension
        return None
    return value * one + smaller.value if one > 1 and smaller.value is not None else None


_A_UNIT_AND = regex.compile(r"\b(?:a|an|one)\s+([a-z]+)\s+and\s+$", regex.IGNORECASE)


def _plain_range(claim: Claim) -> bool:
    return claim.value is None and claim.hedge is None and claim.low is not None and claim.high is not None


_TEMPERATURES = ("degree_Celsius", "degree_Fahrenheit")


def _systems(source: str, target: str) -> list[tuple[str, str, str]]:
    """The units a conversion may mean: as pint reads them (US sizes), and, where a
    pint, gallon or ton is involved, in UK sizes on both sides; a temperature also as
    a change of temperature ("warming of 1.5C (2.7F)")."""
    if source in _TEMPERATURES and target in _TEMPERATURES:
        return [(source, target, "a temperature"), (f"delta_{source}", f"delta_{target}", "a change")]
    regional = load("units")["units"]["regional"]
    uk = (regional.get(source, source), regional.get(target, target))
    return [(source, target, "US")] + ([(*uk, "UK")] if uk != (source, target) else [])


def _check_units(rule: Rule, ctx: Context, claim: Claim, other: Claim, ends: list[tuple[float, float]],
                 tolerance: float, converted_text: Span | None = None) -> None:
    """One quantity and its bracketed conversion, converted with pint: each of ``ends``
    (a figure and the one converting it; a range's low and high) must convert.
    ``converted_text``: what the conversion converts, when more than ``claim`` (the
    whole of "3 miles and 2½ furlongs")."""
    what = converted_text or ctx.span(claim.start, claim.end)
    rounding = half_place(claim, zeros_count=True)  # "16" may be 15.5 to 16.5
    readings = []
    for source, target, system in _systems(claim.unit, other.unit):
        try:
            converted = [[registry().Quantity(v, source).to(target).magnitude for v in (value - rounding, value, value + rounding)]
                         for value, _ in ends]
        except Exception:  # pint: units of different dimensions are not a conversion
            return
        if all(_within(values, other, stated, tolerance) for values, (_, stated) in zip(converted, ends)):
            return
        readings.append(([values[1] for values in converted], system))
    correct = " or ".join(_written_as(values, other) + (f" ({system})" if len(readings) > 1 else "")
                          for values, system in readings)
    ctx.report(rule, ctx.span(other.start, other.end),
               f'"{other.text}" (line {other.line}) does not convert "{what.text}": {what.text} is {correct}',
               [what])


def _written_as(values: list[float], other: Claim) -> str:
    """Converted figures as the conversion writes its own: "6.21 miles", "6.21–7.46 miles"."""
    if len(values) == 1:
        return written_like(values[0], other) or f"{fmt(sig(values[0]))} {other.unit}"
    unit = _UNIT_WRITTEN.search(other.text)
    return "–".join(fmt(sig(v)) for v in values) + (unit.group(1) if unit else f" {other.unit}")


_UNIT_WRITTEN = regex.compile(r"\d(\D*)$")


def _within(values: list[float], other: Claim, stated: float, tolerance: float) -> bool:
    """Whether a figure converted (at its rounding's low, middle, high) meets the stated
    conversion, rounded as written; a hedged conversion ("10km (about 7 miles)") asserts
    its hedge's interval."""
    slack = half_place(other, zeros_count=True) + tolerance * abs(stated)
    low, high = min(values), max(values)
    other_low, other_high = (other.low, other.high) if other.hedge else (stated, stated)
    return low - slack <= (other_high if other_high is not None else high) and \
        (other_low if other_low is not None else low) <= high + slack


_TOKEN = regex.compile(r"[^\W\d_]+|[^\w\s.,]")  # words and symbols: "rs", "¥", "$"


def _rate(claim: Claim, converted: Claim) -> tuple[float, float] | None:
    """The exchange rates a sum and its bracketed conversion allow, in units of the
    conversion per unit of the sum, given the rounding of both as written ("$2bn (£1.05bn)":
    0.42–0.70 GBP per USD; "$100,000 (£52,000)" converts 100,000 itself, a conversion is
    rounded; a hedge on the sum does not widen it), or None without figures."""
    if not claim.value or not converted.value:
        return None
    rounding = half_place(claim, zeros_count=True)
    low, high = claim.value - rounding, claim.value + rounding
    if low <= 0:
        return None
    return (converted.value - half_place(converted)) / high, (converted.value + half_place(converted)) / low


@dataclass
class _Conversion:
    source: Claim  # the sum before the bracket
    claim: Claim
    converted: Claim
    rate: tuple[float, float]  # in the pair's alphabetical direction: "£1bn ($1.9bn)" and "$4bn (£2.1bn)" compare

    def allows(self, rate: float, tolerance: float) -> bool:
        return self.rate[0] <= rate * (1 + tolerance) and rate <= self.rate[1] * (1 + tolerance)

    def agrees(self, other: "_Conversion", tolerance: float) -> bool:
        return self.rate[0] <= other.rate[1] * (1 + tolerance) and other.rate[0] <= self.rate[1] * (1 + tolerance)

    def per(self, unit: str) -> float:
        """The rate as written, in units of the other currency per ``unit``."""
        mid = self.converted.value / self.claim.value
        return mid if self.claim.unit == unit else 1 / mid


@check("exchange-rate-mismatch")
def exchange_rate_mismatch(rule: Rule, ctx: Context) -> None:
    tolerance = rule.params.get("relative_tolerance", 0.15)
    by_pair: dict[tuple[str, str], list[_Conversion]] = {}
    for source in ctx.claims:
        if source.kind != "money" or not source.extra.get("conversions"):
            continue
        # "$2bn (1.53bn euros; £1.05bn)" also converts euros to pounds.
        for claim, converted in combinations([source, *source.extra["conversions"]], 2):
            rate = _rate(claim, converted) if claim.unit != converted.unit else None
            if rate is None:
                continue
            if claim.unit > converted.unit:
                rate = (1 / rate[1], 1 / rate[0])
            pair = tuple(sorted((claim.unit, converted.unit)))
            by_pair.setdefault(pair, []).append(_Conversion(source, claim, converted, rate))
    for pair, conversions in by_pair.items():
        if len(conversions) == 1:
            _check_range(rule, ctx, pair, conversions[0])
            continue
        conversions = [c for c in conversions if not _dated(ctx, c.source)]
        if len(conversions) < 2:
            continue
        if len(conversions) == 2:
            first, second = conversions  # two that disagree: the later one is reported
            if not first.agrees(second, tolerance):
                _report_rate(rule, ctx, second, first)
            continue
        # The draft's rate: the median; it holds when at least two conversions allow it.
        middle = sorted(sum(c.rate) / 2 for c in conversions)[len(conversions) // 2]
        keeping = [c for c in conversions if c.allows(middle, tolerance)]
        if len(keeping) < 2:
            continue  # no rate the draft keeps to: sums converted at the rates of their years
        for conv in conversions:
            if not any(conv.agrees(o, tolerance) for o in keeping):
                _report_rate(rule, ctx, conv, min(keeping, key=lambda o: abs(o.source.start - conv.source.start)))


# "$1.9bn (£950m at the time)", "(then £950m)": converted at a past rate.
_THEN = regex.compile(r"\b(?:then|at\s+the\s+time|at\s+that\s+time|at\s+the\s+then)\b", regex.IGNORECASE)
# "In 2007, it bought Vasko for $1.9bn (£950m)": a sentence set in a past year.
_IN_YEAR = regex.compile(r"\s*(?:Back\s+)?In\s+(?:19|20)\d\d\b")


def _dated(ctx: Context, source: Claim) -> bool:
    """A sum converted at a past rate, said so in its bracket or by a sentence that
    opens on its year, is not held to the rate of the others."""
    close = ctx.text.find(")", source.end, source.extra["conversions"][-1].end + 40)
    if close >= 0 and _THEN.search(ctx.text, source.end, close):
        return True
    start, _ = sentence_around(ctx.text, source.start, source.end)
    return _IN_YEAR.match(ctx.text, start, source.start) is not None


def _check_range(rule: Rule, ctx: Context, pair: tuple[str, str], conv: _Conversion) -> None:
    """A draft's only conversion between two currencies, against the rates they have
    traded at; a sum written ambiguously ("¥") against every currency it may be."""
    rates = load("exchange_rates")
    unit, other = conv.claim.unit, conv.converted.unit
    ranges = []  # (reading, low, high) in units of the conversion per unit of the sum
    for a, b in product(_readings(conv.claim, unit, rates), _readings(conv.converted, other, rates)):
        bounds = rates["ranges"].get(f"{a}/{b}")
        inverse = rates["ranges"].get(f"{b}/{a}")
        if bounds is None and inverse is None:
            return  # a reading no range is kept for: nothing to hold the rate to
        ranges.append(((a, b), *(bounds or (1 / inverse[1], 1 / inverse[0]))))
    mid = conv.per(unit)
    low_rate, high_rate = conv.rate if unit == pair[0] else (1 / conv.rate[1], 1 / conv.rate[0])
    if any(low <= high_rate and low_rate <= high for _, low, high in ranges):
        return
    flagged = _conversion_span(ctx, conv)
    (a, b), low, high = ranges[0]
    others = "".join(f"; as {x} to {y}, {sig(lo)}–{sig(hi)}" for (x, y), lo, hi in ranges[1:])
    ctx.report(rule, flagged,
               f'"{flagged.text}" (line {flagged.line}) converts at {sig(mid)} {other} per {unit}, '
               f"outside anything the two have traded at since 1990 ({sig(low)}–{sig(high)}{others})")


def _readings(claim: Claim, unit: str, rates) -> list[str]:
    """The currencies a sum may be in: its own, or each that its written form may mean."""
    for token in _TOKEN.findall(claim.text.lower()):
        if token in rates["ambiguous"]:
            return rates["ambiguous"][token]
    return [unit]


def _report_rate(rule: Rule, ctx: Context, conv: _Conversion, ref: _Conversion) -> None:
    unit, other = conv.claim.unit, conv.converted.unit
    flagged, related = _conversion_span(ctx, conv), _conversion_span(ctx, ref)
    expected = conv.claim.value * ref.per(unit)
    ctx.report(rule, flagged,
               f'"{flagged.text}" (line {flagged.line}) converts at {sig(conv.per(unit))} {other} per {unit}, '
               f'but "{related.text}" (line {related.line}) at {sig(ref.per(unit))}: at that rate '
               f"{conv.claim.text} is {written_like(expected, conv.converted) or f'{fmt(sig(expected))} {other}'}",
               [related])


def _conversion_span(ctx: Context, conv: _Conversion) -> Span:
    """The sum and its conversions, with the bracket when it closes right after: "$6bn (£3.2bn)"."""
    last = conv.source.extra["conversions"][-1]
    return ctx.span(conv.source.start, last.end + (ctx.text[last.end:last.end + 1] == ")"))
