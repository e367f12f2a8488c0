"""
The ``eventmodel`` command: validate, show, convert and draw dossiers, and
print the JSON Schema.

Run ``eventmodel --help`` (or ``python -m eventmodel --help``). Every
command reads JSON dossier documents (``{"eventmodel": "1.0", ...}``) and
JSON Lines files of actors, sources and claims, one a line; ``-`` reads
standard input. The format comes from the file's extension (``.json``;
``.jsonl``, ``.ndjson``) and otherwise from its content.

Exit status: 0 when everything is valid, 1 when a file breaks the format or
a provenance rule, 2 when a file cannot be read (missing, not UTF-8, not
JSON) or the arguments are wrong. Errors are one line each, on standard
error for the program's own, on standard output for what ``validate``
finds.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Final, Literal, NoReturn

import attrs

from . import __version__
from . import json as em_json
from ._actor import Actor
from ._analysis import Corroboration, Hop, Statement
from ._claim import Claim
from ._dossier import Dossier
from ._event import Event, Proposition
from ._gc import collector_paused
from ._provenance import Report, resolve_time
from ._quantity import Quantity
from ._source import Source
from ._when import Relative, When
from .exceptions import EventModelError
from .schema import json_schema

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "describe_quantity",
    "main",
    "show",
    "to_dot",
    "to_mermaid",
]

EXIT_OK: Final = 0
"""Everything read is valid."""
EXIT_INVALID: Final = 1
"""Some file breaks the format or a provenance rule (``--strict``: or a warning)."""
EXIT_UNREADABLE: Final = 2
"""Some file cannot be read, or the arguments are wrong."""

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

    def where(self, path: str) -> str:
        """
        *path*, a JSON path in the dossier's own document, as a place in the
        file (whose members may have been left out, or be lines).
        """
        found = _MEMBER_PATH.match(path)
        if found is None:
            return path
        members: tuple[Actor | Source | Claim, ...] = getattr(self.dossier, found[1])
        index = int(found[2])
        place = self.located.get(members[index].id) if index < len(members) else None
        return path if place is None else place + path[found.end() :]


_MEMBER_PATH: Final = re.compile(r"\$\.(actors|sources|claims)\[(\d+)\]")


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


def _read(path: str, *, progress: bool = False) -> _Loaded:
    """
    Read one file, keeping going past bad members to report them all.

    Raises:
        _UnreadableError: The file cannot be opened, is not UTF-8, or (a JSON
            document) is not JSON.

    """
    name = _display(path)
    fp = _open(path)
    try:
        head = fp.peek(4096)[:4096] if hasattr(fp, "peek") else b""
        if _format_of(path, head) == "json":
            return _read_document(name, fp.read())
        return _read_lines(name, fp, _Progress(name, _size(fp), enabled=progress))
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
            if type(data) is dict and "eventmodel" in data:
                dossier = em_json._dossier_from(
                    data, strict=True, max_depth=em_json.MAX_DEPTH, errors=errors, located=located
                )
            else:
                dossier = Dossier()
                member = em_json._line_object(data, None, strict=True, max_depth=em_json.MAX_DEPTH)
                dossier.add(member)
                located[member.id] = "$"
        except EventModelError as error:
            return _Loaded(name, Dossier(), problems=[str(error)])
    return _Loaded(name, dossier, problems=[str(error) for error in errors], located=located)


def _read_lines(name: str, fp: IO[bytes], progress: _Progress) -> _Loaded:
    loaded = _Loaded(name, Dossier())
    done = 0
    with collector_paused():
        for number, line in enumerate(fp, start=1):
            done += len(line)
            progress.update(done, number)
            text = line.rstrip(b"\r\n")
            if not text.strip():
                continue
            try:
                data = em_json._parse(text)
            except EventModelError as error:
                loaded.unreadable.append(str(em_json._on_line(error, number)))
                continue
            try:
                member = em_json._line_object(data, None, strict=True, max_depth=em_json.MAX_DEPTH)
                loaded.dossier.add(member)
                loaded.located.setdefault(member.id, f"line {number}: $")
            except EventModelError as error:
                loaded.problems.append(str(em_json._on_line(error, number)))
    progress.close()
    return loaded


def _load_dossier(path: str) -> Dossier:
    """One file's dossier, for the commands that need it whole."""
    loaded = _read(path)
    bad = loaded.unreadable or loaded.problems
    if loaded.unreadable:
        raise _UnreadableError(f"{loaded.name}: {bad[0]}")
    if bad:
        more = f" (and {len(bad) - 1} more; run eventmodel validate)" if len(bad) > 1 else ""
        raise EventModelError(f"{loaded.name}: {bad[0]}{more}")
    return loaded.dossier


