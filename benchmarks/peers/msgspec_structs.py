"""
msgspec: the model as frozen ``Struct`` classes, with a tagged union (tag
field ``"type"``) for a claim's content: the speed ceiling of a typed library.

The JSON is eventmodel's document form, member for member (fields at their
defaults left out with ``omit_defaults=True``). msgspec validates while it
decodes: patterns, lengths, ranges and enums are declared with ``Meta``; what
``Meta`` cannot say (ranges of decimals, finite decimals, checks across
fields) is checked in ``__post_init__``, which msgspec runs on decoding too.

msgspec's constructors check no types or constraints (only ``__post_init__``
runs): building from Python values is not validated the way decoding is.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct, field

from .vocabulary import (
    COUNTRY_PATTERN,
    DEFAULT_FACTUALITY,
    DEFAULT_SPEECH_ACT,
    EVENT_KIND_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    MAX_ID_LENGTH,
    MAX_POSITION,
    TIME_PATTERN,
    URL_PATTERN,
    ActorKind,
    ConfidenceScale,
    Factuality,
    Reliability,
    SourceKind,
    SpeechAct,
)


def _python_pattern(pattern: str) -> str:
    # msgspec matches with Python's re, where "$" also matches before a final newline.
    return pattern.removesuffix("$") + r"\Z"


Id = Annotated[str, Meta(min_length=1, max_length=MAX_ID_LENGTH, pattern=_python_pattern(ID_PATTERN))]
Text = Annotated[str, Meta(min_length=1)]
Time = Annotated[str, Meta(pattern=_python_pattern(TIME_PATTERN))]
Position = Annotated[int, Meta(ge=0, le=MAX_POSITION)]


def _finite(value: Decimal | None, name: str, low: int | None = None, high: int | None = None) -> None:
    if value is None:
        return
    if not value.is_finite():
        raise ValueError(f"{name} must be a finite number")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name} must be from {low} to {high}")


class Quantity(Struct, frozen=True, omit_defaults=True, kw_only=True):
    value: Decimal | None = None
    lower: Decimal | None = None
    upper: Decimal | None = None
    unit: Text | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        value, lower, upper = self.value, self.lower, self.upper
        _finite(value, "value")
        _finite(lower, "lower")
        _finite(upper, "upper")
        if value is None and lower is None and upper is None:
            raise ValueError("a quantity needs a value or at least one bound")
        if lower is not None and upper is not None and lower > upper:
            raise ValueError("lower must not be greater than upper")
        if value is not None and (
            (lower is not None and value < lower) or (upper is not None and value > upper)
        ):
            raise ValueError("value must lie within the bounds")


class GeoPoint(Struct, frozen=True, omit_defaults=True, kw_only=True):
    lat: Decimal
    lon: Decimal
    precision_m: Decimal | None = None

    def __post_init__(self) -> None:
        _finite(self.lat, "lat", -90, 90)
        _finite(self.lon, "lon", -180, 180)
        _finite(self.precision_m, "precision_m", 0)


class Place(Struct, frozen=True, omit_defaults=True, kw_only=True):
    name: Text | None = None
    country: Annotated[str, Meta(pattern=_python_pattern(COUNTRY_PATTERN))] | None = None
    admin: tuple[Text, ...] = ()
    point: GeoPoint | None = None
    gazetteer_id: Id | None = None

    def __post_init__(self) -> None:
        if (
            self.name is None
            and self.country is None
            and not self.admin
            and self.point is None
            and self.gazetteer_id is None
        ):
            raise ValueError("a place needs a name when nothing else locates it")


class Participant(Struct, frozen=True, kw_only=True):
    actor: Id
    role: Text


class Event(Struct, frozen=True, omit_defaults=True, kw_only=True, tag="event", tag_field="type"):
    id: Id
    kind: Annotated[str, Meta(pattern=_python_pattern(EVENT_KIND_PATTERN))]
    when: Time | None = None
    where: Place | None = None
    participants: tuple[Participant, ...] = ()
    description: Text | None = None
    quantities: dict[Text, Quantity] = field(default_factory=dict)
    details: dict[Text, str] = field(default_factory=dict)


class Proposition(Struct, frozen=True, omit_defaults=True, kw_only=True, tag="proposition", tag_field="type"):
    text: Text
    id: Id | None = None
    about: tuple[Id, ...] = ()
    quantities: dict[Text, Quantity] = field(default_factory=dict)


class Confidence(Struct, frozen=True, omit_defaults=True, kw_only=True):
    value: Annotated[int, Meta(ge=0, le=100)] | None
    scale: ConfidenceScale = ConfidenceScale.PERCENT
    label: Text | None = None

    def __post_init__(self) -> None:
        if self.scale is ConfidenceScale.PERCENT and (self.label is not None or self.value is None):
            raise ValueError("a percent confidence has a number and no label")
        if self.scale is not ConfidenceScale.PERCENT and self.label is None:
            raise ValueError("a confidence on a named scale has a label")


class TextQuote(Struct, frozen=True, omit_defaults=True, kw_only=True):
    exact: Text
    prefix: str | None = None
    suffix: str | None = None


class TextSpan(Struct, frozen=True, kw_only=True):
    start: Position
    end: Position

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("a span ends after it starts")


class Evidence(Struct, frozen=True, omit_defaults=True, kw_only=True):
    source: Id
    quote: TextQuote | None = None
    span: TextSpan | None = None

    def __post_init__(self) -> None:
        quote, span = self.quote, self.span
        if quote is not None and span is not None and span.end - span.start != len(quote.exact):
            raise ValueError("the span covers exactly the quoted words")


class Claim(Struct, frozen=True, omit_defaults=True, kw_only=True, tag="claim", tag_field="type"):
    id: Id
    claimant: Id | None
    content: Event | Claim | Proposition
    speech_act: SpeechAct = DEFAULT_SPEECH_ACT
    factuality: Factuality = DEFAULT_FACTUALITY
    confidence: Confidence | None = None
    made_at: Time | None = None
    evidence: tuple[Evidence, ...] = ()
    setting: Id | None = None
    supersedes: tuple[Id, ...] = ()
    retracts: tuple[Id, ...] = ()


class Actor(Struct, frozen=True, omit_defaults=True, kw_only=True, tag="actor", tag_field="type"):
    id: Id
    name: Text
    kind: ActorKind = ActorKind.UNKNOWN
    aliases: tuple[Text, ...] = ()
    identifiers: dict[Text, Text] = field(default_factory=dict)


class Source(Struct, frozen=True, omit_defaults=True, kw_only=True, tag="source", tag_field="type"):
    id: Id
    kind: SourceKind
    title: Text | None = None
    publisher: Id | None = None
    authors: tuple[Id, ...] = ()
    url: Annotated[str, Meta(pattern=_python_pattern(URL_PATTERN))] | None = None
    published: Time | None = None
    language: Annotated[str, Meta(pattern=_python_pattern(LANGUAGE_PATTERN))] | None = None
    reliability: Reliability | None = None
    derived_from: tuple[Id, ...] = ()
    text: str | None = None


class Dossier(Struct, frozen=True, kw_only=True):
    eventmodel: Literal["1.0"]
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(Dossier)


# -- building from the batch's values -------------------------------------------------------


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _quantity(doc: dict[str, Any]) -> Quantity:
    return Quantity(
        value=_decimal(doc.get("value")),
        lower=_decimal(doc.get("lower")),
        upper=_decimal(doc.get("upper")),
        unit=doc.get("unit"),
        approximate=doc.get("approximate", False),
    )


def _place(doc: dict[str, Any]) -> Place:
    point = doc.get("point")
    return Place(
        name=doc.get("name"),
        country=doc.get("country"),
        admin=tuple(doc.get("admin", ())),
        point=None
        if point is None
        else GeoPoint(
            lat=Decimal(point["lat"]),
            lon=Decimal(point["lon"]),
            precision_m=_decimal(point.get("precision_m")),
        ),
    )


def _event(doc: dict[str, Any]) -> Event:
    where = doc.get("where")
    return Event(
        id=doc["id"],
        kind=doc["kind"],
        when=doc.get("when"),
        where=None if where is None else _place(where),
        participants=tuple(
            Participant(actor=item["actor"], role=item["role"]) for item in doc.get("participants", ())
        ),
        description=doc.get("description"),
        quantities={name: _quantity(item) for name, item in doc.get("quantities", {}).items()},
    )


def _evidence(doc: dict[str, Any]) -> Evidence:
    quote, span = doc.get("quote"), doc.get("span")
    return Evidence(
        source=doc["source"],
        quote=None if quote is None else TextQuote(exact=quote["exact"]),
        span=None if span is None else TextSpan(start=span["start"], end=span["end"]),
    )


def build_claim(doc: dict[str, Any]) -> Claim:
    content = doc["content"]
    confidence = doc.get("confidence")
    return Claim(
        id=doc["id"],
        claimant=doc.get("claimant"),
        content=build_claim(content) if content["type"] == "claim" else _event(content),
        speech_act=SpeechAct(doc.get("speech_act", DEFAULT_SPEECH_ACT)),
        factuality=Factuality(doc.get("factuality", DEFAULT_FACTUALITY)),
        confidence=None if confidence is None else Confidence(value=confidence["value"]),
        made_at=doc.get("made_at"),
        evidence=tuple(_evidence(item) for item in doc.get("evidence", ())),
    )


def build(batch: Any) -> Dossier:
    """The batch as a msgspec Dossier, built through the Structs' constructors."""
    return Dossier(
        eventmodel="1.0",
        actors=tuple(
            Actor(
                id=doc["id"],
                name=doc["name"],
                kind=ActorKind(doc.get("kind", ActorKind.UNKNOWN)),
                aliases=tuple(doc.get("aliases", ())),
            )
            for doc in batch.actors
        ),
        sources=tuple(
            Source(
                id=doc["id"],
                kind=SourceKind(doc["kind"]),
                title=doc.get("title"),
                publisher=doc.get("publisher"),
                url=doc.get("url"),
                published=doc.get("published"),
                language=doc.get("language"),
                reliability=None if doc.get("reliability") is None else Reliability(doc["reliability"]),
            )
            for doc in batch.sources
        ),
        claims=tuple(build_claim(doc) for doc in batch.claims),
    )


def encode(dossier: Dossier) -> bytes:
    return _ENCODER.encode(dossier)


def decode(data: bytes) -> Dossier:
    return _DECODER.decode(data)
