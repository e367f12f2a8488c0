"""
Time from uncertain anchors: a wire story from an agency whose page gives only a week, a
reprint whose "last week" is the wire's, a dismissal "later Sunday", after the confirmation.

The situation: a news agency put out a wire story about an attack on a ministry's networks. Its
page gives no date, only the week it appeared in (13 to 19 December 2021), so the analyst
estimates the publication as that week. A second outlet reprinted the story word for word on
Wednesday 22 December, keeping the wire's "last week". The ministry confirmed the attack on
Sunday 19 December at 10:00; "later Sunday", its spokesman dismissed the claims of who was behind
it.
"""

from __future__ import annotations

import json

import pytest

import eventmodel as em
from eventmodel import cli
from eventmodel.exceptions import InvalidValueError

WEEK = "2021-12-13/2021-12-19"
BASIS = "the agency's page gives only the week of 13 December"

AGENCY = em.Actor("Capital News Agency", "media", id="actor:capital-news-agency")
REPRINTER = em.Actor("Daily Echo", "media", id="actor:daily-echo")
MINISTRY = em.Actor("Ministry of Digital Affairs", "government", id="actor:digital-ministry")
SPOKESMAN = em.Actor("the ministry's spokesman", "person", id="actor:ministry-spokesman")

WIRE = em.Source(
    em.SourceKind.NEWS_ARTICLE,
    id="src:wire",
    publisher=AGENCY,
    published=em.When.parse(WEEK),
    published_estimate=BASIS,
)
REPRINT = em.Source(
    em.SourceKind.NEWS_ARTICLE,
    id="src:reprint",
    publisher=REPRINTER,
    published=em.When.parse("2021-12-22"),
    derived_from=[WIRE],
)
#: The actors and sources of the story.
COVERAGE = (AGENCY, REPRINTER, MINISTRY, SPOKESMAN, WIRE, REPRINT)


def attack(when, ident="event:network-attack"):
    return em.Event("attack.cyber", id=ident, when=when, participants=[em.Participant(MINISTRY, "target")])


def reported(claim, source, ident):
    return em.Claim(source.publisher, claim, evidence=[em.Evidence(source)], id=ident)


# == 11: an interval anchor is read at both ends ==========================================================


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # 13 December is a Monday: the wire's "Monday" is the 13th whichever day of the week it appeared
        ("on Monday", "2021-12-13"),
        # its "Friday" is the 10th if it appeared before the 17th, the 17th if after
        ("on Friday", "2021-12-10/2021-12-17"),
        ("yesterday", "2021-12-12/2021-12-18"),
        ("earlier this week", "2021-12-13/2021-12-19"),
        ("a day before the attack", "2021-12-12/2021-12-18"),
        ("last week", "2021-12-06/2021-12-12"),
        # "now" keeps the anchor whole
        ("now", WEEK),
    ],
)
def test_words_against_a_publication_known_only_as_a_week_are_read_at_both_ends(words, expected):
    assert str(em.resolve_relative(words, WIRE.published)) == expected


def test_an_anchor_known_to_a_day_still_resolves_to_that_day():
    assert str(em.resolve_relative("on Friday", em.When.parse("2021-12-19"))) == "2021-12-17"


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        ("2021-12-14?", "2021-12-13?"),
        ("2021-12-14~", "2021-12-13~"),
        ("2021-12-14%", "2021-12-13%"),
        ("2021-12-13?/2021-12-19?", "2021-12-12?/2021-12-18?"),
        # only the end the analyst doubts carries the doubt
        ("2021-12-13/2021-12-19?", "2021-12-12/2021-12-18?"),
    ],
)
def test_an_anchors_uncertainty_is_carried_onto_what_it_resolves(anchor, expected):
    assert str(em.resolve_relative("yesterday", em.When.parse(anchor))) == expected


def test_uncertain_words_keep_their_own_hedge_and_take_the_anchors():
    assert str(em.resolve_relative("soon", em.When.parse("2021-12-14?"))) == "2021-12-14%/"


