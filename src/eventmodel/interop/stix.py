"""
STIX 2.1, in two profiles: a dossier as a bundle a threat-intelligence
platform reads as it is, and as a bundle that reads back losslessly.

``stix-vanilla`` writes only objects STIX 2.1 defines (``identity``,
``location``, ``note``, ``opinion`` and ``report``), which ``stix2.parse``
reads with no custom content allowed and the OASIS schemas accept. It is
lossy by design: :data:`VANILLA` says, field by field, what it keeps and
what it drops.

``stix`` writes one ``extension-definition`` (:data:`EXTENSION_ID`, which
never changes; its JSON schema ships in the package, :func:`extension_schema`)
and adds four objects of its own: ``eventmodel-source``, ``eventmodel-claim``,
``eventmodel-event`` and ``eventmodel-proposition``. Actors are ``identity``
objects that carry the actor's fields in a property extension. Every field
is carried (:data:`FIELDS`), in eventmodel's own JSON form, and the bundle
reads back equal (:func:`read_stix`).

Both profiles:

- give every object a name-based UUID (UUIDv5 in :data:`NAMESPACE`) derived
  from eventmodel ids, so that one dossier gives byte-identical bundles in
  every process, and keep the eventmodel id in the object;
- write ``spec_version`` on every object, and only references that resolve
  inside the bundle: a claimant, publisher or other object that the dossier
  does not hold is kept as its eventmodel id, never as a STIX reference;
- take ``created``, ``modified`` and the producing identity as options;
- never turn Admiralty credibility 6 ("truth cannot be judged") into a
  number: such a claim has no ``confidence`` and no ``opinion``;
- write the bundle as streamed JSON, an object a line, never through
  ``stix2.Bundle`` (whose creation takes hours for tens of thousands of
  objects).

This module needs the ``stix`` extra: ``pip install "eventmodel[stix]"``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import hashlib
import json
import typing
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, Final

import attrs
from cattrs.errors import ClassValidationError

from eventmodel import json as em_json
from eventmodel.core._gc import collector_paused
from eventmodel.dossier._dossier import Dossier, Unrecognized
from eventmodel.exceptions import NO_VALUE, EventModelError, InvalidValueError, MissingExtraError
from eventmodel.io._document import locate
from eventmodel.io._json import _parse
from eventmodel.model._actor import Actor, ActorKind
from eventmodel.model._claim import Claim
from eventmodel.model._confidence import ADMIRALTY_CREDIBILITY, ConfidenceScale
from eventmodel.model._event import Event, Proposition
from eventmodel.model._fields import Ref, Refs, kind_of
from eventmodel.model._place import Place
from eventmodel.model._source import Source

try:
    import stix2  # type: ignore[import-untyped]
    import stix2.exceptions  # type: ignore[import-untyped]
except ImportError as error:
    raise MissingExtraError(
        f"STIX 2.1 needs {(error.name or 'stix2').partition('.')[0]}, which is not installed", extra="stix"
    ) from error

__all__ = [
    "EXTENSION_ID",
    "FIELDS",
    "NAMESPACE",
    "PROJECT_IDENTITY_ID",
    "SCHEMA_FILE",
    "TYPES",
    "VANILLA",
    "extension_schema",
    "from_stix",
    "read_stix",
    "stix_objects",
    "write_stix",
    "write_stix_vanilla",
]

#: The namespace of every name-based UUID the exports make.
NAMESPACE: Final = uuid.UUID("4a667628-2272-4817-9841-6c9dac4699ad")
#: The id of eventmodel's extension definition: fixed, it never changes.
EXTENSION_ID: Final = "extension-definition--6b7c2128-572b-493d-8891-d506c2ceb67d"
#: The identity that defines the extension (eventmodel itself); the producer when none is given.
PROJECT_IDENTITY_ID: Final = f"identity--{uuid.uuid5(NAMESPACE, 'eventmodel')}"
#: The extension's JSON schema, in the package's ``eventmodel.interop`` data, named
#: as stix2-validator looks it up (``--schemas DIR``).
SCHEMA_FILE: Final = f"data/stix/{EXTENSION_ID}.json"
#: The STIX type of each class the extension adds.
TYPES: Final[dict[type, str]] = {
    Source: "eventmodel-source",
    Claim: "eventmodel-claim",
    Event: "eventmodel-event",
    Proposition: "eventmodel-proposition",
}

_SPEC: Final = "2.1"
_DEFINED: Final = "2026-12-04T00:00:00.000Z"  # when the extension was defined: the default created time
_EXTERNAL_SOURCE: Final = "eventmodel"
_NEW_SDO: Final = {"extension_type": "new-sdo"}
_SCHEMA_URL: Final = "https://w3id.org/eventmodel/stix/extension-schema.json"

_IDENTITY_CLASS: Final = {
    ActorKind.PERSON: "individual",
    ActorKind.ORGANIZATION: "organization",
    ActorKind.GOVERNMENT: "organization",
    ActorKind.MILITARY_UNIT: "organization",
    ActorKind.ARMED_GROUP: "group",
    ActorKind.MEDIA: "organization",
    ActorKind.STATE: "organization",
    ActorKind.COLLECTIVE: "group",
    ActorKind.UNKNOWN: "unknown",
}

# -- the mapping, field by field ---------------------------------------------------------------------

#: Every field of every class the extension profile writes object by object,
#: and the property that carries it, in eventmodel's JSON form. ``id`` is the
#: property ``eventmodel_id``; a claim's content is ``content_ref``, the STIX
#: id of the content's own object. A reference to an actor, a source or a
#: claim the bundle holds is also written as a STIX reference (``claimant``
#: and ``claimant_ref``); the eventmodel id is what is read back. Values of the
#: classes not listed (evidence, participants, places, quantities,
#: confidences, times) travel whole in their JSON form.
FIELDS: Final[dict[type, dict[str, str]]] = {
    Actor: {
        "id": "eventmodel_id",
        "name": "name",
        "kind": "kind",
        "aliases": "aliases",
        "affiliations": "affiliations",
        "identifiers": "identifiers",
        "unnamed": "unnamed",
        "conditions": "conditions",
        "extras": "extras",
    },
    Source: {
        "id": "eventmodel_id",
        "kind": "kind",
        "title": "title",
        "publisher": "publisher",
        "authors": "authors",
        "url": "url",
        "published": "published",
        "published_estimate": "published_estimate",
        "retrieved": "retrieved",
        "language": "language",
        "reliability": "reliability",
        "derived_from": "derived_from",
        "derivation": "derivation",
        "text": "text",
        "extras": "extras",
    },
    Claim: {
        "id": "eventmodel_id",
        "claimant": "claimant",
        "content": "content_ref",
        "speech_act": "speech_act",
        "factuality": "factuality",
        "confidence": "analyst_confidence",
        "made_at": "made_at",
        "evidence": "evidence",
        "setting": "setting",
        "supersedes": "supersedes",
        "retracts": "retracts",
        "regarding": "regarding",
        "relation": "relation",
        "mood": "mood",
        "role_of": "role_of",
        "extras": "extras",
    },
    Event: {
        "id": "eventmodel_id",
        "kind": "kind",
        "when": "when",
        "where": "where",
        "participants": "participants",
        "description": "description",
        "quantities": "quantities",
        "details": "details",
        "extras": "extras",
    },
    Proposition: {
        "text": "text",
        "id": "eventmodel_id",
        "when": "when",
        "about": "about",
        "quantities": "quantities",
        "link": "link",
        "extras": "extras",
    },
}

#: What the vanilla profile does with each field: where it goes, or
#: ``"dropped"``. docs/reference/stix.md shows this table, and a test keeps
#: the two, and the classes' fields, the same.
VANILLA: Final[dict[type, dict[str, str]]] = {
    Actor: {
        "id": "identity: external_references (source_name eventmodel); the name-based STIX id",
        "name": "identity: name",
        "kind": "identity: identity_class (individual, organization, group or unknown)",
        "aliases": "dropped",
        "affiliations": "dropped",
        "identifiers": "identity: external_references (source_name the system, external_id the id)",
        "unnamed": "dropped",
        "conditions": "dropped",
        "extras": "dropped",
    },
    Source: {
        "id": "report: external_references (source_name eventmodel); the name-based STIX id",
        "kind": "report: report_types",
        "title": "report: name (the kind when there is no title)",
        "publisher": "report: object_refs, when the dossier holds the actor",
        "authors": "report: object_refs, when the dossier holds the actors",
        "url": "report: external_references (url)",
        "published": "report: published, when an instant or a date; else the created time",
        "published_estimate": "dropped",
        "retrieved": "dropped",
        "language": "report: lang",
        "reliability": "dropped",
        "derived_from": "report: object_refs, when the dossier holds the sources",
        "derivation": "dropped",
        "text": "dropped",
        "extras": "dropped",
    },
    Claim: {
        "id": "note: external_references (source_name eventmodel); the name-based STIX id",
        "claimant": "note: authors (the name) and object_refs, when the dossier holds the actor",
        "content": "note: content (in words), object_refs (a nested claim's note, a place's location)",
        "speech_act": "note: abstract",
        "factuality": "note: content (in words)",
        "confidence": "note: confidence, and an opinion on the note; none for Admiralty 6",
        "made_at": "note: content (in words)",
        "evidence": "note: object_refs (each source's report); quotes and spans dropped",
        "setting": "dropped",
        "supersedes": "dropped",
        "retracts": "dropped",
        "regarding": "dropped",
        "relation": "dropped",
        "mood": "dropped",
        "role_of": "dropped",
        "extras": "dropped",
    },
    Event: {
        "id": "dropped",
        "kind": "note: content",
        "when": "note: content (in words)",
        "where": "location: name, country, latitude, longitude, precision, administrative_area, "
        "when it has a country or a point; else dropped",
        "participants": "note: object_refs, when the dossier holds the actors; roles dropped",
        "description": "note: content",
        "quantities": "note: content (in words)",
        "details": "dropped",
        "extras": "dropped",
    },
    Proposition: {
        "text": "note: content",
        "id": "dropped",
        "when": "note: content (in words)",
        "about": "note: object_refs, when the dossier holds the actors",
        "quantities": "note: content (in words)",
        "link": "note: content (in words)",
        "extras": "dropped",
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


_DEFAULTS: Final[dict[type, dict[str, Any]]] = {}
_REFERENCES: Final[dict[type, dict[str, tuple[str, bool]]]] = {}


def _defaults(cls: type) -> dict[str, Any]:
    if cls in _DEFAULTS:
        return _DEFAULTS[cls]
    found: dict[str, Any] = _DEFAULTS.setdefault(cls, {})
    for field in attrs.fields(cls):
        default: Any = field.default
        found[field.name] = default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
    return found


def _references(cls: type) -> dict[str, tuple[str, bool]]:
    """The fields of *cls* that refer to actors, sources or claims: (target, many)."""
    if cls in _REFERENCES:
        return _REFERENCES[cls]
    found: dict[str, tuple[str, bool]] = _REFERENCES.setdefault(cls, {})
    for field in attrs.fields(cls):
        kind = kind_of(field)
        if isinstance(kind, Ref | Refs) and kind.target in ("Actor", "Source", "Claim"):
            found[field.name] = (kind.target, isinstance(kind, Refs))
    return found


def extension_schema() -> dict[str, Any]:
    """The JSON schema of the extension's objects (a new dict each call)."""
    text = resources.files("eventmodel.interop").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


