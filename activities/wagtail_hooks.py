"""The activities admin: partners write activities and venues, moderators and editors review.

Everything lives in one "Activities" menu. Partners see only their organisations' items (the
permission policy in permissions.py, plus a 404 guard on every URL of one item); their
changes go through the "Activity review" workflow because they cannot publish.
"""

import functools

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import ListingButton
from wagtail.models import WorkflowState
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from village.panels import TranslationStatusPanel, per_language

from . import admin_views
from .admin_forms import ActivityAdminForm, VenueAdminForm
from .models import (
    LANGUAGE_CHOICES,
    Activity,
    JoinMode,
    SchoolHoliday,
    SpokenLanguage,
    Theme,
    Venue,
)
from .permissions import (
    OrganisationPermissionPolicy,
    organisations_for,
    partner_organisation_ids,
    scoped_queryset,
    sees_all_organisations,
)
from .services import schedules_for
from .widgets import MapPickerWidget

# Before any view asks for the policy: Wagtail refuses a late registration.
register_permission_policy(Activity, OrganisationPermissionPolicy(Activity))
register_permission_policy(Venue, OrganisationPermissionPolicy(Venue))

STATUS_LABELS = {
    "draft": _("Draft"),
    "in_review": _("Waiting for review"),
    "published": _("Published"),
    "cancelled": _("Cancelled"),
    "ended": _("Ended"),
}


