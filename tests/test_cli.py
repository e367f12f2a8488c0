"""The eventmodel command: validate, show, schema, convert, graph."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import eventmodel as em
from eventmodel import cli
from eventmodel.cli import _reading
from eventmodel.schema import json_schema

EXAMPLE = Path(__file__).parent.parent / "examples" / "luhansk-2022-03-27" / "dossier.json"

TEXT = (
    'The Interior Ministry of Ukraine said: "Russian troops used banned cluster munitions." '
    "Blinken said Biden\u2019s point was that “Putin cannot be empowered to wage war.”"
)
QUOTE = "Russian troops used banned cluster munitions."

OUTLET = em.Actor("Republic World", em.ActorKind.MEDIA, id="actor:republic-world")
OTHER = em.Actor("Kyiv Independent", em.ActorKind.MEDIA, id="actor:kyiv-independent")
MINISTRY = em.Actor("Interior Ministry of Ukraine", em.ActorKind.GOVERNMENT, id="actor:ua-interior-ministry")
ARMY = em.Actor("Russian armed forces", "military-unit", id="actor:ru-armed-forces")
RU_MOD = em.Actor("Russian Ministry of Defence", em.ActorKind.GOVERNMENT, id="actor:ru-mod")
BLINKEN = em.Actor("Antony Blinken", em.ActorKind.PERSON, id="actor:antony-blinken")
BIDEN = em.Actor("Joe Biden", em.ActorKind.PERSON, id="actor:joe-biden")
ARTICLE = em.Source(
    em.SourceKind.NEWS_ARTICLE,
    id="src:republicworld-2022-03-27",
    publisher=OUTLET,
    published=em.When.parse("2022-03-27"),
    title="Russia releases video of Luhansk",
    text=TEXT,
)
RELAY = em.Source(
    em.SourceKind.NEWS_ARTICLE,
    id="src:kyivindependent-2022-03-27",
    publisher=OTHER,
    published=em.When.parse("2022-03-27"),
    derived_from=[ARTICLE],
)
SHELLING = em.Event(
    "attack.shelling",
    id="event:krasnohorivka-strike",
    when=em.When.parse("2022-03-26"),
    where=em.Place("Krasnohorivka", country="UA"),
    participants=[em.Participant(ARMY, "agent")],
    details={"weapon": "Tornado-S MLRS"},
)
START = TEXT.index(QUOTE)
STATES = em.Claim(
    MINISTRY,
    SHELLING,
    speech_act="states",
    id="claim:ministry-states",
    made_at=em.Relative("on Sunday", "publication"),
    evidence=[em.Evidence(ARTICLE, quote=em.TextQuote(QUOTE), span=em.TextSpan(START, START + len(QUOTE)))],
)
RELAYED = em.Claim(
    OTHER,
    em.Claim(MINISTRY, SHELLING, speech_act="states", id="claim:ministry-states-relayed"),
    speech_act="reports",
    id="claim:kyiv-relays",
    evidence=[em.Evidence(RELAY)],
)
DENIES = em.Claim(
    RU_MOD,
    SHELLING,
    speech_act="denies",
    factuality="CT-",
    id="claim:ru-denies",
    evidence=[em.Evidence(RELAY)],
)
MEANT = em.Claim(BIDEN, em.Proposition("Putin cannot be empowered to wage war."), id="claim:biden-meant")
INTERPRETS = em.Claim(
    OUTLET,
    em.Claim(BLINKEN, MEANT, speech_act="interprets", id="claim:blinken-interprets"),
    speech_act="reports",
    id="claim:outlet-reports-blinken",
    evidence=[em.Evidence(ARTICLE, quote=em.TextQuote("Blinken said Biden\u2019s point was that"))],
)
REPORTED = em.Claim(
    None,
    em.Proposition(
        "Luhansk may be annexed by Russia.", quantities={"held": em.Quantity.at_least(93, unit="percent")}
    ),
    factuality="PS+",
    id="claim:it-was-reported",
    evidence=[em.Evidence(ARTICLE)],
)
MEMBERS = [OUTLET, OTHER, MINISTRY, ARMY, RU_MOD, BLINKEN, BIDEN, ARTICLE, RELAY]
CLAIMS = [STATES, RELAYED, DENIES, INTERPRETS, REPORTED]
DOSSIER = em.Dossier([*MEMBERS, *CLAIMS])


def run(*argv, stdin=None, monkeypatch=None):
    """Run the command in this process: (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = cli.main([str(arg) for arg in argv])
    finally:
        sys.stdout, sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path):
    """The dossier as a JSON document and as JSON Lines."""
    document = tmp_path / "dossier.json"
    document.write_text(em.json.dumps(DOSSIER), encoding="utf-8")
    lines = tmp_path / "dossier.jsonl"
    with lines.open("w", encoding="utf-8") as fp:
        em.json.write_jsonl([*DOSSIER.actors, *DOSSIER.sources, *DOSSIER.claims], fp)
    return document, lines


