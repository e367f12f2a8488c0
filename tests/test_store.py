"""The embedded store: what goes in comes out equal, and it answers as the dossier does."""

from __future__ import annotations

import importlib.util
import inspect
import io
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import cli, testing
from eventmodel.interop import read_gdelt
from eventmodel.store import STORE_VERSION, Store

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "examples" / "luhansk-2022-03-27" / "dossier.json"
GDELT_EXPORT = HERE / "data" / "gdelt" / "20191024143000.export.CSV"


@pytest.fixture(scope="module")
def example():
    return em.json.loads(EXAMPLE.read_text(encoding="utf-8"), em.Dossier)


@pytest.fixture(scope="module")
def gdelt():
    return read_gdelt([str(GDELT_EXPORT)])


def _subjects(dossier):
    """The ids of every event and proposition claims are about, in order."""
    found = {}
    for statement in dossier.statements():
        content = statement.claim.content
        if isinstance(content, (em.Event, em.Proposition)) and content.id is not None:
            found.setdefault(content.id, type(content))
    return found


def _events(dossier):
    return [ident for ident, kind in _subjects(dossier).items() if kind is em.Event]


def _in_a_new_process(path):
    """The store at *path* read back whole by another Python process, as JSON."""
    code = "import sys, eventmodel as em; print(em.json.dumps(em.Store(sys.argv[1]).dossier()))"
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True, timeout=120
    )
    return em.json.loads(done.stdout, em.Dossier)


# -- round trips ------------------------------------------------------------------------------------


def test_the_example_goes_in_and_comes_out_equal_in_a_new_process(example, tmp_path):
    path = tmp_path / "example.db"
    with Store(path) as store:
        assert store.add_all(example) == len(example)
    assert _in_a_new_process(path) == example


def test_the_gdelt_export_goes_in_and_comes_out_equal_in_a_new_process(gdelt, tmp_path):
    path = tmp_path / "gdelt.db"
    with Store(path) as store:
        store.add_all(gdelt)
    assert _in_a_new_process(path) == gdelt


def test_objects_stream_in_dependency_order(example):
    store = Store()
    store.add_all(reversed(list(example)))
    kinds = [type(obj).__name__ for obj in store.objects()]
    assert kinds == sorted(kinds, key=["Actor", "Source", "Claim"].index)
    assert list(store.objects("claim")) == list(reversed(example.claims))
    assert list(store) == list(store.objects())
    assert list(store.actors()) == list(reversed(example.actors))
    assert list(store.sources()) == list(reversed(example.sources))


def test_extras_and_unrecognized_objects_are_kept():
    text = (
        '{"eventmodel": "1.0", "actors": [{"type": "actor", "id": "actor:a", "name": "A"}, '
        '{"type": "robot", "id": "x", "serial": 1.5}], "note": {"n": 12.50}}'
    )
    dossier = em.json.loads(text, em.Dossier, strict=False)
    store = Store()
    store.add_all(dossier)
    store.add_all(dossier)
    assert store.dossier() == dossier
    assert store.extras == dossier.extras
    assert store.unrecognized == dossier.unrecognized


def test_other_extras_under_one_name_are_refused():
    store = Store()
    store.add_all(em.json.loads('{"eventmodel": "1.0", "note": 1}', em.Dossier, strict=False))
    with pytest.raises(em.InvalidValueError) as caught:
        store.add_all(em.json.loads('{"eventmodel": "1.0", "note": 2}', em.Dossier, strict=False))
    assert str(caught.value) == (
        "Store.extras: is a dossier extra the store holds with another value: 1 and 2, got 'note'"
    )


# -- queries ----------------------------------------------------------------------------------------


