"""
The core layer: what every other layer builds on, and nothing of the domain.

Immutable mappings (:mod:`._frozen`), compact reprs (:mod:`._repr`), the
checks and the error wording that fields share (:mod:`._validation`), and
pausing the garbage collector for large builds (:mod:`._gc`), and writing files
whole or not at all (:mod:`._files`). It imports only
:mod:`eventmodel.exceptions`.
"""
