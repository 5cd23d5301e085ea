"""The open-data API (`/api/v1/`), documented by its OpenAPI schema at /api/v1/openapi.json.

Each app adds its router here. Errors answer {"detail": "...", "errors": {parameter: [messages]}}.
"""

import json

from django.http import Http404, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import ValidationError

from activities.api import router as activities_router
from participation.api import router as participation_router

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, in the request's language."},
        "errors": {
            "type": "object",
            "description": "Messages per parameter.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail", "errors"],
}


class VillageAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """ninja documents every response as application/json; an operation that answers another
        media type (GeoJSON) names it with "x-media-type" in its openapi_extra."""
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        for path, operations in schema.get("paths", {}).items():
            for operation in operations.values():
                # Every operation answers bad parameters (and, with a path parameter, an
                # unknown object) with the same error object.
                responses = operation.setdefault("responses", {})
                error = {
                    "description": "Error",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                }
                responses.setdefault(400, error)
                if "{" in path:
                    responses.setdefault(404, error)
                media_type = operation.pop("x-media-type", None)
                success = operation.get("responses", {}).get(200) or operation.get("responses", {}).get("200")
                if media_type and success and "application/json" in success.get("content", {}):
                    success["content"] = {media_type: success["content"]["application/json"]}
        return schema


api = VillageAPI(
    title="Village open data API",
    version="1",
    description="Public data of the Village platform: activities (GeoJSON).",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)


class WithoutLanguagePrefixes:
    """An empty URLconf for LocaleMiddleware to look at when the API answers 404. Otherwise it
    turns the 404 of a path without language prefix into a redirect to /<language>/<path> when
    that path exists, and Wagtail's catch-all page route makes every path exist: an API client
    would be sent to an HTML page."""

    urlpatterns = []


def error_response(request, detail, errors=None, *, status=400):
    """The API's error, readable by any website (open data)."""
    response = HttpResponse(
        json.dumps({"detail": detail, "errors": errors or {}}, ensure_ascii=False),
        status=status,
        content_type="application/json",
    )
    response["Access-Control-Allow-Origin"] = "*"
    if status == 404:
        request.urlconf = WithoutLanguagePrefixes
    return response


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    """Parameters that ninja validates itself (a number in the path): 400, naming them."""
    errors = {}
    for error in exc.errors:
        name = str(error.get("loc", ["?"])[-1])
        errors.setdefault(name, []).append(gettext("This value is not valid."))
    detail = gettext("Invalid parameters: %(names)s.") % {"names": ", ".join(errors)}
    return error_response(request, detail, errors)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(request, str(exc) or gettext("Not found."), status=404)


api.add_router("", activities_router)
api.add_router("", participation_router)
