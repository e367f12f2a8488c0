"""When.parse_human: dates as people write them, read under an explicit policy."""

from __future__ import annotations

import pytest

import eventmodel as em
from eventmodel.exceptions import InvalidTypeError, InvalidValueError


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("27 March 2022", {}, "2022-03-27"),
        ("March 27, 2022", {}, "2022-03-27"),
        ("Sunday, 27 March 2022", {}, "2022-03-27"),
        ("Sunday, March 27", {"year": 2022}, "2022-03-27"),
        ("March 2022", {}, "2022-03"),
        ("2022", {}, "2022"),
        ("27.03.2022", {}, "2022-03-27"),
        ("13/04/2022", {}, "2022-04-13"),
        ("12/12/2022", {}, "2022-12-12"),
        ("03/04/2022", {"day_first": True}, "2022-04-03"),
        ("03/04/2022", {"day_first": False}, "2022-03-04"),
        ("2pm 27 March 2022", {}, "2022-03-27T14"),
        ("14:05 27 March 2022", {}, "2022-03-27T14:05"),
        ("27 March 2022 14:05:09", {}, "2022-03-27T14:05:09"),
        ("27 March 2022 14:05:09.250", {}, "2022-03-27T14:05:09.250"),
        ("27 March 2022 14:05:09.250001", {}, "2022-03-27T14:05:09.250001"),
        ("27 March 2022 14:05 +03:00", {}, "2022-03-27T14:05+03:00"),
        ("27 March 2022 14:05 +00:00", {}, "2022-03-27T14:05Z"),
        ("14:05 27 March 2022", {"zone": "Europe/Kyiv"}, "2022-03-27T14:05+03:00[Europe/Kyiv]"),
        ("14:05 27 March 2022 +03:00", {"zone": "Europe/Kyiv"}, "2022-03-27T14:05+03:00[Europe/Kyiv]"),
        # A date has no zone, whatever zone the caller names.
        ("27 March 2022", {"zone": "Europe/Kyiv"}, "2022-03-27"),
    ],
)
def test_reads_dates_as_people_write_them(text, options, expected):
    moment = em.When.parse_human(text, **options)
    assert isinstance(moment, em.Moment)
    assert str(moment) == expected


def test_precision_is_what_the_text_gives():
    assert em.When.parse_human("March 2022").precision is em.Precision.MONTH
    assert em.When.parse_human("2pm 27 March 2022").precision is em.Precision.HOUR


def _message(text, **options):
    with pytest.raises(InvalidValueError) as excinfo:
        em.When.parse_human(text, **options)
    assert excinfo.value.cls == "When"
    assert excinfo.value.field == "parse_human()"
    return str(excinfo.value)


def test_ambiguous_numeric_dates_need_a_policy():
    assert _message("03/04/2022") == (
        "When.parse_human(): is ambiguous: day first it is 03 April 2022, month first 04 March 2022, "
        "got '03/04/2022'. Fix: say day_first=True or day_first=False"
    )


def test_a_date_without_a_year_needs_one():
    assert _message("Sunday, March 27") == (
        "When.parse_human(): gives no year, got 'Sunday, March 27'. "
        "Fix: pass year=, such as the year the source was published"
    )


def test_a_weekday_that_contradicts_the_date_is_an_error():
    assert _message("Monday, March 27 2022") == (
        "When.parse_human(): says Monday, but 27 March 2022 is a Sunday, got 'Monday, March 27 2022'. "
        "Fix: check the date and the weekday in the source"
    )


def test_unreadable_text_is_an_error():
    assert _message("the day the war began") == (
        "When.parse_human(): is not a date that can be read, got 'the day the war began'. "
        "Fix: write it like '27 March 2022', '2022-03-27' or '27 March 2022 14:05 +03:00'"
    )


def test_long_input_is_refused_before_parsing():
    text = "27 March 2022 " * 20
    assert len(text) > 200
    assert _message(text).startswith(
        "When.parse_human(): is longer than 200 characters, too long to be a date, got '27 March 2022 27"
    )


def test_unknown_zone_is_an_error():
    assert _message("14:05 27 March 2022", zone="Mars/Olympus_Mons") == (
        "When.parse_human(): was given a zone that is not known here, got 'Mars/Olympus_Mons'. "
        "Fix: use an IANA name such as 'Europe/Kyiv'"
    )
    assert "not known here" in _message("14:05 27 March 2022", zone="../../etc/passwd")


def test_an_offset_that_contradicts_the_zone_is_an_error():
    with pytest.raises(InvalidValueError) as excinfo:
        em.When.parse_human("14:05 27 March 2022 +01:00", zone="Europe/Kyiv")
    assert str(excinfo.value) == (
        "Moment.zone: is at offset +03:00 on 2022-03-27T14:05:00, not at the +01:00 given, "
        "got 'Europe/Kyiv'. Fix: check the offset or the zone name; nothing is converted"
    )


def test_a_non_string_is_a_type_error():
    with pytest.raises(InvalidTypeError) as excinfo:
        em.When.parse_human(20220327)  # type: ignore[arg-type]
    assert str(excinfo.value) == "When.parse_human(): needs a string, got 20220327"


def test_a_year_out_of_range_is_the_library_error():
    assert "is not a date that can be read" in _message("27 March 99999")
