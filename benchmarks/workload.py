"""
The standard workload of the JSON benchmarks, from a fixed seed.

The project's standard batch:

- 200 actors; 500 sources, each with a publisher, a published time and a
  reliability;
- 10,000 top-level claims: 60% claim → event, 30% claim → claim → event, 10%
  claim → claim → claim → event (reported speech three levels deep);
- each event: a type, a time with a precision, a place (half of them with a
  point), 1–4 participants with roles, 0–3 quantities;
- each top-level claim: a speech act, a factuality, a confidence in 0–100,
  one piece of evidence with a quote of 40–200 characters and a span.

The batch is plain Python data: dicts, lists, strings, ints and booleans, in
the shape of eventmodel's JSON documents (times as EDTF text, decimals as
text, fields at their defaults left out). Every system builds its own typed
objects from these same values, and the floors serialize them as they are.
Every object carries its id, so that no system derives one.

:func:`build_eventmodel` turns the batch into eventmodel objects through the
library's public constructors; the builders of the other systems are in
``peers/``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import eventmodel as em

SEED = 20220224
FORMAT_VERSION = "1.0"

#: (actors, sources, top-level claims) of the standard batch.
STANDARD_SIZE = (200, 500, 10_000)

Document = dict[str, Any]

# -- vocabularies: the values eventmodel's enums take, and open vocabularies ----------------

ACTOR_KINDS = (
    "person",
    "organization",
    "government",
    "military-unit",
    "armed-group",
    "media",
    "state",
    "collective",
    "unknown",
)
ACTOR_KIND_WEIGHTS = (30, 10, 15, 10, 5, 20, 5, 3, 2)
SOURCE_KINDS = (
    "news-article",
    "video",
    "image",
    "press-release",
    "official-statement",
    "speech",
    "press-conference",
    "interview",
    "social-post",
    "report",
    "dataset",
    "other",
)
SOURCE_KIND_WEIGHTS = (45, 8, 2, 10, 8, 4, 5, 4, 8, 4, 1, 1)
SPEECH_ACTS = (
    "states",
    "reports",
    "claims",
    "alleges",
    "accuses",
    "denies",
    "confirms",
    "announces",
    "warns",
    "threatens",
    "predicts",
    "estimates",
    "interprets",
    "quotes",
    "shows",
    "asks",
)
FACTUALITIES = ("CT+", "CT-", "CTu", "PR+", "PR-", "PS+", "PS-", "Uu")
FACTUALITY_WEIGHTS = (50, 10, 2, 15, 3, 12, 3, 5)
RELIABILITIES = ("A", "B", "C", "D", "E", "F")
CONFIDENCE_SCALES = ("percent", "admiralty", "words")
EVENT_KINDS = (
    "attack.shelling",
    "attack.airstrike",
    "attack.missile",
    "attack.drone",
    "attack.cyber",
    "movement.troops",
    "movement.refugees",
    "losses",
    "casualties.civilian",
    "statement.speech",
    "statement.press-conference",
    "meeting",
    "negotiation",
    "sanction",
    "protest",
    "arrest",
    "aid.delivery",
    "infrastructure.damage",
)
ROLES = ("agent", "target", "victim", "speaker", "witness", "mediator", "beneficiary")
QUANTITY_NAMES = (
    ("personnel", None),
    ("killed", None),
    ("wounded", None),
    ("missiles", None),
    ("drones", None),
    ("tanks", None),
    ("distance", "km"),
    ("area", "km2"),
    ("cost", "USD"),
    ("refugees", None),
)
COUNTRIES = ("UA", "RU", "BY", "PL", "MD", "US", "GB", "DE", "FR", "TR")
REGIONS = (
    "Donetsk Oblast",
    "Luhansk Oblast",
    "Kharkiv Oblast",
    "Kyiv Oblast",
    "Zaporizhzhia Oblast",
    "Kherson Oblast",
    "Odesa Oblast",
    "Mykolaiv Oblast",
    "Belgorod Oblast",
    "Kursk Oblast",
)
LANGUAGES = ("en", "uk", "ru", "de", "fr", "pl", "pt-BR")
OFFSETS = ("Z", "+02:00", "+03:00", "-05:00", "+01:00")
PRECISIONS_M = ("10", "100", "1000", "5000", "25000")

_SYLLABLES = (
    "ka",
    "ro",
    "vi",
    "ne",
    "sha",
    "dor",
    "mi",
    "lev",
    "an",
    "tor",
    "bu",
    "sky",
    "zel",
    "po",
    "hra",
    "chen",
    "ko",
    "dy",
    "mar",
    "ilo",
)
_WORDS = (
    "the",
    "forces",
    "said",
    "that",
    "troops",
    "were",
    "near",
    "village",
    "shelling",
    "overnight",
    "according",
    "to",
    "ministry",
    "officials",
    "reported",
    "city",
    "strike",
    "on",
    "a",
    "military",
    "target",
    "civilians",
    "killed",
    "at",
    "least",
    "about",
    "denied",
    "claims",
    "statement",
    "region",
    "spokesperson",
    "briefing",
    "early",
    "morning",
    "positions",
    "advanced",
    "kilometres",
    "from",
    "front",
    "line",
    "«правда»",
    "über",
    "émigré",
    "—",
)


@dataclass(frozen=True)
class Batch:
    """A batch of documents: actors, sources and top-level claims."""

    seed: int
    actors: list[Document]
    sources: list[Document]
    claims: list[Document]

    def document(self) -> Document:
        """The batch as one dossier document, as eventmodel writes it."""
        return {
            "eventmodel": FORMAT_VERSION,
            "actors": self.actors,
            "sources": self.sources,
            "claims": self.claims,
        }

    @property
    def counts(self) -> dict[str, int]:
        """How many objects of each kind the batch holds, nested claims and events included."""
        counts = {"actors": len(self.actors), "sources": len(self.sources), "claims": 0, "events": 0}
        for claim in self.claims:
            content: Document = claim
            while content["type"] == "claim":
                counts["claims"] += 1
                content = content["content"]
            counts["events"] += 1
        return counts


# -- generating -------------------------------------------------------------------------------


def _name(rng: random.Random, syllables: tuple[int, int] = (2, 4)) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(*syllables))).capitalize()


def _hex_id(rng: random.Random, prefix: str) -> str:
    return f"{prefix}:{rng.getrandbits(128):032x}"


def _words(rng: random.Random, low: int, high: int) -> str:
    """Words to between *low* and *high* characters, cut at a word where possible."""
    target = rng.randint(low, high)
    words: list[str] = []
    length = -1
    while length < target:
        word = rng.choice(_WORDS)
        words.append(word)
        length += len(word) + 1
    text = " ".join(words)[:target].rstrip()
    while len(text) < low:
        text += "x"
    return text


def _day(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2014, 2025), rng.randint(1, 12), rng.randint(1, 28)


def _event_time(rng: random.Random) -> str:
    """A time at the precision a source gives: mostly days, some months and years, some clock times."""
    year, month, day = _day(rng)
    draw = rng.random()
    if draw < 0.50:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if draw < 0.65:
        return f"{year:04d}-{month:02d}"
    if draw < 0.70:
        return f"{year:04d}"
    if draw < 0.85:
        return f"{year:04d}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}{rng.choice(OFFSETS)}"
    if draw < 0.95:
        return (
            f"{year:04d}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}"
            f":{rng.randrange(60):02d}Z"
        )
    return f"{year:04d}-{month:02d}-{day:02d}~"


def _published(rng: random.Random) -> str:
    year, month, day = _day(rng)
    if rng.random() < 0.6:
        return f"{year:04d}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}Z"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _actor(rng: random.Random, index: int) -> Document:
    name = f"{_name(rng)} {_name(rng)}"
    actor: Document = {
        "type": "actor",
        "id": f"actor:{name.lower().replace(' ', '-')}-{index}",
        "name": name,
    }
    kind = rng.choices(ACTOR_KINDS, ACTOR_KIND_WEIGHTS)[0]
    if kind != "unknown":  # the default, left out as eventmodel leaves it out
        actor["kind"] = kind
    if rng.random() < 0.3:
        actor["aliases"] = [_name(rng, (2, 3)) for _ in range(rng.randint(1, 2))]
    return actor


def _source(rng: random.Random, index: int, publishers: list[str]) -> Document:
    publisher = rng.choice(publishers)
    source: Document = {
        "type": "source",
        "id": f"src:{publisher.removeprefix('actor:')}-{index}",
        "kind": rng.choices(SOURCE_KINDS, SOURCE_KIND_WEIGHTS)[0],
        "title": _words(rng, 30, 90),
        "publisher": publisher,
    }
    if rng.random() < 0.8:
        source["url"] = f"https://{publisher.removeprefix('actor:')}.example/news/{index}"
    source["published"] = _published(rng)
    if rng.random() < 0.9:
        source["language"] = rng.choice(LANGUAGES)
    source["reliability"] = rng.choice(RELIABILITIES)
    return source


def _quantity(rng: random.Random, unit: str | None) -> Document:
    number = rng.choice((rng.randint(1, 99), rng.randint(100, 20_000)))
    draw = rng.random()
    quantity: Document
    if draw < 0.55:
        quantity = {"value": str(number)}
    elif draw < 0.80:
        quantity = {"lower": str(number)}
    elif draw < 0.90:
        quantity = {"upper": str(number)}
    else:
        quantity = {"lower": str(number), "upper": str(number + rng.randint(1, 5_000))}
    if unit is not None:
        quantity["unit"] = unit
    if rng.random() < 0.3:
        quantity["approximate"] = True
    return quantity


def _place(rng: random.Random) -> Document:
    place: Document = {"name": _name(rng), "country": rng.choice(COUNTRIES)}
    if rng.random() < 0.7:
        place["admin"] = [rng.choice(REGIONS)] if rng.random() < 0.6 else [rng.choice(REGIONS), _name(rng)]
    if rng.random() < 0.5:
        place["point"] = {
            "lat": f"{rng.uniform(44, 56):.4f}",
            "lon": f"{rng.uniform(22, 42):.4f}",
            "precision_m": rng.choice(PRECISIONS_M),
        }
    return place


def _event(rng: random.Random, actor_ids: list[str]) -> Document:
    event: Document = {
        "type": "event",
        "id": _hex_id(rng, "event"),
        "kind": rng.choice(EVENT_KINDS),
        "when": _event_time(rng),
        "where": _place(rng),
        "participants": [
            {"actor": actor, "role": rng.choice(ROLES)} for actor in rng.sample(actor_ids, rng.randint(1, 4))
        ],
    }
    if rng.random() < 0.5:
        event["description"] = _words(rng, 20, 100)
    count = rng.randint(0, 3)
    if count:
        event["quantities"] = {name: _quantity(rng, unit) for name, unit in rng.sample(QUANTITY_NAMES, count)}
    return event


def _claim(rng: random.Random, actor_ids: list[str], sources: list[Document]) -> Document:
    """A top-level claim with its nested claims and event."""
    draw = rng.random()
    depth = 1 if draw < 0.6 else 2 if draw < 0.9 else 3
    content = _event(rng, actor_ids)
    for _ in range(depth - 1):
        inner: Document = {"type": "claim", "id": _hex_id(rng, "claim"), "claimant": rng.choice(actor_ids)}
        inner["content"] = content
        speech_act = rng.choice(SPEECH_ACTS)
        if speech_act != "states":
            inner["speech_act"] = speech_act
        if rng.random() < 0.5:
            inner["made_at"] = "{:04d}-{:02d}-{:02d}".format(*_day(rng))
        content = inner
    source = rng.choice(sources)
    exact = _words(rng, 40, 200)
    start = rng.randrange(20_000)
    claim: Document = {
        "type": "claim",
        "id": _hex_id(rng, "claim"),
        "claimant": source["publisher"] if rng.random() < 0.7 else rng.choice(actor_ids),
        "content": content,
    }
    speech_act = rng.choice(SPEECH_ACTS)
    if speech_act != "states":
        claim["speech_act"] = speech_act
    factuality = rng.choices(FACTUALITIES, FACTUALITY_WEIGHTS)[0]
    if factuality != "CT+":
        claim["factuality"] = factuality
    claim["confidence"] = {"value": rng.randint(0, 100)}
    claim["made_at"] = source["published"][:10]
    claim["evidence"] = [
        {
            "source": source["id"],
            "quote": {"exact": exact},
            "span": {"start": start, "end": start + len(exact)},
        }
    ]
    return claim


def generate(
    claims: int = STANDARD_SIZE[2],
    *,
    actors: int = STANDARD_SIZE[0],
    sources: int = STANDARD_SIZE[1],
    seed: int = SEED,
) -> Batch:
    """The batch: *actors* actors, *sources* sources and *claims* top-level claims, from *seed*."""
    rng = random.Random(seed)
    actor_docs = [_actor(rng, index) for index in range(actors)]
    actor_ids = [actor["id"] for actor in actor_docs]
    media = [actor["id"] for actor in actor_docs if actor.get("kind") == "media"] or actor_ids
    source_docs = [_source(rng, index, media) for index in range(sources)]
    claim_docs = [_claim(rng, actor_ids, source_docs) for _ in range(claims)]
    return Batch(seed, actor_docs, source_docs, claim_docs)


def scaled(claims: int, seed: int = SEED) -> Batch:
    """A batch of *claims* top-level claims with actors and sources in the standard proportion."""
    n_actors, n_sources, n_claims = STANDARD_SIZE
    return generate(
        claims,
        actors=max(4, round(n_actors * claims / n_claims)),
        sources=max(2, round(n_sources * claims / n_claims)),
        seed=seed,
    )


def iter_claims(count: int, seed: int = SEED) -> Iterator[Document]:
    """*count* claim documents, one at a time, over the standard batch's actors and sources."""
    rng = random.Random(seed)
    base = generate(0, seed=seed)
    actor_ids = [actor["id"] for actor in base.actors]
    for _ in range(count):
        yield _claim(rng, actor_ids, base.sources)


