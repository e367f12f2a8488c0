"""Deterministic ids: the algorithm, pinned test vectors, and stability across processes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from decimal import Decimal

import attrs
import pytest
import rfc8785
from hypothesis import given
from hypothesis import strategies as st

import eventmodel as em
from eventmodel.exceptions import InvalidValueError
from eventmodel.io._document import to_document


def vector_objects() -> dict[str, object]:
    """The objects whose ids are pinned below: keep them exactly as they are."""
    biden = em.Actor("Joe Biden", em.ActorKind.PERSON)
    ministry = em.Actor(
        "Interior Ministry of Ukraine",
        "government",
        aliases=["Ministry of Internal Affairs of Ukraine"],
        identifiers={"wikidata": "Q2608929"},
    )
    article = em.Source(
        em.SourceKind.NEWS_ARTICLE,
        title="Ukraine claims Russia struck Donetsk using prohibited cluster ammunition",
        publisher="actor:republic-world",
        published=em.When.parse("2022-03-27"),
        language="en",
        reliability="C",
    )
    losses = em.Event(
        "losses",
        when=em.When.parse("2022-02-24"),
        participants=[em.Participant("actor:russian-armed-forces", "victim")],
        quantities={"personnel": em.Quantity("16600"), "tanks": em.Quantity(582)},
    )
    biden_meant = em.Claim(
        biden,
        em.Proposition(
            "Putin cannot be empowered to wage war or engage in aggression against Ukraine or anyone else."
        ),
    )
    blinken_said = em.Claim(
        "actor:antony-blinken",
        biden_meant,
        speech_act="interprets",
        made_at=em.When.parse("2022-03-27"),
        factuality="CT+",
    )
    return {
        "actor": biden,
        "actor-with-collections": ministry,
        "source": article,
        "event": losses,
        "claim": biden_meant,
        "nested-claim": blinken_said,
    }


#: Pinned: these ids must never change between versions, processes or machines.
VECTORS = {
    "actor": "actor:bd73bc87fecb8638d425e8d7e5a512d3",
    "actor-with-collections": "actor:0909cf35c35f11ceb114c67d073bdd31",
    "source": "source:f9ac30b15f8c5f8749cd32f33b227316",
    "event": "event:94cc9ec572dd251c46b05677b6c3d4f4",
    "claim": "claim:634e101cb8a1c8ac5dc8132cacfbf28a",
    "nested-claim": "claim:fd408f6e388e466a6fdebc7ab379b9d6",
}


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_pinned_test_vectors(name):
    assert vector_objects()[name].id == VECTORS[name]


def test_id_is_the_hash_of_the_canonical_document_written_by_hand():
    # The document form of Actor("Joe Biden", "person"), as any tool would write it.
    document = {"type": "actor", "name": "Joe Biden", "kind": "person"}
    digest = hashlib.sha256(rfc8785.dumps(document)).hexdigest()[:32]
    assert em.Actor("Joe Biden", "person").id == f"actor:{digest}" == VECTORS["actor"]


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_id_recomputes_from_the_document_form(name):
    obj = vector_objects()[name]
    document = to_document(obj)
    assert document.pop("id") == obj.id
    digest = hashlib.sha256(rfc8785.dumps(document)).hexdigest()[:32]
    assert obj.id == f"{document['type']}:{digest}"


def test_ids_are_the_same_in_another_process_with_another_hash_seed():
    script = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); "
        "from test_ids import vector_objects; "
        "print(json.dumps({k: o.id for k, o in vector_objects().items()}))"
    )
    tests_dir = os.path.dirname(__file__)
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script, tests_dir], capture_output=True, text=True, check=True, env=env
        )
        assert json.loads(result.stdout) == VECTORS


def test_given_ids_are_kept():
    assert em.Actor("Joe Biden", id="actor:joe-biden").id == "actor:joe-biden"


def test_the_id_ignores_only_the_objects_own_id():
    a = em.Claim("actor:a", em.Proposition("p"), id="claim:one")
    b = em.Claim("actor:a", em.Proposition("p"), id="claim:two")
    assert em.Claim("actor:x", a).id != em.Claim("actor:x", b).id


def test_default_values_do_not_change_the_id():
    assert em.Actor("Joe Biden", "person").id == em.Actor("Joe Biden", "person", aliases=()).id
    assert em.Quantity(1) == em.Quantity(1, approximate=False)


def test_written_forms_that_differ_give_different_ids():
    two = em.Event("losses", quantities={"tanks": em.Quantity("2")})
    two_point_zero = em.Event("losses", quantities={"tanks": em.Quantity("2.0")})
    assert two != two_point_zero
    assert two.id != two_point_zero.id


def test_evolve_derives_no_new_id_unless_asked():
    actor = em.Actor("Joe Biden", "person")
    renamed = attrs.evolve(actor, name="Joseph R. Biden")
    assert renamed.id == actor.id  # evolve carries the id over: it names the same actor
    assert em.Actor("Joseph R. Biden", "person").id != actor.id


# -- RFC 8785 ---------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_canonical_json_agrees_with_the_reference_implementation(value):
    assert em.canonical_json(value) == rfc8785.dumps(value)


def test_members_are_sorted_by_utf16_code_units_not_code_points():
    # U+1F600 is D83D DE00 in UTF-16, which sorts before U+FB01 (FB01), unlike by code point.
    value = {"\ufb01": 1, "\U0001f600": 2, "a": 3}
    assert em.canonical_json(value) == '{"a":3,"\U0001f600":2,"\ufb01":1}'.encode()
    assert em.canonical_json(value) == rfc8785.dumps(value)


def test_control_characters_are_escaped_as_ecmascript_does():
    assert em.canonical_json('\u0001\n\u2028"\\') == b'"\\u0001\\n\xe2\x80\xa8\\"\\\\"'


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            float("nan"),
            "$: is not a finite number, which JSON cannot hold, got nan",
        ),
        (
            {"a": [Decimal("1")]},
            "$.a[0]: cannot be written as canonical JSON (only null, booleans, numbers, strings, lists and objects), got Decimal('1')",
        ),
        (
            {"n": 2**53},
            "$.n: is beyond the integers RFC 8785 can write exactly (±2**53-1), got 9007199254740992",
        ),
    ],
)
def test_canonical_json_refuses_what_it_cannot_write_exactly(value, message):
    with pytest.raises(InvalidValueError) as excinfo:
        em.canonical_json(value)
    assert str(excinfo.value) == message
