"""The activity finder: a filterable, paginated list that works without JavaScript, and its map."""

import datetime
import re
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities.models import (
    ActivityCancellation,
    ActivityIndexPage,
    JoinMode,
    Pillar,
    PriceUnit,
    SchoolHoliday,
)
from activities.views import upcoming
from tests.activities.factories import (
    ActivityFactory,
    RegistrationActivityFactory,
    SpokenLanguageFactory,
    ThemeFactory,
    VenueFactory,
)
from tests.factories import OrganisationFactory, ParentFactory, YouthFactory, log_in

pytestmark = pytest.mark.django_db

FINDER = {"nl": "/nl/activiteiten/", "fr": "/fr/activites/", "en": "/en/activities/"}


@pytest.fixture
def finder(site_root):
    page = ActivityIndexPage(
        title_nl="Activiteiten",
        slug_nl="activiteiten",
        title_fr="Activités",
        slug_fr="activites",
        title_en="Activities",
        slug_en="activities",
        intro_nl="Zoek iets voor je kind.",
        intro_fr="Trouvez une activité.",
        intro_en="Find something to do.",
    )
    site_root.add_child(instance=page)
    return page


def get(client, language="nl", query=""):
    response = client.get(FINDER[language] + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html):
    """The titles in the server-rendered list, in order."""
    listing = (
        html.split('class="activity-list"', 1)[1].split("</ol>", 1)[0]
        if 'class="activity-list"' in html
        else ""
    )
    return re.findall(r'<h3 class="activity-card__title"><a href="[^"]+">([^<]+)</a>', listing)


def map_markers(client, html):
    """The features the map fetches: the page names the API address with its filters."""
    match = re.search(r'data-markers-url="([^"]+)"', html)
    assert match, "the page says where the map's markers come from"
    response = client.get(unescape(match.group(1)))
    assert response.status_code == 200
    return response.json()["features"]


# --- The list -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_list_is_in_the_html_in_each_language(client, finder, language):
    activity = ActivityFactory(title_nl="Huiswerkklas Kuregem")
    html = get(client, language)
    assert f'<html lang="{language}">' in html
    assert {"nl": "Activiteiten", "fr": "Activités", "en": "Activities"}[language] in html
    assert {"nl": "Zoek iets voor je kind.", "fr": "Trouvez une activité.", "en": "Find something to do."}[
        language
    ] in html
    titles = result_titles(html)
    assert titles == [
        {"nl": "Huiswerkklas Kuregem", "fr": "École de devoirs Kuregem", "en": "Homework club Kuregem"}[
            language
        ]
    ]
    assert f'href="/{language}/activity/{activity.pk}-' in html
    assert activity.organisation.name in html
    assert "Anderlecht" in html


def test_a_card_tells_what_a_parent_needs(client, finder):
    theme = ThemeFactory(slug="huiswerk", name_en="Homework")
    arabic = SpokenLanguageFactory(code="ar", name_nl="Arabisch", name_fr="arabe", name_en="Arabic")
    activity = RegistrationActivityFactory(
        price_unit=PriceUnit.SESSION,
        price=Decimal("2.50"),
        reduced_price=Decimal("1"),
        themes=[theme],
        spoken_languages=[arabic],
    )
    html = get(client, "en")
    card = html.split('class="activity-card', 1)[1].split("</article>", 1)[0]
    assert "Homework" in card
    assert "8–12 years" in card
    assert "€2.50 per session" in card
    assert "Reduced tariff: €1 per session" in card
    assert "3 places left" in card
    assert "Wheelchair accessible" in card
    assert "Arabic" in card
    next_wednesday = upcoming(activity.schedule(), 1)[0].date
    assert f"{next_wednesday.day} {next_wednesday:%B}" in card or "Today" in card or "Tomorrow" in card
    assert "13:30–16:00" in card
    # Numbers follow the visitor's language.
    assert "€2,50 per sessie" in get(client, "nl") or "€2,50" in get(client, "nl")


