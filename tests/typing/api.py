"""
The documented examples, type-checked by mypy --strict (see pyproject.toml).

Nothing here runs as a test; mypy reads it to make sure that the public API
types the way the documentation uses it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import eventmodel as em


def worked_example() -> em.Claim:
    article = em.Source(
        id="src:republicworld-2022-03-27",
        kind=em.SourceKind.NEWS_ARTICLE,
        publisher="actor:republic-world",
        published=em.When.parse("2022-03-27"),
        retrieved=datetime(2022, 3, 28, tzinfo=UTC),
    )
    outlet = em.Actor(id="actor:republic-world", name="Republic World", kind=em.ActorKind.MEDIA)
    biden = em.Actor(id="actor:joe-biden", name="Joe Biden", kind=em.ActorKind.PERSON)
    blinken = em.Actor(id="actor:antony-blinken", name="Antony Blinken", kind="person")
    biden_meant = em.Claim(
        claimant=biden,
        content=em.Proposition(
            "Putin cannot be empowered to wage war or engage in aggression against Ukraine or anyone else."
        ),
    )
    blinken_said = em.Claim(
        claimant=blinken,
        speech_act=em.SpeechAct.INTERPRETS,
        content=biden_meant,
        made_at=em.When.parse("2022-03-27"),
    )
    return em.Claim(
        claimant=outlet,
        speech_act=em.SpeechAct.REPORTS,
        content=blinken_said,
        evidence=[
            em.Evidence(source=article, quote=em.TextQuote(exact="Blinken said Biden’s point was that"))
        ],
    )


def values() -> None:
    personnel: em.Quantity = em.Quantity.at_least(16600, unit="personnel")
    tanks = em.Quantity("582")
    low: Decimal | None = personnel.bounds[0]
    event = em.Event(
        "losses",
        quantities={"personnel": personnel, "tanks": tanks},
        details={"reported-by": "General Staff"},
        participants=[em.Participant(em.Actor("Russian Armed Forces", "military-unit"), "victim")],
        where=em.Place("Krasnohorivka", country="UA", point=em.GeoPoint(47.98, "37.50")),
    )
    claim = em.Claim(None, event, factuality="PR+", confidence=em.Confidence.from_words("likely"))
    grade: int = claim.confidence.to_admiralty() if claim.confidence else 6
    factuality: em.Factuality = em.Factuality.parse("CT-")
    ident: str = claim.id
    del low, grade, factuality, ident


def errors() -> None:
    try:
        em.Confidence(140)
    except em.InvalidValueError as error:
        field: str | None = error.field
        value: object = error.value
        del field, value
