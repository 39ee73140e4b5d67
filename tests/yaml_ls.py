"""A small client for yaml-language-server: the program behind the VS Code YAML extension (Red Hat).

Tests use it to see what an editor sees: completion and messages for an entry, with the
schemas mapped exactly as ``.vscode/settings.json`` maps them.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from conftest import ROOT

SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


class YamlLanguageServer:
    def __init__(self, root: Path, settings: dict[str, Any]):
        self.root = root
        self.settings = settings
        self.proc = subprocess.Popen(
            ["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._write_lock = threading.Lock()
        self._next_id = 0
        self._replies: dict[int, queue.Queue] = {}
        self.diagnostics: dict[str, list[dict]] = {}
        self.configured = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    # --- the protocol: JSON messages with a Content-Length header --------------------------------------

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        with self._write_lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while (line := out.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self._handle(json.loads(out.read(length)))

    def _handle(self, message: dict) -> None:
        if "id" in message and "method" in message:  # the server asks the client something
            result: Any = None
            if message["method"] == "workspace/configuration":
                result = [self.settings if i.get("section") == "yaml" else None for i in message["params"]["items"]]
                self.configured.set()
            self._send({"id": message["id"], "result": result})
        elif "id" in message:
            self._replies[message["id"]].put(message)
        elif message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]

    def request(self, method: str, params: dict, timeout: float = 30) -> Any:
        self._next_id += 1
        self._replies[self._next_id] = queue.Queue()
        self._send({"id": self._next_id, "method": method, "params": params})
        reply = self._replies[self._next_id].get(timeout=timeout)
        assert "error" not in reply, reply["error"]
        return reply["result"]

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    # --- what a test uses ------------------------------------------------------------------------------

    def start(self) -> YamlLanguageServer:
        uri = self.root.as_uri()
        capabilities = {"workspace": {"configuration": True}, "textDocument": {"completion": {}}}
        workspace = [{"uri": uri, "name": "wegwijzer"}]
        self.request(
            "initialize",
            {"processId": None, "rootUri": uri, "capabilities": capabilities, "workspaceFolders": workspace},
        )
        self.notify("initialized", {})
        assert self.configured.wait(30), "yaml-language-server vroeg niet om de instellingen"
        return self

    def uri(self, name: str) -> str:
        return (self.root / name).as_uri()

    def open(self, name: str, text: str) -> None:
        item = {"uri": self.uri(name), "languageId": "yaml", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": item})

    def messages(self, name: str, until=lambda found: bool(found), timeout: float = 30) -> list[str]:
        """The messages for an open file ('line: text'), once ``until`` says they are complete."""
        end = time.monotonic() + timeout
        while True:
            found = [
                f"{d['range']['start']['line'] + 1}: {d['message']}" for d in self.diagnostics.get(self.uri(name), [])
            ]
            if until(found) or time.monotonic() > end:
                return found
            time.sleep(0.05)

    def complete(self, name: str, line: int, character: int) -> list[tuple[str, str]]:
        """Completion at a place in an open file: (value, hint) pairs."""
        position = {"textDocument": {"uri": self.uri(name)}, "position": {"line": line, "character": character}}
        result = self.request("textDocument/completion", position)
        items = result["items"] if isinstance(result, dict) else result
        out = []
        for item in items:
            doc = item.get("documentation") or ""
            out.append((item["label"], doc["value"] if isinstance(doc, dict) else doc))
        return out

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=5)
            self.notify("exit", {})
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
            self.proc.wait()
