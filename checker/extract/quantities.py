"""Quantities with physical units ("10 km", "38mph", "12,900 acres", "-5C", "4km^2",
"-1e-3 W/min", "four times per week"), normalized with pint; the unit lexicon is
rules/lexicons/units.toml. Everything is matched right at the number's end."""
from __future__ import annotations

import unicodedata
from fractions import Fraction
from functools import cache

import regex

from ..rules_data import load
from .measure import Measure, phrase_pattern
from .numbers import VULGAR, Num, digits_value
from .patterns import TIMEOUT, first_after


def _squash(phrase: str) -> str:
    """A lexicon key as matched: the patterns allow any spacing inside a phrase."""
    return "".join(phrase.split())


@cache
def _lexicon():
    data = load("units")["units"]
    exact = data["exact"]
    words = data["anycase"]
    powers = phrase_pattern([*data["square"], *data["cube"]])
    # One unit: an optional power prefix, then a symbol (exact case, "km2"/"km²"/"km^2")
    # or a word (any case, plural), then an optional "squared"/"cubed".
    unit = (
        rf"(?:(?P<pre>(?i:{powers}))(?:\s*-\s*|\s*)(?=\w))?"
        rf"(?:(?P<sym>{phrase_pattern(exact)})(?P<spow>\^?[23](?!\d)|[²³])?"
        rf"|(?i:(?P<word>{phrase_pattern(words)})(?P<plural>e?s(?:'(?=\s))?)?))"
        rf"(?:\s+(?P<post>(?i:squared|cubed)))?"
        rf"(?![\w°²³^])"
    )
    # Between the number and its unit: nothing or a space ("10km", "10 km"), a hyphen
    # ("3-inch"), or a bracket ("20 (kg)"), which then closes right after the unit.
    head = regex.compile(
        rf"(?P<sep>\s?(?P<open>[(\[{{])|\s?-\s?|\s{{0,2}})(?:{unit})(?(open)[)\]}}])", regex.V0)
    # What joins a second unit to the first, which `head` then reads (one compiled copy
    # of the unit alternation, the costly part, serves all three): a rate ("W/min",
    # "metres per second", "miles-per-hour") and a frequency ("four times a week").
    per_words = phrase_pattern(data["per"])
    per = regex.compile(rf"\s*/\s*|\s+(?i:{per_words})\s+|-(?i:{per_words})-", regex.V0)
    frequency = regex.compile(
        rf"\s+(?i:{regex.escape(data['frequency'])})\s+(?i:{phrase_pattern(data['frequency_per'])})\s+", regex.V0)
    return {"exact": {_squash(k): v for k, v in exact.items()},
            # What a unit (or "times") starts with, case folded: see match.
            "first": {k[0].casefold() for k in [*exact, *words, *data["square"], *data["cube"], data["frequency"]]},
            "words": {_squash(k).lower(): v for k, v in words.items()},
            "head": head, "per": per, "frequency": frequency,
            "square": {p.lower() for p in data["square"]}, "invariant": set(data["invariant"]),
            "ambiguous": set(data["ambiguous"]), "attached_only": set(data["attached_only"]),
            "calendar": set(data["calendar"]), "compound": data["compound"], "below_zero": set(data["below_zero"]),
            "bare_rest": set(data["bare_rest"]),
            "named": _by_last_word(data["named"]),
            "compound_rest": regex.compile(rf"(?:[^\S\n]+(?:and[^\S\n]+)?|(?P<hyphen>-))(\d+(?:\.\d+|[{VULGAR}])?)(?!\d|,\d)",
                                           regex.V0), "ago": regex.compile(rf"\s+{data['ago']}\b", regex.IGNORECASE)}


def _by_last_word(named: dict) -> dict:
    """Named measures by their number word: "zero" -> [("absolute zero", "kelvin")]."""
    out: dict = {}
    for phrase, unit in named.items():
        out.setdefault(phrase.split()[-1].lower(), []).append((phrase.lower(), unit))
    return out


@cache
def registry():
    """pint's registry, built on first use: most runs never need it."""
    import pint

    return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


