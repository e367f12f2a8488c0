"""The pages' examples run as doctests; the Sphinx configuration and the built site are not tests."""

import importlib.util

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_build/*"]

# The scale-out page runs every engine: it is skipped where one of them is not installed.
if not all(importlib.util.find_spec(name) for name in ("pyarrow", "duckdb", "dask", "pyspark", "polars")):
    collect_ignore.append("how-to/scale-out.md")
