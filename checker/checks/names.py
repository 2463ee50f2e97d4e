"""name-number-mismatch: a name written with two numbers ("Doom 3", "Doom 6")."""
from __future__ import annotations

from collections import defaultdict

from ..engine import Context, Rule, check


def _kin(a: float, b: float) -> bool:
    """Numbers that may well name two things of one family: successive versions or
    channels ("PlayStation 2", "PlayStation 3"), two years ("Euro 2004", "Euro 2008"),
    models of one maker ("Boeing 737", "Boeing 787")."""
    a_text, b_text = str(int(a)), str(int(b))
    return abs(a - b) == 1 or 1900 <= a <= 2100 and 1900 <= b <= 2100 \
        or a >= 100 and len(a_text) == len(b_text) and a_text[0] == b_text[0]


def _a_slip(a: float, b: float) -> bool:
    """Whether one number may be the other mistyped: as many digits ("Doom 3", "Doom 6"),
    or one digit more or less ("Flight 212", "Flight 2122"); "Windows 7" and "Windows
    10", "Euro 96" and "Euro 2020" are two names."""
    a_text, b_text = sorted((str(int(a)), str(int(b))), key=len)
    return len(a_text) == len(b_text) or len(b_text) == len(a_text) + 1 \
        and any(b_text[:i] + b_text[i + 1:] == a_text for i in range(len(b_text)))


def _lineups(ctx: Context, least: int) -> frozenset[int]:
    """The lines that write ``least`` names with numbers or more: a team sheet or a list
    of scorers ("Price (Marsh 73), Lloyd, Reeve (Tandy 81)"), whose numbers are
    minutes, not parts of names."""
    per_line: dict[int, int] = defaultdict(int)
    for claims in ctx.groups.names.values():
        for claim in claims:
            per_line[claim.line] += 1
    return frozenset(line for line, n in per_line.items() if n >= least)


@check("name-number-mismatch")
def name_number_mismatch(rule: Rule, ctx: Context) -> None:
    repeats = rule.params.get("min_repeats", 2)
    series = frozenset(rule.params.get("series", ()))
    lineups = _lineups(ctx, rule.params.get("lineup_names", 3))
    for name, claims in ctx.groups.names.items():
        if name in series:
            continue
        by_value: dict[float, list] = defaultdict(list)
        for claim in claims:
            by_value[claim.value].append(claim)
        if len(by_value) != 2:
            continue  # one way of writing it, or a series ("Radio 1", "Radio 2", "Radio 4")
        (usual, written), (odd, once) = sorted(by_value.items(), key=lambda kv: -len(kv[1]))
        if len(written) < repeats or len(once) != 1 or _kin(usual, odd) or not _a_slip(usual, odd):
            continue
        if len(written) == 1:
            # One of each: the later one is flagged, but not two named in one paragraph
            # ("the Sakhalin 5 field ... the Sakhalin 3 field"), nor a team sheet's minutes.
            if written[0].line == once[0].line or {written[0].line, once[0].line} & lineups:
                continue
            if once[0].start < written[0].start:
                (usual, written), (odd, once) = (odd, once), (usual, written)
        claim = once[0]
        flagged = ctx.span(claim.extra["name_from"], claim.end)
        related = [ctx.span(c.extra["name_from"], c.end) for c in written]
        lines = sorted({c.line for c in written})
        where = ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}" if len(lines) > 1 else str(lines[0])
        times = f"{len(written)} times" if len(written) > 1 else "once"
        ctx.report(rule, flagged,
                   f'"{flagged.text}" (line {claim.line}) is "{related[0].text}" everywhere else in the draft '
                   f'({times}, line{"s" if len(lines) > 1 else ""} {where}): one of them is likely mistyped',
                   related)
