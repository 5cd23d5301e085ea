"""The page cache of the finder and the activity pages (activities/page_cache.py).

Anonymous visitors get a kept copy of a page; every change of what the page shows makes the
copy out of date at once: a parent never sees a stale number of places or an old title.
"""

import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from wagtail.models import Site

from activities import page_cache, services
from activities.models import (
    Activity,
    ActivityCancellation,
    ActivityIndexPage,
    SchoolHoliday,
    SchoolSystem,
)
from activities.schedule import Session
from tests.activities.factories import ActivityFactory, RegistrationActivityFactory, ThemeFactory
from tests.factories import ChildFactory, ParentFactory, log_in
from village.models import FooterSettings

pytestmark = pytest.mark.django_db

FINDER = {"nl": "/nl/activiteiten/", "en": "/en/activities/"}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def finder(site_root):
    page = ActivityIndexPage(
        title_nl="Activiteiten",
        slug_nl="activiteiten",
        title_en="Activities",
        slug_en="activities",
        intro_nl="Zoek iets voor je kind.",
        intro_en="Find something to do.",
    )
    site_root.add_child(instance=page)
    # The footer's settings are made on the first page view (a change, which would make that
    # first page out of date at once); make them now, as on a site that has been visited.
    FooterSettings.for_site(Site.objects.get(is_default_site=True))
    return page


def detail_url(activity, language="en"):
    with translation.override(language):
        return activity.get_absolute_url()


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode()


def assert_kept(client, *urls):
    """The pages are in the cache now (so that a test of their invalidation can fail)."""
    for url in urls:
        fetch(client, url)
        assert fetch(client, url)[0].activities_cache_hit


def test_an_anonymous_visitor_gets_the_same_page_from_the_cache(client, finder):
    activity = ActivityFactory(title_en="Chess club")
    for url in (FINDER["en"], detail_url(activity), FINDER["en"] + "?age=10&free=on"):
        first, first_html = fetch(client, url)
        second, second_html = fetch(client, url)
        assert not getattr(first, "activities_cache_hit", False)
        assert second.activities_cache_hit
        assert second_html == first_html
        assert "Chess club" in second_html
        assert second["Content-Type"] == first["Content-Type"]


def test_languages_and_filters_are_kept_apart(client, finder):
    ActivityFactory(title_nl="Schaakclub", title_en="Chess club", min_age=8, max_age=12)
    ActivityFactory(title_nl="Voetbal", title_en="Football", min_age=14, max_age=16)
    fetch(client, FINDER["nl"])
    _response, english = fetch(client, FINDER["en"])
    assert "Chess club" in english and "Schaakclub" not in english
    _response, filtered = fetch(client, FINDER["en"] + "?age=15")
    assert "Football" in filtered and "Chess club" not in filtered
    _response, again = fetch(client, FINDER["nl"])
    assert "Schaakclub" in again and "Voetbal" in again


def test_places_left_change_at_once_when_a_child_registers_or_cancels(client, finder):
    activity = RegistrationActivityFactory(capacity=3, title_en="Robot lab")
    url = detail_url(activity)
    assert "3 places left" in fetch(client, url)[1]
    assert "3 places left" in fetch(client, FINDER["en"])[1]
    assert_kept(client, url, FINDER["en"])
    child = ChildFactory()
    registration = services.register(actor=child.parent, activity=activity, children=[child])[0]
    assert "2 places left" in fetch(client, url)[1]
    assert "2 places left" in fetch(client, FINDER["en"])[1]
    assert_kept(client, url, FINDER["en"])
    services.cancel_registration(actor=child.parent, registration=registration)
    assert "3 places left" in fetch(client, url)[1]
    assert "3 places left" in fetch(client, FINDER["en"])[1]


def test_full_activity_shows_the_waiting_list_after_the_last_place(client, finder):
    activity = RegistrationActivityFactory(capacity=1)
    assert "1 place left" in fetch(client, detail_url(activity))[1]
    child = ChildFactory()
    services.register(actor=child.parent, activity=activity, children=[child])
    html = fetch(client, detail_url(activity))[1]
    assert "Full: waiting list" in html
    assert "Full: waiting list" in fetch(client, FINDER["en"])[1]


def test_an_edited_title_shows_at_once(client, finder):
    activity = ActivityFactory(title_en="Chess club")
    assert_kept(client, detail_url(activity), FINDER["en"])
    activity.title_en = "Chess and draughts club"
    activity.save()
    # The slug changed with the title: the old address redirects to the new one.
    response = client.get(detail_url(activity))
    assert "Chess and draughts club" in response.content.decode()
    assert "Chess and draughts club" in fetch(client, FINDER["en"])[1]


