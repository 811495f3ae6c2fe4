"""What the browser journeys need: the portal served for real (waitress on 127.0.0.1, a free port,
in a thread of the test process), a clock the tests move, the demo provider's notifications held
until the test delivers them over HTTP, and Debian's headless Chromium driven through its
chromedriver (nothing is downloaded: Selenium Manager never runs).

The app is built with `create_app()` as `tests/conftest.py` builds it, on a fresh database
(`tests/databases.py`: SQLite, or PostgreSQL when `PORTAL_TEST_POSTGRES` names a server).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, Iterator, List, Mapping, Optional, Tuple, TypedDict, TypeVar

import hospes
from waitress import wasyncore
from waitress.server import create_server

from databases import fresh_database_url
from hospes_portal import create_app, office_password, services
from hospes_portal.db import Tx

if TYPE_CHECKING:
    from .chromium import Browser

T = TypeVar("T")


class AxeNode(TypedDict):
    """An element axe-core points at."""

    target: List[str]


class AxeRule(TypedDict):
    """A rule axe-core found broken (or could not decide), and where."""

    id: str
    impact: Optional[str]
    help: str
    nodes: List[AxeNode]


class AxeResult(TypedDict):
    """What axe-core reports (its JSON, the parts read here)."""

    violations: List[AxeRule]
    incomplete: List[AxeRule]

AS_OF = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)
CAMPING = "/camping-des-pins"
SALON = "/toilettage-du-parc"
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
SCREENS = REPO / "target" / "portal" / "screens"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never fetch a driver


def browser_missing() -> Optional[str]:
    """Why the browser suite cannot run here, or None."""
    if not (Path(CHROMIUM).exists() and os.access(CHROMEDRIVER, os.X_OK)):
        return "Debian's chromium and chromium-driver are not installed (sh tests/browser/install_chromium.sh)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -r requirements-test.txt)"
    return None


class Clock:
    """The app's clock, moved by the tests (the demo is written as of 2026-06-01 09:00 UTC)."""

    def __init__(self) -> None:
        self.now = AS_OF

    def __call__(self) -> dt.datetime:
        return self.now


class Notifications:
    """The demo provider's notifications, held until `flush` POSTs them to the live server (as
    the provider would, from outside the guest's browser)."""

    def __init__(self) -> None:
        self.held: List[Tuple[str, bytes, Dict[str, str]]] = []
        self.lock = threading.Lock()

    def __call__(self, url: str, body: bytes, headers: Mapping[str, str]) -> None:
        with self.lock:
            self.held.append((url, body, dict(headers)))

    def flush(self, times: int = 1) -> List[int]:
        """Delivers each held notification `times` times; the HTTP statuses answered."""
        with self.lock:
            held, self.held = self.held, []
        return [post_bytes(url, body, headers) for url, body, headers in held for _ in range(times)]


