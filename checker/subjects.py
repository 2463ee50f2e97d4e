"""Subject resolution: which claims speak of the same thing.

Counts are keyed by their counted noun phrase, with the head noun mapped through
the synonym groups of rules/lexicons/subjects.toml and the qualifiers that change the
referent kept ("North Korean troops" is not "Russian troops"); a sum or a percentage by
the noun or verb that names it ("the £85m investment", "rose by 3.4%"); a count or a
sum that no noun names by its verb, for a quote that restates it ("Selling 300,000").
Each figure also records whether it points back at one named before.  Ages are grouped
by person in people.py.  A claim that cannot be resolved stays ungrouped.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import chain

import regex

from .extract.counted import BASE_VERBS, NOT_NAMES, counted_phrase
from .model import Claim
from .people import group_ages
from .rules_data import EXTRA_SUBJECTS, load
from .sentences import Sentences, after, opens_sentence, sentence_around

COUNT_KINDS = ("number", "range")


@dataclass
class Groups:
    # Figures by (kind, unit, qualifiers, head): ("count", None, ("north", "korean"), "troops").
    counts: dict[tuple, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    people: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    # Numbers that are part of a name, by the name: "Halo 2", "Radio 1" under "Halo", "Radio".
    names: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    # Each headline figure with the lead paragraph's figures of its kind, which restate it.
    headline: list[tuple[Claim, list[Claim]]] = field(default_factory=list)
    # A headline's age with the lead's, when they are one person's ("Climber, 24, dies").
    headline_age: tuple[Claim, Claim] | None = None
    # Counts and sums by the verb before them ("sold 300,000 consoles": "sell"), with the
    # quoted ones that only a verb names ('"Selling 300,000 in two days ..."', ``by_verb``).
    verbs: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))


def _lexicon():
    return _lexicon_with(EXTRA_SUBJECTS.get())


@cache
def _lexicon_with(extra: tuple[tuple[str, tuple[str, ...]], ...]):
    # ``extra``: synonym groups from the project's configuration (checker.config).
    data = load("subjects")
    synonyms = {word: name for name, words in (*data["groups"].items(), *extra) for word in words}
    alike = {word: words[0] for words in data["qualifiers"]["alike"] for word in words}
    return (synonyms, alike, frozenset(data["qualifiers"]["set_changing"]),
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
    synonyms, alike, set_changing, ignorable, generic = _lexicon()
    words = [w.lower().strip("'’") for w in phrase.split()]
    # A two-word synonym ("service members", "first prize") counts as one head.
    tail = " ".join(words[-2:])
    if len(words) >= 2 and tail in synonyms:
        head, qualifiers = synonyms[tail], words[:-2]
    else:
        head, qualifiers = words[-1], words[:-1]
        if head in _NOMINAL_BEFELL:  # "24 wounded", "the 42 injured": injured people
            qualifiers, head = [*qualifiers, _NOMINAL_BEFELL[head]], "people"
        if head in generic or not head.isalpha():
            return None
        head = synonyms.get(head, _singular(head))
    if any(w in set_changing for w in qualifiers):
        return None
    qualifiers = tuple(alike.get(q, q) for q in qualifiers if q not in ignorable)
    return qualifiers, head


# The participles that stand for people on their own ("the injured", "24 wounded",
# "the dead"): what befell them, as a qualifier of people.
_NOMINAL_BEFELL = {word: load("subjects")["restatements"]["befell_after"][word]
                   for word in load("subjects")["restatements"]["nominal"]}


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
_DEFINITE_BEFORE = regex.compile(r"(?<![\w])(the|this|these|those|its|their|his|her|such|all|(?-i:[A-Z][\w-]*)['’]s)\s+$", regex.IGNORECASE)
# "the 16 films competing in ...", "the 12 people still in hospital", "the 5.1% increase
# seen a year earlier": a definite figure narrowed by what follows is a subset or
# another one, and "the 25 countries of the EU" may be a whole
# that holds the "Ten countries" before. An intransitive "-ed" is the sentence's verb
# instead ("The 35 passengers died").
# A participle narrows; the sentence's own verb, with its object after it, does not ("the
# 20% drop showed that ...", "the fine wiped out its profits").
_PARTICIPLES = rf"(?:(?!(?:{'|'.join(load('subjects')['restatements']['intransitive'])})\b)\w+ed" \
    rf"|{'|'.join(load('subjects')['restatements']['participles'])})" \
    r"(?!\w|\s+(?:that|the(?!\s+(?:previous|last|following|next|same)\b)|its|their|his|her|how|why|what|it|them|him|us|out|off)\b)"
_RESTRICTED_AFTER = regex.compile(
    rf"\s+(?:\w+ing|{_PARTICIPLES}"
    r"|who|that|which|in|at|from|on|of|with|without|for|still|now|then|currently|left"
    r"|(?:the\s+)?(?:last|previous|following)|a\s+(?:year|month|week)\s+(?:earlier|before|ago)"
    # a relative clause without "that": "the 5% stake it sold", "the 21,260 votes the
    # party won in 2001"
    r"|(?:it|he|she|they|we|I|you)\s+(?!(?:is|was|are|were|will|would|has|have|had)\b)[a-z]+"
    r"|the\s+[a-z]+\s+(?:\w+ed|won|sold|paid|spent|made|took|got|lost|gave|held|had))\b", regex.IGNORECASE)
# "the £250,000 donated by the supermarket": a participle and its agent.
_PARTICIPLE_AFTER = regex.compile(rf"\s+({_PARTICIPLES})\b(?:\s+by\s+((?:[\w'’-]+\s+){{0,2}}[\w'’-]+))?", regex.IGNORECASE)
_STEM_END = regex.compile(r"(?:ing|ed|es|e|s|d)$")
# "cutting", "stopped": a consonant doubled before "-ing" or "-ed" ("cutt" is "cut"; not
# "selling", whose "ll" is its own)
_DOUBLED_END = regex.compile(r"([bdgmnprt])\1$")
_CLAUSE_BREAK = regex.compile(r"[;:]|\s(?:while|whereas|but)\s|,\s+with\s")
_WORD = regex.compile(r"[A-Za-z]+")
# "the 25% jump in demand", "the 3,000 rise in unemployment in the region": what a change
# is in, up to a verb ("the 12,000 fall in manufacturing jobs taking ..."), with a second
# such phrase.
_CHANGE_IN = regex.compile(r"\s+(?:in|for)\s+((?:(?:the|its|their)\s+)?[\w'’-]+(?:\s+(?!(?:[a-z]+(?:ing|ed)|in|at|for|across|among|of|to|from|with|by|and|or|was|is|were|are"
                           r"|has|have|had|will|would|could|should|can|may|might|said|says)\b)[\w'’-]+){0,2})"
                           r"(?:\s+(?:in|at|for|across|among|of)\s+((?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?))?")
_FUNCTION_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "of", "and", "or", "to", "for",
                             "by", "on", "at", "in", "as", "that", "which", "was", "is", "were", "are", "has", "have",
                             "had", "be", "been", "will", "would", "it", "with", "from", "than", "more", "about",
                             "between", "during", "over", "under", "into", "after", "before", "since", "until", "up",
                             "down", "per", "out", "not", "no", "but", "so", "also", "just", "only", "this", "year"})
# "Halo 2", "Radio 1", "Number 10": a bare number right after a capitalised word names something.
# (not a sentence's or a quote's first word: '"Selling 600,000 copies ...')
_NAME_BEFORE = regex.compile(r"(?<![.!?:][\"“‘']?\s[\"“‘']?)(?<!^[\"“‘']?)(?<![\"“‘])\b[A-Z][\w'’-]*(?<!['’]s)\s+$")
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
    r"\s*(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|minute|second|season|head|person|share)\b|\s*annually\b"
    r"|\s*(?:per|for\s+every|in\s+every)\s+\d",  # "14 cases per 100,000 people"
    regex.IGNORECASE,
)
MEASURE_KINDS = ("money", "percent", "quantity")


def group(text: str, claims: list[Claim]) -> Groups:
    """Groups figures by subject and ages by person, in order of position.

    Each grouped figure also records what subject resolution knows of it
    (``extra``): its sentence and time anchors, whether it points back with a
    definite article, whether it is in the headline or the lead paragraph.
    """
    groups = Groups()
    sentences = Sentences(text)
    last_whole: Claim | None = None
    last_count: Claim | None = None
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
            if claim.kind in COUNT_KINDS and (after(_PART_AFTER, text, claim.end) or _PART_BEFORE.search(
                    text, max(0, claim.quote_start - 20), claim.quote_start)):
                # "3,000 of them": a part of the whole counted last, in this sentence or
                # at the start of the next ("It received 147 complaints. Many victims have
                # been paid, 190 of them" is not), with no count between ("Seven passengers
                # died, and a further 32 were injured, nine of them seriously": the 32's).
                sentence = sentences.index(claim.start)
                if last_whole is not None and previous is last_whole \
                        and (last_whole.extra["sentence"] == sentence or last_whole.extra["sentence"] == sentence - 1
                             and claim.quote_start - sentences.starts[sentence] <= _OPENING):
                    claim.extra["part_of"] = last_whole.extra["key"]
                    _join_as_part(groups, claim, last_whole)
                continue
            if claim.kind == "number" and claim.text.isdigit() and (name := _names_something(text, claim)):
                # "Halo 2", "Radio 1": a name, which the draft should write the same way each time
                claim.extra["name_from"] = name.start()
                groups.names[name.group(0).strip()].append(claim)
                continue
            key = _figure_key(text, claim)
            # "close 12 of its larger supermarkets", "4,200 of the homes": a part of a set
            # named without a figure, which "the 12 supermarkets" may restate.
            of_set = key is None and claim.kind in COUNT_KINDS and claim.subject is None \
                and (of := after(_OF_A_SET, text, claim.end)) is not None
            if of_set:  # the head noun only: "the 12 supermarkets" after "12 of its larger supermarkets"
                head = subject_key(of.group(1).split()[-1])
                key = ("count", None, *head) if head else None
            rate = after(_RATE_AFTER, text, claim.quote_end)
            if (key is None or rate) and (claim.kind == "money" or claim.kind in COUNT_KINDS and (claim.low or 0) >= 10) \
                    and _verbal(text, verb_at := _verb_match(text, claim, opening=True)):
                # "Kaito sold 300,000 of its new Zephyr consoles", '"Selling 300,000 in two
                # days ..."', '"To take £2.1m in a weekend"': figures that only their verb names
                claim.extra.update(_named_by_verb(text, claim, verb_at, sentences, rate))
                groups.verbs[claim.extra["verb"]].append(claim)
                continue
            if key is None or rate or _names_something(text, claim):
                continue
            sentence = sentences.index(claim.start)
            for figure in (part, claim) if part is not None else (claim,):
                # "the 3,000 troops" points back at a set named before; "the 16 films
                # competing in ..." names particular members instead. "five of the 650
                # seats" is a whole the five are taken from, not the seats named before.
                end = _definite_end(text, figure) if part is None else None
                # ... nor one supposed: "If this vaccine were given to the 200 million people"
                definite = end is not None and not after(_RESTRICTED_AFTER, text, end) \
                    and not _IF_BEFORE.search(text, max(0, figure.quote_start - 60), figure.quote_start)
                # "said the 3.4% rise was a sign of recovery from the slump in 2023": the
                # times and places well after a figure with "the" are not the figure's.
                quote = _quote_restating(text, figure, sentences)
                # ... nor those well after a quote's restatement: '"An annual rise of 4.5%
                # is a far cry from the 20% we saw in 2003"' is this year's rise.
                own = end + _OWN_TIME if end is not None else \
                    figure.quote_end + _OWN_TIME if quote["quote_restating"] else None
                figure.extra.update(
                    key=key, sentence=sentence, places=sentences.places(sentence, own), time=sentences.anchors(sentence, own),
                    definite=definite, demonstrative=definite and _demonstrative(text, figure), **_owned(text, figure),
                    **_narrowed_by(text, figure, end if end is not None else quote["quote_narrowing"]),
                    near=_near(text, figure, sentences),
                    # "a further 25 stores" is a new set: compared with nothing before,
                    # but "the 25 stores" after it may point back at it; so is a part.
                    fresh=_changes_set(text, figure) or of_set, part=of_set,
                    specific=_specific(claim) or claim.kind == "money" and _compound(key) and "compound",
                    acts=_acts(text, figure),
                    casualty=_befell(text, figure) is not None,
                    title=figure.start < sentences.title_end, **quote, as_amount=_as_amount(text, figure),
                    lead=sentences.lead[0] <= figure.start < sentences.lead[1],
                )
                groups.counts[key].append(figure)
                if (figure.kind in COUNT_KINDS or figure.kind == "money") and figure.extra["verb"]:
                    groups.verbs[figure.extra["verb"]].append(figure)
            if claim.kind in COUNT_KINDS and claim.low is not None and claim.low >= 2:
                # "30 soldiers and 20 civilians. 40 of them ...": "them" are all 50, and after
                # "40,000 members in 12 countries. Of these, ..." the members: with two
                # counts in its sentence, the whole is not known, and no part is checked.
                # "Patients from 12 hospitals were moved, 30 of them children": "them"
                # are not the places the count after a preposition names.
                last_whole = None if listed or _PLACES_BEFORE.search(
                    text, max(0, claim.quote_start - 8), claim.quote_start) else claim
    _names_opening_sentences(text, claims, groups.names)
    groups.people, groups.headline_age = group_ages(text, claims, sentences)
    groups.headline = _headline_pairs(text, claims, sentences)
    return groups


_CAPITALISED_BEFORE = regex.compile(r"\b([A-Z][\w'’-]*)\s+$")


def _names_opening_sentences(text: str, claims: list[Claim], names: dict[str, list[Claim]]) -> None:
    """"Doom 3 won ...": a sentence's first word with a number is a name when the draft
    writes that name with a number elsewhere (not "In 2004", "About 300")."""
    for claim in claims:
        if claim.kind == "number" and claim.text.isdigit() and "name_from" not in claim.extra \
                and (m := _CAPITALISED_BEFORE.search(text, max(0, claim.start - 30), claim.start)) and m.group(1) in names:
            claim.extra["name_from"] = m.start()
            names[m.group(1)].append(claim)
    for named in names.values():
        named.sort(key=lambda c: c.start)


def _join_as_part(groups: Groups, part: Claim, whole: Claim) -> None:
    """A part written without a noun counts what its whole counts, so that "the 1,800
    homes" later may point back at it; it points back at nothing itself."""
    part.extra.update({k: whole.extra[k] for k in ("key", "sentence", "time", "places", "title", "lead", "quoted")},
                      quote_restating=False, verb=None, quote_narrowing=None,
                      definite=False, owned=False, owner=frozenset(), **_NOT_NARROWED, near=(part.quote_start, part.quote_end),
                      specific=False, acts=None, part=True)
    groups.counts[whole.extra["key"]].append(part)


