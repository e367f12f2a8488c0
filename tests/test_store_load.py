"""
Loading JSON Lines into a store with worker processes: the same store, the
same errors and the same all-or-nothing as one process.
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import eventmodel as em
from eventmodel import cli, testing
from eventmodel.exceptions import InvalidValueError
from eventmodel.interop import read_gdelt
from eventmodel.store import Store
from eventmodel.store import _store as store_module

HERE = Path(__file__).parent
GDELT_EXPORT = HERE / "data" / "gdelt" / "20191024143000.export.CSV"


@pytest.fixture(scope="module")
def gdelt_lines(tmp_path_factory):
    dossier = read_gdelt([str(GDELT_EXPORT)])
    path = tmp_path_factory.mktemp("gdelt") / "gdelt.jsonl"
    with path.open("w", encoding="utf-8") as fp:
        em.json.write_jsonl(dossier, fp)
    return dossier, path


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of about 64 KiB, so that a small file is many chunks and the workers are used."""
    monkeypatch.setattr(store_module, "CHUNK_BYTES", 1 << 16)


def _rows(path):
    db = sqlite3.connect(path)
    try:
        return {
            table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("objects", "hops", "evidence", "participants", "derivations")
        }
    finally:
        db.close()


def _indexes(path):
    db = sqlite3.connect(path)
    try:
        return sorted(row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'"))
    finally:
        db.close()


def test_workers_make_the_store_one_process_makes(gdelt_lines, tmp_path, small_chunks):
    dossier, lines = gdelt_lines
    for workers in (0, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            assert store.load_jsonl(lines, workers=workers) == len(dossier)
            assert store.dossier() == dossier
            assert store.integrity() == "ok"
    with Store(tmp_path / "objects.db") as store, lines.open("rb") as fp:
        store.add_all(em.json.iter_jsonl(fp))
    # Row for row the same, as add_all makes them, but for the numbers (seq) of the objects.
    parallel, serial = _rows(tmp_path / "w2.db"), _rows(tmp_path / "objects.db")
    assert [row[1:] for row in parallel["objects"]] == [row[1:] for row in serial["objects"]]
    assert _rows(tmp_path / "w0.db")["hops"] == _rows(tmp_path / "w2.db")["hops"]
    assert _indexes(tmp_path / "w2.db") == _indexes(tmp_path / "objects.db")
    assert len(_indexes(tmp_path / "w2.db")) >= len(store_module._INDEXES)


@pytest.mark.parametrize("workers", [0, 2])
def test_a_bad_line_is_named_with_its_number_and_nothing_is_added(tmp_path, small_chunks, workers):
    objects = [em.Actor(f"actor {index}", "person", id=f"actor:{index}") for index in range(3000)]
    path = tmp_path / "bad.jsonl"
    with path.open("w", encoding="utf-8") as fp:
        em.json.write_jsonl(objects, fp)
        fp.write('{"type": "actor", "id": "actor:x", "name": ""}\n')
    with Store(tmp_path / "s.db") as store:
        store.add(em.Actor("already here", "person", id="actor:held"))
        with pytest.raises(InvalidValueError) as excinfo:
            store.load_jsonl(path, workers=workers)
        assert str(excinfo.value) == (
            "line 3001: $.name (Actor.name): must not be empty, got ''. "
            "Fix: leave the field out instead of giving an empty string"
        )
        assert [obj.id for obj in store] == ["actor:held"]
    # The same words as reading the file line by line.
    with path.open("rb") as fp, pytest.raises(InvalidValueError) as line_by_line:
        list(em.json.iter_jsonl(fp))
    assert str(line_by_line.value) == str(excinfo.value)


@pytest.mark.parametrize("workers", [0, 2])
def test_an_id_held_with_other_content_in_a_later_chunk_is_refused_naming_both(
    tmp_path, small_chunks, workers
):
    objects = [em.Actor(f"actor {index}", "person", id=f"actor:{index}") for index in range(3000)]
    path = tmp_path / "twice.jsonl"
    with path.open("w", encoding="utf-8") as fp:
        em.json.write_jsonl([*objects, em.Actor("someone else", "person", id="actor:7")], fp)
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(InvalidValueError) as excinfo:
            store.load_jsonl(path, workers=workers)
        assert str(excinfo.value) == (
            "Store.add(): is the id of two different objects: "
            "Actor(id='actor:7', name='actor 7', kind=ActorKind.PERSON) and "
            "Actor(id='actor:7', name='someone else', kind=ActorKind.PERSON), got 'actor:7'. "
            "Fix: give each object its own id, or leave ids out to derive them from content"
        )
        assert len(store) == 0
    assert _indexes(tmp_path / "s.db") == _schema_indexes()


def _schema_indexes():
    """The indexes of a new store: every one the schema makes."""
    found = sorted(["sqlite_autoindex_objects_1", *(name for name, _ in store_module._INDEXES)])
    with Store(":memory:") as store:
        assert found == sorted(
            row[0] for row in store._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        )
    return found


def test_objects_held_already_are_counted_once_and_a_second_load_adds_nothing(gdelt_lines, tmp_path):
    dossier, lines = gdelt_lines
    with Store(tmp_path / "s.db") as store:
        first = next(iter(dossier))
        store.add(first)
        assert store.load_jsonl(lines, workers=0) == len(dossier) - 1
        assert store.load_jsonl(lines, workers=0) == 0
        assert store.dossier() == em.Dossier([first, *(obj for obj in dossier if obj.id != first.id)])
    assert _indexes(tmp_path / "s.db") == _schema_indexes()


def test_progress_counts_up_to_every_object_read(gdelt_lines, tmp_path, small_chunks):
    dossier, lines = gdelt_lines
    seen = []
    with Store(tmp_path / "s.db") as store:
        store.load_jsonl(lines, workers=2, progress=seen.append)
    assert seen == sorted(seen)
    assert len(seen) > 2
    assert seen[-1] == len(dossier)


def test_an_open_binary_file_and_blank_lines_are_read(tmp_path):
    text = (
        em.json.dumps(em.Actor("A", id="actor:a"))
        + "\n\n"
        + em.json.dumps(em.Actor("B", id="actor:b"))
        + "\n"
    )
    with Store(tmp_path / "s.db") as store:
        assert store.load_jsonl(io.BytesIO(text.encode())) == 2
        assert [obj.id for obj in store] == ["actor:a", "actor:b"]


def test_a_file_that_cannot_be_read_is_named_and_the_store_is_untouched(tmp_path):
    missing = tmp_path / "missing.jsonl"
    with Store(tmp_path / "s.db") as store, pytest.raises(InvalidValueError) as excinfo:
        store.load_jsonl(missing)
    assert str(excinfo.value) == (
        f"Store.load_jsonl(): cannot be read (No such file or directory), got {str(missing)!r}"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"type": "actor", "name": "' + b"x" * 100 + b'"}\n', "line 1: $: is longer than 50 bytes"),
        (b"\xff\xfe\n", "line 1: $: is not UTF-8 (byte 0: invalid start byte)"),
        (b"[" * 100_000 + b"\n", "line 1: $: nests arrays or objects too deeply to read"),
    ],
)
def test_hostile_lines_are_one_line_naming_their_number(data, message):
    with Store() as store, pytest.raises(InvalidValueError) as excinfo:
        store.load_jsonl(io.BytesIO(data), max_line_size=50 if b"xxx" in data else em.json.MAX_LINE_SIZE)
    assert str(excinfo.value).startswith(message)
    assert "\n" not in str(excinfo.value)


