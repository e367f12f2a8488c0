"""Properties that hold for every model object the strategies in eventmodel.testing draw."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, time, timedelta

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.io._document import to_document
from eventmodel.model._fast_init import CLASSES as BUILT_IN_CLASSES

STRATEGIES = {
    name: getattr(testing, name)
    for name in testing.__all__
    if name not in {"ids", "texts", "strategy_for", "dossiers"}
}
ENTITY_STRATEGIES = {
    "actors": testing.actors,
    "sources": testing.sources,
    "events": testing.events,
    "claims": testing.claims,
}


def _fields(obj: object) -> dict[str, object]:
    return {field.name: getattr(obj, field.name) for field in attrs.fields(type(obj)) if field.init}


@pytest.mark.parametrize("name", sorted(STRATEGIES))
def test_every_strategy_draws_valid_model_objects(name):
    @given(STRATEGIES[name]())
    def check(obj):
        assert attrs.has(type(obj))
        # Rebuilding from the fields runs every validator again, and accepts.
        rebuilt = type(obj)(**_fields(obj))
        assert rebuilt == obj
        assert hash(rebuilt) == hash(obj)

    check()


@given(testing.dossiers())
def test_the_dossier_strategy_draws_dossiers_that_read_back_equal(dossier):
    assert isinstance(dossier, em.Dossier)
    assert len({obj.id for obj in dossier}) == len(list(dossier))
    assert em.json.loads(em.json.dumps(dossier), em.Dossier) == dossier


@given(testing.model_objects())
def test_equality_and_hashing_are_by_value(obj):
    twin = copy.deepcopy(obj)
    assert twin == obj
    assert hash(twin) == hash(obj)
    assert obj != object()
    assert len({obj, twin}) == 1


@given(testing.model_objects())
def test_evolve_without_changes_gives_an_equal_object(obj):
    evolved = attrs.evolve(obj)
    assert evolved == obj
    assert hash(evolved) == hash(obj)


@given(testing.model_objects())
def test_pickle_round_trip(obj):
    assert pickle.loads(pickle.dumps(obj)) == obj


@given(testing.model_objects())
def test_repr_is_text_that_names_the_class(obj):
    text = repr(obj)
    assert text.startswith(type(obj).__name__) or (
        isinstance(obj, em.When) and text == f"When.parse({str(obj)!r})"
    )


@given(testing.model_objects())
def test_no_field_can_be_assigned(obj):
    for field in attrs.fields(type(obj)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, field.name, getattr(obj, field.name))


@pytest.mark.parametrize("name", sorted(ENTITY_STRATEGIES))
def test_derived_ids_are_stable(name):
    @given(ENTITY_STRATEGIES[name]())
    def check(obj):
        fields = _fields(obj)
        fields.pop("id")
        first = type(obj)(**fields)
        second = type(obj)(**fields)
        assert first.id == second.id
        assert first.id.startswith(to_document(first)["type"] + ":")
        # Giving the derived id explicitly builds the same object.
        assert type(obj)(**fields, id=first.id) == first

    check()


@given(testing.moments() | testing.intervals())
def test_when_text_round_trip(when):
    assert em.When.parse(str(when)) == when
    assert str(em.When.parse(str(when))) == str(when)


@given(testing.moments())
@example(em.When.parse("9999-12"))
@example(em.When.parse("9999"))
@example(em.When.parse("9999-12-31T23"))
@example(em.When.parse("0001-01-01T00:00:00.000000"))
def test_when_bounds_span_exactly_the_stated_precision(when):
    lower, upper = when.lower, when.upper
    assert lower <= upper
    if isinstance(when.value, datetime):
        assert lower == when.value
    else:
        assert lower == datetime.combine(when.value, time())
    # The next instant after the upper bound is the start of the next period.
    try:
        after = upper + timedelta(microseconds=1)
    except OverflowError:
        assert upper.replace(tzinfo=None) == datetime.max  # the last period there is
        return
    precision = when.precision
    if precision is em.Precision.CENTURY:
        assert (after.year, after.month, after.day) == (lower.year + 100, 1, 1)
    elif precision is em.Precision.DECADE:
        assert (after.year, after.month, after.day) == (lower.year + 10, 1, 1)
    elif precision is em.Precision.YEAR:
        assert (after.year, after.month, after.day) == (lower.year + 1, 1, 1)
    elif precision is em.Precision.SEASON:
        assert after.day == 1
        assert (after.year * 12 + after.month) - (lower.year * 12 + lower.month) == 3
    elif precision is em.Precision.MONTH:
        assert after.day == 1
        assert (after.year * 12 + after.month) - (lower.year * 12 + lower.month) == 1
    else:
        step = {
            em.Precision.DAY: timedelta(days=1),
            em.Precision.HOUR: timedelta(hours=1),
            em.Precision.MINUTE: timedelta(minutes=1),
            em.Precision.SECOND: timedelta(seconds=1),
            em.Precision.DECISECOND: timedelta(milliseconds=100),
            em.Precision.CENTISECOND: timedelta(milliseconds=10),
            em.Precision.MILLISECOND: timedelta(milliseconds=1),
            em.Precision.MICROSECOND: timedelta(microseconds=1),
        }[precision]
        assert after - lower == step


@given(testing.factualities())
def test_factuality_text_round_trip(factuality):
    assert em.Factuality.parse(str(factuality)) is factuality


@given(testing.confidences())
def test_confidence_converts_back_to_its_own_scale(confidence):
    if confidence.scale is em.ConfidenceScale.ADMIRALTY:
        assert em.Confidence.from_admiralty(confidence.to_admiralty()) == confidence
    elif confidence.scale is em.ConfidenceScale.WORDS:
        assert em.Confidence.from_words(confidence.to_words()) == confidence
    else:
        assert confidence.value is not None
        grade = confidence.to_admiralty()
        _, _, low, high = em.ADMIRALTY_CREDIBILITY[grade]
        assert low <= confidence.value <= high


@given(testing.quantities())
def test_quantity_bounds_are_ordered(quantity):
    low, high = quantity.bounds
    if low is not None and high is not None:
        assert low <= high


@given(testing.claims(max_depth=4))
def test_claim_depth_counts_the_nesting(claim):
    depth, content = 1, claim.content
    while isinstance(content, em.Claim):
        depth, content = depth + 1, content.content
    assert claim.depth == depth <= 4


@given(st.data())
def test_collections_cannot_be_mutated(data):
    event = data.draw(testing.events())
    with pytest.raises(TypeError):
        event.quantities["x"] = em.Quantity(1)  # type: ignore[index]
    with pytest.raises(AttributeError):
        event.participants.append(None)  # type: ignore[attr-defined]


STRATEGY_CLASSES = [*BUILT_IN_CLASSES, em.Moment, em.Interval, em.Relative, em.Factuality]


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=lambda cls: cls.__name__)
def test_strategy_for_draws_objects_of_the_class(cls):
    @given(testing.strategy_for(cls))
    def check(obj):
        assert type(obj) is cls

    check()


def test_strategy_for_a_when_draws_every_kind_of_time():
    @given(testing.strategy_for(em.When))
    def check(obj):
        assert isinstance(obj, em.When)

    check()


def test_strategy_for_a_class_without_one_says_how_to_build_it():
    with pytest.raises(em.InvalidTypeError) as caught:
        testing.strategy_for(int)
    assert str(caught.value) == (
        "eventmodel.testing.strategy_for(): has no strategy for this class, got <class 'int'>. "
        "Fix: build one with hypothesis.strategies.builds(...) from the strategies here"
    )
