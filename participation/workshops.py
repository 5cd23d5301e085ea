"""Workshops: children take part in a co-creation track with a code and a nickname, no account.

- A partner of the track's organisation, its responsible person or a coordinator opens a
  workshop (title, start and end; by default now until two hours from now) and gets its short
  code, a QR code to the join address, a printable sheet and a facilitator page (the ideas,
  the wall, ideas typed in for a group, closing early).
- A child opens /<lang>/participation/join/, types the code (or scans the QR code, which
  leads to /<lang>/participation/join/<CODE>/) and a nickname. Nothing else: no e-mail, no
  password, no name. The participant's secret token is kept in the browser session.
- In workshop mode the child posts an idea in words, a photo or a drawing. It goes through
  `participation.services.post_idea`, which holds children's ideas for a moderator; the child
  sees their own ideas and what happened to them.
- After the end, the code no longer lets anybody in; it leads to the workshop's results
  (`participation:workshop_results`, built by the moderation part) when that page exists.

Permissions (django-rules): `participation.open_workshop` (core's rules, on a track) and
`participation.facilitate_workshop` (here, on a workshop: its facilitator or whoever may open
workshops for its track).
"""

import base64
import binascii
import datetime

import rules
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from village import ratelimit

from . import live
from .models import (
    AgeBand,
    Idea,
    Moderation,
    TrackPage,
    Workshop,
    WorkshopParticipant,
    normalise_workshop_code,
)
from .services import NotAllowed

SESSION_KEY = "village_workshops"  # {code: participant token}
DEFAULT_LENGTH = datetime.timedelta(hours=2)
MAX_LENGTH = datetime.timedelta(days=7)
NICKNAME_MIN, NICKNAME_MAX = 2, 20
MAX_DRAWING_BYTES = 3 * 1024 * 1024  # a data URL of a 1200×900 PNG drawing is far below this
JOIN_LIMIT = "participation_workshop_join"


# --- permissions -------------------------------------------------------------------------------


@rules.predicate
def is_workshop_facilitator(user, workshop):
    return workshop is not None and user.is_authenticated and workshop.facilitator_id == user.pk


@rules.predicate
def may_open_workshops_of_its_track(user, workshop):
    return workshop is not None and user.has_perm("participation.open_workshop", workshop.track)


if not rules.perm_exists("participation.facilitate_workshop"):
    rules.add_perm(
        "participation.facilitate_workshop", is_workshop_facilitator | may_open_workshops_of_its_track
    )


# --- helpers ----------------------------------------------------------------------------------


def results_url(workshop):
    """The public results page of a workshop, when the moderation part has built it."""
    try:
        return reverse("participation:workshop_results", kwargs={"code": workshop.code})
    except NoReverseMatch:
        return ""


def join_url(request, workshop):
    return request.build_absolute_uri(
        reverse("participation:workshop_join_code", kwargs={"code": workshop.code})
    )


def short_join_url(request):
    """The address to type, without the scheme: "village.example/nl/participation/join/"."""
    return request.get_host() + reverse("participation:workshop_join")


def qr_svg(url, label):
    """An inline SVG QR code of `url` with a text alternative (role="img" + aria-label)."""
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=6, border=2, omitsize=True)
    # segno's output holds drawing paths only (not the address); the label is escaped.
    labelled = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" focusable="false" ', 1)
    return mark_safe(labelled)  # noqa: S308


def participant_for(request, workshop):
    token = request.session.get(SESSION_KEY, {}).get(workshop.code)
    if not token:
        return None
    return WorkshopParticipant.objects.filter(workshop=workshop, token=token).first()


def remember_participant(request, participant):
    joined = dict(request.session.get(SESSION_KEY, {}))
    joined[participant.workshop.code] = participant.token
    request.session[SESSION_KEY] = joined


def workshop_by_code(code):
    workshop = (
        Workshop.objects.select_related("track", "facilitator", "organisation").by_code(code).first()
        if normalise_workshop_code(code)
        else None
    )
    if workshop is None or not workshop.track.live:
        raise Http404
    return workshop


