"""Public pages of safety and closing the loop: report a contribution, give an idea a status,
the results of a track and of a workshop, and the exports for the track's people."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from activities.models import Activity
from village import ratelimit

from . import exports, moderation_services, results
from .models import Comment, Idea, Moderation, TrackPage, Workshop, normalise_workshop_code
from .moderation_forms import IdeaStatusForm, ReportForm


def _track_or_404(track_id):
    track = (
        TrackPage.objects.live()
        .filter(pk=track_id)
        .select_related("organisation", "responsible")
        .prefetch_related("phases")
        .first()
    )
    if track is None:
        raise Http404(_("This track does not exist."))
    return track


def _session_key(request):
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


# --- reports -----------------------------------------------------------------------------------


def _report(request, contribution, idea):
    reporter = request.user if request.user.is_authenticated else None
    session_key = "" if reporter else _session_key(request)
    back = idea.get_absolute_url() + (
        f"#comment-{contribution.pk}" if isinstance(contribution, Comment) else ""
    )
    if moderation_services.already_reported(contribution, reporter=reporter, session_key=session_key):
        messages.info(request, _("You reported this already. A moderator will look at it."))
        return redirect(back)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key = reporter.pk if reporter else session_key
        if not ratelimit.allow("participation_report", key):
            form.add_error(None, ratelimit.message())
        else:
            try:
                moderation_services.report(
                    contribution,
                    reason=form.cleaned_data["reason"],
                    explanation=form.cleaned_data["explanation"],
                    reporter=reporter,
                    session_key=session_key,
                )
            except moderation_services.AlreadyReported:
                messages.info(request, _("You reported this already. A moderator will look at it."))
            else:
                messages.success(request, _("Thank you for telling us. A moderator will look at it soon."))
            return redirect(back)
    return render(
        request,
        "participation/moderation_report.html",
        {"form": form, "contribution": contribution, "idea": idea, "back_url": back},
    )


def report_idea(request, pk):
    idea = get_object_or_404(Idea.objects.public().select_related("track").filter(track__live=True), pk=pk)
    return _report(request, idea, idea)


def report_comment(request, pk):
    comment = get_object_or_404(
        Comment.objects.public().select_related("idea__track").filter(idea__moderation=Moderation.PUBLISHED),
        pk=pk,
    )
    return _report(request, comment, comment.idea)


# --- closing the loop ----------------------------------------------------------------------------


def activities_for(track):
    activities = Activity.objects.filter(live=True)
    if track.organisation_id:
        activities = activities.filter(organisation_id=track.organisation_id)
    return activities.order_by("title")


@login_required
def idea_status(request, pk):
    idea = get_object_or_404(
        Idea.objects.select_related("track", "author", "activity").exclude(moderation=Moderation.REMOVED),
        pk=pk,
    )
    if not request.user.has_perm("participation.set_idea_status", idea):
        raise PermissionDenied
    activities = activities_for(idea.track)
    if idea.activity_id:
        activities = Activity.objects.filter(Q(pk__in=activities.values("pk")) | Q(pk=idea.activity_id))
    form = IdeaStatusForm(request.POST or None, idea=idea, activities=activities)
    if request.method == "POST" and form.is_valid():
        results.set_idea_status(
            idea=idea,
            actor=request.user,
            status=form.cleaned_data["status"],
            explanations=form.explanations(),
            activity=form.cleaned_data["activity"],
        )
        messages.success(request, _("The status is saved. The author and the supporters are told."))
        return redirect(idea.get_absolute_url() + "#history")
    return render(
        request,
        "participation/results_status_form.html",
        {"form": form, "idea": idea, "track": idea.track, "history": results.status_history(idea)},
    )


# --- results pages ---------------------------------------------------------------------------------


def track_results(request, track_id):
    track = _track_or_404(track_id)
    return render(
        request,
        "participation/results_track.html",
        {
            "track": track,
            "track_url": track.get_url(request),
            **results.track_results(track),
            "can_export": request.user.has_perm("participation.export_track", track),
        },
    )


def workshop_results(request, code):
    workshop = (
        Workshop.objects.select_related("track")
        .filter(code=normalise_workshop_code(code), track__live=True)
        .first()
    )
    if workshop is None:
        raise Http404(_("There is no workshop with this code."))
    return render(
        request,
        "participation/results_workshop.html",
        {"workshop": workshop, "track": workshop.track, **results.workshop_results(workshop)},
    )


# --- exports ---------------------------------------------------------------------------------------


def _export_track(request, track_id):
    track = _track_or_404(track_id)
    if not request.user.has_perm("participation.export_track", track):
        raise PermissionDenied
    return track


@login_required
def track_statistics(request, track_id):
    track = _export_track(request, track_id)
    return render(
        request,
        "participation/stats_track.html",
        {"track": track, "track_url": track.get_url(request), "stats": exports.track_statistics(track)},
    )


@login_required
def track_export_csv(request, track_id):
    track = _export_track(request, track_id)
    kind = request.GET.get("kind", "ideas")
    if kind not in exports.KINDS:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{slugify(track.title) or 'track'}-{kind}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # spreadsheet programs then read UTF-8 (é, ç, ë)
    exports.write_track_csv(csv.writer(response), track, kind)
    return response


urlpatterns = [
    path("ideas/<int:pk>/report/", report_idea, name="report_idea"),
    path("comments/<int:pk>/report/", report_comment, name="report_comment"),
    path("ideas/<int:pk>/status/", idea_status, name="idea_status"),
    path("tracks/<int:track_id>/results/", track_results, name="track_results"),
    path("tracks/<int:track_id>/statistics/", track_statistics, name="track_statistics"),
    path("tracks/<int:track_id>/export.csv", track_export_csv, name="track_export"),
    path("workshop/<str:code>/results/", workshop_results, name="workshop_results"),
]
