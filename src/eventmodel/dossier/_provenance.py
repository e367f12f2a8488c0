"""
Provenance rules: what a dossier must respect for its attributions to hold.

Rules are data: an id, a severity, a title, and a function that finds the
violations in a dossier. :meth:`Dossier.check` runs them and returns a
:class:`Report`. Users add their own rules and switch rules off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.exceptions import EventModelError, ProvenanceError
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition
from eventmodel.model._source import Source
from eventmodel.time._anchor import Anchor, AnchorKind
from eventmodel.time._grammar import is_known
from eventmodel.time._relative import Relative
from eventmodel.time._when import Interval, Moment, Precision, When

from ._analysis import walk

if TYPE_CHECKING:
    from ._dossier import Dossier

__all__ = ["DEFAULT_RULES", "Report", "Rule", "Severity", "Violation", "resolve_time"]


class Severity(v.ModelEnum):
    """
    How bad a violation is: an ``ERROR`` makes the dossier fail its check; a
    ``WARNING`` is reported and does not.

    .. versionadded:: 0.1.0
    """

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen
class Violation:
    """
    One object breaking one rule.

    Attributes:
        rule: The rule's id, such as ``"EM101"``.
        severity: Error or warning.
        path: The JSON path of the offending value in the dossier's document.
        message: What is wrong.
        fix: How to fix it.
        subject: The id of the object at fault, when it has one.
        missing: For a reference to an object the dossier does not hold, the
            id it refers to: when that object was left out because it could
            not be read, the violation follows from that error.

    .. versionadded:: 0.1.0

    """

    rule: str
    severity: Severity
    path: str
    message: str
    fix: str | None = None
    subject: str | None = None
    missing: str | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        text = f"{self.severity.value} {self.rule} {self.path}: {self.message}"
        return f"{text}. Fix: {self.fix}" if self.fix else text


Check = Callable[["Dossier"], Iterable[Violation]]


def _severity(value: Severity | str) -> Severity:
    return v.coerce_enum(Severity, value)  # type: ignore[no-any-return]


@attrs.frozen
class Rule:
    """
    A provenance rule: an id, a severity, a title, and the function that finds
    its violations in a dossier (it yields :class:`Violation` objects; use
    :meth:`violation` to make them with the rule's id and severity).

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=v.text)
    severity: Severity = attrs.field(converter=_severity, validator=v.member_of(Severity))
    title: str = attrs.field(validator=v.text)
    check: Check = attrs.field(eq=False, repr=False)

    def violation(
        self,
        path: str,
        message: str,
        fix: str | None = None,
        subject: str | None = None,
        *,
        missing: str | None = None,
    ) -> Violation:
        """A violation of this rule (*missing*: the id of a missing object it refers to)."""
        return Violation(self.id, self.severity, path, message, fix, subject, missing=missing)


