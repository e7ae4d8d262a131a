"""How long the window takes to open (build, show, first paint) with many notes saved, and
what one note added, edited or deleted costs among 100,000.

Four databases, measured alternately in one run so the ratios hold on any machine:

- empty: no notes at all (the baseline);
- spread: 100,000 notes over 1,000 episodes, 100 of them on the episode opened (a long-time
  listener: the window should only pay for this episode's notes);
- 10k: 10,000 notes on the episode opened;
- dense: 100,000 notes all on the episode opened (the worst case: every note is a card, a
  marker and a cue).

Each open is measured as the command opens a window (features after the first paint), at
three moments: the first paint; the notes in (the Notes tab, the markers and the pane hold
them); idle (every layout pass the lists left for the event loop is done, so the scroll bars
are right). Prints the median of several opens for each, its ratio to the empty database and
what it costs more than the empty one (targets: 10k under 300 ms more, 100k under 1 s). Then,
in the dense window, the median time of adding, editing and deleting one note: until the event
loop has run once (what a key press after it waits for; target under 16 ms), and until idle.
Three views: the pane showing another moment, the Notes tab in sight, and the pane showing the
note's own moment (as when a note is taken while listening), where the cards below it move.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_home = Path(tempfile.mkdtemp(prefix="bench-home-"))
os.environ["HOME"] = str(_home)
os.environ["XDG_CONFIG_HOME"] = str(_home / ".config")
os.environ["BRIEF_PLAYER_DATA"] = str(_home / "data")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication  # noqa: E402

from player.core.storage import open_database  # noqa: E402
from player.core.storage.notes import _COLUMNS, Note, _marks, _row  # noqa: E402
from player.ui.session import AppData, open_app  # noqa: E402

RUNS = 5
TOTAL = 100_000
EDITS = 7
IDLE_PASSES = 5  # passes of the event loop in a row with nothing to do
IDLE_PASS_S = 0.0005

BRIEF = "\n".join(
    [
        "Bench Guest — “An hour of quotes”",
        "A summary.",
        "Key Concepts",
        "- Idea: a concept that recurs.",
        "Quotes",
        *(
            f'- At {i // 60}:{i % 60:02d}:00 - "Quote number {i} about ideas." - ctx'
            for i in range(60)
        ),
        "Takeaways",
        "- Take this away.",
    ]
)


class FirstPaint(QObject):
    """Notices the first paint of the synced pane, which is what the listener waits for."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def fill(path: Path, episode_id: str, here: int) -> None:
    """Written straight to the file: the app's own store queues writes on another thread,
    which a benchmark would close before they land."""
    rows = [
        _row(Note(episode_id=episode_id, start_ms=(i * 36_000) % 3_600_000, text=f"note {i}"))
        for i in range(here)
    ]
    rows += [
        _row(Note(episode_id=f"episode-{i % 1000}", start_ms=i * 1000 % 3_600_000, text=f"n {i}"))
        for i in range(TOTAL - here)
    ]
    with open_database(path) as db, db.transaction() as conn:
        conn.executemany(f"INSERT INTO notes ({_COLUMNS}) VALUES ({_marks()})", rows)
    check = AppData(path)
    assert len(check.notes.for_episode(episode_id)) == here
    check.db.close()


def until_idle(app: QApplication) -> None:
    """Turn the event loop until it has nothing left to do: batched list layouts post one
    pass after another, each a few milliseconds, and a single ``processEvents`` sees only one."""
    quiet = 0
    while quiet < IDLE_PASSES:
        t = time.perf_counter()
        app.processEvents()
        quiet = quiet + 1 if time.perf_counter() - t < IDLE_PASS_S else 0


def open_once(app: QApplication, brief: Path, db: Path, then=None) -> tuple[float, float, float]:
    """Seconds to the first paint, to the notes being in, and to idle."""
    start = time.perf_counter()
    opened = open_app(brief, data=AppData(db), at_ms=0, features="after-paint")
    window = opened.window
    watcher = FirstPaint()
    window.pane.viewport().installEventFilter(watcher)
    window.resize(1200, 800)
    window.show()
    while not watcher.painted:
        app.processEvents()
    painted = time.perf_counter() - start
    while not opened.ready():
        app.processEvents()
    app.processEvents()
    notes_in = time.perf_counter() - start
    until_idle(app)
    idle = time.perf_counter() - start
    if then is not None:
        then(app, opened)
    window.close()
    opened.data.db.close()
    window.deleteLater()
    # processEvents() leaves deferred deletes alone: without this, every window would die in
    # the middle of a later measurement.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
    return painted, notes_in, idle


