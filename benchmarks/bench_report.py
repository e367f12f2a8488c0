"""
The HTML report (``eventmodel report``) at 1,000 and 10,000 claims: how long
it takes to write, how big the page is, and how long Chromium takes to show it.

Run it from the repository root, in an environment with eventmodel and the
``browser`` extra installed, and Chromium with its WebDriver from the
system's packages (``apt-get install chromium chromium-driver``)::

    python benchmarks/bench_report.py                  # 1,000 and 10,000 claims
    python benchmarks/bench_report.py --sizes 10000

For each size it builds the standard workload (``workload.scaled(n)``: each
top-level claim about an event of its own, so 10,000 claims are 10,000
sections of the page), then:

1. times :func:`eventmodel.interop._report.report_html` (the command's work
   after reading the file), once, by ``time.perf_counter``;
2. writes the page and gives its size;
3. opens it in headless Chromium from ``file://`` (a fresh profile, a
   1400 × 1000 window) and reads the page's own clock
   (``performance`` entries, from the start of navigation): the first
   contentful paint (the time to first render), the end of the load event,
   and when the filters' script has run (the claim count shown); then
   chooses an actor in the filter and times the page's answer.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import workload
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from eventmodel.interop._report import report_html


def _browser(profile: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def measure(claims: int) -> dict[str, float]:
    dossier = workload.build_eventmodel(workload.scaled(claims))
    start = time.perf_counter()
    page = report_html(dossier)
    made = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        path.write_text(page, encoding="utf-8")
        driver = _browser(str(Path(folder) / "profile"))
        try:
            driver.set_page_load_timeout(600)
            driver.get(path.as_uri())
            timing = driver.execute_script(
                "const paint = performance.getEntriesByName('first-contentful-paint')[0];"
                "const nav = performance.getEntriesByType('navigation')[0];"
                "return [paint ? paint.startTime : null, nav.loadEventEnd,"
                " document.getElementById('em-count').textContent]"
            )
            actor = driver.execute_script(
                "return document.getElementById('em-filter-actor').options[1].value"
            )
            chosen = driver.execute_script(
                "const select = document.getElementById('em-filter-actor');"
                "const start = performance.now(); select.value = arguments[0];"
                "select.dispatchEvent(new Event('change'));"
                "return [performance.now() - start, document.getElementById('em-count').textContent]",
                actor,
            )
        finally:
            driver.quit()
    return {
        "claims": claims,
        "write_s": made,
        "size_mb": len(page.encode()) / 1e6,
        "first_paint_s": (timing[0] or 0) / 1000,
        "loaded_s": timing[1] / 1000,
        "count": timing[2],
        "filter_ms": chosen[0],
        "filtered": chosen[1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="claim counts, comma-separated")
    args = parser.parse_args()
    print("| claims | report_html | page size | first contentful paint | load event end | one filter |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in (int(part) for part in args.sizes.split(",")):
        result = measure(size)
        print(
            f"| {result['claims']:,} | {result['write_s']:.2f} s | {result['size_mb']:.1f} MB "
            f"| {result['first_paint_s']:.2f} s | {result['loaded_s']:.2f} s | {result['filter_ms']:.0f} ms |"
        )
        print(f"  ({result['count']}; after one filter: {result['filtered']})", file=sys.stderr)


if __name__ == "__main__":
    main()
