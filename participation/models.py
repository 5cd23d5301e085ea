"""Co-creation tracks: children, youths, parents and partners post ideas, react, vote, and are
told what was done with their ideas.

A track is a Wagtail page under a tracks index page; its phases (inline) decide what can be done
when. What each kind of phase allows is data (PHASE_CAPABILITIES), read by the permission
predicates. Ideas and comments are contributions with a moderation state; children take part
through workshops, without accounts.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from village import geo
from village.panels import TranslationStatusPanel

LANGUAGE_CHOICES = [("nl", _("Dutch")), ("fr", _("French")), ("en", _("English"))]


# --- phases ----------------------------------------------------------------------------------
class PhaseKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    COLLECTING = "collecting", _("Collecting ideas")
    DISCUSSING = "discussing", _("Discussing")
    PRIORITISING = "prioritising", _("Prioritising")
    RESULTS = "results", _("Results")


# Things a person can do in a track.
POST_IDEA = "post_idea"
COMMENT = "comment"
SUPPORT = "support"
VOTE = "vote"

# What each kind of phase allows. The permission predicates read this; views never test kinds.
PHASE_CAPABILITIES = {
    PhaseKind.INFORMATION: frozenset(),
    PhaseKind.COLLECTING: frozenset({POST_IDEA, COMMENT, SUPPORT}),
    PhaseKind.DISCUSSING: frozenset({COMMENT, SUPPORT}),
    PhaseKind.PRIORITISING: frozenset({VOTE}),
    PhaseKind.RESULTS: frozenset(),
}


class TrackIndexPage(Page):
    """The list of co-creation tracks."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = Page.content_panels + [TranslationStatusPanel(), FieldPanel("intro")]
    parent_page_types = ["village.HomePage"]
    subpage_types = ["participation.TrackPage"]
    max_count = 1

    class Meta:
        verbose_name = _("co-creation tracks index")

    def get_context(self, request, *args, **kwargs):
        from .views import track_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(track_index_context(request, self))
        return context


