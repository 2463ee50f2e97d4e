"""direction-mismatch: a change said to go one way between figures that go the other
("rose from 5.8% to 5.2%", "a 64% share, down from 41%")."""
from __future__ import annotations

import regex

from ..engine import Context, Rule, check
from ..model import Claim
from ..rules_data import load

_SUBJECTS = load("subjects")
_CHANGES = _SUBJECTS["changes"]


def change_words(direction: str, nouns: bool = True, extra: tuple[str, ...] = ()) -> regex.Pattern:
    """The words of a rise or a fall: the verbs subjects.toml gives it ("slipped"), the
    words that say it without naming it ([changes]), ``extra`` and, with ``nouns``, its
    nouns ([groups]: "slump", "growth")."""
    verbs = [verb for verb, noun in _SUBJECTS["restatements"]["verbs"].items() if noun == direction]
    words = verbs + _CHANGES[direction] + list(extra) + (_SUBJECTS["groups"][direction] if nouns else [])
    return regex.compile(r"\b(?:" + "|".join(words) + r")\b", regex.IGNORECASE)


_RISE, _FALL = change_words("rise"), change_words("fall")
_RISE_VERB, _FALL_VERB = change_words("rise", nouns=False), change_words("fall", nouns=False)

# The last words before a change's "from" or "to": "rose from", "was cut sharply from".
_LAST_WORDS = regex.compile(r"((?:[^\s,;:.!?()\d]+\s+){1,8})(from|to)\s+$", regex.IGNORECASE)
_WORD = regex.compile(r"\p{L}+")
_OTHER_VERB = regex.compile(rf"\w{{3,}}ed|{'|'.join(_SUBJECTS['restatements']['verb_forms'])}", regex.IGNORECASE)
TO = regex.compile(r"\s+to\s+$", regex.IGNORECASE)
# "rose 50% to £300m, up from £150m": the old level right after the new one, not in
# another clause ("rose 8% to £540m, but profit fell from £60m").
THEN_FROM = regex.compile(r",?\s+(?:(?:up|down)\s+)?from\s+$", regex.IGNORECASE)
# "64% - down from 41%", "£4.2m (down from £5m)", "a 64% slice of the market, down
# from 41%", "£6.20 an hour, up from £5.90"
_UP_DOWN_FROM = regex.compile(r"(?:\s+[^\s\d,;:.!?()]+){0,6}\s*(?:,|\s[-–—]|\()?\s*(?:up|down)\s+from\s+$",
                              regex.IGNORECASE)
_UP_DOWN = regex.compile(r"\b(?:up|down)\b", regex.IGNORECASE)
# "flies 64 routes from nine UK bases, up from 47", "won 142 of the 300 seats, down from
# 163", "holds 34 of the council's 63 seats, down from 39": a figure after a preposition,
# or the whole a part is of, is not the level the "up from" goes back to.
_OF_WHOLE = regex.compile(r"\s+of\s+(?:the|its|their)(?:\s+[\w-]+['’]s?)?\s+", regex.IGNORECASE)
_PREPOSITION_BEFORE = regex.compile(r"\b(?:from|in|across|on|for|with|among|into|of\s+(?:the|its|their)(?:\s+[\w-]+['’]s?)?)\s+$",
                                    regex.IGNORECASE)
# A change between a loss and a profit, or a position in a table ("moved up from number
# eight to number one", "rose from 10th"): its figures do not order its direction.
_NOT_ORDERED = regex.compile(r"\b(?:profits?|loss(?:es)?|surplus|deficits?|number|No|place|position|spot|rank\w*)\b",
                             regex.IGNORECASE)


def _comparable(a: Claim, b: Claim, named: bool = False) -> bool:
    """Two levels of one measure: of one kind and unit, within a factor of ten (not "42
    million customers in nine countries, up from 37.5 million"); bare numbers only with
    a noun ("from 2,000 to 1,500 cars", or ``named`` by their whole's: "118 of the 250
    seats"), since a bare one is often a place in a chart ("crept up from six to five")."""
    return a.kind == b.kind and a.unit == b.unit and a.kind in ("money", "number", "percent", "quantity") \
        and bool(a.value) and bool(b.value) and 0.1 <= a.value / b.value <= 10 \
        and (a.kind != "number" or bool(a.subject or b.subject) or named)


