"""
The document form: each model object as plain JSON values, and back.

Objects become dicts, tuples lists, ``Moment`` and ``Interval`` their EDTF
text, ``Relative`` an object, ``Factuality`` its FactBank code, Decimals
strings (so that no number passes through a float), enums their values,
datetimes ISO 8601 text. The top-level nouns (``Actor``, ``Source``,
``Event``, ``Proposition``, ``Claim`` and registered custom types) carry a
``"type"`` member first, then ``"id"``; fields at their default values are
left out, so that a field added with a default in a later version changes no
document and no derived id. Members a newer version wrote and this one does
not know (``extras``) are written back last.

Reading is strict: a JSON value of the wrong type is an error, never a
conversion, and every error names the JSON path to the bad value.

Both halves live on one cattrs converter, :data:`converter`, which
:mod:`eventmodel.json` makes public. For the built-in classes, readers and
writers generated once per class do the same work directly (see "the direct
reading path" and "the direct writing path" below), as long as no hook has
been registered on the converter since.
"""

from __future__ import annotations

import ast
import contextvars
import re
import types
import typing
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from eventmodel.core._frozen import EMPTY, FrozenDict
from eventmodel.core._validation import (
    _ID,
    CUSTOM_MEMBER,
    MAX_ID_LENGTH,
    READING_LENIENTLY,
    member_path,
    sound_text,
)
from eventmodel.exceptions import EventModelError, InvalidTypeError, InvalidValueError, UnknownTypeError
from eventmodel.model import _fields as fields
from eventmodel.model._claim import MAX_CLAIM_DEPTH, Claim
from eventmodel.model._confidence import Confidence
from eventmodel.model._event import Event, Proposition
from eventmodel.model._factuality import Factuality
from eventmodel.model._fast_init import CLASSES as GENERATED_CLASSES
from eventmodel.model._fields import kind_of
from eventmodel.model._ids import AUTO, settle_id, use_document_form
from eventmodel.model._registry import registry
from eventmodel.time._anchor import Anchor
from eventmodel.time._relative import Relative
from eventmodel.time._when import When, _parse_text

__all__ = ["converter", "from_document", "locate", "tag_of", "to_document"]


class _Converter(cattrs.Converter):
    """
    cattrs' Converter, counting the hooks registered on it: the direct paths
    (below) read and write the built-in classes without going through it, and
    step aside once anyone registers a hook after eventmodel's own.
    """

    __slots__ = ("structure_changes", "unstructure_changes")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.structure_changes = 0
        self.unstructure_changes = 0
        super().__init__(*args, **kwargs)

    def register_structure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self.structure_changes += 1
        return super().register_structure_hook(*args, **kwargs)

    def register_structure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self.structure_changes += 1
        return super().register_structure_hook_func(*args, **kwargs)

    def register_structure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        self.structure_changes += 1
        return super().register_structure_hook_factory(*args, **kwargs)

    def register_unstructure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self.unstructure_changes += 1
        return super().register_unstructure_hook(*args, **kwargs)

    def register_unstructure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self.unstructure_changes += 1
        return super().register_unstructure_hook_func(*args, **kwargs)

    def register_unstructure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        self.unstructure_changes += 1
        return super().register_unstructure_hook_factory(*args, **kwargs)


converter: Final = _Converter()

#: Whether unknown members and types are kept (lenient) or refused (strict).
_LENIENT: Final = READING_LENIENTLY
#: How deeply claims may nest in the document being read.
_MAX_DEPTH: Final = contextvars.ContextVar("eventmodel_max_depth", default=50)

_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def tag_of(cls: type) -> str:
    """
    The type tag of *cls*.

    Raises:
        UnknownTypeError: For a class with no tag.

    """
    return registry.tag_of(cls)


# -- writing --------------------------------------------------------------------------------


def _unstructure_hook(cls: type) -> Callable[[Any], dict[str, Any]]:
    """
    The unstructure function of a model class, made on first use so that the
    hooks of its fields' classes are in place by then. Its type tag is looked
    up on each call, so that registering the class later needs no new hook.
    """
    has_extras = any(field.name == "extras" for field in attrs.fields(cls))
    overrides: dict[str, Any] = {"extras": override(omit=True)} if has_extras else {}
    plain: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, **overrides
    )
    by_class = registry._by_class

    def unstructure(obj: Any) -> dict[str, Any]:
        fields = plain(obj)
        tag = by_class.get(cls)  # looked up now: the class may be registered after this was made
        if tag is None:
            document = fields
        else:
            document = {"type": tag}
            if "id" in fields:
                document["id"] = fields.pop("id")
            document.update(fields)
        if has_extras and obj.extras:
            document.update(_thaw(obj.extras))
        return document

    return unstructure


def _thaw(value: Any) -> Any:
    """Extras back to JSON values: tuples become lists and FrozenDicts dicts."""
    if isinstance(value, tuple):
        return [_thaw(item) for item in value]
    if isinstance(value, FrozenDict):
        return {key: _thaw(item) for key, item in value.items()}
    return value


def _optional_document_hook(cls: Any) -> Callable[[Any], Any]:
    """``X | None`` written: the hook of X looked up once, not on every value."""
    (inner,) = (arg for arg in typing.get_args(cls) if arg is not type(None))
    handler = converter.get_unstructure_hook(inner)

    def unstructure(value: Any) -> Any:
        return None if value is None else handler(value)

    return unstructure


