"""
Constructors generated once per built-in class, for values already in shape.

attrs' ``__init__`` calls one converter and one validator for each field,
each a Python function call, even when the value is of the common, already
correct kind (an id that matches the pattern, a list of the right objects,
``None`` for an optional field, an enum member). For each built-in model
class, this module generates an ``__init__`` that checks those common cases
inline and sets the slots directly, then runs ``__attrs_post_init__`` as
attrs' does. The moment any value is not on a fast path, it calls the
class's original attrs ``__init__`` with the caller's arguments, so that
conversion, validation and every error are exactly as before.

A fast path only ever accepts what the field's converter and validator
accept, and stores what the converter would return: it checks exact types
(``value.__class__ is str``), never calls anything with side effects on the
caller's values (lists and dicts are copied, other iterables left to attrs),
and calls a field's own converter only on plain strings and ints, which the
converters read without side effects. Every field of every built-in class
must be known here, or generating the constructor fails when eventmodel is
imported.

Only the exact built-in classes get one: a subclass has its own attrs
``__init__`` (attrs makes one for every class it decorates), and a subclass
that inherits this one falls back to attrs' for its instances. With attrs'
validators switched off (``attrs.validators.set_disabled``) the original
runs too. The original stays reachable as :func:`attrs_init`, for tests.
"""

from __future__ import annotations

import inspect
import linecache
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attr._config
import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict

from . import _actor, _claim, _confidence, _event, _evidence, _place, _quantity, _source
from ._actor import Actor, Affiliation
from ._claim import MAX_CLAIM_DEPTH, Claim
from ._confidence import Confidence
from ._event import Event, Participant, Proposition
from ._evidence import Evidence, TextQuote, TextSpan
from ._factuality import _BY_CODE, Factuality
from ._ids import AUTO, id_or_auto
from ._place import GeoPoint, Place
from ._quantity import Quantity
from ._source import Source

__all__ = ["CLASSES", "attrs_init"]

#: The classes that get a generated constructor.
CLASSES: Final = (
    Actor,
    Affiliation,
    Source,
    Claim,
    Event,
    Proposition,
    Participant,
    Place,
    GeoPoint,
    Quantity,
    Confidence,
    Evidence,
    TextQuote,
    TextSpan,
)

_originals: dict[type, Callable[..., None]] = {}


