"""
Deterministic ids: an id derived from what an object says.

An object built without an id gets ``"<tag>:<digest>"``, where ``<tag>`` is
its type tag (``actor``, ``source``, ``event``, ``claim``) and ``<digest>`` is
the first 32 hexadecimal digits (128 bits) of the SHA-256 of the object's JSON
document form, without its own ``id`` member, canonicalised by RFC 8785 (JSON
Canonicalization Scheme). Any tool that holds the JSON can recompute the id.

This is the one place where the model needs the serializer's view of an
object. The model layer does not import the document layer above it: the
document layer (:mod:`eventmodel.io._document`) hands :func:`derive_id` the
function that makes an object's document form, through
:func:`use_document_form`, when it is imported (``import eventmodel``
imports it).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from typing import Any, Final, cast

from eventmodel.core._validation import check_id, has_lone_surrogate
from eventmodel.exceptions import InvalidValueError

__all__ = ["AUTO", "canonical_json", "derive_id", "id_or_auto", "settle_id", "use_document_form"]

#: An object's type tag and document form, as the document layer makes them.
_document_form: list[Callable[[object], tuple[str, dict[str, Any]]]] = []


def use_document_form(function: Callable[[object], tuple[str, dict[str, Any]]]) -> None:
    """Derive ids from the type tag and document form that *function* gives of an object."""
    _document_form[:] = [function]


DIGEST_LENGTH: Final = 32
_MAX_SAFE_INTEGER: Final = 2**53 - 1


class _Auto:
    """The default of an ``id`` field: derive the id from the content."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<derived>"


#: The default of every ``id`` field; typed as ``str`` so that ``obj.id`` is
#: a ``str`` for type checkers (it is replaced before construction ends).
AUTO: Final = cast(str, _Auto())

_encode_string: Final[Callable[[str], str]] = json.encoder.encode_basestring


def _utf16_key(item: tuple[str, Any]) -> bytes:
    return item[0].encode("utf-16-be")


def _check_text(text: str, path: str) -> None:
    if has_lone_surrogate(text):
        raise InvalidValueError("holds a lone surrogate, which UTF-8 cannot encode", value=text, path=path)


def _number(value: float, path: str) -> str:
    """A float as ECMAScript's Number.prototype.toString writes it (RFC 8785, section 3.2.2.3)."""
    if not math.isfinite(value):
        raise InvalidValueError("is not a finite number, which JSON cannot hold", value=value, path=path)
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    mantissa, _, exponent = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction.rstrip("0")).lstrip("0") if fraction != "0" else whole.lstrip("0")
    # The position of the decimal point after the first digit of `digits`, as in 0.d1d2... x 10^point.
    leading_zeros = len(whole + fraction) - len((whole + fraction).lstrip("0"))
    point = len(whole) - leading_zeros + (int(exponent) if exponent else 0)
    digits = digits.rstrip("0") or "0"
    count = len(digits)
    if count <= point <= 21:
        text = digits + "0" * (point - count)
    elif 0 < point <= 21:
        text = f"{digits[:point]}.{digits[point:]}"
    elif -6 < point <= 0:
        text = "0." + "0" * -point + digits
    else:
        power = point - 1
        head = digits if count == 1 else f"{digits[0]}.{digits[1:]}"
        text = f"{head}e{'+' if power >= 0 else '-'}{abs(power)}"
    return sign + text


def _write(value: object, out: list[str], path: str) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        _check_text(value, path)
        out.append(_encode_string(value))
    elif isinstance(value, int):
        if abs(value) > _MAX_SAFE_INTEGER:
            raise InvalidValueError(
                "is beyond the integers RFC 8785 can write exactly (±2**53-1)", value=value, path=path
            )
        out.append(str(value))
    elif isinstance(value, float):
        out.append(_number(value, path))
    elif isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise InvalidValueError("is an object member name that is not a string", value=key, path=path)
            _check_text(key, path)
        out.append("{")
        for index, (key, item) in enumerate(sorted(value.items(), key=_utf16_key)):
            if index:
                out.append(",")
            out.append(_encode_string(key))
            out.append(":")
            _write(item, out, f"{path}.{key}")
        out.append("}")
    elif isinstance(value, list):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _write(item, out, f"{path}[{index}]")
        out.append("]")
    else:
        raise InvalidValueError(
            "cannot be written as canonical JSON (only null, booleans, numbers, strings, lists and objects)",
            value=value,
            path=path,
        )


def canonical_json(value: object) -> bytes:
    """
    The RFC 8785 canonical form of a JSON value made of ``None``, booleans,
    integers, floats, strings, lists and dicts. (eventmodel's own members
    write every non-integer number as a string; floats occur only in extras.)

    Members are sorted by the UTF-16 code units of their names, strings are
    escaped as ECMAScript's ``JSON.stringify`` does, and nothing else is
    added: no white space, UTF-8 throughout.

    Raises:
        InvalidValueError: For an integer beyond ±2**53-1, a float that is
            not finite, or any other value that is not plain JSON.

    """
    out: list[str] = []
    _write(value, out, "$")
    return "".join(out).encode("utf-8")


def derive_id(obj: object) -> str:
    """
    The deterministic id of *obj*: ``f"{tag}:{digest}"`` as described in the
    module docstring.
    """
    tag, document = _document_form[0](obj)
    document.pop("id", None)
    digest = hashlib.sha256(canonical_json(document)).hexdigest()[:DIGEST_LENGTH]
    return f"{tag}:{digest}"


def settle_id(obj: object) -> None:
    """
    Give *obj* its derived id if it was built without one. Called last in
    ``__attrs_post_init__``, once every other field is valid.
    """
    if obj.id is AUTO:  # type: ignore[attr-defined]
        object.__setattr__(obj, "id", derive_id(obj))


def id_or_auto(inst: object, attribute: Any, value: object) -> None:
    """The validator of ``id`` fields: a valid id, or none given yet."""
    if value is not AUTO:
        check_id(inst, attribute, value)
