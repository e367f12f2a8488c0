"""The bundled example: the founding article, modelled end to end."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import eventmodel as em

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "luhansk-2022-03-27"
ARTICLE = "src:republicworld-2022-03-27"


def _load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("luhansk_example_build", EXAMPLE / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _load_build_script()


@pytest.fixture(scope="module")
def dossier():
    return script.build()


@pytest.fixture(scope="module")
def text():
    return (EXAMPLE / "article.txt").read_bytes().decode("utf-8")


def _claim(dossier, ident):
    found = [s.claim for s in dossier.statements() if s.claim.id == ident]
    assert len(found) == 1, ident
    return found[0]


def _index(dossier, ident):
    return [claim.id for claim in dossier.claims].index(ident)


# -- the files ---------------------------------------------------------------------------------------


def test_the_committed_json_reads_back_as_the_dossier_build_makes(dossier):
    assert em.json.loads((EXAMPLE / "dossier.json").read_bytes(), em.Dossier) == dossier


def test_the_committed_json_is_byte_for_byte_what_the_script_writes(tmp_path):
    written = script.write(tmp_path / "dossier.json")
    assert (tmp_path / "dossier.json").read_bytes() == (EXAMPLE / "dossier.json").read_bytes()
    assert written.endswith("}\n")
    assert written.count("\n") == 1


def test_running_the_script_writes_dossier_json_next_to_it(tmp_path):
    copy = tmp_path / "example"
    copy.mkdir()
    shutil.copy(EXAMPLE / "build.py", copy / "build.py")
    shutil.copy(EXAMPLE / "article.txt", copy / "article.txt")
    subprocess.run([sys.executable, str(copy / "build.py")], check=True, cwd=tmp_path)
    assert (copy / "dossier.json").read_bytes() == (EXAMPLE / "dossier.json").read_bytes()


def test_both_json_backends_write_the_committed_text(dossier):
    committed = (EXAMPLE / "dossier.json").read_text(encoding="utf-8")
    assert em.json.dumps(dossier, backend="json") + "\n" == committed
    pytest.importorskip("orjson")
    assert em.json.dumps(dossier, backend="orjson") + "\n" == committed


def test_the_source_holds_the_article_text_exactly(dossier, text):
    article = dossier[ARTICLE]
    assert isinstance(article, em.Source)
    assert article.text == text
    assert len(text) == 2771
    assert text.startswith(" date 2022-03-27 In a massive development, the Russian administration")
    assert text.endswith('against Ukraine or anyone else."')
    assert article.kind is em.SourceKind.NEWS_ARTICLE
    assert str(article.published) == "2022-03-27"
    assert article.publisher == "actor:republic-world"
    assert article.authors == ("actor:republic-world",)
    assert dossier["actor:republic-world"].kind is em.ActorKind.MEDIA


# -- the rules ---------------------------------------------------------------------------------------


def test_the_dossier_breaks_no_rule(dossier):
    report = dossier.check()
    assert report.violations == ()
    assert str(report) == "ok: 9 rules, no violations"
    dossier.check(strict=True)


def test_every_quote_stands_at_its_span_in_the_article(dossier, text):
    quotes = 0
    for statement in dossier.statements():
        for evidence in statement.claim.evidence:
            if evidence.source != ARTICLE:
                assert evidence.quote is None
                assert evidence.span is None
                continue
            assert evidence.quote is not None
            assert evidence.span is not None
            assert text[evidence.span.start : evidence.span.end] == evidence.quote.exact
            quotes += 1
    assert quotes == 38


def test_every_top_level_claim_is_the_outlet_s_and_carried_by_the_article_or_a_background_source(dossier):
    claimants = {claim.claimant for claim in dossier.claims}
    assert claimants == {"actor:republic-world", "actor:white-house", "actor:un-general-assembly"}
    for claim in dossier.claims:
        sources = {evidence.source for evidence in claim.evidence}
        if claim.claimant == "actor:republic-world":
            assert sources == {ARTICLE}, claim.id
        else:
            assert sources & {ARTICLE} == set(), claim.id
    assert (len(dossier.actors), len(dossier.sources), len(dossier.claims)) == (20, 6, 29)


def test_a_moved_span_breaks_the_quote_rule(dossier):
    index = _index(dossier, "claim:outlet-quotes-biden")
    claim = dossier.claims[index]
    evidence = claim.evidence[0]
    moved = attrs.evolve(evidence, span=em.TextSpan(evidence.span.start + 1, evidence.span.end + 1))
    broken = em.Dossier([*dossier.actors, *dossier.sources, *(c for c in dossier.claims if c.id != claim.id)])
    broken.add(attrs.evolve(claim, evidence=[moved]))
    [violation] = broken.check().violations
    assert str(violation) == (
        f"error EM501 $.claims[28].evidence[0].span: points at 'or God’s sake, this man cannot remain in power.”', "
        f"not at the quote (which starts at {evidence.span.start}). "
        f"Fix: use TextSpan({evidence.span.start}, {evidence.span.end})"
    )


# -- the analyses ------------------------------------------------------------------------------------


def test_the_blinken_on_biden_chain_runs_outlet_blinken_biden(dossier):
    hops = dossier.chain("claim:outlet-reports-blinken-on-biden")
    assert [hop.claimant for hop in hops] == [
        "actor:republic-world",
        "actor:antony-blinken",
        "actor:joe-biden",
    ]
    assert [hop.speech_act for hop in hops] == [
        em.SpeechAct.REPORTS,
        em.SpeechAct.INTERPRETS,
        em.SpeechAct.STATES,
    ]
    assert [str(hop.composed) for hop in hops] == ["CT+", "CT+", "CT+"]
    assert [hop.evidence[0].quote.exact for hop in hops[:1]] == ["Blinken said Biden’s point was that"]
    assert hops[1].claim.setting == "event:blinken-jerusalem-2022-03-27"
    assert hops[2].claim.setting == "event:biden-warsaw-speech"


def test_the_origin_of_the_blinken_on_biden_claim_is_biden(dossier):
    origin = dossier.origin("claim:outlet-reports-blinken-on-biden")
    assert origin.id == "claim:biden-point"
    assert origin.claimant == "actor:joe-biden"
    assert origin.content.text == (
        "Putin cannot be empowered to wage war or engage in aggression against Ukraine or anyone else."
    )
    assert origin.content.about == ("actor:vladimir-putin",)


def test_biden_s_own_words_are_quoted_separately(dossier):
    quoted = dossier.claims[_index(dossier, "claim:outlet-quotes-biden")]
    assert quoted.speech_act is em.SpeechAct.QUOTES
    assert quoted.evidence[0].quote.exact == "For God’s sake, this man cannot remain in power."
    assert dossier.origin(quoted).claimant == "actor:joe-biden"
    assert [s.claim.id for s in dossier.claims_by("actor:joe-biden")] == [
        "claim:biden-putin-cannot-remain",
        "claim:biden-point",
    ]


def test_the_luhansk_shelling_has_one_origin_the_russian_administration_and_its_video(dossier):
    found = dossier.corroboration("event:luhansk-ukrainian-shelling")
    assert (found.raw_count, found.independent_count, found.circular) == (1, 1, False)
    [origin] = found.origins
    assert origin.claimant == "actor:russian-administration"
    shown = dossier.origin(origin.reports[0])
    assert shown.speech_act is em.SpeechAct.SHOWS
    assert [e.source for e in shown.evidence] == ["src:russian-administration-luhansk-video"]
    video = dossier["src:russian-administration-luhansk-video"]
    assert (video.kind, video.publisher, video.reliability) == (
        em.SourceKind.VIDEO,
        "actor:russian-administration",
        em.Reliability.F,
    )
    assert shown.content.participants == (em.Participant("actor:ukrainian-armed-forces", "agent"),)


def test_the_krasnohorivka_strike_is_told_three_times_from_one_origin(dossier):
    found = dossier.corroboration("event:krasnohorivka-cluster-strike")
    assert (found.raw_count, found.independent_count, found.circular) == (3, 1, True)
    assert [(o.claimant, len(o.reports), o.circular) for o in found.origins] == [
        ("actor:ukraine-interior-ministry", 3, True),
    ]
    places = [s.claim.content.where.name for s in dossier.claims_about("event:krasnohorivka-cluster-strike")]
    assert places == ["Donetsk", "Krasnogorovka", "Krasnohorivka"]


def test_the_general_staff_s_perspective_is_the_losses_asserted_with_certainty(dossier):
    [statement] = dossier.perspective("actor:general-staff-ukraine")
    assert statement.claim.id == "claim:general-staff-losses"
    assert statement.report.id == "claim:outlet-reports-general-staff-losses"
    assert [hop.claimant for hop in statement.hops] == ["actor:republic-world", "actor:general-staff-ukraine"]
    assert str(statement.composed) == "CT+"
    assert statement.claim.made_at == em.Relative("on Sunday", em.Anchor.PUBLICATION)


def test_the_general_staff_s_figures_are_exact_quantities(dossier):
    losses = _claim(dossier, "claim:general-staff-losses").content
    assert {name: (q.value, q.unit, q.is_exact) for name, q in losses.quantities.items()} == {
        "personnel": (Decimal(16600), "personnel", True),
        "tanks": (Decimal(582), "tanks", True),
        "armoured personnel vehicles": (Decimal(1664), "armoured personnel vehicles", True),
        "anti-aircraft warfare systems": (Decimal(52), "anti-aircraft warfare systems", True),
        "boats": (Decimal(7), "boats", True),
        "mobile SRBM systems": (Decimal(4), "mobile SRBM systems", True),
    }
    assert losses.participants == (em.Participant("actor:russian-armed-forces", "victim"),)


def test_the_author_s_own_voice_holds_the_percentages(dossier):
    claim = dossier.claims[_index(dossier, "claim:outlet-proxy-leaders-hold")]
    assert claim.claimant == "actor:republic-world"
    assert dossier.chain(claim)[-1].claimant == "actor:republic-world"
    assert {name: q.bounds for name, q in claim.content.quantities.items()} == {
        "share of Luhansk held": (Decimal(93), Decimal(93)),
        "share of Donetsk held": (Decimal(54), Decimal(54)),
    }


def test_modality_and_negation_are_factuality(dossier):
    codes = {
        ident: str(_claim(dossier, ident).factuality)
        for ident in (
            "claim:unattributed-annexation",
            "claim:pasichnyk-referendum",
            "claim:west-nuclear-weapons",
            "claim:kremlin-no-shift-to-donbas",
            "claim:blinken-denies-regime-change-topple-putin",
            "claim:blinken-denies-regime-change-headline",
            "claim:kremlin-phase-1",
        )
    }
    assert codes == {
        "claim:unattributed-annexation": "PS+",
        "claim:pasichnyk-referendum": "PS+",
        "claim:west-nuclear-weapons": "PS+",
        "claim:kremlin-no-shift-to-donbas": "CT-",
        "claim:blinken-denies-regime-change-topple-putin": "CT-",
        "claim:blinken-denies-regime-change-headline": "CT-",
        "claim:kremlin-phase-1": "CT+",
    }
    # The outlet's certain report of a "may" is still a "may".
    [statement] = dossier.claims_by(None)
    assert str(statement.composed) == "PS+"


def test_unattributed_and_collective_claimants(dossier):
    [unattributed] = dossier.claims_by(None)
    assert unattributed.claim.id == "claim:unattributed-annexation"
    assert unattributed.claim.confidence == em.Confidence.cannot_be_judged()
    collectives = [actor.id for actor in dossier.actors if actor.kind is em.ActorKind.COLLECTIVE]
    assert collectives == ["actor:proxy-leaders", "actor:the-west", "actor:western-intelligence"]
    assert [s.claim.speech_act.value for s in dossier.claims_by("actor:the-west")] == [
        "warns",
        "warns",
        "states",
    ]
    assert [s.claim.evidence[0].source for s in dossier.claims_by("actor:western-intelligence")] == [
        "src:western-intelligence-reports",
        "src:western-intelligence-reports",
    ]


def test_the_denials_are_about_one_proposition_and_nothing_conflicts(dossier):
    about = dossier.claims_about("prop:us-regime-change-russia")
    assert [s.claim.claimant for s in about] == ["actor:antony-blinken", "actor:antony-blinken"]
    assert dossier.conflicts() == []


# -- relative times ----------------------------------------------------------------------------------


def _anchor_time(dossier, relative, claim):
    """The anchor's time, found as a reader would: through the public API."""
    if relative.anchor == em.Anchor.PUBLICATION:
        return dossier[ARTICLE].published
    if relative.anchor == em.Anchor.MADE_AT:
        return claim.made_at
    times = [s.claim.content.when for s in dossier.claims_about(relative.anchor.event)]
    return next(time for time in times if time is not None)


