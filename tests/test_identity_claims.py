"""
Affiliations and identities as claims: "a group allegedly working for
Russia", "the same group", one outlet's name for a group against another's.
An actor's own ``aliases`` and ``affiliations`` are what the analyst holds
as fact; what a claimant says of them is a claim whose content is a
proposition with a ``link`` between two actors.
"""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.cli._show import show
from eventmodel.exceptions import InvalidValueError

GROUP = em.Actor("Cozy Bear", "armed-group", id="actor:cozy-bear")
OTHER_NAME = em.Actor("The Dukes", "armed-group", id="actor:the-dukes")
SERVICE = em.Actor("Russian intelligence", "government", id="actor:russian-intelligence")
KREMLIN = em.Actor("Kremlin", "government", id="actor:kremlin")
PAPER_ACTOR = em.Actor("The newspaper", "media", id="actor:paper")
FIRM = em.Actor("A security firm", "organization", id="actor:firm")
PAPER = em.Source(
    "news-article",
    id="src:paper",
    text=(
        "The attacks were the work of a group allegedly working for Russian intelligence. "
        "The Kremlin said it had nothing to do with the group."
    ),
)
REPORT = em.Source(
    "report",
    id="src:firm-report",
    text="Cozy Bear, which other firms call The Dukes, works for Russian intelligence.",
)


def _working_for(text: str = "the group works for Russian intelligence", **fields: object) -> em.Proposition:
    return em.Proposition(text, about=[GROUP, SERVICE], link="affiliated-with", **fields)  # type: ignore[arg-type]


def _alleged(**fields: object) -> em.Claim:
    return em.Claim(
        PAPER_ACTOR,
        _working_for(**fields),
        speech_act="alleges",
        factuality="PR+",
        evidence=[em.Evidence.find(PAPER, "allegedly working for Russian intelligence")],
    )


def _denied(**fields: object) -> em.Claim:
    return em.Claim(
        KREMLIN,
        _working_for("the Kremlin has nothing to do with the group", **fields),
        speech_act="denies",
        factuality="CT-",
        evidence=[em.Evidence.find(PAPER, "it had nothing to do with the group")],
    )


def _same(**fields: object) -> em.Claim:
    return em.Claim(
        FIRM,
        em.Proposition("Cozy Bear is The Dukes", about=[GROUP, OTHER_NAME], link="same-as", **fields),  # type: ignore[arg-type]
        evidence=[em.Evidence.find(REPORT, "which other firms call The Dukes")],
    )


def _dossier(*claims: em.Claim) -> em.Dossier:
    return em.Dossier([GROUP, OTHER_NAME, SERVICE, KREMLIN, PAPER_ACTOR, FIRM, PAPER, REPORT, *claims])


# -- the model -------------------------------------------------------------------------------------------


def test_a_group_allegedly_working_for_an_intelligence_service_is_a_claim_with_its_own_factuality():
    claim = _alleged()
    dossier = _dossier(claim)
    assert dossier.check().ok
    assert claim.content.link is em.Link.AFFILIATED_WITH
    assert claim.content.about == ("actor:cozy-bear", "actor:russian-intelligence")
    assert claim.factuality == em.Factuality.parse("PR+")
    assert GROUP.affiliations == ()  # the analyst holds no affiliation as fact
    assert [statement.claim for statement in dossier.perspective(PAPER_ACTOR)] == [claim]
    assert em.json.loads(em.json.dumps(dossier), em.Dossier) == dossier


def test_every_claim_of_one_link_is_about_one_proposition_whatever_its_words():
    first = _working_for("the group works for Russian intelligence")
    second = _working_for("Russian intelligence runs the group")
    assert first.id == second.id
    # Recomputed from the documented rule, outside the library.
    document = json.dumps(
        {"about": ["actor:cozy-bear", "actor:russian-intelligence"], "link": "affiliated-with"},
        sort_keys=True,
        separators=(",", ":"),
    )
    assert first.id == "proposition:" + hashlib.sha256(document.encode()).hexdigest()[:32]


def test_same_as_reads_both_ways_and_an_affiliation_does_not():
    one = em.Proposition("A is B", about=[GROUP, OTHER_NAME], link="same-as")
    other = em.Proposition("B is A", about=[OTHER_NAME, GROUP], link="same-as")
    assert one.id == other.id
    assert em.Link.SAME_AS.symmetric
    assert not em.Link.AFFILIATED_WITH.symmetric
    works_for = em.Proposition("A works for B", about=[GROUP, SERVICE], link="affiliated-with")
    employs = em.Proposition("B works for A", about=[SERVICE, GROUP], link="affiliated-with")
    assert works_for.id != employs.id


def test_an_id_given_is_kept():
    assert _working_for(id="prop:cozy-bear-svr").id == "prop:cozy-bear-svr"


