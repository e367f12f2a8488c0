"""
JSON and JSON Lines for eventmodel objects and dossiers.

Every object is written with a ``"type"`` tag, fields at their defaults left
out, and read back strictly: a value of the wrong JSON type is an error, not
a conversion, and every error names the JSON path to the bad value
(``$.claims[3].content.confidence.value``). What goes in comes back equal.

All of it is defined by one cattrs converter, :data:`converter`; register
your own hooks on it as on any cattrs converter. (The built-in classes are
read and written by code generated once from the same rules, faster; once a
hook is registered on the converter, the converter does all the reading, or
writing, itself.)

Writing uses ``orjson`` when it is installed (``pip install
"eventmodel[fast]"``) and the standard library otherwise; both write the same
documents. Reading goes through the standard library's parser, which can
refuse duplicate member names instead of silently keeping the last; a
document in the compact form eventmodel writes, which orjson would write back
byte for byte, orjson reads, to the same values.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import Final

from .io import _json
from .io._json import (
    FORMAT_VERSION,
    MAX_DOCUMENT_SIZE,
    MAX_LINE_SIZE,
    Backend,
    converter,
    dump,
    dumps,
    iter_jsonl,
    load,
    loads,
    write_jsonl,
)

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

#: How deeply claims may nest in a document by default (reported speech).
MAX_DEPTH: Final = _json.MAX_DEPTH
