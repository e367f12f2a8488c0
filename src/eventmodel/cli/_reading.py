"""Reading the files the command is given: JSON documents and JSON Lines, keeping going past bad members."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import IO, Final, Literal

import attrs

from eventmodel.core._gc import collector_paused
from eventmodel.dossier._dossier import Dossier
from eventmodel.dossier._provenance import Violation
from eventmodel.exceptions import EventModelError
from eventmodel.io import _json as em_json
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._source import Source

Format = Literal["json", "jsonl"]
_EXTENSIONS: Final[dict[str, Format]] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
}
_PROGRESS_MIN_BYTES: Final = 1 << 20
"""Files smaller than this (1 MiB) are read without a progress bar."""


class _UnreadableError(Exception):
    """A file that cannot be read at all: the message is the whole line."""


class _UsageError(Exception):
    """Wrong arguments: the message is the whole line."""


# -- reading -------------------------------------------------------------------------------------


@attrs.define
class _Loaded:
    """What one file held: the dossier of its valid members, and what was wrong."""

    name: str
    dossier: Dossier
    problems: list[str] = attrs.Factory(list)
    """Members that break the format: one line each, with the JSON path."""
    unreadable: list[str] = attrs.Factory(list)
    """Lines (of JSON Lines) that are not JSON at all."""
    located: dict[str, str] = attrs.Factory(dict)
    """Where in the file each member was read, by id: ``$.claims[3]``, ``line 12: $``."""
    members: dict[str, tuple[Actor | Source | Claim, ...]] = attrs.Factory(dict)
    """The dossier's actors, sources and claims, by list, as :meth:`where` has needed them."""
    failed: dict[str, str] = attrs.Factory(dict)
    """
    The ids of the members (and of the claims, events and propositions inside
    them) that could not be read and were left out, with where they are: a
    reference to one of them is an error that follows from that one.
    """

    def follows(self, violation: Violation) -> bool:
        """Whether *violation* only follows from a member that could not be read."""
        return violation.missing is not None and violation.missing in self.failed

    def where(self, path: str) -> str:
        """
        *path*, a JSON path in the dossier's own document, as a place in the
        file (whose members may have been left out, or be lines).
        """
        found = _MEMBER_PATH.match(path)
        if found is None:
            return path
        if found[1] not in self.members:  # made once: a dossier's list is a new tuple each time
            self.members[found[1]] = getattr(self.dossier, found[1])
        members = self.members[found[1]]
        index = int(found[2])
        place = self.located.get(members[index].id) if index < len(members) else None
        return path if place is None else place + path[found.end() :]


_MEMBER_PATH: Final = re.compile(r"\$\.(actors|sources|claims)\[(\d+)\]")
_LISTS: Final = frozenset({"actors", "sources", "claims"})


def _ids_in(item: object) -> list[str]:
    """The ids a member's document gives: its own, and those of the claims and subject nested in it."""
    ids: list[str] = []
    for _ in range(em_json.MAX_DEPTH + 1):
        if type(item) is not dict:
            break
        ident = item.get("id")
        if type(ident) is str:
            ids.append(ident)
        item = item.get("content")
    return ids


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _format_of(path: str, head: bytes) -> Format:
    """The format of *path*, by its extension, or by *head*, its first bytes."""
    chosen = _EXTENSIONS.get(Path(path).suffix.lower()) if path != "-" else None
    if chosen is not None:
        return chosen
    # A dossier document starts with its object; JSON Lines has a whole object on its first line.
    first, _, rest = head.lstrip().partition(b"\n")
    if not rest.strip():
        return "json"
    try:
        em_json._parse(first)
    except EventModelError:
        return "json"
    return "jsonl"


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        return Path(path).open("rb")
    except FileNotFoundError:
        raise _UnreadableError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise _UnreadableError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise _UnreadableError(f"{path}: cannot be read ({error.strerror or error})") from None


def _size(fp: IO[bytes]) -> int | None:
    try:
        return os.fstat(fp.fileno()).st_size
    except (OSError, ValueError, AttributeError):  # pragma: no cover - pipes and in-memory files
        return None


