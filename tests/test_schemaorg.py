"""schema.org JSON-LD: the lossless Claim profile, ClaimReview publication, and real ClaimReview markup."""

from __future__ import annotations

import io
import json
import re
import warnings
from collections import Counter
from pathlib import Path

import attrs
import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.interop import formats, vocabulary
from eventmodel.interop import schemaorg as so

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "luhansk-2022-03-27" / "dossier.json"
DATA = Path(__file__).resolve().parent / "data" / "claimreview"
REFERENCE = ROOT / "docs" / "reference" / "schemaorg.md"
SDO = "https://schema.org/"
REVIEWER = {"reviewer": "Example Checks", "review_url": "https://checks.example.org/reviews/"}


@pytest.fixture(scope="module")
def example():
    with EXAMPLE.open("rb") as fp:
        return em.json.load(fp, em.Dossier)


@pytest.fixture(scope="module")
def defined():
    graph = rdflib.Graph().parse(DATA / "schemaorg-30.0-all-https.ttl", format="turtle")
    return {str(s) for s in graph.subjects() if str(s).startswith(SDO)}


def dossiers():
    members = st.one_of(testing.actors(), testing.sources(), testing.claims())
    return st.lists(members, max_size=5, unique_by=lambda obj: obj.id).map(em.Dossier)


def _text(dossier):
    out = io.StringIO()
    so.write_schemaorg(dossier, out)
    return out.getvalue()


def _graph(document):
    return so._parse_jsonld(json.dumps(document), "test")


# -- lossless ----------------------------------------------------------------------------------------


def test_the_example_comes_back_equal_through_rdflib(example):
    assert so.from_schemaorg(_text(example)) == example


@given(dossiers())
def test_every_dossier_comes_back_equal_through_rdflib(dossier):
    assert so.from_schemaorg(_text(dossier)) == dossier


def test_reading_goes_through_rdflib_not_our_json(example):
    # The same graph in another RDF syntax reads the same: the reader looks only at triples.
    graph = _graph(so.to_schemaorg(example))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        text = graph.serialize(format="json-ld")
    assert so.from_schemaorg(text) == example


def test_the_format_round_trips_through_the_registry(tmp_path, example):
    path = tmp_path / "out.jsonld"
    with path.open("w", encoding="utf-8") as fp:
        em.interop.export_dossier(example, "schemaorg", fp)
    assert em.interop.import_dossier("schemaorg", [path]) == example
    assert formats.exporter("claimreview").extra == "schemaorg"


def test_a_dossier_s_extras_version_and_unrecognized_objects_come_back():
    text = '{"eventmodel": "1.0", "claims": [{"type": "rumour", "id": "x"}], "note": [1, 2]}'
    dossier = em.json.loads(text, em.Dossier, strict=False)
    assert so.from_schemaorg(_text(dossier)) == dossier


# -- the mapping carries every field -------------------------------------------------------------------


@pytest.mark.parametrize("cls", sorted(so.FIELDS, key=lambda cls: cls.__name__))
def test_the_mapping_names_every_field_of_every_class(cls):
    assert set(so.FIELDS[cls]) == {field.name for field in attrs.fields(cls)}


def test_a_field_without_a_mapping_is_refused_not_dropped(monkeypatch, example):
    fields = dict(so.FIELDS[em.Source])
    del fields["text"]
    monkeypatch.setitem(so.FIELDS, em.Source, fields)
    with pytest.raises(em.EventModelError) as raised:
        so.to_schemaorg(example)
    assert str(raised.value).startswith(
        "$.sources[0].text (Source.text): has no schema.org mapping, and would be lost, got ' date 2022-03-27"
    )


def test_every_em_term_written_is_in_the_vocabulary(example):
    graph = _graph(so.to_schemaorg(example))
    used = {str(term) for triple in graph for term in triple if str(term).startswith(vocabulary.NAMESPACE)}
    assert used
    assert used <= vocabulary.terms()


