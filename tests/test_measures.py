"""Measures: money, quantities with units and ages, each with its span, value and unit,
and the prose around figures that must not be read as one."""
import pytest

from checker import extract, lint
from checker.extract.quantities import canonical
from checker.rules_data import load


def _found(text, kind):
    return [(c.text, c.value if c.value is None else round(c.value, 6), c.unit)
            for c in extract(text) if c.kind == kind]


@pytest.mark.parametrize("text, expected", [
    ("It raised £3m last year.", [("£3m", 3e6, "GBP")]),
    ("offering of $ 280 million notes", [("$ 280 million", 2.8e8, "USD")]),
    ("ranges between c $ 16.4 million", [("c $ 16.4 million", 1.64e7, "CAD")]),
    ("fell to hk $ 10.05 billion .", [("hk $ 10.05 billion", 1.005e10, "HKD")]),
    ("accepted a us $ 150 million loan", [("us $ 150 million", 1.5e8, "USD")]),
    ("Sell Mex$ 10 million forward", [("Mex$ 10 million", 1e7, "MXN")]),
    ("It had a $ 1 billion suit.", [("$ 1 billion", 1e9, "USD")]),
    ("a $5 fee, A$68m profit. A $2bn gap", [("$5", 5, "USD"), ("A$68m", 6.8e7, "AUD"), ("$2bn", 2e9, "USD")]),
    ("It paid USD 5m and 100 EUR.", [("USD 5m", 5e6, "USD"), ("100 EUR", 100, "EUR")]),
    ("profits of 331bn euros", [("331bn euros", 3.31e11, "EUR")]),
    ("a quarter of a million pounds", [("a quarter of a million pounds", 2.5e5, "GBP")]),
    # a currency named with its country: any country word before any currency name
    ("fined 500 Mexican pesos and 20bn Indian rupees", [("500 Mexican pesos", 500, "MXN"),
                                                        ("20bn Indian rupees", 2e10, "INR")]),
    ("worth 3m Saudi riyals, 40 South African rand", [("3m Saudi riyals", 3e6, "SAR"),
                                                      ("40 South African rand", 40, "ZAR")]),
    ("500 West African CFA francs or 50 German marks", [("500 West African CFA francs", 500, "XOF"),
                                                        ("50 German marks", 50, "DEM")]),
    ("100 North Korean won, 80 new shekels", [("100 North Korean won", 100, "KPW"), ("80 new shekels", 80, "ILS")]),
    # symbols, prefixes and codes of more currencies; a code with its dollar sign
    ("paid Rp 5,000, KSh 200 and ฿300", [("Rp 5,000", 5000, "IDR"), ("KSh 200", 200, "KES"), ("฿300", 300, "THB")]),
    ("AUD$15, usd$ 15 and N$100", [("AUD$15", 15, "AUD"), ("usd$ 15", 15, "USD"), ("N$100", 100, "NAD")]),
    ("500 zł, 500 Kč and 500 XOF", [("500 zł", 500, "PLN"), ("500 Kč", 500, "CZK"), ("500 XOF", 500, "XOF")]),
    ("each block mined is now 6.25 BTC", [("6.25 BTC", 6.25, "XBT")]),
    # prefixes written against the figure
    ("the Rs500 and Rs.1,000 notes, a RM20m fine", [("Rs500", 500, "INR"), ("Rs.1,000", 1000, "INR"),
                                                     ("RM20m", 2e7, "MYR")]),
    ("It costs USD115.5 or EUR50m", [("USD115.5", 115.5, "USD"), ("EUR50m", 5e7, "EUR")]),
    ("Rs20bn ($300m); Tk50-Tk60", [("Rs20bn", 2e10, "INR"), ("$300m", 3e8, "USD"), ("Tk50-Tk60", None, "BDT")]),
    ("500 kopecks or 50 paise", [("500 kopecks", 5, "RUB"), ("50 paise", 0.5, "INR")]),
    ("50 US cents, one dollar and 50 US cents", [("50 US cents", 50, "USX"), ("one dollar and 50 US cents", 1.5, "USD")]),
    ("fined 10,000 swiss francs .", [("10,000 swiss francs", 10000, "CHF")]),
    ("a 650m euro write-down", [("650m euro", 6.5e8, "EUR")]),
    ("it only cost thirteen dollars forty-five cents", [("thirteen dollars forty-five cents", 13.45, "USD")]),
    ("it only cost thirteen dollars forty five", [("thirteen dollars forty five", 13.45, "USD")]),
    ("It costs one dollar and one and one point.", [("one dollar and one", 1.01, "USD")]),
    ("It may need one kuai and five mao five.", [("one kuai and five mao five", 1.55, "CNY")]),
    ("20 dollars and 50 people", [("20 dollars", 20, "USD")]),
    # the minor units' figure may end the sentence
    ("It costs 15 dollars and 50.", [("15 dollars and 50", 15.5, "USD")]),
    ("They paid 20 dollars and 50.5 more", [("20 dollars", 20, "USD")]),
    # a sign read by the figure before is not the next figure's too
    ("10 $ 30 $", [("10 $", 10, "USD"), ("30 $", 30, "USD")]),
    ("It cost 5 EUR 10 EUR", [("5 EUR", 5, "EUR"), ("10 EUR", 10, "EUR")]),
    ("$ 20,000.00 $ 37,305.97 expenses", [("$ 20,000.00", 20000, "USD"), ("$ 37,305.97", 37305.97, "USD")]),
    ("she earns 300 pounds per week", [("300 pounds", 300, "GBP")]),
    # hyphened before what money buys or pays, "pound" is money ("a 10-pound bag" is not)
    ("a five-pound note and a 50-pound fine", [("five-pound", 5, "GBP"), ("50-pound", 50, "GBP")]),
    # Minor units alone are reported as written, with the exchanges' code.
    ("shares closed at 873p, up 50 cents", [("873p", 873, "GBX"), ("50 cents", 50, "USX")]),
    ("a dividend of 70 euro cents", [("70 euro cents", 0.7, "EUR")]),
    ("The annual revenue is -15€ ($-99.99).", [("-15€", -15, "EUR"), ("$-99.99", -99.99, "USD")]),
])
def test_money(text, expected):
    assert _found(text, "money") == expected


