#!/bin/sh
# Installs Debian's Chromium and its chromedriver (same version) for the portal's browser suite.
# A no-op when both are there. Runs as root (apt-get); nothing else is downloaded at run time.
set -eu
if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -qq chromium chromium-driver; then
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver
fi
