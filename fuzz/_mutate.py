"""
Mutations: changes to valid documents and texts where their structure makes
changes interesting (a member's value, a type tag, an id, a list's items, a
date's digits), then, sometimes, to the bytes of the JSON text itself.

Every function takes a :class:`random.Random`, so that a seed repeats a run,
and Hypothesis can drive them through ``st.randoms()``.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

#: Strings with a meaning somewhere in the format, and strings that break things.
WORDS = [
    "",
    " ",
    "actor",
    "source",
    "event",
    "proposition",
    "claim",
    "x-foo",
    "1.0",
    "1.9",
    "2.0",
    "1.foo bar",
    "2022",
    "2022-03-27",
    "2022-03-27T14:05:00+03:00[Europe/Kyiv]",
    "9999-12-31T23:59:59-14:00[UTC]",
    "2022-02-24/..",
    "2022-21",
    "20XX",
    "0.5",
    "-0",
    "1E+3",
    "1e999",
    "9" * 40,
    "actor:1",
    "source:a",
    "event:e",
    "claim:c",
    "publication",
    "made_at",
    "today",
    "https://example.org/a",
    "en",
    "UA",
    "asserted",
    "certain",
    "\x00",
    "\ufeff",
    "\u202e",
    "é",
    "\U0001f600",
    "\ud800",
    "a\udfff",
    "x" * 300,
]
#: Values of every JSON type, the troublesome ones included.
VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2**53 + 1,
    10**40,
    -(10**40),
    0.5,
    1e308,
    -0.0,
    [],
    {},
    [None],
    {"type": "proposition", "text": "p"},
    {"type": "event", "kind": "attack"},
    *WORDS,
]
#: Pieces of JSON text spliced into documents, so that the parser sees near-JSON too.
TOKENS = [
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    '"',
    "\\",
    "null",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "1" * 5000,
    '"\\ud800"',
    '"\\udfff"',
    "\x00",
    "\ufeff",
    "[" * 200,
    '{"a":' * 50,
    '"type":"claim"',
    '"eventmodel":"1.0"',
]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        document = document[key]
    return document


def _get(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


def _tweak_string(text: str, rng: random.Random) -> str:
    how = rng.randrange(8)
    if how == 0:
        return text.upper()
    if how == 1:
        return f" {text}"
    if how == 2:
        return mutate_text(text, rng)
    if how == 3:
        return text + rng.choice(WORDS)
    if how == 4:
        return text[: rng.randrange(len(text) + 1)]
    if how == 5:
        return text * rng.randint(2, 4)
    if how == 6:
        return "9" * rng.choice([16, 17, 28, 29, 300, 4300, 4301, 10000]) if text[:1].isdigit() else text
    return rng.choice(WORDS)


def _new_value(rng: random.Random, old: Any) -> Any:
    how = rng.randrange(6)
    if how == 0 and isinstance(old, str):
        return _tweak_string(old, rng)
    if how == 1 and isinstance(old, str):
        for read in (int, float):
            try:
                return read(old)
            except ValueError:
                continue
        return len(old)
    if how == 2 and isinstance(old, (int, float)) and not isinstance(old, bool):
        return str(old)
    if how == 3:
        return [old]
    if how == 4 and isinstance(old, (list, dict)) and old:
        return rng.choice(list(old.values()) if isinstance(old, dict) else old)
    return copy.deepcopy(rng.choice(VALUES))


def mutate_document(document: Any, rng: random.Random, *, changes: int | None = None) -> Any:
    """A copy of *document* with one to four structure-aware changes."""
    document = copy.deepcopy(document)
    for _ in range(changes if changes is not None else rng.choice([1, 1, 1, 2, 3, 4])):
        paths = _paths(document)
        path = rng.choice(paths)
        if not path:  # the root: replace it now and then, otherwise change a member
            if rng.random() < 0.1:
                document = _new_value(rng, document)
            continue
        parent, key = _parent(document, path), path[-1]
        how = rng.randrange(7)
        if how == 0:  # delete
            del parent[key]
        elif how == 1 and isinstance(parent, dict):  # add a member, known or not
            name = rng.choice([*parent, "type", "id", "extras", "x", "c\udfffaims", "", str(key).upper()])
            parent[name] = _new_value(rng, parent[key])
        elif how == 2 and isinstance(parent, list):  # duplicate an item: ids collide
            parent.insert(key, copy.deepcopy(parent[key]))
        elif how == 3:  # copy another part of the document here
            parent[key] = copy.deepcopy(_get(document, rng.choice(paths)))
        elif how == 4 and isinstance(parent, dict) and key == "type":
            parent[key] = rng.choice(["actor", "source", "event", "proposition", "claim", "Claim", "x", ""])
        else:
            parent[key] = _new_value(rng, parent[key])
    return document


def mutate_text(text: str, rng: random.Random, *, alphabet: str = "0123456789-:T+Z/.X~?%[]_ ") -> str:
    """*text* with one to three changes to its characters."""
    for _ in range(rng.choice([1, 1, 2, 3])):
        position = rng.randrange(len(text) + 1)
        how = rng.randrange(7)
        if how == 0 and text:
            text = text[:position] + text[position + 1 :]
        elif how == 1:
            text = text[:position] + rng.choice(alphabet) + text[position:]
        elif how == 2 and text:
            text = text[:position] + rng.choice(alphabet) + text[position + 1 :]
        elif how == 3:
            piece = rng.choice(["\udfff", "\x00", "٣", "²", "\u2212", "\n", "Ⅻ", "ß", "I", "Pm", "UTC"])
            text = text[:position] + piece + text[position:]
        elif how == 4:
            end = rng.randrange(position, len(text) + 1)
            text = text[:position] + text[position:end] * 2 + text[end:]
        elif how == 5:
            text = (
                text[:position]
                + rng.choice(["9999", "0000", "00", "99", "-14:00", "+24:00", "[UTC]"])
                + text[position:]
            )
        else:
            text = text[:position]
    return text


def encode(document: Any, rng: random.Random) -> str | bytes:
    """*document* as JSON text, sometimes with its characters or bytes changed, as str or bytes."""
    text = json.dumps(
        document, ensure_ascii=rng.random() < 0.3, separators=rng.choice([(",", ":"), (", ", ": ")])
    )
    if rng.random() < 0.25:
        position = rng.randrange(len(text) + 1)
        how = rng.randrange(4)
        if how == 0:
            text = text[:position]
        elif how == 1:
            text = text[:position] + rng.choice(TOKENS) + text[position:]
        elif how == 2:
            end = rng.randrange(position, len(text) + 1)
            text = text[:position] + text[end:]
        else:
            end = rng.randrange(position, len(text) + 1)
            text = text[:position] + text[position:end] * 2 + text[end:]
    if rng.random() < 0.5:
        data = text.encode("utf-8", "surrogatepass")
        if rng.random() < 0.1 and data:
            position = rng.randrange(len(data))
            data = data[:position] + bytes([rng.randrange(256)]) + data[position + 1 :]
        return data
    return text