# -- ids and times ------------------------------------------------------------------------------------


def _stix_id(stix_type: str, *names: str) -> str:
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, '|'.join((stix_type, *names)))}"


def _timestamp(value: str | datetime | None, name: str) -> str:
    if value is None:
        return _DEFINED
    moment = value
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            moment = None  # type: ignore[assignment]
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise InvalidValueError(
            "must be an ISO 8601 date and time with a time zone",
            cls="STIX",
            field=name,
            value=value,
            fix="write it like '2022-03-27T12:00:00Z'",
        )
    moment = moment.astimezone(UTC)
    digits = f"{moment.microsecond:06d}"
    if digits.endswith("000"):
        digits = digits[:3]
    m = moment
    return f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}.{digits}Z"


# -- writing -------------------------------------------------------------------------------------------


def _em_reference(ident: str) -> dict[str, str]:
    return {"source_name": _EXTERNAL_SOURCE, "external_id": ident}


def _walk(claim: Claim) -> Iterator[Claim]:
    """*claim* and the claims it nests, innermost first."""
    chain = [claim]
    while isinstance(chain[-1].content, Claim):
        chain.append(chain[-1].content)
    return reversed(chain)


class _Writer:
    def __init__(
        self,
        dossier: Dossier,
        *,
        vanilla: bool,
        created: str | datetime | None,
        modified: str | datetime | None,
        identity: str | None,
    ) -> None:
        self.dossier = dossier
        self.vanilla = vanilla
        self.created = _timestamp(created, "created")
        self.modified = _timestamp(modified, "modified") if modified is not None else self.created
        if self.modified < self.created:
            raise InvalidValueError(
                f"must not be before created ({self.created})",
                cls="STIX",
                field="modified",
                value=self.modified,
            )
        if identity is not None and not identity.strip():
            raise InvalidValueError(
                "must be the producing organization's name", cls="STIX", field="identity", value=identity
            )
        self.identity_name = identity
        self.producer = (
            _stix_id("identity", "producer", identity) if identity is not None else PROJECT_IDENTITY_ID
        )
        self.claims: dict[str, Claim] = {}
        for top in dossier.claims:
            for claim in _walk(top):
                held = self.claims.setdefault(claim.id, claim)
                if held != claim:
                    raise InvalidValueError(
                        f"is the id of two different claims: {held!r} and {claim!r}",
                        cls="Claim",
                        field="id",
                        value=claim.id,
                        fix="give each claim its own id, or leave ids out to derive them from content",
                    )
        self.ids: dict[str, dict[str, str]] = {
            "Actor": {actor.id: _stix_id("identity", actor.id) for actor in dossier.actors},
            "Source": {
                source.id: _stix_id("report" if vanilla else TYPES[Source], source.id)
                for source in dossier.sources
            },
            "Claim": {ident: _stix_id("note" if vanilla else TYPES[Claim], ident) for ident in self.claims},
        }

    def bundle_id(self) -> str:
        digest = hashlib.sha256()
        for part in (
            "vanilla" if self.vanilla else "extension",
            self.created,
            self.modified,
            self.producer,
            *(actor.id for actor in self.dossier.actors),
            *(source.id for source in self.dossier.sources),
            *(claim.id for claim in self.dossier.claims),
        ):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return f"bundle--{uuid.uuid5(NAMESPACE, digest.hexdigest())}"

    def common(self, stix_type: str, ident: str) -> dict[str, Any]:
        return {
            "type": stix_type,
            "spec_version": _SPEC,
            "id": ident,
            "created_by_ref": self.producer,
            "created": self.created,
            "modified": self.modified,
        }

    def objects(self) -> Iterator[dict[str, Any]]:
        yield {
            "type": "identity",
            "spec_version": _SPEC,
            "id": PROJECT_IDENTITY_ID,
            "created": _DEFINED,
            "modified": _DEFINED,
            "name": "eventmodel",
            "description": "The eventmodel library, which defines the eventmodel extension of STIX 2.1.",
            "identity_class": "system",
        }
        if self.identity_name is not None:
            producer = self.common("identity", self.producer)
            del producer["created_by_ref"]
            producer.update(name=self.identity_name, identity_class="organization")
            yield producer
        if not self.vanilla:
            yield {
                "type": "extension-definition",
                "spec_version": _SPEC,
                "id": EXTENSION_ID,
                "created_by_ref": PROJECT_IDENTITY_ID,
                "created": _DEFINED,
                "modified": _DEFINED,
                "name": "eventmodel",
                "description": "Source-attributed claims: who says what happened, where it was seen, and "
                "how sure anyone is (actors as identities; sources, claims, events and propositions).",
                "schema": _SCHEMA_URL,
                "version": "1.0.0",
                "extension_types": ["new-sdo", "property-extension"],
            }
        for actor in self.dossier.actors:
            yield self.actor(actor)
        if self.vanilla:
            self.cited: dict[str, list[str]] = {}
            for ident, claim in self.claims.items():
                for evidence in claim.evidence:
                    self.cited.setdefault(evidence.source, []).append(self.ids["Claim"][ident])
            yield from self.vanilla_claims()
            for source in self.dossier.sources:
                yield self.report(source)
            return
        for source in self.dossier.sources:
            yield self.extended(source, TYPES[Source], self.ids["Source"][source.id])
        done: set[str] = set()
        for top in self.dossier.claims:
            for claim in _walk(top):
                if claim.id not in done:
                    done.add(claim.id)
                    yield from self.claim(claim)
        yield self.dossier_report()

    # -- both profiles

    def actor(self, actor: Actor) -> dict[str, Any]:
        out = self.common("identity", self.ids["Actor"][actor.id])
        out["name"] = actor.name
        out["identity_class"] = _IDENTITY_CLASS[actor.kind]
        out["external_references"] = [
            _em_reference(actor.id),
            *({"source_name": system, "external_id": value} for system, value in actor.identifiers.items()),
        ]
        if not self.vanilla:
            out["extensions"] = {EXTENSION_ID: {"extension_type": "property-extension", **self.fields(actor)}}
        return out

    # -- the extension profile

    def fields(self, obj: Any) -> dict[str, Any]:
        cls = type(obj)
        defaults = _defaults(cls)
        references = _references(cls)
        out: dict[str, Any] = {}
        for name, prop in FIELDS[cls].items():
            value = getattr(obj, name)
            if name == "content":
                out[prop] = self.content_id(obj)
                continue
            if value is None or (name != "id" and value == defaults[name]):
                continue
            out[prop] = em_json.converter.unstructure(value, _field_type(cls, name))
            if name == "confidence" and value.value is not None:
                out["confidence"] = value.value  # STIX's own: never for Admiralty 6, which has no number
            if name in references:
                target, many = references[name]
                table = self.ids[target]
                if many:
                    resolved = [table[ident] for ident in value if ident in table]
                    if resolved:
                        out[f"{prop}_refs"] = resolved
                elif value in table:
                    out[f"{prop}_ref"] = table[value]
        return out

    def extended(self, obj: Any, stix_type: str, ident: str) -> dict[str, Any]:
        out = self.common(stix_type, ident)
        out["extensions"] = {EXTENSION_ID: _NEW_SDO}
        out.update(self.fields(obj))
        return out

    def content_id(self, claim: Claim) -> str:
        content = claim.content
        if isinstance(content, Claim):
            return self.ids["Claim"][content.id]
        if isinstance(content, Event):
            return _stix_id(TYPES[Event], claim.id, content.id)
        return _stix_id(TYPES[Proposition], claim.id)

    def claim(self, claim: Claim) -> Iterator[dict[str, Any]]:
        content = claim.content
        if not isinstance(content, Claim):
            yield self.extended(content, TYPES[type(content)], self.content_id(claim))
        yield self.extended(claim, TYPES[Claim], self.ids["Claim"][claim.id])

    def dossier_report(self) -> dict[str, Any]:
        members = [
            *(self.ids["Actor"][actor.id] for actor in self.dossier.actors),
            *(self.ids["Source"][source.id] for source in self.dossier.sources),
            *(self.ids["Claim"][claim.id] for claim in self.dossier.claims),
        ]
        out = self.common("report", _stix_id("report", "dossier", self.bundle_id()))
        out["name"] = "eventmodel dossier"
        out["report_types"] = ["threat-report"]
        out["published"] = self.created
        # stix2 refuses references to types it does not know in object_refs: the actors are listed
        # there, and the members in order, sources and claims included, in the extension.
        out["object_refs"] = [self.ids["Actor"][actor.id] for actor in self.dossier.actors] or [self.producer]
        document: dict[str, Any] = {"extension_type": "property-extension", "member_refs": members}
        if self.dossier.format_version != em_json.FORMAT_VERSION:
            document["format_version"] = self.dossier.format_version
        if self.dossier.extras:
            document["extras"] = em_json.converter.unstructure(self.dossier.extras)
        if self.dossier.unrecognized:
            document["unrecognized"] = [
                {"list": item.kind, "document": item.document} for item in self.dossier.unrecognized
            ]
        out["extensions"] = {EXTENSION_ID: document}
        return out

    # -- the vanilla profile

    def vanilla_claims(self) -> Iterator[dict[str, Any]]:
        names = {actor.id: actor.name for actor in self.dossier.actors}
        for ident, claim in self.claims.items():
            refs: list[str | None] = [self.ids["Actor"].get(claim.claimant or "")]
            lines: list[str] = []
            location = self.content_in_words(ident, claim.content, names, refs, lines)
            if location is not None:
                yield location
            lines.append(f"Factuality: {claim.factuality}")
            if claim.made_at is not None:
                lines.append(f"Said: {_words(claim.made_at)}")
            confidence = claim.confidence
            value = None if confidence is None else confidence.value
            if confidence is not None and value is None:
                lines.append(f"Analyst confidence: {ADMIRALTY_CREDIBILITY[6][0]} (Admiralty 6)")
            refs += [self.ids["Source"].get(evidence.source) for evidence in claim.evidence]
            note = self.common("note", self.ids["Claim"][ident])
            claimant = names.get(claim.claimant, claim.claimant) if claim.claimant else "unattributed"
            note["abstract"] = f"{claimant} {claim.speech_act.value}"
            note["content"] = "\n".join(lines)
            if claim.claimant is not None:
                note["authors"] = [claimant]
            note["object_refs"] = [ref for ref in dict.fromkeys(refs) if ref is not None] or [self.producer]
            note["external_references"] = [_em_reference(ident)]
            if confidence is not None and value is not None:
                note["confidence"] = value
                yield note
                yield self.opinion(ident, note["id"], value, confidence.scale, confidence.label)
            else:
                yield note

    def content_in_words(
        self,
        ident: str,
        content: Event | Proposition | Claim,
        names: dict[str, str],
        refs: list[str | None],
        lines: list[str],
    ) -> dict[str, Any] | None:
        """Say *content* in *lines*, add what it refers to to *refs*; the event's location, if any."""
        actors = self.ids["Actor"]
        if isinstance(content, Claim):
            refs.append(self.ids["Claim"][content.id])
            inner = names.get(content.claimant, content.claimant) if content.claimant else "unattributed"
            lines.append(f"Reports that {inner} {content.speech_act.value}: see the referenced note.")
            return None
        if isinstance(content, Proposition):
            lines.append(content.text)
            if content.link is not None:
                first, second = (names.get(actor, actor) for actor in content.about)
                lines.append(f"Link: {first} {content.link.value} {second}")
            refs += [actors.get(actor) for actor in content.about]
        else:
            lines.append(
                f"Event: {content.kind}" + (f": {content.description}" if content.description else "")
            )
            refs += [
                actors.get(participant.actor) for participant in content.participants if participant.actor
            ]
        if content.when is not None:
            lines.append(f"When: {_words(content.when)}")
        lines.extend(f"{name}: {_words(quantity)}" for name, quantity in content.quantities.items())
        if not isinstance(content, Event) or content.where is None:
            return None
        if content.where.name:
            lines.append(f"Where: {content.where.name}")
        location = self.location(ident, content.where)
        if location is not None:
            refs.append(location["id"])
        return location

    def opinion(
        self, ident: str, note: str, value: int, scale: ConfidenceScale, label: str | None
    ) -> dict[str, Any]:
        out = self.common("opinion", _stix_id("opinion", ident))
        given = f"{value} percent" if label is None else f"{scale.value} {label!r} ({value} percent)"
        out["explanation"] = f"The analyst's confidence that the claim is true: {given}."
        out["opinion"] = (
            "strongly-disagree"
            if value <= 20
            else "disagree"
            if value <= 44
            else "neutral"
            if value <= 55
            else "agree"
            if value <= 79
            else "strongly-agree"
        )
        out["object_refs"] = [note]
        return out

    def location(self, ident: str, place: Place) -> dict[str, Any] | None:
        if place.country is None and place.point is None:
            return None
        out = self.common("location", _stix_id("location", ident))
        if place.name is not None:
            out["name"] = place.name
        if place.country is not None:
            out["country"] = place.country
        if place.admin:
            out["administrative_area"] = ", ".join(place.admin)
        if place.point is not None:
            out["latitude"] = float(place.point.lat)
            out["longitude"] = float(place.point.lon)
            if place.point.precision_m is not None:
                out["precision"] = float(place.point.precision_m)
        return out

    def report(self, source: Source) -> dict[str, Any]:
        out = self.common("report", self.ids["Source"][source.id])
        out["name"] = source.title or source.kind.value
        out["report_types"] = [source.kind.value]
        published = em_json.converter.unstructure(source.published) if source.published is not None else None
        out["published"] = _published(published) or self.created
        refs = list(self.cited.get(source.id, ()))
        refs += [self.ids["Actor"][a] for a in (source.publisher, *source.authors) if a in self.ids["Actor"]]
        refs += [self.ids["Source"][other] for other in source.derived_from if other in self.ids["Source"]]
        out["object_refs"] = list(dict.fromkeys(refs)) or [self.producer]
        references: list[dict[str, str]] = [_em_reference(source.id)]
        if source.url is not None:
            references.append({"source_name": source.kind.value, "url": source.url})
        out["external_references"] = references
        if source.language is not None:
            out["lang"] = source.language
        return out


