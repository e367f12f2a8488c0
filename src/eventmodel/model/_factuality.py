"""
Factuality: how committed a claimant is to what it says (FactBank).
"""

from __future__ import annotations

from typing import ClassVar, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["Certainty", "Factuality", "Polarity"]


class Certainty(v.ModelEnum):
    """
    How sure the claimant is, after FactBank (Saurí and Pustejovsky, 2009).

    .. versionadded:: 0.1.0
    """

    #: ``CT``: it is so ("stated", "confirmed").
    CERTAIN = "CT"
    #: ``PR``: it probably is so ("likely", "reportedly").
    PROBABLE = "PR"
    #: ``PS``: it may be so ("may", "could").
    POSSIBLE = "PS"
    #: ``U``: the claimant does not commit ("it was asked whether").
    UNDERSPECIFIED = "U"


class Polarity(v.ModelEnum):
    """
    Whether the claimant says the content holds or does not hold.

    .. versionadded:: 0.1.0
    """

    POSITIVE = "+"
    NEGATIVE = "-"
    UNDERSPECIFIED = "u"


#: The eight values FactBank uses; other combinations say nothing coherent.
_VALID: Final = frozenset({"CT+", "CT-", "CTu", "PR+", "PR-", "PS+", "PS-", "Uu"})


def _certainty(value: Certainty | str) -> Certainty:
    return v.coerce_enum(Certainty, value)  # type: ignore[no-any-return]


def _polarity(value: Polarity | str) -> Polarity:
    return v.coerce_enum(Polarity, value)  # type: ignore[no-any-return]


@attrs.frozen(repr=False)
class Factuality:
    """
    A claimant's commitment to its content: certainty × polarity, as in
    FactBank. ``str()`` gives the FactBank code and :meth:`parse` reads it.

    ======  ===============================================================
    code    meaning
    ======  ===============================================================
    CT+     certainly so ("said that X happened")
    PR+     probably so ("X likely happened")
    PS+     possibly so ("X may happen")
    CT-     certainly not so ("denied that X happened")
    PR-     probably not so
    PS-     possibly not so ("X may not happen")
    CTu     certain, but the polarity is not known
    Uu      uncommitted ("asked whether X happened")
    ======  ===============================================================

    The other combinations (``PRu``, ``PSu``, ``U+``, ``U-``) are rejected.

    The constants ``Factuality.CT_PLUS``, ``PR_PLUS``, ``PS_PLUS``,
    ``CT_MINUS``, ``PR_MINUS``, ``PS_MINUS``, ``CT_UNDERSPECIFIED`` and
    ``UNCOMMITTED`` name the eight values.

    .. versionadded:: 0.1.0
    """

    certainty: Certainty = attrs.field(converter=_certainty, validator=v.member_of(Certainty))
    polarity: Polarity = attrs.field(converter=_polarity, validator=v.member_of(Polarity))

    CT_PLUS: ClassVar[Factuality]
    PR_PLUS: ClassVar[Factuality]
    PS_PLUS: ClassVar[Factuality]
    CT_MINUS: ClassVar[Factuality]
    PR_MINUS: ClassVar[Factuality]
    PS_MINUS: ClassVar[Factuality]
    CT_UNDERSPECIFIED: ClassVar[Factuality]
    UNCOMMITTED: ClassVar[Factuality]

    def __attrs_post_init__(self) -> None:
        if str(self) not in _VALID:
            v.fail(
                self,
                "polarity",
                f"cannot be {self.polarity.value!r} with certainty {self.certainty.value!r}",
                str(self),
                "use one of FactBank's values: " + ", ".join(sorted(_VALID)),
            )

    @classmethod
    def parse(cls, code: str) -> Factuality:
        """
        Read a FactBank code such as ``"PR+"`` or ``"Uu"``.

        Raises:
            InvalidValueError: For a code that is not one of the eight.

        """
        if not isinstance(code, str):
            raise InvalidTypeError("needs a string", cls="Factuality", field="parse()", value=code)
        try:
            return _BY_CODE[code]
        except KeyError:
            raise InvalidValueError(
                "is not a FactBank factuality value",
                cls="Factuality",
                field="parse()",
                value=code,
                fix="use one of " + ", ".join(sorted(_VALID)),
            ) from None

    @property
    def is_positive(self) -> bool:
        """True when the claimant says the content holds (at any certainty)."""
        return self.polarity is Polarity.POSITIVE

    @property
    def is_negative(self) -> bool:
        """True when the claimant says the content does not hold."""
        return self.polarity is Polarity.NEGATIVE

    def __str__(self) -> str:
        return f"{self.certainty.value}{self.polarity.value}"

    def __repr__(self) -> str:
        return f"Factuality.parse({str(self)!r})"


def _build(code: str) -> Factuality:
    return Factuality(code[:-1], code[-1])


_BY_CODE: Final[dict[str, Factuality]] = {code: _build(code) for code in _VALID}
_CONSTANTS: Final[dict[str, str]] = {
    "CT_PLUS": "CT+",
    "PR_PLUS": "PR+",
    "PS_PLUS": "PS+",
    "CT_MINUS": "CT-",
    "PR_MINUS": "PR-",
    "PS_MINUS": "PS-",
    "CT_UNDERSPECIFIED": "CTu",
    "UNCOMMITTED": "Uu",
}
for _name, _code in _CONSTANTS.items():
    setattr(Factuality, _name, _BY_CODE[_code])
