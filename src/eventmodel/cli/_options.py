"""
Options that several commands share, and the types of integer options: each
takes a documented range and refuses what is outside it, in one line.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import Any, Final

from eventmodel.io import _json as em_json

__all__ = ["SIZE_UNITS", "add_limits", "integer", "limits", "size"]

#: The suffixes a size may have: powers of 1024.
SIZE_UNITS: Final = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
_SIZE: Final = re.compile(r"([0-9]{1,13})([KMG]?)(?:i?B)?", re.ASCII | re.IGNORECASE)
#: The largest size an option takes: 1 TiB.
MAX_SIZE_OPTION: Final = 1 << 40


def integer(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from *low* to *high*."""

    def read(text: str) -> int:
        if not re.fullmatch(r"[+-]?[0-9]{1,20}", text.strip(), re.ASCII):
            raise argparse.ArgumentTypeError(f"must be a whole number from {low} to {high}, got {text!r}")
        number = int(text)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be a whole number from {low} to {high}, got {text!r}")
        return number

    return read


def size(text: str) -> int:
    """An argparse type: a number of bytes, with K, M or G for KiB, MiB, GiB; 1 byte to 1024G."""
    found = _SIZE.fullmatch(text.strip())
    value = int(found[1]) * SIZE_UNITS[found[2].upper()] if found else 0
    if not 1 <= value <= MAX_SIZE_OPTION:
        raise argparse.ArgumentTypeError(
            f"must be a size from 1 byte to 1024G (bytes, or with K, M or G: 512M), got {text!r}"
        )
    return value


def add_limits(parser: argparse.ArgumentParser) -> None:
    """Add --max-size and --max-line-size to the parser of a command that reads dossiers."""
    parser.add_argument(
        "--max-size",
        type=size,
        default=em_json.MAX_DOCUMENT_SIZE,
        metavar="SIZE",
        help="the largest JSON document read whole (default 256M); keep larger data as JSON Lines",
    )
    parser.add_argument(
        "--max-line-size",
        type=size,
        default=em_json.MAX_LINE_SIZE,
        metavar="SIZE",
        help="the longest JSON Lines line read (default 16M)",
    )


def limits(args: argparse.Namespace) -> dict[str, Any]:
    """The size limits given to a command, as keyword arguments of the readers."""
    return {
        "max_size": getattr(args, "max_size", em_json.MAX_DOCUMENT_SIZE),
        "max_line_size": getattr(args, "max_line_size", em_json.MAX_LINE_SIZE),
    }
