"""
JSON Schema built from the model classes: the implementation of :mod:`eventmodel.schema`.
"""

from __future__ import annotations

import inspect
import math
import re
import types
import typing
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Final

import attrs

from eventmodel.core import _validation
from eventmodel.core._frozen import FrozenDict
from eventmodel.dossier._dossier import FORMAT_VERSION, Dossier
from eventmodel.exceptions import InvalidTypeError
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._factuality import _VALID as _FACTUALITY_CODES
from eventmodel.model._factuality import Factuality
from eventmodel.model._fields import kind_of
from eventmodel.model._ids import AUTO
from eventmodel.model._registry import TypeRegistry
from eventmodel.model._registry import registry as _default_registry
from eventmodel.model._source import Source
from eventmodel.time._anchor import Anchor
from eventmodel.time._grammar import WEEK_STARTS
from eventmodel.time._relative import Relative
from eventmodel.time._when import MAX_RELATIVE_TEXT, MAX_TEXT_LENGTH, Interval, Moment, When

from ._document import converter

__all__ = ["json_schema", "json_schema_for"]

#: The JSON Schema dialect of the schemas built here.
_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
#: Where the schemas' ``$id`` live (a reserved domain: they are names, not downloads).
_SCHEMA_BASE: Final = f"https://eventmodel.invalid/schema/{FORMAT_VERSION}/"

#: The dossier's lists, and the class each one holds (or a registered subclass of it).
_DOSSIER_LISTS: Final[dict[str, type]] = {"actors": Actor, "sources": Source, "claims": Claim}

# -- patterns ------------------------------------------------------------------------------


def _char_ranges(codes: list[int]) -> str:
    """Code points as the ranges of a character class, written as Unicode escapes."""
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(f"\\u{start:04x}" if start == previous else f"\\u{start:04x}-\\u{previous:04x}")
        start = previous = code
    return "".join(parts)


#: What an id may not hold: white space (as Python's ``str.isspace`` has it) and control characters.
_NOT_IN_ID: Final = _char_ranges(
    sorted(
        {code for code in range(0x10000) if chr(code).isspace()} | set(range(0x20)) | set(range(0x7F, 0xA0))
    )
)
_ID_BODY: Final = f"[^{_NOT_IN_ID}]+"

_DATE: Final = (
    r"[0-9]{4}(?:-(?:0[1-9]|1[0-2]|2[1-4]|XX)(?:-(?:0[1-9]|[12][0-9]|3[01]|XX)"
    r"(?:T(?:[01][0-9]|2[0-3])(?::[0-5][0-9](?::[0-5][0-9](?:\.(?:[0-9]{1,3}|[0-9]{6}))?)?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?(?:\[[A-Za-z0-9_+/-]{1,64}\])?)?)?)?"
)
#: An EDTF moment: a date or date-time, a decade (``201X``) or a century (``20XX``), qualified or not.
_MOMENT: Final = rf"(?:{_DATE}|[0-9]{{3}}X|[0-9]{{2}}XX)[~?%]?"
#: An EDTF interval: two moments, either end of which may be open (``..``) or unknown (empty).
_INTERVAL: Final = rf"(?:{_MOMENT}/(?:{_MOMENT}|\.\.)?|(?:\.\.)?/{_MOMENT})"

#: A number as Python's ``str(Decimal)`` writes it: plain, or scientific past its limits.
_DECIMAL: Final = (
    r"-?(?:0|[1-9][0-9]*|[1-9][0-9]*\.[0-9]+|0\.(?:0{0,5}[1-9][0-9]*|0{1,6})"
    r"|(?:[1-9](?:\.[0-9]+)?|0)E(?:\+[1-9][0-9]*|-(?:[7-9]|[1-9][0-9]+)))"
)
_DATETIME: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?"
_OFFSET: Final = r"[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{6})?)?"