@pytest.mark.parametrize(
    ("about", "message"),
    [
        (
            ["actor:cozy-bear"],
            "Proposition.about: must name two different actors for a link (same-as), not 1, "
            "got ('actor:cozy-bear',). Fix: give the first actor and the one it is linked to, "
            "as about=[first, second]",
        ),
        (
            ["actor:a", "actor:b", "actor:c"],
            "Proposition.about: must name two different actors for a link (same-as), not 3, "
            "got ('actor:a', 'actor:b', 'actor:c'). Fix: give the first actor and the one it is "
            "linked to, as about=[first, second]",
        ),
        (
            ["actor:cozy-bear", "actor:cozy-bear"],
            "Proposition.about: must name two different actors for a link (same-as), not one twice, "
            "got ('actor:cozy-bear', 'actor:cozy-bear'). Fix: give the first actor and the one it is "
            "linked to, as about=[first, second]",
        ),
    ],
)
def test_a_link_needs_two_different_actors(about, message):
    with pytest.raises(InvalidValueError) as excinfo:
        em.Proposition("the same group", about=about, link="same-as")
    assert str(excinfo.value) == message


def test_a_link_of_an_unknown_kind_is_refused_naming_the_kinds():
    with pytest.raises(InvalidValueError) as excinfo:
        em.Proposition("friends", about=[GROUP, SERVICE], link="friend-of")
    assert str(excinfo.value) == (
        "Proposition.link: must be a Link, got 'friend-of'. Fix: use one of 'affiliated-with', 'same-as'"
    )


def test_a_document_with_a_bad_link_is_refused_with_its_path():
    text = (
        '{"type":"claim","claimant":null,"speech_act":"states","factuality":"CT+",'
        '"content":{"type":"proposition","text":"x","about":["actor:a"],"link":"same-as"}}'
    )
    with pytest.raises(InvalidValueError) as excinfo:
        em.json.loads(text, em.Claim)
    assert str(excinfo.value).startswith(
        "$.content.about (Proposition.about): must name two different actors for a link (same-as), not 1"
    )


def test_a_link_to_something_that_is_not_an_actor_is_a_reference_error():
    event = em.Event("attack.cyber", id="event:hack")
    report = em.Claim(PAPER_ACTOR, event, evidence=[em.Evidence.find(PAPER, "The attacks")])
    claim = em.Claim(
        PAPER_ACTOR,
        em.Proposition("the group did the hack", about=[GROUP, event], link="affiliated-with"),
        evidence=[em.Evidence.find(PAPER, "the work of a group")],
    )
    found = _dossier(report, claim).check()
    assert [f"{v.rule} {v.path}: {v.message}" for v in found if v.rule == "EM202"] == [
        "EM202 $.claims[1].content.about[1]: refers to 'event:hack', which is not an actor in the "
        "dossier: a link (affiliated-with) is between two actors"
    ]


# -- conflicts, corroboration, perspective ---------------------------------------------------------------


def test_an_alleged_affiliation_and_its_denial_conflict():
    alleged, denied = _alleged(), _denied()
    conflicts = _dossier(alleged, denied).conflicts()
    assert [(c.first.claim, c.second.claim, c.subject, c.field, c.reason) for c in conflicts] == [
        (
            alleged,
            denied,
            alleged.content.id,
            "polarity",
            "'actor:cozy-bear' affiliated-with 'actor:russian-intelligence': "
            "one says PR+ (alleges), the other CT- (denies)",
        )
    ]


def test_one_outlet_s_name_for_a_group_against_another_s_conflicts_both_ways_round():
    same = _same()
    not_same = em.Claim(
        PAPER_ACTOR,
        em.Proposition("The Dukes are not Cozy Bear", about=[OTHER_NAME, GROUP], link="same-as"),
        speech_act="denies",
        factuality="CT-",
        evidence=[em.Evidence.find(PAPER, "The attacks")],
    )
    conflicts = _dossier(same, not_same).conflicts()
    assert [(c.field, c.reason) for c in conflicts] == [
        (
            "polarity",
            "'actor:cozy-bear' same-as 'actor:the-dukes': one says CT+ (states), the other CT- (denies)",
        )
    ]


def test_a_link_at_times_that_cannot_meet_is_no_conflict_and_at_times_that_meet_is_one():
    then = em.When.parse("2016")
    later = em.When.parse("2024")
    assert _dossier(_alleged(when=then), _denied(when=later)).conflicts() == []
    overlapping = _dossier(_alleged(when=then), _denied(when=em.When.parse("2016-06"))).conflicts()
    assert [c.field for c in overlapping] == ["polarity"]


