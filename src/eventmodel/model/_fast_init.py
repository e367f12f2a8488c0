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
converters read without side effects. What a field may hold, and what its
converter does, comes from the field's kind (:mod:`eventmodel.model._fields`),
never from recognising its functions: every kind a built-in class uses must
have a fast path here, or generating the constructor fails when eventmodel
is imported.

Only the exact built-in classes get one: a subclass has its own attrs
``__init__`` (attrs makes one for every class it decorates), and a subclass
that inherits this one falls back to attrs' for its instances. With attrs'
validators switched off (``attrs.validators.set_disabled``) the original
runs too. The original stays reachable as :func:`attrs_init`, for tests.
"""

from __future__ import annotations

import inspect
import linecache
import types
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict

from . import _fields as f
from ._actor import Actor, Affiliation
from ._claim import Claim
from ._confidence import Confidence
from ._event import Event, Participant, Proposition
from ._evidence import Evidence, TextQuote, TextSpan
from ._factuality import _BY_CODE, Factuality
from ._fields import kind_of
from ._ids import AUTO, settle_id
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


#: The local names of a generated constructor besides its parameters and the `v_` values.
_LOCALS: Final = frozenset({"self", "f", "c", "i", "k", "d", "y", "items"})


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
            "_g_fits": v.decimal_fits,
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
            "_g_disabled": attrs.validators.get_disabled,
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
            self.add("if f is not None and not _g_fits(f): raise _g_FallBack", indent)
        else:
            self.add("if not _g_fits(f): raise _g_FallBack", indent)

    def field(self, field: attrs.Attribute[Any], indent: str) -> None:  # noqa: PLR0915 - one branch per kind of field
        cls = self.cls
        kind = kind_of(field)
        add = self.add
        if isinstance(kind, f.Extras):
            add("if f is not _g_EMPTY: raise _g_FallBack", indent)
        elif isinstance(kind, f.Id):
            add("if f is not _g_AUTO:", indent)
            self.id_check("f", indent + "    ")
        elif isinstance(kind, f.Ref):  # the converter returns an id (or None) unchanged
            if kind.optional:
                add("if f is not None:", indent)
                self.id_check("f", indent + "    ")
            else:
                self.id_check("f", indent)
        elif isinstance(kind, f.Refs):  # the converter makes a list of ids a tuple
            add("if f.__class__ is not _g_tuple or f:", indent)
            self.sequence(indent + "    ")
            self.id_check("i", indent + "        ")
            add("    if c is _g_list: f = _g_tuple(f)", indent)
        elif isinstance(kind, f.OptionalId):
            add("if f is not None:", indent)
            self.id_check("f", indent + "    ")
        elif isinstance(kind, f.Text):
            if kind.optional:
                add("if f is not None:", indent)
                self.text_check("f", indent + "    ", empty_ok=kind.empty)
            else:
                self.text_check("f", indent, empty_ok=kind.empty)
        elif isinstance(kind, f.Texts):  # the converter makes a list a tuple
            self.sequence(indent)
            self.text_check("i", indent + "    ")
            add("if c is _g_list: f = _g_tuple(f)", indent)
        elif isinstance(kind, f.TupleOf):  # the converter makes a list a tuple
            self.sequence(indent)
            add(f"    if i.__class__ is not {self.name(kind.item)}: raise _g_FallBack", indent)
            add("if c is _g_list: f = _g_tuple(f)", indent)
        elif isinstance(kind, f.MappingOf):  # the converter makes a dict a FrozenDict
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
            if kind.item is str:
                self.text_check("i", indent + "        ", empty_ok=kind.empty)
            else:
                add(f"        if i.__class__ is not {self.name(kind.item)}: raise _g_FallBack", indent)
            add("    if c is _g_dict:", indent)
            add("        f = _g_FrozenDict(f) if f else _g_EMPTY", indent)
        elif isinstance(kind, f.Instance):
            add(f"if f is not None and not _g_isinstance(f, {self.name(kind.cls)}):", indent)
            add("    raise _g_FallBack", indent)
        elif isinstance(kind, f.Member):  # the converter reads a member's value
            members = {member.value: member for member in kind.enum}
            optional = "f is not None and " if kind.optional else ""
            add(f"if {optional}f.__class__ is not {self.name(kind.enum)}:", indent)
            add(f"    f = {self.name(members)}.get(f) if f.__class__ is _g_str else None", indent)
            add("    if f is None: raise _g_FallBack", indent)
        elif isinstance(kind, f.Flag):
            add("if f is not True and f is not False: raise _g_FallBack", indent)
        elif isinstance(kind, f.Number):
            self.decimal(field.converter, indent, optional=True)
        elif isinstance(kind, f.WholeNumber):
            add(
                f"if f.__class__ is not _g_int or not {kind.minimum!r} <= f <= {kind.maximum!r}: raise _g_FallBack",
                indent,
            )
        elif isinstance(kind, f.Percent):
            add(
                "if f is not None and (f.__class__ is not _g_int or not 0 <= f <= 100): raise _g_FallBack",
                indent,
            )
        elif isinstance(kind, f.ClaimContent):
            claim = self.name(kind.claim())
            add("c = f.__class__", indent)
            add(f"if c is {claim}:", indent)
            add("    d = 2", indent)
            add("    y = f.content", indent)
            add(f"    while _g_isinstance(y, {claim}):", indent)
            add("        d += 1", indent)
            add("        y = y.content", indent)
            add(f"    if d > {kind.max_depth!r}: raise _g_FallBack", indent)
            plain = " and ".join(f"c is not {self.name(other)}" for other in kind.classes)
            add(f"elif {plain}:", indent)
            add("    raise _g_FallBack", indent)
        elif isinstance(kind, f.FactualityCode):  # the converter reads a FactBank code
            add(f"if f.__class__ is not {self.name(Factuality)}:", indent)
            add(f"    f = {self.name(_BY_CODE)}.get(f) if f.__class__ is _g_str else None", indent)
            add("    if f is None: raise _g_FallBack", indent)
        elif isinstance(kind, f.Pattern):
            match = self.name(kind.pattern.fullmatch)
            if kind.optional:
                add("if f is not None:", indent)
                self.text_check("f", indent + "    ")
                add(f"    if not {match}(f): raise _g_FallBack", indent)
            else:
                add(f"if f.__class__ is not _g_str or not {match}(f): raise _g_FallBack", indent)
        elif isinstance(kind, f.AwareDatetime):
            add("if f is not None: raise _g_FallBack", indent)  # rare: attrs' constructor checks it
        elif isinstance(kind, f.Coordinate):
            self.decimal(field.converter, indent, optional=False)
            add(f"if not -{kind.limit} <= f <= {kind.limit}: raise _g_FallBack", indent)
        elif isinstance(kind, f.NonNegative):
            self.decimal(field.converter, indent, optional=True)
            add("if f is not None and f < 0: raise _g_FallBack", indent)
        elif isinstance(kind, f.Label):
            add("if f is not None: raise _g_FallBack", indent)  # labels are tidied by the converter
        else:
            raise TypeError(f"no fast path for {cls.__name__}.{field.name}, described by {kind!r}")

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
        add("    if self.__class__ is _g_cls and not _g_disabled():")
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
            if slot is None or type(slot) is not types.MemberDescriptorType:
                raise TypeError(f"{cls.__name__}.{field.name} is not a slot")
            add(f"            {self.name(slot.__set__)}(self, v_{field.name})")
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is not None:
            if post_init is settle_id:  # it derives the id, if none was given
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
