"""What a figure counts: the noun phrase written after it ("200 North Korean defectors")
and the person an age belongs to ("Ahn Chan-il, a 69-year-old ...")."""
from __future__ import annotations

import regex

from .patterns import TIMEOUT

# Words that end a counted noun phrase: function words, auxiliaries and common verbs.
STOP_WORDS = frozenset("""
a an the and or but nor of in on at to from by with without for as than that which who whom whose
where when while if because since until after before into onto over under about against between
among through during per via including like unlike across around near off out up down
is are was were be been being am has have had do does did will would shall should can could may
might must not no nor so too very also just only still even ever never yet already all both each
said says say told tell according reportedly allegedly this these those it its they them their
there here his her he she we our you your i my me us what how why more most less least further
died killed fled left lost went came took made gave got cut rose fell grew paid won saw met ran
flew drove became began spoke
remain remained stay stayed face faced need needed want wanted expect expected ago later earlier
lack lacks struck stole sank last next found held taken seen kept sent caught brought bought sold
worth each apiece apart away
yesterday today tonight tomorrow now then again instead overnight annually altogether nationwide worldwide
""".split())

# A word, with the digits of a hyphenated name ("Covid-19 patients", "F-35 jets") or of a
# standard's ("3G customers", "4K screens").
_WORD = regex.compile(r"\s*((?:[A-Za-z]|\d{1,2}[A-Z]{1,2}\b)[A-Za-z'’]*(?:-[A-Za-z0-9][A-Za-z0-9'’]*)*-?)", regex.V0)
_MAX_WORDS = 4


def counted_phrase(text: str, end: int) -> tuple[str, int, int] | None:
    """The noun phrase right after a figure ending at ``end``: (phrase, start, end).

    Takes up to four words, stops at punctuation or a function word, and drops
    trailing words that read as verbs; a phrase is only returned when it ends on
    something that can be a counted noun.
    """
    pos = end
    words: list[tuple[str, int, int]] = []
    limit = min(len(text), end + 80)
    while len(words) < _MAX_WORDS:
        m = _WORD.match(text, pos, limit, timeout=TIMEOUT)
        if not m or "\n" in text[pos:m.start(1)]:
            break
        word = m.group(1)
        if word.lower() in STOP_WORDS or not words and _figure_as_subject(text, word, m.end(1), limit) \
                or words and (_starts_predicate(words[-1][0], word) or _verb_s(
                words[-1][0], word) and _DETERMINER_NEXT.match(text, m.end(1), limit)
                or not word.endswith(("s", "'", "’")) and _OBJECT_NEXT.match(text, m.end(1), limit)):
            break  # "the £12.5m fee beats the record", "the 10 plants employ about 9,000"
        words.append((word, m.start(1), m.end(1)))
        pos = m.end(1)
    while words and _verb_like(words[-1][0]) and len(words) > 1:
        words.pop()
    if not words or _verb_like(words[-1][0]):
        return None
    start, stop = words[0][1], words[-1][2]
    return text[start:stop], start, stop


def _starts_predicate(before: str, word: str) -> bool:
    """"300 protesters gathered outside", "3 children living abroad": a verb or participle
    right after a plural noun ends the phrase; "200 newly qualified doctors", "12 new
    housing estates" and "the Six Nations training camp" are one phrase."""
    return (_verb_like(word) or word in BASE_VERBS) and (before.islower() or _ACRONYM_PLURAL.fullmatch(before)) \
        and (before.endswith("s") or before in _PLURALS)


_ACRONYM_PLURAL = regex.compile(r"[A-Z]{2,}s")  # "34 Labour MPs vote against"


# A singular head's verb: a word in -s after a singular noun, right before a determiner,
# a figure or a pronoun ("fee beats the record", "budget includes £19m for roads",
# "profit shows we are on track"); not a plural head ("cell phones a year").
_VERB_S = regex.compile(r"[a-z]+[^s\W]s")
_DETERMINER_NEXT = regex.compile(
    r"\s+(?:(?:the|its|his|her|their|we|they|you|it|he|she|us|them|him|me|how|what|why)\b|[£$€¥]?\d)")
# A word (not a plural or a possessive) with an object or a figure right after it is a
# verb: "the 22 points lift them", "the 10 plants employ about 9,000".
_OBJECT_NEXT = regex.compile(r"\s+(?:(?:them|him|us|me)\b|(?:about|around|nearly|almost|some)\s+\d|\d)")


