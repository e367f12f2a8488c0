"""
Relative: a time as words relative to something else, resolved by the grammar.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._repr import compact_repr
from eventmodel.exceptions import InvalidValueError

from ._anchor import Anchor
from ._grammar import WEEK_STARTS, is_known, resolve_relative
from ._when import MAX_RELATIVE_TEXT, Interval, Moment, When

__all__ = ["Relative"]


def _check_resolved(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, (Moment, Interval)):
        v.fail(inst, attribute, "must be a Moment, an Interval or None", value, wrong_type=True)


def _check_anchor(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Anchor):
        v.fail(
            inst,
            attribute,
            "must be an Anchor",
            value,
            "use Anchor.PUBLICATION, Anchor.MADE_AT or Anchor.to_event(id)",
            wrong_type=True,
        )


def _check_week_start(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value.__class__ is not str or value not in WEEK_STARTS:
        v.fail(
            inst,
            attribute,
            "is not a first day of the week eventmodel knows",
            value,
            "use 'monday' (ISO 8601), 'sunday' or 'saturday'",
        )


def _anchor(value: Anchor | str) -> Anchor:
    if isinstance(value, str):
        try:
            return Anchor.parse(value)
        except InvalidValueError:
            return value  # type: ignore[return-value]
    return value


@attrs.frozen(eq=False)
class Relative(When):
    """
    A time as words relative to something else: "on Sunday" (relative to
    the publication of the source), "a day after" (relative to another
    event). It keeps the words as written, what they are relative to, and,
    once resolved, the absolute time they name.

    Resolve it with :meth:`resolve`, giving the anchor's time; the grammar
    of expressions it understands is in :func:`eventmodel.resolve_relative`.

    Args:
        text: The words as the source wrote them.
        anchor: What the words are relative to (an :class:`Anchor`, or its
            text form: ``"publication"``, ``"made_at"``, ``"event:<id>"``,
            ``"claim:<id>"``, ``"source:<id>"``).
        resolved: The absolute time, once known.
        inverse: Whether the words say where the *anchor* lies as seen from
            this time, rather than this time as seen from the anchor: the
            article says Blinken spoke "a day after" Biden's speech, so the
            speech is dated with those words, anchored on Blinken's remarks,
            read backwards. The words stay as written.
        week_start: The day the speaker's weeks begin on, for words such as
            "last week": ``"monday"`` (ISO 8601, the default), ``"sunday"``
            (as in the United States) or ``"saturday"``.

    .. versionadded:: 0.1.0

    """

    text: str = attrs.field(validator=v.text)
    anchor: Anchor = attrs.field(converter=_anchor, validator=_check_anchor)
    resolved: Moment | Interval | None = attrs.field(default=None, kw_only=True, validator=_check_resolved)
    inverse: bool = attrs.field(default=False, kw_only=True, validator=v.boolean)
    week_start: str = attrs.field(default="monday", kw_only=True, validator=_check_week_start)

    __repr__ = compact_repr

    def __attrs_post_init__(self) -> None:
        if len(self.text) > MAX_RELATIVE_TEXT:
            v.fail(self, "text", f"is longer than {MAX_RELATIVE_TEXT} characters", self.text)

    def _key(self) -> tuple[object, ...]:
        return (self.text, self.anchor, self.resolved, self.inverse, self.week_start)

    def __str__(self) -> str:
        resolved = f" = {self.resolved}" if self.resolved is not None else ""
        relation = "said of" if self.inverse else "relative to"
        return f"{self.text!r} {relation} {self.anchor}{resolved}"

    def resolve(self, at: When, *, strict: bool = True) -> Relative:
        """
        Resolve the words against *at*, the time of the anchor: a copy of
        this relative time with ``resolved`` set.

        Args:
            at: The anchor's time.
            strict: With ``False``, words the grammar does not know leave the
                time unresolved (this same object comes back) instead of
                raising; every other error still raises.

        Raises:
            InvalidValueError: For words the grammar does not know (when
                *strict*), or an anchor time that cannot serve.

        """
        if not strict and not is_known(self.text):
            return self
        resolved = resolve_relative(self.text, at, inverse=self.inverse, week_start=self.week_start)
        return attrs.evolve(self, resolved=resolved)

    @property
    def lower(self) -> datetime | None:
        """The resolved time's lower bound; ``None`` until resolved."""
        return None if self.resolved is None else self.resolved.lower

    @property
    def upper(self) -> datetime | None:
        """The resolved time's upper bound; ``None`` until resolved."""
        return None if self.resolved is None else self.resolved.upper
