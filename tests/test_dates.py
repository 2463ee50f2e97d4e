"""Date extraction: the forms read, what each resolves to, the figures left alone, and
the anchor windows (checker/extract/dates.py) losing nothing against a whole-text scan."""
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import extract, lint
from checker.extract import dates
from checker.lint import select_rules


def _dates(text, reference=None):
    return [(c.text, c.date, c.weekday) for c in extract(text, reference_date=reference) if c.kind == "date"]


@pytest.mark.parametrize("text, reference, expected", [
    ("Talks resume Monday January 12th, 2016.", None, [("Monday January 12th, 2016", "2016-01-12", "Monday")]),
    ("Born on Monday, twenty two of january, 2018.", None,
     [("Monday, twenty two of january, 2018", "2018-01-22", "Monday")]),
    ("On september the twenty first nineteen seventy eight", None,
     [("september the twenty first nineteen seventy eight", "1978-09-21", None)]),
    ("On 10th september, nineteen hundred and one", None, [("10th september, nineteen hundred and one", "1901-09-10", None)]),
    ("It was founded on the tenth of September, two thousand.", None,
     [("the tenth of September, two thousand", "2000-09-10", None)]),
    # A count after the date is not its year.
    ("On 5 May, two thousand people marched.", "2024-01-10", [("5 May", "2024-05-05", None)]),
    ("On 5 May twenty five people died.", "2024-01-10", [("5 May", "2024-05-05", None)]),
    ("Polls open on 16. Nov. 2016 at eight.", None, [("16. Nov. 2016", "2016-11-16", None)]),
    ("The deadline is 26th June of 2020.", None, [("26th June of 2020", "2020-06-26", None)]),
    ("It opens on the 4th of July.", "2024-01-10", [("the 4th of July", "2024-07-04", None)]),
    ("Results are due on the second of August.", "2024-01-10", [("the second of August", "2024-08-02", None)]),
    ("Filed 2019-sep-1 and 2015/08/12.", None, [("2019-sep-1", "2019-09-01", None), ("2015/08/12", "2015-08-12", None)]),
    ("Dated 9-18-15 and 13.5.2015.", None, [("9-18-15", "2015-09-18", None), ("13.5.2015", "2015-05-13", None)]),
    ("The hearing is on 22/04.", "2024-01-10", [("22/04", "2024-04-22", None)]),
    ("He is due back on 22-04.", "2024-01-10", [("22-04", "2024-04-22", None)]),
    ("June 15 (Friday) is the day.", "2018-01-10", [("June 15 (Friday)", "2018-06-15", "Friday")]),
    ("Friday 15.", "2018-06-01", [("Friday 15", "2018-06-15", "Friday")]),
    ("He is due back on 4.22.", "2024-01-10", [("4.22", "2024-04-22", None)]),
    ("Come back October, 1st.", "2024-01-10", [("October, 1st", "2024-10-01", None)]),
    ("i'll go back may 5th at noon", "2024-01-10", [("may 5th", "2024-05-05", None)]),
    ("A baseball on may the eleventh", "2024-01-10", [("may the eleventh", "2024-05-11", None)]),
    ("We meet on the 21st.", "2024-01-10", [("the 21st", "2024-01-21", None)]),
    ("We meet on 15.", "2024-01-10", [("15", "2024-01-15", None)]),
    ("Payment is due the 20th of next month.", "2024-01-10", [("the 20th of next month", "2024-02-20", None)]),
    ("We meet Thursday the 21st.", "2017-09-01", [("Thursday the 21st", "2017-09-21", "Thursday")]),
    # The 24th of the reference month is a Sunday; August's was the Thursday meant.
    ("We met Thursday the 24th.", "2017-09-01", [("Thursday the 24th", "2017-08-24", "Thursday")]),
    # Neither May's 13th nor April's (the side it falls on) is a Monday; June's is.
    ("I'll go back on Mon 13th.", "2022-05-01", [("Mon 13th", "2022-06-13", "Monday")]),
    ("It starts the day after tomorrow.", "2024-01-10", [("the day after tomorrow", "2024-01-12", None)]),
    ("Where were you two days before yesterday?", "2024-01-10", [("two days before yesterday", "2024-01-07", None)]),
    ("We had a meeting 1 month 21 days ago", "2024-03-31", [("1 month 21 days ago", "2024-02-08", None)]),
    ("Are you available two sundays from now?", "2024-01-10", [("two sundays from now", "2024-01-21", "Sunday")]),
    ("We go on Friday next week.", "2024-01-10", [("on Friday next week", "2024-01-19", "Friday")]),
    ("It is the second Sunday of May.", "2024-01-10", [("the second Sunday of May", "2024-05-12", "Sunday")]),
    # A year after a blank line starts the next paragraph; one line break is only wrapping.
    ("Tuesday, 1 March\n\n1945 was the year.", "2005-01-10", [("Tuesday, 1 March", "2005-03-01", "Tuesday")]),
    ("Kick-off: Tuesday, 1 March 1945 GMT", "2005-01-10", [("Tuesday, 1 March", "2005-03-01", "Tuesday")]),
    ("On Tuesday, 7\nOctober 2014", None, [("Tuesday, 7\nOctober 2014", "2014-10-07", "Tuesday")]),
    ("It aired on 13 May. The fourth series followed.", "2024-01-10", [("13 May", "2024-05-13", None)]),
    ("He told The Sun, 5 May 2004 was the day.", None, [("5 May 2004", "2004-05-05", None)]),
    ("Kick-off is Saturday 12.30 GMT.", "2024-01-10", [("Saturday", "2024-01-06", "Saturday")]),
    ("Set up a call on friday 7.6 with Jim.", "2018-07-01", [("friday 7.6", "2018-07-06", "Friday")]),
    ("It opens this friday(jun-15).", "2018-06-14", [("this friday(jun-15)", "2018-06-15", "Friday")]),
    ("They left on tues.", "2024-01-10", [("tues", "2024-01-09", "Tuesday")]),
    ("See you on Sat. He wrote on Sun's website.", "2024-01-10", [("Sat", "2024-01-06", "Saturday")]),
    # an abbreviation's dot that ends the sentence is its full stop; inside, it stays
    ("It ended on 8th Feb. On 3 Feb. 2020 it began.", "2024-01-10",
     [("8th Feb", "2024-02-08", None), ("3 Feb. 2020", "2020-02-03", None)]),
    # Days listed before the month they share; "on 3" alone would have been this month.
    ("It runs on 3, 4 and 5 May 2025.", "2024-11-13",
     [("3", "2025-05-03", None), ("4", "2025-05-04", None), ("5 May 2025", "2025-05-05", None)]),
    ("Held from 4-6 June and between 1st and 2nd July.", "2024-11-13",
     [("4", "2024-06-04", None), ("6 June", "2024-06-06", None), ("1st", "2024-07-01", None),
      ("2nd July", "2024-07-02", None)]),
    # "in" a time after a word of the future is a date from now; "the lowest in three
    # years" is a period (see test_figures_are_not_dates)
    ("The parcel is due in three days, and we meet two weeks from today.", "2024-10-30",
     [("in three days", "2024-11-02", None), ("two weeks from today", "2024-11-13", None)]),
    # A month with no 31st leaves a bare "the 31st" unresolved rather than impossible.
    ("I went back for the thirty first", "2017-09-01", [("the thirty first", None, None)]),
])
def test_date_forms(text, reference, expected):
    assert _dates(text, reference) == expected


