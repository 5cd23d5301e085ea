import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import AccountType, User, current_year

pytestmark = pytest.mark.django_db


def signup_data(**overrides):
    data = {
        "display_name": "Samira",
        "account_type": AccountType.PARENT,
        "birth_year": "",
        "email": "samira@example.org",
        "password1": "a-long-test-password",
        "password2": "a-long-test-password",
        "accept_privacy": "on",
    }
    data.update(overrides)
    return data


def test_parent_signs_up_confirms_email_and_logs_in(client, site_root):
    response = client.post("/fr/accounts/signup/", signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="samira@example.org")
    assert user.display_name == "Samira"
    assert user.account_type == AccountType.PARENT
    assert user.preferred_language == "fr"  # e-mails follow the language of sign-up

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["samira@example.org"]
    link = re.search(r"https?://[^\s]+/fr/accounts/confirm-email/[^\s]+/", message.body).group(0)
    confirm_path = (
        link.split("testserver", 1)[-1] if "testserver" in link else re.sub(r"^https?://[^/]+", "", link)
    )
    assert client.get(confirm_path).status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified

    client.logout()
    response = client.post(
        "/fr/accounts/login/", {"login": "samira@example.org", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_unverified_email_cannot_log_in(client, site_root):
    client.post("/en/accounts/signup/", signup_data())
    client.logout()
    response = client.post(
        "/en/accounts/login/",
        {"login": "samira@example.org", "password": "a-long-test-password"},
        follow=True,
    )
    assert "/accounts/confirm-email/" in response.redirect_chain[-1][0]


def test_youth_from_the_minimum_age_signs_up(client, site_root):
    data = signup_data(
        email="jonas@example.org", account_type=AccountType.YOUTH, birth_year=current_year() - 13
    )
    assert client.post("/nl/accounts/signup/", data).status_code == 302
    assert User.objects.get(email="jonas@example.org").birth_year == current_year() - 13


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_child_under_minimum_age_gets_a_clear_error_and_no_account(client, site_root, language):
    data = signup_data(account_type=AccountType.YOUTH, birth_year=current_year() - 9)
    response = client.post(f"/{language}/accounts/signup/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "birth_year" in errors
    assert "12" in errors["birth_year"][0]
    assert not User.objects.exists()


def test_youth_must_give_a_birth_year(client, site_root):
    response = client.post("/en/accounts/signup/", signup_data(account_type=AccountType.YOUTH))
    assert "birth_year" in response.context["form"].errors
    assert not User.objects.exists()


def test_parent_birth_year_is_not_kept(client, site_root):
    client.post("/en/accounts/signup/", signup_data(birth_year=1985))
    assert User.objects.get().birth_year is None


def test_minimum_age_is_a_setting(client, site_root, settings):
    settings.VILLAGE_YOUTH_MIN_AGE = 14
    data = signup_data(account_type=AccountType.YOUTH, birth_year=current_year() - 13)
    response = client.post("/en/accounts/signup/", data)
    assert "14" in response.context["form"].errors["birth_year"][0]


def test_privacy_must_be_accepted(client, site_root):
    data = signup_data()
    del data["accept_privacy"]
    response = client.post("/en/accounts/signup/", data)
    assert "accept_privacy" in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"email": "not-an-address"},
        {"password2": "something-else-entirely"},
        {"password1": "123", "password2": "123"},
        {"display_name": ""},
        {"display_name": "x" * 500},
        {"account_type": "editor"},
        {"birth_year": "abc", "account_type": AccountType.YOUTH},
    ],
)
def test_bad_sign_up_input_is_refused_without_500(client, site_root, overrides):
    response = client.post("/en/accounts/signup/", signup_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.exists()


def test_password_reset_sends_a_link(client, site_root):
    from tests.factories import ParentFactory

    user = ParentFactory(email="reset@example.org", preferred_language="nl")
    response = client.post("/nl/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/nl/accounts/password/reset/key/" in mail.outbox[0].body
