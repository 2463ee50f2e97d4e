"""Ages: "69-year-old", "aged 69", "69 years old", "Ahn, 69,", "in his 60s"."""
from __future__ import annotations

import regex

from .counted import NOT_NAMES, STOP_WORDS, TITLES, person_before
from .measure import Measure
from .numbers import Num
from .patterns import TIMEOUT, before_space, first_after, scan

_AFTER = regex.compile(
    r"(?:\s*-\s*|\s+)(year|month|week|day)s?(?:\s*-\s*|\s+)olds?(?![\w])"
    r"|\s+(year|month|week|day)s?\s+of\s+age(?![\w])"
    r"|\s*(yo|y/o|yrs?\s+old)(?![\w])",
    regex.IGNORECASE,
)
_AFTER_STARTS = frozenset("-ymwd")  # of _AFTER, after its white space
# "83-year-old Kenji Mori", "22-year-old actress Ellie Marsh": a name after the age, a job between.
_NAME_AFTER = regex.compile(r"\s+(?:[a-z]+\s+){0,2}?([A-Z][a-z]+(?:\s+[A-Z][\w'’-]+)+)(?![\w'’])")
# "who plays 24-year-old bride Kelly": a role and a single name after the age.
_ROLE_NAME_AFTER = regex.compile(r"\s+((?:[a-z]+\s+){1,2})([A-Z][a-z]+)(?![\w'’]|\s+[A-Z])")
_ARTICLE_BEFORE = regex.compile(r"(?<![\w])(?:a|an|the)\s+$", regex.IGNORECASE)
# "aged 69", "aged just 19", "age 30", "at the age of 92".
_AGED_BEFORE = regex.compile(r"(?<![\w])(aged(?:\s+(?:just|only))?|age(?:\s+of)?)\s+$", regex.IGNORECASE)
_AGED_ENDS = ("age", "aged", "just", "only", "of")
# "Actor Peter Lomax dies at 78": an age at death (not "died at 10.30pm", "at 3 o'clock").
_DIED_AT_BEFORE = regex.compile(r"\b(?:dies|died)\s+at\s+$", regex.IGNORECASE)
_CLOCK_AFTER = regex.compile(r"\s*(?:[.:]\d|am\b|pm\b|a\.m|p\.m|o['’]clock|GMT|BST)", regex.IGNORECASE)
# "aged 18 months": the unit after an age that "aged" introduces.
_AGED_UNIT = regex.compile(r"\s+(year|month|week|day)s?(?![\w])", regex.IGNORECASE)
# People a story brings in without a name: "a woman, 33,", "a 19-year-old passenger",
# "his sister, 9,".
PERSON_NOUNS = ("man|woman|boy|girl|teenager|youth|child|baby|driver|passenger|pedestrian|cyclist|"
                "motorcyclist|student|pensioner|suspect|victim")
RELATIVES = "son|daughter|wife|husband|partner|mother|father|brother|sister|friend|boyfriend|girlfriend"
_PERSON_NOUN_BEFORE = regex.compile(rf"\b(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:{PERSON_NOUNS})"
                                    rf"|(?:his|her|their)\s+(?:[\w-]+\s+)?(?:{RELATIVES})),\s*$", regex.IGNORECASE)
_PERSON_NOUN = regex.compile(rf"(?:{PERSON_NOUNS}|{RELATIVES}|grandmother|grandfather|mum|dad|grandad|gran|"
                             r"runner|teacher|nurse|doctor|soldier|worker)", regex.IGNORECASE)
# "aged 19 and 22", "aged 4, 7 and 9": the ages after the first.
_AGED_LIST_BEFORE = regex.compile(r"(?<![\w])aged\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,|and|or)\s+$", regex.IGNORECASE)


def _aged_list_before(text: str, start: int):
    """"aged 19 and 22": whether a list of ages after "aged" runs up to ``start`` (a
    plain find first: this runs for every figure)."""
    window = max(0, start - 30)
    return text.find("aged", window, start) >= 0 and _AGED_LIST_BEFORE.search(text, window, start)


# "Garry is 25 years old": the name the sentence says is that age now ("when McFadden was
# two years old" is an age then).
_NAME_IS_BEFORE = regex.compile(r"(?<![\w'’-])([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+is\s+$")


