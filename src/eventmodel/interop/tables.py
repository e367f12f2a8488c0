"""
A dossier as tables: Arrow tables, pandas and polars DataFrames, and
Hive-partitioned Parquet that DuckDB, Dask and Spark read.

Five tables, each documented in ``docs/reference/tables.md`` (a test checks
that page against :data:`TABLES`):

- ``claims``: one row a claim at any depth of reported speech;
- ``evidence``: one row an evidence item of a claim at any depth;
- ``participants``: one row a participant of an event a claim describes;
- ``actors`` and ``sources``: one row each.

Every row of ``claims`` at depth 1 (a top-level claim), and every row of
``actors`` and ``sources``, keeps the whole object's JSON text in its
``document`` column, so the objects come back equal
(:func:`read_parquet`); the other columns are what queries join on.
Decimals are written as their exact decimal strings, never as floats.

Rows are put in buckets by :func:`bucket_of` the id of the event (or
proposition) a claim is about (:func:`filed_under`), so that all the reports
of one event fall in one bucket and an engine can work one bucket at a time. The formula uses only
MD5, which Python, DuckDB and Spark compute alike::

    bucket = int(md5(utf8(id)).hexdigest()[:8], 16) % buckets

Writing needs the ``pyarrow`` extra; the row making (:func:`rows_of`,
:func:`bucket_of`) needs nothing.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from eventmodel.dossier._analysis import innermost
from eventmodel.dossier._dossier import Dossier
from eventmodel.exceptions import InvalidTypeError, InvalidValueError, MissingExtraError
from eventmodel.io._json import dumps, loads
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Participant
from eventmodel.model._evidence import Evidence
from eventmodel.model._source import Source

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "BUCKETS",
    "DUCKDB_BUCKET",
    "IN_DOCUMENT",
    "SPARK_BUCKET",
    "TABLES",
    "Column",
    "bucket_of",
    "dask_buckets",
    "dataset",
    "filed_under",
    "need",
    "read_parquet",
    "rows_of",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "write_parquet",
    "write_parquet_export",
]

#: How many buckets :func:`write_parquet` makes unless told.
BUCKETS: Final = 16


@attrs.frozen
class Column:
    """
    One column of a table: its name, its Arrow type (as written by
    ``str(pyarrow type)``), whether it may be null, and what it holds.

    .. versionadded:: 0.1.0
    """

    name: str
    type: str
    nullable: bool
    meaning: str


_BUCKET = Column("bucket", "int32", False, "the Hive partition: `bucket_of` the id the row is filed under")
_DOCUMENT = "the whole object's JSON text (`eventmodel.json.dumps`), which rebuilds it"

#: The tables and their columns, in order. ``bucket`` is the Hive partition
#: key: it is in the folder names (``bucket=7``), not in the files.
TABLES: Final[dict[str, tuple[Column, ...]]] = {
    "claims": (
        _BUCKET,
        Column("position", "int64", False, "the place of the top-level claim in the written stream, from 0"),
        Column(
            "report_id", "string", False, "the id of the top-level claim (the report) this row belongs to"
        ),
        Column("depth", "int32", False, "1 for the report itself, 2 for the claim it reports, and so on"),
        Column("claim_id", "string", False, "the claim's id"),
        Column("claimant", "string", True, "the claimant's actor id; null when unattributed"),
        Column("subject_type", "string", True, "`event`, `proposition` or `claim`: what the claim is about"),
        Column("subject_id", "string", True, "the id of that event, proposition or claim"),
        Column("speech_act", "string", False, "the speech act's value (`assert`, `report`, ...)"),
        Column("certainty", "string", False, "the factuality's certainty (`CT`, `PR`, `PS`, `U`)"),
        Column("polarity", "string", False, "the factuality's polarity (`+`, `-`, `u`)"),
        Column("confidence", "string", True, "the confidence in percent, as an exact decimal string"),
        Column(
            "mood", "string", False, "the mood's value (`asserted`, `planned`, `withheld`, `hypothetical`)"
        ),
        Column(
            "realised",
            "bool",
            False,
            "whether the claim was made and relayed: neither it nor a claim that carries it is unrealised",
        ),
        Column("role_of", "string", True, "the participant whose role the claim asserts or denies"),
        Column("sources", "list<item: string>", False, "the source ids of the report's evidence, in order"),
        Column("document", "string", True, f"depth 1 only: {_DOCUMENT}"),
    ),
    "evidence": (
        _BUCKET,
        Column("report_id", "string", False, "the top-level claim"),
        Column("claim_id", "string", False, "the claim the evidence backs, at any depth"),
        Column("depth", "int32", False, "that claim's depth"),
        Column("index", "int32", False, "the evidence item's place in the claim's evidence, from 0"),
        Column("source", "string", False, "the source's id"),
    ),
    "participants": (
        _BUCKET,
        Column("report_id", "string", False, "the top-level claim"),
        Column("claim_id", "string", False, "the claim that describes the event"),
        Column("event_id", "string", False, "the event"),
        Column("index", "int32", False, "the participant's place in the event's participants, from 0"),
        Column("actor", "string", True, "the participant's actor id; null when the story does not name it"),
        Column("role", "string", False, "its role"),
    ),
    "actors": (
        Column("bucket", "int32", False, "the Hive partition: `bucket_of` the actor's id"),
        Column("id", "string", False, "the actor's id"),
        Column("name", "string", False, "its name"),
        Column("kind", "string", False, "its kind's value"),
        Column("document", "string", False, _DOCUMENT),
    ),
    "sources": (
        Column("bucket", "int32", False, "the Hive partition: `bucket_of` the source's id"),
        Column("id", "string", False, "the source's id"),
        Column("kind", "string", False, "its kind's value"),
        Column("title", "string", True, "its title"),
        Column("publisher", "string", True, "its publisher's actor id"),
        Column("url", "string", True, "its address"),
        Column("derived_from", "list<item: string>", False, "the ids of the sources it derives from"),
        Column("derivation", "string", True, "the kind of its derivation's value (`reprint`, ...)"),
        Column("document", "string", False, _DOCUMENT),
    ),
}

#: The fields of each model class that no column holds: they are kept in the
#: ``document`` of the top-level object. A field added to a class and named
#: neither by a column nor here fails a test by name.
IN_DOCUMENT: Final[dict[type, frozenset[str]]] = {
    Claim: frozenset(
        {"content", "factuality", "made_at", "evidence", "setting", "supersedes", "retracts"}
        | {"regarding", "relation", "extras"}
    ),
    Evidence: frozenset({"quote", "span", "extras"}),
    Participant: frozenset({"extras"}),
    Actor: frozenset({"aliases", "affiliations", "identifiers", "unnamed", "conditions", "extras"}),
    Source: frozenset(
        {
            "authors",
            "published",
            "published_estimate",
            "retrieved",
            "language",
            "reliability",
            "text",
            "extras",
        }
    ),
}


def need(module: str, extra: str) -> None:
    """Raise :class:`~eventmodel.MissingExtraError` naming *extra* when *module* is not installed."""
    if importlib.util.find_spec(module) is None:
        raise MissingExtraError(f"{module} is needed, and is not installed", extra=extra)


def bucket_of(ident: str, buckets: int = BUCKETS) -> int:
    """
    The bucket of *ident*: the first 8 hex digits of the MD5 of its UTF-8
    bytes, as an integer, modulo *buckets*. DuckDB and Spark compute it the
    same way (see ``docs/how-to/scale-out.md``).

    .. versionadded:: 0.1.0
    """
    return int(hashlib.md5(ident.encode("utf-8"), usedforsecurity=False).hexdigest()[:8], 16) % buckets


#: :func:`bucket_of` in DuckDB's SQL: ``.format(column=..., buckets=...)``.
DUCKDB_BUCKET: Final = "CAST(CAST('0x' || substr(md5({column}), 1, 8) AS UBIGINT) % {buckets} AS INTEGER)"
#: :func:`bucket_of` in Spark SQL: ``.format(column=..., buckets=...)``.
SPARK_BUCKET: Final = (
    "CAST(pmod(CAST(conv(substr(md5({column}), 1, 8), 16, 10) AS BIGINT), {buckets}) AS INT)"
)


def dask_buckets(ids: Iterable[str], buckets: int = BUCKETS) -> list[int]:
    """:func:`bucket_of` each of *ids*, computed by Dask over a DataFrame column (the ``dask`` extra)."""
    need("dask", "dask")
    import dask.dataframe as dd
    import pandas as pd

    column = pd.DataFrame({"id": list(ids)})
    frame = dd.from_pandas(column, npartitions=2)  # type: ignore[no-untyped-call]
    found = frame["id"].map(lambda ident: bucket_of(ident, buckets), meta=("id", "int64"))
    return [int(value) for value in found.compute(scheduler="threads")]


def _value(item: object) -> str:
    return str(getattr(item, "value", item))


def rows_of(
    objects: Iterable[object], *, buckets: int = BUCKETS, start: int = 0
) -> dict[str, list[dict[str, Any]]]:
    """
    The rows of each table for *objects* (actors, sources and claims, as a
    :class:`~eventmodel.Dossier` iterates them), as plain dicts, in the
    order of :data:`TABLES`' columns. *start* is the ``position`` of the
    first claim.

    Raises:
        InvalidTypeError: For an object that is not an actor, a source or a claim.

    .. versionadded:: 0.1.0

    """
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    position = start
    for obj in objects:
        if isinstance(obj, Claim):
            _claim_rows(obj, position, buckets, out)
            position += 1
        elif isinstance(obj, Actor):
            out["actors"].append(
                {
                    "bucket": bucket_of(obj.id, buckets),
                    "id": obj.id,
                    "name": obj.name,
                    "kind": _value(obj.kind),
                    "document": dumps(obj),
                }
            )
        elif isinstance(obj, Source):
            out["sources"].append(
                {
                    "bucket": bucket_of(obj.id, buckets),
                    "id": obj.id,
                    "kind": _value(obj.kind),
                    "title": obj.title,
                    "publisher": obj.publisher,
                    "url": obj.url,
                    "derived_from": list(obj.derived_from),
                    "derivation": None if obj.derivation is None else obj.derivation.value,
                    "document": dumps(obj),
                }
            )
        else:
            raise InvalidTypeError("needs an Actor, a Source or a Claim", cls="tables", value=obj)
    return out


def filed_under(report: Claim) -> str:
    """
    The id a report's rows are filed under: the id of the event or
    proposition its innermost claim is about, or, for a proposition without
    an id, the innermost claim's own id. Every report that carries one claim
    is filed under one id, so the reports that can conflict (see
    :data:`eventmodel.interop.folds.CONFLICTS`) share a bucket.

    .. versionadded:: 0.1.0
    """
    inner = innermost(report)
    content = inner.content
    return inner.id if content.id is None else content.id


def _claim_rows(report: Claim, position: int, buckets: int, out: dict[str, list[dict[str, Any]]]) -> None:
    chain = [report]
    while isinstance(chain[-1].content, Claim):
        chain.append(chain[-1].content)
    bucket = bucket_of(filed_under(report), buckets)
    sources = [evidence.source for evidence in report.evidence]
    realised = True
    for depth, claim in enumerate(chain, start=1):
        content = claim.content
        realised = realised and claim.mood.realised
        subject_type = (
            "claim"
            if isinstance(content, Claim)
            else "event"
            if isinstance(content, Event)
            else "proposition"
        )
        confidence = claim.confidence
        out["claims"].append(
            {
                "bucket": bucket,
                "position": position,
                "report_id": report.id,
                "depth": depth,
                "claim_id": claim.id,
                "claimant": claim.claimant,
                "subject_type": subject_type,
                "subject_id": content.id,
                "speech_act": _value(claim.speech_act),
                "certainty": _value(claim.factuality.certainty),
                "polarity": _value(claim.factuality.polarity),
                "confidence": None if confidence is None else str(confidence.value),
                "mood": _value(claim.mood),
                "realised": realised,
                "role_of": claim.role_of,
                "sources": sources,
                "document": dumps(report) if depth == 1 else None,
            }
        )
        for index, evidence in enumerate(claim.evidence):
            out["evidence"].append(
                {
                    "bucket": bucket,
                    "report_id": report.id,
                    "claim_id": claim.id,
                    "depth": depth,
                    "index": index,
                    "source": evidence.source,
                }
            )
        if isinstance(content, Event):
            for index, participant in enumerate(content.participants):
                out["participants"].append(
                    {
                        "bucket": bucket,
                        "report_id": report.id,
                        "claim_id": claim.id,
                        "event_id": content.id,
                        "index": index,
                        "actor": participant.actor,
                        "role": participant.role,
                    }
                )


def _schema(name: str, *, partitioned: bool = False) -> pa.Schema:
    import pyarrow as pa

    types = {
        "int32": pa.int32(),
        "int64": pa.int64(),
        "string": pa.string(),
        "bool": pa.bool_(),
        "list<item: string>": pa.list_(pa.string()),
    }
    return pa.schema(
        [
            pa.field(column.name, types[column.type], nullable=column.nullable)
            for column in TABLES[name]
            if not (partitioned and column.name == "bucket")
        ]
    )


def _arrow(name: str, rows: list[dict[str, Any]], *, partitioned: bool = False) -> pa.Table:
    import pyarrow as pa

    schema = _schema(name, partitioned=partitioned)
    return pa.Table.from_pydict(
        {field.name: [row[field.name] for row in rows] for field in schema}, schema=schema
    )


def to_arrow(objects: Dossier | Iterable[object], *, buckets: int = BUCKETS) -> dict[str, pa.Table]:
    """
    The tables of *objects* (a dossier, or any iterable of actors, sources
    and claims) as ``pyarrow.Table`` objects, by table name, with the
    columns of :data:`TABLES` (``bucket`` included). Needs the ``pyarrow`` extra.

    .. versionadded:: 0.1.0
    """
    need("pyarrow", "pyarrow")
    return {name: _arrow(name, found) for name, found in rows_of(objects, buckets=buckets).items()}


def to_pandas(objects: Dossier | Iterable[object], *, buckets: int = BUCKETS) -> dict[str, Any]:
    """
    :func:`to_arrow` as pandas DataFrames (the ``pandas`` extra). List
    columns hold arrays; strings stay strings.

    .. versionadded:: 0.1.0
    """
    need("pandas", "pandas")
    return {name: table.to_pandas() for name, table in to_arrow(objects, buckets=buckets).items()}


def to_polars(objects: Dossier | Iterable[object], *, buckets: int = BUCKETS) -> dict[str, Any]:
    """
    :func:`to_arrow` as polars DataFrames (the ``polars`` extra).

    .. versionadded:: 0.1.0
    """
    need("polars", "polars")
    import polars as pl

    return {name: pl.from_arrow(table) for name, table in to_arrow(objects, buckets=buckets).items()}


def _batches(objects: Iterable[object], size: int) -> Iterator[list[object]]:
    batch: list[object] = []
    for obj in objects:
        batch.append(obj)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(
    objects: Dossier | Iterable[object],
    directory: str | os.PathLike[str],
    *,
    buckets: int = BUCKETS,
    batch_size: int = 50_000,
) -> int:
    """
    Write *objects* (a dossier, or any iterable of actors, sources and
    claims, such as a store's stream) as Hive-partitioned Parquet under
    *directory*: ``TABLE/bucket=N/part-0.parquet`` for each table of
    :data:`TABLES`. Objects are taken *batch_size* at a time, so memory stays
    bounded whatever the count; each batch adds a row group to each file.

    The directory is written whole or not at all: into a new folder beside it,
    which then takes its place (replacing what was there).

    Returns:
        How many objects were written.

    Raises:
        InvalidValueError: For *buckets* or *batch_size* below 1.

    .. versionadded:: 0.1.0

    """
    need("pyarrow", "pyarrow")
    import pyarrow.parquet as pq

    if isinstance(buckets, bool) or not isinstance(buckets, int) or buckets < 1:  # type: ignore[redundant-expr]
        raise InvalidValueError(
            "must be a whole number, 1 or more", cls="write_parquet", field="buckets", value=buckets
        )
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:  # type: ignore[redundant-expr]
        raise InvalidValueError(
            "must be a whole number, 1 or more", cls="write_parquet", field="batch_size", value=batch_size
        )
    target = Path(directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    writers: dict[tuple[str, int], pq.ParquetWriter] = {}
    count = 0
    claims = 0
    try:
        for name in TABLES:
            (work / name).mkdir()
        for batch in _batches(objects, batch_size):
            found = rows_of(batch, buckets=buckets, start=claims)
            count += len(batch)
            claims += sum(1 for obj in batch if isinstance(obj, Claim))
            for name, table_rows in found.items():
                split: dict[int, list[dict[str, Any]]] = {}
                for row in table_rows:
                    split.setdefault(row["bucket"], []).append(row)
                for bucket, part in sorted(split.items()):
                    writer = writers.get((name, bucket))
                    if writer is None:
                        folder = work / name / f"bucket={bucket}"
                        folder.mkdir()
                        writer = pq.ParquetWriter(folder / "part-0.parquet", _schema(name, partitioned=True))
                        writers[(name, bucket)] = writer
                    writer.write_table(_arrow(name, part, partitioned=True))
        for writer in writers.values():
            writer.close()
        writers.clear()
        _replace(work, target)
    except BaseException:
        for writer in writers.values():
            writer.close()
        shutil.rmtree(work, ignore_errors=True)
        raise
    return count


def _replace(work: Path, target: Path) -> None:
    for path, _, files in os.walk(work):
        for name in files:
            with open(os.path.join(path, name), "rb") as fp:
                os.fsync(fp.fileno())
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / target.name)
        os.replace(work, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(work, target)


def write_parquet_export(dossier: Dossier | Iterable[Any], path: str, *, buckets: str | None = None) -> None:
    """
    The ``parquet`` export format: :func:`write_parquet` of *dossier* (or
    of any iterable of top-level objects, such as a store's
    ``objects()``) into the folder *path*.
    """
    count = BUCKETS
    if buckets is not None:
        try:
            count = int(buckets)
        except ValueError:
            raise InvalidValueError(
                "must be a whole number, 1 or more", field="--buckets", value=buckets
            ) from None
    write_parquet(dossier, path, buckets=count)


def dataset(directory: str | os.PathLike[str], name: str) -> Any:
    """The table *name* under *directory* as a ``pyarrow.dataset.Dataset`` with the schema of :data:`TABLES`."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    partitioning = ds.partitioning(pa.schema([pa.field("bucket", pa.int32())]), flavor="hive")
    return ds.dataset(
        Path(directory) / name, schema=_schema(name), format="parquet", partitioning=partitioning
    )


def read_parquet(directory: str | os.PathLike[str]) -> Dossier:
    """
    The objects written by :func:`write_parquet` under *directory*, from
    their ``document`` columns: actors, sources, then claims in the order
    they were written.

    .. versionadded:: 0.1.0
    """
    need("pyarrow", "pyarrow")
    import pyarrow.dataset as ds

    root = Path(directory)
    actors = dataset(root, "actors").to_table(columns=["document"])["document"].to_pylist()
    sources = dataset(root, "sources").to_table(columns=["document"])["document"].to_pylist()
    objects: list[Actor | Source | Claim] = [loads(document, Actor) for document in actors]
    objects.extend(loads(document, Source) for document in sources)
    claims = dataset(root, "claims").to_table(columns=["position", "document"], filter=ds.field("depth") == 1)
    ordered = sorted(zip(claims["position"].to_pylist(), claims["document"].to_pylist(), strict=True))
    objects.extend(loads(document, Claim) for _, document in ordered)
    return Dossier(objects)
