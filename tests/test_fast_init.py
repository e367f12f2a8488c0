"""
The generated constructors of the built-in classes build what attrs' own
``__init__`` builds, and raise what it raises, for any input.
"""

from __future__ import annotations

import copy
import inspect
import pickle
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.core import _validation as em_validation
from eventmodel.model import _fields as em_fields
from eventmodel.model._fast_init import CLASSES, _InitSource, attrs_init

CLASS_IDS = [cls.__name__ for cls in CLASSES]


class Text(str):
    """A str subclass: never on a fast path, and accepted or refused as attrs' constructor does."""

    __slots__ = ()


class Fresh:
    """Stands for a value made anew for each constructor call (an iterator can be read once)."""

    def __init__(self, make: Callable[[], object], label: str) -> None:
        self.make, self.label = make, label

    def __repr__(self) -> str:
        return self.label


def _nested(depth: int) -> em.Claim:
    claim = em.Claim(None, em.Event("attack"))
    for _ in range(depth - 1):
        claim = em.Claim(None, claim)
    return claim


#: Values that are wrong, odd or unusual for one field or another.
ODD: list[object] = [
    None,
    "",
    " ",
    "a b",
    "x" * 2049,
    "\ud800",
    "caf\u00e9",
    "caf\u00e9 \ud800",
    "attack.shelling",
    "Attack",
    "actor:joe-biden",
    Text("actor:joe-biden"),
    Text("attack"),
    "UA",
    "ua",
    "https://example.org/a",
    "en",
    "pt-BR",
    "person",
    "PERSON",
    "news-article",
    "states",
    "denies",
    "A",
    "CT+",
    "ct+",
    "PRu",
    "percent",
    "admiralty",
    "words",
    "likely",
    "2",
    " 02 ",
    "16600",
    "0016600",
    "1" * 1000,
    "1" * 1001,
    "\u0663",
    "\u00b2",
    " 5",
    "1_000",
    "0.5",
    "-91",
    "NaN",
    "1e999999",
    b"bytes",
    0,
    1,
    -1,
    2,
    50,
    100,
    101,
    2**53,
    10**30,
    True,
    False,
    0.1,
    float("nan"),
    float("inf"),
    Decimal("1.50"),
    Decimal("-0"),
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("91"),
    Decimal("-181"),
    (),
    [],
    ("actor:a", "actor:b"),
    ["actor:a", "actor:b"],
    ["actor:a", "a b"],
    ["actor:a", 1],
    ("Donetsk Oblast", ""),
    ["Donetsk Oblast", "Pokrovsk Raion"],
    {},
    {"personnel": "16600"},
    {"weapon": "Tornado-S"},
    {"weapon": ""},
    {"": "x"},
    {1: "x"},
    {"note": [1, {"a": 2}]},
    {"id": "x"},
    em.FrozenDict({"weapon": "Tornado-S"}),
    em.FrozenDict(),
    {"personnel": em.Quantity(16600)},
    em.FrozenDict({"personnel": em.Quantity(16600)}),
    frozenset({"actor:a"}),
    Fresh(lambda: iter(("actor:a", "actor:b")), "iter(('actor:a', 'actor:b'))"),
    Fresh(lambda: (item for item in [em.Participant("actor:a", "agent")]), "(participant for ...)"),
    em.ActorKind.PERSON,
    em.SourceKind.VIDEO,
    em.SpeechAct.DENIES,
    em.Reliability.B,
    em.ConfidenceScale.WORDS,
    em.Factuality.parse("PR-"),
    em.Actor("Joe Biden", id="actor:joe-biden"),
    em.Source("video", id="src:a"),
    em.Event("attack", id="event:a"),
    em.Proposition("it is so"),
    _nested(2),
    _nested(em.MAX_CLAIM_DEPTH),
    _nested(em.MAX_CLAIM_DEPTH - 1),
    em.Participant("actor:a", "agent"),
    [em.Participant("actor:a", "agent")],
    (em.Participant("actor:a", "agent"), "agent"),
    em.Evidence("src:a"),
    [em.Evidence("src:a")],
    em.TextQuote("four"),
    em.TextSpan(0, 4),
    em.TextSpan(0, 5),
    em.Quantity(3),
    em.Place("Kyiv"),
    em.GeoPoint(50, 30),
    em.Confidence(70),
    em.When.parse("2022-03-27"),
    em.When.parse("2022-02-24/2022-03-27"),
    em.Affiliation("actor:us"),
    [em.Affiliation("actor:us")],
    date(2022, 3, 27),
    datetime(2022, 3, 27, 12, tzinfo=UTC),
    datetime(2022, 3, 27, 12),
    object(),
]


