"""
The indexes of a dossier, and the analyses that run over them.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final, cast

from eventmodel.exceptions import InvalidTypeError
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition
from eventmodel.model._source import DerivationKind, Source
from eventmodel.time._when import ZONE_SPREAD, TimeRelation, When

from ._analysis import (
    Conflict,
    Corroboration,
    Origin,
    Relay,
    Statement,
    hops_of,
    quantities_conflict,
    realised,
)
from ._copies import find_near_copies

if TYPE_CHECKING:
    from ._dossier import Dossier

__all__ = ["Index", "corroborate", "find_conflicts", "latest_start"]


def latest_start(when: When) -> datetime:
    """
    The latest key a time that may overlap *when* can start at: *when*'s
    upper bound, widened because zone-less bounds are keyed as UTC but may
    lie 14 hours either way.
    """
    upper = when.sort_key()[1]
    try:
        return upper + 2 * ZONE_SPREAD
    except OverflowError:
        return datetime.max.replace(tzinfo=UTC)


class Index:
    """
    Every claim of a dossier at any depth, found once, and the maps that make
    queries fast: by id, by claimant, by source, by subject (event or
    proposition id), by participant, and by time. Built on the first query
    after a change.

    The statements are made in one pass over the claims and each map in a
    pass of its own over them: one map at a time is the memory a pass writes
    to at random, which keeps the build's time per claim from growing with
    the dossier as much as filling all the maps at once would.
    """

    __slots__ = (
        "by_claimant",
        "by_id",
        "by_participant",
        "by_source",
        "by_subject",
        "starts",
        "statements",
        "timed",
    )

    def __init__(self, dossier: Dossier) -> None:
        claims = dossier.claims
        statements: list[Statement] = []
        append = statements.append
        for report in claims:
            hops = hops_of(report)
            if len(hops) == 1:
                append(Statement(claim=report, report=report, hops=tuple(hops), composed=hops[0].composed))
                continue
            for depth, hop in enumerate(hops, start=1):
                append(
                    Statement(claim=hop.claim, report=report, hops=tuple(hops[:depth]), composed=hop.composed)
                )
        self.statements = statements
        #: The first statement of each claim id: the claim, and the report that carries it.
        self.by_id: dict[str, Statement] = {}
        by_id = self.by_id
        for statement in statements:
            if statement.claim.id not in by_id:
                by_id[statement.claim.id] = statement
        # Each map is filled with lists, then kept as tuples: queries return them as
        # they are, without copying, and nothing can change them.
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for report in claims:
            for evidence in report.evidence:
                sources = by_source[evidence.source]
                if not sources or sources[-1] is not report:
                    sources.append(report)
        self.by_source: dict[str, tuple[Claim, ...]] = {key: tuple(found) for key, found in by_source.items()}
        del by_source
        by_claimant: dict[str | None, list[Statement]] = defaultdict(list)
        for statement in statements:
            by_claimant[statement.claim.claimant].append(statement)
        self.by_claimant: dict[str | None, tuple[Statement, ...]] = {
            key: tuple(found) for key, found in by_claimant.items()
        }
        del by_claimant
        by_subject: dict[str, list[Statement]] = defaultdict(list)
        for statement in statements:
            content = statement.claim.content
            if isinstance(content, (Event, Proposition)) and content.id is not None:
                by_subject[content.id].append(statement)
        self.by_subject: dict[str, tuple[Statement, ...]] = {
            key: tuple(found) for key, found in by_subject.items()
        }
        del by_subject
        by_participant: dict[str, list[Statement]] = defaultdict(list)
        for statement in statements:
            content = statement.claim.content
            if isinstance(content, Event) and content.participants:
                participants = content.participants
                if len(participants) == 1:
                    if participants[0].actor is not None:
                        by_participant[participants[0].actor].append(statement)
                else:
                    for actor in dict.fromkeys(participant.actor for participant in participants):
                        if actor is not None:
                            by_participant[actor].append(statement)
        self.by_participant: dict[str, tuple[Statement, ...]] = {
            key: tuple(found) for key, found in by_participant.items()
        }
        del by_participant
        # The time index (statements sorted by their event's time) is made on the first
        # query by time: sorting is the one step that grows faster than the dossier.
        self.timed: list[Statement] | None = None
        self.starts: list[datetime] = []

    def claim(self, ident: str) -> Claim | None:
        """The claim with this id, at any depth, or ``None``."""
        statement = self.by_id.get(ident)
        return None if statement is None else statement.claim

    def _by_time(self) -> list[Statement]:
        if self.timed is None:
            timed: list[tuple[tuple[datetime, datetime, str], Statement]] = []
            for statement in self.statements:
                content = statement.claim.content
                if isinstance(content, (Event, Proposition)) and content.when is not None:
                    timed.append((content.when.sort_key(), statement))
            timed.sort(key=lambda pair: pair[0])
            self.timed = [statement for _, statement in timed]
            self.starts = [key[0] for key, _ in timed]
        return self.timed

    def during(self, when: When) -> tuple[Statement, ...]:
        """Statements about events whose time may overlap *when*."""
        if not isinstance(when, When):
            raise InvalidTypeError("needs a When", cls="Dossier", field="claims_during()", value=when)
        upper = latest_start(when)
        timed = self._by_time()
        stop = bisect.bisect_right(self.starts, upper)
        found = []
        for statement in timed[:stop]:
            content = statement.claim.content
            assert isinstance(content, (Event, Proposition))
            assert content.when is not None
            if content.when.relation(when) is TimeRelation.OVERLAPS:
                found.append(statement)
        return tuple(found)


# -- corroboration ----------------------------------------------------------------------------------


class _Groups:
    """Union-find over reports."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))
        self.why: dict[int, list[str]] = defaultdict(list)

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, first: int, second: int, why: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[b] = a
            self.why[a].extend(self.why.pop(b, []))
        self.why[a].append(why)