# -- eventmodel's builder: the public constructors ---------------------------------------------


def _em_quantity(doc: Document) -> em.Quantity:
    return em.Quantity(
        doc.get("value"),
        lower=doc.get("lower"),
        upper=doc.get("upper"),
        unit=doc.get("unit"),
        approximate=doc.get("approximate", False),
    )


def _em_place(doc: Document) -> em.Place:
    point = doc.get("point")
    return em.Place(
        doc.get("name"),
        country=doc.get("country"),
        admin=doc.get("admin", ()),
        point=None
        if point is None
        else em.GeoPoint(point["lat"], point["lon"], precision_m=point.get("precision_m")),
    )


def _em_when(text: str | None) -> em.Moment | em.Interval | None:
    return None if text is None else em.When.parse(text)


def _em_event(doc: Document) -> em.Event:
    where = doc.get("where")
    return em.Event(
        doc["kind"],
        id=doc["id"],
        when=_em_when(doc.get("when")),
        where=None if where is None else _em_place(where),
        participants=[em.Participant(item["actor"], item["role"]) for item in doc.get("participants", ())],
        description=doc.get("description"),
        quantities={name: _em_quantity(item) for name, item in doc.get("quantities", {}).items()},
    )


def _em_evidence(doc: Document) -> em.Evidence:
    quote, span = doc.get("quote"), doc.get("span")
    return em.Evidence(
        doc["source"],
        quote=None if quote is None else em.TextQuote(quote["exact"]),
        span=None if span is None else em.TextSpan(span["start"], span["end"]),
    )


