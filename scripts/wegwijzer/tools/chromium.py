"""Debian's Chromium, started the same way everywhere (PDF printing, tests, benchmarks)."""

CHROMIUM = "/usr/bin/chromium"
# No sandbox (we run as root in CI), no GPU, and no background traffic: the network is closed.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
