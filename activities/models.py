"""Activities: the extended-learning-time and wellbeing offer of partner organisations.

An activity is a snippet with drafts, revisions and a review workflow (not a page): it is
data to filter, map, import in bulk and count in the tens of thousands, owned by an
organisation rather than placed in the page tree. Its public page lives under the
activities finder page.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel, get_all_child_m2m_relations, get_all_child_relations
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, Page, RevisionMixin, WorkflowMixin
from wagtail.search import index

from village import geo

from .fields import WeekdaysField
from .schedule import Schedule

LANGUAGE_CHOICES = [("nl", _("Dutch")), ("fr", _("French")), ("en", _("English"))]


class Pillar(models.TextChoices):
    EXTENDED_LEARNING = "extended_learning", _("Extended learning time")
    WELLBEING = "wellbeing", _("Wellbeing support")
    PARENT_SUPPORT = "parent_support", _("Parent support")


class SchoolSystem(models.TextChoices):
    DUTCH = "nl", _("Dutch-language schools")
    FRENCH = "fr", _("French-language schools")
    BOTH = "both", _("Both school systems")
    NOT_APPLICABLE = "na", _("Not linked to a school system")


class ScheduleKind(models.TextChoices):
    ONE_OFF = "one_off", _("One date")
    WEEKLY = "weekly", _("Every week")
    CAMP = "camp", _("Holiday camp (every day of a period)")


class PriceUnit(models.TextChoices):
    FREE = "free", _("Free")
    SESSION = "session", _("per session")
    TERM = "term", _("per term")
    YEAR = "year", _("per year")
    ACTIVITY = "activity", _("for the whole activity")


class JoinMode(models.TextChoices):
    DROP_IN = "drop_in", _("Just come (no registration)")
    REGISTRATION = "registration", _("Registration with a number of places")
    CONTACT = "contact", _("Contact the organisation")


class Theme(models.Model):
    """A theme from the field's taxonomy (homework support, music, sport...). Editors manage them."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.name


class SpokenLanguage(models.Model):
    """A language that can be spoken at an activity (far more than the site's three)."""

    code = models.SlugField(_("code"), max_length=12, unique=True)
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SchoolHolidayQuerySet(models.QuerySet):
    def for_system(self, school_system):
        if school_system in (SchoolSystem.DUTCH, SchoolSystem.FRENCH):
            return self.filter(school_system__in=[school_system, SchoolSystem.BOTH])
        return self.all()


class SchoolHoliday(models.Model):
    """School holiday periods; weekly activities can skip them. Flemish and French-speaking
    schools in Brussels have different calendars."""

    name = models.CharField(_("name"), max_length=80)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    school_system = models.CharField(
        _("school system"), max_length=4, choices=SchoolSystem.choices, default=SchoolSystem.BOTH
    )

    objects = SchoolHolidayQuerySet.as_manager()

    class Meta:
        verbose_name = _("school holiday")
        verbose_name_plural = _("school holidays")
        ordering = ["start_date"]

    def __str__(self):
        return f"{self.name} ({self.start_date:%d/%m/%Y}–{self.end_date:%d/%m/%Y})"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day comes before the first day.")})


class Venue(models.Model):
    """A place where activities happen, shared by the activities of one organisation."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="venues",
    )
    name = models.CharField(_("name"), max_length=120)
    street = models.CharField(_("street and number"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=10)
    municipality = models.CharField(_("municipality"), max_length=80)
    latitude = geo.latitude_field()
    longitude = geo.longitude_field()
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    directions = models.CharField(_("how to get there"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["organisation__name", "name"]
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return f"{self.name}, {self.municipality}"

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.municipality}"


class ActivityQuerySet(models.QuerySet):
    def published(self):
        """What visitors see: live, not ended. Cancelled activities stay visible, marked."""
        return self.filter(live=True, last_session_date__gte=timezone.localdate())

    def of_organisations(self, organisations):
        return self.filter(organisation__in=organisations)

    def editable_by(self, user):
        """Activities a person may edit in the admin: their organisations', or all for staff."""
        from accounts.predicates import is_editor, is_moderator

        if is_editor(user) or is_moderator(user):
            return self
        return self.filter(organisation__memberships__user=user, organisation__status="approved").distinct()

    def for_listing(self):
        """Everything a list, the map or the API shows, in a fixed number of queries."""
        return self.select_related("organisation", "venue", "image").prefetch_related(
            "themes", "spoken_languages"
        )