def test_a_full_activity_shows_the_waiting_list(client, finder):
    RegistrationActivityFactory(capacity=2, confirmed_count=2)
    assert "Full: waiting list" in get(client, "en")


def test_drafts_ended_and_other_hidden_activities_are_not_listed(client, finder):
    ActivityFactory(title_nl="Zichtbaar")
    ActivityFactory(title_nl="Concept", live=False)
    ActivityFactory(
        title_nl="Voorbij",
        start_date=timezone.localdate() - datetime.timedelta(days=60),
        end_date=timezone.localdate() - datetime.timedelta(days=2),
    )
    assert result_titles(get(client)) == ["Zichtbaar"]


def test_a_cancelled_activity_stays_listed_and_marked(client, finder):
    ActivityFactory(title_en="Cancelled club", cancelled=True)
    html = get(client, "en")
    assert "Cancelled club" in html
    assert "tag--cancelled" in html


def test_the_result_count_is_announced_politely(client, finder):
    for title in ("Chess", "Drawing", "Dance"):
        ActivityFactory(title_en=title)
    html = get(client, "en")
    assert re.search(r'<p class="results-count" role="status" aria-live="polite">\s*3 activities', html)
    html = get(client, "en", "q=chess")
    assert re.search(r'role="status" aria-live="polite">\s*1 activity\b', html)


# --- Filters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, word, expected",
    [
        ("nl", "huiswerkklas", "Huiswerkklas A"),
        ("fr", "devoirs", "École de devoirs A"),
        ("en", "homework", "Homework club A"),
    ],
)
def test_search_words_work_in_each_language(client, finder, language, word, expected):
    ActivityFactory(title_nl="Huiswerkklas A")
    ActivityFactory(
        title_nl="Voetbal",
        title_fr="Football",
        title_en="Football",
        summary_nl="Sport",
        summary_fr="Sport",
        summary_en="Sport",
    )
    assert result_titles(get(client, language, f"q={word}")) == [expected]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_filters_combine_and_stay_in_the_form(client, finder, language):
    sport = ThemeFactory(slug="sport", name_nl="Sport", name_fr="Sport (fr)", name_en="Sport (en)")
    music = ThemeFactory(slug="muziek", name_nl="Muziek", name_fr="Musique", name_en="Music")
    ActivityFactory(
        title_nl="Voetbal", title_fr="Football", title_en="Football", themes=[sport], min_age=10, max_age=14
    )
    ActivityFactory(
        title_nl="Koor", title_fr="Chorale", title_en="Choir", themes=[music], min_age=10, max_age=14
    )
    ActivityFactory(
        title_nl="Kleuters", title_fr="Petits", title_en="Toddlers", themes=[sport], min_age=3, max_age=5
    )
    html = get(client, language, "theme=sport&age=11")
    assert result_titles(html) == [{"nl": "Voetbal", "fr": "Football", "en": "Football"}[language]]
    # The form shows what was chosen, and a chip removes one filter at a time.
    assert re.search(r'<input type="checkbox" name="theme" value="sport"[^>]*checked', html)
    assert 'name="age" value="11"' in html
    assert f'href="{FINDER[language]}?age=11"' in html  # the chip that removes the theme
    assert {"nl": "Sport", "fr": "Sport (fr)", "en": "Sport (en)"}[language] in html


def test_every_filter_a_person_can_use_is_in_the_form(client, finder):
    ThemeFactory(slug="sport")
    SpokenLanguageFactory(code="ar", name_nl="Arabisch")
    html = get(client)
    for name in (
        "q",
        "pillar",
        "theme",
        "age",
        "day",
        "time",
        "free",
        "reduced",
        "language",
        "wheelchair",
        "municipality",
        "near",
        "places",
    ):
        assert f'name="{name}"' in html, name
    assert 'name="radius_km"' in html
    assert 'type="hidden" name="near"' in html
    assert "data-near-me" in html  # the "near me" button, shown by finder.js


