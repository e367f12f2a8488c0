"""
Field kinds: the one description of each field of a model class.

Every field of a model class is an attrs field whose validator is a *kind*:
a small value object that says what the field holds (an id, a reference to
an actor, a tuple of participants, an optional enum member, a number, ...),
checks a value with the library's error wording, and describes itself in
JSON Schema. The field's annotation gives its type, its attrs ``default``
and ``kw_only`` say whether and how it may be left out, and its converter
(a small named function, so that type checkers see what the constructor
accepts) normalises what the kind's conversion rule allows::

    claimant: str | None = attrs.field(converter=_actor_ref, validator=Ref("Actor", optional=True))

Everything else is made from these descriptions: the constructors generated
for the built-in classes (:mod:`eventmodel.model._fast_init`), the JSON
reader and writer (:mod:`eventmodel.io._document`), the JSON Schema
(:mod:`eventmodel.io._schema`) and the Hypothesis strategies
(:mod:`eventmodel.testing`). Each of them dispatches on the kind's class, and
fails loudly for a kind it does not know. A custom type whose fields are
described with these kinds gets all of it too; see :func:`kind_of`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, ClassVar, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.exceptions import NO_VALUE, InvalidValueError

from ._factuality import Factuality
from ._ids import id_or_auto

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

#: The JSON Schema definition that describes ids.
ID_SCHEMA: Final = {"$ref": "#/$defs/Id"}


def _anchored(pattern: re.Pattern[str]) -> str:
    """A JSON Schema pattern that the whole text must match (the model's patterns are full matches)."""
    return f"^(?:{pattern.pattern})$"


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1].upper() in "AEIOU" else f"a {noun}"


@attrs.frozen
class Kind:
    """
    What a field holds, and the check of its values: a field's validator.

    Subclasses describe one kind of field each. Calling a kind, as attrs
    calls a validator, checks a value and raises the library's error.
    """

    #: What a generated reader can take as settled once the JSON value has the field's type.
    settled_by_type: ClassVar[bool] = False

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        raise NotImplementedError  # pragma: no cover - every kind defines it

    def json_schema(self) -> dict[str, Any]:
        """What the kind adds to the JSON Schema of the field's type."""
        return {}


def kind_of(field: attrs.Attribute[Any]) -> Kind | None:
    """The kind that describes *field*, or ``None`` for a field described otherwise."""
    validator = field.validator
    return validator if isinstance(validator, Kind) else None


# -- ids and references --------------------------------------------------------------------