def post_bytes(url: str, body: bytes, headers: Mapping[str, str]) -> int:
    req = urllib.request.Request(url, data=body, method="POST", headers=dict(headers))
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:  # noqa: S310 - our own server
            answer.read()
            return int(answer.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


class LiveServer:
    """The portal on http://127.0.0.1:<free port>, served by waitress from a daemon thread."""

    def __init__(self, tmp_path: Path) -> None:
        self.clock = Clock()
        self.notifications = Notifications()
        self.database_url = fresh_database_url(tmp_path)
        # The socket bound first: the app's PUBLIC_URL names its port.
        listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listening.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{listening.getsockname()[1]}"
        self.app = create_app({"DATA_DIR": str(tmp_path), "DATABASE_URL": self.database_url,
                               "PUBLIC_URL": self.url, "CLOCK": self.clock, "DELIVER": self.notifications})
        self.channels: Dict[int, socket.socket] = {}  # waitress's map of its connections
        self.server = create_server(self.app, map=self.channels, sockets=[listening], threads=4,
                                    clear_untrusted_proxy_headers=True, ident="portal")
        self.closing = False
        self.thread = threading.Thread(target=self._serve, name="portal-waitress", daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            self.server.run()
        except OSError:  # its sockets closed under its `select` by `close`: the end, not an error
            if not self.closing:
                raise

    @property
    def sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def __call__(self, path: str = "/") -> str:
        """The absolute URL of a path."""
        return self.url + path

    def office_password(self) -> str:
        with self.app.app_context():
            return office_password(services().store, services().data_dir)

    def issue_link(self, client_id: str, purpose: hospes.LinkPurpose = "portal", subject: Optional[str] = None,
                   est_id: str = "camping-des-pins") -> str:
        """A link as the business sends it (for the journeys that do not start from a mail)."""
        with self.tx() as tx:
            est, client = tx.establishment(est_id), tx.client_in(est_id, client_id)
            assert est is not None and client is not None
            return services().links.issue(tx, est.record, client, purpose, subject, services().clock())

    @contextlib.contextmanager
    def tx(self) -> Iterator[Tx]:
        """A transaction on the app's store, for the checks (`with live.tx() as tx:`)."""
        with self.app.app_context():
            with services().store.tx() as tx:
                yield tx

    def close(self) -> None:
        self.closing = True
        self.server.close()
        for channel in list(self.channels.values()):  # its connections still open (keep-alive)
            if isinstance(channel, wasyncore.dispatcher):
                try:
                    channel.handle_close()
                except OSError:
                    pass
        self.thread.join(timeout=3)
        self.server.task_dispatcher.shutdown(timeout=3)
        with self.app.app_context():
            services().store.engine.dispose()


def found(value: Optional[T]) -> T:
    """A record the test knows is there."""
    assert value is not None
    return value


# -- the browser ------------------------------------------------------------------------------

def new_chromium(download_dir: Path) -> Browser:
    """Headless Chromium through Debian's chromedriver, its downloads saved to `download_dir`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from .chromium import Browser

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--disable-extensions", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-features=Translate,MediaRouter",
                "--lang=fr-FR", "--font-render-hinting=none"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir), "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": True, "intl.accept_languages": "fr-FR,fr"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # the console, for CSP reports
    driver = Browser(service=Service(CHROMEDRIVER), options=options)
    driver.download_dir = download_dir
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
    return driver


def wait_for(check: Callable[[], Optional[T]], timeout: float = 10.0, what: str = "condition") -> T:
    """Polls `check` until it returns something truthy."""
    end = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def wait_for_path(driver: Browser, suffix: str, timeout: float = 10.0) -> str:
    """Waits until the browser's address (without its query) ends with `suffix`."""
    def there() -> Optional[str]:
        url = driver.current_url
        return url if url.split("?")[0].endswith(suffix) else None
    return wait_for(there, timeout, f"a page ending in {suffix} (at {driver.current_url})")


def load_axe() -> str:
    """axe-core's script, installed from npm (package.json here, `npm ci`)."""
    assert AXE.exists(), f"axe-core is not installed: cd {HERE} && npm ci"
    return AXE.read_text(encoding="utf-8")


def run_axe(driver: Browser, source: str) -> AxeResult:
    """axe-core on the page as it is (its default rules: WCAG 2.x A/AA and best practices): the
    violations, and what it could not decide (`incomplete`, for a person to check)."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(source)
    found = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations', 'incomplete']})"
        ".then(function (r) { done(JSON.stringify({violations: r.violations, incomplete: r.incomplete})); })"
        ".catch(function (e) { done(JSON.stringify({error: String(e)})); });")
    parsed = json.loads(str(found))
    if not isinstance(parsed, dict) or "error" in parsed:
        raise AssertionError(f"axe failed: {parsed}")
    result: AxeResult = {"violations": parsed["violations"], "incomplete": parsed["incomplete"]}
    return result


def full_page_png(driver: Browser, width: int) -> bytes:
    """A full-page screenshot at `width` CSS pixels (the layout is at that width already)."""
    import base64

    height = int(driver.execute_script(
        "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)"))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": max(height, 1), "scale": 1}})
    return base64.b64decode(shot["data"])


def set_width(driver: Browser, width: int, height: int = 900) -> None:
    """Emulates a screen `width` CSS pixels wide (a phone's at 360: viewport meta honoured)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def reset_browser(driver: Browser) -> None:
    """A clean browser for the next journey: no cookies, desktop width."""
    try:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.get("about:blank")
        driver.delete_all_cookies()
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    except Exception:  # noqa: BLE001 - a browser that died is replaced by the fixture
        pass


def browser_log(driver: Browser) -> List[Dict[str, object]]:
    """The entries of the browser's console since last asked (what `get_log("browser")` gives,
    asked through the typed `execute`: Chromium's `get_log` is not annotated)."""
    from selenium.webdriver.remote.command import Command

    entries = driver.execute(Command.GET_LOG, {"type": "browser"})["value"]
    return [dict(e) for e in entries]


def pdf_text(data: bytes) -> str:
    """The text of a PDF (poppler's pdftotext)."""
    import subprocess

    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def session_cookies(driver: Browser) -> str:
    return "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())


def fetch(driver: Browser, url: str) -> Tuple[int, Dict[str, str], bytes]:
    """GETs `url` outside the browser with its cookies (its session): status, headers, body."""
    req = urllib.request.Request(url, headers={"Cookie": session_cookies(driver)})
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:  # noqa: S310 - our own server
            return int(answer.status), dict(answer.headers), answer.read()
    except urllib.error.HTTPError as err:
        return int(err.code), dict(err.headers), err.read()
