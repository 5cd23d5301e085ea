import pytest
from django.core.management import call_command
from django.utils import timezone

from network.models import Network, NetworkMember, Session

pytestmark = pytest.mark.django_db


def test_demo_networks_members_and_sessions(demo, client):
    brussel = Network.objects.get(slug="brussel")
    antwerpen = Network.objects.get(slug="antwerpen")
    assert brussel.name_fr == "Réseau apprenant Bruxelles" and brussel.description_en
    coordinator = NetworkMember.objects.get(network=brussel, user__email="coordinator@example.org")
    assert coordinator.is_facilitator
    both = NetworkMember.objects.filter(user__email="coordinator2@example.org")
    assert {membership.network for membership in both} == {brussel, antwerpen}
    live = [session for session in Session.objects.filter(network=brussel) if session.is_live()]
    assert live and live[0].agenda_items.count() >= 3
    assert timezone.localtime(live[0].starts_at).date() == timezone.localdate() or live[0].is_live()
    past = Session.objects.filter(network=brussel, minutes_published_at__isnull=False).get()
    assert past.has_ended() and past.decisions
    assert brussel.covers_postcode("1070") and antwerpen.covers_postcode("2800")


def test_demo_runs_twice(demo):
    counts = (Network.objects.count(), NetworkMember.objects.count(), Session.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (Network.objects.count(), NetworkMember.objects.count(), Session.objects.count()) == counts


def test_demo_coordinator_logs_in_and_sees_the_live_session(demo, client, settings):
    response = client.post(
        "/en/accounts/login/", {"login": "coordinator2@example.org", "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    page = client.get("/en/networks/").content.decode()
    assert "Learning network Brussels" in page and "Learning network Antwerp" in page