def _set_changing_words(phrase: str | None) -> frozenset[str]:
    """The words of a counted phrase that make it a new set ("extra", "more")."""
    return frozenset(w.lower() for w in (phrase or "").split()) & _lexicon()[2]


def _without_words(phrase: str, words: frozenset[str]) -> str:
    return " ".join(w for w in phrase.split() if w.lower() not in words)


def _noun_counted(claim: Claim, changing: frozenset[str]) -> str | None:
    """What a lead's figure counts, for a headline's to be compared with: its key's noun or
    its subject's; a new set ("2,000 extra officers") only for a headline's new set of the
    same kind (``changing``: "extra")."""
    if "key" in claim.extra:
        return claim.extra["key"][-1]
    phrase = claim.subject
    if changing and _set_changing_words(phrase) == changing:
        phrase = _without_words(phrase, changing)
    key = subject_key(phrase)
    return key[-1] if key else None


def _headline_pairs(text: str, claims: list[Claim], sentences: Sentences) -> list[tuple[Claim, list[Claim]]]:
    """A headline's figures and the lead's figures of the same kind, unit and noun, or
    failing a noun, of the same verb."""
    lead_start, lead_end = sentences.lead
    figures = [c for c in claims if c.kind in COUNT_KINDS or c.kind in MEASURE_KINDS]
    title = [c for c in figures if c.start < sentences.title_end]
    lead = [c for c in figures if lead_start <= c.start < lead_end]
    body = [c for c in figures if c.start >= lead_start]
    pairs = []
    for head in title:
        if _names_something(text, head):
            continue  # "Halo 2 sweeps awards": a name
        key = head.extra.get("key")  # "with majority of 4,312": a noun before counts too
        # "4,000 extra officers": a new set, which the lead's new set of the same kind
        # ("2,000 extra community support officers") restates
        changing = _set_changing_words(head.subject)
        if key is None and changing and (noun_key := subject_key(_without_words(head.subject, changing))):
            key = ("count", None, *noun_key)
        restated = []
        if key is not None or head.kind not in COUNT_KINDS:
            noun = key[-1] if head.kind in COUNT_KINDS else None
            befell = _befell(text, head)
            level_or_change = _level_or_change(text, head)

            def same(c: Claim) -> bool:
                # A part counts what its whole counts: "52 of the 80 seats" (its key, no
                # subject); "eight crew saved" counts the saved, not "a boat with 10 crew"
                # (but "Seventeen miners rescued" are "All 17 miners trapped").
                return c.kind == head.kind and c.unit == head.unit \
                    and (noun is None or _noun_counted(c, changing) == noun) \
                    and not _names_something(text, c) and not _WITHIN_BEFORE.search(text, max(0, c.quote_start - 12), c.quote_start) \
                    and (level_or_change is None or _level_or_change(text, c) in (None, level_or_change)) \
                    and (_befell(text, c) == befell or _DEFINITE_BEFORE.search(text, max(0, c.quote_start - 8), c.quote_start))
            # The lead restates the headline; failing that, a later count that points
            # back at it does ("Regulator halts 26 power projects" ... "the 26 projects").
            restated = [c for c in lead if same(c)] or [c for c in body if same(c) and c.extra.get("definite") and noun
                                                         and not changing]
        if not restated and head.kind in COUNT_KINDS and (verb := _verb_before_figure(text, head)):
            # Failing a noun, the lead's count of the headline's verb: "Console sells
            # 300,000 in a week" over "sold 300,000 units", "Road deaths fall 6% to
            # 3,221" over "The number of people killed on the roads fell by 6% to 3,221".
            restated = [c for c in lead if c.kind == head.kind and _verb_before_figure(text, c) == verb]
        if not restated and head.kind in COUNT_KINDS and head.subject:
            # "19.6 million watch Star Search final" over "9.8 million viewers watched": a
            # headline's verb read as the first word of its noun, the lead's after its noun.
            verb = _plain_verb(head.subject.split()[0].lower())
            restated = [c for c in lead if c.kind == head.kind and c.extra.get("acts") == verb]
        if restated:
            pairs.append((head, restated))
    return pairs


