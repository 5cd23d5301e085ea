"""Where a "next" address may send a person (village.redirects.local_url)."""

import pytest
from django.test import RequestFactory

from village.redirects import local_url


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/nl/activiteiten/?age=10", "/nl/activiteiten/?age=10"),
        ("http://testserver/fr/", "http://testserver/fr/"),
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("javascript:alert(1)", None),
        ("été", None),  # a bare word: redirect() would look for a view of that name
        ("", None),
        (None, None),
    ],
)
def test_only_addresses_of_this_site_are_followed(value, expected):
    assert local_url(RequestFactory().get("/"), value) == expected
