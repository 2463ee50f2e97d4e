"""age-conflict with an open-ended age ("more than 40 years old" has no ceiling)."""
from checker import lint


def test_open_age_consistent_with_a_given_age():
    assert lint("Tom Smith, 45, spoke on Monday. Tom Smith is more than 40 years old.") == []


def test_open_age_conflicting_with_an_earlier_age():
    findings = lint("Tom Smith, 35, spoke on Monday. Tom Smith is more than 40 years old.")
    assert [(f.rule, f.text) for f in findings] == [("age-conflict", "more than 40 years old")]