def _role_name_after(text: str, end: int):
    """"24-year-old bride Kelly", "19-year-old striker Rooney": a name after a role noun
    (not "24-year-old died in Leeds": function words and verbs are no role)."""
    m = _ROLE_NAME_AFTER.match(text, end, min(len(text), end + 40), timeout=TIMEOUT)
    return m if m and not any(w in STOP_WORDS or w.endswith("ed") for w in m.group(1).split()) else None


def _name_is_before(text: str, start: int) -> str | None:
    m = _NAME_IS_BEFORE.search(text, max(0, start - 40), start, timeout=TIMEOUT)
    return m.group(1) if m and m.group(1).split()[0] not in NOT_NAMES else None


# "Ms Jane Morrow (36)": a titled name before a bracketed age.
_TITLED_NAME_BEFORE = regex.compile(
    rf"\b(?:{TITLES})\.?\s+((?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)\s*$")
# "Ahn, 69, said", "Fell, now 19, said", "Brown, who turned 60 last week,": a bare age
# between commas after a name.
_COMMA_AGE = regex.compile(r",\s*(?:now\s+|who\s+is\s+|who\s+turned\s+)?$")  # not "who turns 75 in March"
# "..., said Morrow, 36." ends the sentence on the age.
_COMMA_AFTER = regex.compile(r"\s*(?:,|\)|;|\.(?!\d)|\s+(?:who|was|is|has|had|said|and)\b"
                             r"|\s+(?:last|this|next)\s+(?:week|month|year)\b|\s+(?:in|on)\s+[A-Z])")
_I_AM_BEFORE = regex.compile(r"(?<![\w'’])(?:I['’]m|I\s+am)\s+$")
# The speaker of a quote: '"...," said Reyes', '"...," Reyes said', 'Reyes said: "...'
_SAID_AFTER = regex.compile(r"[^\"”\n]{0,200}?[\"”]\s*,?\s*(?:(?:said|says|added)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
                            r"|([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:said|says|added)\b)")
_SAID_BEFORE = regex.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:said|says|added)\s*:\s*[\"“][^\"”\n]{0,200}$")


def _speaker(text: str, num: Num) -> str | None:
    """Who says the quote a figure is in, when the text names them next to it."""
    after = _SAID_AFTER.match(text, num.end, min(len(text), num.end + 260), timeout=TIMEOUT)
    before = None if after else _SAID_BEFORE.search(text, max(0, num.start - 260), num.start, timeout=TIMEOUT)
    name = after and (after.group(1) or after.group(2)) or before and before.group(1)
    return name if name and name.split()[0] not in NOT_NAMES else None  # not '"...," He said


_CLAUSE_END = regex.compile(r"\s*(?:[,;]|\.(?!\d)|\s+(?:and|but)\s+(?!a\s+half\b))")
# "in his 60s", "in her early thirties"
DECADE_RE = regex.compile(
    r"(?<![\w])in\s+(?:his|her|their)\s+(?:(early|mid|late)[\s-]+)?"
    r"((?:[1-9]0)s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w])",
    regex.IGNORECASE,
)
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}


