"""
A small English grammar that resolves the words of relative times.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

import attrs
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from eventmodel.exceptions import InvalidTypeError, InvalidValueError

from ._when import Interval, Moment, Precision, When

__all__ = ["is_known", "resolve_relative"]


# -- the grammar ----------------------------------------------------------------------

_WEEKDAYS: Final[dict[str, weekday]] = {
    "monday": MO,
    "tuesday": TU,
    "wednesday": WE,
    "thursday": TH,
    "friday": FR,
    "saturday": SA,
    "sunday": SU,
}
_NUMBERS: Final = {
    "a": 1,
    "an": 1,
    "one": 1,
    "a couple of": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_NUMBER: Final = r"(?P<n>\d{1,4}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_UNIT: Final = r"(?P<unit>day|week|month|year)s?"
_WEEKDAY: Final = r"(?P<weekday>" + "|".join(_WEEKDAYS) + ")"
_PERIOD: Final = r"(?P<period>week|month|year)"
_MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH: Final = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_OF_MONTH: Final = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_NAMED_DAY: Final = r"(?:(?P<named>" + "|".join(_WEEKDAYS) + r"),? )?"
#: The first day of the week each name gives; ISO 8601 weeks begin on Monday.
WEEK_STARTS: Final[dict[str, weekday]] = {
    "monday": MO,
    "sunday": SU,
    "saturday": SA,
}


def _day(day: date) -> Moment:
    return Moment(day, Precision.DAY)


def _count(match: re.Match[str]) -> int:
    word = match.group("n")
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _shifted(day: date, unit: str, amount: int) -> Moment:
    delta = {
        "day": relativedelta(days=amount),
        "week": relativedelta(weeks=amount),
        "month": relativedelta(months=amount),
        "year": relativedelta(years=amount),
    }[unit]
    target = day + delta
    if unit == "month":
        return Moment(target.replace(day=1), Precision.MONTH)
    if unit == "year":
        return Moment(date(target.year, 1, 1), Precision.YEAR)
    return _day(target)


def _period(day: date, period: str, offset: int, first: weekday) -> When:
    """The whole week (from its *first* day), month or year *offset* periods from *day*'s."""
    if period == "week":
        start = day + relativedelta(weekday=first(-1), weeks=offset)
        return Interval(_day(start), _day(start + timedelta(days=6)))
    if period == "month":
        month = day.replace(day=1) + relativedelta(months=offset)
        return Moment(month, Precision.MONTH)
    return Moment(date(day.year + offset, 1, 1), Precision.YEAR)


def _part_of_period(day: date, period: str, earlier: bool, first: weekday) -> Interval:
    """From the start of *day*'s period to *day* (earlier), or from *day* to its end."""
    whole = _period(day, period, 0, first)
    start = whole.lower.date() if whole.lower is not None else day
    end = whole.upper.date() if whole.upper is not None else day
    return Interval(_day(start), _day(day)) if earlier else Interval(_day(day), _day(end))


def _since_or_until(match: re.Match[str], at: Moment, since: bool) -> Interval:
    rest = match.group("rest").strip()
    if rest[:1].isdigit() or rest.startswith(".."):  # a date, which must then read as one
        try:
            moment = When.parse(rest)
        except InvalidValueError as error:
            raise InvalidValueError(
                f"names a date that cannot be read: {error.reason}",
                cls="Relative",
                field="text",
                value=match.string,
                fix="write the date in EDTF, such as 'since 2022-02-24', or name the anchor in words",
            ) from None
        if not isinstance(moment, Moment):
            raise InvalidValueError(
                "names an interval where a date belongs", cls="Relative", field="text", value=match.string
            )
        point = moment
    else:
        point = at
    return Interval.since(point) if since else Interval.until(point)


def _anchor_time(at: When, text: str) -> Moment | Interval:
    """The anchor's absolute time: *at*, or the time a relative *at* resolved to."""
    if isinstance(at, (Moment, Interval)):
        return at
    resolved: When | None = getattr(at, "resolved", None)  # a Relative: the time it resolved to, once known
    if resolved is None:
        raise InvalidValueError(
            "cannot be resolved against a relative time that is not resolved itself",
            cls="Relative",
            field="text",
            value=text,
            fix="resolve the anchor's time first",
        )
    assert isinstance(resolved, (Moment, Interval))
    return resolved


