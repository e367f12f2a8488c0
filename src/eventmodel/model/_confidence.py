"""
Confidence in a claim, and the reliability of a source: the scales analysts use.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict
from eventmodel.exceptions import InvalidTypeError, InvalidValueError

from . import _fields as f

__all__ = ["ADMIRALTY_CREDIBILITY", "ESTIMATIVE_WORDS", "Confidence", "ConfidenceScale", "Reliability"]


class Reliability(v.ModelEnum):
    """
    How reliable a source has been, on the Admiralty (NATO) scale A–F.

    .. versionadded:: 0.1.0
    """

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def meaning(self) -> str:
        """The grade's standard meaning, such as ``"usually reliable"``."""
        return _RELIABILITY_MEANINGS[self]


_RELIABILITY_MEANINGS: Final = {
    Reliability.A: "completely reliable",
    Reliability.B: "usually reliable",
    Reliability.C: "fairly reliable",
    Reliability.D: "not usually reliable",
    Reliability.E: "unreliable",
    Reliability.F: "reliability cannot be judged",
}


class ConfidenceScale(v.ModelEnum):
    """
    The scale a :class:`Confidence` was first given on.

    .. versionadded:: 0.1.0
    """

    #: A number of percent, 0–100.
    PERCENT = "percent"
    #: Admiralty (NATO) information credibility, 1–6.
    ADMIRALTY = "admiralty"
    #: Words of estimative probability (US ICD 203): "likely", "almost certain".
    WORDS = "words"


#: Admiralty credibility grade → (meaning, percent it stands for, lowest and
#: highest percent that map back to it). Grade 6 has no number.
ADMIRALTY_CREDIBILITY: Final[dict[int, tuple[str, int | None, int, int]]] = {
    1: ("confirmed by other sources", 95, 90, 100),
    2: ("probably true", 75, 65, 89),
    3: ("possibly true", 50, 40, 64),
    4: ("doubtful", 30, 20, 39),
    5: ("improbable", 10, 0, 19),
    6: ("truth cannot be judged", None, 0, 100),
}

#: Words of estimative probability (ICD 203, 2015) → (percent they stand for,
#: lowest and highest percent that map back to them). Each row's two terms are
#: synonyms; the first is the one :meth:`Confidence.to_words` gives.
ESTIMATIVE_WORDS: Final[dict[str, tuple[int, int, int]]] = {
    "almost no chance": (3, 0, 5),
    "remote": (3, 0, 5),
    "very unlikely": (12, 6, 20),
    "highly improbable": (12, 6, 20),
    "unlikely": (32, 21, 44),
    "improbable": (32, 21, 44),
    "roughly even chance": (50, 45, 55),
    "roughly even odds": (50, 45, 55),
    "likely": (68, 56, 79),
    "probable": (68, 56, 79),
    "very likely": (88, 80, 94),
    "highly probable": (88, 80, 94),
    "almost certain": (97, 95, 100),
    "nearly certain": (97, 95, 100),
}
_PRIMARY_WORDS: Final = tuple(word for index, word in enumerate(ESTIMATIVE_WORDS) if index % 2 == 0)


def _scale(value: ConfidenceScale | str) -> ConfidenceScale:
    return v.coerce_enum(ConfidenceScale, value)  # type: ignore[no-any-return]


def _label(value: str | int | None) -> str | None:
    return _normalise_label(value)  # type: ignore[no-any-return]


def _is_grade(label: object) -> bool:
    return isinstance(label, str) and label.isascii() and label.isdigit()


