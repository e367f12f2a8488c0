"""The registry of formats, and the export and import commands that run it."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

import eventmodel as em
from eventmodel import cli
from eventmodel.interop import (
    Exporter,
    FormatRegistry,
    Importer,
    Option,
    export_dossier,
    formats,
    import_dossier,
)

EXAMPLE = Path(__file__).parent.parent / "examples" / "luhansk-2022-03-27" / "dossier.json"


def test_the_native_formats_are_registered():
    assert [e.name for e in formats.exporters] == sorted(e.name for e in formats.exporters)
    assert {"json", "jsonl"} <= {e.name for e in formats.exporters}
    assert "json" in {i.name for i in formats.importers}
    assert formats.exporter("jsonl").suffixes == (".jsonl", ".ndjson")


def test_export_and_import_through_the_registry(tmp_path):
    dossier = em.json.loads(EXAMPLE.read_text(encoding="utf-8"), em.Dossier)
    out = tmp_path / "example.jsonl"
    with out.open("w", encoding="utf-8") as fp:
        export_dossier(dossier, "jsonl", fp)
    again = import_dossier("json", [out])
    assert list(again) == list(dossier)


def test_an_unknown_format_names_the_known_ones():
    with pytest.raises(em.UnknownTypeError) as caught:
        formats.exporter("prov-xml")
    assert str(caught.value).startswith("is not a known export format (known: claimreview, json, jsonl")
    assert caught.value.value == "prov-xml"
    with pytest.raises(em.UnknownTypeError, match=r"^is not a known import format \(known: "):
        formats.importer("nope")


def test_names_and_targets_are_checked():
    with pytest.raises(em.InvalidValueError) as caught:
        Exporter("Prov JSON", "x", "a:b")
    assert str(caught.value) == (
        "Exporter.name: must be lower-case words joined by '-', got 'Prov JSON'. "
        "Fix: name it like 'prov-json' or 'gdelt'"
    )
    with pytest.raises(em.InvalidValueError) as caught:
        Importer("gdelt", "x", "module.function")
    assert str(caught.value) == (
        "Importer.target: must name a function as 'module:function', got 'module.function'. "
        "Fix: write it like 'eventmodel.interop.prov:write_prov_json'"
    )
    with pytest.raises(em.InvalidValueError, match=r"^Option.name: must be a Python keyword argument name"):
        Option("--mentions", "x")


def test_a_name_is_registered_once_unless_replaced():
    registry = FormatRegistry()
    first = Exporter("csv", "one", "eventmodel.interop._native:write_json")
    registry.add_exporter(first)
    second = Exporter("csv", "two", "eventmodel.interop._native:write_jsonl")
    with pytest.raises(em.InvalidValueError) as caught:
        registry.add_exporter(second)
    assert str(caught.value) == (
        "FormatRegistry: already has an exporter named 'csv'. Fix: pass replace=True to replace it"
    )
    registry.add_exporter(second, replace=True)
    assert registry.exporter("csv") is second
    with pytest.raises(em.InvalidValueError, match="must be an Exporter or an Importer"):
        registry.add_importer("csv")  # type: ignore[arg-type]


def test_a_missing_dependency_names_the_extra(tmp_path, monkeypatch):
    (tmp_path / "needs_missing.py").write_text(
        "import surely_not_installed_here\n\ndef write(d, fp):\n    pass\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    exporter = Exporter("missing", "needs a package", "needs_missing:write", extra="prov")
    with pytest.raises(em.MissingExtraError) as caught:
        exporter.load()
    assert str(caught.value) == (
        "the export format 'missing' needs surely_not_installed_here, which is not installed. "
        'Fix: install it with: pip install "eventmodel[prov]"'
    )
    assert caught.value.extra == "prov"
    assert isinstance(caught.value, ImportError)
    again = pickle.loads(pickle.dumps(caught.value))
    assert str(again) == str(caught.value)
    assert again.extra == "prov"
    sys.modules.pop("needs_missing", None)


def test_a_missing_module_of_its_own_is_not_blamed_on_an_extra():
    exporter = Exporter("broken", "x", "eventmodel.interop.no_such_module:write", extra="prov")
    with pytest.raises(ModuleNotFoundError):
        exporter.load()


def test_a_target_that_is_not_a_function():
    exporter = Exporter("odd", "x", "eventmodel.interop:formats")
    with pytest.raises(em.UnknownTypeError) as caught:
        exporter.load()
    assert str(caught.value) == (
        "the export format 'odd' names eventmodel.interop:formats, which is not a function, "
        "got 'eventmodel.interop:formats'"
    )


def test_option_flags():
    assert Option("mention_files", "x", many=True).flag == "--mention-files"


# -- the commands ---------------------------------------------------------------------------


def test_export_by_the_ending_of_out_and_import_back(tmp_path, capsys):
    lines = tmp_path / "example.jsonl"
    assert cli.main(["export", str(EXAMPLE), "-o", str(lines)]) == 0
    assert capsys.readouterr().out == f"{EXAMPLE} -> {lines}: 55 objects as jsonl\n"
    back = tmp_path / "back.json"
    assert cli.main(["import", "json", str(lines), "-o", str(back)]) == 0
    assert capsys.readouterr().out == f"{lines} -> {back}: 55 objects from json\n"
    assert back.read_bytes() == EXAMPLE.read_bytes()


def test_export_to_stdout_needs_a_format(capsys):
    assert cli.main(["export", str(EXAMPLE)]) == 2
    assert capsys.readouterr().err == (
        "eventmodel: cannot tell the format to write from '-': name it with --to\n"
    )
    assert cli.main(["export", str(EXAMPLE), "--to", "json"]) == 0
    assert capsys.readouterr().out.encode() == EXAMPLE.read_bytes()


def test_import_of_a_missing_file(tmp_path, capsys):
    assert cli.main(["import", "json", str(tmp_path / "none.json")]) == 2
    assert capsys.readouterr().err == f"eventmodel: {tmp_path / 'none.json'}: no such file\n"


def test_a_format_whose_extra_is_missing_exits_2(tmp_path, capsys, monkeypatch):
    (tmp_path / "needs_other.py").write_text("import surely_not_installed_either\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(formats, "_exporters", dict(formats._exporters))
    formats.add_exporter(Exporter("needy", "x", "needs_other:write", extra="stix"))
    assert cli.main(["export", str(EXAMPLE), "--to", "needy"]) == 2
    assert capsys.readouterr().err == (
        "eventmodel: the export format 'needy' needs surely_not_installed_either, which is not installed. "
        'Fix: install it with: pip install "eventmodel[stix]"\n'
    )
    sys.modules.pop("needs_other", None)


def test_importer_options_reach_the_function(tmp_path, capsys, monkeypatch):
    seen = {}

    def read(files, **options):
        seen.update(options, files=files)
        return em.Dossier()

    module = type(sys)("fake_importer")
    module.read = read  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_importer", module)
    monkeypatch.setattr(formats, "_importers", dict(formats._importers))
    formats.add_importer(
        Importer("fake", "a fake", "fake_importer:read", options=[Option("mentions", "mentions", many=True)])
    )
    data = tmp_path / "a.csv"
    data.write_text("x")
    out = tmp_path / "out.jsonl"
    args = ["import", "fake", str(data), "--mentions", "m1", "m2", "-o", str(out)]
    assert cli._parser().parse_args(args).importer.name == "fake"
    assert cli.main(args) == 0
    assert seen == {"files": (str(data),), "mentions": ("m1", "m2")}
    assert out.read_text() == ""


def test_from_names_the_format_too(tmp_path, capsys):
    lines = tmp_path / "example.jsonl"
    assert cli.main(["export", str(EXAMPLE), "-o", str(lines)]) == 0
    for argv in (
        ["import", "--from", "json", str(lines), "-o", str(tmp_path / "a.json")],
        ["import", str(lines), "--from=json", "-o", str(tmp_path / "b.json")],
    ):
        assert cli.main(argv) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes() == EXAMPLE.read_bytes()
    assert cli._interop.format_first(["import", "--", "--from", "x"]) == ["import", "--", "--from", "x"]
    assert cli._interop.format_first(["export", "--from", "x"]) == ["export", "--from", "x"]
    assert cli.main(["import", "--from"]) == 2
    assert capsys.readouterr().err.endswith(
        "the following arguments are required: FORMAT (see eventmodel import --help)\n"
    )
