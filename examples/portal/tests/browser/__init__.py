"""The portal in a real browser (Selenium, Debian's headless Chromium): journeys, axe-core, screenshots."""