def _words(value: Any) -> str:
    """A value's JSON form, as text for a reader."""
    document = em_json.converter.unstructure(value)
    return document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)


def _published(text: Any) -> str | None:
    """The STIX timestamp of an EDTF day or instant, or ``None``."""
    if not isinstance(text, str):
        return None
    candidate = text + "T00:00:00Z" if len(text) == 10 else text
    try:
        return _timestamp(candidate, "published")
    except InvalidValueError:
        return None


def stix_objects(
    dossier: Dossier,
    *,
    vanilla: bool = False,
    created: str | datetime | None = None,
    modified: str | datetime | None = None,
    identity: str | None = None,
) -> Iterator[dict[str, Any]]:
    """
    The STIX objects of *dossier*, one at a time, in the order the bundle
    holds them.

    Args:
        dossier: The dossier.
        vanilla: Write only STIX's own objects (lossy) rather than the extension.
        created: The ``created`` time of every object (ISO 8601, with a zone);
            by default the time the extension was defined, so that output is
            repeatable.
        modified: The ``modified`` time; by default *created*.
        identity: The name of the organization that produces the bundle, an
            ``identity`` every object is ``created_by_ref``; by default
            eventmodel's own.

    Raises:
        InvalidValueError: For a bad time, or two different nested claims with one id.

    .. versionadded:: 0.1.0

    """
    writer = _Writer(dossier, vanilla=vanilla, created=created, modified=modified, identity=identity)
    return writer.objects()