@pytest.mark.parametrize("profile", ["schemaorg", "claimreview"])
def test_every_schema_org_term_written_is_defined(profile, example, defined):
    document = so.to_schemaorg(example) if profile == "schemaorg" else so.to_claimreview(example, **REVIEWER)
    graph = _graph(document)
    used = {str(p) for _, p, _ in graph if str(p).startswith(SDO)}
    used |= {str(o) for _, p, o in graph if p == rdflib.RDF.type and str(o).startswith(SDO)}
    assert "https://schema.org/Claim" in used
    assert sorted(used - defined) == []


def test_the_vocabulary_check_would_catch_an_undefined_term(defined):
    assert "https://schema.org/claimReviewed" in defined
    assert "https://schema.org/speechAct" not in defined


# -- one event id, many descriptions -------------------------------------------------------------------


def test_no_node_is_the_subject_of_two_descriptions():
    event = em.Event("attack", id="event:one")
    first = em.Claim(None, event, id="claim:a")
    second = em.Claim(None, attrs.evolve(event, description="a shelling"), id="claim:b")
    third = em.Claim(None, em.Claim(None, attrs.evolve(event, kind="attack.air"), id="claim:c"), id="claim:d")
    dossier = em.Dossier([first, second, third])
    graph = _graph(so.to_schemaorg(dossier))
    identifier = rdflib.URIRef(SDO + "identifier")
    described = list(graph.subjects(identifier, rdflib.Literal("event:one")))
    assert len(described) == 3
    content = rdflib.URIRef(vocabulary.NAMESPACE + "content")
    for node in described:
        assert len(list(graph.subjects(content, node))) == 1
        assert len(list(graph.objects(node, identifier))) == 1
        assert len(list(graph.objects(node, rdflib.URIRef(vocabulary.NAMESPACE + "kind")))) == 1
    assert so.from_schemaorg(_text(dossier)) == dossier


@given(dossiers())
def test_every_content_node_is_described_by_one_claim(dossier):
    graph = _graph(so.to_schemaorg(dossier))
    content = rdflib.URIRef(vocabulary.NAMESPACE + "content")
    holders = Counter(graph.objects(None, content))
    assert all(count == 1 for count in holders.values())


# -- the publication profile -----------------------------------------------------------------------


def _claim_with(confidence, **more):
    return em.Claim(
        em.Actor("Ministry", "government"),
        em.Proposition("The bridge was hit"),
        confidence=confidence,
        **more,
    )


def test_a_claim_with_a_confidence_is_a_claim_review():
    actor = em.Actor("Ministry", "government")
    source = em.Source("news-article", url="https://news.example/1", title="Bridge hit")
    claim = em.Claim(
        actor,
        em.Proposition("The bridge was hit"),
        confidence=em.Confidence(80),
        evidence=[em.Evidence(source)],
        made_at=em.When.parse("2022-03-27T10:00:00+03:00"),
        id="claim:bridge",
    )
    document = so.to_claimreview(em.Dossier([actor, source, claim]), **REVIEWER)
    assert document["@context"] == "https://schema.org"
    (review,) = document["@graph"]
    assert review == {
        "@type": "ClaimReview",
        "url": "https://checks.example.org/reviews/claim%3Abridge",
        "claimReviewed": "The bridge was hit",
        "author": {
            "@type": "Organization",
            "name": "Example Checks",
            "url": "https://checks.example.org/reviews/",
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 80,
            "bestRating": 100,
            "worstRating": 0,
            "alternateName": em.Confidence(80).to_words(),
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": "Ministry"},
            "datePublished": "2022-03-27T10:00:00+03:00",
            "appearance": [{"@type": "CreativeWork", "url": "https://news.example/1", "name": "Bridge hit"}],
        },
    }


def test_admiralty_6_never_becomes_a_number():
    claim = _claim_with(em.Confidence.cannot_be_judged())
    (review,) = so.to_claimreview(em.Dossier([claim]), **REVIEWER)["@graph"]
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "truth cannot be judged"}