def build_eventmodel_claim(doc: Document) -> em.Claim:
    """An eventmodel claim (with its nested claims and event) from a claim document."""
    content = doc["content"]
    confidence = doc.get("confidence")
    return em.Claim(
        doc.get("claimant"),
        build_eventmodel_claim(content) if content["type"] == "claim" else _em_event(content),
        id=doc["id"],
        speech_act=doc.get("speech_act", "states"),
        factuality=doc.get("factuality", "CT+"),
        confidence=None if confidence is None else em.Confidence(confidence["value"]),
        made_at=_em_when(doc.get("made_at")),
        evidence=[_em_evidence(item) for item in doc.get("evidence", ())],
    )


def build_eventmodel_actor(doc: Document) -> em.Actor:
    return em.Actor(doc["name"], doc.get("kind", "unknown"), id=doc["id"], aliases=doc.get("aliases", ()))


def build_eventmodel_source(doc: Document) -> em.Source:
    return em.Source(
        doc["kind"],
        id=doc["id"],
        title=doc.get("title"),
        publisher=doc.get("publisher"),
        url=doc.get("url"),
        published=_em_when(doc.get("published")),
        language=doc.get("language"),
        reliability=doc.get("reliability"),
    )


def build_eventmodel(batch: Batch) -> em.Dossier:
    """The batch as an eventmodel Dossier, built through the public constructors."""
    return em.Dossier(
        [
            *(build_eventmodel_actor(doc) for doc in batch.actors),
            *(build_eventmodel_source(doc) for doc in batch.sources),
            *(build_eventmodel_claim(doc) for doc in batch.claims),
        ]
    )
