"""The GDELT 2.0 and ACLED importers: real GDELT rows, a hand-written ACLED fixture, bad input."""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import cli
from eventmodel.cli._interop import _FileProgress
from eventmodel.interop import acled_objects, formats, gdelt_objects, read_acled, read_gdelt
from eventmodel.interop._countries import FIPS_TO_ISO, ISO_NUMERIC_TO_ALPHA2
from eventmodel.interop.gdelt import CAMEO_ROOTS, EVENT_COLUMNS, MENTION_COLUMNS

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "gdelt" / "gdelt2-events-sample50.tsv"
EXPORT = DATA / "gdelt" / "20191024143000.export.CSV"
ONE_EVENT = DATA / "gdelt" / "mentions" / "20191024143000.export.CSV"
MENTIONS = DATA / "gdelt" / "mentions" / "20191024143000.mentions.CSV"
ACLED_FIXTURE = DATA / "acled" / "acled-fixture.csv"


def _rows(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _roundtrip(dossier: em.Dossier) -> em.Dossier:
    return em.json.loads(em.json.dumps(dossier), em.Dossier)


# -- GDELT: the real sample and export -----------------------------------------------------------


@pytest.mark.parametrize(("path", "rows"), [(SAMPLE, 50), (EXPORT, 2111)])
def test_every_real_gdelt_row_imports_checks_clean_and_round_trips(path, rows):
    lines = [line for line in _rows(path) if not line.startswith("GLOBALEVENTID\t")]
    assert len(lines) == rows
    dossier = read_gdelt([path])
    events = {
        statement.claim.content.id
        for statement in dossier.statements()
        if isinstance(statement.claim.content, em.Event)
    }
    assert events == {f"event:gdelt-{line.split(chr(9))[0]}" for line in lines}
    measures = [claim for claim in dossier.claims if isinstance(claim.content, em.Proposition)]
    assert len(measures) == rows
    report = dossier.check()
    assert report.errors == ()
    assert report.warnings == ()
    assert _roundtrip(dossier) == dossier


def test_the_first_row_of_the_export_agrees_with_the_codebook():
    # Line 2 of 20191024143000.export.CSV, checked by hand against the GDELT 2.0 event codebook.
    dossier = read_gdelt([EXPORT])
    report = dossier[
        "claim:gdelt-881990833-"
        + _url_hash(
            "https://belsat.eu/en/news/10-years-of-belarus-participating-in-eastern-partnership-what-is-to-come/"
        )
    ]
    # GDELT reports (REPORTS) that the outlet reported the event; the export file is GDELT's evidence.
    assert report.claimant == "actor:gdelt"
    assert report.speech_act is em.SpeechAct.REPORTS
    assert [evidence.source for evidence in report.evidence] == [
        "source:gdelt-export-20191024143000.export.CSV"
    ]
    assert report.made_at == em.When.parse("2019-10-24T14:30:00Z")  # DATEADDED 20191024143000
    assert report.confidence is None  # no mention read: GDELT gives no confidence for the export row
    outlet_says = report.content
    assert outlet_says.claimant == "actor:outlet-belsat.eu"  # SOURCEURL's host
    article = dossier[outlet_says.evidence[0].source]
    assert article.kind is em.SourceKind.NEWS_ARTICLE
    assert article.url.startswith("https://belsat.eu/en/news/10-years-of-belarus")  # SOURCEURL
    assert article.publisher == "actor:outlet-belsat.eu"
    event = outlet_says.content
    assert event.id == "event:gdelt-881990833"  # GLOBALEVENTID
    assert event.when == em.When.parse("2018-10-24")  # SQLDATE 20181024
    assert event.kind == "consult"  # EventRootCode 04: CONSULT
    assert event.details["EventCode"] == "040"  # leading zero kept
    assert event.details["EventBaseCode"] == "040"
    assert event.details["EventRootCode"] == "04"
    assert event.details["QuadClass"] == "1"
    # Actor1 is empty; Actor2 is IGOEUREEC, "THE EU".
    assert event.participants == (em.Participant("actor:cameo-IGOEUREEC", "target"),)
    assert event.details["Actor2CountryCode"] == "EUR"
    assert event.details["Actor2KnownGroupCode"] == "EEC"
    assert event.details["Actor2Type1Code"] == "IGO"
    eu = dossier["actor:cameo-IGOEUREEC"]
    assert eu.identifiers == {"cameo": "IGOEUREEC"}
    assert eu.kind is em.ActorKind.ORGANIZATION  # IGO: an intergovernmental organisation
    # ActionGeo: type 4 (world city), "Minsk, Belarus (general), Belarus", FIPS BO = ISO BY.
    assert event.where == em.Place(
        "Minsk, Belarus (general), Belarus",
        country="BY",
        point=em.GeoPoint("53.9", "27.5667", precision_m=10000),
        gazetteer_id="gdelt:-1946324",
    )
    assert event.details["ActionGeo_CountryCode"] == "BO"
    assert event.details["ActionGeo_ADM1Code"] == "BO00"
    # GDELT's own measures, as GDELT's claim: IsRootEvent 0, Goldstein 1.0, 10 mentions, 1 source, 10
    # articles, tone 0.63492063492064.
    measures = dossier["claim:gdelt-881990833-measures-20191024143000"]
    assert measures.claimant == "actor:gdelt"
    assert measures.content.about == ("actor:cameo-IGOEUREEC",)
    assert dict(measures.content.quantities) == {
        "is_root_event": em.Quantity(0),
        "goldstein_scale": em.Quantity(Decimal("1.0")),
        "num_mentions": em.Quantity(10),
        "num_sources": em.Quantity(1),
        "num_articles": em.Quantity(10),
        "avg_tone": em.Quantity(Decimal("0.63492063492064")),
    }


def _url_hash(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:24]


def test_fips_codes_become_iso_codes_and_unknown_ones_no_country():
    assert FIPS_TO_ISO["AS"] == "AU"  # Australia, not American Samoa
    assert FIPS_TO_ISO["AQ"] == "AS"  # American Samoa
    assert FIPS_TO_ISO["AU"] == "AT"
    assert FIPS_TO_ISO["UK"] == "GB"
    assert FIPS_TO_ISO["BO"] == "BY"
    assert "KV" not in FIPS_TO_ISO
    assert "PG" not in FIPS_TO_ISO
    assert set(FIPS_TO_ISO.values()) <= set(ISO_NUMERIC_TO_ALPHA2.values())
    line = _rows(ONE_EVENT)[0].split("\t")
    line[53] = "ZZ"
    dossier = em.Dossier(gdelt_objects([("x", [(1, "\t".join(line))])]))
    event = dossier.claims[-1].content.content
    assert event.where.country is None
    assert event.details["ActionGeo_CountryCode"] == "ZZ"


def test_cameo_roots_are_the_twenty():
    assert sorted(CAMEO_ROOTS) == [f"{number:02}" for number in range(1, 21)]


def test_actors_merge_the_same_way_whatever_the_order_of_the_rows():
    lines = list(_rows(EXPORT))
    forward = em.Dossier(gdelt_objects([("export", enumerate(lines, start=1))]))
    backward = em.Dossier(gdelt_objects([("export", reversed(list(enumerate(lines, start=1))))]))
    assert sorted(map(repr, forward.actors)) == sorted(map(repr, backward.actors))
    names = {}
    for line in lines:
        cells = line.split("\t")
        for start in (5, 15):
            if cells[start]:
                names.setdefault(cells[start], []).append(cells[start + 1] or cells[start])
    merged = [actor for actor in forward.actors if actor.id.startswith("actor:cameo-") and actor.aliases]
    assert merged  # the real export has actors named in more than one way
    for actor in merged:
        seen = names[actor.identifiers["cameo"]]
        assert {actor.name, *actor.aliases} == set(seen)
        most = max(seen.count(name) for name in set(seen))
        assert actor.name == min(name for name in set(seen) if seen.count(name) == most)


# -- GDELT: mentions -----------------------------------------------------------------------------


def test_three_mentions_by_two_outlets_are_three_reports_from_two_origins():
    dossier = read_gdelt([ONE_EVENT], mentions=[MENTIONS])
    assert dossier.check().errors == ()
    assert dossier.check().warnings == ()
    corroboration = dossier.corroboration("event:gdelt-881990833")
    assert corroboration.raw_count == 3
    assert corroboration.independent_count == 2
    assert sorted(origin.claimant for origin in corroboration.origins) == [
        "actor:outlet-belsat.eu",
        "actor:outlet-euractiv.com",
    ]
    # Each report carries GDELT's confidence in that report; the events carry none.
    assert sorted(report.confidence.value for report in corroboration.reports) == [20, 60, 100]
    assert all(report.content.confidence is None for report in corroboration.reports)
    # The mention of the first article completes the export row's report: one claim, two files.
    first = next(report for report in corroboration.reports if report.confidence.value == 60)
    assert [evidence.source for evidence in first.evidence] == [
        "source:gdelt-export-20191024143000.export.CSV",
        "source:gdelt-mentions-20191024143000.mentions.CSV",
    ]
    assert _roundtrip(dossier) == dossier


def test_a_mention_of_an_event_not_read_is_an_error_or_skipped():
    with pytest.raises(em.InvalidValueError) as caught:
        read_gdelt([], mentions=[MENTIONS])
    assert str(caught.value) == (
        f"{MENTIONS}, line 1, column 1 (GLOBALEVENTID): is not the id of an event in the export files read, "
        "got '881990833'. Fix: give the export file that holds the event too, or skip the row with --skip-bad"
    )
    skipped: list[str] = []
    dossier = read_gdelt([], mentions=[MENTIONS], skip_bad=True, skipped=skipped)
    assert len(skipped) == 3
    assert dossier.claims == ()


# -- GDELT: bad rows -----------------------------------------------------------------------------


def _one(line: str, **options):
    return em.Dossier(gdelt_objects([("bad.CSV", [(7, line)])], **options))


def _cells(**changes: str) -> str:
    cells = _rows(ONE_EVENT)[0].split("\t")
    for name, value in changes.items():
        cells[EVENT_COLUMNS.index(name)] = value
    return "\t".join(cells)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "1\t2\t3",
            "bad.CSV, line 7: has 3 columns; a GDELT 2.0 event row has 61, got 3. "
            "Fix: give the events export (*.export.CSV), tab-separated",
        ),
        (
            _cells(SQLDATE="20181324"),
            "bad.CSV, line 7, column 2 (SQLDATE): is not a valid date, got '20181324'",
        ),
        (
            _cells(MonthYear="201811"),
            "bad.CSV, line 7, column 3 (MonthYear): must be SQLDATE's year and month, 201810, got '201811'",
        ),
        (
            _cells(EventRootCode="21"),
            "bad.CSV, line 7, column 29 (EventRootCode): must be a CAMEO root code from 01 to 20, got '21'",
        ),
        (
            _cells(EventBaseCode="041"),
            "bad.CSV, line 7, column 28 (EventBaseCode): must begin EventCode 040 and begin with "
            "EventRootCode 04, got '041'",
        ),
        (
            _cells(GoldsteinScale="high"),
            "bad.CSV, line 7, column 31 (GoldsteinScale): must be a decimal number, got 'high'",
        ),
        (
            _cells(ActionGeo_Lat="95"),
            "bad.CSV, line 7, column 57 (ActionGeo_Lat): must be from -90 to 90 degrees, got '95'",
        ),
        (
            _cells(ActionGeo_Type="9"),
            "bad.CSV, line 7, column 52 (ActionGeo_Type): must be a GDELT geo type from 0 to 5, got '9'",
        ),
        (
            _cells(DATEADDED="2019102414"),
            "bad.CSV, line 7, column 60 (DATEADDED): must be 14 digits, got '2019102414'",
        ),
        (
            _cells(SOURCEURL=""),
            "bad.CSV, line 7, column 61 (SOURCEURL): must not be empty, got ''. Fix: give the URL (or citation) of the event's first article",
        ),
        (
            _cells(Actor1Name="SOMEONE"),
            "bad.CSV, line 7, column 7 (Actor1Name): is given for an actor with no Actor1Code, got 'SOMEONE'",
        ),
    ],
)
def test_a_bad_gdelt_row_names_the_file_line_and_column(line, message):
    with pytest.raises(em.InvalidValueError) as caught:
        _one(line)
    assert str(caught.value) == message
    skipped: list[str] = []
    assert len(_one(line, skip_bad=True, skipped=skipped).claims) == 0
    assert skipped == [message]


