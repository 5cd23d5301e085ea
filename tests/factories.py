"""Factories: tests build what they need, nothing more."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from wagtail.models import Page, Site

from accounts.models import AccountType, ChildProfile, User, current_year
from accounts.roles import ROLE_GROUPS
from organisations.models import Membership, Organisation, OrganisationKind, OrganisationStatus
from village.models import HomePage

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("first_name")
    account_type = AccountType.PARENT
    # The language the test runs in (Dutch unless a test chooses another).
    preferred_language = factory.LazyFunction(lambda: (translation.get_language() or "nl")[:2])

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class ParentFactory(UserFactory):
    account_type = AccountType.PARENT


class YouthFactory(UserFactory):
    account_type = AccountType.YOUTH
    birth_year = factory.LazyFunction(lambda: current_year() - 15)


class ProfessionalFactory(UserFactory):
    account_type = AccountType.PROFESSIONAL


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildProfile

    parent = factory.SubFactory(ParentFactory)
    first_name = factory.Faker("first_name")
    birth_year = factory.LazyFunction(lambda: current_year() - 9)
    consent_given_at = factory.LazyFunction(timezone.now)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Huiswerkschool {n}")
    kind = OrganisationKind.HOMEWORK_SCHOOL
    phone = "+32 2 123 45 67"
    municipality = "Anderlecht"
    postcode = "1070"
    status = OrganisationStatus.APPROVED
    description_nl = "Huiswerkbegeleiding"


def make_partner(organisation=None, **kwargs):
    from organisations.services import add_member

    user = ProfessionalFactory(**kwargs)
    add_member(organisation=organisation or OrganisationFactory(), user=user)
    return user


def make_staff(role, **kwargs):
    """A professional in the group of a staff role (coordinator, moderator, editor)."""
    user = ProfessionalFactory(**kwargs)
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    return user


def ensure_root_page():
    """Wagtail's root page and locale, which migrations create and transactional tests flush away."""
    from django.conf import settings
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def make_home_page():
    home = HomePage.objects.first()
    if home:
        return home
    root = ensure_root_page()
    for child in root.get_children():
        child.delete()
    home = HomePage(
        title_nl="Welkom",
        title_fr="Bienvenue",
        title_en="Welcome",
        slug_nl="home",
        slug_fr="accueil",
        slug_en="home",
        intro_nl="Intro",
        intro_fr="Intro fr",
        intro_en="Intro en",
    )
    root.add_child(instance=home)
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home


__all__ = [
    "Membership",
    "UserFactory",
    "ParentFactory",
    "YouthFactory",
    "ProfessionalFactory",
    "ChildFactory",
    "OrganisationFactory",
    "make_partner",
    "make_staff",
    "make_home_page",
    "PASSWORD",
]


def log_in(client, user, language="nl"):
    """Log in through the login form, as a person does (allauth then counts it as a recent
    authentication, which two-factor set-up asks for)."""
    response = client.post(f"/{language}/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return response
