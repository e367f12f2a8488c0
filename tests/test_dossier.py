"""The Dossier: the collection, its indexes, the provenance rules and the attribution analyses."""

from __future__ import annotations

from datetime import UTC, datetime

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmodel import (
    DEFAULT_RULES,
    Actor,
    ActorKind,
    Affiliation,
    Anchor,
    Claim,
    Dossier,
    Event,
    Evidence,
    Factuality,
    InvalidTypeError,
    InvalidValueError,
    Participant,
    Place,
    Proposition,
    ProvenanceError,
    Quantity,
    Relative,
    Report,
    Rule,
    Severity,
    Source,
    SourceKind,
    SpeechAct,
    TextQuote,
    TextSpan,
    UnresolvedReferenceError,
    Violation,
    When,
    compose_factuality,
    testing,
)

# -- the cast ----------------------------------------------------------------------------------------

PUBLISHED = When.parse("2022-03-27")

OUTLET = Actor("Republic World", ActorKind.MEDIA, id="actor:republic-world")
OTHER_OUTLET = Actor("Kyiv Independent", ActorKind.MEDIA, id="actor:kyiv-independent")
MINISTRY = Actor("Interior Ministry of Ukraine", ActorKind.GOVERNMENT, id="actor:ua-interior-ministry")
STAFF = Actor("General Staff of the Armed Forces of Ukraine", "military-unit", id="actor:ua-general-staff")
RU_MOD = Actor("Russian Ministry of Defence", ActorKind.GOVERNMENT, id="actor:ru-mod")
RU_ARMY = Actor("Russian armed forces", "military-unit", id="actor:ru-armed-forces")
BLINKEN = Actor("Antony Blinken", ActorKind.PERSON, id="actor:antony-blinken")
BIDEN = Actor("Joe Biden", ActorKind.PERSON, id="actor:joe-biden")
WITNESS_A = Actor("A resident of Krasnohorivka", ActorKind.PERSON, id="actor:witness-a")
WITNESS_B = Actor("A police officer in Krasnohorivka", ActorKind.PERSON, id="actor:witness-b")

ARTICLE = Source(
    SourceKind.NEWS_ARTICLE, id="src:republicworld-2022-03-27", publisher=OUTLET, published=PUBLISHED
)
OTHER_ARTICLE = Source(
    SourceKind.NEWS_ARTICLE, id="src:kyivindependent-2022-03-27", publisher=OTHER_OUTLET, published=PUBLISHED
)

CAST = (OUTLET, OTHER_OUTLET, MINISTRY, STAFF, RU_MOD, RU_ARMY, BLINKEN, BIDEN, WITNESS_A, WITNESS_B)

SHELLING = Event(
    "attack.shelling",
    id="event:krasnohorivka-cluster-munitions",
    when=When.parse("2022-03-26"),
    where=Place("Krasnohorivka", country="UA"),
    participants=[Participant(RU_ARMY, "agent")],
    details={"weapon": "Tornado-S MLRS", "munition": "cluster"},
)
LOSSES_ID = "event:ru-losses-2022-03-27"
REGIME_CHANGE = Proposition(
    "The U.S. is trying to topple Russian President Vladimir Putin.", id="prop:us-regime-change"
)


def cite(source=ARTICLE, **kwargs):
    return Evidence(source, **kwargs)


def report(content, claimant=OUTLET, source=ARTICLE, **kwargs):
    """A top-level claim seen in *source*."""
    kwargs.setdefault("evidence", [cite(source)])
    return Claim(claimant, content, **kwargs)


def found(dossier, **kwargs):
    """Every violation as (rule, severity, path, message), in the report's order."""
    return [(item.rule, item.severity.value, item.path, item.message) for item in dossier.check(**kwargs)]


def losses(personnel, **kwargs):
    return Event("losses", id=LOSSES_ID, quantities={"personnel": personnel}, **kwargs)


# -- the worked example of the design ---------------------------------------------------------------

WORKED_ARTICLE = Source(
    id="src:republicworld-2022-03-27",
    kind=SourceKind.NEWS_ARTICLE,
    publisher="actor:republic-world",
    published=When.parse("2022-03-27"),
)
BIDEN_MEANT = Claim(
    claimant=BIDEN,
    content=Proposition(
        "Putin cannot be empowered to wage war or engage in aggression against Ukraine or anyone else."
    ),
)
BLINKEN_SAID = Claim(
    claimant=BLINKEN, speech_act=SpeechAct.INTERPRETS, content=BIDEN_MEANT, made_at=When.parse("2022-03-27")
)
REPORTED = Claim(
    claimant=OUTLET,
    speech_act=SpeechAct.REPORTS,
    content=BLINKEN_SAID,
    evidence=[Evidence(source=WORKED_ARTICLE, quote=TextQuote(exact="Blinken said Biden’s point was that"))],
)


def worked_example():
    return Dossier([WORKED_ARTICLE, OUTLET, BIDEN, BLINKEN, REPORTED])


# == the collection ===================================================================================


def test_a_dossier_holds_actors_sources_and_claims_in_the_order_they_were_added():
    first = report(SHELLING, MINISTRY)
    second = report(REGIME_CHANGE, BLINKEN, speech_act="denies", factuality="CT-")
    dossier = Dossier([first, MINISTRY, ARTICLE, BLINKEN, second, OUTLET])
    assert dossier.actors == (MINISTRY, BLINKEN, OUTLET)
    assert dossier.sources == (ARTICLE,)
    assert dossier.claims == (first, second)
    assert list(dossier) == [MINISTRY, BLINKEN, OUTLET, ARTICLE, first, second]
    assert len(dossier) == 6
    assert repr(dossier) == "<Dossier: 3 actors, 1 sources, 2 claims>"


def test_an_empty_dossier():
    dossier = Dossier()
    assert len(dossier) == 0
    assert list(dossier) == []
    assert dossier.actors == dossier.sources == dossier.claims == ()
    assert dossier.get("actor:joe-biden") is None


def test_get_and_getitem_find_objects_by_id():
    claim = report(SHELLING, MINISTRY)
    dossier = Dossier([MINISTRY, ARTICLE, claim])
    assert dossier.get(MINISTRY.id) is MINISTRY
    assert dossier.get(ARTICLE.id) is ARTICLE
    assert dossier.get(claim.id) is claim
    assert dossier[claim.id] is claim
    assert dossier.get("actor:nobody") is None
    with pytest.raises(KeyError) as raised:
        dossier["actor:nobody"]
    assert raised.value.args == ("actor:nobody",)


def test_nested_claims_and_events_are_not_members_of_their_own():
    inner = Claim(MINISTRY, SHELLING)
    outer = report(inner)
    dossier = Dossier([outer])
    assert dossier.get(inner.id) is None
    assert inner not in dossier
    assert SHELLING.id not in dossier


def test_membership_by_id_and_by_object():
    claim = report(SHELLING, MINISTRY)
    dossier = Dossier([MINISTRY, claim])
    assert MINISTRY.id in dossier
    assert claim.id in dossier
    assert MINISTRY in dossier
    assert claim in dossier
    assert BIDEN not in dossier
    assert BIDEN.id not in dossier
    # Same id, other content: not the member.
    assert attrs.evolve(MINISTRY, name="MVS Ukrainy") not in dossier
    assert 3 not in dossier
    assert None not in dossier


def test_adding_an_equal_object_again_is_a_no_op():
    dossier = Dossier([MINISTRY, ARTICLE])
    dossier.add(Actor("Interior Ministry of Ukraine", ActorKind.GOVERNMENT, id="actor:ua-interior-ministry"))
    dossier.add(ARTICLE)
    assert len(dossier) == 2
    assert dossier.actors == (MINISTRY,)
    assert Dossier([MINISTRY, MINISTRY, ARTICLE, ARTICLE]) == dossier


def test_add_appends_in_order():
    dossier = Dossier([BIDEN])
    dossier.add(BLINKEN)
    dossier.add(ARTICLE)
    assert dossier.actors == (BIDEN, BLINKEN)
    assert dossier.sources == (ARTICLE,)


def test_two_different_objects_with_one_id_are_refused_naming_both():
    dossier = Dossier([BIDEN])
    impostor = Actor("Joseph R. Biden", ActorKind.PERSON, id="actor:joe-biden")
    with pytest.raises(InvalidValueError) as raised:
        dossier.add(impostor)
    assert str(raised.value) == (
        "Dossier.add(): is the id of two different objects: "
        "Actor(id='actor:joe-biden', name='Joe Biden', kind=ActorKind.PERSON) and "
        "Actor(id='actor:joe-biden', name='Joseph R. Biden', kind=ActorKind.PERSON), "
        "got 'actor:joe-biden'. "
        "Fix: give each object its own id, or leave ids out to derive them from content"
    )
    assert raised.value.value == "actor:joe-biden"
    assert dossier.actors == (BIDEN,)


def test_an_actor_and_a_source_cannot_share_an_id():
    source = Source(SourceKind.SPEECH, id="actor:joe-biden")
    with pytest.raises(InvalidValueError) as raised:
        Dossier([BIDEN, source])
    assert str(raised.value) == (
        "Dossier.add(): is the id of two different objects: "
        "Actor(id='actor:joe-biden', name='Joe Biden', kind=ActorKind.PERSON) and "
        "Source(id='actor:joe-biden', kind=SourceKind.SPEECH), "
        "got 'actor:joe-biden'. "
        "Fix: give each object its own id, or leave ids out to derive them from content"
    )


def test_an_event_cannot_be_held_on_its_own():
    event = Event("losses", id="event:losses")
    dossier = Dossier()
    with pytest.raises(InvalidTypeError) as raised:
        dossier.add(event)
    assert str(raised.value) == (
        "Dossier.add(): cannot hold an Event on its own: it is only known through a claim, "
        "got Event(id='event:losses', kind='losses'). "
        "Fix: wrap it in a Claim that says who states it, with evidence"
    )
    assert len(dossier) == 0


def test_a_proposition_cannot_be_held_on_its_own():
    with pytest.raises(InvalidTypeError) as raised:
        Dossier([Proposition("Proxy leaders hold 93% of Luhansk.")])
    assert str(raised.value) == (
        "Dossier.add(): cannot hold a Proposition on its own: it is only known through a claim, "
        "got Proposition(text='Proxy leaders hold 93% of Luhansk.'). "
        "Fix: wrap it in a Claim that says who states it, with evidence"
    )


@pytest.mark.parametrize(
    ("thing", "shown"),
    [
        ("actor:joe-biden", "'actor:joe-biden'"),
        (None, "None"),
        (Quantity(16600), "Quantity(value=Decimal('16600'))"),
        (Evidence("src:a"), "Evidence(source='src:a')"),
    ],
)
def test_anything_else_is_refused(thing, shown):
    with pytest.raises(InvalidTypeError) as raised:
        Dossier().add(thing)
    assert str(raised.value) == f"Dossier.add(): holds actors, sources and claims, got {shown}"
    assert isinstance(raised.value, TypeError)


def test_equality():
    claim = report(SHELLING, MINISTRY)
    assert Dossier([MINISTRY, ARTICLE, claim]) == Dossier([MINISTRY, ARTICLE, claim])
    assert Dossier([MINISTRY, ARTICLE, claim]) != Dossier([MINISTRY, ARTICLE])
    assert Dossier([MINISTRY]) != Dossier([attrs.evolve(MINISTRY, name="MVS")])
    assert Dossier([MINISTRY], extras={"x-note": 1}) != Dossier([MINISTRY])
    assert Dossier() != []
    assert Dossier() == Dossier()


def test_a_dossier_is_not_hashable():
    with pytest.raises(TypeError):
        hash(Dossier())


# == the indexes =======================================================================================


def _relayed_dossier():
    """The ministry's statement relayed by two outlets; Blinken's denial; an unattributed report."""
    ministry_says = Claim(MINISTRY, SHELLING, made_at=When.parse("2022-03-26"))
    first = report(ministry_says, OUTLET, speech_act="reports")
    second = report(ministry_says, OTHER_OUTLET, OTHER_ARTICLE, speech_act="reports", factuality="PR+")
    denial = report(REGIME_CHANGE, BLINKEN, speech_act="denies", factuality="CT-")
    rumour = report(Event("annexation", id="event:luhansk-annexation"), None, factuality="PS+")
    dossier = Dossier([*CAST, ARTICLE, OTHER_ARTICLE, first, second, denial, rumour])
    return dossier, ministry_says, first, second, denial, rumour


