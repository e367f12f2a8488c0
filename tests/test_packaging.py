"""The source distribution carries what its own tests need, and they pass from it."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def test_the_sdist_runs_its_own_tests(tmp_path):
    sdist = pytest.importorskip("hatchling.builders.sdist")
    (built,) = (Path(path) for path in sdist.SdistBuilder(str(ROOT)).build(directory=str(tmp_path / "dist")))
    with tarfile.open(built) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path / "unpacked", filter="data")
    (unpacked,) = (tmp_path / "unpacked").iterdir()
    top = unpacked.name
    for needed in ("examples/luhansk-2022-03-27/dossier.json", "tests/data/hostile.json", "pyproject.toml"):
        assert f"{top}/{needed}" in names
    assert not [name for name in names if "/.venv/" in name or "/docs/_build/" in name]
    env = {name: value for name, value in os.environ.items() if not name.startswith("COV_CORE")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_example.py"],
        cwd=unpacked,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout.splitlines()[-1]
