"""Learning networks: private spaces of welfare–education coordinators.

Everything in this module belongs to one `Network` and is visible to its members only. The
members-only rule lives in one place (network/access.py); querysets here offer the
building blocks (`Network.objects.for_member(user)`, `...for_network(network)`).

Models, grouped by the parts of issue #5:
- networks and members: Network, NetworkMember (role + per-network profile), Invitation
- sessions: Session (video link built from settings), AgendaItem, Rsvp,
  live room: ChatMessage, RoomPresence, HandRaise, Poll, PollOption, PollVote
- case consultation: Case (pseudonymous fields), CaseResponse, CaseAccessLog
- good practices: Practice
- signals to government: Signal, SignalEndorsement, SignalAddition, SignalBundle
"""

import datetime
import hashlib
import re
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

LANGUAGE_CHOICES = [("nl", _("Dutch")), ("fr", _("French")), ("en", _("English"))]


def invitation_days():
    return int(getattr(settings, "VILLAGE_NETWORK_INVITATION_DAYS", 14))


def case_retention_months():
    return int(getattr(settings, "VILLAGE_CASE_RETENTION_MONTHS", 12))


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_room_name():
    return secrets.token_urlsafe(18)


# --- Networks and members ------------------------------------------------------------------


class NetworkKind(models.TextChoices):
    REGION = "region", _("Region")
    THEME = "theme", _("Theme")


POSTCODE_RANGE_RE = re.compile(r"^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$")


def parse_postcode_ranges(text):
    """'1000-1299, 1500-1999; 3000' -> [(1000, 1299), (1500, 1999), (3000, 3000)].

    Raises ValueError on a part that is not a postcode or a range of postcodes.
    """
    ranges = []
    for part in re.split(r"[,;\n]+", text or ""):
        if not part.strip():
            continue
        match = POSTCODE_RANGE_RE.match(part)
        if not match:
            raise ValueError(part.strip())
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if high < low:
            raise ValueError(part.strip())
        ranges.append((low, high))
    return ranges


# First path segments under /networks/ that are not a network (see network/urls.py).
RESERVED_SLUGS = {"invitations", "practices", "new"}


