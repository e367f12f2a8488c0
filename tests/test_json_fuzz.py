"""
Fuzzing the JSON reader: whatever arrives, ``loads`` returns a valid object
that writes back to what the document says, or raises the library's error.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import math
from typing import Any

import attrs
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import eventmodel as em
from eventmodel import testing
from eventmodel.exceptions import EventModelError
from eventmodel.model._fast_init import CLASSES as BUILT_IN_CLASSES

#: orjson is optional: the standard library writes the same documents without it.
BACKENDS = ["json", "orjson"] if importlib.util.find_spec("orjson") else ["json"]
TOP_LEVEL = [em.Dossier, em.Claim, em.Actor, em.Source, em.Event]
PARTS = [em.Proposition, em.Confidence, em.Quantity, em.Place, em.GeoPoint, em.Evidence, em.Participant]
CLASSES = TOP_LEVEL + PARTS
MODEL_CLASSES = list(BUILT_IN_CLASSES)
TAGS = ["actor", "source", "event", "proposition", "claim", "x-foo", "Claim", ""]
#: Member names the model knows, so that fuzzed objects look like documents.
NAMES = sorted(
    {field.name for cls in MODEL_CLASSES for field in attrs.fields(cls)}
    | {"type", "eventmodel", "actors", "sources", "claims", "relative", "anchor", "resolved"}
)
#: Strings the model gives meaning to.
WORDS = sorted(
    {
        *TAGS,
        *(member.value for enum in (em.ActorKind, em.SourceKind, em.SpeechAct) for member in enum),
        *(member.value for enum in (em.ConfidenceScale, em.Reliability) for member in enum),
        "1.0",
        "2.0",
        "2022",
        "2022-03-27",
        "2022-03-27T10:00:00+00:00",
        "2022-03-27/..",
        "16600",
        "0.5",
        "-0",
        "1E+3",
        "CT+",
        "Uu",
        "likely",
        "2",
        "actor:1",
        "src:a",
        "event:e",
        "claim:c",
        "publication",
        "made_at",
        "today",
        "https://example.org/a",
        "en",
        "UA",
    }
)
SURROGATES = st.sampled_from(["\ud800", "a\udfff", "\udbff\udc00\udc00"])

# -- arbitrary JSON ----------------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(10**30), 10**30)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(WORDS)
    | SURROGATES
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(NAMES) | st.text(max_size=6) | SURROGATES, children, max_size=5)
    ),
    max_leaves=25,
)


@st.composite
def model_like(draw: st.DrawFn) -> Any:
    """Objects tagged and keyed like model documents, nested as claims nest."""
    members = draw(st.dictionaries(st.sampled_from(NAMES), json_values, max_size=6))
    if draw(st.booleans()):
        members["type"] = draw(st.sampled_from(TAGS))
    if draw(st.booleans()):
        members["content"] = draw(json_values | st.just({"type": "proposition", "text": "p"}))
    return members


dossier_like = st.fixed_dictionaries(
    {"eventmodel": st.sampled_from(["1.0", "1.9"]) | scalars},
    optional={
        "actors": st.lists(model_like(), max_size=3) | json_values,
        "sources": st.lists(model_like(), max_size=3),
        "claims": st.lists(model_like(), max_size=3),
        "note": json_values,
    },
)

#: Pieces of JSON text, so that the parser sees near-JSON as well as JSON.
TOKENS = [
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    " ",
    "\n",
    '"type"',
    '"claim"',
    '"eventmodel"',
    '"1.0"',
    '"content"',
    '"claimant"',
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1.5",
    "1e999",
    "-1e999",
    "1e-999",
    "1" * 30,
    "NaN",
    "Infinity",
    "-Infinity",
    '"\\ud800"',
    '"\\u00e9"',
    '"\\x"',
    "'a'",
    '"',
    "\\",
    "\x00",
    "\ufeff",
]
near_json = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


def check_read(text: str | bytes, cls: type, *, strict: bool) -> None:
    """``loads`` either raises the library's error or returns a valid object that round-trips."""
    try:
        result = em.json.loads(text, cls, strict=strict)
    except EventModelError as error:
        failure: EventModelError | None = error
    else:
        failure = None
    if failure is not None:
        assert str(failure)
        assert failure.path is None or failure.path.startswith("$")
        return
    assert isinstance(result, cls)
    for backend in BACKENDS:
        written = em.json.dumps(result, backend=backend)
        written.encode("utf-8")
        assert em.json.loads(written, cls, strict=strict) == result


