"""
Coverage-guided fuzzing with atheris (libFuzzer), where it installs:
``python -m fuzz.coverage --target When.parse -- -runs=100000``.

libFuzzer's bytes seed the same structure-aware mutations as the seeded run
(so its coverage feedback steers which mutations of which corpus inputs are
tried); an input that ends in a raw exception, a hang or a round-trip
failure not explained by a known hole (none is known) is a crash, which libFuzzer
reports and saves.
"""

from __future__ import annotations

import random

import eventmodel as em

from ._corpus import Corpus
from ._run import known_hole
from ._targets import Refused, Target


def one_input(target: Target, corpus: Corpus, data: bytes) -> None:
    """Fuzz *target* once, with the input that *data* seeds; raise on anything but an accepted or refused input."""
    given = target.make(corpus, random.Random(data))
    try:
        result = target.read(given)
    except (em.EventModelError, Refused):
        return
    except Exception as error:
        if known_hole(error) is None:
            raise
        return
    try:
        target.check(given, result)
    except Exception as error:
        if known_hole(error) is None:
            raise