def test_the_fixture_passes_its_check():
    assert DOSSIER.check().violations == ()


# -- validate ------------------------------------------------------------------------------------


def test_validate_a_valid_document_and_lines(files):
    document, lines = files
    status, out, err = run("validate", document, lines)
    assert (status, err) == (0, "")
    assert out == (
        f"{document}: valid: 7 actors, 2 sources, 5 claims; 0 errors, 0 warnings\n"
        f"{lines}: valid: 7 actors, 2 sources, 5 claims; 0 errors, 0 warnings\n"
        "2 files: 0 errors, 0 warnings, 0 unreadable\n"
    )


def test_validate_reports_every_bad_member_and_rule_with_paths_in_the_file(tmp_path):
    data = json.loads(em.json.dumps(DOSSIER))
    data["claims"][0]["confidence"] = 140
    data["claims"][1]["claimant"] = "actor:nobody"
    data["claims"][2]["speech_act"] = 5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    status, out, _ = run("validate", bad)
    assert status == cli.EXIT_INVALID == 1
    assert out.splitlines() == [
        f"{bad}: error format $.claims[0].confidence: must be an object, not a number, got 140",
        f"{bad}: error format $.claims[2].speech_act: must be a string, not a number, got 5",
        # The second claim is the first left in the dossier: its path is the one in the file.
        f"{bad}: error EM201 $.claims[1].claimant: refers to 'actor:nobody', which is not in the dossier. "
        "Fix: add the actor 'actor:nobody', or correct the id",
        f"{bad}: invalid: 7 actors, 2 sources, 3 claims; 3 errors, 0 warnings",
    ]


def test_validate_json_lines_names_line_numbers(tmp_path, files):
    _, lines = files
    text = lines.read_text(encoding="utf-8").splitlines()
    assert text[3].startswith('{"type":"actor","id":"actor:ru-armed-forces"')
    text[3] = text[3][:-5]  # the army's line is cut short: not JSON
    text[11] = text[11].replace('"speech_act":"denies"', '"speech_act":"shouts"')
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    status, out, _ = run("validate", bad)
    assert status == cli.EXIT_UNREADABLE
    lines_out = out.splitlines()
    assert lines_out[0] == (
        f"{bad}: unreadable line 4: $: is not JSON: Unterminated string starting at line 1, column 83"
    )
    assert lines_out[1].startswith(f"{bad}: error format line 12: $.speech_act (Claim.speech_act): ")
    assert lines_out[2] == (
        f"{bad}: warning EM202 line 10: $.content.participants[0].actor: refers to 'actor:ru-armed-forces', "
        "which is not an actor in the dossier. Fix: add the actor"
    )
    assert lines_out[-1] == (
        f"{bad}: unreadable lines: 6 actors, 2 sources, 4 claims; 1 error, 2 warnings, 1 unreadable line"
    )