def _anchored(pattern: str | re.Pattern[str]) -> str:
    """A pattern that the whole text must match (the model's own patterns are full matches)."""
    text = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    return f"^(?:{text})$"


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


# The definitions every schema has; the model's fields refer to them by type.
_ID: Final = "Id"
_DECIMAL_DEF: Final = "Decimal"
_DATETIME_DEF: Final = "DateTime"
_FACTUALITY: Final = "Factuality"
_WHEN: Final = "When"
_MOMENT_DEF: Final = "Moment"
_INTERVAL_DEF: Final = "Interval"
_RELATIVE: Final = "Relative"
_ANCHOR: Final = "Anchor"
_UNRECOGNIZED: Final = "Unrecognized"

_FIXED_DEFS: Final[dict[str, dict[str, Any]]] = {
    _ID: {
        "title": "Id",
        "description": "The id of an object: no white space or control characters.",
        "type": "string",
        "minLength": 1,
        "maxLength": _validation.MAX_ID_LENGTH,
        "pattern": _anchored(_ID_BODY),
    },
    _DECIMAL_DEF: {
        "title": "Decimal",
        "description": "A finite number, written as a string exactly as Python's str(Decimal) writes it "
        '("16600", "2.0", "-0", "1E+3"), so that no number passes through a float.',
        "type": "string",
        "maxLength": _validation.MAX_NUMBER_TEXT,
        "pattern": _anchored(_DECIMAL),
    },
    _DATETIME_DEF: {
        "title": "DateTime",
        "description": "An ISO 8601 date-time as Python's datetime.isoformat() writes it.",
        "type": "string",
        "pattern": _anchored(f"{_DATETIME}(?:{_OFFSET})?"),
    },
    _FACTUALITY: {
        "title": "Factuality",
        "description": "How committed a claimant is, as a FactBank code: certainty (CT, PR, PS, U) "
        "and polarity (+, -, u).",
        "type": "string",
        "enum": sorted(_FACTUALITY_CODES),
    },
    _MOMENT_DEF: {
        "title": "Moment",
        "description": "One date or date-time in EDTF (ISO 8601-2) levels 0 and 1, with an optional "
        "RFC 9557 zone name: 2022, 2022-03, 2022-21 (spring), 2022-03-27, 201X, "
        "2022-03-27T14:05:00+03:00[Europe/Kyiv], 2022-03~. The pattern is approximate: "
        "eventmodel's parser is the authority.",
        "type": "string",
        "maxLength": MAX_TEXT_LENGTH,
        "pattern": _anchored(_MOMENT),
    },
    _INTERVAL_DEF: {
        "title": "Interval",
        "description": "An EDTF interval between two moments, either end of which may be open (..) "
        "or unknown (empty): 2022-02-24/2022-03-27, 2022-02-24/.., /2022. The pattern is "
        "approximate: eventmodel's parser is the authority.",
        "type": "string",
        "maxLength": MAX_TEXT_LENGTH,
        "pattern": _anchored(_INTERVAL),
    },
    _RELATIVE: {
        "title": "Relative",
        "description": "A time as words relative to something else, with what they are relative "
        "to and, once resolved, the absolute time they name. Unknown members are refused even "
        "when reading leniently.",
        "type": "object",
        "properties": {
            "relative": {
                "description": "The words as the source wrote them.",
                "type": "string",
                "minLength": 1,
                "maxLength": MAX_RELATIVE_TEXT,
            },
            "anchor": _ref(_ANCHOR),
            "inverse": {
                "description": "Whether the words say where the anchor lies as seen from this time, "
                "to be read backwards.",
                "type": "boolean",
                "default": False,
            },
            "week_start": {
                "description": "The day the speaker's weeks begin on, for words such as 'last week'.",
                "enum": sorted(WEEK_STARTS),
                "default": "monday",
            },
            "resolved": {
                "description": "The absolute time the words name, once known.",
                "anyOf": [_ref(_MOMENT_DEF), _ref(_INTERVAL_DEF), {"type": "null"}],
            },
        },
        "required": ["relative", "anchor"],
        "additionalProperties": False,
    },
    _ANCHOR: {
        "title": "Anchor",
        "description": 'What the words of a relative time are relative to: "publication" (of the '
        'source), "made_at" (when the claim was made), "event:<id>" (another event), "claim:<id>" '
        '(when another claim was made) or "source:<id>" (another source\'s publication).',
        "type": "string",
        "pattern": _anchored(f"publication|made_at|(?:event|claim|source):{_ID_BODY}"),
    },
    _WHEN: {
        "title": "When",
        "description": "A time as a source states it: an EDTF moment or interval, or a relative time.",
        "anyOf": [_ref(_MOMENT_DEF), _ref(_INTERVAL_DEF), _ref(_RELATIVE)],
    },
}