def test_a_file_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.CSV"
    path.write_bytes(_rows(ONE_EVENT)[0].encode() + b"\n\xff\n")
    with pytest.raises(
        em.InvalidValueError, match=r"latin1.CSV, line 2: is not UTF-8 \(byte 1 of the line\)"
    ):
        read_gdelt([path])
    with pytest.raises(em.InvalidValueError, match="cannot be read"):
        read_gdelt([tmp_path / "missing.CSV"])


def _built(objects):
    """The dossier of *objects()*, or ``None`` and the message of the library's error it raised."""
    try:
        return em.Dossier(objects()), ""
    except em.EventModelError as error:  # anything else fails the test
        return None, str(error)


_CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\t\r\n"), max_size=12)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_mutated_gdelt_rows_raise_only_the_librarys_errors(data):
    export = _rows(EXPORT)
    cells = export[data.draw(st.integers(0, len(export) - 1))].split("\t")
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(cells) - 1))
        cells[index] = data.draw(
            st.sampled_from(["", "0", "-1", "20", "99999999", "1e400", "NaN", "AS"]) | _CELL
        )
    if data.draw(st.booleans()):
        cells = cells[: data.draw(st.integers(0, len(cells)))]
    mention = data.draw(st.lists(_CELL, min_size=0, max_size=17))
    dossier, error = _built(
        lambda: gdelt_objects([("x.CSV", [(1, "\t".join(cells))])], [("m.CSV", [(1, "\t".join(mention))])])
    )
    if dossier is None:
        assert error.startswith(("x.CSV, line 1", "m.CSV, line 1"))
        return
    assert dossier.check().errors == ()
    assert _roundtrip(dossier) == dossier


