import pytest
from django.core import mail
from django.urls import reverse

from accounts.roles import EDITOR, MODERATOR, PARTNER
from organisations.models import Membership, Organisation, OrganisationStatus
from tests.factories import OrganisationFactory, ParentFactory, ProfessionalFactory, make_partner, make_staff

pytestmark = pytest.mark.django_db

REQUEST = {
    "name": "Jeugdhuis Kuregem",
    "kind": "youth_work",
    "description": "Vrije tijd voor jongeren",
    "phone": "+32 2 555 00 11",
    "email": "info@jeugdhuis.example.org",
    "website": "",
    "street": "Wayezstraat 1",
    "postcode": "1070",
    "municipality": "Anderlecht",
}


def test_a_professional_registers_an_organisation_and_editors_are_told(client, site_root):
    editor = make_staff(EDITOR, preferred_language="fr")
    requester = ProfessionalFactory()
    client.force_login(requester)
    response = client.post(reverse("organisations:request"), REQUEST)
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Jeugdhuis Kuregem")
    assert organisation.status == OrganisationStatus.PENDING
    assert organisation.requested_by == requester
    assert Membership.objects.filter(organisation=organisation, user=requester).exists()
    assert PARTNER not in requester.roles  # not before approval
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Jeugdhuis Kuregem" in mail.outbox[0].subject


@pytest.mark.parametrize(
    "overrides",
    [{"name": ""}, {"phone": ""}, {"kind": "bakery"}, {"website": "not a url"}, {"email": "nope"}],
)
def test_bad_organisation_input_is_refused_whole(client, site_root, overrides):
    client.force_login(ProfessionalFactory())
    response = client.post(reverse("organisations:request"), {**REQUEST, **overrides})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()


def test_organisation_names_are_unique(client, site_root):
    OrganisationFactory(name="Jeugdhuis Kuregem")
    client.force_login(ProfessionalFactory())
    response = client.post(reverse("organisations:request"), REQUEST)
    assert "name" in response.context["form"].errors


def test_editor_approves_and_members_become_partners(client, site_root):
    organisation = OrganisationFactory(status=OrganisationStatus.PENDING)
    member = ProfessionalFactory(preferred_language="fr")
    Membership.objects.create(organisation=organisation, user=member)
    client.force_login(make_staff(EDITOR))
    response = client.post(
        reverse("organisations_decide", args=[organisation.pk]),
        {"decision": "approve", "reason": "Bienvenue"},
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.APPROVED
    assert PARTNER in type(member).objects.get(pk=member.pk).roles
    assert member.has_perm("wagtailadmin.access_admin")
    assert mail.outbox[-1].to == [member.email]
    assert "approuvée" in mail.outbox[-1].subject or "approuv" in mail.outbox[-1].body


def test_editor_rejects_with_a_reason(client, site_root):
    organisation = OrganisationFactory(status=OrganisationStatus.PENDING)
    member = ProfessionalFactory()
    Membership.objects.create(organisation=organisation, user=member)
    client.force_login(make_staff(EDITOR))
    client.post(
        reverse("organisations_decide", args=[organisation.pk]),
        {"decision": "reject", "reason": "Geen aanbod"},
    )
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.REJECTED
    assert "Geen aanbod" in mail.outbox[-1].body
    assert PARTNER not in member.roles


@pytest.mark.parametrize("make", [ParentFactory, make_partner, lambda: make_staff(MODERATOR)])
def test_only_editors_decide(client, site_root, make):
    organisation = OrganisationFactory(status=OrganisationStatus.PENDING)
    client.force_login(make())
    response = client.post(reverse("organisations_decide", args=[organisation.pk]), {"decision": "approve"})
    assert response.status_code in (302, 403)
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.PENDING


def test_editor_sees_pending_organisations_in_the_admin(client, site_root):
    OrganisationFactory(name="Wachtende Club", status=OrganisationStatus.PENDING)
    client.force_login(make_staff(EDITOR))
    response = client.get(reverse("wagtailsnippets_organisations_organisation:list") + "?status=pending")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wachtende Club" in html
    assert reverse("organisations_decide", args=[Organisation.objects.get().pk]) in html


def test_registering_an_organisation_needs_login(client, site_root):
    response = client.get(reverse("organisations:request"))
    assert response.status_code == 302
