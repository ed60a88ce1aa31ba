"""The disk cache of start-up work."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from kgbuild import cache
from kgbuild.cache import ABANDONED_AFTER_SECONDS, CACHE_ENV, disk_cached


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


def test_an_upgrade_removes_the_entries_older_files_made(folder, monkeypatch):
    disk_cached("towns", "v1", lambda: 1)
    disk_cached("towns-of-sudan", "v1", lambda: 1)
    (folder / "towns-0123456789abcdef.pickle").write_bytes(b"")  # named as before digests were in the name
    monkeypatch.setattr(cache, "kgbuild_digest", lambda: "f" * 16)
    assert disk_cached("towns", "v1", lambda: 2) == 2
    assert disk_cached("towns", "v2", lambda: 3) == 3  # the other inputs' entry of the same files stays
    towns = [path.name for path in folder.glob("towns-*.pickle") if not path.name.startswith("towns-of-sudan-")]
    assert sorted(name.split("-")[1] for name in towns) == ["f" * 16, "f" * 16]
    assert len(list(folder.glob("towns-of-sudan-*.pickle"))) == 1  # another name's entry is not this one's


def test_a_write_abandoned_an_hour_ago_is_removed(folder):
    disk_cached("towns", "v1", lambda: 1)
    (entry,) = folder.glob("towns-*.pickle")
    abandoned, fresh = folder / f"{entry.name}x1y2.part", folder / f"{entry.name}z3w4.part"
    abandoned.write_bytes(b"half")
    fresh.write_bytes(b"half")
    old = time.time() - ABANDONED_AFTER_SECONDS - 60
    os.utime(abandoned, (old, old))
    disk_cached("towns", "v2", lambda: 2)
    assert not abandoned.exists() and fresh.exists()