@st.composite
def _gdelt_rows(draw):
    """An export row built from strategies: ids, dates, codes, places, measures."""
    cells = [""] * 61
    cells[0] = str(draw(st.integers(1, 10**12)))
    day = draw(st.dates(date(1979, 1, 1), date(2030, 12, 31)))
    cells[1], cells[2], cells[3] = f"{day:%Y%m%d}", f"{day:%Y%m}", f"{day:%Y}"
    cells[4] = f"{day.year}.{draw(st.integers(0, 9999)):04}"
    for start in (5, 15):
        if draw(st.booleans()):
            cells[start] = draw(st.from_regex(r"[A-Z]{3}(GOV|MIL|REB|MED|CVL|BUS)?", fullmatch=True))
            cells[start + 1] = draw(st.sampled_from(["", "UNITED STATES", "RUSSIA", "THE EU", "POLICE"]))
    root = draw(st.sampled_from(sorted(CAMEO_ROOTS)))
    cells[28] = root
    cells[27] = root + draw(st.sampled_from(["", "1", "2"]))
    cells[26] = cells[27] + draw(st.sampled_from(["", "1"]))
    cells[29] = draw(st.sampled_from("1234"))
    cells[25] = draw(st.sampled_from("01"))
    cells[30] = str(draw(st.decimals(-10, 10, places=1)))
    for index in (31, 32, 33):
        cells[index] = str(draw(st.integers(0, 500)))
    cells[34] = str(draw(st.decimals(-100, 100, places=6)))
    geo = draw(st.sampled_from("012345"))
    cells[51] = geo
    if geo != "0":
        cells[52] = draw(st.sampled_from(["Kyiv, Kyyiv, Misto, Ukraine", "Australia", "Paris, France"]))
        cells[53] = draw(st.sampled_from(["UP", "AS", "FR", "KV", ""]))
        cells[56] = str(draw(st.decimals(-90, 90, places=4)))
        cells[57] = str(draw(st.decimals(-180, 180, places=4)))
        cells[58] = draw(st.sampled_from(["-1044367", "UP12", "AS"]))
    cells[59] = f"{day:%Y%m%d}{draw(st.integers(0, 23)):02}{draw(st.sampled_from([0, 15, 30, 45])):02}00"
    cells[60] = draw(
        st.sampled_from(["https://www.example.com/a", "https://news.example.org/b?c=1", "BBC Monitoring"])
    )
    return "\t".join(cells)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_gdelt_rows(), min_size=1, max_size=6, unique_by=lambda line: line.split("\t")[0]))
