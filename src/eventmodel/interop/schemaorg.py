"""
schema.org, both ways: ``Claim`` and ``ClaimReview`` as JSON-LD.

Two profiles:

- **roundtrip** (``--to schemaorg``): every actor, source and claim as a
  schema.org node (``Person``/``Organization``, ``CreativeWork``, ``Claim``),
  with ``em:`` terms (:mod:`eventmodel.interop.vocabulary`) for what
  schema.org cannot say: speech act, factuality, confidence, nesting, quotes
  and spans, fuzzy time, Admiralty grades, participants' roles. It reads back
  equal (:func:`from_schemaorg`, through rdflib). Each claim's description of
  its content is a node of its own (the claim's IRI, ``/`` and ``event``,
  ``proposition`` or ``claim``), with the content's id as its
  ``schema:identifier``: two claims that describe one event in two ways give
  two nodes, never one merged node.
- **publication** (``--to claimreview``): pure schema.org, whose only
  ``@context`` is ``"https://schema.org"``: one ``ClaimReview`` for each claim
  that carries an analyst's confidence, and a ``Claim`` for every other claim.
  It is lossy by design; :data:`CLAIMREVIEW_DROPS` lists what it drops.

Real ``ClaimReview`` markup, as fact-checkers publish it, reads into a dossier
(:func:`from_claimreview`): the claim, who made it, where it appeared, and the
fact-checker's verdict as a claim *regarding* the claim.

Ids become IRIs by the IRI rule (:mod:`eventmodel.interop.iri`); a time is a
``schema:`` date only when it is an instant (:func:`vocabulary.instant
<eventmodel.interop.vocabulary.instant>`).

This module needs the ``schemaorg`` extra: ``pip install "eventmodel[schemaorg]"``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import json
import logging
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Final

import attrs

from eventmodel import json as em_json
from eventmodel.dossier._dossier import Dossier
from eventmodel.exceptions import NO_VALUE, EventModelError, InvalidValueError, MissingExtraError
from eventmodel.io._json import _parse
from eventmodel.io._json import document as to_document
from eventmodel.model._actor import Actor, ActorKind
from eventmodel.model._claim import Claim, ClaimRelation, SpeechAct
from eventmodel.model._confidence import ADMIRALTY_CREDIBILITY
from eventmodel.model._event import Event, Participant, Proposition
from eventmodel.model._evidence import Evidence, TextQuote, TextSpan
from eventmodel.model._quantity import Quantity
from eventmodel.model._source import Source, SourceKind
from eventmodel.time._when import When

from . import vocabulary
from .iri import DEFAULT_BASE, IriRule

try:
    import rdflib
    from rdflib.collection import Collection
except ImportError as error:  # pragma: no cover - the registry names the extra first
    raise MissingExtraError("schema.org needs rdflib, which is not installed", extra="schemaorg") from error

__all__ = [
    "CLAIMREVIEW_DROPS",
    "CONTEXT",
    "FIELDS",
    "from_claimreview",
    "from_schemaorg",
    "read_schemaorg",
    "to_claimreview",
    "to_schemaorg",
    "write_claimreview",
    "write_schemaorg",
]

_SDO: Final = "https://schema.org/"
_EM: Final = vocabulary.NAMESPACE
_OA: Final = "http://www.w3.org/ns/oa#"
_RDF_JSON: Final = rdflib.URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON")
_SCHEMA_CONTEXTS: Final = frozenset(
    {"https://schema.org", "http://schema.org", "https://schema.org/", "http://schema.org/"}
)

#: The JSON-LD context of the roundtrip profile, written inline so that
#: reading needs no network: schema.org as the vocabulary, ``em:`` and ``oa:``.
CONTEXT: Final[dict[str, str]] = {
    "@vocab": _SDO,
    vocabulary.PREFIX: _EM,
    "oa": _OA,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


# -- the roundtrip mapping, field by field ------------------------------------------------------------


@attrs.frozen
class _Field:
    """How one field is written: under *term* (a JSON-LD key), in form *form*."""

    term: str
    form: str  # "id", "text", "int", "time", "json", "ref", "refs", "content", "nodes", "flat"
    note: str = ""
    part: type | None = None  # the class of the nodes of "nodes", or the flattened class of "flat"


def _f(term: str, form: str, note: str = "", part: type | None = None) -> _Field:
    return _Field(term, form, note, part)


_ID: Final = _f("identifier", "id", "also the node's IRI by the IRI rule, for actors, sources and claims")

#: Every field of every class the roundtrip profile writes, and how: the
#: JSON-LD key (a schema.org term, or ``em:``/``oa:``) and the form of its
#: value. Places, quantities, confidences, affiliations and non-instant times
#: travel whole as ``rdf:JSON`` literals of their document form. A field not
#: listed here is refused when it holds a value, never dropped.
FIELDS: Final[dict[type, dict[str, _Field]]] = {
    Actor: {
        "id": _ID,
        "name": _f("name", "text"),
        "kind": _f("em:kind", "text", "also the node's type: schema:Person or schema:Organization"),
        "aliases": _f("em:aliases", "json"),
        "affiliations": _f("em:affiliations", "json"),
        "identifiers": _f("em:identifiers", "json"),
        "unnamed": _f("em:unnamed", "json"),
        "conditions": _f("em:conditions", "text"),
        "extras": _f("em:extras", "json"),
    },
    Source: {
        "id": _ID,
        "kind": _f("em:kind", "text"),
        "title": _f("name", "text"),
        "publisher": _f("publisher", "ref"),
        "authors": _f("author", "refs", "an ordered list"),
        "url": _f("url", "text"),
        "published": _f(
            "em:published", "time", "also schema:datePublished when an instant and not an estimate"
        ),
        "published_estimate": _f("em:publishedEstimate", "text"),
        "retrieved": _f("em:retrieved", "text"),
        "language": _f("inLanguage", "text"),
        "reliability": _f("em:reliability", "text", "the Admiralty grade A-F"),
        "derived_from": _f("isBasedOn", "refs", "an ordered list"),
        "derivation": _f("em:derivation", "text", "reprint, translation, summary or citation"),
        "text": _f("text", "text"),
        "extras": _f("em:extras", "json"),
    },
    Claim: {
        "id": _ID,
        "claimant": _f("author", "ref"),
        "content": _f("em:content", "content", "a node of the claim's own, with the content's id"),
        "speech_act": _f("em:speechAct", "text"),
        "factuality": _f("em:factuality", "text"),
        "confidence": _f("em:confidence", "json"),
        "made_at": _f("em:madeAt", "time", "also schema:dateCreated when an instant"),
        "evidence": _f("em:evidence", "nodes", "also schema:appearance of each source", Evidence),
        "setting": _f("em:setting", "ref"),
        "supersedes": _f("em:supersedes", "refs"),
        "retracts": _f("em:retracts", "refs"),
        "regarding": _f("em:regarding", "ref"),
        "relation": _f("em:relation", "text"),
        "mood": _f("em:mood", "text"),
        "role_of": _f("em:roleOf", "ref"),
        "extras": _f("em:extras", "json"),
    },
    Event: {
        "id": _ID,
        "kind": _f("em:kind", "text"),
        "when": _f("em:when", "time", "also schema:startDate and schema:endDate when an instant"),
        "where": _f("em:where", "json"),
        "participants": _f("em:participants", "nodes", "", Participant),
        "description": _f("description", "text"),
        "quantities": _f("em:quantities", "json"),
        "details": _f("em:details", "json"),
        "extras": _f("em:extras", "json"),
    },
    Proposition: {
        "text": _f("text", "text"),
        "id": _ID,
        "when": _f("em:when", "time"),
        "about": _f("em:about", "json"),
        "quantities": _f("em:quantities", "json"),
        "link": _f("em:link", "text", "affiliated-with or same-as"),
        "extras": _f("em:extras", "json"),
    },
    Participant: {
        "actor": _f("em:actor", "ref"),
        "role": _f("em:role", "text"),
        "extras": _f("em:extras", "json"),
    },
    Evidence: {
        "source": _f("em:source", "ref"),
        "quote": _f("oa:exact", "flat", "the quote's fields on the evidence node", TextQuote),
        "span": _f("oa:start", "flat", "the span's fields on the evidence node", TextSpan),
        "extras": _f("em:extras", "json"),
    },
    TextQuote: {
        "exact": _f("oa:exact", "text"),
        "prefix": _f("oa:prefix", "text"),
        "suffix": _f("oa:suffix", "text"),
        "extras": _f("em:quoteExtras", "json"),
    },
    TextSpan: {
        "start": _f("oa:start", "int"),
        "end": _f("oa:end", "int"),
        "extras": _f("em:spanExtras", "json"),
    },
}

_TAGS: Final[dict[type, str]] = {Actor: "actor", Source: "source", Claim: "claim", Event: "event"}
_TAGS_PROPOSITION: Final = "proposition"
_CLASS_TYPES: Final[dict[type, list[str]]] = {
    Source: ["CreativeWork", "em:Source"],
    Claim: ["Claim", "em:Claim"],
    Event: ["Event", "em:Event"],
    Proposition: ["em:Proposition"],
    Evidence: ["em:Evidence"],
    Participant: ["em:Participant"],
}
_PERSON: Final = frozenset({ActorKind.PERSON.value})
_ORGANIZATIONS: Final = frozenset(
    kind.value
    for kind in (
        ActorKind.ORGANIZATION,
        ActorKind.GOVERNMENT,
        ActorKind.MILITARY_UNIT,
        ActorKind.ARMED_GROUP,
        ActorKind.MEDIA,
        ActorKind.STATE,
    )
)


def _iri(term: str) -> rdflib.URIRef:
    prefix, colon, name = term.partition(":")
    if not colon:
        return rdflib.URIRef(_SDO + term)
    return rdflib.URIRef({"em": _EM, "oa": _OA}[prefix] + name)


def _json_value(document: Any) -> dict[str, Any]:
    return {"@type": "@json", "@value": document}


class _Writer:
    def __init__(self, rule: IriRule) -> None:
        self.rule = rule

    def ref(self, ident: str) -> dict[str, str]:
        return {"@id": self.rule.iri(ident)}

    def node(self, cls: type, document: dict[str, Any], iri: str | None, where: str) -> dict[str, Any]:
        node: dict[str, Any] = {} if iri is None else {"@id": iri}
        node["@type"] = list(_CLASS_TYPES.get(cls, []))
        table = FIELDS[cls]
        for key, value in document.items():
            if key == "type" or value is None:
                continue  # a required field that holds None is read back as None
            spec = table.get(key)
            if spec is None:
                raise InvalidValueError(
                    "has no schema.org mapping, and would be lost",
                    cls=cls.__name__,
                    field=key,
                    value=value,
                    path=f"{where}.{key}",
                    fix="add the field to eventmodel.interop.schemaorg.FIELDS",
                )
            self.put(node, spec, value, iri, where=f"{where}.{key}")
        return node

    def put(self, node: dict[str, Any], spec: _Field, value: Any, iri: str | None, where: str) -> None:
        form = spec.form
        if form in ("id", "text"):
            node[spec.term] = value
        elif form == "int":
            node[spec.term] = {"@value": value, "@type": "xsd:integer"}
        elif form == "json":
            node[spec.term] = _json_value(value)
        elif form == "time":
            node[spec.term] = value if isinstance(value, str) else _json_value(value)
        elif form == "ref":
            node[spec.term] = self.ref(value)
        elif form == "refs":
            node[spec.term] = {"@list": [self.ref(item) for item in value]}
        elif form == "nodes":
            assert spec.part is not None
            node[spec.term] = {
                "@list": [
                    self.node(spec.part, item, None, f"{where}[{index}]") for index, item in enumerate(value)
                ]
            }
        elif form == "flat":
            assert spec.part is not None
            node.update({k: v for k, v in self.node(spec.part, value, None, where).items() if k != "@type"})
        else:
            assert form == "content"
            assert iri is not None
            tag = value.get("type")
            cls = {"event": Event, "claim": Claim, "proposition": Proposition}.get(tag)
            if cls is None:
                raise InvalidValueError(
                    "is a type of content the schema.org mapping does not know",
                    cls="Claim",
                    field="content",
                    value=tag,
                    path=f"{where}.type",
                )
            node[spec.term] = self.described(cls, value, f"{iri}/{tag}", where)

    def described(self, cls: type, document: dict[str, Any], iri: str, where: str) -> dict[str, Any]:
        self.check_tag(cls, document, where)
        node = self.node(cls, document, iri, where)
        if cls is Event and isinstance(document.get("when"), str):
            self.instant_dates(node, document["when"], ("startDate", "endDate"))
        if cls is Claim:
            self.claim_extras(node, document)
        return node

    def check_tag(self, cls: type, document: dict[str, Any], where: str) -> None:
        expected = _TAGS.get(cls, _TAGS_PROPOSITION)
        if document.get("type", expected) != expected:
            raise InvalidValueError(
                f"is a custom type, which the schema.org mapping cannot tell from a plain {cls.__name__}",
                cls=cls.__name__,
                field="type",
                value=document.get("type"),
                path=f"{where}.type",
                fix="export it as eventmodel JSON or W3C PROV",
            )

    def instant_dates(self, node: dict[str, Any], text: str, terms: tuple[str, ...]) -> None:
        instant = vocabulary.instant(When.parse(text))
        if instant is not None:
            for term in terms:
                node[term] = {"@value": instant, "@type": "DateTime"}

    def claim_extras(self, node: dict[str, Any], document: dict[str, Any]) -> None:
        if isinstance(document.get("made_at"), str):
            self.instant_dates(node, document["made_at"], ("dateCreated",))
        sources = list(dict.fromkeys(item["source"] for item in document.get("evidence", ())))
        if sources:
            node["appearance"] = [self.ref(ident) for ident in sources]

    def actor(self, actor: Actor, position: int) -> dict[str, Any]:
        document = to_document(actor)
        self.check_tag(Actor, document, f"$.actors[{position}]")
        node = self.node(Actor, document, self.rule.iri(actor.id), f"$.actors[{position}]")
        kind = actor.kind.value
        node["@type"] = [
            "Person" if kind in _PERSON else "Organization" if kind in _ORGANIZATIONS else "Thing",
            "em:Actor",
        ]
        node["em:position"] = position
        return node

    def source(self, source: Source, position: int) -> dict[str, Any]:
        document = to_document(source)
        self.check_tag(Source, document, f"$.sources[{position}]")
        node = self.node(Source, document, self.rule.iri(source.id), f"$.sources[{position}]")
        if isinstance(document.get("published"), str) and source.published_estimate is None:
            self.instant_dates(node, document["published"], ("datePublished",))
        node["em:position"] = position
        return node

    def claim(self, claim: Claim, position: int) -> dict[str, Any]:
        where = f"$.claims[{position}]"
        node = self.described(Claim, to_document(claim), self.rule.iri(claim.id), where)
        node["em:position"] = position
        return node

    def dossier(self, dossier: Dossier) -> dict[str, Any]:
        graph: list[dict[str, Any]] = []
        graph += [self.actor(actor, index) for index, actor in enumerate(dossier.actors)]
        graph += [self.source(source, index) for index, source in enumerate(dossier.sources)]
        graph += [self.claim(claim, index) for index, claim in enumerate(dossier.claims)]
        extra: dict[str, Any] = {"em:formatVersion": dossier.format_version}
        if dossier.extras:
            extra["em:extras"] = _json_value(em_json.converter.unstructure(dossier.extras))
        if dossier.unrecognized:
            documents = [{"list": item.kind, "document": item.document} for item in dossier.unrecognized]
            extra["em:document"] = _json_value(documents)
        graph.append({"@id": self.rule.node("dossier", "document"), "@type": ["em:Dossier"], **extra})
        return {"@context": dict(CONTEXT), "@graph": graph}


def to_schemaorg(dossier: Dossier, *, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """
    *dossier* as a schema.org JSON-LD document of the roundtrip profile.

    Args:
        dossier: The dossier.
        base: The base of the IRIs of its ids (:class:`~eventmodel.interop.iri.IriRule`).

    Raises:
        InvalidValueError: For a bad base, or an object of a custom type,
            which this profile cannot tell from a built-in one.

    .. versionadded:: 0.1.0

    """
    return _Writer(IriRule(base)).dossier(dossier)


def write_schemaorg(dossier: Dossier, fp: IO[str], *, base: str = DEFAULT_BASE) -> None:
    """Write :func:`to_schemaorg` of *dossier* to *fp* (the ``schemaorg`` format)."""
    fp.write(json.dumps(to_schemaorg(dossier, base=base), ensure_ascii=False, indent=1) + "\n")


# -- reading the roundtrip profile ---------------------------------------------------------------------


def _bad(reason: str, where: str, value: object = NO_VALUE, fix: str | None = None) -> InvalidValueError:
    return InvalidValueError(reason, value=value, path=where, fix=fix)


class _Reader:
    def __init__(self, graph: rdflib.Graph, rule: IriRule) -> None:
        self.graph = graph
        self.rule = rule

    def one(self, node: rdflib.term.Node, term: str, where: str) -> rdflib.term.Node | None:
        values = list(self.graph.objects(node, _iri(term)))
        if len(values) > 1:
            raise _bad(f"has {len(values)} values of {term}, where one is allowed", f"{where} {term}")
        return values[0] if values else None

    def decode(self, spec: _Field, value: rdflib.term.Node, where: str) -> Any:
        form = spec.form
        if form in ("ref", "refs"):
            items = self.items(value, where) if form == "refs" else [value]
            ids = []
            for item in items:
                if not isinstance(item, rdflib.URIRef):
                    raise _bad("must be the IRI of an object", where, str(item))
                try:
                    ids.append(self.rule.id(str(item)))
                except EventModelError as error:
                    error.path = where
                    raise
            return ids if form == "refs" else ids[0]
        if form == "nodes":
            assert spec.part is not None
            return [
                self.read(spec.part, item, f"{where}[{index}]")
                for index, item in enumerate(self.items(value, where))
            ]
        if not isinstance(value, rdflib.Literal):
            raise _bad("must be a literal", where, str(value))
        if value.datatype == _RDF_JSON:
            if form not in ("json", "time"):
                raise _bad("must be a plain literal, not JSON", where, str(value))
            try:
                return json.loads(str(value))
            except ValueError:
                raise _bad("is not valid JSON", where, str(value)) from None
        if form == "json":
            raise _bad("must be an rdf:JSON literal", where, str(value))
        if form == "int":
            number = value.toPython()
            if not isinstance(number, int) or isinstance(number, bool):
                raise _bad("must be an integer", where, str(value))
            return number
        return str(value)

    def items(self, head: rdflib.term.Node, where: str) -> list[rdflib.term.Node]:
        if not isinstance(head, rdflib.BNode | rdflib.URIRef):
            raise _bad("must be a list", where, str(head))
        return list(Collection(self.graph, head))

    def read(self, cls: type, node: rdflib.term.Node, where: str) -> dict[str, Any]:
        document: dict[str, Any] = {}
        if cls in _TAGS:
            document["type"] = _TAGS[cls]
        elif cls is Proposition:
            document["type"] = _TAGS_PROPOSITION
        for key, spec in FIELDS[cls].items():
            if spec.form == "flat":
                assert spec.part is not None
                part = self.read(spec.part, node, where)
                if any(value is not None for value in part.values()):
                    document[key] = part
                continue
            value = self.one(node, spec.term, where)
            if value is None:
                continue
            if spec.form == "content":
                document[key] = self.content(value, f"{where} {spec.term}")
            else:
                document[key] = self.decode(spec, value, f"{where} {spec.term}")
        for field in attrs.fields(cls):
            if field.default is attrs.NOTHING and field.name not in document:
                document[field.name] = None
        return document

    def content(self, node: rdflib.term.Node, where: str) -> dict[str, Any]:
        types = set(self.graph.objects(node, rdflib.RDF.type))
        for cls, term in ((Event, "em:Event"), (Claim, "em:Claim"), (Proposition, "em:Proposition")):
            if _iri(term) in types:
                return self.read(cls, node, f"{where} <{node}>")
        raise _bad(
            "is a content node with none of the types em:Event, em:Claim, em:Proposition", where, str(node)
        )

    def top(self, cls: type, term: str) -> list[tuple[str, dict[str, Any]]]:
        found: list[tuple[int, str, dict[str, Any]]] = []
        for node in sorted(self.graph.subjects(rdflib.RDF.type, _iri(term)), key=str):
            if cls is Claim and not isinstance(node, rdflib.URIRef):
                continue
            where = f"<{node}>"
            position = self.one(node, "em:position", where)
            if position is None:
                if cls is Claim:
                    continue  # a nested claim: read with the claim that holds it
                raise _bad("has no em:position", f"{where} em:position")
            number = position.toPython() if isinstance(position, rdflib.Literal) else None
            if not isinstance(number, int) or isinstance(number, bool):
                raise _bad("must be an integer", f"{where} em:position", str(position))
            found.append((number, where, self.read(cls, node, where)))
        found.sort(key=lambda item: item[0])
        return [(where, document) for _, where, document in found]

    def dossier(self) -> Dossier:
        head: dict[str, Any] = {"eventmodel": em_json.FORMAT_VERSION}
        unrecognized: list[Any] = []
        node = rdflib.URIRef(self.rule.node("dossier", "document"))
        where = f"<{node}>"
        version = self.one(node, "em:formatVersion", where)
        if version is not None:
            head["eventmodel"] = str(version)
        extras = self.one(node, "em:extras", where)
        if extras is not None:
            decoded = self.decode(_f("em:extras", "json"), extras, f"{where} em:extras")
            if not isinstance(decoded, dict):
                raise _bad("must be a JSON object", f"{where} em:extras", decoded)
            head.update(decoded)
        held = self.one(node, "em:document", where)
        if held is not None:
            kept: Any = self.decode(_f("em:document", "json"), held, f"{where} em:document")
            if not isinstance(kept, list) or not all(
                isinstance(item, dict) and set(item) == {"list", "document"} for item in kept
            ):
                raise _bad('must be a list of {"list": ..., "document": ...}', f"{where} em:document")
            unrecognized = kept
        places: list[str] = []
        for name, cls, term in (
            ("actors", Actor, "em:Actor"),
            ("sources", Source, "em:Source"),
            ("claims", Claim, "em:Claim"),
        ):
            items = self.top(cls, term)
            places += [where for where, _ in items]
            documents = [document for _, document in items]
            documents += [item["document"] for item in unrecognized if item["list"] == name]
            if documents:
                head[name] = documents
        strict = not unrecognized and extras is None
        try:
            return em_json.loads(json.dumps(head, ensure_ascii=False), Dossier, strict=strict)
        except EventModelError as error:
            error.path = _node_path(error.path or "", head, places)
            raise


def _node_path(path: str, head: dict[str, Any], places: list[str]) -> str:
    """The node that the JSON path *path* of the rebuilt document comes from, and the rest of the path."""
    index = 0
    for name in ("actors", "sources", "claims"):
        prefix = f"$.{name}["
        count = len(head.get(name, ()))
        if path.startswith(prefix):
            number, _, rest = path[len(prefix) :].partition("]")
            if number.isdigit() and int(number) < len(places) - index:
                return places[index + int(number)] + (" " + rest.lstrip(".") if rest else "")
        index += count
    return path


def _parse_jsonld(text: str | bytes, where: str) -> rdflib.Graph:
    try:
        data = _parse(text)  # the library's reader: bad UTF-8 and any depth of nesting are one clear error
    except InvalidValueError as error:
        raise InvalidValueError(error.reason, value=error.value, fix=error.fix, path=where) from None
    data = _local_context(data)
    graph = rdflib.Graph()
    logging.getLogger("rdflib").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph
            warnings.simplefilter("ignore", DeprecationWarning)
            graph.parse(data=json.dumps(data), format="json-ld")
    except Exception as error:  # noqa: BLE001 - rdflib raises anything on bad JSON-LD
        raise InvalidValueError(f"is not JSON-LD that can be read: {error}", path=where) from None
    return graph


def _local_context(node: Any) -> Any:
    """*node* with the schema.org context URL made an inline vocabulary: reading needs no network."""
    if isinstance(node, dict):
        return {
            key: (_context(value) if key == "@context" else _local_context(value))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_local_context(item) for item in node]
    return node


def _context(value: Any) -> Any:
    if isinstance(value, str) and value in _SCHEMA_CONTEXTS:
        return {"@vocab": _SDO}
    if isinstance(value, list):
        return [_context(item) for item in value]
    return value


def from_schemaorg(text: str | bytes, *, base: str = DEFAULT_BASE, name: str = "<text>") -> Dossier:
    """
    The dossier that the JSON-LD *text* holds: the roundtrip profile that
    :func:`to_schemaorg` writes, read through rdflib, or else real
    ``ClaimReview`` markup (:func:`from_claimreview`).

    Args:
        text: The JSON-LD text (str, or UTF-8 bytes).
        base: The base of the IRIs of the ids.
        name: The file name that errors give.

    Raises:
        EventModelError: For text that is not JSON-LD, or nodes that do not
            read as eventmodel objects; the path names the file, the node and
            the term.

    .. versionadded:: 0.1.0

    """
    graph = _parse_jsonld(text, name)
    rule = IriRule(base)
    try:
        if any(graph.subjects(rdflib.RDF.type, _iri("em:Dossier"))):
            return _Reader(graph, rule).dossier()
        return _Markup(graph).dossier()
    except EventModelError as error:
        error.path = f"{name}: {error.path}" if error.path else name
        raise


def read_schemaorg(files: Sequence[str | Path], base: str = DEFAULT_BASE) -> Dossier:
    """
    Read schema.org JSON-LD files (the roundtrip profile, or real
    ``ClaimReview`` markup) into one dossier (the ``schemaorg`` format).

    .. versionadded:: 0.1.0
    """
    dossier = Dossier()
    for file in files:
        read = from_schemaorg(Path(file).read_bytes(), base=base, name=str(file))
        for member in read:
            dossier.add(member)
        dossier.unrecognized += read.unrecognized
        if read.extras:
            dossier.extras = read.extras
        dossier.format_version = read.format_version
    return dossier


# -- real ClaimReview markup ---------------------------------------------------------------------------

_SOURCE_KINDS: Final = {
    "NewsArticle": SourceKind.NEWS_ARTICLE,
    "Article": SourceKind.NEWS_ARTICLE,
    "VideoObject": SourceKind.VIDEO,
    "Clip": SourceKind.VIDEO,
    "ImageObject": SourceKind.IMAGE,
    "SocialMediaPosting": SourceKind.SOCIAL_POST,
    "Dataset": SourceKind.DATASET,
    "Report": SourceKind.REPORT,
}


class _Markup:
    """Reads ClaimReview nodes into a dossier: the claim, its claimant and appearance, and the verdict."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph
        self.result = Dossier()

    def values(self, node: rdflib.term.Node, name: str) -> list[rdflib.term.Node]:
        return sorted(self.graph.objects(node, rdflib.URIRef(_SDO + name)), key=str)

    def text(self, node: rdflib.term.Node, name: str) -> str | None:
        for value in self.values(node, name):
            if isinstance(value, rdflib.Literal | rdflib.URIRef) and str(value).strip():
                return str(value).strip()
        return None

    def types(self, node: rdflib.term.Node) -> set[str]:
        return {
            str(t)[len(_SDO) :] for t in self.graph.objects(node, rdflib.RDF.type) if str(t).startswith(_SDO)
        }

    def describe(self, node: rdflib.term.Node, seen: frozenset[rdflib.term.Node] = frozenset()) -> Any:
        """*node* and everything below it, as plain JSON: the markup as read, every property kept."""
        if not isinstance(node, rdflib.BNode) or node in seen:
            return str(node).removeprefix(_SDO)
        out: dict[str, list[Any]] = {}
        for predicate, value in sorted(
            self.graph.predicate_objects(node), key=lambda pair: (str(pair[0]), str(pair[1]))
        ):
            name = "@type" if predicate == rdflib.RDF.type else str(predicate).removeprefix(_SDO)
            out.setdefault(name, []).append(self.describe(value, seen | {node}))
        return {name: values[0] if len(values) == 1 else values for name, values in out.items()}

    def when(self, node: rdflib.term.Node, name: str, where: str) -> When | None:
        text = self.text(node, name)
        if text is None:
            return None
        try:
            return When.parse(text)
        except EventModelError as error:
            error.path = f"{where} schema:{name}"
            raise

    def actor(self, node: rdflib.term.Node | None, where: str) -> str | None:
        if node is None:
            return None
        if isinstance(node, rdflib.Literal):
            actor = Actor(str(node))
        else:
            name = self.text(node, "name") or self.text(node, "url")
            if name is None:
                raise _bad("names no one: it has neither schema:name nor schema:url", where, str(node))
            types = self.types(node)
            kind = (
                ActorKind.PERSON
                if "Person" in types
                else ActorKind.ORGANIZATION
                if types
                else ActorKind.UNKNOWN
            )
            identifiers = {}
            url = self.text(node, "url")
            if url is not None:
                identifiers["url"] = url
            same = sorted(str(value) for value in self.values(node, "sameAs"))
            if same:
                identifiers["sameAs"] = " ".join(same)
            actor = Actor(name, kind, identifiers=identifiers)
        self.add(actor)
        return actor.id

    def add(self, obj: Actor | Source | Claim) -> None:
        known = {item.id: item for item in self.result}
        if known.get(obj.id) != obj:
            self.result.add(obj)

    def source(self, node: rdflib.term.Node, where: str, publisher: str | None = None) -> str:
        if isinstance(node, rdflib.Literal | rdflib.URIRef) and not self.types(node):
            source = Source(SourceKind.OTHER, url=str(node), publisher=publisher)
        else:
            types = self.types(node)
            kind = next((_SOURCE_KINDS[t] for t in sorted(types) if t in _SOURCE_KINDS), SourceKind.OTHER)
            url = self.text(node, "url")
            whole = self.values(node, "isPartOf")
            if url is None and whole:
                url = self.text(whole[0], "url")
            author = self.values(node, "author")
            authors = tuple(a for a in (self.actor(item, f"{where} schema:author") for item in author) if a)
            source = Source(
                kind,
                title=self.text(node, "name") or self.text(node, "headline"),
                url=url,
                published=self.when(node, "datePublished", where),
                publisher=publisher,
                authors=() if publisher else authors,
            )
        self.add(source)
        return source.id

    def review(self, node: rdflib.term.Node, where: str) -> None:
        claimed = self.text(node, "claimReviewed")
        if claimed is None:
            raise _bad("has no schema:claimReviewed, the text of the claim", f"{where} schema:claimReviewed")
        url = self.text(node, "url")
        if url is None:
            raise _bad("has no schema:url, the page of the fact check", f"{where} schema:url")
        authors = self.values(node, "author")
        reviewer = self.actor(authors[0], f"{where} schema:author") if authors else None
        review_source = Source(
            SourceKind.REPORT,
            url=url,
            title=self.text(node, "name") or self.text(node, "headline"),
            publisher=reviewer,
            published=self.when(node, "datePublished", where),
            text=json.dumps(self.describe(node), ensure_ascii=False, indent=1, sort_keys=True),
        )
        self.add(review_source)
        items = self.values(node, "itemReviewed")
        item = items[0] if items else None
        claimant = None
        made_at = None
        appearances: list[str] = []
        if item is not None:
            item_where = f"{where} schema:itemReviewed"
            claimants = self.values(item, "author")
            claimant = self.actor(claimants[0], f"{item_where} schema:author") if claimants else None
            made_at = self.when(item, "datePublished", item_where)
            if "Claim" in self.types(item):
                appearances += [
                    self.source(found, f"{item_where} schema:{name}")
                    for name in ("firstAppearance", "appearance")
                    for found in self.values(item, name)
                ]
            else:  # older markup: the item reviewed is the work the claim appeared in
                appearances.append(self.source(item, item_where, publisher=claimant))
        claim = Claim(
            claimant,
            Proposition(claimed),
            speech_act=SpeechAct.CLAIMS,
            made_at=made_at,
            evidence=tuple(Evidence(ident) for ident in dict.fromkeys(appearances)),
        )
        self.add(claim)
        self.add(self.verdict(node, claim, reviewer, review_source, where))

    def verdict(
        self, node: rdflib.term.Node, claim: Claim, reviewer: str | None, source: Source, where: str
    ) -> Claim:
        ratings = self.values(node, "reviewRating")
        quantities: dict[str, Quantity] = {}
        verdict = None
        if ratings:
            verdict = self.text(ratings[0], "alternateName") or self.text(ratings[0], "name")
            for name in ("ratingValue", "bestRating", "worstRating"):
                value = self.text(ratings[0], name)
                if value is not None:
                    # A rating that is not a number stays only in the review's markup (the source's text).
                    with contextlib.suppress(EventModelError):
                        quantities[name] = Quantity(value)
        text = verdict or self.text(node, "reviewBody")
        if text is None:
            raise _bad(
                "has neither a schema:reviewRating with an alternateName nor a schema:reviewBody: no verdict",
                f"{where} schema:reviewRating",
            )
        return Claim(
            reviewer,
            Proposition(text, quantities=quantities),
            speech_act=SpeechAct.STATES,
            evidence=(Evidence(source.id),),
            regarding=claim.id,
            relation=ClaimRelation.RESPONDS_TO,
        )

    def dossier(self) -> Dossier:
        reviews = sorted(self.graph.subjects(rdflib.RDF.type, rdflib.URIRef(_SDO + "ClaimReview")), key=str)
        if not reviews:
            raise _bad("holds no schema:ClaimReview and no eventmodel objects", "$")
        for index, node in enumerate(reviews):
            where = (
                f"ClaimReview {index + 1} <{node}>"
                if isinstance(node, rdflib.URIRef)
                else f"ClaimReview {index + 1}"
            )
            self.review(node, where)
        return self.result


