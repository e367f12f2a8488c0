"""
The direct paths: the built-in classes are read and written without the
converter's hooks, with the same results; hooks registered on the converter
take over from them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import eventmodel as em
from eventmodel import testing
from eventmodel.io import _document
from eventmodel.json import converter
from eventmodel.model._fast_init import CLASSES as BUILT_IN_CLASSES

CLASSES = list(BUILT_IN_CLASSES)


def _through_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the library take the converter's path, as it does once a hook is registered."""
    monkeypatch.setattr(converter, "structure_changes", -1)
    monkeypatch.setattr(converter, "unstructure_changes", -1)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_direct_paths_agree_with_the_converter(cls):
    @given(testing.strategy_for(cls))
    def check(obj):
        document = _document.to_document(obj)
        assert document == converter.unstructure(obj)
        assert list(document) == list(converter.unstructure(obj))  # the same member order
        read = _document._direct_reader_of(cls)(document, em.json.MAX_DEPTH, {})  # no giving up
        assert read == obj
        assert type(read) is type(obj)
        assert read == converter.structure(document, cls)

    check()


@given(testing.claims(max_depth=3))
def test_json_text_is_the_same_either_way(claim):
    direct = em.json.dumps(claim)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _through_converter(monkeypatch)
        assert em.json.dumps(claim) == direct
        assert em.json.loads(direct, em.Claim) == claim


def test_the_direct_reader_leaves_bad_documents_to_the_converter():
    reader = _document._direct_reader_of(em.Quantity)
    for document in (
        {"value": "1", "lower": "2"},  # bounds across fields
        {"value": "NaN"},
        {"value": 1},
        {"unit": ""},
        {"value": "1", "extra": True},
        {},
        [],
    ):
        with pytest.raises((_document._GiveUpError, em.EventModelError, KeyError)):
            reader(document, 1, {})
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads('{"lower": "2", "upper": "1"}', em.Quantity)
    assert (
        str(caught.value) == "$.lower (Quantity.lower): must not be greater than upper (1), got Decimal('2')"
    )


def test_a_confidence_label_must_be_written_as_normalised_either_way():
    text = '{"value": 68, "scale": "words", "label": "Likely"}'
    with pytest.raises(em.InvalidValueError, match="must be written as 'likely'"):
        em.json.loads(text, em.Confidence)
    assert em.json.loads(text.replace("Likely", "likely"), em.Confidence) == em.Confidence.from_words(
        "likely"
    )


def test_claims_nested_past_the_limit_are_refused_either_way():
    claim = em.Claim("actor:a", em.Claim("actor:b", em.Claim("actor:c", em.Event("attack"))))
    text = em.json.dumps(claim)
    assert em.json.loads(text, em.Claim, max_depth=3) == claim
    with pytest.raises(em.InvalidValueError, match="nests claims more than 2 deep"):
        em.json.loads(text, em.Claim, max_depth=2)


@em.register("x-direct-test-shelling")
@attrs.frozen
class Shelling(em.Event):
    rounds: int = attrs.field(default=0, kw_only=True)


def test_a_registered_event_type_in_a_claim_is_read_and_written_as_its_class():
    claim = em.Claim("actor:a", Shelling("attack.shelling", rounds=40))
    text = em.json.dumps(claim)
    assert json.loads(text)["content"]["type"] == "x-direct-test-shelling"
    assert json.loads(text)["content"]["rounds"] == 40
    back = em.json.loads(text, em.Claim)
    assert type(back.content) is Shelling
    assert back == claim


