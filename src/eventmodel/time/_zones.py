"""
Time zones as the time layer reads them: IANA names, UTC offsets, and the
few zone abbreviations that stand for one offset only.
"""

from __future__ import annotations

import functools
import zoneinfo
from datetime import timedelta, timezone
from types import MappingProxyType
from typing import Any, Final

from dateutil import tz

__all__ = ["MAX_OFFSET", "ZONE_ABBREVIATIONS", "format_offset", "gettz", "offset_zone"]

#: The widest UTC offset a date-time may have (Python's ``timezone`` takes less than a day).
MAX_OFFSET: Final = timedelta(hours=24)


def _hours(hours: int, minutes: int = 0) -> timedelta:
    sign = -1 if hours < 0 else 1
    return timedelta(hours=hours, minutes=sign * minutes)


#: The zone abbreviations :meth:`When.parse_human <eventmodel.When.parse_human>` reads, with
#: the UTC offset each stands for. Each is used for this one offset only, at every date, by
#: every zone of the IANA time zone database that uses it (and UT, Z for UTC). Any other
#: abbreviation (CST, IST, BST, PST, PDT, ...: each means several offsets) is refused.
ZONE_ABBREVIATIONS: Final = MappingProxyType(
    {
        "UTC": _hours(0),
        "UT": _hours(0),
        "GMT": _hours(0),
        "Z": _hours(0),
        "EST": _hours(-5),
        "EDT": _hours(-4),
        "MDT": _hours(-6),
        "AKST": _hours(-9),
        "AKDT": _hours(-8),
        "ADT": _hours(-3),
        "SST": _hours(-11),
        "WAT": _hours(1),
        "CET": _hours(1),
        "CEST": _hours(2),
        "EET": _hours(2),
        "CAT": _hours(2),
        "EEST": _hours(3),
        "EAT": _hours(3),
        "IDT": _hours(3),
        "PKT": _hours(5),
        "WIB": _hours(7),
        "WITA": _hours(8),
        "AWST": _hours(8),
        "HKT": _hours(8),
        "WIT": _hours(9),
        "JST": _hours(9),
        "AEST": _hours(10),
        "ACDT": _hours(10, 30),
        "AEDT": _hours(11),
        "NZDT": _hours(13),
    }
)


def format_offset(offset: timedelta | None) -> str:
    """*offset* as ISO 8601 writes it: ``+03:00``, ``-04:56:02`` (seconds only when there are some)."""
    if offset is None:
        return "none"
    sign = "-" if offset < timedelta(0) else "+"
    seconds = int(abs(offset).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def offset_zone(offset: timedelta) -> timezone | None:
    """The fixed zone of *offset*; ``None`` when it is a day or more from UTC."""
    if not -MAX_OFFSET < offset < MAX_OFFSET:
        return None
    return timezone(offset)


@functools.cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def gettz(name: str) -> Any:
    """The zone of an IANA name; ``None`` for anything else ("localtime", "GMT+3", "JST-9")."""
    if name not in _zone_names() or name in ("localtime", "posixrules"):  # these depend on the machine
        return None
    return tz.gettz(name)
