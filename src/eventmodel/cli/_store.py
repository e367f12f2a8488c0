"""
The commands on a store (:class:`eventmodel.Store`): ``eventmodel load DB
FILE...``, and what ``validate --store DB``, ``show DB --event ID`` and
``export DB --to jsonl`` do when given one.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import IO, Any, Final

from eventmodel import json as em_json
from eventmodel.dossier._provenance import Severity
from eventmodel.exceptions import EventModelError
from eventmodel.interop import formats
from eventmodel.store import Store

from ._options import add_limits, limits
from ._reading import (
    _display,
    _format_of,
    _load_dossier,
    _open,
    _Progress,
    _UnreadableError,
    _UsageError,
)
from ._show import _plural, show
from ._writing import _write

__all__ = ["add_commands", "export_store", "is_store", "show_part", "validate_store"]

#: The first bytes of every SQLite database file.
_SQLITE: Final = b"SQLite format 3\x00"

#: The formats ``export`` writes from a store, streaming it.
STORE_EXPORTS: Final = ("jsonl", "parquet")


def is_store(path: str) -> bool:
    """Whether *path* names an SQLite database (a store), by its first bytes."""
    if path == "-":
        return False
    try:
        with Path(path).open("rb") as fp:
            return fp.read(len(_SQLITE)) == _SQLITE
    except OSError:
        return False


def _store(path: str, *, create: bool = False) -> Store:
    if not create and not Path(path).is_file():
        raise _UnreadableError(f"{path}: no such file")
    if not create and not is_store(path):
        raise _UnreadableError(f"{path}: is not a store (an SQLite database made by eventmodel load)")
    try:
        return Store(path)
    except EventModelError as error:
        raise _UnreadableError(f"{path}: {error.reason}") from None


# -- load ----------------------------------------------------------------------------------------


def _add_file(store: Store, path: str, args: argparse.Namespace, progress: _Progress) -> int:
    """Add the objects of one file to *store*: a JSON dossier whole, JSON Lines by worker processes."""
    fp = _open(path)
    head = fp.peek(4096)[:4096] if hasattr(fp, "peek") else b""
    if _format_of(path, head) == "json":
        fp.close()
        return store.add_all(_load_dossier(path, **limits(args)))
    with fp:
        return store.load_jsonl(
            fp,
            workers=args.workers,
            progress=lambda count: progress.update(fp.tell(), count),
            max_line_size=limits(args)["max_line_size"],
        )


def _load(args: argparse.Namespace, out: IO[str]) -> int:
    store = _store(args.db, create=True)
    with store:
        for path in args.files:
            size = Path(path).stat().st_size if path != "-" and Path(path).is_file() else None
            progress = _Progress(_display(path), size, enabled=not args.no_progress and sys.stderr.isatty())
            try:
                try:
                    added = _add_file(store, path, args, progress)
                except EventModelError as error:
                    raise EventModelError(f"{_display(path)}: {error} (nothing of it was loaded)") from None
            finally:
                progress.close()
            out.write(f"{_display(path)} -> {args.db}: {_plural(added, 'new object')}\n")
        out.write(f"{args.db}: {_counts(store)}\n")
    return 0


def _counts(store: Store) -> str:
    counts = dict.fromkeys(("actor", "source", "claim"), 0)
    for kind, count in store._db.execute("SELECT kind, COUNT(*) FROM objects GROUP BY kind"):
        counts[kind] = count
    return ", ".join(_plural(counts[kind], kind) for kind in counts)


# -- validate --store ----------------------------------------------------------------------------


def validate_store(args: argparse.Namespace, out: IO[str]) -> int:
    """``eventmodel validate --store DB``: the provenance rules over a store, streamed."""
    if args.files:
        raise _UsageError("validate takes files or --store DB, not both")
    with _store(args.store) as store:
        errors = warnings = 0
        for violation in store.violations():  # printed as found, so that memory does not grow with them
            out.write(f"{args.store}: {violation}\n")
            if violation.severity is Severity.ERROR:
                errors += 1
            else:
                warnings += 1
        failed = errors or (args.strict and warnings)
        out.write(
            f"{args.store}: {'invalid' if failed else 'valid'}: {_counts(store)}; "
            f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}\n"
        )
    return 1 if failed else 0


# -- show DB --event ID --------------------------------------------------------------------------


def show_part(args: argparse.Namespace, out: IO[str]) -> int:
    """``eventmodel show DB --event ID`` (or ``--claim``, ``--actor``): one part of a store, or of a file."""
    chosen = {name: getattr(args, name) for name in ("event", "claim", "actor") if getattr(args, name)}
    if is_store(args.file):
        if not chosen:
            raise _UsageError(
                f"{args.file} is a store: show one part of it with --event ID, --claim ID or --actor ID"
            )
        store = _store(args.file)
    else:
        store = Store()
        store.add_all(_load_dossier(args.file, **limits(args)))
    if len(chosen) > 1:
        raise _UsageError("show takes one of --event, --claim and --actor")
    with store:
        ((name, ident),) = chosen.items()
        part = store.dossier(**{name: ident})
    if not part.claims:
        raise _UsageError(f"{_display(args.file)}: no claim {'is' if name == 'claim' else 'about'} {ident!r}")
    terminal = min(shutil.get_terminal_size((100, 24)).columns, 100) if out.isatty() else 100
    out.write(show(part, width=terminal if args.width is None else args.width))
    return 0


def add_show_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``show`` that pick one part of a store or a file."""
    parser.add_argument("--event", metavar="ID", default=None, help="show the claims about this event")
    parser.add_argument("--claim", metavar="ID", default=None, help="show the report that carries this claim")
    parser.add_argument(
        "--actor", metavar="ID", default=None, help="show the claims this actor makes or takes part in"
    )


