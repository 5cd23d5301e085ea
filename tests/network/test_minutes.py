"""After a session the facilitator writes minutes pre-filled from agenda and polls, and publishes them."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from network.models import AgendaItem, PollVote, Session
from tests.factories import ProfessionalFactory, log_in

from .factories import make_facilitator, make_member, make_network, make_poll, make_session

pytestmark = pytest.mark.django_db


def ended_session(network):
    session = make_session(
        network, starts_at=timezone.now() - datetime.timedelta(hours=3), agenda=["Welkom", "Wachtlijsten"]
    )
    AgendaItem.objects.filter(session=session, title="Wachtlijsten").update(notes="Drie huiswerkscholen vol.")
    return session


def test_minutes_form_is_prefilled_from_agenda_and_polls(client):
    network = make_network()
    facilitator = make_facilitator(network)
    voters = [make_member(network) for _ in range(3)]
    session = ended_session(network)
    poll = make_poll(session, question="Volgende keer in een school?", options=("Ja", "Nee"))
    yes, no = poll.options.all()
    for voter, option in zip(voters, [yes, yes, no], strict=True):
        PollVote.objects.create(poll=poll, option=option, user=voter)
    log_in(client, facilitator, language="en")
    with translation.override("en"):
        page = client.get(f"/en/networks/{network.slug}/sessions/{session.pk}/minutes/").content.decode()
    assert "1. Welkom" in page
    assert "2. Wachtlijsten" in page and "Drie huiswerkscholen vol." in page
    assert "Volgende keer in een school?" in page
    assert "Ja: 2 (67%)" in page and "Nee: 1 (33%)" in page
    assert "Polls" in page


def test_publishing_emails_the_members_in_their_language(client):
    network = make_network()
    facilitator = make_facilitator(network)
    member = make_member(network, user=ProfessionalFactory(preferred_language="fr"))
    outsider = ProfessionalFactory()
    session = ended_session(network)
    log_in(client, facilitator)
    url = f"/nl/networks/{network.slug}/sessions/{session.pk}/minutes/"
    client.post(url, {"minutes": "Goed gesprek.", "decisions": "Nadia maakt de lijst.\nSignaal bundelen."})
    session.refresh_from_db()
    assert session.minutes == "Goed gesprek." and session.minutes_published_at is None
    assert not mail.outbox
    # Not yet visible to members.
    client.logout()
    log_in(client, member)
    assert "Goed gesprek." not in client.get(session.get_absolute_url()).content.decode()
    client.logout()
    log_in(client, facilitator)
    response = client.post(
        url, {"minutes": "Goed gesprek.", "decisions": "Nadia maakt de lijst.", "publish": "1"}
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.minutes_published_at is not None
    assert [message.to[0] for message in mail.outbox] == [member.email]
    assert outsider.email not in mail.outbox[0].to
    assert f"/fr/networks/{network.slug}/sessions/{session.pk}/" in mail.outbox[0].body
    assert "Goed gesprek." not in mail.outbox[0].body  # the content stays on the platform
    client.logout()
    log_in(client, member)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Goed gesprek." in page and "Nadia maakt de lijst." in page


def test_publishing_empty_minutes_is_refused(client):
    network = make_network()
    facilitator = make_facilitator(network)
    session = ended_session(network)
    log_in(client, facilitator, language="en")
    with translation.override("en"):
        response = client.post(
            f"/en/networks/{network.slug}/sessions/{session.pk}/minutes/",
            {"minutes": " ", "decisions": "", "publish": "1"},
        )
    assert response.status_code == 200
    assert "Write the minutes or the decisions before publishing them." in response.content.decode()
    assert Session.objects.get().minutes_published_at is None


def test_members_cannot_write_minutes(client):
    network = make_network()
    member = make_member(network)
    session = ended_session(network)
    log_in(client, member)
    url = f"/nl/networks/{network.slug}/sessions/{session.pk}/minutes/"
    assert client.post(url, {"minutes": "x", "publish": "1"}).status_code == 403
    assert Session.objects.get().minutes == ""