@settings(max_examples=150)
@given(json_values, st.sampled_from(CLASSES), st.booleans())
def test_any_json_value_reads_or_raises_the_library_error(value, cls, strict):
    check_read(json.dumps(value), cls, strict=strict)


@settings(max_examples=150)
@given(model_like(), st.sampled_from(CLASSES), st.booleans())
def test_any_model_like_object_reads_or_raises_the_library_error(value, cls, strict):
    check_read(json.dumps(value, ensure_ascii=False), cls, strict=strict)


@settings(max_examples=150)
@given(dossier_like, st.booleans())
def test_any_dossier_like_object_reads_or_raises_the_library_error(value, strict):
    check_read(json.dumps(value), em.Dossier, strict=strict)


@settings(max_examples=100)
@given(st.text(), st.sampled_from(TOP_LEVEL), st.booleans())
def test_any_text_reads_or_raises_the_library_error(text, cls, strict):
    check_read(text, cls, strict=strict)


@settings(max_examples=100)
@given(st.binary(), st.sampled_from(TOP_LEVEL), st.booleans())
def test_any_bytes_read_or_raise_the_library_error(data, cls, strict):
    check_read(data, cls, strict=strict)


@settings(max_examples=150)
@given(near_json, st.sampled_from(TOP_LEVEL), st.booleans())
def test_near_json_reads_or_raises_the_library_error(text, cls, strict):
    check_read(text, cls, strict=strict)
    check_read(text.encode("utf-8", "surrogatepass"), cls, strict=strict)


@settings(max_examples=100)
@given(st.lists(json_values | model_like(), max_size=4), st.booleans())
def test_any_json_lines_read_or_raise_the_library_error(values, strict):
    lines = [json.dumps(value) + "\n" for value in values]
    try:
        objects = list(em.json.iter_jsonl(lines, strict=strict))
    except EventModelError as error:
        path = error.path
    else:
        assert len(objects) == len(lines)
        return
    assert path is not None
    assert path.startswith("line ")


# -- mutations of valid documents -------------------------------------------------------------


@st.composite
def dossiers(draw: st.DrawFn) -> em.Dossier:
    dossier = em.Dossier()
    objects = [
        *draw(st.lists(testing.actors(), max_size=2)),
        *draw(st.lists(testing.sources(), max_size=2)),
        *draw(st.lists(testing.claims(max_depth=2), min_size=1, max_size=2)),
    ]
    for obj in objects:
        if obj.id not in dossier:
            dossier.add(obj)
    return dossier


Path = tuple[Any, ...]


def paths_of(value: Any, path: Path = ()) -> list[Path]:
    """Every path in *value*, the root included, parents before children."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_of(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths_of(item, (*path, index))
    return found


def get(value: Any, path: Path) -> Any:
    for key in path:
        value = value[key]
    return value


def json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def swapped(value: Any) -> Any:
    """A string that reads as a number becomes that number, and a number its text."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        for parse in (int, float):
            try:
                number = parse(value)
            except ValueError:
                continue
            if math.isfinite(number):
                return number
        return len(value)
    return value


def tweaked(value: Any, how: str) -> Any:
    """A string written another way: case changed, padded, or zero-padded."""
    if not isinstance(value, str):
        return value
    return {
        "upper": value.upper(),
        "lower": value.lower(),
        "title": value.title(),
        "pad": f" {value}",
        "zero": f"0{value}",
        "plus": f"+{value}",
    }[how]


