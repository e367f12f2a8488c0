"""
Place and GeoPoint: where something happened, as the source names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict
from eventmodel.core._repr import compact_repr
from eventmodel.exceptions import NO_VALUE

from . import _fields as f

__all__ = ["GeoPoint", "Place"]

_COUNTRY: Final = re.compile(r"[A-Z]{2}")

Number = Decimal | int | float | str


def _coordinate(value: Number) -> Decimal:
    if type(value) is Decimal:  # the common cases
        return value
    return v.to_decimal(value)  # type: ignore[no-any-return]


def _optional_coordinate(value: Number | None) -> Decimal | None:
    if value is None or type(value) is Decimal:  # the common cases
        return value
    return v.to_decimal(value)  # type: ignore[no-any-return]


def _admin(value: Iterable[str]) -> tuple[str, ...]:
    if type(value) is tuple:  # the common case
        return value
    return v.to_tuple(value)  # type: ignore[no-any-return]


def _parts(value: Iterable[Place]) -> tuple[Place, ...]:
    if type(value) is tuple:  # the common case
        return value
    return v.to_tuple(value)  # type: ignore[no-any-return]


@attrs.frozen(repr=False)
class GeoPoint:
    """
    A point on the Earth (WGS 84), with how far from it the place may be.

    Coordinates are Decimals, kept exactly as given (a float through its
    shortest repr), like every number in eventmodel.

    Args:
        lat: Latitude in degrees, -90 to 90.
        lon: Longitude in degrees, -180 to 180.
        precision_m: How far, in metres, the true place may lie from the
            point (a town centre for a town: a few thousand).

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    lat: Decimal = attrs.field(converter=_coordinate, validator=f.Coordinate(90), eq=v.exact_decimal)
    lon: Decimal = attrs.field(converter=_coordinate, validator=f.Coordinate(180), eq=v.exact_decimal)
    precision_m: Decimal | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_optional_coordinate,
        validator=f.NonNegative(),
        eq=v.exact_decimal,
    )
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )


@attrs.frozen(repr=False)
class Place:
    """
    A place as a source names it, with whatever locates it.

    Args:
        name: The name as used ("Krasnohorivka").
        aliases: Other names of the same place, as other sources, or the
            same one, write them ("Krasnogorovka").
        country: ISO 3166-1 alpha-2 code ("UA").
        admin: The administrative units that hold it, largest first
            (``("Donetsk Oblast", "Pokrovsk Raion")``).
        point: Coordinates, when known.
        gazetteer_id: An id in a gazetteer, prefixed by its name
            (``"geonames:704147"``, ``"wikidata:Q1027960"``).
        parts: The areas of a place that names several ("the Luhansk and
            Donetsk regions"), each a place of its own, checked as any
            place is. A part has no parts.

    Raises:
        InvalidValueError: When nothing at all locates the place, the
            country is not two capital letters, or a part has parts.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    name: str | None = attrs.field(default=None, validator=f.Text(optional=True))
    aliases: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_admin, validator=f.Texts())
    country: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=f.Pattern(
            _COUNTRY,
            "must be an ISO 3166-1 alpha-2 code (two capital letters)",
            "use a code such as 'UA' or 'RU'",
            optional=True,
            min_length=False,
        ),
    )
    admin: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_admin, validator=f.Texts())
    point: GeoPoint | None = attrs.field(
        default=None, kw_only=True, validator=f.Instance(GeoPoint, "a GeoPoint")
    )
    gazetteer_id: str | None = attrs.field(default=None, kw_only=True, validator=f.OptionalId())
    parts: tuple[Place, ...] = attrs.field(
        default=(), kw_only=True, converter=_parts, validator=f.TupleOf(lambda: Place, "Places")
    )
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.name is None
            and self.country is None
            and not self.admin
            and self.point is None
            and self.gazetteer_id is None
            and not self.parts
        ):
            v.fail(
                self,
                "name",
                "is needed when nothing else locates the place",
                NO_VALUE,
                "give a name, a country, admin units, a point, a gazetteer id or parts",
            )
        for index, part in enumerate(self.parts):
            if part.parts:
                v.fail(
                    self,
                    f"parts[{index}].parts",
                    "must be empty: a part of a place has no parts of its own",
                    NO_VALUE,
                    "list every area as a part of the one place",
                )

    @property
    def names(self) -> tuple[str, ...]:
        """
        The names the place goes by: its name, then its aliases.

        .. versionadded:: 0.1.0
        """
        return self.aliases if self.name is None else (self.name, *self.aliases)

    @property
    def areas(self) -> tuple[Place, ...]:
        """
        The areas the place covers: its parts, or the place itself when it
        has none.

        .. versionadded:: 0.1.0
        """
        return self.parts or (self,)

    @property
    def countries(self) -> frozenset[str]:
        """
        The countries the place is given in: its own, and its parts'.

        .. versionadded:: 0.1.0
        """
        found = {part.country for part in self.parts if part.country is not None}
        if self.country is not None:
            found.add(self.country)
        return frozenset(found)