# The figure itself as a sentence's subject: '"Raising $700m gives us the resources"',
# '"A majority of 87 sends a clear message"', "a rise of 4% shows that ...".
_SUBJECT_VERBS = frozenset({"gives", "shows", "means", "proves", "sends", "puts", "makes", "brings", "leaves",
                            "represents", "suggests", "marks", "tells", "reflects"})
_OBJECT_AFTER_VERB = regex.compile(r"\s+(?:a|an|the|how|us|them|him|her|it|me|you|this|its|their|our|his"
                                   r"|that(?!\s+(?:night|day|week|weekend|month|year|season|evening|morning)\b))\b")


def _figure_as_subject(text: str, word: str, end: int, limit: int) -> bool:
    return word.lower() in _SUBJECT_VERBS and _OBJECT_AFTER_VERB.match(text, end, limit) is not None


def _verb_s(before: str, word: str) -> bool:
    return before.islower() and not before.endswith("s") and _VERB_S.fullmatch(word) is not None


# Verbs whose plain form follows a plural subject: "600 employees work there".
BASE_VERBS = frozenset({"work", "live", "say", "face", "need", "want", "use", "earn", "pay",
                        "vote", "remain", "attend", "visit", "receive", "include", "cover",
                        # headlines' present tense: "200 residents buy shares"
                        "buy", "sell", "win", "lose", "get", "join", "quit", "back", "reject", "put",
                        "take", "make", "seek", "urge", "warn", "leave", "return", "fight", "save"})
_PLURALS = frozenset({"children", "people", "men", "women", "police", "staff", "personnel", "cattle"})


def _verb_like(word: str) -> bool:
    w = word.lower()
    return w.endswith(("ed", "ing")) and not w[0].isupper() and w not in _NOUNS_LIKE_VERBS


# -ed/-ing words that are commonly the counted noun itself.
_NOUNS_LIKE_VERBS = frozenset({"wounded", "injured", "dead", "missing", "displaced", "homeless",
                               "unemployed", "buildings", "meetings", "hearings", "sightings",
                               "screenings", "bookings", "killings", "shootings", "bombings",
                               "hundred", "kindred", "beds", "seeds", "weeds", "reeds",
                               "feeds", "needs", "speeds", "kings", "rings", "wings", "things",
                               "evenings", "earnings", "savings", "findings", "proceedings",
                               "listings", "holding", "holdings", "offerings", "ratings", "readings"})

# "Ahn Chan-il, a 69-year-old", "Ahn, 69,": a capitalised name right before.
_NAME_BEFORE = regex.compile(
    r"((?:[A-Z][\w'’\-]+)(?:\s+(?:[A-Z][\w'’\-]+|de|van|von|bin|al|da|di|le))*)\s*,\s*(?:a|an|the|who\s+is|now)?\s*$",
    regex.V0,
)


def person_before(text: str, start: int) -> str | None:
    """The name in apposition just before an age ("Ahn Chan-il, a 69-year-old")."""
    m = _NAME_BEFORE.search(text, max(0, start - 80), start, timeout=TIMEOUT)
    if not m:
        return None
    name = HONORIFIC.sub("", m.group(1))
    if not name or name.split()[0] in NOT_NAMES:
        return None
    return name


TITLES = (r"Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor|Rev|Revd|Capt|Captain|Col|Colonel|Maj|Major"
          r"|Lt|Sgt|Sergeant|Cpl|Insp|Inspector|Det|Supt|Cllr|Councillor|Judge|Bishop|Rabbi|Imam")
HONORIFIC = regex.compile(rf"^(?:{TITLES})\.?\s+")


NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "At", "But", "And", "Mr", "Mrs", "Ms", "Dr",
                        "He", "She", "They", "It", "This", "That", "Mr", "Monday", "Tuesday", "Wednesday",
                        "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
                        "April", "May", "June", "July", "August", "September", "October",
                        "November", "December", "Meanwhile", "However", "Yesterday", "Today", "Both", "Last", "Next",
                        "These", "Those", "Its", "Their", "All", "Some", "Only", "Just",
                        # time zones: "shortly before 0300 BST, the 36-year-old said"
                        "GMT", "BST", "UTC", "CET", "CEST", "EST", "EDT", "PST", "PDT"})
