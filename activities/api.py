"""Open data: published activities as GeoJSON (`/api/v1/activities`).

The collection answers for the whole region (ten thousand activities) in one response, so it
is built from a few value queries and one json.dumps, without a model instance or a pydantic
object per feature. The pydantic schemas below only document the responses in the OpenAPI
schema. The filters are the finder's: ActivityFilterForm validates and applies them.
"""

import datetime
import gc
import json
import re
import unicodedata
from contextlib import contextmanager
from typing import Literal

from django.db.models import BooleanField, CharField, ExpressionWrapper, F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from modeltranslation.utils import resolution_order
from ninja import Field, Path, Router, Schema

from village.api_support import LANGUAGES, ErrorSchema, response_language, vary_on_language

from . import page_cache
from .filters import DAYS, TIME_CHOICES, ActivityFilterForm
from .models import (
    Activity,
    ActivityCancellation,
    JoinMode,
    Pillar,
    PriceUnit,
    ScheduleKind,
    SchoolHoliday,
    SchoolSystem,
)
from .schedule import Schedule

router = Router(tags=["activities"])

GEOJSON = "application/geo+json"
CACHE_CONTROL = "public, max-age=60"
# The properties of a feature in the collection, in output order; `fields` picks a subset.
PROPERTIES = [
    "id",
    "title",
    "summary",
    "url",
    "organisation",
    "municipality",
    "postcode",
    "themes",
    "pillar",
    "min_age",
    "max_age",
    "free",
    "price",
    "price_unit",
    "reduced_tariff",
    "join_mode",
    "places_left",
    "wheelchair",
    "languages",
    "next_session",
    "cancelled",
]
# Without `fields`, a feature carries its place and id only, so that the whole region (10,000
# activities) stays under 1.5 MB (with titles it measured 1.63 MB); `fields=id,title` is what a
# map with popups needs, `fields=all` gives every property, /activities/{id} the whole activity.
DEFAULT_PROPERTIES = ["id"]
AUDIENCES = ["children", "youths", "parents", "families", "professionals"]
SLUG_UNWANTED = re.compile(r"[^\w\s-]")
SLUG_SEPARATORS = re.compile(r"[-\s]+")


# --- Response schemas (documentation only) ---------------------------------------------------

PillarCode = Literal[tuple(Pillar.values)]
PriceUnitCode = Literal[tuple(PriceUnit.values)]
JoinModeCode = Literal[tuple(JoinMode.values)]
ScheduleKindCode = Literal[tuple(ScheduleKind.values)]
DayCode = Literal[tuple(DAYS)]


class PointGeometry(Schema):
    type: Literal["Point"]
    coordinates: list[float] = Field(
        ..., min_length=2, max_length=2, description="[longitude, latitude] of the venue (WGS 84)."
    )


class ActivityProperties(Schema):
    """Every property with `fields=all`; only id by default; `fields` picks others (so only id is
    required)."""

    id: int
    title: str = Field(
        default=None, description="In the response language, or in another language when not translated."
    )
    summary: str = None
    url: str = Field(
        default=None, description="The activity's page on the website, in the response language."
    )
    organisation: str = Field(default=None, description="Name of the organisation that offers the activity.")
    municipality: str = Field(
        default=None, description="Of the venue; of the organisation for online activities."
    )
    postcode: str = None
    themes: list[str] = Field(default=None, description="Theme slugs.")
    pillar: PillarCode = None
    min_age: int | None = None
    max_age: int | None = None
    free: bool = None
    price: float | None = Field(default=None, description="In euro, per price_unit.")
    price_unit: PriceUnitCode = None
    reduced_tariff: bool = Field(
        default=None, description="A reduced price or a reduced-price scheme (UiTPAS...) exists."
    )
    join_mode: JoinModeCode = None
    places_left: int | None = Field(
        default=None, description="Only for activities with registration and a number of places."
    )
    wheelchair: bool = Field(default=None, description="The venue is wheelchair accessible.")
    languages: list[str] = Field(default=None, description="Codes of the languages spoken at the activity.")
    next_session: datetime.datetime | None = Field(
        default=None,
        description="Start of the next session from today on (Europe/Brussels time); null when none is left "
        "or the activity is cancelled.",
    )
    cancelled: bool = Field(
        default=None, description="The whole activity is cancelled (it stays listed, marked)."
    )


