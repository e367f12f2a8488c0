"""Conflicts as a fold: equal to ``Dossier.conflicts`` in plain Python, on DuckDB, Dask and Spark."""

from __future__ import annotations

import doctest
import pickle
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.interop import folds, read_gdelt, tables
from eventmodel.model._ids import AUTO
from eventmodel.store import Store

pytest.importorskip("pyarrow")

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "examples" / "luhansk-2022-03-27" / "dossier.json"
WIRE_STORY = HERE.parent / "docs" / "how-to" / "wire-story.md"
EXPORT = HERE / "data" / "gdelt" / "20191024143000.export.CSV"

EVENT = "event:raid"
ARTICLE = em.Source("news-article", id="src:article")


def _python(dossier: em.Dossier) -> tuple[folds.ConflictRow, ...]:
    rows = tables.to_arrow(dossier)["claims"].to_pylist()
    return folds.conflict_rows(folds.run_python(folds.CONFLICTS, rows, {}))


def _expected(dossier: em.Dossier) -> tuple[folds.ConflictRow, ...]:
    return folds.conflict_rows(dossier.conflicts())


def _raid(**fields: Any) -> em.Event:
    return em.Event(fields.pop("kind", "attack.raid"), id=EVENT, **fields)


def _said(claimant: str, content: Any, **fields: Any) -> em.Claim:
    return em.Claim(claimant, content, evidence=[em.Evidence(ARTICLE)], **fields)


#: Two claims that disagree on one field each, by the field.
BY_FIELD: dict[str, list[em.Claim]] = {
    "polarity": [_said("actor:a", _raid()), _said("actor:b", _raid(), factuality="CT-", speech_act="denies")],
    "quantities.killed": [
        _said("actor:a", _raid(quantities={"killed": em.Quantity(3)})),
        _said("actor:b", _raid(quantities={"killed": em.Quantity(30)})),
    ],
    "when": [
        _said("actor:a", _raid(when=em.When.parse("2022-03-27"))),
        _said("actor:b", _raid(when=em.When.parse("2021-01-01"))),
    ],
    "kind": [_said("actor:a", _raid()), _said("actor:b", _raid(kind="protest"))],
    "where.country": [
        _said("actor:a", _raid(where=em.Place("Kharkiv", country="UA"))),
        _said("actor:b", _raid(where=em.Place("Belgorod", country="RU"))),
    ],
    "participants": [
        _said("actor:a", _raid(participants=[em.Participant("actor:x", "attacker")])),
        _said("actor:b", _raid(participants=[em.Participant("actor:x", "victim")])),
    ],
    "role": [
        _said("actor:a", _raid(participants=[em.Participant("actor:x", "agent")])),
        _said(
            "actor:x",
            _raid(participants=[em.Participant("actor:x", "agent")]),
            factuality="CT-",
            role_of="actor:x",
        ),
    ],
    "claim": [
        _said("actor:a", em.Claim("actor:b", _raid(), id="claim:told")),
        _said(
            "actor:c", em.Claim("actor:b", _raid(), id="claim:told"), factuality="CT-", speech_act="denies"
        ),
    ],
}

_RUMOUR = em.Proposition("The dam was mined.")  # no id: a denial of a claim about it is filed with the claim
_TOLD = _said("actor:b", _RUMOUR, id="claim:rumour")
_REPORT = _said("actor:a", em.Claim("actor:b", _raid(), id="claim:inner"), id="claim:report")