def direction_of(word: str, nouns: bool = True) -> str | None:
    """"rise" or "fall" when a word says one (with ``nouns``, a noun too), else None."""
    rise, fall = (_RISE, _FALL) if nouns else (_RISE_VERB, _FALL_VERB)
    return "rise" if rise.fullmatch(word) else "fall" if fall.fullmatch(word) else None


def _change_word(text: str, figure: Claim, before: str) -> regex.Match | None:
    """The word of a rise or fall among the (at most eight) words of the figure's clause
    before its ``before`` ("from" or "to"), nearest first: "rose from", "cut the rate
    from". No figure stands between: "rose 5% from ..." is a percentage change, which
    percent-mismatch judges."""
    m = _LAST_WORDS.search(text, max(0, figure.quote_start - 60), figure.quote_start)
    if m is None or m.group(2).lower() != before:
        return None
    # A noun says the change only right before it ("a rise from"): "its growth forecast
    # for 2006 from 1.9% to 0.9%" is a cut; and another verb nearer says it instead:
    # "The annual rate of increase slowed to 11.3% from 12.6%".
    for i, word in enumerate(reversed(list(_WORD.finditer(text, m.start(1), m.end(1))))):
        if direction_of(word.group(0), nouns=i == 0):
            return word
        if _OTHER_VERB.fullmatch(word.group(0)):
            return None
    return None


@check("direction-mismatch")
def direction_mismatch(rule: Rule, ctx: Context) -> None:
    text = ctx.text
    for claim in ctx.claims:
        # "cut its outlook from 0.6% to 0.9%": a rise, read as a range
        if claim.value is None and claim.hedge is None and claim.low is not None and claim.high is not None \
                and claim.low < claim.high and (word := _change_word(text, claim, "from")) \
                and direction_of(word.group(0)) == "fall":
            _report(rule, ctx, word, "fall", claim, claim)
    for i, (first, second) in enumerate(zip(ctx.claims, ctx.claims[1:])):
        if not _comparable(first, second):
            continue
        between = text[first.quote_end:second.quote_start]
        if _NOT_ORDERED.search(between):
            continue
        if TO.fullmatch(between):
            before, after, word = first, second, _change_word(text, first, "from")  # "rose from A to B"
        elif THEN_FROM.fullmatch(between) or _UP_DOWN_FROM.fullmatch(between):
            # "rose to B from A"; "rose to B, up from A" and "B, down from A", where the
            # "up" or "down" says it; "won 118 of the 250 seats, down from 131": the part
            if _PREPOSITION_BEFORE.search(text, max(0, first.quote_start - 32), first.quote_start):
                part = ctx.claims[i - 1] if i else None
                if part is None or not _OF_WHOLE.fullmatch(text, part.quote_end, first.quote_start) \
                        or not _comparable(part, second, named=bool(first.subject)):
                    continue
                first = part
            before, after = second, first
            word = _UP_DOWN.search(text, first.quote_end, second.quote_start) or _change_word(text, first, "to")
        else:
            continue
        direction = direction_of(word.group(0)) if word else None
        if direction is not None and _against(direction, before, after):
            _report(rule, ctx, word, direction, before, after)


def _against(direction: str, before: Claim, after: Claim) -> bool:
    """Whether the levels, at any value their rounding or hedges allow, went the
    other way."""
    if direction == "rise":
        return after.high is not None and before.low is not None and after.high < before.low
    return after.low is not None and before.high is not None and after.low > before.high


def _report(rule: Rule, ctx: Context, word: regex.Match, direction: str, before: Claim, after: Claim) -> None:
    said = ctx.span(word.start(), word.end())
    if before is after:  # a range read "from 0.6% to 0.9%"
        went, related = f'"{before.text}" goes up', [ctx.span(before.start, before.end)]
    else:
        went = f'"{after.text}" is {"lower" if direction == "rise" else "higher"} than "{before.text}"'
        related = [ctx.span(before.start, before.end), ctx.span(after.start, after.end)]
    ctx.report(rule, said,
               f'"{said.text}" (line {said.line}) says a {direction}, but {went}',
               related)
