"""Reading a spreadsheet: CSV (';', ',' or tab; UTF-8, with or without BOM, UTF-16 or Windows-1252) or XLSX.

The result is a ``Table``: the header and each row as texts, with the row number an editor sees
in the spreadsheet. Formulas are never calculated: in XLSX a formula cell is left empty with a
note; in CSV a cell that starts with '=' is only text. An XLSX file is a zip: its unpacked size
is checked before it is opened (a small file can unpack to gigabytes), and openpyxl reads the XML
through defusedxml (no entity expansion). Every problem is a FeedProblem with a Dutch message.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.core.guard import shown
from wegwijzer.opendata.hsds_import.feed import FeedProblem
from wegwijzer.opendata.imports.common import read_input

MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all parts of an XLSX file together, unpacked
ZIP_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"
DELIMITERS = {";": "puntkomma (;)", ",": "komma (,)", "\t": "tab"}


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number in the spreadsheet, the cells as text)
    notes: list[str] = field(default_factory=list)  # about the whole file: encoding, separator
    cell_notes: dict[int, list[str]] = field(default_factory=dict)  # row number -> notes (formulas)


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The table in a CSV or XLSX file (by its content, not only its name)."""
    name = shown(Path(path).name)
    raw = read_input(path)
    if raw.startswith(ZIP_MAGIC):
        return _read_xlsx(raw, name, sheet)
    if raw.startswith(OLD_EXCEL_MAGIC):
        raise FeedProblem(
            f"{name} is een oud Excel-bestand (.xls). Sla het op als .xlsx of als CSV en probeer het opnieuw."
        )
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        raise FeedProblem(f"{name} heet .xlsx, maar is geen Excel-bestand. Sla het opnieuw op als .xlsx of als CSV.")
    return _read_csv(raw, name)


# --- CSV ------------------------------------------------------------------------------------


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """The text and a note on how it was read."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(raw[3:], "utf-8", name), "UTF-8 (met BOM)"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(raw, "utf-16", name), "UTF-16"
    if b"\x00" in raw:
        raise FeedProblem(f"{name} is geen tekstbestand (er staan nul-bytes in). Sla de lijst op als CSV of XLSX.")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    return _strict(raw, "cp1252", name), "Windows-1252"


def _strict(raw: bytes, encoding: str, name: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FeedProblem(
            f"{name} is geen tekst in UTF-8 of Windows-1252 (regel {line}). Sla de lijst op als 'CSV UTF-8'."
        ) from None
    if "\x00" in text:
        raise FeedProblem(f"{name} is geen tekstbestand (er staan nul-tekens in). Sla de lijst op als CSV of XLSX.")
    return text


def _delimiter(text: str) -> str:
    """The separator: what csv.Sniffer finds among ';', ',' and tab, else the one the header uses most."""
    sample = text[: 64 * 1024]
    header = sample.split("\n", 1)[0]
    try:
        found = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
        if found in DELIMITERS and header.count(found) > 0:
            return found
    except csv.Error:
        pass
    return max(DELIMITERS, key=lambda d: (header.count(d), d == ";"))


def _read_csv(raw: bytes, name: str) -> Table:
    text, encoding = _decode(raw, name)
    delimiter = _delimiter(text)
    notes = [f"{name}: gelezen als {encoding}, met {DELIMITERS[delimiter]} tussen de kolommen."]
    if encoding == "Windows-1252":
        notes.append("Het bestand is geen UTF-8. Kijk of letters als é, ë en ï goed zijn overgekomen.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            _check_size(name, len(rows), len(cells))
            rows.append((reader.line_num, [c.strip() for c in cells]))
    except csv.Error as exc:
        raise FeedProblem(f"{name}, regel {reader.line_num}: dit is geen geldige CSV ({shown(exc, 100)}).") from None
    return _table(rows, notes, name)


def _check_size(name: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS:
        raise FeedProblem(f"{name} heeft meer dan {MAX_ROWS} regels. Splits de lijst in kleinere bestanden.")
    if columns > MAX_COLUMNS:
        raise FeedProblem(f"{name} heeft meer dan {MAX_COLUMNS} kolommen. Is dit wel een lijst met aanbod of plekken?")


def _table(rows: list[tuple[int, list[str]]], notes: list[str], name: str) -> Table:
    """The first row with text is the header; empty rows are left out."""
    rows = [(n, cells) for n, cells in rows if any(cells)]
    if not rows:
        raise FeedProblem(f"{name} heeft geen kopregel en geen regels. Er is niets ingelezen.")
    (_, header), body = rows[0], rows[1:]
    width = len(header)
    return Table(header, [(n, (cells + [""] * width)[: max(width, len(cells))]) for n, cells in body], notes)


# --- XLSX -----------------------------------------------------------------------------------


def _check_zip(raw: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise FeedProblem(f"{name} is geen leesbaar Excel-bestand (XLSX). Sla het opnieuw op, of als CSV.") from None
    if len(parts) > 10_000 or sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
        raise FeedProblem(
            f"{name} wordt uitgepakt veel te groot (meer dan {MAX_UNPACKED_BYTES // (1024 * 1024)} MB). "
            "Sla alleen de lijst op als CSV."
        )


def cell_text(value: object) -> str:
    """An XLSX value as text: whole numbers without '.0', dates as 2026-03-01, times as 10:00."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%H:%M") if value.date() == dt.date(1899, 12, 30) else value.date().isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _open_workbook(raw: bytes, name: str):
    import openpyxl  # only for XLSX files

    try:
        return openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception:  # a broken or hostile file: any error of the reader is a Dutch message, never a traceback
        raise FeedProblem(f"{name} is geen leesbaar Excel-bestand (XLSX). Sla het opnieuw op, of als CSV.") from None


