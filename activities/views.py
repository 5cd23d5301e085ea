"""Public pages where parents and young people find activities: the finder and an activity's page."""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import SourceImageIOError

from . import ical, page_cache
from .filters import DEFAULT_RADIUS_KM, ActivityFilterForm, theme_choices
from .models import (
    Activity,
    ActivityIndexPage,
    JoinMode,
    PriceUnit,
    ScheduleKind,
    SchoolHoliday,
    SchoolSystem,
)
from .templatetags.activity_tags import scheme_labels, text_language

PER_PAGE = 20
# The map gets every filtered result up to this many (nearest first when searching near a
# point); beyond it a notice says so. Enough for a city, light enough for a phone.
RADIUS_CHOICES = [1, 2, 3, 5, 10, 20]
# Fields shown in the "More filters" part of the form, which opens when one of them is used.
MORE_FILTERS = ("pillar", "theme", "day", "time", "language", "free", "reduced", "wheelchair", "places")
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class FinderForm(ActivityFilterForm):
    """The shared filter form, with widgets for people on a phone. Filtering stays in the parent."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if self.is_bound and not self.data.get("radius_km"):
            # The filter's default radius, shown as chosen in the select (also before a point
            # is chosen: finder.js enables the select when it sets one).
            self.data = self.data.copy()
            self.data["radius_km"] = str(DEFAULT_RADIUS_KM)
        fields = self.fields
        # Read the themes once: validation, the chips and the checkboxes all use them.
        fields["theme"].choices = theme_choices()
        fields["q"].label = _("Search words")
        fields["q"].widget = forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"})
        fields["municipality"].widget.attrs.update(autocomplete="address-level2")
        fields["age"].widget.attrs.update(inputmode="numeric", min=0, max=99)
        fields["near"].widget = forms.HiddenInput()
        fields["bbox"].widget = forms.HiddenInput()
        current = self.data.get("radius_km") if self.is_bound else None
        choices = [(str(km), gettext("%(km)s km") % {"km": km}) for km in RADIUS_CHOICES]
        if current and current not in {value for value, _label in choices} and _is_number(current):
            choices.append((current, gettext("%(km)s km") % {"km": current}))
        fields["radius_km"].widget = forms.Select(choices=choices)
        fields["radius_km"].label = _("Within")
        fields["radius_km"].initial = DEFAULT_RADIUS_KM
        if not (self.is_bound and self.data.get("near")):
            # Not sent without a point (the browser skips disabled fields): no radius in the URL.
            fields["radius_km"].widget.attrs["disabled"] = True


def _is_number(value):
    try:
        float(value)
    except ValueError:
        return False
    return True


def _holidays_by_system(today):
    """School holidays still to come, per school system, loaded once for a whole list."""
    holidays = list(SchoolHoliday.objects.filter(end_date__gte=today))
    by_system = {}
    for system in SchoolSystem.values:
        wanted = {system, SchoolSystem.BOTH} if system in (SchoolSystem.DUTCH, SchoolSystem.FRENCH) else None
        by_system[system] = [
            (holiday.start_date, holiday.end_date)
            for holiday in holidays
            if wanted is None or holiday.school_system in wanted
        ]
    return by_system


def upcoming(schedule, count, now=None):
    """The next `count` sessions that have not ended yet (today's may be over already)."""
    now = timezone.localtime(now)
    sessions = schedule.sessions(start=now.date(), limit=count + 1)
    sessions = [s for s in sessions if s.date > now.date() or s.end_time > now.time()]
    return sessions[:count]


def _next_session(activity, holidays_by_system):
    holidays = holidays_by_system[activity.school_system] if activity.skip_school_holidays else []
    sessions = upcoming(activity.schedule(holidays=holidays), 1)
    return sessions[0] if sessions else None


def map_data_url(request):
    """The open-data API address that gives the map the same activities as the list.

    The map fetches its markers (id and title, the lightest features) only when it is shown,
    so the page itself stays light; the API's responses are cacheable.
    """
    query = request.GET.copy()
    query.pop("page", None)
    query["fields"] = "id,title"
    query["lang"] = (get_language() or settings.LANGUAGE_CODE)[:2]
    return f"/api/v1/activities?{query.urlencode()}"


def _without(query, key, value=None):
    """The query string without one filter (or one value of a multiple filter), from page one."""
    query = query.copy()
    query.pop("page", None)
    if value is None:
        query.pop(key, None)
        if key == "near":
            query.pop("radius_km", None)
    else:
        query.setlist(key, [item for item in query.getlist(key) if item != value])
    return query.urlencode()


def active_filters(form, query):
    """The filters in use, each with a label and the query string that removes it."""
    if not hasattr(form, "cleaned_data"):
        return []
    data = form.cleaned_data
    chips = []
    for name, field in form.fields.items():
        value = data.get(name)
        if name == "radius_km" or value in (None, "", [], False):
            continue
        if name == "theme":
            names = dict(field.choices)
            for slug in value:
                chips.append({"label": names.get(slug, slug), "query": _without(query, name, slug)})
            continue
        if isinstance(field, forms.BooleanField):
            label = str(field.label)
        elif isinstance(field, forms.ChoiceField):
            label = str(dict(field.choices).get(value, value))
        elif name == "near":
            label = gettext("Within %(km)s km of the chosen point") % {
                "km": f"{data.get('radius_km') or DEFAULT_RADIUS_KM:g}"
            }
        elif name == "bbox":
            label = gettext("In the chosen map area")
        else:
            label = gettext("%(label)s: %(value)s") % {"label": field.label, "value": value}
        chips.append({"label": label, "query": _without(query, name)})
    return chips


def finder_context(request):
    """What the finder page shows: the form, one page of results and where the map's markers are.

    A bad value only disables its own filter: the form shows the message next to the field and
    the other filters still apply (cleaned_data holds the valid ones).
    """
    form = FinderForm(request.GET)
    form.is_valid()
    today = timezone.localdate()
    # Read before the activities: a change committed meanwhile leaves these cards unkept.
    card_version = page_cache.card_version()
    # Themes and languages are only read for the cards that are not in the cache; nor is the
    # description (long, in three languages) that no card shows.
    queryset = form.filter(
        Activity.objects.published()
        .select_related("organisation", "venue")
        .prefetch_related("cancellations")
        .defer("description", *(f"description_{code}" for code, _name in settings.LANGUAGES))
    )
    if not form.cleaned_data.get("near"):
        queryset = queryset.order_by("start_date", "pk")

    paginator = Paginator(queryset, PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    activities = list(page.object_list)
    holidays = _holidays_by_system(today)
    for activity in activities:
        activity.next_session = _next_session(activity, holidays)
    missing = page_cache.cached_cards(activities, card_version)
    prefetch_related_objects(missing, "themes", "spoken_languages")
    page_cache.keep_cards(missing, card_version, render_card)

    # Until when this list stays right for the page cache (a next session shown may end today).
    request.activities_cache_until = page_cache.valid_until(activity.next_session for activity in activities)

    chips = active_filters(form, request.GET)
    near = form.cleaned_data.get("near")
    return {
        "save_search_url": _save_search_url(request) if chips else "",
        "form": form,
        "page_obj": page,
        "paginator": paginator,
        "page_range": list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)),
        "activities": activities,
        "result_count": paginator.count,
        "map_data_url": map_data_url(request),
        "activity_short_url": reverse("activities:short", kwargs={"pk": 0}),
        "active_filters": chips,
        "is_filtered": bool(chips),
        "more_filters_open": any(name in used_filters(form) or name in form.errors for name in MORE_FILTERS),
        "near_error": form.errors.get("near") or form.errors.get("radius_km"),
        # Strings, not floats: a template would print 50,85 in Dutch and French.
        "map_near": f"{near[0]},{near[1]}" if near else "",
        "map_bbox": ",".join(f"{value:g}" for value in form.cleaned_data["bbox"])
        if form.cleaned_data.get("bbox")
        else "",
        "map_radius_km": f"{form.cleaned_data.get('radius_km') or DEFAULT_RADIUS_KM:g}",
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
        "today": today,
    }


