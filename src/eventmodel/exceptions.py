"""
The errors eventmodel raises.

Every error the library raises on purpose derives from one root,
:class:`EventModelError`, and keeps what went wrong as fields (the class, the
field, the bad value, the reason, how to fix it, and where the value was found)
so that callers can react to it without parsing the message::

    EventModelError
    ├── InvalidValueError (also a ValueError)
    │   └── InvalidTypeError (also a TypeError)
    ├── UnresolvedReferenceError (also a LookupError)
    ├── ProvenanceError
    ├── UnknownTypeError (also a ValueError)
    └── MissingExtraError (also an ImportError)

The message is built from the fields, so ``str(error)`` always reads the same
way::

    Confidence.value: must be from 0 to 100, got 140

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import math
from typing import Final

__all__ = [
    "NO_VALUE",
    "EventModelError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingExtraError",
    "ProvenanceError",
    "UnknownTypeError",
    "UnresolvedReferenceError",
]


class _Missing:
    """The value of :attr:`EventModelError.value` when no value applies."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<no value>"

    def __reduce__(self) -> str:
        return "NO_VALUE"  # pickle and copy give back the one instance


#: Stands for "no value was involved" in an error's ``value`` field.
NO_VALUE: Final = _Missing()

_MAX_REPR: Final = 80


def _short_repr(value: object) -> str:
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a message must never fail to build
        if isinstance(value, int):  # past sys.get_int_max_str_digits()
            return f"<an int of about {round(value.bit_length() * math.log10(2))} digits>"
        return f"<a {type(value).__name__} that cannot be shown>"
    if len(text) > _MAX_REPR:
        return text[: _MAX_REPR - 3] + "..."
    return text


class EventModelError(Exception):
    """
    The root of every error eventmodel raises on purpose.

    Args:
        reason: What is wrong, as a phrase ("must be from 0 to 100").
        cls: The name of the class whose value is wrong, such as ``"Confidence"``.
        field: The name of the field whose value is wrong, such as ``"value"``.
        value: The offending value; leave it out when no single value applies.
        fix: One sentence that says how to fix it.
        path: Where the value was found in a document, as a JSON path
            (``$.claims[3].confidence``), when it came from one.

    Attributes mirror the arguments.

    .. versionadded:: 0.1.0

    """

    reason: str
    cls: str | None
    field: str | None
    value: object
    fix: str | None
    path: str | None

    def __init__(
        self,
        reason: str,
        *,
        cls: str | None = None,
        field: str | None = None,
        value: object = NO_VALUE,
        fix: str | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.cls = cls
        self.field = field
        self.value = value
        self.fix = fix
        self.path = path

    @property
    def location(self) -> str:
        """
        Where the error is: the JSON path and/or ``Class.field``.
        """
        owner = ".".join(part for part in (self.cls, self.field) if part)
        if self.path:
            return f"{self.path} ({owner})" if self.cls else self.path
        return owner

    def __str__(self) -> str:
        location = self.location
        message = f"{location}: {self.reason}" if location else self.reason
        if self.value is not NO_VALUE:
            message += f", got {_short_repr(self.value)}"
        if self.fix:
            message += f". Fix: {self.fix}"
        return message

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (
                type(self),
                self.reason,
                {
                    "cls": self.cls,
                    "field": self.field,
                    "value": self.value,
                    "fix": self.fix,
                    "path": self.path,
                },
            ),
        )


def _rebuild(kind: type[EventModelError], reason: str, fields: dict[str, object]) -> EventModelError:
    error = kind.__new__(kind)
    EventModelError.__init__(error, reason)
    for name, item in fields.items():
        setattr(error, name, item)
    return error


class InvalidValueError(EventModelError, ValueError):
    """
    A value is not allowed where it was given: out of range, empty, malformed,
    or inconsistent with another field.

    .. versionadded:: 0.1.0
    """


class InvalidTypeError(InvalidValueError, TypeError):
    """
    A value has the wrong type (a number where text belongs, ``True`` where a
    number belongs, a naive ``datetime`` where an aware one is required).

    It is both a :class:`ValueError` and a :class:`TypeError`, so either
    ``except`` clause catches it.

    .. versionadded:: 0.1.0
    """


class UnresolvedReferenceError(EventModelError, LookupError):
    """
    An id refers to nothing, or to an object of the wrong kind.

    .. versionadded:: 0.1.0
    """


class ProvenanceError(EventModelError):
    """
    An object breaks a provenance rule (attribution, time order, evidence).

    .. versionadded:: 0.1.0
    """


class UnknownTypeError(EventModelError, ValueError):
    """
    A type tag names no registered type.

    .. versionadded:: 0.1.0
    """


class MissingExtraError(EventModelError, ImportError):
    """
    A feature needs an optional dependency that is not installed. The
    message names the extra that brings it:
    ``pip install "eventmodel[prov]"``.

    Attributes:
        extra: The name of the extra to install.

    .. versionadded:: 0.1.0

    """

    extra: str

    def __init__(self, reason: str, *, extra: str, fix: str | None = None) -> None:
        super().__init__(
            reason, fix=fix if fix is not None else f'install it with: pip install "eventmodel[{extra}]"'
        )
        self.extra = extra

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_extra, (self.reason, self.extra, self.fix))


def _rebuild_extra(reason: str, extra: str, fix: str | None) -> MissingExtraError:
    return MissingExtraError(reason, extra=extra, fix=fix)