def _write(dossier: Dossier, fp: IO[str], vanilla: bool, options: dict[str, Any]) -> None:
    writer = _Writer(dossier, vanilla=vanilla, **options)
    with collector_paused():  # many small objects, few cycles: see collector_paused
        fp.write(f'{{"type":"bundle","id":"{writer.bundle_id()}","objects":[')
        separator = "\n"
        for obj in writer.objects():
            fp.write(separator)
            fp.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
            separator = ",\n"
        fp.write("\n]}\n")


def write_stix(
    dossier: Dossier,
    fp: IO[str],
    *,
    created: str | datetime | None = None,
    modified: str | datetime | None = None,
    identity: str | None = None,
) -> None:
    """
    Write *dossier* as a STIX 2.1 bundle with eventmodel's extension (the
    ``stix`` format): every field kept. Options as :func:`stix_objects`.

    .. versionadded:: 0.1.0

    """
    _write(dossier, fp, False, {"created": created, "modified": modified, "identity": identity})


def write_stix_vanilla(
    dossier: Dossier,
    fp: IO[str],
    *,
    created: str | datetime | None = None,
    modified: str | datetime | None = None,
    identity: str | None = None,
) -> None:
    """
    Write *dossier* as a STIX 2.1 bundle of STIX's own objects only (the
    ``stix-vanilla`` format): lossy, as :data:`VANILLA` lists. Options as
    :func:`stix_objects`.

    .. versionadded:: 0.1.0

    """
    _write(dossier, fp, True, {"created": created, "modified": modified, "identity": identity})


