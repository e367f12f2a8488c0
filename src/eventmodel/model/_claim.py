"""
Claim: "X says Y".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict
from eventmodel.core._repr import compact_repr
from eventmodel.time._when import When

from . import _fields as f
from ._actor import Actor
from ._confidence import Confidence
from ._event import Event, Proposition
from ._evidence import Evidence
from ._factuality import Factuality
from ._ids import AUTO, settle_id

__all__ = ["MAX_CLAIM_DEPTH", "Claim", "ClaimRelation", "Mood", "SpeechAct"]

#: How deeply claims may nest (reported speech within reported speech).
MAX_CLAIM_DEPTH: Final = 50


class SpeechAct(v.ModelEnum):
    """
    What a claimant does in saying something.

    .. versionadded:: 0.1.0
    """

    STATES = "states"
    REPORTS = "reports"
    CLAIMS = "claims"
    ALLEGES = "alleges"
    ACCUSES = "accuses"
    DENIES = "denies"
    CONFIRMS = "confirms"
    ANNOUNCES = "announces"
    WARNS = "warns"
    THREATENS = "threatens"
    PREDICTS = "predicts"
    ESTIMATES = "estimates"
    INTERPRETS = "interprets"
    QUOTES = "quotes"
    SHOWS = "shows"
    ASKS = "asks"


class ClaimRelation(v.ModelEnum):
    """
    How a claim stands to another claim it is *regarding*: what Blinken says
    Biden's point was interprets what Biden said.

    .. versionadded:: 0.1.0
    """

    #: Says what the other claim meant.
    INTERPRETS = "interprets"
    #: Gives the other claim in other words.
    PARAPHRASES = "paraphrases"
    #: Gives the other claim's own words.
    QUOTES = "quotes"
    #: Answers the other claim: a denial, a rebuttal, a confirmation.
    RESPONDS_TO = "responds-to"


class Mood(v.ModelEnum):
    """
    Whether a speech act was performed: a claim is *asserted* (made) unless
    the source says it was only planned, prepared and withheld, or spoken of
    as what someone would say. An unrealised claim is not the would-be
    speaker's word: it stays out of their perspective and of corroboration.

    .. versionadded:: 0.1.0
    """

    #: Said: the claimant made the claim.
    ASSERTED = "asserted"
    #: Meant to be said, and not (yet) said: "had been prepared to put out a statement".
    PLANNED = "planned"
    #: Prepared, then held back: "were told to stand down".
    WITHHELD = "withheld"
    #: What the claimant would say, or would have said, if ...
    HYPOTHETICAL = "hypothetical"

    @property
    def realised(self) -> bool:
        """Whether the claim was made (only :attr:`ASSERTED` ones were)."""
        return self is Mood.ASSERTED


#: The relations whose claim puts words in another's mouth rather than relaying them.
ATTRIBUTING: Final = frozenset({ClaimRelation.INTERPRETS, ClaimRelation.PARAPHRASES})


def _relation(value: ClaimRelation | str | None) -> ClaimRelation | None:
    if value is None or type(value) is ClaimRelation:
        return value
    return v.coerce_enum(ClaimRelation, value)  # type: ignore[no-any-return]


def _mood(value: Mood | str) -> Mood:
    if type(value) is Mood:
        return value
    return v.coerce_enum(Mood, value)  # type: ignore[no-any-return]


def _claim_ref(value: Claim | str | None) -> str | None:
    if value is None or type(value) is str:  # an id already, the common case
        return value
    return v.ref_id(value, Claim)  # type: ignore[no-any-return]


def _speech_act(value: SpeechAct | str) -> SpeechAct:
    if type(value) is SpeechAct:
        return value
    return v.coerce_enum(SpeechAct, value)  # type: ignore[no-any-return]


def _factuality(value: Factuality | str) -> Factuality:
    if type(value) is Factuality:
        return value
    if isinstance(value, str):
        try:
            return Factuality.parse(value)
        except ValueError:
            return value  # type: ignore[return-value]
    return value


def _actor_ref(value: Actor | str | None) -> str | None:
    if value is None or type(value) is str:  # an id already, the common case
        return value
    return v.ref_id(value, Actor)  # type: ignore[no-any-return]


def _event_ref(value: Event | str | None) -> str | None:
    if value is None or type(value) is str:  # an id already, the common case
        return value
    return v.ref_id(value, Event)  # type: ignore[no-any-return]


def _claim_refs(value: Iterable[Claim | str]) -> tuple[str, ...]:
    if type(value) is tuple and not value:  # the default
        return value
    return v.to_ref_tuple(value, Claim)  # type: ignore[no-any-return]


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    if type(value) is tuple:  # the common case
        return value
    return v.to_tuple(value)  # type: ignore[no-any-return]


@attrs.frozen(repr=False)
class Claim:
    """
    "X says Y": a claimant, what it says, and how.

    The content is an :class:`Event`, a :class:`Proposition`, or another
    ``Claim``: a nested claim is reported speech (the article says that
    Blinken said that Biden meant ...). Claims nest at most
    ``MAX_CLAIM_DEPTH`` (50) deep.

    Args:
        claimant: Who says it: an actor or its id, or ``None`` for "it was
            reported".
        content: What is said.
        id: A stable id; derived from the content when left out.
        speech_act: What the claimant does in saying it (states, denies, ...).
        factuality: How committed the claimant is (``"CT+"``, ``"PR+"``,
            ``"CT-"``, ...); certain and positive by default.
        confidence: How likely the analyst judges it to be true.
        made_at: When the claimant said it.
        evidence: Where it was seen: quotes and spans in sources.
        setting: The event in which it was said (a speech, a press
            conference), or its id.
        supersedes: Earlier claims it replaces, or their ids.
        retracts: Earlier claims it withdraws, or their ids.
        regarding: Another claim this one interprets, paraphrases, quotes
            or responds to (the claim or its id), with *relation* saying
            which: Blinken's account of Biden's point, regarding Biden's own
            words.
        relation: How this claim stands to the one it is *regarding*.
        mood: Whether the claim was made (asserted, the default) or only
            planned, withheld, or hypothetical.
        role_of: A participant of the event the claim is about (the actor
            or its id): the claim then asserts or denies that actor's role
            in the event ("denies any role in the attacks"), not the event
            itself.

    Raises:
        InvalidValueError: For content that is not an Event, Proposition or
            Claim, or nesting deeper than ``MAX_CLAIM_DEPTH``.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    id: str = attrs.field(default=AUTO, kw_only=True, validator=f.Id())
    claimant: str | None = attrs.field(converter=_actor_ref, validator=f.Ref("Actor", optional=True))
    content: Event | Claim | Proposition = attrs.field(
        validator=f.ClaimContent((Event, Proposition), lambda: Claim, MAX_CLAIM_DEPTH)
    )
    speech_act: SpeechAct = attrs.field(
        default=SpeechAct.STATES, kw_only=True, converter=_speech_act, validator=f.Member(SpeechAct)
    )
    factuality: Factuality = attrs.field(
        default=Factuality.CT_PLUS, kw_only=True, converter=_factuality, validator=f.FactualityCode()
    )
    confidence: Confidence | None = attrs.field(
        default=None, kw_only=True, validator=f.Instance(Confidence, "a Confidence")
    )
    made_at: When | None = attrs.field(default=None, kw_only=True, validator=f.Instance(When, "a When"))
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), kw_only=True, converter=_evidence, validator=f.TupleOf(Evidence, "Evidence")
    )
    setting: str | None = attrs.field(
        default=None, kw_only=True, converter=_event_ref, validator=f.Ref("Event", optional=True)
    )
    supersedes: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_claim_refs, validator=f.Refs("Claim")
    )
    retracts: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_claim_refs, validator=f.Refs("Claim")
    )
    regarding: str | None = attrs.field(
        default=None, kw_only=True, converter=_claim_ref, validator=f.Ref("Claim", optional=True)
    )
    relation: ClaimRelation | None = attrs.field(
        default=None, kw_only=True, converter=_relation, validator=f.Member(ClaimRelation, optional=True)
    )
    mood: Mood = attrs.field(default=Mood.ASSERTED, kw_only=True, converter=_mood, validator=f.Member(Mood))
    role_of: str | None = attrs.field(
        default=None, kw_only=True, converter=_actor_ref, validator=f.Ref("Actor", optional=True)
    )
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    def __attrs_post_init__(self) -> None:
        if (self.regarding is None) != (self.relation is None):
            missing = "relation" if self.relation is None else "regarding"
            v.fail(
                self,
                missing,
                "is needed with "
                + ("regarding, and only then" if missing == "relation" else "relation, and only then"),
                getattr(self, missing),
                "give both the claim it is regarding and how it stands to it, or neither",
            )
        if self.role_of is not None and not (
            isinstance(self.content, Event)
            and any(participant.actor == self.role_of for participant in self.content.participants)
        ):
            v.fail(
                self,
                "role_of",
                "must be a participant of the event the claim is about",
                self.role_of,
                "name the actor among the event's participants, in the role the claim asserts or denies",
            )
        settle_id(self)

    @property
    def depth(self) -> int:
        """How many claims deep this one goes: 1 when its content is not a claim."""
        depth = 1
        content = self.content
        while isinstance(content, Claim):
            depth += 1
            content = content.content
        return depth
