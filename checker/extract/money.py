"""Money: "£3m", "$1.13bn", "c $ 16.4 million", "USD 5m", "331bn euros", "50p",
"thirteen dollars forty-five cents". The lexicon is rules/lexicons/currencies.toml."""
from __future__ import annotations

import re
from functools import cache

import regex

from ..rules_data import load
from .measure import Measure, phrase_pattern
from .numbers import TENS, UNITS, Num, digits_at
from .patterns import TIMEOUT, ends_with, endings, first_after, prefix_tree


def _key(phrase: str) -> str:
    return "".join(phrase.lower().split())


def _spaced_dollar(char: str) -> str:
    return r"\s?\$" if char == "$" else regex.escape(char)


@cache
def _lexicon():
    data = load("currencies")
    codes = data["codes"]["list"]
    # "US$", "hk $", "c $": prefixes with a dollar sign in any case, spaced or not; the
    # others as written. Each set is a prefix tree, tried at every place of the window.
    capitals = set(data["before_capitals"]["list"])
    keys = [*data["before"], *codes]
    dollars = [k for k in keys if "$" in k and k != "$" and k not in capitals]
    exact = [k for k in keys if k not in dollars]
    prefix = f"(?i:{prefix_tree(dollars, atom=_spaced_dollar)})|{prefix_tree(exact, atom=regex.escape)}"
    # Not inside a word, nor the "s" of a split "it ' s $ 5".
    before_re = regex.compile(rf"(?<![\w$£€¥₹])(?<!['’]\s?)({prefix})\s*$", regex.V0)
    before = {_key(k): v for k, v in data["before"].items()} | {_key(c): c for c in codes}
    after = {_key(k): v for k, v in data["after"].items()}
    minor = {_key(k): v for k, v in data["minor"].items()}
    # "331bn euros", "a 20-dollar bill", "50p", "500 Mexican pesos"; "650m euro": an "m"
    # that the number left unread is a million before a currency word.
    after_re = regex.compile(
        rf"(?P<million>m(?=\s))?(?P<sep>\s*-\s*|\s*)"
        rf"((?i:(?P<country>{phrase_pattern(data['countries'])})\s+{phrase_pattern(data['names']['list'])})"
        rf"|{phrase_pattern(data['minor'])}|(?i:{phrase_pattern(data['after'])})|{phrase_pattern(codes)})(?![\w])",
        regex.V0)
    small = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
    # The figure of a minor unit after a major one: 1 to 99, in digits or words.
    cents_re = regex.compile(
        rf"\s+(?:and\s+)?(\d{{1,2}}(?!\d|[.,]\d)|(?i:(?:{small})(?:[\s-]+(?:{small}))?)(?![\w-]))"
        rf"(?:\s+({phrase_pattern(data['minor'])})(?![\w]))?", regex.V0)
    end_re = regex.compile(r"\s*(?:$|[.,;:!?)]|(?:and|or)\b)", regex.IGNORECASE)
    weight = data["weight"]
    weight_before = regex.compile(rf"\b(?:{'|'.join(weight['before'])})\b", regex.IGNORECASE)
    money_noun = regex.compile(rf"\s+(?:{'|'.join(weight['money_nouns'])})\b", regex.IGNORECASE)
    weight_after = regex.compile(
        rf"\s+(?:{'|'.join(weight['after'])})\b|\s*\(\s*[\d.,]+\s*(?:{'|'.join(weight['converted'])})\b",
        regex.IGNORECASE)
    # What a prefix ends with ("$" for "US$", "hk $") and the characters a word after
    # the figure starts with, case folded (wider than regex's IGNORECASE): the patterns
    # are skipped where neither is.
    before_ends = endings("$" if "$" in k else k for k in [*data["before"], *codes])
    after_first = {k[0].casefold() for k in [*data["minor"], *data["after"], *data["countries"], *codes]}
    # "Rs500": a glued prefix right before a digit. One pass over the whole text, so the
    # standard library's engine, and no lookbehind (it would be tried at every position):
    # glued_figures checks that the prefix does not end a word ("Mrs500").
    glued = re.compile(rf"(?:{prefix_tree(data['glued']['list'])})(?=\d)")
    return {"before_re": before_re, "before": before, "before_ends": before_ends, "after_first": after_first,
            "words_before_ends": endings(data["words_before"]["list"]),
            "glued": glued, "after_re": after_re, "after": after,
            "countries": {_key(k): v for k, v in data["countries"].items()},
            "minor": minor, "cents_re": cents_re, "end_re": end_re, "subunits": data["subunits"],
            "ambiguous": {_key(w) for w in data["ambiguous"]["list"]},
            "weight_words": {_key(w) for w in weight["words"]},
            "weight_before": weight_before, "weight_after": weight_after, "money_noun": money_noun}