def test_the_dossier_resolves_the_wire_story_against_the_whole_week():
    story = reported(attack(em.Relative("on Friday", em.Anchor.PUBLICATION)), WIRE, "claim:wire-attack")
    dossier = em.Dossier([AGENCY, MINISTRY, WIRE, story])
    assert dossier.check().ok
    assert dossier.check().violations == ()
    resolved = dossier.resolve_times()["claim:wire-attack"].content.when
    assert str(resolved.resolved) == "2021-12-10/2021-12-17"


def test_a_claim_made_within_an_estimated_week_is_not_reported_before_it_is_made():
    # The confirmation on the 19th may come before the wire story: the week does not rule it out.
    confirmation = em.Claim(
        MINISTRY, attack(em.When.parse("2021-12")), made_at=em.When.parse("2021-12-19"), id="claim:confirmed"
    )
    story = reported(confirmation, WIRE, "claim:wire-confirmation")
    assert em.Dossier([AGENCY, MINISTRY, WIRE, story]).check().violations == ()


# == 12: anchors on another claim, another source; dates with no year; the week's first day ================


CONFIRMATION = em.Claim(
    MINISTRY,
    attack(em.When.parse("2021-12")),
    made_at=em.When.parse("2021-12-19T10:00+02:00"),
    evidence=[em.Evidence(REPRINT)],
    id="claim:ministry-confirms",
)
DISMISSAL = em.Claim(
    SPOKESMAN,
    em.Proposition("The claims of who was behind the attack are groundless.", id="prop:dismissal"),
    speech_act="denies",
    made_at=em.Relative("later Sunday", em.Anchor.to_claim(CONFIRMATION)),
    evidence=[em.Evidence(REPRINT)],
    id="claim:spokesman-dismisses",
)


def test_later_sunday_is_anchored_on_the_confirmation():
    assert DISMISSAL.made_at.anchor == em.Anchor.to_claim("claim:ministry-confirms")
    assert str(DISMISSAL.made_at.anchor) == "claim:claim:ministry-confirms"
    assert repr(DISMISSAL.made_at.anchor) == "Anchor.to_claim('claim:ministry-confirms')"
    dossier = em.Dossier([*COVERAGE, CONFIRMATION, DISMISSAL])
    assert dossier.check().violations == ()
    assert str(dossier.resolve_times()["claim:spokesman-dismisses"].made_at.resolved) == "2021-12-19"


def test_an_anchor_on_a_claim_the_dossier_lacks_is_an_error():
    dossier = em.Dossier([*COVERAGE, DISMISSAL])
    assert [str(violation) for violation in dossier.check()] == [
        "error EM201 $.claims[0].made_at.anchor: refers to 'claim:ministry-confirms', which is not a claim in "
        "the dossier. Fix: add the claim whose made_at it is relative to, or correct the id",
        "warning EM402 $.claims[0].made_at: 'later Sunday' cannot be resolved against its anchor, the time "
        "claim:ministry-confirms was made (its made_at). Fix: add the claim 'claim:ministry-confirms', "
        "or resolve the words by hand",
    ]


def test_an_anchor_that_has_no_time_says_what_to_give_it():
    unconfirmed = em.Claim(
        MINISTRY, attack(None), evidence=[em.Evidence(REPRINT)], id="claim:ministry-confirms"
    )
    undated = em.Source(em.SourceKind.NEWS_ARTICLE, id="src:undated-wire")
    copied = em.Claim(
        None,
        attack(em.Relative("last week", em.Anchor.to_source(undated)), "event:copied"),
        evidence=[em.Evidence(REPRINT)],
        id="claim:copied",
    )
    gone = em.Claim(
        None,
        attack(em.Relative("last week", em.Anchor.to_source("src:gone")), "event:gone"),
        evidence=[em.Evidence(REPRINT)],
        id="claim:gone",
    )
    dossier = em.Dossier([*COVERAGE, undated, unconfirmed, DISMISSAL, copied, gone])
    assert [v.fix for v in dossier.check() if v.rule == "EM402"] == [
        "give claim:ministry-confirms the time it was made (made_at), or resolve the words by hand",
        "give src:undated-wire its publication time (published, with published_estimate if it is an estimate), "
        "or resolve the words by hand",
        "add the source 'src:gone', or resolve the words by hand",
    ]


