"""
The model layer: the typed, immutable values of "X says Y happened".

Actors, sources, events, propositions, claims and the values they hold
(evidence, factuality, confidence, places, quantities), their deterministic
ids, the registry of type tags, and the constructors generated for the
built-in classes. It builds on :mod:`eventmodel.core` and
:mod:`eventmodel.time`; it never imports the layers above it (documents,
dossiers, the command line).
"""
