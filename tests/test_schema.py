"""The JSON Schema of the document format: valid itself, and in step with the writer and the reader."""

from __future__ import annotations

import enum
import functools
import json
import re
import typing
from datetime import UTC, date, datetime
from decimal import Decimal

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.exceptions import EventModelError, InvalidTypeError
from eventmodel.schema import json_schema, json_schema_for

# Registration is global for the process: the tag is this module's own.
CUSTOM_TAG = "x-test-schema-losses"


@em.register(CUSTOM_TAG)
@attrs.frozen
class SchemaLosses(em.Claim):
    """A claim of losses, with the number of personnel lost."""

    personnel: int | None = attrs.field(default=None, kw_only=True)


def validator(schema):
    return jsonschema.Draft202012Validator(schema)


@functools.cache
def validator_for(cls, *, strict=True):
    return validator(json_schema_for(cls, strict=strict))


@functools.cache
def decimal_pattern():
    return re.compile(json_schema()["$defs"]["Decimal"]["pattern"])


def errors(check, document):
    return [error.message for error in check.iter_errors(document)]


def document_of(obj):
    return json.loads(em.json.dumps(obj))


def dossier_of(objects):
    dossier = em.Dossier()
    for obj in objects:
        if obj.id not in dossier:
            dossier.add(obj)
    return dossier


# -- the schema itself ---------------------------------------------------------------------


@pytest.mark.parametrize("strict", [True, False])
def test_the_schema_passes_the_metaschema(strict):
    schema = json_schema(strict=strict)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads(json.dumps(schema)) == schema  # plain JSON values only


def test_the_schema_names_itself():
    strict, lenient = json_schema(), json_schema(strict=False)
    assert strict["$id"] == "https://eventmodel.invalid/schema/1.0/dossier.json"
    assert lenient["$id"] == "https://eventmodel.invalid/schema/1.0/dossier-lenient.json"
    assert strict["title"] == "eventmodel dossier 1.0"
    assert "strict=False" in strict["description"]
    assert "approximate" in strict["description"]
    assert strict["additionalProperties"] is False
    assert lenient["additionalProperties"] is True


def test_every_reference_resolves():
    for schema in (json_schema(), json_schema(strict=False), json_schema_for(em.Quantity)):
        text = json.dumps(schema)
        for name in re.findall(r'"\$ref": "#/\$defs/([^"]+)"', text):
            assert name in schema["$defs"], name


def test_the_schema_is_the_same_each_time():
    assert json.dumps(json_schema()) == json.dumps(json_schema())


def test_classes_have_definitions_derived_from_their_fields():
    defs = json_schema()["$defs"]
    for name in ("Actor", "Source", "Event", "Proposition", "Claim", "Quantity", "Place", "GeoPoint"):
        assert defs[name]["type"] == "object"
        assert defs[name]["additionalProperties"] is False
    for name in ("Participant", "Affiliation", "Evidence", "TextQuote", "TextSpan", "Confidence"):
        assert "type" not in defs[name]["properties"]
    claim = defs["Claim"]
    assert claim["properties"]["type"] == {"const": "claim"}
    assert next(iter(claim["properties"])) == "type"
    assert list(claim["properties"])[1] == "id"
    assert claim["required"] == ["type", "claimant", "content"]
    assert set(claim["properties"]) == {field.name for field in attrs.fields(em.Claim)} - {"extras"} | {
        "type"
    }
    assert claim["properties"]["factuality"]["default"] == "CT+"
    assert claim["properties"]["speech_act"]["default"] == "states"
    assert defs["SpeechAct"]["enum"] == [act.value for act in em.SpeechAct]
    assert defs["ActorKind"]["enum"] == [kind.value for kind in em.ActorKind]
    assert defs["Factuality"]["enum"] == ["CT+", "CT-", "CTu", "PR+", "PR-", "PS+", "PS-", "Uu"]
    assert defs["Quantity"]["properties"]["approximate"] == {
        "description": 'The source hedged ("about", "some", "nearly").',
        "type": "boolean",
        "default": False,
    }
    assert defs["TextSpan"]["properties"]["start"]["minimum"] == 0
    assert defs["Confidence"]["properties"]["value"]["maximum"] == 100
    assert "pattern" in defs["Place"]["properties"]["country"]
    assert "pattern" in defs["Id"]


