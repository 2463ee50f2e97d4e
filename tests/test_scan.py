"""patterns.scan: finditer's matches, with the timeout per window rather than for the whole text."""
import random

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import patterns
from checker.extract.dates import PATTERNS as DATE_PATTERNS
from checker.extract.numbers import DIGIT_RE, WORD_RE

PIECES = ["12", "3,000", " ", "  ", "\n", "Monday", ", ", "25 October 2024", "Oct. 7", "about", "thousands of",
          "twenty-one", "million", "-", "abc", ".", "2024-10-25", "31/10"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=200), st.integers(min_value=40, max_value=120),
       st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=30))
def test_scan_finds_what_finditer_finds_across_window_edges(pieces, window, cut_start, cut_end):
    text = "".join(pieces)
    pos, endpos = cut_start, max(cut_start, len(text) - cut_end)
    old = patterns.WINDOW, patterns.MARGIN
    patterns.WINDOW, patterns.MARGIN = window, 30
    try:
        for pattern in (DIGIT_RE, WORD_RE, *DATE_PATTERNS.values(), regex.compile(r"(?<![\w])\d+(?![\w])")):
            assert [m.span() for m in patterns.scan(pattern, text)] == [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in patterns.scan(pattern, text, pos, endpos)] == \
                [m.span() for m in pattern.finditer(text, pos, endpos)]
    finally:
        patterns.WINDOW, patterns.MARGIN = old


def test_scan_reads_a_long_text_without_timing_out(monkeypatch):
    # A whole-text finditer has one timeout for all of it; scan has one per window.
    monkeypatch.setattr(patterns, "TIMEOUT", 0.05)
    rng = random.Random(1)
    text = "".join(rng.choice(["word ", "12 ", "3,000 ", "\n"]) for _ in range(600_000))
    pattern = regex.compile(r"(?<![\w])\d[\d,]*(?![\w])")
    assert sum(1 for _ in patterns.scan(pattern, text)) == sum(1 for _ in pattern.finditer(text))


# Pieces where a cheap candidate pass and the detailed pattern could disagree: words
# inside words, hyphens, case and the letters that fold to ASCII ones (Kelvin sign, long s).
CANDIDATE_PIECES = ["one", "One", "ONE", "b", "-", "_", "2", " ", "\n", "\u00a0", "twenty", "first", "s", "ſeven",
                    "\u212aILO", "dozen", "a", "few", "handful", "of", "thousands", "hundreds", "é", "\u0301",
                    "²", "and", "half", "million", ",", "tens"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CANDIDATE_PIECES), max_size=60))
def test_scan_candidates_finds_what_finditer_finds(pieces):
    from checker.extract.hedges import _tables, _vague_start
    from checker.extract.numbers import _WORD_START

    text = "".join(pieces)
    vague_re = _tables()[5]
    for candidates, pattern in ((_WORD_START, WORD_RE), (_vague_start(), vague_re)):
        assert [m.span() for m in patterns.scan_candidates(candidates, pattern, text)] == \
            [m.span() for m in pattern.finditer(text)]


def test_word_candidates_match_where_the_phrases_start():
    candidates = patterns.word_candidates(["a few", "one", ">="])
    assert [m.group() for m in candidates.finditer("A  few, one Bone x>=2")] == ["A  few", "one", ">="]
