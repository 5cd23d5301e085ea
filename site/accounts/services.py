"""Writes about people: children, account deletion, data export, two-factor requirements."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import privacy
from .models import ChildProfile


def add_child(*, parent, first_name, birth_year):
    """Register a child under a parent, recording the parent's consent."""
    return ChildProfile.objects.create(
        parent=parent,
        first_name=first_name.strip(),
        birth_year=birth_year,
        consent_given_at=timezone.now(),
    )


def needs_two_factor_setup(user):
    """True when the person's role requires two-factor login and none is set up yet."""
    required = set(settings.VILLAGE_REQUIRE_2FA_ROLES)
    if not required or not required.intersection(user.roles):
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def export_personal_data(user):
    """Everything Village keeps about a person, as a JSON-ready dict."""
    data = {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "account_type": user.account_type,
            "birth_year": user.birth_year,
            "preferred_language": user.preferred_language,
            "phone": user.phone,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": user.roles,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in user.emailaddress_set.all()
            ],
        },
        "children": [
            {
                "first_name": child.first_name,
                "birth_year": child.birth_year,
                "consent_given_at": child.consent_given_at.isoformat(),
            }
            for child in user.children.all()
        ],
    }
    for key, exporter in privacy.exporters().items():
        data[key] = exporter(user)
    return data


@transaction.atomic
def delete_account(*, user):
    """Delete a person's account and children's profiles.

    Other apps' erasers run first: they cancel registrations and anonymise public
    contributions, so what the person said stays in the conversation without their name.
    """
    for eraser in privacy.erasers().values():
        eraser(user)
    user.delete()
