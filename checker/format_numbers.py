"""Figures written back for messages: "3,000", "10,000–12,000", "2,400–3,600"."""
from __future__ import annotations


def fmt(value: float | None) -> str:
    if value is None:
        return "∞"
    # Millions and billions as news writes them ("8.25 million", not "8.25e+06"),
    # whole numbers with their separators, the rest to four significant figures.
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.4g}bn"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.4g} million"
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.4g}"


def sig(value: float, digits: int = 3) -> float:
    """``value`` to ``digits`` significant figures: 0.52347 is 0.523."""
    return float(f"{value:.{digits}g}")


def fmt_interval(low: float | None, high: float | None, write=fmt) -> str:
    """``write`` writes one figure: ``fmt`` by default, "£300" for a sum."""
    if low is not None and high is not None and low == high:
        return write(low)
    if high is None:
        return f"at least {write(low)}"
    if low is None or low == 0:
        return f"at most {write(high)}"
    low_text, high_text = write(low), write(high)
    return low_text if low_text == high_text else f"{low_text}–{high_text}"  # "£824m", not "£824m–£824m"
