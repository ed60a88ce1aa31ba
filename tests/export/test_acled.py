"""``kgbuild export acled``: ACLED's columns, read back by pandas with the dtypes an analyst expects."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kgbuild.export.acled import COLUMNS

ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


@pytest.fixture(scope="module")
def written_store(run_cli, tmp_path_factory):
    """A store built from an article written for this test."""
    folder = tmp_path_factory.mktemp("acled")
    text = ("Russian drones struck Kharkiv on Monday, killing three people, the regional governor said.\n\n"
            "Thousands of protesters rallied in Tbilisi on Tuesday against the government.\n\n"
            "Police arrested 30 opposition activists in Minsk on Wednesday.\n\n"
            "Vladimir Putin spoke by phone with Recep Tayyip Erdogan on Monday.\n")
    article = {"id": "written-1", "text": text, "published": "2024-03-14", "outlet": "Test Wire",
               "url": "https://example.org/written-1"}
    (folder / "articles.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    store = folder / "store"
    result = run_cli("build", folder / "articles.jsonl", "--store", store)
    assert result.exit_code == 0, result.output
    return store


def _read(run_cli, store, path):
    result = run_cli("export", "acled", "--store", store, "-o", path)
    assert result.exit_code == 0, result.output
    return pd.read_csv(path, parse_dates=["event_date"])


def test_acled_csv_opens_in_pandas_with_numeric_and_date_columns(run_cli, seed_store, tmp_path):
    table = _read(run_cli, seed_store, tmp_path / "acled.csv")
    assert tuple(table.columns) == COLUMNS
    assert len(table) > 10
    assert pd.api.types.is_datetime64_any_dtype(table["event_date"])
    for column in ("year", "time_precision", "fatalities"):
        assert pd.api.types.is_integer_dtype(table[column]), column
    for column in ("latitude", "longitude", "geo_precision", "fatalities_min", "fatalities_max"):
        assert pd.api.types.is_numeric_dtype(table[column]), column
    assert set(table["event_type"]) <= ACLED_TYPES
    assert table["latitude"].dropna().between(-90, 90).all() and table["longitude"].dropna().between(-180, 180).all()
    bounded = table.dropna(subset=["fatalities_min", "fatalities_max"])
    assert (bounded["fatalities_min"] <= bounded["fatalities_max"]).all()


def test_an_air_strike_is_a_row_with_its_dead_and_place(run_cli, written_store, tmp_path):
    table = _read(run_cli, written_store, tmp_path / "acled.csv")
    (strike,) = table[table["sub_event_type"] == "Air/drone strike"].itertuples()
    assert strike.event_type == "Explosions/Remote violence"
    assert (strike.actor1, strike.location, strike.country) == ("Russia", "Kharkiv", "Ukraine")
    assert strike.fatalities == 3 and strike.plover == "ASSAULT" and strike.plover_mode == "aerial"
    assert str(strike.event_date.date()) == "2024-03-11" and strike.time_precision == 1
    assert (strike.source, strike.source_url) == ("Test Wire", "https://example.org/written-1")
    # the toll is the strike's, not a row of its own; a phone call is no ACLED event
    assert set(table["kgbuild_type"]) == {"strike", "protest", "coerce"}
    assert table.loc[table["kgbuild_type"] == "protest", "sub_event_type"].tolist() == ["Peaceful protest"]
    assert table.loc[table["kgbuild_type"] == "coerce", "sub_event_type"].tolist() == ["Arrests"]
