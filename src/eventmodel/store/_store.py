"""
A dossier on disk: :class:`Store`, on the standard library's SQLite.

Each top-level object (actor, source, claim) is one row of ``objects`` that
keeps its canonical JSON document, so that what goes in comes out equal.
Beside it, narrow rows hold what queries join on: one row per hop of a
claim's chain (``hops``), per evidence item (``evidence``), per participant
(``participants``) and per derivation of a source (``derivations``), as the
statement stores of FollowTheMoney keep one row per value beside the entity.
The table schema is in ``docs/reference/store.md``.

The queries find the top-level claims (reports) to look at in SQL, read
those alone, and make their results with the dossier layer's own code, so
that they equal :class:`~eventmodel.Dossier`'s.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, cast

from eventmodel.core._frozen import FrozenDict
from eventmodel.core._gc import collector_paused
from eventmodel.dossier._analysis import hops_of, innermost, realised
from eventmodel.dossier._dossier import FORMAT_VERSION, Dossier, Unrecognized, iter_rules, run_rules
from eventmodel.dossier._index import find_conflicts, latest_start
from eventmodel.dossier._provenance import Report, Rule, Violation
from eventmodel.exceptions import InvalidTypeError, InvalidValueError, UnresolvedReferenceError
from eventmodel.io._document import from_document
from eventmodel.io._json import MAX_LINE_SIZE, _check_size, _parse, carried_dossier, dumps, loads
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition
from eventmodel.model._source import Source
from eventmodel.time._when import TimeRelation, When

from ._load import CHUNK_BYTES, Rows, iso, rows_of, rows_of_lines, watch_parent
from ._references import references
from ._view import StoreView, _statements

if TYPE_CHECKING:
    from eventmodel.dossier._analysis import Conflict, Corroboration, Hop, Statement

__all__ = ["STORE_VERSION", "Store"]

#: The version of the store's tables this library writes: a store whose major
#: version differs is refused.
STORE_VERSION: Final = "1.0"

Member = Actor | Source | Claim

#: The kind of each top-level class, as the ``objects.kind`` column holds it.
_KINDS: Final[dict[str, type[Member]]] = {"actor": Actor, "source": Source, "claim": Claim}

#: How many objects one ``executemany`` writes.
BATCH_SIZE: Final = 5_000

#: The most ids one ``IN (...)`` names (SQLite allows 32,766 parameters).
_CHUNK: Final = 500

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS objects (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    type TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS objects_kind ON objects (kind, seq);
CREATE TABLE IF NOT EXISTS hops (
    report INTEGER NOT NULL,
    depth INTEGER NOT NULL,
    claim TEXT NOT NULL,
    claimant TEXT,
    subject TEXT,
    subject_type TEXT,
    time_start TEXT,
    time_end TEXT,
    time_text TEXT,
    PRIMARY KEY (report, depth)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS hops_claim ON hops (claim);
CREATE INDEX IF NOT EXISTS hops_claimant ON hops (claimant);
CREATE INDEX IF NOT EXISTS hops_subject ON hops (subject);
CREATE INDEX IF NOT EXISTS hops_time ON hops (time_start) WHERE time_start IS NOT NULL;
CREATE TABLE IF NOT EXISTS evidence (
    report INTEGER NOT NULL,
    depth INTEGER NOT NULL,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (report, depth, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS evidence_source ON evidence (source);
CREATE TABLE IF NOT EXISTS participants (
    report INTEGER NOT NULL,
    depth INTEGER NOT NULL,
    position INTEGER NOT NULL,
    actor TEXT,
    role TEXT NOT NULL,
    PRIMARY KEY (report, depth, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS participants_actor ON participants (actor);
CREATE TABLE IF NOT EXISTS derivations (
    source TEXT NOT NULL,
    position INTEGER NOT NULL,
    parent TEXT NOT NULL,
    PRIMARY KEY (source, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unrecognized (
    seq INTEGER PRIMARY KEY,
    list TEXT NOT NULL,
    document TEXT NOT NULL
);
"""

#: The secondary indexes, by name: made after a load into an empty store.
_INDEXES: Final = tuple(
    (statement.split("EXISTS", 1)[1].split()[0], statement.strip())
    for statement in _SCHEMA.split(";")
    if "CREATE INDEX" in statement
)

#: The most worker processes :meth:`Store.load_jsonl` starts unless told.
_MAX_WORKERS: Final = 8

#: The page cache of a load, in KiB (SQLite's default is 2 MiB).
_LOAD_CACHE_KIB: Final = 65_536


