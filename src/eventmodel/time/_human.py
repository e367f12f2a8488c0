"""
Lenient reading of dates as people write them, through ``dateutil.parser``,
under an explicit policy: nothing ambiguous is guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Final

from dateutil import parser, tz

from eventmodel.exceptions import InvalidTypeError, InvalidValueError

from ._precision import Precision

__all__ = ["MAX_HUMAN_TEXT", "read_human"]

#: The longest text read as a human date; longer input is refused unread.
MAX_HUMAN_TEXT: Final = 200

# Two defaults that differ in every field: a field that comes out the same
# under both was given in the text.
_FIRST: Final = datetime(2000, 1, 1, 0, 0, 0, 0)  # noqa: DTZ001 - a default for naive parsing
_SECOND: Final = datetime(2001, 2, 2, 1, 1, 1, 1)  # noqa: DTZ001 - a default for naive parsing
_FIELDS: Final = ("year", "month", "day", "hour", "minute", "second", "microsecond")
_INFO: Final = parser.parserinfo()
#: Seconds with a fraction, whose digits tell the precision (dateutil does not).
_FRACTION: Final = re.compile(r"[0-9]:[0-9]{2}[.,]([0-9]+)", re.ASCII)


def _error(reason: str, text: object, fix: str | None = None) -> InvalidValueError:
    return InvalidValueError(reason, cls="When", field="parse_human()", value=text, fix=fix)


def _read(text: str, day_first: bool, default: datetime) -> datetime:
    try:
        return parser.parse(text, dayfirst=day_first, default=default)
    except (ValueError, OverflowError) as error:
        raise _error(
            "is not a date that can be read",
            text,
            "write it like '27 March 2022', '2022-03-27' or '27 March 2022 14:05 +03:00'",
        ) from error


def read_human(
    text: str, *, day_first: bool | None = None, year: int | None = None, zone: str | None = None
) -> tuple[date | datetime, Precision, str | None]:
    """
    Read a date as people write it: "27 March 2022", "Sunday, March 27",
    "03/04/2022", "14:05 27 March 2022 +03:00", as the value, precision and
    zone name of the :class:`~eventmodel.Moment` that
    :meth:`When.parse_human <eventmodel.When.parse_human>` makes of them.

    The precision is what the text gives: "March 2022" has month precision,
    "27 March 2022 14:05" minute precision.

    Args:
        text: The date as written, at most 200 characters.
        day_first: For numeric dates such as "03/04/2022": ``True`` reads
            day/month, ``False`` month/day. A date that reads differently
            either way is refused unless this is given.
        year: The year to use when the text gives none ("Sunday, March 27"),
            such as the year of the source's publication.
        zone: An IANA zone name for a date-time given without a zone; a
            date-time that gives an offset must agree with it.

    Raises:
        InvalidValueError: For text that is too long, unreadable, ambiguous
            without *day_first*, without a year and without *year*, or whose
            weekday contradicts its date.

    .. versionadded:: 0.1.0

    """
    if not isinstance(text, str):
        raise InvalidTypeError("needs a string", cls="When", field="parse_human()", value=text)
    if len(text) > MAX_HUMAN_TEXT:
        raise _error(f"is longer than {MAX_HUMAN_TEXT} characters, too long to be a date", text)
    if day_first is None:
        if _read(text, True, _FIRST) != _read(text, False, _FIRST):
            as_day, as_month = _read(text, True, _FIRST), _read(text, False, _FIRST)
            raise _error(
                f"is ambiguous: day first it is {as_day:%d %B %Y}, month first {as_month:%d %B %Y}",
                text,
                "say day_first=True or day_first=False",
            )
        day_first = False
    first, second = _read(text, day_first, _FIRST), _read(text, day_first, _SECOND)
    given = {name: getattr(first, name) == getattr(second, name) for name in _FIELDS}
    if not given["year"]:
        if year is None:
            raise _error("gives no year", text, "pass year=, such as the year the source was published")
        first = _read(text, day_first, _FIRST.replace(year=year))
    _check_weekday(text, first, given["day"])
    precision = _precision(given, text)
    value: datetime = first
    if value.tzinfo is not None:
        offset = value.utcoffset()
        assert offset is not None
        value = value.replace(tzinfo=timezone(offset))
    elif zone is not None and not precision.is_date:
        named = (
            tz.gettz(zone) if re.fullmatch(r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*", zone) else None
        )
        offset = value.replace(tzinfo=named).utcoffset() if named is not None else None
        if offset is None:
            raise _error(
                "was given a zone that is not known here", zone, "use an IANA name such as 'Europe/Kyiv'"
            )
        value = value.replace(tzinfo=timezone(offset))
    if precision.is_date:
        return _truncate(value, precision), precision, None
    keep_zone = zone if value.tzinfo is not None and zone is not None else None
    return value, precision, keep_zone


def _precision(given: dict[str, bool], text: str) -> Precision:
    if not given["month"]:
        return Precision.YEAR
    if not given["day"]:
        return Precision.MONTH
    if not given["hour"]:
        return Precision.DAY
    if not given["minute"]:
        return Precision.HOUR
    if not given["second"]:
        return Precision.MINUTE
    fraction = _FRACTION.search(text)
    if fraction is None:
        return Precision.SECOND
    return Precision.MILLISECOND if len(fraction.group(1)) <= 3 else Precision.MICROSECOND


def _truncate(value: datetime, precision: Precision) -> date:
    day = value.date()
    if precision is Precision.YEAR:
        return day.replace(month=1, day=1)
    if precision is Precision.MONTH:
        return day.replace(day=1)
    return day


def _check_weekday(text: str, value: datetime, day_given: bool) -> None:
    if not day_given:
        return
    for word in re.findall(r"[A-Za-z]+", text):
        weekday = _INFO.weekday(word)
        if weekday is not None and weekday != value.weekday():
            raise _error(
                f"says {word}, but {value:%d %B %Y} is a {value:%A}",
                text,
                "check the date and the weekday in the source",
            )