def test_a_link_claim_never_made_takes_part_in_no_conflict_nor_perspective():
    withheld = em.Claim(
        PAPER_ACTOR,
        em.Claim(KREMLIN, _working_for(), mood="withheld"),
        speech_act="reports",
        evidence=[em.Evidence.find(PAPER, "The Kremlin said")],
    )
    dossier = _dossier(_alleged(), withheld)
    assert dossier.conflicts() == []
    assert dossier.perspective(KREMLIN) == ()


def test_two_claimants_of_one_link_are_two_origins():
    firm_says = em.Claim(
        FIRM,
        _working_for("Cozy Bear works for Russian intelligence"),
        evidence=[em.Evidence.find(REPORT, "works for Russian intelligence")],
    )
    alleged = _alleged()
    dossier = _dossier(alleged, firm_says)
    found = dossier.corroboration(alleged.content.id)
    assert (found.raw_count, found.independent_count) == (2, 2)
    assert [statement.claim.claimant for statement in dossier.claims_about(alleged.content)] == [
        "actor:paper",
        "actor:firm",
    ]


def test_show_and_the_html_report_name_the_link():
    dossier = _dossier(_alleged(), _same())
    shown = show(dossier)
    assert "that: the group works for Russian intelligence" in shown
    assert "affiliated-with: Cozy Bear → Russian intelligence" in shown
    assert "same-as: Cozy Bear → The Dukes" in shown
    html = dossier._repr_html_()
    assert "<dt>affiliated-with</dt><dd>Cozy Bear → Russian intelligence</dd>" in html


def test_the_store_answers_as_the_dossier_does(tmp_path):
    dossier = _dossier(_alleged(), _denied(), _same())
    with em.Store(tmp_path / "links.db") as store:
        store.add_all(dossier)
    with em.Store(tmp_path / "links.db") as store:
        assert store.dossier() == dossier
        subject = _working_for().id
        assert store.claims_about(subject) == dossier.claims_about(subject)
        assert store.conflicts() == dossier.conflicts()
        assert store.check() == dossier.check()


# -- the other formats -------------------------------------------------------------------------------------


def _links() -> st.SearchStrategy[em.Dossier]:
    actors = st.sampled_from([GROUP, OTHER_NAME, SERVICE, KREMLIN])
    pairs = st.tuples(actors, actors).filter(lambda pair: pair[0] is not pair[1])
    claims = st.builds(
        lambda pair, link, factuality, text: em.Claim(
            PAPER_ACTOR,
            em.Proposition(text, about=pair, link=link),
            factuality=factuality,
            evidence=[em.Evidence(PAPER)],
        ),
        pairs,
        st.sampled_from(list(em.Link)),
        st.sampled_from(["CT+", "CT-", "PR+", "PS-"]),
        testing.texts(max_size=20),
    )
    return st.lists(claims, min_size=1, max_size=4, unique_by=lambda claim: claim.id).map(
        lambda found: _dossier(*found)
    )


@given(_links())
def test_link_claims_come_back_equal_through_json_and_json_lines(dossier):
    assert em.json.loads(em.json.dumps(dossier), em.Dossier) == dossier
    out = io.StringIO()
    em.json.write_jsonl(dossier, out)
    assert em.Dossier(em.json.iter_jsonl(io.StringIO(out.getvalue()))) == dossier


@given(_links())
def test_link_claims_come_back_equal_through_prov(dossier):
    prov = pytest.importorskip("eventmodel.interop.prov", exc_type=ImportError)
    assert prov.from_prov_text(prov.to_prov_text(dossier, "json"), "json") == dossier


@given(_links())
def test_link_claims_come_back_equal_through_stix(dossier):
    pytest.importorskip("stix2")
    from eventmodel.interop import stix  # noqa: PLC0415 - needs the stix extra

    out = io.StringIO()
    stix.write_stix(dossier, out)
    assert stix.from_stix(json.loads(out.getvalue())) == dossier


@given(_links())
def test_link_claims_come_back_equal_through_schemaorg(dossier):
    pytest.importorskip("rdflib")
    from eventmodel.interop import schemaorg  # noqa: PLC0415 - needs the schemaorg extra

    out = io.StringIO()
    schemaorg.write_schemaorg(dossier, out)
    assert schemaorg.from_schemaorg(out.getvalue()) == dossier


def test_the_stix_note_says_the_link_in_words():
    pytest.importorskip("stix2")
    from eventmodel.interop import stix  # noqa: PLC0415 - needs the stix extra

    out = io.StringIO()
    stix.write_stix_vanilla(_dossier(_alleged()), out)
    notes = [item for item in json.loads(out.getvalue())["objects"] if item["type"] == "note"]
    assert any("Link: Cozy Bear affiliated-with Russian intelligence" in note["content"] for note in notes)
