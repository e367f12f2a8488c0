"""
The IRI rule: every eventmodel id as an IRI, and back.

An id becomes an IRI by appending it, percent-encoded, to a base::

    >>> from eventmodel.interop.iri import IriRule
    >>> rule = IriRule("https://example.org/id/")
    >>> rule.iri("claim:a/b#1")
    'https://example.org/id/claim%3Aa%2Fb%231'
    >>> rule.id("https://example.org/id/claim%3Aa%2Fb%231")
    'claim:a/b#1'

Every character but the unreserved ones of RFC 3986 (``A``–``Z``, ``a``–``z``,
``0``–``9``, ``-``, ``.``, ``_``, ``~``) is percent-encoded as the bytes of its
UTF-8 form, in upper-case hexadecimal; so an encoded id never holds ``/``,
``#``, ``?`` or ``:``, and every id has exactly one IRI. A node that belongs to
an object but is not the object itself (the act of saying a claim, a
proposition without an id) is the object's IRI, ``/`` and a part name
(:meth:`IriRule.node`), which no id's IRI can be.

The base is the exporter's ``base`` option; :data:`DEFAULT_BASE` by default.
The same rule serves every export of eventmodel data as linked data.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import quote, unquote

import attrs

from eventmodel.exceptions import InvalidValueError

__all__ = ["DEFAULT_BASE", "IriRule"]

#: The base the exports use when none is given.
DEFAULT_BASE: Final = "https://w3id.org/eventmodel/id/"

_SAFE: Final = "-._~"
_PART: Final = re.compile(r"[a-z][a-z0-9-]*", re.ASCII)
_BASE: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#:]", re.ASCII)


def _check_base(inst: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not _BASE.fullmatch(value):
        raise InvalidValueError(
            "must be an absolute IRI that ends with '/', '#' or ':'",
            cls="IriRule",
            field="base",
            value=value,
            fix="use a base such as 'https://example.org/id/'",
        )


@attrs.frozen
class IriRule:
    """
    Turns ids into IRIs under *base*, and IRIs under *base* back into ids.

    Args:
        base: An absolute IRI ending in ``/``, ``#`` or ``:``.

    Raises:
        InvalidValueError: For a base that is not such an IRI.

    .. versionadded:: 0.1.0

    """

    base: str = attrs.field(default=DEFAULT_BASE, validator=_check_base)

    def encode(self, ident: str) -> str:
        """The percent-encoded form of *ident*: the IRI's part after the base."""
        return quote(ident, safe=_SAFE, encoding="utf-8", errors="strict")

    def iri(self, ident: str) -> str:
        """The IRI of the id *ident*."""
        return self.base + self.encode(ident)

    def node(self, ident: str, part: str) -> str:
        """
        The IRI of the node *part* (lower-case words joined by ``-``) that
        belongs to the object with id *ident*: its IRI, ``/`` and *part*.
        """
        if not _PART.fullmatch(part):
            raise InvalidValueError(
                "must be lower-case words joined by '-'", cls="IriRule", field="part", value=part
            )
        return f"{self.iri(ident)}/{part}"

    def parse(self, iri: str) -> tuple[str, str | None]:
        """
        The id and the part (``None`` for the object itself) that *iri*
        names: the inverse of :meth:`iri` and :meth:`node`.

        Raises:
            InvalidValueError: For an IRI not under the base, or not written
                by this rule.

        """
        if not iri.startswith(self.base):
            raise InvalidValueError(
                f"is not under the base {self.base!r}", cls="IriRule", field="iri", value=iri
            )
        encoded, slash, part = iri[len(self.base) :].partition("/")
        try:
            ident = unquote(encoded, encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            ident = ""
        if not ident or self.encode(ident) != encoded or (slash and not _PART.fullmatch(part)):
            raise InvalidValueError(
                "is not an IRI that the IRI rule writes",
                cls="IriRule",
                field="iri",
                value=iri,
                fix="percent-encode every character of the id but A-Z, a-z, 0-9, '-', '.', '_' and '~'",
            )
        return ident, (part if slash else None)

    def id(self, iri: str) -> str:
        """
        The id that *iri* names.

        Raises:
            InvalidValueError: For an IRI that does not name an id (see
                :meth:`parse`), or names a part of an object.

        """
        ident, part = self.parse(iri)
        if part is not None:
            raise InvalidValueError(
                f"names the part {part!r} of {ident!r}, not an object", cls="IriRule", field="iri", value=iri
            )
        return ident
