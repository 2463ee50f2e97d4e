"""count-conflict, part-exceeds-whole and total-mismatch: counts of one subject."""
from __future__ import annotations

import bisect
from collections import defaultdict
from itertools import combinations, islice

import regex

from ..engine import Context, Rule, check
from ..format_numbers import fmt, fmt_interval
from ..model import Claim
from ..extract.counted import counted_phrase
from ..rounding import half_place, written_like
from ..rules_data import load
from ..sentences import sentence_around, title_end
from ..subjects import (BEFELL_QUALIFIERS, COUNT_KINDS, OF_THE_WHOLE, after_conversions, named_by_noun, names_with,
                        narrowing_met, opens_on_whole, owner_met, owner_named, said_with_met)


def _describe(ctx: Context, claim: Claim) -> str:
    """The figure as quoted, and for a sum or a percentage the words it was grouped by
    ("£200 council tax rebate", "fee of £25m", "rose by 3.4%", "£24,000 raised"), so the
    reader sees why two figures were compared."""
    start = min(claim.quote_start, claim.extra.get("named_from", claim.quote_start))
    end = max(claim.quote_end, claim.extra.get("named_to", claim.quote_end))
    if claim.kind not in COUNT_KINDS and "named_from" not in claim.extra \
            and (phrase := counted_phrase(ctx.text, after_conversions(ctx.text, claim))):
        end = max(end, phrase[2])  # named by the noun after it: "£200 council tax rebate", "$40,000 (£21,600) prize"
    return f'"{ctx.text[start:end]}" (line {claim.line})'


def _asserts(claim: Claim) -> str:
    """The interval a figure asserts; a single sum, percentage or quantity is written
    as the draft writes it ("£2.4m–£3.6m", "18%")."""
    if claim.kind in COUNT_KINDS or claim.value is None:
        return fmt_interval(claim.low, claim.high)
    return fmt_interval(claim.low, claim.high, lambda v: written_like(v, claim) or fmt(v))


def _below(a: float | None, b: float | None, tolerance: float) -> bool:
    """a < b by more than the tolerance (None is unbounded)."""
    if a is None or b is None:
        return False
    return a < b - tolerance * abs(b)


def _overlap(a: Claim, b: Claim, tolerance: float) -> bool:
    return not (_below(a.high, b.low, tolerance) or _below(b.high, a.low, tolerance))


def _overlaps_total(claim: Claim, total: tuple[float, float] | None, tolerance: float) -> bool:
    return total is not None and not (_below(claim.high, total[0], tolerance) or _below(total[1], claim.low, tolerance))


