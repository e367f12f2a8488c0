"""JSON round trips: what goes in comes back equal, with both backends."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing

BACKENDS = ["json", "orjson"]

ROUND_TRIPPED = {
    "actors": (testing.actors, em.Actor),
    "sources": (testing.sources, em.Source),
    "events": (testing.events, em.Event),
    "propositions": (testing.propositions, em.Proposition),
    "claims": (testing.claims, em.Claim),
    "affiliations": (testing.affiliations, em.Affiliation),
    "participants": (testing.participants, em.Participant),
    "places": (testing.places, em.Place),
    "geo_points": (testing.geo_points, em.GeoPoint),
    "quantities": (testing.quantities, em.Quantity),
    "confidences": (testing.confidences, em.Confidence),
    "evidence": (testing.evidence, em.Evidence),
    "text_quotes": (testing.text_quotes, em.TextQuote),
    "text_spans": (testing.text_spans, em.TextSpan),
}


@pytest.mark.parametrize("name", sorted(ROUND_TRIPPED))
def test_every_model_type_round_trips(name):
    strategy, cls = ROUND_TRIPPED[name]

    @given(strategy())
    def check(obj):
        texts = {backend: em.json.dumps(obj, backend=backend) for backend in BACKENDS}
        for text in texts.values():
            back = em.json.loads(text, cls)
            assert back == obj
            assert type(back) is type(obj)
        # The two backends write documents that decode identically.
        assert json.loads(texts["json"]) == json.loads(texts["orjson"])

    check()


@given(testing.whens())
def test_times_round_trip_inside_events(when):
    event = em.Event("attack", when=when)
    assert em.json.loads(em.json.dumps(event), em.Event) == event


@given(st.lists(testing.claims(max_depth=3), max_size=4), st.lists(testing.actors(), max_size=3))
def test_dossiers_round_trip(claims, actors):
    dossier = em.Dossier()
    for obj in [*actors, *claims]:
        if obj.id not in dossier:
            dossier.add(obj)
    for backend in BACKENDS:
        assert em.json.loads(em.json.dumps(dossier, backend=backend), em.Dossier) == dossier
