"""The report in a real browser: headless Chromium driven by Selenium.

Skips (with the reason) where Chromium, its driver or Selenium are not installed;
.ci/run installs them.  Screenshots are saved under the test's tmp dir, and also into
$NUMCHECK_ARTIFACTS when set (NUMCHECK_ARTIFACTS=docs regenerates the README's picture).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker import extract, lint
from checker.lint import extract_source
from checker.report import build

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
REFERENCE = "2024-10-30"
SEED = ROOT / "fixtures" / "drafts" / "kursk.txt"

if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
    pytest.skip(f"chromium/chromedriver not installed ({CHROMIUM}, {DRIVER}); "
                "apt-get install chromium chromium-driver", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install '.[test]')")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,900"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def open_report(browser, tmp_path, text: str, path: str = "fixtures/drafts/kursk.txt") -> Path:
    page = tmp_path / (Path(path).stem + ".html")
    page.write_text(build(text, path=path, reference_date=REFERENCE), encoding="utf-8")
    browser.get_log("browser")  # drop what an earlier page logged
    browser.get(page.as_uri())
    return page


def console_errors(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def in_view(browser, element) -> bool:
    return browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight"
        " && r.left >= 0 && r.right <= document.documentElement.clientWidth;", element)


def save(browser, tmp_path, name):
    shot = tmp_path / name
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("NUMCHECK_ARTIFACTS"):
        out = Path(os.environ["NUMCHECK_ARTIFACTS"])
        out.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, out / name)
    return shot


def test_seed_finding_marks_and_reveals_both_figures(browser, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    [finding] = lint(text, reference_date=REFERENCE)
    open_report(browser, tmp_path, text)
    browser.execute_script("window.scrollTo(0, 0)")
    flagged = browser.find_elements(By.CSS_SELECTOR, '#draft .hit[data-flag~="1"]')
    related = browser.find_elements(By.CSS_SELECTOR, '#draft .hit[data-rel~="1"]')
    assert "".join(e.text for e in flagged) == finding.text == "approximately 3,000 North Korean fighters"
    assert "".join(e.text for e in related) == finding.related[0].text
    assert not in_view(browser, flagged[0])  # the click has to scroll to it
    assert not any("flag-on" in e.get_attribute("class") for e in flagged)

    browser.find_element(By.CSS_SELECTOR, '#finding-1 button').click()

    assert all("flag-on" in e.get_attribute("class") for e in flagged)
    assert all("rel-on" in e.get_attribute("class") for e in related)
    assert all(in_view(browser, e) for e in flagged + related)
    assert browser.find_element(By.CSS_SELECTOR, "#finding-1 button").get_attribute("aria-pressed") == "true"
    # Every claim is highlighted: one element per claim, and it shows the claim's text.
    claims = extract(text, reference_date=REFERENCE)
    shown = [(e.get_attribute("id"), e.text) for e in browser.find_elements(By.CSS_SELECTOR, "#draft .claim[id]")]
    assert shown == [(f"c{n}", c.text) for n, c in enumerate(claims, 1)]
    # Nothing was fetched: the page is self-contained.
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert console_errors(browser) == []
    save(browser, tmp_path, "report-selected.png")
    browser.set_window_size(1280, 1100)  # the header and both figures, for the README
    try:
        browser.execute_script("window.scrollTo(0, 0)")
        save(browser, tmp_path, "report.png")
    finally:
        browser.set_window_size(1280, 900)


def test_markdown_report_shows_prose_and_marks_both_figures(browser, tmp_path):
    md = ROOT / "fixtures" / "drafts" / "kursk.md"
    text = md.read_text(encoding="utf-8")
    open_report(browser, tmp_path, text, "fixtures/drafts/kursk.md")
    draft = browser.find_element(By.ID, "draft")
    assert not any(mark in draft.text for mark in ("**", "](", "```", "date:", "50,000"))
    flagged = browser.find_elements(By.CSS_SELECTOR, '#draft .hit[data-flag~="1"]')
    related = browser.find_elements(By.CSS_SELECTOR, '#draft .hit[data-rel~="1"]')
    browser.find_element(By.CSS_SELECTOR, "#finding-1 button").click()
    assert "".join(e.text for e in flagged) == "approximately 3,000 North Korean fighters"
    assert "".join(e.text for e in related) == "between 10,000 and 12,000 North Korean soldiers"
    assert all("flag-on" in e.get_attribute("class") for e in flagged)
    assert all("rel-on" in e.get_attribute("class") for e in related)
    assert all(in_view(browser, e) for e in flagged + related)
    assert browser.find_element(By.CSS_SELECTOR, "#finding-1 .pos").text == "line 15, col 175"
    claims = extract_source(text, path=str(md), reference_date=REFERENCE)
    shown = [(e.get_attribute("id"), e.text) for e in browser.find_elements(By.CSS_SELECTOR, "#draft .claim[id]")]
    assert shown == [(f"c{n}", c.text) for n, c in enumerate(claims, 1)]
    # A figure's tooltip names its place in the Markdown file, not in the prose.
    browser.execute_script("arguments[0].focus()", browser.find_element(By.ID, "c4"))
    assert "line 11, col 133" in browser.find_element(By.ID, "tip").text
    assert console_errors(browser) == []


def test_backref_and_keyboard_select_the_finding(browser, tmp_path):
    open_report(browser, tmp_path, SEED.read_text(encoding="utf-8"))
    backrefs = browser.find_elements(By.CSS_SELECTOR, '#draft a.backref[data-finding="1"]')
    assert len(backrefs) == 2  # one after the flagged figure, one after the related one
    backrefs[1].click()
    active = browser.switch_to.active_element
    assert active.get_attribute("data-finding") == "1" and active.tag_name == "button"
    assert browser.find_elements(By.CSS_SELECTOR, "#draft .flag-on")
    assert console_errors(browser) == []


def test_keyboard_alone_reaches_figures_and_selects_a_finding(browser, tmp_path):
    open_report(browser, tmp_path, SEED.read_text(encoding="utf-8"))
    keys = lambda *k: ActionChains(browser).send_keys(*k).perform()  # noqa: E731
    keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("class") == "skip"
    keys(Keys.TAB)  # the first figure in the draft, whose reading shows in the tooltip
    assert browser.switch_to.active_element.get_attribute("id") == "c1"
    tip = browser.find_element(By.ID, "tip")
    assert tip.is_displayed()
    assert "North Korean defectors" in tip.text and "180–200" in tip.text and "nearly" in tip.text
    keys(Keys.ESCAPE)
    assert not tip.is_displayed()
    ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert browser.switch_to.active_element.get_attribute("class") == "skip"
    keys(Keys.ENTER)  # the skip link lands on the findings
    keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("data-finding") == "1"
    keys(Keys.ENTER)
    flagged = browser.find_elements(By.CSS_SELECTOR, "#draft .flag-on")
    assert flagged and all(in_view(browser, e) for e in flagged)
    assert console_errors(browser) == []


def test_phone_width_is_one_column_without_sideways_scroll(browser, tmp_path):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        open_report(browser, tmp_path, SEED.read_text(encoding="utf-8"))
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        button = browser.find_element(By.CSS_SELECTOR, "#finding-1 button")
        draft = browser.find_element(By.ID, "draft")
        assert button.location["y"] < draft.location["y"]  # findings come first on a phone
        button.click()
        flagged = browser.find_elements(By.CSS_SELECTOR, '#draft .hit[data-flag~="1"]')
        assert in_view(browser, flagged[0])
        assert console_errors(browser) == []
        save(browser, tmp_path, "report-phone.png")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_script_in_draft_is_text_not_code(browser, tmp_path):
    hostile = ('<script>window.__pwned = 1; document.title = "pwned"</script> Some 3,000 people '
               '<img src=x onerror="window.__pwned = 2"> came; "</p><b>bold</b>" & more.\n')
    open_report(browser, tmp_path, hostile, "hostile.txt")
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.title == "numcheck report — hostile.txt"
    draft = browser.find_element(By.ID, "draft")
    assert draft.find_elements(By.TAG_NAME, "script") == draft.find_elements(By.TAG_NAME, "img") == []
    assert browser.execute_script(
        "const p = document.querySelector('#draft p').cloneNode(true);"
        "p.querySelectorAll('.backref').forEach(a => a.remove()); return p.textContent") == hostile.rstrip("\n")
    assert console_errors(browser) == []
