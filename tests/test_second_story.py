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
from eventmodel.cli._show import show
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


# -- the story ---------------------------------------------------------------------------------------

WIRE = em.Source("news-article", id="src:wire-2016-12-16", title="Wire copy, 16 December 2016")
PAPER = em.Source("news-article", id="src:paper-2016-12-16", title="Newspaper, 16 December 2016")
RUSSIA = em.Actor("Russia", "state", id="actor:russia")
KREMLIN = em.Actor("Kremlin", "government", id="actor:kremlin")
PESKOV = em.Actor("Dmitry Peskov", "person", id="actor:peskov")
US = em.Actor("United States", "state", id="actor:us")
AGENCY = em.Actor("The wire agency", "media", id="actor:wire")
PAPER_ACTOR = em.Actor("The newspaper", "media", id="actor:paper")
OFFICIAL = em.Actor(
    "a US official familiar with the conversations",
    "person",
    id="actor:us-official-1",
    unnamed=True,
    conditions="spoke on condition of anonymity because the talks were private",
)
OFFICIALS = em.Actor("Obama administration officials", "government", id="actor:us-officials")
HACK = em.Event(
    "attack.cyber",
    id="event:dnc-hack",
    participants=[em.Participant(RUSSIA, "agent"), em.Participant("actor:dnc", "target")],
)
DNC = em.Actor("Democratic National Committee", "organization", id="actor:dnc")


def _evidence(source, quote):
    return [em.Evidence(source, quote=em.TextQuote(quote))]


def test_an_unnamed_official_is_one_actor_shared_by_every_mention_and_shown_as_unnamed():
    lede = em.Claim(
        AGENCY,
        em.Claim(OFFICIAL, HACK),
        speech_act="reports",
        evidence=_evidence(WIRE, "citing a source"),
    )
    later = em.Claim(
        AGENCY,
        em.Claim(OFFICIAL, em.Proposition("The talks were tense.")),
        speech_act="reports",
        evidence=_evidence(WIRE, "the official said"),
    )
    dossier = em.Dossier([RUSSIA, DNC, AGENCY, OFFICIAL, WIRE, lede, later])
    assert dossier.check().ok
    assert [statement.report for statement in dossier.perspective(OFFICIAL)] == [lede, later]
    back = em.json.loads(em.json.dumps(dossier), em.Dossier)
    assert back == dossier
    assert back["actor:us-official-1"].unnamed
    assert back["actor:us-official-1"].conditions.startswith("spoke on condition of anonymity")
    shown = show(dossier)
    assert "The wire agency → a US official familiar with the conversations\n   (unnamed)" in shown
    assert "a US official familiar with the conversations (unnamed) states (CT+)" in shown


def test_someone_the_story_does_not_name_takes_part_in_its_role():
    told = em.Event(
        "order.stand-down", participants=[em.Participant(None, "agent"), em.Participant(OFFICIALS, "target")]
    )
    claim = em.Claim(
        PAPER_ACTOR, told, speech_act="reports", evidence=_evidence(PAPER, "were told to stand down")
    )
    dossier = em.Dossier([OFFICIALS, PAPER_ACTOR, PAPER, claim])
    assert dossier.check().ok
    assert told.participants[0].actor is None
    assert [s.claim for s in dossier.claims_involving(OFFICIALS)] == [claim]
    assert em.json.loads(em.json.dumps(dossier), em.Dossier) == dossier
    assert "agent: (not named)" in show(dossier)


def test_a_government_denying_any_role_conflicts_only_with_accounts_that_name_it():
    names_russia = em.Claim(
        PAPER_ACTOR, HACK, speech_act="reports", evidence=_evidence(PAPER, "Russian hackers")
    )
    unnamed_attacker = em.Claim(
        AGENCY,
        em.Event("attack.cyber", id="event:dnc-hack", participants=[em.Participant(DNC, "target")]),
        speech_act="reports",
        evidence=_evidence(WIRE, "the attacks"),
    )
    denial = em.Claim(
        KREMLIN,
        em.Event("attack.cyber", id="event:dnc-hack", participants=[em.Participant(RUSSIA, "agent")]),
        speech_act="denies",
        factuality="CT-",
        role_of=RUSSIA,
        evidence=_evidence(WIRE, "denies any role in the attacks"),
    )
    dossier = em.Dossier(
        [RUSSIA, KREMLIN, DNC, AGENCY, PAPER_ACTOR, WIRE, PAPER, names_russia, unnamed_attacker, denial]
    )
    conflicts = dossier.conflicts()
    assert [(c.first.claim, c.second.claim, c.field) for c in conflicts] == [(names_russia, denial, "role")]
    assert conflicts[0].reason == "'actor:russia' as 'agent': one says CT- (denies), the other CT+ (reports)"
    # The denial is of Russia's role, not of the attack: it is no report of the attack.
    assert set(dossier.corroboration("event:dnc-hack").reports) == {names_russia, unnamed_attacker}
    assert "Kremlin denies (CT-), of the role of Russia" in show(dossier)
    assert em.json.loads(em.json.dumps(dossier), em.Dossier) == dossier


def test_a_role_must_be_one_of_the_event_s_participants():
    with pytest.raises(InvalidValueError) as excinfo:
        em.Claim(KREMLIN, HACK, role_of=KREMLIN)
    assert str(excinfo.value) == (
        "Claim.role_of: must be a participant of the event the claim is about, got 'actor:kremlin'. "
        "Fix: name the actor among the event's participants, in the role the claim asserts or denies"
    )