def test_a_published_revision_shows_and_an_unpublished_activity_goes(client, finder):
    activity = ActivityFactory(summary_en="Old summary.")
    assert "Old summary." in fetch(client, FINDER["en"])[1]
    activity.summary_en = "New summary."
    activity.save_revision().publish()
    assert "New summary." in fetch(client, FINDER["en"])[1]
    assert "New summary." in fetch(client, detail_url(activity))[1]
    activity.unpublish()
    assert "New summary." not in fetch(client, FINDER["en"])[1]
    assert client.get(detail_url(activity)).status_code == 404


def test_a_deleted_activity_goes(client, finder):
    activity = ActivityFactory(title_en="Chess club")
    assert "Chess club" in fetch(client, FINDER["en"])[1]
    Activity.objects.get(pk=activity.pk).delete()
    assert "Chess club" not in fetch(client, FINDER["en"])[1]


def test_a_cancelled_date_venue_organisation_and_theme_change_show(client, finder):
    theme = ThemeFactory(slug="chess", name_en="Chess")
    activity = ActivityFactory(themes=[theme])
    url = detail_url(activity)
    first = fetch(client, url)[1]
    session = activity.next_sessions(1)[0]
    ActivityCancellation.objects.create(activity=activity, date=session.date, reason_en="Teacher ill")
    assert "Teacher ill" in fetch(client, url)[1] != first

    assert_kept(client, FINDER["en"])
    activity.venue.municipality = "Molenbeek"
    activity.venue.save()
    assert "Molenbeek" in fetch(client, FINDER["en"])[1]

    activity.organisation.name = "Renamed school"
    activity.organisation.save()
    assert "Renamed school" in fetch(client, FINDER["en"])[1]
    assert "Renamed school" in fetch(client, url)[1]

    theme.name_en = "Board games"
    theme.save()
    assert "Board games" in fetch(client, FINDER["en"])[1]


def test_a_new_theme_on_an_activity_shows(client, finder):
    activity = ActivityFactory()
    assert_kept(client, FINDER["en"])
    activity.themes.add(ThemeFactory(slug="music", name_en="Music"))
    assert "Music" in fetch(client, FINDER["en"])[1]


def test_school_holidays_change_the_next_session(client, finder):
    activity = ActivityFactory(skip_school_holidays=True, school_system=SchoolSystem.DUTCH)
    session = activity.next_sessions(1)[0]
    url = detail_url(activity)
    before = fetch(client, url)[1]
    assert_kept(client, url)
    SchoolHoliday.objects.create(
        name="Break", start_date=session.date, end_date=session.date, school_system=SchoolSystem.BOTH
    )
    after = fetch(client, url)[1]
    assert after != before


def test_a_published_page_change_shows_in_the_finder(client, finder):
    assert "Find something to do." in fetch(client, FINDER["en"])[1]
    assert_kept(client, FINDER["en"])
    finder.intro_en = "Find an activity near you."
    finder.save_revision().publish()
    assert "Find an activity near you." in fetch(client, FINDER["en"])[1]


def test_logged_in_people_never_get_or_leave_a_kept_page(client, finder):
    activity = ActivityFactory()
    url = detail_url(activity)
    anonymous = fetch(client, url)[1]
    assert "Log out" not in anonymous
    parent = ParentFactory()
    log_in(client, parent, "en")
    for _ in range(2):
        response, html = fetch(client, url)
        assert not getattr(response, "activities_cache_hit", False)
        assert "Log out" in html
    client.logout()
    response, html = fetch(client, url)
    assert "Log out" not in html
    assert "csrfmiddlewaretoken" not in html


def test_a_waiting_message_is_shown_not_a_kept_page(client, finder):
    activity = ActivityFactory()
    url = detail_url(activity)
    fetch(client, url)
    assert fetch(client, url)[0].activities_cache_hit
    log_in(client, ParentFactory(), "en")
    client.post("/en/accounts/logout/")  # leaves "You have signed out." for the next page
    response, html = fetch(client, url)
    assert not getattr(response, "activities_cache_hit", False)
    assert "You have signed out." in html
    # Shown once; the next visit gets the kept page again, without the message.
    response, html = fetch(client, url)
    assert "You have signed out." not in html


def test_the_finder_keeps_asking_for_the_location_from_the_cache(client, finder):
    if "village.security.SecurityHeadersMiddleware" not in settings.MIDDLEWARE:
        pytest.skip("no Permissions-Policy header in this build")
    fetch(client, FINDER["en"])
    response = fetch(client, FINDER["en"])[0]
    assert response.activities_cache_hit
    assert "geolocation=(self)" in response["Permissions-Policy"]


def test_switched_off_by_the_setting(client, finder, settings):
    settings.VILLAGE_PAGE_CACHE = False
    activity = ActivityFactory()
    fetch(client, detail_url(activity))
    assert not getattr(fetch(client, detail_url(activity))[0], "activities_cache_hit", False)


