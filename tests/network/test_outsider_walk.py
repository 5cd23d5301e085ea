"""Everything inside a network is for its members only: an outsider walks EVERY URL of
network.urls and gets a 404 — the same answer as for a network that does not exist.

Outsiders: an anonymous visitor, a signed-in user, and a facilitator of ANOTHER network.
Every URL pattern needs an entry in PARAMS (how to fill in its arguments from the objects
of the secret network); a new URL without one fails `test_every_url_has_an_entry`.
Documented exceptions: the list of one's own networks (anonymous visitors are sent to log
in; others see their own, empty list) and the public library of good practices (which must
not show the network-only practice).
"""

import datetime
import secrets

import pytest
from django.urls import reverse
from django.utils import timezone

from network import urls as network_urls
from network.models import (
    Case,
    CaseResponse,
    Invitation,
    NetworkMember,
    Practice,
    Rsvp,
    Session,
    Signal,
    SignalBundle,
)
from tests.factories import ProfessionalFactory, log_in

from .factories import (
    make_bundle,
    make_case,
    make_facilitator,
    make_invitation,
    make_member,
    make_network,
    make_poll,
    make_practice,
    make_session,
    make_signal,
)

pytestmark = pytest.mark.django_db

SECRET_NAME = "Geheim netwerk Zuid"
SECRET_TEXT = "Vertrouwelijke situatie Zuid"

# URL name -> {argument: function(objects) -> value}. The walk fills in the secret network's
# objects; "missing" fills in values that exist nowhere, for the comparison.
PARAMS = {
    "invitation_accept": {"token": lambda o: o["bogus_token"]},
    "practice_detail": {"pk": lambda o: o["practice"].pk},
    "network_detail": {"slug": lambda o: o["slug"]},
    "profile_edit": {"slug": lambda o: o["slug"]},
    "leave": {"slug": lambda o: o["slug"]},
    "member_manage": {"slug": lambda o: o["slug"]},
    "member_update": {"slug": lambda o: o["slug"], "pk": lambda o: o["membership"].pk},
    "invite": {"slug": lambda o: o["slug"]},
    "invitation_withdraw": {"slug": lambda o: o["slug"], "pk": lambda o: o["invitation"].pk},
    "session_create": {"slug": lambda o: o["slug"]},
    "session_detail": {"slug": lambda o: o["slug"], "pk": lambda o: o["session"].pk},
    "session_rsvp": {"slug": lambda o: o["slug"], "pk": lambda o: o["session"].pk},
    "session_cancel": {"slug": lambda o: o["slug"], "pk": lambda o: o["session"].pk},
    "session_ical": {"slug": lambda o: o["slug"], "pk": lambda o: o["session"].pk},
    "session_minutes": {"slug": lambda o: o["slug"], "pk": lambda o: o["session"].pk},
    "session_room": {"slug": lambda o: o["slug"], "pk": lambda o: o["session"].pk},
    "practice_list": {"slug": lambda o: o["slug"]},
    "practice_create": {"slug": lambda o: o["slug"]},
    "practice_edit": {"slug": lambda o: o["slug"], "pk": lambda o: o["practice"].pk},
    "overview": {"slug": lambda o: o["slug"]},
    "case_list": {"slug": lambda o: o["slug"]},
    "case_create": {"slug": lambda o: o["slug"]},
    "case_access_log": {"slug": lambda o: o["slug"]},
    "case_detail": {"slug": lambda o: o["slug"], "pk": lambda o: o["case"].pk},
    "case_edit": {"slug": lambda o: o["slug"], "pk": lambda o: o["case"].pk},
    "case_respond": {"slug": lambda o: o["slug"], "pk": lambda o: o["case"].pk},
    "case_outcome": {"slug": lambda o: o["slug"], "pk": lambda o: o["case"].pk},
    "case_archive": {"slug": lambda o: o["slug"], "pk": lambda o: o["case"].pk},
    "case_log": {"slug": lambda o: o["slug"], "pk": lambda o: o["case"].pk},
    "signal_list": {"slug": lambda o: o["slug"]},
    "signal_create": {"slug": lambda o: o["slug"]},
    "signal_export": {"slug": lambda o: o["slug"]},
    "signal_report": {"slug": lambda o: o["slug"]},
    "signal_detail": {"slug": lambda o: o["slug"], "pk": lambda o: o["signal"].pk},
    "signal_edit": {"slug": lambda o: o["slug"], "pk": lambda o: o["signal"].pk},
    "signal_endorse": {"slug": lambda o: o["slug"], "pk": lambda o: o["signal"].pk},
    "signal_add": {"slug": lambda o: o["slug"], "pk": lambda o: o["signal"].pk},
    "signal_status": {"slug": lambda o: o["slug"], "pk": lambda o: o["signal"].pk},
    "bundle_create": {"slug": lambda o: o["slug"]},
    "bundle_detail": {"slug": lambda o: o["slug"], "pk": lambda o: o["bundle"].pk},
}

# Not inside one network: checked separately below.
EXCEPTIONS = {"my_networks", "practice_library"}


def url_names():
    return [pattern.name for pattern in network_urls.urlpatterns]


def test_every_url_has_an_entry():
    missing = [name for name in url_names() if name not in PARAMS and name not in EXCEPTIONS]
    assert not missing, f"Add these URLs to PARAMS in {__name__}: {missing}"
    for pattern in network_urls.urlpatterns:
        if pattern.name in PARAMS:
            assert set(pattern.pattern.converters) == set(PARAMS[pattern.name]), pattern.name