class ActivityFeature(Schema):
    type: Literal["Feature"]
    geometry: PointGeometry | None = Field(description="null for online activities without a venue.")
    properties: ActivityProperties


class ActivityFeatureCollection(Schema):
    type: Literal["FeatureCollection"]
    features: list[ActivityFeature]


class SessionSchema(Schema):
    start: datetime.datetime
    end: datetime.datetime


class VenueSchema(Schema):
    name: str
    address: str
    street: str
    postcode: str
    municipality: str
    directions: str = Field(description="How to get there, in the response language.")
    wheelchair_accessible: bool


class CancelledDateSchema(Schema):
    date: datetime.date
    reason: str


class ActivityDetailProperties(ActivityProperties):
    description: str
    audiences: list[Literal[tuple(AUDIENCES)]]
    next_sessions: list[SessionSchema] = Field(description="The next five sessions.")
    cancelled_dates: list[CancelledDateSchema] = Field(
        description="Sessions from today on that do not take place."
    )
    venue: VenueSchema | None
    is_online: bool
    organisation_phone: str
    contact_phone: str
    contact_email: str
    schedule_kind: ScheduleKindCode
    start_date: datetime.date
    end_date: datetime.date | None
    weekdays: list[DayCode]
    start_time: str = Field(description="HH:MM, Europe/Brussels time.")
    end_time: str
    skip_school_holidays: bool
    language_names: list[str] = Field(description="Names of the languages spoken, in the response language.")
    interpreter_available: bool
    reduced_price: float | None
    reduced_schemes: list[str] = Field(description="Codes of the reduced-price schemes accepted.")
    image_alt: str | None = Field(description="Text alternative of the activity's image, if it has one.")


class ActivityDetailFeature(Schema):
    type: Literal["Feature"]
    geometry: PointGeometry | None
    properties: ActivityDetailProperties


def _parameter(name, description, schema, **extra):
    return {
        "in": "query",
        "name": name,
        "required": False,
        "description": description,
        "schema": schema,
        **extra,
    }