def test_a_page_is_kept_until_the_next_session_shown_ends_or_midnight():
    zone = timezone.get_current_timezone()
    now = timezone.make_aware(datetime.datetime(2026, 3, 4, 14, 0), zone)
    today = now.date()
    ends_today = Session(today, datetime.time(13, 30), datetime.time(16, 0))
    tomorrow = Session(today + datetime.timedelta(days=1), datetime.time(9, 0), datetime.time(10, 0))
    assert page_cache.valid_until([tomorrow, ends_today], now=now) == (
        timezone.make_aware(datetime.datetime(2026, 3, 4, 16, 0), zone).timestamp()
    )
    assert page_cache.valid_until([tomorrow, None], now=now) == (
        timezone.make_aware(datetime.datetime(2026, 3, 5, 0, 0), zone).timestamp()
    )


def test_a_kept_page_is_not_served_after_its_time(client, finder, monkeypatch):
    activity = ActivityFactory()
    url = detail_url(activity)
    fetch(client, url)
    assert fetch(client, url)[0].activities_cache_hit
    later = timezone.now().timestamp() + 24 * 3600
    monkeypatch.setattr(page_cache, "_now", lambda: later)
    assert not getattr(fetch(client, url)[0], "activities_cache_hit", False)


def test_logged_in_people_see_kept_cards_change_with_places_and_content(client, finder):
    """The finder's cards are kept for everyone (they show nothing personal), with their own key."""
    activity = RegistrationActivityFactory(capacity=3, title_en="Robot lab", title_nl="Robotlabo")
    log_in(client, ParentFactory(), "en")
    assert "3 places left" in fetch(client, FINDER["en"])[1]
    assert cache.get(page_cache.CONTENT_VERSION_KEY) is not None
    child = ChildFactory()
    services.register(actor=child.parent, activity=activity, children=[child])
    html = fetch(client, FINDER["en"])[1]
    assert "2 places left" in html and "Robot lab" in html
    assert "Robotlabo" in fetch(client, FINDER["nl"])[1]
    activity.title_en = "Robot and coding lab"
    activity.save()
    assert "Robot and coding lab" in fetch(client, FINDER["en"])[1]
    activity.venue.municipality = "Molenbeek"
    activity.venue.save()
    assert "Molenbeek" in fetch(client, FINDER["en"])[1]


def test_a_kept_card_is_the_card_as_rendered(client, finder):
    ActivityFactory(title_en="Chess club", themes=[ThemeFactory(slug="chess", name_en="Chess")])
    _response, first = fetch(client, FINDER["en"] + "?age=10")
    _response, second = fetch(client, FINDER["en"] + "?age=9")  # another page, the same card
    card = first[first.index('<ol class="activity-list"') : first.index("</ol>")]
    assert card == second[second.index('<ol class="activity-list"') : second.index("</ol>")]
    assert "Chess club" in card and '<li class="tag">Chess</li>' in card


# --- the open-data API's collection ----------------------------------------------------------

API = "/api/v1/activities?fields=id,title,places_left&lang=en"


def api_features(client, url=API, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return {feature["properties"]["id"]: feature["properties"] for feature in response.json()["features"]}


def test_the_api_answer_is_kept_and_follows_every_change(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    activity = RegistrationActivityFactory(capacity=3, title_en="Robot lab")
    assert api_features(client)[activity.pk] == {"id": activity.pk, "title": "Robot lab", "places_left": 3}
    with CaptureQueriesContext(connection) as queries:
        assert api_features(client)[activity.pk]["places_left"] == 3
    assert not [query for query in queries if "activities_activity" in query["sql"]]

    child = ChildFactory()
    services.register(actor=child.parent, activity=activity, children=[child])
    assert api_features(client)[activity.pk]["places_left"] == 2
    activity.title_en = "Robot lab for girls"
    activity.save()
    assert api_features(client)[activity.pk]["title"] == "Robot lab for girls"
    activity.unpublish()
    assert activity.pk not in api_features(client)


def test_the_api_keeps_languages_apart(client):
    activity = ActivityFactory(title_nl="Schaakclub", title_fr="Club d'échecs", title_en="Chess club")
    url = "/api/v1/activities?fields=id,title"
    assert api_features(client, url + "&lang=fr")[activity.pk]["title"] == "Club d'échecs"
    assert api_features(client, url + "&lang=nl")[activity.pk]["title"] == "Schaakclub"
    assert api_features(client, url, HTTP_ACCEPT_LANGUAGE="fr")[activity.pk]["title"] == "Club d'échecs"
    assert api_features(client, url, HTTP_ACCEPT_LANGUAGE="en")[activity.pk]["title"] == "Chess club"