def test_every_query_answers_as_the_dossier_does_for_the_example(example):
    store = Store()
    store.add_all(example)
    for actor in [*example.actors, None]:
        assert store.claims_by(actor) == example.claims_by(actor)
        assert store.perspective(actor) == example.perspective(actor)
        if actor is not None:
            assert store.claims_involving(actor) == example.claims_involving(actor)
            assert store.claims_involving(actor.id) == example.claims_involving(actor.id)
    for source in example.sources:
        assert store.claims_citing(source) == example.claims_citing(source)
    for subject in _subjects(example):
        assert store.claims_about(subject) == example.claims_about(subject)
        assert store.conflicts(subject) == [c for c in example.conflicts() if c.subject == subject]
    assert store.conflicts() == example.conflicts()
    assert list(store.subjects()) == list(_subjects(example))
    for statement in example.statements():
        assert store.chain(statement.claim.id) == example.chain(statement.claim.id)
        assert store.chain(statement.claim) == example.chain(statement.claim)
        assert store.origin(statement.claim.id) == example.origin(statement.claim.id)
        when = getattr(statement.claim.content, "when", None)
        if when is not None:
            assert store.claims_during(when) == example.claims_during(when)
    assert list(store.statements()) == list(example.statements())
    assert store.get("actor:nobody") is None
    assert store["src:republicworld-2022-03-27"] == example["src:republicworld-2022-03-27"]
    assert example.claims[0] in store
    assert example.claims[0].id in store
    assert attrs.evolve(example.actors[0], name="Someone else") not in store
    assert 12 not in store
    assert len(store) == len(example)
    assert repr(store) == "<Store :memory:: 20 actors, 6 sources, 29 claims>"


def test_corroboration_is_the_dossiers_for_every_event(example, gdelt):
    for dossier in (example, gdelt):
        store = Store()
        store.add_all(dossier)
        events = _events(dossier)
        assert events
        for event in events:
            assert store.corroboration(event) == dossier.corroboration(event)


def test_corroboration_of_propositions_copies_and_bad_subjects_is_the_dossiers():
    wire = em.Source(
        "news-article",
        id="src:wire",
        text="Hackers broke into the ministry's networks on Monday, an official said.",
    )
    page = em.Source(
        "news-article",
        id="src:page",
        text="Hackers broke into the ministry's networks on Monday, an official said.",
    )
    held = em.Proposition("Ostmark holds the ministry's files.", id="proposition:files")
    dossier = em.Dossier(
        [
            wire,
            page,
            em.Claim("actor:agency", held, evidence=[em.Evidence(wire)], id="claim:wire"),
            em.Claim("actor:courier", held, evidence=[em.Evidence(page)], id="claim:page"),
        ]
    )
    store = Store()
    store.add_all(dossier)
    assert store.corroboration(held) == dossier.corroboration(held)
    assert store.corroboration(held).independent_count == 2
    copies = store.corroboration("proposition:files", near_copies=0.5)
    assert copies == dossier.corroboration("proposition:files", near_copies=0.5)
    assert copies.independent_count == 1
    with pytest.raises(em.InvalidTypeError) as none:
        store.corroboration(None)
    assert str(none.value) == (
        "Store.corroboration(): needs the id of an event or proposition, got None. "
        "Fix: pass an Event, a Proposition with an id, or its id"
    )
    with pytest.raises(em.UnresolvedReferenceError) as unknown:
        store.corroboration("event:none")
    assert str(unknown.value) == (
        "Store.corroboration(): is not the id of an event or proposition that a claim in the store "
        "describes, got 'event:none'"
    )


def test_a_part_of_the_store_is_everything_about_it(example):
    store = Store()
    store.add_all(example)
    for event in _events(example):
        part = store.dossier(event=event)
        assert part.claims_about(event) == example.claims_about(event)
        assert part.corroboration(event) == example.corroboration(event)
        assert part.check().ok
    some = example.statements()[-1]
    carrying = store.dossier(claim=some.claim.id)
    assert some.report in carrying.claims
    assert carrying.check().ok
    speaker = example.claims[0].claimant
    assert {s.report for s in example.claims_by(speaker)} <= set(store.dossier(actor=speaker).claims)
    source = example.sources[0]
    citing = store.dossier(source=source)
    assert set(citing.claims) >= {
        report for report in example.claims if any(item.source == source.id for _, item in _evidence(report))
    }
    assert citing.check().ok
    with pytest.raises(em.InvalidValueError) as caught:
        store.dossier(event="e", actor="a")
    assert (
        str(caught.value)
        == "Store.dossier(): takes one of event, claim, actor and source, got 'event, actor'"
    )


