"""
Dossier: a collection of actors, sources and claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from ._actor import Actor
from ._claim import Claim
from ._event import Event, Proposition
from ._frozen import FrozenDict
from ._source import Source
from ._validation import to_extras
from .exceptions import InvalidTypeError, InvalidValueError

__all__ = ["FORMAT_VERSION", "Dossier", "Unrecognized"]

#: The version of the document format this library writes.
FORMAT_VERSION: Final = "1.0"

Member = Actor | Source | Claim


class Unrecognized:
    """
    An object of a type this version does not know, kept as its document so
    that it can be written back unchanged (see ``strict=False`` in
    :func:`eventmodel.json.loads`).

    Attributes:
        kind: The dossier list it came from: ``"actors"``, ``"sources"`` or
            ``"claims"``.
        document: The object's JSON document, as read.

    .. versionadded:: 0.1.0

    """

    __slots__ = ("document", "kind")

    def __init__(self, kind: str, document: Mapping[str, Any]) -> None:
        self.kind = kind
        self.document = dict(document)

    @property
    def type(self) -> object:
        """The type tag the document gives."""
        return self.document.get("type")

    @property
    def id(self) -> object:
        """The id the document gives, if any."""
        return self.document.get("id")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Unrecognized):
            return NotImplemented
        return (self.kind, self.document) == (other.kind, other.document)

    def __hash__(self) -> int:
        return hash((self.kind, repr(self.document)))

    def __repr__(self) -> str:
        return f"Unrecognized({self.kind!r}, type={self.type!r}, id={self.id!r})"


def _kind_of(obj: object) -> str:
    if isinstance(obj, Actor):
        return "actors"
    if isinstance(obj, Source):
        return "sources"
    if isinstance(obj, Claim):
        return "claims"
    if isinstance(obj, (Event, Proposition)):
        raise InvalidTypeError(
            f"cannot hold an {type(obj).__name__} on its own: it is only known through a claim",
            cls="Dossier",
            field="add()",
            value=obj,
            fix="wrap it in a Claim that says who states it, with evidence",
        )
    raise InvalidTypeError("holds actors, sources and claims", cls="Dossier", field="add()", value=obj)


class Dossier:
    """
    A collection of actors, sources and claims: everything known about a
    matter, with who said what. Events live inside claims, as they are only
    ever known through one.

    Objects are kept by id, in the order they were added. Adding an object
    whose id is already held is a no-op when the two are equal and an error
    when they differ.

    Args:
        objects: Actors, sources and claims, in any order.
        extras: Members of the dossier's document that this version does not
            know (kept when reading with ``strict=False``).
        unrecognized: Objects of types this version does not know (likewise).
        format_version: The format version its document names: the one it
            was read from, so that a newer document read with
            ``strict=False`` is written back as what it is.

    Raises:
        InvalidValueError: For two different objects with one id.
        InvalidTypeError: For anything that is not an actor, a source or a
            claim.

    .. versionadded:: 0.1.0

    """

    __slots__ = ("_actors", "_claims", "_sources", "extras", "format_version", "unrecognized")

    def __init__(
        self,
        objects: Iterable[Member] = (),
        *,
        extras: Mapping[str, Any] | None = None,
        unrecognized: Iterable[Unrecognized] = (),
        format_version: str = FORMAT_VERSION,
    ) -> None:
        self.format_version = format_version
        self._actors: dict[str, Actor] = {}
        self._sources: dict[str, Source] = {}
        self._claims: dict[str, Claim] = {}
        self.extras: FrozenDict[str, Any] = to_extras(extras or {})
        self.unrecognized: tuple[Unrecognized, ...] = tuple(unrecognized)
        for obj in objects:
            self.add(obj)

    def add(self, obj: Member) -> None:
        """
        Add an actor, a source or a claim.

        Raises:
            InvalidValueError: When an object with the same id but other
                content is already held; the error names both.
            InvalidTypeError: For anything else, events included.

        """
        kind = _kind_of(obj)
        table: dict[str, Any] = getattr(self, f"_{kind}")
        held = self.get(obj.id)
        if held is None:
            table[obj.id] = obj
            return
        if held != obj:
            raise InvalidValueError(
                f"is the id of two different objects: {held!r} and {obj!r}",
                cls="Dossier",
                field="add()",
                value=obj.id,
                fix="give each object its own id, or leave ids out to derive them from content",
            )

    def get(self, ident: str) -> Member | None:
        """The actor, source or claim with this id, or ``None``."""
        return self._actors.get(ident) or self._sources.get(ident) or self._claims.get(ident)

    def __getitem__(self, ident: str) -> Member:
        found = self.get(ident)
        if found is None:
            raise KeyError(ident)
        return found

    @property
    def actors(self) -> tuple[Actor, ...]:
        """The actors, in the order they were added."""
        return tuple(self._actors.values())

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources, in the order they were added."""
        return tuple(self._sources.values())

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The top-level claims, in the order they were added."""
        return tuple(self._claims.values())

    def __iter__(self) -> Iterator[Member]:
        yield from self._actors.values()
        yield from self._sources.values()
        yield from self._claims.values()

    def __len__(self) -> int:
        return len(self._actors) + len(self._sources) + len(self._claims)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return self.get(item) is not None
        ident = getattr(item, "id", None)
        return isinstance(ident, str) and self.get(ident) == item

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dossier):
            return NotImplemented
        return (
            self._actors == other._actors
            and self._sources == other._sources
            and self._claims == other._claims
            and self.extras == other.extras
            and sorted(map(repr, self.unrecognized)) == sorted(map(repr, other.unrecognized))
        )

    __hash__ = None  # type: ignore[assignment]  # a dossier grows: it is not hashable

    def __repr__(self) -> str:
        return (
            f"<Dossier: {len(self._actors)} actors, {len(self._sources)} sources, {len(self._claims)} claims>"
        )
