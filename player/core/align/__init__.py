"""Finding where each quote of a brief is spoken in the listener's own copy of the audio.

``find_quotes`` is the one entry point: the window's job runner and ``brief-player align`` both
call it with a ``Progress`` and get an ``Alignment`` back.
"""

from player.core.align.errors import AlignError
from player.core.align.result import Alignment, QuoteResult, Status

__all__ = ["AlignError", "Alignment", "QuoteResult", "Status", "find_quotes"]


def __getattr__(name: str):
    # find_quotes pulls in the decoder and the recogniser; import them only when used.
    if name == "find_quotes":
        from player.core.align.run import find_quotes

        return find_quotes
    raise AttributeError(name)