class NetworkQuerySet(models.QuerySet):
    def for_member(self, user):
        """The networks the user is a member of (none for anonymous users)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(members__user=user).distinct()

    def facilitated_by(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(members__user=user, members__role=MemberRole.FACILITATOR).distinct()

    def with_member_count(self):
        return self.annotate(member_count=models.Count("members", distinct=True))


class Network(models.Model):
    """A learning network (one per region, or a theme). Name and description are translated."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=NetworkKind.choices, default=NetworkKind.REGION)
    region_label = models.CharField(
        _("region"), max_length=120, blank=True, help_text=_("The region in words, e.g. Brussels.")
    )
    postcode_ranges = models.CharField(
        _("postcodes"),
        max_length=400,
        blank=True,
        help_text=_("Postcodes or ranges of postcodes of the region, e.g. 1000-1299, 1500-1999."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning network")
        verbose_name_plural = _("learning networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:network_detail", kwargs={"slug": self.slug})

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by the platform; choose another one.")})
        try:
            parse_postcode_ranges(self.postcode_ranges)
        except ValueError as error:
            raise ValidationError(
                {
                    "postcode_ranges": _("“%(part)s” is not a postcode or a range like 1000-1299.")
                    % {"part": error}
                }
            ) from error

    def postcode_range_list(self):
        try:
            return parse_postcode_ranges(self.postcode_ranges)
        except ValueError:
            return []

    def covers_postcode(self, postcode):
        digits = re.sub(r"\D", "", str(postcode or ""))[:4]
        if len(digits) != 4:
            return False
        value = int(digits)
        return any(low <= value <= high for low, high in self.postcode_range_list())

    def postcode_q(self, field="postcode"):
        """A Q object matching a 4-digit postcode CharField within the network's ranges.

        Postcodes are 4 digits in Belgium, so string comparison equals numeric comparison.
        Matches nothing when the network has no ranges.
        """
        query = Q(pk__in=[])
        for low, high in self.postcode_range_list():
            query |= Q(**{f"{field}__gte": f"{low:04d}", f"{field}__lte": f"{high:04d}"})
        return query


class MemberRole(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    MEMBER = "member", _("Member")


class NetworkMemberQuerySet(models.QuerySet):
    def facilitators(self):
        return self.filter(role=MemberRole.FACILITATOR)

    def for_network(self, network):
        return self.filter(network=network)


class NetworkMember(models.Model):
    """A person in a network, with a role and a profile that the other members see."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="members", verbose_name=_("network")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    # Profile (per network: one may work for another organisation in another region).
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    function = models.CharField(_("function"), max_length=120, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    objects = NetworkMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        ordering = ["network", "role", "user__display_name"]
        constraints = [models.UniqueConstraint(fields=["network", "user"], name="network_member_unique")]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.network})"

    @property
    def is_facilitator(self):
        return self.role == MemberRole.FACILITATOR


class InvitationQuerySet(models.QuerySet):
    def pending(self, now=None):
        """Not accepted, not revoked and not expired."""
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


def default_invitation_expiry():
    return timezone.now() + datetime.timedelta(days=invitation_days())


class Invitation(models.Model):
    """An invitation by e-mail to join a network: accepted once, expires.

    Only a hash of the token is stored; the token itself travels in the e-mail only. Create
    with `Invitation.issue(...)`, which sets the transient attribute `token`.
    """

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("network")
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="nl")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), default=default_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.network}"

    @classmethod
    def issue(cls, *, network, email, role=MemberRole.MEMBER, invited_by=None, language="nl", **kwargs):
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            network=network,
            email=email.strip().lower(),
            role=role,
            invited_by=invited_by,
            language=language,
            token_hash=hash_token(token),
            **kwargs,
        )
        invitation.token = token
        return invitation

    @classmethod
    def find(cls, token):
        """The invitation with this token (any state), or None."""
        if not token or len(token) > 200:
            return None
        return cls.objects.select_related("network").filter(token_hash=hash_token(token)).first()

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self):
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


# --- Sessions ------------------------------------------------------------------------------


class VideoProvider(models.TextChoices):
    JITSI = "jitsi", "Jitsi Meet"
    BIGBLUEBUTTON = "bigbluebutton", "BigBlueButton"


def build_video_url(room_name):
    """The video-call link for a room, from settings (no video is built here)."""
    provider = getattr(settings, "VILLAGE_VIDEO_PROVIDER", VideoProvider.JITSI)
    if provider == VideoProvider.BIGBLUEBUTTON:
        base = getattr(settings, "VILLAGE_BBB_BASE_URL", "").rstrip("/")
        return f"{base}/rooms/village-{room_name}/join" if base else ""
    base = getattr(settings, "VILLAGE_JITSI_BASE_URL", "https://meet.jit.si").rstrip("/")
    return f"{base}/Village-{room_name}"


class SessionQuerySet(models.QuerySet):
    def for_network(self, network):
        return self.filter(network=network)

    def for_member(self, user):
        return self.filter(network__in=Network.objects.for_member(user))

    def upcoming(self, now=None):
        """Not yet ended (includes sessions happening now), soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at")

    def live(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now + datetime.timedelta(minutes=15), ends_at__gt=now)


class Session(models.Model):
    """An online session of a network: agenda, video link, live room, minutes afterwards."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("network")
    )
    title = models.CharField(_("title"), max_length=160)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    room_name = models.CharField(max_length=40, unique=True, default=new_room_name, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    current_agenda_item = models.ForeignKey(
        "AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agenda item being discussed"),
    )
    minutes = models.TextField(_("minutes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    minutes_published_at = models.DateTimeField(_("minutes published"), null=True, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:session_detail", kwargs={"slug": self.network.slug, "pk": self.pk})

    @property
    def video_url(self):
        return build_video_url(self.room_name)

    def is_live(self, now=None):
        now = now or timezone.now()
        return self.starts_at - datetime.timedelta(minutes=15) <= now < self.ends_at and not self.cancelled_at

    def has_ended(self, now=None):
        return self.ends_at <= (now or timezone.now())

    @property
    def room_closes_at(self):
        """Sessions run over: the live room stays open a while after the planned end."""
        return self.ends_at + datetime.timedelta(minutes=settings.VILLAGE_NETWORK_ROOM_GRACE_MINUTES)

    def room_is_open(self, now=None):
        """Whether the live room takes messages, hands, votes and agenda changes. Once the
        session is over (or cancelled) the room is a read-only record of what was said."""
        return self.cancelled_at is None and (now or timezone.now()) < self.room_closes_at

    @property
    def minutes_published(self):
        return self.minutes_published_at is not None


class AgendaItem(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("session")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title


class RsvpAnswer(models.TextChoices):
    YES = "yes", _("I will come")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("I cannot come")


class Rsvp(models.Model):
    """A member's answer to a session invitation."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("session")
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(_("answer"), max_length=5, choices=RsvpAnswer.choices)
    answered_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        verbose_name = _("answer to a session invitation")
        verbose_name_plural = _("answers to session invitations")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="network_rsvp_unique")]

    def __str__(self):
        return f"{self.user} – {self.session}: {self.answer}"


class ChatMessageQuerySet(models.QuerySet):
    def after(self, last_id):
        """Messages newer than the last one a client saw (backfill), oldest first."""
        return self.filter(id__gt=last_id or 0).order_by("id")


class ChatMessage(models.Model):
    """A chat message of a live room; saved before it is broadcast. `client_token` (optional,
    set by the browser) makes a resend after a dropped connection idempotent."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="chat_messages", verbose_name=_("session")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("message"), max_length=2000)
    client_token = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    objects = ChatMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "author", "client_token"],
                condition=~Q(client_token=""),
                name="network_chat_client_token_unique",
            )
        ]

    def __str__(self):
        return f"{self.session_id} #{self.pk}"


class RoomPresence(models.Model):
    """One open WebSocket connection of a member in a session room (works across processes)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel_name = models.CharField(max_length=200, unique=True)
    connected_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("presence in a live room")
        verbose_name_plural = _("presences in live rooms")

    def __str__(self):
        return f"{self.user} @ {self.session_id}"


class HandRaiseQuerySet(models.QuerySet):
    def queue(self):
        """Raised and not yet lowered, in the order of raising: the speaking queue."""
        return self.filter(lowered_at__isnull=True).order_by("raised_at", "id")


class HandRaise(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="hand_raises")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    raised_at = models.DateTimeField(default=timezone.now)
    lowered_at = models.DateTimeField(null=True, blank=True)

    objects = HandRaiseQuerySet.as_manager()

    class Meta:
        verbose_name = _("raised hand")
        verbose_name_plural = _("raised hands")
        ordering = ["raised_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(lowered_at__isnull=True),
                name="network_one_raised_hand",
            )
        ]

    def __str__(self):
        return f"{self.user} @ {self.session_id}"


