from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import services
from .forms import DecisionForm
from .models import Organisation


def decide(request, pk):
    """An editor approves or rejects an organisation that asked to join."""
    if not request.user.has_perm("organisations.approve_organisation"):
        raise PermissionDenied
    organisation = get_object_or_404(Organisation, pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and request.POST.get("decision") in {"approve", "reject"}:
        approve = request.POST["decision"] == "approve"
        services.decide_organisation(
            actor=request.user, organisation=organisation, approve=approve, reason=form.cleaned_data["reason"]
        )
        if approve:
            messages.success(request, _("%(name)s is approved.") % {"name": organisation.name})
        else:
            messages.success(request, _("%(name)s was not approved.") % {"name": organisation.name})
        return redirect("wagtailsnippets_organisations_organisation:list")
    return TemplateResponse(
        request,
        "organisations/admin/decide.html",
        {
            "organisation": organisation,
            "members": organisation.memberships.select_related("user"),
            "form": form,
        },
    )
