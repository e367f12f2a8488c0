"""
What the founding article says that the model could not: each test is built
from the article's own sentences (examples/luhansk-2022-03-27/article.txt).
"""

from __future__ import annotations

import pytest

import eventmodel as em

PUBLISHED = em.When.parse("2022-03-27")
OUTLET = em.Actor("Republic World", "media", id="actor:republic-world")
ARTICLE = em.Source(
    "news-article",
    id="src:republicworld-2022-03-27",
    publisher=OUTLET,
    published=PUBLISHED,
    text=(
        "As things stand, proxy leaders hold 93% of Luhansk and 54% of Donetsk. "
        "Meanwhile, the Russians were struggling to make headway. "
        "A referendum may be held soon."
    ),
)


# -- a proposition holds at a time ------------------------------------------------------------


def _held_by_proxies(when: em.When) -> em.Claim:
    return em.Claim(
        OUTLET,
        em.Proposition(
            "Proxy leaders hold 93% of Luhansk.",
            when=when,
            quantities={"share of Luhansk held": em.Quantity(93, unit="percent")},
        ),
        speech_act="reports",
        evidence=[em.Evidence(ARTICLE, quote=em.TextQuote("proxy leaders hold 93% of Luhansk"))],
    )


def test_as_things_stand_dates_a_proposition_and_time_queries_find_it():
    claim = _held_by_proxies(em.Relative("As things stand", em.Anchor.PUBLICATION))
    dossier = em.Dossier([OUTLET, ARTICLE, claim]).resolve_times()
    (resolved,) = dossier.claims
    assert str(resolved.content.when.resolved) == "2022-03-27"
    found = dossier.claims_during(em.When.parse("2022-03"))
    assert [statement.claim.id for statement in found] == [claim.id]
    assert dossier.claims_during(em.When.parse("2022-04")) == ()
    assert dossier.check().ok


def test_a_proposition_over_a_period_is_found_inside_it():
    struggling = em.Claim(
        OUTLET,
        em.Proposition(
            "The Russians were struggling to make headway.", when=em.When.parse("2022-02-24/2022-03-27")
        ),
    )
    dossier = em.Dossier([OUTLET, struggling])
    assert [s.claim for s in dossier.claims_during(em.When.parse("2022-03-10"))] == [struggling]


def test_a_proposition_relative_to_nothing_known_is_reported_unresolved():
    claim = _held_by_proxies(em.Relative("As things stand", em.Anchor.to_event("event:unknown")))
    report = em.Dossier([OUTLET, ARTICLE, claim]).check()
    assert "EM402" in {violation.rule for violation in report}


def test_a_proposition_time_is_written_and_read_and_old_documents_read_unchanged():
    claim = _held_by_proxies(em.Relative("As things stand", em.Anchor.PUBLICATION))
    text = em.json.dumps(claim)
    assert '"when":{"relative":"As things stand","anchor":"publication"}' in text
    assert em.json.loads(text, em.Claim) == claim
    plain = em.Proposition("Proxy leaders hold 93% of Luhansk.")
    assert em.json.dumps(plain) == '{"type":"proposition","text":"Proxy leaders hold 93% of Luhansk."}'
    schema = em.schema.json_schema()
    assert schema["$defs"]["Proposition"]["properties"]["when"]["anyOf"][-1] == {"type": "null"}


# -- the present and vague near times in the grammar --------------------------------------------


@pytest.mark.parametrize(
    ("words", "resolved"),
    [
        ("As things stand", "2022-03-27"),
        ("Currently", "2022-03-27"),
        ("at present", "2022-03-27"),
        ("right now", "2022-03-27"),
        ("soon", "2022-03-27~/"),
        ("in the coming days", "2022-03-27~/"),
        ("recently", "/2022-03-27~"),
        ("in recent days", "/2022-03-27~"),
    ],
)
def test_the_article_s_present_and_near_words_resolve(words, resolved):
    assert em.Relative(words, em.Anchor.PUBLICATION).resolve(PUBLISHED).resolved == em.When.parse(resolved)


def test_the_present_keeps_the_anchor_s_precision():
    at = em.When.parse("2022-03-27T14:05+03:00")
    assert em.resolve_relative("now", at) == at
    assert em.resolve_relative("currently", em.When.parse("2022-03")) == em.When.parse("2022-03")


def test_soon_needs_an_anchor_day():
    with pytest.raises(em.InvalidValueError) as caught:
        em.resolve_relative("soon", em.When.parse("2022-03"))
    assert str(caught.value) == (
        "Relative.text: needs an anchor time at day precision or finer, but the anchor is 2022-03, got 'soon'. "
        "Fix: give the anchor a day, or resolve the words by hand"
    )
