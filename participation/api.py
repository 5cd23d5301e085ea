"""Open data API of co-creation tracks (mounted at /api/v1/ by village.api).

`GET /api/v1/tracks`: the live tracks with their phases and current phase.
`GET /api/v1/tracks/{id}/ideas`: the public ideas of a track with status and support count;
never held, hidden or removed ones, never an e-mail or an account: authors appear as the
public pages show them (nickname, group or first name).
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from ninja import Field, Path, Router, Schema

from village.api_support import LANGUAGES, ErrorSchema, response_language, vary_on_language

from .models import Idea, IdeaStatus, PhaseKind, TrackPage

# The largest id the database can hold: a larger number is no track (and cannot be looked up).
MAX_ID = 2**63 - 1

router = Router(tags=["tracks"])

LANG_PARAMETER = {
    "in": "query",
    "name": "lang",
    "required": False,
    "description": "Language of the texts (nl, fr or en). Default: the Accept-Language header.",
    "schema": {"type": "string", "enum": LANGUAGES},
}


class PhaseSchema(Schema):
    kind: str = Field(description="information, collecting, discussing, prioritising or results.")
    title: str
    description: str
    start_date: datetime.date
    end_date: datetime.date
    allows: list[str] = Field(
        description="What people can do in this phase: post_idea, comment, support, vote."
    )


class TrackSchema(Schema):
    id: int
    title: str
    url: str
    intro: str
    goal: str
    audience: str
    organisation: str | None
    place: str
    latitude: float | None
    longitude: float | None
    ideas_need_location: bool
    votes_per_participant: int
    start_date: datetime.date | None
    end_date: datetime.date | None
    current_phase: PhaseSchema | None = Field(description="The phase running today, or null.")
    phases: list[PhaseSchema]
    public_ideas: int


class IdeaSchema(Schema):
    id: int
    title: str
    text: str
    language: str = Field(description="The language the idea was written in.")
    author: str = Field(description="The name shown: a nickname, a group or a first name.")
    theme: str | None
    status: str = Field(description=", ".join(IdeaStatus.values))
    status_label: str
    support_count: int
    vote_count: int
    comment_count: int
    latitude: float | None
    longitude: float | None
    image_url: str | None
    image_alt: str
    created_at: datetime.datetime
    url: str
    activity_url: str | None = Field(description="The activity the idea became, if any.")


def _invalid(request, errors):
    from village.api import error_response  # village.api imports this module

    detail = gettext("Invalid parameters: %(names)s.") % {"names": ", ".join(errors)}
    return error_response(request, detail, errors)


def _finish(response, request, language):
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Language"] = language
    return vary_on_language(response, request)


def _phase(phase):
    return {
        "kind": phase.kind,
        "title": phase.label,
        "description": phase.description or "",
        "start_date": phase.start_date,
        "end_date": phase.end_date,
        "allows": sorted(phase.capabilities),
    }


def _absolute(request, path):
    return request.build_absolute_uri(path)


def _track(request, track, today):
    current = track.current_phase(today)
    phases = track.phase_list()
    return {
        "id": track.pk,
        "title": track.title,
        "url": _absolute(request, track.url or "/"),
        "intro": track.intro or "",
        "goal": track.goal or "",
        "audience": track.audience or "",
        "organisation": track.organisation.name if track.organisation_id else None,
        "place": track.place_name or "",
        "latitude": float(track.latitude) if track.latitude is not None else None,
        "longitude": float(track.longitude) if track.longitude is not None else None,
        "ideas_need_location": track.ideas_need_location,
        "votes_per_participant": track.votes_per_participant,
        "start_date": phases[0].start_date if phases else None,
        "end_date": max(p.end_date for p in phases) if phases else None,
        "current_phase": _phase(current) if current else None,
        "phases": [_phase(phase) for phase in phases],
        "public_ideas": track.public_idea_count,
    }


def _tracks():
    from django.db.models import Count, Q

    return (
        TrackPage.objects.live()
        .select_related("organisation")
        .prefetch_related("phases")
        .annotate(public_idea_count=Count("ideas", filter=Q(ideas__moderation="published")))
        .order_by("path")
    )


@router.get(
    "/tracks",
    response={200: list[TrackSchema], 400: ErrorSchema},
    summary="Co-creation tracks with their phases",
    description="Every published co-creation track, its phases and the phase running today. "
    "Phase kinds: " + ", ".join(PhaseKind.values) + ".",
    openapi_extra={"parameters": [LANG_PARAMETER]},
)
def list_tracks(request):
    language, errors = response_language(request)
    with translation.override(language):
        if errors:
            return _finish(_invalid(request, errors), request, language)
        today = timezone.localdate()
        data = [_track(request, track, today) for track in _tracks()]
    return _respond(request, data, language)


def _respond(request, data, language):
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")),
        content_type="application/json",
    )
    response["Cache-Control"] = "public, max-age=60"
    return _finish(response, request, language)


def _idea(request, idea):
    return {
        "id": idea.pk,
        "title": idea.title,
        "text": idea.body,
        "language": idea.language,
        "author": idea.author_name,
        "theme": idea.theme.name if idea.theme_id else None,
        "status": idea.status,
        "status_label": str(idea.get_status_display()),
        "support_count": idea.support_count,
        "vote_count": idea.vote_count,
        "comment_count": idea.comment_count,
        "latitude": float(idea.latitude) if idea.latitude is not None else None,
        "longitude": float(idea.longitude) if idea.longitude is not None else None,
        "image_url": _absolute(request, idea.image.url) if idea.image else None,
        "image_alt": idea.image_alt if idea.image else "",
        "created_at": idea.created_at,
        "url": _absolute(request, reverse("participation:idea", kwargs={"pk": idea.pk})),
        "activity_url": _absolute(request, idea.activity.get_absolute_url()) if idea.activity_id else None,
    }


@router.get(
    "/tracks/{track_id}/ideas",
    response={200: list[IdeaSchema], 400: ErrorSchema, 404: ErrorSchema},
    summary="The public ideas of a track",
    description="Published ideas only (never held, hidden or removed ones), newest first, with their "
    "status and number of supporters. Authors appear by nickname, group or first name.",
    openapi_extra={"parameters": [LANG_PARAMETER]},
)
def list_ideas(request, track_id: int = Path(..., description="The id of the track (see /tracks).")):
    language, errors = response_language(request)
    with translation.override(language):
        if errors:
            return _finish(_invalid(request, errors), request, language)
        if not -MAX_ID <= track_id <= MAX_ID or not TrackPage.objects.live().filter(pk=track_id).exists():
            raise Http404(gettext("There is no co-creation track with this number."))
        ideas = (
            Idea.objects.public()
            .filter(track_id=track_id)
            .select_related("theme", "author", "participant", "activity")
            .order_by("-created_at", "-pk")
        )
        data = [_idea(request, idea) for idea in ideas]
    return _respond(request, data, language)
