from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from village.panels import TranslationStatusPanel, per_language

from . import admin_views
from .models import Organisation, OrganisationStatus


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "municipality", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "municipality"]
    inspect_view_enabled = True
    panels = [
        TranslationStatusPanel(),
        FieldPanel("name"),
        FieldPanel("kind"),
        *per_language("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality")]),
            ],
            heading=_("Contact"),
        ),
    ]


register_snippet(OrganisationViewSet)


@hooks.register("register_admin_urls")
def register_decision_url():
    return [
        path("organisations/<int:pk>/decide/", admin_views.decide, name="organisations_decide"),
    ]


@hooks.register("register_snippet_listing_buttons")
def decision_button(snippet, user, next_url=None):
    if (
        isinstance(snippet, Organisation)
        and snippet.status == OrganisationStatus.PENDING
        and user.has_perm("organisations.approve_organisation")
    ):
        yield ListingButton(
            _("Approve or reject"),
            reverse("organisations_decide", args=[snippet.pk]),
            priority=5,
        )
