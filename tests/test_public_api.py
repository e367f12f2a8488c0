"""The public surface: what users import, and that each name is documented."""

from __future__ import annotations
import __future__

import inspect
from importlib.resources import files

import eventmodel
import eventmodel.exceptions
import eventmodel.fields
import eventmodel.interop
import eventmodel.testing

PUBLIC = {
    "DEFAULT_RULES",
    "Conflict",
    "Corroboration",
    "DerivationKind",
    "Hop",
    "NearCopy",
    "Origin",
    "Report",
    "Rule",
    "Severity",
    "Statement",
    "Store",
    "Violation",
    "compose_factuality",
    "fields",
    "ADMIRALTY_CREDIBILITY",
    "ESTIMATIVE_WORDS",
    "MAX_CLAIM_DEPTH",
    "Actor",
    "Anchor",
    "AnchorKind",
    "ActorKind",
    "Affiliation",
    "Certainty",
    "Claim",
    "ClaimRelation",
    "Mood",
    "Link",
    "Confidence",
    "ConfidenceScale",
    "Dossier",
    "Event",
    "EventModelError",
    "Evidence",
    "Factuality",
    "FrozenDict",
    "GeoPoint",
    "InvalidTypeError",
    "Interval",
    "InvalidValueError",
    "MissingExtraError",
    "Moment",
    "Participant",
    "Place",
    "Polarity",
    "Precision",
    "Proposition",
    "ProvenanceError",
    "Quantity",
    "Relative",
    "Reliability",
    "Relay",
    "Source",
    "SourceKind",
    "SpeechAct",
    "TextQuote",
    "TextSpan",
    "TimeRelation",
    "TypeRegistry",
    "UnknownTypeError",
    "Unrecognized",
    "UnresolvedReferenceError",
    "When",
    "canonical_json",
    "json",
    "register",
    "registry",
    "resolve_relative",
    "schema",
}


def test_all_is_exactly_the_public_surface():
    assert set(eventmodel.__all__) == PUBLIC
    assert len(eventmodel.__all__) == len(PUBLIC)


def test_every_public_name_is_importable():
    for name in eventmodel.__all__:
        assert getattr(eventmodel, name) is not None


def test_no_other_public_names_leak():
    leaked = {
        name
        for name in vars(eventmodel)
        if not name.startswith("_")
        and (not inspect.ismodule(getattr(eventmodel, name)) or name in {"fields", "json", "schema"})
        and not isinstance(getattr(eventmodel, name), __future__._Feature)
    }
    assert leaked == PUBLIC


def test_every_public_class_and_function_is_documented():
    modules = (eventmodel, eventmodel.exceptions, eventmodel.fields, eventmodel.interop, eventmodel.testing)
    for module in modules:
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                assert inspect.getdoc(obj), f"{module.__name__}.{name} has no docstring"


def test_public_methods_are_documented():
    for name in eventmodel.__all__:
        obj = getattr(eventmodel, name)
        if not inspect.isclass(obj) or issubclass(obj, Exception):
            continue
        for attribute, member in vars(obj).items():
            if attribute.startswith("_"):
                continue
            if inspect.isfunction(member) or isinstance(member, (classmethod, property)):
                assert inspect.getdoc(getattr(obj, attribute)), f"{name}.{attribute} has no docstring"


def test_exceptions_module_surface():
    assert set(eventmodel.exceptions.__all__) == {
        "EventModelError",
        "InvalidTypeError",
        "InvalidValueError",
        "MissingExtraError",
        "NO_VALUE",
        "ProvenanceError",
        "UnknownTypeError",
        "UnresolvedReferenceError",
    }


def test_testing_module_surface():
    assert set(eventmodel.testing.__all__) == {
        name
        for name, obj in vars(eventmodel.testing).items()
        if inspect.isfunction(obj) and not name.startswith("_")
    }


def test_the_package_is_typed():
    assert files("eventmodel").joinpath("py.typed").is_file()
