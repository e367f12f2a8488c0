"""
Writing the command's output files.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, Any

from eventmodel.core._files import atomic_write

from ._reading import _UnreadableError

__all__ = ["_write"]


def _write(path: str, write: Callable[[IO[Any]], object], *, binary: bool = False) -> None:
    """
    Call *write* with the file at *path* open for writing (``-``: standard
    output), as text or, with *binary*, as bytes. The file is written whole
    or not at all (:func:`~eventmodel.core._files.atomic_write`): if writing
    fails or the command is killed, a file that was there is left unchanged.
    """
    if path == "-":
        write(sys.stdout.buffer if binary else sys.stdout)
        return
    try:
        atomic_write(path, write, binary=binary)
    except OSError as error:
        raise _UnreadableError(f"{path}: cannot be written ({error.strerror or error})") from None
