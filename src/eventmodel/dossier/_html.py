"""
HTML pieces of a dossier: a claim's chain of attribution, an event's or a
proposition's accounts side by side, corroboration, and a summary of a
dossier. They are what a notebook shows (``_repr_html_``) and what the HTML
report (``eventmodel report``) is made of.

Every text that comes from the data goes through :func:`esc`: names, quotes,
ids and times render as text, never as markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition
from eventmodel.model._evidence import Evidence
from eventmodel.model._place import Place
from eventmodel.model._quantity import Quantity
from eventmodel.model._source import Source
from eventmodel.time._relative import Relative
from eventmodel.time._when import Interval, Moment, When

from ._analysis import Corroboration, hops_of
from ._provenance import resolve_time

if TYPE_CHECKING:
    from ._dossier import Dossier

#: How many characters of a source's text are shown on each side of a quote.
CONTEXT: Final = 160

#: How many claims a dossier shows in a notebook before "and N more".
NOTEBOOK_CLAIMS: Final = 20

STYLE: Final = """
.em-root{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1d2329}
.em-root [hidden]{display:none!important}
.em-root code{font-size:12px;color:#5b6670;overflow-wrap:anywhere}
.em-accounts{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start}
.em-claim{border:1px solid #cfd6dd;border-radius:6px;padding:8px 10px;background:#fff;
 flex:1 1 320px;max-width:560px;min-width:260px;box-sizing:border-box}
.em-claim.em-conflicting{border:2px solid #c0392b}
.em-claim header{font-weight:600;margin-bottom:4px}
.em-num{color:#5b6670;font-weight:400;margin-right:6px}
.em-chain{list-style:none;margin:0;padding:0}
.em-hop{border-left:3px solid #8aa4bd;padding:2px 0 2px 8px;margin:4px 0}
.em-hop .em-hop{margin-left:4px}
.em-act{font-style:italic}
.em-fact{display:inline-block;font:600 11px/1.6 ui-monospace,monospace;border-radius:3px;padding:0 4px;
 background:#e3eefa;color:#164a7a}
.em-fact.em-neg{background:#fbe4e1;color:#8e2318}
.em-fact.em-unc{background:#eee;color:#555}
.em-seen,.em-when{color:#5b6670;font-size:12px}
.em-quote{margin:4px 0;padding:4px 8px;background:#f7f7f2;border-left:3px solid #d8d2a8;font-size:13px;
 white-space:pre-wrap;overflow-wrap:anywhere}
.em-quote mark{background:#ffe58a;padding:0 1px}
.em-content{margin-top:6px;padding:6px 8px;background:#fffaf0;border-radius:4px}
.em-content dl{display:grid;grid-template-columns:max-content 1fr;gap:0 8px;margin:4px 0 0}
.em-content dt{color:#5b6670}.em-content dd{margin:0;overflow-wrap:anywhere}
.em-relayed{margin-top:4px;font-size:12px}
.em-subject{margin:18px 0;padding-top:6px;border-top:1px solid #e2e6ea}
.em-subject h3{margin:0 0 4px;font-size:16px}
.em-corro{margin:2px 0 8px;font-size:13px}
.em-circular{color:#8e2318;font-weight:600}
.em-disagree{color:#c0392b;font-size:12px;font-weight:600}
.em-more{color:#5b6670}
"""


def esc(value: object) -> str:
    """*value* as HTML text: ``<``, ``>``, ``&``, ``"`` and ``'`` escaped."""
    return html.escape(str(value), quote=True)


def plural(count: int, noun: str) -> str:
    """``1 report``, ``2 reports``, with thousands separated."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def seconds(value: datetime) -> float:
    """A time bound as seconds since the epoch (a time without zone is read as UTC)."""
    return (value if value.tzinfo is not None else value.replace(tzinfo=UTC)).timestamp()


def describe_quantity(quantity: Quantity) -> str:
    """A quantity in words: ``16,600 personnel``, ``at least 10``, ``about 5–7 boats``."""

    def number(value: Decimal) -> str:
        return f"{value:,}"

    about = "about " if quantity.approximate else ""
    unit = f" {quantity.unit}" if quantity.unit else ""
    if quantity.value is not None:
        return f"{about}{number(quantity.value)}{unit}"
    if quantity.lower is not None and quantity.upper is not None:
        return f"{about}{number(quantity.lower)}–{number(quantity.upper)}{unit}"
    if quantity.lower is not None:
        return f"{about}at least {number(quantity.lower)}{unit}"
    assert quantity.upper is not None
    return f"{about}at most {number(quantity.upper)}{unit}"


def corroboration_text(result: Corroboration) -> str:
    """Corroboration in the words ``eventmodel show`` uses: ``3 reports, 1 independent origin``."""
    return f"{plural(result.raw_count, 'report')}, {plural(result.independent_count, 'independent origin')}"


def events_reported(dossier: Dossier) -> list[str]:
    """The ids of the events the dossier's claims describe, in order of first mention."""
    return list(
        dict.fromkeys(
            statement.claim.content.id
            for statement in dossier.statements()
            if isinstance(statement.claim.content, Event)
        )
    )


class Renderer:
    """
    Renders the pieces of one dossier (or of a claim on its own, when
    *dossier* is ``None``: names are then ids).
    """

    def __init__(self, dossier: Dossier | None) -> None:
        self.dossier = dossier
        self.numbers: dict[str, int] = (
            {claim.id: number for number, claim in enumerate(dossier.claims, start=1)} if dossier else {}
        )
        #: Per top-level claim id, what it disagrees on, in words (set by the report).
        self.disagreements: dict[str, list[str]] = {}

    # -- names -----------------------------------------------------------------------------------

    def actor(self, ident: str | None) -> str:
        if ident is None:
            return "(unattributed)"
        found = self.dossier.get(ident) if self.dossier else None
        if not isinstance(found, Actor):
            return ident
        return f"{found.name} (unnamed)" if found.unnamed else found.name

    def source(self, ident: str) -> str:
        found = self.dossier.get(ident) if self.dossier else None
        if not isinstance(found, Source):
            return ident
        if found.publisher is not None:
            return self.actor(found.publisher)
        return found.title or ident

    def time(self, when: When, report: Claim | None, made_at: When | None = None) -> str:
        if not isinstance(when, Relative):
            return str(when)
        resolved = when.resolved
        if resolved is None and self.dossier is not None and report is not None:
            resolved = resolve_time(self.dossier, when, report=report, made_at=made_at)
        return f"“{when.text}” ({resolved if resolved is not None else f'unresolved, relative to {when.anchor}'})"

    def absolute(
        self, when: When | None, report: Claim, made_at: When | None = None
    ) -> Moment | Interval | None:
        """*when* as an absolute time, resolving a relative one when the dossier can."""
        if when is None or isinstance(when, (Moment, Interval)):
            return when
        if isinstance(when, Relative):
            if when.resolved is not None:
                return when.resolved
            if self.dossier is not None:
                return resolve_time(self.dossier, when, report=report, made_at=made_at)
        return None

    # -- pieces ----------------------------------------------------------------------------------

    @staticmethod
    def factuality(value: object) -> str:
        text = str(value)
        kind = " em-neg" if text.endswith("-") else (" em-unc" if text.endswith("u") else "")
        return f'<span class="em-fact{kind}" title="factuality">{esc(text)}</span>'

    def quote(self, evidence: Evidence) -> str:
        """The quote of *evidence* in its source's text, around its span."""
        if evidence.quote is None:
            return ""
        exact = evidence.quote.exact
        found = self.dossier.get(evidence.source) if self.dossier else None
        text = found.text if isinstance(found, Source) else None
        start = None
        if text:
            if evidence.span is not None and text[evidence.span.start : evidence.span.end] == exact:
                start = evidence.span.start
            else:
                at = text.find(exact)
                start = at if at >= 0 else None
        if text is None or start is None:
            return f'<blockquote class="em-quote"><mark>{esc(exact)}</mark></blockquote>'
        end = start + len(exact)
        before = text[max(0, start - CONTEXT) : start]
        after = text[end : end + CONTEXT]
        return (
            f'<blockquote class="em-quote">{"…" if start > CONTEXT else ""}{esc(before)}'
            f"<mark>{esc(exact)}</mark>{esc(after)}{'…' if end + CONTEXT < len(text) else ''}</blockquote>"
        )

    def facts(self, rows: Iterable[tuple[str, str]]) -> str:
        items = "".join(f"<dt>{esc(name)}</dt><dd>{esc(value)}</dd>" for name, value in rows)
        return f"<dl>{items}</dl>" if items else ""

    def content(self, content: Event | Proposition, report: Claim | None, made_at: When | None) -> str:
        if isinstance(content, Proposition):
            rows = [(name, describe_quantity(quantity)) for name, quantity in content.quantities.items()]
            if content.link is not None:
                first, second = content.about
                rows.insert(0, (content.link.value, f"{self.actor(first)} → {self.actor(second)}"))
            return f'<div class="em-content">that: {esc(content.text)}{self.facts(rows)}</div>'
        rows = []
        if content.when is not None:
            rows.append(("when", self.time(content.when, report, made_at)))
        if content.where is not None:
            place = place_text(content.where)
            if place:
                rows.append(("where", place))
        if content.description:
            rows.append(("what", content.description))
        rows.extend(
            (participant.role, "(not named)" if participant.actor is None else self.actor(participant.actor))
            for participant in content.participants
        )
        rows.extend((name, describe_quantity(quantity)) for name, quantity in content.quantities.items())
        rows.extend((name, str(value)) for name, value in content.details.items())
        return (
            f'<div class="em-content">event: <b>{esc(content.kind)}</b> <code>{esc(content.id)}</code>'
            f"{self.facts(rows)}</div>"
        )

    def claim(self, claim: Claim, *, attributes: str = "") -> str:
        """A claim as its chain of attribution: one card."""
        hops = hops_of(claim)
        number = self.numbers.get(claim.id)
        outlets = list(dict.fromkeys(self.source(evidence.source) for evidence in claim.evidence))
        path = [*outlets[:1], *(self.actor(hop.claimant) for hop in hops)]
        if len(path) > 1 and path[0] == path[1]:
            del path[0]
        conflicting = " em-conflicting" if claim.id in self.disagreements else ""
        parts = [f'<article class="em-claim{conflicting}"{attributes}><header>']
        if number is not None:
            parts.append(f'<span class="em-num">claim {number}</span>')
        parts.append(f"{esc(' → '.join(path))}</header>")
        for hop in hops:
            when = (
                f' <span class="em-when">{esc(self.time(hop.made_at, claim))}</span>'
                if hop.made_at is not None
                else ""
            )
            parts.append(
                f'<div class="em-hop"><b>{esc(self.actor(hop.claimant))}</b> '
                f'<span class="em-act">{esc(hop.speech_act.value)}</span> {self.factuality(hop.factuality)}{when}'
            )
            for evidence in hop.evidence:
                parts.append(f'<div class="em-seen">seen in {esc(self.source(evidence.source))}</div>')
                parts.append(self.quote(evidence))
        innermost = hops[-1].claim.content
        assert not isinstance(innermost, Claim)
        parts.append(self.content(innermost, claim, hops[-1].made_at))
        parts.append("</div>" * len(hops))
        if len(hops) > 1:
            parts.append(
                f'<div class="em-relayed">factuality as relayed: {self.factuality(hops[-1].composed)}</div>'
            )
        parts.extend(
            f'<div class="em-disagree">{esc(line)}</div>' for line in self.disagreements.get(claim.id, ())
        )
        parts.append(f"<code>{esc(claim.id)}</code></article>")
        return "".join(parts)

    def corroboration(self, result: Corroboration) -> str:
        circular = ' <span class="em-circular">(circular reporting)</span>' if result.circular else ""
        origins = "".join(
            f"<li>{esc(self.actor(origin.claimant))}: "
            f"{'claim' if len(origin.reports) == 1 else 'claims'} "
            f"{esc(', '.join(str(self.numbers.get(report.id, report.id)) for report in origin.reports))}"
            + "".join(f"<br><small>{esc(why)}</small>" for why in origin.why)
            + "".join(
                f"<br><small>claim {esc(str(self.numbers.get(relay.report.id, relay.report.id)))} "
                f"carries the text of {esc(', '.join(relay.copied_from))}</small>"
                for relay in origin.relays
                if relay.copied
            )
            + "</li>"
            for origin in result.origins
        )
        return (
            f'<div class="em-corro">Corroboration: <b>{esc(corroboration_text(result))}</b>{circular}'
            f"<ul>{origins}</ul></div>"
        )

    def subject_heading(self, subject: Event | Proposition) -> str:
        if isinstance(subject, Event):
            where = f" in {subject.where.name}" if subject.where is not None and subject.where.name else ""
            return f"<h3>{esc(subject.kind)}{esc(where)} <code>{esc(subject.id)}</code></h3>"
        ident = f" <code>{esc(subject.id)}</code>" if subject.id else ""
        return f"<h3>“{esc(subject.text)}”{ident}</h3>"


def _wrap(body: str) -> str:
    return f'<div class="em-root"><style>{STYLE}</style>{body}</div>'


def claim_html(claim: Claim) -> str:
    """A claim's chain of attribution as HTML (what a notebook shows for it)."""
    return _wrap(Renderer(None).claim(claim))


def event_html(event: Event) -> str:
    """An event as HTML: what it is, where and when (what a notebook shows for it)."""
    renderer = Renderer(None)
    return _wrap(renderer.subject_heading(event) + renderer.content(event, None, None))


def subject_html(
    renderer: Renderer, subject: Event | Proposition, reports: Iterable[Claim], more: str = ""
) -> str:
    """An event or proposition with its accounts side by side, and corroboration for an event."""
    dossier = renderer.dossier
    corroboration = (
        renderer.corroboration(dossier.corroboration(subject.id))
        if dossier is not None and isinstance(subject, Event)
        else ""
    )
    cards = "".join(renderer.claim(report) for report in reports)
    return (
        f'<section class="em-subject">{renderer.subject_heading(subject)}{corroboration}'
        f'<div class="em-accounts">{cards}</div>{more}</section>'
    )


def dossier_html(dossier: Dossier) -> str:
    """
    A dossier as HTML for a notebook: its counts and check, then the
    accounts of its first subjects (events and propositions) side by side,
    with corroboration, up to :data:`NOTEBOOK_CLAIMS` claims.
    """
    renderer = Renderer(dossier)
    report = dossier.check()
    verdict = (
        f"ok ({plural(len(report.rules), 'rule')})"
        if not report.violations
        else f"{plural(len(report.errors), 'error')}, {plural(len(report.warnings), 'warning')}"
    )
    parts = [
        f"<p><b>Dossier</b>: {esc(plural(len(dossier.actors), 'actor'))}, "
        f"{esc(plural(len(dossier.sources), 'source'))}, {esc(plural(len(dossier.claims), 'claim'))}. "
        f"Provenance check: {esc(verdict)}</p>"
    ]
    groups: dict[str, tuple[Event | Proposition, list[Claim]]] = {}
    shown = 0
    for claim in dossier.claims:
        if shown >= NOTEBOOK_CLAIMS:
            break
        subject = dossier.origin(claim).content
        assert not isinstance(subject, Claim)
        groups.setdefault(subject.id or f"{claim.id}#content", (subject, []))[1].append(claim)
        shown += 1
    parts.extend(subject_html(renderer, subject, reports) for subject, reports in groups.values())
    if len(dossier.claims) > shown:
        parts.append(
            f'<p class="em-more">and {esc(plural(len(dossier.claims) - shown, "more claim"))}: '
            "eventmodel report FILE -o report.html shows them all</p>"
        )
    return _wrap("".join(parts))


def _claim_repr_html(self: Claim) -> str:
    return claim_html(self)


def _event_repr_html(self: Event) -> str:
    return event_html(self)


# The model layer knows nothing of HTML: its notebook display is given here, one layer up, where the
# chain of a claim is known. Subclasses (custom claim types) inherit it.
Claim._repr_html_ = _claim_repr_html  # type: ignore[attr-defined]
Event._repr_html_ = _event_repr_html  # type: ignore[attr-defined]


def place_text(place: Place, *, admin: bool = True) -> str:
    """
    A place in words: its name, admin units (*admin*) and country, then the
    areas it names in brackets ("Luhansk and Donetsk (Luhansk region, UA;
    Donetsk region, UA)").
    """
    own = ", ".join(part for part in (place.name, *(place.admin if admin else ()), place.country) if part)
    areas = "; ".join(place_text(area, admin=admin) for area in place.parts)
    return f"{own} ({areas})" if own and areas else own or areas