class _Progress:
    """A progress bar on standard error, when it is a terminal and the file is long."""

    def __init__(self, name: str, total: int | None, *, enabled: bool) -> None:
        self.name = name
        self.total = total
        self.enabled = enabled and total is not None and total >= _PROGRESS_MIN_BYTES
        self.shown = 0.0

    def update(self, done: int, lines: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.shown < 0.1:
            return
        self.shown = now
        assert self.total is not None
        fraction = min(done / self.total, 1.0) if self.total else 1.0
        width = 30
        bar = "#" * round(fraction * width)
        sys.stderr.write(f"\r{self.name} [{bar:<{width}}] {fraction:4.0%} {lines:,} lines")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _read(
    path: str,
    *,
    progress: bool = False,
    max_size: int = em_json.MAX_DOCUMENT_SIZE,
    max_line_size: int = em_json.MAX_LINE_SIZE,
) -> _Loaded:
    """
    Read one file, keeping going past bad members to report them all. A JSON
    document is read whole, up to *max_size* bytes; JSON Lines a line at a
    time, each up to *max_line_size* bytes.

    Raises:
        _UnreadableError: The file cannot be opened, is not UTF-8, (a JSON
            document) is not JSON, or is too large to read.

    """
    name = _display(path)
    fp = _open(path)
    try:
        head = fp.peek(4096)[:4096] if hasattr(fp, "peek") else b""
        if _format_of(path, head) == "json":
            text = fp.read(max_size + 1)
            if len(text) > max_size:
                raise _UnreadableError(
                    f"{name}: is larger than {max_size:,} bytes, the most read as one document. "
                    "Fix: raise it with --max-size, or keep the data as JSON Lines, which is read a line at a time"
                )
            return _read_document(name, text)
        return _read_lines(name, fp, _Progress(name, _size(fp), enabled=progress), max_line_size)
    except OSError as error:
        raise _UnreadableError(f"{name}: cannot be read ({error.strerror or error})") from None
    finally:
        if fp is not sys.stdin.buffer:
            fp.close()


def _read_document(name: str, text: bytes) -> _Loaded:
    try:
        data = em_json._parse(text)
    except EventModelError as error:
        raise _UnreadableError(f"{name}: {error}") from None
    errors: list[EventModelError] = []
    with collector_paused():
        try:
            located: dict[str, str] = {}
            # A document of lists without a 'type' is a dossier, even when its header is missing.
            if type(data) is dict and ("eventmodel" in data or ("type" not in data and data.keys() & _LISTS)):
                dossier = em_json._dossier_from(
                    data, strict=True, max_depth=em_json.MAX_DEPTH, errors=errors, located=located
                )
            else:
                dossier = Dossier()
                member = em_json._line_object(data, None, strict=True, max_depth=em_json.MAX_DEPTH)
                dossier.add(member)
                located[member.id] = "$"
            if not errors:
                em_json._refuse_unwritable_text(text, data)
        except EventModelError as error:
            return _Loaded(name, Dossier(), problems=[str(error)])
    failed: dict[str, str] = {}
    for problem in errors:
        found = _MEMBER_PATH.match(problem.path or "")
        items = data.get(found[1]) if found is not None else None
        if found is not None and type(items) is list and int(found[2]) < len(items):
            for ident in _ids_in(items[int(found[2])]):
                failed.setdefault(ident, found[0])
    return _Loaded(
        name, dossier, problems=[str(problem) for problem in errors], located=located, failed=failed
    )


def _read_lines(name: str, fp: IO[bytes], progress: _Progress, max_line_size: int) -> _Loaded:
    loaded = _Loaded(name, Dossier())
    done = 0
    with collector_paused():
        # Each line is read with at most max_line_size bytes, its end and one more.
        for number, line in enumerate(iter(lambda: fp.readline(max_line_size + 3), b""), start=1):
            done += len(line)
            progress.update(done, number)
            text = line.rstrip(b"\r\n")
            if len(text) > max_line_size:
                raise _UnreadableError(
                    f"{name}: line {number}: is longer than {max_line_size:,} bytes, the most read as one line. "
                    "Fix: raise it with --max-line-size"
                )
            if not text.strip():
                continue
            try:
                data = em_json._parse(text)
            except EventModelError as error:
                loaded.unreadable.append(str(em_json._on_line(error, number)))
                continue
            try:
                member = em_json._line_object(data, None, strict=True, max_depth=em_json.MAX_DEPTH)
                em_json._refuse_unwritable_text(text, data)
                loaded.dossier.add(member)
                loaded.located.setdefault(member.id, f"line {number}: $")
            except EventModelError as error:
                loaded.problems.append(str(em_json._on_line(error, number)))
                for ident in _ids_in(data):
                    loaded.failed.setdefault(ident, f"line {number}")
    progress.close()
    return loaded


def _load_dossier(
    path: str,
    *,
    progress: bool = False,
    max_size: int = em_json.MAX_DOCUMENT_SIZE,
    max_line_size: int = em_json.MAX_LINE_SIZE,
) -> Dossier:
    """One file's dossier, for the commands that need it whole."""
    loaded = _read(path, progress=progress, max_size=max_size, max_line_size=max_line_size)
    bad = loaded.unreadable or loaded.problems
    if loaded.unreadable:
        raise _UnreadableError(f"{loaded.name}: {bad[0]}")
    if bad:
        more = f" (and {len(bad) - 1} more; run eventmodel validate)" if len(bad) > 1 else ""
        raise EventModelError(f"{loaded.name}: {bad[0]}{more}")
    return loaded.dossier