def _anchor_day(at: Moment, text: str) -> date:
    if at.precision.is_date and at.precision is not Precision.DAY:
        raise InvalidValueError(
            f"needs an anchor time at day precision or finer, but the anchor is {at}",
            cls="Relative",
            field="text",
            value=text,
            fix="give the anchor a day, or resolve the words by hand",
        )
    value = at.value
    return date(value.year, value.month, value.day)


def _anchor_year(at: Moment, text: str) -> int:
    if at.precision in (Precision.CENTURY, Precision.DECADE):
        raise InvalidValueError(
            f"needs an anchor time at year precision or finer, but the anchor is {at}",
            cls="Relative",
            field="text",
            value=text,
            fix="give the anchor a year, or resolve the words by hand",
        )
    return at.value.year


#: A rule: the words it matched, one moment of the anchor, and the first day of the week.
_Resolve = Callable[[re.Match[str], Moment, weekday], When]

_RULES: Final[list[tuple[re.Pattern[str], _Resolve]]] = []


def _rule(
    pattern: str,
) -> Callable[[_Resolve], _Resolve]:
    def register(resolve: _Resolve) -> _Resolve:
        _RULES.append((re.compile(pattern, re.IGNORECASE | re.ASCII), resolve))
        return resolve

    return register


@_rule(
    r"(?:(?:earlier|later) )?today|(?:earlier|later) (?:in the|that|the same) day|(?:on )?(?:that|the same) day"
    r"|this (?:morning|afternoon|evening)|tonight"
)
def _today(match: re.Match[str], at: Moment, first: weekday) -> When:
    return _day(_anchor_day(at, match.string))


@_rule(r"(?P<word>yesterday|tomorrow)")
def _yesterday(match: re.Match[str], at: Moment, first: weekday) -> When:
    step = -1 if match.group("word").lower() == "yesterday" else 1
    return _day(_anchor_day(at, match.string) + timedelta(days=step))


@_rule(r"(?:(?:earlier|later) )?(?:on )?(?:this )?" + _WEEKDAY)
def _on_weekday(match: re.Match[str], at: Moment, first: weekday) -> When:
    day = _anchor_day(at, match.string)
    return _day(day + relativedelta(weekday=_WEEKDAYS[match.group("weekday").lower()](-1)))


@_rule(r"(?:on )?(?P<which>last|next) " + _WEEKDAY)
def _last_or_next_weekday(match: re.Match[str], at: Moment, first: weekday) -> When:
    day = _anchor_day(at, match.string)
    wanted = _WEEKDAYS[match.group("weekday").lower()]
    if match.group("which").lower() == "last":
        return _day(day - timedelta(days=1) + relativedelta(weekday=wanted(-1)))
    return _day(day + timedelta(days=1) + relativedelta(weekday=wanted(+1)))


@_rule(r"(?P<which>earlier|later) this " + _PERIOD)
def _part_of_this(match: re.Match[str], at: Moment, first: weekday) -> When:
    day = _anchor_day(at, match.string)
    return _part_of_period(
        day, match.group("period").lower(), match.group("which").lower() == "earlier", first
    )


@_rule(r"(?P<which>this|last|next) " + _PERIOD)
def _whole_period(match: re.Match[str], at: Moment, first: weekday) -> When:
    offset = {"this": 0, "last": -1, "next": 1}[match.group("which").lower()]
    return _period(_anchor_day(at, match.string), match.group("period").lower(), offset, first)


@_rule(_NUMBER + " " + _UNIT + " ago")
def _ago(match: re.Match[str], at: Moment, first: weekday) -> When:
    return _shifted(_anchor_day(at, match.string), match.group("unit").lower(), -_count(match))


@_rule(r"(?:the )?" + _NUMBER + " " + _UNIT + r" (?P<direction>after|later|before|earlier)(?: .*)?")
def _after_or_before(match: re.Match[str], at: Moment, first: weekday) -> When:
    sign = 1 if match.group("direction").lower() in ("after", "later") else -1
    return _shifted(_anchor_day(at, match.string), match.group("unit").lower(), sign * _count(match))


@_rule(r"(?:the )?(?P<word>day|week) (?P<direction>after|before)(?: .*)?")
def _the_day_after(match: re.Match[str], at: Moment, first: weekday) -> When:
    sign = 1 if match.group("direction").lower() == "after" else -1
    return _shifted(_anchor_day(at, match.string), match.group("word").lower(), sign)


