"""Subject resolution: which claims speak of the same thing.

Counts are keyed by their counted noun phrase, with the head noun mapped through
the synonym groups of rules/lexicons/subjects.toml and the qualifiers that change the
referent kept ("North Korean troops" is not "Russian troops").  Ages are keyed by
person: a full name, later surname-only mentions and "the 69-year-old" resolve
to one person.  A claim that cannot be resolved stays ungrouped.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import regex

from .extract.ages import PERSON_NOUNS, RELATIVES
from .extract.counted import HONORIFIC as _HONORIFIC
from .extract.counted import NOT_NAMES, TITLES, counted_phrase
from .model import Claim
from .rules_data import EXTRA_SUBJECTS, load

COUNT_KINDS = ("number", "range")


@dataclass
class Groups:
    # Figures by (kind, unit, qualifiers, head): ("count", None, ("north", "korean"), "troops").
    counts: dict[tuple, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    people: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    # Each headline figure with the lead paragraph's figures of its kind, which restate it.
    headline: list[tuple[Claim, list[Claim]]] = field(default_factory=list)
    # A headline's age with the lead's, when they are one person's ("Climber, 24, dies").
    headline_age: tuple[Claim, Claim] | None = None


def _lexicon():
    return _lexicon_with(EXTRA_SUBJECTS.get())


@cache
def _lexicon_with(extra: tuple[tuple[str, tuple[str, ...]], ...]):
    # ``extra``: synonym groups from the project's configuration (checker.config).
    data = load("subjects")
    synonyms = {word: name for name, words in (*data["groups"].items(), *extra) for word in words}
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
    r"the\s+other|(?:the|their|its|his|her|our|your|my)\s+(?:first|last|next|past|previous|latest)|in\s+(?:total|all)|"
    r"every|each|per|a|an)\s+$",
    regex.IGNORECASE,
)


def _changes_set(text: str, claim: Claim) -> bool:
    """"another 300 troops", "a further £5m": not the set named before. "a £200
    rebate" introduces the rebate that "the £300 rebate" may point back at."""
    m = _SET_CHANGING_BEFORE.search(text, max(0, claim.quote_start - 20), claim.quote_start)
    return m is not None and not (claim.kind in MEASURE_KINDS and m.group(1).lower() in ("a", "an"))


# "the 3,000 troops", "those 3,000 soldiers": a figure that points back at one given before.
_DEFINITE_BEFORE = regex.compile(r"(?<![\w])(the|this|these|those|its|their|such|all)\s+$", regex.IGNORECASE)
# "the 16 films competing in ...", "the 12 people still in hospital", "the 5.1% increase
# seen a year earlier": a definite figure narrowed by what follows is a subset or
# another one, and "the 25 countries of the EU" may be a whole
# that holds the "Ten countries" before. An intransitive "-ed" is the sentence's verb
# instead ("The 35 passengers died").
_PARTICIPLES = rf"(?!(?:{'|'.join(load('subjects')['restatements']['intransitive'])})\b)\w+ed" \
    rf"|{'|'.join(load('subjects')['restatements']['participles'])}"
_RESTRICTED_AFTER = regex.compile(
    rf"\s+(?:\w+ing|{_PARTICIPLES}"
    r"|who|that|which|in|at|from|on|of|with|without|for|still|now|currently|left"
    r"|last|previous|a\s+(?:year|month|week)\s+(?:earlier|before|ago))\b", regex.IGNORECASE)
_PARTICIPLE_AFTER = regex.compile(rf"\s+({_PARTICIPLES})\b", regex.IGNORECASE)
_WORD = regex.compile(r"[A-Za-z]+")
# "the 25% jump in demand": what a change is in (its first three words).
_CHANGE_IN = regex.compile(r"\s+in\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)")
_FUNCTION_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "of", "and", "or", "to", "for",
                             "by", "on", "at", "in", "as", "that", "which", "was", "is", "were", "are", "ha", "have",
                             "had", "be", "been", "will", "would", "it", "with", "from", "than", "more", "about"})