LANG_PARAMETER = _parameter(
    "lang",
    "Language of the texts and page addresses. Default: the Accept-Language header.",
    {"type": "string", "enum": LANGUAGES},
)
FILTER_PARAMETERS = [
    _parameter(
        "q", "Words in the title, summary or organisation name.", {"type": "string", "maxLength": 100}
    ),
    _parameter("pillar", "Kind of offer.", {"type": "string", "enum": Pillar.values}),
    _parameter(
        "theme",
        "Theme slug; repeat the parameter for several themes (any of them matches).",
        {"type": "array", "items": {"type": "string"}},
        style="form",
        explode=True,
    ),
    _parameter("age", "Age of the participant.", {"type": "integer", "minimum": 0, "maximum": 99}),
    _parameter("day", "A session falls on this day of the week.", {"type": "string", "enum": DAYS}),
    _parameter(
        "time",
        "Moment of the day or week.",
        {"type": "string", "enum": [code for code, _label in TIME_CHOICES]},
    ),
    _parameter("free", "Only free activities.", {"type": "boolean"}),
    _parameter("reduced", "Only activities with a reduced tariff.", {"type": "boolean"}),
    _parameter("language", "Code of a language spoken at the activity (nl, fr, ar...).", {"type": "string"}),
    _parameter("wheelchair", "Only at wheelchair-accessible venues.", {"type": "boolean"}),
    _parameter("municipality", "Municipality name or postcode.", {"type": "string", "maxLength": 80}),
    _parameter(
        "near",
        "latitude,longitude: only activities within radius_km of this point, nearest first.",
        {"type": "string", "pattern": r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?$"},
        example="50.85,4.35",
    ),
    _parameter(
        "radius_km", "Radius around `near`, default 3.", {"type": "number", "minimum": 0.1, "maximum": 50}
    ),
    _parameter("places", "Only activities with registration that still have places.", {"type": "boolean"}),
    _parameter(
        "bbox",
        "minLon,minLat,maxLon,maxLat: only activities with a venue in this box.",
        {"type": "string"},
        example="4.30,50.82,4.40,50.87",
    ),
]
FIELDS_PARAMETER = _parameter(
    "fields",
    "Comma-separated properties to include, or `all`. Without it: only id (with the geometry), which "
    "keeps the whole region under 1.5 MB; a map with popups asks for fields=id,title.",
    {"type": "string"},
    example="id,title,url,municipality,free",
)


# --- Helpers ---------------------------------------------------------------------------------


def _geojson_response(body, language):
    response = HttpResponse(body, content_type=GEOJSON)
    response["Content-Language"] = language
    # Open data: any web page may read it; no credentials are involved.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _invalid(errors):
    """400 with the messages per parameter (the same format as village.api's errors)."""
    detail = gettext("Invalid parameters: %(names)s.") % {"names": ", ".join(errors)}
    response = HttpResponse(
        json.dumps({"detail": detail, "errors": errors}, ensure_ascii=False, separators=(",", ":")),
        status=400,
        content_type="application/json",
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _url_template(request):
    """The absolute address of an activity page as a format string, so that ten thousand
    addresses cost a string format each rather than a reverse()."""
    path = reverse("activities:detail", kwargs={"pk": 987654321, "slug": "slug-placeholder"})
    url = request.build_absolute_uri(path).replace("{", "{{").replace("}", "}}")
    return url.replace("987654321", "{pk}").replace("slug-placeholder", "{slug}")


def _slug(title):
    """Activity.slug of a title: django.utils.text.slugify's steps, without its lazy-text wrapper
    and with the Unicode normalisation only for non-ASCII titles (ten thousand slugs per request)."""
    if not title.isascii():
        title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return SLUG_SEPARATORS.sub("-", SLUG_UNWANTED.sub("", title.lower())).strip("-_")[:60] or "activity"


def _translated(field, language):
    """The translated column in `language`, falling back as modeltranslation does for `field`."""
    columns = [NullIf(F(f"{field}_{code}"), Value("")) for code in resolution_order(language)]
    return Coalesce(*columns, Value(""), output_field=CharField())


def _holidays():
    """Holiday periods from today on, per school system: SchoolHolidayQuerySet.for_system() for
    every system, from one query."""
    periods = list(
        SchoolHoliday.objects.filter(end_date__gte=timezone.localdate()).values_list(
            "start_date", "end_date", "school_system"
        )
    )
    own = {
        SchoolSystem.DUTCH: (SchoolSystem.DUTCH, SchoolSystem.BOTH),
        SchoolSystem.FRENCH: (SchoolSystem.FRENCH, SchoolSystem.BOTH),
    }
    return {
        system: [(first, last) for first, last, owner in periods if system not in own or owner in own[system]]
        for system in SchoolSystem.values
    }


def _start(day, start_time, zone):
    return datetime.datetime.combine(day, start_time, tzinfo=zone).isoformat()


def _price(value):
    return float(value) if value is not None else None


def _coordinates(longitude, latitude):
    return {"type": "Point", "coordinates": [float(longitude), float(latitude)]}


# --- The collection ----------------------------------------------------------------------------

ROW_FIELDS = [
    "pk",
    "_title",
    "_summary",
    "organisation__name",
    "_municipality",
    "_postcode",
    "venue_id",
    "venue__latitude",
    "venue__longitude",
    "venue__wheelchair_accessible",
    "pillar",
    "min_age",
    "max_age",
    "price_unit",
    "price",
    "_reduced",
    "join_mode",
    "capacity",
    "confirmed_count",
    "cancelled",
]
SCHEDULE_FIELDS = [
    "schedule_kind",
    "start_date",
    "end_date",
    "weekdays",
    "start_time",
    "skip_school_holidays",
    "school_system",
]
CANCELLED = ROW_FIELDS.index("cancelled")
# The properties that need a row field (the others, pk and the place, are always needed): a
# field no asked-for property needs is selected as NULL, so that the default answer (ids and
# places) does not carry ten thousand titles and summaries from the database.
NEEDED_BY = {
    "_title": {"title", "url"},
    "_summary": {"summary"},
    "organisation__name": {"organisation"},
    "_municipality": {"municipality"},
    "_postcode": {"postcode"},
    "venue__wheelchair_accessible": {"wheelchair"},
    "pillar": {"pillar"},
    "min_age": {"min_age"},
    "max_age": {"max_age"},
    "price_unit": {"free", "price_unit"},
    "price": {"free", "price"},
    "_reduced": {"reduced_tariff"},
    "join_mode": {"join_mode", "places_left"},
    "capacity": {"places_left"},
    "confirmed_count": {"places_left"},
    "cancelled": {"cancelled", "next_session"},
}
# Beyond this many features, the related rows are selected with the filters as a subquery rather
# than with a list of ids.
MAX_LISTED_IDS = 2000


def _fields(request):
    raw = request.GET.get("fields", "").strip()
    if not raw:
        return DEFAULT_PROPERTIES, None
    if raw == "all":
        return PROPERTIES, None
    wanted = {name.strip() for name in raw.split(",") if name.strip()}
    unknown = sorted(wanted - set(PROPERTIES))[:5]
    if unknown:
        message = gettext("Unknown field: %(names)s. Choose from: %(choices)s.") % {
            "names": ", ".join(name[:40] for name in unknown),
            "choices": ", ".join(PROPERTIES),
        }
        return PROPERTIES, {"fields": [message]}
    return [name for name in PROPERTIES if name in wanted], None


@router.get(
    "/activities",
    response={200: ActivityFeatureCollection, 400: ErrorSchema},
    summary="Published activities as GeoJSON",
    description="The activities of the finder, with its filters, as a GeoJSON FeatureCollection "
    "(RFC 7946). Unknown parameters are ignored. Bad values give HTTP 400 naming the parameter.",
    openapi_extra={
        "parameters": [LANG_PARAMETER, *FILTER_PARAMETERS, FIELDS_PARAMETER],
        "x-media-type": GEOJSON,
    },
)
def list_activities(request):
    language, errors = response_language(request)
    with translation.override(language):
        fields, field_errors = _fields(request)
        errors = {**(errors or {}), **(field_errors or {})}
        form = ActivityFilterForm(request.GET)
        if not form.is_valid():
            errors = {**{name: list(messages) for name, messages in form.errors.items()}, **errors}
        if errors:
            return vary_on_language(_invalid(errors), request)
        body = page_cache.remember(
            ("api", language, request.scheme, request.get_host(), request.get_full_path()),
            lambda: _collection(request, form, fields, language),
        )
    return vary_on_language(_geojson_response(body, language), request)


@contextmanager
def _without_cycle_collection():
    """Tens of thousands of small dicts and lists, none in a reference cycle: the cyclic garbage
    collector would run hundreds of times for nothing (a third of the CPU time for 10,000)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_without_cycle_collection()
def _collection(request, form, fields, language):
    """The FeatureCollection as JSON text, in a fixed number of queries: the activities, then, if
    asked for, their themes, their languages, and the cancellations and holidays that decide
    the next session."""
    wanted = set(fields)
    queryset = form.filter(Activity.objects.published().order_by("pk")).annotate(
        _title=_translated("title", language),
        _summary=_translated("summary", language),
        _municipality=Coalesce("venue__municipality", "organisation__municipality"),
        _postcode=Coalesce("venue__postcode", "organisation__postcode"),
        _reduced=ExpressionWrapper(Q(reduced_price__isnull=False) | ~Q(reduced_schemes=[]), BooleanField()),
    )
    unused = [name for name in ROW_FIELDS if name in NEEDED_BY and not NEEDED_BY[name] & wanted]
    queryset = queryset.annotate(**{f"_unused_{name}": Value(None, CharField()) for name in unused})
    row_fields = [f"_unused_{name}" if name in unused else name for name in ROW_FIELDS]
    row_fields += SCHEDULE_FIELDS if "next_session" in wanted else []
    if "distance_km" in queryset.query.annotations:
        # PostgreSQL wants the ORDER BY of a SELECT DISTINCT (theme filter) in the select list.
        row_fields.append("distance_km")
    # The fallbacks of modeltranslation are done in SQL (_translated): skip its per-row rewriting.
    rows = list(queryset.rewrite(False).values_list(*row_fields))
    if not rows:
        return '{"type":"FeatureCollection","features":[]}'
    ids = [row[0] for row in rows] if len(rows) <= MAX_LISTED_IDS else queryset.values("pk")
    themes = languages = next_sessions = {}
    if "themes" in wanted:
        themes = _related_codes(
            Activity.themes.through, "theme", "slug", ids, ["theme__sort_order", "theme__slug"]
        )
    if "languages" in wanted:
        languages = _related_codes(
            Activity.spoken_languages.through, "spokenlanguage", "code", ids, ["spokenlanguage__code"]
        )
    if "next_session" in wanted:
        next_sessions = _next_sessions(rows, ids)
    url = _url_template(request) if "url" in wanted else ""
    subset = len(fields) != len(PROPERTIES)
    free, registration, none = PriceUnit.FREE.value, JoinMode.REGISTRATION.value, ()
    features = []
    append = features.append
    for (
        pk,
        title,
        summary,
        organisation,
        municipality,
        postcode,
        venue_id,
        latitude,
        longitude,
        wheelchair,
        pillar,
        min_age,
        max_age,
        price_unit,
        price,
        reduced,
        join_mode,
        capacity,
        confirmed_count,
        cancelled,
        *_schedule,
    ) in rows:
        properties = {
            "id": pk,
            "title": title,
            "summary": summary,
            "url": url and url.format(pk=pk, slug=_slug(title)),
            "organisation": organisation,
            "municipality": municipality,
            "postcode": postcode,
            "themes": themes.get(pk, none),
            "pillar": pillar,
            "min_age": min_age,
            "max_age": max_age,
            "free": price_unit == free or price == 0,
            "price": None if price is None else float(price),
            "price_unit": price_unit,
            "reduced_tariff": bool(reduced),
            "join_mode": join_mode,
            "places_left": (
                max(capacity - confirmed_count, 0)
                if join_mode == registration and capacity is not None
                else None
            ),
            "wheelchair": bool(wheelchair),
            "languages": languages.get(pk, none),
            "next_session": next_sessions.get(pk),
            "cancelled": cancelled,
        }
        if subset:
            properties = {name: properties[name] for name in fields}
        append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": (float(longitude), float(latitude))}
                if venue_id
                else None,
                "properties": properties,
            }
        )
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")
    )


def _related_codes(through, target, code_field, ids, order):
    """{activity id: [codes]} of a many-to-many relation, in one query."""
    codes = {}
    rows = (
        through.objects.filter(activity_id__in=ids)
        .order_by(*order)
        .values_list("activity_id", f"{target}__{code_field}")
    )
    for activity_id, code in rows:
        codes.setdefault(activity_id, []).append(code)
    return codes


def _next_sessions(rows, ids):
    """{activity id: ISO start of the next session}, by Activity.schedule()'s rules, with the
    cancellations and holidays loaded once for all rows. Activities without cancellations that
    share a schedule from today on (a term's Wednesdays) share the computation."""
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    cancellations = {}
    for activity_id, day in ActivityCancellation.objects.filter(
        activity_id__in=ids, date__gte=today
    ).values_list("activity_id", "date"):
        cancellations.setdefault(activity_id, set()).add(day)
    start, end = len(ROW_FIELDS), len(ROW_FIELDS) + len(SCHEDULE_FIELDS)
    skips = start + SCHEDULE_FIELDS.index("skip_school_holidays")
    holidays = _holidays() if any(row[skips] for row in rows) else {}
    one_off, weekly = ScheduleKind.ONE_OFF.value, ScheduleKind.WEEKLY.value
    found = {}
    known = {}
    for row in rows:
        pk, cancelled = row[0], row[CANCELLED]
        if cancelled:
            continue
        kind, start_date, end_date, weekdays, start_time, skip_holidays, school_system = row[start:end]
        skipped = holidays.get(school_system, []) if skip_holidays and kind == weekly else []
        key = None
        if pk not in cancellations:
            # Sessions before today do not count, so periods that started earlier are the same.
            first = start_date if kind == one_off or end_date is None else max(start_date, today)
            key = (kind, first, end_date, weekdays, start_time, school_system if skipped else None)
            if key in known:
                if known[key]:
                    found[pk] = known[key]
                continue
        schedule = Schedule(
            kind=kind,
            start_date=start_date,
            end_date=end_date,
            weekdays=weekdays,
            start_time=start_time,
            end_time=start_time,  # not needed for the start
            cancelled=cancellations.get(pk, set()),
            holidays=skipped,
        )
        next_start = None
        for day in schedule.dates(start=today, limit=1):
            next_start = found[pk] = _start(day, start_time, zone)
        if key:
            known[key] = next_start
    return found


# --- One activity ----------------------------------------------------------------------------


@router.get(
    "/activities/{activity_id}",
    response={200: ActivityDetailFeature, 400: ErrorSchema, 404: ErrorSchema},
    summary="One published activity as a GeoJSON Feature",
    description="More detail than in the collection: description, the next sessions, venue, contact.",
    openapi_extra={"parameters": [LANG_PARAMETER], "x-media-type": GEOJSON},
)
def get_activity(
    request,
    activity_id: int = Path(..., description="The number of the activity (properties.id)."),
):
    language, errors = response_language(request)
    with translation.override(language):
        if errors:
            return vary_on_language(_invalid(errors), request)
        activity = (
            Activity.objects.published()
            .for_listing()
            .prefetch_related("cancellations")
            .filter(pk=activity_id)
            .first()
        )
        if activity is None:
            # The API's 404 handler (village.api) answers in JSON.
            raise Http404(gettext("There is no published activity with this number."))
        body = json.dumps(_detail(request, activity), ensure_ascii=False, separators=(",", ":"))
    return vary_on_language(_geojson_response(body, language), request)


def _detail(request, activity):
    """The Feature of one activity (the active language is the response language)."""
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    venue = activity.venue
    sessions = [] if activity.cancelled else activity.next_sessions(5, today=today)
    places_left = activity.places_left
    spoken = sorted(activity.spoken_languages.all(), key=lambda language: language.code)
    properties = {
        "id": activity.pk,
        "title": activity.title,
        "summary": activity.summary,
        "url": request.build_absolute_uri(activity.get_absolute_url()),
        "organisation": activity.organisation.name,
        "municipality": venue.municipality if venue else activity.organisation.municipality,
        "postcode": venue.postcode if venue else activity.organisation.postcode,
        "themes": [theme.slug for theme in activity.themes.all()],
        "pillar": activity.pillar,
        "min_age": activity.min_age,
        "max_age": activity.max_age,
        "free": activity.is_free,
        "price": _price(activity.price),
        "price_unit": activity.price_unit,
        "reduced_tariff": activity.has_reduced_tariff,
        "join_mode": activity.join_mode,
        "places_left": places_left,
        "wheelchair": bool(venue and venue.wheelchair_accessible),
        "languages": [language.code for language in spoken],
        "next_session": _start(sessions[0].date, activity.start_time, zone) if sessions else None,
        "cancelled": activity.cancelled,
        "description": activity.description or "",
        "audiences": [
            code
            for code, flag in zip(
                AUDIENCES,
                (
                    activity.for_children,
                    activity.for_youths,
                    activity.for_parents,
                    activity.for_families,
                    activity.for_professionals,
                ),
                strict=True,
            )
            if flag
        ],
        "next_sessions": [
            {"start": _start(s.date, s.start_time, zone), "end": _start(s.date, s.end_time, zone)}
            for s in sessions
        ],
        "cancelled_dates": [
            {"date": c.date.isoformat(), "reason": c.reason or ""}
            for c in sorted(activity.cancellations.all(), key=lambda c: c.date)
            if c.date >= today
        ],
        "venue": (
            {
                "name": venue.name,
                "address": venue.address,
                "street": venue.street,
                "postcode": venue.postcode,
                "municipality": venue.municipality,
                "directions": venue.directions or "",
                "wheelchair_accessible": venue.wheelchair_accessible,
            }
            if venue
            else None
        ),
        "is_online": activity.is_online,
        "organisation_phone": activity.organisation.phone,
        "contact_phone": activity.contact_phone,
        "contact_email": activity.contact_email,
        "schedule_kind": activity.schedule_kind,
        "start_date": activity.start_date.isoformat(),
        "end_date": activity.end_date.isoformat() if activity.end_date else None,
        "weekdays": [DAYS[day] for day in range(7) if activity.weekdays & (1 << day)],
        "start_time": activity.start_time.strftime("%H:%M"),
        "end_time": activity.end_time.strftime("%H:%M"),
        "skip_school_holidays": activity.skip_school_holidays,
        "language_names": [language.name for language in spoken],
        "interpreter_available": activity.interpreter_available,
        "reduced_price": _price(activity.reduced_price),
        "reduced_schemes": list(activity.reduced_schemes or []),
        "image_alt": activity.image.default_alt_text if activity.image else None,
    }
    return {
        "type": "Feature",
        "geometry": _coordinates(venue.longitude, venue.latitude) if venue else None,
        "properties": properties,
    }
