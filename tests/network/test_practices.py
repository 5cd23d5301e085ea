"""Good practices: who writes and edits them, who sees them, and search in three languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from network.models import Practice, PracticeVisibility
from network.practice_search import crude_stem, fold, search_practices
from tests.activities.factories import ActivityFactory
from tests.factories import ProfessionalFactory, log_in
from tests.network.factories import make_facilitator, make_member, make_network, make_practice

pytestmark = pytest.mark.django_db
POSTGRES = connection.vendor == "postgresql"


def form_data(**overrides):
    data = {
        "title": "Huiswerkschool in de wijk",
        "language": "nl",
        "goal": "Kinderen en jongeren helpen met hun huiswerk, dicht bij huis.",
        "audience": "Kinderen van de lagere school en jongeren van het secundair.",
        "age": "both",
        "strategy_level": "selective",
        "vision": "",
        "activities_text": "",
        "method": "Vrijwilligers begeleiden kleine groepen.",
        "partners": "",
        "funding": "",
        "success_factors": "",
        "obstacles": "",
        "contact": "",
        "region": "Brussel",
        "tags": "huiswerk, vrijwilligers",
        "visibility": "network",
        "activity_links": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def network():
    return make_network(slug="brussel")


# --- Writing ----------------------------------------------------------------------------------


def test_member_describes_a_practice_with_tags_and_activities(client, network):
    member = make_member(network)
    activity = ActivityFactory()
    log_in(client, member)
    response = client.post(
        "/nl/networks/brussel/practices/new/",
        form_data(activity_links=f"https://village.example/nl/activity/{activity.pk}-huiswerkklas/"),
    )
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/nl/networks/practices/{practice.pk}/"
    assert practice.network == network and practice.author == member
    assert practice.slug == "huiswerkschool-in-de-wijk"
    assert sorted(practice.tags.names()) == ["huiswerk", "vrijwilligers"]
    assert list(practice.activities.all()) == [activity]
    assert practice.published_at is None

    page = client.get(response["Location"])
    assert page.status_code == 200
    content = page.content.decode()
    assert "Huiswerkschool in de wijk" in content
    assert "Vrijwilligers begeleiden kleine groepen." in content
    assert activity.get_absolute_url() in content


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Geen gepubliceerde activiteit"),
        ("fr", "Aucune activité publiée"),
        ("en", "No published activity has the number"),
    ],
)
def test_an_unpublished_activity_cannot_be_linked_and_nothing_is_saved(client, network, language, message):
    member = make_member(network)
    draft = ActivityFactory(live=False)
    log_in(client, member, language)
    with translation.override(language):
        response = client.post(
            f"/{language}/networks/brussel/practices/new/", form_data(activity_links=str(draft.pk))
        )
    assert response.status_code == 200
    assert not Practice.objects.exists()
    content = response.content.decode()
    assert str(draft.pk) in content
    if language == "en":  # the other languages are checked once the translator has run
        assert message in content


def test_a_practice_needs_a_title_and_a_goal(client, network):
    member = make_member(network)
    log_in(client, member, "en")
    with translation.override("en"):
        response = client.post("/en/networks/brussel/practices/new/", form_data(title="", goal=""))
    assert response.status_code == 200
    assert response.content.decode().count("This field is required.") == 2
    assert not Practice.objects.exists()


def test_author_and_facilitators_edit_other_members_do_not(client, network):
    author = make_member(network)
    other = make_member(network)
    facilitator = make_facilitator(network)
    practice = make_practice(network, author=author)
    url = f"/nl/networks/brussel/practices/{practice.pk}/edit/"

    log_in(client, other)
    assert client.get(url).status_code == 403
    assert client.post(url, form_data(title="Gekaapt")).status_code == 403
    assert url not in client.get(f"/nl/networks/practices/{practice.pk}/").content.decode()

    for editor in (author, facilitator):
        client.logout()
        log_in(client, editor)
        assert client.get(url).status_code == 200
        response = client.post(url, form_data(title=f"Bewerkt door {editor.pk}"))
        assert response.status_code == 302
        practice.refresh_from_db()
        assert practice.title == f"Bewerkt door {editor.pk}"
        assert practice.author == author  # editing does not change the author


def test_an_author_who_left_the_network_can_no_longer_edit(client, network):
    author = make_member(network)
    practice = make_practice(network, author=author)
    network.members.filter(user=author).delete()
    log_in(client, author)
    assert client.get(f"/nl/networks/brussel/practices/{practice.pk}/edit/").status_code == 404


def test_outsiders_cannot_write_in_a_network(client, network):
    outsider = ProfessionalFactory()
    other_network = make_network(slug="antwerpen", postcode_ranges="2000-2999")
    make_member(other_network, user=outsider)
    practice = make_practice(network, visibility="public")
    log_in(client, outsider)
    assert client.get("/nl/networks/brussel/practices/new/").status_code == 404
    assert client.post("/nl/networks/brussel/practices/new/", form_data()).status_code == 404
    # Even a public practice is edited only inside its network.
    assert client.get(f"/nl/networks/brussel/practices/{practice.pk}/edit/").status_code == 404
    # A practice is edited through its own network's address only.
    assert client.get(f"/nl/networks/antwerpen/practices/{practice.pk}/edit/").status_code == 404
    assert Practice.objects.count() == 1


# --- Who sees what ------------------------------------------------------------------------------


def test_publishing_to_everyone_puts_a_practice_in_the_public_library(client, network):
    author = make_member(network)
    practice = make_practice(network, author=author, title="Gezinsklas")
    log_in(client, author)
    client.post(
        f"/nl/networks/brussel/practices/{practice.pk}/edit/",
        form_data(title="Gezinsklas", visibility="public"),
    )
    practice.refresh_from_db()
    assert practice.visibility == PracticeVisibility.PUBLIC and practice.published_at is not None

    client.logout()
    library = client.get("/nl/networks/practices/")
    assert "Gezinsklas" in library.content.decode()
    detail = client.get(f"/nl/networks/practices/{practice.pk}/")
    assert detail.status_code == 200
    assert "noindex" not in detail.content.decode()

    # Back to the network only: gone for outsiders again.
    log_in(client, author)
    client.post(
        f"/nl/networks/brussel/practices/{practice.pk}/edit/",
        form_data(title="Gezinsklas", visibility="network"),
    )
    practice.refresh_from_db()
    assert practice.published_at is None
    client.logout()
    assert client.get(f"/nl/networks/practices/{practice.pk}/").status_code == 404
    assert "Gezinsklas" not in client.get("/nl/networks/practices/").content.decode()


def test_a_network_only_practice_is_a_404_for_everyone_outside_the_network(client, network):
    practice = make_practice(network, title="Vertrouwelijke aanpak", region="Kuregem")
    practice.tags.add("geheim-label")
    member = make_member(network)
    other_network = make_network(slug="antwerpen", postcode_ranges="2000-2999")
    outsider_member = make_member(other_network)
    url = f"/nl/networks/practices/{practice.pk}/"

    assert client.get(url).status_code == 404  # anonymous
    for outsider in (ProfessionalFactory(), outsider_member):
        log_in(client, outsider)
        assert client.get(url).status_code == 404
        library = client.get("/nl/networks/practices/?q=vertrouwelijke").content.decode()
        assert "Vertrouwelijke aanpak" not in library
        everything = client.get("/nl/networks/practices/").content.decode()
        # Neither the practice nor its tag, region or network leaks through the filters.
        assert "Vertrouwelijke" not in everything
        assert "geheim-label" not in everything and "Kuregem" not in everything
        assert "/nl/networks/brussel/" not in everything
        assert client.get("/nl/networks/brussel/practices/").status_code == 404
        client.logout()

    log_in(client, member)
    response = client.get(url)
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert "Vertrouwelijke aanpak" in client.get("/nl/networks/practices/").content.decode()
    assert "Vertrouwelijke aanpak" in client.get("/nl/networks/brussel/practices/").content.decode()


def test_practices_are_not_in_the_sitemap(client, network, site_root):
    make_practice(network, title="Niet in de sitemap", visibility="network")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "/networks/" not in response.content.decode()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_library_and_practice_pages_render_in_every_language(client, network, language):
    member = make_member(network)
    practice = make_practice(network, author=member, visibility="public", method="Kleine groepen.")
    practice.tags.add("huiswerk")
    headings = {"nl": "Goede praktijken", "fr": "Bonnes pratiques", "en": "Good practices"}
    log_in(client, member, language)
    with translation.override(language):
        for url in (
            f"/{language}/networks/practices/",
            f"/{language}/networks/practices/?q=huiswerk&age=-12",
            f"/{language}/networks/practices/{practice.pk}/",
            f"/{language}/networks/brussel/practices/",
            f"/{language}/networks/brussel/practices/new/",
            f"/{language}/networks/brussel/practices/{practice.pk}/edit/",
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            assert f'<html lang="{language}">' in response.content.decode()
        library = client.get(f"/{language}/networks/practices/").content.decode()
    if language == "en":
        assert headings["en"] in library
    # The practice is in Dutch: the page says so to French and English readers.
    detail = client.get(f"/{language}/networks/practices/{practice.pk}/").content.decode()
    assert ('<article class="practice" lang="nl">' in detail) == (language != "nl")


# --- Search -------------------------------------------------------------------------------------


def titles(queryset):
    return [practice.title for practice in queryset]


@pytest.fixture
def library(network):
    make_practice(
        network,
        title="Huiswerkklas op woensdag",
        goal="Kinderen maken samen hun huiswerk.",
        language="nl",
        visibility="public",
        age="-12",
        region="Anderlecht",
    )
    make_practice(
        network,
        title="Classe famille",
        goal="Les parents accompagnent leur enfant à l'école une matinée par semaine.",
        language="fr",
        visibility="public",
        age="-12",
        region="Schaerbeek",
    )
    make_practice(
        network,
        title="Time-out project",
        goal="Young people who are stuck at school get a fresh start outside the classroom.",
        method="Individual coaching and activities in small groups.",
        language="en",
        visibility="public",
        age="+12",
        region="Anderlecht",
    )
    return Practice.objects.all()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("huiswerkklas", ["Huiswerkklas op woensdag"]),
        ("HUISWERK", ["Huiswerkklas op woensdag"]),
        ("ecole", ["Classe famille"]),  # accent-insensitive
        ("École", ["Classe famille"]),
        ("parents", ["Classe famille"]),
        ("coaching groups", ["Time-out project"]),  # every word, in any field
        ("coaching huiswerk", []),
        ("", ["Huiswerkklas op woensdag", "Classe famille", "Time-out project"]),
    ],
)
def test_search_is_case_and_accent_insensitive(library, words, expected):
    assert sorted(titles(search_practices(library, words))) == sorted(expected)


def test_search_finds_plural_forms_in_three_languages(library):
    assert titles(search_practices(library, "huiswerkklassen")) == ["Huiswerkklas op woensdag"]
    assert titles(search_practices(library, "écoles")) == ["Classe famille"]
    assert titles(search_practices(library, "classrooms")) == ["Time-out project"]


@pytest.mark.skipif(not POSTGRES, reason="stemming needs PostgreSQL full-text search")
def test_postgres_stems_each_practice_in_its_own_language(library):
    assert titles(search_practices(library, "kind")) == ["Huiswerkklas op woensdag"]  # kinderen
    assert titles(search_practices(library, "accompagner")) == ["Classe famille"]  # accompagnent
    assert titles(search_practices(library, "coach")) == ["Time-out project"]  # coaching


def test_results_are_ranked_title_first(network):
    make_practice(network, title="Ouderkoffie", goal="Ouders praten over huiswerk.", visibility="public")
    make_practice(network, title="Huiswerkbegeleiding", goal="Begeleiding na school.", visibility="public")
    results = search_practices(Practice.objects.all(), "huiswerk")
    assert titles(results) == ["Huiswerkbegeleiding", "Ouderkoffie"]
    assert results[0].rank > results[1].rank


def test_library_filters_by_tag_region_age_and_network(client, library, network):
    library.get(title="Classe famille").tags.add("ouders")
    antwerpen = make_network(slug="antwerpen", postcode_ranges="2000-2999")
    make_practice(antwerpen, title="Antwerpse aanpak", visibility="public", region="Antwerpen", age="both")

    def found(query):
        return {
            title
            for title in [
                "Huiswerkklas op woensdag",
                "Classe famille",
                "Time-out project",
                "Antwerpse aanpak",
            ]
            if title in client.get(f"/nl/networks/practices/?{query}").content.decode()
        }

    assert found("tag=ouders") == {"Classe famille"}
    assert found("region=Anderlecht") == {"Huiswerkklas op woensdag", "Time-out project"}
    assert found("age=%2B12") == {"Time-out project", "Antwerpse aanpak"}  # "all ages" counts too
    assert found("age=-12") == {"Huiswerkklas op woensdag", "Classe famille", "Antwerpse aanpak"}
    assert found("network=antwerpen") == {"Antwerpse aanpak"}
    assert found("network=antwerpen&q=famille") == set()
    assert found("q=huiswerk&region=Anderlecht") == {"Huiswerkklas op woensdag"}


def test_an_unknown_filter_value_shows_an_error_not_a_crash(client, library):
    with translation.override("en"):
        response = client.get("/en/networks/practices/?network=secret-network&age=99")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_library_queries_do_not_grow_with_the_number_of_practices(client, network):
    member = make_member(network)
    log_in(client, member)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/nl/networks/practices/?q=huiswerk").status_code == 200
        return len(queries)

    for number in range(2):
        practice = make_practice(
            network, title=f"Huiswerk {number}", visibility="public", region=f"R{number}"
        )
        practice.tags.add(f"tag{number}", "huiswerk")
        practice.activities.add(ActivityFactory())
    count_queries()  # caches warm up (content types, session)
    few = count_queries()
    for number in range(2, 15):
        practice = make_practice(network, title=f"Huiswerk {number}", region=f"R{number}")
        practice.tags.add(f"tag{number}", "huiswerk")
    assert count_queries() == few


def test_practice_page_queries_do_not_grow_with_tags_and_activities(client, network):
    practice = make_practice(network, visibility="public")

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/nl/networks/practices/{practice.pk}/").status_code == 200
        return len(queries)

    practice.tags.add("a")
    practice.activities.add(ActivityFactory())
    count_queries()  # caches warm up
    few = count_queries()
    practice.tags.add("b", "c", "d")
    practice.activities.add(*[ActivityFactory() for _ in range(4)])
    assert count_queries() == few


# --- Helpers ------------------------------------------------------------------------------------


def test_fold_and_crude_stem():
    assert fold("École ÉLARGIE") == "ecole elargie"
    assert crude_stem("huiswerkklassen") == "huiswerkklas"
    assert crude_stem("activites") == "activit"
    assert crude_stem("ouders") == "ouder"
    assert crude_stem("kind") == "kind"


def test_demo_practices_come_from_the_seeds(client, demo):
    from network import demo_practices

    assert Practice.objects.count() == len(demo_practices.PRACTICES)
    assert "0 good practices created" in demo_practices.load()  # safe to run twice
    library = client.get("/nl/networks/practices/").content.decode()
    assert "Huiswerkschool bij de voetbalclub" in library and "Classe famille" in library
    assert "Gezinsklas" not in library  # the network's own, not public
    homework = Practice.objects.get(title="Huiswerkschool bij de voetbalclub")
    assert homework.tags.count() == 3
    assert homework.activities.exists()


def test_activity_references_are_read_from_addresses_or_numbers():
    from django.core.exceptions import ValidationError

    from network.practices import parse_activity_references

    text = "http://127.0.0.1:8000/fr/activity/12-ecole-de-devoirs/\n/nl/activity/7/ 12, #30"
    assert parse_activity_references(text) == [12, 7, 30]
    with pytest.raises(ValidationError):
        parse_activity_references("https://example.org/somewhere/")
