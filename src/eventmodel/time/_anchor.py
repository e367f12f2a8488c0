"""
Anchor: what the words of a relative time are relative to.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from eventmodel.core import _validation as v
from eventmodel.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["Anchor", "AnchorKind"]


class AnchorKind(v.ModelEnum):
    """
    What a :class:`~eventmodel.Relative` time is relative to.

    .. versionadded:: 0.1.0
    """

    #: The publication of the source that carries the claim.
    PUBLICATION = "publication"
    #: The time the claim was made (its ``made_at``).
    MADE_AT = "made_at"
    #: Another event, named by its id.
    EVENT = "event"


def _kind(value: AnchorKind | str) -> AnchorKind:
    return v.coerce_enum(AnchorKind, value)  # type: ignore[no-any-return]


@attrs.frozen(repr=False)
class Anchor:
    """
    What the words of a relative time are relative to: the publication of
    the claim's source, the claim's ``made_at``, or an event by id.

    Its text form is ``"publication"``, ``"made_at"`` or ``"event:<id>"``.

    .. versionadded:: 0.1.0
    """

    kind: AnchorKind = attrs.field(converter=_kind, validator=v.member_of(AnchorKind))
    event: str | None = attrs.field(default=None, validator=v.optional_identifier)

    PUBLICATION: ClassVar[Anchor]
    MADE_AT: ClassVar[Anchor]

    def __attrs_post_init__(self) -> None:
        if (self.kind is AnchorKind.EVENT) != (self.event is not None):
            v.fail(self, "event", "is needed with kind 'event', and only then", self.event)

    @classmethod
    def to_event(cls, event: Any) -> Anchor:
        """Relative to another event: an :class:`~eventmodel.Event` or its id."""
        return cls(AnchorKind.EVENT, getattr(event, "id", event))

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """
        Read the text form: ``"publication"``, ``"made_at"`` or ``"event:<id>"``.

        Raises:
            InvalidValueError: For any other text.

        """
        if not isinstance(text, str):
            raise InvalidTypeError("needs a string", cls="Anchor", field="parse()", value=text)
        if text in ("publication", "made_at"):
            return cls(AnchorKind(text))
        if text.startswith("event:") and len(text) > len("event:"):
            return cls(AnchorKind.EVENT, text[len("event:") :])
        raise InvalidValueError(
            "is not an anchor",
            cls="Anchor",
            field="parse()",
            value=text,
            fix="use 'publication', 'made_at' or 'event:<event id>'",
        )

    def __str__(self) -> str:
        return f"event:{self.event}" if self.kind is AnchorKind.EVENT else self.kind.value

    def __repr__(self) -> str:
        if self.kind is AnchorKind.EVENT:
            return f"Anchor.to_event({self.event!r})"
        return f"Anchor.{self.kind.name}"


Anchor.PUBLICATION = Anchor(AnchorKind.PUBLICATION)
Anchor.MADE_AT = Anchor(AnchorKind.MADE_AT)
