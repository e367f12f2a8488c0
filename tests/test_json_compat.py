"""Forward compatibility: documents from a newer minor version, read strictly and leniently."""

from __future__ import annotations

import io
import json

import pytest

import eventmodel as em
from eventmodel.exceptions import InvalidTypeError, InvalidValueError, UnknownTypeError

NEWER = {
    "eventmodel": "1.4",
    "actors": [
        {
            "type": "actor",
            "id": "actor:ua-general-staff",
            "name": "General Staff of the Armed Forces of Ukraine",
            "kind": "military-unit",
            "founded": {"year": 1991, "sources": ["https://example.org/a", None]},
        },
        {"type": "x-coalition", "id": "actor:the-west", "members": ["actor:us", "actor:uk"]},
    ],
    "claims": [
        {
            "type": "claim",
            "id": "claim:losses",
            "claimant": "actor:ua-general-staff",
            "content": {
                "type": "event",
                "id": "event:losses",
                "kind": "losses",
                "quantities": {"personnel": {"value": "16600", "confidence_interval": [15000, 18000]}},
            },
            "verified": True,
        },
        {
            "type": "claim",
            "id": "claim:future-content",
            "claimant": None,
            "content": {"type": "x-hypothesis", "text": "The front will hold."},
        },
    ],
    "signature": "c2lnbmVk",
}
TEXT = json.dumps(NEWER)


def test_strict_reading_refuses_unknown_members():
    with pytest.raises(InvalidValueError) as excinfo:
        em.json.loads(TEXT, em.Dossier)
    assert str(excinfo.value) == (
        "$.signature: is not a member of a dossier, got 'c2lnbmVk'. "
        "Fix: remove it, or read with strict=False to keep members a newer version wrote"
    )


def test_strict_reading_names_the_first_unknown_member_of_an_object():
    document = {**NEWER, "signature": None}
    del document["signature"]
    with pytest.raises(InvalidValueError) as excinfo:
        em.json.loads(json.dumps(document), em.Dossier)
    assert str(excinfo.value) == (
        "$.actors[0].founded: is not a member of an Actor, got {'year': 1991, 'sources': ['https://example.org/a', None]}. "
        "Fix: remove it, or read with strict=False to keep members a newer version wrote"
    )


def test_strict_reading_refuses_unknown_types():
    document = {"eventmodel": "1.0", "actors": [NEWER["actors"][1]]}
    with pytest.raises(UnknownTypeError) as excinfo:
        em.json.loads(json.dumps(document), em.Dossier)
    assert excinfo.value.path == "$.actors[0].type"


def test_lenient_reading_keeps_everything_and_writes_it_back_unchanged():
    dossier = em.json.loads(TEXT, em.Dossier, strict=False)
    staff = dossier.get("actor:ua-general-staff")
    assert staff is not None
    assert staff.extras["founded"]["year"] == 1991
    losses = dossier.get("claim:losses")
    assert losses.extras == {"verified": True}
    assert losses.content.quantities["personnel"].extras["confidence_interval"] == (15000, 18000)
    assert dossier.extras == {"signature": "c2lnbmVk"}
    assert [item.type for item in dossier.unrecognized] == ["x-coalition", "claim"]
    assert [item.kind for item in dossier.unrecognized] == ["actors", "claims"]
    assert [item.id for item in dossier.unrecognized] == ["actor:the-west", "claim:future-content"]
    assert json.loads(em.json.dumps(dossier)) == NEWER
    for backend in ("json", "orjson"):
        assert json.loads(em.json.dumps(dossier, backend=backend)) == NEWER


def test_lenient_reading_round_trips_again():
    dossier = em.json.loads(TEXT, em.Dossier, strict=False)
    assert em.json.loads(em.json.dumps(dossier), em.Dossier, strict=False) == dossier


def test_lenient_reading_still_refuses_what_is_wrong():
    document = json.loads(TEXT)
    document["actors"][0]["kind"] = 5
    with pytest.raises(InvalidValueError) as excinfo:
        em.json.loads(json.dumps(document), em.Dossier, strict=False)
    assert excinfo.value.path == "$.actors[0].kind"


def test_a_single_object_keeps_its_extras():
    text = json.dumps(NEWER["claims"][0])
    claim = em.json.loads(text, em.Claim, strict=False)
    assert json.loads(em.json.dumps(claim)) == NEWER["claims"][0]


