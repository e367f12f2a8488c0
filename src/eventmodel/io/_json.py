"""
JSON and JSON Lines reading and writing: the implementation of :mod:`eventmodel.json`.
"""

from __future__ import annotations

import json as _json
import math
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import IO, Any, Final, Literal, TypeVar, overload

from eventmodel.core._gc import collector_paused
from eventmodel.core._validation import (
    CUSTOM_MEMBER,
    READING_LENIENTLY,
    has_lone_surrogate,
    json_problem,
    member_path,
)
from eventmodel.dossier._dossier import FORMAT_VERSION, Dossier, Unrecognized, check_format_version
from eventmodel.exceptions import EventModelError, InvalidTypeError, InvalidValueError, UnknownTypeError
from eventmodel.model._actor import Actor
from eventmodel.model._claim import MAX_CLAIM_DEPTH, Claim
from eventmodel.model._registry import registry
from eventmodel.model._source import Source

from ._document import converter, from_document, locate, to_document

_orjson: Any
try:  # pragma: no cover - depends on the environment
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

__all__ = [
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_DOCUMENT_SIZE",
    "MAX_LINE_SIZE",
    "Backend",
    "converter",
    "dump",
    "dumps",
    "iter_jsonl",
    "load",
    "loads",
    "write_jsonl",
]

T = TypeVar("T")

Backend = Literal["json", "orjson"]
#: How deeply claims may nest in a document by default (reported speech).
MAX_DEPTH: Final = MAX_CLAIM_DEPTH
#: The longest document :func:`loads` and :func:`load` read by default, in characters (or bytes):
#: 256 MiB. Reading one takes several times its size in memory; larger data is better kept as
#: JSON Lines, read a line at a time.
MAX_DOCUMENT_SIZE: Final = 1 << 28
#: The longest line :func:`iter_jsonl` reads by default, in characters (or bytes): 16 MiB.
MAX_LINE_SIZE: Final = 1 << 24

_LISTS: Final = {"actors": Actor, "sources": Source, "claims": Claim}
_DOSSIER_MEMBERS: Final = frozenset({"eventmodel", *_LISTS})
_TOP_LEVEL: Final = (Actor, Source, Claim)


# -- writing -----------------------------------------------------------------------------------


def _dossier_document(dossier: Dossier) -> dict[str, Any]:
    document: dict[str, Any] = {"eventmodel": dossier.format_version}
    for name, objects in (
        ("actors", dossier.actors),
        ("sources", dossier.sources),
        ("claims", dossier.claims),
    ):
        items = [to_document(obj) for obj in objects]
        items += [item.document for item in dossier.unrecognized if item.kind == name]
        if items:  # an empty list is the default, left out like every default
            document[name] = items
    document.update(to_document_extras(dossier))
    return document


def to_document_extras(dossier: Dossier) -> dict[str, Any]:
    """The unknown top-level members a dossier kept, as JSON values."""
    return {key: _thaw(value) for key, value in dossier.extras.items()}


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_thaw(item) for item in value]
    if hasattr(value, "items"):
        return {key: _thaw(item) for key, item in value.items()}
    return value


def document(obj: object) -> Any:
    """The JSON document of a model object or a dossier, as plain Python values."""
    if isinstance(obj, Dossier):
        return _dossier_document(obj)
    return to_document(obj)


def _backend(backend: str | None) -> Backend:
    if backend is None:
        return "orjson" if _orjson is not None else "json"
    if backend == "orjson" and _orjson is None:
        raise InvalidValueError(
            "needs orjson, which is not installed",
            field="backend",
            value=backend,
            fix='install it with: pip install "eventmodel[fast]"',
        )
    if backend == "json":
        return "json"
    if backend == "orjson":
        return "orjson"
    raise InvalidValueError("must be 'json' or 'orjson'", field="backend", value=backend)


def _encode(value: Any, backend: Backend) -> str:
    if backend == "orjson":
        assert _orjson is not None
        try:
            encoded: bytes = _orjson.dumps(value)
            return encoded.decode("utf-8")
        except TypeError as error:  # orjson.JSONEncodeError
            raise InvalidValueError(f"cannot be written as JSON ({error})") from None
    try:
        return _json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as error:
        raise InvalidValueError(f"cannot be written as JSON ({error})") from None