def test_generated_gdelt_rows_import_and_round_trip(lines):
    dossier = em.Dossier(gdelt_objects([("gen.CSV", enumerate(lines, start=1))]))
    assert dossier.check().errors == ()
    assert _roundtrip(dossier) == dossier
    assert len([claim for claim in dossier.claims if isinstance(claim.content, em.Proposition)]) == len(lines)


# -- ACLED ---------------------------------------------------------------------------------------


def test_the_acled_fixture_checks_clean_and_round_trips():
    dossier = read_acled([ACLED_FIXTURE])
    report = dossier.check()
    assert report.errors == ()
    assert report.warnings == ()
    assert _roundtrip(dossier) == dossier
    assert len(dossier.claims) == 10
    assert all(claim.claimant == "actor:acled" for claim in dossier.claims)


def test_a_month_precision_event_is_found_for_a_day_inside_its_month():
    dossier = read_acled([ACLED_FIXTURE])
    found = {statement.claim.id for statement in dossier.claims_during(em.When.parse("2023-03-27"))}
    assert "claim:acled-XMP1003" in found  # time_precision 3, 2023-03-01: March 2023
    assert "claim:acled-XMP1001" not in found  # a day, 15 March
    assert dossier["claim:acled-XMP1003"].content.when == em.When.parse("2023-03")
    assert dossier["claim:acled-XMP1008"].content.when == em.When.parse("2023-04")


