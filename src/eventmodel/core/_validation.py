"""
Validators and converters shared by the model classes.

Converters only normalise values they understand (a list becomes a tuple, an
``Actor`` becomes its id, ``"person"`` becomes ``ActorKind.PERSON``) and pass
anything else through unchanged; the validators that run next reject what is
left with an error that names the class, the field and the value. That split
keeps every message in one place, with the field name that converters do not
know.

The model modules wrap these helpers in small named converters whose argument
types tell type checkers what each field accepts (attrs' mypy plugin reads
them); since a converter hands unconverted input on to its validator, its
declared return type is a promise the validator keeps, hence the
``no-any-return`` ignores there.
"""

from __future__ import annotations

import contextvars
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from typing import Any, Final, NoReturn, TypeVar

import attrs

from eventmodel.exceptions import InvalidTypeError, InvalidValueError

from ._frozen import EMPTY, FrozenDict

E = TypeVar("E", bound=Enum)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: An id: no white space, no control characters, no lone surrogates.
_ID: Final = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff]+")
MAX_ID_LENGTH: Final = 2048
#: The longest text read as a number.
MAX_NUMBER_TEXT: Final = 1000


def fail(
    inst: object,
    attribute: attrs.Attribute[Any] | str,
    reason: str,
    value: object,
    fix: str | None = None,
    *,
    wrong_type: bool = False,
) -> NoReturn:
    """
    Raise the library's error for a bad field value of *inst*.
    """
    kind = InvalidTypeError if wrong_type else InvalidValueError
    name = attribute if isinstance(attribute, str) else attribute.name
    raise kind(reason, cls=type(inst).__name__, field=name, value=value, fix=fix)


def has_lone_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def sound_text(text: str) -> bool:
    """Whether *text* has no lone surrogate: what generated code checks once ``isascii()`` says no."""
    return not has_lone_surrogate(text)


# -- text ---------------------------------------------------------------------


def check_str(inst: object, attribute: attrs.Attribute[Any] | str, value: object, *, empty_ok: bool) -> None:
    if value.__class__ is str and (value or empty_ok) and value.isascii():
        return  # the common case, which passes every check below
    if not isinstance(value, str):
        fail(inst, attribute, "must be a string", value, wrong_type=True)
    if not value and not empty_ok:
        fail(
            inst,
            attribute,
            "must not be empty",
            value,
            "leave the field out instead of giving an empty string",
        )
    if has_lone_surrogate(value):
        fail(
            inst,
            attribute,
            "must be valid Unicode text, but it holds a lone surrogate",
            value,
            "decode the input with errors='strict' or 'replace' before building the object",
        )


def text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string."""
    if value.__class__ is str and value and value.isascii():
        return
    check_str(inst, attribute, value, empty_ok=False)


def optional_text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a non-empty string."""
    if value is None or (value.__class__ is str and value and value.isascii()):
        return
    if value is not None:
        check_str(inst, attribute, value, empty_ok=False)


def check_id(inst: object, attribute: attrs.Attribute[Any] | str, value: object) -> None:
    """An id: a non-empty string without white space or control characters."""
    if value.__class__ is str and len(value) <= MAX_ID_LENGTH and _ID.fullmatch(value):
        return  # the pattern admits no empty text, white space, control characters or lone surrogates
    if not isinstance(value, str):
        fail(inst, attribute, "must be an id (a string)", value, wrong_type=True)
    if not value:
        fail(
            inst,
            attribute,
            "must not be empty",
            value,
            "give an id such as 'actor:joe-biden', or leave it out where one can be derived",
        )
    if len(value) > MAX_ID_LENGTH:
        fail(inst, attribute, f"must be at most {MAX_ID_LENGTH} characters long", value)
    if has_lone_surrogate(value):
        fail(inst, attribute, "must be valid Unicode text, but it holds a lone surrogate", value)
    if not _ID.fullmatch(value):
        fail(
            inst,
            attribute,
            "must not contain white space or control characters",
            value,
            "use a compact id without spaces, such as 'actor:joe-biden' or 'geonames:704147'",
        )


def reference(kind: str, *, optional: bool = False) -> Validator:
    """An id of a *kind* object (given as the object or its id), or ``None`` if *optional*."""

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if value.__class__ is str and len(value) <= MAX_ID_LENGTH and _ID.fullmatch(value):
            return  # a valid id: see check_id
        if not isinstance(value, str):
            fail(inst, attribute, f"must be {_article(kind)} {kind} or its id", value, wrong_type=True)
        check_id(inst, attribute, value)

    return validate