def test_an_unknown_type_is_an_error_outside_a_dossier_even_when_lenient():
    with pytest.raises(UnknownTypeError):
        em.json.loads(json.dumps(NEWER["actors"][1]), em.Actor, strict=False)


@pytest.mark.parametrize("version", ["2.0", "0.9", "1"])
def test_other_major_versions_are_refused(version):
    with pytest.raises(InvalidValueError) as excinfo:
        em.json.loads(json.dumps({"eventmodel": version, "actors": []}), em.Dossier, strict=False)
    assert excinfo.value.path == "$.eventmodel"
    assert excinfo.value.reason == "must name format version 1.x"


@pytest.mark.parametrize("version", [1.0, None, 1])
def test_a_version_that_is_not_a_string_is_told_so(version):
    with pytest.raises(InvalidTypeError) as excinfo:
        em.json.loads(json.dumps({"eventmodel": version, "actors": []}), em.Dossier, strict=False)
    assert excinfo.value.path == "$.eventmodel"
    assert excinfo.value.reason == 'must be a string naming the format version, such as "1.0"'


def test_extras_hold_json_values_under_names_that_are_not_fields():
    actor = em.Actor(
        "Joe Biden", "person", extras={"x-born": 1942, "x-tags": ["a", {"b": None}], "x-ratio": 0.5}
    )
    assert actor.extras["x-tags"] == ("a", em.FrozenDict({"b": None}))
    assert json.loads(em.json.dumps(actor))["x-tags"] == ["a", {"b": None}]
    assert em.json.loads(em.json.dumps(actor), em.Actor) == actor
    with pytest.raises(InvalidValueError) as excinfo:
        em.Actor("Joe Biden", extras={"name": "Joseph"})
    assert str(excinfo.value) == "Actor.extras: cannot hold 'name', which names a field of Actor, got 'name'"
    with pytest.raises(InvalidTypeError) as excinfo:
        em.Actor("Joe Biden", extras={"when": object()})
    assert excinfo.value.field == "extras['when']"
    with pytest.raises(InvalidValueError) as excinfo:
        em.Actor("Joe Biden", extras={"x": float("nan")})
    assert excinfo.value.reason == "must be a finite number, not NaN or infinity"


def test_extras_nested_too_deeply_are_refused():
    deep: object = "bottom"
    for _ in range(40):
        deep = [deep]
    with pytest.raises(InvalidValueError) as excinfo:
        em.Actor("Joe Biden", extras={"x-deep": deep})
    assert excinfo.value.reason == "nests JSON deeper than 32 levels"


def test_json_lines_round_trip_and_name_lines():
    objects = [
        em.Actor("Joe Biden", "person", id="actor:joe-biden"),
        em.Source("speech", id="src:warsaw-speech"),
        em.Claim("actor:joe-biden", em.Proposition("This man cannot remain in power."), id="claim:biden"),
    ]
    buffer = io.StringIO()
    assert em.json.write_jsonl(objects, buffer) == 3
    lines = buffer.getvalue().splitlines()
    assert len(lines) == 3
    assert list(em.json.iter_jsonl(io.StringIO(buffer.getvalue()))) == objects
    assert list(em.json.iter_jsonl(io.BytesIO(buffer.getvalue().encode()))) == objects
    assert list(em.json.iter_jsonl(["", lines[0], "  "], em.Actor)) == objects[:1]
    broken = [lines[0], lines[1], lines[2].replace('"claimant":"actor:joe-biden"', '"claimant":5')]
    with pytest.raises(InvalidTypeError) as excinfo:
        list(em.json.iter_jsonl(broken))
    assert str(excinfo.value) == "line 3: $.claimant: must be a string, not a number, got 5"
    with pytest.raises(InvalidValueError) as excinfo:
        list(em.json.iter_jsonl(['{"type": "event", "kind": "x"}']))
    assert (
        str(excinfo.value)
        == "line 1: $.type: must be an actor, a source or a claim, with its 'type', got 'event'"
    )
    with pytest.raises(InvalidValueError) as excinfo:
        list(em.json.iter_jsonl(["{nope"]))
    assert excinfo.value.path == "line 1: $"
