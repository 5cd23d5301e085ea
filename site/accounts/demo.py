"""Demo accounts, one per role, all with the password in settings.DEMO_PASSWORD."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from .models import AccountType, ChildProfile, User, current_year
from .roles import COORDINATOR, EDITOR, MODERATOR, ROLE_GROUPS

DEMO_ACCOUNTS = [
    # email, display name, account type, birth year (youths), language, staff group role
    ("parent@example.org", "Samira", AccountType.PARENT, None, "fr", None),
    ("youth@example.org", "Jonas", AccountType.YOUTH, 14, "nl", None),
    ("partner@example.org", "Els", AccountType.PROFESSIONAL, None, "nl", None),
    ("coordinator@example.org", "Karim", AccountType.PROFESSIONAL, None, "nl", COORDINATOR),
    ("moderator@example.org", "Lotte", AccountType.PROFESSIONAL, None, "nl", MODERATOR),
    ("editor@example.org", "Pieter", AccountType.PROFESSIONAL, None, "en", EDITOR),
]

DEMO_CHILDREN = [("Yasmine", 9), ("Adam", 13)]


def demo_user(email):
    return User.objects.get(email=email)


def load():
    created = 0
    for email, name, account_type, age, language, role in DEMO_ACCOUNTS:
        user, was_created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": name,
                "account_type": account_type,
                "birth_year": current_year() - age if age else None,
                "preferred_language": language,
            },
        )
        if was_created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
            created += 1
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if role:
            Group.objects.get(name=ROLE_GROUPS[role]).user_set.add(user)
    parent = demo_user("parent@example.org")
    for first_name, age in DEMO_CHILDREN:
        ChildProfile.objects.get_or_create(
            parent=parent,
            first_name=first_name,
            defaults={"birth_year": current_year() - age, "consent_given_at": timezone.now()},
        )
    return f"{created} accounts created, {User.objects.count()} in all"
