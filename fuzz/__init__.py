"""
The fuzz harness: valid documents and times built by :mod:`eventmodel.testing`,
changed at random where their structure makes changes interesting, and fed to
every public reader, text parser and command.

Each input ends one way: *accepted* (and then written with both JSON backends,
read back and compared), *refused* with the library's own error, a *raw*
exception, a *hang*, or a *round-trip failure*. ``python -m fuzz`` runs it and
prints the table; ``tests/test_fuzz.py`` runs a short seeded pass in CI.

A reader is one :class:`Target` in :data:`TARGETS`; add one with
:func:`register` (see fuzz/README.md).
"""

from __future__ import annotations

from . import _importers  # noqa: F401 - registers the importers as targets
from ._run import Outcome, Tally, fuzz, table
from ._targets import TARGETS, Target, register

__all__ = ["TARGETS", "Outcome", "Tally", "Target", "fuzz", "register", "table"]