def render_card(activity):
    """An activity's card in the finder's list (kept in the cache by page_cache.keep_cards)."""
    return render_to_string("activities/includes/activity_card.html", {"activity": activity})


def _save_search_url(request):
    """The address of the "save this search" page, with the filters in use (no page, no blanks)."""
    query = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        values = [value for value in values if value]
        if key != "page" and values:
            query.setlist(key, values)
    return f"{reverse('activities:save_search')}?{urlencode({'query': query.urlencode(), 'next': request.get_full_path()})}"


def used_filters(form):
    data = getattr(form, "cleaned_data", {})
    return {name for name, value in data.items() if value not in (None, "", [], False)}


# --- The activity's page ----------------------------------------------------------------------


def _published_activity(pk):
    activity = (
        Activity.objects.published().for_listing().prefetch_related("cancellations").filter(pk=pk).first()
    )
    if activity is None:
        raise Http404(gettext("This activity does not exist or is no longer online."))
    return activity


def _rendition(activity):
    if not activity.image_id:
        return None
    try:
        return activity.image.get_rendition("fill-800x450")
    except (SourceImageIOError, OSError):
        # A missing image file must not take the page down; the page reads fine without it.
        return None


def _country(postcode):
    postcode = (postcode or "").strip()
    if re.fullmatch(r"\d{4}\s?[A-Za-z]{2}", postcode):
        return "NL"
    if re.fullmatch(r"\d{4}", postcode):
        return "BE"
    return None


