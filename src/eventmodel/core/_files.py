"""
Writing files whole or not at all.

A file is written to a temporary file in the same folder, flushed and synced
to the disk, then renamed over the target: a reader (or the next run, after a
crash or a ``kill -9``) sees the old file or the new one, never a part. On
any error the temporary file is removed and the target left as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_file", "atomic_write"]


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str], *, binary: bool = False) -> Iterator[IO[Any]]:
    """
    A file open for writing (UTF-8 text, or bytes with *binary*) whose content
    replaces the file at *path* when the ``with`` block ends without an error,
    and is thrown away otherwise.

    A file that is replaced keeps its permissions; a new one gets those
    :func:`open` would give it. A symbolic link is followed: the file it points
    to is replaced. Something that is not a regular file (``/dev/null``, a
    pipe) is written to directly, as it cannot be replaced.

    Raises:
        OSError: When the folder cannot be written, the disk is full, ...:
            the target is then unchanged.

    """
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
        regular = target.is_file()
    except FileNotFoundError:
        mode, regular = None, True
    if not regular:
        with target.open("wb") if binary else target.open("w", encoding="utf-8") as fp:
            yield fp
        return
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") if binary else os.fdopen(descriptor, "w", encoding="utf-8") as fp:
            yield fp
            fp.flush()
            os.fsync(fp.fileno())
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def atomic_write(
    path: str | os.PathLike[str], write: Callable[[IO[Any]], object], *, binary: bool = False
) -> None:
    """Call *write* with :func:`atomic_file` of *path*: the file is written whole, or not at all."""
    with atomic_file(path, binary=binary) as fp:
        write(fp)


def _umask() -> int:
    # The only way to read the umask is to set it; it is set back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Sync the folder, so that the rename survives a crash (where the system allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - folders that cannot be opened (some systems)
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover - file systems that cannot sync a folder
        pass
    finally:
        os.close(descriptor)
