"""People and their ages: which person each age belongs to.

A full name, later surname-only mentions and "the 69-year-old" resolve to one person;
ages at another time ("as a 20-year-old"), of things ("the 150-year-old church") and of
people not named ("a 43-year-old man") are kept apart. An age that cannot be resolved
stays ungrouped.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from functools import cache

import regex

from .extract.ages import PERSON_NOUNS, RELATIVES
from .extract.counted import HONORIFIC as _HONORIFIC
from .extract.counted import NOT_NAMES, STOP_WORDS, TITLES, counted_phrase
from .model import Claim
from .rules_data import load
from .sentences import Sentences, after, opens_sentence, sentence_around, title_end


def group_ages(text: str, claims: list[Claim], sentences: Sentences) -> tuple[dict[str, list[Claim]], tuple[Claim, Claim] | None]:
    """The ages of each person, in order of position, and the headline's age with the
    story's first when they are one person's ("Climber, 24, dies")."""
    people = _People()
    grouped: dict[str, list[Claim]] = defaultdict(list)
    ages: list[Claim] = []
    for claim in claims:
        if claim.kind != "age":
            continue
        if _an_age_then(text, claim, sentences) or _a_thing_s_age(text, claim):
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
            grouped[person].append(claim)
    _merge_surnames(grouped)
    for person_ages in grouped.values():
        _drop_ages_of_others(person_ages)
    return grouped, _headline_age(text, ages, sentences)


def _drop_ages_of_others(ages: list[Claim]) -> None:
    """"Trainer Michael Hogan, 56, ... The nine-year-old is the favourite": a child's age
    met by "the N-year-old" where the person named has an adult's (or the other way
    round) is someone or something else's, a horse's or a child's, not a slip."""
    named = [a for a in ages if not a.extra.get("anaphor")]
    if named and all(_adult(a) for a in named):
        ages[:] = [a for a in ages if not (a.extra.get("anaphor") and _child(a))]
    elif named and all(_child(a) for a in named):
        ages[:] = [a for a in ages if not (a.extra.get("anaphor") and _adult(a))]


def _adult(age: Claim) -> bool:
    return age.low is not None and age.low >= 18


def _child(age: Claim) -> bool:
    return age.high is not None and age.high < 16


def _an_age_then(text: str, claim: Claim, sentences: Sentences) -> bool:
    """"joined the navy as an eager 20-year-old", "left school aged 16": an age at
    another time, not the person's now."""
    return bool(_THEN_BEFORE.search(text, max(0, claim.quote_start - 40), claim.quote_start)
                or claim.text[:6].lower() == "age of" and not _DIED_BEFORE.search(text, max(0, claim.start - 80), claim.start)
                or after(_THEN_AFTER, text, claim.end)
                or _THEN_OPENING.match(text, sentences.starts[sentences.index(claim.start)], claim.start)
                or claim.text[:4].lower() == "aged" and _BEGAN_BEFORE.search(text, max(0, claim.start - 40), claim.start))


# "died in Lisbon at the age of 87", "announced his retirement at the age of 34": the
# age at death or on retiring is the person's age in the story, unless a year sets it
# back ("died in 1968 at the age of 41").
_DIED_BEFORE = regex.compile(r"\b(?:died|dies|retires|retired|retiring|retirement)\b(?:(?!\b(?:1[89]|20)\d\d\b)[^.;!?]){0,60}$",
                             regex.IGNORECASE)
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
    r"|\b(?i:men|women|children|people|boys|girls|sons|daughters|brothers|sisters|grandchildren|twins|friends),?\s+$"
    # "has a daughter aged three", "one aged 42 and one aged 29": someone else the story does not name
    rf"|\b(?i:a|an|one|another)\s+(?:[\w-]+\s+)?(?i:{RELATIVES}|{PERSON_NOUNS}),?\s+$"
    r"|\b(?i:one|another|the\s+other)\s+$")
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
# '"...," said Mr Carter': a name given as a quote's speaker.
_SPEAKER_BEFORE = regex.compile(rf"\b(?:said|says|added)\s+(?:(?:{TITLES})\.?\s+)?$")
_RELATIVE = regex.compile(rf"\b(?:{RELATIVES})\b", regex.IGNORECASE)
# "the 16-year-old son": a relative of someone named, not that person.
_RELATIVE_NEXT = regex.compile(rf"\s+(?:{RELATIVES})\b", regex.IGNORECASE)
# "a man", "a 25-year-old woman", "his son": someone not named comes into the story.
_NEW_PERSON = regex.compile(
    rf"\b(?:(?:a|an)\s+(?:[\w-]+\s+)?(?:{PERSON_NOUNS})|(?:his|her|their)\s+(?:[\w-]+\s+)?(?:{RELATIVES}))\b",
    regex.IGNORECASE)
