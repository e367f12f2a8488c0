"""
The ids an object refers to, found from the field kinds of its classes, so
that a reference field added later is followed without a change here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import attrs

from eventmodel.model._fields import Ref, Refs, kind_of
from eventmodel.time._anchor import Anchor

__all__ = ["references"]


def references(obj: object) -> dict[str, set[str]]:
    """
    The ids *obj* refers to at any depth (its nested claims, events, evidence
    and times included), by the name of the class they name: ``"Actor"``,
    ``"Source"``, ``"Claim"``, ``"Event"``. A relative time's anchor names an
    event, a claim or a source.
    """
    found: dict[str, set[str]] = defaultdict(set)
    stack: list[Any] = [obj]
    while stack:
        value = stack.pop()
        if isinstance(value, Anchor):
            for target, ident in (("Event", value.event), ("Claim", value.claim), ("Source", value.source)):
                if ident is not None:
                    found[target].add(ident)
        if isinstance(value, (tuple, list)):
            stack.extend(value)
            continue
        if isinstance(value, Mapping):
            stack.extend(value.values())
            continue
        if not attrs.has(type(value)):
            continue
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            kind = kind_of(field)
            if isinstance(kind, Ref) and isinstance(item, str):
                found[kind.target].add(item)
            elif isinstance(kind, Refs):
                found[kind.target].update(ident for ident in item if isinstance(ident, str))
            elif item is not None and not isinstance(item, (str, int, float)):
                stack.append(item)
    return found