def attrs_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` attrs made for *cls*, which the generated one falls back to."""
    original = _originals.get(cls)
    return original if original is not None else cls.__init__  # type: ignore[misc]


class _FallBackError(Exception):
    """A value is not on a fast path: attrs' ``__init__`` builds the object."""


#: Converters that return an id (a string) or ``None`` unchanged.
_REF_CONVERTERS: Final = frozenset(
    {
        _claim._actor_ref,
        _claim._event_ref,
        _event._actor_ref,
        _evidence._source_ref,
        _actor._actor_ref,
        _source._actor_ref,
    }
)
#: Converters that return an empty tuple unchanged, a tuple of strings unchanged, and a list of strings as a tuple.
_REFS_CONVERTERS: Final = frozenset(
    {_claim._claim_refs, _event._actor_refs, _source._actor_refs, _source._source_refs}
)
#: Converters that return a tuple unchanged and a list as a tuple.
_TUPLE_CONVERTERS: Final = frozenset(
    {_event._participants, _claim._evidence, _actor._affiliations, _actor._aliases, _place._admin}
)
#: Converters that return a FrozenDict unchanged, an empty dict as EMPTY and another dict as a FrozenDict.
_MAPPING_CONVERTERS: Final = frozenset({_event._quantities, _event._details, _actor._identifiers})
#: Converters that return a member unchanged and a plain string as the member of that value (or unchanged).
_ENUM_CONVERTERS: Final = frozenset(
    {_claim._speech_act, _source._kind, _actor._kind, _confidence._scale, _source._reliability}
)
#: Converters that return None and a Decimal unchanged, and read plain strings and ints as Decimals.
_DECIMAL_CONVERTERS: Final = frozenset({_quantity._decimal, _place._coordinate, _place._optional_coordinate})


#: The local names of a generated constructor besides its parameters and the `v_` values.
_LOCALS: Final = frozenset({"self", "f", "c", "i", "k", "d", "y", "items"})


def _closure(function: Any) -> dict[str, Any]:
    """The values a validator made by a factory closes over, by name."""
    cells = function.__closure__ or ()
    return {name: cell.cell_contents for name, cell in zip(function.__code__.co_freevars, cells, strict=True)}


def _qualname(function: object) -> str:
    return getattr(function, "__qualname__", "")


class _InitSource:
    """The source of one class's constructor, and the names it uses."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.lines: list[str] = []
        self.names: dict[str, Any] = {
            "_g_FallBack": _FallBackError,
            "_g_MAX_ID_LENGTH": v.MAX_ID_LENGTH,
            "_g_MAX_NUMBER_TEXT": v.MAX_NUMBER_TEXT,
            "_g_id_match": v._ID.fullmatch,
            "_g_sound": v.sound_text,
            "_g_EMPTY": EMPTY,
            "_g_AUTO": AUTO,
            "_g_FrozenDict": FrozenDict,
            "_g_Decimal": Decimal,
            "_g_tuple": tuple,
            "_g_list": list,
            "_g_dict": dict,
            "_g_str": str,
            "_g_int": int,
            "_g_isinstance": isinstance,
            "_g_len": len,
            "_g_config": attr._config,
            "_g_cls": cls,
        }

    def name(self, value: Any) -> str:
        key = f"_g_n{len(self.names)}"
        self.names[key] = value
        return key

    # -- checks, each on the local `f`; `raise _g_FallBack` leaves the value to attrs ----------

    def add(self, line: str, indent: str) -> None:
        self.lines.append(indent + line)

    def id_check(self, var: str, indent: str) -> None:
        # In ASCII, the id pattern admits the printable characters but the space: no match object made.
        self.add(
            f"if {var}.__class__ is not _g_str or _g_len({var}) > _g_MAX_ID_LENGTH or not (({var}.isprintable() "
            f"and ' ' not in {var} and {var} != '') if {var}.isascii() else _g_id_match({var})): raise _g_FallBack",
            indent,
        )

    def text_check(self, var: str, indent: str, *, empty_ok: bool = False) -> None:
        empty = "" if empty_ok else f"not {var} or "
        self.add(
            f"if {var}.__class__ is not _g_str or {empty}not ({var}.isascii() or _g_sound({var})): raise _g_FallBack",
            indent,
        )

    def sequence(self, indent: str) -> None:
        """A list or a tuple, the list made a tuple after its items are checked (in `item_lines`)."""
        self.add("c = f.__class__", indent)
        self.add("if c is not _g_tuple and c is not _g_list: raise _g_FallBack", indent)
        self.add("for i in f:", indent)

    def decimal(self, converter: Any, indent: str, *, optional: bool) -> None:
        """A finite Decimal, as the converter reads a plain string or int; *optional*: or None."""
        start = (
            "if f is not None and f.__class__ is not _g_Decimal:"
            if optional
            else "if f.__class__ is not _g_Decimal:"
        )
        self.add(start, indent)
        self.add(
            "    if f.__class__ is _g_str and f.isascii() and f.isdigit() and _g_len(f) <= _g_MAX_NUMBER_TEXT:",
            indent,
        )
        self.add("        f = _g_Decimal(f)  # what the converter makes of plain digits", indent)
        self.add("    elif f.__class__ is _g_str or f.__class__ is _g_int:", indent)
        self.add(f"        f = {self.name(converter)}(f)", indent)
        self.add("    else:", indent)
        self.add("        raise _g_FallBack", indent)
        self.add("    if f.__class__ is not _g_Decimal: raise _g_FallBack", indent)
        if optional:
            self.add("if f is not None and not f.is_finite(): raise _g_FallBack", indent)
        else:
            self.add("if not f.is_finite(): raise _g_FallBack", indent)

    def field(self, field: attrs.Attribute[Any], indent: str) -> None:  # noqa: PLR0915 - one branch per kind of field
        cls = self.cls
        converter: Any = field.converter
        validator: Any = field.validator
        vname = _qualname(validator)
        own = f"{cls.__qualname__}._check_{field.name}"
        add = self.add
        if validator is v.extras and converter is v.to_extras:
            add("if f is not _g_EMPTY: raise _g_FallBack", indent)
        elif validator is id_or_auto and converter is None:
            add("if f is not _g_AUTO:", indent)
            self.id_check("f", indent + "    ")
        elif vname == "reference.<locals>.validate" and converter in _REF_CONVERTERS:
            if _closure(validator)["optional"]:
                add("if f is not None:", indent)
                self.id_check("f", indent + "    ")
            else:
                self.id_check("f", indent)
        elif vname == "references.<locals>.validate" and converter in _REFS_CONVERTERS:
            add("if f.__class__ is not _g_tuple or f:", indent)
            self.sequence(indent + "    ")
            self.id_check("i", indent + "        ")
            add("    if c is _g_list: f = _g_tuple(f)", indent)
        elif validator is v.optional_identifier and converter is None:
            add("if f is not None:", indent)
            self.id_check("f", indent + "    ")
        elif validator is v.text and converter is None:
            self.text_check("f", indent)
        elif validator is v.optional_text and converter is None:
            add("if f is not None:", indent)
            self.text_check("f", indent + "    ")
        elif validator is v.optional_any_text and converter is None:
            add("if f is not None:", indent)
            self.text_check("f", indent + "    ", empty_ok=True)
        elif validator is v.texts and converter in _TUPLE_CONVERTERS:
            self.sequence(indent)
            self.text_check("i", indent + "    ")
            add("if c is _g_list: f = _g_tuple(f)", indent)
        elif vname == "tuple_of.<locals>.validate" and converter in _TUPLE_CONVERTERS:
            kind = _closure(validator)["kind"]
            self.sequence(indent)
            add(f"    if i.__class__ is not {self.name(kind)}: raise _g_FallBack", indent)
            add("if c is _g_list: f = _g_tuple(f)", indent)
        elif vname == "mapping_of.<locals>.validate" and converter in _MAPPING_CONVERTERS:
            closure = _closure(validator)
            kind, empty_values = closure["kind"], closure["empty_values"]
            add("if f is not _g_EMPTY:", indent)
            add("    c = f.__class__", indent)
            add("    if c is _g_dict:", indent)
            add("        items = f", indent)
            add("    elif c is _g_FrozenDict:", indent)
            add("        items = f._data", indent)
            add("    else:", indent)
            add("        raise _g_FallBack", indent)
            add("    for k, i in items.items():", indent)
            self.text_check("k", indent + "        ")
            if kind is str:
                self.text_check("i", indent + "        ", empty_ok=empty_values)
            else:
                add(f"        if i.__class__ is not {self.name(kind)}: raise _g_FallBack", indent)
            add("    if c is _g_dict:", indent)
            add("        f = _g_FrozenDict(f) if f else _g_EMPTY", indent)
        elif vname == "optional_instance_of.<locals>.validate" and converter is None:
            add(
                f"if f is not None and not _g_isinstance(f, {self.name(_closure(validator)['kind'])}):",
                indent,
            )
            add("    raise _g_FallBack", indent)
        elif vname in ("member_of.<locals>.validate", "optional_member_of.<locals>.validate") and (
            converter in _ENUM_CONVERTERS
        ):
            closure = _closure(validator)
            kind = closure["kind"] if "kind" in closure else _closure(closure["inner"])["kind"]
            members = {member.value: member for member in kind}
            optional = vname.startswith("optional")
            add(f"if {'f is not None and ' if optional else ''}f.__class__ is not {self.name(kind)}:", indent)
            add(f"    f = {self.name(members)}.get(f) if f.__class__ is _g_str else None", indent)
            add("    if f is None: raise _g_FallBack", indent)
        elif validator is v.boolean and converter is None:
            add("if f is not True and f is not False: raise _g_FallBack", indent)
        elif validator is v.optional_finite_decimal and converter in _DECIMAL_CONVERTERS:
            self.decimal(converter, indent, optional=True)
        elif vname == "whole_number.<locals>.validate" and converter is None:
            closure = _closure(validator)
            low, high = closure["minimum"], closure["maximum"]
            if low is None or high is None:
                raise TypeError(f"no fast path for {cls.__name__}.{field.name}")
            add(f"if f.__class__ is not _g_int or not {low!r} <= f <= {high!r}: raise _g_FallBack", indent)
        # The classes' own validators (@field.validator), each with what it checks.
        elif vname == own and (cls, field.name) == (Claim, "content"):
            add("c = f.__class__", indent)
            add(f"if c is {self.name(Claim)}:", indent)
            add("    d = 2", indent)
            add("    y = f.content", indent)
            add(f"    while _g_isinstance(y, {self.name(Claim)}):", indent)
            add("        d += 1", indent)
            add("        y = y.content", indent)
            add(f"    if d > {MAX_CLAIM_DEPTH!r}: raise _g_FallBack", indent)
            add(f"elif c is not {self.name(Event)} and c is not {self.name(Proposition)}:", indent)
            add("    raise _g_FallBack", indent)
        elif vname == own and (cls, field.name) == (Claim, "factuality") and converter is _claim._factuality:
            add(f"if f.__class__ is not {self.name(Factuality)}:", indent)
            add(f"    f = {self.name(_BY_CODE)}.get(f) if f.__class__ is _g_str else None", indent)
            add("    if f is None: raise _g_FallBack", indent)
        elif vname == own and (cls, field.name) == (Event, "kind") and converter is None:
            add(f"if f.__class__ is not _g_str or not {self.name(_event._EVENT_KIND.fullmatch)}(f):", indent)
            add("    raise _g_FallBack", indent)
        elif vname == own and (cls, field.name) == (Place, "country") and converter is None:
            match = self.name(_place._COUNTRY.fullmatch)
            add(
                f"if f is not None and (f.__class__ is not _g_str or not {match}(f)): raise _g_FallBack",
                indent,
            )
        elif vname == own and (cls, field.name) == (Source, "url") and converter is None:
            add("if f is not None:", indent)
            self.text_check("f", indent + "    ")
            add(f"    if not {self.name(_source._URL.fullmatch)}(f): raise _g_FallBack", indent)
        elif vname == own and (cls, field.name) == (Source, "language") and converter is None:
            match = self.name(_source._LANGUAGE.fullmatch)
            add(
                f"if f is not None and (f.__class__ is not _g_str or not {match}(f)): raise _g_FallBack",
                indent,
            )
        elif vname == own and (cls, field.name) == (Source, "retrieved") and converter is None:
            add("if f is not None: raise _g_FallBack", indent)
        elif (
            vname in (f"{cls.__qualname__}._check_lat", f"{cls.__qualname__}._check_lon")
            and cls is GeoPoint
            and converter is _place._coordinate
        ):
            limit = 90 if field.name == "lat" else 180
            self.decimal(converter, indent, optional=False)
            add(f"if not -{limit} <= f <= {limit}: raise _g_FallBack", indent)
        elif vname == "GeoPoint._check_precision" and (cls, field.name) == (GeoPoint, "precision_m"):
            if converter is not _place._optional_coordinate:
                raise TypeError(f"no fast path for {cls.__name__}.{field.name}")
            self.decimal(converter, indent, optional=True)
            add("if f is not None and f < 0: raise _g_FallBack", indent)
        elif (
            vname == own and (cls, field.name) == (Confidence, "value") and converter is _confidence._percent
        ):
            add(
                "if f is not None and (f.__class__ is not _g_int or not 0 <= f <= 100): raise _g_FallBack",
                indent,
            )
        elif validator is v.optional_text and (cls, field.name) == (Confidence, "label"):
            if converter is not _confidence._label:
                raise TypeError(f"no fast path for {cls.__name__}.{field.name}")
            add("if f is not None: raise _g_FallBack", indent)  # labels are tidied by the converter
        else:
            raise TypeError(f"no fast path for {cls.__name__}.{field.name}")

    def build(self) -> Callable[..., None]:
        cls = self.cls
        original = cls.__init__  # type: ignore[misc]
        signature = inspect.signature(original)
        fields = {field.alias: field for field in attrs.fields(cls)}
        params: list[str] = []
        call: list[str] = []
        keyword_only = False
        for parameter in list(signature.parameters.values())[1:]:
            if parameter.kind is parameter.KEYWORD_ONLY and not keyword_only:
                params.append("*")
                keyword_only = True
            elif parameter.kind not in (parameter.KEYWORD_ONLY, parameter.POSITIONAL_OR_KEYWORD):
                raise TypeError(f"unexpected parameter {parameter} of {cls.__name__}.__init__")
            default = "" if parameter.default is parameter.empty else f"={self.name(parameter.default)}"
            params.append(f"{parameter.name}{default}")
            call.append(f"{parameter.name}={parameter.name}" if keyword_only else parameter.name)
        names = [param.split("=")[0] for param in params if param != "*"]
        if set(names) != set(fields) or set(names) & _LOCALS:
            raise TypeError(f"the parameters of {cls.__name__}.__init__ are not its fields")
        self.names["_g_original"] = original
        add = self.lines.append
        add(f"def __init__(self, {', '.join(params)}):")
        add("    if self.__class__ is _g_cls and _g_config._run_validators is True:")
        add("        try:")
        for field in attrs.fields(cls):
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                raise TypeError(f"no fast path for {cls.__name__}.{field.name}, whose default is a factory")
            add(f"            f = {field.alias}")
            self.field(field, "            ")
            add(f"            v_{field.name} = f")
        add("        except _g_FallBack:")
        add("            pass")
        add("        else:")
        for field in attrs.fields(cls):
            slot = vars(cls).get(field.name)
            if slot is None or type(slot).__name__ != "member_descriptor":
                raise TypeError(f"{cls.__name__}.{field.name} is not a slot")
            add(f"            {self.name(slot.__set__)}(self, v_{field.name})")
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is not None:
            if post_init.__code__.co_names == ("settle_id",):  # it derives the id, if none was given
                add(f"            if v_id is _g_AUTO: {self.name(post_init)}(self)")
            else:
                add(f"            {self.name(post_init)}(self)")
        add("            return")
        add(f"    _g_original(self, {', '.join(call)})")
        return self.compile(original)

    def compile(self, original: Callable[..., None]) -> Callable[..., None]:
        """The constructor, made from the lines, named and annotated as attrs' *original*."""
        cls = self.cls
        namespace = dict(self.names)
        source = "\n".join(self.lines) + "\n"
        filename = f"<eventmodel constructor {cls.__module__}.{cls.__qualname__}>"
        # Kept where tracebacks and inspect.getsource look, as attrs keeps the source of its own.
        linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
        exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - code made here, from the class's fields
        init: Callable[..., None] = namespace["__init__"]
        for attribute in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(init, attribute, getattr(original, attribute))
        init.__annotations__ = dict(original.__annotations__)
        init.__code__ = init.__code__.replace(co_qualname=original.__qualname__)
        return init


def _install() -> None:
    for cls in CLASSES:
        if cls in _originals:  # pragma: no cover - installed once, at import
            continue
        init = _InitSource(cls).build()
        _originals[cls] = cls.__init__
        cls.__init__ = init  # type: ignore[method-assign]


_install()
