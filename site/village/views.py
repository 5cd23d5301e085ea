import sys

from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache


def privacy(request):
    return render(request, "village/privacy.html")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@never_cache
def server_error(request):
    """Django calls this while handling the exception: a database that is restarting or
    unreachable is a temporary outage (503 with Retry-After), not a fault (500)."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        # Without the request's context processors: they may need the database.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return render(request, "500.html", status=500)