# "Halo 2", "Radio 1", "Number 10": a bare number right after a capitalised word names something.
_NAME_BEFORE = regex.compile(r"(?<![.!?:][\"“‘']?\s[\"“‘']?)(?<!^[\"“‘']?)\b[A-Z][\w'’-]*\s+$")
# "Of the council's 300 buildings, 45 will be sold": a sentence that opens on the whole
# and gives the part after the comma.
_OF_THE_OPENING = regex.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)Of\s+(?:(?:the|those|these|its|their)\s+)?(?:[\w-]+['’]s\s+)?$")
_TO_THE_PART = regex.compile(r"[^.;!?\n]{0,60}?,\s*")


def opens_on_whole(text: str, whole: Claim, part: Claim) -> bool:
    """"Of the 300 buildings, 45 ...": ``whole`` opens the sentence, ``part`` follows the comma."""
    return _OF_THE_OPENING.search(text, max(0, whole.quote_start - 40), whole.quote_start) is not None \
        and _TO_THE_PART.fullmatch(text, whole.quote_end, part.quote_start) is not None


# "52 of the 80 seats", "3,000 of its 12,000 troops": between a part and its whole.
OF_THE_WHOLE = regex.compile(r"\s+of\s+(?:the|those|these|its|their|all)\s+", regex.IGNORECASE)
_PART_AFTER = regex.compile(r"\s+of\s+(them|those|whom|these|which)\b", regex.IGNORECASE)
# "... 300 buildings. Of these, 45 will be sold", "Of those appeals, 40 ...": a part,
# the whole named before it.
_PART_BEFORE = regex.compile(r"\bOf\s+(?:them|those|these)(?:\s+[a-z]+)?\s*,\s*$")
# A figure per period ("40 jobs a week") is a rate: two rates of one noun often differ.
_RATE_AFTER = regex.compile(
    r"\s*(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|minute|season|head|person|share)\b|\s*annually\b"
    r"|\s*(?:per|for\s+every|in\s+every)\s+\d",  # "14 cases per 100,000 people"
    regex.IGNORECASE,
)
_SENTENCE_END = regex.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n\s*")
# Words that pin a figure to a time: figures of one noun at two times may differ.
_TIME_ANCHOR = regex.compile(
    r"\b(?:1[89]\d\d|20\d\d|(?:last|this|next|previous|a)\s+(?:year|month|week|quarter|season)|"
    r"(?:year|month|week|day)s?\s+(?:ago|earlier|before)|January|February|March|April|June|July|August|"
    r"September|October|November|December|yesterday|today|now|currently|initially|originally)\b",
    regex.IGNORECASE,
)
# "900 British troops in Estonia ... In Poland, 150 British troops": figures of one
# noun in two places may differ.
_PLACE_ANCHOR = regex.compile(
    r"(?<![\w])(?i:in|at)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|the|a|an|his|her|their|its|this|that)\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
# "died in Miami at the age of 87": the age at death is the person's age in the story,
# unless a year sets the death back ("died in 1970 at the age of 27").
_DIED_BEFORE = regex.compile(r"\b(?:died|dies)\b(?:(?!\b(?:1[89]|20)\d\d\b)[^.;!?]){0,60}$", regex.IGNORECASE)
_THE_BEFORE = regex.compile(r"(?<![\w])the\s+$", regex.IGNORECASE)  # "the 69-year-old"
# "the 26-year-old Bryan twins", "the 23-year-old Mr Varga", "the 19-year-old Nigerian".
_NAME_NEXT = regex.compile(rf" (?:(?:{TITLES})\.? ([A-Z][\w'’-]+)|([A-Z][\w'’-]*))")


def _demonym(word: str) -> bool:
    """"Nigerian", "Briton": a nationality after "the 19-year-old", not a name."""
    names = load("subjects")["names"]
    return word in names["demonyms"] or word.endswith(tuple(names["demonym_endings"]))


# "her children, aged 4 and 9", "two men, aged 19 and 22": ages of people not named.
_OTHERS_BEFORE_AGED = regex.compile(
    r"\b(?i:his|her|their|its|my|our|your)\s+(?:[\w-]+\s+){0,2}?[a-z-]+,?\s+$"
    rf"|[A-Z][\w-]*['’]s\s+(?:[a-z-]+\s+)?(?:{RELATIVES}|children|child|baby),?\s+$"
    r"|\b(?i:men|women|children|people|boys|girls|sons|daughters|brothers|sisters|grandchildren|twins|friends),?\s+$")
# "his 12-year-old son", "a 19-year-old passenger", "Mr Curtis's 16-year-old son": an age
# that is not the person's named.
_SOMEONE_ELSE_BEFORE = regex.compile(r"(?<![\w])(?i:his|her|their|its|my|our|your|a|an)\s+$")
_POSSESSIVE_NAME = regex.compile(r"[A-Z][\w-]*['’]s$")


def _someone_elses(text: str, start: int) -> bool:
    before = text[max(0, start - 30):start].rstrip()
    if before.endswith(("'s", "’s")):  # a plain test first: this runs for every age
        return _POSSESSIVE_NAME.search(before) is not None
    return _SOMEONE_ELSE_BEFORE.search(text, max(0, start - 8), start) is not None


# "Fiona Lacey said divers had reached the 22-year-old": a speaker's sentence.
_SAID = regex.compile(r"\b(?:said|says|told|added)\b")
# "the 16-year-old son": a relative of someone named, not that person.
_RELATIVE_NEXT = regex.compile(rf"\s+(?:{RELATIVES})\b", regex.IGNORECASE)
# "a man", "a 25-year-old woman", "his son": someone not named comes into the story.
_NEW_PERSON = regex.compile(
    rf"\b(?:(?:a|an)\s+(?:[\w-]+\s+)?(?:{PERSON_NOUNS})|(?:his|her|their)\s+(?:[\w-]+\s+)?(?:{RELATIVES}))\b",
    regex.IGNORECASE)
# "Claxton won, and the 25-year-old ...": "the N-year-old" opening a clause is the one just named.
_CLAUSE_START = regex.compile(r"(?:[,;:]\s*(?:and|but|while)?|\b(?:and|but))\s+the\s+$", regex.IGNORECASE)
# "as an idealistic 20-year-old", "when she was 12", "at the age of 10" (an age claim
# "age of 10"): an age then, not now.
_THEN_BEFORE = regex.compile(r"(?<![\w])(?:as\s+an?|when\s+(?:he|she|they|I|we)\s+(?:was|were)|"
                             r"at\s+the\s+age\s+of)\s+(?:[a-z]+\s+)?$"
                             # "won his first cap in 1975, aged 23", "last season, aged 39"
                             r"|\b(?:in\s+(?:19|20)\d\d|(?:last|that)\s+(?:year|season|month|week))\s*,\s*$",
                             regex.IGNORECASE)
# "Tull was in his 30s when it began", "At the time, Tull was aged 35": the same.
_THEN_AFTER = regex.compile(r"\s*,?\s+(?:when|at\s+the\s+time|at\s+that\s+time|back\s+then)\b(?!\s+asked)",
                            regex.IGNORECASE)
_THEN_OPENING = regex.compile(r"\s*[\"“‘']?(?:At\s+the\s+time|At\s+that\s+time|Back\s+then|Then)\b")
# "began playing aged five", "left school aged 16": "aged" after a beginning or a
# departure dates that event, not the person's age now.
_BEGAN_BEFORE = regex.compile(r"\b(?:began|begun|started|took\s+up|learn[te]d?|joined|left|emigrated|moved)\b"
                              r"[^.;!?]{0,30}$", regex.IGNORECASE)
MEASURE_KINDS = ("money", "percent", "quantity")
# How far past a figure the look-ahead patterns read.  `regex` scans to the end of the
# search range for a pattern's required literal ("of") before it tries a match, so an
# unbounded .match(text, pos) costs the rest of the text: quadratic over a long document.
_AFTER_WINDOW = 60


def _after(pattern, text: str, pos: int):
    return pattern.match(text, pos, min(len(text), pos + _AFTER_WINDOW))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) a span sits in, for a check that looks beside a claim."""
    begin = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return begin, min(ends, default=len(text))


class Sentences:
    """Sentence numbers, time anchors and the title of a text, found once."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        first_line = text.split("\n", 1)[0]
        # A short first line without a full stop, followed by more text, is a headline.
        self.title_end = len(first_line) if "\n" in text and len(first_line) < 120 \
            and not first_line.rstrip().endswith((".", "!", "?", ":")) else 0
        body = text[self.title_end:].lstrip("\n")
        lead_start = len(text) - len(body)
        lead_end = text.find("\n", lead_start)
        self.lead = (lead_start, len(text) if lead_end < 0 else lead_end)
        self._anchors: dict[tuple, frozenset] = {}

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def anchors(self, index: int, end: int | None = None) -> frozenset:
        """The times a sentence names ("in 2003", "last year"), or the part of it before ``end``."""
        if end is not None:
            return frozenset(m.group(0).lower() for m in _TIME_ANCHOR.finditer(self.text, self.starts[index], end))
        return self._found(index, _TIME_ANCHOR)

    def places(self, index: int) -> frozenset:
        """The places a sentence names ("in Estonia", "In Poland,")."""
        return self._found(index, _PLACE_ANCHOR)

    def _found(self, index: int, pattern) -> frozenset:
        if (index, pattern) not in self._anchors:
            start = self.starts[index]
            end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            self._anchors[index, pattern] = frozenset(m.group(0).lower() for m in pattern.finditer(self.text, start, end))
        return self._anchors[index, pattern]


def group(text: str, claims: list[Claim]) -> Groups:
    """Groups figures by subject and ages by person, in order of position.

    Each grouped figure also records what subject resolution knows of it
    (``extra``): its sentence and time anchors, whether it points back with a
    definite article, whether it is in the headline or the lead paragraph.
    """
    groups = Groups()
    people = _People()
    sentences = Sentences(text)
    last_whole: Claim | None = None
    last_count: Claim | None = None
    ages: list[Claim] = []
    for claim in claims:
        part = None
        if claim.kind in COUNT_KINDS:
            previous, last_count = last_count, claim
            # "30 soldiers and 20 civilians", "40,000 members in 12 countries": not the
            # only count of its sentence.
            listed = previous is not None and sentences.index(previous.start) == sentences.index(claim.start)
            # "52 of the 80 seats": the part counts what its whole counts.
            if previous is not None and previous.subject is None and "key" not in previous.extra \
                    and OF_THE_WHOLE.fullmatch(text, previous.end, claim.quote_start):
                part = previous
            # "Of the 96 schools, 24 failed", "12,000 homes, including 1,800 for social
            # rent": so does a part after the whole, written without a noun.
            elif previous is not None and claim.subject is None and "key" in previous.extra \
                    and (opens_on_whole(text, previous, claim) or listed and _INCLUDING_BEFORE.search(
                        text, max(0, claim.quote_start - 12), claim.quote_start)):
                _join_as_part(groups, claim, previous)
                continue
        if claim.kind in COUNT_KINDS or claim.kind in MEASURE_KINDS:
            if claim.kind in COUNT_KINDS and (_after(_PART_AFTER, text, claim.end) or _PART_BEFORE.search(
                    text, max(0, claim.quote_start - 20), claim.quote_start)):
                # "3,000 of them": a part of the whole counted last, in this sentence or
                # at the start of the next ("It received 147 complaints. Many victims have
                # been paid, 190 of them" is not).
                sentence = sentences.index(claim.start)
                if last_whole is not None and (last_whole.extra["sentence"] == sentence or
                                               last_whole.extra["sentence"] == sentence - 1 and
                                               claim.quote_start - sentences.starts[sentence] <= _OPENING):
                    claim.extra["part_of"] = last_whole.extra["key"]
                    _join_as_part(groups, claim, last_whole)
                continue
            key = _figure_key(text, claim)
            # "close 12 of its larger supermarkets", "4,200 of the homes": a part of a set
            # named without a figure, which "the 12 supermarkets" may restate.
            of_set = key is None and claim.kind in COUNT_KINDS and claim.subject is None \
                and (of := _after(_OF_A_SET, text, claim.end)) is not None
            if of_set:  # the head noun only: "the 12 supermarkets" after "12 of its larger supermarkets"
                head = subject_key(of.group(1).split()[-1])
                key = ("count", None, *head) if head else None
            if key is None or _after(_RATE_AFTER, text, claim.quote_end) or _names_something(text, claim):
                continue
            sentence = sentences.index(claim.start)
            for figure in (part, claim) if part is not None else (claim,):
                definite = part is None and _points_back(text, figure)
                figure.extra.update(
                    # "said the 3.4% rise was a sign of recovery from the slump in 2023":
                    # a time well after a figure pointing back is not the figure's.
                    key=key, sentence=sentence, places=sentences.places(sentence),
                    time=sentences.anchors(sentence, figure.end + _OWN_TIME) if definite else sentences.anchors(sentence),
                    # "five of the 650 seats" is a whole the five are taken from, not
                    # the seats named before.
                    definite=definite,
                    **(_narrowed_by(text, figure) if part is None else _NOT_NARROWED), **_words_near(text, figure, sentences),
                    # "a further 25 stores" is a new set: compared with nothing before,
                    # but "the 25 stores" after it may point back at it; so is a part.
                    fresh=_changes_set(text, figure) or of_set, part=of_set,
                    specific=_specific(claim),
                    casualty=_befell(text, figure) is not None,
                    title=figure.start < sentences.title_end,
                    lead=sentences.lead[0] <= figure.start < sentences.lead[1],
                )
                groups.counts[key].append(figure)
            if claim.kind in COUNT_KINDS and claim.low is not None and claim.low >= 2:
                # "30 soldiers and 20 civilians. 40 of them ...": "them" are all 50, and after
                # "40,000 members in 12 countries. Of these, ..." the members: with two
                # counts in its sentence, the whole is not known, and no part is checked.
                # "Patients from 12 hospitals were moved, 30 of them children": "them"
                # are not the places the count after a preposition names.
                last_whole = None if listed or _PLACES_BEFORE.search(
                    text, max(0, claim.quote_start - 8), claim.quote_start) else claim
        elif claim.kind == "age":
            if _THEN_BEFORE.search(text, max(0, claim.quote_start - 40), claim.quote_start) \
                    or claim.text[:6].lower() == "age of" and not _DIED_BEFORE.search(text, max(0, claim.start - 80), claim.start) \
                    or _after(_THEN_AFTER, text, claim.end) \
                    or _THEN_OPENING.match(text, sentences.starts[sentences.index(claim.start)], claim.start) \
                    or claim.text[:4].lower() == "aged" and _BEGAN_BEFORE.search(text, max(0, claim.start - 40), claim.start):
                continue  # "joined the navy as an eager 20-year-old": an age at another time
            if _a_thing_s_age(text, claim):
                continue
            claim.extra["person"] = None
            if not claim.text.lower().startswith("in their") and not claim.text.lower().endswith("olds"):
                ages.append(claim)  # one person's age, named or not
            if claim.text.lower().startswith("in their") or claim.extra.get("unnamed") \
                    or claim.text[:4].lower() == "aged" and _OTHERS_BEFORE_AGED.search(text, max(0, claim.start - 40), claim.start):
                people.unnamed(claim)  # "his friends, who are in their seventies", "her children, aged 4 and 9": others' ages
                continue
            person = people.resolve(text, claim, sentences.starts[sentences.index(claim.start)],
                                    in_title=claim.start < sentences.title_end)
            if person is not None:
                claim.extra["person"] = person
                groups.people[person].append(claim)
    _merge_surnames(groups.people)
    groups.headline = _headline_pairs(text, claims, sentences)
    groups.headline_age = _headline_age(text, ages, sentences)
    return groups


_PERSON_NOUN_AFTER = regex.compile(rf"\s+(?:[a-z-]+\s+)?({PERSON_NOUNS})\b", regex.IGNORECASE)
_PERSON_NOUN_BEFORE = regex.compile(rf"\b({PERSON_NOUNS}),\s*$", regex.IGNORECASE)


def _person_noun(text: str, age: Claim) -> str | None:
    """The kind of person an age is given to: "Man, 34,", "a 15-year-old boy"."""
    m = _PERSON_NOUN_BEFORE.search(text, max(0, age.start - 16), age.start) \
        or _PERSON_NOUN_AFTER.match(text, age.end, min(len(text), age.end + 24))
    return m.group(1).lower() if m else None


# How far into the story the first age may be and still be the headline's (its first
# paragraphs; "A climber has died ... Callum Reid, 24, from Perth, ...").
_OPENING_AGE = 600


def _headline_age(text: str, ages: list[Claim], sentences: Sentences) -> tuple[Claim, Claim] | None:
    """"Climber, 24, dies" over "Callum Reid, 24, from Perth, ...": a headline's one age
    is the story's first, given alone in its paragraph, unless the two name two people,
    or two kinds of person ("Woman, 80, robbed" over "A 17-year-old boy has been
    arrested ..."). Two ages already found to be one person's are compared as such."""
    title = [c for c in ages if c.start < sentences.title_end]
    body = [c for c in ages if c.start >= sentences.lead[0]]
    if len(title) != 1 or not body or body[0].start - sentences.lead[0] > _OPENING_AGE \
            or len(body) > 1 and body[1].line == body[0].line:
        return None
    head, body = title[0], body[0]
    nouns = {_person_noun(text, head), _person_noun(text, body)} - {None}
    if head.extra["person"] and body.extra["person"] or len(nouns) > 1:
        return None
    return head, body


def _join_as_part(groups: Groups, part: Claim, whole: Claim) -> None:
    """A part written without a noun counts what its whole counts, so that "the 1,800
    homes" later may point back at it; it points back at nothing itself."""
    part.extra.update({k: whole.extra[k] for k in ("key", "sentence", "time", "places", "title", "lead")},
                      definite=False, **_NOT_NARROWED, words_before=frozenset(), words_near=frozenset(),
                      specific=False, part=True)
    groups.counts[whole.extra["key"]].append(part)


def _merge_surnames(people: dict[str, list[Claim]]) -> None:
    """A surname met before the full name ("Bell dies aged 44" above "Charlie Bell")
    joins that full name's group when exactly one full name carries it."""
    for name in [n for n in people if " " not in n]:
        owners = [full for full in people if " " in full and name in full.split()]
        if len(owners) == 1:
            people[owners[0]] = sorted(people[owners[0]] + people.pop(name), key=lambda c: c.start)


def _headline_pairs(text: str, claims: list[Claim], sentences: Sentences) -> list[tuple[Claim, list[Claim]]]:
    """A headline's figures and the lead's figures of the same kind, unit and noun."""
    lead_start, lead_end = sentences.lead
    figures = [c for c in claims if c.kind in COUNT_KINDS or c.kind in MEASURE_KINDS]
    title = [c for c in figures if c.start < sentences.title_end]
    lead = [c for c in figures if lead_start <= c.start < lead_end]
    body = [c for c in figures if c.start >= lead_start]
    pairs = []
    for head in title:
        key = head.extra.get("key")  # "with majority of 4,312": a noun before counts too
        if head.kind in COUNT_KINDS and (key is None or _names_something(text, head)):
            continue
        noun = key[-1] if head.kind in COUNT_KINDS else None

        befell = _befell(text, head)

        def same(c: Claim) -> bool:
            # A part counts what its whole counts: "52 of the 80 seats" (its key, no subject);
            # "eight crew saved" counts the saved, not "a boat with 10 crew" (but "Seventeen
            # miners rescued" are "All 17 miners trapped").
            counted = c.extra["key"][-1] if "key" in c.extra else (subject_key(c.subject) or (None,))[-1]
            return c.kind == head.kind and c.unit == head.unit and (noun is None or counted == noun) \
                and (_befell(text, c) == befell or _DEFINITE_BEFORE.search(text, max(0, c.quote_start - 8), c.quote_start))
        # The lead restates the headline; failing that, a later count that points back
        # at it does ("Regulator halts 26 power projects" ... "the 26 projects").
        restated = [c for c in lead if same(c)] or [c for c in body if same(c) and c.extra.get("definite") and noun]
        if restated:
            pairs.append((head, restated))
    return pairs


_OLDEST_PERSON = 122  # years; no one has been older


def _a_thing_s_age(text: str, claim: Claim) -> bool:
    """"the 150-year-old church", "a 60-year-old company": the age of a thing, which
    belongs to no person named near it."""
    if claim.unit in (None, "year") and claim.low is not None and claim.low > _OLDEST_PERSON:
        return True
    # Its first or last word: "company" in "company employs", "church" in "parish church".
    phrase = counted_phrase(text, claim.end)
    words = phrase[0].lower().split() if phrase else []
    return bool(words) and (words[0] in _age_things() or words[-1] in _age_things())


@cache
def _age_things() -> frozenset[str]:
    return frozenset(load("subjects")["ages"]["things"])


# "close 12 of its larger supermarkets": the set a part is taken from, named without a figure.
_OF_A_SET = regex.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+((?:[a-z][\w-]*\s+){0,2}[a-z]+s)\b(?!\s*[\d£$€])")
# "12,000 homes, including 1,800 for social rent": a part without its noun.
_INCLUDING_BEFORE = regex.compile(r"\b(?:including|includes|included)\s+$", regex.IGNORECASE)
# How far after a figure a time is still its own.
_OWN_TIME = 30
# How far into its sentence "40 of them" may stand to be a part of the last sentence's count.
_OPENING = 25
# "Patients from 12 hospitals": a count after a preposition of place.
_PLACES_BEFORE = regex.compile(r"(?<![\w])(?:from|in|at|across|inside)\s+$", regex.IGNORECASE)
# "more than twice the 18-minute target": a measure compared with, not restated.
_MULTIPLE_BEFORE = regex.compile(r"\b(?:twice|times|half|double|triple)\s+(?:that\s+of\s+)?the\s+$", regex.IGNORECASE)
# "Of the 400 schools, 50 ...", "and of those 52 seats, 30 ...": a whole a part is taken from.
_OF_BEFORE = regex.compile(r"(?<![\w])of\s+\w+\s+$", regex.IGNORECASE)


def _definite_end(text: str, claim: Claim) -> int | None:
    """Where what may narrow a definite figure starts ("the 3,000 troops| in Kursk"), or
    None when it is not one: "Of the 400 schools," is a whole, and "twice the 18-minute
    target" a measure to compare with."""
    if not _DEFINITE_BEFORE.search(text, max(0, claim.quote_start - 8), claim.quote_start) \
            or _OF_BEFORE.search(text, max(0, claim.quote_start - 12), claim.quote_start) \
            or _MULTIPLE_BEFORE.search(text, max(0, claim.quote_start - 20), claim.quote_start):
        return None
    if claim.kind in MEASURE_KINDS and (phrase := counted_phrase(text, claim.end)):
        return phrase[2]  # "the £8m bid for Jones": what narrows a sum follows its noun
    return claim.quote_end


def _points_back(text: str, claim: Claim) -> bool:
    """"the 3,000 troops" points back at a set named before; "the 16 films competing in
    ..." names particular members instead."""
    end = _definite_end(text, claim)
    return end is not None and not _after(_RESTRICTED_AFTER, text, end)


_NOT_NARROWED = {"narrowed_by": None, "narrowed_in": frozenset()}


def _narrowed_by(text: str, claim: Claim) -> dict:
    """What narrows a definite figure: a participle ("the £1.3m raised"), or what a
    change is in ("the 25% jump in demand"). Neither narrows it from a figure that came
    with the same verb before it ("raised £1.3m") or the same thing near it ("demand had
    risen by 25%")."""
    end = _definite_end(text, claim)
    m = _after(_PARTICIPLE_AFTER, text, end) if end is not None else None
    n = _after(_CHANGE_IN, text, end) if end is not None and m is None and claim.kind == "percent" else None
    return {"narrowed_by": m.group(1).lower() if m else None,
            "narrowed_in": _content_words(n.group(1)) if n else frozenset()}


def _words_near(text: str, claim: Claim, sentences: Sentences) -> dict:
    """The words before and around a figure in its sentence ("China lent Russia $6bn",
    "Demand had risen by 25% in a year")."""
    sentence = sentences.index(claim.start)
    start = max(sentences.starts[sentence], claim.quote_start - 30)
    end = min(sentences.starts[sentence + 1] if sentence + 1 < len(sentences.starts) else len(text), claim.quote_end + 40)
    before = _content_words(text[start:claim.quote_start])
    return {"words_before": before, "words_near": before | _content_words(text[claim.quote_end:end])}


def _content_words(words: str) -> frozenset[str]:
    return frozenset(_singular(w.lower()) for w in _WORD.findall(words)) - _FUNCTION_WORDS


_BEFELL = load("subjects")["restatements"]
_BEFELL_AFTER = regex.compile(
    rf"\s+(?:(?:have|has|had)\s+been\s+|were\s+|are\s+|was\s+|been\s+)?({'|'.join(_BEFELL['befell_after'])})\b",
    regex.IGNORECASE)
_BEFELL_BEFORE = regex.compile(rf"\b({'|'.join(_BEFELL['befell_before'])})\s+$", regex.IGNORECASE)
# The qualifiers what befell a set adds to its key ("dead", "injured", ...).
BEFELL_QUALIFIERS = frozenset(v for table in ("befell_after", "befell_before") for v in _BEFELL[table].values())


def _befell(text: str, claim: Claim) -> str | None:
    """What befell the counted set ("200 soldiers have been killed", "it killed 200
    soldiers"): "dead", "injured", ...; "" for a loss that adds no qualifier; None."""
    m = _after(_BEFELL_AFTER, text, claim.quote_end)
    if m:
        return _BEFELL["befell_after"][m.group(1).lower()]
    m = _BEFELL_BEFORE.search(text, max(0, claim.quote_start - 12), claim.quote_start)
    return _BEFELL["befell_before"][m.group(1).lower()] if m else None


def _specific(claim: Claim) -> bool:
    """A subject with a proper qualifier ("North Korean soldiers") names one set."""
    words = (claim.subject or "").split()[:-1]
    return any(w[:1].isupper() for w in words)


def _names_something(text: str, claim: Claim) -> bool:
    if claim.kind not in COUNT_KINDS or claim.start != claim.quote_start:
        return False
    # "The 200 homes" opening a paragraph: "The" names nothing.
    m = _NAME_BEFORE.search(text, max(0, claim.start - 30), claim.start)
    return m is not None and m.group(0).strip() not in NOT_NAMES


def _figure_key(text: str, claim: Claim) -> tuple | None:
    """Counts are keyed by what they count; a measure by its kind, unit and the noun
    after it ("the $6bn loan"), when there is one."""
    if claim.kind in COUNT_KINDS:
        key = subject_key(claim.subject) or _noun_of_before(text, claim)
        if key is None:
            return None
        # "Eighty fans were injured" counts the "injured fans", as "the 60 injured fans" does.
        befell = _befell(text, claim)
        if befell and befell not in key[0]:
            key = ((befell, *key[0]), key[1])
        return ("count", None, *key)
    phrase = counted_phrase(text, _after_conversions(text, claim))
    key = subject_key(phrase[0]) if phrase else _noun_of_before(text, claim) or _verb_before(text, claim) \
        or _verb_after(text, claim)
    return None if key is None else (claim.kind, claim.unit, *key)


_VERBS = load("subjects")["restatements"]["verbs"]
_VERB_BEFORE = regex.compile(
    rf"\b({'|'.join(_VERBS)})\s+(?:by\s+)?(?:(?:about|around|nearly|almost|some|more\s+than)\s+)?$",
    regex.IGNORECASE)


def _verb_before(text: str, claim: Claim) -> tuple | None:
    """"Prices rose by 3.4%", "will invest £85m": the rise that "the 3.4% rise" restates,
    the investment "the £85m investment" does."""
    if claim.kind not in ("percent", "money"):
        return None
    m = _VERB_BEFORE.search(text, max(0, claim.quote_start - 24), claim.quote_start)
    if m is None:
        return None
    claim.extra["named_from"] = m.start(1)  # quoted with its verb: "rose by 3.4%"
    return subject_key(_VERBS[m.group(1).lower()])


def _verb_after(text: str, claim: Claim) -> tuple | None:
    """"the £24,000 raised": a sum named by the participle after it, as "raised £48,000"
    names it by the verb before."""
    if claim.kind != "money" or (end := _definite_end(text, claim)) is None:
        return None
    m = _after(_PARTICIPLE_AFTER, text, end)
    if m is None or m.group(1).lower() not in _VERBS:
        return None
    claim.extra["named_to"] = m.end(1)  # quoted with its participle: "£24,000 raised"
    return subject_key(_VERBS[m.group(1).lower()])


# "a majority of 4,312", "a club-record fee of £25m", "the deal is worth £3m", "fined
# £450,000": the noun the figure measures, written before it.
_NOUN_OF_BEFORE = regex.compile(
    r"\b(?i:a|an|the|its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]+)\s+"
    r"(?:of|(?:is|was|are|were|will\s+be|would\s+be|has\s+been)\s+(?:worth|valued\s+at|priced\s+at))\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|just\s+over|just\s+under)\s+)?$"
    r"|\b(fined)\s+$"
    # "Turnout was 38%", "Unemployment stood at 5.1%": a sentence's subject and its figure
    r"|(?:^|[.!?][\"”’']?\s+|\n)(?:(?i:the)\s+)?([A-Z][a-z]+)\s+(?:was|is|were|are|stood\s+at|reached)\s+$")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "there", "what", "which"})
