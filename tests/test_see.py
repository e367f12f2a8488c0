"""
Seeing a dossier: the report command and its page, notebook display, and
errors that name one cause once.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import sys
from pathlib import Path

import pytest

import eventmodel as em
from eventmodel import cli
from eventmodel.cli import _report as report_command
from eventmodel.interop import _report

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "luhansk-2022-03-27" / "dossier.json"
HOSTILE = Path(__file__).parent / "data" / "hostile.json"


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = cli.main([str(arg) for arg in argv])
    finally:
        sys.stdout, sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def example():
    return em.json.loads(EXAMPLE.read_bytes(), em.Dossier)


# -- one cause, one error ------------------------------------------------------------------------


def test_a_member_that_fails_to_read_gives_one_error_not_one_per_reference(tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["actors"][0]["name"] = 5  # actor:republic-world, referred to by 29 claims and a source
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, out, err = run("validate", path)
    assert (status, err) == (1, "")
    assert out.splitlines() == [
        f"{path}: error format $.actors[0].name: must be a string, not a number, got 5",
        f"{path}: 29 references to 'actor:republic-world' left out: they follow from the error above",
        f"{path}: invalid: 19 actors, 6 sources, 29 claims; 1 error, 0 warnings",
    ]


def test_other_errors_are_still_reported_beside_one_that_follows(tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["actors"][0]["name"] = 5
    document["claims"][0]["claimant"] = "actor:nobody"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, out, _ = run("validate", path)
    assert status == 1
    assert out.splitlines() == [
        f"{path}: error format $.actors[0].name: must be a string, not a number, got 5",
        f"{path}: error EM201 $.claims[0].claimant: refers to 'actor:nobody', which is not in the dossier. "
        "Fix: add the actor 'actor:nobody', or correct the id",
        f"{path}: 28 references to 'actor:republic-world' left out: they follow from the error above",
        f"{path}: invalid: 19 actors, 6 sources, 29 claims; 2 errors, 0 warnings",
    ]


def test_a_line_that_fails_to_read_gives_one_error(tmp_path):
    ministry = em.Actor("Ministry", em.ActorKind.GOVERNMENT, id="actor:ministry")
    source = em.Source(em.SourceKind.OFFICIAL_STATEMENT, id="src:statement", publisher=ministry)
    claim = em.Claim(ministry, em.Proposition("It happened."), evidence=[em.Evidence(source)], id="claim:it")
    lines = [json.loads(em.json.dumps(obj)) for obj in (ministry, source, claim)]
    lines[0]["kind"] = "planet"
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    status, out, _ = run("validate", path)
    assert status == 1
    assert out.splitlines()[1:] == [
        f"{path}: 2 references to 'actor:ministry' left out: they follow from the error above",
        f"{path}: invalid: 0 actors, 1 source, 1 claim; 1 error, 0 warnings",
    ]
    assert out.splitlines()[0].startswith(
        f"{path}: error format line 1: $.kind (Actor.kind): must be an ActorKind, got 'planet'"
    )


def test_a_claim_that_fails_to_read_takes_its_nested_ids_with_it(tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    # Claim 2 supersedes claim 1, which cannot be read, and is set in the event claim 1 alone describes
    # (nested two claims deep): both references follow from claim 1's error.
    event = document["claims"][0]["content"]["content"]["id"]
    assert event == "event:luhansk-ukrainian-shelling"
    document["claims"][1]["supersedes"] = [document["claims"][0]["id"]]
    document["claims"][1]["setting"] = event
    document["claims"][0]["factuality"] = "sure"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    _, out, _ = run("validate", path)
    assert out.splitlines()[1:] == [
        f"{path}: 2 references to {document['claims'][0]['id']!r}, {event!r} left out: "
        "they follow from the error above",
        f"{path}: invalid: 20 actors, 6 sources, 28 claims; 1 error, 0 warnings",
    ]


def test_violations_name_what_they_find_missing(example):
    broken = em.Dossier([*example.actors[1:], *example.sources, *example.claims])
    report = broken.check()
    assert {violation.missing for violation in report} == {"actor:republic-world"}
    assert all(violation.rule == "EM201" for violation in report)


# -- the header ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda document: document.pop("eventmodel"),
            '$: has no header: a dossier document starts with its format version, the member "eventmodel". '
            'Fix: add "eventmodel": "1.0" as its first member',
        ),
        (
            lambda document: document.update(eventmodel=1.0),
            '$.eventmodel: must be a string naming the format version, such as "1.0", got 1.0. '
            'Fix: write the version in quotes: "eventmodel": "1.0"',
        ),
    ],
    ids=["missing", "number"],
)
def test_the_header_is_named(tmp_path, edit, message):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    edit(document)
    path = tmp_path / "headless.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, out, _ = run("validate", path)
    assert status == 1
    assert out.splitlines() == [
        f"{path}: error format {message}",
        f"{path}: invalid: 0 actors, 0 sources, 0 claims; 1 error, 0 warnings",
    ]
    with pytest.raises(em.EventModelError) as caught:
        em.json.loads(json.dumps(document), em.Dossier)
    assert str(caught.value) == message
    status, _, err = run("show", path)
    assert (status, err) == (1, f"eventmodel: {path}: {message}\n")


# -- validate's streams, and --help --------------------------------------------------------------


def test_validate_writes_an_unreadable_file_and_a_bad_argument_on_standard_error(tmp_path):
    status, out, err = run("validate", tmp_path / "nope.json")
    assert (status, out, err) == (2, "", f"eventmodel: {tmp_path / 'nope.json'}: no such file\n")
    status, out, err = run("validate", "--frob", tmp_path / "nope.json")
    assert (status, out) == (2, "")
    assert err == "eventmodel: unrecognized arguments: --frob (see eventmodel --help)\n"


def _parsers(parser, prefix=()):
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _parsers(child, (*prefix, name))


def test_every_command_s_help_gives_its_exit_statuses(capsys):
    found = list(_parsers(cli._parser()))
    assert {names[0] for names, _ in found if names} >= {"validate", "show", "report", "graph", "import"}
    for names, _ in found:
        with pytest.raises(SystemExit) as stop:
            cli.main([*names, "--help"])
        assert stop.value.code == 0
        text = " ".join(capsys.readouterr().out.split())
        assert re.search(r"Exit status: 0 \w+.*, 2 ", text), names


# -- the report command --------------------------------------------------------------------------


def test_report_writes_one_page(tmp_path, example):
    target = tmp_path / "report.html"
    status, out, err = run("report", EXAMPLE, "-o", target)
    assert (status, err) == (0, "")
    assert out == f"{EXAMPLE} -> {target}: 29 claims in an HTML report\n"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<script>") == 1
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing from the network
    for claim in example.claims:
        assert f'data-claim="{html.escape(claim.id)}"' in page
    assert '3 reports, 1 independent origin</b> <span class="em-circular">(circular reporting)</span>' in page
    assert f"<title>{html.escape(str(EXAMPLE))}: eventmodel report</title>" in page


def test_report_to_standard_output_with_a_title(capsys):
    assert cli.main(["report", str(EXAMPLE), "-o", "-", "--title", "Luhansk"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert "<title>Luhansk</title>" in out


def test_report_needs_its_output_named():
    status, _, err = run("report", EXAMPLE)
    assert (status, err) == (
        2,
        "eventmodel: the following arguments are required: -o/--output (see eventmodel report --help)\n",
    )


def test_report_of_an_invalid_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"eventmodel": "1.0", "actors": [1]}', encoding="utf-8")
    status, _, err = run("report", path, "-o", tmp_path / "r.html")
    assert status == 1
    assert err == f"eventmodel: {path}: $.actors[0]: must be an object, not a number, got 1\n"
    assert not (tmp_path / "r.html").exists()


def test_the_progress_bar_follows_the_claims(monkeypatch, capsys):
    bar = report_command._Bar("f.json", enabled=True)
    bar(1, 3)
    bar(2, 3)  # within a tenth of a second: not drawn again
    bar(3, 3)
    bar.close()
    err = capsys.readouterr().err
    assert err == (
        "\rf.json [##########                    ]  33% 1 of 3 claims"
        "\rf.json [##############################] 100% 3 of 3 claims\r\x1b[K"
    )
    quiet = report_command._Bar("f.json", enabled=False)
    quiet(1, 1)
    quiet.close()
    assert capsys.readouterr().err == ""


def test_the_command_shows_a_bar_on_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    calls = []
    monkeypatch.setattr(
        report_command._Bar, "__call__", lambda self, done, total: calls.append((done, total))
    )
    assert cli.main(["report", str(EXAMPLE), "-o", str(tmp_path / "r.html")]) == 0
    assert calls[-1] == (29, 29)
    assert len(calls) == 29


# -- the page's pieces ---------------------------------------------------------------------------


def test_every_text_is_escaped():
    dossier = em.json.loads(HOSTILE.read_bytes(), em.Dossier)
    page = _report.report_html(dossier, title='<script>"x"</script>')
    assert page.count("<script") == 1
    assert "<img" not in page
    assert "</style><style>" not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "<title>&lt;script&gt;&quot;x&quot;&lt;/script&gt;</title>" in page
    assert html.escape("javascript:window.__pwned=3") in page
    # The policy allows the page's own script only, and no request.
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)[1]
    assert policy.startswith("default-src &#x27;none&#x27;; ")
    assert "script-src &#x27;sha256-" in policy


def test_conflicts_are_highlighted_with_the_field():
    ministry = em.Actor("Ministry", em.ActorKind.GOVERNMENT, id="actor:ministry")
    army = em.Actor("Army", em.ActorKind.MILITARY_UNIT, id="actor:army")
    source = em.Source(em.SourceKind.NEWS_ARTICLE, id="src:paper", text="Ten died. No one died.")
    strike = em.Event("attack.strike", id="event:strike", when=em.When.parse("2022-03"))
    says = em.Claim(
        ministry, strike, evidence=[em.Evidence(source, quote=em.TextQuote("Ten died."))], id="claim:a"
    )
    denies = em.Claim(army, strike, factuality="CT-", evidence=[em.Evidence(source)], id="claim:b")
    page = _report.report_html(em.Dossier([ministry, army, source, says, denies]))
    assert page.count('class="em-claim em-conflicting"') == 2
    assert "disagrees on polarity with claim 2" in page
    assert "<td><b>polarity</b></td>" in page
    # The quote in its source's text, found without a span.
    assert '<blockquote class="em-quote"><mark>Ten died.</mark> No one died.</blockquote>' in page
    # A month is a bar.
    bar = re.search(r'<rect class="em-bar" x="([\d.]+)" y="\d+" width="([\d.]+)"', page)
    assert float(bar[2]) > 100


def test_a_dossier_without_times_has_no_timeline():
    ministry = em.Actor("Ministry", em.ActorKind.GOVERNMENT, id="actor:ministry")
    claim = em.Claim(ministry, em.Proposition("It is so."), id="claim:so")
    page = _report.report_html(em.Dossier([ministry, claim]))
    assert "No event or claim in the dossier has a time." in page
    # The check's findings, one row each.
    assert "<h2>Provenance check: 1 error, 0 warnings</h2>" in page
    assert (
        '<tr class="em-error"><td>error</td><td>EM101</td><td><code>$.claims[0].evidence</code></td>'
        "<td>has no evidence: a top-level claim must point at where it was seen</td>"
        "<td>add Evidence(source, quote=TextQuote(...)) naming a source in the dossier</td></tr>"
    ) in page
    assert "1 claim. Provenance check: 1 error, 0 warnings (listed below).</p>" in page


def test_the_timeline_is_cut_for_big_dossiers(monkeypatch, example):
    monkeypatch.setattr(_report, "TIMELINE_ROWS", 3)
    page = _report.report_html(example)
    assert page.count('<g data-claims="') == 3
    assert "The timeline shows the first 3 subjects of " in page


# -- notebooks -----------------------------------------------------------------------------------


def test_notebook_display(example):
    assert repr(example) == "<Dossier: 20 actors, 6 sources, 29 claims>"
    shown = example._repr_html_()
    assert shown.startswith('<div class="em-root"><style>')
    assert "<b>Dossier</b>: 20 actors, 6 sources, 29 claims. Provenance check: ok (9 rules)" in shown
    assert shown.count('<article class="em-claim') == 20
    assert "and 9 more claims: eventmodel report FILE -o report.html shows them all" in shown
    claim = example.claims[12]
    assert claim._repr_html_().count('<div class="em-hop">') == 2
    event = example.origin(claim).content
    assert "<b>attack.strike</b> <code>event:krasnohorivka-cluster-strike</code>" in event._repr_html_()


def test_a_big_dossier_s_repr_stays_short():
    actors = [
        em.Actor(f"Actor {number}", em.ActorKind.PERSON, id=f"actor:{number}") for number in range(1500)
    ]
    dossier = em.Dossier(actors)
    assert repr(dossier) == "<Dossier: 1,500 actors, 0 sources, 0 claims>"
    assert "Dossier</b>: 1,500 actors" in dossier._repr_html_()


def test_references_to_two_members_that_failed_follow_from_both_errors(tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["actors"][0]["name"] = 5
    document["actors"][1]["name"] = 6
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, out, _ = run("validate", path)
    assert status == 1
    assert out.splitlines()[2:] == [
        f"{path}: 31 references to 'actor:republic-world', 'actor:russian-administration' left out: "
        "they follow from the errors above",
        f"{path}: invalid: 18 actors, 6 sources, 29 claims; 2 errors, 0 warnings",
    ]


def test_report_reads_json_lines_as_show_does(tmp_path):
    lines = tmp_path / "example.jsonl"
    assert run("convert", EXAMPLE, lines)[0] == 0
    status, _, err = run("report", lines, "-o", tmp_path / "from-lines.html")
    assert (status, err) == (0, "")
    run("report", EXAMPLE, "-o", tmp_path / "from-document.html")
    title = re.compile(r"<title>.*?</title>|<h1>.*?</h1>")
    from_lines = title.sub("", (tmp_path / "from-lines.html").read_text(encoding="utf-8"))
    from_document = title.sub("", (tmp_path / "from-document.html").read_text(encoding="utf-8"))
    assert from_lines == from_document
