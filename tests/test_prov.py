"""W3C PROV both ways: the mapping, the standard's own checks, and lossless round trips."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.interop import vocabulary

prov_model = pytest.importorskip("prov.model")
rdflib = pytest.importorskip("rdflib")
jsonschema = pytest.importorskip("jsonschema")

from eventmodel.interop import prov as emprov  # noqa: E402 - needs the prov extra

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "luhansk-2022-03-27" / "dossier.json"
SCHEMAS = Path(__file__).resolve().parent / "data" / "prov"


@pytest.fixture(scope="module")
def example():
    with EXAMPLE.open("rb") as fp:
        return em.json.load(fp, em.Dossier)


def dossiers():
    members = st.one_of(testing.actors(), testing.sources(), testing.claims())
    return st.lists(members, max_size=5, unique_by=lambda obj: obj.id).map(em.Dossier)


def _claim_ids(dossier):
    found = set()
    for claim in dossier.claims:
        while True:
            found.add(claim.id)
            if not isinstance(claim.content, em.Claim):
                break
            claim = claim.content
    return found


# -- lossless --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "trig"])
def test_the_example_comes_back_equal_and_checked(example, fmt):
    back = emprov.from_prov_text(emprov.to_prov_text(example, fmt), fmt)
    assert back == example
    assert back.check().ok


@given(dossiers())
def test_every_dossier_comes_back_equal_through_both_texts(dossier):
    for fmt in ("json", "trig"):
        assert emprov.from_prov_text(emprov.to_prov_text(dossier, fmt), fmt) == dossier
