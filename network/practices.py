"""Good practices: a library in the field's case-study format.

A member writes a practice for their network; it is visible to that network's members, or to
everyone once its author (or a facilitator) chooses "Everyone". The library lists what the
visitor may see (public practices, plus those of their own networks), with keyword search in
three languages (practice_search.py) and filters; a network-only practice is a 404 for
everyone outside its network, and never appears in lists, sitemaps or the API for them.

Forms, services and views live together here: there are few of each.
"""

import re

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from activities.models import Activity
from village.forms import MAX_KEY

from .access import member_or_404, object_or_404
from .models import Network, Practice, PracticeAge, PracticeVisibility
from .practice_search import search_practices

PER_PAGE = 20
# The field's case-study format, in reading order: (field, heading). The detail page and the
# form both follow it.
CASE_STUDY_SECTIONS = [
    ("goal", _("Goal")),
    ("audience", _("Audience")),
    ("vision", _("Vision")),
    ("activities_text", _("Activities")),
    ("method", _("Method")),
    ("partners", _("Partners")),
    ("funding", _("Funding")),
    ("success_factors", _("Success factors")),
    ("obstacles", _("Obstacles")),
    ("contact", _("Contact")),
]
ACTIVITY_ADDRESS_RE = re.compile(r"/activity/(\d+)")
MAX_LINKED_ACTIVITIES = 30


# --- Reading ------------------------------------------------------------------------------------


def library_queryset(user):
    """What a person may see in the library, with what a list shows, in a fixed number of
    queries: public practices and those of the person's networks."""
    return Practice.objects.visible_to(user).select_related("network").prefetch_related("tags")


def visible_practice_or_404(user, pk):
    practice = (
        library_queryset(user)
        .prefetch_related("activities__venue", "activities__organisation")
        .filter(pk=pk)
        .first()
    )
    if practice is None:
        raise Http404
    return practice


class PracticeFilterForm(forms.Form):
    """Search words and filters of the library, in the address bar."""

    q = forms.CharField(label=_("Search words"), required=False, max_length=100)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    age = forms.ChoiceField(
        label=_("Age"),
        required=False,
        choices=[
            ("", _("All ages")),
            (PracticeAge.UNDER_12, _("Under 12")),
            (PracticeAge.OVER_12, _("12 and over")),
        ],
    )
    network = forms.ChoiceField(label=_("Learning network"), required=False)

    def __init__(self, *args, visible=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["q"].widget = forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"})
        visible = visible if visible is not None else Practice.objects.none()
        # The choices come from what the visitor may see: no network or tag of a private
        # practice shows through to outsiders.
        tags = Tag.objects.filter(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(Practice),
            taggit_taggeditem_items__object_id__in=visible.values("pk"),
        )
        self.fields["tag"].choices = [("", _("All tags"))] + [
            (tag.slug, tag.name) for tag in tags.distinct().order_by("name")
        ]
        regions = visible.exclude(region="").order_by("region").values_list("region", flat=True).distinct()
        self.fields["region"].choices = [("", _("All regions"))] + [(region, region) for region in regions]
        networks = Network.objects.filter(pk__in=visible.values("network_id")).order_by("slug")
        self.fields["network"].choices = [("", _("All networks"))] + [
            (network.slug, network.name) for network in networks
        ]

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("tag"):
            queryset = queryset.filter(tags__slug=data["tag"])
        if data.get("region"):
            queryset = queryset.filter(region=data["region"])
        if data.get("age"):
            queryset = queryset.filter(age__in=[data["age"], PracticeAge.BOTH])
        if data.get("network"):
            queryset = queryset.filter(network__slug=data["network"])
        return search_practices(queryset, data.get("q"))

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.cleaned_data.values())


# --- Writing ------------------------------------------------------------------------------------


def parse_activity_references(text):
    """Activity numbers from pasted addresses ('/nl/activity/12-huiswerkklas/') or numbers."""
    numbers = []
    for line in re.split(r"[\s,;]+", text or ""):
        if not line:
            continue
        match = ACTIVITY_ADDRESS_RE.search(line) or re.fullmatch(r"#?(\d+)", line)
        digits = match.group(1) if match else ""
        # No key has more digits than the largest (and SQLite fails on larger numbers).
        if not digits or len(digits) > len(str(MAX_KEY)) or int(digits) > MAX_KEY:
            raise ValidationError(
                _("“%(text)s” is not the address or the number of an activity."), params={"text": line[:60]}
            )
        numbers.append(int(digits))
    return list(dict.fromkeys(numbers))


# The free-text parts of a practice, in the field's format.
TEXT_FIELDS = (
    "goal",
    "audience",
    "vision",
    "activities_text",
    "method",
    "partners",
    "funding",
    "success_factors",
    "obstacles",
    "contact",
)