def test_warnings_fail_only_with_strict(tmp_path):
    lonely = em.Dossier([ARTICLE, OUTLET, MINISTRY, STATES])  # the army is not in it: a warning
    path = tmp_path / "lonely.json"
    path.write_text(em.json.dumps(lonely), encoding="utf-8")
    status, out, _ = run("validate", path)
    assert status == 0
    assert out.splitlines()[-1] == f"{path}: valid: 2 actors, 1 source, 1 claim; 0 errors, 1 warning"
    status, out, _ = run("validate", "--strict", path)
    assert status == 1
    assert out.splitlines()[-1] == f"{path}: invalid: 2 actors, 1 source, 1 claim; 0 errors, 1 warning"


def test_validate_a_single_object_document(tmp_path):
    path = tmp_path / "actor.json"
    path.write_text(em.json.dumps(BIDEN), encoding="utf-8")
    status, out, _ = run("validate", path)
    assert (status, out) == (0, f"{path}: valid: 1 actor, 0 sources, 0 claims; 0 errors, 0 warnings\n")


def test_validate_a_document_whose_top_level_is_wrong(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    status, out, _ = run("validate", path)
    assert status == 1
    assert (
        out.splitlines()[0]
        == f"{path}: error format $: must be an actor, a source or a claim object, got [1, 2]"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"eventmodel": ', "$: is not JSON: Expecting value at line 1, column 16"),
        (b"\xff\xfe{}", "$: is not UTF-8 (byte 0: invalid start byte)"),
    ],
)
def test_unreadable_documents(tmp_path, content, message):
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    status, out, err = run("validate", path)
    assert (status, out, err) == (2, "", f"eventmodel: {path}: {message}\n")


def test_missing_files_and_directories_are_unreadable_and_the_rest_is_still_checked(tmp_path, files):
    document, _ = files
    status, out, err = run("validate", tmp_path / "nope.json", tmp_path, document)
    assert status == 2
    assert err.splitlines() == [
        f"eventmodel: {tmp_path / 'nope.json'}: no such file",
        f"eventmodel: {tmp_path}: is a directory, not a file",
    ]
    assert out.splitlines() == [
        f"{document}: valid: 7 actors, 2 sources, 5 claims; 0 errors, 0 warnings",
        "3 files: 0 errors, 0 warnings, 2 unreadable",
    ]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that apply")
def test_a_file_that_cannot_be_opened(tmp_path):
    path = tmp_path / "secret.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    try:
        status, out, err = run("validate", path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert (status, out, err) == (2, "", f"eventmodel: {path}: cannot be read (Permission denied)\n")


def test_the_format_is_told_from_the_content_without_an_extension(tmp_path, files):
    document, lines = files
    for source, name in ((document, "plain"), (lines, "lines")):
        target = tmp_path / name
        target.write_bytes(source.read_bytes())
        status, out, _ = run("validate", target)
        assert status == 0, out
        assert out == f"{target}: valid: 7 actors, 2 sources, 5 claims; 0 errors, 0 warnings\n"


def test_validate_reads_standard_input(files, monkeypatch):
    _, lines = files
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(lines.read_bytes()))))
    status, out, _ = run("validate", "-")
    assert (status, out) == (0, "<stdin>: valid: 7 actors, 2 sources, 5 claims; 0 errors, 0 warnings\n")


def test_the_progress_bar_shows_on_a_terminal_for_long_files(files, monkeypatch):
    _, lines = files
    monkeypatch.setattr(_reading, "_PROGRESS_MIN_BYTES", 0)
    ticks = iter(range(0, 10_000, 1))
    monkeypatch.setattr(_reading.time, "monotonic", lambda: next(ticks))
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    loaded = _reading._read(str(lines), progress=True)
    assert len(loaded.dossier.claims) == 5
    shown = err.getvalue()
    assert f"\r{lines} [" in shown
    assert "100% 14 lines" in shown
    assert shown.endswith("\r\x1b[K")