@cache
def canonical(expr: str) -> str:
    """pint's canonical name for a unit expression ("km / h" -> "kilometer / hour")."""
    return str(registry().parse_units(expr))


def match(text: str, num: Num) -> Measure | None:
    lex = _lexicon()
    named = lex["named"].get(text[num.start:num.end].lower()) if num.written == "words" else None
    for phrase, unit in named or ():
        start = num.end - len(phrase)
        if start >= 0 and text[start:num.end].lower() == phrase and not text[start - 1:start].isalnum():
            return Measure("quantity", start, num.end, unit=unit)
    limit = min(len(text), num.end + 48)
    # Most figures have no unit after them: unless the figure is a fraction ("half an
    # hour"), skip the patterns where no unit (or "times") can start, past white space
    # and one bracket or hyphen ("20 (kg)", "3-inch").
    if num.written != "fraction" and first_after(text, num.end, limit, "([{-") not in lex["first"]:
        return None
    if _code_or_clock_before(text, num.start):
        return None
    _, m = _unit_after(lex["frequency"], text, num.end, limit, lex)
    period = _unit_expr(m, lex) if m else None
    if period is not None and _parses(f"1 / ({period})"):
        return Measure("quantity", num.start, m.end(), unit=f"1 / ({period})")
    unit_at = num.end
    if num.written == "fraction":
        lead = _unit_and_before(text, num, lex)
        if lead is not None:
            return lead
        of = _OF_AN.match(text, num.end, limit, timeout=TIMEOUT)
        unit_at = of.end() if of else unit_at  # "half an hour", "a quarter of a mile"
    m = lex["head"].match(text, unit_at, limit, timeout=TIMEOUT)
    expr = _unit_expr(m, lex) if m else None
    if expr is None or expr in lex["calendar"] and lex["ago"].match(text, m.end()):
        return None
    end, rated = m.end(), False
    if "/" not in expr and not m.group("open"):
        joiner, rate = _unit_after(lex["per"], text, end, limit, lex)
        denominator = _unit_expr(rate, lex) if rate else None
        if denominator is not None and _parses(f"({expr}) / ({denominator})"):
            expr, end, rated = f"({expr}) / ({denominator})", rate.end(), "/" in joiner.group(0)
    if not _plausible(text, num, m, lex, rated):
        return None
    compound = _compound(text, num, expr, end, lex)
    if compound is None:
        below = _BELOW_ZERO.match(text, end, limit, timeout=TIMEOUT) if expr in lex["below_zero"] else None
        if below and num.value > 0:
            return Measure("quantity", num.start, below.end(), unit=expr, value=-num.value)
        return Measure("quantity", num.start, end, unit=expr)
    end, value, step = compound
    if expr in lex["calendar"] and lex["ago"].match(text, end):
        return None
    return Measure("quantity", num.start, end, unit=expr, value=value, extra={"step": step})


def _unit_after(joiner, text: str, pos: int, limit: int, lex):
    """The joiner at ``pos`` and the unit right after it, or (None, None)."""
    j = joiner.match(text, pos, limit, timeout=TIMEOUT)
    m = lex["head"].match(text, j.end(), limit, timeout=TIMEOUT) if j else None
    return (j, m) if m else (None, None)


_BELOW_ZERO = regex.compile(r"[^\S\n]+below[^\S\n]+zero\b", regex.IGNORECASE)
# "6-foot-2" ends the figure; "6-foot-2-metre" or "6-foot-20s" do not.
_WORD_AFTER = regex.compile(r"[-–.]?\w")
# "he is 5 foot 4.", "6 foot 2 tall", "6 foot 2 and": nothing more of the figure follows.
_PHRASE_END = regex.compile(r"[^\S\n]*(?:$|[.,;:!?)\]]|(?:tall|and)\b)", regex.IGNORECASE)
# After a fraction, the article of its unit: "half an hour", "three quarters of a mile".
_OF_AN = regex.compile(r"[^\S\n]+(?:of[^\S\n]+)?an?(?=[^\S\n])", regex.IGNORECASE)
_ARTICLE = regex.compile(r"\b(?:an?)\b", regex.IGNORECASE)
_AND = regex.compile(r"[^\S\n]+and[^\S\n]+", regex.IGNORECASE)
_AND_A = regex.compile(r"[^\S\n]+and[^\S\n]+a[^\S\n]+(half|quarter)\b", regex.IGNORECASE)


