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
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Final, NoReturn

import attrs

from eventmodel import __version__
from eventmodel import json as em_json
from eventmodel.dossier._provenance import Report
from eventmodel.exceptions import EventModelError, MissingExtraError
from eventmodel.schema import json_schema

from . import _interop, _report, _store
from ._graph import to_dot, to_mermaid
from ._options import add_limits, integer, limits
from ._reading import (
    _EXTENSIONS,
    Format,
    _display,
    _load_dossier,
    _read,
    _UnreadableError,
    _UsageError,
)
from ._show import _plural, describe_quantity, show
from ._writing import _write

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


# -- validate ------------------------------------------------------------------------------------


def _validate(args: argparse.Namespace, out: IO[str]) -> int:
    if args.store is not None:
        return _store.validate_store(args, out)
    if not args.files:
        raise _UsageError(
            "the following arguments are required: FILE, or --store DB (see eventmodel validate --help)"
        )
    status = EXIT_OK
    totals = {"files": 0, "errors": 0, "warnings": 0, "unreadable": 0}
    progress = not args.no_progress and sys.stderr.isatty()
    for path in args.files:
        totals["files"] += 1
        try:
            loaded = _read(path, progress=progress, **limits(args))
        except _UnreadableError as error:
            # Not a finding about the file's content: the program's own error, as every command writes it.
            sys.stderr.write(f"eventmodel: {error}\n")
            totals["unreadable"] += 1
            status = EXIT_UNREADABLE
            continue
        for line in loaded.unreadable:
            out.write(f"{loaded.name}: unreadable {line}\n")
        for line in loaded.problems:
            out.write(f"{loaded.name}: error format {line}\n")
        report: Report = loaded.dossier.check()
        # One cause, one error: references to a member that could not be read follow from its error.
        following = [violation for violation in report if loaded.follows(violation)]
        for violation in report:
            if not loaded.follows(violation):
                out.write(f"{loaded.name}: {attrs.evolve(violation, path=loaded.where(violation.path))}\n")
        if following:
            missing = sorted({violation.missing for violation in following if violation.missing is not None})
            out.write(
                f"{loaded.name}: {_plural(len(following), 'reference')} to "
                f"{', '.join(repr(ident) for ident in missing)} left out: "
                f"{'it follows' if len(following) == 1 else 'they follow'} from the error"
                f"{'s' if len({loaded.failed[ident] for ident in missing}) > 1 else ''} above\n"
            )
        errors = len(loaded.problems) + sum(1 for violation in report.errors if not loaded.follows(violation))
        warnings = sum(1 for violation in report.warnings if not loaded.follows(violation))
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


def _show(args: argparse.Namespace, out: IO[str]) -> int:
    if args.event or args.claim or args.actor or _store.is_store(args.file):
        return _store.show_part(args, out)
    dossier = _load_dossier(args.file, **limits(args))
    # In a pipe, the width does not depend on the terminal the command was started from.
    terminal = min(shutil.get_terminal_size((100, 24)).columns, 100) if out.isatty() else 100
    width = terminal if args.width is None else args.width
    out.write(show(dossier, width=width))
    return EXIT_OK


def _graph_command(args: argparse.Namespace, out: IO[str]) -> int:
    dossier = _load_dossier(args.file, **limits(args))
    text = to_mermaid(dossier) if args.format == "mermaid" else to_dot(dossier)
    if args.format in {"dot", "mermaid"}:
        if args.output:
            _write(args.output, lambda fp: fp.write(text))
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
        rendered = subprocess.run(  # noqa: S603 - the program is Graphviz's, found on PATH, with fixed arguments
            [dot, f"-T{args.format}"],
            input=text.encode(),
            check=True,
            capture_output=True,
        ).stdout
    except subprocess.CalledProcessError as error:
        reason = error.stderr.decode(errors="replace").strip().splitlines()
        raise _UnreadableError(
            f"dot failed: {reason[0] if reason else f'exit status {error.returncode}'}"
        ) from None
    _write(args.output, lambda fp: fp.write(rendered), binary=True)
    return EXIT_OK


# -- schema, convert -----------------------------------------------------------------------------


def _schema(args: argparse.Namespace, out: IO[str]) -> int:
    text = json.dumps(json_schema(), indent=args.indent, ensure_ascii=False) + "\n"
    if args.output:
        _write(args.output, lambda fp: fp.write(text))
    else:
        out.write(text)
    return EXIT_OK