# -- validate ------------------------------------------------------------------------------------


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _validate(args: argparse.Namespace, out: IO[str]) -> int:
    status = EXIT_OK
    totals = {"files": 0, "errors": 0, "warnings": 0, "unreadable": 0}
    progress = not args.no_progress and sys.stderr.isatty()
    for path in args.files:
        totals["files"] += 1
        try:
            loaded = _read(path, progress=progress)
        except _UnreadableError as error:
            out.write(f"{error}\n")
            totals["unreadable"] += 1
            status = EXIT_UNREADABLE
            continue
        for line in loaded.unreadable:
            out.write(f"{loaded.name}: unreadable {line}\n")
        for line in loaded.problems:
            out.write(f"{loaded.name}: error format {line}\n")
        report: Report = loaded.dossier.check()
        for violation in report:
            out.write(f"{loaded.name}: {attrs.evolve(violation, path=loaded.where(violation.path))}\n")
        errors = len(loaded.problems) + len(report.errors)
        warnings = len(report.warnings)
        failed = errors or (args.strict and warnings)
        dossier = loaded.dossier
        verdict = "unreadable lines" if loaded.unreadable else ("invalid" if failed else "valid")
        out.write(
            f"{loaded.name}: {verdict}: {_plural(len(dossier.actors), 'actor')}, "
            f"{_plural(len(dossier.sources), 'source')}, {_plural(len(dossier.claims), 'claim')}; "
            f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
            + (f", {_plural(len(loaded.unreadable), 'unreadable line')}" if loaded.unreadable else "")
            + "\n"
        )
        totals["errors"] += errors
        totals["warnings"] += warnings
        if loaded.unreadable:
            totals["unreadable"] += 1
            status = EXIT_UNREADABLE
        elif failed and status == EXIT_OK:
            status = EXIT_INVALID
    if totals["files"] > 1:
        out.write(
            f"{_plural(totals['files'], 'file')}: {_plural(totals['errors'], 'error')}, "
            f"{_plural(totals['warnings'], 'warning')}, {totals['unreadable']:,} unreadable\n"
        )
    return status


# -- show ----------------------------------------------------------------------------------------


def _number(value: Decimal) -> str:
    return f"{value:,}"


def describe_quantity(quantity: Quantity) -> str:
    """A quantity in words: ``16,600 personnel``, ``at least 10``, ``about 5–7 boats``."""
    about = "about " if quantity.approximate else ""
    unit = f" {quantity.unit}" if quantity.unit else ""
    if quantity.value is not None:
        return f"{about}{_number(quantity.value)}{unit}"
    if quantity.lower is not None and quantity.upper is not None:
        return f"{about}{_number(quantity.lower)}–{_number(quantity.upper)}{unit}"
    if quantity.lower is not None:
        return f"{about}at least {_number(quantity.lower)}{unit}"
    assert quantity.upper is not None
    return f"{about}at most {_number(quantity.upper)}{unit}"


