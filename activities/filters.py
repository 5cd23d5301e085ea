"""The activity filters, shared by the finder page and the open-data API.

One form validates the query string (so a bad value gets a clear, translated message naming
the parameter) and turns it into ORM filters. The filters live in the URL.
"""

import math
from datetime import time

from django import forms
from django.db.models import Exists, F, FloatField, OuterRef, Q, Value
from django.db.models.functions import ACos, Cast, Cos, Greatest, Least, Radians, Sin
from django.utils.translation import gettext_lazy as _

from village import geo

from .fields import WEEKDAY_CHOICES
from .models import Activity, JoinMode, Pillar, PriceUnit, ScheduleKind, SpokenLanguage, Theme

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY_CHOICES = [(DAYS[number], label) for number, label in WEEKDAY_CHOICES]
TIME_CHOICES = [
    ("lunch", _("Lunch break")),
    ("after_school", _("After school")),
    ("wednesday_afternoon", _("Wednesday afternoon")),
    ("evening", _("Evening")),
    ("weekend", _("Weekend")),
    ("holidays", _("School holidays")),
]
WEEKDAYS_MASK = 0b0011111
WEEKEND_MASK = 0b1100000
WEDNESDAY_MASK = 0b0000100
EARTH_RADIUS_KM = 6371.0
DEFAULT_RADIUS_KM = 3


def _overlaps(start, end):
    """Sessions that overlap the period start–end of a day."""
    return Q(start_time__lt=end, end_time__gt=start)


TIME_FILTERS = {
    "lunch": (WEEKDAYS_MASK, _overlaps(time(12, 0), time(13, 30))),
    "after_school": (WEEKDAYS_MASK, _overlaps(time(15, 0), time(18, 0))),
    "wednesday_afternoon": (WEDNESDAY_MASK, Q(end_time__gt=time(12, 0))),
    "evening": (None, Q(end_time__gt=time(18, 0))),
    "weekend": (WEEKEND_MASK, Q()),
    "holidays": (None, Q(schedule_kind=ScheduleKind.CAMP)),
}


