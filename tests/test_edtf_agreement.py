"""
Agreement with the ``edtf`` package on the examples of the EDTF specification.

For each example, the days of eventmodel's bounds (``lower.date()``,
``upper.date()``; ``None`` for no bound) are compared with edtf's
``lower_strict()`` and ``upper_strict()`` (days; ``-inf``/``inf`` for no
bound). Where the two legitimately differ, or eventmodel refuses the text, the
example is listed in ``DIFFERENCES`` with the reason, and a test checks that
it really differs, so that the list cannot go stale.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from eventmodel import InvalidValueError, When

# Importing edtf builds its pyparsing grammar, and pyparsing warns about how that
# grammar names its results (PyparsingDiagnosticWarning). The warnings concern
# edtf's code, not eventmodel's, and are raised once, on import.
pytestmark = [
    pytest.mark.filterwarnings("ignore:warn_multiple_tokens_in_named_alternation"),
    pytest.mark.filterwarnings("ignore:warn_ungrouped_named_tokens_in_collection"),
]

# Examples of the Library of Congress EDTF specification (2019, ISO 8601-2 based),
# levels 0 and 1, on which eventmodel and edtf agree.
SPECIFICATION = [
    # Level 0: dates
    "1985-04-12",
    "1985-04",
    "1985",
    # Level 0: date and time (local, UTC, hour shift, hour and minute shift)
    "1985-04-12T23:20:30",
    "1985-04-12T23:20:30Z",
    "1985-04-12T23:20:30-04",
    "1985-04-12T23:20:30+04:30",
    # Level 0: time intervals
    "1964/2008",
    "2004-06/2006-08",
    "2004-02-01/2005-02-08",
    "2004-02-01/2005-02",
    "2004-02-01/2005",
    "2005/2006-02",
    # Level 1: seasons
    "2001-21",
    # Level 1: qualification of a date (complete)
    "1984?",
    "2004-06~",
    "2004-06-11%",
    # Level 1: unspecified digits from the right
    "201X",
    "20XX",
    "2004-XX",
    "1985-04-XX",
    "1985-XX-XX",
    # Level 1: extended intervals with an open end or start (no bound on either side)
    "1985-04-12/..",
    "1985-04/..",
    "1985/..",
    "../1985-04-12",
    "../1985-04",
    "../1985",
]

# Examples of the earlier draft of the specification (EDTF 1.0, 2012), levels 0 and 1,
# written in the 2019 syntax where it changed (X for u, % for ?~, an empty end for
# "unknown", ".." for "open").
DRAFT = [
    "2001-02-03",
    "2008-12",
    "2008",
    "2001-02-03T09:30:01",
    "2004-01-01T10:10:10Z",
    "2004-01-01T10:10:10+05:00",
    "2004-06?",
    "2004-06-11?",
    "1984~",
    "1984%",
    "199X",
    "19XX",
    "1999-XX",
    "1999-01-XX",
    "1999-XX-XX",
    "2004-01-01/..",
    "1984~/2004-06",
    "1984/2004-06~",
    "1984~/2004~",
    "1984?/2004%",
    "1984-06?/2004-08?",
    "1984-06-02?/2004-08-08~",
    "2003-22",
    "2000-23",
]

AGREEMENT = SPECIFICATION + DRAFT

_UNKNOWN_END = (
    "bounds: the end is unknown; eventmodel sets no upper bound, edtf invents one 10 years after the start"
)
_UNKNOWN_START = (
    "bounds: the start is unknown; eventmodel sets no lower bound, edtf invents one 10 years before the end"
)
_WINTER = (
    "bounds: winter (code 24) is December to February for eventmodel, "
    "the year's December alone for edtf (its last day is December 31 of the same year)"
)
_PAST_DATETIME = "refused: Python's datetime holds the years 1 to 9999 only"
_LEVEL_2 = "refused: EDTF level 2, which eventmodel does not read"

DIFFERENCES = {
    # specification, level 1
    "Y170000002": _PAST_DATETIME + " (a letter-prefixed year past 9999)",
    "Y-170000002": _PAST_DATETIME + " (a letter-prefixed negative year)",
    "-1985": _PAST_DATETIME + " (a negative year)",
    "1985-04-12/": _UNKNOWN_END,
    "1985-04/": _UNKNOWN_END,
    "1985/": _UNKNOWN_END,
    "/1985-04-12": _UNKNOWN_START,
    "/1985-04": _UNKNOWN_START,
    "/1985": _UNKNOWN_START,
    # 2012 draft, levels 0 and 1
    "-0999": _PAST_DATETIME + " (a negative year)",
    "0000": _PAST_DATETIME + " (the year 0)",
    "/2006": _UNKNOWN_START,
    "2004-06-01/": _UNKNOWN_END,
    "1984-06-02?/": _UNKNOWN_END,
    "2010-24": _WINTER,
    # specification, level 2
    "2004?-06-11": _LEVEL_2 + " (group qualification)",
    "2004-06~-11": _LEVEL_2 + " (group qualification)",
    "2004-?06-?11": _LEVEL_2 + " (qualification of individual components)",
    "2004-06-~11": _LEVEL_2 + " (qualification of individual components)",
    "156X-12-25": _LEVEL_2 + " (unspecified digits within a component)",
    "15XX-12-XX": _LEVEL_2 + " (unspecified digits within a component)",
    "1560-XX-25": _LEVEL_2 + " (a day given in an unspecified month)",
    "[1667, 1668, 1670..1672]": _LEVEL_2 + " (one of a set)",
    "{1960, 1961-12}": _LEVEL_2 + " (multiple dates)",
    "Y17E7": _LEVEL_2 + " (exponential year)",
    "2001-29": _LEVEL_2 + " (hemisphere seasons, codes 25 to 32)",
    "2001-34": _LEVEL_2 + " (quarters, codes 33 to 36)",
    "2004-06-~01/2004-06-~20": _LEVEL_2 + " (an interval of qualified components)",
}

_NO_LOWER, _NO_UPPER = -math.inf, math.inf


@pytest.fixture(scope="module")
def parse_edtf() -> Callable[[str], Any]:
    edtf = pytest.importorskip("edtf")
    return edtf.parse_edtf


def _edtf_day(value: Any) -> date | float:
    if isinstance(value, float):  # edtf's -inf and inf: no bound
        return value
    return date(value.tm_year, value.tm_mon, value.tm_mday)


def _edtf_bounds(parse_edtf: Callable[[str], Any], text: str) -> tuple[date | float, date | float]:
    parsed = parse_edtf(text)
    return _edtf_day(parsed.lower_strict()), _edtf_day(parsed.upper_strict())


def _eventmodel_bounds(text: str) -> tuple[date | float, date | float]:
    when = When.parse(text)
    lower = _NO_LOWER if when.lower is None else when.lower.date()
    upper = _NO_UPPER if when.upper is None else when.upper.date()
    return lower, upper


def test_the_tables_are_big_and_apart():
    level_0_and_1 = [text for text, reason in DIFFERENCES.items() if not reason.startswith(_LEVEL_2)]
    assert len(AGREEMENT) + len(level_0_and_1) >= 40
    assert len(set(AGREEMENT)) == len(AGREEMENT)
    assert not set(AGREEMENT) & set(DIFFERENCES)
    assert all(reason.startswith(("bounds: ", "refused: ")) for reason in DIFFERENCES.values())


@pytest.mark.parametrize("text", AGREEMENT)
def test_bounds_agree_with_edtf(parse_edtf, text):
    assert _eventmodel_bounds(text) == _edtf_bounds(parse_edtf, text)


@pytest.mark.parametrize(("text", "reason"), DIFFERENCES.items(), ids=list(DIFFERENCES))
def test_listed_differences_are_real(parse_edtf, text, reason):
    parsed = parse_edtf(text)  # edtf reads every one of them
    if reason.startswith("refused: "):
        with pytest.raises(InvalidValueError):
            When.parse(text)
        return
    edtf_bounds = _edtf_day(parsed.lower_strict()), _edtf_day(parsed.upper_strict())
    assert _eventmodel_bounds(text) != edtf_bounds


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("1985-04-12/", date(1985, 4, 12), _NO_UPPER),
        ("/1985", _NO_LOWER, date(1985, 12, 31)),
        ("2010-24", date(2010, 12, 1), date(2011, 2, 28)),
        ("2011-24", date(2011, 12, 1), date(2012, 2, 29)),
    ],
)
def test_eventmodel_side_of_the_differences(text, lower, upper):
    assert _eventmodel_bounds(text) == (lower, upper)


def test_open_and_unknown_ends_have_no_bound_in_eventmodel():
    assert When.parse("1985/..").upper is None
    assert When.parse("1985/").upper is None
    assert When.parse("../1985").lower is None
    assert When.parse("/1985").lower is None