def test_a_review_without_a_reviewer_is_refused():
    with pytest.raises(em.EventModelError) as raised:
        so.to_claimreview(em.Dossier([_claim_with(em.Confidence(40))]))
    assert str(raised.value).startswith(
        "Claim.confidence: carries a confidence, so it needs a review, and no reviewer was given"
    )


def test_claims_without_a_confidence_need_no_reviewer(example):
    plain = em.Dossier(
        [top for top in example.claims if all(claim.confidence is None for claim in so._claims(top))]
    )
    graph = so.to_claimreview(plain)["@graph"]
    assert graph
    assert {node["@type"] for node in graph} == {"Claim"}


def _reference_table():
    rows = {}
    text = REFERENCE.read_text(encoding="utf-8")
    section = text.split("## The publication profile", 1)[1].split("\n## ", 1)[0]
    for line in section.splitlines():
        match = re.fullmatch(r"\| `(\w+)\.(\w+)` \| ([^|]+) \|", line)
        if match:
            rows[(match[1], match[2])] = match[3]
    return rows


def test_the_reference_lists_what_claimreview_drops_field_by_field():
    table = {
        (cls.__name__, name): what
        for cls, fields in so.CLAIMREVIEW_DROPS.items()
        for name, what in fields.items()
    }
    for cls, fields in so.CLAIMREVIEW_DROPS.items():
        assert set(fields) == {field.name for field in attrs.fields(cls)}, cls
    assert _reference_table() == table
    assert len(table) == sum(len(attrs.fields(cls)) for cls in so.CLAIMREVIEW_DROPS)


# -- real ClaimReview markup ----------------------------------------------------------------------------


def test_real_markup_reads_into_the_claim_who_made_it_where_and_the_verdict():
    dossier = so.read_schemaorg([DATA / "eg-0324-ClaimReview.jsonld"])
    claim, verdict = dossier.claims
    assert claim.content == em.Proposition(
        'More than 3,000 homicides were committed by "illegal aliens" over the past six years.'
    )
    assert dossier[claim.claimant].name == "Rich Perry"
    assert dossier[claim.claimant].kind is em.ActorKind.PERSON
    (evidence,) = claim.evidence
    assert dossier[evidence.source].title == "The St. Petersburg Times interview [...]"
    assert claim.made_at == em.When.parse("2014-07-17")
    assert verdict.regarding == claim.id
    assert verdict.relation is em.ClaimRelation.RESPONDS_TO
    assert verdict.content.text == "True"
    assert verdict.content.quantities == {"ratingValue": em.Quantity(1), "bestRating": em.Quantity(6)}
    reviewer = dossier[verdict.claimant]
    assert reviewer.identifiers == {
        "url": "http://www.politifact.com/",
        "sameAs": "https://twitter.com/politifact",
    }
    (review_evidence,) = verdict.evidence
    review = dossier[review_evidence.source]
    assert review.url.startswith("http://www.politifact.com/texas/statements/2014/")
    markup = json.loads(review.text)  # every property as read: nothing the model has no field for is lost
    assert markup["itemReviewed"]["author"]["jobTitle"] == "Former Governor of Texas"
    assert markup["reviewRating"]["image"].endswith("tom-pantsonfire.gif")
    assert markup["@type"] == "ClaimReview"


def test_imported_markup_is_a_valid_dossier_document(tmp_path):
    dossier = so.read_schemaorg([DATA / "eg-0324-ClaimReview.jsonld", DATA / "eg-0325-ClaimReview.jsonld"])
    assert em.json.loads(em.json.dumps(dossier), em.Dossier) == dossier  # strict: no unknown members
    assert not any(obj.extras for obj in dossier)


def test_markup_with_a_review_body_and_a_clip_reads():
    dossier = so.read_schemaorg([DATA / "eg-0325-ClaimReview.jsonld"])
    claim, verdict = dossier.claims
    assert dossier[claim.claimant].name == "Barack Obama"
    (evidence,) = claim.evidence
    assert dossier[evidence.source].kind is em.SourceKind.VIDEO
    assert dossier[evidence.source].url == "https://www.youtube.com/watch?v=B_889oBKkNU"
    assert verdict.content.text == "This claim is true. The UK also played a role."


