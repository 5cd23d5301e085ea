"""What the routers of the open-data API share: the error object and the `lang` parameter.

Apart from village.api (which imports every app's router), so that the apps can import it.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from ninja import Field, Schema

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class ErrorSchema(Schema):
    detail: str = Field(description="What is wrong, in the response language.")
    errors: dict[str, list[str]] = Field(default_factory=dict, description="Messages per parameter.")


def response_language(request):
    """The `lang` parameter, else the request's language; and an error if `lang` is unknown."""
    requested = request.GET.get("lang")
    if requested:
        if requested in LANGUAGES:
            return requested, None
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            message = gettext("Choose one of: %(codes)s.") % {"codes": ", ".join(LANGUAGES)}
        return language, {"lang": [message]}
    return translation.get_language_from_request(request, check_path=False), None


def vary_on_language(response, request):
    """Without a valid `lang`, the answer's language comes from the Accept-Language header or
    the language cookie: caches must keep one copy per both."""
    if request.GET.get("lang") not in LANGUAGES:
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