def _evidence(report):
    for claim, _depth in _walk(report):
        for item in claim.evidence:
            yield claim, item


def _walk(claim, depth=1):
    while isinstance(claim, em.Claim):
        yield claim, depth
        claim, depth = claim.content, depth + 1


def test_a_claim_the_store_does_not_hold_is_named():
    with pytest.raises(em.UnresolvedReferenceError) as caught:
        Store().origin("claim:nowhere")
    assert str(caught.value) == "Store.claim: is not the id of a claim in the store, got 'claim:nowhere'"
    with pytest.raises(em.InvalidTypeError) as caught:
        Store().claims_during("2022")
    assert str(caught.value) == "Store.claims_during(): needs a When, got '2022'"
    with pytest.raises(em.InvalidValueError) as caught:
        list(Store().objects("event"))
    assert str(caught.value) == "Store.kind: must be 'actor', 'source' or 'claim', got 'event'"


def _dossiers():
    members = st.one_of(testing.actors(), testing.sources(), testing.claims(max_depth=2))
    return st.lists(members, max_size=6, unique_by=lambda obj: obj.id).map(em.Dossier)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_dossiers())
def test_any_dossier_round_trips_and_answers_as_the_dossier_does(dossier):
    store = Store()
    store.add_all(dossier)
    assert store.dossier() == dossier
    for obj in dossier:
        assert store.get(obj.id) == obj
    for actor in {*(s.claim.claimant for s in dossier.statements()), None}:
        assert store.claims_by(actor) == dossier.claims_by(actor)
    for evidence_source in {item.source for claim in dossier.claims for item in claim.evidence}:
        assert store.claims_citing(evidence_source) == dossier.claims_citing(evidence_source)
    for subject, kind in _subjects(dossier).items():
        assert store.claims_about(subject) == dossier.claims_about(subject)
        if kind is em.Event:
            assert store.corroboration(subject) == dossier.corroboration(subject)
    for statement in dossier.statements():
        content = statement.claim.content
        for participant in getattr(content, "participants", ()):
            assert store.claims_involving(participant.actor) == dossier.claims_involving(participant.actor)
        when = getattr(content, "when", None)
        if when is not None:
            assert store.claims_during(when) == dossier.claims_during(when)
        assert store.chain(statement.claim.id) == dossier.chain(statement.claim.id)
    assert store.conflicts() == dossier.conflicts()
    assert store.check() == dossier.check()


def _module(name):
    """A test module of this folder, loaded afresh (its strategies and its tests, to run again)."""
    spec = importlib.util.spec_from_file_location(f"_store_cases_{name[:-3]}", HERE / name)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: Dossiers whose claims refer to the actors and sources they hold, which derive from one another,
#: with quotes in their texts and times anchored on one another (the dossier tests' strategy).
LINKED_DOSSIERS = _module("test_dossier.py").dossiers()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINKED_DOSSIERS)
def test_any_linked_dossier_is_checked_and_corroborated_in_a_store_as_in_memory(dossier):
    store = Store()
    store.add_all(dossier)
    assert store.dossier() == dossier
    assert store.check() == dossier.check()
    for subject, kind in _subjects(dossier).items():
        if kind is em.Event:
            assert store.corroboration(subject) == dossier.corroboration(subject)
            part = store.dossier(event=subject)
            assert part.corroboration(subject) == dossier.corroboration(subject)
    assert store.conflicts() == dossier.conflicts()


# -- the provenance rules ---------------------------------------------------------------------------


#: The test modules whose dossiers are checked again through a store.
RULE_CASES = ("test_dossier.py", "test_uncertain_anchors.py", "test_article_gaps.py")


