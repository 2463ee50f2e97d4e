"""Numbers as written in news copy: digits, words, fractions and scaled forms.

``find_numbers`` returns every numeric mention with its value; the other parsers
build on these mentions (a percentage is a number followed by "%", a range two
numbers joined by "to", and so on).  A candidate regex finds each run of digits or
number words; the run is then parsed locally (``_WordParser``), which is where
"two hundred and two thousand", "five eighths" and "one million and a half" are
told apart from two numbers written side by side ("twenty twenty", "two and three").
"""
from __future__ import annotations

import bisect
import math
import unicodedata
from dataclasses import dataclass

import regex

from .patterns import TIMEOUT, ends_with, endings, lowered, scan, scan_candidates, word_candidates

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
# Ordinals name a fraction's denominator ("five eighths", "a hundredth").
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1_000, "millionth": 1_000_000, "billionth": 1_000_000_000,
    "trillionth": 1_000_000_000_000, "half": 2, "quarter": 4,
}
_ORDINAL_PLURALS = {**{w + "s": v for w, v in ORDINALS.items() if w != "half"}, "halves": 2}
# "first" and "second" are fractions only inside a compound ("a twenty-first"):
# "a second" is a time, "eight seconds" too.
_NOT_ALONE = {"first", "second", "firsts", "seconds"}
# Abbreviated scales written after digits: "12bn", "3.5 million", "100k".
# "m" is ambiguous with metres and handled separately (see _m_means_million).
SCALE_ABBREVIATIONS = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6,
    "million": 1e6, "b": 1e9, "B": 1e9, "G": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9,
    "tn": 1e12, "tln": 1e12, "T": 1e12, "trillion": 1e12, "hundred": 1e2, "lakh": 1e5,
    "crore": 1e7,
}
DOZEN = {"dozen": 12, "dozens": 12, "doz": 12, "dozs": 12}


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_NUMBER_WORDS = [*UNITS, *TENS, *SCALES, *DOZEN, *ORDINALS, *_ORDINAL_PLURALS]
_WORD_ALT = _alt(_NUMBER_WORDS)
_DSCALE_ALT = _alt([*SCALES, *DOZEN])

# Scientific notation with a times sign: "3 × 10^8", "8x2^10", and "2.48×10−5",
# "6.02×10²³" (a superscript exponent, or one whose superscript was lost in copying).
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_TIMES_POWER = (r"[^\S\n]?[×x*][^\S\n]?"
                r"(?:\d+\^[-+−]?\d+|10(?:[-−]\d+|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))(?!\d)")