def _loosened(value: object) -> object:
    """*value* as callers often pass it: lists for tuples, dicts for mappings, text for enums and numbers."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, em.FrozenDict):
        return dict(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, em.Factuality):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    return value


def _arguments(obj: object) -> dict[str, object]:
    return {field.alias: getattr(obj, field.name) for field in attrs.fields(type(obj)) if field.init}


def _outcome(build: Callable[[], object]) -> tuple[str, object]:
    try:
        obj = build()
    except Exception as error:  # noqa: BLE001 - every exception is compared
        return ("raised", (type(error), _ADDRESS.sub("0x...", str(error))))
    fields = tuple((type(value), _ADDRESS.sub("0x...", repr(value))) for value in _arguments(obj).values())
    return ("built", (type(obj), fields, _ADDRESS.sub("0x...", repr(obj))))


#: Where an object's repr shows its address, which differs between the objects each call makes.
_ADDRESS = re.compile(r"0x[0-9a-f]+")


def _materialised(arguments: dict[str, object]) -> dict[str, object]:
    return {name: value.make() if isinstance(value, Fresh) else value for name, value in arguments.items()}


def assert_same(cls: type, arguments: dict[str, object]) -> None:
    """The generated constructor and attrs' build the same object, or raise the same error."""
    fast = _outcome(lambda: cls(**_materialised(arguments)))

    def original() -> object:
        obj = object.__new__(cls)
        attrs_init(cls)(obj, **_materialised(arguments))
        return obj

    slow = _outcome(original)
    assert fast == slow


def test_every_built_in_class_has_a_generated_constructor():
    for cls in CLASSES:
        assert cls.__init__ is not attrs_init(cls)
        assert cls.__init__.__qualname__ == f"{cls.__name__}.__init__"
        assert cls.__init__.__annotations__ == attrs_init(cls).__annotations__
        assert "_g_original(self, " in inspect.getsource(cls.__init__)


@pytest.mark.parametrize("cls", CLASSES, ids=CLASS_IDS)
def test_the_same_object_from_valid_arguments(cls):
    @given(testing.strategy_for(cls))
    def check(obj):
        arguments = _arguments(obj)
        assert_same(cls, arguments)
        assert cls(**arguments) == obj
        loose = {name: _loosened(value) for name, value in arguments.items()}
        assert_same(cls, loose)

    check()


@pytest.mark.parametrize("cls", CLASSES, ids=CLASS_IDS)
def test_the_same_object_or_error_from_odd_arguments(cls):
    names = [field.alias for field in attrs.fields(cls) if field.init]

    @given(
        testing.strategy_for(cls),
        st.lists(st.tuples(st.sampled_from(names), st.sampled_from(ODD)), min_size=1, max_size=3),
    )
    def check(obj, changes):
        arguments = _arguments(obj)
        for name, value in changes:
            arguments[name] = value
        assert_same(cls, arguments)

    check()


@pytest.mark.parametrize("cls", CLASSES, ids=CLASS_IDS)
def test_the_same_object_or_error_for_each_odd_value_of_each_field(cls):
    obj = next(iter(_EXAMPLES[cls]))
    for field in attrs.fields(cls):
        for value in ODD:
            assert_same(cls, {**_arguments(obj), field.alias: value})


