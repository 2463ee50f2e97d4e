"""conversion-mismatch: "10km (3 miles)", checked with pint."""
from __future__ import annotations

from ..engine import Context, Rule, check
from ..extract.quantities import registry
from ..format_numbers import fmt


def _rounding(claim) -> float:
    """Half the place of the last written digit: "16" may be 15.5 to 16.5."""
    digits = "".join(ch for ch in claim.text if ch.isdigit() or ch == ".")
    places = len(digits.split(".", 1)[1]) if "." in digits else 0
    return 0.5 * 10 ** -places


@check("conversion-mismatch")
def conversion_mismatch(rule: Rule, ctx: Context) -> None:
    tolerance = rule.params.get("relative_tolerance", 0.02)
    for claim in ctx.claims:
        other = claim.extra.get("conversion")
        if other is None or claim.value is None or other.value is None:
            continue
        ureg = registry()
        try:
            converted = [ureg.Quantity(v, claim.unit).to(other.unit).magnitude
                         for v in (claim.value - _rounding(claim), claim.value, claim.value + _rounding(claim))]
        except Exception:  # pint: units of different dimensions are not a conversion
            continue
        low, high = min(converted), max(converted)
        slack = _rounding(other) + tolerance * abs(other.value)
        if low - slack <= other.value <= high + slack:
            continue
        ctx.report(rule, ctx.span(other.start, other.end),
                   f'"{other.text}" (line {other.line}) does not convert "{claim.text}": '
                   f"{claim.text} is {fmt(round(converted[1], 2))} {other.unit.replace('_', ' ')}",
                   [ctx.span(claim.start, claim.end)])