def test_a_spokesman_dismissing_allegations_conflicts_with_the_allegations():
    allegation = em.Claim(US, HACK, speech_act="accuses", id="claim:us-accuses-russia")
    reported = em.Claim(
        PAPER_ACTOR, allegation, speech_act="reports", evidence=_evidence(PAPER, "US allegations")
    )
    dismissal = em.Claim(
        AGENCY,
        em.Claim(PESKOV, em.Claim(US, HACK, speech_act="accuses"), speech_act="denies", factuality="CT-"),
        speech_act="reports",
        evidence=_evidence(WIRE, "dismissed US allegations"),
    )
    dossier = em.Dossier([US, PESKOV, RUSSIA, DNC, AGENCY, PAPER_ACTOR, WIRE, PAPER, reported, dismissal])
    found = [
        (c.first.claim.claimant, c.second.claim.id, c.field)
        for c in dossier.conflicts()
        if c.field == "claim"
    ]
    assert found == [("actor:peskov", "claim:us-accuses-russia", "claim")]
    (conflict,) = [c for c in dossier.conflicts() if c.field == "claim"]
    assert conflict.reason == "one denies (CT-) what the other accuses (CT+)"


def test_a_statement_prepared_and_withheld_is_not_the_officials_word():
    withheld = em.Claim(OFFICIALS, em.Claim(OFFICIALS, HACK, speech_act="accuses"), mood="withheld")
    report = em.Claim(
        PAPER_ACTOR,
        em.Claim(OFFICIALS, HACK, speech_act="accuses", mood="withheld"),
        speech_act="reports",
        evidence=_evidence(PAPER, "had been prepared to put out a statement that accused Russia"),
    )
    dossier = em.Dossier([OFFICIALS, RUSSIA, DNC, PAPER_ACTOR, PAPER, report])
    assert dossier.perspective(OFFICIALS) == ()
    assert [s.claim for s in dossier.claims_by(OFFICIALS)] == [report.content]
    assert dossier.corroboration("event:dnc-hack").reports == ()
    assert "Obama administration officials accuses (CT+), withheld: not made" in show(dossier)
    assert withheld.mood is em.Mood.WITHHELD
    assert not withheld.mood.realised
    assert em.json.loads(em.json.dumps(dossier), em.Dossier) == dossier


def test_a_judgement_is_a_proposition_about_the_event_checked_by_the_reference_rule():
    report = em.Claim(PAPER_ACTOR, HACK, speech_act="reports", evidence=_evidence(PAPER, "hacking"))
    worst = em.Proposition("the worst hacking case in the history of America", about=[HACK])
    judgement = em.Claim(US, worst, evidence=_evidence(PAPER, "the worst hacking case"))
    about_claim = em.Claim(
        PESKOV, em.Proposition("groundless", about=[report]), evidence=_evidence(WIRE, "groundless")
    )
    dossier = em.Dossier([US, PESKOV, RUSSIA, DNC, PAPER_ACTOR, WIRE, PAPER, report, judgement, about_claim])
    assert worst.about == ("event:dnc-hack",)
    assert dossier.check().ok
    missing = em.Claim(US, em.Proposition("the worst", about=["event:nowhere"]))
    report_of_check = em.Dossier([US, missing]).check()
    assert [f"{v.path}: {v.message}" for v in report_of_check if v.rule == "EM202"] == [
        "$.claims[0].content.about[0]: refers to 'event:nowhere', which is not an actor, "
        "an event a claim describes, or a claim in the dossier"
    ]


def test_a_statement_never_made_takes_part_in_no_conflict():
    denial = em.Claim(
        KREMLIN,
        em.Event("attack.cyber", id="event:dnc-hack", participants=[em.Participant(RUSSIA, "agent")]),
        speech_act="denies",
        factuality="CT-",
        role_of=RUSSIA,
        evidence=_evidence(WIRE, "denies any role in the attacks"),
    )
    dismissal = em.Claim(
        PESKOV,
        em.Claim(OFFICIALS, HACK, speech_act="accuses"),
        speech_act="denies",
        factuality="CT-",
        evidence=_evidence(WIRE, "dismissed US allegations"),
    )
    withheld = em.Claim(
        PAPER_ACTOR,
        em.Claim(OFFICIALS, HACK, speech_act="accuses", mood="withheld"),
        speech_act="reports",
        evidence=_evidence(PAPER, "had been prepared to put out a statement that accused Russia"),
    )
    dossier = em.Dossier([denial, dismissal, withheld])
    assert [c.second.claim.id for c in dossier.conflicts()] == [dismissal.content.id]
    made = em.Claim(
        PAPER_ACTOR, em.Claim(OFFICIALS, HACK, speech_act="accuses"), evidence=_evidence(PAPER, "x")
    )
    assert len(em.Dossier([denial, dismissal, made]).conflicts()) > 1


def test_a_dismissal_written_before_the_allegation_it_dismisses_still_conflicts_with_it():
    behind = em.Proposition("Russian hackers were behind the attacks")  # no id: only the claim is compared
    allegation = em.Claim(
        OFFICIALS, behind, speech_act="accuses", evidence=_evidence(PAPER, "officials accused")
    )
    dismissal = em.Claim(
        PESKOV,
        allegation,
        speech_act="denies",
        factuality="CT-",
        evidence=_evidence(WIRE, "dismissed US allegations"),
    )
    for order in ([dismissal, allegation], [allegation, dismissal]):
        found = em.Dossier(order).conflicts()
        assert [(c.field, c.first.report.id, c.second.report.id) for c in found] == [
            ("claim", dismissal.id, allegation.id)
        ]
