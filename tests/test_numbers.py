"""Numbers, fractions, hedges and ranges as news copy writes them: exact values and spans."""
import math

import pytest

from checker import extract
from checker.extract.counted import counted_phrase
from checker.extract.numbers import find_numbers


def _numbers(text):
    return [(text[n.start:n.end], n.value) for n in find_numbers(text)]


def _close(a, b):
    return a == b or a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


@pytest.mark.parametrize("text, expected", [
    # whole numbers in words, with "and", hyphens and stacked scales
    ("four hundred and twelve", [("four hundred and twelve", 412)]),
    ("sixty-seven thousand three hundred", [("sixty-seven thousand three hundred", 67300)]),
    ("three hundred and four thousand", [("three hundred and four thousand", 304000)]),
    ("six lakh crore", [("six lakh crore", 6e12)]),
    ("eighty - four", [("eighty - four", 84)]),
    ("5 crore", [("5 crore", 5e7)]),
    ("four dozen", [("four dozen", 48)]),
    ("two hundred and three dozens", [("two hundred and three dozens", 236)]),
    ("half a dozen", [("half a dozen", 6)]),
    ("7 bln and 2 tln", [("7 bln", 7e9), ("2 tln", 2e12)]),
    # two numbers written side by side stay two
    ("nine and eleven", [("nine", 9), ("eleven", 11)]),
    ("one thousand and two thousand", [("one thousand", 1000), ("two thousand", 2000)]),
    ("6000 4 hundred and 12", [("6000", 6000), ("4 hundred and 12", 412)]),
    # digits and scale words in two parts: spaced, the rest names its own smaller scale
    ("4 thousand 3 hundred", [("4 thousand 3 hundred", 4300)]),
    ("2 million 300 thousand", [("2 million 300 thousand", 2.3e6)]),
    ("2 million 40 people", [("2 million", 2e6), ("40", 40)]),
    ("3 thousand 4 thousand", [("3 thousand", 3000), ("4 thousand", 4000)]),
    # Indian lakh grouping
    ("Rs 12,34,567.89 and 1,00,000 more", [("12,34,567.89", 1234567.89), ("1,00,000", 100000)]),
    # fractions
    ("three sevenths", [("three sevenths", 3 / 7)]),
    ("a sixth of", [("a sixth", 1 / 6)]),
    ("one-tenth", [("one-tenth", 0.1)]),
    ("four and a third", [("four and a third", 4 + 1 / 3)]),
    ("seven ninths", [("seven ninths", 7 / 9)]),
    ("thirty thirty sixths", [("thirty thirty sixths", 30 / 36)]),
    ("one hundred forty-two sevenths", [("one hundred forty-two sevenths", 142 / 7)]),
    ("a thousandth", [("a thousandth", 0.001)]),
    ("three million and a half", [("three million and a half", 3.5e6)]),
    ("four million and two fifths", [("four million and two fifths", 4.4e6)]),
    ("two billion and a quarter million", [("two billion and a quarter million", 2_000_250_000)]),
    ("one and a half million", [("one and a half million", 1.5e6)]),
    ("half a million", [("half a million", 5e5)]),
    # a fraction of a scale, with or without "of a"; a bare "quarter" only before a scale
    ("a quarter of a million", [("a quarter of a million", 2.5e5)]),
    ("three quarters of a million", [("three quarters of a million", 7.5e5)]),
    ("a third of a billion", [("a third of a billion", 1e9 / 3)]),
    ("quarter million", [("quarter million", 2.5e5)]),
    ("one of a thousand", [("one", 1), ("a thousand", 1000)]),
    ("the third quarter of a year", []),
    ("two over five", [("two over five", 0.4)]),
    ("3000 over 4", [("3000 over 4", 750)]),
    ("3 7/8", [("3 7/8", 3.875)]),
    ("- 2 1/2", [("- 2 1/2", -2.5)]),
    ("three in ten voters", [("three in ten", 0.3)]),
    # decimals, signs, exponents, European decimal comma
    ("nought point two", [("nought point two", 0.2)]),
    ("three hundred point zero seven", [("three hundred point zero seven", 300.07)]),
    ("four point forty-five", [("four point forty-five", 4.45)]),
    ("negative twelve", [("negative twelve", -12)]),
    ("minus 7", [("minus 7", -7)]),
    ("plus or minus 3", [("3", 3)]),
    ("2.0^3", [("2.0^3", 8)]),
    ("-3^--2", [("-3^--2", -9)]),
    # scientific notation with a times sign, the exponent after a caret, a minus or in superscript
    ("a factor of 2.48×10−5, or 3 × 10^8", [("2.48×10−5", 2.48e-5), ("3 × 10^8", 3e8)]),
    ("5.5x10-3 and 6.02×10²³ and 3x10⁻⁴", [("5.5x10-3", 5.5e-3), ("6.02×10²³", 6.02e23), ("3x10⁻⁴", 3e-4)]),
    ("exactly 8x2^10", [("8x2^10", 8192)]),
    # vulgar fractions, after a whole number or alone
    ("a 1½ mile walk, -1¾ and ¾ of voters", [("1½", 1.5), ("-1¾", -1.75), ("¾", 0.75)]),
    ("2½ million", [("2½ million", 2.5e6)]),
    # without an exponent a times sign is a product or a size, not one figure
    ("a 2 x 10 grid of 2048 * 1080", [("2", 2), ("10", 10), ("2048", 2048), ("1080", 1080)]),
    # single letters after digits scale a figure in their own case only: "g" is a gram
    ("a 3b deal, 10G and 100g", [("3b", 3e9), ("10G", 1e10), ("100", 100)]),
    ("it costs 7,50 here", [("7,50", 7.5)]),
    ("10.0.0.1", [("10", 10), ("0", 0), ("0", 0), ("1", 1)]),
    # words that are not numbers here
    ("the one she wrote", []),
    ("this one works", []),
    ("a second chance", []),
    ("in eight seconds", [("eight", 8)]),
    ("a third term", []),
    ("the twenty-first century", []),
    ("third-quarter profits", []),
    ("Fahrenheit 9/11, the film", []),
    ("open 24/7", []),
    ("call +44-20-7946-0958 now", []),
    ("1e400 stars", []),
    ("open from 9am to 5.30pm, shut at 12:45", []),
    ("dial 020 7946 0958 or (020) 7946-0958", []),
    ("a 007 film", []),
])
def test_find_numbers(text, expected):
    found = _numbers(text)
    assert [t for t, _ in found] == [t for t, _ in expected]
    assert all(_close(v, e) for (_, v), (_, e) in zip(found, expected))