# 'Banfield said: "...': a name that opens a quote as its speaker.
_NAME_SPAN = regex.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_SPEAKS_NEXT = regex.compile(r"\s+(?:said|says|added)\s*:?\s*[\"“]")
_SAYS_NEXT = regex.compile(r"\s+" + _SAID.pattern)  # "Helen Marsh said"


def _speaks_to(text: str, name_at: int, end: int) -> bool:
    """Whether the name at ``name_at`` opens, as its speaker, a quote still open at ``end``."""
    name = _NAME_SPAN.match(text, name_at)
    opening = name and _SPEAKS_NEXT.match(text, name.end())
    return bool(opening) and opening.end() <= end and not any(q in text[opening.end():end] for q in '"”')


# "Claxton won, and the 25-year-old ...": "the N-year-old" opening a clause is the one just named.
_CLAUSE_START = regex.compile(r"(?:[,;:]\s*(?:and|but|while)?|\b(?:and|but))\s+the\s+$", regex.IGNORECASE)
# "as an idealistic 20-year-old", "when she was 12", "at the age of 10" (an age claim
# "age of 10"): an age then, not now.
_THEN_BEFORE = regex.compile(r"(?<![\w])(?:as\s+an?|when\s+(?:(?:he|she|they|I|we)\s+|(?-i:[A-Z][\w'’-]+\s+){1,3})(?:was|were)|"
                             r"at\s+the\s+age\s+of)\s+(?:[a-z]+\s+)?$"
                             # "since 1987, when 17-year-old Kevin Rowe scored"
                             r"|\bwhen\s+(?:an?\s+)?$"
                             # "won his first cap in 1975, aged 23", "in the spring of 1938, aged 16",
                             # "last season, aged 39"
                             r"|\b(?:(?:in|of)\s+(?:19|20)\d\d|(?:last|that)\s+(?:year|season|month|week))\s*,\s*$",
                             regex.IGNORECASE)
# "Tull was in his 30s when it began", "At the time, Tull was aged 35": the same.
_THEN_AFTER = regex.compile(r"\s*,?\s+(?:when|at\s+the\s+time|at\s+that\s+time|back\s+then)\b(?!\s+asked)",
                            regex.IGNORECASE)
_THEN_OPENING = regex.compile(r"\s*[\"“‘']?(?:At\s+the\s+time|At\s+that\s+time|Back\s+then|Then)\b")
# "began playing aged five", "left school aged 16": "aged" after a beginning or a
# departure dates that event, not the person's age now.
_BEGAN_BEFORE = regex.compile(r"\b(?:began|begun|started|took\s+up|learn[te]d?|joined|left|emigrated|moved)\b"
                              r"[^.;!?]{0,30}$", regex.IGNORECASE)


