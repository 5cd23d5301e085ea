"""Every response carries the security headers; scripts only from the site itself."""

import pytest
from django.test import override_settings

from village.security import content_security_policy


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/nl/", "/fr/accounts/login/", "/api/v1/activities", "/healthz", "/admin/login/", "/en/no-such-page/"],
)
def test_every_response_has_the_security_headers(client, site_root, path):
    response = client.get(path)
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_only_the_activity_finder_may_ask_for_the_location(client, demo):
    from activities.models import ActivityIndexPage

    finder = ActivityIndexPage.objects.live().first()
    response = client.get(finder.url)
    assert response.status_code == 200
    assert "geolocation=(self)" in response["Permissions-Policy"]


def test_map_tiles_are_allowed_from_the_configured_tile_server(rf):
    with override_settings(MAP_TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png"):
        csp = directives(content_security_policy(rf.get("/")))
    assert "https://*.tiles.example.org" in csp["img-src"]
    assert "ws://testserver" in csp["connect-src"] and "wss://testserver" in csp["connect-src"]


@pytest.mark.django_db
def test_admin_pages_have_no_inline_scripts(client, site_root):
    """Wagtail's inline scripts are replaced by data attributes that static/js/admin-csp.js reads."""
    from tests.factories import log_in, make_staff

    log_in(client, make_staff("editor"))
    response = client.get(f"/admin/pages/{site_root.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html
    assert 'data-wmt="' in html and "admin-csp.js" in html