def _unit_and_before(text: str, num: Num, lex) -> Measure | None:
    """"an hour and a half", "a mile and a quarter": one unit and the fraction after it."""
    if text[num.start] not in "aA":
        return None
    for article in _ARTICLE.finditer(text, max(0, num.start - 40), num.start):
        m = lex["head"].match(text, article.end(), num.start, timeout=TIMEOUT)
        if m and m.group("sep") and _AND.fullmatch(text, m.end(), num.start, timeout=TIMEOUT):
            expr = _unit_expr(m, lex)
            if expr is None or expr in lex["calendar"] and lex["ago"].match(text, num.end):
                return None
            return Measure("quantity", article.start(), num.end, unit=expr, value=1 + num.value)
    return None


def _compound(text: str, num: Num, expr: str, end: int, lex) -> tuple[int, float, float] | None:
    """"5ft 2in", "7lb 3oz", "2 hours 30 minutes": the rest of the figure in the next
    smaller unit, less than one of the first, which a hyphen may leave unwritten
    ("6-foot-2"), and a height or weight at the end of its phrase too ("5 foot 4.");
    "two hours and a half". Returns the end, the value in the first unit and the step
    it is written to (an inch, for "5ft 2in"), which is how precise it is."""
    half = _AND_A.match(text, end, min(len(text), end + 24), timeout=TIMEOUT)
    if half:
        return half.end(), num.value + (0.5 if half.group(1).lower() == "half" else 0.25), 0.25
    smaller = lex["compound"].get(expr)
    rest = lex["compound_rest"].match(text, end, min(len(text), end + 24), timeout=TIMEOUT) if smaller else None
    if rest is None:
        return None
    m = lex["head"].match(text, rest.end(), min(len(text), rest.end() + 24), timeout=TIMEOUT)
    if m is not None and not m.group("open") and _unit_expr(m, lex) == smaller:
        end = m.end()
    elif m is None and (rest.group("hyphen") and not _WORD_AFTER.match(text, rest.end())
                        or expr in lex["bare_rest"] and _PHRASE_END.match(text, rest.end())):
        end = rest.end()
    else:
        return None
    step = registry().Quantity(1, smaller).to(expr).magnitude
    written = rest.group(2)
    part = digits_value(written) * step
    if "." in written:
        step *= 10.0 ** -len(written.split(".")[1])
    elif written[-1] in VULGAR:  # "10st 12½lb" is written to the half pound
        step /= Fraction(unicodedata.numeric(written[-1])).limit_denominator(8).denominator
    return (end, num.value + part, step) if part < 1 else None


def _unit_expr(m, lex) -> str | None:
    """The pint expression a matched unit means, or None for a form that is not one."""
    if m.group("sym"):
        base = lex["exact"][_squash(m.group("sym"))]
        power = {"2": 2, "^2": 2, "²": 2, "3": 3, "^3": 3, "³": 3}.get(m.group("spow") or "", 1)
    else:
        word = _squash(m.group("word")).lower()
        if m.group("plural") and word in lex["invariant"]:
            return None  # "threw 3 stones"
        base = lex["words"][word]
        power = 1
    if m.group("pre"):
        power = 2 if m.group("pre").lower() in lex["square"] else 3
    if m.group("post"):
        power = 2 if m.group("post").lower() == "squared" else 3
    if power == 1:
        return base
    return f"({base}) ** {power}" if _parses(f"({base}) ** {power}") else None


def _parses(expr: str) -> bool:
    """Whether pint makes a unit of a power or a rate, and reads its own name for it
    back ("°C²" and "dB per dB" are not units)."""
    try:
        name = canonical(expr)
        return name != "dimensionless" and canonical(name) == name
    except Exception:  # pint: not a unit it can combine
        return False