def test_an_event_anchor_cannot_name_a_claim():
    with pytest.raises(InvalidValueError) as excinfo:
        em.Anchor.to_event("claim:ministry-confirms")
    assert str(excinfo.value) == (
        "Anchor.event: is a claim's id, not an event's, got 'claim:ministry-confirms'. "
        "Fix: anchor on the time the claim was made with Anchor.to_claim('claim:ministry-confirms')"
    )
    with pytest.raises(InvalidValueError) as excinfo:
        em.Anchor.to_event(REPRINT)
    assert str(excinfo.value) == (
        "Anchor.event: is a source's id, not an event's, got 'src:reprint'. "
        "Fix: anchor on the source's publication with Anchor.to_source('src:reprint')"
    )
    with pytest.raises(InvalidValueError) as excinfo:
        em.json.loads('{"relative": "later Sunday", "anchor": "event:claim:x"}', em.Relative)
    assert "is a claim's id, not an event's" in str(excinfo.value)


def test_an_event_anchor_naming_a_claim_by_an_untagged_id_is_reported():
    confirmation = em.Claim(MINISTRY, attack(None), evidence=[em.Evidence(REPRINT)], id="confirmation")
    later = em.Claim(
        SPOKESMAN,
        em.Proposition("Groundless.", when=em.Relative("later Sunday", em.Anchor.to_event("confirmation"))),
        evidence=[em.Evidence(REPRINT)],
        id="claim:later",
    )
    dossier = em.Dossier([*COVERAGE, confirmation, later])
    assert [str(v) for v in dossier.check() if v.rule in ("EM201", "EM202")] == [
        "error EM201 $.claims[1].content.when.anchor: refers to 'confirmation', a claim where an event belongs. "
        "Fix: anchor on the time the claim was made with Anchor.to_claim('confirmation')"
    ]


def test_the_reprints_last_week_is_the_wires_week():
    wire = em.Source(em.SourceKind.NEWS_ARTICLE, id="src:wire-dated", published=em.When.parse("2021-12-14"))
    reprint = em.Source(
        em.SourceKind.NEWS_ARTICLE,
        id="src:reprint-of-dated",
        published=em.When.parse("2021-12-22"),
        derived_from=[wire],
    )
    copied = em.Claim(
        None,
        attack(em.Relative("last week", em.Anchor.to_source(wire))),
        evidence=[em.Evidence(reprint)],
        id="claim:reprinted-attack",
    )
    as_if_its_own = em.Claim(
        None, attack(em.Relative("last week", em.Anchor.PUBLICATION)), evidence=[em.Evidence(reprint)]
    )
    dossier = em.Dossier([MINISTRY, wire, reprint, copied, as_if_its_own])
    assert dossier.check().violations == ()
    resolved = dossier.resolve_times()
    assert str(resolved["claim:reprinted-attack"].content.when.resolved) == "2021-12-06/2021-12-12"
    assert str(resolved[as_if_its_own.id].content.when.resolved) == "2021-12-13/2021-12-19"


def test_an_anchor_on_a_source_the_dossier_lacks_is_an_error():
    copied = em.Claim(
        None,
        attack(em.Relative("last week", em.Anchor.to_source("src:gone"))),
        evidence=[em.Evidence(REPRINT)],
    )
    violations = [str(v) for v in em.Dossier([*COVERAGE, copied]).check() if v.rule == "EM201"]
    assert violations == [
        "error EM201 $.claims[0].content.when.anchor: refers to 'src:gone', which is not in the dossier. "
        "Fix: add the source 'src:gone', or correct the id"
    ]


