"""The RDF side of kgbuild: the only package that imports rdflib."""

from .store import KGStore, default_store_path
from .triples import article_triples, entity_triples

__all__ = ["KGStore", "article_triples", "entity_triples", "default_store_path"]
