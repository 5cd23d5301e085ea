from django.http import HttpResponse
from django.urls import path

from village.urls import handler404, handler500  # noqa: F401
from village.urls import urlpatterns as site_urlpatterns


def trivial(request):
    """The ceiling: the cheapest response Django can give through the same server and middleware."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial", trivial)] + site_urlpatterns
