"""
The document form: each model object as plain JSON values.

Objects become dicts, tuples lists, ``When`` and ``Factuality`` their text
forms, Decimals strings (so that no number passes through a float), enums
their values, datetimes ISO 8601 text. The top-level nouns (``Actor``,
``Source``, ``Event``, ``Proposition``, ``Claim``) carry a ``"type"`` member
first; fields at their default values are left out, so that a field added
with a default in a later version changes no document and no derived id.

This is the unstructuring half of the converter that :mod:`eventmodel.json`
builds on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn

from ._actor import Actor, ActorKind
from ._claim import Claim, SpeechAct
from ._confidence import ConfidenceScale, Reliability
from ._event import Event, Proposition
from ._factuality import Factuality
from ._frozen import FrozenDict
from ._relative import AnchorKind
from ._source import Source, SourceKind
from ._when import Precision, Relative, TimeRelation, When
from .exceptions import UnknownTypeError

__all__ = ["TAGS", "converter", "tag_of", "to_document"]

#: The type tag of each tagged class.
TAGS: Final[dict[type, str]] = {
    Actor: "actor",
    Source: "source",
    Event: "event",
    Proposition: "proposition",
    Claim: "claim",
}

converter: Final = cattrs.Converter()


def tag_of(cls: type) -> str:
    """
    The type tag of *cls*.

    Raises:
        UnknownTypeError: For a class with no tag.

    """
    try:
        return TAGS[cls]
    except KeyError:
        raise UnknownTypeError(
            "has no type tag", value=cls, fix="register the class with a type tag before using it"
        ) from None


def _object_hook(cls: type) -> Callable[[Any], dict[str, Any]]:
    """
    The unstructure function of a model class, made on first use so that the
    hooks of its fields' classes are in place by then.
    """
    plain: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True
    )
    tag = TAGS.get(cls)
    if tag is None:
        return plain

    def unstructure(obj: Any) -> dict[str, Any]:
        fields = plain(obj)
        document = {"type": tag}
        if "id" in fields:
            document["id"] = fields.pop("id")
        document.update(fields)
        return document

    return unstructure


def _relative(relative: Relative) -> dict[str, str]:
    document = {"relative": relative.text, "anchor": str(relative.anchor)}
    if relative.resolved is not None:
        document["resolved"] = str(relative.resolved)
    return document


def _is_when(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, When)


def _when(when: When) -> Any:
    """A moment or an interval is its EDTF text; a relative time an object."""
    return _relative(when) if isinstance(when, Relative) else str(when)


def _frozen_dict(mapping: FrozenDict[str, Any]) -> dict[str, Any]:
    return {key: converter.unstructure(item) for key, item in mapping.items()}


def _configure() -> None:
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(Factuality, str)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_unstructure_hook(FrozenDict, _frozen_dict)
    for enum in (
        ActorKind,
        AnchorKind,
        SourceKind,
        SpeechAct,
        ConfidenceScale,
        Reliability,
        Precision,
        TimeRelation,
    ):
        converter.register_unstructure_hook(enum, lambda member: member.value)
    converter.register_unstructure_hook_factory(attrs.has, _object_hook)
    # Registered after the attrs factory, so that it takes precedence for these attrs classes.
    converter.register_unstructure_hook_func(_is_when, _when)


_configure()


def to_document(obj: object) -> Any:
    """
    The document form of a model object (a dict of plain JSON values).
    """
    if not attrs.has(type(obj)):
        raise UnknownTypeError("is not an eventmodel object", value=obj)
    return converter.unstructure(obj)