class Poll(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="polls", verbose_name=_("session")
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="polls"
    )
    question = models.CharField(_("question"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_open = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.question

    def results(self):
        """[(option, votes)] in option order (one query)."""
        options = self.options.annotate(vote_count=models.Count("votes")).order_by("order", "id")
        return [(option, option.vote_count) for option in options]


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("option"), max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.text


class PollVote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="network_poll_vote_unique")]

    def __str__(self):
        return f"{self.user} → {self.option_id}"


# --- Case consultation ---------------------------------------------------------------------


class AgeBand(models.TextChoices):
    """The age of a case's child: coarse, so that a case stays pseudonymous, and along the school
    stages of SchoolLevel. Not participation.models.AgeBand (who posted an idea, finer for
    workshop children) nor network.overview.AGE_GROUPS (the offer, over activities' age ranges)."""

    UNDER_6 = "0-5", _("0 to 5 years")
    AGE_6_11 = "6-11", _("6 to 11 years")
    AGE_12_14 = "12-14", _("12 to 14 years")
    AGE_15_17 = "15-17", _("15 to 17 years")
    AGE_18_PLUS = "18+", _("18 years or older")


class SchoolLevel(models.TextChoices):
    PRESCHOOL = "preschool", _("Pre-school")
    PRIMARY = "primary", _("Primary school")
    SECONDARY_1 = "secondary_1", _("Secondary school, first stage")
    SECONDARY_2 = "secondary_2", _("Secondary school, second or third stage")
    NOT_IN_SCHOOL = "none", _("Not in school")


