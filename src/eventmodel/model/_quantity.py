"""
Quantity: a number as a source claimed it, exact or bounded.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict
from eventmodel.core._repr import compact_repr
from eventmodel.exceptions import NO_VALUE

from . import _fields as f

__all__ = ["Quantity"]

Number = Decimal | int | float | str


def _decimal(value: Number | None) -> Decimal | None:
    if value is None or type(value) is Decimal:  # the common cases
        return value
    return v.to_decimal(value)  # type: ignore[no-any-return]


@attrs.frozen(repr=False)
class Quantity:
    """
    A number as a source claimed it: exact (``16600``), "at least 16,600",
    "about 500", or between two bounds, with an optional unit.

    Numbers are kept as :class:`~decimal.Decimal`, exactly as written: an int,
    a ``Decimal`` or a numeric string is taken as is, and a float through its
    shortest repr (``0.1`` is ``Decimal('0.1')``). ``2`` and ``2.0`` are
    different quantities (the source wrote different things), and ``True`` is
    not a number.

    Args:
        value: The number claimed, when one number was given.
        lower: The least the source allows ("at least").
        upper: The most the source allows ("at most", "up to").
        unit: What is counted or measured ("personnel", "km", "USD").
        approximate: The source hedged ("about", "some", "nearly").

    Raises:
        InvalidValueError: When no number is given, a number is NaN or
            infinite, or the bounds are in the wrong order.
        InvalidTypeError: For a value that is not a number.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    # Each field spells out attrs.field() so that type checkers see the converter.
    value: Decimal | None = attrs.field(
        default=None, converter=_decimal, validator=f.Number(), eq=v.exact_decimal
    )
    lower: Decimal | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_decimal,
        validator=f.Number(),
        eq=v.exact_decimal,
    )
    upper: Decimal | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_decimal,
        validator=f.Number(),
        eq=v.exact_decimal,
    )
    unit: str | None = attrs.field(kw_only=True, default=None, validator=f.Text(optional=True))
    approximate: bool = attrs.field(kw_only=True, default=False, validator=f.Flag())
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    def __attrs_post_init__(self) -> None:
        value, lower, upper = self.value, self.lower, self.upper
        if value is None and lower is None and upper is None:
            v.fail(
                self,
                "value",
                "needs a value or at least one bound",
                NO_VALUE,
                "use Quantity(16600), Quantity.at_least(16600) or Quantity.between(10, 20)",
            )
        if lower is not None and upper is not None and lower > upper:
            v.fail(self, "lower", f"must not be greater than upper ({upper})", lower)
        if value is not None and lower is not None and value < lower:
            v.fail(self, "value", f"must not be less than lower ({lower})", value)
        if value is not None and upper is not None and value > upper:
            v.fail(self, "value", f"must not be greater than upper ({upper})", value)

    @classmethod
    def at_least(cls, lower: Number, *, unit: str | None = None, approximate: bool = False) -> Quantity:
        """
        "At least *lower*": ``Quantity.at_least(16600, unit="personnel")``.
        """
        return cls(lower=lower, unit=unit, approximate=approximate)

    @classmethod
    def at_most(cls, upper: Number, *, unit: str | None = None, approximate: bool = False) -> Quantity:
        """
        "At most *upper*", "up to *upper*".
        """
        return cls(upper=upper, unit=unit, approximate=approximate)

    @classmethod
    def about(cls, value: Number, *, unit: str | None = None) -> Quantity:
        """
        "About *value*": the number with ``approximate=True``.
        """
        return cls(value, unit=unit, approximate=True)

    @classmethod
    def between(
        cls, lower: Number, upper: Number, *, unit: str | None = None, approximate: bool = False
    ) -> Quantity:
        """
        "Between *lower* and *upper*", both included.
        """
        return cls(lower=lower, upper=upper, unit=unit, approximate=approximate)

    @property
    def bounds(self) -> tuple[Decimal | None, Decimal | None]:
        """
        The least and the most the claim allows; ``None`` where it sets no
        limit. A value is both bounds unless bounds are given; ``approximate``
        does not widen them (how much "about" allows is the analyst's call).
        """
        low = self.lower if self.lower is not None else self.value
        high = self.upper if self.upper is not None else self.value
        return (low, high)

    @property
    def is_exact(self) -> bool:
        """True for one number stated without hedging or bounds."""
        return self.value is not None and self.lower is None and self.upper is None and not self.approximate
