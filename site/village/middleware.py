from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# Paths that live outside the language prefixes; a 404 there is a 404, not a redirect.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/media/", "/static/", "/healthz", "/sitemap.xml")


class VillageLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, which would redirect any unknown path to /<lang>/<path>
    (Wagtail's catch-all makes every such path "exist"); not for the API, admin or files."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


class RememberLanguageMiddleware:
    """Remember the language of the last page visited, so that `/` sends a person back to it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
                httponly=True,
            )
        return response


class AsyncFileStreamingMiddleware:
    """Under ASGI (uvicorn), file responses are streamed a block at a time, each block read in a
    worker thread. File responses (WhiteNoise's static files, media in the embedded default)
    iterate synchronously; Django's ASGI handler would warn and read each file whole into
    memory before sending it. First in MIDDLEWARE, so that it sees every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(request, ASGIRequest) and response.streaming and not response.is_async:
            response.streaming_content = _read_in_thread(response.streaming_content)
        return response


async def _read_in_thread(parts):
    next_part = sync_to_async(next, thread_sensitive=False)
    while (part := await next_part(parts, None)) is not None:
        yield part