def test_claims_by_finds_claims_at_any_depth():
    dossier, ministry_says, first, second, denial, _rumour = _relayed_dossier()
    by_ministry = dossier.claims_by(MINISTRY)
    assert [(s.claim, s.report, s.depth) for s in by_ministry] == [
        (ministry_says, first, 2),
        (ministry_says, second, 2),
    ]
    assert dossier.claims_by("actor:ua-interior-ministry") == by_ministry
    assert [s.claim for s in dossier.claims_by(OUTLET)] == [first]
    assert [(s.claim, s.depth) for s in dossier.claims_by(BLINKEN)] == [(denial, 1)]
    assert dossier.claims_by(BIDEN) == ()
    assert dossier.claims_by("actor:nobody") == ()


def test_claims_by_none_gives_the_unattributed_claims():
    dossier, *_, rumour = _relayed_dossier()
    assert [s.claim for s in dossier.claims_by(None)] == [rumour]


def test_statements_carry_their_chain():
    dossier, ministry_says, _first, second, *_ = _relayed_dossier()
    statement = dossier.claims_by(MINISTRY)[1]
    assert statement.report is second
    assert [hop.claimant for hop in statement.hops] == [OTHER_OUTLET.id, MINISTRY.id]
    assert statement.hops[-1].claim == ministry_says
    assert statement.composed == Factuality.PR_PLUS
    assert len(dossier.statements()) == 6


def test_claims_citing_gives_top_level_claims_once_each():
    two_quotes = report(
        SHELLING,
        MINISTRY,
        evidence=[cite(quote=TextQuote("Russian troops")), cite(quote=TextQuote("cluster munitions"))],
    )
    elsewhere = report(REGIME_CHANGE, BLINKEN, OTHER_ARTICLE, factuality="CT-")
    dossier = Dossier([*CAST, ARTICLE, OTHER_ARTICLE, two_quotes, elsewhere])
    assert dossier.claims_citing(ARTICLE) == (two_quotes,)
    assert dossier.claims_citing(ARTICLE.id) == (two_quotes,)
    assert dossier.claims_citing(OTHER_ARTICLE) == (elsewhere,)
    assert dossier.claims_citing("src:nowhere") == ()


def test_queries_return_the_index_tuples_as_they_are_until_the_dossier_changes():
    elsewhere = report(REGIME_CHANGE, BLINKEN, OTHER_ARTICLE, factuality="CT-")
    dossier = Dossier([*CAST, ARTICLE, OTHER_ARTICLE, elsewhere])
    answers = [
        dossier.claims_by(BLINKEN),
        dossier.perspective(BLINKEN),
        dossier.claims_citing(OTHER_ARTICLE),
        dossier.claims_about(REGIME_CHANGE),
    ]
    assert all(type(answer) is tuple and len(answer) == 1 for answer in answers)
    assert dossier.claims_by(BLINKEN) is answers[0]
    assert dossier.claims_citing(OTHER_ARTICLE) is answers[2]
    later = report(REGIME_CHANGE, BLINKEN, OTHER_ARTICLE)
    dossier.add(later)
    assert [statement.claim for statement in dossier.claims_by(BLINKEN)] == [elsewhere, later]
    assert answers[0] == dossier.perspective(BLINKEN)[:1]


def test_claims_citing_counts_only_top_level_evidence():
    inner = Claim(MINISTRY, SHELLING, evidence=[cite(OTHER_ARTICLE)])
    outer = report(inner)
    dossier = Dossier([*CAST, ARTICLE, OTHER_ARTICLE, outer])
    assert dossier.claims_citing(ARTICLE) == (outer,)
    assert dossier.claims_citing(OTHER_ARTICLE) == ()


def test_claims_about_events_and_propositions():
    dossier, ministry_says, first, second, denial, _rumour = _relayed_dossier()
    about = dossier.claims_about(SHELLING.id)
    assert [(s.claim, s.report) for s in about] == [(ministry_says, first), (ministry_says, second)]
    assert dossier.claims_about(SHELLING) == about
    assert [s.claim for s in dossier.claims_about("prop:us-regime-change")] == [denial]
    assert [s.claim for s in dossier.claims_about(REGIME_CHANGE)] == [denial]
    assert dossier.claims_about("event:never") == ()


def test_claims_about_ignores_propositions_without_an_id():
    claim = report(Proposition("Proxy leaders hold 93% of Luhansk."), OUTLET)
    dossier = Dossier([OUTLET, ARTICLE, claim])
    assert [s.claim for s in dossier.statements()] == [claim]
    assert dossier.claims_about(Proposition("Proxy leaders hold 93% of Luhansk.")) == ()


def test_claims_involving_participants():
    dossier, ministry_says, *_ = _relayed_dossier()
    assert [s.claim for s in dossier.claims_involving(RU_ARMY)] == [ministry_says, ministry_says]
    assert dossier.claims_involving(RU_ARMY.id) == dossier.claims_involving(RU_ARMY)
    assert dossier.claims_involving(MINISTRY) == ()


def test_claims_involving_gives_each_claim_once_for_an_actor_in_two_roles():
    # Shelling its own positions: the same actor as agent and as victim.
    event = Event(
        "attack.shelling",
        id="event:friendly-fire",
        participants=[Participant(RU_ARMY, "agent"), Participant(RU_ARMY, "victim")],
    )
    claim = report(event, MINISTRY)
    dossier = Dossier([ARTICLE, *CAST, claim])
    assert [s.claim for s in dossier.claims_involving(RU_ARMY)] == [claim]


def _timed(when, name):
    return report(Event("attack.shelling", id=f"event:{name}", when=when), MINISTRY)


def test_claims_during_a_month_finds_a_day_in_it():
    on_the_day = _timed(When.parse("2022-03-27"), "day")
    dossier = Dossier([MINISTRY, ARTICLE, on_the_day])
    assert [s.claim for s in dossier.claims_during(When.parse("2022-03"))] == [on_the_day]
    assert [s.claim for s in dossier.claims_during(When.parse("2022-03-27"))] == [on_the_day]
    assert dossier.claims_during(When.parse("2022-03-26")) == ()
    assert dossier.claims_during(When.parse("2022-03-28")) == ()
    assert dossier.claims_during(When.parse("2022-02")) == ()


def test_claims_during_with_fuzzy_and_open_times():
    day = _timed(When.parse("2022-03-26"), "day")
    month = _timed(When.parse("2022-03"), "month")
    since = _timed(When.parse("2022-02-24/.."), "since")
    later = _timed(When.parse("2022-04-02"), "later")
    untimed = report(Event("attack.shelling", id="event:untimed"), MINISTRY)
    dossier = Dossier([MINISTRY, ARTICLE, day, month, since, later, untimed])

    def during(text):
        return {s.claim.content.id for s in dossier.claims_during(When.parse(text))}

    assert during("2022-03-25") == {"event:month", "event:since"}
    assert during("2022-03-26T12:00") == {"event:day", "event:month", "event:since"}
    assert during("2022-02-01") == set()
    assert during("2022-02") == {"event:since"}
    assert during("2022") == {"event:day", "event:month", "event:since", "event:later"}
    assert during("2022-03-01/2022-03-31") == {"event:day", "event:month", "event:since"}
    assert during("2023") == {"event:since"}


def test_claims_during_finds_nested_claims():
    inner = Claim(MINISTRY, SHELLING)
    outer = report(inner)
    dossier = Dossier([*CAST, ARTICLE, outer])
    assert [(s.claim, s.report) for s in dossier.claims_during(When.parse("2022-03"))] == [(inner, outer)]


@pytest.mark.parametrize(
    ("event_time", "query"),
    [
        # A zone-less time may lie anywhere from UTC-14:00 to UTC+14:00 against a zoned one.
        ("2022-03-27T10:00", "2022-03-27T01:00Z"),
        ("2022-03-28T10:00Z", "2022-03-27"),
    ],
)
def test_claims_during_agrees_with_time_relations_across_zones(event_time, query):
    claim = _timed(When.parse(event_time), "zoned")
    assert When.parse(event_time).relation(When.parse(query)).value == "overlaps"
    dossier = Dossier([MINISTRY, ARTICLE, claim])
    assert [s.claim for s in dossier.claims_during(When.parse(query))] == [claim]


def test_claims_during_needs_a_when():
    dossier = Dossier([MINISTRY, ARTICLE, _timed(When.parse("2022-03-27"), "day")])
    with pytest.raises(InvalidTypeError):
        dossier.claims_during("2022-03")


def test_the_index_is_rebuilt_after_add():
    first = report(SHELLING, MINISTRY)
    dossier = Dossier([MINISTRY, ARTICLE, first])
    assert len(dossier.claims_by(MINISTRY)) == 1
    assert dossier.claims_citing(OTHER_ARTICLE) == ()
    assert len(dossier.claims_during(When.parse("2022-03"))) == 1
    second = report(attrs.evolve(SHELLING, description="Tornado-S"), MINISTRY, OTHER_ARTICLE)
    dossier.add(second)
    assert [s.claim for s in dossier.claims_by(MINISTRY)] == [first, second]
    assert dossier.claims_citing(OTHER_ARTICLE) == (second,)
    assert len(dossier.claims_about(SHELLING.id)) == 2
    assert len(dossier.claims_during(When.parse("2022-03"))) == 2
    assert dossier.chain(second.id)[0].claim is second
    # Adding an equal object again leaves the answers alone.
    dossier.add(second)
    assert len(dossier.claims_by(MINISTRY)) == 2


# == the provenance rules ===============================================================================


def test_the_default_rules():
    assert [(rule.id, rule.severity) for rule in DEFAULT_RULES] == [
        ("EM101", Severity.ERROR),
        ("EM201", Severity.ERROR),
        ("EM202", Severity.WARNING),
        ("EM301", Severity.ERROR),
        ("EM401", Severity.ERROR),
        ("EM402", Severity.WARNING),
        ("EM403", Severity.WARNING),
        ("EM501", Severity.ERROR),
        ("EM601", Severity.ERROR),
    ]


def test_the_worked_example_passes_every_rule():
    result = worked_example().check()
    assert result.ok
    assert result.violations == ()
    assert result.rules == ("EM101", "EM201", "EM202", "EM301", "EM401", "EM402", "EM403", "EM501", "EM601")
    assert str(result) == "ok: 9 rules, no violations"


def test_a_rich_good_dossier_passes_every_rule():
    dossier, *_ = _relayed_dossier()
    assert dossier.check().violations == ()


# -- EM101 ----------------------------------------------------------------------------------------------


def test_em101_a_top_level_claim_without_evidence():
    dossier = Dossier([*CAST, ARTICLE, report(SHELLING, MINISTRY), Claim(MINISTRY, REGIME_CHANGE)])
    assert found(dossier) == [
        (
            "EM101",
            "error",
            "$.claims[1].evidence",
            "has no evidence: a top-level claim must point at where it was seen",
        )
    ]
    violation = dossier.check().violations[0]
    assert violation.fix == "add Evidence(source, quote=TextQuote(...)) naming a source in the dossier"
    assert violation.subject == Claim(MINISTRY, REGIME_CHANGE).id


def test_em101_nested_claims_need_no_evidence_of_their_own():
    assert worked_example().check().violations == ()
    assert BLINKEN_SAID.evidence == ()


# -- EM201 ----------------------------------------------------------------------------------------------

