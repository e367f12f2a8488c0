"""
A second kind of story: a state-attributed cyberattack, told through wire
copy, anonymous officials, a government's denial, a spokesman's dismissal
and a statement that was prepared and never put out.
"""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.exceptions import InvalidValueError

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_CUSTOM = st.dictionaries(st.text(max_size=8).map(lambda name: "x-" + name), _JSON_VALUES, max_size=3)


@given(testing.model_objects(), _CUSTOM)
def test_what_the_library_writes_reads_back_under_its_defaults(obj, extras):
    if not hasattr(obj, "extras") or not hasattr(obj, "id"):
        return
    obj = attrs.evolve(obj, extras=extras)
    assert em.json.loads(em.json.dumps(obj), type(obj)) == obj


@given(_CUSTOM)
def test_a_dossier_s_own_members_read_back_under_its_defaults(extras):
    dossier = em.Dossier([em.Actor("Kremlin", "government")], extras=extras)
    assert em.json.loads(em.json.dumps(dossier), em.Dossier) == dossier


def test_an_extra_member_a_strict_reader_would_refuse_is_refused_when_made():
    with pytest.raises(InvalidValueError) as excinfo:
        em.Actor("a US official", extras={"anonymous": True})
    assert str(excinfo.value) == (
        "Actor.extras: must have names that start with 'x-': a strict reader keeps only those, "
        "and refuses other unknown members, got 'anonymous'. Fix: name it 'x-' followed by the name "
        "(other names are kept only for members a newer version wrote, read with strict=False)"
    )
    with pytest.raises(InvalidValueError) as excinfo:
        em.Dossier(extras={"note": 1})
    assert excinfo.value.reason.startswith("must have names that start with 'x-'")


def test_members_a_newer_version_wrote_are_still_kept_when_reading_leniently():
    text = '{"type":"actor","id":"actor:x","name":"X","anonymous":true}'
    actor = em.json.loads(text, em.Actor, strict=False)
    assert actor.extras == {"anonymous": True}
    assert json.loads(em.json.dumps(actor)) == json.loads(text)
    with pytest.raises(InvalidValueError):
        em.json.loads(text, em.Actor)
