"""A tiny PMTiles archive for tests, made here (no network, no binary file in git).

A handful of Mapbox vector tiles (zoom 0 to 6, only the tiles over the Kop van Noord-Holland)
with two layers of the Protomaps basemap schema: ``earth`` (land) and ``water``. Written with the
``pmtiles`` package's writer. Plus a web server that answers HTTP range requests, as real
hosts do (Python's SimpleHTTPRequestHandler does not, and pmtiles.js needs them).
"""

from __future__ import annotations

import gzip
import http.server
import math
import os
from pathlib import Path

from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import Writer

from conftest import serving

BBOX = (4.55, 52.70, 5.15, 53.20)  # lon/lat of the Kop van Noord-Holland, roughly
MAX_ZOOM = 6
EXTENT = 4096


# --- Mapbox Vector Tile, just enough to write polygons (spec 2.1) ------------------------------


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, wire: int, payload: bytes | int) -> bytes:
    key = _varint((number << 3) | wire)
    if wire == 0:
        assert isinstance(payload, int)
        return key + _varint(payload)
    assert isinstance(payload, bytes)
    return key + _varint(len(payload)) + payload


def _zigzag(n: int) -> int:
    return (n << 1) ^ (n >> 31)


def _polygon(ring: list[tuple[int, int]]) -> bytes:
    """Geometry commands for one closed ring: MoveTo, LineTo(n), ClosePath (packed varints)."""
    cmds = [(1 << 3) | 1]
    x0, y0 = ring[0]
    cmds += [_zigzag(x0), _zigzag(y0)]
    cmds.append(((len(ring) - 1) << 3) | 2)
    px, py = x0, y0
    for x, y in ring[1:]:
        cmds += [_zigzag(x - px), _zigzag(y - py)]
        px, py = x, y
    cmds.append((1 << 3) | 7)
    return b"".join(_varint(c) for c in cmds)


def _layer(name: str, rings: list[list[tuple[int, int]]]) -> bytes:
    features = b"".join(
        _field(2, 2, _field(1, 0, i + 1) + _field(3, 0, 3) + _field(4, 2, _polygon(ring)))
        for i, ring in enumerate(rings)
    )
    return _field(15, 0, 2) + _field(1, 2, name.encode()) + features + _field(5, 0, EXTENT)


def vector_tile() -> bytes:
    """Land over the whole tile, and a square of water in one corner (clockwise rings: outer)."""
    land = [(0, 0), (EXTENT, 0), (EXTENT, EXTENT), (0, EXTENT), (0, 0)]
    water = [(0, 0), (EXTENT // 3, 0), (EXTENT // 3, EXTENT // 3), (0, EXTENT // 3), (0, 0)]
    return _field(3, 2, _layer("earth", [land])) + _field(3, 2, _layer("water", [water]))


# --- the archive -------------------------------------------------------------------------------


def _tile_xy(lon: float, lat: float, z: int) -> tuple[int, int]:
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def tiles_over_bbox(max_zoom: int = MAX_ZOOM) -> list[tuple[int, int, int]]:
    out = []
    for z in range(max_zoom + 1):
        x0, y1 = _tile_xy(BBOX[0], BBOX[1], z)
        x1, y0 = _tile_xy(BBOX[2], BBOX[3], z)
        out += [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    return out


def make_pmtiles(path: Path) -> Path:
    """Write the archive to path and return it."""
    data = gzip.compress(vector_tile(), mtime=0)
    tiles = sorted(tiles_over_bbox(), key=lambda zxy: zxy_to_tileid(*zxy))
    with path.open("wb") as f:
        writer = Writer(f)
        for z, x, y in tiles:
            writer.write_tile(zxy_to_tileid(z, x, y), data)
        writer.finalize(
            {
                "tile_type": TileType.MVT,
                "tile_compression": Compression.GZIP,
                "min_lon_e7": int(BBOX[0] * 1e7),
                "min_lat_e7": int(BBOX[1] * 1e7),
                "max_lon_e7": int(BBOX[2] * 1e7),
                "max_lat_e7": int(BBOX[3] * 1e7),
                "center_zoom": MAX_ZOOM,
                "center_lon_e7": int((BBOX[0] + BBOX[2]) / 2 * 1e7),
                "center_lat_e7": int((BBOX[1] + BBOX[3]) / 2 * 1e7),
            },
            {
                "name": "Testtegels De Wegwijzer",
                "vector_layers": [{"id": "earth", "fields": {}}, {"id": "water", "fields": {}}],
            },
        )
    return path


# --- a web server with range requests ------------------------------------------------------------


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler plus 'Range: bytes=a-b' (206 Partial Content), as web hosts do."""

    def log_message(self, *args):
        pass

    def send_head(self):
        spec = self.headers.get("Range", "")
        path = self.translate_path(self.path)
        if not spec.startswith("bytes=") or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        first, _, last = spec[6:].partition("-")
        start = int(first or 0)
        end = min(int(last) if last else size - 1, size - 1)
        if start >= size:
            self.send_error(416)
            return None
        f = open(path, "rb")  # noqa: SIM115 - closed by the base class after copyfile
        f.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return _Slice(f, end - start + 1)


class _Slice:
    """A file object that ends after n bytes (copyfile reads until empty)."""

    def __init__(self, f, n: int):
        self.f, self.left = f, n

    def read(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        size = self.left if size < 0 else min(size, self.left)
        data = self.f.read(size)
        self.left -= len(data)
        return data

    def close(self) -> None:
        self.f.close()


def serving_ranges(directory: Path):
    """Serve a folder like conftest.serving, with range requests. Yields the base URL."""
    return serving(directory, RangeHandler)
