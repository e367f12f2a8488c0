"""Custom types: the registry, type tags, and custom types in JSON and dossiers."""

from __future__ import annotations

import sys
import textwrap

import attrs
import pytest

import eventmodel as em
from eventmodel.exceptions import InvalidTypeError, InvalidValueError, UnknownTypeError


@em.register("x-test-losses-report")
@attrs.frozen
class LossesReport(em.Claim):
    personnel: em.Quantity | None = attrs.field(default=None, kw_only=True)
    tanks: int | None = attrs.field(default=None, kw_only=True)


@em.register("x-test-airstrike")
@attrs.frozen
class Airstrike(em.Event):
    sorties: int = attrs.field(default=1, kw_only=True)


def _report() -> LossesReport:
    return LossesReport(
        "actor:ua-general-staff",
        em.Event("losses", participants=[em.Participant("actor:russian-armed-forces", "victim")]),
        personnel=em.Quantity(16600),
        tanks=582,
    )


def test_a_custom_claim_round_trips_as_itself():
    report = _report()
    assert report.id.startswith("x-test-losses-report:")
    text = em.json.dumps(report)
    assert text.startswith('{"type":"x-test-losses-report","id":"x-test-losses-report:')
    back = em.json.loads(text, em.Claim)
    assert type(back) is LossesReport
    assert back == report
    assert em.json.loads(text, LossesReport) == report


def test_a_custom_event_is_claim_content():
    claim = em.Claim("actor:ua-air-force", Airstrike("attack.airstrike", sorties=4))
    back = em.json.loads(em.json.dumps(claim), em.Claim)
    assert type(back.content) is Airstrike
    assert back.content.sorties == 4
    assert back == claim


def test_custom_types_live_in_dossiers():
    report = _report()
    dossier = em.Dossier([em.Actor("General Staff", "military-unit", id="actor:ua-general-staff"), report])
    back = em.json.loads(em.json.dumps(dossier), em.Dossier)
    assert back == dossier
    assert type(back.claims[0]) is LossesReport


def test_custom_fields_are_strict():
    text = em.json.dumps(_report()).replace('"tanks":582', '"tanks":"582"')
    with pytest.raises(InvalidTypeError) as excinfo:
        em.json.loads(text, em.Claim)
    assert str(excinfo.value) == "$.tanks: must be an integer, not a string, got '582'"


def test_a_custom_type_where_its_base_does_not_belong_is_refused():
    text = em.json.dumps(Airstrike("attack.airstrike"))
    with pytest.raises(InvalidValueError) as excinfo:
        em.json.loads(text, em.Claim)
    assert str(excinfo.value) == "$.type: names an Airstrike, where a Claim belongs, got 'x-test-airstrike'"


def test_unknown_tags_are_refused_naming_them():
    with pytest.raises(UnknownTypeError) as excinfo:
        em.json.loads('{"type": "x-unheard-of", "id": "claim:1", "claimant": null}', em.Claim)
    assert excinfo.value.path == "$.type"
    assert excinfo.value.value == "x-unheard-of"


def test_the_registry_knows_both_directions():
    assert em.registry.class_of("x-test-losses-report") is LossesReport
    assert em.registry.tag_of(LossesReport) == "x-test-losses-report"
    assert "x-test-losses-report" in em.registry
    assert {"actor", "source", "event", "proposition", "claim"} <= set(em.registry)
    assert len(em.registry) >= 7
    assert "x-test-airstrike" in repr(em.registry)


def _subclass() -> type:
    @attrs.frozen
    class Other(em.Claim):
        pass

    return Other


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        (
            "losses",
            "TypeRegistry.register(): must be 'x-' followed by lowercase words, such as 'x-losses-report', "
            "got 'losses'. Fix: custom tags start with 'x-' so that they never clash with the library's own",
        ),
        (
            "claim",
            "TypeRegistry.register(): must be 'x-' followed by lowercase words, such as 'x-losses-report', "
            "got 'claim'. Fix: custom tags start with 'x-' so that they never clash with the library's own",
        ),
        (
            "x-Losses",
            "TypeRegistry.register(): must be 'x-' followed by lowercase words, such as 'x-losses-report', "
            "got 'x-Losses'. Fix: custom tags start with 'x-' so that they never clash with the library's own",
        ),
    ],
)
def test_bad_tags_are_refused(tag, message):
    with pytest.raises(InvalidValueError) as excinfo:
        em.register(tag)(_subclass())
    assert str(excinfo.value) == message


