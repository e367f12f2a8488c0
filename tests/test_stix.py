"""STIX 2.1 in two profiles: the mapping, the standard's own checks, stable ids and lossless round trips."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import eventmodel as em
from eventmodel import testing
from eventmodel.cli import main

stix2 = pytest.importorskip("stix2")
stix2validator = pytest.importorskip("stix2validator")
jsonschema = pytest.importorskip("jsonschema")

from eventmodel.interop import stix as emstix  # noqa: E402 - needs the stix extra

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "luhansk-2022-03-27" / "dossier.json"
SCHEMAS = ROOT / "src" / "eventmodel" / "interop" / "data" / "stix"
VANILLA_TYPES = {"identity", "location", "note", "opinion", "report"}


@pytest.fixture(scope="module")
def example():
    with EXAMPLE.open("rb") as fp:
        return em.json.load(fp, em.Dossier)


def _text(dossier, vanilla=False, **options):
    out = io.StringIO()
    (emstix.write_stix_vanilla if vanilla else emstix.write_stix)(dossier, out, **options)
    return out.getvalue()


def _bundle(dossier, vanilla=False, **options):
    return json.loads(_text(dossier, vanilla, **options))


def _refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("_ref") and isinstance(value, str):
                found.append(value)
            elif key.endswith("_refs") and isinstance(value, list):
                found.extend(value)
            else:
                _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)
    return found


def _validate(text, tmp_path, **options):
    path = tmp_path / "bundle.json"
    path.write_text(text, encoding="utf-8")
    result = stix2validator.validate_file(
        str(path), stix2validator.ValidationOptions(version="2.1", silent=True, **options)
    )
    messages = [str(error) for obj in result.object_results for error in obj.errors or []]
    return result.is_valid, messages


def _strict(text, tmp_path):
    # Every id is a name-based UUID (v5), so that a dossier gives the same bundle every time;
    # STIX's best practice asks for random ones (v4), the one check that contradicts stable ids.
    return _validate(text, tmp_path, strict=True, schema_dir=str(SCHEMAS), disabled=["uuid-check"])


# -- lossless ------------------------------------------------------------------------------------------


def test_the_example_comes_back_equal(example):
    back = emstix.from_stix(_bundle(example))
    assert back == example
    assert back.check().ok


@given(testing.dossiers())
def test_every_dossier_comes_back_equal(dossier):
    assert emstix.from_stix(_bundle(dossier)) == dossier


def test_every_object_read_is_parsed_by_stix2(example, monkeypatch):
    parsed = []
    real = stix2.parse

    def spy(obj, *args, **kwargs):
        parsed.append(obj["id"])
        assert kwargs.get("allow_custom") is False
        return real(obj, *args, **kwargs)

    monkeypatch.setattr(emstix.stix2, "parse", spy)
    emstix.from_stix(_bundle(example))
    members = len(example.actors) + len(example.sources) + len(example.claims)
    assert len(set(parsed)) > members


def test_the_command_line_reads_the_bundle_back(example, tmp_path):
    bundle, back = tmp_path / "out.stix.json", tmp_path / "back.json"
    assert main(["export", str(EXAMPLE), "--to", "stix", "-o", str(bundle)]) == 0
    assert main(["import", "--from", "stix", str(bundle), "-o", str(back)]) == 0
    with back.open("rb") as fp:
        assert em.json.load(fp, em.Dossier) == example


# -- stable, resolved, versioned -------------------------------------------------------------------------


@pytest.mark.parametrize("vanilla", [False, True])
def test_two_processes_write_byte_identical_bundles(vanilla):
    script = (
        "import sys, eventmodel as em\n"
        "from eventmodel.interop import stix\n"
        f"d = em.json.load(open({str(EXAMPLE)!r}, 'rb'), em.Dossier)\n"
        f"(stix.write_stix_vanilla if {vanilla} else stix.write_stix)(d, sys.stdout)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, check=True, env={"PYTHONHASHSEED": seed}
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]
    assert len(runs[0]) > 10_000


@pytest.mark.parametrize("vanilla", [False, True])
def test_every_object_has_a_spec_version_and_every_reference_resolves(example, vanilla):
    objects = _bundle(example, vanilla)["objects"]
    ids = {obj["id"] for obj in objects}
    assert len(ids) == len(objects)
    assert all(obj["spec_version"] == "2.1" for obj in objects)
    refs = _refs(objects, [])
    assert len(refs) > 50
    assert set(refs) <= ids


@given(testing.dossiers())
def test_every_reference_of_any_dossier_resolves(dossier):
    for vanilla in (False, True):
        objects = _bundle(dossier, vanilla)["objects"]
        assert set(_refs(objects, [])) <= {obj["id"] for obj in objects}


def test_the_eventmodel_id_is_kept_in_every_object(example):
    objects = _bundle(example)["objects"]
    claims = [obj for obj in objects if obj["type"] == "eventmodel-claim"]
    assert {claim["eventmodel_id"] for claim in claims} >= {claim.id for claim in example.claims}
    vanilla = _bundle(example, vanilla=True)["objects"]
    kept = {
        ref["external_id"]
        for obj in vanilla
        for ref in obj.get("external_references", ())
        if ref["source_name"] == "eventmodel"
    }
    assert kept >= {obj.id for obj in (*example.actors, *example.sources, *example.claims)}


def test_ids_are_name_based_uuids_of_eventmodel_ids(example):
    objects = _bundle(example)["objects"]
    actor = example.actors[0]
    expected = f"identity--{__import__('uuid').uuid5(emstix.NAMESPACE, 'identity|' + actor.id)}"
    assert expected in {obj["id"] for obj in objects}


def test_created_modified_and_the_producer_are_options(example):
    objects = _bundle(
        example,
        created="2022-03-28T09:00:00+02:00",
        modified="2022-03-29T00:00:00.5Z",
        identity="Example CTI",
    )["objects"]
    producer = next(obj for obj in objects if obj.get("name") == "Example CTI")
    assert producer["type"] == "identity"
    claims = [obj for obj in objects if obj["type"] == "eventmodel-claim"]
    assert {(c["created"], c["modified"], c["created_by_ref"]) for c in claims} == {
        ("2022-03-28T07:00:00.000Z", "2022-03-29T00:00:00.500Z", producer["id"])
    }
    assert emstix.from_stix({"type": "bundle", "id": "bundle--x", "objects": objects}) == example


def test_a_bad_time_is_refused():
    with pytest.raises(em.InvalidValueError) as caught:
        _text(em.Dossier(), created="yesterday")
    assert str(caught.value) == (
        "STIX.created: must be an ISO 8601 date and time with a time zone, got 'yesterday'. "
        "Fix: write it like '2022-03-27T12:00:00Z'"
    )
    with pytest.raises(em.InvalidValueError, match="must not be before created"):
        _text(em.Dossier(), created="2022-03-28T00:00:00Z", modified="2022-03-27T00:00:00Z")


def test_the_extension_definition_never_changes(example):
    definition = next(obj for obj in _bundle(example)["objects"] if obj["type"] == "extension-definition")
    assert definition["id"] == "extension-definition--6b7c2128-572b-493d-8891-d506c2ceb67d"
    assert definition["created"] == definition["modified"] == "2026-12-04T00:00:00.000Z"
    assert definition["created_by_ref"] == emstix.PROJECT_IDENTITY_ID
    assert definition == next(
        obj
        for obj in _bundle(em.Dossier(), created="2030-01-01T00:00:00Z")["objects"]
        if obj["id"] == definition["id"]
    )


# -- Admiralty 6 --------------------------------------------------------------------------------------


def _judged(confidence):
    return em.Dossier(
        [em.Claim(None, em.Proposition("Luhansk may be annexed."), id="claim:a", confidence=confidence)]
    )


@pytest.mark.parametrize("vanilla", [False, True])
def test_admiralty_6_never_becomes_a_number(vanilla):
    objects = _bundle(_judged(em.Confidence.from_admiralty(6)), vanilla)["objects"]
    assert all("confidence" not in obj for obj in objects)
    assert all(obj["type"] != "opinion" for obj in objects)
    numbers = re.findall(
        r'"(?:confidence|value)":\s*\d', _text(_judged(em.Confidence.from_admiralty(6)), vanilla)
    )
    assert numbers == []


@pytest.mark.parametrize("vanilla", [False, True])
def test_a_graded_confidence_is_stix_confidence(vanilla):
    objects = _bundle(_judged(em.Confidence.from_admiralty(2)), vanilla)["objects"]
    assert [obj["confidence"] for obj in objects if "confidence" in obj] == [75]
    if vanilla:
        assert [obj["opinion"] for obj in objects if obj["type"] == "opinion"] == ["agree"]


# -- the vanilla profile: STIX's own tools read it as is --------------------------------------------------


def test_the_vanilla_bundle_has_only_stix_objects_and_stix2_parses_it(example):
    text = _text(example, vanilla=True)
    # The example's claims carry no analyst's confidence, so it has no opinion.
    assert {obj["type"] for obj in json.loads(text)["objects"]} == VANILLA_TYPES - {"opinion"}
    bundle = stix2.parse(text, allow_custom=False, version="2.1")
    assert len(bundle.objects) == len(json.loads(text)["objects"])


def test_the_oasis_validator_accepts_the_vanilla_bundle(example, tmp_path):
    assert _validate(_text(example, vanilla=True), tmp_path) == (True, [])


@given(testing.dossiers(max_size=3))
def test_stix2_parses_the_vanilla_bundle_of_any_dossier(dossier):
    text = _text(dossier, vanilla=True)
    assert {obj["type"] for obj in json.loads(text)["objects"]} <= VANILLA_TYPES
    stix2.parse(text, allow_custom=False, version="2.1")


# -- the extension profile: the validator in strict mode, with its schema ------------------------------


def test_the_validator_accepts_the_extension_bundle_in_strict_mode(example, tmp_path):
    assert _strict(_text(example), tmp_path) == (True, [])


def test_the_validator_rejects_a_speech_act_not_ours(example, tmp_path):
    bundle = _bundle(example)
    claim = next(obj for obj in bundle["objects"] if obj["type"] == "eventmodel-claim")
    claim["speech_act"] = "gossips"
    valid, messages = _strict(json.dumps(bundle), tmp_path)
    assert not valid
    assert any("speech_act: 'gossips' is not one of ['states', 'reports'" in message for message in messages)


def test_the_schema_names_every_value_of_the_vocabularies():
    schema = emstix.extension_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    claim = schema["$defs"]["claim"]["properties"]
    assert claim["speech_act"]["enum"] == [act.value for act in em.SpeechAct]
    assert claim["relation"]["enum"] == [relation.value for relation in em.ClaimRelation]
    codes = ["CT+", "CT-", "CTu", "PR+", "PR-", "PS+", "PS-", "Uu"]
    assert claim["factuality"]["enum"] == [str(em.Factuality.parse(code)) for code in codes]
    assert schema["$defs"]["source"]["properties"]["kind"]["enum"] == [kind.value for kind in em.SourceKind]
    assert schema["$defs"]["actor"]["properties"]["kind"]["enum"] == [kind.value for kind in em.ActorKind]


@pytest.mark.parametrize("cls", sorted(set(emstix.FIELDS) - {em.Actor}, key=lambda cls: cls.__name__))
def test_the_schema_allows_every_property_the_mapping_writes(cls):
    name = {em.Source: "source", em.Claim: "claim", em.Event: "event", em.Proposition: "proposition"}[cls]
    allowed = emstix.extension_schema()["$defs"][name]["propertyNames"]["enum"]
    assert set(emstix.FIELDS[cls].values()) <= set(allowed)


def test_the_schema_rejects_what_the_example_does_not_write(example):
    schema = emstix.extension_schema()
    validator = jsonschema.Draft202012Validator(schema)
    objects = _bundle(example)["objects"]
    assert all(not list(validator.iter_errors(obj)) for obj in objects if "extensions" in obj)
    claim = dict(next(obj for obj in objects if obj["type"] == "eventmodel-claim"), x_unknown=1)
    assert list(validator.iter_errors(claim))


# -- the mapping carries every field, and the docs say what vanilla drops ----------------------------------


@pytest.mark.parametrize("table", ["FIELDS", "VANILLA"])
@pytest.mark.parametrize("cls", sorted(emstix.FIELDS, key=lambda cls: cls.__name__))
def test_the_mapping_names_every_field_of_every_class(table, cls):
    assert set(getattr(emstix, table)[cls]) == {field.name for field in attrs.fields(cls)}


def test_the_reference_table_is_the_vanilla_table():
    page = (ROOT / "docs" / "reference" / "stix.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)\.(\w+)` \| (.+?) \|$", page, re.MULTILINE)
    table = {(cls, field): how for cls, field, how in rows}
    expected = {
        (cls.__name__, field): how for cls, fields in emstix.VANILLA.items() for field, how in fields.items()
    }
    assert table == expected


def test_what_vanilla_drops_is_not_in_its_bundle():
    actor = em.Actor("Secret Name", "person", id="actor:x", aliases=["ALIAS-ONLY"])
    source = em.Source("video", id="src:v", text="TEXT-ONLY", reliability="F")
    claim = em.Claim(
        actor,
        em.Event("attack.shelling", id="event:e", details={"weapon": "DETAIL-ONLY"}),
        id="claim:c",
        evidence=[em.Evidence(source)],
        setting="event:SETTING-ONLY",
        extras={"x-note": "EXTRA-ONLY"},
    )
    text = _text(em.Dossier([actor, source, claim]), vanilla=True)
    for dropped in ("ALIAS-ONLY", "TEXT-ONLY", "DETAIL-ONLY", "SETTING-ONLY", "EXTRA-ONLY"):
        assert dropped not in text
    assert "Secret Name" in text


# -- bad input --------------------------------------------------------------------------------------------


def _example_objects(example):
    return _bundle(example)["objects"]


def test_a_bad_value_on_import_names_its_path(example):
    objects = _example_objects(example)
    position = next(i for i, obj in enumerate(objects) if obj["type"] == "eventmodel-claim")
    objects[position]["speech_act"] = "gossips"
    with pytest.raises(em.InvalidValueError) as caught:
        emstix.from_stix({"type": "bundle", "id": "bundle--x", "objects": objects})
    assert str(caught.value).startswith(
        f"$.objects[{position}].speech_act (Claim.speech_act): must be a SpeechAct, got 'gossips'. Fix: use one of"
    )


def test_a_content_ref_to_nothing_names_its_path(example):
    objects = _example_objects(example)
    position = next(i for i, obj in enumerate(objects) if obj["type"] == "eventmodel-claim")
    objects[position]["content_ref"] = "eventmodel-event--00000000-0000-5000-8000-000000000000"
    with pytest.raises(em.InvalidValueError) as caught:
        emstix.from_stix({"type": "bundle", "id": "bundle--x", "objects": objects})
    assert str(caught.value) == (
        f"$.objects[{position}].content_ref (STIX): must name the claim's content in the bundle, "
        "got 'eventmodel-event--00000000-0000-5000-8000-000000000000'"
    )


def test_an_object_stix2_refuses_names_its_path(example):
    objects = _example_objects(example)
    position = next(i for i, obj in enumerate(objects) if obj["type"] == "identity" and "extensions" in obj)
    del objects[position]["name"]
    with pytest.raises(em.InvalidValueError) as caught:
        emstix.from_stix({"type": "bundle", "id": "bundle--x", "objects": objects})
    assert str(caught.value) == (
        f"$.objects[{position}] (STIX): is not a STIX 2.1 object stix2 reads: "
        "No values for required properties for Identity: (name)."
    )


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "$ (STIX): must be a STIX bundle: an object of type 'bundle' with a list of objects"),
        (
            {"type": "bundle", "objects": []},
            "$.objects (STIX): has 0 eventmodel dossier reports, one expected. "
            "Fix: read a bundle that `eventmodel export --to stix` wrote",
        ),
        ({"type": "bundle", "objects": [1]}, "$.objects[0] (STIX): must be a STIX object, got 1"),
    ],
)
def test_what_is_not_a_bundle_of_ours_is_refused(document, message):
    with pytest.raises(em.InvalidValueError) as caught:
        emstix.from_stix(document)
    assert str(caught.value) == message


def test_a_file_that_is_not_json_names_the_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(em.InvalidValueError) as caught:
        emstix.read_stix([path])
    assert str(caught.value) == (
        f"{path}: $ (STIX): is not JSON: Expecting property name enclosed in double quotes at line 1, column 2"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe{}", "is not UTF-8 (byte 0: invalid start byte)"),
        (
            b"[" * 100_000 + b"]" * 100_000,
            "nests arrays or objects too deeply to read. Fix: flatten the document",
        ),
    ],
)
def test_bad_bytes_and_deep_nesting_are_one_line(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(em.InvalidValueError) as caught:
        emstix.read_stix([path])
    assert str(caught.value) == f"{path}: $ (STIX): {message}"


def test_two_different_claims_with_one_id_are_refused():
    inner = em.Claim("actor:a", em.Proposition("p"), id="claim:same")
    other = em.Claim("actor:b", em.Proposition("q"), id="claim:same")
    dossier = em.Dossier([em.Claim(None, inner, id="claim:1"), em.Claim(None, other, id="claim:2")])
    with pytest.raises(em.InvalidValueError, match="is the id of two different claims"):
        _text(dossier)
