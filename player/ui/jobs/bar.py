"""The one place in the window that shows long work: a bar, what it is doing, time left, Cancel.

It shows the newest running job; when that one ends it goes back to the one before, and hides
once none is left. A failure stays as one line (``Export failed: disk full``) until the next job
starts or the listener closes it, so it is read, not missed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from player.core.jobs import describe_left
from player.ui.jobs.runner import JobHandle, JobRunner


class JobBar(QWidget):
    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("job_bar")
        self._runner = runner
        self._shown: JobHandle | None = None
        self.label = QLabel(self)
        self.label.setObjectName("job_label")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("job_progress")
        self.bar.setAccessibleName("Progress of the running job")
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.left = QLabel(self)
        self.left.setObjectName("job_left")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("job_cancel")
        self.cancel_button.setAccessibleName("Cancel the running job")
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button = QPushButton("Dismiss", self)
        self.close_button.setObjectName("job_dismiss")
        self.close_button.setAccessibleName("Dismiss the message")
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for w in (self.label, self.bar, self.left, self.cancel_button, self.close_button):
            layout.addWidget(w)
        runner.started.connect(self._started)
        runner.failed.connect(self._failed)
        self.hide()

    def shown_job(self) -> JobHandle | None:
        return self._shown

    def _started(self, job: JobHandle) -> None:
        job.changed.connect(lambda: self._update(job))
        job.ended.connect(self._next)
        self._show(job)

    def _show(self, job: JobHandle) -> None:
        self._shown = job
        for w in (self.bar, self.left, self.cancel_button):
            w.show()
        self.close_button.hide()
        self._update(job)
        self.show()

    def _update(self, job: JobHandle) -> None:
        if job is not self._shown:
            return
        step = job.step
        fraction = step.fraction if step is not None else None
        if fraction is None:
            self.bar.setRange(0, 0)  # busy: the size of the work is not known yet
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(round(fraction * 1000))
        message = step.message if step is not None and step.message else ""
        self.label.setText(f"{job.title}: {message}" if message else f"{job.title}…")
        self.left.setText(describe_left(job.meter.seconds_left(step.total if step else None)))

    def _next(self) -> None:
        active = self._runner.active()
        if active:
            self._show(active[-1])
            return
        self._shown = None
        if self.close_button.isHidden():
            self.hide()

    def _failed(self, title: str, message: str) -> None:
        if self._runner.active():
            return  # the status bar has it; the bar keeps showing work still going
        self._shown = None
        for w in (self.bar, self.left, self.cancel_button):
            w.hide()
        self.label.setText(f"{title} failed: {message}")
        self.close_button.show()
        self.show()

    def _cancel(self) -> None:
        if self._shown is not None:
            self._shown.cancel()
            self.label.setText(f"{self._shown.title}: stopping…")
