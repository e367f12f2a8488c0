"""
eventmodel: source-attributed event modelling.

Typed, immutable values for "X says Y happened": who said it, where it was
seen, what was said to have happened, and how sure anyone is.
"""

from __future__ import annotations

from .core._frozen import FrozenDict
from .dossier._analysis import Conflict, Corroboration, Hop, Origin, Relay, Statement, compose_factuality
from .dossier._copies import NearCopy
from .dossier._dossier import Dossier, Unrecognized
from .dossier._provenance import DEFAULT_RULES, Report, Rule, Severity, Violation
from .exceptions import (
    EventModelError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    ProvenanceError,
    UnknownTypeError,
    UnresolvedReferenceError,
)
from .model import _fast_init  # noqa: F401 - gives the built-in classes their generated constructors
from .model._actor import Actor, ActorKind, Affiliation
from .model._claim import MAX_CLAIM_DEPTH, Claim, ClaimRelation, Mood, SpeechAct
from .model._confidence import (
    ADMIRALTY_CREDIBILITY,
    ESTIMATIVE_WORDS,
    Confidence,
    ConfidenceScale,
    Reliability,
)
from .model._event import Event, Link, Participant, Proposition
from .model._evidence import Evidence, TextQuote, TextSpan
from .model._factuality import Certainty, Factuality, Polarity
from .model._ids import canonical_json
from .model._place import GeoPoint, Place
from .model._quantity import Quantity
from .model._registry import TypeRegistry, register, registry
from .model._source import DerivationKind, Source, SourceKind
from .store import Store
from .time._anchor import Anchor, AnchorKind
from .time._grammar import resolve_relative
from .time._relative import Relative
from .time._when import Interval, Moment, Precision, TimeRelation, When

__all__ = [
    "ADMIRALTY_CREDIBILITY",
    "DEFAULT_RULES",
    "ESTIMATIVE_WORDS",
    "MAX_CLAIM_DEPTH",
    "Actor",
    "ActorKind",
    "Affiliation",
    "Anchor",
    "AnchorKind",
    "Certainty",
    "Claim",
    "ClaimRelation",
    "Confidence",
    "ConfidenceScale",
    "Conflict",
    "Corroboration",
    "DerivationKind",
    "Dossier",
    "Event",
    "EventModelError",
    "Evidence",
    "Factuality",
    "FrozenDict",
    "GeoPoint",
    "Hop",
    "Interval",
    "InvalidTypeError",
    "InvalidValueError",
    "Link",
    "MissingExtraError",
    "Moment",
    "Mood",
    "NearCopy",
    "Origin",
    "Participant",
    "Place",
    "Polarity",
    "Precision",
    "Proposition",
    "ProvenanceError",
    "Quantity",
    "Relative",
    "Relay",
    "Reliability",
    "Report",
    "Rule",
    "Severity",
    "Source",
    "SourceKind",
    "SpeechAct",
    "Statement",
    "Store",
    "TextQuote",
    "TextSpan",
    "TimeRelation",
    "TypeRegistry",
    "UnknownTypeError",
    "Unrecognized",
    "UnresolvedReferenceError",
    "Violation",
    "When",
    "canonical_json",
    "compose_factuality",
    "fields",
    "json",
    "register",
    "registry",
    "resolve_relative",
    "schema",
]

# The document layer: JSON, JSON Lines and JSON Schema (the public modules eventmodel.json and eventmodel.schema).
from . import fields, json, schema

__version__ = "0.1.0.dev0"
