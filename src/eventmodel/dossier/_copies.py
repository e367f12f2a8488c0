"""
Near copies: pairs of sources whose texts are almost the same, found without
comparing every pair.

Each text becomes the set of its 5-word shingles (lowercased words, five at a
time). A MinHash signature of 64 minimums (one-permutation hashing: one hash
per shingle, which picks the slot and the value) is cut into 32 bands of 2;
sources that agree on a whole band are candidates (a pair at the threshold,
0.5, is a candidate with probability 1 - (1 - 0.5**2)**32 > 0.9998), and each candidate pair is
measured exactly: the Jaccard similarity of the two shingle sets. Time is
linear in the total length of the texts, plus the candidate pairs.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from typing import ClassVar, Final

import attrs

from eventmodel.exceptions import InvalidValueError
from eventmodel.model._source import Source

__all__ = ["NearCopy", "find_near_copies", "shingles"]

_WORD: Final = re.compile(r"\w+")
#: Words per shingle.
SHINGLE: Final = 5
_SLOTS: Final = 64
_ROWS: Final = 2
_SLOT_SHIFT: Final = 58  # 64-bit mixed hash: the top 6 bits pick the slot
_VALUE_MASK: Final = (1 << _SLOT_SHIFT) - 1
_MIX: Final = 0x9E3779B97F4A7C15
_MASK64: Final = (1 << 64) - 1
_EMPTY: Final = 1 << _SLOT_SHIFT  # larger than any value: a slot no shingle fell in


@attrs.frozen
class NearCopy:
    """
    Two sources whose texts are near copies of one another.

    Attributes:
        first: One source's id (the smaller of the two).
        second: The other's.
        similarity: The Jaccard similarity of their sets of 5-word shingles,
            from 0 to 1 (1: the same words in the same order, up to case and
            punctuation).

    .. versionadded:: 0.1.0

    """

    #: The similarity from which two texts are taken as one story copied.
    #: On the labelled set in ``tests/data/copies`` copies (word for word,
    #: edited, cut to two thirds) measure 0.57 to 0.98, rewrites of the same
    #: event by another outlet at most 0.05, unrelated stories at most 0.01.
    THRESHOLD: ClassVar[float] = 0.5

    first: str
    second: str
    similarity: float


def shingles(text: str) -> set[int]:
    """The 5-word shingles of *text*, hashed (a text shorter than five words is one shingle)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def _signature(hashed: set[int]) -> list[int]:
    slots = [_EMPTY] * _SLOTS
    for value in hashed:
        mixed = (value * _MIX) & _MASK64
        slot = mixed >> _SLOT_SHIFT
        rest = mixed & _VALUE_MASK
        slots[slot] = min(slots[slot], rest)
    return slots


def _jaccard(first: set[int], second: set[int]) -> float:
    # Never both empty: a text without shingles matches no band, so it is never a candidate.
    common = len(first & second)
    return common / (len(first) + len(second) - common)


def check_threshold(threshold: object, field: str) -> float:
    """*threshold* as a float in (0, 1], or the library's error."""
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise InvalidValueError(
            "must be a similarity above 0 and at most 1",
            cls="Dossier",
            field=field,
            value=threshold,
            fix=f"use a number such as NearCopy.THRESHOLD ({NearCopy.THRESHOLD})",
        )
    return float(threshold)


def find_near_copies(
    sources: Iterable[Source], threshold: float = NearCopy.THRESHOLD
) -> tuple[NearCopy, ...]:
    """
    The pairs of *sources* (those with a text) whose texts have a shingle
    similarity of at least *threshold*, most similar first.
    """
    threshold = check_threshold(threshold, "near_copies()")
    texts: dict[str, str] = {}
    ids: list[str] = []
    buckets: dict[int, list[int]] = defaultdict(list)
    for source in sources:
        if source.text is None or source.id in texts:
            continue
        texts[source.id] = source.text
        index = len(ids)
        ids.append(source.id)
        signature = _signature(shingles(source.text))
        for band in range(0, _SLOTS, _ROWS):
            rows = tuple(signature[band : band + _ROWS])
            if rows[0] == _EMPTY and len(set(rows)) == 1:
                continue  # no shingle fell in this band: nothing to match on
            buckets[hash((band, *rows))].append(index)
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > 1:
            for position, first in enumerate(members):
                for second in members[position + 1 :]:
                    if first != second:
                        candidates.add((first, second) if first < second else (second, first))
    del buckets
    sets: dict[int, set[int]] = {}
    found: list[NearCopy] = []
    for first, second in sorted(candidates):
        for index in (first, second):
            if index not in sets:
                sets[index] = shingles(texts[ids[index]])
        similarity = _jaccard(sets[first], sets[second])
        if similarity >= threshold:
            a, b = sorted((ids[first], ids[second]))
            found.append(NearCopy(a, b, round(similarity, 4)))
    found.sort(key=lambda pair: (-pair.similarity, pair.first, pair.second))
    return tuple(found)