@pytest.mark.parametrize("text, expected", [
    # (kind, text, value, low, high)
    ("the plan was less than or equal to 40 seats", [("number", "less than or equal to 40", 40, None, 40)]),
    ("marks of 90 or greater", [("number", "90 or greater", 90, 90, None)]),
    ("at least or equal to 12", [("number", "at least or equal to 12", 12, 12, None)]),
    ("fewer than 400 or equal to it", [("number", "fewer than 400 or equal to", 400, None, 400)]),
    ("roughly 600 or more", [("number", "600 or more", 600, 600, None)]),
    ("his 30-plus years, a 100-odd crowd", [("number", "30-plus", 30, 30, None), ("number", "100-odd", 100, 80, 120)]),
    ("equal to 80 or less", [("number", "equal to 80 or less", 80, None, 80)]),
    ("equal to 80 or less than 90", [("number", "equal to 80", 80, 80, 80), ("number", "less than 90", 90, None, 90)]),
    ("temperatures <-5", [("number", "<-5", -5, None, -5)]),
    ("x>10 and y<20", [("number", ">10", 10, 10, None), ("number", "<20", 20, None, 20)]),
    ("<p>They sent <b>500</b> troops</p>", [("number", "500", 500, 500, 500)]),
    ("more than 60 and less than 90 people",
     [("range", "more than 60 and less than 90", None, 60, 90)]),
    ("over 700, under 800", [("range", "over 700, under 800", None, 700, 800)]),
    ("more than 90 and fewer than 60", [("number", "more than 90", 90, 90, None),
                                       ("number", "fewer than 60", 60, None, 60)]),
    ("between 40 and 55", [("range", "between 40 and 55", None, 40, 55)]),
    ("from 300 to 4000000", [("range", "from 300 to 4000000", None, 300, 4000000)]),
    ("from 1,000 up to 2,000", [("range", "from 1,000 up to 2,000", None, 1000, 2000)]),
    ("30 through 60", [("range", "30 through 60", None, 30, 60)]),
    ("about 30~70", [("range", "30~70", None, 30, 70)]),
    ("3k-9k", [("range", "3k-9k", None, 3000, 9000)]),
    # the thousands written once, after a dash: "10-12,000 troops"; not across "and"
    ("10-12,000 troops, 2-1,000", [("range", "10-12,000", None, 10000, 12000), ("range", "2-1,000", None, 2, 1000)]),
    ("between 5 and 10,000 people", [("range", "between 5 and 10,000", None, 5, 10000)]),
    # a dash spaced on both sides between rising counts is a range's; "68 -4" keeps its sign
    ("20 - 30 people, 1,000 - 2,000 troops", [("range", "20 - 30", None, 20, 30),
                                              ("range", "1,000 - 2,000", None, 1000, 2000)]),
    ("the score was 68 -4", [("number", "68", 68, 68, 68), ("number", "-4", -4, -4, -4)]),
    # ... and no range ends inside a time
    ("out at 4 - 6:30 pm, or 4-6:30", [("number", "4", 4, 4, 4), ("number", "4", 4, 4, 4)]),
    ("between minus four and six", [("range", "between minus four and six", None, -4, 6)]),
    ("between seven hundred and eight hundred", [("range", "between seven hundred and eight hundred", None, 700, 800)]),
    ("three to four thousand", [("range", "three to four thousand", None, 3000, 4000)]),
    ("4 in 7 or more", [("number", "4 in 7 or more", 4 / 7, 4 / 7, None)]),
    ("More than 3/4 of them", [("number", "More than 3/4", 0.75, 0.75, None)]),
    # not ranges, and no figures at all
    ("they won 4-2 on Saturday", []),
    # scores and models: after a name, between two names, or among other pairs
    ("Harlequins 19-47 Saracens", []),
    ("she beat Anna Berg 7-6 (7-5) 4-6 6-3", []),
    ("a fleet of 70 Boeing 737-800 jets", [("number", "70", 70, 70, 70)]),
    ("Ages 18-24 are most at risk", [("range", "18-24", None, 18, 24)]),
    ("Between 10-12 people came", [("range", "Between 10-12", None, 10, 12)]),
    # "3G" is a mobile network's generation; "10G" keeps the giga scale
    ("fast 3G networks and 5G", []),
    ("10G", [("number", "10G", 1e10, 9.5e9, 1.05e10)]),
    ("the 2011-12 season", []),
    ("as of 2001-03", []),
    # a number that owns something is a name or a pronoun: "Radio 4's", "one's"
    ("he told BBC Radio 4's Today and BBC One’s Breakfast about one's rights", []),
    ("OAO-1's battery failed after 3 people left", [("number", "3", 3, 3, 3)]),
    # a bound is the figure as stated, not the interval its scale rounds from
    ("More than 3 million, under 4.5 thousand", [("number", "More than 3 million", 3e6, 3e6, None),
                                                 ("number", "under 4.5 thousand", 4500, None, 4500)]),
    ("prices rose 4,000 to 2.3 million", [("number", "4,000", 4000, 4000, 4000),
                                         ("number", "2.3 million", 2.3e6, 2.25e6, 2.35e6)]),
    # percentages
    ("minus eight percent", [("percent", "minus eight percent", -8, -8, -8)]),
    ("sixty percentage", [("percent", "sixty percentage", 60, 60, 60)]),
    ("a 10-percent rise, a 20-per-cent cut", [("percent", "10-percent", 10, 10, 10),
                                              ("percent", "20-per-cent", 20, 20, 20)]),
    ("per cent of 45", [("percent", "per cent of 45", 45, 45, 45)]),
    ("6 per cent of 45 voters", [("percent", "6 per cent", 6, 6, 6), ("number", "45", 45, 45, 45)]),
    ("up 50 pct, a 0.25 percentage-point cut", [("percent", "50 pct", 50, 50, 50),
                                                ("percent", "0.25 percentage-point", 0.25, 0.25, 0.25)]),
    # a dash right between two like measures is a range's; spaced, "5% -10%" keeps its sign
    ("rose 8%-10%", [("percent", "8%-10%", None, 8, 10)]),
    ("5% -10%", [("percent", "5%", 5, 5, 5), ("percent", "-10%", -10, -10, -10)]),
    # figures inside URLs and e-mail addresses are not claims
    ("see https://example.org/q?a=10%20b%2830 for 3 reasons",
     [("number", "3", 3, 3, 3)]),
    ("mail press2024@example.com or www.example.com/50", []),
    ("two a@example.com dozen", [("number", "two", 2, 2, 2)]),
    # character references a CMS leaves in: none is a figure, and one that stands for
    # punctuation leaves the figure beside it whole
    ("a communiqu&#233; from 3 ministers", [("number", "3", 3, 3, 3)]),
    ("&#8220;200 people&#8221; came", [("number", "200", 200, 200, 200)]),
    ("It cost &#163;5m and &#x2014;", []),
])
def test_claims(text, expected):
    claims = [c for c in extract(text) if c.kind in ("number", "range", "percent")]
    got = [(c.kind, c.text, c.value, c.low, c.high) for c in claims]
    assert [g[:2] for g in got] == [e[:2] for e in expected]
    for g, e in zip(got, expected):
        assert all(_close(a, b) for a, b in zip(g[2:], e[2:])), (g, e)