@pytest.mark.parametrize("module", RULE_CASES)
def test_the_rules_over_a_store_find_what_they_find_in_every_dossier_the_rule_tests_build(
    module, monkeypatch
):
    """
    Every dossier that the rule tests check (those of their tests that take no
    fixture) is checked again through a store: the same violations, ids and
    paths.
    """
    cases = _module(module)
    original = em.Dossier.check
    compared: list[tuple[object, object]] = []

    def check(self, **options):
        report = original(self, **options)
        if not options.get("strict"):
            store = Store()
            store.add_all(self)
            compared.append((store.check(**options), report))
        return report

    monkeypatch.setattr(em.Dossier, "check", check)
    for name, function in vars(cases).items():
        if name.startswith("test_") and callable(function) and not inspect.signature(function).parameters:
            function()
    assert len(compared) >= 5
    assert [through for through, _ in compared] == [report for _, report in compared]
    if module == "test_dossier.py":
        assert {rule.id for rule in em.DEFAULT_RULES} <= {
            violation.rule for _, report in compared for violation in report
        }


def test_strict_raises_for_the_first_error():
    store = Store()
    store.add(em.Source("news-article", id="src:a", derived_from=["src:a"]))
    with pytest.raises(em.ProvenanceError) as caught:
        store.check(strict=True, disable="EM201")
    assert str(caught.value).startswith("$.sources[0].derived_from: breaks rule EM301")
    assert store.check(disable={"EM301"}).rules == tuple(
        rule.id for rule in em.DEFAULT_RULES if rule.id != "EM301"
    )


# -- ids, versions, files ---------------------------------------------------------------------------


def test_an_id_held_with_other_content_is_refused_naming_both_and_nothing_is_added(example, tmp_path):
    store = Store(tmp_path / "s.db")
    actor = em.Actor("Republic World", em.ActorKind.MEDIA, id="actor:x")
    assert store.add(actor) is True
    assert store.add(actor) is False
    other = em.Actor("Kyiv Independent", em.ActorKind.MEDIA, id="actor:x")
    with pytest.raises(em.InvalidValueError) as caught:
        store.add_all([*example, other])
    assert str(caught.value) == (
        f"Store.add(): is the id of two different objects: {actor!r} and {other!r}, got 'actor:x'."
        " Fix: give each object its own id, or leave ids out to derive them from content"
    )
    assert list(store) == [actor]
    with pytest.raises(em.InvalidValueError):
        store.add_all([other.__class__("A", id="actor:y"), em.Actor("B", id="actor:y")])
    assert list(store) == [actor]


def test_events_and_other_things_are_refused():
    event = em.Event("attack", id="event:x")
    with pytest.raises(em.InvalidTypeError) as caught:
        Store().add(event)
    assert str(caught.value).startswith("Store.add(): holds actors, sources and claims, got Event(")


