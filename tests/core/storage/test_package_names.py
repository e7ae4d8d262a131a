"""The storage package hands out each name from the module that holds it, loaded on first use,
and a misspelt name fails the way it does for any Python module."""

from __future__ import annotations

import importlib

import pytest

import player.core.storage as storage


@pytest.mark.parametrize("name", storage.__all__)
def test_every_name_the_package_offers_is_the_one_its_module_holds(name: str) -> None:
    holder = importlib.import_module(f"player.core.storage.{storage._WHERE[name]}")
    assert getattr(storage, name) is getattr(holder, name)


def test_a_misspelt_name_is_reported_by_name() -> None:
    said = r"^module 'player\.core\.storage' has no attribute 'NoteStor'$"
    with pytest.raises(AttributeError, match=said):
        storage.NoteStor  # noqa: B018
    with pytest.raises(ImportError, match="NoteStor"):
        from player.core.storage import NoteStor  # noqa: F401
    assert not hasattr(storage, "NoteStor")
