"""
The embedded store: a dossier on disk, in SQLite.
"""

from ._store import STORE_VERSION, Store

__all__ = ["STORE_VERSION", "Store"]
