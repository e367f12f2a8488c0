"""The IRI rule: ids to IRIs and back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.interop.iri import DEFAULT_BASE, IriRule


def _is_id(text):
    try:
        em.Actor("a", id=text)
    except em.InvalidValueError:
        return False
    return True


#: Ids drawn from the whole alphabet an id may hold: no white space, no control characters.
ANY_ID = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40).filter(_is_id)


@pytest.mark.parametrize(
    ("ident", "encoded"),
    [
        ("claim:a", "claim%3Aa"),
        ("a#b", "a%23b"),
        ("100%", "100%25"),
        ("a/b", "a%2Fb"),
        ("q?x=1", "q%3Fx%3D1"),
        ("Київ", "%D0%9A%D0%B8%D1%97%D0%B2"),
        ("a-b.c_d~e", "a-b.c_d~e"),
        ("😀", "%F0%9F%98%80"),
    ],
)
def test_ids_are_percent_encoded(ident, encoded):
    rule = IriRule()
    assert rule.iri(ident) == DEFAULT_BASE + encoded
    assert rule.id(DEFAULT_BASE + encoded) == ident


@given(
    st.one_of(testing.ids(), ANY_ID),
    st.sampled_from(["https://example.org/id/", "urn:x:", "https://a.example/ns#"]),
)
def test_every_id_round_trips(ident, base):
    rule = IriRule(base)
    iri = rule.iri(ident)
    assert rule.id(iri) == ident
    assert rule.parse(rule.node(ident, "act")) == (ident, "act")
    assert not any(char in iri[len(base) :] for char in "/#?: ")


@given(ANY_ID, ANY_ID)
def test_different_ids_have_different_iris(first, second):
    rule = IriRule()
    assert (rule.iri(first) == rule.iri(second)) == (first == second)


@pytest.mark.parametrize(
    ("iri", "message"),
    [
        (
            "https://elsewhere.org/a",
            "IriRule.iri: is not under the base 'https://w3id.org/eventmodel/id/', got 'https://elsewhere.org/a'",
        ),
        (
            DEFAULT_BASE + "a:b",
            "IriRule.iri: is not an IRI that the IRI rule writes, got 'https://w3id.org/eventmodel/id/a:b'. "
            "Fix: percent-encode every character of the id but A-Z, a-z, 0-9, '-', '.', '_' and '~'",
        ),
        (DEFAULT_BASE + "%ff", "IriRule.iri: is not an IRI that the IRI rule writes"),
        (DEFAULT_BASE + "%2f", "IriRule.iri: is not an IRI that the IRI rule writes"),
        (DEFAULT_BASE, "IriRule.iri: is not an IRI that the IRI rule writes"),
        (DEFAULT_BASE + "a/B", "IriRule.iri: is not an IRI that the IRI rule writes"),
        (DEFAULT_BASE + "a/act", "IriRule.iri: names the part 'act' of 'a', not an object"),
    ],
)
def test_iris_the_rule_does_not_write_are_refused(iri, message):
    with pytest.raises(em.InvalidValueError) as caught:
        IriRule().id(iri)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("base", ["example.org/", "https://example.org/x", "https://exa mple.org/", 5])
def test_a_base_must_be_an_absolute_iri_ending_in_a_separator(base):
    with pytest.raises(em.InvalidValueError, match="must be an absolute IRI that ends with"):
        IriRule(base)


def test_a_part_is_lower_case_words():
    with pytest.raises(em.InvalidValueError, match="must be lower-case words"):
        IriRule().node("a", "Act")
