"""The RDF side of kgbuild: the only package that imports rdflib."""

from .store import KGStore, open_store, store_location
from .triples import article_triples, entity_triples

__all__ = ["KGStore", "article_triples", "entity_triples", "open_store", "store_location"]