def test_claim_content_is_any_event_proposition_or_claim_by_its_type():
    content = json_schema()["$defs"]["Claim"]["properties"]["content"]
    refs = [alternative["$ref"] for alternative in content["oneOf"]]
    assert refs[:3] == ["#/$defs/Event", "#/$defs/Proposition", "#/$defs/Claim"]
    assert f"#/$defs/{CUSTOM_TAG}" in refs


def test_a_registry_can_be_given():
    registry = em.TypeRegistry()
    schema = json_schema(registry=registry)
    assert CUSTOM_TAG not in schema["$defs"]
    assert not any(name.startswith("x-") for name in schema["$defs"])
    assert CUSTOM_TAG in json_schema()["$defs"]


def test_json_schema_for_a_dossier_is_json_schema():
    assert json_schema_for(em.Dossier) == json_schema()
    assert json_schema_for(em.Dossier, strict=False) == json_schema(strict=False)


@pytest.mark.parametrize(
    "cls",
    [
        em.Actor,
        em.Source,
        em.Event,
        em.Proposition,
        em.Claim,
        em.Quantity,
        em.Place,
        em.GeoPoint,
        em.Participant,
        em.Affiliation,
        em.Evidence,
        em.TextQuote,
        em.TextSpan,
        em.Confidence,
        em.When,
        em.Moment,
        em.Factuality,
        em.ActorKind,
        SchemaLosses,
    ],
)
def test_json_schema_for_each_class_passes_the_metaschema(cls):
    for strict in (True, False):
        schema = json_schema_for(cls, strict=strict)
        jsonschema.Draft202012Validator.check_schema(schema)


def test_json_schema_for_names_the_class():
    quantity = json_schema_for(em.Quantity)
    assert quantity["$id"] == "https://eventmodel.invalid/schema/1.0/quantity.json"
    assert quantity["$ref"] == "#/$defs/Quantity"
    assert set(quantity["$defs"]) == {"Quantity", "Decimal"}
    assert json_schema_for(em.TextQuote)["$id"] == "https://eventmodel.invalid/schema/1.0/text-quote.json"
    assert json_schema_for(em.TextQuote, strict=False)["$id"].endswith("/text-quote-lenient.json")
    assert json_schema_for(em.Claim)["title"] == "eventmodel Claim 1.0"


@pytest.mark.parametrize("cls", [em.Dossier.__init__, em.Unrecognized, int, "Claim", None])
def test_json_schema_for_refuses_what_is_not_a_model_class(cls):
    with pytest.raises(InvalidTypeError) as excinfo:
        json_schema_for(cls)
    assert excinfo.value.reason == "needs a model class or Dossier"


# -- what the library writes, the schema accepts -------------------------------------------


def dossiers():
    """Dossiers of actors, sources and claims, as the library's strategies draw them."""
    return st.builds(
        lambda *lists: dossier_of([obj for items in lists for obj in items]),
        st.lists(testing.actors(), max_size=3),
        st.lists(testing.sources(), max_size=3),
        st.lists(testing.claims(max_depth=3), max_size=3),
    )


@pytest.mark.parametrize("strict", [True, False])
def test_every_dossier_the_library_writes_validates(strict):
    check = validator(json_schema(strict=strict))

    @settings(max_examples=25)
    @given(dossiers())
    def run(dossier):
        document = document_of(dossier)
        assert list(check.iter_errors(document)) == []

    run()