def test_a_hedged_count_spans_its_hedge_and_keeps_its_subject():
    [claim] = extract("Officials said no fewer than 40 and no more than 70 villagers were moved.")
    assert (claim.kind, claim.text, claim.low, claim.high) == ("range", "no fewer than 40 and no more than 70", 40, 70)
    assert claim.subject == "villagers"


def test_a_share_counts_nothing():
    claims = extract("One in three Turks works on a farm; 3,000 Turks moved.")
    assert [(c.text, c.subject) for c in claims] == [("One in three", None), ("3,000", "Turks")]


@pytest.mark.parametrize("text, subject", [
    ("Engineers restored power to 25,000 homes overnight.", "homes"),
    ("The firm shed 300 jobs today, and 40 staff again.", "jobs"),
    ("Police arrested 12 protesters yesterday.", "protesters"),
])
def test_a_time_adverb_ends_the_counted_noun(text, subject):
    assert extract(text)[0].subject == subject


@pytest.mark.parametrize("text, noun", [
    ("the £12.5m fee beats the record", "fee"),
    ("the £245,000 first prize lifts him to fifth", "first prize"),
    ("the £3m grant gives me hope", "grant"),
])
def test_a_singular_heads_verb_ends_the_counted_noun(text, noun):
    end = extract(text)[0].end
    assert counted_phrase(text, end)[0] == noun