def _convert(args: argparse.Namespace, out: IO[str]) -> int:
    target: Format | None = args.to or (
        _EXTENSIONS.get(Path(args.output).suffix.lower()) if args.output != "-" else None
    )
    if target is None:
        raise _UsageError(
            f"cannot tell the format to write from {args.output!r}: use --to json or --to jsonl"
        )
    dossier = _load_dossier(args.input, **limits(args))
    if target == "json":
        _write(args.output, lambda fp: fp.write(em_json.dumps(dossier) + "\n"))
    else:
        _write(args.output, lambda fp: em_json.write_jsonl(dossier, fp))
    if args.output != "-":
        out.write(f"{_display(args.input)} -> {args.output}: {_plural(len(dossier), 'object')} as {target}\n")
    return EXIT_OK


# -- the parser ----------------------------------------------------------------------------------

#: The widths ``show --width`` takes.
_WIDTHS: Final = (20, 1000)
#: The indentations ``schema --indent`` takes.
_INDENTS: Final = (0, 16)


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
        epilog="Findings and summaries go to standard output; an unreadable file or a bad argument is one "
        "line on standard error. Exit status: 0 valid, 1 invalid (format or provenance rules; --strict: or "
        "a warning), 2 some file unreadable or bad arguments.",
    )
    validate.add_argument("files", nargs="*", metavar="FILE", help="a .json or .jsonl file; - for stdin")
    validate.add_argument(
        "--store", metavar="DB", default=None, help="check a store (eventmodel load) instead"
    )
    validate.add_argument("--strict", action="store_true", help="fail on warnings too")
    validate.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    add_limits(validate)
    validate.set_defaults(run=_validate)

    show_command = commands.add_parser(
        "show",
        help="print a dossier as chains of attribution",
        description="Print each top-level claim as its chain of attribution (outlet → speaker → ...) "
        "with factuality, time and quotes; then corroboration and conflicts.",
        epilog="Exit status: 0 shown, 1 invalid input (format), 2 unreadable input or bad arguments.",
    )
    show_command.add_argument("file", metavar="FILE", help="a .json or .jsonl file, or a store; - for stdin")
    show_command.add_argument(
        "--width",
        type=integer(*_WIDTHS),
        default=None,
        help="wrap lines at this width, from 20 to 1000 (default: the terminal's, at most 100)",
    )
    _store.add_show_options(show_command)
    add_limits(show_command)
    show_command.set_defaults(run=_show)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema",
        description="Print the JSON Schema (Draft 2020-12).",
        epilog="Exit status: 0 printed, 2 bad arguments.",
    )
    schema.add_argument(
        "--indent", type=integer(*_INDENTS), default=2, help="spaces of indentation, from 0 to 16 (default 2)"
    )
    schema.add_argument("-o", "--output", default=None, help="write here instead of standard output")
    schema.set_defaults(run=_schema)

    convert = commands.add_parser(
        "convert",
        help="convert between JSON and JSON Lines",
        description="Read a dossier (JSON or JSON Lines) and write it in the other form.",
        epilog="Exit status: 0 written, 1 invalid input (format), 2 unreadable input, an unwritable output "
        "or bad arguments.",
    )
    convert.add_argument("input", metavar="IN", help="a .json or .jsonl file; - for stdin")
    convert.add_argument("output", metavar="OUT", help="a .json or .jsonl file; - for stdout")
    convert.add_argument("--to", choices=["json", "jsonl"], default=None, help="the format to write")
    add_limits(convert)
    convert.set_defaults(run=_convert)

    graph = commands.add_parser(
        "graph",
        help="draw the attribution graph",
        description="Describe the attribution graph (actors, sources, claims, derivations) in DOT or Mermaid; "
        "with Graphviz installed, render it as SVG or PNG.",
        epilog="Exit status: 0 drawn, 1 invalid input (format), 2 unreadable input, an unwritable output, "
        "Graphviz missing or failing, or bad arguments.",
    )
    graph.add_argument("file", metavar="FILE", help="a .json or .jsonl file; - for stdin")
    graph.add_argument("--format", choices=["dot", "mermaid", "svg", "png"], default="dot")
    graph.add_argument("-o", "--output", default=None, help="write here instead of standard output")
    add_limits(graph)
    graph.set_defaults(run=_graph_command)

    # Commands defined in modules of their own, each adding its parsers.
    for add_commands in _COMMANDS:
        add_commands(commands)
    return parser


#: The functions that add the commands defined outside this module.
_COMMANDS: Final = (_interop.add_commands, _report.add_commands, _store.add_commands)


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``eventmodel`` command with *argv* (default: ``sys.argv[1:]``)
    and return its exit status.
    """
    try:
        args = _parser().parse_args(_interop.format_first(list(sys.argv[1:] if argv is None else argv)))
        status: int = args.run(args, sys.stdout)
    except _UsageError as error:
        sys.stderr.write(f"eventmodel: {error}\n")
        return EXIT_UNREADABLE
    except _UnreadableError as error:
        sys.stderr.write(f"eventmodel: {error}\n")
        return EXIT_UNREADABLE
    except MissingExtraError as error:
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
