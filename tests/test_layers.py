"""
The package's layers: no import cycle, and no import from a lower layer to a
higher one (docs/explanation/design.md draws them).

Imports are read from the source, every one of them: at the top of a module,
inside functions, and under ``if TYPE_CHECKING:``. Importing a module runs the
``__init__`` of each package above it, so an import of
``eventmodel.time._when`` counts as an import of ``eventmodel.time`` too (the
root package ``eventmodel`` aside: it is the public face, and runs first).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SOURCE / "eventmodel"

#: The layers, lowest first, and the modules and packages in each.
LAYERS: list[tuple[str, ...]] = [
    ("eventmodel.exceptions",),
    ("eventmodel.core",),
    ("eventmodel.time",),
    ("eventmodel.model", "eventmodel.fields"),
    ("eventmodel.dossier",),
    ("eventmodel.io", "eventmodel.json", "eventmodel.schema"),
    ("eventmodel.interop", "eventmodel.testing", "eventmodel.store"),
    ("eventmodel.cli", "eventmodel.__main__"),
    ("eventmodel",),
]

#: Type-only imports that close a circle, each with its reason. A rule is a
#: function of a dossier and the dossier runs the rules; the index is built
#: from a dossier and kept by it. Neither import runs: they name the type.
TYPE_ONLY_CIRCLES = {
    ("eventmodel.dossier._provenance", "eventmodel.dossier._dossier"),
    ("eventmodel.dossier._index", "eventmodel.dossier._dossier"),
    ("eventmodel.dossier._html", "eventmodel.dossier._dossier"),
    ("eventmodel.interop", "eventmodel.dossier._dossier"),
    # The store's view for the provenance rules reads the store that makes it.
    ("eventmodel.store._view", "eventmodel.store._store"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path) -> list[tuple[str, bool]]:
    """(imported eventmodel module, type only) for each import in module *name*."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, type_only: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, type_only)
            return
        if isinstance(node, ast.Import):
            found.extend(
                (alias.name, type_only) for alias in node.names if alias.name.startswith("eventmodel")
            )
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module.startswith("eventmodel"):
                for alias in node.names:
                    sub = f"{module}.{alias.name}"
                    found.append((sub if sub in MODULES else module, type_only))
        for child in ast.iter_child_nodes(node):
            visit(child, type_only)

    visit(tree, False)
    return found


def _edges() -> dict[str, dict[str, bool]]:
    """For each module, the modules it imports, and whether only for types (False: at run time)."""
    edges: dict[str, dict[str, bool]] = {}
    for name, path in MODULES.items():
        out = edges.setdefault(name, {})
        for target, type_only in _imports(name, path):
            parts = target.split(".")
            # the module, and the package __init__s that importing it runs (not the root's)
            for end in range(2, len(parts) + 1):
                imported = ".".join(parts[:end])
                if imported == name or imported not in MODULES or name.startswith(imported + "."):
                    continue
                out[imported] = out.get(imported, True) and type_only
    return edges


EDGES = _edges()


def _layer(name: str) -> int:
    best = None
    for index, members in enumerate(LAYERS):
        for member in members:
            if (name == member or name.startswith(member + ".")) and (best is None or len(member) > best[1]):
                best = (index, len(member))
    assert best is not None, f"{name} is in no layer: add it to LAYERS and to docs/explanation/design.md"
    return best[0]


def test_every_module_is_in_a_layer():
    for name in MODULES:
        _layer(name)


def test_the_layers_are_packages_with_the_modules_the_design_names():
    packages = {name for name, path in MODULES.items() if path.name == "__init__.py"}
    assert packages == {
        "eventmodel",
        "eventmodel.cli",
        "eventmodel.core",
        "eventmodel.dossier",
        "eventmodel.interop",
        "eventmodel.io",
        "eventmodel.model",
        "eventmodel.store",
        "eventmodel.time",
    }


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_imports_a_higher_layer(name):
    upward = {target: type_only for target, type_only in EDGES[name].items() if _layer(target) > _layer(name)}
    assert upward == {}, f"{name} (layer {_layer(name)}) imports a higher layer: {upward}"


def _circle(edges: dict[str, set[str]]) -> list[str] | None:
    """One circle in *edges*, or None."""
    state: dict[str, int] = {}
    for start in sorted(edges):
        if state.get(start):
            continue
        stack = [(start, iter(sorted(edges[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                return [*path[path.index(child) :], child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(edges.get(child, ())))))
    return None


def test_no_import_cycle_at_run_time():
    runtime = {name: {t for t, type_only in out.items() if not type_only} for name, out in EDGES.items()}
    assert _circle(runtime) is None


def test_no_import_cycle_even_for_types_but_the_documented_ones():
    typed = {name: {t for t in out if (name, t) not in TYPE_ONLY_CIRCLES} for name, out in EDGES.items()}
    assert _circle(typed) is None
    for importer, imported in TYPE_ONLY_CIRCLES:
        assert EDGES[importer].get(imported) is True, f"{importer} -> {imported} is no longer type-only"


def test_the_circle_finder_finds_circles():
    assert _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _circle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None
