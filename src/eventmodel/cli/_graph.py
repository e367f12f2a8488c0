"""The attribution graph, in Graphviz's DOT language and as a Mermaid flowchart."""

from __future__ import annotations

from typing import Literal

import attrs

from eventmodel.dossier._dossier import Dossier
from eventmodel.model._actor import Actor
from eventmodel.model._claim import Claim
from eventmodel.model._event import Event, Proposition

# -- graph ---------------------------------------------------------------------------------------


@attrs.frozen
class _Node:
    id: str
    label: str
    shape: Literal["actor", "source", "claim"]


def _graph(dossier: Dossier) -> tuple[list[_Node], list[tuple[str, str, str]]]:
    """The attribution graph: nodes, and edges (from, to, label)."""
    nodes: dict[str, _Node] = {}
    edges: list[tuple[str, str, str]] = []
    for actor in dossier.actors:
        nodes[actor.id] = _Node(actor.id, actor.name, "actor")
        edges.extend((actor.id, link.organization, link.role or "member of") for link in actor.affiliations)
    for source in dossier.sources:
        publisher = dossier.get(source.publisher) if source.publisher is not None else None
        byline = " ".join(
            str(part)
            for part in (publisher.name if isinstance(publisher, Actor) else None, source.published)
            if part is not None
        )
        nodes[source.id] = _Node(source.id, source.title or byline or source.id, "source")
        if source.publisher is not None:
            edges.append((source.id, source.publisher, "published by"))
        edges.extend((source.id, author, "written by") for author in source.authors)
        edges.extend((source.id, parent, "derived from") for parent in source.derived_from)
    unattributed = "(unattributed)"
    for report in dossier.claims:
        for hop in dossier.chain(report):
            claim = hop.claim
            label = f"{hop.speech_act.value} ({hop.factuality})"
            if isinstance(claim.content, Event):
                label += f"\n{claim.content.kind}"
            elif isinstance(claim.content, Proposition):
                text = claim.content.text
                label += "\n" + (text if len(text) <= 40 else text[:39] + "…")
            nodes[claim.id] = _Node(claim.id, label, "claim")
            speaker = hop.claimant or unattributed
            if speaker == unattributed and unattributed not in nodes:
                nodes[unattributed] = _Node(unattributed, "it was reported", "actor")
            edges.append((claim.id, speaker, "by"))
            edges.extend((claim.id, evidence.source, "seen in") for evidence in claim.evidence)
            if isinstance(claim.content, Claim):
                edges.append((claim.id, claim.content.id, "reports"))
    for start, end, _ in edges:
        for ident in (start, end):
            if ident not in nodes:  # a reference the dossier does not resolve
                nodes[ident] = _Node(ident, ident, "claim")
    return list(nodes.values()), list(dict.fromkeys(edges))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(dossier: Dossier) -> str:
    """The attribution graph of *dossier* in Graphviz's DOT language."""
    nodes, edges = _graph(dossier)
    shapes = {"actor": "ellipse", "source": "box", "claim": "note"}
    lines = ["digraph attribution {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    lines.extend(
        f"  {_quoted(node.id)} [label={_quoted(node.label)}, shape={shapes[node.shape]}];" for node in nodes
    )
    lines.extend(
        f"  {_quoted(start)} -> {_quoted(end)} [label={_quoted(label)}];" for start, end, label in edges
    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(dossier: Dossier) -> str:
    """The attribution graph of *dossier* as a Mermaid flowchart."""
    nodes, edges = _graph(dossier)
    names = {node.id: f"n{number}" for number, node in enumerate(nodes)}

    def label(text: str) -> str:
        return '"' + text.replace('"', "#quot;").replace("\n", " ") + '"'

    shapes = {"actor": ("([", "])"), "source": ("[", "]"), "claim": ("[/", "/]")}
    lines = ["flowchart LR"]
    for node in nodes:
        opening, closing = shapes[node.shape]
        lines.append(f"  {names[node.id]}{opening}{label(node.label)}{closing}")
    lines.extend(f"  {names[start]} -->|{label(text)}| {names[end]}" for start, end, text in edges)
    return "\n".join(lines) + "\n"
