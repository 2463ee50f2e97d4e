"""patterns.scan: finditer's matches, with the timeout per window rather than for the whole text."""
import random

import regex
from hypothesis import assume, given, settings
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
    # scan's contract holds for candidate matches shorter than MARGIN (1,024 characters
    # in use); glued pieces make digit-and-dash runs ("2024-10-252024-10-25...") that a
    # window's end may cut into a longer match than the whole text has.
    assume(not regex.search(r"[\d,./-]{30,}", text))
    pos, endpos = cut_start, max(cut_start, len(text) - cut_end)
    old = patterns.WINDOW, patterns.MARGIN
    patterns.WINDOW, patterns.MARGIN = window, 30
    try:
        for pattern in (DIGIT_RE, WORD_RE, *(p.compiled for p in DATE_PATTERNS.values()), regex.compile(r"(?<![\w])\d+(?![\w])")):
            # scan's contract holds for matches shorter than MARGIN (1,024 characters in use);
            # joined pieces can make a 42-character "122024-10-252024-10-25..." here.
            assume(all(m.end() - m.start() < patterns.MARGIN for m in pattern.finditer(text)))
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