# "Villagers are within £65,500 of their target": the gap to a figure, not one the
# headline's "Appeal passes £180,000" may restate.
_WITHIN_BEFORE = regex.compile(r"\bwithin\s+$", regex.IGNORECASE)
# "slows to 11.3%": a level; "rose by 0.4%", "up 0.4%": a change. ("Singapore growth at
# 8.1%" may be either: "the economy grew by 8.1%".)
_TO_LEVEL_BEFORE = regex.compile(r"\bto\s+$", regex.IGNORECASE)
_BY_CHANGE_BEFORE = regex.compile(
    rf"\b(?:by|{'|'.join(v for v, n in load('subjects')['restatements']['verbs'].items() if n in ('rise', 'fall'))})\s+$",
    regex.IGNORECASE)


def _level_or_change(text: str, claim: Claim) -> str | None:
    """Whether a figure is a level ("House price growth slows to 11.3%") or a change
    ("House prices rose by 0.4% in February"), which a headline's figure of the other
    does not restate; None when its words do not say."""
    start = max(0, claim.quote_start - 16)
    if _TO_LEVEL_BEFORE.search(text, start, claim.quote_start):
        return "level"
    return "change" if _BY_CHANGE_BEFORE.search(text, start, claim.quote_start) else None


# "close 12 of its larger supermarkets": the set a part is taken from, named without a figure.
_OF_A_SET = regex.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+((?:[a-z][\w-]*\s+){0,2}[a-z]+s)\b(?!\s*[\d£$€])")
# "12,000 homes, including 1,800 for social rent": a part without its noun.
_INCLUDING_BEFORE = regex.compile(r"\b(?:including|includes|included)\s+$", regex.IGNORECASE)
# How far after a figure a time or a place is still its own.
_OWN_TIME = 30
# How far into its sentence "40 of them" may stand to be a part of the last sentence's count.
_OPENING = 25
# "Patients from 12 hospitals": a count after a preposition of place.
_PLACES_BEFORE = regex.compile(r"(?<![\w])(?:from|in|at|across|inside)\s+$", regex.IGNORECASE)
# "more than twice the 18-minute target": a measure compared with, not restated.
_MULTIPLE_BEFORE = regex.compile(r"\b(?:twice|times|half|double|triple)\s+(?:that\s+of\s+)?the\s+$", regex.IGNORECASE)
# "Of the 400 schools, 50 ...", "and of those 52 seats, 30 ...", "every one of England's 3,500
# schools", "most of the 300 staff": a whole a part is taken from; not "the cost of the 20
# projects", which points back at them.
_OF_BEFORE = regex.compile(
    r"(?:(?<![\w])(?:one|two|three|four|five|six|seven|eight|nine|ten|some|many|most|all|none|each|any|several|few"
    r"|half|majority|minority|proportion|rest|remainder|thirds?|quarters?|fifths?|tenths?|cent|\d[\d,.]*%?)\s+|%\s*"
    r"|(?:^|[.;:!?,(][\"”’']?\s+|(?<![\w])and\s+))of\s+[\w'’]+\s+$", regex.IGNORECASE)