UNRESOLVED = {
    "claimant": (
        lambda: [ARTICLE, OUTLET, report(SHELLING, "actor:nobody")],
        "$.claims[0].claimant",
        "refers to 'actor:nobody', which is not in the dossier",
        "add the actor 'actor:nobody', or correct the id",
    ),
    "nested claimant": (
        lambda: [ARTICLE, OUTLET, report(Claim("actor:nobody", SHELLING))],
        "$.claims[0].content.claimant",
        "refers to 'actor:nobody', which is not in the dossier",
        "add the actor 'actor:nobody', or correct the id",
    ),
    "evidence source": (
        lambda: [OUTLET, report(REGIME_CHANGE, source="src:missing")],
        "$.claims[0].evidence[0].source",
        "refers to 'src:missing', which is not in the dossier",
        "add the source 'src:missing', or correct the id",
    ),
    "second evidence source": (
        lambda: [ARTICLE, OUTLET, report(REGIME_CHANGE, evidence=[cite(), cite("src:missing")])],
        "$.claims[0].evidence[1].source",
        "refers to 'src:missing', which is not in the dossier",
        "add the source 'src:missing', or correct the id",
    ),
    "nested evidence source": (
        lambda: [ARTICLE, OUTLET, report(Claim(OUTLET, REGIME_CHANGE, evidence=[cite("src:missing")]))],
        "$.claims[0].content.evidence[0].source",
        "refers to 'src:missing', which is not in the dossier",
        "add the source 'src:missing', or correct the id",
    ),
    "publisher": (
        lambda: [Source("news-article", id="src:a", publisher="actor:unknown-outlet")],
        "$.sources[0].publisher",
        "refers to 'actor:unknown-outlet', which is not in the dossier",
        "add the actor 'actor:unknown-outlet', or correct the id",
    ),
    "author": (
        lambda: [BIDEN, Source("speech", id="src:a", authors=[BIDEN, "actor:speechwriter"])],
        "$.sources[0].authors[1]",
        "refers to 'actor:speechwriter', which is not in the dossier",
        "add the actor 'actor:speechwriter', or correct the id",
    ),
    "derived_from": (
        lambda: [Source("news-article", id="src:a", derived_from=["src:wire"])],
        "$.sources[0].derived_from[0]",
        "refers to 'src:wire', which is not in the dossier",
        "add the source 'src:wire', or correct the id",
    ),
    "affiliation": (
        lambda: [
            BIDEN,
            Actor("Antony Blinken", id="actor:blinken", affiliations=[Affiliation("actor:us-gov")]),
        ],
        "$.actors[1].affiliations[0].organization",
        "refers to 'actor:us-gov', which is not in the dossier",
        "add the actor 'actor:us-gov', or correct the id",
    ),
    "supersedes": (
        lambda: [ARTICLE, OUTLET, STAFF, report(losses(Quantity(16600)), STAFF, supersedes=["claim:gone"])],
        "$.claims[0].supersedes[0]",
        "refers to 'claim:gone', which is not a claim in the dossier",
        "add the earlier claim, or correct the id",
    ),
    "retracts": (
        lambda: [
            ARTICLE,
            OUTLET,
            STAFF,
            report(losses(Quantity(16600)), STAFF, retracts=["claim:a", "claim:gone"]),
        ],
        "$.claims[0].retracts[0]",
        "refers to 'claim:a', which is not a claim in the dossier",
        "add the earlier claim, or correct the id",
    ),
}


@pytest.mark.parametrize("case", sorted(UNRESOLVED))
def test_em201_unresolved_references(case):
    build, path, message, fix = UNRESOLVED[case]
    dossier = Dossier(build())
    errors = [item for item in dossier.check() if item.rule == "EM201"]
    assert (errors[0].rule, errors[0].severity, errors[0].path, errors[0].message, errors[0].fix) == (
        "EM201",
        Severity.ERROR,
        path,
        message,
        fix,
    )
    assert not dossier.check().ok


def test_em201_reports_every_unresolved_reference_and_nothing_else():
    claim = report(Claim("actor:nobody", SHELLING), claimant="actor:ghost", supersedes=["claim:gone"])
    dossier = Dossier([ARTICLE, OUTLET, claim])
    assert found(dossier) == [
        ("EM201", "error", "$.claims[0].claimant", "refers to 'actor:ghost', which is not in the dossier"),
        (
            "EM201",
            "error",
            "$.claims[0].supersedes[0]",
            "refers to 'claim:gone', which is not a claim in the dossier",
        ),
        (
            "EM201",
            "error",
            "$.claims[0].content.claimant",
            "refers to 'actor:nobody', which is not in the dossier",
        ),
        (
            "EM202",
            "warning",
            "$.claims[0].content.content.participants[0].actor",
            "refers to 'actor:ru-armed-forces', which is not an actor in the dossier",
        ),
    ]


def test_em201_supersedes_may_name_a_nested_claim():
    earlier = Claim(STAFF, losses(Quantity(16000)), id="claim:earlier", made_at=When.parse("2022-03-26"))
    correction = report(
        losses(Quantity(16600)), STAFF, supersedes=[earlier], made_at=When.parse("2022-03-27")
    )
    dossier = Dossier([ARTICLE, OUTLET, STAFF, report(earlier), correction])
    assert correction.supersedes == ("claim:earlier",)
    assert dossier.check().violations == ()


@pytest.mark.parametrize(
    ("objects", "path", "message"),
    [
        (
            [ARTICLE, OUTLET, report(SHELLING, claimant=ARTICLE.id)],
            "$.claims[0].claimant",
            "refers to 'src:republicworld-2022-03-27', a source where an actor belongs",
        ),
        (
            [ARTICLE, OUTLET, report(REGIME_CHANGE, source=OUTLET.id)],
            "$.claims[0].evidence[0].source",
            "refers to 'actor:republic-world', an actor where a source belongs",
        ),
    ],
    ids=["source as claimant", "actor as evidence source"],
)
def test_em201_a_reference_to_the_wrong_kind(objects, path, message):
    violations = [item for item in Dossier(objects).check() if item.rule == "EM201"]
    assert [(item.path, item.message, item.fix) for item in violations] == [(path, message, "correct the id")]


def test_em201_a_claim_id_where_a_source_belongs():
    claim = report(REGIME_CHANGE, BLINKEN)
    derived = Source("news-article", id="src:b", derived_from=[claim.id])
    dossier = Dossier([ARTICLE, OUTLET, BLINKEN, claim, derived])
    assert found(dossier) == [
        (
            "EM201",
            "error",
            "$.sources[1].derived_from[0]",
            f"refers to {claim.id!r}, a claim where a source belongs",
        )
    ]


# -- EM202 ----------------------------------------------------------------------------------------------


def test_em202_a_participant_not_held():
    dossier = Dossier([ARTICLE, OUTLET, MINISTRY, report(SHELLING, MINISTRY)])
    assert found(dossier) == [
        (
            "EM202",
            "warning",
            "$.claims[0].content.participants[0].actor",
            "refers to 'actor:ru-armed-forces', which is not an actor in the dossier",
        )
    ]
    result = dossier.check()
    assert result.ok
    assert result.errors == ()
    assert len(result.warnings) == 1
    assert result.warnings[0].fix == "add the actor"
    dossier.add(RU_ARMY)
    assert dossier.check().violations == ()


def test_em202_a_proposition_about_an_actor_not_held():
    prop = Proposition("Putin cannot remain in power.", about=["actor:vladimir-putin"])
    dossier = Dossier([ARTICLE, BIDEN, OUTLET, report(prop, BIDEN)])
    assert found(dossier) == [
        (
            "EM202",
            "warning",
            "$.claims[0].content.about[0]",
            "refers to 'actor:vladimir-putin', which is not an actor, an event a claim describes, "
            "or a claim in the dossier",
        )
    ]


def test_em202_a_setting_no_claim_describes():
    said = report(REGIME_CHANGE, BLINKEN, factuality="CT-", setting="event:jerusalem-press-conference")
    dossier = Dossier([ARTICLE, OUTLET, BLINKEN, said])
    assert found(dossier) == [
        (
            "EM202",
            "warning",
            "$.claims[0].setting",
            "refers to the event 'event:jerusalem-press-conference', which no claim describes",
        )
    ]
    conference = report(
        Event(
            "statement.press-conference",
            id="event:jerusalem-press-conference",
            participants=[Participant(BLINKEN, "speaker")],
        )
    )
    dossier.add(conference)
    assert dossier.check().violations == ()


def test_em202_an_anchor_event_no_claim_describes():
    spoke = Claim(
        BLINKEN,
        REGIME_CHANGE,
        factuality="CT-",
        made_at=Relative("a day after", Anchor.to_event("event:biden-warsaw-speech")),
    )
    dossier = Dossier([ARTICLE, OUTLET, BLINKEN, report(spoke)])
    assert found(dossier) == [
        (
            "EM202",
            "warning",
            "$.claims[0].content.made_at.anchor",
            "is relative to the event 'event:biden-warsaw-speech', which no claim describes",
        ),
        (
            "EM402",
            "warning",
            "$.claims[0].content.made_at",
            "'a day after' cannot be resolved against its anchor, the time of event:biden-warsaw-speech",
        ),
    ]
    speech = report(Event("statement.speech", id="event:biden-warsaw-speech", when=When.parse("2022-03-26")))
    dossier.add(speech)
    assert dossier.check().violations == ()


def test_em202_an_event_time_anchored_on_an_event_no_claim_describes():
    claim = report(
        Event("attack", id="event:after", when=Relative("the day after", "event:event:the-speech")), MINISTRY
    )
    violations = [item for item in Dossier([ARTICLE, MINISTRY, claim]).check() if item.rule == "EM202"]
    assert [(item.path, item.message) for item in violations] == [
        (
            "$.claims[0].content.when.anchor",
            "is relative to the event 'event:the-speech', which no claim describes",
        )
    ]


# -- EM301 ----------------------------------------------------------------------------------------------


def test_em301_sources_that_derive_from_one_another_in_a_circle():
    a = Source("news-article", id="src:a", derived_from=["src:b"])
    b = Source("news-article", id="src:b", derived_from=["src:a"])
    assert found(Dossier([a, b])) == [
        (
            "EM301",
            "error",
            "$.sources[0].derived_from",
            "src:a → src:b → src:a: these sources derive from one another in a circle",
        )
    ]
    assert Dossier([a, b]).check().violations[0].fix == "break the circle in derived_from"


def test_em301_a_source_derived_from_itself():
    a = Source("news-article", id="src:a", derived_from=["src:a"])
    assert found(Dossier([a])) == [
        (
            "EM301",
            "error",
            "$.sources[0].derived_from",
            "src:a → src:a: these sources derive from one another in a circle",
        )
    ]


def test_em301_a_longer_circle_is_found_from_where_it_starts():
    wire = Source("news-article", id="src:wire")
    a = Source("news-article", id="src:a", derived_from=["src:wire", "src:b"])
    b = Source("news-article", id="src:b", derived_from=["src:c"])
    c = Source("news-article", id="src:c", derived_from=["src:a"])
    assert found(Dossier([wire, a, b, c])) == [
        (
            "EM301",
            "error",
            "$.sources[1].derived_from",
            "src:a → src:b → src:c → src:a: these sources derive from one another in a circle",
        )
    ]


def test_em301_a_chain_of_derivations_is_no_circle():
    wire = Source("news-article", id="src:wire")
    a = Source("news-article", id="src:a", derived_from=["src:wire"])
    b = Source("news-article", id="src:b", derived_from=["src:a", "src:wire"])
    assert Dossier([wire, a, b]).check().violations == ()


def test_em301_actors_affiliated_with_one_another_in_a_circle():
    a = Actor("A", id="actor:a", affiliations=[Affiliation("actor:b", "member")])
    b = Actor("B", id="actor:b", affiliations=[Affiliation("actor:a", "member")])
    assert found(Dossier([a, b])) == [
        (
            "EM301",
            "error",
            "$.actors[0].affiliations",
            "actor:a → actor:b → actor:a: these actors are affiliated with one another in a circle",
        )
    ]


def test_em301_affiliations_without_a_circle():
    government = Actor("US government", ActorKind.GOVERNMENT, id="actor:us-gov")
    state_dept = Actor("State Department", id="actor:state", affiliations=[Affiliation(government)])
    blinken = attrs.evolve(BLINKEN, affiliations=[Affiliation(state_dept, "Secretary of State")])
    assert Dossier([government, state_dept, blinken]).check().violations == ()


def test_em301_claims_that_supersede_and_retract_one_another_in_a_circle():
    a = report(losses(Quantity(16600)), STAFF, id="claim:a", supersedes=["claim:b"])
    b = report(losses(Quantity(16000)), STAFF, id="claim:b", retracts=["claim:a"])
    assert found(Dossier([ARTICLE, OUTLET, STAFF, a, b])) == [
        (
            "EM301",
            "error",
            "$.claims[0].supersedes",
            "claim:a → claim:b → claim:a: these claims supersede or retract one another in a circle",
        )
    ]


def test_em301_a_claim_that_retracts_itself_is_pointed_at_where_it_does():
    a = report(losses(Quantity(16600)), STAFF, id="claim:a", retracts=["claim:a"])
    assert found(Dossier([ARTICLE, OUTLET, STAFF, a])) == [
        (
            "EM301",
            "error",
            "$.claims[0].retracts",
            "claim:a → claim:a: these claims supersede or retract one another in a circle",
        ),
        ("EM601", "error", "$.claims[0].retracts[0]", "names the claim itself"),
    ]


