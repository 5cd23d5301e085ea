"""Facilitators invite people by e-mail; an invitation is accepted once and expires."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone, translation

from network.models import Invitation, MemberRole, NetworkMember
from tests.factories import ProfessionalFactory, log_in

from .factories import make_facilitator, make_invitation, make_member, make_network

pytestmark = pytest.mark.django_db


def accept_link(message):
    return re.search(r"https?://\S+?(/\w\w/networks/invitations/[^/\s]+/)", message.body).group(1)


def test_facilitator_invites_by_email_in_the_invitees_language(client):
    network = make_network()
    facilitator = make_facilitator(network)
    existing = ProfessionalFactory(email="known@example.org", preferred_language="fr")
    log_in(client, facilitator)
    response = client.post(
        f"/nl/networks/{network.slug}/invite/",
        {"emails": "known@example.org, New.Person@example.org", "role": "member", "language": "en"},
    )
    assert response.status_code == 302
    assert Invitation.objects.filter(network=network).count() == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Réseau apprenant Bruxelles" in by_address["known@example.org"].subject
    assert "/fr/networks/invitations/" in by_address["known@example.org"].body
    assert "Learning network Brussels" in by_address["new.person@example.org"].subject
    assert "/en/networks/invitations/" in by_address["new.person@example.org"].body
    assert existing.pk  # the known person got French, the new one the form's English


def test_invite_form_rejects_bad_addresses_next_to_the_field(client):
    network = make_network()
    log_in(client, make_facilitator(network))
    with translation.override("en"):
        response = client.post(
            f"/en/networks/{network.slug}/invite/",
            {"emails": "not-an-address", "role": "member", "language": "en"},
        )
    assert response.status_code == 200
    assert "These are not e-mail addresses: not-an-address" in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_plain_member_cannot_invite(client):
    network = make_network()
    log_in(client, make_member(network))
    assert client.get(f"/nl/networks/{network.slug}/invite/").status_code == 403


def test_existing_members_are_not_invited_again(client):
    network = make_network()
    member = make_member(network)
    log_in(client, make_facilitator(network))
    client.post(
        f"/nl/networks/{network.slug}/invite/", {"emails": member.email, "role": "member", "language": "nl"}
    )
    assert not Invitation.objects.exists()


def test_accept_logged_in_makes_a_member_once(client):
    network = make_network()
    invitation = make_invitation(network, email="invitee@example.org", role=MemberRole.FACILITATOR)
    invitee = ProfessionalFactory(email="invitee@example.org")
    log_in(client, invitee)
    url = f"/nl/networks/invitations/{invitation.token}/"
    assert "Lerend netwerk Brussel" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    membership = NetworkMember.objects.get(network=network, user=invitee)
    assert membership.role == MemberRole.FACILITATOR
    invitation.refresh_from_db()
    assert invitation.accepted_by == invitee

    # Used: someone else with the same link gets a clear message, and is not added.
    other = ProfessionalFactory(email="other@example.org")
    client.logout()
    log_in(client, other, language="en")
    with translation.override("en"):
        response = client.post(f"/en/networks/invitations/{invitation.token}/")
    assert response.status_code == 410
    assert "This invitation has already been used" in response.content.decode()
    assert not NetworkMember.objects.filter(user=other).exists()


def test_expired_invitation_says_so_in_french(client):
    network = make_network()
    invitation = make_invitation(network, email="late@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    log_in(client, ProfessionalFactory(email="late@example.org"), language="fr")
    with translation.override("fr"):
        response = client.post(f"/fr/networks/invitations/{invitation.token}/")
    assert response.status_code == 410
    assert not NetworkMember.objects.filter(network=network).exists()
    with translation.override("fr"):
        from django.utils.html import escape
        from django.utils.translation import gettext

        expected = escape(
            gettext("This invitation has expired. Ask the facilitator of the network for a new one.")
        )
    assert expected in response.content.decode()


def test_invitation_for_another_address_is_refused(client):
    network = make_network()
    invitation = make_invitation(network, email="right@example.org")
    log_in(client, ProfessionalFactory(email="wrong@example.org"))
    client.post(f"/nl/networks/invitations/{invitation.token}/")
    assert not NetworkMember.objects.filter(network=network).exists()


def test_anonymous_sees_log_in_and_sign_up_then_accepts(client):
    network = make_network()
    invitation = make_invitation(network, email="fresh@example.org")
    url = f"/nl/networks/invitations/{invitation.token}/"
    response = client.get(url)
    assert response.status_code == 200
    assert f"/nl/accounts/login/?next={url}" in response.content.decode()
    assert client.post(url).status_code == 200  # nothing happens without logging in
    assert not NetworkMember.objects.exists()
    user = ProfessionalFactory(email="fresh@example.org")
    log_in(client, user)
    client.post(url)
    assert NetworkMember.objects.filter(network=network, user=user).exists()


def test_unknown_token_is_404(client):
    assert client.get("/nl/networks/invitations/not-a-token/").status_code == 404


def test_withdrawn_invitation_no_longer_works(client):
    network = make_network()
    facilitator = make_facilitator(network)
    invitation = make_invitation(network, email="x@example.org")
    log_in(client, facilitator)
    client.post(f"/nl/networks/{network.slug}/invitations/{invitation.pk}/withdraw/")
    client.logout()
    log_in(client, ProfessionalFactory(email="x@example.org"))
    assert client.post(f"/nl/networks/invitations/{invitation.token}/").status_code == 410
    assert not NetworkMember.objects.filter(network=network, user__email="x@example.org").exists()


def test_email_link_works_end_to_end(client):
    network = make_network()
    log_in(client, make_facilitator(network))
    client.post(
        f"/nl/networks/{network.slug}/invite/",
        {"emails": "link@example.org", "role": "member", "language": "nl"},
    )
    link = accept_link(mail.outbox[0])
    client.logout()
    user = ProfessionalFactory(email="link@example.org")
    log_in(client, user)
    client.post(link)
    assert NetworkMember.objects.filter(network=network, user=user).exists()