# "The fine of £5.4m", "That profit of £263m", "The contract, worth £130m,", "The
# audience of 8.9 million": a noun with "the" right before it, then its figure.
_DEFINITE_NOUN_BEFORE = regex.compile(
    # not "the usual audience of", nor "its audience of" (whose?)
    r"(?<![\w])(?:the|(?P<demonstrative>this|that))\s+[a-z]+"
    r"(?:\s+of|,?\s+(?:(?:is|was)\s+)?worth)\s+$", regex.IGNORECASE)


def _demonstrative(text: str, claim: Claim) -> bool:
    """"That increase of 3.8%": a noun that points at what the sentence before said."""
    m = _DEFINITE_NOUN_BEFORE.search(text, max(0, claim.quote_start - 48), claim.quote_start)
    return m is not None and m.group("demonstrative") is not None


def _definite_end(text: str, claim: Claim) -> int | None:
    """Where what may narrow a definite figure starts ("the 3,000 troops| in Kursk"), or
    None when it is not one: "Of the 400 schools," is a whole, and "twice the 18-minute
    target" a measure to compare with."""
    if not (_DEFINITE_BEFORE.search(text, max(0, claim.quote_start - 24), claim.quote_start)
            or (claim.kind in MEASURE_KINDS or claim.subject is None)  # "The audience of 8.9 million"
            and _DEFINITE_NOUN_BEFORE.search(text, max(0, claim.quote_start - 48), claim.quote_start)) \
            or _OF_BEFORE.search(text, max(0, claim.quote_start - 24), claim.quote_start) \
            or _MULTIPLE_BEFORE.search(text, max(0, claim.quote_start - 20), claim.quote_start):
        return None
    return _narrowing_start(text, claim)


def _narrowing_start(text: str, claim: Claim) -> int:
    """Where what may narrow a figure starts: "the 3,000 troops| in Kursk", "the £8m
    bid| for Jones" (what narrows a sum follows its noun)."""
    if claim.kind in MEASURE_KINDS and (phrase := counted_phrase(text, claim.end)):
        return phrase[2]
    return claim.quote_end


# The word before a figure, when it may be its verb: "carried 14.6 million passengers";
# or one that opens a quote: '"Selling 300,000 ...'.
_WORD_BEFORE_FIGURE = regex.compile(r"(?<![\w'’-])([a-z]{3,})\s+$")
_GERUND_BEFORE_FIGURE = regex.compile(r"(?<![\w'’-])([A-Z][a-z]+ing)\s+$")
# "watched by 9.4 million": a passive's verb.
_PASSIVE_BEFORE_FIGURE = regex.compile(r"(?<![\w'’-])([a-z]{3,}(?:ed|en))\s+by\s+$")
# "if he scores 20 goals", "The City was looking for a rise of about 20%", 'the target
# was to win "more than 60 seats"', "the alternative was a rise of 10%", "Someone with a
# £150,000 loan": a figure hoped for, supposed or given as an example, not the story's.
_UNREAL_BEFORE = regex.compile(r"\b(?:if|would|could|might|should|expect\w*|hop\w*|need\w*|want\w*|looking\s+for"
                               r"|aim\w*|target\w*|alternative\w*|otherwise"
                               r"|someone|anyone|somebody|anybody|for\s+example|for\s+instance)"
                               r"\b[^.;:!?\"“”]{0,50}[\"“]?$", regex.IGNORECASE)
# "If this vaccine were given to the 200 million people": a condition's figure.
_IF_BEFORE = regex.compile(r"\b(?:if|unless)\b[^.;:!?\"“”]{0,50}$", regex.IGNORECASE)
# "fell by 6% to 3,221", "rose to 1.4 million": the verb of the level a figure is.
_LEVEL_VERB_BEFORE = regex.compile(r"(?<![\w'’-])([a-z]{3,})\s+(?:by\s+)?(?:[\d.,]+%?\s+)?(?:last\s+year\s+)?to\s+$")
# "Our 28 stores in Scotland", "I get a pension rise of about 2.5%": a speaker's own set
# or sum.
_SPEAKERS_BEFORE = regex.compile(r"(?<![\w])(?:our|my)\s+$|(?<![\w'’])(?-i:I)(?:['’]ve|\s+)(?:get|got|receive|received|earn|"
                                 r"earned|pay|paid|have|had|lost|owe|spend|spent)\b[^.;:!?\"“”]{0,30}$", regex.IGNORECASE)