def references(kind: str) -> Validator:
    """A tuple of ids of *kind* objects."""

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value.__class__ is tuple and not value:
            return  # the default
        items = _require_tuple(inst, attribute, value, f"{kind}s or their ids")
        for index, item in enumerate(items):
            if not isinstance(item, str):
                fail(
                    inst,
                    f"{attribute.name}[{index}]",
                    f"must be {_article(kind)} {kind} or its id",
                    item,
                    wrong_type=True,
                )
            check_id(inst, f"{attribute.name}[{index}]", item)

    return validate


def _article(noun: str) -> str:
    return "an" if noun[0] in "AEIOU" else "a"


def optional_identifier(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_id(inst, attribute, value)


def texts(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of non-empty strings."""
    items = _require_tuple(inst, attribute, value, "strings")
    for index, item in enumerate(items):
        check_str(inst, f"{attribute.name}[{index}]", item, empty_ok=False)


# -- collections --------------------------------------------------------------


def _require_tuple(
    inst: object, attribute: attrs.Attribute[Any], value: object, what: str
) -> tuple[Any, ...]:
    if not isinstance(value, tuple):
        fail(inst, attribute, f"must be a list or tuple of {what}", value, wrong_type=True)
    return value


def tuple_of(kind: type, what: str) -> Validator:
    """A tuple whose items are all instances of *kind*."""

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        items = _require_tuple(inst, attribute, value, what)
        for index, item in enumerate(items):
            if not isinstance(item, kind):
                fail(
                    inst,
                    f"{attribute.name}[{index}]",
                    f"must be {_article(kind.__name__)} {kind.__name__}",
                    item,
                    wrong_type=True,
                )

    return validate


def to_tuple(value: object) -> Any:
    """Turn a list, set or other iterable into a tuple; leave text and mappings alone."""
    cls = value.__class__
    if cls is tuple:
        return value
    if cls is list:
        return tuple(value)  # type: ignore[arg-type]
    if isinstance(value, tuple):
        return value
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, bytearray, Mapping)):
        return tuple(value)
    return value


def ref_id(value: object, kind: type) -> Any:
    """
    An object of *kind* (an Actor, a Source, ...) becomes its id; anything
    else, an object of another kind included, passes through.
    """
    if isinstance(value, kind):
        return value.id  # type: ignore[attr-defined]
    return value


def to_ref_tuple(value: object, kind: type) -> Any:
    """Like :func:`to_tuple`, and each object of *kind* becomes its id."""
    if value.__class__ is tuple and not value:
        return value  # the default
    items = to_tuple(value)
    if isinstance(items, tuple):
        if all(item.__class__ is str for item in items):
            return items  # ids already, the common case
        return tuple(ref_id(item, kind) for item in items)
    return items


def to_frozen_dict(value: object) -> Any:
    """Turn a mapping into a :class:`FrozenDict`; leave anything else alone."""
    cls = value.__class__
    if cls is FrozenDict:
        return value
    if cls is dict:
        return FrozenDict(value) if value else EMPTY  # type: ignore[arg-type]
    if isinstance(value, Mapping) and not isinstance(value, FrozenDict):
        return FrozenDict(value) if value else EMPTY
    return value


def mapping_of(kind: type, what: str, *, empty_values: bool = False) -> Validator:
    """A mapping from non-empty string keys to values of *kind*."""

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is EMPTY:  # the default
            return
        if not isinstance(value, FrozenDict):
            fail(inst, attribute, f"must be a mapping of names to {what}", value, wrong_type=True)
        for key, item in value.items():
            if not isinstance(key, str) or not key or has_lone_surrogate(key):
                fail(
                    inst,
                    attribute,
                    "must have names (keys) that are non-empty, valid Unicode strings",
                    key,
                    wrong_type=not isinstance(key, str),
                )
            if not isinstance(item, kind):
                fail(inst, f"{attribute.name}[{key!r}]", f"must be a {what}", item, wrong_type=True)
            elif kind is str:
                check_str(inst, f"{attribute.name}[{key!r}]", item, empty_ok=empty_values)

    return validate


# -- plain values -------------------------------------------------------------


def boolean(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        fail(inst, attribute, "must be True or False", value, wrong_type=True)


def to_decimal(value: object) -> Any:
    """
    Turn an int, a float or a numeric string into a ``Decimal``, exactly.

    A float becomes the Decimal of its shortest repr (``0.1`` gives
    ``Decimal('0.1')``, not the binary expansion); booleans and anything else
    pass through for the validator to reject.
    """
    if value is None or value.__class__ is Decimal:
        return value
    if isinstance(value, (Decimal, bool)):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else Decimal(str(value))
    if isinstance(value, str) and len(value) <= MAX_NUMBER_TEXT:
        text = value.strip()
        try:
            return (
                Decimal(text.replace("_", "") if "_" in text else text) if _NUMBER.fullmatch(text) else value
            )
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
            return value
    return value


_NUMBER: Final = re.compile(r"[+-]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?", re.ASCII)


def decimal_fits(value: Decimal) -> bool:
    """Whether *value* is finite and written in at most ``MAX_NUMBER_TEXT`` characters, as documents hold it."""
    return value.is_finite() and len(str(value)) <= MAX_NUMBER_TEXT


def finite_decimal(inst: object, attribute: attrs.Attribute[Any] | str, value: object) -> None:
    if value.__class__ is Decimal and decimal_fits(value):
        return
    if isinstance(value, str) and len(value) > MAX_NUMBER_TEXT:
        fail(
            inst,
            attribute,
            f"is text longer than the {MAX_NUMBER_TEXT} characters a number may have here",
            value,
        )
    if isinstance(value, str):
        fail(
            inst,
            attribute,
            "must be a number, but this text is not one",
            value,
            "write digits with an optional sign, point and exponent, and no thousands separators: '16600'",
        )
    if isinstance(value, bool) or not isinstance(value, Decimal):
        fail(
            inst,
            attribute,
            "must be a number (an int, a Decimal, or a numeric string such as '16600')",
            value,
            wrong_type=True,
        )
    if not value.is_finite():
        fail(inst, attribute, "must be a finite number, not NaN or infinity", value)
    if len(str(value)) > MAX_NUMBER_TEXT:
        fail(
            inst,
            attribute,
            f"is a number longer than the {MAX_NUMBER_TEXT} characters a document may hold as its text",
            value,
            "round it to fewer digits: a number that could not be read back is not written",
        )


def optional_finite_decimal(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (value.__class__ is Decimal and decimal_fits(value)):
        finite_decimal(inst, attribute, value)


def exact_decimal(value: Decimal | None) -> object:
    """
    The equality key of a Decimal field: ``2`` and ``2.0`` are different
    values as written, so they compare unequal.
    """
    return None if value is None else value.as_tuple()


def whole_number(minimum: int | None = None, maximum: int | None = None) -> Validator:
    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (
            value.__class__ is int
            and (minimum is None or value >= minimum)
            and (maximum is None or value <= maximum)
        ):
            return
        if isinstance(value, bool) or not isinstance(value, int):
            fail(inst, attribute, "must be a whole number (an int)", value, wrong_type=True)
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            span = (
                f"from {minimum} to {maximum}"
                if minimum is not None and maximum is not None
                else f"at least {minimum}"
                if minimum is not None
                else f"at most {maximum}"
            )
            fail(inst, attribute, f"must be {span}", value)

    return validate


def coerce_enum(kind: type[E], value: object) -> Any:
    """``"person"`` becomes ``ActorKind.PERSON``; anything unknown passes through."""
    if isinstance(value, kind):
        return value
    if value.__class__ is str:
        return _members(kind).get(value, value)
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            return value
    return value


@functools.cache
def _members(kind: type[Enum]) -> dict[object, Enum]:
    """The members of *kind* by value."""
    return {member.value: member for member in kind}


def member_of(kind: type[Enum]) -> Validator:
    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            allowed = ", ".join(repr(member.value) for member in kind)
            fail(
                inst,
                attribute,
                f"must be {_article(kind.__name__)} {kind.__name__}",
                value,
                f"use one of {allowed}",
                wrong_type=not isinstance(value, str),
            )

    return validate


class ModelEnum(StrEnum):
    """A string enum whose repr reads like the code that names a member."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


# -- extras: fields from a newer version of the format --------------------------------

#: How deeply the JSON values of extras may nest.
MAX_EXTRA_DEPTH: Final = 32


def _freeze_json(value: object, depth: int) -> object:
    if depth > MAX_EXTRA_DEPTH:
        return _TooDeep()
    if isinstance(value, list):
        return tuple(_freeze_json(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return FrozenDict({key: _freeze_json(item, depth + 1) for key, item in value.items()})
    return value


class _TooDeep:
    """Stands in for a value nested past MAX_EXTRA_DEPTH, for the validator to reject."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<JSON nested deeper than {MAX_EXTRA_DEPTH}>"


def to_extras(value: Mapping[str, Any]) -> FrozenDict[str, Any]:
    """Extras as given in a document: lists become tuples and objects FrozenDicts."""
    if value is EMPTY:  # the default, on the hot path
        return value
    return _to_extras(value)  # type: ignore[no-any-return]


def _to_extras(value: object) -> Any:
    if value is EMPTY:  # the default, on the hot path
        return value
    if isinstance(value, FrozenDict) and not any(isinstance(item, (list, dict)) for item in value.values()):
        return value
    if isinstance(value, Mapping):
        return FrozenDict({key: _freeze_json(item, 1) for key, item in value.items()})
    return value


_SAFE_INTEGER: Final = 2**53 - 1
_MEMBER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def member_path(name: str) -> str:
    """The JSON path step to the member *name*: ``.name`` or ``['odd name']``."""
    return f".{name}" if _MEMBER.fullmatch(name) else f"[{name!r}]"


def json_problem(value: object, depth: int = 0) -> tuple[str, str, object] | None:
    """
    The first thing that keeps *value* from being written as JSON and read
    back unchanged, as (relative path, reason, bad value); ``None`` if there
    is nothing. Works on plain JSON values and on their frozen forms.
    """
    if depth > MAX_EXTRA_DEPTH or isinstance(value, _TooDeep):
        return ("", f"nests JSON deeper than {MAX_EXTRA_DEPTH} levels", value)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        if abs(value) > _SAFE_INTEGER:
            return ("", "is an integer beyond ±2**53-1, which JSON readers do not all hold exactly", value)
        return None
    if isinstance(value, str):
        if has_lone_surrogate(value):
            return ("", "must be valid Unicode text, but it holds a lone surrogate", value)
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return ("", "must be a finite number, not NaN or infinity", value)
        return None
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            found = json_problem(item, depth + 1)
            if found is not None:
                return (f"[{index}]{found[0]}", found[1], found[2])
        return None
    if isinstance(value, (dict, FrozenDict)):
        for key, item in value.items():
            if not isinstance(key, str):
                return ("", "must have string member names", key)
            if not key or has_lone_surrogate(key):
                return ("", "must have member names that are non-empty, valid Unicode strings", key)
            found = json_problem(item, depth + 1)
            if found is not None:
                return (f"{member_path(key)}{found[0]}", found[1], found[2])
        return None
    return ("", "must be a JSON value (null, a boolean, a number, a string, a list or an object)", value)


#: How the names of members that are not a class's own fields start when a program gives them:
#: a strict reader keeps such members, so what the library writes reads back under its defaults.
CUSTOM_MEMBER: Final = "x-"
#: Whether a document is being read leniently: then unknown members a newer version wrote
#: are kept as extras under any name (set by the JSON reader with ``strict=False``).
READING_LENIENTLY: Final = contextvars.ContextVar("eventmodel_lenient", default=False)


def custom_member_problem(key: str) -> str | None:
    """Why *key* cannot name an extra member given by a program, or ``None``."""
    if key.startswith(CUSTOM_MEMBER) or READING_LENIENTLY.get():
        return None
    return (
        f"must have names that start with {CUSTOM_MEMBER!r}: a strict reader keeps only those, "
        "and refuses other unknown members"
    )


CUSTOM_MEMBER_FIX: Final = (
    f"name it {CUSTOM_MEMBER!r} followed by the name (other names are kept only for members a newer "
    "version wrote, read with strict=False)"
)


def extras(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Members of a document that this version does not know, kept to be written
    back: JSON values under names that are not the class's own fields.
    """
    if value is EMPTY:  # the default, on the hot path
        return
    if not isinstance(value, FrozenDict):
        fail(inst, attribute, "must be a mapping of member names to JSON values", value, wrong_type=True)
    names = {field.name for field in attrs.fields(type(inst))}  # type: ignore[arg-type]
    reserved = names | ({"type"} if "id" in names else set())  # nouns carry a type tag
    for key, item in value.items():
        if not isinstance(key, str) or not key or has_lone_surrogate(key):
            fail(
                inst,
                attribute,
                "must have names that are non-empty, valid Unicode strings",
                key,
                wrong_type=not isinstance(key, str),
            )
        if key in reserved:
            what = "the type tag" if key == "type" else f"a field of {type(inst).__name__}"
            fail(inst, attribute, f"cannot hold {key!r}, which names {what}", key)
        found = json_problem(item, 1)
        if found is not None:
            wrong = found[1].startswith(("must be a JSON value", "must have string"))
            fail(inst, f"{attribute.name}[{key!r}]{found[0]}", found[1], found[2], wrong_type=wrong)
        custom = custom_member_problem(key)
        if custom is not None:
            fail(inst, attribute, custom, key, CUSTOM_MEMBER_FIX)