def test_a_store_of_another_major_version_is_refused(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        assert store.store_version == STORE_VERSION
        assert store.format_version == em.json.FORMAT_VERSION
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '2.0' WHERE key = 'store_version'")
    db.close()
    with pytest.raises(em.InvalidValueError) as caught:
        Store(path)
    assert str(caught.value) == (
        f"Store.store_version: is a store of version 2.0; this eventmodel reads stores of version 1.x"
        f", got {str(path)!r}. Fix: open it with the eventmodel that wrote it, and export it as JSON Lines"
    )


def test_files_that_are_not_stores_are_refused(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database at all, but long enough to be read as one" * 40)
    with pytest.raises(em.InvalidValueError) as caught:
        Store(text)
    assert str(caught.value).startswith("Store.path: is not an eventmodel store (file is not a database)")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    with pytest.raises(em.InvalidValueError) as caught:
        Store(other)
    assert str(caught.value) == (
        "Store.path: is an SQLite database but not an eventmodel store: it has no meta table"
        f", got {str(other)!r}. Fix: name a new file, or a store that eventmodel made"
    )
    with pytest.raises(em.InvalidValueError) as caught:
        Store(tmp_path / "missing" / "s.db")
    assert str(caught.value).startswith(
        "Store.path: cannot be opened as a store (unable to open database file)"
    )


def test_a_store_file_uses_write_ahead_logging(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.integrity() == "ok"


KILLED_LOAD = textwrap.dedent(
    """
    import sys, time, eventmodel as em
    store = em.Store(sys.argv[1], batch_size=50)
    def batch(number, count):
        for index in range(count):
            if number == 3 and index > 120:
                time.sleep(0.01)  # slow enough to be killed in the middle
            yield em.Actor(f"Actor {number}.{index}", id=f"actor:{number}-{index}")
    for number in (1, 2, 3):
        print("start", number, flush=True)
        store.add_all(batch(number, 100 if number < 3 else 100_000))
        print("committed", number, flush=True)
    """
)


def test_a_load_killed_part_way_leaves_the_committed_transactions_and_no_more(tmp_path):
    path = tmp_path / "killed.db"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_LOAD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    lines = []
    while not lines or lines[-1] != "start 3":
        lines.append(child.stdout.readline().strip())
        assert lines[-1], "the loading process ended early"
    time.sleep(1.0)  # batches of transaction 3 are written, not committed
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert lines == ["start 1", "committed 1", "start 2", "committed 2", "start 3"]
    with Store(path) as store:
        assert store.integrity() == "ok"
        ids = [obj.id for obj in store]
    assert ids == [f"actor:{n}-{i}" for n in (1, 2) for i in range(100)]


# -- the command line -------------------------------------------------------------------------------


def run(*argv):
    """Run the command in this process: (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = cli.main([str(arg) for arg in argv])
    finally:
        sys.stdout, sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


def test_load_validate_show_and_export_a_store(example, tmp_path):
    db = tmp_path / "s.db"
    lines = tmp_path / "example.jsonl"
    lines.write_text("".join(em.json.dumps(obj) + "\n" for obj in example), encoding="utf-8")
    assert run("load", db, EXAMPLE) == (
        0,
        f"{EXAMPLE} -> {db}: 55 new objects\n{db}: 20 actors, 6 sources, 29 claims\n",
        "",
    )
    assert run("load", db, lines, "--no-progress") == (
        0,
        f"{lines} -> {db}: 0 new objects\n{db}: 20 actors, 6 sources, 29 claims\n",
        "",
    )
    assert run("validate", "--store", db) == (
        0,
        f"{db}: valid: 20 actors, 6 sources, 29 claims; 0 errors, 0 warnings\n",
        "",
    )
    out_file = tmp_path / "out.jsonl"
    assert run("export", db, "--to", "jsonl", "-o", out_file) == (
        0,
        f"{db} -> {out_file}: 55 objects as jsonl\n",
        "",
    )
    assert out_file.read_text(encoding="utf-8") == lines.read_text(encoding="utf-8")
    status, out, _ = run("export", db, "-o", tmp_path / "again.ndjson")
    assert status == 0
    status, out, err = run("export", db, "--to", "jsonl")
    assert (status, out, err) == (0, lines.read_text(encoding="utf-8"), "")
    pytest.importorskip("pyarrow")
    from eventmodel.interop import tables  # noqa: PLC0415 - needs the pyarrow extra

    folder = tmp_path / "tables"
    assert run("export", db, "--to", "parquet", "-o", folder, "--buckets", "4") == (
        0,
        f"{db} -> {folder}: 55 objects as parquet\n",
        "",
    )
    assert tables.read_parquet(folder) == example
    assert run("export", db, "--to", "parquet")[2].endswith("parquet writes a folder: name it with -o\n")
    event = _events(example)[0]
    status, shown, err = run("show", db, "--event", event)
    assert (status, err) == (0, "")
    status, from_file, err = run("show", EXAMPLE, "--event", event)
    assert (status, from_file) == (0, shown)
    assert shown == cli.show(Store(db).dossier(event=event), width=100)
    claim = example.claims[0].id
    assert run("show", db, "--claim", claim)[1] == cli.show(Store(db).dossier(claim=claim), width=100)
    actor = example.claims[0].claimant
    assert run("show", db, "--actor", actor)[1] == cli.show(Store(db).dossier(actor=actor), width=100)


def test_a_store_with_violations_fails_validation(tmp_path):
    db = tmp_path / "bad.db"
    with Store(db) as store:
        store.add(em.Source("news-article", id="src:a", derived_from=["src:b"]))
    status, out, err = run("validate", "--store", db)
    assert (status, err) == (1, "")
    assert out == (
        f"{db}: error EM201 $.sources[0].derived_from[0]: refers to 'src:b', which is not in the dossier"
        ". Fix: add the source 'src:b', or correct the id\n"
        f"{db}: invalid: 0 actors, 1 source, 0 claims; 1 error, 0 warnings\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["export", "{db}", "--to", "prov-json"],
            "{db} is a store, and --to prov-json cannot be written from a store yet: use --to jsonl or --to parquet",
        ),
        (
            ["export", "{db}", "-o", "x.ttl"],
            "{db} is a store, and this format cannot be written from a store yet: use --to jsonl or --to parquet",
        ),
        (["show", "{db}"], "{db} is a store: show one part of it with --event ID, --claim ID or --actor ID"),
        (["show", "{db}", "--event", "event:none"], "{db}: no claim about 'event:none'"),
        (["show", "{db}", "--claim", "claim:none"], "{db}: no claim is 'claim:none'"),
        (["show", "{db}", "--event", "e", "--actor", "a"], "show takes one of --event, --claim and --actor"),
        (["validate", "--store", "{db}", "{db}"], "validate takes files or --store DB, not both"),
        (["validate", "--store", "{missing}"], "{missing}: no such file"),
        (
            ["validate", "--store", "{text}"],
            "{text}: is not a store (an SQLite database made by eventmodel load)",
        ),
        (["load", "{db}", "{missing}"], "{missing}: no such file"),
    ],
)
def test_bad_store_arguments_are_one_line(argv, message, tmp_path):
    names = {"db": tmp_path / "s.db", "missing": tmp_path / "missing.db", "text": tmp_path / "text.db"}
    Store(names["db"]).close()
    names["text"].write_text("{}")
    status, out, err = run(*(arg.format(**names) for arg in argv))
    assert (status, out, err) == (2, "", f"eventmodel: {message.format(**names)}\n")


def test_a_bad_line_loads_nothing_of_its_file(tmp_path):
    db = tmp_path / "s.db"
    lines = tmp_path / "bad.jsonl"
    lines.write_text(
        '{"type": "actor", "id": "actor:a", "name": "A"}\n{"type": "actor", "id": "actor:b", "name": 5}\n'
    )
    status, out, err = run("load", db, lines)
    assert (status, out) == (1, "")
    assert err == (
        f"eventmodel: {lines}: line 2: $.name: must be a string, not a number, got 5 (nothing of it was loaded)\n"
    )
    assert len(Store(db)) == 0
    other = tmp_path / "other.db"
    other.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    status, out, err = run("load", other, lines)
    assert status == 2
    assert err.startswith(f"eventmodel: {other}: is not an eventmodel store (")


def test_violations_are_the_check_s_given_as_each_rule_finds_them(tmp_path):
    with Store(tmp_path / "bad.db") as store:
        store.add(em.Source("news-article", id="src:a", derived_from=["src:b"]))
        store.add(em.Claim(None, em.Proposition("unseen"), id="claim:no-evidence"))
        found = list(store.violations())
        report = store.check()
        assert sorted(found, key=repr) == sorted(report, key=repr)
        assert [violation.rule for violation in found] == sorted(
            (violation.rule for violation in report), key=[rule.id for rule in em.DEFAULT_RULES].index
        )

        def exploding(_):
            raise AssertionError("a rule after the first violation was run before it was asked for")

        first_rule = next(rule for rule in em.DEFAULT_RULES if rule.id == found[0].rule)
        lazily = store.violations(rules=[first_rule, em.Rule("EM999", "error", "never run", exploding)])
        assert next(lazily) == found[0]
