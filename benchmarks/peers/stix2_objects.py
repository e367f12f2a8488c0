"""
stix2 (STIX 2.1): what a threat-intelligence user would use.

- actors and sources are ``identity`` objects (a source's publisher, kind,
  URL, publication time, language and reliability as custom ``x_``
  properties);
- an event is a custom object ``x-eventmodel-event``, and a claim a custom
  object ``x-eventmodel-claim`` whose ``content_ref`` points at the event or
  at the claim it reports: nested claims are objects of their own, linked by
  reference, as STIX links objects;
- places, participants, quantities and evidence are embedded objects with
  declared properties; the claim's confidence is STIX's own ``confidence``.

The whole batch is one ``bundle``. STIX ids are ``type--UUID``: each object's
UUID is made from its id in the batch. stix2 validates every property as it
builds an object, from Python values or from parsed JSON alike; the checks
that STIX properties cannot declare (patterns, ranges, checks across fields)
are made in the classes' own checks, as stix2 provides for custom objects.
Embedded objects subclass stix2's base class for STIX 2.1 objects, as the
library's own embedded types (external references, kill-chain phases) do.
"""

from __future__ import annotations

import re
import uuid
from collections import OrderedDict
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import stix2
from stix2.exceptions import InvalidValueError
from stix2.properties import (
    BooleanProperty,
    EmbeddedObjectProperty,
    EnumProperty,
    IntegerProperty,
    ListProperty,
    ReferenceProperty,
    StringProperty,
)
from stix2.v21 import CustomObject
from stix2.v21.base import _STIXBase21

from .vocabulary import (
    COUNTRY_PATTERN,
    EVENT_KIND_PATTERN,
    TIME_PATTERN,
    ActorKind,
    Factuality,
    SpeechAct,
)

EVENT_TYPE = "x-eventmodel-event"
CLAIM_TYPE = "x-eventmodel-claim"
#: The time every object was created and modified: a fixed one, for repeatable output.
CREATED = datetime(2022, 3, 27, tzinfo=UTC)
_NAMESPACE = uuid.UUID("5b4f0a4c-8d1e-4f59-9a3b-2f2b6c1d7e10")
_TIME = re.compile(TIME_PATTERN)
_EVENT_KIND = re.compile(EVENT_KIND_PATTERN)
_COUNTRY = re.compile(COUNTRY_PATTERN)
_IDENTITY_CLASS = {
    ActorKind.PERSON: "individual",
    ActorKind.COLLECTIVE: "group",
    ActorKind.UNKNOWN: "unknown",
}


def _check(cls: type, name: str, ok: bool, reason: str) -> None:
    if not ok:
        raise InvalidValueError(cls, name, reason)


def _decimal(cls: type, name: str, text: str | None, low: int | None = None, high: int | None = None) -> None:
    if text is None:
        return
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidValueError(cls, name, "must be a number") from None
    _check(cls, name, value.is_finite(), "must be a finite number")
    _check(cls, name, (low is None or value >= low) and (high is None or value <= high), "is out of range")


class GeoPoint(_STIXBase21):
    _properties: ClassVar[OrderedDict[str, Any]] = OrderedDict(
        [
            ("lat", StringProperty(required=True)),
            ("lon", StringProperty(required=True)),
            ("precision_m", StringProperty()),
        ]
    )

    def _check_object_constraints(self) -> None:
        super()._check_object_constraints()
        _decimal(GeoPoint, "lat", self["lat"], -90, 90)
        _decimal(GeoPoint, "lon", self["lon"], -180, 180)
        _decimal(GeoPoint, "precision_m", self.get("precision_m"), 0)


class Place(_STIXBase21):
    _properties: ClassVar[OrderedDict[str, Any]] = OrderedDict(
        [
            ("name", StringProperty()),
            ("country", StringProperty()),
            ("admin", ListProperty(StringProperty)),
            ("point", EmbeddedObjectProperty(type=GeoPoint)),
            ("gazetteer_id", StringProperty()),
        ]
    )

    def _check_object_constraints(self) -> None:
        super()._check_object_constraints()
        self._check_at_least_one_property(["name", "country", "admin", "point", "gazetteer_id"])
        if "country" in self:
            _check(Place, "country", bool(_COUNTRY.fullmatch(self["country"])), "must be two capital letters")


