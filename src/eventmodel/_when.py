"""
When: a time as a source states it, with the precision it was given in.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any, Final

import attrs

from . import _validation as v
from .exceptions import InvalidTypeError, InvalidValueError

__all__ = ["Precision", "When"]

MAX_TEXT_LENGTH: Final = 100

_PATTERN: Final = re.compile(
    r"""
    (?P<year>\d{4})
    (?:-(?P<month>\d{2})
      (?:-(?P<day>\d{2})
        (?:T(?P<hour>\d{2})
          (?::(?P<minute>\d{2})
            (?::(?P<second>\d{2})(?:\.(?P<fraction>\d+))?)?
          )?
          (?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?
        )?
      )?
    )?
    (?P<qualifier>[~?%])?
    """,
    re.VERBOSE | re.ASCII,
)


class Precision(v.ModelEnum):
    """
    How much of a time a source gave: ``"2022-03"`` has month precision.

    .. versionadded:: 0.1.0
    """

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"
    MILLISECOND = "millisecond"
    MICROSECOND = "microsecond"

    @property
    def is_date(self) -> bool:
        """True for year, month and day: the value is a :class:`~datetime.date`."""
        return self in _DATE_PRECISIONS


_DATE_PRECISIONS: Final = frozenset({Precision.YEAR, Precision.MONTH, Precision.DAY})
_FRACTION_PRECISION: Final = {3: Precision.MILLISECOND, 6: Precision.MICROSECOND}
_QUALIFIERS: Final = {(False, False): "", (True, False): "~", (False, True): "?", (True, True): "%"}


def _precision(value: Precision | str) -> Precision:
    return v.coerce_enum(Precision, value)  # type: ignore[no-any-return]


def _default_precision(inst: When) -> Precision:
    value = inst.value
    if isinstance(value, datetime):
        return Precision.SECOND if value.microsecond == 0 else Precision.MICROSECOND
    return Precision.DAY


def _truncated(value: date | datetime, precision: Precision) -> bool:
    """Whether *value* has no digits finer than *precision*."""
    if precision is Precision.YEAR:
        return value.month == 1 and value.day == 1
    if precision is Precision.MONTH:
        return value.day == 1
    if precision is Precision.DAY:
        return True
    assert isinstance(value, datetime)
    checks = {
        Precision.HOUR: value.minute == value.second == value.microsecond == 0,
        Precision.MINUTE: value.second == value.microsecond == 0,
        Precision.SECOND: value.microsecond == 0,
        Precision.MILLISECOND: value.microsecond % 1000 == 0,
        Precision.MICROSECOND: True,
    }
    return checks[precision]


def _zone_key(zone: tzinfo | None) -> object:
    if zone is None or isinstance(zone, timezone):
        return None
    return (type(zone).__qualname__, repr(zone))


@attrs.frozen(eq=False)
class When:
    """
    A point in time as a source gave it, with its precision.

    ``value`` is a :class:`~datetime.date` for year, month and day precision
    and a :class:`~datetime.datetime` for finer ones; a date-time keeps the
    time zone it was given in, or none. The value carries no digits finer than
    its precision: ``"2022-03"`` is ``When(date(2022, 3, 1), Precision.MONTH)``.

    Two Whens are equal when they say the same thing in the same words:
    ``14:00+03:00`` and ``11:00Z`` are one instant but two statements, so they
    are not equal.

    Args:
        value: The date or date-time.
        precision: How much of *value* is known; by default ``day`` for a date,
            ``second`` (or ``microsecond``) for a date-time.
        approximate: The source says "about" (EDTF ``~``).
        uncertain: The source is unsure (EDTF ``?``).

    Raises:
        InvalidValueError: For a value with digits finer than its precision, a
            date with a time precision, or a date-time with a date precision.

    .. versionadded:: 0.1.0

    """

    value: date | datetime = attrs.field()
    precision: Precision = attrs.field(
        default=attrs.Factory(_default_precision, takes_self=True), converter=_precision
    )
    approximate: bool = attrs.field(default=False, kw_only=True, validator=v.boolean)
    uncertain: bool = attrs.field(default=False, kw_only=True, validator=v.boolean)

    @value.validator
    def _check_value(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, date):
            v.fail(self, attribute, "must be a date or a datetime", value, wrong_type=True)
        zone = value.tzinfo if isinstance(value, datetime) else None
        if zone is not None and not isinstance(zone, timezone):
            v.fail(
                self,
                attribute,
                "must have a fixed UTC offset (a datetime.timezone) or no zone; named zones are not supported yet",
                value,
                "convert it with value.replace(tzinfo=timezone(value.utcoffset()))",
            )
        offset = value.utcoffset() if isinstance(value, datetime) else None
        if offset is not None and offset % timedelta(minutes=1):
            v.fail(self, attribute, "has a time zone offset that is not a whole number of minutes", value)

    @precision.validator
    def _check_precision(self, attribute: attrs.Attribute[Any], precision: object) -> None:
        v.member_of(Precision)(self, attribute, precision)
        assert isinstance(precision, Precision)
        is_datetime = isinstance(self.value, datetime)
        if precision.is_date and is_datetime:
            v.fail(
                self,
                attribute,
                f"{precision.value} precision needs a date, not a datetime",
                self.value,
                "pass the date part, e.g. value.date()",
            )
        if not precision.is_date and not is_datetime:
            v.fail(self, attribute, f"{precision.value} precision needs a datetime, not a date", self.value)
        if not _truncated(self.value, precision):
            v.fail(
                self,
                "value",
                f"has digits finer than its {precision.value} precision",
                self.value,
                "truncate the value to its precision, or give a finer precision",
            )

    # -- reading ---------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> When:
        """
        Read an ISO 8601 / EDTF date or date-time.

        Accepts ``"2022"``, ``"2022-03"``, ``"2022-03-27"``, date-times from
        the hour down to the microsecond (``"2022-03-27T14:05"``,
        ``"2022-03-27T14:05:00+03:00"``, ``"...T14:05:00.250Z"``), and an EDTF
        qualifier at the end: ``~`` approximate, ``?`` uncertain, ``%`` both.

        Raises:
            InvalidValueError: For text that is none of these, naming it.
            InvalidTypeError: For anything that is not a string.

        """
        if not isinstance(text, str):
            raise InvalidTypeError("needs a string", cls="When", field="parse()", value=text)
        if len(text) > MAX_TEXT_LENGTH:
            raise InvalidValueError(
                f"is longer than {MAX_TEXT_LENGTH} characters, too long for a date or a date-time",
                cls="When",
                value=text,
            )
        match = _PATTERN.fullmatch(text)
        if match is None:
            raise InvalidValueError(
                "is not an ISO 8601 / EDTF date or date-time",
                cls="When",
                value=text,
                fix="write it like '2022', '2022-03', '2022-03-27' or '2022-03-27T14:05:00+03:00'",
            )
        parts = match.groupdict()
        qualifier = parts["qualifier"] or ""
        flags = {
            "approximate": qualifier in "~%" and bool(qualifier),
            "uncertain": qualifier in "?%" and bool(qualifier),
        }
        try:
            if parts["hour"] is None:
                year = int(parts["year"])
                month = int(parts["month"] or 1)
                day = int(parts["day"] or 1)
                precision = (
                    Precision.DAY if parts["day"] else Precision.MONTH if parts["month"] else Precision.YEAR
                )
                return cls(date(year, month, day), precision, **flags)
            fraction = parts["fraction"]
            if fraction is not None and len(fraction) not in _FRACTION_PRECISION:
                raise InvalidValueError(
                    "gives a fraction of a second with neither 3 nor 6 digits",
                    cls="When",
                    value=text,
                    fix="write milliseconds (.250) or microseconds (.250000)",
                )
            body = text[: len(text) - len(qualifier)]
            value = datetime.fromisoformat(body)
        except ValueError as error:
            if isinstance(error, InvalidValueError):
                raise
            raise InvalidValueError(
                f"is not a valid date or date-time ({error})", cls="When", value=text
            ) from None
        precision = (
            _FRACTION_PRECISION[len(fraction)]
            if fraction is not None
            else Precision.SECOND
            if parts["second"]
            else Precision.MINUTE
            if parts["minute"]
            else Precision.HOUR
        )
        return cls(value, precision, **flags)

    # -- writing ---------------------------------------------------------------

    def __str__(self) -> str:
        value = self.value
        precision = self.precision
        if precision is Precision.YEAR:
            body = f"{value.year:04d}"
        elif precision is Precision.MONTH:
            body = f"{value.year:04d}-{value.month:02d}"
        elif precision is Precision.DAY:
            body = value.isoformat()
        else:
            assert isinstance(value, datetime)
            spec = {
                Precision.HOUR: "hours",
                Precision.MINUTE: "minutes",
                Precision.SECOND: "seconds",
                Precision.MILLISECOND: "milliseconds",
                Precision.MICROSECOND: "microseconds",
            }[precision]
            body = value.isoformat(timespec=spec)
            if value.utcoffset() == timedelta(0) and isinstance(value.tzinfo, timezone):
                body = body.removesuffix("+00:00") + "Z"
        return body + _QUALIFIERS[(self.approximate, self.uncertain)]

    def __repr__(self) -> str:
        return f"When.parse({str(self)!r})"

    def _key(self) -> tuple[object, ...]:
        zone = self.value.tzinfo if isinstance(self.value, datetime) else None
        return (str(self), _zone_key(zone))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    # -- bounds ----------------------------------------------------------------

    @property
    def lower(self) -> datetime:
        """
        The earliest instant the value admits, as a datetime (zone-less for a
        date).
        """
        value = self.value
        if isinstance(value, datetime):
            return value
        return datetime.combine(value, time())

    @property
    def upper(self) -> datetime:
        """
        The latest instant the value admits, to the microsecond: the last
        microsecond of the year, month, day, hour, ... it names.
        """
        value = self.value
        precision = self.precision
        if precision is Precision.YEAR:
            return datetime.combine(date(value.year, 12, 31), time.max)
        if precision is Precision.MONTH:
            last_day = calendar.monthrange(value.year, value.month)[1]
            return datetime.combine(value.replace(day=last_day), time.max)
        if precision is Precision.DAY:
            return datetime.combine(value, time.max)
        assert isinstance(value, datetime)
        step = {
            Precision.HOUR: timedelta(hours=1),
            Precision.MINUTE: timedelta(minutes=1),
            Precision.SECOND: timedelta(seconds=1),
            Precision.MILLISECOND: timedelta(milliseconds=1),
            Precision.MICROSECOND: timedelta(microseconds=1),
        }[precision]
        return value + (step - timedelta(microseconds=1))  # never past datetime.max