class _Shower:
    """The text of ``eventmodel show``."""

    def __init__(self, dossier: Dossier, width: int) -> None:
        self.dossier = dossier
        self.width = max(width, 40)
        self.lines: list[str] = []
        self.numbers = {claim.id: number for number, claim in enumerate(dossier.claims, start=1)}

    def actor(self, ident: str | None) -> str:
        if ident is None:
            return "(unattributed)"
        found = self.dossier.get(ident)
        return found.name if isinstance(found, Actor) else ident

    def source(self, ident: str) -> str:
        found = self.dossier.get(ident)
        if not isinstance(found, Source):
            return ident
        if found.publisher is not None:
            return self.actor(found.publisher)
        return found.title or ident

    def time(self, when: When, report: Claim, made_at: When | None = None) -> str:
        """A time as written; a relative one with the time it resolves to in the dossier."""
        if not isinstance(when, Relative):
            return str(when)
        resolved = when.resolved or resolve_time(self.dossier, when, report=report, made_at=made_at)
        return f"“{when.text}” ({resolved if resolved is not None else f'unresolved, relative to {when.anchor}'})"

    def claim_ref(self, statement: Statement) -> str:
        number = self.numbers.get(statement.report.id)
        return f"{self.actor(statement.claim.claimant)} (claim {number})"

    def say(self, text: str, indent: int, hang: int = 2) -> None:
        self.lines.extend(
            textwrap.wrap(
                text,
                self.width,
                initial_indent=" " * indent,
                subsequent_indent=" " * (indent + hang),
                break_on_hyphens=False,
            )
            or [""]
        )

    def render(self) -> str:
        dossier = self.dossier
        report = dossier.check()
        self.say(
            f"Dossier: {_plural(len(dossier.actors), 'actor')}, {_plural(len(dossier.sources), 'source')}, "
            f"{_plural(len(dossier.claims), 'claim')}. Provenance check: "
            + (
                f"ok ({_plural(len(report.rules), 'rule')})"
                if not report.violations
                else f"{_plural(len(report.errors), 'error')}, {_plural(len(report.warnings), 'warning')} "
                "(eventmodel validate lists them)"
            ),
            0,
        )
        for source in dossier.sources:
            self.lines.append("")
            self.show_source(source)
        self.lines.extend(["", "Claims"])
        for number, claim in enumerate(dossier.claims, start=1):
            self.lines.append("")
            self.show_claim(number, claim)
        self.show_corroboration()
        self.show_conflicts()
        if dossier.unrecognized:  # pragma: no cover - the command reads strictly
            self.lines.extend(["", f"{_plural(len(dossier.unrecognized), 'unrecognized object')}"])
        return "\n".join(self.lines) + "\n"

    def show_source(self, source: Source) -> None:
        parts = [source.kind.value.replace("_", " ")]
        if source.published is not None:
            parts.append(f"published {source.published}")
        title = f" “{source.title}”" if source.title else ""
        self.say(f"Source {source.id}: {self.source(source.id)}{title} ({', '.join(parts)})", 0)
        if source.url:
            self.say(source.url, 2)
        for parent in source.derived_from:
            self.say(f"derived from {self.source(parent)} [{parent}]", 2)

    def show_claim(self, number: int, claim: Claim) -> None:
        hops = self.dossier.chain(claim)
        outlets = list(dict.fromkeys(self.source(evidence.source) for evidence in claim.evidence))
        speakers = [self.actor(hop.claimant) for hop in hops]
        path = [*outlets[:1], *speakers]
        if len(path) > 1 and path[0] == path[1]:
            del path[0]
        self.say(f"{number}. {' → '.join(path)}", 0, 3)
        for hop in hops:
            self.show_hop(hop, claim)
        innermost = hops[-1].claim.content
        indent = 3 + 2 * len(hops)
        if isinstance(innermost, Event):
            self.show_event(innermost, indent, claim, hops[-1].made_at)
        elif isinstance(innermost, Proposition):
            self.say(f"that: {innermost.text}", indent)
            for name, quantity in innermost.quantities.items():
                self.say(f"{name}: {describe_quantity(quantity)}", indent + 2)
        if len(hops) > 1:
            self.say(f"factuality as relayed: {hops[-1].composed}", 3)
        self.say(f"[{claim.id}]", 3)

    def show_hop(self, hop: Hop, report: Claim) -> None:
        indent = 3 + 2 * (hop.depth - 1)
        when = f", {self.time(hop.made_at, report)}" if hop.made_at is not None else ""
        self.say(f"{self.actor(hop.claimant)} {hop.speech_act.value} ({hop.factuality}){when}", indent)
        for evidence in hop.evidence:
            where = self.source(evidence.source)
            if evidence.quote is not None:
                self.say(f"“{evidence.quote.exact}” ({where})", indent + 4, 1)
            elif hop.depth > 1 or len(hop.evidence) > 1:
                self.say(f"seen in {where}", indent + 4)

    def show_event(self, event: Event, indent: int, report: Claim, made_at: When | None) -> None:
        facts = [event.kind]
        if event.where is not None:
            place = ", ".join(part for part in (event.where.name, event.where.country) if part)
            if place:
                facts.append(f"in {place}")
        if event.when is not None:
            facts.append(f"at {self.time(event.when, report, made_at)}")
        self.say(f"event: {', '.join(facts)} [{event.id}]", indent)
        if event.description:
            self.say(event.description, indent + 2)
        for participant in event.participants:
            self.say(f"{participant.role}: {self.actor(participant.actor)}", indent + 2)
        for name, quantity in event.quantities.items():
            self.say(f"{name}: {describe_quantity(quantity)}", indent + 2)
        for name, value in event.details.items():
            self.say(f"{name}: {value}", indent + 2)

    def show_corroboration(self) -> None:
        events = dict.fromkeys(
            statement.claim.content.id
            for statement in self.dossier.statements()
            if isinstance(statement.claim.content, Event)
        )
        results: list[Corroboration] = [self.dossier.corroboration(ident) for ident in events]
        shared = [result for result in results if result.raw_count > 1]
        self.lines.extend(["", "Corroboration"])
        if not results:
            self.say("no events", 2)
            return
        for result in shared:
            self.say(
                f"{result.event_id}: {_plural(result.raw_count, 'report')}, "
                f"{_plural(result.independent_count, 'independent origin')}"
                + (" (circular reporting)" if result.circular else ""),
                2,
            )
            for origin in result.origins:
                numbers = ", ".join(str(self.numbers[report.id]) for report in origin.reports)
                noun = "claim" if len(origin.reports) == 1 else "claims"
                self.say(f"{self.actor(origin.claimant)}: {noun} {numbers}", 4)
                for why in origin.why:
                    self.say(why, 6)
        single = len(results) - len(shared)
        if single:
            self.say(f"{_plural(single, 'event')} with one report each", 2)

    def show_conflicts(self) -> None:
        conflicts = self.dossier.conflicts()
        self.lines.extend(["", "Conflicts"])
        if not conflicts:
            self.say("none", 2)
        for conflict in conflicts:
            self.say(
                f"{conflict.subject}, {conflict.field}: {self.claim_ref(conflict.first)} vs "
                f"{self.claim_ref(conflict.second)}: {conflict.reason}",
                2,
            )


