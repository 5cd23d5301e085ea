"""Failed logins slow down (accounts.login_throttle): three wrong passwords are answered at once,
then each attempt waits 2 s, 4 s, 8 s… at most 5 minutes, per account and per address. Inside a
wait even the right password is refused, with a message saying how long; a successful login
forgets the account's failures. The same on Wagtail's own login page.

Waits pass by moving the slowdown's clock (`clock`): nothing sleeps."""

import re
import threading

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from accounts import login_throttle
from tests.factories import PASSWORD, ParentFactory

pytestmark = pytest.mark.django_db

WAIT = {
    "en": "Too many failed attempts. Try again in {} seconds.",
    "nl": "Te veel mislukte pogingen. Probeer opnieuw over {} seconden.",
    "fr": "Trop de tentatives échouées. Réessayez dans {} secondes.",
}
MISMATCH = "not correct"  # allauth: "The email address and/or password you specified are not correct."


@pytest.fixture(autouse=True)
def _production_limits(settings):
    """Test settings switch allauth's own limits off; these tests run with the site's ones."""
    from village.settings import base

    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    settings.VILLAGE_LOGIN_BACKOFF = base.VILLAGE_LOGIN_BACKOFF


class Clock:
    def __init__(self, now):
        self.now = now

    def move(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(login_throttle._now())
    monkeypatch.setattr(login_throttle, "_now", lambda: clock.now)
    return clock


def log_in(client, email, password, language="en", **extra):
    return client.post(f"/{language}/accounts/login/", {"login": email, "password": password}, **extra)


def page(response):
    return response.content.decode()


def logged_in(client):
    return "_auth_user_id" in client.session


def fail(client, email, times, **extra):
    for _ in range(times):
        response = log_in(client, email, "wrong-password", **extra)
        assert response.status_code == 200
        assert MISMATCH in page(response), "a failure within the free ones is answered at once"


def test_three_failures_are_answered_at_once_then_even_the_right_password_waits(client, clock):
    parent = ParentFactory()
    fail(client, parent.email, 3)

    response = log_in(client, parent.email, PASSWORD)
    assert response.status_code == 200
    assert WAIT["en"].format(2) in page(response)
    assert MISMATCH not in page(response)  # the password was not even checked
    assert not logged_in(client)

    clock.move(2)
    response = log_in(client, parent.email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(parent.pk)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_wait_is_told_in_the_readers_language(client, language):
    parent = ParentFactory()
    fail(client, parent.email, 3)
    assert WAIT[language].format(2) in page(log_in(client, parent.email, PASSWORD, language))


def test_the_wait_doubles_with_each_failure_up_to_five_minutes(client, clock):
    parent = ParentFactory()
    fail(client, parent.email, 3)
    told = []
    for _ in range(9):
        text = page(log_in(client, parent.email, "wrong-password"))
        told.append(re.search(r"Try again in (\d+ \w+)\.", text).group(1))
        clock.move(300)
        assert MISMATCH in page(log_in(client, parent.email, "wrong-password"))
    assert told == [
        "2 seconds",
        "4 seconds",
        "8 seconds",
        "16 seconds",
        "32 seconds",
        "64 seconds",
        "3 minutes",  # 128 s
        "5 minutes",  # 256 s
        "5 minutes",  # at most 300 s
    ]


def test_attempts_inside_the_wait_do_not_make_it_longer(client, clock):
    parent = ParentFactory()
    fail(client, parent.email, 3)
    for _ in range(5):
        assert WAIT["en"].format(2) in page(log_in(client, parent.email, "wrong-password"))
    clock.move(2)
    assert log_in(client, parent.email, PASSWORD).status_code == 302


def test_a_successful_login_forgets_the_accounts_failures(client, clock):
    parent = ParentFactory()
    fail(client, parent.email, 2)
    assert log_in(client, parent.email, PASSWORD).status_code == 302
    client.logout()
    fail(client, parent.email, 3)  # three free ones again
    assert WAIT["en"].format(2) in page(log_in(client, parent.email, PASSWORD))


def test_the_account_is_counted_whatever_the_case_and_spaces_of_its_address(client, clock):
    ParentFactory(email="samira@example.org")
    fail(client, "Samira@Example.org", 2)
    fail(client, " samira@example.org ", 1)
    assert WAIT["en"].format(2) in page(log_in(client, "SAMIRA@example.org", PASSWORD))
    assert not logged_in(client)


def test_each_account_has_its_own_count(client, clock):
    guessed, other = ParentFactory(), ParentFactory()
    fail(client, guessed.email, 3)
    assert WAIT["en"].format(2) in page(log_in(client, guessed.email, PASSWORD))
    assert log_in(client, other.email, PASSWORD).status_code == 302


def test_many_failures_from_one_address_slow_down_every_account_from_it(client, clock):
    """Guessing a few passwords of many accounts from one address: the address's count (20 free
    failures) slows the next account too; people elsewhere are not affected."""
    for failures in [3, 3, 3, 3, 3, 3, 2]:
        fail(client, ParentFactory().email, failures, REMOTE_ADDR="203.0.113.7")
    untouched = ParentFactory()
    response = log_in(client, untouched.email, PASSWORD, REMOTE_ADDR="203.0.113.7")
    assert WAIT["en"].format(2) in page(response)
    assert not logged_in(client)

    assert log_in(client, untouched.email, PASSWORD, REMOTE_ADDR="198.51.100.4").status_code == 302


def test_parallel_guesses_do_not_slip_through_together(clock):
    """Ten guesses for one account at the same moment: the three free ones get their password
    checked, the seven others wait."""
    email = "target@example.org"
    request = RequestFactory().post("/en/accounts/login/", REMOTE_ADDR="203.0.113.8")
    outcomes = []
    start = threading.Barrier(10)

    def guess():
        start.wait()
        try:
            login_throttle.start_attempt(request, email)
        except login_throttle.MustWait:
            outcomes.append("wait")
        else:
            outcomes.append("checked")

    threads = [threading.Thread(target=guess) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["checked"] * 3 + ["wait"] * 7


def test_wagtails_login_page_is_slowed_down_too_and_shares_the_count(client, clock):
    partner = ParentFactory()
    fail(client, partner.email, 2)
    response = client.post("/admin/login/", {"username": partner.email, "password": "wrong-password"})
    assert response.status_code == 200
    assert WAIT["en"].format(2) not in page(response)

    response = client.post("/admin/login/", {"username": partner.email, "password": PASSWORD})
    assert response.status_code == 200
    assert WAIT["en"].format(2) in page(response)
    assert not logged_in(client)

    clock.move(2)
    assert client.post("/admin/login/", {"username": partner.email, "password": PASSWORD}).status_code == 302
    assert client.session["_auth_user_id"] == str(partner.pk)


def test_the_password_asked_before_deleting_an_account_is_slowed_down_too(client, clock):
    """Someone at a phone left logged in cannot try passwords at full speed to delete the account."""
    parent = ParentFactory()
    client.force_login(parent)
    for _ in range(3):
        response = client.post("/nl/me/delete/", {"password": "wrong-password"})
        assert "Dat is niet je wachtwoord." in page(response)
    response = client.post("/nl/me/delete/", {"password": PASSWORD})
    assert response.status_code == 200
    assert WAIT["nl"].format(2) in page(response)
    parent.refresh_from_db()
    assert parent.is_active

    clock.move(2)
    assert client.post("/nl/me/delete/", {"password": PASSWORD}).status_code == 302
    assert not type(parent).objects.filter(pk=parent.pk).exists()


def test_resetting_the_password_through_the_mailbox_ends_the_wait(client, clock):
    parent = ParentFactory()
    fail(client, parent.email, 3)
    assert WAIT["en"].format(2) in page(log_in(client, parent.email, PASSWORD))

    assert client.post("/en/accounts/password/reset/", {"email": parent.email}).status_code == 302
    link = re.search(r"/en/accounts/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    set_password_page = client.get(link)
    assert set_password_page.status_code == 302
    new_password = "another-long-password-42"
    response = client.post(set_password_page.url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302

    assert log_in(client, parent.email, new_password).status_code == 302


def test_with_redis_down_logins_work_without_slowdown(client, settings):
    """Fail open, as the other rate limits: a broken Redis must not lock people out."""
    settings.CACHES = {
        "default": {
            "BACKEND": "village.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    parent = ParentFactory()
    fail(client, parent.email, 5)
    assert log_in(client, parent.email, PASSWORD).status_code == 302


def test_a_cache_that_fails_loudly_does_not_stop_logins_either(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    request = RequestFactory().post("/en/accounts/login/")
    for _ in range(5):
        attempt = login_throttle.start_attempt(request, "someone@example.org")
    attempt.succeeded()


def test_the_admin_login_offers_the_sites_rate_limited_password_reset(client):
    page = client.get("/admin/login/").content.decode()
    assert f'href="{reverse("account_reset_password")}"' in page
    assert client.get("/admin/password_reset/").status_code == 404