@pytest.mark.parametrize("text", [
    "Rapper 50 Cent topped the chart.",
    "Million Dollar Baby won.",
    "Halo 2 won the award; who in 2019 won the seat.",
    "down from the 11,905 won by her predecessor; the 12,000 won the vote",
    "at 5 p.m. on page 5 p",
    "ALL 5 solutions are wrong.",
    "he weighed 200 pounds",
    "a metric ton is equal to 2,204.62 pounds.",
    "overloaded by 700 pounds (320kg)",
    "a 10-pound bag",
    # currency names that are English words are money only with their country
    "500 real people got 30 marks and a sol",
    "RON 95 petrol; ALL 5 solutions",
    # nor is a glued prefix inside a word
    "Mrs500 and HRs500",
])
def test_not_money(text):
    assert _found(text, "money") == []


@pytest.mark.parametrize("text, expected", [
    ("the javadi hills are about 17 km from ambur", [("17 km", 17, "kilometer")]),
    ("winds of 38mph", [("38mph", 38, "mile / hour")]),
    ("at over 188 miles an hour", [("188 miles an hour", 188, "mile / hour")]),
    ("burned 5,200 hectares (12,900 acres)", [("5,200 hectares", 5200, "hectare"), ("12,900 acres", 12900, "acre")]),
    ("It fell to -5C overnight.", [("-5C", -5, "degree_Celsius")]),
    # a range written with the unit on both figures
    ("temperatures of 25C-30C, 5°C-10°C; 10km-20km", [("25C-30C", None, "degree_Celsius"),
                                                     ("5°C-10°C", None, "degree_Celsius"), ("10km-20km", None, "kilometer")]),
    # "below zero" negates a temperature, and nothing else
    ("It was 40 degrees below zero, then 30C below zero; 10 miles below zero",
     [("40 degrees below zero", -40, "degree"), ("30C below zero", -30, "degree_Celsius"), ("10 miles", 10, "mile")]),
    ("The average weight is 10kg (25lbs).", [("10kg", 10, "kilogram"), ("25lbs", 25, "pound")]),
    ("its 3-inch thickness", [("3-inch", 3, "inch")]),
    ("between 4km^2, 4 square kilometers and 4 km squared",
     [("4km^2", 4, "kilometer ** 2"), ("4 square kilometers", 4, "kilometer ** 2"), ("4 km squared", 4, "kilometer ** 2")]),
    ("Italy covers 301,338 km2 (116,347 sq mi).", [("301,338 km2", 301338, "kilometer ** 2"), ("116,347 sq mi", 116347, "mile ** 2")]),
    ("to export 0.9 trillion cubic feet", [("0.9 trillion cubic feet", 9e11, "foot ** 3")]),
    ("some 2.4 billion gallons of jet fuel", [("2.4 billion gallons", 2.4e9, "gallon")]),
    ("a 1.5 million gallon aquarium", [("1.5 million gallon", 1.5e6, "gallon")]),
    ("abundant approximately 66 Ma ago", [("66 Ma", 66, "megayear")]),
    ("Processor 2.80 GHz 8 MB", [("2.80 GHz", 2.8, "gigahertz"), ("8 MB", 8, "megabyte")]),
    ("Give me -1e-3 W/min, now!", [("-1e-3 W/min", -0.001, "watt / minute")]),
    ("Violet light oscillates at 4e14 s-1", [("4e14 s-1", 4e14, "1 / second")]),
    ("a density of 1.2 kg/m3", [("1.2 kg/m3", 1.2, "kilogram / meter ** 3")]),
    ("used four times per week", [("four times per week", 4, "1 / week")]),
    ("pumps 80,000 barrels a day", [("80,000 barrels", 80000, "oil_barrel")]),
    ("a speed of 3 metres a second", [("3 metres a second", 3, "meter / second")]),
    ("The weight is 20 (kg)", [("20 (kg)", 20, "kilogram")]),
    ("The length of my pencil is 2 in.", [("2 in", 2, "inch")]),
    ("This nano grid has a size of 2.1 pm.", [("2.1 pm", 2.1, "picometer")]),
    ("1 m x 1 m", [("1 m", 1, "meter"), ("1 m", 1, "meter")]),
    # a power makes a spaced "m" a measure
    ("a flat of 45 m² big, 10 sq. m in size", [("45 m²", 45, "meter ** 2"), ("10 sq. m", 10, "meter ** 2")]),
    ("she weighed 200 pounds", [("200 pounds", 200, "pound")]),
    ("a sub-10 second run in the mid-30C heat", [("10 second", 10, "second"), ("30C", 30, "degree_Celsius")]),
    ("add 100g of flour to a 40t lorry", [("100g", 100, "gram"), ("40t", 40, "metric_ton")]),
    ("5.5x10-3 kg/cm³ and 8x2^10 bits", [("5.5x10-3 kg/cm³", 0.0055, "kilogram / centimeter ** 3"), ("8x2^10 bits", 8192, "bit")]),
    ("it was 40 deg celsius, or 104 Fahrenheit; 6 deg c", [("40 deg celsius", 40, "degree_Celsius"),
     ("104 Fahrenheit", 104, "degree_Fahrenheit"), ("6 deg c", 6, "degree_Celsius")]),
    ("3 kilo meters, a 20 dm pole, 2 hundredweight", [("3 kilo meters", 3, "kilometer"), ("20 dm", 20, "decimeter"),
     ("2 hundredweight", 2, "hundredweight")]),
    ("it took 2½ hours; a 10 kΩ resistor and a 5 μs pulse", [("2½ hours", 2.5, "hour"), ("10 kΩ", 10, "kiloohm"),
     ("5 μs", 5, "microsecond")]),
    ("matter at absolute zero", [("absolute zero", 0, "kelvin")]),
    ("a strength of 500 MPa at 760 Torr, 100 µSv and 4.5 Gyr",
     [("500 MPa", 500, "megapascal"), ("760 Torr", 760, "torr"), ("100 µSv", 100, "microsievert"), ("4.5 Gyr", 4.5, "gigayear")]),
    ("a 70-miles-per-hour limit", [("70-miles-per-hour", 70, "mile / hour")]),
    ("sea levels rise 3.2 mm/yr", [("3.2 mm/yr", 3.2, "millimeter / year")]),
    ("a pressure of 12 pounds per square inch", [("12 pounds per square inch", 12, "pound / inch ** 2")]),
    # a spaced "m" converted in brackets is a length
    ("Everest is 8,848 m (29,029 ft) high", [("8,848 m", 8848, "meter"), ("29,029 ft", 29029, "foot")]),
    # a figure completed in the next smaller unit, in the first unit
    ("he is 5 ft 2 in, or 5 feet 2 inches", [("5 ft 2 in", 5.166667, "foot"), ("5 feet 2 inches", 5.166667, "foot")]),
    ("the 6ft 10in striker; she weighed 7lb 3oz", [("6ft 10in", 6.833333, "foot"), ("7lb 3oz", 7.1875, "pound")]),
    # body weights in stones; "21st" is an ordinal
    ("he weighs 14st 7lb, she lost 3st in the 21st century", [("14st 7lb", 14.5, "stone"), ("3st", 3, "stone")]),
    ("it took 2 hours and 30 minutes", [("2 hours and 30 minutes", 2.5, "hour")]),
    # a unit and a fraction of it, and a fraction of one unit
    ("an hour and a half, a mile and a quarter; two hours and a half",
     [("an hour and a half", 1.5, "hour"), ("a mile and a quarter", 1.25, "mile"), ("two hours and a half", 2.5, "hour")]),
    ("half an hour, three quarters of a mile, one hundredth of a second",
     [("half an hour", 0.5, "hour"), ("three quarters of a mile", 0.75, "mile"), ("one hundredth of a second", 0.01, "second")]),
    ("the 5-foot-10 guard and a 6-foot-2-inch forward", [("5-foot-10", 5.833333, "foot"), ("6-foot-2-inch", 6.166667, "foot")]),
    # a height or a body weight may leave the smaller unit unnamed at the end of its phrase
    ("she is 5 foot 4, he is 6 foot 2 and weighs 11 stone 4.",
     [("5 foot 4", 5.333333, "foot"), ("6 foot 2", 6.166667, "foot"), ("11 stone 4", 11.285714, "stone")]),
    ("6 feet 3 times, a 6 foot 2 metre pole", [("6 feet", 6, "foot"), ("6 foot", 6, "foot"), ("2 metre", 2, "meter")]),
    # ... and only when the rest is less than one of the first unit
    ("5 feet 14 inches", [("5 feet", 5, "foot"), ("14 inches", 14, "inch")]),
    # a bare fraction before a word is a figure only when the word is its unit
    ("cut by 1/3 inch on a 1/2 mile walk", [("1/3 inch", 0.333333, "inch"), ("1/2 mile", 0.5, "mile")]),
    # a stated margin: the figure's value, the margin as its interval
    ("It weighs 2,000.45±0.01 pounds", [("2,000.45±0.01 pounds", 2000.45, "pound")]),
    ("299792458 m/s, or 10 km / h", [("299792458 m/s", 299792458, "meter / second"), ("10 km / h", 10, "kilometer / hour")]),
])
def test_quantities(text, expected):
    assert _found(text, "quantity") == expected