def test_every_relative_time_is_anchored_and_resolves(dossier):
    resolved = {}
    for statement in dossier.statements():
        claim = statement.claim
        for when in (claim.made_at, getattr(claim.content, "when", None)):
            if isinstance(when, em.Relative):
                time = when if when.resolved is not None else when.resolve(_anchor_time(dossier, when, claim))
                resolved[(claim.id, when.text, str(when.anchor))] = str(time.resolved)
    assert resolved == {
        ("claim:unattributed-annexation", "Earlier in the day", "publication"): "2022-03-27",
        ("claim:pasichnyk-referendum", "soon", "publication"): "2022-03-27~/",
        ("claim:kremlin-phase-1", "Earlier this week", "publication"): "2022-03-21/2022-03-27",
        ("claim:kremlin-no-shift-to-donbas", "Earlier this week", "publication"): "2022-03-21/2022-03-27",
        ("claim:outlet-proxy-leaders-hold", "As things stand", "publication"): "2022-03-27",
        (
            "claim:outlet-russian-shelling-since-day-1",
            "since day 1 of Russia's invasion",
            "event:event:russian-invasion-2022",
        ): "2022-02-24/..",
        (
            "claim:outlet-russian-airstrikes-since-day-1",
            "since day 1 of Russia's invasion",
            "event:event:russian-invasion-2022",
        ): "2022-02-24/..",
        ("claim:ministry-statement-police-cordon", "Currently", "made_at"): "/2022-03-27",
        ("claim:general-staff-losses", "on Sunday", "publication"): "2022-03-27",
        (
            "claim:general-staff-losses",
            "ever since the onset of the Russia-Ukraine war",
            "event:event:russian-invasion-2022",
        ): "2022-02-24/..",
        (
            "claim:outlet-blinken-press-conference",
            "a day after",
            "event:event:biden-warsaw-speech",
        ): "2022-03-27",
        (
            "claim:blinken-denies-regime-change-headline",
            "a day after",
            "event:event:biden-warsaw-speech",
        ): "2022-03-27",
        (
            "claim:blinken-denies-regime-change-topple-putin",
            "a day after",
            "event:event:biden-warsaw-speech",
        ): "2022-03-27",
        ("claim:blinken-on-biden", "a day after", "event:event:biden-warsaw-speech"): "2022-03-27",
    }