def _run(code: str) -> str:
    """Run *code* in a fresh interpreter: hooks registered there stay there."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_a_structure_hook_registered_by_the_user_is_honoured():
    out = _run(
        """
        import eventmodel as em
        from eventmodel.json import converter

        def quantity(value, cls):
            return em.Quantity(int(value), unit="from the hook")

        converter.register_structure_hook(em.Quantity, quantity)
        event = em.json.loads('{"type": "event", "kind": "losses", "quantities": {"n": 7}}', em.Event)
        print(event.quantities["n"].unit, em.json.loads('12', em.Quantity).value)
        """
    )
    assert out == "from the hook 12"


def test_an_unstructure_hook_registered_by_the_user_is_honoured():
    out = _run(
        """
        import eventmodel as em
        from eventmodel.json import converter

        converter.register_unstructure_hook(em.Place, lambda place: place.name.upper())
        event = em.Event("attack", id="event:1", where=em.Place("Kyiv"))
        print(em.json.dumps(event))
        """
    )
    assert out == '{"type":"event","id":"event:1","kind":"attack","where":"KYIV"}'


def test_a_hook_for_a_value_type_is_honoured_inside_the_built_in_classes():
    out = _run(
        """
        import eventmodel as em
        from decimal import Decimal
        from eventmodel.json import converter

        converter.register_unstructure_hook(Decimal, lambda number: f"{number:.2f}")
        converter.register_structure_hook(Decimal, lambda text, _: Decimal(text) * 2)
        print(em.json.dumps(em.Quantity(Decimal("1.5"))), em.json.loads('{"value": "1.5"}', em.Quantity).value)
        """
    )
    assert out == '{"value":"1.50"} 3.0'


def test_a_hook_registered_on_the_converter_is_counted():
    before = converter.structure_changes, converter.unstructure_changes
    assert isinstance(converter, __import__("cattrs").Converter)
    # Nothing registered here: the direct paths are in use in this process.
    assert before == (_document._STRUCTURE_HOOKS_OF_EVENTMODEL, _document._UNSTRUCTURE_HOOKS_OF_EVENTMODEL)
    assert em.json.loads('{"value": "2"}', em.Quantity) == em.Quantity(Decimal("2"))


# -- documents in the compact form, which orjson reads when it is installed --------------------


def _compact_event(members: str) -> str:
    return '{"type":"event","id":"event:1","kind":"attack"' + members + "}"


@pytest.mark.parametrize(
    ("members", "reason", "path"),
    [
        (',"kind":"attack"', "appears twice in one object", "$.kind"),
        (',"description":"a","description":"b"', "appears twice in one object", "$.description"),
        (',"x":1e999', "is a number a float cannot hold exactly", "$.x"),
        (',"x":NaN', "is not JSON (NaN is a JavaScript value, not a JSON number)", "$.x"),
        (',"x":' + "9" * 30, None, None),
        (',"x":"\\ud800"', None, None),
    ],
)
def test_compact_documents_are_refused_as_the_standard_parser_refuses_them(members, reason, path):
    text = _compact_event(members)
    for data in (text, text.encode()):
        with pytest.raises(em.EventModelError) as caught:
            em.json.loads(data, em.Event)
        if reason is not None:
            assert caught.value.reason == reason
            assert caught.value.path == path
        else:  # well-formed JSON, refused as an unknown member
            assert caught.value.reason == "is not a member of an Event"
            assert caught.value.path == "$.x"


def test_compact_documents_keep_their_extras_exactly():
    text = _compact_event(',"x":[0.5,1.25e-7,9007199254740991,true,null,{"y":"\\n\\u0001"}]')
    event = em.json.loads(text, em.Event, strict=False)
    assert event.extras["x"] == (0.5, 1.25e-7, 9007199254740991, True, None, {"y": "\n\x01"})
    assert json.loads(em.json.dumps(event)) == json.loads(text)


BAD_EVENTS = [
    {"kind": "Attack"},
    {"kind": ""},
    {"kind": "attack", "quantities": {"": {"value": "1"}}},
    {"kind": "attack", "quantities": {"n": {"value": "1", "lower": "2"}}},
    {"kind": "attack", "details": {"weapon": 1}},
    {"kind": "attack", "details": {"\ud800": "x"}},
    {"kind": "attack", "where": {}},
    {"kind": "attack", "where": {"country": "ua"}},
    {"kind": "attack", "where": {"point": {"lat": "91", "lon": "0"}}},
    {"kind": "attack", "participants": [{"actor": "actor:a b", "role": "agent"}]},
    {"kind": "attack", "participants": [{"actor": "actor:a", "role": ""}]},
    {"kind": "attack", "when": "2022-02-30"},
    {"kind": "attack", "id": ""},
    {"kind": "attack", "description": None, "extra": 1},
]


@pytest.mark.parametrize("members", BAD_EVENTS)
def test_bad_documents_get_the_converters_error(members):
    document = {"type": "event", **members}
    with pytest.raises(em.EventModelError) as direct:
        _document.from_document(document, em.Event)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _through_converter(monkeypatch)
        with pytest.raises(em.EventModelError) as through_converter:
            _document.from_document(document, em.Event)
    assert type(direct.value) is type(through_converter.value)
    assert str(direct.value) == str(through_converter.value)


def test_a_dossier_read_shares_one_object_for_each_id_and_time():
    moment = em.When.parse("2022-03-27")
    claims = [
        em.Claim(
            "actor:a", em.Event("attack", when=moment, participants=[em.Participant("actor:a", "agent")])
        )
        for _ in range(2)
    ] + [em.Claim("actor:a", em.Event("shelling", when=em.When.parse("2022-03-27")), made_at=moment)]
    back = em.json.loads(em.json.dumps(em.Dossier(claims)), em.Dossier)
    assert list(back.claims) == claims[:1] + claims[2:]  # the first two are one claim
    first, other = back.claims
    assert first.claimant is other.claimant is first.content.participants[0].actor
    assert first.content.when is other.content.when is other.made_at
    assert first.content.when == moment


def test_an_id_seen_before_is_still_checked_where_it_is_not_an_id():
    text = '{"eventmodel":"1.0","actors":[{"type":"actor","id":"x","name":"A"}],' + (
        '"claims":[{"type":"claim","claimant":"x","content":{"type":"event","kind":"x","where":{"country":"x"}}}]}'
    )
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads(text, em.Dossier)
    assert caught.value.path == "$.claims[0].content.where.country"