MUTATIONS = [
    "tweak",
    "swap",
    "retype",
    "replace-with-another",
    "delete",
    "add-member",
    "duplicate-item",
    "retag",
    "wrap",
    "unwrap",
]
#: Members whose strings are codes, numbers or times rather than free text.
CODED = frozenset(
    {
        "kind",
        "speech_act",
        "factuality",
        "scale",
        "label",
        "reliability",
        "language",
        "country",
        "anchor",
        "relative",
        "resolved",
        "when",
        "made_at",
        "published",
        "retrieved",
        "value",
        "lower",
        "upper",
        "lat",
        "lon",
        "precision_m",
        "start",
        "end",
        "type",
    }
)


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> tuple[Any, str]:
    """*document* with one random change at one random path below the root, and the change's name."""
    document = copy.deepcopy(document)
    paths = paths_of(document)[1:]
    scalar_paths = [item for item in paths if isinstance(get(document, item), (str, int, float))]
    objects = [item for item in paths_of(document) if isinstance(get(document, item), dict)]
    possible = {
        "tweak": scalar_paths,
        "swap": scalar_paths,
        "retag": [item for item in paths if item[-1] == "type"],
        "add-member": objects,
        "duplicate-item": [
            item for item in paths if isinstance(get(document, item), list) and get(document, item)
        ],
        "retype": paths,
        "replace-with-another": paths,
        "delete": paths,
        "wrap": paths,
        "unwrap": paths,
    }
    choices = [how for how in MUTATIONS if possible[how]]
    if not choices:
        return document, "none"
    how = draw(st.sampled_from(choices))
    if how in {"tweak", "swap"}:
        coded = [item for item in scalar_paths if isinstance(item[-1], str) and item[-1] in CODED]
        if coded and draw(st.booleans()):
            # By member name first, so that rare members are changed as often as common ones.
            name = draw(st.sampled_from(sorted({item[-1] for item in coded})))
            path = draw(st.sampled_from([item for item in coded if item[-1] == name]))
        else:
            path = draw(st.sampled_from(scalar_paths))
        value = get(document, path)
        if how == "swap":
            return _set(document, path, swapped(value)), how
        way = draw(st.sampled_from(["upper", "lower", "title", "pad", "zero", "plus"]))
        return _set(document, path, tweaked(value, way)), how
    path = draw(st.sampled_from(possible[how]))
    value = get(document, path)
    if how == "retag":
        return _set(document, path, draw(st.sampled_from(TAGS))), how
    if how == "add-member":
        value[draw(st.sampled_from(NAMES) | st.text(max_size=8))] = draw(json_values | st.sampled_from(WORDS))
        return document, how
    if how == "duplicate-item":
        index = draw(st.integers(0, len(value) - 1))
        value.insert(index + 1, copy.deepcopy(value[index]))
        return document, how
    if how == "retype":
        kind = json_kind(value)
        other = draw(json_values.filter(lambda item: json_kind(item) != kind))
        return _set(document, path, other), how
    if how == "replace-with-another":
        other = copy.deepcopy(get(document, draw(st.sampled_from(paths))))
        return _set(document, path, other), how
    if how == "delete":
        del get(document, path[:-1])[path[-1]]
        return document, how
    if how == "wrap":
        return _set(document, path, [value]), how
    if isinstance(value, list) and value:
        return _set(document, path, value[0]), how
    if isinstance(value, dict) and value:
        return _set(document, path, draw(st.sampled_from(list(value.values())))), how
    return _set(document, path, None), how


def _set(document: Any, path: Path, value: Any) -> Any:
    if not path:
        return value
    get(document, path[:-1])[path[-1]] = value
    return document


