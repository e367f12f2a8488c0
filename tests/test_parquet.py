"""Parquet, Arrow and DataFrame tables, and the folds on Python, DuckDB, Dask and Spark."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.interop import folds, formats, read_gdelt, tables

pa = pytest.importorskip("pyarrow")
ds = pytest.importorskip("pyarrow.dataset")

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "gdelt" / "20191024143000.export.CSV"
DOCS = Path(__file__).parent.parent / "docs"


@pytest.fixture(scope="module")
def gdelt() -> em.Dossier:
    return read_gdelt([str(EXPORT)])


@pytest.fixture(scope="module")
def gdelt_parquet(gdelt: em.Dossier, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gdelt") / "tables"
    tables.write_parquet(gdelt, path, batch_size=700)
    return path


def _expected(dossier: em.Dossier) -> dict[str, folds.Counts]:
    events = {s.claim.content.id for s in dossier.statements() if isinstance(s.claim.content, em.Event)}
    out = {}
    for event in events:
        found = dossier.corroboration(event)
        out[event] = folds.Counts(event, found.raw_count, found.independent_count, found.circular)
    return out


@st.composite
def dossiers(draw: st.DrawFn) -> em.Dossier:
    """Actors, sources and claims with distinct ids; some claims cite the drawn sources."""
    actors = draw(st.lists(testing.actors(), max_size=3, unique_by=lambda a: a.id))
    sources = draw(st.lists(testing.sources(), max_size=3, unique_by=lambda s: s.id))
    claims = draw(st.lists(testing.claims(max_depth=2), max_size=5, unique_by=lambda c: c.id))
    if sources:
        claims = [
            attrs.evolve(claim, evidence=(em.Evidence(draw(st.sampled_from(sources)).id),))
            if draw(st.booleans())
            else claim
            for claim in claims
        ]
    return em.Dossier([*actors, *sources, *claims])


def _ids(count: int) -> list[str]:
    rng = random.Random(20)
    alphabet = string.ascii_letters + string.digits + ":-_/é漢"
    return [f"event:{''.join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))}" for _ in range(count)]


# -- the tables ------------------------------------------------------------------------------------


def test_the_gdelt_export_round_trips_through_parquet(gdelt: em.Dossier, gdelt_parquet: Path) -> None:
    assert tables.read_parquet(gdelt_parquet) == gdelt
    assert sorted(p.name for p in gdelt_parquet.iterdir()) == sorted(tables.TABLES)
    assert all(re.fullmatch(r"bucket=\d+", p.name) for p in (gdelt_parquet / "claims").iterdir())


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dossier=dossiers())
def test_objects_come_back_equal_from_parquet(dossier: em.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "out"
    assert tables.write_parquet(dossier, path, batch_size=3, buckets=4) == len(dossier)
    assert tables.read_parquet(path) == dossier
    assert tables.read_parquet(path).claims == dossier.claims


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(dossier=dossiers())
def test_corroboration_as_a_fold_equals_the_dossiers(dossier: em.Dossier) -> None:
    rows = tables.to_arrow(dossier)
    derived = folds.derivations_of(rows["sources"].to_pylist())
    got = folds.run_python(folds.CORROBORATION, rows["claims"].to_pylist(), derived)
    assert got == _expected(dossier)


def test_every_table_is_documented_as_the_code_has_it() -> None:
    text = (DOCS / "reference" / "tables.md").read_text(encoding="utf-8")
    documented: dict[str, list[tuple[str, str, str]]] = {}
    table = None
    for line in text.splitlines():
        if heading := re.fullmatch(r"## `(\w+)`", line):
            table = heading.group(1)
            documented[table] = []
        elif table and (cell := re.fullmatch(r"\| `(\w+)` \| `([^`]+)` \| (yes|no) \|.*", line)):
            documented[table].append(cell.groups())
    expected = {
        name: [(c.name, c.type, "yes" if c.nullable else "no") for c in columns]
        for name, columns in tables.TABLES.items()
    }
    assert documented == expected


@pytest.mark.parametrize("cls", sorted(tables.IN_DOCUMENT, key=lambda cls: cls.__name__))
def test_every_field_is_a_column_or_kept_in_the_document(cls: type) -> None:
    # A field added to the model shows here by name: give it a column or keep it in the document.
    columns = {
        em.Claim: {"id", "claimant", "speech_act", "confidence", "mood", "role_of"},
        em.Evidence: {"source"},
        em.Participant: {"actor", "role"},
        em.Actor: {"id", "name", "kind"},
        em.Source: {"id", "kind", "title", "publisher", "url", "derived_from", "derivation"},
    }[cls]
    assert {field.name for field in attrs.fields(cls)} == columns | tables.IN_DOCUMENT[cls]


def test_decimals_are_written_exactly(gdelt: em.Dossier) -> None:
    claims = tables.to_arrow(gdelt)["claims"]
    assert claims.schema.field("confidence").type == pa.string()
    written = {row["claim_id"]: row["confidence"] for row in claims.to_pylist()}
    for claim in gdelt.claims:
        if claim.confidence is not None:
            assert written[claim.id] == str(claim.confidence.value)


def test_the_tables_as_arrow_pandas_and_polars(gdelt: em.Dossier) -> None:
    arrow = tables.to_arrow(gdelt)
    assert arrow["claims"].num_rows == len(gdelt.statements())
    assert arrow["actors"].num_rows == len(gdelt.actors)
    assert arrow["sources"].num_rows == len(gdelt.sources)
    pytest.importorskip("pandas")
    frames = tables.to_pandas(gdelt)
    assert list(frames["claims"].columns) == [column.name for column in tables.TABLES["claims"]]
    assert len(frames["evidence"]) == arrow["evidence"].num_rows
    pytest.importorskip("polars")
    polar = tables.to_polars(gdelt)
    assert polar["participants"].columns == [column.name for column in tables.TABLES["participants"]]
    assert polar["participants"].height == arrow["participants"].num_rows


def test_a_failed_write_leaves_what_was_there(tmp_path: Path, gdelt: em.Dossier) -> None:
    path = tmp_path / "out"
    tables.write_parquet(gdelt.actors, path)
    before = sorted(str(p.relative_to(path)) for p in path.rglob("*"))

    def broken() -> Iterator[object]:
        yield from gdelt.claims[:5]
        yield "not an object"

    with pytest.raises(em.EventModelError, match="needs an Actor, a Source or a Claim"):
        tables.write_parquet(broken(), path, batch_size=2)
    assert sorted(str(p.relative_to(path)) for p in path.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("option", [{"buckets": 0}, {"batch_size": 0}, {"buckets": True}])
def test_bad_sizes_are_refused(tmp_path: Path, option: dict[str, Any]) -> None:
    with pytest.raises(em.InvalidValueError, match="must be a whole number, 1 or more"):
        tables.write_parquet([], tmp_path / "x", **option)


def test_export_command_writes_a_folder(tmp_path: Path, gdelt: em.Dossier) -> None:
    from eventmodel.cli import main

    source = tmp_path / "in.json"
    source.write_text(em.json.dumps(gdelt), encoding="utf-8")
    out = tmp_path / "pq"
    assert main(["export", str(source), "--to", "parquet", "-o", str(out), "--buckets", "4"]) == 0
    assert tables.read_parquet(out) == gdelt
    assert {p.name for p in (out / "claims").iterdir()} <= {f"bucket={n}" for n in range(4)}
    assert formats.exporter("parquet").extra == "pyarrow"


def test_a_missing_engine_names_its_extra() -> None:
    with pytest.raises(em.MissingExtraError, match=r"no_such_engine is needed, and is not installed"):
        tables.need("no_such_engine", "duckdb")


# -- the engines -------------------------------------------------------------------------------------


def test_buckets_agree_in_python_and_duckdb() -> None:
    duckdb = pytest.importorskip("duckdb")
    ids = _ids(1000)
    con = duckdb.connect()
    con.execute("CREATE TABLE ids (id VARCHAR)")
    con.executemany("INSERT INTO ids VALUES (?)", [(i,) for i in ids])
    got = dict(
        con.execute(f"SELECT id, {tables.DUCKDB_BUCKET.format(column='id', buckets=16)} FROM ids").fetchall()
    )
    assert got == {i: tables.bucket_of(i) for i in ids}
    assert len(set(got.values())) == 16


def test_duckdb_corroboration_equals_the_dossiers(gdelt: em.Dossier, gdelt_parquet: Path) -> None:
    pytest.importorskip("duckdb")
    assert folds.run_duckdb(folds.CORROBORATION, gdelt_parquet, memory_limit="500MB") == _expected(gdelt)


def test_dask_corroboration_equals_the_dossiers(gdelt: em.Dossier, gdelt_parquet: Path) -> None:
    pytest.importorskip("dask.dataframe")
    assert folds.run_dask(folds.CORROBORATION, gdelt_parquet) == _expected(gdelt)


def test_buckets_agree_in_python_and_dask(tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe")
    ids = _ids(1000)
    assert [tables.bucket_of(i) for i in ids] == tables.dask_buckets(ids, 16)


def test_spark_corroboration_equals_the_dossiers(gdelt: em.Dossier, gdelt_parquet: Path, spark: Any) -> None:
    assert folds.run_spark(folds.CORROBORATION, gdelt_parquet, spark) == _expected(gdelt)


def test_buckets_agree_in_python_and_spark(spark: Any) -> None:
    from pyspark.sql import functions

    ids = _ids(1000)
    frame = spark.createDataFrame([(i,) for i in ids], ["id"])
    got = dict(
        frame.select("id", functions.expr(tables.SPARK_BUCKET.format(column="id", buckets=16))).collect()
    )
    assert got == {i: tables.bucket_of(i) for i in ids}


def test_corroboration_counts_reprints_once_whoever_speaks_as_the_dossier_does(tmp_path: Path) -> None:
    wire = em.Source("news-article", id="source:wire")
    page = em.Source("news-article", id="source:page", derived_from=("source:wire",), derivation="reprint")
    second = em.Source(
        "news-article", id="source:second", derived_from=("source:wire",), derivation="reprint"
    )
    quoted = em.Source(
        "news-article", id="source:quoted", derived_from=("source:wire",), derivation="citation"
    )
    event = em.Event("attack.cyber", id="event:hack")
    claims = [
        em.Claim(
            "actor:agency",
            em.Claim("actor:official", event),
            id="claim:wire",
            evidence=(em.Evidence("source:wire"),),
        ),
        em.Claim("actor:courier", event, id="claim:page", evidence=(em.Evidence("source:page"),)),
        em.Claim("actor:lakeside", event, id="claim:second", evidence=(em.Evidence("source:second"),)),
        em.Claim("actor:digest", event, id="claim:quoted", evidence=(em.Evidence("source:quoted"),)),
    ]
    dossier = em.Dossier([wire, page, second, quoted, *claims])
    expected = _expected(dossier)
    assert (expected["event:hack"].raw_count, expected["event:hack"].independent_count) == (4, 2)
    path = tmp_path / "t"
    tables.write_parquet(dossier, path)
    rows = tables.to_arrow(dossier)
    assert folds.derivations(path) == {
        "source:page": (("source:wire",), True),
        "source:second": (("source:wire",), True),
        "source:quoted": (("source:wire",), False),
    }
    assert (
        folds.run_python(folds.CORROBORATION, rows["claims"].to_pylist(), folds.derivations(path)) == expected
    )
    pytest.importorskip("duckdb")
    assert folds.run_duckdb(folds.CORROBORATION, path) == expected
    # Two reprints of a wire that no report cites are one origin too.
    alone = em.Dossier([wire, page, second, *claims[1:3]])
    tables.write_parquet(alone, tmp_path / "alone")
    assert folds.run_duckdb(folds.CORROBORATION, tmp_path / "alone") == _expected(alone)
    assert _expected(alone)["event:hack"].independent_count == 1


def test_corroboration_follows_derived_sources_as_the_dossier_does(tmp_path: Path) -> None:
    wire = em.Source("news-article", id="source:wire")
    copy = em.Source("news-article", id="source:copy", derived_from=("source:wire",))
    other = em.Source("news-article", id="source:other", derived_from=("source:wire",))
    event = em.Event("attack", id="event:1")
    claims = [
        em.Claim(None, event, id="claim:a", evidence=(em.Evidence("source:wire"),)),
        em.Claim(None, event, id="claim:b", evidence=(em.Evidence("source:copy"),)),
        em.Claim(None, event, id="claim:c", evidence=(em.Evidence("source:other"),)),
        em.Claim("actor:x", event, id="claim:d", evidence=(em.Evidence("source:wire"),)),
        em.Claim("actor:x", event, id="claim:e", evidence=(em.Evidence("source:copy"),)),
        em.Claim("actor:y", event, id="claim:f"),
    ]
    dossier = em.Dossier([wire, copy, other, *claims])
    path = tmp_path / "t"
    tables.write_parquet(dossier, path)
    expected = _expected(dossier)
    assert expected["event:1"].independent_count < expected["event:1"].raw_count
    rows = tables.to_arrow(dossier)["claims"].to_pylist()
    assert folds.run_python(folds.CORROBORATION, rows, folds.derivations(path)) == expected
    pytest.importorskip("duckdb")
    assert folds.run_duckdb(folds.CORROBORATION, path) == expected
    tables.write_parquet([wire], path)
    assert folds.run_duckdb(folds.CORROBORATION, path) == {}


def test_claims_never_made_and_denials_of_a_role_count_as_the_dossier_counts_them(tmp_path: Path) -> None:
    event = em.Event(
        "attack.cyber",
        id="event:hack",
        participants=[em.Participant("actor:ostmark", "agent"), em.Participant(None, "target")],
    )
    claims = [
        em.Claim("actor:paper", event, id="claim:paper"),
        em.Claim("actor:herald", em.Claim("actor:officials", event, mood="withheld"), id="claim:withheld"),
        em.Claim("actor:ostmark", event, factuality="CT-", role_of="actor:ostmark", id="claim:denial"),
    ]
    dossier = em.Dossier(claims)
    expected = _expected(dossier)
    assert (expected["event:hack"].raw_count, expected["event:hack"].independent_count) == (1, 1)
    path = tmp_path / "t"
    tables.write_parquet(dossier, path)
    rows = tables.to_arrow(dossier)
    assert [row["realised"] for row in rows["claims"].to_pylist()] == [True, True, False, True]
    assert (
        folds.run_python(folds.CORROBORATION, rows["claims"].to_pylist(), folds.derivations(path)) == expected
    )
    assert tables.read_parquet(path) == dossier
    pytest.importorskip("duckdb")
    assert folds.run_duckdb(folds.CORROBORATION, path) == expected
