"""What a number measures, as found by the per-kind parsers (money, percent, age, quantity)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex


@dataclass
class Measure:
    kind: str
    start: int  # the measure's span, which contains the number's
    end: int
    unit: str | None = None
    value: float | None = None  # when the measure changes the number's value ("50p")
    extra: dict[str, Any] = field(default_factory=dict)


def phrase_pattern(phrases) -> str:
    """A pattern matching any phrase, the longest that fits first, spaces flexible.

    Written as a trie ("k(?:m(?:/h)?|g)"), not one alternative per phrase: a lexicon
    of hundreds of units is tried right after every figure, and a trie tries a few
    characters there instead of every phrase."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [(r"\s*" if ch == " " else regex.escape(ch)) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body
