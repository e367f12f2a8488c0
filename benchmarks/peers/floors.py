"""
The floors: the batch's plain dicts serialized as they are, with no types and
no validation, by orjson and by the standard library's json: the physical
limit of a Python-level library, whose decoding must at least parse the JSON.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def build(batch: Any) -> dict[str, Any]:
    """The plain dossier document: nothing to build."""
    return batch.document()


def encode_orjson(document: dict[str, Any]) -> bytes:
    return orjson.dumps(document)


def decode_orjson(data: bytes) -> Any:
    return orjson.loads(data)


def encode_json(document: dict[str, Any]) -> bytes:
    # Compact separators and UTF-8 text, as eventmodel writes: the same bytes as orjson's.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def decode_json(data: bytes) -> Any:
    return json.loads(data)
