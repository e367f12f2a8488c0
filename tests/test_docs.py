"""The documentation: every public name has an entry in the API reference, and every example is tested."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import eventmodel
import eventmodel.cli
import eventmodel.exceptions
import eventmodel.fields
import eventmodel.interop
import eventmodel.interop.folds
import eventmodel.interop.tables
import eventmodel.json
import eventmodel.schema
import eventmodel.testing

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
API = DOCS / "reference" / "api.md"

# The fenced blocks that are not doctests, and why each kind need not be one. A ```pycon
# block is a doctest: pytest runs every `>>>` line in README.md and docs/ (--doctest-glob).
UNTESTED_KINDS = {
    # Shell commands: each `$ eventmodel ...` line runs in tests/test_console_examples.py; the others
    # install eventmodel or run the tests themselves.
    "console": "shell commands",
    # Layouts, not code: the id formula, the error class tree, the shape of a message.
    "text": "a formula or a diagram",
    # The entry-point table a package adds to its own pyproject.toml, not eventmodel's.
    "toml": "another package's configuration",
    # Sphinx directives: the docs build (sphinx-build -W in .ci/run) fails on any that is wrong.
    "{eval-rst}": "autodoc directives",
    "{toctree}": "the site's table of contents",
}

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def _documented() -> set[str]:
    """The full names the API reference documents, one directive each."""
    names: set[str] = set()
    lines = API.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        auto = re.match(r"\.\. auto(?:class|exception|function|data|module):: (eventmodel[\w.]*)$", line)
        if auto:
            names.add(auto.group(1))
        data = re.match(r"\.\. py:data:: (\w+)$", line)
        if data:
            module = re.match(r"\s+:module: (eventmodel[\w.]*)$", lines[index + 1])
            assert module, f"api.md line {index + 2}: a py:data entry names its :module: on the next line"
            names.add(f"{module.group(1)}.{data.group(1)}")
    return names


def _public() -> list[str]:
    names = [f"eventmodel.{name}" for name in eventmodel.__all__]
    for module in (
        eventmodel.cli,
        eventmodel.exceptions,
        eventmodel.fields,
        eventmodel.interop,
        eventmodel.interop.folds,
        eventmodel.interop.tables,
        eventmodel.json,
        eventmodel.schema,
        eventmodel.testing,
    ):
        names += [f"{module.__name__}.{name}" for name in module.__all__]
    return names


@pytest.mark.parametrize("name", _public())
def test_every_public_name_is_in_the_api_reference(name):
    documented = _documented()
    # An error class is documented once, under the name eventmodel exports it by.
    if name.startswith("eventmodel.exceptions.") and name != "eventmodel.exceptions.NO_VALUE":
        name = "eventmodel." + name.rpartition(".")[2]
    assert name in documented


def test_the_api_reference_documents_only_public_names():
    modules = {
        "eventmodel",
        "eventmodel.cli",
        "eventmodel.exceptions",
        "eventmodel.interop",
        "eventmodel.interop.folds",
        "eventmodel.interop.tables",
        "eventmodel.testing",
    }
    assert _documented() - set(_public()) == modules


def _pages() -> list[Path]:
    pages = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
    return [page for page in pages if "_build" not in page.parts]


def _fenced_blocks(page: Path) -> list[tuple[int, str, list[str]]]:
    """(line number, info string, lines) of each fenced block of a Markdown page."""
    blocks: list[tuple[int, str, list[str]]] = []
    opened: tuple[int, str, str, list[str]] | None = None
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        match = FENCE.match(line)
        if opened is None:
            if match:
                opened = (number, match.group("fence"), match.group("info").strip(), [])
            continue
        start, fence, info, body = opened
        if match and match.group("fence").startswith(fence) and not match.group("info").strip():
            blocks.append((start, info, body))
            opened = None
        else:
            body.append(line)
    assert opened is None, f"{page.name}: the block opened on line {opened[0]} is never closed"
    return blocks


@pytest.mark.parametrize("page", _pages(), ids=lambda page: str(page.relative_to(ROOT)))
def test_every_example_is_tested(page):
    for start, info, body in _fenced_blocks(page):
        where = f"{page.relative_to(ROOT)} line {start}"
        if info == "pycon":
            prompts = [line for line in body if line.lstrip().startswith(">>>")]
            assert prompts, f"{where}: a pycon block without '>>>' is not a doctest"
            # pytest ends an example at a blank line or the next prompt: the closing fence must not be
            # read as expected output.
            assert body[-1].strip() == "", f"{where}: end the block with a blank line before the fence"
        else:
            assert info in UNTESTED_KINDS, (
                f"{where}: a ```{info} block is not run; write it as a ```pycon doctest,"
                " or add its kind to UNTESTED_KINDS with the reason"
            )


def test_the_fence_reader_sees_untested_blocks(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# A page\n\n```python\nprint(1)\n```\n\n````pycon\n>>> 1\n1\n```\n\n````\n", encoding="utf-8"
    )
    assert _fenced_blocks(page) == [(3, "python", ["print(1)"]), (7, "pycon", [">>> 1", "1", "```", ""])]


def test_every_provenance_rule_is_in_the_dossier_reference():
    text = (DOCS / "reference" / "dossier.md").read_text(encoding="utf-8")
    for rule in eventmodel.DEFAULT_RULES:
        assert f"| {rule.id} | {rule.severity.value} |" in text


def test_every_scale_value_is_in_the_scales_reference():
    text = (DOCS / "reference" / "scales.md").read_text(encoding="utf-8")
    names = [name for name in dir(eventmodel.Factuality) if name.isupper()]
    assert len(names) == 8
    for name in names:
        assert f"| `{getattr(eventmodel.Factuality, name)}` | `Factuality.{name}`" in text
    for grade in eventmodel.ADMIRALTY_CREDIBILITY:
        assert f"\n| {grade} | {eventmodel.ADMIRALTY_CREDIBILITY[grade][0]} |" in text
    for reliability in eventmodel.Reliability:
        assert f"\n| {reliability.value} | {reliability.meaning} |" in text