def test_new_anchors_round_trip_through_their_text_and_documents():
    for anchor in (em.Anchor.to_claim("claim:ministry-confirms"), em.Anchor.to_source("src:wire")):
        assert em.Anchor.parse(str(anchor)) == anchor
        relative = em.Relative("later Sunday", anchor)
        assert em.json.loads(em.json.dumps(relative), em.Relative) == relative
    assert json.loads(em.json.dumps(DISMISSAL.made_at)) == {
        "relative": "later Sunday",
        "anchor": "claim:claim:ministry-confirms",
    }


@pytest.mark.parametrize(
    ("words", "anchor", "expected"),
    [
        ("December 13", WEEK, "2021-12-13"),
        ("on 13 December", WEEK, "2021-12-13"),
        ("Monday, December 13", WEEK, "2021-12-13"),
        ("on the 13th of December", WEEK, "2021-12-13"),
        ("Dec. 13", WEEK, "2021-12-13"),
        # a year is all the anchor has to give
        ("December 13", "2021", "2021-12-13"),
        ("in December", "2021", "2021-12"),
    ],
)
def test_a_date_with_no_year_takes_its_year_from_the_anchor(words, anchor, expected):
    assert str(em.resolve_relative(words, em.When.parse(anchor))) == expected


@pytest.mark.parametrize(
    ("words", "anchor", "message"),
    [
        (
            "Tuesday, December 13",
            "2021-12-19",
            "Relative.text: names Tuesday, but that day in 2021 is Monday, got 'Tuesday, December 13'. "
            "Fix: check the words, or resolve them by hand",
        ),
        (
            "February 30",
            "2021-12-19",
            "Relative.text: names a day that February 2021 does not have, got 'February 30'",
        ),
        (
            "December 13",
            "202X",
            "Relative.text: needs an anchor time at year precision or finer, but the anchor is 202X, "
            "got 'December 13'. Fix: give the anchor a year, or resolve the words by hand",
        ),
    ],
)
def test_a_date_with_no_year_that_cannot_be_is_refused(words, anchor, message):
    with pytest.raises(InvalidValueError) as excinfo:
        em.resolve_relative(words, em.When.parse(anchor))
    assert str(excinfo.value) == message


def test_a_us_last_week_said_on_sunday_is_the_week_just_ending():
    sunday = em.When.parse("2021-12-19")
    assert str(em.resolve_relative("last week", sunday)) == "2021-12-06/2021-12-12"
    assert str(em.resolve_relative("last week", sunday, week_start="sunday")) == "2021-12-12/2021-12-18"
    assert (
        str(em.resolve_relative("earlier this week", sunday, week_start="sunday")) == "2021-12-19/2021-12-19"
    )
    assert str(em.resolve_relative("this week", sunday, week_start="saturday")) == "2021-12-18/2021-12-24"
    us = em.Relative("last week", em.Anchor.PUBLICATION, week_start="sunday")
    assert str(us.resolve(sunday).resolved) == "2021-12-12/2021-12-18"


def test_the_weeks_first_day_travels_with_the_words_and_is_left_out_when_monday():
    us = em.Relative("last week", em.Anchor.PUBLICATION, week_start="sunday")
    assert json.loads(em.json.dumps(us)) == {
        "relative": "last week",
        "anchor": "publication",
        "week_start": "sunday",
    }
    assert em.json.loads(em.json.dumps(us), em.Relative) == us
    assert us != em.Relative("last week", em.Anchor.PUBLICATION)
    assert "week_start" not in em.json.dumps(em.Relative("last week", em.Anchor.PUBLICATION))


@pytest.mark.parametrize("week_start", ["Sunday", "tuesday", "", None])
def test_an_unknown_first_day_of_the_week_is_refused(week_start):
    with pytest.raises(em.EventModelError) as excinfo:
        em.Relative("last week", em.Anchor.PUBLICATION, week_start=week_start)
    assert str(excinfo.value) == (
        f"Relative.week_start: is not a first day of the week eventmodel knows, got {week_start!r}. "
        "Fix: use 'monday' (ISO 8601), 'sunday' or 'saturday'"
    )
    with pytest.raises(InvalidValueError) as excinfo:
        em.resolve_relative("last week", em.When.parse("2021-12-19"), week_start=week_start)
    assert "is not a first day of the week eventmodel knows" in str(excinfo.value)


