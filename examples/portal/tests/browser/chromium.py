"""The browser the suite drives: Selenium is imported here only, so that the harness loads without
it and the suite is skipped with its reason (`harness.browser_missing`)."""

from __future__ import annotations

from pathlib import Path

from selenium import webdriver


class Browser(webdriver.Chrome):
    """Debian's headless Chromium driven by Selenium, and the folder its downloads go to."""

    download_dir: Path