def _ancestors(dossier: Dossier, source_id: str) -> set[str]:
    """The sources *source_id* derives from, directly or not (cycles are tolerated)."""
    seen: set[str] = set()
    stack = [source_id]
    while stack:
        current = dossier.get(stack.pop())
        for parent in getattr(current, "derived_from", ()):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


_VERBS: Final = {
    DerivationKind.REPRINT: "reprints",
    DerivationKind.TRANSLATION: "translates",
    DerivationKind.SUMMARY: "summarizes",
}


def _copied(dossier: Dossier, source_id: str) -> dict[str, str]:
    """
    The sources whose text *source_id* carries, nearest first, each with
    the verb of the first step to it: the sources it derives from as a
    reprint, translation or summary, and theirs in turn.
    """
    found: dict[str, str] = {}
    queue = [(source_id, "")]
    for current_id, verb in queue:
        current = dossier.get(current_id)
        if not isinstance(current, Source) or current.derivation is None or not current.derivation.copies:
            continue
        for parent in current.derived_from:
            if parent != source_id and parent not in found:
                found[parent] = verb or _VERBS[current.derivation]
                queue.append((parent, found[parent]))
    return found


def corroborate(dossier: Dossier, subject: str, near_copies: float | None = None) -> Corroboration:
    """See :meth:`Dossier.corroboration`; the rules are numbered as there."""
    found = _Corroborating(dossier, subject)
    found.same_speaker()
    found.copied_text(near_copies)
    found.derived()
    return found.result()


