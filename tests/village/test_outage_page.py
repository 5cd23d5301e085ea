"""While the database restarts, people get a clear, translated 503 page, not a stack trace."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.test import Client
from django.urls import path
from django.utils import translation


def database_down(request):
    raise OperationalError("connection refused")


def bug(request):
    raise RuntimeError("a bug")


handler500 = "village.views.server_error"
urlpatterns = i18n_patterns(path("down/", database_down), path("bug/", bug))

pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_database_outage_is_a_translated_503(language):
    response = Client(raise_request_exception=False).get(f"/{language}/down/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    with translation.override(language):
        assert translation.gettext("Back in a moment") in response.content.decode()
    assert "OperationalError" not in response.content.decode()


def test_other_errors_stay_500():
    response = Client(raise_request_exception=False).get("/en/bug/")
    assert response.status_code == 500
