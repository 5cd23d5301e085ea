"""Open data API of co-creation tracks (mounted at /api/v1/ by village.api)."""

from ninja import Router

router = Router(tags=["tracks"])