def glued_figures(text: str) -> list[Num]:
    """The figures written against a currency's letters ("Rs500", "RM20m"), which the
    number scan passes over."""
    found = (digits_at(text, m.end()) for m in _lexicon()["glued"].finditer(text)
             if not text[m.start() - 1:m.start()].isalpha())
    return [num for num in found if num is not None]


def match(text: str, num: Num, floor: int = 0) -> Measure | None:
    """The amount ``num`` states, with no sign or code before ``floor``."""
    lex = _lexicon()
    sign = _sign_before(text, num.start, floor, lex) or _shared_sign(text, num.start, lex) \
        or _word_before(text, num, floor, lex)
    if sign:
        code, start = sign
        # "$5 million dollars" never, but "€10M" keeps any scale the number carried,
        # and an "m" the number left unread is a million ("USD 5m").
        million = _UNREAD_MILLION.match(text, num.end)
        if million:
            return Measure("money", start, million.end(), unit=code, value=num.value * 1e6)
        return Measure("money", start, num.end, unit=code)
    limit = min(len(text), num.end + 24)
    m = _may_follow(text, num.end, limit, lex["after_first"]) and \
        lex["after_re"].match(text, num.end, limit, timeout=TIMEOUT)
    if not m or _not_an_amount(text, num, m.group(3)):
        return None
    word = _key(m.group(3))
    value = num.value * 1e6 if m.group("million") else num.value
    if word in lex["minor"]:
        return _minor(text, num, m, value, lex["minor"][word])
    code = lex["countries"][_key(m.group("country"))] if m.group("country") else lex["after"].get(word, m.group(3))
    if word in lex["ambiguous"] and (value < 1000 or _year_like(text, num) or _VERB_USE_AFTER.match(text, m.end(3))):
        return None  # "Halo 2 won the award", "who in 2019 won", "the 11,905 won by her predecessor"
    if word in lex["weight_words"] and _weight(text, num, m, value, lex):
        return None  # a weight: quantities reads it
    total, end = _with_minor(text, value, m.end(3), code, lex)
    return Measure("money", num.start, end, unit=code, value=total if total is not None else value)


_UNREAD_MILLION = regex.compile(r"m(?![\w])")
_PERCENT_NEXT = regex.compile(r"\s*(?:%|per\s*cent|percent)", regex.IGNORECASE)


@cache
def _words_before_re():
    """Compiled at first need (the country names make it slow to build): few drafts write
    a currency word before a figure."""
    data = load("currencies")
    return regex.compile(
        # in lower case: "Euro 2004" is a tournament
        rf"(?<![\w])(?:(?P<country>(?i:{phrase_pattern(data['countries'])}))\s+)?({phrase_pattern(data['words_before']['list'])})"
        r"\s+$", regex.V0)


def _word_before(text: str, num: Num, floor: int, lex) -> tuple[str, int] | None:
    """"Australian dollars 648m", "dollar 22.5 million": a currency word before the
    figure (not "the yen 1.5% stronger")."""
    window = max(floor, num.start - 30)
    m = ends_with(lex["words_before_ends"], text, window, num.start) and \
        _words_before_re().search(text, window, num.start, timeout=TIMEOUT)
    if not m or _PERCENT_NEXT.match(text, num.end):
        return None
    country = m.group("country")
    code = lex["countries"][_key(country)] if country else lex["after"][_key(m.group(2))]
    return code, m.start()


