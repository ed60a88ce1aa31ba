"""The disk cache of start-up work."""

from __future__ import annotations

import pickle

import pytest

from kgbuild.cache import CACHE_ENV, disk_cached


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    return tmp_path


def test_made_once_then_read(folder):
    made = []

    def make():
        made.append(1)
        return {"kyiv": (50.45, 30.52)}

    assert disk_cached("towns", "v1", make) == disk_cached("towns", "v1", make) == {"kyiv": (50.45, 30.52)}
    assert made == [1]
    (entry,) = folder.glob("towns-*.pickle")
    assert pickle.loads(entry.read_bytes()) == {"kyiv": (50.45, 30.52)}
    assert not list(folder.glob("*.part"))


def test_other_inputs_make_another_entry(folder):
    assert disk_cached("towns", "v1", lambda: 1) == 1
    assert disk_cached("towns", "v2", lambda: 2) == 2
    assert len(list(folder.glob("towns-*.pickle"))) == 2


def test_a_corrupt_entry_is_made_again(folder):
    disk_cached("towns", "v1", lambda: 1)
    (entry,) = folder.glob("towns-*.pickle")
    entry.write_bytes(b"\x80\x05 not a pickle")
    assert disk_cached("towns", "v1", lambda: 2) == 2
    assert pickle.loads(entry.read_bytes()) == 2


def test_an_unwritable_folder_only_costs_the_work(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))  # a folder under a file cannot be made
    assert disk_cached("towns", "v1", lambda: 3) == 3


def test_off_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert disk_cached("towns", "v1", lambda: 4) == 4
    assert not list(tmp_path.rglob("*.pickle"))
