"""
Hypothesis strategies that build valid eventmodel objects.

Use them to test code that consumes eventmodel objects::

    from hypothesis import given
    from eventmodel.testing import claims

    @given(claims())
    def test_my_exporter_handles_every_claim(claim):
        my_exporter(claim)

Every strategy draws only valid objects: each one builds through the public
constructors, so whatever they draw, the model accepts. Text includes astral
characters and combining marks; numbers include negative zero, tiny and huge
exponents and trailing zeros; times include zones and every precision.

This module needs Hypothesis: ``pip install "eventmodel[testing]"``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from dateutil import tz

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        'eventmodel.testing requires Hypothesis; install it with: pip install "eventmodel[testing]"'
    ) from error

from .core._frozen import FrozenDict
from .core._validation import _ID
from .core._validation import sound_text as _sound_text
from .dossier._dossier import Dossier
from .exceptions import InvalidTypeError
from .model import _fields as fields
from .model._actor import Actor, ActorKind, Affiliation
from .model._claim import Claim, ClaimRelation, Mood, SpeechAct
from .model._confidence import ADMIRALTY_CREDIBILITY, ESTIMATIVE_WORDS, Confidence, Reliability
from .model._event import Event, Link, Participant, Proposition
from .model._evidence import Evidence, TextQuote, TextSpan
from .model._factuality import _VALID as _FACTUALITY_CODES
from .model._factuality import Factuality
from .model._fields import kind_of as _kind_of
from .model._ids import AUTO
from .model._place import GeoPoint, Place
from .model._quantity import Quantity
from .model._source import DerivationKind, Source, SourceKind
from .time._anchor import Anchor
from .time._grammar import WEEK_STARTS
from .time._relative import Relative
from .time._when import Interval, Moment, Precision, When

__all__ = [
    "actors",
    "affiliations",
    "claims",
    "confidences",
    "dossiers",
    "events",
    "evidence",
    "factualities",
    "geo_points",
    "ids",
    "intervals",
    "model_objects",
    "moments",
    "participants",
    "places",
    "propositions",
    "quantities",
    "relatives",
    "sources",
    "strategy_for",
    "text_quotes",
    "text_spans",
    "texts",
    "whens",
]


def texts(*, min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[str]:
    """
    Unicode text as the model accepts it: any characters but lone
    surrogates, astral characters and combining marks included.
    """
    return st.text(st.characters(codec="utf-8"), min_size=min_size, max_size=max_size)


def ids(prefix: str | None = None) -> st.SearchStrategy[str]:
    """
    Ids: compact ``kind:name`` ids, and now and then any text the model
    accepts as an id (no white space or control characters).
    """
    head = st.just(prefix) if prefix is not None else st.sampled_from(["actor", "src", "event", "claim", "x"])
    compact = st.builds("{}:{}".format, head, st.from_regex(r"[a-z0-9][a-z0-9._~-]{0,23}", fullmatch=True))
    loose = texts(max_size=30).filter(_ID.fullmatch)
    return st.one_of(compact, compact, loose) if prefix is None else compact


def _decimals(
    min_value: Decimal | None = None, max_value: Decimal | None = None
) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=min_value, max_value=max_value, allow_nan=False, allow_infinity=False, places=None
    )


def quantities() -> st.SearchStrategy[Quantity]:
    """Exact, approximate, bounded and half-bounded quantities, with and without units."""
    numbers = st.one_of(
        st.integers(-(10**12), 10**12).map(Decimal),
        _decimals(),
        st.sampled_from([Decimal("2"), Decimal("2.0"), Decimal("-0"), Decimal("1E+3"), Decimal("16600")]),
    )
    units = st.none() | st.sampled_from(["personnel", "tanks", "km", "USD"]) | texts(max_size=10)

    @st.composite
    def build(draw: st.DrawFn) -> Quantity:
        unit = draw(units)
        approximate = draw(st.booleans())
        shape = draw(st.sampled_from(["value", "lower", "upper", "between", "all"]))
        a, b, c = sorted((draw(numbers), draw(numbers), draw(numbers)))
        if shape == "value":
            return Quantity(a, unit=unit, approximate=approximate)
        if shape == "lower":
            return Quantity.at_least(a, unit=unit, approximate=approximate)
        if shape == "upper":
            return Quantity.at_most(a, unit=unit, approximate=approximate)
        if shape == "between":
            return Quantity.between(a, c, unit=unit, approximate=approximate)
        return Quantity(b, lower=a, upper=c, unit=unit, approximate=approximate)

    return build()


# Naive on purpose: Hypothesis wants naive bounds. A day's margin at each end
# keeps every zone offset inside datetime's range.
_EARLIEST = datetime(1, 1, 2)  # noqa: DTZ001
_LATEST = datetime(9999, 12, 30)  # noqa: DTZ001


def _zones() -> st.SearchStrategy[timezone | None]:
    offsets = st.integers(-14 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
    return st.one_of(st.none(), st.just(UTC), offsets)


_ZONE_NAMES = ("Europe/Kyiv", "Europe/Moscow", "America/New_York", "Asia/Jerusalem", "Australia/Lord_Howe")


def moments() -> st.SearchStrategy[Moment]:
    """
    Moments at every precision from the century to the microsecond, zone-less,
    with a fixed offset or with a named zone, with EDTF qualifiers.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Moment:
        precision = draw(st.sampled_from(list(Precision)))
        approximate, uncertain = draw(st.booleans()), draw(st.booleans())
        if precision.is_date:
            day = draw(st.dates(min_value=date(100, 1, 1), max_value=date(9998, 12, 31)))
            value = {
                Precision.CENTURY: date(day.year // 100 * 100, 1, 1),
                Precision.DECADE: date(day.year // 10 * 10, 1, 1),
                Precision.YEAR: date(day.year, 1, 1),
                Precision.SEASON: date(day.year, draw(st.sampled_from([3, 6, 9, 12])), 1),
                Precision.MONTH: day.replace(day=1),
                Precision.DAY: day,
            }[precision]
            return Moment(value, precision, approximate=approximate, uncertain=uncertain)
        # Hypothesis takes naive bounds; a zone is drawn on its own.
        moment = draw(st.datetimes(min_value=_EARLIEST, max_value=_LATEST))
        zone_name = None
        if draw(st.booleans()) and 1970 <= moment.year < 2100:  # before 1970 some zones kept local mean time
            zone_name = draw(st.sampled_from(_ZONE_NAMES))
            # The zone's local time at the drawn instant, with its offset at that instant.
            local = moment.replace(tzinfo=UTC).astimezone(tz.gettz(zone_name))
            offset = local.utcoffset()
            assert offset is not None
            moment = local.replace(tzinfo=timezone(offset))
        else:
            moment = moment.replace(tzinfo=draw(_zones()))
        moment = _truncate(moment, precision)
        if zone_name is not None and moment.astimezone(tz.gettz(zone_name)).utcoffset() != moment.utcoffset():
            zone_name = None  # truncating crossed a change of offset: keep the offset alone
        return Moment(moment, precision, approximate=approximate, uncertain=uncertain, zone=zone_name)

    return build()


def _truncate(moment: datetime, precision: Precision) -> datetime:
    """*moment* without the digits finer than *precision*."""
    if precision is Precision.HOUR:
        return moment.replace(minute=0, second=0, microsecond=0)
    if precision is Precision.MINUTE:
        return moment.replace(second=0, microsecond=0)
    if precision is Precision.SECOND:
        return moment.replace(microsecond=0)
    unit = {Precision.DECISECOND: 100_000, Precision.CENTISECOND: 10_000, Precision.MILLISECOND: 1000}.get(
        precision, 1
    )
    return moment.replace(microsecond=moment.microsecond // unit * unit)


def intervals() -> st.SearchStrategy[Interval]:
    """Intervals between two moments, and with open and unknown ends."""

    @st.composite
    def build(draw: st.DrawFn) -> Interval:
        first, second = draw(moments()), draw(moments())
        if first.is_after(second):
            first, second = second, first
        shape = draw(st.sampled_from(["both", "since", "until", "unknown end", "unknown start"]))
        if shape == "since":
            return Interval.since(first)
        if shape == "until":
            return Interval.until(second)
        if shape == "unknown end":
            return Interval(first, None)
        if shape == "unknown start":
            return Interval(None, second)
        return Interval(first, second)

    return build()


_RELATIVE_WORDS = (
    "today",
    "earlier in the day",
    "yesterday",
    "on Sunday",
    "last Friday",
    "earlier this week",
    "last week",
    "December 13",
    "last month",
    "two days ago",
    "a day before",
    "since day 1 of the invasion",
)


#: Words that are plain shifts, which a relative time may also read backwards (``inverse``).
_SHIFT_WORDS = frozenset({"yesterday", "two days ago", "a day before"})


def relatives() -> st.SearchStrategy[Relative]:
    """
    Relative times, resolved (against a day, or a span of days whose first
    is uncertain) or not, to every kind of anchor, with weeks that begin on
    any day the grammar knows; plain shifts read backwards too (``inverse``).
    """
    anchors = st.one_of(
        st.sampled_from([Anchor.PUBLICATION, Anchor.MADE_AT]),
        ids("event").map(Anchor.to_event),
        ids("claim").map(Anchor.to_claim),
        ids("src").map(Anchor.to_source),
    )

    @st.composite
    def build(draw: st.DrawFn) -> Relative:
        words = draw(st.sampled_from(_RELATIVE_WORDS))
        inverse = words in _SHIFT_WORDS and draw(st.booleans())
        week_start = draw(st.sampled_from(sorted(WEEK_STARTS)))
        relative = Relative(words, draw(anchors), inverse=inverse, week_start=week_start)
        if draw(st.booleans()):
            day = draw(st.dates(min_value=date(100, 1, 1), max_value=date(9998, 12, 1)))
            at: Moment | Interval = Moment(day)
            if draw(st.booleans()):  # an anchor known only roughly: a span of days, the first in doubt
                last = day + timedelta(days=draw(st.integers(0, 9)))
                at = Interval(Moment(day, uncertain=True), Moment(last))
            relative = relative.resolve(at)
        return relative

    return build()


def whens() -> st.SearchStrategy[When]:
    """Any When: moments, intervals and relative times."""
    return st.one_of(moments(), moments(), intervals(), relatives())


def factualities() -> st.SearchStrategy[Factuality]:
    """The eight FactBank values."""
    return st.sampled_from(sorted(_FACTUALITY_CODES)).map(Factuality.parse)


def confidences() -> st.SearchStrategy[Confidence]:
    """Confidences on every scale, grade 6 (no number) included."""
    return st.one_of(
        st.integers(0, 100).map(Confidence),
        st.sampled_from(sorted(ADMIRALTY_CREDIBILITY)).map(Confidence.from_admiralty),
        st.sampled_from(sorted(ESTIMATIVE_WORDS)).map(Confidence.from_words),
    )


def geo_points() -> st.SearchStrategy[GeoPoint]:
    """Points anywhere on the Earth, with and without a precision."""
    return st.builds(
        GeoPoint,
        _decimals(Decimal(-90), Decimal(90)),
        _decimals(Decimal(-180), Decimal(180)),
        precision_m=st.none() | _decimals(Decimal(0), Decimal(10**7)),
    )


def places(*, parts: bool = True) -> st.SearchStrategy[Place]:
    """
    Places located by a name, a country, admin units, a point, a gazetteer
    id or parts (*parts*: draw places that name several areas too).

    .. versionchanged:: 0.1.0
       Draws places with parts, unless *parts* is false.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Place:
        country = draw(st.none() | st.from_regex(r"[A-Z]{2}", fullmatch=True))
        admin = tuple(draw(st.lists(texts(max_size=20), max_size=3)))
        point = draw(st.none() | geo_points())
        gazetteer_id = draw(st.none() | ids("geonames"))
        areas: tuple[Place, ...] = ()
        if parts and draw(st.integers(0, 4)) == 0:
            areas = tuple(draw(st.lists(places(parts=False), min_size=1, max_size=3)))
        located = any((country, admin, point, gazetteer_id, areas))
        name = draw(st.none() | texts() if located else texts())
        aliases = tuple(draw(st.lists(texts(max_size=20), max_size=2)))
        return Place(
            name,
            aliases=aliases,
            country=country,
            admin=admin,
            point=point,
            gazetteer_id=gazetteer_id,
            parts=areas,
        )

    return build()


def text_quotes() -> st.SearchStrategy[TextQuote]:
    """Quotes, with and without prefix and suffix (empty ones included)."""
    optional = st.none() | texts(min_size=0, max_size=20)
    return st.builds(TextQuote, texts(max_size=80), prefix=optional, suffix=optional)


def text_spans() -> st.SearchStrategy[TextSpan]:
    """Spans of one code point or more."""
    return st.builds(
        lambda start, length: TextSpan(start, start + length), st.integers(0, 10**6), st.integers(1, 500)
    )


def evidence() -> st.SearchStrategy[Evidence]:
    """Evidence with a quote, a span whose length matches it, both, or neither."""

    @st.composite
    def build(draw: st.DrawFn) -> Evidence:
        source = draw(ids("src"))
        quote = draw(st.none() | text_quotes())
        span = None
        if draw(st.booleans()):
            start = draw(st.integers(0, 10**6))
            length = len(quote.exact) if quote is not None else draw(st.integers(1, 500))
            span = TextSpan(start, start + length)
        return Evidence(source, quote=quote, span=span)

    return build()


def affiliations() -> st.SearchStrategy[Affiliation]:
    """Roles in other actors."""
    return st.builds(Affiliation, ids("actor"), st.none() | texts(), when=st.none() | whens())


def actors() -> st.SearchStrategy[Actor]:
    """Actors of every kind, with given or derived ids."""
    return st.builds(
        Actor,
        texts(),
        st.sampled_from(list(ActorKind)),
        aliases=st.lists(texts(), max_size=2).map(tuple),
        affiliations=st.lists(affiliations(), max_size=2).map(tuple),
        identifiers=st.dictionaries(texts(max_size=10), texts(), max_size=2),
        unnamed=st.booleans(),
        conditions=st.none() | texts(),
    ) | st.builds(Actor, texts(), st.sampled_from(list(ActorKind)), id=ids("actor"))


def _estimated(source: Source) -> st.SearchStrategy[Source]:
    """*source*, or, when it has a publication time, the same with that time marked as an estimate."""
    if source.published is None:
        return st.just(source)
    return st.just(source) | texts().map(lambda basis: attrs.evolve(source, published_estimate=basis))


def sources() -> st.SearchStrategy[Source]:
    """Sources of every kind, with texts, publishers, derivations and estimated publications."""
    aware = st.datetimes(min_value=_EARLIEST, max_value=_LATEST).map(
        lambda moment: moment.replace(tzinfo=UTC)
    )
    return st.builds(
        Source,
        st.sampled_from(list(SourceKind)),
        id=ids("src"),
        title=st.none() | texts(),
        publisher=st.none() | ids("actor"),
        authors=st.lists(ids("actor"), max_size=2).map(tuple),
        url=st.none() | st.from_regex(r"https://[a-z]{1,10}\.org/[a-z0-9/]{0,20}", fullmatch=True),
        published=st.none() | whens(),
        retrieved=st.none() | aware,
        language=st.none() | st.sampled_from(["en", "uk", "ru", "pt-BR"]),
        reliability=st.none() | st.sampled_from(list(Reliability)),
        derived_from=st.lists(ids("src"), max_size=2).map(tuple),
        derivation=st.none() | st.sampled_from(list(DerivationKind)),
        text=st.none() | texts(min_size=0, max_size=200),
    ).flatmap(_estimated)


def participants() -> st.SearchStrategy[Participant]:
    """Actors in roles, and participants the source does not name (``None``)."""
    return st.builds(
        Participant, st.none() | ids("actor"), st.sampled_from(["agent", "target", "victim"]) | texts()
    )


def _names() -> st.SearchStrategy[str]:
    return st.sampled_from(["personnel", "tanks", "boats"]) | texts(max_size=12)


def events() -> st.SearchStrategy[Event]:
    """Events with times, places, participants, quantities and details."""
    kinds = st.from_regex(r"[a-z][a-z0-9_-]{0,10}(\.[a-z][a-z0-9_-]{0,10}){0,2}", fullmatch=True)
    fields = {
        "when": st.none() | whens(),
        "where": st.none() | places(),
        "participants": st.lists(participants(), max_size=3).map(tuple),
        "description": st.none() | texts(),
        "quantities": st.dictionaries(_names(), quantities(), max_size=3),
        "details": st.dictionaries(_names(), texts(min_size=0), max_size=2),
    }
    return st.builds(Event, kinds, **fields) | st.builds(Event, kinds, id=ids("event"), **fields)


def propositions() -> st.SearchStrategy[Proposition]:
    """Propositions, with and without ids and times; some are links between two actors."""
    plain = st.builds(
        Proposition,
        texts(max_size=80),
        id=st.none() | ids("prop"),
        when=st.none() | whens(),
        about=st.lists(ids("actor") | ids("event") | ids("claim"), max_size=2).map(tuple),
        quantities=st.dictionaries(_names(), quantities(), max_size=2),
    )
    links = st.builds(
        Proposition,
        texts(max_size=80),
        id=st.none() | ids("prop"),
        when=st.none() | whens(),
        about=st.lists(ids("actor"), min_size=2, max_size=2, unique=True).map(tuple),
        link=st.sampled_from(list(Link)),
    )
    return plain | links


def _regarding(claim: Claim) -> st.SearchStrategy[Claim]:
    """The claim as drawn, or regarding another claim in one of the relations."""
    related = st.builds(
        lambda regarding, relation: attrs.evolve(claim, id=AUTO, regarding=regarding, relation=relation),
        ids("claim"),
        st.sampled_from(list(ClaimRelation)),
    )
    return st.one_of(st.just(claim), st.just(claim), related).flatmap(_role_of)


def _role_of(claim: Claim) -> st.SearchStrategy[Claim]:
    """The claim as drawn, or about one named participant's role in its event."""
    content = claim.content
    named = [] if not isinstance(content, Event) else [p.actor for p in content.participants if p.actor]
    if not named:
        return st.just(claim)
    about_role = st.sampled_from(named).map(lambda actor: attrs.evolve(claim, id=AUTO, role_of=actor))
    return st.one_of(st.just(claim), about_role)


def claims(*, max_depth: int = 3) -> st.SearchStrategy[Claim]:
    """
    Claims about events and propositions, nested up to *max_depth* claims
    deep (reported speech), unattributed ones (``claimant=None``) included.
    """
    leaves: st.SearchStrategy[Event | Proposition | Claim] = st.one_of(events(), propositions())

    def claim_of(content: st.SearchStrategy[Event | Proposition | Claim]) -> st.SearchStrategy[Claim]:
        return st.builds(
            Claim,
            st.none() | ids("actor"),
            content,
            speech_act=st.sampled_from(list(SpeechAct)),
            factuality=factualities(),
            confidence=st.none() | confidences(),
            made_at=st.none() | whens(),
            evidence=st.lists(evidence(), max_size=2).map(tuple),
            setting=st.none() | ids("event"),
            supersedes=st.lists(ids("claim"), max_size=1).map(tuple),
            retracts=st.lists(ids("claim"), max_size=1).map(tuple),
            mood=st.sampled_from(list(Mood)),
        ).flatmap(_regarding)

    strategy = claim_of(leaves)
    for _ in range(max_depth - 1):
        strategy = claim_of(st.one_of(leaves, strategy))
    return strategy


def dossiers(*, max_size: int = 5) -> st.SearchStrategy[Dossier]:
    """
    Dossiers of up to *max_size* actors, sources and claims with distinct
    ids; their references need not name objects the dossier holds.

    .. versionadded:: 0.1.0
    """
    members = st.one_of(actors(), sources(), claims())
    return st.lists(members, max_size=max_size, unique_by=lambda obj: obj.id).map(Dossier)


def model_objects() -> st.SearchStrategy[object]:
    """Any model object: actors, sources, events, propositions, claims and their parts."""
    return st.one_of(
        actors(),
        sources(),
        events(),
        propositions(),
        claims(max_depth=2),
        affiliations(),
        participants(),
        places(),
        geo_points(),
        quantities(),
        whens(),
        factualities(),
        confidences(),
        evidence(),
        text_quotes(),
        text_spans(),
    )


T = TypeVar("T")

_BY_CLASS: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Actor: actors,
    Affiliation: affiliations,
    Source: sources,
    Claim: claims,
    Event: events,
    Proposition: propositions,
    Participant: participants,
    Place: places,
    GeoPoint: geo_points,
    Quantity: quantities,
    Confidence: confidences,
    Evidence: evidence,
    TextQuote: text_quotes,
    TextSpan: text_spans,
    Moment: moments,
    Interval: intervals,
    Relative: relatives,
    When: whens,
    Factuality: factualities,
}


def strategy_for(cls: type[T]) -> st.SearchStrategy[T]:
    """
    The strategy that draws objects of the model class *cls*: for a built-in
    class, the one above (``strategy_for(Claim)`` is ``claims()``); for any
    other attrs class, such as a registered custom type, one made from its
    fields' kinds (see :mod:`eventmodel.fields`), each field drawn as its
    kind allows and fields with defaults now and then left out.

    Raises:
        InvalidTypeError: For a class that is not an attrs class, or one
            with a field that no kind describes and that has no default.

    .. versionadded:: 0.1.0

    """
    make = _BY_CLASS.get(cls)
    if make is not None:
        return make()
    if not attrs.has(cls):
        raise InvalidTypeError(
            "has no strategy for this class",
            cls="eventmodel.testing",
            field="strategy_for()",
            value=cls,
            fix="build one with hypothesis.strategies.builds(...) from the strategies here",
        )
    return _from_kinds(cls)


def _from_kinds(cls: type[Any]) -> st.SearchStrategy[Any]:
    """
    The strategy of an attrs class whose fields are described by kinds. A
    subclass of a built-in class starts from an object of that class, drawn
    by its strategy above (which keeps the rules across its fields), and adds
    its own fields.
    """
    hints = typing.get_type_hints(cls)
    base = next((parent for parent in cls.__mro__[1:] if parent in _BY_CLASS), None)
    inherited = {field.name for field in attrs.fields(base)} if base is not None else set()
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        if not field.init or field.name in inherited or isinstance(_kind_of(field), fields.Extras):
            continue
        kind = _kind_of(field)
        if kind is None or isinstance(kind, fields.Id):
            if field.default is attrs.NOTHING:
                raise InvalidTypeError(
                    f"has no strategy for {cls.__name__}.{field.name}, which no field kind describes",
                    cls="eventmodel.testing",
                    field="strategy_for()",
                    value=cls,
                    fix="describe the field with a kind from eventmodel.fields, or give it a default",
                )
            continue  # left to its default; an id is derived
        strategy = _for_kind(kind, hints.get(field.name, Any))
        (required if field.default is attrs.NOTHING else optional)[field.alias] = strategy
    base_strategy: st.SearchStrategy[Any] = strategy_for(base) if base is not None else st.none()

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        arguments: dict[str, Any] = {}
        drawn = draw(base_strategy)
        if drawn is not None:
            for field in attrs.fields(type(drawn)):
                if field.init and field.name != "id":  # the subclass derives its own id
                    arguments[field.alias] = getattr(drawn, field.name)
        arguments.update({name: draw(strategy) for name, strategy in required.items()})
        for name, strategy in optional.items():
            if draw(st.booleans()):
                arguments[name] = draw(strategy)
        return cls(**arguments)

    return build()


def _for_kind(kind: fields.Kind, hint: Any) -> st.SearchStrategy[Any]:
    """Values of a field of *kind*, annotated *hint*."""
    if isinstance(kind, fields.OptionalId):
        return st.none() | ids()
    if isinstance(kind, fields.Text):
        text = texts(min_size=0 if kind.empty else 1)
        return st.none() | text if kind.optional else text
    if isinstance(kind, fields.Texts):
        return st.lists(texts(max_size=20), max_size=3).map(tuple)
    if isinstance(kind, fields.Pattern):
        pattern = st.from_regex(kind.pattern, fullmatch=True).filter(
            lambda text: bool(text) and _sound_text(text)
        )
        return st.none() | pattern if kind.optional else pattern
    if isinstance(kind, fields.Ref):
        return st.none() | ids() if kind.optional else ids()
    if isinstance(kind, fields.Refs):
        return st.lists(ids(), max_size=2).map(tuple)
    if isinstance(kind, fields.TupleOf):
        return st.lists(strategy_for(kind.item), max_size=2).map(tuple)
    if isinstance(kind, fields.MappingOf):
        item = texts(min_size=0 if kind.empty else 1) if kind.item is str else strategy_for(kind.item)
        return st.dictionaries(_names(), item, max_size=2).map(FrozenDict)
    if isinstance(kind, fields.Instance):
        return st.none() | strategy_for(kind.cls)
    if isinstance(kind, fields.Member):
        members = st.sampled_from(list(kind.enum))
        return st.none() | members if kind.optional else members
    if isinstance(kind, fields.Flag):
        return st.booleans()
    if isinstance(kind, fields.WholeNumber):
        return st.integers(kind.minimum, kind.maximum)
    if isinstance(kind, fields.Percent):
        return st.none() | st.integers(0, 100)
    if isinstance(kind, fields.Number):
        return st.none() | _decimals()
    if isinstance(kind, fields.Coordinate):
        return _decimals(Decimal(-kind.limit), Decimal(kind.limit))
    if isinstance(kind, fields.NonNegative):
        return st.none() | _decimals(Decimal(0))
    if isinstance(kind, fields.AwareDatetime):
        return st.none() | st.datetimes(timezones=st.just(UTC))
    if isinstance(kind, fields.FactualityCode):
        return factualities()
    if isinstance(kind, fields.ClaimContent):
        return st.one_of(events(), propositions())
    raise InvalidTypeError(
        "has no strategy for this field kind",
        cls="eventmodel.testing",
        field="strategy_for()",
        value=kind,
        fix="build the strategy with hypothesis.strategies.builds(...)",
    )