def _quote_restating(text: str, claim: Claim, sentences: Sentences) -> dict:
    """Whether a figure is in a quote (``quoted``), whether it may restate one the story
    gave before ("carried 14.6 million passengers ... 'We carried 14.6 million
    passengers'": ``quote_restating``), and the verb before it (``verb``), which must be
    the earlier figure's. A quote restates with a single figure named by a noun ("450
    jobs", "a shortfall of £580m", not "went up by 40%"), not the speaker's own set ("Our
    28 stores"), one hoped for ("if he scores 20 goals") or one narrowed by what follows
    ("21 goals in 20 games"), unless what narrows it was said of the earlier figure too
    ("A 36% rise in profits": ``quote_narrowing``, read as _narrowed_by reads "the")."""
    quoted = sentences.quoted(claim.start)
    restating = quoted and claim.value is not None and named_by_noun(text, claim) and not _own_or_hoped(text, claim)
    narrowing = _narrowing_start(text, claim) if restating else None
    narrowed = restating and after(_RESTRICTED_AFTER, text, narrowing)
    return {"quoted": quoted, "quote_restating": restating and not narrowed, "verb": _verb_before_figure(text, claim),
            # "A 36% rise in profits": narrowed as "the 36% rise in profits" is (_narrowed_by)
            "quote_narrowing": narrowing if narrowed else None}


# "Four hundred and fifty jobs is a heavy blow", "65,000 people in one stadium was a
# record": a plural count spoken of as one amount, the figure itself the subject.
_AMOUNT_AFTER = regex.compile(r"(?:\s+(?:in|at|on|for|from|over)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2})?"
                              r"\s+(?:is|was)\s+(?!being\b|to\b|\w+ed\b|\w+ing\b)", regex.IGNORECASE)


def _as_amount(text: str, claim: Claim) -> bool:
    """Whether a count that opens its sentence is spoken of as an amount ("Forty-five
    routes is more than any rival offers"), which restates the story's figure as a quote
    does; not "... with the 21 member economies was worth $90bn", whose subject comes before."""
    quote = text[claim.quote_start - 1:claim.quote_start] in ('"', "“")
    start = claim.quote_start - quote
    # ('said: "150,000 people over three days is incredible"': a quote opens a sentence)
    opening = opens_sentence(text, start) or quote and text[max(0, start - 2):start].strip() in (":", ",")
    return claim.kind in COUNT_KINDS and bool(claim.subject) and claim.subject.endswith(("s", "people", "children")) \
        and opening and after(_AMOUNT_AFTER, text, claim.quote_end) is not None


def _own_or_hoped(text: str, claim: Claim) -> bool:
    """A quoted figure that restates nothing: the speaker's own set ("Our 28 stores") or
    one hoped for ("if he scores 20 goals")."""
    return _SPEAKERS_BEFORE.search(text, max(0, claim.quote_start - 48), claim.quote_start) is not None \
        or _UNREAL_BEFORE.search(text, max(0, claim.quote_start - 60), claim.quote_start) is not None


def named_by_noun(text: str, claim: Claim) -> bool:
    """"450 jobs", "a majority of 4,622", "a shortfall of £580m", "a £200 rebate": a noun
    names the figure."""
    if claim.kind in COUNT_KINDS:
        named = subject_key(claim.subject) is not None
    else:
        phrase = counted_phrase(text, after_conversions(text, claim))
        named = phrase is not None and subject_key(phrase[0]) is not None
    return named or _NOUN_OF_BEFORE.search(text, max(0, claim.quote_start - 48), claim.quote_start) is not None


def _verb_before_figure(text: str, claim: Claim, opening: bool = False) -> str | None:
    """The verb right before a figure, as one form for all of its forms ("hits", "hit";
    "sells", "sold"; "rose", "increased"), or None when the word there is no verb."""
    return _verb_of(_verb_match(text, claim, opening))


def _verb_of(m: regex.Match | None) -> str | None:
    """The verb a _verb_match found, as _verb_before_figure gives it."""
    if m is None:
        return None
    word = m.group(1).lower()
    return _stem(_VERBS.get(word) or _VERB_FORMS.get(word) or word)


def _verb_match(text: str, claim: Claim, opening: bool = False) -> regex.Match | None:
    """Where the verb right before a figure is (_verb_before_figure's), with ``opening``
    one that opens a sentence ("Selling")."""
    m = _WORD_BEFORE_FIGURE.search(text, max(0, claim.quote_start - 16), claim.quote_start) \
        or opening and _GERUND_BEFORE_FIGURE.search(text, max(0, claim.quote_start - 16), claim.quote_start) \
        or _LEVEL_VERB_BEFORE.search(text, max(0, claim.quote_start - 32), claim.quote_start) \
        or _PASSIVE_BEFORE_FIGURE.search(text, max(0, claim.quote_start - 20), claim.quote_start)
    return None if m is None or m.group(1).lower() in _FUNCTION_WORDS else m


# "selling 3,000 more": another set.
_MORE_AFTER = regex.compile(r"\s+(?:more|extra|additional|fewer|less)\b", regex.IGNORECASE)
# "in two days", "in its first week": the period a figure is given for.
_IN_PERIOD = regex.compile(r"\s+in\s+(?:(?:its|the|their)\s+first|a|an|one|[a-z]+|\d+)\s+(hour|day|week|weekend|month|quarter|year)s?\b",
                           regex.IGNORECASE)


def _named_by_verb(text: str, claim: Claim, verb_at: regex.Match, sentences: Sentences,
                   rate: regex.Match | None) -> dict:
    """What subject resolution knows of a count or sum no noun names, only its verb
    ("sold 300,000"), or of a rate ("save £11m a year": ``rate``, its period). A quote
    restates the story's figure of the same verb ('"Selling 300,000 in two days is a
    great start"': ``by_verb``), given for the same period if for one (``period``),
    unless it is the speaker's own, one hoped for or a bound ("people giving less than
    £100")."""
    sentence = sentences.index(claim.start)
    quoted = sentences.quoted(claim.start)
    period = after(_IN_PERIOD, text, claim.quote_end)
    # "Spending £5.2m on buses": narrowed, but as the story's figure may be ("to spend
    # £2.5m on new buses"): its words must be said with that one.
    narrowing = after(_WHAT_ON, text, claim.quote_end) if period is None else None
    restating = quoted and claim.value is not None and not after(_MORE_AFTER, text, claim.quote_end) \
        and claim.low and claim.high is not None \
        and (period is not None or narrowing is not None or not after(_RESTRICTED_AFTER, text, claim.quote_end)) \
        and not _own_or_hoped(text, claim)
    return {"by_verb": restating, "verb": _verb_of(verb_at), "quoted": quoted, "title": claim.start < sentences.title_end,
            "sentence": sentence, "time": sentences.anchors(sentence), "places": sentences.places(sentence),
            "period": _singular(period.group(1).lower()) if period is not None else None,
            "said_on": _content_words(narrowing.group(1)) if narrowing is not None else frozenset(),
            "rate": rate.group(0).split()[-1].lower() if rate is not None else None,
            "named_from": verb_at.start(1)}  # quoted with its verb: "Selling 300,000"


# "to infect 125,000", "we stop 2.8 million": a word after these is a verb.
_SUBJECT_OR_TO = regex.compile(r"\b(?:to|we|I|they|you|he|she|it)\s+$", regex.IGNORECASE)