def _workers(workers: object) -> int:
    if workers is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        return min(cores, _MAX_WORKERS)
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        raise InvalidValueError(
            "must be a whole number of processes, 0 or more", cls="Store", field="workers", value=workers
        )
    return workers


def _open_lines(path: str | os.PathLike[str]) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as error:
        raise InvalidValueError(
            f"cannot be read ({error.strerror or error})",
            cls="Store",
            field="load_jsonl()",
            value=os.fspath(path),
        ) from None


def _chunks_of_lines(fp: IO[bytes], limit: int) -> Iterator[tuple[list[bytes], int]]:
    """
    The lines of *fp* in chunks of about :data:`CHUNK_BYTES`, each with the
    number of its first line; each line read with at most *limit* bytes and
    one more, as :func:`eventmodel.json.iter_jsonl` reads them.
    """
    lines: list[bytes] = []
    size = 0
    number = 1
    while True:
        line = fp.readline(limit + 2)
        if not line:
            break
        lines.append(line)
        size += len(line)
        if size >= CHUNK_BYTES:
            yield lines, number
            number += len(lines)
            lines, size = [], 0
    if lines:
        yield lines, number


def _ident(obj: object) -> str | None:
    if obj is None or isinstance(obj, str):
        return obj
    ident = getattr(obj, "id", None)
    return ident if isinstance(ident, str) else None


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Store:
    """
    A dossier kept on disk, in an SQLite database (WAL mode), or in memory
    (``":memory:"``): actors, sources and claims added one by one or in
    bulk, queried as a :class:`~eventmodel.Dossier` is, with the analyses
    that matter at scale run without reading everything.

    Args:
        path: The database file, created if missing; ``":memory:"`` for a
            store that lives as long as the object.
        batch_size: How many objects :meth:`add_all` writes at once.

    Raises:
        InvalidValueError: For a file that is not an eventmodel store, or a
            store of another major version.

    .. versionadded:: 0.1.0

    """

    def __init__(self, path: str | Path = ":memory:", *, batch_size: int = BATCH_SIZE) -> None:
        self.path = os.fspath(path)
        self.batch_size = batch_size
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise InvalidValueError(
                f"cannot be opened as a store ({error})", cls="Store", field="path", value=self.path
            ) from None
        try:
            self._open()
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise InvalidValueError(
                f"is not an eventmodel store ({error})",
                cls="Store",
                field="path",
                value=self.path,
                fix="name a new file, or a store that eventmodel made",
            ) from None
        except BaseException:
            self._db.close()
            raise

    def _open(self) -> None:
        db = self._db
        if self.path != ":memory:":
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "meta" not in tables:
            raise InvalidValueError(
                "is an SQLite database but not an eventmodel store: it has no meta table",
                cls="Store",
                field="path",
                value=self.path,
                fix="name a new file, or a store that eventmodel made",
            )
        if "meta" in tables:
            row = db.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
            version = row[0] if row else None
            if not isinstance(version, str) or version.partition(".")[0] != STORE_VERSION.partition(".")[0]:
                raise InvalidValueError(
                    f"is a store of version {version}; this eventmodel reads stores of version "
                    f"{STORE_VERSION.partition('.')[0]}.x",
                    cls="Store",
                    field="store_version",
                    value=self.path,
                    fix="open it with the eventmodel that wrote it, and export it as JSON Lines",
                )
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("store_version", STORE_VERSION), ("format_version", FORMAT_VERSION), ("extras", "{}")],
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # -- the file ----------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database; the store cannot be used after."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def __repr__(self) -> str:
        counts = dict.fromkeys(_KINDS, 0)
        for kind, count in self._db.execute("SELECT kind, COUNT(*) FROM objects GROUP BY kind"):
            counts[kind] = count
        return (
            f"<Store {self.path}: {counts['actor']:,} actors, {counts['source']:,} sources, "
            f"{counts['claim']:,} claims>"
        )

    @property
    def format_version(self) -> str:
        """The version of the document format the store's objects are kept in."""
        return str(self._meta("format_version"))

    @property
    def store_version(self) -> str:
        """The version of the store's tables."""
        return str(self._meta("store_version"))

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    # -- adding ------------------------------------------------------------------------------------

    def add(self, obj: Member) -> bool:
        """
        Add one actor, source or claim, in a transaction of its own. Adding
        an object already held is a no-op.

        Returns:
            Whether it was new.

        Raises:
            InvalidValueError: When the store holds other content under its id.
            InvalidTypeError: For anything but an actor, a source or a claim.

        """
        return self.add_all((obj,)) == 1

    def add_all(
        self, objects: Iterable[Member] | Dossier, *, progress: Callable[[int], None] | None = None
    ) -> int:
        """
        Add actors, sources and claims, or a whole :class:`~eventmodel.Dossier`
        (with its extras and unrecognized objects), in one transaction: all
        of them or, if one is refused or the process dies, none.

        Args:
            objects: The objects, in any order, read lazily.
            progress: Called with the number of objects read so far, after
                each batch.

        Returns:
            How many objects were new.

        Raises:
            InvalidValueError: For an id the store (or *objects*) holds with
                other content; the error names both, and nothing is added.
            InvalidTypeError: For anything but an actor, a source or a claim.

        """
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            added = self._add_all(objects, progress)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return added

    def load_jsonl(
        self,
        source: str | os.PathLike[str] | IO[bytes],
        *,
        workers: int | None = None,
        progress: Callable[[int], None] | None = None,
        max_line_size: int = MAX_LINE_SIZE,
    ) -> int:
        """
        Add the actors, sources and claims of a JSON Lines file, in one
        transaction, as ``add_all(iter_jsonl(fp))`` does, with the lines
        read, checked and made into rows by worker processes while this
        one writes them (only one process may write to SQLite). What ends
        in the store, and every error, is the same whatever the number of
        workers.

        Args:
            source: The file's path, or the file open for reading (binary).
            workers: How many worker processes read lines: by default one
                for each core this process may run on, at most 8; ``0`` for
                none, all in this process. Input of one chunk (4 MiB) or
                less is read in this process whatever is asked.
            progress: Called with the number of objects added or found
                held so far, after each chunk.
            max_line_size: As for :func:`eventmodel.json.iter_jsonl`.

        Returns:
            How many objects were new.

        Raises:
            EventModelError: For the first bad line, as
                :func:`~eventmodel.json.iter_jsonl` raises it (with its
                line number), or an id held with other content; nothing of
                the file is added.

        .. versionadded:: 0.1.0

        """
        limit = _check_size("max_line_size", max_line_size)
        count = _workers(workers)
        opened = None if hasattr(source, "readline") else _open_lines(source)
        fp = cast("IO[bytes]", source) if opened is None else opened
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                added = self._load_lines(fp, count, progress, limit)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        finally:
            if opened is not None:
                opened.close()
        return added

    def _load_lines(
        self, fp: IO[bytes], workers: int, progress: Callable[[int], None] | None, limit: int
    ) -> int:
        state = self._start_bulk()
        chunks = _chunks_of_lines(fp, limit)
        head = list(itertools.islice(chunks, 2))
        todo = itertools.chain(head, chunks)
        read = 0
        if workers == 0 or len(head) < 2:
            for lines, number in todo:
                rows = rows_of_lines(lines, number, state["seq"] + 1, limit)
                self._insert(rows, state)
                read += len(rows.objects)
                if progress is not None:
                    progress(read)
        else:
            context = multiprocessing.get_context("spawn")  # no copy of this process's database handle
            with ProcessPoolExecutor(
                workers, mp_context=context, initializer=watch_parent, initargs=(os.getpid(),)
            ) as pool:
                pending: deque[Future[Rows]] = deque()
                seq = state["seq"] + 1

                def submit(chunk: tuple[list[bytes], int]) -> None:
                    nonlocal seq
                    pending.append(pool.submit(rows_of_lines, chunk[0], chunk[1], seq, limit))
                    seq += len(chunk[0])  # at most one object a line: the numbers never meet

                try:
                    for chunk in itertools.islice(todo, 2 * workers):
                        submit(chunk)
                    while pending:
                        rows = pending.popleft().result()
                        self._insert(rows, state)
                        read += len(rows.objects)
                        if progress is not None:
                            progress(read)
                        for chunk in itertools.islice(todo, 1):
                            submit(chunk)
                except BaseException:
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
        self._end_bulk(state)
        return state["added"]

    def _add_all(self, objects: Iterable[Member] | Dossier, progress: Callable[[int], None] | None) -> int:
        if isinstance(objects, Dossier):
            self._add_dossier_members(objects)
        state = self._start_bulk()
        batch: list[Member] = []
        read = 0
        for obj in objects:
            batch.append(obj)
            read += 1
            if len(batch) >= self.batch_size:
                self._insert(rows_of(batch, state["seq"] + 1), state)
                batch = []
                if progress is not None:
                    progress(read)
        if batch:
            self._insert(rows_of(batch, state["seq"] + 1), state)
        if progress is not None:
            progress(read)
        self._end_bulk(state)
        return state["added"]

    def _add_dossier_members(self, dossier: Dossier) -> None:
        if dossier.extras:
            held = dict(self.extras)
            for name, value in dossier.extras.items():
                if name in held and held[name] != value:
                    raise InvalidValueError(
                        f"is a dossier extra the store holds with another value: {held[name]!r} and {value!r}",
                        cls="Store",
                        field="extras",
                        value=name,
                    )
                held[name] = value
            self._db.execute(
                "UPDATE meta SET value = ? WHERE key = 'extras'", (dumps(carried_dossier(extras=held)),)
            )
        if dossier.unrecognized:
            held_documents = {
                (row[0], row[1]) for row in self._db.execute("SELECT list, document FROM unrecognized")
            }
            for item in dossier.unrecognized:
                text = dumps(Dossier(unrecognized=(item,)))
                if (item.kind, text) not in held_documents:
                    self._db.execute(
                        "INSERT INTO unrecognized (list, document) VALUES (?, ?)", (item.kind, text)
                    )
                    held_documents.add((item.kind, text))

    def _start_bulk(self) -> dict[str, int]:
        """
        Ready a load, inside its transaction: a larger page cache and, into
        an empty store, the secondary indexes dropped, to be made whole at
        the end (sorting once is faster than inserting into them row by
        row). The transaction keeps them: a load that fails or dies leaves
        the indexes as they were.
        """
        db = self._db
        row = db.execute("SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM objects").fetchone()
        empty = int(row[1]) == 0
        state = {"seq": int(row[0]), "added": 0, "cache": int(db.execute("PRAGMA cache_size").fetchone()[0])}
        db.execute(f"PRAGMA cache_size = -{_LOAD_CACHE_KIB}")
        if empty:
            state["reindex"] = 1
            for name, _ in _INDEXES:
                db.execute(f"DROP INDEX IF EXISTS {name}")
        return state

    def _end_bulk(self, state: dict[str, int]) -> None:
        if state.get("reindex"):
            for _, statement in _INDEXES:
                self._db.execute(statement)
        self._db.execute(f"PRAGMA cache_size = {state['cache']}")

    def _insert(self, rows: Rows, state: dict[str, int]) -> None:
        """
        Insert *rows*, less the objects the store already holds; refuse an
        id the store (or the rows) hold with other content, naming both.
        """
        db = self._db
        held: dict[str, tuple[str, str]] = {}
        ids = list(dict.fromkeys(row[1] for row in rows.objects))
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for ident, kind, text in db.execute(
                f"SELECT id, kind, document FROM objects WHERE id IN ({marks})",  # noqa: S608 - marks only
                tuple(chunk),
            ):
                held[ident] = (kind, text)
        skipped: set[int] = set()
        objects = []
        for row in rows.objects:
            seq, ident, kind, _, text = row
            found = held.get(ident)
            if found is None:
                held[ident] = (kind, text)
                objects.append(row)
                continue
            skipped.add(seq)
            if found[1] != text:
                other, obj = self._decode(found[0], found[1]), self._decode(kind, text)
                if other != obj:
                    raise InvalidValueError(
                        f"is the id of two different objects: {other!r} and {obj!r}",
                        cls="Store",
                        field="add()",
                        value=ident,
                        fix="give each object its own id, or leave ids out to derive them from content",
                    )
        hops, evidence, participants = rows.hops, rows.evidence, rows.participants
        derivations: Iterable[tuple[int, str, int, str]] = rows.derivations
        if skipped:
            hops = [row for row in hops if row[0] not in skipped]
            evidence = [row for row in evidence if row[0] not in skipped]
            participants = [row for row in participants if row[0] not in skipped]
            derivations = [row for row in derivations if row[0] not in skipped]
        db.executemany("INSERT INTO objects (seq, id, kind, type, document) VALUES (?, ?, ?, ?, ?)", objects)
        db.executemany("INSERT INTO hops VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", hops)
        db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?)", evidence)
        db.executemany("INSERT INTO participants VALUES (?, ?, ?, ?, ?)", participants)
        db.executemany("INSERT INTO derivations VALUES (?, ?, ?)", [row[1:] for row in derivations])
        state["added"] += len(objects)
        if rows.objects:
            state["seq"] = max(state["seq"], rows.objects[-1][0])

    # -- reading -----------------------------------------------------------------------------------

    @staticmethod
    def _decode(kind: str, text: str) -> Member:
        with collector_paused():
            return cast("Member", from_document(_parse(text), _KINDS[kind]))

    def get(self, ident: str) -> Member | None:
        """The actor, source or claim with this id, or ``None``."""
        row = self._db.execute("SELECT kind, document FROM objects WHERE id = ?", (ident,)).fetchone()
        return None if row is None else self._decode(row[0], row[1])

    def __getitem__(self, ident: str) -> Member:
        found = self.get(ident)
        if found is None:
            raise KeyError(ident)
        return found

    def __contains__(self, item: object) -> bool:
        ident = item if isinstance(item, str) else getattr(item, "id", None)
        if not isinstance(ident, str):
            return False
        found = self.get(ident)
        return found is not None and (isinstance(item, str) or found == item)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM objects").fetchone()[0])

    def __iter__(self) -> Iterator[Member]:
        return self.objects()

    def objects(self, kind: str | None = None) -> Iterator[Member]:
        """
        Every top-level object, streamed in dependency order: the actors,
        then the sources, then the claims, each in the order they were added
        (the order of a :class:`~eventmodel.Dossier` and its JSON Lines).

        Args:
            kind: ``"actor"``, ``"source"`` or ``"claim"`` for those alone.

        """
        kinds = tuple(_KINDS) if kind is None else (kind,)
        for name in kinds:
            if name not in _KINDS:
                raise InvalidValueError(
                    "must be 'actor', 'source' or 'claim'", cls="Store", field="kind", value=kind
                )
            cursor = self._db.execute("SELECT document FROM objects WHERE kind = ? ORDER BY seq", (name,))
            while rows := cursor.fetchmany(1_000):
                for (text,) in rows:
                    yield self._decode(name, text)

    def actors(self) -> Iterator[Actor]:
        """The actors, in the order they were added."""
        return cast("Iterator[Actor]", self.objects("actor"))

    def sources(self) -> Iterator[Source]:
        """The sources, in the order they were added."""
        return cast("Iterator[Source]", self.objects("source"))

    def claims(self) -> Iterator[Claim]:
        """The top-level claims, in the order they were added."""
        return cast("Iterator[Claim]", self.objects("claim"))

    @property
    def extras(self) -> FrozenDict[str, Any]:
        """The extras of the dossiers added, merged."""
        text = self._meta("extras")
        if not text or text == "{}":
            return FrozenDict()
        return loads(text, Dossier, strict=False).extras

    @property
    def unrecognized(self) -> tuple[Unrecognized, ...]:
        """The unrecognized objects of the dossiers added."""
        return tuple(
            loads(row[0], Dossier, strict=False).unrecognized[0]
            for row in self._db.execute("SELECT document FROM unrecognized ORDER BY seq")
        )

    def _reports(self, sql: str, parameters: Sequence[Any] = ()) -> Iterator[Claim]:
        """The reports whose ``seq`` the query *sql* selects, in order."""
        cursor = self._db.execute(
            f"SELECT document FROM objects WHERE seq IN ({sql}) ORDER BY seq",  # noqa: S608 - our own SQL
            tuple(parameters),
        )
        while rows := cursor.fetchmany(1_000):
            for (text,) in rows:
                yield cast("Claim", self._decode("claim", text))

    # -- materialising -----------------------------------------------------------------------------

    def dossier(
        self,
        *,
        event: Event | str | None = None,
        claim: Claim | str | None = None,
        actor: Actor | str | None = None,
        source: Source | str | None = None,
    ) -> Dossier:
        """
        The store as a :class:`~eventmodel.Dossier`, or a part of it: with
        *event*, the reports of claims about that event (or proposition) at
        any depth; with *claim*, the report that carries it; with *actor*,
        the reports in which it speaks or takes part; with *source*, the
        reports whose evidence cites it. A part holds, besides those
        reports, what they refer to, closed: the actors and sources they
        name (and those these name: derivations, publishers, authors,
        affiliations), the reports that carry the claims they name
        (``regarding``, ``supersedes``, anchors) and the reports about the
        events they name (settings, anchors), found from the field kinds of
        the model classes, so that
        :meth:`~eventmodel.Dossier.check` and the analyses run on it as on
        the whole.

        Raises:
            InvalidValueError: When more than one part is asked for.

        """
        chosen = [
            (name, value)
            for name, value in (("event", event), ("claim", claim), ("actor", actor), ("source", source))
            if value is not None
        ]
        if not chosen:
            return carried_dossier(objects=self.objects(), extras=self.extras, unrecognized=self.unrecognized)
        if len(chosen) > 1:
            raise InvalidValueError(
                "takes one of event, claim, actor and source",
                cls="Store",
                field="dossier()",
                value=", ".join(name for name, _ in chosen),
            )
        name, value = chosen[0]
        ident = _ident(value) or ""
        queries = {
            "event": ("SELECT report FROM hops WHERE subject = ?", (ident,)),
            "claim": ("SELECT report FROM hops WHERE claim = ? ORDER BY report, depth LIMIT 1", (ident,)),
            "actor": (
                "SELECT report FROM hops WHERE claimant = ? UNION SELECT report FROM participants WHERE actor = ?",
                (ident, ident),
            ),
            "source": ("SELECT report FROM evidence WHERE source = ?", (ident,)),
        }
        sql, parameters = queries[name]
        return self._subset(list(self._reports(sql, parameters)))

    def _subset(self, reports: list[Claim]) -> Dossier:
        """
        A dossier of *reports* and what they refer to, closed: the actors and
        sources named, the reports that carry the claims named, and the
        reports about the events named (settings, anchors).
        """
        chosen: dict[str, Claim] = {report.id: report for report in reports}
        held: dict[str, tuple[int, Member]] = {}
        asked: set[str] = set()
        pending: list[object] = list(reports)
        while pending:
            wanted: dict[str, set[str]] = {"Actor": set(), "Source": set(), "Claim": set(), "Event": set()}
            for obj in pending:
                for target, ids in references(obj).items():
                    wanted.setdefault(target, set()).update(ids)
            pending = []
            members = sorted((wanted["Actor"] | wanted["Source"]) - asked - held.keys())
            asked.update(members)
            for ident, (seq, obj) in self._fetch(members).items():
                if not isinstance(obj, Claim):
                    held[ident] = (seq, obj)
                    pending.append(obj)
            for column, ids in (("claim", wanted["Claim"]), ("subject", wanted["Event"])):
                fresh = sorted(ids - asked)
                asked.update(fresh)
                for chunk in _chunks(fresh):
                    marks = ",".join("?" * len(chunk))
                    for report in self._reports(
                        f"SELECT report FROM hops WHERE {column} IN ({marks})",  # noqa: S608 - our own SQL
                        tuple(chunk),
                    ):
                        if report.id not in chosen:
                            chosen[report.id] = report
                            pending.append(report)
        order = {
            row[0]: row[1]
            for chunk in _chunks(sorted(chosen))
            for row in self._db.execute(
                f"SELECT id, seq FROM objects WHERE id IN ({','.join('?' * len(chunk))})",  # noqa: S608 - marks only
                tuple(chunk),
            )
        }
        members_held = [obj for _seq, obj in sorted(held.values(), key=lambda pair: pair[0])]
        claims = sorted(chosen.values(), key=lambda report: order[report.id])
        return Dossier([*members_held, *claims])

    def _fetch(self, ids: Sequence[str]) -> dict[str, tuple[int, Member]]:
        found: dict[str, tuple[int, Member]] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for seq, ident, kind, text in self._db.execute(
                f"SELECT seq, id, kind, document FROM objects WHERE id IN ({marks})",  # noqa: S608 - marks only
                tuple(chunk),
            ):
                found[ident] = (seq, self._decode(kind, text))
        return found

    # -- queries -----------------------------------------------------------------------------------

    def _statements(
        self, sql: str, parameters: Sequence[Any], keep: Callable[[Statement], bool]
    ) -> tuple[Statement, ...]:
        return tuple(
            statement
            for report in self._reports(sql, parameters)
            for statement in _statements(report)
            if keep(statement)
        )

    def statements(self) -> Iterator[Statement]:
        """Every claim in the store at any depth, each with its report and chain, streamed."""
        for report in self.claims():
            yield from _statements(report)

    def claims_by(self, actor: Actor | str | None) -> tuple[Statement, ...]:
        """The claims *actor* makes, at any depth (``None``: the unattributed ones)."""
        ident = _ident(actor)
        return self._statements(
            "SELECT report FROM hops WHERE claimant IS ?", (ident,), lambda s: s.claim.claimant == ident
        )

    def claims_citing(self, source: Source | str) -> tuple[Claim, ...]:
        """The top-level claims whose evidence is in *source*."""
        return tuple(
            self._reports(
                "SELECT report FROM evidence WHERE source = ? AND depth = 1", (_ident(source) or "",)
            )
        )

    def claims_about(self, subject: Event | Proposition | str) -> tuple[Statement, ...]:
        """The claims, at any depth, whose content is the event or proposition with this id."""
        ident = _ident(subject) or ""
        return self._statements(
            "SELECT report FROM hops WHERE subject = ?",
            (ident,),
            lambda s: isinstance(s.claim.content, (Event, Proposition)) and s.claim.content.id == ident,
        )

    def claims_involving(self, actor: Actor | str) -> tuple[Statement, ...]:
        """The claims about events in which *actor* takes part."""
        ident = _ident(actor) or ""
        return self._statements(
            "SELECT report FROM participants WHERE actor = ?",
            (ident,),
            lambda s: (
                isinstance(s.claim.content, Event)
                and any(p.actor == ident for p in s.claim.content.participants)
            ),
        )

    def claims_during(self, when: When) -> tuple[Statement, ...]:
        """The claims about events whose time may overlap *when*."""
        if not isinstance(when, When):
            raise InvalidTypeError("needs a When", cls="Store", field="claims_during()", value=when)
        upper = latest_start(when)
        cursor = self._db.execute(
            "SELECT h.depth, o.document FROM hops h JOIN objects o ON o.seq = h.report "
            "WHERE h.time_start IS NOT NULL AND h.time_start <= ? "
            "ORDER BY h.time_start, h.time_end, h.time_text, h.report, h.depth",
            (iso(upper),),
        )
        found = []
        for depth, text in cursor:
            statement = _statements(cast("Claim", self._decode("claim", text)))[depth - 1]
            content = statement.claim.content
            assert isinstance(content, (Event, Proposition))
            assert content.when is not None
            if content.when.relation(when) is TimeRelation.OVERLAPS:
                found.append(statement)
        return tuple(found)

    def perspective(self, actor: Actor | str | None) -> tuple[Statement, ...]:
        """
        What *actor* asserts, directly or as relayed by others
        (:meth:`claims_by`), leaving out claims that were not made, as
        :meth:`Dossier.perspective <eventmodel.Dossier.perspective>` does.
        """
        return tuple(statement for statement in self.claims_by(actor) if realised(statement))

    # -- analyses ----------------------------------------------------------------------------------

    def _claim(self, claim: Claim | str) -> Claim:
        if isinstance(claim, Claim):
            return claim
        row = self._db.execute(
            "SELECT h.depth, o.document FROM hops h JOIN objects o ON o.seq = h.report "
            "WHERE h.claim = ? ORDER BY h.report, h.depth LIMIT 1",
            (claim,),
        ).fetchone()
        if row is None:
            raise UnresolvedReferenceError(
                "is not the id of a claim in the store", cls="Store", field="claim", value=claim
            )
        depth: int = row[0]
        found: Claim = _statements(cast("Claim", self._decode("claim", row[1])))[depth - 1].claim
        return found

    def chain(self, claim: Claim | str) -> list[Hop]:
        """The hops of reported speech of *claim*, as :meth:`Dossier.chain <eventmodel.Dossier.chain>` gives them."""
        return hops_of(self._claim(claim))

    def origin(self, claim: Claim | str) -> Claim:
        """The innermost claim of *claim*: what the original speaker said."""
        return innermost(self._claim(claim))

    def corroboration(
        self, subject: Event | Proposition | str, *, near_copies: float | None = None
    ) -> Corroboration:
        """
        The claims that describe one event or proposition, grouped by
        independent origin, equal to :meth:`Dossier.corroboration
        <eventmodel.Dossier.corroboration>` (*near_copies* as there). Only
        the reports about the subject and the sources their evidence derives
        from are read.

        Raises:
            InvalidTypeError: For ``None`` or a proposition without an id.
            UnresolvedReferenceError: When no claim in the store describes an
                event or proposition with this id.

        """
        ident = _ident(subject)
        if ident is None:
            raise InvalidTypeError(
                "needs the id of an event or proposition",
                cls="Store",
                field="corroboration()",
                value=subject,
                fix="pass an Event, a Proposition with an id, or its id",
            )
        reports = list(self._reports("SELECT report FROM hops WHERE subject = ?", (ident,)))
        if not reports:
            raise UnresolvedReferenceError(
                "is not the id of an event or proposition that a claim in the store describes",
                cls="Store",
                field="corroboration()",
                value=ident,
            )
        cited = sorted({item.source for report in reports for item in report.evidence})
        ancestry: list[str] = []
        for chunk in _chunks(cited):
            marks = ",".join("?" * len(chunk))
            ancestry.extend(
                row[0]
                for row in self._db.execute(
                    "WITH RECURSIVE up(id) AS ("  # noqa: S608 - marks only
                    f"SELECT parent FROM derivations WHERE source IN ({marks}) "
                    "UNION SELECT d.parent FROM derivations d JOIN up ON d.source = up.id) SELECT id FROM up",
                    tuple(chunk),
                )
            )
        sources = [
            obj
            for _seq, obj in sorted(
                self._fetch(sorted({*cited, *ancestry})).values(), key=lambda pair: pair[0]
            )
        ]
        subset = Dossier([*(obj for obj in sources if isinstance(obj, Source)), *reports])
        return subset.corroboration(ident, near_copies=near_copies)

    def subjects(self) -> Iterator[str]:
        """The ids of the events and propositions claims are about, in the order they first appear."""
        for (subject,) in self._db.execute(
            "SELECT subject FROM hops WHERE subject IS NOT NULL GROUP BY subject ORDER BY MIN(report * 4096 + depth)"
        ):
            yield subject

    def conflicts(self, subject: Event | Proposition | str | None = None) -> list[Conflict]:
        """
        Pairs of claims that cannot both hold, as :meth:`Dossier.conflicts
        <eventmodel.Dossier.conflicts>` finds them: about *subject* (an event
        or proposition, or its id), or, without one, all of them in the
        dossier's order, reading the reports filed under one id at a time
        (the event or proposition their innermost claim is about, or that
        claim's id when the proposition has none: a denial of a claim is
        filed with the claim it denies).
        """
        if subject is not None:
            return self._conflicts_about(_ident(subject) or "")
        compared: list[Conflict] = []
        denied: list[tuple[int, int, Conflict]] = []
        cursor = self._db.execute(
            "SELECT COALESCE(subject, claim) AS filed FROM hops WHERE subject_type IS NOT NULL "
            "GROUP BY filed HAVING COUNT(*) > 1 ORDER BY MIN(report * 4096 + depth)"
        )
        for (ident,) in cursor.fetchall():
            seqs: dict[str, int] = {}
            reports: list[Claim] = []
            for seq, text in self._db.execute(
                "SELECT seq, document FROM objects WHERE seq IN ("
                "SELECT report FROM hops WHERE subject = ? UNION SELECT report FROM hops "
                "WHERE claim = ? AND subject IS NULL AND subject_type IS NOT NULL) ORDER BY seq",
                (ident, ident),
            ).fetchall():
                report = cast("Claim", self._decode("claim", text))
                seqs[report.id] = seq
                reports.append(report)
            for conflict in find_conflicts(Dossier(reports)):
                if conflict.field == "claim":  # the dossier lists denials last, in the order of the denials
                    denied.append((seqs[conflict.first.report.id], len(conflict.first.hops), conflict))
                else:
                    compared.append(conflict)
        denied.sort(key=lambda item: item[:2])  # stable: one denial's conflicts keep their order
        return [*compared, *(conflict for _, _, conflict in denied)]

    def _conflicts_about(self, ident: str) -> list[Conflict]:
        # The reports about the id or, for a claim's id (the subject of a denial of a claim that is about
        # no event or proposition with an id), the reports that carry that claim: its denials among them.
        reports = list(
            self._reports(
                "SELECT report FROM hops WHERE subject = ? UNION SELECT report FROM hops WHERE claim = ?",
                (ident, ident),
            )
        )
        return [conflict for conflict in find_conflicts(Dossier(reports)) if conflict.subject == ident]

    # -- provenance rules --------------------------------------------------------------------------

    def check(
        self, *, strict: bool = False, rules: Iterable[Rule] | None = None, disable: Iterable[str] = ()
    ) -> Report:
        """
        Run the provenance rules over the whole store, streaming it: the
        same violations, with the same ids and JSON paths, as
        :meth:`Dossier.check <eventmodel.Dossier.check>` on
        :meth:`dossier`, without reading the store into memory. The rules
        are the dossier's own, run over a view of the store that reads
        objects as they are asked for (see ``docs/how-to/outgrow-memory.md``).

        Raises:
            ProvenanceError: With *strict*, naming the first error.

        """
        return run_rules(cast("Dossier", StoreView(self)), strict=strict, rules=rules, disable=disable)

    def violations(
        self, *, rules: Iterable[Rule] | None = None, disable: Iterable[str] = ()
    ) -> Iterator[Violation]:
        """
        The violations :meth:`check` reports, as each rule finds them (rule
        by rule, not errors first), without holding them: what ``eventmodel
        validate --store`` prints, in memory that does not grow with the
        store or with what is found.

        .. versionadded:: 0.1.0
        """
        return iter_rules(cast("Dossier", StoreView(self)), rules=rules, disable=disable)

    def integrity(self) -> str:
        """SQLite's ``PRAGMA integrity_check``: ``"ok"`` for a sound file."""
        return "; ".join(str(row[0]) for row in self._db.execute("PRAGMA integrity_check"))
