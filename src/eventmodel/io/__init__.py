"""
The document layer: JSON and JSON Lines reading and writing
(:mod:`eventmodel.json`) and JSON Schema (:mod:`eventmodel.schema`), for
model objects and dossiers. It builds on :mod:`eventmodel.dossier` and below.
"""