def _normalise_label(value: object) -> Any:
    """``2`` and ``" 02 "`` become ``"2"``; words are stripped and lowercased."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**6:
        return str(value)
    if isinstance(value, str):
        label = value.strip().lower()
        if _is_grade(label) and len(label) < 7:
            return str(int(label))
        return label
    return value


_PERCENT: Final = v.whole_number(0, 100)


def _percent(value: int | None) -> int | None:
    return value


@attrs.frozen(repr=False)
class Confidence:
    """
    How likely something is to be true, 0–100, remembering the scale and the
    label it was first given in, so that it converts back without loss.

    Build it from the scale you have::

        Confidence(70)                    # 70 percent
        Confidence.from_admiralty(2)      # "probably true": 75, label "2"
        Confidence.from_words("likely")   # 68, label "likely"
        Confidence.from_admiralty(6)      # "truth cannot be judged": no number

    Args:
        value: Percent, 0–100; ``None`` only for Admiralty grade 6.
        scale: The scale it was given on.
        label: The grade or words it was given as ("2", "likely"); ``None``
            on the percent scale.

    Raises:
        InvalidValueError: For a number out of range, an unknown label, or a
            number that does not fall in its label's band.

    .. versionadded:: 0.1.0

    """

    value: int | None = attrs.field(converter=_percent, validator=f.Percent())
    scale: ConfidenceScale = attrs.field(
        default=ConfidenceScale.PERCENT,
        kw_only=True,
        converter=_scale,
        validator=f.Member(ConfidenceScale),
    )
    label: str | None = attrs.field(default=None, kw_only=True, converter=_label, validator=f.Label())
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    def __attrs_post_init__(self) -> None:
        scale, label, value = self.scale, self.label, self.value
        if scale is ConfidenceScale.PERCENT:
            if label is not None:
                v.fail(
                    self,
                    "label",
                    "must be None on the percent scale",
                    label,
                    "use scale='admiralty' or 'words'",
                )
            if value is None:
                v.fail(
                    self,
                    "value",
                    "must be a number on the percent scale",
                    value,
                    "use Confidence.from_admiralty(6) when the truth cannot be judged",
                )
            return
        if scale is ConfidenceScale.ADMIRALTY:
            grade = int(label) if label is not None and _is_grade(label) else None
            if grade not in ADMIRALTY_CREDIBILITY:
                v.fail(self, "label", "must be an Admiralty credibility grade from '1' to '6'", label)
            assert grade is not None
            _, _, low, high = ADMIRALTY_CREDIBILITY[grade]
            if grade == 6:
                if value is not None:
                    v.fail(self, "value", "must be None for grade 6 (truth cannot be judged)", value)
                return
            band = f"{low} to {high}"
        else:
            if label not in ESTIMATIVE_WORDS:
                v.fail(
                    self,
                    "label",
                    "must be words of estimative probability",
                    label,
                    "use one of " + ", ".join(repr(word) for word in ESTIMATIVE_WORDS),
                )
            assert label is not None
            _, low, high = ESTIMATIVE_WORDS[label]
            band = f"{low} to {high}"
        if value is None or not low <= value <= high:
            v.fail(self, "value", f"must be from {band} for the label {label!r}", value)

    def __repr__(self) -> str:
        if self.scale is ConfidenceScale.PERCENT:
            return f"Confidence({self.value!r})"
        if self.scale is ConfidenceScale.ADMIRALTY:
            if self == Confidence.from_admiralty(str(self.label)):
                return f"Confidence.from_admiralty({self.label})"
        elif self == Confidence.from_words(str(self.label)):
            return f"Confidence.from_words({self.label!r})"
        return f"Confidence({self.value!r}, scale={self.scale!r}, label={self.label!r})"

    @classmethod
    def from_admiralty(cls, grade: int | str) -> Confidence:
        """
        From an Admiralty credibility grade, 1 (confirmed) to 6 (truth cannot
        be judged); see :data:`ADMIRALTY_CREDIBILITY` for the numbers.

        Raises:
            InvalidValueError: For a grade outside 1–6.

        """
        label = _normalise_label(grade)
        grade_number = int(label) if isinstance(label, str) and _is_grade(label) else None
        wrong_type = isinstance(grade, bool) or not isinstance(grade, (int, str))
        if wrong_type or grade_number not in ADMIRALTY_CREDIBILITY:
            kind = InvalidTypeError if wrong_type else InvalidValueError
            raise kind(
                "must be an Admiralty credibility grade from 1 to 6",
                cls="Confidence",
                field="from_admiralty()",
                value=grade,
            )
        assert grade_number is not None
        return cls(ADMIRALTY_CREDIBILITY[grade_number][1], scale=ConfidenceScale.ADMIRALTY, label=label)

    @classmethod
    def from_words(cls, words: str) -> Confidence:
        """
        From words of estimative probability ("likely", "almost certain");
        see :data:`ESTIMATIVE_WORDS` for the terms and their numbers.

        Raises:
            InvalidValueError: For words not on the scale.

        """
        if not isinstance(words, str):
            raise InvalidTypeError("needs a string", cls="Confidence", field="from_words()", value=words)
        label = _label(words)
        if label not in ESTIMATIVE_WORDS:
            raise InvalidValueError(
                "are not words of estimative probability",
                cls="Confidence",
                field="from_words()",
                value=words,
                fix="use one of " + ", ".join(repr(word) for word in ESTIMATIVE_WORDS),
            )
        return cls(ESTIMATIVE_WORDS[label][0], scale=ConfidenceScale.WORDS, label=label)

    @classmethod
    def cannot_be_judged(cls) -> Confidence:
        """Admiralty grade 6: a confidence with no number."""
        return cls.from_admiralty(6)

    def to_admiralty(self) -> int:
        """
        The Admiralty credibility grade, 1–6: the grade given, or the one whose
        band holds the number.
        """
        if self.scale is ConfidenceScale.ADMIRALTY:
            assert self.label is not None
            return int(self.label)
        assert self.value is not None
        return next(
            grade
            for grade, (_, _, low, high) in ADMIRALTY_CREDIBILITY.items()
            if grade != 6 and low <= self.value <= high
        )

    def to_words(self) -> str | None:
        """
        Words of estimative probability: the words given, or those whose band
        holds the number; ``None`` when there is no number.
        """
        if self.scale is ConfidenceScale.WORDS:
            return self.label
        if self.value is None:
            return None
        return next(
            word
            for word in _PRIMARY_WORDS
            if ESTIMATIVE_WORDS[word][1] <= self.value <= ESTIMATIVE_WORDS[word][2]
        )