def _change_ms(app: QApplication, change) -> tuple[float, float]:
    """One change: until the event loop has run once after it, and until it is idle again."""
    start = time.perf_counter()
    change()
    app.processEvents()
    first = (time.perf_counter() - start) * 1000
    until_idle(app)
    return first, (time.perf_counter() - start) * 1000


def edits(app: QApplication, opened) -> None:
    notes = opened.notes
    until_idle(app)  # a listener writes once the window has settled
    warm = Note(episode_id=notes.episode_id, start_ms=1_000_000, text="warm-up")
    notes.add(warm)  # the first change counts the timeline's boundaries once; not measured
    notes.delete(warm)
    until_idle(app)
    print(f"with {TOTAL:,} notes on the episode, median of {EDITS} (max):")
    print("                        one pass of the event loop      until idle")
    side = opened.window.side
    for shown in ("the pane", "the Notes tab", "the pane at the note"):
        if shown == "the Notes tab":  # its list is laid out only while it shows
            side.setCurrentWidget(notes.tab)
            until_idle(app)
        if shown == "the pane at the note":  # as a note taken while listening: cards move
            side.setCurrentIndex(0)
            pane, rows = opened.window.pane, opened.window.pane_model
            at = next(i for i in range(rows.rowCount()) if rows.row(i).cue.start_ms >= 1_234_000)
            pane.scrollTo(rows.index(at), QAbstractItemView.ScrollHint.PositionAtCenter)
            until_idle(app)
        adds, changes, deletes = [], [], []
        for i in range(EDITS):
            note = Note(episode_id=notes.episode_id, start_ms=1_234_000 + i, text=f"new {i}")
            adds.append(_change_ms(app, lambda n=note: notes.add(n)))
            changes.append(
                _change_ms(app, lambda n=note: notes.save_edit(n, f"edited {n.text}", []))
            )
            edited = notes.model.note(notes.model.row_of(note.id))
            deletes.append(_change_ms(app, lambda n=edited: notes.delete(n)))
        print(f"  in sight: {shown}")
        for name, pairs in (("add", adds), ("edit", changes), ("delete", deletes)):
            first, idle = [p[0] for p in pairs], [p[1] for p in pairs]
            print(
                f"    {name:6s} one note  {statistics.median(first):8.1f} ms ({max(first):7.1f})"
                f"     {statistics.median(idle):8.1f} ms ({max(idle):7.1f})"
            )


def main() -> None:
    app = QApplication([])
    work = Path(tempfile.mkdtemp(prefix="bench-notes-"))
    brief = work / "episode" / "brief.txt"
    brief.parent.mkdir()
    brief.write_text(BRIEF, encoding="utf-8")
    probed = open_app(brief, data=AppData(memory=True))
    probe = probed.window
    episode_id = probed.notes.episode_id
    probe.close()
    probe.deleteLater()

    dbs = {
        "empty": work / "empty.db",
        "spread": work / "spread.db",
        "10k": work / "10k.db",
        "dense": work / "dense.db",
    }
    AppData(dbs["empty"]).db.close()
    t = time.perf_counter()
    fill(dbs["spread"], episode_id, 100)
    fill(dbs["10k"], episode_id, 10_000)
    fill(dbs["dense"], episode_id, TOTAL)
    print(f"filled three databases with {TOTAL:,} notes each in {time.perf_counter() - t:.1f} s")

    open_once(app, brief, dbs["empty"])  # warm up fonts, plugins and imports
    times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in dbs}
    for _ in range(RUNS):
        for name, path in dbs.items():
            times[name].append(open_once(app, brief, path))
    for moment, label in enumerate(("first paint", "notes in", "idle")):
        base = statistics.median(t[moment] for t in times["empty"])
        print(f"open window until {label}, median of {RUNS}:")
        for name, runs in times.items():
            xs = [t[moment] for t in runs]
            m = statistics.median(xs)
            print(
                f"  {name:6s} database: {m * 1000:8.1f} ms "
                f"(min {min(xs) * 1000:7.1f}, max {max(xs) * 1000:7.1f})  ratio {m / base:6.2f}x"
                f"  +{(m - base) * 1000:7.1f} ms"
            )
    open_once(app, brief, dbs["dense"], then=edits)


if __name__ == "__main__":
    main()