# Vulgar fractions after a whole number ("2½") or alone ("¾"), as news copy prints them;
# alone they are looked for only in a text that has one (a costly first character for
# the digit scan).
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_VULGAR_CHARS = frozenset(VULGAR)
_VULGAR_ALONE = regex.compile(rf"(?<![\w.,/])[{VULGAR}]")
# A digit figure: sign, thousands groups (comma or thin/normal space), Indian lakh
# groups ("12,34,567", "1,00,000"), or a European decimal comma ("5,00"), decimals,
# exponent ("1.3e6", "-1.1^+23"). Digits hyphenated to a capitalised word are part of
# a name ("Covid-19", "F-35"); after a prefix they are a figure ("sub-10", "mid-30C").
# A sign spaced from its figure is a minus only where no word or figure precedes it
# ("- 1 4/5"): between words " - " is a dash ("cut 1,000 jobs - 1,200 in all").
_SIGN = r"(?:[-−–](?=\d)|(?<!\S[^\S\n])[-−–]\s(?=\d))"
DIGITS = (
    r"(?<![\w.,/])(?-i:(?<!(?:^|[\s(\"'“‘])[a-z]*[A-Z][A-Za-z]*[-–]))"
    rf"{_SIGN}?"
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?![\d])|\d{{1,2}}(?:,\d\d)+,\d{{3}}(?![\d])"
    rf"|\d+,\d{{1,2}}(?![\d,])|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,])"
    rf"|\d+[{VULGAR}]?|(?=\.\d))"
    r"(?:\.\d+)?"
    rf"(?:[eE][-+]?\d+|\^[-+]{{0,2}}\d+|{_TIMES_POWER})?"
)
# "1/2", "2  1/4", "- 1 4/5"; a slash run ("5/17/2018") is a date or a code.
_FRACTION = rf"(?<![\w.,/]){_SIGN}?(?:(?P<whole>\d+)[ \t]+)?(?P<num>\d+)/(?P<den>\d+)(?![\w/]|[.,]\d)"
# Runs of numeric groups that are codes, not figures: phone numbers ("+1-222-2222",
# "020 7946 0958", "(020) 7946-0958"), times ("2:00", "5.30pm", "10 am"), numbers with
# a leading zero ("0958"); dotted addresses and versions ("192.168.1.2") are read group
# by group.
_CODE = (
    r"(?<![\w.,/-])\+?\d+(?:-\d+){2,}(?:/\d+)*(?![\w-])|(?<![\w+-])\d+(?:-\d+)+/\d+"
    r"|(?<![\w.,])(?:\(0?\d{2,4}\)|0\d{1,4})[ -]?\d{3,4}[ -]\d{3,4}(?![\w-])"
    r"|(?<![\w.,:])\d{1,2}(?::\d{2}){1,2}(?![\d,]|\.\d)"
    r"|(?<![\w.,:])\d{1,2}(?:[.:]\d{2})?[^\S\n]?(?:a\.m\.|p\.m\.|am|pm)(?!\w)"
    r"|(?<![\w.,-])0\d+(?![\w.,])"
)
_DOTTED = r"(?<![\w.,])\d+(?:\.\d+){2,}(?![\w.]|,\d)"
_DIGIT_RUN = regex.compile(r"\d+")
# Scale written after digits, attached or spaced; single letters only attached
# (except k/K/M), so "10 m" stays a length, and in their own case: "100g" and
# "40t" are grams and tonnes.
_SCALE_AFTER = (
    r"(?:\s*(?:hundred|thousand|million|billion|trillion|lakh|crore|bn|bln|tln|mln|mn|tn|k|K|M)"
    r"|(?-i:b|B|G|T|m))(?![\w])"
)
_GAP = r"[^\S\n]"  # a number never runs across a line break
# Digits and words are scanned apart: one alternation of both is several times slower.
DIGIT_RE = regex.compile(
    rf"(?P<code>{_CODE})|(?P<dotted>{_DOTTED})|(?P<frac>{_FRACTION})"
    rf"|(?P<digits>{DIGITS})(?P<scale>{_SCALE_AFTER})?(?:{_GAP}+(?P<dscale>{_DSCALE_ALT})s?\b)?",
    regex.IGNORECASE | regex.V0,
)
# A run of number words; a leading "a"/"an" is looked for behind the run.
WORD_RE = regex.compile(
    rf"\b(?:{_WORD_ALT})\b"
    rf"(?:(?:{_GAP}+(?:(?:and|of){_GAP}+)?(?:an?{_GAP}+)?|{_GAP}*-{_GAP}*|-and-an?-|{_GAP}+point{_GAP}+)"
    rf"(?:{_WORD_ALT})\b)*",
    regex.IGNORECASE | regex.V0,
)
# Where a figure may start, a digit or a sign, "+", "(" or "." before one, never after a
# word character (every branch of DIGIT_RE looks behind for that), and a run of number
# words: the detailed patterns are only tried there (scanning all the prose with them
# cost more than the rest of find_numbers).  _DIGIT_START is a `regex` pattern so that
# its \d and \w are DIGIT_RE's.
_DIGIT_START = regex.compile(r"(?<!\w)(?:[-−–]\s?|[+(.])?\d")
_WORD_START = word_candidates(_NUMBER_WORDS)
_EURO_DECIMAL = regex.compile(r"-?\d+,\d{1,2}")
_EXPONENT = regex.compile(r"[eE^]")
_HYPHEN_WORD = regex.compile(r"-[A-Za-z]")  # "third-quarter", "half-time"
_WORD_NEXT = regex.compile(r"[^\S\n]*[A-Za-z]")
_OF_NEXT = regex.compile(r"\s*of\b", regex.IGNORECASE)
_ARTICLE_BEFORE = regex.compile(rf"\b(an?){_GAP}+$", regex.IGNORECASE)

# "one" is a pronoun after these words ("the one you mentioned", "that one").
_PRONOUN_ONE_BEFORE = regex.compile(
    r"\b(?:the|that|this|which|every|each|any|no|some|anyone|someone|no-one|little|last|only|big|new|other)\s+$",
    regex.IGNORECASE,
)