def child_state(idea):
    """What a child reads about their own idea: (key, words)."""
    if idea.moderation == Moderation.PENDING:
        return "waiting", gettext("A grown-up will check it soon")
    if idea.moderation == Moderation.PUBLISHED:
        if idea.status and idea.status != "received":
            return "public", gettext("On the wall · %(status)s") % {"status": idea.get_status_display()}
        return "public", gettext("On the wall")
    if idea.moderation == Moderation.HIDDEN:
        return "hidden", gettext("Not on the wall")
    return "removed", gettext("Removed")


# --- services ------------------------------------------------------------------------------------


def open_workshop(*, actor, track, title, starts_at, ends_at):
    """A new workshop for a track, facilitated by `actor` (who may open workshops for it)."""
    if not actor.has_perm("participation.open_workshop", track):
        raise PermissionDenied
    organisation = track.organisation
    if organisation is not None and not organisation.memberships.filter(user=actor).exists():
        organisation = None
    with transaction.atomic():
        return Workshop.objects.create(
            track=track,
            title=title,
            facilitator=actor,
            organisation=organisation,
            starts_at=starts_at,
            ends_at=ends_at,
        )


def close_workshop(*, actor, workshop):
    """Ends a workshop now: the code stops letting children in."""
    if not actor.has_perm("participation.facilitate_workshop", workshop):
        raise PermissionDenied
    now = timezone.now()
    if workshop.ends_at > now:
        workshop.ends_at = max(now, workshop.starts_at + datetime.timedelta(seconds=1))
        workshop.save(update_fields=["ends_at"])
    return workshop


def join_workshop(*, workshop, nickname, age_band=""):
    """A participant with a nickname (already checked by NicknameForm) in an open workshop."""
    if not workshop.is_open:
        raise ValidationError(gettext("This workshop is not open."), code="closed")
    return WorkshopParticipant.objects.create(workshop=workshop, nickname=nickname, age_band=age_band)


def _post_idea(**kwargs):
    """The core service that stores an idea and decides whether it is held (always, for children)."""
    from .services import post_idea

    return post_idea(**kwargs)


def post_child_idea(*, participant, title, body, image=None, image_alt=""):
    """An idea of a child in a workshop: held for a moderator (participation.moderation)."""
    return _post_idea(
        track=participant.workshop.track,
        participant=participant,
        title=title,
        body=body,
        image=image,
        image_alt=image_alt,
        language=translation.get_language()[:2],
    )


@transaction.atomic
def post_group_idea(*, actor, workshop, title, body, group, group_size, age_band, image=None, image_alt=""):
    """An idea the facilitator types in for a group ("12 children of 5th grade"), counted with
    the group's size and age band, and shown on the workshop's wall."""
    if not actor.has_perm("participation.facilitate_workshop", workshop):
        raise PermissionDenied
    if not workshop.is_open:
        raise ValidationError(gettext("This workshop has ended."), code="closed")
    idea = _post_idea(
        track=workshop.track,
        author=actor,
        title=title,
        body=body,
        image=image,
        image_alt=image_alt,
        on_behalf_group=group,
        group_size=group_size,
        age_band=age_band,
        language=translation.get_language()[:2],
    )
    if idea.workshop_id != workshop.pk:
        idea.workshop = workshop
        idea.save(update_fields=["workshop"])
        live.idea_changed(idea)  # read again after the commit: the wall sees the workshop
    return idea


# --- forms ---------------------------------------------------------------------------------------


def _plain(value):
    from .moderation import plain_text

    return plain_text(value or "")


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class OpenWorkshopForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the workshop"),
        max_length=120,
        help_text=_("For example: 5th grade, De Brug homework school."),
    )
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=LocalDateTimeInput(), input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"),
        widget=LocalDateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("After this time the code no longer works; it then shows the workshop's results."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        now = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["starts_at"].initial = now
        self.fields["ends_at"].initial = now + DEFAULT_LENGTH

    def clean_title(self):
        return _plain(self.cleaned_data["title"])

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends:
            if ends <= starts:
                self.add_error("ends_at", gettext("The end comes before the start."))
            elif ends <= timezone.now():
                self.add_error("ends_at", gettext("The end is in the past."))
            elif ends - starts > MAX_LENGTH:
                self.add_error("ends_at", gettext("A workshop lasts at most seven days."))
        return cleaned


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The letters and numbers on the board."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "class": "code-input",
            }
        ),
    )

    def clean_code(self):
        code = normalise_workshop_code(self.cleaned_data["code"])
        self.workshop = Workshop.objects.select_related("track").by_code(code).first() if code else None
        if self.workshop is None or not self.workshop.track.live:
            raise ValidationError(
                gettext("We do not know this code. Check the letters and numbers and try again."),
                code="unknown",
            )
        return code


