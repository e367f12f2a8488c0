"""
Event and Proposition: what a claim says.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict
from eventmodel.core._repr import compact_repr
from eventmodel.time._when import When

from . import _fields as f
from ._actor import Actor
from ._ids import AUTO, DIGEST_LENGTH, canonical_json, settle_id
from ._place import Place
from ._quantity import Quantity

__all__ = ["Event", "Link", "Participant", "Proposition"]

_EVENT_KIND: Final = re.compile(r"[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)*")


def _actor_ref(value: Actor | str | None) -> str | None:
    if value is None or type(value) is str:  # an id already, the common case
        return value
    return v.ref_id(value, Actor)  # type: ignore[no-any-return]


def _subject_refs(value: Iterable[object]) -> tuple[str, ...]:
    """Actors, events and claims (any object with an ``id``) become their ids."""
    if type(value) is tuple and not value:  # the default
        return value
    items = v.to_tuple(value)
    if isinstance(items, tuple) and not all(item.__class__ is str for item in items):
        return tuple(_subject_ref(item) for item in items)  # type: ignore[misc]
    return items  # type: ignore[no-any-return]


def _subject_ref(value: object) -> object:
    if isinstance(value, (Actor, Event)) or (
        type(value).__name__ == "Claim" and isinstance(getattr(value, "id", None), str)
    ):
        return value.id  # type: ignore[attr-defined]
    return value


class Link(v.ModelEnum):
    """
    What a :class:`Proposition` about two actors says of them: a relation
    between actors as one claimant holds it, with its own factuality and
    evidence, rather than as the analyst holds it on the :class:`Actor`
    (``aliases``, ``affiliations``).

    .. versionadded:: 0.1.0
    """

    #: The first actor belongs to, works for or acts for the second ("a
    #: group allegedly working for Russia").
    AFFILIATED_WITH = "affiliated-with"
    #: The two are one actor under two names ("the same group", one
    #: outlet's name for a group against another's).
    SAME_AS = "same-as"

    @property
    def symmetric(self) -> bool:
        """Whether the link reads the same both ways (:attr:`SAME_AS`)."""
        return self is Link.SAME_AS

    def proposition_id(self, first: str, second: str) -> str:
        """
        The id a proposition of this link between the actors *first* and
        *second* gets when none is given: ``"proposition:"`` and the first
        32 hexadecimal digits of the SHA-256 of the RFC 8785 form of
        ``{"about": [first, second], "link": <value>}``, the pair sorted
        for a symmetric link. Every claim of one link between two actors is
        thus about one proposition, whatever its words.

        >>> Link.SAME_AS.proposition_id("actor:b", "actor:a") == Link.SAME_AS.proposition_id("actor:a", "actor:b")
        True
        """
        pair = sorted((first, second)) if self.symmetric else [first, second]
        digest = hashlib.sha256(canonical_json({"about": pair, "link": self.value})).hexdigest()
        return f"proposition:{digest[:DIGEST_LENGTH]}"


def _link(value: Link | str | None) -> Link | None:
    if value is None or type(value) is Link:
        return value
    return v.coerce_enum(Link, value)  # type: ignore[no-any-return]


def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    if type(value) is tuple:  # the common case
        return value
    return v.to_tuple(value)  # type: ignore[no-any-return]


def _quantities(value: Mapping[str, Quantity]) -> FrozenDict[str, Quantity]:
    if type(value) is FrozenDict:  # the default, or a mapping already made
        return value
    return v.to_frozen_dict(value)  # type: ignore[no-any-return]


def _details(value: Mapping[str, str]) -> FrozenDict[str, str]:
    if type(value) is FrozenDict:  # the default, or a mapping already made
        return value
    return v.to_frozen_dict(value)  # type: ignore[no-any-return]


@attrs.frozen(repr=False)
class Participant:
    """
    An actor taking part in an event, in a role: ``"agent"`` (who did it),
    ``"target"``, ``"victim"``, ``"speaker"``, or any other role word.

    Args:
        actor: The actor, or its id; ``None`` for someone the source does
            not name ("they were told to stand down", by whom it does not
            say).
        role: The actor's role in the event.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    actor: str | None = attrs.field(converter=_actor_ref, validator=f.Ref("Actor", optional=True))
    role: str = attrs.field(validator=f.Text())
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )


@attrs.frozen(repr=False)
class Event:
    """
    Something that happened, happens or may happen, as one claim describes
    it. An event is only ever known through a :class:`Claim`.

    Its ``id`` names the real-world happening, so that many claims can
    describe the same event, each in its own way (one says 16,600 soldiers,
    another 10,000): give the same id to co-refer. Left out, the id is derived
    from the description.

    Args:
        kind: What happened, as a dotted word from an open vocabulary:
            ``"attack.shelling"``, ``"statement.speech"``, ``"losses"``.
        id: The happening's id.
        when: When it happened.
        where: Where it happened.
        participants: Who took part, in which role.
        description: A short description in the claimant's terms.
        quantities: Numbers claimed, by name (``{"personnel": ...}``).
        details: Other claimed particulars, by name
            (``{"weapon": "Tornado-S MLRS"}``).

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    id: str = attrs.field(default=AUTO, kw_only=True, validator=f.Id())
    kind: str = attrs.field(
        validator=f.Pattern(
            _EVENT_KIND, "must be lowercase dotted words", "write it like 'attack.shelling' or 'losses'"
        )
    )
    when: When | None = attrs.field(default=None, kw_only=True, validator=f.Instance(When, "a When"))
    where: Place | None = attrs.field(default=None, kw_only=True, validator=f.Instance(Place, "a Place"))
    participants: tuple[Participant, ...] = attrs.field(
        default=(), kw_only=True, converter=_participants, validator=f.TupleOf(Participant, "Participants")
    )
    description: str | None = attrs.field(default=None, kw_only=True, validator=f.Text(optional=True))
    quantities: FrozenDict[str, Quantity] = attrs.field(
        default=EMPTY, kw_only=True, converter=_quantities, validator=f.MappingOf(Quantity, "Quantity")
    )
    details: FrozenDict[str, str] = attrs.field(
        default=EMPTY,
        kw_only=True,
        converter=_details,
        validator=f.MappingOf(str, "string", empty=True),
    )
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    __attrs_post_init__ = settle_id  # derives the id when none was given


@attrs.frozen(repr=False)
class Proposition:
    """
    Content of a claim that is not an event: a state of affairs, an
    intention, a judgement ("the U.S. is not seeking regime change").

    Args:
        text: The proposition in words.
        id: Names the proposition so that claims can agree or disagree about
            the same one; unlike an event's, it is not derived when left
            out, except for a link.
        about: What it is about: actors, events and claims, or their ids.
            A judgement of an event ("the worst hacking case in the
            history of America") is a proposition about the event.
        quantities: Numbers it states, by name ("share of Luhansk held": 93).
        when: When it holds: "as things stand" (the time of the claim),
            "Russians were struggling" (a period). Relative times are
            anchored and resolved as an event's are, and time queries find
            it. Leave it out for what holds at no time in particular.
        link: That the two actors in *about* are affiliated (the first
            with the second) or are one actor (a :class:`Link` or its
            value): an affiliation or identity as a claimant holds it, with
            the claim's factuality and evidence. Left without an id, the
            proposition gets one derived from the link and the two actors
            (:meth:`Link.proposition_id`), so that every claim of the link
            is about one proposition: corroborated, and compared by
            ``conflicts()``, together.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    text: str = attrs.field(validator=f.Text())
    id: str | None = attrs.field(default=None, kw_only=True, validator=f.OptionalId())
    when: When | None = attrs.field(default=None, kw_only=True, validator=f.Instance(When, "a When"))
    about: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_subject_refs, validator=f.Refs("Actor, Event or Claim")
    )
    quantities: FrozenDict[str, Quantity] = attrs.field(
        default=EMPTY, kw_only=True, converter=_quantities, validator=f.MappingOf(Quantity, "Quantity")
    )
    link: Link | None = attrs.field(
        default=None, kw_only=True, converter=_link, validator=f.Member(Link, optional=True)
    )
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    def __attrs_post_init__(self) -> None:
        if self.link is None:
            return
        if len(self.about) != 2 or self.about[0] == self.about[1]:
            v.fail(
                self,
                "about",
                f"must name two different actors for a link ({self.link.value}), not {len(self.about)}"
                if len(self.about) != 2
                else f"must name two different actors for a link ({self.link.value}), not one twice",
                self.about,
                "give the first actor and the one it is linked to, as about=[first, second]",
            )
        if self.id is None:
            object.__setattr__(self, "id", self.link.proposition_id(self.about[0], self.about[1]))
