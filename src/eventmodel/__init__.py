"""
eventmodel: source-attributed event modelling.

Typed, immutable values for "X says Y happened": who said it, where it was
seen, what was said to have happened, and how sure anyone is.
"""

from __future__ import annotations

from . import _fast_init  # noqa: F401 - gives the built-in classes their generated constructors
from ._actor import Actor, ActorKind, Affiliation
from ._analysis import Conflict, Corroboration, Hop, Origin, Statement, compose_factuality
from ._claim import MAX_CLAIM_DEPTH, Claim, SpeechAct
from ._confidence import ADMIRALTY_CREDIBILITY, ESTIMATIVE_WORDS, Confidence, ConfidenceScale, Reliability
from ._dossier import Dossier, Unrecognized
from ._event import Event, Participant, Proposition
from ._evidence import Evidence, TextQuote, TextSpan
from ._factuality import Certainty, Factuality, Polarity
from ._frozen import FrozenDict
from ._ids import canonical_json
from ._place import GeoPoint, Place
from ._provenance import DEFAULT_RULES, Report, Rule, Severity, Violation
from ._quantity import Quantity
from ._registry import TypeRegistry, register, registry
from ._relative import Anchor, AnchorKind, resolve_relative
from ._source import Source, SourceKind
from ._when import Interval, Moment, Precision, Relative, TimeRelation, When
from .exceptions import (
    EventModelError,
    InvalidTypeError,
    InvalidValueError,
    ProvenanceError,
    UnknownTypeError,
    UnresolvedReferenceError,
)

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
    "Confidence",
    "ConfidenceScale",
    "Conflict",
    "Corroboration",
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
    "Moment",
    "Origin",
    "Participant",
    "Place",
    "Polarity",
    "Precision",
    "Proposition",
    "ProvenanceError",
    "Quantity",
    "Relative",
    "Reliability",
    "Report",
    "Rule",
    "Severity",
    "Source",
    "SourceKind",
    "SpeechAct",
    "Statement",
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
    "json",
    "register",
    "registry",
    "resolve_relative",
    "schema",
]

# The serializers build on everything above.
from . import json, schema

__version__ = "0.1.0.dev0"
