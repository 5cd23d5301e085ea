"""Joining: registering, cancelling, "My activities", the private calendar feed, saved searches.

Thin views: they load what the person may see (anything else is a 404), call a service and
render. The rules live in services.py and rules.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import AccountType
from village.redirects import local_url

from . import ical, services
from .forms import ChildrenForm, QueryDescriber, SaveSearchForm, describe_query
from .models import Activity, ActivityIndexPage, CalendarFeed, JoinMode, Registration, RegistrationStatus
from .predicates import registration_closed_reason


def _success_message(registration, activity, *, for_youth):
    name = registration.participant_name
    if registration.status == RegistrationStatus.CONFIRMED:
        if for_youth:
            return _("You are registered for %(activity)s.") % {"activity": activity.title}
        return _("%(name)s is registered for %(activity)s.") % {"name": name, "activity": activity.title}
    values = {"name": name, "activity": activity.title, "position": registration.waiting_position}
    if for_youth:
        return (
            _(
                "%(activity)s is full. You are number %(position)s on the waiting list. "
                "We will e-mail you when a place becomes free."
            )
            % values
        )
    return (
        _(
            "%(activity)s is full. %(name)s is number %(position)s on the waiting list. "
            "We will e-mail you when a place becomes free."
        )
        % values
    )


@require_http_methods(["GET", "POST"])
def join(request, pk):
    activity = get_object_or_404(
        Activity.objects.select_related("organisation", "venue"),
        pk=pk,
        live=True,
        join_mode=JoinMode.REGISTRATION,
    )
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    if user.account_type not in (AccountType.PARENT, AccountType.YOUTH):
        raise PermissionDenied
    is_youth = user.account_type == AccountType.YOUTH
    closed = registration_closed_reason(activity)
    context = {
        "activity": activity,
        "closed": closed,
        "is_youth": is_youth,
        "session": None if closed else services.first_session(activity),
    }
    if is_youth:
        context["problem"] = services.youth_problem(activity, user)
        form = None
    else:
        form = ChildrenForm(request.POST or None, options=services.child_options(activity, user))
        context["form"] = form

    if request.method == "POST" and not closed:
        try:
            if is_youth:
                registrations = services.register(actor=user, activity=activity, youth=user)
            elif form.is_valid():
                registrations = services.register(
                    actor=user, activity=activity, children=form.cleaned_data["children"]
                )
            else:
                registrations = None
        except services.RegistrationError as error:
            registrations = None
            context["error"] = error.message
        if registrations:
            for registration in registrations:
                level = (
                    messages.SUCCESS if registration.status == RegistrationStatus.CONFIRMED else messages.INFO
                )
                messages.add_message(
                    request, level, _success_message(registration, activity, for_youth=is_youth)
                )
            return redirect("activities:my_activities")
    elif request.method == "POST":
        context["error"] = closed
    return render(request, "activities/registration/join.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cancel_registration(request, pk):
    # Only the registration's owner reaches it here; organisations cancel from the admin.
    registration = get_object_or_404(
        Registration.objects.of_person(request.user).select_related("activity", "child", "participant"), pk=pk
    )
    if registration.status == RegistrationStatus.CANCELLED:
        messages.info(request, _("This registration was already cancelled."))
        return redirect("activities:my_activities")
    if request.method == "POST":
        try:
            services.cancel_registration(actor=request.user, registration=registration)
        except services.RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The registration of %(name)s for %(activity)s is cancelled.")
                % {"name": registration.participant_name, "activity": registration.activity.title},
            )
        return redirect("activities:my_activities")
    return render(request, "activities/registration/cancel.html", {"registration": registration})


@login_required
@require_GET
def my_activities(request):
    upcoming, past = services.person_registrations(request.user)
    feed = services.calendar_feed_for(request.user)
    feed_url = request.build_absolute_uri(reverse("activities:calendar_feed", kwargs={"token": feed.token}))
    return render(
        request,
        "activities/registration/my_activities.html",
        {
            "upcoming": upcoming,
            "past": past,
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
        },
    )


@login_required
@require_POST
def reset_calendar_feed(request):
    services.reset_calendar_feed(actor=request.user)
    messages.success(
        request,
        _("Your calendar has a new address. Subscribe again with it; the old address no longer works."),
    )
    return redirect(reverse("activities:my_activities") + "#calendar")


@require_GET
@never_cache
def calendar_feed(request, token):
    feed = CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if feed is None:
        raise Http404
    registrations = list(services.feed_registrations(feed.user))
    by_activity = {}
    for registration in registrations:
        by_activity.setdefault(registration.activity_id, []).append(registration)
    activities = [group[0].activity for group in by_activity.values()]
    schedules = services.schedules_for(activities)
    events = []
    for activity in activities:
        names = ", ".join(r.participant_name for r in by_activity[activity.pk])
        url = request.build_absolute_uri(activity.get_absolute_url())
        events.append(
            ical.event_lines(
                activity,
                url=url,
                schedule=schedules[activity.pk],
                summary=f"{activity.title} ({names})",
                description=f"{names}\n\n{activity.summary}\n\n{url}",
            )
        )
    response = ical.calendar_response(ical.calendar(events, name=_("My activities on Village")))
    response["X-Robots-Tag"] = "noindex"
    return response


# --- saved searches ---------------------------------------------------------------------------------


def _finder_url(request):
    page = ActivityIndexPage.objects.live().first()
    return page.get_url(request) if page else "/"


@require_http_methods(["GET", "POST"])
def save_search(request):
    data = request.POST if request.method == "POST" else None
    initial = {"query": request.GET.get("query", ""), "next": request.GET.get("next", "")}
    form = SaveSearchForm(data, initial=initial)
    if not request.user.is_authenticated:
        if request.method == "GET":
            return redirect_to_login(request.get_full_path())
        # A form posted from the finder: back to the same search after logging in.
        query = request.POST.get("query", "")
        fallback = _finder_url(request) + (f"?{query}" if query else "")
        return redirect_to_login(local_url(request, request.POST.get("next")) or fallback)
    if request.method == "POST" and form.is_valid():
        back = local_url(request, form.cleaned_data["next"]) or reverse("activities:saved_searches")
        try:
            services.save_search(
                actor=request.user, name=form.cleaned_data["name"], query=form.cleaned_data["query"]
            )
        except services.SavedSearchError as error:
            messages.error(request, error.message)
            return redirect(back)
        messages.success(
            request,
            _("Your search “%(name)s” is saved. We will e-mail you when a new activity matches.")
            % {"name": form.cleaned_data["name"].strip()},
        )
        return redirect(back)
    query = form["query"].value() or ""
    return render(
        request,
        "activities/registration/save_search.html",
        {"form": form, "filters": describe_query(query), "finder_url": _finder_url(request)},
    )


@login_required
@require_GET
def saved_searches(request):
    searches = list(request.user.saved_searches.all())
    describe = QueryDescriber()
    finder_url = _finder_url(request)
    for saved in searches:
        saved.filters = describe(saved.query)
        saved.finder_url = f"{finder_url}?{saved.query}" if saved.query else finder_url
    return render(request, "activities/registration/saved_searches.html", {"searches": searches})


@login_required
@require_POST
def delete_saved_search(request, pk):
    saved = get_object_or_404(request.user.saved_searches, pk=pk)
    services.delete_saved_search(actor=request.user, saved_search=saved)
    messages.success(request, _("Your search “%(name)s” is deleted.") % {"name": saved.name})
    return redirect("activities:saved_searches")