def _points_back(text: str, claim: Claim, earlier: Claim) -> bool:
    """Whether ``claim`` speaks of the same set as ``earlier``: it points back with a
    definite article ("the 3,000 troops"), or both name a specific set ("North Korean
    soldiers"); the same qualified noun twice is not enough ("The UK has 1,000 wind
    turbines. Germany has 15,000 wind turbines."). A headline figure is compared
    separately, below, so that one pair gives one finding."""
    if _set_apart(claim, earlier):
        return False
    # "Factories added 41,000 jobs ... the 41,000 jobs added in March", "Demand had
    # risen by 25% ... the 25% jump in demand": what narrows a figure does not narrow it
    # from the one it came with.
    if claim.extra.get("demonstrative") and earlier.extra["sentence"] < claim.extra["sentence"] - 1:
        return False  # "That increase of 3.8%" is the one the sentence before gave
    if claim.extra["definite"] and not owner_met(text, claim, earlier):
        return False  # "Rooney's 12 goals" after "Henry scored 25 goals"
    if claim.extra["definite"] or narrowing_met(text, claim, earlier):
        # "the two countries" may pick two of the "31 countries" named before; "the two
        # men" after "the two men" is the same pair, but "its six episodes" after "its 10
        # episodes" may be another owner's. Not so for measures: "the 4km race" and "the
        # 6.2km race" are two races.
        return claim.kind in ("percent", "money") or (claim.low or 0) >= 10 \
            or (earlier.extra["definite"] and claim.kind in COUNT_KINDS and not (claim.extra["owned"] or earlier.extra["owned"]))
    # A quote restates what the story said before it: "carried 14.6 million passengers
    # ... 'We carried 14.6 million passengers'" (same noun, same verb or none, no other
    # time); so does a count spoken of as an amount ("Sixty-five thousand people is a
    # record"), even of people, whom a quote often counts afresh; not one ten times as
    # large or small, which speaks of a bigger or smaller whole ("In the UK, about 17.1
    # million handsets were sold ... 'Last year about 670 million phones were sold'").
    restating = claim.extra["quote_restating"] and claim.extra["key"][-1] != "people" or claim.extra.get("as_amount")
    if restating and not earlier.extra["quoted"] and claim.extra["key"] in (earlier.extra["key"], _noun(earlier.extra["key"])) \
            and (claim.kind in ("percent", "money") or min(claim.low or 0, earlier.low or 0) >= 10) \
            and claim.extra["time"] <= earlier.extra["time"] \
            and (claim.value is None or not earlier.value or 0.1 < claim.value / earlier.value < 10) \
            and claim.extra["verb"] in (None, earlier.extra["verb"]):
        return True
    # A rate's level said twice ("kept its base rate on hold at 4.5% ... the base rate
    # would remain at 4.5%"), at the same time and place, or none.
    if claim.kind == "percent" and claim.extra.get("level") and earlier.extra.get("level"):
        return claim.extra["time"] == earlier.extra["time"] and claim.extra["places"] == earlier.extra["places"]
    # Two specific sets that did different things are two: "62 Labour MPs rebelled" at
    # one reading and "32 Labour MPs voted against" at another.
    if claim.extra["acts"] and earlier.extra["acts"] and claim.extra["acts"] != earlier.extra["acts"]:
        return False
    # Nor are they one when a time sets them apart: not "900 British troops in Estonia"
    # and "150 British troops arrived last month"; nor the dead and the deployed:
    # "11,000 North Korean troops ... 200 North Korean soldiers have been killed".
    if not (claim.extra["specific"] and earlier.extra["specific"] and claim.extra["time"] == earlier.extra["time"]
            and claim.extra.get("casualty") == earlier.extra.get("casualty")):
        return False
    # A sum its noun alone narrows ("a £5m transfer fee") is one only when the clauses
    # name no one different: not "Arsenal paid a £5m transfer fee for Smith ... Chelsea
    # paid a £3m transfer fee for Jones".
    return "compound" not in (claim.extra["specific"], earlier.extra["specific"]) or not _named_apart(text, claim, earlier)


def _set_apart(claim: Claim, earlier: Claim) -> bool:
    """Whether what is said around two figures keeps them apart: one sentence (figures
    side by side are compared, not restated), two times, or two places."""
    x, y = claim.extra, earlier.extra
    return x["sentence"] == y["sentence"] or x["time"] and y["time"] and x["time"] != y["time"] \
        or x["places"] and y["places"] and x["places"].isdisjoint(y["places"])


def _named_apart(text: str, claim: Claim, earlier: Claim) -> bool:
    """Whether the clauses of two figures name different people or bodies."""
    names, earlier_names = names_with(text, claim), names_with(text, earlier)
    return bool(names and earlier_names and names.isdisjoint(earlier_names))


def _head(key: tuple) -> tuple:
    """A key without what befell the set: "the 14 guests" and "Fourteen guests were rescued"."""
    return key[0], key[1], tuple(q for q in key[2] if q not in BEFELL_QUALIFIERS), key[-1]


def _noun(key: tuple) -> tuple:
    """A key without its qualifiers: "the 35 planes" may be the "70 Boeing aircraft"."""
    return key[0], key[1], (), key[-1]


