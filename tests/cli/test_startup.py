"""What the command holds back while the window starts costs nothing a person would see."""

from __future__ import annotations

import gc
import linecache
import traceback

from player.cli.startup import window_start


def test_a_traceback_while_the_window_starts_still_shows_its_source_lines() -> None:
    linecache.checkcache(__file__)
    linecache.cache.pop(__file__, None)
    with window_start():
        assert not gc.isenabled()
        try:
            raise ValueError("shown with its line")
        except ValueError:
            text = traceback.format_exc()
        assert 'raise ValueError("shown with its line")' in text
        assert __file__ not in linecache.cache  # read for the traceback, not kept
    assert gc.isenabled()
    assert linecache.getline(__file__, 1).startswith('"""What the command')
    assert __file__ in linecache.cache  # kept again as usual