@attrs.frozen
class Id(Kind):
    """The object's own id: a valid id, or none given yet (then derived from the content)."""

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        id_or_auto(inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        return dict(ID_SCHEMA)


@attrs.frozen
class OptionalId(Kind):
    """An id, or ``None``."""

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            v.check_id(inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        return dict(ID_SCHEMA)


@attrs.frozen
class Ref(Kind):
    """
    A reference to one object of the class named *target*, kept as its id;
    the converter turns the object into its id. *optional*: or ``None``.
    """

    target: str
    optional: bool = False

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _REFERENCE[(self.target, self.optional)](inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        return {**ID_SCHEMA, "description": f"The id of {_article(self.target)}."}


@attrs.frozen
class Refs(Kind):
    """References to objects of the class named *target*: a tuple of ids."""

    target: str

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _REFERENCES[self.target](inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        return {"items": dict(ID_SCHEMA), "description": f"Ids of {self.target}s."}


class _Validators(dict[Any, v.Validator]):
    """The validators that ``_validation`` makes, one for each set of arguments, made on first use."""

    def __init__(self, make: Any) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> v.Validator:
        made: v.Validator = self.make(*key) if isinstance(key, tuple) else self.make(key)
        self[key] = made
        return made


_REFERENCE: Final = _Validators(lambda target, optional: v.reference(target, optional=optional))
_REFERENCES: Final = _Validators(v.references)


# -- text ----------------------------------------------------------------------------------


@attrs.frozen
class Text(Kind):
    """
    Text: non-empty unless *empty*, ``None`` allowed if *optional*; never a
    lone surrogate.
    """

    optional: bool = False
    empty: bool = False

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if self.empty:
            v.check_str(inst, attribute, value, empty_ok=True)
        elif self.optional:
            v.optional_text(inst, attribute, value)
        else:
            v.text(inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        return {} if self.empty else {"minLength": 1}


@attrs.frozen
class Texts(Kind):
    """A tuple of non-empty texts."""

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        v.texts(inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        return {"items": {"minLength": 1}}


@attrs.frozen
class Pattern(Kind):
    """
    Text that matches *pattern* in full; the error says *reason* and *fix*.
    *optional*: or ``None``. *min_length*: the schema says it is not empty.
    """

    pattern: re.Pattern[str]
    reason: str
    fix: str
    optional: bool = False
    min_length: bool = True

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        v.text(inst, attribute, value)
        assert isinstance(value, str)
        if not self.pattern.fullmatch(value):
            v.fail(inst, attribute, self.reason, value, self.fix)

    def json_schema(self) -> dict[str, Any]:
        pattern = {"pattern": _anchored(self.pattern)}
        return {"minLength": 1, **pattern} if self.min_length else pattern


# -- collections ---------------------------------------------------------------------------


def _plural(kind: TupleOf) -> str:
    if not isinstance(kind.of, type):
        raise InvalidValueError(
            "is needed when the class is given by a function",
            cls="TupleOf",
            field="what",
            fix="name the items, as in TupleOf(lambda: Place, 'Places')",
        )
    return f"{kind.of.__name__}s"


@attrs.frozen
class TupleOf(Kind):
    """
    A tuple of instances of a class: *of* is the class, or a function that
    returns it for a class defined later (``lambda: Place`` for the parts
    of a place); *what* names them in errors ("Participants"; by default
    the class's name with an "s", and needed when *of* is a function).
    """

    of: type | Callable[[], type]
    what: str = attrs.field(default=attrs.Factory(_plural, takes_self=True))
    settled_by_type: ClassVar[bool] = True

    @property
    def item(self) -> type:
        """The class of the items."""
        return self.of if isinstance(self.of, type) else self.of()

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _TUPLES[(self.item, self.what)](inst, attribute, value)


@attrs.frozen
class MappingOf(Kind):
    """
    A mapping of non-empty names to values of *item* (``str``, or a model
    class), *what* naming them in errors (by default the class's name);
    *empty*: text values may be empty.
    """

    item: type
    what: str = attrs.field(default=attrs.Factory(lambda self: self.item.__name__, takes_self=True))
    empty: bool = attrs.field(default=False, kw_only=True)

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _MAPPINGS[(self.item, self.what, self.empty)](inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"propertyNames": {"minLength": 1}}
        if self.item is str and not self.empty:
            schema["additionalProperties"] = {"minLength": 1}
        return schema


_TUPLES: Final = _Validators(v.tuple_of)
_MAPPINGS: Final = _Validators(lambda item, what, empty: v.mapping_of(item, what, empty_values=empty))


@attrs.frozen
class Extras(Kind):
    """
    Members of a document that this version does not know, kept to be
    written back: JSON values under names that are not the class's fields.
    """

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        v.extras(inst, attribute, value)


# -- values --------------------------------------------------------------------------------


@attrs.frozen
class Instance(Kind):
    """
    An instance of *cls* or ``None``; *what* names it in errors ("a When";
    by default the class's name with its article).
    """

    cls: type
    what: str = attrs.field(default=attrs.Factory(lambda self: _article(self.cls.__name__), takes_self=True))
    settled_by_type: ClassVar[bool] = True

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, self.cls):
            v.fail(inst, attribute, f"must be {self.what} or None", value, wrong_type=True)


@attrs.frozen
class Member(Kind):
    """A member of the enum *enum*; *optional*: or ``None``. The converter reads its value."""

    enum: type[Enum]
    optional: bool = False
    settled_by_type: ClassVar[bool] = True

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        _MEMBERS[self.enum](inst, attribute, value)


@attrs.frozen
class Flag(Kind):
    """``True`` or ``False``."""

    settled_by_type: ClassVar[bool] = True

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        v.boolean(inst, attribute, value)


@attrs.frozen
class WholeNumber(Kind):
    """An int from *minimum* to *maximum*."""

    minimum: int
    maximum: int

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _WHOLE[(self.minimum, self.maximum)](inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        return {"minimum": self.minimum, "maximum": self.maximum}


_WHOLE: Final = _Validators(v.whole_number)
_MEMBERS: Final = _Validators(v.member_of)


@attrs.frozen
class Percent(Kind):
    """A whole percent from 0 to 100, or ``None``."""

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            _WHOLE[(0, 100)](inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        return {"minimum": 0, "maximum": 100}


@attrs.frozen
class Number(Kind):
    """
    A finite Decimal, or ``None``; the converter reads ints, floats and
    numeric text. Its text form is at most ``MAX_NUMBER_TEXT`` characters,
    so that what is built can be written and read back.
    """

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        v.optional_finite_decimal(inst, attribute, value)


@attrs.frozen
class Coordinate(Kind):
    """A finite Decimal from ``-limit`` to ``limit`` degrees."""

    limit: int

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        v.finite_decimal(inst, attribute, value)
        assert isinstance(value, Decimal)
        if not -self.limit <= value <= self.limit:
            v.fail(inst, attribute, f"must be from -{self.limit} to {self.limit} degrees", value)


@attrs.frozen
class NonNegative(Kind):
    """A finite Decimal that is not negative, or ``None``."""

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            v.finite_decimal(inst, attribute, value)
            assert isinstance(value, Decimal)
            if value < 0:
                v.fail(inst, attribute, "must not be negative", value)


@attrs.frozen
class AwareDatetime(Kind):
    """A timezone-aware ``datetime`` (an instant), or ``None``."""

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, datetime):
            v.fail(inst, attribute, "must be a datetime", value, wrong_type=True)
        if value.utcoffset() is None:
            v.fail(
                inst,
                attribute,
                "must be timezone-aware: a moment of retrieval is an instant",
                value,
                "pass tzinfo, e.g. datetime(..., tzinfo=timezone.utc)",
                wrong_type=True,
            )

    def json_schema(self) -> dict[str, Any]:
        return {
            "description": "With its UTC offset: a moment of retrieval is an instant.",
            "pattern": f"^(?:{DATETIME_TEXT}{OFFSET_TEXT})$",
        }


#: A date-time as ``datetime.isoformat()`` writes it, and the UTC offset it writes.
DATETIME_TEXT: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?"
OFFSET_TEXT: Final = r"[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{6})?)?"


@attrs.frozen
class Label(Kind):
    """
    A label as the converter tidies it (``" Likely "`` is ``"likely"``), or
    ``None``: a document's label must be written as it is tidied.
    """

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        v.optional_text(inst, attribute, value)

    def json_schema(self) -> dict[str, Any]:
        return {"minLength": 1}


# -- claims --------------------------------------------------------------------------------


@attrs.frozen
class FactualityCode(Kind):
    """A :class:`~eventmodel.Factuality`; the converter reads its FactBank code."""

    settled_by_type: ClassVar[bool] = True

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Factuality):
            v.fail(
                inst,
                attribute,
                "must be a Factuality or a FactBank code",
                value,
                "use a code such as 'CT+', 'PR+', 'PS+', 'CT-' or 'Uu'",
                wrong_type=not isinstance(value, str),
            )


@attrs.frozen
class ClaimContent(Kind):
    """
    What a claim says: an instance of one of *classes* (an event, a
    proposition) or of the class *claim* gives (the claim class, named
    before it exists), with claims nested at most *max_depth* deep.
    """

    classes: tuple[type, ...]
    claim: Callable[[], type]
    max_depth: int
    settled_by_type: ClassVar[bool] = True

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        claim = self.claim()
        if not isinstance(value, (*self.classes, claim)):
            v.fail(inst, attribute, "must be an Event, a Proposition or a Claim", value, wrong_type=True)
        depth = 1
        while isinstance(value, claim):
            depth += 1
            value = value.content  # type: ignore[attr-defined]
        if depth > self.max_depth:
            v.fail(
                inst,
                attribute,
                f"nests claims {depth} deep, more than the {self.max_depth} allowed",
                NO_VALUE,
                "keep reported speech to the hops the source reports",
            )
