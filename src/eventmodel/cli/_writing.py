"""
Writing the command's output files.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from ._reading import _UnreadableError

__all__ = ["_write"]


def _write(path: str, write: Callable[[IO[Any]], object], *, binary: bool = False) -> None:
    """
    Call *write* with the file at *path* open for writing (``-``: standard
    output), as text or, with *binary*, as bytes.
    """
    if path == "-":
        write(sys.stdout.buffer if binary else sys.stdout)
        return
    try:
        with Path(path).open("wb") if binary else Path(path).open("w", encoding="utf-8") as fp:
            write(fp)
    except OSError as error:
        raise _UnreadableError(f"{path}: cannot be written ({error.strerror or error})") from None