_PERSON_NOUN_AFTER = regex.compile(rf"\s+(?:[a-z-]+\s+)?({PERSON_NOUNS})\b", regex.IGNORECASE)
_PERSON_NOUN_BEFORE = regex.compile(rf"\b({PERSON_NOUNS}),?\s*$", regex.IGNORECASE)  # "Man, 34,", "a man aged 19"


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
    arrested ..."), or the story brings in someone else with the headline's age later
    ("Man, 34, jailed" over "Dennis Harrow, 79, was punched ... Lee Marston, 34, was
    jailed"). Two ages already found to be one person's are compared as such."""
    title = [c for c in ages if c.start < sentences.title_end]
    body = [c for c in ages if c.start >= sentences.lead[0]]
    if len(title) != 1 or not body or body[0].start - sentences.lead[0] > _OPENING_AGE \
            or len(body) > 1 and body[1].line == body[0].line:
        return None
    head, first = title[0], body[0]
    nouns = {_person_noun(text, head), _person_noun(text, first)} - {None}
    if head.extra["person"] and first.extra["person"] or len(nouns) > 1 or any(
            (c.low, c.high) == (head.low, head.high) and not _THE_BEFORE.search(text, max(0, c.start - 5), c.start)
            for c in body[1:]):
        return None
    return head, first


def _merge_surnames(people: dict[str, list[Claim]]) -> None:
    """A surname met before the full name ("Bell dies aged 44" above "Charlie Bell")
    joins that full name's group when exactly one full name carries it."""
    for name in [n for n in people if " " not in n]:
        owners = [full for full in people if " " in full and name in full.split()]
        if len(owners) == 1:
            people[owners[0]] = sorted(people[owners[0]] + people.pop(name), key=lambda c: c.start)


_OLDEST_PERSON = 122  # years; no one has been older


_LOWER_RUN = regex.compile(r"(?:\s+[a-z0-9][a-z0-9.-]*){1,4}")  # the lower-case words after an age


def _a_thing_s_age(text: str, claim: Claim) -> bool:
    """"the 150-year-old church", "a 60-year-old company": the age of a thing, which
    belongs to no person named near it."""
    if claim.unit in (None, "year") and claim.low is not None and claim.low > _OLDEST_PERSON:
        return True
    # Its first or last word: "company" in "company employs", "church" in "parish church";
    # or the last of the words before the next function word, across a measure: "record"
    # in "20-year-old junior 400m record".
    phrase = counted_phrase(text, claim.end)
    words = phrase[0].lower().split() if phrase else []
    run = _LOWER_RUN.match(text, claim.end, claim.end + 60)
    before_function_word = []
    for word in run.group(0).split() if run else ():
        if word in STOP_WORDS:
            break
        before_function_word.append(word)
    return bool(words) and (words[0] in _age_things() or words[-1] in _age_things()) \
        or bool(before_function_word) and before_function_word[-1] in _age_things()


@cache
def _age_things() -> frozenset[str]:
    return frozenset(load("subjects")["ages"]["things"])


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
# "Hopman Cup of the", "Former Lowmoor MP Dennis Hale": a place or a party before an office
_NOT_PERSON_AFTER = regex.compile(r"\s+(?:(?:of|on|for)\s+(?:the\s+)?|(?:MP|MEP|MSP|AM|MLA)\s+)[A-Z]")
_PREPOSITION_BEFORE = regex.compile(rf"\b(?i:for|to|by|with|from|of|at|against|over|beat|beating)\s+(?:(?:{TITLES})\.?\s+)?$")


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
    """The words of a name found by _FULL_NAME_RE, without a title, a job or a nationality
    before it ("Mr Reed"; "Finance Minister Omar Davies", "Novelist Arthur Hailey" opening
    a sentence; "American Jessie Moran"; a headline's "Cyclist Ortiz" that the story never
    writes again)."""
    words = _HONORIFIC.sub("", m.group(0)).split()
    if len(words) > 3 or len(words) == 3 and (opens_sentence(text, m.start()) or _demonym(words[0])):
        return words[-2:]  # ... and "beat American Jessie Moran"
    if len(words) == 2 and m.end() <= title_end(text) and text.count(m.group(0)) == 1:
        return words[1:]
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
        by_surname = []  # a headline's "Prodigy Monfils": a mention by surname
        for m in _FULL_NAME_RE.finditer(text):
            words = _person_words(text, m)
            if len(words) == 1:
                by_surname.append((m.end() - len(words[0]), words[0]))
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
                 and not _NAME_TOKEN_NEXT.match(text, m.end())] \
            + [(pos, surnames[word]) for pos, word in by_surname if word in surnames]
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

    def first(self, name: str) -> int:
        """Where the text first names someone."""
        return self.positions[self.people.index(name)]

    def named(self, start: int, end: int) -> list[str]:
        """Whom the text names between two offsets."""
        return self.people[bisect.bisect_left(self.positions, start):bisect.bisect_left(self.positions, end)]

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


def _subject_name(text: str, claim: Claim) -> str | None:
    """The name extraction gave an age, without a job opening its sentence ("Actress
    Sally Pearce, 34," is Sally Pearce), as _person_words reads names."""
    name = claim.subject
    if name and len(name.split()) == 3 and (at := text.rfind(name, 0, claim.start)) >= 0 and opens_sentence(text, at):
        return name.split(" ", 1)[1]
    return name


