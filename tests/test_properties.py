"""Properties of extract and lint on arbitrary text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import extract, lint

# Text that looks a little like news copy hits more of the parsers than pure noise.
NEWSY = st.lists(st.one_of(
    st.text(max_size=12),
    st.sampled_from(["between", "and", "to", "about", "nearly", "more than", "thousands of", "-", "–",
                     "%", "£", "$", "km", "(", ")", "year-old", "aged", "Monday,", "October", "30 February",
                     "2024", "10,000", "3.5bn", "twenty-one", "half a million", ",", ".", " ", "\n"]),
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
