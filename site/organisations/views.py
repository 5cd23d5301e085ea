from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services
from .forms import OrganisationRequestForm


@login_required
@require_http_methods(["GET", "POST"])
def organisation_request(request):
    form = OrganisationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.request_organisation(actor=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Thank you. %(name)s is waiting for approval by an editor; you will get an e-mail.")
            % {"name": organisation.name},
        )
        return redirect("accounts:dashboard")
    return render(request, "organisations/organisation_request.html", {"form": form})
