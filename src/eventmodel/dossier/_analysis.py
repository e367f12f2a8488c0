"""
Attribution analyses: chains of reported speech, origins, independent
corroboration, conflicts, and what one actor asserts.

Everything here is computed from the attribution structure of a dossier and
never stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import attrs

from eventmodel.model._claim import ATTRIBUTING, Claim, SpeechAct
from eventmodel.model._event import Event, Proposition
from eventmodel.model._evidence import Evidence
from eventmodel.model._factuality import Certainty, Factuality, Polarity
from eventmodel.model._quantity import Quantity
from eventmodel.time._when import When

__all__ = [
    "Conflict",
    "Corroboration",
    "Hop",
    "Origin",
    "Relay",
    "Statement",
    "compose_factuality",
    "hops_of",
    "innermost",
    "quantities_conflict",
    "walk",
]

_STRENGTH: Final = {
    Certainty.CERTAIN: 3,
    Certainty.PROBABLE: 2,
    Certainty.POSSIBLE: 1,
    Certainty.UNDERSPECIFIED: 0,
}


def compose_factuality(outer: Factuality, inner: Factuality) -> Factuality:
    """
    The factuality of a claim's content as seen from the claim that reports
    it: what an outlet commits to when it relays a ministry's "may".

    - A report that does not positively commit to the report it carries (it
      denies it, or its polarity is unknown) commits to nothing about the
      content: ``Uu``.
    - Otherwise the certainty is the weaker of the two (a "may" relayed with
      certainty is still a "may"; a certainty relayed as probable is
      probable), and the polarity is the inner one.
    - An uncommitted step anywhere (``Uu``) leaves the whole uncommitted.

    .. versionadded:: 0.1.0
    """
    if outer.polarity is not Polarity.POSITIVE or outer.certainty is Certainty.UNDERSPECIFIED:
        return Factuality.UNCOMMITTED
    if inner.certainty is Certainty.UNDERSPECIFIED:
        return Factuality.UNCOMMITTED
    certainty = min(outer.certainty, inner.certainty, key=_STRENGTH.__getitem__)
    if inner.polarity is Polarity.UNDERSPECIFIED:
        return (
            Factuality(certainty, Polarity.UNDERSPECIFIED)
            if certainty is Certainty.CERTAIN
            else Factuality.UNCOMMITTED
        )
    return Factuality(certainty, inner.polarity)


@attrs.frozen
class Hop:
    """
    One step of a chain of reported speech: who says, how, how surely, when,
    and on what evidence.

    Attributes:
        claim: The claim at this step.
        claimant: Its claimant's id, or ``None`` ("it was reported").
        speech_act: What the claimant does in saying it.
        factuality: The claimant's own commitment.
        composed: The commitment to the final content as seen from the
            outermost reporter down to this step (see
            :func:`compose_factuality`).
        made_at: When it was said.
        evidence: Where it was seen.
        depth: 1 for the outermost claim.

    .. versionadded:: 0.1.0

    """

    claim: Claim
    claimant: str | None
    speech_act: SpeechAct
    factuality: Factuality
    composed: Factuality
    made_at: When | None
    evidence: tuple[Evidence, ...]
    depth: int


def hops_of(claim: Claim) -> list[Hop]:
    """The chain of *claim*, from the outermost reporter to the original speaker."""
    hops: list[Hop] = []
    composed: Factuality | None = None
    current: Claim | Event | Proposition = claim
    depth = 1
    while isinstance(current, Claim):
        composed = (
            current.factuality if composed is None else compose_factuality(composed, current.factuality)
        )
        hops.append(
            Hop(
                claim=current,
                claimant=current.claimant,
                speech_act=current.speech_act,
                factuality=current.factuality,
                composed=composed,
                made_at=current.made_at,
                evidence=current.evidence,
                depth=depth,
            )
        )
        current = current.content
        depth += 1
    return hops


def walk(claim: Claim) -> Iterator[tuple[Claim, int]]:
    """Every claim in the nesting of *claim*, with its depth, outermost first."""
    current: Claim | Event | Proposition = claim
    depth = 1
    while isinstance(current, Claim):
        yield current, depth
        current = current.content
        depth += 1


def innermost(claim: Claim) -> Claim:
    """The innermost claim of *claim*: what the original speaker said."""
    while isinstance(claim.content, Claim):
        claim = claim.content
    return claim


@attrs.frozen
class Statement:
    """
    A claim found in a dossier, with the top-level claim that carries it and
    the chain down to it.

    Attributes:
        claim: The claim, at any depth.
        report: The top-level claim that carries it (itself at depth 1).
        hops: The chain from the report down to the claim.
        composed: The commitment to the claim's content as seen from the
            outermost reporter.

    .. versionadded:: 0.1.0

    """

    claim: Claim
    report: Claim
    hops: tuple[Hop, ...]
    composed: Factuality

    @property
    def depth(self) -> int:
        """How deep the claim is nested: 1 for a top-level claim."""
        return len(self.hops)

    @property
    def attributed_by(self) -> str | None:
        """
        Who puts these words in the claimant's mouth, when someone does: the
        claimant of the nearest claim above this one that interprets or
        paraphrases (by its speech act ``interprets``, or by its relation to
        the claim it is regarding). ``None`` for the claimant's own words, as
        relayed by reports and quotes. Blinken's account of Biden's point is
        attributed by Blinken; the outlet's report of Biden's speech is not.

        .. versionadded:: 0.1.0
        """
        for hop in reversed(self.hops[:-1]):
            claim = hop.claim
            if claim.speech_act is SpeechAct.INTERPRETS or claim.relation in ATTRIBUTING:
                return claim.claimant if claim.claimant is not None else ""
        return None

    @property
    def own_words(self) -> bool:
        """Whether this is the claimant's own assertion, not another's account of it (see :attr:`attributed_by`)."""
        return self.attributed_by is None


def realised(statement: Statement) -> bool:
    """
    Whether the statement's claim was made and relayed: neither it nor a
    claim that carries it is planned, withheld or hypothetical.
    """
    return all(hop.claim.mood.realised for hop in statement.hops)


@attrs.frozen
class Relay:
    """
    How one report carries its origin: through whom it was said, and which
    sources' text it carries.

    Two outlets that each relay what one newspaper said have the same
    ``speakers`` path and no ``copied_from``: they read it independently.
    Two pages that reprint one wire have ``copied_from`` naming the wire.

    Attributes:
        report: The top-level claim.
        speakers: The claimants from the report down to the claim about the
            event or proposition, outermost first (``None`` where a claim is
            unattributed).
        sources: The sources of the report's evidence.
        copied_from: The sources whose text those sources carry: the ones
            they derive from as a reprint, translation or summary (directly
            or not, nearest first), and, when near copies were asked for,
            the sources whose texts are near copies of theirs.

    .. versionadded:: 0.1.0

    """

    report: Claim
    speakers: tuple[str | None, ...]
    sources: tuple[str, ...]
    copied_from: tuple[str, ...]

    @property
    def copied(self) -> bool:
        """Whether the report's source carries another source's text."""
        return bool(self.copied_from)


@attrs.frozen
class Origin:
    """
    One independent origin of the reports about an event or proposition:
    the reports that :meth:`Dossier.corroboration` found to share it.

    Attributes:
        claimant: The original speaker's id (``None`` for unattributed
            reports: each is an origin of its own unless its source derives
            from the source of another report, which it then echoes).
        reports: The top-level claims that trace back to it.
        circular: True when more than one report traces back to it: they
            echo one another, and count as one.
        why: How the reports were found to share the origin.
        relays: How each report carries it, in the order of ``reports``.

    .. versionadded:: 0.1.0

    """

    claimant: str | None
    reports: tuple[Claim, ...]
    circular: bool
    why: tuple[str, ...]
    relays: tuple[Relay, ...] = ()


@attrs.frozen
class Corroboration:
    """
    The claims that describe one event or proposition, grouped by
    independent origin.

    Attributes:
        event_id: The event's or proposition's id.
        reports: Every top-level claim that describes it, at any depth.
        origins: The independent origins, largest first.

    .. versionadded:: 0.1.0

    """

    event_id: str
    reports: tuple[Claim, ...]
    origins: tuple[Origin, ...]

    @property
    def raw_count(self) -> int:
        """How many reports describe the event."""
        return len(self.reports)

    @property
    def independent_count(self) -> int:
        """How many independent origins back it."""
        return len(self.origins)

    @property
    def circular(self) -> bool:
        """Whether some reports echo one another (circular reporting)."""
        return any(origin.circular for origin in self.origins)

    @property
    def relays(self) -> tuple[Relay, ...]:
        """How every report carries its origin, origin by origin."""
        return tuple(relay for origin in self.origins for relay in origin.relays)


@attrs.frozen
class Conflict:
    """
    Two claims that cannot both hold: about the same event or proposition,
    with opposite polarity, quantities with disjoint bounds, times that
    cannot meet, event kinds whose first word differs, places in different
    countries, or one actor as the doer in one and the one done to in the
    other. A claim about one participant's role (``role_of``) conflicts only
    with claims that name that participant in that role, with the opposite
    polarity; a claim that denies another claim conflicts with the claims of
    that content (the claim itself, and its claimant's claims about the same
    event or proposition). Claims of one link between two actors
    (``Proposition.link``: an affiliation,
    or that they are the same) conflict by polarity, unless the times they
    give cannot meet: a link may hold at one time and not at another.

    Attributes:
        first: One claim (as found in the dossier).
        second: The other.
        subject: The event or proposition id they are about (for a denied
            claim about a proposition with no id, the id of the claim denied).
        field: What they disagree on: ``"polarity"``, ``"quantities.<name>"``,
            ``"when"``, ``"kind"``, ``"where.country"``, ``"participants"``,
            ``"role"`` (a participant's role) or ``"claim"`` (one denies
            what the other claims).
        reason: The disagreement in words.

    .. versionadded:: 0.1.0

    """

    first: Statement
    second: Statement
    subject: str
    field: str
    reason: str


def quantities_conflict(first: Quantity, second: Quantity) -> bool:
    """Whether two claimed quantities have disjoint bounds (and the same unit)."""
    if first.unit != second.unit and first.unit is not None and second.unit is not None:
        return False
    low_a, high_a = first.bounds
    low_b, high_b = second.bounds
    if high_a is not None and low_b is not None and high_a < low_b:
        return True
    return high_b is not None and low_a is not None and high_b < low_a
