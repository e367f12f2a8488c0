"""
Copies of copies: a kind of derivation, corroboration that follows it, near
copies nobody declared, and relay paths.

The situation: a news agency's wire story about a cyberattack on a farm
ministry, run word for word by a second outlet without credit, and relayed
by a third outlet that read it in a state news agency, which read it in the
first agency, which had it from an anonymous official.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given

from eventmodel import (
    Actor,
    Claim,
    DerivationKind,
    Dossier,
    Event,
    Evidence,
    InvalidValueError,
    NearCopy,
    Source,
    testing,
)
from eventmodel.cli import show
from eventmodel.dossier._copies import shingles
from eventmodel.json import dumps, loads
from eventmodel.schema import json_schema_for

DATA = Path(__file__).parent / "data" / "copies"
TEXTS = {
    **json.loads((DATA / "originals.json").read_text(encoding="utf-8")),
    **json.loads((DATA / "copies.json").read_text(encoding="utf-8")),
}
LABELS = {frozenset(pair[:2]): pair[2] for pair in json.loads((DATA / "labels.json").read_text())["pairs"]}

ATTACK = Event("attack.cyber", id="event:veltria-farm-ministry-hack")
OFFICIAL = Actor("a ministry official", "person", id="actor:veltria-ministry-official")
AGENCY = Actor("Meridian Press", "media", id="actor:meridian-press")
COURIER = Actor("Harbour Courier", "media", id="actor:harbour-courier")
STATE_AGENCY = Actor("Ostmark State News", "media", id="actor:ostmark-state-news")
DIGEST = Actor("Evening Digest", "media", id="actor:evening-digest")

WIRE = Source("news-article", id="src:meridian-wire", publisher=AGENCY, text=TEXTS["wire-cyber"])


def reprint(ident, derivation="reprint", parents=(WIRE,), text=None):
    return Source(
        "news-article",
        id=ident,
        derived_from=list(parents),
        derivation=derivation,
        text=text if text is not None else TEXTS["copy-verbatim-cyber"],
    )


def said(claimant, source, content=ATTACK, ident=None):
    named = {} if ident is None else {"id": ident}
    return Claim(claimant, content, speech_act="reports", evidence=[Evidence(source)], **named)


# -- 4: a kind of derivation --------------------------------------------------------------------------


def test_derivation_is_written_and_read_back_and_omitted_when_none():
    page = reprint("src:courier-page")
    assert page.derivation is DerivationKind.REPRINT
    assert '"derivation":"reprint"' in dumps(page)
    assert loads(dumps(page), Source) == page
    plain = Source("news-article", id="src:plain", derived_from=["src:meridian-wire"])
    assert "derivation" not in dumps(plain)
    assert plain.derivation is None


def test_a_derivation_that_is_not_a_kind_is_refused():
    with pytest.raises(InvalidValueError) as caught:
        Source("news-article", derivation="photocopy")
    assert str(caught.value).startswith("Source.derivation: must be a DerivationKind, got 'photocopy'")


@given(testing.sources())
def test_sources_with_any_derivation_round_trip(source):
    assert loads(dumps(source), Source) == source


def test_copies_are_reprints_translations_and_summaries_not_citations():
    assert [kind.value for kind in DerivationKind if kind.copies] == ["reprint", "translation", "summary"]


def test_an_uncredited_reprint_adds_no_origin_whoever_is_the_speaker():
    # The agency reports the official; the courier's page is the wire word for word, and the
    # analyst wrote the courier itself as the one who reports.
    wire_report = said(AGENCY, WIRE, Claim(OFFICIAL, ATTACK), "claim:meridian")
    page = reprint("src:courier-page")
    copy_report = said(COURIER, page, ident="claim:courier")
    dossier = Dossier([WIRE, page, wire_report, copy_report])
    found = dossier.corroboration(ATTACK.id)
    assert (found.raw_count, found.independent_count, found.circular) == (2, 1, True)
    assert found.origins[0].why == ("src:courier-page reprints src:meridian-wire",)
    # Before derivation had a kind, a page merely derived from the wire was a second origin.
    plain = Source("news-article", id="src:courier-page", derived_from=[WIRE])
    assert Dossier([WIRE, plain, wire_report, copy_report]).corroboration(ATTACK.id).independent_count == 2


def test_a_citation_is_not_a_copy():
    wire_report = said(AGENCY, WIRE, ident="claim:meridian")
    page = reprint("src:courier-page", derivation="citation", text="")
    copy_report = said(COURIER, page, ident="claim:courier")
    found = Dossier([WIRE, page, wire_report, copy_report]).corroboration(ATTACK.id)
    assert found.independent_count == 2


@pytest.mark.parametrize(
    ("kind", "verb"), [("reprint", "reprints"), ("translation", "translates"), ("summary", "summarizes")]
)
def test_two_pages_from_one_wire_merge_though_no_claim_cites_the_wire(kind, verb):
    first = reprint("src:courier-page", kind)
    second = reprint("src:digest-page", kind)
    reports = [said(COURIER, first, ident="claim:courier"), said(DIGEST, second, ident="claim:digest")]
    found = Dossier([WIRE, first, second, *reports]).corroboration(ATTACK.id)
    assert found.independent_count == 1
    assert found.origins[0].why == (f"src:courier-page {verb} src:meridian-wire; src:digest-page {verb} it",)


def test_a_reprint_of_a_reprint_carries_the_wire():
    first = reprint("src:courier-page")
    second = reprint("src:digest-page", parents=(first,))
    reports = [said(AGENCY, WIRE, ident="claim:meridian"), said(DIGEST, second, ident="claim:digest")]
    found = Dossier([WIRE, first, second, *reports]).corroboration(ATTACK.id)
    assert found.independent_count == 1
    assert found.origins[0].relays[1].copied_from == ("src:courier-page", "src:meridian-wire")


def test_a_reprint_of_a_wire_quoting_two_speakers_does_not_merge_them():
    witness = Actor("a farmer", "person", id="actor:farmer")
    page = reprint("src:courier-page")
    reports = [
        said(OFFICIAL, WIRE, ident="claim:wire-official"),
        said(witness, WIRE, ident="claim:wire-farmer"),
        said(OFFICIAL, page, ident="claim:page-official"),
        said(witness, page, ident="claim:page-farmer"),
    ]
    found = Dossier([WIRE, page, *reports]).corroboration(ATTACK.id)
    assert sorted(len(origin.reports) for origin in found.origins) == [2, 2]
    assert {origin.claimant for origin in found.origins} == {OFFICIAL.id, witness.id}


def test_two_claims_in_one_page_are_not_copies_of_each_other():
    page = reprint("src:courier-page")
    reports = [said(COURIER, page, ident="claim:courier"), said(OFFICIAL, page, ident="claim:official")]
    assert Dossier([page, *reports]).corroboration(ATTACK.id).independent_count == 2


# -- 5: near copies ----------------------------------------------------------------------------------------


def test_near_copies_on_the_labelled_set_find_every_copy_and_nothing_else():
    sources = [Source("news-article", id=f"src:{key}", text=text) for key, text in sorted(TEXTS.items())]
    found = Dossier(sources).near_copies()
    reported = {frozenset((pair.first[4:], pair.second[4:])) for pair in found}
    copies = {pair for pair, label in LABELS.items() if label == "copy"}
    assert reported == copies  # no false positive, no miss
    every = len(list(itertools.combinations(TEXTS, 2)))
    assert (every, len(copies)) == (406, 30)
    assert all(NearCopy.THRESHOLD <= pair.similarity <= 1 for pair in found)
    assert [pair.similarity for pair in found] == sorted((pair.similarity for pair in found), reverse=True)


def test_the_labelled_set_is_separated_by_the_threshold_with_room():
    sets = {key: shingles(text) for key, text in TEXTS.items()}

    def similarity(a, b):
        return len(sets[a] & sets[b]) / len(sets[a] | sets[b])

    by_label: dict[str, list[float]] = {"copy": [], "rewrite": [], "unrelated": []}
    for a, b in itertools.combinations(sorted(TEXTS), 2):
        by_label[LABELS.get(frozenset((a, b)), "unrelated")].append(similarity(a, b))
    assert min(by_label["copy"]) > NearCopy.THRESHOLD + 0.05
    assert max(by_label["rewrite"]) < 0.1
    assert max(by_label["unrelated"]) < 0.02


def test_near_copies_leave_out_sources_without_text_and_say_how_similar():
    verbatim = Source("news-article", id="src:courier-page", text=TEXTS["copy-verbatim-cyber"])
    empty = Source("news-article", id="src:empty", text="")
    (pair,) = Dossier([WIRE, verbatim, Source("video", id="src:no-text"), empty]).near_copies()
    assert (pair.first, pair.second, pair.similarity) == ("src:courier-page", "src:meridian-wire", 0.9788)


def test_short_texts_are_one_shingle():
    assert shingles("Breaking news") == shingles("breaking, NEWS!")
    assert shingles("") == set()


@pytest.mark.parametrize("threshold", [0, 1.5, "high", True])
def test_a_threshold_must_be_a_similarity(threshold):
    with pytest.raises(InvalidValueError) as caught:
        Dossier([WIRE]).near_copies(threshold)
    assert str(caught.value) == (
        f"Dossier.near_copies(): must be a similarity above 0 and at most 1, got {threshold!r}. "
        "Fix: use a number such as NearCopy.THRESHOLD (0.5)"
    )
    with pytest.raises(InvalidValueError, match=r"Dossier.corroboration\(near_copies=\)"):
        Dossier([said(AGENCY, WIRE)]).corroboration(ATTACK.id, near_copies=threshold)


def test_corroboration_can_count_an_undeclared_copy_once_and_says_why():
    undeclared = Source("news-article", id="src:courier-page", text=TEXTS["copy-verbatim-cyber"])
    reports = [said(AGENCY, WIRE, ident="claim:meridian"), said(COURIER, undeclared, ident="claim:courier")]
    dossier = Dossier([WIRE, undeclared, *reports])
    assert dossier.corroboration(ATTACK.id).independent_count == 2
    found = dossier.corroboration(ATTACK.id, near_copies=NearCopy.THRESHOLD)
    assert found.independent_count == 1
    assert found.origins[0].why == ("src:meridian-wire is a near copy (similarity 0.98) of src:courier-page",)
    assert [relay.copied_from for relay in found.origins[0].relays] == [
        ("src:courier-page",),
        ("src:meridian-wire",),
    ]


def test_a_rewrite_by_another_outlet_stays_an_origin_of_its_own():
    rewrite = Source("news-article", id="src:rewrite", text=TEXTS["rewrite-cyber"])
    reports = [said(AGENCY, WIRE, ident="claim:meridian"), said(COURIER, rewrite, ident="claim:courier")]
    found = Dossier([WIRE, rewrite, *reports]).corroboration(ATTACK.id, near_copies=NearCopy.THRESHOLD)
    assert found.independent_count == 2


# -- 6: relay paths ---------------------------------------------------------------------------------------


def test_the_four_deep_relay_and_the_uncredited_reprint():
    # The digest read the state agency, which read Meridian, which had it from the official.
    digest_page = Source("news-article", id="src:digest-page", derived_from=[WIRE], derivation="citation")
    relayed = said(
        DIGEST,
        digest_page,
        Claim(
            STATE_AGENCY, Claim(AGENCY, Claim(OFFICIAL, ATTACK), speech_act="reports"), speech_act="reports"
        ),
        "claim:digest",
    )
    wire_report = said(AGENCY, WIRE, Claim(OFFICIAL, ATTACK), "claim:meridian")
    page = reprint("src:courier-page")
    copy_report = said(COURIER, page, ident="claim:courier")
    found = Dossier([WIRE, page, digest_page, wire_report, copy_report, relayed]).corroboration(ATTACK.id)
    assert found.independent_count == 1
    relays = {relay.report.id: relay for relay in found.relays}
    assert relays["claim:digest"].speakers == (DIGEST.id, STATE_AGENCY.id, AGENCY.id, OFFICIAL.id)
    assert not relays["claim:digest"].copied
    assert relays["claim:courier"].speakers == (COURIER.id,)
    assert relays["claim:courier"].copied_from == ("src:meridian-wire",)
    assert relays["claim:meridian"].sources == ("src:meridian-wire",)


def test_reading_one_newspaper_and_reprinting_one_wire_are_told_apart():
    paper = Actor("The Veltria Gazette", "media", id="actor:veltria-gazette")
    first = Source("news-article", id="src:outlet-a", derived_from=["src:gazette"], derivation="citation")
    second = Source("news-article", id="src:outlet-b", derived_from=["src:gazette"], derivation="citation")
    reading = [
        said("actor:outlet-a", first, Claim(paper, ATTACK), "claim:a"),
        said("actor:outlet-b", second, Claim(paper, ATTACK), "claim:b"),
    ]
    read = Dossier([first, second, *reading]).corroboration(ATTACK.id)
    copy_a, copy_b = reprint("src:outlet-a"), reprint("src:outlet-b")
    reprinting = [
        said("actor:outlet-a", copy_a, ident="claim:a"),
        said("actor:outlet-b", copy_b, ident="claim:b"),
    ]
    copied = Dossier([copy_a, copy_b, *reprinting]).corroboration(ATTACK.id)
    assert read.independent_count == copied.independent_count == 1
    assert [(relay.speakers, relay.copied) for relay in read.relays] == [
        (("actor:outlet-a", paper.id), False),
        (("actor:outlet-b", paper.id), False),
    ]
    assert [(relay.speakers, relay.copied_from) for relay in copied.relays] == [
        (("actor:outlet-a",), ("src:meridian-wire",)),
        (("actor:outlet-b",), ("src:meridian-wire",)),
    ]


# -- where corroboration is shown ---------------------------------------------------------------------------


def _reprinted():
    page = reprint("src:courier-page")
    return Dossier(
        [
            AGENCY,
            COURIER,
            WIRE,
            page,
            said(AGENCY, WIRE, ident="claim:meridian"),
            said(COURIER, page, ident="claim:courier"),
        ]
    )


def test_show_says_which_claim_carries_whose_text():

    text = show(_reprinted(), width=200)
    corroboration = text[text.index("\nCorroboration") :]
    assert (
        "event:veltria-farm-ministry-hack: 2 reports, 1 independent origin (circular reporting)"
        in corroboration
    )
    assert "      src:courier-page reprints src:meridian-wire\n" in corroboration
    assert "      claim 2 carries the text of src:meridian-wire\n" in corroboration


def test_the_notebook_view_says_which_claim_carries_whose_text():
    html = _reprinted()._repr_html_()
    assert "<small>claim 2 carries the text of src:meridian-wire</small>" in html


def test_the_json_schema_names_the_kinds_of_derivation():
    schema = json_schema_for(Source)
    assert schema["$defs"]["DerivationKind"]["enum"] == ["reprint", "translation", "summary", "citation"]


def test_reprints_of_each_other_in_a_loop_are_one_text():
    first = Source("news-article", id="src:first", derived_from=["src:second"], derivation="reprint")
    second = Source("news-article", id="src:second", derived_from=["src:first"], derivation="reprint")
    reports = [said(AGENCY, first, ident="claim:first"), said(COURIER, second, ident="claim:second")]
    found = Dossier([first, second, *reports]).corroboration(ATTACK.id)
    assert found.independent_count == 1
    assert [relay.copied_from for relay in found.relays] == [("src:second",), ("src:first",)]