def from_claimreview(text: str, *, name: str = "<text>") -> Dossier:
    """
    The dossier that real ``ClaimReview`` markup (schema.org JSON-LD, with
    ``"@context": "https://schema.org"``) holds: for each review, the claim
    (``claimReviewed``) said by the author of the item reviewed, with its
    appearances as evidence, and the fact-checker's verdict
    (``reviewRating.alternateName``, else ``reviewBody``) as a claim by the
    reviewer *regarding* it, with the rating's numbers as the verdict's
    quantities. The review's markup, every property as read, is the text of
    the review's source, so nothing is lost.

    Raises:
        EventModelError: For a review without ``claimReviewed``, ``url`` or a
            verdict; the path names the file, the review and the term.

    .. versionadded:: 0.1.0

    """
    graph = _parse_jsonld(text, name)
    try:
        return _Markup(graph).dossier()
    except EventModelError as error:
        error.path = f"{name}: {error.path}" if error.path else name
        raise


# -- the publication profile: ClaimReview ---------------------------------------------------------------

#: What ``--to claimreview`` drops, field by field: ``(class, field, what
#: becomes of it)``. Every field of every class written is listed; a test
#: compares this with ``attrs.fields`` and with the table in the reference.
CLAIMREVIEW_DROPS: Final[dict[type, dict[str, str]]] = {
    Claim: {
        "id": "kept: the review's url is the reviewer's url base and the claim's id",
        "claimant": "kept as the Claim's author (name only)",
        "content": "kept as claimReviewed text only: an event's description (else its kind), a "
        "proposition's text, a reported claim as 'who says what'",
        "speech_act": "dropped",
        "factuality": "dropped",
        "confidence": "kept as reviewRating: ratingValue in percent (best 100, worst 0), "
        "alternateName its words of estimative probability; Admiralty 6 as alternateName only; "
        "scale, label and extras dropped",
        "made_at": "kept as the Claim's datePublished when an instant, else dropped",
        "evidence": "sources kept as the Claim's appearance; quotes and spans dropped",
        "setting": "dropped",
        "supersedes": "dropped",
        "retracts": "dropped",
        "regarding": "dropped",
        "relation": "dropped",
        "mood": "dropped",
        "role_of": "dropped",
        "extras": "dropped",
    },
    Source: {
        "id": "dropped",
        "kind": "dropped",
        "title": "kept as the appearance's name",
        "publisher": "dropped",
        "authors": "dropped",
        "url": "kept as the appearance's url",
        "published": "kept as the appearance's datePublished when an instant and not an estimate, "
        "else dropped",
        "published_estimate": "dropped, and with it the datePublished: an estimate is not the date the page gives",
        "retrieved": "dropped",
        "language": "kept as the appearance's inLanguage",
        "reliability": "dropped",
        "derived_from": "dropped",
        "derivation": "dropped",
        "text": "dropped",
        "extras": "dropped",
    },
    Actor: {
        "id": "dropped",
        "name": "kept as the author's name",
        "kind": "kept as the author's type, Person or Organization (else Thing)",
        "aliases": "dropped",
        "affiliations": "dropped",
        "identifiers": "dropped",
        "unnamed": "dropped",
        "conditions": "dropped",
        "extras": "dropped",
    },
    Event: {
        "id": "dropped",
        "kind": "kept in claimReviewed when the event has no description",
        "when": "dropped",
        "where": "dropped",
        "participants": "dropped",
        "description": "kept as claimReviewed",
        "quantities": "dropped",
        "details": "dropped",
        "extras": "dropped",
    },
    Proposition: {
        "text": "kept as claimReviewed",
        "id": "dropped",
        "when": "dropped",
        "about": "dropped",
        "quantities": "dropped",
        "link": "dropped",
        "extras": "dropped",
    },
}


