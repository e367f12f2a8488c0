"""
Pausing Python's cyclic garbage collector around bulk work.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """
    Pause the cyclic garbage collector while a document is read or an index
    is built.

    That work allocates many small objects and no cycles; without the pause,
    the collector runs over and over through the growing heap, which about
    halves the speed and makes the time per object grow with the heap. It
    runs again as usual afterwards.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