class PointField(forms.CharField):
    """'lat,lon' in decimal degrees."""

    default_error_messages = {"invalid": _("Give a point as latitude,longitude, for example 50.85,4.35.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            lat, lon = (float(part) for part in value.split(","))
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
        if not geo.is_point(lat, lon):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return lat, lon


class BoxField(forms.CharField):
    """'minLon,minLat,maxLon,maxLat' in decimal degrees."""

    default_error_messages = {
        "invalid": _("Give a box as minLon,minLat,maxLon,maxLat, for example 4.30,50.82,4.40,50.87.")
    }

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
        corners = geo.is_point(min_lat, min_lon) and geo.is_point(max_lat, max_lon)
        if not (corners and min_lon <= max_lon and min_lat <= max_lat):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return min_lon, min_lat, max_lon, max_lat


class FlagInput(forms.CheckboxInput):
    """A checkbox that reads free=0, free=false, free=no and free=off in a URL as unticked."""

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if isinstance(value, str) and value.strip().lower() in ("", "0", "false", "no", "off"):
            return False
        return super().value_from_datadict(data, files, name)


class FlagField(forms.BooleanField):
    widget = FlagInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)


def theme_choices():
    return [(theme.slug, theme.name) for theme in Theme.objects.all()]


def language_choices():
    return [(language.code, language.name) for language in SpokenLanguage.objects.all()]


class ActivityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    pillar = forms.ChoiceField(
        label=_("Kind of offer"), required=False, choices=[("", _("All"))] + Pillar.choices
    )
    theme = forms.MultipleChoiceField(label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple)
    age = forms.IntegerField(label=_("Age"), required=False, min_value=0, max_value=99)
    day = forms.ChoiceField(label=_("Day"), required=False, choices=[("", _("Any day"))] + DAY_CHOICES)
    time = forms.ChoiceField(
        label=_("Time of day"), required=False, choices=[("", _("Any time"))] + TIME_CHOICES
    )
    free = FlagField(label=_("Free"))
    reduced = FlagField(label=_("Reduced tariff"))
    language = forms.ChoiceField(label=_("Language spoken"), required=False, choices=language_choices)
    wheelchair = FlagField(label=_("Wheelchair accessible"))
    municipality = forms.CharField(label=_("Municipality or postcode"), required=False, max_length=80)
    near = PointField(label=_("Near"), required=False, max_length=60)
    radius_km = forms.FloatField(label=_("Within (km)"), required=False, min_value=0.1, max_value=50)
    places = FlagField(label=_("Only with free places"))
    bbox = BoxField(label=_("Map area"), required=False, max_length=120)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once per form: a callable would query again for every value it validates.
        self.fields["theme"].choices = theme_choices()
        self.fields["language"].choices = [("", _("Any language"))] + language_choices()

    @property
    def is_filtered(self):
        return self.is_valid() and any(
            value not in (None, "", [], False) for value in self.cleaned_data.values()
        )

    def filter(self, queryset):
        """Apply the valid filters to a queryset of activities (call is_valid() first)."""
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(text_query(data["q"]))
        if data.get("pillar"):
            queryset = queryset.filter(pillar=data["pillar"])
        if data.get("theme"):
            # EXISTS rather than a join: no duplicates, so no DISTINCT to fight the ordering.
            with_theme = Activity.themes.through.objects.filter(
                activity_id=OuterRef("pk"), theme__slug__in=data["theme"]
            )
            queryset = queryset.filter(Exists(with_theme))
        if data.get("age") is not None:
            age = data["age"]
            queryset = queryset.filter(
                Q(min_age__isnull=True) | Q(min_age__lte=age), Q(max_age__isnull=True) | Q(max_age__gte=age)
            )
        if data.get("day"):
            queryset = with_days(queryset, 1 << DAYS.index(data["day"]))
        if data.get("time"):
            mask, condition = TIME_FILTERS[data["time"]]
            if mask is not None:
                queryset = with_days(queryset, mask)
            queryset = queryset.filter(condition)
        if data.get("free"):
            queryset = queryset.filter(Q(price_unit=PriceUnit.FREE) | Q(price=0))
        if data.get("reduced"):
            queryset = queryset.filter(Q(reduced_price__isnull=False) | ~Q(reduced_schemes=[]))
        if data.get("language"):
            queryset = queryset.filter(spoken_languages__code=data["language"])
        if data.get("wheelchair"):
            queryset = queryset.filter(venue__wheelchair_accessible=True)
        if data.get("municipality"):
            names = municipality_names(data["municipality"])
            condition = Q(venue__postcode__iexact=data["municipality"].strip())
            for name in names:
                condition |= Q(venue__municipality__iexact=name)
                condition |= Q(organisation__municipality__iexact=name, venue__isnull=True)
            queryset = queryset.filter(condition)
        if data.get("places"):
            queryset = queryset.filter(join_mode=JoinMode.REGISTRATION, confirmed_count__lt=F("capacity"))
        if data.get("bbox"):
            min_lon, min_lat, max_lon, max_lat = data["bbox"]
            queryset = queryset.filter(
                venue__latitude__gte=min_lat,
                venue__latitude__lte=max_lat,
                venue__longitude__gte=min_lon,
                venue__longitude__lte=max_lon,
            )
        if data.get("near"):
            queryset = near(queryset, *data["near"], data.get("radius_km") or DEFAULT_RADIUS_KM)
        return queryset


# Brussels municipalities have a Dutch and a French name; either finds the other.
BRUSSELS_MUNICIPALITIES = [
    ("Anderlecht", "Anderlecht"),
    ("Brussel", "Bruxelles"),
    ("Elsene", "Ixelles"),
    ("Etterbeek", "Etterbeek"),
    ("Evere", "Evere"),
    ("Ganshoren", "Ganshoren"),
    ("Jette", "Jette"),
    ("Koekelberg", "Koekelberg"),
    ("Oudergem", "Auderghem"),
    ("Schaarbeek", "Schaerbeek"),
    ("Sint-Agatha-Berchem", "Berchem-Sainte-Agathe"),
    ("Sint-Gillis", "Saint-Gilles"),
    ("Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean"),
    ("Sint-Joost-ten-Node", "Saint-Josse-ten-Noode"),
    ("Sint-Lambrechts-Woluwe", "Woluwe-Saint-Lambert"),
    ("Sint-Pieters-Woluwe", "Woluwe-Saint-Pierre"),
    ("Ukkel", "Uccle"),
    ("Vorst", "Forest"),
    ("Watermaal-Bosvoorde", "Watermael-Boitsfort"),
]
_NAMES = {name.casefold(): pair for pair in BRUSSELS_MUNICIPALITIES for name in pair}
_NAMES.update({"molenbeek": _NAMES["sint-jans-molenbeek"], "brussels": _NAMES["brussel"]})


def municipality_names(place):
    """All names of a municipality, in Dutch and French."""
    place = place.strip()
    return set(_NAMES.get(place.casefold(), (place,)))


def text_query(text):
    """Words in the title or summary in any language, or in the organisation's name."""
    condition = Q()
    for word in text.split()[:8]:
        word_condition = Q(organisation__name__icontains=word)
        for language in ("nl", "fr", "en"):
            word_condition |= Q(**{f"title_{language}__icontains": word})
            word_condition |= Q(**{f"summary_{language}__icontains": word})
        condition &= word_condition
    return condition


def with_days(queryset, mask):
    """Activities with a session on one of the weekdays in the mask."""
    name = f"days_{mask}"
    return queryset.alias(**{name: F("session_weekdays").bitand(mask)}).filter(**{f"{name}__gt": 0})


def near(queryset, lat, lon, radius_km):
    """Activities at a venue within radius_km of a point, nearest first (great-circle distance)."""
    lat_margin = radius_km / 111.0
    lon_margin = radius_km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
    queryset = queryset.filter(
        venue__latitude__range=(lat - lat_margin, lat + lat_margin),
        venue__longitude__range=(lon - lon_margin, lon + lon_margin),
    )
    venue_lat = Cast("venue__latitude", FloatField())
    venue_lon = Cast("venue__longitude", FloatField())
    cosine = Sin(Radians(Value(lat))) * Sin(Radians(venue_lat)) + Cos(Radians(Value(lat))) * Cos(
        Radians(venue_lat)
    ) * Cos(Radians(venue_lon) - Radians(Value(lon)))
    # Rounding can push the cosine just past ±1; clamp it before ACos.
    distance = Value(EARTH_RADIUS_KM) * ACos(Least(Greatest(cosine, Value(-1.0)), Value(1.0)))
    return queryset.annotate(distance_km=distance).filter(distance_km__lte=radius_km).order_by("distance_km")