#: Denials whose conflict's subject is the denied claim's id, not an event's or a proposition's.
DENIALS: dict[str, list[em.Claim]] = {
    # The claim itself, said on its own, and denied.
    "of a claim about a proposition without an id": [
        _TOLD,
        _said("actor:c", _TOLD, factuality="CT-", speech_act="denies", id="claim:denies-rumour"),
    ],
    # Relayed, and the denial relayed too.
    "relayed, of a claim about a proposition without an id": [
        _said("actor:a", _TOLD, speech_act="reports", id="claim:relayed"),
        _said(
            "actor:d", em.Claim("actor:c", _TOLD, factuality="CT-", speech_act="denies"), id="claim:denial"
        ),
        _said("actor:e", _TOLD, speech_act="reports", id="claim:again"),
    ],
    # A denial of a report: what the denied claim is about is itself a claim.
    "of a report": [
        _REPORT,
        _said(
            "actor:c",
            _REPORT,
            factuality="CT-",
            speech_act="denies",
            id="claim:denies-report",
        ),
    ],
    "of a proposition with an id": [
        _said("actor:a", em.Proposition("The dam was mined.", id="prop:dam")),
        _said("actor:b", em.Proposition("The dam was mined.", id="prop:dam"), factuality="CT-"),
    ],
}


def _purpose_built() -> list[em.Dossier]:
    return [em.Dossier([ARTICLE, *claims]) for claims in [*BY_FIELD.values(), *DENIALS.values()]]


def _everything() -> em.Dossier:
    """Every purpose-built case in one dossier (claims with one id once)."""
    objects: dict[str, Any] = {ARTICLE.id: ARTICLE}
    for claims in [*BY_FIELD.values(), *DENIALS.values()]:
        objects.update((claim.id, claim) for claim in claims)
    return em.Dossier(objects.values())


@pytest.fixture(scope="module")
def gdelt() -> em.Dossier:
    return read_gdelt([str(EXPORT)])


@pytest.fixture(scope="module")
def written(
    gdelt: em.Dossier, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, em.Dossier]]:
    """The GDELT export and the purpose-built cases, each written as Parquet."""
    root = tmp_path_factory.mktemp("conflicts")
    out = {}
    for name, dossier in [("gdelt", gdelt), ("purpose-built", _everything())]:
        tables.write_parquet(dossier, root / name, batch_size=700, buckets=4 if name != "gdelt" else 16)
        out[name] = (root / name, dossier)
    return out


# -- in plain Python ---------------------------------------------------------------------------------


@pytest.mark.parametrize("field", sorted(BY_FIELD))
def test_each_field_a_dossier_finds_in_conflict_the_fold_finds_alike(field: str) -> None:
    dossier = em.Dossier([ARTICLE, *BY_FIELD[field]])
    expected = _expected(dossier)
    assert field in {row.field for row in expected}
    assert _python(dossier) == expected


@pytest.mark.parametrize("case", sorted(DENIALS))
def test_a_denial_of_a_claim_conflicts_in_the_fold_as_in_the_dossier(case: str) -> None:
    dossier = em.Dossier([ARTICLE, *DENIALS[case]])
    expected = _expected(dossier)
    assert [row.field for row in expected] == ["claim"] or case.endswith("with an id")
    assert expected
    assert _python(dossier) == expected


def test_a_denied_claim_without_an_event_is_the_subject_and_is_filed_with_its_denial() -> None:
    claims = DENIALS["relayed, of a claim about a proposition without an id"]
    dossier = em.Dossier([ARTICLE, *claims])
    (row,) = _expected(dossier)
    # The dossier pairs the denial with the first report of the claim.
    assert (row.first, row.first_report, row.second, row.second_report, row.subject) == (
        dossier["claim:denial"].content.id,
        "claim:denial",
        "claim:rumour",
        "claim:relayed",
        "claim:rumour",
    )
    filed = {tables.filed_under(claim) for claim in dossier.claims}
    assert filed == {"claim:rumour"}
    assert _python(dossier) == (row,)
    # Told first, the denial still meets the first other report of the claim, in the fold as in the dossier.
    denial_first = em.Dossier([ARTICLE, claims[1], claims[0], claims[2]])
    assert [(found.first_report, found.second_report) for found in _expected(denial_first)] == [
        ("claim:denial", "claim:relayed")
    ]
    assert _python(denial_first) == _expected(denial_first)


