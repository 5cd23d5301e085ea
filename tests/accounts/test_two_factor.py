import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts.roles import COORDINATOR, EDITOR, MODERATOR
from tests.factories import PASSWORD, ParentFactory, log_in, make_partner, make_staff

pytestmark = pytest.mark.django_db

REQUIRED = ("coordinator", "moderator", "editor")


@pytest.mark.parametrize("role", [COORDINATOR, MODERATOR, EDITOR])
def test_roles_with_confidential_access_must_set_up_two_factor(client, site_root, settings, role):
    settings.VILLAGE_REQUIRE_2FA_ROLES = REQUIRED
    log_in(client, make_staff(role))
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # Set-up asks for the password again (allauth's reauthentication), then shows the QR code.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302 and "/reauthenticate/" in response["Location"]
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_with_two_factor_on_they_get_through(client, site_root, settings):
    settings.VILLAGE_REQUIRE_2FA_ROLES = REQUIRED
    editor = make_staff(EDITOR)
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
    assert client.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.parametrize("make", [ParentFactory, make_partner])
def test_other_roles_are_not_forced(client, site_root, settings, make):
    settings.VILLAGE_REQUIRE_2FA_ROLES = REQUIRED
    client.force_login(make())
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_two_factor_is_available_to_everybody(client, site_root):
    log_in(client, ParentFactory())
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert "svg" in response.content.decode()  # the QR code to scan


def test_production_requires_two_factor_for_confidential_roles():
    from tests.village.test_settings import production_settings

    assert set(production_settings()["VILLAGE_REQUIRE_2FA_ROLES"]) == set(REQUIRED)
