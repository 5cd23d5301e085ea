"""allauth's limits as the site configures them: password resets are limited per address, and a
person who mistyped once still gets in. (Failed logins slow down: test_login_throttle.py.)"""

import pytest
from django.core.cache import cache

from tests.factories import PASSWORD, ParentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rate_limits_on(settings):
    """Test settings switch allauth's limits off; these tests use the site's own ones."""
    from village.settings import base

    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


def log_in(client, email, password):
    return client.post("/en/accounts/login/", {"login": email, "password": password})


def test_a_person_who_types_the_right_password_gets_in(client):
    parent = ParentFactory()
    log_in(client, parent.email, "wrong-password")
    response = log_in(client, parent.email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(parent.pk)


def test_password_reset_requests_are_limited_per_address(client):
    parent = ParentFactory()
    answers = [
        client.post("/en/accounts/password/reset/", {"email": parent.email}).status_code for _ in range(7)
    ]
    assert answers == [302] * 5 + [429] * 2