def _by_head(counts: dict[tuple, list[Claim]], head=_head) -> dict[tuple, tuple[list[int], list[Claim]]]:
    """The figures of each set, whatever befell them (or, with ``head=_noun``, whatever
    qualifies them), in text order (with their starts, for bisect)."""
    kin: dict[tuple, list[Claim]] = defaultdict(list)
    for key, claims in counts.items():
        kin[head(key)].extend(c for c in claims if not c.extra["title"])  # a headline is checked apart
    return {head: ([c.start for c in group], group)
            for head, group in ((h, sorted(g, key=lambda c: c.start)) for h, g in kin.items())}


def _sentence_total(ctx: Context, at: Claim) -> tuple[float, float] | None:
    """The sum of the counts in the sentence of ``at`` when it has several ("25 stores
    in England and 15 in Scotland"): a later "the 40 stores" restates the total."""
    start, end = sentence_around(ctx.text, at.start, at.end)
    counts = [c for c in ctx.claims if start <= c.start < end and c.kind in COUNT_KINDS
              and (c.subject is None or c.extra.get("key") == at.extra.get("key"))]  # not "with the loss of 1,200 jobs"
    if len(counts) < 2 or any(c.low is None or c.high is None for c in counts):
        return None
    return sum(c.low for c in counts), sum(c.high for c in counts)


def _said_before(ctx: Context, claim: Claim, tolerance: float) -> bool:
    """"Cobble Lane attracted 8.3 million. ITV said the 8.3 million viewers ...", "raise
    its gas prices by 12.4% ... the 12.4% increase": the figure restates the one given
    before under another noun or none, not the "13.9 million viewers" of another
    programme or the "60% jump in wholesale costs". Not a headline's figure: a headline
    restates the lead, and the lead is what a later figure must agree with."""
    body = title_end(ctx.text)
    return claim.value is not None and any(
        c.kind == claim.kind and c.unit == claim.unit and c.value is not None
        and not (_below(c.value, claim.value, tolerance) or _below(claim.value, c.value, tolerance))
        for c in ctx.claims if body <= c.start < claim.start)


