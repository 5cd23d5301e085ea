"""Facilitators schedule sessions; members get an e-mail with an .ics file in their language and RSVP."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from network.models import AgendaItem, Rsvp, Session
from tests.factories import ProfessionalFactory, log_in

from .factories import make_facilitator, make_member, make_network, make_session

pytestmark = pytest.mark.django_db


def next_week():
    return (timezone.localdate() + datetime.timedelta(days=7)).isoformat()


def schedule(client, network, **overrides):
    data = {
        "title": "Netwerkmoment",
        "date": next_week(),
        "start_time": "13:30",
        "duration": "120",
        "agenda": "Welkom\n- Casusoverleg\n\nAfspraken",
    }
    data.update(overrides)
    return client.post(f"/nl/networks/{network.slug}/sessions/new/", data)


def test_facilitator_schedules_and_members_get_an_invitation_with_ics(client, settings):
    settings.VILLAGE_VIDEO_PROVIDER = "jitsi"
    settings.VILLAGE_JITSI_BASE_URL = "https://meet.example.org"
    network = make_network()
    facilitator = make_facilitator(network)
    french = make_member(network, user=ProfessionalFactory(preferred_language="fr"))
    english = make_member(network, user=ProfessionalFactory(preferred_language="en"))
    outsider = ProfessionalFactory()
    log_in(client, facilitator)
    response = schedule(client, network)
    session = Session.objects.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert [item.title for item in session.agenda_items.all()] == ["Welkom", "Casusoverleg", "Afspraken"]
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "13:30"
    assert session.ends_at - session.starts_at == datetime.timedelta(hours=2)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert outsider.email not in by_address
    assert set(by_address) == {facilitator.email, french.email, english.email}
    message = by_address[french.email]
    assert "Netwerkmoment" in message.subject
    assert "Casusoverleg" in message.body
    assert f"/fr/networks/{network.slug}/sessions/{session.pk}/" in message.body
    (name, content, mimetype) = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    assert (
        "BEGIN:VEVENT" in content
        and f"https://meet.example.org/Village-{session.room_name}" in content.replace("\r\n ", "")
    )
    assert "DTSTART:" in content and "SUMMARY:Netwerkmoment" in content
    english_ics = by_address[english.email].attachments[0][1].replace("\r\n ", "")
    assert "Video call:" in english_ics and "/en/networks/" in english_ics
    with translation.override("fr"):
        assert "/fr/networks/" in content.replace("\r\n ", "")


def test_session_in_the_past_is_refused_with_a_message_next_to_the_field(client):
    network = make_network()
    log_in(client, make_facilitator(network), language="en")
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    with translation.override("en"):
        response = client.post(
            f"/en/networks/{network.slug}/sessions/new/",
            {"title": "Te laat", "date": yesterday, "start_time": "10:00", "duration": "60", "agenda": ""},
        )
    assert response.status_code == 200
    assert "Choose a date and time in the future." in response.content.decode()
    assert not Session.objects.exists()
    assert not mail.outbox


def test_plain_member_cannot_schedule(client):
    network = make_network()
    log_in(client, make_member(network))
    assert schedule(client, network).status_code == 403
    assert not Session.objects.exists()


def test_member_answers_rsvp_and_sees_who_comes(client):
    network = make_network()
    member = make_member(network)
    other = make_member(network)
    session = make_session(network, agenda=["Welkom"])
    Rsvp.objects.create(session=session, user=other, answer="no")
    log_in(client, member, language="en")
    with translation.override("en"):
        url = session.get_absolute_url()
        client.post(f"{url}rsvp/", {"answer": "maybe"})
        client.post(f"{url}rsvp/", {"answer": "yes"})
        page = client.get(url).content.decode()
    assert Rsvp.objects.get(session=session, user=member).answer == "yes"
    assert Rsvp.objects.filter(session=session).count() == 2
    assert "I will come" in page
    assert member.display_name in page and other.display_name in page
    assert session.video_url in page
    assert "Welkom" in page


def test_rsvp_with_nonsense_is_refused(client):
    network = make_network()
    member = make_member(network)
    session = make_session(network)
    log_in(client, member)
    client.post(f"{session.get_absolute_url()}rsvp/", {"answer": "perhaps"})
    assert not Rsvp.objects.exists()


def test_session_page_links_to_live_room_and_calendar(client):
    network = make_network()
    member = make_member(network)
    session = make_session(network, starts_at=timezone.now() - datetime.timedelta(minutes=10))
    log_in(client, member)
    page = client.get(session.get_absolute_url()).content.decode()
    assert f"/nl/networks/{network.slug}/sessions/{session.pk}/calendar.ics" in page
    response = client.get(f"/nl/networks/{network.slug}/sessions/{session.pk}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in response.content


def test_session_page_query_count_does_not_grow(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    network = make_network()
    member = make_member(network)
    session = make_session(network, agenda=["a"])
    log_in(client, member)
    client.get(session.get_absolute_url())
    with CaptureQueriesContext(connection) as small:
        client.get(session.get_absolute_url())
    for number in range(10):
        person = make_member(network)
        Rsvp.objects.create(session=session, user=person, answer=["yes", "no", "maybe"][number % 3])
        AgendaItem.objects.create(session=session, order=number + 1, title=f"Punt {number}")
    with CaptureQueriesContext(connection) as big:
        client.get(session.get_absolute_url())
    assert len(big.captured_queries) == len(small.captured_queries)


def test_facilitator_cancels_and_members_are_told(client):
    network = make_network()
    facilitator = make_facilitator(network)
    member = make_member(network, user=ProfessionalFactory(preferred_language="en"))
    session = make_session(network, title="Netwerkmoment mei")
    log_in(client, facilitator)
    assert client.post(f"{session.get_absolute_url()}cancel/").status_code == 302
    session.refresh_from_db()
    assert session.cancelled_at is not None
    (message,) = [message for message in mail.outbox if message.to == [member.email]]
    assert "Netwerkmoment mei" in message.subject
    ics = message.attachments[0][1]
    assert "STATUS:CANCELLED" in ics and "SEQUENCE:1" in ics
    # No RSVP any more, and it is no longer among the upcoming sessions.
    client.logout()
    log_in(client, member)
    client.post(f"{session.get_absolute_url()}rsvp/", {"answer": "yes"})
    assert not Rsvp.objects.exists()
    assert "Netwerkmoment mei" not in client.get(f"/nl/networks/{network.slug}/").content.decode()


def test_member_cannot_cancel(client):
    network = make_network()
    member = make_member(network)
    session = make_session(network)
    log_in(client, member)
    assert client.post(f"{session.get_absolute_url()}cancel/").status_code == 403
    session.refresh_from_db()
    assert session.cancelled_at is None
