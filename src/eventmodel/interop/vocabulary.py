"""
The eventmodel vocabulary, and the rule for times that standards cannot hold.

eventmodel's own terms live in one hash namespace, :data:`NAMESPACE`
(prefix ``em:``), versioned (:data:`VERSION`), and shipped in the package as
an RDFS/OWL Turtle file (:func:`turtle`) and a JSON-LD context
(:func:`context`). Exports reuse the terms of W3C PROV, W3C Web Annotation
(``oa:`` selectors) and schema.org where they exist, and write ``em:`` terms
only for what those lack: speech act, factuality, confidence, Admiralty
reliability, fuzzy and relative time, quantities, details, and the order of
ordered fields.

The time rule (:func:`instant`): a :class:`~eventmodel.When` is written as an
``xsd:dateTime`` only when it is a single instant with an offset and at least
second precision. Every other time is written only as its EDTF text, never
widened and never truncated (a day is never written as ``T00:00:00``).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any, Final

from eventmodel.time._precision import Precision
from eventmodel.time._when import Moment, When

__all__ = [
    "CONTEXT_FILE",
    "NAMESPACE",
    "PREFIX",
    "TURTLE_FILE",
    "VERSION",
    "context",
    "instant",
    "terms",
    "turtle",
]

#: The namespace of eventmodel's own terms.
NAMESPACE: Final = "https://w3id.org/eventmodel/ns#"
#: The prefix the exports give :data:`NAMESPACE`.
PREFIX: Final = "em"
#: The vocabulary's version (its ``owl:versionInfo``).
VERSION: Final = "0.1"
#: The name of the Turtle file in the package's ``eventmodel.interop`` data.
TURTLE_FILE: Final = "data/eventmodel.ttl"
#: The name of the JSON-LD context file next to it.
CONTEXT_FILE: Final = "data/eventmodel.jsonld"

_TERM: Final = re.compile(r"^em:(\w+) a ", re.MULTILINE)
_INSTANT: Final = frozenset(
    {
        Precision.SECOND,
        Precision.DECISECOND,
        Precision.CENTISECOND,
        Precision.MILLISECOND,
        Precision.MICROSECOND,
    }
)


def _read(name: str) -> str:
    return resources.files("eventmodel.interop").joinpath(name).read_text(encoding="utf-8")


@cache
def turtle() -> str:
    """The vocabulary as RDFS/OWL Turtle: every term with a label and a comment."""
    return _read(TURTLE_FILE)


def context() -> dict[str, Any]:
    """The JSON-LD context that names every term (a new dict each call)."""
    result: dict[str, Any] = json.loads(_read(CONTEXT_FILE))
    return result


@cache
def terms() -> frozenset[str]:
    """The full IRIs of every term the vocabulary defines."""
    return frozenset(NAMESPACE + name for name in _TERM.findall(turtle()))


def instant(when: When) -> str | None:
    """
    The ``xsd:dateTime`` lexical form of *when* when it is a single instant:
    a :class:`~eventmodel.Moment` with an offset, second precision or finer,
    neither approximate nor uncertain. ``None`` for every other time, which
    is written only as its EDTF text. An IANA zone name is left out here (the
    EDTF text keeps it).
    """
    if type(when) is not Moment or when.precision not in _INSTANT or when.approximate or when.uncertain:
        return None
    value = when.value
    if value.utcoffset() is None:  # type: ignore[attr-defined]  # second precision: a datetime
        return None
    return str(when).partition("[")[0]