def test_claims_of_one_link_between_two_actors_conflict_in_the_fold_as_in_the_dossier(tmp_path: Path) -> None:
    def link(text: str) -> em.Proposition:
        return em.Proposition(text, about=["actor:group", "actor:service"], link="affiliated-with")  # type: ignore[arg-type]

    alleged = _said("actor:a", link("The group works for the service"))
    relayed = _said("actor:b", em.Claim("actor:c", link("The group is the service's unit")))
    denied = _said("actor:d", link("The group has no tie to the service"), factuality="CT-")
    dossier = em.Dossier([ARTICLE, alleged, relayed, denied])
    expected = _expected(dossier)
    assert {row.subject for row in expected} == {alleged.content.id}
    assert [row.field for row in expected] == ["polarity", "polarity"]
    assert _python(dossier) == expected
    pytest.importorskip("duckdb")
    tables.write_parquet(dossier, tmp_path / "t")
    assert folds.conflict_rows(folds.run_duckdb(folds.CONFLICTS, tmp_path / "t")) == expected


def test_a_pair_that_disagrees_on_several_fields_is_a_row_for_each() -> None:
    first = _said("actor:a", _raid(kind="protest", when=em.When.parse("2022-03-27")))
    second = _said("actor:b", _raid(when=em.When.parse("2020-01-01")), factuality="CT-")
    dossier = em.Dossier([ARTICLE, first, second])
    expected = _expected(dossier)
    assert [row.field for row in expected] == ["kind", "polarity", "when"]
    assert _python(dossier) == expected


def test_the_example_s_conflicts_are_the_dossier_s() -> None:
    example = em.json.loads(EXAMPLE.read_text(encoding="utf-8"), em.Dossier)
    assert _python(example) == _expected(example)


def _wire_story() -> dict[str, em.Dossier]:
    """
    The dossiers docs/how-to/wire-story.md builds, by running the page's
    examples: the story, and the story with the claims of links between actors.
    """
    names: dict[str, Any] = {}
    for example in doctest.DocTestParser().get_examples(WIRE_STORY.read_text(encoding="utf-8")):
        exec(compile(example.source, str(WIRE_STORY), "exec"), names)
        if isinstance(names.get("attackers"), em.Dossier):
            break
    return {name: names[name] for name in ("dossier", "attackers")}


@pytest.mark.parametrize("name", ["dossier", "attackers"])
def test_the_wire_story_s_conflicts_are_the_dossier_s(name: str) -> None:
    story = _wire_story()[name]
    expected = _expected(story)
    assert {"role", "claim"} <= {row.field for row in expected}
    assert any("affiliated-with" in row.reason for row in expected) is (name == "attackers")
    assert _python(story) == expected


def test_rows_compare_sort_and_pickle_by_value() -> None:
    dossier = em.Dossier([ARTICLE, *BY_FIELD["polarity"]])
    rows = tables.to_arrow(dossier)["claims"].to_pylist()
    results = folds.run_python(folds.CONFLICTS, rows, {})
    assert results == {EVENT: _expected(dossier)}
    assert pickle.loads(pickle.dumps(results)) == results
    (row,) = results[EVENT]
    assert (row.subject, row.field) == (EVENT, "polarity")


def test_a_key_with_one_report_has_no_conflicts() -> None:
    dossier = em.Dossier([ARTICLE, *BY_FIELD["kind"][:1]])
    rows = tables.to_arrow(dossier)["claims"].to_pylist()
    assert folds.run_python(folds.CONFLICTS, rows, {}) == {EVENT: ()}


