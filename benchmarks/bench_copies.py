"""
Dossier.near_copies() on 10,000 sources of 2 to 5 KB of text: time and memory, and that time grows
linearly with the total length of the texts.

Run it from the repository root, in an environment with eventmodel installed::

    python benchmarks/bench_copies.py              # 2,500, 5,000 and 10,000 sources: about a minute
    python benchmarks/bench_copies.py --quick      # 1,000 and 2,000 sources: a few seconds

Each size runs in a fresh process, so that its maximum resident size (``ru_maxrss``) is its own.
The texts are drawn from a fixed seed: words from a vocabulary of 5,000 made-up words, with
Zipf-like frequencies (a few words very common, as in news text), 2 to 5 KB each. One source in ten
is a copy of an earlier one: word for word, or edited (one sentence in eight dropped, a line
added), or cut to its first two thirds. The script reports:

- the time of ``near_copies()`` (median of 3 runs), in all and per KB of text;
- the peak of memory Python allocated during it (tracemalloc, in a run of its own, since
  tracemalloc slows the run);
- the process's maximum resident size;
- the pairs found, and how many of the planted copies they include (recall) and how many pairs
  are not planted copies (false positives).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc

SEED = 20261204


def texts(count: int, seed: int = SEED) -> tuple[list[str], set[frozenset[int]]]:
    """*count* texts and the planted copy pairs (by index)."""
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9))) for _ in range(5000)
    ]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    found: list[str] = []
    planted: set[frozenset[int]] = set()
    for index in range(count):
        if index >= 10 and rng.random() < 0.1:
            origin = rng.randrange(index)
            sentences = found[origin].split(". ")
            how = rng.choice(["verbatim", "edited", "cut"])
            if how == "verbatim":
                text = "From our correspondents. " + found[origin]
            elif how == "edited":
                text = ". ".join(s for i, s in enumerate(sentences) if i % 8 != 3) + ". More follows."
            else:
                text = ". ".join(sentences[: (2 * len(sentences)) // 3]) + "."
            found.append(text)
            planted.add(frozenset((origin, index)))
            continue
        size = rng.randint(2000, 5000)
        words: list[str] = []
        length = 0
        while length < size:
            sentence = rng.choices(vocabulary, weights, k=rng.randint(8, 25))
            words.append(" ".join(sentence).capitalize())
            length += sum(len(word) + 1 for word in sentence) + 1
        found.append(". ".join(words) + ".")
    return found, planted


def measure(count: int) -> dict[str, float]:
    import eventmodel as em  # noqa: PLC0415  (imported in the measuring process only)

    made, planted = texts(count)
    sources = [em.Source("news-article", id=f"src:{index}", text=text) for index, text in enumerate(made)]
    dossier = em.Dossier(sources)
    kb = sum(len(text.encode()) for text in made) / 1024
    times = []
    for _ in range(3):
        start = time.perf_counter()
        pairs = dossier.near_copies()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    dossier.near_copies()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Copies of one original (or of a copy of it) are copies of one another too: count those as planted.
    parent = list(range(count))

    def root(item: int) -> int:
        while parent[item] != item:
            item = parent[item]
        return item

    for pair in planted:
        a, b = sorted(pair)
        parent[root(b)] = root(a)
    reported = {frozenset(int(ident[4:]) for ident in (pair.first, pair.second)) for pair in pairs}
    related = {pair for pair in reported if len({root(item) for item in pair}) == 1}
    median = statistics.median(times)
    return {
        "sources": count,
        "megabytes of text": round(kb / 1024, 1),
        "seconds": round(median, 2),
        "microseconds per KB": round(median / kb * 1e6, 1),
        "peak traced MB": round(peak / 2**20, 1),
        "max resident MB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "pairs found": len(reported),
        "planted found": len(planted & reported),
        "planted": len(planted),
        "false positives": len(reported - related),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes", help="comma-separated source counts")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else ([1000, 2000] if args.quick else [2500, 5000, 10000])
    )
    rows = []
    for size in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], check=True, capture_output=True, text=True
        )
        rows.append(json.loads(out.stdout))
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(f"{row[key]:,}" for key in keys) + " |")


if __name__ == "__main__":
    main()