def _tuple_document_hook(cls: Any) -> Callable[[Any], list[Any]]:
    """``tuple[X, ...]`` written as a list, with the hook of X looked up once."""
    (item_type, _ellipsis) = typing.get_args(cls)
    if item_type is str:
        return list
    handler = converter.get_unstructure_hook(item_type)

    def unstructure(value: Any) -> list[Any]:
        return [handler(item) for item in value]

    return unstructure


def _relative_document(relative: Relative) -> dict[str, Any]:
    document: dict[str, Any] = {"relative": relative.text, "anchor": str(relative.anchor)}
    if relative.inverse:
        document["inverse"] = True
    if relative.week_start != "monday":
        document["week_start"] = relative.week_start
    if relative.resolved is not None:
        document["resolved"] = str(relative.resolved)
    return document


def _is_when(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, When)


def _when_document(when: When) -> Any:
    """A moment or an interval is its EDTF text; a relative time an object."""
    return _relative_document(when) if isinstance(when, Relative) else str(when)


def _frozen_dict_document(mapping: FrozenDict[str, Any]) -> dict[str, Any]:
    return {key: converter.unstructure(item) for key, item in mapping.items()}


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Enum)


def to_document(obj: object) -> Any:
    """
    The document form of a model object (a dict of plain JSON values).

    Raises:
        UnknownTypeError: For an object that is not a model object.

    """
    cls = obj.__class__
    if cls in _DIRECT_CLASSES and converter.unstructure_changes == _UNSTRUCTURE_HOOKS_OF_EVENTMODEL:
        return _direct_writer_of(cls)(obj)
    if not attrs.has(type(obj)):
        raise UnknownTypeError("is not an eventmodel object", value=obj)
    return converter.unstructure(obj)


# -- reading --------------------------------------------------------------------------------


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _wrong_type(expected: str, value: object) -> InvalidTypeError:
    return InvalidTypeError(f"must be {expected}, not {_json_type(value)}", value=value)


def _string(value: Any, _: Any = None) -> str:
    if type(value) is not str:
        raise _wrong_type("a string", value)
    return value


def _integer(value: Any, _: Any = None) -> int:
    if type(value) is not int:
        raise _wrong_type("an integer", value)
    return value


def _boolean(value: Any, _: Any = None) -> bool:
    if type(value) is not bool:
        raise _wrong_type("true or false", value)
    return value


def _decimal(value: Any, _: Any = None) -> Decimal:
    if type(value) is not str:
        raise _wrong_type('a string holding a number, such as "16600"', value)
    try:
        number = Decimal(value) if len(value) <= 1000 else None
    except InvalidOperation:
        number = None
    if number is None or str(number) != value or not number.is_finite():
        raise InvalidValueError(
            "must be a finite number written as Python's Decimal writes it",
            value=value,
            fix="write digits with an optional '-', '.', and exponent such as '1E+3': '16600', '0.5'",
        )
    return number


def _datetime(value: Any, _: Any = None) -> datetime:
    text = _string(value)
    try:
        moment = datetime.fromisoformat(text) if len(text) <= 64 else None
    except ValueError:
        moment = None
    if moment is None or moment.isoformat() != text:
        raise InvalidValueError(
            "must be an ISO 8601 date-time as Python writes it",
            value=value,
            fix="write it like '2022-03-28T09:30:00+00:00'",
        )
    return moment


def _when(value: Any, _: Any = None) -> When:
    if type(value) is str:  # each document shares one object for each text; When.parse's cache is not needed
        return _parse_text(value)
    if type(value) is dict:
        _check_members(value, _RELATIVE_MEMBERS, "a relative time", False)
        for name in ("relative", "anchor"):
            if name not in value:
                raise InvalidValueError("is required but missing", field=name, fix="add the member")
        try:
            text = _string(value["relative"])
        except EventModelError as error:
            raise _at_member(error, "relative") from None
        try:
            anchor = Anchor.parse(_string(value["anchor"]))
        except EventModelError as error:
            raise _at_member(error, "anchor") from None
        try:
            resolved = value.get("resolved")
            result = When.parse(_string(resolved)) if resolved is not None else None
        except EventModelError as error:
            raise _at_member(error, "resolved") from None
        try:
            inverse = _boolean(value.get("inverse", False))
        except EventModelError as error:
            raise _at_member(error, "inverse") from None
        try:
            week_start = _string(value.get("week_start", "monday"))
        except EventModelError as error:
            raise _at_member(error, "week_start") from None
        try:
            return Relative(text, anchor, resolved=result, inverse=inverse, week_start=week_start)
        except EventModelError as error:
            raise _at_member(
                error, "relative" if error.field == "text" else error.field or "relative"
            ) from None
    raise _wrong_type("an EDTF string or a relative time object", value)


_RELATIVE_MEMBERS: Final = frozenset({"relative", "anchor", "resolved", "inverse", "week_start"})


def _at_member(error: EventModelError, member: str) -> EventModelError:
    """*error*, placed at *member* of the object being read."""
    return type(error)(error.reason, field=member, value=error.value, fix=error.fix)


