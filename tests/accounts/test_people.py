import json

import pytest
from django.urls import reverse

from accounts.models import ChildProfile, User, current_year
from accounts.roles import COORDINATOR, EDITOR, MODERATOR, PARENT, PARTNER, YOUTH
from tests.factories import (
    PASSWORD,
    ChildFactory,
    ParentFactory,
    ProfessionalFactory,
    YouthFactory,
    make_partner,
    make_staff,
)

pytestmark = pytest.mark.django_db


def test_parent_adds_a_child_with_first_name_and_birth_year_only(client, site_root):
    parent = ParentFactory()
    client.force_login(parent)
    response = client.post(
        reverse("accounts:child_add"),
        {"first_name": "Yasmine", "birth_year": current_year() - 9, "consent": "on"},
    )
    assert response.status_code == 302
    child = ChildProfile.objects.get(parent=parent)
    assert (child.first_name, child.birth_year) == ("Yasmine", current_year() - 9)
    assert child.consent_given_at is not None
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Yasmine" in page


EDITING_LINK = {
    "nl": "Open de beheeromgeving",
    "fr": "Ouvrir l'espace de gestion",
    "en": "Open the editing area",
}


@pytest.mark.parametrize(
    "make, sees_it",
    [
        (make_partner, True),
        (lambda: make_staff(COORDINATOR), True),  # no organisation, yet edits tracks
        (lambda: make_staff(MODERATOR), True),
        (ParentFactory, False),
        (YouthFactory, False),
    ],
)
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_dashboard_leads_those_who_edit_to_the_editing_area(client, site_root, make, sees_it, language):
    client.force_login(make())
    page = client.get(f"/{language}/me/").content.decode()
    assert (f'<a class="button" href="/admin/">{EDITING_LINK[language]}</a>' in page) is sees_it


@pytest.mark.parametrize(
    "data",
    [
        {"first_name": "Adam", "birth_year": 1950, "consent": "on"},
        {"first_name": "Adam", "birth_year": current_year() + 1, "consent": "on"},
        {"first_name": "Adam", "birth_year": current_year() - 9},  # no consent
        {"first_name": "", "birth_year": current_year() - 9, "consent": "on"},
        {"first_name": "Adam", "birth_year": "nine", "consent": "on"},
    ],
)
def test_bad_child_input_is_refused(client, site_root, data):
    client.force_login(ParentFactory())
    response = client.post(reverse("accounts:child_add"), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not ChildProfile.objects.exists()


def test_the_same_child_cannot_be_added_twice(client, site_root):
    child = ChildFactory(first_name="Adam")
    client.force_login(child.parent)
    response = client.post(
        reverse("accounts:child_add"), {"first_name": "adam", "birth_year": child.birth_year, "consent": "on"}
    )
    assert response.status_code == 200
    assert ChildProfile.objects.count() == 1


@pytest.mark.parametrize("factory", [YouthFactory, ProfessionalFactory])
def test_only_parents_manage_children(client, site_root, factory):
    client.force_login(factory())
    assert client.get(reverse("accounts:child_add")).status_code == 403


def test_another_parents_child_does_not_exist_for_you(client, site_root):
    child = ChildFactory()
    client.force_login(ParentFactory())
    assert client.get(reverse("accounts:child_edit", args=[child.pk])).status_code == 404
    assert client.post(reverse("accounts:child_delete", args=[child.pk])).status_code == 404
    assert ChildProfile.objects.filter(pk=child.pk).exists()


def test_parent_changes_and_removes_a_child(client, site_root):
    child = ChildFactory(first_name="Adam")
    client.force_login(child.parent)
    client.post(
        reverse("accounts:child_edit", args=[child.pk]),
        {"first_name": "Adam B.", "birth_year": child.birth_year},
    )
    child.refresh_from_db()
    assert child.first_name == "Adam B."
    client.post(reverse("accounts:child_delete", args=[child.pk]))
    assert not ChildProfile.objects.exists()


def test_pages_about_you_need_login(client, site_root):
    for name in [
        "accounts:dashboard",
        "accounts:profile",
        "accounts:child_add",
        "accounts:data_export",
        "accounts:delete",
    ]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_profile_change(client, site_root):
    user = ParentFactory()
    client.force_login(user)
    client.post(
        reverse("accounts:profile"),
        {"display_name": "Sam", "preferred_language": "en", "phone": "0470 12 34 56"},
    )
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language, user.phone) == ("Sam", "en", "0470 12 34 56")


def test_youth_cannot_change_birth_year_below_minimum_age(client, site_root):
    youth = YouthFactory()
    client.force_login(youth)
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "Jo", "preferred_language": "nl", "birth_year": current_year() - 5},
    )
    assert response.status_code == 200
    assert "birth_year" in response.context["form"].errors


def test_data_export_holds_everything_about_the_person(client, site_root):
    child = ChildFactory(first_name="Yasmine")
    client.force_login(child.parent)
    response = client.get(reverse("accounts:data_export"))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == child.parent.email
    assert data["children"][0]["first_name"] == "Yasmine"
    assert "password" not in json.dumps(data)


def test_delete_account_needs_the_password_and_removes_children(client, site_root):
    child = ChildFactory()
    parent = child.parent
    client.force_login(parent)
    response = client.post(reverse("accounts:delete"), {"password": "wrong"})
    assert response.status_code == 200
    assert User.objects.filter(pk=parent.pk).exists()

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=parent.pk).exists()
    assert not ChildProfile.objects.exists()
    assert "_auth_user_id" not in client.session


def test_delete_account_runs_every_registered_eraser(client, site_root, monkeypatch):
    from accounts import privacy

    erased = []
    monkeypatch.setattr(privacy, "_erasers", {"test": lambda user: erased.append(user.email)})
    user = ParentFactory(email="gone@example.org")
    client.force_login(user)
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert erased == ["gone@example.org"]


@pytest.mark.parametrize(
    "make, expected",
    [
        (ParentFactory, [PARENT]),
        (YouthFactory, [YOUTH]),
        (make_partner, [PARTNER]),
        (lambda: make_staff(COORDINATOR), [COORDINATOR]),
        (lambda: make_staff(MODERATOR), [MODERATOR]),
        (lambda: make_staff(EDITOR), [EDITOR]),
    ],
)
def test_roles(make, expected):
    assert make().roles == expected


def test_roles_combine():
    parent = ParentFactory()
    from organisations.services import add_member
    from tests.factories import OrganisationFactory

    add_member(organisation=OrganisationFactory(), user=parent)
    assert parent.roles == [PARENT, PARTNER]


def test_member_of_a_pending_organisation_is_not_yet_a_partner():
    from organisations.models import OrganisationStatus
    from tests.factories import OrganisationFactory

    user = make_partner(OrganisationFactory(status=OrganisationStatus.PENDING))
    assert PARTNER not in user.roles
