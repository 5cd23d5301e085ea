"""Joining activities: registrations with a waiting list, reminders, saved searches, the feed.

Places are counted in Activity.confirmed_count and taken with one conditional UPDATE
(`confirmed_count < capacity`), which the database evaluates against the latest committed row
and backs with the CHECK constraint activity_not_overbooked: two people can never take the last
place together, whatever the number of web processes. Waiting-list joins, cancellations and
promotions also lock the activity's row, so that waiting-list positions are consistent and a
freed place goes to the first person waiting.

E-mails are queued inside the transaction (village.mail: the task table is the outbox), after
the writes, in the recipient's language.
"""

import datetime
import logging
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AccountType, current_year
from village import ratelimit
from village.mail import render_and_queue_email

from . import page_cache, tasks
from .filters import ActivityFilterForm
from .models import (
    Activity,
    CalendarFeed,
    Registration,
    RegistrationStatus,
    SavedSearch,
    SchoolHoliday,
    SchoolSystem,
    new_feed_token,
)
from .predicates import registration_closed_reason

logger = logging.getLogger(__name__)

REMINDER_TIME = datetime.time(17, 0)
MAX_SAVED_SEARCHES = 20
FEED_HISTORY_DAYS = 90


class ServiceError(Exception):
    """A rule stops what the person asked; the message is translated for them."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


class RegistrationError(ServiceError):
    pass


class SavedSearchError(ServiceError):
    pass


# --- reading --------------------------------------------------------------------------------


def owner_of(registration):
    """The person who manages a registration and gets its e-mails: the youth, or the child's parent."""
    return registration.participant if registration.participant_id else registration.child.parent


def age_problem(activity, birth_year, *, name=None):
    """Why someone born in `birth_year` cannot join (translated), or None. Age = this year - birth year."""
    if activity.min_age is None and activity.max_age is None:
        return None
    if birth_year is None:
        return _("Add your birth year to your details, so that we can check the age limits.")
    age = current_year() - birth_year
    if activity.min_age is not None and age < activity.min_age:
        if name:
            return _("%(name)s is too young: this activity is from %(age)s years.") % {
                "name": name,
                "age": activity.min_age,
            }
        return _("You are too young: this activity is from %(age)s years.") % {"age": activity.min_age}
    if activity.max_age is not None and age > activity.max_age:
        if name:
            return _("%(name)s is too old: this activity is up to %(age)s years.") % {
                "name": name,
                "age": activity.max_age,
            }
        return _("You are too old: this activity is up to %(age)s years.") % {"age": activity.max_age}
    return None


def _already_registered_message(registration, *, name=None):
    if registration.status == RegistrationStatus.WAITING:
        if name:
            return _("%(name)s is already on the waiting list.") % {"name": name}
        return _("You are already on the waiting list.")
    if name:
        return _("%(name)s is already registered.") % {"name": name}
    return _("You are already registered.")


def child_options(activity, parent):
    """A parent's children with, for each, why they cannot be registered (None when they can)."""
    children = list(parent.children.all())
    active = {
        registration.child_id: registration
        for registration in Registration.objects.active().filter(activity=activity, child__in=children)
    }
    options = []
    for child in children:
        if child.pk in active:
            reason = _already_registered_message(active[child.pk], name=child.first_name)
        else:
            reason = age_problem(activity, child.birth_year, name=child.first_name)
        options.append((child, reason))
    return options


def youth_problem(activity, youth):
    """Why a youth cannot register themself (translated), or None."""
    existing = Registration.objects.active().filter(activity=activity, participant=youth).first()
    if existing:
        return _already_registered_message(existing)
    return age_problem(activity, youth.birth_year)


