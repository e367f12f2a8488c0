"""Files are written whole or not at all: by atomic_write, and by every command that writes one."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import eventmodel as em
from eventmodel.cli import _writing, main
from eventmodel.core._files import atomic_file, atomic_write

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".part"))


def test_a_new_file_is_written_whole_with_the_permissions_open_gives(tmp_path):
    target = tmp_path / "new.txt"
    atomic_write(target, lambda fp: fp.write("é\n"))
    assert target.read_bytes() == "é\n".encode()
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert _leftovers(tmp_path) == []


@posix_only
def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "kept.bin"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, lambda fp: fp.write(b"new"), binary=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_on_any_error_the_old_file_stays_and_the_temporary_file_goes(tmp_path):
    target = tmp_path / "old.txt"
    target.write_text("old\n", encoding="utf-8")

    def half(fp):
        fp.write("half of the new")
        raise em.InvalidValueError("cannot be written as JSON")

    with pytest.raises(em.InvalidValueError):
        atomic_write(target, half)
    assert target.read_text(encoding="utf-8") == "old\n"

    def interrupted():
        with atomic_file(tmp_path / "never.txt") as fp:
            fp.write("x")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert not (tmp_path / "never.txt").exists()
    assert _leftovers(tmp_path) == []


@posix_only
def test_a_symbolic_link_is_followed(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(link, lambda fp: fp.write("new"))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


@posix_only
def test_what_is_not_a_regular_file_is_written_to_directly(tmp_path):
    atomic_write(os.devnull, lambda fp: fp.write("gone"))
    assert Path(os.devnull).exists()
    assert not Path(os.devnull).is_file()


def test_a_failing_convert_leaves_the_old_output(tmp_path, monkeypatch):
    source = tmp_path / "in.json"
    source.write_text(em.json.dumps(em.Dossier([em.Actor("A", "person")])), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def broken(objects, fp):
        fp.write("{half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(em.json, "write_jsonl", broken)
    assert main(["convert", str(source), str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path) == []


def test_the_command_line_writes_through_atomic_write(tmp_path, monkeypatch):
    written = []
    monkeypatch.setattr(_writing, "atomic_write", lambda path, write, binary=False: written.append(path))
    assert main(["schema", "-o", str(tmp_path / "schema.json")]) == 0
    assert written == [str(tmp_path / "schema.json")]


def test_schema_writes_to_a_file(tmp_path, capsys):
    assert main(["schema", "--indent", "0", "-o", str(tmp_path / "schema.json")]) == 0
    assert capsys.readouterr().out == ""
    assert (tmp_path / "schema.json").read_text(encoding="utf-8").startswith('{\n"$schema"')


# -- a killed convert ------------------------------------------------------------------------------


def _convert(source: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "eventmodel", "convert", str(source), str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@posix_only
def test_a_convert_killed_at_any_point_leaves_the_old_output_or_the_whole_new_one(tmp_path):
    claims = [
        em.Claim(None, em.Event("attack", id=f"event:{i}", details={"note": "x" * 200}), id=f"claim:{i}")
        for i in range(30_000)
    ]
    source = tmp_path / "big.json"
    source.write_text(em.json.dumps(em.Dossier(claims)), encoding="utf-8")
    complete = tmp_path / "complete.jsonl"
    started = time.monotonic()
    assert _convert(source, complete).wait() == 0
    duration = time.monotonic() - started
    new = complete.read_bytes()
    assert new.count(b"\n") == 30_000
    old = b'{"type":"actor","id":"actor:old","name":"Old","kind":"person"}\n'
    out = tmp_path / "out.jsonl"
    fractions = [0.3, 0.6, 0.8, 0.9, 0.97]
    early, late = 0.0, 2.0  # the kill times known to come before and after the write
    outcomes = []
    while fractions:
        out.write_bytes(old)
        process = _convert(source, out)
        fraction = fractions.pop(0)
        time.sleep(duration * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        left = _leftovers(tmp_path)
        result = out.read_bytes()
        assert result in (old, new), f"a mix of {len(result):,} bytes"
        outcome = "mid-write" if left else ("new" if result == new else "old")
        outcomes.append(outcome)
        if outcome == "old" and not left:
            early = max(early, fraction)
        elif outcome == "new":
            late = min(late, fraction)
        for name in left:  # what a killed run leaves: a temporary file, never the target
            (tmp_path / name).unlink()
        if not fractions and "mid-write" not in outcomes and len(outcomes) < 40:
            # Until one kill lands while the file is written: halve the interval where the write
            # happens, which a loaded machine moves (a fixed guess missed it under load).
            fractions.append((early + late) / 2)
    assert "mid-write" in outcomes, outcomes