# "only one in five": a share, and "only one per cent", "the one-year-old" a measure,
# though "only one" alone is a pronoun.
_ONE_IN = regex.compile(r"\s+(?:in|out\s+of)\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve|fifteen|twenty|thirty|forty|fifty|a\s+hundred|a\s+thousand)\b)"
                        r"|[\s-]+(?:per\s*cent|percent|dollar|pound|euro|mile|metre|meter|kilometre|km)s?\b"
                        r"|-(?:year|month|week|day)-old\b", regex.IGNORECASE)


@dataclass(slots=True)  # slots: a long document holds hundreds of thousands of these
class Num:
    start: int
    end: int
    value: float
    written: str  # "digits" | "words" | "fraction" (a share: "two thirds", "1/2", "one in five")
    # Half of the last written digit's place times the scale ("12m" is 11.5m..12.5m);
    # zero for plain integers, which news copy writes as exact figures.
    precision: float = 0.0
    # A figure only when a unit follows it: a bare fraction before a word is a name or a
    # date ("9/11 attacks", "3/4 May") unless it measures something ("1/2 cup").
    needs_unit: bool = False


def digits_value(s: str) -> float | None:
    if s.isascii() and s.isdigit():  # most figures: nothing below applies
        value = float(s)
        return value if math.isfinite(value) else None
    s = s.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    s = s.replace("−", "-").replace("–", "-")
    if s[-1:] in _VULGAR_CHARS:  # "2½", "-1¾"
        whole = digits_value(s[:-1])
        if whole is None:
            return None
        part = unicodedata.numeric(s[-1])
        return whole - part if s.startswith("-") else whole + part
    times = None if _TIMES_SIGNS.isdisjoint(s) else _TIMES.search(s, 1)
    if times:  # "2.48×10-5": the mantissa times the power
        mantissa, power = digits_value(s[:times.start()]), _power_value(s[times.end():])
        # to 15 digits, as written: 2.48 * 1e-5 is 2.4800000000000003e-05 in floats
        return None if mantissa is None or power is None else float(f"{mantissa * power:.15g}")
    power = None
    if "^" in s:  # "-1.1^--23": the signs of the exponent multiply
        s, exponent = s.split("^")
        digits = exponent.lstrip("+-")
        power = -int(digits) if (len(exponent) - len(digits)) and exponent.count("-") % 2 else int(digits)
    if _EURO_DECIMAL.fullmatch(s):
        s = s.replace(",", ".")  # European decimal comma
    s = s.replace(",", "")
    try:
        value = float(s)
    except ValueError:
        return None
    if power is not None:
        try:
            value = (-1 if value < 0 else 1) * abs(value) ** power
        except (OverflowError, ZeroDivisionError):
            return None
    return value if math.isfinite(value) else None  # "1e400" is no figure


_TIMES_SIGNS = frozenset("×xX*")
_TIMES = regex.compile(r"[×xX*]")


def _power_value(s: str) -> float | None:
    """"2^10", "10-5", "10²³" after a times sign."""
    s = s.translate(_SUPERSCRIPTS)
    if "^" not in s:
        s = s[:2] + "^" + s[2:]  # only 10 is written without a caret
    return digits_value(s)


def _places(s: str) -> int:
    """Digits written after the decimal point."""
    mantissa = _EXPONENT.split(s)[0]
    return len(mantissa.split(".", 1)[1]) if "." in mantissa else 0


def _m_means_million(text: str, end: int, before: str, start: int = 0) -> bool:
    """Whether an attached "m" after digits is "million" rather than metres: after a
    currency sign, or before what a million counts ("12m people", "1.6m Muslims",
    "4m DS consoles"); never before a word of distance or a race ("the 400m hurdles").
    Without such a noun, a figure paired with a million ("5m and 6m people", "fell 1m
    barrels to 294.3m") or one that is a sentence's subject ("some 2m were") counts."""
    if regex.search(r"[£$€¥₹]\s*$", before):
        return True
    partner = _M_PARTNER.match(text, end, end + 24)
    if partner:
        return _m_means_million(text, partner.end(), partner.group(1))
    following = regex.match(r"(?:\s+|-)([A-Za-z]+)", text[end:end + 24])
    word = following.group(1) if following else ""
    if word == "strong":
        return True  # "the 1.2m-strong army"
    if word.lower() in _METRE_CONTEXT:
        return False
    if word[:1].islower() and (word.endswith("s") or word == "people"):
        return True
    before = text[max(0, end - 24):end - 1]  # a bounded look: this runs for every "Nm"
    figure = before.rsplit(None, 1)[-1] if before.strip() else ""
    if figure.replace(",", "") in _RACE_DISTANCES:
        return False  # "the 100m Olympic final", "the 1500m would be"
    return word[:1].isupper() or _M_VERB.match(text, end, end + 12) is not None \
        or _MILLION_TO.search(text, max(0, start - 48), start) is not None