def test_em301_a_circle_through_a_nested_claim_and_past_claims_that_supersede_nothing():
    plain = report(losses(Quantity(15000)), STAFF, id="claim:plain")
    nested = Claim(STAFF, losses(Quantity(16000)), id="claim:nested", retracts=["claim:a"])
    carrier = report(nested, id="claim:carrier")
    a = report(losses(Quantity(16600)), STAFF, id="claim:a", supersedes=["claim:plain", "claim:nested"])
    assert found(Dossier([ARTICLE, OUTLET, STAFF, plain, carrier, a]), disable={"EM401", "EM601"}) == [
        (
            "EM301",
            "error",
            "$.claims[1].content.retracts",
            "claim:nested → claim:a → claim:nested: these claims supersede or retract one another in a circle",
        )
    ]


# -- EM401 ----------------------------------------------------------------------------------------------


def _said_at(made_at, *, published=PUBLISHED, claimant=STAFF, content=None):
    source = attrs.evolve(ARTICLE, published=published)
    claim = report(content or losses(Quantity(16600)), claimant, source, made_at=made_at)
    return Dossier([source, OUTLET, STAFF, MINISTRY, RU_ARMY, claim])


def test_em401_a_claim_made_after_its_source_was_published():
    dossier = _said_at(When.parse("2022-04-01"))
    assert found(dossier) == [
        (
            "EM401",
            "error",
            "$.claims[0].made_at",
            "is 2022-04-01, after the source that reports it was published (2022-03-27)",
        )
    ]
    assert (
        dossier.check().violations[0].fix == "check both dates: a claim cannot be reported before it is made"
    )


@pytest.mark.parametrize(
    ("made_at", "published"),
    [
        ("2022-03", "2022-03-27"),  # the month holds the day
        ("2022-03-27", "2022-03"),
        ("2022-03-27", "2022-03-27"),
        ("2022-03-27T18:00+03:00", "2022-03-27"),  # a zone-less day may lie in any zone
        ("2022-03-28T01:00+03:00", "2022-03-27"),
        ("2022-03-26/2022-03-28", "2022-03-27"),
        ("2022-03-20/..", "2022-03-27"),
        ("2022-03-26", "2022-03-27"),
        ("2022~", "2022-03-27"),
    ],
)
def test_em401_times_that_may_overlap_are_not_flagged(made_at, published):
    assert _said_at(When.parse(made_at), published=When.parse(published)).check().violations == ()


@pytest.mark.parametrize(
    ("made_at", "published", "shown"),
    [
        ("2022-03-28", "2022-03-27", "2022-03-28"),
        ("2022-04", "2022-03-27", "2022-04"),
        ("2022-03-28T15:00Z", "2022-03-27", "2022-03-28T15:00Z"),
        ("2022-04-02/2022-04-05", "2022-03", "2022-04-02/2022-04-05"),
    ],
)
def test_em401_times_certainly_after_are_flagged(made_at, published, shown):
    dossier = _said_at(When.parse(made_at), published=When.parse(published))
    assert found(dossier) == [
        (
            "EM401",
            "error",
            "$.claims[0].made_at",
            f"is {shown}, after the source that reports it was published ({published})",
        )
    ]


def test_em401_a_source_without_publication_date_checks_nothing():
    assert _said_at(When.parse("2099-01-01"), published=None).check().violations == ()


def test_em401_the_first_dated_evidence_source_counts():
    undated = Source("news-article", id="src:undated")
    claim = report(
        losses(Quantity(16600)),
        STAFF,
        evidence=[cite(undated), cite(ARTICLE)],
        made_at=When.parse("2022-04-01"),
    )
    assert found(Dossier([undated, ARTICLE, OUTLET, STAFF, claim])) == [
        (
            "EM401",
            "error",
            "$.claims[0].made_at",
            "is 2022-04-01, after the source that reports it was published (2022-03-27)",
        )
    ]


def test_em401_a_nested_claim_made_after_the_claim_that_reports_it():
    source = attrs.evolve(ARTICLE, published=When.parse("2022-03-30"))
    inner = Claim(BLINKEN, REGIME_CHANGE, factuality="CT-", made_at=When.parse("2022-03-28"))
    outer = report(inner, source=source, made_at=When.parse("2022-03-27"))
    dossier = Dossier([source, OUTLET, BLINKEN, outer])
    assert found(dossier) == [
        (
            "EM401",
            "error",
            "$.claims[0].content.made_at",
            "is 2022-03-28, after the claim that reports it (2022-03-27)",
        )
    ]
    assert dossier.check().violations[0].fix == "check both dates: reported speech comes before its report"


def test_em401_a_nested_claim_within_the_time_of_its_report_is_not_flagged():
    inner = Claim(BLINKEN, REGIME_CHANGE, factuality="CT-", made_at=When.parse("2022-03"))
    outer = report(inner, made_at=When.parse("2022-03-27"))
    assert Dossier([ARTICLE, OUTLET, BLINKEN, outer]).check().violations == ()


def test_em401_a_nested_claim_made_after_its_source_was_published():
    # The article reports what Blinken said: he cannot have said it after it was published,
    # even when the article's own report carries no time of its own.
    inner = Claim(BLINKEN, REGIME_CHANGE, factuality="CT-", made_at=When.parse("2022-04-01"))
    dossier = Dossier([ARTICLE, OUTLET, BLINKEN, report(inner)])
    assert found(dossier) == [
        (
            "EM401",
            "error",
            "$.claims[0].content.made_at",
            "is 2022-04-01, after the source that reports it was published (2022-03-27)",
        )
    ]


def test_em401_a_source_derived_from_a_later_source():
    later = Source("news-article", id="src:later", published=When.parse("2022-03-28"))
    derived = Source("news-article", id="src:a", published=PUBLISHED, derived_from=["src:later"])
    assert found(Dossier([derived, later])) == [
        (
            "EM401",
            "error",
            "$.sources[0].derived_from[0]",
            "derives from 'src:later', published later (2022-03-28) than this source (2022-03-27)",
        )
    ]


@pytest.mark.parametrize(("parent", "child"), [("2022-03", "2022-03-27"), ("2022-03-27", "2022-03-27")])
def test_em401_a_source_derived_from_one_of_overlapping_time(parent, child):
    first = Source("news-article", id="src:first", published=When.parse(parent))
    derived = Source("news-article", id="src:a", published=When.parse(child), derived_from=[first])
    assert Dossier([first, derived]).check().violations == ()


def test_em401_retrieved_before_published():
    source = Source(
        "news-article", id="src:a", published=PUBLISHED, retrieved=datetime(2022, 3, 25, tzinfo=UTC)
    )
    assert found(Dossier([source])) == [
        (
            "EM401",
            "error",
            "$.sources[0].retrieved",
            "is 2022-03-25T00:00:00+00:00, before the source was published (2022-03-27)",
        )
    ]


@pytest.mark.parametrize(
    "retrieved",
    [
        datetime(2022, 3, 27, 12, tzinfo=UTC),
        # The zone-less publication day may have begun 14 hours earlier somewhere.
        datetime(2022, 3, 26, 12, tzinfo=UTC),
        datetime(2022, 4, 1, tzinfo=UTC),
    ],
)
def test_em401_retrieved_at_or_after_publication_is_not_flagged(retrieved):
    source = Source("news-article", id="src:a", published=PUBLISHED, retrieved=retrieved)
    assert Dossier([source]).check().violations == ()


def test_em401_a_relative_made_at_is_resolved_against_the_publication():
    # "Ukraine's General Staff, on Sunday, said ..." in an article of Sunday 27 March 2022.
    assert _said_at(Relative("on Sunday", Anchor.PUBLICATION)).check().violations == ()
    assert _said_at(Relative("yesterday", Anchor.PUBLICATION)).check().violations == ()
    dossier = _said_at(Relative("tomorrow", Anchor.PUBLICATION))
    assert found(dossier) == [
        (
            "EM401",
            "error",
            "$.claims[0].made_at",
            "is 2022-03-28, after the source that reports it was published (2022-03-27)",
        )
    ]


def test_em401_a_relative_made_at_already_resolved_is_checked_as_resolved():
    resolved = Relative("on Monday", Anchor.PUBLICATION, resolved=When.parse("2022-03-28"))
    assert found(_said_at(resolved)) == [
        (
            "EM401",
            "error",
            "$.claims[0].made_at",
            "is 2022-03-28, after the source that reports it was published (2022-03-27)",
        ),
        (
            "EM403",
            "warning",
            "$.claims[0].made_at.resolved",
            "is 2022-03-28, but 'on Monday' against its anchor, the publication of the claim's source, "
            "is 2022-03-21",
        ),
    ]


def test_em401_a_nested_relative_made_at_resolves_against_the_report_s_source():
    inner = Claim(STAFF, losses(Quantity(16600)), made_at=Relative("tomorrow", "publication"))
    outer = report(inner, made_at=When.parse("2022-03-27"))
    assert found(Dossier([ARTICLE, OUTLET, STAFF, outer])) == [
        (
            "EM401",
            "error",
            "$.claims[0].content.made_at",
            "is 2022-03-28, after the claim that reports it (2022-03-27)",
        )
    ]


def test_em401_an_outer_relative_made_at_is_resolved_too():
    inner = Claim(STAFF, losses(Quantity(16600)), made_at=When.parse("2022-03-27"))
    outer = report(inner, made_at=Relative("yesterday", "publication"))
    assert found(Dossier([ARTICLE, OUTLET, STAFF, outer])) == [
        (
            "EM401",
            "error",
            "$.claims[0].content.made_at",
            "is 2022-03-27, after the claim that reports it (2022-03-26)",
        )
    ]


def test_em401_a_made_at_relative_to_an_event():
    speech = report(
        Event("statement.speech", id="event:biden-warsaw-speech", when=When.parse("2022-03-26")), OUTLET
    )
    spoke = Claim(
        BLINKEN,
        REGIME_CHANGE,
        factuality="CT-",
        made_at=Relative("a day after", Anchor.to_event("event:biden-warsaw-speech")),
    )
    assert Dossier([ARTICLE, OUTLET, BLINKEN, speech, report(spoke)]).check().violations == ()
    too_late = attrs.evolve(spoke, made_at=Relative("two days after", "event:event:biden-warsaw-speech"))
    # Reported by an article published on the 27th, it cannot have been said on the 28th.
    assert found(Dossier([ARTICLE, OUTLET, BLINKEN, speech, report(too_late)])) == [
        (
            "EM401",
            "error",
            "$.claims[1].content.made_at",
            "is 2022-03-28, after the source that reports it was published (2022-03-27)",
        )
    ]
    outer = report(too_late, made_at=When.parse("2022-03-27"))
    assert found(Dossier([ARTICLE, OUTLET, BLINKEN, speech, outer])) == [
        (
            "EM401",
            "error",
            "$.claims[1].content.made_at",
            "is 2022-03-28, after the claim that reports it (2022-03-27)",
        )
    ]


# -- EM402 ----------------------------------------------------------------------------------------------


def test_em402_words_the_grammar_does_not_know():
    dossier = _said_at(Relative("at the weekend", Anchor.PUBLICATION))
    assert found(dossier) == [
        (
            "EM402",
            "warning",
            "$.claims[0].made_at",
            "'at the weekend' cannot be resolved against its anchor, the publication of the claim's source",
        )
    ]
    assert dossier.check().ok


def test_em402_the_fix_for_unknown_words_does_not_blame_the_anchor():
    # The anchor is a day; the words are what cannot be read.
    (violation,) = _said_at(Relative("at the weekend", Anchor.PUBLICATION)).check()
    assert violation.fix is not None
    assert "precision" not in violation.fix


def test_em402_no_publication_to_resolve_against():
    dossier = _said_at(Relative("on Sunday", Anchor.PUBLICATION), published=None)
    assert found(dossier) == [
        (
            "EM402",
            "warning",
            "$.claims[0].made_at",
            "'on Sunday' cannot be resolved against its anchor, the publication of the claim's source",
        )
    ]
    assert (
        dossier.check().violations[0].fix
        == "give the anchor a time at day precision or finer, or resolve the words by hand"
    )


def test_em402_a_publication_too_coarse_for_the_words():
    dossier = _said_at(Relative("on Sunday", Anchor.PUBLICATION), published=When.parse("2022-03"))
    assert found(dossier) == [
        (
            "EM402",
            "warning",
            "$.claims[0].made_at",
            "'on Sunday' cannot be resolved against its anchor, the publication of the claim's source",
        )
    ]


