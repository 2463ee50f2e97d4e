"""What the extractors' patterns share: the timeout, windowed scans, lazy compiling,
and the cheap passes that keep the detailed patterns off the prose between figures
(candidate scans for where a pattern may start, gates on the characters next to a
figure).  Each cheap pass is a superset of what it stands for, so results are the
detailed patterns' own (tests/test_candidates.py)."""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

import regex

# Seconds any one regex search may take before it is abandoned; every pattern is
# written to be linear, and this bounds the worst case on hostile input.
TIMEOUT = 2.0

# scan() reads the text in windows of WINDOW characters; a match must end MARGIN
# characters before a window's end to be trusted (the pattern cannot see past it).
WINDOW = 1 << 16
MARGIN = 1024


class LazyPattern:
    """A `regex` pattern compiled on first use: large patterns cost milliseconds each to
    compile, and a run need not pay for those its text never asks for."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    @cached_property
    def compiled(self):
        return regex.compile(self.pattern, self.flags)


def scan(pattern, text: str, pos: int = 0, endpos: int | None = None):
    """``pattern.finditer(text, pos, endpos)`` with TIMEOUT per window instead of for
    the whole range.

    `regex` applies a finditer's timeout to the whole iteration, so a plain
    ``finditer(text, timeout=TIMEOUT)`` fails on any document long enough to take
    TIMEOUT to read (about 5 MB of news text), hostile or not.  Matches and their
    look-behinds are as finditer's; matches and look-aheads must stay within MARGIN.
    """
    n = len(text) if endpos is None else min(endpos, len(text))
    while pos < n:
        end = min(n, pos + WINDOW)
        trusted = n if end == n else end - MARGIN
        resume = trusted
        for m in pattern.finditer(text, pos, end, timeout=TIMEOUT):
            if m.end() > trusted and m.start() > pos:
                resume = m.start()  # read it again, whole, in the next window
                break
            yield m
            resume = max(resume, m.end())
        pos = resume


def scan_candidates(candidates, pattern, text: str, where: str | None = None):
    """``pattern.finditer(text)``, with ``pattern`` tried only where ``candidates`` (a
    cheap pattern) matches in ``where`` (``text`` itself, or its lowered() copy): one
    fast pass finds the few places worth a look, and the detailed pattern never walks
    the prose between them.

    ``candidates`` must match at every position where ``pattern`` can start a match
    (more is fine, fewer loses matches), and ``pattern`` must not match empty text.
    TIMEOUT applies to each match.
    """
    pos, search, match = 0, candidates.search, pattern.match
    where = text if where is None else where
    while (candidate := search(where, pos)) is not None:
        m = match(text, candidate.start(), timeout=TIMEOUT)
        if m is None:
            pos = candidate.start() + 1
        else:
            yield m
            pos = m.end()


@lru_cache(maxsize=1)
def lowered(text: str) -> str:
    """``text.lower()`` with the offsets kept: a character that lower-cases to two
    ("İ") stays as it is.  Kept for the last text only: markup, dates, numbers and vague
    magnitudes all read the same draft lower-cased, and a str caches its own hash."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def word_candidates(phrases) -> re.Pattern:
    """A stdlib ``re`` pattern for scan_candidates over lowered() text, matching wherever
    a case-insensitive `regex` pattern over ``phrases`` can start, for patterns that
    take a word phrase only as whole words (a word boundary or a look-around for \\w on
    both sides) and a symbol ("<", ">=") anywhere: the words split by anything else, not
    touching an ASCII word character.  A superset by construction: whatever ``regex``
    takes for a word character or white space, ASCII word characters are word characters
    and white space is no letter; and of the letters `regex` folds to ASCII ones, only
    "ſ" and "İ" do not lower-case to them (_FOLDS).  The standard library's engine reads
    lower-cased text twice as fast as it reads with IGNORECASE."""
    words = [p.lower() for p in phrases if p[:1].isalnum()]
    symbols = [p.lower() for p in phrases if not p[:1].isalnum()]
    pattern = rf"(?<![a-z0-9_]){prefix_tree(words, _ANY_SPACE, _folded)}(?![a-z0-9_])"
    if symbols:
        pattern += "|" + prefix_tree(symbols, _ANY_SPACE, _folded)
    return re.compile(pattern)


_ANY_SPACE = "[^a-z0-9_]+"
_FOLDS = {"s": "[sſ]", "i": "[iİ]"}


def _folded(char: str) -> str:
    return _FOLDS.get(char) or re.escape(char)


def prefix_tree(phrases, space: str = r"\s+", atom=re.escape) -> str:
    """An alternation of ``phrases`` written as a prefix tree ("t(?:en|hree|wo)"), with
    ``space`` between words and ``atom`` writing each character.  The standard
    library's engine tries a flat alternation's branches one by one at every position;
    the tree costs one step per letter."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for i, word in enumerate(phrase.split()):
            for part in ([space] if i else []) + [atom(c) for c in word]:
                node = node.setdefault(part, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    branches = [atom + _branches(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + (")?" if "" in node else ")")


# Cheap looks around a figure, to skip a detailed pattern that cannot match there.
# str.isspace takes every character `regex` takes for \s (and four controls more, which
# no pattern here reads past), so a pattern that skips \s and then needs one of some
# characters needs it first in what these return.

def first_after(text: str, pos: int, limit: int, skip: str = "") -> str:
    """The first character of ``text[pos:limit]`` past white space and at most one of
    ``skip`` (and the white space after it), case folded ("" at the limit).  Case
    folding maps every letter `regex`'s IGNORECASE does, and more."""
    rest = text[pos:limit].lstrip()
    if rest[:1] and rest[0] in skip:
        rest = rest[1:].lstrip()
    return rest[:1].casefold()[:1]


def before_space(text: str, start: int, pos: int) -> str:
    """``text[start:pos]`` without its trailing white space."""
    return text[start:pos].rstrip()


def endings(words) -> re.Pattern:
    """A gate for ends_with: ``words`` reversed, as a prefix tree (IGNORECASE, wider
    than regex's), so that one anchored match on the reversed text tells whether it
    ends with any of them, where a `regex` search for "(?:words)\\s*$" tries every
    position of its window."""
    return re.compile(prefix_tree({w[::-1] for w in words}), re.IGNORECASE)


def ends_with(gate: re.Pattern, text: str, start: int, pos: int) -> bool:
    """Whether ``text[start:pos]``, less its trailing white space, ends with a word of ``gate``."""
    return gate.match(before_space(text, start, pos)[::-1]) is not None
