"""The open-data API: published activities as GeoJSON, with the finder's filters."""

import datetime
import json

import pytest
from django.core.validators import MinValueValidator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.text import slugify

from activities import api as activities_api
from activities.models import ActivityCancellation, JoinMode, Pillar, PriceUnit, ScheduleKind, SchoolHoliday
from tests.activities.factories import (
    ActivityFactory,
    RegistrationActivityFactory,
    SpokenLanguageFactory,
    ThemeFactory,
    VenueFactory,
    next_weekday,
)
from tests.factories import OrganisationFactory, make_partner

pytestmark = pytest.mark.django_db

COLLECTION = "/api/v1/activities"
WEDNESDAY = 2


def detail_url(pk):
    return f"/api/v1/activities/{pk}"


def features(client, params=None, **headers):
    """The features with every property (fields=all) unless the test picks fields."""
    params = {"fields": "all", **(params or {})}
    response = client.get(COLLECTION, params, **headers)
    assert response.status_code == 200, response.content
    return response.json()["features"]


def ids(client, params=None):
    return {feature["properties"]["id"] for feature in features(client, params)}


def activity_at(*, latitude=50.8390, longitude=4.3290, municipality="Anderlecht", postcode="1070", **kwargs):
    """An activity at a venue of its own organisation, wherever the test needs it."""
    organisation = OrganisationFactory()
    venue = VenueFactory(
        organisation=organisation,
        latitude=latitude,
        longitude=longitude,
        municipality=municipality,
        postcode=postcode,
        wheelchair_accessible=kwargs.pop("wheelchair", True),
    )
    return ActivityFactory(organisation=organisation, venue=venue, **kwargs)


def expected_start(activity):
    session = activity.next_sessions(1)[0]
    return datetime.datetime.combine(session.date, session.start_time, tzinfo=timezone.get_current_timezone())


# --- The collection ----------------------------------------------------------------------------


def test_without_fields_a_feature_carries_what_a_map_needs(client):
    activity = ActivityFactory()
    [feature] = client.get(COLLECTION).json()["features"]
    assert feature["properties"] == {"id": activity.pk}
    assert feature["geometry"]["type"] == "Point"


