"""Case consultation pages: members only (a 404 for everyone else, see network/access.py).

Thin views: load through the access helper, check the permission, call a service in
case_services.py, render. Opening a case writes a "read" entry to its access log; pages are
never cached (shared computers in schools and centres).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import case_services as services
from .access import member_or_404, object_or_404
from .case_forms import CaseForm, OutcomeForm, ResponseForm
from .models import Case, CaseAccessLog, NetworkMember, case_retention_months

LOG_PAGE_SIZE = 50


def _case(membership, pk):
    return object_or_404(Case.objects.select_related("author", "network"), membership.network, pk=pk)


def _require(request, perm, obj):
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


@never_cache
def case_list(request, slug):
    membership = member_or_404(request, slug)
    network = membership.network
    archived = request.GET.get("archived") == "1"
    cases = Case.objects.for_network(network).annotate(response_count=Count("responses"))
    cases = cases.archived() if archived else cases.active()
    return render(
        request,
        "network/case_list.html",
        {
            "network": network,
            "membership": membership,
            "cases": cases.order_by("-created_at"),
            "archived": archived,
            "can_see_log": request.user.has_perm("network.view_case_log", network),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def case_create(request, slug):
    membership = member_or_404(request, slug)
    network = membership.network
    _require(request, "network.contribute", network)
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = services.create_case(actor=request.user, network=network, data=form.cleaned_data)
        messages.success(request, _("Your case is saved. The members of the network can respond now."))
        return redirect("network:case_detail", slug=network.slug, pk=case.pk)
    return render(request, "network/case_form.html", {"network": network, "form": form, "case": None})


def _detail_context(request, membership, case, *, response_form=None, outcome_form=None):
    network = membership.network
    responses = list(case.responses.select_related("author"))
    authors = {response.author_id for response in responses} | {case.author_id}
    profiles = {
        member.user_id: member
        for member in NetworkMember.objects.filter(network=network, user_id__in=authors - {None})
    }
    for response in responses:
        response.profile = profiles.get(response.author_id)
    can_change = request.user.has_perm("network.change_case", case)
    return {
        "network": network,
        "membership": membership,
        "case": case,
        "author_profile": profiles.get(case.author_id),
        "responses": responses,
        "can_change": can_change,
        "can_see_log": request.user.has_perm("network.view_case_log", case),
        "response_form": response_form or (ResponseForm() if not case.archived_at else None),
        "outcome_form": outcome_form
        or (OutcomeForm(initial={"outcome": case.outcome}) if can_change else None),
    }


@never_cache
def case_detail(request, slug, pk):
    membership = member_or_404(request, slug)
    case = _case(membership, pk)
    services.read_case(actor=request.user, case=case)
    return render(request, "network/case_detail.html", _detail_context(request, membership, case))


@never_cache
@require_http_methods(["GET", "POST"])
def case_edit(request, slug, pk):
    membership = member_or_404(request, slug)
    case = _case(membership, pk)
    _require(request, "network.change_case", case)
    if case.archived_at:
        messages.error(request, _("This case is archived: it can no longer be changed."))
        return redirect("network:case_detail", slug=slug, pk=case.pk)
    if request.method == "POST":
        form = CaseForm(request.POST, instance=case)
        if form.is_valid():
            services.update_case(actor=request.user, case=case, data=form.cleaned_data)
            messages.success(request, _("The case is saved."))
            return redirect("network:case_detail", slug=slug, pk=case.pk)
    else:
        # Showing the text to edit is a read too.
        services.read_case(actor=request.user, case=case)
        form = CaseForm(instance=case)
    return render(
        request, "network/case_form.html", {"network": membership.network, "form": form, "case": case}
    )


@never_cache
def case_respond(request, slug, pk):
    membership = member_or_404(request, slug)
    if request.method != "POST":  # after the membership check: outsiders get a 404
        return HttpResponseNotAllowed(["POST"])
    case = _case(membership, pk)
    _require(request, "network.contribute", case)
    if case.archived_at:
        messages.error(request, _("This case is archived: responses are closed."))
        return redirect("network:case_detail", slug=slug, pk=case.pk)
    form = ResponseForm(request.POST)
    if form.is_valid():
        services.respond_to_case(actor=request.user, case=case, text=form.cleaned_data["text"])
        messages.success(request, _("Your response is posted."))
        return redirect(reverse("network:case_detail", kwargs={"slug": slug, "pk": case.pk}) + "#responses")
    services.read_case(actor=request.user, case=case)
    context = _detail_context(request, membership, case, response_form=form)
    return render(request, "network/case_detail.html", context, status=400)


@never_cache
def case_outcome(request, slug, pk):
    membership = member_or_404(request, slug)
    if request.method != "POST":  # after the membership check: outsiders get a 404
        return HttpResponseNotAllowed(["POST"])
    case = _case(membership, pk)
    _require(request, "network.change_case", case)
    form = OutcomeForm(request.POST)
    if case.archived_at or not form.is_valid():
        messages.error(request, _("Choose one of the outcomes."))
        return redirect("network:case_detail", slug=slug, pk=case.pk)
    services.set_outcome(actor=request.user, case=case, outcome=form.cleaned_data["outcome"])
    messages.success(
        request, _("The outcome is saved: %(outcome)s.") % {"outcome": case.get_outcome_display()}
    )
    return redirect("network:case_detail", slug=slug, pk=case.pk)


@never_cache
@require_http_methods(["GET", "POST"])
def case_archive(request, slug, pk):
    membership = member_or_404(request, slug)
    case = _case(membership, pk)
    _require(request, "network.change_case", case)
    if request.method == "POST":
        services.archive_case(actor=request.user, case=case)
        messages.success(
            request,
            _("The case is archived. It will be deleted on %(date)s.")
            % {"date": case.deletion_due_at().date().isoformat()},
        )
        return redirect("network:case_list", slug=slug)
    return render(
        request,
        "network/case_archive.html",
        {"network": membership.network, "case": case, "retention_months": case_retention_months()},
    )


@never_cache
def case_log(request, slug, pk):
    """Who opened or changed this case, and when (facilitators)."""
    membership = member_or_404(request, slug, facilitator=True)
    case = _case(membership, pk)
    entries = CaseAccessLog.objects.filter(case=case).select_related("user")
    return _render_log(request, membership, entries, case=case)


@never_cache
def case_access_log(request, slug):
    """Every read and change of every case of the network, deleted ones included (facilitators)."""
    membership = member_or_404(request, slug, facilitator=True)
    entries = CaseAccessLog.objects.filter(network=membership.network).select_related("user")
    return _render_log(request, membership, entries, case=None)


def _render_log(request, membership, entries, *, case):
    page = Paginator(entries.order_by("-at", "-id"), LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "network/case_log.html",
        {"network": membership.network, "case": case, "page": page, "entries": page.object_list},
    )