_NOT_NOUNS_OF = frozenset({"one", "some", "all", "most", "many", "none", "each", "both", "rest", "first",
                           "second", "last", "total", "number", "part", "half", "lot", "out", "up", "age", "end"})


def _noun_of_before(text: str, claim: Claim) -> tuple | None:
    """The head noun only: "a club-record fee of £25m" is restated as "the £25m fee"."""
    m = _NOUN_OF_BEFORE.search(text, max(0, claim.quote_start - 48), claim.quote_start)
    if m is None:
        return None
    noun = m.group(1) or m.group(3) or "fine"  # "fined £450,000" ... "the £450,000 fine"
    if m.group(3) and (m.group(3) in NOT_NAMES or m.group(3).lower() in _PRONOUNS) or noun.lower() in _NOT_NOUNS_OF:
        return None
    claim.extra["named_from"] = m.start(m.lastindex)  # quoted with its noun: "a fee of £25m"
    return subject_key(noun.lower())


def _after_conversions(text: str, claim: Claim) -> int:
    """Where a sum's noun may start: after its bracketed conversions ("a $1.2bn (£940m)
    order")."""
    conversions = claim.extra.get("conversions")
    if not conversions:
        return claim.end
    end = conversions[-1].end
    return end + 1 if text.startswith(")", end) else end


