"""Regional overview of a learning network: where is the offer thin?

From the published activities whose venue's postcode lies in the network's region, count
activities per theme × age group × municipality, and show the gaps (a theme or an age group
without any offer in a municipality). Everything is counted in the database in a fixed number
of queries (values(...).annotate(Count(..., filter=...))), whatever the number of activities.

An activity counts in an age group when its age range overlaps the group's; an activity without
ages counts in every children's group when it is for children, young people or families.
"Parents" counts activities for parents or families, or from 18 years on. Online activities
have no venue and no place in a region, so they are left out.
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from activities.filters import BRUSSELS_MUNICIPALITIES
from activities.models import Activity, Pillar, Theme

from .access import member_or_404


@dataclass(frozen=True)
class AgeGroup:
    key: str
    label: str
    short_label: str
    low: int | None = None
    high: int | None = None

    def condition(self):
        if self.low is None:  # parents and other adults
            return Q(for_parents=True) | Q(for_families=True) | Q(min_age__gte=18)
        young = (
            Q(for_children=True)
            | Q(for_youths=True)
            | Q(for_families=True)
            | Q(min_age__isnull=False)
            | Q(max_age__isnull=False)
        )
        return (
            young
            & (Q(min_age__isnull=True) | Q(min_age__lte=self.high))
            & (Q(max_age__isnull=True) | Q(max_age__gte=self.low))
        )


# Ranges compared with the ages activities announce (not stored, no choice a person makes), as
# README "Regional overview" describes them; a case's child has the coarser network.models.AgeBand
# and an idea's author participation.models.AgeBand.
AGE_GROUPS = [
    AgeGroup("0_5", _("0–5 years"), "0–5", 0, 5),
    AgeGroup("6_11", _("6–11 years"), "6–11", 6, 11),
    AgeGroup("12_15", _("12–15 years"), "12–15", 12, 15),
    AgeGroup("16_18", _("16–18 years"), "16–18", 16, 18),
    AgeGroup("parents", _("Parents and adults"), _("Parents")),
]

# Dutch and French names of a Brussels municipality are one place.
_CANONICAL = {name.casefold(): pair for pair in BRUSSELS_MUNICIPALITIES for name in pair}


def municipality_key(name):
    """One key for 'Sint-Gillis' and 'Saint-Gilles' (and for 'ANDERLECHT ' and 'Anderlecht')."""
    name = (name or "").strip()
    pair = _CANONICAL.get(name.casefold())
    return pair[0] if pair else name.title() if name.isupper() or name.islower() else name


def municipality_label(key):
    pair = _CANONICAL.get(key.casefold())
    if pair is None:
        return key
    return pair[1] if (get_language() or "nl")[:2] == "fr" else pair[0]


@dataclass
class Row:
    """Counts of one theme (or of all themes) in one municipality, per age group."""

    label: str
    counts: list = field(default_factory=list)  # [(AgeGroup, count)] in AGE_GROUPS order

    @property
    def gaps(self):
        return [group for group, count in self.counts if count == 0]

    @property
    def total_gaps(self):
        return len(self.gaps)


@dataclass
class Municipality:
    key: str
    label: str
    total: int = 0
    totals: Row = None  # all themes together
    themes: list = field(default_factory=list)  # [Row], one per theme, in theme order

    @property
    def gap_count(self):
        return sum(row.total_gaps for row in self.themes)

    @property
    def empty_themes(self):
        return [row.label for row in self.themes if all(count == 0 for _group, count in row.counts)]


class OverviewFilterForm(forms.Form):
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    pillar = forms.ChoiceField(
        label=_("Kind of offer"), required=False, choices=[("", _("All kinds"))] + Pillar.choices
    )

    def __init__(self, *args, municipalities=(), **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("All municipalities"))] + [
            (key, municipality_label(key)) for key in municipalities
        ]


def region_activities(network):
    """Published activities at a venue in the network's region."""
    return Activity.objects.published().filter(network.postcode_q("venue__postcode"))


def _group_counts():
    return {f"g_{group.key}": Count("pk", filter=group.condition()) for group in AGE_GROUPS}