@check("count-conflict")
def count_conflict(rule: Rule, ctx: Context) -> None:
    tolerance = rule.params.get("relative_tolerance", 0.0)
    window = rule.params.get("antecedents", 16)
    kin = _by_head(ctx.groups.counts)
    nouns = _by_head(ctx.groups.counts, _noun)
    for key, claims in ctx.groups.counts.items():
        starts, relatives = kin[_head(key)]
        noun_starts, same_noun = nouns[_noun(key)]
        for i, claim in enumerate(claims):
            if claim.extra.get("fresh"):
                continue
            # Only the figures this one points back at, and only the last few of
            # them, so a subject with hundreds of figures stays linear.
            earlier = claims[max(0, i - window):i]
            antecedents = [e for e in earlier if not e.extra["title"] and _points_back(ctx.text, claim, e)]
            quoting = claim.extra["quote_restating"] or claim.extra.get("as_amount")
            if (claim.extra["definite"] or quoting and not antecedents) and not key[2]:
                # "the 35 planes" after "70 Boeing aircraft", '"A £263m profit ..."' after
                # "a pre-tax profit of £236m": an unqualified restatement of a qualified
                # figure. A quote's only when no figure of its own noun came before, and of
                # a noun the story qualifies one way (not "jobs" after "450 factory jobs
                # and 200 office jobs") and, for a count, of the lead's: '"More than 220
                # MPs voted against"' may count more than "64 Labour MPs" later on.
                k = bisect.bisect_left(noun_starts, claim.start)
                qualified = [e for e in same_noun[max(0, k - window):k] if e.extra["key"][2]]
                if not claim.extra["definite"]:
                    qualified = [e for e in qualified if claim.kind not in COUNT_KINDS or e.extra["lead"]]
                    if len({e.extra["key"] for e in qualified}) > 1:
                        qualified = []
                antecedents = sorted(antecedents + [e for e in qualified if _points_back(ctx.text, claim, e)],
                                     key=lambda c: c.start)
            # "Profits dropped 12%, and the 12% drop was steep": restated in its own
            # sentence; "Fourteen guests were rescued ... The 14 guests were trapped": a
            # figure of the same set, whatever befell it.
            j = bisect.bisect_left(starts, claim.start)
            beside = [e for e in earlier if e.extra["sentence"] == claim.extra["sentence"]] + \
                [e for e in relatives[max(0, j - window):j] if _points_back(ctx.text, claim, e)]
            # "Unison's 800,000 workers" points back at the figure said of Unison
            # ("Unison will ballot 800,000 council workers"), when there is one, not at
            # "Up to 1.4 million workers" said of no one.
            named = [e for e in antecedents if owner_named(ctx.text, claim, e)] if claim.extra["definite"] else []
            if named:
                antecedents = named
                beside = [e for e in beside if e.extra["sentence"] == claim.extra["sentence"]
                          or owner_named(ctx.text, claim, e)]
            # A new set or a part ("a further 25 stores", "the first 300 homes") may be what
            # a restatement points back at, but is no whole it must agree with.
            wholes = [e for e in antecedents if not e.extra.get("fresh")]
            if not wholes or any(_overlap(claim, e, tolerance) for e in antecedents + beside) \
                    or any(_overlaps_total(claim, _sentence_total(ctx, e), tolerance) for e in wholes[-1:]) \
                    or _said_before(ctx, claim, tolerance):
                continue
            # the last figure of its own noun, if one, over a qualified one ("the 24% share"
            # after "a 48% share" and "54% of the vote")
            _report_conflict(rule, ctx, claim, next((e for e in reversed(wholes) if e.extra["key"] == key), wholes[-1]))
    _by_verb(rule, ctx, tolerance, window)
    _ceilings(rule, ctx, tolerance)
    for head, lead in ctx.groups.headline:
        # A headline rounds: "300,000" stands for anything from 250,000 to 350,000.
        slack = half_place(head)
        low = None if head.low is None else head.low - slack
        high = None if head.high is None else head.high + slack
        # "Velmora to cut 1,400 jobs at Kessling" over "to cut 2,500 jobs, including 1,400
        # at Kessling": a bare figure of the lead's paragraph may restate it too.
        bare = [c for c in ctx.claims if c.line == lead[0].line and c.kind == head.kind and c.unit == head.unit
                and c.subject is None]
        # "Council computer overspend reaches £12m" over "was supposed to cost £6m has ended
        # up costing £18m": a headline may give the difference of two of the lead's figures.
        if any(not (_below(c_high, low, tolerance) or _below(high, c_low, tolerance))
               for c_low, c_high in [*(_headlined(c, head) for c in lead), *((c.low, c.high) for c in bare)]) \
                or _overlaps_total(head, _sentence_total(ctx, lead[0]), tolerance) \
                or any(_overlaps_total(head, _difference(a, b), tolerance) for a, b in combinations(lead, 2)):
            continue
        listed = ", ".join(f'"{ctx.quote(c).text}"' for c in lead)
        ctx.report(rule, ctx.quote(head),
                   f"the headline's {_describe(ctx, head)} is not what line {lead[0].line} says: {listed}",
                   [ctx.quote(c) for c in lead])


def _headlined(lead: Claim, head: Claim) -> tuple[float | None, float | None]:
    """The interval of a lead's figure a plain headline figure must meet: a headline
    drops a bound's hedge ("Halden cuts 1,800 posts" over "Up to 1,800 posts will be
    cut"), so not "Halden cuts 600 posts"."""
    if head.hedge is None and lead.value is not None and (lead.low is None) != (lead.high is None):
        return lead.value, lead.value
    return lead.low, lead.high