def _factuality(value: Any, _: Any = None) -> Factuality:
    return Factuality.parse(_string(value))


def _enum_hook(cls: type[Enum]) -> Callable[[Any, Any], Enum]:
    members = {member.value: member for member in cls}

    def structure(value: Any, _: Any = None) -> Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            allowed = ", ".join(repr(key) for key in members)
            raise InvalidValueError(
                f"must be one of {allowed}", value=value, fix=f"use a {cls.__name__} value"
            ) from None

    return structure


def _note(segment: str) -> AttributeValidationNote:
    return AttributeValidationNote(segment, segment, object)


def _tuple_hook(cls: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    (item_type, _ellipsis) = typing.get_args(cls)
    handler = converter.get_structure_hook(item_type)

    def structure(value: Any, _: Any = None) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _wrong_type("an array", value)
        items: list[Any] = []
        add = items.append
        try:
            for item in value:
                add(handler(item, item_type))
        except Exception as error:  # noqa: BLE001 - any failure gets its index in the path, then goes on up
            index = len(items)  # not read again: a place's parts would be read twice at every level
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                IterableValidationNote(f"[{index}]", index, item_type),
            ]
            raise ClassValidationError("While structuring an array", [error], tuple) from None
        return tuple(items)

    return structure


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _frozen_dict_hook(cls: Any) -> Callable[[Any, Any], FrozenDict[str, Any]]:
    args = typing.get_args(cls)
    value_type = args[1] if len(args) == 2 else Any
    if value_type is Any:
        return _extras_value

    handler = converter.get_structure_hook(value_type)

    def structure(value: Any, _: Any = None) -> FrozenDict[str, Any]:
        if type(value) is not dict:
            raise _wrong_type("an object", value)
        result = {}
        for key, item in value.items():
            try:
                result[key] = handler(item, value_type)
            except Exception as error:  # noqa: BLE001 - any failure gets its key in the path, then goes on up
                segment = f".{key}" if _IDENTIFIER.fullmatch(key) else f"[{key!r}]"
                error.__notes__ = [*getattr(error, "__notes__", []), _note(segment)]
                raise ClassValidationError("While structuring an object", [error], dict) from None
        return FrozenDict(result)

    return structure


def _extras_value(value: Any, _: Any = None) -> Any:
    if type(value) is not dict:
        raise _wrong_type("an object", value)
    return value


def _is_frozen_dict(cls: Any) -> bool:
    return cls is FrozenDict or typing.get_origin(cls) is FrozenDict


def _check_members(document: dict[str, Any], known: frozenset[str], what: str, custom: bool) -> None:
    unknown = document.keys() - known
    if custom:  # members a program gave, with the names that say so, are kept
        unknown = {name for name in unknown if not name.startswith(CUSTOM_MEMBER)}
    if unknown:
        name = min(unknown)
        raise InvalidValueError(
            f"is not a member of {what}",
            field=name,
            value=document[name],
            fix="remove it, or read with strict=False to keep members a newer version wrote",
        )


def _class_hook(cls: type) -> Callable[[Any, Any], Any]:
    """
    The strict structure function of a model class: cattrs' generated code,
    behind a check of the members present (unknown ones are an error, or
    extras when reading leniently).
    """
    fields = attrs.fields(cls)
    names = frozenset(field.name for field in fields if field.init and field.name != "extras")
    has_extras = any(field.name == "extras" for field in fields)
    tag = registry._by_class.get(cls)
    known = names | {"type"} if tag is not None else names
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_detailed_validation=True
    )
    what = f"{_article(cls.__name__)} {cls.__name__}"

    covers = known.issuperset

    def structure(value: Any, _: Any = None) -> Any:
        if value.__class__ is not dict:
            raise _wrong_type("an object", value)
        if not covers(value):
            if not _LENIENT.get() or not has_extras:
                _check_members(value, known, what, has_extras)
            value = _split_extras(value, known)
        if tag is not None and value.get("type", tag) != tag:
            raise InvalidValueError(f"must be {tag!r} here", field="type", value=value.get("type"))
        return generated(value, cls)

    return structure