_EXAMPLES: dict[type, list[object]] = {
    em.Actor: [em.Actor("Joe Biden", "person", id="actor:joe-biden", aliases=("POTUS",))],
    em.Affiliation: [em.Affiliation("actor:us", "Secretary of State")],
    em.Source: [
        em.Source(
            "news-article",
            id="src:a",
            title="A title",
            publisher="actor:a",
            url="https://example.org/a",
            published=em.When.parse("2022-03-27"),
            language="en",
            reliability="B",
        )
    ],
    em.Claim: [
        em.Claim(
            "actor:a",
            em.Event("attack", id="event:a"),
            id="claim:a",
            speech_act="denies",
            factuality="PR+",
            confidence=em.Confidence(70),
            made_at=em.When.parse("2022-03-27"),
            evidence=[em.Evidence("src:a", quote=em.TextQuote("four"), span=em.TextSpan(0, 4))],
        )
    ],
    em.Event: [
        em.Event(
            "attack.shelling",
            id="event:a",
            when=em.When.parse("2022-03-27T14:05Z"),
            where=em.Place("Kyiv", country="UA", admin=["Kyiv Oblast"], point=em.GeoPoint("50.45", "30.52")),
            participants=[em.Participant("actor:a", "agent")],
            description="Shelling",
            quantities={"dead": em.Quantity("3", unit="persons")},
            details={"weapon": "Tornado-S"},
        )
    ],
    em.Proposition: [em.Proposition("it is so", id="prop:a", about=["actor:a"])],
    em.Participant: [em.Participant("actor:a", "agent")],
    em.Place: [em.Place("Kyiv", country="UA", admin=("Kyiv Oblast",))],
    em.GeoPoint: [em.GeoPoint("50.45", "30.52", precision_m="5000")],
    em.Quantity: [em.Quantity(lower="10", upper=20, unit="km", approximate=True)],
    em.Confidence: [em.Confidence(70)],
    em.Evidence: [em.Evidence("src:a", quote=em.TextQuote("four"), span=em.TextSpan(0, 4))],
    em.TextQuote: [em.TextQuote("four", prefix="", suffix="x")],
    em.TextSpan: [em.TextSpan(0, 4)],
}


@pytest.mark.parametrize(
    ("cls", "args", "kwargs"),
    [
        (em.Claim, (), {}),
        (em.Claim, ("actor:a",), {}),
        (em.Event, ("attack",), {"kid": "event:a"}),
        (em.Event, ("attack", "event:a"), {}),
        (em.TextSpan, (0, 4, {}), {}),
        (em.Quantity, (1,), {"value": 1}),
        (em.Actor, (), {"name": "Joe", "kind": "person", "id": "actor:joe"}),
    ],
)
def test_arguments_are_bound_as_before(cls, args, kwargs):
    fast = _outcome(lambda: cls(*args, **kwargs))

    def original() -> object:
        obj = object.__new__(cls)
        attrs_init(cls)(obj, *args, **kwargs)
        return obj

    assert fast == _outcome(original)


@pytest.mark.parametrize("code", range(128))
def test_ids_with_each_ascii_character_as_before(code):
    character = chr(code)
    for text in (character, f"actor:{character}", f"{character}x{character}", character * 2049):
        assert_same(em.Participant, {"actor": text, "role": "agent"})
        assert_same(em.Claim, {"claimant": text, "content": em.Event("attack", id="event:a")})
        assert_same(em.Event, {"kind": "attack", "id": text})
        assert_same(em.Proposition, {"text": "so", "about": ["actor:a", text]})


@pytest.mark.parametrize("text", ["0", "7", "16600", "000", "1" * 1000, "1" * 1001, "1.5", "1e3", "1_000"])
def test_numbers_in_text_as_before(text):
    assert_same(em.Quantity, {"value": text, "lower": text})
    assert_same(em.GeoPoint, {"lat": text, "lon": "0", "precision_m": text})


def test_a_derived_id_is_settled():
    event = em.Event("attack")
    assert event.id == attrs.evolve(event).id
    assert event.id.startswith("event:")


def test_an_iterator_is_read_once_by_attrs_own_constructor():
    def participants() -> Iterator[em.Participant]:
        yield em.Participant("actor:a", "agent")

    event = em.Event("attack", participants=participants())
    assert event.participants == (em.Participant("actor:a", "agent"),)


