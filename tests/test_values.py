"""Behaviour of the value classes: Quantity, GeoPoint, Place, Factuality, Confidence, evidence, When."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from eventmodel import (
    ESTIMATIVE_WORDS,
    Certainty,
    Confidence,
    ConfidenceScale,
    Evidence,
    Factuality,
    GeoPoint,
    InvalidTypeError,
    InvalidValueError,
    Moment,
    Place,
    Polarity,
    Precision,
    Quantity,
    Reliability,
    Source,
    TextQuote,
    TextSpan,
    TimeRelation,
    When,
)
from eventmodel.exceptions import NO_VALUE
from eventmodel.model._evidence import MAX_POSITION

PLUS_3 = timezone(timedelta(hours=3))

# -- Quantity -------------------------------------------------------------------


class TestQuantityNumbers:
    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            ("16600", Decimal("16600")),
            (16600, Decimal("16600")),
            (Decimal("16600"), Decimal("16600")),
            ("1_000", Decimal("1000")),
            ("  42 ", Decimal("42")),
            ("+5", Decimal("5")),
            ("-3.25", Decimal("-3.25")),
            (".5", Decimal("0.5")),
            ("1e5", Decimal("1E+5")),
            ("2.50", Decimal("2.50")),
        ],
    )
    def test_value_is_the_decimal_as_written(self, given, expected):
        value = Quantity(given).value
        assert isinstance(value, Decimal)
        assert value == expected
        assert value.as_tuple() == expected.as_tuple()

    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            (0.1, "0.1"),
            (2.0, "2.0"),
            (1 / 3, "0.3333333333333333"),
            (1e20, "1E+20"),
            (-0.5, "-0.5"),
            (16600.0, "16600.0"),
        ],
    )
    def test_a_float_becomes_the_decimal_of_its_shortest_repr(self, given, expected):
        assert Quantity(given).value.as_tuple() == Decimal(expected).as_tuple()

    def test_a_float_is_not_expanded_to_its_binary_value(self):
        assert Quantity(0.1).value != Decimal.from_float(0.1)

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            (Quantity(2), Quantity("2")),
            (Quantity(2), Quantity(Decimal(2))),
            (Quantity(2.0), Quantity("2.0")),
            (Quantity(0.1), Quantity("0.1")),
            (Quantity("1_000"), Quantity(1000)),
        ],
    )
    def test_the_same_number_written_the_same_way_is_equal(self, left, right):
        assert left == right
        assert hash(left) == hash(right)

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            (Quantity(2), Quantity("2.0")),
            (Quantity(2), Quantity(2.0)),
            (Quantity("2.0"), Quantity("2.00")),
            (Quantity(0), Quantity(Decimal("-0"))),
            (Quantity(5), Quantity(5, unit="km")),
            (Quantity(5), Quantity.about(5)),
            (Quantity.at_least(2), Quantity.at_least("2.0")),
            (Quantity.between(1, 2), Quantity.between(1, "2.0")),
        ],
    )
    def test_numbers_written_differently_are_different_quantities(self, left, right):
        assert left != right

    @pytest.mark.parametrize("flag", [True, False])
    @pytest.mark.parametrize("field", ["value", "lower", "upper"])
    def test_a_bool_is_not_a_number(self, field, flag):
        with pytest.raises(InvalidTypeError) as excinfo:
            Quantity(**{field: flag})
        assert excinfo.value.cls == "Quantity"
        assert excinfo.value.field == field
        assert excinfo.value.value is flag

    def test_quantity_true_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Quantity(True)
        assert str(excinfo.value) == (
            "Quantity.value: must be a number (an int, a Decimal, or a numeric string such as '16600'), got True"
        )

    @pytest.mark.parametrize(
        "bad",
        [float("nan"), float("inf"), float("-inf"), Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")],
    )
    @pytest.mark.parametrize("field", ["value", "lower", "upper"])
    def test_nan_and_infinity_are_rejected(self, field, bad):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity(**{field: bad})
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.field == field
        assert excinfo.value.reason == "must be a finite number, not NaN or infinity"

    def test_nan_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity(float("nan"))
        assert (
            str(excinfo.value)
            == "Quantity.value: must be a finite number, not NaN or infinity, got Decimal('NaN')"
        )

    def test_negative_infinity_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity.at_least(float("-inf"))
        assert (
            str(excinfo.value)
            == "Quantity.lower: must be a finite number, not NaN or infinity, got Decimal('-Infinity')"
        )

    @pytest.mark.parametrize(
        "bad", ["many", "", " ", "NaN", "nan", "inf", "-Infinity", "1,000", "12 km", "0x10"]
    )
    @pytest.mark.parametrize("field", ["value", "lower", "upper"])
    def test_text_that_is_not_a_number_is_a_value_error(self, field, bad):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity(**{field: bad})
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.field == field
        assert excinfo.value.value is bad
        assert excinfo.value.reason == "must be a number, but this text is not one"

    def test_digits_longer_than_a_number_may_be(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity("1" * 1001)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.reason == "is text longer than the 1000 characters a number may have here"
        assert Quantity("1" * 1000).value == Decimal("1" * 1000)

    def test_non_ascii_digits_are_not_numbers(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity("١٢")
        assert excinfo.value.reason == "must be a number, but this text is not one"

    def test_text_that_is_not_a_number_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity("1,000")
        assert str(excinfo.value) == (
            "Quantity.value: must be a number, but this text is not one, got '1,000'. "
            "Fix: write digits with an optional sign, point and exponent, and no thousands separators: '16600'"
        )

    @pytest.mark.parametrize("bad", [b"16600", [1], object(), complex(1, 2)])
    def test_what_is_not_a_number_nor_text_is_a_type_error(self, bad):
        with pytest.raises(InvalidTypeError) as excinfo:
            Quantity(bad)
        assert excinfo.value.value is bad
        assert (
            excinfo.value.reason
            == "must be a number (an int, a Decimal, or a numeric string such as '16600')"
        )

    def test_a_huge_exponent_is_kept_exactly(self):
        assert Quantity("1e999999").value == Decimal("1e999999")

    def test_a_huge_int_is_kept_exactly(self):
        assert Quantity(10**999).value == Decimal(10**999)

    def test_a_number_too_long_to_read_back_is_refused(self):
        with pytest.raises(InvalidValueError) as caught:
            Quantity(10**5000)
        assert caught.value.reason == (
            "is a number longer than the 1000 characters a document may hold as its text"
        )
        assert (
            caught.value.fix
            == "round it to fewer digits: a number that could not be read back is not written"
        )


class TestQuantityShapes:
    def test_exact(self):
        quantity = Quantity("16600", unit="personnel")
        assert quantity.value == Decimal(16600)
        assert quantity.lower is None
        assert quantity.upper is None
        assert quantity.unit == "personnel"
        assert quantity.approximate is False
        assert quantity.is_exact
        assert quantity.bounds == (Decimal(16600), Decimal(16600))

    def test_at_least(self):
        quantity = Quantity.at_least(16600, unit="personnel")
        assert quantity == Quantity(lower=16600, unit="personnel")
        assert quantity.value is None
        assert quantity.lower == Decimal(16600)
        assert quantity.bounds == (Decimal(16600), None)
        assert not quantity.is_exact

    def test_at_most(self):
        quantity = Quantity.at_most("300", approximate=True)
        assert quantity == Quantity(upper=300, approximate=True)
        assert quantity.bounds == (None, Decimal(300))
        assert not quantity.is_exact

    def test_about(self):
        quantity = Quantity.about(500, unit="km")
        assert quantity == Quantity(500, unit="km", approximate=True)
        assert quantity.approximate is True
        assert quantity.bounds == (Decimal(500), Decimal(500))
        assert not quantity.is_exact

    def test_between(self):
        quantity = Quantity.between(10, "20.5", unit="USD")
        assert quantity.lower == Decimal(10)
        assert quantity.upper == Decimal("20.5")
        assert quantity.value is None
        assert quantity.bounds == (Decimal(10), Decimal("20.5"))
        assert not quantity.is_exact

    def test_between_equal_bounds_is_allowed(self):
        assert Quantity.between(5, 5).bounds == (Decimal(5), Decimal(5))

    def test_value_within_bounds(self):
        quantity = Quantity(15, lower=10, upper=20)
        assert quantity.bounds == (Decimal(10), Decimal(20))
        assert not quantity.is_exact

    def test_value_with_one_bound_uses_the_value_for_the_other(self):
        assert Quantity(15, lower=10).bounds == (Decimal(10), Decimal(15))
        assert Quantity(15, upper=20).bounds == (Decimal(15), Decimal(20))

    def test_value_on_its_bounds_is_allowed(self):
        assert Quantity(10, lower=10, upper=10).value == Decimal(10)

    def test_no_number_at_all(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity(unit="km")
        assert excinfo.value.value is NO_VALUE
        assert str(excinfo.value) == (
            "Quantity.value: needs a value or at least one bound. "
            "Fix: use Quantity(16600), Quantity.at_least(16600) or Quantity.between(10, 20)"
        )

    def test_bounds_in_the_wrong_order(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity.between(20, 10)
        assert str(excinfo.value) == "Quantity.lower: must not be greater than upper (10), got Decimal('20')"

    def test_value_below_lower(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity(5, lower=10)
        assert str(excinfo.value) == "Quantity.value: must not be less than lower (10), got Decimal('5')"

    def test_value_above_upper(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity("20.5", upper="20.25")
        assert (
            str(excinfo.value)
            == "Quantity.value: must not be greater than upper (20.25), got Decimal('20.5')"
        )

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"unit": ""}, InvalidValueError, "unit"),
            ({"unit": 5}, InvalidTypeError, "unit"),
            ({"unit": "\ud800"}, InvalidValueError, "unit"),
            ({"approximate": 1}, InvalidTypeError, "approximate"),
            ({"approximate": "yes"}, InvalidTypeError, "approximate"),
            ({"approximate": None}, InvalidTypeError, "approximate"),
        ],
    )
    def test_unit_and_approximate_are_checked(self, kwargs, error, field):
        with pytest.raises(error) as excinfo:
            Quantity(1, **kwargs)
        assert excinfo.value.field == field

    def test_repr_shows_what_differs_from_the_defaults(self):
        assert repr(Quantity(5)) == "Quantity(value=Decimal('5'))"
        assert repr(Quantity.at_least(3, unit="km")) == "Quantity(lower=Decimal('3'), unit='km')"
        assert repr(Quantity.about(7)) == "Quantity(value=Decimal('7'), approximate=True)"


# -- GeoPoint and Place ----------------------------------------------------------


class TestGeoPoint:
    def test_coordinates_are_exact_decimals(self):
        point = GeoPoint(48.0159, "37.8028", precision_m=5000)
        assert point.lat.as_tuple() == Decimal("48.0159").as_tuple()
        assert point.lon == Decimal("37.8028")
        assert point.precision_m == Decimal(5000)

    @pytest.mark.parametrize(("lat", "lon"), [(90, 180), (-90, -180), (0, 0), ("89.999999", "-179.5")])
    def test_limits_are_included(self, lat, lon):
        point = GeoPoint(lat, lon)
        assert (point.lat, point.lon) == (Decimal(lat), Decimal(lon))

    def test_exact_equality(self):
        assert GeoPoint(1, 2) == GeoPoint("1", Decimal(2))
        assert GeoPoint(1, 2) != GeoPoint("1.0", 2)

    @pytest.mark.parametrize(
        ("lat", "lon", "field"),
        [(90.5, 0, "lat"), (-91, 0, "lat"), (0, 180.001, "lon"), (0, -181, "lon"), ("1e3", 0, "lat")],
    )
    def test_out_of_range(self, lat, lon, field):
        with pytest.raises(InvalidValueError) as excinfo:
            GeoPoint(lat, lon)
        assert excinfo.value.field == field

    def test_latitude_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            GeoPoint(91, 0)
        assert str(excinfo.value) == "GeoPoint.lat: must be from -90 to 90 degrees, got Decimal('91')"

    def test_longitude_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            GeoPoint(0, "-180.5")
        assert str(excinfo.value) == "GeoPoint.lon: must be from -180 to 180 degrees, got Decimal('-180.5')"

    @pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN")])
    def test_not_finite(self, bad):
        with pytest.raises(InvalidValueError, match="must be a finite number"):
            GeoPoint(bad, 0)
        with pytest.raises(InvalidValueError, match="must be a finite number"):
            GeoPoint(0, 0, precision_m=bad)

    @pytest.mark.parametrize("bad", [True, None, [1]])
    def test_wrong_types(self, bad):
        with pytest.raises(InvalidTypeError):
            GeoPoint(bad, 0)
        with pytest.raises(InvalidTypeError):
            GeoPoint(0, bad)

    @pytest.mark.parametrize("bad", ["north", "", " ", "NaN", "inf", "48,0159", "48.0159N"])
    def test_text_that_is_not_a_number(self, bad):
        for kwargs, field in [
            ({"lat": bad, "lon": 0}, "lat"),
            ({"lat": 0, "lon": bad}, "lon"),
            ({"lat": 0, "lon": 0, "precision_m": bad}, "precision_m"),
        ]:
            with pytest.raises(InvalidValueError) as excinfo:
                GeoPoint(**kwargs)
            assert not isinstance(excinfo.value, InvalidTypeError)
            assert excinfo.value.field == field
            assert excinfo.value.reason == "must be a number, but this text is not one"

    def test_digits_longer_than_a_number_may_be(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity("1" * 1001)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.reason == "is text longer than the 1000 characters a number may have here"
        assert Quantity("1" * 1000).value == Decimal("1" * 1000)

    def test_non_ascii_digits_are_not_numbers(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Quantity("١٢")
        assert excinfo.value.reason == "must be a number, but this text is not one"

    def test_text_that_is_not_a_number_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            GeoPoint("north", 0)
        assert str(excinfo.value) == (
            "GeoPoint.lat: must be a number, but this text is not one, got 'north'. "
            "Fix: write digits with an optional sign, point and exponent, and no thousands separators: '16600'"
        )

    def test_negative_precision(self):
        with pytest.raises(InvalidValueError) as excinfo:
            GeoPoint(0, 0, precision_m=-1)
        assert str(excinfo.value) == "GeoPoint.precision_m: must not be negative, got Decimal('-1')"

    def test_zero_precision_is_allowed(self):
        assert GeoPoint(0, 0, precision_m=0).precision_m == 0


class TestPlace:
    @pytest.mark.parametrize(
        "kwargs",
        [
            {"name": "Krasnohorivka"},
            {"country": "UA"},
            {"admin": ["Donetsk Oblast"]},
            {"point": GeoPoint(48, 37)},
            {"gazetteer_id": "geonames:704147"},
        ],
    )
    def test_any_one_thing_locates_a_place(self, kwargs):
        place = Place(**kwargs)
        for key, value in kwargs.items():
            expected = tuple(value) if isinstance(value, list) else value
            assert getattr(place, key) == expected

    def test_full_place(self):
        place = Place(
            "Krasnohorivka",
            country="UA",
            admin=["Donetsk Oblast", "Pokrovsk Raion"],
            point=GeoPoint(48.0, 37.5),
            gazetteer_id="wikidata:Q1027960",
        )
        assert place.admin == ("Donetsk Oblast", "Pokrovsk Raion")
        assert isinstance(place.admin, tuple)

    def test_nothing_locates_the_place(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Place()
        assert excinfo.value.value is NO_VALUE
        assert str(excinfo.value) == (
            "Place.name: is needed when nothing else locates the place. "
            "Fix: give a name, a country, admin units, a point, a gazetteer id or parts"
        )

    def test_empty_admin_does_not_locate(self):
        with pytest.raises(InvalidValueError, match="nothing else locates the place"):
            Place(admin=[])

    @pytest.mark.parametrize("bad", ["ua", "UKR", "U", "U1", "12", " UA", "УК"])
    def test_country_must_be_two_capital_letters(self, bad):
        with pytest.raises(InvalidValueError) as excinfo:
            Place(country=bad)
        assert excinfo.value.field == "country"
        assert excinfo.value.fix == "use a code such as 'UA' or 'RU'"

    def test_country_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Place("Kyiv", country="ukr")
        assert str(excinfo.value) == (
            "Place.country: must be an ISO 3166-1 alpha-2 code (two capital letters), got 'ukr'. "
            "Fix: use a code such as 'UA' or 'RU'"
        )

    def test_empty_country(self):
        with pytest.raises(InvalidValueError, match="must not be empty"):
            Place("Kyiv", country="")

    def test_country_of_wrong_type(self):
        with pytest.raises(InvalidTypeError):
            Place("Kyiv", country=804)

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"name": ""}, InvalidValueError, "name"),
            ({"name": 5}, InvalidTypeError, "name"),
            ({"admin": "Donetsk Oblast"}, InvalidTypeError, "admin"),
            ({"admin": ["Donetsk Oblast", ""]}, InvalidValueError, "admin[1]"),
            ({"admin": [None]}, InvalidTypeError, "admin[0]"),
            ({"point": (48, 37)}, InvalidTypeError, "point"),
            ({"gazetteer_id": "geonames 704147"}, InvalidValueError, "gazetteer_id"),
            ({"gazetteer_id": 704147}, InvalidTypeError, "gazetteer_id"),
        ],
    )
    def test_fields_are_checked(self, kwargs, error, field):
        with pytest.raises(error) as excinfo:
            Place(**({"country": "UA"} | kwargs))
        assert excinfo.value.cls == "Place"
        assert excinfo.value.field == field


# -- Factuality -----------------------------------------------------------------

FACTBANK = {
    "CT+": (Certainty.CERTAIN, Polarity.POSITIVE),
    "PR+": (Certainty.PROBABLE, Polarity.POSITIVE),
    "PS+": (Certainty.POSSIBLE, Polarity.POSITIVE),
    "CT-": (Certainty.CERTAIN, Polarity.NEGATIVE),
    "PR-": (Certainty.PROBABLE, Polarity.NEGATIVE),
    "PS-": (Certainty.POSSIBLE, Polarity.NEGATIVE),
    "CTu": (Certainty.CERTAIN, Polarity.UNDERSPECIFIED),
    "Uu": (Certainty.UNDERSPECIFIED, Polarity.UNDERSPECIFIED),
}


class TestFactuality:
    @pytest.mark.parametrize(("code", "parts"), FACTBANK.items())
    def test_parse_every_factbank_code(self, code, parts):
        factuality = Factuality.parse(code)
        assert (factuality.certainty, factuality.polarity) == parts
        assert str(factuality) == code
        assert Factuality.parse(str(factuality)) == factuality
        assert repr(factuality) == f"Factuality.parse({code!r})"

    @pytest.mark.parametrize(("code", "parts"), FACTBANK.items())
    def test_build_from_parts_and_values(self, code, parts):
        assert Factuality(*parts) == Factuality.parse(code)
        assert Factuality(parts[0].value, parts[1].value) == Factuality.parse(code)

    @pytest.mark.parametrize(
        ("name", "code"),
        [
            ("CT_PLUS", "CT+"),
            ("PR_PLUS", "PR+"),
            ("PS_PLUS", "PS+"),
            ("CT_MINUS", "CT-"),
            ("PR_MINUS", "PR-"),
            ("PS_MINUS", "PS-"),
            ("CT_UNDERSPECIFIED", "CTu"),
            ("UNCOMMITTED", "Uu"),
        ],
    )
    def test_constants(self, name, code):
        constant = getattr(Factuality, name)
        assert isinstance(constant, Factuality)
        assert str(constant) == code
        assert constant == Factuality.parse(code)

    @pytest.mark.parametrize(
        ("code", "positive", "negative"),
        [
            ("CT+", True, False),
            ("PR+", True, False),
            ("PS+", True, False),
            ("CT-", False, True),
            ("PR-", False, True),
            ("PS-", False, True),
            ("CTu", False, False),
            ("Uu", False, False),
        ],
    )
    def test_polarity_predicates(self, code, positive, negative):
        factuality = Factuality.parse(code)
        assert factuality.is_positive is positive
        assert factuality.is_negative is negative

    @pytest.mark.parametrize(("certainty", "polarity"), [("PR", "u"), ("PS", "u"), ("U", "+"), ("U", "-")])
    def test_incoherent_combinations_are_rejected(self, certainty, polarity):
        with pytest.raises(InvalidValueError) as excinfo:
            Factuality(certainty, polarity)
        assert excinfo.value.field == "polarity"
        assert excinfo.value.value == certainty + polarity

    def test_incoherent_combination_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Factuality("U", "+")
        assert str(excinfo.value) == (
            "Factuality.polarity: cannot be '+' with certainty 'U', got 'U+'. "
            "Fix: use one of FactBank's values: CT+, CT-, CTu, PR+, PR-, PS+, PS-, Uu"
        )

    @pytest.mark.parametrize("code", ["PRu", "PSu", "U+", "U-", "", "ct+", "CT", "+", "CT+ ", "CT++", "Uu?"])
    def test_parse_rejects_other_codes(self, code):
        with pytest.raises(InvalidValueError) as excinfo:
            Factuality.parse(code)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.value == code

    def test_parse_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Factuality.parse("PRu")
        assert str(excinfo.value) == (
            "Factuality.parse(): is not a FactBank factuality value, got 'PRu'. "
            "Fix: use one of CT+, CT-, CTu, PR+, PR-, PS+, PS-, Uu"
        )

    @pytest.mark.parametrize("bad", [None, 1, b"CT+", Certainty.CERTAIN])
    def test_parse_needs_a_string(self, bad):
        if isinstance(bad, str):
            with pytest.raises(InvalidValueError):
                Factuality.parse(bad)
            return
        with pytest.raises(InvalidTypeError) as excinfo:
            Factuality.parse(bad)
        assert excinfo.value.cls == "Factuality"
        assert excinfo.value.field == "parse()"
        assert excinfo.value.reason == "needs a string"

    def test_parse_needs_a_string_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Factuality.parse(1)
        assert str(excinfo.value) == "Factuality.parse(): needs a string, got 1"

    @pytest.mark.parametrize(
        ("certainty", "polarity", "error", "field"),
        [
            ("XX", "+", InvalidValueError, "certainty"),
            ("CT", "*", InvalidValueError, "polarity"),
            (1, "+", InvalidTypeError, "certainty"),
            ("CT", None, InvalidTypeError, "polarity"),
            ("ct", "+", InvalidValueError, "certainty"),
        ],
    )
    def test_parts_are_checked(self, certainty, polarity, error, field):
        with pytest.raises(error) as excinfo:
            Factuality(certainty, polarity)
        assert excinfo.value.field == field

    def test_unknown_certainty_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Factuality("XX", "+")
        assert str(excinfo.value) == (
            "Factuality.certainty: must be a Certainty, got 'XX'. Fix: use one of 'CT', 'PR', 'PS', 'U'"
        )


# -- Confidence -------------------------------------------------------------------

ADMIRALTY_BANDS = [(1, 90, 100), (2, 65, 89), (3, 40, 64), (4, 20, 39), (5, 0, 19)]
WORD_BANDS = [
    ("almost no chance", 0, 5),
    ("very unlikely", 6, 20),
    ("unlikely", 21, 44),
    ("roughly even chance", 45, 55),
    ("likely", 56, 79),
    ("very likely", 80, 94),
    ("almost certain", 95, 100),
]
WORD_VALUES = {
    "almost no chance": 3,
    "remote": 3,
    "very unlikely": 12,
    "highly improbable": 12,
    "unlikely": 32,
    "improbable": 32,
    "roughly even chance": 50,
    "roughly even odds": 50,
    "likely": 68,
    "probable": 68,
    "very likely": 88,
    "highly probable": 88,
    "almost certain": 97,
    "nearly certain": 97,
}


def expected_grade(percent):
    return next(grade for grade, low, high in ADMIRALTY_BANDS if low <= percent <= high)


def expected_words(percent):
    return next(words for words, low, high in WORD_BANDS if low <= percent <= high)


class TestConfidencePercent:
    @pytest.mark.parametrize("percent", [0, 1, 50, 99, 100])
    def test_percent(self, percent):
        confidence = Confidence(percent)
        assert confidence.value == percent
        assert confidence.scale is ConfidenceScale.PERCENT
        assert confidence.label is None
        assert repr(confidence) == f"Confidence({percent})"

    @pytest.mark.parametrize("bad", [-1, 101, 140, -100])
    def test_out_of_range(self, bad):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(bad)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert str(excinfo.value) == f"Confidence.value: must be from 0 to 100, got {bad}"

    @pytest.mark.parametrize("bad", [True, False, 70.0, "70", Decimal(70), [70]])
    def test_not_a_whole_number(self, bad):
        with pytest.raises(InvalidTypeError) as excinfo:
            Confidence(bad)
        assert excinfo.value.reason == "must be a whole number (an int)"
        assert excinfo.value.value is bad

    def test_bool_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Confidence(True)
        assert str(excinfo.value) == "Confidence.value: must be a whole number (an int), got True"

    def test_no_number_on_the_percent_scale(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(None)
        assert str(excinfo.value) == (
            "Confidence.value: must be a number on the percent scale, got None. "
            "Fix: use Confidence.from_admiralty(6) when the truth cannot be judged"
        )

    def test_label_on_the_percent_scale(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(50, label="likely")
        assert str(excinfo.value) == (
            "Confidence.label: must be None on the percent scale, got 'likely'. Fix: use scale='admiralty' or 'words'"
        )

    @pytest.mark.parametrize("scale", ["PERCENT", "bayes", ""])
    def test_unknown_scale(self, scale):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(50, scale=scale)
        assert excinfo.value.field == "scale"

    def test_scale_of_wrong_type(self):
        with pytest.raises(InvalidTypeError):
            Confidence(50, scale=None)


class TestConfidenceAdmiralty:
    @pytest.mark.parametrize(("grade", "percent"), [(1, 95), (2, 75), (3, 50), (4, 30), (5, 10), (6, None)])
    def test_from_admiralty(self, grade, percent):
        confidence = Confidence.from_admiralty(grade)
        assert confidence.value == percent
        assert confidence.scale is ConfidenceScale.ADMIRALTY
        assert confidence.label == str(grade)
        assert confidence.to_admiralty() == grade
        assert Confidence.from_admiralty(str(grade)) == confidence
        assert repr(confidence) == f"Confidence.from_admiralty({grade})"

    def test_grade_six_has_no_number_and_is_not_an_error(self):
        confidence = Confidence.from_admiralty(6)
        assert confidence.value is None
        assert confidence.to_words() is None
        assert confidence == Confidence.cannot_be_judged()
        assert confidence == Confidence(None, scale="admiralty", label="6")

    def test_label_is_normalised(self):
        assert Confidence.from_admiralty(" 2 ").label == "2"
        assert Confidence(80, scale="admiralty", label=2).label == "2"
        assert Confidence(30, scale="admiralty", label=" 4\n").label == "4"

    def test_a_zero_padded_grade_is_the_same_grade(self):
        confidence = Confidence.from_admiralty("02")
        assert confidence.label == "2"
        assert confidence == Confidence.from_admiralty(2)
        assert repr(confidence) == "Confidence.from_admiralty(2)"

    def test_a_zero_padded_label_is_the_same_label(self):
        confidence = Confidence(75, scale="admiralty", label=" 02 ")
        assert confidence.label == "2"
        assert confidence == Confidence.from_admiralty(2)

    @pytest.mark.parametrize("grade", ["\u00b2", "\u00b3", "\u0663", "\uff13"])
    def test_digits_other_than_ascii_are_not_grades(self, grade):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence.from_admiralty(grade)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert str(excinfo.value) == (
            f"Confidence.from_admiralty(): must be an Admiralty credibility grade from 1 to 6, got {grade!r}"
        )
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(50, scale="admiralty", label=grade)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert str(excinfo.value) == (
            f"Confidence.label: must be an Admiralty credibility grade from '1' to '6', got {grade!r}"
        )

    @pytest.mark.parametrize(
        ("confidence", "text"),
        [
            (Confidence.from_admiralty(2), "Confidence.from_admiralty(2)"),
            (Confidence(75, scale="admiralty", label="2"), "Confidence.from_admiralty(2)"),
            (Confidence(None, scale="admiralty", label="6"), "Confidence.from_admiralty(6)"),
            (
                Confidence(80, scale="admiralty", label="2"),
                "Confidence(80, scale=ConfidenceScale.ADMIRALTY, label='2')",
            ),
            (
                Confidence(65, scale="admiralty", label="02"),
                "Confidence(65, scale=ConfidenceScale.ADMIRALTY, label='2')",
            ),
        ],
    )
    def test_repr_uses_from_admiralty_only_for_what_it_builds(self, confidence, text):
        assert repr(confidence) == text
        assert eval(text, {"Confidence": Confidence, "ConfidenceScale": ConfidenceScale}) == confidence

    def test_any_number_in_the_band_may_carry_the_grade(self):
        assert Confidence(65, scale="admiralty", label="2").to_admiralty() == 2
        assert Confidence(89, scale="admiralty", label="2").to_admiralty() == 2

    @pytest.mark.parametrize("bad", [0, 7, -1, "7", "x", "", "1.0", "two"])
    def test_from_admiralty_rejects_other_grades(self, bad):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence.from_admiralty(bad)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.value == bad

    def test_from_admiralty_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence.from_admiralty(7)
        assert (
            str(excinfo.value)
            == "Confidence.from_admiralty(): must be an Admiralty credibility grade from 1 to 6, got 7"
        )

    @pytest.mark.parametrize("bad", [True, False, 2.0, None, Decimal(2), [2]])
    def test_from_admiralty_rejects_other_types(self, bad):
        with pytest.raises(InvalidTypeError):
            Confidence.from_admiralty(bad)

    def test_number_outside_the_grade_band(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(95, scale="admiralty", label="2")
        assert str(excinfo.value) == "Confidence.value: must be from 65 to 89 for the label '2', got 95"

    def test_grade_six_with_a_number(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(50, scale="admiralty", label="6")
        assert str(excinfo.value) == (
            "Confidence.value: must be None for grade 6 (truth cannot be judged), got 50"
        )

    def test_no_number_for_a_grade_that_has_one(self):
        with pytest.raises(InvalidValueError, match="must be from 40 to 64 for the label '3', got None"):
            Confidence(None, scale="admiralty", label="3")

    @pytest.mark.parametrize("label", [None, "7", "0", "A", "likely"])
    def test_admiralty_needs_a_grade_label(self, label):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(50, scale="admiralty", label=label)
        assert excinfo.value.field == "label"
        assert excinfo.value.reason == "must be an Admiralty credibility grade from '1' to '6'"


class TestConfidenceWords:
    def test_every_term_is_known(self):
        assert set(ESTIMATIVE_WORDS) == set(WORD_VALUES)

    @pytest.mark.parametrize(("words", "percent"), WORD_VALUES.items())
    def test_from_words(self, words, percent):
        confidence = Confidence.from_words(words)
        assert confidence.value == percent
        assert confidence.scale is ConfidenceScale.WORDS
        assert confidence.label == words
        assert confidence.to_words() == words
        assert confidence.to_admiralty() == expected_grade(percent)
        assert repr(confidence) == f"Confidence.from_words({words!r})"

    @pytest.mark.parametrize("words", ["LIKELY", " Likely ", "Almost Certain", "\tremote\n"])
    def test_label_is_normalised(self, words):
        confidence = Confidence.from_words(words)
        assert confidence.label == words.strip().lower()
        assert confidence == Confidence.from_words(words.strip().lower())

    @pytest.mark.parametrize(
        ("confidence", "text"),
        [
            (Confidence.from_words("likely"), "Confidence.from_words('likely')"),
            (Confidence(68, scale="words", label=" Likely "), "Confidence.from_words('likely')"),
            (
                Confidence(60, scale="words", label="likely"),
                "Confidence(60, scale=ConfidenceScale.WORDS, label='likely')",
            ),
            (
                Confidence(99, scale="words", label="Almost Certain"),
                "Confidence(99, scale=ConfidenceScale.WORDS, label='almost certain')",
            ),
        ],
    )
    def test_repr_uses_from_words_only_for_what_it_builds(self, confidence, text):
        assert repr(confidence) == text
        assert eval(text, {"Confidence": Confidence, "ConfidenceScale": ConfidenceScale}) == confidence

    def test_synonyms_are_different_labels(self):
        assert Confidence.from_words("likely").value == Confidence.from_words("probable").value
        assert Confidence.from_words("likely") != Confidence.from_words("probable")

    @pytest.mark.parametrize("words", ["maybe", "", "likely.", "very  likely", "probably"])
    def test_unknown_words(self, words):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence.from_words(words)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.value == words

    def test_unknown_words_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence.from_words("maybe")
        assert str(excinfo.value) == (
            "Confidence.from_words(): are not words of estimative probability, got 'maybe'. "
            "Fix: use one of 'almost no chance', 'remote', 'very unlikely', 'highly improbable', "
            "'unlikely', 'improbable', 'roughly even chance', 'roughly even odds', 'likely', 'probable', "
            "'very likely', 'highly probable', 'almost certain', 'nearly certain'"
        )

    @pytest.mark.parametrize("bad", [None, 68, b"likely", ["likely"]])
    def test_from_words_needs_a_string(self, bad):
        with pytest.raises(InvalidTypeError) as excinfo:
            Confidence.from_words(bad)
        assert excinfo.value.cls == "Confidence"
        assert excinfo.value.field == "from_words()"
        assert excinfo.value.reason == "needs a string"

    def test_number_outside_the_words_band(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(90, scale="words", label="likely")
        assert str(excinfo.value) == "Confidence.value: must be from 56 to 79 for the label 'likely', got 90"

    def test_words_scale_needs_known_words(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Confidence(50, scale="words", label="maybe")
        assert excinfo.value.field == "label"

    def test_any_number_in_the_band_may_carry_the_words(self):
        assert Confidence(56, scale="words", label="Likely").to_words() == "likely"


class TestConfidenceConversions:
    @pytest.mark.parametrize("percent", range(101))
    def test_to_admiralty_and_to_words_follow_the_bands(self, percent):
        confidence = Confidence(percent)
        grade = confidence.to_admiralty()
        words = confidence.to_words()
        assert grade == expected_grade(percent)
        assert words == expected_words(percent)
        assert Confidence(percent, scale="admiralty", label=str(grade)).to_admiralty() == grade
        assert Confidence(percent, scale="words", label=words).to_words() == words

    def test_admiralty_to_words(self):
        assert Confidence.from_admiralty(1).to_words() == "almost certain"
        assert Confidence.from_admiralty(2).to_words() == "likely"
        assert Confidence.from_admiralty(3).to_words() == "roughly even chance"
        assert Confidence.from_admiralty(4).to_words() == "unlikely"
        assert Confidence.from_admiralty(5).to_words() == "very unlikely"


@pytest.mark.parametrize(
    ("grade", "meaning"),
    [
        ("A", "completely reliable"),
        ("B", "usually reliable"),
        ("C", "fairly reliable"),
        ("D", "not usually reliable"),
        ("E", "unreliable"),
        ("F", "reliability cannot be judged"),
    ],
)
def test_reliability_meanings(grade, meaning):
    assert Reliability(grade).meaning == meaning
    assert repr(Reliability(grade)) == f"Reliability.{grade}"


def test_reliability_has_six_grades():
    assert [member.value for member in Reliability] == ["A", "B", "C", "D", "E", "F"]


# -- TextQuote, TextSpan, Evidence ------------------------------------------------


class TestTextQuote:
    def test_quote_with_context(self):
        quote = TextQuote("16,600", prefix="at least ", suffix=" soldiers")
        assert (quote.exact, quote.prefix, quote.suffix) == ("16,600", "at least ", " soldiers")

    def test_empty_context_is_allowed(self):
        assert TextQuote("x", prefix="", suffix="").prefix == ""

    def test_empty_quote(self):
        with pytest.raises(InvalidValueError) as excinfo:
            TextQuote("")
        assert str(excinfo.value) == (
            "TextQuote.exact: must not be empty, got ''. Fix: leave the field out instead of giving an empty string"
        )

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"exact": 5}, "exact"),
            ({"exact": "x", "prefix": 1}, "prefix"),
            ({"exact": "x", "suffix": b""}, "suffix"),
        ],
    )
    def test_wrong_types(self, kwargs, field):
        with pytest.raises(InvalidTypeError) as excinfo:
            TextQuote(**kwargs)
        assert excinfo.value.field == field


class TestTextSpan:
    def test_span(self):
        span = TextSpan(3, 10)
        assert (span.start, span.end, len(span)) == (3, 10, 7)

    @pytest.mark.parametrize(("start", "end"), [(5, 5), (5, 4), (0, 0)])
    def test_end_must_be_after_start(self, start, end):
        with pytest.raises(InvalidValueError) as excinfo:
            TextSpan(start, end)
        assert str(excinfo.value) == f"TextSpan.end: must be greater than start ({start}), got {end}"

    def test_negative_start(self):
        with pytest.raises(InvalidValueError) as excinfo:
            TextSpan(-1, 5)
        assert str(excinfo.value) == "TextSpan.start: must be from 0 to 9007199254740991, got -1"

    def test_largest_position(self):
        assert MAX_POSITION == 2**53 - 1
        span = TextSpan(0, MAX_POSITION)
        assert (span.start, span.end) == (0, 2**53 - 1)
        assert TextSpan(MAX_POSITION - 1, MAX_POSITION).start == 2**53 - 2

    @pytest.mark.parametrize("field", ["start", "end"])
    @pytest.mark.parametrize("position", [2**53, 2**63, 10**30])
    def test_positions_past_the_largest_are_rejected(self, field, position):
        with pytest.raises(InvalidValueError) as excinfo:
            TextSpan(**{"start": 0, "end": 1, field: position})
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.field == field
        assert excinfo.value.reason == "must be from 0 to 9007199254740991"

    def test_position_past_the_largest_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            TextSpan(0, 2**53)
        assert str(excinfo.value) == "TextSpan.end: must be from 0 to 9007199254740991, got 9007199254740992"

    @pytest.mark.parametrize("bad", [True, 1.0, "1", None])
    def test_positions_are_ints(self, bad):
        with pytest.raises(InvalidTypeError):
            TextSpan(bad, 5)
        with pytest.raises(InvalidTypeError):
            TextSpan(0, bad)


class TestEvidence:
    def test_source_object_becomes_its_id(self):
        source = Source("news-article", title="Russia says 16,600 soldiers", url="https://example.org/a")
        evidence = Evidence(source)
        assert evidence.source == source.id
        assert evidence == Evidence(source.id)

    def test_quote_and_span_of_the_same_length(self):
        evidence = Evidence("src:a", quote=TextQuote("16,600"), span=TextSpan(10, 16))
        assert len(evidence.span) == len(evidence.quote.exact)

    def test_quote_or_span_alone(self):
        assert Evidence("src:a", quote=TextQuote("x")).span is None
        assert Evidence("src:a", span=TextSpan(0, 100)).quote is None
        assert Evidence("src:a").quote is None

    def test_length_counts_code_points(self):
        assert Evidence("src:a", quote=TextQuote("Київ"), span=TextSpan(0, 4)).span == TextSpan(0, 4)

    @pytest.mark.parametrize(("start", "end"), [(0, 5), (0, 7), (10, 11)])
    def test_span_length_must_match_the_quote(self, start, end):
        with pytest.raises(InvalidValueError) as excinfo:
            Evidence("src:a", quote=TextQuote("16,600"), span=TextSpan(start, end))
        assert excinfo.value.field == "span"

    def test_span_length_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Evidence("src:a", quote=TextQuote("16,600"), span=TextSpan(0, 5))
        assert str(excinfo.value) == (
            "Evidence.span: is 5 code points long but the quote is 6, got TextSpan(start=0, end=5). "
            "Fix: make the span cover exactly the quoted words"
        )

    def test_span_far_longer_than_the_quote(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Evidence("src:a", quote=TextQuote("abc"), span=TextSpan(0, MAX_POSITION))
        assert excinfo.value.field == "span"
        assert str(excinfo.value) == (
            "Evidence.span: is 9007199254740991 code points long but the quote is 3, "
            "got TextSpan(start=0, end=9007199254740991). Fix: make the span cover exactly the quoted words"
        )

    def test_span_past_the_largest_position_is_refused_before_the_evidence(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Evidence("src:a", quote=TextQuote("abc"), span=TextSpan(0, 2**63))
        assert excinfo.value.cls == "TextSpan"
        assert excinfo.value.field == "end"

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"source": ""}, InvalidValueError, "source"),
            ({"source": None}, InvalidTypeError, "source"),
            ({"source": 5}, InvalidTypeError, "source"),
            ({"source": "src a"}, InvalidValueError, "source"),
            ({"source": "src:a", "quote": "16,600"}, InvalidTypeError, "quote"),
            ({"source": "src:a", "span": (0, 5)}, InvalidTypeError, "span"),
        ],
    )
    def test_fields_are_checked(self, kwargs, error, field):
        with pytest.raises(error) as excinfo:
            Evidence(**kwargs)
        assert excinfo.value.field == field


# -- When -------------------------------------------------------------------------------


class TestWhenParse:
    @pytest.mark.parametrize(
        ("text", "value", "precision"),
        [
            ("2022", date(2022, 1, 1), Precision.YEAR),
            ("2022-03", date(2022, 3, 1), Precision.MONTH),
            ("2022-03-27", date(2022, 3, 27), Precision.DAY),
            ("2022-03-27T14", datetime(2022, 3, 27, 14), Precision.HOUR),
            ("2022-03-27T14:05", datetime(2022, 3, 27, 14, 5), Precision.MINUTE),
            ("2022-03-27T14:05:09", datetime(2022, 3, 27, 14, 5, 9), Precision.SECOND),
            ("2022-03-27T14:05:00Z", datetime(2022, 3, 27, 14, 5, tzinfo=UTC), Precision.SECOND),
            ("2022-03-27T14:05:00+03:00", datetime(2022, 3, 27, 14, 5, tzinfo=PLUS_3), Precision.SECOND),
            (
                "2022-03-27T14:05:00.250",
                datetime(2022, 3, 27, 14, 5, 0, 250000),
                Precision.MILLISECOND,
            ),
            (
                "2022-03-27T14:05:00.250123Z",
                datetime(2022, 3, 27, 14, 5, 0, 250123, tzinfo=UTC),
                Precision.MICROSECOND,
            ),
            ("2022-03-27T14Z", datetime(2022, 3, 27, 14, tzinfo=UTC), Precision.HOUR),
            (
                "2022-03-27T14:05-05:30",
                datetime(2022, 3, 27, 14, 5, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
                Precision.MINUTE,
            ),
        ],
    )
    def test_parse(self, text, value, precision):
        when = When.parse(text)
        assert when.value == value
        assert type(when.value) is type(value)
        assert when.precision is precision
        assert when.approximate is False
        assert when.uncertain is False
        if isinstance(value, datetime):
            assert when.value.utcoffset() == value.utcoffset()
        assert str(when) == text
        assert When.parse(str(when)) == when
        assert repr(when) == f"When.parse({text!r})"

    @pytest.mark.parametrize(
        ("text", "approximate", "uncertain"),
        [
            ("2022~", True, False),
            ("2022-03?", False, True),
            ("2022-03-27%", True, True),
            ("2022-03-27T14:05:00Z~", True, False),
            ("2022-03-27T14:05:00.250+03:00?", False, True),
        ],
    )
    def test_qualifiers(self, text, approximate, uncertain):
        when = When.parse(text)
        assert (when.approximate, when.uncertain) == (approximate, uncertain)
        assert str(when) == text
        assert When.parse(str(when)) == when

    def test_qualifier_is_part_of_equality(self):
        assert When.parse("2022") != When.parse("2022~")
        assert When.parse("2022~") != When.parse("2022?")
        assert When.parse("2022%") == Moment(date(2022, 1, 1), "year", approximate=True, uncertain=True)

    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ("2022-03-27T14:05+0300", "2022-03-27T14:05+03:00"),
            ("2022-03-27T14+03", "2022-03-27T14+03:00"),
            ("2022-03-27T14:05:00+0000", "2022-03-27T14:05:00+00:00"),
            ("2022-03-27T14:05:00-00:00", "2022-03-27T14:05:00Z"),
            ("2022-03-27T14:05:00-0000", "2022-03-27T14:05:00Z"),
        ],
    )
    def test_zone_spellings_are_written_one_way(self, text, written):
        assert str(When.parse(text)) == written
        assert When.parse(written) == When.parse(text)

    def test_a_zero_offset_is_not_z(self):
        # RFC 9557: +00:00 says the local offset is zero; Z (and -00:00) only that the time is UTC.
        zero, utc = When.parse("2022-03-27T14:05:00+00:00"), When.parse("2022-03-27T14:05:00Z")
        assert (str(zero), str(utc)) == ("2022-03-27T14:05:00+00:00", "2022-03-27T14:05:00Z")
        assert zero != utc
        assert zero.relation(utc) is TimeRelation.OVERLAPS
        assert zero.sort_key()[:2] == utc.sort_key()[:2]
        assert str(Moment(datetime(2022, 3, 27, 14, 5, tzinfo=UTC), "second")) == "2022-03-27T14:05:00Z"

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "22",
            "20220",
            "2022-3",
            "2022-03-7",
            "2022/03/27",
            "2022-03-27 14:05",
            "2022-03-27T",
            "2022-03-27T14:5",
            "2022-03-27T14:05:00.",
            "2022-03-27T14:05:00,250",
            "March 2022",
            "2022-03-27T14:05:00Z ",
            "~2022",
            "2022~?",
            "2022-03-27T14:05:00+3",
            "2022-03-27T14:05:00+03:00:00",
        ],
    )
    def test_malformed_text(self, text):
        with pytest.raises(InvalidValueError) as excinfo:
            When.parse(text)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.cls == "When"
        assert excinfo.value.value == text

    def test_malformed_text_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            When.parse("27 March 2022")
        assert str(excinfo.value) == (
            "When.parse(): is not an EDTF date or date-time, got '27 March 2022'. "
            "Fix: write it like '2022', '2022-03', '2022-03-27' or '2022-03-27T14:05:00+03:00'"
        )

    @pytest.mark.parametrize(
        "text",
        [
            "2022-13",
            "2022-00",
            "2022-02-29",
            "2022-04-31",
            "0000",
            "2022-03-27T24",
            "2022-03-27T14:60",
            "2022-03-27T14:05:60",
            "2022-03-27T14:05+24:00",
        ],
    )
    def test_impossible_dates_and_times(self, text):
        with pytest.raises(InvalidValueError) as excinfo:
            When.parse(text)
        assert excinfo.value.reason.startswith("is not a valid date or date-time (")
        assert excinfo.value.value == text

    def test_month_thirteen_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            When.parse("2022-13")
        assert (
            str(excinfo.value)
            == "When.parse(): is not a valid date or date-time (month must be in 1..12), got '2022-13'"
        )

    def test_leap_day(self):
        assert When.parse("2024-02-29").value == date(2024, 2, 29)

    @pytest.mark.parametrize("digits", ["2500", "25000", "2500000", "250000000"])
    def test_fraction_digits_other_than_1_2_3_or_6(self, digits):
        text = f"2022-03-27T14:05:00.{digits}Z"
        with pytest.raises(InvalidValueError) as excinfo:
            When.parse(text)
        assert str(excinfo.value) == (
            f"When.parse(): gives a fraction of a second with 4, 5 or more than 6 digits, got {text!r}. "
            "Fix: write 1, 2 or 3 digits, or microseconds (.250000)"
        )

    @pytest.mark.parametrize(
        ("text", "precision", "upper_micro"),
        [
            ("2022-03-27T14:05:00.5Z", Precision.DECISECOND, 599999),
            ("2022-03-27T14:05:00.25Z", Precision.CENTISECOND, 259999),
            ("2022-03-27T14:05:00.250Z", Precision.MILLISECOND, 250999),
            ("2022-03-27T14:05:00.250000Z", Precision.MICROSECOND, 250000),
        ],
    )
    def test_fractions_keep_the_digits_given(self, text, precision, upper_micro):
        when = When.parse(text)
        assert when.precision is precision
        assert str(when) == text
        assert when.upper.microsecond == upper_micro

    @pytest.mark.parametrize(
        "text", ["\u0662\u0660\u0662\u0662", "\uff12\uff10\uff12\uff12-\uff10\uff13", "2022-0\u0663-27"]
    )
    def test_only_ascii_digits_are_read(self, text):
        with pytest.raises(InvalidValueError):
            When.parse(text)

    def test_too_long_text(self):
        text = "2022" + "0" * 253
        with pytest.raises(InvalidValueError) as excinfo:
            When.parse(text)
        assert excinfo.value.reason == "is longer than 256 characters, too long for a date or a date-time"
        assert str(excinfo.value) == (
            "When.parse(): is longer than 256 characters, too long for a date or a date-time, got "
            + repr(text)[:77]
            + "..."
        )

    def test_up_to_256_characters_are_read(self):
        with pytest.raises(InvalidValueError, match="is not an EDTF date"):
            When.parse("2" * 256)

    @pytest.mark.parametrize("bad", [2022, None, b"2022", date(2022, 1, 1), ["2022"]])
    def test_parse_needs_a_string(self, bad):
        with pytest.raises(InvalidTypeError) as excinfo:
            When.parse(bad)
        assert excinfo.value.cls == "When"
        assert excinfo.value.field == "parse()"
        assert excinfo.value.reason == "needs a string"
        assert excinfo.value.value is bad

    def test_parse_needs_a_string_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            When.parse(2022)
        assert str(excinfo.value) == "When.parse(): needs a string, got 2022"


class TestWhenConstruction:
    def test_default_precision(self):
        assert Moment(date(2022, 3, 27)).precision is Precision.DAY
        assert Moment(datetime(2022, 3, 27, 14, 5)).precision is Precision.SECOND
        assert Moment(datetime(2022, 3, 27, 14, 5, 0, 1)).precision is Precision.MICROSECOND

    def test_precision_by_value(self):
        assert Moment(date(2022, 3, 1), "month") == When.parse("2022-03")
        assert Moment(datetime(2022, 3, 27, 14), "hour").precision is Precision.HOUR

    @pytest.mark.parametrize(
        ("value", "precision"),
        [
            (date(2022, 3, 27), "month"),
            (date(2022, 3, 1), "year"),
            (date(2022, 2, 1), "year"),
            (datetime(2022, 3, 27, 14, 5), "hour"),
            (datetime(2022, 3, 27, 14, 5, 1), "minute"),
            (datetime(2022, 3, 27, 14, 5, 1, 1000), "second"),
            (datetime(2022, 3, 27, 14, 5, 1, 1500), "millisecond"),
        ],
    )
    def test_digits_finer_than_the_precision(self, value, precision):
        with pytest.raises(InvalidValueError) as excinfo:
            Moment(value, precision)
        assert excinfo.value.field == "value"
        assert excinfo.value.reason == f"has digits finer than its {precision} precision"

    def test_finer_digits_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Moment(date(2022, 3, 27), "month")
        assert str(excinfo.value) == (
            "Moment.value: has digits finer than its month precision, got datetime.date(2022, 3, 27). "
            "Fix: truncate the value to its precision, or give a finer precision"
        )

    @pytest.mark.parametrize("precision", ["hour", "minute", "second", "millisecond", "microsecond"])
    def test_time_precision_needs_a_datetime(self, precision):
        with pytest.raises(InvalidValueError) as excinfo:
            Moment(date(2022, 3, 27), precision)
        assert str(excinfo.value) == (
            f"Moment.precision: {precision} precision needs a datetime, not a date, got datetime.date(2022, 3, 27)"
        )

    @pytest.mark.parametrize("precision", ["year", "month", "day"])
    def test_date_precision_needs_a_date(self, precision):
        with pytest.raises(InvalidValueError) as excinfo:
            Moment(datetime(2022, 1, 1), precision)
        assert str(excinfo.value) == (
            f"Moment.precision: {precision} precision needs a date, not a datetime, "
            "got datetime.datetime(2022, 1, 1, 0, 0). Fix: pass the date part, e.g. value.date()"
        )

    @pytest.mark.parametrize("bad", ["2022", 2022, None, True, time(14, 5)])
    def test_value_must_be_a_date(self, bad):
        with pytest.raises(InvalidTypeError) as excinfo:
            Moment(bad)
        assert excinfo.value.field == "value"
        assert excinfo.value.reason == "must be a date or a datetime"

    def test_value_of_wrong_type_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Moment("2022-03-27")
        assert str(excinfo.value) == "Moment.value: must be a date or a datetime, got '2022-03-27'"

    def test_unknown_precision(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Moment(date(2022, 1, 1), "fortnight")
        assert str(excinfo.value) == (
            "Moment.precision: must be a Precision, got 'fortnight'. Fix: use one of 'century', 'decade', "
            "'year', 'season', 'month', 'day', 'hour', 'minute', 'second', 'decisecond', 'centisecond', "
            "'millisecond', 'microsecond'"
        )

    @pytest.mark.parametrize("zone", [UTC, PLUS_3, timezone(-timedelta(hours=5, minutes=30), "EST+")])
    def test_fixed_offset_zones_are_accepted(self, zone):
        value = datetime(2022, 3, 27, 14, 5, tzinfo=zone)
        assert Moment(value, "minute").value.tzinfo is zone

    def test_named_tzinfo_is_rejected_in_favour_of_the_zone_field(self):
        value = datetime(2022, 3, 27, 14, 5, tzinfo=ZoneInfo("Europe/Kyiv"))
        with pytest.raises(InvalidValueError) as excinfo:
            Moment(value, "minute")
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.cls == "Moment"
        assert excinfo.value.field == "value"
        assert excinfo.value.value is value
        assert excinfo.value.reason == (
            "must have a fixed UTC offset (a datetime.timezone) or no zone; give a zone's name in 'zone'"
        )
        assert str(excinfo.value) == (
            "Moment.value: must have a fixed UTC offset (a datetime.timezone) or no zone; give a zone's name in "
            "'zone', got datetime.datetime(2022, 3, 27, 14, 5, tzinfo=zoneinfo.ZoneInfo(key='Europe/Ky.... "
            "Fix: use Moment.of(value), which keeps a ZoneInfo's name, or pass "
            "value.replace(tzinfo=timezone(value.utcoffset())) and zone='Europe/Kyiv'"
        )
        kept = Moment.of(value, "minute")
        assert kept.zone == "Europe/Kyiv"
        assert str(kept) == "2022-03-27T14:05+03:00[Europe/Kyiv]"

    def test_named_zone_converted_as_the_fix_says_is_accepted(self):
        value = datetime(2022, 3, 27, 14, 5, tzinfo=ZoneInfo("Europe/Kyiv"))
        when = Moment(value.replace(tzinfo=timezone(value.utcoffset())), "minute")
        assert when == When.parse("2022-03-27T14:05+03:00")

    def test_a_fixed_offset_tzinfo_that_is_not_a_timezone_is_rejected(self):
        class Plus3(tzinfo):
            def utcoffset(self, dt):
                return timedelta(hours=3)

            def dst(self, dt):
                return timedelta(0)

        with pytest.raises(InvalidValueError) as excinfo:
            Moment(datetime(2022, 3, 27, 14, 5, tzinfo=Plus3()), "minute")
        assert excinfo.value.field == "value"
        assert excinfo.value.reason.startswith("must have a fixed UTC offset (a datetime.timezone)")

    def test_offset_in_seconds_is_rejected(self):
        zone = timezone(timedelta(hours=1, seconds=30))
        with pytest.raises(InvalidValueError) as excinfo:
            Moment(datetime(2022, 1, 1, tzinfo=zone))
        assert excinfo.value.reason == "has a time zone offset that is not a whole number of minutes"

    @pytest.mark.parametrize("field", ["approximate", "uncertain"])
    @pytest.mark.parametrize("bad", [1, 0, "yes", None])
    def test_flags_are_booleans(self, field, bad):
        with pytest.raises(InvalidTypeError) as excinfo:
            Moment(date(2022, 1, 1), **{field: bad})
        assert excinfo.value.field == field


class TestWhenEquality:
    def test_same_instant_in_another_zone_is_another_statement(self):
        kyiv = When.parse("2022-03-27T14:00+03:00")
        utc = When.parse("2022-03-27T11:00Z")
        assert kyiv.value == utc.value
        assert kyiv != utc
        assert len({kyiv, utc}) == 2

    def test_zone_is_kept(self):
        assert When.parse("2022-03-27T14:00+03:00").value.utcoffset() == timedelta(hours=3)
        assert When.parse("2022-03-27T14:00").value.tzinfo is None

    def test_naive_and_aware_differ(self):
        assert When.parse("2022-03-27T14:00") != When.parse("2022-03-27T14:00Z")

    def test_precision_is_part_of_equality(self):
        assert Moment(datetime(2022, 3, 27, 14), "hour") != Moment(datetime(2022, 3, 27, 14), "minute")
        assert Moment(date(2022, 1, 1), "year") != Moment(date(2022, 1, 1), "day")

    def test_equal_whens_hash_equal(self):
        first = When.parse("2022-03-27T14:05:00.250+03:00")
        second = Moment(datetime(2022, 3, 27, 14, 5, 0, 250000, tzinfo=PLUS_3), "millisecond")
        assert first == second
        assert hash(first) == hash(second)
        assert len({first, second}) == 1

    def test_not_equal_to_other_types(self):
        assert When.parse("2022") != "2022"
        assert When.parse("2022-03-27") != date(2022, 3, 27)


class TestWhenBounds:
    @pytest.mark.parametrize(
        ("text", "lower", "upper"),
        [
            ("2022", datetime(2022, 1, 1), datetime(2022, 12, 31, 23, 59, 59, 999999)),
            ("2022-02", datetime(2022, 2, 1), datetime(2022, 2, 28, 23, 59, 59, 999999)),
            ("2024-02", datetime(2024, 2, 1), datetime(2024, 2, 29, 23, 59, 59, 999999)),
            ("2022-12", datetime(2022, 12, 1), datetime(2022, 12, 31, 23, 59, 59, 999999)),
            ("2022-03-27", datetime(2022, 3, 27), datetime(2022, 3, 27, 23, 59, 59, 999999)),
            ("2022-03-27T14", datetime(2022, 3, 27, 14), datetime(2022, 3, 27, 14, 59, 59, 999999)),
            ("2022-03-27T14:05", datetime(2022, 3, 27, 14, 5), datetime(2022, 3, 27, 14, 5, 59, 999999)),
            ("2022-03-27T14:05:09", datetime(2022, 3, 27, 14, 5, 9), datetime(2022, 3, 27, 14, 5, 9, 999999)),
            (
                "2022-03-27T14:05:09.250",
                datetime(2022, 3, 27, 14, 5, 9, 250000),
                datetime(2022, 3, 27, 14, 5, 9, 250999),
            ),
            (
                "2022-03-27T14:05:09.250001",
                datetime(2022, 3, 27, 14, 5, 9, 250001),
                datetime(2022, 3, 27, 14, 5, 9, 250001),
            ),
            ("2022-12-31T23", datetime(2022, 12, 31, 23), datetime(2022, 12, 31, 23, 59, 59, 999999)),
        ],
    )
    def test_bounds(self, text, lower, upper):
        when = When.parse(text)
        assert when.lower == lower
        assert when.upper == upper
        assert when.lower.tzinfo is None
        assert when.upper.tzinfo is None

    def test_bounds_keep_the_zone(self):
        when = When.parse("2022-03-27T14+03:00")
        assert when.lower == datetime(2022, 3, 27, 14, tzinfo=PLUS_3)
        assert when.upper == datetime(2022, 3, 27, 14, 59, 59, 999999, tzinfo=PLUS_3)
        assert when.upper.utcoffset() == timedelta(hours=3)

    @pytest.mark.parametrize(
        "text",
        ["9999", "9999-12", "9999-12-31", "9999-12-31T23", "9999-12-31T23:59", "9999-12-31T23:59:59.999"],
    )
    def test_upper_bound_at_the_end_of_the_calendar(self, text):
        assert When.parse(text).upper == datetime(9999, 12, 31, 23, 59, 59, 999999)

    def test_lower_bound_at_the_start_of_the_calendar(self):
        assert When.parse("0001").lower == datetime(1, 1, 1)
