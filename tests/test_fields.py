"""
Field kinds: each field described once, and everything else made from it.

A custom claim type adds one optional field, described in one place; the
tests show it built, checked, written, read, in the JSON Schema and drawn by
the strategies, with no other edit anywhere.
"""

from __future__ import annotations

import decimal  # noqa: F401 - the annotations below name it
import inspect
import json
import re

import attrs
import jsonschema
import pytest
from hypothesis import given, settings

import eventmodel as em
from eventmodel import fields, testing
from eventmodel.model._fast_init import CLASSES as BUILT_IN_CLASSES
from eventmodel.schema import json_schema, json_schema_for


@em.register("x-test-noted-claim")
@attrs.frozen
class NotedClaim(em.Claim):
    """A claim with an analyst's note."""

    note: str | None = attrs.field(default=None, kw_only=True, validator=fields.Text(optional=True))


def _noted(note: str | None) -> NotedClaim:
    return NotedClaim(
        "actor:ua-interior-ministry", em.Proposition("Russian troops used cluster munitions."), note=note
    )


def test_the_added_field_is_built_and_checked():
    claim = _noted("seen in two reports")
    assert claim.note == "seen in two reports"
    assert _noted(None).note is None
    with pytest.raises(em.InvalidValueError) as caught:
        _noted("")
    assert str(caught.value) == (
        "NotedClaim.note: must not be empty, got ''. Fix: leave the field out instead of giving an empty string"
    )
    with pytest.raises(em.InvalidTypeError) as caught:
        _noted(3)  # type: ignore[arg-type]
    assert str(caught.value) == "NotedClaim.note: must be a string, got 3"


def test_the_added_field_is_written_and_read():
    claim = _noted("seen in two reports")
    text = em.json.dumps(claim)
    assert '"note":"seen in two reports"' in text
    assert em.json.loads(text, em.Claim) == claim
    assert '"note"' not in em.json.dumps(_noted(None))  # a default is left out
    bad = text.replace('"note":"seen in two reports"', '"note":""')
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads(bad, em.Claim)
    assert str(caught.value).startswith("$.note (NotedClaim.note): must not be empty")


def test_the_added_field_is_in_the_schema():
    schema = json_schema_for(NotedClaim)
    definition = schema["$defs"]["x-test-noted-claim"]
    assert definition["properties"]["note"] == {"type": ["string", "null"], "minLength": 1, "default": None}
    assert "note" not in definition.get("required", [])


def test_the_added_field_is_drawn_by_the_strategies():
    notes: set[object] = set()

    @settings(max_examples=60, database=None)
    @given(testing.strategy_for(NotedClaim))
    def check(claim):
        assert type(claim) is NotedClaim
        notes.add(claim.note is None)
        assert em.json.loads(em.json.dumps(claim), em.Claim) == claim

    check()
    assert notes == {True, False}


def test_documents_of_the_added_field_pass_the_schema():
    schema = json_schema()

    @settings(max_examples=30, database=None)
    @given(testing.strategy_for(NotedClaim))
    def check(claim):
        document = json.loads(em.json.dumps(em.Dossier([claim])))
        jsonschema.validate(document, schema)

    check()


# -- every kind is known to everything that generates from kinds -----------------------------


def _kinds() -> list[type[fields.Kind]]:
    return [
        value
        for value in vars(fields).values()
        if inspect.isclass(value) and issubclass(value, fields.Kind) and value is not fields.Kind
    ]


def test_every_field_of_the_built_in_classes_is_described_by_a_kind():
    for cls in BUILT_IN_CLASSES:
        for field in attrs.fields(cls):
            assert isinstance(fields.kind_of(field), fields.Kind), f"{cls.__name__}.{field.name}"


def test_every_kind_is_used_by_a_built_in_class():
    used = {type(fields.kind_of(field)) for cls in BUILT_IN_CLASSES for field in attrs.fields(cls)}
    assert used == set(_kinds())


EXAMPLES: dict[type[fields.Kind], tuple[fields.Kind, object, object]] = {
    # kind: (an instance, a good value, a bad value)
    fields.Text: (fields.Text(), "text", ""),
    fields.Texts: (fields.Texts(), ("a", "b"), ("a", "")),
    fields.Pattern: (fields.Pattern(re.compile(r"[a-z]+"), "must be letters", "use letters"), "abc", "ABC"),
    fields.OptionalId: (fields.OptionalId(), "x:1", "x 1"),
    fields.Ref: (fields.Ref("Actor"), "actor:a", 3),
    fields.Refs: (fields.Refs("Actor"), ("actor:a",), ("actor a",)),
    fields.TupleOf: (fields.TupleOf(em.Participant), (), (1,)),
    fields.MappingOf: (fields.MappingOf(str), em.FrozenDict({"a": "b"}), em.FrozenDict({"a": ""})),
    fields.Instance: (fields.Instance(em.Quantity), None, 3),
    fields.Member: (fields.Member(em.ActorKind), em.ActorKind.PERSON, "person"),
    fields.Flag: (fields.Flag(), True, 1),
    fields.WholeNumber: (fields.WholeNumber(0, 9), 9, 10),
    fields.Percent: (fields.Percent(), 100, 101),
    fields.Coordinate: (fields.Coordinate(90), em.Quantity(1).value, em.Quantity(91).value),
    fields.NonNegative: (fields.NonNegative(), None, em.Quantity(-1).value),
}