def show(dossier: Dossier, *, width: int = 100) -> str:
    """
    The dossier as ``eventmodel show`` prints it: its check, its sources,
    each top-level claim as its chain of attribution (outlet → speaker →
    ...) with factuality, time and quotes, then corroboration and conflicts.
    """
    return _Shower(dossier, width).render()


def _show(args: argparse.Namespace, out: IO[str]) -> int:
    dossier = _load_dossier(args.file)
    width = args.width or min(shutil.get_terminal_size((100, 24)).columns, 100)
    out.write(show(dossier, width=width))
    return EXIT_OK


# -- graph ---------------------------------------------------------------------------------------


@attrs.frozen
class _Node:
    id: str
    label: str
    shape: Literal["actor", "source", "claim"]


def _graph(dossier: Dossier) -> tuple[list[_Node], list[tuple[str, str, str]]]:
    """The attribution graph: nodes, and edges (from, to, label)."""
    nodes: dict[str, _Node] = {}
    edges: list[tuple[str, str, str]] = []
    for actor in dossier.actors:
        nodes[actor.id] = _Node(actor.id, actor.name, "actor")
        edges.extend((actor.id, link.organization, link.role or "member of") for link in actor.affiliations)
    for source in dossier.sources:
        publisher = dossier.get(source.publisher) if source.publisher is not None else None
        byline = " ".join(
            str(part)
            for part in (publisher.name if isinstance(publisher, Actor) else None, source.published)
            if part is not None
        )
        nodes[source.id] = _Node(source.id, source.title or byline or source.id, "source")
        if source.publisher is not None:
            edges.append((source.id, source.publisher, "published by"))
        edges.extend((source.id, author, "written by") for author in source.authors)
        edges.extend((source.id, parent, "derived from") for parent in source.derived_from)
    unattributed = "(unattributed)"
    for report in dossier.claims:
        for hop in dossier.chain(report):
            claim = hop.claim
            label = f"{hop.speech_act.value} ({hop.factuality})"
            if isinstance(claim.content, Event):
                label += f"\n{claim.content.kind}"
            elif isinstance(claim.content, Proposition):
                text = claim.content.text
                label += "\n" + (text if len(text) <= 40 else text[:39] + "…")
            nodes[claim.id] = _Node(claim.id, label, "claim")
            speaker = hop.claimant or unattributed
            if speaker == unattributed and unattributed not in nodes:
                nodes[unattributed] = _Node(unattributed, "it was reported", "actor")
            edges.append((claim.id, speaker, "by"))
            edges.extend((claim.id, evidence.source, "seen in") for evidence in claim.evidence)
            if isinstance(claim.content, Claim):
                edges.append((claim.id, claim.content.id, "reports"))
    for start, end, _ in edges:
        for ident in (start, end):
            if ident not in nodes:  # a reference the dossier does not resolve
                nodes[ident] = _Node(ident, ident, "claim")
    return list(nodes.values()), list(dict.fromkeys(edges))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(dossier: Dossier) -> str:
    """The attribution graph of *dossier* in Graphviz's DOT language."""
    nodes, edges = _graph(dossier)
    shapes = {"actor": "ellipse", "source": "box", "claim": "note"}
    lines = ["digraph attribution {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    lines.extend(
        f"  {_quoted(node.id)} [label={_quoted(node.label)}, shape={shapes[node.shape]}];" for node in nodes
    )
    lines.extend(
        f"  {_quoted(start)} -> {_quoted(end)} [label={_quoted(label)}];" for start, end, label in edges
    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(dossier: Dossier) -> str:
    """The attribution graph of *dossier* as a Mermaid flowchart."""
    nodes, edges = _graph(dossier)
    names = {node.id: f"n{number}" for number, node in enumerate(nodes)}

    def label(text: str) -> str:
        return '"' + text.replace('"', "#quot;").replace("\n", " ") + '"'

    shapes = {"actor": ("([", "])"), "source": ("[", "]"), "claim": ("[/", "/]")}
    lines = ["flowchart LR"]
    for node in nodes:
        opening, closing = shapes[node.shape]
        lines.append(f"  {names[node.id]}{opening}{label(node.label)}{closing}")
    lines.extend(f"  {names[start]} -->|{label(text)}| {names[end]}" for start, end, text in edges)
    return "\n".join(lines) + "\n"


def _graph_command(args: argparse.Namespace, out: IO[str]) -> int:
    dossier = _load_dossier(args.file)
    text = to_mermaid(dossier) if args.format == "mermaid" else to_dot(dossier)
    if args.format in {"dot", "mermaid"}:
        if args.output:
            _write_text(args.output, text)
        else:
            out.write(text)
        return EXIT_OK
    dot = shutil.which("dot")
    if dot is None:
        raise _UsageError(
            f"--format {args.format} needs Graphviz's dot program, which is not on PATH: "
            "install Graphviz, or use --format dot and render it elsewhere"
        )
    if not args.output:
        raise _UsageError(f"--format {args.format} writes a binary file: name it with --output")
    try:
        subprocess.run(  # noqa: S603 - the program is Graphviz's, found on PATH, with fixed arguments
            [dot, f"-T{args.format}", "-o", args.output],
            input=text.encode(),
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as error:
        reason = error.stderr.decode(errors="replace").strip().splitlines()
        raise _UnreadableError(
            f"dot failed: {reason[0] if reason else f'exit status {error.returncode}'}"
        ) from None
    return EXIT_OK


# -- schema, convert -----------------------------------------------------------------------------


def _schema(args: argparse.Namespace, out: IO[str]) -> int:
    import json  # noqa: PLC0415 - the standard library's, for indentation

    out.write(json.dumps(json_schema(), indent=args.indent, ensure_ascii=False) + "\n")
    return EXIT_OK


def _write_text(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
        return
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as error:
        raise _UnreadableError(f"{path}: cannot be written ({error.strerror or error})") from None


def _members(dossier: Dossier) -> Iterator[Actor | Source | Claim]:
    yield from dossier.actors
    yield from dossier.sources
    yield from dossier.claims


def _convert(args: argparse.Namespace, out: IO[str]) -> int:
    target: Format | None = args.to or (
        _EXTENSIONS.get(Path(args.output).suffix.lower()) if args.output != "-" else None
    )
    if target is None:
        raise _UsageError(
            f"cannot tell the format to write from {args.output!r}: use --to json or --to jsonl"
        )
    dossier = _load_dossier(args.input)
    if target == "json":
        text = em_json.dumps(dossier)
        _write_text(args.output, text + "\n")
    else:

        def lines() -> Iterable[str]:
            for member in _members(dossier):
                yield em_json.dumps(member) + "\n"

        _write_text(args.output, "".join(lines()))
    out.write(
        f"{_display(args.input)} -> {_display(args.output)}: "
        f"{_plural(len(dossier.actors) + len(dossier.sources) + len(dossier.claims), 'object')} as {target}\n"
        if args.output != "-"
        else ""
    )
    return EXIT_OK


# -- the parser ----------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, with where to get help."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see {self.prog} --help)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="eventmodel",
        description="Validate, show, convert and draw eventmodel dossiers (JSON or JSON Lines).",
        epilog="Exit status: 0 valid, 1 invalid (format or provenance rules), 2 unreadable input or bad arguments.",
    )
    parser.add_argument("--version", action="version", version=f"eventmodel {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    validate = commands.add_parser(
        "validate",
        help="check files against the format and the provenance rules",
        description="Check JSON dossiers and JSON Lines files against the format and the provenance rules; "
        "print every problem with its JSON path, then a summary for each file.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="a .json or .jsonl file; - for stdin")
    validate.add_argument("--strict", action="store_true", help="fail on warnings too")
    validate.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    validate.set_defaults(run=_validate)

    show_command = commands.add_parser(
        "show",
        help="print a dossier as chains of attribution",
        description="Print each top-level claim as its chain of attribution (outlet → speaker → ...) "
        "with factuality, time and quotes; then corroboration and conflicts.",
    )
    show_command.add_argument("file", metavar="FILE", help="a .json or .jsonl file; - for stdin")
    show_command.add_argument("--width", type=int, default=None, help="wrap lines at this width")
    show_command.set_defaults(run=_show)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema", description="Print the JSON Schema (Draft 2020-12)."
    )
    schema.add_argument("--indent", type=int, default=2, help="spaces of indentation (default 2)")
    schema.set_defaults(run=_schema)

    convert = commands.add_parser(
        "convert",
        help="convert between JSON and JSON Lines",
        description="Read a dossier (JSON or JSON Lines) and write it in the other form.",
    )
    convert.add_argument("input", metavar="IN", help="a .json or .jsonl file; - for stdin")
    convert.add_argument("output", metavar="OUT", help="a .json or .jsonl file; - for stdout")
    convert.add_argument("--to", choices=["json", "jsonl"], default=None, help="the format to write")
    convert.set_defaults(run=_convert)

    graph = commands.add_parser(
        "graph",
        help="draw the attribution graph",
        description="Describe the attribution graph (actors, sources, claims, derivations) in DOT or Mermaid; "
        "with Graphviz installed, render it as SVG or PNG.",
    )
    graph.add_argument("file", metavar="FILE", help="a .json or .jsonl file; - for stdin")
    graph.add_argument("--format", choices=["dot", "mermaid", "svg", "png"], default="dot")
    graph.add_argument("-o", "--output", default=None, help="write here instead of standard output")
    graph.set_defaults(run=_graph_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``eventmodel`` command with *argv* (default: ``sys.argv[1:]``)
    and return its exit status.
    """
    try:
        args = _parser().parse_args(argv)
        status: int = args.run(args, sys.stdout)
    except _UsageError as error:
        sys.stderr.write(f"eventmodel: {error}\n")
        return EXIT_UNREADABLE
    except _UnreadableError as error:
        sys.stderr.write(f"eventmodel: {error}\n")
        return EXIT_UNREADABLE
    except EventModelError as error:
        sys.stderr.write(f"eventmodel: {error}\n")
        return EXIT_INVALID
    except KeyboardInterrupt:
        sys.stderr.write("eventmodel: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (| head): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return status
