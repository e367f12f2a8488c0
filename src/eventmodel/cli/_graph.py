"""
The attribution graph, in Graphviz's DOT language and as a Mermaid flowchart.

Read from left to right: where a claim was seen (a source, named by its
publisher, so that an actor who publishes appears once), who says what
through whom (one node per hop of reported speech, labelled by speaker,
speech act, factuality and a short form of what is said), and what it is
about (events and propositions, each drawn once, so that several accounts
of one event converge on it). Conflicting claims are joined by a red dashed
line naming the field they disagree on.
"""

from __future__ import annotations

from typing import Final, Literal

import attrs

from eventmodel.dossier._dossier import Dossier
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition
from eventmodel.model._source import Source
from eventmodel.time._relative import Relative

Shape = Literal["source", "claim", "event", "proposition", "actor"]

_SHORT: Final = 36
"""The longest a short form of a text grows, in characters."""


@attrs.frozen
class _Node:
    id: str
    label: str
    shape: Shape


@attrs.frozen
class _Edge:
    start: str
    end: str
    label: str = ""
    conflict: bool = False


def _short(text: str, limit: int = _SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrapped(text: str, width: int = 28) -> str:
    """*text* broken into lines of about *width* characters, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _name(dossier: Dossier, ident: str | None) -> str:
    if ident is None:
        return "it was reported"
    found = dossier.get(ident)
    return found.name if isinstance(found, Actor) else ident


def _source_label(dossier: Dossier, source: Source) -> str:
    publisher = _name(dossier, source.publisher) if source.publisher is not None else None
    kind = source.kind.value.replace("_", " ").replace("-", " ")
    first = publisher or (_short(source.title) if source.title else source.id)
    rest = [kind, *([str(source.published)] if source.published is not None else [])]
    title = f"\n“{_wrapped(_short(source.title, 60))}”" if source.title and publisher else ""
    return f"{first}{title}\n{', '.join(rest)}"


def _subject_label(subject: Event | Proposition) -> str:
    if isinstance(subject, Proposition):
        return _wrapped(_short(subject.text, 70))
    facts = [subject.kind]
    if subject.where is not None and subject.where.name:
        facts.append(f"in {subject.where.name}")
    if isinstance(subject.when, Relative):
        facts.append(f"at “{_short(subject.when.text, 24)}”")
    elif subject.when is not None:
        facts.append(f"at {subject.when}")
    return "\n".join(facts)


def _about(subject: Event | Proposition) -> str:
    """The short form of what a claim says about *subject*."""
    if isinstance(subject, Proposition):
        return f"“{_short(subject.text, 30)}”"
    return subject.kind


def _graph(dossier: Dossier) -> tuple[list[_Node], list[_Edge]]:
    """The attribution graph: nodes, and edges."""
    nodes: dict[str, _Node] = {}
    edges: list[_Edge] = []
    for source in dossier.sources:
        nodes[source.id] = _Node(source.id, _source_label(dossier, source), "source")
        edges.extend(_Edge(source.id, parent, "derived from") for parent in source.derived_from)
    for report in dossier.claims:
        for hop in dossier.chain(report):
            claim = hop.claim
            content = claim.content
            said = (
                f"that {_name(dossier, content.claimant)} {content.speech_act.value}"
                if isinstance(content, Claim)
                else _about(content)
            )
            label = f"{_name(dossier, hop.claimant)}\n{hop.speech_act.value} ({hop.factuality})\n{said}"
            nodes[claim.id] = _Node(claim.id, label, "claim")
            edges.extend(_Edge(evidence.source, claim.id) for evidence in claim.evidence)
            if isinstance(content, Claim):
                edges.append(_Edge(claim.id, content.id))
            else:
                shape: Shape = "event" if isinstance(content, Event) else "proposition"
                subject = content.id or f"{claim.id}#content"  # a proposition may have no id
                nodes.setdefault(subject, _Node(subject, _subject_label(content), shape))
                edges.append(_Edge(claim.id, subject))
    edges.extend(
        _Edge(conflict.first.claim.id, conflict.second.claim.id, conflict.field, conflict=True)
        for conflict in dossier.conflicts()
    )
    for edge in edges:
        for ident in (edge.start, edge.end):
            if ident not in nodes:  # a reference the dossier does not resolve
                nodes[ident] = _Node(ident, ident, "source")
    return list(nodes.values()), list(dict.fromkeys(edges))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_DOT_STYLE: Final[dict[Shape, str]] = {
    "source": 'shape=folder, style=filled, fillcolor="#eef3f8"',
    "claim": 'shape=box, style="rounded"',
    "event": 'shape=box, style="filled,bold", fillcolor="#fff4d6"',
    "proposition": 'shape=box, style="filled", fillcolor="#f3f3f3"',
    "actor": "shape=ellipse",
}


def to_dot(dossier: Dossier) -> str:
    """
    The attribution graph of *dossier* in Graphviz's DOT language: sources,
    then claims (one node per hop of reported speech), then the events and
    propositions they are about.
    """
    nodes, edges = _graph(dossier)
    lines = [
        "digraph attribution {",
        "  rankdir=LR;",
        "  ranksep=0.35; nodesep=0.12;",
        '  node [fontname="Helvetica", fontsize=10, margin="0.08,0.03"];',
        '  edge [fontname="Helvetica", fontsize=9, arrowsize=0.6, color="#555555"];',
    ]
    lines.extend(
        f"  {_quoted(node.id)} [label={_quoted(node.label)}, {_DOT_STYLE[node.shape]}];" for node in nodes
    )
    for edge in edges:
        attributes = [f"label={_quoted(edge.label)}"] if edge.label else []
        if edge.conflict:
            attributes += [
                'color="#c0392b"',
                'fontcolor="#c0392b"',
                "style=dashed",
                "dir=none",
                "constraint=false",
            ]
        elif edge.label:
            attributes.append("style=dotted")
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"  {_quoted(edge.start)} -> {_quoted(edge.end)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(dossier: Dossier) -> str:
    """The attribution graph of *dossier* as a Mermaid flowchart (the same nodes and edges as :func:`to_dot`)."""
    nodes, edges = _graph(dossier)
    names = {node.id: f"n{number}" for number, node in enumerate(nodes)}

    def label(text: str) -> str:
        return '"' + text.replace('"', "#quot;").replace("\n", " ") + '"'

    shapes: dict[Shape, tuple[str, str]] = {
        "actor": ("([", "])"),
        "source": ("[(", ")]"),
        "claim": ("(", ")"),
        "event": ("{{", "}}"),
        "proposition": ("[/", "/]"),
    }
    lines = ["flowchart LR"]
    for node in nodes:
        opening, closing = shapes[node.shape]
        lines.append(f"  {names[node.id]}{opening}{label(node.label)}{closing}")
    for edge in edges:
        arrow = "-.-" if edge.conflict else "-->"
        text = f"|{label(edge.label)}|" if edge.label else ""
        lines.append(f"  {names[edge.start]} {arrow}{text} {names[edge.end]}")
    return "\n".join(lines) + "\n"
