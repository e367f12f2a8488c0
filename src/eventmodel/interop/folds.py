"""
Analyses written once as folds, run unchanged in plain Python, on DuckDB, on
Dask and on PySpark over the Parquet tables of :mod:`eventmodel.interop.tables`.

A :class:`Fold` says which rows it reads, the key of each row, the value it
takes from a row, how two values combine, and how the value of a key becomes
its result. Each engine does the grouping its own way (a dict, SQL's
``GROUP BY``, Dask's ``foldby``, Spark's ``reduceByKey``); the fold's own
functions are the same Python everywhere.

:data:`CORROBORATION` counts, for every event, the reports that describe it
and their independent origins, as :meth:`eventmodel.Dossier.corroboration`
does. Its finalize step needs the sources' ``derived_from`` and ``derivation``: a small table,
given to every engine whole.

:data:`CONFLICTS` finds the pairs of claims that cannot both hold, as
:meth:`eventmodel.Dossier.conflicts` does. It keys each report (a row at
depth 1) by the id the report is filed under
(:func:`~eventmodel.interop.tables.filed_under`: the event or proposition its
innermost claim is about, or that claim's id when the proposition has none)
and carries the report's JSON; its finalize step rebuilds the reports of one
key and runs the dossier's own conflict finding over them. Every conflict is
between two reports filed under one id (a denial of a claim is filed with the
claim it denies, wherever it is told), so the conflicts of all the keys are
the dossier's, each once. Its results are :class:`ConflictRow` tuples;
:func:`conflict_rows` puts a dossier's conflicts, or a run's results, in one
sorted form to compare.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

import attrs

from eventmodel.dossier._dossier import Dossier
from eventmodel.interop.tables import dataset, filed_under, need
from eventmodel.io._json import loads
from eventmodel.model._claim import Claim

if TYPE_CHECKING:
    from eventmodel.dossier._analysis import Conflict

__all__ = [
    "CONFLICTS",
    "CORROBORATION",
    "ConflictRow",
    "Counts",
    "Fold",
    "conflict_rows",
    "derivations",
    "derivations_of",
    "run_dask",
    "run_duckdb",
    "run_python",
    "run_spark",
]

V = TypeVar("V")
R = TypeVar("R")

#: The sources' derivations: each source id to the ids it derives from, and
#: whether it carries their text (its derivation is a reprint, translation
#: or summary).
Derivations = Mapping[str, tuple[tuple[str, ...], bool]]

#: The kinds of derivation whose source carries its parents' text.
_COPYING: Final = frozenset({"reprint", "translation", "summary"})


@attrs.frozen
class Fold(Generic[V, R]):
    """
    An analysis as a fold over the rows of one table.

    Attributes:
        table: The table it reads (a name in ``TABLES``).
        columns: The columns it reads.
        where: Which rows it keeps: ``(column, value)`` keeps the rows
            where ``column = value``; ``(column, (value, ...))`` those where
            the column holds one of the values (``column IN (...)``);
            ``None`` keeps every row.
        key: The key of a row (a dict of *columns*).
        value: The value a row contributes.
        combine: Two values of one key made one; associative and
            commutative, so that any engine may combine in any order.
        finalize: The result of a key from its value and the derivations.

    .. versionadded:: 0.1.0

    """

    table: str
    columns: tuple[str, ...]
    where: tuple[str, object] | None
    key: Callable[[Mapping[str, Any]], str]
    value: Callable[[Mapping[str, Any]], V]
    combine: Callable[[V, V], V]
    finalize: Callable[[str, V, Derivations], R]


@attrs.frozen
class Counts:
    """
    The corroboration of one event in numbers: what
    :attr:`~eventmodel.Corroboration.raw_count`,
    :attr:`~eventmodel.Corroboration.independent_count` and
    :attr:`~eventmodel.Corroboration.circular` say.

    .. versionadded:: 0.1.0
    """

    event_id: str
    raw_count: int
    independent_count: int
    circular: bool


# A report about an event: (position, depth, report id, speaker, sources).
_Report = tuple[int, int, str, str | None, tuple[str, ...]]


def _report(row: Mapping[str, Any]) -> tuple[_Report, ...]:
    if not row["realised"] or row["role_of"] is not None:
        return ()  # a claim never made, or one about a participant's role, reports nothing of the event
    return (
        (
            int(row["position"]),
            int(row["depth"]),
            str(row["report_id"]),
            row["claimant"],
            tuple(row["sources"] if row["sources"] is not None else ()),
        ),
    )


def _concatenate(first: tuple[_Report, ...], second: tuple[_Report, ...]) -> tuple[_Report, ...]:
    return first + second


def _ancestors(derived: Derivations, source: str) -> set[str]:
    seen: set[str] = set()
    stack = [source]
    while stack:
        for parent in derived.get(stack.pop(), ((), False))[0]:
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def _copied(derived: Derivations, source: str) -> tuple[str, ...]:
    """The sources whose text *source* carries, nearest first (a reprint's wire, and the wire's)."""
    found: dict[str, None] = {}
    queue = [source]
    for current in queue:
        parents, copies = derived.get(current, ((), False))
        if not copies:
            continue
        for parent in parents:
            if parent != source and parent not in found:
                found[parent] = None
                queue.append(parent)
    return tuple(found)


def _join_copied(
    sources: list[tuple[str, ...]],
    speakers: list[str | None],
    derived: Derivations,
    join: Callable[[int, int], None],
) -> dict[str, tuple[str, ...]]:
    """
    2. Copied text: a report in a source that carries another's text joins a
    report carried by that text from another source, whoever it names as
    speaker. Gives the texts each source carries.
    """
    copied = {source: _copied(derived, source) for held in sources for source in held}
    carriers: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, held in enumerate(sources):
        for source in held:
            carriers[source].append((index, source))
            for text in copied[source]:
                carriers[text].append((index, source))
    for index, held in enumerate(sources):
        for source, text in ((own, text) for own in held for text in copied[own]):
            others = [other for other, where in carriers[text] if other != index and where != source]
            if not others:
                continue
            if speakers[index] is None or all(speakers[other] != speakers[index] for other in others):
                join(others[0], index)
            break
    return copied


def _corroboration(event_id: str, found: tuple[_Report, ...], derived: Derivations) -> Counts:
    # The order of the dossier: reports as written, each once (its first statement).
    reports: list[_Report] = []
    seen: set[str] = set()
    for report in sorted(found, key=lambda item: (item[0], item[1])):
        if report[2] not in seen:
            seen.add(report[2])
            reports.append(report)
    parent = list(range(len(reports)))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(first: int, second: int) -> None:
        a, b = find(first), find(second)
        if a != b:
            parent[b] = a

    speakers = [report[3] for report in reports]
    by_speaker: dict[str, int] = {}
    for index, speaker in enumerate(speakers):
        if speaker is not None:
            if speaker in by_speaker:
                join(by_speaker[speaker], index)
            else:
                by_speaker[speaker] = index
    copied = _join_copied([tuple(dict.fromkeys(report[4])) for report in reports], speakers, derived, join)
    # 4. Derivation of any other kind.
    cited: dict[str, list[int]] = defaultdict(list)
    for index, report in enumerate(reports):
        for source in report[4]:
            cited[source].append(index)
    for index, report in enumerate(reports):
        echoed = False
        for source in report[4]:
            for ancestor in sorted(_ancestors(derived, source)):
                if ancestor in copied[source]:
                    continue  # told by rule 2
                for other in cited.get(ancestor, ()):
                    if other == index:
                        continue
                    same = speakers[index] is not None and speakers[index] == speakers[other]
                    if same or (speakers[index] is None and not echoed):
                        join(other, index)
                        echoed = echoed or speakers[index] is None
    common: dict[str, int] = {}
    for index, report in enumerate(reports):
        if speakers[index] is not None:
            continue
        for source in report[4]:
            for ancestor in sorted(_ancestors(derived, source)):
                if ancestor in common and find(common[ancestor]) != find(index):
                    join(common[ancestor], index)
                common.setdefault(ancestor, index)
    sizes: dict[int, int] = defaultdict(int)
    for index in range(len(reports)):
        sizes[find(index)] += 1
    return Counts(
        event_id=event_id,
        raw_count=len(reports),
        independent_count=len(sizes),
        circular=any(size > 1 for size in sizes.values()),
    )


#: Corroboration of every event, as a fold over the ``claims`` table.
CORROBORATION: Final[Fold[tuple[_Report, ...], Counts]] = Fold(
    table="claims",
    columns=("subject_id", "position", "depth", "report_id", "claimant", "sources", "realised", "role_of"),
    where=("subject_type", "event"),
    key=lambda row: str(row["subject_id"]),
    value=_report,
    combine=_concatenate,
    finalize=_corroboration,
)


@attrs.frozen(order=True)
class ConflictRow:
    """
    One :class:`~eventmodel.Conflict` as plain, comparable values: the two
    claims' ids and the ids of the reports that carry them, the subject, the
    field and the reason. Rows sort, pickle and compare by value, so the
    conflicts of any engine compare with a dossier's (see
    :func:`conflict_rows`).

    .. versionadded:: 0.1.0
    """

    first: str
    first_report: str
    second: str
    second_report: str
    subject: str
    field: str
    reason: str


def conflict_rows(
    found: Iterable[Conflict] | Mapping[str, Iterable[ConflictRow]],
) -> tuple[ConflictRow, ...]:
    """
    The rows of *found*, sorted: either conflicts (what
    :meth:`Dossier.conflicts <eventmodel.Dossier.conflicts>` returns) or the
    results of running :data:`CONFLICTS` (the rows of every key). One pair
    that disagrees on several fields is a row for each, as in the dossier.

    .. versionadded:: 0.1.0
    """
    if isinstance(found, Mapping):
        return tuple(sorted(row for rows in found.values() for row in rows))
    return tuple(
        sorted(
            ConflictRow(
                first=conflict.first.claim.id,
                first_report=conflict.first.report.id,
                second=conflict.second.claim.id,
                second_report=conflict.second.report.id,
                subject=conflict.subject,
                field=conflict.field,
                reason=conflict.reason,
            )
            for conflict in found
        )
    )


# A report as the conflicts fold carries it: (position, its JSON).
_Written = tuple[int, str]


def _filed(row: Mapping[str, Any]) -> str:
    if row["subject_type"] == "claim":  # reported speech: the innermost claim is inside the JSON
        return filed_under(loads(row["document"], Claim))
    subject = row["subject_id"]
    return str(row["claim_id"] if subject is None else subject)


def _written(row: Mapping[str, Any]) -> tuple[_Written, ...]:
    return ((int(row["position"]), str(row["document"])),)


def _concatenate_written(first: tuple[_Written, ...], second: tuple[_Written, ...]) -> tuple[_Written, ...]:
    return first + second


def _conflicts(key: str, found: tuple[_Written, ...], derived: Derivations) -> tuple[ConflictRow, ...]:
    del key, derived  # every report filed under the key is in found; sources play no part
    if len(found) < 2:
        return ()  # one report cannot conflict with itself
    reports = [loads(document, Claim) for _, document in sorted(found)]
    return conflict_rows(Dossier(reports).conflicts())


#: The conflicts of the reports filed under each id, as a fold over the
#: ``claims`` table: equal, over all keys, to
#: :meth:`Dossier.conflicts <eventmodel.Dossier.conflicts>` (compare with
#: :func:`conflict_rows`). A key with one report has none.
CONFLICTS: Final[Fold[tuple[_Written, ...], tuple[ConflictRow, ...]]] = Fold(
    table="claims",
    columns=("position", "claim_id", "subject_type", "subject_id", "document"),
    where=("depth", 1),
    key=_filed,
    value=_written,
    combine=_concatenate_written,
    finalize=_conflicts,
)


def derivations(directory: str | os.PathLike[str]) -> dict[str, tuple[tuple[str, ...], bool]]:
    """
    The ``derived_from`` of every source in the ``sources`` table under
    *directory*, and whether it carries their text (needs ``pyarrow``).
    """
    table = dataset(directory, "sources").to_table(columns=["id", "derived_from", "derivation"])
    return derivations_of(table.to_pylist())


def derivations_of(rows: Iterable[Mapping[str, Any]]) -> dict[str, tuple[tuple[str, ...], bool]]:
    """
    The derivations of the sources in *rows* of the ``sources`` table (dicts
    with ``id``, ``derived_from`` and ``derivation``).

    .. versionadded:: 0.1.0
    """
    return {
        row["id"]: (tuple(row["derived_from"]), row["derivation"] in _COPYING)
        for row in rows
        if row["derived_from"]
    }


def run_python(fold: Fold[V, R], rows: Iterable[Mapping[str, Any]], derived: Derivations) -> dict[str, R]:
    """
    Run *fold* over *rows* (dicts with the fold's columns and its ``where``
    column), in plain Python.

    .. versionadded:: 0.1.0
    """
    keep = _where(fold)
    values: dict[str, V] = {}
    for row in rows:
        if keep is not None and row[keep[0]] not in keep[1]:
            continue
        key = fold.key(row)
        value = fold.value(row)
        values[key] = fold.combine(values[key], value) if key in values else value
    return {key: fold.finalize(key, value, derived) for key, value in values.items()}


def _where(fold: Fold[Any, Any]) -> tuple[str, list[Any]] | None:
    """The fold's ``where`` as a column and the list of values it keeps, or ``None`` for every row."""
    if fold.where is None:
        return None
    column, wanted = fold.where
    return column, list(wanted) if isinstance(wanted, tuple) else [wanted]