class TrackPage(Page):
    """A co-creation track: a question put to children, youths and parents, run in phases."""

    intro = models.TextField(_("introduction"), max_length=1500, blank=True)
    goal = models.TextField(
        _("goal"), max_length=1000, blank=True, help_text=_("What the track wants to achieve.")
    )
    audience = models.CharField(
        _("who it is for"),
        max_length=250,
        blank=True,
        help_text=_("For example: children of 8 to 12 and their parents."),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracks",
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person responsible"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_tracks",
        help_text=_("Gives each idea a status and explains it."),
    )
    responsible_name = models.CharField(
        _("name shown for the person responsible"),
        max_length=100,
        blank=True,
        help_text=_("For example: Sofie, youth worker. Empty: the person's display name."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    place_name = models.CharField(
        _("place"), max_length=120, blank=True, help_text=_("A neighbourhood, a school, a square...")
    )
    latitude = geo.latitude_field(null=True, blank=True)
    longitude = geo.longitude_field(null=True, blank=True)
    ideas_need_location = models.BooleanField(
        _("ideas have a point on the map"),
        default=False,
        help_text=_("Ask people to put their idea on the map."),
    )
    premoderate_all = models.BooleanField(
        _("review every contribution before it is public"),
        default=False,
        help_text=_(
            "Moderators switch this on when a track needs it; children's contributions are always reviewed."
        ),
    )
    votes_per_participant = models.PositiveSmallIntegerField(
        _("votes per participant"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("In the prioritising phase, each participant spreads this many votes."),
    )

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("intro"),
        FieldPanel("goal"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("responsible"), FieldPanel("responsible_name")],
            heading=_("Who runs it"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("ideas_need_location"),
            ],
            heading=_("Place"),
        ),
        InlinePanel("phases", heading=_("Phases"), label=_("phase"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("votes_per_participant"), FieldPanel("premoderate_all")], heading=_("Rules")
        ),
    ]
    parent_page_types = ["participation.TrackIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("co-creation track")
        verbose_name_plural = _("co-creation tracks")

    # --- phases ---------------------------------------------------------------------------
    def phase_list(self):
        """The phases in order (uses the prefetch cache when there is one)."""
        return sorted(self.phases.all(), key=lambda phase: (phase.start_date, phase.sort_order or 0))

    def current_phase(self, today=None):
        """The phase running today, or None (before the start, between phases, after the end)."""
        today = today or timezone.localdate()
        for phase in self.phase_list():
            if phase.start_date <= today <= phase.end_date:
                return phase
        return None

    def capabilities(self, today=None):
        phase = self.current_phase(today)
        return PHASE_CAPABILITIES.get(phase.kind, frozenset()) if phase else frozenset()

    def allows(self, capability, today=None):
        return capability in self.capabilities(today)

    @property
    def start_date(self):
        phases = self.phase_list()
        return phases[0].start_date if phases else None

    @property
    def end_date(self):
        phases = self.phase_list()
        return max(phase.end_date for phase in phases) if phases else None

    def state(self, today=None):
        """upcoming, running or ended."""
        today = today or timezone.localdate()
        if self.start_date and today < self.start_date:
            return "upcoming"
        if self.end_date and today > self.end_date:
            return "ended"
        return "running"

    @property
    def responsible_label(self):
        if self.responsible_name:
            return self.responsible_name
        return self.responsible.display_name if self.responsible_id else ""

    def get_context(self, request, *args, **kwargs):
        from .views import track_context

        context = super().get_context(request, *args, **kwargs)
        context.update(track_context(request, self))
        return context


class Phase(Orderable):
    """A period of a track during which some things can be done (see PHASE_CAPABILITIES)."""

    track = ParentalKey(TrackPage, related_name="phases", on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=20, choices=PhaseKind.choices)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    title = models.CharField(
        _("title"), max_length=120, blank=True, help_text=_("Empty: the name of the kind.")
    )
    description = models.TextField(_("description"), max_length=800, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("title"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.title or str(PhaseKind(self.kind).label)

    @property
    def capabilities(self):
        return PHASE_CAPABILITIES.get(self.kind, frozenset())

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day comes before the first day.")})


# --- workshops ---------------------------------------------------------------------------------
# Easy to read aloud and type on a tablet: no 0/O, no 1/I/L.
WORKSHOP_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
WORKSHOP_CODE_LENGTH = 6


def new_workshop_code():
    return "".join(secrets.choice(WORKSHOP_CODE_ALPHABET) for _i in range(WORKSHOP_CODE_LENGTH))


def normalise_workshop_code(code):
    """What a child typed, as stored: upper case, without spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


class WorkshopQuerySet(models.QuerySet):
    def open_now(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now, ends_at__gt=now)

    def by_code(self, code):
        return self.filter(code=normalise_workshop_code(code))


class Workshop(models.Model):
    """A session led by an adult where children take part with a code and a nickname."""

    track = models.ForeignKey(
        TrackPage, verbose_name=_("track"), on_delete=models.CASCADE, related_name="workshops"
    )
    title = models.CharField(_("title"), max_length=120)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_workshops",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshops",
    )
    code = models.CharField(_("code"), max_length=12, unique=True, default=new_workshop_code)
    starts_at = models.DateTimeField(_("starts at"), default=timezone.now)
    ends_at = models.DateTimeField(_("ends at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-starts_at"]

    def __str__(self):
        return f"{self.title} ({self.code})"

    def save(self, *args, **kwargs):
        self.code = normalise_workshop_code(self.code) or new_workshop_code()
        super().save(*args, **kwargs)

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The workshop ends before it starts.")})

    @property
    def is_open(self):
        now = timezone.now()
        return self.starts_at <= now < self.ends_at

    @property
    def has_ended(self):
        return timezone.now() >= self.ends_at


def new_participant_token():
    return secrets.token_urlsafe(32)


class AgeBand(models.TextChoices):
    """How old the author of an idea or comment is, as a child picks it in a workshop or from a
    young person's birth year, for the results' "who took part" (adults post too): not
    network.models.AgeBand (a case's child, coarse to stay pseudonymous) nor
    network.overview.AGE_GROUPS (the offer, counted over the age ranges of activities)."""

    UNDER_6 = "under_6", _("younger than 6")
    AGE_6_8 = "6_8", _("6 to 8")
    AGE_9_11 = "9_11", _("9 to 11")
    AGE_12_14 = "12_14", _("12 to 14")
    AGE_15_17 = "15_17", _("15 to 17")
    ADULT = "adult", _("18 or older")


def age_band_for(age):
    if age is None:
        return ""
    if age < 6:
        return AgeBand.UNDER_6
    if age <= 8:
        return AgeBand.AGE_6_8
    if age <= 11:
        return AgeBand.AGE_9_11
    if age <= 14:
        return AgeBand.AGE_12_14
    if age <= 17:
        return AgeBand.AGE_15_17
    return AgeBand.ADULT


class WorkshopParticipant(models.Model):
    """A child in a workshop: a nickname and a secret kept in their browser session. No personal data."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="participants"
    )
    nickname = models.CharField(_("nickname"), max_length=30)
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_participant_token, editable=False)
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workshop participant")
        verbose_name_plural = _("workshop participants")
        ordering = ["created_at"]

    def __str__(self):
        return self.nickname


# --- contributions ---------------------------------------------------------------------------
class Moderation(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden")
    REMOVED = "removed", _("Removed")


class AuthorKind(models.TextChoices):
    """Who posted, recorded at the time of posting (for statistics by role)."""

    CHILD = "child", _("Child in a workshop")
    GROUP = "group", _("Group in a workshop")
    YOUTH = "youth", _("Young person")
    PARENT = "parent", _("Parent")
    PARTNER = "partner", _("Partner")
    STAFF = "staff", _("Coordinator or moderator")


class ContributionQuerySet(models.QuerySet):
    def public(self):
        """What everybody sees: published only."""
        return self.filter(moderation=Moderation.PUBLISHED)

    def held(self):
        return self.filter(moderation=Moderation.PENDING)

    def visible_to(self, user=None, participant=None):
        """Published ones, plus the person's own held ones (shown "waiting for review")."""
        condition = models.Q(moderation=Moderation.PUBLISHED)
        if user is not None and user.is_authenticated:
            condition |= models.Q(author=user, moderation=Moderation.PENDING)
        if participant is not None:
            condition |= models.Q(participant=participant, moderation=Moderation.PENDING)
        return self.filter(condition)


class Contribution(models.Model):
    """What ideas and comments share: who wrote it, in which language, and its moderation."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_%(class)ss",
    )
    participant = models.ForeignKey(
        WorkshopParticipant,
        verbose_name=_("workshop participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(class)ss",
    )
    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(class)ss",
    )
    author_kind = models.CharField(_("posted by"), max_length=10, choices=AuthorKind.choices)
    # A facilitator typing an idea on behalf of a group ("12 children of 5th grade").
    on_behalf_group = models.CharField(_("on behalf of"), max_length=120, blank=True)
    group_size = models.PositiveSmallIntegerField(
        _("number of people in the group"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices, blank=True)
    language = models.CharField(
        _("written in"), max_length=2, choices=LANGUAGE_CHOICES, default=settings.LANGUAGE_CODE
    )
    body = models.TextField(_("text"), max_length=2000, blank=True)

    moderation = models.CharField(
        _("moderation"), max_length=10, choices=Moderation.choices, default=Moderation.PENDING, db_index=True
    )
    # Why it was held automatically: [{"code": "email", "detail": "…"}, …] (see participation.moderation).
    hold_reasons = models.JSONField(_("reasons held"), default=list, blank=True)
    # The reason of the last moderation decision, shown to the author.
    moderation_reason = models.TextField(_("reason given to the author"), max_length=1000, blank=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.moderation == Moderation.PUBLISHED

    @property
    def is_held(self):
        return self.moderation == Moderation.PENDING

    @property
    def author_name(self):
        """The name shown: a nickname, a group, or a first name for minors. Never an e-mail."""
        if self.on_behalf_group:
            return self.on_behalf_group
        if self.participant_id:
            return self.participant.nickname
        if self.author_id:
            name = self.author.display_name or ""
            if self.author.is_minor:
                name = name.split()[0] if name.split() else ""
            return name or str(_("Anonymous"))
        return str(_("Anonymous"))

    def is_own(self, user=None, participant=None):
        if (
            user is not None
            and user.is_authenticated
            and self.author_id == user.pk
            and not self.participant_id
        ):
            return True
        return participant is not None and self.participant_id == participant.pk


class IdeaStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    ACCEPTED = "accepted", _("Accepted")
    REALISED = "realised", _("Realised")
    NOT_POSSIBLE = "not_possible", _("Not possible")


class IdeaQuerySet(ContributionQuerySet):
    def for_listing(self):
        return self.select_related("track", "theme", "author", "participant", "activity")

    def of_track(self, track):
        return self.filter(track=track)


class Idea(Contribution):
    track = models.ForeignKey(
        TrackPage, verbose_name=_("track"), on_delete=models.CASCADE, related_name="ideas"
    )
    title = models.CharField(_("title"), max_length=120)
    theme = models.ForeignKey(
        "activities.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    image = models.ImageField(_("picture or drawing"), upload_to="ideas/%Y/%m/", blank=True)
    image_alt = models.CharField(_("what the picture shows"), max_length=200, blank=True)
    latitude = geo.latitude_field(null=True, blank=True)
    longitude = geo.longitude_field(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.RECEIVED, db_index=True
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("became this activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    # Kept by participation.services (supports and votes), for sorting without counting.
    support_count = models.PositiveIntegerField(_("supporters"), default=0, editable=False)
    vote_count = models.PositiveIntegerField(_("votes"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("published comments"), default=0, editable=False)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["track", "moderation", "-created_at"], name="idea_track_newest"),
            models.Index(fields=["track", "moderation", "-support_count"], name="idea_track_supported"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("participation:idea", kwargs={"pk": self.pk})

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None


class IdeaStatusChange(models.Model):
    """One step of "you said → we did": a status with an explanation in plain words."""

    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices)
    # Translated (modeltranslation): the author's language is required, the others optional.
    explanation = models.TextField(_("explanation"), max_length=2000, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="idea_status_changes",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.idea} → {self.get_status_display()}"

    @property
    def explanation_language(self):
        """The language of the explanation shown now (the reader's, else the fallback used)."""
        from django.utils.translation import get_language

        current = (get_language() or settings.LANGUAGE_CODE)[:2]
        for code in [current, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"]]:
            if getattr(self, f"explanation_{code}", ""):
                return code
        return current


class CommentQuerySet(ContributionQuerySet):
    def for_listing(self):
        return self.select_related("author", "participant")


class Comment(Contribution):
    """A reaction on an idea; replies go one level deep."""

    idea = models.ForeignKey(Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return f"{self.idea.get_absolute_url()}#comment-{self.pk}"

    def clean(self):
        if self.parent_id:
            if self.parent.parent_id:
                raise ValidationError({"parent": _("You can only reply to a comment, not to a reply.")})
            if self.idea_id and self.parent.idea_id != self.idea_id:
                raise ValidationError({"parent": _("This comment belongs to another idea.")})


class Support(models.Model):
    """ "I support this idea": one per person (or workshop participant) per idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="idea_supports",
    )
    participant = models.ForeignKey(
        WorkshopParticipant, null=True, blank=True, on_delete=models.CASCADE, related_name="supports"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, participant__isnull=True)
                | models.Q(user__isnull=True, participant__isnull=False),
                name="support_user_or_participant",
            ),
            models.UniqueConstraint(fields=["idea", "user"], name="one_support_per_user"),
            models.UniqueConstraint(fields=["idea", "participant"], name="one_support_per_participant"),
        ]

    def __str__(self):
        return f"♥ {self.idea_id}"


class Vote(models.Model):
    """Votes a person gives an idea in the prioritising phase (spread over a track's ideas)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="idea_votes"
    )
    participant = models.ForeignKey(
        WorkshopParticipant, null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    count = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1)])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, participant__isnull=True)
                | models.Q(user__isnull=True, participant__isnull=False),
                name="vote_user_or_participant",
            ),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="vote_count_positive"),
            models.UniqueConstraint(fields=["idea", "user"], name="one_vote_row_per_user"),
            models.UniqueConstraint(fields=["idea", "participant"], name="one_vote_row_per_participant"),
        ]

    def __str__(self):
        return f"{self.count} × {self.idea_id}"


# --- moderation --------------------------------------------------------------------------------
class ReportReason(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("It shows personal information")
    HURTFUL = "hurtful", _("It is hurtful or bullying")
    INAPPROPRIATE = "inappropriate", _("It is not suitable for children")
    SPAM = "spam", _("It is advertising or spam")
    OTHER = "other", _("Something else")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """Somebody flags an idea or a comment."""

    idea = models.ForeignKey(Idea, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_reports",
    )
    session_key = models.CharField(max_length=64, blank=True)
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    explanation = models.TextField(_("explanation"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(idea__isnull=False, comment__isnull=True)
                | models.Q(idea__isnull=True, comment__isnull=False),
                name="report_idea_or_comment",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def contribution(self):
        return self.idea if self.idea_id else self.comment


class ModerationActionKind(models.TextChoices):
    HOLD = "hold", _("Held automatically")
    APPROVE = "approve", _("Approved")
    HIDE = "hide", _("Hidden")
    REMOVE = "remove", _("Removed")
    RESTORE = "restore", _("Restored")


class ModerationAction(models.Model):
    """The log of moderation: who did what to which contribution, when and why.
    moderator is empty for the system's automatic holds."""

    idea = models.ForeignKey(
        Idea, null=True, blank=True, on_delete=models.CASCADE, related_name="moderation_actions"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="moderation_actions"
    )
    action = models.CharField(_("action"), max_length=10, choices=ModerationActionKind.choices)
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def contribution(self):
        return self.idea if self.idea_id else self.comment


class BlockedWord(models.Model):
    """A word that holds a contribution for review (editable by moderators and editors)."""

    word = models.CharField(_("word"), max_length=60)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=LANGUAGE_CHOICES,
        blank=True,
        help_text=_("Empty: all languages."),
    )

    class Meta:
        verbose_name = _("blocked word")
        verbose_name_plural = _("blocked words")
        ordering = ["language", "word"]
        constraints = [models.UniqueConstraint(fields=["word", "language"], name="unique_blocked_word")]

    def __str__(self):
        return self.word
