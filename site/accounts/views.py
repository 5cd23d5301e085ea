import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rules.contrib.views import permission_required

from . import services
from .forms import ChildForm, DeleteAccountForm, ProfileForm
from .models import ChildProfile
from .roles import ROLE_LABELS


@login_required
def dashboard(request):
    return render(
        request,
        "accounts/dashboard.html",
        {
            "children": request.user.children.all(),
            "memberships": request.user.organisation_memberships.select_related("organisation"),
            "two_factor_needed": services.needs_two_factor_setup(request.user),
            "role_labels": [ROLE_LABELS[role] for role in request.user.roles],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details are saved."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/profile_form.html", {"form": form})


@login_required
@permission_required("accounts.manage_children", raise_exception=True)
@require_http_methods(["GET", "POST"])
def child_add(request):
    form = ChildForm(request.POST or None, parent=request.user)
    if request.method == "POST" and form.is_valid():
        child = services.add_child(
            parent=request.user,
            first_name=form.cleaned_data["first_name"],
            birth_year=form.cleaned_data["birth_year"],
        )
        messages.success(request, _("%(name)s has been added.") % {"name": child.first_name})
        return redirect("accounts:dashboard")
    return render(request, "accounts/child_form.html", {"form": form})


def _own_child(request, pk):
    # A child that is not yours does not exist for you: 404, not 403.
    return get_object_or_404(ChildProfile, pk=pk, parent=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def child_edit(request, pk):
    child = _own_child(request, pk)
    form = ChildForm(request.POST or None, instance=child, parent=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/child_form.html", {"form": form, "child": child})


@login_required
@require_http_methods(["GET", "POST"])
def child_delete(request, pk):
    child = _own_child(request, pk)
    if request.method == "POST":
        name = child.first_name
        child.delete()
        messages.success(request, _("%(name)s has been removed.") % {"name": name})
        return redirect("accounts:dashboard")
    return render(request, "accounts/child_confirm_delete.html", {"child": child})


@login_required
def data_export(request):
    data = services.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    filename = f"village-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user=user)
        messages.success(request, _("Your account has been deleted. Thank you for taking part."))
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})
