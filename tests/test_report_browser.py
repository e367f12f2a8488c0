"""
The HTML report in a real browser: Chromium from the system's packages,
driven headless through its WebDriver (chromedriver).

Outside CI the tests skip, saying why, when Chromium, chromedriver or
Selenium is missing; under CI (``CI=true``) they fail instead, so that CI
cannot pass without running them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eventmodel import cli

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "luhansk-2022-03-27" / "dossier.json"
HOSTILE = Path(__file__).parent / "data" / "hostile.json"
CHROMIUM = os.environ.get("EVENTMODEL_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("EVENTMODEL_CHROMEDRIVER", "/usr/bin/chromedriver")


def _missing() -> str | None:
    """Why the browser cannot run here, or None."""
    for program in (CHROMIUM, CHROMEDRIVER):
        if shutil.which(program) is None:
            return f"{program} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401, PLC0415 - optional outside CI
    except ImportError:
        return 'selenium is not installed (pip install -e ".[test]")'
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    from selenium import webdriver  # noqa: PLC0415 - optional outside CI
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
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
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


def _report(source: Path, target: Path, *extra: str) -> Path:
    assert cli.main(["report", str(source), "-o", str(target), *extra]) == 0
    return target


def _open(driver, page: Path) -> None:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get_log("performance")
    driver.get(page.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"


_NETWORK = ("http:", "https:", "ws:", "wss:", "ftp:", "file:")


def _requests(driver, page: Path) -> list[str]:
    """
    The URLs the page asked for since it was opened (the browser's own pages,
    such as its new tab page, left out), and any request to the network at all.
    """
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if message["params"].get("documentURL") == page.as_uri() or url.startswith(_NETWORK):
                urls.append(url)
    return urls


def test_the_example_renders_every_claim_and_the_corroboration_show_prints(browser, tmp_path):
    page = _report(EXAMPLE, tmp_path / "report.html")
    _open(browser, page)
    assert [entry for entry in browser.get_log("browser") if entry["level"] in {"SEVERE", "WARNING"}] == []
    assert _requests(browser, page) == [page.as_uri()]
    dossier = cli._load_dossier(str(EXAMPLE))
    shown = browser.execute_script(
        "return Array.from(document.querySelectorAll('article.em-claim[data-claim]'))"
        ".filter(card => card.offsetParent !== null).map(card => card.dataset.claim)"
    )
    assert sorted(shown) == sorted(claim.id for claim in dossier.claims)
    assert (
        browser.find_element("id", "em-count").text
        == f"{len(dossier.claims)} of {len(dossier.claims)} claims shown"
    )
    # Every corroboration line `show` prints, with the same counts, under its event.
    printed = re.findall(
        r"^  (event:\S+): (\d+ reports?, \d+ independent origins?)( \(circular reporting\))?$",
        cli.show(dossier, width=200),
        re.MULTILINE,
    )
    assert printed
    found = browser.execute_script(
        "const out = {}; for (const section of document.querySelectorAll('section.em-subject')) {"
        " const corro = section.querySelector('.em-corro'); if (!corro) continue;"
        " out[section.querySelector('h3 code').textContent] = corro.querySelector('b').textContent"
        " + (corro.querySelector('.em-circular') ? ' (circular reporting)' : ''); } return out"
    )
    for event_id, counts, circular in printed:
        assert found[event_id] == counts + circular


def test_the_filters_hide_other_claims(browser, tmp_path):
    from selenium.webdriver.support.ui import Select  # noqa: PLC0415 - optional outside CI

    _open(browser, _report(EXAMPLE, tmp_path / "report.html"))
    Select(browser.find_element("id", "em-filter-actor")).select_by_value("actor:ukraine-interior-ministry")
    visible = browser.execute_script(
        "return Array.from(document.querySelectorAll('article.em-claim[data-claim]'))"
        ".filter(card => !card.hidden).map(card => card.dataset.claim)"
    )
    dossier = cli._load_dossier(str(EXAMPLE))
    expected = [
        claim.id
        for claim in dossier.claims
        if any(hop.claimant == "actor:ukraine-interior-ministry" for hop in dossier.chain(claim))
    ]
    assert sorted(visible) == sorted(expected)
    assert (
        browser.find_element("id", "em-count").text
        == f"{len(expected)} of {len(dossier.claims)} claims shown"
    )
    Select(browser.find_element("id", "em-filter-actor")).select_by_value("")
    assert browser.find_element("id", "em-count").text.startswith(f"{len(dossier.claims)} of")


def test_hostile_strings_render_as_text_and_run_nothing(browser, tmp_path):
    page = _report(HOSTILE, tmp_path / "hostile.html", "--title", "<script>window.__pwned = 9</script>")
    _open(browser, page)
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.scripts.length") == 1
    assert (
        browser.execute_script("return document.querySelectorAll('img, iframe, object, embed, a').length")
        == 0
    )
    assert _requests(browser, page) == [page.as_uri()]
    assert [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"] == []
    text = browser.find_element("tag name", "body").text
    for written in (
        'Ministry <script>window.__pwned = 1</script> "quoted" </style><style>body{display:none}</style>',
        '<img src="http://127.0.0.1:9/leak.png" onerror="window.__pwned = 2">',
        "javascript:window.__pwned=3",
        "claim:<script>outer</script>",
        "event:</style><script>alert(5)</script>",
    ):
        assert written in text
    assert browser.title == "<script>window.__pwned = 9</script>"


def test_screenshots_for_the_docs(browser, tmp_path):
    """The report and the notebook view of the example, as the how-to shows them (kept in tmp_path)."""
    _open(browser, _report(EXAMPLE, tmp_path / "report.html"))
    assert browser.save_screenshot(str(tmp_path / "report.png"))
    dossier = cli._load_dossier(str(EXAMPLE))
    notebook = tmp_path / "notebook.html"
    notebook.write_text(
        f'<!DOCTYPE html><meta charset="utf-8"><body style="max-width:1100px">{dossier._repr_html_()}',
        encoding="utf-8",
    )
    _open(browser, notebook)
    assert [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"] == []
    assert browser.save_screenshot(str(tmp_path / "notebook.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_skips_only_outside_ci():
    """Without a browser the module skips; under CI=true it fails instead (run in a clean process)."""
    code = (
        "import os, sys, pytest; os.environ['EVENTMODEL_CHROMIUM'] = '/nonexistent/chromium';"
        f"sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '-k', 'filters', {str(Path(__file__))!r}]))"
    )
    for ci, status in (("", 0), ("true", 1)):
        env = {**os.environ, "CI": ci, "EVENTMODEL_CHROMIUM": "/nonexistent/chromium"}
        env.pop("COV_CORE_SOURCE", None)
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, check=False
        )
        assert result.returncode == status, result.stdout + result.stderr
        assert ("1 skipped" in result.stdout) == (status == 0)
        assert ("CI must run the browser tests: /nonexistent/chromium is not installed" in result.stdout) == (
            status == 1
        )