class Participant(_STIXBase21):
    _properties: ClassVar[OrderedDict[str, Any]] = OrderedDict(
        [
            ("actor_ref", ReferenceProperty(valid_types="identity", spec_version="2.1", required=True)),
            ("role", StringProperty(required=True)),
        ]
    )


class Quantity(_STIXBase21):
    _properties: ClassVar[OrderedDict[str, Any]] = OrderedDict(
        [
            ("name", StringProperty(required=True)),
            ("value", StringProperty()),
            ("lower", StringProperty()),
            ("upper", StringProperty()),
            ("unit", StringProperty()),
            ("approximate", BooleanProperty()),
        ]
    )

    def _check_object_constraints(self) -> None:
        super()._check_object_constraints()
        self._check_at_least_one_property(["value", "lower", "upper"])
        for bound in ("value", "lower", "upper"):
            _decimal(Quantity, bound, self.get(bound))
        lower, upper = self.get("lower"), self.get("upper")
        if lower is not None and upper is not None:
            _check(Quantity, "lower", Decimal(lower) <= Decimal(upper), "must not be greater than upper")


class TextQuote(_STIXBase21):
    _properties: ClassVar[OrderedDict[str, Any]] = OrderedDict([("exact", StringProperty(required=True))])


class TextSpan(_STIXBase21):
    _properties: ClassVar[OrderedDict[str, Any]] = OrderedDict(
        [
            ("start", IntegerProperty(min=0, required=True)),
            ("end", IntegerProperty(min=0, required=True)),
        ]
    )

    def _check_object_constraints(self) -> None:
        super()._check_object_constraints()
        _check(TextSpan, "end", self["end"] > self["start"], "must be greater than start")


class Evidence(_STIXBase21):
    _properties: ClassVar[OrderedDict[str, Any]] = OrderedDict(
        [
            ("source_ref", ReferenceProperty(valid_types="identity", spec_version="2.1", required=True)),
            ("quote", EmbeddedObjectProperty(type=TextQuote)),
            ("span", EmbeddedObjectProperty(type=TextSpan)),
        ]
    )

    def _check_object_constraints(self) -> None:
        super()._check_object_constraints()
        quote, span = self.get("quote"), self.get("span")
        if quote is not None and span is not None:
            _check(
                Evidence,
                "span",
                span["end"] - span["start"] == len(quote["exact"]),
                "must cover exactly the quoted words",
            )


@CustomObject(
    EVENT_TYPE,
    [
        ("kind", StringProperty(required=True)),
        ("when", StringProperty()),
        ("where", EmbeddedObjectProperty(type=Place)),
        ("participants", ListProperty(Participant)),
        ("description", StringProperty()),
        ("quantities", ListProperty(Quantity)),
    ],
)
class Event:
    def __init__(self, kind: str | None = None, when: str | None = None, **_: Any) -> None:
        _check(Event, "kind", bool(kind and _EVENT_KIND.fullmatch(kind)), "must be lowercase dotted words")
        _check(Event, "when", when is None or bool(_TIME.fullmatch(when)), "must be an EDTF time")


@CustomObject(
    CLAIM_TYPE,
    [
        ("claimant_ref", ReferenceProperty(valid_types="identity", spec_version="2.1")),
        (
            "content_ref",
            ReferenceProperty(valid_types=[EVENT_TYPE, CLAIM_TYPE], spec_version="2.1", required=True),
        ),
        ("speech_act", EnumProperty([member.value for member in SpeechAct])),
        ("factuality", EnumProperty([member.value for member in Factuality])),
        ("made_at", StringProperty()),
        ("evidence", ListProperty(Evidence)),
    ],
)
class Claim:
    def __init__(self, confidence: int | None = None, made_at: str | None = None, **_: Any) -> None:
        _check(Claim, "confidence", confidence is None or 0 <= confidence <= 100, "must be from 0 to 100")
        _check(Claim, "made_at", made_at is None or bool(_TIME.fullmatch(made_at)), "must be an EDTF time")


# -- building from the batch's values -------------------------------------------------------


def _identity_id(name: str) -> str:
    return f"identity--{uuid.uuid5(_NAMESPACE, name)}"


def _object_id(kind: str, batch_id: str) -> str:
    # The batch's event and claim ids end in 32 hexadecimal digits: a UUID's worth.
    return f"{kind}--{uuid.UUID(hex=batch_id[-32:], version=4)}"


