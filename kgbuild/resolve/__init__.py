"""Link mentions to entities: one key per real-world actor or place across all articles."""

from .aliases import resolve_article

__all__ = ["resolve_article"]