class PracticeForm(forms.ModelForm):
    activity_links = forms.CharField(
        label=_("Activities on the map"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Paste the addresses of activity pages (or their numbers), one per line. "
            "Only published activities can be linked."
        ),
    )

    class Meta:
        model = Practice
        fields = [
            "title",
            "language",
            "goal",
            "audience",
            "age",
            "strategy_level",
            "vision",
            "activities_text",
            "method",
            "partners",
            "funding",
            "success_factors",
            "obstacles",
            "contact",
            "region",
            "tags",
            "visibility",
        ]
        widgets = {field: forms.Textarea(attrs={"rows": 4}) for field in TEXT_FIELDS}
        widgets["visibility"] = forms.RadioSelect
        widgets["age"] = forms.RadioSelect

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["tags"].help_text = _("Words that describe the practice, separated by commas.")
        self.fields["tags"].required = False
        self.fields["contact"].help_text = _(
            "How others can reach the people behind the practice. Public practices show it to everyone."
        )
        self.fields["visibility"].help_text = _(
            "“Everyone” puts the practice in the public library; you can change this later."
        )
        if self.instance.pk:
            self.fields["activity_links"].initial = "\n".join(
                reverse("activities:short", kwargs={"pk": pk})
                for pk in self.instance.activities.order_by("pk").values_list("pk", flat=True)
            )
        else:
            self.fields["language"].initial = (get_language() or "nl")[:2]

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        limit = Tag._meta.get_field("name").max_length
        if any(len(tag) > limit for tag in tags):
            raise ValidationError(_("A tag can have at most %(count)s characters."), params={"count": limit})
        return tags

    def clean_activity_links(self):
        numbers = parse_activity_references(self.cleaned_data.get("activity_links"))
        if len(numbers) > MAX_LINKED_ACTIVITIES:
            raise ValidationError(
                _("Link at most %(count)s activities."), params={"count": MAX_LINKED_ACTIVITIES}
            )
        found = list(Activity.objects.published().filter(pk__in=numbers))
        missing = sorted(set(numbers) - {activity.pk for activity in found})
        if missing:
            raise ValidationError(
                _("No published activity has the number %(numbers)s."),
                params={"numbers": ", ".join(str(number) for number in missing)},
            )
        return found


def _unique_slug(title):
    return slugify(title)[:190] or "practice"


@transaction.atomic
def save_practice(*, actor, form, network=None):
    """Create (with `network`) or update the practice of a valid PracticeForm.

    The author is the person who created it; `published_at` records when it first became
    public (and is cleared when it goes back to the network only).
    """
    practice = form.save(commit=False)
    if network is not None and practice.pk is None:
        practice.network = network
        practice.author = actor
    practice.slug = _unique_slug(practice.title)
    if practice.visibility == PracticeVisibility.PUBLIC:
        practice.published_at = practice.published_at or timezone.now()
    else:
        practice.published_at = None
    practice.save()
    form.save_m2m()
    practice.activities.set(form.cleaned_data.get("activity_links") or [])
    return practice


# --- Views --------------------------------------------------------------------------------------


def practice_list(request, slug=None):
    """The library: everyone sees public practices; members also see their networks' ones.

    Under /networks/<slug>/practices/ it is the list of one network, for its members only.
    """
    network = None
    visible = Practice.objects.visible_to(request.user)
    if slug is not None:
        network = member_or_404(request, slug).network
        visible = Practice.objects.for_network(network)
    form = PracticeFilterForm(request.GET or None, visible=visible)
    practices = visible.select_related("network").prefetch_related("tags")
    if form.is_bound and form.is_valid():
        practices = form.filter(practices)
    elif not form.is_bound:
        practices = practices.order_by("-updated_at", "pk")
    else:
        practices = practices.none()
    page = Paginator(practices, PER_PAGE).get_page(request.GET.get("page"))
    member_networks = list(Network.objects.for_member(request.user).order_by("slug"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "network/practice_list.html" if network else "network/practice_library.html",
        {
            "form": form,
            "page": page,
            "network": network,
            "member_networks": member_networks,
            "query_string": query.urlencode(),
            "age_labels": dict(PracticeAge.choices),
        },
    )


def practice_detail(request, pk):
    practice = visible_practice_or_404(request.user, pk)
    sections = [
        (label, getattr(practice, field)) for field, label in CASE_STUDY_SECTIONS if getattr(practice, field)
    ]
    activities = [activity for activity in practice.activities.all() if activity.live]
    return render(
        request,
        "network/practice_detail.html",
        {
            "practice": practice,
            "sections": sections,
            "linked_activities": activities,
            "can_edit": request.user.has_perm("network.edit_practice", practice),
            "is_member": request.user.has_perm("network.view", practice.network),
        },
    )


def practice_create(request, slug):
    membership = member_or_404(request, slug)
    network = membership.network
    form = PracticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        practice = save_practice(actor=request.user, form=form, network=network)
        messages.success(request, gettext("The good practice is saved."))
        return redirect("network:practice_detail", pk=practice.pk)
    return render(request, "network/practice_form.html", {"form": form, "network": network, "practice": None})


def practice_edit(request, slug, pk):
    membership = member_or_404(request, slug)
    network = membership.network
    practice = object_or_404(Practice.objects.all(), network, pk=pk)
    if not request.user.has_perm("network.edit_practice", practice):
        raise PermissionDenied
    form = PracticeForm(request.POST or None, instance=practice)
    if request.method == "POST" and form.is_valid():
        save_practice(actor=request.user, form=form)
        messages.success(request, gettext("The good practice is saved."))
        return redirect("network:practice_detail", pk=practice.pk)
    return render(
        request, "network/practice_form.html", {"form": form, "network": network, "practice": practice}
    )


def practice_counts(network):
    """How many practices a network has, and how many of them are public (one query)."""
    return Practice.objects.for_network(network).aggregate(
        total=Count("pk"), public=Count("pk", filter=Q(visibility=PracticeVisibility.PUBLIC))
    )
