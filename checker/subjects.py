"""Subject resolution: which claims speak of the same thing.

Counts are keyed by their counted noun phrase, with the head noun mapped through
the synonym groups of rules/lexicons/subjects.toml and the qualifiers that change the
referent kept ("North Korean troops" is not "Russian troops").  Ages are keyed by
person: a full name, later surname-only mentions and "the 69-year-old" resolve
to one person.  A claim that cannot be resolved stays ungrouped.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import regex

from .model import Claim
from .rules_data import load

COUNT_KINDS = ("number", "range")


@dataclass
class Groups:
    counts: dict[tuple, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    people: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))


@cache
def _lexicon():
    data = load("subjects")
    synonyms = {word: name for name, words in data["groups"].items() for word in words}
    return (synonyms, frozenset(data["qualifiers"]["set_changing"]),
            frozenset(data["qualifiers"]["ignorable"]), frozenset(data["generic"]["nouns"]))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def subject_key(phrase: str | None) -> tuple | None:
    """The canonical key of a counted noun phrase, or None when it names no countable set."""
    if not phrase:
        return None
    synonyms, set_changing, ignorable, generic = _lexicon()
    words = [w.lower().strip("'’") for w in phrase.split()]
    if any(w in set_changing for w in words):
        return None
    # A two-word synonym ("service members") counts as one head.
    tail = " ".join(words[-2:])
    if len(words) >= 2 and tail in synonyms:
        head, qualifiers = synonyms[tail], words[:-2]
    else:
        head, qualifiers = words[-1], words[:-1]
        if head in generic or not head.isalpha():
            return None
        head = synonyms.get(head, _singular(head))
    qualifiers = tuple(q for q in qualifiers if q not in ignorable)
    return qualifiers, head


_SET_CHANGING_BEFORE = regex.compile(
    r"(?<![\w])(another|a\s+further|further|an\s+additional|additional|extra|other|the\s+remaining|"
    r"the\s+other|the\s+first|the\s+last|the\s+next|every|each|per|a|an)\s+$",
    regex.IGNORECASE,
)
_PART_AFTER = regex.compile(r"\s+of\s+(them|those|whom|these|which)\b", regex.IGNORECASE)


def group(text: str, claims: list[Claim]) -> Groups:
    """Groups counts by subject and ages by person, in order of position."""
    groups = Groups()
    people = _People()
    last_whole: tuple | None = None
    for claim in claims:
        if claim.kind in COUNT_KINDS:
            if _PART_AFTER.match(text, claim.end):
                # "3,000 of them": a part of the last whole counted before it.
                if last_whole is not None:
                    claim.extra["part_of"] = last_whole
                continue
            key = subject_key(claim.subject)
            if key is None or _SET_CHANGING_BEFORE.search(text, max(0, claim.quote_start - 20), claim.quote_start):
                continue
            claim.extra["key"] = key
            groups.counts[key].append(claim)
            last_whole = key
        elif claim.kind == "age":
            person = people.resolve(text, claim)
            if person is not None:
                claim.extra["person"] = person
                groups.people[person].append(claim)
    return groups


class _People:
    """Names seen so far, so that "Ahn" after "Ahn Chan-il" is the same person."""

    def __init__(self):
        self.full_names: list[str] = []
        self.last_aged: str | None = None

    def resolve(self, text: str, claim: Claim) -> str | None:
        name = claim.subject
        if name:
            person = self._match(name)
            self.last_aged = person
            return person
        # "the 69-year-old": the person whose age was last given.
        if regex.search(r"(?<![\w])the\s+$", text[max(0, claim.start - 5):claim.start], regex.IGNORECASE):
            return self.last_aged
        return None

    def _match(self, name: str) -> str:
        tokens = name.split()
        if len(tokens) == 1:
            for full in reversed(self.full_names):
                if name in full.split():
                    return full
            return name
        if name not in self.full_names:
            self.full_names.append(name)
        return name
