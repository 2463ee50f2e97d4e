"""Cheap pre-passes lose nothing: where a stdlib candidate pass or a gate decides that
the detailed `regex` pattern need not run, the result is what running it gives."""
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.extract import hedges, patterns
from checker.extract.numbers import _DIGIT_START, _WORD_START, DIGIT_RE, WORD_RE


# Pieces where a cheap candidate pass and the detailed pattern could disagree: words
# inside words, hyphens, case and the letters that fold to ASCII ones (Kelvin sign, long s).
CANDIDATE_PIECES = ["1", "23", "0958", "+", "(", ")", ".", "−", "–", "/", ":", "pm", "e", "^", "k", "one", "One", "ONE", "b", "-", "_", "2", " ", "\n", "\u00a0", "twenty", "first", "s", "ſeven",
                    "\u212aILO", "fİve", "İ", "ı", "dozen", "a", "few", "handful", "of", "thousands", "hundreds", "é", "\u0301",
                    "²", "and", "half", "million", ",", "tens"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CANDIDATE_PIECES), max_size=60))
def test_scan_candidates_finds_what_finditer_finds(pieces):
    text = "".join(pieces)
    vague_re = hedges._tables()[5]
    low = patterns.lowered(text)
    for candidates, pattern, where in ((_DIGIT_START, DIGIT_RE, text), (_WORD_START, WORD_RE, low),
                                       (hedges._vague_start(), vague_re, low)):
        assert [m.span() for m in patterns.scan_candidates(candidates, pattern, text, where)] == \
            [m.span() for m in pattern.finditer(text)]


def test_word_candidates_match_where_the_phrases_start():
    candidates = patterns.word_candidates(["a few", "one", ">="])
    text = "A  few, one Bone oneself x>=2"
    assert [m.group() for m in candidates.finditer(patterns.lowered(text))] == ["a  few", "one", ">="]


HEDGE_PIECES = ["about", "ABOUT", "abouT", "more", "than", "c.", "approx.", "x", ">", "=", "> =", "≥", "<b>", " ", "  ",
                "\n", "\x1c", "\u00a0", "up", "to", "-", "of", "the", "a", "few", "or"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEDGE_PIECES), max_size=12).map("".join))
def test_hedge_before_gate_loses_nothing(before):
    text = before + "200"
    gated = hedges.hedge_before(text, len(before))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(hedges, "_before_ends", lambda: re.compile(""))  # no gate
        ungated = hedges.hedge_before(text, len(before))
    assert gated == ungated


MEASURE_PIECES = ["5", "12", "3,000", "-", " ", "  ", "\n", "\x1c", "%", " per cent", " Percent", "pc", "percentage points",
                  " of ", "OF ", "per cent of ", " years old", "year", " old", "-year-old", " yo", "aged ", "Age ", "AGED",
                  ", ", "Ahn, ", " said", "$", "US$", "US $", "hk $", "£", "Rs. ", "m", " million", " euros", "-dollar", "p",
                  " pence", "USD ", " Dollars", "ſ", "K", "a", "x", " months of age", " km", "kg", " (kg)", "-inch",
                  " times per week", "°C", " sq ft", " miles", "[", "{"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MEASURE_PIECES), max_size=14).map("".join))
@example("5 (kg), 3-inch, 20 [m] and 4 times per week")
@example("half an hour, an hour and a half, 6-foot-2, 5ft 2in, absolute zero, 70-miles-per-hour, 2½ miles")
@example("5 years old, aged 12, Ahn, 69, said; 3 months of age")
@example("5 per cent, 7%, per cent of 210, US $5, 50p, 3 euros, a 20-dollar bill, 5m euros")
def test_measure_gates_lose_nothing(text):
    """percents, ages, money and quantities skip their patterns where a cheap look says
    they cannot match; with every such look made to say "may", they find the same."""
    from checker.extract import ages, money, numbers, percents, quantities

    matchers = (percents.match, ages.match, money.match, quantities.match)
    nums = numbers.find_numbers(text)
    gated = [[m(text, n) for m in matchers] for n in nums]
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(percents, "first_after", lambda *_: "%")
        patched.setattr(percents, "before_space", lambda *_: "of")
        patched.setattr(ages, "first_after", lambda *_: "-")
        patched.setattr(ages, "before_space", lambda *_: "age")
        patched.setattr(money, "ends_with", lambda *_: True)
        patched.setattr(money, "_may_follow", lambda *_: True)
        a_first = next(iter(quantities._lexicon()["first"]))
        patched.setattr(quantities, "first_after", lambda *_: a_first)
        ungated = [[m(text, n) for m in matchers] for n in nums]
    assert gated == ungated


class _Everything:
    def __contains__(self, item):
        return True


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["5", "12", " ", "\n", "minus ", "Negative ", "MINUS", "or more", " or so", "-odd",
                                 "+", " plus", "Or Less", "and", "x", "-", "ſ", "at most"]), max_size=12).map("".join))
@example("minus 5 and negative 3, 200 or more, 40-odd, 10+ and 7 Or Less")
def test_sign_and_hedge_after_gates_lose_nothing(text):
    from checker.extract import numbers

    gated = (numbers.find_numbers(text), [hedges.hedge_after(text, end) for end in range(len(text))])
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(numbers, "_SIGN_WORD_ENDS", re.compile(""))
        patched.setattr(hedges, "_after_first", _Everything)
        ungated = (numbers.find_numbers(text), [hedges.hedge_after(text, end) for end in range(len(text))])
    assert gated == ungated
