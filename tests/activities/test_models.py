import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from activities.models import Activity, ActivityCancellation, JoinMode, PriceUnit, ScheduleKind, SchoolHoliday
from tests.activities.factories import ActivityFactory, VenueFactory
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def errors_of(activity):
    with pytest.raises(ValidationError) as caught:
        activity.full_clean()
    return caught.value.message_dict


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"min_age": 12, "max_age": 8}, "max_age"),
        ({"end_date": TODAY - datetime.timedelta(days=400)}, "end_date"),
        ({"weekdays": 0}, "weekdays"),
        ({"start_time": datetime.time(16, 0), "end_time": datetime.time(15, 0)}, "end_time"),
        ({"price_unit": PriceUnit.SESSION, "price": None}, "price"),
        ({"price_unit": PriceUnit.SESSION, "price": 5, "reduced_price": 8}, "reduced_price"),
        ({"reduced_schemes": ["free-beer"]}, "reduced_schemes"),
        ({"join_mode": JoinMode.REGISTRATION, "capacity": None}, "capacity"),
        ({"schedule_kind": ScheduleKind.WEEKLY, "end_date": None}, "end_date"),
    ],
)
def test_activity_rules(changes, field):
    activity = ActivityFactory()
    for name, value in changes.items():
        setattr(activity, name, value)
    assert field in errors_of(activity)


def test_a_venue_or_online_is_needed():
    activity = ActivityFactory()
    activity.venue = None
    assert "venue" in errors_of(activity)
    activity.is_online = True
    activity.full_clean()


def test_venue_of_another_organisation_is_refused():
    activity = ActivityFactory()
    activity.venue = VenueFactory(organisation=OrganisationFactory())
    assert "venue" in errors_of(activity)


def test_last_session_and_weekdays_follow_the_schedule():
    activity = ActivityFactory(
        schedule_kind=ScheduleKind.ONE_OFF, start_date=TODAY + datetime.timedelta(days=3), end_date=None
    )
    assert activity.last_session_date == TODAY + datetime.timedelta(days=3)
    assert activity.session_weekdays == 1 << activity.start_date.weekday()


def test_published_excludes_drafts_and_ended_activities():
    live = ActivityFactory()
    ActivityFactory(live=False)
    ActivityFactory(
        schedule_kind=ScheduleKind.ONE_OFF, start_date=TODAY - datetime.timedelta(days=2), end_date=None
    )
    assert list(Activity.objects.published()) == [live]


def test_status_for_partners():
    assert ActivityFactory().status == "published"
    assert ActivityFactory(live=False).status == "draft"
    assert ActivityFactory(cancelled=True).status == "cancelled"
    ended = ActivityFactory(schedule_kind=ScheduleKind.ONE_OFF, start_date=TODAY - datetime.timedelta(days=1))
    assert ended.status == "ended"


def test_next_sessions_skip_cancelled_dates_and_holidays():
    activity = ActivityFactory(skip_school_holidays=True)
    first, second = activity.next_sessions(2)
    ActivityCancellation.objects.create(activity=activity, date=first.date)
    SchoolHoliday.objects.create(name_nl="Vakantie", start_date=second.date, end_date=second.date)
    activity = Activity.objects.get(pk=activity.pk)
    assert first.date not in [s.date for s in activity.next_sessions(3)]
    assert second.date not in [s.date for s in activity.next_sessions(3)]


def test_the_database_refuses_overbooking():
    activity = ActivityFactory(join_mode=JoinMode.REGISTRATION, capacity=2)
    Activity.objects.filter(pk=activity.pk).update(confirmed_count=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(confirmed_count=3)


def test_translated_title_falls_back_to_dutch():
    from django.utils import translation

    activity = ActivityFactory(title_nl="Voetbal", title_fr="", title_en="")
    with translation.override("fr"):
        assert Activity.objects.get(pk=activity.pk).title == "Voetbal"


def test_capacity_cannot_drop_below_confirmed_places():
    activity = ActivityFactory(join_mode=JoinMode.REGISTRATION, capacity=5)
    Activity.objects.filter(pk=activity.pk).update(confirmed_count=4)
    activity.refresh_from_db()
    activity.capacity = 3
    assert "capacity" in errors_of(activity)


def test_an_edit_or_a_revision_does_not_write_back_a_stale_place_count():
    activity = ActivityFactory(join_mode=JoinMode.REGISTRATION, capacity=12)
    revision = activity.save_revision()
    stale = Activity.objects.get(pk=activity.pk)
    Activity.objects.filter(pk=activity.pk).update(confirmed_count=11)  # a registration meanwhile

    stale.title_nl = "Nieuwe titel"
    stale.save()
    assert Activity.objects.get(pk=activity.pk).confirmed_count == 11

    revision.publish()
    assert Activity.objects.get(pk=activity.pk).confirmed_count == 11
