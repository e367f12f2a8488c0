"""
The registry of type tags: which class each ``"type"`` in a document names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from typing import Final, TypeVar

import attrs

from eventmodel.exceptions import InvalidTypeError, InvalidValueError, UnknownTypeError

from ._actor import Actor
from ._claim import Claim
from ._event import Event, Proposition
from ._source import Source

__all__ = ["BUILTIN_TAGS", "ENTRY_POINT_GROUP", "TypeRegistry", "register", "registry"]

T = TypeVar("T", bound=type)

#: The built-in tags, which cannot be replaced.
BUILTIN_TAGS: Final[dict[str, type]] = {
    "actor": Actor,
    "source": Source,
    "event": Event,
    "proposition": Proposition,
    "claim": Claim,
}
#: The classes a custom type may extend.
EXTENSIBLE: Final = (Claim, Event, Proposition)
#: The entry-point group through which installed packages provide types.
ENTRY_POINT_GROUP: Final = "eventmodel.types"

_CUSTOM_TAG: Final = re.compile(r"x-[a-z0-9]+(?:[.-][a-z0-9]+)*", re.ASCII)


class TypeRegistry:
    """
    Type tags and the classes they name, in both directions.

    The tag in a document's ``"type"`` member is the only thing read from data
    to choose a class: nothing in input ever names a module to import. The
    five built-in tags (``actor``, ``source``, ``event``, ``proposition``,
    ``claim``) are always there; custom tags start with ``x-`` and name attrs
    subclasses of :class:`~eventmodel.Claim`, :class:`~eventmodel.Event` or
    :class:`~eventmodel.Proposition`.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_by_class", "_by_tag", "_listeners")

    def __init__(self) -> None:
        self._by_tag: dict[str, type] = dict(BUILTIN_TAGS)
        self._by_class: dict[type, str] = {cls: tag for tag, cls in BUILTIN_TAGS.items()}
        self._listeners: list[Callable[[str, type], None]] = []

    def register(self, tag: str, cls: T, *, replace: bool = False) -> T:
        """
        Make *cls* the class that *tag* names.

        Args:
            tag: ``x-`` followed by lowercase words joined by ``-`` or ``.``,
                such as ``"x-losses-report"``.
            cls: An attrs subclass of ``Claim``, ``Event`` or ``Proposition``,
                decorated with ``@attrs.frozen`` itself.
            replace: Allow *tag* to name another class than it did.

        Returns:
            *cls*, so that the method can serve as a decorator.

        Raises:
            InvalidValueError: For a tag of the wrong form, a tag already
                taken (unless *replace*), a built-in tag, or a class
                registered under another tag.
            InvalidTypeError: For a class that is not a proper subclass.

        """
        if not _CUSTOM_TAG.fullmatch(str(tag)) or not isinstance(tag, str):
            raise InvalidValueError(
                "must be 'x-' followed by lowercase words, such as 'x-losses-report'",
                cls="TypeRegistry",
                field="register()",
                value=tag,
                fix="custom tags start with 'x-' so that they never clash with the library's own",
            )
        _check_class(cls)
        taken = self._by_tag.get(tag)
        if taken is not None and taken is not cls and not replace:
            raise InvalidValueError(
                f"is taken by {taken.__module__}.{taken.__qualname__}",
                cls="TypeRegistry",
                field="register()",
                value=tag,
                fix="choose another tag, or pass replace=True to replace the class on purpose",
            )
        other_tag = self._by_class.get(cls)
        if other_tag is not None and other_tag != tag:
            raise InvalidValueError(
                f"is already registered as {other_tag!r}",
                cls="TypeRegistry",
                field="register()",
                value=cls,
            )
        if taken is not None and taken is not cls:
            del self._by_class[taken]
        self._by_tag[tag] = cls
        self._by_class[cls] = tag
        for listener in self._listeners:
            listener(tag, cls)
        return cls

    def tag_of(self, cls: type) -> str:
        """
        The tag of *cls*.

        Raises:
            UnknownTypeError: For a class with no tag.

        """
        try:
            return self._by_class[cls]
        except KeyError:
            raise UnknownTypeError(
                "has no type tag",
                value=cls,
                fix="register it: @eventmodel.register('x-your-type')",
            ) from None

    def class_of(self, tag: str) -> type:
        """
        The class *tag* names.

        Raises:
            UnknownTypeError: For a tag no class has.

        """
        try:
            return self._by_tag[tag]
        except (KeyError, TypeError):
            raise UnknownTypeError(
                "is not a known type",
                value=tag,
                fix="register the type (eventmodel.register), load the package that provides it "
                "(eventmodel.registry.load_entry_points()), or read the document with strict=False",
            ) from None

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> list[str]:
        """
        Register the types that installed packages provide in the entry-point
        group (``eventmodel.types``): each entry point's name is the tag and
        its object the class. Nothing is loaded until this is called.

        Returns:
            The tags registered.

        Raises:
            InvalidValueError: For an entry point whose tag or class is refused.

        """
        loaded = []
        for entry_point in entry_points(group=group):
            cls = entry_point.load()
            self.register(entry_point.name, cls)
            loaded.append(entry_point.name)
        return loaded

    def on_register(self, listener: Callable[[str, type], None]) -> None:
        """Call *listener(tag, cls)* whenever a type is registered."""
        self._listeners.append(listener)

    def __contains__(self, tag: object) -> bool:
        return tag in self._by_tag

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_tag)

    def __len__(self) -> int:
        return len(self._by_tag)

    def __repr__(self) -> str:
        return f"<TypeRegistry {sorted(self._by_tag)}>"


def _check_class(cls: object) -> None:
    if not isinstance(cls, type) or not issubclass(cls, EXTENSIBLE) or cls in EXTENSIBLE:
        raise InvalidTypeError(
            "must be a subclass of Claim, Event or Proposition",
            cls="TypeRegistry",
            field="register()",
            value=cls,
            fix="subclass one of them with @attrs.frozen",
        )
    if "__attrs_attrs__" not in vars(cls) or not attrs.has(cls):
        raise InvalidTypeError(
            "must be decorated with @attrs.frozen itself",
            cls="TypeRegistry",
            field="register()",
            value=cls,
            fix="put @attrs.frozen under @eventmodel.register(...)",
        )


#: The registry that :mod:`eventmodel.json` and :mod:`eventmodel.schema` use.
registry: Final = TypeRegistry()


def register(tag: str, *, replace: bool = False) -> Callable[[T], T]:
    """
    A class decorator that registers a custom claim, event or proposition type
    in :data:`registry`::

        @eventmodel.register("x-losses-report")
        @attrs.frozen
        class LossesReport(eventmodel.Claim):
            ...

    Raises:
        InvalidValueError: As :meth:`TypeRegistry.register`.
        InvalidTypeError: As :meth:`TypeRegistry.register`.

    .. versionadded:: 0.1.0

    """

    def decorate(cls: T) -> T:
        return registry.register(tag, cls, replace=replace)

    return decorate
