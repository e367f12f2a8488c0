"""The error classes, their messages, and that bad input always raises them."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from eventmodel import (
    Actor,
    Affiliation,
    Claim,
    Confidence,
    Event,
    EventModelError,
    Evidence,
    Factuality,
    GeoPoint,
    InvalidTypeError,
    InvalidValueError,
    Moment,
    Participant,
    Place,
    Proposition,
    ProvenanceError,
    Quantity,
    Source,
    TextQuote,
    TextSpan,
    UnknownTypeError,
    UnresolvedReferenceError,
    When,
    canonical_json,
)
from eventmodel.exceptions import NO_VALUE
from eventmodel.model._evidence import MAX_POSITION

ALL_ERRORS = [
    EventModelError,
    InvalidValueError,
    InvalidTypeError,
    UnresolvedReferenceError,
    ProvenanceError,
    UnknownTypeError,
]

# -- hierarchy ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "is_value", "is_type", "is_lookup"),
    [
        (EventModelError, False, False, False),
        (InvalidValueError, True, False, False),
        (InvalidTypeError, True, True, False),
        (UnresolvedReferenceError, False, False, True),
        (ProvenanceError, False, False, False),
        (UnknownTypeError, True, False, False),
    ],
)
def test_hierarchy(error, is_value, is_type, is_lookup):
    instance = error("is wrong")
    assert isinstance(instance, EventModelError)
    assert isinstance(instance, Exception)
    assert isinstance(instance, ValueError) is is_value
    assert isinstance(instance, TypeError) is is_type
    assert isinstance(instance, LookupError) is is_lookup


def test_invalid_type_is_an_invalid_value():
    assert issubclass(InvalidTypeError, InvalidValueError)
    assert not issubclass(UnknownTypeError, InvalidValueError)
    assert not issubclass(UnresolvedReferenceError, InvalidValueError)
    assert not issubclass(ProvenanceError, InvalidValueError)


@pytest.mark.parametrize("catch", [ValueError, TypeError, InvalidValueError, EventModelError])
def test_invalid_type_is_caught_by_either_clause(catch):
    with pytest.raises(catch):
        Confidence(True)


def test_invalid_value_is_not_a_type_error():
    with pytest.raises(InvalidValueError) as excinfo:
        Confidence(140)
    assert not isinstance(excinfo.value, TypeError)


# -- fields -----------------------------------------------------------------------------------


@pytest.mark.parametrize("error", ALL_ERRORS)
def test_fields_are_kept(error):
    value = [1, 2]
    instance = error(
        "must be short",
        cls="Claim",
        field="evidence",
        value=value,
        fix="give fewer",
        path="$.claims[0].evidence",
    )
    assert instance.reason == "must be short"
    assert instance.cls == "Claim"
    assert instance.field == "evidence"
    assert instance.value is value
    assert instance.fix == "give fewer"
    assert instance.path == "$.claims[0].evidence"
    assert instance.args == ("must be short",)


@pytest.mark.parametrize("error", ALL_ERRORS)
def test_field_defaults(error):
    instance = error("is wrong")
    assert instance.cls is None
    assert instance.field is None
    assert instance.value is NO_VALUE
    assert instance.fix is None
    assert instance.path is None
    assert instance.location == ""
    assert str(instance) == "is wrong"


def test_no_value_reads_as_such():
    assert repr(NO_VALUE) == "<no value>"


def test_arguments_after_the_reason_are_keyword_only():
    with pytest.raises(TypeError):
        EventModelError("is wrong", "Claim")


def test_errors_raised_by_the_model_carry_their_fields():
    with pytest.raises(InvalidValueError) as excinfo:
        Confidence(140)
    error = excinfo.value
    assert error.cls == "Confidence"
    assert error.field == "value"
    assert error.value == 140
    assert error.reason == "must be from 0 to 100"
    assert error.fix is None
    assert error.path is None


# -- message format ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "must be a whole number from 0 to 100"),
        ({"cls": "Confidence"}, "Confidence: must be a whole number from 0 to 100"),
        ({"field": "value"}, "value: must be a whole number from 0 to 100"),
        ({"cls": "Confidence", "field": "value"}, "Confidence.value: must be a whole number from 0 to 100"),
        (
            {"cls": "Confidence", "field": "value", "value": 140},
            "Confidence.value: must be a whole number from 0 to 100, got 140",
        ),
        (
            {"cls": "Confidence", "field": "value", "value": 140, "fix": "use a percent such as 70"},
            "Confidence.value: must be a whole number from 0 to 100, got 140. Fix: use a percent such as 70",
        ),
        (
            {"cls": "Confidence", "field": "value", "fix": "use a percent such as 70"},
            "Confidence.value: must be a whole number from 0 to 100. Fix: use a percent such as 70",
        ),
        ({"value": None}, "must be a whole number from 0 to 100, got None"),
        ({"value": "140"}, "must be a whole number from 0 to 100, got '140'"),
        ({"value": ""}, "must be a whole number from 0 to 100, got ''"),
        ({"fix": ""}, "must be a whole number from 0 to 100"),
        ({"path": "$.claims[2]"}, "$.claims[2]: must be a whole number from 0 to 100"),
        (
            {"path": "$.claims[2].confidence", "cls": "Confidence", "field": "value", "value": 140},
            "$.claims[2].confidence (Confidence.value): must be a whole number from 0 to 100, got 140",
        ),
        (
            {
                "path": "$.claims[2].confidence",
                "cls": "Confidence",
                "field": "value",
                "value": 140,
                "fix": "use a percent such as 70",
            },
            "$.claims[2].confidence (Confidence.value): must be a whole number from 0 to 100, got 140. "
            "Fix: use a percent such as 70",
        ),
        (
            {"path": "$.claims[2].confidence", "cls": "Confidence"},
            "$.claims[2].confidence (Confidence): must be a whole number from 0 to 100",
        ),
    ],
)
def test_message_format(kwargs, message):
    assert str(InvalidValueError("must be a whole number from 0 to 100", **kwargs)) == message


@pytest.mark.parametrize(
    ("kwargs", "location"),
    [
        ({"cls": "Claim", "field": "id"}, "Claim.id"),
        ({"cls": "Claim"}, "Claim"),
        ({"field": "id"}, "id"),
        ({"path": "$.actors[0]"}, "$.actors[0]"),
        ({"path": "$.actors[0]", "cls": "Actor", "field": "id"}, "$.actors[0] (Actor.id)"),
        ({"path": "", "cls": "Actor"}, "Actor"),
    ],
)
def test_location(kwargs, location):
    assert EventModelError("is wrong", **kwargs).location == location


def test_message_of_each_class_has_the_same_form():
    for error in ALL_ERRORS:
        instance = error(
            "refers to nothing", cls="Claim", field="claimant", value="actor:x", fix="add the actor"
        )
        assert str(instance) == "Claim.claimant: refers to nothing, got 'actor:x'. Fix: add the actor"


class TestTruncation:
    def test_a_long_value_is_cut_to_eighty_characters(self):
        value = "x" * 200
        message = str(InvalidValueError("is too long", cls="Actor", field="name", value=value))
        assert message == "Actor.name: is too long, got '" + "x" * 76 + "..."
        assert len(message) == len("Actor.name: is too long, got ") + 80

    def test_eighty_characters_are_kept(self):
        value = "x" * 78
        assert len(repr(value)) == 80
        assert str(InvalidValueError("is long", value=value)) == f"is long, got {value!r}"

    def test_eighty_one_characters_are_cut(self):
        value = "x" * 79
        assert str(InvalidValueError("is long", value=value)) == "is long, got '" + "x" * 76 + "..."

    def test_the_fix_follows_a_cut_value(self):
        message = str(InvalidValueError("is long", value=list(range(100)), fix="shorten it"))
        assert message == "is long, got " + repr(list(range(100)))[:77] + ".... Fix: shorten it"

    def test_the_value_itself_is_kept_whole(self):
        value = "y" * 500
        assert InvalidValueError("is long", value=value).value == value

    def test_a_model_error_with_a_long_value(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Actor("x", id="actor:" + "a" * 3000)
        assert (
            str(excinfo.value)
            == "Actor.id: must be at most 2048 characters long, got 'actor:" + "a" * 70 + "..."
        )

    def test_a_long_integer_is_cut_like_any_value(self):
        error = InvalidValueError("is too big", cls="Confidence", field="value", value=10**200)
        message = str(error)
        assert message == "Confidence.value: is too big, got 1" + "0" * 76 + "..."
        assert len(message) == len("Confidence.value: is too big, got ") + 80

    def test_an_integer_too_large_for_repr_reads_as_its_size(self):
        error = InvalidValueError("is too big", cls="Confidence", field="value", value=10**5000)
        assert str(error) == "Confidence.value: is too big, got <an int of about 5000 digits>"

    def test_a_negative_integer_too_large_for_repr_reads_as_its_size(self):
        error = InvalidValueError("is too small", cls="Confidence", field="value", value=-(2**20000))
        assert str(error) == "Confidence.value: is too small, got <an int of about 6021 digits>"


# -- pickling ------------------------------------------------------------------------------------


@pytest.mark.parametrize("error", ALL_ERRORS)
def test_pickle_round_trip_keeps_every_field(error):
    original = error(
        "must be from 0 to 100",
        cls="Confidence",
        field="value",
        value=140,
        fix="use a percent",
        path="$.claims[2].confidence",
    )
    restored = pickle.loads(pickle.dumps(original))
    assert type(restored) is error
    assert restored.reason == original.reason
    assert restored.cls == "Confidence"
    assert restored.field == "value"
    assert restored.value == 140
    assert restored.fix == "use a percent"
    assert restored.path == "$.claims[2].confidence"
    assert restored.args == original.args
    assert str(restored) == str(original)


@pytest.mark.parametrize("error", ALL_ERRORS)
def test_pickle_round_trip_without_a_value(error):
    original = error("has no type tag", cls="Thing")
    restored = pickle.loads(pickle.dumps(original))
    assert str(restored) == "Thing: has no type tag"
    assert restored.value is NO_VALUE


def test_pickle_round_trip_of_an_error_raised_by_the_model():
    with pytest.raises(InvalidTypeError) as excinfo:
        Quantity(True)
    restored = pickle.loads(pickle.dumps(excinfo.value))
    assert isinstance(restored, TypeError)
    assert str(restored) == str(excinfo.value)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_no_value_pickles_as_the_one_instance(protocol):
    assert pickle.loads(pickle.dumps(NO_VALUE, protocol)) is NO_VALUE


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy])
def test_no_value_copies_as_the_one_instance(copier):
    assert copier(NO_VALUE) is NO_VALUE


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip_of_a_model_error_without_a_value(protocol):
    with pytest.raises(InvalidValueError) as excinfo:
        Quantity()
    assert excinfo.value.value is NO_VALUE
    restored = pickle.loads(pickle.dumps(excinfo.value, protocol))
    assert restored.value is NO_VALUE
    assert str(restored) == str(excinfo.value)
    assert ", got" not in str(restored)


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy])
def test_copies_of_a_model_error_without_a_value(copier):
    with pytest.raises(InvalidValueError) as excinfo:
        Place()
    copied = copier(excinfo.value)
    assert copied.value is NO_VALUE
    assert str(copied) == (
        "Place.name: is needed when nothing else locates the place. "
        "Fix: give a name, a country, admin units, a point, a gazetteer id or parts"
    )


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy])
def test_copies_without_a_value(copier):
    copied = copier(ProvenanceError("is out of order", cls="Claim", field="made_at"))
    assert copied.value is NO_VALUE
    assert str(copied) == "Claim.made_at: is out of order"


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy])
def test_copies_keep_every_field(copier):
    original = UnresolvedReferenceError(
        "refers to nothing", cls="Claim", field="claimant", value="actor:x", path="$.claims[0].claimant"
    )
    copied = copier(original)
    assert type(copied) is UnresolvedReferenceError
    assert str(copied) == "$.claims[0].claimant (Claim.claimant): refers to nothing, got 'actor:x'"


# -- every kind of bad input raises the library's error with an exact message ------------------------

EXACT = [
    # wrong types
    (lambda: Actor(5), InvalidTypeError, "Actor.name: must be a string, got 5"),
    (lambda: Actor(None), InvalidTypeError, "Actor.name: must be a string, got None"),
    (lambda: Event(b"losses"), InvalidTypeError, "Event.kind: must be a string, got b'losses'"),
    (
        lambda: Event("losses", when="2022-03-27"),
        InvalidTypeError,
        "Event.when: must be a When or None, got '2022-03-27'",
    ),
    (
        lambda: Event("losses", where="Kyiv"),
        InvalidTypeError,
        "Event.where: must be a Place or None, got 'Kyiv'",
    ),
    (
        lambda: Claim(None, Event("losses"), confidence=0.7),
        InvalidTypeError,
        "Claim.confidence: must be a Confidence or None, got 0.7",
    ),
    (
        lambda: Claim(None, Event("losses"), evidence=["src:a"]),
        InvalidTypeError,
        "Claim.evidence[0]: must be an Evidence, got 'src:a'",
    ),
    (
        lambda: Claim(None, Event("losses"), supersedes="claim:a"),
        InvalidTypeError,
        "Claim.supersedes: must be a list or tuple of Claims or their ids, got 'claim:a'",
    ),
    (
        lambda: Event("losses", participants=[Participant("actor:a", "agent"), "actor:b"]),
        InvalidTypeError,
        "Event.participants[1]: must be a Participant, got 'actor:b'",
    ),
    (
        lambda: Event("losses", details={"weapon": 5}),
        InvalidTypeError,
        "Event.details['weapon']: must be a string, got 5",
    ),
    (
        lambda: Event("losses", details={1: "x"}),
        InvalidTypeError,
        "Event.details: must have names (keys) that are non-empty, valid Unicode strings, got 1",
    ),
    (
        lambda: Proposition("p", quantities={None: Quantity(1)}),
        InvalidTypeError,
        "Proposition.quantities: must have names (keys) that are non-empty, valid Unicode strings, got None",
    ),
    (
        lambda: Event("losses", quantities=[Quantity(1)]),
        InvalidTypeError,
        "Event.quantities: must be a mapping of names to Quantity, got [Quantity(value=Decimal('1'))]",
    ),
    (
        lambda: Place("Kyiv", point=(50.45, 30.52)),
        InvalidTypeError,
        "Place.point: must be a GeoPoint or None, got (50.45, 30.52)",
    ),
    (
        lambda: Evidence("src:a", quote="16,600"),
        InvalidTypeError,
        "Evidence.quote: must be a TextQuote or None, got '16,600'",
    ),
    (lambda: Evidence(None), InvalidTypeError, "Evidence.source: must be a Source or its id, got None"),
    (
        lambda: Participant(Source("video", id="src:v"), "agent"),
        InvalidTypeError,
        "Participant.actor: must be an Actor or its id, got Source(id='src:v', kind=SourceKind.VIDEO)",
    ),
    (
        lambda: Affiliation(Event("meeting", id="event:m")),
        InvalidTypeError,
        "Affiliation.organization: must be an Actor or its id, got Event(id='event:m', kind='meeting')",
    ),
    (
        lambda: Source("video", retrieved="2022-03-28"),
        InvalidTypeError,
        "Source.retrieved: must be a datetime, got '2022-03-28'",
    ),
    (
        lambda: Source(5),
        InvalidTypeError,
        "Source.kind: must be a SourceKind, got 5. Fix: use one of 'news-article', 'video', 'image', 'press-release', 'official-statement', 'speech', 'press-conference', 'interview', 'social-post', 'report', 'dataset', 'other'",
    ),
    (lambda: Confidence.from_words(68), InvalidTypeError, "Confidence.from_words(): needs a string, got 68"),
    (lambda: When.parse(2022), InvalidTypeError, "When.parse(): needs a string, got 2022"),
    (lambda: Factuality.parse(["CT+"]), InvalidTypeError, "Factuality.parse(): needs a string, got ['CT+']"),
    (
        lambda: Quantity([1, 2]),
        InvalidTypeError,
        "Quantity.value: must be a number (an int, a Decimal, or a numeric string such as '16600'), got [1, 2]",
    ),
    # bools where ints or numbers belong
    (
        lambda: Confidence(False),
        InvalidTypeError,
        "Confidence.value: must be a whole number (an int), got False",
    ),
    (
        lambda: TextSpan(True, 5),
        InvalidTypeError,
        "TextSpan.start: must be a whole number (an int), got True",
    ),
    (
        lambda: TextSpan(0, False),
        InvalidTypeError,
        "TextSpan.end: must be a whole number (an int), got False",
    ),
    (
        lambda: Quantity.at_most(True),
        InvalidTypeError,
        "Quantity.upper: must be a number (an int, a Decimal, or a numeric string such as '16600'), got True",
    ),
    (
        lambda: GeoPoint(True, 0),
        InvalidTypeError,
        "GeoPoint.lat: must be a number (an int, a Decimal, or a numeric string such as '16600'), got True",
    ),
    (
        lambda: Confidence.from_admiralty(True),
        InvalidTypeError,
        "Confidence.from_admiralty(): must be an Admiralty credibility grade from 1 to 6, got True",
    ),
    (
        lambda: Moment(date(2022, 1, 1), approximate=1),
        InvalidTypeError,
        "Moment.approximate: must be True or False, got 1",
    ),
    (
        lambda: Quantity(1, approximate=0),
        InvalidTypeError,
        "Quantity.approximate: must be True or False, got 0",
    ),
    # out-of-range numbers
    (lambda: Confidence(140), InvalidValueError, "Confidence.value: must be from 0 to 100, got 140"),
    (lambda: Confidence(-1), InvalidValueError, "Confidence.value: must be from 0 to 100, got -1"),
    (
        lambda: TextSpan(-3, 5),
        InvalidValueError,
        "TextSpan.start: must be from 0 to 9007199254740991, got -3",
    ),
    (lambda: TextSpan(0, -5), InvalidValueError, "TextSpan.end: must be from 0 to 9007199254740991, got -5"),
    (
        lambda: TextSpan(0, 2**53),
        InvalidValueError,
        "TextSpan.end: must be from 0 to 9007199254740991, got 9007199254740992",
    ),
    (
        lambda: GeoPoint(0, 200),
        InvalidValueError,
        "GeoPoint.lon: must be from -180 to 180 degrees, got Decimal('200')",
    ),
    (
        lambda: GeoPoint("-90.0001", 0),
        InvalidValueError,
        "GeoPoint.lat: must be from -90 to 90 degrees, got Decimal('-90.0001')",
    ),
    (
        lambda: Confidence.from_admiralty(0),
        InvalidValueError,
        "Confidence.from_admiralty(): must be an Admiralty credibility grade from 1 to 6, got 0",
    ),
    (
        lambda: Confidence(10, scale="words", label="likely"),
        InvalidValueError,
        "Confidence.value: must be from 56 to 79 for the label 'likely', got 10",
    ),
    # empty ids and malformed ids
    (
        lambda: Claim(None, Event("losses"), id=""),
        InvalidValueError,
        "Claim.id: must not be empty, got ''. "
        "Fix: give an id such as 'actor:joe-biden', or leave it out where one can be derived",
    ),
    (
        lambda: Participant("", "agent"),
        InvalidValueError,
        "Participant.actor: must not be empty, got ''. "
        "Fix: give an id such as 'actor:joe-biden', or leave it out where one can be derived",
    ),
    (
        lambda: Claim(None, Event("losses"), retracts=["claim:a", "claim b"]),
        InvalidValueError,
        "Claim.retracts[1]: must not contain white space or control characters, got 'claim b'. "
        "Fix: use a compact id without spaces, such as 'actor:joe-biden' or 'geonames:704147'",
    ),
    (
        lambda: Actor("x", id="actor:\x00"),
        InvalidValueError,
        "Actor.id: must not contain white space or control characters, got 'actor:\\x00'. "
        "Fix: use a compact id without spaces, such as 'actor:joe-biden' or 'geonames:704147'",
    ),
    (
        lambda: Event("losses", id="event:\udc00"),
        InvalidValueError,
        "Event.id: must be valid Unicode text, but it holds a lone surrogate, got 'event:\\udc00'",
    ),
    (lambda: Proposition("p", id=7), InvalidTypeError, "Proposition.id: must be an id (a string), got 7"),
    # naive against aware datetimes
    (
        lambda: Source("video", retrieved=date(2022, 3, 28)),
        InvalidTypeError,
        "Source.retrieved: must be a datetime, got datetime.date(2022, 3, 28)",
    ),
    (
        lambda: Source("video", retrieved=datetime(2022, 3, 28, 9, 30)),
        InvalidTypeError,
        "Source.retrieved: must be timezone-aware: a moment of retrieval is an instant, "
        "got datetime.datetime(2022, 3, 28, 9, 30). Fix: pass tzinfo, e.g. datetime(..., tzinfo=timezone.utc)",
    ),
    (
        lambda: Moment(datetime(2022, 3, 28, 9, 30, tzinfo=ZoneInfo("Europe/Kyiv")), "minute"),
        InvalidValueError,
        "Moment.value: must have a fixed UTC offset (a datetime.timezone) or no zone; give a zone's name in "
        "'zone', got datetime.datetime(2022, 3, 28, 9, 30, tzinfo=zoneinfo.ZoneInfo(key='Europe/Ky.... "
        "Fix: use Moment.of(value), which keeps a ZoneInfo's name, or pass "
        "value.replace(tzinfo=timezone(value.utcoffset())) and zone='Europe/Kyiv'",
    ),
    (
        lambda: Moment(datetime(2022, 3, 28, tzinfo=UTC), "day"),
        InvalidValueError,
        "Moment.precision: day precision needs a date, not a datetime, "
        "got datetime.datetime(2022, 3, 28, 0, 0, tzinfo=datetime.timezone.utc). "
        "Fix: pass the date part, e.g. value.date()",
    ),
    # NaN and infinities in quantities
    (
        lambda: Quantity(float("inf")),
        InvalidValueError,
        "Quantity.value: must be a finite number, not NaN or infinity, got Decimal('Infinity')",
    ),
    (
        lambda: Quantity.between(0, Decimal("NaN")),
        InvalidValueError,
        "Quantity.upper: must be a finite number, not NaN or infinity, got Decimal('NaN')",
    ),
    (
        lambda: Quantity.about(Decimal("-Infinity")),
        InvalidValueError,
        "Quantity.value: must be a finite number, not NaN or infinity, got Decimal('-Infinity')",
    ),
    (
        lambda: GeoPoint(0, 0, precision_m=float("nan")),
        InvalidValueError,
        "GeoPoint.precision_m: must be a finite number, not NaN or infinity, got Decimal('NaN')",
    ),
    (
        lambda: Quantity("NaN"),
        InvalidValueError,
        "Quantity.value: must be a number, but this text is not one, got 'NaN'. "
        "Fix: write digits with an optional sign, point and exponent, and no thousands separators: '16600'",
    ),
    # text that is not a number
    (
        lambda: Quantity("1,000"),
        InvalidValueError,
        "Quantity.value: must be a number, but this text is not one, got '1,000'. "
        "Fix: write digits with an optional sign, point and exponent, and no thousands separators: '16600'",
    ),
    (
        lambda: Quantity.between(" ", 3),
        InvalidValueError,
        "Quantity.lower: must be a number, but this text is not one, got ' '. "
        "Fix: write digits with an optional sign, point and exponent, and no thousands separators: '16600'",
    ),
    (
        lambda: GeoPoint("north", 0),
        InvalidValueError,
        "GeoPoint.lat: must be a number, but this text is not one, got 'north'. "
        "Fix: write digits with an optional sign, point and exponent, and no thousands separators: '16600'",
    ),
    # lone surrogates in text
    (
        lambda: Actor("\ud800"),
        InvalidValueError,
        "Actor.name: must be valid Unicode text, but it holds a lone surrogate, got '\\ud800'. "
        "Fix: decode the input with errors='strict' or 'replace' before building the object",
    ),
    (
        lambda: Proposition("ok \udfff"),
        InvalidValueError,
        "Proposition.text: must be valid Unicode text, but it holds a lone surrogate, got 'ok \\udfff'. "
        "Fix: decode the input with errors='strict' or 'replace' before building the object",
    ),
    (
        lambda: Actor("x", aliases=["ok", "\ud800"]),
        InvalidValueError,
        "Actor.aliases[1]: must be valid Unicode text, but it holds a lone surrogate, got '\\ud800'. "
        "Fix: decode the input with errors='strict' or 'replace' before building the object",
    ),
    (
        lambda: Source("video", text="\ud800"),
        InvalidValueError,
        "Source.text: must be valid Unicode text, but it holds a lone surrogate, got '\\ud800'. "
        "Fix: decode the input with errors='strict' or 'replace' before building the object",
    ),
    (
        lambda: When.parse("2022\ud800"),
        InvalidValueError,
        "When.parse(): is not an EDTF date or date-time, got '2022\\ud800'. "
        "Fix: write it like '2022', '2022-03', '2022-03-27' or '2022-03-27T14:05:00+03:00'",
    ),
    # empty text
    (
        lambda: Participant("actor:a", ""),
        InvalidValueError,
        "Participant.role: must not be empty, got ''. Fix: leave the field out instead of giving an empty string",
    ),
    # inconsistent fields
    (
        lambda: Confidence(None, scale="admiralty", label="9"),
        InvalidValueError,
        "Confidence.label: must be an Admiralty credibility grade from '1' to '6', got '9'",
    ),
    (
        lambda: Confidence(50, scale="words"),
        InvalidValueError,
        "Confidence.label: must be words of estimative probability, got None. Fix: use one of 'almost no chance', "
        "'remote', 'very unlikely', 'highly improbable', 'unlikely', 'improbable', 'roughly even chance', "
        "'roughly even odds', 'likely', 'probable', 'very likely', 'highly probable', 'almost certain', "
        "'nearly certain'",
    ),
    (
        lambda: Claim(None, Event("losses"), speech_act="says"),
        InvalidValueError,
        "Claim.speech_act: must be a SpeechAct, got 'says'. Fix: use one of 'states', 'reports', 'claims', "
        "'alleges', 'accuses', 'denies', 'confirms', 'announces', 'warns', 'threatens', 'predicts', 'estimates', "
        "'interprets', 'quotes', 'shows', 'asks'",
    ),
    (
        lambda: Source("video", reliability="G"),
        InvalidValueError,
        "Source.reliability: must be a Reliability, got 'G'. Fix: use one of 'A', 'B', 'C', 'D', 'E', 'F'",
    ),
    (
        lambda: Moment(datetime(2022, 3, 27, 14, 5, 30), "minute"),
        InvalidValueError,
        "Moment.value: has digits finer than its minute precision, got datetime.datetime(2022, 3, 27, 14, 5, 30). "
        "Fix: truncate the value to its precision, or give a finer precision",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), EXACT)
def test_exact_message(call, error, message):
    with pytest.raises(EventModelError) as excinfo:
        call()
    assert type(excinfo.value) is error
    assert str(excinfo.value) == message


def test_enough_exact_messages():
    assert len(EXACT) >= 25


BAD_INPUT = [
    lambda: Actor(["Joe"]),
    lambda: Actor("x", kind=object()),
    lambda: Actor("x", identifiers={"wikidata": None}),
    lambda: Actor("x", identifiers=5),
    lambda: Actor("x", affiliations=5),
    lambda: Affiliation("actor:x", when=date(2022, 1, 1)),
    lambda: Source("video", authors=5),
    lambda: Source("video", retrieved=1648459800.0),
    lambda: Source("video", language="\ud800"),
    lambda: Source("video", url="https://x/\ud800"),
    lambda: Event("\ud800"),
    lambda: Event("losses", details={"\ud800": "x"}),
    lambda: Event("losses", quantities={"n": float("nan")}),
    lambda: Event("losses", participants=None),
    lambda: Proposition("p", about=5),
    lambda: Claim(None, None),
    lambda: Claim(5, Event("losses")),
    lambda: Claim(None, Event("losses"), factuality=["CT+"]),
    lambda: Claim(None, Event("losses"), made_at="2022"),
    lambda: Claim(None, Event("losses"), evidence=5),
    lambda: Evidence("src:a", span=5),
    lambda: TextQuote(None),
    lambda: TextQuote("x", suffix="\ud800"),
    lambda: TextSpan("0", "5"),
    lambda: TextSpan(0.0, 5.0),
    lambda: Place(admin=5),
    lambda: Place(country=["UA"]),
    lambda: GeoPoint(None, None),
    lambda: GeoPoint("north", 0),
    lambda: GeoPoint(float("-inf"), 0),
    lambda: GeoPoint(0, 0, precision_m=True),
    lambda: Quantity(complex(1, 2)),
    lambda: Quantity(Decimal("sNaN")),
    lambda: Quantity("1" * 2000),
    lambda: Quantity(1, unit=["km"]),
    lambda: Moment(None),
    lambda: Moment(date(2022, 1, 1), precision=None),
    lambda: Moment(date(2022, 1, 1), precision=["day"]),
    lambda: When.parse("2022-03-27T14:05:00.1234567"),
    lambda: When.parse("x" * 10000),
    lambda: When.parse("2022-02-30"),
    lambda: Factuality(None, None),
    lambda: Factuality("CT", ["+"]),
    lambda: Factuality.parse(["CT+"]),
    lambda: Confidence("high"),
    lambda: Confidence(50, label=["x"]),
    lambda: Confidence(50, scale=["words"]),
    lambda: Confidence(50, scale="admiralty", label=True),
    lambda: Confidence.from_admiralty(2.5),
    lambda: Confidence.from_admiralty("-1"),
    lambda: Confidence.from_words(None),
    lambda: Confidence.from_words("\ud800"),
]


@pytest.mark.parametrize("call", BAD_INPUT)
def test_bad_input_raises_the_library_error(call):
    with pytest.raises(EventModelError) as excinfo:
        call()
    assert isinstance(excinfo.value, InvalidValueError)
    assert str(excinfo.value)
    assert excinfo.value.reason


# -- raw exceptions that must not escape -----------------------------------------------------------


def test_huge_integer_as_admiralty_grade():
    with pytest.raises(InvalidValueError) as excinfo:
        Confidence.from_admiralty(10**5000)
    assert excinfo.value.cls == "Confidence"


def test_huge_integer_as_confidence_label():
    with pytest.raises(InvalidValueError) as excinfo:
        Confidence(50, scale="admiralty", label=10**5000)
    assert excinfo.value.cls == "Confidence"


def test_huge_integer_as_confidence_value_gives_a_readable_error():
    with pytest.raises(InvalidValueError) as excinfo:
        Confidence(10**5000)
    assert str(excinfo.value).startswith("Confidence.value: must be from 0 to 100, got ")


def test_huge_start_of_a_text_span():
    with pytest.raises(InvalidValueError) as excinfo:
        TextSpan(10**5000, 5)
    assert excinfo.value.field == "start"
    assert str(excinfo.value) == (
        "TextSpan.start: must be from 0 to 9007199254740991, got <an int of about 5000 digits>"
    )


def test_a_span_past_the_largest_exact_json_integer_is_refused_when_built():
    with pytest.raises(InvalidValueError) as excinfo:
        TextSpan(0, 2**53)
    assert excinfo.value.cls == "TextSpan"
    assert excinfo.value.field == "end"
    assert excinfo.value.path is None
    assert str(excinfo.value) == "TextSpan.end: must be from 0 to 9007199254740991, got 9007199254740992"


def test_a_span_past_the_largest_position_is_refused_even_with_a_given_claim_id():
    with pytest.raises(InvalidValueError) as excinfo:
        Claim(None, Proposition("p"), evidence=[Evidence("src:a", span=TextSpan(0, 2**53))], id="claim:x")
    assert excinfo.value.cls == "TextSpan"
    assert excinfo.value.field == "end"


def test_a_span_at_the_largest_position_gets_a_derived_claim_id():
    assert MAX_POSITION == 2**53 - 1
    span = TextSpan(MAX_POSITION - 1, MAX_POSITION)
    claim = Claim(None, Proposition("p"), evidence=[Evidence("src:a", span=span)])
    assert claim.evidence[0].span.end == 2**53 - 1
    assert claim.id.startswith("claim:")
    assert claim.id == Claim(None, Proposition("p"), evidence=[Evidence("src:a", span=span)]).id


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("\ud800", "$: holds a lone surrogate, which UTF-8 cannot encode, got '\\ud800'"),
        (
            {"claims": [{"text": "ok \udfff"}]},
            "$.claims[0].text: holds a lone surrogate, which UTF-8 cannot encode, got 'ok \\udfff'",
        ),
        ({"\ud800": 1}, "$: holds a lone surrogate, which UTF-8 cannot encode, got '\\ud800'"),
        (
            {"claims": [{"\udc00x": 1}]},
            "$.claims[0]: holds a lone surrogate, which UTF-8 cannot encode, got '\\udc00x'",
        ),
        ({1: "x"}, "$: is an object member name that is not a string, got 1"),
        ({"a": {None: 2}}, "$.a: is an object member name that is not a string, got None"),
        ({"a": [{(1, 2): 3}]}, "$.a[0]: is an object member name that is not a string, got (1, 2)"),
    ],
)
def test_canonical_json_refuses_what_utf8_json_cannot_hold(value, message):
    with pytest.raises(InvalidValueError) as excinfo:
        canonical_json(value)
    assert type(excinfo.value) is InvalidValueError
    assert excinfo.value.path == message.split(":", 1)[0]
    assert str(excinfo.value) == message


def test_nesting_too_deep_is_not_a_recursion_error():
    claim = Claim(None, Event("losses"))
    for _ in range(49):
        claim = Claim(None, claim)
    with pytest.raises(InvalidValueError) as excinfo:
        Claim(None, claim)
    assert excinfo.value.cls == "Claim"
    assert excinfo.value.field == "content"
    assert excinfo.value.value is NO_VALUE
    assert str(excinfo.value) == (
        "Claim.content: nests claims 51 deep, more than the 50 allowed. "
        "Fix: keep reported speech to the hops the source reports"
    )
