"""
W3C PROV, both ways: a dossier as a PROV document, and back, losslessly.

Actors are agents, sources entities, and each claim, at any depth, an entity
that is also a bundle: its speech act is an activity associated with the
claimant, and the bundle describes what the claimant says (an event as an
activity, a proposition as an entity, reported speech as the claim it
reports). Evidence is a derivation from the source, with the quote and span
as W3C Web Annotation selectors; ``supersedes`` is revision and ``retracts``
invalidation. Every field that PROV has no term for is an ``em:`` attribute
(:mod:`eventmodel.interop.vocabulary`), and every id an IRI by the IRI rule
(:mod:`eventmodel.interop.iri`). The reference's mapping table lists it all.

PROV-JSON and PROV-JSONLD are written and read by the ``prov`` library.
PROV-O in TriG is prov's PROV-O encoding into an rdflib dataset, one named
graph per claim, written a triple a line (rdflib's own TriG writer, and prov's
TriG reader, take time that grows with the square of the claims); it is read
with rdflib and decoded by prov a named graph at a time. Plain Turtle
has no named graphs and would drop every bundle, so it is refused.

This module needs the ``prov`` extra: ``pip install "eventmodel[prov]"``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import json
import re
import typing
import warnings
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import IO, Any, Final

import attrs
from cattrs.errors import ClassValidationError

from eventmodel import json as em_json
from eventmodel.core._gc import collector_paused
from eventmodel.core._validation import READING_LENIENTLY
from eventmodel.dossier._dossier import Dossier, Unrecognized
from eventmodel.exceptions import EventModelError, InvalidValueError, MissingExtraError
from eventmodel.io._document import locate
from eventmodel.model._actor import Actor, ActorKind
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Participant, Proposition
from eventmodel.model._evidence import Evidence, TextQuote, TextSpan
from eventmodel.model._source import Source
from eventmodel.time._when import When

from . import vocabulary
from .iri import DEFAULT_BASE, IriRule

try:
    import prov.model as pm
    import rdflib
    from prov.serializers.provrdf import ProvRDFSerializer
except ImportError as error:
    raise MissingExtraError(
        f"W3C PROV needs {(error.name or 'prov').partition('.')[0]}, which is not installed", extra="prov"
    ) from error

__all__ = [
    "FIELDS",
    "REFUSED_RDF_FORMATS",
    "from_prov",
    "from_prov_text",
    "read_prov_json",
    "read_prov_jsonld",
    "read_prov_trig",
    "refuse_turtle",
    "to_prov",
    "to_prov_text",
    "write_prov_json",
    "write_prov_jsonld",
    "write_prov_trig",
]

_PROV: Final = pm.PROV
_EM: Final = pm.Namespace(vocabulary.PREFIX, vocabulary.NAMESPACE)
_OA: Final = pm.Namespace("oa", "http://www.w3.org/ns/oa#")
_SCHEMA: Final = pm.Namespace("schema", "https://schema.org/")
_RDF: Final = pm.Namespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
_RDF_JSON: Final = _RDF["JSON"]
_ID_PREFIX: Final = "id"

_TYPE: Final = pm.PROV_TYPE
_ROLE: Final = pm.PROV_ROLE
_POSITION: Final = _EM["position"]

#: Text forms of RDF that have no named graphs, which PROV-O needs for bundles.
REFUSED_RDF_FORMATS: Final = frozenset({"turtle", "ttl", "nt", "ntriples", "n3", "xml", "pretty-xml"})

_NAMES: Final = {"json": "PROV-JSON", "jsonld": "PROV-JSONLD", "trig": "TriG"}

_ORGANIZATIONS: Final = frozenset(
    {
        ActorKind.ORGANIZATION,
        ActorKind.GOVERNMENT,
        ActorKind.MILITARY_UNIT,
        ActorKind.ARMED_GROUP,
        ActorKind.MEDIA,
        ActorKind.STATE,
    }
)


# -- the mapping, field by field ---------------------------------------------------------------------


@attrs.frozen
class _Field:
    """How one field is carried: as the attribute *term* in form *form*, or by a relation."""

    term: pm.QualifiedName | None
    form: str  # "text", "json", "time", "datetime", "ref", "int", "id", "relation"
    note: str


def _f(term: pm.QualifiedName | None, form: str, note: str = "") -> _Field:
    return _Field(term, form, note)


_ID_FIELD: Final = _f(None, "id", "the record's identifier, by the IRI rule")

#: Every field of every class the mapping writes record by record, and how:
#: an attribute (``term`` and its form) or a PROV relation (form
#: ``"relation"``). Classes not listed (places, quantities, confidences,
#: affiliations, times) travel whole in their JSON document form.
FIELDS: Final[dict[type, dict[str, _Field]]] = {
    Actor: {
        "id": _ID_FIELD,
        "name": _f(_SCHEMA["name"], "text"),
        "kind": _f(_EM["kind"], "text", "also prov:Person or prov:Organization as a prov:type"),
        "aliases": _f(_EM["aliases"], "json"),
        "affiliations": _f(_EM["affiliations"], "json"),
        "identifiers": _f(_EM["identifiers"], "json"),
        "unnamed": _f(_EM["unnamed"], "json"),
        "conditions": _f(_EM["conditions"], "text"),
        "extras": _f(_EM["extras"], "json"),
    },
    Source: {
        "id": _ID_FIELD,
        "kind": _f(_EM["kind"], "text"),
        "title": _f(_SCHEMA["name"], "text"),
        "publisher": _f(None, "relation", "wasAttributedTo, prov:type em:Publisher"),
        "authors": _f(None, "relation", "wasAttributedTo, prov:type em:Author, em:position"),
        "url": _f(_SCHEMA["url"], "text"),
        "published": _f(
            _EM["published"], "time", "also schema:datePublished when an instant, not an estimate"
        ),
        "published_estimate": _f(_EM["publishedEstimate"], "text"),
        "retrieved": _f(_EM["retrieved"], "datetime"),
        "language": _f(_SCHEMA["inLanguage"], "text"),
        "reliability": _f(_EM["reliability"], "text"),
        "derived_from": _f(None, "relation", "wasDerivedFrom, em:position"),
        "derivation": _f(_EM["derivation"], "text"),
        "text": _f(_SCHEMA["text"], "text"),
        "extras": _f(_EM["extras"], "json"),
    },
    Claim: {
        "id": _ID_FIELD,
        "claimant": _f(None, "relation", "wasAssociatedWith of the speech act, prov:role em:Claimant"),
        "content": _f(_EM["content"], "relation", "described in the claim's bundle"),
        "speech_act": _f(_EM["speechAct"], "text"),
        "factuality": _f(_EM["factuality"], "text"),
        "confidence": _f(_EM["confidence"], "json"),
        "made_at": _f(_EM["madeAt"], "time", "also the speech act's prov:startTime/endTime when an instant"),
        "evidence": _f(None, "relation", "wasDerivedFrom, prov:type em:Evidence, em:position"),
        "setting": _f(_EM["setting"], "ref"),
        "supersedes": _f(None, "relation", "wasRevisionOf, em:position"),
        "retracts": _f(None, "relation", "wasInvalidatedBy the speech act, em:position"),
        "regarding": _f(_EM["regarding"], "ref"),
        "relation": _f(_EM["relation"], "text"),
        "mood": _f(_EM["mood"], "text"),
        "role_of": _f(_EM["roleOf"], "ref"),
        "extras": _f(_EM["extras"], "json"),
    },
    Event: {
        "id": _ID_FIELD,
        "kind": _f(_EM["kind"], "text"),
        "when": _f(_EM["when"], "time", "also prov:startTime/endTime when an instant"),
        "where": _f(_EM["where"], "json"),
        "participants": _f(None, "relation", "wasAssociatedWith, prov:role, em:position"),
        "description": _f(_SCHEMA["description"], "text"),
        "quantities": _f(_EM["quantities"], "json"),
        "details": _f(_EM["details"], "json"),
        "extras": _f(_EM["extras"], "json"),
    },
    Proposition: {
        "text": _f(_SCHEMA["text"], "text"),
        "id": _f(None, "id", "the record's identifier; without an id, the claim's node 'proposition'"),
        "when": _f(_EM["when"], "time", "when it holds"),
        "about": _f(_EM["about"], "json"),
        "quantities": _f(_EM["quantities"], "json"),
        "link": _f(_EM["link"], "text"),
        "extras": _f(_EM["extras"], "json"),
    },
    Participant: {
        "actor": _f(_PROV["agent"], "relation", "the association's agent"),
        "role": _f(_ROLE, "text"),
        "extras": _f(_EM["extras"], "json"),
    },
    Evidence: {
        "source": _f(_PROV["usedEntity"], "relation", "the derivation's used entity"),
        "quote": _f(None, "relation", "the TextQuote's fields on the derivation"),
        "span": _f(None, "relation", "the TextSpan's fields on the derivation"),
        "extras": _f(_EM["extras"], "json"),
    },
    TextQuote: {
        "exact": _f(_OA["exact"], "text"),
        "prefix": _f(_OA["prefix"], "text"),
        "suffix": _f(_OA["suffix"], "text"),
        "extras": _f(_EM["quoteExtras"], "json"),
    },
    TextSpan: {
        "start": _f(_OA["start"], "int"),
        "end": _f(_OA["end"], "int"),
        "extras": _f(_EM["spanExtras"], "json"),
    },
}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _field_type(cls: type, name: str) -> Any:
    hint = _hints(cls)[name]
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if typing.get_origin(hint) in (typing.Union, type(int | None)) and len(args) == 1:
        return args[0]
    return hint


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


_DEFAULTS: Final[dict[type, dict[str, Any]]] = {}


def _defaults(cls: type) -> dict[str, Any]:
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = {field.name: _default(field) for field in attrs.fields(cls)}
    return found


def _json_literal(document: Any) -> pm.Literal:
    return pm.Literal(json.dumps(document, ensure_ascii=False, separators=(",", ":")), datatype=_RDF_JSON)


class _Writer:
    def __init__(self, rule: IriRule) -> None:
        self.rule = rule
        self.ids = pm.Namespace(_ID_PREFIX, rule.base)
        self.document = pm.ProvDocument()
        for namespace in (_EM, _OA, _SCHEMA, _RDF, self.ids):
            self.document.add_namespace(namespace)
        self.bundles: dict[str, Claim] = {}

    def qname(self, ident: str) -> pm.QualifiedName:
        return self.ids[self.rule.encode(ident)]

    def node(self, ident: str, part: str) -> pm.QualifiedName:
        return self.ids[self.rule.node(ident, part)[len(self.rule.base) :]]

    def attributes(
        self, obj: Any, extra: Iterable[tuple[pm.QualifiedName, Any]] = ()
    ) -> list[tuple[Any, Any]]:
        cls = type(obj)
        defaults = _defaults(cls)
        out: list[tuple[Any, Any]] = list(extra)
        for name, spec in FIELDS[cls].items():
            if spec.form in ("id", "relation"):
                continue
            value = getattr(obj, name)
            if value is None or value == defaults[name]:
                continue
            out.append((spec.term, self.value(spec.form, value)))
        return out

    def value(self, form: str, value: Any) -> Any:
        if form == "text":
            return value.value if hasattr(value, "value") and not isinstance(value, str) else str(value)
        if form == "json":
            return _json_literal(em_json.converter.unstructure(value))
        if form == "time":
            document = em_json.converter.unstructure(value, When)
            return document if isinstance(document, str) else _json_literal(document)
        if form == "datetime":
            return pm.Literal(value.isoformat(), datatype=pm.XSD_DATETIME)
        if form == "ref":
            return self.qname(value)
        assert form == "int"
        return pm.Literal(str(value), datatype=pm.XSD_NONNEGATIVEINTEGER)

    def actor(self, actor: Actor) -> None:
        types: list[tuple[Any, Any]] = [(_TYPE, _EM["Actor"])]
        if actor.kind is ActorKind.PERSON:
            types.append((_TYPE, _PROV["Person"]))
        elif actor.kind in _ORGANIZATIONS:
            types.append((_TYPE, _PROV["Organization"]))
        self.document.agent(self.qname(actor.id), self.attributes(actor, types))

    def source(self, source: Source) -> None:
        doc = self.document
        ident = self.qname(source.id)
        extra: list[tuple[Any, Any]] = [(_TYPE, _EM["Source"])]
        if (
            source.published is not None
            and source.published_estimate is None  # an analyst's estimate is not the date the page gives
            and (instant := vocabulary.instant(source.published)) is not None
        ):
            extra.append((_SCHEMA["datePublished"], pm.Literal(instant, datatype=pm.XSD_DATETIME)))
        doc.entity(ident, self.attributes(source, extra))
        if source.publisher is not None:
            doc.attribution(ident, self.qname(source.publisher), other_attributes=[(_TYPE, _EM["Publisher"])])
        for position, author in enumerate(source.authors):
            doc.attribution(
                ident, self.qname(author), other_attributes=[(_TYPE, _EM["Author"]), (_POSITION, position)]
            )
        for position, other in enumerate(source.derived_from):
            doc.derivation(ident, self.qname(other), other_attributes=[(_POSITION, position)])

    def content_node(self, claim: Claim) -> pm.QualifiedName:
        content = claim.content
        if isinstance(content, Proposition) and content.id is None:
            return self.node(claim.id, "proposition")
        assert content.id is not None
        return self.qname(content.id)

    def claim(self, container: pm.ProvBundle, claim: Claim) -> None:
        ident = self.qname(claim.id)
        act = self.node(claim.id, "act")
        extra = [(_TYPE, _EM["Claim"]), (_TYPE, _PROV["Bundle"]), (_EM["content"], self.content_node(claim))]
        container.entity(ident, self.attributes(claim, extra))
        start = None if claim.made_at is None else vocabulary.instant(claim.made_at)
        container.activity(act, start, start, [(_TYPE, _EM["SpeechAct"])])
        container.generation(ident, act)
        if claim.claimant is not None:
            container.association(
                act, self.qname(claim.claimant), other_attributes=[(_ROLE, _EM["Claimant"])]
            )
        for position, evidence in enumerate(claim.evidence):
            container.derivation(
                ident, self.qname(evidence.source), other_attributes=self.evidence(evidence, position)
            )
        for position, old in enumerate(claim.supersedes):
            container.derivation(
                ident, self.qname(old), other_attributes=[(_TYPE, _PROV["Revision"]), (_POSITION, position)]
            )
        for position, old in enumerate(claim.retracts):
            container.invalidation(self.qname(old), act, other_attributes=[(_POSITION, position)])
        self.bundle(claim)

    def evidence(self, evidence: Evidence, position: int) -> list[tuple[Any, Any]]:
        out = self.attributes(evidence, [(_TYPE, _EM["Evidence"]), (_POSITION, position)])
        if evidence.quote is not None:
            out += self.attributes(evidence.quote)
        if evidence.span is not None:
            out += self.attributes(evidence.span)
        return out

    def bundle(self, claim: Claim) -> None:
        held = self.bundles.get(claim.id)
        if held is not None:
            if held != claim:
                raise InvalidValueError(
                    f"is the id of two different claims: {held!r} and {claim!r}",
                    cls="Claim",
                    field="id",
                    value=claim.id,
                    fix="give each claim its own id, or leave ids out to derive them from content",
                )
            return
        self.bundles[claim.id] = claim
        bundle = self.document.bundle(self.qname(claim.id))
        content = claim.content
        if isinstance(content, Claim):
            self.claim(bundle, content)
        elif isinstance(content, Event):
            self.event(bundle, content)
        else:
            bundle.entity(self.content_node(claim), self.attributes(content, [(_TYPE, _EM["Proposition"])]))

    def event(self, bundle: pm.ProvBundle, event: Event) -> None:
        ident = self.qname(event.id)
        start = None if event.when is None else vocabulary.instant(event.when)
        bundle.activity(ident, start, start, self.attributes(event, [(_TYPE, _EM["Event"])]))
        for position, participant in enumerate(event.participants):
            bundle.association(
                ident,
                None if participant.actor is None else self.qname(participant.actor),
                other_attributes=self.attributes(participant, [(_POSITION, position)]),
            )

    def dossier(self, dossier: Dossier) -> None:
        for actor in dossier.actors:
            self.actor(actor)
        for source in dossier.sources:
            self.source(source)
        for claim in dossier.claims:
            self.claim(self.document, claim)
        extra: list[tuple[Any, Any]] = []
        if dossier.format_version != em_json.FORMAT_VERSION:
            extra.append((_EM["formatVersion"], dossier.format_version))
        if dossier.extras:
            extra.append((_EM["extras"], _json_literal(em_json.converter.unstructure(dossier.extras))))
        if dossier.unrecognized:
            documents = [{"list": item.kind, "document": item.document} for item in dossier.unrecognized]
            extra.append((_EM["document"], _json_literal(documents)))
        if extra:
            self.document.entity(self.node("dossier", "document"), [(_TYPE, _EM["Dossier"]), *extra])


def to_prov(dossier: Dossier, *, base: str = DEFAULT_BASE) -> pm.ProvDocument:
    """
    *dossier* as a :class:`prov.model.ProvDocument`.

    Args:
        dossier: The dossier.
        base: The base of the IRIs of its ids (:class:`~eventmodel.interop.iri.IriRule`).

    Raises:
        InvalidValueError: For a bad base, or two different nested claims with one id.

    .. versionadded:: 0.1.0

    """
    writer = _Writer(IriRule(base))
    with collector_paused():  # many small objects, few cycles: see collector_paused
        writer.dossier(dossier)
    return writer.document


def refuse_turtle(dossier: Dossier, fp: IO[str], **options: Any) -> None:
    """
    Refuse to write PROV as plain Turtle (the ``prov-turtle`` format).

    Raises:
        InvalidValueError: Always: Turtle has no named graphs, so every bundle would be lost.

    """
    _refuse("turtle")


def _refuse(rdf_format: str) -> None:
    raise InvalidValueError(
        "cannot hold PROV bundles: it has no named graphs, so every claim's bundle (what the claim says) "
        "would be dropped",
        cls="PROV",
        field="format",
        value=rdf_format,
        fix="write TriG instead (--to prov-trig), or PROV-JSON (--to prov-json)",
    )


def to_prov_text(dossier: Dossier, fmt: str = "json", *, base: str = DEFAULT_BASE) -> str:
    """
    *dossier* as PROV text: ``"json"`` (PROV-JSON), ``"jsonld"``
    (PROV-JSONLD) or ``"trig"`` (PROV-O in TriG).

    Raises:
        InvalidValueError: For Turtle and other RDF forms without named
            graphs, which would drop every bundle, and unknown formats.

    .. versionadded:: 0.1.0

    """
    if fmt in REFUSED_RDF_FORMATS:
        _refuse(fmt)
    if fmt not in _NAMES:
        raise InvalidValueError(
            "is not a PROV text form eventmodel writes",
            cls="PROV",
            field="format",
            value=fmt,
            fix="use 'json', 'jsonld' or 'trig'",
        )
    document = to_prov(dossier, base=base)
    with collector_paused(), warnings.catch_warnings():
        if fmt == "trig":
            warnings.simplefilter("ignore", DeprecationWarning)  # prov's RDF writer uses ConjunctiveGraph
            return _trig(ProvRDFSerializer(document).encode_document(document))
        return str(document.serialize(format=fmt))


_PN_LOCAL: Final = re.compile(r"[A-Za-z0-9_%](?:[A-Za-z0-9_%.-]*[A-Za-z0-9_%-])?", re.ASCII)


def _trig(dataset: Any) -> str:
    """
    *dataset* (prov's PROV-O encoding) as TriG: a block a named graph, a
    triple a line, sorted. rdflib's own TriG writer takes time that grows with
    the square of the claims (9 s for 3,000, where this takes under 1).
    """
    prefixes = {
        str(namespace.uri): namespace.prefix for namespace in (_PROV, _EM, _OA, _SCHEMA, _RDF, pm.XSD)
    }
    for prefix, uri in dataset.namespaces():
        if prefix == _ID_PREFIX:
            prefixes.setdefault(str(uri), prefix)
    by_length = sorted(prefixes, key=len, reverse=True)

    def term(node: Any) -> str:
        if isinstance(node, rdflib.URIRef):
            text = str(node)
            for uri in by_length:
                if text.startswith(uri) and _PN_LOCAL.fullmatch(text[len(uri) :]):
                    return f"{prefixes[uri]}:{text[len(uri) :]}"
        elif isinstance(node, rdflib.Literal) and node.datatype is not None:
            return f"{rdflib.Literal(str(node)).n3()}^^{term(node.datatype)}"
        return str(node.n3())

    lines = [
        f"@prefix {prefix}: <{uri}> ." for uri, prefix in sorted(prefixes.items(), key=lambda item: item[1])
    ]
    graphs = sorted(dataset.contexts(), key=lambda graph: str(graph.identifier))
    for graph in graphs:
        if not len(graph):
            continue
        name = graph.identifier
        unnamed = isinstance(name, rdflib.BNode) or name == rdflib.graph.DATASET_DEFAULT_GRAPH_ID
        lines.append("")
        lines.append("{" if unnamed else f"{term(name)} {{")
        triples = sorted(
            (
                isinstance(s, rdflib.BNode),
                f"    {term(s)} {'a' if p == rdflib.RDF.type else term(p)} {term(o)} .",
            )
            for s, p, o in graph
        )  # named subjects first, blank nodes (the qualified relations) after
        lines.extend(line for _, line in triples)
        lines.append("}")
    return "\n".join(lines) + "\n"


def write_prov_json(dossier: Dossier, fp: IO[str], base: str | None = None) -> None:
    """Write *dossier* as PROV-JSON (the ``prov-json`` format)."""
    fp.write(to_prov_text(dossier, "json", base=base or DEFAULT_BASE) + "\n")


def write_prov_jsonld(dossier: Dossier, fp: IO[str], base: str | None = None) -> None:
    """Write *dossier* as PROV-JSONLD (the ``prov-jsonld`` format)."""
    fp.write(to_prov_text(dossier, "jsonld", base=base or DEFAULT_BASE) + "\n")


def write_prov_trig(dossier: Dossier, fp: IO[str], base: str | None = None) -> None:
    """Write *dossier* as PROV-O in TriG, a named graph a claim (the ``prov-trig`` format)."""
    fp.write(to_prov_text(dossier, "trig", base=base or DEFAULT_BASE))


# -- reading ---------------------------------------------------------------------------------------------


def _uri(value: Any) -> str:
    if isinstance(value, pm.QualifiedName):
        return value.uri
    if isinstance(value, pm.Identifier):
        return value.uri
    return str(value)


#: Each record's attributes by IRI, while from_prov() runs: record.get_attribute()
#: reconciles the name with the document's namespaces on every call, and
#: record.attributes builds a new list, which made reading grow with the square
#: of the claims. Keyed by id(), with the record kept, so that an entry is never
#: taken for another record's.
_ATTRIBUTES: dict[int, tuple[pm.ProvRecord, dict[str, list[Any]]]] = {}


def _values(record: pm.ProvRecord, term: pm.QualifiedName) -> list[Any]:
    cached = _ATTRIBUTES.get(id(record))
    if cached is None or cached[0] is not record:
        table: dict[str, list[Any]] = {}
        for name, value in record.attributes:
            table.setdefault(name.uri, []).append(value)
        cached = _ATTRIBUTES[id(record)] = (record, table)
    return cached[1].get(term.uri, [])


def _types(record: pm.ProvRecord) -> set[str]:
    return {_uri(value) for value in _values(record, _TYPE)}


def _one(record: pm.ProvRecord, term: pm.QualifiedName) -> Any:
    values = set(_values(record, term))
    if not values:
        return None
    if len(values) > 1:
        raise InvalidValueError(
            f"has {len(values)} values of {term}, one expected",
            cls="PROV",
            field=str(term),
            path=_where(record),
        )
    return next(iter(values))


def _where(record: pm.ProvRecord) -> str:
    return str(record.identifier) if record.identifier is not None else str(record.get_type())


def _position(record: pm.ProvRecord) -> int:
    value = _one(record, _POSITION)
    return -1 if value is None else _integer(value, record)


def _integer(value: Any, record: pm.ProvRecord) -> int:
    if isinstance(value, pm.Literal):
        value = value.value
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidValueError(
            "must be a whole number", cls="PROV", value=value, path=_where(record)
        ) from None


class _Container:
    """The records of one bundle (or of the document), indexed for reading."""

    def __init__(self, bundle: pm.ProvBundle) -> None:
        self.elements: dict[str, pm.ProvElement] = {}
        self.relations: dict[tuple[type, str], list[pm.ProvRecord]] = {}
        for record in bundle.get_records():
            if isinstance(record, pm.ProvElement):
                self.elements[_uri(record.identifier)] = record
            else:
                # An invalidation is looked up by its activity (the retracting claim's act).
                subject = record.args[1] if isinstance(record, pm.ProvInvalidation) else record.args[0]
                self.relations.setdefault((type(record), _uri(subject)), []).append(record)

    def related(self, kind: type, subject: str) -> list[pm.ProvRecord]:
        return sorted(self.relations.get((kind, subject), ()), key=_position)


class _Reader:
    def __init__(self, document: pm.ProvDocument, base: str | None) -> None:
        if base is None:
            found = [ns.uri for ns in document.namespaces if ns.prefix == _ID_PREFIX]
            base = found[0] if found else DEFAULT_BASE
        self.rule = IriRule(base)
        self.top = _Container(document)
        self.bundles = {_uri(bundle.identifier): bundle for bundle in document.bundles}
        self.indexed: dict[str, _Container] = {}

    def bundle(self, uri: str) -> _Container:
        found = self.indexed.get(uri)
        if found is None:
            bundle = self.bundles.get(uri)
            if bundle is None:
                raise InvalidValueError("has no bundle: what the claim says is missing", cls="PROV", path=uri)
            found = self.indexed[uri] = _Container(bundle)
        return found

    def ident(self, value: Any, record: pm.ProvRecord) -> str:
        try:
            return self.rule.id(_uri(value))
        except EventModelError as error:
            error.path = _where(record)
            raise

    def fields(
        self, cls: type, record: pm.ProvRecord, specs: dict[str, _Field] | None = None
    ) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for name, spec in (specs or FIELDS[cls]).items():
            if spec.form in ("id", "relation"):
                continue
            assert spec.term is not None
            value = _one(record, spec.term)
            if value is not None:
                kwargs[name] = self.value(cls, name, spec.form, value, record)
        return kwargs

    def value(self, cls: type, name: str, form: str, value: Any, record: pm.ProvRecord) -> Any:
        if form == "text":
            if not isinstance(value, str):
                raise InvalidValueError(
                    "must be text", cls=cls.__name__, field=name, value=value, path=_where(record)
                )
            return value
        if form == "int":
            return _integer(value, record)
        if form == "ref":
            return self.ident(value, record)
        if form == "datetime":
            if isinstance(value, pm.Literal):
                value = value.value
            if isinstance(value, datetime):
                return value
            try:
                return datetime.fromisoformat(str(value))
            except ValueError:
                raise InvalidValueError(
                    "must be an ISO 8601 date-time",
                    cls=cls.__name__,
                    field=name,
                    value=value,
                    path=_where(record),
                ) from None
        document = _document(value, cls, name, record)
        return _structure(document, _field_type(cls, name), cls, name, record)

    def actor(self, record: pm.ProvElement) -> Actor:
        return Actor(id=self.ident(record.identifier, record), **self.fields(Actor, record))

    def source(self, record: pm.ProvElement) -> Source:
        uri = _uri(record.identifier)
        kwargs = self.fields(Source, record)
        authors: list[str] = []
        for relation in self.top.related(pm.ProvAttribution, uri):
            agent = self.ident(relation.args[1], relation)
            if _EM["Publisher"].uri in _types(relation):
                kwargs["publisher"] = agent
            else:
                authors.append(agent)
        derived = [self.ident(r.args[1], r) for r in self.top.related(pm.ProvDerivation, uri)]
        return Source(
            id=self.ident(record.identifier, record), authors=authors, derived_from=derived, **kwargs
        )

    def claim(self, container: _Container, record: pm.ProvElement) -> Claim:
        uri = _uri(record.identifier)
        ident = self.ident(record.identifier, record)
        act = self.rule.node(ident, "act")
        kwargs = self.fields(Claim, record)
        claimant = None
        for relation in container.related(pm.ProvAssociation, act):
            claimant = self.ident(relation.args[1], relation)
        evidence: list[Evidence] = []
        supersedes: list[str] = []
        for relation in container.related(pm.ProvDerivation, uri):
            types = _types(relation)
            if _PROV["Revision"].uri in types:
                supersedes.append(self.ident(relation.args[1], relation))
            else:
                evidence.append(self.evidence(relation))
        retracts = [self.ident(r.args[0], r) for r in container.related(pm.ProvInvalidation, act)]
        content = self.content(uri, _one(record, _EM["content"]), record)
        return Claim(
            claimant,
            content,
            id=ident,
            evidence=evidence,
            supersedes=supersedes,
            retracts=retracts,
            **kwargs,
        )

    def evidence(self, relation: pm.ProvRecord) -> Evidence:
        kwargs = self.fields(Evidence, relation)
        quote = self.fields(TextQuote, relation)
        span = self.fields(TextSpan, relation)
        return Evidence(
            self.ident(relation.args[1], relation),
            quote=TextQuote(**quote) if "exact" in quote else None,
            span=TextSpan(**span) if "start" in span else None,
            **kwargs,
        )

    def content(self, uri: str, pointer: Any, record: pm.ProvRecord) -> Event | Proposition | Claim:
        bundle = self.bundle(uri)
        target = bundle.elements.get(_uri(pointer)) if pointer is not None else None
        if target is None:
            raise InvalidValueError(
                "names no content in its bundle", cls="Claim", field="content", path=_where(record)
            )
        types = _types(target)
        if _EM["Event"].uri in types:
            return self.event(bundle, target)
        if _EM["Claim"].uri in types:
            return self.claim(bundle, target)
        if _EM["Proposition"].uri in types:
            ident, part = self.rule.parse(_uri(target.identifier))
            return Proposition(id=None if part is not None else ident, **self.fields(Proposition, target))
        raise InvalidValueError(
            "must be an em:Event, an em:Proposition or an em:Claim",
            cls="Claim",
            field="content",
            path=_where(target),
        )

    def event(self, bundle: _Container, record: pm.ProvElement) -> Event:
        uri = _uri(record.identifier)
        participants = [
            Participant(
                None if r.args[1] is None else self.ident(r.args[1], r), **self.fields(Participant, r)
            )
            for r in bundle.related(pm.ProvAssociation, uri)
        ]
        return Event(
            id=self.ident(record.identifier, record), participants=participants, **self.fields(Event, record)
        )

    def dossier(self) -> Dossier:
        objects: list[Actor | Source | Claim] = []
        kwargs: dict[str, Any] = {}
        for record in self.top.elements.values():
            types = _types(record)
            if _EM["Actor"].uri in types:
                objects.append(self.actor(record))
            elif _EM["Source"].uri in types:
                objects.append(self.source(record))
            elif _EM["Claim"].uri in types:
                objects.append(self.claim(self.top, record))
            elif _EM["Dossier"].uri in types:
                kwargs = self.document_fields(record)
        return Dossier(objects, **kwargs)

    def document_fields(self, record: pm.ProvElement) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        version = _one(record, _EM["formatVersion"])
        if version is not None:
            kwargs["format_version"] = str(version)
        extras = _one(record, _EM["extras"])
        if extras is not None:
            kwargs["extras"] = _document(extras, Dossier, "extras", record)
        documents = _one(record, _EM["document"])
        if documents is not None:
            kwargs["unrecognized"] = [
                Unrecognized(item["list"], item["document"])
                for item in _document(documents, Dossier, "unrecognized", record)
            ]
        return kwargs


def _structure(document: Any, hint: Any, cls: type, name: str, record: pm.ProvRecord) -> Any:
    """The value of type *hint* that the document form *document* holds, or the library's error."""
    try:
        return em_json.converter.structure(document, hint)
    except EventModelError as error:
        found = error
    except (ClassValidationError, KeyError, TypeError, ValueError, RecursionError) as error:
        found = locate(error)
    inner = found.path if found.path not in (None, "$") else ""
    raise type(found)(
        found.reason,
        cls=cls.__name__,
        field=f"{name}{inner.removeprefix('$')}",
        value=found.value,
        fix=found.fix,
        path=_where(record),
    ) from None


def _document(value: Any, cls: type, name: str, record: pm.ProvRecord) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, pm.Literal) and _uri(value.datatype) == _RDF_JSON.uri:
        try:
            return json.loads(value.value)
        except ValueError:
            pass
    raise InvalidValueError(
        "must be text or an rdf:JSON literal", cls=cls.__name__, field=name, value=value, path=_where(record)
    )