@pytest.mark.parametrize("text", [
    "I'll give you a surprise at 2:00 pm",
    "The robbery began at 2pm and was over by 2.17pm.",
    "Meet at 5 am.",
    "24703m212 and 24703 m212",
    "scp2-173m",
    "24703 L-202",
    "2b2t-5m, 24703L-202, a 5C-4 win",
    "Funds from operations were 14.7C/ per security.",
    "Get together for 2 in april",
    "sales will grow to 250,000 in 2005",
    "by the end of the 1960s",
    "the 21st-century telescope",
    "It cost 1.8M dollars.",
    "Ireland's 2 m people",
    "threw 3 stones",
    "shows like Six Feet Under",
    "until three years ago",
])
def test_not_quantities(text):
    assert _found(text, "quantity") == []


@pytest.mark.parametrize("text, expected", [
    ("temperatures ranged from -18 °C to -34 °C", ("-18 °C to -34 °C", -34, -18, "degree_Celsius")),
    ("They were given between 44 mg and 50 mg ethanol.", ("between 44 mg and 50 mg", 44, 50, "milligram")),
    ("Treatment was reduced from 44 mg to 50 mg ethanol.", ("44 mg to 50 mg", 44, 50, "milligram")),
    ("a conceptualized 8- to 16-meter telescope", ("8- to 16-meter", 8, 16, "meter")),
    ("the LHC smashed them at 3.5–4.0 TeV", ("3.5–4.0 TeV", 3.5, 4.0, "teraelectron_volt")),
    # a hyphen spaced from the first figure only is a dash when the figures rise
    ("the EF 75 -300mm lens", ("75 -300mm", 75, 300, "millimeter")),
])
def test_measure_ranges(text, expected):
    [claim] = [c for c in extract(text) if c.kind == "quantity"]
    assert (claim.text, claim.low, claim.high, claim.unit, claim.value) == (*expected, None)