def test_collection_is_a_geojson_feature_collection_of_the_published_activities(client):
    music = ThemeFactory(slug="music")
    arabic = SpokenLanguageFactory(code="ar", name_nl="Arabisch", name_fr="arabe", name_en="Arabic")
    dutch = SpokenLanguageFactory()
    activity = ActivityFactory(themes=[music], spoken_languages=[dutch, arabic])

    response = client.get(COLLECTION, {"fields": "all"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    [feature] = body["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [4.329, 50.839]}
    properties = feature["properties"]
    assert list(properties) == activities_api.PROPERTIES
    assert properties == {
        "id": activity.pk,
        "title": activity.title_nl,
        "summary": "Samen huiswerk maken met begeleiding.",
        "url": f"http://testserver/nl/activity/{activity.pk}-{slugify(activity.title_nl)}/",
        "organisation": activity.organisation.name,
        "municipality": "Anderlecht",
        "postcode": "1070",
        "themes": ["music"],
        "pillar": "extended_learning",
        "min_age": 8,
        "max_age": 12,
        "free": True,
        "price": None,
        "price_unit": "free",
        "reduced_tariff": False,
        "join_mode": "drop_in",
        "places_left": None,
        "wheelchair": True,
        "languages": ["ar", "nl"],
        "next_session": expected_start(activity).isoformat(),
        "cancelled": False,
    }
    assert datetime.datetime.fromisoformat(properties["next_session"]).weekday() == WEDNESDAY


def test_responses_are_open_to_any_website_and_cacheable_for_a_minute(client):
    activity = ActivityFactory()
    for url in (COLLECTION, detail_url(activity.pk), COLLECTION + "?age=-1"):
        response = client.get(url)
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert response["Cache-Control"] == "public, max-age=60", url
        assert "Set-Cookie" not in response, url
        assert "Access-Control-Allow-Credentials" not in response


def test_paid_activity_with_registration_shows_price_places_and_reduced_tariff(client):
    activity = RegistrationActivityFactory(
        price_unit=PriceUnit.TERM, price="25.50", reduced_schemes=["uitpas"], confirmed_count=1
    )

    [feature] = features(client)

    properties = feature["properties"]
    assert properties["id"] == activity.pk
    assert properties["free"] is False
    assert properties["price"] == 25.5
    assert properties["price_unit"] == "term"
    assert properties["reduced_tariff"] is True
    assert properties["join_mode"] == "registration"
    assert properties["places_left"] == 2


def test_online_activity_has_no_geometry_and_the_organisations_place(client):
    organisation = OrganisationFactory(municipality="Mechelen", postcode="2800")
    ActivityFactory(organisation=organisation, venue=None, is_online=True)

    [feature] = features(client)

    assert feature["geometry"] is None
    assert feature["properties"]["municipality"] == "Mechelen"
    assert feature["properties"]["postcode"] == "2800"
    assert feature["properties"]["wheelchair"] is False


def test_drafts_and_ended_activities_never_appear(client):
    published = ActivityFactory()
    draft = ActivityFactory(live=False)
    today = timezone.localdate()
    ended = ActivityFactory(
        start_date=today - datetime.timedelta(days=100), end_date=today - datetime.timedelta(days=10)
    )
    one_day_past = ActivityFactory(
        schedule_kind=ScheduleKind.ONE_OFF, start_date=today - datetime.timedelta(days=1)
    )

    assert ids(client) == {published.pk}
    for hidden in (draft, ended, one_day_past):
        response = client.get(detail_url(hidden.pk))
        assert response.status_code == 404
        assert set(response.json()) == {"detail", "errors"}


def test_a_partner_sees_no_more_than_anyone_else(client):
    """The API is public: being logged in as a member does not reveal the organisation's drafts."""
    draft = ActivityFactory(live=False)
    client.force_login(make_partner(draft.organisation))

    assert ids(client) == set()
    assert client.get(detail_url(draft.pk)).status_code == 404


def test_cancelled_activity_stays_listed_marked_without_next_session(client):
    activity = ActivityFactory(cancelled=True)

    [feature] = features(client)

    assert feature["properties"]["id"] == activity.pk
    assert feature["properties"]["cancelled"] is True
    assert feature["properties"]["next_session"] is None
    assert client.get(detail_url(activity.pk)).json()["properties"]["next_sessions"] == []


def test_next_session_skips_cancelled_dates_and_school_holidays(client):
    wednesday = next_weekday(WEDNESDAY)
    week = datetime.timedelta(days=7)
    plain = ActivityFactory()
    same_schedule_but_cancelled = ActivityFactory()
    ActivityCancellation.objects.create(activity=same_schedule_but_cancelled, date=wednesday)
    SchoolHoliday.objects.create(
        name_nl="Krokus", start_date=wednesday, end_date=wednesday + week, school_system="nl"
    )
    skips_holidays = ActivityFactory(skip_school_holidays=True)
    other_school_system = ActivityFactory(skip_school_holidays=True, school_system="fr")

    starts = {
        feature["properties"]["id"]: datetime.datetime.fromisoformat(
            feature["properties"]["next_session"]
        ).date()
        for feature in features(client)
    }

    assert starts[plain.pk] == wednesday
    assert starts[same_schedule_but_cancelled.pk] == wednesday + week
    assert starts[skips_holidays.pk] == wednesday + 2 * week
    assert starts[other_school_system.pk] == wednesday
    # The same rules as the activity page's.
    for activity in (plain, same_schedule_but_cancelled, skips_holidays, other_school_system):
        assert starts[activity.pk] == activity.next_sessions(1)[0].date


def test_activities_with_the_same_days_but_other_periods_have_their_own_next_session(client):
    today = timezone.localdate()
    wednesday = next_weekday(WEDNESDAY)
    started_long_ago = ActivityFactory(start_date=today - datetime.timedelta(days=60))
    started_recently = ActivityFactory(start_date=today - datetime.timedelta(days=3))
    starts_later = ActivityFactory(start_date=wednesday + datetime.timedelta(days=14))
    ends_sooner = ActivityFactory(start_date=today - datetime.timedelta(days=60), end_date=wednesday)

    starts = {
        feature["properties"]["id"]: feature["properties"]["next_session"] for feature in features(client)
    }

    for activity in (started_long_ago, started_recently, starts_later, ends_sooner):
        assert starts[activity.pk] == expected_start(activity).isoformat()
    assert starts[starts_later.pk].startswith((wednesday + datetime.timedelta(days=14)).isoformat())


def test_next_session_of_a_one_off_and_a_camp(client):
    day = timezone.localdate() + datetime.timedelta(days=10)
    one_off = ActivityFactory(schedule_kind=ScheduleKind.ONE_OFF, start_date=day, end_date=None, weekdays=0)
    camp = ActivityFactory(
        schedule_kind=ScheduleKind.CAMP,
        start_date=day,
        end_date=day + datetime.timedelta(days=4),
        weekdays=0,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(16, 0),
    )

    starts = {
        feature["properties"]["id"]: feature["properties"]["next_session"] for feature in features(client)
    }

    assert starts[one_off.pk] == expected_start(one_off).isoformat()
    assert starts[camp.pk] == expected_start(camp).isoformat()
    assert starts[camp.pk].startswith(f"{day.isoformat()}T09:00:00")


# --- Filters -----------------------------------------------------------------------------------

FILTER_CASES = {
    "pillar": ({"pillar": "wellbeing"}, {"pillar": Pillar.WELLBEING}, {}),
    "age": ({"age": "10"}, {}, {"min_age": 14, "max_age": 18}),
    "age without limits": ({"age": "40"}, {"min_age": None, "max_age": None}, {}),
    "day": ({"day": "wed"}, {}, {"weekdays": 0b0000001}),
    "time evening": (
        {"time": "evening"},
        {"start_time": datetime.time(18, 30), "end_time": datetime.time(20, 0)},
        {},
    ),
    "time wednesday afternoon": ({"time": "wednesday_afternoon"}, {}, {"weekdays": 0b0000001}),
    "free": ({"free": "1"}, {}, {"price_unit": PriceUnit.SESSION, "price": "5.00"}),
    "free=true": ({"free": "true"}, {}, {"price_unit": PriceUnit.SESSION, "price": "5.00"}),
    "reduced": (
        {"reduced": "true"},
        {"price_unit": PriceUnit.SESSION, "price": "5.00", "reduced_price": "2.00"},
        {"price_unit": PriceUnit.SESSION, "price": "5.00"},
    ),
    "wheelchair": ({"wheelchair": "on"}, {}, {"wheelchair": False}),
    "municipality by name": (
        {"municipality": "mechelen"},
        {"municipality": "Mechelen", "postcode": "2800"},
        {},
    ),
    "municipality by postcode": (
        {"municipality": "2800"},
        {"municipality": "Mechelen", "postcode": "2800"},
        {},
    ),
    "near": (
        {"near": "50.85,4.35", "radius_km": "2"},
        {"latitude": 50.851, "longitude": 4.351},
        {"latitude": 51.03, "longitude": 4.48},
    ),
    "near with default radius": (
        {"near": "50.85,4.35"},
        {"latitude": 50.851, "longitude": 4.351},
        {"latitude": 50.95, "longitude": 4.35},
    ),
    "bbox": (
        {"bbox": "4.30,50.82,4.40,50.87"},
        {},
        {"latitude": 51.03, "longitude": 4.48},
    ),
    "q": ({"q": "schaak"}, {"title_nl": "Schaakclub", "title_fr": "Club d'échecs"}, {}),
    "q in another language": ({"q": "échecs"}, {"title_nl": "Schaakclub", "title_fr": "Club d'échecs"}, {}),
    "q on the organisation": ({"q": "brug"}, {"organisation__name": "Vzw De Brug"}, {}),
}


@pytest.mark.parametrize("params, match, other", FILTER_CASES.values(), ids=FILTER_CASES.keys())
def test_each_filter_returns_the_matching_activities(client, params, match, other):
    organisation_name = match.pop("organisation__name", None)
    matching = activity_at(**match)
    if organisation_name:
        matching.organisation.name = organisation_name
        matching.organisation.save()
    activity_at(**other)

    assert ids(client, params) == {matching.pk}
    assert len(ids(client)) == 2


def test_theme_filter_takes_several_themes(client):
    music, sport, art = ThemeFactory(slug="music"), ThemeFactory(slug="sport"), ThemeFactory(slug="art")
    with_music = ActivityFactory(themes=[music])
    with_sport_and_music = ActivityFactory(themes=[sport, music])
    ActivityFactory(themes=[art])

    assert ids(client, {"theme": ["music", "sport"]}) == {with_music.pk, with_sport_and_music.pk}
    assert ids(client, {"theme": "sport"}) == {with_sport_and_music.pk}
    [feature] = features(client, {"theme": "sport"})
    assert feature["properties"]["themes"] == ["music", "sport"]


def test_language_filter(client):
    arabic = SpokenLanguageFactory(code="ar", name_nl="Arabisch", name_fr="arabe", name_en="Arabic")
    in_arabic = ActivityFactory(spoken_languages=[arabic])
    ActivityFactory(spoken_languages=[SpokenLanguageFactory()])

    assert ids(client, {"language": "ar"}) == {in_arabic.pk}


def test_places_filter_keeps_activities_with_free_places(client):
    with_places = RegistrationActivityFactory(confirmed_count=2)
    RegistrationActivityFactory(confirmed_count=3)
    ActivityFactory()

    assert ids(client, {"places": "1"}) == {with_places.pk}


def test_near_lists_the_nearest_first(client):
    far = activity_at(latitude=50.87, longitude=4.35)
    near = activity_at(latitude=50.851, longitude=4.351)
    middle = activity_at(latitude=50.86, longitude=4.35)

    found = [
        feature["properties"]["id"] for feature in features(client, {"near": "50.85,4.35", "radius_km": "5"})
    ]

    assert found == [near.pk, middle.pk, far.pk]


def test_near_with_several_themes(client):
    """A SELECT DISTINCT (themes) ordered by distance: PostgreSQL is strict about that."""
    music, sport = ThemeFactory(slug="music"), ThemeFactory(slug="sport")
    both = activity_at(latitude=50.851, longitude=4.351, themes=[music, sport])
    one = activity_at(latitude=50.86, longitude=4.35, themes=[music])

    found = [
        feature["properties"]["id"]
        for feature in features(client, {"near": "50.85,4.35", "radius_km": "5", "theme": ["music", "sport"]})
    ]

    assert found == [both.pk, one.pk]


@pytest.mark.parametrize("value", ["0", "false", "no", "off", ""])
def test_a_boolean_filter_set_to_false_filters_nothing(client, value):
    ActivityFactory()
    ActivityFactory(price_unit=PriceUnit.SESSION, price="5.00")

    assert len(ids(client, {"free": value})) == 2


def test_unknown_parameters_are_ignored(client):
    activity = ActivityFactory()

    assert ids(client, {"page": "2", "callback": "x", "format": "xml"}) == {activity.pk}


def test_fields_limits_the_properties(client):
    activity = ActivityFactory()

    [feature] = features(client, {"fields": "url, title,id"})

    assert feature["properties"] == {
        "id": activity.pk,
        "title": activity.title_nl,
        "url": f"http://testserver/nl/activity/{activity.pk}-{slugify(activity.title_nl)}/",
    }
    assert feature["geometry"]["type"] == "Point"


def test_no_match_is_an_empty_collection(client):
    ActivityFactory()

    response = client.get(COLLECTION, {"age": "99"})

    assert response.status_code == 200
    assert response.json() == {"type": "FeatureCollection", "features": []}


# --- Languages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, title, summary",
    [
        ("nl", "Huiswerkklas", "Samen huiswerk maken met begeleiding."),
        ("fr", "École de devoirs", "Faire ses devoirs ensemble, avec un accompagnement."),
        ("en", "Homework club", "Doing homework together, with support."),
    ],
)
def test_lang_chooses_the_language_of_texts_and_addresses(client, language, title, summary):
    activity = ActivityFactory(title_nl="Huiswerkklas", title_fr="École de devoirs", title_en="Homework club")

    collection = client.get(COLLECTION, {"lang": language, "fields": "all"})
    [feature] = collection.json()["features"]
    one = client.get(detail_url(activity.pk), {"lang": language})
    detail = one.json()

    assert collection["Content-Language"] == one["Content-Language"] == language
    for properties in (feature["properties"], detail["properties"]):
        assert properties["title"] == title
        assert properties["summary"] == summary
        with translation.override(language):
            assert properties["url"] == "http://testserver" + activity.get_absolute_url()
        assert properties["url"].startswith(f"http://testserver/{language}/activity/{activity.pk}-")
    assert feature["properties"]["url"].endswith(f"-{slugify(title)}/")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_empty_translation_falls_back_to_dutch(client, language):
    activity = ActivityFactory(title_nl="Voetbal", title_fr="", title_en="", summary_fr="", summary_en="")

    [feature] = features(client, {"lang": language})
    detail = client.get(detail_url(activity.pk), {"lang": language}).json()

    for properties in (feature["properties"], detail["properties"]):
        assert properties["title"] == "Voetbal"
        assert properties["summary"] == "Samen huiswerk maken met begeleiding."
        assert properties["url"] == f"http://testserver/{language}/activity/{activity.pk}-voetbal/"


def test_the_language_follows_accept_language_unless_lang_is_given(client):
    ActivityFactory(title_nl="Huiswerkklas", title_fr="École de devoirs", title_en="Homework club")

    response = client.get(COLLECTION, {"fields": "id,title"}, HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9")
    assert response.json()["features"][0]["properties"]["title"] == "École de devoirs"
    assert "Accept-Language" in response["Vary"]

    [feature] = features(client, {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert feature["properties"]["title"] == "Homework club"

    [feature] = features(client, HTTP_ACCEPT_LANGUAGE="de")
    assert feature["properties"]["title"] == "Huiswerkklas"


def test_the_titles_slug_is_the_activity_pages(client):
    titles = [
        "Été à l'école – ça va?",
        "Voetbal & dans!",
        "🎵 Muziek 🎵",
        "---",
        "",
        "x" * 120,
        "Ça  --  marche_",
    ]
    activities = [ActivityFactory(title_nl=title, title_fr="", title_en="") for title in titles]

    urls = {feature["properties"]["id"]: feature["properties"]["url"] for feature in features(client)}

    for activity in activities:
        assert urls[activity.pk] == "http://testserver" + activity.get_absolute_url()


@pytest.mark.parametrize(
    "title", ["Été à l'école", "ÆØÅ ß ﬁ", "a_b-c  d", "-_x_-", "日本語", "İstanbul", "", " "]
)
def test_slug_is_djangos_slugify(title):
    assert activities_api._slug(title) == (slugify(title)[:60] or "activity")


# --- Bad input ---------------------------------------------------------------------------------

BAD_PARAMETERS = [
    ("bbox", "abc"),
    ("bbox", "5,50,4,51"),
    ("bbox", "4.3,50.8,4.4"),
    ("bbox", "nan,50,4,51"),
    ("age", "-1"),
    ("age", "ten"),
    ("age", "100"),
    ("near", "200,5"),
    ("near", "50.85"),
    ("near", "nan,nan"),
    ("radius_km", "0"),
    ("radius_km", "nan"),
    ("radius_km", "1e309"),
    ("day", "funday"),
    ("time", "never"),
    ("pillar", "cooking"),
    ("theme", "no-such-theme"),
    ("language", "xx"),
    ("lang", "de"),
    ("fields", "title,secret"),
    ("q", "x" * 101),
    ("q", "nul\x00byte"),
    ("municipality", "y" * 81),
]


@pytest.mark.parametrize("name, value", BAD_PARAMETERS)
def test_a_bad_parameter_gets_400_naming_it(client, name, value):
    ActivityFactory()

    response = client.get(COLLECTION, {name: value, "unknown": "ignored"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert list(body["errors"]) == [name]
    assert name in body["detail"]
    assert all(isinstance(message, str) and message for message in body["errors"][name])


def test_several_bad_parameters_are_all_named(client):
    body = client.get(COLLECTION, {"bbox": "abc", "age": "-1", "day": "funday", "lang": "de"}).json()

    assert set(body["errors"]) == {"bbox", "age", "day", "lang"}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_error_messages_are_in_the_response_language(client, language):
    body = client.get(COLLECTION, {"age": "-1", "lang": language}).json()

    with translation.override(language):
        expected = str(MinValueValidator(0).message) % {"limit_value": 0}
    assert body["errors"]["age"] == [expected]


def test_the_error_format_is_the_documented_one(client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["ErrorSchema"]
    body = client.get(COLLECTION, {"age": "-1"}).json()

    assert set(body) == set(schema["properties"])
    assert set(schema["required"]) <= set(body)


NASTY_QUERIES = [
    "bbox=" + "9" * 5000,
    "q=" + "é" * 100,
    "q=%F0%9F%8E%B5",
    "q=%ff%fe",
    "age=1&age=2&age=3",
    "theme=&theme=",
    "age=&bbox=&near=&radius_km=&day=&time=&free=&lang=&fields=",
    "near=1e309,5",
    "near=,",
    "bbox=,,,",
    "radius_km=-0",
    "radius_km=0x10",
    "day[]=wed",
    "fields=,,,",
    "fields=" + "id," * 3000,
    "lang=" + "n" * 10000,
    "theme=" + "%00" * 10,
    "municipality=%00",
    "near=50.85,4.35&radius_km=50&theme=a&theme=b",
    "%ZZ=1",
]


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_no_input_makes_a_server_error(client, query):
    ActivityFactory()

    response = client.get(f"{COLLECTION}?{query}")

    assert response.status_code in (200, 400), response.content
    assert set(response.json()) in ({"type", "features"}, {"detail", "errors"})


# --- One activity ------------------------------------------------------------------------------


def test_one_activity_has_the_collections_properties_and_more(client):
    music = ThemeFactory(slug="music")
    arabic = SpokenLanguageFactory(code="ar", name_nl="Arabisch", name_fr="arabe", name_en="Arabic")
    activity = ActivityFactory(
        themes=[music],
        spoken_languages=[arabic, SpokenLanguageFactory()],
        description_nl="Elke woensdag.",
        interpreter_available=True,
        reduced_schemes=["uitpas"],
        contact_email="info@example.org",
    )
    cancelled_day = next_weekday(WEDNESDAY)
    ActivityCancellation.objects.create(activity=activity, date=cancelled_day, reason_nl="Studiedag")

    [feature] = features(client, {"lang": "fr"})
    response = client.get(detail_url(activity.pk), {"lang": "fr"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    detail = response.json()
    assert detail["type"] == "Feature"
    assert detail["geometry"] == feature["geometry"]
    properties = detail["properties"]
    assert {name: properties[name] for name in activities_api.PROPERTIES} == feature["properties"]
    assert set(properties) == set(activities_api.ActivityDetailProperties.model_fields)
    assert properties["description"] == "Elke woensdag."
    assert properties["language_names"] == ["arabe", "néerlandais"]
    assert properties["languages"] == ["ar", "nl"]
    assert properties["interpreter_available"] is True
    assert properties["reduced_schemes"] == ["uitpas"]
    assert properties["audiences"] == ["children"]
    assert properties["schedule_kind"] == "weekly"
    assert properties["weekdays"] == ["wed"]
    assert (properties["start_time"], properties["end_time"]) == ("13:30", "16:00")
    assert properties["start_date"] == activity.start_date.isoformat()
    assert properties["end_date"] == activity.end_date.isoformat()
    assert properties["organisation_phone"] == activity.organisation.phone
    assert properties["contact_phone"] == "+32 2 520 14 30"
    assert properties["contact_email"] == "info@example.org"
    assert properties["venue"]["address"] == "Clemenceaulaan 20, 1070 Anderlecht"
    assert properties["venue"]["wheelchair_accessible"] is True
    assert properties["cancelled_dates"] == [{"date": cancelled_day.isoformat(), "reason": "Studiedag"}]
    sessions = properties["next_sessions"]
    assert len(sessions) == 5
    assert sessions[0]["start"] == properties["next_session"]
    assert sessions[0]["start"].startswith(f"{cancelled_day + datetime.timedelta(days=7)}T13:30:00")
    assert sessions[0]["end"].startswith(f"{cancelled_day + datetime.timedelta(days=7)}T16:00:00")
    assert properties["image_alt"] is None


def test_one_online_activity(client):
    activity = ActivityFactory(venue=None, is_online=True, join_mode=JoinMode.CONTACT)

    detail = client.get(detail_url(activity.pk)).json()

    assert detail["geometry"] is None
    assert detail["properties"]["venue"] is None
    assert detail["properties"]["is_online"] is True


@pytest.mark.parametrize("path", ["999999", "0", "-1", "99999999999999999999999999"])
def test_an_unknown_activity_is_a_json_404(client, path):
    ActivityFactory()

    response = client.get(f"{COLLECTION}/{path}")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail", "errors"}


@pytest.mark.parametrize("path", ["abc", "1.5", "%C3%A9", "1e3"])
def test_a_number_that_is_not_one_is_a_json_400(client, path):
    response = client.get(f"{COLLECTION}/{path}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body["errors"]) == ["activity_id"]
    assert "activity_id" in body["detail"]


def test_one_activity_with_a_bad_lang_is_a_400(client):
    activity = ActivityFactory()

    response = client.get(detail_url(activity.pk), {"lang": "de"})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["lang"]


# --- The OpenAPI document ----------------------------------------------------------------------


def test_the_openapi_document_describes_both_paths_and_their_parameters(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = json.loads(response.content)
    paths = document["paths"]
    collection = paths["/api/v1/activities"]["get"]
    one = paths["/api/v1/activities/{activity_id}"]["get"]
    form_fields = set(activities_api.ActivityFilterForm.base_fields)
    assert {parameter["name"] for parameter in collection["parameters"]} == form_fields | {"lang", "fields"}
    assert all(parameter["in"] == "query" for parameter in collection["parameters"])
    assert {(parameter["name"], parameter["in"]) for parameter in one["parameters"]} == {
        ("activity_id", "path"),
        ("lang", "query"),
    }
    schemas = document["components"]["schemas"]
    assert collection["responses"]["200"]["content"] == {
        "application/geo+json": {"schema": {"$ref": "#/components/schemas/ActivityFeatureCollection"}}
    }
    assert one["responses"]["200"]["content"] == {
        "application/geo+json": {"schema": {"$ref": "#/components/schemas/ActivityDetailFeature"}}
    }
    for operation, codes in ((collection, {"400"}), (one, {"400", "404"})):
        for code in codes:
            assert operation["responses"][code]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorSchema"
            }
    assert list(schemas["ActivityProperties"]["properties"]) == activities_api.PROPERTIES
    assert "x-media-type" not in json.dumps(document)


# --- Cost --------------------------------------------------------------------------------------


def make_rich_activities(count):
    """Activities with everything that costs a query: themes, languages, cancellations,
    holidays to skip, online ones."""
    themes = [ThemeFactory(slug="music"), ThemeFactory(slug="sport")]
    languages = [SpokenLanguageFactory(), SpokenLanguageFactory(code="fr", name_nl="Frans")]
    organisation = OrganisationFactory()
    wednesday = next_weekday(WEDNESDAY)
    SchoolHoliday.objects.get_or_create(
        name_nl="Vakantie", start_date=wednesday, end_date=wednesday, school_system="both"
    )
    for number in range(count):
        activity = ActivityFactory(
            organisation=organisation,
            themes=themes[: number % 3],
            spoken_languages=languages[: number % 3],
            skip_school_holidays=number % 2 == 0,
            start_date=timezone.localdate() - datetime.timedelta(days=number),
            **({"venue": None, "is_online": True} if number % 5 == 0 else {}),
        )
        if number % 3 == 0:
            ActivityCancellation.objects.create(
                activity=activity, date=wednesday + datetime.timedelta(days=7)
            )


@pytest.mark.parametrize("max_listed_ids", [activities_api.MAX_LISTED_IDS, 5])
@pytest.mark.parametrize(
    "query", [{}, {"bbox": "4.30,50.82,4.40,50.87", "theme": ["music", "sport"], "age": "10"}]
)
def test_the_number_of_queries_does_not_grow_with_the_activities(client, monkeypatch, max_listed_ids, query):
    monkeypatch.setattr(activities_api, "MAX_LISTED_IDS", max_listed_ids)
    make_rich_activities(3)
    with CaptureQueriesContext(connection) as few:
        found_few = features(client, query)
    make_rich_activities(30)
    with CaptureQueriesContext(connection) as many:
        found_many = features(client, query)

    assert len(found_many) > len(found_few) > 0
    assert len(many) == len(few)
    assert len(many) <= 8


def test_the_next_sessions_are_those_of_the_activity_pages_whatever_the_query_path(client, monkeypatch):
    make_rich_activities(12)
    expected = {}
    for feature in features(client):
        expected[feature["properties"]["id"]] = feature["properties"]["next_session"]
    monkeypatch.setattr(activities_api, "MAX_LISTED_IDS", 5)

    assert {
        feature["properties"]["id"]: feature["properties"]["next_session"] for feature in features(client)
    } == (expected)
    from activities.models import Activity

    for activity in Activity.objects.filter(pk__in=expected):
        sessions = activity.next_sessions(1)
        assert expected[activity.pk] == (expected_start(activity).isoformat() if sessions else None)


# Measured with 10,000 generated activities (summaries of about 70 characters): 670 bytes per
# feature with every property, 196 with fields=id,title,url. These bounds catch growth.
FULL_FEATURE_BYTES = 700
LEAN_FEATURE_BYTES = 200


def test_features_stay_small(client):
    make_rich_activities(200)

    full = client.get(COLLECTION).content
    lean = client.get(COLLECTION, {"fields": "id,title,url"}).content

    assert len(json.loads(full)["features"]) == 200
    assert len(full) / 200 < FULL_FEATURE_BYTES
    assert len(lean) / 200 < LEAN_FEATURE_BYTES
    assert b'": ' not in lean and b'", "' not in lean  # compact separators
