"""manage.py generate_activities: consistent synthetic data at scale, and --clear."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from accounts.models import ChildProfile, User
from activities.filters import ActivityFilterForm
from activities.management.commands.generate_activities import EMAIL_DOMAIN, PREFIX
from activities.models import Activity, JoinMode, Registration, RegistrationStatus
from organisations.models import Organisation
from tests.activities.factories import RegistrationActivityFactory
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

SMALL = {"activities": 50, "organisations": 5, "registrations": 100}


def generate(**options):
    out = io.StringIO()
    call_command("generate_activities", stdout=out, **options)
    return out.getvalue()


def synthetic_activities():
    return Activity.objects.filter(organisation__name__startswith=PREFIX)


def test_creates_what_was_asked_and_says_so():
    output = generate(**SMALL)
    assert Organisation.objects.filter(name__startswith=PREFIX, status="approved").count() == 5
    assert synthetic_activities().count() == 50
    assert Registration.objects.filter(activity__in=synthetic_activities()).count() == 100
    assert "Created 5 organisations" in output and "50 activities" in output and "100 registrations" in output
    assert " s." in output  # how long it took


def test_places_are_consistent_with_the_registrations():
    generate(**SMALL)
    activities = synthetic_activities().annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
        waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
    )
    assert activities.filter(join_mode=JoinMode.REGISTRATION).exists()
    for activity in activities:
        assert activity.confirmed_count == activity.confirmed
        if activity.join_mode != JoinMode.REGISTRATION:
            assert activity.confirmed == activity.waiting == 0
            continue
        assert activity.confirmed_count <= activity.capacity
        if activity.waiting:  # nobody waits while there is a place
            assert activity.confirmed_count == activity.capacity
    for registration in Registration.objects.filter(activity__in=activities).select_related("child"):
        if registration.child_id:
            assert registration.registered_by_id == registration.child.parent_id
        else:
            assert registration.registered_by_id == registration.participant_id


def test_derived_schedule_fields_match_what_save_computes():
    generate(**SMALL)
    for activity in synthetic_activities():
        schedule = activity.schedule()
        assert activity.last_session_date == schedule.last_date(), activity.pk
        assert activity.session_weekdays == schedule.weekday_mask(), activity.pk
    form = ActivityFilterForm({"day": "wed"})
    assert form.is_valid()
    for activity in form.filter(synthetic_activities()):
        assert any(session.date.weekday() == 2 for session in activity.schedule().sessions(limit=7))


def test_generated_activities_are_valid_and_trilingual():
    generate(**SMALL)
    activities = list(synthetic_activities().prefetch_related("themes", "spoken_languages"))
    assert Activity.objects.published().filter(pk__in=[a.pk for a in activities]).count() > 30
    for activity in activities:
        activity.full_clean()
        for field in ("title", "summary", "description"):
            for code in ("nl", "fr", "en"):
                assert getattr(activity, f"{field}_{code}")
        assert activity.themes.all() and activity.spoken_languages.all()
        if activity.venue_id:
            lat, lon = float(activity.venue.latitude), float(activity.venue.longitude)
            in_brussels = 50.76 <= lat <= 50.92 and 4.24 <= lon <= 4.48
            in_mechelen = activity.venue.municipality == "Mechelen" and 51.0 <= lat <= 51.05
            in_leiden = activity.venue.municipality == "Leiden" and 52.1 <= lat <= 52.2
            assert in_brussels or in_mechelen or in_leiden


def test_generated_people_cannot_log_in():
    generate(**SMALL)
    people = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
    assert people.exists()
    assert not any(person.has_usable_password() for person in people)
    assert ChildProfile.objects.filter(parent__in=people).exists()


def test_the_same_seed_gives_the_same_data():
    def snapshot():
        return sorted(
            synthetic_activities().values_list(
                "title_nl", "start_date", "capacity", "confirmed_count", "price"
            )
        )

    generate(seed=7, **SMALL)
    first = snapshot()
    generate(clear=True, seed=7, **SMALL)
    assert snapshot() == first


def test_running_again_adds_more():
    generate(**SMALL)
    generate(**SMALL)
    assert Organisation.objects.filter(name__startswith=PREFIX).count() == 10
    assert synthetic_activities().count() == 100


def test_clear_removes_only_generated_data():
    own = RegistrationActivityFactory()
    child = ChildFactory()
    Registration.objects.create(
        activity=own, child=child, registered_by=child.parent, status=RegistrationStatus.CONFIRMED
    )
    Activity.objects.filter(pk=own.pk).update(confirmed_count=1)
    before = {
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "children": ChildProfile.objects.count(),
        "activities": Activity.objects.count(),
        "registrations": Registration.objects.count(),
    }
    generate(**SMALL)
    output = generate(clear=True)
    assert "Removed 5 synthetic organisations with 50 activities" in output
    after = {
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "children": ChildProfile.objects.count(),
        "activities": Activity.objects.count(),
        "registrations": Registration.objects.count(),
    }
    assert after == before
    assert Registration.objects.get().activity == own


def test_clear_also_removes_a_generated_activity_edited_since():
    generate(**SMALL)
    edited = synthetic_activities().first()
    edited.title_nl = "Aangepast in de beheeromgeving"
    edited.save()
    edited.save_revision()
    generate(clear=True)
    assert not synthetic_activities().exists()
    assert not Activity.objects.filter(pk=edited.pk).exists()


def test_clear_removes_what_others_attached_to_generated_people():
    generate(**SMALL)
    person = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").first()
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    generate(clear=True)
    assert not User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists()
    assert not EmailAddress.objects.filter(email=person.email).exists()
    assert not synthetic_activities().exists()


def test_refuses_to_run_with_production_settings(settings):
    settings.VILLAGE_DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="production"):
        generate(**SMALL)
    assert not synthetic_activities().exists()


@pytest.mark.parametrize(
    "options, message",
    [
        ({"activities": -1, "organisations": 5, "registrations": 0}, "negative"),
        ({"activities": 10, "organisations": 0, "registrations": 0}, "organisation"),
    ],
)
def test_bad_numbers_get_a_clear_message(options, message):
    with pytest.raises(CommandError, match=message):
        generate(**options)
