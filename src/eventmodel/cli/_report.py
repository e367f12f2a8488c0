"""
``eventmodel report``: the HTML report of a dossier, one self-contained page.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import IO, Any

from eventmodel.interop._report import write_report

from ._reading import _display, _load_dossier
from ._show import _plural
from ._writing import _write

__all__ = ["add_commands"]


class _Bar:
    """A progress bar of claims rendered, on standard error when it is a terminal."""

    def __init__(self, name: str, *, enabled: bool) -> None:
        self.name = name
        self.enabled = enabled
        self.shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.shown < 0.1 and done < total:
            return
        self.shown = now
        width = 30
        fraction = done / total if total else 1.0
        bar = "#" * round(fraction * width)
        sys.stderr.write(
            f"\r{self.name} [{bar:<{width}}] {fraction:4.0%} {done:,} of {_plural(total, 'claim')}"
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _report(args: argparse.Namespace, out: IO[str]) -> int:
    progress = not args.no_progress and sys.stderr.isatty()
    name = _display(args.file)
    dossier = _load_dossier(args.file, progress=progress)
    bar = _Bar(name, enabled=progress)
    title = args.title or f"{name}: eventmodel report"
    try:
        _write(args.output, lambda fp: write_report(dossier, fp, title=title, progress=bar))
    finally:
        bar.close()
    if args.output != "-":
        out.write(f"{name} -> {args.output}: {_plural(len(dossier.claims), 'claim')} in an HTML report\n")
    return 0


def add_commands(commands: Any) -> None:
    """Add ``report`` to the command's subparsers *commands*."""
    report = commands.add_parser(
        "report",
        help="write the HTML report of a dossier",
        description="Write one self-contained HTML page (no network; it opens from file://) showing each "
        "event's accounts side by side with corroboration, conflicts, quotes in their source's text, "
        "a timeline, the provenance check's findings, and filters by actor, source and event.",
        epilog="Exit status: 0 written, 1 invalid input (format or provenance rules), "
        "2 unreadable input, an unwritable output or bad arguments.",
    )
    report.add_argument("file", metavar="FILE", help="a .json or .jsonl file; - for stdin")
    report.add_argument("-o", "--output", required=True, help="the HTML file to write; - for stdout")
    report.add_argument("--title", default=None, help="the page's title (default: the file's name)")
    report.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    report.set_defaults(run=_report)