#: Type → the fixed definition that describes it.
_FIXED_TYPES: Final[dict[type, str]] = {
    Decimal: _DECIMAL_DEF,
    datetime: _DATETIME_DEF,
    Factuality: _FACTUALITY,
    When: _WHEN,
    Moment: _MOMENT_DEF,
    Interval: _INTERVAL_DEF,
    Relative: _RELATIVE,
    Anchor: _ANCHOR,
}

# -- what kinds say ------------------------------------------------------------------------


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "AEIOU" else f"a {noun}"


def _refine(schema: dict[str, Any], refinement: Mapping[str, Any]) -> dict[str, Any]:
    """*schema* with what a validator adds: a ``$ref`` replaces it, the rest merges in."""
    if "$ref" in refinement:
        return dict(refinement)
    merged = dict(schema)
    for key, value in refinement.items():
        if isinstance(value, dict) and "$ref" not in value and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


# -- docstrings ----------------------------------------------------------------------------

_ROLE: Final = re.compile(r":[a-z]+:`~?([^`]+)`")
_ARG: Final = re.compile(r"(\w+): (.*)")


def _plain(text: str) -> str:
    """Docstring markup (roles, literals) as plain text, on one line."""
    text = _ROLE.sub(lambda match: match.group(1).rsplit(".", 1)[-1], text)
    return " ".join(text.replace("``None``", "null").replace("``", "`").split())


def _docstring(cls: type) -> str:
    """The class's own docstring (not one it inherits), cleaned."""
    doc = vars(cls).get("__doc__")
    return inspect.cleandoc(doc) if isinstance(doc, str) else ""


def _summary(cls: type) -> str:
    return _plain(_docstring(cls).split("\n\n", 1)[0])


def _argument_docs(cls: type) -> dict[str, str]:
    """The descriptions of a class's arguments, from the ``Args:`` section of its docstring."""
    docs: dict[str, list[str]] = {}
    current: list[str] | None = None
    in_args = False
    for line in _docstring(cls).splitlines():
        if line.strip() == "Args:":
            in_args = True
            continue
        if not in_args:
            continue
        if line and not line.startswith(" "):
            break  # the next section
        body = line.strip()
        match = _ARG.fullmatch(body) if line.startswith("    ") and not line.startswith("     ") else None
        if match is not None:
            current = docs.setdefault(match.group(1), [])
            current.append(match.group(2))
        elif body and current is not None:
            current.append(body)
    return {name: _plain(" ".join(lines)) for name, lines in docs.items()}


# -- building ------------------------------------------------------------------------------