def test_em402_an_event_time_relative_to_the_claim_s_made_at():
    event = Event("attack.shelling", id="event:x", when=Relative("earlier in the day", Anchor.MADE_AT))
    assert _said_at(When.parse("2022-03-27"), content=event, claimant=MINISTRY).check().violations == ()
    dossier = _said_at(None, content=event, claimant=MINISTRY)
    assert found(dossier) == [
        (
            "EM402",
            "warning",
            "$.claims[0].content.when",
            "'earlier in the day' cannot be resolved against its anchor, the time the claim was made (made_at)",
        )
    ]


def test_em402_an_event_time_relative_to_a_relative_made_at():
    # "The General Staff, on Sunday, said ... earlier in the day": made_at resolves against
    # the publication, and the event's time against made_at.
    event = Event("attack.shelling", id="event:x", when=Relative("earlier in the day", Anchor.MADE_AT))
    dossier = _said_at(Relative("on Sunday", Anchor.PUBLICATION), content=event, claimant=MINISTRY)
    assert dossier.check().violations == ()


def test_em402_an_event_time_relative_to_the_publication():
    event = Event("attack.shelling", id="event:x", when=Relative("yesterday", Anchor.PUBLICATION))
    assert _said_at(None, content=event, claimant=MINISTRY).check().violations == ()


def _conference_and_speech(conference_when=None):
    """Blinken's news conference "on Sunday", Biden's speech "a day before" it."""
    conference = Event(
        "statement.press-conference",
        id="event:blinken-jerusalem",
        when=conference_when or Relative("on Sunday", Anchor.PUBLICATION),
    )
    speech = Event(
        "statement.speech",
        id="event:biden-warsaw",
        when=Relative("a day before", Anchor.to_event("event:blinken-jerusalem")),
    )
    return Dossier(
        [
            ARTICLE,
            OUTLET,
            report(conference, id="claim:conference"),
            report(
                Claim(
                    BLINKEN,
                    speech,
                    made_at=Relative("the day after", Anchor.to_event("event:biden-warsaw")),
                    id="claim:speech-inner",
                ),
                id="claim:speech",
            ),
            BLINKEN,
        ]
    )


def test_relative_times_anchored_on_relative_times_resolve_in_turn():
    dossier = _conference_and_speech()
    assert dossier.check().violations == ()
    resolved = dossier.resolve_times()
    conference = resolved["claim:conference"].content.when
    inner = resolved["claim:speech"].content
    assert (conference.text, conference.anchor, conference.resolved) == (
        "on Sunday",
        Anchor.PUBLICATION,
        When.parse("2022-03-27"),
    )
    assert inner.content.when == Relative(
        "a day before", Anchor.to_event("event:blinken-jerusalem"), resolved=When.parse("2022-03-26")
    )
    # Three steps: the publication, the conference, the speech.
    assert inner.made_at.resolved == When.parse("2022-03-27")


def test_resolve_times_keeps_ids_words_and_everything_else():
    dossier = _conference_and_speech()
    resolved = dossier.resolve_times()
    assert [claim.id for claim in resolved.claims] == ["claim:conference", "claim:speech"]
    assert resolved.actors == dossier.actors
    assert resolved.sources == dossier.sources
    assert resolved != dossier
    assert resolved.resolve_times() == resolved
    assert [s.claim.id for s in resolved.claims_during(When.parse("2022-03-26"))] == ["claim:speech-inner"]
    # Unresolved, both times may be any time.
    assert sorted(s.claim.id for s in dossier.claims_during(When.parse("2022-03-26"))) == [
        "claim:conference",
        "claim:speech-inner",
    ]


def test_resolve_times_of_a_dossier_without_relative_times_is_equal_to_it():
    dossier = worked_example()
    assert dossier.resolve_times() == dossier
    assert all(new is old for new, old in zip(dossier.resolve_times().claims, dossier.claims, strict=True))


def test_relative_times_anchored_in_a_circle_stay_unresolved():
    dossier = _conference_and_speech(
        conference_when=Relative("the day after", Anchor.to_event("event:biden-warsaw"))
    )
    assert found(dossier) == [
        (
            "EM402",
            "warning",
            "$.claims[0].content.when",
            "'the day after' cannot be resolved against its anchor, the time of event:biden-warsaw",
        ),
        (
            "EM402",
            "warning",
            "$.claims[1].content.made_at",
            "'the day after' cannot be resolved against its anchor, the time of event:biden-warsaw",
        ),
        (
            "EM402",
            "warning",
            "$.claims[1].content.content.when",
            "'a day before' cannot be resolved against its anchor, the time of event:blinken-jerusalem",
        ),
    ]
    resolved = dossier.resolve_times()
    assert resolved == dossier


# -- EM501 ----------------------------------------------------------------------------------------------

MINISTRY_PARAGRAPH = (
    "The Interior Ministry of Ukraine meanwhile noted that the Russian military used prohibited cluster "
    'ammunition containers of the type "Tornado-S" on the residential sector of Krasnogorovka, Donetsk '
    'region. "The enemy fired from Tornado-S multiple rocket launchers at a residential neighbourhood of '
    "Krasnohorivka. Russian troops used banned cluster munitions. The munitions fell in the middle of the "
    'streets of the private sector. Currently, the police have surrounded the dangerous area," the ministry '
    "revealed in a statement. West has warned that Kremlin has switched to attrition warfare and could "
    "deploy nuclear weapons as it continues to suffer huge losses."
)
STAFF_PARAGRAPH = (
    "Moreover, Ukraine’s General Staff of the Armed Forces, on Sunday, said that the Russian military has "
    "lost 16,600 personnel and 582 tanks ever since the onset of the Russia-Ukraine war.1,664 armoured "
    "personnel vehicles, 52 anti-aircraft warfare systems, 7 boats, 4 mobile SRBM systems were amongst other "
    "losses of the Kremlin troops. This comes as western intelligence reports stated that Russians were "
    "struggling to cope up with combat losses and bolstered Ukrainian resistance which was now preventing "
    "their advances towards Kyiv."
)
BLINKEN_PARAGRAPH = (
    "Amidst the ongoing war, Secretary of State Antony Blinken says the U.S. is not trying to topple Russian "
    "President Vladimir Putin, despite its harsh condemnations of Russia’s invasion of Ukraine. Blinken "
    "spoke a day after President Joe Biden said of Putin during a speech in Warsaw: “For God’s sake, this "
    "man cannot remain in power.” At a news conference in Jerusalem, Blinken said Biden’s point was that "
    '“Putin cannot be empowered to wage war or engage in aggression against Ukraine or anyone else."'
)
ARTICLE_TEXT = "\n\n".join([MINISTRY_PARAGRAPH, STAFF_PARAGRAPH, BLINKEN_PARAGRAPH])
TEXTED = attrs.evolve(ARTICLE, text=ARTICLE_TEXT)
CLUSTER_QUOTE = "Russian troops used banned cluster munitions."


def _quoted(*evidence, nested=False):
    content = Claim(MINISTRY, SHELLING, evidence=evidence) if nested else SHELLING
    claim = report(
        content, MINISTRY if not nested else OUTLET, evidence=[cite(TEXTED)] if nested else evidence
    )
    return Dossier([TEXTED, *CAST, claim])


def test_em501_a_quote_found_in_the_text_with_its_span():
    start = ARTICLE_TEXT.index(CLUSTER_QUOTE)
    span = TextSpan(start, start + len(CLUSTER_QUOTE))
    assert _quoted(cite(TEXTED, quote=TextQuote(CLUSTER_QUOTE), span=span)).check().violations == ()
    assert _quoted(cite(TEXTED, quote=TextQuote(CLUSTER_QUOTE))).check().violations == ()
    assert _quoted(cite(TEXTED, span=span)).check().violations == ()
    assert _quoted(cite(TEXTED)).check().violations == ()


def test_em501_a_quote_not_found_in_the_text():
    # The article writes "Ukraine’s" with a typographic apostrophe.
    quote = TextQuote("Ukraine's General Staff of the Armed Forces")
    dossier = _quoted(cite(TEXTED, quote=quote))
    assert found(dossier) == [
        (
            "EM501",
            "error",
            "$.claims[0].evidence[0].quote",
            "is not found in the text of 'src:republicworld-2022-03-27': "
            '"Ukraine\'s General Staff of the Armed Forces"',
        )
    ]
    assert (
        dossier.check().violations[0].fix
        == "copy the words exactly as the source has them, typographic quotes included"
    )


def test_em501_a_long_quote_is_shortened_in_the_message():
    quote = TextQuote("The enemy fired from Tornado-S multiple rocket launchers at a residential district")
    (violation,) = _quoted(cite(TEXTED, quote=quote)).check()
    assert violation.message == (
        "is not found in the text of 'src:republicworld-2022-03-27': "
        "'The enemy fired from Tornado-S multiple rocket launchers at '"
    )


def test_em501_the_prefix_and_suffix_must_match_too():
    good = TextQuote("cluster munitions", prefix="used banned ", suffix=". The munitions")
    assert _quoted(cite(TEXTED, quote=good)).check().violations == ()
    bad = TextQuote("cluster munitions", prefix="used prohibited ")
    assert [(v.rule, v.path) for v in _quoted(cite(TEXTED, quote=bad)).check()] == [
        ("EM501", "$.claims[0].evidence[0].quote")
    ]


def test_em501_a_span_that_does_not_point_at_its_quote():
    start = ARTICLE_TEXT.index(CLUSTER_QUOTE)
    wrong = TextSpan(start + 5, start + 5 + len(CLUSTER_QUOTE))
    dossier = _quoted(cite(TEXTED, quote=TextQuote(CLUSTER_QUOTE), span=wrong))
    assert found(dossier) == [
        (
            "EM501",
            "error",
            "$.claims[0].evidence[0].span",
            f"points at {ARTICLE_TEXT[start + 5 : start + 5 + len(CLUSTER_QUOTE)]!r}, "
            f"not at the quote (which starts at {start})",
        )
    ]
    assert dossier.check().violations[0].fix == f"use TextSpan({start}, {start + len(CLUSTER_QUOTE)})"


def test_em501_the_fix_names_the_span_the_prefix_picks_out():
    # "Putin" occurs several times; the prefix and suffix pick out the one in Blinken's words, and
    # a span at another "Putin" points at other words than the quote.
    first = ARTICLE_TEXT.index("Putin")
    wanted = ARTICLE_TEXT.index("Putin cannot be empowered")
    assert first < wanted
    quote = TextQuote("Putin", prefix="was that “", suffix=" cannot be empowered")
    dossier = _quoted(cite(TEXTED, quote=quote, span=TextSpan(first, first + 5)))
    assert [(v.path, v.message, v.fix) for v in dossier.check()] == [
        (
            "$.claims[0].evidence[0].span",
            f"points at 'Putin', not at the quote (which starts at {wanted})",
            f"use TextSpan({wanted}, {wanted + 5})",
        )
    ]
    assert _quoted(cite(TEXTED, quote=quote, span=TextSpan(wanted, wanted + 5))).check().violations == ()


def test_em501_a_span_past_the_end_of_the_text():
    end = len(ARTICLE_TEXT)
    assert _quoted(cite(TEXTED, span=TextSpan(end - 10, end))).check().violations == ()
    dossier = _quoted(cite(TEXTED, span=TextSpan(end - 10, end + 1)))
    assert found(dossier) == [
        (
            "EM501",
            "error",
            "$.claims[0].evidence[0].span",
            f"ends at {end + 1}, past the end of the text ({end})",
        )
    ]
    assert dossier.check().violations[0].fix == "check the span"


def test_em501_nested_evidence_is_checked_too():
    dossier = _quoted(cite(TEXTED, quote=TextQuote("cluster bombs")), nested=True)
    assert found(dossier) == [
        (
            "EM501",
            "error",
            "$.claims[0].content.evidence[0].quote",
            "is not found in the text of 'src:republicworld-2022-03-27': 'cluster bombs'",
        )
    ]


def test_em501_sources_without_text_are_not_checked():
    claim = report(
        SHELLING, MINISTRY, evidence=[cite(quote=TextQuote("words nowhere"), span=TextSpan(9000, 9013))]
    )
    assert Dossier([ARTICLE, *CAST, claim]).check().violations == ()


def test_em501_quotes_in_a_missing_source_are_left_to_em201():
    claim = report(SHELLING, MINISTRY, evidence=[cite("src:missing", quote=TextQuote("x"))])
    assert [v.rule for v in Dossier([*CAST, claim]).check()] == ["EM201"]


# -- EM601 ----------------------------------------------------------------------------------------------


