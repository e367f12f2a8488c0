"""
eventmodel's own JSON and JSON Lines, as formats of the registry.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from eventmodel import json as em_json
from eventmodel.dossier._dossier import Dossier

__all__ = ["read_files", "write_json", "write_jsonl"]


def write_json(dossier: Dossier, fp: IO[str]) -> None:
    """Write *dossier* as one JSON document."""
    fp.write(em_json.dumps(dossier) + "\n")


def write_jsonl(dossier: Dossier, fp: IO[str]) -> None:
    """Write *dossier* as JSON Lines, one object a line."""
    em_json.write_jsonl(dossier, fp)


def read_files(files: Sequence[str | Path]) -> Dossier:
    """Read JSON documents and JSON Lines files (by their ending) into one dossier."""
    dossier = Dossier()
    for file in files:
        path = Path(file)
        with path.open("rb") as fp:
            members = (
                em_json.iter_jsonl(fp)
                if path.suffix.lower() in {".jsonl", ".ndjson"}
                else iter(em_json.load(fp, Dossier))
            )
            for member in members:
                dossier.add(member)
    return dossier