@pytest.mark.parametrize("text", [
    "Arsenal won 3-1 in the 2004-05 season.",
    "He ran the 100m in 9.58 seconds and 4.22 seconds.",
    "She scored 22 on 15 occasions.",
    "Staff work 24/7.",
    "In March, 15 people died.",
    "In June two people died.",
    "In November, first half profits fell.",
    "We may first need to ask.",
    "They march 5 miles a day and these 5 may be the last.",
    "the first prize",
    "I'll go to the 27th floor",
    "the 21st century and the 4-4-2 formation",
    "Shares closed on 1.85 and on 22.04.",
    "The game ended in 27-10.",
    "It rose by 3/4.",
    "Linux 2.6.18 shipped.",
    "the 09/10 season",
    "He scored 22, 31 and 4 points.",
    "Rahman's figures were 4/31.",
    "Unemployment is at its lowest level in three years.",
])
def test_figures_are_not_dates(text):
    assert _dates(text, "2024-01-10") == []


def test_day_month_order_ambiguity_is_kept():
    [claim] = [c for c in extract("Doors open Monday, 10/09/2014.") if c.kind == "date"]
    assert (claim.date, claim.extra["ambiguous"]) == ("2014-09-10", True)
    [claim] = [c for c in extract("Doors open Monday, 31/10/2014.") if c.kind == "date"]
    assert (claim.date, claim.extra.get("ambiguous")) == ("2014-10-31", None)


def test_offsets_survive_lower_casing_that_changes_length():
    text = "İİ İstanbul votes on 5 May 2024."
    [claim] = [c for c in extract(text) if c.kind == "date"]
    assert (text[claim.start:claim.end], claim.date) == ("5 May 2024", "2024-05-05")


def test_weekday_day_mismatch_names_the_month_it_assumed():
    findings = lint("We meet on Friday the 21st.", reference_date="2017-09-01",
                    rules=select_rules(["weekday-mismatch"]))
    assert [(f.text, [r.text for r in f.related], f.message) for f in findings] == [
        ("Friday", ["the 21st"],
         '"Friday the 21st" (line 1): the 21st (reading it as September 2017) is a Thursday, not a Friday')]


def test_bracketed_date_is_checked_against_its_weekday():
    findings = lint("It opens this monday(jun-15).", reference_date="2018-06-14",
                    rules=select_rules(["weekday-mismatch"]))
    assert [(f.text, [r.text for r in f.related]) for f in findings] == [("monday", ["jun-15"])]


WORDS = st.sampled_from([
    "on", "the", "for", "of", "next", "last", "this", "week", "month", "day", "days", "ago", "later", "from now",
    "Monday", "friday", "tues", "Wed,", "May", "march", "Oct.", "October", "21st", "second", "twenty", "first",
    "2016", "15", "4.22", "22/04", "9-18-15", "2015-08-12", "(", ")", "-", ",", ".", "yesterday", "two", "a",
    "2nd", "in", "by", "until", "past", "previous", "following", "earlier", "hence", "1999", "5/6/2020", "12,2016",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=25).map(" ".join))
def test_windows_find_what_a_whole_text_scan_finds(text):
    windowed = dates.find_dates(text, None)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(dates, "_windows", lambda low: [[0, len(low), set(dates._ANCHORS)]])
        whole = dates.find_dates(text, None)
    assert [(d.start, d.end) for d in windowed] == [(d.start, d.end) for d in whole]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=25).map(" ".join))
def test_gates_lose_no_date(text):
    gated = dates.find_dates(text, dt.date(2024, 10, 30))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(dates, "GATES", {})
        ungated = dates.find_dates(text, dt.date(2024, 10, 30))
    assert gated == ungated