WRITTEN = {
    "actors": (testing.actors, em.Actor),
    "sources": (testing.sources, em.Source),
    "events": (testing.events, em.Event),
    "propositions": (testing.propositions, em.Proposition),
    "claims": (testing.claims, em.Claim),
    "affiliations": (testing.affiliations, em.Affiliation),
    "participants": (testing.participants, em.Participant),
    "places": (testing.places, em.Place),
    "geo_points": (testing.geo_points, em.GeoPoint),
    "quantities": (testing.quantities, em.Quantity),
    "confidences": (testing.confidences, em.Confidence),
    "evidence": (testing.evidence, em.Evidence),
    "text_quotes": (testing.text_quotes, em.TextQuote),
    "text_spans": (testing.text_spans, em.TextSpan),
    "whens": (testing.whens, em.When),
    "factualities": (testing.factualities, em.Factuality),
}


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_every_object_the_library_writes_validates_against_its_class_schema(name):
    strategy, cls = WRITTEN[name]
    strict, lenient = validator_for(cls), validator_for(cls, strict=False)

    @settings(max_examples=15)
    @given(strategy())
    def run(obj):
        document = document_of(obj)
        assert list(strict.iter_errors(document)) == []
        assert lenient.is_valid(document)

    run()


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_the_decimal_pattern_accepts_every_number_python_writes(number):
    assert decimal_pattern().search(str(number))


@pytest.mark.parametrize(
    "text",
    ["01", "+1", ".5", "1.", "1e3", "1E3", "1E+0", "1E-1", "0.0000001", "NaN", "-Infinity", "1,000", " 1"],
)
def test_the_decimal_pattern_refuses_what_the_reader_refuses(text):
    assert not decimal_pattern().search(text)
    with pytest.raises(EventModelError):
        em.json.loads(json.dumps({"value": text}), em.Quantity)


@settings(max_examples=50)
@given(testing.whens())
def test_the_time_patterns_accept_every_time_python_writes(when):
    document = document_of(em.Event("attack", when=when))["when"]
    assert validator_for(em.When).is_valid(document)
    if isinstance(when, em.Moment | em.Interval):
        assert validator_for(type(when)).is_valid(str(when))


@given(testing.ids())
def test_the_id_pattern_accepts_every_id_the_model_does(ident):
    assert validator_for(em.Actor).is_valid(document_of(em.Actor("A", id=ident)))


# -- what the reader refuses, the schema refuses -------------------------------------------


def base_document():
    ministry = em.Actor("Interior Ministry of Ukraine", "government", id="actor:ua-interior")
    article = em.Source(
        "news-article",
        id="src:article",
        published=em.When.parse("2022-03-27"),
        retrieved=datetime(2022, 3, 28, 9, 30, tzinfo=UTC),
        language="en",
    )
    strike = em.Event(
        "attack.shelling",
        when=em.Relative("on Sunday", em.Anchor.PUBLICATION),
        where=em.Place("Krasnohorivka", country="UA", point=em.GeoPoint("47.99", "37.5")),
        quantities={"killed": em.Quantity.at_least(3)},
        details={"weapon": "Tornado-S MLRS"},
    )
    claim = em.Claim(
        ministry,
        strike,
        confidence=em.Confidence(70),
        evidence=[em.Evidence(article, quote=em.TextQuote("shelled"), span=em.TextSpan(10, 17))],
    )
    return document_of(em.Dossier([ministry, article, claim]))


def _set(path, value):
    def mutate(document):
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _delete(path):
    def mutate(document):
        target = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


EVENT = ("claims", 0, "content")

