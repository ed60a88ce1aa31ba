"""kgbuild's ontology, gazetteer, rule data and saved queries (data only; see README.md)."""
