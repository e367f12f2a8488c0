"""
Field kinds: describe each field of a model class once.

Every field of eventmodel's own classes has a *kind* as its attrs validator:
a value object that says what the field holds and checks its values with the
library's error wording. Everything else about the field is made from that
description and the field's annotation and default: the JSON reading and
writing, the JSON Schema (:mod:`eventmodel.schema`) and the Hypothesis
strategy (:func:`eventmodel.testing.strategy_for`). Describe the fields of a
custom type the same way, and it gets all of that too::

    import attrs
    import eventmodel as em
    from eventmodel import fields

    @em.register("x-losses-report")
    @attrs.frozen
    class LossesReport(em.Claim):
        personnel: em.Quantity | None = attrs.field(
            default=None, kw_only=True, validator=fields.Instance(em.Quantity)
        )
        note: str | None = attrs.field(default=None, kw_only=True, validator=fields.Text(optional=True))

A kind checks; it does not convert. Where a kind's values may be given in
another form (an :class:`~eventmodel.Actor` for its id, a list for a tuple,
``"person"`` for :attr:`ActorKind.PERSON <eventmodel.ActorKind.PERSON>`),
the built-in classes pair it with a small named converter, so that type
checkers see what the constructor accepts.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from .model._fields import (
    AwareDatetime,
    ClaimContent,
    Coordinate,
    Extras,
    FactualityCode,
    Flag,
    Id,
    Instance,
    Kind,
    Label,
    MappingOf,
    Member,
    NonNegative,
    Number,
    OptionalId,
    Pattern,
    Percent,
    Ref,
    Refs,
    Text,
    Texts,
    TupleOf,
    WholeNumber,
    kind_of,
)

__all__ = [
    "AwareDatetime",
    "ClaimContent",
    "Coordinate",
    "Extras",
    "FactualityCode",
    "Flag",
    "Id",
    "Instance",
    "Kind",
    "Label",
    "MappingOf",
    "Member",
    "NonNegative",
    "Number",
    "OptionalId",
    "Pattern",
    "Percent",
    "Ref",
    "Refs",
    "Text",
    "Texts",
    "TupleOf",
    "WholeNumber",
    "kind_of",
]