def test_with_validators_off_nothing_is_checked():
    with attrs.validators.disabled():
        quantity = em.Quantity(Decimal("NaN"))
        span = em.TextSpan(-1, 3)
    assert quantity.value is not None
    assert quantity.value.is_nan()
    assert span.start == -1


def test_a_plain_subclass_builds_through_attrs_own_constructor():
    calls = []

    class Noted(em.Event):  # not an attrs class: it inherits the constructor
        def __attrs_post_init__(self) -> None:
            calls.append(self.kind)
            super().__attrs_post_init__()

    noted = Noted("attack", id="event:a")
    assert type(noted) is Noted
    assert calls == ["attack"]
    assert noted.kind == "attack"


def test_a_registered_subclass_keeps_its_own_constructor():
    @attrs.frozen
    class RatedClaim(em.Claim):
        rating: int = attrs.field(default=0, kw_only=True, validator=attrs.validators.ge(0))

    em.TypeRegistry().register("x-rated-claim", RatedClaim)

    assert RatedClaim.__init__ is not em.Claim.__init__
    rated = RatedClaim("actor:a", em.Event("attack", id="event:a"), id="claim:r", rating=3)
    assert rated.rating == 3
    with pytest.raises(ValueError, match="rating"):
        RatedClaim("actor:a", em.Event("attack", id="event:a"), rating=-1)
    with pytest.raises(em.InvalidValueError, match="white space"):
        RatedClaim("a b", em.Event("attack", id="event:a"))


@pytest.mark.parametrize("cls", CLASSES, ids=CLASS_IDS)
def test_copies_pickles_and_evolutions_are_as_before(cls):
    for obj in _EXAMPLES[cls]:
        assert copy.copy(obj) == obj
        assert copy.deepcopy(obj) == obj
        assert pickle.loads(pickle.dumps(obj)) == obj
        assert attrs.evolve(obj) == obj
        assert hash(attrs.evolve(obj)) == hash(obj)


def test_times_read_again_are_the_same_and_errors_too():
    for text in ("2022-03-27", "2022-02-24/2022-03-27", "2022-03-27T14:05+03:00"):
        first = em.When.parse(text)
        again = em.When.parse(text)
        assert again == first
        assert again is not first  # a new object each time, as without the cache
        assert repr(again) == repr(first)
        assert hash(again) == hash(first)
        assert em.When.parse(Text(text)) == first
        assert str(first) == text
    for bad in ("2022-02-30", "2022-13", "", 2022, "x" * 300):
        errors = []
        for _ in range(2):
            with pytest.raises(em.EventModelError) as caught:
                em.When.parse(bad)  # type: ignore[arg-type]
            errors.append((type(caught.value), str(caught.value)))
        assert errors[0] == errors[1]


def test_a_field_with_no_known_fast_path_stops_the_generation():
    @attrs.frozen
    class Plain:
        x: int = attrs.field()

    @attrs.frozen
    class Bounded:
        n: int = attrs.field(validator=em_validation.whole_number(0))

    @attrs.frozen
    class Listed:
        entries: list[str] = attrs.field(factory=list, validator=em_fields.Flag())

    @attrs.frozen
    class Clashing:
        items: bool = attrs.field(validator=em_fields.Flag())

    @attrs.define(slots=False)
    class Unslotted:
        flag: bool = attrs.field(validator=em_fields.Flag())

    @attrs.frozen
    class Aliased:
        _flag: bool = attrs.field(validator=em_fields.Flag())

    for cls, message in [
        (Plain, "no fast path for Plain.x"),
        (Bounded, "no fast path for Bounded.n"),
        (Listed, "whose default is a factory"),
        (Unslotted, "Unslotted.flag is not a slot"),
        (Clashing, "the parameters of Clashing.__init__ are not its fields"),
    ]:
        with pytest.raises(TypeError, match=message):
            _InitSource(cls).build()
    assert (
        _InitSource(Aliased).build().__qualname__
        == "test_a_field_with_no_known_fast_path_stops_the_generation.<locals>.Aliased.__init__"
    )
