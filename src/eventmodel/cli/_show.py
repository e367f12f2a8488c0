"""The text of ``eventmodel show``: chains of attribution, corroboration and conflicts."""

from __future__ import annotations

import textwrap

from eventmodel.dossier._analysis import Corroboration, Hop, Statement
from eventmodel.dossier._dossier import Dossier
from eventmodel.dossier._html import describe_quantity, place_text
from eventmodel.dossier._provenance import resolve_time
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition
from eventmodel.model._source import Source
from eventmodel.time._relative import Relative
from eventmodel.time._when import When

__all__ = ["_plural", "describe_quantity", "show"]


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


# -- show ----------------------------------------------------------------------------------------


class _Shower:
    """The text of ``eventmodel show``."""

    def __init__(self, dossier: Dossier, width: int) -> None:
        self.dossier = dossier
        self.width = max(width, 40)
        self.lines: list[str] = []
        self.numbers = {claim.id: number for number, claim in enumerate(dossier.claims, start=1)}

    def actor(self, ident: str | None) -> str:
        if ident is None:
            return "(unattributed)"
        found = self.dossier.get(ident)
        if not isinstance(found, Actor):
            return ident
        return f"{found.name} (unnamed)" if found.unnamed else found.name

    def source(self, ident: str) -> str:
        found = self.dossier.get(ident)
        if not isinstance(found, Source):
            return ident
        if found.publisher is not None:
            return self.actor(found.publisher)
        return found.title or ident

    def time(self, when: When, report: Claim, made_at: When | None = None) -> str:
        """A time as written; a relative one with the time it resolves to in the dossier."""
        if not isinstance(when, Relative):
            return str(when)
        resolved = when.resolved or resolve_time(self.dossier, when, report=report, made_at=made_at)
        return f"“{when.text}” ({resolved if resolved is not None else f'unresolved, relative to {when.anchor}'})"

    def claim_ref(self, statement: Statement) -> str:
        number = self.numbers.get(statement.report.id)
        return f"{self.actor(statement.claim.claimant)} (claim {number})"

    def say(self, text: str, indent: int, hang: int = 2) -> None:
        self.lines.extend(
            textwrap.wrap(
                text,
                self.width,
                initial_indent=" " * indent,
                subsequent_indent=" " * (indent + hang),
                break_on_hyphens=False,
            )
            or [""]
        )

    def render(self) -> str:
        dossier = self.dossier
        report = dossier.check()
        self.say(
            f"Dossier: {_plural(len(dossier.actors), 'actor')}, {_plural(len(dossier.sources), 'source')}, "
            f"{_plural(len(dossier.claims), 'claim')}. Provenance check: "
            + (
                f"ok ({_plural(len(report.rules), 'rule')})"
                if not report.violations
                else f"{_plural(len(report.errors), 'error')}, {_plural(len(report.warnings), 'warning')} "
                "(eventmodel validate lists them)"
            ),
            0,
        )
        for source in dossier.sources:
            self.lines.append("")
            self.show_source(source)
        self.lines.extend(["", "Claims"])
        for number, claim in enumerate(dossier.claims, start=1):
            self.lines.append("")
            self.show_claim(number, claim)
        self.show_corroboration()
        self.show_conflicts()
        if dossier.unrecognized:  # pragma: no cover - the command reads strictly
            self.lines.extend(["", f"{_plural(len(dossier.unrecognized), 'unrecognized object')}"])
        return "\n".join(self.lines) + "\n"

    def show_source(self, source: Source) -> None:
        parts = [source.kind.value.replace("_", " ")]
        if source.published is not None:
            estimated = "estimated " if source.published_estimate is not None else ""
            parts.append(f"{estimated}published {source.published}")
        title = f" “{source.title}”" if source.title else ""
        self.say(f"Source {source.id}: {self.source(source.id)}{title} ({', '.join(parts)})", 0)
        if source.published_estimate is not None:
            self.say(f"publication estimated: {source.published_estimate}", 2)
        if source.url:
            self.say(source.url, 2)
        for parent in source.derived_from:
            self.say(f"derived from {self.source(parent)} [{parent}]", 2)

    def show_claim(self, number: int, claim: Claim) -> None:
        hops = self.dossier.chain(claim)
        outlets = list(dict.fromkeys(self.source(evidence.source) for evidence in claim.evidence))
        speakers = [self.actor(hop.claimant) for hop in hops]
        path = [*outlets[:1], *speakers]
        if len(path) > 1 and path[0] == path[1]:
            del path[0]
        self.say(f"{number}. {' → '.join(path)}", 0, 3)
        for hop in hops:
            self.show_hop(hop, claim)
        innermost = hops[-1].claim.content
        indent = 3 + 2 * len(hops)
        if isinstance(innermost, Event):
            self.show_event(innermost, indent, claim, hops[-1].made_at)
        elif isinstance(innermost, Proposition):
            self.say(f"that: {innermost.text}", indent)
            if innermost.link is not None:
                first, second = innermost.about
                self.say(f"{innermost.link.value}: {self.actor(first)} → {self.actor(second)}", indent + 2)
            for name, quantity in innermost.quantities.items():
                self.say(f"{name}: {describe_quantity(quantity)}", indent + 2)
        if len(hops) > 1:
            self.say(f"factuality as relayed: {hops[-1].composed}", 3)
        self.say(f"[{claim.id}]", 3)

    def show_hop(self, hop: Hop, report: Claim) -> None:
        indent = 3 + 2 * (hop.depth - 1)
        when = f", {self.time(hop.made_at, report)}" if hop.made_at is not None else ""
        mood = "" if hop.claim.mood.realised else f", {hop.claim.mood.value}: not made"
        about = "" if hop.claim.role_of is None else f", of the role of {self.actor(hop.claim.role_of)}"
        self.say(
            f"{self.actor(hop.claimant)} {hop.speech_act.value} ({hop.factuality}){when}{mood}{about}", indent
        )
        for evidence in hop.evidence:
            where = self.source(evidence.source)
            if evidence.quote is not None:
                self.say(f"“{evidence.quote.exact}” ({where})", indent + 4, 1)
            elif hop.depth > 1 or len(hop.evidence) > 1:
                self.say(f"seen in {where}", indent + 4)

    def show_event(self, event: Event, indent: int, report: Claim, made_at: When | None) -> None:
        facts = [event.kind]
        if event.where is not None:
            place = place_text(event.where, admin=False)
            if place:
                facts.append(f"in {place}")
        if event.when is not None:
            facts.append(f"at {self.time(event.when, report, made_at)}")
        self.say(f"event: {', '.join(facts)} [{event.id}]", indent)
        if event.description:
            self.say(event.description, indent + 2)
        for participant in event.participants:
            who = "(not named)" if participant.actor is None else self.actor(participant.actor)
            self.say(f"{participant.role}: {who}", indent + 2)
        for name, quantity in event.quantities.items():
            self.say(f"{name}: {describe_quantity(quantity)}", indent + 2)
        for name, value in event.details.items():
            self.say(f"{name}: {value}", indent + 2)

    def show_corroboration(self) -> None:
        events = dict.fromkeys(
            statement.claim.content.id
            for statement in self.dossier.statements()
            if isinstance(statement.claim.content, Event)
        )
        results: list[Corroboration] = [self.dossier.corroboration(ident) for ident in events]
        shared = [result for result in results if result.raw_count > 1]
        self.lines.extend(["", "Corroboration"])
        if not results:
            self.say("no events", 2)
            return
        for result in shared:
            self.say(
                f"{result.event_id}: {_plural(result.raw_count, 'report')}, "
                f"{_plural(result.independent_count, 'independent origin')}"
                + (" (circular reporting)" if result.circular else ""),
                2,
            )
            for origin in result.origins:
                numbers = ", ".join(str(self.numbers[report.id]) for report in origin.reports)
                noun = "claim" if len(origin.reports) == 1 else "claims"
                self.say(f"{self.actor(origin.claimant)}: {noun} {numbers}", 4)
                for why in origin.why:
                    self.say(why, 6)
                for relay in origin.relays:
                    if relay.copied:
                        copied = ", ".join(relay.copied_from)
                        self.say(f"claim {self.numbers[relay.report.id]} carries the text of {copied}", 6)
        single = len(results) - len(shared)
        if single:
            self.say(f"{_plural(single, 'event')} with one report each", 2)

    def show_conflicts(self) -> None:
        conflicts = self.dossier.conflicts()
        self.lines.extend(["", "Conflicts"])
        if not conflicts:
            self.say("none", 2)
        for conflict in conflicts:
            self.say(
                f"{conflict.subject}, {conflict.field}: {self.claim_ref(conflict.first)} vs "
                f"{self.claim_ref(conflict.second)}: {conflict.reason}",
                2,
            )


def show(dossier: Dossier, *, width: int = 100) -> str:
    """
    The dossier as ``eventmodel show`` prints it: its check, its sources,
    each top-level claim as its chain of attribution (outlet → speaker →
    ...) with factuality, time and quotes, then corroboration and conflicts.
    """
    return _Shower(dossier, width).render()