class SchoolType(models.TextChoices):
    MAINSTREAM = "mainstream", _("Mainstream education")
    SPECIAL = "special", _("Special needs education")
    PART_TIME = "part_time", _("Part-time education and training")
    RECEPTION = "reception", _("Reception class for newcomers")
    OTHER = "other", _("Other")


class CaseOutcome(models.TextChoices):
    OPEN = "open", _("Open")
    ADVICE_GIVEN = "advice_given", _("Advice given")
    ROUND_TABLE_PLANNED = "round_table_planned", _("Round table planned")
    REFERRED = "referred", _("Referred")
    CLOSED = "closed", _("Closed")


class CaseQuerySet(models.QuerySet):
    def for_network(self, network):
        return self.filter(network=network)

    def active(self):
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)

    def due_for_deletion(self, now=None):
        """Archived longer ago than the retention period (VILLAGE_CASE_RETENTION_MONTHS)."""
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(days=round(case_retention_months() * 365.25 / 12))
        return self.filter(archived_at__isnull=False, archived_at__lte=cutoff)


class Case(models.Model):
    """A stuck case brought to the network, pseudonymous by design (no names, no dates of
    birth, no schools). Archived, then deleted after the retention period."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="cases", verbose_name=_("network")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("brought in by"),
    )
    age_band = models.CharField(_("age"), max_length=6, choices=AgeBand.choices)
    school_level = models.CharField(_("school level"), max_length=12, choices=SchoolLevel.choices)
    school_type = models.CharField(_("school type"), max_length=12, choices=SchoolType.choices)
    situation = models.TextField(_("the situation"))
    tried = models.TextField(_("what has been tried, by whom"))
    question = models.TextField(_("the question to the network"))
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=CaseOutcome.choices, default=CaseOutcome.OPEN
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """A pseudonymous reference such as “Case 12”, kept in the access log after deletion."""
        return f"#{self.pk}"

    def deletion_due_at(self):
        if not self.archived_at:
            return None
        return self.archived_at + datetime.timedelta(days=round(case_retention_months() * 365.25 / 12))


class CaseResponse(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="responses", verbose_name=_("case"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("response"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("response to a case")
        verbose_name_plural = _("responses to cases")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.case_id} #{self.pk}"


class CaseAccessAction(models.TextChoices):
    READ = "read", _("read")
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    RESPOND = "respond", _("responded")
    ARCHIVE = "archive", _("archived")
    DELETE = "delete", _("deleted")


class CaseAccessLog(models.Model):
    """Every read and change of a case. Kept after the case is deleted (case set to null,
    `case_label` remains) so facilitators can still account for who saw what."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="case_access_logs")
    case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="access_logs"
    )
    case_label = models.CharField(_("case"), max_length=40)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=CaseAccessAction.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("case access log entry")
        verbose_name_plural = _("case access log")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.case_label} {self.action} {self.at:%Y-%m-%d %H:%M}"


# --- Good practices ------------------------------------------------------------------------


class PracticeVisibility(models.TextChoices):
    NETWORK = "network", _("Members of the network only")
    PUBLIC = "public", _("Everyone")


class PracticeAge(models.TextChoices):
    """Whom a good practice is for, in the two groups the field's networks speak of ("the needs of
    under-12s and over-12s in the region"); case ages are AgeBand above."""

    UNDER_12 = "-12", _("Under 12")
    OVER_12 = "+12", _("12 and over")
    BOTH = "both", _("All ages")


