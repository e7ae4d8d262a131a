"""What the command holds back while the window starts costs nothing a person would see."""

from __future__ import annotations

import gc
import linecache
import sys
import traceback
from pathlib import Path
from types import ModuleType

import pytest

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


def test_pyside_reads_only_other_packages_sources_while_the_window_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hook's reading is what the start skips; a package that may select a feature is
    still read, so its choice holds."""
    import PySide6  # noqa: F401

    feature = sys.modules["shibokensupport.feature"]
    answers = feature.pyside_feature_dict
    hook = feature.feature_imported
    read: list[str] = []
    scan = feature._mod_uses_pyside

    def reading(module: ModuleType) -> bool:
        read.append(module.__name__)
        return scan(module)

    monkeypatch.setattr(feature, "_mod_uses_pyside", reading)
    (tmp_path / "elsewhere_uses_qt.py").write_text("import PySide6\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("player.core.timefmt", "textwrap", "elsewhere_uses_qt"):
        monkeypatch.delitem(answers, name, raising=False)

    with window_start():  # each ``from`` hands the hook the module named in it
        from textwrap import dedent  # noqa: F401

        import elsewhere_uses_qt  # noqa: F401

        from player.core.timefmt import parse_time  # noqa: F401

    assert read == ["elsewhere_uses_qt"]
    assert answers["player.core.timefmt"] == 0  # the app's: the default feature set
    assert answers["textwrap"] == -1  # the standard library's: left out of switching
    assert answers["elsewhere_uses_qt"] == 0  # read, and found using PySide
    assert feature.feature_imported is hook  # PySide's own hook again afterwards
    sys.modules.pop("elsewhere_uses_qt", None)
