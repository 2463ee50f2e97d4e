"""Sentences of a text, found once: where each starts, the times and places it
names, its headline and lead paragraph; and the look-ahead every check uses."""
from __future__ import annotations

import bisect

import regex

_SENTENCE_END = regex.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n\s*")
# Words that pin a figure to a time: figures of one noun at two times may differ.
_TIME_ANCHOR = regex.compile(
    r"\b(?:1[89]\d\d|20\d\d|(?:last|this|next|previous)\s+(?:year|month|week|quarter|season)|"
    r"(?:year|month|week|day)s?\s+(?:ago|earlier|before)|January|February|March|April|June|July|August|"
    r"September|October|November|December|yesterday|today|now|currently|initially|originally)\b",
    regex.IGNORECASE,
)
# "900 British troops in Estonia ... In Poland, 150 British troops": figures of one
# noun in two places may differ.
_PLACE_ANCHOR = regex.compile(
    r"(?<![\w])(?i:in|at)\s+(?:the\s+(?=[A-Z]{2,3}\b|United\s+[A-Z])"  # "in the UK", "in the United States"
    r"|(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|the|a|an|his|her|their|its|this|that)\b))([A-Z]{2,3}\b|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")
# How far past a figure the look-ahead patterns read.  `regex` scans to the end of the
# search range for a pattern's required literal ("of") before it tries a match, so an
# unbounded .match(text, pos) costs the rest of the text: quadratic over a long document.
_AFTER_WINDOW = 60


def after(pattern, text: str, pos: int):
    """``pattern`` matched at ``pos``, reading a bounded window."""
    return pattern.match(text, pos, min(len(text), pos + _AFTER_WINDOW))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) a span sits in, for a check that looks beside a claim."""
    begin = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return begin, min(ends, default=len(text))


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, read back at most 200 characters (a
    full stop in "£1.20" ends none, as in Sentences)."""
    ends = list(_SENTENCE_END.finditer(text, max(0, pos - 200), pos))
    return ends[-1].end() if ends else max(0, pos - 200)


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends, read on at most 200 characters."""
    end = _SENTENCE_END.search(text, pos, min(len(text), pos + 200))
    return end.start() if end else min(len(text), pos + 200)


_OPENS = regex.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)$")


def opens_sentence(text: str, pos: int) -> bool:
    """Whether a sentence or a line starts at ``pos``."""
    return _OPENS.search(text, max(0, pos - 3), pos) is not None


def title_end(text: str) -> int:
    """Where a text's headline ends, or 0: a short first line without a full stop,
    followed by more text, is a headline."""
    end = text.find("\n")
    first_line = text[:end]
    return end if 0 <= end < 120 and not first_line.rstrip().endswith((".", "!", "?", ":")) else 0


_QUOTE_MARK = regex.compile(r'["“”]')
_NEWLINE = regex.compile(r"\n")


class Sentences:
    """Sentence numbers, time anchors and the title of a text, found once."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self.title_end = title_end(text)
        body = text[self.title_end:].lstrip("\n")
        lead_start = len(text) - len(body)
        lead_end = text.find("\n", lead_start)
        self.lead = (lead_start, len(text) if lead_end < 0 else lead_end)
        self._anchors: dict[tuple, frozenset] = {}
        self._marks: list[int] | None = None
        self._line_starts: list[int] = []

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def quoted(self, offset: int) -> bool:
        """Whether an offset is inside quotation marks ("a quote's own figure"): an odd
        number of marks before it in its paragraph, as news copy opens each paragraph
        of a quote again."""
        if self._marks is None:  # found once, so that a long paragraph stays linear
            self._marks = [m.start() for m in _QUOTE_MARK.finditer(self.text)]
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        line_start = self._line_starts[bisect.bisect_right(self._line_starts, offset) - 1]
        return (bisect.bisect_left(self._marks, offset) - bisect.bisect_left(self._marks, line_start)) % 2 == 1

    def anchors(self, index: int, end: int | None = None) -> frozenset:
        """The times a sentence names ("in 2003", "last year"), or the part of it before ``end``."""
        return self._found(index, _TIME_ANCHOR, end)

    def places(self, index: int, end: int | None = None) -> frozenset:
        """The places a sentence names ("in Estonia", "In Poland,": "estonia", "poland"),
        or the part of it before ``end``."""
        return self._found(index, _PLACE_ANCHOR, end)

    def _found(self, index: int, pattern, end: int | None) -> frozenset:
        sentence_end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        if end is not None and end < sentence_end:  # a part of a sentence: read once, not kept
            while end < sentence_end and self.text[end].isalnum():
                end += 1  # whole words: "in Wakefield", not "in Wa"
            return frozenset(m.group(m.lastindex or 0).lower() for m in pattern.finditer(self.text, self.starts[index], end))
        if (index, pattern) not in self._anchors:
            self._anchors[index, pattern] = frozenset(
                m.group(m.lastindex or 0).lower() for m in pattern.finditer(self.text, self.starts[index], sentence_end))
        return self._anchors[index, pattern]