@pytest.mark.parametrize("workers", [-1, True, 1.5, "2"])
def test_a_bad_number_of_workers_is_refused(workers, tmp_path):
    with Store(tmp_path / "s.db") as store, pytest.raises(InvalidValueError) as excinfo:
        store.load_jsonl(io.BytesIO(b""), workers=workers)
    assert (
        str(excinfo.value)
        == f"Store.workers: must be a whole number of processes, 0 or more, got {workers!r}"
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(testing.dossiers())
def test_any_dossier_s_lines_load_as_add_all_adds_them(tmp_path, dossier):
    buffer = io.StringIO()
    em.json.write_jsonl(dossier, buffer)
    with Store(":memory:") as lines, Store(":memory:") as objects:
        lines.load_jsonl(io.BytesIO(buffer.getvalue().encode()), workers=0)
        objects.add_all(iter(dossier))
        assert list(lines) == list(objects)


KILLED = textwrap.dedent(
    """
    import os, sys
    import eventmodel as em
    from eventmodel.store import Store
    from eventmodel.store import _store

    _store.CHUNK_BYTES = 1 << 14
    path, lines = sys.argv[1], sys.argv[2]
    with Store(path) as store:
        store.add(em.Actor("before", id="actor:before"))
        print("committed", flush=True)
        store.load_jsonl(lines, workers=2, progress=lambda count: print("read", count, flush=True))
    """
)


def test_a_parallel_load_killed_part_way_adds_nothing_and_leaves_no_worker(tmp_path):
    lines = tmp_path / "many.jsonl"
    with lines.open("w", encoding="utf-8") as fp:
        em.json.write_jsonl((em.Actor(f"actor {n}", id=f"actor:{n}") for n in range(200_000)), fp)
    path = tmp_path / "killed.db"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(path), str(lines)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "committed"
    assert child.stdout.readline().startswith("read")  # the workers are at work
    workers = _children(child.pid)
    assert workers
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
    with Store(path) as store:
        assert store.integrity() == "ok"
        assert [obj.id for obj in store] == ["actor:before"]
    assert _indexes(path) == _schema_indexes()


def _children(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid):
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def _run(*argv):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = cli.main([str(arg) for arg in argv])
    finally:
        sys.stdout, sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


def test_the_command_loads_with_the_workers_it_is_given(gdelt_lines, tmp_path, small_chunks):
    dossier, lines = gdelt_lines
    db = tmp_path / "cli.db"
    status, out, err = _run("load", db, lines, "--workers", "2", "--no-progress")
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == f"{lines} -> {db}: {len(dossier):,} new objects"
    with Store(db) as store:
        assert store.dossier() == dossier


def test_the_command_refuses_a_bad_number_of_workers(tmp_path):
    status, out, err = _run("load", tmp_path / "x.db", tmp_path / "x.jsonl", "--workers", "two")
    assert (status, out) == (2, "")
    assert err == (
        "eventmodel: argument --workers: must be a whole number, 0 or more, not 'two' (see eventmodel load --help)\n"
    )
