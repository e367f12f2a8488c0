"""
Anchor: what the words of a relative time are relative to.
"""

from __future__ import annotations

from typing import Any, ClassVar, Final

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
    #: The time another claim was made (its ``made_at``), named by its id.
    CLAIM = "claim"
    #: The publication of another source, named by its id.
    SOURCE = "source"


def _kind(value: AnchorKind | str) -> AnchorKind:
    return v.coerce_enum(AnchorKind, value)  # type: ignore[no-any-return]


#: The kinds that name another object, with the field that holds its id.
_TARGETS: Final = {AnchorKind.EVENT: "event", AnchorKind.CLAIM: "claim", AnchorKind.SOURCE: "source"}
#: The tags of derived ids (``claim:<digest>``) that cannot be an event's, and the anchor that fits.
_NOT_EVENTS: Final = {
    "claim:": ("a claim's", "anchor on the time the claim was made with Anchor.to_claim({id!r})"),
    "src:": ("a source's", "anchor on the source's publication with Anchor.to_source({id!r})"),
    "source:": ("a source's", "anchor on the source's publication with Anchor.to_source({id!r})"),
    "actor:": ("an actor's", "anchor on an event the actor took part in"),
}


@attrs.frozen(repr=False)
class Anchor:
    """
    What the words of a relative time are relative to: the publication of
    the claim's source, the claim's ``made_at``, another event, another
    claim's ``made_at``, or another source's publication, by id.

    Its text form is ``"publication"``, ``"made_at"``, ``"event:<id>"``,
    ``"claim:<id>"`` or ``"source:<id>"``.

    Raises:
        InvalidValueError: For an event anchor whose id is tagged as a
            claim's, a source's or an actor's (``claim:...``), naming the
            anchor that fits.

    .. versionadded:: 0.1.0

    """

    kind: AnchorKind = attrs.field(converter=_kind, validator=v.member_of(AnchorKind))
    event: str | None = attrs.field(default=None, validator=v.optional_identifier)
    claim: str | None = attrs.field(default=None, kw_only=True, validator=v.optional_identifier)
    source: str | None = attrs.field(default=None, kw_only=True, validator=v.optional_identifier)

    PUBLICATION: ClassVar[Anchor]
    MADE_AT: ClassVar[Anchor]

    def __attrs_post_init__(self) -> None:
        for kind, name in _TARGETS.items():
            if (self.kind is kind) != (getattr(self, name) is not None):
                v.fail(self, name, f"is needed with kind {kind.value!r}, and only then", getattr(self, name))
        if self.event is not None:
            for tag, (whose, fix) in _NOT_EVENTS.items():
                if self.event.startswith(tag):
                    v.fail(
                        self, "event", f"is {whose} id, not an event's", self.event, fix.format(id=self.event)
                    )

    @property
    def target(self) -> str | None:
        """The id of the event, claim or source anchored on; ``None`` for the others."""
        return self.event or self.claim or self.source

    @classmethod
    def to_event(cls, event: Any) -> Anchor:
        """
        Relative to another event: an :class:`~eventmodel.Event` or its id.

        Raises:
            InvalidValueError: For an id tagged as a claim's, a source's or
                an actor's (``"claim:x"``), naming the anchor that fits.

        """
        return cls(AnchorKind.EVENT, getattr(event, "id", event))

    @classmethod
    def to_claim(cls, claim: Any) -> Anchor:
        """
        Relative to the time another claim was made (its ``made_at``): a
        :class:`~eventmodel.Claim` or its id. "Later Sunday", after a
        confirmation, is anchored on the confirmation.

        .. versionadded:: 0.1.0
        """
        return cls(AnchorKind.CLAIM, claim=getattr(claim, "id", claim))

    @classmethod
    def to_source(cls, source: Any) -> Anchor:
        """
        Relative to the publication of another source: a
        :class:`~eventmodel.Source` or its id. A reprint's "last week" is
        the week of the wire story it copies, not the reprint's.

        .. versionadded:: 0.1.0
        """
        return cls(AnchorKind.SOURCE, source=getattr(source, "id", source))

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """
        Read the text form: ``"publication"``, ``"made_at"``,
        ``"event:<id>"``, ``"claim:<id>"`` or ``"source:<id>"``.

        Raises:
            InvalidValueError: For any other text.

        """
        if not isinstance(text, str):
            raise InvalidTypeError("needs a string", cls="Anchor", field="parse()", value=text)
        if text in ("publication", "made_at"):
            return cls(AnchorKind(text))
        kind, colon, target = text.partition(":")
        if colon and target and kind in ("event", "claim", "source"):
            anchor_kind = AnchorKind(kind)
            if anchor_kind is AnchorKind.EVENT:
                return cls(anchor_kind, target)
            return cls(anchor_kind, **{kind: target})
        raise InvalidValueError(
            "is not an anchor",
            cls="Anchor",
            field="parse()",
            value=text,
            fix="use 'publication', 'made_at', 'event:<event id>', 'claim:<claim id>' or 'source:<source id>'",
        )

    def __str__(self) -> str:
        target = self.target
        return self.kind.value if target is None else f"{self.kind.value}:{target}"

    def __repr__(self) -> str:
        target = self.target
        if target is None:
            return f"Anchor.{self.kind.name}"
        return f"Anchor.to_{self.kind.value}({target!r})"


Anchor.PUBLICATION = Anchor(AnchorKind.PUBLICATION)
Anchor.MADE_AT = Anchor(AnchorKind.MADE_AT)
