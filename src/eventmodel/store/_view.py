"""
A view of a store that the dossier layer's provenance rules run over as over
a :class:`~eventmodel.Dossier`, reading objects as they are asked for.

The rules walk ``claims``, ``sources`` and ``actors`` in order (here streamed
from the store, afresh for each walk), look objects up by id (``get``,
``_actors``, ``_sources``: one indexed query each, the latest kept in a
bounded cache), ask whether a claim id or a subject is held (``_indexed()``:
``by_id``, ``by_subject``) and which claims are about an event (to resolve
relative times). Memory is bounded by the cache, not by the store, except
for the graphs the cycle rule (EM301) searches: the derivations of every
source and the affiliations of every actor, one small tuple of ids each.

This is private, and follows what the rules in
``eventmodel.dossier._provenance`` use of a dossier: the store's tests run
every rule over purpose-built bad dossiers and compare with
:meth:`Dossier.check <eventmodel.Dossier.check>`, so a rule that comes to
use more of the dossier fails there by name.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final, cast

from eventmodel.dossier._analysis import Statement, hops_of
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._source import Source

if TYPE_CHECKING:
    from ._store import Member, Store

__all__ = ["StoreView"]


def _statements(report: Claim) -> list[Statement]:
    """The statements of one report, as :class:`~eventmodel.Dossier` makes them."""
    hops = hops_of(report)
    return [
        Statement(claim=hop.claim, report=report, hops=tuple(hops[:depth]), composed=hop.composed)
        for depth, hop in enumerate(hops, start=1)
    ]


#: How many objects the view keeps of those it has read.
CACHE_SIZE: Final = 4_096


class _Cache:
    """The latest objects read by id, at most :data:`CACHE_SIZE`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.items: OrderedDict[str, Member | None] = OrderedDict()

    def get(self, ident: str) -> Member | None:
        if ident in self.items:
            self.items.move_to_end(ident)
            return self.items[ident]
        found = self.store.get(ident)
        self.items[ident] = found
        if len(self.items) > CACHE_SIZE:
            self.items.popitem(last=False)
        return found


class _Kind:
    """The objects of one class, looked up by id (a dossier's ``_actors`` or ``_sources``)."""

    def __init__(self, cache: _Cache, cls: type) -> None:
        self.cache = cache
        self.cls = cls

    def get(self, ident: str, default: Any = None) -> Any:
        found = self.cache.get(ident)
        return found if isinstance(found, self.cls) else default

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self.get(ident) is not None


class _ClaimIds:
    """The first statement of each claim id, at any depth (an index's ``by_id``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, ident: str, default: Any = None) -> Statement | Any:
        row = self.store._db.execute(
            "SELECT h.depth, o.document FROM hops h JOIN objects o ON o.seq = h.report "
            "WHERE h.claim = ? ORDER BY h.report, h.depth LIMIT 1",
            (ident,),
        ).fetchone()
        if row is None:
            return default
        return _statements(cast("Claim", self.store._decode("claim", row[1])))[row[0] - 1]

    def __contains__(self, ident: object) -> bool:
        return (
            isinstance(ident, str)
            and self.store._db.execute("SELECT 1 FROM hops WHERE claim = ? LIMIT 1", (ident,)).fetchone()
            is not None
        )


class _Subjects:
    """The ids of events and propositions some claim is about (an index's ``by_subject``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __contains__(self, ident: object) -> bool:
        return (
            isinstance(ident, str)
            and self.store._db.execute("SELECT 1 FROM hops WHERE subject = ? LIMIT 1", (ident,)).fetchone()
            is not None
        )


class _Walk:
    """The objects of one kind, streamed afresh each time they are walked."""

    def __init__(self, store: Store, kind: str) -> None:
        self.store = store
        self.kind = kind

    def __iter__(self) -> Iterator[Member]:
        return self.store.objects(self.kind)


class StoreView:
    """What the provenance rules use of a dossier, read from a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        cache = _Cache(store)
        self._cache = cache
        self._actors = _Kind(cache, Actor)
        self._sources = _Kind(cache, Source)
        self.by_id = _ClaimIds(store)
        self.by_subject = _Subjects(store)

    @property
    def claims(self) -> _Walk:
        return _Walk(self.store, "claim")

    @property
    def sources(self) -> _Walk:
        return _Walk(self.store, "source")

    @property
    def actors(self) -> _Walk:
        return _Walk(self.store, "actor")

    def get(self, ident: str) -> Member | None:
        return self._cache.get(ident)

    def _indexed(self) -> StoreView:
        return self

    def claims_about(self, subject: str) -> tuple[Statement, ...]:
        return self.store.claims_about(subject)