def _retraction(target_made_at, made_at, *, name="retracts"):
    target = report(losses(Quantity(16600)), STAFF, id="claim:first", made_at=target_made_at)
    later = report(
        losses(Quantity(16000)), STAFF, id="claim:second", made_at=made_at, **{name: ["claim:first"]}
    )
    return Dossier([ARTICLE, OUTLET, STAFF, target, later])


@pytest.mark.parametrize("name", ["retracts", "supersedes"])
def test_em601_an_earlier_claim_may_be_retracted_or_superseded(name):
    dossier = _retraction(When.parse("2022-03-26"), When.parse("2022-03-27"), name=name)
    assert dossier.check().violations == ()


@pytest.mark.parametrize("name", ["retracts", "supersedes"])
def test_em601_naming_a_later_claim(name):
    dossier = _retraction(When.parse("2022-03-27"), When.parse("2022-03-20"), name=name)
    assert found(dossier) == [
        (
            "EM601",
            "error",
            f"$.claims[1].{name}[0]",
            "names 'claim:first', made later (2022-03-27) than this claim (2022-03-20)",
        )
    ]
    assert dossier.check().violations[0].fix == "a claim can only supersede or retract an earlier one"


@pytest.mark.parametrize(
    ("target", "made_at"),
    [
        ("2022-03-27", "2022-03"),
        ("2022-03", "2022-03-20"),
        ("2022-03-27", "2022-03-27"),
        (None, "2022-03-20"),
    ],
)
def test_em601_times_that_may_overlap_are_not_flagged(target, made_at):
    target_time = None if target is None else When.parse(target)
    assert _retraction(target_time, When.parse(made_at)).check().violations == ()


def test_em601_naming_itself():
    claim = report(losses(Quantity(16600)), STAFF, id="claim:a", supersedes=["claim:a"])
    violations = Dossier([ARTICLE, OUTLET, STAFF, claim]).check()
    assert [(v.rule, v.path, v.message, v.fix) for v in violations if v.rule == "EM601"] == [
        ("EM601", "$.claims[0].supersedes[0]", "names the claim itself", "name the earlier claim")
    ]


def test_em601_the_retracting_claim_s_relative_made_at_is_resolved():
    dossier = _retraction(When.parse("2022-03-27"), Relative("last Sunday", "publication"))
    assert found(dossier) == [
        (
            "EM601",
            "error",
            "$.claims[1].retracts[0]",
            "names 'claim:first', made later (2022-03-27) than this claim (2022-03-20)",
        )
    ]


def test_em601_the_retracted_claim_s_relative_made_at_is_resolved():
    # The first claim was made "on Sunday" (27 March, the article's day); the second, made on
    # 20 March, cannot retract it.
    dossier = _retraction(Relative("on Sunday", "publication"), When.parse("2022-03-20"))
    assert found(dossier) == [
        (
            "EM601",
            "error",
            "$.claims[1].retracts[0]",
            "names 'claim:first', made later (2022-03-27) than this claim (2022-03-20)",
        )
    ]


# == the report and check() ============================================================================


def _broken():
    """One error of EM101, one of EM201, and one warning of EM202."""
    return Dossier(
        [ARTICLE, OUTLET, MINISTRY, report(SHELLING, MINISTRY), Claim("actor:ghost", REGIME_CHANGE)]
    )


def test_report_ok_errors_warnings_and_iteration():
    result = _broken().check()
    assert isinstance(result, Report)
    assert not result.ok
    assert [v.rule for v in result.errors] == ["EM101", "EM201"]
    assert [v.rule for v in result.warnings] == ["EM202"]
    assert list(result) == [*result.errors, *result.warnings]
    assert len(result) == 3
    assert all(isinstance(v, Violation) for v in result)


def test_report_str():
    assert str(_broken().check()) == "\n".join(
        [
            "error EM101 $.claims[1].evidence: has no evidence: a top-level claim must point at where it was "
            "seen. Fix: add Evidence(source, quote=TextQuote(...)) naming a source in the dossier",
            "error EM201 $.claims[1].claimant: refers to 'actor:ghost', which is not in the dossier. "
            "Fix: add the actor 'actor:ghost', or correct the id",
            "warning EM202 $.claims[0].content.participants[0].actor: refers to 'actor:ru-armed-forces', "
            "which is not an actor in the dossier. Fix: add the actor",
            "2 errors, 1 warnings",
        ]
    )


def test_violation_str_without_a_fix():
    assert str(Violation("X1", Severity.WARNING, "$.actors[0]", "is odd")) == "warning X1 $.actors[0]: is odd"


def test_check_strict_raises_for_the_first_error():
    with pytest.raises(ProvenanceError) as raised:
        _broken().check(strict=True)
    error = raised.value
    assert str(error) == (
        "$.claims[1].evidence: breaks rule EM101: has no evidence: a top-level claim must point at where it "
        "was seen (and 1 more). Fix: add Evidence(source, quote=TextQuote(...)) naming a source in the dossier"
    )
    assert error.path == "$.claims[1].evidence"
    assert error.fix == "add Evidence(source, quote=TextQuote(...)) naming a source in the dossier"


def test_check_strict_with_a_single_error_says_no_more():
    dossier = Dossier([Claim(None, REGIME_CHANGE)])
    with pytest.raises(ProvenanceError) as raised:
        dossier.check(strict=True)
    assert raised.value.reason == (
        "breaks rule EM101: has no evidence: a top-level claim must point at where it was seen"
    )


def test_check_strict_names_the_rule_that_failed():
    dossier = _said_at(When.parse("2022-04-01"))
    with pytest.raises(ProvenanceError, match=r"breaks rule EM401: is 2022-04-01, after the source"):
        dossier.check(strict=True)


def test_check_strict_passes_with_warnings_only():
    dossier = Dossier([ARTICLE, OUTLET, MINISTRY, report(SHELLING, MINISTRY)])
    result = dossier.check(strict=True)
    assert result.ok
    assert [v.rule for v in result] == ["EM202"]
    with pytest.raises(ProvenanceError, match="breaks rule EM202"):
        result.raise_for_errors(warnings=True)
    result.raise_for_errors()


def test_check_disable_skips_rules():
    result = _broken().check(disable={"EM101"})
    assert "EM101" not in result.rules
    assert [v.rule for v in result] == ["EM201", "EM202"]
    result = _broken().check(disable=["EM101", "EM201", "EM202"])
    assert result.ok
    assert result.violations == ()
    assert result.rules == ("EM301", "EM401", "EM402", "EM403", "EM501", "EM601")


def test_check_disable_takes_a_single_id_too():
    # A lone id is a string, itself an iterable of strings: it must not be read letter by letter.
    result = _broken().check(disable="EM101")
    assert "EM101" not in result.rules
    assert [v.rule for v in result] == ["EM201", "EM202"]


def test_check_with_no_rules():
    result = _broken().check(rules=[])
    assert result.ok
    assert str(result) == "ok: 0 rules, no violations"


def test_check_with_chosen_rules():
    only_refs = [rule for rule in DEFAULT_RULES if rule.id == "EM201"]
    result = _broken().check(rules=only_refs)
    assert result.rules == ("EM201",)
    assert [v.rule for v in result] == ["EM201"]


def _titles(dossier):
    for index, source in enumerate(dossier.sources):
        if source.title is None:
            yield TITLES.violation(f"$.sources[{index}].title", "has no title", "add its headline", source.id)


TITLES = Rule("X100", Severity.WARNING, "every source has a title", _titles)


def _no_rumours(dossier):
    for index, claim in enumerate(dossier.claims):
        if claim.claimant is None:
            yield Violation("X200", Severity.ERROR, f"$.claims[{index}].claimant", "is unattributed")


def test_a_user_defined_rule():
    dossier = Dossier([ARTICLE, OUTLET, report(Event("annexation", id="event:a"), None, factuality="PS+")])
    result = dossier.check(
        rules=[TITLES, *DEFAULT_RULES, Rule("X200", Severity.ERROR, "no rumours", _no_rumours)]
    )
    assert result.rules == ("X100", *(rule.id for rule in DEFAULT_RULES), "X200")
    # Errors first, whatever order the rules ran in.
    assert [(v.rule, v.severity, v.path, v.message, v.fix, v.subject) for v in result] == [
        ("X200", Severity.ERROR, "$.claims[0].claimant", "is unattributed", None, None),
        ("X100", Severity.WARNING, "$.sources[0].title", "has no title", "add its headline", ARTICLE.id),
    ]
    assert not result.ok
    assert dossier.check(rules=[TITLES, *DEFAULT_RULES], disable={"X100"}).violations == ()
    with pytest.raises(ProvenanceError, match="breaks rule X200: is unattributed"):
        dossier.check(
            rules=[*DEFAULT_RULES, Rule("X200", Severity.ERROR, "no rumours", _no_rumours)], strict=True
        )


def test_a_rule_takes_its_severity_as_text_like_every_other_enum():
    # Source("news-article"), Claim(speech_act="denies"), Affiliation ...: values are read as text.
    rule = Rule("X200", "error", "no rumours", _no_rumours)
    assert rule.severity is Severity.ERROR


def test_rules_are_values():
    assert Rule("X100", Severity.WARNING, "every source has a title", lambda dossier: ()) == TITLES
    assert TITLES.violation("$", "m") == Violation("X100", Severity.WARNING, "$", "m")


# == the analyses ========================================================================================


def test_chain_of_the_worked_example():
    dossier = worked_example()
    hops = dossier.chain(REPORTED)
    assert [hop.claimant for hop in hops] == [
        "actor:republic-world",
        "actor:antony-blinken",
        "actor:joe-biden",
    ]
    assert [hop.speech_act for hop in hops] == [SpeechAct.REPORTS, SpeechAct.INTERPRETS, SpeechAct.STATES]
    assert [hop.factuality for hop in hops] == [Factuality.CT_PLUS] * 3
    assert [hop.composed for hop in hops] == [Factuality.CT_PLUS] * 3
    assert [hop.made_at for hop in hops] == [None, When.parse("2022-03-27"), None]
    assert [hop.evidence for hop in hops] == [REPORTED.evidence, (), ()]
    assert [hop.depth for hop in hops] == [1, 2, 3]
    assert [hop.claim for hop in hops] == [REPORTED, BLINKEN_SAID, BIDEN_MEANT]
    assert dossier.chain(REPORTED.id) == hops


def test_chain_composes_factuality_hop_by_hop():
    source_says = Claim(WITNESS_A, SHELLING, factuality="PS-")
    ministry_says = Claim(MINISTRY, source_says, factuality="PR+", speech_act="reports")
    outer = report(ministry_says, speech_act="reports")
    hops = Dossier([ARTICLE, *CAST, outer]).chain(outer)
    assert [str(hop.factuality) for hop in hops] == ["CT+", "PR+", "PS-"]
    assert [str(hop.composed) for hop in hops] == ["CT+", "PR+", "PS-"]
    denied = report(ministry_says, speech_act="denies", factuality="CT-")
    hops = Dossier([ARTICLE, *CAST, denied]).chain(denied)
    assert [str(hop.composed) for hop in hops] == ["CT-", "Uu", "Uu"]


def test_chain_from_a_nested_claim_by_id():
    dossier = worked_example()
    hops = dossier.chain(BLINKEN_SAID.id)
    assert [hop.claimant for hop in hops] == ["actor:antony-blinken", "actor:joe-biden"]
    assert [hop.depth for hop in hops] == [1, 2]


def test_chain_of_an_unknown_id():
    with pytest.raises(UnresolvedReferenceError) as raised:
        worked_example().chain("claim:nope")
    assert str(raised.value) == "Dossier.claim: is not the id of a claim in the dossier, got 'claim:nope'"
    assert isinstance(raised.value, LookupError)
    with pytest.raises(UnresolvedReferenceError):
        worked_example().origin(OUTLET.id)


def test_origin():
    dossier = worked_example()
    assert dossier.origin(REPORTED) == BIDEN_MEANT
    assert dossier.origin(REPORTED.id) == BIDEN_MEANT
    assert dossier.origin(BLINKEN_SAID.id) == BIDEN_MEANT
    assert dossier.origin(BIDEN_MEANT.id) == BIDEN_MEANT
    direct = report(SHELLING, MINISTRY)
    assert Dossier([ARTICLE, MINISTRY, direct]).origin(direct) is direct


