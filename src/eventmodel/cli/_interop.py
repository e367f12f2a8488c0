"""
``eventmodel export`` and ``eventmodel import``: dossiers to and from the
formats registered in :data:`eventmodel.interop.formats`.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path
from typing import IO, Any

from eventmodel.interop import Exporter, Importer, Option, formats

from ._options import add_limits, limits
from ._reading import _display, _load_dossier, _Progress, _UnreadableError, _UsageError
from ._show import _plural
from ._store import export_store, is_store
from ._writing import _write

__all__ = ["add_commands", "format_first"]


def _options(args: argparse.Namespace, options: tuple[Option, ...]) -> dict[str, Any]:
    given: dict[str, Any] = {}
    for option in options:
        value = getattr(args, f"option_{option.name}", None)
        if value is not None:
            given[option.name] = tuple(value) if option.many else value
    return given


def _add_options(parser: argparse.ArgumentParser, options: tuple[Option, ...]) -> None:
    for option in options:
        if option.switch:
            parser.add_argument(
                option.flag, dest=f"option_{option.name}", action="store_true", default=None, help=option.help
            )
            continue
        parser.add_argument(
            option.flag,
            dest=f"option_{option.name}",
            nargs="+" if option.many else None,
            required=option.required,
            metavar="VALUE",
            help=option.help,
        )


def _exporter_for(args: argparse.Namespace) -> Exporter:
    if args.to is not None:
        return formats.exporter(args.to)
    suffix = Path(args.output).suffix.lower() if args.output != "-" else ""
    for exporter in formats.exporters:
        if suffix and suffix in exporter.suffixes:
            return exporter
    raise _UsageError(f"cannot tell the format to write from {args.output!r}: name it with --to")


def _export(args: argparse.Namespace, out: IO[str]) -> int:
    if is_store(args.file):
        return export_store(args, out)
    exporter = _exporter_for(args)
    write = exporter.load()
    options = _options(args, exporter.options)
    dossier = _load_dossier(args.file, **limits(args))
    _write(args.output, lambda fp: write(dossier, fp, **options), binary=exporter.binary)
    if args.output != "-":
        out.write(
            f"{_display(args.file)} -> {args.output}: {_plural(len(dossier), 'object')} as {exporter.name}\n"
        )
    return 0


def _import(args: argparse.Namespace, out: IO[str]) -> int:
    importer: Importer = args.importer
    read = importer.load()
    options = _options(args, importer.options)
    for file in args.files:
        if not Path(file).is_file():
            raise _UnreadableError(f"{file}: no such file")
    skipped: list[str] = []
    takes = inspect.signature(read).parameters
    progress: _FileProgress | None = None
    if "progress" in takes and "skipped" in takes:
        progress = _FileProgress(enabled=sys.stderr.isatty())
        options.update(progress=progress, skipped=skipped)
    try:
        dossier = read(tuple(args.files), **options)
    finally:
        if progress is not None:
            progress.close()
    target = args.to or ("jsonl" if Path(args.output).suffix.lower() in {".jsonl", ".ndjson"} else "json")
    write = formats.exporter(target).load()
    _write(args.output, lambda fp: write(dossier, fp))
    if args.output != "-":
        files = ", ".join(args.files) if len(args.files) <= 3 else _plural(len(args.files), "file")
        out.write(f"{files} -> {args.output}: {_plural(len(dossier), 'object')} from {importer.name}\n")
    if skipped:
        sys.stderr.write(f"skipped {_plural(len(skipped), 'bad row')}:\n")
        sys.stderr.writelines(f"  {message}\n" for message in skipped)
    return 0


class _FileProgress:
    """A progress bar per file, for an importer that reports its progress."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: _Progress | None = None

    def __call__(self, name: str, done: int, total: int | None, rows: int) -> None:
        if not self.enabled:
            return
        if self.bar is None or self.bar.name != name:
            self.close()
            self.bar = _Progress(name, total, enabled=True)
        self.bar.update(done, rows)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def format_first(argv: list[str]) -> list[str]:
    """
    *argv* with ``import --from NAME ...`` written as ``import NAME ...``: the
    two spellings are one command.
    """
    if not argv or argv[0] != "import":
        return argv
    for index, word in enumerate(argv[1:], start=1):
        if word == "--":
            break
        if word.startswith("--from="):
            return ["import", word.partition("=")[2], *argv[1:index], *argv[index + 1 :]]
        if word == "--from" and index + 1 < len(argv):
            return ["import", argv[index + 1], *argv[1:index], *argv[index + 2 :]]
    return argv


def add_commands(commands: Any) -> None:
    """Add ``export`` and ``import`` to the command's subparsers *commands*."""
    exporters = formats.exporters
    export = commands.add_parser(
        "export",
        help="write a dossier in another format",
        description="Write a dossier (JSON or JSON Lines) in another format: "
        + "; ".join(f"{e.name}: {e.summary}" for e in exporters)
        + ".",
        epilog="Exit status: 0 written, 1 invalid input, 2 unreadable input, bad arguments "
        "or a format whose extra is not installed.",
    )
    export.add_argument(
        "file", metavar="FILE", help="a .json or .jsonl file, or a store (jsonl only); - for stdin"
    )
    export.add_argument(
        "--to",
        choices=[e.name for e in exporters],
        default=None,
        help="the format (default: from OUT's ending)",
    )
    export.add_argument("-o", "--output", default="-", metavar="OUT", help="where to write (default: stdout)")
    add_limits(export)
    shared: dict[str, Option] = {}  # formats may take options of the same name: one flag serves them all
    for exporter in exporters:
        for option in exporter.options:
            shared.setdefault(option.name, option)
    _add_options(export, tuple(shared.values()))
    export.set_defaults(run=_export)

    import_command = commands.add_parser(
        "import",
        help="read a dossier from another format",
        description="Read a dossier from another format and write it as eventmodel JSON or JSON Lines. "
        "'import --from FORMAT FILE...' is the same as 'import FORMAT FILE...'.",
        epilog="Exit status: 0 written, 1 invalid input, 2 unreadable input, bad arguments "
        "or a format whose extra is not installed.",
    )
    sources = import_command.add_subparsers(
        dest="format", metavar="FORMAT", parser_class=type(import_command)
    )
    sources.required = True
    for importer in formats.importers:
        parser = sources.add_parser(
            importer.name,
            help=importer.summary,
            description=importer.summary + ".",
            epilog=import_command.epilog,
        )
        parser.add_argument("files", nargs="+", metavar="FILE", help="the files to read")
        parser.add_argument(
            "-o",
            "--output",
            default="-",
            metavar="OUT",
            help="a .json or .jsonl file (default: JSON on stdout)",
        )
        parser.add_argument("--to", choices=["json", "jsonl"], default=None, help="the form to write")
        _add_options(parser, importer.options)
        parser.set_defaults(run=_import, importer=importer)