#: name → (how to spoil the document, whether a lenient reading accepts it).
INVALID = {
    "a format version 2": (_set(("eventmodel",), "2.0"), False),
    "a format version that is a number": (_set(("eventmodel",), 1.0), False),
    "no format version": (_delete(("eventmodel",)), False),
    "an unknown top-level member": (_set(("notes",), "hello"), True),
    "actors that are not an array": (_set(("actors",), {}), False),
    "an actor with no name": (_delete(("actors", 0, "name")), False),
    "an actor with no type": (_delete(("actors", 0, "type")), False),
    "an actor with an unknown member": (_set(("actors", 0, "nickname"), "MVS"), True),
    "an actor kind not in the enum": (_set(("actors", 0, "kind"), "alien"), False),
    "an actor name that is a number": (_set(("actors", 0, "name"), 5), False),
    "an id with a space": (_set(("actors", 0, "id"), "actor:ua interior"), False),
    "a claim in the actors list": (_set(("actors", 0, "type"), "claim"), False),
    "a source kind that is null": (_set(("sources", 0, "kind"), None), False),
    "a naive retrieval time": (_set(("sources", 0, "retrieved"), "2022-03-28T09:30:00"), False),
    "a time that is not EDTF": (_set(("sources", 0, "published"), "27 March 2022"), False),
    "a claim with no claimant member": (_delete(("claims", 0, "claimant")), False),
    "a factuality code FactBank lacks": (_set(("claims", 0, "factuality"), "PRu"), False),
    "a factuality that is not a code": (_set(("claims", 0, "factuality"), "certain"), False),
    "a speech act not in the enum": (_set(("claims", 0, "speech_act"), "whispers"), False),
    "an unknown type tag": (_set(("claims", 0, "type"), "x-never-registered"), True),
    "content with an unknown type tag": (_set((*EVENT, "type"), "x-never-registered"), True),
    "content with no type": (_delete((*EVENT, "type")), False),
    "an actor as content": (_set((*EVENT, "type"), "actor"), False),
    "a confidence over 100": (_set(("claims", 0, "confidence", "value"), 150), False),
    "an event kind in capitals": (_set((*EVENT, "kind"), "Attack"), False),
    "a number instead of a Decimal string": (_set((*EVENT, "quantities", "killed", "lower"), 3), False),
    "a Decimal string in exponent form Python never writes": (
        _set((*EVENT, "quantities", "killed", "lower"), "3e0"),
        False,
    ),
    "a boolean that is a string": (_set((*EVENT, "quantities", "killed", "approximate"), "yes"), False),
    "a detail that is not a string": (_set((*EVENT, "details", "weapon"), 7), False),
    "a three-letter country code": (_set((*EVENT, "where", "country"), "UKR"), False),
    "a coordinate that is a number": (_set((*EVENT, "where", "point", "lat"), 47.99), False),
    "a relative time with an unknown member": (_set((*EVENT, "when", "tz"), "Europe/Kyiv"), False),
    "a relative time with an unknown anchor": (_set((*EVENT, "when", "anchor"), "yesterday"), False),
    "evidence with no source": (_delete(("claims", 0, "evidence", 0, "source")), False),
    "a span position that is a string": (_set(("claims", 0, "evidence", 0, "span", "start"), "10"), False),
    "a member named extras": (_set(("claims", 0, "evidence", 0, "quote", "extras"), {}), False),
    "a type member on a value object": (_set(("claims", 0, "evidence", 0, "quote", "type"), "quote"), True),
}


def test_the_base_document_is_valid():
    document = base_document()
    assert errors(validator_for(em.Dossier), document) == []
    assert errors(validator_for(em.Dossier, strict=False), document) == []
    em.json.loads(json.dumps(document), em.Dossier)


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_documents_fail_the_schema_as_they_fail_the_reader(name):
    spoil, lenient_ok = INVALID[name]
    document = base_document()
    spoil(document)
    text = json.dumps(document)
    assert errors(validator_for(em.Dossier), document) != []
    with pytest.raises(EventModelError):
        em.json.loads(text, em.Dossier)
    assert validator_for(em.Dossier, strict=False).is_valid(document) is lenient_ok
    if lenient_ok:
        em.json.loads(text, em.Dossier, strict=False)
    else:
        with pytest.raises(EventModelError):
            em.json.loads(text, em.Dossier, strict=False)


def test_there_are_enough_invalid_documents():
    assert len(INVALID) >= 15


@settings(max_examples=25)
@given(dossiers())
def test_documents_read_leniently_and_written_back_validate_against_the_lenient_schema(dossier):
    document = document_of(dossier)
    document["from_the_future"] = {"a": [1, 2.5, None]}
    for item in document.get("claims", []):
        item["x_note"] = "kept"
    document.setdefault("actors", []).append({"type": "x-robot", "id": "robot:1", "model": "T-800"})
    back = em.json.loads(json.dumps(document), em.Dossier, strict=False)
    written = document_of(back)
    assert validator_for(em.Dossier, strict=False).is_valid(written)
    assert not validator_for(em.Dossier).is_valid(written)