# "5m-6m people", "5m and 6m people": the next figure says what both are.
_M_PARTNER = regex.compile(r"\s*(?:-|–|to|and|or)\s*([£$€]?)\d[\d,.]*m\b")
# "fell 1m barrels to 294.3m", "from 2.1m to 3.2m": a change between millions.
_MILLION_TO = regex.compile(r"(?:\dm\s+[a-z]+s|\d\s?million)\b[^.;!?\d]{0,30}\bto\s+$")
# "Some 2m were affected": a million of something is what the verb is about.
_M_VERB = regex.compile(r"\s+(?:were|are|have|had|will|would)\b")
_METRE_CONTEXT = {"tall", "high", "long", "wide", "deep", "away", "across", "ahead", "behind",
                  "above", "below", "from", "metres", "meters", "hurdles", "dash", "sprints",
                  "race", "freestyle", "backstroke", "breaststroke", "butterfly", "medley", "relay",
                  "final", "finals", "title", "titles", "record", "records", "champion",
                  "champions", "medal", "medals", "gold", "silver", "bronze", "heats", "events"}
# Distances run and swum, so "the 100m Olympic final" stays in metres.
_RACE_DISTANCES = {"50", "60", "100", "110", "200", "300", "400", "800", "1000", "1500", "3000", "5000",
                   "10000"}


def find_numbers(text: str) -> list[Num]:
    """Every numeric mention in ``text``, left to right."""
    found: list[Num] = []
    taken: list[int] = []  # every digit match, flattened start/end: words never reach into one
    for m in scan_candidates(_DIGIT_START, DIGIT_RE, text):
        taken += (m.start(), m.end())
        if m.group("code") is not None:
            continue
        if m.group("dotted") is not None:
            found.extend(Num(g.start(), g.end(), float(g.group()), "digits")
                         for g in _DIGIT_RUN.finditer(text, m.start(), m.end()))
        elif m.group("frac") is not None:
            num = _fraction_number(text, m)
            if num is not None:
                found.append(num)
        else:
            num = _digit_number(text, m)
            if num is not None:
                found.append(num)
    if any(c in text for c in VULGAR):  # fifteen substring searches: cheaper than one scan
        # a share, like "3/4"
        found.extend(Num(m.start(), m.end(), unicodedata.numeric(m.group()), "fraction")
                     for m in scan(_VULGAR_ALONE, text))
    for m in scan_candidates(_WORD_START, WORD_RE, text, lowered(text)):
        found.extend(n for n in _word_numbers(text, m) if not _overlaps(taken, n))
    found.sort(key=lambda n: n.start)
    return _joined(text, found)


def _overlaps(taken: list[int], num: Num) -> bool:
    i = bisect.bisect_right(taken, num.start)
    # Inside a span when num.start falls after a start; or a span begins before num.end.
    return i % 2 == 1 or i < len(taken) and taken[i] < num.end


def _fraction_number(text: str, m) -> Num | None:
    num, den = int(m.group("num")), int(m.group("den"))
    if not 0 < num < den:
        return None  # "24/7", "3/0": not a fraction of one
    whole = m.group("whole")
    # A bare fraction is a small one ("1/2 of them", "3/4"): "9/11" is a name or a date.
    if whole is None and den > 10:
        return None
    value = (int(whole) if whole else 0) + num / den
    if text[m.start()] in "-−–":
        value = -value
    needs_unit = whole is None and _WORD_NEXT.match(text, m.end()) is not None and not _OF_NEXT.match(text, m.end())
    return Num(m.start(), m.end(), value, "digits" if whole else "fraction", needs_unit=needs_unit)


def digits_at(text: str, pos: int) -> Num | None:
    """The digit figure at ``pos`` even against a word before it ("Rs500"), where
    find_numbers starts none (a figure never starts inside a word: "MH17", "G20")."""
    window = text[pos:pos + 64]  # the longest figure and its scale word fit
    m = DIGIT_RE.match(window, timeout=TIMEOUT)
    num = _digit_number(window, m) if m is not None and m.group("digits") is not None else None
    return None if num is None else Num(pos + num.start, pos + num.end, num.value, num.written, num.precision)