class _Corroborating:
    """The reports about one subject, joined into origins rule by rule."""

    def __init__(self, dossier: Dossier, subject: str) -> None:
        self.dossier = dossier
        self.subject = subject
        self.reports: list[Claim] = []
        self.speakers: list[str | None] = []
        self.paths: list[tuple[str | None, ...]] = []
        seen: set[str] = set()
        for statement in dossier._indexed().by_subject.get(subject, ()):
            if (
                isinstance(statement.claim.content, (Event, Proposition))
                and realised(statement)
                and statement.claim.role_of is None
                and statement.report.id not in seen
            ):
                seen.add(statement.report.id)
                self.reports.append(statement.report)
                self.speakers.append(statement.claim.claimant)
                self.paths.append(tuple(hop.claimant for hop in statement.hops))
        self.groups = _Groups(len(self.reports))
        self.sources = [tuple(dict.fromkeys(e.source for e in report.evidence)) for report in self.reports]
        #: For each evidence source, the sources whose text it carries, with the verb saying how.
        self.copied = {ident: _copied(dossier, ident) for found in self.sources for ident in found}

    def same_speaker(self) -> None:
        """1. The same original speaker."""
        by_speaker: dict[str, int] = {}
        for index, speaker in enumerate(self.speakers):
            if speaker is None:
                continue
            if speaker in by_speaker:
                self.groups.join(by_speaker[speaker], index, f"same original speaker {speaker}")
            else:
                by_speaker[speaker] = index

    def copied_text(self, near_copies: float | None) -> None:
        """
        2 and 3. A report in a source that carries another source's text (a
        reprint, translation or summary of it, or a near copy when asked for)
        adds no origin, whoever it names as speaker: it joins a report carried
        by that text from another source.
        """
        copied, speakers = self.copied, self.speakers
        if near_copies is not None:
            texts = [self.dossier.get(ident) for ident in copied]
            for pair in find_near_copies((s for s in texts if isinstance(s, Source)), near_copies):
                verb = f"is a near copy (similarity {pair.similarity:.2f}) of"
                copied[pair.first].setdefault(pair.second, verb)
                copied[pair.second].setdefault(pair.first, verb)
        carriers: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for index, found in enumerate(self.sources):
            for ident in found:
                carriers[ident].append((index, ident))
                for text in copied[ident]:
                    carriers[text].append((index, ident))
        for index, found in enumerate(self.sources):
            for ident, text in ((source, text) for source in found for text in copied[source]):
                others = [
                    (other, where) for other, where in carriers[text] if other != index and where != ident
                ]
                if not others:
                    continue
                if speakers[index] is None or all(speakers[other] != speakers[index] for other, _ in others):
                    other, where = others[0]
                    why = f"{ident} {copied[ident][text]} {text}"
                    if where != text:
                        why += f"; {where} {copied[where][text]} it"
                    if self.groups.find(other) != self.groups.find(index):
                        self.groups.join(other, index, why)
                break

    def derived(self) -> None:
        """
        4. Derivation of any other kind (a citation, or none given): a report
        whose evidence derives from another report's source echoes it when the
        two can be one statement: the same original speaker. An unattributed
        report echoes the first report of its ancestor sources, and no more (it
        cannot echo two speakers); unattributed reports whose sources share an
        ancestor echo that common source.
        """
        dossier, speakers, groups = self.dossier, self.speakers, self.groups
        cited: dict[str, list[int]] = defaultdict(list)
        for index, report in enumerate(self.reports):
            for evidence in report.evidence:
                cited[evidence.source].append(index)
        for index, report in enumerate(self.reports):
            echoed = False
            for evidence in report.evidence:
                for ancestor in sorted(_ancestors(dossier, evidence.source)):
                    if ancestor in self.copied[evidence.source]:
                        continue  # told by rule 2
                    for other in cited.get(ancestor, ()):
                        if other == index:
                            continue
                        same = speakers[index] is not None and speakers[index] == speakers[other]
                        if same or (speakers[index] is None and not echoed):
                            groups.join(other, index, f"{evidence.source} derives from {ancestor}")
                            echoed = echoed or speakers[index] is None
        common: dict[str, int] = {}
        for index, report in enumerate(self.reports):
            if speakers[index] is not None:
                continue
            for evidence in report.evidence:
                for ancestor in sorted(_ancestors(dossier, evidence.source)):
                    if ancestor in common and groups.find(common[ancestor]) != groups.find(index):
                        groups.join(common[ancestor], index, f"both derive from {ancestor}")
                    common.setdefault(ancestor, index)

    def result(self) -> Corroboration:
        """The groups as origins, largest first, each report with its relay path."""
        members: dict[int, list[int]] = defaultdict(list)
        for index in range(len(self.reports)):
            members[self.groups.find(index)].append(index)
        origins = []
        for root, indexes in members.items():
            names = {self.speakers[index] for index in indexes} - {None}
            relays = []
            for index in indexes:
                carries: dict[str, None] = {}
                for ident in self.sources[index]:
                    carries.update(dict.fromkeys(self.copied[ident]))
                relays.append(
                    Relay(self.reports[index], self.paths[index], self.sources[index], tuple(carries))
                )
            origins.append(
                Origin(
                    claimant=names.pop() if len(names) == 1 else None,
                    reports=tuple(self.reports[index] for index in indexes),
                    circular=len(indexes) > 1,
                    why=tuple(dict.fromkeys(self.groups.why.get(root, []))),
                    relays=tuple(relays),
                )
            )
        origins.sort(key=lambda origin: -len(origin.reports))
        return Corroboration(event_id=self.subject, reports=tuple(self.reports), origins=tuple(origins))