def build_overview(network, *, pillar=""):
    """The overview of a network's region: (list of Municipality, themes). Three queries,
    whatever the number of activities."""
    activities = region_activities(network)
    if pillar:
        activities = activities.filter(pillar=pillar)
    # 1. Every municipality of the region with an offer, with its totals per age group.
    totals = (
        activities.values("venue__municipality").annotate(total=Count("pk"), **_group_counts()).order_by()
    )
    # 2. The themes, in the field's order.
    themes = list(Theme.objects.order_by("sort_order", "slug"))
    # 3. Counts per municipality × theme × age group.
    per_theme = (
        activities.filter(themes__isnull=False)
        .values("venue__municipality", "themes")
        .annotate(**_group_counts())
        .order_by()
    )
    places, place_counts = {}, {}
    for row in totals:
        key = municipality_key(row["venue__municipality"])
        place = places.setdefault(key, Municipality(key=key, label=municipality_label(key)))
        place.total += row["total"]
        place_counts[key] = _add(place_counts.get(key, {}), row)
    theme_counts = {}
    for row in per_theme:
        key = (municipality_key(row["venue__municipality"]), row["themes"])
        theme_counts[key] = _add(theme_counts.get(key, {}), row)
    for key, place in places.items():
        place.totals = Row(label=str(_("All themes")), counts=_counts(place_counts[key]))
        place.themes = [
            Row(label=theme.name, counts=_counts(theme_counts.get((key, theme.pk), {}))) for theme in themes
        ]
    return sorted(places.values(), key=lambda place: place.label.casefold()), themes


def _add(counts, row):
    counts = dict(counts)
    for group in AGE_GROUPS:
        name = f"g_{group.key}"
        counts[name] = counts.get(name, 0) + row[name]
    return counts


def _counts(counts):
    return [(group, counts.get(f"g_{group.key}", 0)) for group in AGE_GROUPS]


def heatmap(places, *, cell=64, label_width=150, row_height=34, header=44):
    """Geometry of the SVG heatmap (municipality × age group, all themes): cells with the count
    and a shade; the template draws them. Gaps are hatched and read "0"."""
    peak = max((count for place in places for _group, count in place.totals.counts), default=0) or 1
    rows = []
    for index, place in enumerate(places):
        y = header + index * row_height
        cells = []
        for column, (group, count) in enumerate(place.totals.counts):
            level = 0 if count == 0 else 1 + min(3, int(3 * count / peak))
            x = label_width + column * cell
            cells.append({"x": x, "cx": x + (cell - 4) // 2, "count": count, "level": level, "group": group})
        rows.append({"y": y, "label": place.label, "cells": cells})
    columns = [
        {"x": label_width + column * cell + (cell - 4) // 2, "label": group.short_label}
        for column, group in enumerate(AGE_GROUPS)
    ]
    return {
        "width": label_width + cell * len(AGE_GROUPS) + 8,
        "height": header + row_height * len(places) + 8,
        "cell": cell - 4,
        "row_height": row_height - 4,
        "rows": rows,
        "columns": columns,
        "label_width": label_width,
    }


def overview(request, slug):
    """The regional overview of a network, for its members only."""
    network = member_or_404(request, slug).network
    # The municipality's choices come from the overview itself: validate the pillar first.
    data = request.GET
    pillar = data.get("pillar", "")
    if pillar not in Pillar.values:
        pillar = ""
    places, themes = build_overview(network, pillar=pillar)
    form = OverviewFilterForm(data or None, municipalities=[place.key for place in places])
    if form.is_bound and form.is_valid() and form.cleaned_data["municipality"]:
        municipality = form.cleaned_data["municipality"]
        places = [place for place in places if place.key == municipality]
    else:
        municipality = ""
    return render(
        request,
        "network/overview.html",
        {
            "network": network,
            "form": form,
            "places": places,
            "themes": themes,
            "age_groups": AGE_GROUPS,
            "heatmap": heatmap(places),
            "activity_count": sum(place.total for place in places),
            "has_region": bool(network.postcode_range_list()),
            "municipality": municipality,
        },
    )