def _actor_node(dossier: Dossier, ident: str | None) -> dict[str, Any] | None:
    if ident is None:
        return None
    actor = dossier.get(ident)
    if not isinstance(actor, Actor):
        return {"@type": "Thing", "name": ident}
    kind = actor.kind.value
    kind_type = "Person" if kind in _PERSON else "Organization" if kind in _ORGANIZATIONS else "Thing"
    return {"@type": kind_type, "name": actor.name}


def _summary(dossier: Dossier, content: Event | Claim | Proposition) -> str:
    if isinstance(content, Proposition):
        return content.text
    if isinstance(content, Event):
        return content.description or content.kind
    said = _summary(dossier, content.content)
    if content.claimant is None:
        return f"it is reported: {said}"
    actor = dossier.get(content.claimant)
    who = actor.name if isinstance(actor, Actor) else content.claimant
    return f"{who} {content.speech_act.value}: {said}"


def _rating(claim: Claim) -> dict[str, Any]:
    confidence = claim.confidence
    assert confidence is not None
    rating: dict[str, Any] = {"@type": "Rating"}
    if confidence.value is None:  # Admiralty 6: no number, never one made up
        rating["alternateName"] = ADMIRALTY_CREDIBILITY[6][0]
        return rating
    rating.update(ratingValue=confidence.value, bestRating=100, worstRating=0)
    rating["alternateName"] = confidence.to_words() or f"{confidence.value} percent"
    return rating