def _without_descriptors(text: str, name: str, keep: int) -> str | None:
    """A headline writes a common noun as a name's first word: "Climber, 24, dies",
    "Chef Nadia Farouk, 39," for the story's "a climber", "the chef", and "Cyclist Ortiz"
    that the story never writes again; so does a sentence ("Actress Sally Pearce, 34,").
    What is left is the name, if any, of at least ``keep`` words (none for a headline)."""
    words = name.split()
    if not keep and len(words) == 2 and text.count(name) == 1:
        return words[1]
    while len(words) > keep and regex.search(rf"\b(?i:a|an|the)\s+{regex.escape(words[0].lower())}\b", text):
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
        self._family: int | None = None  # where the story first names a relative, read once

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
            # "the 31-year-old Henley": a surname the story gave a full name to; "the
            # 26-year-old Bryan twins" is not resolved.
            # (not once the story has named a relative: "his brother Daniel" may be that Ross too)
            written = self._mentioned(text).full_names_before(after.group(2), claim.start)
            return self._match(after.group(2), (claim.low, claim.high), written) \
                if written and not _NAME_TOKEN_NEXT.match(text, after.end()) and not self._a_family(text, claim.start) else None
        if not claim.subject and (_someone_elses(text, claim.start) or _RELATIVE_NEXT.match(text, claim.end, claim.end + 16)):
            self.unnamed(claim)
            return None  # "Smith, 40, was with his 12-year-old son"; "a 19-year-old passenger died"
        # "the 69-year-old" is resolved by who was aged last ("at the age of 87" is not).
        anaphor = claim.text[:3].lower() != "age" and _THE_BEFORE.search(text, max(0, claim.start - 5), claim.start)
        name = _subject_name(text, claim)
        if name is None and not anaphor and (name := self._only_name_in(text, sentence_start, claim.start)) \
                and _RELATIVE.search(text, max(sentence_start, text.rfind(name.split()[-1], sentence_start, claim.start)),
                                     claim.start):
            # "Widow Pamela Ross, whose husband, Ken, died aged 71": a relative's age
            self.unnamed(claim)
            return None
        if name is None and not anaphor and _DIED_BEFORE.search(text, max(0, claim.start - 80), claim.start) \
                and self._mentioned(text).named(sentence_start, claim.start):
            # "Actor Peter Lomax, best known as Arthur Finch in Corner Shop, has died at the
            # age of 78": whom the sentence is about, when it names others too
            name = self._mentions.subject(text, sentence_start, claim.start)
        if name and (in_title or len(name.split()) > 2):
            # "Climber, 24," in a headline; "Actress Sally Pearce, 34," anywhere
            name = _without_descriptors(text, name, keep=0 if in_title else 2)
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
            claim.extra["anaphor"] = True
            # "Smith, 40, and Jones, 35, were charged. The 40-year-old ...": the one given that age.
            given = self._by_age.get((claim.low, claim.high), ())
            if len(given) == 1:
                return next(iter(given))
            # "The 28-year-old singer" after "Singer Danny Fuller": the one person the
            # story introduced with that word.
            job = counted_phrase(text, claim.end)
            if job and job[0].isalpha() and job[0].islower() and (person := self._introduced_as(text, job[0], claim.start)):
                return person
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
                    return self._story_person_aged_before(sentence_start, full[1]) if said else None
                start = sentence_around(text, full[0], full[0])[0]
                if _SPEAKER_BEFORE.search(text, max(0, full[0] - 24), full[0]) \
                        and (person := self._story_person_aged_before(start, full[1])):
                    # '... died at the age of 87. ... "No one taught me more," said Mr
                    # Carter. The 87-year-old ...': not the speaker.
                    return person
                name_end = _NAME_SPAN.match(text, full[0], full[0] + 80).end()
                if _SAYS_NEXT.match(text, name_end, name_end + 12) and self._mentions.first(full[1]) >= start \
                        and (person := self._story_person_aged_before(start, full[1])):
                    # "Prosecutor Helen Marsh said ... Sentencing the 47-year-old, ...": one
                    # brought in to speak of the story's person is not the one aged (but
                    # "Keane beat Moran. Moran said ... The 23-year-old" may be Moran).
                    return person
                if _speaks_to(text, full[0], claim.start):
                    # 'Banfield said: "Josh played well. The 19-year-old ..."': no one calls
                    # themself "the 19-year-old"
                    return self._story_person_aged_before(start, full[1])
                # "Palmer beat Hollis. The 28-year-old won.": whom that sentence is about;
                # but "Bell, 45, ... Bell also signed defender Gavin Tolley. The 21-year-old
                # ...": when that one, not the story's first-named person, was given
                # another age before it and the sentence brings in someone new, the
                # newcomer may be meant.
                about = self._match(self._mentions.subject(text, start, full[0] + 1))
                if self.last_aged_end < start and about != self._match(self._mentions.people[0]) \
                        and any(about in people for age, people in self._by_age.items() if age != (claim.low, claim.high)) \
                        and any(self._mentions.first(name) >= start for name in self._mentions.named(start, full[0] + 1)):
                    return None
                return about
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

    def _story_person_aged_before(self, before: int, named: str) -> str | None:
        """The story's first-named person, when they were aged last, before ``before``,
        and are not ``named``: whom "the N-year-old" after a speaker's words means
        ("Owen Bright, 17, ... Fiona Lacey said divers had reached the 22-year-old")."""
        return self.last_aged if self.last_aged_end < before and self.last_aged == self._mentions.people[0] != named \
            else None

    def _introduced_as(self, text: str, job: str, end: int) -> str | None:
        """The one person written after ``job`` before ``end`` ("Singer Danny Fuller",
        "striker Lars Henriksen"), if there is exactly one."""
        pattern = regex.compile(rf"\b(?i:{regex.escape(job)})\s+((?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)")
        people = {self._match(m.group(1)) for m in pattern.finditer(text, 0, end)}
        return people.pop() if len(people) == 1 else None

    def _a_family(self, text: str, before: int) -> bool:
        """Whether the story names a relative before ``before`` ("his brother Daniel")."""
        if self._family is None:
            m = _RELATIVE.search(text)
            self._family = m.start() if m else len(text)
        return self._family < before

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