# == 13: estimated publication dates ================================================================================


def test_an_estimated_publication_keeps_its_basis_and_reads_back_equal():
    document = json.loads(em.json.dumps(WIRE))
    assert document["published"] == WEEK
    assert document["published_estimate"] == BASIS
    assert em.json.loads(em.json.dumps(WIRE), em.Source) == WIRE


def test_a_source_without_an_estimate_writes_no_estimate_and_keeps_its_id():
    plain = em.Source(em.SourceKind.NEWS_ARTICLE, published=em.When.parse(WEEK))
    assert "published_estimate" not in em.json.dumps(plain)
    estimated = em.Source(em.SourceKind.NEWS_ARTICLE, published=em.When.parse(WEEK), published_estimate=BASIS)
    assert estimated.id != plain.id  # the estimate is part of what the source says


def test_an_estimate_needs_the_time_it_explains():
    with pytest.raises(InvalidValueError) as excinfo:
        em.Source(em.SourceKind.NEWS_ARTICLE, published_estimate=BASIS)
    assert str(excinfo.value) == (
        f"Source.published_estimate: explains an estimate of published, but published is not given, got {BASIS!r}. "
        "Fix: give the estimated time as published, or leave published_estimate out"
    )


def test_the_time_rules_use_the_estimate_and_say_so():
    confirmation = em.Claim(
        MINISTRY, attack(em.When.parse("2021-12")), made_at=em.When.parse("2021-12-21"), id="claim:late"
    )
    story = reported(confirmation, WIRE, "claim:wire-late")
    later_copy = em.Source(
        em.SourceKind.NEWS_ARTICLE, id="src:early-copy", published=em.When.parse("2021-12-10")
    )
    copy_of_wire = em.Source(
        em.SourceKind.NEWS_ARTICLE,
        id="src:copy-before-wire",
        published=em.When.parse("2021-12-10"),
        derived_from=[WIRE],
    )
    dossier = em.Dossier([AGENCY, MINISTRY, WIRE, later_copy, copy_of_wire, story])
    assert [str(v) for v in dossier.check() if v.rule == "EM401"] == [
        "error EM401 $.claims[0].content.made_at: is 2021-12-21, after the source that reports it was published "
        "(2021-12-13/2021-12-19, estimated). Fix: check both dates: a claim cannot be reported before it is made, "
        "and what the estimated publication of src:wire rests on",
        "error EM401 $.sources[2].derived_from[0]: derives from 'src:wire', published later "
        "(2021-12-13/2021-12-19, estimated) than this source (2021-12-10). Fix: check the derivation and both "
        "dates, and what the estimated publication of src:wire rests on",
    ]


def test_show_marks_the_publication_as_an_estimate():
    shown = cli.show(em.Dossier([AGENCY, WIRE]), width=200)
    assert (
        f"Source src:wire: Capital News Agency (news-article, estimated published {WEEK})\n"
        f"  publication estimated: {BASIS}\n"
    ) in shown


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (
            "since 2021-99",
            "Relative.text: names a date that cannot be read: is not a valid date or date-time (month must be in "
            "1..12), got 'since 2021-99'. Fix: write the date in EDTF, such as 'since 2022-02-24', or name the "
            "anchor in words",
        ),
        ("since 2021/2022", "Relative.text: names an interval where a date belongs, got 'since 2021/2022'"),
    ],
)
def test_words_that_name_their_own_date_need_one_against_an_interval_anchor_too(words, message):
    with pytest.raises(InvalidValueError) as excinfo:
        em.resolve_relative(words, WIRE.published)
    assert str(excinfo.value) == message