def _digit_number(text: str, m) -> Num | None:
    digits = m.group("digits")
    value = digits_value(digits)
    if value is None:
        return None
    end = m.end("digits")
    precision = 0.0
    scale_word = m.group("scale")
    scale = 1.0
    if scale_word:
        key = scale_word.strip()
        if key == "m" and not _m_means_million(text, m.end("scale"), text[max(0, m.start() - 3):m.start()], m.start()):
            key = ""
        if key == "G" and len(digits) == 1:
            return None  # "3G", "5G": a mobile network's generation, not three billion
        if key:
            scale = SCALE_ABBREVIATIONS.get(key, SCALE_ABBREVIATIONS.get(key.lower(), 1.0))
            end = m.end("scale")
    elif m.group("dscale"):
        word = m.group("dscale").lower()
        scale = SCALES.get(word.removesuffix("s")) or DOZEN.get(word) or DOZEN[word.removesuffix("s")]
        end = m.end("dscale")
    if scale != 1.0:
        precision = 0.5 * 10 ** -_places(digits) * scale
    return Num(m.start(), end, value * scale, "digits", precision)


# --- number words -------------------------------------------------------------

@dataclass
class _Tok:
    kind: str  # unit | tens | int | hundred | scale | dozen | ord | a | and | of | point
    value: float
    start: int
    end: int
    plural: bool = False
    word: str = ""