def _quantity(name: str, doc: dict[str, Any]) -> Quantity:
    return Quantity(name=name, **doc)


def _place(doc: dict[str, Any]) -> Place:
    fields = dict(doc)
    if "point" in fields:
        fields["point"] = GeoPoint(**fields["point"])
    return Place(**fields)


def _add_event(doc: dict[str, Any], objects: list[Any], ids: dict[str, str]) -> str:
    fields: dict[str, Any] = {"kind": doc["kind"]}
    for name in ("when", "description"):
        if name in doc:
            fields[name] = doc[name]
    if "where" in doc:
        fields["where"] = _place(doc["where"])
    if "participants" in doc:
        fields["participants"] = [
            Participant(actor_ref=ids[item["actor"]], role=item["role"]) for item in doc["participants"]
        ]
    if "quantities" in doc:
        fields["quantities"] = [_quantity(name, item) for name, item in doc["quantities"].items()]
    event = Event(
        id=_object_id(EVENT_TYPE, doc["id"]), created=CREATED, modified=CREATED, allow_custom=True, **fields
    )
    objects.append(event)
    return event.id


def _evidence(doc: dict[str, Any], ids: dict[str, str]) -> Evidence:
    fields: dict[str, Any] = {"source_ref": ids[doc["source"]]}
    if "quote" in doc:
        fields["quote"] = TextQuote(**doc["quote"])
    if "span" in doc:
        fields["span"] = TextSpan(**doc["span"])
    return Evidence(allow_custom=True, **fields)


def _add_claim(doc: dict[str, Any], objects: list[Any], ids: dict[str, str]) -> str:
    content = doc["content"]
    if content["type"] == "claim":
        content_ref = _add_claim(content, objects, ids)
    else:
        content_ref = _add_event(content, objects, ids)
    fields: dict[str, Any] = {
        "content_ref": content_ref,
        "speech_act": doc.get("speech_act", SpeechAct.STATES.value),
        "factuality": doc.get("factuality", Factuality.CT_PLUS.value),
    }
    if doc.get("claimant") is not None:
        fields["claimant_ref"] = ids[doc["claimant"]]
    if "confidence" in doc:
        fields["confidence"] = doc["confidence"]["value"]
    if "made_at" in doc:
        fields["made_at"] = doc["made_at"]
    if "evidence" in doc:
        fields["evidence"] = [_evidence(item, ids) for item in doc["evidence"]]
    claim = Claim(
        id=_object_id(CLAIM_TYPE, doc["id"]), created=CREATED, modified=CREATED, allow_custom=True, **fields
    )
    objects.append(claim)
    return claim.id


def build(batch: Any) -> stix2.v21.Bundle:
    """The batch as one STIX bundle."""
    ids = {doc["id"]: _identity_id(doc["id"]) for doc in (*batch.actors, *batch.sources)}
    objects: list[Any] = []
    for doc in batch.actors:
        kind = doc.get("kind", ActorKind.UNKNOWN.value)
        custom: dict[str, Any] = {"x_kind": kind}
        if "aliases" in doc:
            custom["x_aliases"] = doc["aliases"]
        objects.append(
            stix2.v21.Identity(
                id=ids[doc["id"]],
                created=CREATED,
                modified=CREATED,
                name=doc["name"],
                identity_class=_IDENTITY_CLASS.get(ActorKind(kind), "organization"),
                allow_custom=True,
                **custom,
            )
        )
    for doc in batch.sources:
        custom = {"x_source_kind": doc["kind"]}
        if "publisher" in doc:
            custom["x_publisher_ref"] = ids[doc["publisher"]]
        for name in ("url", "published", "language", "reliability"):
            if name in doc:
                custom[f"x_{name}"] = doc[name]
        objects.append(
            stix2.v21.Identity(
                id=ids[doc["id"]],
                created=CREATED,
                modified=CREATED,
                name=doc.get("title", doc["id"]),
                identity_class="system",
                allow_custom=True,
                **custom,
            )
        )
    for doc in batch.claims:
        _add_claim(doc, objects, ids)
    return stix2.v21.Bundle(objects=objects, allow_custom=True)


def encode(bundle: stix2.v21.Bundle) -> bytes:
    return bundle.serialize(ensure_ascii=False).encode()


def decode(data: bytes) -> stix2.v21.Bundle:
    return stix2.parse(data.decode(), allow_custom=True)
