"""
Short reprs for model objects: the fields that differ from their defaults.
"""

from __future__ import annotations

import reprlib
from typing import Any

import attrs


@reprlib.recursive_repr()
def compact_repr(self: Any) -> str:
    """
    ``Claim(id='claim:...', claimant='actor:x', content=...)``: every field
    that is required or differs from its default, as a keyword.
    """
    parts = []
    for field in attrs.fields(type(self)):
        if not field.repr:
            continue
        value = getattr(self, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = attrs.NOTHING if default.takes_self else default.factory()
        if default is not attrs.NOTHING and _same(value, default):
            continue
        parts.append(f"{field.name}={value!r}")
    return f"{type(self).__name__}({', '.join(parts)})"


def _same(value: object, default: object) -> bool:
    return type(value) is type(default) and value == default
