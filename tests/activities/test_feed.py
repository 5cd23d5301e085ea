"""The private calendar feed: /<lang>/calendar/<token>.ics, the token is the secret."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from activities import services
from activities.models import ActivityCancellation, CalendarFeed, ScheduleKind, SchoolHoliday
from tests.activities.factories import RegistrationActivityFactory, next_weekday
from tests.factories import ChildFactory, ParentFactory, YouthFactory

pytestmark = pytest.mark.django_db


def feed_url(user, language="nl"):
    feed = services.calendar_feed_for(user)
    with translation.override(language):
        return reverse("activities:calendar_feed", args=[feed.token])


def unfold(text):
    return text.replace("\r\n ", "")


def events(text):
    return unfold(text).split("BEGIN:VEVENT")[1:]


def register_child(activity, child):
    return services.register(actor=child.parent, activity=activity, children=[child])[0]


def test_feed_has_one_event_per_confirmed_activity_with_rrule_and_exdates(client):
    parent = ParentFactory()
    first = ChildFactory(parent=parent, first_name="Amira")
    second = ChildFactory(parent=parent, first_name="Youssef")
    weekly = RegistrationActivityFactory(title_nl="Huiswerkklas Noord", capacity=5)
    cancelled_day = next_weekday(2) + datetime.timedelta(days=7)
    ActivityCancellation.objects.create(activity=weekly, date=cancelled_day, reason_nl="Studiedag")
    register_child(weekly, first)
    register_child(weekly, second)
    camp = RegistrationActivityFactory(
        title_nl="Paaskamp",
        schedule_kind=ScheduleKind.CAMP,
        start_date=timezone.localdate() + datetime.timedelta(days=20),
        end_date=timezone.localdate() + datetime.timedelta(days=24),
    )
    register_child(camp, first)
    full = RegistrationActivityFactory(title_nl="Volzet", capacity=1)
    register_child(full, ChildFactory())
    register_child(full, second)  # waiting: not in the calendar

    response = client.get(feed_url(parent))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    found = events(text)
    assert len(found) == 2
    weekly_event = next(event for event in found if "Huiswerkklas Noord" in event)
    assert "Amira" in weekly_event and "Youssef" in weekly_event
    assert "RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=" in weekly_event
    assert f"EXDATE;TZID=Europe/Brussels:{cancelled_day:%Y%m%d}T133000" in weekly_event
    assert "DTSTART;TZID=Europe/Brussels:" in weekly_event
    camp_event = next(event for event in found if "Paaskamp" in event)
    assert "RRULE:FREQ=DAILY;UNTIL=" in camp_event
    assert "Volzet" not in text
    assert f"/nl/activity/{weekly.pk}-" in weekly_event


def test_school_holidays_become_exdates():
    parent = ParentFactory()
    activity = RegistrationActivityFactory(skip_school_holidays=True)
    wednesday = next_weekday(2)
    SchoolHoliday.objects.create(
        name_nl="Krokus", start_date=wednesday, end_date=wednesday, school_system="both"
    )
    register_child(activity, ChildFactory(parent=parent))
    from django.test import Client

    text = Client().get(feed_url(parent)).content.decode()
    assert f"{wednesday:%Y%m%d}T133000" in unfold(text).split("EXDATE")[1]


def test_a_youths_own_registrations_are_in_their_feed(client):
    youth = YouthFactory(display_name="Sara")
    activity = RegistrationActivityFactory(title_nl="Skateclub", min_age=None, max_age=None)
    services.register(actor=youth, activity=activity, youth=youth)
    text = client.get(feed_url(youth)).content.decode()
    assert "Skateclub (Sara)" in unfold(text)


def test_cancelled_registrations_leave_the_feed_and_cancelled_activities_are_marked(client):
    parent = ParentFactory()
    child = ChildFactory(parent=parent)
    gone = RegistrationActivityFactory(title_nl="Weg")
    registration = register_child(gone, child)
    services.cancel_registration(actor=parent, registration=registration)
    called_off = RegistrationActivityFactory(title_nl="Afgelast")
    register_child(called_off, child)
    called_off.cancelled = True
    called_off.save()
    text = unfold(client.get(feed_url(parent)).content.decode())
    assert "Weg" not in text
    assert "STATUS:CANCELLED" in events(text)[0]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_feed_speaks_the_language_of_its_address(client, language):
    parent = ParentFactory()
    activity = RegistrationActivityFactory()
    register_child(activity, ChildFactory(parent=parent))
    text = unfold(client.get(feed_url(parent, language)).content.decode())
    assert getattr(activity, f"title_{language}") in text
    assert f"/{language}/activity/{activity.pk}-" in text


def test_unknown_token_is_a_404_and_needs_no_login(client):
    assert client.get(reverse("activities:calendar_feed", args=["not-a-token"])).status_code == 404
    parent = ParentFactory()
    url = feed_url(parent)
    assert client.get(url).status_code == 200  # anonymous: the token is the key
    parent.is_active = False
    parent.save()
    assert client.get(url).status_code == 404


def test_an_empty_feed_is_still_a_calendar(client):
    text = client.get(feed_url(ParentFactory())).content.decode()
    assert "BEGIN:VCALENDAR" in text and "BEGIN:VEVENT" not in text


def test_one_person_one_feed_and_the_token_is_long():
    parent = ParentFactory()
    assert services.calendar_feed_for(parent) == services.calendar_feed_for(parent)
    assert CalendarFeed.objects.count() == 1
    assert len(parent.calendar_feed.token) >= 32


def test_feed_makes_a_fixed_number_of_queries(client):
    parent = ParentFactory()
    url = feed_url(parent)

    def add(count):
        for _ in range(count):
            activity = RegistrationActivityFactory(skip_school_holidays=True)
            ActivityCancellation.objects.create(activity=activity, date=activity.end_date)
            register_child(activity, ChildFactory(parent=parent, first_name=f"Kind {activity.pk}"))

    add(1)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(5)
    with CaptureQueriesContext(connection) as many:
        text = client.get(url).content.decode()
    assert text.count("BEGIN:VEVENT") == 6
    assert len(many) == len(few)