def test_the_dossier_resolves_a_day_after_from_the_white_house_transcript(dossier):
    without = em.Dossier([obj for obj in dossier if obj.id != "claim:white-house-warsaw-speech"])
    report = without.check()
    assert report.ok
    assert [(v.rule, v.subject) for v in report.warnings] == [
        ("EM402", "claim:outlet-blinken-press-conference"),
        ("EM402", "claim:blinken-denies-regime-change-headline"),
        ("EM402", "claim:blinken-denies-regime-change-topple-putin"),
        ("EM402", "claim:blinken-on-biden"),
    ]
    assert report.warnings[0].message == (
        "'a day after' cannot be resolved against its anchor, the time of event:biden-warsaw-speech"
    )


def test_the_dossier_judges_made_at_by_its_resolved_time(dossier):
    index = _index(dossier, "claim:outlet-reports-general-staff-losses")
    report = dossier.claims[index]
    tomorrow = attrs.evolve(report.content, made_at=em.Relative("tomorrow", em.Anchor.PUBLICATION))
    changed = em.Dossier([obj for obj in dossier if obj.id != report.id])
    changed.add(attrs.evolve(report, content=tomorrow))
    [violation] = changed.check().violations
    assert str(violation) == (
        "error EM401 $.claims[28].content.made_at: is 2022-03-28, after the source that reports it was "
        "published (2022-03-27). Fix: check both dates: a claim cannot be reported before it is made"
    )