def dumps(obj: object, *, backend: Backend | None = None) -> str:
    """
    The JSON text of a model object or a :class:`~eventmodel.Dossier`:
    compact, UTF-8, members in a stable order (``"type"`` and ``"id"``
    first).

    Args:
        obj: An actor, a source, an event, a proposition, a claim (or any
            other model object), or a dossier.
        backend: ``"orjson"`` or ``"json"``; by default orjson when it is
            installed.

    Raises:
        UnknownTypeError: For an object that is not a model object.
        InvalidValueError: For an orjson backend that is not installed.

    """
    chosen = _backend(backend)
    # The document is a tree of fresh dicts and lists with no cycles, freed before the collector runs again.
    with collector_paused():
        return _encode(document(obj), chosen)


def dump(obj: object, fp: IO[str], *, backend: Backend | None = None) -> None:
    """Write :func:`dumps` of *obj* to the text file *fp*."""
    fp.write(dumps(obj, backend=backend))


# -- reading -----------------------------------------------------------------------------------


class _Bad:
    """
    Stands in, in a parsed document, for a value the parser could not take
    (NaN, a number a float cannot hold, an integer too long, a member given
    twice), so that the error can name its path once the whole is parsed.
    """

    __slots__ = ("fix", "reason", "value")

    def __init__(self, reason: str, value: object, fix: str | None = None) -> None:
        self.reason, self.value, self.fix = reason, value, fix


#: The most digits an integer in a document may have (Python's own limit to read one).
MAX_INTEGER_DIGITS: Final = 4300


def _decoder() -> tuple[_json.JSONDecoder, list[int]]:
    """A decoder, and the counter of the values it had to replace with :class:`_Bad`."""
    found = [0]

    def bad(reason: str, value: object, fix: str | None = None) -> _Bad:
        found[0] += 1
        return _Bad(reason, value, fix)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    result[key] = bad(
                        "appears twice in one object",
                        key,
                        "give each member once: JSON readers disagree on which one wins",
                    )
                seen.add(key)
        return result

    def constant(name: str) -> _Bad:
        return bad(f"is not JSON ({name} is a JavaScript value, not a JSON number)", name)

    def floating(text: str) -> Any:
        # Numbers that are not integers never occur in eventmodel's own members
        # (they write numbers as strings); read them as floats for extras, but
        # refuse what a float cannot hold exactly, rather than change it.
        number = float(text)
        try:
            exact = math.isfinite(number) and Decimal(text) == Decimal(repr(number))
        except ArithmeticError:  # an exponent beyond what Decimal holds
            exact = False
        if not exact:
            return bad(
                "is a number a float cannot hold exactly",
                text,
                "write it as a string, as eventmodel writes its own numbers",
            )
        return number

    def integer(text: str) -> Any:
        if len(text) > MAX_INTEGER_DIGITS:
            return bad(f"is an integer of more than {MAX_INTEGER_DIGITS} digits", f"{text[:20]}...")
        return int(text)

    decoder = _json.JSONDecoder(
        object_pairs_hook=pairs, parse_constant=constant, parse_float=floating, parse_int=integer
    )
    return decoder, found


#: A JSON escape of a surrogate, or a surrogate itself: what may read as text that cannot be written.
_MAY_HOLD_A_SURROGATE: Final = re.compile(r"\\[uU][dD][89a-fA-F]|[\ud800-\udfff]")
_MAY_HOLD_A_SURROGATE_BYTES: Final = re.compile(rb"\\[uU][dD][89a-fA-F]")


def _refuse_unwritable_text(text: str | bytes, data: Any) -> None:
    r"""
    The one check of the text of every string a document holds, run on each
    document read, once its objects are read: refuse a lone surrogate in any
    string, member names and members this version does not know included, so
    that whatever is read can be written back as UTF-8. (A surrogate pair
    escaped as two ``\u`` escapes reads as one character, and is fine.) The
    model's own fields refuse a lone surrogate first, with their class and
    field in the error; this finds the rest.
    """
    suspect = (
        _MAY_HOLD_A_SURROGATE.search(text)
        if isinstance(text, str)
        else _MAY_HOLD_A_SURROGATE_BYTES.search(text)
    )
    if suspect is not None:
        _refuse_lone_surrogates(data)