def test_our_claimreview_markup_reads_back_as_markup(example):
    text = json.dumps(so.to_claimreview(example, **REVIEWER))
    dossier = so.from_claimreview(text)
    reviewed = [claim for claim in dossier.claims if claim.regarding is not None]
    assert len(reviewed) == sum(
        1 for top in example.claims for claim in so._claims(top) if claim.confidence is not None
    )


def test_markup_without_claim_reviewed_names_the_bad_value(tmp_path):
    data = json.loads((DATA / "eg-0324-ClaimReview.jsonld").read_text(encoding="utf-8"))
    del data["claimReviewed"]
    path = tmp_path / "bad.jsonld"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(em.EventModelError) as raised:
        so.read_schemaorg([path])
    assert str(raised.value) == (
        f"{path}: ClaimReview 1 schema:claimReviewed: has no schema:claimReviewed, the text of the claim"
    )


def test_markup_without_a_verdict_is_refused():
    data = json.loads((DATA / "eg-0324-ClaimReview.jsonld").read_text(encoding="utf-8"))
    del data["reviewRating"]
    with pytest.raises(em.EventModelError, match="no verdict"):
        so.from_claimreview(json.dumps(data))


def test_a_bad_value_in_the_roundtrip_profile_names_its_node_and_term(example):
    document = so.to_schemaorg(example)
    document["@graph"][0]["em:kind"] = "wizard"
    with pytest.raises(em.EventModelError) as raised:
        so.from_schemaorg(json.dumps(document), name="x.jsonld")
    message = str(raised.value)
    assert message.startswith("x.jsonld: <https://w3id.org/eventmodel/id/actor%3A")
    assert "kind" in message


def test_text_that_is_not_json_ld_is_refused():
    with pytest.raises(em.EventModelError, match=r"^f\.jsonld: is not JSON"):
        so.from_schemaorg("{", name="f.jsonld")
    with pytest.raises(em.EventModelError, match="holds no schema:ClaimReview"):
        so.from_schemaorg('{"@context": "https://schema.org", "@type": "Thing", "name": "x"}')


# -- bad input names the node and the term ------------------------------------------------------------

RDF_JSON = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"


def _small():
    actor = em.Actor("Ministry", "government", id="actor:m")
    source = em.Source("news-article", id="src:s", url="https://news.example/1")
    event = em.Event("attack", id="event:e", participants=[em.Participant(actor, "agent")])
    quote = em.TextQuote("hit", prefix="was ")
    claim = em.Claim(
        actor,
        event,
        id="claim:c",
        evidence=[em.Evidence(source, quote=quote, span=em.TextSpan(4, 7))],
        supersedes=["claim:old"],
    )
    return em.Dossier([actor, source, claim])


def _nodes(document):
    actor, source, claim, dossier = document["@graph"]
    return {"actor": actor, "source": source, "claim": claim, "dossier": dossier}


def _set(name, key, value):
    def change(nodes):
        nodes[name][key] = value

    return change


def _evidence(key, value):
    def change(nodes):
        nodes["claim"]["em:evidence"]["@list"][0][key] = value

    return change


def _drop(name, key):
    def change(nodes):
        del nodes[name][key]

    return change