@_rule(r"(?:ever )?since(?P<rest>(?: .*)?)")
def _since(match: re.Match[str], at: Moment, first: weekday) -> When:
    return _since_or_until(match, at, since=True)


@_rule(r"(?:until|till|up to)(?P<rest>(?: .*)?)")
def _until(match: re.Match[str], at: Moment, first: weekday) -> When:
    return _since_or_until(match, at, since=False)


def _now(match: re.Match[str], at: Moment | Interval, first: weekday) -> When:
    """The present: the anchor's own time, as precise as it is; an interval is kept whole."""
    return at


_rule(r"(?:right )?now|currently|at present|presently|at the moment|as things stand|as of (?:now|today)")(
    _now
)


@_rule(r"soon|shortly|before long|in (?:the )?coming (?:days|weeks)")
def _soon(match: re.Match[str], at: Moment, first: weekday) -> When:
    """A vague near future: from about the anchor's day, to an end the words do not give."""
    day = _anchor_day(at, match.string)
    return Interval(Moment(day, Precision.DAY, approximate=True), None)


@_rule(r"recently|lately|of late|in recent (?:days|weeks)")
def _recently(match: re.Match[str], at: Moment, first: weekday) -> When:
    """A vague near past: from a start the words do not give, to about the anchor's day."""
    day = _anchor_day(at, match.string)
    return Interval(None, Moment(day, Precision.DAY, approximate=True))


def _date_in_year(match: re.Match[str], year: int) -> Moment:
    month = _MONTHS[match.group("month").lower()]
    number = int(match.group("day"))
    try:
        day = date(year, month, number)
    except ValueError:
        raise InvalidValueError(
            f"names a day that {match.group('month')} {year} does not have",
            cls="Relative",
            field="text",
            value=match.string,
        ) from None
    named = match.group("named")
    if named is not None and _WEEKDAYS[named.lower()].weekday != day.weekday():
        raise InvalidValueError(
            f"names {named}, but that day in {year} is {day.strftime('%A')}",
            cls="Relative",
            field="text",
            value=match.string,
            fix="check the words, or resolve them by hand",
        )
    return _day(day)


@_rule(r"(?:on )?" + _NAMED_DAY + _MONTH + " " + _DAY_OF_MONTH)
def _month_day(match: re.Match[str], at: Moment, first: weekday) -> When:
    """A day of a month, with no year ("December 13"): in the anchor's year."""
    return _date_in_year(match, _anchor_year(at, match.string))


@_rule(r"(?:on )?" + _NAMED_DAY + r"(?:the )?" + _DAY_OF_MONTH + r" (?:of )?" + _MONTH)
def _day_month(match: re.Match[str], at: Moment, first: weekday) -> When:
    """A day of a month, with no year ("13 December", "the 13th of December"): in the anchor's year."""
    return _date_in_year(match, _anchor_year(at, match.string))


@_rule(r"in " + _MONTH)
def _in_month(match: re.Match[str], at: Moment, first: weekday) -> When:
    """A month, with no year ("in December"): in the anchor's year."""
    return Moment(
        date(_anchor_year(at, match.string), _MONTHS[match.group("month").lower()], 1), Precision.MONTH
    )


#: The rules whose words are a plain shift from the anchor, and so can be read backwards.
_SHIFTS: Final = frozenset({_after_or_before, _the_day_after, _yesterday, _ago})
_OPPOSITE: Final = {
    "after": "before",
    "before": "after",
    "later": "earlier",
    "earlier": "later",
    "yesterday": "tomorrow",
    "tomorrow": "yesterday",
}


def _backwards(match: re.Match[str], rule: _Resolve) -> str:
    """
    The words that name the anchor's time as seen from this one: "a day
    after" (the anchor is a day after this) read as "a day before".
    """
    if rule is _ago:
        return f"{match.group('n')} {match.group('unit')} later"
    group = "word" if rule is _yesterday else "direction"
    start, end = match.span(group)
    word = match.group(group)
    flipped = _OPPOSITE[word.lower()]
    return (
        match.string[:start] + (flipped.capitalize() if word[:1].isupper() else flipped) + match.string[end:]
    )


