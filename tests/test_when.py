"""Behaviour of the time model: When, Moment, Interval, Relative, Anchor and the relative-time grammar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz
from hypothesis import example, given
from hypothesis import strategies as st

from eventmodel import (
    Anchor,
    AnchorKind,
    Interval,
    InvalidTypeError,
    InvalidValueError,
    Moment,
    Precision,
    Relative,
    TimeRelation,
    When,
    resolve_relative,
)
from eventmodel.testing import intervals, moments, relatives, whens

P = When.parse
PLUS_3 = timezone(timedelta(hours=3))
PLUS_2 = timezone(timedelta(hours=2))
KYIV = ZoneInfo("Europe/Kyiv")
ONE_MICROSECOND = timedelta(microseconds=1)

#: The Luhansk article was published on Sunday 2022-03-27.
PUBLISHED = P("2022-03-27")
#: Russia's invasion began on 2022-02-24.
INVASION = P("2022-02-24")

BEFORE, OVERLAPS, AFTER = TimeRelation.BEFORE, TimeRelation.OVERLAPS, TimeRelation.AFTER


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.max)


def _fields(when: When) -> tuple[object, ...]:
    """Everything a moment or an interval holds, offsets included (datetime equality ignores them)."""
    if isinstance(when, Moment):
        value = when.value
        offset = value.utcoffset() if isinstance(value, datetime) else None
        return (type(value), value, offset, when.precision, when.approximate, when.uncertain, when.zone)
    assert isinstance(when, Interval)
    return (
        None if when.start is None else _fields(when.start),
        None if when.end is None else _fields(when.end),
        when.start_open,
        when.end_open,
    )


# -- parsing ------------------------------------------------------------------------------

MOMENTS = [
    # text, the moment it names, its canonical text
    ("2022", Moment(date(2022, 1, 1), Precision.YEAR), "2022"),
    ("0001", Moment(date(1, 1, 1), Precision.YEAR), "0001"),
    ("2022-03", Moment(date(2022, 3, 1), Precision.MONTH), "2022-03"),
    ("2022-03-27", Moment(date(2022, 3, 27), Precision.DAY), "2022-03-27"),
    ("2024-02-29", Moment(date(2024, 2, 29), Precision.DAY), "2024-02-29"),
    ("2022-21", Moment(date(2022, 3, 1), Precision.SEASON), "2022-21"),
    ("2022-22", Moment(date(2022, 6, 1), Precision.SEASON), "2022-22"),
    ("2022-23", Moment(date(2022, 9, 1), Precision.SEASON), "2022-23"),
    ("2022-24", Moment(date(2022, 12, 1), Precision.SEASON), "2022-24"),
    ("201X", Moment(date(2010, 1, 1), Precision.DECADE), "201X"),
    ("199X", Moment(date(1990, 1, 1), Precision.DECADE), "199X"),
    ("20XX", Moment(date(2000, 1, 1), Precision.CENTURY), "20XX"),
    ("99XX", Moment(date(9900, 1, 1), Precision.CENTURY), "99XX"),
    # X for a whole month or day is the coarser precision
    ("2022-03-XX", Moment(date(2022, 3, 1), Precision.MONTH), "2022-03"),
    ("2022-XX", Moment(date(2022, 1, 1), Precision.YEAR), "2022"),
    ("2022-XX-XX", Moment(date(2022, 1, 1), Precision.YEAR), "2022"),
    ("2022-03-XX~", Moment(date(2022, 3, 1), Precision.MONTH, approximate=True), "2022-03~"),
    # date-times, zone-less
    ("2022-03-27T14", Moment(datetime(2022, 3, 27, 14), Precision.HOUR), "2022-03-27T14"),
    ("2022-03-27T14:05", Moment(datetime(2022, 3, 27, 14, 5), Precision.MINUTE), "2022-03-27T14:05"),
    ("2022-03-27T14:05:00", Moment(datetime(2022, 3, 27, 14, 5), Precision.SECOND), "2022-03-27T14:05:00"),
    (
        "2022-03-27T14:05:00.250",
        Moment(datetime(2022, 3, 27, 14, 5, 0, 250_000), Precision.MILLISECOND),
        "2022-03-27T14:05:00.250",
    ),
    (
        "2022-03-27T14:05:00.000",
        Moment(datetime(2022, 3, 27, 14, 5), Precision.MILLISECOND),
        "2022-03-27T14:05:00.000",
    ),
    (
        "2022-03-27T14:05:00.250000",
        Moment(datetime(2022, 3, 27, 14, 5, 0, 250_000), Precision.MICROSECOND),
        "2022-03-27T14:05:00.250000",
    ),
    (
        "2022-03-27T14:05:00.000001",
        Moment(datetime(2022, 3, 27, 14, 5, 0, 1), Precision.MICROSECOND),
        "2022-03-27T14:05:00.000001",
    ),
    # UTC and offsets
    ("2022-03-27T11Z", Moment(datetime(2022, 3, 27, 11, tzinfo=UTC), Precision.HOUR), "2022-03-27T11Z"),
    (
        "2022-03-27T11:05Z",
        Moment(datetime(2022, 3, 27, 11, 5, tzinfo=UTC), Precision.MINUTE),
        "2022-03-27T11:05Z",
    ),
    ("2022-03-27T11:05:00Z", Moment(datetime(2022, 3, 27, 11, 5, tzinfo=UTC)), "2022-03-27T11:05:00Z"),
    # RFC 9557: +00:00 is a local offset of zero, Z (and -00:00) a time in UTC with the local offset not said.
    (
        "2022-03-27T11:05:00+00:00",
        Moment(datetime(2022, 3, 27, 11, 5, tzinfo=timezone(timedelta(0), "+00:00"))),
        "2022-03-27T11:05:00+00:00",
    ),
    ("2022-03-27T11:05:00-00:00", Moment(datetime(2022, 3, 27, 11, 5, tzinfo=UTC)), "2022-03-27T11:05:00Z"),
    (
        "2022-03-27T14:05:00+03:00",
        Moment(datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3)),
        "2022-03-27T14:05:00+03:00",
    ),
    (
        "2022-03-27T14:05:00+0300",
        Moment(datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3)),
        "2022-03-27T14:05:00+03:00",
    ),
    (
        "2022-03-27T14:05:00+03",
        Moment(datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3)),
        "2022-03-27T14:05:00+03:00",
    ),
    (
        "2022-03-27T14:05:00-05:30",
        Moment(datetime(2022, 3, 27, 14, 5, tzinfo=timezone(-timedelta(hours=5, minutes=30)))),
        "2022-03-27T14:05:00-05:30",
    ),
    (
        "2022-03-27T14:05:00.250Z",
        Moment(datetime(2022, 3, 27, 14, 5, 0, 250_000, tzinfo=UTC), Precision.MILLISECOND),
        "2022-03-27T14:05:00.250Z",
    ),
    # RFC 9557 zone names
    (
        "2022-03-27T14:05:00+03:00[Europe/Kyiv]",
        Moment(datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3), zone="Europe/Kyiv"),
        "2022-03-27T14:05:00+03:00[Europe/Kyiv]",
    ),
    (
        "2022-03-27T14:05+03:00[Europe/Kyiv]",
        Moment(datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3), Precision.MINUTE, zone="Europe/Kyiv"),
        "2022-03-27T14:05+03:00[Europe/Kyiv]",
    ),
    (
        "2022-02-24T04:00:00.000001+02:00[Europe/Kyiv]",
        Moment(datetime(2022, 2, 24, 4, 0, 0, 1, tzinfo=PLUS_2), Precision.MICROSECOND, zone="Europe/Kyiv"),
        "2022-02-24T04:00:00.000001+02:00[Europe/Kyiv]",
    ),
    (
        "2022-03-27T11:05:00Z[UTC]",
        Moment(datetime(2022, 3, 27, 11, 5, tzinfo=UTC), zone="UTC"),
        "2022-03-27T11:05:00+00:00[UTC]",
    ),
    (
        "2022-03-26T20:00-04:00[America/New_York]",
        Moment(
            datetime(2022, 3, 26, 20, tzinfo=timezone(timedelta(hours=-4))),
            Precision.MINUTE,
            zone="America/New_York",
        ),
        "2022-03-26T20:00-04:00[America/New_York]",
    ),
    # qualifiers
    ("2022~", Moment(date(2022, 1, 1), Precision.YEAR, approximate=True), "2022~"),
    ("2022-03?", Moment(date(2022, 3, 1), Precision.MONTH, uncertain=True), "2022-03?"),
    (
        "2022-03-27%",
        Moment(date(2022, 3, 27), Precision.DAY, approximate=True, uncertain=True),
        "2022-03-27%",
    ),
    ("2022-21~", Moment(date(2022, 3, 1), Precision.SEASON, approximate=True), "2022-21~"),
    ("199X?", Moment(date(1990, 1, 1), Precision.DECADE, uncertain=True), "199X?"),
    ("19XX%", Moment(date(1900, 1, 1), Precision.CENTURY, approximate=True, uncertain=True), "19XX%"),
    (
        "2022-03-27T14:05:00Z~",
        Moment(datetime(2022, 3, 27, 14, 5, tzinfo=UTC), approximate=True),
        "2022-03-27T14:05:00Z~",
    ),
    (
        "2022-03-27T14:05+03:00[Europe/Kyiv]?",
        Moment(
            datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3), Precision.MINUTE, uncertain=True, zone="Europe/Kyiv"
        ),
        "2022-03-27T14:05+03:00[Europe/Kyiv]?",
    ),
]

_FEB_24 = Moment(date(2022, 2, 24))
_MAR_27 = Moment(date(2022, 3, 27))

INTERVALS = [
    ("2022-02-24/2022-03-27", Interval(_FEB_24, _MAR_27), "2022-02-24/2022-03-27"),
    ("2022-02-24/2022-02-24", Interval(_FEB_24, _FEB_24), "2022-02-24/2022-02-24"),
    ("2022/2023-XX", Interval(P("2022"), P("2023")), "2022/2023"),
    ("2022~/2023?", Interval(P("2022~"), P("2023?")), "2022~/2023?"),
    ("2022-21/2022-24", Interval(P("2022-21"), P("2022-24")), "2022-21/2022-24"),
    (
        "2022-02/2022-03-27T14:05:00+03:00[Europe/Kyiv]",
        Interval(P("2022-02"), P("2022-03-27T14:05:00+03:00[Europe/Kyiv]")),
        "2022-02/2022-03-27T14:05:00+03:00[Europe/Kyiv]",
    ),
    ("2022-02-24/..", Interval(_FEB_24, None, end_open=True), "2022-02-24/.."),
    ("../2022-03-27", Interval(None, _MAR_27, start_open=True), "../2022-03-27"),
    ("2022-02-24/", Interval(_FEB_24, None), "2022-02-24/"),
    ("/2022-03-27", Interval(None, _MAR_27), "/2022-03-27"),
    ("../2022-03-27T14:05Z", Interval.until(P("2022-03-27T14:05Z")), "../2022-03-27T14:05Z"),
    (
        "2022-03-27T14:05:00+03:00[Europe/Kyiv]/..",
        Interval.since(P("2022-03-27T14:05:00+03:00[Europe/Kyiv]")),
        "2022-03-27T14:05:00+03:00[Europe/Kyiv]/..",
    ),
]


class TestParse:
    @pytest.mark.parametrize(("text", "expected", "canonical"), MOMENTS + INTERVALS, ids=str)
    def test_reads_the_form(self, text, expected, canonical):
        when = P(text)
        assert type(when) is type(expected)
        assert _fields(when) == _fields(expected)
        assert when == expected
        assert hash(when) == hash(expected)

    @pytest.mark.parametrize(("text", "expected", "canonical"), MOMENTS + INTERVALS, ids=str)
    def test_str_gives_the_canonical_form_back(self, text, expected, canonical):
        when = P(text)
        assert str(when) == canonical
        assert str(expected) == canonical
        assert repr(when) == f"When.parse({canonical!r})"
        assert _fields(P(str(when))) == _fields(when)
        assert P(str(when)) == when

    def test_an_open_end_and_an_unknown_end_differ(self):
        since, unknown = P("2022-02-24/.."), P("2022-02-24/")
        assert (since.end, since.end_open) == (None, True)
        assert (unknown.end, unknown.end_open) == (None, False)
        assert since != unknown
        until, unknown_start = P("../2022"), P("/2022")
        assert (until.start, until.start_open) == (None, True)
        assert (unknown_start.start, unknown_start.start_open) == (None, False)
        assert until != unknown_start

    def test_builders_match_the_text_forms(self):
        assert Interval.between(_FEB_24, _MAR_27) == P("2022-02-24/2022-03-27")
        assert Interval.since(_FEB_24) == P("2022-02-24/..")
        assert Interval.until(_MAR_27) == P("../2022-03-27")

    def test_one_instant_stated_two_ways_is_two_moments_that_overlap(self):
        kyiv, utc = P("2022-03-27T14:05:00+03:00"), P("2022-03-27T11:05:00Z")
        assert kyiv != utc
        assert kyiv.relation(utc) is OVERLAPS

    def test_qualifiers_and_zone_names_make_different_moments(self):
        assert P("2022") != P("2022~")
        assert P("2022~") != P("2022?")
        assert P("2022-03-27T14:05:00+03:00") != P("2022-03-27T14:05:00+03:00[Europe/Kyiv]")
        assert P("2022-03-27T11:05:00Z") != P("2022-03-27T11:05:00Z[UTC]")

    def test_moments_and_intervals_are_never_equal(self):
        assert P("2022") != Interval(P("2022"), P("2022"))
        assert P("2022-03-27") != "2022-03-27"

    @pytest.mark.parametrize(
        ("precision", "is_date"),
        [
            (Precision.CENTURY, True),
            (Precision.DECADE, True),
            (Precision.YEAR, True),
            (Precision.SEASON, True),
            (Precision.MONTH, True),
            (Precision.DAY, True),
            (Precision.HOUR, False),
            (Precision.MINUTE, False),
            (Precision.SECOND, False),
            (Precision.MILLISECOND, False),
            (Precision.MICROSECOND, False),
        ],
    )
    def test_precision_is_date(self, precision, is_date):
        assert precision.is_date is is_date

    def test_moment_default_precision(self):
        assert Moment(date(2022, 3, 27)).precision is Precision.DAY
        assert Moment(datetime(2022, 3, 27, 14, 5)).precision is Precision.SECOND
        assert Moment(datetime(2022, 3, 27, 14, 5, 0, 1)).precision is Precision.MICROSECOND
        assert Moment(date(2022, 3, 1), "month").precision is Precision.MONTH


# -- errors ------------------------------------------------------------------------------------

_NOT_EDTF_FIX = "Fix: write it like '2022', '2022-03', '2022-03-27' or '2022-03-27T14:05:00+03:00'"
_LEVEL_2_FIX = "Fix: qualify the whole date ('2022-03-27%') and use X only for a whole component"
_FRACTION_FIX = "Fix: write 1, 2 or 3 digits, or microseconds (.250000)"

PARSE_ERRORS = [
    (2022, InvalidTypeError, "When.parse(): needs a string, got 2022"),
    (None, InvalidTypeError, "When.parse(): needs a string, got None"),
    (b"2022", InvalidTypeError, "When.parse(): needs a string, got b'2022'"),
    (date(2022, 3, 27), InvalidTypeError, "When.parse(): needs a string, got datetime.date(2022, 3, 27)"),
    (
        "2" * 257,
        InvalidValueError,
        "When.parse(): is longer than 256 characters, too long for a date or a date-time, got '"
        + "2" * 76
        + "...",
    ),
    ("", InvalidValueError, f"When.parse(): is not an EDTF date or date-time, got ''. {_NOT_EDTF_FIX}"),
    (
        "hello",
        InvalidValueError,
        f"When.parse(): is not an EDTF date or date-time, got 'hello'. {_NOT_EDTF_FIX}",
    ),
    (
        "2022-03-27 14:05",
        InvalidValueError,
        f"When.parse(): is not an EDTF date or date-time, got '2022-03-27 14:05'. {_NOT_EDTF_FIX}",
    ),
    (
        "20220327",
        InvalidValueError,
        f"When.parse(): is not an EDTF date or date-time, got '20220327'. {_NOT_EDTF_FIX}",
    ),
    (
        "2022-3-27",
        InvalidValueError,
        f"When.parse(): is not an EDTF date or date-time, got '2022-3-27'. {_NOT_EDTF_FIX}",
    ),
    (
        "2022-03-27T14:05:00+03:00[Europe/Kyiv]x",
        InvalidValueError,
        f"When.parse(): is not an EDTF date or date-time, got '2022-03-27T14:05:00+03:00[Europe/Kyiv]x'. {_NOT_EDTF_FIX}",
    ),
    # non-ASCII digits: full-width and Arabic-Indic
    (
        "\uff12\uff10\uff12\uff12",
        InvalidValueError,
        f"When.parse(): is not an EDTF date or date-time, got '\uff12\uff10\uff12\uff12'. {_NOT_EDTF_FIX}",
    ),
    (
        "\u0662\u0660\u0662\u0662-\u0660\u0663",
        InvalidValueError,
        f"When.parse(): is not an EDTF date or date-time, got '\u0662\u0660\u0662\u0662-\u0660\u0663'. {_NOT_EDTF_FIX}",
    ),
    (
        "2022-13",
        InvalidValueError,
        "When.parse(): is not a valid date or date-time (month must be in 1..12), got '2022-13'",
    ),
    (
        "2022-00",
        InvalidValueError,
        "When.parse(): is not a valid date or date-time (month must be in 1..12), got '2022-00'",
    ),
    (
        "2022-02-30",
        InvalidValueError,
        "When.parse(): is not a valid date or date-time (day is out of range for month), got '2022-02-30'",
    ),
    (
        "2023-02-29",
        InvalidValueError,
        "When.parse(): is not a valid date or date-time (day is out of range for month), got '2023-02-29'",
    ),
    (
        "0000",
        InvalidValueError,
        "When.parse(): is not a valid date or date-time (year 0 is out of range), got '0000'",
    ),
    (
        "2022-03-27T24:00",
        InvalidValueError,
        "When.parse(): is not a valid date or date-time (hour must be in 0..23), got '2022-03-27T24:00'",
    ),
    (
        "2022-03-27T14:05:60",
        InvalidValueError,
        "When.parse(): is not a valid date or date-time (second must be in 0..59), got '2022-03-27T14:05:60'",
    ),
    (
        "2022-03-27T14:05:00.2500",
        InvalidValueError,
        f"When.parse(): gives a fraction of a second with 4, 5 or more than 6 digits, got '2022-03-27T14:05:00.2500'. {_FRACTION_FIX}",
    ),
    (
        "2022-03-27T14:05:00.2500001",
        InvalidValueError,
        f"When.parse(): gives a fraction of a second with 4, 5 or more than 6 digits, got '2022-03-27T14:05:00.2500001'. {_FRACTION_FIX}",
    ),
    (
        "2022-03-27T14:05:00[Europe/Kyiv]",
        InvalidValueError,
        "When.parse(): names a time zone but gives no UTC offset, got '2022-03-27T14:05:00[Europe/Kyiv]'. "
        "Fix: give the offset before the name, as RFC 9557 does: 2022-03-27T14:05:00+03:00[Europe/Kyiv]",
    ),
    (
        "2022-03-27T14:05:00+02:00[Europe/Kyiv]",
        InvalidValueError,
        "When.parse(): is at offset +03:00 on 2022-03-27T14:05:00, not at the +02:00 given, "
        "got '2022-03-27T14:05:00+02:00[Europe/Kyiv]'. Fix: check the offset or the zone name; nothing is converted",
    ),
    (
        "2022-02-24T05:00:00+03:00[Europe/Kyiv]",
        InvalidValueError,
        "When.parse(): is at offset +02:00 on 2022-02-24T05:00:00, not at the +03:00 given, "
        "got '2022-02-24T05:00:00+03:00[Europe/Kyiv]'. Fix: check the offset or the zone name; nothing is converted",
    ),
    (
        "2022-03-27T14:05:00+03:00[Mars/Olympus_Mons]",
        InvalidValueError,
        "When.parse(): is not a time zone name known here, got '2022-03-27T14:05:00+03:00[Mars/Olympus_Mons]'. "
        "Fix: use an IANA name such as 'Europe/Kyiv'",
    ),
    (
        "2022-03-27T14:05:00+03:00[europe/kyiv]",
        InvalidValueError,
        "When.parse(): is not a time zone name known here, got '2022-03-27T14:05:00+03:00[europe/kyiv]'. "
        "Fix: use an IANA name such as 'Europe/Kyiv'",
    ),
    (
        "2022-03-27T14:05:00+03:00[/etc/passwd]",
        InvalidValueError,
        "When.parse(): is not a time zone name known here, got '2022-03-27T14:05:00+03:00[/etc/passwd]'. "
        "Fix: use an IANA name such as 'Europe/Kyiv'",
    ),
    # EDTF level 2
    (
        "2022-03-%27",
        InvalidValueError,
        f"When.parse(): uses EDTF level 2, which is not supported, got '2022-03-%27'. {_LEVEL_2_FIX}",
    ),
    (
        "2022-?03",
        InvalidValueError,
        f"When.parse(): uses EDTF level 2, which is not supported, got '2022-?03'. {_LEVEL_2_FIX}",
    ),
    (
        "2004-06-~01/2004-06-~20",
        InvalidValueError,
        f"When.parse(): uses EDTF level 2, which is not supported, got '2004-06-~01/2004-06-~20'. {_LEVEL_2_FIX}",
    ),
    (
        "[1667, 1668, 1670..1672]",
        InvalidValueError,
        f"When.parse(): uses EDTF level 2, which is not supported, got '[1667, 1668, 1670..1672]'. {_LEVEL_2_FIX}",
    ),
    (
        "{1960, 1961-12}",
        InvalidValueError,
        f"When.parse(): uses EDTF level 2, which is not supported, got '{{1960, 1961-12}}'. {_LEVEL_2_FIX}",
    ),
    (
        "Y17E7",
        InvalidValueError,
        f"When.parse(): uses EDTF level 2, which is not supported, got 'Y17E7'. {_LEVEL_2_FIX}",
    ),
    # seasons and unspecified digits
    ("2022-21-01", InvalidValueError, "When.parse(): gives a day in a season, got '2022-21-01'"),
    (
        "2022-XX-27",
        InvalidValueError,
        "When.parse(): gives a day but not its month, got '2022-XX-27'. Fix: write 'XX' for the day too",
    ),
    (
        "9999-24",
        InvalidValueError,
        "When.parse(): is a winter that ends after the year 9999, past what can be held, got '9999-24'",
    ),
    # intervals
    (
        "2022-03-27/2022-02-24",
        InvalidValueError,
        "When.parse(): ends before it starts, got '2022-03-27/2022-02-24'. Fix: write the earlier date first",
    ),
    ("../..", InvalidValueError, "When.parse(): has no date at either end, got '../..'"),
    ("/", InvalidValueError, "When.parse(): has no date at either end, got '/'"),
    ("../", InvalidValueError, "When.parse(): has no date at either end, got '../'"),
    (
        "2022/2023/2024",
        InvalidValueError,
        "When.parse(): has more than one '/', got '2022/2023/2024'. Fix: write one interval: start/end",
    ),
    (
        "2022//2023",
        InvalidValueError,
        "When.parse(): has more than one '/', got '2022//2023'. Fix: write one interval: start/end",
    ),
    (
        "2022-02-24/2022-13",
        InvalidValueError,
        "When.parse(): is not a valid date or date-time (month must be in 1..12), got '2022-02-24/2022-13'",
    ),
    ("..", InvalidValueError, f"When.parse(): is not an EDTF date or date-time, got '..'. {_NOT_EDTF_FIX}"),
]


class TestParseErrors:
    @pytest.mark.parametrize(("text", "error", "message"), PARSE_ERRORS, ids=lambda x: repr(x)[:40])
    def test_message(self, text, error, message):
        with pytest.raises(error) as excinfo:
            P(text)
        assert type(excinfo.value) is error
        assert str(excinfo.value) == message
        assert excinfo.value.cls == "When"
        assert excinfo.value.field == "parse()"
        assert excinfo.value.value == text

    def test_a_hundred_characters_are_not_too_long(self):
        with pytest.raises(InvalidValueError) as excinfo:
            P("x" * 100)
        assert str(excinfo.value).startswith("When.parse(): is not an EDTF date or date-time, got 'xxx")

    # EDTF level 2 forms that do not trip the level 2 check get the generic message;
    # they deserve the level 2 one, which says what to write instead.
    @pytest.mark.parametrize("text", ["2004?-06-11", "2004-06~-11", "156X-12-25", "15XX-12-XX", "XXXX-12-XX"])
    def test_more_level_2_forms_are_named_as_such(self, text):
        with pytest.raises(InvalidValueError) as excinfo:
            P(text)
        assert str(excinfo.value) == (
            f"When.parse(): uses EDTF level 2, which is not supported, got {text!r}. {_LEVEL_2_FIX}"
        )


_ZONE_INFO_VALUE = datetime(2022, 3, 27, 14, 5, tzinfo=KYIV)

CONSTRUCTION_ERRORS = [
    (
        lambda: Moment(date(2022, 3, 27), Precision.HOUR),
        InvalidValueError,
        "Moment.precision: hour precision needs a datetime, not a date, got datetime.date(2022, 3, 27)",
    ),
    (
        lambda: Moment(datetime(2022, 3, 27, 14), Precision.DAY),
        InvalidValueError,
        "Moment.precision: day precision needs a date, not a datetime, got datetime.datetime(2022, 3, 27, 14, 0). "
        "Fix: pass the date part, e.g. value.date()",
    ),
    (
        lambda: Moment(datetime(2022, 3, 27, 14, 5, 30), Precision.MINUTE),
        InvalidValueError,
        "Moment.value: has digits finer than its minute precision, got datetime.datetime(2022, 3, 27, 14, 5, 30). "
        "Fix: truncate the value to its precision, or give a finer precision",
    ),
    (
        lambda: Moment(datetime(2022, 3, 27, 14, 5, 0, 250_001), Precision.MILLISECOND),
        InvalidValueError,
        "Moment.value: has digits finer than its millisecond precision, got datetime.datetime(2022, 3, 27, 14, 5, 0, 250001). "
        "Fix: truncate the value to its precision, or give a finer precision",
    ),
    (
        lambda: Moment(date(2022, 3, 27), Precision.MONTH),
        InvalidValueError,
        "Moment.value: has digits finer than its month precision, got datetime.date(2022, 3, 27). "
        "Fix: truncate the value to its precision, or give a finer precision",
    ),
    (
        lambda: Moment(date(2022, 4, 1), Precision.SEASON),
        InvalidValueError,
        "Moment.value: has digits finer than its season precision, got datetime.date(2022, 4, 1). "
        "Fix: truncate the value to its precision, or give a finer precision",
    ),
    (
        lambda: Moment(date(2022, 3, 1), Precision.YEAR),
        InvalidValueError,
        "Moment.value: has digits finer than its year precision, got datetime.date(2022, 3, 1). "
        "Fix: truncate the value to its precision, or give a finer precision",
    ),
    (
        lambda: Moment(date(2015, 1, 1), Precision.DECADE),
        InvalidValueError,
        "Moment.value: has digits finer than its decade precision, got datetime.date(2015, 1, 1). "
        "Fix: truncate the value to its precision, or give a finer precision",
    ),
    (
        lambda: Moment(date(2010, 1, 1), Precision.CENTURY),
        InvalidValueError,
        "Moment.value: has digits finer than its century precision, got datetime.date(2010, 1, 1). "
        "Fix: truncate the value to its precision, or give a finer precision",
    ),
    (
        lambda: Moment(_ZONE_INFO_VALUE, Precision.MINUTE),
        InvalidValueError,
        "Moment.value: must have a fixed UTC offset (a datetime.timezone) or no zone; give a zone's name in 'zone', "
        "got datetime.datetime(2022, 3, 27, 14, 5, tzinfo=zoneinfo.ZoneInfo(key='Europe/Ky.... "
        "Fix: use Moment.of(value), which keeps a ZoneInfo's name, or pass "
        "value.replace(tzinfo=timezone(value.utcoffset())) and zone='Europe/Kyiv'",
    ),
    (
        lambda: Moment(datetime(2022, 3, 27, 14, 5), zone="Europe/Kyiv"),
        InvalidValueError,
        "Moment.zone: needs a date-time with a UTC offset, got 'Europe/Kyiv'. Fix: give the offset too: +03:00",
    ),
    (
        lambda: Moment(date(2022, 3, 27), zone="Europe/Kyiv"),
        InvalidValueError,
        "Moment.zone: needs a date-time with a UTC offset, got 'Europe/Kyiv'. Fix: give the offset too: +03:00",
    ),
    (
        lambda: Moment(datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3), zone="Nowhere/City"),
        InvalidValueError,
        "Moment.zone: is not a time zone name known here, got 'Nowhere/City'. Fix: use an IANA name such as 'Europe/Kyiv'",
    ),
    (
        lambda: Moment("2022-03-27"),
        InvalidTypeError,
        "Moment.value: must be a date or a datetime, got '2022-03-27'",
    ),
    (
        lambda: Moment(date(2022, 3, 27), "fortnight"),
        InvalidValueError,
        "Moment.precision: must be a Precision, got 'fortnight'. Fix: use one of 'century', 'decade', 'year', "
        "'season', 'month', 'day', 'hour', 'minute', 'second', 'decisecond', 'centisecond', 'millisecond', 'microsecond'",
    ),
    (
        lambda: Moment(date(2022, 3, 27), approximate=1),
        InvalidTypeError,
        "Moment.approximate: must be True or False, got 1",
    ),
    (
        lambda: Moment(date(9999, 12, 1), Precision.SEASON),
        InvalidValueError,
        "Moment.value: is a winter that ends after the year 9999, past what can be held, got datetime.date(9999, 12, 1)",
    ),
    (
        lambda: Moment.of(datetime(2022, 3, 27, 14, 5, tzinfo=tz.tzoffset(None, 3600))),
        InvalidValueError,
        "Moment.of(): has a time zone whose IANA name is not known, "
        "got datetime.datetime(2022, 3, 27, 14, 5, tzinfo=tzoffset(None, 3600)). "
        "Fix: use zoneinfo.ZoneInfo('Europe/Kyiv'), or a fixed timezone offset",
    ),
    (
        lambda: Moment.of(datetime(2022, 3, 27, 14, 5, tzinfo=tz.tzlocal())),
        InvalidValueError,
        "Moment.of(): has a time zone whose IANA name is not known, "
        "got datetime.datetime(2022, 3, 27, 14, 5, tzinfo=tzlocal()). "
        "Fix: use zoneinfo.ZoneInfo('Europe/Kyiv'), or a fixed timezone offset",
    ),
    (
        lambda: Interval(None, None),
        InvalidValueError,
        "Interval.start: needs a start or an end. Fix: give at least one moment",
    ),
    (
        lambda: Interval(None, None, start_open=True, end_open=True),
        InvalidValueError,
        "Interval.start: needs a start or an end. Fix: give at least one moment",
    ),
    (
        lambda: Interval(P("2022"), None, start_open=True),
        InvalidValueError,
        "Interval.start_open: cannot be set with a start, got True",
    ),
    (
        lambda: Interval(None, P("2022"), end_open=True),
        InvalidValueError,
        "Interval.end_open: cannot be set with an end, got True",
    ),
    (
        lambda: Interval(P("2022"), P("2021")),
        InvalidValueError,
        "Interval.end: is before the start (2022), got When.parse('2021')",
    ),
    (
        lambda: Interval("2022", None),
        InvalidTypeError,
        "Interval.start: must be a Moment or None, got '2022'",
    ),
    (
        lambda: Interval(P("2022"), P("2022/2023")),
        InvalidTypeError,
        "Interval.end: must be a Moment or None, got When.parse('2022/2023')",
    ),
    (
        lambda: Interval(P("2022"), None, end_open=1),
        InvalidTypeError,
        "Interval.end_open: must be True or False, got 1",
    ),
]


class TestConstructionErrors:
    @pytest.mark.parametrize(("build", "error", "message"), CONSTRUCTION_ERRORS)
    def test_message(self, build, error, message):
        with pytest.raises(error) as excinfo:
            build()
        assert type(excinfo.value) is error
        assert str(excinfo.value) == message


class TestMomentOf:
    def test_keeps_a_zone_info_key_as_the_zone(self):
        moment = Moment.of(_ZONE_INFO_VALUE)
        assert moment.zone == "Europe/Kyiv"
        assert moment.value.tzinfo == PLUS_3
        assert moment.precision is Precision.SECOND
        assert moment == P("2022-03-27T14:05:00+03:00[Europe/Kyiv]")

    def test_takes_a_precision(self):
        assert Moment.of(_ZONE_INFO_VALUE, "minute") == P("2022-03-27T14:05+03:00[Europe/Kyiv]")
        assert Moment.of(date(2022, 3, 1), Precision.MONTH) == P("2022-03")

    def test_keeps_a_fixed_offset_and_no_zone(self):
        moment = Moment.of(datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3))
        assert moment.zone is None
        assert moment == P("2022-03-27T14:05:00+03:00")

    def test_takes_dates_and_zone_less_date_times(self):
        assert Moment.of(date(2022, 3, 27)) == P("2022-03-27")
        assert Moment.of(datetime(2022, 3, 27, 14, 5)) == P("2022-03-27T14:05:00")

    def test_the_zone_offset_on_that_day_is_used(self):
        # Kyiv moved from +02:00 to +03:00 on the night to 2022-03-27.
        assert (
            str(Moment.of(datetime(2022, 3, 26, 14, 5, tzinfo=KYIV)))
            == "2022-03-26T14:05:00+02:00[Europe/Kyiv]"
        )
        assert (
            str(Moment.of(datetime(2022, 3, 27, 14, 5, tzinfo=KYIV)))
            == "2022-03-27T14:05:00+03:00[Europe/Kyiv]"
        )


class TestZoneNames:
    # RFC 9557 names IANA time zones. POSIX TZ strings and names that mean the
    # machine's own zone are not IANA names; "GMT+3" would even be read as UTC+03:00
    # where the IANA "Etc/GMT+3" is UTC-03:00.
    @pytest.mark.parametrize(
        "text",
        [
            "2022-03-27T14:05:00+09:00[JST-9]",
            "2022-03-27T14:05:00+03:00[GMT+3]",
            "2022-03-27T14:05:00+03:00[UTC+3]",
            "2022-03-27T14:05:00-03:00[GMT-3]",
            "2022-03-27T14:05:00+00:00[localtime]",
        ],
    )
    def test_names_that_are_not_iana_zones_are_refused(self, text):
        with pytest.raises(InvalidValueError) as excinfo:
            P(text)
        assert str(excinfo.value) == (
            f"When.parse(): is not a time zone name known here, got {text!r}. "
            "Fix: use an IANA name such as 'Europe/Kyiv'"
        )

    @pytest.mark.parametrize(
        "text",
        [
            "2022-03-27T14:05:00-05:00[EST]",
            "2022-03-27T14:05:00+09:00[Etc/GMT-9]",
            "2022-03-27T14:05:00-03:00[Etc/GMT+3]",
            "2022-03-27T14:05:00+00:00[Etc/UTC]",
            "2022-03-27T14:05:00+03:00[Europe/Kiev]",
        ],
    )
    def test_iana_names_and_links_are_read(self, text):
        assert str(P(text)) == text


class TestZonesAroundClockChanges:
    # On 2022-10-30 Kyiv set its clocks back from 04:00 (+03:00) to 03:00 (+02:00):
    # 03:30 happened twice, first at +03:00, then at +02:00. Both are real instants.

    def test_the_first_of_a_repeated_local_time_is_read(self):
        assert P("2022-10-30T03:30:00+03:00[Europe/Kyiv]").lower == datetime(2022, 10, 30, 0, 30, tzinfo=UTC)

    def test_the_second_of_a_repeated_local_time_is_read(self):
        moment = P("2022-10-30T03:30:00+02:00[Europe/Kyiv]")
        assert moment.lower == datetime(2022, 10, 30, 1, 30, tzinfo=UTC)
        assert str(moment) == "2022-10-30T03:30:00+02:00[Europe/Kyiv]"

    def test_moment_of_the_second_occurrence_round_trips(self):
        moment = Moment.of(datetime(2022, 10, 30, 3, 30, fold=1, tzinfo=KYIV))
        assert str(moment) == "2022-10-30T03:30:00+02:00[Europe/Kyiv]"
        assert P(str(moment)) == moment

    # On 2022-03-27 Kyiv set its clocks forward from 03:00 (+02:00) to 04:00 (+03:00):
    # no 03:30 happened there that night. 03:30+02:00 is 01:30Z, when Kyiv was at +03:00.
    def test_a_local_time_the_zone_skipped_is_refused(self):
        with pytest.raises(InvalidValueError) as excinfo:
            P("2022-03-27T03:30:00+02:00[Europe/Kyiv]")
        assert (excinfo.value.cls, excinfo.value.field) == ("When", "parse()")


# -- bounds ---------------------------------------------------------------------------------

BOUNDS = [
    ("2022", datetime(2022, 1, 1), _end_of(date(2022, 12, 31))),
    ("2022-02", datetime(2022, 2, 1), _end_of(date(2022, 2, 28))),
    ("2024-02", datetime(2024, 2, 1), _end_of(date(2024, 2, 29))),
    ("2022-04", datetime(2022, 4, 1), _end_of(date(2022, 4, 30))),
    ("2022-03-27", datetime(2022, 3, 27), _end_of(date(2022, 3, 27))),
    ("2022-03-27~", datetime(2022, 3, 27), _end_of(date(2022, 3, 27))),
    ("2022-21", datetime(2022, 3, 1), _end_of(date(2022, 5, 31))),
    ("2022-22", datetime(2022, 6, 1), _end_of(date(2022, 8, 31))),
    ("2022-23", datetime(2022, 9, 1), _end_of(date(2022, 11, 30))),
    ("2021-24", datetime(2021, 12, 1), _end_of(date(2022, 2, 28))),
    ("2023-24", datetime(2023, 12, 1), _end_of(date(2024, 2, 29))),
    ("9999-23", datetime(9999, 9, 1), _end_of(date(9999, 11, 30))),
    ("201X", datetime(2010, 1, 1), _end_of(date(2019, 12, 31))),
    ("20XX", datetime(2000, 1, 1), _end_of(date(2099, 12, 31))),
    ("99XX", datetime(9900, 1, 1), datetime.max),
    ("2022-03-27T14", datetime(2022, 3, 27, 14), datetime(2022, 3, 27, 14, 59, 59, 999_999)),
    ("2022-03-27T14:05", datetime(2022, 3, 27, 14, 5), datetime(2022, 3, 27, 14, 5, 59, 999_999)),
    ("2022-03-27T14:05:00", datetime(2022, 3, 27, 14, 5), datetime(2022, 3, 27, 14, 5, 0, 999_999)),
    (
        "2022-03-27T14:05:00.250",
        datetime(2022, 3, 27, 14, 5, 0, 250_000),
        datetime(2022, 3, 27, 14, 5, 0, 250_999),
    ),
    (
        "2022-03-27T14:05:00.250000",
        datetime(2022, 3, 27, 14, 5, 0, 250_000),
        datetime(2022, 3, 27, 14, 5, 0, 250_000),
    ),
    ("9999-12-31T23", datetime(9999, 12, 31, 23), datetime.max),
    (
        "2022-03-27T14:05+03:00[Europe/Kyiv]",
        datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3),
        datetime(2022, 3, 27, 14, 5, 59, 999_999, tzinfo=PLUS_3),
    ),
    (
        "2022-03-27T11Z",
        datetime(2022, 3, 27, 11, tzinfo=UTC),
        datetime(2022, 3, 27, 11, 59, 59, 999_999, tzinfo=UTC),
    ),
    ("2022-02-24/2022-03-27", datetime(2022, 2, 24), _end_of(date(2022, 3, 27))),
    ("2022-02/2022-21", datetime(2022, 2, 1), _end_of(date(2022, 5, 31))),
    ("2022-02-24/..", datetime(2022, 2, 24), None),
    ("2022-02-24/", datetime(2022, 2, 24), None),
    ("../2022-03", None, _end_of(date(2022, 3, 31))),
    ("/2022-03", None, _end_of(date(2022, 3, 31))),
]


class TestBounds:
    @pytest.mark.parametrize(("text", "lower", "upper"), BOUNDS, ids=str)
    def test_bounds(self, text, lower, upper):
        when = P(text)
        assert when.lower == lower
        assert when.upper == upper
        # Equality of aware datetimes ignores offsets: check them too.
        assert (when.lower and when.lower.utcoffset()) == (lower and lower.utcoffset())
        assert (when.upper and when.upper.utcoffset()) == (upper and upper.utcoffset())

    def test_a_date_bound_is_a_zone_less_datetime(self):
        lower = P("2022-03-27").lower
        assert type(lower) is datetime
        assert lower.tzinfo is None

    def test_a_relative_time_has_no_bounds_until_resolved(self):
        relative = Relative("on Sunday", Anchor.PUBLICATION)
        assert (relative.lower, relative.upper) == (None, None)
        resolved = relative.resolve(PUBLISHED)
        assert (resolved.lower, resolved.upper) == (datetime(2022, 3, 27), _end_of(date(2022, 3, 27)))

    def test_a_relative_time_resolved_to_an_interval_has_its_bounds(self):
        resolved = Relative("since day 1 of Russia's invasion", Anchor.to_event("event:invasion")).resolve(
            INVASION
        )
        assert (resolved.lower, resolved.upper) == (datetime(2022, 2, 24), None)


# -- relations -------------------------------------------------------------------------------

RELATIONS = [
    # (a, b, how a relates to b)
    ("2022-03-26", "2022-03-27", BEFORE),
    ("2022-03-27", "2022-03-27", OVERLAPS),
    ("2022-03-28", "2022-03-27", AFTER),
    ("2022-03", "2022-03-27", OVERLAPS),
    ("2022", "2022-21", OVERLAPS),
    ("2021-24", "2022-02-28", OVERLAPS),
    ("2021-24", "2022-03-01", BEFORE),
    ("201X", "2020", BEFORE),
    ("20XX", "2099-12-31T23:59", OVERLAPS),
    # strictness: a day and an hour of it overlap
    ("2022-03-27", "2022-03-27T10:00", OVERLAPS),
    ("2022-03-27T10", "2022-03-27T10:59:59.999999", OVERLAPS),
    ("2022-03-27T10", "2022-03-27T11:00", BEFORE),
    ("2022-03-27T14:05+03:00", "2022-03-27T11:05:59Z", OVERLAPS),
    ("2022-03-27T14:04+03:00", "2022-03-27T11:05Z", BEFORE),
    ("2022-03-27T14:06+03:00", "2022-03-27T11:05Z", AFTER),
    # zone-less against zoned: the zone-less time may lie anywhere from UTC-14:00 to UTC+14:00
    ("2022-03-27", "2022-03-28T15:00Z", BEFORE),
    ("2022-03-27", "2022-03-28T14:00Z", BEFORE),
    ("2022-03-27", "2022-03-28T13:59Z", OVERLAPS),
    ("2022-03-27", "2022-03-28T10:00Z", OVERLAPS),
    ("2022-03-27", "2022-03-26T10:00Z", OVERLAPS),
    ("2022-03-27", "2022-03-26T09:59Z", AFTER),
    ("2022-03-27T12:00", "2022-03-27T12:00+14:00", OVERLAPS),
    ("2022-03-27T12:00", "2022-03-27T12:00-12:00", OVERLAPS),
    ("2022-03-27T12:00", "2022-03-28T02:01Z", BEFORE),
    # open and unknown ends are never certainly before or after on their missing side
    ("2022-02-24/..", "9999", OVERLAPS),
    ("2022-02-24/..", "2022-02-23", AFTER),
    ("2022-02-24/", "9999", OVERLAPS),
    ("2022-02-24/", "2022-02-23", AFTER),
    ("../2022-02-24", "0001", OVERLAPS),
    ("../2022-02-24", "2022-02-25", BEFORE),
    ("/2022-02-24", "0001", OVERLAPS),
    ("/2022-02-24", "2022-02-25", BEFORE),
    ("../2022-02-24", "2022-02-24/..", OVERLAPS),
    ("../2022-02-23", "2022-02-24/..", BEFORE),
    ("2022-02-24/2022-03-27", "2022-03-27T23:00", OVERLAPS),
    ("2022-02-24/2022-03-27", "2022-03-28", BEFORE),
]


class TestRelations:
    @pytest.mark.parametrize(("a", "b", "relation"), RELATIONS, ids=str)
    def test_relation(self, a, b, relation):
        first, second = P(a), P(b)
        mirrored = {BEFORE: AFTER, AFTER: BEFORE, OVERLAPS: OVERLAPS}[relation]
        assert first.relation(second) is relation
        assert second.relation(first) is mirrored
        assert first.is_before(second) is (relation is BEFORE)
        assert first.is_after(second) is (relation is AFTER)
        assert second.is_before(first) is (relation is AFTER)
        assert second.is_after(first) is (relation is BEFORE)

    def test_an_unresolved_relative_time_overlaps_everything(self):
        relative = Relative("on Sunday", Anchor.PUBLICATION)
        for other in (P("0001"), P("2022-03-27"), P("9999"), P("2022-02-24/..")):
            assert relative.relation(other) is OVERLAPS
            assert other.relation(relative) is OVERLAPS

    def test_a_resolved_relative_time_relates_by_its_resolution(self):
        relative = Relative("yesterday", Anchor.PUBLICATION).resolve(PUBLISHED)
        assert relative.relation(PUBLISHED) is BEFORE
        assert PUBLISHED.relation(relative) is AFTER
        assert relative.relation(P("2022-03-26T12:00")) is OVERLAPS

    # At the ends of what datetime holds the 14 hours cannot be added; the zone-less
    # day 0001-01-01 still contains 0001-01-01T00:00+05:00 (and 9999-12-31 contains
    # 9999-12-31T23:00-05:00) when read in that zone.
    def test_the_zone_rule_holds_at_the_first_day(self):
        assert P("0001-01-01").relation(P("0001-01-01T00:00+05:00")) is OVERLAPS
        assert P("0001-01-01T00:00+05:00").relation(P("0001-01-01")) is OVERLAPS

    def test_the_zone_rule_holds_at_the_last_day(self):
        assert P("9999-12-31").relation(P("9999-12-31T23:00-05:00")) is OVERLAPS
        assert P("9999-12-31T23:00-05:00").relation(P("9999-12-31")) is OVERLAPS


class TestAdmits:
    @pytest.mark.parametrize(
        ("text", "instant", "admitted"),
        [
            ("2022-03-27", datetime(2022, 3, 27), True),
            ("2022-03-27", datetime(2022, 3, 27, 12), True),
            ("2022-03-27", _end_of(date(2022, 3, 27)), True),
            ("2022-03-27", datetime(2022, 3, 28), False),
            ("2022-03-27", datetime(2022, 3, 26, 23, 59, 59, 999_999), False),
            ("2022-03-27", datetime(2022, 3, 28, 13, 59, 59, 999_999, tzinfo=UTC), True),
            ("2022-03-27", datetime(2022, 3, 28, 14, tzinfo=UTC), False),
            ("2022-03-27", datetime(2022, 3, 26, 10, tzinfo=UTC), True),
            ("2022-03-27", datetime(2022, 3, 26, 9, 59, 59, 999_999, tzinfo=UTC), False),
            ("2022-03-27T14:05+03:00", datetime(2022, 3, 27, 11, 5, 30, tzinfo=UTC), True),
            ("2022-03-27T14:05+03:00", datetime(2022, 3, 27, 14, 5, 30, tzinfo=KYIV), True),
            ("2022-03-27T14:05+03:00", datetime(2022, 3, 27, 14, 6, tzinfo=KYIV), False),
            ("2022-03-27T14:05+03:00", datetime(2022, 3, 27, 14, 6, tzinfo=tz.gettz("Europe/Kyiv")), False),
            # a zone-less instant against a zoned moment: the zone rule
            ("2022-03-27T14:05Z", datetime(2022, 3, 28, 4, 5), True),
            ("2022-03-27T14:05Z", datetime(2022, 3, 28, 4, 6), False),
            ("2022-02-24/..", datetime.max, True),
            ("2022-02-24/..", datetime(2022, 2, 23, 23, 59), False),
            ("../2022-02-24", datetime.min, True),
            ("2022-21", datetime(2022, 5, 31, 23, 59), True),
            ("2022-21", datetime(2022, 6, 1), False),
        ],
    )
    def test_admits(self, text, instant, admitted):
        assert P(text).admits(instant) is admitted

    def test_an_unresolved_relative_time_admits_anything(self):
        relative = Relative("on Sunday", Anchor.PUBLICATION)
        assert relative.admits(datetime.min)
        assert relative.admits(datetime(2022, 3, 27, tzinfo=UTC))

    def test_admits_the_first_instant_in_a_zone_east_of_utc(self):
        instant = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5)))
        assert P("0001-01-01").admits(instant)

    @pytest.mark.parametrize("instant", ["2022-03-27T12:00", date(2022, 3, 27), 1648382400, None])
    def test_admits_refuses_what_is_not_a_datetime(self, instant):
        with pytest.raises(InvalidTypeError):
            P("2022-03-27").admits(instant)

    @pytest.mark.parametrize("other", ["2022-03-27", date(2022, 3, 27), None])
    def test_relations_refuse_what_is_not_a_when(self, other):
        for method in (PUBLISHED.is_before, PUBLISHED.is_after, PUBLISHED.relation):
            with pytest.raises(InvalidTypeError):
                method(other)


class TestSortKey:
    def test_sorts_a_mixed_list_by_bounds(self):
        sunday = Relative("on Sunday", Anchor.PUBLICATION).resolve(PUBLISHED)
        unresolved = Relative("today", Anchor.MADE_AT)
        items = [
            P("2022-03-27T10:00Z"),
            P("2022-02-24/.."),
            P("2022-03"),
            unresolved,
            P("2022"),
            P("/2022-03"),
            P("2022-03-27"),
            sunday,
            P("2022-02-24/"),
            P("2021-24"),
            P("../2022-01"),
        ]
        ordered = sorted(items, key=When.sort_key)
        assert [str(item) for item in ordered] == [
            "../2022-01",  # no lower bound, the earlier upper bound
            "/2022-03",
            "'today' relative to made_at",  # no bounds at all
            "2021-24",
            "2022",
            "2022-02-24/",  # same bounds as the next: by text
            "2022-02-24/..",
            "2022-03",
            "'on Sunday' relative to publication = 2022-03-27",  # same bounds as the next: by text
            "2022-03-27",
            "2022-03-27T10:00Z",
        ]

    def test_zone_less_bounds_are_taken_as_utc(self):
        assert P("2022-03-27T10:00").sort_key()[:2] == P("2022-03-27T10:00Z").sort_key()[:2]
        assert P("2022-03-27T12:00+03:00").sort_key() < P("2022-03-27T10:00").sort_key()

    def test_holds_times_at_the_ends_of_the_calendar(self):
        items = [P("9999-12-31T23:00-05:00"), P("9999"), P("0001"), P("0001-01-01T00:00+05:00")]
        ordered = sorted(items, key=When.sort_key)
        assert [str(item) for item in ordered] == [
            "0001-01-01T00:00+05:00",
            "0001",
            "9999",
            "9999-12-31T23:00-05:00",
        ]


# -- relative times: the founding article ---------------------------------------------------------


class TestArticle:
    """The times of the 2022-03-27 article, resolved as a reader would."""

    def test_on_sunday(self):
        relative = Relative("on Sunday", Anchor.PUBLICATION).resolve(PUBLISHED)
        assert relative.resolved == P("2022-03-27")

    def test_earlier_this_week(self):
        relative = Relative("Earlier this week", Anchor.PUBLICATION).resolve(PUBLISHED)
        assert relative.resolved == Interval(P("2022-03-21"), P("2022-03-27"))
        assert str(relative.resolved) == "2022-03-21/2022-03-27"

    def test_earlier_in_the_day(self):
        assert Relative("Earlier in the day", Anchor.PUBLICATION).resolve(PUBLISHED).resolved == P(
            "2022-03-27"
        )

    def test_a_day_before_blinken_spoke(self):
        # "Blinken spoke a day after President Joe Biden said ...": Biden spoke a day before.
        blinken_spoke = Relative("on Sunday", Anchor.PUBLICATION).resolve(PUBLISHED)
        relative = Relative("a day before", Anchor.to_event("event:blinken-news-conference"))
        assert relative.resolve(blinken_spoke).resolved == P("2022-03-26")
        assert relative.resolve(PUBLISHED).resolved == P("2022-03-26")

    def test_since_day_1_of_the_invasion(self):
        relative = Relative("since day 1 of Russia's invasion", Anchor.to_event("event:invasion"))
        resolved = relative.resolve(INVASION)
        assert resolved.resolved == P("2022-02-24/..")
        assert (
            str(resolved)
            == '"since day 1 of Russia\'s invasion" relative to event:event:invasion = 2022-02-24/..'
        )

    def test_ever_since_the_onset_of_the_war(self):
        relative = Relative(
            "ever since the onset of the Russia-Ukraine war", Anchor.to_event("event:invasion")
        )
        assert relative.resolve(INVASION).resolved == P("2022-02-24/..")


# -- relative times: the grammar ------------------------------------------------------------------

GRAMMAR = [
    # words, resolved against Sunday 2022-03-27
    ("today", "2022-03-27"),
    ("earlier today", "2022-03-27"),
    ("later today", "2022-03-27"),
    ("earlier in the day", "2022-03-27"),
    ("later in the day", "2022-03-27"),
    ("this morning", "2022-03-27"),
    ("this afternoon", "2022-03-27"),
    ("this evening", "2022-03-27"),
    ("tonight", "2022-03-27"),
    ("yesterday", "2022-03-26"),
    ("tomorrow", "2022-03-28"),
    ("Sunday", "2022-03-27"),
    ("on Sunday", "2022-03-27"),
    ("on this Sunday", "2022-03-27"),
    ("this Sunday", "2022-03-27"),
    ("Monday", "2022-03-21"),
    ("on Saturday", "2022-03-26"),
    ("on Wednesday", "2022-03-23"),
    ("last Sunday", "2022-03-20"),
    ("next Sunday", "2022-04-03"),
    ("last Monday", "2022-03-21"),
    ("on last Friday", "2022-03-25"),
    ("next Monday", "2022-03-28"),
    ("on next Saturday", "2022-04-02"),
    ("last Saturday", "2022-03-26"),
    ("this week", "2022-03-21/2022-03-27"),
    ("last week", "2022-03-14/2022-03-20"),
    ("next week", "2022-03-28/2022-04-03"),
    ("this month", "2022-03"),
    ("last month", "2022-02"),
    ("next month", "2022-04"),
    ("this year", "2022"),
    ("last year", "2021"),
    ("next year", "2023"),
    ("earlier this week", "2022-03-21/2022-03-27"),
    ("earlier this month", "2022-03-01/2022-03-27"),
    ("earlier this year", "2022-01-01/2022-03-27"),
    ("later this week", "2022-03-27/2022-03-27"),
    ("later this month", "2022-03-27/2022-03-31"),
    ("later this year", "2022-03-27/2022-12-31"),
    ("0 days ago", "2022-03-27"),
    ("1 day ago", "2022-03-26"),
    ("3 days ago", "2022-03-24"),
    ("30 days ago", "2022-02-25"),
    ("a day ago", "2022-03-26"),
    ("two days ago", "2022-03-25"),
    ("a couple of days ago", "2022-03-25"),
    ("twelve days ago", "2022-03-15"),
    ("one week ago", "2022-03-20"),
    ("2 weeks ago", "2022-03-13"),
    ("a month ago", "2022-02"),
    ("three months ago", "2021-12"),
    ("twelve months ago", "2021-03"),
    ("a year ago", "2021"),
    ("13 years ago", "2009"),
    ("a day before", "2022-03-26"),
    ("a day after", "2022-03-28"),
    ("two days later", "2022-03-29"),
    ("3 weeks earlier", "2022-03-06"),
    ("a month after the vote", "2022-04"),
    ("a couple of years before the war", "2020"),
    ("the 2 days after", "2022-03-29"),
    ("the day after the speech", "2022-03-28"),
    ("the day before", "2022-03-26"),
    ("day after", "2022-03-28"),
    ("the week after", "2022-04-03"),
    ("the week before the summit", "2022-03-20"),
    ("since 2022-02-24", "2022-02-24/.."),
    ("ever since 2022", "2022/.."),
    ("since 2022-03-27T14:05Z", "2022-03-27T14:05Z/.."),
    ("until 2022-04", "../2022-04"),
    ("till 2022-04-01", "../2022-04-01"),
    ("up to 2022", "../2022"),
    ("since the start of the war", "2022-03-27/.."),
    ("since", "2022-03-27/.."),
    ("until then", "../2022-03-27"),
]


class TestGrammar:
    @pytest.mark.parametrize(("words", "expected"), GRAMMAR)
    def test_resolves_against_the_publication_day(self, words, expected):
        resolved = resolve_relative(words, PUBLISHED)
        assert resolved == P(expected)
        assert str(resolved) == expected

    @pytest.mark.parametrize(
        ("words", "expected"),
        [
            ("  EARLIER   this WEEK ", "2022-03-21/2022-03-27"),
            ("Last\tFRIDAY", "2022-03-25"),
            ("ON sunday", "2022-03-27"),
            ("Two  Days   AGO", "2022-03-25"),
            ("\nYesterday\n", "2022-03-26"),
            ("SINCE 2022-02-24", "2022-02-24/.."),
            # number words at the start of a sentence
            ("A day before", "2022-03-26"),
            ("A couple of days ago", "2022-03-25"),
            ("TWELVE MONTHS AGO", "2021-03"),
        ],
    )
    def test_case_and_spacing_do_not_matter(self, words, expected):
        assert str(resolve_relative(words, PUBLISHED)) == expected

    @pytest.mark.parametrize(
        ("words", "anchor", "expected"),
        [
            ("yesterday", "2022-01-01", "2021-12-31"),
            ("tomorrow", "2024-02-28", "2024-02-29"),
            ("next week", "2022-12-30", "2023-01-02/2023-01-08"),
            ("this week", "2022-03-21", "2022-03-21/2022-03-27"),
            ("later this week", "2022-03-21", "2022-03-21/2022-03-27"),
            ("earlier this week", "2022-03-21", "2022-03-21/2022-03-21"),
            ("last month", "2022-01-15", "2021-12"),
            ("a month ago", "2022-03-31", "2022-02"),
            ("later this month", "2024-02-10", "2024-02-10/2024-02-29"),
            ("on Monday", "2022-03-21", "2022-03-21"),
            ("last Monday", "2022-03-21", "2022-03-14"),
            ("next Monday", "2022-03-21", "2022-03-28"),
            # a date-time anchor counts by its own (local) day
            ("yesterday", "2022-03-27T01:00+03:00", "2022-03-26"),
            ("today", "2022-03-26T23:30-04:00[America/New_York]", "2022-03-26"),
            # an interval anchor counts from both ends: from what its start gives to what its end gives
            ("yesterday", "2022-03-27/2022-03-30", "2022-03-26/2022-03-29"),
            ("since the talks", "2022-03-27/2022-03-30", "2022-03-27/.."),
            # "since"/"until" words take the anchor whatever its precision
            ("since the war", "2022", "2022/.."),
            ("until the winter", "2022-24", "../2022-24"),
        ],
    )
    def test_resolves_against_other_anchors(self, words, anchor, expected):
        assert str(resolve_relative(words, P(anchor))) == expected

    def test_resolves_against_a_resolved_relative_time(self):
        sunday = Relative("on Sunday", Anchor.PUBLICATION).resolve(PUBLISHED)
        assert resolve_relative("a day before", sunday) == P("2022-03-26")

    @pytest.mark.parametrize(
        "words",
        [
            "in the fullness of time",
            "an hour ago",
            "fortnight ago",
            "on sunday.",
            "the month after",
            "anon",
            " ",
        ],
    )
    def test_unknown_words_are_refused(self, words):
        with pytest.raises(InvalidValueError) as excinfo:
            resolve_relative(words, PUBLISHED)
        assert str(excinfo.value) == (
            f"Relative.text: is not a relative time expression eventmodel knows, got {words!r}. "
            "Fix: use one of the expressions listed for resolve_relative(), or leave the time unresolved"
        )

    def test_relative_resolve_refuses_unknown_words(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Relative("in the fullness of time", Anchor.PUBLICATION).resolve(PUBLISHED)
        assert str(excinfo.value) == (
            "Relative.text: is not a relative time expression eventmodel knows, got 'in the fullness of time'. "
            "Fix: use one of the expressions listed for resolve_relative(), or leave the time unresolved"
        )

    @pytest.mark.parametrize(
        ("words", "anchor"),
        [
            ("yesterday", "2022-03"),
            ("on Sunday", "2022"),
            ("this week", "2022-21"),
            ("3 months ago", "2022"),
            ("today", "202X"),
            ("a day before", "20XX"),
            ("later this year", "2022-03~"),
        ],
    )
    def test_a_coarse_anchor_is_refused(self, words, anchor):
        with pytest.raises(InvalidValueError) as excinfo:
            resolve_relative(words, P(anchor))
        assert str(excinfo.value) == (
            f"Relative.text: needs an anchor time at day precision or finer, but the anchor is {anchor}, "
            f"got {words!r}. Fix: give the anchor a day, or resolve the words by hand"
        )

    def test_an_unresolved_relative_anchor_is_refused(self):
        with pytest.raises(InvalidValueError) as excinfo:
            resolve_relative("yesterday", Relative("today", Anchor.PUBLICATION))
        assert str(excinfo.value) == (
            "Relative.text: cannot be resolved against a relative time that is not resolved itself, "
            "got 'yesterday'. Fix: resolve the anchor's time first"
        )

    def test_relative_resolve_refuses_an_unresolved_relative_anchor(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Relative("a day before", Anchor.to_event("event:x")).resolve(
                Relative("today", Anchor.PUBLICATION)
            )
        assert str(excinfo.value) == (
            "Relative.text: cannot be resolved against a relative time that is not resolved itself, "
            "got 'a day before'. Fix: resolve the anchor's time first"
        )

    @pytest.mark.parametrize("anchor", ["../2022-03-30", "/2022-03-30"])
    def test_an_interval_anchor_without_a_start_leaves_the_start_unknown(self, anchor):
        assert str(resolve_relative("yesterday", P(anchor))) == "/2022-03-29"

    @pytest.mark.parametrize("anchor", ["../2022-03-30", "/2022-03-30"])
    def test_words_bounded_only_by_a_missing_end_are_refused(self, anchor):
        with pytest.raises(InvalidValueError) as excinfo:
            resolve_relative("since the talks", P(anchor))
        assert str(excinfo.value) == (
            f"Relative.text: cannot be resolved against {anchor}: with an end of the anchor missing, the words "
            "bound the time nowhere, got 'since the talks'. Fix: give the anchor both ends, or resolve the words by hand"
        )

    def test_words_that_are_not_a_string_are_refused(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            resolve_relative(5, PUBLISHED)
        assert str(excinfo.value) == "Relative.text: needs the words as a string, got 5"

    @pytest.mark.parametrize(
        ("anchor", "shown"),
        [("2022-03-27", "'2022-03-27'"), (date(2022, 3, 27), "datetime.date(2022, 3, 27)"), (None, "None")],
    )
    def test_an_anchor_that_is_not_a_when_is_refused(self, anchor, shown):
        with pytest.raises(InvalidTypeError) as excinfo:
            resolve_relative("today", anchor)
        assert str(excinfo.value) == f"Relative.resolve(): needs the anchor's time as a When, got {shown}"

    @pytest.mark.parametrize(
        ("words", "anchor"),
        [
            ("yesterday", "0001-01-01"),
            ("3 days ago", "0001-01-02"),
            ("last week", "0001-01-03"),
            ("last year", "0001-03-27"),
            ("9999 years ago", "2022-03-27"),
            ("tomorrow", "9999-12-31"),
            ("next week", "9999-12-31"),
            ("this week", "9999-12-31"),
            ("later this week", "9999-12-30"),
            ("next month", "9999-12-15"),
            ("next year", "9999-03-27"),
            ("a couple of years after", "9998-03-27"),
        ],
    )
    def test_a_result_outside_the_calendar_is_refused(self, words, anchor):
        with pytest.raises(InvalidValueError) as excinfo:
            resolve_relative(words, P(anchor))
        assert excinfo.value.value == words


class TestRelative:
    def test_resolve_keeps_text_and_anchor_and_sets_resolved(self):
        relative = Relative("on Sunday", Anchor.PUBLICATION)
        resolved = relative.resolve(PUBLISHED)
        assert resolved.text == "on Sunday"
        assert resolved.anchor == Anchor.PUBLICATION
        assert resolved.resolved == P("2022-03-27")
        assert relative.resolved is None  # the original is unchanged

    def test_resolving_again_replaces_the_resolution(self):
        resolved = Relative("yesterday", Anchor.MADE_AT).resolve(PUBLISHED).resolve(P("2022-04-01"))
        assert resolved.resolved == P("2022-03-31")

    def test_takes_the_anchor_text_form(self):
        assert Relative("on Sunday", "publication").anchor == Anchor.PUBLICATION
        assert Relative("on Sunday", "made_at").anchor == Anchor.MADE_AT
        assert Relative("a day before", "event:event:biden-speech").anchor == Anchor.to_event(
            "event:biden-speech"
        )

    def test_takes_a_resolved_time(self):
        relative = Relative("yesterday", Anchor.MADE_AT, resolved=P("2022-03-26"))
        assert relative == Relative("yesterday", Anchor.MADE_AT).resolve(PUBLISHED)

    def test_equality_and_hashing(self):
        relative = Relative("on Sunday", Anchor.PUBLICATION)
        same = Relative("on Sunday", "publication")
        assert relative == same
        assert hash(relative) == hash(same)
        assert relative != Relative("on sunday", Anchor.PUBLICATION)
        assert relative != Relative("on Sunday", Anchor.MADE_AT)
        assert relative != relative.resolve(PUBLISHED)
        assert relative.resolve(PUBLISHED) == same.resolve(P("2022-03-27T10:00Z"))
        assert hash(relative.resolve(PUBLISHED)) == hash(same.resolve(P("2022-03-27T10:00Z")))
        assert relative != "on Sunday"
        assert len({relative, same, relative.resolve(PUBLISHED)}) == 2

    def test_str_and_repr(self):
        relative = Relative("on Sunday", Anchor.to_event("event:x"))
        assert str(relative) == "'on Sunday' relative to event:event:x"
        assert str(relative.resolve(PUBLISHED)) == "'on Sunday' relative to event:event:x = 2022-03-27"
        assert repr(relative.resolve(PUBLISHED)) == (
            "Relative(text='on Sunday', anchor=Anchor.to_event('event:x'), resolved=When.parse('2022-03-27'))"
        )

    @pytest.mark.parametrize(
        ("build", "error", "message"),
        [
            (
                lambda: Relative("", Anchor.PUBLICATION),
                InvalidValueError,
                "Relative.text: must not be empty, got ''. Fix: leave the field out instead of giving an empty string",
            ),
            (
                lambda: Relative(5, Anchor.PUBLICATION),
                InvalidTypeError,
                "Relative.text: must be a string, got 5",
            ),
            (
                lambda: Relative("x" * 201, Anchor.PUBLICATION),
                InvalidValueError,
                "Relative.text: is longer than 200 characters, got '" + "x" * 76 + "...",
            ),
            (
                lambda: Relative("on Sunday", 5),
                InvalidTypeError,
                "Relative.anchor: must be an Anchor, got 5. Fix: use Anchor.PUBLICATION, Anchor.MADE_AT or Anchor.to_event(id)",
            ),
            (
                lambda: Relative("on Sunday", "nowhere"),
                InvalidTypeError,
                "Relative.anchor: must be an Anchor, got 'nowhere'. Fix: use Anchor.PUBLICATION, Anchor.MADE_AT or Anchor.to_event(id)",
            ),
            (
                lambda: Relative("on Sunday", Anchor.PUBLICATION, resolved="2022-03-27"),
                InvalidTypeError,
                "Relative.resolved: must be a Moment, an Interval or None, got '2022-03-27'",
            ),
            (
                lambda: Relative("on Sunday", Anchor.PUBLICATION, resolved=Relative("x", Anchor.PUBLICATION)),
                InvalidTypeError,
                "Relative.resolved: must be a Moment, an Interval or None, got Relative(text='x', anchor=Anchor.PUBLICATION)",
            ),
        ],
    )
    def test_construction_errors(self, build, error, message):
        with pytest.raises(error) as excinfo:
            build()
        assert type(excinfo.value) is error
        assert str(excinfo.value) == message

    def test_two_hundred_characters_of_text_are_kept(self):
        assert Relative("x" * 200, Anchor.PUBLICATION).text == "x" * 200


class TestAnchor:
    @pytest.mark.parametrize(
        ("text", "anchor", "kind"),
        [
            ("publication", Anchor.PUBLICATION, AnchorKind.PUBLICATION),
            ("made_at", Anchor.MADE_AT, AnchorKind.MADE_AT),
            ("event:event:biden-speech", Anchor.to_event("event:biden-speech"), AnchorKind.EVENT),
            ("event:x", Anchor(AnchorKind.EVENT, "x"), AnchorKind.EVENT),
        ],
    )
    def test_parse_and_str_round_trip(self, text, anchor, kind):
        parsed = Anchor.parse(text)
        assert parsed == anchor
        assert parsed.kind is kind
        assert str(parsed) == text
        assert Anchor.parse(str(anchor)) == anchor

    def test_repr(self):
        assert repr(Anchor.PUBLICATION) == "Anchor.PUBLICATION"
        assert repr(Anchor.MADE_AT) == "Anchor.MADE_AT"
        assert repr(Anchor.to_event("event:x")) == "Anchor.to_event('event:x')"

    def test_to_event_takes_an_event_or_its_id(self):
        event = SimpleNamespace(id="event:invasion")
        assert Anchor.to_event(event) == Anchor.to_event("event:invasion")
        assert Anchor.to_event(event).event == "event:invasion"

    def test_anchors_of_one_kind_and_event_are_equal(self):
        assert Anchor("publication") == Anchor.PUBLICATION
        assert hash(Anchor("made_at")) == hash(Anchor.MADE_AT)
        assert Anchor.to_event("event:a") != Anchor.to_event("event:b")

    @pytest.mark.parametrize("text", ["event:", "Publication", "", "made at", "event", "publication "])
    def test_parse_refuses_other_text(self, text):
        with pytest.raises(InvalidValueError) as excinfo:
            Anchor.parse(text)
        assert str(excinfo.value) == (
            f"Anchor.parse(): is not an anchor, got {text!r}. Fix: use 'publication', 'made_at', 'event:<event id>', "
            "'claim:<claim id>' or 'source:<source id>'"
        )

    @pytest.mark.parametrize("value", [5, None, Anchor.PUBLICATION])
    def test_parse_refuses_what_is_not_a_string(self, value):
        with pytest.raises(InvalidTypeError) as excinfo:
            Anchor.parse(value)
        assert str(excinfo.value).startswith("Anchor.parse(): ")

    @pytest.mark.parametrize(
        ("build", "error", "message"),
        [
            (
                lambda: Anchor("event"),
                InvalidValueError,
                "Anchor.event: is needed with kind 'event', and only then, got None",
            ),
            (
                lambda: Anchor("publication", "event:x"),
                InvalidValueError,
                "Anchor.event: is needed with kind 'event', and only then, got 'event:x'",
            ),
            (
                lambda: Anchor("sometime"),
                InvalidValueError,
                "Anchor.kind: must be an AnchorKind, got 'sometime'. "
                "Fix: use one of 'publication', 'made_at', 'event', 'claim', 'source'",
            ),
            (
                lambda: Anchor("claim"),
                InvalidValueError,
                "Anchor.claim: is needed with kind 'claim', and only then, got None",
            ),
            (
                lambda: Anchor("publication", source="src:wire"),
                InvalidValueError,
                "Anchor.source: is needed with kind 'source', and only then, got 'src:wire'",
            ),
            (
                lambda: Anchor.parse("event:has space"),
                InvalidValueError,
                "Anchor.event: must not contain white space or control characters, got 'has space'. "
                "Fix: use a compact id without spaces, such as 'actor:joe-biden' or 'geonames:704147'",
            ),
        ],
    )
    def test_construction_errors(self, build, error, message):
        with pytest.raises(error) as excinfo:
            build()
        assert str(excinfo.value) == message


# -- properties ----------------------------------------------------------------------------------------


@given(moments())
def test_moments_round_trip_through_edtf(moment):
    parsed = P(str(moment))
    assert parsed == moment
    assert _fields(parsed) == _fields(moment)


# The longest moments: microseconds, a zone name, a qualifier; two of them make a
# text longer than a single date-time needs.
_LONGEST = "2022-03-27T14:05:00.250000+11:00[Australia/Lord_Howe]%"


def test_the_text_of_an_interval_between_long_moments_is_read_back():
    interval = Interval(P(_LONGEST), P(_LONGEST))
    assert len(str(interval)) > 100
    assert P(str(interval)) == interval


@given(intervals())
@example(Interval(P(_LONGEST), P(_LONGEST)))
def test_intervals_round_trip_through_edtf(interval):
    parsed = P(str(interval))
    assert parsed == interval
    assert _fields(parsed) == _fields(interval)


def _step(instant: datetime, delta: timedelta) -> datetime | None:
    try:
        return instant + delta
    except OverflowError:  # past datetime.min or datetime.max: nothing lies there
        return None


@given(moments(), st.data())
def test_a_moment_admits_exactly_the_instants_between_its_bounds(moment, data):
    lower, upper = moment.lower, moment.upper
    assert lower <= upper
    assert (lower.utcoffset() is None) == (upper.utcoffset() is None)
    span = (upper - lower) // ONE_MICROSECOND
    inside = lower + data.draw(st.integers(0, span)) * ONE_MICROSECOND
    # Zone-less moments are compared with zone-less instants, zoned ones with zoned instants.
    assert moment.admits(lower)
    assert moment.admits(upper)
    assert moment.admits(inside)
    for outside in (_step(lower, -ONE_MICROSECOND), _step(upper, ONE_MICROSECOND)):
        if outside is not None:
            assert not moment.admits(outside)


@given(relatives())
def test_a_relative_time_has_the_bounds_of_its_resolution(relative):
    if relative.resolved is None:
        assert (relative.lower, relative.upper) == (None, None)
    else:
        assert (relative.lower, relative.upper) == (relative.resolved.lower, relative.resolved.upper)
        assert relative.relation(relative.resolved) is OVERLAPS


@given(whens(), whens())
def test_relation_is_antisymmetric(a, b):
    mirrored = {BEFORE: AFTER, AFTER: BEFORE, OVERLAPS: OVERLAPS}
    assert b.relation(a) is mirrored[a.relation(b)]
    assert a.is_before(b) == b.is_after(a)
    assert not (a.is_before(b) and a.is_after(b))


@given(whens())
def test_a_time_overlaps_itself(when):
    assert when.relation(when) is OVERLAPS


@given(whens(), whens())
def test_sort_key_puts_a_time_before_what_it_is_before(a, b):
    if a.is_before(b):
        assert a.sort_key() < b.sort_key()


_EXPRESSIONS = [words for words, _ in GRAMMAR]
_DAYS = st.dates(min_value=date(100, 1, 1), max_value=date(9998, 1, 1))
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@given(st.sampled_from(_EXPRESSIONS), _DAYS)
def test_resolution_is_deterministic(words, day):
    anchor = Moment(day)
    first, second = resolve_relative(words, anchor), resolve_relative(words, anchor)
    assert first == second
    assert _fields(first) == _fields(second)
    assert Relative(words, Anchor.PUBLICATION).resolve(anchor).resolved == first


@given(st.sampled_from(range(7)), _DAYS)
def test_weekdays_resolve_within_a_week_of_the_anchor(weekday, day):
    name = _WEEKDAYS[weekday]
    anchor = Moment(day)
    on = resolve_relative(f"on {name}", anchor).value
    last = resolve_relative(f"last {name}", anchor).value
    following = resolve_relative(f"next {name}", anchor).value
    assert on.weekday() == last.weekday() == following.weekday() == weekday
    assert 0 <= (day - on).days <= 6
    assert 1 <= (day - last).days <= 7
    assert 1 <= (following - day).days <= 7


@given(_DAYS)
def test_weeks_run_from_monday_to_sunday(day):
    anchor = Moment(day)
    week = resolve_relative("this week", anchor)
    monday, sunday = week.start.value, week.end.value
    assert monday.weekday() == 0
    assert sunday - monday == timedelta(days=6)
    assert monday <= day <= sunday
    assert resolve_relative("earlier this week", anchor) == Interval(Moment(monday), anchor)
    assert resolve_relative("later this week", anchor) == Interval(anchor, Moment(sunday))
    assert resolve_relative("last week", anchor).end.value == monday - timedelta(days=1)
    assert resolve_relative("next week", anchor).start.value == sunday + timedelta(days=1)


@given(st.integers(0, 12), _DAYS)
def test_days_ago_count_back_days(count, day):
    anchor = Moment(day)
    assert resolve_relative(f"{count} days ago", anchor).value == day - timedelta(days=count)
    assert resolve_relative(f"{count} days after", anchor).value == day + timedelta(days=count)
    assert resolve_relative("yesterday", anchor).value == day - timedelta(days=1)
    assert resolve_relative("tomorrow", anchor).value == day + timedelta(days=1)
    assert resolve_relative("today", anchor) == anchor


def test_unknown_relative_words_can_be_kept_unresolved_by_choice():
    sunday = When.parse("2022-03-27")
    vague = Relative("in the fullness of time", Anchor.PUBLICATION)
    assert vague.resolve(sunday, strict=False) is vague
    assert vague.resolve(sunday, strict=False).lower is None
    with pytest.raises(InvalidValueError) as excinfo:
        vague.resolve(sunday)
    assert excinfo.value.reason == "is not a relative time expression eventmodel knows"
    known = Relative("on Sunday", Anchor.PUBLICATION).resolve(sunday, strict=False)
    assert str(known.resolved) == "2022-03-27"


def test_strict_false_does_not_hide_other_errors():
    with pytest.raises(InvalidValueError) as excinfo:
        Relative("yesterday", Anchor.PUBLICATION).resolve(When.parse("2022-03"), strict=False)
    assert excinfo.value.reason.startswith("needs an anchor time at day precision or finer")
