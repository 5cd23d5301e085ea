"""The roles of the domain (see shared/docs/domain.md) and the Wagtail groups behind staff roles.

Roles are not exclusive: a youth worker can also be a parent. Parent and youth come from the
account type chosen at sign-up; partner from membership of an approved organisation;
coordinator, moderator and editor from membership of the matching group, which also carries
the Wagtail admin permissions of that role.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.utils.translation import gettext_lazy as _

PARENT = "parent"
YOUTH = "youth"
PARTNER = "partner"
COORDINATOR = "coordinator"
MODERATOR = "moderator"
EDITOR = "editor"

ROLE_LABELS = {
    PARENT: _("Parent"),
    YOUTH: _("Youth"),
    PARTNER: _("Partner"),
    COORDINATOR: _("Coordinator"),
    MODERATOR: _("Moderator"),
    EDITOR: _("Editor"),
}

# Staff roles are Wagtail groups; the permissions each group gets (app_label.codename).
ROLE_GROUPS = {
    PARTNER: "Partners",
    COORDINATOR: "Coordinators",
    MODERATOR: "Moderators",
    EDITOR: "Editors",
}
GROUP_PERMISSIONS = {
    "Partners": ["wagtailadmin.access_admin"],
    "Coordinators": [],
    "Moderators": ["wagtailadmin.access_admin"],
    "Editors": [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "organisations.view_organisation",
        "organisations.change_organisation",
        "organisations.approve_organisation",
        "village.change_footersettings",
    ],
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def roles_of(user):
    if not user.is_authenticated:
        return []
    from .models import AccountType

    group_names = set(user.groups.values_list("name", flat=True))
    found = []
    if user.account_type == AccountType.PARENT:
        found.append(PARENT)
    if user.account_type == AccountType.YOUTH:
        found.append(YOUTH)
    if user.organisation_memberships.filter(organisation__status="approved").exists():
        found.append(PARTNER)
    for role in (COORDINATOR, MODERATOR, EDITOR):
        if ROLE_GROUPS[role] in group_names or (role == EDITOR and user.is_superuser):
            found.append(role)
    return found


def ensure_role_groups(app_config=None, using="default", apps=global_apps, **kwargs):
    """Create the staff role groups with their permissions (idempotent; runs after migrate)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for config in global_apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using, apps=apps)
    for group_name, perms in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.using(using).get_or_create(name=group_name)
        for perm in perms:
            app_label, codename = perm.split(".")
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if permission:
                group.permissions.add(permission)
    _grant_editor_page_permissions(using, apps)


def _grant_editor_page_permissions(using, apps):
    try:
        Page = apps.get_model("wagtailcore", "Page")
        GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        return
    root = Page.objects.using(using).filter(depth=1).first()
    if root is None:
        return
    editors = Group.objects.using(using).get(name="Editors")
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = (
            Permission.objects.using(using)
            .filter(content_type__app_label="wagtailcore", codename=codename)
            .first()
        )
        if permission:
            GroupPagePermission.objects.using(using).get_or_create(
                group=editors, page=root, permission=permission
            )
