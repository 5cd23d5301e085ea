"""Admin pages for partners beyond the snippet views: who registered and who came, the CSV
export of that list, and importing activities from a spreadsheet."""

import csv
import datetime
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.permissions import policy_registry

from . import importer
from .admin_forms import AttendanceForm, ImportForm
from .models import Activity, Attendance, RegistrationStatus
from .permissions import can_view_registrations, organisations_for

MAX_SESSION_CHOICES = 60
# Spreadsheet programs run cells that start with these as formulas; names come from the public.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# --- registrations and attendance ------------------------------------------------------------------


def _activity_for_registrations(request, pk):
    activity = get_object_or_404(Activity.objects.select_related("organisation"), pk=pk)
    if not can_view_registrations(request.user, activity):
        # Whoever may not see the list need not learn that the activity exists.
        raise Http404
    return activity


def _registrations(activity):
    from .services import registrations_for

    return list(registrations_for(activity))


def _contact(registration):
    """The person to contact: the parent of a child, or the young person themself."""
    return registration.child.parent if registration.child_id else registration.participant


def past_session_dates(activity, today=None):
    """Session dates up to today (today's included), latest first."""
    today = today or timezone.localdate()
    dates = (
        [day for day in activity.schedule().dates() if day <= today] if activity.start_date <= today else []
    )
    return list(reversed(dates))[:MAX_SESSION_CHOICES]


def record_attendance(*, actor, activity, date, present_ids):
    """Store who came to the session of `date`: present for `present_ids`, absent for the
    other confirmed registrations. Replaces what was recorded for that date before."""
    confirmed = list(
        activity.registrations.filter(status=RegistrationStatus.CONFIRMED).values_list("pk", flat=True)
    )
    with transaction.atomic():
        Attendance.objects.bulk_create(
            [Attendance(registration_id=pk, date=date, present=pk in present_ids) for pk in confirmed],
            update_conflicts=True,
            unique_fields=["registration", "date"],
            update_fields=["present"],
        )
    return len([pk for pk in confirmed if pk in present_ids])


def registrations(request, pk):
    """The partner's list of who registered, with the waiting list in order, and attendance."""
    activity = _activity_for_registrations(request, pk)
    rows = _registrations(activity)
    confirmed = [row for row in rows if row.status == RegistrationStatus.CONFIRMED]
    session_dates = past_session_dates(activity)

    attendance_form = chosen = None
    if session_dates and confirmed:
        chosen = request.POST.get("date") or request.GET.get("date") or session_dates[0].isoformat()
        if chosen not in {day.isoformat() for day in session_dates}:
            chosen = session_dates[0].isoformat()
        if request.method == "POST":
            attendance_form = AttendanceForm(
                request.POST, registrations=confirmed, session_dates=session_dates
            )
            if attendance_form.is_valid():
                date = attendance_form.cleaned_data["date"]
                count = record_attendance(
                    actor=request.user,
                    activity=activity,
                    date=date,
                    present_ids=attendance_form.present_ids(),
                )
                messages.success(
                    request,
                    _("Attendance saved: %(present)s of %(total)s present.")
                    % {"present": count, "total": len(confirmed)},
                )
                return redirect(
                    f"{reverse('activities_registrations', args=[activity.pk])}?date={date.isoformat()}"
                )
        else:
            present = dict(
                Attendance.objects.filter(registration__in=confirmed, date=chosen).values_list(
                    "registration_id", "present"
                )
            )
            initial = {"date": chosen}
            # Nobody is ticked in advance: "present" is what the partner saw, not a default.
            initial.update({f"present_{row.pk}": present.get(row.pk, False) for row in confirmed})
            attendance_form = AttendanceForm(
                initial=initial, registrations=confirmed, session_dates=session_dates
            )

    return TemplateResponse(
        request,
        "activities/admin/registrations.html",
        {
            "activity": activity,
            "rows": [(row, _contact(row)) for row in rows if row.status != RegistrationStatus.CANCELLED],
            "cancelled_count": len([row for row in rows if row.status == RegistrationStatus.CANCELLED]),
            "confirmed_count": len(confirmed),
            "attendance_form": attendance_form,
            "session_dates": session_dates,
            "chosen_date": datetime.date.fromisoformat(chosen) if chosen else None,
            "next_sessions": activity.next_sessions(3),
            "edit_url": reverse("wagtailsnippets_activities_activity:edit", args=[activity.pk])
            if policy_registry.get_by_type(Activity).user_has_permission_for_instance(
                request.user, "change", activity
            )
            else None,
        },
    )


