"""
What is read or built can be written, and what is written can be read back:
lone surrogates, number lengths and the format version, at their roots.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest

import eventmodel as em
from eventmodel import cli

SURROGATE_FIX = "write the text as UTF-8, or escape characters outside the BMP as surrogate pairs"
NUMBER_REASON = "is a number longer than the 1000 characters a document may hold as its text"
NUMBER_FIX = "round it to fewer digits: a number that could not be read back is not written"


# -- lone surrogates: refused where they are read ------------------------------------------------


def test_a_lone_surrogate_in_a_detail_of_an_event_with_an_id_is_refused():
    text = '{"type":"event","id":"event:0","kind":"a","details":{"personnel":"\\udfff"}}'
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads(text, em.Event)
    assert str(caught.value) == (
        "$.details['personnel'] (Event.details['personnel']): must be valid Unicode text, but it holds a "
        "lone surrogate, got '\\udfff'. Fix: decode the input with errors='strict' or 'replace' before "
        "building the object"
    )


def test_a_lone_surrogate_in_the_format_version_is_refused():
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads('{"eventmodel":"1.\\udfff0"}', em.Dossier)
    assert caught.value.path == "$.eventmodel"
    assert caught.value.reason == "is not a format version: '1.' and a minor version number, such as '1.0'"


def test_a_lone_surrogate_in_an_unknown_member_name_is_refused_when_reading_leniently():
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads('{"eventmodel":"1.0","c\\udfffaims":[]}', em.Dossier, strict=False)
    assert str(caught.value) == (
        "$['c\\udfffaims']: is a member name that is not valid Unicode text: it holds a lone surrogate, "
        f"got 'c\\udfffaims'. Fix: {SURROGATE_FIX}"
    )


def test_a_lone_surrogate_in_a_value_kept_unread_is_refused():
    text = '{"eventmodel":"1.0","claims":[{"type":"x-unknown","note":"\\ud800"}]}'
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads(text, em.Dossier, strict=False)
    assert str(caught.value) == (
        "$.claims[0].note: must be valid Unicode text, but it holds a lone surrogate, got '\\ud800'"
    )


def test_a_lone_surrogate_on_a_line_is_refused_with_its_line():
    lines = io.StringIO(
        '{"type":"actor","id":"a:1","name":"x"}\n{"type":"actor","id":"a:2","name":"y","n":"\\udc00"}\n'
    )
    with pytest.raises(em.InvalidValueError) as caught:
        list(em.json.iter_jsonl(lines, strict=False))
    assert str(caught.value) == (
        "line 2: $.n (Actor.extras['n']): must be valid Unicode text, but it holds a lone surrogate, got '\\udc00'"
    )


def test_a_surrogate_pair_is_one_character_and_reads():
    dossier = em.json.loads('{"eventmodel":"1.0","x":"\\ud83d\\ude00"}', em.Dossier, strict=False)
    assert dossier.extras["x"] == "\U0001f600"
    assert em.json.loads(em.json.dumps(dossier), em.Dossier, strict=False).extras == dossier.extras


@pytest.mark.parametrize(
    ("extras", "message"),
    [
        (
            {"a": "\udfff"},
            "Dossier.extras['a']: must be valid Unicode text, but it holds a lone surrogate, got '\\udfff'",
        ),
        (
            {"b\udfff": 1},
            "Dossier.extras['b\\udfff']: must have member names that are non-empty, valid Unicode strings, "
            "got 'b\\udfff'",
        ),
        ({"c": float("nan")}, "Dossier.extras['c']: must be a finite number, not NaN or infinity, got nan"),
    ],
)
def test_a_dossier_refuses_extras_it_could_not_write(extras, message):
    with pytest.raises(em.InvalidValueError) as caught:
        em.Dossier(extras=extras)
    assert str(caught.value) == message


def test_validate_reports_a_lone_surrogate_as_a_format_error(tmp_path, capsys):
    path = tmp_path / "d.json"
    path.write_text('{"eventmodel":"1.0","actors":[{"type":"actor","id":"a:1","name":"x","n":"\\udc00"}]}')
    assert cli.main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}: error format $.actors[0].n: is not a member of an Actor, got '\\udc00'" in out


# -- numbers: built, written and read by one limit ------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: em.Quantity(Decimal("9" * 10000)),
        lambda: em.Quantity(10**5000),
        lambda: em.Quantity(Decimal("9" * 1001)),
        lambda: em.GeoPoint(Decimal("1." + "0" * 10000), 0),
        lambda: em.GeoPoint(0, 0, precision_m=Decimal("1" * 2000)),
    ],
)
def test_a_number_that_could_not_be_read_back_is_not_built(build):
    with pytest.raises(em.InvalidValueError) as caught:
        build()
    assert caught.value.reason == NUMBER_REASON
    assert caught.value.fix == NUMBER_FIX


def test_the_longest_number_is_built_written_and_read_back():
    for value in (Decimal("9" * 1000), Decimal("-" + "9" * 999), Decimal("1E+999999")):
        quantity = em.Quantity(value)
        assert len(str(quantity.value)) <= 1000
        assert em.json.loads(em.json.dumps(quantity), em.Quantity) == quantity
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads('{"value":"' + "9" * 1001 + '"}', em.Quantity)
    assert caught.value.reason == "must be a finite number written as Python's Decimal writes it"


# -- the format version ---------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["1.foo bar", "1.\u0000", "1.-1", "1.", "1.01", "1.0.0", "1.1234567"])
def test_a_version_that_is_not_one_is_refused(version):
    document = '{"eventmodel": ' + json.dumps(version) + "}"
    for strict in (True, False):
        with pytest.raises(em.InvalidValueError) as caught:
            em.json.loads(document, em.Dossier, strict=strict)
        assert caught.value.path == "$.eventmodel"
        assert (
            caught.value.reason == "is not a format version: '1.' and a minor version number, such as '1.0'"
        )
    with pytest.raises(em.InvalidValueError) as caught:
        em.Dossier(format_version=version)
    assert str(caught.value).startswith("Dossier.format_version: is not a format version")


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.12", "1.999999"])
def test_a_version_of_format_1_reads_and_is_written_back(version):
    document = '{"eventmodel":"' + version + '"}'
    dossier = em.json.loads(document, em.Dossier, strict=False)
    assert dossier.format_version == version
    assert em.json.dumps(dossier) == document


def test_another_major_version_is_refused_as_before():
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads('{"eventmodel":"2.0"}', em.Dossier)
    assert str(caught.value) == (
        "$.eventmodel: must name format version 1.x, got '2.0'. "
        "Fix: this version reads documents of format 1.x; a 2.x document needs a newer eventmodel"
    )
