"""Fixtures of the browser suite: a live portal per test (fresh database, clock, notifications)
and Chromium drivers kept for the whole session (started once: a browser costs seconds on
this machine), cleaned between tests. Skipped, with the reason, only when Debian's chromium
is not installed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, Iterator

import pytest

from .harness import LiveServer, browser_missing, new_chromium, reset_browser

if TYPE_CHECKING:
    from .chromium import Browser

MISSING = browser_missing()


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Browser]]:
    """`chromium(name)`: the session's browser of that name ("marie", "jean"…), started on first
    use; each has its own profile (cookies) and download folder."""
    if MISSING:
        pytest.skip(MISSING)
    drivers: Dict[str, Browser] = {}

    def get(name: str) -> Browser:
        if name not in drivers:
            drivers[name] = new_chromium(tmp_path_factory.mktemp(f"downloads-{name}"))
        return drivers[name]

    yield get
    for driver in drivers.values():
        try:
            driver.quit()
        except Exception:  # noqa: BLE001 - already gone
            pass


@pytest.fixture()
def browser(chromium: Callable[[str], Browser]) -> Iterator[Browser]:
    """The main browser, clean (no cookies, desktop width)."""
    driver = chromium("main")
    reset_browser(driver)
    for old in driver.download_dir.iterdir():
        old.unlink()
    yield driver
    reset_browser(driver)


@pytest.fixture()
def second_browser(chromium: Callable[[str], Browser]) -> Iterator[Browser]:
    """Another guest's browser: a separate Chromium, its own cookies."""
    driver = chromium("second")
    reset_browser(driver)
    yield driver
    reset_browser(driver)


@pytest.fixture()
def live(tmp_path: Path) -> Iterator[LiveServer]:
    """The portal served on 127.0.0.1, on a fresh database, its clock at the demo's date."""
    if MISSING:
        pytest.skip(MISSING)
    server = LiveServer(tmp_path)
    yield server
    server.close()