def _report_conflict(rule: Rule, ctx: Context, claim: Claim, other: Claim) -> None:
    ctx.report(rule, ctx.quote(claim),
               f"{_describe(ctx, claim)} conflicts with {_describe(ctx, other)}: "
               f"one asserts {_asserts(claim)}, the other {_asserts(other)}",
               [ctx.quote(other)])


def _by_verb(rule: Rule, ctx: Context, tolerance: float, window: int) -> None:
    """'"Selling 900,000 in two days is a great start"' after "sold 300,000 consoles in
    the first two days": a quoted count or sum named by its verb alone, against the
    story's figures of that verb, kind and unit (not another quote's, not the
    headline's), in no other time or place and, when it names a period, the same period
    (a rate, "£33m a year", only against a rate of the same period).
    Like any quote's restatement (_points_back), only counts of ten or more: "won four
    matches" is seldom the story's."""
    for claims in ctx.groups.verbs.values():
        for i, claim in enumerate(claims):
            if not claim.extra.get("by_verb"):
                continue
            earlier = [e for e in claims[max(0, i - window):i]
                       if not (e.extra.get("by_verb") or e.extra["quoted"] or e.extra["title"])
                       and e.kind == claim.kind and e.unit == claim.unit and (e.kind == "money" or (e.low or 0) >= 10)
                       and e.extra.get("rate") == claim.extra["rate"]
                       and e.extra["sentence"] != claim.extra["sentence"] and claim.extra["time"] <= e.extra["time"]
                       and not (claim.extra["places"] and e.extra["places"].isdisjoint(claim.extra["places"]))
                       and said_with_met(ctx.text, claim, e)]
            if not earlier or any(_overlap(claim, e, tolerance) for e in earlier) or _said_before(ctx, claim, tolerance):
                continue
            _report_conflict(rule, ctx, claim, earlier[-1])


def _ceilings(rule: Rule, ctx: Context, tolerance: float) -> None:
    """"a chain of up to 250 screens ... up to 125 screens fitted": two ceilings of
    one noun-named thing (a cap, a maximum fine) that differ, which no overlap of their
    intervals shows; not of one only a verb names ("costs up to £17,900" for one model,
    "costs up to £15,400" for another), nor at two times or places, nor beside a name the
    other's clause does not give."""
    for claims in ctx.groups.counts.values():
        ceilings = [c for c in claims if c.hedge and c.low is None and c.high is not None and c.value is not None
                    and not c.extra["title"] and named_by_noun(ctx.text, c)]
        for i, claim in enumerate(ceilings):
            for earlier in ceilings[:i]:
                if not (_below(claim.value, earlier.value, tolerance) or _below(earlier.value, claim.value, tolerance)) \
                        or _set_apart(claim, earlier) or _named_apart(ctx.text, claim, earlier):
                    continue
                ctx.report(rule, ctx.quote(claim),
                           f"{_describe(ctx, claim)} conflicts with {_describe(ctx, earlier)}: "
                           f"two ceilings for one thing, {_asserts(claim)} and {_asserts(earlier)}",
                           [ctx.quote(earlier)])
                break


def _difference(a: Claim, b: Claim) -> tuple[float, float] | None:
    """The interval the gap between two figures may take, or None for an open one."""
    if None in (a.low, a.high, b.low, b.high):
        return None
    return max(0.0, a.low - b.high, b.low - a.high), max(a.high - b.low, b.high - a.low)


