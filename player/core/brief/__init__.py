"""The audio brief: its model, its text format, and the links between its parts."""

from player.core.brief.models import (
    Brief,
    BriefError,
    Concept,
    Link,
    ParseResult,
    Problem,
    Quote,
    Source,
    Takeaway,
)

__all__ = [
    "Brief",
    "BriefError",
    "Concept",
    "Link",
    "ParseResult",
    "Problem",
    "Quote",
    "Source",
    "Takeaway",
]
