"""Money: "£3m", "$1.13bn", "c $ 16.4 million", "USD 5m", "331bn euros", "50p",
"thirteen dollars forty-five cents". The lexicon is rules/lexicons/currencies.toml."""
from __future__ import annotations

from functools import cache

import regex

from ..rules_data import load
from .measure import Measure, phrase_pattern
from .numbers import TENS, UNITS, Num, words_value
from .patterns import TIMEOUT


def _key(phrase: str) -> str:
    return "".join(phrase.lower().split())


@cache
def _lexicon():
    data = load("currencies")
    codes = data["codes"]["list"]
    # "US$", "hk $", "c $": prefixes with a dollar sign in any case, spaced or not.
    capitals = set(data["before_capitals"]["list"])
    prefixes = []
    for k in [*data["before"], *codes]:
        pattern = regex.escape(k).replace(r"\$", r"\s?\$") if k.endswith("$") and k != "$" else regex.escape(k)
        prefixes.append(f"(?i:{pattern})" if "$" in k and k not in capitals else pattern)
    prefix = "|".join(sorted(prefixes, key=len, reverse=True))
    # Not inside a word, nor the "s" of a split "it ' s $ 5".
    before_re = regex.compile(rf"(?<![\w$£€¥₹])(?<!['’]\s?)({prefix})\s*$", regex.V0)
    before = {_key(k): v for k, v in data["before"].items()} | {_key(c): c for c in codes}
    after = {_key(k): v for k, v in data["after"].items()}
    minor = {_key(k): v for k, v in data["minor"].items()}
    after_re = regex.compile(
        rf"\s*((?i:{phrase_pattern([*data['after'], *data['minor']])})|{'|'.join(codes)})(?![\w])",
        regex.V0)
    small = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
    # The figure of a minor unit after a major one: 1 to 99, in digits or words.
    cents_re = regex.compile(
        rf"\s+(?:and\s+)?(\d{{1,2}}(?![\d.,])|(?i:(?:{small})(?:[\s-]+(?:{small}))?)(?![\w-]))"
        rf"(?:\s+((?i:{phrase_pattern(data['minor'])}))(?![\w]))?", regex.V0)
    end_re = regex.compile(r"\s*(?:$|[.,;:!?)]|(?:and|or)\b)", regex.IGNORECASE)
    weight = data["weight"]
    weight_before = regex.compile(rf"\b(?:{'|'.join(weight['before'])})\b", regex.IGNORECASE)
    weight_after = regex.compile(rf"\s+(?:{'|'.join(weight['after'])})\b", regex.IGNORECASE)
    return {"before_re": before_re, "before": before, "after_re": after_re, "after": after,
            "minor": minor, "cents_re": cents_re, "end_re": end_re, "subunits": data["subunits"],
            "ambiguous": {_key(w) for w in data["ambiguous"]["list"]},
            "weight_words": {_key(w) for w in weight["words"]},
            "weight_before": weight_before, "weight_after": weight_after}


def match(text: str, num: Num) -> Measure | None:
    lex = _lexicon()
    m = lex["before_re"].search(text, max(0, num.start - 10), num.start, timeout=TIMEOUT)
    if m:
        code = lex["before"].get(_key(m.group(1)))
        if code:
            # "$5 million dollars" never, but "€10M" keeps any scale the number carried.
            return Measure("money", m.start(1), num.end, unit=code)
    m = lex["after_re"].match(text, num.end, min(len(text), num.end + 24), timeout=TIMEOUT)
    if not m:
        return None
    word = _key(m.group(1))
    if word in lex["minor"]:
        return _minor(text, num, m, lex["minor"][word])
    code = lex["after"].get(word) or m.group(1)
    if word in lex["ambiguous"] and _year_like(text, num):
        return None  # "who in 2019 won the election"
    if word in lex["weight_words"] and _weight(text, num, m, lex):
        return None  # a weight: quantities reads it
    value, end = _with_minor(text, num.value, m.end(1), code, lex)
    return Measure("money", num.start, end, unit=code, value=value)


def _minor(text: str, num: Num, m, minor: dict) -> Measure | None:
    if "code" not in minor:
        return None  # "five mao" alone: only as part of a sum in yuan
    if minor.get("attached") and (m.start(1) != num.end or text.startswith(".m", m.end(1))):
        return None  # "5 p.m.", "page 5 p"
    return Measure("money", num.start, m.end(1), unit=minor["code"])


def _with_minor(text: str, value: float, end: int, code: str, lex) -> tuple[float | None, int]:
    """"thirteen dollars forty-five cents": the minor units after a major one, added."""
    levels = lex["subunits"].get(code, [100])
    total, added = value, False
    while levels:
        m = lex["cents_re"].match(text, end, min(len(text), end + 40), timeout=TIMEOUT)
        if not m:
            break
        figure = m.group(1)
        amount = float(figure) if figure[0].isdigit() else words_value(regex.split(r"[\s-]+", figure))
        if m.group(2):
            per = lex["minor"][_key(m.group(2))]["per"]
            if per not in levels:
                break
            levels = [p for p in levels if p > per]
        elif lex["end_re"].match(text, m.end()):
            per, levels = levels[0], []  # "thirteen dollars forty five": cents
        else:
            break  # "20 dollars and 50 people"
        if amount is None or amount >= per:
            break
        total, end, added = total + amount / per, m.end(), True
    return (total if added else None), end


def _year_like(text: str, num: Num) -> bool:
    written = text[num.start:num.end]
    return written.isdigit() and len(written) == 4 and 1000 <= num.value <= 2199


def _weight(text: str, num: Num, m, lex) -> bool:
    if lex["weight_after"].match(text, m.end(1)):
        return True  # "5 pounds of sugar"
    return lex["weight_before"].search(text, max(0, num.start - 40), num.start) is not None
