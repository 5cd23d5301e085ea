"""The open-data API (`/api/v1/`), documented by its OpenAPI schema at /api/v1/openapi.json.

Each app adds its router here.
"""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Village open data API",
    version="1",
    description="Public data of the Village platform: activities (GeoJSON).",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)
