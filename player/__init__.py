"""Brief Player: plays a podcast episode and keeps its written brief in step with the audio."""

__version__ = "0.1.0"