_TOKEN_WORD = regex.compile(r"[A-Za-z]+|-", regex.V0)
_VALUE_KINDS = ("unit", "tens", "int", "hundred", "scale")


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The words of a candidate run, with "twenty-three"/"twenty-first" merged."""
    toks: list[_Tok] = []
    hyphen = False
    for m in _TOKEN_WORD.finditer(text, start, end):
        word = m.group().lower()
        if word == "-":
            hyphen = True
            continue
        tok = _classify(word, m.start(), m.end())
        prev = toks[-1] if toks else None
        # "twenty-three", "fifty two", "twenty-fifth", "twenty firsts" ("twenty fifths" is 20/5).
        if prev is not None and prev.kind == "tens" and 0 < tok.value < 10 and (
                tok.kind == "unit" or tok.kind == "ord" and (hyphen or tok.word in _NOT_ALONE)):
            prev.value += tok.value
            prev.end = tok.end
            prev.kind = "int" if tok.kind == "unit" else "ord"
            prev.plural = tok.plural
            prev.word = "compound"
        else:
            toks.append(tok)
        hyphen = False
    return toks


def _classify(word: str, start: int, end: int) -> _Tok:
    if word in UNITS:
        return _Tok("unit", UNITS[word], start, end, word=word)
    if word in TENS:
        return _Tok("tens", TENS[word], start, end, word=word)
    if word == "hundred":
        return _Tok("hundred", 100, start, end, word=word)
    if word in SCALES:
        return _Tok("scale", SCALES[word], start, end, word=word)
    if word in DOZEN:
        return _Tok("dozen", 12, start, end, word=word)
    if word in ORDINALS:
        return _Tok("ord", ORDINALS[word], start, end, word=word)
    if word in _ORDINAL_PLURALS:
        return _Tok("ord", _ORDINAL_PLURALS[word], start, end, plural=True, word=word)
    if word in ("a", "an"):
        return _Tok("a", 1, start, end, word=word)
    return _Tok(word, 0, start, end, word=word)  # "and", "of", "point"


def _accumulate(values: list[float]) -> float:
    """Value of a well-formed run of number-word values ([3, 100, 20, 1] is 321)."""
    total, current, last_scale = 0.0, 0.0, 0.0
    for v in values:
        if v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            if not current and total and v > last_scale:
                total *= v  # "three lakh crore"
            else:
                total += (current or 1) * v
            current, last_scale = 0.0, v
        else:
            current += v
    return total + current


def _composable(big: float, small: float) -> bool:
    base = 100 if small > 10 else 10
    return big % base == 0 and big / base >= 1


def _fraction_split(values: list[float]) -> int:
    """How many leading values of "numerator words + denominator ordinal" are the
    numerator: "twenty twenty fifths" is 20/25, "one hundred thirty-two fifths" 132/5,
    "one one hundred fifth" 1/105 (Recognizers-Text's reading)."""
    n = len(values)
    round_value = 1.0
    for i in range(n - 2, -1, -1):
        previous, current = values[i + 1], values[i]
        # The denominator grows leftwards while each word composes with the next.
        if not (previous >= 100 and previous > current or previous < 100 and _composable(current, previous)):
            return i + 1
        if previous < 100:
            if current < round_value:
                return i + 1
            round_value = current
    # Every word composes: the first is the numerator, with the words up to a
    # hundred-or-more followed by a smaller one ("ninety-five hundred fifths" is 9500/5).
    for split in range(1, n - 1):
        if values[split] >= 100 and values[split + 1] < 100:
            return split + 1
    return n - 1


class _WordParser:
    """Splits one run of number words into numbers."""

    def __init__(self, text: str, toks: list[_Tok]):
        self.text, self.toks = text, toks

    def kind(self, i: int) -> str | None:
        return self.toks[i].kind if i < len(self.toks) else None

    def numbers(self):
        i = 0
        while i < len(self.toks):
            parsed = self.fraction(i) or self.integer(i)
            if parsed is None:
                i += 1
                continue
            value, j = parsed
            last = j - 1
            while self.toks[last].kind in ("and", "a"):  # left behind by a split
                last -= 1
            if value is not None:
                yield self.toks[i].start, self.toks[last].end, value
            i = j

    def fraction(self, i: int, scaled: bool = True):
        """"five eighths", "a hundredth", "one twenty-fifth" at token i: (value, next);
        with ``scaled``, a scale after it multiplies it ("a quarter million", "a
        quarter of a million")."""
        k, joined = i, None
        while self.kind(k) in _VALUE_KINDS or self.kind(k) == "a" and k == i or \
                self.kind(k) == "and" and self.kind(k - 1) in ("hundred", "scale") and k > i:
            if self.kind(k) == "and" and self.kind(k + 1) != "ord":
                joined = k
            k += 1
        if k == i or self.kind(k) != "ord":
            return None
        ordinal = self.toks[k]
        if ordinal.word in _NOT_ALONE:
            return None
        values = [t.value for t in self.toks[i:k] if t.kind != "and"] + [ordinal.value]
        if joined is not None and _accumulate([t.value for t in self.toks[joined + 1:k]]) < ordinal.value:
            return None  # "one hundred and three quarters": a whole number and a fraction
        # "one hundred and thirty fifths" is 130/5: the "and" binds the numerator;
        # otherwise the words are shared out as Recognizers-Text does.
        split = len(values) - 1 if joined is not None else _fraction_split(values)
        numerator = _accumulate(values[:split])
        denominator = _accumulate(values[split:])
        if not ordinal.plural and numerator != 1:
            return None, k + 1  # "twenty fifth" is an ordinal, not a count
        after = self.text[ordinal.end:ordinal.end + 12]
        if _HYPHEN_WORD.match(after):
            return None, k + 1  # "third-quarter", "one-fifth-scale"
        if not ordinal.plural and ordinal.word not in ("half", "quarter") and \
                _WORD_NEXT.match(after) and not _OF_NEXT.match(after):
            return None, k + 1  # "a third term", "one fifth grade": ordinals, not fractions
        value, j = numerator / denominator, k + 1
        scale = self.scale_after(j) if scaled else None
        if scale is not None:
            value, j = value * self.toks[scale].value, scale + 1
        return value, j

    def scale_after(self, j: int) -> int | None:
        """The scale token that a fraction at j multiplies: "quarter million", "quarter
        of a million"."""
        if self.kind(j) == "of" and self.kind(j + 1) == "a":
            j += 2
        return j if self.kind(j) == "scale" else None

    def integer(self, i: int):
        toks = self.toks
        if toks[i].kind == "ord":
            return self.half(i)
        if toks[i].kind == "a":
            if self.kind(i + 1) not in ("hundred", "scale", "dozen"):
                return None
        elif toks[i].kind not in ("unit", "tens", "int"):
            return None
        values: list[float] = []
        # Where the part after the last scale begins, as a token and as a value index.
        last, j, last_scale, small_tok, small_val = None, i, 0.0, i, 0
        hundreds = False  # whether the part since the last scale has its "hundred" already
        while j < len(toks):
            t = toks[j]
            if t.kind in ("unit", "tens", "int", "a"):
                if t.kind == "a" and j != i:
                    break
                if not (last in (None, "hundred", "scale", "and") or
                        last == "tens" and t.kind == "unit" and t.value < 10):
                    break
                if last in ("scale", "and", "hundred", None):
                    small_tok, small_val = j, len(values)
            elif t.kind == "hundred":
                if last not in ("unit", "tens", "int", "a"):
                    break
                if hundreds:  # "one hundred and two hundred": two numbers
                    j, values = small_tok, values[:small_val]
                    break
                hundreds = True
            elif t.kind == "scale":
                if last in ("unit", "tens", "int", "a", "hundred"):
                    if last_scale and t.value >= last_scale:
                        j = small_tok  # "one thousand two thousand": two numbers
                        values = values[:small_val]
                        break
                elif not (last == "scale" and t.value > last_scale):
                    break
                last_scale, hundreds = t.value, False
            elif t.kind == "dozen":
                if last not in ("unit", "tens", "int", "a"):
                    break
                # "three hundred and two dozens": the dozens multiply the last part only.
                values = values[:small_val] + [_accumulate(values[small_val:]) * 12]
                last, j = "dozen", j + 1
                break
            elif t.kind == "and":
                if last not in ("hundred", "scale") or self.kind(j + 1) not in ("unit", "tens", "int") \
                        or self.fraction(j + 1) is not None:
                    break
                last, j = "and", j + 1
                continue
            else:
                break
            values.append(t.value)
            last, j = t.kind, j + 1
        if not values:
            return None
        value = _accumulate(values)
        if values == [1] and toks[i].word == "one" and \
                _PRONOUN_ONE_BEFORE.search(self.text, max(0, toks[i].start - 20), toks[i].start) \
                and not _ONE_IN.match(self.text, toks[i].end, toks[i].end + 12):
            return None, j  # but "only one in five" is a share
        return self.tail(value, j, last, last_scale)

    def tail(self, value: float, j: int, last: str | None, last_scale: float):
        """What may follow a whole number: "point five", "and a half", "and three fifths"."""
        if self.kind(j) == "point" and self.kind(j + 1) in ("unit", "tens", "int"):
            digits, k = "", j + 1
            if self.toks[k].kind == "unit" and self.toks[k].value < 10:
                while self.kind(k) == "unit" and self.toks[k].value < 10:
                    digits += str(int(self.toks[k].value))
                    k += 1
            else:
                digits, k = str(int(self.toks[k].value)), k + 1
            value += float("0." + digits)
            if self.kind(k) == "scale" and not last_scale:
                value, k = value * self.toks[k].value, k + 1  # "two point five million"
            return value, k
        if self.kind(j) == "and":
            frac = self.fraction(j + 1, scaled=False) or self.half(j + 1)
            if frac is not None and frac[0] is not None:
                part, k = frac
                if self.kind(k) == "scale":
                    scale, k = self.toks[k].value, k + 1
                    if last_scale:
                        value += part * scale  # "one billion and a quarter million"
                    else:
                        value = (value + part) * scale  # "two and a half million"
                elif last == "scale":
                    value += part * last_scale  # "one million and a half"
                else:
                    value += part
                return value, k
        return value, j

    def half(self, i: int):
        """A bare "half": "half", "half a million", "Half million", "half a dozen"; a
        bare "quarter" only before a scale ("quarter million"), or it is a period."""
        tok = self.toks[i]
        if tok.word == "quarter":
            scale = self.scale_after(i + 1)
            return None if scale is None else (0.25 * self.toks[scale].value, scale + 1)
        if tok.word != "half" or _HYPHEN_WORD.match(self.text, tok.end):
            return None
        j = i + 2 if self.kind(i + 1) == "a" else i + 1
        if self.kind(j) in ("scale", "dozen"):
            return 0.5 * self.toks[j].value, j + 1
        return 0.5, i + 1


def _word_numbers(text: str, m) -> list[Num]:
    article = _ARTICLE_BEFORE.search(text, max(0, m.start() - 4), m.start())
    toks = _tokens(text, article.start() if article else m.start(), m.end())
    return [Num(s, e, v, "fraction" if 0 < abs(v) < 1 else "words") for s, e, v in _WordParser(text, toks).numbers()
            if v or not _HYPHEN_WORD.match(text, e)]  # "zero-hours contracts", "zero-tolerance": no figure


# --- numbers written in two parts ---------------------------------------------

# "1 over three", "2 in 5", "3 out of 10": a fraction written with a preposition.
_PREPOSITION = regex.compile(r"\s+(over|in|out\s+of)\s+", regex.IGNORECASE)
# "$4 in five days" is a loss over a period, not one in so many.
_NOT_PROPORTION = regex.compile(
    r"[£$€¥₹]\s*$|\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b", regex.IGNORECASE)
_SIGN_WORD = regex.compile(r"\b(minus|negative)\s+$", regex.IGNORECASE)
_SIGN_WORD_ENDS = endings(["minus", "negative"])  # searched only where a figure follows one
_DIGIT_WORDS_GAP = regex.compile(r"[^\S\n]+(and[^\S\n]+)?", regex.IGNORECASE)
_SCALE_AT_END = regex.compile(r"(hundred|thousand|million|billion|trillion)$", regex.IGNORECASE)
_PLUS_OR = regex.compile(r"plus\s+or\s+$", regex.IGNORECASE)


def _joined(text: str, nums: list[Num]) -> list[Num]:
    """Joins mentions that one figure writes in two parts and applies sign words."""
    out: list[Num] = []
    i = 0
    while i < len(nums):
        num = nums[i]
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        joined = nxt is not None and (_preposition_fraction(text, num, nxt) or _digit_words(text, num, nxt)
                                      or _and_a_fraction(text, num, nxt))
        if joined:
            num, i = joined, i + 2
        else:
            i += 1
        window = max(0, num.start - 12)
        sign = ends_with(_SIGN_WORD_ENDS, text, window, num.start) and _SIGN_WORD.search(text, window, num.start)
        prior = out[-1] if out else None
        if sign and num.value > 0 and not (prior and not text[prior.end:sign.start()].strip()) \
                and not _PLUS_OR.search(text, max(0, sign.start() - 9), sign.start()):
            num = Num(sign.start(1), num.end, -num.value, num.written, num.precision)
        out.append(num)
    return out


def _preposition_fraction(text: str, a: Num, b: Num) -> Num | None:
    if b.start - a.end < 4 or not text[a.end].isspace():
        return None  # no room for " in " (isspace takes every character \s does)
    m = _PREPOSITION.fullmatch(text, a.end, b.start)
    if not m or not (a.value.is_integer() and b.value.is_integer() and b.value) or a.precision or b.precision:
        return None
    if m.group(1).lower() == "over":
        # "2000 over 3" ends the phrase; "20 over three years" is a period.
        if _WORD_NEXT.match(text, b.end):
            return None
    elif not (0 < a.value < b.value) or b.written == "digits" and 1000 <= b.value < 3000 \
            or _NOT_PROPORTION.search(text, max(0, a.start - 2), a.start) \
            or _NOT_PROPORTION.match(text, b.end, b.end + 10):
        return None  # "3000 in 2009": a year, not one in so many
    return Num(a.start, b.end, a.value / b.value, "fraction")


def _and_a_fraction(text: str, a: Num, b: Num) -> Num | None:
    """"2 and a half", "3 and three quarters": digits and a fraction in words."""
    if a.written != "digits" or a.precision or not a.value.is_integer() or b.written != "fraction" \
            or not _AND_GAP.fullmatch(text, a.end, b.start) or not _A_FRACTION.fullmatch(text, b.start, b.end) \
            or _OF_NEXT.match(text, b.end):
        return None  # "Years 5 and 6 and two-fifths of pupils", "Zone 2 and Half Moon 2"
    return Num(a.start, b.end, a.value + b.value, "digits")


_AND_GAP = regex.compile(r"[^\S\n]+and[^\S\n]+")
_A_FRACTION = regex.compile(r"a[^\S\n]+(?:half|quarter|third)|(?:one|two|three)[-\s](?:quarters?|thirds?)|\d/\d")


def _digit_words(text: str, a: Num, b: Num) -> Num | None:
    """"3 hundred and 21", "4 thousand 3 hundred": digits with a scale word, and a
    smaller rest, which without "and" names its own scale ("2 million 40 people" are two)."""
    gap = a.precision != 0 and _DIGIT_WORDS_GAP.fullmatch(text, a.end, b.start)
    if not gap:
        return None
    word = _SCALE_AT_END.search(text, a.start, a.end)
    if not word or (word.group(1).lower() not in ("hundred", "thousand") if gap.group(1)
                    else not _SCALE_AT_END.search(text, b.start, b.end)):
        return None
    if not (b.value.is_integer() and 0 < b.value < SCALES[word.group(1).lower()]):
        return None
    return Num(a.start, b.end, a.value + b.value, a.written)