def _sign_before(text: str, start: int, floor: int, lex) -> tuple[str, int] | None:
    """The currency of the sign or code right before ``start`` and where it starts."""
    window = max(floor, start - 10)
    m = ends_with(lex["before_ends"], text, window, start) and \
        lex["before_re"].search(text, window, start, timeout=TIMEOUT)
    code = m and lex["before"].get(_key(m.group(1)))
    return (code, m.start(1)) if code else None


# A figure, with any scale letters, and a dash right after it: "£10-", "$2.5bn-".
_FIGURE_DASH = regex.compile(r"(?<![\w.,])\d[\d.,]*(?:[^\W\d_]{1,2})?[-–]$")


def _shared_sign(text: str, start: int, lex) -> tuple[str, int] | None:
    """"£10-15m", "$2-3bn": a range writes the sign once, on its first figure; the
    second figure is in that currency from its own start."""
    if text[start - 1:start] not in ("-", "–"):
        return None
    m = _FIGURE_DASH.search(text, max(0, start - 16), start, timeout=TIMEOUT)
    sign = m and _sign_before(text, m.start(), 0, lex)
    return (sign[0], start) if sign else None


def _may_follow(text: str, end: int, limit: int, first: set[str]) -> bool:
    """Whether after_re can match at ``end``: an unread "m", or a currency word after
    white space and at most one hyphen ("a 20-dollar bill")."""
    return text.startswith("m", end) or first_after(text, end, limit, "-") in first


# After a word that is a verb as often as a currency: its use as a verb ("won by", "won the").
_VERB_USE_AFTER = regex.compile(r"\s+(?:by|the|his|her|their|its|our|against|over|after|when|with)\b", regex.IGNORECASE)


def _not_an_amount(text: str, num: Num, word: str) -> bool:
    # "Million Dollar Baby" is a title; "multi-million dollar" no figure.
    title = num.written == "words" and text[num.start].isupper() and word[0].isupper()
    return title or text[max(0, num.start - 6):num.start].lower().endswith(("multi-", "multi"))


def _minor(text: str, num: Num, m, value: float, minor: dict) -> Measure | None:
    if minor.get("attached") and (m.start(3) != num.end or text.startswith(".m", m.end(3))):
        return None  # "5 p.m.", "page 5 p"
    if "code" in minor:
        return Measure("money", num.start, m.end(3), unit=minor["code"], value=value)
    return Measure("money", num.start, m.end(3), unit=minor["of"], value=value / minor["per"])


def _with_minor(text: str, value: float, end: int, code: str, lex) -> tuple[float | None, int]:
    """"thirteen dollars forty-five cents": the minor units after a major one, added."""
    levels = lex["subunits"].get(code, [100])
    total, added = value, False
    while levels:
        m = lex["cents_re"].match(text, end, min(len(text), end + 40), timeout=TIMEOUT)
        if not m:
            break
        figure = m.group(1)
        amount = float(figure) if figure[0].isdigit() else _small_words(figure)
        if m.group(2):
            per = lex["minor"][_key(m.group(2))]["per"]
            if per not in levels:
                break
            levels = [p for p in levels if p > per]
        elif lex["end_re"].match(text, m.end()):
            per, levels = levels[0], []  # "thirteen dollars forty five": cents
        else:
            break  # "20 dollars and 50 people"
        if amount >= per:
            break
        total, end, added = total + amount / per, m.end(), True
    return (total if added else None), end


def _small_words(figure: str) -> float:
    """"forty-five", "five": the words of a figure under 100."""
    return float(sum(UNITS.get(w, TENS.get(w, 0)) for w in regex.split(r"[\s-]+", figure.lower())))


def _year_like(text: str, num: Num) -> bool:
    written = text[num.start:num.end]
    return written.isdigit() and len(written) == 4 and 1000 <= num.value <= 2199


def _weight(text: str, num: Num, m, value: float, lex) -> bool:
    if "-" in m.group("sep") and value < 1000:
        # "a 10-pound bag", but "a million-pound house" and "a five-pound note"
        return not lex["money_noun"].match(text, m.end(3))
    if lex["weight_after"].match(text, m.end(3)):
        return True  # "5 pounds of sugar", "700 pounds (320kg)"
    return lex["weight_before"].search(text, max(0, num.start - 40), num.start) is not None