class NicknameForm(forms.Form):
    nickname = forms.CharField(
        label=_("Your nickname"),
        max_length=NICKNAME_MAX,
        help_text=_("Not your real name: a fun name, like Starfish or Lina9."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    age_band = forms.ChoiceField(
        label=_("How old are you?"),
        required=False,
        choices=[("", _("I'd rather not say"))] + [c for c in AgeBand.choices if c[0] != AgeBand.ADULT],
    )

    def __init__(self, *args, workshop, **kwargs):
        self.workshop = workshop
        super().__init__(*args, **kwargs)

    def clean_nickname(self):
        from .moderation import (
            ADDRESS,
            BLOCKED_WORD,
            EMAIL,
            FULL_NAME,
            NATIONAL_NUMBER,
            PHONE,
            blocklist,
            detect,
        )

        nickname = " ".join(_plain(self.cleaned_data["nickname"]).split())
        if len(nickname) < NICKNAME_MIN:
            raise ValidationError(gettext("Choose a nickname of at least two letters."), code="short")
        codes = {reason["code"] for reason in detect(nickname, blocked_words=blocklist())}
        if codes & {EMAIL, PHONE, NATIONAL_NUMBER, ADDRESS}:
            raise ValidationError(
                gettext("No e-mail address or phone number, please: just a nickname."), code="personal_data"
            )
        if FULL_NAME in codes or (
            len(nickname.split()) >= 2 and all(w[:1].isupper() for w in nickname.split())
        ):
            raise ValidationError(
                gettext("That looks like a real name. Choose a nickname, like Starfish or Lina9."),
                code="full_name",
            )
        if BLOCKED_WORD in codes:
            raise ValidationError(gettext("Choose another nickname, please."), code="blocked")
        if self.workshop.participants.filter(nickname__iexact=nickname).exists():
            raise ValidationError(
                gettext(
                    "Somebody in this workshop already has this nickname. Add a number or choose another one."
                ),
                code="taken",
            )
        return nickname


class PictureField(forms.FileField):
    widget = forms.ClearableFileInput

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"accept": "image/*", "capture": "environment"})
        return attrs


def _decode_drawing(data_url):
    """A PNG from the drawing canvas (a data: URL), or ValidationError."""
    prefix = "data:image/png;base64,"
    if not data_url.startswith(prefix) or len(data_url) > MAX_DRAWING_BYTES * 4 // 3 + len(prefix) + 4:
        raise ValidationError(gettext("The drawing could not be sent. Please try again."), code="drawing")
    try:
        return ContentFile(base64.b64decode(data_url[len(prefix) :], validate=True), name="drawing.png")
    except (binascii.Error, ValueError):
        raise ValidationError(
            gettext("The drawing could not be sent. Please try again."), code="drawing"
        ) from None


class IdeaPictureMixin:
    """A photo (file upload, camera on a phone) or a drawing (data URL from the canvas),
    checked and stripped of metadata by village.uploads before anything is stored."""

    def clean_picture(self):
        from village.uploads import clean_image

        upload = self.cleaned_data.get("picture")
        return clean_image(upload) if upload else None

    def clean_drawing(self):
        from village.uploads import clean_image

        data = (self.cleaned_data.get("drawing") or "").strip()
        return clean_image(_decode_drawing(data)) if data else None

    def clean_image_alt(self):
        return _plain(self.cleaned_data.get("image_alt"))

    @property
    def image(self):
        return self.cleaned_data.get("picture") or self.cleaned_data.get("drawing")