class Activity(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(
        _("summary"), max_length=240, help_text=_("One or two sentences, in plain words.")
    )
    description = models.TextField(_("description"), blank=True, max_length=5000)
    original_language = models.CharField(
        _("written in"), max_length=2, choices=LANGUAGE_CHOICES, default=settings.LANGUAGE_CODE
    )

    pillar = models.CharField(_("pillar"), max_length=20, choices=Pillar.choices)
    # Parental: revisions keep them, so a change waits for review with the rest of the edit.
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), related_name="activities")
    for_children = models.BooleanField(_("children"), default=False)
    for_youths = models.BooleanField(_("young people"), default=False)
    for_parents = models.BooleanField(_("parents"), default=False)
    for_families = models.BooleanField(_("families"), default=False)
    for_professionals = models.BooleanField(_("professionals"), default=False)
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    preschool = models.BooleanField(_("pre-school"), default=False)
    primary = models.BooleanField(_("primary school"), default=False)
    secondary = models.BooleanField(_("secondary school"), default=False)
    school_system = models.CharField(
        _("school system"), max_length=4, choices=SchoolSystem.choices, default=SchoolSystem.NOT_APPLICABLE
    )

    schedule_kind = models.CharField(_("when"), max_length=10, choices=ScheduleKind.choices)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"), null=True, blank=True, help_text=_("Empty for a single date."))
    weekdays = WeekdaysField(_("days of the week"), default=0, blank=True)
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    skip_school_holidays = models.BooleanField(_("no sessions during school holidays"), default=False)
    # Derived from the schedule in save(), so that lists and the API filter without computing
    # schedules: the date of the last session and the weekdays on which sessions fall.
    last_session_date = models.DateField(_("last session"), null=True, editable=False, db_index=True)
    session_weekdays = models.PositiveSmallIntegerField(default=0, editable=False)

    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    is_online = models.BooleanField(_("online"), default=False)

    price_unit = models.CharField(
        _("price"), max_length=10, choices=PriceUnit.choices, default=PriceUnit.FREE
    )
    price = models.DecimalField(
        _("amount (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    reduced_price = models.DecimalField(
        _("reduced amount (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    reduced_schemes = models.JSONField(_("reduced-price schemes accepted"), default=list, blank=True)

    join_mode = models.CharField(
        _("joining"), max_length=15, choices=JoinMode.choices, default=JoinMode.DROP_IN
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    # Confirmed registrations. Only registrations.services changes it, with a conditional
    # UPDATE that the CHECK constraint below backs: the database never lets it pass capacity.
    confirmed_count = models.PositiveIntegerField(default=0, editable=False)
    spoken_languages = ParentalManyToManyField(
        SpokenLanguage, verbose_name=_("languages spoken"), related_name="activities", blank=True
    )
    interpreter_available = models.BooleanField(_("an interpreter can be arranged"), default=False)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["start_date", "title"]
        indexes = [
            models.Index(fields=["live", "last_session_date"]),
            # The finder's order: the first page is read from the index, not sorted from all.
            models.Index(fields=["start_date", "id"], name="activity_list_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True)
                | models.Q(confirmed_count__lte=models.F("capacity")),
                name="activity_not_overbooked",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def places_left(self):
        if self.join_mode != JoinMode.REGISTRATION or self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def slug(self):
        return slugify(self.title)[:60] or "activity"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("activities:detail", kwargs={"pk": self.pk, "slug": self.slug})

    # --- rules about one activity ------------------------------------------------------
    def clean(self):
        errors = {}
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors["max_age"] = _("The maximum age is lower than the minimum age.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day comes before the first day.")
        if self.schedule_kind in (ScheduleKind.WEEKLY, ScheduleKind.CAMP) and not self.end_date:
            errors["end_date"] = _("Give the last day of the period.")
        if self.schedule_kind == ScheduleKind.WEEKLY and not self.weekdays:
            errors["weekdays"] = _("Choose at least one day of the week.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The activity ends before it starts.")
        if not self.is_online and not self.venue_id:
            errors["venue"] = _("Choose a venue, or mark the activity as online.")
        if self.venue_id and self.organisation_id and self.venue.organisation_id != self.organisation_id:
            errors["venue"] = _("This venue belongs to another organisation.")
        if self.price_unit != PriceUnit.FREE and self.price is None:
            errors["price"] = _("Give the amount, or choose 'Free'.")
        if self.reduced_price is not None and self.price is not None and self.reduced_price > self.price:
            errors["reduced_price"] = _("The reduced amount is higher than the normal amount.")
        unknown = set(self.reduced_schemes or []) - {
            code for code, _label in settings.VILLAGE_REDUCED_PRICE_SCHEMES
        }
        if unknown:
            errors["reduced_schemes"] = _("Unknown scheme: %(codes)s") % {"codes": ", ".join(sorted(unknown))}
        if self.join_mode == JoinMode.REGISTRATION and not self.capacity:
            errors["capacity"] = _("Give the number of places.")
        elif self.capacity is not None and self.capacity < self.confirmed_count:
            errors["capacity"] = _(
                "%(count)s people already have a confirmed place; there cannot be fewer places than that."
            ) % {"count": self.confirmed_count}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.schedule_kind == ScheduleKind.ONE_OFF:
            self.end_date = None
        schedule = self.schedule()
        self.last_session_date = schedule.last_date()
        self.session_weekdays = schedule.weekday_mask()
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            # confirmed_count belongs to the registration services; an edit loaded before a
            # registration must not write back its stale count.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "confirmed_count"
            ]
            kwargs["update_fields"] += [
                relation.get_accessor_name() for relation in get_all_child_relations(self)
            ]
            kwargs["update_fields"] += [field.name for field in get_all_child_m2m_relations(self)]
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        """A revision's content over the live row, keeping the live count of confirmed places."""
        obj = super().with_content_json(content)
        obj.confirmed_count = self.confirmed_count
        return obj

    # --- schedule ------------------------------------------------------------------------
    def schedule(self, holidays=None):
        """The activity's sessions as a Schedule (see schedule.py)."""
        cancelled = {cancellation.date for cancellation in self.cancellations.all()} if self.pk else set()
        if holidays is None and self.skip_school_holidays:
            holidays = [
                (h.start_date, h.end_date) for h in SchoolHoliday.objects.for_system(self.school_system)
            ]
        return Schedule(
            kind=self.schedule_kind,
            start_date=self.start_date,
            end_date=self.end_date,
            weekdays=self.weekdays,
            start_time=self.start_time,
            end_time=self.end_time,
            cancelled=cancelled,
            holidays=holidays or [],
        )

    def next_sessions(self, count=5, today=None):
        return self.schedule().sessions(start=today or timezone.localdate(), limit=count)

    # --- presentation helpers ---------------------------------------------------------------
    @property
    def is_free(self):
        return self.price_unit == PriceUnit.FREE or self.price == Decimal("0")

    @property
    def has_reduced_tariff(self):
        return self.reduced_price is not None or bool(self.reduced_schemes)

    @property
    def audiences(self):
        labels = [
            (self.for_children, _("children")),
            (self.for_youths, _("young people")),
            (self.for_parents, _("parents")),
            (self.for_families, _("families")),
            (self.for_professionals, _("professionals")),
        ]
        return [str(label) for flag, label in labels if flag]

    @property
    def status(self):
        """draft, in_review, published, cancelled or ended: what a partner sees in the admin."""
        if self.cancelled:
            return "cancelled"
        if self.last_session_date and self.last_session_date < timezone.localdate():
            return "ended"
        if self.live:
            return "published"
        if self.workflow_in_progress:
            return "in_review"
        return "draft"


class ActivityCancellation(Orderable):
    """A date on which a recurring activity does not take place."""

    activity = ParentalKey(Activity, related_name="cancellations", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=120, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("cancelled date")
        verbose_name_plural = _("cancelled dates")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def waiting_in_order(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")

    def of_person(self, user):
        """A person's own registrations and those of their children."""
        return self.filter(models.Q(participant=user) | models.Q(child__parent=user))


class Registration(models.Model):
    """A child (registered by a parent) or a youth (registering themself) joins an activity."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="registrations"
    )
    child = models.ForeignKey(
        "accounts.ChildProfile",
        verbose_name=_("child"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("young person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.CASCADE,
        related_name="registrations_made",
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    reminded_for = models.DateField(
        _("last reminder for the session of"), null=True, blank=True, editable=False
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(child__isnull=False, participant__isnull=True)
                    | models.Q(child__isnull=True, participant__isnull=False)
                ),
                name="registration_child_or_youth",
            ),
            models.UniqueConstraint(
                fields=["activity", "child"],
                condition=~models.Q(status="cancelled") & models.Q(child__isnull=False),
                name="one_active_registration_per_child",
            ),
            models.UniqueConstraint(
                fields=["activity", "participant"],
                condition=~models.Q(status="cancelled") & models.Q(participant__isnull=False),
                name="one_active_registration_per_youth",
            ),
        ]

    def __str__(self):
        return f"{self.participant_name} – {self.activity}"

    @property
    def participant_name(self):
        return self.child.first_name if self.child_id else self.participant.display_name

    @property
    def participant_birth_year(self):
        return self.child.birth_year if self.child_id else self.participant.birth_year


class Attendance(models.Model):
    """Whether a registered participant came to one session."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="attendances")
    date = models.DateField(_("date"))
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["registration", "date"], name="one_attendance_per_session")
        ]

    def __str__(self):
        return f"{self.registration} – {self.date}"


class SavedSearch(models.Model):
    """A filter a person saved ("near me, sport, age 10"); they are e-mailed about new matches."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="saved_searches",
    )
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(
        _("filters"), max_length=1000, help_text=_("The filters, as in the address bar.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_notified_at = models.DateTimeField(_("last notified at"), default=timezone.now)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name


class ActivityIndexPage(Page):
    """The activity finder: a list beside a map, with filters in the URL."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["village.HomePage"]
    subpage_types = []
    max_count = 1
    # "Near me" asks the browser for its location (see village.security).
    uses_geolocation = True

    class Meta:
        verbose_name = _("activity finder")

    def serve(self, request, *args, **kwargs):
        from . import page_cache

        response = super().serve(request, *args, **kwargs)
        until = getattr(request, "activities_cache_until", None)
        if until is not None:
            # Anonymous visitors get this page from the cache until it changes (page_cache.py).
            page_cache.mark(response, until)
        return response

    def get_context(self, request, *args, **kwargs):
        from .views import finder_context

        context = super().get_context(request, *args, **kwargs)
        context.update(finder_context(request))
        return context


def new_feed_token():
    import secrets

    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret address of a person's private calendar feed of their registrations."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
