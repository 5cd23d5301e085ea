"""Admin for learning networks: creating networks and appointing their first facilitator.

Only people with the model permissions (superusers by default) see these menus. Everything
inside a network (sessions, cases, practices, signals) is deliberately NOT in the admin: it
is for the network's members, on the network's own pages.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from village.panels import TranslationStatusPanel, per_language

from .models import Network, NetworkMember


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    menu_label = _("Networks")
    list_display = ["name", "slug", "kind", "region_label"]
    list_filter = ["kind"]
    search_fields = ["name_nl", "name_fr", "name_en", "slug"]
    panels = [
        TranslationStatusPanel(),
        *per_language("name", "description", "region_label"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("postcode_ranges")]),
    ]


class NetworkMemberViewSet(SnippetViewSet):
    model = NetworkMember
    icon = "user"
    menu_label = _("Members")
    list_display = ["user", "network", "role", "joined_at"]
    list_filter = ["network", "role"]
    search_fields = ["user__email", "user__display_name"]
    panels = [
        FieldPanel("network"),
        FieldPanel("user"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("function")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("phone")]),
    ]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (NetworkViewSet, NetworkMemberViewSet)
    menu_icon = "group"
    menu_label = _("Learning networks")
    menu_name = "learning-networks"


register_snippet(NetworkViewSetGroup)