def test_no_progress_bar_in_a_pipe(files, monkeypatch):
    _, lines = files
    monkeypatch.setattr(_reading, "_PROGRESS_MIN_BYTES", 0)
    status, _, err = run("validate", lines)  # stderr is not a terminal here
    assert (status, err) == (0, "")


# -- show ----------------------------------------------------------------------------------------

SHOWN = """\
Dossier: 7 actors, 2 sources, 5 claims. Provenance check: ok (9 rules)

Source src:republicworld-2022-03-27: Republic World “Russia releases video of Luhansk”
  (news-article, published 2022-03-27)

Source src:kyivindependent-2022-03-27: Kyiv Independent (news-article, published 2022-03-27)
  derived from Republic World [src:republicworld-2022-03-27]

Claims

1. Republic World → Interior Ministry of Ukraine
   Interior Ministry of Ukraine states (CT+), “on Sunday” (2022-03-27)
       “Russian troops used banned cluster munitions.” (Republic World)
     event: attack.shelling, in Krasnohorivka, UA, at 2022-03-26 [event:krasnohorivka-strike]
       agent: Russian armed forces
       weapon: Tornado-S MLRS
   [claim:ministry-states]

2. Kyiv Independent → Interior Ministry of Ukraine
   Kyiv Independent reports (CT+)
     Interior Ministry of Ukraine states (CT+)
       event: attack.shelling, in Krasnohorivka, UA, at 2022-03-26 [event:krasnohorivka-strike]
         agent: Russian armed forces
         weapon: Tornado-S MLRS
   factuality as relayed: CT+
   [claim:kyiv-relays]

3. Kyiv Independent → Russian Ministry of Defence
   Russian Ministry of Defence denies (CT-)
     event: attack.shelling, in Krasnohorivka, UA, at 2022-03-26 [event:krasnohorivka-strike]
       agent: Russian armed forces
       weapon: Tornado-S MLRS
   [claim:ru-denies]

4. Republic World → Antony Blinken → Joe Biden
   Republic World reports (CT+)
       “Blinken said Biden’s point was that” (Republic World)
     Antony Blinken interprets (CT+)
       Joe Biden states (CT+)
         that: Putin cannot be empowered to wage war.
   factuality as relayed: CT+
   [claim:outlet-reports-blinken]

5. Republic World → (unattributed)
   (unattributed) states (PS+)
     that: Luhansk may be annexed by Russia.
       held: at least 93 percent
   [claim:it-was-reported]

Corroboration
  event:krasnohorivka-strike: 3 reports, 2 independent origins (circular reporting)
    Interior Ministry of Ukraine: claims 1, 2
      same original speaker actor:ua-interior-ministry
      src:kyivindependent-2022-03-27 derives from src:republicworld-2022-03-27
    Russian Ministry of Defence: claim 3

Conflicts
  event:krasnohorivka-strike, polarity: Interior Ministry of Ukraine (claim 1) vs Russian Ministry
    of Defence (claim 3): one says CT+ (states), the other CT- (denies)
  event:krasnohorivka-strike, polarity: Interior Ministry of Ukraine (claim 2) vs Russian Ministry
    of Defence (claim 3): one says CT+ (states), the other CT- (denies)
"""


def test_show_prints_chains_corroboration_and_conflicts(files):
    document, lines = files
    for path in (document, lines):
        status, out, err = run("show", path, "--width", 100)
        assert (status, err) == (0, "")
        assert out == SHOWN


def test_show_is_the_same_as_the_function():
    assert cli.show(DOSSIER, width=100) == SHOWN


def test_show_wraps_to_the_width_asked():
    narrow = cli.show(DOSSIER, width=50)
    assert max(len(line) for line in narrow.splitlines()) <= 50
    assert "1. Republic World → Interior Ministry of Ukraine" in narrow


def test_show_of_a_dossier_with_violations_says_so():
    lonely = em.Dossier([ARTICLE, OUTLET, MINISTRY, STATES])
    assert " ".join(cli.show(lonely, width=200).splitlines()[:1]) == (
        "Dossier: 2 actors, 1 source, 1 claim. Provenance check: 0 errors, 1 warning (eventmodel validate lists them)"
    )