# -- custom types --------------------------------------------------------------------------


def test_a_registered_type_appears_in_the_schema():
    schema = json_schema()
    definition = schema["$defs"][CUSTOM_TAG]
    assert definition["title"] == "SchemaLosses"
    assert definition["description"] == "A claim of losses, with the number of personnel lost."
    assert definition["properties"]["type"] == {"const": CUSTOM_TAG}
    assert definition["properties"]["personnel"] == {"type": ["integer", "null"], "default": None}
    assert set(definition["properties"]) >= set(schema["$defs"]["Claim"]["properties"]) - {"type"}
    assert definition["properties"]["claimant"] == schema["$defs"]["Claim"]["properties"]["claimant"]
    claims = [alternative["$ref"] for alternative in schema["properties"]["claims"]["items"]["oneOf"]]
    assert claims[0] == "#/$defs/Claim"
    assert f"#/$defs/{CUSTOM_TAG}" in claims
    assert CUSTOM_TAG in schema["description"]


def losses():
    return st.builds(
        SchemaLosses,
        st.none() | testing.ids("actor"),
        testing.events() | testing.propositions(),
        factuality=testing.factualities(),
        personnel=st.none() | st.integers(-(2**53) + 1, 2**53 - 1),
    )


@pytest.mark.parametrize("strict", [True, False])
def test_documents_of_a_registered_type_validate(strict):
    check = validator(json_schema(strict=strict))

    @settings(max_examples=20)
    @given(st.lists(losses(), min_size=1, max_size=2), dossiers())
    def run(reports, dossier):
        for report in reports:
            if report.id not in dossier:
                dossier.add(report)
        dossier.add(em.Claim("actor:reporter", reports[0]))  # a custom claim as content
        document = document_of(dossier)
        assert list(check.iter_errors(document)) == []

    run()


def test_a_registered_type_is_checked_by_its_fields():
    report = SchemaLosses("actor:ua-general-staff", em.Event("losses"), personnel=16600)
    document = document_of(em.Dossier([report]))
    assert errors(validator_for(em.Dossier), document) == []
    document["claims"][0]["personnel"] = "16600"
    assert errors(validator_for(em.Dossier), document) != []
    with pytest.raises(EventModelError):
        em.json.loads(json.dumps(document), em.Dossier)
    single = json_schema_for(SchemaLosses)
    assert single["$id"] == f"https://eventmodel.invalid/schema/1.0/{CUSTOM_TAG}.json"
    assert validator(single).is_valid(document_of(report))
    assert not validator(single).is_valid(document_of(em.Claim("actor:a", em.Event("losses"))))


def test_a_field_added_to_a_registered_type_appears_in_its_schema():
    registry = em.TypeRegistry()

    @attrs.frozen
    class Sighting(em.Event):
        observers: tuple[str, ...] = attrs.field(default=(), kw_only=True)
        altitude: Decimal | None = attrs.field(default=None, kw_only=True)

    registry.register("x-test-schema-sighting", Sighting)
    schema = json_schema(registry=registry)
    properties = schema["$defs"]["x-test-schema-sighting"]["properties"]
    assert properties["observers"] == {"type": "array", "items": {"type": "string"}, "default": []}
    assert properties["altitude"] == {
        "anyOf": [{"$ref": "#/$defs/Decimal"}, {"type": "null"}],
        "default": None,
    }
    content = schema["$defs"]["Claim"]["properties"]["content"]["oneOf"]
    assert {"$ref": "#/$defs/x-test-schema-sighting"} in content


class Colour(enum.Enum):
    RED = 1
    GREEN = 2


@attrs.frozen
class Reading:
    value: float
    unit: typing.Literal["m", "ft"] = "m"


