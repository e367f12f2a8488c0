"""Sphinx configuration: the Markdown pages in docs/, read by MyST, with the API reference from autodoc."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.ext.napoleon.docstring import GoogleDocstring

import eventmodel

project = "eventmodel"
author = "The eventmodel developers"
copyright = "The eventmodel developers"
release = eventmodel.__version__
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
root_doc = "index"

# Headings become link targets, so that pages can link to a section.
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
# Google-style sections (Args:, Raises:) are read by the hook in setup() below, not by napoleon's own.
napoleon_google_docstring = False
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"eventmodel {release}"

nitpicky = True
# With no network there is no intersphinx, so names from the standard library, cattrs, Hypothesis, prov, and the
# type variables and aliases of signatures have no page to link to.
nitpick_ignore_regex = [
    (
        "py:class",
        r"(datetime|decimal|collections\.abc|zoneinfo|typing|re|enum|cattrs|pathlib|attrs|attr)\..+",
    ),
    ("py:class", r"Path"),
    ("py:class", r"hypothesis\.strategies\..+"),
    ("py:class", r"prov\.model\..+"),
    ("py:class", r"(eventmodel\.[\w.]+\.)?(T|K|V|R|Member|Check|_Report|_Written)"),
    ("py:class", r"os\.PathLike"),
    ("py:class", r"(pa|pyarrow)\..+"),
]


def _google_sections(  # noqa: PLR0917 - Sphinx passes the event's six arguments by position
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    # Napoleon reads an attribute's or a property's first line "A government, or one of its
    # bodies: ..." as "type: description"; those docstrings are prose, so they are read as such.
    kind = "object" if what in {"attribute", "data", "property"} else what
    lines[:] = GoogleDocstring(lines, app.config, app, kind, name, obj, options).lines()


def setup(app: Sphinx) -> None:
    app.connect("autodoc-process-docstring", _google_sections)