def test_the_form_keeps_its_filters_in_the_address(client, finder):
    html = get(client)
    assert re.search(r'<form method="get" action="/nl/activiteiten/"', html)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("free=on", ["Gratis"]),
        ("reduced=on", ["Met korting"]),
        ("wheelchair=on", ["Gratis", "Met korting"]),
        ("places=on", ["Met plaatsen"]),
        ("municipality=1000", ["Met plaatsen"]),
        ("municipality=brussel", ["Met plaatsen"]),
        ("day=wed", ["Gratis", "Met korting"]),
        ("time=weekend", ["Met plaatsen"]),
        ("pillar=wellbeing", ["Met korting"]),
        ("language=fr", ["Met korting"]),
    ],
)
def test_each_filter(client, finder, query, expected):
    french = SpokenLanguageFactory(code="fr", name_nl="Frans")
    today = timezone.localdate()
    ActivityFactory(title_nl="Gratis")
    ActivityFactory(
        title_nl="Met korting",
        pillar=Pillar.WELLBEING,
        price_unit=PriceUnit.TERM,
        price=Decimal("30"),
        reduced_price=Decimal("5"),
        spoken_languages=[french],
        start_date=today - datetime.timedelta(days=1),
    )
    organisation = OrganisationFactory()
    RegistrationActivityFactory(
        title_nl="Met plaatsen",
        organisation=organisation,
        venue=VenueFactory(
            organisation=organisation, postcode="1000", municipality="Brussel", wheelchair_accessible=False
        ),
        price_unit=PriceUnit.YEAR,
        price=Decimal("50"),
        weekdays=0b0100000,  # Saturday
        start_date=today - datetime.timedelta(days=2),
    )
    assert sorted(result_titles(get(client, "nl", query))) == sorted(expected)


def test_near_a_point_lists_the_nearest_first_with_the_distance(client, finder):
    organisation = OrganisationFactory()
    far = VenueFactory(organisation=organisation, latitude=50.8600, longitude=4.3500)  # about 2.4 km
    near = VenueFactory(organisation=organisation, latitude=50.8400, longitude=4.3300)
    very_far = VenueFactory(organisation=organisation, latitude=51.0500, longitude=3.7300)  # Ghent
    ActivityFactory(title_en="Far", organisation=organisation, venue=far)
    ActivityFactory(title_en="Near", organisation=organisation, venue=near)
    ActivityFactory(title_en="Ghent", organisation=organisation, venue=very_far)
    html = get(client, "en", "near=50.8390,4.3290&radius_km=5")
    assert result_titles(html) == ["Near", "Far"]
    assert "km away" in html
    assert "Within 5 km of the chosen point" in html
    # The radius select is in use (sent with the form) and shows the chosen radius.
    assert re.search(r'<option value="5" selected>', html)
    assert 'data-near="50.839,4.329"' in html


def test_without_a_point_the_radius_is_not_sent(client, finder):
    html = get(client)
    assert re.search(r'<select name="radius_km"[^>]*disabled', html)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_bad_values_show_a_message_next_to_the_field_and_the_page_still_works(client, finder, language):
    ActivityFactory(title_nl="Huiswerkklas", title_fr="École", title_en="Homework")
    ActivityFactory(
        title_nl="Betalend",
        title_fr="Payant",
        title_en="Paid",
        price_unit=PriceUnit.SESSION,
        price=Decimal("3"),
    )
    html = get(client, language, "age=-3&near=abc&bbox=1,2&free=on")
    # Django's own message, translated.
    assert {
        "nl": "Zorg ervoor dat deze waarde minstens 0 is.",
        "fr": "Assurez-vous que cette valeur est supérieure ou égale à 0.",
        "en": "Ensure this value is greater than or equal to 0.",
    }[language] in html
    assert 'id="id_age_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'id="id_near_error"' in html
    assert 'id="id_bbox_error"' in html
    assert "error-summary" in html
    # The bad filters are ignored; the good one (free) still applies.
    assert result_titles(html) == [{"nl": "Huiswerkklas", "fr": "École", "en": "Homework"}[language]]