def from_prov(document: pm.ProvDocument, *, base: str | None = None) -> Dossier:
    """
    The dossier that *document* holds, as :func:`to_prov` wrote it.

    Args:
        document: The PROV document.
        base: The base of the IRIs of the ids; by default the namespace
            the document names with the prefix ``id``, else
            :data:`~eventmodel.interop.iri.DEFAULT_BASE`.

    Raises:
        EventModelError: For records that do not read as eventmodel objects;
            the error's path names the record.

    .. versionadded:: 0.1.0

    """
    # The document holds what the library wrote: members kept from a newer version's
    # document come back under their names, as reading with strict=False kept them.
    lenient = READING_LENIENTLY.set(True)
    try:
        return _from_prov(document, base=base)
    finally:
        READING_LENIENTLY.reset(lenient)


def _from_prov(document: pm.ProvDocument, *, base: str | None) -> Dossier:
    try:
        with collector_paused():  # many small objects, few cycles: see collector_paused
            return _Reader(document, base).dossier()
    except EventModelError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        raise InvalidValueError(f"does not read as an eventmodel dossier: {error}", cls="PROV") from None
    finally:
        _ATTRIBUTES.clear()


def from_prov_text(text: str, fmt: str = "json", *, base: str | None = None) -> Dossier:
    """
    The dossier that the PROV text *text* holds: ``"json"`` (PROV-JSON),
    ``"jsonld"`` (PROV-JSONLD) or ``"trig"`` (PROV-O in TriG).

    Raises:
        InvalidValueError: For text that is not PROV in that form, or does not
            read as a dossier.

    .. versionadded:: 0.1.0

    """
    return from_prov(_parse(text, fmt, None), base=base)


