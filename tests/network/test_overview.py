"""The regional overview: activities per theme × age group × municipality, and the gaps."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from network.overview import AGE_GROUPS, build_overview
from tests.activities.factories import ActivityFactory, ThemeFactory, VenueFactory
from tests.factories import OrganisationFactory, ProfessionalFactory, log_in
from tests.network.factories import make_member, make_network

pytestmark = pytest.mark.django_db
GROUPS = [group.key for group in AGE_GROUPS]  # 0_5, 6_11, 12_15, 16_18, parents


def activity_in(municipality, postcode, themes, **fields):
    organisation = OrganisationFactory()
    venue = VenueFactory(organisation=organisation, municipality=municipality, postcode=postcode)
    return ActivityFactory(organisation=organisation, venue=venue, themes=themes, **fields)


@pytest.fixture
def region():
    """A Brussels network with a small, known offer (and some activities that must not count)."""
    network = make_network(slug="brussel", postcode_ranges="1000-1299")
    homework = ThemeFactory(
        slug="homework", name_nl="Huiswerk", name_fr="Devoirs", name_en="Homework", sort_order=1
    )
    sport = ThemeFactory(slug="sport", name_nl="Sport", name_fr="Sport", name_en="Sport", sort_order=2)
    music = ThemeFactory(slug="music", name_nl="Muziek", name_fr="Musique", name_en="Music", sort_order=3)
    # Anderlecht: homework for 8–12 (primary: 6–11 and 12–15), sport for 14–18, a parent café.
    activity_in("Anderlecht", "1070", [homework], min_age=8, max_age=12)
    activity_in(
        "Anderlecht", "1070", [homework, sport], min_age=14, max_age=18, for_children=False, for_youths=True
    )
    activity_in(
        "Anderlecht", "1070", [homework], min_age=None, max_age=None, for_children=False, for_parents=True
    )
    # Sint-Gillis, typed in French by one partner and in Dutch by another: one municipality.
    activity_in("Saint-Gilles", "1060", [sport], min_age=3, max_age=6)
    activity_in("Sint-Gillis", "1060", [sport], min_age=None, max_age=None, for_children=True)
    # Not counted: outside the region, a draft, an ended activity, an online one.
    activity_in("Mechelen", "2800", [music], min_age=8, max_age=12)
    activity_in("Anderlecht", "1070", [music], live=False)
    ended = activity_in("Anderlecht", "1070", [music])
    ended.__class__.objects.filter(pk=ended.pk).update(last_session_date="2000-01-01")
    ActivityFactory(venue=None, is_online=True, themes=[music])
    return network


def counts(row):
    return dict(zip(GROUPS, [count for _group, count in row.counts], strict=True))


def test_counts_per_theme_age_group_and_municipality(region):
    places, themes = build_overview(region)
    assert [place.label for place in places] == ["Anderlecht", "Sint-Gillis"]
    anderlecht, sint_gillis = places
    assert anderlecht.total == 3 and sint_gillis.total == 2
    assert counts(anderlecht.totals) == {"0_5": 0, "6_11": 1, "12_15": 2, "16_18": 1, "parents": 1}
    homework, sport, music = anderlecht.themes
    assert counts(homework) == {"0_5": 0, "6_11": 1, "12_15": 2, "16_18": 1, "parents": 1}
    assert counts(sport) == {"0_5": 0, "6_11": 0, "12_15": 1, "16_18": 1, "parents": 0}
    assert counts(music) == {key: 0 for key in GROUPS}  # draft, ended and online ones do not count
    assert anderlecht.empty_themes == ["Muziek"]
    # No ages and for children: every children's group, not the parents.
    assert counts(sint_gillis.totals) == {"0_5": 2, "6_11": 2, "12_15": 1, "16_18": 1, "parents": 0}
    assert [group.key for group in sint_gillis.themes[0].gaps] == GROUPS  # no homework at all
    assert sint_gillis.gap_count == 5 + 1 + 5


def test_pillar_filter(region):
    activity_in(
        "Anderlecht", "1070", [ThemeFactory(slug="music")], pillar="wellbeing", min_age=10, max_age=12
    )
    places, _themes = build_overview(region, pillar="wellbeing")
    assert [(place.label, place.total) for place in places] == [("Anderlecht", 1)]


def test_a_network_without_postcodes_counts_nothing(region):
    region.postcode_ranges = ""
    assert build_overview(region)[0] == []


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_members_see_the_table_with_gaps_marked_in_words(client, region, language):
    member = make_member(region)
    log_in(client, member, language)
    with translation.override(language):
        response = client.get(f"/{language}/networks/brussel/overview/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{language}">' in content
    assert "<caption" in content and 'scope="col"' in content and 'scope="row"' in content
    assert '<svg viewBox="0 0 ' in content and 'role="img"' in content
    # Sint-Gillis in Dutch, Saint-Gilles in French.
    assert ("Saint-Gilles" if language == "fr" else "Sint-Gillis") in content
    # A gap is written out, not only coloured.
    # Summary: 0–5 in Anderlecht, parents in Sint-Gillis; per theme: 1 + 3 + 5 and 5 + 1 + 5.
    assert content.count('class="overview-gap"') == 2 + 9 + 11
    if language == "en":
        assert "gap</span>" in content
        assert "Regional overview" in content


def test_municipality_filter_shows_one_municipality(client, region):
    log_in(client, make_member(region))
    response = client.get("/nl/networks/brussel/overview/?municipality=Sint-Gillis&pillar=")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Sint-Gillis: " in content and "Anderlecht: " not in content
    # The filter still offers every municipality of the region.
    assert '<option value="Anderlecht">' in content


def test_bad_filter_values_do_not_break_the_page(client, region):
    log_in(client, make_member(region))
    with translation.override("en"):
        response = client.get("/en/networks/brussel/overview/?municipality=Atlantis&pillar=nonsense")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_outsiders_get_a_404(client, region):
    assert client.get("/nl/networks/brussel/overview/").status_code == 404
    other = make_network(slug="antwerpen", postcode_ranges="2000-2999")
    for outsider in (ProfessionalFactory(), make_member(other)):
        log_in(client, outsider)
        assert client.get("/nl/networks/brussel/overview/").status_code == 404
        client.logout()


def test_queries_do_not_grow_with_the_number_of_activities(client, region):
    log_in(client, make_member(region))

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/nl/networks/brussel/overview/")
        assert response.status_code == 200
        return len(queries), response

    count_queries()  # caches warm up
    few, _response = count_queries()
    extra = ThemeFactory(slug="nature", name_nl="Natuur", sort_order=4)
    for index, (municipality, postcode) in enumerate(
        [("Elsene", "1050"), ("Jette", "1090"), ("Evere", "1140")]
    ):
        activity_in(municipality, postcode, [extra], min_age=index * 4, max_age=index * 4 + 6)
    many, response = count_queries()
    assert many == few
    assert re.search(r"Elsene", response.content.decode())
