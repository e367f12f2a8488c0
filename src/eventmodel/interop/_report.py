"""
The HTML report of a dossier: one self-contained page (no network, no
external file; it works from ``file://``) that shows, for each event and
proposition, its accounts side by side with corroboration and circular
reporting, conflicts with the field that disagrees, each quote in its
source's text, a timeline with fuzzy extents, the provenance check's
findings, and filters by actor, source and event.

Every text from the data is escaped, and the page's Content-Security-Policy
allows its own script only (by hash) and no request of any kind, so that
hostile strings in a dossier render as text and run nothing.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import IO, Final

import attrs

from eventmodel import __version__
from eventmodel.dossier._analysis import Conflict
from eventmodel.dossier._dossier import Dossier
from eventmodel.dossier._html import STYLE, Renderer, esc, events_reported, plural, seconds
from eventmodel.dossier._provenance import Report
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition
from eventmodel.time._when import Interval, Moment

__all__ = ["TIMELINE_ROWS", "report_html", "write_report"]

#: The most subjects the timeline draws (the page stays light for big dossiers).
TIMELINE_ROWS: Final = 2_000

Progress = Callable[[int, int], object]
"""Called with (claims done, claims in all) as the report is made."""

_PAGE_STYLE: Final = """
body{margin:0;background:#f4f6f8}
.em-page{max-width:1400px;margin:0 auto;padding:16px 20px 40px}
.em-page h1{font-size:22px;margin:0 0 4px}
.em-page h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #cfd6dd;padding-bottom:2px}
.em-filters{position:sticky;top:0;z-index:1;background:#f4f6f8ee;padding:8px 0;display:flex;flex-wrap:wrap;
 gap:8px 16px;align-items:center;border-bottom:1px solid #dde3e8}
.em-filters select{max-width:320px}
.em-timeline{overflow:auto;max-height:480px;background:#fff;border:1px solid #dde3e8;border-radius:6px}
.em-timeline text{font:11px system-ui,sans-serif;fill:#1d2329}
.em-timeline .em-axis{fill:#5b6670}
.em-timeline .em-bar{fill:#e0a33a;fill-opacity:.55;stroke:#b07414}
.em-timeline .em-said{fill:#2f6fae}
.em-table{border-collapse:collapse;background:#fff;font-size:13px;width:100%}
.em-table td,.em-table th{border:1px solid #dde3e8;padding:4px 6px;text-align:left;vertical-align:top;
 overflow-wrap:anywhere}
.em-error{color:#8e2318}.em-warning{color:#7a5a00}
.em-subject{content-visibility:auto;contain-intrinsic-size:auto 400px}
"""

# Reads ids from data attributes and sets only `hidden` and `textContent`: it never writes markup.
_SCRIPT: Final = """
(function () {
  "use strict";
  var names = ["actor", "source", "subject"];
  var chosen = {};
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.em-claim[data-subject]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.em-subject"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-claims]"));
  var count = document.getElementById("em-count");
  function has(list, value) { return !value || list.split("\\n").indexOf(value) >= 0; }
  function apply() {
    var shown = 0, visible = {};
    cards.forEach(function (card) {
      var ok = has(card.dataset.actors, chosen.actor) && has(card.dataset.sources, chosen.source) &&
        has(card.dataset.subject, chosen.subject);
      card.hidden = !ok;
      if (ok) { shown += 1; visible[card.dataset.claim] = true; }
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector("article.em-claim:not([hidden])"); });
    rows.forEach(function (row) {
      row.hidden = !row.dataset.claims.split("\\n").some(function (id) { return visible[id]; });
    });
    count.textContent = shown.toLocaleString("en") + " of " + cards.length.toLocaleString("en") + " claims shown";
  }
  names.forEach(function (name) {
    var select = document.getElementById("em-filter-" + name);
    select.addEventListener("change", function () { chosen[name] = select.value; apply(); });
  });
  apply();
})();
"""


def _hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


_POLICY: Final = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src '{_hash(_SCRIPT)}'; base-uri 'none'; form-action 'none'"
)


@attrs.frozen
class _Account:
    """A top-level claim as the report places it: under its subject, with what to filter it by."""

    claim: Claim
    subject: Event | Proposition
    key: str
    """The subject's id (a proposition without one: the claim's id and ``#content``)."""
    actors: tuple[str, ...]
    sources: tuple[str, ...]


def _account(dossier: Dossier, claim: Claim) -> _Account:
    hops = dossier.chain(claim)
    subject = hops[-1].claim.content
    assert not isinstance(subject, Claim)
    actors = [hop.claimant for hop in hops if hop.claimant is not None]
    if isinstance(subject, Event):
        actors.extend(
            participant.actor for participant in subject.participants if participant.actor is not None
        )
    sources = [evidence.source for hop in hops for evidence in hop.evidence]
    key = subject.id or f"{hops[-1].claim.id}#content"
    return _Account(claim, subject, key, tuple(dict.fromkeys(actors)), tuple(dict.fromkeys(sources)))


def _options(name: str, label: str, choices: Iterable[tuple[str, str]]) -> str:
    options = "".join(f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in choices)
    return f'<label>{esc(label)} <select id="em-filter-{name}"><option value="">all</option>{options}</select></label>'


def _data(values: Iterable[str]) -> str:
    return esc("\n".join(values))


class _Report:
    def __init__(self, dossier: Dossier, title: str, progress: Progress | None) -> None:
        self.dossier = dossier
        self.title = title
        self.progress = progress
        self.renderer = Renderer(dossier)

    def render(self) -> str:
        dossier = self.dossier
        total = len(dossier.claims)
        accounts = [_account(dossier, claim) for claim in dossier.claims]
        conflicts = dossier.conflicts()
        for conflict in conflicts:
            for this, that in ((conflict.first, conflict.second), (conflict.second, conflict.first)):
                number = self.renderer.numbers.get(that.report.id)
                self.renderer.disagreements.setdefault(this.report.id, []).append(
                    f"disagrees on {conflict.field} with claim {number}: {conflict.reason}"
                )
        check = dossier.check()
        subjects: dict[str, list[_Account]] = {}
        for account in accounts:
            subjects.setdefault(account.key, []).append(account)
        events = events_reported(dossier)
        described = set(events)
        ordered = [ident for ident in events if ident in subjects] + [
            ident for ident in subjects if ident not in described
        ]
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{esc(_POLICY)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f'<meta name="generator" content="eventmodel {esc(__version__)}">',
            f"<title>{esc(self.title)}</title>",
            f"<style>{STYLE}{_PAGE_STYLE}</style></head>",
            '<body><div class="em-root em-page">',
            f"<h1>{esc(self.title)}</h1>",
            self.summary(check),
            self.filters(accounts, ordered, subjects),
            "<h2>Timeline</h2>",
            self.timeline(accounts, ordered, subjects),
            f'<h2>Events and propositions <small class="em-more">({esc(plural(len(ordered), "subject"))})</small></h2>',
        ]
        done = 0
        for ident in ordered:
            group = subjects[ident]
            subject = group[0].subject
            corroboration = (
                self.renderer.corroboration(dossier.corroboration(ident))
                if isinstance(subject, Event)
                else ""
            )
            cards = []
            for account in group:
                attributes = (
                    f' data-claim="{esc(account.claim.id)}" data-subject="{esc(ident)}"'
                    f' data-actors="{_data(account.actors)}" data-sources="{_data(account.sources)}"'
                )
                cards.append(self.renderer.claim(account.claim, attributes=attributes))
                done += 1
                if self.progress is not None:
                    self.progress(done, total)
            parts.append(
                f'<section class="em-subject">{self.renderer.subject_heading(subject)}{corroboration}'
                f'<div class="em-accounts">{"".join(cards)}</div></section>'
            )
        parts.append(self.conflicts(conflicts))
        parts.append(self.findings(check))
        parts.append(
            f'<p class="em-more">Made by eventmodel {esc(__version__)}.</p></div>'
            f"<script>{_SCRIPT}</script></body></html>\n"
        )
        return "\n".join(parts)

    def summary(self, check: Report) -> str:
        dossier = self.dossier
        verdict = (
            f"ok ({plural(len(check.rules), 'rule')})"
            if not check.violations
            else f"{plural(len(check.errors), 'error')}, {plural(len(check.warnings), 'warning')} (listed below)"
        )
        return (
            f"<p>{esc(plural(len(dossier.actors), 'actor'))}, {esc(plural(len(dossier.sources), 'source'))}, "
            f"{esc(plural(len(dossier.claims), 'claim'))}. Provenance check: {esc(verdict)}.</p>"
        )

    def filters(
        self, accounts: list[_Account], ordered: list[str], subjects: dict[str, list[_Account]]
    ) -> str:
        renderer = self.renderer
        actors = dict.fromkeys(actor for account in accounts for actor in account.actors)
        sources = dict.fromkeys(source for account in accounts for source in account.sources)

        def subject_name(ident: str) -> str:
            subject = subjects[ident][0].subject
            text = subject.kind if isinstance(subject, Event) else subject.text
            return f"{text[:60]} ({ident})"

        return (
            '<nav class="em-filters">'
            + _options(
                "actor", "Actor", sorted(((a, renderer.actor(a)) for a in actors), key=lambda p: p[1].lower())
            )
            + _options(
                "source",
                "Source",
                sorted(((s, f"{renderer.source(s)} ({s})") for s in sources), key=lambda p: p[1].lower()),
            )
            + _options("subject", "Event", ((ident, subject_name(ident)) for ident in ordered))
            + '<span id="em-count" role="status"></span></nav>'
        )

    def timeline(
        self, accounts: list[_Account], ordered: list[str], subjects: dict[str, list[_Account]]
    ) -> str:
        """An SVG timeline: a row per subject with a time, its extents as bars, when it was said as dots."""
        renderer = self.renderer
        rows: list[
            tuple[str, list[tuple[float | None, float | None, str]], list[tuple[float, str]], list[str]]
        ] = []
        for ident in ordered:
            extents: dict[str, tuple[float | None, float | None, str]] = {}
            said: list[tuple[float, str]] = []
            for account in subjects[ident]:
                hops = self.dossier.chain(account.claim)
                number = renderer.numbers[account.claim.id]
                subject = account.subject
                if isinstance(subject, Event):
                    when = renderer.absolute(subject.when, account.claim, hops[-1].made_at)
                    if when is not None:
                        low, high = when.lower, when.upper
                        key = str(when)
                        extents.setdefault(
                            key,
                            (
                                seconds(low) if low is not None else None,
                                seconds(high) if high is not None else None,
                                f"{key} (claim {number})",
                            ),
                        )
                made = renderer.absolute(hops[-1].made_at, account.claim)
                if isinstance(made, (Moment, Interval)) and made.lower is not None:
                    said.append((seconds(made.lower), f"said {made} (claim {number})"))
            if extents or said:
                rows.append((ident, list(extents.values()), said, [a.claim.id for a in subjects[ident]]))
        if not rows:
            return '<p class="em-more">No event or claim in the dossier has a time.</p>'
        dropped = max(0, len(rows) - TIMELINE_ROWS)
        rows = rows[:TIMELINE_ROWS]
        points = [
            p
            for _, bars, said, _ in rows
            for p in (*(b[0] for b in bars), *(b[1] for b in bars), *(s[0] for s in said))
        ]
        known = [p for p in points if p is not None]
        start, end = min(known), max(known)
        if end - start < 86400:
            start, end = start - 43200, end + 43200
        label_width, width, row_height = 300, 1000, 18
        scale = (width - label_width - 20) / (end - start)

        def x(value: float | None, default: float) -> float:
            return label_width + ((default if value is None else value) - start) * scale

        height = 30 + row_height * len(rows)
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="timeline">'
        ]
        for step in range(6):
            at = start + (end - start) * step / 5
            day = datetime.fromtimestamp(at, UTC).date().isoformat()
            left = x(at, at)
            anchor = "end" if step == 5 else "middle"
            parts.append(
                f'<line x1="{left:.1f}" y1="16" x2="{left:.1f}" y2="{height}" stroke="#eef1f4"/>'
                f'<text class="em-axis" x="{left:.1f}" y="12" text-anchor="{anchor}">{esc(day)}</text>'
            )
        for index, (ident, bars, said, claim_ids) in enumerate(rows):
            top = 22 + index * row_height
            subject = subjects[ident][0].subject
            name = (
                subject.text
                if isinstance(subject, Proposition)
                else subject.kind
                + (f" in {subject.where.name}" if subject.where is not None and subject.where.name else "")
            )
            parts.append(f'<g data-claims="{_data(claim_ids)}">')
            parts.append(f'<text x="4" y="{top + 11}"><title>{esc(ident)}</title>{esc(name[:44])}</text>')
            for begin, finish, title in bars:
                left, right = x(begin, start), x(finish, end)
                parts.append(
                    f'<rect class="em-bar" x="{left:.1f}" y="{top + 2}" width="{max(right - left, 3):.1f}" '
                    f'height="{row_height - 6}" rx="2"><title>{esc(title)}</title></rect>'
                )
            for at, title in said:
                parts.append(
                    f'<circle class="em-said" cx="{x(at, at):.1f}" cy="{top + row_height / 2 - 1}" r="3">'
                    f"<title>{esc(title)}</title></circle>"
                )
            parts.append("</g>")
        parts.append("</svg>")
        note = (
            f'<p class="em-more">The timeline shows the first {TIMELINE_ROWS:,} subjects of {len(rows) + dropped:,}.</p>'
            if dropped
            else ""
        )
        return (
            '<div class="em-timeline">' + "".join(parts) + "</div>"
            '<p class="em-more">Bars: when an event happened, as each account gives it (a month is a bar as '
            "long as the month); dots: when it was said.</p>" + note
        )

    def conflicts(self, conflicts: list[Conflict]) -> str:
        rows = []
        for conflict in conflicts:
            first, second = conflict.first, conflict.second
            numbers = self.renderer.numbers
            rows.append(
                f'<tr data-claims="{_data((first.report.id, second.report.id))}">'
                f"<td><code>{esc(conflict.subject)}</code></td><td><b>{esc(conflict.field)}</b></td>"
                f"<td>{esc(self.renderer.actor(first.claim.claimant))} (claim {numbers.get(first.report.id)})</td>"
                f"<td>{esc(self.renderer.actor(second.claim.claimant))} (claim {numbers.get(second.report.id)})</td>"
                f"<td>{esc(conflict.reason)}</td></tr>"
            )
        if not rows:
            return "<h2>Conflicts</h2><p>none</p>"
        return (
            f'<h2>Conflicts ({len(rows):,})</h2><table class="em-table"><thead><tr><th>about</th><th>field</th>'
            f"<th>one says</th><th>the other says</th><th>why they disagree</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def findings(self, check: Report) -> str:
        if not check.violations:
            return (
                f"<h2>Provenance check</h2><p>ok: {esc(plural(len(check.rules), 'rule'))}, no findings.</p>"
            )
        rows = "".join(
            f'<tr class="em-{esc(item.severity.value)}"><td>{esc(item.severity.value)}</td><td>{esc(item.rule)}</td>'
            f"<td><code>{esc(item.path)}</code></td><td>{esc(item.message)}</td><td>{esc(item.fix or '')}</td></tr>"
            for item in check.violations
        )
        return (
            f"<h2>Provenance check: {esc(plural(len(check.errors), 'error'))}, "
            f"{esc(plural(len(check.warnings), 'warning'))}</h2>"
            '<table class="em-table"><thead><tr><th>severity</th><th>rule</th><th>where</th><th>what</th>'
            f"<th>fix</th></tr></thead><tbody>{rows}</tbody></table>"
        )


def report_html(
    dossier: Dossier, *, title: str = "eventmodel report", progress: Progress | None = None
) -> str:
    """
    The HTML report of *dossier*: one self-contained page.

    Args:
        dossier: The dossier.
        title: The page's title (escaped like every other text).
        progress: Called with (claims done, claims in all) as the claims
            are rendered.

    Returns:
        The page, as text.

    """
    return _Report(dossier, title, progress).render()


def write_report(
    dossier: Dossier, fp: IO[str], *, title: str = "eventmodel report", progress: Progress | None = None
) -> None:
    """Write :func:`report_html` of *dossier* to *fp*."""
    fp.write(report_html(dossier, title=title, progress=progress))
