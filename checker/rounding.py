"""How precisely a figure is written: a headline's "300,000" stands for anything from
250,000 to 350,000, "$2.2bn" for $2.15bn to $2.25bn."""
from __future__ import annotations

import regex

from .format_numbers import fmt, sig
from .model import Claim

_FIRST_NUMBER = regex.compile(r"\d[\d,]*(?:\.\d+)?")


def _written(claim: Claim):
    """The digits a claim is written with and what they are multiplied by ("£2.2bn": 2.2
    and a billion; a range's first figure, its low end), or None when it has no digits
    or no value."""
    m = _FIRST_NUMBER.search(claim.text)
    value = claim.value if claim.value is not None or claim.hedge else claim.low
    if not m or value is None:
        return None
    written = float(m.group(0).replace(",", ""))
    return m, (value / written if written else 1.0)


def half_place(claim: Claim, *, zeros_count: bool = False) -> float:
    """Half the place of a figure's last significant digit: "300,000" is ±50,000, as a
    headline rounds. With ``zeros_count``, of its last written digit: "$100,000" is ±0.5,
    as the sum a conversion starts from is meant; "$2bn" is ±0.5bn either way."""
    if "step" in claim.extra:
        return 0.5 * claim.extra["step"]  # "5ft 10in" is written to the inch
    found = _written(claim)
    if found is None:
        return 0.0
    m, scale = found
    digits = m.group(0).replace(",", "")
    written = float(digits)
    if "." in digits:
        place = 10.0 ** -len(digits.split(".")[1])
    elif zeros_count or not written:
        place = 1.0
    else:
        place = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return 0.5 * place * abs(scale)


def written_like(value: float, claim: Claim) -> str | None:
    """``value`` written as ``claim`` is, to three figures: 10,400,000 like "£14.9m" is
    "£10.4m"; None when the claim has no digits to stand in for."""
    found = _written(claim)
    if found is None:
        return None
    m, scale = found
    return claim.text[:m.start()] + fmt(sig(value / scale)) + claim.text[m.end():]
