"""Settings shared by every pattern in the extractors."""
from __future__ import annotations

# Seconds any one regex search may take before it is abandoned; every pattern is
# written to be linear, and this bounds the worst case on hostile input.
TIMEOUT = 2.0

# scan() reads the text in windows of WINDOW characters; a match must end MARGIN
# characters before a window's end to be trusted (the pattern cannot see past it).
WINDOW = 1 << 16
MARGIN = 1024


def scan(pattern, text: str, pos: int = 0, endpos: int | None = None):
    """``pattern.finditer(text, pos, endpos)`` with TIMEOUT per window instead of for
    the whole range.

    `regex` applies a finditer's timeout to the whole iteration, so a plain
    ``finditer(text, timeout=TIMEOUT)`` fails on any document long enough to take
    TIMEOUT to read (about 5 MB of news text), hostile or not.  Matches and their
    look-behinds are as finditer's; look-aheads must stay within MARGIN.
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