def _claims(claim: Claim) -> Iterator[Claim]:
    while True:
        yield claim
        if not isinstance(claim.content, Claim):
            return
        claim = claim.content


def to_claimreview(
    dossier: Dossier, *, reviewer: str | None = None, review_url: str | None = None
) -> dict[str, Any]:
    """
    *dossier* as pure schema.org JSON-LD (the publication profile): a
    ``ClaimReview`` for each claim, at any depth, that carries a confidence,
    and a ``Claim`` for every other. Lossy: :data:`CLAIMREVIEW_DROPS` says
    what is dropped.

    Args:
        dossier: The dossier.
        reviewer: The name of the organization that publishes the reviews.
        review_url: The base of the reviews' urls: a review's url is it and
            the claim's id (by the IRI rule); it is also the reviewer's url.

    Raises:
        InvalidValueError: When a claim carries a confidence and *reviewer*
            or *review_url* is not given.

    .. versionadded:: 0.1.0

    """
    graph: list[dict[str, Any]] = []
    rule: IriRule | None = None
    seen: set[str] = set()
    sources = {source.id: source for source in dossier.sources}
    for top in dossier.claims:
        for claim in _claims(top):
            if claim.id in seen:
                continue
            seen.add(claim.id)
            item: dict[str, Any] = {"@type": "Claim"}
            author = _actor_node(dossier, claim.claimant)
            if author is not None:
                item["author"] = author
            instant = None if claim.made_at is None else vocabulary.instant(claim.made_at)
            if instant is not None:
                item["datePublished"] = instant
            appearances = [
                _appearance(sources.get(ident), ident)
                for ident in dict.fromkeys(evidence.source for evidence in claim.evidence)
            ]
            if appearances:
                item["appearance"] = appearances
            text = _summary(dossier, claim.content)
            if claim.confidence is None:
                graph.append({**item, "text": text})
                continue
            if reviewer is None or review_url is None:
                raise InvalidValueError(
                    "carries a confidence, so it needs a review, and no reviewer was given",
                    cls="Claim",
                    field="confidence",
                    value=claim.id,
                    fix="give the reviewer's name and url base: --reviewer NAME --review-url URL",
                )
            if rule is None:
                rule = IriRule(review_url)
            graph.append(
                {
                    "@type": "ClaimReview",
                    "url": rule.iri(claim.id),
                    "claimReviewed": text,
                    "author": {"@type": "Organization", "name": reviewer, "url": review_url},
                    "reviewRating": _rating(claim),
                    "itemReviewed": item,
                }
            )
    return {"@context": "https://schema.org", "@graph": graph}


def _appearance(source: Source | None, ident: str) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "CreativeWork"}
    if source is None:
        node["name"] = ident
        return node
    if source.url is not None:
        node["url"] = source.url
    if source.title is not None:
        node["name"] = source.title
    instant = None
    if source.published is not None and source.published_estimate is None:
        instant = vocabulary.instant(source.published)
    if instant is not None:
        node["datePublished"] = instant
    if source.language is not None:
        node["inLanguage"] = source.language
    return node


def write_claimreview(
    dossier: Dossier, fp: IO[str], *, reviewer: str | None = None, review_url: str | None = None
) -> None:
    """Write :func:`to_claimreview` of *dossier* to *fp* (the ``claimreview`` format)."""
    document = to_claimreview(dossier, reviewer=reviewer, review_url=review_url)
    fp.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