def test_show_an_invalid_file_is_one_line(tmp_path):
    data = json.loads(em.json.dumps(DOSSIER))
    data["claims"][0]["confidence"] = 140
    data["claims"][2]["speech_act"] = 5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = run("show", bad)
    assert (status, out) == (1, "")
    assert err == (
        f"eventmodel: {bad}: $.claims[0].confidence: must be an object, not a number, got 140 "
        "(and 1 more; run eventmodel validate)\n"
    )


def test_show_a_missing_file(tmp_path):
    status, out, err = run("show", tmp_path / "nope.json")
    assert (status, out, err) == (2, "", f"eventmodel: {tmp_path / 'nope.json'}: no such file\n")


@pytest.mark.parametrize(
    ("quantity", "words"),
    [
        (em.Quantity(16600, unit="personnel"), "16,600 personnel"),
        (em.Quantity(7, approximate=True), "about 7"),
        (em.Quantity.between(5, 7, unit="boats"), "5–7 boats"),
        (em.Quantity.at_least(10), "at least 10"),
        (em.Quantity.at_most("2.5", unit="km"), "at most 2.5 km"),
    ],
)
def test_quantities_in_words(quantity, words):
    assert cli.describe_quantity(quantity) == words


# -- schema and convert ---------------------------------------------------------------------------


def test_schema_prints_the_json_schema():
    status, out, _ = run("schema")
    assert status == 0
    assert json.loads(out) == json_schema()
    assert out.startswith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema"')


def test_convert_round_trips(tmp_path, files):
    document, lines = files
    status, out, _ = run("convert", document, tmp_path / "out.jsonl")
    assert (status, out) == (0, f"{document} -> {tmp_path / 'out.jsonl'}: 14 objects as jsonl\n")
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == lines.read_text(encoding="utf-8")
    status, _, _ = run("convert", tmp_path / "out.jsonl", tmp_path / "back.json")
    assert status == 0
    assert (tmp_path / "back.json").read_text(encoding="utf-8") == document.read_text(encoding="utf-8") + "\n"
    assert em.json.loads((tmp_path / "back.json").read_text(encoding="utf-8"), em.Dossier) == DOSSIER


def test_convert_to_standard_output_needs_the_format(files):
    document, lines = files
    status, out, err = run("convert", document, "-")
    assert (status, out) == (2, "")
    assert err == "eventmodel: cannot tell the format to write from '-': use --to json or --to jsonl\n"
    status, out, err = run("convert", document, "-", "--to", "jsonl")
    assert (status, err) == (0, "")
    assert out == lines.read_text(encoding="utf-8")


def test_convert_refuses_an_invalid_input_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"eventmodel": "1.0", "claims": [{"type": "claim"}]}', encoding="utf-8")
    status, _, err = run("convert", bad, tmp_path / "out.jsonl")
    assert status == 1
    assert err.startswith(f"eventmodel: {bad}: $.claims[0]")
    assert not (tmp_path / "out.jsonl").exists()


def test_convert_to_a_place_that_cannot_be_written(tmp_path, files):
    document, _ = files
    status, _, err = run("convert", document, tmp_path / "no" / "such" / "dir.jsonl")
    assert status == 2
    assert (
        err
        == f"eventmodel: {tmp_path / 'no' / 'such' / 'dir.jsonl'}: cannot be written (No such file or directory)\n"
    )


# -- graph ----------------------------------------------------------------------------------------


