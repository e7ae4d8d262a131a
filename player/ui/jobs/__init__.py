"""The one runner for long work in the window, and the one place that shows it."""

from player.ui.jobs.bar import JobBar
from player.ui.jobs.runner import JobHandle, JobRunner, describe_error

__all__ = ["JobBar", "JobHandle", "JobRunner", "describe_error"]