def test_acled_time_precision_geo_precision_actors_sources_and_fatalities():
    dossier = read_acled([ACLED_FIXTURE])
    clash = dossier["claim:acled-XMP1001"]
    event = clash.content
    assert event.when == em.When.parse("2023-03-15")  # precision 1: the day
    assert event.kind == "acled.battles.armed-clash"
    assert event.quantities["fatalities"] == em.Quantity(3, unit="fatalities")
    assert event.quantities["fatalities"].is_exact
    assert event.where == em.Place(
        "Krasnohorivka",
        country="UA",  # iso 804
        admin=("Donetsk", "Pokrovskyi", "Krasnohorivska"),
        point=em.GeoPoint("48.0047", "37.5079", precision_m=5000),
    )
    # ACLED names three sources: each is evidence, with nothing said in its name.
    assert [evidence.source for evidence in clash.evidence] == [
        "source:acled-acled-fixture.csv",
        "source:acled-named-reuters",
        "source:acled-named-ukrainska-pravda",
        "source:acled-named-local-source",
    ]
    assert dossier["source:acled-named-ukrainska-pravda"].title == "Ukrainska Pravda"
    assert not isinstance(event, em.Claim)
    assert clash.depth == 1
    # actor1 and actor2, without direction; the inter codes give their kinds.
    assert event.participants == (
        em.Participant("actor:acled-military-forces-of-examplia-2020", "actor1"),
        em.Participant("actor:acled-examplia-liberation-front", "actor2"),
    )
    assert dossier["actor:acled-military-forces-of-examplia-2020"].kind is em.ActorKind.MILITARY_UNIT
    assert dossier["actor:acled-examplia-liberation-front"].kind is em.ActorKind.ARMED_GROUP
    week = dossier["claim:acled-XMP1002"].content
    assert week.when == em.When.parse("2023-03-13/2023-03-19")  # precision 2: the week around the date
    assert week.quantities["fatalities"] == em.Quantity(0, unit="fatalities")
    assert week.where.point.precision_m == 25000
    protest = dossier["claim:acled-XMP1003"].content
    assert [participant.role for participant in protest.participants] == [
        "actor1",
        "associated-with-actor1",
        "associated-with-actor1",
    ]  # actor2 empty; two associated actors in one cell
    assert dossier["actor:acled-protesters-ukraine"].kind is em.ActorKind.COLLECTIVE
    assert protest.details["tags"] == "crowd size=around 200"
    assert dossier["claim:acled-XMP1001"].made_at == em.When.parse("2023-03-17T00:00:00Z")


