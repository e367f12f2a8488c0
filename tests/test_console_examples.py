"""
The ``$ eventmodel ...`` examples in README.md and docs/: each runs, and
prints what the page shows. A ``$ echo $?`` after one gives its exit
status (0 otherwise); ``...`` in an output stands for any text.
"""

from __future__ import annotations

import io
import re
import shlex
import sys
from pathlib import Path

import pytest

from eventmodel import cli

ROOT = Path(__file__).resolve().parent.parent


def _commands(page: Path) -> list[tuple[int, str, list[str]]]:
    """(line, command, output lines) of every command in the console blocks of *page*."""
    commands: list[tuple[int, str, list[str]]] = []
    inside = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if not inside:
            inside = line.strip() == "```console"
        elif line.startswith("```"):
            inside = False
        elif line.startswith("$ "):
            commands.append((number, line[2:], []))
        elif commands:
            commands[-1][2].append(line)
    return commands


def _examples() -> list[tuple[str, str, str, int]]:
    """(where, command, expected output, expected status) of every ``$ eventmodel`` command."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    found: list[tuple[str, str, str, int]] = []
    for page in pages:
        if "_build" in page.parts:
            continue
        commands = _commands(page)
        for index, (number, command, output) in enumerate(commands):
            if not command.startswith("eventmodel "):
                continue
            status = 0
            following = commands[index + 1] if index + 1 < len(commands) else None
            if following is not None and following[1] == "echo $?":
                status = int(following[2][0])
            where = f"{page.relative_to(ROOT).as_posix()}:{number}"
            found.append((where, command, "\n".join(output), status))
    return found


EXAMPLES = _examples()


def test_there_are_examples_to_run():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("where", "command", "expected", "status"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_console_example(where, command, expected, status, monkeypatch):
    monkeypatch.chdir(ROOT)
    argv = shlex.split(command)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", out)
    assert cli.main(argv[1:]) == status, where
    shown = out.getvalue().rstrip("\n")
    pattern = ".*".join(re.escape(part) for part in expected.rstrip("\n").split("..."))
    assert re.fullmatch(pattern, shown, flags=re.DOTALL), f"{where}: {command}\n{shown}"


def test_the_readme_gives_two_commands_and_ci_runs_both_as_written():
    readme = _commands(ROOT / "README.md")
    setup = [command for _, command, _ in readme if command.startswith("python3 -m venv .venv")]
    assert len(setup) == 2
    main_job, tests = setup
    assert ".venv/bin/eventmodel show examples/luhansk-2022-03-27/dossier.json" in main_job
    assert tests.endswith(".venv/bin/python -m pytest --cov")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert main_job in ci
    assert tests in ci