def test_perspective_of_an_actor_relayed_by_two_reports():
    dossier, ministry_says, first, second, *_ = _relayed_dossier()
    statements = dossier.perspective(MINISTRY)
    assert [(s.claim, s.report, s.depth) for s in statements] == [
        (ministry_says, first, 2),
        (ministry_says, second, 2),
    ]
    # What the ministry asserts, as each outlet carries it: the second outlet hedges.
    assert [str(s.composed) for s in statements] == ["CT+", "PR+"]
    assert [[hop.claimant for hop in s.hops] for s in statements] == [
        [OUTLET.id, MINISTRY.id],
        [OTHER_OUTLET.id, MINISTRY.id],
    ]
    assert dossier.perspective(MINISTRY.id) == statements
    assert [s.claim.content for s in dossier.perspective(BLINKEN)] == [REGIME_CHANGE]
    assert [s.depth for s in dossier.perspective(OUTLET)] == [1]
    assert dossier.perspective(BIDEN) == ()


def test_perspective_of_nobody_is_what_was_reported():
    dossier, *_, rumour = _relayed_dossier()
    assert [(s.claim, str(s.composed)) for s in dossier.perspective(None)] == [(rumour, "PS+")]


# -- compose_factuality ----------------------------------------------------------------------------------

CODES = ("CT+", "PR+", "PS+", "CT-", "PR-", "PS-", "CTu", "Uu")

# The rule, stated as a table: rows are the outer (reporting) claim's factuality, columns the inner
# claim's, in the order of CODES. A report that does not positively commit passes nothing on (Uu);
# otherwise the weaker certainty and the inner polarity, and an unknown polarity survives only at
# certainty (FactBank has no PRu or PSu).
COMPOSED = {
    "CT+": ("CT+", "PR+", "PS+", "CT-", "PR-", "PS-", "CTu", "Uu"),
    "PR+": ("PR+", "PR+", "PS+", "PR-", "PR-", "PS-", "Uu", "Uu"),
    "PS+": ("PS+", "PS+", "PS+", "PS-", "PS-", "PS-", "Uu", "Uu"),
    "CT-": ("Uu",) * 8,
    "PR-": ("Uu",) * 8,
    "PS-": ("Uu",) * 8,
    "CTu": ("Uu",) * 8,
    "Uu": ("Uu",) * 8,
}


@pytest.mark.parametrize("outer", CODES)
@pytest.mark.parametrize("inner", CODES)
def test_compose_factuality_over_every_pair(outer, inner):
    expected = COMPOSED[outer][CODES.index(inner)]
    assert str(compose_factuality(Factuality.parse(outer), Factuality.parse(inner))) == expected


@pytest.mark.parametrize(
    ("outer", "inner", "composed"),
    [
        ("CT+", "PS+", "PS+"),  # a "may" relayed with certainty is still a "may"
        ("PR+", "CT+", "PR+"),  # a certainty relayed as probable is probable
        ("CT-", "CT+", "Uu"),  # a denied report commits to nothing about its content
        ("Uu", "CT+", "Uu"),
        ("CT+", "CT-", "CT-"),  # a denial relayed with certainty
        ("PR+", "PS-", "PS-"),
        ("CT+", "CTu", "CTu"),
        ("PR+", "CTu", "Uu"),
        ("CTu", "CT+", "Uu"),
        ("CT+", "Uu", "Uu"),
    ],
)
def test_compose_factuality_named_cases(outer, inner, composed):
    assert compose_factuality(Factuality.parse(outer), Factuality.parse(inner)) == Factuality.parse(composed)


def test_compose_factuality_composes_along_chains_of_any_length():
    factualities = [Factuality.parse(code) for code in ("CT+", "PR+", "CT+", "PS-")]
    claim = Claim(WITNESS_A, SHELLING, factuality=factualities[-1])
    for factuality in reversed(factualities[:-1]):
        claim = Claim(OUTLET, claim, factuality=factuality)
    outer = attrs.evolve(claim, evidence=[cite()])
    hops = Dossier([ARTICLE, *CAST, outer]).chain(outer)
    assert [str(hop.composed) for hop in hops] == ["CT+", "PR+", "PR+", "PS-"]


# -- corroboration ---------------------------------------------------------------------------------------


def test_two_articles_relaying_one_ministry_statement_are_one_origin():
    dossier, _ministry_says, first, second, *_ = _relayed_dossier()
    result = dossier.corroboration(SHELLING.id)
    assert result.event_id == SHELLING.id
    assert result.reports == (first, second)
    assert result.raw_count == 2
    assert result.independent_count == 1
    assert result.circular
    (origin,) = result.origins
    assert origin.claimant == MINISTRY.id
    assert origin.reports == (first, second)
    assert origin.circular
    assert origin.why == ("same original speaker actor:ua-interior-ministry",)
    assert dossier.corroboration(SHELLING) == result


def test_two_eyewitnesses_are_two_origins():
    first = report(SHELLING, WITNESS_A)
    second = report(attrs.evolve(SHELLING, description="rockets hit the street"), WITNESS_B)
    dossier = Dossier([ARTICLE, *CAST, first, second])
    result = dossier.corroboration(SHELLING.id)
    assert result.raw_count == 2
    assert result.independent_count == 2
    assert not result.circular
    assert [(o.claimant, o.reports, o.circular) for o in result.origins] == [
        (WITNESS_A.id, (first,), False),
        (WITNESS_B.id, (second,), False),
    ]


def test_a_nested_and_a_direct_report_of_one_speaker_are_one_origin():
    statement = Source(
        SourceKind.OFFICIAL_STATEMENT, id="src:mvs-statement", published=When.parse("2022-03-26")
    )
    direct = report(SHELLING, MINISTRY, statement)
    relayed = report(Claim(MINISTRY, SHELLING), OUTLET)
    witness = report(SHELLING, WITNESS_A)
    dossier = Dossier([statement, ARTICLE, *CAST, direct, relayed, witness])
    result = dossier.corroboration(SHELLING.id)
    assert (result.raw_count, result.independent_count) == (3, 2)
    assert [(o.claimant, o.reports) for o in result.origins] == [
        (MINISTRY.id, (direct, relayed)),
        (WITNESS_A.id, (witness,)),
    ]


def test_a_report_in_a_derived_source_with_the_same_speaker_is_the_same_origin():
    statement = Source(
        SourceKind.OFFICIAL_STATEMENT, id="src:mvs-statement", published=When.parse("2022-03-26")
    )
    derived = attrs.evolve(ARTICLE, derived_from=[statement])
    direct = report(SHELLING, MINISTRY, statement)
    relayed = report(Claim(MINISTRY, SHELLING), OUTLET, derived)
    dossier = Dossier([statement, derived, *CAST, direct, relayed])
    result = dossier.corroboration(SHELLING.id)
    assert (result.raw_count, result.independent_count) == (2, 1)
    (origin,) = result.origins
    assert origin.claimant == MINISTRY.id
    assert origin.circular
    assert set(origin.why) == {
        "same original speaker actor:ua-interior-ministry",
        "src:republicworld-2022-03-27 derives from src:mvs-statement",
    }


def test_a_different_speaker_in_a_derived_source_is_another_origin():
    statement = Source(
        SourceKind.OFFICIAL_STATEMENT, id="src:mvs-statement", published=When.parse("2022-03-26")
    )
    derived = attrs.evolve(ARTICLE, derived_from=[statement])
    direct = report(SHELLING, MINISTRY, statement)
    witness = report(SHELLING, WITNESS_A, derived)
    dossier = Dossier([statement, derived, *CAST, direct, witness])
    result = dossier.corroboration(SHELLING.id)
    assert (result.raw_count, result.independent_count, result.circular) == (2, 2, False)


def test_an_unattributed_report_in_a_derived_source_echoes_one_origin_only():
    derived = Source(
        SourceKind.NEWS_ARTICLE, id="src:aggregator", published=PUBLISHED, derived_from=[ARTICLE]
    )
    ministry = report(Claim(MINISTRY, SHELLING), OUTLET)
    witness = report(SHELLING, WITNESS_A)
    rumour = report(SHELLING, None, derived, speech_act="reports")
    dossier = Dossier([ARTICLE, derived, *CAST, ministry, witness, rumour])
    result = dossier.corroboration(SHELLING.id)
    assert result.raw_count == 3
    assert result.independent_count == 2
    sizes = sorted(len(origin.reports) for origin in result.origins)
    assert sizes == [1, 2]
    echo = result.origins[0]
    assert rumour in echo.reports
    assert echo.circular
    assert echo.why == ("src:aggregator derives from src:republicworld-2022-03-27",)
    assert echo.claimant in {MINISTRY.id, WITNESS_A.id}


def test_an_unattributed_report_in_a_derived_source_of_one_origin():
    derived = Source(
        SourceKind.NEWS_ARTICLE, id="src:aggregator", published=PUBLISHED, derived_from=[ARTICLE]
    )
    ministry = report(Claim(MINISTRY, SHELLING), OUTLET)
    rumour = report(SHELLING, None, derived, speech_act="reports")
    result = Dossier([ARTICLE, derived, *CAST, ministry, rumour]).corroboration(SHELLING.id)
    assert (result.raw_count, result.independent_count) == (2, 1)
    assert result.origins[0].claimant == MINISTRY.id
    assert result.origins[0].reports == (ministry, rumour)


def test_unattributed_reports_in_unrelated_sources_are_origins_of_their_own():
    first = report(SHELLING, None)
    second = report(SHELLING, None, OTHER_ARTICLE)
    result = Dossier([ARTICLE, OTHER_ARTICLE, *CAST, first, second]).corroboration(SHELLING.id)
    assert (result.raw_count, result.independent_count, result.circular) == (2, 2, False)
    assert [o.claimant for o in result.origins] == [None, None]


def test_unattributed_reports_in_sources_derived_from_a_common_source_are_one_origin():
    # Two articles rewritten from one wire story, each saying "it was reported that ...":
    # their sources derive from a common source, so they are one origin.
    wire = Source(SourceKind.NEWS_ARTICLE, id="src:wire", published=PUBLISHED)
    first_article = attrs.evolve(ARTICLE, derived_from=[wire])
    second_article = attrs.evolve(OTHER_ARTICLE, derived_from=[wire])
    first = report(SHELLING, None, first_article)
    second = report(SHELLING, None, second_article)
    dossier = Dossier([wire, first_article, second_article, *CAST, first, second])
    result = dossier.corroboration(SHELLING.id)
    assert result.raw_count == 2
    assert result.independent_count == 1
    assert result.circular


def test_a_lone_report_gives_no_reason_for_sharing_an_origin():
    statement = Source(
        SourceKind.OFFICIAL_STATEMENT, id="src:mvs-statement", published=When.parse("2022-03-26")
    )
    derived = attrs.evolve(ARTICLE, derived_from=[statement])
    lone = report(SHELLING, MINISTRY, evidence=[cite(derived), cite(statement)])
    result = Dossier([statement, derived, *CAST, lone]).corroboration(SHELLING.id)
    (origin,) = result.origins
    assert origin.reports == (lone,)
    assert not origin.circular
    assert origin.why == ()


def test_corroboration_of_an_event_nobody_describes_is_an_error():
    with pytest.raises(UnresolvedReferenceError) as caught:
        worked_example().corroboration("event:nothing")
    assert str(caught.value) == (
        "Dossier.corroboration(): is not the id of an event or proposition that a claim in the dossier "
        "describes, got 'event:nothing'"
    )


def test_corroboration_of_none_is_an_error():
    with pytest.raises(InvalidTypeError) as caught:
        worked_example().corroboration(None)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "Dossier.corroboration(): needs the id of an event or proposition, got None. "
        "Fix: pass an Event, a Proposition with an id, or its id"
    )


def test_corroboration_of_a_proposition_works_like_an_event():
    prop = Proposition("It happened.", id="prop:it-happened")
    first = report(prop, MINISTRY)
    relayed = report(Claim(MINISTRY, prop), OUTLET, speech_act="reports", id="claim:relayed")
    other = report(prop, STAFF)
    result = Dossier([ARTICLE, *CAST, first, relayed, other]).corroboration(prop)
    assert (result.raw_count, result.independent_count) == (3, 2)
    assert result.origins[0].claimant == MINISTRY.id
    assert [relay.speakers for relay in result.origins[0].relays] == [
        (MINISTRY.id,),
        ("actor:republic-world", MINISTRY.id),
    ]


# -- conflicts ---------------------------------------------------------------------------------------------


