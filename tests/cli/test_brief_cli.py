"""``brief-player import``, ``cue`` and ``schema`` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from player.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_import_writes_the_json_contract(seed_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "brief.json"
    assert main(["import", str(seed_path), "-o", str(out), "--strict"]) == 0
    assert capsys.readouterr().err == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"title", "guest", "summary", "overview", "concepts", "quotes", "takeaways"} <= set(data)
    assert len(data["quotes"]) == 20 and len(data["takeaways"]) == 12
    times = [q["at"] for q in data["quotes"]]
    assert times == sorted(times) and 3792 in times and 6811 in times
    assert set(data["quotes"][0]) == {"at", "text", "note", "context"}
    gap = next(c for c in data["concepts"] if c["name"] == "Demo-to-Product Gap")
    assert gap["at"] == [3901.0]
    gie = next(c for c in data["concepts"] if c["name"] == "Gradual Intelligence Explosion")
    assert 5308.0 in gie["at"]  # pinned in links.json beside the brief
    # The first line `Guest — “Title”` arrives as its two parts, the guest named once.
    assert data["title"] == "We’re summoning ghosts, not building animals"
    assert data["guest"] == "Andrej Karpathy"
    assert out.read_text(encoding="utf-8").startswith('{\n  "title": "We’re summoning ghosts')


@pytest.mark.parametrize(
    ("first_line", "title", "guest"),
    [
        ("Jane Doe — “On Bees”", "On Bees", "Jane Doe"),
        ('Jane Doe - "On Bees"', "On Bees", "Jane Doe"),
        ("A show about bees", "A show about bees", None),
        ("“Quoted, no guest”", "“Quoted, no guest”", None),
    ],
)
def test_import_takes_the_guest_out_of_the_title(
    tmp_path: Path, capsys, first_line: str, title: str, guest: str | None
) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(f"{first_line}\nQuotes\n- 0:05 “Bees dance.”\n", encoding="utf-8")
    assert main(["import", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["title"], data["guest"]) == (title, guest)
    back = tmp_path / "brief.json"  # the JSON reads back with the same two parts
    back.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", str(back)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["title"], again["guest"]) == (title, guest)


def test_import_reports_problems_and_strict_fails(tmp_path: Path, capsys) -> None:
    path = tmp_path / "b.txt"
    path.write_text('T\nQuotes\n- At 0:05 - "ok"\n- At 4:61 - "bad"\n', encoding="utf-8")
    assert main(["import", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{path}:4: seconds out of range")
    assert json.loads(captured.out)["quotes"][0]["text"] == "ok"
    assert main(["import", str(path), "--strict"]) == 1


def test_import_of_something_that_is_not_a_brief(tmp_path: Path, capsys) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\x00\x00")
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "not a text file" in err and "Traceback" not in err and err.count("\n") == 1
    assert main(["import", str(tmp_path / "missing.txt")]) == 2


def test_cue_lists_what_is_active(seed_path: Path, capsys) -> None:
    assert main(["cue", str(seed_path), "--at", "1:05:30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("quote\t1:05:01\tThere's a very large demo-to-product gap")
    assert "concept\t1:05:01\tDemo-to-Product Gap" in lines
    assert main(["cue", str(seed_path.parent), "--at", "30"]) == 0
    assert capsys.readouterr().out.startswith("quote\t0:17\t")


@pytest.mark.parametrize("bad", ["4:61", "soon", "1:7x"])
def test_cue_with_a_bad_time(seed_path: Path, capsys, bad: str) -> None:
    assert main(["cue", str(seed_path), "--at", bad]) == 2
    err = capsys.readouterr().err
    assert err.startswith("brief-player cue: --at:") and "Traceback" not in err


def test_schema_is_the_brief_json_schema(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Brief" and "quotes" in schema["properties"]


def test_import_as_a_subprocess(seed_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "player", "import", str(seed_path)],
        capture_output=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout.decode("utf-8"))
    assert len(data["quotes"]) == 20 and len(data["concepts"]) == 10
    assert (
        b"PySide6"
        not in subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "player", "schema"],
            capture_output=True,
            env=env,
            cwd=REPO,
            timeout=60,
        ).stderr
    )