def _about(claim: em.Claim, ident: str | None, made: bool) -> em.Claim:
    """
    *claim*, its innermost event or proposition given the id *ident*, and,
    when *made*, every claim of its chain made (ids derived again).
    """
    content = claim.content
    if isinstance(content, em.Claim):
        content = _about(content, ident, made)
    elif isinstance(content, em.Event) and ident is not None:
        content = attrs.evolve(content, id=ident.replace("prop:", "event:"))
    elif isinstance(content, em.Proposition):
        content = attrs.evolve(content, id=ident)
    return attrs.evolve(claim, content=content, id=AUTO, mood="asserted" if made else claim.mood)


@st.composite
def conflicting(draw: st.DrawFn) -> em.Dossier:
    """
    Claims of ``testing.claims()`` about a few shared events and propositions
    (some without ids), some of them denied, the denials now and then relayed:
    dossiers with conflicts of every kind.
    """
    subjects = st.sampled_from(["prop:a", "prop:a", "prop:b", None])
    drawn = draw(st.lists(testing.claims(max_depth=2), min_size=2, max_size=5))
    claims = [_about(claim, draw(subjects), draw(st.integers(0, 3)) > 0) for claim in drawn]
    claims = [attrs.evolve(c, factuality="CT-", id=AUTO) if draw(st.booleans()) else c for c in claims]
    for claim in list(claims):
        if draw(st.booleans()):
            denied = claim.content if isinstance(claim.content, em.Claim) and draw(st.booleans()) else claim
            denial = em.Claim(draw(st.sampled_from(["actor:a", "actor:b"])), denied, factuality="CT-")
            if draw(st.booleans()):
                denial = em.Claim("actor:relay", denial, speech_act="reports")
            claims.insert(draw(st.integers(0, len(claims))), denial)
    return em.Dossier({claim.id: claim for claim in claims}.values())


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(testing.dossiers(max_size=8))
def test_any_dossier_s_conflicts_are_the_fold_s(dossier: em.Dossier) -> None:
    assert _python(dossier) == _expected(dossier)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(conflicting())
def test_any_dossier_with_conflicts_has_the_fold_s(dossier: em.Dossier) -> None:
    assert _python(dossier) == _expected(dossier)


# -- where: one value, several, or every row ---------------------------------------------------------


def _count(where: tuple[str, object] | None) -> folds.Fold[int, int]:
    return folds.Fold(
        table="claims",
        columns=("report_id",),
        where=where,
        key=lambda row: str(row["report_id"]),
        value=lambda row: 1,
        combine=lambda first, second: first + second,
        finalize=lambda key, value, derived: value,
    )


#: Rows a fold keeps: of each report of the purpose-built cases, how many rows at the depths kept.
WHERE = [None, ("depth", 1), ("depth", (1, 2)), ("subject_type", ("event", "proposition"))]


