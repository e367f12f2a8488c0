"""Model objects are immutable values: frozen, slotted, hashable, rebuilt only through evolve."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, date, datetime

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError

import eventmodel
from eventmodel import (
    Actor,
    Affiliation,
    Anchor,
    Claim,
    Confidence,
    Event,
    EventModelError,
    Evidence,
    Factuality,
    FrozenDict,
    GeoPoint,
    InvalidTypeError,
    InvalidValueError,
    Participant,
    Place,
    Proposition,
    Quantity,
    Relative,
    Source,
    TextQuote,
    TextSpan,
    When,
)


def build_actor():
    return Actor(
        "Antony Blinken",
        "person",
        aliases=["Tony Blinken"],
        affiliations=[Affiliation("actor:us-gov", "Secretary of State", when=When.parse("2021"))],
        identifiers={"wikidata": "Q2056367"},
    )


def build_source():
    return Source(
        "news-article",
        title="Russia says 16,600 soldiers killed",
        publisher="actor:republicworld",
        authors=["actor:reporter"],
        url="https://example.org/a",
        published=When.parse("2022-03-27"),
        retrieved=datetime(2022, 3, 28, 9, 0, tzinfo=UTC),
        language="en",
        reliability="B",
        derived_from=["src:mod"],
        text="Russia says at least 16,600 soldiers killed.",
    )


def build_event():
    return Event(
        "losses",
        when=When.parse("2022-03-27"),
        where=Place("Donbas", country="UA", admin=["Donetsk Oblast"], point=GeoPoint(48, 37.5)),
        participants=[Participant("actor:ua", "victim")],
        description="Ukrainian losses",
        quantities={"personnel": Quantity.at_least(16600, unit="personnel")},
        details={"source-of-figure": "MoD"},
    )


def build_claim():
    return Claim(
        "actor:ru-mod",
        Claim("actor:ru-mod", build_event()),
        speech_act="reports",
        factuality="PR+",
        confidence=Confidence.from_admiralty(2),
        made_at=When.parse("2022-03-27T14:05+03:00"),
        evidence=[Evidence("src:a", quote=TextQuote("16,600"), span=TextSpan(20, 26))],
        setting="event:briefing",
        supersedes=["claim:old"],
        retracts=["claim:older"],
    )


BUILDERS = {
    "Actor": build_actor,
    "Affiliation": lambda: Affiliation("actor:us-gov", "Secretary of State", when=When.parse("2021~")),
    "Source": build_source,
    "Event": build_event,
    "Participant": lambda: Participant("actor:ua", "target"),
    "Proposition": lambda: Proposition(
        "Russia holds 93% of Luhansk",
        id="prop:luhansk",
        about=["actor:ru"],
        quantities={"share": Quantity(93)},
    ),
    "Claim": build_claim,
    "Evidence": lambda: Evidence(
        "src:a", quote=TextQuote("16,600", prefix="at least "), span=TextSpan(9, 15)
    ),
    "TextQuote": lambda: TextQuote("16,600", prefix="at least ", suffix=" soldiers"),
    "TextSpan": lambda: TextSpan(9, 15),
    "Place": lambda: Place(
        "Kramatorsk",
        aliases=["Kramatorske"],
        country="UA",
        admin=["Donetsk Oblast"],
        gazetteer_id="geonames:704147",
        parts=[Place("Kramatorsk city"), Place("Kramatorsk airfield")],
    ),
    "GeoPoint": lambda: GeoPoint("48.7305", "37.5563", precision_m=2000),
    "Quantity": lambda: Quantity(15, lower=10, upper=20, unit="km", approximate=True),
    "Moment": lambda: When.parse("2022-03-27T14:05:00.250+03:00[Europe/Kyiv]?"),
    "Interval": lambda: When.parse("2022-02-24/.."),
    "Relative": lambda: Relative("earlier this week", Anchor.PUBLICATION).resolve(When.parse("2022-03-27")),
    "Anchor": lambda: Anchor.to_event("event:invasion"),
    "Factuality": lambda: Factuality("PR", "-"),
    "Confidence": lambda: Confidence.from_words("very likely"),
}

NAMES = sorted(BUILDERS)


def fields_of(obj):
    return [field.name for field in attrs.fields(type(obj))]


def test_every_model_class_is_covered():
    results = {
        "Conflict",
        "Corroboration",
        "Hop",
        "NearCopy",
        "Origin",
        "Relay",
        "Statement",
        "Report",
        "Rule",
        "Violation",
    }
    public = {name for name in eventmodel.__all__ if attrs.has(getattr(eventmodel, name))} - results
    assert set(NAMES) == public
    assert len(NAMES) == 19


@pytest.mark.parametrize("name", NAMES)
def test_instance_is_of_the_named_class(name):
    assert type(BUILDERS[name]()).__name__ == name


@pytest.mark.parametrize("name", NAMES)
def test_no_field_can_be_assigned(name):
    obj = BUILDERS[name]()
    before = {field: getattr(obj, field) for field in fields_of(obj)}
    for field in fields_of(obj):
        with pytest.raises(FrozenInstanceError):
            setattr(obj, field, before[field])
        with pytest.raises(FrozenInstanceError):
            setattr(obj, field, None)
    assert {field: getattr(obj, field) for field in fields_of(obj)} == before


@pytest.mark.parametrize("name", NAMES)
def test_no_field_can_be_deleted(name):
    obj = BUILDERS[name]()
    for field in fields_of(obj):
        with pytest.raises(FrozenInstanceError):
            delattr(obj, field)


@pytest.mark.parametrize("name", NAMES)
def test_no_new_attribute_can_be_added(name):
    obj = BUILDERS[name]()
    with pytest.raises((FrozenInstanceError, AttributeError)):
        obj.extra = 1
    assert not hasattr(obj, "extra")


@pytest.mark.parametrize("name", NAMES)
def test_slotted(name):
    obj = BUILDERS[name]()
    assert not hasattr(obj, "__dict__")
    assert "__slots__" in type(obj).__dict__


@pytest.mark.parametrize("name", NAMES)
def test_equal_objects_hash_equal(name):
    first, second = BUILDERS[name](), BUILDERS[name]()
    assert first is not second
    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second}) == 1
    assert {first: name}[second] == name


@pytest.mark.parametrize("name", NAMES)
def test_copies_are_equal(name):
    obj = BUILDERS[name]()
    assert copy.copy(obj) == obj
    assert copy.deepcopy(obj) == obj
    assert pickle.loads(pickle.dumps(obj)) == obj


COLLECTION_FIELDS = [
    ("Actor", "aliases", tuple),
    ("Actor", "affiliations", tuple),
    ("Actor", "identifiers", FrozenDict),
    ("Source", "authors", tuple),
    ("Source", "derived_from", tuple),
    ("Event", "participants", tuple),
    ("Event", "quantities", FrozenDict),
    ("Event", "details", FrozenDict),
    ("Proposition", "about", tuple),
    ("Proposition", "quantities", FrozenDict),
    ("Claim", "evidence", tuple),
    ("Claim", "supersedes", tuple),
    ("Claim", "retracts", tuple),
    ("Place", "admin", tuple),
    ("Place", "aliases", tuple),
    ("Place", "parts", tuple),
]


def test_every_collection_field_is_listed():
    listed = {(name, field) for name, field, _ in COLLECTION_FIELDS}
    found = set()
    for name in NAMES:
        obj = BUILDERS[name]()
        for field in fields_of(obj):
            if field == "extras":  # members from newer versions: tests/test_json_compat.py
                continue
            if isinstance(getattr(obj, field), (tuple, list, dict, set, FrozenDict)):
                found.add((name, field))
    assert found == listed


@pytest.mark.parametrize(("name", "field", "kind"), COLLECTION_FIELDS)
def test_collection_fields_are_immutable(name, field, kind):
    value = getattr(BUILDERS[name](), field)
    assert type(value) is kind
    assert len(value) > 0
    if kind is tuple:
        with pytest.raises(TypeError):
            value[0] = value[0]
    else:
        key = next(iter(value))
        with pytest.raises(TypeError):
            value[key] = value[key]
        with pytest.raises(TypeError):
            del value[key]
        assert not hasattr(value, "__setitem__")
        for method in ("update", "pop", "popitem", "clear", "setdefault"):
            assert not hasattr(value, method)


@pytest.mark.parametrize(("name", "field", "kind"), COLLECTION_FIELDS)
def test_collection_fields_default_to_empty(name, field, kind):
    minimal = {
        "Actor": lambda: Actor("x"),
        "Source": lambda: Source("video"),
        "Event": lambda: Event("losses"),
        "Proposition": lambda: Proposition("p"),
        "Claim": lambda: Claim(None, Proposition("p")),
        "Place": lambda: Place("x"),
    }[name]()
    value = getattr(minimal, field)
    assert type(value) is kind
    assert len(value) == 0


@pytest.mark.parametrize(("name", "field", "kind"), COLLECTION_FIELDS)
def test_mutating_the_input_does_not_change_the_object(name, field, kind):
    obj = BUILDERS[name]()
    stored = getattr(obj, field)
    given = dict(stored) if kind is FrozenDict else list(stored)
    rebuilt = attrs.evolve(obj, **{field: given})
    if kind is FrozenDict:
        given["added"] = next(iter(stored.values()))
    else:
        given.append(given[0])
    assert getattr(rebuilt, field) == stored
    assert rebuilt == obj


class TestFrozenDict:
    def test_reads_like_a_mapping(self):
        mapping = FrozenDict({"a": 1, "b": 2})
        assert mapping["a"] == 1
        assert list(mapping) == ["a", "b"]
        assert len(mapping) == 2
        assert "a" in mapping
        assert "c" not in mapping
        assert mapping.get("c") is None
        assert dict(mapping.items()) == {"a": 1, "b": 2}

    def test_missing_key(self):
        with pytest.raises(KeyError):
            FrozenDict({"a": 1})["b"]

    def test_empty(self):
        assert FrozenDict() == {}
        assert len(FrozenDict()) == 0

    def test_no_item_assignment(self):
        mapping = FrozenDict({"a": 1})
        with pytest.raises(TypeError):
            mapping["a"] = 2
        with pytest.raises(TypeError):
            mapping["b"] = 2
        with pytest.raises(TypeError):
            del mapping["a"]
        assert mapping == {"a": 1}

    @pytest.mark.parametrize("attribute", ["_data", "_hash", "anything"])
    def test_no_attribute_assignment(self, attribute):
        mapping = FrozenDict({"a": 1})
        with pytest.raises(AttributeError) as excinfo:
            setattr(mapping, attribute, {})
        assert str(excinfo.value) == "FrozenDict is immutable; build a new one instead"
        with pytest.raises(AttributeError):
            delattr(mapping, attribute)
        assert mapping == {"a": 1}

    def test_copies_its_input(self):
        source = {"a": 1}
        mapping = FrozenDict(source)
        source["a"] = 2
        assert mapping["a"] == 1

    def test_equality_and_hash(self):
        first = FrozenDict({"a": 1, "b": 2})
        second = FrozenDict({"b": 2, "a": 1})
        assert first == second
        assert hash(first) == hash(second)
        assert first == {"a": 1, "b": 2}
        assert first != {"a": 1}
        assert first != FrozenDict({"a": 1, "b": 3})
        assert first != [("a", 1), ("b", 2)]

    def test_unhashable_values_make_it_unhashable(self):
        with pytest.raises(TypeError):
            hash(FrozenDict({"a": []}))

    def test_repr(self):
        assert repr(FrozenDict({"a": 1})) == "FrozenDict({'a': 1})"

    def test_pickle_round_trip(self):
        mapping = FrozenDict({"a": Quantity(1)})
        restored = pickle.loads(pickle.dumps(mapping))
        assert restored == mapping
        assert type(restored) is FrozenDict
        assert hash(restored) == hash(mapping)


# -- evolve ---------------------------------------------------------------------------------------

GOOD_CHANGES = [
    ("Actor", {"name": "Tony Blinken"}),
    ("Actor", {"aliases": ["AB"]}),
    ("Affiliation", {"role": "Deputy Secretary of State"}),
    ("Source", {"language": "uk"}),
    ("Source", {"reliability": "C"}),
    ("Event", {"kind": "attack.shelling"}),
    ("Event", {"quantities": {"tanks": Quantity(2)}}),
    ("Participant", {"role": "agent"}),
    ("Proposition", {"text": "Russia holds all of Luhansk"}),
    ("Claim", {"factuality": "CT-"}),
    ("Claim", {"confidence": Confidence(70)}),
    ("Evidence", {"span": TextSpan(100, 106)}),
    ("TextQuote", {"exact": "10,000"}),
    ("TextSpan", {"end": 30}),
    ("Place", {"country": "RU"}),
    ("GeoPoint", {"lat": -12.5}),
    ("Quantity", {"value": 20}),
    ("Moment", {"approximate": True}),
    ("Interval", {"end_open": False}),
    ("Relative", {"text": "on Sunday"}),
    ("Anchor", {"event": "event:annexation"}),
    ("Factuality", {"polarity": "+"}),
    ("Confidence", {"value": 80}),
]


@pytest.mark.parametrize(("name", "changes"), GOOD_CHANGES)
def test_evolve_makes_a_new_valid_object(name, changes):
    obj = BUILDERS[name]()
    evolved = attrs.evolve(obj, **changes)
    assert evolved is not obj
    assert type(evolved) is type(obj)
    assert evolved != obj
    assert obj == BUILDERS[name]()
    for field in fields_of(obj):
        if field not in changes:
            assert getattr(evolved, field) == getattr(obj, field)
    rebuilt = type(obj)(**{field: getattr(evolved, field) for field in fields_of(obj)})
    assert rebuilt == evolved


@pytest.mark.parametrize("name", NAMES)
def test_evolve_without_changes_is_equal(name):
    obj = BUILDERS[name]()
    assert attrs.evolve(obj) == obj


def test_evolve_converts_like_the_constructor():
    claim = attrs.evolve(build_claim(), claimant=Actor("Kremlin", id="actor:kremlin"), factuality="PS+")
    assert claim.claimant == "actor:kremlin"
    assert claim.factuality == Factuality.PS_PLUS
    actor = attrs.evolve(build_actor(), aliases=["a", "b"], kind="state")
    assert actor.aliases == ("a", "b")
    assert actor.kind.value == "state"


BAD_CHANGES = [
    ("Actor", {"name": ""}, InvalidValueError, "name"),
    ("Actor", {"kind": "human"}, InvalidValueError, "kind"),
    ("Actor", {"identifiers": {"wikidata": 1}}, InvalidTypeError, "identifiers['wikidata']"),
    ("Actor", {"id": "actor x"}, InvalidValueError, "id"),
    ("Affiliation", {"organization": 5}, InvalidTypeError, "organization"),
    ("Source", {"retrieved": datetime(2022, 3, 28)}, InvalidTypeError, "retrieved"),
    ("Source", {"url": "not a url"}, InvalidValueError, "url"),
    ("Source", {"id": ""}, InvalidValueError, "id"),
    ("Event", {"kind": "Losses"}, InvalidValueError, "kind"),
    ("Event", {"when": "2022"}, InvalidTypeError, "when"),
    ("Participant", {"role": ""}, InvalidValueError, "role"),
    ("Proposition", {"about": "actor:x"}, InvalidTypeError, "about"),
    ("Claim", {"factuality": "U+"}, InvalidValueError, "factuality"),
    ("Claim", {"content": "text"}, InvalidTypeError, "content"),
    ("Claim", {"confidence": 0.7}, InvalidTypeError, "confidence"),
    ("Evidence", {"span": TextSpan(0, 5)}, InvalidValueError, "span"),
    ("TextQuote", {"exact": ""}, InvalidValueError, "exact"),
    ("TextSpan", {"end": 9}, InvalidValueError, "end"),
    ("TextSpan", {"start": True}, InvalidTypeError, "start"),
    ("Place", {"country": "ua"}, InvalidValueError, "country"),
    ("GeoPoint", {"lat": 91}, InvalidValueError, "lat"),
    ("GeoPoint", {"lon": float("nan")}, InvalidValueError, "lon"),
    ("Quantity", {"value": 25}, InvalidValueError, "value"),
    ("Quantity", {"lower": True}, InvalidTypeError, "lower"),
    ("Quantity", {"upper": float("inf")}, InvalidValueError, "upper"),
    ("Moment", {"precision": "day"}, InvalidValueError, "precision"),
    ("Moment", {"value": date(2022, 3, 27)}, InvalidValueError, "precision"),
    ("Moment", {"uncertain": 1}, InvalidTypeError, "uncertain"),
    ("Interval", {"start_open": True}, InvalidValueError, "start_open"),
    ("Relative", {"anchor": "tomorrow"}, InvalidTypeError, "anchor"),
    ("Anchor", {"event": None}, InvalidValueError, "event"),
    ("Factuality", {"certainty": "U"}, InvalidValueError, "polarity"),
    ("Confidence", {"value": 50}, InvalidValueError, "value"),
    ("Confidence", {"value": True}, InvalidTypeError, "value"),
    ("Confidence", {"label": "maybe"}, InvalidValueError, "label"),
]


@pytest.mark.parametrize(("name", "changes", "error", "field"), BAD_CHANGES)
def test_evolve_revalidates(name, changes, error, field):
    obj = BUILDERS[name]()
    with pytest.raises(error) as excinfo:
        attrs.evolve(obj, **changes)
    assert isinstance(excinfo.value, EventModelError)
    assert excinfo.value.cls == name
    assert excinfo.value.field == field
    assert obj == BUILDERS[name]()


def test_every_class_has_a_bad_change():
    assert {name for name, *_ in BAD_CHANGES} == set(NAMES)
    assert {name for name, _ in GOOD_CHANGES} == set(NAMES)


def test_evolve_respects_the_nesting_limit():
    claim = Claim(None, Proposition("p"))
    for _ in range(49):
        claim = Claim(None, claim)
    with pytest.raises(InvalidValueError) as excinfo:
        attrs.evolve(claim, content=claim)
    assert excinfo.value.reason == "nests claims 51 deep, more than the 50 allowed"