@pytest.mark.parametrize("text, expected", [
    ("a length of 5.2 +/- 0.3 mm", ("quantity", "5.2 +/- 0.3 mm", 5.2, 4.9, 5.5)),
    ("5 mm ± 0.2 mm", ("quantity", "5 mm ± 0.2 mm", 5, 4.8, 5.2)),
    ("a margin of 3 ± 1", ("number", "3 ± 1", 3, 2, 4)),
])
def test_a_stated_margin_is_the_interval(text, expected):
    [claim] = extract(text)
    assert (claim.kind, claim.text, claim.value, round(claim.low, 9), round(claim.high, 9)) == expected


@pytest.mark.parametrize("text, expected", [
    ("FTSE 100 -0.5%", [("100", 100), ("-0.5%", -0.5)]),  # an index and its fall
    ("Woods 68 -4", [("68", 68), ("-4", -4)]),  # a round and its score to par
])
def test_a_spaced_sign_that_does_not_make_a_rising_range_stays_a_sign(text, expected):
    assert [(c.text, c.value) for c in extract(text)] == expected


@pytest.mark.parametrize("text", ["2 hours 30 minutes ago", "a year and a half ago", "half a point", "an apple and a half"])
def test_no_duration_or_no_unit(text):
    assert _found(text, "quantity") == []