@pytest.mark.parametrize("kind", list(EXAMPLES), ids=lambda kind: kind.__name__)
def test_a_kind_checks_values_with_the_library_error(kind):
    instance, good, bad = EXAMPLES[kind]

    @attrs.frozen
    class Holder:
        value: object = attrs.field(validator=instance)

    assert Holder(good).value == good
    with pytest.raises(em.InvalidValueError) as caught:
        Holder(bad)
    assert caught.value.cls == "Holder"
    assert caught.value.field is not None
    assert caught.value.field.startswith("value")


@pytest.mark.parametrize("kind", list(EXAMPLES), ids=lambda kind: kind.__name__)
def test_a_custom_class_of_any_kind_has_a_strategy_and_a_schema(kind):
    instance = EXAMPLES[kind][0]
    hint = {
        fields.Text: "str",
        fields.Texts: "tuple[str, ...]",
        fields.Pattern: "str",
        fields.OptionalId: "str | None",
        fields.Ref: "str",
        fields.Refs: "tuple[str, ...]",
        fields.TupleOf: "tuple[em.Participant, ...]",
        fields.MappingOf: "em.FrozenDict[str, str]",
        fields.Instance: "em.Quantity | None",
        fields.Member: "em.ActorKind",
        fields.Flag: "bool",
        fields.WholeNumber: "int",
        fields.Percent: "int | None",
        fields.Coordinate: "decimal.Decimal",
        fields.NonNegative: "decimal.Decimal | None",
    }[kind]
    namespace = {"attrs": attrs, "instance": instance, "__name__": __name__}
    exec(f"@attrs.frozen\nclass Holder:\n    value: {hint} = attrs.field(validator=instance)\n", namespace)
    holder = namespace["Holder"]

    @settings(max_examples=15, database=None)
    @given(testing.strategy_for(holder))
    def check(obj):
        assert type(obj) is holder

    check()
    schema = json_schema_for(holder)
    (definition,) = (value for name, value in schema["$defs"].items() if name.endswith("Holder"))
    refinement = instance.json_schema()
    described = definition["properties"]["value"]
    for key in refinement:
        assert key in json.dumps(described), (key, described)


def test_a_field_no_kind_describes_and_with_no_default_has_no_strategy():
    @attrs.frozen
    class Undescribed:
        value: int = attrs.field()

    with pytest.raises(em.InvalidTypeError) as caught:
        testing.strategy_for(Undescribed)
    message = str(caught.value)
    assert message.startswith(
        "eventmodel.testing.strategy_for(): has no strategy for Undescribed.value, which no field kind "
        "describes, got <class "
    )
    assert message.endswith(
        ". Fix: describe the field with a kind from eventmodel.fields, or give it a default"
    )


def test_kind_of_a_field_described_otherwise_is_none():
    @attrs.frozen
    class Plain:
        value: int = attrs.field(validator=attrs.validators.instance_of(int))

    assert fields.kind_of(attrs.fields(Plain).value) is None
    assert fields.kind_of(attrs.fields(em.Claim).claimant) == fields.Ref("Actor", optional=True)


def test_default_wording_of_kinds():
    assert fields.Instance(em.Quantity).what == "a Quantity"
    assert fields.Instance(em.Event).what == "an Event"
    assert fields.TupleOf(em.Participant).what == "Participants"
    assert fields.TupleOf(lambda: em.Place, "Places").item is em.Place
    with pytest.raises(em.InvalidValueError) as error:
        fields.TupleOf(lambda: em.Place)
    assert str(error.value) == (
        "TupleOf.what: is needed when the class is given by a function. "
        "Fix: name the items, as in TupleOf(lambda: Place, 'Places')"
    )
    assert fields.MappingOf(em.Quantity).what == "Quantity"


def test_a_kind_with_no_strategy_of_its_own_says_so():
    @attrs.frozen
    class Labelled:
        label: str | None = attrs.field(validator=fields.Label())

    with pytest.raises(em.InvalidTypeError) as caught:
        testing.strategy_for(Labelled)
    assert str(caught.value) == (
        "eventmodel.testing.strategy_for(): has no strategy for this field kind, got Label(). "
        "Fix: build the strategy with hypothesis.strategies.builds(...)"
    )