def match(text: str, num: Num) -> Measure | None:
    if num.value < 0:
        return None
    # Each pattern runs only where its first (or last) letters are: most figures have neither.
    limit = min(len(text), num.end + 24)
    # "500 years old", "two and a half years old": said outright, any age is one.
    m = first_after(text, num.end, limit) in _AFTER_STARTS and \
        _AFTER.match(text, num.end, limit, timeout=TIMEOUT)
    if m:
        unit = (m.group(1) or m.group(2) or "year").lower()
        if m.group(0).lower().endswith("olds"):  # "18-year-olds": a group's age, no one person's
            return Measure("age", num.start, m.end(), unit=unit, extra={"person": None, "unnamed": True})
        person = person_before(text, num.start) or _name_is_before(text, num.start)
        # "In a village near Osaka, 83-year-old Kenji Mori": with no article before
        # the age, a name right after it is the person's ("Ahn Chan-il, a 69-year-old
        # North Korean defector" keeps the name before).
        named = _NAME_AFTER.match(text, m.end(), min(len(text), m.end() + 60)) or _role_name_after(text, m.end())
        if named and not _ARTICLE_BEFORE.search(text, max(0, num.start - 5), num.start):
            person = named.group(named.lastindex)
        return Measure("age", num.start, m.end(), unit=unit, extra={"person": person})
    if num.value != int(num.value) or num.value > 130:
        return None  # a bare figure is an age only if a person's
    window = max(0, num.start - 16)
    aged = before_space(text, window, num.start).lower().endswith(_AGED_ENDS) and \
        _AGED_BEFORE.search(text, window, num.start, timeout=TIMEOUT)
    if aged:
        unit = _AGED_UNIT.match(text, num.end, min(len(text), num.end + 10))
        return Measure("age", aged.start(1), unit.end() if unit else num.end,
                       unit=unit.group(1).lower() if unit else "year",
                       extra={"person": person_before(text, aged.start(1))})
    # (a plain look at the word before first: this runs for most figures)
    if num.written == "digits" and 0 < num.value < 120 \
            and before_space(text, window, num.start).lower().endswith("at") \
            and _DIED_AT_BEFORE.search(text, max(0, num.start - 12), num.start) and not _CLOCK_AFTER.match(text, num.end):
        return Measure("age", num.start, num.end, unit="year", extra={"person": None})  # "Lomax dies at 78"
    if num.written == "digits" and text[num.start - 1:num.start] == "(" and text[num.end:num.end + 1] == ")":
        titled = _TITLED_NAME_BEFORE.search(text, max(0, num.start - 60), num.start - 1)
        if titled and 0 < num.value < 120:  # "Ms Morrow (36)"; a bare "Strauss (36)" is a score
            return Measure("age", num.start, num.end, unit="year", extra={"person": titled.group(1)})
    # "Reyes is 42 and has played for four clubs": a bare figure a name is, at the end of
    # its clause (not "Chelsea is 5 points clear"), an adult's age.
    if num.written != "fraction" and 16 <= num.value < 110 and (name := _name_is_before(text, num.start)) \
            and _CLAUSE_END.match(text, num.end, min(len(text), num.end + 12)):
        return Measure("age", num.start, num.end, unit="year", extra={"person": name})
    # '"I'm 42 and I want to play every week," said Reyes': a speaker's own age.
    if num.written != "fraction" and 10 <= num.value < 110 \
            and _I_AM_BEFORE.search(text, max(0, num.start - 8), num.start) \
            and _CLAUSE_END.match(text, num.end, min(len(text), num.end + 12)) and (speaker := _speaker(text, num)):
        return Measure("age", num.start, num.end, unit="year", extra={"person": speaker})
    if num.written == "digits" and _aged_list_before(text, num.start):  # "aged 19 and 22": several people's
        return Measure("age", num.start, num.end, unit="year", extra={"person": None, "unnamed": True})
    # "Clarke, 9," and "Oliver Clarke, nine,"; a fraction is never an age.
    if num.written != "fraction" and _COMMA_AGE.search(text, max(0, num.start - 16), num.start):
        if _COMMA_AFTER.match(text, num.end, min(len(text), num.end + 16)):
            comma = text.rfind(",", 0, num.start)
            person = person_before(text, comma + 1) if comma >= 0 else None
            if not 0 < num.value < 120:
                return None
            if person and not _PERSON_NOUN.fullmatch(person):
                return Measure("age", num.start, num.end, unit="year", extra={"person": person})
            # "Man, 34, jailed" (a headline's someone, not a name), "a woman, 33,"
            if person or comma >= 0 and _PERSON_NOUN_BEFORE.search(text, max(0, comma - 40), comma + 1):
                return Measure("age", num.start, num.end, unit="year", extra={"person": None, "unnamed": True})
    return None


def decade_ages(text: str):
    """Ages given as a decade of life: yields (start, end, low, high, person)."""
    for m in scan(DECADE_RE, text):
        word = m.group(2).lower()
        base = int(word[:2]) if word[0].isdigit() else _DECADE_WORDS[word]
        low, high = base, base + 9
        if m.group(1):
            part = m.group(1).lower()
            low, high = {"early": (base, base + 3), "mid": (base + 3, base + 6), "late": (base + 6, base + 9)}[part]
        yield m.start(), m.end(), float(low), float(high), person_before(text, m.start())
