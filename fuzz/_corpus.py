"""
The valid inputs that mutations start from, drawn by Hypothesis from the
strategies of :mod:`eventmodel.testing`, seeded so that a run can be repeated.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing

#: Zones written after a human date: offsets, abbreviations in the table, and ones that are not.
HUMAN_ZONES = ["", " UTC", " GMT", " Z", " +03:00", " -0500", " CET", " PDT", " IST", " XYZ", " UTC+3"]
#: Ways people write a date (strftime patterns).
HUMAN_FORMATS = [
    "%d %B %Y",
    "%B %d, %Y",
    "%A, %d %B %Y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%y/%m/%d",
    "%d.%m.%y",
    "%B %Y",
    "%Y",
    "%A, %B %d",
    "%H:%M %d %B %Y",
    "%d %B %Y %H:%M:%S",
    "%d %b %Y %I%p",
]


@dataclass
class Corpus:
    """Valid documents, lines and texts: what every mutation starts from."""

    dossiers: list[Any] = field(default_factory=list)
    """Dossier documents, as plain JSON values."""
    members: list[tuple[type, Any]] = field(default_factory=list)
    """Top-level objects (actors, sources, claims, events) with their documents."""
    times: list[str] = field(default_factory=list)
    """EDTF texts of moments and intervals."""
    human: list[str] = field(default_factory=list)
    """Dates as people write them."""
    anchors: list[str] = field(default_factory=list)


def _draw(strategy: st.SearchStrategy[Any], count: int, seed_value: int) -> list[Any]:
    found: list[Any] = []

    @seed(seed_value)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(value: Any) -> None:
        found.append(value)

    collect()
    return found


@st.composite
def _dossiers(draw: st.DrawFn) -> em.Dossier:
    dossier = em.Dossier()
    objects = [
        *draw(st.lists(testing.actors(), max_size=3)),
        *draw(st.lists(testing.sources(), max_size=2)),
        *draw(st.lists(testing.claims(max_depth=3), min_size=1, max_size=3)),
    ]
    for obj in objects:
        if obj.id not in dossier:
            dossier.add(obj)
    return dossier


def build(size: int = 200, seed_value: int = 0) -> Corpus:
    """A corpus of about *size* inputs of each kind, the same for the same *seed_value*."""
    corpus = Corpus()
    for dossier in _draw(_dossiers(), size, seed_value):
        corpus.dossiers.append(json.loads(em.json.dumps(dossier)))
    members = st.one_of(testing.actors(), testing.sources(), testing.claims(max_depth=3), testing.events())
    for obj in _draw(members, size, seed_value + 1):
        corpus.members.append((type(obj), json.loads(em.json.dumps(obj))))
    absolute = st.one_of(testing.moments(), testing.intervals())
    corpus.times = [str(when) for when in _draw(absolute, size, seed_value + 2)]
    rng = random.Random(seed_value)
    instants = _draw(st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31)), size, seed_value + 3)  # noqa: DTZ001
    corpus.human = [_human(instant, rng) for instant in instants]
    corpus.anchors = ["publication", "made_at"] + [
        f"event:{text}" for text in _draw(testing.ids(), size, seed_value + 4)
    ]
    return corpus


def _human(instant: datetime, rng: random.Random) -> str:
    pattern = rng.choice(HUMAN_FORMATS)
    text = instant.strftime(pattern)
    if "%H" in pattern or "%I" in pattern:
        text += rng.choice(HUMAN_ZONES)
    return text
