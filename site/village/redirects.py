"""Where a "next" address from a form or a stored link may send a person."""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme


def local_url(request, value):
    """`value` when it is an address on this site (a path, or this host; https when the request
    is), else None. Only a path or a full address: redirect() would take a bare word for the
    name of a view and fail."""
    if not value or not url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    return value if value.startswith("/") or urlsplit(value).netloc else None