class ChildIdeaForm(IdeaPictureMixin, forms.Form):
    title = forms.CharField(label=_("My idea"), max_length=120, required=False)
    body = forms.CharField(
        label=_("Tell more (if you want)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    picture = PictureField(label=_("Take or choose a photo"), required=False)
    drawing = forms.CharField(required=False, widget=forms.HiddenInput)
    image_alt = forms.CharField(label=_("What does your picture show?"), max_length=200, required=False)

    def __init__(self, *args, participant, **kwargs):
        self.participant = participant
        super().__init__(*args, **kwargs)

    def clean_title(self):
        return _plain(self.cleaned_data.get("title"))

    def clean_body(self):
        return _plain(self.cleaned_data.get("body"))

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        title, body, image = cleaned.get("title"), cleaned.get("body"), self.image
        if not (title or body or image):
            raise ValidationError(gettext("Write your idea, or add a photo or a drawing."), code="empty")
        nickname = self.participant.nickname
        if image and not cleaned.get("image_alt"):
            if cleaned.get("drawing") and not cleaned.get("picture"):
                cleaned["image_alt"] = gettext("Drawing by %(nickname)s") % {"nickname": nickname}
            else:
                cleaned["image_alt"] = gettext("Photo by %(nickname)s") % {"nickname": nickname}
        if not title:
            if body:
                words = body.split()
                title = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
                cleaned["title"] = title[:120]
            else:
                cleaned["title"] = cleaned["image_alt"][:120]
        return cleaned


class GroupIdeaForm(IdeaPictureMixin, forms.Form):
    group = forms.CharField(
        label=_("Group"), max_length=120, help_text=_("For example: 5th grade of De Brug school.")
    )
    group_size = forms.IntegerField(label=_("Number of children in the group"), min_value=1, max_value=500)
    age_band = forms.ChoiceField(label=_("Age"), choices=[("", "—")] + list(AgeBand.choices))
    title = forms.CharField(label=_("Idea"), max_length=120)
    body = forms.CharField(
        label=_("Explanation"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    picture = PictureField(label=_("Photo of a drawing or poster (optional)"), required=False)
    drawing = forms.CharField(required=False, widget=forms.HiddenInput)
    image_alt = forms.CharField(label=_("What the photo shows"), max_length=200, required=False)

    def clean_group(self):
        return _plain(self.cleaned_data["group"])

    def clean_title(self):
        return _plain(self.cleaned_data["title"])

    def clean_body(self):
        return _plain(self.cleaned_data.get("body"))

    def clean(self):
        cleaned = super().clean()
        if not self.errors and self.image and not cleaned.get("image_alt"):
            self.add_error(
                "image_alt", gettext("Describe the photo in a few words, for people who cannot see it.")
            )
        return cleaned


# --- views -----------------------------------------------------------------------------------------


def _render_error(form, error):
    """A refusal of the service (phase over, workshop ended, too many posts, bad input) as a
    message above the form; nothing was stored."""
    for message in error.messages if isinstance(error, ValidationError) else [str(error)]:
        form.add_error(None, message)


@login_required
@require_http_methods(["GET", "POST"])
def workshop_open(request, track_id):
    track = get_object_or_404(TrackPage.objects.live().select_related("organisation"), pk=track_id)
    if not request.user.has_perm("participation.open_workshop", track):
        raise PermissionDenied
    form = OpenWorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workshop = open_workshop(actor=request.user, track=track, **form.cleaned_data)
        messages.success(
            request, gettext("The workshop is open. Its code is %(code)s.") % {"code": workshop.code}
        )
        return redirect("participation:workshop_facilitate", code=workshop.code)
    return render(request, "participation/workshop_open.html", {"track": track, "form": form})


@login_required
@require_GET
def workshop_list(request):
    """The workshops this person facilitates, newest first."""
    workshops = (
        Workshop.objects.filter(facilitator=request.user).select_related("track").order_by("-starts_at")[:100]
    )
    return render(
        request, "participation/workshop_list.html", {"workshops": workshops, "now": timezone.now()}
    )


def _facilitated(request, code):
    workshop = workshop_by_code(code)
    if not request.user.has_perm("participation.facilitate_workshop", workshop):
        raise PermissionDenied
    return workshop


@login_required
@require_http_methods(["GET", "POST"])
def workshop_facilitate(request, code):
    workshop = _facilitated(request, code)
    form = GroupIdeaForm(request.POST or None, request.FILES or None, prefix="group")
    if request.method == "POST":
        if not workshop.is_open:
            form.add_error(None, gettext("This workshop has ended."))
        elif form.is_valid():
            data = form.cleaned_data
            try:
                post_group_idea(
                    actor=request.user,
                    workshop=workshop,
                    title=data["title"],
                    body=data["body"],
                    group=data["group"],
                    group_size=data["group_size"],
                    age_band=data["age_band"],
                    image=form.image,
                    image_alt=data["image_alt"],
                )
            except (ValidationError, NotAllowed) as error:
                _render_error(form, error)
            else:
                messages.success(request, gettext("The group's idea is saved."))
                return redirect("participation:workshop_facilitate", code=workshop.code)
    ideas = (
        Idea.objects.filter(workshop=workshop)
        .select_related("theme", "author", "participant")
        .order_by("-created_at", "-pk")
    )
    context = {
        "workshop": workshop,
        "track": workshop.track,
        "form": form,
        "ideas": ideas,
        "participant_count": workshop.participants.count(),
        "join_url": join_url(request, workshop),
        "short_join_url": short_join_url(request),
        "qr": qr_svg(join_url(request, workshop), gettext("QR code: scan it to join the workshop")),
        "results_url": results_url(workshop),
    }
    return render(request, "participation/workshop_facilitate.html", context)


@login_required
@require_GET
def workshop_sheet(request, code):
    workshop = _facilitated(request, code)
    context = {
        "workshop": workshop,
        "track": workshop.track,
        "join_url": join_url(request, workshop),
        "short_join_url": short_join_url(request),
        "qr": qr_svg(join_url(request, workshop), gettext("QR code: scan it to join the workshop")),
    }
    return render(request, "participation/workshop_sheet.html", context)


@login_required
@require_POST
def workshop_close(request, code):
    workshop = _facilitated(request, code)
    close_workshop(actor=request.user, workshop=workshop)
    messages.success(request, gettext("The workshop is closed. The code no longer lets anybody in."))
    return redirect("participation:workshop_facilitate", code=workshop.code)


def _not_open_context(workshop):
    return {"workshop": workshop, "track": workshop.track, "results_url": results_url(workshop)}


@never_cache
@require_http_methods(["GET", "POST"])
def workshop_join(request):
    """The code form: /<lang>/participation/join/."""
    form = (
        JoinCodeForm(request.POST or request.GET or None)
        if (request.POST or request.GET.get("code"))
        else None
    )
    if form is None:
        form = JoinCodeForm()
    elif form.is_bound:
        if not ratelimit.allow(JOIN_LIMIT, ratelimit.client_ip(request)):
            form.add_error("code", ratelimit.message())
        elif form.is_valid():
            return redirect("participation:workshop_join_code", code=form.cleaned_data["code"])
    return render(request, "participation/workshop_join.html", {"form": form}, status=200)


@never_cache
@require_http_methods(["GET", "POST"])
def workshop_join_code(request, code):
    """The nickname form of one workshop (where the QR code leads)."""
    if normalise_workshop_code(code) != code:
        return redirect("participation:workshop_join_code", code=normalise_workshop_code(code) or "-")
    workshop = workshop_by_code(code)
    if not workshop.is_open:
        return render(request, "participation/workshop_closed.html", _not_open_context(workshop))
    if participant_for(request, workshop):
        return redirect("participation:workshop", code=workshop.code)
    form = NicknameForm(request.POST or None, workshop=workshop)
    if request.method == "POST":
        if not ratelimit.allow(JOIN_LIMIT, ratelimit.client_ip(request)):
            form.add_error(None, ratelimit.message())
        elif form.is_valid():
            participant = join_workshop(workshop=workshop, **form.cleaned_data)
            remember_participant(request, participant)
            return redirect("participation:workshop", code=workshop.code)
    return render(request, "participation/workshop_join_code.html", {"workshop": workshop, "form": form})


def _own_ideas(participant):
    return Idea.objects.filter(participant=participant).select_related("theme").order_by("-created_at", "-pk")


@never_cache
@require_http_methods(["GET", "POST"])
def workshop_mode(request, code):
    """Workshop mode: post an idea, see one's own ideas and what happened to them."""
    workshop = workshop_by_code(code)
    participant = participant_for(request, workshop)
    if participant is None:
        if not workshop.is_open:
            return render(request, "participation/workshop_closed.html", _not_open_context(workshop))
        return redirect("participation:workshop_join_code", code=workshop.code)
    form = ChildIdeaForm(request.POST or None, request.FILES or None, participant=participant)
    posted = request.GET.get("posted") == "1"
    if request.method == "POST":
        if not workshop.is_open:
            form.add_error(None, gettext("This workshop has ended. Thank you for your ideas!"))
        elif form.is_valid():
            data = form.cleaned_data
            try:
                post_child_idea(
                    participant=participant,
                    title=data["title"],
                    body=data["body"],
                    image=form.image,
                    image_alt=data["image_alt"],
                )
            except (ValidationError, NotAllowed) as error:
                _render_error(form, error)
            else:
                return redirect(
                    reverse("participation:workshop", kwargs={"code": workshop.code}) + "?posted=1"
                )
    context = {
        "workshop": workshop,
        "track": workshop.track,
        "participant": participant,
        "form": form,
        "posted": posted,
        "ideas": [(idea, *child_state(idea)) for idea in _own_ideas(participant)],
        "results_url": results_url(workshop) if not workshop.is_open else "",
    }
    return render(request, "participation/workshop_mode.html", context)


@never_cache
@require_GET
def workshop_my_ideas(request, code):
    """JSON for the child's page: the states of their own ideas (nobody else's)."""
    workshop = workshop_by_code(code)
    participant = participant_for(request, workshop)
    if participant is None:
        return JsonResponse({"ideas": []}, status=403)
    ideas = []
    for idea in _own_ideas(participant):
        key, words = child_state(idea)
        ideas.append({"id": idea.pk, "status": key, "status_label": words})
    return JsonResponse({"ideas": ideas})


def _wall(request, track, workshop=None):
    language = translation.get_language()[:2]
    code = workshop.code if workshop else ""
    query = f"?lang={language}" + (f"&workshop={code}" if code else "")
    context = {
        "track": track,
        "workshop": workshop,
        "workshop_open": bool(workshop and workshop.is_open),
        "ideas": live.wall_ideas(track.pk, code, language),
        "socket_path": f"/ws/tracks/{track.pk}/wall/{query}",
        "limit": live.WALL_LIMIT,
        "join_url_display": short_join_url(request),
    }
    return render(request, "participation/wall.html", context)


@require_GET
def track_wall(request, track_id):
    track = get_object_or_404(TrackPage.objects.live(), pk=track_id)
    code = request.GET.get("workshop", "")
    workshop = None
    if code:
        workshop = Workshop.objects.by_code(code).filter(track=track).first()
        if workshop is None:
            raise Http404
    return _wall(request, track, workshop)


@require_GET
def workshop_wall(request, code):
    workshop = workshop_by_code(code)
    return _wall(request, workshop.track, workshop)


urlpatterns = [
    path("join/", workshop_join, name="workshop_join"),
    path("join/<str:code>/", workshop_join_code, name="workshop_join_code"),
    path("workshops/", workshop_list, name="workshop_list"),
    path("tracks/<int:track_id>/workshops/new/", workshop_open, name="workshop_open"),
    path("tracks/<int:track_id>/wall/", track_wall, name="track_wall"),
    path("workshop/<str:code>/", workshop_mode, name="workshop"),
    path("workshop/<str:code>/mine.json", workshop_my_ideas, name="workshop_my_ideas"),
    path("workshop/<str:code>/wall/", workshop_wall, name="workshop_wall"),
    path("workshop/<str:code>/facilitate/", workshop_facilitate, name="workshop_facilitate"),
    path("workshop/<str:code>/sheet/", workshop_sheet, name="workshop_sheet"),
    path("workshop/<str:code>/close/", workshop_close, name="workshop_close"),
]