def _kebab(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower()


def _json_value(value: Any) -> Any:
    """A value the converter wrote, as plain JSON (tuples as lists)."""
    if isinstance(value, (tuple, list)):
        return [_json_value(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _json_value(item) for key, item in value.items()}
    return value


class _Builder:
    """Walks the model classes and collects a ``$defs`` entry for each."""

    def __init__(self, registry: TypeRegistry, *, strict: bool) -> None:
        self.strict = strict
        self.tags: dict[str, type] = {tag: registry.class_of(tag) for tag in registry}
        self.tag_of: dict[type, str] = {cls: tag for tag, cls in self.tags.items()}
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[type, str] = {}

    # -- names and fixed definitions

    def name_of(self, cls: type) -> str:
        name = self.names.get(cls)
        if name is not None:
            return name
        tag = self.tag_of.get(cls)
        name = tag if tag is not None and tag.startswith("x-") else cls.__name__
        if name in self.defs or name in _FIXED_DEFS or name == _UNRECOGNIZED:
            name = f"{cls.__module__}.{cls.__qualname__}"
        self.names[cls] = name
        return name

    # -- types

    def type_schema(self, hint: Any, where: str) -> dict[str, Any]:
        """The schema of a value of type *hint*, as the converter writes it."""
        if hint is Any or hint is object:
            return {}
        if isinstance(hint, type):
            return self.class_schema(hint, where)
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            return self.union_schema(args, where)
        if origin is typing.Literal:
            return {"enum": [_json_value(converter.unstructure(arg)) for arg in args]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0], where)}
        if origin is tuple:
            return {
                "type": "array",
                "prefixItems": [self.type_schema(arg, where) for arg in args],
                "items": False,
                "minItems": len(args),
            }
        if isinstance(origin, type) and issubclass(origin, Mapping):
            value_type = args[1] if len(args) == 2 else Any
            values = self.type_schema(value_type, where)
            return {"type": "object", "additionalProperties": values} if values else {"type": "object"}
        if isinstance(origin, type) and issubclass(origin, Sequence) and not issubclass(origin, str):
            return {"type": "array", "items": self.type_schema(args[0], where)} if args else {"type": "array"}
        return self.unknown(hint, where)

    def unknown(self, hint: object, where: str) -> dict[str, Any]:
        return {"description": f"{where}: a value of type {hint!r}, which this schema does not describe."}

    def class_schema(self, cls: type, where: str) -> dict[str, Any]:
        for fixed_type, name in _FIXED_TYPES.items():
            if cls is fixed_type:
                return _ref(name)
        if issubclass(cls, Enum):
            return _ref(self.enum_def(cls))
        if cls is bool:
            return {"type": "boolean"}
        if cls is int:
            return {"type": "integer"}
        if cls is float:
            return {"type": "number"}
        if cls is str:
            return {"type": "string"}
        if cls is type(None):
            return {"type": "null"}
        if issubclass(cls, FrozenDict) or issubclass(cls, Mapping):
            return {"type": "object"}
        if issubclass(cls, (tuple, list)):
            return {"type": "array"}
        if attrs.has(cls) and not issubclass(cls, When):
            if cls in self.tag_of:
                return self.tagged_schema([cls])
            return _ref(self.attrs_def(cls))
        return self.unknown(cls, where)

    def union_schema(self, args: tuple[Any, ...], where: str) -> dict[str, Any]:
        nullable = type(None) in args
        members = [arg for arg in args if arg is not type(None)]
        tagged = [arg for arg in members if isinstance(arg, type) and arg in self.tag_of]
        alternatives: list[dict[str, Any]] = []
        if tagged:
            alternatives.append(self.tagged_schema(tagged))
        alternatives += [self.type_schema(arg, where) for arg in members if arg not in tagged]
        schema = alternatives[0] if len(alternatives) == 1 else {"anyOf": alternatives}
        return _nullable(schema) if nullable else schema

    def tagged_schema(self, bases: list[type]) -> dict[str, Any]:
        """
        An object of one of *bases* or of a registered subclass, chosen by its
        ``"type"``; reading leniently, one of an unknown type too.
        """
        classes = [cls for cls in self.tags.values() if issubclass(cls, tuple(bases))]
        alternatives = [_ref(self.attrs_def(cls)) for cls in classes]
        if not self.strict:
            alternatives.append(self.unrecognized())
        return alternatives[0] if len(alternatives) == 1 else {"oneOf": alternatives}

    def unrecognized(self) -> dict[str, Any]:
        if _UNRECOGNIZED not in self.defs:
            self.defs[_UNRECOGNIZED] = {
                "title": "Unrecognized",
                "description": "An object of a type this version does not know, accepted when reading "
                "leniently: the dossier keeps the top-level object that holds it unread, to be "
                "written back unchanged.",
                "type": "object",
                "properties": {"type": {"type": "string", "not": {"enum": list(self.tags)}}},
                "required": ["type"],
            }
        return _ref(_UNRECOGNIZED)

    def enum_def(self, cls: type[Enum]) -> str:
        name = self.name_of(cls)
        if name not in self.defs:
            values = [_json_value(converter.unstructure(member)) for member in cls]
            schema: dict[str, Any] = {"title": cls.__name__}
            summary = _summary(cls)
            if summary:
                schema["description"] = summary
            if all(isinstance(value, str) for value in values):
                schema["type"] = "string"
            schema["enum"] = values
            self.defs[name] = schema
        return name

    # -- classes

    def attrs_def(self, cls: type) -> str:
        """The name of the definition of an attrs class's document, made on first use."""
        name = self.name_of(cls)
        if name in self.defs:
            return name
        self.defs[name] = {}  # taken, for classes that refer to themselves
        hints = _type_hints(cls)
        fields = attrs.fields(cls)
        tag = self.tag_of.get(cls)
        arguments = _argument_docs(cls)
        for base in cls.__mro__[1:]:
            if attrs.has(base):
                arguments = {**_argument_docs(base), **arguments}
        known = [field for field in fields if field.init and field.name != "extras"]
        known.sort(key=lambda field: field.name != "id")  # "id" first, as written
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for field in known:
            schema = self.field_schema(cls, field, hints.get(field.name, Any))
            description = arguments.get(field.name)
            if description:
                schema = {
                    "description": description,
                    **{k: v for k, v in schema.items() if k != "description"},
                }
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        definition: dict[str, Any] = {"title": cls.__name__}
        summary = _summary(cls)
        if summary:
            definition["description"] = summary
        definition |= {"type": "object", "properties": properties}
        if required:
            definition["required"] = required
        has_extras = any(field.name == "extras" for field in fields)
        if self.strict or not has_extras:
            definition["additionalProperties"] = False
        else:
            # A value object may keep a "type" member; the nouns declare theirs as a property.
            reserved = {field.name for field in fields} - set(properties)
            definition["propertyNames"] = {"minLength": 1, "not": {"enum": sorted(reserved)}}
        self.defs[name] = definition
        return name

    def field_schema(self, cls: type, field: attrs.Attribute[Any], hint: Any) -> dict[str, Any]:
        where = f"{cls.__name__}.{field.name}"
        args = typing.get_args(hint)
        nullable = typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args
        if nullable:
            rest = tuple(arg for arg in args if arg is not type(None))
            schema = self.type_schema(rest[0], where) if len(rest) == 1 else self.union_schema(rest, where)
        else:
            schema = self.type_schema(hint, where)
        kind = kind_of(field)
        if kind is not None:  # what the field's kind says beyond its type
            schema = _refine(schema, kind.json_schema())
        if nullable:
            schema = _nullable(schema)
        default = _default(field)
        if default is not _NO_DEFAULT:
            schema = {**schema, "default": default}
        return schema


