"""The open-data API, fuzzed from its own OpenAPI schema (schemathesis): whatever a client sends,
no server error, and every answer, errors included, matches the schema."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_test_connection():
    """The WSGI handler closes the database connection after each request, as a server does;
    in a test that would close the test database (Django's test client does the same)."""
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_every_request_as_documented(case, demo, keep_test_connection):
    # Not checked: that every schema-valid value is accepted (a theme must exist, and themes are
    # edited by people: an unknown one gets a 400 naming it) and that every schema-invalid value
    # is refused (on/off filters read anything but a "yes" as off, as the finder's form does).
    case.call_and_validate(excluded_checks=[positive_data_acceptance, negative_data_rejection])