def _parts(ctx: Context):
    """(part, whole) pairs: "3,000 of them" after a whole, "3,000 of the 12,000 troops",
    "Of the 12,000 troops, 3,000 ..."."""
    latest: dict[tuple, Claim] = {}
    counts = [c for c in ctx.claims if c.kind in COUNT_KINDS]
    for claim, following in zip(counts, counts[1:] + [None]):
        key = claim.extra.get("part_of")
        if key is not None and key in latest:
            yield claim, latest[key]
        elif following is not None and OF_THE_WHOLE.fullmatch(ctx.text, claim.end, following.start):
            yield claim, following
        elif following is not None and opens_on_whole(ctx.text, claim, following) \
                and (following.subject is None or following.extra.get("key") == claim.extra.get("key")):
            yield following, claim
        if "key" in claim.extra and not claim.extra.get("part"):
            latest[claim.extra["key"]] = claim  # a whole; "12 of them" is not the next one's


@check("part-exceeds-whole")
def part_exceeds_whole(rule: Rule, ctx: Context) -> None:
    for part, whole in _parts(ctx):
        if _below(whole.high, part.low, rule.params.get("relative_tolerance", 0.0)):
            ctx.report(rule, ctx.quote(part),
                       f"{_describe(ctx, part)} is a part of {_describe(ctx, whole)} but larger: "
                       f"the part is {_asserts(part)}, the whole {_asserts(whole)}",
                       [ctx.quote(whole)])


# "…: 60 men, 50 women and 20 children" lists every part; "including …" lists some, and
# "of whom …" (or a next sentence's "Of these, …") every part only when they split the
# whole ("of whom 20 were adults and 15 were children", not "of whom 12 were crew and 30
# were children").
_INTRO = regex.compile(
    r"[^.;!?]{0,40}?(?:(?P<some>\bincluding|\bincludes?|\bincluded|\bamong\s+them|,\s*with)"
    r"|(?P<of_whom>\bof\s+(?:whom|which)|[.;]\s+Of\s+(?:these|those|them)\s*,)"
    r"|(?P<all>\bcomprising|\bcomprises?|\bmade\s+up\s+of|\bconsisting\s+of|\bsplit\s+between"
    r"|\bdivided\s+into|\bbroken\s+down\s+into|:|\s[—–-]))\s*$",
    regex.IGNORECASE,
)
# "two men, aged 24 and 58, a woman, 33, and two children": a part the list names
# without a figure, so the figures need not make the whole.
_UNCOUNTED = regex.compile(r"(?:,|\band)\s+(?:a|an)\s+[a-z]", regex.IGNORECASE)
_PART_OF_A_PART = regex.compile(r"\s+of\s+(?:those|them|whom|these)\b", regex.IGNORECASE)
_LIST_GAP = regex.compile(r"[^.;!?:()]{0,40}?(?:,|\band\b|\bwith\b)\s*$", regex.IGNORECASE)
_LAST_GAP = regex.compile(r"[^.;!?:()]{0,40}?\band\b\s*$", regex.IGNORECASE)
# "5 drivers and 3 cyclists, plus 2 pedestrians", "..., with track work accounting for
# the other £6m": the list goes on after its "and".
_MORE_GAP = regex.compile(r"[^.;!?:()]{0,80}?(?:,?\s*\b(?:plus|as\s+well\s+as|along\s+with)|\bthe\s+(?:other|remaining))\s*$",
                          regex.IGNORECASE)


# " were launched in 2005, ": the rest of a total's clause, up to its comma
_CLAUSE_GAP = regex.compile(r"[^.;!?:()]{0,60}?,\s*", regex.IGNORECASE)
# "186 points in 17 games": a figure given over another.
_IN_SET = regex.compile(r"\s+(?:in|from|over|across)\s+", regex.IGNORECASE)
_CATEGORY = regex.compile(r"\s+(?:were|are|was|is)\s+([a-z]+)", regex.IGNORECASE)


def _split(text: str, parts: list[Claim]) -> bool:
    """Whether the parts are of categories that split their whole: "20 were adults and 15
    were children" (rules/lexicons/subjects.toml, [partitions])."""
    categories = set()
    for part in parts:
        m = _CATEGORY.match(text, part.end)
        categories.add(m.group(1).lower() if m else None)
    return any(categories == set(pair) for pair in load("subjects")["partitions"]["pairs"])