def only_own_items(view, model):
    """404 for an item of another organisation, on every URL that names one item."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        try:
            allowed = scoped_queryset(request.user, model).filter(pk=unquote(str(kwargs["pk"]))).exists()
        except (ValueError, ValidationError):
            allowed = False
        if not allowed:
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


class ScopedChooseMixin:
    def get_object_list(self):
        return scoped_queryset(self.request.user, self.model_class)


class ScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type("ScopedChooseView", (ScopedChooseMixin, ChooseView), {})
    choose_results_view_class = type("ScopedChooseResultsView", (ScopedChooseMixin, ChooseResultsView), {})


class OrganisationScopedViewSet(SnippetViewSet):
    """A snippet viewset whose items belong to organisations (see permissions.py)."""

    chooser_viewset_class = ScopedChooserViewSet

    def get_queryset(self, request):
        return scoped_queryset(request.user, self.model).select_related("organisation")

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "pk" in pattern.pattern.regex.groupindex:
                pattern.callback = only_own_items(pattern.callback, self.model)
        return patterns


# --- Activities ------------------------------------------------------------------------------


def organisation_choices(request):
    if request is None:
        from organisations.models import Organisation

        return Organisation.objects.none()
    return organisations_for(request.user).order_by("name")


class ActivityFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(label=_("Organisation"), queryset=organisation_choices)

    class Meta:
        model = Activity
        fields = ["organisation", "pillar", "live"]


class ActivityIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .prefetch_related(
                "cancellations",
                Prefetch(
                    "_workflow_states",
                    queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
                    to_attr="_current_workflow_states",
                ),
            )
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        object_list = list(object_list)
        today = timezone.localdate()
        # School holidays are loaded once for the page, not once per row.
        schedules = schedules_for(object_list)
        for activity in object_list:
            sessions = schedules[activity.pk].sessions(start=today, limit=1)
            activity.admin_next_session = sessions[0] if sessions else None
        page.object_list = object_list
        return paginator, page, object_list, is_paginated


def status_label(activity):
    return STATUS_LABELS.get(activity.status, activity.status)


def next_session_label(activity):
    session = getattr(activity, "admin_next_session", None)
    if session is None:
        return "—"
    return f"{formats.date_format(session.date, 'D j M')} {session.start_time:%H:%M}"


def places_label(activity):
    if activity.join_mode != JoinMode.REGISTRATION or activity.capacity is None:
        return "—"
    return _("%(left)s of %(capacity)s left") % {"left": activity.places_left, "capacity": activity.capacity}


class ActivityViewSet(OrganisationScopedViewSet):
    model = Activity
    icon = "date"
    menu_label = _("Activities")
    index_view_class = ActivityIndexView
    filterset_class = ActivityFilterSet
    search_backend_name = None
    search_fields = ["title_nl", "title_fr", "title_en", "organisation__name"]
    list_display = [
        "__str__",
        "organisation",
        Column("activity_status", label=_("Status"), accessor=status_label),
        Column("next_session", label=_("Next session"), accessor=next_session_label),
        Column("places", label=_("Places"), accessor=places_label),
    ]
    list_per_page = 50
    copy_view_enabled = True

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    TranslationStatusPanel(),
                    FieldPanel("organisation", widget=forms.Select),
                    FieldPanel("original_language"),
                    *per_language("title", "summary", "description"),
                    FieldPanel("pillar"),
                    FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                    MultiFieldPanel(
                        [
                            FieldPanel("for_children"),
                            FieldPanel("for_youths"),
                            FieldPanel("for_parents"),
                            FieldPanel("for_families"),
                            FieldPanel("for_professionals"),
                        ],
                        heading=_("For whom"),
                    ),
                    FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")], heading=_("Ages")),
                    MultiFieldPanel(
                        [
                            FieldPanel("preschool"),
                            FieldPanel("primary"),
                            FieldPanel("secondary"),
                            FieldPanel("school_system"),
                        ],
                        heading=_("School"),
                    ),
                ],
                heading=_("What"),
            ),
            ObjectList(
                [
                    FieldPanel("schedule_kind"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                    FieldPanel("weekdays"),
                    FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                    FieldPanel("skip_school_holidays"),
                    InlinePanel(
                        "cancellations",
                        heading=_("Dates without a session"),
                        label=_("Date without a session"),
                        panels=[
                            FieldPanel("date"),
                            FieldPanel("reason_nl"),
                            FieldPanel("reason_fr"),
                            FieldPanel("reason_en"),
                        ],
                    ),
                ],
                heading=_("When"),
            ),
            ObjectList([FieldPanel("venue"), FieldPanel("is_online")], heading=_("Where")),
            ObjectList(
                [
                    FieldRowPanel(
                        [FieldPanel("price_unit"), FieldPanel("price"), FieldPanel("reduced_price")]
                    ),
                    FieldPanel("reduced_schemes"),
                    FieldRowPanel([FieldPanel("join_mode"), FieldPanel("capacity")]),
                    FieldPanel("spoken_languages", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("interpreter_available"),
                    FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
                    FieldPanel("image"),
                    FieldPanel("cancelled"),
                ],
                heading=_("Cost and joining"),
            ),
        ],
        base_form_class=ActivityAdminForm,
    )


# --- Venues ----------------------------------------------------------------------------------


class VenueFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(label=_("Organisation"), queryset=organisation_choices)

    class Meta:
        model = Venue
        fields = ["organisation", "wheelchair_accessible"]


class VenueViewSet(OrganisationScopedViewSet):
    model = Venue
    icon = "site"
    filterset_class = VenueFilterSet
    search_fields = ["name", "street", "postcode", "municipality"]
    list_display = ["__str__", "organisation", "street", "postcode", "wheelchair_accessible"]
    edit_handler = ObjectList(
        [
            TranslationStatusPanel(),
            FieldPanel("organisation", widget=forms.Select),
            FieldPanel("name"),
            FieldPanel("street"),
            FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality")]),
            MultiFieldPanel(
                [FieldPanel("latitude"), FieldPanel("longitude", widget=MapPickerWidget())],
                heading=_("Place on the map"),
            ),
            FieldPanel("wheelchair_accessible"),
            *per_language("directions"),
        ],
        base_form_class=VenueAdminForm,
    )


# --- Taxonomies (editors) ---------------------------------------------------------------------


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name_nl", "name_fr", "name_en", "slug"]
    panels = [
        TranslationStatusPanel(),
        *[FieldPanel(f"name_{code}") for code, _label in LANGUAGE_CHOICES],
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]


class SpokenLanguageViewSet(SnippetViewSet):
    model = SpokenLanguage
    icon = "globe"
    list_display = ["name", "code"]
    search_fields = ["name_nl", "name_fr", "name_en", "code"]
    panels = [
        TranslationStatusPanel(),
        FieldPanel("code"),
        *[FieldPanel(f"name_{code}") for code, _label in LANGUAGE_CHOICES],
    ]


class SchoolHolidayViewSet(SnippetViewSet):
    model = SchoolHoliday
    icon = "calendar"
    list_display = ["name", "start_date", "end_date", "school_system"]
    list_filter = ["school_system"]
    panels = [
        TranslationStatusPanel(),
        *[FieldPanel(f"name_{code}") for code, _label in LANGUAGE_CHOICES],
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("school_system"),
    ]


class ActivitiesGroup(SnippetViewSetGroup):
    menu_label = _("Activities")
    menu_icon = "date"
    menu_name = "activities"
    menu_order = 200
    submenu_hook = "register_activities_menu_item"
    items = (ActivityViewSet, VenueViewSet, ThemeViewSet, SpokenLanguageViewSet, SchoolHolidayViewSet)


register_snippet(ActivitiesGroup)


# --- Registrations, attendance and import ----------------------------------------------------------


@hooks.register("register_admin_urls")
def register_activities_admin_urls():
    return [
        path(
            "activities/<int:pk>/registrations/", admin_views.registrations, name="activities_registrations"
        ),
        path(
            "activities/<int:pk>/registrations.csv",
            admin_views.registrations_csv,
            name="activities_registrations_csv",
        ),
        path("activities/import/", admin_views.import_activities, name="activities_import"),
        path(
            "activities/import/template.csv", admin_views.import_template, name="activities_import_template"
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def registrations_button(snippet, user, next_url=None):
    # The same people as the rule activities.view_registrations (members of the organisation,
    # moderators, editors), from what is cached on the user: no query per row.
    if (
        isinstance(snippet, Activity)
        and snippet.join_mode == JoinMode.REGISTRATION
        and (sees_all_organisations(user) or snippet.organisation_id in partner_organisation_ids(user))
    ):
        yield ListingButton(
            _("Registrations"),
            reverse("activities_registrations", args=[snippet.pk]),
            icon_name="group",
            priority=15,
        )


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_import(request.user)


@hooks.register("register_activities_menu_item")
def import_menu_item():
    return ImportMenuItem(_("Import activities"), reverse("activities_import"), icon_name="upload", order=900)
