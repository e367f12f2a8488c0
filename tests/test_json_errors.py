"""
Reading JSON that is wrong: every failure is the library's own error, with an
exact message and the JSON path to the bad value, and nothing is converted.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import time
from decimal import Decimal
from typing import Any

import attrs
import pytest

import eventmodel as em
from eventmodel.exceptions import (
    EventModelError,
    InvalidTypeError,
    InvalidValueError,
    UnknownTypeError,
)

# -- the document the cases change --------------------------------------------------------------

DOC: dict[str, Any] = {
    "eventmodel": "1.0",
    "actors": [{"type": "actor", "id": "actor:biden", "name": "Joe Biden", "kind": "person"}],
    "sources": [
        {
            "type": "source",
            "id": "src:a",
            "kind": "news-article",
            "title": "T",
            "url": "https://example.org/a",
            "retrieved": "2022-03-27T10:00:00+00:00",
        }
    ],
    "claims": [
        {
            "type": "claim",
            "id": "claim:1",
            "claimant": "actor:biden",
            "content": {
                "type": "event",
                "id": "event:x",
                "kind": "attack.shelling",
                "when": "2022-03-27",
                "quantities": {"personnel": {"value": "16600", "unit": "personnel", "approximate": True}},
            },
            "speech_act": "reports",
            "confidence": {"value": 70},
            "made_at": "2022-03-27",
            "evidence": [{"source": "src:a", "quote": {"exact": "hi"}, "span": {"start": 0, "end": 2}}],
            "supersedes": ["claim:0"],
        }
    ],
}

#: orjson is optional: the standard library writes the same documents without it.
BACKENDS = ["json", "orjson"] if importlib.util.find_spec("orjson") else ["json"]
DELETE = object()
#: A string that stands for raw JSON text spliced into a document.
RAW = "@@raw@@"

CLAIM = ("claims", 0)
CONFIDENCE = (*CLAIM, "confidence")
CONTENT = (*CLAIM, "content")
QUANTITY = (*CONTENT, "quantities", "personnel")
ACTOR = ("actors", 0)
SOURCE = ("sources", 0)

MEMBER_FIX = "remove it, or read with strict=False to keep members a newer version wrote"
UNKNOWN_FIX = (
    "register the type (eventmodel.register), load the package that provides it "
    "(eventmodel.registry.load_entry_points()), or read the document with strict=False"
)
DECIMAL_FIX = "write digits with an optional '-', '.', and exponent such as '1E+3': '16600', '0.5'"
VERSION_FIX = "this version reads documents of format 1.x; a 2.x document needs a newer eventmodel"
ID_FIX = "use a compact id without spaces, such as 'actor:joe-biden' or 'geonames:704147'"
EMPTY_ID_FIX = "give an id such as 'actor:joe-biden', or leave it out where one can be derived"
SPEECH_ACT_FIX = "use one of " + ", ".join(repr(act.value) for act in em.SpeechAct)
ACTOR_KIND_FIX = "use one of " + ", ".join(repr(kind.value) for kind in em.ActorKind)
DUPLICATE_FIX = "give each member once: JSON readers disagree on which one wins"
COLLISION_FIX = "give each object its own id, or leave ids out to derive them from content"
NESTING_FIX = "keep reported speech to the hops the source reports, or raise max_depth"


def edited(path: tuple[Any, ...], value: Any, document: Any = None) -> dict[str, Any]:
    """A deep copy of *document* (DOC by default) with the value at *path* replaced or deleted."""
    result = copy.deepcopy(DOC if document is None else document)
    target = result
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return result


def text_of(document: Any, raw: str | None = None) -> str:
    text = json.dumps(document, ensure_ascii=False)
    if raw is not None:
        assert text.count(json.dumps(RAW)) == 1
        text = text.replace(json.dumps(RAW), raw)
    return text


def error_of(source: Any, cls: type = em.Dossier, **kwargs: Any) -> EventModelError:
    text = source if isinstance(source, (str, bytes)) else text_of(source)
    with pytest.raises(EventModelError) as excinfo:
        em.json.loads(text, cls, **kwargs)
    return excinfo.value


@em.register("x-json-errors-report")
@attrs.frozen
class Report(em.Claim):
    """A custom claim type, to nest as reported speech."""


def nested_claims(depth: int, tags: tuple[str, ...] = ("claim",)) -> dict[str, Any]:
    content: dict[str, Any] = {"type": "proposition", "text": "p"}
    for index in range(depth):
        tag = tags[index % len(tags)]
        content = {"type": tag, "id": f"claim:{index}", "claimant": None, "content": content}
    return content


def test_the_base_document_reads_and_writes_back_unchanged():
    dossier = em.json.loads(json.dumps(DOC), em.Dossier)
    assert json.loads(em.json.dumps(dossier)) == DOC


# -- exact messages ----------------------------------------------------------------------------


def case(name, source, error, path, message, cls=em.Dossier, **kwargs):
    return pytest.param(source, cls, kwargs, error, path, message, id=name)


EXACT = [
    # Text that is not JSON.
    case(
        "truncated",
        '{"eventmodel": "1.0"',
        InvalidValueError,
        "$",
        "$: is not JSON: Expecting ',' delimiter at line 1, column 21",
    ),
    case(
        "truncated-dossier",
        json.dumps(DOC)[:40],
        InvalidValueError,
        "$",
        "$: is not JSON: Expecting ':' delimiter at line 1, column 41",
    ),
    case(
        "trailing-garbage",
        '{"eventmodel": "1.0"} x',
        InvalidValueError,
        "$",
        "$: is not JSON: Extra data at line 1, column 23",
    ),
    case(
        "two-documents",
        '{"eventmodel": "1.0"}\n{"eventmodel": "1.0"}',
        InvalidValueError,
        "$",
        "$: is not JSON: Extra data at line 2, column 1",
    ),
    case(
        "single-quoted-names",
        "{'eventmodel': '1.0'}",
        InvalidValueError,
        "$",
        "$: is not JSON: Expecting property name enclosed in double quotes at line 1, column 2",
    ),
    case(
        "single-quoted-value",
        "{\"eventmodel\": '1.0'}",
        InvalidValueError,
        "$",
        "$: is not JSON: Expecting value at line 1, column 16",
    ),
    case("empty", "", InvalidValueError, "$", "$: is not JSON: Expecting value at line 1, column 1"),
    case("blank", "  \n ", InvalidValueError, "$", "$: is not JSON: Expecting value at line 2, column 2"),
    case(
        "bad-escape",
        '{"eventmodel": "1.\\x0"}',
        InvalidValueError,
        "$",
        "$: is not JSON: Invalid \\escape at line 1, column 19",
    ),
    case(
        "not-utf-8",
        b'{"eventmodel": "1.0\xff"}',
        InvalidValueError,
        "$",
        "$: is not UTF-8 (byte 19: invalid start byte)",
    ),
    case(
        "cut-utf-8-sequence",
        b'{"eventmodel": "1.0\xe2\x82"}',
        InvalidValueError,
        "$",
        "$: is not UTF-8 (byte 19: invalid continuation byte)",
    ),
    case(
        "utf-16",
        '{"eventmodel": "1.0"}'.encode("utf-16"),
        InvalidValueError,
        "$",
        "$: is not UTF-8 (byte 0: invalid start byte)",
    ),
    case(
        "utf-8-encoded-surrogate",
        b'{"eventmodel": "\xed\xa0\x80"}',
        InvalidValueError,
        "$",
        "$: is not UTF-8 (byte 16: invalid continuation byte)",
    ),
    # A dossier that is not one.
    *(
        case(
            f"dossier-is-{name}",
            text,
            InvalidTypeError,
            "$",
            f'$: must be a dossier object, {{"eventmodel": "1.0", ...}}, got {shown}',
        )
        for name, text, shown in [
            ("array", "[]", "[]"),
            ("string", '"dossier"', "'dossier'"),
            ("number", "123", "123"),
            ("null", "null", "None"),
            ("array-of-dossier", json.dumps([{"eventmodel": "1.0"}]), "[{'eventmodel': '1.0'}]"),
        ]
    ),
    # The format version.
    case(
        "version-2",
        edited(("eventmodel",), "2.0"),
        InvalidValueError,
        "$.eventmodel",
        f"$.eventmodel: must name format version 1.x, got '2.0'. Fix: {VERSION_FIX}",
    ),
    case(
        "version-without-minor",
        edited(("eventmodel",), "1"),
        InvalidValueError,
        "$.eventmodel",
        f"$.eventmodel: must name format version 1.x, got '1'. Fix: {VERSION_FIX}",
    ),
    case(
        "version-as-number",
        edited(("eventmodel",), 1.0),
        InvalidTypeError,
        "$.eventmodel",
        '$.eventmodel: must be a string naming the format version, such as "1.0", got 1.0. '
        'Fix: write the version in quotes: "eventmodel": "1.0"',
    ),
    case(
        "version-missing",
        edited(("eventmodel",), DELETE),
        InvalidValueError,
        "$",
        '$: has no header: a dossier document starts with its format version, the member "eventmodel". '
        'Fix: add "eventmodel": "1.0" as its first member',
    ),
    case(
        "unknown-dossier-member",
        {**DOC, "events": []},
        InvalidValueError,
        "$.events",
        f"$.events: is not a member of a dossier, got []. Fix: {MEMBER_FIX}",
    ),
    case(
        "dossier-list-is-an-object",
        edited(("actors",), {}),
        InvalidTypeError,
        "$.actors",
        "$.actors: must be an array, got {}",
    ),
    case(
        "dossier-list-is-null",
        edited(("claims",), None),
        InvalidTypeError,
        "$.claims",
        "$.claims: must be an array, got None",
    ),
    # Integers: no string, float or boolean stands in for one.
    case(
        "integer-as-string",
        edited((*CONFIDENCE, "value"), "50"),
        InvalidTypeError,
        "$.claims[0].confidence.value",
        "$.claims[0].confidence.value: must be an integer, not a string, got '50'",
    ),
    case(
        "integer-as-fraction",
        edited((*CONFIDENCE, "value"), 50.7),
        InvalidTypeError,
        "$.claims[0].confidence.value",
        "$.claims[0].confidence.value: must be an integer, not a number, got 50.7",
    ),
    case(
        "integer-as-whole-float",
        edited((*CONFIDENCE, "value"), 50.0),
        InvalidTypeError,
        "$.claims[0].confidence.value",
        "$.claims[0].confidence.value: must be an integer, not a number, got 50.0",
    ),
    case(
        "integer-as-boolean",
        edited((*CONFIDENCE, "value"), True),
        InvalidTypeError,
        "$.claims[0].confidence.value",
        "$.claims[0].confidence.value: must be an integer, not a boolean, got True",
    ),
    case(
        "integer-as-null",
        edited((*CONFIDENCE, "value"), None),
        InvalidValueError,
        "$.claims[0].confidence.value",
        "$.claims[0].confidence.value (Confidence.value): must be a number on the percent scale, got None. "
        "Fix: use Confidence.from_admiralty(6) when the truth cannot be judged",
    ),
    case(
        "integer-out-of-range",
        edited((*CONFIDENCE, "value"), 140),
        InvalidValueError,
        "$.claims[0].confidence.value",
        "$.claims[0].confidence.value (Confidence.value): must be from 0 to 100, got 140",
    ),
    case(
        "span-end-as-string",
        edited((*CLAIM, "evidence", 0, "span", "end"), "2"),
        InvalidTypeError,
        "$.claims[0].evidence[0].span.end",
        "$.claims[0].evidence[0].span.end: must be an integer, not a string, got '2'",
    ),
    case(
        "span-end-as-float",
        edited((*CLAIM, "evidence", 0, "span", "end"), 2.0),
        InvalidTypeError,
        "$.claims[0].evidence[0].span.end",
        "$.claims[0].evidence[0].span.end: must be an integer, not a number, got 2.0",
    ),
    # Strings: no number, boolean or array stands in for one.
    case(
        "string-as-number",
        edited((*CLAIM, "claimant"), 123),
        InvalidTypeError,
        "$.claims[0].claimant",
        "$.claims[0].claimant: must be a string, not a number, got 123",
    ),
    case(
        "string-as-boolean",
        edited((*CLAIM, "claimant"), True),
        InvalidTypeError,
        "$.claims[0].claimant",
        "$.claims[0].claimant: must be a string, not a boolean, got True",
    ),
    case(
        "string-as-array",
        edited((*CLAIM, "claimant"), ["actor:biden"]),
        InvalidTypeError,
        "$.claims[0].claimant",
        "$.claims[0].claimant: must be a string, not an array, got ['actor:biden']",
    ),
    case(
        "name-as-number",
        edited((*ACTOR, "name"), 5),
        InvalidTypeError,
        "$.actors[0].name",
        "$.actors[0].name: must be a string, not a number, got 5",
    ),
    case(
        "detail-as-number",
        edited((*CONTENT, "details"), {"weapon": 1}),
        InvalidTypeError,
        "$.claims[0].content.details.weapon",
        "$.claims[0].content.details.weapon: must be a string, not a number, got 1",
    ),
    case(
        "empty-name",
        edited((*ACTOR, "name"), ""),
        InvalidValueError,
        "$.actors[0].name",
        "$.actors[0].name (Actor.name): must not be empty, got ''. "
        "Fix: leave the field out instead of giving an empty string",
    ),
    # Booleans: neither 1 nor "true".
    case(
        "boolean-as-one",
        edited((*QUANTITY, "approximate"), 1),
        InvalidTypeError,
        "$.claims[0].content.quantities.personnel.approximate",
        "$.claims[0].content.quantities.personnel.approximate: must be true or false, not a number, got 1",
    ),
    case(
        "boolean-as-string",
        edited((*QUANTITY, "approximate"), "true"),
        InvalidTypeError,
        "$.claims[0].content.quantities.personnel.approximate",
        "$.claims[0].content.quantities.personnel.approximate: must be true or false, not a string, "
        "got 'true'",
    ),
    case(
        "boolean-as-null",
        edited((*QUANTITY, "approximate"), None),
        InvalidTypeError,
        "$.claims[0].content.quantities.personnel.approximate",
        "$.claims[0].content.quantities.personnel.approximate: must be true or false, not null, got None",
    ),
    # Decimals are strings as Decimal writes them.
    case(
        "decimal-as-number",
        edited((*QUANTITY, "value"), 16600),
        InvalidTypeError,
        "$.claims[0].content.quantities.personnel.value",
        '$.claims[0].content.quantities.personnel.value: must be a string holding a number, such as "16600", '
        "not a number, got 16600",
    ),
    case(
        "decimal-as-float",
        edited((*QUANTITY, "value"), 0.5),
        InvalidTypeError,
        "$.claims[0].content.quantities.personnel.value",
        '$.claims[0].content.quantities.personnel.value: must be a string holding a number, such as "16600", '
        "not a number, got 0.5",
    ),
    *(
        case(
            f"decimal-{name}",
            edited((*QUANTITY, "value"), text),
            InvalidValueError,
            "$.claims[0].content.quantities.personnel.value",
            "$.claims[0].content.quantities.personnel.value: must be a finite number written as Python's "
            f"Decimal writes it, got {text!r}. Fix: {DECIMAL_FIX}",
        )
        for name, text in [
            ("thousands-separator", "16,600"),
            ("padded", " 16600"),
            ("lowercase-exponent", "1e3"),
            ("plus-sign", "+16600"),
            ("nan", "NaN"),
            ("infinity", "Infinity"),
            ("empty", ""),
        ]
    ),
    case(
        "decimal-bounds-out-of-order",
        edited((*QUANTITY, "lower"), "20000"),
        InvalidValueError,
        "$.claims[0].content.quantities.personnel.value",
        "$.claims[0].content.quantities.personnel.value (Quantity.value): must not be less than lower "
        "(20000), got Decimal('16600')",
    ),
    case(
        "coordinate-as-number",
        edited((*CONTENT, "where"), {"point": {"lat": 50, "lon": "30"}}),
        InvalidTypeError,
        "$.claims[0].content.where.point.lat",
        '$.claims[0].content.where.point.lat: must be a string holding a number, such as "16600", '
        "not a number, got 50",
    ),
    # Enums: the value exactly as written, as a string.
    case(
        "enum-in-capitals",
        edited((*CLAIM, "speech_act"), "REPORTS"),
        InvalidValueError,
        "$.claims[0].speech_act",
        "$.claims[0].speech_act (Claim.speech_act): must be a SpeechAct, got 'REPORTS'. "
        f"Fix: {SPEECH_ACT_FIX}",
    ),
    case(
        "enum-as-number",
        edited((*CLAIM, "speech_act"), 1),
        InvalidTypeError,
        "$.claims[0].speech_act",
        "$.claims[0].speech_act: must be a string, not a number, got 1",
    ),
    case(
        "enum-as-null",
        edited((*CLAIM, "speech_act"), None),
        InvalidTypeError,
        "$.claims[0].speech_act",
        "$.claims[0].speech_act: must be a string, not null, got None",
    ),
    case(
        "actor-kind-capitalised",
        edited((*ACTOR, "kind"), "Person"),
        InvalidValueError,
        "$.actors[0].kind",
        f"$.actors[0].kind (Actor.kind): must be an ActorKind, got 'Person'. Fix: {ACTOR_KIND_FIX}",
    ),
    case(
        "factuality-lowercase",
        edited((*CLAIM, "factuality"), "ct+"),
        InvalidValueError,
        "$.claims[0].factuality",
        "$.claims[0].factuality (Factuality.parse()): is not a FactBank factuality value, got 'ct+'. "
        "Fix: use one of CT+, CT-, CTu, PR+, PR-, PS+, PS-, Uu",
    ),
    case(
        "factuality-as-number",
        edited((*CLAIM, "factuality"), 1),
        InvalidTypeError,
        "$.claims[0].factuality",
        "$.claims[0].factuality: must be a string, not a number, got 1",
    ),
    # Times.
    case(
        "time-as-number",
        edited((*CLAIM, "made_at"), 2022),
        InvalidTypeError,
        "$.claims[0].made_at",
        "$.claims[0].made_at: must be an EDTF string or a relative time object, not a number, got 2022",
    ),
    case(
        "time-as-array",
        edited((*CLAIM, "made_at"), ["2022"]),
        InvalidTypeError,
        "$.claims[0].made_at",
        "$.claims[0].made_at: must be an EDTF string or a relative time object, not an array, got ['2022']",
    ),
    case(
        "time-without-zero-padding",
        edited((*CLAIM, "made_at"), "2022-3-27"),
        InvalidValueError,
        "$.claims[0].made_at",
        "$.claims[0].made_at (When.parse()): is not an EDTF date or date-time, got '2022-3-27'. "
        "Fix: write it like '2022', '2022-03', '2022-03-27' or '2022-03-27T14:05:00+03:00'",
    ),
    case(
        "time-month-13",
        edited((*CONTENT, "when"), "2022-13-45"),
        InvalidValueError,
        "$.claims[0].content.when",
        "$.claims[0].content.when (When.parse()): is not a valid date or date-time (month must be in 1..12), "
        "got '2022-13-45'",
    ),
    case(
        "relative-time-unknown-member",
        edited((*CLAIM, "made_at"), {"relative": "today", "anchor": "publication", "x": 1}),
        InvalidValueError,
        "$.claims[0].made_at.x",
        f"$.claims[0].made_at.x: is not a member of a relative time, got 1. Fix: {MEMBER_FIX}",
    ),
    case(
        "datetime-with-z",
        edited((*SOURCE, "retrieved"), "2022-03-27T10:00:00Z"),
        InvalidValueError,
        "$.sources[0].retrieved",
        "$.sources[0].retrieved: must be an ISO 8601 date-time as Python writes it, "
        "got '2022-03-27T10:00:00Z'. Fix: write it like '2022-03-28T09:30:00+00:00'",
    ),
    case(
        "datetime-as-number",
        edited((*SOURCE, "retrieved"), 1648375200),
        InvalidTypeError,
        "$.sources[0].retrieved",
        "$.sources[0].retrieved: must be a string, not a number, got 1648375200",
    ),
    # Arrays.
    case(
        "array-as-object",
        edited((*CLAIM, "evidence"), {"source": "src:a"}),
        InvalidTypeError,
        "$.claims[0].evidence",
        "$.claims[0].evidence: must be an array, not an object, got {'source': 'src:a'}",
    ),
    case(
        "array-as-string",
        edited((*CLAIM, "supersedes"), "claim:0"),
        InvalidTypeError,
        "$.claims[0].supersedes",
        "$.claims[0].supersedes: must be an array, not a string, got 'claim:0'",
    ),
    case(
        "array-item-as-number",
        edited((*CLAIM, "supersedes"), ["claim:0", 1]),
        InvalidTypeError,
        "$.claims[0].supersedes[1]",
        "$.claims[0].supersedes[1]: must be a string, not a number, got 1",
    ),
    case(
        "aliases-as-string",
        edited((*ACTOR, "aliases"), "POTUS"),
        InvalidTypeError,
        "$.actors[0].aliases",
        "$.actors[0].aliases: must be an array, not a string, got 'POTUS'",
    ),
    # Objects, and arrays where objects belong.
    case(
        "object-as-string",
        edited((*CLAIM, "content"), "event:x"),
        InvalidTypeError,
        "$.claims[0].content",
        "$.claims[0].content: must be an object, not a string, got 'event:x'",
    ),
    case(
        "object-as-array",
        edited(CONFIDENCE, [70]),
        InvalidTypeError,
        "$.claims[0].confidence",
        "$.claims[0].confidence: must be an object, not an array, got [70]",
    ),
    case(
        "mapping-as-array",
        edited((*CONTENT, "quantities"), []),
        InvalidTypeError,
        "$.claims[0].content.quantities",
        "$.claims[0].content.quantities: must be an object, not an array, got []",
    ),
    case(
        "dossier-item-as-array",
        edited(("actors", 0), []),
        InvalidTypeError,
        "$.actors[0]",
        "$.actors[0]: must be an object, not an array, got []",
    ),
    case(
        "array-item-as-array",
        edited((*CLAIM, "evidence", 0), [{"source": "src:a"}]),
        InvalidTypeError,
        "$.claims[0].evidence[0]",
        "$.claims[0].evidence[0]: must be an object, not an array, got [{'source': 'src:a'}]",
    ),
    case(
        "dossier-item-as-null",
        edited(("sources", 0), None),
        InvalidTypeError,
        "$.sources[0]",
        "$.sources[0]: must be an object, not null, got None",
    ),
    # Missing members.
    case(
        "missing-name",
        edited((*ACTOR, "name"), DELETE),
        InvalidValueError,
        "$.actors[0].name",
        "$.actors[0].name: is required but missing. Fix: add the member",
    ),
    case(
        "missing-claimant",
        edited((*CLAIM, "claimant"), DELETE),
        InvalidValueError,
        "$.claims[0].claimant",
        "$.claims[0].claimant: is required but missing. Fix: add the member",
    ),
    case(
        "missing-event-kind",
        edited((*CONTENT, "kind"), DELETE),
        InvalidValueError,
        "$.claims[0].content.kind",
        "$.claims[0].content.kind: is required but missing. Fix: add the member",
    ),
    case(
        "missing-quote-words",
        edited((*CLAIM, "evidence", 0, "quote", "exact"), DELETE),
        InvalidValueError,
        "$.claims[0].evidence[0].quote.exact",
        "$.claims[0].evidence[0].quote.exact: is required but missing. Fix: add the member",
    ),
    case(
        "missing-type",
        edited((*ACTOR, "type"), DELETE),
        InvalidValueError,
        "$.actors[0].type",
        "$.actors[0].type: needs a 'type' member. Fix: add \"type\": 'actor'",
    ),
    case(
        "missing-content-type",
        edited((*CONTENT, "type"), DELETE),
        InvalidValueError,
        "$.claims[0].content.type",
        "$.claims[0].content.type: needs a 'type' member naming an event, a proposition or a claim, got None",
    ),
    case(
        "missing-relative-anchor",
        edited((*CLAIM, "made_at"), {"relative": "today"}),
        InvalidValueError,
        "$.claims[0].made_at.anchor",
        "$.claims[0].made_at.anchor: is required but missing. Fix: add the member",
    ),
    # Unknown members.
    case(
        "unknown-member",
        edited((*CONTENT, "casualties"), 1),
        InvalidValueError,
        "$.claims[0].content.casualties",
        f"$.claims[0].content.casualties: is not a member of an Event, got 1. Fix: {MEMBER_FIX}",
    ),
    case(
        "unknown-member-of-a-part",
        edited((*CONFIDENCE, "percent"), 70),
        InvalidValueError,
        "$.claims[0].confidence.percent",
        f"$.claims[0].confidence.percent: is not a member of a Confidence, got 70. Fix: {MEMBER_FIX}",
    ),
    case(
        "unknown-member-named-extras",
        edited((*ACTOR, "extras"), {"a": 1}),
        InvalidValueError,
        "$.actors[0].extras",
        f"$.actors[0].extras: is not a member of an Actor, got {{'a': 1}}. Fix: {MEMBER_FIX}",
    ),
    case(
        "unknown-member-with-a-space",
        edited((*ACTOR, "full name"), "x"),
        InvalidValueError,
        "$.actors[0]['full name']",
        f"$.actors[0]['full name']: is not a member of an Actor, got 'x'. Fix: {MEMBER_FIX}",
    ),
    case(
        "type-on-an-untagged-part",
        edited((*CONFIDENCE, "type"), "confidence"),
        InvalidValueError,
        "$.claims[0].confidence.type",
        f"$.claims[0].confidence.type: is not a member of a Confidence, got 'confidence'. Fix: {MEMBER_FIX}",
    ),
    # Type tags.
    case(
        "unknown-type",
        edited((*ACTOR, "type"), "x-person"),
        UnknownTypeError,
        "$.actors[0].type",
        f"$.actors[0].type: is not a known type, got 'x-person'. Fix: {UNKNOWN_FIX}",
    ),
    case(
        "unknown-builtin-looking-type",
        edited((*CLAIM, "type"), "Claim"),
        UnknownTypeError,
        "$.claims[0].type",
        f"$.claims[0].type: is not a known type, got 'Claim'. Fix: {UNKNOWN_FIX}",
    ),
    case(
        "type-as-number",
        edited((*CLAIM, "type"), 1),
        InvalidTypeError,
        "$.claims[0].type",
        "$.claims[0].type: must be a string, not a number, got 1",
    ),
    case(
        "type-as-array",
        edited((*CLAIM, "type"), ["claim"]),
        InvalidTypeError,
        "$.claims[0].type",
        "$.claims[0].type: must be a string, not an array, got ['claim']",
    ),
    case(
        "actor-as-claim-content",
        edited(CONTENT, {"type": "actor", "name": "A"}),
        InvalidValueError,
        "$.claims[0].content.type",
        "$.claims[0].content.type: names an Actor, where an event, a proposition or a claim belongs, "
        "got 'actor'",
    ),
    case(
        "source-as-claim-content",
        edited(CONTENT, {"type": "source", "kind": "video"}),
        InvalidValueError,
        "$.claims[0].content.type",
        "$.claims[0].content.type: names a Source, where an event, a proposition or a claim belongs, "
        "got 'source'",
    ),
    case(
        "event-as-claim",
        edited(CLAIM, {"type": "event", "kind": "attack"}),
        InvalidValueError,
        "$.claims[0].type",
        "$.claims[0].type: names an Event, where a Claim belongs, got 'event'",
    ),
    case(
        "claim-among-actors",
        edited(ACTOR, DOC["claims"][0]),
        InvalidValueError,
        "$.actors[0].type",
        "$.actors[0].type: names a Claim, where an Actor belongs, got 'claim'",
    ),
    case(
        "source-among-claims",
        edited(CLAIM, DOC["sources"][0]),
        InvalidValueError,
        "$.claims[0].type",
        "$.claims[0].type: names a Source, where a Claim belongs, got 'source'",
    ),
    case(
        "actor-read-as-claim",
        json.dumps(DOC["actors"][0]),
        InvalidValueError,
        "$.type",
        "$.type: names an Actor, where a Claim belongs, got 'actor'",
        cls=em.Claim,
    ),
    case(
        "claim-read-as-event",
        json.dumps(DOC["claims"][0]),
        InvalidValueError,
        "$.type",
        "$.type: names a Claim, where an Event belongs, got 'claim'",
        cls=em.Event,
    ),
    # Ids.
    case(
        "two-actors-one-id",
        edited(("actors",), [*DOC["actors"], {"type": "actor", "id": "actor:biden", "name": "Other"}]),
        InvalidValueError,
        "$.actors[1]",
        "$.actors[1] (Dossier.add()): is the id of two different objects: "
        "Actor(id='actor:biden', name='Joe Biden', kind=ActorKind.PERSON) and "
        f"Actor(id='actor:biden', name='Other'), got 'actor:biden'. Fix: {COLLISION_FIX}",
    ),
    case(
        "a-source-with-an-actors-id",
        edited(("sources",), [*DOC["sources"], {"type": "source", "id": "actor:biden", "kind": "video"}]),
        InvalidValueError,
        "$.sources[1]",
        "$.sources[1] (Dossier.add()): is the id of two different objects: "
        "Actor(id='actor:biden', name='Joe Biden', kind=ActorKind.PERSON) and "
        f"Source(id='actor:biden', kind=SourceKind.VIDEO), got 'actor:biden'. Fix: {COLLISION_FIX}",
    ),
    case(
        "id-with-a-space",
        edited((*ACTOR, "id"), "actor:joe biden"),
        InvalidValueError,
        "$.actors[0].id",
        f"$.actors[0].id (Actor.id): must not contain white space or control characters, "
        f"got 'actor:joe biden'. Fix: {ID_FIX}",
    ),
    case(
        "id-with-a-nul",
        edited((*ACTOR, "id"), "actor:\x00"),
        InvalidValueError,
        "$.actors[0].id",
        f"$.actors[0].id (Actor.id): must not contain white space or control characters, "
        f"got 'actor:\\x00'. Fix: {ID_FIX}",
    ),
    case(
        "id-empty",
        edited((*CLAIM, "id"), ""),
        InvalidValueError,
        "$.claims[0].id",
        f"$.claims[0].id (Claim.id): must not be empty, got ''. Fix: {EMPTY_ID_FIX}",
    ),
    case(
        "id-too-long",
        edited((*SOURCE, "id"), "s" * 2049),
        InvalidValueError,
        "$.sources[0].id",
        "$.sources[0].id (Source.id): must be at most 2048 characters long, got '" + "s" * 76 + "...",
    ),
    case(
        "id-as-number",
        edited((*CLAIM, "id"), 5),
        InvalidTypeError,
        "$.claims[0].id",
        "$.claims[0].id: must be a string, not a number, got 5",
    ),
    case(
        "id-as-null",
        edited((*CLAIM, "id"), None),
        InvalidTypeError,
        "$.claims[0].id",
        "$.claims[0].id: must be a string, not null, got None",
    ),
    case(
        "reference-with-a-space",
        edited((*CLAIM, "evidence", 0, "source"), "src: a"),
        InvalidValueError,
        "$.claims[0].evidence[0].source",
        "$.claims[0].evidence[0].source (Evidence.source): must not contain white space or control "
        f"characters, got 'src: a'. Fix: {ID_FIX}",
    ),
    # Nesting.
    case(
        "claims-past-the-default-depth",
        json.dumps(nested_claims(51)),
        InvalidValueError,
        "$.content",
        f"$.content: nests claims more than 50 deep. Fix: {NESTING_FIX}",
        cls=em.Claim,
    ),
    case(
        "claims-past-a-lower-depth",
        json.dumps(nested_claims(3)),
        InvalidValueError,
        "$.content",
        f"$.content: nests claims more than 2 deep. Fix: {NESTING_FIX}",
        cls=em.Claim,
        max_depth=2,
    ),
    case(
        "claims-past-a-lower-depth-in-a-dossier",
        edited(CLAIM, nested_claims(4)),
        InvalidValueError,
        "$.claims[0].content",
        f"$.claims[0].content: nests claims more than 3 deep. Fix: {NESTING_FIX}",
        max_depth=3,
    ),
    # Lone surrogates, written as JSON escapes.
    case(
        "lone-surrogate-in-a-string",
        text_of(edited((*ACTOR, "name"), RAW), raw='"\\ud800"'),
        InvalidValueError,
        "$.actors[0].name",
        "$.actors[0].name (Actor.name): must be valid Unicode text, but it holds a lone surrogate, "
        "got '\\ud800'. Fix: decode the input with errors='strict' or 'replace' before building the object",
    ),
    case(
        "lone-low-surrogate-in-an-id",
        text_of(edited((*ACTOR, "id"), RAW), raw='"actor:\\udc00"'),
        InvalidValueError,
        "$.actors[0].id",
        "$.actors[0].id (Actor.id): must be valid Unicode text, but it holds a lone surrogate, "
        "got 'actor:\\udc00'",
    ),
    case(
        "lone-surrogate-in-a-member-name",
        text_of(edited((*ACTOR, "name"), RAW), raw='"A", "\\ud800": 1'),
        InvalidValueError,
        "$.actors[0]['\\ud800']",
        f"$.actors[0]['\\ud800']: is not a member of an Actor, got 1. Fix: {MEMBER_FIX}",
    ),
    # max_depth itself.
    *(
        case(
            f"max-depth-{name}",
            json.dumps(DOC),
            InvalidValueError,
            None,
            f"max_depth: must be from 1 to 50, got {shown}",
            max_depth=value,
        )
        for name, value, shown in [
            ("zero", 0, "0"),
            ("past-the-limit", 51, "51"),
            ("negative", -1, "-1"),
            ("boolean", True, "True"),
            ("float", 2.0, "2.0"),
            ("string", "5", "'5'"),
            ("none", None, "None"),
        ]
    ),
    # Not text at all.
    case(
        "not-text",
        123,
        InvalidTypeError,
        None,
        "loads(): needs JSON text (str or bytes), got 123",
        cls=em.Actor,
    ),
]


@pytest.mark.parametrize(("source", "cls", "kwargs", "error", "path", "message"), EXACT)
def test_exact_message(source, cls, kwargs, error, path, message):
    with pytest.raises(EventModelError) as excinfo:
        em.json.loads(source if isinstance(source, (str, bytes, int)) else text_of(source), cls, **kwargs)
    assert str(excinfo.value) == message
    assert type(excinfo.value) is error
    assert excinfo.value.path == path


def test_enough_exact_messages():
    assert len(EXACT) >= 30


# -- kept with strict=False ---------------------------------------------------------------------


def test_unknown_members_are_kept_with_strict_false_and_written_back():
    document = edited((*CONTENT, "casualties"), {"killed": [1, 2], "note": None})
    document = edited(("sources", 0, "paywall"), True, document)
    document["generator"] = "newer-eventmodel 2.1"
    text = json.dumps(document)
    error = error_of(text)
    assert error.path == "$.generator"
    dossier = em.json.loads(text, em.Dossier, strict=False)
    assert dossier.claims[0].content.extras == {"casualties": {"killed": (1, 2), "note": None}}
    assert dossier.sources[0].extras == {"paywall": True}
    assert dossier.extras == {"generator": "newer-eventmodel 2.1"}
    assert json.loads(em.json.dumps(dossier)) == document
    assert em.json.loads(em.json.dumps(dossier), em.Dossier, strict=False) == dossier


def test_objects_of_unknown_types_are_kept_with_strict_false_and_written_back():
    unknown = {"type": "x-satellite-image", "id": "x:1", "pixels": [[0, 1], [1, 0]]}
    document = edited(("sources",), [*DOC["sources"], unknown])
    assert type(error_of(document)) is UnknownTypeError
    dossier = em.json.loads(json.dumps(document), em.Dossier, strict=False)
    assert dossier.unrecognized == (em.Unrecognized("sources", unknown),)
    assert len(dossier.sources) == 1
    assert json.loads(em.json.dumps(dossier)) == document


def test_unknown_members_do_not_hide_a_bad_value_with_strict_false():
    document = edited((*CONTENT, "casualties"), 1)
    document = edited((*CONFIDENCE, "value"), "70", document)
    error = error_of(document, strict=False)
    assert str(error) == "$.claims[0].confidence.value: must be an integer, not a string, got '70'"


def test_the_unknown_type_of_claim_content_is_named_at_its_type_member():
    error = error_of(edited((*CONTENT, "type"), "x-battle"))
    assert type(error) is UnknownTypeError
    assert str(error) == f"$.claims[0].content.type: is not a known type, got 'x-battle'. Fix: {UNKNOWN_FIX}"
    assert error.path == "$.claims[0].content.type"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ((*ACTOR, "type"), "$.actors[0].type: must be a string, not null, got None"),
        ((*CLAIM, "type"), "$.claims[0].type: must be a string, not null, got None"),
    ],
    ids=["actor", "claim"],
)
def test_a_null_type_is_a_wrong_type_not_a_missing_one(path, message):
    error = error_of(edited(path, None))
    assert str(error) == message
    assert type(error) is InvalidTypeError


def test_a_type_member_kept_on_an_untagged_part_is_named_at_the_member():
    text = '{"lat": "50.45", "lon": "30.52", "type": "point"}'
    try:
        point = em.json.loads(text, em.GeoPoint, strict=False)
    except EventModelError as error:
        refused = error
    else:
        refused = None
        assert json.loads(em.json.dumps(point)) == json.loads(text)
    if refused is not None:
        assert refused.path == "$.type"
        assert "names a field of GeoPoint" not in str(refused)


def test_an_unknown_type_read_directly_is_named_at_its_type_member():
    error = error_of('{"type": "x-foo"}', em.Claim)
    assert str(error) == f"$.type: is not a known type, got 'x-foo'. Fix: {UNKNOWN_FIX}"
    assert error.path == "$.type"


# -- deep nesting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        "[" * 100_000,
        '{"eventmodel": "1.0", "claims": [' + '{"type": "claim", "claimant": null, "content": ' * 100_000,
        '{"type": "claim", "claimant": null, "content": ' * 100_000
        + '{"type": "proposition", "text": "p"}'
        + "}" * 100_000,
    ],
    ids=["arrays", "objects", "unclosed-arrays", "unclosed-claims", "claims"],
)
@pytest.mark.parametrize("cls", [em.Dossier, em.Claim, em.Actor])
def test_very_deep_nesting_fails_cleanly_and_fast(text, cls):
    started = time.perf_counter()
    error = error_of(text, cls)
    assert time.perf_counter() - started < 5
    assert type(error) is InvalidValueError
    assert error.path == "$"
    assert str(error) == "$: nests arrays or objects too deeply to read. Fix: flatten the document"


def test_deep_nesting_as_bytes_fails_cleanly():
    error = error_of(b"[" * 100_000 + b"]" * 100_000)
    assert str(error) == "$: nests arrays or objects too deeply to read. Fix: flatten the document"


def test_claims_nested_to_the_depth_allowed_are_read():
    claim = em.json.loads(json.dumps(nested_claims(50)), em.Claim)
    assert claim.depth == 50
    assert em.json.loads(json.dumps(nested_claims(2)), em.Claim, max_depth=2).depth == 2


@pytest.mark.parametrize(
    "tags",
    [("x-json-errors-report",), ("claim", "x-json-errors-report"), ("x-json-errors-report", "claim")],
    ids=["custom", "custom-in-plain", "plain-in-custom"],
)
def test_custom_claim_types_count_towards_max_depth(tags):
    assert em.json.loads(json.dumps(nested_claims(2, tags)), em.Claim, max_depth=2).depth == 2
    error = error_of(json.dumps(nested_claims(3, tags)), em.Claim, max_depth=2)
    assert str(error) == f"$.content: nests claims more than 2 deep. Fix: {NESTING_FIX}"
    assert error.path == "$.content"


def test_claims_nested_hundreds_deep_fail_fast():
    started = time.perf_counter()
    error = error_of(json.dumps(nested_claims(900)), em.Claim)
    assert time.perf_counter() - started < 5
    assert str(error) == f"$.content: nests claims more than 50 deep. Fix: {NESTING_FIX}"


# -- values the parser sees first: each is named at its path -----------------------------------

PARSED_VALUES = [
    pytest.param(
        "NaN",
        "is not JSON (NaN is a JavaScript value, not a JSON number)",
        id="nan",
    ),
    pytest.param(
        "Infinity",
        "is not JSON (Infinity is a JavaScript value, not a JSON number)",
        id="infinity",
    ),
    pytest.param(
        "-Infinity",
        "is not JSON (-Infinity is a JavaScript value, not a JSON number)",
        id="minus-infinity",
    ),
    pytest.param("1e999", "is a number a float cannot hold exactly", id="huge-exponent"),
    pytest.param("-1E+400", "is a number a float cannot hold exactly", id="huge-negative-exponent"),
]


@pytest.mark.parametrize(("token", "reason"), PARSED_VALUES)
def test_non_finite_numbers_are_refused(token, reason):
    error = error_of(text_of(edited((*CONFIDENCE, "value"), RAW), raw=token))
    assert type(error) is InvalidValueError
    assert error.reason == reason
    assert error.value == token


@pytest.mark.parametrize(("token", "reason"), [PARSED_VALUES[0], PARSED_VALUES[3]])
def test_non_finite_numbers_are_named_at_their_path(token, reason):
    error = error_of(text_of(edited((*CONFIDENCE, "value"), RAW), raw=token))
    assert error.reason == reason
    assert error.path == "$.claims[0].confidence.value"


def test_a_huge_integer_is_refused_without_a_raw_error():
    started = time.perf_counter()
    error = error_of(text_of(edited((*CONFIDENCE, "value"), RAW), raw="1" + "0" * 5000))
    assert time.perf_counter() - started < 5
    assert type(error) is InvalidValueError
    assert error.reason == "is an integer of more than 4300 digits"


def test_a_huge_integer_is_named_at_its_path():
    error = error_of(text_of(edited((*CONFIDENCE, "value"), RAW), raw="1" + "0" * 5000))
    assert error.path == "$.claims[0].confidence.value"


def test_a_long_integer_within_pythons_limit_is_an_out_of_range_value():
    error = error_of(text_of(edited((*CONFIDENCE, "value"), RAW), raw="1" + "0" * 4000))
    assert str(error) == (
        "$.claims[0].confidence.value (Confidence.value): must be from 0 to 100, "
        "got 10000000000000000000000000000000000000000000000000000000000000000000000000000..."
    )


def test_a_huge_negative_exponent_is_refused_as_a_decimal_string():
    error = error_of(text_of(edited((*QUANTITY, "value"), RAW), raw="1e-999"))
    assert type(error) is InvalidValueError  # refused as it is read: a float would make it 0.0
    assert error.reason == "is a number a float cannot hold exactly"
    assert error.path == "$.claims[0].content.quantities.personnel.value"


def test_duplicate_member_names_are_refused():
    error = error_of(text_of(edited((*ACTOR, "name"), RAW), raw='"A", "name": "B"'))
    assert type(error) is InvalidValueError
    assert error.reason == "appears twice in one object"
    assert error.value == "name"
    assert error.fix == DUPLICATE_FIX


def test_duplicate_member_names_are_named_at_their_path():
    error = error_of(text_of(edited((*ACTOR, "name"), RAW), raw='"A", "name": "B"'))
    assert error.path == "$.actors[0].name"


def test_a_duplicate_dossier_member_is_named_at_its_path():
    error = error_of('{"eventmodel": "1.0", "eventmodel": "1.0"}')
    assert error.reason == "appears twice in one object"
    assert error.path == "$.eventmodel"


def test_duplicate_members_with_the_same_value_are_refused_too():
    error = error_of(text_of(edited((*CONFIDENCE, "value"), RAW), raw='70, "value": 70'))
    assert error.reason == "appears twice in one object"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('"1.0\n"', "$: is not JSON: Invalid control character at line 1, column 20"),
        ('"1.0', "$: is not JSON: Unterminated string starting at line 1, column 16"),
    ],
    ids=["control-character", "unterminated-string"],
)
def test_syntax_errors_read_as_sentences(raw, message):
    error = error_of('{"eventmodel": ' + raw + "}")
    assert error.path == "$"
    assert str(error) == message


# -- paths to members that are not the model's ---------------------------------------------------


@pytest.mark.parametrize(
    ("document", "path"),
    [
        (edited((*ACTOR, ""), 1), "$.actors[0]['']"),
        ({**DOC, "": 1}, "$['']"),
        ({**DOC, "a b": 1}, "$['a b']"),
    ],
    ids=["empty-member-name", "empty-dossier-member-name", "dossier-member-with-a-space"],
)
def test_unknown_members_with_odd_names_are_named_at_their_path(document, path):
    error = error_of(document)
    assert error.reason.startswith("is not a member of")
    assert error.path == path


def test_a_lone_surrogate_in_a_kept_member_name_is_named_at_the_member():
    text = text_of(edited((*ACTOR, "name"), RAW), raw='"A", "\\ud800": 1')
    error = error_of(text, strict=False)
    assert type(error) is InvalidValueError
    assert error.path == "$.actors[0]['\\ud800']"


def test_a_lone_surrogate_in_a_kept_member_is_named_at_the_member():
    text = text_of(edited((*ACTOR, "note"), RAW), raw='"\\ud800"')
    error = error_of(text, strict=False)
    assert type(error) is InvalidValueError
    assert error.path == "$.actors[0].note"


def test_a_kept_member_nested_too_deep_is_named_at_the_member():
    error = error_of(edited((*ACTOR, "note"), json.loads("[" * 40 + "]" * 40)), strict=False)
    assert type(error) is InvalidValueError
    assert error.path is not None
    assert error.path.startswith("$.actors[0].note")


def test_an_empty_kept_member_name_is_named_at_the_member():
    error = error_of(edited((*ACTOR, ""), 1), strict=False)
    assert type(error) is InvalidValueError
    assert error.path == "$.actors[0]['']"


@pytest.mark.parametrize(
    ("when", "path"),
    [
        ({"relative": "", "anchor": "publication"}, "$.claims[0].made_at.relative"),
        ({"relative": "today", "anchor": "nonsense"}, "$.claims[0].made_at.anchor"),
        ({"relative": "today", "anchor": "publication", "resolved": 5}, "$.claims[0].made_at.resolved"),
    ],
    ids=["empty-words", "unknown-anchor", "resolved-as-number"],
)
def test_relative_times_name_the_bad_member(when, path):
    error = error_of(edited((*CLAIM, "made_at"), when))
    assert error.path == path


# -- nothing is converted --------------------------------------------------------------------


@pytest.mark.parametrize("label", ["02", " 2"])
def test_an_admiralty_grade_is_read_as_written(label):
    document = edited(CONFIDENCE, {"value": 75, "scale": "admiralty", "label": label})
    error = error_of(document)
    assert error.path == "$.claims[0].confidence.label"


@pytest.mark.parametrize("label", ["Likely", "likely "])
def test_words_of_estimative_probability_are_read_as_written(label):
    document = edited(CONFIDENCE, {"value": 68, "scale": "words", "label": label})
    error = error_of(document)
    assert error.path == "$.claims[0].confidence.label"


def test_a_label_as_number_is_refused():
    document = edited(CONFIDENCE, {"value": 75, "scale": "admiralty", "label": 2})
    assert str(error_of(document)) == "$.claims[0].confidence.label: must be a string, not a number, got 2"


@pytest.mark.parametrize(
    "number",
    ["1e-400", "1.00000000000000000001", "123456789012345678901234567890.5"],
)
def test_numbers_in_kept_members_come_back_as_written_or_are_refused(number):
    text = text_of(edited((*ACTOR, "score"), RAW), raw=number)
    try:
        dossier = em.json.loads(text, em.Dossier, strict=False)
    except EventModelError as error:
        refused_at = error.path
    else:
        refused_at = None
        written = json.loads(em.json.dumps(dossier), parse_float=Decimal)
        assert written["actors"][0]["score"] == Decimal(number)
    assert refused_at in (None, "$.actors[0].score")


# -- what loads accepts, dumps writes ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"eventmodel": "1.0", "note": "\\ud800"}',
        '{"eventmodel": "1.0", "note": ' + "[" * 40 + "]" * 40 + "}",
        '{"eventmodel": "1.0", "claims": [{"type": "x-foo", "\\udc00": 1}]}',
        '{"eventmodel": "1.0", "claims": [{"type": "x-foo", "note": ' + "[" * 300 + "]" * 300 + "}]}",
        '{"eventmodel": "1.0", "actors": [{"type": "actor", "id": "actor:1", "name": "A", '
        '"note": {"\\ud800": 1}}]}',
        '{"eventmodel": "1.0", "note": 18446744073709551616}',
        '{"eventmodel": "1.0", "actors": [{"type": "actor", "id": "actor:1", "name": "A", '
        '"note": -9223372036854775809}]}',
    ],
    ids=[
        "surrogate-in-a-dossier-member",
        "deep-dossier-member",
        "surrogate-in-a-name-in-an-unknown-object",
        "deep-unknown-object",
        "surrogate-in-a-name-in-a-kept-member",
        "integer-past-64-bits-in-a-dossier-member",
        "integer-past-64-bits-in-a-kept-member",
    ],
)
def test_whatever_loads_accepts_dumps_writes_as_utf_8(text):
    try:
        dossier = em.json.loads(text, em.Dossier, strict=False)
    except EventModelError:
        return
    for backend in BACKENDS:
        written = em.json.dumps(dossier, backend=backend)
        written.encode("utf-8")
        assert em.json.loads(written, em.Dossier, strict=False) == dossier


# -- JSON Lines --------------------------------------------------------------------------------

ACTOR_LINE = json.dumps(DOC["actors"][0]) + "\n"
SOURCE_LINE = json.dumps(DOC["sources"][0]) + "\n"
CLAIM_LINE = json.dumps(DOC["claims"][0]) + "\n"


def jsonl_error(lines: Any, cls: type | None = None, **kwargs: Any) -> EventModelError:
    with pytest.raises(EventModelError) as excinfo:
        list(em.json.iter_jsonl(lines, cls, **kwargs))
    return excinfo.value


JSONL_EXACT = [
    pytest.param(
        [ACTOR_LINE, "\n", '{"type": "actor", "name": 5}\n'],
        None,
        InvalidTypeError,
        "line 3: $.name",
        "line 3: $.name: must be a string, not a number, got 5",
        id="wrong-type-after-a-blank-line",
    ),
    pytest.param(
        [ACTOR_LINE, SOURCE_LINE, json.dumps(edited((*CONFIDENCE, "value"), "70")["claims"][0])],
        None,
        InvalidTypeError,
        "line 3: $.confidence.value",
        "line 3: $.confidence.value: must be an integer, not a string, got '70'",
        id="nested-path",
    ),
    pytest.param(
        [ACTOR_LINE, '{"type": "event", "kind": "attack"}\n'],
        None,
        InvalidValueError,
        "line 2: $.type",
        "line 2: $.type: must be an actor, a source or a claim, with its 'type', got 'event'",
        id="an-event-on-its-own",
    ),
    pytest.param(
        [ACTOR_LINE, "[1]\n"],
        None,
        InvalidTypeError,
        "line 2: $",
        "line 2: $: must be an actor, a source or a claim object, got [1]",
        id="an-array",
    ),
    pytest.param(
        [ACTOR_LINE, CLAIM_LINE],
        em.Actor,
        InvalidValueError,
        "line 2: $.type",
        "line 2: $.type: names a Claim, where an Actor belongs, got 'claim'",
        id="the-wrong-class",
    ),
    pytest.param(
        [ACTOR_LINE.encode(), b'{"type": "actor", "name": "\xff"}\n'],
        None,
        InvalidValueError,
        "line 2: $",
        "line 2: $: is not UTF-8 (byte 27: invalid start byte)",
        id="not-utf-8",
    ),
    pytest.param(
        [ACTOR_LINE, '{"type": "actor", "name": NaN}\n'],
        None,
        InvalidValueError,
        None,
        None,
        id="nan",
    ),
    pytest.param(
        [ACTOR_LINE, ACTOR_LINE, '{"type": "actor", "name": "A", "zz": 1}\n'],
        None,
        InvalidValueError,
        "line 3: $.zz",
        f"line 3: $.zz: is not a member of an Actor, got 1. Fix: {MEMBER_FIX}",
        id="unknown-member",
    ),
]


@pytest.mark.parametrize(("lines", "cls", "error", "path", "message"), JSONL_EXACT)
def test_jsonl_exact_message(lines, cls, error, path, message):
    caught = jsonl_error(lines, cls)
    assert type(caught) is error
    if message is None:
        assert caught.path is not None
        assert caught.path.startswith("line 2: $")
    else:
        assert str(caught) == message
        assert caught.path == path


def test_jsonl_applies_a_lower_max_depth():
    error = jsonl_error([ACTOR_LINE, json.dumps(nested_claims(3)) + "\n"], max_depth=2)
    assert str(error) == f"line 2: $.content: nests claims more than 2 deep. Fix: {NESTING_FIX}"
    assert error.path == "line 2: $.content"


def test_jsonl_reads_files_and_counts_every_line():
    good = list(em.json.iter_jsonl(io.StringIO(ACTOR_LINE + "\n" + SOURCE_LINE + CLAIM_LINE)))
    assert [type(obj) for obj in good] == [em.Actor, em.Source, em.Claim]
    error = jsonl_error(io.BytesIO((ACTOR_LINE + "\r\n" + '{"type": "actor", "name": 5}\r\n').encode()))
    assert str(error) == "line 3: $.name: must be a string, not a number, got 5"


def test_jsonl_names_an_unknown_type_at_its_type_member():
    error = jsonl_error([ACTOR_LINE, '{"type": "x-foo"}\n'])
    assert type(error) is UnknownTypeError
    assert error.path == "line 2: $.type"


def test_jsonl_syntax_errors_do_not_name_a_second_line():
    error = jsonl_error([ACTOR_LINE, "\n", '{"type": "actor"\n'])
    assert error.path == "line 3: $"
    assert error.reason.startswith("is not JSON: Expecting ',' delimiter")
    assert "line 2" not in str(error)


def test_jsonl_checks_max_depth_as_loads_does():
    for value, shown in [(0, "0"), (51, "51"), ("5", "'5'")]:
        error = jsonl_error([ACTOR_LINE, CLAIM_LINE], max_depth=value)
        assert str(error) == f"max_depth: must be from 1 to 50, got {shown}"


def test_jsonl_of_dossiers_reads_them_or_raises_the_library_error():
    try:
        read = list(em.json.iter_jsonl([json.dumps(DOC) + "\n"], em.Dossier))
    except EventModelError:
        return
    assert read == [em.json.loads(json.dumps(DOC), em.Dossier)]


@pytest.mark.parametrize("line", [5, None])
def test_jsonl_lines_that_are_not_text_raise_the_library_error(line):
    error = jsonl_error([ACTOR_LINE, line])
    assert error.path is not None
    assert error.path.startswith("line 2")


def test_a_dossier_member_with_an_empty_name_is_refused_at_its_path():
    with pytest.raises(em.InvalidValueError) as caught:
        em.json.loads('{"eventmodel": "1.0", "": "alleges"}', em.Dossier, strict=False)
    assert str(caught.value) == (
        "$['']: is a member with an empty name, which a dossier cannot keep, got 'alleges'. "
        "Fix: name the member, or remove it"
    )