# -- reading --------------------------------------------------------------------------------------------


def _structure(document: Any, cls: type, name: str, path: str) -> Any:
    try:
        return em_json.converter.structure(document, _field_type(cls, name))
    except EventModelError as error:
        found = error
    except (ClassValidationError, KeyError, TypeError, ValueError, RecursionError, AttributeError) as error:
        found = locate(error)
    inner = found.path if found.path not in (None, "$") else ""
    raise type(found)(
        found.reason,
        cls=cls.__name__,
        field=f"{name}{inner.removeprefix('$')}",
        value=found.value,
        fix=found.fix,
        path=path,
    ) from None


def _bad(reason: str, path: str, value: Any = NO_VALUE, **kwargs: Any) -> InvalidValueError:
    return InvalidValueError(reason, cls="STIX", value=value, path=path, **kwargs)


class _Reader:
    def __init__(self, objects: Sequence[Any]) -> None:
        self.objects = objects
        self.index: dict[str, int] = {}
        for position, obj in enumerate(objects):
            path = f"$.objects[{position}]"
            if not isinstance(obj, dict):
                raise _bad("must be a STIX object", path, obj)
            ident = obj.get("id")
            if not isinstance(ident, str):
                raise _bad("must have an id", f"{path}.id", ident)
            self.index[ident] = position
        self.claims: dict[str, Claim] = {}

    def parse(self, position: int) -> dict[str, Any]:
        obj: dict[str, Any] = self.objects[position]
        try:
            stix2.parse(obj, allow_custom=False, version=_SPEC)
        except (stix2.exceptions.STIXError, ValueError, TypeError, KeyError) as error:
            raise _bad(f"is not a STIX 2.1 object stix2 reads: {error}", f"$.objects[{position}]") from None
        return obj

    def fields(self, cls: type, document: Mapping[str, Any], path: str) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for name, prop in FIELDS[cls].items():
            if name == "content" or prop not in document:
                continue
            kwargs[name] = _structure(document[prop], cls, name, f"{path}.{prop}")
        return kwargs

    def build(self, cls: type, kwargs: dict[str, Any], path: str) -> Any:
        try:
            return cls(**kwargs)
        except EventModelError as error:
            prop = FIELDS[cls].get(error.field or "") if error.cls == cls.__name__ else None
            error.path = f"{path}.{prop}" if prop is not None else path
            raise
        except TypeError as error:
            raise _bad(f"does not read as {cls.__name__}: {error}", path) from None

    def extension(self, obj: Mapping[str, Any], path: str) -> Mapping[str, Any]:
        extensions = obj.get("extensions")
        found = extensions.get(EXTENSION_ID) if isinstance(extensions, dict) else None
        if not isinstance(found, dict):
            raise _bad(f"has no eventmodel extension ({EXTENSION_ID})", f"{path}.extensions")
        return found

    def lookup(self, ref: Any, path: str, stix_type: str) -> int:
        position = self.index.get(ref) if isinstance(ref, str) else None
        if position is None or self.objects[position].get("type") != stix_type:
            raise _bad(f"must name an object of type {stix_type!r} in the bundle", path, ref)
        return position

    def actor(self, position: int) -> Actor:
        obj = self.parse(position)
        path = f"$.objects[{position}]"
        document = self.extension(obj, path)
        kwargs = self.fields(Actor, document, f"{path}.extensions.{EXTENSION_ID}")
        if "name" not in kwargs:
            kwargs["name"] = obj.get("name")
        return self.build(Actor, kwargs, path)  # type: ignore[no-any-return]

    def source(self, position: int) -> Source:
        obj = self.parse(position)
        path = f"$.objects[{position}]"
        return self.build(Source, self.fields(Source, obj, path), path)  # type: ignore[no-any-return]

    def claim(self, position: int, depth: int = 0) -> Claim:
        obj = self.parse(position)
        path = f"$.objects[{position}]"
        if depth > 60:
            raise _bad("nests claims too deep", path)
        kwargs = self.fields(Claim, obj, path)
        target = obj.get("content_ref")
        inner = self.index.get(target) if isinstance(target, str) else None
        kind = self.objects[inner].get("type") if inner is not None else None
        if inner is None or kind not in (TYPES[Claim], TYPES[Event], TYPES[Proposition]):
            raise _bad("must name the claim's content in the bundle", f"{path}.content_ref", target)
        if kind == TYPES[Claim]:
            content: Any = self.claim(inner, depth + 1)
        else:
            cls = Event if kind == TYPES[Event] else Proposition
            inner_obj = self.parse(inner)
            inner_path = f"$.objects[{inner}]"
            content = self.build(cls, self.fields(cls, inner_obj, inner_path), inner_path)
        claimant = kwargs.pop("claimant", None)
        return self.build(Claim, {"claimant": claimant, "content": content, **kwargs}, path)  # type: ignore[no-any-return]

    def dossier(self) -> Dossier:
        reports = [
            position
            for position, obj in enumerate(self.objects)
            if obj.get("type") == "report"
            and isinstance(obj.get("extensions"), dict)
            and EXTENSION_ID in obj["extensions"]
        ]
        if len(reports) != 1:
            raise _bad(
                f"has {len(reports)} eventmodel dossier reports, one expected",
                "$.objects",
                fix="read a bundle that `eventmodel export --to stix` wrote",
            )
        position = reports[0]
        report = self.parse(position)
        path = f"$.objects[{position}]"
        document = self.extension(report, path)
        members: list[Actor | Source | Claim] = []
        refs = document.get("member_refs")
        where = f"{path}.extensions.{EXTENSION_ID}.member_refs"
        if not isinstance(refs, list):
            raise _bad("must list the dossier's members", where, refs)
        for number, ref in enumerate(refs):
            where = f"{path}.extensions.{EXTENSION_ID}.member_refs[{number}]"
            target = self.index.get(ref) if isinstance(ref, str) else None
            kind = self.objects[target].get("type") if target is not None else None
            if target is None:
                raise _bad("names no object in the bundle", where, ref)
            if kind == "identity":
                members.append(self.actor(target))
            elif kind == TYPES[Source]:
                members.append(self.source(target))
            elif kind == TYPES[Claim]:
                members.append(self.claim(target))
            else:
                raise _bad("must name an actor's identity, a source or a claim", where, ref)
        kwargs: dict[str, Any] = {}
        if "format_version" in document:
            kwargs["format_version"] = document["format_version"]
        if "extras" in document:
            kwargs["extras"] = document["extras"]
        items = document.get("unrecognized", [])
        if not isinstance(items, list) or not all(
            isinstance(item, dict) and isinstance(item.get("document"), dict) for item in items
        ):
            raise _bad("must be a list of documents", f"{path}.extensions.{EXTENSION_ID}.unrecognized", items)
        kwargs["unrecognized"] = [Unrecognized(item.get("list", ""), item["document"]) for item in items]
        try:
            return Dossier(members, **kwargs)
        except EventModelError as error:
            error.path = error.path or path
            raise