@check("total-mismatch")
def total_mismatch(rule: Rule, ctx: Context) -> None:
    tolerance = rule.params.get("relative_tolerance", 0.0)
    claims = [c for c in ctx.claims if c.kind in COUNT_KINDS or c.kind == "money"]
    for i, total in enumerate(claims):
        if i + 2 >= len(claims):
            break
        intro = _INTRO.fullmatch(ctx.text, total.quote_end, claims[i + 1].quote_start)
        # "Of the 450 jobs, 120 will go in Leeds, 200 in York and 150 in Hull": some parts only
        whole_first = intro is None and opens_on_whole(ctx.text, total, claims[i + 1])
        # "A total of 14 new routes were launched, 11 of them to Europe and five to UK
        # airports": some parts, the first pointing back at the whole
        of_them = intro is None and not whole_first and _CLAUSE_GAP.fullmatch(ctx.text, total.quote_end, claims[i + 1].quote_start) \
            and _PART_OF_A_PART.match(ctx.text, claims[i + 1].end)
        if not (intro or whole_first or of_them) or i > 0 and _IN_SET.fullmatch(ctx.text, claims[i - 1].quote_end, total.quote_start):
            continue  # "186 points in 17 games, including 41 conversions": which one the list breaks down is not said
        parts = [claims[i + 1]]
        last_joined_by_and = False
        for nxt in islice(claims, i + 2, None):  # not claims[i + 2:], a copy of the rest per total
            if nxt.kind != total.kind or nxt.unit != total.unit or _PART_OF_A_PART.match(ctx.text, nxt.end):
                break  # "…, of whom 8,400 voted, and 6,300 of those voting …": a part of a part
            if of_them and nxt.subject and nxt.subject != total.subject:
                break  # "40 buses, 12 of them electric, and 30 trams": another set
            gap_end = nxt.quote_start
            if last_joined_by_and:
                if not _MORE_GAP.fullmatch(ctx.text, parts[-1].quote_end, gap_end):
                    break
            elif not _LIST_GAP.fullmatch(ctx.text, parts[-1].quote_end, gap_end):
                break
            parts.append(nxt)
            last_joined_by_and = last_joined_by_and or bool(_LAST_GAP.fullmatch(ctx.text, parts[-2].quote_end, gap_end))
        if len(parts) < 2 or not last_joined_by_and or any(p.kind != total.kind or p.unit != total.unit for p in parts):
            continue
        sum_low = sum(p.low for p in parts if p.low is not None)
        highs = [p.high for p in parts]
        sum_high = None if None in highs else sum(highs)
        exhaustive = intro is not None and (intro.group("all") is not None
                                            or intro.group("of_whom") is not None and _split(ctx.text, parts)) \
            and not _UNCOUNTED.search(ctx.text, parts[0].start, parts[-1].start)
        too_many = _below(total.high, sum_low, tolerance)
        too_few = exhaustive and _below(sum_high, total.low, tolerance)
        if too_many or too_few:
            # each part as the draft writes it ("£31m"), a count as its figure ("5")
            listed = " + ".join(p.text if p.kind not in COUNT_KINDS else fmt(p.value) if p.value is not None
                                else _asserts(p) for p in parts)
            verb = "add up to more than" if too_many else "add up to less than"
            ctx.report(rule, ctx.quote(total),
                       f"the parts of {_describe(ctx, total)} {verb} it: {listed} = "
                       f"{fmt_interval(sum_low, sum_high, lambda v: _written_sum(v, total))}",
                       [ctx.quote(p) for p in parts])


def _written_sum(value: float, total: Claim) -> str:
    """A sum of parts as the total is written ("£41m"); a count as a plain figure."""
    return total.kind not in COUNT_KINDS and written_like(value, total) or fmt(value)
