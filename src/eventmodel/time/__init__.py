"""
The time layer: fuzzy, partial and relative times as sources state them.

Builds on :mod:`eventmodel.core` only. :mod:`eventmodel.time._when` holds
:class:`~eventmodel.When` and its absolute kinds, :mod:`._relative` the
relative kind, :mod:`._grammar` the words it understands, :mod:`._human`
lenient reading of dates as people write them.
"""

from __future__ import annotations

from ._anchor import Anchor, AnchorKind
from ._grammar import is_known, resolve_relative
from ._precision import Precision
from ._relative import Relative
from ._when import MAX_RELATIVE_TEXT, MAX_TEXT_LENGTH, ZONE_SPREAD, Interval, Moment, TimeRelation, When

__all__ = [
    "MAX_RELATIVE_TEXT",
    "MAX_TEXT_LENGTH",
    "ZONE_SPREAD",
    "Anchor",
    "AnchorKind",
    "Interval",
    "Moment",
    "Precision",
    "Relative",
    "TimeRelation",
    "When",
    "is_known",
    "resolve_relative",
]