@attrs.frozen
class Report:
    """
    The result of :meth:`Dossier.check`: every violation found, errors first.

    .. versionadded:: 0.1.0
    """

    violations: tuple[Violation, ...]
    rules: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when no rule found an error (warnings may remain)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The violations of severity error."""
        return tuple(item for item in self.violations if item.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """The violations of severity warning."""
        return tuple(item for item in self.violations if item.severity is Severity.WARNING)

    def __iter__(self) -> Iterator[Violation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self.violations)

    def __str__(self) -> str:
        if not self.violations:
            return f"ok: {len(self.rules)} rules, no violations"
        lines = [str(item) for item in self.violations]
        lines.append(f"{len(self.errors)} errors, {len(self.warnings)} warnings")
        return "\n".join(lines)

    def raise_for_errors(self, *, warnings: bool = False) -> None:
        """
        Raise :class:`~eventmodel.ProvenanceError` for the first error (or,
        with *warnings*, the first violation of any severity).
        """
        failing = self.violations if warnings else self.errors
        if failing:
            first = failing[0]
            more = f" (and {len(failing) - 1} more)" if len(failing) > 1 else ""
            raise ProvenanceError(
                f"breaks rule {first.rule}: {first.message}{more}", path=first.path, fix=first.fix
            )


# -- where things are ----------------------------------------------------------------------------


def _claims_deep(dossier: Dossier) -> Iterator[tuple[Claim, int, int, Claim]]:
    """Every claim at any depth: (claim, its report's index, its depth, its report)."""
    for index, report in enumerate(dossier.claims):
        depth = 1
        current: Claim | Event | Proposition = report
        while isinstance(current, Claim):
            yield current, index, depth, report
            current = current.content
            depth += 1


def _claim_path(index: int, depth: int) -> str:
    """The JSON path of the claim at *depth* in the report at *index*."""
    return f"$.claims[{index}]" + ".content" * (depth - 1)


def _source_paths(dossier: Dossier) -> Iterator[tuple[Source, str]]:
    for index, source in enumerate(dossier.sources):
        yield source, f"$.sources[{index}]"


def _actor_paths(dossier: Dossier) -> Iterator[tuple[Actor, str]]:
    for index, actor in enumerate(dossier.actors):
        yield actor, f"$.actors[{index}]"


# -- time, with relative times resolved ---------------------------------------------------------------


def _published(dossier: Dossier, claim: Claim) -> When | None:
    return _publication(dossier, claim)[0]


def _publication(dossier: Dossier, claim: Claim) -> tuple[Moment | Interval | None, Source | None]:
    """The publication time of the first evidence source that has one, and that source."""
    sources = dossier._sources
    for evidence in claim.evidence:
        source = sources.get(evidence.source)
        if isinstance(source, Source) and source.published is not None:
            return _absolute(source.published), source
    return None, None


def _dated(time: When, source: Source | None) -> str:
    """A source's publication time, said to be an estimate when it is one."""
    if source is not None and source.published_estimate is not None:
        return f"{time}, estimated"
    return str(time)


def _estimate_fix(fix: str, *sources: Source | None) -> str:
    estimated = [
        source.id for source in sources if source is not None and source.published_estimate is not None
    ]
    if not estimated:
        return fix
    return f"{fix}, and what the estimated publication of {', '.join(estimated)} rests on"


def _absolute(when: When | None) -> Moment | Interval | None:
    if isinstance(when, Relative):
        return when.resolved
    return when  # type: ignore[return-value]


def resolve_time(
    dossier: Dossier,
    when: When | None,
    *,
    report: Claim,
    made_at: When | None = None,
    _seen: frozenset[str] = frozenset(),
) -> Moment | Interval | None:
    """
    The absolute time of *when* as it stands in a claim of *report*: a
    relative time is resolved against its anchor (the publication of the
    report's evidence source, the claim's ``made_at``, another event of the
    dossier, another claim's ``made_at``, or another source's publication;
    an event's or a claim's own time may be relative in turn). ``None`` when there
    is no time or it cannot be resolved; times anchored on one another in a
    circle cannot.
    """
    if not isinstance(when, Relative):
        return when  # type: ignore[return-value]
    if when.resolved is not None:
        return when.resolved
    anchor_time: When | None = None
    anchor = when.anchor
    kind = anchor.kind
    if kind is AnchorKind.PUBLICATION:
        anchor_time = _published(dossier, report)
    elif kind is AnchorKind.MADE_AT:
        anchor_time = (
            made_at
            if not isinstance(made_at, Relative)
            else resolve_time(dossier, made_at, report=report, _seen=_seen)
        )
    elif kind is AnchorKind.SOURCE:
        source = dossier._sources.get(anchor.source or "")
        anchor_time = _absolute(source.published) if isinstance(source, Source) else None
    elif kind is AnchorKind.CLAIM:
        seen = f"claim {anchor.claim}"  # kept apart from event ids, which may be the same text
        statement = dossier._indexed().by_id.get(anchor.claim or "")
        if statement is not None and seen not in _seen:
            anchor_time = resolve_time(
                dossier, statement.claim.made_at, report=statement.report, _seen=_seen | {seen}
            )
    else:
        event_id = anchor.event or ""
        if event_id not in _seen:
            for statement in dossier.claims_about(event_id):
                content = statement.claim.content
                if not isinstance(content, (Event, Proposition)):
                    continue
                anchor_time = resolve_time(
                    dossier,
                    content.when,
                    report=statement.report,
                    made_at=statement.claim.made_at,
                    _seen=_seen | {event_id},
                )
                if anchor_time is not None:
                    break
    if anchor_time is None:
        return None
    try:
        return when.resolve(anchor_time).resolved
    except EventModelError:
        return None


# -- the rules -----------------------------------------------------------------------------------------


def _evidence(rule: Rule, dossier: Dossier) -> Iterator[Violation]:
    for index, claim in enumerate(dossier.claims):
        if not claim.evidence:
            yield rule.violation(
                f"$.claims[{index}].evidence",
                "has no evidence: a top-level claim must point at where it was seen",
                "add Evidence(source, quote=TextQuote(...)) naming a source in the dossier",
                claim.id,
            )


def _an(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _kind_name(obj: object) -> str:
    return type(obj).__name__.lower() if obj is not None else "nothing"


def _held(dossier: Dossier, ident: str, kind: type[Actor | Source]) -> bool:
    """Whether *ident* is the id of an object of *kind* in the dossier (one lookup)."""
    return ident in (dossier._actors if kind is Actor else dossier._sources)


def _expect(
    rule: Rule, dossier: Dossier, ident: str, kind: type, path: str, *, subject: str | None
) -> Iterator[Violation]:
    """The violation of a reference to *ident* that is not to an object of *kind*."""
    found = dossier.get(ident)
    if isinstance(found, kind):
        return
    noun = kind.__name__.lower()
    if found is None:
        yield rule.violation(
            path,
            f"refers to {ident!r}, which is not in the dossier",
            f"add the {noun} {ident!r}, or correct the id",
            subject,
            missing=ident,
        )
    else:
        yield rule.violation(
            path,
            f"refers to {ident!r}, {_an(_kind_name(found))} where {_an(noun)} belongs",
            "correct the id",
            subject,
        )


def _references(rule: Rule, dossier: Dossier) -> Iterator[Violation]:
    for actor, path in _actor_paths(dossier):
        for index, affiliation in enumerate(actor.affiliations):
            yield from _expect(
                rule,
                dossier,
                affiliation.organization,
                Actor,
                f"{path}.affiliations[{index}].organization",
                subject=actor.id,
            )
    for source, path in _source_paths(dossier):
        if source.publisher is not None:
            yield from _expect(rule, dossier, source.publisher, Actor, f"{path}.publisher", subject=source.id)
        for index, author in enumerate(source.authors):
            yield from _expect(rule, dossier, author, Actor, f"{path}.authors[{index}]", subject=source.id)
        for index, parent in enumerate(source.derived_from):
            yield from _expect(
                rule, dossier, parent, Source, f"{path}.derived_from[{index}]", subject=source.id
            )
    claim_ids = dossier._indexed().by_id
    for claim, at, depth, _report in _claims_deep(dossier):
        if claim.claimant is not None and not _held(dossier, claim.claimant, Actor):
            yield from _expect(
                rule, dossier, claim.claimant, Actor, f"{_claim_path(at, depth)}.claimant", subject=claim.id
            )
        for index, evidence in enumerate(claim.evidence):
            if not _held(dossier, evidence.source, Source):
                yield from _expect(
                    rule,
                    dossier,
                    evidence.source,
                    Source,
                    f"{_claim_path(at, depth)}.evidence[{index}].source",
                    subject=claim.id,
                )
        yield from _anchor_references(rule, dossier, claim, _claim_path(at, depth), claim_ids)
        if claim.regarding is not None and claim.regarding not in claim_ids:
            yield rule.violation(
                f"{_claim_path(at, depth)}.regarding",
                f"refers to {claim.regarding!r}, which is not a claim in the dossier",
                "add the claim it is regarding, or correct the id",
                claim.id,
                missing=claim.regarding,
            )
        for name in ("supersedes", "retracts"):
            for index, target in enumerate(getattr(claim, name)):
                if target not in claim_ids:
                    yield rule.violation(
                        f"{_claim_path(at, depth)}.{name}[{index}]",
                        f"refers to {target!r}, which is not a claim in the dossier",
                        "add the earlier claim, or correct the id",
                        claim.id,
                        missing=target,
                    )


def _whens(claim: Claim) -> tuple[tuple[str, When | None], ...]:
    """The times a claim holds, by the field that holds each."""
    return (("made_at", claim.made_at), ("content.when", getattr(claim.content, "when", None)))


def _anchor_references(
    rule: Rule, dossier: Dossier, claim: Claim, path: str, claim_ids: Mapping[str, object]
) -> Iterator[Violation]:
    """Anchors on another claim or source that the dossier does not hold, and event anchors naming a claim."""
    for field, when in _whens(claim):
        if not isinstance(when, Relative):
            continue
        anchor = when.anchor
        where = f"{path}.{field}.anchor"
        if anchor.claim is not None and anchor.claim not in claim_ids:
            yield rule.violation(
                where,
                f"refers to {anchor.claim!r}, which is not a claim in the dossier",
                "add the claim whose made_at it is relative to, or correct the id",
                claim.id,
                missing=anchor.claim,
            )
        elif anchor.source is not None and not _held(dossier, anchor.source, Source):
            yield from _expect(rule, dossier, anchor.source, Source, where, subject=claim.id)
        elif anchor.event is not None and anchor.event in claim_ids:
            yield rule.violation(
                where,
                f"refers to {anchor.event!r}, a claim where an event belongs",
                f"anchor on the time the claim was made with Anchor.to_claim({anchor.event!r})",
                claim.id,
            )


def _loose_references(rule: Rule, dossier: Dossier) -> Iterator[Violation]:
    """References to things a dossier may leave out: participants, settings, anchors."""
    subjects = dossier._indexed().by_subject
    claim_ids = dossier._indexed().by_id
    actors = dossier._actors
    for claim, at, depth, _report in _claims_deep(dossier):
        if claim.setting is not None and claim.setting not in subjects:
            yield rule.violation(
                f"{_claim_path(at, depth)}.setting",
                f"refers to the event {claim.setting!r}, which no claim describes",
                "add a claim that describes the event, or leave the setting out",
                claim.id,
                missing=claim.setting,
            )
        content = claim.content
        if isinstance(content, Event):
            for index, participant in enumerate(content.participants):
                if participant.actor is not None and participant.actor not in actors:
                    yield rule.violation(
                        f"{_claim_path(at, depth)}.content.participants[{index}].actor",
                        f"refers to {participant.actor!r}, which is not an actor in the dossier",
                        "add the actor",
                        claim.id,
                        missing=participant.actor,
                    )
        if isinstance(content, Proposition):
            claim_ids = dossier._indexed().by_id
            for index, subject in enumerate(content.about):
                if content.link is not None:
                    if subject not in actors:
                        yield rule.violation(
                            f"{_claim_path(at, depth)}.content.about[{index}]",
                            f"refers to {subject!r}, which is not an actor in the dossier: "
                            f"a link ({content.link.value}) is between two actors",
                            "add the actor",
                            claim.id,
                            missing=subject,
                        )
                    continue
                if subject not in actors and subject not in subjects and subject not in claim_ids:
                    yield rule.violation(
                        f"{_claim_path(at, depth)}.content.about[{index}]",
                        f"refers to {subject!r}, which is not an actor, an event a claim describes, "
                        "or a claim in the dossier",
                        "add the actor, the event or the claim",
                        claim.id,
                        missing=subject,
                    )
        for field, when in _whens(claim):
            if (
                isinstance(when, Relative)
                and when.anchor.event is not None
                and when.anchor.event not in subjects
                and when.anchor.event not in claim_ids  # EM201 reports a claim named as an event
            ):
                yield rule.violation(
                    f"{_claim_path(at, depth)}.{field}.anchor",
                    f"is relative to the event {when.anchor.event!r}, which no claim describes",
                    "add a claim that describes it",
                    claim.id,
                    missing=when.anchor.event,
                )


def _cycle_in(edges: dict[str, tuple[str, ...]]) -> list[str] | None:
    """A cycle in a directed graph, found without recursion, or ``None``."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    for start in edges:
        if state.get(start):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(edges.get(start, ())))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                return [*path[path.index(child) :], child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(edges.get(child, ()))))
    return None


def _cycles(rule: Rule, dossier: Dossier) -> Iterator[Violation]:
    graphs = {
        "derived_from": (
            {source.id: source.derived_from for source in dossier.sources},
            "sources",
            "derive from one another in a circle",
        ),
        "affiliations": (
            {actor.id: tuple(a.organization for a in actor.affiliations) for actor in dossier.actors},
            "actors",
            "are affiliated with one another in a circle",
        ),
        # Only claims that supersede or retract something can be on a circle: the
        # others are left out of the search, which then grows with them alone.
        "supersedes": (
            {
                claim.id: (*claim.supersedes, *claim.retracts)
                for report in dossier.claims
                for claim, _depth in walk(report)
                if claim.supersedes or claim.retracts
            },
            "claims",
            "supersede or retract one another in a circle",
        ),
    }
    for graph, (edges, kind, words) in graphs.items():
        field = graph
        cycle = _cycle_in(edges)
        if cycle is not None:
            first = cycle[0]
            if kind == "claims":
                # The claim may be nested: point at it where it stands.
                holder, at, depth, _report = next(
                    item for item in _claims_deep(dossier) if item[0].id == first
                )
                field = "retracts" if cycle[1] in holder.retracts else "supersedes"
                where = f"{_claim_path(at, depth)}.{field}"
            else:
                ids = [item.id for item in getattr(dossier, kind)]
                where = f"$.{kind}[{ids.index(first)}].{field}"
            yield rule.violation(
                where, f"{' → '.join(cycle)}: these {kind} {words}", f"break the circle in {field}", first
            )


def _times(rule: Rule, dossier: Dossier) -> Iterator[Violation]:
    for index, report in enumerate(dossier.claims):
        # Going down the chain, the latest a claim may be made: when the source that
        # reports it was published, then when the claim that reports it was made.
        bound, reporter = _publication(dossier, report)
        bound_words = "the source that reports it was published"
        fix = "check both dates: a claim cannot be reported before it is made"
        depth = 1
        current: Claim | Event | Proposition = report
        while isinstance(current, Claim):
            made_at = resolve_time(dossier, current.made_at, report=report)
            if made_at is not None:
                if bound is not None and made_at.is_after(bound):
                    yield rule.violation(
                        f"{_claim_path(index, depth)}.made_at",
                        f"is {made_at}, after {bound_words} ({_dated(bound, reporter)})",
                        _estimate_fix(fix, reporter),
                        current.id,
                    )
                bound, bound_words, reporter = made_at, "the claim that reports it", None
                fix = "check both dates: reported speech comes before its report"
            current = current.content
            depth += 1
    for source, path in _source_paths(dossier):
        published = _absolute(source.published)
        for index, parent_id in enumerate(source.derived_from):
            parent = dossier.get(parent_id)
            parent_time = _absolute(parent.published) if isinstance(parent, Source) else None
            if published is not None and parent_time is not None and parent_time.is_after(published):
                assert isinstance(parent, Source)
                yield rule.violation(
                    f"{path}.derived_from[{index}]",
                    f"derives from {parent_id!r}, published later ({_dated(parent_time, parent)}) than this "
                    f"source ({_dated(published, source)})",
                    _estimate_fix("check the derivation and both dates", parent, source),
                    source.id,
                )
        if source.retrieved is not None and published is not None:
            retrieved = _instant(source.retrieved)
            if retrieved.is_before(published):
                yield rule.violation(
                    f"{path}.retrieved",
                    f"is {source.retrieved.isoformat()}, before the source was published "
                    f"({_dated(published, source)})",
                    _estimate_fix("check both dates", source),
                    source.id,
                )


def _instant(value: datetime) -> Moment:
    return Moment.of(value, Precision.MICROSECOND)


def _anchor_words(anchor: Anchor) -> str:
    if anchor.kind is AnchorKind.EVENT:
        return f"the time of {anchor.event}"
    if anchor.kind is AnchorKind.CLAIM:
        return f"the time {anchor.claim} was made (its made_at)"
    if anchor.kind is AnchorKind.SOURCE:
        return f"the publication of {anchor.source}"
    if anchor.kind is AnchorKind.MADE_AT:
        return "the time the claim was made (made_at)"
    return "the publication of the claim's source"


def _anchor_fix(dossier: Dossier, anchor: Anchor) -> str:
    """What would let words the grammar knows resolve against *anchor*."""
    by_hand = "or resolve the words by hand"
    if anchor.claim is not None:
        statement = dossier._indexed().by_id.get(anchor.claim)
        if statement is None:
            return f"add the claim {anchor.claim!r}, {by_hand}"
        if statement.claim.made_at is None:
            return f"give {anchor.claim} the time it was made (made_at), {by_hand}"
    if anchor.source is not None:
        source = dossier._sources.get(anchor.source)
        if not isinstance(source, Source):
            return f"add the source {anchor.source!r}, {by_hand}"
        if source.published is None:
            return (
                f"give {anchor.source} its publication time (published, with published_estimate if it is "
                f"an estimate), {by_hand}"
            )
    return f"give the anchor a time at day precision or finer, {by_hand}"


def _unresolved(rule: Rule, dossier: Dossier) -> Iterator[Violation]:
    for claim, at, depth, report in _claims_deep(dossier):
        content = claim.content
        for field, when in (("made_at", claim.made_at), ("content.when", getattr(content, "when", None))):
            if not isinstance(when, Relative):
                continue
            if resolve_time(dossier, when, report=report, made_at=claim.made_at) is not None:
                continue
            if not is_known(when.text):
                fix = "the words are not in the grammar of resolve_relative(): give the time in EDTF, or resolve it by hand"
            else:
                fix = _anchor_fix(dossier, when.anchor)
            yield rule.violation(
                f"{_claim_path(at, depth)}.{field}",
                f"{when.text!r} cannot be resolved against its anchor, {_anchor_words(when.anchor)}",
                fix,
                claim.id,
            )


def _hand_resolved(rule: Rule, dossier: Dossier) -> Iterator[Violation]:
    for claim, at, depth, report in _claims_deep(dossier):
        content = claim.content
        for field, when in (("made_at", claim.made_at), ("content.when", getattr(content, "when", None))):
            if not isinstance(when, Relative) or when.resolved is None or not is_known(when.text):
                continue
            try:
                grammar = resolve_time(
                    dossier, attrs.evolve(when, resolved=None), report=report, made_at=claim.made_at
                )
            except EventModelError:  # words the grammar knows, an anchor it cannot use: EM402's business
                continue
            if grammar is not None and grammar != when.resolved:
                yield rule.violation(
                    f"{_claim_path(at, depth)}.{field}.resolved",
                    f"is {when.resolved}, but {when.text!r} against its anchor, {_anchor_words(when.anchor)}, "
                    f"is {grammar}",
                    "check the date and the anchor, or leave resolved out to let the grammar resolve the words",
                    claim.id,
                )


def _quotes(rule: Rule, dossier: Dossier) -> Iterator[Violation]:
    sources = dossier._sources
    for claim, at, depth, _report in _claims_deep(dossier):
        for index, evidence in enumerate(claim.evidence):
            source = sources.get(evidence.source)
            text = source.text if isinstance(source, Source) else None
            if text is None:
                continue
            quote, span = evidence.quote, evidence.span
            if quote is not None:
                placed = quote.prefix is not None or quote.suffix is not None  # the context fixes the place
                if span is not None and not placed and text[span.start : span.end] == quote.exact:
                    continue  # found where the span says, without searching the whole text
                where = f"{_claim_path(at, depth)}.evidence[{index}]"
                needle = (quote.prefix or "") + quote.exact + (quote.suffix or "")
                found = text.find(needle)
                if found < 0:
                    yield rule.violation(
                        f"{where}.quote",
                        f"is not found in the text of {evidence.source!r}: {quote.exact[:60]!r}",
                        "copy the words exactly as the source has them, typographic quotes included",
                        claim.id,
                    )
                    continue
                start = found + len(quote.prefix or "")
                if span is not None and (
                    text[span.start : span.end] != quote.exact or (placed and span.start != start)
                ):
                    yield rule.violation(
                        f"{where}.span",
                        f"points at {text[span.start : span.end][:60]!r}, not at the quote (which starts at {start})",
                        f"use TextSpan({start}, {start + len(quote.exact)})",
                        claim.id,
                    )
            elif span is not None and span.end > len(text):
                yield rule.violation(
                    f"{_claim_path(at, depth)}.evidence[{index}].span",
                    f"ends at {span.end}, past the end of the text ({len(text)})",
                    "check the span",
                    claim.id,
                )


def _retractions(rule: Rule, dossier: Dossier) -> Iterator[Violation]:
    by_id = dossier._indexed().by_id
    for claim, at, depth, report in _claims_deep(dossier):
        if not (claim.supersedes or claim.retracts):
            continue
        made_at = resolve_time(dossier, claim.made_at, report=report)
        for name in ("supersedes", "retracts"):
            for index, target_id in enumerate(getattr(claim, name)):
                if target_id == claim.id:
                    yield rule.violation(
                        f"{_claim_path(at, depth)}.{name}[{index}]",
                        "names the claim itself",
                        "name the earlier claim",
                        claim.id,
                    )
                    continue
                target = by_id.get(target_id)
                target_time = (
                    None
                    if target is None
                    else resolve_time(dossier, target.claim.made_at, report=target.report)
                )
                if made_at is not None and target_time is not None and made_at.is_before(target_time):
                    yield rule.violation(
                        f"{_claim_path(at, depth)}.{name}[{index}]",
                        f"names {target_id!r}, made later ({target_time}) than this claim ({made_at})",
                        "a claim can only supersede or retract an earlier one",
                        claim.id,
                    )


def _rule(
    identifier: str, severity: Severity, title: str, function: Callable[[Rule, Dossier], Iterable[Violation]]
) -> Rule:
    holder: list[Rule] = []
    rule = Rule(identifier, severity, title, lambda dossier: function(holder[0], dossier))
    holder.append(rule)
    return rule


#: The rules :meth:`Dossier.check` runs unless told otherwise.
DEFAULT_RULES: Final[tuple[Rule, ...]] = (
    _rule("EM101", Severity.ERROR, "every top-level claim has evidence", _evidence),
    _rule("EM201", Severity.ERROR, "every reference resolves to an object of the right kind", _references),
    _rule(
        "EM202",
        Severity.WARNING,
        "participants, settings and anchors name objects the dossier holds",
        _loose_references,
    ),
    _rule("EM301", Severity.ERROR, "no cycles in derivations, affiliations, supersessions", _cycles),
    _rule("EM401", Severity.ERROR, "times are consistent: nothing is reported before it happens", _times),
    _rule("EM402", Severity.WARNING, "relative times resolve against their anchors", _unresolved),
    _rule(
        "EM403",
        Severity.WARNING,
        "a relative time resolved by hand agrees with what its words give against its anchor",
        _hand_resolved,
    ),
    _rule(
        "EM501", Severity.ERROR, "quotes are found in their source's text, and spans point at them", _quotes
    ),
    _rule(
        "EM601", Severity.ERROR, "retractions and supersessions name an existing, earlier claim", _retractions
    ),
)
