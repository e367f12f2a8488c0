"""
The dossier layer: a collection of actors, sources and claims, its index,
its provenance rules and its analyses (chain, origin, corroboration,
conflicts, perspective). It builds on :mod:`eventmodel.model` and below.
"""