def is_known(text: str) -> bool:
    """Whether the grammar of :func:`resolve_relative` knows these words."""
    words = " ".join(text.split())
    return any(pattern.fullmatch(words) for pattern, _ in _RULES)


def _qualified(when: When, approximate: bool, uncertain: bool) -> Moment | Interval:
    """*when*, with the anchor's ``~`` and ``?`` carried onto its moments."""
    assert isinstance(when, (Moment, Interval))
    if not (approximate or uncertain):
        return when
    if isinstance(when, Moment):
        return attrs.evolve(
            when, approximate=when.approximate or approximate, uncertain=when.uncertain or uncertain
        )
    start = None if when.start is None else _qualified(when.start, approximate, uncertain)
    end = None if when.end is None else _qualified(when.end, approximate, uncertain)
    assert not isinstance(start, Interval)
    assert not isinstance(end, Interval)
    return Interval(start, end, start_open=when.start_open, end_open=when.end_open)


def _at_moment(rule: _Resolve, match: re.Match[str], at: Moment, first: weekday) -> Moment | Interval:
    """What *rule* gives against one moment, with the moment's uncertainty carried through."""
    return _qualified(rule(match, at, first), at.approximate, at.uncertain)


def _lower_end(when: Moment | Interval) -> tuple[Moment | None, bool]:
    return (when, False) if isinstance(when, Moment) else (when.start, when.start_open)


def _upper_end(when: Moment | Interval) -> tuple[Moment | None, bool]:
    return (when, False) if isinstance(when, Moment) else (when.end, when.end_open)


def _known(when: Moment | Interval | None) -> Moment | Interval:
    assert when is not None
    return when


def _across(rule: _Resolve, match: re.Match[str], at: Interval, first: weekday) -> Moment | Interval:
    """
    What *rule* gives against an anchor known only as an interval: the same
    against both ends, or else from the earliest it can be (against the
    start) to the latest (against the end). A missing end of the anchor
    leaves that end of the result unknown, unless the words already reach
    without limit there ("since ...").
    """
    early = None if at.start is None else _at_moment(rule, match, at.start, first)
    late = None if at.end is None else _at_moment(rule, match, at.end, first)
    if early is not None and early == late:
        return early
    # The interval has a start or an end, so at least one of the two is known.
    start, start_open = _lower_end(early) if early is not None else (None, _lower_end(_known(late))[1])
    end, end_open = _upper_end(late) if late is not None else (None, _upper_end(_known(early))[1])
    if start is None and end is None:
        raise InvalidValueError(
            f"cannot be resolved against {at}: with an end of the anchor missing, the words bound the time nowhere",
            cls="Relative",
            field="text",
            value=match.string,
            fix="give the anchor both ends, or resolve the words by hand",
        )
    return Interval(start, end, start_open=start is None and start_open, end_open=end is None and end_open)


def _week_start(value: object) -> weekday:
    if not isinstance(value, str) or value not in WEEK_STARTS:
        raise InvalidValueError(
            "is not a first day of the week eventmodel knows",
            cls="Relative",
            field="week_start",
            value=value,
            fix="use 'monday' (ISO 8601), 'sunday' or 'saturday'",
        )
    return WEEK_STARTS[value]