# -- conflicts --------------------------------------------------------------------------------------


def _pairs(statements: Sequence[Statement]) -> Iterable[tuple[Statement, Statement]]:
    unique: dict[str, Statement] = {}
    for statement in statements:
        unique.setdefault(statement.claim.id, statement)
    items = list(unique.values())
    for index, first in enumerate(items):
        for second in items[index + 1 :]:
            yield first, second


def find_conflicts(dossier: Dossier) -> list[Conflict]:
    """See :meth:`Dossier.conflicts`."""
    conflicts: list[Conflict] = []
    index = dossier._indexed()
    for subject, found in index.by_subject.items():
        statements = [
            statement for statement in found if realised(statement)
        ]  # a claim never made says nothing
        if len(statements) < 2:
            continue
        for first, second in _pairs(statements):
            conflicts.extend(_compare(subject, first, second))
    conflicts.extend(_denied_claims(index))
    return conflicts


def _denied_claims(index: Index) -> Iterator[Conflict]:
    """
    A claim that denies another claim (its content) against the claims of
    that content: the claim itself, wherever the dossier holds it, and the
    claims its claimant makes about the same event or proposition.
    """
    denials = [
        statement
        for statement in index.statements
        if isinstance(statement.claim.content, Claim)
        and statement.claim.factuality.is_negative
        and realised(statement)
    ]
    if not denials:
        return
    wanted = {cast("Claim", statement.claim.content).id for statement in denials}
    held: dict[str, list[Statement]] = defaultdict(list)  # every statement of each denied claim id
    for statement in index.statements:
        if statement.claim.id in wanted:
            held[statement.claim.id].append(statement)
    seen: set[tuple[str, str]] = set()
    for statement in denials:
        denial = statement.claim
        denied = cast("Claim", denial.content)
        subject = denied.content
        # The claim itself, as the first report other than the denial's own carries it.
        candidates: list[Statement] = [
            next(
                (
                    other
                    for other in held[denied.id]
                    if other.report is not statement.report and realised(other)
                ),
                held[denied.id][0],
            )
        ]
        if isinstance(subject, (Event, Proposition)) and subject.id is not None:
            candidates.extend(
                other
                for other in index.by_subject.get(subject.id, ())
                if other.claim.claimant == denied.claimant and other.claim.factuality.is_positive
            )
        for other in candidates:
            if other.claim.id == denial.id or other.report is statement.report or not realised(other):
                continue
            key = (denial.id, other.claim.id)
            if key in seen:
                continue
            seen.add(key)
            yield Conflict(
                statement,
                other,
                subject.id
                if isinstance(subject, (Event, Proposition)) and subject.id is not None
                else denied.id,
                "claim",
                f"one {denial.speech_act.value} ({denial.factuality}) what the other "
                f"{other.claim.speech_act.value} ({other.claim.factuality})",
            )


def _role_conflicts(subject: str, first: Statement, second: Statement) -> list[Conflict] | None:
    """
    Conflicts between a claim about one participant's role (``role_of``) and
    another claim about the event: only over that participant in that role.
    ``None`` when neither claim is about a role.
    """
    if first.claim.role_of is None and second.claim.role_of is None:
        return None
    found: list[Conflict] = []
    for about, other in ((first, second), (second, first)):
        actor = about.claim.role_of
        if actor is None:
            continue
        content, other_content = about.claim.content, other.claim.content
        assert isinstance(content, Event)
        if not isinstance(other_content, Event):
            continue
        roles = {participant.role for participant in content.participants if participant.actor == actor}
        named = {participant.role for participant in other_content.participants if participant.actor == actor}
        a, b = about.claim.factuality, other.claim.factuality
        opposite = (a.is_positive and b.is_negative) or (a.is_negative and b.is_positive)
        if opposite and other.claim.role_of in (None, actor):
            found.extend(
                Conflict(
                    first,
                    second,
                    subject,
                    "role",
                    f"{actor!r} as {role!r}: one says {a} ({about.claim.speech_act.value}), "
                    f"the other {b} ({other.claim.speech_act.value})",
                )
                for role in sorted(roles & named)
            )
        if other.claim.role_of is not None:
            break  # both are about roles: compared once
    return found