def _parse(text: str, fmt: str, path: str | None) -> pm.ProvDocument:
    try:
        with collector_paused(), warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's Dataset.parse warns about itself
            if fmt in ("json", "jsonld"):
                return pm.ProvDocument.deserialize(content=text, format=fmt)
            if fmt == "trig":
                return _parse_trig(text)
    except Exception as error:  # noqa: BLE001 - prov and rdflib raise anything on bad input
        raise InvalidValueError(
            f"is not {_NAMES.get(fmt, fmt)} that prov reads: {type(error).__name__}: {error}",
            cls="PROV",
            value=path if path is not None else (text[:40] + ("..." if len(text) > 40 else "")),
        ) from None
    if fmt in REFUSED_RDF_FORMATS:
        _refuse(fmt)
    raise InvalidValueError(
        "is not a PROV text form eventmodel reads",
        cls="PROV",
        field="format",
        value=fmt,
        fix="use 'json', 'jsonld' or 'trig'",
    )


def _parse_trig(text: str) -> pm.ProvDocument:
    """
    TriG into a PROV document, a named graph at a time: prov's own RDF reader
    looks each graph's records up in the whole dataset, which takes time that
    grows with the square of the number of claims (70 s for 1,000).
    """
    dataset = rdflib.Dataset()
    dataset.parse(data=text, format="trig")
    graphs: dict[Any, rdflib.Graph] = {}
    for subject, predicate, obj, context in dataset.quads((None, None, None, None)):
        name = getattr(context, "identifier", context)
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = rdflib.Graph(identifier=name)
        graph.add((subject, predicate, obj))
    document = pm.ProvDocument()
    for prefix, uri in dataset.namespaces():
        document.add_namespace(prefix, str(uri))
    decoder = ProvRDFSerializer(document)
    for name, graph in graphs.items():
        if isinstance(name, rdflib.BNode) or name == rdflib.graph.DATASET_DEFAULT_GRAPH_ID:
            decoder.decode_container(graph, document)
        else:
            decoder.decode_container(graph, document.bundle(decoder.decode_rdf_representation(name, graph)))
    return document