def test_bad_value_messages_in_english(client, finder):
    html = get(client, "en", "near=abc&bbox=1,2&radius_km=999&day=someday&theme=nope")
    assert "Give a point as latitude,longitude" in html
    assert "Give a box as minLon,minLat,maxLon,maxLat" in html
    assert "Select a valid choice" in html


@pytest.mark.parametrize(
    "query", ["page=abc", "page=999", "page=-1", "q=" + "x" * 500, "theme=%00", "near=nan,nan", "age=1e999"]
)
def test_odd_addresses_never_break_the_page(client, finder, query):
    ActivityFactory()
    response = client.get(FINDER["nl"] + "?" + query)
    assert response.status_code == 200


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_no_results_suggests_fewer_filters_with_a_link_that_removes_them(client, finder, language):
    ActivityFactory()
    html = get(client, language, "age=40&free=on")
    assert result_titles(html) == []
    assert "no-results" in html
    assert f'href="{FINDER[language]}"' in html
    if language == "en":
        assert "Try fewer filters" in html


def test_an_empty_finder_says_so(client, finder):
    html = get(client, "en")
    assert "There are no activities online at the moment" in html


# --- Pagination -----------------------------------------------------------------------------


def test_twenty_per_page_and_pages_keep_the_filters(client, finder):
    for number in range(25):
        ActivityFactory(title_nl=f"Klas {number:02d}")
    ActivityFactory(title_nl="Betalend", price_unit=PriceUnit.SESSION, price=Decimal("3"))
    html = get(client, "nl", "free=on")
    assert len(result_titles(html)) == 20
    assert re.search(r'role="status" aria-live="polite">\s*25 activities', html) or "25" in html
    next_link = re.search(r'<a class="pagination__step" href="([^"]+)" rel="next"', html).group(1)
    assert "free=on" in next_link and "page=2" in next_link
    page_two = client.get(FINDER["nl"] + next_link.replace("&amp;", "&").split("#")[0]).content.decode()
    titles = result_titles(page_two)
    assert len(titles) == 5
    assert "Betalend" not in titles
    assert set(titles).isdisjoint(result_titles(html))
    assert 'aria-current="page"' in page_two


# --- The map --------------------------------------------------------------------------------


def test_the_map_gets_every_filtered_result_not_only_this_page(client, finder):
    organisation = OrganisationFactory()
    for number in range(23):
        ActivityFactory(title_nl=f"Klas {number}", organisation=organisation)
    ActivityFactory(title_nl="Online", organisation=organisation, venue=None, is_online=True)
    ActivityFactory(
        title_nl="Betalend", organisation=organisation, price_unit=PriceUnit.TERM, price=Decimal("9")
    )
    html = get(client, "nl", "free=on")
    features = [feature for feature in map_markers(client, html) if feature["geometry"]]
    assert len(features) == 23  # the online one has no place on a map; the paid one is filtered out
    first = features[0]
    assert set(first["properties"]) == {"id", "title"}
    assert first["geometry"]["coordinates"] == pytest.approx([4.329, 50.839])
    # The map is an enhancement: skippable, named, tiles from the settings; the page stays light.
    assert 'aria-label="Map of the activities found' in html or "finder-map" in html
    assert 'href="#after-map"' in html
    assert 'data-tile-url="https://' in html
    assert 'type="application/json"' not in html  # markers are fetched when the map shows