def _compare(subject: str, first: Statement, second: Statement) -> list[Conflict]:
    roles = _role_conflicts(subject, first, second)
    if roles is not None:
        return roles
    found = []
    content_a, content_b = first.claim.content, second.claim.content
    assert isinstance(content_a, (Event, Proposition))
    assert isinstance(content_b, (Event, Proposition))
    link = _link(content_a, content_b)
    if (
        link
        and content_a.when is not None
        and content_b.when is not None
        and content_a.when.relation(content_b.when) is not TimeRelation.OVERLAPS
    ):
        return []  # a link may hold at one time and not at another
    a, b = first.claim.factuality, second.claim.factuality
    if (a.is_positive and b.is_negative) or (a.is_negative and b.is_positive):
        found.append(
            Conflict(
                first,
                second,
                subject,
                "polarity",
                f"{link}one says {a} ({first.claim.speech_act.value}), "
                f"the other {b} ({second.claim.speech_act.value})",
            )
        )
    for name in sorted(content_a.quantities.keys() & content_b.quantities.keys()):
        qa, qb = content_a.quantities[name], content_b.quantities[name]
        if quantities_conflict(qa, qb):
            found.append(
                Conflict(first, second, subject, f"quantities.{name}", f"{_bounds(qa)} against {_bounds(qb)}")
            )
    when_a, when_b = content_a.when, content_b.when
    if when_a is not None and when_b is not None and when_a.relation(when_b) is not TimeRelation.OVERLAPS:
        found.append(Conflict(first, second, subject, "when", f"{when_a} cannot meet {when_b}"))
    if isinstance(content_a, Event) and isinstance(content_b, Event):
        found.extend(_event_conflicts(subject, first, second, content_a, content_b))
    return found


def _link(a: Event | Proposition, b: Event | Proposition) -> str:
    """For two claims of one link between two actors, the link in words and a colon; else ``""``."""
    if not isinstance(a, Proposition) or not isinstance(b, Proposition) or a.link is None or a.link != b.link:
        return ""
    first, second = a.about
    return f"{first!r} {a.link.value} {second!r}: "


#: Roles that one actor cannot hold in one event at once: who did it, and who it was done to.
EXCLUSIVE_ROLES: Final = (frozenset({"agent", "perpetrator", "attacker"}), frozenset({"target", "victim"}))


def _kinds_conflict(a: str, b: str) -> bool:
    """
    Whether two dotted kinds name different things: their first words differ
    (an attack against a protest). Kinds that share their first word
    (``attack.strike``, ``attack.shelling``) are one happening named more or
    less precisely: different detail, not a conflict.
    """
    return a.partition(".")[0] != b.partition(".")[0]


def _event_conflicts(
    subject: str, first: Statement, second: Statement, a: Event, b: Event
) -> Iterator[Conflict]:
    if _kinds_conflict(a.kind, b.kind):
        yield Conflict(first, second, subject, "kind", f"{a.kind!r} against {b.kind!r}")
    if a.where is not None and b.where is not None:
        # A place that names several areas meets another when any of its countries is the other's.
        countries_a, countries_b = a.where.countries, b.where.countries
        if countries_a and countries_b and countries_a.isdisjoint(countries_b):
            yield Conflict(
                first,
                second,
                subject,
                "where.country",
                f"{' and '.join(sorted(countries_a))} against {' and '.join(sorted(countries_b))}: "
                "places that cannot meet",
            )
    roles_a: dict[str, set[str]] = {}
    for participant in a.participants:
        if participant.actor is not None:  # two unnamed participants need not be one actor
            roles_a.setdefault(participant.actor, set()).add(participant.role)
    for participant in b.participants:
        for role in sorted(roles_a.get(participant.actor, ()) if participant.actor is not None else ()):
            if _roles_exclude(role, participant.role):
                yield Conflict(
                    first,
                    second,
                    subject,
                    "participants",
                    f"{participant.actor!r} is {role!r} in one and {participant.role!r} in the other",
                )


def _roles_exclude(a: str, b: str) -> bool:
    doer, done_to = EXCLUSIVE_ROLES
    return (a in doer and b in done_to) or (a in done_to and b in doer)


def _bounds(quantity: object) -> str:
    low, high = quantity.bounds  # type: ignore[attr-defined]
    if low == high:
        return str(low)
    return f"{'…' if low is None else low}–{'…' if high is None else high}"