def _read_xlsx(raw: bytes, name: str, sheet: str | None) -> Table:
    _check_zip(raw, name)
    book = _open_workbook(raw, name)
    try:
        if sheet is not None and sheet not in book.sheetnames:
            sheets = ", ".join(shown(s) for s in book.sheetnames)
            raise FeedProblem(f"{name} heeft geen blad '{shown(sheet)}'. De bladen zijn: {sheets}.")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        table = _sheet_rows(ws, name)
    finally:
        book.close()
    table.notes.insert(0, f"{name}: Excel-bestand, blad '{shown(ws.title)}'.")
    return table


def _cell(cell, notes: list[str]) -> str:
    """The text of one XLSX cell; a formula (or anything that is no plain value) stays empty, with a note."""
    value = cell.value
    if getattr(cell, "data_type", None) != "f" and isinstance(value, (str, int, float, dt.date, dt.time, type(None))):
        return cell_text(value)
    notes.append(
        f"Cel {shown(getattr(cell, 'coordinate', '?'), 12)} is een formule. Formules rekent de Wegwijzer "
        "niet uit: de cel is leeg gelaten. Zet de uitkomst als gewone tekst in de cel."
    )
    return ""


def _sheet_rows(ws, name: str) -> Table:
    """The rows with text (at most MAX_ROWS, at most MAX_COLUMNS wide); empty rows are skipped but counted."""
    rows: list[tuple[int, list[str]]] = []
    cell_notes: dict[int, list[str]] = {}
    try:
        for number, cells in enumerate(ws.iter_rows(max_col=MAX_COLUMNS), start=1):
            if number > MAX_ROWS * 10:
                break  # empty rows after the list (formatting); a real list has fewer
            notes: list[str] = []
            texts = [_cell(cell, notes) for cell in cells]
            while texts and not texts[-1]:
                texts.pop()
            if notes:
                cell_notes[number] = notes
            if any(texts):
                _check_size(name, len(rows), len(texts))
                rows.append((number, texts))
    except FeedProblem:
        raise
    except Exception:  # a broken sheet inside a good zip
        where = rows[-1][0] + 1 if rows else 1
        raise FeedProblem(
            f"{name}: een blad is niet te lezen (rond regel {where}). Sla het opnieuw op, of als CSV."
        ) from None
    table = _table(rows, [], name)
    table.cell_notes = cell_notes
    return table