def from_stix(bundle: Any) -> Dossier:
    """
    The dossier that *bundle* (a STIX 2.1 bundle as parsed JSON) holds, as
    :func:`write_stix` wrote it. Every object read is parsed by
    ``stix2.parse`` first.

    Raises:
        EventModelError: For a bundle that does not read as a dossier; the
            error's path names the bad value (``$.objects[3].speech_act``).

    .. versionadded:: 0.1.0

    """
    if (
        not isinstance(bundle, dict)
        or bundle.get("type") != "bundle"
        or not isinstance(bundle.get("objects"), list)
    ):
        raise _bad("must be a STIX bundle: an object of type 'bundle' with a list of objects", "$")
    try:
        with collector_paused():
            return _Reader(bundle["objects"]).dossier()
    except EventModelError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError) as error:
        raise _bad(f"does not read as an eventmodel dossier: {error}", "$") from None


def read_stix(files: Sequence[str | Path]) -> Dossier:
    """Read STIX bundles that :func:`write_stix` wrote into one dossier (the ``stix`` format)."""
    dossier = Dossier()
    for file in files:
        try:
            document = _parse(Path(file).read_bytes())  # bad UTF-8 and any depth of nesting: one clear error
        except InvalidValueError as error:
            raise InvalidValueError(
                error.reason, value=error.value, fix=error.fix, cls="STIX", path=f"{file}: $"
            ) from None
        try:
            read = from_stix(document)
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
