"""
Formats that other tools read and write, registered by name.

eventmodel's own documents are JSON and JSON Lines (:mod:`eventmodel.json`).
Every other format, a standard such as W3C PROV or a data set such as GDELT,
is an :class:`Exporter` (a dossier out) or an :class:`Importer` (a dossier
in), registered by name in a :class:`FormatRegistry`. The ``eventmodel
export`` and ``eventmodel import`` commands list and run what is registered
in :data:`formats`, and so do :func:`export_dossier` and
:func:`import_dossier`.

A format names the function that does the work as ``"module:function"``,
imported the first time the format is used: a format whose optional
dependencies are not installed stays listed, and using it raises
:class:`~eventmodel.exceptions.MissingExtraError`, which names the extra to
install. Register your own the same way::

    from eventmodel.interop import Exporter, formats

    formats.add_exporter(
        Exporter("my-csv", "one row a claim", "mypackage.csv:write_dossier", suffixes=(".csv",))
    )

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, TypeVar

import attrs

from eventmodel.exceptions import InvalidValueError, MissingExtraError, UnknownTypeError

if TYPE_CHECKING:
    from eventmodel.dossier._dossier import Dossier

__all__ = [
    "Exporter",
    "FormatRegistry",
    "Importer",
    "Option",
    "acled_objects",
    "export_dossier",
    "formats",
    "gdelt_objects",
    "import_dossier",
    "read_acled",
    "read_gdelt",
]

_F = TypeVar("_F", "Exporter", "Importer")

_NAME: Final = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", re.ASCII)
_TARGET: Final = re.compile(r"[A-Za-z_][\w.]*:[A-Za-z_]\w*", re.ASCII)
_OPTION: Final = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)


def _check_name(inst: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise InvalidValueError(
            "must be lower-case words joined by '-'",
            cls=type(inst).__name__,
            field=attribute.name,
            value=value,
            fix="name it like 'prov-json' or 'gdelt'",
        )


def _check_target(inst: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not _TARGET.fullmatch(value):
        raise InvalidValueError(
            "must name a function as 'module:function'",
            cls=type(inst).__name__,
            field=attribute.name,
            value=value,
            fix="write it like 'eventmodel.interop.prov:write_prov_json'",
        )


def _check_option(inst: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not _OPTION.fullmatch(value):
        raise InvalidValueError(
            "must be a Python keyword argument name in lower case",
            cls="Option",
            field="name",
            value=value,
        )


@attrs.frozen
class Option:
    """
    A keyword argument that a format's function takes, and on the command
    line the option ``--name`` (underscores written as ``-``).

    Args:
        name: The keyword argument's name.
        help: One line for ``--help``.
        many: Whether it takes several values (passed as a tuple of strings).
        required: Whether the command line must give it.
        switch: Whether it is a switch that takes no value (passed as ``True``
            when given).

    .. versionadded:: 0.1.0

    """

    name: str = attrs.field(validator=_check_option)
    help: str
    many: bool = False
    required: bool = False
    switch: bool = False

    @property
    def flag(self) -> str:
        """The command-line form: ``--name``."""
        return "--" + self.name.replace("_", "-")


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _option_tuple(values: Iterable[Option]) -> tuple[Option, ...]:
    return tuple(values)


def _load(kind: str, name: str, target: str, extra: str | None) -> Callable[..., Any]:
    module_name, _, function_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        missing = (error.name or "").partition(".")[0]
        if extra is not None and missing and missing != module_name.partition(".")[0]:
            raise MissingExtraError(
                f"the {kind} {name!r} needs {missing}, which is not installed", extra=extra
            ) from None
        raise
    function = getattr(module, function_name, None)
    if not callable(function):
        raise UnknownTypeError(f"the {kind} {name!r} names {target}, which is not a function", value=target)
    return function  # type: ignore[no-any-return]


@attrs.frozen
class Exporter:
    """
    A format a dossier can be written in.

    Args:
        name: Its name on the command line (``eventmodel export --to NAME``).
        summary: One line that says what it is.
        target: The writing function, as ``"module:function"``. It is called
            as ``function(dossier, fp, **options)`` with *fp* a text file (a
            binary one when *binary*), and writes the whole document.
        extra: The optional extra its dependencies come with, if any.
        suffixes: File name endings that name this format (``".trig"``).
        options: The keyword arguments it takes besides the dossier and file.
        binary: Whether it writes bytes rather than text.

    .. versionadded:: 0.1.0

    """

    name: str = attrs.field(validator=_check_name)
    summary: str
    target: str = attrs.field(validator=_check_target)
    extra: str | None = attrs.field(default=None, kw_only=True)
    suffixes: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_strings)
    options: tuple[Option, ...] = attrs.field(default=(), kw_only=True, converter=_option_tuple)
    binary: bool = attrs.field(default=False, kw_only=True)

    def load(self) -> Callable[..., None]:
        """
        The writing function.

        Raises:
            MissingExtraError: When the dependencies it needs are not installed.

        """
        return _load("export format", self.name, self.target, self.extra)


@attrs.frozen
class Importer:
    """
    A format a dossier can be read from.

    Args:
        name: Its name on the command line (``eventmodel import NAME``).
        summary: One line that says what it is.
        target: The reading function, as ``"module:function"``. It is called
            as ``function(files, **options)`` with *files* a sequence of
            paths, and returns a :class:`~eventmodel.Dossier`. A function
            that also takes the keyword arguments ``progress`` and
            ``skipped`` is given, on the command line, a callback
            ``progress(file, bytes_done, bytes_total, rows)`` that draws a
            progress bar on a terminal, and a list in which to put one
            message per bad row skipped; the command reports them at the end.
        extra: The optional extra its dependencies come with, if any.
        options: The keyword arguments it takes besides the files.

    .. versionadded:: 0.1.0

    """

    name: str = attrs.field(validator=_check_name)
    summary: str
    target: str = attrs.field(validator=_check_target)
    extra: str | None = attrs.field(default=None, kw_only=True)
    options: tuple[Option, ...] = attrs.field(default=(), kw_only=True, converter=_option_tuple)

    def load(self) -> Callable[..., Dossier]:
        """
        The reading function.

        Raises:
            MissingExtraError: When the dependencies it needs are not installed.

        """
        return _load("import format", self.name, self.target, self.extra)


class FormatRegistry:
    """
    The exporters and importers known by name. :data:`formats` is the one
    the command line and :func:`export_dossier`/:func:`import_dossier` use.

    .. versionadded:: 0.1.0
    """

    def __init__(self, exporters: Iterable[Exporter] = (), importers: Iterable[Importer] = ()) -> None:
        self._exporters: dict[str, Exporter] = {}
        self._importers: dict[str, Importer] = {}
        for exporter in exporters:
            self.add_exporter(exporter)
        for importer in importers:
            self.add_importer(importer)

    def add_exporter(self, exporter: Exporter, *, replace: bool = False) -> None:
        """
        Register *exporter* under its name.

        Raises:
            InvalidValueError: When the name is taken and *replace* is false.

        """
        _add(self._exporters, exporter, "an exporter", replace=replace)

    def add_importer(self, importer: Importer, *, replace: bool = False) -> None:
        """
        Register *importer* under its name.

        Raises:
            InvalidValueError: When the name is taken and *replace* is false.

        """
        _add(self._importers, importer, "an importer", replace=replace)

    def exporter(self, name: str) -> Exporter:
        """
        The exporter named *name*.

        Raises:
            UnknownTypeError: For a name no exporter has.

        """
        return _get(self._exporters, name, "export format")

    def importer(self, name: str) -> Importer:
        """
        The importer named *name*.

        Raises:
            UnknownTypeError: For a name no importer has.

        """
        return _get(self._importers, name, "import format")

    @property
    def exporters(self) -> tuple[Exporter, ...]:
        """Every exporter, by name."""
        return tuple(self._exporters[name] for name in sorted(self._exporters))

    @property
    def importers(self) -> tuple[Importer, ...]:
        """Every importer, by name."""
        return tuple(self._importers[name] for name in sorted(self._importers))


def _add(table: dict[str, Any], item: Exporter | Importer, what: str, *, replace: bool) -> None:
    if not isinstance(item, Exporter | Importer):
        raise InvalidValueError("must be an Exporter or an Importer", cls="FormatRegistry", value=item)
    if item.name in table and not replace:
        raise InvalidValueError(
            f"already has {what} named {item.name!r}",
            cls="FormatRegistry",
            fix="pass replace=True to replace it",
        )
    table[item.name] = item


def _get(table: dict[str, _F], name: str, what: str) -> _F:
    try:
        return table[name]
    except (KeyError, TypeError):
        known = ", ".join(sorted(table)) or "none"
        raise UnknownTypeError(f"is not a known {what} (known: {known})", value=name) from None


#: The registry of formats the command line and the functions of this module use.
formats: Final = FormatRegistry(
    exporters=[
        Exporter(
            "json", "eventmodel's JSON document", "eventmodel.interop._native:write_json", suffixes=(".json",)
        ),
        Exporter(
            "jsonl",
            "eventmodel's JSON Lines, one object a line",
            "eventmodel.interop._native:write_jsonl",
            suffixes=(".jsonl", ".ndjson"),
        ),
        Exporter(
            "prov-json",
            "W3C PROV-JSON: a bundle a claim, every field kept",
            "eventmodel.interop.prov:write_prov_json",
            extra="prov",
        ),
        Exporter(
            "prov-jsonld",
            "W3C PROV-JSONLD: a bundle a claim, every field kept",
            "eventmodel.interop.prov:write_prov_jsonld",
            extra="prov",
            suffixes=(".jsonld",),
        ),
        Exporter(
            "prov-trig",
            "W3C PROV-O as TriG: a named graph a claim, every field kept",
            "eventmodel.interop.prov:write_prov_trig",
            extra="prov",
            suffixes=(".trig",),
        ),
        Exporter(
            "schemaorg",
            "schema.org JSON-LD with em: terms: Claim, Person, CreativeWork, every field kept",
            "eventmodel.interop.schemaorg:write_schemaorg",
            extra="schemaorg",
            options=[Option("base", "the base of the IRIs of ids")],
        ),
        Exporter(
            "claimreview",
            "schema.org ClaimReview markup for publication (lossy: see the reference)",
            "eventmodel.interop.schemaorg:write_claimreview",
            extra="schemaorg",
            options=[
                Option("reviewer", "the name of the organization that publishes the reviews"),
                Option("review_url", "the base of the reviews' urls, also the reviewer's url"),
            ],
        ),
        Exporter(
            "prov-turtle",
            "refused: Turtle has no named graphs and would drop every claim's bundle (use prov-trig)",
            "eventmodel.interop.prov:refuse_turtle",
            extra="prov",
            suffixes=(".ttl",),
        ),
        Exporter(
            "stix",
            "STIX 2.1 bundle with eventmodel's extension: every field kept",
            "eventmodel.interop.stix:write_stix",
            extra="stix",
            options=[
                Option("created", "the created time of every object (ISO 8601 with a zone)"),
                Option("modified", "the modified time of every object (by default the created time)"),
                Option("identity", "the name of the organization producing the bundle"),
            ],
        ),
        Exporter(
            "stix-vanilla",
            "STIX 2.1 bundle of STIX's own objects only (identity, location, note, opinion, report): lossy",
            "eventmodel.interop.stix:write_stix_vanilla",
            extra="stix",
            options=[
                Option("created", "the created time of every object (ISO 8601 with a zone)"),
                Option("modified", "the modified time of every object (by default the created time)"),
                Option("identity", "the name of the organization producing the bundle"),
            ],
        ),
    ],
    importers=[
        Importer(
            "json",
            "eventmodel's JSON documents and JSON Lines files, merged into one dossier",
            "eventmodel.interop._native:read_files",
        ),
        Importer(
            "gdelt",
            "GDELT 2.0 events exports (tab-separated, 61 columns), with their mentions tables",
            "eventmodel.interop.gdelt:import_gdelt",
            options=[
                Option("mentions", "mentions tables (*.mentions.CSV) of the events read", many=True),
                Option("skip_bad", "skip bad rows, and report them at the end", switch=True),
            ],
        ),
        Importer(
            "acled",
            "ACLED CSV exports, with their header line",
            "eventmodel.interop.acled:import_acled",
            options=[Option("skip_bad", "skip bad rows, and report them at the end", switch=True)],
        ),
        Importer(
            "prov-json",
            "W3C PROV-JSON that eventmodel wrote, merged into one dossier",
            "eventmodel.interop.prov:read_prov_json",
            extra="prov",
        ),
        Importer(
            "prov-jsonld",
            "W3C PROV-JSONLD that eventmodel wrote, merged into one dossier",
            "eventmodel.interop.prov:read_prov_jsonld",
            extra="prov",
        ),
        Importer(
            "prov-trig",
            "W3C PROV-O in TriG that eventmodel wrote, merged into one dossier",
            "eventmodel.interop.prov:read_prov_trig",
            extra="prov",
        ),
        Importer(
            "schemaorg",
            "schema.org JSON-LD: what the schemaorg format wrote, or real ClaimReview markup",
            "eventmodel.interop.schemaorg:read_schemaorg",
            extra="schemaorg",
            options=[Option("base", "the base of the IRIs of ids")],
        ),
        Importer(
            "stix",
            "STIX 2.1 bundles with eventmodel's extension, as eventmodel wrote them, merged into one dossier",
            "eventmodel.interop.stix:read_stix",
            extra="stix",
        ),
    ],
)


def export_dossier(dossier: Dossier, to: str, fp: IO[str] | IO[bytes], **options: Any) -> None:
    """
    Write *dossier* to the open file *fp* in the format named *to*.

    Raises:
        UnknownTypeError: For a format name nothing is registered under.
        MissingExtraError: When the format's dependencies are not installed.

    .. versionadded:: 0.1.0

    """
    formats.exporter(to).load()(dossier, fp, **options)


def import_dossier(name: str, files: Sequence[str | Path], **options: Any) -> Dossier:
    """
    Read the dossier that *files*, in the format named *name*, hold.

    Raises:
        UnknownTypeError: For a format name nothing is registered under.
        MissingExtraError: When the format's dependencies are not installed.

    .. versionadded:: 0.1.0

    """
    return formats.importer(name).load()(tuple(files), **options)


# The data set importers need no optional dependency: their Python API is public here.
from eventmodel.interop.acled import acled_objects, read_acled  # noqa: E402
from eventmodel.interop.gdelt import gdelt_objects, read_gdelt  # noqa: E402
