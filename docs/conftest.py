"""The pages' examples run as doctests; the Sphinx configuration and the built site are not tests."""

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_build/*"]