def test_a_measure_span_leaves_its_hedge_out():
    [claim] = extract("the hills are about 17 km away")
    assert (claim.text, claim.hedge, claim.value) == ("17 km", "about", 17)


@pytest.mark.parametrize("text, expected", [
    ("This saga is ten years old.", ("ten years old", 10, "year")),
    ("Now, after ninety five years of age, perspectives change.", ("ninety five years of age", 95, "year")),
    ("diagnosed at around eighteen months of age", ("eighteen months of age", 18, "month")),
    ("A 90 day old utilities bill is late.", ("90 day old", 90, "day")),
    ("The patient is a 87 yo man.", ("87 yo", 87, "year")),
    ("The wall is more than 500 years old.", ("500 years old", 500, "year")),
    ("Ahn, 69, said so.", ("69", 69, "year")),
])
def test_ages(text, expected):
    [claim] = [c for c in extract(text) if c.kind == "age"]
    assert (claim.text, claim.value, claim.unit) == expected


@pytest.mark.parametrize("text, person", [
    ("Ahn Chan-il, a 69-year-old North Korean defector, spoke.", "Ahn Chan-il"),
    # With no article before the age, the name right after it is the person's.
    ("In a village near Osaka, 83-year-old Kenji Mori still works.", "Kenji Mori"),
    ("Ahn Chan-il, 69-year-old defector, spoke.", "Ahn Chan-il"),
])
def test_the_person_an_age_belongs_to(text, person):
    [claim] = [c for c in extract(text) if c.kind == "age"]
    assert claim.subject == person


