import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from network.models import (
    ChatMessage,
    HandRaise,
    Invitation,
    Network,
    NetworkMember,
    PollVote,
    Session,
    parse_postcode_ranges,
)
from tests.factories import ProfessionalFactory

from .factories import make_case, make_invitation, make_member, make_network, make_poll, make_session

pytestmark = pytest.mark.django_db


def test_for_member_lists_only_the_users_networks():
    brussel = make_network()
    antwerpen = make_network(name="Lerend netwerk Antwerpen", postcode_ranges="2000-2999")
    member = make_member(brussel)
    assert list(Network.objects.for_member(member)) == [brussel]
    assert antwerpen not in Network.objects.for_member(member)
    assert not Network.objects.for_member(ProfessionalFactory()).exists()


def test_a_person_is_member_once():
    network = make_network()
    user = make_member(network)
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkMember.objects.create(network=network, user=user)


def test_network_name_and_description_follow_the_language():
    network = make_network()
    with translation.override("fr"):
        assert Network.objects.get(pk=network.pk).name == "Réseau apprenant Bruxelles"
    with translation.override("en"):
        assert Network.objects.get(pk=network.pk).description == "Together against early school leaving."


def test_postcode_ranges():
    assert parse_postcode_ranges("1000-1299, 1500-1999; 3000") == [(1000, 1299), (1500, 1999), (3000, 3000)]
    network = make_network(postcode_ranges="1000-1299, 1500-1999")
    assert network.covers_postcode("1070")
    assert network.covers_postcode("1500")
    assert not network.covers_postcode("2000")
    assert not network.covers_postcode("")
    with pytest.raises(ValueError):
        parse_postcode_ranges("Brussel")
    network.postcode_ranges = "1299-1000"
    with pytest.raises(ValidationError):
        network.clean()


def test_invitation_token_is_stored_hashed_and_found():
    network = make_network()
    invitation = make_invitation(network, email="New.Member@Example.org ")
    assert invitation.email == "new.member@example.org"
    assert invitation.token not in invitation.token_hash
    assert Invitation.find(invitation.token) == invitation
    assert Invitation.find("nonsense") is None
    assert invitation.is_usable
    invitation.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    assert not invitation.is_usable


def test_session_video_link_is_built_from_settings(settings):
    session = make_session(make_network())
    other = make_session(session.network)
    assert session.room_name != other.room_name and len(session.room_name) >= 20
    settings.VILLAGE_VIDEO_PROVIDER = "jitsi"
    settings.VILLAGE_JITSI_BASE_URL = "https://jitsi.example.org/"
    assert session.video_url == f"https://jitsi.example.org/Village-{session.room_name}"
    settings.VILLAGE_VIDEO_PROVIDER = "bigbluebutton"
    settings.VILLAGE_BBB_BASE_URL = "https://bbb.example.org"
    assert session.video_url.startswith("https://bbb.example.org/")
    assert session.room_name in session.video_url


def test_upcoming_and_past_sessions():
    network = make_network()
    now = timezone.now()
    live = make_session(network, starts_at=now - datetime.timedelta(hours=1), hours=3)
    past = make_session(network, starts_at=now - datetime.timedelta(days=3))
    future = make_session(network, starts_at=now + datetime.timedelta(days=3))
    assert list(Session.objects.upcoming()) == [live, future]
    assert list(Session.objects.past()) == [past]
    assert live.is_live() and not future.is_live()


def test_the_live_room_stays_open_a_while_after_the_end_and_never_once_cancelled(settings):
    settings.VILLAGE_NETWORK_ROOM_GRACE_MINUTES = 30
    session = make_session(make_network(), hours=2)
    end = session.ends_at
    minute = datetime.timedelta(minutes=1)
    assert session.room_is_open(session.starts_at - datetime.timedelta(days=1))  # to prepare
    assert session.room_is_open(session.starts_at + minute)
    assert session.room_is_open(end + 29 * minute)  # sessions run over
    assert not session.room_is_open(end + 30 * minute)
    settings.VILLAGE_NETWORK_ROOM_GRACE_MINUTES = 0
    assert not session.room_is_open(end)
    session.cancelled_at = timezone.now()
    assert not session.room_is_open(session.starts_at - datetime.timedelta(days=1))


def test_chat_backfill_and_one_vote_per_poll():
    network = make_network()
    user = make_member(network)
    session = make_session(network)
    first = ChatMessage.objects.create(session=session, author=user, text="Hallo")
    second = ChatMessage.objects.create(session=session, author=user, text="Daar ben ik")
    assert list(session.chat_messages.after(first.id)) == [second]
    poll = make_poll(session)
    yes, no = poll.options.all()
    PollVote.objects.create(poll=poll, option=yes, user=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        PollVote.objects.create(poll=poll, option=no, user=user)
    assert [(option.text, votes) for option, votes in poll.results()] == [("Ja", 1), ("Nee", 0)]


def test_speaking_queue_in_order_of_raising():
    network = make_network()
    first, second = make_member(network), make_member(network)
    session = make_session(network)
    HandRaise.objects.create(session=session, user=second, raised_at=timezone.now())
    HandRaise.objects.create(
        session=session, user=first, raised_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert [raise_.user for raise_ in session.hand_raises.queue()] == [first, second]


def test_cases_due_for_deletion_after_retention(settings):
    settings.VILLAGE_CASE_RETENTION_MONTHS = 12
    network = make_network()
    old = make_case(network, archived_at=timezone.now() - datetime.timedelta(days=400))
    recent = make_case(network, archived_at=timezone.now() - datetime.timedelta(days=30))
    open_case = make_case(network)
    due = set(type(old).objects.due_for_deletion())
    assert old in due and recent not in due and open_case not in due


def test_reserved_slugs_are_refused():
    network = make_network()
    network.slug = "practices"
    with pytest.raises(ValidationError):
        network.clean()