C = "<https://w3id.org/eventmodel/id/claim%3Ac>"
A = "<https://w3id.org/eventmodel/id/actor%3Am>"
D = "<https://w3id.org/eventmodel/id/dossier/document>"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("actor", "name", ["a", "b"]), f"{A} name: has 2 values of name, where one is allowed"),
        (_set("claim", "author", "actor:m"), f"{C} author: must be the IRI of an object, got 'actor:m'"),
        (
            _set("claim", "author", {"@id": "https://other.example/m"}),
            f"{C} author (IriRule.iri): is not under the base 'https://w3id.org/eventmodel/id/', "
            "got 'https://other.example/m'",
        ),
        (
            _set("claim", "em:speechAct", {"@id": "https://other.example/s"}),
            f"{C} em:speechAct: must be a literal, got 'https://other.example/s'",
        ),
        (
            _set("claim", "em:speechAct", {"@type": "@json", "@value": "states"}),
            f"{C} em:speechAct: must be a plain literal, not JSON, got '\"states\"'",
        ),
        (
            _set("claim", "em:extras", {"@value": "{", "@type": RDF_JSON}),
            f"{C} em:extras: is not valid JSON, got '{{'",
        ),
        (_set("claim", "em:extras", "x"), f"{C} em:extras: must be an rdf:JSON literal, got 'x'"),
        (_evidence("oa:start", "x"), f"{C} em:evidence[0] oa:start: must be an integer, got 'x'"),
        (_set("claim", "em:evidence", "x"), f"{C} em:evidence: must be a list, got 'x'"),
        (
            _set("claim", "em:content", {"@id": "https://other.example/e"}),
            f"{C} em:content: is a content node with none of the types em:Event, em:Claim, "
            "em:Proposition, got 'https://other.example/e'",
        ),
        (_drop("actor", "em:position"), f"{A} em:position: has no em:position"),
        (_set("actor", "em:position", "x"), f"{A} em:position: must be an integer, got 'x'"),
        (
            _set("dossier", "em:extras", {"@type": "@json", "@value": [1]}),
            f"{D} em:extras: must be a JSON object, got [1]",
        ),
        (
            _set("dossier", "em:document", {"@type": "@json", "@value": {"a": 1}}),
            f'{D} em:document: must be a list of {{"list": ..., "document": ...}}',
        ),
        (_set("actor", "em:kind", "wizard"), None),
    ],
)
def test_a_bad_roundtrip_document_names_the_node_and_term(change, message):
    document = so.to_schemaorg(_small())
    change(_nodes(document))
    with pytest.raises(em.EventModelError) as raised:
        so.from_schemaorg(json.dumps(document), name="f.jsonld")
    if message is None:
        assert str(raised.value).startswith(f"f.jsonld: {A} kind")
    else:
        assert str(raised.value) == f"f.jsonld: {message}"


def test_the_small_dossier_comes_back_equal():
    assert so.from_schemaorg(_text(_small())) == _small()


def test_json_ld_that_rdflib_cannot_read_is_refused():
    with pytest.raises(em.EventModelError, match=r"^f\.jsonld: is not JSON-LD that can be read: "):
        so.from_schemaorg('{"@context": 5, "@id": "x"}', name="f.jsonld")


def test_a_context_list_naming_schema_org_is_read_offline():
    text = json.dumps(
        {**json.loads((DATA / "eg-0324-ClaimReview.jsonld").read_text()), "@context": ["https://schema.org"]}
    )
    assert len(so.from_claimreview(text).claims) == 2


def test_files_merge_with_their_extras(tmp_path):
    dossier = em.json.loads('{"eventmodel": "1.0", "note": "kept"}', em.Dossier, strict=False)
    path = tmp_path / "a.jsonld"
    path.write_text(_text(dossier), encoding="utf-8")
    assert so.read_schemaorg([path]) == dossier


