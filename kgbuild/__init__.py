"""kgbuild: news articles about armed conflicts in, a provenance-rich RDF knowledge graph out."""

__version__ = "0.1.0"

from .build import BuildReport, build  # noqa: E402
from .graph import open_store  # noqa: E402

__all__ = ["BuildReport", "__version__", "build", "open_store"]
