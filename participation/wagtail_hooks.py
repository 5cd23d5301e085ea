"""The participation admin: the moderation queue (with the number waiting on the menu item),
the log of decisions, and the blocklist of words that hold a contribution for review."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.roles import EDITOR, MODERATOR, ROLE_GROUPS

from . import admin_views, moderation_services
from .models import BlockedWord


class ModeratorsPermissionPolicy(ModelPermissionPolicy):
    """Moderators and editors (and superusers) manage the model; nobody else."""

    def _allowed(self, user):
        return user.is_active and (user.is_superuser or admin_views.may_moderate(user))

    def user_has_permission(self, user, action):
        return self._allowed(user)

    def user_has_any_permission(self, user, actions):
        return self._allowed(user)

    def users_with_any_permission(self, actions):
        groups = [ROLE_GROUPS[MODERATOR], ROLE_GROUPS[EDITOR]]
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name__in=groups))
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(BlockedWord, ModeratorsPermissionPolicy(BlockedWord))


class BlockedWordViewSet(SnippetViewSet):
    model = BlockedWord
    icon = "warning"
    menu_label = _("Blocked words")
    add_to_admin_menu = False
    list_display = ["word", "language"]
    list_filter = ["language"]
    search_fields = ["word"]
    search_backend_name = None


register_snippet(BlockedWordViewSet)


class ModerationMenuItem(MenuItem):
    """ "Moderation (3)": the number of contributions waiting, counted when the menu is drawn."""

    def is_shown(self, request):
        return admin_views.may_moderate(request.user)

    def render_component(self, request):
        count = moderation_services.queue_count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class BlockedWordsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_moderate(request.user)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("moderation/", admin_views.queue, name="participation_moderation_queue"),
        path("moderation/log/", admin_views.log, name="participation_moderation_log"),
        path(
            "moderation/<str:kind>/<int:pk>/decide/",
            admin_views.decide,
            name="participation_moderation_decide",
        ),
    ]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(
        _("Moderation"),
        reverse("participation_moderation_queue"),
        name="moderation",
        icon_name="warning",
        order=250,
    )


@hooks.register("register_admin_menu_item")
def blocked_words_menu_item():
    return BlockedWordsMenuItem(
        _("Blocked words"),
        reverse("wagtailsnippets_participation_blockedword:list"),
        name="blocked-words",
        icon_name="cross",
        order=260,
    )
