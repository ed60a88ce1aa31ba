"""ontology/README.md is the generated reference of the ontology and its shapes, kept in sync."""

from kgbuild.graph.docs import ontology_docs
from kgbuild.graph.namespace import KG
from kgbuild.resources import ontology_file


def test_the_ontology_readme_is_up_to_date():
    assert ontology_file("README.md").read_text(encoding="utf-8") == ontology_docs(), (
        "ontology/README.md is stale: run `kgbuild docs -o ontology/README.md`"
    )


def test_every_term_and_shape_is_listed():
    text = ontology_docs()
    for name in KG.__annotations__:
        assert f"### `kg:{name}`" in text
    assert "| `kg:evidence` | 1..1 | a `kg:Sentence` |" in text


def test_docs_command_prints_or_writes(run_cli, tmp_path):
    printed = run_cli("docs")
    assert printed.exit_code == 0 and printed.output == ontology_docs()
    result = run_cli("docs", "-o", tmp_path / "ontology.md")
    assert result.exit_code == 0
    assert (tmp_path / "ontology.md").read_text(encoding="utf-8") == ontology_docs()