class StrategyLevel(models.TextChoices):
    UNIVERSAL = "universal", _("Universal prevention")
    SELECTIVE = "selective", _("Selective prevention")
    INDICATED = "indicated", _("Indicated prevention")
    INTERVENTION = "intervention", _("Intervention")
    COMPENSATION = "compensation", _("Compensation")


class PracticeQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=PracticeVisibility.PUBLIC)

    def for_network(self, network):
        return self.filter(network=network)

    def visible_to(self, user):
        """Public practices plus those of the user's networks."""
        return self.filter(
            Q(visibility=PracticeVisibility.PUBLIC) | Q(network__in=Network.objects.for_member(user))
        )


class Practice(models.Model):
    """A good practice in the field's case-study format, written in one language."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="practices", verbose_name=_("network")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    visibility = models.CharField(
        _("visible to"), max_length=8, choices=PracticeVisibility.choices, default=PracticeVisibility.NETWORK
    )
    language = models.CharField(_("written in"), max_length=2, choices=LANGUAGE_CHOICES, default="nl")
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, blank=True)
    goal = models.TextField(_("goal"))
    audience = models.TextField(_("audience"), blank=True)
    age = models.CharField(_("age"), max_length=4, choices=PracticeAge.choices, default=PracticeAge.BOTH)
    strategy_level = models.CharField(
        _("strategy level"), max_length=12, choices=StrategyLevel.choices, blank=True
    )
    vision = models.TextField(_("vision"), blank=True)
    activities_text = models.TextField(_("activities"), blank=True)
    method = models.TextField(_("method"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    funding = models.TextField(_("funding"), blank=True)
    success_factors = models.TextField(_("success factors"), blank=True)
    obstacles = models.TextField(_("obstacles"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    tags = TaggableManager(_("tags"), blank=True)
    activities = models.ManyToManyField(
        "activities.Activity",
        blank=True,
        related_name="network_practices",
        verbose_name=_("activities on the map"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published to everyone"), null=True, blank=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    @property
    def is_public(self):
        return self.visibility == PracticeVisibility.PUBLIC


# --- Signals to government -----------------------------------------------------------------


class SignalKind(models.TextChoices):
    GAP = "gap", _("A gap in the offer")
    BARRIER = "barrier", _("A barrier")
    PROCEDURE = "procedure", _("A procedure problem")
    FUNDING = "funding", _("A funding problem")


class SignalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    SENT = "sent", _("Sent")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class SignalBundle(models.Model):
    """Signals a facilitator groups to send to government together."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="signal_bundles", verbose_name=_("network")
    )
    title = models.CharField(_("title"), max_length=200)
    recipient = models.CharField(_("sent to"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SignalStatus.choices, default=SignalStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    official_answer = models.TextField(_("official answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("bundle of signals")
        verbose_name_plural = _("bundles of signals")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class SignalQuerySet(models.QuerySet):
    def for_network(self, network):
        return self.filter(network=network)

    def with_endorsement_count(self):
        return self.annotate(endorsement_count=models.Count("endorsements", distinct=True))


class Signal(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="signals", verbose_name=_("network")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("filed by"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SignalKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    evidence = models.TextField(_("evidence"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SignalStatus.choices, default=SignalStatus.OPEN
    )
    bundle = models.ForeignKey(
        SignalBundle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("bundle"),
    )
    official_answer = models.TextField(_("official answer"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class SignalEndorsement(models.Model):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="endorsements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            models.UniqueConstraint(fields=["signal", "user"], name="network_signal_endorsement_unique")
        ]

    def __str__(self):
        return f"{self.user} + {self.signal_id}"


class SignalAdditionKind(models.TextChoices):
    CASE = "case", _("A case")
    FIGURE = "figure", _("A figure")


class SignalAddition(models.Model):
    """A pseudonymous case or a figure a member adds to a signal as evidence."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="additions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=6, choices=SignalAdditionKind.choices)
    text = models.TextField(_("text"))
    case = models.ForeignKey(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signal_additions",
        verbose_name=_("case"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("addition to a signal")
        verbose_name_plural = _("additions to signals")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.signal_id}: {self.get_kind_display()}"
