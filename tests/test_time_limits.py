"""Times: nothing guessed (short years, zone abbreviations), and the library's own error at every limit."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

import eventmodel as em
from eventmodel.exceptions import InvalidTypeError, InvalidValueError
from eventmodel.time._zones import ZONE_ABBREVIATIONS, format_offset


def _human(text, error=InvalidValueError, **options):
    with pytest.raises(error) as excinfo:
        em.When.parse_human(text, **options)
    assert type(excinfo.value) is error
    return str(excinfo.value)


def _parse(text):
    with pytest.raises(InvalidValueError) as excinfo:
        em.When.parse(text)
    assert type(excinfo.value) is InvalidValueError
    return str(excinfo.value)


# -- 5: year-first short forms ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["22/03/04", "22-03-04", "22.03.04"])
def test_a_short_year_first_date_needs_the_order(text):
    assert _human(text) == (
        f"When.parse_human(): is ambiguous: year first it is 04 March 2022, year last 22 March 2004, "
        f"got {text!r}. Fix: say year_first=True or year_first=False"
    )


def test_a_short_year_first_date_reads_in_the_order_given():
    assert str(em.When.parse_human("22/03/04", year_first=False)) == "2004-03-22"
    assert str(em.When.parse_human("22/03/04", year_first=True, day_first=False)) == "2022-03-04"
    assert str(em.When.parse_human("22/03/04", year_first=True, day_first=True)) == "2022-04-03"
    # Year first, the day and the month may still be either way round.
    assert _human("22/03/04", year_first=True) == (
        "When.parse_human(): is ambiguous: day first it is 03 April 2022, month first 04 March 2022, "
        "got '22/03/04'. Fix: say day_first=True or day_first=False"
    )


def test_a_two_digit_year_after_a_month_name_is_ambiguous_too():
    assert _human("27 March 22") == (
        "When.parse_human(): is ambiguous: year first it is 22 March 2027, year last 27 March 2022, "
        "got '27 March 22'. Fix: say year_first=True or year_first=False"
    )
    assert str(em.When.parse_human("27 March 22", year_first=False)) == "2022-03-27"


def test_a_four_digit_year_needs_no_order():
    assert str(em.When.parse_human("27 March 2022")) == "2022-03-27"
    assert str(em.When.parse_human("13/04/2022")) == "2022-04-13"


@pytest.mark.parametrize("name", ["day_first", "year_first"])
def test_the_orders_are_booleans(name):
    assert _human("27 March 2022", InvalidTypeError, **{name: "yes"}) == (
        f"When.parse_human(): takes {name}=True, False or None, got 'yes'"
    )


# -- 6: zone abbreviations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("UTC", "2022-03-27T14:05Z"),
        ("GMT", "2022-03-27T14:05Z"),
        ("Z", "2022-03-27T14:05Z"),
        ("CET", "2022-03-27T14:05+01:00"),
        ("EEST", "2022-03-27T14:05+03:00"),
        ("EDT", "2022-03-27T14:05-04:00"),
        ("JST", "2022-03-27T14:05+09:00"),
        ("ACDT", "2022-03-27T14:05+10:30"),
    ],
)
def test_an_unambiguous_zone_abbreviation_gives_its_offset(name, expected):
    assert str(em.When.parse_human(f"27 March 2022 14:05 {name}")) == expected


@pytest.mark.parametrize("name", ["PDT", "PST", "CST", "IST", "BST", "MSK", "XYZ"])
def test_any_other_zone_abbreviation_is_refused(name):
    text = f"27 March 2022 14:05 {name}"
    assert _human(text) == (
        f"When.parse_human(): gives the zone abbreviation {name!r}, which is not one of the unambiguous "
        f"ones read here, got {text!r}. Fix: give the UTC offset instead, such as '+03:00'"
    )


def test_the_table_has_no_ambiguous_abbreviation_and_whole_minute_offsets():
    assert not {"CST", "IST", "BST", "AST", "PST", "PDT", "MST", "CDT"} & ZONE_ABBREVIATIONS.keys()
    for offset in ZONE_ABBREVIATIONS.values():
        assert offset % timedelta(minutes=1) == timedelta(0)
        assert abs(offset) <= timedelta(hours=14)


@pytest.mark.parametrize(
    ("text", "name"), [("14:05 27 March 2022 UTC+3", "UTC"), ("14:05 27 March 2022 CET+1", "CET")]
)
def test_an_abbreviation_with_an_offset_is_refused(text, name):
    # dateutil reads "UTC+3" the POSIX way, as -03:00: nothing is guessed either way.
    assert _human(text) == (
        f"When.parse_human(): gives the zone abbreviation {name!r} with an offset next to it, got {text!r}. "
        "Fix: give the UTC offset alone, such as '+03:00'"
    )


# -- 7: the ends of the calendar -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31T23:59:59-14:00[UTC]",
        "0001-01-01T00:00:00+14:00[UTC]",
        "0001-01-01T00:00+14:00[Pacific/Kiritimati]",
    ],
)
def test_a_named_zone_at_the_ends_of_the_calendar_is_the_library_error(text):
    assert _parse(text) == (
        "When.parse(): is, in UTC, outside the years 1 to 9999, which is all that Python's datetime "
        f"can hold, got {text!r}. Fix: check the date and the offset"
    )


# -- 8: raw exceptions and the LMT offset ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "options", "offset"),
    [("3P-42", {"year": 2022}, "-42:00"), ("2a022--27", {"day_first": True}, "-27:00")],
)
def test_an_offset_of_a_day_or_more_is_the_library_error(text, options, offset):
    assert _human(text, **options) == (
        f"When.parse_human(): gives a UTC offset of {offset}, a day or more, got {text!r}. "
        "Fix: write the offset like '+03:00'"
    )


@pytest.mark.parametrize("year", [0, -1, 10000, 2**40, True, "2022"])
def test_a_year_outside_the_calendar_is_the_library_error(year):
    assert _human("Sunday, March 27", year=year) == (
        "When.parse_human(): takes a year= from 1 to 9999, the years Python's datetime can hold, "
        f"got {year!r}"
    )


@pytest.mark.parametrize("zone", ["ABC+99", "EST+30", "localtime", "GMT+3"])
def test_a_zone_that_is_not_an_iana_name_is_the_library_error(zone):
    assert _human("14:05 27 March 2022", zone=zone) == (
        f"When.parse_human(): was given a zone that is not known here, got {zone!r}. "
        "Fix: use an IANA name such as 'Europe/Kyiv'"
    )


def test_a_local_mean_time_offset_is_written_with_its_seconds():
    assert _parse("1800-01-01T14:05-04:56[America/New_York]") == (
        "When.parse(): is at offset -04:56:02 on 1800-01-01T14:05:00, not at the -04:56 given, "
        "got '1800-01-01T14:05-04:56[America/New_York]'. Fix: check the offset or the zone name; "
        "nothing is converted"
    )


@pytest.mark.parametrize(
    ("offset", "text"),
    [
        (timedelta(hours=3), "+03:00"),
        (timedelta(0), "+00:00"),
        (-timedelta(hours=4, minutes=56, seconds=2), "-04:56:02"),
        (timedelta(hours=5, minutes=30), "+05:30"),
        (None, "none"),
    ],
)
def test_format_offset(offset, text):
    assert format_offset(offset) == text


def test_the_format_reference_lists_the_table_of_zone_abbreviations():
    text = (Path(__file__).resolve().parents[1] / "docs" / "reference" / "format.md").read_text(
        encoding="utf-8"
    )
    listed = dict(re.findall(r"^\| `([A-Z]+)` \| `([+-][0-9:]+)` \|$", text, re.MULTILINE))
    assert listed == {name: format_offset(offset) for name, offset in ZONE_ABBREVIATIONS.items()}
