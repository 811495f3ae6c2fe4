"""Every page a guest or the back office can reach, in Chromium: axe-core finds no `serious` or
`critical` violation on any of them, and each is photographed in French, English and Spanish at
desktop (1280 px) and phone (360 px) widths — nothing may stick out sideways at 360 px.

Screenshots go to target/portal/screens/<lang>-<width>-<page>.png. axe and the screenshots run
on SQLite only (they read pages, the database does not change what they show)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Tuple, Union

import pytest

from .chromium import Browser
from .harness import (CAMPING, SALON, SCREENS, LiveServer, browser_missing, found, full_page_png, load_axe,
                      reset_browser, run_axe, set_width, wait_for_path)
from .test_guest_journeys import click_and_load, console_errors, css, fill

LOCALES = ("fr", "en", "es")
WIDTHS = (1280, 360)
#: How far a page may stick out at 360 px (sub-pixel rounding).
OVERFLOW_TOLERANCE = 1

Step = Union[str, Callable[[Browser, LiveServer], None]]


# -- how each page is reached -----------------------------------------------------------------

def _expired_link(driver: Browser, live: LiveServer) -> None:
    """A portal link issued 31 days ago: the page offering a new one."""
    live.clock.now -= dt.timedelta(days=31)
    try:
        url = live.issue_link("C-1042")
    finally:
        live.clock.now += dt.timedelta(days=31)
    driver.get(url)
    wait_for_path(driver, f"{CAMPING}/link-expired")


def _new_password(driver: Browser, live: LiveServer) -> None:
    """The page of a password-reset link (Camille's account at the salon)."""
    driver.get(live.issue_link("T-0501", "password_reset", est_id="toilettage-du-parc"))
    wait_for_path(driver, f"{SALON}/account/new-password")


def _tampered_link(driver: Browser, live: LiveServer) -> None:
    """A link whose token was altered: refused (400)."""
    url = live.issue_link("C-1042")
    driver.get(url[:-6] + ("A" if url[-6] != "A" else "B") + url[-5:])


def _checkout(driver: Browser, live: LiveServer) -> None:
    """« Payer » on stay 312: the demo provider's hosted page."""
    driver.get(live(f"{CAMPING}/stays/312"))
    click_and_load(driver, css(driver, ".figures form button.primary"))
    assert "/demo-pay/" in driver.current_url


def _pay_return(driver: Browser, live: LiveServer) -> None:
    """Back from the provider before it settled: the « pending » page."""
    _checkout(driver, live)
    with live.app.app_context():
        checkout = live.app.extensions["hospes_portal"].provider.checkout(driver.current_url.rsplit("/", 1)[1])
    driver.get(checkout["request"]["return_url"])
    wait_for_path(driver, f"{CAMPING}/pay/return")


def _payable_invoice(live: LiveServer) -> str:
    with live.tx() as tx:
        invoices = tx.invoices_of("camping-des-pins", "C-1042")
    return next(found(i.get("number")) for i in invoices if i["status"] in ("issued", "partly_paid"))


#: (page name, who sees it, how to get there). Grouped by who: one sign-in per group.
def pages(live: LiveServer) -> List[Tuple[str, str, Step]]:
    invoice = _payable_invoice(live)
    return [
        ("index", "nobody", "/"),
        ("guest-login", "nobody", f"{CAMPING}/login"),
        ("guest-register", "nobody", f"{CAMPING}/register"),
        ("guest-forgot", "nobody", f"{CAMPING}/forgot"),
        ("salon-login", "nobody", f"{SALON}/login"),
        ("guest-link-expired", "nobody", _expired_link),
        ("guest-new-password", "nobody", _new_password),
        ("error-400-link", "nobody", _tampered_link),
        ("error-404", "nobody", "/no-such-page"),
        ("office-login", "nobody", "/office/login"),
        ("guest-home", "marie", f"{CAMPING}/"),
        ("guest-stays", "marie", f"{CAMPING}/stays"),
        ("guest-infos", "marie", f"{CAMPING}/infos"),
        ("guest-stay-312", "marie", f"{CAMPING}/stays/312"),
        ("guest-stay-318", "marie", f"{CAMPING}/stays/318"),
        ("guest-stay-287", "marie", f"{CAMPING}/stays/287"),
        ("guest-booking-312", "marie", f"{CAMPING}/stays/312/booking"),
        ("guest-cancel-312", "marie", f"{CAMPING}/stays/312/cancel"),
        ("guest-quote", "marie", f"{CAMPING}/quotes/D26-0318"),
        ("guest-contract-28", "marie", f"{CAMPING}/contracts/28"),
        ("guest-contract-yearly", "marie", f"{CAMPING}/contracts/A12-2027"),
        ("guest-invoices", "marie", f"{CAMPING}/invoices"),
        ("guest-pay", "marie", f"{CAMPING}/invoices/{invoice}/pay"),
        ("guest-residency", "marie", f"{CAMPING}/residencies/R-2027-A12"),
        ("error-404-guest", "marie", f"{CAMPING}/stays/999"),
        ("provider-checkout", "marie", _checkout),
        ("guest-pay-pending", "marie", _pay_return),
        ("salon-home", "camille", f"{SALON}/"),
        ("salon-pets", "camille", f"{SALON}/pets"),
        ("salon-appointments", "camille", f"{SALON}/appointments"),
        ("salon-invoices", "camille", f"{SALON}/invoices"),
        ("salon-infos", "camille", f"{SALON}/infos"),
        ("office-home", "office", "/office/"),
        ("office-clients", "office", "/office/camping-des-pins/clients?text=dupont"),
        ("office-client", "office", "/office/camping-des-pins/clients/C-1042"),
        ("office-salon-clients", "office", "/office/toilettage-du-parc/clients"),
        ("office-mail-template", "office", "/office/camping-des-pins/mails/quote_sent"),
        ("office-booking-policy", "office", "/office/camping-des-pins/booking-policy"),
        ("office-outbox", "office", "/office/outbox"),
        ("office-outbox-mail", "office", "/office/outbox/1"),
    ]


def sign_in(driver: Browser, live: LiveServer, who: str, locale: str) -> None:
    """A clean browser, its language chosen with the portal's buttons, then signed in as `who`."""
    reset_browser(driver)
    driver.get(live(f"{CAMPING}/login"))
    click_and_load(driver, css(driver, f".lang button[value={locale}]"))
    if who == "marie":
        driver.get(live.issue_link("C-1042"))
        wait_for_path(driver, f"{CAMPING}/")
    elif who == "camille":
        driver.get(live(f"{SALON}/login"))
        fill(css(driver, "input[name=email]"), "camille.laurent@example.fr")
        fill(css(driver, "input[name=password]"), "Filou-au-parc-2026")
        click_and_load(driver, css(driver, "main button.primary"))
        wait_for_path(driver, f"{SALON}/")
    elif who == "office":
        driver.get(live("/office/login"))
        fill(css(driver, "input[name=password]"), live.office_password())
        click_and_load(driver, css(driver, "main button.primary"))
        wait_for_path(driver, "/office/")


def tour(driver: Browser, live: LiveServer, locale: str) -> Iterator[str]:
    """Opens each page in turn (in `locale`), yielding its name once the browser shows it."""
    who: Optional[str] = None
    for name, role, step in pages(live):
        if role != who:
            sign_in(driver, live, role, locale)
            who = role
        if isinstance(step, str):
            driver.get(live(step))
        else:
            step(driver, live)
        if name != "provider-checkout":  # the provider's page is in the payment request's language
            assert css(driver, "html").get_attribute("lang") == locale, (name, driver.current_url)
        assert "Internal Server Error" not in driver.page_source, name
        yield name


# -- the tests --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One portal for the module: the pages are only read."""
    missing = browser_missing()
    if missing:
        pytest.skip(missing)
    if os.environ.get("PORTAL_TEST_POSTGRES"):
        pytest.skip("axe and the screenshots run on SQLite only")
    server = LiveServer(tmp_path_factory.mktemp("pages"))
    assert server.sqlite
    yield server
    server.close()


def test_every_page_passes_axe_core(site: LiveServer, browser: Browser) -> None:
    """No `serious` or `critical` violation (WCAG 2 A/AA and best practices) on any page, at
    desktop and at phone width (target sizes, reflow), and no error in the browser's console.
    The full report, with what axe could not decide, is written to target/portal/axe-report.json."""
    source = load_axe()
    found: Dict[str, List[str]] = {}
    report: Dict[str, Dict[str, List[Dict[str, object]]]] = {}
    console_errors(browser)
    for name in tour(browser, site, "fr"):
        errors = console_errors(browser)  # an error page's own status is logged; nothing else may be
        if errors and not name.startswith("error-"):
            found[f"console-{name}"] = errors
        for width in WIDTHS:
            set_width(browser, width)
            result = run_axe(browser, source)
            report[f"{width}-{name}"] = {
                kind: [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
                       for v in result[kind]] for kind in ("violations", "incomplete")}
            bad = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                   for v in result["violations"] if v["impact"] in ("serious", "critical")]
            if bad:
                found[f"{width}-{name}"] = bad
        set_width(browser, WIDTHS[0])
    SCREENS.parent.mkdir(parents=True, exist_ok=True)
    (SCREENS.parent / "axe-report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    assert len(report) == len(WIDTHS) * len(pages(site))
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_every_page_in_three_languages_at_desktop_and_phone_width(site: LiveServer, browser: Browser) -> None:
    """A full-page screenshot of each page per language and width; at 360 px nothing overflows."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    for old in SCREENS.glob("*.png"):
        old.unlink()
    overflowing: List[str] = []
    shots = 0
    for locale in LOCALES:
        for name in tour(browser, site, locale):
            for width in WIDTHS:
                set_width(browser, width)
                scroll_width = int(browser.execute_script("return document.documentElement.scrollWidth"))
                if width == 360 and scroll_width > width + OVERFLOW_TOLERANCE:
                    overflowing.append(f"{locale} {name}: {scroll_width}px — {_widest(browser, width)}")
                Path(SCREENS / f"{locale}-{width}-{name}.png").write_bytes(full_page_png(browser, width))
                shots += 1
            set_width(browser, WIDTHS[0])
    assert shots == len(LOCALES) * len(WIDTHS) * len(pages(site))
    assert not overflowing, "\n".join(overflowing)


def _widest(driver: Browser, width: int) -> List[str]:
    """The elements that stick out past the right edge (for the failure message)."""
    return list(driver.execute_script(
        "var out = [], w = arguments[0];"
        "document.querySelectorAll('body *').forEach(function (e) {"
        "  var r = e.getBoundingClientRect();"
        "  if (r.right > w + 1) { out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(r.right)); }"
        "}); return out.slice(0, 5);", width))