def _markup(**changes):
    data = json.loads((DATA / "eg-0324-ClaimReview.jsonld").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    return json.dumps(data)


def test_markup_variants_read():
    text = _markup(
        author="Some Checker",
        reviewBody="Wrong.",
        reviewRating={"@type": "Rating", "ratingValue": "pants on fire", "alternateName": "False"},
        itemReviewed={"@type": "Claim", "appearance": "https://news.example/2"},
    )
    dossier = so.from_claimreview(text)
    claim, verdict = dossier.claims
    assert dossier[verdict.claimant].name == "Some Checker"
    assert json.loads(dossier[verdict.evidence[0].source].text)["reviewBody"] == "Wrong."
    (evidence,) = claim.evidence
    assert dossier[evidence.source].url == "https://news.example/2"
    assert claim.claimant is None
    assert verdict.content == em.Proposition("False")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"url": None}, "ClaimReview 1 schema:url: has no schema:url, the page of the fact check"),
        (
            {"author": {"@type": "Person"}},
            "ClaimReview 1 schema:author: names no one: it has neither schema:name nor schema:url",
        ),
        ({"datePublished": "yesterday"}, None),
    ],
)
def test_bad_markup_names_the_review_and_term(changes, message):
    with pytest.raises(em.EventModelError) as raised:
        so.from_claimreview(_markup(**changes), name="m.jsonld")
    if message is None:
        assert str(raised.value).startswith("m.jsonld: ClaimReview 1 schema:datePublished")
    else:
        assert str(raised.value).startswith(f"m.jsonld: {message}")


def test_a_reported_claim_held_twice_is_published_once(tmp_path):
    inner = em.Claim(None, em.Proposition("The bridge was hit"), id="claim:inner")
    dossier = em.Dossier([em.Claim(None, inner, id="claim:a"), em.Claim(None, inner, id="claim:b")])
    graph = so.to_claimreview(dossier)["@graph"]
    assert [node["text"] for node in graph] == [
        "it is reported: The bridge was hit",
        "The bridge was hit",
        "it is reported: The bridge was hit",
    ]
    path = tmp_path / "out.jsonld"
    with path.open("w", encoding="utf-8") as fp:
        em.interop.export_dossier(dossier, "claimreview", fp)
    assert json.loads(path.read_text(encoding="utf-8"))["@graph"] == graph


def test_custom_types_are_refused_not_flattened(monkeypatch):
    monkeypatch.setattr(so, "to_document", lambda obj: {"type": "rumour", "id": "x"})
    with pytest.raises(em.EventModelError) as raised:
        so.to_schemaorg(em.Dossier([em.Actor("A")]))
    assert str(raised.value).startswith(
        "$.actors[0].type (Actor.type): is a custom type, which the schema.org mapping cannot tell"
    )
    monkeypatch.setattr(so, "to_document", lambda obj: {"type": "claim", "content": {"type": "rumour"}})
    with pytest.raises(em.EventModelError) as raised:
        so.to_schemaorg(em.Dossier([em.Claim(None, em.Proposition("p"))]))
    assert str(raised.value).startswith(
        "$.claims[0].content.type (Claim.content): is a type of content the schema.org mapping does not know"
    )


def test_an_estimated_publication_is_never_a_date_published():
    when = em.When.parse("2022-03-27T09:30:00+03:00")
    source = em.Source(
        "news-article", id="src:s", published=when, published_estimate="from the wire's timestamp"
    )
    claim = em.Claim(None, em.Proposition("p"), evidence=[em.Evidence(source)], confidence=em.Confidence(50))
    dossier = em.Dossier([source, claim])
    node = next(node for node in so.to_schemaorg(dossier)["@graph"] if node["@id"].endswith("src%3As"))
    assert "datePublished" not in node
    assert node["em:publishedEstimate"] == "from the wire's timestamp"
    (review,) = so.to_claimreview(dossier, **REVIEWER)["@graph"]
    assert review["itemReviewed"]["appearance"] == [{"@type": "CreativeWork"}]
    assert so.from_schemaorg(_text(dossier)) == dossier
    exact = attrs.evolve(source, published_estimate=None)
    assert so.to_schemaorg(em.Dossier([exact]))["@graph"][0]["datePublished"] == {
        "@value": "2022-03-27T09:30:00+03:00",
        "@type": "DateTime",
    }


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
    path = tmp_path / "bad.jsonld"
    path.write_bytes(content)
    with pytest.raises(em.InvalidValueError) as caught:
        so.read_schemaorg([path])
    assert str(caught.value) == f"{path}: {message}"
