"""Limits: integer options take a documented range, and reading stops at a documented size."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import typing

import pytest

import eventmodel as em
from eventmodel.cli import main
from eventmodel.exceptions import InvalidValueError

ACTOR = em.Actor("Ministry", "government", id="actor:ministry")
LINE = em.json.dumps(ACTOR)


def _run(capsys, *argv):
    status = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# -- 9: integer options ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["schema", "--indent", "99999999999999999999"],
            "argument --indent: must be a whole number from 0 to 16, got '99999999999999999999' "
            "(see eventmodel schema --help)",
        ),
        (
            ["schema", "--indent", "-1"],
            "argument --indent: must be a whole number from 0 to 16, got '-1' (see eventmodel schema --help)",
        ),
        (
            ["schema", "--indent", "two"],
            "argument --indent: must be a whole number from 0 to 16, got 'two' (see eventmodel schema --help)",
        ),
        (
            ["show", "x.json", "--width", "0"],
            "argument --width: must be a whole number from 20 to 1000, got '0' (see eventmodel show --help)",
        ),
        (
            ["show", "x.json", "--width", "-1"],
            "argument --width: must be a whole number from 20 to 1000, got '-1' (see eventmodel show --help)",
        ),
        (
            ["show", "x.json", "--width", "1001"],
            "argument --width: must be a whole number from 20 to 1000, got '1001' (see eventmodel show --help)",
        ),
        (
            ["validate", "x.json", "--max-size", "0"],
            "argument --max-size: must be a size from 1 byte to 1024G (bytes, or with K, M or G: 512M), "
            "got '0' (see eventmodel validate --help)",
        ),
        (
            ["convert", "x.json", "y.jsonl", "--max-line-size", "2T"],
            "argument --max-line-size: must be a size from 1 byte to 1024G (bytes, or with K, M or G: 512M), "
            "got '2T' (see eventmodel convert --help)",
        ),
        (
            ["graph", "x.json", "--max-size", "99999999999999999999"],
            "argument --max-size: must be a size from 1 byte to 1024G (bytes, or with K, M or G: 512M), "
            "got '99999999999999999999' (see eventmodel graph --help)",
        ),
    ],
)
def test_an_integer_option_out_of_its_range_is_one_line(capsys, argv, message):
    assert _run(capsys, *argv) == (2, "", f"eventmodel: {message}\n")


def test_the_ends_of_the_ranges_are_taken(tmp_path, capsys):
    source = tmp_path / "a.jsonl"
    source.write_text(LINE + "\n", encoding="utf-8")
    assert _run(capsys, "show", source, "--width", "20")[0] == 0
    assert _run(capsys, "show", source, "--width", "1000")[0] == 0
    status, out, _ = _run(capsys, "schema", "--indent", "16")
    assert status == 0
    assert out.splitlines()[1].startswith(" " * 16 + '"')
    assert _run(capsys, "validate", source, "--max-size", "1024G")[0] == 0


# -- 10: sizes -------------------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_validate_dev_zero_stops_at_the_size_limit():
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "eventmodel", "validate", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert time.monotonic() - started < 30
    assert done.returncode == 2
    assert done.stderr == (
        "eventmodel: /dev/zero: is larger than 268,435,456 bytes, the most read as one document. "
        "Fix: raise it with --max-size, or keep the data as JSON Lines, which is read a line at a time\n"
    )


def test_a_document_larger_than_max_size_is_refused_and_can_be_allowed(tmp_path, capsys):
    source = tmp_path / "d.json"
    source.write_text(em.json.dumps(em.Dossier([ACTOR])), encoding="utf-8")
    size = source.stat().st_size
    status, _, err = _run(capsys, "show", source, "--max-size", size - 1)
    assert (status, err) == (
        2,
        f"eventmodel: {source}: is larger than {size - 1:,} bytes, the most read as one document. "
        "Fix: raise it with --max-size, or keep the data as JSON Lines, which is read a line at a time\n",
    )
    assert _run(capsys, "show", source, "--max-size", size)[0] == 0
    assert _run(capsys, "convert", source, tmp_path / "d.jsonl", "--max-size", "1K")[0] == 0


def test_a_line_longer_than_max_line_size_is_refused(tmp_path, capsys):
    source = tmp_path / "d.jsonl"
    source.write_text(f"{LINE}\n{LINE}\r\n", encoding="utf-8")
    assert _run(capsys, "validate", source, "--max-line-size", len(LINE))[0] == 0
    status, _, err = _run(capsys, "validate", source, "--max-line-size", len(LINE) - 1)
    assert (status, err) == (
        2,
        f"eventmodel: {source}: line 1: is longer than {len(LINE) - 1:,} bytes, the most read as one line. "
        "Fix: raise it with --max-line-size\n",
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_line_stops_at_the_line_limit(tmp_path, capsys):
    endless = tmp_path / "zero.jsonl"
    endless.symlink_to("/dev/zero")
    status, _, err = _run(capsys, "validate", endless, "--max-line-size", "1M")
    assert (status, err) == (
        2,
        f"eventmodel: {endless}: line 1: is longer than 1,048,576 bytes, the most read as one line. "
        "Fix: raise it with --max-line-size\n",
    )


def _refused(call):
    with pytest.raises(InvalidValueError) as excinfo:
        call()
    assert type(excinfo.value) is InvalidValueError
    return str(excinfo.value)


def test_the_python_readers_take_max_size():
    text = em.json.dumps(ACTOR)
    assert em.json.loads(text, em.Actor, max_size=len(text)) == ACTOR
    assert _refused(lambda: em.json.loads(text, em.Actor, max_size=len(text) - 1)) == (
        f"$: is larger than {len(text) - 1:,} characters, the most read as one document. "
        "Fix: raise max_size, or write the data as JSON Lines (one object a line), which is read a line at a time"
    )
    data = text.encode()
    assert _refused(lambda: em.json.loads(data, em.Actor, max_size=10)).startswith(
        "$: is larger than 10 bytes, the most read as one document."
    )
    assert em.json.MAX_DOCUMENT_SIZE == 256 * 1024 * 1024
    assert em.json.MAX_LINE_SIZE == 16 * 1024 * 1024


def test_load_reads_no_more_than_max_size_and_one():
    class Counting(io.BytesIO):
        asked: typing.ClassVar[list[int]] = []

        def read(self, size=-1):
            self.asked.append(size)
            return super().read(size)

    fp = Counting(b" " * 1000)
    assert _refused(lambda: em.json.load(fp, em.Actor, max_size=100)).startswith(
        "$: is larger than 100 bytes"
    )
    assert fp.asked == [101]


def test_iter_jsonl_takes_max_line_size():
    lines = io.StringIO(f"{LINE}\n{LINE}x\n")
    reader = em.json.iter_jsonl(lines, max_line_size=len(LINE))
    assert next(reader) == ACTOR
    assert _refused(lambda: next(reader)) == (
        f"line 2: $: is longer than {len(LINE):,} characters, the most read as one line. Fix: raise max_line_size"
    )
    # A list of lines is already in memory; it is held to the same limit.
    assert _refused(lambda: list(em.json.iter_jsonl([b"x" * 11], max_line_size=10))).startswith(
        "line 1: $: is longer than 10 bytes"
    )


@pytest.mark.parametrize("size", [0, -1, True, 1.5, "1M"])
@pytest.mark.parametrize("name", ["max_size", "max_line_size"])
def test_a_bad_size_is_the_library_error(name, size):
    if name == "max_size":
        call = lambda: em.json.loads("{}", em.Actor, max_size=size)  # noqa: E731
    else:
        call = lambda: list(em.json.iter_jsonl(["{}"], max_line_size=size))  # noqa: E731
    assert (
        _refused(call) == f"{name}: must be a whole number of characters (or bytes), at least 1, got {size!r}"
    )
