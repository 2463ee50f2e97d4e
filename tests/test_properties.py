"""Properties of extract and lint on arbitrary text."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import extract, lint

# Text that looks a little like news copy hits more of the parsers than pure noise.
NEWSY = st.lists(st.one_of(
    st.text(max_size=12),
    st.sampled_from(["between", "and", "to", "about", "nearly", "more than", "thousands of", "-", "–",
                     "%", "£", "$", "km", "(", ")", "year-old", "aged", "Monday,", "October", "30 February",
                     "2024", "10,000", "3.5bn", "twenty-one", "half a million", ",", ".", " ", "\n",
                     "&#233;", "&#8220;", "&#0;", "Of the", "of them", "or", "out of", "one in three", "a Friday",
                     "1/2", "inch", "pints", "litres", "number", "rose", "from", "a rise of"]),
    st.integers(-10**7, 10**12).map(str),
), max_size=40).map(" ".join)


def _check(text: str) -> None:
    for claim in extract(text, reference_date="2024-10-30"):
        assert text[claim.start:claim.end] == claim.text
        assert claim.line >= 1 and claim.column >= 1
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high
    for finding in lint(text, reference_date="2024-10-30"):
        assert text[finding.start:finding.end] == finding.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_newsy_fragments(text):
    _check(text)


# Fragments hypothesis once found to raise: a change whose second level is zero.
@pytest.mark.parametrize("text", ["rose 2024 % 1 0"])
def test_found_fragments(text):
    _check(text)


# Letters that `regex`'s IGNORECASE folds to ASCII ones ("ſ", the long s, is "s"; "K", the
# Kelvin sign, is "k"): a phrase matched with them must still be looked up in the lexicons.
@pytest.mark.parametrize("text", [
    "ſome 200 people", "thouſandſ of troopſ", "at leaſt 5 kg", "more than 5 \u212am", "Tueſday, 5 March 2024",
    "ſix weekſ ago", "forty-five per cent", "aged 45 yearſ",
])
def test_letters_that_fold_to_ascii(text):
    _check(text)


def test_a_folded_hedge_is_read():
    claim, = extract("ſome 200 people")
    assert (claim.hedge, claim.low, claim.high) == ("some", 160.0, 240.0)