def test_graph_as_dot(files):
    document, _ = files
    status, out, _ = run("graph", document)
    assert status == 0
    assert out.startswith("digraph attribution {\n  rankdir=LR;\n")
    # A source is named by its publisher: the publisher is not drawn a second time as an actor.
    assert (
        '  "src:kyivindependent-2022-03-27" [label="Kyiv Independent\\nnews article, 2022-03-27", shape=folder'
        in out
    )
    assert '"actor:' not in out
    # Claims say who says what, how surely, about what.
    assert (
        '  "claim:ru-denies" [label="Russian Ministry of Defence\\ndenies (CT-)\\nattack.shelling", shape=box'
        in out
    )
    assert (
        '  "claim:kyiv-relays" [label="Kyiv Independent\\nreports (CT+)\\nthat Interior Ministry of Ukraine states"'
        in out
    )
    assert '  "claim:it-was-reported" [label="it was reported\\nstates (PS+)\\n' in out
    # The event is drawn once, and every account of it ends there.
    assert (
        out.count(
            '  "event:krasnohorivka-strike" [label="attack.shelling\\nin Krasnohorivka\\nat 2022-03-26"'
        )
        == 1
    )
    assert [line for line in out.splitlines() if line.endswith('-> "event:krasnohorivka-strike";')] == [
        '  "claim:ministry-states" -> "event:krasnohorivka-strike";',
        '  "claim:ministry-states-relayed" -> "event:krasnohorivka-strike";',
        '  "claim:ru-denies" -> "event:krasnohorivka-strike";',
    ]
    # Conflicts are a red dashed line naming the field.
    assert '  "claim:ministry-states" -> "claim:ru-denies" [label="polarity", color="#c0392b"' in out
    assert '  "src:kyivindependent-2022-03-27" -> "src:republicworld-2022-03-27" [label="derived from"' in out
    assert '  "claim:blinken-interprets" -> "claim:biden-meant";\n' in out
    assert '  "claim:biden-meant" -> "claim:biden-meant#content";\n' in out
    assert out.endswith("}\n")
    assert out == cli.to_dot(DOSSIER)


def test_graph_as_mermaid(files):
    document, _ = files
    status, out, _ = run("graph", document, "--format", "mermaid")
    assert status == 0
    assert out.startswith('flowchart LR\n  n0[("Republic World')
    assert '  n3{{"attack.shelling in Krasnohorivka at 2022-03-26"}}\n' in out
    assert '  n11("it was reported states (PS+) “Luhansk may be annexed by Rus…”")\n' in out
    assert '  n1 -->|"derived from"| n0\n' in out
    assert '  n2 -.-|"polarity"| n6\n' in out


def test_graph_labels_are_escaped():
    odd = em.Actor('The "Quoted" \\ Ministry', em.ActorKind.GOVERNMENT, id="actor:odd")
    source = em.Source(em.SourceKind.OFFICIAL_STATEMENT, id="src:odd", publisher=odd)
    dossier = em.Dossier([odd, source])
    assert '[label="The \\"Quoted\\" \\\\ Ministry\\nofficial statement", shape=folder' in cli.to_dot(dossier)
    assert 'n0[("The #quot;Quoted#quot; \\ Ministry official statement")]' in cli.to_mermaid(dossier)


def test_graph_of_the_example_is_a_screen_wide(tmp_path):
    """Rendered by Graphviz at its default resolution, the example's graph is at most 2,000 px wide."""
    if shutil.which("dot") is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI must render the graph: Graphviz's dot is not installed (apt-get install graphviz)"
            )
        pytest.skip("Graphviz's dot is not installed (apt-get install graphviz)")
    target = tmp_path / "graph.png"
    status, _, err = run("graph", EXAMPLE, "--format", "png", "-o", target)
    assert (status, err) == (0, "")
    head = target.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    assert width <= 2000, (width, height)


def test_graph_to_a_file(tmp_path, files):
    document, _ = files
    status, out, _ = run("graph", document, "--format", "mermaid", "-o", tmp_path / "g.mmd")
    assert (status, out) == (0, "")
    assert (tmp_path / "g.mmd").read_text(encoding="utf-8") == cli.to_mermaid(DOSSIER)