def test_map_marker_links_lead_to_the_activity_in_the_visitors_language(client, finder):
    activity = ActivityFactory(title_nl="Huiswerkklas Zuid")
    html = get(client, "fr")
    (feature,) = map_markers(client, html)
    assert feature["properties"]["title"] == "École de devoirs Zuid"
    short = unescape(re.search(r'data-activity-url="([^"]+)"', html).group(1)).replace(
        "/0/", f"/{feature['properties']['id']}/"
    )
    response = client.get(short)
    assert response.status_code == 301
    assert response["Location"] == activity.get_absolute_url().replace("/nl/", "/fr/").replace(
        "huiswerkklas-zuid", "ecole-de-devoirs-zuid"
    )


def test_no_inline_scripts_or_handlers(client, finder):
    ActivityFactory()
    html = get(client)
    for script in re.findall(r"<script([^>]*)>", html):
        assert "src=" in script or 'type="application/json"' in script, script
    assert not re.search(r"\son[a-z]+=", html)


# --- Everyone sees the same finder -----------------------------------------------------------


@pytest.mark.parametrize("make_user", [None, ParentFactory, YouthFactory])
def test_the_finder_for_visitors_parents_and_youths(client, finder, make_user):
    ActivityFactory(title_nl="Voor iedereen")
    if make_user:
        log_in(client, make_user())
    assert result_titles(get(client)) == ["Voor iedereen"]


# --- Queries --------------------------------------------------------------------------------


def _make_activities(count):
    themes = [ThemeFactory(slug=f"thema-{n}") for n in range(3)]
    languages = [SpokenLanguageFactory(code=code, name_nl=code) for code in ("nl", "fr", "ar")]
    SchoolHoliday.objects.create(
        name_nl="Herfstvakantie",
        start_date=timezone.localdate() + datetime.timedelta(days=20),
        end_date=timezone.localdate() + datetime.timedelta(days=27),
    )
    organisation = OrganisationFactory()
    venue = VenueFactory(organisation=organisation)
    for number in range(count):
        activity = (RegistrationActivityFactory if number % 2 else ActivityFactory)(
            organisation=organisation,
            venue=venue,
            themes=themes,
            spoken_languages=languages,
            skip_school_holidays=True,
            join_mode=JoinMode.REGISTRATION if number % 2 else JoinMode.DROP_IN,
        )
        ActivityCancellation.objects.create(
            activity=activity, date=timezone.localdate() + datetime.timedelta(days=7)
        )


@pytest.mark.parametrize("query", ["", "theme=thema-1&age=9&free=on", "near=50.839,4.329&radius_km=3"])
def test_the_number_of_queries_does_not_grow_with_the_activities(client, finder, query):
    _make_activities(3)
    get(client, "nl", query)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as few:
        html = get(client, "nl", query)
    assert len(result_titles(html)) == 3
    _make_activities(30)
    with CaptureQueriesContext(connection) as many:
        html = get(client, "nl", query)
    assert len(result_titles(html)) == 20
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_a_filtered_search_can_be_saved(client, finder):
    ActivityFactory()
    assert "/me/searches/save/" not in get(client)
    html = get(client, "nl", "q=&free=on&age=9&page=1")
    link = re.search(r'<a href="(/nl/me/searches/save/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    from urllib.parse import parse_qs, urlsplit

    params = parse_qs(urlsplit(link).query)
    assert parse_qs(params["query"][0]) == {"free": ["on"], "age": ["9"]}
    assert params["next"][0].startswith("/nl/activiteiten/?")


def test_a_cancelled_activity_shows_no_next_date_in_the_list(client, finder):
    ActivityFactory(title_en="Stopped", cancelled=True)
    card = get(client, "en").split('class="activity-card', 1)[1].split("</article>", 1)[0]
    assert "13:30–16:00" not in card


def test_an_activity_for_parents_says_who_it_is_for_rather_than_all_ages(client, finder):
    ActivityFactory(for_children=False, for_parents=True, min_age=None, max_age=None)
    card = get(client, "en").split('class="activity-card', 1)[1].split("</article>", 1)[0]
    assert "Parents" in card
    assert "all ages" not in card