def _split_extras(document: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    kept = {key: item for key, item in document.items() if key in known}
    kept["extras"] = {key: item for key, item in document.items() if key not in known}
    return kept


def _article(noun: str) -> str:
    return "an" if noun[0] in "AEIOU" else "a"


def _tagged_hook(base: type) -> Callable[[Any, Any], Any]:
    """
    Structure an object of *base* or a registered subclass, chosen by its
    ``"type"`` tag: the only thing read from data to pick a class.
    """

    def structure(value: Any, _: Any = None) -> Any:
        if type(value) is not dict:
            raise _wrong_type("an object", value)
        if "type" not in value:
            raise InvalidValueError(
                "needs a 'type' member", field="type", fix=f'add "type": {registry.tag_of(base)!r}'
            )
        tag = value["type"]
        if type(tag) is not str:
            raise InvalidTypeError(f"must be a string, not {_json_type(tag)}", field="type", value=tag)
        cls = _class_of(tag)
        if not issubclass(cls, base):
            raise InvalidValueError(
                f"names {_article(cls.__name__)} {cls.__name__}, where {_article(base.__name__)} "
                f"{base.__name__} belongs",
                field="type",
                value=tag,
            )
        if issubclass(cls, Claim):
            _check_nesting(value)
        if cls is base:
            return _exact_hook(cls)(value, cls)
        return converter.get_structure_hook(cls)(value, cls)

    return structure


def _class_of(tag: str) -> type:
    try:
        return registry.class_of(tag)
    except UnknownTypeError as error:
        raise UnknownTypeError(error.reason, field="type", value=tag, fix=error.fix) from None


def _names_a_claim(tag: object) -> bool:
    if type(tag) is not str or tag not in registry:
        return False
    return issubclass(registry.class_of(tag), Claim)


def _check_nesting(document: dict[str, Any]) -> None:
    """Refuse claims nested deeper than allowed before reading them recursively."""
    limit = _MAX_DEPTH.get()
    depth, content = 1, document.get("content")
    while type(content) is dict and _names_a_claim(content.get("type")):
        depth += 1
        if depth > limit:
            raise InvalidValueError(
                f"nests claims more than {limit} deep",
                field="content",
                fix="keep reported speech to the hops the source reports, or raise max_depth",
            )
        content = content.get("content")


def _content_hook(value: Any, _: Any = None) -> Any:
    """Claim content: an event, a proposition or a claim, or a registered subtype of one."""
    if type(value) is not dict:
        raise _wrong_type("an object", value)
    tag = value.get("type")
    if type(tag) is not str:
        raise InvalidValueError(
            "needs a 'type' member naming an event, a proposition or a claim", field="type", value=tag
        )
    cls = _class_of(tag)
    for base in _CONTENT:
        if issubclass(cls, base):
            return converter.get_structure_hook(base)(value, base)
    raise InvalidValueError(
        f"names {_article(cls.__name__)} {cls.__name__}, where an event, a proposition or a claim belongs",
        field="type",
        value=tag,
    )


_exact: dict[type, Callable[[Any, Any], Any]] = {}
_tagged: dict[type, Callable[[Any, Any], Any]] = {}
_CONTENT: Final = tuple(registry.class_of(tag) for tag in ("event", "proposition", "claim"))


def _is_optional(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(cls: Any) -> Callable[[Any, Any], Any]:
    """``X | None``: the hook of X looked up once, not on every value as cattrs does."""
    (inner,) = (arg for arg in typing.get_args(cls) if arg is not type(None))
    handler = converter.get_structure_hook(inner)

    def structure(value: Any, _: Any = None) -> Any:
        return None if value is None else handler(value, inner)

    return structure


def _is_content(cls: Any) -> bool:
    """Whether *cls* is the type of Claim.content: Event | Claim | Proposition."""
    return set(typing.get_args(cls)) == set(_CONTENT) and typing.get_origin(cls) in (
        typing.Union,
        types.UnionType,
    )


def _is_model(cls: Any) -> bool:
    return isinstance(cls, type) and attrs.has(cls) and not issubclass(cls, When)


def _labels_as_written(structure: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """A confidence's label as written: the model tidies labels built in code, a document's are kept."""

    def read(value: Any, cls: Any = None) -> Any:
        confidence = structure(value, cls)
        written = value.get("label") if type(value) is dict else None
        if written is not None and confidence.label != written:
            raise InvalidValueError(
                f"must be written as {confidence.label!r}",
                field="label",
                value=written,
                fix="write the label as eventmodel writes it, so that it reads back unchanged",
            )
        return confidence

    return read


def _exact_hook(cls: type) -> Callable[[Any, Any], Any]:
    """The structure function of exactly *cls*, made on first use."""
    hook = _exact.get(cls)
    if hook is None:
        hook = _exact[cls] = _class_hook(cls)
    return hook


def _model_hook(cls: type) -> Callable[[Any, Any], Any]:
    """
    The structure function of a model class: by its type tag when the class
    is registered under one, else as exactly this class. Which of the two is
    decided on each call, so that registering the class later needs no new
    hook (the two are made on first use, and made again after a registration).
    """
    if cls is Confidence:
        return _labels_as_written(_class_hook(cls))
    by_class, by_tag = registry._by_class, registry._by_tag

    def structure(value: Any, _: Any = None) -> Any:
        tag = by_class.get(cls)
        if tag is not None and by_tag.get(tag) is cls:
            hook = _tagged.get(cls)
            if hook is None:
                hook = _tagged[cls] = _tagged_hook(cls)
        else:
            hook = _exact_hook(cls)
        return hook(value, cls)

    return structure


def _configure() -> None:
    # Writing.
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(Factuality, str)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_unstructure_hook(Anchor, str)
    converter.register_unstructure_hook(FrozenDict, _frozen_dict_document)
    converter.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    converter.register_unstructure_hook_factory(attrs.has, _unstructure_hook)
    # Registered after the attrs factory, so that it takes precedence for these attrs classes.
    converter.register_unstructure_hook_func(_is_when, _when_document)
    converter.register_unstructure_hook_factory(_is_optional, _optional_document_hook)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, _tuple_document_hook)

    # Reading.
    converter.register_structure_hook(str, _string)
    converter.register_structure_hook(int, _integer)
    converter.register_structure_hook(bool, _boolean)
    converter.register_structure_hook(Decimal, _decimal)
    converter.register_structure_hook(datetime, _datetime)
    converter.register_structure_hook(Factuality, _factuality)
    converter.register_structure_hook_factory(_is_enum, _enum_hook)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    converter.register_structure_hook_factory(_is_frozen_dict, _frozen_dict_hook)
    converter.register_structure_hook_factory(_is_model, _model_hook)
    converter.register_structure_hook_func(_is_when, _when)
    converter.register_structure_hook_func(_is_content, _content_hook)
    converter.register_structure_hook_factory(_is_optional, _optional_hook)
    converter.register_structure_hook(Any, lambda value, _: value)
    registry.on_register(_on_register)


def _on_register(tag: str, cls: type) -> None:
    """A newly registered type reads through its tag, like the built-in ones."""
    _exact.pop(cls, None)
    _tagged.pop(cls, None)


_configure()


# -- the direct reading path --------------------------------------------------------------------
#
# The converter's path above checks each JSON value in its hook, then hands it
# to the class's constructor, whose converters and validators check it again.
# For the built-in classes, a reader generated once per class reads a document
# straight into an instance: it checks each member's JSON type once, runs only
# the checks the JSON type does not settle (ids, non-empty text, patterns,
# ranges, the checks across fields in __attrs_post_init__), and sets the
# fields of a new instance directly. It never builds an error: on anything
# unusual (a bad value, an unknown member or type tag, extras, a missing
# member, nesting past the limit) it gives up, and the converter's path reads
# the document again, to return what it returns or to raise its error with its
# path. Once a hook is registered on the converter, the direct path is not
# used at all, so that the converter decides everything.


class _GiveUpError(Exception):
    """The direct reader leaves this document to the converter."""


def _id_check(var: str, indent: str) -> str:
    """Lines that check an id once per document, and keep one string for each id."""
    return (
        f"{indent}y = seen.get({var})\n"
        f"{indent}if y is None:\n"
        f"{indent}    if {var}.__class__ is not str or len({var}) > MAX_ID_LENGTH or not id_match({var}): raise GiveUp\n"
        f"{indent}    seen[{var}] = {var}\n"
        f"{indent}else:\n"
        f"{indent}    {var} = y"
    )


def _text_check(var: str, *, empty_ok: bool = False) -> str:
    empty = "" if empty_ok else f"not {var} or "
    return f"if {var}.__class__ is not str or {empty}not ({var}.isascii() or sound({var})): raise GiveUp"


class _ReaderSource:
    """The source of one class's direct reader, and the names it uses."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.lines: list[str] = []
        self.names: dict[str, Any] = {
            "GiveUp": _GiveUpError,
            "MAX_ID_LENGTH": MAX_ID_LENGTH,
            "id_match": _ID.fullmatch,
            "sound": sound_text,
            "EMPTY": EMPTY,
            "FrozenDict": FrozenDict,
            "dict": dict,
            "list": list,
            "str": str,
            "int": int,
            "bool": bool,
            "tuple": tuple,
            "When": When,
        }

    def name(self, value: Any) -> str:
        key = f"n{len(self.names)}"
        self.names[key] = value
        return key

    def read(self, var: str, kind: Any, indent: str) -> None:
        """Lines that check the JSON value in *var* and put what it reads to in *var*."""
        add = self.lines.append
        if kind in (str, int, bool):
            add(f"{indent}if {var}.__class__ is not {kind.__name__}: raise GiveUp")
        elif kind is Decimal:
            add(f"{indent}{var} = {self.name(_decimal)}({var})")
        elif kind is datetime:
            add(f"{indent}{var} = {self.name(_datetime)}({var})")
        elif kind is When:  # one object for each time text: times repeat, and are immutable
            add(f"{indent}y = seen.get(({var}, When)) if {var}.__class__ is str else None")
            add(f"{indent}if y is None:")
            add(f"{indent}    y = {self.name(_when)}({var})")
            add(f"{indent}    if {var}.__class__ is str: seen[({var}, When)] = y")
            add(f"{indent}{var} = y")
        elif kind is Factuality:
            add(f"{indent}{var} = {self.name(_FACTUALITIES)}[{var}]")
        elif _is_enum(kind):
            add(f"{indent}{var} = {self.name({member.value: member for member in kind})}[{var}]")
        elif _is_content(kind):
            add(f"{indent}{var} = {self.name(_read_content)}({var}, depth, seen)")
        elif kind in _DIRECT_CLASSES:
            add(f"{indent}{var} = {self.name(_direct_reader_of(kind))}({var}, depth, seen)")
        elif _is_homogeneous_tuple(kind):
            (item,) = typing.get_args(kind)[:1]
            add(f"{indent}if {var}.__class__ is not list: raise GiveUp")
            if item is str:
                add(f"{indent}for i in {var}:")
                add(f"{indent}    if i.__class__ is not str: raise GiveUp")
                add(f"{indent}{var} = tuple({var})")
            elif item in _DIRECT_CLASSES:
                reader = self.name(_direct_reader_of(item))
                add(f"{indent}{var} = tuple([{reader}(i, depth, seen) for i in {var}])")
            else:
                raise TypeError(kind)
        elif _is_frozen_dict(kind) and len(typing.get_args(kind)) == 2:
            item = typing.get_args(kind)[1]
            add(f"{indent}if {var}.__class__ is not dict: raise GiveUp")
            if item is str:
                add(f"{indent}for i in {var}.values():")
                add(f"{indent}    if i.__class__ is not str: raise GiveUp")
                add(f"{indent}{var} = FrozenDict({var})")
            elif item in _DIRECT_CLASSES:
                reader = self.name(_direct_reader_of(item))
                add(f"{indent}{var} = FrozenDict({{k: {reader}(i, depth, seen) for k, i in {var}.items()}})")
            else:
                raise TypeError(kind)
        else:
            raise TypeError(kind)

    def check(self, field: attrs.Attribute[Any], var: str, hint: Any, indent: str) -> str | None:
        """
        Lines for the check of the field's kind where the reader settles it;
        else the name of the kind, to be called with the value read.
        """
        kind = kind_of(field)
        add = self.lines.append
        if kind is None:
            return None if field.validator is None else self.name(field.validator)
        if kind.settled_by_type or isinstance(kind, (fields.Extras, fields.Number)):
            return None  # reading the JSON value into the field's type checked it
        if isinstance(kind, fields.WholeNumber) and hint is int:
            add(f"{indent}if not {kind.minimum!r} <= {var} <= {kind.maximum!r}: raise GiveUp")
            return None
        if isinstance(kind, (fields.Id, fields.OptionalId, fields.Ref)) and hint is str:
            add(_id_check(var, indent))
            return None
        if isinstance(kind, fields.Text) and hint is str:
            add(f"{indent}{_text_check(var, empty_ok=kind.empty)}")
            return None
        if isinstance(kind, fields.MappingOf) and _is_frozen_dict(hint):
            add(f"{indent}for k, i in {var}._data.items():")
            add(f"{indent}    {_text_check('k')}")
            if kind.item is str:
                add(f"{indent}    {_text_check('i', empty_ok=kind.empty)}")
            return None
        if isinstance(kind, fields.Texts):
            add(f"{indent}for i in {var}:")
            add(f"{indent}    {_text_check('i')}")
            return None
        if isinstance(kind, fields.Refs):
            add(f"{indent}items = []")
            add(f"{indent}for i in {var}:")
            add(_id_check("i", indent + "    "))
            add(f"{indent}    items.append(i)")
            add(f"{indent}{var} = tuple(items)")
            return None
        return self.name(kind)

    def setter(self, name: str) -> str:
        """A name for the function that sets the field *name* of an instance, for a slot its descriptor's."""
        slot = vars(self.cls).get(name)
        if slot is not None and type(slot) is types.MemberDescriptorType:
            return self.name(slot.__set__)
        return f"(lambda inst, value: setattr(inst, {name!r}, value))"

    def field(self, field: attrs.Attribute[Any], kind: Any) -> None:
        add = self.lines.append
        var = "x"
        optional = _is_optional(kind)
        inner = next(arg for arg in typing.get_args(kind) if arg is not type(None)) if optional else kind
        if field.default is attrs.NOTHING:
            add(f"    {var} = d[{field.name!r}]")
            indent = "    "
        else:
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                raise TypeError(field.default)
            add(f"    {var} = d.get({field.name!r}, MISSING)")
            add(f"    if {var} is MISSING:")
            add(f"        {var} = {self.name(field.default)}")
            add("    else:")
            indent = "        "
        if optional:
            add(f"{indent}if {var} is not None:")
            indent += "    "
        if inner is str:  # the field's own check, if the reader settles it, checks the type too
            before = len(self.lines)
            later = self.check(field, var, inner, indent)
            if len(self.lines) == before:
                self.read(var, inner, indent)
        else:
            self.read(var, inner, indent)
            later = self.check(field, var, inner, indent)
        if isinstance(kind_of(field), fields.Label):  # kept only if the converter leaves it as written
            assert field.converter is not None
            add(f"{indent}if {self.name(field.converter)}({var}) != {var}: raise GiveUp")
        if later is not None:  # a default needs no check
            add(f"{indent}{later}(inst, {self.name(field)}, {var})")
        add(f"    {self.setter(field.name)}(inst, {var})")

    def build(self) -> Callable[[Any, int, dict[Any, Any]], Any]:
        cls = self.cls
        fields = attrs.fields(cls)
        hints = typing.get_type_hints(cls)
        tag = registry._by_class.get(cls)
        known = frozenset(field.name for field in fields if field.name != "extras") | (
            {"type"} if tag is not None else set()
        )
        self.names.update(
            MISSING=_GIVE_UP_MISSING,
            covers=known.issuperset,
            cls=cls,
            new=object.__new__,
            setattr=object.__setattr__,
            by_tag=registry._by_tag,
        )
        add = self.lines.append
        add("def read(d, depth, seen):")
        add("    if d.__class__ is not dict or not covers(d): raise GiveUp")
        if tag is not None:
            add(f"    if d.get('type') != {tag!r} or by_tag.get({tag!r}) is not cls: raise GiveUp")
        if cls is Claim:
            add("    if depth < 1: raise GiveUp")
            add("    depth -= 1")
        add("    inst = new(cls)")
        for field in fields:
            if field.name == "extras":
                add(f"    {self.setter('extras')}(inst, EMPTY)")
            else:
                self.field(field, hints[field.name])
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is not None:
            if post_init is settle_id:  # it derives the id, if none was given
                add(f"    if inst.id is {self.name(AUTO)}: {self.name(post_init)}(inst)")
            else:
                add(f"    {self.name(post_init)}(inst)")
        add("    return inst")
        namespace = dict(self.names)
        exec(compile("\n".join(self.lines), f"<eventmodel direct reader {cls.__name__}>", "exec"), namespace)  # noqa: S102 - code made here, from the class's fields
        reader: Callable[[Any, int, dict[Any, Any]], Any] = namespace["read"]
        return reader


_GIVE_UP_MISSING: Final = object()
#: The built-in classes read and written by generated code: those that get a generated constructor.
_DIRECT_CLASSES: Final = frozenset(GENERATED_CLASSES)
_direct_readers: dict[type, Callable[[Any, int, dict[Any, Any]], Any]] = {}
_FACTUALITIES: Final = {
    str(value): value for value in vars(Factuality).values() if isinstance(value, Factuality)
}


def _direct_reader_of(cls: type) -> Callable[[Any, int, dict[Any, Any]], Any]:
    reader = _direct_readers.get(cls)
    if reader is None:
        if cls in _building:  # a class that holds itself (a place's parts): look the reader up when called
            return lambda value, depth, seen: _direct_readers[cls](value, depth, seen)  # noqa: PLW0108 - not yet made
        _building.add(cls)
        try:
            reader = _direct_readers[cls] = _ReaderSource(cls).build()
        finally:
            _building.discard(cls)
    return reader


#: The classes whose generated reader or writer is being built, for classes that hold themselves.
_building: set[type] = set()


_CONTENT_TAGS: Final = {"event": Event, "proposition": Proposition, "claim": Claim}


def _read_content(value: Any, depth: int, seen: dict[Any, Any]) -> Any:
    if value.__class__ is not dict:
        raise _GiveUpError
    cls = _CONTENT_TAGS.get(value.get("type"))  # type: ignore[arg-type]
    if cls is None:
        raise _GiveUpError
    return _direct_reader_of(cls)(value, depth, seen)


_STRUCTURE_HOOKS_OF_EVENTMODEL: Final = converter.structure_changes


# -- the direct writing path --------------------------------------------------------------------
#
# A writer generated once per built-in class makes its document in one dict,
# "type" and "id" first, fields at their defaults left out, extras last: the
# same document as the converter's path, without copying dicts or looking up
# hooks. Once a hook is registered on the converter for writing, the
# converter writes everything.


class _WriterSource:
    """The source of one class's direct writer, and the names it uses."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.lines: list[str] = []
        self.names: dict[str, Any] = {"list": list, "str": str, "Relative": Relative}

    def name(self, value: Any) -> str:
        key = f"n{len(self.names)}"
        self.names[key] = value
        return key

    def value(self, var: str, kind: Any) -> str:
        """An expression for the JSON value of *var*, of type *kind*."""
        if kind in (str, int, bool):
            return var
        if kind in (Decimal, Factuality):
            return f"str({var})"
        if kind is datetime:
            return f"{var}.isoformat()"
        if kind is When:
            return f"({self.name(_relative_document)}({var}) if {var}.__class__ is Relative else str({var}))"
        if _is_enum(kind):
            return f"{var}._value_"
        if _is_content(kind):
            return f"{self.name(_write_content)}({var})"
        if kind in _DIRECT_CLASSES:
            return f"{self.name(_direct_writer_of(kind))}({var})"
        if _is_homogeneous_tuple(kind):
            (item,) = typing.get_args(kind)[:1]
            if item is str:
                return f"list({var})"
            if item in _DIRECT_CLASSES:
                return f"[{self.name(_direct_writer_of(item))}(i) for i in {var}]"
        if _is_frozen_dict(kind) and len(typing.get_args(kind)) == 2:
            item = typing.get_args(kind)[1]
            if item is str:
                return f"dict({var}._data)"
            if item in _DIRECT_CLASSES:
                return f"{{k: {self.name(_direct_writer_of(item))}(i) for k, i in {var}._data.items()}}"
        raise TypeError(kind)

    def field(self, field: attrs.Attribute[Any], kind: Any) -> None:
        add = self.lines.append
        optional = _is_optional(kind)
        inner = next(arg for arg in typing.get_args(kind) if arg is not type(None)) if optional else kind
        add(f"    x = o.{field.name}")
        expression = self.value("x", inner)
        if optional and field.default not in (None, attrs.NOTHING):
            raise TypeError(kind)
        default = field.default
        if default is attrs.NOTHING:
            if optional:
                expression = f"None if x is None else {expression}"
            add(f"    d[{field.name!r}] = {expression}")
            return
        if default is None or default is False or isinstance(default, Enum):
            add(f"    if x is not {self.name(default)}:")
        elif default == ():
            add("    if x:")
        elif default is EMPTY:
            add("    if x._data:")
        else:
            add(f"    if x != {self.name(default)}:")
        add(f"        d[{field.name!r}] = {expression}")

    def build(self) -> Callable[[Any], dict[str, Any]]:
        cls = self.cls
        fields = {field.name: field for field in attrs.fields(cls)}
        hints = typing.get_type_hints(cls)
        tag = registry._by_class.get(cls)
        add = self.lines.append
        add("def write(o):")
        if tag is not None:
            add(f"    d = {{'type': {tag!r}}}")
            if "id" in fields:
                self.field(fields["id"], hints["id"])
        else:
            add("    d = {}")
        for name, field in fields.items():
            if name == "extras":
                add("    if o.extras._data:")
                add(f"        d.update({self.name(_thaw)}(o.extras))")
            elif name != "id" or tag is None:
                self.field(field, hints[name])
        add("    return d")
        namespace = dict(self.names)
        exec(compile("\n".join(self.lines), f"<eventmodel direct writer {cls.__name__}>", "exec"), namespace)  # noqa: S102 - code made here, from the class's fields
        writer: Callable[[Any], dict[str, Any]] = namespace["write"]
        return writer


_direct_writers: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _direct_writer_of(cls: type) -> Callable[[Any], dict[str, Any]]:
    writer = _direct_writers.get(cls)
    if writer is None:
        if cls in _building:  # a class that holds itself (a place's parts): look the writer up when called
            return lambda obj: _direct_writers[cls](obj)  # noqa: PLW0108 - not yet made
        _building.add(cls)
        try:
            writer = _direct_writers[cls] = _WriterSource(cls).build()
        finally:
            _building.discard(cls)
    return writer


def _write_content(content: Any) -> Any:
    """Claim content, written as its own class is (a registered subclass through the converter)."""
    cls = content.__class__
    if cls in _DIRECT_CLASSES:
        return _direct_writer_of(cls)(content)
    return converter.unstructure(content, cls)


_UNSTRUCTURE_HOOKS_OF_EVENTMODEL: Final = converter.unstructure_changes


# -- errors with paths ------------------------------------------------------------------------


def _segment(note: object) -> str:
    if isinstance(note, IterableValidationNote):
        return str(note)
    if isinstance(note, AttributeValidationNote):
        name = note.name
        if name.startswith((".", "[")):
            return name
        return f".{name}" if _IDENTIFIER.fullmatch(name) else f"[{name!r}]"
    return ""


def _field_path(field: str, value: object) -> str:
    """The JSON path step for a model error's field: kept members are members of the document."""
    if field == "extras":
        return member_path(value) if isinstance(value, str) else ""
    if field.startswith("extras["):
        match = re.match(r"\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]", field[len("extras") :])
        if match is not None:
            key = ast.literal_eval(match.group(1))
            return member_path(key) + field[len("extras") + match.end() :]
    if _IDENTIFIER.fullmatch(field) or "[" in field:
        return f".{field}"
    return member_path(field)


def locate(error: BaseException, path: str = "$") -> EventModelError:
    """
    The library's error for a failure while reading, with the JSON path to
    the bad value: the first failure cattrs collected, found by following the
    notes it left on the way out.
    """
    while isinstance(error, BaseExceptionGroup):
        child = error.exceptions[0]
        for note in getattr(child, "__notes__", ()):
            path += _segment(note)
        error = child
    if isinstance(error, EventModelError):
        field = error.field
        if field is not None and not field.endswith(")"):
            path += _field_path(field, error.value) if error.cls else member_path(field)
        return type(error)(
            error.reason, cls=error.cls, field=error.field, value=error.value, fix=error.fix, path=path
        )
    if isinstance(error, KeyError):
        return InvalidValueError("is required but missing", path=path, fix="add the member")
    if isinstance(error, RecursionError):  # pragma: no cover - the nesting check comes first
        return InvalidValueError("nests too deeply to read", path=path)
    return InvalidValueError(f"cannot be read ({type(error).__name__}: {error})", path=path)


def from_document(
    document: Any, cls: type, *, strict: bool = True, max_depth: int = 50, seen: dict[Any, Any] | None = None
) -> Any:
    """
    The model object of class *cls* that *document* describes.

    *seen* holds the ids and times read so far from the same document (a
    dossier's objects are read one at a time): each is checked once, and its
    objects are shared.

    Raises:
        EventModelError: With the JSON path to the first bad value.

    """
    if converter.structure_changes == _STRUCTURE_HOOKS_OF_EVENTMODEL and cls in _DIRECT_CLASSES:
        try:
            return _direct_reader_of(cls)(
                document, min(max_depth, MAX_CLAIM_DEPTH), {} if seen is None else seen
            )
        except Exception:  # noqa: BLE001, S110 - whatever the direct path leaves, the converter reads again
            pass
    lenient_token = _LENIENT.set(not strict)
    depth_token = _MAX_DEPTH.set(max_depth)
    try:
        return converter.structure(document, cls)
    except EventModelError as error:
        if error.path is not None:
            raise
        raise locate(error) from None
    except (ClassValidationError, KeyError, TypeError, ValueError, RecursionError) as error:
        raise locate(error) from None
    finally:
        _LENIENT.reset(lenient_token)
        _MAX_DEPTH.reset(depth_token)


def _document_form(obj: object) -> tuple[str, dict[str, Any]]:
    """The type tag and the document form of a model object, for its derived id."""
    document = to_document(obj)
    assert isinstance(document, dict)
    return tag_of(type(obj)), document


use_document_form(_document_form)
