"""Notes files as SQLite really writes them open without a word, whatever their page size, text
encoding or WAL; a header or WAL changed in any checked place is called damaged and copied aside,
never believed and never written over."""

from __future__ import annotations

import sqlite3
import struct
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.storage import Note, NoteStore, open_or_fallback
from player.core.storage.files import check_header, wal_is_damaged


def _raw_database(path: Path, *, page_size: int = 4096, encoding: str = "UTF-8") -> Path:
    """A database made by SQLite itself, not by the app: what another tool could leave."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA page_size={page_size}")
    conn.execute(f"PRAGMA encoding='{encoding}'")
    conn.execute("CREATE TABLE other_tool(x)")
    conn.execute("INSERT INTO other_tool VALUES (randomblob(3000))")
    conn.commit()
    conn.close()
    return path


def _opens_cleanly(path: Path) -> None:
    db, message = open_or_fallback(path)
    try:
        assert message is None
        assert not db.in_memory
        NoteStore(db).add(Note(episode_id="ep", start_ms=1, text="kept"))
        assert [n.text for n in NoteStore(db).for_episode("ep")] == ["kept"]
    finally:
        db.close()


@pytest.mark.parametrize("page_size", [512, 1024, 4096, 32768, 65536])
def test_a_database_of_any_page_size_opens_without_a_word(tmp_path: Path, page_size: int) -> None:
    _opens_cleanly(_raw_database(tmp_path / "notes.db", page_size=page_size))


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16le", "UTF-16be"])
def test_a_database_in_any_text_encoding_opens_without_a_word(
    tmp_path: Path, encoding: str
) -> None:
    _opens_cleanly(_raw_database(tmp_path / "notes.db", encoding=encoding))


def test_a_database_in_rollback_journal_mode_opens_without_a_word(tmp_path: Path) -> None:
    path = _raw_database(tmp_path / "notes.db")
    assert path.read_bytes()[18] == 1  # legacy (rollback) format; WAL files say 2
    _opens_cleanly(path)


# (offset, bytes) each a value the SQLite file format forbids at that place
_BAD_FIELDS = [
    (16, b"\x01\x00"),  # page size 256
    (16, b"\x0b\xb8"),  # page size 3000: not a power of two
    (18, b"\x00"),  # write version
    (18, b"\x03"),
    (19, b"\x03"),  # read version
    (21, b"\x41"),  # maximum payload fraction must be 64
    (22, b"\x21"),  # minimum payload fraction must be 32
    (23, b"\x1f"),  # leaf payload fraction must be 32
    (44, b"\x00\x00\x00\x05"),  # schema format 1..4
    (44, b"\xff\xff\xff\xff"),
    (56, b"\x00\x00\x00\x04"),  # text encoding 1..3
    (72, b"\x01"),  # reserved for expansion: zero
    (91, b"\x01"),
]


@pytest.mark.parametrize(("offset", "value"), _BAD_FIELDS)
def test_one_wrong_header_field_is_called_damage_and_the_file_is_kept(
    tmp_path: Path, offset: int, value: bytes
) -> None:
    path = _raw_database(tmp_path / "notes.db")
    raw = bytearray(path.read_bytes())
    raw[offset : offset + len(value)] = value
    path.write_bytes(bytes(raw))
    db, message = open_or_fallback(path)
    db.close()
    assert message is not None and message.startswith(f"{path} has a damaged header"), message
    assert path.read_bytes() == bytes(raw)
    [copy] = tmp_path.glob("notes.db.corrupt-*")
    assert copy.read_bytes() == bytes(raw)


def _cut_at_a_page(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.executemany("INSERT INTO t VALUES (randomblob(2000))", [()] * 40)
    conn.commit()
    conn.close()
    raw = path.read_bytes()
    path.write_bytes(raw[: 4096 * 3])  # whole pages, fewer than the header counts
    return path


def test_a_file_cut_short_at_a_page_boundary_is_called_cut_short(tmp_path: Path) -> None:
    path = _cut_at_a_page(tmp_path)
    pages = struct.unpack(">I", path.read_bytes()[28:32])[0]
    db, message = open_or_fallback(path)
    db.close()
    assert message is not None
    assert f"is cut short ({4096 * 3} bytes, expected {pages * 4096})" in message, message


@pytest.mark.parametrize(
    ("offset", "says"), [(28, "is cut short"), (60, "was written by a newer Brief Player")]
)
def test_a_header_count_past_two_billion_is_not_read_as_a_small_one(
    tmp_path: Path, offset: int, says: str
) -> None:
    """The page count and the format version are unsigned: 0xFFFFFFFF is huge, not -1."""
    path = _raw_database(tmp_path / "notes.db")
    raw = bytearray(path.read_bytes())
    raw[offset : offset + 4] = b"\xff\xff\xff\xff"
    path.write_bytes(bytes(raw))
    db, message = open_or_fallback(path)
    db.close()
    assert message is not None and says in message, message
    assert path.read_bytes() == bytes(raw)


def test_a_file_shorter_than_its_header_beside_a_wal_with_frames_is_not_damage(
    tmp_path: Path,
) -> None:
    """A checkpoint cut short by a crash: the WAL still holds the pages SQLite will write."""
    path = _cut_at_a_page(tmp_path)
    head = path.read_bytes()[:100]
    assert struct.unpack(">I", head[28:32])[0] * 4096 > path.stat().st_size
    with tempfile.TemporaryDirectory() as d:
        frames = _real_wal(Path(d))
    (tmp_path / "notes.db-wal").write_bytes(frames)
    assert check_header(path, head) == 0


def test_the_same_damaged_file_met_again_is_not_copied_again(tmp_path: Path) -> None:
    """Copies from earlier starts (with their WAL, and whatever else sits there) are looked
    through; the one with the same bytes is named again."""
    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database " * 20)
    older = tmp_path / "notes.db.corrupt-20000101-000000"
    older.write_bytes(b"another bad file")
    (tmp_path / "notes.db.corrupt-20000101-000000-wal").write_bytes(b"its wal")
    (tmp_path / "notes.db.corrupt-20000101-000000x").mkdir()
    same = tmp_path / "notes.db.corrupt-20000101-000001"
    same.write_bytes(path.read_bytes())
    before = sorted(p.name for p in tmp_path.iterdir())
    _, message = open_or_fallback(path)
    assert message is not None and f"a copy was kept as {same}" in message, message
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_wal_without_frames_does_not_excuse_a_short_file(tmp_path: Path) -> None:
    path = _cut_at_a_page(tmp_path)
    header = _real_wal_header(tmp_path / "other")
    (tmp_path / "notes.db-wal").write_bytes(header)  # a header alone: nothing to replay
    db, message = open_or_fallback(path)
    db.close()
    assert message is not None and "cut short" in message, message


def _real_wal(folder: Path, page_size: int = 4096) -> bytes:
    """A WAL as SQLite writes it for committed changes not yet checkpointed."""
    folder.mkdir(exist_ok=True)
    path = folder / "w.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA page_size={page_size}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (randomblob(100))")
    wal = (folder / "w.db-wal").read_bytes()
    conn.close()
    return wal


def _real_wal_header(folder: Path, page_size: int = 4096) -> bytes:
    return _real_wal(folder, page_size)[:32]


def _wal_says_damaged(header: bytes) -> bool:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "notes.db"
        path.with_name("notes.db-wal").write_bytes(header + bytes(100))
        return wal_is_damaged(path)


def _sqlite_checksum(data: bytes, order: str) -> tuple[int, int]:
    """The checksum as the SQLite file format document defines it."""
    s0 = s1 = 0
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for x0, x1 in zip(words[::2], words[1::2], strict=True):
        s0 = (s0 + x0 + s1) % 2**32
        s1 = (s1 + x1 + s0) % 2**32
    return s0, s1


@settings(max_examples=12, deadline=None)
@given(st.sampled_from([512, 1024, 4096, 65536]))
def test_a_wal_as_sqlite_writes_it_is_never_called_damaged(page_size: int) -> None:
    with tempfile.TemporaryDirectory() as d:
        head = _real_wal_header(Path(d), page_size)
    assert struct.unpack(">I", head[8:12])[0] == page_size
    assert not _wal_says_damaged(head)


def test_a_wal_written_on_a_big_endian_machine_is_not_called_damaged(tmp_path: Path) -> None:
    head = bytearray(_real_wal_header(tmp_path))
    head[:4] = struct.pack(">I", 0x377F0683)  # checksums in big-endian order
    head[24:32] = struct.pack(">II", *_sqlite_checksum(bytes(head[:24]), ">"))
    assert not _wal_says_damaged(bytes(head))
    head[24:32] = struct.pack(">II", *_sqlite_checksum(bytes(head[:24]), "<"))
    assert _wal_says_damaged(bytes(head))


_WAL_HEADER: list[bytes] = []


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 31), st.integers(0, 7))
def test_a_wal_header_with_any_bit_flipped_is_called_damaged(byte: int, bit: int) -> None:
    if not _WAL_HEADER:
        with tempfile.TemporaryDirectory() as d:
            _WAL_HEADER.append(_real_wal_header(Path(d)))
    head = bytearray(_WAL_HEADER[0])
    head[byte] ^= 1 << bit
    assert _wal_says_damaged(bytes(head))


def test_a_wal_cut_inside_its_header_is_called_damaged() -> None:
    with tempfile.TemporaryDirectory() as d:
        head = _real_wal_header(Path(d))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "notes.db"
        path.with_name("notes.db-wal").write_bytes(head[:31])
        assert wal_is_damaged(path)


@pytest.mark.parametrize("page_size", [256, 131072, 3 * 1024])
def test_a_wal_claiming_a_page_size_sqlite_never_writes_is_called_damaged(
    tmp_path: Path, page_size: int
) -> None:
    head = bytearray(_real_wal_header(tmp_path))
    head[8:12] = struct.pack(">I", page_size)
    head[24:32] = struct.pack(">II", *_sqlite_checksum(bytes(head[:24]), "<"))
    assert _wal_says_damaged(bytes(head))