def _local_iso(day, time):
    moment = timezone.make_aware(datetime.datetime.combine(day, time), timezone.get_default_timezone())
    return moment.isoformat()


def event_json_ld(request, activity, schedule, sessions, rendition=None):
    """schema.org Event data for search engines and assistants."""
    url = request.build_absolute_uri(activity.get_absolute_url())
    first = sessions[0] if sessions else None
    day = first.date if first else activity.start_date
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.title,
        "description": activity.summary,
        "url": url,
        "startDate": _local_iso(day, activity.start_time),
        "endDate": _local_iso(day, activity.end_time),
        "eventStatus": "https://schema.org/EventCancelled"
        if activity.cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
        if activity.is_online and not activity.venue_id
        else "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": [language.code for language in activity.spoken_languages.all()]
        or activity.original_language,
        "organizer": {
            "@type": "Organization",
            "name": activity.organisation.name,
            **(
                {"telephone": phone}
                if (phone := activity.contact_phone or activity.organisation.phone)
                else {}
            ),
            **({"email": email} if (email := activity.contact_email or activity.organisation.email) else {}),
            **({"url": activity.organisation.website} if activity.organisation.website else {}),
        },
    }
    if activity.schedule_kind != ScheduleKind.ONE_OFF and activity.end_date:
        event_schedule = {
            "@type": "Schedule",
            "startDate": activity.start_date.isoformat(),
            "endDate": activity.end_date.isoformat(),
            "startTime": activity.start_time.strftime("%H:%M:%S"),
            "endTime": activity.end_time.strftime("%H:%M:%S"),
            "scheduleTimezone": settings.TIME_ZONE,
        }
        if activity.schedule_kind == ScheduleKind.WEEKLY:
            event_schedule["repeatFrequency"] = "P1W"
            event_schedule["byDay"] = [
                f"https://schema.org/{SCHEMA_DAYS[day]}" for day in range(7) if activity.weekdays & (1 << day)
            ]
        else:
            event_schedule["repeatFrequency"] = "P1D"
        exceptions = ical.excluded_dates(schedule)
        if exceptions:
            event_schedule["exceptDate"] = [
                _local_iso(exception, activity.start_time) for exception in exceptions[:50]
            ]
        data["eventSchedule"] = event_schedule
    if activity.venue_id:
        venue = activity.venue
        address = {
            "@type": "PostalAddress",
            "streetAddress": venue.street,
            "postalCode": venue.postcode,
            "addressLocality": venue.municipality,
        }
        if country := _country(venue.postcode):
            address["addressCountry"] = country
        data["location"] = {
            "@type": "Place",
            "name": venue.name,
            "address": address,
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            },
        }
    else:
        data["location"] = {"@type": "VirtualLocation", "url": url}
    if activity.is_free:
        data["isAccessibleForFree"] = True
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": url}
    else:
        data["offers"] = {
            "@type": "Offer",
            "price": f"{activity.price:.2f}",
            "priceCurrency": "EUR",
            "url": url,
        }
    if activity.places_left is not None:
        data["offers"]["availability"] = (
            "https://schema.org/InStock" if activity.places_left > 0 else "https://schema.org/SoldOut"
        )
    if activity.min_age is not None or activity.max_age is not None:
        data["typicalAgeRange"] = f"{activity.min_age if activity.min_age is not None else ''}-" + (
            f"{activity.max_age}" if activity.max_age is not None else ""
        )
    if rendition:
        data["image"] = request.build_absolute_uri(rendition.url)
    return data