def _verbal(text: str, m: regex.Match | None) -> bool:
    """Whether the word a _verb_match found before a figure is a verb ("sold",
    "Selling", "to infect"), not a noun ("version 7.60")."""
    if m is None:
        return False
    word = m.group(1).lower()
    return word in _VERBS or word in _VERB_FORMS or word.endswith(("ed", "ing")) \
        or _SUBJECT_OR_TO.search(text, max(0, m.start(1) - 6), m.start(1)) is not None


# "on buses", "for the new stadium", "of work": what a sum or count is spent, put on or
# made of (its noun).
_WHAT_ON = regex.compile(r"\s+(?:on|for|of)\s+(?:(?:the|a|an|new)\s+)*([a-z]+)\b", regex.IGNORECASE)


def said_with_met(text: str, claim: Claim, earlier: Claim) -> bool:
    """Whether the period a quoted figure names ("in two days") and what it is put on
    ("on buses") are said in the earlier figure's sentence ("in the first two days on
    sale", "to spend £2.5m on new buses")."""
    period, said_on = claim.extra["period"], claim.extra.get("said_on", frozenset())
    if period is None and not said_on:
        return True
    words = _content_words(text[slice(*sentence_around(text, earlier.start, earlier.end))], periods=True)
    return (period is None or period in words) and said_on <= words


def _owned(text: str, claim: Claim) -> dict:
    """"its 10 episodes", "their six games", "Castlegate's 1,350 pubs": a set someone's,
    whose owner the text may change; a named owner is kept (``owner``: as _names gives it)."""
    m = _DEFINITE_BEFORE.search(text, max(0, claim.quote_start - 24), claim.quote_start)
    word = m.group(1) if m else ""
    owner = _names(word[:-2]) if word[-2:-1] in ("'", "’") else frozenset()
    return {"owned": bool(owner) or word.lower() in ("its", "their", "his", "her"), "owner": owner}


def owner_met(text: str, claim: Claim, earlier: Claim) -> bool:
    """Whether ``earlier`` may be the named owner's set that ``claim`` ("Whitworth's 28
    aces") points back at: its words name the owner, or no one ("hit 14 aces", "We have
    scored 42 goals"), not someone else ("Henry scored 25 goals" for "Rooney's 12 goals")."""
    return not claim.extra["owner"] or not names_with(text, earlier) or owner_named(text, claim, earlier)


def owner_named(text: str, claim: Claim, earlier: Claim) -> bool:
    """Whether ``earlier``'s words name the owner ``claim`` gives ("Unison's 800,000
    workers" after "Unison will ballot 800,000 council workers")."""
    return bool(claim.extra["owner"]) and claim.extra["owner"] <= names_with(text, earlier)


def names_with(text: str, claim: Claim) -> frozenset[str]:
    """The names in a figure's clause, but for pronouns."""
    return _names(" ".join(_clause_around(text, claim))) - _PRONOUNS


_NOT_NARROWED = {"narrowed_by": None, "narrowed_in": frozenset(), "narrowed_names": frozenset()}


def _narrowed_by(text: str, claim: Claim, end: int | None) -> dict:
    """What narrows a definite figure, from ``end`` (_definite_end's): a participle and
    its agent ("the £1.3m raised by the runners"), what a change is in ("the 25% jump
    in demand") or the period it is over ("A rise of 40% in a year": "year")."""
    if end is None:
        return _NOT_NARROWED
    if period := after(_IN_PERIOD, text, end):
        return {**_NOT_NARROWED, "narrowed_in": frozenset({_singular(period.group(1).lower())})}
    m = after(_PARTICIPLE_AFTER, text, end)
    # (what a change is in; for a count, only a change's: "the 42,000 fall in unemployment",
    # not "the 25 countries of the union", a whole)
    change = claim.kind == "percent" or (subject_key(claim.subject) or (None,))[-1] in ("rise", "fall")
    n = after(_CHANGE_IN, text, end) if m is None and change else None
    words = (m.group(2) if m else " ".join(filter(None, n.groups())) if n else None) or ""
    return {"narrowed_by": m.group(1).lower() if m else None, "narrowed_in": _content_words(words, periods=True),
            "narrowed_names": _names(words)}


def narrowing_met(text: str, claim: Claim, earlier: Claim) -> bool:
    """Whether what narrows ``claim`` was said of ``earlier``, so that it narrows nothing:
    "the 41,000 jobs added" after "Factories added 41,000 jobs" (the same verb before
    it), "the 25% jump in demand" after "Demand had risen by 25%" (every word of what it is
    in near it: not "the 9,100 rise in youth unemployment" after "Unemployment rose by
    12,400"), but not "the 18% rise in Skyline's passengers" after "Atlantic Hop reported
    an 11% rise in passengers" (a name the earlier figure does not come with)."""
    verb, words, names = claim.extra["narrowed_by"], claim.extra["narrowed_in"], claim.extra["narrowed_names"]
    if verb is None and not words:
        return False
    before, around = _clause_around(text, earlier)
    near = _content_words(f"{before} {around}", periods=True)
    return (verb is None or _stem(verb) in {_stem(w) for w in _WORD.findall(before.lower())}) \
        and (words - names) <= near and (names <= near or not _names(f"{before} {around}"))


def _clause_around(text: str, claim: Claim) -> tuple[str, str]:
    """The words of a figure's clause before it and after it, within _near's bounds."""
    start, end = claim.extra["near"]
    return _CLAUSE_BREAK.split(text[start:claim.quote_start])[-1], _CLAUSE_BREAK.split(text[claim.quote_end:end])[0]


def _near(text: str, claim: Claim, sentences: Sentences) -> tuple[int, int]:
    """Where the words around a figure start and end, in its sentence and whole words
    ("China lent Russia $6bn", "Demand had risen by 25% in a year"), for narrowing_met
    to read in its clause (not "police" in "rise by 4.99%, while the police share ...")."""
    sentence = sentences.index(claim.start)
    start = max(sentences.starts[sentence], claim.quote_start - 30)
    stop = sentences.starts[sentence + 1] if sentence + 1 < len(sentences.starts) else len(text)
    end = min(stop, claim.quote_end + 40)
    while start > sentences.starts[sentence] and text[start - 1].isalpha():
        start -= 1  # whole words: "Passenger numbers", not "er numbers"
    while end < stop and text[end].isalpha():
        end += 1
    return start, end


def _names(words: str) -> frozenset[str]:
    """The names among some words ("Skyline's passengers": "skyline"), as _content_words gives them."""
    return _content_words(" ".join(w for w in _WORD.findall(words) if w[0].isupper() and w not in NOT_NAMES))