def _counted(dossier: em.Dossier, where: tuple[str, object] | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for statement in dossier.statements():
        depth = len(statement.hops)
        content = statement.claim.content
        kind = "claim" if isinstance(content, em.Claim) else type(content).__name__.lower()
        value = {"depth": depth, "subject_type": kind}[where[0]] if where is not None else None
        allowed = () if where is None else where[1] if isinstance(where[1], tuple) else (where[1],)
        if where is None or value in allowed:
            out[statement.report.id] = out.get(statement.report.id, 0) + 1
    return out


@pytest.mark.parametrize("where", WHERE, ids=str)
def test_where_keeps_the_rows_of_one_value_of_several_or_all_in_python(where: Any) -> None:
    dossier = _everything()
    rows = tables.to_arrow(dossier)["claims"].to_pylist()
    expected = _counted(dossier, where)
    assert any(count > 1 for count in expected.values()) or where is not None
    assert folds.run_python(_count(where), rows, {}) == expected


def test_where_keeps_the_same_rows_on_every_engine(
    written: dict[str, tuple[Path, em.Dossier]], spark: Any
) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("dask.dataframe")
    path, dossier = written["purpose-built"]
    for where in WHERE[::2]:  # every row, and rows of several values (CONFLICTS keeps one value)
        expected = _counted(dossier, where)
        assert folds.run_duckdb(_count(where), path) == expected, where
        assert folds.run_dask(_count(where), path) == expected, where
        assert folds.run_spark(_count(where), path, spark) == expected, where


# -- on the engines ----------------------------------------------------------------------------------


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(dossier=st.one_of(testing.dossiers(max_size=8), conflicting()))
def test_any_dossier_s_conflicts_are_the_fold_s_on_duckdb(dossier: em.Dossier, tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    path = tmp_path / "t"
    tables.write_parquet(dossier, path, buckets=4)
    assert folds.conflict_rows(folds.run_duckdb(folds.CONFLICTS, path)) == _expected(dossier)


@pytest.mark.parametrize("name", ["gdelt", "purpose-built"])
def test_duckdb_conflicts_equal_the_dossier_s(name: str, written: dict[str, tuple[Path, em.Dossier]]) -> None:
    pytest.importorskip("duckdb")
    path, dossier = written[name]
    expected = _expected(dossier)
    assert bool(expected) is (name == "purpose-built")
    assert folds.conflict_rows(folds.run_duckdb(folds.CONFLICTS, path, memory_limit="500MB")) == expected


@pytest.mark.parametrize("name", ["gdelt", "purpose-built"])
def test_dask_conflicts_equal_the_dossier_s(name: str, written: dict[str, tuple[Path, em.Dossier]]) -> None:
    pytest.importorskip("dask.dataframe")
    path, dossier = written[name]
    assert folds.conflict_rows(folds.run_dask(folds.CONFLICTS, path)) == _expected(dossier)


@pytest.mark.parametrize("name", ["gdelt", "purpose-built"])
def test_spark_conflicts_equal_the_dossier_s(
    name: str, written: dict[str, tuple[Path, em.Dossier]], spark: Any
) -> None:
    path, dossier = written[name]
    assert folds.conflict_rows(folds.run_spark(folds.CONFLICTS, path, spark)) == _expected(dossier)


def test_every_engine_gives_each_key_the_same_rows(
    written: dict[str, tuple[Path, em.Dossier]], spark: Any
) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("dask.dataframe")
    path, dossier = written["purpose-built"]
    on_python = folds.run_python(folds.CONFLICTS, tables.to_arrow(dossier)["claims"].to_pylist(), {})
    assert folds.run_duckdb(folds.CONFLICTS, path) == on_python
    assert folds.run_dask(folds.CONFLICTS, path) == on_python
    assert folds.run_spark(folds.CONFLICTS, path, spark) == on_python
    assert set(on_python) == {EVENT, "prop:dam", "claim:rumour"}


# -- the store finds them too ------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(DENIALS))
def test_a_store_finds_the_denials_the_dossier_finds(case: str) -> None:
    dossier = em.Dossier([ARTICLE, *DENIALS[case]])
    store = Store()
    store.add_all(dossier)
    assert dossier.conflicts()
    assert store.conflicts() == dossier.conflicts()
    # And asked about one subject at a time, a claim's id among them.
    for subject in {conflict.subject for conflict in dossier.conflicts()}:
        assert store.conflicts(subject) == [c for c in dossier.conflicts() if c.subject == subject]


def test_a_store_finds_every_purpose_built_conflict_in_the_dossier_s_order() -> None:
    dossier = _everything()
    store = Store()
    store.add_all(dossier)
    assert {conflict.subject for conflict in dossier.conflicts()} >= {EVENT, "claim:rumour", "claim:report"}
    assert store.conflicts() == dossier.conflicts()


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(conflicting())
def test_a_store_finds_any_dossier_s_conflicts_in_its_order(dossier: em.Dossier) -> None:
    store = Store()
    store.add_all(dossier)
    found = dossier.conflicts()
    assert store.conflicts() == found
    for subject in {conflict.subject for conflict in found}:
        assert store.conflicts(subject) == [conflict for conflict in found if conflict.subject == subject]
