"""
prov (W3C PROV): the model as a PROV document, serialized as PROV-JSON: what a
provenance user would use.

- an actor is an agent (``prov:Person`` or ``prov:Organization``);
- a source is an entity, attributed to its publisher (``wasAttributedTo``);
- a claim is an entity attributed to its claimant; its content is named by an
  ``em:content`` attribute, and a claim reporting another is derived from it
  (``wasDerivedFrom``); its evidence is a quotation (``wasQuotedFrom``) of the
  source, with the quote and the span as attributes;
- an event is an activity, with its place as attributes, its participants
  associated with it in their roles (``wasAssociatedWith``, ``prov:role``),
  and each quantity an entity that the event influenced.

PROV checks the identifiers and the kinds of records a relation links; the
values of attributes are not validated beyond their literal types.
"""

from __future__ import annotations

from typing import Any

from prov.constants import PROV_LOCATION, PROV_ROLE, PROV_TYPE, XSD_DECIMAL
from prov.model import Literal, Namespace, ProvDocument

EM = Namespace("em", "https://eventmodel.example/ns#")
_ID_NAMESPACES = {
    "actor": "https://eventmodel.example/actor/",
    "src": "https://eventmodel.example/source/",
    "claim": "https://eventmodel.example/claim/",
    "event": "https://eventmodel.example/event/",
}
_PERSON_KINDS = {"person"}

Attributes = list[tuple[Any, Any]]


def _document() -> ProvDocument:
    document = ProvDocument()
    document.add_namespace(EM)
    for prefix, uri in _ID_NAMESPACES.items():
        document.add_namespace(prefix, uri)
    return document


def _decimal(text: str) -> Literal:
    return Literal(text, XSD_DECIMAL)


def _add_event(document: ProvDocument, doc: dict[str, Any]) -> str:
    event_id = doc["id"]
    attributes: Attributes = [(PROV_TYPE, EM["Event"]), (EM["kind"], doc["kind"])]
    if "when" in doc:
        attributes.append((EM["when"], doc["when"]))
    where = doc.get("where")
    if where is not None:
        if "name" in where:
            attributes.append((PROV_LOCATION, where["name"]))
        if "country" in where:
            attributes.append((EM["country"], where["country"]))
        attributes.extend((EM["admin"], unit) for unit in where.get("admin", ()))
        point = where.get("point")
        if point is not None:
            attributes.append((EM["lat"], _decimal(point["lat"])))
            attributes.append((EM["lon"], _decimal(point["lon"])))
            if "precision_m" in point:
                attributes.append((EM["precisionM"], _decimal(point["precision_m"])))
    if "description" in doc:
        attributes.append((EM["description"], doc["description"]))
    document.activity(event_id, other_attributes=attributes)
    for participant in doc.get("participants", ()):
        document.wasAssociatedWith(
            event_id, participant["actor"], other_attributes=[(PROV_ROLE, participant["role"])]
        )
    for name, quantity in doc.get("quantities", {}).items():
        quantity_id = f"{event_id}.{name}"
        values: Attributes = [(PROV_TYPE, EM["Quantity"]), (EM["name"], name)]
        values.extend(
            (EM[bound], _decimal(quantity[bound]))
            for bound in ("value", "lower", "upper")
            if bound in quantity
        )
        if "unit" in quantity:
            values.append((EM["unit"], quantity["unit"]))
        if quantity.get("approximate", False):
            values.append((EM["approximate"], True))
        document.entity(quantity_id, other_attributes=values)
        document.wasInfluencedBy(quantity_id, event_id)
    return event_id


def _add_claim(document: ProvDocument, doc: dict[str, Any]) -> str:
    claim_id = doc["id"]
    content = doc["content"]
    content_id = (
        _add_claim(document, content) if content["type"] == "claim" else _add_event(document, content)
    )
    attributes: Attributes = [
        (PROV_TYPE, EM["Claim"]),
        (EM["content"], document.valid_qualified_name(content_id)),
        (EM["speechAct"], doc.get("speech_act", "states")),
        (EM["factuality"], doc.get("factuality", "CT+")),
    ]
    confidence = doc.get("confidence")
    if confidence is not None:
        attributes.append((EM["confidence"], confidence["value"]))
    if "made_at" in doc:
        attributes.append((EM["madeAt"], doc["made_at"]))
    document.entity(claim_id, other_attributes=attributes)
    if doc.get("claimant") is not None:
        document.wasAttributedTo(claim_id, doc["claimant"])
    if content["type"] == "claim":
        document.wasDerivedFrom(claim_id, content_id)
    for evidence in doc.get("evidence", ()):
        quoted: Attributes = []
        if "quote" in evidence:
            quoted.append((EM["quote"], evidence["quote"]["exact"]))
        if "span" in evidence:
            quoted.append((EM["start"], evidence["span"]["start"]))
            quoted.append((EM["end"], evidence["span"]["end"]))
        document.wasQuotedFrom(claim_id, evidence["source"], other_attributes=quoted)
    return claim_id


def build(batch: Any) -> ProvDocument:
    """The batch as one PROV document."""
    document = _document()
    for doc in batch.actors:
        kind = doc.get("kind", "unknown")
        attributes: Attributes = [
            (PROV_TYPE, EM["Actor"]),
            (PROV_TYPE, "prov:Person" if kind in _PERSON_KINDS else "prov:Organization"),
            (EM["name"], doc["name"]),
            (EM["kind"], kind),
        ]
        attributes.extend((EM["alias"], alias) for alias in doc.get("aliases", ()))
        document.agent(doc["id"], other_attributes=attributes)
    for doc in batch.sources:
        attributes = [(PROV_TYPE, EM["Source"]), (EM["kind"], doc["kind"])]
        attributes.extend(
            (EM[name], doc[key])
            for key, name in (
                ("title", "title"),
                ("url", "url"),
                ("published", "published"),
                ("language", "language"),
                ("reliability", "reliability"),
            )
            if key in doc
        )
        document.entity(doc["id"], other_attributes=attributes)
        if "publisher" in doc:
            document.wasAttributedTo(doc["id"], doc["publisher"])
    for doc in batch.claims:
        _add_claim(document, doc)
    return document


def encode(document: ProvDocument) -> bytes:
    return document.serialize(format="json").encode()


def decode(data: bytes) -> ProvDocument:
    return ProvDocument.deserialize(content=data.decode(), format="json")