def _cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def registrations_csv(request, pk):
    """The registration list for a spreadsheet: UTF-8 with a BOM and semicolons, which Excel
    on Belgian and Dutch computers opens as columns directly (their list separator is ;)."""
    activity = _activity_for_registrations(request, pk)
    rows = [row for row in _registrations(activity) if row.status != RegistrationStatus.CANCELLED]
    attendance = {}
    for registration_id, date, present in Attendance.objects.filter(registration__in=rows).values_list(
        "registration_id", "date", "present"
    ):
        attendance[(registration_id, date)] = present
    dates = sorted({date for _registration, date in attendance})
    status_labels = dict(RegistrationStatus.choices)

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            _("Status"),
            _("Waiting list number"),
            _("Participant"),
            _("Birth year"),
            _("Contact person"),
            _("E-mail"),
            _("Phone"),
            _("Registered on"),
            *[_("Present on %(date)s") % {"date": date.strftime("%d/%m/%Y")} for date in dates],
        ]
    )
    for row in rows:
        contact = _contact(row)
        present = [attendance.get((row.pk, date)) for date in dates]
        writer.writerow(
            [
                _cell(status_labels[row.status]),
                row.waiting_position or "",
                _cell(row.participant_name),
                row.participant_birth_year or "",
                _cell(contact.display_name),
                _cell(contact.email),
                _cell(contact.phone),
                timezone.localtime(row.created_at).strftime("%d/%m/%Y %H:%M"),
                *[("" if value is None else _("yes") if value else _("no")) for value in present],
            ]
        )
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"registrations-{activity.pk}-{slugify(activity.title)[:40] or 'activity'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- import -----------------------------------------------------------------------------------


def may_import(user):
    return (
        user.is_authenticated
        and policy_registry.get_by_type(Activity).user_has_permission(user, "add")
        and organisations_for(user).exists()
    )


def import_activities(request):
    """A partner uploads a CSV file; all its activities are created, or none (errors listed)."""
    if not may_import(request.user):
        raise PermissionDenied
    form = ImportForm(
        request.POST or None, request.FILES or None, user=request.user, max_rows=importer.MAX_ROWS
    )
    result = None
    if request.method == "POST" and form.is_valid():
        result = importer.import_activities(
            actor=request.user,
            organisation=form.cleaned_data["organisation"],
            data=form.cleaned_data["file"].read(),
            submit_for_review=form.cleaned_data["submit_for_review"],
        )
        if result.ok:
            count = len(result.activities)
            if result.submitted:
                message = ngettext(
                    "%(count)s activity was imported and sent for review.",
                    "%(count)s activities were imported and sent for review.",
                    count,
                )
            else:
                message = ngettext(
                    "%(count)s activity was imported as a draft.",
                    "%(count)s activities were imported as drafts.",
                    count,
                )
            messages.success(request, message % {"count": count})
            return redirect("wagtailsnippets_activities_activity:list")
    return TemplateResponse(
        request,
        "activities/admin/import.html",
        {"form": form, "result": result, "columns": importer.columns(), "max_rows": importer.MAX_ROWS},
    )


def import_template(request):
    """A CSV template with every column and one example row, in the same format as exports."""
    if not may_import(request.user):
        raise PermissionDenied
    organisation = organisations_for(request.user).order_by("name").first()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(importer.template_rows(organisation=organisation))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="village-activities-template.csv"'
    return response