def _refuse_lone_surrogates(data: Any) -> None:
    """Raise for the first string in *data*, or member name, that holds a lone surrogate."""
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if has_lone_surrogate(value):
                raise InvalidValueError(
                    "must be valid Unicode text, but it holds a lone surrogate",
                    value=value,
                    path=path,
                    fix="write the text as UTF-8, or escape characters outside the BMP as surrogate pairs",
                )
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                if has_lone_surrogate(key):
                    raise InvalidValueError(
                        "is a member name that is not valid Unicode text: it holds a lone surrogate",
                        value=key,
                        path=path + member_path(key),
                        fix="write the text as UTF-8, or escape characters outside the BMP as surrogate pairs",
                    )
                stack.append((path + member_path(key), item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{index}]", item) for index, item in reversed(list(enumerate(value))))


def _first_bad(data: Any) -> tuple[str, _Bad]:
    """The path and the marker of the first value the parser replaced, without recursion."""
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Bad):
            return path, value
        if isinstance(value, dict):
            stack.extend((path + member_path(key), item) for key, item in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((f"{path}[{index}]", item) for index, item in reversed(list(enumerate(value))))
    raise AssertionError("a value was replaced, so the walk finds it")  # pragma: no cover


_NOT_COMPACT: Final = object()
#: The longest document orjson reads, in characters (or bytes): while it reads, it holds several times
#: the document's size (about 17 times for eventmodel's documents, where the standard library's parser
#: holds about 7), so that the standard library reads longer ones.
_ORJSON_READ_LIMIT: Final = 64 << 20


def _parse_compact(text: str | bytes) -> Any:
    """
    The document, as orjson reads it, if orjson would write it back byte for
    byte, as eventmodel writes documents; :data:`_NOT_COMPACT` for any other.

    Such a document has no member given twice (writing it back would leave one
    out), no NaN, and no number that orjson changes on reading, so that the
    standard library's parser reads it to the same values: anything else, the
    standard library's parser reads, and names what is wrong. (Writing back
    keeps the UTF-8 form of each string outside ASCII with the string, which
    the objects read then hold: a few percent more memory, for reading in about
    two thirds of the time.)
    """
    assert _orjson is not None
    try:
        data = _orjson.loads(text)
        again: bytes = _orjson.dumps(data)
        same = again == (text if isinstance(text, bytes) else text.encode("utf-8"))
    except Exception:  # noqa: BLE001 - whatever orjson refuses, the standard library reads
        return _NOT_COMPACT
    return data if same else _NOT_COMPACT


def _check_size(name: str, size: object) -> int:
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise InvalidValueError(
            "must be a whole number of characters (or bytes), at least 1", field=name, value=size
        )
    return size


def _too_large(text: str | bytes, limit: int) -> InvalidValueError:
    unit = "bytes" if isinstance(text, (bytes, bytearray)) else "characters"
    return InvalidValueError(
        f"is larger than {limit:,} {unit}, the most read as one document",
        path="$",
        fix="raise max_size, or write the data as JSON Lines (one object a line), which is read a line at a time",
    )


def _too_long(text: str | bytes, limit: int) -> InvalidValueError:
    unit = "bytes" if isinstance(text, (bytes, bytearray)) else "characters"
    return InvalidValueError(
        f"is longer than {limit:,} {unit}, the most read as one line", path="$", fix="raise max_line_size"
    )


def _parse(text: str | bytes, max_size: int = MAX_DOCUMENT_SIZE) -> Any:
    given: object = text  # checked at run time: callers may pass anything
    if isinstance(given, (str, bytes, bytearray)) and len(given) > max_size:
        raise _too_large(text, max_size)
    if _orjson is not None and isinstance(given, (str, bytes)) and len(given) <= _ORJSON_READ_LIMIT:
        data = _parse_compact(given)
        if data is not _NOT_COMPACT:
            return data
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidValueError(f"is not UTF-8 (byte {error.start}: {error.reason})", path="$") from None
    if not isinstance(text, str):
        raise InvalidTypeError("needs JSON text (str or bytes)", value=text, field="loads()")
    decoder, found = _decoder()
    try:
        data = decoder.decode(text)
    except _json.JSONDecodeError as error:
        raise InvalidValueError(
            f"is not JSON: {error.msg.removesuffix(' at')} at line {error.lineno}, column {error.colno}",
            path="$",
        ) from None
    except RecursionError:
        raise InvalidValueError(
            "nests arrays or objects too deeply to read", path="$", fix="flatten the document"
        ) from None
    except ValueError as error:  # pragma: no cover - the hooks above take what int() and float() refuse
        raise InvalidValueError(f"is not JSON that can be read ({error})", path="$") from None
    if found[0]:
        path, bad = _first_bad(data)
        raise InvalidValueError(bad.reason, value=bad.value, fix=bad.fix, path=path)
    return data


@overload
def loads(
    text: str | bytes, cls: type[Dossier], *, strict: bool = ..., max_depth: int = ..., max_size: int = ...
) -> Dossier: ...
@overload
def loads(
    text: str | bytes, cls: type[T], *, strict: bool = ..., max_depth: int = ..., max_size: int = ...
) -> T: ...
def loads(
    text: str | bytes,
    cls: type[Any],
    *,
    strict: bool = True,
    max_depth: int = MAX_DEPTH,
    max_size: int = MAX_DOCUMENT_SIZE,
) -> Any:
    """
    Read an object of class *cls* (a model class or :class:`~eventmodel.Dossier`)
    from JSON text.

    Args:
        text: The JSON text, as ``str`` or UTF-8 ``bytes``.
        cls: The class to read: ``Claim`` also reads registered custom claim
            types, chosen by their ``"type"`` tag.
        strict: ``True`` (the default) refuses members and types this
            version does not know. ``False`` keeps them: unknown members in
            each object's ``extras`` and unknown top-level objects of a
            dossier in ``Dossier.unrecognized``, so that writing the result
            gives them back unchanged.
        max_depth: How deeply claims may nest (reported speech), at most
            :data:`MAX_DEPTH`.
        max_size: The longest text read, in characters (or bytes):
            :data:`MAX_DOCUMENT_SIZE`, 256 MiB, by default. Keep larger
            data as JSON Lines (:func:`iter_jsonl`).

    Returns:
        A valid object; never a half-built one.

    Raises:
        EventModelError: Whatever is wrong with the text, with the JSON path
            to the first bad value: invalid JSON, duplicate members, a wrong
            type, a missing or unknown member, an unknown type tag
            (:class:`~eventmodel.UnknownTypeError`), nesting past
            *max_depth*, colliding ids, a text longer than *max_size*.

    .. versionchanged:: 0.1.0
       *max_size*.

    """
    depth: object = max_depth  # checked at run time: callers may pass anything
    if not isinstance(depth, int) or isinstance(depth, bool) or not 1 <= depth <= MAX_DEPTH:
        raise InvalidValueError(f"must be from 1 to {MAX_DEPTH}", field="max_depth", value=max_depth)
    _check_size("max_size", max_size)
    with collector_paused():
        return _read(text, cls, strict=strict, max_depth=max_depth, max_size=max_size)


def _read(text: str | bytes, cls: type[Any], *, strict: bool, max_depth: int, max_size: int) -> Any:
    # The parsed document is freed when this returns, before the collector runs again: it then
    # has only the objects read to look at, not the dicts and lists they were read from.
    data = _parse(text, max_size)
    if cls is Dossier:
        read = _dossier_from(data, strict=strict, max_depth=max_depth)
    else:
        read = from_document(data, cls, strict=strict, max_depth=max_depth)
    _refuse_unwritable_text(text, data)
    return read


def load(
    fp: IO[str] | IO[bytes],
    cls: type[T],
    *,
    strict: bool = True,
    max_depth: int = MAX_DEPTH,
    max_size: int = MAX_DOCUMENT_SIZE,
) -> T:
    """
    Read :func:`loads` of the whole file *fp*. At most *max_size* characters
    (or bytes) and one more are read: a longer file is refused without being
    read to its end.
    """
    limit = _check_size("max_size", max_size)
    return loads(fp.read(limit + 1), cls, strict=strict, max_depth=max_depth, max_size=limit)


def carried_dossier(*, lenient: bool = True, **kwargs: Any) -> Dossier:
    """
    A dossier holding what a document carried: with *lenient*, its extras may
    have any name, as members a newer version wrote, kept by lenient reading.
    """
    token = READING_LENIENTLY.set(lenient)
    try:
        return Dossier(**kwargs)
    finally:
        READING_LENIENTLY.reset(token)


def _dossier_from(
    data: Any,
    *,
    strict: bool,
    max_depth: int,
    errors: list[EventModelError] | None = None,
    located: dict[str, str] | None = None,
) -> Dossier:
    """
    The dossier of document *data*. With *errors*, a bad member (one that
    cannot be read or added) is appended there and left out, and reading
    goes on; without, the first one is raised. With *located*, the JSON path
    of each member read is kept there under its id.
    """
    if type(data) is not dict:
        raise InvalidTypeError('must be a dossier object, {"eventmodel": "1.0", ...}', value=data, path="$")
    if "eventmodel" not in data:
        raise InvalidValueError(
            'has no header: a dossier document starts with its format version, the member "eventmodel"',
            path="$",
            fix='add "eventmodel": "1.0" as its first member',
        )
    version = data["eventmodel"]
    if type(version) is not str:
        raise InvalidTypeError(
            'must be a string naming the format version, such as "1.0"',
            value=version,
            path="$.eventmodel",
            fix='write the version in quotes: "eventmodel": "1.0"',
        )
    version = check_format_version(version, path="$.eventmodel")
    unknown = data.keys() - _DOSSIER_MEMBERS
    refused = {name for name in unknown if not name.startswith(CUSTOM_MEMBER)}
    if refused and strict:
        name = min(refused)
        raise InvalidValueError(
            "is not a member of a dossier",
            value=data[name],
            path="$" + member_path(name),
            fix="remove it, or read with strict=False to keep members a newer version wrote",
        )
    for name in sorted(unknown):
        if not name:
            raise InvalidValueError(
                "is a member with an empty name, which a dossier cannot keep",
                value=data[name],
                path="$" + member_path(name),
                fix="name the member, or remove it",
            )
        if has_lone_surrogate(name):
            raise InvalidValueError(
                "is a member name that is not valid Unicode text: it holds a lone surrogate",
                value=name,
                path="$" + member_path(name),
                fix="write the text as UTF-8, or escape characters outside the BMP as surrogate pairs",
            )
        problem = json_problem(data[name], 1)
        if problem is not None:
            raise InvalidValueError(problem[1], value=problem[2], path="$" + member_path(name) + problem[0])
    dossier = carried_dossier(
        extras={name: data[name] for name in unknown}, format_version=version, lenient=not strict
    )
    unrecognized: list[Unrecognized] = []
    seen: dict[Any, Any] = {}  # the ids and times read so far, each checked once and its object shared
    for name, base in _LISTS.items():
        items = data.get(name, [])
        if type(items) is not list:
            raise InvalidTypeError("must be an array", value=items, path=f"$.{name}")
        for index, item in enumerate(items):
            path = f"$.{name}[{index}]"
            try:
                try:
                    obj = from_document(item, base, strict=strict, max_depth=max_depth, seen=seen)
                except UnknownTypeError:
                    if strict or type(item) is not dict:
                        raise
                    problem = json_problem(item)
                    if problem is not None:
                        raise InvalidValueError(problem[1], value=problem[2], path="$" + problem[0]) from None
                    unrecognized.append(Unrecognized(name, item))
                    continue
                dossier.add(obj)
                if located is not None:
                    located.setdefault(obj.id, path)
            except EventModelError as error:
                if errors is None:
                    raise _at(error, path) from None
                errors.append(_at(error, path))
    dossier.unrecognized = tuple(unrecognized)
    return dossier


def _with_path(error: EventModelError, path: str) -> EventModelError:
    """*error* at *path*."""
    return type(error)(
        error.reason, cls=error.cls, field=error.field, value=error.value, fix=error.fix, path=path
    )


def _at(error: EventModelError, prefix: str) -> EventModelError:
    """*error* with its path placed under *prefix*."""
    return _with_path(error, prefix + (error.path or "$")[1:])


# -- JSON Lines --------------------------------------------------------------------------------


def write_jsonl(objects: Iterable[object], fp: IO[str], *, backend: Backend | None = None) -> int:
    """
    Write one JSON document a line, for each of *objects* (actors, sources,
    claims, or other model objects), and return how many were written.
    Memory stays flat however many objects there are.
    """
    chosen = _backend(backend)
    count = 0
    for obj in objects:
        fp.write(_encode(to_document(obj), chosen))
        fp.write("\n")
        count += 1
    return count


def iter_jsonl(
    fp: Iterable[Any],
    cls: type[Any] | None = None,
    *,
    strict: bool = True,
    max_depth: int = MAX_DEPTH,
    max_line_size: int = MAX_LINE_SIZE,
) -> Iterator[Any]:
    """
    Read one object a line from *fp* (an open text or binary file, or any
    iterable of lines), lazily: memory stays flat however long the file.
    Blank lines are skipped.

    Args:
        fp: The lines.
        cls: The class each line holds; by default any actor, source or claim,
            chosen by its ``"type"`` tag.
        strict: As for :func:`loads`.
        max_depth: As for :func:`loads`.
        max_line_size: The longest line read, in characters (or bytes):
            :data:`MAX_LINE_SIZE`, 16 MiB, by default. From a file, at most
            this and one more are read: a longer line is refused without
            being read to its end.

    Raises:
        EventModelError: For the first bad line, with its line number in the
            path: ``line 12: $.content.confidence.value``.

    .. versionchanged:: 0.1.0
       *max_line_size*.

    """
    depth: object = max_depth  # checked at run time: callers may pass anything
    if not isinstance(depth, int) or isinstance(depth, bool) or not 1 <= depth <= MAX_DEPTH:
        raise InvalidValueError(f"must be from 1 to {MAX_DEPTH}", field="max_depth", value=max_depth)
    if cls is Dossier:
        raise InvalidValueError(
            "reads one actor, source or claim a line, not dossiers",
            field="cls",
            value=cls,
            fix="read a dossier document with loads(text, Dossier)",
        )
    limit = _check_size("max_line_size", max_line_size)
    return read_lines(_bounded_lines(fp, limit), 1, cls, strict=strict, max_depth=max_depth, limit=limit)


def read_lines(
    lines: Iterable[Any], first: int, cls: type[Any] | None, *, strict: bool, max_depth: int, limit: int
) -> Iterator[Any]:
    """
    The objects of *lines*, the first of which is line *first* of its file,
    as :func:`iter_jsonl` reads them (its arguments already checked); an
    error names the line's number in the file.
    """
    for number, line in enumerate(lines, start=first):
        try:
            if not isinstance(line, (str, bytes, bytearray)):
                raise InvalidTypeError("must be a line of text", value=line, path="$")
            body: str | bytes = line.rstrip("\r\n") if isinstance(line, str) else bytes(line).rstrip(b"\r\n")
            if len(body) > limit:
                raise _too_long(body, limit)
            text: str | bytes = (
                bytes(line).rstrip(b"\r\n") if not isinstance(line, str) else line.rstrip("\r\n")
            )
            if not text.strip():
                continue
            with collector_paused():
                data = _parse(text, limit)
                member = _line_object(data, cls, strict=strict, max_depth=max_depth)
                _refuse_unwritable_text(text, data)
            yield member
        except EventModelError as error:
            raise _on_line(error, number) from None


def _bounded_lines(fp: Iterable[Any], limit: int) -> Iterator[Any]:
    """
    The lines of *fp*; from a file, each read with at most *limit* characters
    (or bytes) and one more, so that a line without an end is not read whole.
    """
    readline = getattr(fp, "readline", None)
    if readline is None:
        yield from fp
        return
    while True:
        line = readline(limit + 2)  # the line, its "\r\n", and one more
        if not line:
            return
        yield line


def _line_object(data: Any, cls: type[Any] | None, *, strict: bool, max_depth: int) -> Any:
    """The object of one line's document *data*: of class *cls*, or chosen by its tag."""
    if cls is not None:
        return from_document(data, cls, strict=strict, max_depth=max_depth)
    if type(data) is not dict:
        raise InvalidTypeError("must be an actor, a source or a claim object", value=data, path="$")
    tag = data.get("type")
    if type(tag) is not str:
        raise InvalidValueError(
            "needs a 'type' member naming an actor, a source or a claim", value=tag, path="$.type"
        )
    if tag not in registry:
        raise UnknownTypeError(
            "is not a known type",
            value=tag,
            path="$.type",
            fix="register the type (eventmodel.register), or load the package that provides it",
        )
    target = registry.class_of(tag)
    if not issubclass(target, _TOP_LEVEL):
        raise InvalidValueError(
            "must be an actor, a source or a claim, with its 'type'", value=tag, path="$.type"
        )
    return from_document(data, target, strict=strict, max_depth=max_depth)


def _on_line(error: EventModelError, number: int) -> EventModelError:
    """*error*, found on line *number* of a JSON Lines file, with the line in its path."""
    located = _at(error, "$") if error.path else locate(error)
    return _with_path(located, f"line {number}: {located.path}")