def activity_detail(request, pk, slug):
    activity = _published_activity(pk)
    if slug != activity.slug:
        url = activity.get_absolute_url()
        if request.GET:
            url = f"{url}?{request.GET.urlencode()}"
        return redirect(url, permanent=True)

    today = timezone.localdate()
    schedule = activity.schedule()
    sessions = upcoming(schedule, 5)
    cancelled_dates = sorted(
        (cancellation for cancellation in activity.cancellations.all() if cancellation.date >= today),
        key=lambda cancellation: cancellation.date,
    )
    rendition = _rendition(activity)
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    languages = {field: text_language(activity, field) for field in ("title", "summary", "description")}
    finder = ActivityIndexPage.objects.live().first()
    context = {
        "activity": activity,
        "organisation": activity.organisation,
        "venue": activity.venue,
        "sessions": sessions,
        "next_session": sessions[0] if sessions else None,
        "cancelled_dates": cancelled_dates,
        "rendition": rendition,
        "phone": activity.contact_phone or activity.organisation.phone,
        "email": activity.contact_email or activity.organisation.email,
        "schemes": scheme_labels(activity),
        "text_languages": languages,
        "fallback_language": next((code for code in languages.values() if code != current), None),
        "current_language": current,
        "is_registration": activity.join_mode == JoinMode.REGISTRATION,
        "is_contact": activity.join_mode == JoinMode.CONTACT,
        "join_url": reverse("activities:join", args=[activity.pk]),
        "ics_url": reverse("activities:ics", args=[activity.pk]),
        "finder_url": finder.get_url(request) if finder else None,
        "json_ld": event_json_ld(request, activity, schedule, sessions, rendition),
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
        "today": today,
        "has_price_unit": activity.price_unit != PriceUnit.FREE,
    }
    response = render(request, "activities/activity_detail.html", context)
    return page_cache.mark(response, page_cache.valid_until(sessions[:1]))


def activity_ics(request, pk):
    """The activity as an iCalendar file, to add it to a phone's calendar in one tap."""
    activity = _published_activity(pk)
    url = request.build_absolute_uri(activity.get_absolute_url())
    description = "\n\n".join(part for part in (activity.summary, url) if part)
    text = ical.calendar(
        [ical.event_lines(activity, url=url, description=description)],
        name=activity.title,
    )
    return ical.calendar_response(text, filename=f"{activity.slug}.ics")