def test_a_rank_counts_nothing():
    claims = extract("He beat world number five Guillermo Coria, and the No 1 seed lost to 40 players.")
    assert [(c.text, c.subject) for c in claims] == [("five", None), ("1", None), ("40", "players")]


def test_digits_hyphenated_to_a_name_are_part_of_it():
    claims = extract("There were 2,500 Covid-19 patients, 40 F-35 jets and a sub-10 second run.")
    assert [(c.text, c.subject) for c in claims] == [
        ("2,500", "Covid-19 patients"), ("40", "F-35 jets"), ("10 second", None)]


def test_a_standards_name_is_part_of_the_counted_noun():
    claims = extract("It added 90,000 3G customers and five 2D levels.")
    assert [(c.text, c.subject) for c in claims] == [("90,000", "3G customers"), ("five", "2D levels")]


@pytest.mark.parametrize("text, expected", [
    # (kind, text, low, high, unit)
    ("Between 5m and 6m people watched.", [("range", "Between 5m and 6m", 5e6, 6e6, None)]),
    ("Some 2m were affected.", [("number", "Some 2m", 1.2e6, 3e6, None)]),
    ("Stocks fell 1m barrels to 294.3m.", [("quantity", "1m barrels", 5e5, 1.5e6, "oil_barrel"),
                                           ("number", "294.3m", 294.25e6, 294.35e6, None)]),
    ("He cleared 2.35m to 2.40m, the 1500m would be next.",
     [("quantity", "2.35m to 2.40m", 2.35, 2.4, "meter"), ("quantity", "1500m", 1500, 1500, "meter")]),
    ("She won the 800m and 1500m titles; a 2m wall.",
     [("quantity", "800m", 800, 800, "meter"), ("quantity", "1500m", 1500, 1500, "meter"),
      ("quantity", "2m", 2, 2, "meter")]),
])
def test_an_attached_m_is_a_million_when_its_partner_or_verb_says_so(text, expected):
    got = [(c.kind, c.text, c.low, c.high, c.unit) for c in extract(text)]
    assert [g[:2] + g[4:] for g in got] == [e[:2] + e[4:] for e in expected]
    assert all(_close(g[2], e[2]) and _close(g[3], e[3]) for g, e in zip(got, expected))


