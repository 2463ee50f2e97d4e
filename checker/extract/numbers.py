"""Numbers as written in news copy: digits, words and scaled forms.

``find_numbers`` returns every numeric mention with its value; the other parsers
build on these mentions (a percentage is a number followed by "%", a range two
numbers joined by "to", and so on).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .patterns import TIMEOUT

UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000,
    "crore": 10_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}
# Abbreviated scales written after digits: "12bn", "3.5 million", "100k".
# "m" is ambiguous with metres and handled separately (see _m_means_million).
SCALE_ABBREVIATIONS = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6,
    "million": 1e6, "b": 1e9, "B": 1e9, "G": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9,
    "tn": 1e12, "tln": 1e12, "T": 1e12, "trillion": 1e12, "hundred": 1e2, "lakh": 1e5,
    "crore": 1e7,
}
DOZEN = {"dozen": 12, "dozens": 12, "doz": 12, "dozs": 12}

_WORD_TOKENS = sorted([*UNITS, *TENS, *SCALES, *DOZEN, "half"], key=len, reverse=True)
_WORD_ALT = "|".join(_WORD_TOKENS)

# A digit figure: sign, thousands groups (comma or thin/normal space), decimals, exponent.
DIGITS = (
    r"(?<![\w.,/])"
    r"(?:[-−–]\s?(?=\d))?"
    r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+|(?=\.\d))"
    r"(?:\.\d+)?"
    r"(?:[eE][-+]?\d+)?"
)
# Scale written after digits, attached or spaced; single letters only attached
# (except k/K/M), so "10 m" stays a length.
_SCALE_AFTER = (
    r"(?:\s*(?:hundred|thousand|million|billion|trillion|lakh|crore|bn|bln|tln|mln|mn|tn|k|K|M)"
    r"|(?:b|B|G|T|m))(?![\w])"
)
_WORD_NUMBER = (
    rf"(?:\b(?:a|an)\s+(?=(?:{_WORD_ALT})\b))?"
    rf"\b(?:{_WORD_ALT})\b"
    rf"(?:(?:\s+(?:and\s+|a\s+)?|\s*-\s*)(?:{_WORD_ALT})\b)*"
)
NUMBER_RE = regex.compile(
    rf"(?P<digits>{DIGITS})(?P<scale>{_SCALE_AFTER})?(?:\s+(?P<dscale>(?:{_WORD_ALT})))?"
    rf"|(?P<words>{_WORD_NUMBER})",
    regex.IGNORECASE | regex.V0,
)

# "one" is a pronoun after these words ("the one you mentioned", "that one").
_PRONOUN_ONE_BEFORE = regex.compile(
    r"\b(?:the|that|this|which|every|each|any|no|some|anyone|someone|no-one|little|last|only|big|new|other)\s+$",
    regex.IGNORECASE,
)


@dataclass
class Num:
    start: int
    end: int
    value: float
    written: str  # "digits" | "words"
    # Half of the last written digit's place times the scale ("12m" is 11.5m..12.5m);
    # zero for plain integers, which news copy writes as exact figures.
    precision: float = 0.0


def _digits_value(s: str) -> float | None:
    s = s.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    s = s.replace("−", "-").replace("–", "-")
    try:
        return float(s)
    except ValueError:
        return None


def _places(s: str) -> int:
    """Digits written after the decimal point."""
    mantissa = regex.split(r"[eE]", s)[0]
    return len(mantissa.split(".", 1)[1]) if "." in mantissa else 0


def words_value(tokens: list[str]) -> float | None:
    """Value of a run of number words, e.g. ["three", "hundred", "and", "twenty-one"]."""
    total = 0.0
    current = 0.0
    seen = False
    half_pending = False
    for raw in tokens:
        word = raw.lower()
        if word in ("and",):
            continue
        if word in ("a", "an"):
            current = current or 1
            seen = True
            continue
        if word == "half":
            if current or total:
                # "one million and a half": half of the last scale
                half_pending = True
                continue
            current = 0.5
            seen = True
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in DOZEN:
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            scale = SCALES[word]
            total += (current or 1) * scale
            current = 0
            if half_pending:
                total += scale / 2
                half_pending = False
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


_TOKEN_SPLIT = regex.compile(r"[\s-]+")


def _m_means_million(text: str, end: int, before: str) -> bool:
    """Whether an attached "m" after digits is "million" rather than metres."""
    if regex.search(r"[£$€¥₹]\s*$", before):
        return True
    after = text[end:end + 24]
    following = regex.match(r"\s+([a-z]+)", after)
    if following and following.group(1) in _METRE_CONTEXT:
        return False
    return bool(following and (following.group(1).endswith("s") or following.group(1) in ("people",)))


_METRE_CONTEXT = {"tall", "high", "long", "wide", "deep", "away", "across", "ahead", "behind",
                  "above", "below", "from", "metres", "meters", "hurdles", "dash", "sprints"}


def find_numbers(text: str, spans_taken=None) -> list[Num]:
    """Every numeric mention in ``text``, left to right."""
    found: list[Num] = []
    for m in NUMBER_RE.finditer(text, timeout=TIMEOUT):
        if m.group("digits") is not None:
            num = _digit_number(text, m)
        else:
            num = _word_number(text, m)
        if num is not None:
            found.append(num)
    return found


def _digit_number(text: str, m) -> Num | None:
    digits = m.group("digits")
    value = _digits_value(digits)
    if value is None:
        return None
    end = m.end("digits")
    precision = 0.0
    scale_word = m.group("scale")
    scale = 1.0
    if scale_word:
        key = scale_word.strip()
        if key == "m" and not _m_means_million(text, m.end("scale"), text[max(0, m.start() - 3):m.start()]):
            key = ""
        if key:
            scale = SCALE_ABBREVIATIONS.get(key, SCALE_ABBREVIATIONS.get(key.lower(), 1.0))
            end = m.end("scale")
    elif m.group("dscale") and m.group("dscale").lower() in SCALES:
        scale = SCALES[m.group("dscale").lower()]
        end = m.end("dscale")
    elif m.group("dscale") and m.group("dscale").lower() in DOZEN:
        scale = 12
        end = m.end("dscale")
    if scale != 1.0:
        precision = 0.5 * 10 ** -_places(digits) * scale
    return Num(m.start(), end, value * scale, "digits", precision)


def _word_number(text: str, m) -> Num | None:
    s = m.group("words")
    start, end = m.start("words"), m.end("words")
    tokens = [t for t in _TOKEN_SPLIT.split(s) if t]
    # A trailing "and"/"a" belongs to the prose, not the number.
    while tokens and tokens[-1].lower() in ("and", "a", "an"):
        tokens.pop()
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0].lower() == "one" and _PRONOUN_ONE_BEFORE.search(text[max(0, start - 20):start]):
        return None
    if tokens[-1].lower() == "half" and len(tokens) == 1:
        return Num(start, end, 0.5, "words")
    value = words_value(tokens)
    if value is None:
        return None
    # Recompute the end after dropping trailing connector words.
    last = tokens[-1]
    end = start + s.lower().rfind(last.lower()) + len(last)
    return Num(start, end, value, "words")


def parse_number(s: str) -> float | None:
    """Value of a whole string that is one number ("12,000", "two hundred", "3bn")."""
    nums = find_numbers(s)
    if len(nums) == 1 and nums[0].start == 0 and nums[0].end == len(s.rstrip()):
        return nums[0].value
    return None