def _glob(directory: str | os.PathLike[str], table: str) -> str:
    return str(Path(directory) / table / "*" / "*.parquet")


def run_duckdb(
    fold: Fold[V, R],
    directory: str | os.PathLike[str],
    *,
    connection: Any = None,
    memory_limit: str | None = None,
) -> dict[str, R]:
    """
    Run *fold* on DuckDB over the Parquet files under *directory*, one bucket
    at a time: SQL selects the rows and groups them by key (the fold's
    combine), and the fold's finalize makes each key's result.

    .. versionadded:: 0.1.0
    """
    need("duckdb", "duckdb")
    import duckdb

    con = connection if connection is not None else duckdb.connect()
    if memory_limit is not None:
        limit = str(memory_limit).replace("'", "''")
        con.execute(f"SET memory_limit = '{limit}'")
    derived = derivations(directory)
    keep = _where(fold)
    if not any((Path(directory) / fold.table).glob("*/*.parquet")):
        return {}
    pattern = _glob(directory, fold.table).replace("'", "''")
    source = f"read_parquet('{pattern}', hive_partitioning = true)"
    query = f"SELECT DISTINCT bucket FROM {source} ORDER BY 1"  # noqa: S608 (the path is quoted)
    buckets = [row[0] for row in con.execute(query).fetchall()]
    names = ", ".join(fold.columns)
    out: dict[str, R] = {}
    for bucket in buckets:
        select = f"SELECT {names} FROM {source} WHERE bucket = ?"  # noqa: S608 (names are the fold's)
        parameters = [bucket]
        if keep is not None:
            select += f" AND {keep[0]} IN ({', '.join('?' * len(keep[1]))})"
            parameters.extend(keep[1])
        cursor = con.execute(select, parameters)
        values: dict[str, V] = {}
        while batch := cursor.fetchmany(100_000):
            for record in batch:
                row = dict(zip(fold.columns, record, strict=True))
                key = fold.key(row)
                value = fold.value(row)
                values[key] = fold.combine(values[key], value) if key in values else value
        for key, value in values.items():
            out[key] = fold.finalize(key, value, derived)
    return out