def waiting_position(registration):
    """1 for the first person on the waiting list (None when not waiting)."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    return (
        Registration.objects.filter(activity_id=registration.activity_id, status=RegistrationStatus.WAITING)
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lte=registration.pk)
        )
        .count()
    )


def with_waiting_position(queryset):
    """Annotate `waiting_position` (the number on the waiting list) in the same query."""
    ahead = (
        Registration.objects.filter(activity=OuterRef("activity"), status=RegistrationStatus.WAITING)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("activity")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(
        waiting_position=Case(When(status=RegistrationStatus.WAITING, then=Subquery(ahead)), default=None)
    )


def registrations_for(activity):
    """An activity's registrations for the organisation: confirmed, then the waiting list in
    order, then cancelled; with the participant and who registered, and waiting positions."""
    order = Case(
        When(status=RegistrationStatus.CONFIRMED, then=Value(0)),
        When(status=RegistrationStatus.WAITING, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return with_waiting_position(
        Registration.objects.filter(activity=activity)
        .select_related("child__parent", "participant", "registered_by")
        .annotate(status_order=order)
        .order_by("status_order", "created_at", "pk")
    )


def _holiday_applies(holiday, school_system):
    # The same rule as SchoolHolidayQuerySet.for_system, on holidays loaded once.
    if school_system in (SchoolSystem.DUTCH, SchoolSystem.FRENCH):
        return holiday.school_system in (school_system, SchoolSystem.BOTH)
    return True


def schedules_for(activities):
    """{activity pk: Schedule} for many activities with one query for school holidays (prefetch
    `cancellations` on the activities to keep their cancelled dates free too)."""
    activities = list(activities)
    holidays = list(SchoolHoliday.objects.all()) if any(a.skip_school_holidays for a in activities) else []
    schedules = {}
    for activity in activities:
        periods = [
            (holiday.start_date, holiday.end_date)
            for holiday in holidays
            if activity.skip_school_holidays and _holiday_applies(holiday, activity.school_system)
        ]
        schedules[activity.pk] = activity.schedule(holidays=periods)
    return schedules


def first_session(activity, schedule=None, today=None):
    """The next session from today on (today's included), or None."""
    schedule = schedule or schedules_for([activity])[activity.pk]
    sessions = schedule.sessions(start=today or timezone.localdate(), limit=1)
    return sessions[0] if sessions else None


def person_registrations(user, today=None, past_limit=20):
    """The registrations of a person and their children for "My activities": (upcoming, past).

    Upcoming: confirmed or waiting, for live activities that go on, soonest session first,
    each with `next_session` and `waiting_position`. Past: cancelled registrations and ended
    or cancelled activities, latest first. A fixed number of queries.
    """
    today = today or timezone.localdate()
    registrations = with_waiting_position(
        Registration.objects.of_person(user).select_related(
            "activity__venue", "activity__organisation", "child", "participant"
        )
    )
    current = Q(
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
        activity__live=True,
        activity__cancelled=False,
        activity__last_session_date__gte=today,
    )
    upcoming = list(registrations.filter(current).prefetch_related("activity__cancellations"))
    past = list(registrations.exclude(current).order_by("-status_changed_at", "-pk")[:past_limit])
    schedules = schedules_for({r.activity_id: r.activity for r in upcoming}.values())
    for registration in upcoming:
        registration.next_session = first_session(
            registration.activity, schedules[registration.activity_id], today
        )
    upcoming.sort(
        key=lambda r: (r.next_session is None, r.next_session.date if r.next_session else today, r.pk)
    )
    return upcoming, past


# --- places -----------------------------------------------------------------------------------


def _take_place(activity):
    """Take one place with a conditional UPDATE; True when taken. The database decides."""
    page_cache.invalidate_places()  # places left, on the finder and the activity's page
    if activity.capacity is None:
        # Registration without a limit (the admin asks for one, but imports may lack it).
        return Activity.objects.filter(pk=activity.pk).update(confirmed_count=F("confirmed_count") + 1) == 1
    updated = Activity.objects.filter(pk=activity.pk, confirmed_count__lt=F("capacity")).update(
        confirmed_count=F("confirmed_count") + 1
    )
    return updated == 1


def _release_place(activity):
    page_cache.invalidate_places()
    Activity.objects.filter(pk=activity.pk, confirmed_count__gt=0).update(
        confirmed_count=F("confirmed_count") - 1
    )


def _lock_activity(activity_pk):
    """Lock the activity's row until the end of the transaction and return it fresh."""
    return Activity.objects.select_for_update().get(pk=activity_pk)


def _create_registration(activity, actor, *, child=None, participant=None):
    confirmed = _take_place(activity)
    if not confirmed:
        # Waiting-list joins take turns on the activity's row: positions follow the order of
        # arrival, and a place freed since the UPDATE above is taken instead of waited for.
        activity = _lock_activity(activity.pk)
        confirmed = _take_place(activity)
    now = timezone.now()
    registration = Registration.objects.create(
        activity=activity,
        child=child,
        participant=participant,
        registered_by=actor,
        status=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITING,
        created_at=now,
        status_changed_at=now,
    )
    registration.waiting_position = waiting_position(registration)
    return registration


def _promote_waiting(activity):
    """Give free places to the first people waiting, in order, and e-mail them. Holds the
    activity's row lock until the end of the caller's transaction."""
    activity = _lock_activity(activity.pk)
    if registration_closed_reason(activity):
        return []
    waiting = (
        Registration.objects.waiting_in_order()
        .filter(activity=activity)
        .select_related("child__parent", "participant")
    )
    if activity.capacity is not None:
        waiting = waiting[: max(activity.capacity - activity.confirmed_count, 0)]
    promoted = []
    for registration in waiting:
        if not _take_place(activity):
            break
        now = timezone.now()
        Registration.objects.filter(pk=registration.pk).update(
            status=RegistrationStatus.CONFIRMED, status_changed_at=now
        )
        registration.status = RegistrationStatus.CONFIRMED
        registration.status_changed_at = now
        registration.activity = activity
        promoted.append(registration)
    session = first_session(activity) if promoted else None
    for registration in promoted:
        owner = owner_of(registration)
        render_and_queue_email(
            to=owner.email,
            template_prefix="activities/email/place_available",
            context={
                "person": owner,
                "activity": activity,
                "registration": registration,
                "session": session,
            },
            language=owner.preferred_language,
        )
        schedule_reminder(registration)
    return promoted


# --- registering and cancelling -----------------------------------------------------------------


@transaction.atomic
def register(*, actor, activity, children=(), youth=None):
    """Register a parent's children, or a youth themself, for an activity.

    Each participant gets a place if one is left (confirmed) or joins the waiting list. All or
    nothing: when one child cannot be registered, none is. Returns the registrations (waiting
    ones carry `waiting_position`); raises RegistrationError with a translated message.
    """
    children = list({child.pk: child for child in children}.values())
    if not actor.is_authenticated:
        raise RegistrationError(_("Log in to register."))
    reason = registration_closed_reason(activity)
    if reason:
        raise RegistrationError(reason)
    if youth is not None and children:
        raise RegistrationError(_("Register either yourself or your children, not both at once."))
    if not ratelimit.allow("activity_join", actor.pk):
        raise RegistrationError(ratelimit.message())

    participants = []
    if youth is not None:
        if youth.pk != actor.pk or actor.account_type != AccountType.YOUTH:
            raise RegistrationError(_("Young people register themselves; parents register their children."))
        problem = youth_problem(activity, actor)
        if problem:
            raise RegistrationError(problem)
        participants.append({"participant": actor})
    else:
        if actor.account_type != AccountType.PARENT:
            raise RegistrationError(_("Only parents can register children."))
        if not children:
            raise RegistrationError(_("Choose at least one child."))
        if any(child.parent_id != actor.pk for child in children):
            raise RegistrationError(_("You can only register your own children."))
        problems = dict(child_options(activity, actor))
        for child in children:
            if problems.get(child):
                raise RegistrationError(problems[child])
        participants.extend({"child": child} for child in children)

    try:
        # A savepoint, so that a duplicate found by the database becomes a clear message.
        with transaction.atomic():
            registrations = [
                _create_registration(activity, actor, **participant) for participant in participants
            ]
    except IntegrityError as error:
        raise RegistrationError(_("This person is already registered for this activity.")) from error

    activity.refresh_from_db(fields=["confirmed_count"])
    render_and_queue_email(
        to=actor.email,
        template_prefix="activities/email/registered",
        context={
            "person": actor,
            "activity": activity,
            "registrations": registrations,
            "any_waiting": any(r.status == RegistrationStatus.WAITING for r in registrations),
            "session": first_session(activity),
        },
        language=actor.preferred_language,
    )
    for registration in registrations:
        schedule_reminder(registration)
    return registrations


@transaction.atomic
def cancel_registration(*, actor, registration):
    """Cancel a registration (its owner, or a member of the organisation).

    A confirmed place goes to the first person on the waiting list, who is e-mailed. When the
    organisation cancels, the owner is e-mailed too. Returns the promoted registrations.
    """
    if not actor.has_perm("activities.cancel_registration", registration):
        raise RegistrationError(_("You cannot cancel this registration."))
    activity = _lock_activity(registration.activity_id)
    previous = Registration.objects.filter(pk=registration.pk).values_list("status", flat=True).first()
    if previous in (None, RegistrationStatus.CANCELLED):
        raise RegistrationError(_("This registration was already cancelled."))
    now = timezone.now()
    Registration.objects.filter(pk=registration.pk).update(
        status=RegistrationStatus.CANCELLED, status_changed_at=now
    )
    registration.status = RegistrationStatus.CANCELLED
    registration.status_changed_at = now

    promoted = []
    if previous == RegistrationStatus.CONFIRMED:
        _release_place(activity)
        promoted = _promote_waiting(activity)

    owner = owner_of(registration)
    if owner.pk != actor.pk:
        render_and_queue_email(
            to=owner.email,
            template_prefix="activities/email/cancelled_by_organisation",
            context={"person": owner, "activity": activity, "registration": registration},
            language=owner.preferred_language,
        )
    return promoted


@transaction.atomic
def promote_waiting_list(*, actor, activity):
    """Fill free places from the waiting list (after the organisation added places)."""
    if not actor.has_perm("activities.view_registrations", activity):
        raise RegistrationError(_("You cannot manage the registrations of this activity."))
    return _promote_waiting(activity)


@transaction.atomic
def release_registrations(registrations, *, actor):
    """Cancel many registrations at once (a child or an account is being deleted).

    Waiting ones go first, so that a place freed by one of them is never handed to another of
    them that is about to go as well. Returns the number cancelled.
    """
    registrations = list(registrations.active().select_related("child", "participant"))
    registrations.sort(key=lambda r: (r.status != RegistrationStatus.WAITING, r.activity_id, r.pk))
    cancelled = 0
    for registration in registrations:
        try:
            cancel_registration(actor=actor, registration=registration)
        except RegistrationError:
            continue  # cancelled meanwhile
        cancelled += 1
    return cancelled


# --- reminders ---------------------------------------------------------------------------------
#
# Policy: one reminder per registration, at 17:00 the day before the first session the person
# will attend (the event itself for a one-off activity, the first day of a camp, the first
# session for a weekly activity, or the next session when they join a running one or get a place
# from the waiting list). Weekly sessions are not reminded every week: that would be noise, and
# the calendar feed keeps the rhythm. No reminder when the first session is less than a day
# away (the confirmation e-mail has just said when).


def reminder_time(session_date):
    """17:00 local time (Europe/Brussels) on the day before a session."""
    return datetime.datetime.combine(
        session_date - datetime.timedelta(days=1), REMINDER_TIME, tzinfo=timezone.get_default_timezone()
    )


def schedule_reminder(registration):
    """Queue the reminder for the registration's first session; returns the task result or None."""
    if registration.status != RegistrationStatus.CONFIRMED or registration.reminded_for is not None:
        return None
    session = first_session(registration.activity)
    if session is None:
        return None
    run_after = reminder_time(session.date)
    if run_after <= timezone.now():
        return None
    if not tasks.send_reminder.get_backend().supports_defer:
        # The immediate backend (tests, development) would send it now, a week early.
        logger.info("Task backend cannot defer; no reminder for registration %s", registration.pk)
        return None
    return tasks.send_reminder.using(run_after=run_after).enqueue(
        registration_id=registration.pk, session_date=session.date.isoformat()
    )


def send_reminder(*, registration_id, session_date):
    """Send the reminder of a registration (the body of tasks.send_reminder).

    Idempotent: Registration.reminded_for is claimed with a conditional UPDATE, so a second
    run, or a second worker, sends nothing. Nothing goes to cancelled or waiting registrations
    or for cancelled activities. When the session was moved or cancelled, the reminder moves
    to the session that now comes first. Returns what it did, for the task's result.
    """
    registration = (
        Registration.objects.select_related(
            "activity__venue", "activity__organisation", "child__parent", "participant"
        )
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return "not confirmed"
    if registration.reminded_for is not None:
        return "already reminded"
    activity = registration.activity
    if not activity.live or activity.cancelled:
        return "activity not taking place"
    session = first_session(activity)
    if session is None:
        return "no session left"
    today = timezone.localdate()
    if session.date > today + datetime.timedelta(days=1):
        # The session it was planned for (session_date) was cancelled or moved: follow the
        # schedule as it is now.
        logger.info(
            "Reminder of registration %s for %s moves to %s", registration_id, session_date, session.date
        )
        schedule_reminder(registration)
        return "rescheduled"
    starts_at = datetime.datetime.combine(
        session.date, session.start_time, tzinfo=timezone.get_default_timezone()
    )
    if starts_at <= timezone.now():
        return "too late"
    with transaction.atomic():
        claimed = Registration.objects.filter(
            pk=registration.pk, status=RegistrationStatus.CONFIRMED, reminded_for__isnull=True
        ).update(reminded_for=session.date)
        if not claimed:
            return "already reminded"
        owner = owner_of(registration)
        render_and_queue_email(
            to=owner.email,
            template_prefix="activities/email/reminder",
            context={
                "person": owner,
                "activity": activity,
                "registration": registration,
                "session": session,
                "is_today": session.date == today,
            },
            language=owner.preferred_language,
        )
    return "sent"


# --- saved searches ---------------------------------------------------------------------------------


def normalise_query(query):
    """Keep only the finder's filters with a value, in a stable order ('' when none)."""
    data = QueryDict(query or "")
    clean = QueryDict(mutable=True)
    for name in ActivityFilterForm.base_fields:
        values = [value for value in data.getlist(name) if value.strip()]
        if values:
            clean.setlist(name, values)
    return clean.urlencode()


@transaction.atomic
def save_search(*, actor, name, query):
    """Save the finder's filters under a name; the person hears of new matching activities."""
    query = normalise_query(query)
    form = ActivityFilterForm(QueryDict(query))
    if not form.is_valid():
        raise SavedSearchError(_("These filters cannot be saved; change them in the finder first."))
    if len(query) > SavedSearch._meta.get_field("query").max_length:
        raise SavedSearchError(_("This search has too many filters to save."))
    if SavedSearch.objects.filter(user=actor).count() >= MAX_SAVED_SEARCHES:
        raise SavedSearchError(
            _("You can save up to %(count)s searches. Delete one first.") % {"count": MAX_SAVED_SEARCHES}
        )
    return SavedSearch.objects.create(user=actor, name=name.strip(), query=query)


def delete_saved_search(*, actor, saved_search):
    if saved_search.user_id != actor.pk:
        raise SavedSearchError(_("This is not your search."))
    saved_search.delete()


def notify_saved_searches(*, activity_id):
    """E-mail the people whose saved searches match a newly published activity.

    Once per activity per person, however many of their searches match and however often
    this runs: SavedSearch.last_notified_at moves to the activity's first publication with a
    conditional UPDATE, and only searches notified before that moment are considered. (Searches
    saved after the publication could already see the activity in the finder.) Returns the
    number of people e-mailed.
    """
    activity = Activity.objects.published().filter(pk=activity_id, cancelled=False).first()
    if activity is None:
        return 0
    published_at = activity.first_published_at or activity.created_at
    matches = defaultdict(list)
    people = {}
    searches = SavedSearch.objects.filter(
        last_notified_at__lt=published_at, user__is_active=True
    ).select_related("user")
    for saved in searches.iterator():
        form = ActivityFilterForm(QueryDict(saved.query))
        if not form.is_valid():
            continue  # a theme or language was removed since; the search no longer means anything
        if form.filter(Activity.objects.filter(pk=activity.pk)).exists():
            matches[saved.user_id].append(saved)
            people[saved.user_id] = saved.user
    notified = 0
    for user_id, saved_searches in matches.items():
        with transaction.atomic():
            claimed = SavedSearch.objects.filter(
                pk__in=[saved.pk for saved in saved_searches], last_notified_at__lt=published_at
            ).update(last_notified_at=published_at)
            if not claimed:
                continue
            person = people[user_id]
            render_and_queue_email(
                to=person.email,
                template_prefix="activities/email/saved_search_match",
                context={
                    "person": person,
                    "activity": activity,
                    "searches": saved_searches,
                    "session": first_session(activity),
                },
                language=person.preferred_language,
            )
            notified += 1
    return notified


def activity_published(instance, **kwargs):
    """wagtail.signals.published receiver: on an activity's first publication, look for people
    waiting for it once the publication is committed."""
    if instance.first_published_at is None or instance.first_published_at != instance.last_published_at:
        return
    activity_id = instance.pk
    transaction.on_commit(lambda: tasks.notify_saved_searches.enqueue(activity_id=activity_id))


# --- calendar feed ------------------------------------------------------------------------------------


def calendar_feed_for(user):
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def reset_calendar_feed(*, actor):
    """Give the feed a new secret address; the old one stops working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(user=actor, defaults={"token": new_feed_token()})
    return feed


def feed_registrations(user, today=None):
    """The confirmed registrations a person's feed shows: theirs and their children's, of live
    activities that have not ended long ago."""
    since = (today or timezone.localdate()) - datetime.timedelta(days=FEED_HISTORY_DAYS)
    return (
        Registration.objects.of_person(user)
        .filter(
            status=RegistrationStatus.CONFIRMED, activity__live=True, activity__last_session_date__gte=since
        )
        .select_related("activity__venue", "activity__organisation", "child", "participant")
        .prefetch_related("activity__cancellations")
        .order_by("activity__start_date", "activity_id", "pk")
    )


# --- privacy ------------------------------------------------------------------------------------


def export_personal_data(user):
    """The person's and their children's registrations, saved searches and feed, JSON-ready."""
    registrations = (
        Registration.objects.of_person(user)
        .select_related("activity", "child", "participant")
        .order_by("created_at")
    )
    feed = CalendarFeed.objects.filter(user=user).first()
    return {
        "registrations": [
            {
                "activity": registration.activity.title,
                "participant": registration.participant_name,
                "status": registration.status,
                "registered_at": registration.created_at.isoformat(),
                "status_changed_at": registration.status_changed_at.isoformat(),
            }
            for registration in registrations
        ],
        "saved_searches": [
            {"name": saved.name, "filters": saved.query, "created_at": saved.created_at.isoformat()}
            for saved in user.saved_searches.order_by("created_at")
        ],
        "calendar_feed": {"created_at": feed.created_at.isoformat()} if feed else None,
    }


def erase_personal_data(user):
    """Before an account goes: cancel the person's and their children's registrations, so that
    their places go to the waiting list. The rest goes with the account (cascade)."""
    release_registrations(Registration.objects.of_person(user), actor=user)


def release_child_registrations(sender, instance, **kwargs):
    """pre_delete receiver for ChildProfile: a removed child's places go to the waiting list."""
    release_registrations(Registration.objects.filter(child=instance), actor=instance.parent)


def release_own_registrations(sender, instance, **kwargs):
    """pre_delete receiver for users deleted outside delete_account (e.g. in the admin)."""
    release_registrations(Registration.objects.filter(participant=instance), actor=instance)
