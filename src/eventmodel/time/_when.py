"""
When: a time as a source states it.

A :class:`When` is one of three things:

- a :class:`Moment`: one date or date-time at the precision the source gave
  (``2022``, ``2022-03``, ``2022-03-27``, ``2022-03-27T14:05+03:00``);
- an :class:`Interval` between two moments, either end of which may be open
  ("since 2022-02-24") or unknown;
- a :class:`Relative` time: the words a source used ("on Sunday", "a day
  after the speech") with what they are relative to, and the absolute time
  they resolve to once that is known.

The text form of moments and intervals is EDTF (ISO 8601-2) levels 0 and 1,
extended with RFC 9557 zone names (``2022-03-27T14:05:00+03:00[Europe/Kyiv]``).
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, Final, TypedDict

import attrs

from eventmodel.core import _validation as v
from eventmodel.exceptions import NO_VALUE, InvalidTypeError, InvalidValueError

from ._human import read_human
from ._precision import Precision
from ._zones import format_offset, gettz

__all__ = ["Interval", "Moment", "Precision", "TimeRelation", "When"]

#: The longest text :meth:`When.parse` reads.
MAX_TEXT_LENGTH: Final = 256

#: The longest words a relative time keeps.
MAX_RELATIVE_TEXT: Final = 200

#: The offset of a time written "+00:00": a local offset known to be zero, which
#: RFC 9557 tells from "Z" (the time in UTC, the local offset not said).
ZERO_OFFSET: Final = timezone(timedelta(0), "+00:00")

#: How far a zone-less time may lie from UTC: the widest zone offsets in use.
ZONE_SPREAD: Final = timedelta(hours=14)

_MOMENT: Final = re.compile(
    r"""
    (?:
        (?P<year>[0-9]{4})
        (?:-(?P<month>[0-9]{2}|XX)
            (?:-(?P<day>[0-9]{2}|XX)
                (?:T(?P<hour>[0-9]{2})
                    (?::(?P<minute>[0-9]{2})
                        (?::(?P<second>[0-9]{2})(?:\.(?P<fraction>[0-9]+))?)?
                    )?
                    (?P<offset>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?
                    (?:\[(?P<zone>[A-Za-z0-9_+\-/]{1,64})\])?
                )?
            )?
        )?
      | (?P<decade>[0-9]{3})X
      | (?P<century>[0-9]{2})XX
    )
    (?P<qualifier>[~?%])?
    """,
    re.VERBOSE | re.ASCII,
)
_LEVEL_2: Final = re.compile(
    r"[~?%][0-9X-]|[0-9]X[0-9]|X-|^X|\{|\[[0-9.]|\^|S[0-9]|E[0-9]|^[0-9]{4}-(?:2[5-9]|[3-4][0-9])$",
    re.ASCII,
)
#: Years that EDTF writes but Python's datetime cannot hold.
_OUT_OF_RANGE: Final = re.compile(r"Y-?[0-9]+|-[0-9]{4}.*|0000.*", re.ASCII)
_QUALIFIERS: Final = {(False, False): "", (True, False): "~", (False, True): "?", (True, True): "%"}
_SEASONS: Final = {21: 3, 22: 6, 23: 9, 24: 12}
_SEASON_CODES: Final = {month: code for code, month in _SEASONS.items()}


_FRACTION_PRECISION: Final = {
    1: Precision.DECISECOND,
    2: Precision.CENTISECOND,
    3: Precision.MILLISECOND,
    6: Precision.MICROSECOND,
}
#: The digits of a second's fraction that each sub-second precision writes.
_FRACTION_DIGITS: Final = {precision: digits for digits, precision in _FRACTION_PRECISION.items()}
_STEPS: Final = {
    Precision.HOUR: timedelta(hours=1),
    Precision.MINUTE: timedelta(minutes=1),
    Precision.SECOND: timedelta(seconds=1),
    Precision.DECISECOND: timedelta(milliseconds=100),
    Precision.CENTISECOND: timedelta(milliseconds=10),
    Precision.MILLISECOND: timedelta(milliseconds=1),
    Precision.MICROSECOND: timedelta(microseconds=1),
}
_TIMESPEC: Final = {Precision.HOUR: "hours", Precision.MINUTE: "minutes"}


class TimeRelation(v.ModelEnum):
    """
    How two times relate, judged on their bounds: one is ``BEFORE`` or
    ``AFTER`` the other only when it certainly is; otherwise they
    ``OVERLAP``: they may share an instant (this includes times with an open
    or unknown end, and relative times not yet resolved).

    .. versionadded:: 0.1.0
    """

    BEFORE = "before"
    OVERLAPS = "overlaps"
    AFTER = "after"


def _fail_parse(reason: str, text: object, fix: str | None = None) -> InvalidValueError:
    return InvalidValueError(reason, cls="When", field="parse()", value=text, fix=fix)


def _parse_text(text: str) -> Moment | Interval:
    """The body of :meth:`When.parse`."""
    if not isinstance(text, str):
        raise InvalidTypeError("needs a string", cls="When", field="parse()", value=text)
    if len(text) > MAX_TEXT_LENGTH:
        raise _fail_parse(
            f"is longer than {MAX_TEXT_LENGTH} characters, too long for a date or a date-time", text
        )
    if "/" not in text:  # the common case, without a scan
        return Moment._parse(text, text)
    slashes = _interval_slashes(text)
    if slashes:
        return Interval._parse(text, slashes)
    return Moment._parse(text, text)


#: When.parse's results for the texts read most recently, as models to copy.
_parse_cached: Final = functools.lru_cache(maxsize=4096)(_parse_text)


#: The fields of each class _fresh copies, read from attrs on first use.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _fresh(when: Moment | Interval) -> Moment | Interval:
    """
    A new object equal to *when*, field for field: each parse returns a new
    object, as without the cache. The fields were checked when *when* was made,
    and are immutable, so they are shared.
    """
    cls = when.__class__
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    copied = object.__new__(cls)
    for name in names:
        object.__setattr__(copied, name, getattr(when, name))
    return copied


class When:
    """
    A time as a source states it: a :class:`Moment`, an :class:`Interval`
    or a :class:`Relative` time. Read one from EDTF text with :meth:`parse`.

    Every When has a :attr:`lower` and an :attr:`upper` bound: the earliest
    and the latest instant it admits, or ``None`` where it sets no bound (an
    open or unknown end, a relative time not yet resolved). Comparisons
    respect the bounds: :meth:`is_before` is true only when this time
    certainly ends before the other begins.

    A zone-less time ("2022-03-27") is compared with another zone-less time
    as if both were in the same zone. Against a time with a zone, a zone-less
    one may lie anywhere from UTC-14:00 to UTC+14:00, so its bounds widen by
    14 hours each way for that comparison: "2022-03-27" is certainly before
    "2022-03-28T15:00Z", but it is not certainly before "2022-03-28T10:00Z".

    .. versionadded:: 0.1.0
    """

    __slots__ = ()

    # -- reading ------------------------------------------------------------------

    @staticmethod
    def parse(text: str) -> Moment | Interval:
        """
        Read EDTF (ISO 8601-2) levels 0 and 1.

        ==============================  ========================================
        text                            meaning
        ==============================  ========================================
        ``2022``, ``2022-03``,          a year, a month, a day
        ``2022-03-27``
        ``2022-03-27T14:05:00+03:00``   a date-time, with or without a zone;
                                        hours, minutes, seconds, milliseconds
                                        or microseconds
        ``...+03:00[Europe/Kyiv]``      with the zone's name (RFC 9557)
        ``2022-21`` ... ``2022-24``     spring, summer, autumn, winter 2022
        ``201X``, ``20XX``              a decade, a century
        ``2022-03-XX``, ``2022-XX``     a day (month) not given: read as
                                        month (year) precision
        ``2022-03~``, ``2022-03?``,     approximate, uncertain, both
        ``2022-03%``
        ``2022-02-24/2022-03-27``       an interval
        ``2022-02-24/..``, ``../2022``  an open end: "since", "until"
        ``2022-02-24/``, ``/2022``      an unknown end
        ==============================  ========================================

        Raises:
            InvalidValueError: Naming the text and what is wrong with it.
            InvalidTypeError: For anything that is not a string.

        """
        if text.__class__ is str:  # times repeat: each text is read once, and its result copied
            return _fresh(_parse_cached(text))
        return _parse_text(text)

    @staticmethod
    def parse_human(
        text: str,
        *,
        day_first: bool | None = None,
        year_first: bool | None = None,
        year: int | None = None,
        zone: str | None = None,
    ) -> Moment:
        """
        Read a date as people write it ("27 March 2022", "03/04/2022") with
        ``dateutil.parser``, guessing nothing: see
        ``eventmodel.time._human.read_human`` for the policy and its arguments.

        Raises:
            InvalidValueError: For unreadable, ambiguous or contradictory text,
                a zone abbreviation that stands for more than one offset, and
                arguments out of range.

        .. versionchanged:: 0.1.0
           *year_first*: short year-first dates ("22/03/04") are refused
           unless it is given.

        """
        value, precision, zone = read_human(
            text, day_first=day_first, year_first=year_first, year=year, zone=zone
        )
        return Moment(value, precision, zone=zone)

    # -- equality ------------------------------------------------------------------------

    def _key(self) -> object:
        raise NotImplementedError  # pragma: no cover - every subclass defines it

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._key() == other._key())

    def __hash__(self) -> int:
        return hash(self._key())

    # -- bounds and relations -----------------------------------------------------------

    @property
    def lower(self) -> datetime | None:
        """The earliest instant this time admits, or ``None`` for no bound."""
        raise NotImplementedError  # pragma: no cover - every subclass defines it

    @property
    def upper(self) -> datetime | None:
        """The latest instant this time admits (to the microsecond), or ``None`` for no bound."""
        raise NotImplementedError  # pragma: no cover - every subclass defines it

    def is_before(self, other: When) -> bool:
        """True when this time certainly ends before *other* begins."""
        return _certainly_before(self.upper, _when_arg(other, "is_before()").lower)

    def is_after(self, other: When) -> bool:
        """True when this time certainly begins after *other* ends."""
        return _certainly_before(_when_arg(other, "is_after()").upper, self.lower)

    def relation(self, other: When) -> TimeRelation:
        """
        :attr:`TimeRelation.BEFORE`, :attr:`~TimeRelation.AFTER`, or
        :attr:`~TimeRelation.OVERLAPS` when neither is certain.
        """
        _when_arg(other, "relation()")
        if self.is_before(other):
            return TimeRelation.BEFORE
        if self.is_after(other):
            return TimeRelation.AFTER
        return TimeRelation.OVERLAPS

    def admits(self, instant: datetime) -> bool:
        """
        True when *instant* may lie within this time (between its bounds, with
        the zone rule of the class docstring for zone-less values).
        """
        if not isinstance(instant, datetime):
            raise InvalidTypeError(
                "needs a datetime", cls=type(self).__name__, field="admits()", value=instant
            )
        point = Moment(instant, Precision.MICROSECOND) if instant.utcoffset() is None else _instant(instant)
        return self.relation(point) is TimeRelation.OVERLAPS

    def sort_key(self) -> tuple[datetime, datetime, str]:
        """
        A key for sorting times by their bounds (lower, then upper), with no
        bound sorting first for lower and last for upper. Zone-less bounds
        are taken as UTC for the key alone.
        """
        return (
            _key_point(self.lower, datetime.min),
            _key_point(self.upper, datetime.max),
            str(self),
        )


def _when_arg(other: object, method: str) -> When:
    if not isinstance(other, When):
        raise InvalidTypeError("needs a When to compare with", cls="When", field=method, value=other)
    return other


def _interval_slashes(text: str) -> list[int]:
    """The positions of the slashes that separate interval ends (not those in zone names)."""
    positions, depth = [], 0
    for index, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "/" and depth == 0:
            positions.append(index)
    return positions


def _instant(value: datetime) -> Moment:
    offset = value.utcoffset()
    assert offset is not None
    return Moment(value.replace(tzinfo=timezone(offset)), Precision.MICROSECOND)


def _key_point(value: datetime | None, missing: datetime) -> datetime:
    if value is None:
        return missing.replace(tzinfo=UTC)
    if value.utcoffset() is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # within a day of the first or last date Python holds
        return (datetime.min if value.year == 1 else datetime.max).replace(tzinfo=UTC)


def _shift(value: datetime, delta: timedelta) -> datetime | None:
    """*value* moved by *delta*, or ``None`` (no bound) past the ends of the calendar."""
    try:
        return value + delta
    except OverflowError:
        return None


def _certainly_before(end: datetime | None, start: datetime | None) -> bool:
    """Whether an end bound lies certainly before a start bound."""
    if end is None or start is None:
        return False
    end_naive = end.utcoffset() is None
    start_naive = start.utcoffset() is None
    if end_naive == start_naive:
        return end < start
    if end_naive:
        widened = _shift(end, ZONE_SPREAD)
        return widened is not None and widened.replace(tzinfo=UTC) < start
    widened = _shift(start, -ZONE_SPREAD)
    return widened is not None and end < widened.replace(tzinfo=UTC)


# -- Moment ----------------------------------------------------------------------------


class _Flags(TypedDict):
    approximate: bool
    uncertain: bool


def _precision(value: Precision | str | None) -> Precision | None:
    return v.coerce_enum(Precision, value)  # type: ignore[no-any-return]


_is_precision: Final = v.member_of(Precision)


def _default_precision(inst: Moment) -> Precision:
    value = inst.value
    if isinstance(value, datetime):
        return Precision.SECOND if value.microsecond == 0 else Precision.MICROSECOND
    return Precision.DAY


def _truncated(value: date, precision: Precision) -> bool:
    """Whether *value* has no digits finer than *precision*."""
    if precision in _STEPS:
        assert isinstance(value, datetime)
        micro = value.microsecond
        if precision is Precision.HOUR:
            return value.minute == value.second == micro == 0
        if precision is Precision.MINUTE:
            return value.second == micro == 0
        if precision is Precision.SECOND:
            return micro == 0
        return bool(micro % 10 ** (6 - _FRACTION_DIGITS[precision]) == 0)
    if precision is Precision.DAY:
        return True
    if precision is Precision.MONTH:
        return value.day == 1
    if precision is Precision.SEASON:
        return value.day == 1 and value.month in _SEASON_CODES
    first_of_year = value.month == value.day == 1
    if precision is Precision.YEAR:
        return first_of_year
    if precision is Precision.DECADE:
        return first_of_year and value.year % 10 == 0
    return first_of_year and value.year % 100 == 0


@attrs.frozen(eq=False)
class Moment(When):
    """
    One date or date-time as a source gave it, with its precision.

    ``value`` is a :class:`~datetime.date` for day precision and coarser, and
    a :class:`~datetime.datetime` for finer ones. A date-time has no zone, or
    a fixed UTC offset (a :class:`datetime.timezone`), and may name its IANA
    zone in ``zone``; the offset must be the zone's offset at that moment.
    The value carries no digits finer than its precision: ``"2022-03"`` is
    ``Moment(date(2022, 3, 1), Precision.MONTH)``.

    Two moments are equal when they say the same thing: ``14:00+03:00`` and
    ``11:00Z`` are one instant stated two ways, and not equal. Use
    :meth:`When.relation` to compare instants. As RFC 9557 reads them,
    ``+00:00`` says the local offset is zero and ``Z`` only that the time is
    in UTC: a value at ``datetime.timezone.utc`` is written ``Z``, one at
    ``timezone(timedelta(0), "+00:00")`` (what ``+00:00`` parses to)
    ``+00:00``.

    Args:
        value: The date or date-time.
        precision: How much of *value* is known; by default day for a date,
            second (or microsecond) for a date-time.
        approximate: The source says "about" (EDTF ``~``).
        uncertain: The source is unsure (EDTF ``?``).
        zone: The IANA time zone the source gave, such as ``"Europe/Kyiv"``.

    Raises:
        InvalidValueError: For a value with digits finer than its precision, a
            date with a time precision or the reverse, a named tzinfo, an
            offset the zone does not have, or an unknown zone.

    .. versionadded:: 0.1.0

    """

    value: date = attrs.field()
    precision: Precision = attrs.field(
        default=attrs.Factory(_default_precision, takes_self=True), converter=_precision
    )
    approximate: bool = attrs.field(default=False, kw_only=True, validator=v.boolean)
    uncertain: bool = attrs.field(default=False, kw_only=True, validator=v.boolean)
    zone: str | None = attrs.field(default=None, kw_only=True, validator=v.optional_text)

    @value.validator
    def _check_value(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, date):
            v.fail(self, attribute, "must be a date or a datetime", value, wrong_type=True)
        zone = value.tzinfo if isinstance(value, datetime) else None
        if zone is not None and not isinstance(zone, timezone):
            v.fail(
                self,
                attribute,
                "must have a fixed UTC offset (a datetime.timezone) or no zone; give a zone's name in 'zone'",
                value,
                "use Moment.of(value), which keeps a ZoneInfo's name, or pass "
                "value.replace(tzinfo=timezone(value.utcoffset())) and zone='Europe/Kyiv'",
            )
        offset = value.utcoffset() if isinstance(value, datetime) else None
        if offset is not None and offset % timedelta(minutes=1):
            v.fail(self, attribute, "has a time zone offset that is not a whole number of minutes", value)

    @precision.validator
    def _check_precision(self, attribute: attrs.Attribute[Any], precision: object) -> None:
        _is_precision(self, attribute, precision)
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
        if precision is Precision.SEASON and self.value.year == 9999 and self.value.month == 12:
            v.fail(
                self, "value", "is a winter that ends after the year 9999, past what can be held", self.value
            )

    @zone.validator
    def _check_zone(self, attribute: attrs.Attribute[Any], zone: object) -> None:
        if zone is None:
            return
        value = self.value
        if not isinstance(value, datetime) or value.utcoffset() is None:
            v.fail(
                self, attribute, "needs a date-time with a UTC offset", zone, "give the offset too: +03:00"
            )
        named = gettz(str(zone))
        if named is None:
            v.fail(
                self,
                attribute,
                "is not a time zone name known here",
                zone,
                "use an IANA name such as 'Europe/Kyiv'",
            )
        try:
            expected = value.astimezone(named).utcoffset()  # the zone's offset at that instant
        except OverflowError:  # the instant in UTC is before the year 1 or after 9999
            v.fail(
                self,
                "value",
                "is, in UTC, outside the years 1 to 9999, which is all that Python's datetime can hold",
                value,
                "check the date and the offset",
            )
        if expected != value.utcoffset():
            v.fail(
                self,
                attribute,
                f"is at offset {format_offset(expected)} on {value.replace(tzinfo=None).isoformat()}, "
                f"not at the {format_offset(value.utcoffset())} given",
                zone,
                "check the offset or the zone name; nothing is converted",
            )

    def __repr__(self) -> str:
        return f"When.parse({str(self)!r})"

    @classmethod
    def of(cls, value: date, precision: Precision | str | None = None) -> Moment:
        """
        A moment from a date or a datetime in any zone: a datetime with a
        :class:`zoneinfo.ZoneInfo` keeps the zone's name, one with a fixed
        offset keeps the offset.

        Raises:
            InvalidValueError: For a tzinfo with no IANA name to keep.

        """
        zone: str | None = None
        if (
            isinstance(value, datetime)
            and value.tzinfo is not None
            and not isinstance(value.tzinfo, timezone)
        ):
            zone = getattr(value.tzinfo, "key", None)
            offset = value.utcoffset()
            if zone is None or offset is None:
                raise InvalidValueError(
                    "has a time zone whose IANA name is not known",
                    cls="Moment",
                    field="of()",
                    value=value,
                    fix="use zoneinfo.ZoneInfo('Europe/Kyiv'), or a fixed timezone offset",
                )
            value = value.replace(tzinfo=timezone(offset))
        if precision is None:
            return cls(value, zone=zone)
        return cls(value, precision, zone=zone)

    @classmethod
    def _trusted(cls, value: date, precision: Precision, flags: _Flags) -> Moment:
        """
        A moment built from parts the parser has already checked (types,
        precision, whole-minute offsets), without running the validators
        again: parsing is a hot path. Zones and seasons still go through the
        constructor.
        """
        moment = object.__new__(cls)
        set_field = object.__setattr__
        set_field(moment, "value", value)
        set_field(moment, "precision", precision)
        set_field(moment, "approximate", flags["approximate"])
        set_field(moment, "uncertain", flags["uncertain"])
        set_field(moment, "zone", None)
        return moment

    @classmethod
    def _parse(cls, text: str, whole: str) -> Moment:
        match = _MOMENT.fullmatch(text)
        if match is None:
            if _OUT_OF_RANGE.fullmatch(text):
                raise _fail_parse(
                    "is outside the years 1 to 9999, which is all that Python's datetime can hold",
                    whole,
                )
            if _LEVEL_2.search(text):
                raise _fail_parse(
                    "uses EDTF level 2, which is not supported",
                    whole,
                    "qualify the whole date ('2022-03-27%') and use X only for a whole component",
                )
            raise _fail_parse(
                "is not an EDTF date or date-time",
                whole,
                "write it like '2022', '2022-03', '2022-03-27' or '2022-03-27T14:05:00+03:00'",
            )
        parts = match
        qualifier = parts["qualifier"] or ""
        flags = _Flags(approximate=qualifier in ("~", "%"), uncertain=qualifier in ("?", "%"))
        try:
            if parts["decade"] is not None:
                return cls._trusted(date(int(parts["decade"]) * 10, 1, 1), Precision.DECADE, flags)
            if parts["century"] is not None:
                return cls._trusted(date(int(parts["century"]) * 100, 1, 1), Precision.CENTURY, flags)
            if parts["hour"] is None:
                return cls._parse_date(parts, flags, whole)
            return cls._parse_datetime(text[: len(text) - len(qualifier)], parts, flags, whole)
        except ValueError as error:
            if isinstance(error, InvalidValueError):
                if error.cls == "When":
                    raise
                raise _fail_parse(error.reason, whole, error.fix) from None
            raise _fail_parse(f"is not a valid date or date-time ({error})", whole) from None

    @classmethod
    def _parse_date(cls, parts: re.Match[str], flags: _Flags, whole: str) -> Moment:
        year = int(str(parts["year"]))
        month, day = parts["month"], parts["day"]
        if month == "XX":
            if day not in (None, "XX"):
                raise _fail_parse("gives a day but not its month", whole, "write 'XX' for the day too")
            return cls._trusted(date(year, 1, 1), Precision.YEAR, flags)
        if month is None:
            return cls._trusted(date(year, 1, 1), Precision.YEAR, flags)
        month_number = int(month)
        if month_number in _SEASONS:
            if day is not None:
                raise _fail_parse("gives a day in a season", whole)
            return cls(date(year, _SEASONS[month_number], 1), Precision.SEASON, **flags)
        if day is None or day == "XX":
            return cls._trusted(date(year, month_number, 1), Precision.MONTH, flags)
        return cls._trusted(date(year, month_number, int(day)), Precision.DAY, flags)

    @classmethod
    def _parse_datetime(cls, body: str, parts: re.Match[str], flags: _Flags, whole: str) -> Moment:
        fraction = parts["fraction"]
        if fraction is not None and len(fraction) not in _FRACTION_PRECISION:
            raise _fail_parse(
                "gives a fraction of a second with 4, 5 or more than 6 digits",
                whole,
                "write 1, 2 or 3 digits, or microseconds (.250000)",
            )
        zone = parts["zone"]
        if zone is not None:
            if parts["offset"] is None:
                raise _fail_parse(
                    "names a time zone but gives no UTC offset",
                    whole,
                    "give the offset before the name, as RFC 9557 does: 2022-03-27T14:05:00+03:00[Europe/Kyiv]",
                )
            body = body[: body.index("[")]
        value = datetime.fromisoformat(body)
        offset = parts["offset"]
        if offset is not None and offset.startswith("+") and value.utcoffset() == timedelta(0):
            # RFC 9557: "+00:00" says the local offset is zero, "Z" (and "-00:00") only that the time is UTC.
            value = value.replace(tzinfo=ZERO_OFFSET)
        precision = (
            _FRACTION_PRECISION[len(fraction)]
            if fraction is not None
            else Precision.SECOND
            if parts["second"]
            else Precision.MINUTE
            if parts["minute"]
            else Precision.HOUR
        )
        if zone is not None:
            return cls(value, precision, zone=zone, **flags)
        return cls._trusted(value, precision, flags)

    # -- writing ------------------------------------------------------------------------

    def __str__(self) -> str:
        value, precision = self.value, self.precision
        if precision is Precision.CENTURY:
            body = f"{value.year // 100:02d}XX"
        elif precision is Precision.DECADE:
            body = f"{value.year // 10:03d}X"
        elif precision is Precision.YEAR:
            body = f"{value.year:04d}"
        elif precision is Precision.SEASON:
            body = f"{value.year:04d}-{_SEASON_CODES[value.month]}"
        elif precision is Precision.MONTH:
            body = f"{value.year:04d}-{value.month:02d}"
        elif precision is Precision.DAY:
            body = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        else:
            assert isinstance(value, datetime)
            if precision in _TIMESPEC:
                body = value.isoformat(timespec=_TIMESPEC[precision])
            else:
                body = value.isoformat(timespec="seconds")
                digits = _FRACTION_DIGITS.get(precision)
                if digits is not None:  # 2022-03-27T14:05:00 is 19 characters
                    body = f"{body[:19]}.{value.microsecond:06d}"[: 20 + digits] + body[19:]
            if (
                self.zone is None
                and value.utcoffset() == timedelta(0)
                and value.tzname() != ZERO_OFFSET.tzname(None)
            ):
                body = body.removesuffix("+00:00") + "Z"
            if self.zone is not None:
                body += f"[{self.zone}]"
        return body + _QUALIFIERS[(self.approximate, self.uncertain)]

    def _key(self) -> str:
        return str(self)

    # -- bounds -------------------------------------------------------------------------

    @property
    def lower(self) -> datetime:
        """The earliest instant the moment admits (zone-less for a date)."""
        value = self.value
        if isinstance(value, datetime):
            return value
        return datetime.combine(value, time())

    @property
    def upper(self) -> datetime:
        """The last microsecond of the year, month, day, ... the moment names."""
        value, precision = self.value, self.precision
        if precision in _STEPS:
            assert isinstance(value, datetime)
            return value + (_STEPS[precision] - timedelta(microseconds=1))  # never past datetime.max
        if precision is Precision.DAY:
            last = value
        elif precision is Precision.MONTH:
            last = value.replace(day=calendar.monthrange(value.year, value.month)[1])
        elif precision is Precision.SEASON:
            end_year, end_month = (value.year + 1, 2) if value.month == 12 else (value.year, value.month + 2)
            last = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
        elif precision is Precision.YEAR:
            last = date(value.year, 12, 31)
        elif precision is Precision.DECADE:
            last = date(value.year + 9, 12, 31)
        else:
            last = date(min(value.year + 99, 9999), 12, 31)
        return datetime.combine(last, time.max)


# -- Interval -------------------------------------------------------------------------


def _optional_moment(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Moment):
        v.fail(inst, attribute, "must be a Moment or None", value, wrong_type=True)


def _end_text(moment: Moment | None, is_open: bool) -> str:
    if moment is not None:
        return str(moment)
    return ".." if is_open else ""


@attrs.frozen(eq=False)
class Interval(When):
    """
    The time between two moments, both included. Either end may be missing:
    *open* ("since 2022-02-24": it goes on) or *unknown* (the source did not
    say).

    Build one with :meth:`between`, :meth:`since` or :meth:`until`, or read
    it with :meth:`When.parse` (``"2022-02-24/2022-03-27"``,
    ``"2022-02-24/.."``, ``"2022-02-24/"``).

    Args:
        start: The first moment, or ``None``.
        end: The last moment, or ``None``.
        start_open: With no start: it reaches back without limit (``..``).
            Otherwise a missing start is unknown.
        end_open: With no end: it goes on (``..``). Otherwise a missing end
            is unknown.

    Raises:
        InvalidValueError: For an interval that certainly ends before it
            starts, an open end that has a moment, or no moment at all.

    .. versionadded:: 0.1.0

    """

    start: Moment | None = attrs.field(validator=_optional_moment)
    end: Moment | None = attrs.field(validator=_optional_moment)
    start_open: bool = attrs.field(default=False, kw_only=True, validator=v.boolean)
    end_open: bool = attrs.field(default=False, kw_only=True, validator=v.boolean)

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if start is None and end is None:
            v.fail(self, "start", "needs a start or an end", NO_VALUE, "give at least one moment")
        if start is not None and self.start_open:
            v.fail(self, "start_open", "cannot be set with a start", True)
        if end is not None and self.end_open:
            v.fail(self, "end_open", "cannot be set with an end", True)
        if start is not None and end is not None and start.is_after(end):
            v.fail(self, "end", f"is before the start ({start})", end)

    def __repr__(self) -> str:
        return f"When.parse({str(self)!r})"

    @classmethod
    def between(cls, start: Moment, end: Moment) -> Interval:
        """From *start* to *end*, both included."""
        return cls(start, end)

    @classmethod
    def since(cls, start: Moment) -> Interval:
        """From *start* on, with an open end: EDTF ``start/..``."""
        return cls(start, None, end_open=True)

    @classmethod
    def until(cls, end: Moment) -> Interval:
        """Up to *end*, with an open start: EDTF ``../end``."""
        return cls(None, end, start_open=True)

    @classmethod
    def _parse(cls, text: str, slashes: list[int]) -> Interval:
        if len(slashes) != 1:
            raise _fail_parse("has more than one '/'", text, "write one interval: start/end")
        head, tail = text[: slashes[0]], text[slashes[0] + 1 :]
        if head in ("", "..") and tail in ("", ".."):
            raise _fail_parse("has no date at either end", text)
        start = None if head in ("", "..") else Moment._parse(head, text)
        end = None if tail in ("", "..") else Moment._parse(tail, text)
        if start is not None and end is not None and start.is_after(end):
            raise _fail_parse("ends before it starts", text, "write the earlier date first")
        return cls(start, end, start_open=head == "..", end_open=tail == "..")

    def __str__(self) -> str:
        return f"{_end_text(self.start, self.start_open)}/{_end_text(self.end, self.end_open)}"

    def _key(self) -> str:
        return str(self)

    @property
    def lower(self) -> datetime | None:
        """The start's lower bound; ``None`` for an open or unknown start."""
        return None if self.start is None else self.start.lower

    @property
    def upper(self) -> datetime | None:
        """The end's upper bound; ``None`` for an open or unknown end."""
        return None if self.end is None else self.end.upper
