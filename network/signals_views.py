"""Signals to government: members only (a 404 for everyone else, see network/access.py).

Members file, endorse and add evidence; facilitators bundle, follow the status and record
the official answer; the report goes out as CSV or as a printable page.
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import signals_services as services
from .access import member_or_404, object_or_404
from .models import Signal, SignalAddition, SignalAdditionKind, SignalBundle, SignalStatus
from .services import NetworkError
from .signals_forms import AdditionForm, BundleForm, BundleStatusForm, SignalForm, SignalStatusForm


def _require(request, perm, obj):
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _signals(network):
    """The network's signals with counts, additions and bundle: a fixed number of queries."""
    return (
        Signal.objects.for_network(network)
        .select_related("bundle")
        .annotate(
            endorsement_count=Count("endorsements", distinct=True),
            case_count=Count("additions", filter=Q(additions__kind=SignalAdditionKind.CASE), distinct=True),
            figure_count=Count(
                "additions", filter=Q(additions__kind=SignalAdditionKind.FIGURE), distinct=True
            ),
        )
    )


def _status_filter(request):
    status = request.GET.get("status", "")
    return status if status in SignalStatus.values else ""


@never_cache
def signal_list(request, slug):
    membership = member_or_404(request, slug)
    network = membership.network
    status = _status_filter(request)
    signals = _signals(network)
    if status:
        signals = signals.filter(status=status)
    bundles = SignalBundle.objects.filter(network=network).annotate(signal_count=Count("signals"))
    return render(
        request,
        "network/signal_list.html",
        {
            "network": network,
            "membership": membership,
            "signals": signals.order_by("-created_at"),
            "bundles": bundles,
            "status": status,
            "statuses": SignalStatus.choices,
            "can_manage": request.user.has_perm("network.manage_signals", network),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def signal_create(request, slug):
    membership = member_or_404(request, slug)
    network = membership.network
    _require(request, "network.contribute", network)
    form = SignalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        signal = services.file_signal(actor=request.user, network=network, data=form.cleaned_data)
        messages.success(request, _("Your signal is filed. Other members can endorse it and add evidence."))
        return redirect("network:signal_detail", slug=slug, pk=signal.pk)
    return render(request, "network/signal_form.html", {"network": network, "form": form, "signal": None})


@never_cache
@require_http_methods(["GET", "POST"])
def signal_edit(request, slug, pk):
    membership = member_or_404(request, slug)
    signal = object_or_404(Signal.objects.all(), membership.network, pk=pk)
    _require(request, "network.change_signal", signal)
    form = SignalForm(request.POST or None, instance=signal)
    if request.method == "POST" and form.is_valid():
        services.update_signal(actor=request.user, signal=signal, data=form.cleaned_data)
        messages.success(request, _("The signal is saved."))
        return redirect("network:signal_detail", slug=slug, pk=signal.pk)
    return render(
        request, "network/signal_form.html", {"network": membership.network, "form": form, "signal": signal}
    )


def _detail_context(request, membership, signal, *, addition_form=None, status_form=None):
    network = membership.network
    endorsements = list(signal.endorsements.select_related("user").order_by("created_at"))
    can_manage = request.user.has_perm("network.manage_signals", signal)
    return {
        "network": network,
        "signal": signal,
        "endorsements": endorsements,
        "has_endorsed": any(e.user_id == request.user.pk for e in endorsements),
        "is_author": signal.author_id == request.user.pk,
        "additions": signal.additions.select_related("author", "case"),
        "addition_form": addition_form or AdditionForm(network=network),
        "can_change": request.user.has_perm("network.change_signal", signal),
        "can_manage": can_manage,
        "status_form": status_form
        or (
            SignalStatusForm(
                network=network,
                initial={
                    "status": signal.status,
                    "bundle": signal.bundle_id,
                    "official_answer": signal.official_answer,
                },
            )
            if can_manage
            else None
        ),
    }


def _signal(membership, pk):
    return object_or_404(Signal.objects.select_related("author", "bundle"), membership.network, pk=pk)


@never_cache
def signal_detail(request, slug, pk):
    membership = member_or_404(request, slug)
    signal = _signal(membership, pk)
    return render(request, "network/signal_detail.html", _detail_context(request, membership, signal))


@never_cache
def signal_endorse(request, slug, pk):
    membership = member_or_404(request, slug)
    if request.method != "POST":  # after the membership check: outsiders get a 404
        return HttpResponseNotAllowed(["POST"])
    signal = _signal(membership, pk)
    _require(request, "network.contribute", signal)
    try:
        services.endorse_signal(actor=request.user, signal=signal)
    except NetworkError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You endorse this signal."))
    return redirect("network:signal_detail", slug=slug, pk=signal.pk)


@never_cache
def signal_add(request, slug, pk):
    membership = member_or_404(request, slug)
    if request.method != "POST":  # after the membership check: outsiders get a 404
        return HttpResponseNotAllowed(["POST"])
    signal = _signal(membership, pk)
    _require(request, "network.contribute", signal)
    form = AdditionForm(request.POST, network=membership.network)
    if form.is_valid():
        try:
            services.add_to_signal(
                actor=request.user,
                signal=signal,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data.get("text", ""),
                case=form.cleaned_data.get("case"),
            )
        except NetworkError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your addition is saved."))
            return redirect(
                reverse("network:signal_detail", kwargs={"slug": slug, "pk": signal.pk}) + "#additions"
            )
    context = _detail_context(request, membership, signal, addition_form=form)
    return render(request, "network/signal_detail.html", context, status=400)


@never_cache
def signal_status(request, slug, pk):
    membership = member_or_404(request, slug, facilitator=True)
    if request.method != "POST":  # after the membership check: outsiders get a 404
        return HttpResponseNotAllowed(["POST"])
    signal = _signal(membership, pk)
    _require(request, "network.manage_signals", signal)
    form = SignalStatusForm(request.POST, network=membership.network)
    if form.is_valid():
        services.set_signal_status(actor=request.user, signal=signal, **form.cleaned_data)
        messages.success(
            request, _("The status is saved: %(status)s.") % {"status": signal.get_status_display()}
        )
        return redirect("network:signal_detail", slug=slug, pk=signal.pk)
    context = _detail_context(request, membership, signal, status_form=form)
    return render(request, "network/signal_detail.html", context, status=400)


# --- bundles -------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def bundle_create(request, slug):
    membership = member_or_404(request, slug, facilitator=True)
    network = membership.network
    form = BundleForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        bundle = services.create_bundle(
            actor=request.user,
            network=network,
            title=form.cleaned_data["title"],
            recipient=form.cleaned_data["recipient"],
            signals=form.cleaned_data["signals"],
        )
        messages.success(request, _("The bundle is made."))
        return redirect("network:bundle_detail", slug=slug, pk=bundle.pk)
    return render(request, "network/signal_bundle_form.html", {"network": network, "form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def bundle_detail(request, slug, pk):
    membership = member_or_404(request, slug)
    network = membership.network
    bundle = object_or_404(SignalBundle.objects.all(), network, pk=pk)
    can_manage = request.user.has_perm("network.manage_signals", bundle)
    form = None
    if can_manage:
        form = BundleStatusForm(request.POST or None, instance=bundle)
        if request.method == "POST" and form.is_valid():
            services.update_bundle(actor=request.user, bundle=bundle, **form.cleaned_data)
            messages.success(request, _("The bundle is saved."))
            return redirect("network:bundle_detail", slug=slug, pk=bundle.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "network/signal_bundle.html",
        {
            "network": network,
            "bundle": bundle,
            "signals": _signals(network).filter(bundle=bundle).order_by("-created_at"),
            "form": form,
            "can_manage": can_manage,
        },
        status=400 if form is not None and form.errors else 200,
    )


# --- the report ----------------------------------------------------------------------------


def _report_signals(request, network):
    """The signals of the report (all, or one status, or one bundle) with their additions."""
    signals = _signals(network).prefetch_related(
        Prefetch(
            "additions", queryset=SignalAddition.objects.select_related("case").order_by("created_at", "id")
        )
    )
    status = _status_filter(request)
    if status:
        signals = signals.filter(status=status)
    bundle = None
    bundle_id = request.GET.get("bundle", "")
    if bundle_id.isdigit():
        bundle = SignalBundle.objects.filter(network=network, pk=int(bundle_id)).first()
        if bundle is not None:
            signals = signals.filter(bundle=bundle)
    return signals.order_by("kind", "-created_at"), status, bundle


def _addition_text(addition):
    """A case addition names the linked case by its label only: its content stays in the network."""
    if addition.case_id:
        label = _("case %(label)s") % {"label": addition.case.label}
        return f"{label}: {addition.text}" if addition.text else label
    return addition.text


def _cell(value):
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    value = "" if value is None else str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@never_cache
def signal_export(request, slug):
    """The signal report as CSV (semicolons and a BOM, as spreadsheets in Belgium expect)."""
    membership = member_or_404(request, slug)
    network = membership.network
    signals, _status, _bundle = _report_signals(request, network)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"signals-{network.slug}-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Number"),
            _("Title"),
            _("Kind"),
            _("Status"),
            _("Filed on"),
            _("Endorsements"),
            _("Cases"),
            _("Figures"),
            _("Description"),
            _("Evidence"),
            _("Cases and figures added"),
            _("Bundle"),
            _("Sent on"),
            _("Official answer"),
        ]
    )
    for signal in signals:
        additions = list(signal.additions.all())
        answer = signal.official_answer or (signal.bundle.official_answer if signal.bundle else "")
        writer.writerow(
            _cell(value)
            for value in [
                signal.pk,
                signal.title,
                signal.get_kind_display(),
                signal.get_status_display(),
                timezone.localtime(signal.created_at).date().isoformat(),
                signal.endorsement_count,
                signal.case_count,
                signal.figure_count,
                signal.description,
                signal.evidence,
                " | ".join(f"{a.get_kind_display()}: {_addition_text(a)}" for a in additions),
                signal.bundle.title if signal.bundle else "",
                timezone.localtime(signal.sent_at).date().isoformat() if signal.sent_at else "",
                answer,
            ]
        )
    return response


@never_cache
def signal_report(request, slug):
    """The printable signal report for a steering committee."""
    membership = member_or_404(request, slug)
    network = membership.network
    signals, status, bundle = _report_signals(request, network)
    signals = list(signals)
    for signal in signals:
        signal.report_additions = [(a, _addition_text(a)) for a in signal.additions.all()]
    return render(
        request,
        "network/signal_report.html",
        {
            "network": network,
            "signals": signals,
            "status": status,
            "status_label": SignalStatus(status).label if status else "",
            "bundle": bundle,
            "today": timezone.localdate(),
            "query": request.GET.urlencode(),
        },
    )
