"""
pydantic v2: the model as frozen ``BaseModel`` classes, with a discriminated
union (on ``"type"``) for a claim's content.

The JSON is eventmodel's document form, member for member: the same names, the
same order, the type tags, decimals as text, fields at their defaults left out
(``exclude_defaults=True``). The validation is eventmodel's where pydantic
declares it: patterns for ids, kinds, countries, URLs, languages and times;
non-empty text; enums; strict whole numbers and booleans (no ``"50"`` for 50);
ranges; finite decimals; and ``model_validator`` checks across fields (a
quantity needs a number and ordered bounds, a span ends after it starts and
is as long as its quote, a place needs something that locates it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, model_validator

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

Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID_LENGTH, pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]
Time = Annotated[str, StringConstraints(pattern=TIME_PATTERN)]
StrictBool = Annotated[bool, Field(strict=True)]
Position = Annotated[int, Field(strict=True, ge=0, le=MAX_POSITION)]
Number = Annotated[Decimal, Field(allow_inf_nan=False)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Quantity(_Model):
    value: Number | None = None
    lower: Number | None = None
    upper: Number | None = None
    unit: Text | None = None
    approximate: StrictBool = False

    @model_validator(mode="after")
    def _check(self) -> Self:
        value, lower, upper = self.value, self.lower, self.upper
        if value is None and lower is None and upper is None:
            raise ValueError("a quantity needs a value or at least one bound")
        if lower is not None and upper is not None and lower > upper:
            raise ValueError("lower must not be greater than upper")
        if value is not None and (
            (lower is not None and value < lower) or (upper is not None and value > upper)
        ):
            raise ValueError("value must lie within the bounds")
        return self


class GeoPoint(_Model):
    lat: Annotated[Decimal, Field(allow_inf_nan=False, ge=-90, le=90)]
    lon: Annotated[Decimal, Field(allow_inf_nan=False, ge=-180, le=180)]
    precision_m: Annotated[Decimal, Field(allow_inf_nan=False, ge=0)] | None = None


class Place(_Model):
    name: Text | None = None
    country: Annotated[str, StringConstraints(pattern=COUNTRY_PATTERN)] | None = None
    admin: tuple[Text, ...] = ()
    point: GeoPoint | None = None
    gazetteer_id: Id | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        if (
            self.name is None
            and self.country is None
            and not self.admin
            and self.point is None
            and self.gazetteer_id is None
        ):
            raise ValueError("a place needs a name when nothing else locates it")
        return self


class Participant(_Model):
    actor: Id
    role: Text


class Event(_Model):
    type: Literal["event"]
    id: Id
    kind: Annotated[str, StringConstraints(pattern=EVENT_KIND_PATTERN)]
    when: Time | None = None
    where: Place | None = None
    participants: tuple[Participant, ...] = ()
    description: Text | None = None
    quantities: dict[Text, Quantity] = Field(default_factory=dict)
    details: dict[Text, str] = Field(default_factory=dict)


class Proposition(_Model):
    type: Literal["proposition"]
    text: Text
    id: Id | None = None
    about: tuple[Id, ...] = ()
    quantities: dict[Text, Quantity] = Field(default_factory=dict)


class Confidence(_Model):
    value: Annotated[int, Field(strict=True, ge=0, le=100)] | None
    scale: ConfidenceScale = ConfidenceScale.PERCENT
    label: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.scale is ConfidenceScale.PERCENT and (self.label is not None or self.value is None):
            raise ValueError("a percent confidence has a number and no label")
        if self.scale is not ConfidenceScale.PERCENT and self.label is None:
            raise ValueError("a confidence on a named scale has a label")
        return self


class TextQuote(_Model):
    exact: Text
    prefix: str | None = None
    suffix: str | None = None


class TextSpan(_Model):
    start: Position
    end: Position

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.end <= self.start:
            raise ValueError("a span ends after it starts")
        return self


class Evidence(_Model):
    source: Id
    quote: TextQuote | None = None
    span: TextSpan | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        quote, span = self.quote, self.span
        if quote is not None and span is not None and span.end - span.start != len(quote.exact):
            raise ValueError("the span covers exactly the quoted words")
        return self


class Claim(_Model):
    type: Literal["claim"]
    id: Id
    claimant: Id | None
    content: Annotated[Event | Claim | Proposition, Field(discriminator="type")]
    speech_act: SpeechAct = DEFAULT_SPEECH_ACT
    factuality: Factuality = DEFAULT_FACTUALITY
    confidence: Confidence | None = None
    made_at: Time | None = None
    evidence: tuple[Evidence, ...] = ()
    setting: Id | None = None
    supersedes: tuple[Id, ...] = ()
    retracts: tuple[Id, ...] = ()


class Actor(_Model):
    type: Literal["actor"]
    id: Id
    name: Text
    kind: ActorKind = ActorKind.UNKNOWN
    aliases: tuple[Text, ...] = ()
    identifiers: dict[Text, Text] = Field(default_factory=dict)


class Source(_Model):
    type: Literal["source"]
    id: Id
    kind: SourceKind
    title: Text | None = None
    publisher: Id | None = None
    authors: tuple[Id, ...] = ()
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None = None
    published: Time | None = None
    language: Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)] | None = None
    reliability: Reliability | None = None
    derived_from: tuple[Id, ...] = ()
    text: str | None = None


class Dossier(_Model):
    eventmodel: Literal["1.0"]
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()


_DOSSIER: TypeAdapter[Dossier] = TypeAdapter(Dossier)


# -- building from the batch's values -------------------------------------------------------


def _quantity(doc: dict[str, Any]) -> Quantity:
    return Quantity(
        value=doc.get("value"),
        lower=doc.get("lower"),
        upper=doc.get("upper"),
        unit=doc.get("unit"),
        approximate=doc.get("approximate", False),
    )


def _place(doc: dict[str, Any]) -> Place:
    point = doc.get("point")
    return Place(
        name=doc.get("name"),
        country=doc.get("country"),
        admin=doc.get("admin", ()),
        point=None
        if point is None
        else GeoPoint(lat=point["lat"], lon=point["lon"], precision_m=point.get("precision_m")),
    )


def _event(doc: dict[str, Any]) -> Event:
    where = doc.get("where")
    return Event(
        type="event",
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
        type="claim",
        id=doc["id"],
        claimant=doc.get("claimant"),
        content=build_claim(content) if content["type"] == "claim" else _event(content),
        speech_act=doc.get("speech_act", DEFAULT_SPEECH_ACT),
        factuality=doc.get("factuality", DEFAULT_FACTUALITY),
        confidence=None if confidence is None else Confidence(value=confidence["value"]),
        made_at=doc.get("made_at"),
        evidence=tuple(_evidence(item) for item in doc.get("evidence", ())),
    )


def build(batch: Any) -> Dossier:
    """The batch as a pydantic Dossier, built through the models' constructors."""
    return Dossier(
        eventmodel="1.0",
        actors=tuple(
            Actor(
                type="actor",
                id=doc["id"],
                name=doc["name"],
                kind=doc.get("kind", ActorKind.UNKNOWN),
                aliases=doc.get("aliases", ()),
            )
            for doc in batch.actors
        ),
        sources=tuple(
            Source(
                type="source",
                id=doc["id"],
                kind=doc["kind"],
                title=doc.get("title"),
                publisher=doc.get("publisher"),
                url=doc.get("url"),
                published=doc.get("published"),
                language=doc.get("language"),
                reliability=doc.get("reliability"),
            )
            for doc in batch.sources
        ),
        claims=tuple(build_claim(doc) for doc in batch.claims),
    )


def encode(dossier: Dossier) -> bytes:
    return _DOSSIER.dump_json(dossier, exclude_defaults=True)


def decode(data: bytes) -> Dossier:
    return Dossier.model_validate_json(data)