# A code's letters before a hyphen: with a digit after a letter, a capital, or one letter
# ("scp2-", "OAO-", "L-"); "mid-30C", "sub-10 second" are prose, and "25C-", "10km-",
# "5°C-" end a measure ("25C-30C" is a range).
_CODE_BEFORE = regex.compile(r"(?<![\w°º])(?:\w*[A-Za-z]\w*\d\w*|[A-Z]\w*|[a-z])[-–]$")
_CLOCK = regex.compile(r"(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?")


def _code_or_clock_before(text: str, start: int) -> bool:
    # "2:00 pm" (the "00"), "scp2-173m", "L-202": parts of a time or a code, not measures.
    before = text[max(0, start - 12):start]
    return before.endswith(":") or _CODE_BEFORE.search(before) is not None


def _plausible(text: str, num: Num, m, lex, rated: bool) -> bool:
    """Whether a unit-looking word right after a number is the number's unit here."""
    symbol = m.group("sym")
    if symbol is None:
        # "Six Feet Under": a number word and a unit word both capitalized is a title.
        return not (num.written == "words" and text[num.start].isupper() and m.group("word")[0].isupper())
    sep = m.group("sep")
    written = text[num.start:num.end]
    if symbol in ("am", "pm") and _CLOCK.fullmatch(written):
        return False  # "2pm", "2.17pm", "at 5 am": a time of day
    if symbol == "s" and "." not in written:
        return False  # "1960s", "20s": decades and plurals; "9.58s" is a time
    if symbol == "st" and written.endswith("1") and not written.endswith("11"):
        return False  # "21st": an ordinal; "11st", "14st" are stones
    if len(symbol) == 1:
        # "3-D", "L-202": letters of a code; "25C-30C" is a range, "7m-tall" a height
        if "-" in sep or text[m.end():m.end() + 1] in ("-", "–") and not _same_unit_next(text, m.end(), symbol) \
                and not _DIMENSION_AFTER.match(text, m.end(), m.end() + 12):
            return False
        # "14.7C/ per security": a slash that starts no rate ("5m/s") and no second
        # figure ("25C/77F") makes the letter part of something else
        if not rated and _SLASH_TO_NO_FIGURE.match(text, m.end()):
            return False
    if sep == "" or m.group("open") or rated:
        return True  # attached, bracketed or a written rate ("10km", "20 (kg)", "9 m/s")
    if symbol in lex["attached_only"]:
        return False  # "Group 5 C", "5 s"
    # "45 m²", "10 sq. m": a power makes a spaced "m" a measure
    return symbol not in lex["ambiguous"] or bool(m.group("spow") or m.group("pre") or m.group("post")) \
        or _clearly_measure(text, m.end(), symbol)


_DASH_FIGURE = regex.compile(r"[-–]\d[\d.,]*")
_DIMENSION_AFTER = regex.compile(r"[-–](?:tall|high|long|wide|deep|thick|across)\b")
_SLASH_TO_NO_FIGURE = regex.compile(r"/(?!\s*[-−]?\d)")


def _same_unit_next(text: str, end: int, symbol: str) -> bool:
    """"25C-30C": a dash after a unit, then a figure in the same unit."""
    m = _DASH_FIGURE.match(text, end, end + 24)
    after = m.end() + len(symbol) if m else 0
    return m is not None and text.startswith(symbol, m.end()) and not text[after:after + 1].isalnum()


# "8,848 m (29,029 ft)": converted in brackets into another unit.
_CONVERSION_AFTER = regex.compile(r"\s*\(\s*[\d.,]*\d\s?[A-Za-z°µμ]")


def _clearly_measure(text: str, end: int, symbol: str) -> bool:
    # "1 m 1 m", "1 m x 1 m", "2 in." or "2.1 pm." at a sentence end, or "8,848 m (29,029
    # ft)" read as units;
    # "in" before a figure is the preposition ("250,000 in 2005").
    rest = text[end:end + 8]
    if rest == "" or rest[0] in ".,;)" or _CONVERSION_AFTER.match(text, end, end + 24):
        return True
    after = regex.match(r"\s+(x|×|\d|tall|long|high|wide|deep)\b", rest)
    return after is not None and not (symbol == "in" and after.group(1).isdigit())