def run_dask(
    fold: Fold[V, R], directory: str | os.PathLike[str], *, scheduler: str = "threads"
) -> dict[str, R]:
    """
    Run *fold* on Dask: the table read as a Dask DataFrame, its rows as a
    bag, grouped and combined by ``Bag.foldby`` with the fold's combine.

    .. versionadded:: 0.1.0
    """
    need("dask", "dask")
    import dask.dataframe as dd

    derived = derivations(directory)
    keep = _where(fold)
    path = str(Path(directory) / fold.table)
    if keep is None:
        frame = dd.read_parquet(path, columns=list(fold.columns))
    else:
        column, wanted = keep
        frame = dd.read_parquet(
            path, columns=list(dict.fromkeys([*fold.columns, column])), filters=[(column, "in", wanted)]
        )
        mask = frame[column] == wanted[0]
        for value in wanted[1:]:  # ``isin`` would make a task a bag cannot fuse
            mask = mask | (frame[column] == value)
        frame = frame[mask]
    bag = frame.to_bag(format="dict")
    pairs = bag.foldby(
        fold.key,
        lambda total, row: fold.value(row) if total is None else fold.combine(total, fold.value(row)),
        None,
        lambda first, second: (
            second if first is None else first if second is None else fold.combine(first, second)
        ),
        None,
    ).compute(scheduler=scheduler)
    return {key: fold.finalize(key, value, derived) for key, value in pairs}


def run_spark(fold: Fold[V, R], directory: str | os.PathLike[str], spark: Any) -> dict[str, R]:
    """
    Run *fold* on PySpark: the table read by ``spark.read.parquet``, its rows
    keyed and combined by ``reduceByKey`` with the fold's combine, finalized
    on the executors with the derivations broadcast.

    .. versionadded:: 0.1.0
    """
    derived = spark.sparkContext.broadcast(derivations(directory))
    keep = _where(fold)
    frame = spark.read.parquet(str(Path(directory) / fold.table))
    if keep is not None:
        frame = frame.where(frame[keep[0]].isin(list(keep[1])))
    frame = frame.select(*fold.columns)
    key, value, combine, finalize = fold.key, fold.value, fold.combine, fold.finalize
    pairs = frame.rdd.map(lambda row: (key(row.asDict()), value(row.asDict()))).reduceByKey(combine)
    results = pairs.map(lambda pair: (pair[0], finalize(pair[0], pair[1], derived.value))).collect()
    return dict(results)
