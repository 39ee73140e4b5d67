"""`wegwijzer serve` follows the edits: a changed activity shows up in the served page without a restart."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import FIXED_EPOCH
from entries import link_site, offer, place, write_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(check, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_an_activity_changes(tmp_path: Path):
    root = write_project(tmp_path, {"buurtkamer-test": place()}, {"taalcafe-test": offer()})
    link_site(root)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "wegwijzer", "serve", "--adres", f"127.0.0.1:{port}"],
        cwd=root,
        env=dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)
    reader.start()
    page = f"http://127.0.0.1:{port}/aanbod/taalcafe-test/"
    try:
        assert _wait_for(lambda: "Oefen Nederlands praten" in _get(page), 120), "".join(lines)
        assert f"Open http://127.0.0.1:{port}/ — stoppen met Ctrl+C\n" in lines
        changed = offer(samenvatting="Praat Nederlands bij de koffie, elke dinsdag.")
        write_project(root, {}, {"taalcafe-test": changed})
        assert _wait_for(lambda: "Praat Nederlands bij de koffie" in _get(page), 90), "".join(lines)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert not any("Traceback" in line for line in lines), "".join(lines)
