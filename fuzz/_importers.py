"""
The importers under fuzzing: rows of the real GDELT sample and of the ACLED
fixture (tests/data/), changed a cell at a time, written to a file and read
with :func:`eventmodel.interop.read_gdelt` and
:func:`eventmodel.interop.read_acled`; and, with the ``prov`` extra,
PROV-JSON documents that eventmodel wrote, changed where their structure
allows, read with :func:`eventmodel.interop.prov.from_prov_text`. An accepted
input's dossier must pass the JSON round trip with both backends (and, for
PROV, come back equal through PROV-JSON).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import random
import tempfile
from pathlib import Path
from typing import Any

import eventmodel as em
from eventmodel.interop import read_acled, read_gdelt

from ._corpus import Corpus
from ._mutate import mutate_document, mutate_text
from ._targets import RoundTripError, Target, register, round_trip

_DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
_GDELT_ROWS = (_DATA / "gdelt" / "gdelt2-events-sample50.tsv").read_text(encoding="utf-8").splitlines()
_ACLED_TEXT = (_DATA / "acled" / "acled-fixture.csv").read_text(encoding="utf-8")
_ACLED_HEADER, *_ACLED_ROWS = list(csv.reader(io.StringIO(_ACLED_TEXT)))
_ALPHABET = '0123456789-.;,\t" AZaz#'


def _mutate_cells(cells: list[str], rng: random.Random) -> list[str]:
    cells = list(cells)
    for _ in range(rng.choice([1, 1, 2, 3])):
        how = rng.randrange(10)
        index = rng.randrange(len(cells))
        if how == 0:
            cells[index] = ""
        elif how == 1 and len(cells) > 1:
            del cells[index]
        elif how == 2:
            cells.insert(index, mutate_text("", rng, alphabet=_ALPHABET))
        elif how == 3:
            cells[index] = rng.choice(
                ["-1", "0", "1e999", "NaN", "99999999999999999999", "2022-02-30", "\udfff"]
            )
        else:
            cells[index] = mutate_text(cells[index], rng, alphabet=_ALPHABET)
    return cells


def _gdelt_input(corpus: Corpus, rng: random.Random) -> str:
    del corpus
    rows = rng.sample(_GDELT_ROWS, rng.randint(1, 4))
    changed = rng.randrange(len(rows))
    rows[changed] = "\t".join(_mutate_cells(rows[changed].split("\t"), rng))
    return "\n".join(rows) + "\n"


def _acled_input(corpus: Corpus, rng: random.Random) -> str:
    del corpus
    rows = [list(row) for row in rng.sample(_ACLED_ROWS, rng.randint(1, 4))]
    changed = rng.randrange(len(rows))
    rows[changed] = _mutate_cells(rows[changed], rng)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_ACLED_HEADER if rng.randrange(20) else _mutate_cells(_ACLED_HEADER, rng))
    writer.writerows(rows)
    return out.getvalue()


def _reader(read: Any, name: str) -> Any:
    def run(text: str) -> em.Dossier:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            dossier: em.Dossier = read([path])
            return dossier

    return run


def _check(given: str, result: em.Dossier) -> None:
    del given
    round_trip(result, em.Dossier)


for _target in (
    Target("import gdelt", _gdelt_input, _reader(read_gdelt, "events.export.CSV"), _check, weight=2),
    Target("import acled", _acled_input, _reader(read_acled, "acled.csv"), _check, weight=2),
):
    register(_target)


# -- W3C PROV: documents eventmodel wrote, changed where their structure allows ----------------------


def _prov_input(corpus: Corpus, rng: random.Random) -> str:
    from eventmodel.interop.prov import to_prov_text  # noqa: PLC0415 - the prov extra, only when fuzzed

    dossier = em.json.loads(json.dumps(rng.choice(corpus.dossiers)), em.Dossier)
    document = json.loads(to_prov_text(dossier, "json"))
    return json.dumps(mutate_document(document, rng), ensure_ascii=rng.random() < 0.5)


def _read_prov(text: str) -> em.Dossier:
    from eventmodel.interop.prov import from_prov_text  # noqa: PLC0415 - the prov extra, only when fuzzed

    return from_prov_text(text, "json")


def _check_prov(given: str, result: em.Dossier) -> None:
    from eventmodel.interop.prov import from_prov_text, to_prov_text  # noqa: PLC0415 - the prov extra

    del given
    round_trip(result, em.Dossier)
    if from_prov_text(to_prov_text(result, "json"), "json") != result:
        raise RoundTripError("the dossier read from PROV-JSON does not come back equal through PROV-JSON")


if importlib.util.find_spec("prov") is not None and importlib.util.find_spec("rdflib") is not None:
    register(Target("import prov-json", _prov_input, _read_prov, _check_prov, weight=1))