@attrs.define(eq=True)
class Positive:  # an unhashable validator
    def __call__(self, inst, attribute, value):
        if value < 0:
            raise ValueError(attribute.name)


@attrs.frozen
class Quantity:  # a class of the same name as one of the model's
    amount: int


def test_fields_of_other_types_are_described_or_left_open():
    @attrs.frozen
    class Exotic(em.Event):
        ratio: float = attrs.field(
            default=0.5, kw_only=True, validator=[attrs.validators.instance_of(float), Positive()]
        )
        tags: list[str] = attrs.field(factory=list, kw_only=True)
        counts: dict[str, int] = attrs.field(factory=dict, kw_only=True)
        pair: tuple[int, str] | None = attrs.field(default=None, kw_only=True)
        mode: typing.Literal["a", "b"] = attrs.field(default="a", kw_only=True)
        colour: Colour | None = attrs.field(default=None, kw_only=True)
        reading: Reading | None = attrs.field(default=None, kw_only=True)
        other: Quantity | None = attrs.field(default=None, kw_only=True)
        anything: typing.Any = attrs.field(default=None, kw_only=True)
        nothing: None = attrs.field(default=None, kw_only=True)
        plain: dict = attrs.field(factory=dict, kw_only=True)  # type: ignore[type-arg]
        items: list = attrs.field(factory=list, kw_only=True)  # type: ignore[type-arg]
        day: date | None = attrs.field(default=None, kw_only=True)
        members: frozenset[int] = attrs.field(default=frozenset(), kw_only=True)
        label: str = attrs.field(default=attrs.Factory(lambda self: self.kind, takes_self=True), kw_only=True)
        either: int | str | None = attrs.field(default=0, kw_only=True)
        sentinel: object = attrs.field(default=attrs.Factory(object), kw_only=True)
        later: Undefined | None = attrs.field(default=None, kw_only=True)  # noqa: F821

    registry = em.TypeRegistry()
    registry.register("x-test-schema-exotic", Exotic)
    schema = json_schema(registry=registry)
    jsonschema.Draft202012Validator.check_schema(schema)
    json.dumps(schema, allow_nan=False)
    defs = schema["$defs"]
    properties = defs["x-test-schema-exotic"]["properties"]
    assert properties["kind"] == defs["Event"]["properties"]["kind"]  # inherited fields still resolve
    assert properties["ratio"] == {"type": "number", "default": 0.5}
    assert properties["tags"] == {"type": "array", "items": {"type": "string"}, "default": []}
    assert properties["counts"] == {
        "type": "object",
        "additionalProperties": {"type": "integer"},
        "default": {},
    }
    assert properties["pair"] == {
        "type": ["array", "null"],
        "prefixItems": [{"type": "integer"}, {"type": "string"}],
        "items": False,
        "minItems": 2,
        "default": None,
    }
    assert properties["mode"] == {"enum": ["a", "b"], "default": "a"}
    assert defs["Colour"] == {"title": "Colour", "enum": [1, 2]}
    assert defs["Reading"]["required"] == ["value"]
    assert defs["Reading"]["properties"]["unit"] == {"enum": ["m", "ft"], "default": "m"}
    other = properties["other"]["anyOf"][0]["$ref"].removeprefix("#/$defs/")
    assert other != "Quantity"
    assert defs[other]["properties"] == {"amount": {"type": "integer"}}
    assert properties["anything"] == {"default": None}
    assert properties["nothing"] == {"type": "null", "default": None}
    assert properties["plain"] == {"type": "object", "default": {}}
    assert properties["items"] == {"type": "array", "default": []}
    assert properties["day"]["description"] == (
        "Exotic.day: a value of type <class 'datetime.date'>, which this schema does not describe."
    )
    assert properties["day"]["anyOf"] == [{}, {"type": "null"}]
    assert "does not describe" in properties["members"]["description"]
    assert properties["either"] == {
        "anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}],
        "default": 0,
    }
    assert properties["sentinel"] == {}
    assert properties["label"] == {"type": "string"}
    assert properties["later"] == {"default": None}
