"""W3C PROV both ways: the mapping, the standard's own checks, and lossless round trips."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.interop import vocabulary

prov_model = pytest.importorskip("prov.model")
rdflib = pytest.importorskip("rdflib")
jsonschema = pytest.importorskip("jsonschema")

from eventmodel.interop import prov as emprov  # noqa: E402 - needs the prov extra
from eventmodel.interop.iri import IriRule  # noqa: E402

# rdflib 7 warns from inside Dataset.parse about its own deprecated names.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Dataset.*deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "luhansk-2022-03-27" / "dossier.json"
SCHEMAS = Path(__file__).resolve().parent / "data" / "prov"


@pytest.fixture(scope="module")
def example():
    with EXAMPLE.open("rb") as fp:
        return em.json.load(fp, em.Dossier)


def dossiers():
    members = st.one_of(testing.actors(), testing.sources(), testing.claims())
    return st.lists(members, max_size=5, unique_by=lambda obj: obj.id).map(em.Dossier)


def _claim_ids(dossier):
    found = set()
    for top in dossier.claims:
        claim = top
        while True:
            found.add(claim.id)
            if not isinstance(claim.content, em.Claim):
                break
            claim = claim.content
    return found


# -- lossless --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonld", "trig"])
def test_the_example_comes_back_equal_and_checked(example, fmt):
    back = emprov.from_prov_text(emprov.to_prov_text(example, fmt), fmt)
    assert back == example
    assert back.check().ok


@given(dossiers())
def test_every_dossier_comes_back_equal_through_every_text(dossier):
    for fmt in ("json", "jsonld", "trig"):
        assert emprov.from_prov_text(emprov.to_prov_text(dossier, fmt), fmt) == dossier


# -- valid by the standard's own tools --------------------------------------------------------------


@pytest.mark.parametrize("schema", ["prov-json.schema.json", "provtoolbox-prov-json-schema-v4.json"])
def test_the_schemas_accept_the_prov_json(example, schema):
    schema_document = json.loads((SCHEMAS / schema).read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema_document)(schema_document)
    errors = [
        error.message for error in validator.iter_errors(json.loads(emprov.to_prov_text(example, "json")))
    ]
    assert errors == []


def test_prov_reads_the_prov_json_and_unifies_it(example):
    document = prov_model.ProvDocument.deserialize(
        content=emprov.to_prov_text(example, "json"), format="json"
    )
    assert len(list(document.bundles)) == len(_claim_ids(example))
    document.unified()


def test_the_trig_has_one_named_graph_per_claim_id(example):
    dataset = rdflib.Dataset()
    dataset.parse(data=emprov.to_prov_text(example, "trig"), format="trig")
    named = {
        str(graph.identifier)
        for graph in dataset.graphs()
        if graph.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID and len(graph)
    }
    rule = IriRule()
    assert named == {rule.iri(ident) for ident in _claim_ids(example)}
    assert len(named) > len(example.claims)  # nested claims have graphs of their own


@settings(max_examples=50)
@given(dossiers())
def test_every_dossier_has_one_bundle_per_distinct_claim_id(dossier):
    document = emprov.to_prov(dossier)
    rule = IriRule()
    assert {bundle.identifier.uri for bundle in document.bundles} == {
        rule.iri(i) for i in _claim_ids(dossier)
    }


def _em_terms_written(text):
    dataset = rdflib.Dataset()
    dataset.parse(data=text, format="trig")
    used = set()
    for quad in dataset.quads((None, None, None, None)):
        for term in quad[:3]:
            if isinstance(term, rdflib.URIRef) and str(term).startswith(vocabulary.NAMESPACE):
                used.add(str(term))
            if (
                isinstance(term, rdflib.Literal)
                and term.datatype
                and str(term.datatype).startswith(vocabulary.NAMESPACE)
            ):
                used.add(str(term.datatype))
    return used


def test_every_em_term_the_example_writes_is_in_the_vocabulary(example):
    used = _em_terms_written(emprov.to_prov_text(example, "trig"))
    assert len(used) > 15
    assert used - vocabulary.terms() == set()


@settings(max_examples=50)
@given(dossiers())
def test_every_em_term_any_dossier_writes_is_in_the_vocabulary(dossier):
    assert _em_terms_written(emprov.to_prov_text(dossier, "trig")) - vocabulary.terms() == set()


def test_the_vocabulary_parses_and_labels_every_term():
    graph = rdflib.Graph().parse(data=vocabulary.turtle(), format="turtle")
    defined = {str(s) for s in graph.subjects() if str(s).startswith(vocabulary.NAMESPACE)}
    assert defined == vocabulary.terms()
    for term in defined:
        assert graph.value(rdflib.URIRef(term), rdflib.RDFS.label) is not None, term
        assert graph.value(rdflib.URIRef(term), rdflib.RDFS.comment) is not None, term
    context = vocabulary.context()["@context"]
    assert {
        context["em"] + value["@id"][3:] for key, value in context.items() if isinstance(value, dict)
    } == defined


# -- the mapping carries every field --------------------------------------------------------------------


@pytest.mark.parametrize("cls", sorted(emprov.FIELDS, key=lambda cls: cls.__name__))
def test_the_mapping_names_every_field_of_every_class(cls):
    assert set(emprov.FIELDS[cls]) == {field.name for field in attrs.fields(cls)}


def test_the_mapping_covers_every_class_a_dossier_holds_record_by_record():
    assert set(emprov.FIELDS) == {
        em.Actor,
        em.Source,
        em.Claim,
        em.Event,
        em.Proposition,
        em.Participant,
        em.Evidence,
        em.TextQuote,
        em.TextSpan,
    }


# -- the time rule ---------------------------------------------------------------------------------------


def test_only_an_instant_becomes_an_xsd_datetime():
    dossier = em.Dossier(
        [
            em.Claim(
                None,
                em.Event("a", id="event:instant", when=em.When.parse("2022-03-27T10:00:00.5+05:30")),
                id="claim:1",
            ),
            em.Claim(None, em.Event("a", id="event:day", when=em.When.parse("2022-03-27")), id="claim:2"),
            em.Claim(
                None, em.Event("a", id="event:minute", when=em.When.parse("2022-03-27T10:00Z")), id="claim:3"
            ),
        ]
    )
    document = json.loads(emprov.to_prov_text(dossier, "json"))
    bundles = {key.rpartition("%3A")[2]: value for key, value in document["bundle"].items()}
    instant = bundles["1"]["activity"]["id:event%3Ainstant"]
    assert instant["prov:startTime"] == instant["prov:endTime"] == "2022-03-27T10:00:00.500000+05:30"
    assert instant["em:when"] == "2022-03-27T10:00:00.5+05:30"
    for key, event in (("2", "id:event%3Aday"), ("3", "id:event%3Aminute")):
        record = bundles[key]["activity"][event]
        assert "prov:startTime" not in record
        assert "T00:00:00" not in json.dumps(record)
    assert bundles["2"]["activity"]["id:event%3Aday"]["em:when"] == "2022-03-27"


def test_an_estimated_publication_is_no_schema_date_published():
    instant = em.When.parse("2021-12-15T09:00:00Z")
    given = em.Source("news-article", id="src:dated", published=instant)
    estimated = em.Source(
        "news-article", id="src:undated", published=instant, published_estimate="the wire it reprints"
    )
    dossier = em.Dossier([given, estimated])
    document = json.loads(emprov.to_prov_text(dossier, "json"))
    entities = document["entity"]
    assert entities["id:src%3Adated"]["schema:datePublished"]["$"] == "2021-12-15T09:00:00+00:00"
    assert "schema:datePublished" not in entities["id:src%3Aundated"]
    assert emprov.from_prov_text(emprov.to_prov_text(dossier, "json"), "json") == dossier


@given(testing.whens())
def test_the_time_rule_gives_an_xsd_datetime_only_for_instants(when):
    lexical = vocabulary.instant(when)
    if lexical is None:
        return
    assert isinstance(when, em.Moment)
    parsed = em.When.parse(lexical)
    assert (parsed.lower, parsed.upper, parsed.precision) == (when.lower, when.upper, when.precision)


def test_ordered_fields_keep_their_order():
    source = em.Source(
        "report", id="src:a", authors=["actor:z", "actor:a", "actor:m"], derived_from=["src:z", "src:b"]
    )
    claim = em.Claim(
        None,
        em.Event(
            "a",
            id="event:e",
            participants=[em.Participant("actor:z", "agent"), em.Participant("actor:a", "agent")],
        ),
        evidence=[em.Evidence("src:z"), em.Evidence("src:a")],
        supersedes=["claim:z", "claim:a"],
        retracts=["claim:y", "claim:b"],
    )
    dossier = em.Dossier([source, claim])
    for fmt in ("json", "trig"):
        back = emprov.from_prov_text(emprov.to_prov_text(dossier, fmt), fmt)
        assert back == dossier
        assert back["src:a"].authors == ("actor:z", "actor:a", "actor:m")


def test_an_unattributed_claim_has_no_association():
    claim = em.Claim(None, em.Proposition("p"), id="claim:anon")
    document = json.loads(emprov.to_prov_text(em.Dossier([claim]), "json"))
    assert "wasAssociatedWith" not in document
    assert "wasGeneratedBy" in document


def test_the_claimant_role_is_on_the_association():
    claim = em.Claim("actor:x", em.Proposition("p"), id="claim:said")
    document = json.loads(emprov.to_prov_text(em.Dossier([claim]), "json"))
    (association,) = document["wasAssociatedWith"].values()
    assert association["prov:role"] == {"$": "em:Claimant", "type": "xsd:QName"}
    assert "wasAttributedTo" not in document


def test_a_dossier_s_extras_and_unrecognized_objects_come_back():
    dossier = em.json.loads(
        '{"eventmodel":"1.0","later":{"a":[1]},"actors":[{"type":"robot","id":"r:1","x":2}]}',
        em.Dossier,
        strict=False,
    )
    assert dossier.unrecognized
    assert dossier.extras
    for fmt in ("json", "trig"):
        back = emprov.from_prov_text(emprov.to_prov_text(dossier, fmt), fmt)
        assert back == dossier
        assert back.unrecognized == dossier.unrecognized


def test_two_different_nested_claims_with_one_id_are_refused():
    inner = em.Claim(None, em.Proposition("one"), id="claim:inner")
    other = em.Claim(None, em.Proposition("two"), id="claim:inner")
    dossier = em.Dossier([em.Claim(None, inner, id="claim:a"), em.Claim(None, other, id="claim:b")])
    with pytest.raises(em.InvalidValueError, match="is the id of two different claims"):
        emprov.to_prov(dossier)


def test_a_custom_base_is_used_and_found_again(example):
    text = emprov.to_prov_text(example, "json", base="https://example.org/things/")
    assert "https://example.org/things/" in text
    assert emprov.from_prov_text(text, "json") == example
    assert emprov.from_prov_text(text, "json", base="https://example.org/things/") == example


# -- errors ------------------------------------------------------------------------------------------------


def test_turtle_is_refused_with_the_reason_and_the_way_out(example):
    with pytest.raises(em.InvalidValueError) as caught:
        emprov.to_prov_text(example, "turtle")
    assert str(caught.value) == (
        "PROV.format: cannot hold PROV bundles: it has no named graphs, so every claim's bundle (what the claim says) "
        "would be dropped, got 'turtle'. Fix: write TriG instead (--to prov-trig), or PROV-JSON (--to prov-json)"
    )


def test_an_unknown_text_form_is_refused(example):
    with pytest.raises(em.InvalidValueError, match="is not a PROV text form eventmodel writes"):
        emprov.to_prov_text(example, "provn")
    with pytest.raises(em.InvalidValueError, match="is not a PROV text form eventmodel reads"):
        emprov.from_prov_text("{}", "provn")


def test_text_that_is_not_prov_json_is_an_eventmodel_error():
    with pytest.raises(em.InvalidValueError, match="is not PROV-JSON that prov reads"):
        emprov.from_prov_text('{"eventmodel": "1.0"}', "json")


def test_a_claim_without_its_bundle_is_an_error_that_names_it():
    text = emprov.to_prov_text(em.Dossier([em.Claim(None, em.Proposition("p"), id="claim:c")]), "json")
    document = json.loads(text)
    del document["bundle"]
    with pytest.raises(em.InvalidValueError) as caught:
        emprov.from_prov_text(json.dumps(document), "json")
    assert str(caught.value) == (
        "https://w3id.org/eventmodel/id/claim%3Ac (PROV): has no bundle: what the claim says is missing"
    )


def test_a_bad_id_iri_is_an_error_that_names_the_record():
    text = emprov.to_prov_text(em.Dossier([em.Actor("A", id="actor:a")]), "json").replace(
        "actor%3Aa", "actor:a"
    )
    with pytest.raises(em.InvalidValueError, match="is not an IRI that the IRI rule writes"):
        emprov.from_prov_text(text, "json")


def test_a_field_of_the_wrong_form_is_an_error():
    text = emprov.to_prov_text(em.Dossier([em.Actor("A", id="actor:a")]), "json").replace(
        '"schema:name": "A"', '"schema:name": 5'
    )
    with pytest.raises(em.InvalidValueError, match="must be text"):
        emprov.from_prov_text(text, "json")


# -- files and the command line ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["prov-json", "prov-jsonld", "prov-trig"])
def test_the_registry_writes_and_reads_files(example, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    with out.open("w", encoding="utf-8") as fp:
        em.interop.export_dossier(example, fmt, fp)
    assert em.interop.import_dossier(fmt, [out]) == example


def test_a_file_s_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(em.InvalidValueError) as caught:
        em.interop.import_dossier("prov-json", [bad])
    assert caught.value.path == str(bad)


# -- the docs ---------------------------------------------------------------------------------------


def test_the_reference_table_gives_every_field_its_term():
    page = (ROOT / "docs" / "reference" / "prov.md").read_text(encoding="utf-8")
    rows = {}
    for line in page.splitlines():
        found = re.match(r"\| `(\w+)\.(\w+)` \| (`([\w:]+)`)? \|", line)
        if found:
            rows[found.group(1), found.group(2)] = found.group(4)
    expected = {
        (cls.__name__, name): None if spec.term is None else str(spec.term)
        for cls, fields in emprov.FIELDS.items()
        for name, spec in fields.items()
    }
    assert rows == expected


def test_the_how_to_s_prov_json_file_is_what_the_exporter_writes():
    files = ROOT / "docs" / "how-to" / "files"
    with (files / "reports.json").open("rb") as fp:
        dossier = em.json.load(fp, em.Dossier)
    written = (files / "reports.prov.json").read_text(encoding="utf-8")
    assert written == emprov.to_prov_text(dossier, "json") + "\n"


def test_a_missing_prov_library_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "prov", None)
    monkeypatch.setitem(sys.modules, "prov.model", None)
    monkeypatch.delitem(sys.modules, "eventmodel.interop.prov")
    with pytest.raises(em.MissingExtraError) as caught:
        em.interop.formats.exporter("prov-json").load()
    assert caught.value.extra == "prov"
    assert str(caught.value) == (
        'W3C PROV needs prov, which is not installed. Fix: install it with: pip install "eventmodel[prov]"'
    )


# -- more of what the reader refuses, and what it keeps ----------------------------------------------


def _prop_document():
    text = emprov.to_prov_text(em.Dossier([em.Claim(None, em.Proposition("p"), id="claim:c")]), "json")
    return json.loads(text)


def test_one_reported_claim_in_two_reports_has_one_bundle():
    inner = em.Claim("actor:a", em.Proposition("one"), id="claim:inner")
    dossier = em.Dossier([em.Claim(None, inner, id="claim:a"), em.Claim(None, inner, id="claim:b")])
    assert len(list(emprov.to_prov(dossier).bundles)) == 3
    assert emprov.from_prov_text(emprov.to_prov_text(dossier, "json"), "json") == dossier


def test_a_newer_format_version_comes_back():
    dossier = em.Dossier([em.Actor("A", id="actor:a")], format_version="1.7")
    back = emprov.from_prov_text(emprov.to_prov_text(dossier, "json"), "json")
    assert back.format_version == "1.7"


def test_turtle_is_refused_on_reading_too():
    with pytest.raises(em.InvalidValueError, match="cannot hold PROV bundles"):
        emprov.from_prov_text("", "turtle")


def test_two_values_where_one_is_expected_are_an_error():
    document = _prop_document()
    (bundle,) = document["bundle"].values()
    (proposition,) = bundle["entity"].values()
    proposition["schema:text"] = ["p", "q"]
    with pytest.raises(em.InvalidValueError, match="has 2 values of schema:text, one expected"):
        emprov.from_prov_text(json.dumps(document), "json")


def test_a_claim_whose_content_is_not_in_its_bundle_is_an_error():
    document = _prop_document()
    (claim,) = document["entity"].values()
    claim["em:content"] = {"$": "id:elsewhere", "type": "xsd:QName"}
    with pytest.raises(em.InvalidValueError, match="names no content in its bundle"):
        emprov.from_prov_text(json.dumps(document), "json")


def test_content_of_no_eventmodel_type_is_an_error():
    document = _prop_document()
    (bundle,) = document["bundle"].values()
    (proposition,) = bundle["entity"].values()
    proposition["prov:type"] = {"$": "prov:Plan", "type": "xsd:QName"}
    with pytest.raises(em.InvalidValueError, match="must be an em:Event, an em:Proposition or an em:Claim"):
        emprov.from_prov_text(json.dumps(document), "json")


def test_a_broken_rdf_json_literal_is_an_error():
    text = emprov.to_prov_text(em.Dossier([em.Actor("A", id="actor:a", aliases=["B"])]), "json")
    document = json.loads(text)
    (actor,) = document["agent"].values()
    actor["em:aliases"]["$"] = "[not json"
    with pytest.raises(em.InvalidValueError, match="must be text or an rdf:JSON literal"):
        emprov.from_prov_text(json.dumps(document), "json")


def test_a_position_that_is_no_number_is_an_error():
    source = em.Source("report", id="src:a", authors=["actor:z", "actor:a"])
    document = json.loads(emprov.to_prov_text(em.Dossier([source]), "json"))
    first = next(iter(document["wasAttributedTo"].values()))
    first["em:position"] = "first"
    with pytest.raises(em.InvalidValueError, match="must be a whole number"):
        emprov.from_prov_text(json.dumps(document), "json")


def test_files_are_merged_into_one_dossier(example, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    actors = em.Dossier(example.actors, extras={"x-note": "kept"})
    first.write_text(emprov.to_prov_text(actors, "json"), encoding="utf-8")
    second.write_text(
        emprov.to_prov_text(em.Dossier([*example.sources, *example.claims]), "json"), encoding="utf-8"
    )
    back = emprov.read_prov_json([first, second])
    assert back == em.Dossier(example, extras={"x-note": "kept"})


def test_a_document_form_of_the_wrong_shape_is_the_library_s_error():
    # Found by the fuzz harness: a structured value of the wrong shape raised cattrs' own error.
    event = em.Event("attack", id="event:x", where=em.Place("Krasnohorivka", country="UA"))
    text = emprov.to_prov_text(em.Dossier([em.Claim("actor:a", event, id="claim:a")]), "json")
    bad = text.replace('\\"Krasnohorivka\\"', "3")
    with pytest.raises(em.InvalidTypeError) as caught:
        emprov.from_prov_text(bad, "json")
    assert str(caught.value) == "id:event%3Ax (Event.where.name): must be a string, not a number, got 3"