def _stem(word: str) -> str:
    """"raised", "raise" and "raising" alike, "cutting" and "cut" (a crude stem: enough
    to match a verb's forms)."""
    return _DOUBLED_END.sub(r"\1", _STEM_END.sub("", word))


def _content_words(words: str, periods: bool = False) -> frozenset[str]:
    """Words that say what a figure is about, singular and in lower case ("passenger");
    with ``periods``, "year" too ("A rise of 40% in a year")."""
    return frozenset(_singular(w) for w in (w.lower() for w in _WORD.findall(words))
                     if len(w) > 1 and (w not in _FUNCTION_WORDS or periods and w == "year"))


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
    m = after(_BEFELL_AFTER, text, claim.quote_end)
    if m:
        return _BEFELL["befell_after"][m.group(1).lower()]
    m = _BEFELL_BEFORE.search(text, max(0, claim.quote_start - 12), claim.quote_start)
    return _BEFELL["befell_before"][m.group(1).lower()] if m else None


# The word after a counted noun, as its verb may be: "62 Labour MPs rebelled", "have voted".
_WORD_AFTER = regex.compile(r"\s+(?:(?:have|has|had|will|would)\s+)?(?:been\s+)?([a-z]{3,})\b")


def _acts(text: str, claim: Claim) -> str | None:
    """What a counted set did, when a verb follows it ("62 Labour MPs rebelled":
    "rebell"), as one form for all of its forms; None."""
    m = after(_WORD_AFTER, text, claim.quote_end)
    if m is None:
        return None
    word = m.group(1)
    if not (word.endswith("ed") or word in _VERB_FORMS or word in BASE_VERBS):
        return None
    return _plain_verb(word)


def _plain_verb(word: str) -> str:
    """A verb as one form for all of its forms ("rebelled", "rebels": "rebell"; "sold": "sell")."""
    return _stem(_VERB_FORMS.get(word, word))


def _specific(claim: Claim) -> bool:
    """A subject with a proper qualifier ("North Korean soldiers") names one set."""
    words = (claim.subject or "").split()[:-1]
    return any(w[:1].isupper() for w in words)


def _compound(key: tuple) -> bool:
    """A sum's noun its own qualifiers narrow ("a £200 council tax rebate") names one
    sum, as a proper qualifier does; what befell a set ("dead") does not. (Not so for a
    count: "180 secondary schools" are some of "England's 3,500 secondary schools".)"""
    return any(q not in BEFELL_QUALIFIERS for q in key[2])


def _names_something(text: str, claim: Claim) -> regex.Match | None:
    """The name a bare number is part of ("Halo 2": the match of "Halo "), or None."""
    if claim.kind not in COUNT_KINDS or claim.start != claim.quote_start:
        return None
    # "The 200 homes" opening a paragraph: "The" names nothing.
    m = _NAME_BEFORE.search(text, max(0, claim.start - 30), claim.start)
    return m if m is not None and m.group(0).strip() not in NOT_NAMES else None


_NEW = regex.compile(r"\bnew\s+", regex.IGNORECASE)


def _new_pointed_back(text: str, claim: Claim) -> tuple | None:
    """"created 84,000 jobs ... The 84,000 new jobs created": "new" marks a new set,
    but with "the" before it, the new set named before."""
    if not claim.subject or not _NEW.match(claim.subject) or _definite_end(text, claim) is None:
        return None
    return subject_key(_NEW.sub("", claim.subject, count=1))


def _figure_key(text: str, claim: Claim) -> tuple | None:
    """Counts are keyed by what they count; a measure by its kind, unit and the noun
    after it ("the $6bn loan"), when there is one."""
    if claim.kind in COUNT_KINDS:
        key = subject_key(claim.subject) or _noun_of_before(text, claim) or _level_of(text, claim) \
            or _verb_before(text, claim) or _new_pointed_back(text, claim)
        if key is None:
            return None
        # "Eighty fans were injured" counts the "injured fans", as "the 60 injured fans" does.
        befell = _befell(text, claim)
        if befell and befell not in key[0]:
            key = ((befell, *key[0]), key[1])
        return ("count", None, *key)
    # "A fall of 3% means ...": the noun before names the figure; the word after may be a verb.
    key = _noun_of_before(text, claim)
    if key is None:
        phrase = counted_phrase(text, after_conversions(text, claim))
        key = subject_key(phrase[0]) if phrase else _level_of(text, claim) or _verb_before(text, claim) \
            or _verb_after(text, claim) or _share_of_the_vote(text, claim)
    return None if key is None else (claim.kind, claim.unit, *key)


# "Labour won 44% of the vote": the vote share that "Labour's 44% share" restates.
_OF_THE_VOTE = regex.compile(r"\s+of\s+the\s+(?:popular\s+|total\s+)?votes?\b", regex.IGNORECASE)


def _share_of_the_vote(text: str, claim: Claim) -> tuple | None:
    return subject_key("vote share") if claim.kind == "percent" and after(_OF_THE_VOTE, text, claim.quote_end) else None


_VERBS = load("subjects")["restatements"]["verbs"]
_VERB_FORMS = load("subjects")["restatements"]["verb_forms"]
_VERB_BEFORE = regex.compile(
    rf"\b({'|'.join(_VERBS)})\s+"
    r"(?P<object>(?:the|its|their|his|her)\s+[a-z]+\s+|(?:him|them|us|me)\s+)?"  # "cost the society £750,000"
    r"(?:by\s+)?(?:(?:about|around|nearly|almost|some|more\s+than)\s+)?$",
    regex.IGNORECASE)


def _verb_before(text: str, claim: Claim) -> tuple | None:
    """"Prices rose by 3.4%", "will invest £85m", "cost the society £750,000": the rise that
    "the 3.4% rise" restates, the investment "the £85m investment" does, the cost "The cost
    of £750,000" does; a count only as a change ("fell by 4,200")."""
    m = _VERB_BEFORE.search(text, max(0, claim.quote_start - 40), claim.quote_start)
    if m is None or m.group("object") and claim.kind != "money" or claim.kind in COUNT_KINDS and not (
            _VERBS[m.group(1).lower()] in ("rise", "fall") and m.group(0).rstrip().lower().endswith(" by")):
        return None
    claim.extra["named_from"] = m.start(1)  # quoted with its verb: "rose by 3.4%"
    return subject_key(_VERBS[m.group(1).lower()])