def test_a_taken_tag_is_refused_unless_replaced():
    registry = em.TypeRegistry()
    first, second = _subclass(), _subclass()
    registry.register("x-report", first)
    with pytest.raises(InvalidValueError) as excinfo:
        registry.register("x-report", second)
    assert excinfo.value.reason.startswith(
        "is taken by tests.test_custom_types."
    ) or excinfo.value.reason.startswith("is taken by test_custom_types.")
    assert excinfo.value.fix == "choose another tag, or pass replace=True to replace the class on purpose"
    registry.register("x-report", second, replace=True)
    assert registry.class_of("x-report") is second
    with pytest.raises(UnknownTypeError):
        registry.tag_of(first)


def test_registering_the_same_class_twice_under_one_tag_is_harmless():
    registry = em.TypeRegistry()
    cls = _subclass()
    assert registry.register("x-report", cls) is cls
    assert registry.register("x-report", cls) is cls


def test_a_class_has_one_tag():
    registry = em.TypeRegistry()
    cls = _subclass()
    registry.register("x-report", cls)
    with pytest.raises(InvalidValueError) as excinfo:
        registry.register("x-other", cls)
    assert excinfo.value.reason == "is already registered as 'x-report'"


class NotAModelClass:
    pass


@attrs.frozen
class Unrelated:
    name: str


@pytest.mark.parametrize("cls", [NotAModelClass, Unrelated, em.Claim, em.Actor, em.Source, 5, "Claim"])
def test_only_proper_subclasses_are_registered(cls):
    with pytest.raises(InvalidTypeError) as excinfo:
        em.TypeRegistry().register("x-thing", cls)
    assert excinfo.value.reason == "must be a subclass of Claim, Event or Proposition"
    assert excinfo.value.fix == "subclass one of them with @attrs.frozen"


def test_a_subclass_must_be_an_attrs_class_itself():
    class Plain(em.Claim):  # inherits attrs fields, but is not decorated itself
        __slots__ = ()

    with pytest.raises(InvalidTypeError) as excinfo:
        em.TypeRegistry().register("x-plain", Plain)
    assert excinfo.value.reason == "must be decorated with @attrs.frozen itself"


def test_unknown_classes_have_no_tag():
    with pytest.raises(UnknownTypeError) as excinfo:
        em.registry.tag_of(Unrelated)
    assert excinfo.value.fix == "register it: @eventmodel.register('x-your-type')"


def test_entry_points_are_loaded_only_when_asked(tmp_path, monkeypatch):
    package = tmp_path / "eventmodel_test_plugin"
    package.mkdir()
    (package / "__init__.py").write_text(
        textwrap.dedent(
            """
            import attrs
            import eventmodel

            @attrs.frozen
            class Shelling(eventmodel.Event):
                rounds: int = attrs.field(default=0, kw_only=True)
            """
        )
    )
    dist_info = tmp_path / "eventmodel_test_plugin-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: eventmodel-test-plugin\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text(
        "[eventmodel.types]\nx-test-plugin-shelling = eventmodel_test_plugin:Shelling\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = em.TypeRegistry()
    assert "x-test-plugin-shelling" not in registry
    assert "eventmodel_test_plugin" not in sys.modules
    assert registry.load_entry_points() == ["x-test-plugin-shelling"]
    shelling = registry.class_of("x-test-plugin-shelling")
    assert shelling.__name__ == "Shelling"
    monkeypatch.delitem(sys.modules, "eventmodel_test_plugin")