_UNRESOLVABLE: Final = (NameError, TypeError, AttributeError, SyntaxError)


def _type_hints(cls: type) -> dict[str, Any]:
    """The types of a class's fields; ``Any`` for one whose annotation cannot be resolved."""
    try:
        return typing.get_type_hints(cls)
    except _UNRESOLVABLE:
        pass
    hints: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):  # each annotation alone, in its own module
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            alone = type(
                "_Annotation", (), {"__annotations__": {name: annotation}, "__module__": klass.__module__}
            )
            try:
                hints[name] = typing.get_type_hints(alone)[name]
            except _UNRESOLVABLE:
                hints[name] = Any
    return hints


def _is_json(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if value is None or isinstance(value, (bool, int, str)):
        return True
    if isinstance(value, list):
        return all(_is_json(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and _is_json(item) for key, item in value.items())
    return False


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """*schema*, or null."""
    kind = schema.get("type")
    if isinstance(kind, str) and "$ref" not in schema and "enum" not in schema and "const" not in schema:
        return {**schema, "type": [kind, "null"]}
    if list(schema) == ["anyOf"]:
        return {"anyOf": [*schema["anyOf"], {"type": "null"}]}
    description = schema.get("description")
    inner = {key: value for key, value in schema.items() if key != "description"}
    nullable: dict[str, Any] = {"anyOf": [inner, {"type": "null"}]}
    if description is not None:
        nullable = {"description": description, **nullable}
    return nullable


_NO_DEFAULT: Final = object()


def _default(field: attrs.Attribute[Any]) -> Any:
    """A field's default as its JSON value (the value a document leaves out), if it has one."""
    default = field.default
    if default is attrs.NOTHING or default is AUTO:
        return _NO_DEFAULT
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class, typed as a function
        factory: Any = default
        if factory.takes_self:
            return _NO_DEFAULT
        default = factory.factory()
    try:
        value = _json_value(converter.unstructure(default))
    except Exception:  # noqa: BLE001  # pragma: no cover - a default the converter cannot write is left out
        return _NO_DEFAULT
    return value if _is_json(value) else _NO_DEFAULT


def _references(value: object) -> set[str]:
    """The names of the definitions that *value* refers to."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                found.add(ref.removeprefix("#/$defs/"))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _assemble(
    builder: _Builder, root: dict[str, Any], *, name: str, title: str, description: str
) -> dict[str, Any]:
    suffix = "" if builder.strict else "-lenient"
    used = _references([root, builder.defs])
    while True:  # the fixed definitions refer to one another
        more = _references([_FIXED_DEFS[name] for name in used if name in _FIXED_DEFS]) - used
        if not more:
            break
        used |= more
    defs = {key: value for key, value in _FIXED_DEFS.items() if key in used}
    defs |= dict(sorted(builder.defs.items()))
    return {
        "$schema": _DIALECT,
        "$id": f"{_SCHEMA_BASE}{name}{suffix}.json",
        "title": title,
        "description": description,
        **root,
        "$defs": defs,
    }


def _mode_text(strict: bool) -> str:
    if strict:
        return (
            "Strict: members and types this version does not know are refused, as "
            "eventmodel.json.loads() refuses them by default; json_schema(strict=False) gives the "
            "lenient variant, for documents read with strict=False."
        )
    return (
        "Lenient: as eventmodel.json.loads(..., strict=False) reads, objects may carry members this "
        "version does not know (kept as extras), and an object of an unknown type is kept as "
        "written (Unrecognized), along with the top-level object that holds it."
    )


def _custom_text(builder: _Builder) -> str:
    custom = [tag for tag in builder.tags if tag.startswith("x-")]
    return f" Custom types: {', '.join(custom)}." if custom else ""


def json_schema(*, registry: TypeRegistry | None = None, strict: bool = True) -> dict[str, Any]:
    """
    The JSON Schema (Draft 2020-12) of a dossier's document, as
    :func:`eventmodel.json.dumps` writes it and :func:`eventmodel.json.loads`
    reads it: ``{"eventmodel": "1.0", "actors": [...], "sources": [...],
    "claims": [...]}``, with a definition in ``$defs`` for each class.

    The schema is built afresh on each call, from the model classes and the
    types registered at that moment.

    Args:
        registry: The registry whose types the schema includes; by default
            :data:`eventmodel.registry`, which :mod:`eventmodel.json` uses.
        strict: ``True`` (the default) describes what ``loads()`` accepts by
            default, refusing members and types it does not know
            (``additionalProperties: false``). ``False`` describes what
            ``loads(..., strict=False)`` accepts: unknown members and objects
            of unknown types too.

    Returns:
        The schema, as a dict of plain JSON values (``json.dumps`` writes it).

    .. versionadded:: 0.1.0

    """
    builder = _Builder(registry if registry is not None else _default_registry, strict=strict)
    properties: dict[str, Any] = {
        "eventmodel": {
            "description": "The version of the document format: this version writes "
            f"{FORMAT_VERSION!r} and reads any 1.x.",
            "type": "string",
            "pattern": r"^1\.",
            "examples": [FORMAT_VERSION],
        }
    }
    for name, base in _DOSSIER_LISTS.items():
        properties[name] = {"type": "array", "items": builder.tagged_schema([base]), "default": []}
    root = {
        "type": "object",
        "properties": properties,
        "required": ["eventmodel"],
        "additionalProperties": not strict,
    }
    description = (
        "A dossier of eventmodel's document format "
        f"{FORMAT_VERSION}: the actors, sources and claims of a matter, with who said what. "
        "Fields at their defaults are left out. Numbers that are not integers are strings; "
        "times are EDTF strings or relative-time objects. "
        + _mode_text(strict)
        + " The patterns for times are approximate, and rules that tie members together are "
        "not expressed: eventmodel's reader is the authority." + _custom_text(builder)
    )
    return _assemble(
        builder, root, name="dossier", title=f"eventmodel dossier {FORMAT_VERSION}", description=description
    )


def json_schema_for(
    cls: type, *, registry: TypeRegistry | None = None, strict: bool = True
) -> dict[str, Any]:
    """
    The JSON Schema (Draft 2020-12) of the document of one class, as
    :func:`eventmodel.json.dumps` writes an object of it and
    :func:`eventmodel.json.loads` reads one (``loads(text, cls)``).

    For a class with a type tag, such as :class:`~eventmodel.Claim`, the
    schema also admits the registered types derived from it, as ``loads``
    does. For :class:`~eventmodel.Dossier` it is :func:`json_schema`.

    Args:
        cls: A model class (``Claim``, ``Actor``, ``Quantity``, ``When``,
            ``Factuality``, a registered custom type, ...) or ``Dossier``.
        registry: As for :func:`json_schema`.
        strict: As for :func:`json_schema`.

    Returns:
        The schema, as a dict of plain JSON values.

    Raises:
        InvalidTypeError: For a class that is not a model class.

    .. versionadded:: 0.1.0

    """
    if cls is Dossier:
        return json_schema(registry=registry, strict=strict)
    given: object = cls  # checked at run time: callers may pass anything
    if not isinstance(given, type) or not (attrs.has(given) or issubclass(given, (When, Enum))):
        raise InvalidTypeError(
            "needs a model class or Dossier",
            field="json_schema_for()",
            value=cls,
            fix="pass a class such as eventmodel.Claim or eventmodel.Quantity",
        )
    builder = _Builder(registry if registry is not None else _default_registry, strict=strict)
    root = builder.class_schema(cls, cls.__name__)
    tag = builder.tag_of.get(cls)
    name = tag if tag is not None else _kebab(cls.__name__)
    description = (
        f"The document of {_article(cls.__name__)} in eventmodel's format {FORMAT_VERSION}. "
        + _mode_text(strict)
        + " Patterns for times are approximate: eventmodel's reader is the authority."
        + _custom_text(builder)
    )
    return _assemble(
        builder,
        root,
        name=name,
        title=f"eventmodel {cls.__name__} {FORMAT_VERSION}",
        description=description,
    )