#: The JSON form of each field default that writing leaves out.
DEFAULTS: dict[str, list[Any]] = {
    "speech_act": ["states"],
    "factuality": ["CT+"],
    "kind": ["unknown"],
    "scale": ["percent"],
    "approximate": [False],
}
#: Field defaults any field may have.
EMPTY: list[Any] = [None, [], {}]


def same_json(a: Any, b: Any) -> bool:
    """Equal JSON values, with no number equal to a boolean and no 1 equal to 1.0."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same_json, a, b))
    return type(a) is type(b) and a == b


def is_default(name: Any, value: Any) -> bool:
    return any(same_json(value, default) for default in [*EMPTY, *DEFAULTS.get(name, [])])


def says(said: Any, written: Any, path: str = "$") -> str | None:
    """
    Where *written* (the document written back) fails to say what *said* (the
    document read) says, or None: every member *said* gives is written with
    the same value, or was left out as a field default, and nothing is added
    but derived ids.
    """
    if isinstance(said, dict):
        if not isinstance(written, dict):
            return path
        for key, value in said.items():
            if key == "id" and value is None and said.get("link") is not None:
                continue  # a link's proposition without an id has its id derived, as when the member is left out
            if key in written:
                problem = says(value, written[key], f"{path}.{key}")
                if problem:
                    return problem
            elif not is_default(key, value):
                return f"{path}.{key}"
        added = written.keys() - said.keys() - {"id"}
        return f"{path}.{min(added)}" if added else None
    if isinstance(said, list):
        if not isinstance(written, list) or len(said) != len(written):
            return path
        for index, (a, b) in enumerate(zip(said, written, strict=True)):
            problem = says(a, b, f"{path}[{index}]")
            if problem:
                return problem
        return None
    return None if same_json(said, written) else path


DOSSIER_LISTS = ("actors", "sources", "claims")


def dossier_says(said: dict[str, Any], written: dict[str, Any]) -> str | None:
    """:func:`says` for a dossier, whose lists hold each object once, in any order."""
    if written.get("eventmodel") not in (said["eventmodel"], em.json.FORMAT_VERSION):
        return "$.eventmodel"
    for name in DOSSIER_LISTS:
        said_items, written_items = said.get(name, []), written.get(name, [])
        if len(written_items) > len(said_items):
            return f"$.{name}"
        for index, item in enumerate(said_items):
            if all(says(item, other) is not None for other in written_items):
                same_id = [other for other in written_items if other.get("id") == item.get("id")]
                # Name the member that differs from the object with the same id, when there is one.
                problem = says(item, same_id[0]) if same_id and isinstance(item, dict) else None
                return f"$.{name}[{index}]{(problem or '$')[1:]}"
    rest = {key: value for key, value in said.items() if key not in {"eventmodel", *DOSSIER_LISTS}}
    written_rest = {key: value for key, value in written.items() if key not in {"eventmodel", *DOSSIER_LISTS}}
    return says(rest, written_rest)


def check_mutated(document: Any, strict: bool) -> None:
    text = json.dumps(document, ensure_ascii=False)
    try:
        result = em.json.loads(text, em.Dossier, strict=strict)
    except EventModelError as error:
        failure: EventModelError | None = error
    else:
        failure = None
    if failure is not None:
        assert failure.path is not None
        assert failure.path.startswith("$")
        return
    assert type(result) is em.Dossier
    written = em.json.dumps(result)
    assert em.json.loads(written, em.Dossier, strict=strict) == result
    assert json.loads(em.json.dumps(result, backend="json")) == json.loads(written)
    problem = dossier_says(document, json.loads(written))
    assert problem is None, f"{problem} was not read as written"


#: Mutations tried on each drawn dossier (drawing one costs more than reading it).
ROUNDS = 6
#: Dossiers are slow to draw, so a failure is reported as found rather than shrunk for minutes.
UNSHRUNK = (Phase.explicit, Phase.reuse, Phase.generate)


@settings(max_examples=40, phases=UNSHRUNK)
@given(dossiers(), st.data(), st.booleans())
def test_mutated_documents_read_as_written_or_raise_the_library_error(dossier, data, strict):
    document = json.loads(em.json.dumps(dossier))
    for round_ in range(ROUNDS):
        changed, _how = data.draw(mutated(document), label=f"mutation {round_}")
        check_mutated(changed, strict)


@settings(max_examples=20, phases=UNSHRUNK)
@given(dossiers(), st.data())
def test_twice_mutated_documents_read_as_written_or_raise_the_library_error(dossier, data):
    document = json.loads(em.json.dumps(dossier))
    for round_ in range(ROUNDS):
        changed, _ = data.draw(mutated(document), label=f"first mutation {round_}")
        changed, _ = data.draw(mutated(changed), label=f"second mutation {round_}")
        check_mutated(changed, data.draw(st.booleans(), label=f"strict {round_}"))


@settings(max_examples=40, phases=UNSHRUNK)
@given(dossiers(), st.data())
def test_codes_written_another_way_are_refused_or_read_as_written(dossier, data):
    """Each coded member (enum values, labels, times, numbers as text) recased, padded or signed."""
    document = json.loads(em.json.dumps(dossier))
    coded: dict[str, list[Path]] = {}
    for path in paths_of(document):
        if path and path[-1] in CODED and isinstance(get(document, path), (str, int)):
            coded.setdefault(path[-1], []).append(path)
    for name in sorted(coded):
        path = data.draw(st.sampled_from(coded[name]), label=name)
        value = get(document, path)
        way = data.draw(st.sampled_from(["upper", "lower", "title", "pad", "zero", "plus", "swap"]))
        changed = _set(
            copy.deepcopy(document), path, swapped(value) if way == "swap" else tweaked(value, way)
        )
        check_mutated(changed, strict=True)


@settings(max_examples=10, phases=UNSHRUNK)
@given(dossiers())
def test_unmutated_documents_read_back_exactly(dossier):
    document = json.loads(em.json.dumps(dossier))
    assert em.json.loads(json.dumps(document), em.Dossier) == dossier
    assert dossier_says(document, json.loads(em.json.dumps(dossier))) is None


# -- the checks themselves --------------------------------------------------------------------


def test_says_finds_a_converted_value():
    assert says({"value": "50"}, {"value": 50}) == "$.value"
    assert says({"value": 50.0}, {"value": 50}) == "$.value"
    assert says({"approximate": 1}, {"approximate": True}) == "$.approximate"
    assert says({"label": "Likely"}, {"label": "likely"}) == "$.label"


def test_says_allows_left_out_defaults_and_derived_ids():
    assert says({"kind": "unknown", "aliases": [], "name": "A"}, {"id": "actor:1", "name": "A"}) is None
    assert says({"speech_act": "denies"}, {}) == "$.speech_act"
    assert says({"name": "A"}, {"name": "A", "kind": "person"}) == "$.kind"


def test_dossier_says_allows_equal_objects_once():
    actor = {"type": "actor", "id": "actor:1", "name": "A"}
    written = {"eventmodel": "1.0", "actors": [actor], "sources": [], "claims": []}
    assert dossier_says({"eventmodel": "1.0", "actors": [actor, actor]}, written) is None
    other = {**actor, "name": "B"}
    assert dossier_says({"eventmodel": "1.0", "actors": [actor, other]}, written) == "$.actors[1].name"


@pytest.mark.parametrize(
    ("document", "strict"),
    [
        ({"eventmodel": "1.0", "claims": [{"type": "x-foo"}]}, False),
        ({"eventmodel": "1.0", "note": {"a": [1, 2.5, None]}}, False),
        ({"eventmodel": "1.9"}, True),
    ],
)
def test_check_mutated_accepts_what_is_kept(document, strict):
    check_mutated(document, strict)
