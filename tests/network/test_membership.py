"""Members, profiles, roles; the members-only rule for the core pages."""

import pytest
from django.utils import translation

from network.models import MemberRole, NetworkMember
from tests.factories import ProfessionalFactory, log_in

from .factories import make_facilitator, make_member, make_network

pytestmark = pytest.mark.django_db


def test_my_networks_lists_only_mine_and_header_links_it(client):
    brussel = make_network()
    antwerpen = make_network(
        name="Lerend netwerk Antwerpen", name_fr="Réseau apprenant Anvers", name_en="Antwerp"
    )
    member = make_member(brussel)
    log_in(client, member)
    page = client.get("/nl/networks/").content.decode()
    assert "Lerend netwerk Brussel" in page
    assert "Lerend netwerk Antwerpen" not in page
    assert 'href="/nl/networks/"' in page  # header link
    assert antwerpen.pk


def test_header_link_only_for_members(client):
    log_in(client, ProfessionalFactory())
    page = client.get("/nl/me/").content.decode()
    assert 'href="/nl/networks/"' not in page


def test_anonymous_my_networks_goes_to_login(client):
    response = client.get("/nl/networks/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_network_home_shows_members_with_role_and_profile(client):
    network = make_network()
    facilitator = make_facilitator(network, organisation="Opgroeien", function="Coördinator")
    member = make_member(network, organisation="Huiswerkschool Kuregem", phone="+32 2 555 00 00")
    log_in(client, member, language="en")
    with translation.override("en"):
        page = client.get(f"/en/networks/{network.slug}/").content.decode()
    assert "Learning network Brussels" in page
    assert "Together against early school leaving." in page
    assert facilitator.display_name in page and "Facilitator" in page
    assert "Huiswerkschool Kuregem" in page and "+32 2 555 00 00" in page
    assert "Invite people" not in page  # plain members don't manage


def test_member_edits_profile(client):
    network = make_network()
    member = make_member(network)
    log_in(client, member)
    response = client.post(
        f"/nl/networks/{network.slug}/profile/",
        {
            "organisation": "AMO Brabantwijk",
            "function": "Straathoekwerker",
            "region": "Schaarbeek",
            "phone": "",
        },
    )
    assert response.status_code == 302
    assert NetworkMember.objects.get(user=member).organisation == "AMO Brabantwijk"


def test_facilitator_changes_role_and_removes_member(client):
    network = make_network()
    facilitator = make_facilitator(network)
    member = make_member(network)
    membership = NetworkMember.objects.get(user=member)
    log_in(client, facilitator)
    client.post(
        f"/nl/networks/{network.slug}/members/{membership.pk}/", {"action": "role", "role": "facilitator"}
    )
    membership.refresh_from_db()
    assert membership.role == MemberRole.FACILITATOR
    client.post(f"/nl/networks/{network.slug}/members/{membership.pk}/", {"action": "remove"})
    assert not NetworkMember.objects.filter(pk=membership.pk).exists()


def test_the_last_facilitator_cannot_step_down_or_leave(client):
    network = make_network()
    facilitator = make_facilitator(network)
    own = NetworkMember.objects.get(user=facilitator)
    log_in(client, facilitator, language="en")
    with translation.override("en"):
        response = client.post(
            f"/en/networks/{network.slug}/members/{own.pk}/",
            {"action": "role", "role": "member"},
            follow=True,
        )
    assert "A network needs at least one facilitator" in response.content.decode()
    own.refresh_from_db()
    assert own.role == MemberRole.FACILITATOR
    client.post(f"/en/networks/{network.slug}/leave/")
    assert NetworkMember.objects.filter(pk=own.pk).exists()


def test_member_leaves(client):
    network = make_network()
    make_facilitator(network)
    member = make_member(network)
    log_in(client, member)
    client.post(f"/nl/networks/{network.slug}/leave/")
    assert not NetworkMember.objects.filter(user=member).exists()
    assert client.get(f"/nl/networks/{network.slug}/").status_code == 404


def test_facilitator_cannot_touch_members_of_another_network(client):
    brussel, antwerpen = make_network(), make_network()
    log_in(client, make_facilitator(brussel))
    other = NetworkMember.objects.get(user=make_member(antwerpen))
    response = client.post(f"/nl/networks/{brussel.slug}/members/{other.pk}/", {"action": "remove"})
    assert response.status_code == 404
    assert NetworkMember.objects.filter(pk=other.pk).exists()


def test_network_home_query_count_does_not_grow(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import make_session

    network = make_network()
    facilitator = make_facilitator(network)
    log_in(client, facilitator)
    make_member(network)
    make_session(network)
    client.get(f"/nl/networks/{network.slug}/")  # warm up (session, caches)
    with CaptureQueriesContext(connection) as small:
        assert client.get(f"/nl/networks/{network.slug}/").status_code == 200
    for _ in range(8):
        make_member(network)
        make_session(network)
    with CaptureQueriesContext(connection) as big:
        assert client.get(f"/nl/networks/{network.slug}/").status_code == 200
    assert len(big.captured_queries) == len(small.captured_queries)
    with CaptureQueriesContext(connection) as listing:
        client.get("/nl/networks/")
    for _ in range(3):
        network = make_network()
        make_member(network, user=facilitator)
        make_session(network)
    with django_assert_max_num_queries(len(listing.captured_queries)):
        client.get("/nl/networks/")


def test_anonymous_gets_404_with_a_way_to_log_in(client):
    network = make_network()
    member = make_member(network)
    response = client.get(f"/nl/networks/{network.slug}/")
    assert response.status_code == 404
    assert "Lerend netwerk Brussel" not in response.content.decode()
    login = f"/nl/accounts/login/?next=/nl/networks/{network.slug}/"
    assert login in response.content.decode()
    response = client.post(login, {"login": member.email, "password": "a-long-test-password"})
    assert response["Location"] == f"/nl/networks/{network.slug}/"
    assert client.get(response["Location"]).status_code == 200
