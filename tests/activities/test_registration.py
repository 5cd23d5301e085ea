"""Registering for activities: who may, age limits, places and the waiting list, cancelling,
e-mails in the person's language, reminders, "My activities" and privacy."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import ChildProfile, current_year
from accounts.roles import EDITOR, MODERATOR
from accounts.services import delete_account, export_personal_data
from activities import services, tasks
from activities.models import (
    Activity,
    ActivityCancellation,
    Registration,
    RegistrationStatus,
    SavedSearch,
    ScheduleKind,
)
from tests.activities.factories import ActivityFactory, RegistrationActivityFactory
from tests.factories import (
    ChildFactory,
    OrganisationFactory,
    ParentFactory,
    ProfessionalFactory,
    YouthFactory,
    make_partner,
    make_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """These tests read the English wording: pages, and e-mails to the people they create."""
    with translation.override("en"):
        yield


DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def join_url(activity):
    return reverse("activities:join", args=[activity.pk])


def register_child(activity, child=None, **child_kwargs):
    child = child or ChildFactory(**child_kwargs)
    return services.register(actor=child.parent, activity=activity, children=[child])[0]


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def one_off(**kwargs):
    """A one-off registration activity `days` days from now (tomorrow by default)."""
    days = kwargs.pop("days", 1)
    return RegistrationActivityFactory(
        schedule_kind=ScheduleKind.ONE_OFF,
        start_date=timezone.localdate() + datetime.timedelta(days=days),
        end_date=None,
        start_time=datetime.time(14, 0),
        end_time=datetime.time(16, 0),
        **kwargs,
    )


# --- who may register -----------------------------------------------------------------------------


def test_parent_registers_own_child_and_gets_a_confirmation(client, site_root):
    activity = RegistrationActivityFactory()
    child = ChildFactory(first_name="Amira")
    client.force_login(child.parent)

    page = client.get(join_url(activity))
    assert page.status_code == 200
    assert "Amira" in page.content.decode()

    response = client.post(join_url(activity), {"children": [child.pk]})
    assert response.status_code == 302
    assert response["Location"] == reverse("activities:my_activities")
    registration = Registration.objects.get()
    assert (registration.child, registration.status, registration.registered_by) == (
        child,
        RegistrationStatus.CONFIRMED,
        child.parent,
    )
    activity.refresh_from_db()
    assert activity.confirmed_count == 1
    assert [message.to for message in mail.outbox] == [[child.parent.email]]
    assert "Amira" in mail.outbox[0].body
    my_page = client.get(reverse("activities:my_activities")).content.decode()
    assert "Amira" in my_page and activity.title in my_page


def test_youth_registers_themself(client, site_root):
    activity = RegistrationActivityFactory(min_age=12, max_age=18)
    youth = YouthFactory()
    client.force_login(youth)
    assert client.get(join_url(activity)).status_code == 200
    response = client.post(join_url(activity))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.participant, registration.child, registration.status) == (
        youth,
        None,
        RegistrationStatus.CONFIRMED,
    )
    assert "You are registered" in mail.outbox[0].body


def test_joining_is_rate_limited_per_person_and_a_refusal_stores_nothing(client, site_root, settings):
    settings.VILLAGE_RATE_LIMITS = {**settings.VILLAGE_RATE_LIMITS, "activity_join": (2, 600)}
    youth = YouthFactory()
    client.force_login(youth)
    activities = [RegistrationActivityFactory(min_age=12, max_age=18) for _ in range(3)]
    for activity in activities[:2]:
        assert client.post(join_url(activity)).status_code == 302
    response = client.post(join_url(activities[2]))
    assert response.status_code == 200
    assert "Please wait a few minutes and try again" in response.content.decode()
    assert Registration.objects.filter(activity=activities[2]).count() == 0
    # Another person is not held back.
    client.force_login(YouthFactory())
    assert client.post(join_url(activities[2])).status_code == 302


def test_parent_cannot_register_another_parents_child(client, site_root):
    activity = RegistrationActivityFactory()
    parent = ParentFactory()
    ChildFactory(parent=parent)
    strangers_child = ChildFactory()
    client.force_login(parent)
    response = client.post(join_url(activity), {"children": [strangers_child.pk]})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Registration.objects.exists()
    with pytest.raises(services.RegistrationError):
        services.register(actor=parent, activity=activity, children=[strangers_child])
    assert not Registration.objects.exists()
    assert Activity.objects.get().confirmed_count == 0


def test_professional_cannot_register(client, site_root):
    activity = RegistrationActivityFactory()
    professional = ProfessionalFactory()
    client.force_login(professional)
    assert client.get(join_url(activity)).status_code == 403
    assert client.post(join_url(activity)).status_code == 403
    with pytest.raises(services.RegistrationError):
        services.register(actor=professional, activity=activity, youth=professional)
    assert not Registration.objects.exists()


def test_anonymous_visitor_is_sent_to_log_in_and_back(client, site_root):
    activity = RegistrationActivityFactory()
    response = client.get(join_url(activity))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert f"next={join_url(activity)}" in response["Location"]
    assert client.post(join_url(activity)).status_code == 302
    assert not Registration.objects.exists()


def test_parent_without_children_is_asked_to_add_one(client, site_root):
    client.force_login(ParentFactory())
    page = client.get(join_url(RegistrationActivityFactory())).content.decode()
    assert reverse("accounts:child_add") in page


def test_youth_cannot_register_children_and_parent_not_themself():
    activity = RegistrationActivityFactory(min_age=None, max_age=None)
    parent = ParentFactory()
    with pytest.raises(services.RegistrationError):
        services.register(actor=parent, activity=activity, youth=parent)
    youth = YouthFactory()
    with pytest.raises(services.RegistrationError):
        services.register(actor=youth, activity=activity, children=[ChildFactory()])
    with pytest.raises(services.RegistrationError):
        services.register(actor=parent, activity=activity)  # nobody chosen
    assert not Registration.objects.exists()


# --- age limits ---------------------------------------------------------------------------------


def test_children_outside_the_age_range_are_shown_disabled_with_the_reason(client, site_root):
    activity = RegistrationActivityFactory(min_age=8, max_age=12)
    parent = ParentFactory()
    fits = ChildFactory(parent=parent, first_name="Noor", birth_year=current_year() - 8)
    young = ChildFactory(parent=parent, first_name="Sami", birth_year=current_year() - 5)
    old = ChildFactory(parent=parent, first_name="Lina", birth_year=current_year() - 13)
    client.force_login(parent)
    page = client.get(join_url(activity)).content.decode()
    assert f'value="{fits.pk}" id="child-{fits.pk}" checked>' in page  # the only one, ticked
    assert f'id="child-{young.pk}" disabled' in page
    assert f'id="child-{old.pk}" disabled' in page
    assert "Sami is too young" in page and "Lina is too old" in page

    # Forcing the disabled one in anyway: refused, and nothing half-saved with the other child.
    response = client.post(join_url(activity), {"children": [fits.pk, young.pk]})
    assert response.status_code == 200
    assert not Registration.objects.exists()
    with pytest.raises(services.RegistrationError, match="too young"):
        services.register(actor=parent, activity=activity, children=[fits, young])
    assert not Registration.objects.exists()
    assert Activity.objects.get().confirmed_count == 0


@pytest.mark.parametrize("age, allowed", [(7, False), (8, True), (12, True), (13, False)])
def test_age_is_this_year_minus_the_birth_year(age, allowed):
    activity = RegistrationActivityFactory(min_age=8, max_age=12)
    child = ChildFactory(birth_year=current_year() - age)
    if allowed:
        register_child(activity, child)
        assert Registration.objects.count() == 1
    else:
        with pytest.raises(services.RegistrationError):
            register_child(activity, child)
        assert not Registration.objects.exists()


def test_youth_outside_the_age_range_sees_why(client, site_root):
    activity = RegistrationActivityFactory(min_age=8, max_age=12)
    youth = YouthFactory(birth_year=current_year() - 15)
    client.force_login(youth)
    page = client.get(join_url(activity)).content.decode()
    assert "You are too old" in page
    response = client.post(join_url(activity))
    assert response.status_code == 200
    assert "You are too old" in response.content.decode()
    assert not Registration.objects.exists()


def test_youth_without_birth_year_is_asked_for_it():
    activity = RegistrationActivityFactory(min_age=12, max_age=18)
    youth = YouthFactory(birth_year=None)
    with pytest.raises(services.RegistrationError, match="birth year"):
        services.register(actor=youth, activity=activity, youth=youth)


# --- activities that take no registrations ----------------------------------------------------------


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"cancelled": True}, "cancelled"),
        (
            {
                "start_date": datetime.date(2020, 1, 1),
                "end_date": datetime.date(2020, 6, 30),
            },
            "ended",
        ),
    ],
)
def test_cancelled_and_ended_activities_take_no_registrations(client, site_root, changes, reason):
    activity = RegistrationActivityFactory(**changes)
    child = ChildFactory()
    client.force_login(child.parent)
    page = client.get(join_url(activity))
    assert page.status_code == 200
    assert reason in page.content.decode()
    response = client.post(join_url(activity), {"children": [child.pk]})
    assert response.status_code == 200
    assert not Registration.objects.exists()
    with pytest.raises(services.RegistrationError, match=reason):
        register_child(activity, child)


@pytest.mark.parametrize("factory_kwargs", [{"live": False}, {"join_mode": "drop_in", "capacity": None}])
def test_drafts_and_activities_without_registration_do_not_exist_for_joining(
    client, site_root, factory_kwargs
):
    activity = RegistrationActivityFactory(**factory_kwargs)
    child = ChildFactory()
    client.force_login(child.parent)
    assert client.get(join_url(activity)).status_code == 404
    assert client.post(join_url(activity), {"children": [child.pk]}).status_code == 404
    client.logout()
    assert client.get(join_url(activity)).status_code == 404
    with pytest.raises(services.RegistrationError):
        register_child(activity, child)


# --- duplicates ----------------------------------------------------------------------------------------


def test_a_child_is_registered_only_once(client, site_root):
    activity = RegistrationActivityFactory()
    child = ChildFactory(first_name="Adam")
    register_child(activity, child)
    with pytest.raises(services.RegistrationError, match="already registered"):
        register_child(activity, child)
    client.force_login(child.parent)
    page = client.get(join_url(activity)).content.decode()
    assert "Adam is already registered" in page
    assert Registration.objects.count() == 1
    assert Activity.objects.get().confirmed_count == 1


def test_the_database_refuses_a_second_active_registration():
    activity = RegistrationActivityFactory()
    child = ChildFactory()
    register_child(activity, child)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            activity=activity, child=child, registered_by=child.parent, status="waiting"
        )


def test_a_youth_is_registered_only_once_but_may_come_back_after_cancelling():
    activity = RegistrationActivityFactory(min_age=None, max_age=None)
    youth = YouthFactory()
    first = services.register(actor=youth, activity=activity, youth=youth)[0]
    with pytest.raises(services.RegistrationError, match="already registered"):
        services.register(actor=youth, activity=activity, youth=youth)
    services.cancel_registration(actor=youth, registration=first)
    again = services.register(actor=youth, activity=activity, youth=youth)[0]
    assert again.status == RegistrationStatus.CONFIRMED
    assert Registration.objects.filter(participant=youth).count() == 2


def test_the_count_never_passes_the_capacity_in_the_database():
    activity = RegistrationActivityFactory(capacity=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(confirmed_count=3)


# --- waiting list -----------------------------------------------------------------------------------


def test_full_activity_puts_people_on_the_waiting_list_in_order_and_promotes_the_first():
    activity = RegistrationActivityFactory(capacity=1)
    first = register_child(activity, first_name="Eerste")
    second = register_child(activity, first_name="Tweede")
    third = register_child(activity, first_name="Derde")
    assert first.status == RegistrationStatus.CONFIRMED
    assert (second.status, second.waiting_position) == (RegistrationStatus.WAITING, 1)
    assert (third.status, third.waiting_position) == (RegistrationStatus.WAITING, 2)
    assert "number 1 on the waiting list" in mail.outbox[1].body
    assert "number 2 on the waiting list" in mail.outbox[2].body
    mail.outbox.clear()

    promoted = services.cancel_registration(actor=first.child.parent, registration=first)

    assert promoted == [second]
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED
    assert services.waiting_position(third) == 1
    assert Activity.objects.get().confirmed_count == 1
    assert [message.to for message in mail.outbox] == [[second.child.parent.email]]
    assert "A place became free" in mail.outbox[0].subject
    assert "Tweede is now registered" in mail.outbox[0].body


def test_leaving_the_waiting_list_frees_no_place_and_moves_the_others_up():
    activity = RegistrationActivityFactory(capacity=1)
    register_child(activity)
    second = register_child(activity)
    third = register_child(activity)
    mail.outbox.clear()
    services.cancel_registration(actor=second.child.parent, registration=second)
    assert Activity.objects.get().confirmed_count == 1
    third.refresh_from_db()
    assert third.status == RegistrationStatus.WAITING
    assert services.waiting_position(third) == 1
    assert mail.outbox == []


def test_parent_registering_two_children_for_the_last_place():
    activity = RegistrationActivityFactory(capacity=3)
    register_child(activity)
    register_child(activity)
    parent = ParentFactory()
    first = ChildFactory(parent=parent, first_name="Yara")
    second = ChildFactory(parent=parent, first_name="Omar")
    mail.outbox.clear()
    registrations = services.register(actor=parent, activity=activity, children=[first, second])
    assert [r.status for r in registrations] == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
    assert len(mail.outbox) == 1  # one e-mail tells both
    body = mail.outbox[0].body
    assert "Yara is registered" in body and "Omar is number 1 on the waiting list" in body
    assert mail.outbox[0].subject.startswith("Waiting list")


def test_join_page_says_number_on_the_waiting_list(client, site_root):
    activity = RegistrationActivityFactory(capacity=1)
    register_child(activity)
    child = ChildFactory(first_name="Ilias")
    client.force_login(child.parent)
    assert "waiting list" in client.get(join_url(activity)).content.decode()
    response = client.post(join_url(activity), {"children": [child.pk]}, follow=True)
    page = response.content.decode()
    assert "Ilias is number 1 on the waiting list" in page
    assert "Waiting list: number 1" in page


def test_organisation_adds_places_and_the_waiting_list_moves_up():
    activity = RegistrationActivityFactory(capacity=1)
    register_child(activity)
    waiting = [register_child(activity) for _ in range(3)]
    Activity.objects.filter(pk=activity.pk).update(capacity=3)
    activity.refresh_from_db()
    partner = make_partner(activity.organisation)
    promoted = services.promote_waiting_list(actor=partner, activity=activity)
    assert promoted == waiting[:2]
    assert Activity.objects.get().confirmed_count == 3
    with pytest.raises(services.RegistrationError):
        services.promote_waiting_list(actor=ParentFactory(), activity=activity)


def test_no_promotion_once_the_activity_is_cancelled():
    activity = RegistrationActivityFactory(capacity=1)
    first = register_child(activity)
    waiting = register_child(activity)
    Activity.objects.filter(pk=activity.pk).update(cancelled=True)
    mail.outbox.clear()
    services.cancel_registration(actor=first.child.parent, registration=first)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING
    assert Activity.objects.get().confirmed_count == 0
    assert mail.outbox == []


# --- cancelling ---------------------------------------------------------------------------------------


def test_owner_cancels_after_a_confirmation_page(client, site_root):
    activity = RegistrationActivityFactory()
    registration = register_child(activity, first_name="Zoë")
    client.force_login(registration.child.parent)
    url = reverse("activities:cancel_registration", args=[registration.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Zoë" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED  # GET changes nothing

    response = client.post(url, follow=True)
    assert "is cancelled" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert Activity.objects.get().confirmed_count == 0
    # A second time: nothing changes, a clear message.
    response = client.post(url, follow=True)
    assert "already cancelled" in response.content.decode()
    assert Activity.objects.get().confirmed_count == 0


@pytest.mark.parametrize("who", ["other parent", "youth", "partner", "anonymous"])
def test_only_the_owner_reaches_the_cancel_page(client, site_root, who):
    activity = RegistrationActivityFactory()
    registration = register_child(activity)
    url = reverse("activities:cancel_registration", args=[registration.pk])
    if who == "anonymous":
        assert client.post(url).status_code == 302
    else:
        user = {
            "other parent": ParentFactory,
            "youth": YouthFactory,
            "partner": lambda: make_partner(activity.organisation),
        }[who]()
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_youth_cancels_own_registration(client, site_root):
    activity = RegistrationActivityFactory(min_age=None, max_age=None)
    youth = YouthFactory()
    registration = services.register(actor=youth, activity=activity, youth=youth)[0]
    client.force_login(youth)
    client.post(reverse("activities:cancel_registration", args=[registration.pk]))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_organisation_member_cancels_through_the_service_and_the_owner_is_told():
    activity = RegistrationActivityFactory()
    registration = register_child(activity)
    registration.child.parent.preferred_language = "en"
    registration.child.parent.save()
    mail.outbox.clear()
    with pytest.raises(services.RegistrationError):
        services.cancel_registration(actor=ProfessionalFactory(), registration=registration)
    with pytest.raises(services.RegistrationError):
        services.cancel_registration(actor=make_partner(), registration=registration)  # another organisation
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED

    services.cancel_registration(actor=make_partner(activity.organisation), registration=registration)
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    assert [message.to for message in mail.outbox] == [[registration.child.parent.email]]
    assert "cancelled the registration" in mail.outbox[0].body
    assert activity.title_en in mail.outbox[0].body


# --- e-mails in the recipient's language ----------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_confirmation_and_promotion_e_mails_follow_the_recipients_language(language):
    activity = RegistrationActivityFactory(capacity=1)
    first = register_child(activity)
    parent = ParentFactory(preferred_language=language)
    child = ChildFactory(parent=parent)
    mail.outbox.clear()
    registration = services.register(actor=parent, activity=activity, children=[child])[0]
    title = getattr(activity, f"title_{language}")
    assert title in mail.outbox[0].subject
    assert f"/{language}/me/activities/" in mail.outbox[0].body
    mail.outbox.clear()

    services.cancel_registration(actor=first.child.parent, registration=first)
    assert [message.to for message in mail.outbox] == [[parent.email]]
    assert title in mail.outbox[0].body
    assert f"/{language}/me/activities/" in mail.outbox[0].body
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_e_mails_are_plain_text_without_html_escapes():
    activity = RegistrationActivityFactory(
        title_nl="Sport & spel", organisation=OrganisationFactory(name="A & B")
    )
    register_child(activity)
    assert "Sport & spel" in mail.outbox[0].subject
    assert "A & B" in mail.outbox[0].body
    assert "&amp;" not in mail.outbox[0].body


# --- reminders ------------------------------------------------------------------------------------------


def test_reminder_is_scheduled_for_17_00_brussels_the_day_before_the_first_session(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_QUEUE
    activity = one_off(days=10)
    registration = register_child(activity)
    reminder = DBTaskResult.objects.get(task_path="activities.tasks.send_reminder")
    session_day = activity.start_date
    expected = datetime.datetime.combine(
        session_day - datetime.timedelta(days=1), datetime.time(17, 0), tzinfo=timezone.get_default_timezone()
    )
    assert reminder.run_after == expected
    assert reminder.args_kwargs["kwargs"] == {
        "registration_id": registration.pk,
        "session_date": session_day.isoformat(),
    }
    assert expected.astimezone(datetime.UTC).hour in (15, 16)  # 17:00 in Brussels, summer or winter


def test_weekly_activity_is_reminded_before_the_next_session_only(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_QUEUE
    activity = RegistrationActivityFactory()  # every Wednesday, running
    register_child(activity)
    reminders = DBTaskResult.objects.filter(task_path="activities.tasks.send_reminder")
    first = services.first_session(activity)
    if services.reminder_time(first.date) <= timezone.now():
        assert not reminders.exists()  # too close: the confirmation just said when
    else:
        assert [r.args_kwargs["kwargs"]["session_date"] for r in reminders] == [first.date.isoformat()]


def test_no_reminder_is_scheduled_for_the_waiting_list(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_QUEUE
    activity = one_off(days=10, capacity=1)
    register_child(activity)
    register_child(activity)
    assert DBTaskResult.objects.filter(task_path="activities.tasks.send_reminder").count() == 1


def test_promotion_schedules_a_reminder(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_QUEUE
    activity = one_off(days=10, capacity=1)
    first = register_child(activity)
    waiting = register_child(activity)
    services.cancel_registration(actor=first.child.parent, registration=first)
    reminders = DBTaskResult.objects.filter(task_path="activities.tasks.send_reminder")
    assert sorted(r.args_kwargs["kwargs"]["registration_id"] for r in reminders) == [first.pk, waiting.pk]


def test_reminder_is_sent_once_however_often_the_task_runs():
    activity = one_off(days=1)
    parent = ParentFactory(preferred_language="fr")
    registration = register_child(activity, ChildFactory(parent=parent, first_name="Inès"))
    mail.outbox.clear()
    first = tasks.send_reminder.enqueue(registration_id=registration.pk, session_date=tomorrow().isoformat())
    second = tasks.send_reminder.enqueue(registration_id=registration.pk, session_date=tomorrow().isoformat())
    assert (first.return_value, second.return_value) == ("sent", "already reminded")
    assert len(mail.outbox) == 1
    assert activity.title_fr in mail.outbox[0].subject
    assert "Inès" in mail.outbox[0].body
    assert "/fr/me/activities/" in mail.outbox[0].body
    registration.refresh_from_db()
    assert registration.reminded_for == tomorrow()


def test_no_reminder_for_a_cancelled_registration_or_activity():
    activity = one_off(days=1)
    registration = register_child(activity)
    services.cancel_registration(actor=registration.child.parent, registration=registration)
    other = register_child(activity)
    Activity.objects.filter(pk=activity.pk).update(cancelled=True)
    mail.outbox.clear()
    for reg in (registration, other):
        result = tasks.send_reminder.enqueue(registration_id=reg.pk, session_date=tomorrow().isoformat())
        assert result.return_value != "sent"
    assert mail.outbox == []


def test_reminder_follows_a_cancelled_session_to_the_next_one(settings):
    from django_tasks_db.models import DBTaskResult

    activity = RegistrationActivityFactory(
        schedule_kind=ScheduleKind.CAMP,
        start_date=tomorrow(),
        end_date=tomorrow() + datetime.timedelta(days=4),
    )
    registration = register_child(activity)
    ActivityCancellation.objects.create(activity=activity, date=tomorrow())
    settings.TASKS = DB_QUEUE
    mail.outbox.clear()
    result = services.send_reminder(registration_id=registration.pk, session_date=tomorrow().isoformat())
    assert result == "rescheduled"
    assert mail.outbox == []
    task = DBTaskResult.objects.get(task_path="activities.tasks.send_reminder")
    assert task.args_kwargs["kwargs"]["session_date"] == (tomorrow() + datetime.timedelta(days=1)).isoformat()


# --- permissions --------------------------------------------------------------------------------------


def test_view_registrations_permission():
    activity = RegistrationActivityFactory()
    assert make_partner(activity.organisation).has_perm("activities.view_registrations", activity)
    assert not make_staff(MODERATOR).has_perm("activities.view_registrations", activity)
    assert make_staff(EDITOR).has_perm("activities.view_registrations", activity)
    assert not make_partner().has_perm("activities.view_registrations", activity)
    assert not ParentFactory().has_perm("activities.view_registrations", activity)
    assert not YouthFactory().has_perm("activities.view_registrations", activity)


def test_register_permission():
    activity = RegistrationActivityFactory()
    assert ParentFactory().has_perm("activities.register_for_activity", activity)
    assert YouthFactory().has_perm("activities.register_for_activity", activity)
    assert not ProfessionalFactory().has_perm("activities.register_for_activity", activity)
    assert not ParentFactory().has_perm("activities.register_for_activity", ActivityFactory())  # drop-in
    cancelled = RegistrationActivityFactory(cancelled=True)
    assert not ParentFactory().has_perm("activities.register_for_activity", cancelled)


def test_registrations_for_lists_confirmed_then_waiting_in_order():
    activity = RegistrationActivityFactory(capacity=1)
    confirmed = register_child(activity)
    first_waiting = register_child(activity)
    second_waiting = register_child(activity)
    cancelled = register_child(activity)
    services.cancel_registration(actor=cancelled.child.parent, registration=cancelled)
    rows = list(services.registrations_for(activity))
    assert rows == [confirmed, first_waiting, second_waiting, cancelled]
    assert [row.waiting_position for row in rows] == [None, 1, 2, None]


# --- My activities ------------------------------------------------------------------------------------


def test_my_activities_shows_the_persons_and_childrens_registrations_only(client, site_root):
    parent = ParentFactory()
    mine = register_child(
        RegistrationActivityFactory(title_nl="Robotica"), ChildFactory(parent=parent, first_name="Mila")
    )
    full = RegistrationActivityFactory(title_nl="Theater", capacity=1)
    register_child(full)
    register_child(full, ChildFactory(parent=parent, first_name="Jonas"))
    register_child(RegistrationActivityFactory(title_nl="Schaken"))  # someone else's
    dropped = register_child(RegistrationActivityFactory(title_nl="Koken"), ChildFactory(parent=parent))
    services.cancel_registration(actor=parent, registration=dropped)
    client.force_login(parent)
    response = client.get(reverse("activities:my_activities"))
    page = response.content.decode()
    assert "Robotica" in page and "Mila" in page
    assert "Theater" in page and "Waiting list: number 1" in page
    assert "Schaken" not in page
    assert [r.activity.title for r in response.context["past"]] == ["Koken"]
    assert {r.activity.title for r in response.context["upcoming"]} == {"Robotica", "Theater"}
    assert reverse("activities:cancel_registration", args=[mine.pk]) in page
    assert ".ics" in page and "webcal://" in page


def test_my_activities_needs_a_login(client, site_root):
    response = client.get(reverse("activities:my_activities"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_my_activities_makes_a_fixed_number_of_queries(client, site_root):
    from django.db import connection

    parent = ParentFactory()
    client.force_login(parent)

    def add_registrations(count):
        for _ in range(count):
            activity = RegistrationActivityFactory(skip_school_holidays=True, capacity=1)
            ActivityCancellation.objects.create(activity=activity, date=activity.end_date)
            register_child(activity)
            register_child(activity, ChildFactory(parent=parent, first_name=f"Kind {activity.pk}"))  # waiting

    add_registrations(1)
    client.get(reverse("activities:my_activities"))  # the feed is created on the first visit
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("activities:my_activities")).status_code == 200
    add_registrations(5)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("activities:my_activities")).status_code == 200
    assert len(many) == len(few)


def test_reset_calendar_address(client, site_root):
    parent = ParentFactory()
    client.force_login(parent)
    client.get(reverse("activities:my_activities"))
    old_token = parent.calendar_feed.token
    assert client.get(reverse("activities:reset_calendar_feed")).status_code == 405
    client.post(reverse("activities:reset_calendar_feed"))
    parent.calendar_feed.refresh_from_db()
    assert parent.calendar_feed.token != old_token
    assert client.get(reverse("activities:calendar_feed", args=[old_token])).status_code == 404


def test_dashboard_links_to_my_activities_and_saved_searches(client, site_root):
    client.force_login(ParentFactory())
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert reverse("activities:my_activities") in page
    assert reverse("activities:saved_searches") in page


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_pages_work_in_each_language(client, site_root, language):
    from django.utils import translation

    activity = RegistrationActivityFactory()
    registration = register_child(activity)
    client.force_login(registration.child.parent)
    with translation.override(language):
        urls = [
            reverse("activities:join", args=[activity.pk]),
            reverse("activities:my_activities"),
            reverse("activities:cancel_registration", args=[registration.pk]),
        ]
        searches_url = reverse("activities:saved_searches")
    for url in urls:
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert getattr(activity, f"title_{language}") in response.content.decode(), url
    assert client.get(searches_url).status_code == 200


# --- privacy ------------------------------------------------------------------------------------------


def test_export_contains_registrations_and_saved_searches():
    parent = ParentFactory()
    register_child(
        RegistrationActivityFactory(title_nl="Voetbal"), ChildFactory(parent=parent, first_name="Rayan")
    )
    SavedSearch.objects.create(user=parent, name="Sport", query="theme=sport")
    data = export_personal_data(parent)["activities"]
    assert data["registrations"][0]["activity"] == "Voetbal"
    assert data["registrations"][0]["participant"] == "Rayan"
    assert data["registrations"][0]["status"] == "confirmed"
    assert data["saved_searches"] == [
        {"name": "Sport", "filters": "theme=sport", "created_at": data["saved_searches"][0]["created_at"]}
    ]


def test_deleting_an_account_gives_the_places_to_the_waiting_list():
    activity = RegistrationActivityFactory(capacity=2)
    parent = ParentFactory()
    register_child(activity, ChildFactory(parent=parent, first_name="Een"))
    register_child(activity, ChildFactory(parent=parent, first_name="Twee"))
    waiting_own = register_child(activity, ChildFactory(parent=parent, first_name="Drie"))
    youth_activity = RegistrationActivityFactory(capacity=1, min_age=None, max_age=None)
    youth = YouthFactory()
    services.register(actor=youth, activity=youth_activity, youth=youth)
    others = [register_child(activity), register_child(activity)]
    other_youth_waiting = register_child(youth_activity)
    mail.outbox.clear()

    delete_account(user=parent)
    delete_account(user=youth)

    assert not Registration.objects.filter(pk=waiting_own.pk).exists()
    for registration in [*others, other_youth_waiting]:
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.CONFIRMED
    assert Activity.objects.get(pk=activity.pk).confirmed_count == 2
    assert Activity.objects.get(pk=youth_activity.pk).confirmed_count == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [others[0].child.parent.email, others[1].child.parent.email, other_youth_waiting.child.parent.email]
    )


def test_removing_a_child_frees_the_place(client, site_root):
    activity = RegistrationActivityFactory(capacity=1)
    registration = register_child(activity)
    waiting = register_child(activity)
    client.force_login(registration.child.parent)
    client.post(reverse("accounts:child_delete", args=[registration.child.pk]))
    assert not ChildProfile.objects.filter(pk=registration.child.pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert Activity.objects.get().confirmed_count == 1
