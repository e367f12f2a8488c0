"""
Dossier: a collection of actors, sources and claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from eventmodel.core._frozen import FrozenDict
from eventmodel.core._gc import collector_paused
from eventmodel.core._validation import (
    CUSTOM_MEMBER_FIX,
    custom_member_problem,
    has_lone_surrogate,
    json_problem,
    to_extras,
)
from eventmodel.exceptions import InvalidTypeError, InvalidValueError, UnresolvedReferenceError
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition
from eventmodel.model._source import Source
from eventmodel.time._relative import Relative
from eventmodel.time._when import When

from ._analysis import hops_of, innermost, realised
from ._copies import NearCopy, check_threshold, find_near_copies
from ._html import dossier_html
from ._index import Index as _Index
from ._index import corroborate, find_conflicts
from ._provenance import DEFAULT_RULES, Report, Rule, Severity, Violation, resolve_time

if TYPE_CHECKING:
    from ._analysis import Conflict, Corroboration, Hop, Statement

__all__ = ["FORMAT_VERSION", "Dossier", "Unrecognized", "check_format_version", "iter_rules", "run_rules"]

#: The version of the document format this library writes.
FORMAT_VERSION: Final = "1.0"

#: A format version this library reads and writes: "1." and a minor version number.
_VERSION: Final = re.compile(r"1\.(?:0|[1-9][0-9]{0,5})", re.ASCII)


def check_format_version(version: object, *, path: str | None = None) -> str:
    """
    *version*, if it is a format version this library reads and writes:
    ``"1."`` followed by a minor version number (``"1.0"``, ``"1.12"``).

    Raises:
        InvalidValueError: For anything else, naming what to do.

    """
    if type(version) is str and _VERSION.fullmatch(version):
        return version
    where: dict[str, Any] = (
        {"path": path} if path is not None else {"cls": "Dossier", "field": "format_version"}
    )
    if type(version) is str and version.startswith("1."):
        raise InvalidValueError(
            "is not a format version: '1.' and a minor version number, such as '1.0'",
            value=version,
            fix="write the version as eventmodel writes it",
            **where,
        )
    raise InvalidValueError(
        "must name format version 1.x",
        value=version,
        fix="this version reads documents of format 1.x; a 2.x document needs a newer eventmodel",
        **where,
    )


Member = Actor | Source | Claim


class Unrecognized:
    """
    An object of a type this version does not know, kept as its document so
    that it can be written back unchanged (see ``strict=False`` in
    :func:`eventmodel.json.loads`).

    Attributes:
        kind: The dossier list it came from: ``"actors"``, ``"sources"`` or
            ``"claims"``.
        document: The object's JSON document, as read.

    .. versionadded:: 0.1.0

    """

    __slots__ = ("document", "kind")

    def __init__(self, kind: str, document: Mapping[str, Any]) -> None:
        self.kind = kind
        self.document = dict(document)

    @property
    def type(self) -> object:
        """The type tag the document gives."""
        return self.document.get("type")

    @property
    def id(self) -> object:
        """The id the document gives, if any."""
        return self.document.get("id")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Unrecognized):
            return NotImplemented
        return (self.kind, self.document) == (other.kind, other.document)

    def __hash__(self) -> int:
        return hash((self.kind, repr(self.document)))

    def __repr__(self) -> str:
        return f"Unrecognized({self.kind!r}, type={self.type!r}, id={self.id!r})"


def _an(noun: str) -> str:
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def _kind_of(obj: object) -> str:
    if isinstance(obj, Actor):
        return "actors"
    if isinstance(obj, Source):
        return "sources"
    if isinstance(obj, Claim):
        return "claims"
    if isinstance(obj, (Event, Proposition)):
        raise InvalidTypeError(
            f"cannot hold {_an(type(obj).__name__)} on its own: it is only known through a claim",
            cls="Dossier",
            field="add()",
            value=obj,
            fix="wrap it in a Claim that says who states it, with evidence",
        )
    raise InvalidTypeError("holds actors, sources and claims", cls="Dossier", field="add()", value=obj)


class Dossier:
    """
    A collection of actors, sources and claims: everything known about a
    matter, with who said what. Events live inside claims, as they are only
    ever known through one.

    Objects are kept by id, in the order they were added. Adding an object
    whose id is already held is a no-op when the two are equal and an error
    when they differ.

    Args:
        objects: Actors, sources and claims, in any order.
        extras: Members of the dossier's document that this version does not
            know (kept when reading with ``strict=False``).
        unrecognized: Objects of types this version does not know (likewise).
        format_version: The format version its document names: the one it
            was read from, so that a newer document read with
            ``strict=False`` is written back as what it is.

    Raises:
        InvalidValueError: For two different objects with one id, a format
            version that is not ``"1."`` and a minor version number, or
            extras that cannot be written as JSON and read back.
        InvalidTypeError: For anything that is not an actor, a source or a
            claim.

    .. versionadded:: 0.1.0

    """

    __slots__ = ("_actors", "_claims", "_index", "_sources", "extras", "format_version", "unrecognized")

    def __init__(
        self,
        objects: Iterable[Member] = (),
        *,
        extras: Mapping[str, Any] | None = None,
        unrecognized: Iterable[Unrecognized] = (),
        format_version: str = FORMAT_VERSION,
    ) -> None:
        self.format_version = check_format_version(format_version)
        self._index: _Index | None = None
        self._actors: dict[str, Actor] = {}
        self._sources: dict[str, Source] = {}
        self._claims: dict[str, Claim] = {}
        self.extras: FrozenDict[str, Any] = to_extras(extras or {})
        for name, value in self.extras.items():
            key: object = name  # checked at run time: callers may pass any mapping
            problem = (
                json_problem(value, 1)
                if isinstance(key, str) and key and not has_lone_surrogate(key)
                else ("", "must have member names that are non-empty, valid Unicode strings", key)
            )
            if problem is not None:
                raise InvalidValueError(
                    problem[1], cls="Dossier", field=f"extras[{name!r}]{problem[0]}", value=problem[2]
                )
            custom = custom_member_problem(name)
            if custom is not None:
                raise InvalidValueError(
                    custom, cls="Dossier", field="extras", value=name, fix=CUSTOM_MEMBER_FIX
                )
        self.unrecognized: tuple[Unrecognized, ...] = tuple(unrecognized)
        for obj in objects:
            self.add(obj)

    def add(self, obj: Member) -> None:
        """
        Add an actor, a source or a claim.

        Raises:
            InvalidValueError: When an object with the same id but other
                content is already held; the error names both.
            InvalidTypeError: For anything else, events included.

        """
        kind = _kind_of(obj)
        table: dict[str, Any] = getattr(self, f"_{kind}")
        held = self.get(obj.id)
        if held is None:
            table[obj.id] = obj
            self._index = None
            return
        if held != obj:
            raise InvalidValueError(
                f"is the id of two different objects: {held!r} and {obj!r}",
                cls="Dossier",
                field="add()",
                value=obj.id,
                fix="give each object its own id, or leave ids out to derive them from content",
            )

    def get(self, ident: str) -> Member | None:
        """The actor, source or claim with this id, or ``None``."""
        return self._actors.get(ident) or self._sources.get(ident) or self._claims.get(ident)

    def __getitem__(self, ident: str) -> Member:
        found = self.get(ident)
        if found is None:
            raise KeyError(ident)
        return found

    @property
    def actors(self) -> tuple[Actor, ...]:
        """The actors, in the order they were added."""
        return tuple(self._actors.values())

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources, in the order they were added."""
        return tuple(self._sources.values())

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The top-level claims, in the order they were added."""
        return tuple(self._claims.values())

    def __iter__(self) -> Iterator[Member]:
        yield from self._actors.values()
        yield from self._sources.values()
        yield from self._claims.values()

    def __len__(self) -> int:
        return len(self._actors) + len(self._sources) + len(self._claims)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return self.get(item) is not None
        ident = getattr(item, "id", None)
        return isinstance(ident, str) and self.get(ident) == item

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dossier):
            return NotImplemented
        return (
            self._actors == other._actors
            and self._sources == other._sources
            and self._claims == other._claims
            and self.extras == other.extras
            and sorted(map(repr, self.unrecognized)) == sorted(map(repr, other.unrecognized))
        )

    __hash__ = None  # type: ignore[assignment]  # a dossier grows: it is not hashable

    # -- queries ---------------------------------------------------------------------------------

    def _indexed(self) -> _Index:
        if self._index is None:
            # Building the index allocates many objects and no cycles: the cyclic
            # collector is paused meanwhile, as when a document is read.
            with collector_paused():
                self._index = _Index(self)
        return self._index

    def statements(self) -> tuple[Statement, ...]:
        """Every claim in the dossier at any depth, each with its report and chain."""
        return tuple(self._indexed().statements)

    def claims_by(self, actor: Actor | str | None) -> tuple[Statement, ...]:
        """The claims *actor* makes, at any depth (``None``: the unattributed ones)."""
        return self._indexed().by_claimant.get(_ident(actor), ())

    def claims_citing(self, source: Source | str) -> tuple[Claim, ...]:
        """The top-level claims whose evidence is in *source*."""
        return self._indexed().by_source.get(_ident(source) or "", ())

    def claims_about(self, subject: Event | Proposition | str) -> tuple[Statement, ...]:
        """The claims, at any depth, whose content is the event or proposition with this id."""
        return self._indexed().by_subject.get(_ident(subject) or "", ())

    def claims_involving(self, actor: Actor | str) -> tuple[Statement, ...]:
        """The claims about events in which *actor* takes part."""
        return self._indexed().by_participant.get(_ident(actor) or "", ())

    def claims_during(self, when: When) -> tuple[Statement, ...]:
        """The claims about events whose time may overlap *when*."""
        return self._indexed().during(when)

    # -- provenance rules ------------------------------------------------------------------------

    def check(
        self, *, strict: bool = False, rules: Iterable[Rule] | None = None, disable: Iterable[str] = ()
    ) -> Report:
        """
        Run the provenance rules over the dossier.

        Args:
            strict: Raise :class:`~eventmodel.ProvenanceError` for the first
                error instead of returning the report.
            rules: The rules to run; by default :data:`DEFAULT_RULES`. Add
                your own with ``rules=[*eventmodel.DEFAULT_RULES, my_rule]``.
            disable: Ids of rules to skip, such as ``{"EM501"}``.

        Returns:
            A :class:`Report` of every violation, errors first; ``report.ok``
            is true when there is no error.

        Raises:
            ProvenanceError: With *strict*, naming the first error.

        """
        return run_rules(self, strict=strict, rules=rules, disable=disable)

    # -- analyses --------------------------------------------------------------------------------

    def _claim(self, claim: Claim | str) -> Claim:
        if isinstance(claim, Claim):
            return claim
        found = self._indexed().claim(claim)
        if found is None:
            raise UnresolvedReferenceError(
                "is not the id of a claim in the dossier", cls="Dossier", field="claim", value=claim
            )
        return found

    def chain(self, claim: Claim | str) -> list[Hop]:
        """
        The hops of reported speech from the outermost reporter of *claim* (a
        claim or its id) to the original speaker, each with its claimant,
        speech act, factuality, the factuality composed down to it, time and
        evidence.
        """
        return hops_of(self._claim(claim))

    def origin(self, claim: Claim | str) -> Claim:
        """The innermost claim of *claim*: what the original speaker said."""
        return innermost(self._claim(claim))

    def perspective(self, actor: Actor | str | None) -> tuple[Statement, ...]:
        """
        What *actor* asserts, directly or as relayed by others: its claims at
        any depth, each with the chain that carries it and the factuality
        composed along that chain. Claims that were not made (a statement
        planned, withheld or hypothetical, see :class:`~eventmodel.Mood`),
        and claims relayed only by such a claim, are left out:
        :meth:`claims_by` has them all.
        """
        return tuple(statement for statement in self.claims_by(actor) if realised(statement))

    def corroboration(
        self, subject: Event | Proposition | str, *, near_copies: float | None = None
    ) -> Corroboration:
        """
        The top-level claims that describe one event or proposition (a
        claim about it at any depth), grouped by independent origin, each
        report with its relay path.

        Two reports are one origin when (the whole rule is in
        ``docs/explanation/attribution.md``):

        1. the claims in them about the subject have the same claimant;
        2. their evidence sources carry the text of one source, whoever the
           claims name as speaker: a source carries its own text and that of
           every source it derives from as a reprint, translation or summary
           (``Source.derivation``), directly or not; so a reprint joins the
           wire it copies, and two pages that reprint one wire join;
        3. with *near_copies* set to a similarity threshold (such as
           ``NearCopy.THRESHOLD``), their evidence sources' texts are near
           copies (:meth:`near_copies`), the similarity given as the reason;
        4. for any other derivation (a citation, or none said) one's evidence
           source derives, directly or not, from the other's, and the claims
           have the same claimant, or the deriving one is unattributed (it
           then echoes the first such report only); or both are
           unattributed and their sources derive from a common source.

        Origins are the groups these joins make (joins chain). Circular
        reporting is flagged, not counted as confirmation.

        Raises:
            InvalidTypeError: For ``None`` or a proposition without an id.
            UnresolvedReferenceError: When no claim in the dossier describes
                an event or proposition with this id.

        """
        ident = _ident(subject)
        if not isinstance(ident, str):
            raise InvalidTypeError(
                "needs the id of an event or proposition",
                cls="Dossier",
                field="corroboration()",
                value=subject,
                fix="pass an Event, a Proposition with an id, or its id",
            )
        if ident not in self._indexed().by_subject:
            raise UnresolvedReferenceError(
                "is not the id of an event or proposition that a claim in the dossier describes",
                cls="Dossier",
                field="corroboration()",
                value=ident,
            )
        if near_copies is not None:
            near_copies = check_threshold(near_copies, "corroboration(near_copies=)")
        return corroborate(self, ident, near_copies)

    def near_copies(self, threshold: float = NearCopy.THRESHOLD) -> tuple[NearCopy, ...]:
        """
        The pairs of sources whose texts are near copies of one another: a
        Jaccard similarity of their 5-word shingles of at least *threshold*
        (:attr:`NearCopy.THRESHOLD` by default), most similar first. Found by
        MinHash and banding, in time linear in the total length of the texts
        (plus the pairs found); sources without a text are left out.

        .. versionadded:: 0.1.0
        """
        return find_near_copies(self.sources, threshold)

    def resolve_times(self) -> Dossier:
        """
        A copy of the dossier in which every relative time that can be
        resolved against its anchor has its ``resolved`` time set: the
        ``made_at`` of claims at any depth and the times of their events.

        Anchors are looked up as the provenance rules look them up: the
        publication of the report's evidence source, the claim's ``made_at``,
        the time another claim gives the anchor event, another claim's
        ``made_at``, another source's publication (each resolved first when
        it is relative itself). The words, the anchors and every id stay; times
        that cannot be resolved stay as they are (rule EM402 names them).
        Queries such as :meth:`claims_during` then see the dates.
        """
        resolved = Dossier(
            [*self.actors, *self.sources],
            extras=self.extras,
            unrecognized=self.unrecognized,
            format_version=self.format_version,
        )
        for report in self.claims:
            resolved.add(self._resolved_claim(report, report))
        return resolved

    def _resolved_claim(self, claim: Claim, report: Claim) -> Claim:
        made_at = self._resolved_time(claim.made_at, report, None)
        content = claim.content
        if isinstance(content, Claim):
            content = self._resolved_claim(content, report)
        elif isinstance(content.when, Relative):  # an event's or a proposition's time
            when = self._resolved_time(content.when, report, claim.made_at)
            if when is not content.when:
                content = attrs.evolve(content, when=when)
        if made_at is claim.made_at and content is claim.content:
            return claim
        return attrs.evolve(claim, made_at=made_at, content=content)

    def _resolved_time(self, when: When | None, report: Claim, made_at: When | None) -> When | None:
        if not isinstance(when, Relative) or when.resolved is not None:
            return when
        found = resolve_time(self, when, report=report, made_at=made_at)
        return when if found is None else attrs.evolve(when, resolved=found)

    def conflicts(self) -> list[Conflict]:
        """
        Pairs of claims that cannot both hold: about the same event or
        proposition (by id) with opposite polarity, with quantities of the
        same name whose bounds are disjoint, or with event times that cannot
        meet; the whole list of what is compared is on :class:`Conflict`.
        Claims of one affiliation or identity between two actors
        (``Proposition.link``) are about
        one proposition, and are compared as such.
        """
        return find_conflicts(self)

    def __repr__(self) -> str:
        # Counts only: short for a dossier of any size.
        return (
            f"<Dossier: {len(self._actors):,} actors, {len(self._sources):,} sources, "
            f"{len(self._claims):,} claims>"
        )

    def _repr_html_(self) -> str:
        """
        The dossier as a notebook shows it: counts, check, and the first
        claims as accounts of their events, side by side, with corroboration.

        .. versionadded:: 0.1.0
        """
        return dossier_html(self)


def _ident(obj: object) -> str | None:
    if obj is None or isinstance(obj, str):
        return obj
    ident = getattr(obj, "id", None)
    return ident if isinstance(ident, str) else None


def run_rules(
    target: Dossier, *, strict: bool = False, rules: Iterable[Rule] | None = None, disable: Iterable[str] = ()
) -> Report:
    """
    Run *rules* (by default :data:`DEFAULT_RULES`), less those whose ids are
    in *disable*, over *target*: a dossier, or a view that answers as one
    (a store's); errors first. With *strict*, raise for the first error.
    """
    ran: list[str] = []
    found = list(iter_rules(target, rules=rules, disable=disable, ran=ran))
    found.sort(key=lambda item: item.severity is not Severity.ERROR)
    report = Report(tuple(found), tuple(ran))
    if strict:
        report.raise_for_errors()
    return report


def iter_rules(
    target: Dossier,
    *,
    rules: Iterable[Rule] | None = None,
    disable: Iterable[str] = (),
    ran: list[str] | None = None,
) -> Iterator[Violation]:
    """
    The violations of *rules* (by default :data:`DEFAULT_RULES`), less those
    whose ids are in *disable*, over *target*, as each rule finds them,
    rule by rule; the id of each rule run is added to *ran*.
    """
    skipped = {disable} if isinstance(disable, str) else set(disable)
    for rule in tuple(DEFAULT_RULES if rules is None else rules):
        if rule.id in skipped:
            continue
        if ran is not None:
            ran.append(rule.id)
        yield from rule.check(target)