def _acled_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fp:
        return list(csv.DictReader(fp))


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("event_date", "2023-02-30", "line 3, column 2 (event_date): is not a date as ACLED writes it"),
        (
            "time_precision",
            "4",
            "line 3, column 3 (time_precision): must be an ACLED time precision: 1, 2 or 3, got '4'",
        ),
        (
            "inter1",
            "9",
            "line 3, column 9 (inter1): must be an ACLED actor type, 0 to 8 or its name, got '9'",
        ),
        ("fatalities", "-1", "line 3, column 28 (fatalities): must be digits, got '-1'"),
        ("latitude", "north", "line 3, column 22 (latitude): must be a decimal number, got 'north'"),
        (
            "geo_precision",
            "5",
            "line 3, column 24 (geo_precision): must be an ACLED geo precision: 1, 2 or 3, got '5'",
        ),
        ("actor1", "", "line 3, column 7 (actor1): must not be empty, got ''"),
    ],
)
def test_a_bad_acled_cell_names_the_file_line_and_column(tmp_path, column, value, message):
    rows = _acled_rows(ACLED_FIXTURE)
    rows[1][column] = value
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as fp:
        writer = csv.DictWriter(fp, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(em.InvalidValueError) as caught:
        read_acled([path])
    assert str(caught.value).startswith(f"{path}, {message}")
    skipped: list[str] = []
    assert len(read_acled([path], skip_bad=True, skipped=skipped).claims) == 9
    assert len(skipped) == 1


def test_an_acled_file_without_its_columns_is_an_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(em.InvalidValueError) as caught:
        read_acled([path])
    assert str(caught.value) == (
        f"{path}, line 1: has no column 'event_id_cnty'. Fix: give ACLED's CSV export, with its header line"
    )
    path.write_text(
        ACLED_FIXTURE.read_text(encoding="utf-8").splitlines()[0] + "\nXMP1,2023-01-01\n", encoding="utf-8"
    )
    with pytest.raises(em.InvalidValueError, match=r"line 2: does not have the 30 columns of the header"):
        read_acled([path])


def test_an_acled_file_with_one_coordinate_column_names_the_other(tmp_path):
    # Found by the fuzz harness: a header without "longitude" raised a raw KeyError.
    header, *rows = ACLED_FIXTURE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "x.csv"
    path.write_text(header.replace(",longitude,", ",longitud,") + "\n" + rows[0] + "\n", encoding="utf-8")
    with pytest.raises(em.InvalidValueError) as caught:
        read_acled([path])
    assert str(caught.value) == (
        f"{path}, line 2: gives a point without its longitude: the file has no longitude column, got ''. "
        "Fix: give ACLED's CSV export, with both coordinate columns"
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_mutated_acled_rows_raise_only_the_librarys_errors(data):
    rows = _acled_rows(ACLED_FIXTURE)
    row = dict(rows[data.draw(st.integers(0, len(rows) - 1))])
    for _ in range(data.draw(st.integers(1, 4))):
        column = data.draw(st.sampled_from(sorted(row)))
        row[column] = data.draw(st.sampled_from(["", "0", "9", "-1", "1e400", "NaN", "a; ;b"]) | _CELL)
    dossier, error = _built(lambda: acled_objects([("m.csv", [(2, row)])]))
    if dossier is None:
        assert error.startswith("m.csv, line 2")
        return
    assert dossier.check().errors == ()
    assert _roundtrip(dossier) == dossier


# -- the command line ----------------------------------------------------------------------------


def test_the_importers_are_registered():
    assert {"gdelt", "acled"} <= {importer.name for importer in formats.importers}
    assert [option.name for option in formats.importer("gdelt").options] == ["mentions", "skip_bad"]


def test_import_gdelt_and_acled_on_the_command_line(tmp_path, capsys):
    out = tmp_path / "gdelt.json"
    argv = ["import", "gdelt", str(ONE_EVENT), "--mentions", str(MENTIONS), "-o", str(out)]
    assert cli.main(argv) == 0
    assert capsys.readouterr().out == f"{ONE_EVENT} -> {out}: 16 objects from gdelt\n"
    assert em.json.loads(out.read_text(encoding="utf-8"), em.Dossier) == read_gdelt(
        [ONE_EVENT], mentions=[MENTIONS]
    )
    lines = tmp_path / "acled.jsonl"
    assert cli.main(["import", "acled", str(ACLED_FIXTURE), "-o", str(lines)]) == 0
    assert capsys.readouterr().out == f"{ACLED_FIXTURE} -> {lines}: 32 objects from acled\n"


def test_skip_bad_on_the_command_line_reports_the_rows_at_the_end(tmp_path, capsys):
    bad = tmp_path / "bad.CSV"
    bad.write_text(_rows(ONE_EVENT)[0] + "\n1\t2\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert cli.main(["import", "gdelt", str(bad), "-o", str(out)]) == 1
    assert "line 2: has 2 columns" in capsys.readouterr().err
    assert cli.main(["import", "gdelt", str(bad), "--skip-bad", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"skipped 1 bad row:\n  {bad}, line 2: has 2 columns; a GDELT 2.0 event row has 61, got 2. "
        "Fix: give the events export (*.export.CSV), tab-separated\n"
    )


def test_mention_columns_are_sixteen():
    assert len(MENTION_COLUMNS) == 16
    assert len(EVENT_COLUMNS) == 61


# -- more of the mapping, and progress -------------------------------------------------------------


def _mention(**changes: str) -> str:
    cells = _rows(MENTIONS)[0].split("\t")
    for name, value in changes.items():
        cells[MENTION_COLUMNS.index(name)] = value
    return "\t".join(cells)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "1\t2",
            "m.CSV, line 3: has 2 columns; a GDELT 2.0 mention row has 16, got 2. "
            "Fix: give the mentions table (*.mentions.CSV), tab-separated",
        ),
        (
            _mention(MentionType="7"),
            "m.CSV, line 3, column 4 (MentionType): must be a GDELT mention type from 1 to 6, got '7'",
        ),
        (
            _mention(Confidence="101"),
            "m.CSV, line 3, column 12 (Confidence): must be a whole number from 0 to 100, got '101'",
        ),
        (_mention(Confidence="x"), "m.CSV, line 3, column 12 (Confidence): must be a whole number, got 'x'"),
        (
            _mention(MentionTimeDate=""),
            "m.CSV, line 3, column 3 (MentionTimeDate): must not be empty, got ''",
        ),
        (
            _mention(MentionIdentifier="BBC Monitoring"),
            "m.CSV, line 3, column 6 (MentionIdentifier): must be an http(s) URL for a web mention (MentionType 1), "
            "got 'BBC Monitoring'",
        ),
    ],
)
def test_a_bad_mention_names_the_file_line_and_column(line, message):
    with pytest.raises(em.InvalidValueError) as caught:
        em.Dossier(gdelt_objects([("x", [(1, _rows(ONE_EVENT)[0])])], [("m.CSV", [(3, line)])]))
    assert str(caught.value) == message


def test_a_citation_mention_and_a_repeated_mention():
    citation = _mention(
        MentionType="2", MentionSourceName="BBC Monitoring", MentionIdentifier="BBC Monitoring"
    )
    again = _mention(MentionTimeDate="20191024144500")
    dossier = em.Dossier(
        gdelt_objects(
            [("x", [(1, _rows(ONE_EVENT)[0])])],
            [("m.CSV", [(1, _rows(MENTIONS)[0]), (2, citation), (3, again), (4, "")])],
        )
    )
    assert dossier.corroboration("event:gdelt-881990833").raw_count == 3
    cited = next(source for source in dossier.sources if source.title == "BBC Monitoring")
    assert cited.kind is em.SourceKind.OTHER
    assert cited.publisher == "actor:outlet-bbc-monitoring"
    with pytest.raises(
        em.InvalidValueError, match="repeats a mention of this event in this article at the same time"
    ):
        em.Dossier(
            gdelt_objects(
                [("x", [(1, _rows(ONE_EVENT)[0])])], [("m.CSV", [(1, again), (2, again), (3, again)])]
            )
        )


def test_progress_is_reported_per_file(tmp_path):
    calls = []
    big = tmp_path / "big.export.CSV"
    lines = _rows(EXPORT)
    big.write_text("\n".join(lines + ["9" + line for line in lines]) + "\n", encoding="utf-8")
    read_gdelt([big], progress=lambda *args: calls.append(args))
    size = big.stat().st_size
    assert [call[3] for call in calls] == [4096, 4222]
    assert calls[-1] == (str(big), size, size, 4222)
    calls.clear()
    read_gdelt([EXPORT], progress=lambda *args: calls.append(args))
    size = EXPORT.stat().st_size
    assert calls == [(str(EXPORT), size, size, 2111)]
    calls.clear()
    read_acled([ACLED_FIXTURE], progress=lambda *args: calls.append(args))
    assert calls[-1][1] == calls[-1][2] == ACLED_FIXTURE.stat().st_size


def test_the_command_line_draws_a_progress_bar_on_a_terminal(capsys):
    progress = _FileProgress(enabled=True)
    progress("a.CSV", 1 << 20, 4 << 20, 5000)
    progress("b.CSV", 2 << 20, 4 << 20, 9000)
    progress.close()
    err = capsys.readouterr().err
    assert "a.CSV [" in err
    assert "b.CSV [" in err
    assert "9,000 lines" in err
    quiet = _FileProgress(enabled=False)
    quiet("a.CSV", 1, 2, 3)
    quiet.close()
    assert capsys.readouterr().err == ""


def test_acled_reads_both_date_forms_type_names_other_columns_and_multiline_notes(tmp_path):
    rows = _acled_rows(ACLED_FIXTURE)
    rows[0]["event_date"] = "15 March 2023"
    rows[0]["inter1"] = "State forces"
    rows[0]["notes"] = "First line.\nSecond line."
    for row in rows:
        row["year"] = row["event_date"][-4:] if " " in row["event_date"] else row["event_date"][:4]
        row["source_id"] = "42"
    path = tmp_path / "full.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fp:
        writer = csv.DictWriter(fp, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    dossier = read_acled([path])
    clash = dossier["claim:acled-XMP1001"].content
    assert clash.when == em.When.parse("2023-03-15")
    assert clash.description == "First line.\nSecond line."
    assert clash.details["source_id"] == "42"
    assert dossier["actor:acled-military-forces-of-examplia-2020"].kind is em.ActorKind.MILITARY_UNIT
    rows[2]["year"] = "1999"
    with path.open("w", encoding="utf-8", newline="") as fp:
        writer = csv.DictWriter(fp, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(em.InvalidValueError) as caught:
        read_acled([path])
    # The first row's notes take two lines, so the third row starts on line 5.
    assert (
        str(caught.value) == f"{path}, line 5, column 31 (year): must be event_date's year, 2023, got '1999'"
    )


def test_acled_rejects_what_is_not_csv_or_not_its_time(tmp_path):
    path = tmp_path / "x.csv"
    header = ACLED_FIXTURE.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + '\nXMP1,"2023-01-01\n', encoding="utf-8")
    with pytest.raises(em.InvalidValueError, match=r"x.csv, line 2: is not CSV"):
        read_acled([path])
    rows = _acled_rows(ACLED_FIXTURE)
    rows[0]["timestamp"] = "99999999999999"
    with pytest.raises(
        em.InvalidValueError, match=r"column 30 \(timestamp\): must be a Unix time in seconds"
    ):
        em.Dossier(acled_objects([("a.csv", [(2, rows[0])])]))


@st.composite
def _acled_rows_generated(draw):
    """An ACLED row built from strategies, in the codebook's columns."""
    day = draw(st.dates(date(1997, 1, 1), date(2030, 12, 28)))
    name = st.sampled_from(
        ["Military Forces of X", "Rebels of Y", "Protesters (Z)", "Civilians (Z)", "Unidentified Armed Group"]
    )
    row = dict.fromkeys(_rows(ACLED_FIXTURE)[0].split(","), "")
    row.update(
        event_id_cnty=f"GEN{draw(st.integers(1, 10**6))}",
        event_date=day.isoformat() if draw(st.booleans()) else f"{day.day:02} {day:%B %Y}",
        time_precision=draw(st.sampled_from("123")),
        event_type=draw(st.sampled_from(["Battles", "Protests", "Riots", "Explosions/Remote violence"])),
        sub_event_type=draw(st.sampled_from(["", "Armed clash", "Peaceful protest"])),
        actor1=draw(name),
        inter1=draw(st.sampled_from(["1", "2", "6", "7", "Rebel group", ""])),
        actor2=draw(st.sampled_from(["", "Civilians (Z)", "Police Forces of Z"])),
        assoc_actor_1="; ".join(draw(st.lists(name, max_size=3))),
        iso=draw(st.sampled_from(["804", "4", "0", "999", ""])),
        admin1=draw(st.sampled_from(["", "Donetsk"])),
        location=draw(st.sampled_from(["", "Kyiv"])),
        source="; ".join(draw(st.lists(st.sampled_from(["Reuters", "AFP", "Local Source"]), max_size=3))),
        fatalities=str(draw(st.integers(0, 5000))),
        timestamp=str(draw(st.integers(0, 2**33))),
        notes=draw(st.text(max_size=30)).replace("\x00", ""),
    )
    if draw(st.booleans()):
        row["latitude"] = str(draw(st.decimals(-90, 90, places=4)))
        row["longitude"] = str(draw(st.decimals(-180, 180, places=4)))
        row["geo_precision"] = draw(st.sampled_from("123"))
    return row


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_acled_rows_generated(), min_size=1, max_size=6, unique_by=lambda row: row["event_id_cnty"]))
def test_generated_acled_rows_import_and_round_trip(rows):
    dossier = em.Dossier(acled_objects([("gen.csv", enumerate(rows, start=2))]))
    assert dossier.check().errors == ()
    assert _roundtrip(dossier) == dossier
    assert len(dossier.claims) == len(rows)