def test_an_age_at_some_event_is_not_a_current_age():
    # "Jo Hart, 23, gave up judo at the age of 10": an age, but not a second one for her now.
    text = "Jo Hart, 23, gave up judo at the age of 10."
    assert [(c.text, c.subject) for c in extract(text) if c.kind == "age"] == [("23", "Jo Hart"), ("age of 10", None)]
    assert lint(text) == []


@pytest.mark.parametrize("text, expected", [
    # (text, low, high, person)
    ("She died at the age of 92.", [("age of 92", 92, 92, None)]),
    ("Sam Lee, aged just 19, won.", [("aged just 19", 19, 19, "Sam Lee")]),
    ("Brown, who turned 60 last week, said no.", [("60", 60, 60, "Brown")]),
    ("His sister, 9, was hurt.", [("9", 9, 9, None)]),
    ("Mr John Smith (45) of Leeds and Strauss (36)", [("45", 45, 45, "John Smith")]),
    # age brackets: a group's ages, the unit written once
    ("people aged 18 to 24", [("aged 18 to 24", 18, 24, None)]),
    ("pupils aged 11 to 16 years", [("aged 11 to 16 years", 11, 16, None)]),
    ("voters aged between 18 and 24", [("between 18 and 24", 18, 24, None)]),
    ("18-24-year-olds and 21-year-olds", [("18-24-year-olds", 18, 24, None), ("21-year-olds", 21, 21, None)]),
])
def test_ages_news_copy_writes(text, expected):
    got = [(c.text, c.low, c.high, c.subject) for c in extract(text) if c.kind == "age"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("It will cost £3m-£4m to fix.", [("£3m-£4m", 3e6, 4e6)]),
    ("priced at $24-$26 a share", [("$24-$26", 24, 26)]),
    ("It will save between $10m and $20m.", [("between $10m and $20m", 1e7, 2e7)]),
    # the sign written once, on the first figure, and the scale once, on the second
    ("a £10-15m fee, $2-3bn in debt, £2.5m-3m", [("£10-15m", 1e7, 1.5e7), ("$2-3bn", 2e9, 3e9), ("£2.5m-3m", 2.5e6, 3e6)]),
    ("fines of between $50-100,000", [("between $50-100,000", 5e4, 1e5)]),
    # A change and a level, kept apart for percent-mismatch.
    ("US light crude rose $1.64 to $47.10.", [("$1.64", 1.64, 1.64), ("$47.10", 47.1, 47.1)]),
    ("Sales rose 50% from $639m to $1.13bn.", [("$639m", 638.5e6, 639.5e6), ("$1.13bn", 1.125e9, 1.135e9)]),
])
def test_money_ranges(text, expected):
    assert [(c.text, c.low, c.high) for c in extract(text) if c.kind == "money"] == expected


# A figure next to every unit and currency form, spaced and cased any way: no crash, and
# every claim's text is its span.
_FORMS = sorted({*load("units")["units"]["exact"], *load("units")["units"]["anycase"],
                 *load("currencies")["before"], *load("currencies")["after"], *load("currencies")["minor"]})


@pytest.mark.parametrize("gap", ["", " ", "  "])
def test_measures_never_break_on_odd_spacing(gap):
    for form in _FORMS:
        for written in (form, form.upper()):
            unit = written.replace(" ", gap)
            for text in (f"5{gap}{unit}", f"{unit}{gap}-2.5 and two{gap}{unit}{gap}per{gap}{unit}^2 ago"):
                for claim in extract(text):
                    assert text[claim.start:claim.end] == claim.text
                    assert claim.kind != "quantity" or canonical(claim.unit)