def test_conflicts_on_disjoint_quantities():
    ukraine = report(losses(Quantity(16600, unit="personnel")), STAFF)
    russia = report(losses(Quantity(10000, unit="personnel")), RU_MOD)
    dossier = Dossier([ARTICLE, *CAST, ukraine, russia])
    (conflict,) = dossier.conflicts()
    assert conflict.subject == LOSSES_ID
    assert conflict.field == "quantities.personnel"
    assert conflict.reason == "16600 against 10000"
    assert (conflict.first.claim, conflict.second.claim) == (ukraine, russia)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Quantity.at_least(16600), Quantity(16700)),
        (Quantity.about(16600), Quantity.about(16600)),
        (Quantity.between(16000, 17000), Quantity.at_most(16500)),
        (Quantity(16600, unit="personnel"), Quantity(10000, unit="soldiers")),  # not the same measure
    ],
)
def test_quantities_that_can_both_hold_do_not_conflict(first, second):
    dossier = Dossier([ARTICLE, *CAST, report(losses(first), STAFF), report(losses(second), RU_MOD)])
    assert dossier.conflicts() == []


def test_conflicting_bounds_are_shown_as_ranges():
    ukraine = report(losses(Quantity.at_least(16600)), STAFF)
    russia = report(losses(Quantity.between(1000, 1351)), RU_MOD)
    (conflict,) = Dossier([ARTICLE, *CAST, ukraine, russia]).conflicts()
    assert conflict.reason == "16600–… against 1000–1351"


def test_a_denial_conflicts_with_a_statement_on_polarity():
    denial = report(REGIME_CHANGE, BLINKEN, speech_act="denies", factuality="CT-")
    assertion = report(REGIME_CHANGE, RU_MOD, speech_act="states")
    (conflict,) = Dossier([ARTICLE, *CAST, denial, assertion]).conflicts()
    assert conflict.subject == "prop:us-regime-change"
    assert conflict.field == "polarity"
    assert conflict.reason == "one says CT- (denies), the other CT+ (states)"


def test_a_hedge_and_a_statement_of_one_polarity_do_not_conflict():
    maybe = report(REGIME_CHANGE, RU_MOD, factuality="PS+", speech_act="alleges")
    surely = report(REGIME_CHANGE, OUTLET)
    unknown = report(REGIME_CHANGE, BIDEN, factuality="Uu", speech_act="asks")
    assert Dossier([ARTICLE, *CAST, maybe, surely, unknown]).conflicts() == []


def test_incompatible_event_times_conflict():
    first = report(SHELLING, MINISTRY)
    second = report(attrs.evolve(SHELLING, when=When.parse("2022-03-20")), RU_MOD)
    (conflict,) = Dossier([ARTICLE, *CAST, first, second]).conflicts()
    assert conflict.field == "when"
    assert conflict.subject == SHELLING.id
    assert conflict.reason == "2022-03-26 cannot meet 2022-03-20"


@pytest.mark.parametrize("other", ["2022-03", "2022-03-20/..", "2022-03-26T14:00+02:00"])
def test_event_times_that_may_meet_do_not_conflict(other):
    first = report(SHELLING, MINISTRY)
    second = report(attrs.evolve(SHELLING, when=When.parse(other)), RU_MOD)
    assert Dossier([ARTICLE, *CAST, first, second]).conflicts() == []


def test_a_claim_relayed_twice_does_not_conflict_with_itself():
    dossier, *_ = _relayed_dossier()
    assert dossier.conflicts() == []


def test_a_relayed_claim_conflicts_once_with_a_contrary_one():
    ukraine_says = Claim(STAFF, losses(Quantity(16600)))
    first = report(ukraine_says, OUTLET)
    second = report(ukraine_says, OTHER_OUTLET, OTHER_ARTICLE)
    russia = report(losses(Quantity(1351)), RU_MOD)
    conflicts = Dossier([ARTICLE, OTHER_ARTICLE, *CAST, first, second, russia]).conflicts()
    assert [(c.first.claim, c.second.claim, c.field) for c in conflicts] == [
        (ukraine_says, russia, "quantities.personnel")
    ]


def test_one_pair_may_conflict_on_several_fields():
    first = report(losses(Quantity(16600), when=When.parse("2022-03-27")), STAFF)
    second = report(losses(Quantity(1351), when=When.parse("2022-03-20")), RU_MOD, factuality="CT-")
    conflicts = Dossier([ARTICLE, *CAST, first, second]).conflicts()
    assert [c.field for c in conflicts] == ["polarity", "quantities.personnel", "when"]


# == the founding article ====================================================================================


def test_the_founding_article():
    article = Source(
        SourceKind.NEWS_ARTICLE,
        id="src:republicworld-2022-03-27",
        title="Russia releases video showing aftermath of Ukrainian shelling in Luhansk",
        publisher=OUTLET,
        published=When.parse("2022-03-27"),
        language="en",
        text=ARTICLE_TEXT,
    )
    start = ARTICLE_TEXT.index(CLUSTER_QUOTE)
    # The Interior Ministry's statement, quoted word for word.
    ministry_statement = Claim(
        MINISTRY,
        SHELLING,
        speech_act="states",
        evidence=[
            Evidence(
                article,
                quote=TextQuote(CLUSTER_QUOTE),
                span=TextSpan(start, start + len(CLUSTER_QUOTE)),
            )
        ],
    )
    ministry = report(
        ministry_statement,
        OUTLET,
        article,
        speech_act="reports",
        evidence=[Evidence(article, quote=TextQuote("the ministry revealed in a statement"))],
    )
    # The General Staff's figures, "on Sunday".
    figures = report(
        Claim(
            STAFF,
            Event(
                "losses",
                id=LOSSES_ID,
                when=When.parse("2022-02-24/2022-03-27"),
                participants=[Participant(RU_ARMY, "victim")],
                quantities={
                    "personnel": Quantity(16600, unit="personnel"),
                    "tanks": Quantity(582, unit="tanks"),
                },
            ),
            made_at=Relative("on Sunday", Anchor.PUBLICATION),
        ),
        OUTLET,
        article,
        speech_act="reports",
        evidence=[Evidence(article, quote=TextQuote("lost 16,600 personnel and 582 tanks"))],
    )
    # Biden's speech in Warsaw, and Blinken's denial a day after.
    speech = report(
        Claim(
            BIDEN,
            Proposition("This man cannot remain in power.", about=[]),
            made_at=When.parse("2022-03-26"),
            setting="event:biden-warsaw-speech",
        ),
        OUTLET,
        article,
        evidence=[Evidence(article, quote=TextQuote("For God’s sake, this man cannot remain in power."))],
    )
    warsaw = report(
        Event(
            "statement.speech",
            id="event:biden-warsaw-speech",
            when=When.parse("2022-03-26"),
            where=Place("Warsaw", country="PL"),
            participants=[Participant(BIDEN, "speaker")],
        ),
        OUTLET,
        article,
        evidence=[Evidence(article, quote=TextQuote("during a speech in Warsaw"))],
    )
    denial = report(
        Claim(
            BLINKEN,
            REGIME_CHANGE,
            speech_act="denies",
            factuality="CT-",
            made_at=Relative("a day after", Anchor.to_event("event:biden-warsaw-speech")),
        ),
        OUTLET,
        article,
        evidence=[
            Evidence(
                article,
                quote=TextQuote(
                    "Blinken says the U.S. is not trying to topple Russian President Vladimir Putin"
                ),
            )
        ],
    )
    dossier = Dossier([article, OUTLET, MINISTRY, STAFF, RU_ARMY, BIDEN, BLINKEN])
    for claim in (ministry, figures, speech, warsaw, denial):
        dossier.add(claim)

    result = dossier.check()
    assert result.ok
    assert result.violations == ()
    dossier.check(strict=True)

    assert [hop.claimant for hop in dossier.chain(ministry)] == [OUTLET.id, MINISTRY.id]
    assert dossier.origin(denial).claimant == BLINKEN.id
    assert [str(s.composed) for s in dossier.perspective(BLINKEN)] == ["CT-"]
    assert dossier.corroboration(SHELLING.id).independent_count == 1
    assert dossier.conflicts() == []
    assert {s.claim.claimant for s in dossier.claims_during(When.parse("2022-03-26"))} == {
        MINISTRY.id,
        STAFF.id,
        OUTLET.id,
    }
    assert dossier.claims_during(When.parse("2022-03-28")) == ()

    # The quotes are verified against the text: one letter off, and the check fails.
    misquoted = attrs.evolve(
        ministry_statement,
        evidence=[Evidence(article, quote=TextQuote("Russian troops used banned cluster munition."))],
    )
    dossier.add(report(misquoted, OUTLET, article, evidence=ministry.evidence))
    assert [(v.rule, v.path) for v in dossier.check()] == [("EM501", "$.claims[5].content.evidence[0].quote")]


# == properties ===============================================================================================


def _referenced(claim):
    """The actor and source ids a claim refers to, at any depth."""
    actor_ids, source_ids = set(), set()
    current = claim
    while isinstance(current, Claim):
        if current.claimant is not None:
            actor_ids.add(current.claimant)
        source_ids.update(evidence.source for evidence in current.evidence)
        current = current.content
    if isinstance(current, Event):
        actor_ids.update(participant.actor for participant in current.participants if participant.actor)
    else:
        actor_ids.update(ident for ident in current.about if ident.startswith("actor:"))
    return actor_ids, source_ids


def _quotes_in(claim):
    """The evidence of a claim at any depth, by source id, with the sources its times are anchored on."""
    quoted = {}
    current = claim
    while isinstance(current, Claim):
        for evidence in current.evidence:
            quoted.setdefault(evidence.source, []).append(evidence)
        for when in (current.made_at, getattr(current.content, "when", None)):
            if isinstance(when, Relative) and when.anchor.source is not None:
                quoted.setdefault(when.anchor.source, [])
        current = current.content
    return quoted


CLAIM_LISTS = st.lists(testing.claims(max_depth=3), min_size=1, max_size=3)
PUBLICATION_TIMES = st.none() | testing.whens()


@st.composite
def dossiers(draw):
    claims = draw(CLAIM_LISTS)
    actor_ids, quoted = set(), {}
    for claim in claims:
        actors, _sources = _referenced(claim)
        actor_ids |= actors
        for ident, evidence in _quotes_in(claim).items():
            quoted.setdefault(ident, []).extend(evidence)
    source_ids = sorted(quoted)
    sources = []
    for ident in source_ids:
        quotes = [
            (e.quote.prefix or "") + e.quote.exact + (e.quote.suffix or "")
            for e in quoted[ident]
            if e.quote is not None
        ]
        text = draw(st.sampled_from([None, " ".join(quotes), "Krasnohorivka"]))
        sources.append(
            Source(
                SourceKind.OTHER,
                id=ident,
                published=draw(PUBLICATION_TIMES),
                retrieved=draw(st.none() | st.just(datetime(2022, 3, 27, 12, tzinfo=UTC))),
                derived_from=draw(st.lists(st.sampled_from(source_ids), max_size=2, unique=True)),
                text=text,
            )
        )
    actors = [Actor("someone", id=ident) for ident in sorted(actor_ids)]
    return Dossier([*actors, *sources, *claims])


@settings(max_examples=50)
@given(dossiers())
def test_checking_and_analysing_any_dossier_never_raises(dossier):
    result = dossier.check()
    assert isinstance(result, Report)
    assert result.ok == (not result.errors)
    assert {v.rule for v in result} <= {rule.id for rule in DEFAULT_RULES}
    # Every referenced actor and source is held: no reference is left dangling.
    assert not [v for v in result if v.rule == "EM201" and "which is not in the dossier" in v.message]
    if result.ok:
        assert dossier.check(strict=True) == result
    else:
        with pytest.raises(ProvenanceError):
            dossier.check(strict=True)

    for statement in dossier.statements():
        hops = dossier.chain(statement.report)
        assert hops[0].claim is statement.report
        assert [hop.depth for hop in hops] == list(range(1, len(hops) + 1))
        assert dossier.origin(statement.report) == hops[-1].claim
        assert statement.hops == tuple(hops[: statement.depth])
        made = all(hop.claim.mood.realised for hop in statement.hops)
        assert (statement in dossier.perspective(statement.claim.claimant)) == made
        content = statement.claim.content
        if isinstance(content, Event):
            result = dossier.corroboration(content.id)
            assert result.raw_count >= (1 if made and statement.claim.role_of is None else 0)
            assert min(1, result.raw_count) <= result.independent_count <= result.raw_count
            assert sum(len(origin.reports) for origin in result.origins) == result.raw_count
            if content.when is not None:
                dossier.claims_during(content.when)
    for conflict in dossier.conflicts():
        assert conflict.first.claim.id != conflict.second.claim.id