def test_a_dash_between_words_is_no_minus_sign():
    claims = extract("The firm cut 1,000 jobs - 1,200 in all.\n- 1 4/5")
    assert [(c.text, c.value) for c in claims] == [("1,000", 1000), ("1,200", 1200), ("- 1 4/5", -1.8)]


@pytest.mark.parametrize("text, subject", [
    ("Some 300 protesters gathered outside parliament.", "protesters"),
    ("He has 3 children living abroad.", "children"),
    ("About 2,000 homes lack broadband.", "homes"),
    ("Police said 12 adults found there were held.", "adults"),
    ("The charity helped 12,500 families last year.", "families"),
    ("When 34 Labour MPs vote against their own government, it is serious.", "Labour MPs"),
    # an adverb, a modifier or a name before the -ed/-ing word keeps the phrase whole
    ("There are 200 newly qualified doctors.", "newly qualified doctors"),
    ("It will build 12 new housing estates.", "new housing estates"),
    ("The seven leading industrialised nations met.", "leading industrialised nations"),
    # the figure as the subject: its verb is no counted noun
    ("A majority of 87 sends a clear message.", None),
    ("We sold 300 shows that night.", "shows"),
])
def test_a_verb_after_the_counted_noun_ends_it(text, subject):
    assert extract(text)[0].subject == subject


@pytest.mark.parametrize("text, expected", [
    ("the 1.2m-strong army", [("number", "1.2m", 1.2e6)]),
    ("a 7m-tall statue", [("quantity", "7m", 7)]),
    ("Only one in five applicants got a place.", [("number", "Only one in five", 0.2)]),
    ("the only one in the room", []),
    ("Only one per cent said yes; that one day he left.", [("percent", "one per cent", 1)]),
    ("workers on zero-hours contracts", []),
    ("sea levels could rise by 1m by 2100", [("quantity", "1m", 1), ("date", "2100", None)]),
    ("on air from 1900 GMT", []),
    # a currency word before the figure, in lower case: "Euro 2004" is a tournament
    ("a record Australian dollars 648m profit", [("money", "Australian dollars 648m", 648e6)]),
    ("It starts at dollar 22.5 million.", [("money", "dollar 22.5 million", 22.5e6)]),
    ("the yen 1.5% stronger, at Euro 2004", [("percent", "1.5%", 1.5), ("number", "2004", 2004)]),
])
def test_figures_news_copy_writes(text, expected):
    assert [(c.kind, c.text, c.value) for c in extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("2 and a half", [("2 and a half", 2.5)]),
    ("two point five million", [("two point five million", 2.5e6)]),
    ("5 and 1/2 inches", [("5 and 1/2 inches", 5.5)]),
    # a list and a name, not a whole and its fraction
    ("Years 5 and 6 and two-fifths of pupils", [("5", 5), ("6", 6), ("two-fifths", 0.4)]),
])
def test_a_whole_and_its_fraction(text, expected):
    assert [(c.text, c.value) for c in extract(text)] == [(t, pytest.approx(v)) for t, v in expected]


@pytest.mark.parametrize("text, expected", [
    ("He was jailed over £1.2m fraud.", ("£1.2m", None)),
    ("The drone flew over 300 homes.", ("300", None)),
    ("It cost over £5m.", ("£5m", "over")),
])
def test_over_after_a_verb_of_cause_or_motion_is_no_hedge(text, expected):
    [claim] = extract(text)
    assert (claim.text, claim.hedge) == expected