def build_secret_network():
    network = make_network(name=SECRET_NAME, name_fr=SECRET_NAME, name_en=SECRET_NAME, slug="zuid-geheim")
    facilitator = make_facilitator(network)
    member = make_member(network)
    now = timezone.now()
    session = make_session(
        network, title=SECRET_TEXT, starts_at=now - datetime.timedelta(minutes=30), agenda=[SECRET_TEXT]
    )
    make_poll(session)
    case = make_case(network, author=member, situation=SECRET_TEXT)
    CaseResponse.objects.create(case=case, author=facilitator, text=SECRET_TEXT)
    practice = make_practice(network, author=member, title=SECRET_TEXT, visibility="network")
    bundle = make_bundle(network, title=SECRET_TEXT)
    signal = make_signal(network, author=member, title=SECRET_TEXT, bundle=bundle)
    invitation = make_invitation(network, email="invited@example.org", invited_by=facilitator)
    return {
        "network": network,
        "slug": network.slug,
        "facilitator": facilitator,
        "member": member,
        "membership": NetworkMember.objects.get(user=member),
        "session": session,
        "case": case,
        "practice": practice,
        "bundle": bundle,
        "signal": signal,
        "invitation": invitation,
        "bogus_token": secrets.token_urlsafe(32),
    }


def missing_objects(objects):
    """The same shape, pointing at nothing: what an outsider must not be able to tell apart."""
    nothing = type("Nothing", (), {"pk": 987654321})()
    return {
        **{key: nothing for key in objects},
        "slug": "does-not-exist",
        "bogus_token": secrets.token_urlsafe(32),
    }


def snapshot():
    return [
        model.objects.count()
        for model in (
            NetworkMember,
            Session,
            Rsvp,
            Case,
            CaseResponse,
            Practice,
            Signal,
            SignalBundle,
            Invitation,
        )
    ] + [
        Case.objects.filter(archived_at__isnull=False).count(),
        Signal.objects.exclude(status="open").count(),
    ]


def walk(client, objects):
    """(name, method, status) for every URL that must be closed to this client."""
    missing = missing_objects(objects)
    results = []
    for name, arguments in PARAMS.items():
        if name not in url_names():  # built by a part not merged yet
            continue
        url = reverse(f"network:{name}", kwargs={key: value(objects) for key, value in arguments.items()})
        nowhere = reverse(f"network:{name}", kwargs={key: value(missing) for key, value in arguments.items()})
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            reference = getattr(client, method)(nowhere)
            body = response.content.decode("utf-8", "replace")
            results.append((name, method, response.status_code, reference.status_code))
            assert SECRET_NAME not in body and SECRET_TEXT not in body, (name, method)
    return results


def assert_all_closed(results):
    wrong = [
        (name, method, status)
        for name, method, status, reference in results
        # A 404, or the very same answer as for nothing at all (a 405 for the wrong method
        # comes before any lookup and tells nothing).
        if not (status == 404 or (status == reference and status == 405))
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("who", ["anonymous", "plain user", "facilitator of another network"])
def test_outsiders_get_404_everywhere(client, who):
    objects = build_secret_network()
    if who == "plain user":
        log_in(client, ProfessionalFactory())
    elif who == "facilitator of another network":
        other = make_network(name="Ander netwerk", slug="ander")
        log_in(client, make_facilitator(other))
    before = snapshot()
    assert_all_closed(walk(client, objects))
    assert snapshot() == before, "an outsider changed something"


def test_a_member_does_get_in(client):
    """The walk above would pass on a site that 404s everyone: members must see the pages."""
    objects = build_secret_network()
    log_in(client, objects["member"])
    for name in (
        "network_detail",
        "session_detail",
        "session_ical",
        "case_detail",
        "signal_detail",
        "practice_list",
    ):
        if name not in url_names():
            continue
        arguments = PARAMS[name]
        url = reverse(f"network:{name}", kwargs={key: value(objects) for key, value in arguments.items()})
        assert client.get(url).status_code == 200, name


def test_my_networks_and_public_library_do_not_show_the_network(client):
    objects = build_secret_network()
    assert client.get(reverse("network:my_networks")).status_code == 302  # to the login page
    log_in(client, ProfessionalFactory())
    body = client.get(reverse("network:my_networks")).content.decode()
    assert SECRET_NAME not in body
    if "practice_library" in url_names():
        body = client.get(reverse("network:practice_library")).content.decode()
        assert SECRET_TEXT not in body
    assert objects["practice"].visibility == "network"


def test_invitation_link_with_a_real_token_is_for_the_invitee_only(client):
    """The token is the capability: without it, nothing; with it, only the invited address joins."""
    objects = build_secret_network()
    log_in(client, ProfessionalFactory(email="someone.else@example.org"))
    url = reverse("network:invitation_accept", kwargs={"token": objects["invitation"].token})
    client.post(url)
    assert not NetworkMember.objects.filter(user__email="someone.else@example.org").exists()


def test_not_in_the_sitemap(client, site_root):
    objects = build_secret_network()
    body = client.get("/sitemap.xml").content.decode()
    assert "/networks/" not in body and objects["network"].slug not in body


def test_no_email_about_a_network_goes_to_outsiders(client, mailoutbox):
    """Scheduling a session and publishing minutes e-mail the members, nobody else."""
    from network import services

    objects = build_secret_network()
    outsider = ProfessionalFactory()
    network = objects["network"]
    session = services.schedule_session(
        actor=objects["facilitator"],
        network=network,
        title="Volgende keer",
        starts_at=timezone.now() + datetime.timedelta(days=2),
        ends_at=timezone.now() + datetime.timedelta(days=2, hours=2),
    )
    services.save_minutes(
        actor=objects["facilitator"], session=session, minutes="x", decisions="", publish=True
    )
    recipients = {address for message in mailoutbox for address in message.to}
    assert outsider.email not in recipients
    assert recipients == {objects["facilitator"].email, objects["member"].email}