def resolve_relative(
    text: str, at: When, *, inverse: bool = False, week_start: str = "monday"
) -> Moment | Interval:
    """
    Resolve the words of a relative time against *at*, the time of what they
    are relative to. Weeks run from Monday to Sunday (ISO 8601), unless
    *week_start* says they begin on ``"sunday"`` (as in the United States)
    or ``"saturday"``: "last week", said on Sunday 19 December 2021, is 6 to
    12 December from Monday, but 12 to 18 December, the week just ending,
    from Sunday.

    An anchor known only as an interval (a publication dated "2021-12-13/
    2021-12-19") is read at both ends: when the words give the same time
    against either, that is the time; otherwise the result runs from what
    they give against the start to what they give against the end, so that
    nothing is cut to the anchor's first day. The anchor's ``~`` and ``?``
    are carried onto the result.

    With *inverse*, the words say where the anchor lies as seen from the
    time being resolved, and are read backwards: Blinken spoke "a day after"
    Biden's speech dates the speech from Blinken's day, as a day before it.
    Only plain shifts can be read so ("N days/weeks/months/years
    after/before/later/earlier", "the day/week after/before", "yesterday",
    "tomorrow", "N ... ago").

    ======================================  ====================================
    words (case and spacing do not matter)  resolves to
    ======================================  ====================================
    today, earlier/later today,             the anchor's day
    earlier/later in the day, earlier/
    later that day (the same day), (on)
    that day, this morning/afternoon/
    evening, tonight
    yesterday, tomorrow                     the day before, after
    (on) Sunday, (on) this Sunday,          the latest Sunday on or before the
    earlier/later (on) Sunday               anchor's day
    last Sunday, next Sunday                the Sunday before (after) the
                                            anchor's day, never that day
    earlier this week/month/year            from the period's first day to the
                                            anchor's day
    later this week/month/year              from the anchor's day to the
                                            period's last day
    this/last/next week                     Monday to Sunday of that week
    this/last/next month, year              that month, year
    N days/weeks ago                        that day (N: digits or "a", "one"
                                            to "twelve", "a couple of")
    N months/years ago                      that month, year
    N days/weeks/... after/later,           N units after (before) the anchor;
    before/earlier (...)                    words may follow ("a day after the
                                            speech")
    the day/week after/before (...)         one day (week) after (before)
    since/ever since <EDTF date>,           from that date on (open end)
    until/till/up to <EDTF date>            up to that date (open start)
    since/until <other words>               from (up to) the anchor's time:
                                            "since day 1 of the invasion"
    now, right now, currently, at present,  the anchor's own time, as precise
    presently, at the moment, as things     as it is
    stand, as of now, as of today
    soon, shortly, before long, in (the)    from about the anchor's day to an
    coming days/weeks                       unknown end: ``2022-03-27~/``
    recently, lately, of late, in recent    from an unknown start to about the
    days/weeks                              anchor's day: ``/2022-03-27~``
    (on) December 13, (on) 13 December,     that day in the anchor's year (a
    the 13th of December, Monday,           year is enough); a weekday that
    December 13, Dec. 13                    does not match is an error
    in December                             that month in the anchor's year
    ======================================  ====================================

    The vague words give an interval with one end unknown (not open: the
    words say it ends, not when) and the anchor's day marked approximate
    (``~``), since "soon" and "recently" say only that the time lies near
    it.

    Raises:
        InvalidValueError: Naming the words when the grammar does not know
            them (nothing is guessed), or when the anchor's time is too coarse
            for them.

    .. versionadded:: 0.1.0

    """
    if not isinstance(text, str):
        raise InvalidTypeError("needs the words as a string", cls="Relative", field="text", value=text)
    if not isinstance(at, When):
        raise InvalidTypeError(
            "needs the anchor's time as a When", cls="Relative", field="resolve()", value=at
        )
    first = _week_start(week_start)
    words = " ".join(text.split())
    for pattern, resolve in _RULES:
        match = pattern.fullmatch(words)
        if match is not None and inverse:
            if resolve not in _SHIFTS:
                raise InvalidValueError(
                    "cannot be read backwards: only a plain shift such as 'a day after' or 'two weeks "
                    "earlier' says where the anchor lies as seen from the time it dates",
                    cls="Relative",
                    field="text",
                    value=text,
                    fix="date the time from its anchor with words that do (inverse=False), or resolve it by hand",
                )
            return resolve_relative(_backwards(match, resolve), at, week_start=week_start)
        if match is not None:
            anchor = _anchor_time(at, text)
            try:
                if resolve is _now:  # the anchor's own time, whole
                    result: When = _now(match, anchor, first)
                elif isinstance(anchor, Moment):
                    result = _at_moment(resolve, match, anchor, first)
                else:
                    result = _across(resolve, match, anchor, first)
            except (OverflowError, ValueError) as error:
                if isinstance(error, InvalidValueError):
                    raise
                raise InvalidValueError(
                    f"resolves to a date outside the years 1 to 9999 against {at}",
                    cls="Relative",
                    field="text",
                    value=text,
                ) from None
            assert isinstance(result, (Moment, Interval))
            return result
    raise InvalidValueError(
        "is not a relative time expression eventmodel knows",
        cls="Relative",
        field="text",
        value=text,
        fix="use one of the expressions listed for resolve_relative(), or leave the time unresolved",
    )
