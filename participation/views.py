"""Public pages of co-creation tracks: the list of tracks, a track with its ideas, an idea, and
the forms to post an idea, react, support and vote. Thin: rules decide, services change."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from activities.models import Theme
from village.redirects import local_url

from . import moderation_services, services
from .forms import STATUS_ORDER, CommentForm, IdeaFilterForm, IdeaForm, VoteForm
from .models import COMMENT, POST_IDEA, SUPPORT, VOTE, Comment, Idea, Moderation, Support, TrackPage, Vote

PER_PAGE = 12
# The map shows at most this many ideas (the newest); the list below shows them all.
MAP_LIMIT = 500


# --- what a person can do -------------------------------------------------------------------
def action_reason(request, track, capability):
    """None when the person can do it now, else a translated sentence why not."""
    if capability not in track.capabilities():
        return None  # not part of this phase: not offered at all
    user = request.user
    if not user.is_authenticated:
        return "login"
    perm = {
        POST_IDEA: "participation.post_idea",
        COMMENT: "participation.comment",
        SUPPORT: "participation.support",
        VOTE: "participation.vote",
    }[capability]
    # Phase and role: a public idea stands for any idea of the track here.
    target = track
    if capability != POST_IDEA:
        target = Idea(track=track, moderation=Moderation.PUBLISHED)
    if user.has_perm(perm, target):
        return None
    if capability == VOTE:
        return _("Parents and young people vote in this phase. Children vote in their workshop.")
    return _("Your account cannot take part in this track.")


def can_now(request, track):
    """What the phase offers and whether this person can do it: [(capability, label, reason)]."""
    labels = {
        POST_IDEA: _("Post an idea"),
        COMMENT: _("React to ideas"),
        SUPPORT: _("Support the ideas you like"),
        VOTE: _("Spread your votes over the ideas you find most important"),
    }
    result = []
    for capability in (POST_IDEA, COMMENT, SUPPORT, VOTE):
        if capability in track.capabilities():
            result.append(
                {
                    "capability": capability,
                    "label": labels[capability],
                    "reason": action_reason(request, track, capability),
                }
            )
    return result


def login_url(request, next_url=None):
    return reverse("account_login") + "?" + urlencode({"next": next_url or request.get_full_path()})


# --- tracks index -----------------------------------------------------------------------------
STATE_ORDER = {"running": 0, "upcoming": 1, "ended": 2}


def track_index_context(request, page):
    tracks = list(
        TrackPage.objects.live()
        .child_of(page)
        .select_related("organisation", "image")
        .prefetch_related("phases")
        .annotate(public_ideas=Count("ideas", filter=Q(ideas__moderation=Moderation.PUBLISHED)))
    )
    today = timezone.localdate()
    for track in tracks:
        track.current = track.current_phase(today)
        track.current_state = track.state(today)
    tracks.sort(key=lambda t: (STATE_ORDER[t.current_state], t.start_date or today))
    return {"tracks": tracks}


# --- a track ----------------------------------------------------------------------------------
def _sorted(ideas, sort):
    if sort == "supported":
        return ideas.order_by("-support_count", "-vote_count", "-created_at", "-pk")
    if sort == "status":
        order = Case(
            *[When(status=status, then=Value(position)) for position, status in enumerate(STATUS_ORDER)],
            output_field=IntegerField(),
        )
        return ideas.annotate(status_position=order).order_by("status_position", "-created_at", "-pk")
    return ideas.order_by("-created_at", "-pk")


def track_context(request, track):
    phases = track.phase_list()
    today = timezone.localdate()
    current = track.current_phase(today)
    themes = list(Theme.objects.filter(ideas__track=track, ideas__moderation=Moderation.PUBLISHED).distinct())
    filters = IdeaFilterForm(request.GET or None, themes=themes)
    values = filters.values()

    ideas = Idea.objects.filter(track=track).visible_to(request.user).for_listing()
    if values["theme"]:
        ideas = ideas.filter(theme__slug=values["theme"])
    if values["status"]:
        ideas = ideas.filter(status=values["status"])
    ideas = _sorted(ideas, values["sort"])
    paginator = Paginator(ideas, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    idea_list = list(page_obj.object_list)

    user = request.user
    supported, my_votes, left = set(), {}, None
    if user.is_authenticated:
        ids = [idea.pk for idea in idea_list]
        supported = set(Support.objects.filter(user=user, idea_id__in=ids).values_list("idea_id", flat=True))
        if VOTE in track.capabilities(today):
            my_votes = dict(Vote.objects.filter(user=user, idea__track=track).values_list("idea_id", "count"))
            left = max(track.votes_per_participant - sum(my_votes.values()), 0)
    for idea in idea_list:
        idea.supported_by_me = idea.pk in supported
        idea.my_votes = my_votes.get(idea.pk, 0)

    markers = [
        {
            "id": idea["pk"],
            "title": idea["title"],
            "url": reverse("participation:idea", kwargs={"pk": idea["pk"]}),
            "lat": float(idea["latitude"]),
            "lon": float(idea["longitude"]),
        }
        for idea in Idea.objects.public()
        .filter(track=track, latitude__isnull=False, longitude__isnull=False)
        .order_by("-created_at")
        .values("pk", "title", "latitude", "longitude")[:MAP_LIMIT]
    ]
    query = {
        key: value for key, value in values.items() if value and not (key == "sort" and value == "newest")
    }
    actions = can_now(request, track)
    return {
        "track": track,
        "phases": phases,
        "current_phase": current,
        "today": today,
        "actions": actions,
        "can_post_idea": any(a["capability"] == POST_IDEA and a["reason"] is None for a in actions),
        "can_support": any(a["capability"] == SUPPORT and a["reason"] is None for a in actions),
        "can_vote": any(a["capability"] == VOTE and a["reason"] is None for a in actions),
        "post_idea_url": reverse("participation:post_idea", kwargs={"track_id": track.pk}),
        "login_url": login_url(request),
        "filter_form": filters,
        "filters_used": bool(values["theme"] or values["status"]),
        "ideas": idea_list,
        "page_obj": page_obj,
        "paginator": paginator,
        "page_range": paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1),
        "page_query": urlencode(query),
        "votes_left": left,
        "vote_choices": range(0, track.votes_per_participant + 1),
        "map_markers": markers,
        "map_center": (
            [float(track.latitude), float(track.longitude)]
            if track.latitude is not None and track.longitude is not None
            else None
        ),
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
    }


def _track_or_404(track_id):
    track = (
        TrackPage.objects.live()
        .filter(pk=track_id)
        .select_related("organisation")
        .prefetch_related("phases")
        .first()
    )
    if track is None:
        raise Http404(_("This track does not exist."))
    return track


# --- an idea ----------------------------------------------------------------------------------
def _visible_idea(request, pk):
    idea = (
        moderation_services.with_own_decided(Idea.objects.visible_to(request.user), request.user)
        .select_related("track", "theme", "author", "participant", "activity", "workshop")
        .filter(pk=pk, track__live=True)
        .first()
    )
    if idea is None:
        raise Http404(_("This idea does not exist or is not public."))
    # The track with its phases, once (rules and the page read the phase several times).
    idea.track = _track_or_404(idea.track_id)
    return idea


def idea_context(request, idea, comment_form=None, vote_form=None):
    user = request.user
    visible = moderation_services.with_own_decided(Comment.objects.visible_to(user), user).select_related(
        "author", "participant"
    )
    comments = list(
        visible.filter(idea=idea, parent__isnull=True).prefetch_related(
            Prefetch("replies", queryset=visible.order_by("created_at", "pk"), to_attr="visible_replies")
        )
    )
    comment_total = sum(
        1 + sum(1 for reply in comment.visible_replies if reply.is_public) if comment.is_public else 0
        for comment in comments
    )
    history = list(idea.status_changes.select_related("changed_by").order_by("changed_at", "pk"))
    track = idea.track
    supported = user.is_authenticated and Support.objects.filter(idea=idea, user=user).exists()
    my_votes, left = 0, None
    if user.is_authenticated and track.allows(VOTE):
        my_votes = Vote.objects.filter(idea=idea, user=user).values_list("count", flat=True).first() or 0
        left = services.votes_left(track, user=user)
    can_comment = idea.is_public and user.has_perm("participation.comment", idea)
    return {
        "idea": idea,
        "track": track,
        "track_url": track.get_url(request),
        "comments": comments,
        "comment_total": comment_total,
        "history": history,
        "can_comment": can_comment,
        "comments_open": idea.is_public and track.allows(COMMENT),
        "comment_form": comment_form or (CommentForm() if can_comment else None),
        "can_support": idea.is_public and user.has_perm("participation.support", idea),
        "support_open": idea.is_public and track.allows(SUPPORT),
        "supported": supported,
        "can_vote": idea.is_public and user.has_perm("participation.vote", idea),
        "vote_open": idea.is_public and track.allows(VOTE),
        "my_votes": my_votes,
        "votes_left": left,
        "vote_form": vote_form or VoteForm(initial={"count": my_votes}),
        "vote_choices": range(0, track.votes_per_participant + 1),
        "is_own": idea.is_own(user),
        "login_url": login_url(request),
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
    }


def idea_detail(request, pk):
    idea = _visible_idea(request, pk)
    return render(request, "participation/idea_detail.html", idea_context(request, idea))


def _back(request, default):
    return redirect(local_url(request, request.POST.get("next")) or default)


def _apply_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def post_idea(request, track_id):
    track = _track_or_404(track_id)
    allowed = request.user.has_perm("participation.post_idea", track)
    form = IdeaForm(request.POST or None, request.FILES or None, track=track)
    if request.method == "POST" and allowed and form.is_valid():
        data = form.cleaned_data
        try:
            idea = services.post_idea(
                track=track,
                title=data["title"],
                body=data["body"],
                language=data["language"],
                author=request.user,
                theme=data["theme"],
                image=data["image"],
                image_alt=data["image_alt"],
                latitude=data["latitude"],
                longitude=data["longitude"],
            )
        except services.NotAllowed as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            if idea.is_public:
                messages.success(request, _("Thank you! Your idea is online."))
            else:
                messages.info(
                    request,
                    _(
                        "Thank you! Your idea is waiting for review. Only you can see it until a moderator has looked at it."
                    ),
                )
            return redirect(idea.get_absolute_url())
    reason = (
        None
        if allowed
        else (
            action_reason(request, track, POST_IDEA) or _("This track does not collect ideas at the moment.")
        )
    )
    return render(
        request,
        "participation/idea_form.html",
        {
            "track": track,
            "track_url": track.get_url(request),
            "form": form,
            "not_allowed": reason,
            "MAP_TILE_URL": settings.MAP_TILE_URL,
            "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
            "map_center": [float(track.latitude), float(track.longitude)]
            if track.latitude is not None and track.longitude is not None
            else None,
        },
        status=200 if allowed else 403,
    )


@login_required
@require_POST
def comment(request, pk):
    idea = _visible_idea(request, pk)
    form = CommentForm(request.POST)
    if not request.user.has_perm("participation.comment", idea):
        messages.error(request, _("You cannot react to this idea now."))
        return redirect(idea.get_absolute_url())
    if form.is_valid():
        data = form.cleaned_data
        parent = None
        if data.get("parent"):
            parent = Comment.objects.visible_to(request.user).filter(pk=data["parent"], idea=idea).first()
            if parent is None:
                form.add_error(None, _("The comment you reply to no longer exists."))
        if not form.errors:
            try:
                new = services.post_comment(
                    idea=idea,
                    body=data["body"],
                    language=data["language"],
                    author=request.user,
                    parent=parent,
                )
            except services.NotAllowed as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                if new.is_public:
                    messages.success(request, _("Thank you for your reaction."))
                else:
                    messages.info(request, _("Thank you! Your reaction is waiting for review."))
                return redirect(f"{idea.get_absolute_url()}#comment-{new.pk}")
    idea.refresh_from_db(fields=["comment_count", "support_count", "vote_count"])
    return render(
        request, "participation/idea_detail.html", idea_context(request, idea, comment_form=form), status=400
    )


@require_POST
def support(request, pk):
    if not request.user.is_authenticated:
        return redirect(login_url(request, reverse("participation:idea", kwargs={"pk": pk})))
    idea = _visible_idea(request, pk)
    if not request.user.has_perm("participation.support", idea):
        messages.error(request, _("You cannot support this idea now."))
        return _back(request, idea.get_absolute_url())
    try:
        now_supported = services.toggle_support(idea, user=request.user)
    except services.NotAllowed as error:
        messages.error(request, str(error))
    else:
        if now_supported:
            messages.success(request, _("You support “%(title)s”.") % {"title": idea.title})
        else:
            messages.info(request, _("You no longer support “%(title)s”.") % {"title": idea.title})
    return _back(request, idea.get_absolute_url())


@require_POST
def vote(request, pk):
    if not request.user.is_authenticated:
        return redirect(login_url(request, reverse("participation:idea", kwargs={"pk": pk})))
    idea = _visible_idea(request, pk)
    if not request.user.has_perm("participation.vote", idea):
        messages.error(request, _("You cannot vote for this idea now."))
        return _back(request, idea.get_absolute_url())
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a number of votes."))
        return _back(request, idea.get_absolute_url())
    try:
        services.set_votes(idea, form.cleaned_data["count"], user=request.user)
    except (services.NotAllowed, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        left = services.votes_left(idea.track, user=request.user)
        messages.success(
            request,
            ngettext(
                "Your votes are saved. You have %(left)s vote left.",
                "Your votes are saved. You have %(left)s votes left.",
                left,
            )
            % {"left": left},
        )
    return _back(request, idea.get_absolute_url())