# "Pre-tax profits rose 8% to £412m", "Pre-tax profit for the year reached £118m",
# "Broadband connections top 6.2 million": the level the noun before the verb reached
# (before what it is given for, if any).
_LEVEL_BEFORE = regex.compile(
    # "households living in temporary accommodation rose by 4% to": the noun before a participle
    r"\b(?i:([a-z]+))(?:\s+[a-z]+ing)?(?:\s+(?i:in|for|at|of|on|across)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2})?"
    r"\s+(?:(?:have|has|had|will|would)\s+)?(?:"
    rf"(?:{'|'.join(v for v, n in _VERBS.items() if n in ('rise', 'fall'))}|widened|narrowed)"
    r"\s+(?:by\s+)?(?:[^\s,.;]+\s+)?(?:from\s+[^\s,.;]+\s+)?to"  # "rose 8% to", "will rise from £400 to"
    r"|reached|hit|hits|reach|tops?|topped|stood\s+at"
    # "the base rate would remain at 4.5%", "kept its base rate on hold at 4.5%": a level kept
    r"|remain(?:s|ed)?\s+at|(?:held|kept)\s+(?:steady\s+)?at|on\s+hold\s+at|unchanged\s+at)\s+(?:(?:a\s+)?record\s+)?$")
# "Finder increased its share to 64%", "raised its stake in Oakfield to 45%": the level
# of the noun the verb changed.
_VERB_ITS_NOUN_TO = regex.compile(
    rf"\b(?i:{'|'.join(v for v, n in _VERBS.items() if n in ('rise', 'fall'))}"
    r"|raised|lifted|boosted|cut|reduced|lowered|trimmed)"
    r"\s+(?i:its|their|his|her)\s+(?:[\w'’-]+\s+){0,2}?([a-z]+)"
    r"(?:\s+(?i:in|of|on|for)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s+to\s+$")  # "its stake in Oakfield to"
# "a 52% rise in third-quarter profits to $4.6bn": the level of the noun after the change.
_CHANGE_IN_BEFORE = regex.compile(
    rf"\b(?i:{'|'.join(load('subjects')['groups']['rise'] + load('subjects')['groups']['fall'])})"
    r"\s+in\s+(?:[\w'’-]+\s+){0,2}?(?i:([a-z]+))\s+to\s+$")


_LEVEL_ENDS = (" to", "reached", "hit", "hits", "reach", " top", "tops", "topped", " at", "record")


def _level_of(text: str, claim: Claim) -> tuple | None:
    """"Profits rose 8% to £412m": the £412m is the profit that "the £412m profit" restates;
    "The number of women in jail has risen to 9,160" counts women, not a number."""
    if not text[max(0, claim.quote_start - 10):claim.quote_start].rstrip().lower().endswith(_LEVEL_ENDS):
        return None  # a plain look first: this runs for most sums and counts
    window = max(0, claim.quote_start - 72), claim.quote_start
    for m in chain(_LEVEL_BEFORE.finditer(text, *window, overlapped=True), _CHANGE_IN_BEFORE.finditer(text, *window),
                   _VERB_ITS_NOUN_TO.finditer(text, *window)):
        noun = m.group(1).lower()
        if noun in _PRONOUNS or noun in _NOT_NOUNS_OF or noun in _FUNCTION_WORDS or m.group(1)[0].isupper() \
                and not opens_sentence(text, m.start(1)):
            continue  # "in England has fallen to": not a noun it counts
        claim.extra["named_from"] = m.start(1)  # quoted with its noun: "profits rose 8% to £412m"
        claim.extra["level"] = True
        return subject_key(noun)
    return None


def _verb_after(text: str, claim: Claim) -> tuple | None:
    """"the £24,000 raised": a sum named by the participle after it, as "raised £48,000"
    names it by the verb before."""
    if claim.kind != "money" or (end := _definite_end(text, claim)) is None:
        return None
    m = after(_PARTICIPLE_AFTER, text, end)
    if m is None or m.group(1).lower() not in _VERBS:
        return None
    claim.extra["named_to"] = m.end(1)  # quoted with its participle: "£24,000 raised"
    return subject_key(_VERBS[m.group(1).lower()])


# "a majority of 4,312", "a club-record fee of £25m", "the deal is worth £3m", "Labour on 37%", "fined
# £450,000": the noun the figure measures, written before it.
_NOUN_OF_BEFORE = regex.compile(
    r"(?:\b(?i:a|an|the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?([a-z]+)"  # "a Labour majority of"
    # or a plural with no article: "offered discounts of up to 40%", "fines of up to £2,500",
    # '"Profits of £345m were ...' opening a sentence or a quote
    r"|\b([a-z]{3,}s|(?<=(?:^|[\n\"“]|[.!?]\s))[A-Z][a-z]{2,}s))"
    r"(?:\s+of|,?\s+(?:(?:is|was|are|were|will\s+be|would\s+be|has\s+been)\s+)?(?:worth|valued\s+at|priced\s+at))\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|just\s+over|just\s+under|up\s+to|at\s+least)\s+)?$"
    r"|\b(fined)\s+(?:(?!(?:for|over|after|and|but)\b)[\w'’-]+\s+){0,4}$"  # "fined insurer Graybrook Life £1.8m"
    # "Turnout was 38%", "Unemployment stood at 5.1%": a sentence's subject and its figure
    r"|(?:^|[.!?][\"”’']?\s+|\n)(?:(?i:the)\s+)?([A-Z][a-z]+)\s+(?:was|is|were|are|stood\s+at|reached)\s+$"
    # "puts Labour on 37%", '"Labour on 37% is the lowest ...': a party's share in a poll
    r"|\b([A-Z][a-z]+)\s+on\s+$")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "there", "what", "which"})
_NOT_NOUNS_OF = frozenset({"one", "some", "all", "most", "many", "none", "each", "both", "rest", "first",
                           "second", "last", "total", "number", "part", "half", "lot", "out", "up", "age", "end"})


def _noun_of_before(text: str, claim: Claim) -> tuple | None:
    """The head noun only: "a club-record fee of £25m" is restated as "the £25m fee"; but
    with the names before it, "a Labour majority of 4,100" is not "a Tory majority"."""
    m = _NOUN_OF_BEFORE.search(text, max(0, claim.quote_start - 48), claim.quote_start)
    if m is None:
        return None
    noun = m.group(1) or m.group(2) or m.group(4) or m.group(5) or "fine"  # "fined £450,000" ... "the £450,000 fine"
    named = m.group(4) or m.group(5)
    if named and (named in NOT_NAMES or named.lower() in _PRONOUNS) or noun.lower() in _NOT_NOUNS_OF \
            or m.group(5) and claim.kind != "percent":
        return None
    claim.extra["named_from"] = m.start(m.lastindex)  # quoted with its noun: "a fee of £25m"
    names = [w for w in text[m.start():m.start(1)].split()[1:] if w[:1].isupper()] if m.group(1) else []
    return subject_key(" ".join([*names, noun]).lower())


def after_conversions(text: str, claim: Claim) -> int:
    """Where a sum's noun may start: after its bracketed conversions ("a $1.2bn (£940m)
    order")."""
    conversions = claim.extra.get("conversions")
    if not conversions:
        return claim.end
    end = conversions[-1].end
    return end + 1 if text.startswith(")", end) else end