def _read_files(files: Sequence[str | Path], fmt: str, base: str | None) -> Dossier:
    dossier = Dossier()
    for file in files:
        text = Path(file).read_text(encoding="utf-8")
        try:
            read = from_prov(_parse(text, fmt, str(file)), base=base)
        except EventModelError as error:
            error.path = f"{file}: {error.path}" if error.path else str(file)
            raise
        for member in read:
            dossier.add(member)
        dossier.unrecognized += read.unrecognized
        if read.extras:
            dossier.extras = read.extras
        dossier.format_version = read.format_version
    return dossier


def read_prov_json(files: Sequence[str | Path], base: str | None = None) -> Dossier:
    """Read PROV-JSON files that :func:`write_prov_json` wrote into one dossier (the ``prov-json`` format)."""
    return _read_files(files, "json", base)


def read_prov_jsonld(files: Sequence[str | Path], base: str | None = None) -> Dossier:
    """Read PROV-JSONLD files that :func:`write_prov_jsonld` wrote into one dossier (the ``prov-jsonld`` format)."""
    return _read_files(files, "jsonld", base)


def read_prov_trig(files: Sequence[str | Path], base: str | None = None) -> Dossier:
    """Read TriG files that :func:`write_prov_trig` wrote into one dossier (the ``prov-trig`` format)."""
    return _read_files(files, "trig", base)
