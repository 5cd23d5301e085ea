"""The moderation queue in the Wagtail admin: held and reported ideas and comments of all
tracks, a decision with a reason for each, and the log of every decision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import moderation_services
from .models import Comment, Idea, ModerationAction
from .moderation import describe
from .moderation_forms import DecisionForm

QUEUE_PAGE_SIZE = 25
LOG_PAGE_SIZE = 50


def may_moderate(user):
    return user.is_authenticated and user.has_perm("participation.moderate_contributions")


def _check(request):
    if not may_moderate(request.user):
        raise PermissionDenied


def _entry(contribution, kind):
    idea = contribution if kind == "idea" else contribution.idea
    return {
        "kind": kind,
        "item": contribution,
        "idea": idea,
        "track": idea.track,
        "hold_reasons": describe(contribution.hold_reasons),
        "reports": getattr(contribution, "open_reports", []),
        "form": DecisionForm(prefix=f"{kind}-{contribution.pk}"),
        "action_url": reverse("participation_moderation_decide", args=[kind, contribution.pk]),
    }


def queue(request):
    """Held and reported contributions, oldest first (the longest waiting first)."""
    _check(request)
    show = request.GET.get("show", "all")
    entries = []
    if show in ("all", "ideas"):
        entries += [_entry(idea, "idea") for idea in moderation_services.queue_ideas()]
    if show in ("all", "comments"):
        entries += [_entry(comment, "comment") for comment in moderation_services.queue_comments()]
    entries.sort(key=lambda entry: entry["item"].created_at)
    page = Paginator(entries, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "participation/moderation_queue.html",
        {"page_obj": page, "entries": page.object_list, "total": len(entries), "show": show},
    )


def decide(request, kind, pk):
    _check(request)
    model = {"idea": Idea, "comment": Comment}.get(kind)
    if model is None:
        raise Http404
    contribution = get_object_or_404(model, pk=pk)
    if request.method != "POST":
        return redirect("participation_moderation_queue")
    form = DecisionForm(request.POST, prefix=f"{kind}-{pk}")
    if form.is_valid():
        action = form.cleaned_data["action"]
        moderation_services.ACTIONS[action](contribution, request.user, form.cleaned_data["reason"])
        messages.success(
            request,
            {
                "approve": _("Approved: everybody can see it now. The author is told."),
                "hide": _("Hidden. The author is told why."),
                "remove": _("Removed. The author is told why."),
            }[action],
        )
        return redirect("participation_moderation_queue")
    # Show the one entry again with the errors next to the fields.
    entry = _entry(contribution, kind)
    entry["form"] = form
    return TemplateResponse(
        request,
        "participation/moderation_queue.html",
        {"entries": [entry], "total": 1, "show": "all", "page_obj": None, "single": True},
        status=400,
    )


def log(request):
    """Every moderation decision and automatic hold: who, when, what, why."""
    _check(request)
    actions = ModerationAction.objects.select_related(
        "moderator", "idea__track", "comment__idea__track"
    ).order_by("-at", "-pk")
    page = Paginator(actions, LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "participation/moderation_log.html", {"page_obj": page, "actions": page.object_list}
    )
