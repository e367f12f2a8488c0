"""
Precision: how much of a time a source gave.
"""

from __future__ import annotations

from typing import Final

from eventmodel.core import _validation as v

__all__ = ["Precision"]


class Precision(v.ModelEnum):
    """
    How much of a time a source gave: ``"2022-03"`` has month precision,
    ``"201X"`` decade precision.

    .. versionadded:: 0.1.0
    """

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    #: An EDTF season (``2022-21`` is spring 2022): three months.
    SEASON = "season"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"
    #: Tenths of a second: ``14:05:00.5``.
    DECISECOND = "decisecond"
    #: Hundredths of a second: ``14:05:00.25``.
    CENTISECOND = "centisecond"
    MILLISECOND = "millisecond"
    MICROSECOND = "microsecond"

    @property
    def is_date(self) -> bool:
        """True for day precision and coarser: the value is a :class:`~datetime.date`."""
        return self in _DATE_PRECISIONS


_DATE_PRECISIONS: Final = frozenset(
    {Precision.CENTURY, Precision.DECADE, Precision.YEAR, Precision.SEASON, Precision.MONTH, Precision.DAY}
)