def test_rendering_needs_graphviz(files, monkeypatch):
    document, _ = files
    monkeypatch.setenv("PATH", "")
    status, _, err = run("graph", document, "--format", "svg", "-o", "x.svg")
    assert status == 2
    assert err == (
        "eventmodel: --format svg needs Graphviz's dot program, which is not on PATH: "
        "install Graphviz, or use --format dot and render it elsewhere\n"
    )


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for Graphviz")
def test_rendering_runs_graphviz(tmp_path, files, monkeypatch):
    document, _ = files
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    # dot -Tpng reads DOT on stdin and writes the image to stdout, which the command writes to OUT whole.
    fake.write_text('#!/bin/sh\necho "$1"; cat\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent) + os.pathsep + os.environ.get("PATH", ""))
    status, _, err = run("graph", document, "--format", "png", "-o", tmp_path / "g.png")
    assert (status, err) == (0, "")
    assert (tmp_path / "g.png").read_text(encoding="utf-8") == "-Tpng\n" + cli.to_dot(DOSSIER)
    status, _, err = run("graph", document, "--format", "svg")
    assert (status, err) == (2, "eventmodel: --format svg writes a binary file: name it with --output\n")
    fake.write_text("#!/bin/sh\necho 'Error: syntax error in line 1' >&2; exit 1\n")
    status, _, err = run("graph", document, "--format", "svg", "-o", tmp_path / "g.svg")
    assert (status, err) == (2, "eventmodel: dot failed: Error: syntax error in line 1\n")


# -- arguments ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required: COMMAND (see eventmodel --help)"),
        (
            ["frob"],
            "argument COMMAND: invalid choice: 'frob' (choose from 'validate', 'show', 'schema', 'convert', "
            "'graph', 'export', 'import', 'report', 'load') (see eventmodel --help)",
        ),
        (
            ["validate"],
            "the following arguments are required: FILE, or --store DB (see eventmodel validate --help)",
        ),
        (
            ["graph", "x.json", "--format", "gif"],
            "argument --format: invalid choice: 'gif' (choose from 'dot', 'mermaid', 'svg', 'png') "
            "(see eventmodel graph --help)",
        ),
        (["show", "a", "b"], "unrecognized arguments: b (see eventmodel --help)"),
    ],
)
def test_bad_arguments_are_one_line(argv, message):
    status, out, err = run(*argv)
    assert (status, out, err) == (2, "", f"eventmodel: {message}\n")


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"eventmodel {em.__version__}\n"


def test_python_dash_m_runs_the_same_command(files):
    document, _ = files
    done = subprocess.run(
        [sys.executable, "-m", "eventmodel", "validate", str(document)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"{document}: valid: 7 actors, 2 sources, 5 claims; 0 errors, 0 warnings\n"
    done = subprocess.run(
        [sys.executable, "-m", "eventmodel", "show", str(Path(document).parent / "nope.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == f"eventmodel: {Path(document).parent / 'nope.json'}: no such file\n"


def test_validate_places_each_violation_without_listing_the_members_again(tmp_path, monkeypatch):
    # Every claim lacks evidence: one error a claim, each placed at its line.
    claims = [em.Claim(None, em.Proposition(f"said {number}"), id=f"claim:{number}") for number in range(50)]
    lines = tmp_path / "bare.jsonl"
    with lines.open("w", encoding="utf-8") as fp:
        em.json.write_jsonl(claims, fp)
    listed = []
    original = em.Dossier.claims

    def counted(self):
        listed.append(1)
        return original.fget(self)

    monkeypatch.setattr(em.Dossier, "claims", property(counted))
    status, out, _ = run("validate", "--no-progress", lines)
    assert status == 1
    placed = [line for line in out.splitlines() if " EM101 " in line]
    assert placed[0] == (
        f"{lines}: error EM101 line 1: $.evidence: has no evidence: a top-level claim must point at where it "
        "was seen. Fix: add Evidence(source, quote=TextQuote(...)) naming a source in the dossier"
    )
    assert placed[49].startswith(f"{lines}: error EM101 line 50: $.evidence")
    # The rules list the claims a few times; placing 50 violations lists them once more, not 50 times.
    assert len(listed) < 20