# A capitalised word after a lower-case word or a title ("said Bell", "Mr Nogar"), not a
# possessive and not inside a longer name ("World Cross Country Championships").
_SURNAME_RE = regex.compile(rf"(?<=(?:\b[a-z]+|\b(?:{TITLES})\.?),?\s)"
                            r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w'’])(?![ \t]+[A-Z])")


# A name as written: "Claxton", "McIlroy", "O'Neill", "Chan-il"; a possessive "'s" is not part of it.
_NAME_TOKEN = r"[A-Z](?:[a-z]+|[a-z]*['’]?[A-Z][a-z]+)(?:-[A-Za-z][a-z]+)*"
# A run of capitalised words on one line: "Hicham El Guerrouj", "World Cross Country Championships".
_FULL_NAME_RE = regex.compile(rf"(?<![\w'’-]){_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN})+(?![\w-])")
_MENTION_RE = regex.compile(rf"(?<![\w'’-]){_NAME_TOKEN}(?=(?:['’]s)?(?![\w'’-]))")
_TITLE_BEFORE = regex.compile(rf"\b(?:{TITLES})\.?\s+$")  # "Mr Spector": a mention by surname
_NAME_BEFORE_TOKEN = regex.compile(rf"{_NAME_TOKEN}\s+$")
_NAME_TOKEN_NEXT = regex.compile(r"[ \t]+[A-Z]")
# "the Australian Open", "in Madrid", "A New York court", "Commission on Social Justice",
# "Walk of Fame": an event, a place or a body.
_NOT_PERSON_BEFORE = regex.compile(r"(?<![\w])(?i:the|an?|in|at|near)\s+$|[A-Z]\w*\s+(?:of|on|for)\s+(?:the\s+)?$")
# "from Basel", "into Falmouth harbour", "to Great Britain"; but "from Mr Blake's revolver".
_PLACE_BEFORE = regex.compile(r"(?<![\w])(?i:from|into|to)\s+$")
_NOT_PERSON_AFTER = regex.compile(r"\s+(?:of|on|for)\s+(?:the\s+)?[A-Z]")
_PREPOSITION_BEFORE = regex.compile(rf"\b(?i:for|to|by|with|from|of|at|against|over|beat|beating)\s+(?:(?:{TITLES})\.?\s+)?$")
_LINE_START = regex.compile(r"(?:^|\n|[.!?][\"”’']?\s)$")


def _may_be_person(text: str, m, words: list[str]) -> bool:
    """Whether the name ``m`` found, read as ``words`` (its title taken off), may be a
    person's, not an event's, a team's or a place's: "Hopman Cup" ends in an
    institution's word, "in Madrid" follows "in", "from Basel" "from" (but "from Mr
    Blake's revolver" is his)."""
    titled = len(words) < len(m.group(0).split())
    return words[0] not in NOT_NAMES and words[-1] not in _not_person_heads() \
        and not (len(words) > 1 and words[0] in _not_first_names()) \
        and not _NOT_PERSON_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
        and not (not titled and _PLACE_BEFORE.search(text, max(0, m.start() - 8), m.start())) \
        and not _NOT_PERSON_AFTER.match(text, m.end())


@cache
def _not_person_heads() -> frozenset[str]:
    return frozenset(load("subjects")["names"]["not_person_heads"])


@cache
def _not_first_names() -> frozenset[str]:
    return frozenset(load("subjects")["names"]["not_first_names"])


def _person_words(text: str, m) -> list[str]:
    """The words of a name found by _FULL_NAME_RE, without a title or a job before it
    ("Mr Reed"; "Finance Minister Omar Davies", "Novelist Arthur Hailey" opening a
    sentence)."""
    words = _HONORIFIC.sub("", m.group(0)).split()
    if len(words) > 3 or len(words) == 3 and _LINE_START.search(text, max(0, m.start() - 3), m.start()):
        return words[-2:]
    return words


class _Mentions:
    """Where the text names people, so that "the 25-year-old" finds who was named
    last rather than the last capitalised word ("in Madrid", "Olympic titles").

    A person is a name of two or three words that may be a person's (_may_be_person:
    not "the Australian Open", "Hopman Cup", "in Madrid"); a mention by surname alone
    ("Claxton's") names the person with the longest name ending in it.
    """

    def __init__(self, text: str):
        found = []  # (offset, name)
        surnames: dict[str, str] = {}
        for m in _FULL_NAME_RE.finditer(text):
            words = _person_words(text, m)
            if len(words) < 2 or not _may_be_person(text, m, words):
                continue  # "Mr Reed" is a mention by surname, read below
            name = " ".join(words)
            found.append((m.start(), name))
            if len(name) > len(surnames.get(words[-1], "")):
                surnames[words[-1]] = name
        # A full name names its own person, or the longer one it ends ("El Guerrouj" is
        # "Hicham El Guerrouj"), not everyone of its surname ("Rui Mendes" is not "Paulo
        # Mendes"); a surname alone names the longest name carrying it.
        carrying = defaultdict(set)  # surname -> the names that end in it
        for _, name in found:
            carrying[name.rsplit(" ", 1)[-1]].add(name)
        longest = {name: max((n for n in names if n == name or n.endswith(" " + name)), key=len)
                   for names in carrying.values() for name in names}
        # ... but not a place or a body that shares it ("in Ashby", "Ashby Police" after
        # "Safer Ashby said").
        alone = [(m.start(), surnames[m.group(0)]) for m in _MENTION_RE.finditer(text)
                 if m.group(0) in surnames and (not _NAME_BEFORE_TOKEN.search(text, max(0, m.start() - 30), m.start())
                                                or _TITLE_BEFORE.search(text, max(0, m.start() - 12), m.start()))
                 and not _NOT_PERSON_BEFORE.search(text, max(0, m.start() - 30), m.start())
                 and not _NAME_TOKEN_NEXT.match(text, m.end())]
        # Where each full name carrying a surname is first written, for "Fane, 62," after
        # "Edward Fane" and before "Harriet Fane" (a surname has few such names).
        self._first_full: dict[str, dict[str, int]] = defaultdict(dict)
        for pos, name in sorted(found):
            self._first_full[name.rsplit(" ", 1)[-1]].setdefault(longest[name], pos)
        found = sorted([(pos, longest[name]) for pos, name in found] + alone)
        self.positions = [pos for pos, _ in found]
        self.people = [name for _, name in found]

    def full_names_before(self, surname: str, end: int) -> set[str]:
        """The full names carrying ``surname`` that the text wrote before ``end``."""
        return {name for name, pos in self._first_full.get(surname, {}).items() if pos < end}

    def last(self, start: int, end: int) -> tuple[int, str] | None:
        """Where and whom the text names last between two offsets."""
        i = bisect.bisect_left(self.positions, end) - 1
        return (self.positions[i], self.people[i]) if i >= 0 and self.positions[i] >= start else None

    def subject(self, text: str, start: int, end: int) -> str:
        """Whom a sentence naming someone is about: the story's first-named person when
        it names them ("New coach Tony Lester has revived McIlroy's career" under
        "McIlroy aiming for title"), or the first person it names outside a prepositional
        phrase ("Before joining Ms Hale's team, Tom Price spent ..."), or else the
        first it names."""
        named = range(bisect.bisect_left(self.positions, start), bisect.bisect_left(self.positions, end))
        if any(self.people[j] == self.people[0] for j in named):
            return self.people[0]
        free = [j for j in named if not _PREPOSITION_BEFORE.search(text, max(0, self.positions[j] - 16), self.positions[j])]
        return self.people[(free or named)[0]]


def _without_descriptors(text: str, name: str) -> str | None:
    """A headline writes a common noun as a name's first word: "Climber, 24, dies",
    "Chef Nadia Farouk, 39," for the story's "a climber", "the chef". What is left is
    the name, if any."""
    words = name.split()
    while words and regex.search(rf"\b(?i:a|an|the)\s+{regex.escape(words[0].lower())}\b", text):
        words = words[1:]
    return " ".join(words) or None


class _People:
    """Names seen so far, so that "Ahn" after "Ahn Chan-il" is the same person."""

    def __init__(self):
        self.full_names: list[str] = []
        self.last_aged: str | None = None
        self.last_aged_end = 0
        self._mentions: _Mentions | None = None
        self._by_age: dict[tuple, set[str]] = defaultdict(set)  # (low, high) -> people given it
        self._unnamed: set[tuple] = set()  # ages given to someone not named: "a 43-year-old man"
        # A stretch already read for "the N-year-old" that names no one: read it once, so
        # that a run of such ages stays linear.
        self._nameless = (0, 0)

    def unnamed(self, claim: Claim) -> None:
        """An age given to someone not named ("a 43-year-old man", "her children, aged 4
        and 9"): "the 43-year-old" later is that person, not the one named last."""
        self._unnamed.add((claim.low, claim.high))

    def resolve(self, text: str, claim: Claim, sentence_start: int, in_title: bool = False) -> str | None:
        """The person an age belongs to, or None."""
        person = self._resolve(text, claim, sentence_start, in_title)
        if person is not None:
            self._by_age[(claim.low, claim.high)].add(person)
        return person

    def _resolve(self, text: str, claim: Claim, sentence_start: int, in_title: bool) -> str | None:
        # (a plain look at the next two characters first: this runs for every age)
        after = _NAME_NEXT.match(text, claim.end, claim.end + 40) \
            if not claim.subject and text[claim.end + 1:claim.end + 2].isupper() else None
        if after and after.group(1):
            return self._match(after.group(1))  # "the 23-year-old Mr Varga"
        if after and not _demonym(after.group(2)):
            return None  # "the 26-year-old Bryan twins": the name that follows is not resolved
        if not claim.subject and (_someone_elses(text, claim.start) or _RELATIVE_NEXT.match(text, claim.end, claim.end + 16)):
            self.unnamed(claim)
            return None  # "Smith, 40, was with his 12-year-old son"; "a 19-year-old passenger died"
        # "the 69-year-old" is resolved by who was aged last ("at the age of 87" is not).
        anaphor = claim.text[:3].lower() != "age" and _THE_BEFORE.search(text, max(0, claim.start - 5), claim.start)
        name = claim.subject or (None if anaphor else self._only_name_in(text, sentence_start, claim.start))
        if name and in_title:
            name = _without_descriptors(text, name)
            if name is None:
                self.unnamed(claim)
                return None
        if name:
            person = self._match(name, (claim.low, claim.high), self._mentioned(text).full_names_before(name, claim.start)
                                 if " " not in name else set())
            if person is not None:
                self.last_aged, self.last_aged_end = person, claim.end
            return person
        # "the 69-year-old": the person named last before it.
        if anaphor:
            # "Smith, 40, and Jones, 35, were charged. The 40-year-old ...": the one given that age.
            given = self._by_age.get((claim.low, claim.high), ())
            if len(given) == 1:
                return next(iter(given))
            if (claim.low, claim.high) in self._unnamed:
                return None  # "A 43-year-old man was arrested. ... The 43-year-old ...": him
            window_start = max(self.last_aged_end, claim.start - 600)
            full = self._mentioned(text).last(window_start, claim.start)
            if full is not None:
                if full[0] >= sentence_start and not _CLAUSE_START.search(text, max(0, claim.start - 12), claim.start):
                    # "Reed said he wanted the 19-year-old": someone else; when the name
                    # is a speaker's, the story's first-named person if aged last
                    # ("Owen Bright, 17, ... Fiona Lacey said divers had reached the
                    # 22-year-old").
                    said = _SAID.search(text, full[0], claim.start)
                    return self.last_aged if said and self.last_aged_end < sentence_start \
                        and self.last_aged == self._mentions.people[0] != full[1] else None
                # "Palmer beat Hollis. The 28-year-old won.": whom that sentence is about.
                return self._match(self._mentions.subject(text, sentence_around(text, full[0], full[0])[0], full[0] + 1))
            # No full name: the last capitalised word that may be a person ("Chepkemei").
            start, end = self._nameless
            scan_from = end if start <= window_start < end else window_start
            named = [m for pattern in (_FULL_NAME_RE, _SURNAME_RE) for m in pattern.finditer(text, scan_from, claim.start)
                     if _may_be_person(text, m, _HONORIFIC.sub("", m.group(0)).split())]
            if not named:
                # "Jones, 23, died. A man was arrested. The 25-year-old ...": someone new came
                # in since the last age, so "the 25-year-old" is not Jones; nor is "Dyer, 58,
                # said the 15-year-old ..." Dyer.
                if _NEW_PERSON.search(text, scan_from, claim.start):
                    return None
                self._nameless = (min(window_start, start) if scan_from == end else window_start, claim.start)
                return None if self.last_aged_end >= sentence_start else self.last_aged
            return self._match(_HONORIFIC.sub("", max(named, key=lambda m: m.start()).group(0)))
        return None

    @staticmethod
    def _only_name_in(text: str, start: int, end: int) -> str | None:
        """"Charlie Bell has died aged 44": the one person named before the age in its sentence."""
        names = set()
        for m in _FULL_NAME_RE.finditer(text, start, end):
            words = _person_words(text, m)
            if _may_be_person(text, m, words):
                names.add(" ".join(words))
        if not names:
            # A headline names people by surname: "McDonald's boss Bell dies aged 44".
            names = {m.group(0) for m in _SURNAME_RE.finditer(text, start, end)
                     if _may_be_person(text, m, [m.group(0)])}
        return names.pop() if len(names) == 1 else None

    def _mentioned(self, text: str) -> _Mentions:
        if self._mentions is None:
            self._mentions = _Mentions(text)
        return self._mentions

    def _match(self, name: str, age: tuple | None = None, written_before: frozenset[str] | set[str] = frozenset()) -> str | None:
        """The person a name stands for; a surname alone ("Finney, 82,") stands for the
        one full name that carries it (given an age, or written before it: ``written_before``),
        and for no one when that is not clear: two people carry it ("Megan Ortiz, 22 ...
        her father, Rafael Ortiz ... Mr Ortiz, 57"), or the age is one given to someone
        else ("Arthur Penn, 93, and his wife Edith, 91 ... Mrs Penn, 91")."""
        if " " not in name:
            # A name written with a word more or less is one person ("Candidate Sofia
            # Marchetti", "Sofia Marchetti").
            owners = {full for full in self.full_names if name in full.split()} | {
                next((f for f in self.full_names if f.endswith(" " + w) or w.endswith(" " + f)), w) for w in written_before}
            if not owners:
                return name
            given = self._by_age.get(age, set())
            if len(owners) > 1:
                owners &= given
                if len(owners) != 1:
                    return None
            owner = owners.pop()
            if given and owner not in given:
                return None
            name = owner
        if name not in self.full_names:
            self.full_names.append(name)
        return name