# -- export DB --to jsonl ------------------------------------------------------------------------


def export_store(args: argparse.Namespace, out: IO[str]) -> int:
    """
    ``eventmodel export DB --to jsonl`` (or ``--to parquet -o DIR``): a
    store's objects, streamed in dependency order.
    """
    name = args.to or ("jsonl" if Path(args.output).suffix.lower() in {".jsonl", ".ndjson"} else None)
    if name not in STORE_EXPORTS:
        raise _UsageError(
            f"{args.file} is a store, and {'--to ' + name if name else 'this format'} cannot be written "
            f"from a store yet: use --to {' or --to '.join(STORE_EXPORTS)}"
        )
    counted: list[int] = []
    if name == "parquet":  # a folder, written from the store's stream in batches
        if args.output == "-":
            raise _UsageError("parquet writes a folder: name it with -o")
        write = formats.exporter(name).load()
        buckets = getattr(args, "option_buckets", None)
        with _store(args.file) as store:
            write(store.objects(), args.output, **({} if buckets is None else {"buckets": buckets}))
            counted.append(len(store))
    else:
        with _store(args.file) as store:
            _write(args.output, lambda fp: counted.append(em_json.write_jsonl(store.objects(), fp)))
    if args.output != "-":
        out.write(f"{args.file} -> {args.output}: {_plural(counted[0], 'object')} as {name}\n")
    return 0


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number, 0 or more, not {text!r}")
    return int(text)


def add_commands(commands: Any) -> None:
    """Add ``load`` to the command's subparsers *commands*."""
    load = commands.add_parser(
        "load",
        help="load files into a store",
        description="Add the actors, sources and claims of JSON dossiers and JSON Lines files to a store "
        "(an SQLite database, created if missing), one transaction a file: a file is loaded whole or "
        "not at all.",
        epilog="Exit status: 0 loaded, 1 invalid input (format, or an id held with other content), "
        "2 unreadable input or bad arguments.",
    )
    load.add_argument("db", metavar="DB", help="the store's file")
    load.add_argument("files", nargs="+", metavar="FILE", help="a .json or .jsonl file; - for stdin")
    load.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    load.add_argument(
        "--workers",
        type=_count,
        default=None,
        metavar="N",
        help="processes that read JSON Lines while one writes (default: one a core, at most 8; 0: none)",
    )
    add_limits(load)
    load.set_defaults(run=_load)
